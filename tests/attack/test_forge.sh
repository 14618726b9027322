#!/bin/sh
# test_forge.sh — no account passes itself off as another. The login
# ogpo acts as, and writes into the audit trail, is the one the kernel
# says the process runs as, never one the environment names: an editor
# who sets USER, LOGNAME, SUDO_USER and LOGIN to the admin's login still
# may do only what an editor may, and what it does is recorded as its
# own; the admin's records stay the admin's.
. "$(dirname "$0")/attack-lib.sh"

FORGE="USER=$ADM LOGNAME=$ADM SUDO_USER=$ADM LOGIN=$ADM USERNAME=$ADM"

"$BIN" list agencies --tsv >"$TMP/agencies"
agency_id() { awk -F'\t' -v c="$1" '$5 == c { print $1 }' "$TMP/agencies"; }
MOI=$(agency_id MOI)
MOTC=$(agency_id MOTC)

AS_ENV=$FORGE as "$ED" user
said "the editor, naming the admin in its environment, is told its own role" \
    "You are $ED: an editor"
lacks "and not the admin's" "$TMP/out" "an admin"

remember
AS_ENV=$FORGE as "$ED" user add "$NO" --role admin
check "it cannot make another login an admin (status $rc)" test "$rc" -ne 0
intact "a user added under a forged login"

AS_ENV=$FORGE as "$ED" set agency "$MOI" "note=forged $$"
check "what it may do, it does (status $rc)" test "$rc" -eq 0
as "$ADM" audit --tsv --limit 1
contains "and the trail says it was the editor" "$TMP/out" "$ED"
lacks "not the admin" "$TMP/out" "	$ADM	"

# Nor is the admin's last change the editor's to take back as its own.
as "$ADM" set agency "$MOTC" "note=the admin's $$"
AS_ENV=$FORGE as "$ED" undo
check "the editor's undo under the admin's name takes back its own change" \
    test "$rc" -eq 0
as "$ADM" list agencies --tsv
contains "the admin's change stands" "$TMP/out" "the admin's $$"
lacks "the editor's own is gone" "$TMP/out" "forged $$"
