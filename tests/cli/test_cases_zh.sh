#!/bin/sh
# test_cases_zh.sh — the tracking table (ogpo export cases) and the
# progress reports (ogpo export progress) a coordinator sends to the
# agencies, in a Chinese reader's language, and back in, through the real
# LibreOffice (tests/tools/lo-calc.py, as a clerk in Taiwan has it):
#
# - Exported in zh_TW.UTF-8 they are headed in Chinese (階段, 主責機關代碼,
#   案號 …) and their choices are Chinese words (協作會議, 利害關係複雜),
#   as every other export; where the messages are English the columns keep
#   the field names scripts know.
# - As .ods, .xlsx and .csv: one cell edited in LibreOffice (a case's 階段,
#   a report's 辦理情形), imported: exactly that change, nothing else.
# - A table sent out before, headed by field names with English choices,
#   still imports for a Chinese reader; Chinese words under the English
#   headers, and the English names under the Chinese, are read alike.
#
#   OGPO=./ogpo sh tests/cli/test_cases_zh.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB LC_ALL
DB=$TMP/db
L=$TMP/lo
HOME=$TMP/home		# LibreOffice's profile
export HOME
mkdir -p "$HOME" "$L"
CALC=$(dirname "$0")/../tools/lo-calc.py

calc_here || exit 1

# run ARGS / zh ARGS: ogpo on the database, a day the test fixes, its
# messages in English / in Chinese.
run() {
	LANG=C.UTF-8 OGPO_NOW=2026-12-01 "$OGPO" --db "$DB" "$@" \
	    >"$TMP/out" 2>"$TMP/err"
	rc=$?
}
zh() {
	LANG=zh_TW.UTF-8 OGPO_NOW=2026-12-01 "$OGPO" --db "$DB" "$@" \
	    >"$TMP/out" 2>"$TMP/err"
	rc=$?
}
status() {
	if [ "$rc" -eq "$2" ]; then ok "$1"; else
		not_ok "$1 (exit $rc, wanted $2)"
		sed 's/^/#   /' "$TMP/err" | head -10
	fi
}
# cases, progress: every record, every field a person keeps, as the
# script's TSV has them (less the version and who saved it when).
cases() { "$OGPO" --db "$DB" list cases --tsv | cut -f 1,5-; }
progress() { "$OGPO" --db "$DB" list progress --tsv | cut -f 1,5-; }

run init --demo
status "a demo database" 0

# --- Headers and words: Chinese for a Chinese reader, names in English.
zh export cases -o "$TMP/zh.csv" --plain
status "the cases exported in zh_TW" 0
head -1 "$TMP/zh.csv" >"$TMP/head"
contains "headed in Chinese" "$TMP/head" \
    "編號,案名,主責機關代碼,協辦機關代碼,負責聯絡人編號,案號,階段,來源,"
lacks "no field name in the header" "$TMP/head" "stage"
contains "the stage in Chinese" "$TMP/zh.csv" ",115-01,協作會議,其他,"
contains "the triggers in Chinese" "$TMP/zh.csv" "利害關係複雜、民眾參與熱烈"
lacks "no English stage word" "$TMP/zh.csv" "collaboration"
zh export progress -o "$TMP/zhp.csv" --plain
contains "the progress reports headed in Chinese" "$TMP/zhp.csv" \
    "編號,辦理情形,案號,日期,機關代碼,報告會議編號"
run export cases -o "$TMP/en.csv" --plain
contains "in English the header keeps the field names" "$TMP/en.csv" \
    "id,title,lead,collab,po,serial,stage,source,"
contains "and the stage its name" "$TMP/en.csv" ",115-01,collaboration,other,"

# --- Round trip through LibreOffice: one cell, and only it, lands.
for f in ods xlsx csv; do
	zh export cases -o "$TMP/cases.$f"
	status "the cases exported in zh_TW as .$f" 0
	zh export progress -o "$TMP/progress.$f"
	status "the progress reports exported in zh_TW as .$f" 0
done
# A table exported before, in field names and English words.
run export cases -o "$TMP/old-cases.ods"
run export progress -o "$TMP/old-progress.ods"
{
	for f in ods xlsx csv; do
		for k in cases progress; do
			case $f in
			csv) printf 'open\t%s\t44,34,76,1\n' "$TMP/$k.$f" ;;
			*) printf 'open\t%s\n' "$TMP/$k.$f" ;;
			esac
			case $k in
			cases) printf 'type\t階段\t外送平台從業人員勞動權益保障\t會前會\n' ;;
			progress) printf 'type\t辦理情形\t已彙整各縣市停車資料。\t已彙整並公開各縣市停車資料。\n' ;;
			esac
			printf 'save\t%s\n' "$L/$k.$f"
			printf 'close\n'
		done
	done
	printf 'open\t%s\n' "$TMP/old-cases.ods"
	printf 'type\tstage\t外送平台從業人員勞動權益保障\tpremeeting\n'
	printf 'type\tstage\t公共場所無障礙設施資訊開放\t機關回應\n'
	printf 'save\t%s\n' "$L/old-cases.ods"
	printf 'close\n'
	printf 'open\t%s\n' "$TMP/old-progress.ods"
	printf 'type\ttext\t已彙整各縣市停車資料。\t已彙整並公開各縣市停車資料。\n'
	printf 'save\t%s\n' "$L/old-progress.ods"
	printf 'close\n'
} >"$TMP/steps"
calc "$TMP/steps" "LibreOffice edits one cell of each table"

# landed WHAT BEFORE AFTER CHANGED: the lines of AFTER that differ from
# BEFORE are CHANGED (a fixed string), and nothing else.
landed() {
	diff "$2" "$3" | grep '^>' | sed 's/^> //' >"$TMP/changed"
	if [ "$(wc -l <"$TMP/changed")" -eq "$(printf '%s\n' "$4" |
	    wc -l)" ] && [ "$(cat "$TMP/changed")" = "$4" ]; then
		ok "$1"
	else
		not_ok "$1: changed lines:"; sed 's/^/#   /' "$TMP/changed"
	fi
}
cases >"$TMP/cases.before"
progress >"$TMP/progress.before"
NO4=$(awk -F '\t' '$2 == "外送平台從業人員勞動權益保障" { print $1 }' \
    "$TMP/cases.before")
# The case's line with its stage (and the day it began) changed.
WANT4=$(awk -F '\t' -v OFS='\t' '$2 == "外送平台從業人員勞動權益保障" {
	for (i = 1; i <= NF; i++) if (h[i] == "stage") $i = "premeeting";
	else if (h[i] == "status_since") $i = "2026-12-01"; print }
	NR == 1 { for (i = 1; i <= NF; i++) h[i] = $i }' "$TMP/cases.before")
WANTP=$(sed -n 's/已彙整各縣市停車資料。/已彙整並公開各縣市停車資料。/p' \
    "$TMP/progress.before")
[ -n "$NO4" ] && [ -n "$WANT4" ] && [ -n "$WANTP" ]
check "the demo has the case and the report the test edits" [ $? -eq 0 ]
for f in ods xlsx csv; do
	zh import cases "$L/cases.$f" --dry-run
	status "the Chinese cases (.$f) read" 0
	contains "the one change, in the file's own words (.$f)" "$TMP/out" \
	    "更新案件 外送平台從業人員勞動權益保障：階段 工作會議 → 會前會"
	contains "and nothing else (.$f)" "$TMP/out" "新增 0、更新 1、不變 17"
	zh import cases "$L/cases.$f"
	status "the Chinese cases (.$f) imported" 0
	cases >"$TMP/cases.after"
	landed "exactly the stage lands (.$f)" "$TMP/cases.before" \
	    "$TMP/cases.after" "$WANT4"
	zh import undo
	status "and is taken back (.$f)" 0
	zh import progress "$L/progress.$f"
	status "the Chinese progress reports (.$f) imported" 0
	contains "one report changed (.$f)" "$TMP/out" "新增 0、更新 1、不變 13"
	progress >"$TMP/progress.after"
	landed "exactly its text lands (.$f)" "$TMP/progress.before" \
	    "$TMP/progress.after" "$WANTP"
	zh import undo
	status "and is taken back (.$f)" 0
done

# --- A table from before: English headers, English words, and a Chinese
# word typed under them.
zh import cases "$L/old-cases.ods" --dry-run
status "a table headed by field names still imports in zh_TW" 0
contains "its English word read" "$TMP/out" \
    "外送平台從業人員勞動權益保障：stage 工作會議 → 會前會"
contains "and a Chinese word under an English header" "$TMP/out" \
    "公共場所無障礙設施資訊開放：stage 協作會議 → 機關回應"
contains "nothing else" "$TMP/out" "新增 0、更新 2、不變 16"
zh import progress "$L/old-progress.ods"
status "progress reports headed by field names still import" 0
progress >"$TMP/progress.after"
landed "exactly the report's text lands" "$TMP/progress.before" \
    "$TMP/progress.after" "$WANTP"
zh import undo
# The English names under the Chinese headers (a script's output pasted
# into the sheet): read alike.
sed '5s/,工作會議,/,premeeting,/' "$TMP/zh.csv" >"$TMP/mixed.csv"
zh import cases "$TMP/mixed.csv" --dry-run
contains "an English name under a Chinese header is read" "$TMP/out" \
    "階段 工作會議 → 會前會"
sed 's/利害關係複雜、民眾參與熱烈/利害關係複雜、熱烈/' "$TMP/zh.csv" \
    >"$TMP/bad.csv"
run import cases "$TMP/bad.csv"
status "a trigger that is none is refused" 1
contains "naming the column and the words it takes" "$TMP/err" \
    "row 2, column 觸發條件: '熱烈' is not stakeholders (利害關係複雜), divided (意見分歧) or heated (民眾參與熱烈)"

[ "$failures" -eq 0 ]
