#!/bin/sh
# test_compliance_narrow.sh — the Compliance tab at 80x24 and 120x40, in
# Traditional Chinese and English: the rule column is as wide as its
# longest label and no wider; what a row cuts of a finding's sentence is
# read whole under the list, for the selected finding, wrapped (Chinese
# wraps between characters, not only at spaces), and it follows the
# selection.
. tests/lib.sh
. tests/tui/tui-lib.sh

XDG_CONFIG_HOME=$TMP/cfg
export XDG_CONFIG_HOME
mkdir -p "$XDG_CONFIG_HOME/ogpo"
# The findings are the demo's, built around the clock, and the last one's
# sentence is found below by its date: the day fixed (the program's in
# tmux too), they are the same whenever this runs.
OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW
demo_db

# finding LANG N: finding N's whole sentence as the screen would read it
# ("subject: detail", the colon of LANG), with no spaces.
finding() {
	LANG=$1 LC_ALL=$1 "$OGPO" --db "$DB" check --tsv |
	    awk -F '\t' -v n="$(($2 + 1))" -v c="$3" \
	    'NR == n { print $2 c $3 }' | tr -d ' '
}
# whole TEXT: the screen, spaces and line ends taken out, holds TEXT.
whole() { screen; tr -d ' \n' <"$SCR" | grep -qF -- "$1"; }
expect_whole() {
	if poll 5 whole "$2"; then ok "$1"; else not_ok "$1 ($2)"; dump; fi
}

# comp LANG READY COLS ROWS RULE-ROW COLON: open tab 5; RULE-ROW starts a
# row (the longest rule, one space, its subject).
comp() {
	TUI_LANG=$1 TUI_READY=$2
	tui_start "comp-$3" "$3" "$4"
	keys 5
	expect "$1 $3x$4: the rule column is as wide as its longest label" "$5"
	screen
	check "$1 $3x$4: … which starts its row" grep -q "^$5" "$SCR"
	n=$(LANG=$1 LC_ALL=$1 "$OGPO" --db "$DB" check --tsv | awk 'END { print NR - 1 }')
	expect_whole "$1 $3x$4: the first finding is read whole" \
	    "$(finding "$1" 1 "$6")"
	keys End
	expect_whole "$1 $3x$4: End: the last finding is read whole" \
	    "$(finding "$1" "$n" "$6")"
	keys Up
	expect_whole "$1 $3x$4: Up: the one before it" \
	    "$(finding "$1" $((n - 1)) "$6")"
	screen
	_w=$(wc -L <"$SCR")
	check "$1 $3x$4: nothing is wider than the screen ($_w)" \
	    [ "$_w" -le "$3" ]
	tui_stop
}

comp zh_TW.UTF-8 '1 機關' 80 24 '聯絡人非公務人員 賴凱翔' '：'
comp C.UTF-8 '1 Agencies' 80 24 'PO not a civil servant 賴凱翔' ':'
comp zh_TW.UTF-8 '1 機關' 120 40 '聯絡人非公務人員 賴凱翔' '：'
comp C.UTF-8 '1 Agencies' 120 40 'PO not a civil servant 賴凱翔' ':'

# The Chinese sentence under the list breaks between characters: its
# first line fills the width rather than ending at the last space.
TUI_LANG=zh_TW.UTF-8 TUI_READY='1 機關'
tui_start comp-wrap 80 24
keys 5 End
n=$("$OGPO" --db "$DB" check --tsv | awk 'END { print NR - 1 }')
expect_whole "the last finding is read whole" "$(finding zh_TW.UTF-8 "$n" '：')"
screen
line=$(grep -F '：2026-' "$SCR" | tail -n 1)
w=$(printf '%s\n' "$line" | wc -L)
check "its first line fills the width ($w of 80 cells)" [ "$w" -ge 76 ]
tui_done
