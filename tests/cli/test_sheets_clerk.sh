#!/bin/sh
# test_sheets_clerk.sh — what LibreOffice does to ogpo's lists that the
# import must not take for an edit, proved through the real LibreOffice
# (headless, driven by tests/tools/lo-calc.py as a clerk in Taiwan has it
# set up, zh_TW.UTF-8):
#
# - Agency codes of digits: 0800 in an exported CSV, opened and saved in
#   LibreOffice, comes back as 800, and 0123 as 123. The officers, the
#   agencies and the cases come back unchanged (the agency named beside
#   the code, or the one the record has, says which); a code typed anew
#   that lost its zero is refused naming the agency it may be, never
#   taken for agency 800 or for no agency.
# - A row deleted from the sheet: the import removes no one, and says so
#   per agency, with the count and the command that does remove them.
# - 民國99年 typed as 99/3/1 is 1999-03-01 to LibreOffice: refused, saying
#   to type 099/3/1, which lands as 2010-03-01.
# - Edits around the data (sorted, filtered, a note above the header and
#   merged, a column hidden, a total row, a second sheet) change nothing
#   but the one cell changed; a total row is passed over, said in the dry
#   run; a sheet put before the list is refused naming file and sheet.
#
#   OGPO=./ogpo sh tests/cli/test_sheets_clerk.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
DB=$TMP/db
HOME=$TMP/home		# LibreOffice's profile
export HOME
mkdir -p "$HOME"
CALC=$(dirname "$0")/../tools/lo-calc.py

calc_here || exit 1

# run ARGS: ogpo on the database, a day the test fixes.
run() {
	OGPO_NOW=2026-12-01 "$OGPO" --db "$DB" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}
status() {
	if [ "$rc" -eq "$2" ]; then ok "$1"; else
		not_ok "$1 (exit $rc, wanted $2)"
		sed 's/^/#   /' "$TMP/err" | head -10
	fi
}
# both WHAT TEXT: the dry run's output and error together hold TEXT.
both() {
	cat "$TMP/out" "$TMP/err" >"$TMP/all"
	contains "$1" "$TMP/all" "$2"
}

run init
printf '%s\n' 機關代碼,機關名稱,上級機關代碼,層級 EY,行政院,,1 MOI,內政部,EY,2 \
    0800,客服中心,MOI,3 800,八百署,MOI,3 0123,零一二三局,EY,2 >"$TMP/ag.csv"
run import agencies "$TMP/ag.csv"
status "agencies whose codes are digits" 0
cat >"$TMP/off.csv" <<'EOF'
姓名,機關代碼,職稱,角色,電子郵件,電話,到任日期
王大明,0800,科長,聯絡人,a@x.gov.tw,02-2345-0001,2023-03-01
陳美玲,0123,專員,代理人,b@x.gov.tw,02-2345-0002,2023-01-02
林志強,MOI,科長,聯絡人,c@x.gov.tw,02-2345-0003,
黃淑芬,MOI,科員,代理人,d@x.gov.tw,02-2345-0004,
EOF
run import officers "$TMP/off.csv"
status "their officers" 0
run add case title=客服改善 lead=0800 collab=0123 source=other
status "a case led by 0800 (a code before an id: not agency #800)" 0
run export officers -o "$TMP/o.csv"
run export officers --agency MOI -o "$TMP/moi.ods"
run export agencies -o "$TMP/a.csv"
run export cases -o "$TMP/c.csv"

L=$TMP/lo
{
	# The exports opened as LibreOffice's dialog takes a CSV (every
	# column Standard) and saved again; two officers typed under the
	# list, their agencies' codes with a leading zero.
	printf 'open\t%s\t44,34,76,1\n' "$TMP/o.csv"
	printf 'save\t%s\n' "$L/o.csv" "$L/o.ods"
	printf 'append\t%s\t%s\t%s\t%s\n' 姓名=周新 機關代碼=0123 角色=聯絡人 \
	    電子郵件=e@x.gov.tw
	printf 'append\t%s\t%s\t%s\t%s\n' 姓名=吳東 機關代碼=0800 角色=聯絡人 \
	    電子郵件=f@x.gov.tw
	printf 'save\t%s\n' "$L/typed.csv"
	printf 'close\n'
	printf 'open\t%s\t44,34,76,1\n' "$TMP/a.csv"
	printf 'save\t%s\n' "$L/a.csv"
	printf 'close\n'
	printf 'open\t%s\t44,34,76,1\n' "$TMP/c.csv"
	printf 'save\t%s\n' "$L/c.csv"
	printf 'close\n'
	# An agency's list: a departed officer's row deleted; 民國 dates
	# typed with two digits and with three.
	printf 'open\t%s\n' "$TMP/moi.ods"
	printf 'delete\td@x.gov.tw\n'
	printf 'save\t%s\n' "$L/moi-deleted.xlsx"
	printf 'type\t到任日期\tc@x.gov.tw\t99/3/1\n'
	printf 'save\t%s\n' "$L/moi-99.ods" "$L/moi-99.csv"
	printf 'type\t到任日期\tc@x.gov.tw\t099/3/1\n'
	printf 'save\t%s\n' "$L/moi-099.ods" "$L/moi-099.csv"
	printf 'close\n'
} >"$TMP/steps"
calc "$TMP/steps" "LibreOffice opens, edits and saves the lists"

# --- codes of digits ------------------------------------------------------

contains "LibreOffice made 0800 a number: the test means something" \
    "$L/o.csv" ",800,客服中心,"
for f in o.csv o.ods; do
	run import officers "$L/$f" --dry-run
	status "officers → LibreOffice → $f: read" 0
	contains "$f: nothing changes (800 beside 客服中心 is 0800)" "$TMP/out" \
	    "added 0, updated 0, unchanged 4, rejected 0"
	lacks "$f: no one moved to 八百署" "$TMP/out" "八百署"
done
run import officers "$L/typed.csv" --dry-run
status "codes typed anew that lost their zero: refused" 1
contains "123: no agency's code, but 0123 is, and what to do" "$TMP/out" \
    "rejected row 6, column 機關代碼: '123' is no agency's code, but 0123 (零一二三局) is, with its leading zero: a spreadsheet took the code for a number and dropped the zero; type the code again as text (the cell formatted as text), or send the list as .ods or .xlsx, and import again"
contains "800: agency 800's, or 0800's that lost its zero: refused" \
    "$TMP/out" "rejected row 7, column 機關代碼: '800' is the code of 八百署, but may also be 0800 (客服中心) with its leading zero dropped by a spreadsheet that took the code for a number; write the agency's name beside it, in the 機關 column, and import again"
contains "the rest unchanged" "$TMP/out" \
    "added 0, updated 0, unchanged 4, rejected 2"

contains "LibreOffice made the agencies' 0800 a number" "$L/a.csv" \
    "800,客服中心,MOI"
run import agencies "$L/a.csv" --dry-run
status "agencies → LibreOffice → CSV: read" 0
contains "nothing changes: no agency renamed, none added" "$TMP/out" \
    "added 0, updated 0, unchanged 5, rejected 0"

contains "LibreOffice made the case's lead 0800 a number" "$L/c.csv" \
    ",客服改善,800,123,"
run import cases "$L/c.csv" --dry-run
status "cases → LibreOffice → CSV: read" 0
contains "the case's lead and co-organiser unchanged" "$TMP/out" \
    "added 0, updated 0, unchanged 1"
sed 's/,客服改善,800,123,/,客服改善,800,0123,/' "$L/c.csv" >"$L/c-800.csv"
run import cases "$L/c-800.csv" --dry-run
status "a case's lead 800 that may be 800 or 0800: the case has 0800" 0
run set case 115-01 lead=MOI
run import cases "$L/c-800.csv" --dry-run
status "led by MOI now, 800 in the sheet: refused" 1
both "naming both agencies and what to do" \
    "column lead: '800' is the code of 八百署, but may also be 0800 (客服中心) with its leading zero dropped by a spreadsheet that took the code for a number; set this record's agency by hand first"

# A collaboration meeting on the case (its PO invited: 0800's) and a progress report of 0800's: the month's attendance and the
# reports, through LibreOffice as CSV, name their agencies as 800 and 123.
run set case 115-01 lead=0800
run add meeting kind=issue date=2026-11-20 title=客服協作會議 issue=115-01 status=held \
    --invite proposed
status "a meeting of the case's agencies" 0
run add progress issue=115-01 agency=0800 date=2026-11-25 text=已召開協作會議
status "a progress report of 0800's" 0
run export attendance --month 2026-11 -o "$TMP/nov.csv"
run export progress -o "$TMP/p.csv"
{
	printf 'open\t%s\t44,34,76,1\n' "$TMP/nov.csv"
	printf 'type\t出席情形\t王大明\t出席\n'
	printf 'save\t%s\n' "$L/nov.csv"
	printf 'close\n'
	printf 'open\t%s\t44,34,76,1\n' "$TMP/p.csv"
	printf 'save\t%s\n' "$L/p.csv"
	printf 'type\tdate\t已召開協作會議\t99/3/1\n'
	printf 'save\t%s\n' "$L/p-99.csv"
	printf 'close\n'
} >"$TMP/steps"
calc "$TMP/steps" "LibreOffice edits the month's attendance and reports"
contains "LibreOffice made the attendance's 0800 a number" "$L/nov.csv" \
    ",800,客服中心,王大明,"
run import attendance "$L/nov.csv" --dry-run
status "attendance → LibreOffice → CSV: read" 0
contains "王大明 of 0800 found by the agency named beside 800" "$TMP/out" \
    ": updated 王大明 科長, 2026-11-20 客服協作會議: 出席情形 Invited → Present"
contains "and nothing else" "$TMP/out" \
    "added 0, updated 1, unchanged 0, rejected 0"
run import progress "$L/p.csv" --dry-run
status "progress → LibreOffice → CSV: 800 is the report's 0800" 0
contains "unchanged" "$TMP/out" "added 0, updated 0, unchanged 1"
run import progress "$L/p-99.csv" --dry-run
status "a report's date typed 99/3/1: refused" 1
both "saying why, and to type 099/3/1" \
    "column date: '1999-03-01' is a day of 1930 to 1999: a spreadsheet reads a two-digit year as 19xx"

# --- a row deleted ----------------------------------------------------------

WHO="MOI 內政部: 1 officer in office is not in the file and stays as they are (an import removes no one): 黃淑芬 (#4). To end the designation: ogpo set officer 4 end_date=YYYY-MM-DD; a record made in error: ogpo delete officer 4."
run import officers "$L/moi-deleted.xlsx" --dry-run
status "a departed officer's row deleted: the dry run reads it" 0
contains "the dry run counts no change" "$TMP/out" \
    "added 0, updated 0, unchanged 1, rejected 0"
contains "the dry run says who stays, and how to end or remove them" \
    "$TMP/out" "$WHO"
run import officers "$L/moi-deleted.xlsx"
status "imported" 0
contains "the import says it too" "$TMP/out" "$WHO"
run set officer 4 end_date=2026-11-30
run import officers "$L/moi-deleted.xlsx" --dry-run
lacks "once the designation has ended, nothing to say" "$TMP/out" \
    "not in the file"

# --- 民國 with two digits --------------------------------------------------

for f in moi-99.ods moi-99.csv; do
	run import officers "$L/$f" --dry-run
	status "99/3/1 typed ($f): refused" 1
	contains "$f: why, and to type 099/3/1" "$TMP/out" \
	    "column 到任日期: '1999"
	contains "$f: the sentence" "$TMP/out" \
	    "is a day of 1930 to 1999: a spreadsheet reads a two-digit year as 19xx, so 民國99年 typed as 99/3/1 became 1999; type the ROC year with three digits (099/3/1) or the year in full (2010/3/1), and import again"
done
for f in moi-099.ods moi-099.csv; do
	run import officers "$L/$f" --dry-run
	status "099/3/1 typed ($f): read" 0
	contains "$f: 民國99年3月1日 is 2010-03-01" "$TMP/out" \
	    "updated 林志強 <c@x.gov.tw>: 到任日期 (empty) → 2010-03-01"
done

run verify
status "the database verifies" 0


# --- a clerk's edits around the data -----------------------------------------

# Each list ogpo exports (an agency's officers, the agencies, a month's
# attendance, the cases), as .ods, .xlsx and CSV, opened in LibreOffice:
# one cell changed, then what people do around the data: sorted, filtered
# (AutoFilter), a note typed above the header and merged across it, a
# column hidden, a total row (合計, and a count) under the list, a sheet
# of notes added after it; saved as .ods, .xlsx and CSV. Each dry run
# lists the one change and passes over the total row, saying so. A sheet
# of notes put first is refused, naming the file and the sheet.
D=$TMP/demo
drun() {
	OGPO_NOW=${DNOW:-2026-12-01} "$OGPO" --db "$D" "$@" >"$TMP/out" \
	    2>"$TMP/err"
	rc=$?
}
drun init --demo
status "a demo database" 0
for f in ods xlsx csv; do
	drun export officers --agency MOI -o "$TMP/k-officers.$f"
	drun export agencies -o "$TMP/k-agencies.$f"
	drun export attendance --month 2027-01 -o "$TMP/k-attendance.$f"
	drun export cases -o "$TMP/k-cases.$f"
done
# around SORT FILTER FVALUE HIDE TOTAL: the edits around the data.
around() {
	printf 'sort\t%s\n' "$1"
	printf 'above\t備註：請於12月10日前修正後回傳\n'
	printf 'merge\tA1:D1\n'
	printf 'hide\t%s\n' "$4"
	printf 'total\t%s\t合計\n' "$5"
	printf 'sheet\t說明\n'
	printf 'filter\t%s\t%s\n' "$2" "$3"
}
{
	for f in ods xlsx csv; do
		for k in officers agencies attendance cases; do
			case $f in
			csv) printf 'open\t%s\t44,34,76,1\n' "$TMP/k-$k.$f" ;;
			*) printf 'open\t%s\n' "$TMP/k-$k.$f" ;;
			esac
			case $k in
			officers)
				printf 'type\t職稱\tmoi.alt3@ogpo.example\t司長\n'
				around 姓名 角色 聯絡人 電話 電子郵件 ;;
			agencies)
				printf 'type\t備註\tNPA\t原警政署\n'
				around 機關名稱 層級 二級機關 上級機關代碼 機關名稱 ;;
			attendance)
				printf 'type\t出席情形\t廖書豪\t出席\n'
				around 姓名 機關 內政部 會議名稱 姓名 ;;
			cases)
				printf 'type\tnote\t115-01\t會中追蹤\n'
				around title stage collaboration description title ;;
			esac
			printf 'save\t%s\n' "$L/k-$k-$f.ods" "$L/k-$k-$f.xlsx" \
			    "$L/k-$k-$f.csv"
			printf 'close\n'
		done
	done
	printf 'open\t%s\n' "$TMP/k-officers.ods"
	printf 'sheet\t說明\tfirst\n'
	printf 'save\t%s\n' "$L/k-first.ods" "$L/k-first.xlsx"
	printf 'close\n'
} >"$TMP/steps"
calc "$TMP/steps" "LibreOffice edits around the data of each list"
contains "the total row is in the file: the test means something" \
    "$L/k-officers-ods.csv" "合計"
TOTAL="passed over: a total row (合計), not a record"
for f in ods xlsx csv; do
	for k in .ods .xlsx .csv; do
		drun import officers "$L/k-officers-$f$k" --dry-run
		status "officers .$f → $k: read" 0
		contains "officers .$f → $k: the one change" "$TMP/out" \
		    ": updated 林冠宇 <moi.alt3@ogpo.example>: 職稱 副司長 → 司長"
		contains "officers .$f → $k: the total row passed over" \
		    "$TMP/out" "$TOTAL"
		contains "officers .$f → $k: nothing else" "$TMP/out" \
		    "added 0, updated 1, unchanged 2, rejected 0"
		drun import agencies "$L/k-agencies-$f$k" --dry-run
		status "agencies .$f → $k: read" 0
		contains "agencies .$f → $k: the one change" "$TMP/out" \
		    ": updated 內政部警政署 (NPA): 備註 (empty) → 原警政署"
		contains "agencies .$f → $k: the total row passed over" \
		    "$TMP/out" "$TOTAL"
		contains "agencies .$f → $k: nothing else" "$TMP/out" \
		    "added 0, updated 1,"
		contains "agencies .$f → $k: none refused" "$TMP/out" \
		    "rejected 0"
		DNOW="2027-01-15 18:00" drun import attendance \
		    "$L/k-attendance-$f$k" --dry-run
		status "attendance .$f → $k: read" 0
		contains "attendance .$f → $k: the one change" "$TMP/out" \
		    ": updated 廖書豪 組長, 2027-01-15 2027年1月開放政府聯絡人工作推動會議: 出席情形 Invited → Present"
		contains "attendance .$f → $k: the total row passed over" \
		    "$TMP/out" "$TOTAL"
		contains "attendance .$f → $k: nothing else" "$TMP/out" \
		    "added 0, updated 1, unchanged 40, rejected 0"
		drun import cases "$L/k-cases-$f$k" --dry-run
		status "cases .$f → $k: read (the note above the header passed over)" 0
		contains "cases .$f → $k: the one change" "$TMP/out" \
		    "note (empty) → 會中追蹤"
		contains "cases .$f → $k: the total row passed over" \
		    "$TMP/out" "$TOTAL"
		contains "cases .$f → $k: nothing else" "$TMP/out" \
		    "added 0, updated 1, unchanged 17"
	done
done
for k in ods xlsx; do
	drun import officers "$L/k-first.$k" --dry-run
	status "a sheet of notes put first (.$k): refused" 1
	contains "naming the file, the sheet, and that the first is read" \
	    "$TMP/err" "k-first.$k, sheet '說明' (an import reads the first sheet of a file): the header has no 姓名 (name) column"
	contains "and what to do" "$TMP/err" \
	    "; if the list is on another sheet, move that sheet first, and import again"
done
