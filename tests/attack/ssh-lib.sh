# ssh-lib.sh — staff's real SSH sessions to the shared install (sourced
# by tests/attack/test_ssh*.sh after attack-lib.sh): an sshd of the
# test's own on the loopback, key login, no PAM.
#
#   ssh_login LOGIN [LANG]	LOGIN logs in by key; $TMP/ssh/via-LOGIN is
#				what its terminal runs: the installed ogpo
#				on the server (in LANG there, when given)
#   ssh_serve			start the sshd (ended with the test), and
#				wait until it takes a login of the first
#
# Ends the test with a SKIP where there is no sshd or ssh client.

SSHD=/usr/sbin/sshd
if [ ! -x "$SSHD" ] || ! command -v ssh >/dev/null 2>&1; then
	echo "ok - # SKIP no sshd or ssh here (openssh-server, openssh-client)"
	exit 0
fi
mkdir -p "$TMP/ssh" /run/sshd
chmod 700 "$TMP/ssh"
ssh-keygen -q -t ed25519 -N '' -f "$TMP/ssh/host" </dev/null
PORT=$((20000 + $$ % 20000))
SSH_FIRST=

ssh_login() {
	[ -n "$SSH_FIRST" ] || SSH_FIRST=$1
	# No password at all rather than a locked one: sshd without PAM
	# refuses a locked account even a key.
	usermod -p '*' "$1"
	ssh-keygen -q -t ed25519 -N '' -f "$TMP/ssh/$1" </dev/null
	mkdir -p "$TMP/home/$1/.ssh"
	cp "$TMP/ssh/$1.pub" "$TMP/home/$1/.ssh/authorized_keys"
	chown -R "$1" "$TMP/home/$1/.ssh"
	chmod 700 "$TMP/home/$1/.ssh"
	chmod 600 "$TMP/home/$1/.ssh/authorized_keys"
	cat >"$TMP/ssh/via-$1" <<EOF
#!/bin/sh
exec ssh -tt -q -F none -i $TMP/ssh/$1 -p $PORT -o BatchMode=yes \\
    -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \\
    -o SendEnv=LANG -o SendEnv=LC_ALL $1@127.0.0.1 \\
    ${2:+env LANG=$2 }$BIN
EOF
	chmod 755 "$TMP/ssh/via-$1"
}

ssh_serve() {
	cat >"$TMP/ssh/sshd_config" <<EOF
Port $PORT
ListenAddress 127.0.0.1
HostKey $TMP/ssh/host
PidFile $TMP/ssh/sshd.pid
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin no
StrictModes no
PrintMotd no
PrintLastLog no
EOF
	"$SSHD" -f "$TMP/ssh/sshd_config" -D -e 2>"$TMP/ssh/log" &
	sshd=$!
	trap 'kill $sshd 2>/dev/null; tui_cleanup' EXIT
	_i=0
	while [ $_i -lt 50 ] && ! ssh -q -F none -i "$TMP/ssh/$SSH_FIRST" \
	    -p $PORT -o BatchMode=yes -o StrictHostKeyChecking=no \
	    -o UserKnownHostsFile=/dev/null "$SSH_FIRST@127.0.0.1" true \
	    2>/dev/null; do
		sleep 0.1
		_i=$((_i + 1))
	done
	check "the test's sshd takes a key login" test $_i -lt 50
	[ $_i -lt 50 ] || sed 's/^/#   sshd: /' "$TMP/ssh/log"
}
