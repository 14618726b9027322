#!/bin/sh
# test_layer_keys.sh — the keys the help lists on a page over the tabs do
# what it says: on the attendance sheet, a meeting's resolutions opened
# from it, and the topic vote, a tab's number closes the pages and goes
# to that tab, and : opens the command line; a key that does nothing on
# the sheet says so on the status line instead of nothing at all; the
# invitation checklist's keys are whole at 80 columns.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW
demo_db

tui_start layer 80 24
keys 3
expect "3: the meetings" "Meetings, newest first"
keys Enter
expect "Enter opens the attendance sheet" "Status"
keys '?' PgDn PgDn
expect "the sheet's help lists 6 for the Audit tab" "go to the Audit tab"
esc
keys Z
expect "a key that does nothing on the sheet says so" \
    "Z does nothing here"
keys 6
expect "6 on the sheet goes to the Audit tab" "Audit trail, newest first"
expect_gone "… and the sheet is closed" "Status"

keys 3
expect "3: the meetings again" "Meetings, newest first"
keys Enter
expect "the sheet" "Status"
keys R
expect "R opens the meeting's resolutions" "Reviewed here"
keys 4
expect "4 on the resolutions goes to the Cases tab, past both pages" \
    "Tracked cases"
keys 3
expect "3 then shows the meetings, no page left over them" \
    "Meetings, newest first"

keys 4
expect "4: the cases" "Tracked cases"
keys V
expect "V opens the topic vote" "Topic vote"
keys 2
expect "2 on the vote goes to the Officers tab" "Officers of all agencies"
expect_gone "… and the vote is closed" "Topic vote"

# A new meeting's invitation checklist: its keys' line whole at 80
# columns, saying that Space moves on.
keys 3 a
expect "a: a new meeting" "New meeting"
keys Tab
text 'Layer test'
keys C-s
expect "the checklist's keys, whole" \
    "Space: tick and move down   Enter: go ahead   Esc: cancel"
keys Enter
expect "the sheet once more" "Status"
keys :
expect "the command line opens from the sheet" ":"
text 'q'
keys Enter
if wait_exit 5; then ok ":q from the sheet ends ogpo"; else
	not_ok ":q from the sheet ends ogpo"; dump
fi
tui_stop
tui_done
