#!/bin/sh
# test_issues.sh — the Issues tab: f narrows the list by status, agency or
# trigger and F shows all again; the detail lists the issue's meetings and
# the history of its status from the audit trail; m starts a collaboration
# meeting on the issue with the POs of its agencies proposed.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
all=$("$OGPO" --db "$DB" list issues --tsv | awk 'END { print NR - 1 }')
open=$("$OGPO" --db "$DB" list issues --tsv |
    awk -F '\t' 'NR > 1 && $9 == "open"' | grep -c .)
# Issue 2 (escalated in the demo) moves on, by another process.
"$OGPO" --db "$DB" set issue 2 status=resolved >/dev/null

tui_start issues 100 30
keys 4
expect "the issues are listed" "Issues (triggers"
expect_pos "all of them" "1/$all"
keys f
expect "f offers the filters" "Show which issues?"
keys Down Enter
expect "status: open narrows the list" "Issues, status: Open"
expect_pos "to the open issues" "1/$open"
keys F
check "F shows all again (the selection kept)" wait_count "$all"

# The detail of issue 2: its meeting and its history.
keys Home Down Space
expect "the detail names the issue's meeting" "議題協作會議 (Held)"
expect "the history shows the change of status" "Escalated → Resolved"
expect "and how it was opened" "opened as Escalated"
esc

# m: a collaboration meeting on the issue, invitees proposed.
keys m
expect "m opens a new meeting form" "New meeting"
expect "of the issue collaboration kind" "Issue collaboration"
expect "titled after the issue" "再生能源設置之地方溝通機制議題協作會議"
keys C-s
expect "the POs of the issue's agencies are proposed" "chosen"
keys Enter
expect "the attendance view opens" "present 0 / invited"
esc
# Opened from Issues, it closes back to Issues.
expect "closed, back on the Issues tab" "Issues (triggers"
expect_gone "… not on Meetings" "Meetings, newest first"
screen
check "the Issues tab is the one shown" grep -q "再生能源設置之地方溝通機制" "$SCR"
tui_stop
mtitle=$("$OGPO" --db "$DB" list meetings --tsv |
    awk -F '\t' '$5 == "issue" && $12 == "planned" { print $13 }')
check "the new meeting is linked to issue 2 ($mtitle)" test "$mtitle" = 2
tui_done
