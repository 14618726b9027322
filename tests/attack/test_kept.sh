#!/bin/sh
# test_kept.sh — no account holds up the others by keeping its own ogpo
# from working while it writes. A writer stopped for good is given up on
# after five seconds; but its owner may stop it and let it go on a
# twentieth of the time (kill -STOP, kill -CONT, as any login may to its
# own processes), or put it last for the processor (chrt -i, renice +19)
# and keep the processor busy, or give it a quota of 1% in a cgroup of
# its own. Either way it works on, twenty or a hundred times slower, and
# every other save waited for it as for one at work: up to ten minutes,
# then again. Now the time a holder is kept from its work is added up over
# the wait, and at five seconds in all the others give up, naming it, its
# login and what root runs. One at normal priority that shares a busy
# processor is still waited for.
. "$(dirname "$0")/attack-lib.sh"

H=$TMP/home/$ED

# writing: wait until the editor's ogpo holds the database for writing;
# its pid in $held ("" if that was not seen within 30 s).
writing() {
	held= i=0
	pat="s/.*$ED's ogpo (process \([0-9]*\), ogpo import)"
	pat="$pat \(is writing\|has held the database for writing\).*/\1/p"
	while [ $i -lt 1500 ] && [ -z "$held" ]; do
		"$BIN" doctor >"$TMP/doc" 2>&1
		held=$(sed -n "$pat" "$TMP/doc" | head -1)
		[ -n "$held" ] || sleep 0.02
		i=$((i + 1))
	done
}

# import N [WRAP...]: the editor imports 200,000 officers of MOI (its own
# scope), their addresses new by N (so that it writes), under WRAP (chrt
# -i 0, say), in the background.
import() {
	n=$1
	shift
	rows 200000 "$H/big$n.csv" "k$n-"
	as "$ED" - sh -c "$* $BIN import officers $H/big$n.csv \
	    >$H/imp$n.out 2>&1; echo \$? >$H/imp$n.rc" &
	imp=$!
	writing
	[ -n "$held" ] || { wait "$imp"; sed 's/^/#   /' "$H/imp$n.out" |
	    head -5; }
}

# gives_up WHAT TEXT: the admin's save, while the editor's import is
# kept from its work, gives up within 15 s, saying TEXT.
gives_up() {
	t0=$(date +%s)
	as "$ADM" - timeout 60 "$BIN" set agency 1 "note=$1 $$"
	t=$(($(date +%s) - t0))
	echo "# $1: the admin's save ended after $t s (status $rc)"
	check "$1: the admin's save is not held up for the import's time" \
	    test "$rc" -ne 124 -a "$t" -le 15
	check "$1: it is refused, nothing saved" test "$rc" -ne 0
	said "$1: naming the import and its login" \
	    "$ED's ogpo (process $held, ogpo import)"
	said "$1: and why" "$2"
}

# --- stopped, and let go on, again and again -------------------------
import 1
if [ -n "$held" ]; then
	rm -f "$H/stop"
	as "$ED" - sh -c "while [ ! -e $H/stop ] && kill -STOP $held \
	    2>/dev/null; do sleep 1.9; kill -CONT $held; sleep 0.1; done" &
	toggler=$!
	# (Seen stopped or running as it gives up: either says so.)
	gives_up "stopped 1.9 s in every 2" "kill -STOP"
	said "stopped: with what root runs" "(kill -9 $held, as root)"
	touch "$H/stop"
	wait "$toggler" 2>/dev/null
	kill -CONT "$held" 2>/dev/null
	wait "$imp"
	check "let run, the import lands" grep -qx 0 "$H/imp1.rc"
else
	not_ok "the editor's import seen writing"
fi

# --- put last for the processor -----------------------------------------
# The import and a loop of the editor's on one processor, the import at
# idle priority: it gets what the loop leaves, next to nothing.
# (It ends when the file stop appears, or after a minute.)
hog() {
	rm -f "$H/stop"
	as "$ED" - timeout 60 taskset -c 0 sh -c \
	    "while [ ! -e $H/stop ]; do :; done" &
	hogp=$!
}
import 2 taskset -c 0 chrt -i 0
if [ -n "$held" ]; then
	hog
	gives_up "at idle priority (chrt -i)" \
	    "at a priority lowered below others' (chrt -i)"
	said "idle: with what root runs" "(as root: chrt -o -p 0 $held)"
	touch "$H/stop"
	wait "$hogp" 2>/dev/null
	wait "$imp"
	check "with the processor free, the import lands" \
	    grep -qx 0 "$H/imp2.rc"
else
	not_ok "the editor's import at idle priority seen writing"
fi

# Reniced once it holds the database: the others look at it as it is.
import 3 taskset -c 0
if [ -n "$held" ]; then
	hog
	as "$ED" - renice -n 19 -p "$held"
	gives_up "reniced to 19 while it writes" \
	    "at a priority lowered below others' (nice)"
	said "nice: with what root runs" "(as root: renice -n 0 -p $held)"
	touch "$H/stop"
	wait "$hogp" 2>/dev/null
	wait "$imp"
	check "with the processor free, the import lands" \
	    grep -qx 0 "$H/imp3.rc"
else
	not_ok "the editor's reniced import seen writing"
fi

# --- held back by a cgroup of its own ----------------------------------------
# Wherever the system hands a login a cgroup of its own with the
# processor's controller (systemd does, for every login, with
# Delegate=cpu), it may give its ogpo a quota of 1% there. Here root
# makes one and gives it to the editor whole, as systemd would, and moves
# the import into it (which needs the root of the hierarchy); the editor
# sets the quota.
V2=$(awk '$3 == "cgroup2" { print $2; exit }' /proc/self/mounts)
if [ -n "$V2" ] && grep -qw cpu "$V2/cgroup.subtree_control" 2>/dev/null
then
	CG=$V2/ogpo-test-$$ QUOTA=cpu.max LIMIT="1000 100000" FREE=max
else
	V1=$(awk '$3 == "cgroup" && $4 ~ /(^|,)cpu(,|$)/ { print $2; exit }' \
	    /proc/self/mounts)
	CG=$V1/ogpo-test-$$ QUOTA=cpu.cfs_quota_us LIMIT=1000 FREE=-1
fi
if [ -n "${V1:-$V2}" ] && mkdir "$CG" 2>/dev/null && [ -e "$CG/$QUOTA" ]; then
	chown -R "$ED" "$CG"
	import 5
	if [ -n "$held" ]; then
		echo "$held" >"$CG/cgroup.procs"
		as "$ED" - sh -c "echo '$LIMIT' >$CG/$QUOTA"
		gives_up "a quota of 1% in a cgroup of its own" \
		    "in a cgroup of $ED's that limits its processor time"
		said "quota: with what root runs" "(kill -9 $held, as root)"
		echo "$FREE" >"$CG/$QUOTA"
		wait "$imp"
		check "with the quota gone, the import lands" \
		    grep -qx 0 "$H/imp5.rc"
	else
		not_ok "the editor's import seen writing"
	fi
	rmdir "$CG"
else
	rmdir "$CG" 2>/dev/null
	echo "ok - # SKIP no cgroup with the processor's controller can be made here"
fi

# --- at normal priority, on a busy processor, it is waited for -----------
import 4 taskset -c 0
if [ -n "$held" ]; then
	hog
	as "$ADM" - timeout 120 "$BIN" set agency 1 "note=waited $$"
	check "an import at normal priority sharing its processor is waited for (status $rc)" \
	    test "$rc" -eq 0
	touch "$H/stop"
	wait "$hogp" 2>/dev/null
	wait "$imp"
	check "and lands" grep -qx 0 "$H/imp4.rc"
else
	not_ok "the editor's import seen writing"
fi

as "$ADM" set agency 1 "note=after $$"
check "afterwards the admin saves at once" test "$rc" -eq 0
"$BIN" verify >"$TMP/verify" 2>&1
check "and the database verifies" test $? -eq 0
