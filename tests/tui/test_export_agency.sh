#!/bin/sh
# test_export_agency.sh — :export officers writes what the Officers tab
# shows: narrowed to one agency (Enter on it in the Agencies tab), that
# agency's own officers alone, as ogpo export officers --agency writes
# them, and the question and the message say whose and how many; shown
# all (F), every officer. :export training and :export rewards follow the
# same narrowing, as their --agency. In English at 100x30 and in Chinese
# at 80x24.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
TOOL=$(pwd)/build/tools/table-tool
mkdir -p "$TMP/here"
cd "$TMP/here" || exit 1
moi=$("$OGPO" --db "$DB" list officers --agency MOI --tsv |
    awk 'END { print NR - 1 }')
# A second of MOI's officers with a course and a reward of their own.
second=$("$OGPO" --db "$DB" list officers --agency MOI --tsv |
    awk -F '\t' 'NR == 3 { print $1 }')
"$OGPO" --db "$DB" add training officer="$second" date=2026-11-02 \
    course=政策轉譯 hours=3 competencies=communication >/dev/null
"$OGPO" --db "$DB" add reward officer="$second" date=2026-11-02 \
    kind=嘉獎一次 reason=推動資料開放 >/dev/null
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
# Their training and rewards (reached through the tab) follow it: those
# of MOI's own officers, as ogpo export training|rewards --agency writes.
for kind in training rewards; do
	case $kind in
	training) asked="Write the training records of the officers of 內政部"
	    said="training records of the officers of 內政部" ;;
	rewards) asked="Write the rewards of the officers of 內政部"
	    said="rewards of the officers of 內政部" ;;
	esac
	"$OGPO" --db "$DB" export "$kind" --agency MOI \
	    -o "$TMP/$kind-moi.ods" >/dev/null
	"$TOOL" dump "$TMP/$kind-moi.ods" >"$TMP/$kind-moi.dump" 2>&1
	n=$(($(wc -l <"$TMP/$kind-moi.dump") - 1))
	"$OGPO" --db "$DB" export "$kind" -o "$TMP/$kind-all.ods" >/dev/null
	"$TOOL" dump "$TMP/$kind-all.ods" >"$TMP/$kind-all.dump" 2>&1
	check "$kind: MOI has some, and fewer than all" [ "$n" -gt 0 ] &&
	    [ "$n" -lt "$(($(wc -l <"$TMP/$kind-all.dump") - 1))" ]
	keys :
	text "export $kind"
	keys Enter
	expect ":export $kind: the question names the agency" "$asked"
	expect "… the file offered carries its code" "$kind-MOI.ods"
	keys Enter
	expect "… the message says whose and how many" "Wrote $n $said to"
	expect "… and where they went" "$(pwd -P)/$kind-MOI.ods."
	"$TOOL" dump "$kind-MOI.ods" >"$TMP/$kind-tab.dump" 2>&1
	check "… as ogpo export $kind --agency MOI writes it" \
	    cmp -s "$TMP/$kind-tab.dump" "$TMP/$kind-moi.dump"
done
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
keys :
text "export training"
keys Enter
expect ":export training: the plain question" "Write it to the file"
expect "… the whole list's file" "training.ods"
keys Enter
expect "… every training record is written" \
    "Wrote $(($(wc -l <"$TMP/training-all.dump") - 1)) rows to $(pwd -P)/training.ods."
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
keys :
text "export training"
keys Enter
expect ":export training: the question, in Chinese" "將內政部人員的訓練紀錄寫入檔案"
expect "… offering 訓練紀錄-MOI.ods" "訓練紀錄-MOI.ods"
keys Enter
expect "… the message, in Chinese" \
    "已將內政部人員的 $(($(wc -l <"$TMP/training-moi.dump") - 1)) 筆訓練紀錄寫入"
"$TOOL" dump 訓練紀錄-MOI.ods >"$TMP/zh-training.dump" 2>&1
check "… and the file is MOI's training" \
    cmp -s "$TMP/zh-training.dump" "$TMP/training-moi.dump"
tui_done
