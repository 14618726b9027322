#!/bin/sh
# test_sysconf.sh — the system's settings are root's alone. /etc/ogpo.conf
# says where the shared database is and, with "unknown_users = refuse",
# that a login the user table does not name may not even read it. The
# set-group-id ogpo took it whoever could change it: a file another login
# owned or could write, or one in a directory others could change, let
# that login undo the administrator's refusal and read everything. Such a
# file's settings are not used (so no one reaches the shared database
# until root puts it right), and each login is told why and what root
# runs.
. "$(dirname "$0")/attack-lib.sh"

CONF=/etc/ogpo.conf
H=$TMP/home/$NO
echo "unknown_users = refuse" >>"$CONF"
cp "$CONF" "$TMP/ogpo.conf.good"
as "$NO" list agencies
check "as installed, a login with no role is refused" test "$rc" -ne 0
said "by the administrator's setting" "lets only its users in"
as "$ED" list agencies
check "while a user reads" test "$rc" -eq 0

# let IN: the login with no role lets itself in, then tries to read.
let_in() {
	as "$NO" - sh -c "printf 'db = $STATE\nunknown_users = viewer\n' \
	    >$CONF"
	as "$NO" list agencies
	check "$1: the login with no role reads nothing" test "$rc" -ne 0
	lacks "$1: nothing of the database is shown" "$TMP/out" "內政部"
	said "$1: it is told why" \
	    "ogpo takes the system's settings only from a file root alone"
	cp "$TMP/ogpo.conf.good" "$CONF"
	chown root:root "$CONF"
	chmod 644 "$CONF"
}

chmod 666 "$CONF"
let_in "a settings file anyone may write"
chmod 664 "$CONF"
chgrp "$NO" "$CONF"
let_in "a settings file the login's group may write"
chown "$NO" "$CONF"
let_in "a settings file the login owns"
said "naming the owner" "the file belongs to $NO"

# /etc (this test's own copy) open to all: the login puts a file of its
# own in the settings' place.
chmod 777 /etc
as "$NO" - sh -c "printf 'db = $STATE\nunknown_users = viewer\n' \
    >$H/mine.conf && mv -f $H/mine.conf $CONF"
as "$NO" list agencies
check "a settings file put in place through /etc open to all is not used" \
    test "$rc" -ne 0
lacks "nothing of the database is shown" "$TMP/out" "內政部"
cp "$TMP/ogpo.conf.good" "$H/root.conf"
mv -f "$H/root.conf" "$CONF"
chown root:root "$CONF"
chmod 644 "$CONF"
as "$ED" list agencies
check "a root's file in /etc open to all is not used either" \
    test "$rc" -ne 0
said "naming the directory" "it lies in /etc, which may be written by others"
chmod 755 /etc

as "$NO" list agencies
check "put right, the login with no role is refused again" test "$rc" -ne 0
said "by the setting" "lets only its users in"
as "$ED" list agencies
check "and a user reads again" test "$rc" -eq 0

# --- the directories above, by the one walk both take -------------------
# /etc the program's group may write: the group's rights are no one's
# but ogpo's, yet the settings are root's alone; a directory above the
# shared database may be the group's, as the database's own is.
chgrp "$GRP" /etc
chmod 775 /etc
as "$ED" list agencies
check "/etc the group may write: the settings are not used" test "$rc" -ne 0
said "naming /etc and its mode" "it lies in /etc, which may be written by others than root (mode 775)"
chgrp root /etc
chmod 755 /etc
up=$(dirname "$STATE")
chgrp "$GRP" "$up"
chmod 775 "$up"
as "$ED" list agencies
check "a directory above the database the group may write is the install's" \
    test "$rc" -eq 0
# One that belongs to a login: that login could put a database of its own
# (with itself as admin) in the shared one's place.
chown "$NO" "$up"
as "$ED" list agencies
check "a directory above the database that a login owns: not opened" \
    test "$rc" -ne 0
said "naming it, its owner and root's command" \
    "lies below $up, which belongs to $NO, who could put something else in its place"
said "and what root runs" "(as root: chown root $up)"
chown root "$up"
chgrp root "$up"
chmod 777 "$up"
as "$ED" list agencies
check "one open to all, not sticky: not opened" test "$rc" -ne 0
said "naming it and root's command" "lies below $up, which others may change"
chmod 1777 "$up"
as "$ED" list agencies
check "sticky, as /tmp is, it is" test "$rc" -eq 0
chmod 755 "$up"
as "$ED" list agencies
check "put back, the editor reads" test "$rc" -eq 0
