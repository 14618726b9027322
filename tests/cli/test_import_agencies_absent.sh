#!/bin/sh
# test_import_agencies_absent.sh — an agency list imported without some
# agencies' rows removes none of them, and says so, as an officer list
# does: per parent the file lists agencies under, which of its agencies
# are not in the file and stay, and how to remove one (the command
# itself when there is one), at the top of the tree too. A full list,
# and a branch's list, say nothing; nothing is ever deleted.
. tests/lib.sh

DB=$TMP/db
run() { "$OGPO" --db "$DB" "$@" >"$TMP/out" 2>"$TMP/err"; rc=$?; }
same() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1 ('$2', not '$3')"; fi; }
"$OGPO" --db "$DB" init --demo >/dev/null
"$OGPO" --db "$DB" export agencies -o "$TMP/all.csv" >/dev/null ||
    not_ok "the agency list exported"
count() { "$OGPO" --db "$DB" list agencies --tsv | wc -l; }
before=$(count)
id_of() {
	"$OGPO" --db "$DB" list agencies --tsv | awk -F '\t' -v k="$1" \
	    'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	    $c["code"] == k { print $c["id"] }'
}

# The whole list: nothing to say.
run import agencies "$TMP/all.csv"
same "the whole list: imported" "$rc" 0
lacks "the whole list: no note of missing agencies" "$TMP/out" \
    "not in the file"

# Three ministries' rows deleted (their own agencies' rows kept).
awk -F , 'NR == 1 || ($1 != "MOTC" && $1 != "MODA" && $1 != "NDC")' \
    "$TMP/all.csv" >"$TMP/three.csv"
run import agencies "$TMP/three.csv"
same "without three rows: imported" "$rc" 0
contains "the note names the parent and how many" "$TMP/out" \
    "EY 行政院: 3 agencies under it are not in the file and stay as they are"
contains "and each missing agency, with its record number" "$TMP/out" \
    "交通部 (MOTC, #$(id_of MOTC))"
contains "and how to remove one" "$TMP/out" "ogpo delete agency ID"
same "and none was deleted" "$(count)" "$before"

# One row missing: the command to remove it, whole.
awk -F , 'NR == 1 || $1 != "MODA"' "$TMP/all.csv" >"$TMP/one.csv"
run import agencies "$TMP/one.csv"
contains "one missing: said in the singular" "$TMP/out" \
    "1 agency under it is not in the file and stays as it is"
contains "with the command for it" "$TMP/out" \
    "ogpo delete agency $(id_of MODA)."

# A dry run says it too, and a branch's own list says nothing of others.
run import agencies "$TMP/one.csv" --dry-run
contains "a dry run says it too" "$TMP/out" "數位發展部 (MODA"
awk -F , 'NR == 1 || $3 == "MOI"' "$TMP/all.csv" >"$TMP/moi.csv"
run import agencies "$TMP/moi.csv"
same "內政部's agencies alone: imported" "$rc" 0
lacks "and nothing said of other ministries' agencies" "$TMP/out" \
    "not in the file"
same "nothing deleted at all" "$(count)" "$before"

# An agency at the top beside 行政院, not in the whole list: said so.
run add agency code=CY name=監察院 level=1
run import agencies "$TMP/all.csv"
contains "one at the top of the tree is named" "$TMP/out" \
    "At the top of the tree, 1 agency is not in the file and stays as it is"
contains "with its command" "$TMP/out" "監察院 (CY, #$(id_of CY))"
