#!/bin/sh
# test_apart.sh — a spreadsheet is read by a process that holds nothing of
# the shared database. The readers (libzip, expat, libcsv, iconv and
# ogpo's own grammars) take whatever a person hands over; had one of them
# been made to run code of the file's choosing, in ogpo itself it would
# have found data.mdb open for writing and mapped (writable by mprotect
# alone), LMDB's lock table mapped writable and, in the full-screen
# program, the group as its saved group: the whole database, audit trail
# and all, to rewrite. The file is read in a child that has given all of
# that up; ended by force, the import fails with a sentence and writes
# nothing. The full-screen program, which keeps the group as its saved
# group, reads through a child with none.
. "$(dirname "$0")/attack-lib.sh"
. tests/tui/tui-lib.sh

H=$TMP/home/$ED
awk 'BEGIN { print "name,agency_code,role,email,phone";
    for (i = 1; i <= 400000; i++)
	printf "讀取%d,MOI,po,apart%d@moi.gov.tw,02-2356-%04d\n", i, i,
	    i % 10000 }' >"$H/big.csv"
chmod 644 "$H/big.csv"
head -150001 "$H/big.csv" >"$H/mid.csv"
chmod 644 "$H/mid.csv"
gid=$(id -g "$ED")

# reader: "PID PARENT" of an ogpo of $ED whose parent is another of them
# (the process reading the file), looked for as fast as ps goes for up
# to 2000 looks; "" if none. The parent is then stopped, so that the
# reader stays, its pipe full, until cont.
reader() {
	i=0
	while [ $i -lt 2000 ]; do
		c=$(ps -o pid=,ppid=,comm= -u "$ED" | awk '$3 == "ogpo" {
		    p[$1] = $2 } END { for (k in p) if (p[k] in p) print k,
		    p[k] }')
		if [ -n "$c" ]; then
			kill -STOP "${c#* }"
			echo "$c"
			return
		fi
		i=$((i + 1))
	done
}
cont() { [ -n "${parent:-}" ] && kill -CONT "$parent"; parent=; }

remember
as "$ED" - sh -c "$BIN import officers $H/big.csv --dry-run" &
job=$!
set -- $(reader)
child=${1:-} parent=${2:-}
if [ -n "$child" ]; then
	ok "the file is read by a process of its own ($child)"
	grep '^Gid:' "/proc/$child/status" >"$TMP/gids"
	check "with no group but $ED's, saved included ($(cat "$TMP/gids"))" \
	    awk -v g="$gid" '{ exit !($2 == g && $3 == g && $4 == g &&
		$5 == g) }' "$TMP/gids"
	ls -l "/proc/$child/fd/" >"$TMP/fds" 2>&1
	lacks "holding no descriptor of the shared database" "$TMP/fds" \
	    "$STATE"
	cat "/proc/$child/maps" >"$TMP/maps" 2>&1
	check "nor any map of it (maps read: $(wc -l <"$TMP/maps") lines)" \
	    test -s "$TMP/maps"
	lacks "none of data.mdb or lock.mdb" "$TMP/maps" "$STATE"
	cont
else
	not_ok "the file is read by a process of its own"
fi
wait "$job"
said "the dry run reads every row all the same" "added 400000,"

# The reader ended by force, as a parser gone wrong would end.
as "$ED" - sh -c "$BIN import officers $H/big.csv" &
job=$!
set -- $(reader)
child=${1:-} parent=${2:-}
[ -n "$child" ] && kill -SEGV "$child"
cont
wait "$job"
check "an import whose reader dies ($child) fails" test -n "$child"
said "saying so" "the process reading it was ended by signal"
intact "a reader that died"

# What a reader may send is bounded: four times the file and 256 MiB
# more. A 2 KB .xlsx whose 400 rows are each sixteen references to one
# shared string of 60,000 bytes comes to 384 MB of rows; a reader made to
# send without end would come to more. The program takes no more than the
# bound, and says the file is more than a list of people.
/usr/bin/python3 - "$H/many.xlsx" <<'EOF'
import sys, zipfile
row = '<c t="s"><v>0</v></c>' * 16
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('xl/workbook.xml', '<workbook><sheets><sheet name="s" '
        'sheetId="1" r:id="rId1" xmlns:r="r"/></sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', '<Relationships>'
        '<Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
        '</Relationships>')
    z.writestr('xl/sharedStrings.xml',
        '<sst><si><t>' + 'x' * 60000 + '</t></si></sst>')
    z.writestr('xl/worksheets/sheet1.xml', '<worksheet><sheetData>' +
        ''.join('<row r="%d">%s</row>' % (i, row) for i in range(1, 401)) +
        '</sheetData></worksheet>')
EOF
chmod 644 "$H/many.xlsx"
as "$ED" import officers "$H/many.xlsx" --dry-run
check "a file whose rows come to more than the bound is refused" \
    test "$rc" -ne 0
said "saying it is more than a list of people" \
    "far more than a list of people comes to; nothing was imported"
intact "a reader that sent too much"

# --- the full-screen program ---------------------------------------------
DB=$STATE
OGPO=$BIN
TUI_AS="setpriv --reuid=$ED --regid=$ED --init-groups"
cd "$H" || exit 1	# the files offered are those of the folder
tui_start editor 100 30
TUI_AS=
keys 2
expect "the editor's Officers tab" "Officers of"
keys i
expect "i asks for the file" "Import officers from which file?"
text mid
keys Enter
set -- $(reader)
child=${1:-} parent=${2:-}
if [ -n "$child" ]; then
	ok "the full-screen program reads the file in a process of its own"
	grep '^Gid:' "/proc/$parent/status" >"$TMP/pgids"
	grep '^Gid:' "/proc/$child/status" >"$TMP/gids"
	check "which, unlike the program ($(cat "$TMP/pgids")), has no \
group but $ED's ($(cat "$TMP/gids"))" awk -v g="$gid" \
	    '{ exit !($2 == g && $3 == g && $4 == g && $5 == g) }' \
	    "$TMP/gids"
	ls -l "/proc/$child/fd/" "/proc/$child/maps" >"$TMP/fds" 2>&1
	cat "/proc/$child/maps" >>"$TMP/fds" 2>&1
	lacks "and nothing of the shared database" "$TMP/fds" "$STATE"
	cont
else
	not_ok "the full-screen program reads the file in a process of its own"
fi
expect "the dry run's dialog comes" "Import them?" 60
keys n
expect_gone "n writes nothing" "Import them?"
tui_done
