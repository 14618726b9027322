#!/bin/sh
# test_concurrent.sh — writers at once: WORKERS processes (default 4) each
# make WRITES random writes (default 10000) through the command line
# against one database — adding, changing and deleting agencies,
# officers, meetings and issues of their own, all setting the notes of
# the same three records, racing each other to add agencies with the same
# codes, and now and then a write that must be refused. Each logs every
# write and its exit status (concurrent-worker.awk). Afterwards
# (concurrent-check.awk): every failure was reported and every success
# was, each writer's records are exactly what replaying its successful
# writes gives, a shared record holds one of the notes written to it and
# its version counts every write, nothing else changed, the audit trail
# holds exactly the successful writes, and verify passes.
#
#   OGPO=./ogpo sh tests/crash/test_concurrent.sh     (make stress)
#   WRITES=300 OGPO=build/asan/ogpo sh tests/crash/test_concurrent.sh
#
# tests/cli/test_concurrent.sh runs it with fewer writes in make test.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../lib.sh"

unset OGPO_DB
DB=$TMP/db
WORKERS=${WORKERS:-4}
WRITES=${WRITES:-10000}
AUDIT_TSV=${AUDIT_TSV:-$HERE/../../build/tools/audit-tsv}
KINDS="agency officer meeting issue"

listing() {
	case $1 in
	agency) echo agencies ;;
	*) echo "${1}s" ;;
	esac
}

snapshot() {
	for k in $KINDS; do
		"$OGPO" --db "$DB" list "$(listing $k)" --tsv >"$TMP/$1.$k" ||
		    { not_ok "list $(listing $k) ($1)"; exit 1; }
	done
}

[ -x "$AUDIT_TSV" ] || { not_ok "no $AUDIT_TSV (make build/tools/audit-tsv)"
	exit 1; }
"$OGPO" --db "$DB" init --demo >/dev/null 2>&1 || {
	not_ok "init --demo"; exit 1; }
moi=$(awk -F '\t' '$5 == "MOI" { print $1 }' <<EOT
$("$OGPO" --db "$DB" list agencies --tsv)
EOT
)
snapshot before
from=$("$AUDIT_TSV" "$DB" | tail -1 | cut -f1)

t0=$(date +%s)
pids=
p=1
while [ $p -le "$WORKERS" ]; do
	awk -v p=$p -v n="$WRITES" -v ogpo="$OGPO" -v db="$DB" -v moi="$moi" \
	    -v tmp="$TMP" -v seed="$(od -An -N4 -tu4 /dev/urandom)" \
	    -f "$HERE/concurrent-worker.awk" >"$TMP/w$p.log" &
	pids="$pids $!"
	p=$((p + 1))
done
for pid in $pids; do
	wait "$pid" || not_ok "writer $pid exited $?"
done
echo "# $WORKERS writers x $WRITES writes in $(( $(date +%s) - t0 )) s"
check "every writer logged every write" \
    [ "$(cat "$TMP"/w*.log | wc -l)" -eq $((WORKERS * WRITES)) ]

snapshot after
"$AUDIT_TSV" "$DB" "$from" >"$TMP/audit" ||
    not_ok "the audit trail reads back"
awk -v shared="agency:$moi officer:1 issue:1" -v login="$(id -un)" \
    -f "$HERE/concurrent-check.awk" \
    "$TMP"/before.agency "$TMP"/before.officer "$TMP"/before.meeting \
    "$TMP"/before.issue "$TMP"/w*.log "$TMP"/after.agency \
    "$TMP"/after.officer "$TMP"/after.meeting "$TMP"/after.issue \
    "$TMP/audit" >"$TMP/verdict"
cat "$TMP/verdict"
failures=$((failures + $(grep -c '^not ok' "$TMP/verdict")))
[ "$(grep -cE '^(not )?ok' "$TMP/verdict")" -eq 6 ] ||
    not_ok "the checker gave its six verdicts"

"$OGPO" --db "$DB" verify >"$TMP/verify" 2>&1
rc=$?
check "verify passes (exit $rc)" [ "$rc" -eq 0 ]
[ "$rc" -eq 0 ] || sed 's/^/#   /' "$TMP/verify" | head
if grep -qE '(Address|Leak|UndefinedBehavior)Sanitizer|runtime error:' \
    "$TMP"/w*.log; then
	not_ok "no sanitizer report"
	grep -hE 'Sanitizer|runtime error:' "$TMP"/w*.log | head -5 |
	    sed 's/^/#   /'
else
	ok "no sanitizer report"
fi
[ "$failures" -eq 0 ]
