#!/bin/sh
# test_export_agency.sh — :export officers writes what the Officers tab
# shows: narrowed to one agency (Enter on it in the Agencies tab), that
# agency's own officers alone, as ogpo export officers --agency writes
# them, and the question and the message say whose and how many; shown
# all (F), every officer. In English at 100x30 and in Chinese at 80x24.
. tests/lib.sh
. tests/tui/tui-lib.sh

same() {
	if [ "$2" = "$3" ]; then ok "$1"; else
		not_ok "$1 (got '$2', wanted '$3')"
	fi
}

demo_db
TOOL=$(pwd)/build/tools/table-tool
mkdir -p "$TMP/here"
cd "$TMP/here" || exit 1
moi=$("$OGPO" --db "$DB" list officers --agency MOI --tsv |
    awk 'END { print NR - 1 }')
all=$(officer_count)
"$OGPO" --db "$DB" export officers --agency MOI -o "$TMP/moi.ods" >/dev/null
"$TOOL" dump "$TMP/moi.ods" >"$TMP/moi.dump" 2>&1
check "MOI has officers, and fewer than all" [ "$moi" -gt 0 ] &&
    [ "$moi" -lt "$all" ]

tui_start export-agency 100 30
keys 1
expect "the agencies are listed" "內政部"
keys Down Enter
expect "Enter on 內政部 narrows the Officers tab" \
    "Officers of 內政部 (F shows all)"
keys :
text "export officers"
keys Enter
expect "the question names the agency and how many" \
    "Write the $moi officers of 內政部 to the file"
expect "the file offered carries its code" "officers-MOI.ods"
keys Enter
expect "the message says whose and how many went where" \
    "Wrote the $moi officers of 內政部 to $(pwd -P)/officers-MOI.ods."
check "the file is there" test -f officers-MOI.ods
"$TOOL" dump officers-MOI.ods >"$TMP/tab.dump" 2>&1
same "it holds the header and MOI's officers alone" \
    "$(wc -l <"$TMP/tab.dump" | tr -d ' ')" "$((moi + 1))"
same "every row's agency code is MOI" \
    "$(awk -F '\t' 'NR > 1 && $3 != "MOI"' "$TMP/tab.dump" | wc -l |
    tr -d ' ')" 0
check "… as ogpo export officers --agency MOI writes it" \
    cmp -s "$TMP/tab.dump" "$TMP/moi.dump"
# Shown all, the export is of all.
keys F
expect "F shows all" "Officers of all agencies"
keys :
text "export officers"
keys Enter
expect "the plain question" "Write it to the file"
expect "the whole list's file" "officers.ods"
keys Enter
expect "every officer is written" \
    "Wrote $all rows to $(pwd -P)/officers.ods."
tui_stop

TUI_LANG=zh_TW.UTF-8 TUI_READY="1 機關"
tui_start export-agency-zh 80 24
keys 1 Down Enter
expect "Enter narrows, in Chinese" "內政部的人員（F 顯示全部）"
keys :
text "export officers"
keys Enter
expect "the question, in Chinese" "將內政部的 $moi 位人員寫入檔案"
expect "… offering 聯絡人名冊-MOI.ods" "聯絡人名冊-MOI.ods"
keys Enter
expect "the message, in Chinese" "已將內政部的 $moi 位人員寫入"
"$TOOL" dump 聯絡人名冊-MOI.ods >"$TMP/zh.dump" 2>&1
check "… and the file is MOI's officers" cmp -s "$TMP/zh.dump" "$TMP/moi.dump"
tui_done
