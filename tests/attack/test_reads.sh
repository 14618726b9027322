#!/bin/sh
# test_reads.sh — what an account may not read through ogpo it does not
# get by another way: the audit trail an admin sees in full, an editor in
# part and a viewer or a login with no role only as far as it is their
# own, is not carried off whole in a copy of the database (ogpo backup);
# an admin's copy holds all of it, and is the admin's alone to read,
# wherever it is made. Past imports (ogpo import list, and the last one
# ogpo import undo takes back) are those the trail shows. A ballot is the
# admins' alone: an editor's refused write does not say what one
# approves, or whose it is.
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
# Into a folder open to all that is there already (its own: 0750).
mkdir -m 755 "$TMP/home/$ADM/backups" && chown "$ADM" "$TMP/home/$ADM/backups"
as "$ADM" backup "$TMP/home/$ADM/backups"
check "the admin copies it into a folder others may read" test "$rc" -eq 0
for who in $VW $NO $ED; do
	as "$who" - sh -c "grep -c -a -F '$old' $TMP/home/$ADM/backups/data.mdb"
	check "$who cannot read that copy (the whole trail)" test "$rc" -ne 0
	said "$who: told so" "Permission denied"
done
as "$ADM" --db "$TMP/home/$ADM/copy" verify
check "and the copy verifies" test "$rc" -eq 0
as "$ADM" --db "$TMP/home/$ADM/copy" audit --limit 0 --tsv
said "with the whole trail in it" "$old"

# --- past imports: ogpo import list shows what the audit trail would ----
printf 'name,agency_code,role,email\n乙,MOI,po,ed-own@moi.gov.tw\n' \
    >"$TMP/home/$ED/ed-own.csv"
chmod 644 "$TMP/home/$ED/ed-own.csv"
as "$ED" import officers "$TMP/home/$ED/ed-own.csv"
check "the editor imports one of its own" test "$rc" -eq 0
printf 'name,agency_code,role,email\n甲,MOTC,po,hidden@motc.gov.tw\n' \
    >"$TMP/home/$ADM/adm-private.csv"
chmod 644 "$TMP/home/$ADM/adm-private.csv"
as "$ADM" import officers "$TMP/home/$ADM/adm-private.csv"
check "the admin imports a file" test "$rc" -eq 0
for who in $VW $NO $ED; do
	as "$who" import list
	lacks "$who: ogpo import list does not show the admin's import" \
	    "$TMP/out" "adm-private.csv"
done
said "the editor sees its own" "ed-own.csv"
# The admin's is the newest; the editor's "the last one" is its own.
as "$ED" import undo
check "the editor's ogpo import undo takes back its own import" \
    test "$rc" -eq 0
as "$ADM" list officers --tsv
contains "and not the admin's" "$TMP/out" "hidden@motc.gov.tw"
lacks "its own is gone" "$TMP/out" "ed-own@moi.gov.tw"
as "$ADM" import list
said "the admin sees every import" "adm-private.csv"

# --- ballots: only the tally is shown, to an editor as to anyone ---------
as "$ADM" add vote date=2026-11-25 title=另一場票選
check "the admin opens a second vote" test "$rc" -eq 0
as "$ADM" vote ballot 1 moi.po2@ogpo.example 1,3
check "and enters a PO's ballot in the first" test "$rc" -eq 0
"$BIN" list officers --tsv | awk -F '\t' '$0 ~ /moi.po2@ogpo.example/ {
    print $1 }' >"$TMP/voter"
remember
as "$ED" add ballot vote=1 "officer=$(cat "$TMP/voter")" choice=2
check "an editor may not add a ballot" test "$rc" -ne 0
lacks "nor learn which ballot is that PO's" "$TMP/err" "already"
for b in 1 2 3 4 5; do
	as "$ED" set ballot "$b" vote=2
	lacks "nor what ballot $b approves, by moving it to another vote" \
	    "$TMP/err" "is not one of vote"
done
said "it is told only an admin enters ballots" "only an admin"
intact "ballots kept secret"
