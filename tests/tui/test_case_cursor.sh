#!/bin/sh
# test_case_cursor.sh — the Cases tab, at 80x24 in Chinese and English:
# f's agency picker starts at the selected case's lead agency (not the top
# of the tree), and at the agency the list is narrowed to; after a new
# case is saved the cursor is on it (not on row 1); the database holds it.
. tests/lib.sh
. tests/tui/tui-lib.sh

# hl TEXT: the line holding TEXT is drawn selected (black on yellow).
hl() {
	tx capture-pane -p -e -t "$TUI_S" >"$SCR.e" 2>/dev/null
	grep -F -- "$1" "$SCR.e" | grep -q '\[43m\|;43m'
}
expect_hl() {
	if poll 5 hl "$2"; then ok "$1"; else not_ok "$1"; dump; fi
}

demo_db
"$OGPO" --db "$DB" add case title=游標測試案 lead=MOENV >/dev/null ||
    not_ok "a case led by 環境部"

for lg in zh en; do
	if [ $lg = zh ]; then
		TUI_LANG=zh_TW.UTF-8 TUI_READY='1 機關' AG=某機關 NEW=新增案件
		MOENV='環境部（MOENV）'
	else
		TUI_LANG=C.UTF-8 TUI_READY='1 Agencies' AG='an agency' NEW='New case'
		MOENV='環境部 (MOENV)'
	fi
	tui_start "cur$lg" 80 24
	keys 4 /
	text 游標測試案
	keys Enter
	expect_sel "$lg: the case led by 環境部 is selected" "游標測試案"
	keys f
	text "$AG"
	keys Enter
	expect_hl "$lg: f's agency picker starts at 環境部" "$MOENV"
	keys Enter
	expect "$lg: the list is narrowed to 環境部" "環境部"
	keys f
	text "$AG"
	keys Enter
	expect_hl "$lg: and starts there again" "$MOENV"
	keys Escape
	sleep 0.2
	keys Escape
	sleep 0.2

	# A new case: the cursor lands on it.
	keys a
	expect "$lg: a opens the form" "$NEW"
	text "新案游標$lg"
	keys Tab F2
	text 環境部
	keys Enter
	expect "$lg: its lead is 環境部" "$MOENV"
	keys C-s
	expect_gone "$lg: the form closes" "$NEW"
	expect_sel "$lg: the new case is the selected row" "新案游標$lg"
	tui_stop
	check "$lg: the database holds it" \
	    sh -c "'$OGPO' --db '$DB' list cases --tsv | grep -q 新案游標$lg"
done
tui_done
