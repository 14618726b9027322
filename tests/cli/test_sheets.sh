#!/bin/sh
# test_sheets.sh — spreadsheets without loss, proved against the other
# end: LibreOffice (headless, driven through its UNO bridge by
# tests/tools/lo-calc.py). Officers whose data spreadsheets damage (phone
# numbers and extensions with leading zeros, 許功蓋 with Big5's 0x5C
# trail bytes, 堃 喆 犇 that Big5 lacks, notes of two lines, cells that
# begin with = + - @) are exported as .ods and .xlsx; LibreOffice opens
# each, a script changes one cell, and saves it as .ods, .xlsx, UTF-8 CSV
# and Big5 CSV; a dry run of each lists exactly that change and nothing
# else (the Big5 file also turns away the rows whose names became ?).
# ogpo's own CSV of officers and cases, opened in LibreOffice and saved as
# CSV and .xlsx (007, 000123, +886 turned into numbers) changes nothing;
# the tracking table saved as Big5 that lost 堃 and 𡘙 is refused.
# A coordinator's afternoon: an agency's officers, the agencies and a
# month's attendance, exported as .ods, .xlsx and CSV, edited in
# LibreOffice as people edit (a phone fixed with its 0, a name, dates
# typed as 115/3/1 and 2026/3/1, spaces after a word, full-width digits,
# a row deleted, a row added, columns moved, marks filled in) and saved
# as each kind of file and as CSV in UTF-8, Big5, Windows-950 and UTF-16,
# comma, semicolon and tab: each dry run lists exactly the edits, the
# import lands them and again changes nothing; what cannot be taken is
# refused naming the row, column and value.
# The sign-in sheet is converted to PDF by LibreOffice and its pages read
# back: A4, the meeting's heading, the header on every page.
#
#   OGPO=./ogpo sh tests/cli/test_sheets.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
DB=$TMP/db
TOOL=$(dirname "$0")/../../build/tools/table-tool
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

# LibreOffice reads what is typed as a clerk in Taiwan has it set up,
# in the zh_TW.UTF-8 locale.
if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null ||
    [ ! -x /usr/bin/python3 ] || ! /usr/bin/python3 -c 'import uno' \
    2>/dev/null || ! locale -a 2>/dev/null |
    grep -qix 'zh_TW\.utf-\{0,1\}8'; then
	not_ok "LibreOffice, poppler, python3-uno and the zh_TW.UTF-8 locale are needed (sh tools/deps.sh test)"
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
	# Big5 loses three names, rows the import would refuse: exit 1.
	if [ "$2" = big5.csv ]; then
		status "$1 → $2: the dry run reads it, and would refuse" 1
	else
		status "$1 → $2: the dry run reads it" 0
	fi
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

# One LibreOffice opens each export twice: once to change one cell, and
# saves it as .ods, .xlsx, UTF-8 CSV and Big5 CSV (Windows' code page
# 950, "ANSI" in Taiwan; cells as shown); once to type an officer under
# the last row, one empty row between as people leave one (below).
CALC=$(dirname "$0")/../tools/lo-calc.py
CSVF='Text - txt - csv (StarCalc)'
for f in ods xlsx; do
	printf 'open\t%s\n' "$TMP/officers.$f"
	printf 'type\t電話\thsu@moi.gov.tw\t0922-333-444\n'
	printf 'save\t%s\n' "$TMP/lo-$f/edited.ods" "$TMP/lo-$f/edited.xlsx"
	printf "save\t%s\t$CSVF\t%s\n" \
	    "$TMP/lo-$f/edited-utf8.csv" 44,34,76,1,,0,false,true,true,false,false \
	    "$TMP/lo-$f/edited-big5.csv" 44,34,63,1,,0,false,true,true,false,false
	printf 'close\nopen\t%s\ngap\n' "$TMP/officers.$f"
	printf 'append\t%s\t%s\t%s\t%s\t%s\t%s\n' 姓名=陳新 機關代碼=MOI \
	    角色=聯絡人 電子郵件=chen@moi.gov.tw 電話=0223456789 分機=012
	printf 'save\t%s\n' "$TMP/lo-add-$f/edited.ods" \
	    "$TMP/lo-add-$f/edited.xlsx"
	printf "save\t%s\t$CSVF\t%s\n" "$TMP/lo-add-$f/edited-utf8.csv" \
	    44,34,76,1,,0,false,true,true,false,false
	printf 'close\n'
done >"$TMP/steps"
t0=$(date +%s)
calc "$TMP/steps" "LibreOffice opens officers.ods and .xlsx, changes a cell, types a row, saves them"
for f in ods xlsx; do
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

# --- a coordinator's afternoon in LibreOffice ----------------------------

# The lists ogpo exports, opened in LibreOffice as a clerk in Taiwan has
# it (zh_TW: 2026/3/1 is a date, and 115/3/1 the year 115), edited as
# people edit, saved as the same kind of file, as each other kind and as
# CSV in each encoding and separator LibreOffice offers; each imported
# back says exactly what was changed, no more (no retyping of numbers,
# dates, spaces or full width taken for a change), and refuses what it
# cannot take naming the file, row, column and value. Every sheet is
# opened, edited and saved by one LibreOffice (tests/tools/lo-calc.py).
C=$TMP/clerk
mkdir -p "$C"
# crun ARGS: ogpo on the clerk's database, a day the tests fix.
crun() {
	OGPO_NOW=${CRUN_NOW:-2026-12-01} "$OGPO" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}
crun --db "$C/db" init
printf '%s\n' 機關代碼,機關名稱,上級機關代碼,層級 EY,行政院,,1 \
    MOI,內政部,EY,2 NPA,內政部警政署,MOI,3 MOFA,外交部,EY,2 >"$C/ag.csv"
crun --db "$C/db" import agencies "$C/ag.csv"
cat >"$C/off.csv" <<'EOF'
姓名,機關代碼,職稱,角色,電子郵件,電話,分機,到任日期
王大明,MOI,科長,聯絡人,a@moi.gov.tw,02-2345-0001,007,2024-05-08
陳美玲,MOI,專員,代理人,b@moi.gov.tw,02-2345-0002,,2023-01-02
林志強,MOI,科長,聯絡人,c@moi.gov.tw,02-2345-0003,,2022-03-04
黃淑芬,MOI,科員,代理人,d@moi.gov.tw,02-2345-0004,,
張家豪,MOI,視察,聯絡人,f@moi.gov.tw,0912-345-678,012,
李怡君,MOFA,科長,聯絡人,g@mofa.gov.tw,02-2348-2999,,
EOF
crun --db "$C/db" import officers "$C/off.csv"
status "the clerk's agencies and officers" 0
for f in ods xlsx csv; do
	crun --db "$C/db" export officers --agency MOI -o "$C/moi.$f"
	crun --db "$C/db" export agencies -o "$C/agencies.$f"
done
mkdir -p "$XDG_CONFIG_HOME/ogpo"
echo 'date_style = roc' >"$XDG_CONFIG_HOME/ogpo/config"
crun --db "$C/db" export officers --agency MOI -o "$C/roc.ods"
rm "$XDG_CONFIG_HOME/ogpo/config"
crun --db "$C/month" init --demo
for f in ods xlsx csv; do
	crun --db "$C/month" export attendance --month 2027-01 \
	    -o "$C/jan.$f"
done

# saves OUT: the steps that save the open sheet as every kind of file, to
# OUT.ods, OUT.xlsx, OUT.csv (UTF-8, comma), OUT-big5.csv (Big5, comma),
# OUT-cp950.csv (Windows-950, semicolon), OUT-utf16.csv (UTF-16, tab)
# and OUT-raw.csv (UTF-8, semicolon, cells not as shown).
KINDS='.ods .xlsx .csv -big5.csv -cp950.csv -utf16.csv -raw.csv'
saves() {
	printf 'save\t%s\n' "$1.ods" "$1.xlsx" "$1.csv"
	printf "save\t%s\t$CSVF\t%s\n" \
	    "$1-big5.csv" 44,34,68,1,,0,false,true,true,false,false \
	    "$1-cp950.csv" 59,34,63,1,,0,false,true,true,false,false \
	    "$1-utf16.csv" 9,34,65535,1,,0,false,true,true,false,false \
	    "$1-raw.csv" 59,34,76,1,,0,false,true,false,false,false
	printf 'close\n'
}
# opens FILE: the step that opens FILE (a CSV as LibreOffice's dialog
# takes ogpo's: UTF-8, comma, every column Standard).
opens() {
	case $1 in
	*.csv) printf 'open\t%s\t44,34,76,1\n' "$1" ;;
	*) printf 'open\t%s\n' "$1" ;;
	esac
}
{
	for f in ods xlsx csv; do
		# The officers: a phone fixed with its leading 0, a name
		# corrected, a date typed as 民國 (115/3/1) and one as
		# 2026/3/1, a title with a space typed after it, an extension
		# typed in full width, an officer gone from the list, one
		# added under it, and the e-mail column moved first.
		opens "$C/moi.$f"
		printf 'type\t電話\ta@moi.gov.tw\t0223456789\n'
		printf 'type\t分機\ta@moi.gov.tw\t００７\n'
		printf 'type\t姓名\tb@moi.gov.tw\t陳美鈴\n'
		printf 'type\t到任日期\tb@moi.gov.tw\t115/3/1\n'
		printf 'type\t到任日期\tc@moi.gov.tw\t2026/3/1\n'
		printf 'type\t職稱\tc@moi.gov.tw\t科長 \n'
		printf 'delete\td@moi.gov.tw\n'
		printf 'append\t%s\t%s\t%s\t%s\t%s\t%s\n' 姓名=周新 \
		    機關代碼=MOI 角色=代理人 電子郵件=e@moi.gov.tw \
		    電話=02-2345-0005 到任日期=2026/3/1
		printf 'move\t電子郵件\t姓名\n'
		saves "$C/lo/officers-$f"
		# The agencies: a note, a name with a space after it, an
		# agency added under its parent's code typed in full width
		# and its level as a number, one gone, columns swapped.
		opens "$C/agencies.$f"
		printf 'type\t備註\tNPA\t原警政署\n'
		printf 'type\t機關名稱\tNPA\t內政部警政署 \n'
		printf 'delete\tMOFA\n'
		printf 'append\t%s\t%s\t%s\t%s\n' 機關代碼=LAND \
		    機關名稱=內政部地政司 上級機關代碼=ＭＯＩ 層級=3
		printf 'move\t機關名稱\t機關代碼\n'
		saves "$C/lo/agencies-$f"
		# A month's attendance marked: present, online, absent with a
		# note (and a space), the date retyped as 民國 and as
		# 2027/1/15, by proxy with the proxy, a row deleted, a
		# walk-in added under the list.
		opens "$C/jan.$f"
		printf 'type\t出席情形\t廖書豪\t出席\n'
		printf 'type\t出席情形\t柯美惠\t線上\n'
		printf 'type\t出席情形\t江立偉\t缺席\n'
		printf 'type\t備註\t江立偉\t臨時公出 \n'
		printf 'type\t日期\t余美玲\t116/1/15\n'
		printf 'type\t出席情形\t余美玲\t出席\n'
		printf 'type\t日期\t羅俊宏\t2027/1/15\n'
		printf 'type\t出席情形\t羅俊宏\t代理出席\n'
		printf 'type\t代理人\t羅俊宏\t王大同\n'
		printf 'delete\t吳冠廷\n'
		printf 'append\t%s\t%s\t%s\t%s\t%s\t%s\n' 日期=2027/1/15 \
		    會議類別=工作推動會議 \
		    會議名稱=2027年1月開放政府聯絡人工作推動會議 機關代碼=MOFA \
		    姓名=胡玉珍 出席情形=出席
		saves "$C/lo/jan-$f"
	done
	# Excused, and a proxy named all the same.
	opens "$C/jan.ods"
	printf 'type\t出席情形\t朱建志\t請假\n'
	printf 'type\t代理人\t朱建志\t洪心怡\n'
	saves "$C/lo/proxy"
	# Dates shown as 民國 (date_style = roc): 115/3/1 typed there is
	# still the year 115, shown 1797/03/01 (民前).
	opens "$C/roc.ods"
	printf 'type\t到任日期\tb@moi.gov.tw\t115/3/1\n'
	saves "$C/lo/roc"
} >"$C/steps"
t0=$(date +%s)
calc "$C/steps" "LibreOffice edits the officers, agencies and attendance and saves them $(grep -c '^save' "$C/steps") times"
echo "# one LibreOffice for $(grep -c '^open' "$C/steps") sheets: $(( $(date +%s) - t0 )) s"

# expect WHAT FILE: the dry run's lines but its last are exactly those in
# $C/want, and its last line holds the counts in $want_sum.
expect() {
	grep -v '^dry run' "$TMP/out" >"$TMP/got"
	if cmp -s "$C/want" "$TMP/got"; then
		ok "$1: the dry run says what changed, nothing more"
	else
		not_ok "$1: the dry run says what changed, nothing more"
		diff "$C/want" "$TMP/got" | sed 's/^/#   /'
	fi
	contains "$1: the counts" "$TMP/out" "$want_sum"
}
# The phone typed into a Standard cell of the CSV LibreOffice opened
# became a number: refused, and what to do said for a CSV or a sheet.
LOST="rejected row 4, column 電話: '223456789' looks like a phone number that lost its leading zero"
LOST_CSV="$LOST (a spreadsheet took it for a number); write it as text, with the 0, or send the list as .ods, and import again"
LOST_SHEET="$LOST: the cell holds a number; format the cell as text, type the number again with its 0, and import again"
STAYS="MOI 內政部: 1 officer in office is not in the file and stays as they are (an import removes no one): 黃淑芬 (#4). To end the designation: ogpo set officer 4 end_date=YYYY-MM-DD; a record made in error: ogpo delete officer 4."
for f in ods xlsx csv; do
	for k in $KINDS; do
		echo 'row 3: updated 林志強 <c@moi.gov.tw>: 到任日期 2022-03-04 → 2026-03-01' \
		    >"$C/want"
		want_sum="added 1, updated 3, unchanged 1, rejected 0"
		case $f$k in
		csv.ods | csv.xlsx) echo "$LOST_SHEET" >>"$C/want" ;;
		csv*) echo "$LOST_CSV" >>"$C/want" ;;
		*) echo 'row 4: updated 王大明 <a@moi.gov.tw>: 電話 02-2345-0001 → 0223456789' \
			>>"$C/want" ;;
		esac
		[ $f = csv ] &&
		    want_sum="added 1, updated 2, unchanged 1, rejected 1"
		cat >>"$C/want" <<'EOF'
row 5: updated 陳美鈴 <b@moi.gov.tw>: 姓名 陳美玲 → 陳美鈴; 到任日期 2023-01-02 → 2026-03-01
row 6: added 周新 <e@moi.gov.tw>
EOF
		# The row deleted: the officer stays, and it is said.
		echo "$STAYS" >>"$C/want"
		crun --db "$C/db" import officers "$C/lo/officers-$f$k" \
		    --dry-run
		expect "officers .$f → $k" "$C/lo/officers-$f$k"
	done
done
crun --db "$C/db" import officers "$C/lo/officers-csv-utf16.csv" --dry-run
contains "the refusal names the file too" "$TMP/out" \
    "$C/lo/officers-csv-utf16.csv: added 1, updated 2"

# The officers imported from the .ods saved as Windows-950 with
# semicolons: the import counts what its dry run did; again, it finds nothing to do; the
# officer deleted from the sheet and the other agency's are still there.
crun --db "$C/db" import officers "$C/lo/officers-ods-cp950.csv"
status "the officers' sheet, saved as Windows-950 CSV, imported" 0
contains "the import counts what its dry run did" "$TMP/out" \
    "added 1, updated 3, unchanged 1, rejected 0"
contains "the import says who stays though deleted from the sheet" \
    "$TMP/out" "$STAYS"
crun --db "$C/db" import officers "$C/lo/officers-ods-cp950.csv"
contains "imported again, nothing changes" "$TMP/out" \
    "added 0, updated 0, unchanged 5, rejected 0"
crun --db "$C/db" list officers --tsv
contains "the phone stored with its 0" "$TMP/out" \
    "$(printf 'a@moi.gov.tw\t0223456789\t007')"
contains "the 民國 date stored as the day typed" "$TMP/out" \
    "$(printf '陳美鈴\t')"
check "b's start date is 2026-03-01" grep -q "b@moi.gov.tw.*2026-03-01" \
    "$TMP/out"
contains "a row deleted from the sheet removes no one" "$TMP/out" \
    d@moi.gov.tw
contains "the other agency's officer untouched" "$TMP/out" g@mofa.gov.tw

# Dates shown as 民國: in .ods and .xlsx the day typed; as CSV, shown
# 1797/03/01, refused as no year kept.
crun --db "$C/db" import undo
status "the officers' import taken back" 0
for k in .ods .xlsx -raw.csv; do
	crun --db "$C/db" import officers "$C/lo/roc$k" --dry-run
	contains "ROC-styled .ods → $k: 115/3/1 is 2026-03-01" "$TMP/out" \
	    "row 5: updated 陳美玲 <b@moi.gov.tw>: 到任日期 2023-01-02 → 2026-03-01"
	contains "ROC-styled .ods → $k: and nothing else" "$TMP/out" \
	    "added 0, updated 1, unchanged 4, rejected 0"
done
crun --db "$C/db" import officers "$C/lo/roc.csv" --dry-run
contains "ROC-styled .ods → .csv: 1797/03/01 refused, as no year kept" \
    "$TMP/out" "rejected row 5, column 到任日期: '1797/03/01' is outside the years 1900 to 2999 that ogpo keeps"

# The agencies.
cat >"$C/want" <<'EOF'
row 4: updated 內政部警政署 (NPA): 備註 (empty) → 原警政署
row 5: added 內政部地政司 (LAND)
EY 行政院: 1 agency under it is not in the file and stays as it is (an import removes no agency): 外交部 (MOFA, #4). To remove it: ogpo delete agency 4.
EOF
want_sum="added 1, updated 1, unchanged 2, rejected 0"
# each_saved DB WHAT STEM LAST AGAIN: every way STEM was saved, dry-run as
# WHAT, says $C/want and $want_sum; then LAST imports and, imported again,
# leaves AGAIN (the summary) unchanged.
each_saved() {
	for f in ods xlsx csv; do
		for k in $KINDS; do
			crun --db "$1" import "$2" "$C/lo/$3-$f$k" --dry-run
			expect "$2 .$f → $k" "$C/lo/$3-$f$k"
		done
	done
	crun --db "$1" import "$2" "$C/lo/$4"
	status "$2: $4 imported" 0
	crun --db "$1" import "$2" "$C/lo/$4"
	contains "$2: $4 imported again, nothing changes" "$TMP/out" "$5"
}
each_saved "$C/db" agencies agencies agencies-xlsx-utf16.csv \
    "added 0, updated 0, unchanged 4, rejected 0"
crun --db "$C/db" list agencies --tsv
check "LAND under MOI (typed ＭＯＩ), at level 3" grep -q \
    "	LAND	內政部地政司	2	3	" "$TMP/out"
contains "a row deleted from the sheet removes no agency" "$TMP/out" MOFA

# The month's attendance, imported once January's meeting has taken
# place: who came is marked from a meeting's day on.
CRUN_NOW="2027-01-15 18:00"
cat >"$C/want" <<'EOF'
row 2: updated 廖書豪 組長, 2027-01-15 2027年1月開放政府聯絡人工作推動會議: 出席情形 Invited → Present
row 4: updated 柯美惠 處長, 2027-01-15 2027年1月開放政府聯絡人工作推動會議: 出席情形 Invited → Online
row 5: updated 江立偉 簡任技正, 2027-01-15 2027年1月開放政府聯絡人工作推動會議: 出席情形 Invited → Absent; 備註 (empty) → 臨時公出
row 6: updated 余美玲 副組長, 2027-01-15 2027年1月開放政府聯絡人工作推動會議: 出席情形 Invited → Present
row 7: updated 羅俊宏 科員, 2027-01-15 2027年1月開放政府聯絡人工作推動會議: 出席情形 Invited → Proxy; 代理人 (empty) → 王大同
row 42: added 胡玉珍 秘書, 2027-01-15 2027年1月開放政府聯絡人工作推動會議: 出席情形 Invited → Present
EOF
want_sum="added 1, updated 5, unchanged 35, rejected 0"
each_saved "$C/month" attendance jan jan-csv-big5.csv \
    "added 0, updated 0, unchanged 41, rejected 0"
for k in .ods -cp950.csv; do
	crun --db "$C/month" import attendance "$C/lo/proxy$k" --dry-run
	contains "excused with a proxy ($k): refused, naming the proxy" \
	    "$TMP/out" "rejected row 3, column 代理人: '洪心怡' is named as the proxy, but only attendance by proxy (代理出席) has one"
done
crun --db "$C/db" verify
status "the clerk's database verifies" 0
crun --db "$C/month" verify
status "the month's database verifies" 0

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
