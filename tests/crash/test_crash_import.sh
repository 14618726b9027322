#!/bin/sh
# test_crash_import.sh — an import is all or nothing, even when the
# process dies part-way: 20 times, `ogpo import officers` of 50,000 rows
# is killed with SIGKILL after a random delay (between 0 and the time a
# whole import takes; every other round near its end, around the
# commit), and the database then holds either none or all of the rows,
# and verify passes. A round whose import finished is undone, so
# each round starts from the same database.
#
# Not run by tests/run.sh (it takes a while); run it by hand or from a
# stress target:
#
#   OGPO=./ogpo sh tests/crash/test_crash_import.sh
#   OGPO=build/asan/ogpo sh tests/crash/test_crash_import.sh
#
# ROUNDS (default 20) and ROWS (default 50000) may be set in the
# environment.
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
DB=$TMP/db
ROUNDS=${ROUNDS:-20}
ROWS=${ROWS:-50000}

officers() {
	"$OGPO" --db "$DB" list officers --tsv | awk 'END { print NR - 1 }'
}

verifies() { "$OGPO" --db "$DB" verify >"$TMP/verify" 2>&1; }

# Milliseconds since the epoch (GNU date).
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# A random number from 0 to $1 - 1.
random() {
	echo $(( $(od -An -N4 -tu4 /dev/urandom | tr -d ' ') % $1 ))
}

"$OGPO" --db "$DB" init --demo >/dev/null 2>&1 || {
	not_ok "init --demo"; exit 1; }
base=$(officers)

awk -v n="$ROWS" 'BEGIN {
	print "name,email,agency_code,title,note"
	for (i = 1; i <= n; i++)
		printf "壓測%d,crash%d@ex.gov.tw,MOI,科員,第%d列\n", i, i, i
}' >"$TMP/big.csv"

# Once whole, to know how long an import takes; then back to the start.
t0=$(now_ms)
"$OGPO" --db "$DB" import officers "$TMP/big.csv" >"$TMP/out" 2>&1
rc=$?
dur=$(( $(now_ms) - t0 ))
if [ $rc -eq 0 ] && [ "$(officers)" -eq $((base + ROWS)) ]; then
	ok "a whole import of $ROWS officers takes $dur ms"
else
	not_ok "a whole import of $ROWS officers (exit $rc)"
	sed 's/^/#   /' "$TMP/out" | head
	exit 1
fi
"$OGPO" --db "$DB" import undo >/dev/null 2>&1
check "undone: back to $base officers" [ "$(officers)" -eq "$base" ]
[ "$dur" -gt 0 ] || dur=1

round=1
finished=0
while [ $round -le $ROUNDS ]; do
	# Odd rounds: anywhere in the import. Even rounds: near its end,
	# where the commit is (up to a tenth past the measured time, as
	# the time varies), so that some imports finish and some die
	# committing.
	if [ $((round % 2)) -eq 1 ]; then
		delay=$(random $((dur + 1)))
	else
		delay=$((dur * 8 / 10 + $(random $((dur * 3 / 10 + 1)))))
	fi
	"$OGPO" --db "$DB" import officers "$TMP/big.csv" >"$TMP/out" 2>&1 &
	pid=$!
	sleep "$(awk -v ms="$delay" 'BEGIN { printf "%.3f", ms / 1000 }')"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	rc=$?
	n=$(officers)
	if [ "$n" -eq "$base" ]; then
		what="none imported"
	elif [ "$n" -eq $((base + ROWS)) ]; then
		what="all imported"
	else
		what="$((n - base)) of $ROWS imported"
	fi
	what="round $round: SIGKILL after $delay of $dur ms (exit $rc): $what"
	if [ "$n" -eq "$base" ] || [ "$n" -eq $((base + ROWS)) ]; then
		ok "$what"
	else
		not_ok "$what"
	fi
	if grep -qE '(Address|Leak|UndefinedBehavior)Sanitizer|runtime error:' \
	    "$TMP/out"; then
		not_ok "round $round: no sanitizer report"
		sed 's/^/#   /' "$TMP/out" | head -20
	fi
	if verifies; then
		ok "round $round: verify passes"
	else
		not_ok "round $round: verify passes"
		sed 's/^/#   /' "$TMP/verify" | head
	fi
	if [ "$n" -eq $((base + ROWS)) ]; then
		"$OGPO" --db "$DB" import undo >"$TMP/out" 2>&1
		if [ "$(officers)" -eq "$base" ]; then
			ok "round $round: the finished import undone"
		else
			not_ok "round $round: the finished import undone"
			sed 's/^/#   /' "$TMP/out" | head
		fi
	elif [ "$n" -ne "$base" ]; then
		break	# the database is not what the next round needs
	fi
	[ "$n" -eq $((base + ROWS)) ] && finished=$((finished + 1))
	round=$((round + 1))
done

echo "# $finished of $ROUNDS imports finished before the kill"

check "at the end: $base officers" [ "$(officers)" -eq "$base" ]
check "at the end: verify passes" verifies
[ "$failures" -eq 0 ]
