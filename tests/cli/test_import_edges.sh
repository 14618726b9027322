#!/bin/sh
# test_import_edges.sh — imports where a careless importer would write
# what it then calls rejected, lose what the file did not mention, or
# leave an import that cannot be undone. Each case was once wrong.
. tests/lib.sh

DB=$TMP/db
run() { "$OGPO" --db "$DB" "$@" >"$TMP/out" 2>"$TMP/err"; rc=$?; }
same() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1 ('$2', not '$3')"; fi; }
field() {	# EMAIL FIELD: an officer's field from list --tsv
	"$OGPO" --db "$DB" list officers --tsv | awk -F '\t' -v e="$1" \
	    -v f="$2" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	    tolower($c["email"]) == e { print $c[f] }'
}
agency_field() {	# CODE FIELD
	"$OGPO" --db "$DB" list agencies --tsv | awk -F '\t' -v k="$1" \
	    -v f="$2" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	    $c["code"] == k { print $c[f] }'
}
"$OGPO" --db "$DB" init --demo >/dev/null

# An empty role cell keeps the stored role (a supervisor stays one).
sup=$("$OGPO" --db "$DB" list officers --agency MOI --tsv |
    awk -F '\t' '$7 == "supervisor" { print $12; exit }')
printf 'name,email,agency_code,role,title\n督導甲,%s,MOI,,新職稱\n' "$sup" \
    >"$TMP/emptyrole.csv"
run import officers "$TMP/emptyrole.csv"
same "an empty role cell: the import goes through" "$rc" 0
same "the supervisor is still a supervisor" "$(field "$sup" role)" supervisor
same "with the kind of supervisor kept" \
    "$(field "$sup" supervisor)" "$(field "$sup" supervisor)"
same "the title changed as the file says" "$(field "$sup" title)" 新職稱
# 督導 alone keeps the stored kind.
kind=$(field "$sup" supervisor)
printf 'name,email,agency_code,role\n督導甲,%s,MOI,督導\n' "$sup" \
    >"$TMP/kindless.csv"
run import officers "$TMP/kindless.csv"
same "督導 without a kind: accepted" "$rc" 0
same "the stored kind stays ($kind)" "$(field "$sup" supervisor)" "$kind"

# An e-mail too long to store is rejected, not cut to another address.
long=$(printf 'a%.0s' $(seq 1 125))@moi.gov.tw
printf 'name,email,agency_code\n長,%s,MOI\n' "$long" >"$TMP/long.csv"
run import officers "$TMP/long.csv" --skip-bad
contains "a too long e-mail is rejected" "$TMP/out" "too long"
same "and nothing cut short was stored" \
    "$("$OGPO" --db "$DB" list officers --tsv | grep -c '@moi.gov$')" 0

# --create-agencies makes the agency only for a good row.
before=$("$OGPO" --db "$DB" list agencies --tsv | wc -l)
printf 'name,email,agency,start_date\n壞,bad1@x.example,全新機關甲,2024-02-30\n' \
    >"$TMP/badnew.csv"
run import officers "$TMP/badnew.csv" --skip-bad --create-agencies
contains "the bad row is rejected" "$TMP/out" "rejected row 2"
same "and its agency was not made" \
    "$("$OGPO" --db "$DB" list agencies --tsv | wc -l)" "$before"
printf 'name,email,agency\n好,good1@x.example,全新機關乙\n' >"$TMP/goodnew.csv"
run import officers "$TMP/goodnew.csv" --create-agencies
same "a good row makes its agency" "$rc" 0
code=$("$OGPO" --db "$DB" list agencies --tsv |
    awk -F '\t' '$6 == "全新機關乙" { print $5 }')
check "with a NEW code ($code)" test -n "$code"
# Deleting an agency must not make the next NEW code collide.
id=$("$OGPO" --db "$DB" list agencies --tsv |
    awk -F '\t' '$6 == "全新機關乙" { print $1 }')
"$OGPO" --db "$DB" delete officer "$("$OGPO" --db "$DB" list officers --tsv |
    awk -F '\t' '$12 == "good1@x.example" { print $1 }')" >/dev/null
"$OGPO" --db "$DB" delete agency "$id" >/dev/null
printf 'name,email,agency\n丙,good2@x.example,全新機關丙\nXX,good3@x.example,全新機關丁\n' \
    >"$TMP/twonew.csv"
run import officers "$TMP/twonew.csv" --create-agencies
same "two new agencies after a deletion: both made" "$rc" 0
contains "two added" "$TMP/out" "added 2"

# Moving an agency so deep its sub-agencies would fall below level 4 is
# refused before anything is written, even with --skip-bad.
npa_level=$(agency_field NPA level)
printf 'code,name,parent\nNPA,內政部警政署,NFA\n' >"$TMP/deep.csv"
run import agencies "$TMP/deep.csv" --skip-bad
contains "the move is rejected" "$TMP/out" "rejected row 2"
same "NPA keeps its level" "$(agency_field NPA level)" "$npa_level"
same "and its parent" "$(agency_field NPA parent)" \
    "$(agency_field MOI id)"
run verify
same "the database is consistent" "$rc" 0

# The same code twice in one agency file is rejected like a repeated
# e-mail, so an import never touches a record twice.
printf 'code,name,parent\nTWICE,兩次甲,MOI\nTWICE,兩次乙,MOI\n' >"$TMP/twice.csv"
run import agencies "$TMP/twice.csv" --skip-bad
contains "the second row is rejected" "$TMP/out" \
    "'TWICE': the same code is on row 2 too"
# An agency move that relevels a sub-agency also named in the file: the
# import can still be undone.
printf 'code,name,parent\nAODMA,國防部全民防衛動員署,MND\nMND,國防部,MOI\n' \
    >"$TMP/move.csv"
run import agencies "$TMP/move.csv"
same "moving 國防部 under 內政部 works" "$rc" 0
same "its sub-agency follows to level 4" "$(agency_field AODMA level)" 4
run import undo
same "and the import can be undone" "$rc" 0
same "國防部 is back at level 2" "$(agency_field MND level)" 2
same "and its sub-agency at level 3" "$(agency_field AODMA level)" 3
run verify
same "consistent after the undo" "$rc" 0

# A dry run large enough that its index changes are gathered and written
# in batches: in a dry run the batches go to its private layer, and every
# row is judged (they were once written to the read snapshot, which
# refused them).
awk -v n=100000 'BEGIN { print "name,agency_code,role,email";
    for (i = 1; i <= n; i++) printf "試行%d,MOI,po,dry%d@moi.gov.tw\n", i, i }' \
    >"$TMP/dry100k.csv"
run import officers "$TMP/dry100k.csv" --dry-run
same "a dry run of 100,000 rows works through" "$rc" 0
contains "and would add them all" "$TMP/out" "added 100000"
