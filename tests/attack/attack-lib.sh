# attack-lib.sh — the shared-server install, attacked by its own accounts
# (sourced by tests/attack/*.sh). Each script runs in a mount namespace of
# its own with a copy of /etc in place of the machine's, so the accounts,
# the group and /etc/ogpo.conf it makes vanish with it; root installs ogpo
# with `make install-shared ADMIN=...` and four real accounts use it, none
# of them in the program's group:
#
#   $ADM  the admin            $ED  an editor of MOI (內政部)
#   $VW   a viewer             $NO  a login with no role at all
#
# `as LOGIN CMD...` runs the installed set-group-id ogpo as that account
# (or, with `as LOGIN - CMD...`, any command), with a login's environment
# and its own home. `intact WHAT` asserts the shared database's file is
# byte for byte what it was at the last `remember`, and still verifies.
#
# It needs root and a mount namespace; the sanitizer build cannot run
# set-id: elsewhere each script says why it skips.

if [ -z "${OGPO_IN_NS:-}" ]; then
	if [ "$(id -u)" -ne 0 ] || ! unshare -m true 2>/dev/null; then
		echo "ok - # SKIP the attack tier needs root and a mount namespace"
		exit 0
	fi
	case ${OGPO:-} in
	*asan*)
		echo "ok - # SKIP the attack tier runs the set-group-id install," \
		    "which the sanitizer build cannot be"
		exit 0 ;;
	esac
	OGPO_IN_NS=1 exec unshare -m sh "$0" "$@"
fi
. tests/lib.sh

mount --make-rprivate / 2>/dev/null
private_etc || { not_ok "a private /etc for the test"; exit 1; }
rm -f /etc/ogpo.conf
chmod 755 "$TMP"
mkdir -p "$TMP/home"

ADM=atka$$
ED=atke$$
VW=atkv$$
NO=atkn$$
for u in $ADM $ED $VW $NO; do
	useradd -m -d "$TMP/home/$u" -U -s /bin/sh "$u" ||
	    { not_ok "account $u"; exit 1; }
done
GRP=ogpo
PREFIX=$TMP/usr
STATE=$TMP/var/lib/ogpo
BIN=$PREFIX/bin/ogpo
make -s install-shared PREFIX="$PREFIX" STATEDIR="$STATE" \
    OGPO_GROUP=$GRP >"$TMP/install.out" 2>&1 ||
    { not_ok "make install-shared"; sed 's/^/#   /' "$TMP/install.out"; exit 1; }
DATA=$STATE/data.mdb

# as LOGIN [-] ARGS...: the installed ogpo (or, after -, a command) as
# LOGIN, in its home, with the environment a login gives; output in
# $TMP/out and $TMP/err, status in $rc.
as() {
	who=$1
	shift
	if [ "$1" = - ]; then
		shift
	else
		set -- "$BIN" "$@"
	fi
	setpriv --reuid="$who" --regid="$who" --init-groups \
	    env -i HOME="$TMP/home/$who" USER="$who" LOGNAME="$who" \
	    PATH="$PREFIX/bin:/usr/bin:/bin" LANG=C.UTF-8 ${AS_ENV:-} \
	    sh -c 'cd; umask 022; exec "$@"' sh "$@" \
	    >"$TMP/out" 2>"$TMP/err" </dev/null
	rc=$?
}

# on LOGIN ARGS...: tmux as LOGIN, its server in LOGIN's home, to run the
# installed full-screen program as a login's terminal would.
on() {
	who=$1
	shift
	setpriv --reuid="$who" --regid="$who" --init-groups \
	    env -i HOME="$TMP/home/$who" USER="$who" LOGNAME="$who" \
	    PATH="$PREFIX/bin:/usr/bin:/bin" LANG=C.UTF-8 TERM=xterm \
	    tmux -f /dev/null -S "$TMP/home/$who/tmux.sock" "$@"
}

# shows LOGIN TEXT: 0 once LOGIN's screen (on) shows TEXT, within 20 s.
shows() {
	i=0
	while ! on "$1" capture-pane -p 2>/dev/null | grep -qF -- "$2"; do
		[ $i -lt 200 ] || return 1
		sleep 0.1
		i=$((i + 1))
	done
}

said() {
	if grep -qF -- "$2" "$TMP/out" "$TMP/err"; then ok "$1"; else
		not_ok "$1 (no '$2' in:)"
		sed 's/^/#   /' "$TMP/out" "$TMP/err" | head -10
	fi
}

# Root makes the database, naming its admin, who names the others' roles.
"$BIN" init --demo --admin "$ADM" >"$TMP/init.out" 2>&1 ||
    { not_ok "root makes the shared database"; sed 's/^/#   /' "$TMP/init.out"; exit 1; }
as "$ADM" user add "$ED" --role editor --agency MOI
as "$ADM" user add "$VW" --role viewer

# rows N FILE [TAG]: N officers of MOI as a CSV the editor may import,
# readable by all, their e-mail addresses TAG1@moi.gov.tw … (bulk1 …).
rows() {
	awk -v n="$1" -v tag="${3:-bulk}" 'BEGIN {
	    print "name,agency_code,role,email,phone";
	    for (i = 1; i <= n; i++)
		printf "匯入%d,MOI,po,%s%d@moi.gov.tw,02-2356-%04d\n", i,
		    tag, i, i % 10000 }' >"$2"
	chmod 644 "$2"
}

remember() {
	sha256sum "$DATA" | cut -d' ' -f1 >"$TMP/sum"
}

# intact WHAT: the shared data file is what remember saw, and verifies.
intact() {
	if [ "$(sha256sum "$DATA" | cut -d' ' -f1)" = "$(cat "$TMP/sum")" ]; then
		ok "$1: the shared database is byte for byte as it was"
	else
		not_ok "$1: the shared database changed"
	fi
	"$BIN" verify >"$TMP/verify" 2>&1 && ok "$1: and it verifies" ||
	    { not_ok "$1: and it verifies"; sed 's/^/#   /' "$TMP/verify" | head -5; }
}

# --- a process stopped inside LMDB's locks (test_stall.sh, test_freeze.sh)
# build/tools/hold keeps the database open (and with -w holds it for
# writing) while its standard input stays open; build/tools/stall stops
# itself inside one of LMDB's locks. Both run as root, to put a process
# there deterministically rather than catch one there by chance.
HOLD=$(pwd)/build/tools/hold
STALL=$(pwd)/build/tools/stall

# stall_tools: 0 if both are built; else not ok, saying so.
stall_tools() {
	[ -x "$STALL" ] && [ -x "$HOLD" ] && return 0
	not_ok "build/tools/stall and hold (make them)"
	return 1
}

# saw FILE TEXT: 0 once FILE holds TEXT (within 10 s).
saw() {
	i=0
	while ! grep -qF -- "$2" "$1" 2>/dev/null; do
		[ $i -lt 100 ] || return 1
		sleep 0.1
		i=$((i + 1))
	done
}

# stall_readers: a process stopped holding the mutex of LMDB's table of
# readers, its pid in $spid. Someone has the database open first (else
# the next to open it would set the lock file up afresh, mutex and all):
# a holder that lives until the test closes descriptor 7 (exec 7>&-).
stall_readers() {
	rm -f "$TMP/keep.readers"
	mkfifo "$TMP/keep.readers"
	"$HOLD" "$STATE" <"$TMP/keep.readers" >"$TMP/hold.out" 2>&1 &
	exec 7>"$TMP/keep.readers"
	check "someone has the database open" saw "$TMP/hold.out" open
	"$STALL" "$STATE" >"$TMP/stall.out" 2>&1 &
	spid=$!
	check "a process stops holding the readers' mutex ($spid)" \
	    saw "$TMP/stall.out" stopped
}

# readers_stalled LOGIN...: with $spid stopped inside the readers' mutex,
# each login's ogpo list and root's ogpo doctor wait for it a while, then
# give up naming it and what root runs.
readers_stalled() {
	for who in "$@"; do
		as "$who" - timeout 20 "$BIN" list agencies
		check "$who: ogpo list is not held up for ever" \
		    test "$rc" -ne 124
		check "$who: it gives up" test "$rc" -ne 0
		said "$who: naming the process" "process $spid was stopped while it took a place in the database's table of readers"
		said "$who: and what root runs" "(as root: kill -9 $spid)"
	done
	timeout 20 "$BIN" doctor >"$TMP/out" 2>&1
	rc=$?
	check "ogpo doctor is not held up for ever" test "$rc" -ne 124
	said "and names the process" "process $spid was stopped"
}
