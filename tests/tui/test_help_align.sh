#!/bin/sh
# test_help_align.sh — the help's descriptions start at one column,
# measured in display cells, at 80x24 in Chinese and English: keys wider
# than their column (vi's <PgDn> <C-f> <C-d>, the form's <Tab> <Down>
# <Enter>) go on in rows of their own under it rather than pushing the
# description out of line, each row with the description beside it (a
# key alone, <Enter> under <Tab> <Down>, read as doing nothing); a key
# that is a Chinese character (a keymap of one's own) is padded by its
# width, not its bytes.
. tests/lib.sh
. tests/tui/tui-lib.sh

# col_of TEXT: the display column TEXT starts at on the screen's first
# line that holds it ("" if none).
col_of() {
	awk -v t="$1" '(i = index($0, t)) { print substr($0, 1, i - 1); exit }' \
	    "$SCR" | wc -L
}

# aligned WHAT TEXT REF: TEXT starts at the column REF does.
aligned() {
	screen
	_a=$(col_of "$2") _b=$(col_of "$3")
	if has_text "$2" && [ "$_a" = "$_b" ]; then
		ok "$1 (column $_a)"
	else
		not_ok "$1 ('$2' at $_a, '$3' at $_b)"; dump
	fi
}

printf 'bind list 查 search\nbind list <C-g> search\n' >"$TMP/mine.keymap"

for lg in zh en; do
	if [ $lg = zh ]; then
		TUI_LANG=zh_TW.UTF-8 TUI_READY='1 機關'
		UP=上移一列 PGDN=下移一頁 HERE=此處的按鍵 SEARCH=隨打即搜清單 NEW=新增紀錄
		NEXT=移至下一個欄位 PREV=移至上一個欄位 FORM=新增人員
		NEXTW=$NEXT
	else
		TUI_LANG=C.UTF-8 TUI_READY='1 Agencies'
		UP='move up one row' PGDN='move down one screen'
		SEARCH='search the list' NEW='add a record' HERE='Keys here'
		NEXT='the next field' PREV='the previous field' FORM='New officer'
		NEXTW='go to the next field'
	fi
	[ -e "$DB" ] || demo_db
	tui_start "vi$lg" 80 24 --keymap vi
	keys 2 '?'
	expect "$lg vi: the help" "$HERE"
	keys NPage
	expect "$lg vi: PgDn's keys, as many as fit" "<PgDn> <C-f> "
	aligned "$lg vi: … its description in the column of the others" \
	    "$PGDN" "$UP"
	expect "$lg vi: … the key that did not fit on a row under it" \
	    "│   <C-d>            $PGDN"
	screen
	check "$lg vi: … nothing wider than the screen" \
	    [ "$(wc -L <"$SCR")" -le 80 ]
	esc
	wait_gone "<Up> k" 5
	keys a
	expect "$lg: a: the form" "$FORM"
	keys F1
	expect "$lg form: F1: the form's keys" "<Tab> <Down> "
	aligned "$lg form: the next field's keys wrap, its words in line" \
	    "$NEXT" "$PREV"
	expect "$lg form: … <Enter> under them, said what it does" \
	    "│   <Enter>          $NEXTW"
	esc
	tui_stop

	tui_start "mine$lg" 80 24 --keymap "$TMP/mine.keymap"
	keys 2 '?'
	expect "$lg: a Chinese key is listed" "/ 查 <C-g>"
	aligned "$lg: … its description in line, padded by width" \
	    "$SEARCH" "$NEW"
	esc
	tui_stop
done
tui_done
