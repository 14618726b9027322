#!/bin/sh
# test_sheets.sh — spreadsheets without loss, proved against the other
# end: LibreOffice (headless, driven through its UNO bridge by
# tests/tools/lo-edit.py). Officers whose data spreadsheets damage (phone
# numbers and extensions with leading zeros, 許功蓋 with Big5's 0x5C
# trail bytes, 堃 喆 犇 that Big5 lacks, notes of two lines, cells that
# begin with = + - @) are exported as .ods and .xlsx; LibreOffice opens
# each, a script changes one cell, and saves it as .ods, .xlsx, UTF-8 CSV
# and Big5 CSV; a dry run of each lists exactly that change and nothing
# else (the Big5 file also turns away the rows whose names became ?).
# ogpo's own CSV of officers and cases, opened in LibreOffice and saved as
# CSV and .xlsx (007, 000123, +886 turned into numbers) changes nothing;
# the tracking table saved as Big5 that lost 堃 and 𡘙 is refused.
# The sign-in sheet is converted to PDF by LibreOffice and its pages read
# back: A4, the meeting's heading, the header on every page.
#
#   OGPO=./ogpo sh tests/cli/test_sheets.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
DB=$TMP/db
TOOL=$(dirname "$0")/../../build/tools/table-tool
LOEDIT=$(dirname "$0")/../tools/lo-edit.py
HOME=$TMP/home		# LibreOffice's profile
export HOME
mkdir -p "$HOME"

run() {
	"$OGPO" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}

status() {
	if [ "$rc" -eq "$2" ]; then ok "$1"; else
		not_ok "$1 (exit $rc, wanted $2)"
		sed 's/^/#   /' "$TMP/err" | head -10
	fi
}

# count FILE TEXT: lines of FILE holding TEXT.
count() { grep -cF -- "$2" "$1"; }

if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null ||
    [ ! -x /usr/bin/python3 ]; then
	not_ok "LibreOffice, poppler and python3-uno are needed (tools/deps.sh)"
	exit 1
fi

# --- the officers -----------------------------------------------------------

run --db "$DB" init
status "init" 0
printf '機關代碼,機關名稱,上級機關代碼,層級\nEY,行政院,,1\nMOI,內政部,EY,2\n' \
    >"$TMP/ag.csv"
run --db "$DB" import agencies "$TMP/ag.csv"
status "the agencies" 0
cat >"$TMP/off.csv" <<'EOF'
姓名,機關代碼,職稱,角色,電子郵件,電話,分機,到任日期,備註
王小明,MOI,科長,聯絡人,wang@moi.gov.tw,0912345678,007,2024-05-08,"第一行
第二行"
許功蓋,MOI,專員,代理人,hsu@moi.gov.tw,+886-2-2345-6789,0012,2023-01-02,=SUM(A1)
王堃,MOI,技正,聯絡人,kun@moi.gov.tw,02-2345-6789,,,-代理期間至6月
李喆,MOI,科員,代理人,zhe@moi.gov.tw,(02)2345-6789,,,@公文系統
張犇,MOI,視察,聯絡人,ben@moi.gov.tw,0800-000-123,,,+1
EOF
run --db "$DB" import officers "$TMP/off.csv"
status "the officers" 0
contains "five of them" "$TMP/out" "added 5, updated 0"

for f in ods xlsx; do
	run --db "$DB" export officers -o "$TMP/officers.$f"
	status "export officers -o officers.$f" 0
	"$TOOL" dump "$TMP/officers.$f" >"$TMP/dump.$f" 2>&1
	contains ".$f: the sheet's first row is the header" "$TMP/dump.$f" \
	    "$(printf '1\t姓名\t機關代碼\t機關\t職稱')"
	contains ".$f: leading zeros stay" "$TMP/dump.$f" \
	    "$(printf 'wang@moi.gov.tw\t0912345678\t007')"
	contains ".$f: no apostrophe before + or =" "$TMP/dump.$f" \
	    "$(printf '+886-2-2345-6789\t0012\t是\t2023-01-02\t\t=SUM(A1)')"
	contains ".$f: the two lines of a note" "$TMP/dump.$f" '第一行\n第二行'
	lacks ".$f: no guard anywhere" "$TMP/dump.$f" "'"
done
unzip -p "$TMP/officers.ods" content.xml >"$TMP/content.xml"
contains ".ods: the phone is a text cell" "$TMP/content.xml" \
    '<table:table-cell office:value-type="string"><text:p>0912345678<'
contains ".ods: the date is a date" "$TMP/content.xml" \
    'office:value-type="date" office:date-value="2024-05-08"'
contains ".ods: the header is bold" "$TMP/content.xml" \
    'style:name="ce-head"'
contains ".ods: the sheet has a Chinese name" "$TMP/content.xml" \
    'table:name="聯絡人名冊"'

# --- through LibreOffice and back -------------------------------------------

# check_dry FROM FORM FILE: a dry run of FILE lists only the change made.
check_dry() {
	run --db "$DB" import officers "$3" --dry-run
	status "$1 → $2: the dry run reads it" 0
	contains "$1 → $2: the change, by the file's own column" "$TMP/out" \
	    ": updated 許功蓋 <hsu@moi.gov.tw>: 電話 +886-2-2345-6789 → 0922-333-444"
	if [ "$2" = big5.csv ]; then
		contains "$1 → $2: the rest unchanged, 堃 喆 犇 turned away" \
		    "$TMP/out" "updated 1, unchanged 1, rejected 3"
		same_count "$1 → $2: each said to have lost a character" \
		    "$(count "$TMP/out" "holds ? or � where a character was")" 3
	else
		contains "$1 → $2: nothing else" "$TMP/out" \
		    "added 0, updated 1, unchanged 4, rejected 0"
		same_count "$1 → $2: one line of change" \
		    "$(count "$TMP/out" ": updated ")" 1
	fi
}

same_count() {
	if [ "$2" = "$3" ]; then ok "$1"; else
		not_ok "$1 (got $2, wanted $3)"; sed 's/^/#   /' "$TMP/out"
	fi
}

t0=$(date +%s)
for f in ods xlsx; do
	if /usr/bin/python3 "$LOEDIT" "$TMP/officers.$f" "$TMP/lo-$f" 電話 \
	    hsu@moi.gov.tw 0922-333-444 >"$TMP/lo.out" 2>&1; then
		ok "LibreOffice opens officers.$f, changes a cell, saves it"
	else
		not_ok "LibreOffice and officers.$f"
		sed 's/^/#   /' "$TMP/lo.out"
		continue
	fi
	for g in ods xlsx utf8.csv big5.csv; do
		case $g in
		*.csv) file=$TMP/lo-$f/edited-$g ;;
		*) file=$TMP/lo-$f/edited.$g ;;
		esac
		check_dry "$f" "$g" "$file"
	done
done
check "the Big5 file keeps 許功蓋's 0x5C bytes and turns 堃 into ?" sh -c \
    "iconv -f CP950 -t UTF-8 '$TMP/lo-ods/edited-big5.csv' |
    grep -q '^王?,' && iconv -f CP950 -t UTF-8 \
    '$TMP/lo-ods/edited-big5.csv' | grep -q '^許功蓋,'"
echo "# LibreOffice round trips: $(( $(date +%s) - t0 )) s"

# A clerk adds an officer under the last row and types the phone number
# and extension as they are written. Rows under the data are text
# columns too, as the rows above: no leading zero is lost, so the new
# officer lands as typed, from the .ods and from whatever it is saved as.
for f in ods xlsx; do
	if /usr/bin/python3 "$LOEDIT" "$TMP/officers.$f" "$TMP/lo-add-$f" \
	    --append 姓名=陳新 機關代碼=MOI 角色=聯絡人 電子郵件=chen@moi.gov.tw \
	    電話=0223456789 分機=012 >"$TMP/lo.out" 2>&1; then
		ok "LibreOffice: an officer typed under officers.$f"
	else
		not_ok "LibreOffice and a row typed under officers.$f"
		sed 's/^/#   /' "$TMP/lo.out"
		continue
	fi
	for g in ods xlsx utf8.csv; do
		case $g in
		*.csv) file=$TMP/lo-add-$f/edited-$g ;;
		*) file=$TMP/lo-add-$f/edited.$g ;;
		esac
		run --db "$DB" import officers "$file" --dry-run
		status "$f + a typed row → $g: the dry run reads it" 0
		contains "$f + a typed row → $g: the officer added, nothing refused" \
		    "$TMP/out" "added 1, updated 0, unchanged 5, rejected 0"
	done
done
run --db "$DB" import officers "$TMP/lo-add-ods/edited.ods"
status "the typed row imported" 0
run --db "$DB" list officers --tsv
contains "its phone and extension as typed" "$TMP/out" \
    "$(printf 'chen@moi.gov.tw\t0223456789\t012')"
run --db "$DB" import undo
status "and taken back" 0

# A phone number a sheet holds as a number is refused with what to do
# in the sheet: sending it as .ods is no help when it is one.
printf '姓名\t機關代碼\t電子郵件\t電話\n數字\tMOI\tnum@moi.gov.tw\t223456789\n' \
    >"$TMP/numphone.tsv"
for f in ods xlsx; do
	"$TOOL" write $f "$TMP/numphone.$f" tttc <"$TMP/numphone.tsv"
	run --db "$DB" import officers "$TMP/numphone.$f" --dry-run
	contains ".$f: a number for a phone, said of the cell" "$TMP/out" \
	    "'223456789' looks like a phone number that lost its leading zero: the cell holds a number; format the cell as text"
	lacks ".$f: not sent as .ods again" "$TMP/out" "send the list as .ods"
done

# A sheet of instructions put in front of the list is the one an import
# reads: the refusal names it, so the clerk knows which sheet to move.
/usr/bin/python3 - "$TMP/officers.ods" "$TMP/notes-first.ods" <<'EOF'
import sys, zipfile
src, dst = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w")
for i in src.infolist():
    data = src.read(i.filename)
    if i.filename == "content.xml":
        data = data.replace(b"<office:spreadsheet>", "<office:spreadsheet>"
            "<table:table table:name=\"說明\"><table:table-row>"
            "<table:table-cell office:value-type=\"string\"><text:p>"
            "請於12月20日前回傳</text:p></table:table-cell></table:table-row>"
            "</table:table>".encode())
    dst.writestr(i, data)
dst.close()
EOF
run --db "$DB" import officers "$TMP/notes-first.ods" --dry-run
status "a sheet of notes in front: refused" 1
contains "naming the sheet read, and why it was that one" "$TMP/err" \
    "notes-first.ods, sheet '說明' (an import reads the first sheet of a file): the header has no 姓名 (name) column"
tr '\t' , <"$TMP/numphone.tsv" >"$TMP/numphone.csv"
run --db "$DB" import officers "$TMP/numphone.csv" --dry-run
contains ".csv: the same number, sent better as .ods" "$TMP/out" \
    "(a spreadsheet took it for a number); write it as text, with the 0, or send the list as .ods"

# --- ogpo's CSV through LibreOffice -----------------------------------------

# A clerk opens the CSV itself (UTF-8, as LibreOffice asks) and saves it
# as CSV or .xlsx: text that looks like a number became one (007 → 7,
# 000123 → 123, +886 → 886, 1.50 → 1.5), stored as General. Against what
# is stored, that is no change. A Big5 save of the tracking table that
# lost 堃 and 𡘙 is refused, naming the column.
lo() {
	soffice -env:UserInstallation=file://$HOME/lo-profile --headless \
	    "$@" >/dev/null 2>&1
}
CSVF='Text - txt - csv (StarCalc)'
printf '姓名,機關代碼,職稱,角色,電子郵件,電話,分機,備註\n%s\n%s\n' \
    '吳零,MOI,1.50,代理人,zero@moi.gov.tw,0912345678,000123,0.1' \
    '李+號,MOI,+886,聯絡人,plus@moi.gov.tw,02-2345-6789#123,007,+1' \
    >"$TMP/more.csv"
run --db "$DB" import officers "$TMP/more.csv"
status "officers whose text looks like numbers" 0
run --db "$DB" add case 'title=+1 票選 堃𡘙' lead=MOI source=join \
    join_no=000123 passed=2026-10-01 'note=@備註'
status "a case whose text looks like numbers and formulas" 0
mkdir -p "$TMP/c"
for k in officers cases; do
	for how in excel plain; do
		run --db "$DB" export $k --$how -o "$TMP/c/$k-$how.csv"
	done
done
lo --infilter="$CSVF:44,34,76,1" --convert-to \
    "csv:$CSVF:44,34,76,1,,0,false,true,true,false,false" \
    --outdir "$TMP/lo-c" "$TMP"/c/*.csv
lo --infilter="$CSVF:44,34,76,1" --convert-to xlsx --outdir "$TMP/lo-c" \
    "$TMP"/c/*.csv
for k in officers cases; do
	for f in $k-excel.csv $k-plain.csv $k-excel.xlsx $k-plain.xlsx; do
		run --db "$DB" import $k "$TMP/lo-c/$f" --dry-run
		contains "$k CSV → LibreOffice → $f: no change" \
		    "$TMP/out" "added 0, updated 0,"
	done
done
grep -q '000123' "$TMP/lo-c/cases-plain.csv" &&
    not_ok "LibreOffice kept 000123: the test proves nothing" ||
    ok "LibreOffice made 000123 a number"
run --db "$DB" export cases -o "$TMP/cases.ods"
rm -rf "$TMP/lo-b"
lo --convert-to "csv:$CSVF:44,34,63,1,,0,false,true,true,false,false" \
    --outdir "$TMP/lo-b" "$TMP/cases.ods"
run --db "$DB" import cases "$TMP/lo-b/cases.csv" --dry-run
status "the tracking table saved as Big5 is refused" 1
contains "naming the column and the ?" "$TMP/err" \
    "column title: '+1 票選 ??' holds ? or �"

# --- the header frozen -------------------------------------------------------

# As each program reads it: Excel's pane in the sheet, and the split
# LibreOffice keeps in settings.xml. (LibreOffice without a window has no
# view to freeze, so a headless conversion cannot show it either way.)
unzip -p "$TMP/officers.xlsx" xl/worksheets/sheet1.xml >"$TMP/sheet1.xml"
contains ".xlsx: the header row frozen" "$TMP/sheet1.xml" \
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
unzip -p "$TMP/officers.ods" settings.xml >"$TMP/settings.xml"
contains ".ods: the header row frozen" "$TMP/settings.xml" \
    '<config:config-item config:name="VerticalSplitMode" config:type="short">2</config:config-item>'
contains ".ods: below row 1" "$TMP/settings.xml" \
    '<config:config-item config:name="VerticalSplitPosition" config:type="int">1</config:config-item>'

# --- the sign-in sheet, printed -----------------------------------------------

run --db "$TMP/demo" init --demo
status "a demo database" 0
run --db "$TMP/demo" list meetings --tsv
m=$(awk -F '\t' 'NR > 1 && $0 ~ /工作推動會議/ { print $1; exit }' \
    "$TMP/out")
for f in ods xlsx; do
	run --db "$TMP/demo" export signin "$m" -o "$TMP/signin.$f"
	status "export signin -o signin.$f" 0
	rm -rf "$TMP/pdf"
	soffice --headless --convert-to pdf --outdir "$TMP/pdf" \
	    "$TMP/signin.$f" >/dev/null 2>&1
	if [ ! -s "$TMP/pdf/signin.pdf" ]; then
		not_ok "LibreOffice prints signin.$f to PDF"
		continue
	fi
	ok "LibreOffice prints signin.$f to PDF"
	pdfinfo "$TMP/pdf/signin.pdf" >"$TMP/info"
	contains "signin.$f: on A4" "$TMP/info" "(A4)"
	pages=$(sed -n 's/^Pages: *//p' "$TMP/info")
	check "signin.$f: more than one page for $m's invitees" \
	    [ "${pages:-0}" -ge 2 ]
	pdftotext -layout -f 1 -l 1 "$TMP/pdf/signin.pdf" "$TMP/p1.txt"
	pdftotext -layout -f 2 -l 2 "$TMP/pdf/signin.pdf" "$TMP/p2.txt"
	contains "signin.$f: the title" "$TMP/p1.txt" "簽到表"
	contains "signin.$f: the kind" "$TMP/p1.txt" "會議類別：工作推動會議"
	contains "signin.$f: the time" "$TMP/p1.txt" "時間："
	contains "signin.$f: the place" "$TMP/p1.txt" "地點："
	contains "signin.$f: the chair" "$TMP/p1.txt" "主席："
	check "signin.$f: the header on page 1" grep -Eq \
	    '機關 +姓名 +職稱 +簽名' "$TMP/p1.txt"
	check "signin.$f: and again on page 2" grep -Eq \
	    '機關 +姓名 +職稱 +簽名' "$TMP/p2.txt"
	lacks "signin.$f: the title only once" "$TMP/p2.txt" "簽到表"
	contains "signin.$f: page numbers" "$TMP/p2.txt" "第 2 頁"
done
# The page a person looks at (make test keeps no image; pdftoppm makes
# one from $TMP/pdf/signin.pdf for a look by eye).
