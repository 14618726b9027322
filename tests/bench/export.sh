#!/bin/sh
# export.sh — `make bench`: figures for `ogpo export attendance --month`
# on 10,000,000 attendance rows over ten years (OGPO_BENCH_ATTENDANCE
# overrides the count), put in by `ogpo import attendance` (its time and
# rows a second are printed too), against baselines measured in the same
# run:
#
#   small db   the same month exported from a database holding only that
#              month's year (build/bench/export-gen writes every month the
#              same whatever else is in the database): the ratio big/small
#              is what the other nine years cost a month's export; 1.0 is
#              none.
#   whole      every month of the ten years, one `ogpo export` each (the
#              command exports one month), times added up: a month's share
#              of the time against its share of the rows says whether a
#              month costs its own rows or the database's.
#   sqlite3    the same rows in sqlite3 (tables agencies, officers,
#              meetings, attendance and the label tables; indexes on
#              meetings(date) and attendance(meeting)), the same query:
#              meetings of the month by the date index, their attendance,
#              officer, agency and labels, ordered by date, meeting,
#              agency order, agency, name, officer. Its output (list mode,
#              comma, LF) is compared byte for byte with ogpo's --plain
#              file, so both do the same work. One month (120 times for
#              the whole, like ogpo) and the whole table in one query.
#
# Every command runs as its own process, opening the database, writing a
# file in the temporary directory; wall time from `date +%s%N` around it.
# One month: the best of 5 rounds, each running the three one after the
# other (big, small, sqlite3), so that load from outside on a shared
# machine falls on each alike, not on one's runs in a row. Every run
# writes a new file. The data was just written, so the page cache is
# warm for both. Figures, not a test: nothing here fails on a slow
# result, only on outputs that differ.
set -eu
cd "$(dirname "$0")/../.."
ROWS=${OGPO_BENCH_ATTENDANCE:-10000000}
MONTH=2020-06		# in the middle of 2015-01 .. 2024-12
YEAR=2020		# the small database's one year
dir=$(mktemp -d "${TMPDIR:-/tmp}/ogpo-bench-export.XXXXXX")
trap 'rm -rf "$dir"' EXIT
mkdir "$dir/csv" "$dir/tmp"
# One binary for the whole run, whatever make does to ./ogpo meanwhile.
cp ./ogpo "$dir/ogpo"
OGPO=$dir/ogpo
SQLITE_TMPDIR=$dir/tmp
export SQLITE_TMPDIR

fail() {
	echo "export.sh: $*" >&2
	exit 1
}

ms() {
	awk -v ns="$1" 'BEGIN { printf "%.0f", ns / 1e6 }'
}

# timed CMD...: run it, wall time in ns in $ns; its stdout in $dir/msg.
timed() {
	t0=$(date +%s%N)
	"$@" >"$dir/msg" || { cat "$dir/msg" >&2; fail "$* failed"; }
	t1=$(date +%s%N)
	ns=$((t1 - t0))
}

# The sqlite3 script of the attendance query: "" for every month, or
# YYYY-MM; output into $2.
sql_query() {
	cond=
	if [ -n "$1" ]; then
		end=$(date -d "$1-01 +1 month" +%Y-%m-01)
		cond="WHERE m.date >= '$1-01' AND m.date < '$end'"
	fi
	cat <<EOF
.mode list
.separator , "\n"
.headers on
.once $2
SELECT m.date AS 日期, k.label AS 會議類別, m.title AS 會議名稱,
    g.code AS 機關代碼, g.name AS 機關, o.name AS 姓名, r.label AS 角色,
    s.label AS 出席情形, a.proxy AS 代理人, a.note AS 備註
FROM meetings m JOIN attendance a ON a.meeting = m.id
JOIN officers o ON o.id = a.officer JOIN agencies g ON g.id = a.agency
JOIN kinds k ON k.id = m.kind JOIN roles r ON r.id = a.role
JOIN statuses s ON s.id = a.status
$cond
ORDER BY m.date, m.id, g.rank, g.name, o.name, a.officer;
EOF
}

ogpo_month() {	# DB MONTH: export into $dir/o.csv, rows in $rows
	timed "$OGPO" --db "$1" export attendance --month "$2" --plain \
	    -o "$dir/o.csv"
	rows=$(sed -n 's/^Wrote \([0-9]*\) rows* to .*/\1/p' "$dir/msg")
	[ -n "$rows" ] || fail "ogpo said: $(cat "$dir/msg")"
}

sqlite_month() {	# MONTH ("" all) OUT: rows in $rows
	sql_query "$1" "$2" >"$dir/q.sql"
	timed sqlite3 "$dir/s.db" <"$dir/q.sql"
	rows=$(($(wc -l <"$2") - 1))
}

# keep NAME CMD...: run it, and keep it in $dir/t.NAME ("rows ns") if it
# is the fastest yet.
keep() {
	name=$1
	shift
	"$@"
	if [ ! -f "$dir/t.$name" ] ||
	    [ "$ns" -lt "$(cut -d' ' -f2 "$dir/t.$name")" ]; then
		echo "$rows $ns" >"$dir/t.$name"
	fi
}

# best NAME CMD...: the fastest of 3 into $dir/t.NAME.
best() {
	for i in 1 2 3; do
		keep "$@"
	done
}

# --- officers ------------------------------------------------------------
# `ogpo export officers` of OGPO_BENCH_EXPORT_OFFICERS officers (1,000,000;
# 0 skips it) from import-gen's file, against sqlite3 holding the same
# officers and agencies (the agencies numbered in ogpo's tree order, an
# index on officers(agency_code, name)) and the same sorted query: every
# officer with their agency, by agency order, name, then row; 14 columns
# written as CSV. The outputs' names must come in the same order.
# OGPO_BENCH_ATTENDANCE=0 leaves out the attendance part below.
OFFICERS=${OGPO_BENCH_EXPORT_OFFICERS:-1000000}
if [ "$OFFICERS" -gt 0 ]; then
	build/bench/import-gen -a "$dir/agencies.csv"
	build/bench/import-gen "$dir/officers.csv" "$OFFICERS"
	"$OGPO" --db "$dir/odb" init >/dev/null
	"$OGPO" --db "$dir/odb" import agencies "$dir/agencies.csv" >/dev/null
	timed "$OGPO" --db "$dir/odb" import officers "$dir/officers.csv"
	echo "imported $OFFICERS officers in $(ms "$ns") ms" \
	    "($(du -sh "$dir/odb" | cut -f1) LMDB)"
	"$OGPO" --db "$dir/odb" export agencies --plain \
	    -o "$dir/tree.csv" >/dev/null
	cat >"$dir/oload.sql" <<EOF
CREATE TABLE tree(code TEXT, name TEXT, parent TEXT, level TEXT, note TEXT);
.import --csv --skip 1 $dir/tree.csv tree
CREATE TABLE agencies(rank INTEGER PRIMARY KEY, code TEXT, name TEXT);
INSERT INTO agencies(code, name) SELECT code, name FROM tree ORDER BY rowid;
CREATE UNIQUE INDEX agencies_code ON agencies(code);
CREATE TABLE officers(name TEXT, agency_code TEXT, title TEXT, role TEXT,
    email TEXT, phone TEXT, start_date TEXT, note TEXT);
.import --csv --skip 1 $dir/officers.csv officers
CREATE INDEX officers_agency ON officers(agency_code, name);
ANALYZE;
EOF
	sqlite3 "$dir/o.db" <"$dir/oload.sql"
	cat >"$dir/oq.sql" <<EOF
.mode csv
.headers on
.once $dir/so.csv
SELECT o.name AS 姓名, o.agency_code AS 機關代碼, g.name AS 機關,
    o.title AS 職稱, o.role AS 角色, '' AS 督導類別, '' AS 職能,
    o.email AS 電子郵件, o.phone AS 電話, '' AS 分機,
    '是' AS 是否為公務人員, o.start_date AS 到任日期, '' AS 卸任日期,
    o.note AS 備註
FROM officers o JOIN agencies g ON g.code = o.agency_code
ORDER BY g.rank, o.name, o.rowid;
EOF
	ogpo_officers() {
		timed "$OGPO" --db "$dir/odb" export officers --plain \
		    -o "$dir/oo.csv"
		rows=$(sed -n 's/^Wrote \([0-9]*\) rows* to .*/\1/p' "$dir/msg")
	}
	sqlite_officers() {
		timed sqlite3 "$dir/o.db" <"$dir/oq.sql"
		rows=$(($(wc -l <"$dir/so.csv") - 1))
	}
	best officers-ogpo ogpo_officers
	best officers-sqlite sqlite_officers
	# ogpo's file read back by sqlite3: its e-mails, row by row, against
	# the query's order (not timed).
	cat >"$dir/ocmp.sql" <<EOF
CREATE TEMP TABLE oo(c1, c2, c3, c4, c5, c6, c7, email, c9, c10, c11, c12,
    c13, c14);
.import --csv --skip 1 $dir/oo.csv oo
SELECT count(*) FROM oo a JOIN (SELECT row_number() OVER (ORDER BY g.rank,
    o.name, o.rowid) AS r, o.email FROM officers o JOIN agencies g
    ON g.code = o.agency_code) b ON a.rowid = b.r AND a.email = b.email;
EOF
	same=$(sqlite3 "$dir/o.db" <"$dir/ocmp.sql")
	[ "$same" = "$OFFICERS" ] || fail "the officers come in another" \
	    "order from ogpo and sqlite3 ($same of $OFFICERS in place)"
	echo
	echo "== export of $OFFICERS officers (best of 3)"
	awk 'NR == 1 { r = $1; o = $2 } NR == 2 { s = $2 } END {
		printf "%-32s %8.3f s  (%d rows)\n", "ogpo export officers",
		    o / 1e9, r
		printf "%-32s %8.3f s\n", "sqlite3 sorted query", s / 1e9
		printf "ratio ogpo/sqlite3 officers      %7.2f\n", o / s
	}' "$dir/t.officers-ogpo" "$dir/t.officers-sqlite"
	rm -rf "$dir/odb" "$dir/o.db"
fi
[ "$ROWS" -gt 0 ] || exit 0

# --- data --------------------------------------------------------------

# The agencies, officers and meetings are written by export-gen; the
# attendance rows go in through `ogpo import attendance`, one file, one
# transaction, with every check and the audit trail, as a coordinator's
# sheet would.
import_att() {	# DB SHEET LABEL
	timed "$OGPO" --db "$1" import attendance "$2"
	grep -q "added $(($(wc -l <"$2") - 1)), updated 0" "$dir/msg" ||
	    fail "the import into $3 said: $(cat "$dir/msg")"
	awk -v ns="$ns" -v n="$(($(wc -l <"$2") - 1))" -v l="$3" 'BEGIN {
	    printf "imported %d attendance rows into %s in %.0f ms " \
	    "(%.0f rows/s)\n", n, l, ns / 1e6, n / (ns / 1e9) }'
	rm -f "$2"
}
t0=$(date +%s%N)
build/bench/export-gen -c "$dir/csv" -i "$dir/big.csv" "$dir/big" "$ROWS" \
    >"$dir/gen.out"
t1=$(date +%s%N)
echo "generated $(cat "$dir/gen.out") in $(ms $((t1 - t0))) ms" \
    "($(du -sh "$dir/csv" | cut -f1) of CSV)"
import_att "$dir/big" "$dir/big.csv" "the ten-year database"
echo "  ($(du -sh "$dir/big" | cut -f1) LMDB)"
build/bench/export-gen -i "$dir/small.csv" "$dir/small" "$ROWS" "$YEAR" \
    "$YEAR" >/dev/null
import_att "$dir/small" "$dir/small.csv" "the $YEAR-only database"

cat >"$dir/load.sql" <<EOF
CREATE TABLE agencies(id INTEGER PRIMARY KEY, code TEXT, name TEXT,
    rank INTEGER);
CREATE TABLE officers(id INTEGER PRIMARY KEY, name TEXT, title TEXT,
    agency INTEGER);
CREATE TABLE meetings(id INTEGER PRIMARY KEY, date TEXT, kind INTEGER,
    status INTEGER, title TEXT);
CREATE TABLE attendance(meeting INTEGER, officer INTEGER, agency INTEGER,
    role INTEGER, status INTEGER, proxy TEXT, note TEXT);
CREATE TABLE kinds(id INTEGER PRIMARY KEY, label TEXT);
CREATE TABLE roles(id INTEGER PRIMARY KEY, label TEXT);
CREATE TABLE statuses(id INTEGER PRIMARY KEY, label TEXT);
.import --csv $dir/csv/agencies.csv agencies
.import --csv $dir/csv/officers.csv officers
.import --csv $dir/csv/meetings.csv meetings
.import --csv $dir/csv/attendance.csv attendance
.import --csv $dir/csv/kinds.csv kinds
.import --csv $dir/csv/roles.csv roles
.import --csv $dir/csv/statuses.csv statuses
CREATE INDEX meetings_date ON meetings(date);
CREATE INDEX attendance_meeting ON attendance(meeting);
ANALYZE;
SELECT count(*) FROM attendance;
EOF
timed sqlite3 "$dir/s.db" <"$dir/load.sql"
[ "$(cat "$dir/msg")" = "$ROWS" ] || fail "sqlite3 loaded $(cat "$dir/msg")"
echo "loaded sqlite3 in $(ms "$ns") ms ($(du -sh "$dir/s.db" | cut -f1))"
rm -rf "$dir/csv"

# --- one month ---------------------------------------------------------

for round in 1 2 3 4 5; do
	rm -f "$dir/o.csv" "$dir/s.csv"
	keep big ogpo_month "$dir/big" "$MONTH"
	mv "$dir/o.csv" "$dir/month.big.csv"
	keep small ogpo_month "$dir/small" "$MONTH"
	cmp -s "$dir/o.csv" "$dir/month.big.csv" ||
	    fail "$MONTH differs between the big and the small database"
	keep sqlite sqlite_month "$MONTH" "$dir/s.csv"
	cmp -s "$dir/s.csv" "$dir/month.big.csv" ||
	    fail "sqlite3's $MONTH differs from ogpo's"
done
rm -f "$dir/o.csv" "$dir/s.csv" "$dir/month.big.csv"

# --- every month, and the whole table ----------------------------------

# Each month's rows (less the header) go through a pipe to md5sum, outside
# the timed runs, to compare with sqlite3's whole table.
months=$(awk 'BEGIN { for (y = 2015; y <= 2024; y++)
	for (m = 1; m <= 12; m++) printf "%d-%02d\n", y, m }')
whole() {	# NAME RUN: every month through RUN, totals in $dir/t.NAME
	mkfifo "$dir/fifo"
	md5sum <"$dir/fifo" >"$dir/md5.$1" &
	md5pid=$!
	exec 3>"$dir/fifo"
	total=0 sum=0
	for m in $months; do
		$2 "$m"
		total=$((total + rows))
		sum=$((sum + ns))
		tail -n +2 "$dir/out.csv" >&3
		rm -f "$dir/out.csv"	# the next is a new file, as ogpo's
	done
	exec 3>&-
	wait "$md5pid"
	rm -f "$dir/fifo" "$dir/out.csv"
	echo "$total $sum" >"$dir/t.$1"
}
ogpo_big() { ogpo_month "$dir/big" "$1"; mv "$dir/o.csv" "$dir/out.csv"; }
sqlite_big() { sqlite_month "$1" "$dir/out.csv"; }
whole ogpo-all ogpo_big
whole sqlite-months sqlite_big
[ "$(cut -d' ' -f1 "$dir/t.ogpo-all")" = "$ROWS" ] ||
    fail "ogpo exported $(cut -d' ' -f1 "$dir/t.ogpo-all") rows in all"

sqlite_month "" "$dir/s-all.csv"
echo "$rows $ns" >"$dir/t.sqlite-all"
tail -n +2 "$dir/s-all.csv" | md5sum >"$dir/md5.sqlite-all"
rm -f "$dir/s-all.csv"
cmp -s "$dir/md5.ogpo-all" "$dir/md5.sqlite-all" &&
    cmp -s "$dir/md5.ogpo-all" "$dir/md5.sqlite-months" ||
    fail "the whole table differs between ogpo and sqlite3"

# --- figures -----------------------------------------------------------

echo
echo "== attendance export, $ROWS rows over 120 months (outputs identical)"
printf "%-36s %10s %9s %10s\n" "" "rows" "seconds" "rows/s"
line() {	# LABEL NAME
	awk -v label="$1" '{ s = $2 / 1e9; printf "%-36s %10d %9.3f %10.0f\n",
	    label, $1, s, (s > 0 ? $1 / s : 0) }' "$dir/t.$2"
}
line "ogpo month $MONTH" big
line "ogpo month $MONTH, $YEAR-only db" small
line "ogpo all 120 months (sum of runs)" ogpo-all
line "sqlite3 month $MONTH" sqlite
line "sqlite3 all 120 months (sum)" sqlite-months
line "sqlite3 whole table, one query" sqlite-all
cat "$dir/t.big" "$dir/t.small" "$dir/t.ogpo-all" "$dir/t.sqlite" \
    "$dir/t.sqlite-months" "$dir/t.sqlite-all" | awk '
	{ r[NR] = $1; t[NR] = $2 }
	END {
		printf "ratio ogpo/sqlite3 month         %7.2f\n", t[1] / t[4]
		printf "ratio ogpo/sqlite3 120 months    %7.2f" \
		    "  (against one query: %.2f)\n", t[3] / t[5], t[3] / t[6]
		printf "ratio big db/small db, month     %7.2f" \
		    "  (1.0 = the other years cost nothing)\n", t[1] / t[2]
		printf "month/all, rows                  %7.4f\n", r[1] / r[3]
		printf "month/all, ogpo time             %7.4f" \
		    "  (= rows share: proportional)\n", t[1] / t[3]
		printf "month/all, sqlite3 time          %7.4f" \
		    "  (against one query: %.4f)\n", t[4] / t[5], t[4] / t[6]
	}'
