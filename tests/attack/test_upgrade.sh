#!/bin/sh
# test_upgrade.sh — a database made by an older ogpo is brought up to date
# by root alone. The migration rewrites the database under the writer's
# lock: a login with no role that happened to open it first would hold
# everyone's saves and opens for as long as it took, or, stopped there
# (kill -STOP), until root ended it. Anyone else is refused, naming the
# command for root, and the file is left as it was; `make install-shared`
# migrates the database it finds.
. "$(dirname "$0")/attack-lib.sh"

# old: put the schema-4 database in the shared directory's place.
old() {
	gzip -dc tests/data/schema4-issues.mdb.gz >"$DATA" &&
	    chgrp "$GRP" "$DATA" && chmod 0660 "$DATA" &&
	    rm -f "$STATE/lock.mdb"
}
old || { not_ok "a schema-4 database in the shared directory"; exit 1; }
remember
for who in $NO $VW $ED $ADM; do
	as "$who" list cases
	check "$who's ogpo does not bring it up to date" test "$rc" -ne 0
	said "$who: it is told root does" "as root: ogpo doctor"
done
intact "logins opening an old database"
"$BIN" doctor >"$TMP/out" 2>&1
as "$NO" list cases
check "once root has, everyone reads it" test "$rc" -eq 0
said "its cases" "公路資訊開放"

old
make -s install-shared PREFIX="$PREFIX" STATEDIR="$STATE" \
    OGPO_GROUP=$GRP >"$TMP/install.out" 2>&1
check "make install-shared over an old database" test $? -eq 0
as "$NO" list cases
check "brings it up to date" test "$rc" -eq 0
