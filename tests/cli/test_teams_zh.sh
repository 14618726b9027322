#!/bin/sh
# test_teams_zh.sh — Microsoft Teams' attendance report from a Teams set
# to Chinese (zh-TW), into `ogpo import attendance`: its headers are
# Chinese (全名 or 名稱, 加入時間 or 首次加入, 離開時間 or 上次離開, 持續時間
# or 會議持續時間, 電子郵件, 角色, 參與者識別碼 (UPN)) and are read as the
# English report's are: the shown name is the name (and may carry the
# agency), and a row with no e-mail is found by its sign-in (UPN), in
# English and Chinese reports alike. The classic report (UTF-16, a 會議摘要
# above) and the sectioned one (1. 摘要, 2. 參與者, 3. 會議中活動).
#
#   OGPO=./ogpo sh tests/cli/test_teams_zh.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
OGPO_NOW="2027-01-20 10:00"
export OGPO_NOW
DB=$TMP/db
D=$TMP/in
mkdir -p "$D"

# att NAME: the status of NAME at the meeting 線上議題協作會議.
att() {
	"$OGPO" --db "$DB" export attendance --month 2027-01 --format csv \
	    --plain -o "$TMP/att.csv" >/dev/null 2>&1
	awk -F, -v n="$1" '$3 == "線上議題協作會議" && $6 == n {
	    print $8; exit }' "$TMP/att.csv"
}

run init --demo
status "a demo database" 0
run add meeting kind=issue title=線上議題協作會議 date=2027-01-18 \
    status=held agency=MOI
m=$("$OGPO" --db "$DB" list meetings --tsv | awk -F '\t' \
    '$6 == "線上議題協作會議" { print $1 }')

# --- the classic report, Teams in Chinese ------------------------------
printf '%s\n' '會議摘要' \
    '參與者總數	3' \
    '會議標題	線上議題協作會議' \
    '會議開始時間	2027/1/18 下午2:00:03' \
    '會議結束時間	2027/1/18 下午4:05:12' '' \
    '全名	加入時間	離開時間	持續時間	電子郵件	角色	參與者識別碼 (UPN)' \
    '廖書豪 (內政部)	2027/1/18 下午2:00:12	2027/1/18 下午4:00:00	1 小時 59 分鐘		出席者	' \
    '林冠宇	2027/1/18 下午2:10:00	2027/1/18 下午3:00:00	50 分鐘		簡報者	MOI.ALT3@ogpo.example' \
    '國發會 開放政府科	2027/1/18 下午1:58:00	2027/1/18 下午4:05:12	2 小時 7 分鐘	og@ndc.example	召集人	og@ndc.example' |
    utf16 "$D/teams-zh.csv"
run import attendance "$D/teams-zh.csv" --meeting "$m" --status online \
    --dry-run
contains "全名 is the name: the agency beside it finds the officer" \
    "$TMP/out" "row 8: added 廖書豪 組長, 2027-01-18 線上議題協作會議"
contains "參與者識別碼 (UPN) finds one with no e-mail" "$TMP/out" \
    "row 9: added 林冠宇 副司長, 2027-01-18 線上議題協作會議"
contains "the organiser, no officer, is named by the e-mail column" \
    "$TMP/out" "rejected row 10, column 電子郵件: 'og@ndc.example': no officer has this e-mail address"
lacks "全名 is not an ignored column" "$TMP/out" "ignored columns: 全名"
lacks "nor 參與者識別碼" "$TMP/out" "參與者識別碼 (UPN),"
contains "the times are said to be ignored" "$TMP/out" \
    "ignored columns: 加入時間, 離開時間, 持續時間"
run import attendance "$D/teams-zh.csv" --meeting "$m" --status online \
    --skip-bad
status "imported, the organiser left out" 0
same "廖書豪 online" "$(att 廖書豪)" "線上"
same "林冠宇 online" "$(att 林冠宇)" "線上"
run import undo
status "undone" 0

# --- the sectioned report, Teams in Chinese ----------------------------
{
	printf '\357\273\277'
	printf '%s\r\n' '1. 摘要' \
	    '會議標題	線上議題協作會議' '出席的參與者	2' \
	    '開始時間	2027/1/18 下午2:00:03' '結束時間	2027/1/18 下午4:05:12' '' \
	    '2. 參與者' \
	    '名稱	首次加入	上次離開	會議持續時間	電子郵件	參與者識別碼 (UPN)	角色' \
	    '廖書豪 (內政部)	2027/1/18 下午2:00:12	2027/1/18 下午4:00:00	1 小時 59 分鐘	moi.po2@ogpo.example	moi.po2@ogpo.example	出席者' \
	    '林冠宇	2027/1/18 下午2:10:00	2027/1/18 下午3:30:00	1 小時 10 分鐘		MOI.ALT3@ogpo.example	簡報者' \
	    '' '3. 會議中活動' \
	    '名稱	加入時間	離開時間	持續時間	電子郵件	角色' \
	    '林冠宇	2027/1/18 下午2:10:00	2027/1/18 下午2:40:00	30 分鐘	MOI.ALT3@ogpo.example	簡報者'
} >"$D/teams2-zh.csv"
run import attendance "$D/teams2-zh.csv" --meeting "$m" --status online \
    --dry-run
status "the sectioned Chinese report's dry run" 0
contains "名稱 and 參與者識別碼 (UPN) are read" "$TMP/out" \
    "row 10: added 林冠宇 副司長, 2027-01-18 線上議題協作會議"
contains "3. 會議中活動 ends the table" "$TMP/out" \
    "row 12: passed over: '3. 會議中活動' and the rows under it"
contains "two added, none refused" "$TMP/out" \
    "added 2, updated 0, unchanged 0, rejected 0 (utf-8, tab-separated)"

# --- the English report: Participant ID (UPN) where Email is empty -----
printf '%s\n' '2. Participants' \
    'Name	First Join	Last Leave	In-Meeting Duration	Email	Participant ID (UPN)	Role' \
    '林冠宇	1/18/27, 2:10:00 PM	1/18/27, 3:30:00 PM	1h 10m		MOI.ALT3@ogpo.example	Presenter' \
    '訪客	1/18/27, 2:10:00 PM	1/18/27, 3:30:00 PM	1h 10m		guest-1	Attendee' \
    >"$D/teams-en.tsv"
run import attendance "$D/teams-en.tsv" --meeting "$m" --status online \
    --dry-run
contains "Participant ID (UPN) finds the officer" "$TMP/out" \
    "row 3: added 林冠宇 副司長"
contains "a sign-in that is no address is no e-mail: the name is asked for" \
    "$TMP/out" "rejected row 4, column Name: '訪客'"
run verify
status "the database is consistent" 0

exit "$failures"
