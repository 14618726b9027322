#!/bin/sh
# test_tabs.sh — the tabs, Tab cycling, the help popup, q.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
n=$(officer_count)
check "the demo has officers ($n)" [ "$n" -gt 0 ]

tui_start tabs 140 30
expect "tree shows 行政院" "行政院"
expect "tree shows 內政部" "內政部"
screen
if grep -qE '! no (supervisor|PO)' "$SCR"; then
	ok "tree marks an agency without a PO or supervisor"
else
	not_ok "tree marks an agency without a PO or supervisor"; dump
fi
expect "header names the tabs" "[1 Agencies] [2 Officers] [3 Meetings] [4 Cases] [5 Compliance] [6 Audit] [7 Users]"
expect "header shows the database" "$DB"

keys 2
expect "2 shows all officers" "Officers of all agencies"
expect_pos "position is 1/$n, n from list officers" "1/$n"
keys 3
expect "3 shows meetings" "Meetings, newest first"
keys 4
expect "4 shows the cases" "Tracked cases: p reports"
keys Tab
expect "Tab from Issues goes on to Compliance" "What breaks the regulation"
keys 5
expect "5 shows compliance too" "What breaks the regulation"
keys Tab
expect "Tab from Compliance goes on to the Audit trail" "Audit trail, newest first"
keys Tab
expect "Tab goes on to Users (the demo's maker is its admin)" "Who may use the database"
keys Tab
expect "Tab from Users goes round to Agencies" "Supervising minister"
keys Tab
expect "Tab goes on to Officers" "Officers of all agencies"
keys BTab
expect "Shift-Tab goes back to Agencies" "Supervising minister"

keys '?'
expect "? shows the help popup, the keys of the view in front first" \
    "Keys here: Agencies"
expect "… what they do in the agency tree" "open a branch of the tree"
esc
expect_gone "Esc closes the help popup" "Keys here: Agencies"
expect "the tree is back after help" "Supervising minister"

# The help lists "/ search" for help windows too: it finds a line.
keys '?'
expect "? opens help again" "Keys here: Agencies"
expect_gone "help starts at its top (every key of the keymap is further \
down)" "Every key of the active keymap" 1
keys /
text "Every key"
keys Enter
expect "/Every key in help brings the whole keymap into view" \
    "Every key of the active keymap"
keys /
text "leave ogpo"
keys Enter
expect "… and q, leave ogpo" "leave ogpo"
expect "help is still open after the search" "Esc: close" 1
screen
has_text "Esc: close" && esc
expect_gone "help is closed" "Esc: close"

keys q
if wait_exit 3; then ok "q ends the program"; else
	not_ok "q ends the program"; dump
fi
check "exit status 0 after q (was $TUI_STATUS)" [ "$TUI_STATUS" = 0 ]
tui_done
