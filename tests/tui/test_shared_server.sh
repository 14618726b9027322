#!/bin/sh
# test_shared_server.sh — the shared-server install, used by two real
# accounts. `make install-shared` puts a set-group-id ogpo, a group of its
# own, a database directory only that group may enter, and the system's
# settings naming it; the accounts are not in the group. The first to run
# `ogpo init` (umask 077) is its admin, and the files stay the group's
# (0660) whatever that umask; the second (umask 022) reaches the data only
# through ogpo: not the files themselves, not through --db, not by
# importing, exporting or backing up where only the group may go. Both
# open the database in their own terminal; both edit one officer: the
# first save wins, the second is told who changed it and keeps what was
# typed; one reads while the other imports. `ogpo doctor` finds the
# set-up sound, then finds a file opened to everyone and says how to fix
# it.
#
# The whole test runs in a mount namespace of its own with a copy of /etc
# in place of the machine's: the accounts, the group and /etc/ogpo.conf it
# makes vanish with it. It needs root, as the test machine is.
if [ -z "${OGPO_IN_NS:-}" ]; then
	if [ "$(id -u)" -ne 0 ] || ! unshare -m true 2>/dev/null; then
		echo "# skipped: needs root and a mount namespace"
		exit 0
	fi
	# A set-id process cannot be inspected by LeakSanitizer, and the
	# sanitizers then ignore their options: the sanitizer build is not
	# installed set-group-id. (Its paths are tested without set-id in
	# test_roles.sh and the rest.)
	case ${OGPO:-} in
	*asan*) echo "# skipped for the sanitizer build: it cannot run set-id"
		exit 0 ;;
	esac
	OGPO_IN_NS=1 exec unshare -m sh "$0" "$@"
fi
. tests/lib.sh
. tests/tui/tui-lib.sh

mount --make-rprivate / 2>/dev/null
private_etc || { not_ok "a private /etc for the test"; exit 1; }
rm -f /etc/ogpo.conf
chmod 755 "$TMP"

A=ogpoa$$
B=ogpob$$
useradd -M -U -s /bin/sh "$A" && useradd -M -U -s /bin/sh "$B" ||
    { not_ok "two accounts"; exit 1; }
GRP=ogpo

PREFIX=$TMP/usr
STATE=$TMP/var/lib/ogpo
make -s install-shared PREFIX="$PREFIX" STATEDIR="$STATE" \
    OGPO_GROUP=$GRP >"$TMP/install.out" 2>&1
check "make install-shared runs" test $? -eq 0
BIN=$PREFIX/bin/ogpo
check "the program is set-group-id $GRP" \
    test "$(stat -c '%A %G' "$BIN")" = "-rwxr-sr-x $GRP"
check "the database directory is $GRP's alone, mode 2770" \
    test "$(stat -c '%a %G' "$STATE")" = "2770 $GRP"
contains "the system's settings name it" /etc/ogpo.conf "db = $STATE"
check "the accounts are not in the group" \
    sh -c "! id -nG $A | grep -qw $GRP && ! id -nG $B | grep -qw $GRP"

# as LOGIN UMASK ARGS...: the installed ogpo as that account.
as() {
	who=$1 mask=$2
	shift 2
	setpriv --reuid="$who" --regid="$who" --init-groups \
	    sh -c 'umask $0; exec "$@"' "$mask" "$BIN" "$@" \
	    >"$TMP/out" 2>"$TMP/err"
	rc=$?
}
said() {
	if grep -qF -- "$2" "$TMP/out" "$TMP/err"; then ok "$1"; else
		not_ok "$1 (no '$2' in:)"
		sed 's/^/#   /' "$TMP/out" "$TMP/err" | head -10
	fi
}

as "$A" 077 init --demo
check "an account cannot make the shared database itself" test "$rc" -ne 0
said "it is told root does, naming it" "ask root to run: ogpo init --admin $A"
check "and nothing was made" test ! -e "$STATE/data.mdb"
(umask 077; "$BIN" init --demo --admin "$A") >"$TMP/out" 2>"$TMP/err"
rc=$?
check "root makes it, naming the first admin (umask 077)" test "$rc" -eq 0
said "who is told is its admin" "$A is its admin"
for f in data.mdb lock.mdb; do
	check "$f is the group's to read and write, whatever the umask" \
	    test "$(stat -c '%a %G' "$STATE/$f")" = "660 $GRP"
done
as "$A" 077 user add "$B" --role admin
check "the admin makes the second account an admin" test "$rc" -eq 0

as "$B" 022 list officers --agency MOI
check "the second account reads through ogpo" test "$rc" -eq 0
said "and sees the officers" "內政部"
setpriv --reuid="$B" --regid="$B" --init-groups cat "$STATE/data.mdb" \
    >/dev/null 2>&1
check "but cannot read the database's file itself" test $? -ne 0
mkdir -p "$TMP/other" && chgrp $GRP "$TMP/other" && chmod 2770 "$TMP/other"
as "$B" 022 --db "$TMP/other" init
check "--db naming another of the group's directories is refused" \
    test "$rc" -ne 0
said "saying why" "which you cannot read and write yourself"
check "and nothing was made there" test ! -e "$TMP/other/data.mdb"
OGPO_DB=$TMP/other as "$B" 022 list agencies
check "\$OGPO_DB too" test "$rc" -ne 0
as "$B" 022 --db "$STATE" list agencies
check "--db naming the system's database itself is fine" test "$rc" -eq 0
ln -s "$STATE" "$TMP/shared-link"
as "$B" 022 --db "$TMP/shared-link" list agencies
check "so is a link to it (opened by the system's path)" test "$rc" -eq 0

# Files named by the user are theirs: not the group's.
printf 'name,agency_code,role,email\n群組檔,MOI,po,grp@moi.gov.tw\n' >"$TMP/group-only.csv"
chgrp $GRP "$TMP/group-only.csv" && chmod 640 "$TMP/group-only.csv"
as "$B" 022 import officers "$TMP/group-only.csv"
check "a file only the group may read is not imported" test "$rc" -ne 0
said "the refusal is the system's" "Permission denied"
as "$B" 022 export officers -o "$STATE/stolen.csv"
check "an export into the group's directory is refused" test "$rc" -ne 0
check "and nothing was written there" test ! -e "$STATE/stolen.csv"
as "$B" 022 backup "$STATE/copy"
check "a backup into the group's directory is refused" test "$rc" -ne 0
mkdir -p "$TMP/b-home" && chown "$B" "$TMP/b-home"
as "$B" 022 export officers -o "$TMP/b-home/officers.csv"
check "an export into the account's own directory works" test "$rc" -eq 0
check "and the file is the account's, with its umask and none for others" \
    test "$(stat -c '%U %a' "$TMP/b-home/officers.csv")" = "$B 640"

as "$A" 077 doctor
check "ogpo doctor finds the set-up sound" test "$rc" -eq 0
said "it names the set-group-id program" "is set-group-id $GRP"

# --- two terminals -----------------------------------------------------
umask 077
DB=$STATE
OGPO=$BIN
TUI_AS="setpriv --reuid=$A --regid=$A --init-groups"
tui_start alice 100 30
TUI_AS="setpriv --reuid=$B --regid=$B --init-groups"
tui_start bob 100 30
TUI_AS=
keys 2
keys Home
keys e
expect "the second opens the first officer" "Edit officer"
TUI_S=alice
expect "the first sees the second here" "+1 here" 4
keys 2
keys Home
keys e
expect "the first opens the same officer" "Edit officer"
keys Tab Tab Tab Tab Tab Tab Tab Tab C-e
text 1
keys C-s
expect_gone "the first saves" "Edit officer"
TUI_S=bob
keys Tab Tab Tab Tab Tab Tab Tab Tab C-e
text 2
keys C-s
expect "the second is told, and offered to keep what was typed" \
    "Reload their version and keep what I typed on top"
expect "the message names who changed it" "changed by $A"
expect "and shows what they saved beside what was typed" "$A saved"
expect "what was typed too" "you typed"
n=$(setpriv --reuid="$B" --regid="$B" --init-groups "$BIN" list officers \
    --tsv | awk 'END { print NR - 1 }')
# The second gives up its edit, then reads while the first imports.
keys Escape
poll 2 lacks_text "Reload their version"
keys Escape
sleep 0.3
screen
has_text "y: yes" && keys y
expect_gone "the second closes the form" "Edit officer"
TUI_S=alice
printf 'name,agency_code,role,email\n讀寫並行,MOI,po,rw@moi.gov.tw\n' >"$TMP/new.csv"
chmod 644 "$TMP/new.csv"
as "$A" 077 import officers "$TMP/new.csv"
check "the first imports while the second reads" test "$rc" -eq 0
TUI_S=bob
keys 2
if wait_count "$((n + 1))" 3; then
	ok "the second's screen shows the import"
else
	not_ok "the second's screen shows the import"; dump
fi
tui_stop
TUI_S=alice
tui_stop

# A client that sends no locale (PuTTY's default): the C locale, and yet
# Chinese is drawn as Chinese, not as <U+…>.
TUI_LANG=C
TUI_AS="setpriv --reuid=$A --regid=$A --init-groups"
tui_start nolang 100 30
TUI_AS=
expect "with no UTF-8 locale from the client, Chinese is drawn" "內政部"
screen
check "and nothing as <U+...>" lacks_text "<U+"
tui_stop
TUI_LANG=C.UTF-8

# An editor of MOI, in the form, on an officer of MOTC: refused, saying
# which scope they have, and the database keeps what it had.
C=ogpoc$$
useradd -M -U -s /bin/sh "$C" || not_ok "a third account"
as "$A" 077 user add "$C" --role editor --agency MOI
"$BIN" list officers --agency MOTC --tsv >"$TMP/motc"
motc=$(awk -F '\t' 'NR == 2 { print $5 }' "$TMP/motc")
TUI_AS="setpriv --reuid=$C --regid=$C --init-groups"
tui_start carol 100 30
TUI_AS=
keys 2
keys /
text "$motc"
keys Enter
expect_sel "the editor finds $motc of MOTC" "$motc"
keys e
expect "the form opens" "Edit officer"
keys Tab Tab Tab Tab Tab Tab Tab Tab C-e
text 9
keys C-s
expect "saving is refused, naming the editor's scope" \
    "may edit only within 內政部"
tui_stop
"$BIN" list officers --agency MOTC --tsv >"$TMP/motc.after"
check "the officers of MOTC are as they were" \
    cmp -s "$TMP/motc" "$TMP/motc.after"

# unknown_users = refuse: a login the user list does not name may not
# even read.
D=ogpod$$
useradd -M -U -s /bin/sh "$D" || not_ok "a fourth account"
as "$D" 022 list agencies
check "a login with no role reads, by default" test "$rc" -eq 0
echo "unknown_users = refuse" >>/etc/ogpo.conf
as "$D" 022 list agencies
check "with unknown_users = refuse it may not" test "$rc" -ne 0
said "it is told whom to ask" "ask an admin to run: ogpo user add $D"
as "$C" 022 list agencies
check "a user still reads" test "$rc" -eq 0

as "$A" 077 verify
check "the database verifies" test "$rc" -eq 0
chmod 666 "$STATE/data.mdb"
as "$A" 077 doctor
check "ogpo doctor finds a file opened to everyone" test "$rc" -eq 1
said "and says how to fix it" "fix: chmod 0660 $STATE/data.mdb"
tui_done
