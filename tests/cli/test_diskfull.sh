#!/bin/sh
# test_diskfull.sh — a disk that fills up during an import: a clean error
# naming the disk, the database unchanged (every listing, the audit trail,
# the list of imports) and consistent, a small write after it either done
# or refused the same way, and the same file importing whole once there
# is room. The disk is a 100 MB tmpfs, which only root can mount: anyone
# else gets a SKIP line saying so, which tests/run.sh counts and names.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../lib.sh"

AUDIT_TSV=${AUDIT_TSV:-$HERE/../../build/tools/audit-tsv}
DB=$TMP/small/db

# The state a person or a script can see: every listing, the import list,
# the last audit record.
state() {
	for l in agencies officers meetings issues; do
		"$OGPO" --db "$DB" list $l --tsv
	done
	"$OGPO" --db "$DB" import list
	"$AUDIT_TSV" "$DB" | tail -1
}

sanitizer_free() {
	if grep -qE '(Address|Leak|UndefinedBehavior)Sanitizer|runtime error:' \
	    "$@"; then
		not_ok "no sanitizer report"
		grep -hE 'Sanitizer|runtime error:' "$@" | head -5 |
		    sed 's/^/#   /'
	fi
}

mnt=$TMP/small
mkdir -p "$mnt"
if [ "$(id -u)" != 0 ]; then
	echo "ok - # SKIP a full disk needs a tmpfs mounted, which needs root"
	exit 0
fi
if ! mount -t tmpfs -o size=100m tmpfs "$mnt" 2>"$TMP/mount"; then
	echo "ok - # SKIP cannot mount a tmpfs: $(head -1 "$TMP/mount")"
	exit 0
fi
trap 'umount "$mnt" 2>/dev/null; test_cleanup' EXIT

"$OGPO" --db "$DB" init --demo >/dev/null
awk 'BEGIN {
	print "姓名,機關代碼,角色,電子郵件,備註"
	for (i = 1; i <= 200000; i++)
		printf "王%d,MOI,聯絡人,full%d@example.gov.tw,%s\n", i, i,
		    "一段相當長的備註，讓每一列都佔掉一些空間，好把磁碟填滿。"
}' >"$TMP/big.csv"
state >"$TMP/before"

"$OGPO" --db "$DB" import officers "$TMP/big.csv" >"$TMP/out" \
    2>"$TMP/err"
rc=$?
check "the import fails (exit $rc)" test "$rc" -eq 1
contains "it says the disk is full" "$TMP/err" "is full"
contains "and that nothing was written" "$TMP/err" "nothing was written"
check "in one line" test "$(wc -l <"$TMP/err")" -eq 1
sanitizer_free "$TMP/err"
state >"$TMP/after"
if cmp -s "$TMP/before" "$TMP/after"; then
	ok "the database is as it was: listings, imports, audit trail"
else
	not_ok "the database is as it was: listings, imports, audit trail"
	diff "$TMP/before" "$TMP/after" | head -5 | sed 's/^/#   /'
fi
check "the database is consistent" \
    sh -c "'$OGPO' --db '$DB' verify >/dev/null"

# A small write on the full disk: done, or refused as the import was.
"$OGPO" --db "$DB" set agency 2 note=滿了 >"$TMP/out" 2>"$TMP/err"
rc=$?
if [ "$rc" -eq 0 ]; then
	check "a small write then goes in" sh -c "'$OGPO' --db '$DB' \
	    list agencies --tsv | grep -q 滿了"
else
	contains "a small write then is refused (exit $rc) as full" \
	    "$TMP/err" "is full"
fi
sanitizer_free "$TMP/err"
check "still consistent" sh -c "'$OGPO' --db '$DB' verify >/dev/null"

# With room, the same file goes in whole.
umount "$mnt"
mount -t tmpfs -o size=1g tmpfs "$mnt"
"$OGPO" --db "$DB" init --demo >/dev/null
"$OGPO" --db "$DB" import officers "$TMP/big.csv" >"$TMP/out" 2>&1
contains "with room it imports" "$TMP/out" "added 200000"

# A dry run writes nothing to the database, but keeps what it would
# change in a temporary file: with no room there, it says where.
sed 's/full\([0-9]*\)@/dry\1@/' "$TMP/big.csv" >"$TMP/dry.csv"
tmp=$TMP/smalltmp
mkdir -p "$tmp"
trap 'umount "$tmp" 2>/dev/null; umount "$mnt" 2>/dev/null; test_cleanup' EXIT
mount -t tmpfs -o size=$(($(wc -c <"$TMP/dry.csv") / 1048576 + 8))m tmpfs \
    "$tmp"
state >"$TMP/before"
TMPDIR=$tmp "$OGPO" --db "$DB" import officers "$TMP/dry.csv" --dry-run \
    >"$TMP/out" 2>"$TMP/err"
rc=$?
check "a dry run with no room for its changes fails (exit $rc)" \
    test "$rc" -eq 1
contains "it names the temporary directory, and what to do" "$TMP/err" \
    "a temporary file in $tmp, and writing there failed, most likely for want of room; free some space in $tmp"
sanitizer_free "$TMP/err"
state >"$TMP/after"
check "the database is as it was" cmp -s "$TMP/before" "$TMP/after"
check "and nothing is left in the temporary directory" \
    test -z "$(ls -A "$tmp")"
umount "$tmp"
