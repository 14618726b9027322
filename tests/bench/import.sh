#!/bin/sh
# import.sh — `make bench`: figures for `ogpo import officers` on generated
# CSV files of 100,000 and 1,000,000 rows (OGPO_BENCH_IMPORT_ROWS overrides
# the big one, OGPO_BENCH_IMPORT_SMALL the small one), against two
# baselines measured in the same run on the same file:
#
#   baseline   build/bench/import-baseline: libcsv straight into LMDB, one
#              write transaction, the same records (byte-for-byte the same
#              CBOR size) and index entries in ogpo's sub-database layout
#              (e-mail, agency, name, stroke order, role), one mdb_put per
#              entry in file order, but no encoding detection, validation,
#              duplicate checks, look-ups or audit records.
#   parse      import-baseline -p: libcsv over the file and nothing else,
#              the floor under any import of it.
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
# The dry run (`ogpo import officers FILE --dry-run`, listing every row it
# would add, on the same fresh database) is measured beside the import it
# stands for, and its ratio against that import: the screen's preview
# costs the same, and so does the look every import but an admin's gets
# before the writer's lock (less the listing), which makes an editor's
# import cost about the import plus this.
#
# Memory (see import-run.c): VmHWM is the peak resident set and includes
# the LMDB map's file pages; RssAnon is private memory only (malloc heap,
# where LMDB keeps a write transaction's dirty pages until commit). Both
# LMDB programs write the whole file in one transaction, so their RssAnon
# is mostly dirty pages: the pages the import adds to the database (the
# "written MB" column, from mdb_stat before and after). "own MB" is
# RssAnon less those pages: the memory the program holds for itself, not
# for LMDB's map. Comparing 100k with 1M rows shows what grows with the
# file. (LMDB spills dirty pages to the file past 2^17 of them, 512 MB,
# so even its part stops growing there.)
#
# OGPO names the program to time (./ogpo by default): an older build, to
# compare.
#
# The small file is imported three times, the big one twice (best wall
# time kept, a fresh database each time). Figures, not a test: nothing
# here fails on a slow result.
set -eu
cd "$(dirname "$0")/../.."
SMALL=${OGPO_BENCH_IMPORT_SMALL:-100000}
OGPO=${OGPO:-./ogpo}
BIG=${OGPO_BENCH_IMPORT_ROWS:-1000000}
dir=$(mktemp -d "${TMPDIR:-/tmp}/ogpo-bench-import.XXXXXX")
trap 'rm -rf "$dir"' EXIT

# pages_kb DIR: the pages in use in the LMDB database in DIR, in KB (not
# the file's size, which follows the map when ogpo grew it ahead).
pages_kb() {
	mdb_stat -e "$1" | awk '
	    /Page size:/ { ps = $3 }
	    /Number of pages used:/ { n = $5 }
	    END { print int(n * ps / 1024) }'
}

# lmdb NAME: 1 if the program NAME writes LMDB (its dirty pages are in its
# private memory), else 0. The dry run's layer is LMDB too, but writes its
# pages to a file of its own every so many changes and writes nothing to
# the database: its "own MB" is its RssAnon, what it holds for itself.
lmdb() {
	case $1 in
	ogpo|baseline) echo 1 ;;
	*) echo 0 ;;
	esac
}

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
		before=0
		case $name in
		ogpo|dry)
			"$OGPO" --db "$dir/db" init >/dev/null
			"$OGPO" --db "$dir/db" import agencies \
			    "$dir/agencies.csv" >/dev/null
			before=$(pages_kb "$dir/db") ;;
		esac
		case $name in
		sqlite*) build/bench/import-run "$dir/m" "$@" \
			    <"$dir/$name.sql" >"$dir/out" ;;
		*) build/bench/import-run "$dir/m" "$@" >"$dir/out" ;;
		esac || { echo "import.sh: $name failed:" >&2;
			cat "$dir/out" >&2; exit 1; }
		case $name in
		ogpo|dry) grep -q "added $n, updated 0, unchanged 0, rejected 0" \
			    "$dir/out" ;;
		baseline|parse) grep -q "added $n\$" "$dir/out" ;;
		sqlite*) [ "$(tail -n 1 "$dir/out")" = "$n" ] ;;
		esac || { echo "import.sh: $name did not load $n rows:" >&2;
			cat "$dir/out" >&2; exit 1; }
		if [ -f "$dir/db/data.mdb" ]; then
			size=$(pages_kb "$dir/db")
		else
			size=$(du -sk "$dir/db.sqlite" 2>/dev/null |
			    awk '{ s += $1 } END { print s + 0 }')
		fi
		# wall user sys hwm anon rc size written
		echo "$(cat "$dir/m") $size $((size - before))" >"$dir/m.try"
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
	run ogpo "$n" "$csv" "$OGPO" --db "$dir/db" import officers "$csv"
	run dry "$n" "$csv" "$OGPO" --db "$dir/db" import officers "$csv" \
	    --dry-run
	run baseline "$n" "$csv" build/bench/import-baseline "$dir/db" "$csv"
	run parse "$n" "$csv" build/bench/import-baseline -p "$dir/db" "$csv"
	run sqlite "$n" "$csv" sqlite3 "$dir/db.sqlite"
	run sqlite-after "$n" "$csv" sqlite3 "$dir/db.sqlite"

	echo
	echo "== import of $n officers ($(du -h "$csv" | cut -f1) CSV," \
	    "$([ "$n" -le "$SMALL" ] && echo "best of 3" || echo "best of 2"))"
	printf "%-24s %7s %8s %6s %5s %7s %7s %7s %7s\n" "" "wall s" \
	    "rows/s" "user s" "sys s" "VmHWM" "RssAnon" "written" "own MB"
	for name in ogpo dry baseline parse sqlite sqlite-after; do
		case $name in
		ogpo) label="ogpo import officers" ;;
		dry) label="  the same, --dry-run" ;;
		baseline) label="baseline libcsv+LMDB" ;;
		parse) label="libcsv parse only" ;;
		sqlite) label="sqlite3, indexes first" ;;
		sqlite-after) label="sqlite3, indexes after" ;;
		esac
		# own: private memory less the database pages written
		# (LMDB's dirty pages); sqlite3 writes through its cache.
		awk -v n="$n" -v label="$label" -v lmdb="$(lmdb "$name")" '{
			own = lmdb ? $5 - $8 : $5
			printf "%-24s %7.3f %8.0f %6.2f %5.2f %7.1f %7.1f " \
			    "%7.1f %7.1f\n", label, $1, n / $1, $2, $3,
			    $4 / 1024, $5 / 1024, $8 / 1024, own / 1024 }' \
			    "$dir/m.$name.$n"
	done
	cat "$dir/m.ogpo.$n" "$dir/m.baseline.$n" "$dir/m.sqlite.$n" \
	    "$dir/m.sqlite-after.$n" "$dir/m.parse.$n" "$dir/m.dry.$n" | awk '
	NR == 1 { o = $1 }
	NR == 2 { b = $1 }
	NR == 3 { s = $1 }
	NR == 4 { sa = $1 }
	NR == 5 { p = $1 }
	NR == 6 { d = $1 }
	END {
		printf "ratio ogpo/baseline       %6.2f  (wall time; 1.0 = as fast)\n", o / b
		printf "ratio dry run/import      %6.2f  (its listing included)\n", d / o
		printf "ratio ogpo/sqlite3        %6.2f  (against indexes after: %.2f)\n", o / s, o / sa
		printf "ratio ogpo/parse only     %6.2f  (baseline/parse only: %.2f)\n", o / p, b / p
	}'
done

echo
echo "== memory from $SMALL rows to $BIG (1.00 = does not grow with the file)"
for name in ogpo dry baseline sqlite; do
	cat "$dir/m.$name.$SMALL" "$dir/m.$name.$BIG" | awk -v name="$name" \
	    -v lmdb="$(lmdb "$name")" '
	{ own[NR] = lmdb ? $5 - $8 : $5; anon[NR] = $5 }
	NR == 2 { printf "%-9s RssAnon %6.1f -> %6.1f MB (%5.2f)   " \
	    "own %5.1f -> %5.1f MB (%5.2f)\n", name, anon[1] / 1024,
	    anon[2] / 1024, anon[2] / anon[1], own[1] / 1024, own[2] / 1024,
	    own[2] / own[1] }'
done
