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

stall_tools || exit 1

# --- the readers' mutex ---------------------------------------------------
stall_readers
readers_stalled $ED $NO $ADM
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
