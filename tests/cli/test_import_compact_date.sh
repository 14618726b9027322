#!/bin/sh
# test_import_compact_date.sh — dates typed compact into a sheet, as a
# clerk types them: 20240301 (yyyymmdd) and 1130301 (民國 yyymmdd). In a
# CSV they are text; in a spreadsheet a General cell keeps them as the
# numbers 20240301 and 1130301. Both are read as 2024-03-01, where they
# were refused as not dates. Six digits (240301: 2024 or 民國24?) are
# still refused, the message naming the forms that read.
. tests/lib.sh

DB=$TMP/db
TT=build/tools/table-tool
run() { "$OGPO" --db "$DB" "$@" >"$TMP/out" 2>"$TMP/err"; rc=$?; }
same() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1 ('$2', not '$3')"; fi; }
start() {	# EMAIL: an officer's start date
	"$OGPO" --db "$DB" list officers --tsv | awk -F '\t' -v e="$1" \
	    'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	    tolower($c["email"]) == e { print $c["start_date"] }'
}
"$OGPO" --db "$DB" init --demo >/dev/null

printf 'name,email,agency_code,start_date\n甲,jia@moi.example,MOI,20240301\n乙,yi@moi.example,MOI,1130301\n' \
    >"$TMP/compact.csv"
run import officers "$TMP/compact.csv"
same "a CSV of compact dates: the import goes through" "$rc" 0
same "20240301 is 2024-03-01" "$(start jia@moi.example)" 2024-03-01
same "1130301 (民國) is 2024-03-01" "$(start yi@moi.example)" 2024-03-01

# The same typed into General cells: numbers in the sheet.
printf 'name\temail\tagency_code\tstart_date\n丙\tbing@moi.example\tMOI\t20240302\n丁\tding@moi.example\tMOI\t1130302\n' |
    "$TT" write ods "$TMP/compact.ods" tttc || not_ok "the sheet written"
"$TT" dump "$TMP/compact.ods" >"$TMP/dump"
contains "the sheet holds the number 1130302" "$TMP/dump" "1130302"
run import officers "$TMP/compact.ods"
same "a sheet of compact dates as numbers: the import goes through" "$rc" 0
same "the number 20240302 is 2024-03-02" "$(start bing@moi.example)" 2024-03-02
same "the number 1130302 is 2024-03-02" "$(start ding@moi.example)" 2024-03-02

# Six digits could be either calendar's: refused, naming the forms.
printf 'name,email,agency_code,start_date\n戊,wu@moi.example,MOI,240301\n' \
    >"$TMP/six.csv"
run import officers "$TMP/six.csv"
check "six digits are refused" test "$rc" -ne 0
contains "naming the row" "$TMP/out" "row 2"
contains "and the compact forms that read" "$TMP/out" "20240508"
contains "the ROC one too" "$TMP/out" "1130508"
same "and nothing was stored" "$(start wu@moi.example)" ""
