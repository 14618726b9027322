#!/bin/sh
# test_vote.sh — the topic vote (議題票選) on the screen, opened with V
# from the Cases tab under a fixed clock: the coordinator opens the
# month's vote, puts three proposed cases to it, enters three voters'
# approval ballots from the sheet and replaces one (whose earlier choices
# are not shown: the list starts empty), sees the tally, and closes the
# vote; the two most approved are then tracked cases at the stage
# selected, as the command line reads them back. A viewer sees the vote
# and its tally but enters no ballot and puts no case to it.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-06 10:00"; export OGPO_NOW
demo_db

# approvals ID: candidate #ID's approvals in the command line's tally.
approvals() {
	"$OGPO" --db "$DB" vote tally 2 | awk -v n="#$1" '$2 == n { print $1 }'
}
# ballot DOWNS KEYS...: the voter DOWNS rows down the list, then the
# checklist keys (Space ticks and moves on).
ballot() {
	_d=$1; shift
	keys b
	expect "b asks whose ballot" "Whose ballot?"
	while [ "$_d" -gt 0 ]; do keys Down; _d=$((_d - 1)); done
	keys Enter
	expect "then which topics they approve" "approves"
	screen
	check "no topic is ticked to begin with" lacks_text "[x]"
	# Two POs may share a name: the title says whose agency.
	check "the voter is named with their agency" \
	    grep -qE '[^ ] \([^)]+\) approves' "$SCR"
	keys "$@" Enter
	expect_gone "the ballot is entered" "approves"
}

tui_start vote 80 24
keys 4
expect "the Cases tab" "Tracked cases"
screen
check "its key hints offer the vote" has_text "V vote"
keys V
expect "V opens the topic vote, the demo's, still open" \
    "Topic vote #1: 2026-11"
expect "with the eligible voters" "Eligible voters, the POs in office"

# A new vote for December.
keys o
expect "o opens the form of a new vote" "New topic vote"
expect "dated today" "2026-12-06"
keys C-s
expect "the new vote is shown" "Topic vote #2: 2026-12"
expect "with no candidates yet" "No candidates yet"

# Three proposed cases put to it.
for s in 115-06 115-08 115-17; do
	keys a
	expect "a offers the proposed cases ($s)" \
	    "Put which proposed case to the vote?"
	text "$s"
	keys Enter
	expect "$s becomes a candidate" "Case $s is candidate"
done
keys a
expect "the picker again" "Put which proposed case"
screen
check "a case already a candidate is not offered again" lacks_text "115-06"
esc
expect_gone "Esc closes the picker" "Put which proposed case"

# Ballots: candidates #5 (115-06), #6 (115-08), #7 (115-17), in the
# tally's order (by number while all have none). 1st voter: 5 and 6.
ballot 0 Space Space
expect "the count of ballots" "1 of 64 eligible POs have voted"
# 2nd: 5 and 7 (Space ticks and moves to the next row).
ballot 1 Space Down Space
# 3rd: 5 and 6.
ballot 2 Space Space
expect "three ballots" "3 of 64 eligible POs have voted"
same_tally=$(approvals 5)/$(approvals 6)/$(approvals 7)
check "the tally counts 3/2/1 ($same_tally)" test "$same_tally" = "3/2/1"
# The 2nd voter's sheet is corrected: 6 only. They are marked as having
# voted; their choices are not shown.
keys b
expect "the voter picker" "Whose ballot?"
keys Down
screen
check "the voter who voted is marked so" sh -c \
    "grep -q 'has voted' '$SCR'"
keys Enter
expect "entering it again replaces it" "replaces the ballot entered before"
screen
check "their earlier choices are not shown" lacks_text "[x]"
# The checklist lists by the tally: #5 (3), #6 (2), #7 (1).
keys Down Space Enter
expect "the ballot is replaced" "ballot replaced"
expect "still three ballots" "3 of 64 eligible POs have voted"
same_tally=$(approvals 5)/$(approvals 6)/$(approvals 7)
check "the tally now counts 2/3/0 ($same_tally)" test "$same_tally" = "2/3/0"
screen
check "the screen names no voter's choice" lacks_text "approves"
"$OGPO" --db "$DB" vote tally 2 >"$TMP/tally"
lacks "nor does the command line's tally" "$TMP/tally" "@ogpo.example"

# --- a viewer, as a real account: sees the tally, enters nothing --------
if [ "$(id -u)" -eq 0 ]; then
	VW=ogpovt$$
	GRP=ogpvtg$$
	groupadd "$GRP" || not_ok "groupadd $GRP"
	useradd -M -N -g "$GRP" -s /bin/sh "$VW" || not_ok "useradd $VW"
	trap 'userdel "$VW" 2>/dev/null; groupdel "$GRP" 2>/dev/null;
	    tui_cleanup' EXIT
	chmod 755 "$TMP"
	chgrp -R "$GRP" "$DB" && chmod 2770 "$DB" && chmod 660 "$DB"/*.mdb
	"$OGPO" --db "$DB" user add "$VW" --role viewer >/dev/null ||
	    not_ok "a viewer"
	if tui_as_runs "setpriv --reuid=$VW --regid=$GRP --clear-groups"; then
		TUI_AS="setpriv --reuid=$VW --regid=$GRP --clear-groups"
		tui_start viewer 80 24
		TUI_AS=
		keys 4 V
		expect "the viewer sees the vote" "Topic vote #2: 2026-12"
		expect "and its tally" "3 of 64 eligible POs have voted"
		keys b
		expect "a viewer enters no ballot" "are a viewer and may only read"
		screen
		check "no voter is offered" lacks_text "Whose ballot?"
		keys a
		expect "nor puts a case to the vote" "are a viewer and may only read"
		screen
		check "no case is offered" lacks_text "Put which proposed case"
		keys C
		expect "nor closes it" "are a viewer and may only read"
		tui_stop
		check "the viewer left three ballots" sh -c \
		    "'$OGPO' --db '$DB' vote list | grep -q '3/64'"
		TUI_S=vote	# back to the coordinator's screen
	fi
else
	echo "# viewer skipped: making a test account needs root"
fi

# Closing: the two most approved, 115-08 (3) and 115-06 (2).
keys C
expect "C asks first" "Close vote #2?"
keys y
expect "the vote is closed" "Vote #2 closed"
expect "naming the chosen cases" "Chosen: 115-08"
tui_stop
check "115-08 is at the stage selected" test "$(case_field 115-08 stage)" = selected
check "115-06 too" test "$(case_field 115-06 stage)" = selected
check "115-17 is still proposed" test "$(case_field 115-17 stage)" = proposed
"$OGPO" --db "$DB" vote list >"$TMP/votes"
contains "the vote is closed with its three ballots" "$TMP/votes" "3/64"
"$OGPO" --db "$DB" vote ballot 2 moi.po2@ogpo.example 5 >/dev/null 2>&1 &&
    not_ok "a closed vote takes no ballot" || ok "a closed vote takes no ballot"
"$OGPO" --db "$DB" verify >/dev/null 2>&1 && ok "the database verifies" ||
    not_ok "the database verifies"
tui_done
