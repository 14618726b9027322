#!/bin/sh
# test_audit.sh — the audit trail: `ogpo audit` says who changed what and
# when, in words (references by name, before → after), filtered by date,
# login and kind, as a table or TSV; and it is tamper-evident: a record
# changed behind ogpo's back (with LMDB's own tools, as an intruder with
# the files would) breaks the hash chain, and `ogpo verify` names where;
# a head noted earlier with `ogpo audit --head` proves the trail up to it.
#
#   OGPO=./ogpo sh tests/cli/test_audit.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
DB=$TMP/db
XDG_CONFIG_HOME=$TMP/cfg
export XDG_CONFIG_HOME

# The demo's vote is named for its month: the day fixed, it is the same
# whenever this runs.
OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW
run init --demo
status "a demo database is made" 0
OFF=$("$OGPO" --db "$DB" list officers --agency MOI --tsv | sed -n 2p | cut -f1)
run set officer "$OFF" title=專門委員 agency=MOTC
status "an officer is changed" 0

run audit --limit 1
contains "the newest change is listed" "$TMP/out" "update   officer"
contains "a reference reads as the agency's name" "$TMP/out" \
    "agency 內政部 (MOI) → 交通部 (MOTC)"
contains "a change reads as before → after" "$TMP/out" "→ 專門委員"

# A ballot names its vote and the topics chosen by their titles: none of
# them is gone, so none may read "(gone)".
run audit --entity ballot --limit 1
contains "a ballot's vote reads as its title" "$TMP/out" "vote 2026-11 議題票選"
lacks "no reference of a ballot reads as gone" "$TMP/out" "(gone)"
run audit --entity resolution --limit 1
lacks "no reference of a resolution reads as gone" "$TMP/out" "(gone)"
run audit --entity user --tsv
contains "--entity picks the kind; TSV has a header" "$TMP/out" \
    "seq	time	login	action	entity	id	id2	record	changes"
contains "the first admin's creation is in the trail" "$TMP/out" \
    "	create	user	"
lacks "--entity leaves other kinds out" "$TMP/out" "	officer	"
TODAY=${OGPO_NOW%% *}
run audit --since "$TODAY" --limit 0
status "--since today lists the day's records" 0
contains "--since finds them" "$TMP/out" "專門委員"
run audit --until 2000-01-01
lacks "--until before anything finds nothing" "$TMP/out" "專門委員"
run audit --since someday
status "a bad date is a usage error" 2
contains "it says what a date looks like" "$TMP/err" "YYYY-MM-DD"
run audit --since yesterday --until today --limit 0
contains "--since yesterday --until today are days too" "$TMP/out" "專門委員"
run audit --until -7d
lacks "--until -7d: a week ago, before anything" "$TMP/out" "專門委員"
# An import's own record is stamped by the clock that stamped the records
# it wrote (OGPO_NOW's here, the server's on the shared install): two days
# on, both read as that day.
printf 'name,email,agency_code,role\n鐘新人,clock.new@ex.gov.tw,MOI,聯絡人\n' \
    >"$TMP/clock.csv"
OGPO_NOW="2026-12-09 10:00" "$OGPO" --db "$DB" import officers \
    "$TMP/clock.csv" >"$TMP/out" 2>"$TMP/err"
check "an import two days on" test $? -eq 0
run audit --since 2026-12-09 --limit 0 --tsv
contains "the officer it added is of that day" "$TMP/out" \
    "	2026-12-09 10:00	$(id -un)	create	officer	"
contains "and so is the import's own record" "$TMP/out" \
    "	2026-12-09 10:00	$(id -un)	import	import	"
run audit --limit 3
contains "the limit is said when there is more" "$TMP/err" "the newest 3 shown"

# --- the chain ---
run verify
status "the untouched trail verifies" 0
run audit --head
HEAD=$(cat "$TMP/out")
case $HEAD in
*:????????????????????????????????????????????????????????????????) ok "--head prints SEQ:SHA-256" ;;
*) not_ok "--head prints SEQ:SHA-256 (got '$HEAD')" ;;
esac
run set officer "$OFF" note=之後的修改
run verify --head "$HEAD"
status "a noted head still holds after later changes" 0
SEQ=${HEAD%%:*}
run verify --head "$SEQ:0000000000000000000000000000000000000000000000000000000000000000"
status "a head that does not match is a problem" 1
contains "it says the trail was rewritten" "$TMP/out" "was rewritten"

# An intruder with the files changes one record of the middle: the
# login of record 5 ("root" becomes "roou", the same length).
mdb_dump -s audit "$DB" >"$TMP/dump" 2>/dev/null
LOGIN_HEX=$(printf '%s' "$(id -un)" | od -An -tx1 | tr -d ' \n')
awk -v k=" 0000000000000005" -v from="$LOGIN_HEX" '
	$0 == k { print; getline; sub(from, substr(from, 1, length(from) - 2) "75"); print; next }
	{ print }' "$TMP/dump" >"$TMP/dump2"
TAMPERED=$(awk -v k=" 0000000000000005" '$0 == k { getline; print; exit }' "$TMP/dump2")
ORIGINAL=$(awk -v k=" 0000000000000005" '$0 == k { getline; print; exit }' "$TMP/dump")
check "the intruder changed record 5" test "$TAMPERED" != "$ORIGINAL"
mdb_load -s audit "$DB" <"$TMP/dump2" 2>/dev/null
run verify
status "a record changed behind ogpo's back fails verify" 1
contains "verify names the broken link" "$TMP/out" \
    "audit record #6 does not follow from #5: #5 was changed"
mdb_load -s audit "$DB" <"$TMP/dump" 2>/dev/null
run verify
status "put back as it was, the trail verifies again" 0

# The newest record changed (or newer ones removed): the head in meta no
# longer matches.
mdb_dump -s meta "$DB" >"$TMP/meta" 2>/dev/null
KEY=$(printf 'audit.head' | od -An -tx1 | tr -d ' \n')
awk -v k=" $KEY" '$0 == k { print; getline; print " 0000000000000000000000000000000000000000000000000000000000000000"; next } { print }' \
    "$TMP/meta" >"$TMP/meta2"
mdb_load -s meta "$DB" <"$TMP/meta2" 2>/dev/null
run verify
status "a head that does not match the newest record fails verify" 1
contains "verify says the end of the trail was touched" "$TMP/out" \
    "is not the one the chain ends with"
