#!/bin/sh
# test_import_bulk.sh — a large import into a database that already has
# officers: its index entries are gathered and written in key order, and
# a new officer's search grams in a thread of their own, beside the
# writer. Keys that fall between the stored ones (e-mails, names, grams
# the demo's officers have too), rows that change a stored officer in
# among the new ones, enough rows to write the gathered entries part-way;
# verify passes after the import, after its dry run (which writes
# nothing) and after its undo (which leaves the database as it was).
. tests/lib.sh

DB=$TMP/db
N=30000
run() { "$OGPO" --db "$DB" "$@" >"$TMP/out" 2>"$TMP/err"; rc=$?; }
same() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1 ('$2', not '$3')"; fi; }
count() { "$OGPO" --db "$DB" list officers --tsv | awk 'NR > 1' | wc -l; }
field() {	# EMAIL FIELD: an officer's field from list --tsv
	"$OGPO" --db "$DB" list officers --tsv | awk -F '\t' -v e="$1" \
	    -v f="$2" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	    tolower($c["email"]) == e { print $c[f] }'
}
verify() {	# LABEL
	if "$OGPO" --db "$DB" verify >"$TMP/verify" 2>&1; then
		ok "$1: verify passes"
	else
		not_ok "$1: verify passes ($(cat "$TMP/verify"))"
	fi
}
"$OGPO" --db "$DB" init --demo >/dev/null
before=$(count)
"$OGPO" --db "$DB" list officers --tsv >"$TMP/demo.tsv"
# The demo's e-mails (moi.po2@ogpo.example …), one in 40 of them changed
# by the file, and the new officers' e-mails on either side of each.
awk -F '\t' 'NR > 1 { print $12 }' "$TMP/demo.tsv" >"$TMP/emails"
moved=$(awk 'NR % 40 == 2' "$TMP/emails" | head -1)
awk -v n="$N" -v moved="$(awk 'NR % 40 == 2' "$TMP/emails" |
    tr '\n' ' ')" 'BEGIN {
	srand(18)
	split("陳 林 黃 張 李 王 吳 劉 蔡 楊 廖 蕭", sur, " ")
	split("淑芬 志明 凱翔 書豪 美玲 家豪 怡君 俊傑", given, " ")
	split("科長 專員 組長 技正 研究員 秘書", title, " ")
	split("EY MOI MOF MOJ", ag, " ")
	nm = split(moved, m, " ")
	print "姓名,電子郵件,機關代碼,職稱"
	for (i = 1; i <= n; i++) {
		if (i % 1000 == 500 && ++k <= nm) {
			# A stored officer, changed in among the new ones.
			printf "改名%d,%s,MOI,新職稱%d\n", k, m[k], k
			continue
		}
		# Local parts that sort among the demo'"'"'s (ey.…, moi.…).
		split("ey moi mof moj ndc", pre, " ")
		printf "%s%s,%s.p%05d@ogpo.example,%s,%s\n",
		    sur[1 + int(rand() * 12)], given[1 + int(rand() * 8)],
		    pre[1 + i % 5], i, ag[1 + i % 4],
		    title[1 + int(rand() * 6)]
	}
}' >"$TMP/big.csv"
changed=$(grep -c '^改名' "$TMP/big.csv")
added=$((N - changed))
check "the file changes some stored officers ($changed)" [ "$changed" -gt 0 ]

# --- a dry run writes nothing ----------------------------------------------
cp "$DB/data.mdb" "$TMP/data.before"
run import officers "$TMP/big.csv" --dry-run
same "dry run: exit 0" "$rc" 0
cp "$TMP/out" "$TMP/dry.out"
contains "dry run: what it would do" "$TMP/out" \
    "added $added, updated $changed, unchanged 0, rejected 0"
if cmp -s "$DB/data.mdb" "$TMP/data.before"; then
	ok "dry run: the database file is unchanged"
else
	not_ok "dry run: the database file is unchanged"
fi
same "dry run: no officer added" "$(count)" "$before"
verify "after the dry run"

# --- the import ------------------------------------------------------------
run import officers "$TMP/big.csv"
same "import: exit 0" "$rc" 0
contains "import: added and updated" "$TMP/out" \
    "added $added, updated $changed, unchanged 0, rejected 0"
same "import: every new officer is there" "$(count)" "$((before + added))"
same "import: a stored officer changed in among new ones" \
    "$(field "$moved" title)" 新職稱1
same "import: a new officer between stored ones" \
    "$(field moi.p00001@ogpo.example agency)" \
    "$("$OGPO" --db "$DB" list agencies --tsv |
    awk -F '\t' '$5 == "MOI" { print $1 }')"
verify "after the import"
# The dry run named, row by row, what the import then did: the officers
# it added and the stored ones it changed, no more and no fewer.
"$OGPO" --db "$DB" list officers --tsv >"$TMP/after.tsv"
awk -F '\t' 'NR > 1 { print $12 }' "$TMP/after.tsv" | sort >"$TMP/emails.now"
sort "$TMP/emails" | comm -13 - "$TMP/emails.now" >"$TMP/added.real"
sed -n 's/^row [0-9]*: added .* <\([^>]*\)>$/\1/p' "$TMP/dry.out" |
    sort >"$TMP/added.dry"
check "the dry run listed every officer the import added" \
    cmp -s "$TMP/added.real" "$TMP/added.dry"
awk -F '\t' 'NR > 1 && $11 ~ /^新職稱/ { print $12 }' "$TMP/after.tsv" |
    sort >"$TMP/changed.real"
sed -n 's/^row [0-9]*: updated .* <\([^>]*\)>: .*新職稱.*/\1/p' \
    "$TMP/dry.out" | sort >"$TMP/changed.dry"
check "the dry run listed every officer the import changed" \
    cmp -s "$TMP/changed.real" "$TMP/changed.dry"
same "and those only" "$(grep -c '^row ' "$TMP/dry.out")" "$N"
# The same file again: every row as stored, nothing written.
run import officers "$TMP/big.csv"
contains "again: all unchanged" "$TMP/out" \
    "added 0, updated 0, unchanged $N, rejected 0"
verify "after the same file again"

# --- undo ------------------------------------------------------------------
seq=$("$OGPO" --db "$DB" import list 2>/dev/null | awk '$0 ~ /big.csv/ { print $1 }' |
    sed 's/[^0-9]//g' | head -1)
check "import list names the import ($seq)" [ -n "$seq" ]
run import undo "$seq"
same "undo: exit 0" "$rc" 0
same "undo: the officers are as before" "$(count)" "$before"
"$OGPO" --db "$DB" list officers --tsv | cut -f 1,5- >"$TMP/after.tsv"
cut -f 1,5- "$TMP/demo.tsv" >"$TMP/demo.cut"
if cmp -s "$TMP/after.tsv" "$TMP/demo.cut"; then
	ok "undo: every stored officer as it was"
else
	not_ok "undo: every stored officer as it was"
	diff "$TMP/demo.cut" "$TMP/after.tsv" | head -5 >&2
fi
verify "after the undo"
