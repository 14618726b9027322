#!/bin/sh
# test_grow.sh — no account has the others' saves fill the server's disk.
# A process stopped by force while it reads a snapshot (kill -STOP, which
# no program can refuse) keeps the database's file from reusing the
# space changed since: every save by anyone makes the file larger, and it
# never shrinks again. A viewer stopping one of its ogpo so, and leaving
# it, had the editors' everyday saves eat the disk the whole server
# shares to its last byte. Now once that disk is down to its last tenth,
# saves are refused instead, with a sentence naming the holder and what
# ends it; ended, saves go on in the space it kept back. Saves that come
# fast hid the holder from ogpo doctor as well (it measured how long a
# snapshot was held by a ring of the last 256 commits' times, and then
# took the oldest of those for its start): a snapshot older than the
# ring is now named whatever the clock says. The shared
# directory is put on a small filesystem of its own, so that the disk
# fills in seconds.
. "$(dirname "$0")/attack-lib.sh"

CATCH=$TMP/catch
cp build/tools/catch "$CATCH" || { not_ok "build/tools/catch (make it)"; exit 1; }

# The shared directory, as the install made it, on 32 MB of its own.
cp -a "$STATE" "$TMP/state.orig"
mount -t tmpfs -o "size=32m,mode=2770,uid=$(id -u ogpo),gid=$(getent group \
    $GRP | cut -d: -f3)" tmpfs "$STATE" ||
    { not_ok "a small filesystem for the shared directory"; exit 1; }
cp -a "$TMP/state.orig/." "$STATE/"
as "$ED" list agencies --tsv
check "the editor reads the database on its small disk" test "$rc" -eq 0
MOI=$(awk -F'\t' '$5 == "MOI" { print $1 }' "$TMP/out")
check "MOI's record number ($MOI)" test -n "$MOI"

# avail: what is left of the shared directory's disk, in KB.
avail() {
	df -k --output=avail "$STATE" | tail -1 | tr -d ' '
}

as "$VW" - "$CATCH" "$BIN" list officers
hpid=$(cat "$TMP/out")
check "the viewer stops its ogpo while it reads a snapshot ($hpid)" \
    test "$rc" -eq 0 -a -n "$hpid"
as "$ED" set agency "$MOI" note=first
check "the editor saves" test "$rc" -eq 0

cat >"$TMP/saves.sh" <<EOS
# Save until refused (the count on standard output), or \$1 times.
i=0
while [ \$i -lt \$1 ]; do
	$BIN set agency $MOI note=grow\$i >/dev/null || { echo \$i; exit 1; }
	i=\$((i + 1))
done
EOS
before=$(avail)
as "$ED" - sh "$TMP/saves.sh" 3000
n=$(cat "$TMP/out")
echo "# $n saves, the disk from ${before} KB free to $(avail) KB"
check "the editor's saves are refused before the disk is full" \
    test "$rc" -ne 0
said "naming the viewer's stopped process" \
    "$VW's process $hpid has read a snapshot"
said "saying why the file grows" "cannot reuse the space changed since"
said "and what ends it" "kill -9 $hpid, as root"
check "a tenth of the disk is left to the server ($(avail) KB)" \
    test "$(avail)" -ge 2048
"$BIN" doctor >"$TMP/out" 2>&1
said "ogpo doctor names the holder too" "process $hpid ($VW) has read a snapshot"

# The editor's full-screen program, open since before the holder is
# ended: its own look at the table of readers must not take the dead
# process's slot for a holder (its zombie's login, or "#4294967295" once
# reaped), as it did until a command's open cleared the slot.
on "$ED" new-session -d -x 120 -y 40 "$BIN"
check "the editor's full-screen program starts" shows "$ED" "Agencies"

kill -9 "$hpid"
sleep 1
# Down to MOI, edit, Tab to its note, type, save.
on "$ED" send-keys Down e
check "the editor edits MOI on the screen" shows "$ED" "Edit agency"
on "$ED" send-keys Tab Tab Tab Tab s c r e e n C-s
check "ended, the editor's screen saves" shows "$ED" "Saved 內政部."
on "$ED" capture-pane -p >"$TMP/screen" 2>/dev/null
lacks "naming no holder that is gone" "$TMP/screen" "nothing was saved"
lacks "nor a login of no one" "$TMP/screen" "4294967295"
on "$ED" kill-server
as "$ED" set agency "$MOI" note=after
check "ended, the editor saves again" test "$rc" -eq 0
as "$ED" - sh "$TMP/saves.sh" 500
check "and goes on saving, in the space it kept back" test "$rc" -eq 0
"$BIN" verify >"$TMP/verify" 2>&1
check "the database verifies" test $? -eq 0
umount "$STATE"
