#!/bin/sh
# test_diskfull.sh — a disk that fills up during an import: a clean error
# naming the disk, the database unchanged and consistent, and the same
# file importing once there is room. Needs to mount a small tmpfs (root);
# says so and passes over it otherwise.
. tests/lib.sh

mnt=$TMP/small
mkdir -p "$mnt"
if ! mount -t tmpfs -o size=100m tmpfs "$mnt" 2>/dev/null; then
	echo "ok - # SKIP cannot mount a tmpfs here (not root?)"
	exit 0
fi
trap 'umount "$mnt" 2>/dev/null; test_cleanup' EXIT

"$OGPO" --db "$mnt/db" init --demo >/dev/null
before=$("$OGPO" --db "$mnt/db" list officers --tsv | md5sum)
awk 'BEGIN {
	print "姓名,機關代碼,角色,電子郵件,備註"
	for (i = 1; i <= 200000; i++)
		printf "王%d,MOI,聯絡人,full%d@example.gov.tw,%s\n", i, i,
		    "一段相當長的備註，讓每一列都佔掉一些空間，好把磁碟填滿。"
}' >"$TMP/big.csv"

"$OGPO" --db "$mnt/db" import officers "$TMP/big.csv" >"$TMP/out" \
    2>"$TMP/err"
rc=$?
check "the import fails (exit $rc)" test "$rc" -eq 1
contains "it says the disk is full" "$TMP/err" "is full"
contains "and that nothing was written" "$TMP/err" "nothing was written"
after=$("$OGPO" --db "$mnt/db" list officers --tsv | md5sum)
check "the officers are as they were" test "$before" = "$after"
check "the database is consistent" \
    sh -c "'$OGPO' --db '$mnt/db' verify >/dev/null"

# With room, the same file goes in whole.
umount "$mnt"
mount -t tmpfs -o size=1g tmpfs "$mnt"
"$OGPO" --db "$mnt/db" init --demo >/dev/null
"$OGPO" --db "$mnt/db" import officers "$TMP/big.csv" >"$TMP/out" 2>&1
contains "with room it imports" "$TMP/out" "added 200000"
