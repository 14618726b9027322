#!/bin/sh
# test_cases.sh — the Cases tab: a tracked case walked through every
# stage in the edit form (proposed → selected → working meeting →
# pre-meeting → collaboration meeting → response → closed), progress
# reported with p from the list, the case's page showing the timeline,
# closing refused without the deciding meeting and then recorded with
# it; f narrows to the overdue Join cases. What the database holds
# afterwards is read back through the command line.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-03-20 09:00"; export OGPO_NOW
demo_db
# A Join case whose proposer was never contacted: overdue on screen.
"$OGPO" --db "$DB" add case title=公車路線資訊開放 lead=MOTC source=join \
    join_no=J-2026-7 passed=2026-02-10 >/dev/null

field() {
	"$OGPO" --db "$DB" list cases --tsv | awk -F'\t' -v id="$1" -v f="$2" \
	    'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
	     $1 == id { print $col[f] }'
}

tui_start cases 100 30
keys 4
expect "the Cases tab lists the tracked cases" "Tracked cases: p reports"
expect "with their numbers" "115-06"
expect "and the Join case's due date" "2026-02-17"

# Case 115-06 (proposed in the demo) through every stage.
# goto TEXT: move down from the top to the row holding TEXT.
goto() {
	keys Home
	_i=0
	while [ $_i -lt 40 ]; do
		screen
		sel_has "$1" && return 0
		keys Down
		sleep 0.1
		_i=$((_i + 1))
	done
	return 1
}
check "the list is in the order of the numbers" sh -c \
    "grep -o '^11[45]-[0-9]*' '$SCR' | sort -c"
goto 115-06
expect_sel "115-06 is selected" "115-06"
for st in Sel:Selected Wor:"Work meeting" Pre-:Pre-meeting \
    Col:Collaboration Res:Response; do
	typed=${st%%:*} label=${st#*:}
	keys e
	expect "e opens the case's form ($label)" "Edit case"
	keys Tab Tab Tab Tab Tab
	text "$typed"
	keys Enter
	expect "the stage field shows $label" "$label  [F2: choose]"
	keys C-s
	expect_gone "saved ($label)" "Edit case"
	expect_sel "the list shows the stage $label" "$label"
	# Progress, two keys from the list: p opens the form, ready to type.
	keys p
	expect "p opens a progress report on the case" "Progress on 115-06"
	text "$label 辦理情形"
	keys C-s
	expect_gone "the report is saved" "Progress on 115-06"
done

# Closing needs the meeting that decided it.
keys e
expect "the form again" "Edit case"
keys Tab Tab Tab Tab Tab
text Clo
keys Enter
expect "the stage field shows Closed" "Closed  [F2: choose]"
keys C-s
expect "closing without the deciding meeting is refused" \
    "closing the case (解除列管) needs the meeting that decided it"
# The cursor is on the field that takes it.
keys F2
expect "the meeting field offers the meetings, newest first" "Find:"
keys Down Enter
expect "the meeting is chosen" "工作推動會議  [F2: choose]"
keys C-s
expect_gone "closed with the meeting" "Edit case"
expect_sel "the case is closed" "Closed"
same_stage=$(field 6 stage)
check "the database holds the case closed ($same_stage)" \
    test "$same_stage" = closed
check "with its deciding meeting" test -n "$(field 6 close_meeting)"
n=$("$OGPO" --db "$DB" list progress --case 115-06 | grep -c 115-06)
check "five progress reports were saved ($n)" test "$n" = 5

# The case's page: its timeline, oldest first.
keys Space
expect "the page shows the timeline" "Timeline"
expect "with the progress reports" "reports: Selected 辦理情形"
expect "and the changes of stage" "Response → Closed"
esc

# f: only what is overdue.
keys f
expect "f offers the filters" "Show which cases?"
keys Down Down Down Down Down Down Down Down Down Down Enter
expect "the overdue filter narrows the list" "overdue: a Join deadline"
late=$("$OGPO" --db "$DB" due --within 0 --tsv |
    awk -F '\t' 'NR > 1 && $4 < 0 && $6 == "issue" { print $7 }' |
    sort -u | grep -c .)
expect_pos "to the overdue cases ($late)" "1/$late"
expect "the Join case" "公車路線資訊開放"
keys F

# D: what is owed, per agency, as ogpo due says it.
keys D
expect "D shows the deadlines" "Deadlines: overdue and due within 14 days"
expect "the Join case's overdue deadline is among them" "公車路線資訊開放"
expect "saying how late it is" "overdue "
sum=$("$OGPO" --db "$DB" due | tail -1)
expect "the same count as ogpo due ($sum)" "$sum"
esc
expect_gone "Esc closes them" "Deadlines: overdue"
tui_stop
tui_done
