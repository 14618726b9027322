#!/bin/sh
# test_freeze.sh — no account holds up the others by freezing its ogpo.
# A process stopped by kill -STOP, while it writes or inside LMDB's own
# readers' mutex, is waited for five seconds, then given up on with a
# sentence naming it (test_hold.sh, test_stall.sh). A login may as well
# freeze its own processes with their cgroup wherever the system hands
# it one (systemd does, for every login: systemd-run --user, then
# systemctl --user freeze): stopped as surely, but /proc says such a
# process sleeps, and ogpo took it for one at work. A writer frozen so
# was waited for ten minutes as a working one is, before every save
# failed; one frozen inside the readers' mutex held every ogpo, root's
# and ogpo doctor included, for ever without a word. Here root gives the
# editor a cgroup of its own, as systemd would, and the editor freezes
# the process in it. (The holders are the test's tools, as root, as in
# test_stall.sh: put inside the lock deterministically, rather than
# caught there by chance.)
. "$(dirname "$0")/attack-lib.sh"

stall_tools || exit 1
V2=$(awk '$3 == "cgroup2" { print $2; exit }' /proc/self/mounts)
CG=$V2/ogpo-test-$$
if [ -z "$V2" ] || ! mkdir "$CG" 2>/dev/null; then
	echo "ok - # SKIP no cgroup of the unified hierarchy can be made here"
	exit 0
fi
chown "$ED" "$CG" "$CG/cgroup.freeze" "$CG/cgroup.procs"

# frozen PID: PID, stopped, goes into the editor's cgroup, the editor
# freezes it, and it is let go on: frozen where it stopped.
frozen() {
	echo "$1" >"$CG/cgroup.procs"
	as "$ED" - sh -c "echo 1 >$CG/cgroup.freeze"
	kill -CONT "$1"
	sleep 0.3
	grep -qx "frozen 1" "$CG/cgroup.events"
}

# thaw PID: end PID (a frozen process still dies of kill -9), and thaw.
thaw() {
	kill -9 "$1"
	wait "$1" 2>/dev/null
	echo 0 >"$CG/cgroup.freeze"
}

# --- a writer frozen ------------------------------------------------------
mkfifo "$TMP/keep"
"$HOLD" -w "$STATE" <"$TMP/keep" >"$TMP/hold.out" 2>&1 &
hpid=$!
exec 7>"$TMP/keep"
check "a process holds the database for writing ($hpid)" \
    saw "$TMP/hold.out" open
kill -STOP "$hpid"
check "the editor freezes it" frozen "$hpid"
as "$ADM" - timeout 30 "$BIN" set agency 1 "note=freeze $$"
check "the admin's save is not held up for ten minutes" test "$rc" -ne 124
check "it gives up" test "$rc" -ne 0
said "naming the process" "(process $hpid"
said "as one that is stopped" "is stopped"
said "and what root runs" "kill -9 $hpid"
thaw "$hpid"
exec 7>&-
as "$ADM" set agency 1 "note=freeze $$"
check "ended, the admin saves" test "$rc" -eq 0

# --- inside the readers' mutex --------------------------------------------
stall_readers
check "the editor freezes it" frozen "$spid"
readers_stalled $VW $ADM
thaw "$spid"
as "$VW" list agencies
check "ended, the viewer reads again" test "$rc" -eq 0
exec 7>&-
wait
rmdir "$CG"
