#!/bin/sh
# test_rollcall_proxy.sh — x asks for a proxy's name while the rows may
# be read again beneath the question: the last mark's save lands (the
# marks' thread), or another process writes. The proxy goes to the
# person asked about, and the sheet counts it (under the sanitizer build
# the row the question was asked for must not be a freed one).
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
took_place
check "a meeting that has taken place ($mtitle)" test -n "$mid"

tui_start proxy 100 30
keys 3
wait_for "Meetings, newest first" 5 >/dev/null
keys Home Enter
expect "the meeting's sheet" "#$mid $mtitle"
expect "no one marked yet" "present 0 / invited 41;  not yet marked (*) 41"

# p, then x at once: the question is on the screen while p is saved.
keys p x
expect "x right after p asks for the proxy" "Who came in place of"
sleep 1		# p's save lands; the sheet reads its rows again
text "代理人乙"
keys Enter
expect "the proxy counts as present" "present 2 / invited 41"
expect "… and is named on the sheet" "代理人乙"

# x, and another process writes while the name is typed.
keys x
expect "x asks for the proxy again" "Who came in place of"
if "$OGPO" --db "$DB" set agency 2 note=改過 >/dev/null; then
	ok "another process writes meanwhile"
else
	not_ok "another process writes meanwhile"
fi
sleep 1		# the sheet reads its rows again
text "代理人丙"
keys Enter
expect "the second proxy counts too" "present 3 / invited 41"
esc
expect "closed" "Meetings, newest first"
check "ogpo is still running" kill -0 "$(tui_pid)"
tui_stop
if "$OGPO" --db "$DB" list meetings | awk -v m="$mid" \
    '$1 == m && $5 == "3/41" { f = 1 } END { exit !f }'; then
	ok "the database holds the three present"
else
	not_ok "the database holds the three present"
fi
tui_done
