#!/bin/sh
# rollcall.sh — `make bench`: a roll call on a 900-invitee attendance
# sheet in a busy month (30 such meetings on one day, 27,000 attendance
# records), each mark key timed over a real terminal, first key included,
# against the same on a 30-invitee sheet alone in its month (the
# baseline, measured in the same run). The goal: at most 2 ms a key,
# whatever is around it.
set -eu
cd "$(dirname "$0")/../.."
N=${OGPO_BENCH_INVITEES:-900}
M=${OGPO_BENCH_MEETINGS:-30}
KEYS=${OGPO_BENCH_MARKS:-60}
dir=$(mktemp -d "${TMPDIR:-/tmp}/ogpo-rollcall.XXXXXX")
trap 'rm -rf "$dir"' EXIT

build/bench/rollcall-gen "$dir/big" "$N" "$M"
build/bench/rollcall-gen "$dir/small" 30 1
for db in small big; do
	echo
	[ "$db" = big ] && echo "== roll call: $N invitees, $M meetings in the month, 120x40" ||
	    echo "== roll call: 30 invitees, alone in its month (baseline), 120x40"
	build/bench/ptybench --rollcall "$KEYS" ./ogpo "$dir/$db" 120 40 poea |
	    tee "$dir/out.$db"
done
echo
echo "== roll call: ratio, $N invitees in a busy month to 30 alone"
awk -v base="$dir/out.small" '
	BEGIN { while ((getline l < base) > 0) { split(l, f, /  +/); v[f[1]] = f[2] + 0 } }
	/^mark/ { split($0, f, /  +/); if (v[f[1]] > 0) printf "%-24s %6.2f\n", f[1], (f[2] + 0) / v[f[1]] }
' "$dir/out.big"
awk '/^mark: (first|slowest) key/ { split($0, f, /  +/);
	printf "%-24s %s (goal: at most 2 ms)\n", f[1], (f[2] + 0 <= 2.0) ? "met" : "NOT met" }' "$dir/out.big"
