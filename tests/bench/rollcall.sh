#!/bin/sh
# rollcall.sh — `make bench`: a roll call on a 900-invitee attendance
# sheet in a busy month (30 such meetings on one day, 27,000 attendance
# records), each mark key timed over a real terminal until the screen is
# quiet, first key included, against the same on a 30-invitee sheet alone
# in its month (the baseline, measured in the same run). The goal: at most
# 2 ms a key, whatever is around it.
#
# Each key is drawn, then committed by a thread of its own, the marks
# that come meanwhile in the next commit: its flushes are in no key's
# time. The databases are made on disk (under $TMPDIR, else /var/tmp:
# /tmp may be a tmpfs), and the file system is named; the big sheet is
# timed a second time with the database in memory (/dev/shm), where a
# flush costs nothing: what is left is ogpo's own work per key; and a
# third time on a disk slower than the keys (each flush made to take
# 150 ms, build/bench/slowsync.so), as a disk busy with others' writes is.
set -eu
cd "$(dirname "$0")/../.."
N=${OGPO_BENCH_INVITEES:-900}
M=${OGPO_BENCH_MEETINGS:-30}
KEYS=${OGPO_BENCH_MARKS:-25}	# fewer than the baseline's 30: each key marks
dir=$(mktemp -d "${TMPDIR:-/var/tmp}/ogpo-rollcall.XXXXXX")
fs=$(stat -f -c %T "$dir" 2>/dev/null || echo unknown)
case $fs in
tmpfs|ramfs) where=memory; ondisk="in memory ($fs: set TMPDIR to a directory on disk)" ;;
*) where=disk; ondisk="on disk ($fs)" ;;
esac
mem=
[ -d /dev/shm ] && [ -w /dev/shm ] && mem=$(mktemp -d /dev/shm/ogpo-rollcall.XXXXXX)
trap 'rm -rf "$dir" ${mem:+"$mem"}' EXIT

build/bench/rollcall-gen "$dir/big" "$N" "$M"
build/bench/rollcall-gen "$dir/small" 30 1
[ -n "$mem" ] && build/bench/rollcall-gen "$mem/big" "$N" "$M"
cp -a "$dir/big" "$dir/slow"
run() {	# run NAME DB TITLE [PRELOAD]
	echo
	echo "== roll call: $3, 120x40"
	LD_PRELOAD=${4:-${LD_PRELOAD:-}} build/bench/ptybench --rollcall \
	    "$KEYS" ./ogpo "$2" 120 40 poea | tee "$dir/out.$1"
}
run small "$dir/small" "30 invitees, alone in its month (baseline)"
run big "$dir/big" "$N invitees, $M meetings in the month, $ondisk"
[ -n "$mem" ] && run mem "$mem/big" \
    "$N invitees, $M meetings in the month, the database in memory"
run slow "$dir/slow" "$N invitees, $M meetings in the month, $ondisk, \
each flush 150 ms" "$(pwd)/build/bench/slowsync.so"
echo
echo "== roll call: ratio, $N invitees in a busy month to 30 alone"
awk -v base="$dir/out.small" '
	BEGIN { while ((getline l < base) > 0) { split(l, f, /  +/); v[f[1]] = f[2] + 0 } }
	/^mark/ { split($0, f, /  +/); if (v[f[1]] > 0) printf "%-24s %6.2f\n", f[1], (f[2] + 0) / v[f[1]] }
' "$dir/out.big"
echo
echo "== roll call: the goal, at most 2 ms a key"
for o in big mem slow; do
	[ -f "$dir/out.$o" ] || continue
	awk -v o="$o" -v disk="$where" '/^mark: (first|median|slowest) key/ {
	    split($0, f, /  +/)
	    where = o == "mem" ? "memory" : o == "slow" ? "slow " disk : disk
	    ok = f[2] + 0 <= 2.0 ? "met" : "not met"
	    printf "%-24s %-9s %8.2f ms  %s\n", f[1], where, f[2] + 0, ok }' \
	    "$dir/out.$o"
done
