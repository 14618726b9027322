#!/bin/sh
# test_sheets_typed.sh — officer lists as an agency's clerk types them, in
# a new sheet of the real LibreOffice (headless, driven by
# tests/tools/lo-calc.py, zh_TW.UTF-8), saved as .ods, .xlsx (LibreOffice's
# Excel 2007-365), CSV with its default options and CSV in Big5
# (Windows-950), and imported:
#
# - Phone numbers typed into General cells become numbers: 0223456789 and
#   0912345678 lose their 0 (nine digits), 07-1234567 and 037-123456
#   typed as one number too (eight), +886… its +. Each is refused naming
#   the row, the column and what to do; none is stored as it arrived. A
#   number stored so already passes unchanged.
# - An extension written after the number (分機123, 轉 123, ext. 123,
#   (分機123)) lands in the extension field, the number in the phone's;
#   one that disagrees with the row's own extension column is refused.
#   '#123' stays part of the number, as before.
# - Blanks a person cannot see: the ideographic space (U+3000) and the
#   no-break space (U+00A0) before or after a name, an agency, an e-mail
#   are dropped as spaces are, not stored or taken for another agency.
# - An agency named as people say it (内政部 for 內政部, 內政部 警政署,
#   警政署 for 內政部警政署) is refused naming the agency it is near,
#   and not made anew under --create-agencies.
# - Headers as forms have them: broken over two lines in the cell
#   (Alt+Enter), a note in brackets (電話（含分機）), a * for required,
#   an ideographic space after: each read as its column.
# - What held, asserted so it stays: a title row and a blank row above the
#   header, blank rows among the data, a hidden row and column, an
#   AutoFilter, a second sheet (the first is read, and named), a cell of
#   two lines, formula cells (their computed value), a column formatted as
#   text keeping 0223456789, dates typed 2024/3/1 and 115/3/1 (民國).
# - A date whose cell was formatted as a number shows as the day number a
#   spreadsheet keeps (45352): refused saying so, not "not a date".
# - The round trip: the whole list exported as .ods, .xlsx and CSV, one
#   cell changed, sorted, a row deleted, saved: the dry run shows exactly
#   the change, the import lands it, a second changes nothing.
#
#   OGPO=./ogpo sh tests/cli/test_sheets_typed.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
DB=$TMP/db
HOME=$TMP/home		# LibreOffice's profile
export HOME
mkdir -p "$HOME"
CALC=$(dirname "$0")/../tools/lo-calc.py

calc_here || exit 1
OGPO_NOW=2026-12-01
export OGPO_NOW
# field EMAIL COLUMN: the officer's stored field (list officers --tsv).
field() {
	"$OGPO" --db "$DB" list officers --tsv 2>/dev/null | awk -F '\t' \
	    -v e="$1" -v c="$2" 'NR == 1 { for (i = 1; i <= NF; i++)
	    if ($i == c) k = i; next } $0 ~ "\t" e "\t" { print $k }'
}
stored() {
	got=$(field "$2" "$3")
	if [ "$got" = "$4" ]; then ok "$1"; else
		not_ok "$1 (stored '$got', wanted '$4')"
	fi
}

run init --demo
status "a demo database" 0
cp -r "$DB" "$TMP/db0"

T=$(printf '\t')
L=$TMP/lo
CSVF='Text - txt - csv (StarCalc)'
BIG5=44,34,63,1,,0,false,true,true,false,false
# saves OUT: the steps that save the open sheet as each kind of file.
saves() {
	printf 'save\t%s\n' "$1.ods" "$1.xlsx" "$1.csv"
	printf "save\t%s\t$CSVF\t%s\n" "$1-big5.csv" "$BIG5"
}
KINDS="ods xlsx csv big5.csv"
path() { case $2 in big5.csv) echo "$L/$1-big5.csv" ;; *) echo "$L/$1.$2" ;; esac; }

"$OGPO" --db "$DB" export officers -o "$TMP/all.ods" >/dev/null
"$OGPO" --db "$DB" export officers -o "$TMP/all.xlsx" >/dev/null
"$OGPO" --db "$DB" export officers -o "$TMP/all.csv" >/dev/null
{
	# Phones as a clerk types them, in General cells.
	printf 'new\n'
	printf '%s\n' "at${T}A1${T}姓名${T}機關${T}職稱${T}角色${T}電子郵件${T}電話"
	printf '%s\n' "at${T}A2${T}張一${T}內政部${T}科長${T}代理人${T}p1@x.gov.tw${T}0223456789"
	printf '%s\n' "at${T}A3${T}張二${T}內政部${T}科員${T}代理人${T}p2@x.gov.tw${T}0912345678"
	printf '%s\n' "at${T}A4${T}張三${T}內政部${T}科員${T}代理人${T}p3@x.gov.tw${T}037123456"
	printf '%s\n' "at${T}A5${T}張四${T}內政部${T}科員${T}代理人${T}p4@x.gov.tw${T}071234567"
	printf '%s\n' "at${T}A6${T}張五${T}內政部${T}科員${T}代理人${T}p5@x.gov.tw${T}+886223456789"
	printf '%s\n' "at${T}A7${T}張六${T}內政部${T}科員${T}代理人${T}p6@x.gov.tw${T}02-2345-6789"
	saves "$L/phones"
	printf 'close\n'
	# Extensions after the number; blanks no one sees.
	printf 'new\n'
	printf '%s\n' "at${T}A1${T}姓名${T}機關${T}角色${T}電子郵件${T}電話${T}分機"
	printf '%s\n' "at${T}A2${T}陳一${T}內政部${T}代理人${T}e1@x.gov.tw${T}02-2345-6789 分機123"
	printf '%s\n' "at${T}A3${T}陳二${T}內政部${T}代理人${T}e2@x.gov.tw${T}(02)2345-6789 轉 45"
	printf '%s\n' "at${T}A4${T}陳三${T}內政部${T}代理人${T}e3@x.gov.tw${T}02-2345-6789 ext. 6"
	printf '%s\n' "at${T}A5${T}陳四${T}內政部${T}代理人${T}e4@x.gov.tw${T}０２－２３４５－６７８９（分機７８９）"
	printf '%s\n' "at${T}A6${T}陳五${T}內政部${T}代理人${T}e5@x.gov.tw${T}(02)2345-6789#123"
	printf '%s\n' "at${T}A7${T}陳六${T}內政部${T}代理人${T}e6@x.gov.tw${T}02-2345-6789 分機12${T}12"
	printf '%s\n' "at${T}A8${T}　陳七　${T}內政部　${T}代理人${T}e7@x.gov.tw　${T}02-2345-6789"
	printf '%s\n' "at${T}A9${T}陳八 ${T}內政部 ${T}代理人${T}e8@x.gov.tw ${T}02-2345-6789 "
	saves "$L/ext"
	printf '%s\n' "at${T}E10${T}02-2345-6789 分機12${T}34"
	printf '%s\n' "at${T}A10${T}陳九${T}內政部${T}代理人${T}e9@x.gov.tw"
	saves "$L/ext2"
	printf 'close\n'
	# A date whose cell became a number's: its day number shows.
	printf 'new\n'
	printf '%s\n' "at${T}A1${T}姓名${T}機關${T}角色${T}電子郵件${T}到任日期"
	printf '%s\n' "at${T}A2${T}吳一${T}內政部${T}代理人${T}d1@x.gov.tw${T}2024/3/1"
	printf '%s\n' "format${T}E2${T}number"
	saves "$L/serial"
	printf 'close\n'
	# Headers as forms have them.
	printf 'new\n'
	printf '%s\n' "at${T}A1${T}＊姓名　${T}機關(全銜)${T}角色${T}電子\\n郵件${T}電話（含分機）${T}到任\\n日期"
	printf '%s\n' "at${T}A2${T}黃一${T}內政部${T}代理人${T}h1@x.gov.tw${T}02-2345-6789 分機5${T}2024/3/1"
	saves "$L/heads"
	printf 'close\n'
	# Around the data: a title, blank rows, hidden, filtered, two
	# sheets, two lines, formulas, a text column, dates.
	printf 'new\n'
	printf '%s\n' "format${T}F1:F40${T}text"
	printf '%s\n' "at${T}A1${T}內政部開放政府聯絡人名冊（115年12月）"
	printf '%s\n' "at${T}A3${T}姓名${T}機關${T}職稱${T}角色${T}電子郵件${T}電話${T}到任日期${T}備註${T}全名"
	printf '%s\n' "at${T}A4${T}李一${T}內政部${T}科長${T}代理人${T}q1@x.gov.tw${T}0223456789${T}2024/3/1${T}第一行\\n第二行${T}=A4&B4"
	printf '%s\n' "at${T}A6${T}李二${T}內政部${T}科員${T}代理人${T}q2@x.gov.tw${T}0912345678${T}115/3/1"
	printf '%s\n' "at${T}A7${T}李三${T}內政部${T}科員${T}代理人${T}q3@x.gov.tw${T}07-1234567"
	printf '%s\n' "at${T}A9${T}=\"李\"&\"四\"${T}內政部${T}科員${T}代理人${T}=LOWER(\"Q4@X.GOV.TW\")${T}02-2345-6789"
	printf '%s\n' "hiderow${T}q3@x.gov.tw"
	printf '%s\n' "hide${T}職稱"
	printf '%s\n' "filter${T}角色${T}代理人"
	printf '%s\n' "sheet${T}說明"
	saves "$L/around"
	printf 'close\n'
	# The round trip of the whole list.
	for f in ods xlsx csv; do
		case $f in
		csv) printf 'open\t%s\t44,34,76,1\n' "$TMP/all.csv" ;;
		*) printf 'open\t%s\n' "$TMP/all.$f" ;;
		esac
		printf 'type\t職稱\tmoi.alt3@ogpo.example\t司長\n'
		printf 'sort\t姓名\tdesc\n'
		printf 'delete\tmoi.po2@ogpo.example\n'
		printf 'save\t%s\n' "$L/back-$f.$f"
		printf 'close\n'
	done
} >"$TMP/steps"
calc "$TMP/steps" "LibreOffice: officer lists typed and edited, saved $(grep -c '^save' "$TMP/steps") times"

# --- phones typed as numbers --------------------------------------------

contains "LibreOffice made 037123456 a number: the test means something" \
    "$L/phones.csv" ",37123456"
for k in $KINDS; do
	f=$(path phones "$k")
	run import officers "$f" --dry-run
	status "phones as numbers ($k): refused" 1
	case $k in
	*csv) how="; write it as text, whole, as 07-123-4567, or send the list as .ods, and import again" ;;
	*) how=": the cell holds a number; format the cell as text, type the number again whole, as 07-123-4567, and import again" ;;
	esac
	contains "$k: 0223456789 that lost its 0" "$TMP/out" \
	    "rejected row 2, column 電話: '223456789' looks like a phone number that lost its leading zero"
	contains "$k: 037-123456 typed as one number, eight digits left" \
	    "$TMP/out" "rejected row 4, column 電話: '37123456' looks like a phone number that lost its leading zero"
	contains "$k: and what to do" "$TMP/out" "or one without its area code$how"
	contains "$k: 07-1234567 the same" "$TMP/out" \
	    "rejected row 5, column 電話: '71234567' looks like"
	contains "$k: +886 that lost its +" "$TMP/out" \
	    "rejected row 6, column 電話: '886223456789' looks like an international phone number that lost its leading + (a spreadsheet took it for a number); write it as text, as +886-2-2345-6789, and import again"
	contains "$k: the typed-as-text one is fine" "$TMP/out" \
	    "row 7: added 張六 <p6@x.gov.tw>"
	contains "$k: five refused" "$TMP/out" "added 1, updated 0, unchanged 0, rejected 5"
done
run import officers "$L/phones.ods" --skip-bad
status "the good rows landed" 0
stored "none of the refused is stored" p3@x.gov.tw email ""
run add officer name=老號碼 agency=MOI role=alternate email=old@x.gov.tw \
    phone=23456789
status "a number of eight digits stored by hand" 0
printf '姓名,機關,電子郵件,電話\n老號碼,內政部,old@x.gov.tw,23456789\n' \
    >"$TMP/old.csv"
run import officers "$TMP/old.csv" --dry-run
status "the same number in the file: no news" 0
contains "unchanged" "$TMP/out" "added 0, updated 0, unchanged 1, rejected 0"

# --- extensions, blanks ---------------------------------------------------

for k in $KINDS; do
	f=$(path ext "$k")
	run import officers "$f" --dry-run
	status "extensions after the number ($k): read" 0
	contains "$k: all eight" "$TMP/out" \
	    "added 8, updated 0, unchanged 0, rejected 0"
	lacks "$k: no agency taken for another" "$TMP/out" "no agency"
	f=$(path ext2 "$k")
	run import officers "$f" --dry-run
	status "an extension that disagrees with its column ($k): refused" 1
	contains "$k: naming both, and what to do" "$TMP/out" \
	    "rejected row 10, column 電話: '02-2345-6789 分機12': ends in the extension 12, but the extension column holds 34; write the extension in one of them, and import again"
done
run import officers "$L/ext.xlsx"
status "imported" 0
stored "分機123: the number" e1@x.gov.tw phone 02-2345-6789
stored "分機123: the extension" e1@x.gov.tw ext 123
stored "轉 45: the number" e2@x.gov.tw phone "(02)2345-6789"
stored "轉 45: the extension" e2@x.gov.tw ext 45
stored "ext. 6" e3@x.gov.tw ext 6
stored "full width (分機７８９): the number" e4@x.gov.tw phone 02-2345-6789
stored "full width (分機７８９): the extension" e4@x.gov.tw ext 789
stored "#123 stays the number's" e5@x.gov.tw phone "(02)2345-6789#123"
stored "分機12 and 12 in its column agree" e6@x.gov.tw ext 12
stored "the ideographic spaces around a name dropped" e7@x.gov.tw name 陳七
stored "a space after a name dropped" e8@x.gov.tw name 陳八
run import officers "$L/ext-big5.csv" --dry-run
status "again, from Big5 CSV" 0
contains "nothing changes" "$TMP/out" "added 0, updated 0, unchanged 8, rejected 0"
printf '姓名,機關,電子郵件\n陳九\302\240,內政部\302\240,e9@x.gov.tw\302\240\n' \
    >"$TMP/nbsp.csv"
run import officers "$TMP/nbsp.csv" --dry-run
status "no-break spaces copied from a web page: read" 0
contains "as spaces" "$TMP/out" "added 陳九 <e9@x.gov.tw>"

# --- a day number ------------------------------------------------------------

contains "the date shows as its day number: the test means something" \
    "$L/serial.csv" ",45352"
for k in $KINDS; do
	run import officers "$(path serial "$k")" --dry-run
	status "a date shown as its day number ($k): refused" 1
	contains "$k: saying what it is and what to do" "$TMP/out" \
	    "rejected row 2, column 到任日期: '45352' is the number a spreadsheet keeps for a day, shown because the cell is formatted as a number, not a date; format the cell as a date (or type the date again, as 2024-05-08), and import again"
done

# --- an agency named as people say it --------------------------------------

printf '%s\n' 姓名,機關,電子郵件 王甲,内政部,n1@x.gov.tw \
    "王乙,內政部 警政署,n2@x.gov.tw" 王丙,警政署,n3@x.gov.tw >"$TMP/near.csv"
run import officers "$TMP/near.csv" --dry-run --create-agencies
status "agencies named as people say them: refused" 1
contains "内 for 內: the agency it is near named" "$TMP/out" \
    "rejected row 2, column 機關: '内政部' is no agency's name as ogpo has it, but 內政部 (MOI) is near it; write the agency's full name as it has it, or its code in a 機關代碼 column, and import again"
contains "a space inside" "$TMP/out" \
    "rejected row 3, column 機關: '內政部 警政署' is no agency's name as ogpo has it, but 內政部警政署 (NPA) is near it"
contains "the end of the full name" "$TMP/out" \
    "rejected row 4, column 機關: '警政署' is no agency's name as ogpo has it, but 內政部警政署 (NPA) is near it"
contains "none made anew, though --create-agencies" "$TMP/out" \
    "added 0, updated 0, unchanged 0, rejected 3"

# --- headers ----------------------------------------------------------------

for k in $KINDS; do
	f=$(path heads "$k")
	run import officers "$f" --dry-run
	status "headers of two lines, with notes and marks ($k): read" 0
	contains "$k: the row" "$TMP/out" "added 黃一 <h1@x.gov.tw>"
	lacks "$k: no column passed over" "$TMP/out" "ignored columns"
done
run import officers "$L/heads.ods"
stored "電話（含分機）: the number" h1@x.gov.tw phone 02-2345-6789
stored "電話（含分機）: the extension" h1@x.gov.tw ext 5
stored "到任 日期 on two lines" h1@x.gov.tw start_date 2024-03-01

# --- around the data (held) -------------------------------------------------

for k in $KINDS; do
	f=$(path around "$k")
	run import officers "$f" --dry-run
	status "title, blank rows, hidden, filtered, two sheets ($k): read" 0
	contains "$k: four, the hidden one too" "$TMP/out" \
	    "added 4, updated 0, unchanged 0, rejected 0"
	contains "$k: the formula's column named as passed over" "$TMP/out" \
	    "ignored columns: 全名"
	contains "$k: a formula's value read" "$TMP/out" "added 李四 <q4@x.gov.tw>"
done
run import officers "$L/around.xlsx" --dry-run
contains "the sheet read is named" "$TMP/out" "(xlsx, sheet Sheet1)"
run import officers "$L/around.ods"
stored "a text cell keeps its 0" q1@x.gov.tw phone 0223456789
stored "2024/3/1" q1@x.gov.tw start_date 2024-03-01
stored "115/3/1 is 民國" q2@x.gov.tw start_date 2026-03-01
stored "two lines kept" q1@x.gov.tw note "第一行\\n第二行"

# --- the round trip ----------------------------------------------------------

for f in ods xlsx csv; do
	cp -r "$TMP/db0" "$TMP/db-$f"
	"$OGPO" --db "$TMP/db-$f" import officers "$L/back-$f.$f" \
	    --dry-run >"$TMP/out" 2>"$TMP/err"
	rc=$?
	status "the list → LibreOffice → .$f: read" 0
	contains ".$f: the one change" "$TMP/out" \
	    ": updated 林冠宇 <moi.alt3@ogpo.example>: 職稱 副司長 → 司長"
	contains ".$f: nothing else" "$TMP/out" "added 0, updated 1,"
	contains ".$f: none refused" "$TMP/out" "rejected 0"
	contains ".$f: the deleted row stays, said" "$TMP/out" \
	    "1 officer in office is not in the file and stays as they are"
	"$OGPO" --db "$TMP/db-$f" import officers "$L/back-$f.$f" \
	    >"$TMP/out" 2>&1
	"$OGPO" --db "$TMP/db-$f" import officers "$L/back-$f.$f" \
	    --dry-run >"$TMP/out" 2>&1
	contains ".$f: imported again, nothing changes" "$TMP/out" \
	    "added 0, updated 0,"
done

run verify
status "the database verifies" 0
