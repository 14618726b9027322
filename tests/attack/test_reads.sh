#!/bin/sh
# test_reads.sh — what an account may not read through ogpo it does not
# get by another way: the audit trail an admin sees in full, an editor in
# part and a viewer or a login with no role only as far as it is their
# own, is not carried off whole in a copy of the database (ogpo backup);
# an admin's copy holds all of it.
. "$(dirname "$0")/attack-lib.sh"

"$BIN" list officers --agency MOI --tsv >"$TMP/moi"
oid=$(awk -F '\t' 'NR == 2 { print $1 }' "$TMP/moi")
old=$(awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "phone")
    c = i } NR == 2 { print $c }' "$TMP/moi")
check "an officer of MOI with a phone ($oid, $old)" test -n "$oid" -a -n "$old"
# The admin changes the phone: the old number is left in the trail alone.
as "$ADM" set officer "$oid" phone=02-2000-0000
check "the admin changes it" test "$rc" -eq 0
for who in $VW $NO; do
	as "$who" audit --limit 0 --tsv
	lacks "$who: ogpo audit does not show the admin's change" "$TMP/out" \
	    "$old"
done

remember
for who in $VW $NO $ED; do
	H=$TMP/home/$who
	as "$who" backup "$H/copy"
	check "$who (not an admin) may not copy the database" test "$rc" -ne 0
	said "$who: told only an admin may" "only an admin may back up"
	as "$who" - sh -c "cat $H/copy/data.mdb 2>/dev/null | grep -c -a -F '$old'"
	check "$who: the old phone number is in no file of $who's" \
	    test "$(cat "$TMP/out")" = 0
done
intact "backups refused"

as "$ADM" backup "$TMP/home/$ADM/copy"
check "the admin copies it" test "$rc" -eq 0
as "$ADM" --db "$TMP/home/$ADM/copy" verify
check "and the copy verifies" test "$rc" -eq 0
as "$ADM" --db "$TMP/home/$ADM/copy" audit --limit 0 --tsv
said "with the whole trail in it" "$old"
