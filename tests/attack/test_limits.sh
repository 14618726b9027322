#!/bin/sh
# test_limits.sh — no limit an account starts ogpo with lets it write the
# shared database past the writer's lock. Every ogpo that saves first
# takes the lock of the file "writer" beside the database and says there
# who it is: a process stopped as it writes is then named, and the others
# give up on it after five seconds (test_hold.sh). An editor starting
# ogpo with just too few descriptors (ulimit -n, which anyone may lower)
# had the writer's file fail to open, and ogpo saved all the same under
# LMDB's own lock alone, Ctrl-Z not even held off: stopped there, it
# held every other save for ever without a word. Now such a save is
# refused, saying what to raise. Root holds the writer's lock (alone, as
# a saving ogpo does at the start of its write) while the editor tries
# each limit: none may save past it.
. "$(dirname "$0")/attack-lib.sh"

"$BIN" list agencies --tsv >"$TMP/ag"
MOI=$(awk -F'\t' '$5 == "MOI" { print $1 }' "$TMP/ag")
check "MOI's record number ($MOI)" test -n "$MOI"

mkfifo "$TMP/keep"
python3 -c '
import fcntl, sys
f = open(sys.argv[1], "r+b")
fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 0)
print("held", flush=True)
sys.stdin.read()
' "$STATE/writer" <"$TMP/keep" >"$TMP/lock.out" 2>&1 &
exec 7>"$TMP/keep"
i=0
while ! grep -q held "$TMP/lock.out" && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
check "root holds the writer's lock" grep -q held "$TMP/lock.out"

told=0
for n in 5 6 7 8 9 10 11 12; do
	as "$ED" - timeout 3 sh -c "ulimit -n $n && exec $BIN set agency $MOI note=limit$n"
	check "the editor with $n descriptors does not save past the lock" \
	    test "$rc" -ne 0
	grep -q "ulimit -n" "$TMP/err" && told=$n && cp "$TMP/err" "$TMP/told"
done
check "one with too few to open the writer's file is told what to raise ($told)" \
    test "$told" -ne 0
[ "$told" -ne 0 ] && sed 's/^/# /' "$TMP/told"
"$BIN" list agencies --tsv >"$TMP/ag"
lacks "nothing of theirs was written" "$TMP/ag" "limit"

exec 7>&-
wait
as "$ED" - sh -c "ulimit -n 64 && exec $BIN set agency $MOI note=enough"
check "with the lock let go and descriptors enough, the editor saves" \
    test "$rc" -eq 0
"$BIN" verify >/dev/null 2>&1
check "the database verifies" test $? -eq 0
