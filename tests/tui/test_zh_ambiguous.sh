#!/bin/sh
# test_zh_ambiguous.sh — ambiguous_width = 2, for PuTTY, PieTTY or Windows
# Terminal set to draw East Asian ambiguous characters two cells wide, in
# Chinese at 80x24: the punctuation of ogpo's own words (… → –) is drawn
# as two ASCII characters, as wide as it is counted, so curses (which
# counts … and → one cell, as tmux does here) and the terminal agree on
# every column: the audit's change column starts in one cell on every
# row, a cut shows "..", a change "->", and no … or → reaches the
# screen, in a list, a record's popup or the status line.
. tests/lib.sh
. tests/tui/tui-lib.sh

CONFIG=$XDG_CONFIG_HOME/ogpo/config
mkdir -p "$XDG_CONFIG_HOME/ogpo"
printf 'ambiguous_width = 2\n' >"$CONFIG"

demo_db
# A change of the agency with the longest name, whose record is cut in
# the audit's 紀錄 column: the row the test reads.
vac=$("$OGPO" --db "$DB" list agencies --tsv | awk -F '\t' '$5 == "VAC" { print $1 }')
"$OGPO" --db "$DB" set agency "$vac" note=年度盤點 >/dev/null ||
    not_ok "set agency $vac"

# none_wide WHAT: no … or → on the screen.
none_wide() {
	screen
	if grep -q '…\|→' "$SCR"; then
		not_ok "$1: no … or → on the screen"; dump
	else
		ok "$1: no … or → on the screen"
	fi
}

tui_start_zh amb
keys 6
expect "6: the audit" "稽核軌跡"
expect "the change is drawn with ->" "備註 （空白） -> 年度盤點"
expect "the agency's name cut in its column ends in .." "機關 國軍退除役.."
none_wide "the audit"
# The mark that replaces … takes the two cells it is counted: the change
# column starts in one cell on the heading and on the row whose record
# is cut.
screen
hw=$(grep '變更內容' "$SCR" | sed 's/變更內容.*//' | wc -L)
rw=$(grep '年度盤點' "$SCR" | sed 's/備註 （空白）.*//' | wc -L)
check "the change column lines up after a cut record (heading $hw, row $rw)" \
    [ "$hw" = "$rw" ]
keys Enter
expect "Enter shows the change" "稽核軌跡中的一筆異動"
expect "… with ->" "變更內容：備註 （空白） -> 年度盤點"
none_wide "the change's popup"
esc
expect_gone "Esc closes it" "稽核軌跡中的一筆異動"
keys 3
expect "3: the meetings" "會議，由新至舊"
expect "a title cut in its column ends in .." "議題協作.."
none_wide "the meetings"
tui_stop

tui_done
