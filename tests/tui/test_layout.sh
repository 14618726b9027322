#!/bin/sh
# test_layout.sh — what must stay on screen at 80 columns as at 120:
# the status line's undo hint on every tab that has undo; a long name
# whole in the officers list, the other columns giving it their room;
# an agency's history (v) in columns by display width; the compliance
# tab's rule column as wide as its widest rule, not wider; the officer
# detail lists the officer's attendance; F1 opens help in a form.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
"$OGPO" --db "$DB" add officer name=瓦歷斯·諾幹 agency=MOI role=po \
    email=walis@moi.gov.tw >/dev/null

run_case() {
	TUI_LANG=$1 TUI_READY=$2
	zh=0
	[ "$1" = zh_TW.UTF-8 ] && zh=1
	n=lay$3$( [ $zh = 1 ] && echo zh || echo en)
	L() { if [ $zh = 1 ]; then echo "$2"; else echo "$1"; fi; }
	tui_start "$n" "$3" "$4"

	for t in 1 2 3 4; do
		keys $t
		sleep 0.3
		screen
		if status_line | grep -qF "$(L 'u undo' 'u 復原')"; then
			ok "$n: tab $t keeps the undo hint"
		else
			not_ok "$n: tab $t keeps the undo hint"; dump
		fi
	done
	keys 2 /
	text 瓦歷斯
	keys Enter
	expect "$n: a long name is shown whole" "瓦歷斯·諾幹 "
	keys 1 Home Down v
	expect "$n: v shows the agency's designations" "$(L Designations 指派歷程)"
	# Where each term's first date starts, in cells: one column.
	screen
	cols=$(grep -F ' – ' "$SCR" |
	    sed -E 's/([0-9]{4}-[0-9]{2}-[0-9]{2}|\?) +– .*//' |
	    while IFS= read -r l; do printf '%s\n' "$l" |
	    LC_ALL=C.UTF-8 wc -L; done | sort -u | wc -l)
	check "$n: the history's dates start in one column" [ "$cols" -eq 1 ]
	esc
	keys 2 Home Space
	expect "$n: the officer detail lists the attendance" \
	    "$(L 'Attendance: ' '出席紀錄：')"
	expect "$n: … each meeting's date, kind and status" \
	    "$(L 'work meeting: ' '工作推動會議：')"
	esc
	keys a
	expect "$n: a opens the new officer form" "$(L 'New officer' 新增人員)"
	keys F1
	expect "$n: F1 in the form opens help" "$(L 'Keys here' 此處的按鍵)"
	esc
	expect_gone "$n: Esc closes it" "$(L 'Keys here' 此處的按鍵)"
	expect "$n: back in the form" "$(L 'New officer' 新增人員)"
	esc
	keys 5
	expect "$n: 5 shows compliance" "$(L 'What is missing' 缺少的項目)"
	screen
	about=$(grep -m1 "$(L 'About' '對象')" "$SCR" |
	    sed "s/$(L 'About' '對象').*//" | LC_ALL=C.UTF-8 wc -L)
	widest=$(grep -o "$(L 'PO not a civil servant' 聯絡人非公務人員)" \
	    "$SCR" | head -1 | LC_ALL=C.UTF-8 wc -L)
	check "$n: the rule column is as wide as its widest rule" \
	    [ "$about" -eq $((widest + 1)) ]
	tui_stop
}

run_case C.UTF-8 '1 Agencies' 80 24
run_case zh_TW.UTF-8 '1 機關' 80 24
run_case C.UTF-8 '1 Agencies' 120 40
run_case zh_TW.UTF-8 '1 機關' 120 40
tui_done
