#!/bin/sh
# test_attend.sh — taking attendance: Enter on a meeting opens its
# invitees with the sheet's own keys on the status line (at 80 columns
# too); p, o, x (asks the proxy, naming the person), e and a record an
# answer and move to the next person not yet marked (*); / finds a person
# as they arrive; c writes a note; the counts follow; the database holds
# each answer; + invites an officer, E someone who is not one, d takes a
# person off; when everyone is marked a key marks no one by mistake; the
# help says Esc loses nothing; closing a sheet taken on the day offers to
# mark the meeting held, and H refuses before its day; a new meeting
# proposes its invitees by point 7;
# a mark saved is in the database even if ogpo is killed then.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
took_place
check "a meeting that has taken place ($mtitle)" test -n "$mid"

tui_start attend 100 30
keys 3
expect "the meetings are listed" "Meetings, newest first"
keys Home Enter
expect "Enter opens the meeting's attendance, numbered" "#$mid $mtitle"
expect "the counts, and how many are not yet marked" \
    "present 0 / invited 41;  not yet marked (*) 41"
expect "each one not marked carries the mark" "* Invited"
expect "the sheet's own keys, not the list's" "p present  o online  x proxy"
screen
lacks "… not the meetings' add and delete" "$SCR" "a add"
keys p
expect "p marks the first person present" "present 1 / invited 41"
keys p o
expect "p and o: three present" "present 3 / invited 41"
sel_row
name4=$(awk '{ print $(NF - 2) }' "$TMP/sel")
keys x
expect "x asks for the proxy, naming the person ($name4)" \
    "Who came in place of $name4"
text "代理人甲"
keys Enter
expect "the proxy counts as present" "present 4 / invited 41"
expect "and is named" "代理人甲"
keys e a
expect "e and a are not present" "present 4 / invited 41;  not yet marked (*) 35"
expect "excused is shown" "Excused"
expect "absent is shown" "Absent"
# The cursor moved on after each key: the seventh person is selected.
sel_row
check "after six answers the seventh person, not yet marked, is chosen" \
    grep -q "^│ \* Invited" "$TMP/sel"
# Someone else writes meanwhile: the rows are read again, and a mark still
# moves on to the next person rather than back to the one chosen before.
sel7=$(awk '{ print $(NF - 2) }' "$TMP/sel")
"$OGPO" --db "$DB" set agency 1 note="另一人寫入" >/dev/null
keys p
expect "a mark after another's write" "present 5 / invited 41"
sel_row
check "… moves on from $sel7 to the next one not yet marked" \
    sh -c "grep -q '^│ \* Invited' '$TMP/sel' && ! grep -q '$sel7' '$TMP/sel'"
keys Up u
expect "u takes it back" "present 4 / invited 41"
# Someone else marks the next person meanwhile: a mark is shown at once,
# and once the rows are read again it moves on past the one marked there.
screen
sel_row
at=$(grep -n -F -- "$(cat "$TMP/sel")" "$SCR" | head -1 | cut -d: -f1)
next=$(sed -n "$((at + 1))p" "$SCR")
nname=$(echo "$next" | awk '{ print $(NF - 2) }')
nagency=$(echo "$next" | awk '{ print $(NF - 3) }')
printf '會議編號,姓名,機關,出席情形\n%s,%s,%s,缺席\n' "$mid" "$nname" \
    "$nagency" >"$TMP/other.csv"
check "another process marks $nname ($nagency) absent" \
    "$OGPO" --db "$DB" import attendance "$TMP/other.csv"
keys p
expect "the mark is counted" "present 5 / invited 41"
past_next() {
	sel_row
	grep -q '^│ \* Invited' "$TMP/sel" && ! grep -q "$nname" "$TMP/sel"
}
if poll 5 past_next; then ok "… and moves on past $nname, marked meanwhile"
else not_ok "… and moves on past $nname (chosen: $(cat "$TMP/sel"))"; fi
keys Up Up u
expect "u on the one marked here takes it back" "present 4 / invited 41"
# (shown before it is written: the database has it a moment later)
present_in_db() {
	"$OGPO" --db "$DB" list meetings | awk -v m="$mid" -v p="$1/41" \
	    '$1 == m && $5 == p { f = 1 } END { exit !f }'
}
poll 10 present_in_db 4 || not_ok "the database has present 4"
check "the other process's mark is undone" "$OGPO" --db "$DB" import undo
expect "… and the sheet follows" "present 4 / invited 41;  not yet marked (*) 35"

# / finds someone as they arrive, in any order; p marks them.
last=$("$OGPO" --db "$DB" export signin "$mid" --plain |
    awk -F ',' '$2 != "" { n = $2 } END { print n }')
keys /
text "$last"
expect_sel "/ finds $last as it is typed" "$last"
keys Enter p
expect "p marks the one found" "present 5 / invited 41"
# c: a note on the person's attendance (found again: the cursor went on).
keys /
text "$last"
keys Enter c
expect "c asks for a note, naming the person" "Note on $last's attendance"
text "遲到十分鐘"
keys Enter
expect "the note is on the row" "遲到十分鐘"
# A later mark keeps the note.
keys /
text "$last"
keys Enter o
expect "… marked online: the cursor goes on" "not yet marked (*) 34"
keys /
text "$last"
keys Enter
poll 5 sh -c "grep -F '$last' '$SCR' | grep -q Online"
grep -F "$last" "$SCR" >"$TMP/row"
contains "… marked online" "$TMP/row" "Online"
contains "… the note kept" "$TMP/row" "遲到十分鐘"

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
expect "invited count grows" "present 5 / invited 42"
keys d
expect "d asks first, naming the person" "Take 林公民 off the meeting"
keys y
expect "the external is taken off" "present 5 / invited 41"

# The help: the sheet's keys first, and Esc loses nothing.
keys '?'
expect "? shows the sheet's own keys" "Keys here: Taking attendance"
expect "Esc: marks are saved already, as each key is pressed" \
    "what was marked is saved already"
expect "u is back to invited (改回受邀)" "back to invited (改回受邀)"
esc
esc
expect "Esc closes the meeting" "Meetings, newest first"
expect "the list shows the new count" "5/41"
tui_stop

# What the database holds: the meeting's attendance.
"$OGPO" --db "$DB" list meetings >"$TMP/meetings"
contains "the CLI sees 5 of 41 present" "$TMP/meetings" "5/41"
month=$("$OGPO" --db "$DB" list meetings --tsv |
    awk -F '\t' -v i="$mid" '$1 == i { print substr($7, 1, 7) }')
"$OGPO" --db "$DB" export attendance --month "$month" --plain >"$TMP/att.csv"
contains "the export holds the proxy" "$TMP/att.csv" "代理人甲"
contains "… and the note" "$TMP/att.csv" "遲到十分鐘"
run_v=$("$OGPO" --db "$DB" verify >/dev/null 2>&1; echo $?)
check "the database is consistent" test "$run_v" -eq 0

# A small meeting of today (the sessions' day), planned: every one
# marked, a key then marks no one; closing offers to mark it held, and y
# does.
today=$mday
"$OGPO" --db "$DB" add meeting kind=issue status=planned date="$today" \
    title=今日小會議 >/dev/null
tui_start small 100 30
keys 3
expect "the meetings" "今日小會議"
keys /
text 今日小會議
keys Enter Enter
expect "its sheet is empty" "Nobody is invited yet"
keys E
text 甲
keys Enter Enter
expect "one invited" "invited 1;"
keys E
text 乙
keys Enter Enter
expect "two invited" "invited 2;"
keys Home p p
expect "both marked: everyone is" "present 2 / invited 2;  everyone is marked"
keys a
expect "a key after the last marks no one, and says why" \
    "Everyone is marked: move to a person to change their mark"
expect "… both are still present" "present 2 / invited 2"
esc
expect "closing a sheet taken on the day asks: held?" "Mark it held"
keys y
expect "the meeting is marked held" "Held"
tui_stop
st=$("$OGPO" --db "$DB" list meetings --tsv |
    awk -F '\t' '$6 == "今日小會議" { print $12 }')
check "the database holds it held" test "$st" = held


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
tui_stop

# At 80 columns the sheet's keys fit whole, most used first.
tui_start narrow 80 24
keys 3 /
text "$mtitle"
keys Enter Enter
expect "the sheet at 80 columns" "present 5 / invited 41"
screen
status_line >"$TMP/status"
contains "its keys begin with the marks" "$TMP/status" "p present  o online"
contains "… and end with the help" "$TMP/status" "? help"
lacks "… none cut short" "$TMP/status" "…"
# A mark is drawn before it is saved (by a thread of its own, a moment
# later): once saved, it outlives ogpo killed outright.
keys p
expect "p marks one more" "present 6 / invited 41"
poll 10 present_in_db 6 || not_ok "the database has present 6"
kill -9 "$(tui_pid)"
wait_exit 5
tui_stop
"$OGPO" --db "$DB" list meetings >"$TMP/meetings"
contains "killed after the mark was saved: the database holds it (6/41)" \
    "$TMP/meetings" "6/41"
run_v=$("$OGPO" --db "$DB" verify >/dev/null 2>&1; echo $?)
check "… and is consistent" test "$run_v" -eq 0

# H on a meeting whose day is still to come is refused, naming its day:
# held early, it would count for a month that has not come. The same from
# its attendance sheet, and so is who came: p says why on the status line
# and marks no one; e (請假, said ahead) is taken.
fid=$("$OGPO" --db "$DB" add meeting kind=work status=planned \
    date=2099-01-15 title=未來的會議 --invite proposed |
    sed -n 's/.*#\([0-9]*\).*/\1/p')
tui_start future 100 30
keys 3
expect "the meetings, the future one first" "未來的會議"
keys Home H
expect "H on a meeting still to come is refused, naming it and its day" \
    "未來的會議 is set for 2099-01-15, a day still to come: it can be marked"
st=$("$OGPO" --db "$DB" list meetings --tsv |
    awk -F '\t' '$6 == "未來的會議" { print $12 }')
check "H: it is still planned" test "$st" = planned
keys Enter
expect "its sheet" "未來的會議"
keys H
expect "H on its sheet is refused too" "it can be marked held from"
keys p
expect "p before its day is refused on the status line, naming it and its day" \
    "Meeting #$fid 未來的會議 is set for 2099-01-15, a day still to come"
expect "… and marks no one" "present 0 / invited 41;  not yet marked (*) 41"
keys x
expect "x too, before asking for a proxy" "a day still to come: attendance"
screen
lacks "… it asks nothing" "$SCR" "Who came in place of"
keys e
expect "e (請假) ahead of the day is taken" "not yet marked (*) 40"
expect "… and shown" "Excused"
esc
# Its form refuses Held the same way, at the field.
expect "back on the list" "Meetings, newest first"
keys e
expect "e opens its form" "Edit meeting"
keys Tab Tab Tab Tab Tab Tab Tab F2
expect "the status pick list" "─ Status ─"
keys Down Enter C-s
expect "the form marks the status, saying why" \
    "a day still to come: it can"
expect "… and saves nothing" "Not saved: the marked fields need a look"
esc
keys y
expect_gone "y throws the form away" "Edit meeting"
tui_stop
st=$("$OGPO" --db "$DB" list meetings --tsv |
    awk -F '\t' '$6 == "未來的會議" { print $12 }')
check "its sheet's H: it is still planned" test "$st" = planned
tui_done
