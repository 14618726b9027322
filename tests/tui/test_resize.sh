#!/bin/sh
# test_resize.sh — the screen follows the terminal's size: a detail panel
# from 120 columns, the frame at 80x24, a notice below it, and the same
# selection after; a form keeps what was typed through resizes.
. tests/lib.sh
. tests/tui/tui-lib.sh

resize() { tx resize-window -t "$TUI_S" -x "$1" -y "$2"; }
# Display column where TEXT starts on the first line holding it.
col_of() {
	grep -F -- "$1" "$SCR" | head -1 | awk -v t="$1" \
	    '{ print substr($0, 1, index($0, t) - 1) }' | tr -d '\n' | wc -L
}

demo_db
n=$(officer_count)
tui_start resize 120 40
keys 2
expect_pos "officers at 120x40" "1/$n"
keys Down Down Down
expect_pos "three rows down" "4/$n"
sel_row
name=$(awk '{ print $1 }' "$TMP/sel")
check "a row is selected ($name)" [ -n "$name" ]
expect "the detail panel shows the selected officer's e-mail" "E-mail: "
expect "the detail panel names the selected officer" "Name: $name"
screen
c=$(col_of "E-mail: ")
check "the detail panel is on the right (E-mail: at column $c)" [ "$c" -ge 70 ]

resize 80 24
expect_gone "no detail panel at 80x24" "Name: $name"
expect "the header is there at 80x24, every tab" " ogpo 1 Agencies 2 Officers 3 Meetings 4 Cases 5 Compliance 6 Audit"
expect_pos "the position is kept at 80x24" "4/$n"
expect_sel "the same row is selected at 80x24" "$name"

resize 60 20
expect "below 80x24 a notice says so" "terminal too small (need 80x24)"
expect_gone "and nothing else is drawn" "1 Agencies"
resize 79 24
expect "79x24 is too small as well" "terminal too small (need 80x24)"
resize 100 30
expect_gone "at 100x30 the notice goes" "terminal too small"
expect "the officers list is back" "Officers of all agencies"
expect_pos "the position is kept through the small size" "4/$n"
expect_sel "the same officer is selected as before" "$name"

# --- a form keeps what was typed -----------------------------------------
keys a
expect "a opens the form" "New officer"
text 測試輸入中
expect "the typed name shows" "測試輸入中"
resize 120 40
expect "the form is redrawn at 120x40" "New officer"
expect "the typed name is still there at 120x40" "測試輸入中"
resize 60 20
expect "too small with the form open" "terminal too small"
resize 80 24
expect "the form is back at 80x24" "New officer"
expect "the typed name survives too small and back" "測試輸入中"
text 好
expect "typing goes on in the same field" "測試輸入中好"
esc
expect "Esc asks before throwing the typing away" "Throw away what you typed"
keys y
expect_gone "y closes the form" "New officer"
expect_pos "the list is where it was" "4/$n"
check "nothing was saved" [ "$(officer_count)" -eq "$n" ]
tui_done
