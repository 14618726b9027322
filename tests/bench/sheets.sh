#!/bin/sh
# sheets.sh — `make bench`: exporting and importing 100,000 officers as
# .ods and .xlsx (OGPO_BENCH_SHEET_ROWS overrides), against LibreOffice
# (headless) converting the same officers' CSV to .ods and to .xlsx, in
# the same run on the same machine. CSV export and import are shown
# beside them as the floor the typed formats are measured from.
#
# The database is made with `ogpo init`, the demo agencies and the
# officers of import-gen (untimed). Each export writes every officer; each
# import goes into a fresh database holding only the agencies, and must
# add every row. LibreOffice starts from nothing each time (its profile
# made once beforehand, so that is not timed). Best of 2 for ogpo; one
# run of LibreOffice, which takes far longer. Figures, not a test.
set -eu
cd "$(dirname "$0")/../.."
N=${OGPO_BENCH_SHEET_ROWS:-100000}
dir=$(mktemp -d "${TMPDIR:-/tmp}/ogpo-bench-sheets.XXXXXX")
trap 'rm -rf "$dir"' EXIT
HOME=$dir/home	# LibreOffice's profile, made once below
export HOME

if ! command -v soffice >/dev/null 2>&1; then
	echo "sheets.sh: no soffice (tools/deps.sh installs LibreOffice)" >&2
	exit 1
fi

# best NAME CMD...: the fastest wall time of two runs into $dir/t.NAME,
# with the peak resident set (KB).
best() {
	name=$1
	shift
	for i in 1 2; do
		[ -n "$PREP" ] && $PREP
		build/bench/import-run "$dir/m" "$@" >"$dir/out" 2>&1 || {
		    echo "sheets.sh: $name failed:" >&2; cat "$dir/out" >&2
		    exit 1; }
		if [ ! -f "$dir/t.$name" ] || awk 'NR == FNR { b = $1; next }
		    { exit !($1 < b) }' "$dir/t.$name" "$dir/m"; then
			cp "$dir/m" "$dir/t.$name"
		fi
		[ "$ONCE" = 1 ] && break
	done
	return 0
}

fresh() {
	rm -rf "$dir/db2"
	./ogpo --db "$dir/db2" init >/dev/null
	./ogpo --db "$dir/db2" import agencies "$dir/agencies.csv" >/dev/null
}

PREP=
ONCE=0
build/bench/import-gen -a "$dir/agencies.csv"
build/bench/import-gen "$dir/officers.csv" "$N"
./ogpo --db "$dir/db" init >/dev/null
./ogpo --db "$dir/db" import agencies "$dir/agencies.csv" >/dev/null
./ogpo --db "$dir/db" import officers "$dir/officers.csv" >/dev/null
# LibreOffice's first start makes its profile: not what is measured.
printf 'a\n1\n' >"$dir/warm.csv"
soffice --headless --convert-to ods --outdir "$dir/warm" "$dir/warm.csv" \
    >/dev/null 2>&1

for f in ods xlsx csv; do
	best "export-$f" ./ogpo --db "$dir/db" export officers \
	    -o "$dir/officers.$f"
done
PREP=fresh
for f in ods xlsx csv; do
	best "import-$f" ./ogpo --db "$dir/db2" import officers \
	    "$dir/officers.$f"
	grep -q "added $N, updated 0, unchanged 0, rejected 0" "$dir/out" || {
	    echo "sheets.sh: importing officers.$f did not add $N rows:" >&2
	    cat "$dir/out" >&2; exit 1; }
done
PREP=
ONCE=1
for f in ods xlsx; do
	best "lo-$f" soffice --headless --infilter="CSV:44,34,76,1" \
	    --convert-to "$f" --outdir "$dir/lo" "$dir/officers.csv"
	[ -s "$dir/lo/officers.$f" ] || { echo "sheets.sh: LibreOffice" \
	    "wrote no officers.$f" >&2; exit 1; }
done

echo
echo "== spreadsheets: $N officers ($(du -h "$dir/officers.csv" | cut -f1)" \
    "CSV, $(du -h "$dir/officers.ods" | cut -f1) .ods," \
    "$(du -h "$dir/officers.xlsx" | cut -f1) .xlsx; ogpo best of 2)"
printf "%-40s %8s %8s %8s\n" "" "wall s" "rows/s" "peak MB"
for t in export-ods export-xlsx export-csv import-ods import-xlsx \
    import-csv lo-ods lo-xlsx; do
	case $t in
	export-*) label="ogpo export officers -o .${t#export-}" ;;
	import-*) label="ogpo import officers .${t#import-}" ;;
	lo-*) label="LibreOffice: the CSV to .${t#lo-}" ;;
	esac
	awk -v n="$N" -v label="$label" '{ printf "%-40s %8.3f %8.0f %8.1f\n",
	    label, $1, n / $1, $4 / 1024 }' "$dir/t.$t"
done
awk '
FILENAME ~ /t.export-ods$/ { eo = $1 } FILENAME ~ /t.export-xlsx$/ { ex = $1 }
FILENAME ~ /t.export-csv$/ { ec = $1 } FILENAME ~ /t.import-ods$/ { io = $1 }
FILENAME ~ /t.import-xlsx$/ { ix = $1 } FILENAME ~ /t.import-csv$/ { ic = $1 }
FILENAME ~ /t.lo-ods$/ { lo = $1 } FILENAME ~ /t.lo-xlsx$/ { lx = $1 }
END {
	printf "ratio export .ods / LibreOffice CSV to .ods    %6.3f\n", eo / lo
	printf "ratio export .xlsx / LibreOffice CSV to .xlsx  %6.3f\n", ex / lx
	printf "ratio import .ods / LibreOffice CSV to .ods    %6.3f\n", io / lo
	printf "ratio import .xlsx / LibreOffice CSV to .xlsx  %6.3f\n", ix / lx
	printf "ratio export .ods / .csv  %5.2f   .xlsx / .csv  %5.2f\n", eo / ec, ex / ec
	printf "ratio import .ods / .csv  %5.2f   .xlsx / .csv  %5.2f\n", io / ic, ix / ic
}' "$dir/t.export-ods" "$dir/t.export-xlsx" "$dir/t.export-csv" \
    "$dir/t.import-ods" "$dir/t.import-xlsx" "$dir/t.import-csv" \
    "$dir/t.lo-ods" "$dir/t.lo-xlsx"
