#!/bin/sh
# test_slots.sh — no account takes the whole reader table. Every ogpo that
# reads holds one of LMDB's reader slots (510) for as long as it reads a
# snapshot; a process stopped by force there (kill -STOP, which no
# program can refuse) holds it until it is ended, and only root can end
# another's. A login with no role that stopped hundreds of its own ogpo
# there would leave everyone else, admins and root included, unable to
# read or save at all: one login holds only a share of the table, and is
# told so.
. "$(dirname "$0")/attack-lib.sh"

# The accounts run it from the test's own directory.
CATCH=$TMP/catch
cp build/tools/catch "$CATCH" || { not_ok "build/tools/catch (make it)"; exit 1; }
cat >"$TMP/fill.sh" <<EOS
# Catch readers until one is not caught; their pids in \$1.
while $CATCH $BIN audit --limit 0 >>"\$1"; do :; done
EOS
: >"$TMP/caught"
chmod 666 "$TMP/caught"

remember
as "$NO" - sh "$TMP/fill.sh" "$TMP/caught"
n=$(wc -l <"$TMP/caught")
echo "# $NO stopped $n of its ogpo while each read a snapshot"
check "$NO stopped some of its ogpo holding a snapshot ($n)" test "$n" -gt 0
"$BIN" doctor >"$TMP/out" 2>&1
said "none of them holds the writer's lock (a full table is no cause to take it)" \
    "no one holds the database for writing"
as "$ADM" list agencies
check "the admin still reads" test "$rc" -eq 0
said "what is there" "內政部"
as "$ADM" set agency 1 note=still
check "and saves" test "$rc" -eq 0
as "$VW" list officers
check "a viewer still reads" test "$rc" -eq 0
"$BIN" list agencies >"$TMP/out" 2>"$TMP/err"
check "and root" test $? -eq 0
as "$NO" audit --limit 1
check "$NO itself is refused one more" test "$rc" -ne 0
said "told why" "one login may hold only 32 at once"
said "and what to do" "kill -CONT"
check "$NO holds no more than a share of the table ($n)" test "$n" -le 64
for p in $(cat "$TMP/caught"); do
	kill -KILL "$p" 2>/dev/null
done
as "$NO" audit --limit 1
check "once they are ended, $NO reads again" test "$rc" -eq 0
"$BIN" verify >/dev/null 2>&1
check "the database verifies" test $? -eq 0
