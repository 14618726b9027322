#!/bin/sh
# test_attend_words.sh — an attendance row has no number of its own, so
# no message may call it "attendance #0" (出席紀錄 #0): an editor of 內政部
# marking someone of another agency on the sheet of a meeting another
# agency convened is refused in a box read whole, naming the person and
# their agency, the meeting and who convened it, at 80x24 and 120x40, in
# English and in Chinese; the database keeps what it had.
#
# A real Unix account (made here, removed at the end) runs the real
# binary: this needs root, as the test machine is.
. tests/lib.sh
. tests/tui/tui-lib.sh

tui_account ogpaw

demo_db
# The newest meeting (the Meetings tab's first row), taken place, and its
# sheet's second row, someone outside 內政部.
took_place
title=$mtitle
chgrp -R "$GRP" "$DB" && chmod 2770 "$DB" && chmod 660 "$DB"/*.mdb
"$OGPO" --db "$DB" user add "$ED" --role editor --agency MOI >/dev/null ||
    not_ok "an editor of MOI"
"$OGPO" --db "$DB" list meetings >"$TMP/before"

# refuse LANG READY COLS ROWS WORDS...: mark the second row present; the
# box shows each of WORDS and never #0.
refuse() {
	TUI_LANG=$1 TUI_READY=$2
	TUI_AS="setpriv --reuid=$ED --regid=$GRP --clear-groups"
	tui_start "aw-$3" "$3" "$4"
	TUI_AS=
	_c=$3 _r=$4 _lang=$1
	shift 4
	keys 3
	wait_for "$title" 5 >/dev/null
	keys Enter
	wait_for "$title" 5 >/dev/null
	keys Down
	settled
	head -n -1 "$SCR" >"$TMP/sheet.before"
	sel_row
	cp "$TMP/sel" "$TMP/sel.before"
	keys p
	for _w in "$@"; do
		expect "$_lang ${_c}x$_r: the refusal reads '$_w'" "$_w"
	done
	screen
	check "$_lang ${_c}x$_r: no row called #0" lacks_text "#0"
	keys Enter
	expect_gone "$_lang ${_c}x$_r: Enter closes the box" "$1"
	# The mark was shown before it was written: refused, it is taken
	# back, the counts and the chosen person with it.
	settled
	head -n -1 "$SCR" >"$TMP/sheet.after"
	check "$_lang ${_c}x$_r: the refused mark is taken back" \
	    cmp -s "$TMP/sheet.before" "$TMP/sheet.after" ||
	    diff "$TMP/sheet.before" "$TMP/sheet.after" | sed 's/^/#   /'
	sel_row
	check "$_lang ${_c}x$_r: the same person is chosen" \
	    cmp -s "$TMP/sel.before" "$TMP/sel"
	tui_stop
}

# settled: the screen, once two looks 200 ms apart show the same.
settled() {
	screen
	cp "$SCR" "$TMP/look"
	_i=0
	while [ $_i -lt 50 ]; do
		sleep 0.2
		screen
		cmp -s "$SCR" "$TMP/look" && return 0
		cp "$SCR" "$TMP/look"
		_i=$((_i + 1))
	done
}

# The box names the person's own agency (which marks its own people)
# and who convened the meeting (who marks the rest).
refuse C.UTF-8 '1 Agencies' 80 24 'Not saved' "may edit only within 內政部" \
    'the attendance of' '(外交部)' 'convened' '國家發展委員會' \
    'is outside that'
refuse C.UTF-8 '1 Agencies' 120 40 'Not saved' 'the attendance of' \
    '(外交部)' 'convened' 'is outside that'
refuse zh_TW.UTF-8 '1 機關' 80 24 '未儲存' '只能編輯內政部' '（外交部）' \
    '召開的「' '的出席紀錄不在此範圍內'
refuse zh_TW.UTF-8 '1 機關' 120 40 '未儲存' '（外交部）' '召開的「' \
    '的出席紀錄不在此範圍內'
"$OGPO" --db "$DB" list meetings >"$TMP/after"
check "the database keeps what it had" cmp -s "$TMP/before" "$TMP/after"
tui_done
