#!/bin/sh
# import.sh — `make bench`: figures for `ogpo import officers` on generated
# CSV files of 100,000 and 1,000,000 rows (OGPO_BENCH_IMPORT_ROWS overrides
# the big one), against two baselines measured in the same run on the same
# file:
#
#   baseline   build/bench/import-baseline: libcsv straight into LMDB, one
#              write transaction, the same records (byte-for-byte the same
#              CBOR size) and index entries in ogpo's sub-database layout,
#              but no encoding detection, validation, duplicate marks,
#              look-ups or audit records. The floor for this store layout.
#   sqlite3    the sqlite3 shell's `.import --csv` into a table with the same
#              indexes (unique lower(email), agency, name, agency+role+start),
#              default settings (rollback journal, synchronous=FULL, 2 MB
#              cache). Twice: indexes created first, so every row updates
#              them inside .import's one transaction as ogpo's does (the
#              ratio is against this one), and indexes built after the load,
#              the fastest way sqlite3 knows.
#
# The ogpo database is made with `ogpo --db DIR init` (no demo data), then
# `ogpo import agencies` of the demo agencies (import-gen -a); only the
# officer import is timed. Officer rows name the demo agencies below the
# Executive Yuan by code (機關代碼).
#
# Memory (see import-run.c): VmHWM is the peak resident set and includes
# the LMDB map's file pages; RssAnon is private memory only (malloc heap,
# where LMDB keeps a write transaction's dirty pages until commit). Both
# LMDB programs write the whole file in one transaction, so their RssAnon
# is mostly dirty pages and tracks the database size (the "disk MB"
# column); ogpo's RssAnon less the baseline's is printed next to how much
# more ogpo writes (an audit record per row, the e-mail marks), which is
# where that difference goes. Comparing 100k with 1M rows shows what
# grows with the file. (valgrind massif would say the same at 30x the
# time: LMDB mallocs its dirty pages, so they are "heap" there too.)
#
# The small file is imported three times, the big one twice (best wall
# time kept, a fresh database each time). Figures, not a test: nothing
# here fails on a slow result.
set -eu
cd "$(dirname "$0")/../.."
SMALL=100000
BIG=${OGPO_BENCH_IMPORT_ROWS:-1000000}
dir=$(mktemp -d "${TMPDIR:-/tmp}/ogpo-bench-import.XXXXXX")
trap 'rm -rf "$dir"' EXIT

# run NAME N CSV CMD...: run CMD under import-run on a fresh database, keep
# the fastest of the tries in $dir/m.NAME.N (wall user sys hwm anon rc).
run() {
	name=$1 n=$2 csv=$3
	shift 3
	tries=2
	[ "$n" -le "$SMALL" ] && tries=3
	i=0
	while [ "$i" -lt "$tries" ]; do
		i=$((i + 1))
		rm -rf "$dir/db" "$dir/db.sqlite"
		case $name in
		ogpo)
			./ogpo --db "$dir/db" init >/dev/null
			./ogpo --db "$dir/db" import agencies \
			    "$dir/agencies.csv" >/dev/null ;;
		esac
		case $name in
		sqlite*) build/bench/import-run "$dir/m" "$@" \
			    <"$dir/$name.sql" >"$dir/out" ;;
		*) build/bench/import-run "$dir/m" "$@" >"$dir/out" ;;
		esac || { echo "import.sh: $name failed:" >&2;
			cat "$dir/out" >&2; exit 1; }
		case $name in
		ogpo) grep -q "added $n, updated 0, unchanged 0, rejected 0" \
			    "$dir/out" ;;
		baseline) grep -q "added $n\$" "$dir/out" ;;
		sqlite*) [ "$(tail -n 1 "$dir/out")" = "$n" ] ;;
		esac || { echo "import.sh: $name did not load $n rows:" >&2;
			cat "$dir/out" >&2; exit 1; }
		# The pages in use, not the file's size (which follows the
		# map when ogpo grew it ahead of a large import).
		if [ -f "$dir/db/data.mdb" ]; then
			size=$(mdb_stat -e "$dir/db" | awk '
			    /Page size:/ { ps = $3 }
			    /Number of pages used:/ { n = $5 }
			    END { print int(n * ps / 1024) }')
		else
			size=$(du -sk "$dir/db.sqlite" 2>/dev/null |
			    awk '{ s += $1 } END { print s + 0 }')
		fi
		echo "$(cat "$dir/m") $size" >"$dir/m.try"
		if [ ! -f "$dir/m.$name.$n" ] || awk '
		    NR == FNR { best = $1; next } { exit !($1 < best) }
		    ' "$dir/m.$name.$n" "$dir/m.try"; then
			mv "$dir/m.try" "$dir/m.$name.$n"
		fi
	done
	rm -rf "$dir/db" "$dir/db.sqlite"
}

sqlite_scripts() {
	csv=$1
	cat >"$dir/schema.sql" <<'EOF'
CREATE TABLE officer(name TEXT, agency_code TEXT, title TEXT, role TEXT,
    email TEXT, phone TEXT, start_date TEXT, note TEXT);
EOF
	cat >"$dir/index.sql" <<'EOF'
CREATE UNIQUE INDEX officer_email ON officer(lower(email));
CREATE INDEX officer_agency ON officer(agency_code);
CREATE INDEX officer_name ON officer(name);
CREATE INDEX officer_role ON officer(agency_code, role, start_date);
EOF
	{ cat "$dir/schema.sql" "$dir/index.sql"
	  echo ".import --csv --skip 1 $csv officer"
	  echo "SELECT count(*) FROM officer;"; } >"$dir/sqlite.sql"
	{ cat "$dir/schema.sql"
	  echo ".import --csv --skip 1 $csv officer"
	  cat "$dir/index.sql"
	  echo "SELECT count(*) FROM officer;"; } >"$dir/sqlite-after.sql"
}

build/bench/import-gen -a "$dir/agencies.csv"
for n in "$SMALL" "$BIG"; do
	t0=$(date +%s%N)
	build/bench/import-gen "$dir/officers.$n.csv" "$n"
	t1=$(date +%s%N)
	echo "generated $n officer rows in $(( (t1 - t0) / 1000000 )) ms" \
	    "($(du -h "$dir/officers.$n.csv" | cut -f1) of CSV)"
done

for n in "$SMALL" "$BIG"; do
	csv=$dir/officers.$n.csv
	sqlite_scripts "$csv"
	run ogpo "$n" "$csv" ./ogpo --db "$dir/db" import officers "$csv"
	run baseline "$n" "$csv" build/bench/import-baseline "$dir/db" "$csv"
	run sqlite "$n" "$csv" sqlite3 "$dir/db.sqlite"
	run sqlite-after "$n" "$csv" sqlite3 "$dir/db.sqlite"

	echo
	echo "== import of $n officers ($(du -h "$csv" | cut -f1) CSV," \
	    "$([ "$n" -le "$SMALL" ] && echo "best of 3" || echo "best of 2"))"
	printf "%-24s %8s %9s %7s %7s %9s %10s %8s\n" "" "wall s" "rows/s" \
	    "user s" "sys s" "VmHWM MB" "RssAnon MB" "disk MB"
	for name in ogpo baseline sqlite sqlite-after; do
		case $name in
		ogpo) label="ogpo import officers" ;;
		baseline) label="baseline libcsv+LMDB" ;;
		sqlite) label="sqlite3, indexes first" ;;
		sqlite-after) label="sqlite3, indexes after" ;;
		esac
		awk -v n="$n" -v label="$label" '{
			printf "%-24s %8.3f %9.0f %7.2f %7.2f %9.1f %10.1f %8.1f\n",
			    label, $1, n / $1, $2, $3, $4 / 1024, $5 / 1024,
			    $7 / 1024 }' "$dir/m.$name.$n"
	done
	cat "$dir/m.ogpo.$n" "$dir/m.baseline.$n" "$dir/m.sqlite.$n" \
	    "$dir/m.sqlite-after.$n" | awk '
	NR == 1 { o = $1; oa = $5; od = $7 }
	NR == 2 { b = $1; ba = $5; bd = $7 }
	NR == 3 { s = $1 }
	NR == 4 { sa = $1 }
	END {
		printf "ratio ogpo/baseline       %6.2f  (wall time; 1.0 = as fast)\n", o / b
		printf "ratio ogpo/sqlite3        %6.2f  (against indexes after: %.2f)\n", o / s, o / sa
		printf "ogpo RssAnon beyond the baseline: %.1f MB, for %.1f MB " \
		    "more written (audit, marks)\n", (oa - ba) / 1024,
		    (od - bd) / 1024
	}'
done

echo
echo "== memory, $BIG rows to $SMALL (1.0 = does not grow with the file)"
for name in ogpo baseline sqlite; do
	cat "$dir/m.$name.$SMALL" "$dir/m.$name.$BIG" | awk -v name="$name" '
	NR == 1 { h = $4; a = $5 }
	NR == 2 { printf "%-9s VmHWM %6.1f -> %6.1f MB (%5.2f)   " \
	    "RssAnon %6.1f -> %6.1f MB (%5.2f)\n", name, h / 1024, $4 / 1024,
	    $4 / h, a / 1024, $5 / 1024, $5 / a }'
done
