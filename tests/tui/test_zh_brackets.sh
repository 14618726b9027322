#!/bin/sh
# test_zh_brackets.sh — an agency named with its code reads 內政部（MOI）
# in Chinese (full-width brackets) and 內政部 (MOI) in English: in the
# form, the agency picker and the audit trail on the screen, at 80x24
# and 120x40, and in `ogpo audit`.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
"$OGPO" --db "$DB" add officer name=括號測試 agency=MOI role=member \
    function=business email=paren@example.gov.tw >/dev/null ||
    not_ok "an officer of 內政部"
id=$("$OGPO" --db "$DB" list officers --tsv |
    awk -F '\t' '$5 == "括號測試" { print $1 }')
"$OGPO" --db "$DB" set officer "$id" agency=MOA >/dev/null ||
    not_ok "the officer moves to 農業部"

# brackets LANG READY COLS ROWS MOI MOA BAD MOFA: the new agency form
# under 內政部 shows MOI, its picker MOFA; the audit tab shows the move
# MOI → MOA (at 80 columns the row cuts MOA); BAD (the other language's
# form) is nowhere.
brackets() {
	TUI_LANG=$1 TUI_READY=$2
	tui_start "br-$3" "$3" "$4"
	keys Down a
	expect "$1 $3x$4: the new agency's parent" "$5"
	keys Tab Tab F2
	expect "$1 $3x$4: the agency picker" "$8"
	screen
	check "$1 $3x$4: … never $7" lacks_text "$7"
	keys Escape
	sleep 0.2
	keys Escape
	sleep 0.2
	keys Escape
	sleep 0.2
	keys 6
	expect "$1 $3x$4: the audit trail names the agency moved from" "$5"
	[ "$3" -lt 100 ] ||
	    expect "$1 $3x$4: … and the one moved to" "$6"
	screen
	check "$1 $3x$4: … never $7" lacks_text "$7"
	tui_stop
}

brackets zh_TW.UTF-8 '1 機關' 80 24 '內政部（MOI）' '農業部（MOA）' ' (MO' \
    '外交部（MOFA）'
brackets zh_TW.UTF-8 '1 機關' 120 40 '內政部（MOI）' '農業部（MOA）' ' (MO' \
    '外交部（MOFA）'
brackets C.UTF-8 '1 Agencies' 80 24 '內政部 (MOI)' '農業部 (MOA)' '（MO' \
    '外交部 (MOFA)'
brackets C.UTF-8 '1 Agencies' 120 40 '內政部 (MOI)' '農業部 (MOA)' '（MO' \
    '外交部 (MOFA)'

LANG=zh_TW.UTF-8 LC_ALL=zh_TW.UTF-8 "$OGPO" --db "$DB" audit >"$TMP/zh" 2>&1
contains "ogpo audit in Chinese: 內政部（MOI） → 農業部（MOA）" "$TMP/zh" \
    "內政部（MOI） → 農業部（MOA）"
LANG=C.UTF-8 LC_ALL=C.UTF-8 "$OGPO" --db "$DB" audit >"$TMP/en" 2>&1
contains "ogpo audit in English: 內政部 (MOI) → 農業部 (MOA)" "$TMP/en" \
    "內政部 (MOI) → 農業部 (MOA)"
tui_done
