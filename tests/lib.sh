# lib.sh — helpers for the program tests (sourced by tests/cli/*.sh and
# tests/tui/*.sh). Each check prints "ok - what" or "not ok - what".

OGPO=${OGPO:-./ogpo}
case $OGPO in /*) ;; *) OGPO=$(pwd)/$OGPO ;; esac
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ogpo-test.XXXXXX")
# The tests assert English text: the reader's own settings (ui.lang,
# date_style … in ~/.config/ogpo/config, LANGUAGE) must not change it. A
# test that wants a config writes $XDG_CONFIG_HOME/ogpo/config.
XDG_CONFIG_HOME=$TMP/config
export XDG_CONFIG_HOME
# A form a test leaves open when it ends ogpo is kept as a draft: in the
# test's folder, not the runner's home.
XDG_STATE_HOME=$TMP/state
export XDG_STATE_HOME
unset LANGUAGE
trap 'test_cleanup' EXIT
failures=0

test_cleanup() {
	[ -n "${TMUX_SESSIONS:-}" ] && for s in $TMUX_SESSIONS; do
		tmux kill-session -t "$s" 2>/dev/null
	done
	rm -rf "$TMP"
	[ "$failures" -eq 0 ]
}

# private_etc: /etc, copied, bound over /etc in this mount namespace, for
# tests that add accounts. A copy can meet a file that goes as it is
# read (useradd's passwd.lock, of someone else adding an account): again.
private_etc() {
	_n=0
	until rm -rf "$TMP/etc" && cp -a /etc "$TMP/etc" 2>"$TMP/etc.err"; do
		_n=$((_n + 1))
		[ "$_n" -lt 5 ] || { sed 's/^/#   /' "$TMP/etc.err"; return 1; }
		sleep 1
	done
	mount --bind "$TMP/etc" /etc
}

# utf16 FILE: standard input as UTF-16LE with a BOM, as Teams writes it.
utf16() {
	{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE; } >"$1"
}

# shquote WORD: WORD quoted for sh.
shquote() { printf "'%s'" "$(printf %s "$1" | sed "s/'/'\\\\''/g")"; }

# calc_here: 0 if the real LibreOffice can do what calc asks here
# (soffice, python3-uno, the zh_TW.UTF-8 locale); else not ok, saying
# how to install them, and 1.
calc_here() {
	if command -v soffice >/dev/null && [ -x /usr/bin/python3 ] &&
	    /usr/bin/python3 -c 'import uno' 2>/dev/null && locale -a \
	    2>/dev/null | grep -qix 'zh_TW\.utf-\{0,1\}8'; then
		return 0
	fi
	not_ok "LibreOffice, python3-uno and the zh_TW.UTF-8 locale are needed (sh tools/deps.sh test)"
	return 1
}

# calc STEPS WHAT: the real LibreOffice does the steps in file STEPS
# ($CALC, tests/tools/lo-calc.py, says how): ok WHAT, or not ok with what
# it said. Returns as LibreOffice did.
calc() {
	if /usr/bin/python3 "$CALC" <"$1" >"$TMP/lo.out" 2>&1; then
		ok "$2"
	else
		not_ok "$2"
		sed 's/^/#   /' "$TMP/lo.out"
		return 1
	fi
}

ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; failures=$((failures + 1)); }

# check WHAT COMMAND...: the command succeeds.
check() {
	what=$1; shift
	if "$@"; then ok "$what"; else not_ok "$what"; fi
}

# contains WHAT FILE TEXT: FILE holds TEXT (fixed string).
contains() {
	if grep -qF -- "$3" "$2"; then ok "$1"; else
		not_ok "$1 (no '$3' in:)"; sed 's/^/#   /' "$2" | head -20
	fi
}

lacks() {
	if grep -qF -- "$3" "$2"; then
		not_ok "$1 ('$3' should not be in:)"; sed 's/^/#   /' "$2" | head -20
	else ok "$1"; fi
}

# same WHAT GOT WANTED: the two strings are equal.
same() {
	if [ "$2" = "$3" ]; then ok "$1"; else
		not_ok "$1 (got '$2', wanted '$3')"
	fi
}

# run ARGS...: $OGPO (on $DB when it is set), its output in $TMP/out and
# $TMP/err, its exit status in $rc; a sanitizer's report is a failure.
run() {
	if [ -n "${DB:-}" ]; then
		"$OGPO" --db "$DB" "$@" >"$TMP/out" 2>"$TMP/err"
	else
		"$OGPO" "$@" >"$TMP/out" 2>"$TMP/err"
	fi
	rc=$?
	if grep -qE '(Address|Leak|UndefinedBehavior)Sanitizer|runtime error:' \
	    "$TMP/err"; then
		not_ok "no sanitizer report from: ogpo $*"
		sed 's/^/#   /' "$TMP/err" | head -30
	fi
}

# status WHAT CODE: the last run exited CODE.
status() {
	if [ "$rc" -eq "$2" ]; then ok "$1"; else
		not_ok "$1 (exit $rc, wanted $2)"
		sed 's/^/#   out: /' "$TMP/out" | head -10
		sed 's/^/#   err: /' "$TMP/err" | head -10
	fi
}
