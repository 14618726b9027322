#!/bin/sh
# run.sh — run every test tier and end with one line "N passed, N failed".
#
#   unit tests (cmocka), built plain and with ASan+UBSan: build/test*/NAME,
#   and those that start threads with ThreadSanitizer (build/test-tsan)
#   program tests, tests/cli/*.sh and tests/tui/*.sh, run against the plain
#   binary and again against the sanitizer build (OGPO=build/asan/ogpo);
#   tests/attack/*.sh, the shared-server install attacked by its own
#   accounts (as root, in a mount namespace; skipped, naming why, for the
#   sanitizer build, which cannot run set-id, and where there is no root)
#   fuzzing, tests/fuzz/run.sh: each libFuzzer target for FUZZ_SECONDS
#   (default 60) after its seeds and past findings
#
# A program test prints "ok - what" or "not ok - what" per check, and
# "ok - # SKIP why" for a check it cannot make here (one that needs root,
# say): skips are counted apart and named again at the end, never passed.
set -u
cd "$(dirname "$0")/.."

passed=0
failed=0
skipped=0
log=$(mktemp)
skips=$(mktemp)
trap 'rm -f "$log" "$skips"' EXIT

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:detect_stack_use_after_return=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LC_ALL=C.UTF-8

# cmocka ends with "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s)".
count_cmocka() {
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
}

for t in "$@"; do
	for dir in build/test build/test-asan build/test-tsan; do
		# Only the tests that start threads are built for TSan.
		[ "$dir" = build/test-tsan ] && [ ! -e "$dir/$t" ] && continue
		echo "== $dir/$t"
		if "$dir/$t" >"$log" 2>&1; then
			count_cmocka
		else
			cat "$log"
			count_cmocka
			# A crash or sanitizer report counts as one more failure.
			grep -q '^\[  FAILED  \]' "$log" || failed=$((failed + 1))
		fi
	done
done

for script in tests/cli/*.sh tests/tui/*.sh tests/attack/test_*.sh; do
	[ -f "$script" ] || continue
	for bin in ./ogpo build/asan/ogpo; do
		echo "== $script ($bin)"
		OGPO=$bin sh "$script" >"$log" 2>&1
		rc=$?
		cat "$log"
		p=$(grep -c '^ok ' "$log")
		f=$(grep -c '^not ok ' "$log")
		s=$(grep -c '^ok - # SKIP' "$log")
		grep '^ok - # SKIP' "$log" | sed "s|^ok - # SKIP|$script ($bin):|" \
		    >>"$skips"
		passed=$((passed + p - s))
		skipped=$((skipped + s))
		failed=$((failed + f))
		if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
			echo "not ok - $script exited $rc"
			failed=$((failed + 1))
		fi
	done
done

echo "== tests/fuzz/run.sh (${FUZZ_SECONDS:-60} s each)"
sh tests/fuzz/run.sh >"$log" 2>&1
rc=$?
cat "$log"
passed=$((passed + $(grep -c '^ok ' "$log")))
f=$(grep -c '^not ok ' "$log")
failed=$((failed + f))
if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
	echo "not ok - tests/fuzz/run.sh exited $rc"
	failed=$((failed + 1))
fi

if [ "$skipped" -gt 0 ]; then
	echo "Skipped, not run here:"
	sed 's/^/  /' "$skips"
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
