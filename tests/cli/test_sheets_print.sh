#!/bin/sh
# test_sheets_print.sh — ogpo's lists as the person who receives them
# meets them in the real LibreOffice (headless): printed, and opened.
#
# - Printed (converted to PDF by LibreOffice, read back with pdftotext):
#   the tracking table's thirty-odd columns go across A4 turned
#   landscape, shrunk to a few pages wide (once seven pages upright, ten
#   from the .xlsx, a column or two each), each page naming its rows by
#   the case's number and title; the attendance matrix by agency and
#   name; a list that fits upright stays so. A long 說明 wraps in its
#   column, whole, where it was cut off at the next column's cell.
# - The refused rows written back as CSV (--rejects, `r` on the screen):
#   a cell that starts with = stays text when LibreOffice opens the
#   file, as in every CSV ogpo exports, not a live formula. Written
#   back as a sheet from a CSV, the sheet is named 退回資料, not Sheet1.
#
#   OGPO=./ogpo sh tests/cli/test_sheets_print.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB LC_ALL
DB=$TMP/db
HOME=$TMP/home		# LibreOffice's profile
export HOME
mkdir -p "$HOME"

calc_here || exit 1
command -v pdftotext >/dev/null || {
	not_ok "poppler-utils (pdftotext) is needed (sh tools/deps.sh test)"
	exit 1
}

run() {
	OGPO_NOW=2026-12-01 "$OGPO" --db "$DB" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}
# zrun ARGS: as run, for a reader in Taiwan (the headers in Chinese).
zrun() {
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
lo() {
	soffice -env:UserInstallation=file://$HOME/lo-profile --headless \
	    "$@" >/dev/null 2>&1
}

run init --demo
status "a demo database" 0
# A case whose 說明 is longer than its column, its 利害關係人 beside it.
LONG=整合中央與地方政府的無障礙設施、無障礙停車位、無障礙廁所與哺集乳室資料，以開放資料格式定期更新公開，並於地圖服務標示位置與使用狀態，方便身心障礙者、高齡者與照顧者事先規劃行程，減少出門時的不確定與等待。
run add case title=無障礙資訊整合 lead=MOI "description=$LONG" \
    stakeholders=身心障礙團體
status "a case with a long description" 0

mkdir -p "$TMP/x"
for f in ods xlsx; do
	zrun export cases -o "$TMP/x/cases-$f.$f"
	status "export cases -o cases.$f" 0
	run export attendance --matrix --from 2026-01 --to 2026-11 \
	    -o "$TMP/x/matrix-$f.$f"
	status "export attendance --matrix -o matrix.$f" 0
	run export agencies -o "$TMP/x/agencies-$f.$f"
	status "export agencies -o agencies.$f" 0
done
t0=$(date +%s)
lo --convert-to pdf --outdir "$TMP/pdf" "$TMP"/x/*
echo "# LibreOffice printed $(ls "$TMP/x" | wc -l) lists: $(( $(date +%s) - t0 )) s"

# pages PDF: how many pages; landscape PDF: 0 if its pages lie across.
pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }
across() { pdfinfo "$1" | grep -q '^Page size: *841.* x 595.* (A4)'; }

for f in ods xlsx; do
	p=$TMP/pdf/cases-$f.pdf
	if [ ! -s "$p" ]; then
		not_ok "LibreOffice prints cases.$f"
		continue
	fi
	n=$(pages "$p")
	check "cases.$f: A4 across" across "$p"
	check "cases.$f: a few pages, not a column or two a page (got $n)" \
	    [ "${n:-99}" -le 4 ]
	# Each page: the header, and each row named by number and title.
	i=1 unnamed=
	while [ "$i" -le "${n:-0}" ]; do
		pdftotext -layout -f $i -l $i "$p" "$TMP/page.txt"
		grep -Eq '^ *編號 +案名 ' "$TMP/page.txt" &&
		    grep -Eq "^ *19 +無障礙資訊整合" "$TMP/page.txt" ||
		    unnamed="$unnamed $i"
		i=$((i + 1))
	done
	check "cases.$f: every page names the cases (not on:$unnamed)" \
	    [ -z "$unnamed" ]
	# The text in reading order, lines joined: the description whole.
	pdftotext "$p" - | tr -d '\n ' >"$TMP/all.txt"
	check "cases.$f: the long description whole, wrapped" \
	    grep -qF "$LONG" "$TMP/all.txt"

	p=$TMP/pdf/matrix-$f.pdf
	n=$(pages "$p")
	check "matrix.$f: A4 across" across "$p"
	check "matrix.$f: at most six pages for 75 people by 18 meetings (got $n)" \
	    [ "${n:-99}" -le 6 ]
	pdftotext -layout -f $n -l $n "$p" "$TMP/page.txt"
	check "matrix.$f: the last page names agency and person" grep -Eq \
	    '^ *機關代碼 +機關 +姓名 ' "$TMP/page.txt"

	p=$TMP/pdf/agencies-$f.pdf
	n=$(pages "$p")
	check "agencies.$f: fits upright, and stays so" sh -c \
	    "pdfinfo '$p' | grep -q '^Page size: *595.* x 841.* (A4)'"
	pdftotext -layout -f 1 -l 1 "$p" "$TMP/page.txt"
	check "agencies.$f: every column on the first page" grep -Eq \
	    '機關代碼 +機關名稱 +上級機關代碼 +層級 +備註' "$TMP/page.txt"
done

# --- refused rows written back ----------------------------------------------

printf '%s\t%s\t%s\t%s\n' 姓名 機關代碼 電子郵件 電話 \
    '=HYPERLINK("http://example.com","點我")' MOI not-an-address \
    0912345678 >"$TMP/bad.tsv"
"$(dirname "$0")/../../build/tools/table-tool" write ods "$TMP/bad.ods" \
    tttt <"$TMP/bad.tsv"
run import officers "$TMP/bad.ods" --dry-run --rejects "$TMP/bad.rejected.csv"
status "a row refused, written back" 1
CSVF='Text - txt - csv (StarCalc)'
lo --infilter="$CSVF:44,34,76,1" --convert-to ods --outdir "$TMP/rej" \
    "$TMP/bad.rejected.csv"
unzip -p "$TMP/rej/bad.rejected.ods" content.xml >"$TMP/rej.xml"
contains "LibreOffice opened the refused rows" "$TMP/rej.xml" 'not-an-address'
check "the name starting with = is no formula there" \
    sh -c "! grep -q 'table:formula=' '$TMP/rej.xml'"
contains "but the text it was" "$TMP/rej.xml" '=HYPERLINK('
# From a CSV, written back as a sheet: a sheet named for what it holds.
printf '姓名,機關代碼,電子郵件\n王小明,MOI,not-an-address\n' >"$TMP/bad.csv"
for f in ods xlsx; do
	run import officers "$TMP/bad.csv" --dry-run --rejects "$TMP/rej-csv.$f"
	status "a CSV's refused row written back as .$f" 1
done
unzip -p "$TMP/rej-csv.ods" content.xml >"$TMP/rej.xml"
contains "the .ods sheet named 退回資料, not Sheet1" "$TMP/rej.xml" \
    'table:name="退回資料"'
unzip -p "$TMP/rej-csv.xlsx" xl/workbook.xml >"$TMP/rej.xml"
contains "the .xlsx sheet named 退回資料, not Sheet1" "$TMP/rej.xml" \
    '<sheet name="退回資料"'
# Sent back in, the row reads as it did.
run import officers "$TMP/bad.rejected.csv" --dry-run
contains "imported again, the name as it was" "$TMP/out" \
    "rejected row 2, column 電子郵件: E-mail 'not-an-address'"
