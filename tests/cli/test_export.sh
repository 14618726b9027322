#!/bin/sh
# test_export.sh — `ogpo export` on the demo database as a desk uses it:
# last month's attendance as an Excel file (BOM, CRLF, one row per
# invitee), the summary and the matrix, the sign-in sheet of the planned
# meeting, officers and agencies that import back unchanged (a note
# =SUM(A1) leaves as '=SUM(A1) and comes back as itself), one agency's
# officers (--agency: its own, not its subordinates') that import back
# without touching the other agencies' and with an edited row as the one
# change, an unknown agency code named, one agency's training and rewards
# (--agency: the whole export's rows of its own officers), usage errors
# (exit 2), and a Big5 export of a name Big5 lacks (exit 1, the row
# named, no file left). The spreadsheet libraries are loaded only for a
# spreadsheet: a CSV export goes without them, even broken.
#
#   OGPO=./ogpo sh tests/cli/test_export.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
DB=$TMP/db
CR=$(printf '\r')

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

# The first three bytes of FILE in hex.
head3() {
	od -An -tx1 -N3 "$1" | tr -d ' \n'
}

# Lines of FILE, and lines of FILE that end in CR.
lines() { wc -l <"$1" | tr -d ' '; }
crlines() { grep -c "$CR\$" "$1"; }

# The value of column NAME of the TSV line whose first field is ID.
tsv_field() {
	awk -F '\t' -v id="$2" -v name="$3" '
	    NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; next }
	    $1 == id { print $c }' "$1"
}

# The demo is built around the clock, and last month's meetings differ
# from month to month: the day fixed, they are the ones checked here.
OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW
run --db "$DB" init --demo
status "init --demo succeeds" 0
officers=$(sed -n 's/.* \([0-9]*\) officers.*/\1/p' "$TMP/out")
agencies=$(sed -n 's/^Demo data: \([0-9]*\) agencies.*/\1/p' "$TMP/out")
meetings=$(sed -n 's/.* \([0-9]*\) meetings.*/\1/p' "$TMP/out")
issues=$(sed -n 's/.* \([0-9]*\) tracked cases.*/\1/p' "$TMP/out")

# --- attendance of last month -------------------------------------------

# Last month, counted from the 15th so that the 31st does not skip one.
month=$(date -d "$(echo "$OGPO_NOW" | cut -c1-7)-15 -1 month" +%Y-%m)
run --db "$DB" list meetings
# The invitees of the month's meetings: N of every "x/N" dated in it.
invited=$(awk -v m="$month" 'index($2, m "-") == 1 {
    split($5, a, "/"); n += a[2] } END { print n + 0 }' "$TMP/out")
check "last month has demo meetings with invitees" [ "$invited" -gt 0 ]

run --db "$DB" export attendance --month "$month" -o "$TMP/att.csv"
status "export attendance --month $month -o att.csv succeeds" 0
contains "it says how many rows it wrote" "$TMP/out" \
    "Wrote $invited rows to $TMP/att.csv."
# A relative name: the message gives the full path, ending in the
# language's full stop.
real=$(cd "$TMP" && pwd -P)
(cd "$TMP" && "$OGPO" --db "$DB" export attendance --month "$month" \
    -o rel.csv >"$TMP/out" 2>"$TMP/err")
contains "a relative name is reported by its full path" "$TMP/out" \
    "Wrote $invited rows to $real/rel.csv."
(cd "$TMP" && LANG=zh_TW.UTF-8 LC_ALL=zh_TW.UTF-8 "$OGPO" --db "$DB" \
    export attendance --month "$month" -o rel.csv >"$TMP/out" 2>"$TMP/err")
contains "and in Chinese too, ending in 。" "$TMP/out" \
    "$real/rel.csv。"
same "a .csv file starts with the UTF-8 BOM" "$(head3 "$TMP/att.csv")" \
    efbbbf
same "and every line ends in CRLF" "$(crlines "$TMP/att.csv")" \
    "$(lines "$TMP/att.csv")"
same "one row per invitee of the month's meetings, and a header" \
    "$(lines "$TMP/att.csv")" "$((invited + 1))"
contains "the header is in Chinese" "$TMP/att.csv" \
    "日期,會議類別,會議名稱,機關代碼,機關,姓名,角色,出席情形,代理人,備註"
same "every row is of the month" \
    "$(awk -F , 'NR > 1 && index($1, m "-") != 1' m="$month" \
    "$TMP/att.csv" | wc -l | tr -d ' ')" 0
check "rows are in date order" sh -c "awk -F , 'NR > 1 { print \$1 }' \
    '$TMP/att.csv' | sort -c"
check "the work meeting of the 15th is there" \
    grep -q "^$month-15,工作推動會議," "$TMP/att.csv"
# The tree's order, not the codes': MOI (內政部) before MOFA (外交部).
moi=$(grep -n ',MOI,' "$TMP/att.csv" | head -1 | cut -d: -f1)
mofa=$(grep -n ',MOFA,' "$TMP/att.csv" | head -1 | cut -d: -f1)
check "agencies in the tree's order: MOI before MOFA" \
    [ "${moi:-9999}" -lt "${mofa:-0}" ]
check "no FILE.tmp is left behind" [ ! -e "$TMP/att.csv.tmp" ]

run --db "$DB" export attendance --month "$month"
status "export attendance to standard output succeeds" 0
same "standard output is plain: no BOM" "$(head3 "$TMP/out")" \
    "$(printf '日' | od -An -tx1 | tr -d ' \n')"
same "and LF line ends" "$(crlines "$TMP/out")" 0
same "and the same rows" "$(lines "$TMP/out")" "$((invited + 1))"

run --db "$DB" export attendance --month "$month" --plain -o "$TMP/p.csv"
status "--plain -o p.csv succeeds" 0
same "--plain keeps the BOM off a .csv file" "$(head3 "$TMP/p.csv")" \
    "$(printf '日' | od -An -tx1 | tr -d ' \n')"
run --db "$DB" export attendance --month "$month" --excel
same "--excel puts the BOM on standard output" "$(head3 "$TMP/out")" \
    efbbbf

run --db "$DB" export attendance --month "$month" --summary
status "export attendance --summary succeeds" 0
contains "the summary has its header" "$TMP/out" \
    "機關代碼,機關,受邀,出席,請假,缺席,出席率"
total=$(grep '^,合計,' "$TMP/out")
same "the total counts every officer invited" \
    "$(echo "$total" | cut -d, -f3)" "$invited"
check "the rate has one decimal" sh -c "echo '$total' |
    grep -q ',[0-9]*\.[0-9]%\$'"
run --db "$DB" list meetings
present=$(awk -v m="$month" 'index($2, m "-") == 1 {
    split($5, a, "/"); n += a[1] } END { print n + 0 }' "$TMP/out")
same "present in the total = PRESENT of list meetings" \
    "$(echo "$total" | cut -d, -f4)" "$present"

run --db "$DB" export attendance --matrix --from "$month" --to "$month"
status "export attendance --matrix succeeds" 0
contains "the matrix has the meeting as a column" "$TMP/out" \
    "$month-15 工作推動會議"
same "its cells are status labels or empty" "$(awk 'NR > 1' "$TMP/out" |
    cut -d, -f4- | tr ',' '\n' | grep -v '^$' |
    grep -vcx -e 出席 -e 線上 -e 代理出席 -e 請假 -e 缺席 -e 受邀)" 0
same "one row per officer invited" "$(lines "$TMP/out")" "$((invited + 1))"

# --- sign-in sheet --------------------------------------------------------

run --db "$DB" list meetings --tsv
planned=$(awk -F '\t' '
    NR == 1 { for (i = 1; i <= NF; i++) if ($i == "status") s = i; next }
    $s == "planned" { print $1; exit }' "$TMP/out")
pdate=$(tsv_field "$TMP/out" "$planned" date)
check "the demo has a planned meeting" [ -n "$planned" ]
run --db "$DB" list meetings
pinvited=$(awk -v d="$pdate" '$2 == d && $4 == "planned" {
    split($5, a, "/"); print a[2] }' "$TMP/out")
run --db "$DB" export signin "$planned" -o "$TMP/signin.csv"
status "export signin of the planned meeting succeeds" 0
contains "the sign-in sheet has 簽名" "$TMP/signin.csv" "機關,姓名,職稱,簽名"
# Five lines of heading, the header, the invitees, and at least five
# rows for proxies and walk-ins.
spare=$(grep -c "^,,,$CR\$" "$TMP/signin.csv")
same "one line per invitee" "$(lines "$TMP/signin.csv")" \
    "$((5 + 1 + pinvited + spare))"
check "and blank rows for proxies and walk-ins" [ "$spare" -ge 5 ]
contains "headed by the meeting's place" "$TMP/signin.csv" "地點："
same "the signature column is empty" "$(awk 'NR > 6' "$TMP/signin.csv" |
    grep -c ",$CR\$")" "$((pinvited + spare))"
run --db "$DB" export signin "$pdate"
status "the meeting may be named by its date" 0
same "and gives the same sheet" "$(tr -d '\r' <"$TMP/signin.csv" |
    sed '1s/^\xef\xbb\xbf//')" "$(cat "$TMP/out")"
run --db "$DB" export signin 99999
status "a meeting that does not exist fails" 1
contains "and says so" "$TMP/err" "no meeting #99999"

# --- officers and agencies round trip -----------------------------------

run --db "$DB" list officers --tsv
id=$(awk -F '\t' 'NR == 2 { print $1 }' "$TMP/out")
run --db "$DB" set officer "$id" 'note==SUM(A1)'
status "set officer note==SUM(A1) succeeds" 0
run --db "$DB" export officers -o "$TMP/of.csv"
status "export officers succeeds" 0
contains "it wrote every officer" "$TMP/out" "Wrote $officers rows"
contains "the header is the importer's own" "$TMP/of.csv" \
    "姓名,機關代碼,機關,職稱,角色,督導類別,職能,電子郵件,電話,分機,是否為公務人員,到任日期,卸任日期,備註"
contains "the note goes out with the formula guard" "$TMP/of.csv" \
    ",'=SUM(A1)$CR"
lacks "and never as a live formula" "$TMP/of.csv" ",=SUM(A1)"
run --db "$DB" import officers "$TMP/of.csv"
status "import officers of the export succeeds" 0
contains "and changes nothing" "$TMP/out" \
    "added 0, updated 0, unchanged $officers, rejected 0"
run --db "$DB" set officer "$id" note=changed
run --db "$DB" import officers "$TMP/of.csv"
contains "importing it over a changed note updates one" "$TMP/out" \
    "added 0, updated 1, unchanged $((officers - 1))"
run --db "$DB" list officers --tsv
same "the note came back as =SUM(A1), without the guard" \
    "$(tsv_field "$TMP/out" "$id" note)" "=SUM(A1)"

# --- one agency's officers, round trip ------------------------------------
# A PO keeps their own agency's list: export it, edit it, import it back.
# MOI's own officers only, as ogpo list officers --agency MOI lists them:
# not those of its subordinates (NPA, NIA … have officers of their own).

run --db "$DB" list officers --agency MOI --tsv
moi=$(($(lines "$TMP/out") - 1))
check "MOI has officers of its own" [ "$moi" -gt 0 ]
run --db "$DB" list officers --agency NPA --tsv
check "and so has NPA below it" [ "$(lines "$TMP/out")" -gt 1 ]
run --db "$DB" export officers --agency MOI -o "$TMP/moi.csv"
status "export officers --agency MOI succeeds" 0
contains "it wrote MOI's officers" "$TMP/out" "Wrote $moi rows"
contains "under the importer's header" "$TMP/moi.csv" \
    "姓名,機關代碼,機關,職稱,角色,督導類別,職能,電子郵件,電話,分機,是否為公務人員,到任日期,卸任日期,備註"
same "every row is MOI's" \
    "$(tr -d '\r' <"$TMP/moi.csv" | awk -F, 'NR > 1 && $2 != "MOI"' | wc -l)" 0
lacks "none of NPA's, below it" "$TMP/moi.csv" ",NPA,"
run --db "$DB" export officers -o "$TMP/all.csv"
same "the rows and their order are the whole export's MOI rows" \
    "$(tr -d '\r' <"$TMP/moi.csv" | awk -F, 'NR > 1')" \
    "$(tr -d '\r' <"$TMP/all.csv" | awk -F, 'NR > 1 && $2 == "MOI"')"
run --db "$DB" export officers --agency MOI --plain
status "to standard output too" 0
same "as the same rows" "$(cat "$TMP/out")" \
    "$(tr -d '\r' <"$TMP/moi.csv" | sed '1s/^\xef\xbb\xbf//')"

"$OGPO" --db "$DB" list officers --tsv >"$TMP/before"
run --db "$DB" import officers "$TMP/moi.csv"
status "importing MOI's file back succeeds" 0
contains "and changes nothing" "$TMP/out" \
    "added 0, updated 0, unchanged $moi, rejected 0"
"$OGPO" --db "$DB" list officers --tsv >"$TMP/after"
check "the other agencies' officers, not in the file, are all still there" \
    cmp -s "$TMP/before" "$TMP/after"
# One row edited: its title (職稱, the fourth column).
tr -d '\r' <"$TMP/moi.csv" | sed '1s/^\xef\xbb\xbf//' |
    awk -F, -v OFS=, 'NR == 2 { $4 = "專門委員" } { print }' >"$TMP/moi-ed.csv"
email=$(awk -F, 'NR == 2 { print $8 }' "$TMP/moi-ed.csv")
run --db "$DB" import officers "$TMP/moi-ed.csv"
contains "an edited row is exactly one change" "$TMP/out" \
    "added 0, updated 1, unchanged $((moi - 1)), rejected 0"
"$OGPO" --db "$DB" list officers --tsv >"$TMP/after"
same "one officer's line differs" \
    "$(diff "$TMP/before" "$TMP/after" | grep -c '^>')" 1
same "… the one of that row, with the new title" \
    "$(diff "$TMP/before" "$TMP/after" | grep '^>' | grep -F "$email" |
    grep -c '專門委員')" 1
same "as many officers as before" "$(lines "$TMP/after")" \
    "$(lines "$TMP/before")"

run --db "$DB" export officers --agency NOPE -o "$TMP/nope.csv"
status "an unknown agency code fails" 1
contains "naming the code and where to find codes" "$TMP/err" \
    "no agency has the code 'NOPE'; see ogpo list agencies"
check "and writes no file" [ ! -e "$TMP/nope.csv" ]
run --db "$DB" export officers --agency NOPE
status "to standard output too" 1
same "printing nothing" "$(lines "$TMP/out")" 0
run --db "$DB" export agencies --agency MOI
status "--agency with agencies is a usage error" 2
contains "which says what it goes with" "$TMP/err" \
    "--agency goes with officers"
run --db "$DB" export officers --agency ''
status "an empty --agency is a usage error" 2

# --- one agency's training and rewards -------------------------------------
# Points 8 and 9 by agency, as officers: the records of MOI's own officers
# (not of NPA's below it), by number, the rows of the whole export whose
# 機關代碼 is MOI, unchanged. Two of MOI's officers, the later first: the
# file goes by record number, not officer by officer.
run --db "$DB" list officers --agency MOI --tsv
first=$(awk -F '\t' 'NR == 2 { print $1 }' "$TMP/out")
second=$(awk -F '\t' 'NR == 3 { print $1 }' "$TMP/out")
run --db "$DB" list officers --agency NPA --tsv
npa=$(awk -F '\t' 'NR == 2 { print $1 }' "$TMP/out")
for o in "$second" "$first" "$npa"; do
	"$OGPO" --db "$DB" add training officer="$o" date=2026-11-02 \
	    course=政策轉譯 hours=3 competencies=communication >/dev/null
	"$OGPO" --db "$DB" add reward officer="$o" date=2026-11-02 \
	    kind=嘉獎一次 reason=推動資料開放 >/dev/null
done
for kind in training rewards; do
	run --db "$DB" export "$kind" -o "$TMP/$kind-all.csv"
	run --db "$DB" export "$kind" --agency MOI -o "$TMP/$kind-moi.csv"
	status "export $kind --agency MOI succeeds" 0
	n=$(tr -d '\r' <"$TMP/$kind-all.csv" | awk -F, '$4 == "MOI"' | wc -l |
	    tr -d ' ')
	check "MOI's officers have $kind of two officers or more" \
	    [ "$n" -ge 3 ]
	contains "$kind: it says how many rows" "$TMP/out" "Wrote $n rows"
	same "$kind: the header is the whole export's" \
	    "$(head -1 "$TMP/$kind-moi.csv")" "$(head -1 "$TMP/$kind-all.csv")"
	same "$kind: the rows and their order are the whole export's MOI rows" \
	    "$(tr -d '\r' <"$TMP/$kind-moi.csv" | awk -F, 'NR > 1')" \
	    "$(tr -d '\r' <"$TMP/$kind-all.csv" | awk -F, 'NR > 1 && $4 == "MOI"')"
	lacks "$kind: none of NPA's, below it" "$TMP/$kind-moi.csv" ",NPA,"
	run --db "$DB" export "$kind" --agency MOI --plain
	same "$kind: to standard output too, the same rows" "$(cat "$TMP/out")" \
	    "$(tr -d '\r' <"$TMP/$kind-moi.csv" | sed '1s/^\xef\xbb\xbf//')"
	run --db "$DB" export "$kind" --agency NOPE -o "$TMP/nope.csv"
	status "$kind: an unknown agency code fails" 1
	contains "$kind: … naming it" "$TMP/err" \
	    "no agency has the code 'NOPE'; see ogpo list agencies"
	check "$kind: … and writes no file" [ ! -e "$TMP/nope.csv" ]
done
run --db "$DB" export meetings --agency MOI
status "--agency with meetings is a usage error" 2
contains "which says what it goes with" "$TMP/err" \
    "--agency goes with officers, training and rewards"

run --db "$DB" export agencies -o "$TMP/ag.csv"
status "export agencies succeeds" 0
run --db "$DB" import agencies "$TMP/ag.csv"
contains "import agencies of the export changes nothing" "$TMP/out" \
    "added 0, updated 0, unchanged $agencies, rejected 0"

run --db "$DB" export meetings
status "export meetings succeeds" 0
same "one row per meeting" "$(lines "$TMP/out")" "$((meetings + 1))"
run --db "$DB" export issues -o "$TMP/issues.csv"
status "export issues succeeds" 0
contains "one row per issue" "$TMP/out" "Wrote $issues rows"

# --- usage errors ---------------------------------------------------------

run --db "$DB" export attendance --month 2024-13
status "--month 2024-13 is a usage error" 2
contains "which says how to write a month" "$TMP/err" \
    "write the month as 2024-05"
run --db "$DB" export attendance
status "attendance without --month is a usage error" 2
contains "which asks for the month" "$TMP/err" "--month 2024-05"
run --db "$DB" export minutes
status "exporting what does not exist is a usage error" 2
run --db "$DB" export officers --month 2024-05
status "--month with officers is a usage error" 2
run --db "$DB" export attendance --month "$month" --summary --matrix
status "--summary with --matrix is a usage error" 2
run --db "$DB" export attendance --month "$month" --encoding latin1
status "an unknown --encoding is a usage error" 2
run --db "$DB" export attendance --month "$(printf '\033[2J')"
status "a month with an escape sequence is a usage error" 2
lacks "and the escape never reaches the terminal" "$TMP/err" \
    "$(printf '\033')"
run --db "$DB" export --help
status "export --help succeeds" 0
contains "--help says a .csv file gets --excel" "$TMP/out" \
    "a .csv file gets --excel unless --plain"

# --- the spreadsheet libraries ------------------------------------------

# libzip and libxlsxwriter, and the libcrypto both bring, are opened when
# a .ods or .xlsx is written, not at every start: what the dynamic loader
# opens (LD_DEBUG=files), one name a line.
loaded() {
	LD_DEBUG=files "$OGPO" "$@" 2>&1 >/dev/null |
	    sed -n 's/.*[[:space:]]file=\([^ ]*\) .*/\1/p' | sort -u
}
loaded --db "$DB" export attendance --month "$month" -o "$TMP/l.csv" \
    >"$TMP/loaded"
contains "the loader's list is read" "$TMP/loaded" "libc.so"
lacks "a CSV export loads no libzip" "$TMP/loaded" "libzip"
lacks "nor libxlsxwriter" "$TMP/loaded" "libxlsxwriter"
lacks "nor libcrypto" "$TMP/loaded" "libcrypto"
loaded --db "$DB" export attendance --month "$month" -o "$TMP/l.ods" \
    >"$TMP/loaded"
contains "an .ods export loads libzip" "$TMP/loaded" "libzip"
loaded --db "$DB" export attendance --month "$month" -o "$TMP/l.xlsx" \
    >"$TMP/loaded"
contains "an .xlsx export loads libxlsxwriter" "$TMP/loaded" \
    "libxlsxwriter"
check "and writes the workbook" [ -s "$TMP/l.xlsx" ]
# A libzip that is not one: the spreadsheet fails with a sentence, CSV
# still works (a program linked with it would not have started).
mkdir "$TMP/badlib"
: >"$TMP/badlib/$(sed -n 's/.*\(libzip\.so[.0-9]*\).*/\1/p' \
    "$TMP/loaded" | head -1)"
LD_LIBRARY_PATH=$TMP/badlib "$OGPO" --db "$DB" export attendance \
    --month "$month" -o "$TMP/bad.ods" >"$TMP/out" 2>"$TMP/err"
rc=$?
status "with a broken libzip an .ods export fails" 1
contains "saying which library" "$TMP/err" "(.ods, .xlsx) need libzip.so"
contains "and what to do" "$TMP/err" "install it, or use CSV; no file was"
check "none is left" [ ! -e "$TMP/bad.ods" ]
LD_LIBRARY_PATH=$TMP/badlib "$OGPO" --db "$DB" export attendance \
    --month "$month" -o "$TMP/ok.csv" >"$TMP/out" 2>"$TMP/err"
rc=$?
status "and a CSV export still succeeds" 0
check "and writes the file" cmp -s "$TMP/ok.csv" "$TMP/l.csv"

# --- Big5 -----------------------------------------------------------------

run --db "$DB" export agencies --encoding big5 -o "$TMP/ag-big5.csv"
status "a Big5 export of what Big5 holds succeeds" 0
iconv -f CP950 -t UTF-8 "$TMP/ag-big5.csv" >"$TMP/ag-big5.utf8"
sed '1s/^\xef\xbb\xbf//' "$TMP/ag.csv" >"$TMP/ag.nobom"
check "and reads back as the UTF-8 one, without a BOM" \
    cmp -s "$TMP/ag-big5.utf8" "$TMP/ag.nobom"
run --db "$DB" set officer "$id" name=堃
status "an officer may be named 堃" 0
run --db "$DB" export officers --encoding big5 -o "$TMP/big5.csv"
status "a Big5 export of 堃 fails" 1
contains "naming the record, the field and the character" "$TMP/err" \
    ": 姓名 堃"
contains "and saying what to do" "$TMP/err" "give --replace to write □"
run --db "$DB" export officers --encoding big5 --replace -o "$TMP/big5.csv"
status "with --replace it is written" 0
contains "and says what was replaced" "$TMP/err" \
    "1 record has characters Big5 cannot hold; they were written as □:"
check "□ stands in the file" sh -c "iconv -f CP950 -t UTF-8 \
    '$TMP/big5.csv' | grep -q '^□,'"
rm -f "$TMP/big5.csv"
run --db "$DB" export officers --encoding big5 -o "$TMP/big5.csv"
check "no file is left" [ ! -e "$TMP/big5.csv" ]
check "nor FILE.tmp" [ ! -e "$TMP/big5.csv.tmp" ]
run --db "$DB" export officers --encoding big5
status "to standard output it fails too" 1
same "and prints no partial file" "$(lines "$TMP/out")" 0

# --- the rights a new export takes ----------------------------------------
# An export lists people; on a shared server "others" are every account,
# those the database refuses included. A new one takes the umask's rights
# without any for others; one the person opened on purpose stays so.

rm -f "$TMP/rights.csv"
(umask 022 && run --db "$DB" export officers -o "$TMP/rights.csv")
same "a new export under umask 022 is not open to others" \
    "$(stat -c %a "$TMP/rights.csv")" 640
(umask 002 && run --db "$DB" export officers -o "$TMP/rights.csv")
same "written again, it keeps the rights it had" \
    "$(stat -c %a "$TMP/rights.csv")" 640
chmod 644 "$TMP/rights.csv"
(umask 077 && run --db "$DB" export officers -o "$TMP/rights.csv")
same "one its owner opened to others (chmod 644) stays so" \
    "$(stat -c %a "$TMP/rights.csv")" 644
rm -f "$TMP/rights.csv"
(umask 077 && run --db "$DB" export officers -o "$TMP/rights.csv")
same "under umask 077 it is the owner's alone" \
    "$(stat -c %a "$TMP/rights.csv")" 600
