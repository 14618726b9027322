#!/bin/sh
# run.sh — `make bench`: figures for the full-screen program on a large
# database, against the same steps on a small one measured in the same run
# (the baseline), so the ratio shows what size costs; and against abook,
# a curses address book, holding the same names and e-mails (the peer:
# how a plain list program moves and searches).
#
# Searches: the e-mail of an officer half-way through the name order
# (typed after /, then Enter and n), then texts typed and left with Esc:
# one Chinese character, the middle of a name, of an e-mail, a title, an
# agency's name, two letters in capitals (the search ignores case), and
# letters no one has. ogpo searches at every key; abook when Enter is
# pressed, so its one time stands against ogpo's first and slowest key.
set -eu
cd "$(dirname "$0")/../.."
N=${OGPO_BENCH_OFFICERS:-1000000}
BASE=${OGPO_BENCH_BASE:-1000}
dir=$(mktemp -d "${TMPDIR:-/tmp}/ogpo-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT

gen() {
	mkdir -p "$dir/$1.peer"
	t0=$(date +%s%N)
	build/bench/gen "$dir/$1" "$1" "$dir/$1.peer"
	t1=$(date +%s%N)
	echo "generated $1 officers in $(( (t1 - t0) / 1000000 )) ms" \
	    "($(du -sh "$dir/$1" | cut -f1) on disk)"
}

gen "$BASE"
gen "$N"
TEXTS="陳 志明 fficer12345 科長 警政署 OF zq"
for n in "$BASE" "$N"; do
	echo
	echo "== ogpo, $n officers, 120x40"
	# shellcheck disable=SC2086
	build/bench/ptybench ./ogpo "$dir/$n" 120 40 "officer$((n / 2))@" \
	    $TEXTS | tee "$dir/out.$n"
done
echo
echo "== abook, $N officers (the same names and e-mails), 120x40"
# shellcheck disable=SC2086
build/bench/ptybench -a "$(command -v abook)" "$dir/$N.peer" 120 40 \
    "officer$((N / 2))@" $TEXTS | tee "$dir/abook.$N"

echo
echo "== ratio, $N officers to $BASE (1.0 = size costs nothing)"
awk -v base="$dir/out.$BASE" '
	BEGIN { while ((getline l < base) > 0) { split(l, f, /  +/); v[f[1]] = f[2] + 0 } }
	{ split($0, f, /  +/); if (v[f[1]] > 0) printf "%-24s %6.2f\n", f[1], (f[2] + 0) / v[f[1]] }
' "$dir/out.$N"

echo
echo "== ogpo against abook, $N officers (ratio: ogpo / abook)"
awk -v peer="$dir/abook.$N" '
	function num(s) { return s + 0 }
	BEGIN {
		while ((getline l < peer) > 0) {
			split(l, f, /  +/)
			t[f[1]] = num(f[2])
			if (match(f[3], /[0-9]+ bytes/))
				b[f[1]] = num(substr(f[3], RSTART))
		}
		printf "%-30s %12s %12s %7s\n", "", "ogpo", "abook", "ratio"
	}
	function row(label, o, a, unit) {
		printf "%-30s %9.1f %-2s %9.1f %-2s %7.2f\n", label, o, unit, \
		    a, unit, (a > 0 ? o / a : 0)
	}
	{
		split($0, f, /  +/)
		if (match(f[3], /[0-9]+ bytes/))
			ob = num(substr(f[3], RSTART))
		if (f[1] == "start to first screen")
			row(f[1], num(f[2]), t[f[1]], "ms")
		else if (f[1] ~ /^(Down|Down again|PgDn)$/)
			row(f[1] " (bytes)", ob, b[f[1]], "B")
		else if (f[1] ~ /^search: (first|slowest) key$/) {
			s = "/officer" int(n / 2) "@: search"
			row(f[1], num(f[2]), t[s], "ms")
		} else if (f[1] ~ /^\/.*: (first|slowest) key$/) {
			s = f[1]
			sub(/: (first|slowest) key$/, ": search", s)
			row(f[1], num(f[2]), t[s], "ms")
		} else if (f[1] ~ /^(resident memory now|peak resident memory)$/)
			row(f[1] " (MiB)", num(f[2]) / 1024, t[f[1]] / 1024, "")
	}
' n="$N" "$dir/out.$N"
