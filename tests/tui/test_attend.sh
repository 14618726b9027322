#!/bin/sh
# test_attend.sh — taking attendance: Enter on a meeting opens its
# invitees; p, o, x (asks the proxy), e and a record an answer and move to
# the next person; the count in view follows; the database holds each
# answer; + invites an officer, E someone who is not one, d takes a
# person off; a new meeting proposes its invitees by point 7.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
planned=$("$OGPO" --db "$DB" list meetings --tsv |
    awk -F '\t' '$12 == "planned" { print $6; exit }')
check "the demo has a planned meeting ($planned)" test -n "$planned"

tui_start attend 100 30
keys 3
expect "the meetings are listed" "Meetings, newest first"
keys Home Enter
expect "Enter opens the meeting's attendance" "present 0 / invited 41"
expect "the invitees are listed, none answered yet" "受邀 Invited"
keys p
expect "p marks the first person present" "present 1 / invited 41"
keys p o
expect "p and o: three present" "present 3 / invited 41"
keys x
expect "x asks for the proxy's name" "Who came in their place"
text "代理人甲"
keys Enter
expect "the proxy counts as present" "present 4 / invited 41"
expect "and is named" "代理人甲"
keys e a
expect "e and a are not present" "present 4 / invited 41"
expect "excused is shown" "請假 Excused"
expect "absent is shown" "缺席 Absent"
# The cursor moved on after each key: the seventh row is selected.
screen
sel_row
check "after six answers the seventh person is selected" \
    grep -q "受邀 Invited" "$TMP/sel"

# External participant.
keys E
expect "E asks for a name" "Name of the participant"
text "林公民"
keys Enter
expect "and the organisation" "Their organisation"
text "開放文化基金會"
keys Enter
expect "the external participant is listed" "林公民"
expect "with the organisation" "開放文化基金會"
expect "invited count grows" "present 4 / invited 42"
keys d
expect "d asks first" "Take this person off"
keys y
expect "the external is taken off" "present 4 / invited 41"
esc
expect "Esc closes the meeting" "Meetings, newest first"
expect "the list shows the new count" "4/41"
tui_stop

# What the database holds: the planned meeting's attendance.
tsv_att() {
	"$OGPO" --db "$DB" list meetings --tsv | awk -F '\t' -v t="$planned" \
	    '$6 == t { print $1 }'
}
mid=$(tsv_att)
check "the meeting's id is known ($mid)" test -n "$mid"
run_list=$("$OGPO" --db "$DB" list meetings)
echo "$run_list" >"$TMP/meetings"
contains "the CLI sees 4 of 41 present" "$TMP/meetings" "4/41"
run_v=$("$OGPO" --db "$DB" verify >/dev/null 2>&1; echo $?)
check "the database is consistent" test "$run_v" -eq 0

# A new policy meeting proposes every second-level agency's supervisors.
sups=$("$OGPO" --db "$DB" list agencies |
    awk 'NR > 1 && $3 == 2 { s += $5 } END { print s }')
tui_start newmeeting 100 30
keys 3
expect "the meetings again" "Meetings, newest first"
keys a
expect "the form opens" "New meeting"
keys Space
expect "the kind pick list" "Policy coordination"
keys Home Enter
keys Tab
text "測試政策協調會議"
keys C-s
expect "the proposal lists the supervisors" "of $sups chosen"
keys Space
expect "Space leaves one out" "$((sups - 1)) of $sups chosen"
keys Enter
expect "the attendance view opens with them invited" \
    "present 0 / invited $((sups - 1))"
esc
tui_done
