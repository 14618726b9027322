#!/bin/sh
# run.sh — the fuzz tier of make test: each build/fuzz/fuzz_NAME first
# runs every past finding of its own in tests/fuzz/crashes/ (csv-* for
# fuzz_csv, import-* for fuzz_import, codec-* for fuzz_codec), then
# fuzzes for FUZZ_SECONDS (default 60) starting from its seeds —
# tests/fuzz/corpus/NAME and the binary seeds of seeds.sh, all of which
# libFuzzer runs before it mutates anything — keeping what it finds in
# build/fuzz/corpus/NAME and any crash in build/fuzz/crashes/. A crash,
# a leak, a timeout (10 s an input), 2 GB of memory or any sanitizer
# report is "not ok"; otherwise "ok" with the runs and the coverage.
#
#   FUZZ_SECONDS=10 sh tests/fuzz/run.sh [NAME...]
set -u
cd "$(dirname "$0")/../.."

FUZZ_SECONDS=${FUZZ_SECONDS:-60}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

names=${*:-$(for f in tests/fuzz/fuzz_*.c; do basename "$f" .c; done)}
mkdir -p build/fuzz/crashes
sh tests/fuzz/seeds.sh build/fuzz/seeds || echo "not ok - seeds.sh"
status=0
for t in $names; do
	bin=build/fuzz/$t
	if [ ! -x "$bin" ]; then
		echo "not ok - $t: no $bin (make fuzz)"
		status=1
		continue
	fi
	prefix=${t#fuzz_}
	found=
	for f in tests/fuzz/crashes/"$prefix"-*; do
		[ -f "$f" ] && found="$found $f"
	done
	if [ -n "$found" ]; then
		# shellcheck disable=SC2086
		if "$bin" -timeout=10 -rss_limit_mb=2048 $found >"$log" 2>&1
		then
			echo "ok - $t: $(echo $found | wc -w) past findings" \
			    "run clean"
		else
			echo "not ok - $t: a past finding is back"
			sed 's/^/#   /' "$log" | grep -v '^#   INFO' | head -30
			status=1
		fi
	fi
	mkdir -p "build/fuzz/corpus/$t"
	seeds=
	for d in "tests/fuzz/corpus/$t" "build/fuzz/seeds/$t"; do
		[ -d "$d" ] && seeds="$seeds $d"
	done
	# shellcheck disable=SC2086
	if "$bin" -max_total_time="$FUZZ_SECONDS" -timeout=10 \
	    -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix="build/fuzz/crashes/$t-" \
	    "build/fuzz/corpus/$t" $seeds >"$log" 2>&1; then
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
		cov=$(grep -E '^#[0-9]+' "$log" | tail -1 |
		    sed -n 's/.* cov: \([0-9]*\) ft: \([0-9]*\) corp: \([0-9]*\).*/cov \1, features \2, corpus \3/p')
		init=$(grep -E '^#[0-9]+[[:space:]]+INITED' "$log" |
		    sed -n 's/.* cov: \([0-9]*\).*/\1/p')
		echo "ok - $t: ${FUZZ_SECONDS} s, $runs runs, no finding" \
		    "(seeds: cov ${init:-?}; at the end: $cov)"
	else
		echo "not ok - $t: a finding in ${FUZZ_SECONDS} s (in" \
		    "build/fuzz/crashes/$t-*)"
		grep -E 'ERROR|SUMMARY|runtime error|fuzz_[a-z]+:|Test unit' \
		    "$log" | head -20 | sed 's/^/#   /'
		status=1
	fi
done
exit $status
