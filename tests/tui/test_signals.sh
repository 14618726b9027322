#!/bin/sh
# test_signals.sh — SIGHUP and SIGTERM end ogpo within a second, with the
# status 128+signal, leaving no LMDB reader slot behind (mdb_stat -r) and
# a database that verifies, the terminal restored; also with a form open
# (a nested key loop).
. tests/lib.sh
. tests/tui/tui-lib.sh

# readers_of PID: reader-table lines (mdb_stat -r) held by PID.
readers_of() { mdb_stat -r "$DB" | awk -v p="$1" '$1 == p'; }

# signal_test NAME SIGNAL STATUS SETUP...: start, run the setup keys,
# send SIGNAL, and check the end.
signal_test() {
	name=$1 sig=$2 want=$3
	shift 3
	tui_start "$name" 100 30
	keys 2
	expect_pos "$name: officers shown" "1/$n"
	if [ $# -gt 0 ]; then
		keys "$@"
		expect "$name: the form is open" "New officer"
	fi
	pid=$(tui_pid)
	check "$name: ogpo's pid is known ($pid)" kill -0 "$pid"
	check "$name: an idle ogpo holds no reader slot" \
	    [ -z "$(readers_of "$pid")" ]
	t0=$(now_ms)
	kill -"$sig" "$pid"
	if wait_exit 1; then
		ok "$name: SIG$sig ends ogpo within 1 s ($(( $(now_ms) - t0 )) ms)"
	else
		not_ok "$name: SIG$sig ends ogpo within 1 s"; dump
	fi
	check "$name: the process is gone" sh -c "! kill -0 $pid 2>/dev/null"
	# A handled signal ends curses (endwin): the alternate screen is left.
	# Death by the signal would leave ogpo's screen standing.
	expect_gone "$name: the terminal is restored (ogpo's screen is gone)" \
	    "[2 Officers]" 1
	check "$name: exit status $want (got $TUI_STATUS)" [ "$TUI_STATUS" = "$want" ]
	r=$(readers_of "$pid")
	check "$name: no reader slot of pid $pid left${r:+ ($r)}" [ -z "$r" ]
	check "$name: the database verifies" \
	    sh -c "'$OGPO' --db '$DB' verify >/dev/null"
	tui_stop
}

command -v mdb_stat >/dev/null ||
    { not_ok "mdb_stat (lmdb-utils) is installed"; exit 1; }
demo_db
n=$(officer_count)
signal_test hup HUP 129
signal_test term TERM 143
signal_test hupform HUP 129 a
signal_test termform TERM 143 a
check "no officer was added by the forms" [ "$(officer_count)" -eq "$n" ]
tui_done
