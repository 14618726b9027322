# tui-lib.sh — helpers for the screen tests (tests/tui/test_*.sh), sourced
# after tests/lib.sh:
#
#	. tests/lib.sh
#	. tests/tui/tui-lib.sh
#
# ogpo runs in a pane of a private tmux server (its own socket, no user
# config), so a test never touches anyone's tmux. A launcher records the
# program's pid and exit status, so a test can ask how it ended. Assertions
# poll capture-pane every 50 ms up to a deadline; the only sleeps set an
# Escape apart from the keys around it.
#
#	tui_start NAME COLS ROWS [ARGS...]	ogpo --db $DB ARGS in a pane
#					(in $TUI_LANG, default C.UTF-8; ready
#					once $TUI_READY shows; $TUI_ENV,
#					VAR=value words quoted for sh, in
#					its environment)
#	tui_start_zh NAME [COLS ROWS]	the same in Chinese (zh_TW.UTF-8),
#					at 80x24 unless told, on the demo
#					database (made unless $DB is there)
#	screen [-e]			capture into $SCR (and print nothing)
#	wait_for TEXT [SECONDS]		0 once TEXT shows (default 5 s)
#	wait_gone TEXT [SECONDS]	0 once TEXT no longer shows
#	wait_pos POS [SECONDS]		0 once the status line ends in POS
#	wait_count N [SECONDS]		0 once the position's total is N
#	expect WHAT TEXT [SECONDS]	ok/not ok of wait_for (screen on failure)
#	expect_gone WHAT TEXT [SECONDS]	ok/not ok of wait_gone
#	expect_pos WHAT POS [SECONDS]	ok/not ok of wait_pos
#	expect_sel WHAT TEXT [SECONDS]	the selected row (by its colour) holds TEXT
#	keys KEY...			tmux send-keys (names: Enter, C-s, Up…)
#	text STRING			type STRING literally
#	esc				Escape, on its own
#	wait_exit [SECONDS]		0 once the program has ended
#	tui_pid				pid of the program (the pane's process)
#	tui_stop			end the session (and check sanitizer output)
#	tui_done			end: kill the tmux server, exit 1 on failures
#	tui_editor CODE			$ED (tui_account) an editor of CODE

# Run on its own (tests/run.sh runs every tests/tui/*.sh) it does nothing.
command -v test_cleanup >/dev/null 2>&1 || exit 0

# The terminal tmux emulates: with it, keys such as Home and End reach ogpo
# as the terminal description says (under TERM=xterm-256color tmux sends
# Home as ESC [ 1 ~, which xterm's description does not list).
TUI_TERM=${TUI_TERM:-tmux-256color}
infocmp "$TUI_TERM" >/dev/null 2>&1 || TUI_TERM=screen-256color
# wc -L measures display width only in a UTF-8 locale.
LC_ALL=C.UTF-8
export LC_ALL

DB=$TMP/db
SCR=$TMP/screen
# The program's locale, and the header that says it has started.
TUI_LANG=${TUI_LANG:-C.UTF-8}
TUI_READY=${TUI_READY:-1 Agencies}
TUI_SOCK=$TMP/tmux.sock	# inside $TMP: removed with it
TUI_S=
unset TMUX

tx() { tmux -S "$TUI_SOCK" "$@"; }

printf '%s\n' 'set -g remain-on-exit on' 'set -g status off' \
    'set -g history-limit 0' >"$TMP/tmux.conf"

tui_cleanup() {
	tmux -S "$TUI_SOCK" kill-server 2>/dev/null
	test_cleanup
}
trap 'tui_cleanup' EXIT

# Milliseconds since the epoch (GNU date).
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# seconds (may be fractional) → milliseconds
to_ms() { awk -v s="$1" 'BEGIN { printf "%d", s * 1000 }'; }


# tui_start NAME COLS ROWS [ARGS...]: start "ogpo --db $DB ARGS" in a new
# session and wait for its header (as another account when $TUI_AS holds
# a command such as "setpriv --reuid=LOGIN …" that runs the rest as it). A small launcher runs it: the program
# keeps the pid the launcher writes to $TMP/NAME.pid (sh execs into it),
# its stderr goes to $TMP/NAME.err (sanitizer reports), and its exit
# status to $TMP/NAME.rc. (tmux 3.3's #{pane_dead_status} is not used:
# tmux at times leaves the exited pane process a zombie, without status.)
tui_start() {
	_n=$1 _c=$2 _r=$3
	shift 3
	TUI_S=$_n
	rm -f "$TMP/$_n.pid" "$TMP/$_n.rc" "$TMP/$_n.err"
	{
		printf '%s\n' '#!/bin/sh'
		# Colours on (NO_COLOR empty): the selected row is found by them.
		# Each session keeps the drafts of the forms it is ended in
		# (draft.h) apart, so that the next is not offered them,
		# unless $TUI_ENV says where they go.
		printf 'sh -c %s %s %s env LANG=%s LC_ALL=%s NO_COLOR= %s %s ' \
		    "'echo \$\$ >\"\$0.pid\"; exec \"\$@\"'" \
		    "$(shquote "$TMP/$_n")" "${TUI_AS:-}" \
		    "$(shquote "$TUI_LANG")" "$(shquote "$TUI_LANG")" \
		    "$(shquote "XDG_STATE_HOME=$TMP/$_n.state")" \
		    "${TUI_ENV:-}"
		printf 'TERM=%s %s --db %s' "$(shquote "$TUI_TERM")" \
		    "$(shquote "$OGPO")" "$(shquote "$DB")"
		for _a in "$@"; do printf ' %s' "$(shquote "$_a")"; done
		printf ' 2>%s\n' "$(shquote "$TMP/$_n.err")"
		printf 'echo $? >%s\n' "$(shquote "$TMP/$_n.rc")"
	} >"$TMP/$_n.run"
	# A server whose last session a tui_stop just ended may still be
	# going away ("server exited unexpectedly"): then try again.
	for _try in 1 2 3 4 5; do
		tx -f "$TMP/tmux.conf" new-session -d -s "$_n" -x "$_c" \
		    -y "$_r" -c "$(pwd)" "sh $(shquote "$TMP/$_n.run")" \
		    2>/dev/null && break
		sleep 0.2
	done
	if wait_for "$TUI_READY" 10; then
		ok "$_n: ogpo starts at ${_c}x$_r"
	else
		not_ok "$_n: ogpo starts at ${_c}x$_r"
		dump
	fi
}

# tui_start_zh NAME [COLS ROWS]: ogpo as a Taiwanese officer reads it,
# in zh_TW.UTF-8 (ready once 1 機關 shows), at 80x24 unless told, on the
# demo database: made here unless the test made $DB first (to add to it).
# The language stays for the sessions the test starts after.
tui_start_zh() {
	TUI_LANG=zh_TW.UTF-8
	TUI_READY='1 機關'
	[ -e "$DB" ] || demo_db
	tui_start "$1" "${2:-80}" "${3:-24}"
}

# tui_as_runs "setpriv --reuid=LOGIN …": whether that account can run
# $OGPO and read its catalogues here. A checkout in a folder closed to
# others (as mktemp -d makes one) cannot be run by another account: then
# a SKIP says so (counted apart, named at the end, never passed) and 1
# is returned.
tui_as_runs() {
	if $1 env "$OGPO" --version >/dev/null 2>&1 && $1 test -r \
	    "$(pwd)/build/locale/zh_TW/LC_MESSAGES/ogpo.mo"; then
		return 0
	fi
	echo "ok - # SKIP another account cannot run $OGPO from $(pwd):" \
	    "a folder above it is closed to others"
	return 1
}

# tui_account PREFIX: a real Unix account, $ED in its own group $GRP
# (named from PREFIX, removed at the end), to run the real binary as;
# $XDG_CONFIG_HOME is where its settings go. Making it needs root: without
# root, or when that account cannot run $OGPO from here, the test says
# why and ends.
tui_account() {
	if [ "$(id -u)" -ne 0 ]; then
		echo "# skipped: making a test account needs root"
		exit 0
	fi
	ED=${1}e$$
	GRP=${1}g$$
	groupadd "$GRP" || { not_ok "groupadd $GRP"; exit 1; }
	useradd -M -N -g "$GRP" -s /bin/sh "$ED" || not_ok "useradd $ED"
	trap 'userdel "$ED" 2>/dev/null; groupdel "$GRP" 2>/dev/null;
	    tui_cleanup' EXIT
	chmod 755 "$TMP"
	tui_as_runs "setpriv --reuid=$ED --regid=$GRP --clear-groups" ||
	    exit 0
	XDG_CONFIG_HOME=$TMP/cfg
	export XDG_CONFIG_HOME
}

# screen [-e]: the pane's text (with -e, colours too) into $SCR.
screen() { tx capture-pane -p "$@" -t "$TUI_S" >"$SCR" 2>/dev/null; }

dump() {
	screen
	sed 's/^/#   |/' "$SCR"
	[ -s "$TMP/$TUI_S.err" ] && sed 's/^/#   stderr: /' "$TMP/$TUI_S.err" |
	    head -20
	return 0
}

# poll SECONDS COMMAND...: run COMMAND every 50 ms until it succeeds or
# SECONDS pass; the screen is captured before each try.
poll() {
	_end=$(( $(now_ms) + $(to_ms "$1") ))
	shift
	while :; do
		screen
		"$@" && return 0
		[ "$(now_ms)" -ge "$_end" ] && return 1
		sleep 0.05
	done
}

has_text() { grep -qF -- "$1" "$SCR"; }
lacks_text() { ! grep -qF -- "$1" "$SCR"; }
# The status line (the last one) ends in POS, e.g. "1/157".
pos_is() { [ "$(status_pos)" = "$1" ]; }
# The status line's total (after the slash) is N.
count_is() { _p=$(status_pos); [ "${_p#*/}" = "$1" ]; }
status_line() { tail -n 1 "$SCR"; }
status_pos() { tail -n 1 "$SCR" | awk '{ print $NF }'; }

# The selected row: drawn black on yellow (UI_SELECT), found in the
# coloured capture; its plain text goes to $TMP/sel. Header and status
# line (first and last) are never it.
sel_row() {
	tx capture-pane -p -e -t "$TUI_S" >"$SCR.e" 2>/dev/null
	_l=$(sed '1d;$d' "$SCR.e" | grep -n '\[43m\|;43m' | head -1 | cut -d: -f1)
	if [ -z "$_l" ]; then : >"$TMP/sel"; return; fi
	sed -n "$((_l + 1))p" "$SCR" >"$TMP/sel"
}
sel_has() { sel_row; grep -qF -- "$1" "$TMP/sel"; }
wait_sel() { poll "${2:-5}" sel_has "$1"; }
expect_sel() {
	if wait_sel "$2" "${3:-5}"; then ok "$1"; else
		not_ok "$1 (selected row: '$(cat "$TMP/sel")', not '$2':)"
		dump
	fi
}

# down_to TEXT [MAX]: Down until the selected row holds TEXT (at most MAX
# keys, 30), a key at a time, each once the one before has moved the
# selection: keys sent ahead of a slow screen pass the row by. 1 if it
# is not found.
down_to() {
	_d=0
	screen
	sel_row
	while ! grep -qF -- "$1" "$TMP/sel"; do
		[ "$_d" -lt "${2:-30}" ] || return 1
		cp "$TMP/sel" "$TMP/sel.was"
		keys Down
		poll 5 sel_moved || return 1	# the end of the list
		_d=$((_d + 1))
	done
}
sel_moved() { sel_row; ! cmp -s "$TMP/sel" "$TMP/sel.was"; }

wait_for() { poll "${2:-5}" has_text "$1"; }
wait_gone() { poll "${2:-5}" lacks_text "$1"; }
wait_pos() { poll "${2:-5}" pos_is "$1"; }
wait_count() { poll "${2:-5}" count_is "$1"; }

expect() {
	if wait_for "$2" "${3:-5}"; then ok "$1"; else
		not_ok "$1 (no '$2' on the screen:)"; dump
	fi
}

expect_gone() {
	if wait_gone "$2" "${3:-5}"; then ok "$1"; else
		not_ok "$1 ('$2' stays on the screen:)"; dump
	fi
}

expect_pos() {
	if wait_pos "$2" "${3:-5}"; then ok "$1"; else
		not_ok "$1 (position '$(status_pos)', not '$2':)"; dump
	fi
}

keys() { tx send-keys -t "$TUI_S" "$@"; }
text() { tx send-keys -t "$TUI_S" -l -- "$1"; }

# Escape alone: a key right behind it would be read as Meta-key.
esc() {
	sleep 0.1
	tx send-keys -t "$TUI_S" Escape
	sleep 0.15
}

# The program's pid (the launcher writes it as the program starts).
tui_pid() { cat "$TMP/$TUI_S.pid" 2>/dev/null; }

is_dead() { [ -s "$TMP/$TUI_S.rc" ]; }

# wait_exit [SECONDS]: the program has ended; its status in $TUI_STATUS.
wait_exit() {
	TUI_STATUS=
	poll "${1:-5}" is_dead || return 1
	TUI_STATUS=$(cat "$TMP/$TUI_S.rc")
	return 0
}

# Sanitizer reports in the program's stderr count as a failure.
tui_sanitizer_check() {
	_e=$TMP/$TUI_S.err
	if [ -f "$_e" ] && grep -qE \
	    '(Address|Leak|Thread|UndefinedBehavior)Sanitizer|runtime error:' "$_e"; then
		not_ok "$TUI_S: no sanitizer report"
		sed 's/^/#   /' "$_e" | head -40
	else
		ok "$TUI_S: no sanitizer report"
	fi
}

# tui_stop: quit the program if it still runs, then end the session.
tui_stop() {
	if ! is_dead; then
		keys q
		wait_exit 5 || { _pid=$(tui_pid); [ -n "$_pid" ] &&
		    kill "$_pid" 2>/dev/null; wait_exit 5; }
	fi
	tui_sanitizer_check
	tx kill-session -t "$TUI_S" 2>/dev/null
	TUI_S=
}

tui_done() {
	[ -n "$TUI_S" ] && tui_stop
	tx kill-server 2>/dev/null
	[ "$failures" -eq 0 ] || exit 1
	exit 0
}

# tui_editor CODE: the database shared through $GRP, as an install
# shares it, and $ED (tui_account) an editor of agency CODE.
tui_editor() {
	chgrp -R "$GRP" "$DB" && chmod 2770 "$DB" && chmod 660 "$DB"/*.mdb
	"$OGPO" --db "$DB" user add "$ED" --role editor --agency "$1" \
	    >/dev/null || not_ok "an editor of $1"
}

# The database: the demo data, made fresh for each test.
demo_db() {
	"$OGPO" --db "$DB" init --demo >/dev/null 2>&1 ||
	    { not_ok "init --demo"; exit 1; }
}

# meeting_on DAY: the number of the demo's first meeting on DAY.
meeting_on() {
	"$OGPO" --db "$DB" list meetings --tsv |
	    awk -F '\t' -v d="$1" 'NR > 1 && $7 == d { print $1 }' | head -1
}

# case_field SERIAL FIELD: case SERIAL's FIELD (a column of ogpo list
# cases --tsv, by its name), as the database holds it.
case_field() {
	"$OGPO" --db "$DB" list cases --tsv | awk -F'\t' -v s="$1" -v f="$2" \
	    'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
	     $col["serial"] == s { print $col[f] }'
}

# september_resolution: the demo database under the clock of 2026-12-06
# 10:00 (OGPO_NOW, the sessions' too), with one more resolution of the
# September work meeting, 盤點跨機關協作案件, owned by MOI and due
# 2026-10-01 (overdue by then). Sets $ID, its number, and $W1 and $W2,
# the numbers of the September and October work meetings.
september_resolution() {
	OGPO_NOW="2026-12-06 10:00"
	export OGPO_NOW
	TUI_ENV="OGPO_NOW='2026-12-06 10:00'"
	demo_db
	W1=$(meeting_on 2026-09-15)
	W2=$(meeting_on 2026-10-15)
	"$OGPO" --db "$DB" add resolution meeting="$W1" \
	    text=盤點跨機關協作案件 owner=MOI due=2026-10-01 >"$TMP/add" 2>&1
	ID=$(sed -n 's/^Added resolution #\([0-9]*\) .*/\1/p' "$TMP/add")
}

# took_place: the demo's newest meeting, planned for next month, taken to
# have taken place for a roll call still to take (who came is marked from
# a meeting's day on): the clock (OGPO_NOW, the sessions' too) is on its
# day, after it began, and it is marked held (closing its sheet asks
# nothing), no one marked yet. Sets $mid, its number, $mtitle, its title,
# and $mday, its day.
took_place() {
	"$OGPO" --db "$DB" list meetings --tsv >"$TMP/took_place"
	mid=$(awk -F '\t' '$12 == "planned" { print $1; exit }' \
	    "$TMP/took_place")
	mtitle=$(awk -F '\t' -v i="$mid" '$1 == i { print $6 }' \
	    "$TMP/took_place")
	mday=$(awk -F '\t' -v i="$mid" '$1 == i { print $7 }' \
	    "$TMP/took_place")
	OGPO_NOW="$mday 16:00"
	export OGPO_NOW
	TUI_ENV="${TUI_ENV:-} 'OGPO_NOW=$OGPO_NOW'"
	"$OGPO" --db "$DB" set meeting "$mid" status=held >/dev/null ||
	    { not_ok "the meeting of $mday taken place"; exit 1; }
}

# attended PERSON COLUMN: that column of PERSON's row at the took_place
# meeting in the month's attendance export (8 the mark, 9 the proxy's
# name, 10 the note), as the database holds it now.
attended() {
	"$OGPO" --db "$DB" export attendance --month "${mday%-??}" \
	    --format csv --plain -o "$TMP/att.csv" >/dev/null 2>&1
	awk -F, -v n="$1" -v t="$mtitle" -v c="$2" 'index($3, t) &&
	    $6 == n { print $c; exit }' "$TMP/att.csv"
}

# rollcall NAME: a session NAME on the took_place meeting's roll call,
# at its first person.
rollcall() {
	tui_start "$1" 110 36
	keys 3
	expect "$1: the Meetings tab" "Meetings, newest first"
	keys /
	text "$mtitle"
	keys Enter
	expect_sel "$1: finds the meeting" "$mtitle"
	keys Enter
	expect "$1: its roll call" "not yet marked (*)"
}

# two_rollcalls: the demo on a took_place meeting, two sessions, a and
# b, on its roll call at its first person, whose name is $who: two people
# marking the same sheet at once.
two_rollcalls() {
	demo_db
	took_place
	check "a meeting that has taken place ($mtitle)" test -n "$mid"
	rollcall a
	sel_row
	who=$(awk '{ print $5 }' "$TMP/sel")
	check "the first person is $who" test -n "$who"
	rollcall b
}

# Officer count from the CLI (lines minus the header).
officer_count() {
	"$OGPO" --db "$DB" list officers --tsv | awk 'END { print NR - 1 }'
}
