#!/bin/sh
# test_files.sh — no account reaches the shared database's files through
# ogpo's group rights: not by links (symbolic or hard) from a database
# directory of its own to each file LMDB or ogpo opens there, not by a
# directory that is a link (swapped while ogpo runs), not by FIFOs or
# devices, not through environment variables or descriptors it starts
# ogpo with; a database it makes is its own; only root makes the shared
# one; what a killed ogpo leaves there is cleared away. Each attack runs
# as an account with no role and as an editor, and leaves the shared
# database byte for byte as it was.
. "$(dirname "$0")/attack-lib.sh"

remember

# --- links from a directory of one's own ------------------------------
for who in $NO $ED; do
	H=$TMP/home/$who
	# lock.mdb as a link to the shared data file: LMDB would write its
	# lock header over it with the group's rights.
	as "$who" init --db "$H/evil"
	check "$who makes a database of its own" test "$rc" -eq 0
	check "its files are its own group's, not $GRP's" \
	    test "$(stat -c %G "$H/evil/data.mdb")" = "$who"
	rm -f "$H/evil/lock.mdb"
	ln -s "$DATA" "$H/evil/lock.mdb"
	as "$who" --db "$H/evil" list agencies
	check "$who: lock.mdb linked to the shared data is refused" \
	    test "$rc" -ne 0
	said "$who: saying why" "permission denied"
	intact "$who: lock.mdb link"
	# data.mdb as a link: a read of another group-only database.
	mkdir -p "$H/peek"
	ln -s "$DATA" "$H/peek/data.mdb"
	as "$who" --db "$H/peek" list agencies
	check "$who: data.mdb linked to the shared data is not read" \
	    test "$rc" -ne 0
	lacks "$who: nothing of it is shown" "$TMP/out" "內政部"
	intact "$who: data.mdb link"
	# The session file's temporary name as a link to the data file.
	rm -rf "$H/evil"
	as "$who" init --db "$H/evil"
	mkdir -p "$H/evil/sessions"
	for pid in $(seq $(($$ + 1)) $(($$ + 400))); do
		ln -sf "$DATA" "$H/evil/sessions/$pid.new"
	done
	chown -R "$who" "$H/evil"
	as "$who" - sh -c "TERM=xterm timeout 2 $BIN --db $H/evil" \
	    >/dev/null 2>&1
	intact "$who: sessions/PID.new links"
	# The writer's file as a link.
	ln -sf "$DATA" "$H/evil/writer"
	chown -h "$who" "$H/evil/writer"
	as "$who" --db "$H/evil" set agency 1 note=x
	intact "$who: writer linked to the shared data"
done

# A hard link needs the file, which only the group reaches.
as "$NO" - ln "$DATA" "$TMP/home/$NO/hard"
check "no account can hard-link the shared data file" test "$rc" -ne 0

# --- the directory itself a link, swapped while ogpo runs ---------------
H=$TMP/home/$NO
as "$NO" - ln -s "$STATE" "$H/shared"
as "$NO" --db "$H/shared" list agencies
check "a link to the shared directory opens it as the shared database" \
    test "$rc" -eq 0
as "$NO" --db "$H/shared" init
check "but does not make one there" test "$rc" -ne 0
as "$NO" init --db "$H/mine"
i=0
while [ $i -lt 30 ]; do
	as "$NO" - sh -c "ln -sfn $STATE $H/sw; $BIN --db $H/sw set agency 1 \
	    note=x & ln -sfn $H/mine $H/sw; wait"
	i=$((i + 1))
done
intact "a link swapped between the shared directory and one's own"
as "$NO" --db "$H/shared" set agency 1 note=x
check "a login with no role still may not write through it" \
    test "$rc" -ne 0

# --- what is in the shared directory: only what ogpo made ---------------
# A process with the group's rights gone wrong, or root's mistake: ogpo
# opens nothing there that is not a regular file of the group.
for f in lock.mdb writer; do
	mv "$STATE/$f" "$TMP/$f.real"
	ln -s "$TMP/home/$NO/victim" "$STATE/$f"
	: >"$TMP/home/$NO/victim"
	as "$NO" list agencies
	if [ "$f" = lock.mdb ]; then
		check "$f as a link in the shared directory is refused" \
		    test "$rc" -ne 0
		said "naming it" "$STATE/$f is a symbolic link"
	fi
	check "the link's target was not written" \
	    test ! -s "$TMP/home/$NO/victim"
	rm -f "$STATE/$f"
	mkfifo -m 660 "$STATE/$f" && chgrp $GRP "$STATE/$f"
	as "$NO" - timeout 10 "$BIN" list agencies
	check "$f as a FIFO: ogpo does not hang on it" test "$rc" -ne 124
	rm -f "$STATE/$f"
	mknod -m 660 "$STATE/$f" c 1 3 && chgrp $GRP "$STATE/$f"
	as "$NO" list agencies
	[ "$f" = lock.mdb ] && check "$f as a device is refused" \
	    test "$rc" -ne 0
	rm -f "$STATE/$f"
	mv "$TMP/$f.real" "$STATE/$f"
done
ln "$DATA" "$TMP/second-name"
as "$NO" list agencies
check "data.mdb with a second name (a hard link) is refused" \
    test "$rc" -ne 0
rm -f "$TMP/second-name"
chmod 0666 "$DATA"
as "$NO" list agencies
check "data.mdb open to others is refused" test "$rc" -ne 0
said "and the refusal says what to do" "ogpo doctor"
chmod 0660 "$DATA"
chmod 0777 "$STATE"
as "$NO" list agencies
check "a shared directory open to others is refused" test "$rc" -ne 0
said "with the fix" "chmod 2770 $STATE"
chmod 2770 "$STATE"
as "$NO" list agencies
check "as the install made it, it opens again" test "$rc" -eq 0
intact "files in the shared directory tampered with"

# --- environment and descriptors ---------------------------------------
cat >"$TMP/home/$NO/evil.conf" <<EOF
db = $TMP/home/$NO/mine
unknown_users = read
EOF
AS_ENV="OGPO_SYSCONF=$TMP/home/$NO/evil.conf TERMINFO=$TMP/home/$NO \
TMPDIR=$TMP/home/$NO LD_PRELOAD=$TMP/home/$NO/x.so" as "$NO" --print-config
said "a set-id ogpo reads the system's settings, not \$OGPO_SYSCONF" \
    "db = $STATE"
# A terminal description of the account's own ($TERMINFO,
# $TERMINFO_DIRS, ~/.terminfo) would be parsed by ncurses in the
# full-screen program, which keeps the group as its saved group and the
# database open: ogpo starts the terminal with the group's rights, so
# that ncurses takes only the system's. A copy not set-id takes them.
H=$TMP/home/$NO
printf 'ogpoevil|a terminal of its own,\n\tsmcup=OGPOEVIL\\E[?1049h, %s\n' \
    'use=xterm,' >"$TMP/evil.ti"
for d in .terminfo ti tidirs; do
	tic -o "$H/$d" "$TMP/evil.ti"
done
chown -R "$NO" "$H"
cp "$BIN" "$TMP/plain-ti" && chmod 755 "$TMP/plain-ti"
as "$NO" - "$TMP/plain-ti" init --db "$H/own"
for v in HOME=$H TERMINFO=$H/ti TERMINFO_DIRS=$H/tidirs; do
	AS_ENV="$v TERM=ogpoevil" as "$NO" - script -qc \
	    "timeout --foreground -s KILL 4 $TMP/plain-ti --db $H/own" /dev/null
	check "${v%%=*}: a copy not set-id draws with the account's terminfo" \
	    grep -q OGPOEVIL "$TMP/out"
	AS_ENV="$v TERM=ogpoevil" as "$NO" - script -qc \
	    "timeout --foreground -s KILL 4 $BIN" /dev/null
	check "${v%%=*}: the set-group-id ogpo does not" \
	    sh -c "! grep -q OGPOEVIL '$TMP/out'"
done
# Started with standard error closed, the first file ogpo opens would
# be descriptor 2: a message must not land in the database.
as "$NO" - sh -c "exec 2>&-; $BIN set officer 1 nosuchfield=1"
as "$NO" - sh -c "exec 1>&- 2>&-; $BIN list agencies --tsv"
as "$NO" - sh -c "exec 0<&- 1>&- 2>&-; $BIN no-such-command"
intact "ogpo started without descriptors 0, 1 and 2"
as "$NO" - sh -c "exec 7>$TMP/home/$NO/seven; $BIN list agencies"
check "descriptors it was handed do not break it" test "$rc" -eq 0
# ogpo opens libzip itself (dlopen) when it first reads or writes a .ods
# or .xlsx: from the system's places even then, never from a directory
# the account names. A libzip of its own would run its constructor in
# the set-group-id program; this one leaves a file to say it ran.
evil=$TMP/home/$ED/lib
soname=$(ldconfig -p | awk '$1 ~ /^libzip\.so\.[0-9]+$/ { print $1; exit }')
mkdir -p "$evil"
printf '#include <stdio.h>\n__attribute__((constructor)) static void\n%s\n' \
    'ran(void) { FILE *f = fopen("'"$evil"'/ran", "w"); if (f) fclose(f); }' \
    >"$evil/evil.c"
cc -shared -fPIC -o "$evil/$soname" "$evil/evil.c" && chown -R "$ED" "$evil"
cp "$BIN" "$TMP/plain-ogpo"	# without the set-group-id bit
LD_LIBRARY_PATH=$evil "$TMP/plain-ogpo" export officers \
    -o "$TMP/plain.ods" >/dev/null 2>&1
check "the account's $soname runs in a program that is not set-id" \
    test -e "$evil/ran"
rm -f "$evil/ran"
AS_ENV="LD_LIBRARY_PATH=$evil" as "$ED" export officers -o o.ods
check "an .ods export by the set-group-id ogpo succeeds" test "$rc" -eq 0
check "with the system's libzip, not the one \$LD_LIBRARY_PATH names" \
    test ! -e "$evil/ran"

# --- leftovers in the shared directory ---------------------------------
# The full-screen program writes its session file through PID.new: one
# killed before the rename (by ulimit -f, deterministically) left that
# name behind for good, and a login with no role could pile them up in
# the directory every full-screen program reads each second.
i=0
while [ $i -lt 5 ]; do
	as "$NO" - sh -c "ulimit -f 0; TERM=xterm script -qc \
	    'timeout 5 $BIN' /dev/null"
	i=$((i + 1))
done
n=$(ls "$STATE/sessions" | grep -c '\.new$')
check "$NO's full-screen program, cut short, left its session files ($n)" \
    test "$n" -gt 0
as "$ADM" who
check "the next to look at the sessions clears them away" \
    test "$(ls "$STATE/sessions" | grep -c '\.new$')" -eq 0

# --- making databases ---------------------------------------------------
# Between the install and root's ogpo init, no login makes itself the
# shared database's admin.
STATE2=$TMP/var/lib/ogpo2
make -s install-shared PREFIX="$PREFIX" STATEDIR="$STATE2" \
    SYSCONFFILE=/etc/ogpo2.conf OGPO_GROUP=$GRP >"$TMP/install2.out" 2>&1
as "$ED" init --demo
check "no login makes the shared database" test "$rc" -ne 0
said "it is told root does" "ask root to run: ogpo init --admin $ED"
check "and nothing was made" test ! -e "$STATE2/data.mdb"
make -s install-shared PREFIX="$PREFIX" STATEDIR="$STATE2" \
    SYSCONFFILE=/etc/ogpo2.conf OGPO_GROUP=$GRP ADMIN="$ADM" \
    >"$TMP/install2.out" 2>&1
check "make install-shared ADMIN=... makes it, with its admin" \
    test -s "$STATE2/data.mdb"
contains "SYSCONFFILE is where the program reads its settings" \
    /etc/ogpo2.conf "db = $STATE2"
as "$ADM" user
said "the installed program reads SYSCONFFILE: there, $ADM is an admin" \
    "an admin"
as "$ADM" --print-config
said "and says it reads that file" "/etc/ogpo2.conf"
make -s install-shared PREFIX="$PREFIX" STATEDIR="$STATE" \
    OGPO_GROUP=$GRP >/dev/null 2>&1
intact "the attacks on files, at the end"
