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

# --- an export written again keeps its owner's rights ------------------
# The admin keeps an export in the share from the others (chmod 600) and
# writes it again: it stays the admin's alone, as a shell's > leaves it,
# rather than taking the umask's rights and opening to the group.
as "$ADM" export officers -o "$SH/mine.csv"
as "$ADM" - chmod 600 "$SH/mine.csv"
as "$ADM" export officers -o "$SH/mine.csv"
check "the admin writes its export again" test "$rc" -eq 0
check "it keeps the rights its owner gave it ($(stat -c %a "$SH/mine.csv"))" \
    test "$(stat -c %a "$SH/mine.csv")" = 600
as "$ED" - cat "$SH/mine.csv"
check "the editor, in the share's group, cannot read it" test "$rc" -ne 0
# A file of another's at the name lends it none of its rights: the
# editor's, open to all, is replaced by one the umask's rights make.
as "$ED" - sh -c "umask 0; : >$SH/theirs.csv; chmod 666 $SH/theirs.csv"
as "$ADM" export officers -o "$SH/theirs.csv"
check "the admin's export over the editor's file lands" test "$rc" -eq 0
as "$ED" - sh -c "echo x >>$SH/theirs.csv"
check "and the editor cannot write into it" test "$rc" -ne 0

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

# --- an import confirmed on the screen ----------------------------------
# The editor leaves a list of MOI's for the admin, who imports it in the
# full-screen program: it shows what the file would change and asks.
# Meanwhile the editor puts at the file's name one that also renames an
# officer of another ministry, which the editor may not do, and the admin
# may. What the admin confirms is what was shown.
"$BIN" list officers --agency MOTC --tsv >"$TMP/motc"
motc=$(awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "email")
    c = i } NR == 2 { print $c }' "$TMP/motc")
check "an officer of MOTC ($motc)" test -n "$motc"
printf 'name,agency_code,role,email\n戊,MOI,po,wu@moi.gov.tw\n' \
    >"$SH/moi.csv"
printf 'name,agency_code,role,email\n戊,MOI,po,wu@moi.gov.tw\n被改名,MOTC,po,%s\n' \
    "$motc" >"$SH/swap.csv"
chgrp "shr$$" "$SH/moi.csv" "$SH/swap.csv"
chmod 664 "$SH/moi.csv" "$SH/swap.csv"
on "$ADM" new-session -d -x 120 -y 40 "$BIN"
check "the admin's full-screen program starts" shows "$ADM" "Agencies"
on "$ADM" send-keys : "import officers $SH/moi.csv" Enter
check "it shows the change the file makes, and asks" shows "$ADM" "Import them?"
check "one officer added, and only that" shows "$ADM" "row 2: added 戊 <wu@moi.gov.tw>"
as "$ED" - mv -f "$SH/swap.csv" "$SH/moi.csv"
check "the editor puts another file at its name" test "$rc" -eq 0
on "$ADM" send-keys y
check "the admin's import lands" shows "$ADM" "Imported $SH/moi.csv: added 1"
"$BIN" list officers --tsv >"$TMP/officers.tsv"
contains "what was shown is written" "$TMP/officers.tsv" "wu@moi.gov.tw"
lacks "what was not shown is not" "$TMP/officers.tsv" "被改名"
on "$ADM" kill-server
