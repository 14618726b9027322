#!/bin/sh
# test_roc_exports.sh — with date_style = roc (民國) every export says a
# date as the others do: the tracking table (export cases) keeps typed
# date cells shown 民國 in .ods and .xlsx, as the resolutions and officers
# exports do, and writes ISO in CSV, as every CSV export does; where a
# date is part of a text (a resolution's 案號 2026-09-15-1, the attendance
# matrix's column headings) it is in the reader's style in every export,
# as export deadlines and ogpo due already wrote it, not ISO in the
# agenda and decisions and 民國 in the deadlines. The tracking table
# imports back unchanged from each, and from a CSV with 民國 dates typed in;
# a case with no policy stage has an empty cell there, not a guarded -.
#
#   OGPO=./ogpo sh tests/cli/test_roc_exports.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
OGPO_NOW="2026-12-08 09:00"
export OGPO_NOW
DB=$TMP/db
run init --demo
status "a demo database" 0
run add case title=榮民就養資訊公開與查詢便利化 lead=VAC source=join \
    join_no=202612010001 passed=2026-11-20
status "a Join case of VAC's" 0
mkdir -p "$XDG_CONFIG_HOME/ogpo"
echo 'date_style = roc' >"$XDG_CONFIG_HOME/ogpo/config"

# --- the tracking table, as the other exports ----------------------------
for f in ods xlsx csv; do
	run export cases -o "$TMP/cases.$f"
	status "export cases to .$f" 0
	run export resolutions -o "$TMP/res.$f"
	status "export resolutions to .$f" 0
done
cell() {	# cell FILE.ods: the date cells' shown text, the first
	unzip -p "$1" content.xml | grep -o \
	    'office:value-type="date" office:date-value="[^"]*"><text:p>[^<]*' |
	    head -1 | sed 's/.*<text:p>//'
}
case $(cell "$TMP/cases.ods") in
1[01][0-9]/*) ok "cases.ods: a typed date shown 民國 ($(cell "$TMP/cases.ods"))" ;;
*) not_ok "cases.ods: a typed date shown 民國 ($(cell "$TMP/cases.ods"))" ;;
esac
case $(cell "$TMP/res.ods") in
1[01][0-9]/*) ok "… as resolutions.ods's" ;;
*) not_ok "… as resolutions.ods's ($(cell "$TMP/res.ods"))" ;;
esac
for f in cases res; do
	unzip -p "$TMP/$f.xlsx" xl/styles.xml >"$TMP/$f.styles"
	contains "$f.xlsx: dates in the 民國 format" "$TMP/$f.styles" \
	    '[$-404]e/mm/dd'
done
contains "cases.csv: ISO, as every CSV export" "$TMP/cases.csv" \
    ",2026-11-20,"
contains "… as resolutions.csv" "$TMP/res.csv" ",2026-"
for f in ods xlsx csv; do
	run import cases "$TMP/cases.$f" --dry-run
	status "cases.$f reads back" 0
	contains "… unchanged" "$TMP/out" "added 0, updated 0, unchanged 19"
done
sed 's/,2026-11-20,/,115\/11\/20,/' "$TMP/cases.csv" >"$TMP/typed.csv"
contains "a CSV with a 民國 date typed in" "$TMP/typed.csv" ",115/11/20,"
run import cases "$TMP/typed.csv" --dry-run
contains "… reads back unchanged" "$TMP/out" \
    "added 0, updated 0, unchanged 19"

# --- dates inside text: in the reader's style everywhere -----------------
m=$("$OGPO" --db "$DB" list meetings --tsv | awk -F '\t' \
    '$12 == "planned" { print $1 }' | tail -1)
run export deadlines --format csv
grep -F 執行決議事項 "$TMP/out" | head -1 >"$TMP/dl"
check "the deadlines name a resolution by its 民國 day" \
    grep -qE ',1[01][0-9]/[0-9][0-9]/[0-9][0-9]-[0-9]+,' "$TMP/dl"
run export agenda "$m" --format csv
grep -F 前次會議決議事項 "$TMP/out" | head -1 >"$TMP/ag"
check "the agenda too ($(cut -d, -f2 "$TMP/ag"))" \
    grep -qE '^前次會議決議事項,1[01][0-9]/[0-9][0-9]/[0-9][0-9]-[0-9]+,' \
    "$TMP/ag"
run export attendance --matrix --from 2026-10 --to 2026-11 --format csv
head -1 "$TMP/out" >"$TMP/mx"
contains "the matrix's headings say the 民國 day" "$TMP/mx" \
    "115/10/15 工作推動會議"
lacks "… not ISO" "$TMP/mx" "2026-10-15"
# A case with no policy stage, for a Chinese reader: an empty cell, not
# "-" guarded against formulas ('-), which Excel shows as typed.
LC_ALL=zh_TW.UTF-8 LANG=zh_TW.UTF-8 "$OGPO" --db "$DB" export cases \
    --format csv >"$TMP/zh.csv" 2>"$TMP/err"
grep -F 榮民就養資訊公開與查詢便利化 "$TMP/zh.csv" >"$TMP/zhline"
contains "a case with no policy stage: its cell is empty" "$TMP/zhline" \
    ",開啟,,"
lacks "… not '-" "$TMP/zh.csv" "'-"
LC_ALL=zh_TW.UTF-8 LANG=zh_TW.UTF-8 "$OGPO" --db "$DB" import cases \
    "$TMP/zh.csv" --dry-run >"$TMP/out" 2>"$TMP/err"
contains "… and reads back unchanged" "$TMP/out" "新增 0、更新 0、不變 19"
rm "$XDG_CONFIG_HOME/ogpo/config"
run export agenda "$m" --format csv
grep -F 前次會議決議事項 "$TMP/out" | head -1 >"$TMP/ag"
check "in ISO where the reader has ISO ($(cut -d, -f2 "$TMP/ag"))" \
    grep -qE '^前次會議決議事項,20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]-[0-9]+,' \
    "$TMP/ag"
exit "$failures"
