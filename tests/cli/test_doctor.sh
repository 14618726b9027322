#!/bin/sh
# test_doctor.sh — ogpo doctor on a database of one's own: a sound one
# passes; a data.mdb its owner cannot write, or one marked unchangeable
# (chattr +i, which no mode shows and which lets ogpo open it but never
# save), is a problem named with the command that fixes it.
#
#   OGPO=./ogpo sh tests/cli/test_doctor.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
DB=$TMP/db
trap 'chattr -i "$DB/data.mdb" 2>/dev/null; test_cleanup' EXIT
"$OGPO" --db "$DB" init --demo >/dev/null 2>&1 ||
    { not_ok "a demo database"; exit 1; }

doctor() {
	LANG=C LC_ALL=C "$OGPO" --db "$DB" doctor >"$TMP/out" 2>"$TMP/err"
	rc=$?
}

doctor
check "a sound database passes (exit 0)" test "$rc" -eq 0
lacks "with no problem" "$TMP/out" "PROBLEM"

chmod 0440 "$DB/data.mdb"
doctor
check "a data.mdb its owner cannot write fails (exit 1)" test "$rc" -eq 1
contains "it is named, saying changes cannot be saved" "$TMP/out" \
    "data.mdb is not yours to read and write (mode 0440)"
contains "with the fix" "$TMP/out" "fix: chmod u+rw $DB/data.mdb"
chmod 0660 "$DB/data.mdb"

if chattr +i "$DB/data.mdb" 2>/dev/null; then
	doctor
	check "an unchangeable data.mdb fails (exit 1)" test "$rc" -eq 1
	contains "it is named as such" "$TMP/out" \
	    "data.mdb is marked unchangeable (lsattr shows it)"
	contains "with the fix" "$TMP/out" \
	    "fix: as root: chattr -i -a $DB/data.mdb"
	chattr -i "$DB/data.mdb"
	doctor
	check "once cleared it passes again" test "$rc" -eq 0
else
	echo "ok - # SKIP chattr +i does not work on $TMP (needs root and a" \
	    "file system with it)"
fi
