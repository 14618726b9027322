#!/bin/sh
# test_share.sh — a directory staff share (a department's folder, group
# writable) holds no trap for one account to set for another. An export
# writes FILE whole through FILE.tmp, a name the person never chose: one
# put there first by another account (a link to a file of the exporter's,
# a FIFO) is never written through, nor waited on (the full-screen
# program exports through the same code). An import's rejected rows
# (--rejects FILE, and the name the full-screen program offers beside the
# imported file) are written the same way: a link put at FILE is
# replaced, not written through.
. "$(dirname "$0")/attack-lib.sh"

SH=$TMP/share
groupadd "shr$$" && usermod -aG "shr$$" "$ADM" && usermod -aG "shr$$" "$ED" ||
    { not_ok "a group for the share"; exit 1; }
mkdir -p "$SH" && chgrp "shr$$" "$SH" && chmod 2775 "$SH"
rc_file=$TMP/home/$ADM/.bashrc
echo 'PS1="$ "' >"$rc_file"
chown "$ADM" "$rc_file"
want=$(sha256sum "$rc_file")

# The editor writes a note it would like the admin's shell to run.
"$BIN" list officers --agency MOI --tsv >"$TMP/moi"
oid=$(awk -F '\t' 'NR == 2 { print $1 }' "$TMP/moi")
as "$ED" set officer "$oid" 'note=$(touch /tmp/owned)'
check "the editor writes its note" test "$rc" -eq 0

# --- FILE.tmp a link to the exporter's own file -------------------------
as "$ED" - ln -s "$rc_file" "$SH/officers.csv.tmp"
as "$ADM" export officers -o "$SH/officers.csv"
check "the admin's export to the share lands" test "$rc" -eq 0
check "the admin's file the link named is as it was" \
    test "$(sha256sum "$rc_file")" = "$want"
check "the export is a file of its own, not a link" \
    test -f "$SH/officers.csv" -a ! -L "$SH/officers.csv"
contains "holding the officers" "$SH/officers.csv" "owned"
check "no temporary name is left" test ! -e "$SH/officers.csv.tmp"

# --- FILE.tmp a link that cannot be removed: refused, nothing written ----
mkdir -p "$TMP/sticky" && chmod 1777 "$TMP/sticky"
as "$ED" - ln -s "$rc_file" "$TMP/sticky/o.csv.tmp"
as "$ADM" export officers -o "$TMP/sticky/o.csv"
check "an export whose temporary name another's link holds fails" \
    test "$rc" -ne 0
said "naming it" "$TMP/sticky/o.csv.tmp"
check "and writes nothing through it" \
    test "$(sha256sum "$rc_file")" = "$want"
check "nor the file" test ! -e "$TMP/sticky/o.csv"

# --- FILE.tmp a FIFO no one reads ---------------------------------------
as "$ED" - mkfifo -m 666 "$SH/fifo.csv.tmp"
as "$ADM" - timeout 20 "$BIN" export officers -o "$SH/fifo.csv"
check "an export does not wait on a FIFO put at its temporary name" \
    test "$rc" -ne 124
check "it lands" test "$rc" -eq 0 -a -f "$SH/fifo.csv"


# --- the rejected rows' file -------------------------------------------
# The editor leaves a list in the share for the admin to import, and a
# link where its rejected rows would be written.
printf 'name,agency_code,role,email,note\n丙,MOI,po,not-an-email,$(touch /tmp/owned)\n丁,MOI,po,ding@moi.gov.tw,\n' \
    >"$SH/list.csv"
chmod 664 "$SH/list.csv"
as "$ED" - ln -s "$rc_file" "$SH/list.rejected.csv"
as "$ADM" import officers "$SH/list.csv" --skip-bad \
    --rejects "$SH/list.rejected.csv"
check "the admin's import lands, one row rejected" test "$rc" -eq 0
check "the admin's file the link named is as it was" \
    test "$(sha256sum "$rc_file")" = "$want"
check "the rejected rows are a file of their own, not a link" \
    test -f "$SH/list.rejected.csv" -a ! -L "$SH/list.rejected.csv"
contains "holding the row" "$SH/list.rejected.csv" "not-an-email"
check "no temporary name is left" test ! -e "$SH/list.rejected.csv.tmp"

# --- a copy of the database ---------------------------------------------
# A copy is kept to be restored from. In the share, the editor could move
# the admin's copy aside and put there a database of its own, where it is
# an admin, for the admin to restore one day; so it could in a folder of
# its own the admin backed up into.
as "$ADM" backup "$SH/copy"
check "the admin's copy is not made in the share the group may change" \
    test "$rc" -ne 0
said "saying why and what to do" "may be changed by others (mode 2775)"
said "and where instead" "back up into a directory only you may change"
as "$ED" - sh -c "mv $SH/copy $SH/copy.old && mkdir $SH/copy &&
    : >$SH/copy/data.mdb"
check "so the editor has no copy of the admin's to put its own in place of" \
    test "$rc" -ne 0
mkdir "$TMP/eds" && chown "$ED" "$TMP/eds" && chmod 777 "$TMP/eds"
as "$ADM" backup "$TMP/eds/copy"
check "nor in a folder the editor owns" test "$rc" -ne 0
said "naming its owner" "$TMP/eds belongs to $ED, who could put another database"
mkdir -m 1777 "$TMP/all"
as "$ADM" backup "$TMP/all/copy"
check "a folder all may write but sticky (as /tmp) is the admin's to use" \
    test "$rc" -eq 0
as "$ADM" backup "$TMP/home/$ADM/copy"
check "as is one of its own" test "$rc" -eq 0
