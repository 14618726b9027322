#!/bin/sh
# test_attend_import.sh — a meeting tool's report of who joined, imported
# into the meeting whose roll call is open, without leaving it: the
# help names the key (I); it offers the spreadsheets here, asks
# how the people listed came (a Teams report says nothing: online), shows
# what would change, a row that is no officer's refused with its reason,
# and asks; y imports, and the roll call shows the marks at once, as the
# database holds them; r saves the refused row, with its reason, next to
# the report. ":import attendance FILE" typed over the roll call does the
# same into its meeting (asked again when another saved meanwhile; U
# takes it back); ":" no longer closes the roll call first, Esc
# on that command line leaves the roll call open, another command still
# goes to the tabs, and :import attendance away from a roll call says
# where it works.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
took_place
mkdir "$TMP/desk"
cd "$TMP/desk" || exit 1

# att NAME: the status of NAME at the meeting, as stored.
att() {
	"$OGPO" --db "$DB" export attendance --month "${mday%-*}" \
	    --format csv --plain -o "$TMP/att.csv" >/dev/null 2>&1
	awk -F, -v t="$mtitle" -v n="$1" '$3 == t && $6 == n {
	    print $8; exit }' "$TMP/att.csv"
}
# email NAME: the officer's e-mail address.
email() {
	"$OGPO" --db "$DB" list officers --tsv | awk -F '\t' -v n="$1" \
	    '$5 == n { print $12; exit }'
}
# The first three invitees, by the sheet's order.
"$OGPO" --db "$DB" export attendance --month "${mday%-*}" --format csv \
    --plain -o "$TMP/att.csv" >/dev/null 2>&1
awk -F, -v t="$mtitle" '$3 == t && $8 == "受邀" { print $6 }' \
    "$TMP/att.csv" | head -3 >"$TMP/who"
p1=$(sed -n 1p "$TMP/who") p2=$(sed -n 2p "$TMP/who") p3=$(sed -n 3p "$TMP/who")
e1=$(email "$p1") e2=$(email "$p2") e3=$(email "$p3")
check "three invitees with e-mail addresses ($p1 $p2 $p3)" \
    test -n "$e1" -a -n "$e2" -a -n "$e3"

# Teams' sectioned report (UTF-8, tab-separated): two invitees, the
# first's address in other case, and the organiser, who is no officer.
{
	printf '\357\273\277'
	printf '%s\r\n' '1. Summary' "Meeting title	$mtitle" \
	    'Attended participants	3' '' '2. Participants' \
	    'Name	First Join	Last Leave	In-Meeting Duration	Email	Role' \
	    "$p1	1/15/27, 2:30:12 PM	1/15/27, 4:00:00 PM	1h 29m	$(echo "$e1" | tr a-z A-Z)	Attendee" \
	    "$p2	1/15/27, 2:31:00 PM	1/15/27, 4:00:00 PM	1h 29m	$e2	Attendee" \
	    '國發會 開放政府科	1/15/27, 2:20:00 PM	1/15/27, 4:05:12 PM	1h 45m	og@ndc.example	Organizer'
} >teams.csv
# Google Meet's, for the third, typed for on the command line.
printf '%s\n' 'First name,Last name,Email,Duration' \
    "$p3,,$e3,1 hr 2 min" >"$TMP/meet.csv"

tui_start rollimp 110 32
keys 3
expect "the meetings are listed" "Meetings, newest first"
keys Home Enter
expect "Enter opens the roll call" "#$mid $mtitle"
keys '?'
expect "the help names the import's key" "a meeting's attendance (its roll call)"
screen
check "… as I" grep -q "│   I  *load officers (Officers tab), or a meeting's attendance" "$SCR"
check "… and the key that saves the rows it refused, r" \
    grep -q "│   r  *Officers tab, roll call: save the rows the last import" "$SCR"
keys q
expect_gone "the help closes" "a meeting's attendance (its roll call)"
keys I
expect "I offers the spreadsheets here" \
    "Import the meeting's attendance from which file?"
check "… the report among them" has_text "teams.csv"
keys Enter
expect "it asks how the people listed came" \
    "How did the people the file lists come"
check "… a meeting tool's report: online, first" has_text \
    "Online: a meeting tool's report of who joined"
keys Enter
expect "the dry run lists the changes" "update 2"
check "… the first by the address in other case" has_text \
    "$p1"
check "… and refuses the organiser" has_text "'og@ndc.example'"
check "… saying why, pointing to the Officers tab" has_text \
    "(the Officers tab lists them)"
check "… not to a command" lacks_text "ogpo list"
check "… asking whether to skip it" has_text \
    "Import the good rows and skip the rejected ones?"
check "nothing is written before y" test -z "$(att "$p1" | grep 線上)"
keys y
expect "y imports; the message names the key that saves the refused row" \
    "Rejected 1 (r saves them"
expect "the roll call counts them at once" "present 2 / invited"
screen
grep -F -- "$p1" "$SCR" >"$TMP/row1"
grep -F -- "$p2" "$SCR" >"$TMP/row2"
check "$p1 shows online" grep -q Online "$TMP/row1"
check "$p2 shows online" grep -q Online "$TMP/row2"
check "the roll call is still open" has_text "#$mid $mtitle"
check "$p1 is online in the database" test "$(att "$p1")" = 線上
check "$p2 is online in the database" test "$(att "$p2")" = 線上
check "the organiser is not added" sh -c \
    "! grep -q '國發會 開放政府科' '$TMP/att.csv'"

keys r
expect "r offers a file next to the report" "teams.rejected.csv"
keys Enter
expect "r saves the refused row" "Saved 1 rejected row to"
check "the file is there" test -f teams.rejected.csv
check "… with the organiser's row" grep -q "og@ndc.example" \
    teams.rejected.csv
check "… and the reason" grep -q "no officer has this e-mail address" \
    teams.rejected.csv
check "… and not the rows imported" sh -c \
    "! grep -qi '$e2' teams.rejected.csv"

# ":" over the roll call: Esc leaves it open.
keys :
expect "the command line opens over the roll call" ":"
esc
keys :
text "import attendance $TMP/meet.csv"
keys Enter
expect ":import attendance asks how they came" \
    "How did the people the file lists come"
keys Enter
expect "… lists the change" "update 1"
check "… from invited" has_text "Invited → Online"
# Another desk records $p3 excused meanwhile: y is not taken for the
# import as it would now be; it is listed again, and asked.
printf 'Email,出席情形\n%s,請假\n' "$e3" >"$TMP/excused.csv"
"$OGPO" --db "$DB" import attendance "$TMP/excused.csv" --meeting "$mid" \
    >"$TMP/out" 2>&1 || not_ok "the other desk's import"
keys y
expect "others' save meanwhile: asked again" "Others saved meanwhile"
check "… listing the change as it would be now" has_text \
    "Excused → Online"
keys y
expect "… imports into the roll call's meeting" \
    "present 3 / invited"
screen
grep -F -- "$p3" "$SCR" >"$TMP/row3"
check "$p3 shows online" grep -q Online "$TMP/row3"
check "$p3 is online in the database" test "$(att "$p3")" = 線上
check "the roll call stayed open" has_text "#$mid $mtitle"
# The message names the roll call's undo key, and it takes the import back.
check "the message names the roll call's undo key" has_text "(U takes it back)"
keys U
expect "U asks to take back the import" "import of $TMP/meet.csv"
keys y
expect "U takes the import back, the roll call showing it" \
    "present 2 / invited"
screen
grep -F -- "$p3" "$SCR" >"$TMP/row3"
check "… $p3 excused again" grep -q Excused "$TMP/row3"
check "$p3 is as the other desk left them in the database" \
    test "$(att "$p3")" = 請假

# Tab completes the file's name, as the prompts for a file do.
keys :
text "import attendance teams.c"
keys Tab
expect "Tab completes the file's name" ":import attendance teams.csv"
esc
expect_gone "Esc closes the command line" ":import attendance teams.csv"
check "… the roll call still open" has_text "#$mid $mtitle"

# Another command goes to the tabs, closing the roll call.
keys :
text "officers"
keys Enter
expect ":officers from the roll call goes to the Officers tab" \
    "Officers of all agencies"
keys :
text "import attendance teams.csv"
keys Enter
expect ":import attendance away from a roll call says where it works" \
    ":import attendance loads a meeting's attendance in its roll call"
tui_stop

# In Chinese at 80x24: the questions and the refusal read as a Taiwanese
# officer reads them.
TUI_LANG=zh_TW.UTF-8 TUI_READY='1 機關'
tui_start rollimpzh 80 24
keys 3
expect "zh: the meetings" "3 會議"
keys Home Enter
expect "zh: the roll call" "#$mid"
keys I
expect "zh: I asks for the file" "從哪個檔案匯入本會議的出席情形"
keys Enter
expect "zh: how they came" "未註明出席情形的列"
check "zh: … online first" has_text "線上：視訊會議軟體的與會者報表"
keys Enter
# The report is in already: nothing to change, the organiser refused.
expect "zh: nothing to change" "沒有需要變更的資料（2 筆不變，1 筆退回）"
# Waited for, not read off the last capture: a slow build may have
# drawn the summary before the lines under it.
expect "zh: the organiser refused" "og@ndc.example"
expect "zh: … pointing to the Officers tab" "「人員」分頁列有各人員"
expect "zh: … and r to save it" "按 r 可將退回的列"
keys Enter
expect_gone "zh: Enter closes it" "og@ndc.example"
check "zh: the roll call is still open" has_text "#$mid"
tui_stop
tui_done
