#!/bin/sh
# test_audit_filter.sh — the Audit tab's filter, at 80x24 and 120x40 in
# English and Chinese: until: is a filter, not a word to search for;
# since: and until: take today, yesterday and -7d as well as a date; f
# offers the filter in force to edit, and what is typed replaces it
# rather than being added to its end; a form saved with nothing changed
# writes no audit record; an old change names the officer as the change
# was made (their title since is not put on it).
. tests/lib.sh
. tests/tui/tui-lib.sh

# Every record is written now, by the program's clock: today and the days
# before it are what the filter is tried on. The day is fixed, the same
# for the commands here and the program in tmux, so that a date typed
# is the day they wrote on, whatever the system's clock says.
OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW
demo_db
OFF=$("$OGPO" --db "$DB" list officers --agency MOI --tsv | sed -n 2p | cut -f1)
"$OGPO" --db "$DB" set officer "$OFF" note=過濾標記 >/dev/null
check "a change today" test $? -eq 0
audits() { "$OGPO" --db "$DB" audit --limit 0 --tsv | wc -l; }

# filter TEXT: f, then TEXT over what is offered.
filter() {
	keys f
	sleep 0.2
	text "$1"
	keys Enter
}

run() {	# run LANG READY COLS ROWS
	TUI_LANG=$1 TUI_READY=$2
	zh=0
	[ "$1" = zh_TW.UTF-8 ] && zh=1
	L() { if [ $zh = 1 ]; then echo "$2"; else echo "$1"; fi; }
	n=audf$3$( [ $zh = 1 ] && echo zh || echo en)
	none=$(L 'Nothing matches.' '沒有符合的項目。')
	tui_start "$n" "$3" "$4"
	keys 6
	expect "$n: the audit trail, the newest change at the top" "過濾標記"

	filter "until:today"
	expect "$n: until:today is a filter, not a word to look for" "過濾標記"
	filter "until:yesterday"
	expect "$n: until:yesterday: nothing was written before today" "$none"
	filter "since:yesterday until:today"
	expect "$n: since:yesterday until:today" "過濾標記"
	filter "since:-7d"
	expect "$n: since:-7d" "過濾標記"
	filter "until:-7d"
	expect "$n: until:-7d" "$none"
	filter "since:${OGPO_NOW%% *}"
	expect "$n: since: a date" "過濾標記"
	filter "since:someday"
	expect "$n: a day that is none is said" "since:someday"

	# The filter in force is offered; typing replaces it.
	filter "login:nobody"
	expect "$n: the filter typed over the old one" "login:nobody"
	keys f
	expect "$n: f offers the filter in force" "login:nobody"
	keys Right BSpace BSpace BSpace BSpace BSpace BSpace
	text "root"
	keys Enter
	expect_gone "$n: … to edit: an arrow keeps it, Backspace takes from it" \
	    "login:nobody"
	keys F

	# A form saved with nothing changed writes nothing.
	before=$(audits)
	keys 2
	sleep 0.2
	keys e
	sleep 0.3
	keys C-s
	expect "$n: saving an unchanged form says nothing was written" \
	    "$(L 'nothing was changed, so nothing was written' '沒有任何變更')"
	check "$n: … and the audit trail has no new record" \
	    test "$(audits)" -eq "$before"
	tui_stop
}

run C.UTF-8 '1 Agencies' 80 24
run C.UTF-8 '1 Agencies' 120 40
run zh_TW.UTF-8 '1 機關' 80 24
run zh_TW.UTF-8 '1 機關' 120 40

# An old change, as it was made: the officer's title since is not on it.
ATT=$("$OGPO" --db "$DB" audit --entity attendance --limit 0 --tsv | sed -n 2p)
check "the demo's attendance is in the trail" test -n "$ATT"
# seq time login action entity id id2 (the officer) record changes
oid=$(printf '%s\n' "$ATT" | cut -f 7)
who=$(printf '%s\n' "$ATT" | cut -f 8 | sed 's/ at .*//')
check "… naming an officer ($who)" test -n "$oid"
"$OGPO" --db "$DB" set officer "$oid" title=後來的職稱 >/dev/null
"$OGPO" --db "$DB" audit --entity attendance --limit 0 >"$TMP/att"
lacks "an attendance change made before the new title does not show it" \
    "$TMP/att" "後來的職稱"
contains "… and still names the officer" "$TMP/att" "$who"
tui_done
