#!/bin/sh
# test_aside.sh — the small files of a person's own that ogpo reads (the
# settings file, a keymap, the kept drafts) are read by a process that
# holds nothing of the shared database. Their parsers are ogpo's own and
# the files the account's: had one been made to run code of the file's
# choosing in ogpo itself, it would have found the group as the saved
# group (every ogpo keeps it to open the database), and in the
# full-screen program data.mdb open and mapped, and could have written
# the database raw, past the audit trail. Each file is made a FIFO here,
# so that whoever reads it waits on it and can be looked at; then the
# file is given (and what it said is seen in force) or its reader ended
# by force (and ogpo goes on without it, saying so).
. "$(dirname "$0")/attack-lib.sh"
. tests/tui/tui-lib.sh

H=$TMP/home/$ED
gid=$(id -g "$ED")
ggid=$(getent group "$GRP" | cut -d: -f3)

# reader: "PID PARENT" of an ogpo of $ED whose parent is another of them
# and which is still there half a second later (waiting on its FIFO, not
# a reader of another file passing by); "" if none comes in 10 s.
reader() {
	i=0
	while [ $i -lt 100 ]; do
		c=$(ps -o pid=,ppid=,comm= -u "$ED" | awk '$3 == "ogpo" {
		    p[$1] = $2 } END { for (k in p) if (p[k] in p) print k,
		    p[k] }' | head -1)
		if [ -n "$c" ]; then
			sleep 0.5
			[ -d "/proc/${c% *}" ] && { echo "$c"; return; }
		fi
		sleep 0.1
		i=$((i + 1))
	done
}

# apart WHAT CHILD PARENT: the reader has no group but $ED's, saved
# included, while the program it serves keeps $GRP's as its saved group;
# and it has no descriptor or map of the shared database.
apart() {
	grep '^Gid:' "/proc/$3/status" >"$TMP/pgids"
	grep '^Gid:' "/proc/$2/status" >"$TMP/gids"
	check "$1: read with no group but $ED's ($(cat "$TMP/gids")), \
while the program keeps $GRP's as its saved group ($(cat "$TMP/pgids"))" \
	    sh -c "awk -v g=$gid '{ exit !(\$2 == g && \$3 == g && \
		\$4 == g && \$5 == g) }' '$TMP/gids' && awk -v g=$ggid \
		'{ exit !(\$4 == g) }' '$TMP/pgids'"
	{ ls -l "/proc/$2/fd/"; cat "/proc/$2/maps"; } >"$TMP/fds" 2>&1
	check "$1: (its maps read)" grep -q . "$TMP/fds"
	lacks "$1: holding nothing of the shared database" "$TMP/fds" \
	    "$STATE"
}

# give FIFO TEXT: what a reader of FIFO gets (and no wait if none comes).
give() { printf '%s' "$2" | timeout 10 sh -c "cat >'$1'"; }

# --- the settings, in any ogpo ---------------------------------------
mkdir -p "$H/.config/ogpo"
mkfifo "$H/.config/ogpo/config"
chown -R "$ED:$ED" "$H/.config"
remember
as "$ED" --print-config &
job=$!
set -- $(reader)
child=${1:-} parent=${2:-}
if [ -n "$child" ]; then
	ok "the settings are read by a process of its own ($child)"
	apart "the settings" "$child" "$parent"
else
	not_ok "the settings are read by a process of its own"
fi
give "$H/.config/ogpo/config" "mouse = on
date_style = roc
"
wait "$job"
said "what they say is in force" "date_style = roc"
said "from where they say it" "$H/.config/ogpo/config:2"

# Their reader ended by force: ogpo goes on with the defaults, saying so.
as "$ED" list agencies &
job=$!
set -- $(reader)
child=${1:-}
if [ -n "$child" ]; then
	kill -KILL "$child"
else
	give "$H/.config/ogpo/config" "mouse = on
"
fi
wait "$job"
check "an ogpo whose settings' reader dies ($child) still lists" \
    sh -c "[ -n '$child' ] && grep -q MOI '$TMP/out'"
said "saying why they are not used" "ended by signal 9"
intact "the settings' reader"
rm -f "$H/.config/ogpo/config"

# --- the keymap and the drafts, in the full-screen program -------------
state=$TMP/editor.state
real=$(realpath "$STATE")
mkfifo "$H/my.keymap"
printf 'keymap = %s/my.keymap\n' "$H" >"$H/.config/ogpo/config"
mkdir -p "$state/ogpo/drafts"
mkfifo "$state/ogpo/drafts/1-1-0.draft"
chown -R "$ED:$ED" "$H/my.keymap" "$H/.config" "$state"
DB=$STATE
OGPO=$BIN
TUI_AS="setpriv --reuid=$ED --regid=$ED --init-groups"
TUI_ENV="HOME=$(shquote "$H") XDG_CONFIG_HOME=$(shquote "$H/.config")"
cd "$H" || exit 1
# Started aside, as it waits on the FIFOs; up once the draft is offered.
TUI_READY="An unsaved form"
tui_start editor 100 30 &
starter=$!
TUI_S=editor
set -- $(reader)
child=${1:-} parent=${2:-}
if [ -n "$child" ]; then
	ok "the keymap is read by a process of its own ($child)"
	apart "the keymap" "$child" "$parent"
else
	not_ok "the keymap is read by a process of its own"
fi
give "$H/my.keymap" "bind global Q quit
bind global x no_such_action
"
set -- $(reader)
child=${1:-} parent=${2:-}
if [ -n "$child" ]; then
	ok "the drafts are read by a process of its own ($child)"
	apart "the drafts, the database open" "$child" "$parent"
	cat "/proc/$parent/maps" >"$TMP/pmaps" 2>&1
	contains "(which the program has mapped)" "$TMP/pmaps" "$STATE"
else
	not_ok "the drafts are read by a process of its own"
fi
give "$state/ogpo/drafts/1-1-0.draft" "ogpo draft 1
db	$real
kind	officer
id	0
version	0
when	1715140800
title	Add officer
m	name	王小明
"
wait "$starter"
TUI_AS=
TUI_ENV=
expect "the draft it read is offered" "Add officer"
keys Down Enter
expect_gone "and kept for later" "Add officer"
contains "the keymap it read is told of its bad line" "$TMP/editor.err" \
    "my.keymap:2: unknown action 'no_such_action'"
keys Q
if wait_exit 5; then
	ok "Q, which the keymap it read binds, quits"
else
	not_ok "Q, which the keymap it read binds, quits"
fi
tui_done
