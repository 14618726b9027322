#!/bin/sh
# test_open_during_import.sh — others open the database while a large
# import runs (the list, the full-screen program, verify): the import
# finishes whole and the database is consistent. (With a writable map the
# file was once cut to the size the newcomer believed in, killing the
# import with SIGBUS.)
. tests/lib.sh

DB=$TMP/db
"$OGPO" --db "$DB" init --demo >/dev/null
awk 'BEGIN {
	print "姓名,機關代碼,角色,電子郵件"
	for (i = 1; i <= 300000; i++)
		printf "王%d,MOI,聯絡人,open%d@example.gov.tw\n", i, i
}' >"$TMP/big.csv"
before=$("$OGPO" --db "$DB" list officers --tsv | wc -l)
"$OGPO" --db "$DB" import officers "$TMP/big.csv" >"$TMP/out" 2>&1 &
pid=$!
for i in 1 2 3 4 5 6 7 8 9 10; do
	sleep 0.2
	"$OGPO" --db "$DB" list agencies >/dev/null 2>&1
	"$OGPO" --db "$DB" check >/dev/null 2>&1
done
wait $pid
rc=$?
check "the import finishes (exit $rc)" test "$rc" -eq 0
contains "whole" "$TMP/out" "added 300000"
after=$("$OGPO" --db "$DB" list officers --tsv | wc -l)
check "every row is there" test "$after" -eq $((before + 300000))
check "the database is consistent" \
    sh -c "'$OGPO' --db '$DB' verify >/dev/null"
