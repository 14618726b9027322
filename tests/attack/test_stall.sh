#!/bin/sh
# test_stall.sh — no account holds up the others by stopping its ogpo
# inside LMDB's own locks. LMDB takes two of its own, without a timeout:
# the mutex of its table of readers, which every snapshot takes as it
# begins, and the exclusive lock of the first process to open the
# database. Any account may stop a process of its own (kill -STOP, a
# set-group-id one included) at any instant; one stopped holding either
# left every other ogpo, root's and ogpo doctor included, hanging there
# without a word until root found it and ended it. Now each waits for it
# as for a stopped writer, then gives up with a sentence naming the
# process and what root runs; ogpo doctor says the same. The process is
# stopped there by build/tools/stall, deterministically, rather than
# caught there by chance.
. "$(dirname "$0")/attack-lib.sh"

HOLD=$(pwd)/build/tools/hold
STALL=$(pwd)/build/tools/stall
[ -x "$STALL" ] && [ -x "$HOLD" ] ||
    { not_ok "build/tools/stall and hold (make them)"; exit 1; }

# saw FILE TEXT: 0 once FILE holds TEXT (within 10 s).
saw() {
	i=0
	while ! grep -qF -- "$2" "$1" 2>/dev/null; do
		[ $i -lt 100 ] || return 1
		sleep 0.1
		i=$((i + 1))
	done
}

# --- the readers' mutex ---------------------------------------------------
# Someone has the database open (else the next to open it would set the
# lock file up afresh, mutex and all).
mkfifo "$TMP/keep"
"$HOLD" "$STATE" <"$TMP/keep" >"$TMP/hold.out" 2>&1 &
exec 7>"$TMP/keep"
check "someone has the database open" saw "$TMP/hold.out" open
"$STALL" "$STATE" >"$TMP/stall.out" 2>&1 &
spid=$!
check "a process stops holding the readers' mutex ($spid)" \
    saw "$TMP/stall.out" stopped
for who in $ED $NO $ADM; do
	as "$who" - timeout 20 "$BIN" list agencies
	check "$who: ogpo list is not held up for ever" test "$rc" -ne 124
	check "$who: it gives up" test "$rc" -ne 0
	said "$who: naming the process" "process $spid was stopped while it took a place in the database's table of readers"
	said "$who: and what root runs" "(as root: kill -9 $spid)"
done
timeout 20 "$BIN" doctor >"$TMP/out" 2>&1
rc=$?
check "ogpo doctor is not held up for ever" test "$rc" -ne 124
said "and names the process" "process $spid was stopped"
kill -9 "$spid"
wait "$spid" 2>/dev/null
as "$ED" list agencies
check "ended, the editor reads again" test "$rc" -eq 0
as "$ADM" set agency 1 "note=stall $$"
check "and the admin saves" test "$rc" -eq 0
exec 7>&-
wait

# --- the first open -------------------------------------------------------
"$STALL" -o "$STATE" >"$TMP/stall.out" 2>&1 &
spid=$!
check "a process stops as it opens the database first ($spid)" \
    saw "$TMP/stall.out" stopped
as "$VW" - timeout 20 "$BIN" list agencies
check "the viewer's ogpo is not held up for ever" test "$rc" -ne 124
check "it gives up" test "$rc" -ne 0
said "naming the process" "process $spid was stopped while it opened the database"
said "and what root runs" "(as root: kill -9 $spid)"
kill -9 "$spid"
wait "$spid" 2>/dev/null
as "$VW" list agencies
check "ended, the viewer reads again" test "$rc" -eq 0
