#!/bin/sh
# test_mouse.sh — mouse = on in the settings: a click on a tab goes to it,
# a click on a row selects it (twice opens it), the wheel moves three
# rows; without the setting a click changes nothing. tmux passes the
# terminal's mouse reports to the program as bytes; here they are written
# as the X10 reports the terminal description (tmux-256color: kmous=\E[M)
# announces: ESC [ M, then 32 + button, 33 + column, 33 + row.
. tests/lib.sh
. tests/tui/tui-lib.sh

XDG_CONFIG_HOME=$TMP/cfg
export XDG_CONFIG_HOME
mkdir -p "$XDG_CONFIG_HOME/ogpo"
demo_db
n=$(officer_count)

# mouse BUTTON X Y: a report of button (0 press, 3 release, 64 wheel
# up, 65 wheel down) at column X, row Y (from 0).
mouse() {
	tx send-keys -t "$TUI_S" -H 1b 5b 4d "$(printf %x $((32 + $1)))" \
	    "$(printf %x $((33 + $2)))" "$(printf %x $((33 + $3)))"
}
click() { mouse 0 "$1" "$2"; mouse 3 "$1" "$2"; }
# double_click X Y: two clicks in one go, well within the 400 ms.
double_click() {
	_x=$(printf %x $((33 + $1))) _y=$(printf %x $((33 + $2)))
	tx send-keys -t "$TUI_S" -H 1b 5b 4d 20 "$_x" "$_y" 1b 5b 4d 23 \
	    "$_x" "$_y" 1b 5b 4d 20 "$_x" "$_y" 1b 5b 4d 23 "$_x" "$_y"
}

# tab_x LABEL: the column of the tab "LABEL" in the header (where the
# tabs have brackets, of the bracket).
tab_x() {
	screen
	head -n 1 "$SCR" | awk -v t=" $1" '{ print index($0, t) }'
}

# row_text Y: the text on screen row Y (from 0), blanks squeezed.
row_text() { screen; sed -n "$(($1 + 1))p" "$SCR" | tr -s ' '; }

# --- mouse = off (the default): clicks change nothing ----------------------
tui_start off 80 24
x=$(tab_x "3 Meetings")
check "the Meetings tab is in the header (column $x)" test "$x" -gt 0
click "$((x + 2))" 0
keys C-l
sleep 0.3
expect "without mouse = on a click on a tab does nothing" \
    "Supervising minister"
expect_pos "nor moves the selection" "1/$(status_pos | cut -d/ -f2)"
tui_stop

# --- mouse = on ----------------------------------------------------------
printf 'mouse = on\n' >"$XDG_CONFIG_HOME/ogpo/config"
tui_start on 80 24
x=$(tab_x "3 Meetings")
click "$((x + 2))" 0
expect "a click on [3 Meetings] goes to the Meetings tab" \
    "Meetings, newest first"
x=$(tab_x "2 Officers")
click "$((x + 1))" 0
expect "a click on [2 Officers] goes to the Officers tab" "Officers of"
expect_pos "the first officer is selected" "1/$n"

# Rows start under the title and column lines: row 0 of the list is
# screen row 3; the fourth row is screen row 6.
name=$(row_text 6 | awk '{ print $1 }')
click 3 6
expect_pos "a click on the fourth row selects it" "4/$n"
expect_sel "the row clicked is the one selected ($name)" "$name"
click 3 23
sleep 0.2
expect_pos "a click on the status line selects nothing" "4/$n"
mouse 65 10 10
expect_pos "the wheel down moves three rows" "7/$n"
mouse 65 10 10
expect_pos "and three more" "10/$n"
mouse 64 10 10
expect_pos "the wheel up moves back three" "7/$n"

# Twice on a row opens it (on the Meetings tab: its attendance).
x=$(tab_x "3 Meetings")
click "$((x + 2))" 0
expect "back to the meetings" "Meetings, newest first"
click 5 4
expect_pos "one click selects the second meeting" \
    "2/$(status_pos | cut -d/ -f2)"
title=$(row_text 5 | awk '{ print $NF }')
double_click 5 5
expect "a double click opens the third meeting's attendance" "present "
expect "of that meeting ($title)" "$title"
esc
expect_gone "Esc closes it" "present "
tui_stop
tui_done
