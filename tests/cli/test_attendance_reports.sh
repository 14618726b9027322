#!/bin/sh
# test_attendance_reports.sh — attendance as it arrives from outside ogpo,
# into `ogpo import attendance`, in the shapes the tools write it:
#
# - Microsoft Teams' attendance report: the classic one (UTF-16LE with a
#   BOM, tab-separated, "Meeting Summary" lines above the participants)
#   and the sectioned one (UTF-8, "1. Summary", "2. Participants", "3.
#   In-Meeting Activities" with a row per join); Google Meet's (First
#   name, Last name, Email ...) and Webex's. None names the meeting or a
#   status: --meeting N and --status online give them; e-mails match in
#   any case; the next section of a report ends its table; a name cell
#   carries the agency (王小明 (內政部), 內政部-王小明) only when it is an
#   agency's exact name or code; one who is no officer is named with what
#   to do. Without --meeting the refusal quotes the table's header, not
#   the summary's first line, and says to give it.
# - A paper sign-in sheet typed into LibreOffice (the real one, headless,
#   zh_TW.UTF-8): title and date above a 機關 職稱 姓名 簽到 header,
#   merged, blank rows between agencies, marks ✓ ○ V 到 請假 代理：姓名;
#   saved as .xlsx, .ods and Big5 CSV (where ✓ becomes ?, refused as
#   such). Unmarked rows are refused, or absent with --status absent,
#   which never undoes an answer recorded before (online from the report);
#   a report read after the sheet is the answer for one marked absent.
#   An agency merged down over its people (and a spare line under them)
#   is every one's agency, from .xlsx and .ods; the spare line is empty.
#   Saved as CSV, the merge keeps the agency in its first row alone: the
#   rows below are refused, saying to send the sheet or fill it in.
# - ogpo's own sign-in sheet (export signin), marked in LibreOffice.
# Each: a dry run shows what would change (for one the row invites, how
# they came); nothing lands while a row is refused; the same file again
# changes nothing; the database holds the statuses and proxies after.
#
#   OGPO=./ogpo sh tests/cli/test_attendance_reports.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
OGPO_NOW="2027-01-20 10:00"
export OGPO_NOW
DB=$TMP/db
D=$TMP/in
HOME=$TMP/home		# LibreOffice's profile
export HOME
mkdir -p "$D" "$HOME"
CALC=$(dirname "$0")/../tools/lo-calc.py

# att NAME: status|proxy|note of NAME at the meeting 線上議題協作會議.
att() {
	"$OGPO" --db "$DB" export attendance --month 2027-01 --format csv \
	    --plain -o "$TMP/att.csv" >/dev/null 2>&1
	awk -F, -v n="$1" '$3 == "線上議題協作會議" && $6 == n {
	    print $8 "|" $9 "|" $10; exit }' "$TMP/att.csv"
}


run init --demo
status "a demo database" 0
# A meeting held online and in the room, no one invited yet: each file's
# rows invite their people.
run add meeting kind=issue title=線上議題協作會議 date=2027-01-18 \
    status=held agency=MOI
status "a meeting to take attendance of" 0
m=$("$OGPO" --db "$DB" list meetings --tsv | awk -F '\t' \
    '$6 == "線上議題協作會議" { print $1 }')

# --- Teams, the classic report ------------------------------------------
printf '%s\n' 'Meeting Summary' \
    'Total Number of Participants	3' \
    'Meeting Title	線上議題協作會議' \
    'Meeting Start Time	1/18/2027, 2:00:03 PM' \
    'Meeting End Time	1/18/2027, 4:05:12 PM' '' \
    'Name	First join	Last leave	Duration	Email	Role' \
    '廖書豪 (內政部)	1/18/2027, 2:00:12 PM	1/18/2027, 4:00:00 PM	1h 59m	Moi.Po2@ogpo.example	Attendee' \
    '國發會 開放政府科	1/18/2027, 1:58:00 PM	1/18/2027, 4:05:12 PM	2h 7m	og@ndc.example	Organizer' \
    '林冠宇	1/18/2027, 2:10:00 PM	1/18/2027, 3:00:00 PM	50m	MOI.ALT3@OGPO.EXAMPLE	Presenter' |
    utf16 "$D/teams.csv"
run import attendance "$D/teams.csv" --dry-run
status "a Teams report without --meeting: refused" 1
contains "the refusal quotes the table's header, not the summary's first line" \
    "$TMP/err" "none of the first 9 rows is a header; the nearest, row 7: the header has no 會議編號 or 日期 (meeting or date) column, so no row was read; the header reads: Name, First join, Last leave, Duration, Email, Role"
contains "and says to give the meeting" "$TMP/err" \
    "a file of one meeting (a meeting tool's report, a sign-in sheet) is imported with --meeting and the meeting's number"
run import attendance "$D/teams.csv" --meeting "$m" --dry-run
status "without --status: refused" 1
contains "saying to give the status" "$TMP/err" \
    "no 出席情形 (status) column, so no row was read; the header reads: Name, First join, Last leave, Duration, Email, Role; a list of who joined (a meeting tool's report) is imported with --status online"
run import attendance "$D/teams.csv" --meeting 999 --status online
status "a meeting that does not exist" 1
contains "is named as the option" "$TMP/err" \
    "--meeting 999: no meeting has this number (see ogpo list meetings)"
# A meeting whose record cannot be read is said as that, not as missing:
# a copy of the database with the record made garbage (lmdb-utils).
cp -R "$DB" "$TMP/damaged"
mdb_dump -s meeting "$DB" | awk -v k=" $(printf '%08x' "$m")" \
    'bad { print " ff"; bad = 0; next } $0 == k { bad = 1 } { print }' |
    mdb_load -s meeting "$TMP/damaged" 2>/dev/null || not_ok "damaging it"
"$OGPO" --db "$TMP/damaged" import attendance "$D/teams.csv" --meeting "$m" \
    --status online >"$TMP/out" 2>"$TMP/err"
rc=$?
status "a meeting that cannot be read" 1
contains "is said as that, with the cause" "$TMP/err" \
    "--meeting $m: the meeting cannot be read: meeting record: not a CBOR map"
lacks "never as missing" "$TMP/err" "no meeting has this number"
run import attendance "$D/teams.csv" --meeting "$m" --status late
status "a status that is none: a usage error" 2
contains "naming it" "$TMP/err" "--status 'late' is not a status"
run import officers "$D/teams.csv" --meeting "$m"
status "--meeting for officers: a usage error" 2

run import attendance "$D/teams.csv" --meeting "$m" --status online --dry-run
status "the Teams report's dry run: one row no officer's" 1
contains "read as UTF-16, tab-separated, past the summary" "$TMP/out" \
    "(utf-16le, tab-separated)"
contains "an e-mail in other case is the officer's" "$TMP/out" \
    "row 8: added 廖書豪 組長, 2027-01-18 線上議題協作會議: Status Invited → Online"
contains "and the next one's" "$TMP/out" \
    "row 10: added 林冠宇 副司長, 2027-01-18 線上議題協作會議"
contains "the organiser, no officer, named with the file's row and column" \
    "$TMP/out" "rejected row 9, column Email: 'og@ndc.example': no officer has this e-mail address"
contains "and what would land" "$TMP/out" "added 2, updated 0, unchanged 0, rejected 1"
run import attendance "$D/teams.csv" --meeting "$m" --status online
status "without --skip-bad: nothing lands" 1
same "nothing landed" "$(att 廖書豪)" ""
run import attendance "$D/teams.csv" --meeting "$m" --status online --skip-bad
status "with --skip-bad: the officers land" 0
same "廖書豪 online" "$(att 廖書豪)" "線上||"
same "林冠宇 online" "$(att 林冠宇)" "線上||"
run import attendance "$D/teams.csv" --meeting "$m" --status online --skip-bad
contains "the same report again changes nothing" "$TMP/out" \
    "added 0, updated 0, unchanged 2, rejected 1"
lacks "and leaves no import to undo" "$TMP/out" "ogpo import undo"
run import undo
status "undone" 0
same "as before" "$(att 廖書豪)" ""

# --- Teams, the sectioned report -----------------------------------------
{
	printf '\357\273\277'
	printf '%s\r\n' '1. Summary' \
	    'Meeting title	線上議題協作會議' 'Attended participants	2' \
	    'Start time	1/18/27, 2:00:03 PM' 'End time	1/18/27, 4:05:12 PM' \
	    'Meeting duration	2h 5m 9s' 'Average attendance time	1h 20m' '' \
	    '2. Participants' \
	    'Name	First Join	Last Leave	In-Meeting Duration	Email	Participant ID (UPN)	Role' \
	    '廖書豪 (內政部)	1/18/27, 2:00:12 PM	1/18/27, 4:00:00 PM	1h 59m 48s	moi.po2@ogpo.example	moi.po2@ogpo.example	Attendee' \
	    '林冠宇	1/18/27, 2:10:00 PM	1/18/27, 3:30:00 PM	1h 10m	MOI.ALT3@ogpo.example	MOI.ALT3@ogpo.example	Presenter' \
	    '' '3. In-Meeting Activities' \
	    'Name	Join Time	Leave Time	Duration	Email	Role' \
	    '廖書豪 (內政部)	1/18/27, 2:00:12 PM	1/18/27, 4:00:00 PM	1h 59m 48s	moi.po2@ogpo.example	Attendee' \
	    '林冠宇	1/18/27, 2:10:00 PM	1/18/27, 2:40:00 PM	30m	MOI.ALT3@ogpo.example	Presenter' \
	    '林冠宇	1/18/27, 2:50:00 PM	1/18/27, 3:30:00 PM	40m	MOI.ALT3@ogpo.example	Presenter'
} >"$D/teams2.csv"
run import attendance "$D/teams2.csv" --meeting "$m" --status online --dry-run
status "the sectioned report's dry run" 0
contains "the participants are read" "$TMP/out" \
    "row 12: added 林冠宇 副司長, 2027-01-18 線上議題協作會議"
contains "the activities section ends the table, said" "$TMP/out" \
    "row 14: passed over: '3. In-Meeting Activities' and the rows under it, the report's next section"
lacks "no join of the activities is taken for a second row" "$TMP/out" \
    "the same person"
contains "two added, none refused" "$TMP/out" \
    "added 2, updated 0, unchanged 0, rejected 0 (utf-8, tab-separated)"
# A numbered note right under a header is no section: the table is not
# ended before its first row, the note is refused.
printf '%s\n' 'Name	Email' '1. 請於會後回傳' '廖書豪	moi.po2@ogpo.example' \
    >"$D/note.tsv"
run import attendance "$D/note.tsv" --meeting "$m" --status online --dry-run
status "a note under the header: refused" 1
contains "the note is the row refused" "$TMP/out" "rejected row 2: the row has 1 cells but the header 2"
contains "the rows under it are read" "$TMP/out" "row 3: added 廖書豪 組長"
run import attendance "$D/teams2.csv" --meeting "$m" --status online
status "imported" 0
run import attendance "$D/teams2.csv" --meeting "$m" --status online
contains "again: nothing changes" "$TMP/out" \
    "added 0, updated 0, unchanged 2, rejected 0"
run import undo

# --- Google Meet and Webex ----------------------------------------------
printf '%s\n' 'First name,Last name,Email,Duration,Time joined,Time exited' \
    '書豪,廖,moi.po2@ogpo.example,1 hr 59 min,2:00 PM,4:00 PM' \
    'Guanyu,Lin,Moi.Alt3@Ogpo.Example,50 min,2:10 PM,3:00 PM' >"$D/meet.csv"
run import attendance "$D/meet.csv" --meeting "$m" --status online --dry-run
status "Google Meet's report" 0
contains "both by e-mail" "$TMP/out" "added 2, updated 0, unchanged 0, rejected 0"
contains "the names and times are said to be ignored" "$TMP/out" \
    "ignored columns: First name, Last name, Duration, Time joined, Time exited"
printf '%s\r\n' 'Name,Email,Invited,Registered,Join time,Leave time,Duration,Connection type' \
    '內政部-廖書豪,MOI.PO2@ogpo.example,Yes,N/A,01/18/2027 02:00 PM,01/18/2027 04:00 PM,120 mins,Internet' \
    '"Lin, Guanyu",moi.alt3@ogpo.example,Yes,N/A,01/18/2027 02:10 PM,01/18/2027 03:00 PM,50 mins,Internet' \
    >"$D/webex.csv"
run import attendance "$D/webex.csv" --meeting "$m" --status online --dry-run
status "Webex's report" 0
contains "both by e-mail" "$TMP/out" "added 2, updated 0, unchanged 0, rejected 0"

# --- display names with the agency, no e-mail ---------------------------
printf '%s\n' 'Name	Email' '廖書豪 (內政部)	' '內政部-林冠宇	' '翁靜怡（MOI）	' \
    '外交部 朱建志	' 'Shu-Hao Liao	' '陳小明 (Acme)	' >"$D/names.tsv"
run import attendance "$D/names.tsv" --meeting "$m" --status online --dry-run
status "display names: some say no agency" 1
contains "王小明 (內政部)" "$TMP/out" "row 2: added 廖書豪 組長"
contains "內政部-王小明" "$TMP/out" "row 3: added 林冠宇 副司長"
contains "a full-width bracket and the agency's code" "$TMP/out" \
    "row 4: added 翁靜怡 副首長"
contains "the agency and a space" "$TMP/out" "row 5: added 朱建志 組長"
contains "an English display name: refused, saying what to write" \
    "$TMP/out" "rejected row 6, column Name: 'Shu-Hao Liao': names no agency ogpo knows, and the row has no e-mail: write the agency into the name as 王小明 (內政部) or 內政部-王小明 (the agency's exact name or code), or give the e-mail, and import again"
contains "an organisation that is no agency: refused, never guessed" \
    "$TMP/out" "rejected row 7, column Name: '陳小明 (Acme)': names no agency"

# A numbered note typed under the rows, with no header of its own under
# it, is no report's next section: the rows under it are read, not lost.
printf '%s\n' 'Name	Email' '廖書豪	moi.po2@ogpo.example' '' '2. 備註' \
    '林冠宇	MOI.ALT3@ogpo.example' >"$D/remark.tsv"
run import attendance "$D/remark.tsv" --meeting "$m" --status online --dry-run
status "a numbered note under the rows: refused" 1
lacks "it does not end the table" "$TMP/out" "passed over: '2. 備註'"
contains "the note is the row refused" "$TMP/out" \
    "rejected row 4: the row has 1 cells but the header 2"
contains "the row under it is read" "$TMP/out" "row 5: added 林冠宇 副司長"

# The agency in front of the name, as a sign-in sheet's typist puts it;
# an agency with no name is refused as that.
printf '%s\n' 'Name	Email' '（內政部）廖書豪	' '(MOI)林冠宇	' \
    '【內政部】翁靜怡	' '內政部-	' >"$D/names-front.tsv"
run import attendance "$D/names-front.tsv" --meeting "$m" --status online \
    --dry-run
status "the agency in front: one row refused" 1
contains "（內政部）王小明" "$TMP/out" "row 2: added 廖書豪 組長"
contains "(MOI)王小明" "$TMP/out" "row 3: added 林冠宇 副司長"
contains "【內政部】王小明" "$TMP/out" "row 4: added 翁靜怡 副首長"
contains "an agency and no name: refused as that" "$TMP/out" \
    "rejected row 5, column Name: '內政部-': names an agency but no person: write the person's name beside it, as 內政部-王小明, and import again"

# A sign-in sheet of names alone, as the refusals advise writing them:
# read, a row whose name carries no agency refused on its own.
printf '%s\n' '姓名' '廖書豪 (內政部)' '陳小明' >"$D/names-only.csv"
run import attendance "$D/names-only.csv" --meeting "$m" --status online \
    --dry-run
status "names alone: read, one row refused" 1
lacks "the header is taken" "$TMP/err" "the header has no"
contains "the name with its agency is read" "$TMP/out" \
    "row 2: added 廖書豪 組長"
contains "a name with no agency: refused, saying what to write" "$TMP/out" \
    "rejected row 3, column 姓名: '陳小明': names no agency ogpo knows, and the row has no e-mail: write the agency into the name as 王小明 (內政部)"

# --- a paper sign-in sheet typed in LibreOffice ---------------------------
calc_here || exit 1
# Online first, from the report: the room's sheet must not undo it.
run import attendance "$D/teams2.csv" --meeting "$m" --status online
status "the report of who joined online" 0
cat >"$D/signin.csv" <<'EOF'
機關,職稱,姓名,簽到
內政部,組長,廖書豪,
內政部,副司長,林冠宇,✓
內政部,副首長,翁靜怡,○
,,,
外交部,組長,朱建志,V
國防部,處長,柯美惠,到
國防部,簡任技正,江立偉,請假
,,,
財政部,秘書,吳冠廷,代理：王大同
教育部,副組長,余美玲,
EOF
CSVF='Text - txt - csv (StarCalc)'
L=$TMP/lo
{
	printf 'open\t%s\t44,34,76,1\n' "$D/signin.csv"
	printf 'above\t日期：116年1月18日（一）下午2時\n'
	printf 'above\t開放政府議題協作會議 簽到表\n'
	printf 'merge\tA1:D1\n'
	printf 'merge\tA2:D2\n'
	printf 'save\t%s\n' "$L/signin.xlsx" "$L/signin.ods"
	printf "save\t%s\t$CSVF\t%s\n" "$L/signin-big5.csv" \
	    44,34,68,1,,0,false,true,true,false,false
	printf 'close\n'
	# 內政部 typed once, merged down over its two people and a spare
	# line under them.
	printf 'open\t%s\t44,34,76,1\n' "$D/merged.csv"
	printf 'merge\tA2:A4\n'
	printf 'save\t%s\n' "$L/merged.xlsx" "$L/merged.ods" "$L/merged.csv"
	printf 'close\n'
} >"$TMP/steps"
printf '%s\n' 機關,職稱,姓名,簽到 內政部,組長,廖書豪,✓ ,副司長,林冠宇,○ ,,, \
    >"$D/merged.csv"
calc "$TMP/steps" "LibreOffice saves the typed sign-in sheet as .xlsx, .ods and Big5 CSV"
for f in signin.xlsx signin.ods signin-big5.csv; do
	run import attendance "$L/$f" --meeting "$m" --dry-run
	status "$f: unmarked rows refused" 1
	[ "$f" = signin-big5.csv ] ||	# Big5 has no ✓: below
	contains "$f: the title and date above the header passed over" \
	    "$TMP/out" "row 5: updated 林冠宇 副司長, 2027-01-18 線上議題協作會議: 簽到 Online → Present"
	contains "$f: an unmarked row, and what to do" "$TMP/out" \
	    "rejected row 13, column 簽到: a status is required: 出席, 線上, 代理出席, 請假, 缺席 or 受邀 (present, online, proxy, excused, absent, invited); for the rows of a sign-in sheet that no one marked, add --status absent (缺席) to the command"
	run import attendance "$L/$f" --meeting "$m" --status absent --dry-run
	W="2027-01-18 線上議題協作會議: 簽到 Invited →"
	contains "$f: ○ is present" "$TMP/out" \
	    "row 6: added 翁靜怡 副首長, $W Present"
	contains "$f: V is present" "$TMP/out" "row 8: added 朱建志 組長, $W Present"
	contains "$f: 到 is present" "$TMP/out" "row 9: added 柯美惠 處長, $W Present"
	contains "$f: 請假 is excused" "$TMP/out" \
	    "row 10: added 江立偉 簡任技正, $W Excused"
	contains "$f: 代理：王大同 is by proxy" "$TMP/out" \
	    "row 12: added 吳冠廷 秘書, $W Proxy; Proxy (empty) → 王大同"
	contains "$f: unmarked is absent" "$TMP/out" \
	    "row 13: added 余美玲 副組長, $W Absent"
	lacks "$f: unmarked does not undo online from the report" "$TMP/out" \
	    "row 4:"
	lacks "$f: no rows between agencies are read" "$TMP/out" "row 7:"
done
contains "Big5 has no ✓: the ? it left is said to be one" "$TMP/out" \
    "rejected row 5, column 簽到: '?' holds ? or � where a mark was: the file was probably saved as Big5 (ANSI), which has no ✓; save it as UTF-8 or .ods and import again, or mark with ○ or V"
for f in merged.xlsx merged.ods; do
	run import attendance "$L/$f" --meeting "$m" --dry-run
	status "$f: an agency merged down over its people: read" 0
	contains "$f: the first row, the agency typed" "$TMP/out" \
	    "row 2: updated 廖書豪 組長, 2027-01-18 線上議題協作會議: 簽到 Online → Present"
	contains "$f: the row below, the agency from the merge" "$TMP/out" \
	    "row 3: updated 林冠宇 副司長, 2027-01-18 線上議題協作會議: 簽到 Online → Present"
	lacks "$f: the spare line under the merge is empty" "$TMP/out" "row 4"
	lacks "$f: no refusal" "$TMP/out" "rejected row"
done
run import attendance "$L/merged.csv" --meeting "$m" --dry-run
status "the merged sheet saved as CSV: the agency below is lost" 1
contains "the row below, the person, and what to do" "$TMP/out" \
    "rejected row 3, column 機關: the agency of 林冠宇 is required beside the name (or give the e-mail); 機關 cells merged over several people keep the agency only in their first row once the sheet is saved as CSV: send the sheet itself (.ods or .xlsx), or fill the agency in on every row"
run import attendance "$L/signin.ods" --meeting "$m" --status absent
status "the .ods sheet imported" 0
same "online from the report, unmarked on the sheet: online" "$(att 廖書豪)" "線上||"
same "✓: present" "$(att 林冠宇)" "出席||"
same "○: present" "$(att 翁靜怡)" "出席||"
same "V: present" "$(att 朱建志)" "出席||"
same "到: present" "$(att 柯美惠)" "出席||"
same "請假: excused" "$(att 江立偉)" "請假||"
same "代理：王大同: by proxy, the proxy named" "$(att 吳冠廷)" "代理出席|王大同|"
same "unmarked: absent" "$(att 余美玲)" "缺席||"
run import attendance "$L/signin.xlsx" --meeting "$m" --status absent
status "the same sheet as .xlsx" 0
contains "changes nothing" "$TMP/out" "added 0, updated 0, unchanged 8, rejected 0"
# The report of one who joined online late, after the room's sheet
# marked her absent: online; one marked present in the room stays so.
printf '%s\n' 'First name,Last name,Email,Duration,Time joined,Time exited' \
    '美玲,余,MOE.PO18@ogpo.example,40 min,3:20 PM,4:00 PM' \
    'Guanyu,Lin,moi.alt3@ogpo.example,50 min,2:10 PM,3:00 PM' >"$D/late.csv"
run import attendance "$D/late.csv" --meeting "$m" --status online --dry-run
status "a report after the sheet" 0
contains "absent on the sheet, in the report: online" "$TMP/out" \
    "row 2: updated 余美玲 副組長, 2027-01-18 線上議題協作會議: Status Absent → Online"
contains "present in the room stays" "$TMP/out" \
    "added 0, updated 1, unchanged 1, rejected 0"

# --- ogpo's own sign-in sheet, marked in LibreOffice ---------------------
run export signin "$m" -o "$D/si.ods"
status "the meeting's sign-in sheet" 0
{
	printf 'open\t%s\n' "$D/si.ods"
	printf 'type\t簽名\t翁靜怡\t請假\n'
	printf 'type\t簽名\t吳冠廷\t代理 林小華\n'
	printf 'save\t%s\n' "$L/si.xlsx"
	printf 'close\n'
} >"$TMP/steps"
calc "$TMP/steps" "LibreOffice marks ogpo's sign-in sheet"
run import attendance "$L/si.xlsx" --meeting "$m" --status absent --dry-run
status "read back with its 簽名 column" 0
contains "請假 marked" "$TMP/out" "翁靜怡 副首長, 2027-01-18 線上議題協作會議: 簽名 Present → Excused"
contains "another proxy" "$TMP/out" \
    "吳冠廷 秘書, 2027-01-18 線上議題協作會議: Proxy 王大同 → 林小華"
contains "and nothing else" "$TMP/out" "added 0, updated 2, unchanged 6, rejected 0"

run verify
status "the database verifies" 0
