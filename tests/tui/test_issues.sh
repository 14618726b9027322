#!/bin/sh
# test_issues.sh — the Cases tab (once Issues): f narrows the list by
# stage, agency or trigger and F shows all again; the detail lists the
# case's meetings and the changes of its stage from the audit trail; m
# starts a collaboration meeting on the case with the POs of its agencies
# proposed.
. tests/lib.sh
. tests/tui/tui-lib.sh

# December: the demo's year of cases all falls in one ROC year, so the
# list (by number) starts with the eight cases of the older demo.
OGPO_NOW="2026-12-15 09:00"; export OGPO_NOW
demo_db
all=$("$OGPO" --db "$DB" list issues --tsv | awk 'END { print NR - 1 }')
open=$("$OGPO" --db "$DB" list issues --tsv |
    awk -F '\t' 'NR > 1 && $10 == "proposed"' | grep -c .)
# Case 2 (escalated in the demo) moves on, by another process.
"$OGPO" --db "$DB" set issue 2 stage=response >/dev/null

tui_start issues 100 30
keys 4
expect "the cases are listed" "Tracked cases: p reports"
expect_pos "all of them" "1/$all"
keys f
expect "f offers the filters" "Show which cases?"
keys Down Enter
expect "stage: proposed narrows the list" "Cases, stage: Proposed"
expect_pos "to the proposed cases" "1/$open"
keys F
check "F shows all again (the selection kept)" wait_count "$all"

# The detail of issue 2: its meeting and its history.
keys Home Down Space
expect "the detail names the issue's meeting" "議題協作會議 (Held)"
expect "the timeline shows the change of stage" "Collaboration → Response"
expect "and how it was opened" "opened as Collaboration"
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
expect "closed, back on the Cases tab" "Tracked cases: p reports"
expect_gone "… not on Meetings" "Meetings, newest first"
screen
check "the Cases tab is the one shown" grep -q "再生能源設置之地方溝通機制" "$SCR"
tui_stop
mtitle=$("$OGPO" --db "$DB" list meetings --tsv |
    awk -F '\t' '$5 == "issue" && $12 == "planned" { print $13 }')
check "the new meeting is linked to issue 2 ($mtitle)" test "$mtitle" = 2
tui_done
