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
# nothing.
. "$(dirname "$0")/attack-lib.sh"

H=$TMP/home/$ED
awk 'BEGIN { print "name,agency_code,role,email,phone";
    for (i = 1; i <= 400000; i++)
	printf "讀取%d,MOI,po,apart%d@moi.gov.tw,02-2356-%04d\n", i, i,
	    i % 10000 }' >"$H/big.csv"
chmod 644 "$H/big.csv"
gid=$(id -g "$ED")

# reader: the pid of an ogpo of $ED whose parent is another of them
# (the process reading the file), polled for up to 10 s; "" if none.
reader() {
	i=0
	while [ $i -lt 1000 ]; do
		for p in $(pgrep -u "$ED" -x ogpo); do
			pp=$(awk '/^PPid:/ { print $2 }' "/proc/$p/status" \
			    2>/dev/null)
			[ -n "$pp" ] && [ "$(cat "/proc/$pp/comm" 2>/dev/null)" \
			    = ogpo ] && { echo "$p"; return; }
		done
		i=$((i + 1))
		sleep 0.01
	done
}

remember
as "$ED" - sh -c "$BIN import officers $H/big.csv --dry-run" &
job=$!
child=$(reader)
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
else
	not_ok "the file is read by a process of its own"
fi
wait "$job"
said "the dry run reads every row all the same" "added 400000,"

# The reader ended by force, as a parser gone wrong would end.
as "$ED" - sh -c "$BIN import officers $H/big.csv" &
job=$!
child=$(reader)
[ -n "$child" ] && kill -SEGV "$child"
wait "$job"
check "an import whose reader dies ($child) fails" test -n "$child"
said "saying so" "the process reading it was ended by signal"
intact "a reader that died"
