#!/bin/sh
# run.sh — `make bench`: figures for the full-screen program on a large
# database, against the same steps on a small one measured in the same run
# (the baseline), so the ratio shows what size costs.
set -eu
cd "$(dirname "$0")/../.."
N=${OGPO_BENCH_OFFICERS:-1000000}
BASE=${OGPO_BENCH_BASE:-1000}
dir=$(mktemp -d "${TMPDIR:-/tmp}/ogpo-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT

gen() {
	t0=$(date +%s%N)
	build/bench/gen "$dir/$1" "$1"
	t1=$(date +%s%N)
	echo "generated $1 officers in $(( (t1 - t0) / 1000000 )) ms" \
	    "($(du -sh "$dir/$1" | cut -f1) on disk)"
}

gen "$BASE"
gen "$N"
# The e-mail of an officer half-way through the name order: a search
# that must walk half the table.
for n in "$BASE" "$N"; do
	echo
	echo "== $n officers, 120x40"
	build/bench/ptybench ./ogpo "$dir/$n" 120 40 "officer$((n / 2))@" |
	    tee "$dir/out.$n"
done

echo
echo "== ratio, $N officers to $BASE (1.0 = size costs nothing)"
awk -v base="$dir/out.$BASE" '
	BEGIN { while ((getline l < base) > 0) { split(l, f, /  +/); v[f[1]] = f[2] + 0 } }
	{ split($0, f, /  +/); if (v[f[1]] > 0) printf "%-24s %6.2f\n", f[1], (f[2] + 0) / v[f[1]] }
' "$dir/out.$N"
