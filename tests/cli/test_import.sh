#!/bin/sh
# test_import.sh — `ogpo import officers|agencies FILE`, `import list` and
# `import undo` as an officer's desk uses them: spreadsheets saved as UTF-8
# (with and without a BOM), Big5, UTF-16; commas, tabs, semicolons; quoted
# cells; the rows that must be refused and what the refusal says; the
# database afterwards, which a failed import must leave byte for byte as it
# was; the rejects file sent back; undo.
#
#   OGPO=./ogpo sh tests/cli/test_import.sh
#
# Fixtures are made here with printf and iconv; nothing binary is kept.
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
DB=$TMP/db
D=$TMP/csv
mkdir -p "$D"
ESC=$(printf '\033')

# run ARGS...: ogpo --db $DB ARGS; stdout in $TMP/out, stderr in $TMP/err,
# status in $rc. A sanitizer report (the ASan build) is a failure.
# status WHAT N: the last run exited with N.
# bs TEXT: TEXT with each backslash doubled.
bs() { printf '%s' "$1" | sed 's/\\/\\\\/g'; }

# same WHAT GOT WANT: two values are equal.
same() {
	if [ "$2" = "$3" ]; then ok "$1"; else
		# (echo in dash reads backslashes: double them)
		not_ok "$1 (got '$(bs "$2")', wanted '$(bs "$3")')"
	fi
}

# field EMAIL COLUMN: that column of the officer with EMAIL, from
# list officers --tsv (by the header's names); empty if there is none.
field() {
	"$OGPO" --db "$DB" list officers --tsv | awk -F '\t' -v e="$1" \
	    -v f="$2" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	    tolower($c["email"]) == tolower(e) { print $c[f]; exit }'
}

# agency_field CODE COLUMN: the same for an agency, by its code.
agency_field() {
	"$OGPO" --db "$DB" list agencies --tsv | awk -F '\t' -v k="$1" \
	    -v f="$2" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	    $c["code"] == k { print $c[f]; exit }'
}

officers() { "$OGPO" --db "$DB" list officers --tsv | awk 'END { print NR - 1 }'; }

# has_officer WHAT EMAIL / no_officer WHAT EMAIL
has_officer() {
	if [ -n "$(field "$2" id)" ]; then ok "$1"; else
		not_ok "$1 (no officer <$2> in the database)"
	fi
}
no_officer() {
	if [ -z "$(field "$2" id)" ]; then ok "$1"; else
		not_ok "$1 (officer <$2> is in the database)"
	fi
}

# snap NAME: what the database holds (both TSV lists, the imports, and
# verify's counts, audit records included) into $TMP/NAME.*.
snap() {
	"$OGPO" --db "$DB" list officers --tsv >"$TMP/$1.officers"
	"$OGPO" --db "$DB" list agencies --tsv >"$TMP/$1.agencies"
	"$OGPO" --db "$DB" import list >"$TMP/$1.imports" 2>&1
	"$OGPO" --db "$DB" verify 2>&1 | sed 's/^.* is consistent: //' \
	    >"$TMP/$1.verify"
}

# unchanged WHAT: the database is byte for byte as at `snap before`, and
# verify passes.
unchanged() {
	snap after
	for _k in officers agencies imports verify; do
		if cmp -s "$TMP/before.$_k" "$TMP/after.$_k"; then
			ok "$1: $_k unchanged"
		else
			not_ok "$1: $_k unchanged"
			diff "$TMP/before.$_k" "$TMP/after.$_k" | head -10 |
			    sed 's/^/#   /'
		fi
	done
	if "$OGPO" --db "$DB" verify >/dev/null 2>&1; then
		ok "$1: verify passes"
	else
		not_ok "$1: verify passes"
	fi
}

# failed WHAT FILE [OPTIONS]: importing FILE fails with status 1 and
# changes nothing. The output stays in $TMP/out and $TMP/err.
failed() {
	_what=$1 _f=$2
	shift 2
	snap before
	run import officers "$_f" "$@"
	status "$_what: exit 1" 1
	unchanged "$_what"
}

# no_esc WHAT: neither stdout nor stderr of the last run holds an ESC.
no_esc() {
	if grep -q "$ESC" "$TMP/out" "$TMP/err"; then
		not_ok "$1 (an ESC byte reached the terminal)"
		od -c "$TMP/out" | grep -m3 033 | sed 's/^/#   /'
	else
		ok "$1"
	fi
}

# The reader works a chunk (256 KiB) at a time: straddles FILE ENC says
# yes if a character (Big5: 2 bytes; UTF-8: up to 4) spans byte 262144.
straddles() {
	dd if="$1" bs=1 skip=$((262144 - 600)) count=600 2>/dev/null |
	    od -An -v -tu1 | awk -v enc="$2" '
	    { for (i = 1; i <= NF; i++) b[n++] = $i }
	    END {
		for (i = n - 1; i >= 0 && b[i] != 10; i--) {}
		for (i++; i < n; i += len) {
			if (enc == "big5")
				len = b[i] >= 129 ? 2 : 1
			else if (b[i] < 128)
				len = 1
			else
				len = b[i] >= 240 ? 4 : b[i] >= 224 ? 3 : 2
			if (i + len > n) { print "yes"; exit }
		}
		print "no"
	    }'
}

run init --demo
status "init --demo" 0
start=$(officers)
check "the demo has officers ($start)" [ "$start" -gt 0 ]

# --- encodings and line ends --------------------------------------------

printf 'name,email,agency_code,title\n王小明,lf1@ex.gov.tw,MOI,科長\n林美玲,lf2@ex.gov.tw,MOFA,專員\n' \
    >"$D/lf.csv"
run import officers "$D/lf.csv"
status "UTF-8, LF: exit 0" 0
contains "UTF-8, LF: the summary" "$TMP/out" \
    "$D/lf.csv: added 2, updated 0, unchanged 0, rejected 0 (utf-8, comma-separated)"
check "UTF-8, LF: the undo hint" \
    grep -Eq '^import [0-9]+; ogpo import undo [0-9]+ takes it back$' "$TMP/out"
same "UTF-8, LF: the name lands" "$(field lf1@ex.gov.tw name)" 王小明
same "UTF-8, LF: the title lands" "$(field lf2@ex.gov.tw title)" 專員
same "UTF-8, LF: the agency is MOFA's" "$(field lf2@ex.gov.tw agency)" \
    "$(agency_field MOFA id)"
same "UTF-8, LF: two officers more" "$(officers)" $((start + 2))

printf '\357\273\277name,email,agency_code,title\r\n陳志豪,bom1@ex.gov.tw,MOI,科長\r\n' \
    >"$D/bom.csv"
run import officers "$D/bom.csv"
status "UTF-8 with a BOM, CRLF: exit 0" 0
contains "UTF-8 with a BOM: the summary" "$TMP/out" \
    "added 1, updated 0, unchanged 0, rejected 0 (utf-8, comma-separated)"
same "UTF-8 with a BOM: the first column (name) is read" \
    "$(field bom1@ex.gov.tw name)" 陳志豪
same "CRLF: no CR left at the end of the last cell" \
    "$(field bom1@ex.gov.tw title)" 科長

# Big5 (CP950): 許 功 蓋 end in byte 0x5C, the backslash; here at a cell's
# end, before a quote and before the line end. 裏 is CP950's F9 D8.
printf '姓名,電子郵件,機關代碼,職稱,備註\n許功蓋,b5a@ex.gov.tw,MOI,科長,"許"\n裏見,b5b@ex.gov.tw,MOFA,專員,"功,蓋"\n許,b5c@ex.gov.tw,MOI,許,蓋\n' |
    iconv -f utf-8 -t cp950 >"$D/big5.csv"
check "the Big5 fixture holds 許 as B3 5C" \
    sh -c "od -An -tx1 '$D/big5.csv' | tr -d '\n' | grep -q 'b3 5c'"
run import officers "$D/big5.csv"
status "Big5: exit 0" 0
contains "Big5: found by itself, and the summary" "$TMP/out" \
    "added 3, updated 0, unchanged 0, rejected 0 (big5, comma-separated)"
same "Big5: 許功蓋 lands intact" "$(field b5a@ex.gov.tw name)" 許功蓋
same "Big5: 許 before a closing quote" "$(field b5a@ex.gov.tw note)" 許
same "Big5: 裏見 lands intact" "$(field b5b@ex.gov.tw name)" 裏見
same "Big5: 功,蓋 quoted" "$(field b5b@ex.gov.tw note)" 功,蓋
same "Big5: 許 before a comma" "$(field b5c@ex.gov.tw name)" 許
same "Big5: 蓋 before the line end" "$(field b5c@ex.gov.tw note)" 蓋
same "Big5: the Chinese header 機關代碼 is read" \
    "$(field b5b@ex.gov.tw agency)" "$(agency_field MOFA id)"

{
	printf '\377\376'
	printf 'name,email,agency_code,title\r\n許功蓋,u16a@ex.gov.tw,MOI,科長\r\n𠀀林,u16b@ex.gov.tw,MOFA,專員\r\n' |
	    iconv -f utf-8 -t utf-16le
} >"$D/utf16.csv"
run import officers "$D/utf16.csv"
status "UTF-16LE: exit 0" 0
contains "UTF-16LE: found by its BOM, and the summary" "$TMP/out" \
    "added 2, updated 0, unchanged 0, rejected 0 (utf-16le, comma-separated)"
same "UTF-16LE: the name lands" "$(field u16a@ex.gov.tw name)" 許功蓋
same "UTF-16LE: a character outside the BMP (surrogate pair) lands" \
    "$(field u16b@ex.gov.tw name)" 𠀀林
same "UTF-16LE: the title, no CR" "$(field u16b@ex.gov.tw title)" 專員

# A character cut by the end of the reader's 256 KiB chunk.
for enc in big5 utf-8; do
	pad=0
	while [ $pad -lt 8 ]; do
		awk -v pad=$pad -v enc=$enc 'BEGIN {
			print "name,email,agency_code,note"
			for (i = 1; i <= 3000; i++) {
				n = "許功蓋林"
				if (i == 1) for (k = 0; k < pad; k++) n = n "x"
				printf "%s%d,chunk-%s-%d@ex.gov.tw,MOI,", n, i, enc, i
				for (k = 0; k < 20; k++) printf "蓋許"
				printf "\n"
			}
		}' >"$D/chunk.utf8"
		if [ $enc = big5 ]; then
			iconv -f utf-8 -t cp950 "$D/chunk.utf8" >"$D/chunk-$enc.csv"
		else
			cp "$D/chunk.utf8" "$D/chunk-$enc.csv"
		fi
		[ "$(straddles "$D/chunk-$enc.csv" $enc)" = yes ] && break
		pad=$((pad + 1))
	done
	check "$enc: the fixture has a character across the chunk's end" \
	    [ "$(straddles "$D/chunk-$enc.csv" $enc)" = yes ]
	run import officers "$D/chunk-$enc.csv"
	status "$enc, 3000 rows over a chunk's end: exit 0" 0
	contains "$enc, 3000 rows: all added" "$TMP/out" "added 3000, updated 0"
	awk -F , 'NR > 1 { print $2 "\t" $1 "\t" $4 }' "$D/chunk.utf8" |
	    sort >"$TMP/want"
	"$OGPO" --db "$DB" list officers --tsv | awk -F '\t' -v e="chunk-$enc-" \
	    'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	    index($c["email"], e) == 1 { print $c["email"] "\t" $c["name"] "\t" \
	    $c["note"] }' | sort >"$TMP/got"
	if cmp -s "$TMP/want" "$TMP/got"; then
		ok "$enc: every name and note lands intact across the chunk's end"
	else
		not_ok "$enc: every name and note lands intact across the chunk's end"
		diff "$TMP/want" "$TMP/got" | head -6 | sed 's/^/#   /'
	fi
done

# --- quotes and delimiters ----------------------------------------------

printf 'name,email,agency_code,title,note\n"王,小明",q1@ex.gov.tw,MOI,"科長 ""代理""","第一行\n第二行"\n李四,q2@ex.gov.tw,MOI,專員,"x\ny"\n張三,q3@ex.gov.tw,MOI,科長,"a,b"\n張四,q3@ex.gov.tw,MOI,科長,\n' \
    >"$D/quoted.csv"
failed "quoted cells, a bad row on line 7" "$D/quoted.csv"
contains "rows are named as a spreadsheet numbers them, the line alongside" \
    "$TMP/out" "rejected row 5 (line 7), column email: 'q3@ex.gov.tw': the same e-mail is on row 4 too"
run import officers "$D/quoted.csv" --skip-bad
status "quoted cells with --skip-bad: exit 0" 0
contains "quoted cells: the summary" "$TMP/out" \
    "added 3, updated 0, unchanged 0, rejected 1 (utf-8, comma-separated)"
same "a comma inside quotes stays in the cell" "$(field q1@ex.gov.tw name)" 王,小明
same "doubled quotes become one" "$(field q1@ex.gov.tw title)" '科長 "代理"'
same "a line break inside quotes stays (TSV writes it as backslash-n)" \
    "$(field q1@ex.gov.tw note)" '第一行\n第二行'
same "the note after it" "$(field q2@ex.gov.tw note)" 'x\ny'
same "the row after multi-line cells" "$(field q3@ex.gov.tw note)" a,b

# A file with CRLF line ends (as Windows tools save) has CRLF inside its
# multi-line cells too.
printf 'name,email,agency_code,note\r\n李五,crlf1@ex.gov.tw,MOI,"第一行\r\n第二行"\r\n' \
    >"$D/crlf-cell.csv"
run import officers "$D/crlf-cell.csv"
# A CRLF line break inside a quoted note was once refused as a control
# character; it is kept as a line break (LF).
status "a CRLF line break inside a quoted note: exit 0" 0
same "a CRLF line break inside a quoted note: kept as a line break" \
    "$(field crlf1@ex.gov.tw note)" '第一行\n第二行'

printf 'name\temail\tagency_code\ttitle\n王,一\ttab1@ex.gov.tw\tMOI\t科長;股長\n' \
    >"$D/tab.csv"
run import officers "$D/tab.csv"
status "tab-separated: exit 0" 0
contains "tab-separated: sniffed" "$TMP/out" \
    "added 1, updated 0, unchanged 0, rejected 0 (utf-8, tab-separated)"
same "tab-separated: the comma is data" "$(field tab1@ex.gov.tw name)" 王,一
same "tab-separated: the semicolon is data" "$(field tab1@ex.gov.tw title)" 科長\;股長

printf 'name;email;agency_code;title\n王,二;semi1@ex.gov.tw;MOI;"科長;股長"\n' >"$D/semi.csv"
run import officers "$D/semi.csv"
status "semicolon-separated: exit 0" 0
contains "semicolon-separated: sniffed" "$TMP/out" \
    "added 1, updated 0, unchanged 0, rejected 0 (utf-8, semicolon-separated)"
same "semicolon-separated: the comma is data" "$(field semi1@ex.gov.tw name)" 王,二
same "semicolon-separated: a quoted semicolon" "$(field semi1@ex.gov.tw title)" \
    '科長;股長'

printf 'name,email,agency_code,title\n王五,delim1@ex.gov.tw,MOI,科長\n' >"$D/forced.csv"
snap before
run import officers "$D/forced.csv" --delimiter ';'
status "--delimiter ';' on a comma file: the header is one column, exit 1" 1
contains "--delimiter ';': the header has no name column" "$TMP/err" \
    "the header has no 姓名 (name) column"
unchanged "--delimiter ';' on a comma file"

# --- files that cannot be read --------------------------------------------

: >"$D/empty.csv"
failed "an empty file" "$D/empty.csv"
contains "an empty file: a clear message" "$TMP/err" \
    "empty.csv is empty: there is no header row"

printf 'name,email,agency_code,title\r\n' >"$D/header.csv"
snap before
run import officers "$D/header.csv"
status "header only: exit 0" 0
contains "header only: 0 rows" "$TMP/out" \
    "added 0, updated 0, unchanged 0, rejected 0 (utf-8, comma-separated)"
lacks "header only: no import recorded" "$TMP/out" "ogpo import undo"
unchanged "header only"

printf 'name,email,agency_code,title\nA一,rag1@ex.gov.tw,MOI,科長\nA二,rag2@ex.gov.tw,MOI\nA三,rag3@ex.gov.tw,MOI,科長,extra\nA四,rag4@ex.gov.tw,MOI,科長,,\n' \
    >"$D/ragged.csv"
failed "ragged rows" "$D/ragged.csv"
contains "a short row is rejected with the cell counts" "$TMP/out" \
    "rejected row 3: the row has 3 cells but the header 4; a cell is missing"
contains "a long row is rejected with the cell counts" "$TMP/out" \
    "rejected row 4: the row has 5 cells but the header 4; a comma inside a cell that was not quoted?"
lacks "empty cells past the header's end are harmless" "$TMP/out" \
    "rejected row 5"
contains "ragged rows: the counts" "$TMP/out" "rejected 2 (utf-8"
contains "ragged rows: nothing was imported, it says" "$TMP/err" \
    "2 rows were rejected, so nothing was imported"
# A failed import's summary once said "added 2" while nothing was
# imported; it says what the good rows would have done instead.
lacks "ragged rows: the summary of a failed import claims no rows added" \
    "$TMP/out" "ragged.csv: added 2,"

{
	printf 'name,email,agency_code,note\nB一,long1@ex.gov.tw,MOI,x\nB二,long2@ex.gov.tw,MOI,'
	head -c 65537 /dev/zero | tr '\0' x
	printf '\n'
} >"$D/long.csv"
failed "a field one byte over 64 KiB" "$D/long.csv"
contains "a field over 64 KiB: the error names line 3 and the column" \
    "$TMP/err" "long.csv line 3, column 4: a field is longer than 64 KiB"
{
	printf 'name,email,agency_code,note\nB三,long3@ex.gov.tw,MOI,'
	head -c 65536 /dev/zero | tr '\0' x
	printf '\n'
} >"$D/long64.csv"
failed "a field of exactly 64 KiB (too long for a note)" "$D/long64.csv"
lacks "a field of exactly 64 KiB: read, not a reader error" "$TMP/err" \
    "longer than 64 KiB"
contains "a field of exactly 64 KiB: the note is too long" "$TMP/out" \
    "rejected row 2, column note: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' is too long (at most 2000 bytes)"

printf 'name,email,agency_code,title\nC一,quote1@ex.gov.tw,MOI,科長\nC二,quote2@ex.gov.tw,MOI,"科長\nC三,quote3@ex.gov.tw,MOI,科長\n' \
    >"$D/unterminated.csv"
failed "an unterminated quote" "$D/unterminated.csv"
contains "an unterminated quote: the error names the line it opens on" \
    "$TMP/err" "unterminated.csv line 3: a quoted field is never closed"

printf 'name,email,agency_code,title\nD一,nul1@ex.gov.tw,MOI,科長\nD二,nul2@ex.gov.tw,MOI,科\000長\n' \
    >"$D/nul.csv"
failed "a NUL byte" "$D/nul.csv"
contains "a NUL byte: the error names the line" "$TMP/err" \
    "nul.csv line 3 holds a NUL byte"

{
	printf 'name,email,agency_code,title\nE一,badb5a@ex.gov.tw,MOI,科長\n' |
	    iconv -f utf-8 -t cp950
	printf 'E2,badb5b@ex.gov.tw,MOI,\201\060x\n'
} >"$D/badbig5.csv"
failed "bytes invalid in Big5, --encoding big5" "$D/badbig5.csv" \
    --encoding big5
contains "invalid Big5: the error names line, column and bytes" "$TMP/err" \
    "badbig5.csv line 3, column 4: bytes 81 30 are not Big5 (CP950) text"

# --- rows that are refused ------------------------------------------------

printf 'name,email,agency_code,title,note\nF一,ctl1@ex.gov.tw,MOI,科長,\nF\033[2J\033]0;pwned\007二,ctl2@ex.gov.tw,MOI,科長,\nF\001三,ctl3@ex.gov.tw,MOI,科長,\n' \
    >"$D/control.csv"
failed "control characters in a name" "$D/control.csv"
contains "an escape sequence in a name: rejected" "$TMP/out" \
    "rejected row 3, column name: Name holds a control character"
contains "a control character in a name: rejected" "$TMP/out" \
    "rejected row 4, column name: Name holds a control character"
no_esc "control characters: no ESC byte reaches the terminal"
run import officers "$D/control.csv" --dry-run
status "--dry-run with rejected rows: exit 1, as the import would" 1
contains "--dry-run with rejected rows: says the import would write nothing" \
    "$TMP/err" "2 rows would be rejected, so the import would write nothing"
contains "--dry-run with rejected rows: still says what the good rows would do" \
    "$TMP/out" "dry run, nothing written"
run import officers "$D/control.csv" --dry-run --skip-bad
status "--dry-run --skip-bad with rejected rows: exit 0, as the import would" 0
no_esc "control characters, --dry-run: no ESC byte reaches the terminal"
run import officers "$D/control.csv" --skip-bad
status "control characters, --skip-bad: exit 0" 0
no_esc "control characters, --skip-bad: no ESC byte reaches the terminal"
has_officer "control characters, --skip-bad: the good row is in" ctl1@ex.gov.tw
no_officer "control characters, --skip-bad: the escape sequence is not" \
    ctl2@ex.gov.tw
no_officer "control characters, --skip-bad: nor the ^A" ctl3@ex.gov.tw

printf 'name,email,agency_code,title\nG一,dup1@ex.gov.tw,MOI,科長\nG二,dup2@ex.gov.tw,MOI,科長\nG三,DUP1@ex.gov.tw,MOI,科長\n' \
    >"$D/dup.csv"
failed "a duplicate e-mail within the file" "$D/dup.csv"
contains "the second e-mail is rejected naming the first line (any case)" \
    "$TMP/out" "rejected row 4, column email: 'DUP1@ex.gov.tw': the same e-mail is on row 2 too"
contains "a duplicate: the counts" "$TMP/out" "rejected 1 (utf-8"

# A row turned away still claims its e-mail: the good row after it with
# the same address is a duplicate too, not an officer added in its place.
printf 'name,email,agency_code,title,start_date\nJ一,dupbad@ex.gov.tw,MOI,科長,2024-13-40\nJ二,DUPBAD@ex.gov.tw,MOI,科長,2024-05-01\n' \
    >"$D/dupbad.csv"
run import officers "$D/dupbad.csv" --skip-bad
status "a bad row and its duplicate, --skip-bad: exit 0" 0
contains "the duplicate of a rejected row is rejected naming it" "$TMP/out" \
    "rejected row 3, column email: 'DUPBAD@ex.gov.tw': the same e-mail is on row 2 too"
no_officer "neither row of a rejected e-mail lands" dupbad@ex.gov.tw

# An officer already stored, listed twice: the first row leaves it as it
# is, the second (which would change it) is the duplicate.
printf 'name,email,agency_code,title\nG一,dup1@ex.gov.tw,MOI,科長\nG一,dup1@ex.gov.tw,MOI,處長\n' \
    >"$D/dupold.csv"
run import officers "$D/dup.csv" --skip-bad
failed "a stored officer twice, the first row unchanged" "$D/dupold.csv"
contains "a stored officer twice: the second row is the duplicate" \
    "$TMP/out" "rejected row 3, column email: 'dup1@ex.gov.tw': the same e-mail is on row 2 too"
same "a stored officer twice: the title stays" "$(field dup1@ex.gov.tw title)" \
    科長

printf 'name,email,agency_code,title\nH一,agy1@ex.gov.tw,MOI,科長\nH二,agy2@ex.gov.tw,NOSUCH,科長\n' \
    >"$D/agency.csv"
failed "an unknown agency code" "$D/agency.csv"
contains "an unknown agency code: rejected" "$TMP/out" \
    "rejected row 3, column agency_code: 'NOSUCH': no agency has this code"
run import officers "$D/agency.csv" --create-agencies
status "--create-agencies: exit 0" 0
contains "--create-agencies: both rows added" "$TMP/out" \
    "added 2, updated 0, unchanged 0, rejected 0"
check "--create-agencies: the agency NOSUCH exists" \
    [ -n "$(agency_field NOSUCH id)" ]
same "--create-agencies: the officer belongs to it" \
    "$(field agy2@ex.gov.tw agency)" "$(agency_field NOSUCH id)"

printf 'name,email,agency\nI一,agyname1@ex.gov.tw,測試新設署\n' >"$D/agency-name.csv"
failed "an unknown agency name" "$D/agency-name.csv"
contains "an unknown agency name: rejected" "$TMP/out" \
    "rejected row 2, column agency: '測試新設署': no agency has exactly this name"
run import officers "$D/agency-name.csv" --create-agencies
status "--create-agencies by name: exit 0" 0
same "--create-agencies by name: the agency has the name" \
    "$("$OGPO" --db "$DB" list agencies --tsv | awk -F '\t' -v id="$(field \
    agyname1@ex.gov.tw agency)" '$1 == id { print $6 }')" 測試新設署

printf 'name,email,agency,agency_code\nI二,agyboth@ex.gov.tw,測試新設局,NEWBOTH\n' \
    >"$D/agency-both.csv"
run import officers "$D/agency-both.csv" --create-agencies
status "--create-agencies with a name and a code: exit 0" 0
# With both 機關 and 機關代碼 given, the new agency once took its code as
# its name; it takes the name column.
same "--create-agencies with a name and a code: the name is the file's" \
    "$(agency_field NEWBOTH name)" 測試新設局

# --- what cells mean --------------------------------------------------------

printf '備註,電子郵件,角色,到任日期,姓名,機關,職稱,是否為公務人員,分機,傳真\n甲,role1@ex.gov.tw,聯絡人,113/05/08,陳一,內政部,科長,是,12,02-1\n,role2@ex.gov.tw,代理人,民國113年5月8日,陳二,外交部,專員,否,,\n,role3@ex.gov.tw,副首長,2024-05-08,陳三,內政部,次長,yes,,\n,role4@ex.gov.tw,資訊長,2024/5/8,陳四,內政部,資訊長,Y,,\n,role5@ex.gov.tw,督導,113.1.2,陳五,內政部,次長,1,,\n,role6@ex.gov.tw,工作小組,,陳六,內政部,科員,0,,\n' \
    >"$D/roles.csv"
run import officers "$D/roles.csv"
status "Chinese headers in any order, role words, ROC dates: exit 0" 0
contains "an unknown column is listed as ignored" "$TMP/out" \
    "ignored columns: 傳真"
contains "Chinese headers: the summary" "$TMP/out" \
    "added 6, updated 0, unchanged 0, rejected 0"
same "聯絡人 → po" "$(field role1@ex.gov.tw role)" po
same "113/05/08 → 2024-05-08" "$(field role1@ex.gov.tw start_date)" 2024-05-08
same "是 → civil servant" "$(field role1@ex.gov.tw civil_servant)" 1
same "分機 → ext" "$(field role1@ex.gov.tw ext)" 12
same "備註 → note" "$(field role1@ex.gov.tw note)" 甲
same "機關 by name → agency" "$(field role2@ex.gov.tw agency)" \
    "$(agency_field MOFA id)"
same "代理人 → alternate" "$(field role2@ex.gov.tw role)" alternate
same "民國113年5月8日 → 2024-05-08" "$(field role2@ex.gov.tw start_date)" \
    2024-05-08
same "否 → not a civil servant" "$(field role2@ex.gov.tw civil_servant)" 0
same "副首長 → supervisor" "$(field role3@ex.gov.tw role)" supervisor
same "副首長 → deputy head" "$(field role3@ex.gov.tw supervisor)" deputy_head
same "資訊長 → supervisor, CIO" \
    "$(field role4@ex.gov.tw role)/$(field role4@ex.gov.tw supervisor)" \
    supervisor/cio
same "2024/5/8 → 2024-05-08" "$(field role4@ex.gov.tw start_date)" 2024-05-08
same "督導 with the title 次長 → deputy head" \
    "$(field role5@ex.gov.tw role)/$(field role5@ex.gov.tw supervisor)" \
    supervisor/deputy_head
same "113.1.2 → 2024-01-02" "$(field role5@ex.gov.tw start_date)" 2024-01-02
same "工作小組 → member" "$(field role6@ex.gov.tw role)" member
same "0 → not a civil servant" "$(field role6@ex.gov.tw civil_servant)" 0

printf 'Title , E-Mail,AGENCY_CODE,Full Name,Start Date,Role\n科長,role7@ex.gov.tw,MOI,黃七,2024-02-29,deputy head\n' \
    >"$D/english.csv"
run import officers "$D/english.csv"
status "English headers in another order and case: exit 0" 0
lacks "English headers: none ignored" "$TMP/out" "ignored columns"
same "English headers: the name" "$(field role7@ex.gov.tw name)" 黃七
same "English headers: the date" "$(field role7@ex.gov.tw start_date)" 2024-02-29
same "English headers: the role" "$(field role7@ex.gov.tw supervisor)" \
    deputy_head

printf 'name,email,agency_code,role,start_date,civil_servant\nJ一,bad1@ex.gov.tw,MOI,老大,,\nJ二,bad2@ex.gov.tw,MOI,,113/02/30,\nJ三,bad3@ex.gov.tw,MOI,,,也許\nJ四,bad4@ex.gov.tw,MOI,,2024-13-01,\nJ五,bad5@ex.gov.tw,MOI,聯絡人,113/02/29,是\n' \
    >"$D/badcells.csv"
failed "bad role, date, yes/no" "$D/badcells.csv"
contains "an unknown role word: rejected" "$TMP/out" \
    "rejected row 2, column role: '老大' is not a role"
contains "113/02/30: not a real date" "$TMP/out" \
    "rejected row 3, column start_date: '113/02/30' is not a real calendar date"
contains "也許: not yes or no" "$TMP/out" \
    "rejected row 4, column civil_servant: '也許' should be 是 or 否"
contains "month 13: rejected" "$TMP/out" "rejected row 5, column start_date"
contains "bad cells: 4 rejected, the good row not imported" "$TMP/out" \
    "nothing imported; the good rows would have added 1, updated 0, left 0 unchanged; rejected 4"
run import officers "$D/badcells.csv" --skip-bad
status "bad cells with --skip-bad: exit 0" 0
same "113/02/29 (a leap day) → 2024-02-29" "$(field bad5@ex.gov.tw start_date)" \
    2024-02-29
no_officer "bad cells with --skip-bad: the bad rows are not in" bad1@ex.gov.tw

printf 'email,agency_code,title\nK一@ex.gov.tw,MOI\nmiss2@ex.gov.tw,MOI,x,y\n' \
    >"$D/noname.csv"
failed "no name column" "$D/noname.csv"
contains "no name column: said before any row" "$TMP/err" \
    "the header has no 姓名 (name) column, so no row was read"
lacks "no name column: no row was looked at" "$TMP/out" "rejected line"
# The message once showed only the header's first cell; it shows all.
contains "no name column: the message shows the whole header" "$TMP/err" \
    "agency_code"
printf '姓名,機關代碼\nK二,MOI\n' >"$D/noemail.csv"
failed "no e-mail column" "$D/noemail.csv"
contains "no e-mail column: said" "$TMP/err" \
    "the header has no 電子郵件 (email) column, so no row was read"
printf 'name,email,title\nK三,miss3@ex.gov.tw,x\n' >"$D/noagency.csv"
failed "no agency column" "$D/noagency.csv"
contains "no agency column: said" "$TMP/err" \
    "the header has no 機關 or 機關代碼 (agency or agency_code) column"

# --- --skip-bad, twice, changed rows ----------------------------------------

printf 'name,email,agency_code,title,phone\nL一,same1@ex.gov.tw,MOI,科長,02-1\nL二,same2@ex.gov.tw,MOI,科長,02-2\nL三,same3@ex.gov.tw,NOSUCH2,科長,\nL四,same4@ex.gov.tw,MOFA,科員,\n' \
    >"$D/same.csv"
n=$(officers)
run import officers "$D/same.csv" --skip-bad
status "--skip-bad with a bad row: exit 0" 0
contains "--skip-bad: the counts" "$TMP/out" \
    "added 3, updated 0, unchanged 0, rejected 1 (utf-8, comma-separated)"
contains "--skip-bad: the rejection is said" "$TMP/out" \
    "rejected row 4, column agency_code: 'NOSUCH2': no agency has this code"
same "--skip-bad: three officers more" "$(officers)" $((n + 3))
no_officer "--skip-bad: the bad row is not in" same3@ex.gov.tw
first=$(sed -n 's/^import \([0-9]*\);.*/\1/p' "$TMP/out")
check "--skip-bad: the import has a number" [ -n "$first" ]

snap before
run import officers "$D/same.csv" --skip-bad
status "the same file again: exit 0" 0
contains "the same file again: nothing added or updated" "$TMP/out" \
    "added 0, updated 0, unchanged 3, rejected 1"
lacks "the same file again: no import recorded" "$TMP/out" "ogpo import undo"
unchanged "the same file again"

printf 'name,email,agency_code,title,phone\nL一,same1@ex.gov.tw,MOI,專員,02-1\nL二,same2@ex.gov.tw,MOI,科長,02-2\nL四,same4@ex.gov.tw,MOFA,科員,02-4\nL五,same5@ex.gov.tw,MOFA,科員,\n' \
    >"$D/changed.csv"
snap before
run import officers "$D/changed.csv" --dry-run
status "--dry-run: exit 0" 0
contains "--dry-run lists the field that changes" "$TMP/out" \
    "row 2: updated L一 <same1@ex.gov.tw>: title 科長 → 專員"
contains "--dry-run: an empty field that gets a value" "$TMP/out" \
    "row 4: updated L四 <same4@ex.gov.tw>: phone (empty) → 02-4"
contains "--dry-run lists the row it adds" "$TMP/out" \
    "row 5: added L五 <same5@ex.gov.tw>"
lacks "--dry-run: an unchanged row is not listed" "$TMP/out" "row 3:"
contains "--dry-run: the summary says nothing was written" "$TMP/out" \
    "dry run, nothing written, $D/changed.csv: added 1, updated 2, unchanged 1, rejected 0"
unchanged "--dry-run"
run import officers "$D/changed.csv"
status "a changed row: exit 0" 0
contains "a changed row: updated" "$TMP/out" \
    "added 1, updated 2, unchanged 1, rejected 0"
lacks "without --dry-run the changes are not listed" "$TMP/out" "title 科長"
same "a changed row: the title is the new one" "$(field same1@ex.gov.tw title)" 專員
same "a changed row: its version went up" "$(field same1@ex.gov.tw version)" 2
same "an unchanged row: its version stays" "$(field same2@ex.gov.tw version)" 1
second=$(sed -n 's/^import \([0-9]*\);.*/\1/p' "$TMP/out")

# --- the rejects file ----------------------------------------------------

printf '姓名,電子郵件,機關代碼,職稱\n許功蓋,rej1@ex.gov.tw,MOI,科長\n裏見,rej2@ex.gov.tw,NOPE,專員\n"王,五",rej1@ex.gov.tw,MOI,"說""明"\n' |
    iconv -f utf-8 -t cp950 | sed 's/$/\r/' >"$D/rej-big5.csv"
rm -f "$TMP/rejects.csv"
failed "Big5 with --rejects" "$D/rej-big5.csv" --rejects "$TMP/rejects.csv"
contains "--rejects: the file is named" "$TMP/out" \
    "rejected rows, with the reason, are in $TMP/rejects.csv"
contains "--rejects: the advice names the rejects file" "$TMP/err" \
    "correct the rows in the rejects file"
check "--rejects: the file is written" [ -s "$TMP/rejects.csv" ]
check "--rejects of Big5 input: Big5 (iconv from cp950 reads it)" \
    sh -c "iconv -f cp950 -t utf-8 '$TMP/rejects.csv' >'$TMP/rejects.utf8'"
check "--rejects of Big5 input: not UTF-8" \
    sh -c "! iconv -f utf-8 -t utf-8 '$TMP/rejects.csv' >/dev/null 2>&1"
check "--rejects of CRLF input: CRLF" \
    sh -c "head -1 '$TMP/rejects.csv' | grep -q \"\$(printf '\\r')\$\""
printf '姓名,電子郵件,機關代碼,職稱,錯誤原因\r\n裏見,rej2@ex.gov.tw,NOPE,專員,"row 3, column 機關代碼: '"'"'NOPE'"'"': no agency has this code (see ogpo list agencies, or use --create-agencies)"\r\n"王,五",rej1@ex.gov.tw,MOI,"說""明","row 4, column 電子郵件: '"'"'rej1@ex.gov.tw'"'"': the same e-mail is on row 2 too"\r\n' \
    >"$TMP/rejects.want"
if cmp -s "$TMP/rejects.want" "$TMP/rejects.utf8"; then
	ok "--rejects: the header, 錯誤原因, the rejected rows requoted, reasons"
else
	not_ok "--rejects: the header, 錯誤原因, the rejected rows requoted, reasons"
	diff "$TMP/rejects.want" "$TMP/rejects.utf8" | sed 's/^/#   /' | head
fi
run import officers "$TMP/rejects.csv" --dry-run
contains "the rejects file reads back (its 錯誤原因 column is not unknown)" \
    "$TMP/out" "added 1, updated 0, unchanged 0, rejected 1 (big5"
lacks "the rejects file reads back: 錯誤原因 not listed as ignored" \
    "$TMP/out" "ignored columns"

printf 'name;email;agency_code\nM一;rejs1@ex.gov.tw;NOPE\nM二;rejs2@ex.gov.tw;MOI\n' >"$D/rej-semi.csv"
run import officers "$D/rej-semi.csv" --skip-bad --rejects "$TMP/rejects2.csv"
status "--rejects with --skip-bad: exit 0" 0
has_officer "--rejects with --skip-bad: the good row is in" rejs2@ex.gov.tw
printf 'name;email;agency_code;錯誤原因\nM一;rejs1@ex.gov.tw;NOPE;row 2, column agency_code: '"'"'NOPE'"'"': no agency has this code (see ogpo list agencies, or use --create-agencies)\n' \
    >"$TMP/rejects2.want"
if cmp -s "$TMP/rejects2.want" "$TMP/rejects2.csv"; then
	ok "--rejects of semicolon input: semicolons, LF"
else
	not_ok "--rejects of semicolon input: semicolons, LF"
	diff "$TMP/rejects2.want" "$TMP/rejects2.csv" | sed 's/^/#   /' | head
fi

{
	printf '\377\376'
	printf 'name\temail\tagency_code\r\nN一\trej16@ex.gov.tw\tNOPE\r\n' |
	    iconv -f utf-8 -t utf-16le
} >"$D/rej-utf16.csv"
run import officers "$D/rej-utf16.csv" --dry-run --rejects "$TMP/rejects3.csv"
status "--rejects with --dry-run: exit 1, as the import would" 1
same "--rejects of UTF-16 input: starts with the BOM FF FE" \
    "$(od -An -tx1 -N2 "$TMP/rejects3.csv" | tr -d ' ')" fffe
check "--rejects of UTF-16 input: tabs, in UTF-16LE" sh -c \
    "tail -c +3 '$TMP/rejects3.csv' | iconv -f utf-16le -t utf-8 | grep -q \"\$(printf 'N一\\trej16@ex.gov.tw\\tNOPE\\trow 2')\""

# --- import list and undo -------------------------------------------------

run import list
status "import list: exit 0" 0
check "import list shows the --skip-bad import with its counts" \
    grep -Eq "^$first .* officer +\\+3 ~0 =0 !1  $D/same.csv\$" "$TMP/out"
check "import list shows the update with its counts" \
    grep -Eq "^$second .* officer +\\+1 ~2 =1 !0  $D/changed.csv\$" "$TMP/out"
n=$(officers)
run import undo "$second"
status "undo the update: exit 0" 0
contains "undo: what it did" "$TMP/out" \
    "Undone: 1 added records removed, 2 updated records restored."
no_officer "undo: the added officer is gone" same5@ex.gov.tw
same "undo: the updated title is back" "$(field same1@ex.gov.tw title)" 科長
same "undo: the updated phone is back (empty)" "$(field same4@ex.gov.tw phone)" ""
same "undo: one officer fewer" "$(officers)" $((n - 1))
run import list
check "import list marks it undone" \
    grep -Eq "^$second .*changed.csv  \\(undone\\)\$" "$TMP/out"
snap before
run import undo "$second"
status "a second undo of the same import: exit 1" 1
contains "a second undo: refused" "$TMP/err" "import $second was undone already"
unchanged "a second undo"

# A database from before undos were kept as facts (schema 2): a copy
# without the undone table (nor the search index of schema 4), its schema
# set back to 2 (lmdb-utils). Opened,
# it finds the imports undone in the trail: still undone, still refused.
old=$TMP/schema2
mkdir -p "$old"
for sub in $(mdb_dump -l "$DB"); do
	case $sub in undone|officer_gram) continue ;; esac
	if [ "$sub" = meta ]; then
		mdb_dump -s meta "$DB" | awk 'p { sub(/0000000000000006$/,
		    "0000000000000002"); p = 0 } /^ 736368656d61$/ { p = 1 }
		    { print }'
	else
		mdb_dump -s "$sub" "$DB"
	fi | mdb_load -s "$sub" "$old" 2>/dev/null || not_ok "copying $sub"
done
"$OGPO" --db "$old" import list >"$TMP/old.list" 2>&1
check "schema 2, opened: the import undone is still undone" \
    grep -Eq "^$second .*changed.csv  \\(undone\\)\$" "$TMP/old.list"
"$OGPO" --db "$old" import undo "$second" >/dev/null 2>"$TMP/old.err"
contains "… and a second undo is refused" "$TMP/old.err" \
    "import $second was undone already"
mdb_dump -s meta "$old" | grep -A1 '^ 736368656d61$' | tail -1 >"$TMP/v"
same "… and the database says schema 6" "$(cat "$TMP/v")" " 0000000000000006"

run import undo 999999999
status "undo of an import that does not exist: exit 1" 1
contains "undo of no import: said" "$TMP/err" "there is no import 999999999"
run import undo 12x
status "undo of a bad number: exit 2" 2

printf 'name,email,agency_code,title\nO一,edit1@ex.gov.tw,MOI,科長\nO二,edit2@ex.gov.tw,MOI,科長\n' \
    >"$D/edit.csv"
run import officers "$D/edit.csv"
third=$(sed -n 's/^import \([0-9]*\);.*/\1/p' "$TMP/out")
run set officer "$(field edit2@ex.gov.tw id)" title=技正
status "edit an imported officer by hand" 0
snap before
run import undo "$third"
status "undo after an edit: exit 1" 1
contains "undo after an edit: refused, naming the officer and who changed it" \
    "$TMP/err" "the import cannot be undone: officer O二 was changed by $(id -un) at"
unchanged "undo after an edit"
run set officer "$(field edit2@ex.gov.tw id)" title=科長
run import undo "$third"
status "undo once the edit is taken back: exit 0" 0
no_officer "undo: edit1 is gone" edit1@ex.gov.tw
no_officer "undo: edit2 is gone" edit2@ex.gov.tw

n=$(officers)
run import undo
status "undo with no number undoes the newest import left: exit 0" 0
contains "undo (newest): the import of the rejects test, one officer" \
    "$TMP/out" "Undone: 1 added records removed, 0 updated"
no_officer "undo (newest): its officer is gone" rejs2@ex.gov.tw
run verify
status "verify after the undos" 0

# --- import agencies --------------------------------------------------------

printf 'code,name,parent\nTSTA,測試部,EY\nTSTB,測試部測試署,測試部\nTSTC,測試署某局,TSTB\nTSTD,內政部測試司,內政部\n' \
    >"$D/agencies.csv"
run import agencies "$D/agencies.csv"
status "import agencies: exit 0" 0
contains "import agencies: the summary" "$TMP/out" \
    "added 4, updated 0, unchanged 0, rejected 0 (utf-8, comma-separated)"
same "a parent by code (EY)" "$(agency_field TSTA parent)" "$(agency_field EY id)"
same "under the Executive Yuan: level 2" "$(agency_field TSTA level)" 2
same "a parent by name (測試部), added by the same file" \
    "$(agency_field TSTB parent)" "$(agency_field TSTA id)"
same "its level derived: 3" "$(agency_field TSTB level)" 3
same "a parent by code from the same file: level 4" \
    "$(agency_field TSTC parent)/$(agency_field TSTC level)" \
    "$(agency_field TSTB id)/4"
same "a parent by an existing name (內政部)" \
    "$(agency_field TSTD parent)/$(agency_field TSTD level)" \
    "$(agency_field MOI id)/3"
same "the name lands" "$(agency_field TSTD name)" 內政部測試司

printf '機關代碼,機關名稱,上級機關,層級\nTSTE,測試中文頭,內政部,\nTSTF,測試層級,MOI,3\nTSTJ,測試全形,ＭＯＩ,\n' \
    >"$D/agencies-zh.csv"
run import agencies "$D/agencies-zh.csv"
# With a 層級 (level) column present but the cell empty, the level once
# was not derived from the parent; it is.
status "import agencies, Chinese headers, an empty level: exit 0" 0
same "an empty level cell: derived from the parent (3)" \
    "$(agency_field TSTE level)" 3
# A parent's code typed in full width, as an input method left on full
# width types it (ＭＯＩ), is read as the code columns read it.
same "a parent's code typed in full width (ＭＯＩ)" \
    "$(agency_field TSTJ parent)/$(agency_field TSTJ level)" \
    "$(agency_field MOI id)/3"
printf 'code,name,parent,level\nTSTG,亂,NOPE,\nTSTH,錯層,MOI,9\n' >"$D/agencies-bad.csv"
snap before
run import agencies "$D/agencies-bad.csv"
status "import agencies with bad rows: exit 1" 1
contains "an unknown parent: rejected" "$TMP/out" \
    "rejected row 2, column parent: 'NOPE': no agency has this code or name"
contains "a bad level: rejected" "$TMP/out" \
    "rejected row 3, column level: '9' is not a level"
unchanged "import agencies with bad rows"

# An import that makes a record and changes it again (an agency made
# under TSTD, then TSTD moved up a level, taking its new sub-agency along):
# undone, the record it made goes, though its last change was an update.
printf 'code,name,parent\nTSTK,測試司新科,TSTD\nTSTD,內政部測試司,EY\n' \
    >"$D/agencies-move.csv"
snap before
run import agencies "$D/agencies-move.csv"
status "an import that makes TSTK, then moves its parent: exit 0" 0
same "TSTK came in at level 4, then moved to 3 with TSTD" \
    "$(agency_field TSTK level)/$(agency_field TSTD level)" 3/2
moved=$(sed -n 's/^import \([0-9]*\);.*/\1/p' "$TMP/out")
run import undo "$moved"
status "undo of an import that made then changed a record: exit 0" 0
same "the agency it made and changed is gone" "$(agency_field TSTK id)" ""
same "TSTD is back under 內政部 at level 3" \
    "$(agency_field TSTD parent)/$(agency_field TSTD level)" \
    "$(agency_field MOI id)/3"
"$OGPO" --db "$DB" list agencies --tsv | cut -f 1,5- >"$TMP/ag.after"
cut -f 1,5- "$TMP/before.agencies" >"$TMP/ag.before"
check "the agencies are as before the import (but for their versions)" \
    cmp -s "$TMP/ag.before" "$TMP/ag.after"
run verify
status "verify after it" 0

# --- usage ----------------------------------------------------------------

snap before
run import officers "$D/lf.csv" --encoding latin1
status "--encoding latin1: exit 2" 2
contains "--encoding latin1: said" "$TMP/err" \
    "--encoding takes utf-8, big5 or utf-16, not 'latin1'"
run import officers "$D/lf.csv" --delimiter x
status "--delimiter x: exit 2" 2
run import officers
status "no file: exit 2" 2
run import officers "$D/lf.csv" "$D/big5.csv"
status "two files: exit 2" 2
run import people "$D/lf.csv"
status "import people: exit 2" 2
run import officers "$D/no-such.csv"
status "a file that does not exist: exit 1" 1
contains "a file that does not exist: said" "$TMP/err" \
    "cannot open $D/no-such.csv"
run import officers "$D/big5.csv" --encoding utf-8
status "Big5 read as UTF-8 (--encoding utf-8): exit 1" 1
contains "Big5 read as UTF-8: the advice" "$TMP/err" \
    "if the file is Big5, give --encoding big5"
unchanged "usage errors"
run import --help
status "import --help: exit 0" 0
contains "import --help: the usage" "$TMP/out" "ogpo import list | undo [IMPORT]"

[ "$failures" -eq 0 ]
