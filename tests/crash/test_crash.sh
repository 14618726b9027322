#!/bin/sh
# test_crash.sh — kill -9 at random moments, ROUNDS times (default 50):
# odd rounds kill a loop of command-line writes (a note set, an officer
# added and one deleted, a small import of 20 officers), even rounds an
# `ogpo import officers` of ROWS rows (default 50,000; every other one
# near its end, around the commit). After each kill:
#
# - verify passes;
# - the database holds only whole transactions: every record the audit
#   records since the round began touched is as the last of them says
#   (gone after a deletion), every other record is as it was
#   (replay-check.awk); the big import is in whole or not at all, each
#   small one has all of its 20 rows or none;
# - the next start of ogpo leaves no reader slot of a dead process in
#   LMDB's reader table (mdb_stat -r; not -rr, which would clear them
#   itself).
#
# Once, first: a reader killed in the middle of a listing leaves its slot,
# and the next ogpo start clears it. Throughout, another process keeps
# the database open (tests/tools/hold), as the idle ogpo of another user
# does on a shared server: LMDB resets the reader table of an
# environment that a process opens alone, which would hide stale slots.
#
# A round whose big import finished undoes it, so each import round
# starts from the same database.
#
#   OGPO=./ogpo sh tests/crash/test_crash.sh                 (make stress)
#   ROUNDS=6 ROWS=5000 OGPO=build/asan/ogpo sh tests/crash/test_crash.sh
#
# tests/cli/test_crash.sh runs a few rounds in make test.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../lib.sh"

unset OGPO_DB
DB=$TMP/db
ROUNDS=${ROUNDS:-50}
ROWS=${ROWS:-50000}
AUDIT_TSV=${AUDIT_TSV:-$HERE/../../build/tools/audit-tsv}
HOLD=${HOLD:-$HERE/../../build/tools/hold}
KINDS="agency officer meeting issue"

officers() {
	"$OGPO" --db "$DB" list officers --tsv | awk 'END { print NR - 1 }'
}

# The emails of the officers, one a line.
emails() {
	"$OGPO" --db "$DB" list officers --tsv |
	    awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++)
		if ($i == "email") c = i; next } { print $c }'
}

verifies() { "$OGPO" --db "$DB" verify >"$TMP/verify" 2>&1; }

# The seq of the last audit record.
last_seq() { "$AUDIT_TSV" "$DB" "${1:-0}" | tail -1 | cut -f1; }

snapshot() {
	for k in $KINDS; do
		case $k in agency) l=agencies ;; *) l=${k}s ;; esac
		"$OGPO" --db "$DB" list $l --tsv >"$TMP/$1.$k"
	done
}

# The pids in LMDB's reader table.
readers() {
	mdb_stat -r "$DB" | awk '$1 ~ /^[0-9]+$/ && $2 ~ /^[0-9a-f]+$/ {
	    print $1 }'
}

# Milliseconds since the epoch (GNU date).
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# A random number from 0 to $1 - 1.
random() {
	echo $(( $(od -An -N4 -tu4 /dev/urandom | tr -d ' ') % $1 ))
}

# Sleep $1 milliseconds: how long a process lives before it is killed.
sleep_ms() { sleep "$(awk -v ms="$1" 'BEGIN { printf "%.3f", ms / 1000 }')"; }

# poll SECONDS COMMAND...: 0 once COMMAND succeeds, 1 at the deadline.
poll() {
	_end=$(( $(now_ms) + $1 * 1000 ))
	shift
	until "$@"; do
		[ "$(now_ms)" -lt "$_end" ] || return 1
		sleep 0.02
	done
}

# stopped PID: PID has stopped (or is gone).
stopped() {
	case $(ps -o stat= -p "$1") in T*|Z*|'') return 0 ;; esac
	return 1
}

# killtree PID: SIGKILL to PID and everything it started. Each is stopped
# first, and its children are listed only once it has: SIGSTOP takes
# effect a moment after kill returns, and a child forked in that moment
# would be missed and go on writing.
killtree() {
	kill -STOP "$1" 2>/dev/null
	poll 5 stopped "$1"
	for _c in $(pgrep -P "$1"); do
		killtree "$_c"
	done
	kill -9 "$1" 2>/dev/null
}

# Every pid in the reader table is a live process.
readers_alive() {
	for _p in $(readers); do
		kill -0 "$_p" 2>/dev/null || return 1
	done
}

for t in "$AUDIT_TSV" "$HOLD"; do
	[ -x "$t" ] || { not_ok "no $t (make $t)"; exit 1; }
done
command -v mdb_stat >/dev/null || { not_ok "no mdb_stat (lmdb-utils)"; exit 1; }
"$OGPO" --db "$DB" init --demo >/dev/null 2>&1 || {
	not_ok "init --demo"; exit 1; }

# The holder keeps the database open until fd 4 closes.
mkfifo "$TMP/hold"
"$HOLD" "$DB" <"$TMP/hold" >"$TMP/hold.out" 2>&1 &
holder=$!
exec 4>"$TMP/hold"
trap 'exec 4>&-; wait $holder; test_cleanup' EXIT
poll_hold() { grep -q open "$TMP/hold.out"; }
base=$(officers)
moi=$("$OGPO" --db "$DB" list agencies --tsv |
    awk -F '\t' '$5 == "MOI" { print $1 }')

awk -v n="$ROWS" 'BEGIN {
	print "name,email,agency_code,title,note"
	for (i = 1; i <= n; i++)
		printf "壓測%d,crash%d@ex.gov.tw,MOI,科員,第%d列\n", i, i, i
}' >"$TMP/big.csv"

# Once whole, to know how long an import takes.
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
[ "$dur" -gt 0 ] || dur=1
poll 10 poll_hold || { not_ok "the holder opens the database"; exit 1; }

# --- a reader killed while it holds a snapshot ----------------------------
# A listing no longer waits on its output inside its read transaction
# (its output is kept aside), so a process holding a snapshot is made to
# order: a second holder with a read transaction open, killed with -9.
mkfifo "$TMP/fifo"
"$HOLD" -r "$DB" <"$TMP/fifo" >"$TMP/reader.out" 2>&1 &
lister=$!
exec 3>"$TMP/fifo"		# kept open: the reader waits on it
has_lister() { readers | grep -qx "$lister"; }
poll_reader() { grep -q open "$TMP/reader.out"; }
if poll 10 poll_reader && has_lister; then
	ok "a reader holds reader slot $lister"
	kill -9 "$lister"
	wait "$lister" 2>/dev/null
	check "the killed reader's slot stays behind" has_lister
	"$OGPO" --db "$DB" list agencies >/dev/null 2>&1
	if has_lister; then
		not_ok "the next ogpo start clears the dead reader's slot"
		mdb_stat -r "$DB" | sed 's/^/#   /'
	else
		ok "the next ogpo start clears the dead reader's slot"
	fi
else
	not_ok "a reader holds reader slot $lister"
	mdb_stat -r "$DB" | sed 's/^/#   /'
	kill -9 "$lister" 2>/dev/null
fi
exec 3>&-
rm -f "$TMP/fifo"

"$OGPO" --db "$DB" import undo >/dev/null 2>&1
check "undone: back to $base officers" [ "$(officers)" -eq "$base" ]

# --- the writer loop ----------------------------------------------------------
# Round R, step I: lines "start I" and "end I STATUS" around each command
# in $TMP/loop, so the log says where the kill fell.
cat >"$TMP/loop.sh" <<'EOT'
ogpo=$1 db=$2 r=$3 tmp=$4 moi=$5
i=0
prev=
while :; do
	i=$((i + 1))
	echo "start $i" >>"$tmp/loop"
	case $((i % 4)) in
	1)	"$ogpo" --db "$db" set agency "$moi" note="crash $r-$i" ;;
	2)	out=$("$ogpo" --db "$db" add officer name="崩$r-$i" \
		    agency=MOI role=member email="loop$r-$i@ex.gov.tw")
		rc=$?
		new=${out#Added officer #}
		echo "end $i $rc" >>"$tmp/loop"
		[ -n "$prev" ] && {
			i=$((i + 1))
			echo "start $i" >>"$tmp/loop"
			"$ogpo" --db "$db" delete officer "$prev"
		}
		prev=${new%% *}
		;;
	*)	awk -v t="$r-$i" 'BEGIN { print "name,email,agency_code"
		    for (j = 1; j <= 20; j++)
			printf "小%s-%d,small%s-%d@ex.gov.tw,MOI\n", t, j, t, j
		    }' >"$tmp/small.csv"
		"$ogpo" --db "$db" import officers "$tmp/small.csv" ;;
	esac
	echo "end $i $?" >>"$tmp/loop"
done
EOT

round=1
finished=0
midwrite=0
while [ "$round" -le "$ROUNDS" ]; do
	snapshot before
	from=$(last_seq)
	if [ $((round % 2)) -eq 1 ]; then
		kind=writes
		delay=$((20 + $(random 400)))
		: >"$TMP/loop"
		sh "$TMP/loop.sh" "$OGPO" "$DB" "$round" "$TMP" "$moi" \
		    >"$TMP/out" 2>&1 &
	else
		kind=import
		# Anywhere in the import, or near its end, where the commit
		# is (up to half past the measured time, as it varies with
		# the load), so that some finish and some die committing.
		if [ $((round % 4)) -eq 2 ]; then
			delay=$(random $((dur + 1)))
		else
			delay=$((dur * 8 / 10 + $(random $((dur * 7 / 10 + 1)))))
		fi
		"$OGPO" --db "$DB" import officers "$TMP/big.csv" \
		    >"$TMP/out" 2>&1 &
	fi
	pid=$!
	sleep_ms "$delay"
	killtree "$pid"		# the loop and the ogpo it is running
	wait "$pid" 2>/dev/null
	what="round $round: SIGKILL to the $kind after $delay ms"
	if [ $kind = writes ]; then
		last=$(tail -1 "$TMP/loop")
		case $last in start*) midwrite=$((midwrite + 1))
			what="$what, during write ${last#start }" ;;
		*) what="$what, between writes" ;; esac
	fi

	# The first start after the kill: no dead reader is left.
	if verifies; then
		ok "$what: verify passes"
	else
		not_ok "$what: verify passes"
		sed 's/^/#   /' "$TMP/verify" | head
	fi
	if readers_alive; then
		ok "round $round: no dead process in the reader table"
	else
		not_ok "round $round: no dead process in the reader table"
		mdb_stat -r "$DB" | sed 's/^/#   /'
	fi

	snapshot after
	"$AUDIT_TSV" "$DB" "$from" >"$TMP/audit"
	if awk -f "$HERE/replay-check.awk" "$TMP"/before.* "$TMP"/after.* \
	    "$TMP/audit" >"$TMP/replay"; then
		ok "round $round: records and audit trail agree ($(wc -l \
		    <"$TMP/audit") audit records)"
	else
		not_ok "round $round: records and audit trail agree"
		sed 's/^/#   /' "$TMP/replay"
	fi

	n=$(officers)
	if [ $kind = import ]; then
		if [ "$n" -eq "$base" ]; then
			check "round $round: the import is not in" true
		elif [ "$n" -eq $((base + ROWS)) ]; then
			check "round $round: the import is in whole" true
			finished=$((finished + 1))
			"$OGPO" --db "$DB" import undo >/dev/null 2>&1
			check "round $round: the finished import undone" \
			    [ "$(officers)" -eq "$base" ]
		else
			not_ok "round $round: $((n - base)) of $ROWS rows imported"
			break	# the database is not what the next rounds need
		fi
	else
		failed=$(grep -v '^end [0-9]* 0$' "$TMP/loop" | grep '^end')
		check "round $round: every write before the kill succeeded" \
		    [ -z "$failed" ]
		[ -z "$failed" ] || { echo "$failed" | head -3 |
		    sed 's/^/#   /'; sed 's/^/#   /' "$TMP/out" | head -5; }
		# Each small import: 20 rows or none.
		bad=$(emails | sed -n 's/^small\(.*\)-[0-9]*@ex.gov.tw$/\1/p' |
		    sort | uniq -c | awk '$1 != 20')
		check "round $round: each small import is in whole ($bad)" \
		    [ -z "$bad" ]
	fi
	if grep -qE '(Address|Leak|UndefinedBehavior)Sanitizer|runtime error:' \
	    "$TMP/out"; then
		not_ok "round $round: no sanitizer report"
		sed 's/^/#   /' "$TMP/out" | head -20
	fi
	base=$(officers)
	round=$((round + 1))
done

echo "# $finished big imports finished before the kill;" \
    "$midwrite of the loop's kills fell during a write"
check "at the end: verify passes" verifies
[ "$failures" -eq 0 ]
