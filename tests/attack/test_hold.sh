#!/bin/sh
# test_hold.sh — no account holds up the others. An import reading a FIFO
# that never delivers, a dry run of one by a login with no role, Ctrl-Z
# during an import, a pager that stops reading: everyone else's saves go
# through. A writer stopped while it holds the database is named, and
# not waited for for ever. The file does not grow for a reader blocked
# on its output; ogpo doctor names a reader that holds an old snapshot.
# A map that cannot grow leaves the database usable; an import from a
# pipe survives the map growing. An undo that is refused (another's
# import, outside an editor's scope) is refused without the lock, as is
# an editor's import refused on a row outside its scope or changing
# nothing.
. "$(dirname "$0")/attack-lib.sh"

HOLD=$(pwd)/build/tools/hold

# save N [SECONDS]: the admin saves agency 1 N times, each within SECONDS
# (15); 0 if all did.
save() {
	n=$1 i=0
	while [ "$i" -lt "$n" ]; do
		as "$ADM" - timeout "${2:-15}" "$BIN" set agency 1 \
		    "note=save $i $$"
		[ "$rc" -eq 0 ] || return 1
		i=$((i + 1))
	done
	return 0
}

# --- readers: a pager that stops reading, a held snapshot -----------------
growth() {
	before=$(stat -c %s "$DATA")
	save 300 || not_ok "300 saves"
	echo $(($(stat -c %s "$DATA") - before))
}
base=$(growth)
mkfifo -m 666 "$TMP/pager"
sleep 600 <"$TMP/pager" &
pager=$!
as "$ADM" - sh -c "$BIN audit --limit 0 >$TMP/pager" &
reader=$!
sleep 1
blocked=$(growth)
echo "# file growth for 300 saves: $base bytes alone, $blocked with a blocked reader"
check "a reader blocked on its output does not make the file grow ($blocked vs $base bytes)" \
    test "$blocked" -le $((base + 16 * 4096))
"$BIN" doctor --age 0 >"$TMP/out" 2>&1
said "ogpo doctor sees no one holding an old snapshot" \
    "no one has held an old snapshot"
kill "$pager" "$reader" 2>/dev/null
pkill -u "$ADM" -x ogpo
# An export to a file whose temporary name is a FIFO no one reads.
H=$TMP/home/$NO
as "$NO" - sh -c "mkfifo $H/o.csv.tmp"
sleep 600 <"$H/o.csv.tmp" &
pager=$!
as "$NO" - sh -c "$BIN export officers -o $H/o.csv" &
reader=$!
sleep 1
blocked=$(growth)
check "an export blocked on its file does not make the file grow ($blocked vs $base bytes)" \
    test "$blocked" -le $((base + 16 * 4096))
kill "$pager" "$reader" 2>/dev/null
pkill -u "$NO" -x ogpo
mkfifo "$TMP/hold"
"$HOLD" -r "$STATE" <"$TMP/hold" >"$TMP/held" &
sleep 1000 >"$TMP/hold" &
keep=$!
i=0
while [ $i -lt 100 ] && ! grep -q open "$TMP/held"; do
	sleep 0.05; i=$((i + 1))
done
save 5
sleep 2
"$BIN" doctor --age 1 >"$TMP/out" 2>&1
said "a snapshot held for seconds is named by ogpo doctor --age 1" \
    "has read a snapshot 5 changes old for at least"
said "with how to end it" "kill "
kill "$keep"
wait 2>/dev/null

# --- the map ------------------------------------------------------------
# A file said to be 15 TB (sparse): LMDB would have been asked for a map
# that large, failed, and left the next transaction without one.
remember
as "$ADM" - sh -c "truncate -s 15T $TMP/home/$ADM/sparse.csv && \
    $BIN import officers $TMP/home/$ADM/sparse.csv"
check "an import of a 15 TB file fails, not crashes (status $rc)" \
    test "$rc" -eq 1
said "saying why and what to do" "split it into smaller files"
intact "a 15 TB input"
rows 200000 "$TMP/piped.csv"
sed -i 's/bulk/piped/' "$TMP/piped.csv"
as "$ADM" - sh -c "cat $TMP/piped.csv | $BIN import officers /dev/stdin"
check "an import from a pipe survives the map growing" test "$rc" -eq 0
said "all of it" "added 200000"
# --- FIFOs -------------------------------------------------------------
mkfifo -m 666 "$TMP/fifo"
as "$NO" - sh -c "$BIN import officers $TMP/fifo --dry-run" &
dry=$!
sleep 0.5
if save 3 4; then ok "a dry run (no role) waiting on a FIFO holds up no save"
else not_ok "a dry run (no role) waiting on a FIFO holds up no save"; fi
kill "$dry" 2>/dev/null
pkill -u "$NO" -x ogpo
wait "$dry" 2>/dev/null

rows 50 "$TMP/fifty.csv"
as "$ED" - sh -c "$BIN import officers $TMP/fifo >$TMP/home/$ED/fifo.out \
    2>&1; echo \$? >$TMP/home/$ED/fifo.status" &
imp=$!
(head -c 60 "$TMP/fifty.csv"; sleep 8; tail -c +61 "$TMP/fifty.csv") \
    >"$TMP/fifo" &
feeder=$!
sleep 0.5
if save 3 4; then ok "an import reading a slow pipe holds up no save"
else not_ok "an import reading a slow pipe holds up no save"; fi
wait "$feeder"
wait "$imp"
if [ "$(cat "$TMP/home/$ED/fifo.status")" = 0 ]; then
	ok "and the import lands when its input has come"
else
	not_ok "and the import lands when its input has come"
	sed 's/^/#   /' "$TMP/home/$ED/fifo.out"
fi
as "$ADM" list officers --agency MOI --tsv
check "with its fifty officers" test "$(grep -c 'bulk' "$TMP/out")" -eq 50

# --- Ctrl-Z during an import -------------------------------------------
# writing USER: wait until USER's ogpo holds the database for writing;
# its pid in $held ("" if that was not seen within 8 s).
writing() {
	held= i=0
	while [ $i -lt 400 ] && [ -z "$held" ]; do
		pid=$(pgrep -o -u "$1" -x ogpo)
		"$BIN" doctor >"$TMP/doc" 2>&1
		[ -n "$pid" ] && grep "(process $pid," "$TMP/doc" |
		    grep -q "is writing\|for writing" && held=$pid
		[ -n "$held" ] || sleep 0.02
		i=$((i + 1))
	done
}
# (The admin's import: anyone else's is first looked at in a snapshot,
# for as long as a dry run of it takes, before it writes.)
rows 150000 "$TMP/big.csv"
as "$ADM" - sh -c "$BIN import officers $TMP/big.csv" &
imp=$!
writing "$ADM"
if [ -n "$held" ]; then
	kill -TSTP "$held"
	# (The import goes on writing, Ctrl-Z held off until it commits: a
	# save waits for that commit, seconds on a loaded machine; a
	# stopped writer would hold it for ever.)
	if save 3 20; then
		ok "Ctrl-Z (SIGTSTP) while an import writes holds up no save"
	else
		not_ok "Ctrl-Z (SIGTSTP) while an import writes holds up no save"
	fi
	# (Whether it then stops depends on its process group: the kernel
	# drops Ctrl-Z for an orphaned one. The saves are what counts.)
	kill -CONT "$held" 2>/dev/null
else
	not_ok "an import seen writing, to press Ctrl-Z on"
fi
wait "$imp"
check "and the import, let go on, lands" test $? -eq 0

# --- a login with no role never holds the writer's lock ----------------
# Its refusal is found in a snapshot, before the lock; so stopping it at
# once holds up no one (an undo of a large import took seconds to refuse).
as "$NO" - sh -c "$BIN import undo & sleep 0.2; kill -STOP \$! 2>/dev/null; \
    sleep 6; kill -CONT \$! 2>/dev/null" &
stopper=$!
sleep 0.5
if save 2 4; then ok "a refused undo by a login with no role, stopped, holds up no save"
else not_ok "a refused undo by a login with no role, stopped, holds up no save"; fi
wait "$stopper"
check "the dry run's private layer has no name anyone could open" \
    sh -c "! ls -d /tmp/ogpo-dry.* >/dev/null 2>&1"

# --- nor does an editor's undo refused --------------------------------
# The admin's import of MOTC's officers lies outside the editor's scope;
# the refusal, found record by record, is found in a snapshot as well,
# so stopping it (or asking again and again) holds up no one.
awk 'BEGIN { print "name,agency_code,role,email";
    for (i = 1; i <= 200000; i++)
	printf "交通%d,MOTC,member,motc%d@motc.gov.tw\n", i, i }' \
    >"$TMP/home/$ADM/motc.csv"
chmod 644 "$TMP/home/$ADM/motc.csv"
as "$ADM" import officers "$TMP/home/$ADM/motc.csv"
check "the admin imports 200,000 officers of MOTC" test "$rc" -eq 0
last=$("$BIN" audit --limit 1 --tsv --login "$ADM" 2>/dev/null | awk -F '\t' \
    'NR == 2 { print $1 - 1 }')
as "$ED" undo "$last" --dry-run
check "the editor may not take it back (change $last)" test "$rc" -ne 0
said "it lies outside the editor's scope" "of 交通部 is outside that"
as "$ED" - sh -c "$BIN undo $last & sleep 0.3; kill -STOP \$! 2>/dev/null; \
    sleep 6; kill -CONT \$! 2>/dev/null; wait" &
stopper=$!
sleep 0.5
if save 2 4; then ok "an editor's refused undo, stopped, holds up no save"
else not_ok "an editor's refused undo, stopped, holds up no save"; fi
wait "$stopper"

# --- nor an editor's import refused, or one that changes nothing -------
# Its rows are judged against the editor's scope in a snapshot first: a
# file whose last row lies outside it was refused only after every row
# before had been looked at with the writer's lock held, as often as the
# editor liked, and stopping it there held every save up.
rows 400000 "$TMP/refused.csv"
sed -i 's/bulk/refused/' "$TMP/refused.csv"
echo "越權,MOTC,po,outside@motc.gov.tw,02-2349-2000" >>"$TMP/refused.csv"
# stopped USER FILE: USER imports FILE, stopped a second in; 0 if the
# admin's saves go through meanwhile.
stopped() {
	as "$1" - sh -c "$BIN import officers $2 & sleep 1; \
	    kill -STOP \$! 2>/dev/null; sleep 6; kill -CONT \$! 2>/dev/null; \
	    wait \$!; echo \$? >$TMP/home/$1/status" &
	stopper=$!
	sleep 1.5
	save 2 4
	saved=$?
	wait "$stopper"
	return $saved
}
if stopped "$ED" "$TMP/refused.csv"; then
	ok "an editor's import refused on its last row, stopped, holds up no save"
else
	not_ok "an editor's import refused on its last row, stopped, holds up no save"
fi
check "and it is refused all the same" test "$(cat "$TMP/home/$ED/status")" -ne 0
as "$ADM" list officers --agency MOI --tsv
check "with none of its rows written" test "$(grep -c refused "$TMP/out")" -eq 0

# --- a writer stopped while it holds the database -------------------------
rows 300000 "$TMP/bigger.csv"
sed -i 's/bulk/more/' "$TMP/bigger.csv"
as "$ADM" - sh -c "$BIN import officers $TMP/bigger.csv" &
imp=$!
writing "$ADM"
[ -n "$held" ] && kill -STOP "$held"
if [ -n "$held" ]; then
	ok "an import is stopped (kill -STOP) while it holds the database"
	start=$(date +%s)
	as "$ADM" - timeout 60 "$BIN" set agency 1 note=stopped
	took=$(($(date +%s) - start))
	check "a save is not waited on for ever: it gives up" test "$rc" -eq 1
	check "within seconds ($took s)" test "$took" -lt 30
	said "naming the holder" "$ADM's ogpo (process $held"
	said "and that it is stopped" "is stopped"
	"$BIN" doctor >"$TMP/out" 2>&1
	said "ogpo doctor names it too" "$ADM's ogpo (process $held"
	"$BIN" who >"$TMP/out" 2>&1
	said "and ogpo who" "has held the database for writing"
	kill -CONT "$held"
else
	not_ok "an import is stopped (kill -STOP) while it holds the database"
fi
wait "$imp"
check "the stopped import, let go on, lands" test $? -eq 0
"$BIN" verify >/dev/null 2>&1
check "the database verifies" test $? -eq 0
# The same file again changes nothing: found so in a snapshot, too.
if stopped "$ED" "$TMP/bigger.csv"; then
	ok "an editor's import that changes nothing, stopped, holds up no save"
else
	not_ok "an editor's import that changes nothing, stopped, holds up no save"
fi
check "and it says so" test "$(cat "$TMP/home/$ED/status")" -eq 0
