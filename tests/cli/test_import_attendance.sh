#!/bin/sh
# test_import_attendance.sh — `ogpo import attendance FILE` as a
# coordinator uses it with what online meeting tools and sign-in sheets
# give: a month exported by ogpo imports back changing nothing (.ods,
# .xlsx, CSV); status words in Chinese and in English; meetings by number
# or by date and kind, people by e-mail or by name and agency; one bad row
# lands nothing and the message names the file's row, column and value;
# a dry run lists what would change; import list and undo take it back;
# `add meeting --invite proposed` invites point 7's list; an editor
# records attendance only for meetings within their scope.
#
#   OGPO=./ogpo sh tests/cli/test_import_attendance.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
OGPO_NOW=2026-12-01
export OGPO_NOW
DB=$TMP/db
D=$TMP/in
mkdir -p "$D"

# att MONTH NAME TITLE-PART [CODE]: the status (and proxy, note) NAME (of
# agency CODE) has at the meeting of MONTH whose title holds TITLE-PART,
# from the CSV export.
att() {
	"$OGPO" --db "$DB" export attendance --month "$1" --format csv \
	    --plain -o "$TMP/att.csv" >/dev/null 2>&1
	awk -F, -v n="$2" -v t="$3" -v c="${4:-}" 'index($3, t) &&
	    $6 == n && (c == "" || $4 == c) {
	    print $8 "|" $9 "|" $10; exit }' "$TMP/att.csv"
}

# month MONTH: the month's attendance as CSV, to compare.
month() {
	"$OGPO" --db "$DB" export attendance --month "$1" --format csv \
	    --plain -o "$TMP/m.csv" >/dev/null 2>&1
	cat "$TMP/m.csv"
}

run init --demo
status "a demo database" 0

# --- a month exported imports back unchanged -------------------------
before=$(month 2026-10)
for f in ods xlsx csv; do
	run export attendance --month 2026-10 -o "$D/oct.$f"
	run import attendance "$D/oct.$f"
	status "the $f export of a month imports back" 0
	contains "the $f sheet changes nothing" "$TMP/out" \
	    "added 0, updated 0, unchanged 44, rejected 0"
	lacks "an unchanged import leaves no import to undo ($f)" \
	    "$TMP/out" "ogpo import undo"
done
same "the month is as it was" "$(month 2026-10)" "$before"

m=$("$OGPO" --db "$DB" list meetings --tsv | awk -F '\t' \
    '$7 == "2027-01-15" { print $1 }')

# --- who came, before the meeting's day --------------------------------
# Today January's meeting is still to come: 出席 for it is
# refused, naming the row, the meeting and its day; 請假, said ahead as
# people do, is taken.
cat >"$D/ahead.csv" <<EOF
會議編號,姓名,機關代碼,出席情形
$m,廖書豪,MOI,出席
$m,余美玲,MODA,請假
EOF
run import attendance "$D/ahead.csv"
status "present at a meeting still to come: refused" 1
contains "the refusal names the row, the meeting and its day" "$TMP/out" \
    "row 2, column 出席情形: Meeting #$m 2027年1月開放政府聯絡人工作推動會議 is set for 2027-01-15, a day still to come: attendance can be marked from that day on; before it, only an excused absence (請假)."
lacks "請假 ahead is not refused" "$TMP/out" "row 3"
same "nothing landed" "$(att 2027-01 廖書豪 2027年1月)" "受邀||"
sed -i 2d "$D/ahead.csv"
run import attendance "$D/ahead.csv"
status "請假 ahead of the meeting's day is taken" 0
same "… and recorded" "$(att 2027-01 余美玲 2027年1月 MODA)" "請假||"
run import undo
status "… and undone" 0

# The rest marks January's meeting from sheets of its roll call: it has
# taken place.
OGPO_NOW="2027-01-20 10:00"

# --- Chinese status words, meeting by number, person by name+agency --
cat >"$D/zh.csv" <<EOF
會議編號,姓名,機關代碼,出席情形,代理人,備註
$m,廖書豪,MOI,出席,,
$m,曾韋成,MOTC,代理,林代理,
$m,余美玲,數位發展部,請假,,出國
EOF
# (數位發展部 in the code column: not a code)
run import attendance "$D/zh.csv"
status "a row naming an agency by name in the code column is refused" 1
contains "the refusal names file row, column and value" "$TMP/out" \
    "row 4, column 機關代碼: '數位發展部': no agency has this code"
contains "nothing was imported" "$TMP/out" "nothing imported"
same "the good rows did not land" "$(att 2027-01 廖書豪 2027年1月)" \
    "受邀||"
sed -i 's/^\(.*\),數位發展部,/\1,MODA,/' "$D/zh.csv"
run import attendance "$D/zh.csv" --dry-run
status "a dry run of the corrected sheet" 0
contains "the dry run says what would change" "$TMP/out" \
    "row 3: updated 曾韋成"
contains "and by the file's own column names" "$TMP/out" "出席情形 Invited → Proxy"
contains "the dry run writes nothing" "$TMP/out" "dry run, nothing written"
same "the dry run wrote nothing" "$(att 2027-01 廖書豪 2027年1月)" "受邀||"
run import attendance "$D/zh.csv"
status "the corrected sheet imports" 0
contains "three rows updated" "$TMP/out" "added 0, updated 3, unchanged 0"
same "出席 is present" "$(att 2027-01 廖書豪 2027年1月)" "出席||"
same "代理 is by proxy, with the proxy's name" \
    "$(att 2027-01 曾韋成 2027年1月)" "代理出席|林代理|"
same "請假 is excused, with the note" "$(att 2027-01 余美玲 2027年1月 MODA)" \
    "請假||出國"

# --- a Big5 save that lost a character of a proxy or a note ----------
sed -i 's/林代理/林堃代理/; s/出國/出國𡘙/' "$D/zh.csv"
run import attendance "$D/zh.csv"
status "a proxy and a note Big5 lacks" 0
"$OGPO" --db "$DB" export attendance --month 2027-01 --format csv \
    --plain | sed 's/堃/?/; s/𡘙/?/' | iconv -f UTF-8 -t CP950 \
    >"$D/big5.csv"
run import attendance "$D/big5.csv" --skip-bad
contains "the proxy that became ? is refused" "$TMP/out" \
    "column 代理人: '林?代理' holds ? or � where a character was"
contains "and the note" "$TMP/out" \
    "column 備註: '出國?' holds ? or � where a character was"
contains "and nothing else changes" "$TMP/out" "added 0, updated 0,"
same "the proxy is as it was" "$(att 2027-01 曾韋成 2027年1月)" \
    "代理出席|林堃代理|"
printf '會議編號,姓名,機關代碼,出席情形\n%s,林?,MOI,出席\n' "$m" |
    iconv -f UTF-8 -t CP950 >"$D/name5.csv"
run import attendance "$D/name5.csv"
contains "a name that became ? is said to have lost a character" \
    "$TMP/out" "column 姓名: '林?' holds ? or � where a character was"
sed -i 's/林堃代理/林代理/; s/出國𡘙/出國/' "$D/zh.csv"
run import attendance "$D/zh.csv"
status "and back as they were" 0

# --- a person not yet invited, by name and agency --------------------
# Two working-group members of 內政部 share a name, one gone before the
# meeting; a third of that name works at 教育部. The one of the agency in
# office on the day is the one meant; two in office are refused.
run add officer name=同名者 role=member agency=MOI civil_servant=yes \
    email=same.old@ogpo.example start_date=2020-01-01 end_date=2026-06-30
status "an officer who left in June" 0
run add officer name=同名者 role=member agency=MOI civil_servant=yes \
    email=same.now@ogpo.example start_date=2026-07-01
status "their namesake who came in July" 0
run add officer name=同名者 role=member agency=MOE civil_servant=yes \
    email=same.moe@ogpo.example start_date=2020-01-01
status "a namesake at another agency" 0
printf '會議編號,姓名,機關代碼,出席情形\n%s,同名者,MOI,出席\n' "$m" \
    >"$D/same.csv"
run import attendance "$D/same.csv"
status "the namesake in office on the day is invited and marked" 0
contains "one added" "$TMP/out" "added 1, updated 0"
"$OGPO" --db "$DB" export attendance --month 2027-01 --format csv --plain \
    -o "$TMP/att.csv" >/dev/null 2>&1
same "the 內政部 one, not the 教育部 one" "$(awk -F, '$6 == "同名者" &&
    index($3, "2027年1月") { print $4 }' "$TMP/att.csv" | sort | tr '\n' ' ')" \
    "MOI "
run import undo
run add officer name=同名者 role=member agency=MOI civil_servant=yes \
    email=same.two@ogpo.example start_date=2026-08-01
run import attendance "$D/same.csv"
status "two namesakes in office: refused" 1
contains "the refusal says to give the e-mail" "$TMP/out" \
    "row 2, column 姓名: '同名者': names more than one officer of this agency"

# --- --status for rows that say nothing: the proxy and note stay -------
# A sign-in sheet with 代理人 and 備註 columns, two rows no one marked:
# --status absent answers for them only where nothing was recorded, and
# leaves the proxy and the note recorded before as they were.
printf '會議編號,姓名,機關代碼,出席情形,代理人,備註\n%s,曾韋成,MOTC,,,\n%s,余美玲,MODA,,,\n' \
    "$m" "$m" >"$D/blank.csv"
was1=$(att 2027-01 曾韋成 2027年1月)
was2=$(att 2027-01 余美玲 2027年1月 MODA)
run import attendance "$D/blank.csv" --status absent
status "a sheet's unmarked rows with --status absent" 0
contains "change no one answered already" "$TMP/out" \
    "added 0, updated 0, unchanged 2"
same "the proxy recorded stays ($was1)" "$(att 2027-01 曾韋成 2027年1月)" \
    "$was1"
same "and the note ($was2)" "$(att 2027-01 余美玲 2027年1月 MODA)" "$was2"

# An O/X sheet: O (○ typed as a letter) came, X did not.
printf '會議編號,姓名,機關代碼,出席情形\n%s,曾韋成,MOTC,O\n%s,余美玲,MODA,X\n' \
    "$m" "$m" >"$D/ox.csv"
run import attendance "$D/ox.csv" --dry-run
status "an O/X sheet is read" 0
contains "O is present" "$TMP/out" "出席情形 Proxy → Present"
contains "X is absent" "$TMP/out" "出席情形 Excused → Absent"

# --- English words, meeting by date and kind, person by e-mail -------
cat >"$D/en.csv" <<'EOF'
date,kind,email,status
2027-01-15,work,moi.po2@ogpo.example,absent
2027-01-15,work,MODA.PO54@ogpo.example,online
EOF
run import attendance "$D/en.csv"
status "English words, meetings by date and kind, people by e-mail" 0
same "absent" "$(att 2027-01 廖書豪 2027年1月)" "缺席||"
same "online; no note column keeps the note" \
    "$(att 2027-01 余美玲 2027年1月 MODA)" "線上||出國"
run import list
contains "import list shows attendance imports" "$TMP/out" "attendance"
run import undo
status "the last import is undone" 0
same "undo puts the earlier status back" "$(att 2027-01 廖書豪 2027年1月)" \
    "出席||"

# --- refusals -----------------------------------------------------------
# A proxy named on a row marked 請假 (excused), as a sheet filled in by
# hand has it: refused, quoting the name, and saying what would do.
printf '會議編號,姓名,機關代碼,出席情形,代理人\n%s,廖書豪,MOI,請假,王代理\n' \
    "$m" >"$D/proxy.csv"
run import attendance "$D/proxy.csv" --dry-run
contains "a proxy for one excused: refused, the proxy named, and what to do" "$TMP/out" \
    "row 2, column 代理人: '王代理' is named as the proxy, but only attendance by proxy (代理出席) has one: mark it so, or leave the proxy empty"
cat >"$D/bad.csv" <<'EOF'
date,kind,name,agency_code,status
2027-01-15,work,廖書豪,MOI,late
2027-01-32,work,廖書豪,MOI,present
2027-01-15,policy,廖書豪,MOI,present
2027-01-15,work,無此人,MOI,present
2027-01-15,work,余美玲,MOE,proxy
2027-01-15,work,余美玲,MOE,absent
2027-01-14,work,廖書豪,MOI,present
EOF
run import attendance "$D/bad.csv" --rejects "$D/rej.csv"
status "bad rows: nothing lands" 1
contains "an unknown status word is named" "$TMP/out" \
    "row 2, column status: 'late' is not a status"
contains "a bad date is named" "$TMP/out" "row 3, column date: '2027-01-32'"
contains "a meeting that does not exist is named" "$TMP/out" \
    "row 4, column date: no meeting of the kind 'Policy coordination' is dated 2027-01-15"
contains "a work meeting that does not exist, its kind said once" \
    "$TMP/out" "row 8, column date: no meeting of the kind 'PO work meeting' is dated 2027-01-14"
contains "an unknown person is named" "$TMP/out" \
    "row 5, column name: '無此人': no officer of this agency has this name"
contains "by proxy without the proxy's name" "$TMP/out" \
    "row 6: name the person who came"
contains "the same person twice" "$TMP/out" \
    "row 7: the same person at the same meeting is on row 6 too"
check "the rejects file has the reasons" grep -q 'late' "$D/rej.csv"
same "nothing changed" "$(att 2027-01 廖書豪 2027年1月)" "出席||"
printf 'name,status\nx,present\n' >"$D/nomeeting.csv"
run import attendance "$D/nomeeting.csv"
status "a sheet without a meeting column is refused" 1
contains "the header is named" "$TMP/err" "no 會議編號 or 日期 (meeting or date) column"

# --- add meeting --invite proposed ------------------------------------
run add meeting kind=work title=二月工作會議 date=2027-02-15 \
    status=planned --invite proposed
status "add meeting --invite proposed" 0
contains "says how many were invited" "$TMP/out" "Invited 41 officers"
run list meetings
check "the meeting lists its 41 invitees" grep -q '0/41 *二月工作會議' \
    "$TMP/out"
run add meeting kind=work title=x date=2027-03-15 --invite all
status "--invite takes only proposed" 2

# --- an editor: their meetings, and their own people at others' -------
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
	ED=ogpoa$$
	GRP=ogpoag$$
	groupadd "$GRP" && useradd -M -N -g "$GRP" -s /bin/sh "$ED"
	trap 'userdel "$ED" 2>/dev/null; groupdel "$GRP" 2>/dev/null;
	    test_cleanup' EXIT
	chmod 755 "$TMP" "$D"
	chmod 644 "$D"/*
	run user add "$ED" --role editor --agency MOI
	run add meeting kind=issue title=內政部議題 date=2027-01-18 agency=MOI \
	    status=held
	chgrp -R "$GRP" "$DB" && chmod 2770 "$DB" && chmod 660 "$DB"/*.mdb
	# The work meeting is the Executive Yuan's: MOI says who of its
	# own came, never who of another agency did.
	cat >"$D/ed.csv" <<'EOF'
date,kind,name,agency_code,status
2027-01-18,issue,廖書豪,MOI,present
2027-01-15,work,曾韋成,MOTC,excused
EOF
	was=$(att 2027-01 曾韋成 2027年1月)
	setpriv --reuid="$ED" --regid="$GRP" --clear-groups "$OGPO" --db \
	    "$DB" import attendance "$D/ed.csv" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	status "an editor's row of another agency's person lands nothing" 1
	contains "the row outside is named" "$TMP/out" "row 3"
	same "nothing landed" "$(att 2027-01 曾韋成 2027年1月)" "$was"
	sed -i '3s/.*/2027-01-15,work,廖書豪,MOI,excused/' "$D/ed.csv"
	setpriv --reuid="$ED" --regid="$GRP" --clear-groups "$OGPO" --db \
	    "$DB" import attendance "$D/ed.csv" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	status "the editor records a meeting of their agency, and their own PO at the Executive Yuan's" 0
	same "it landed" "$(att 2027-01 廖書豪 內政部議題)" "出席||"
	same "the PO's excuse landed" "$(att 2027-01 廖書豪 2027年1月)" "請假||"
else
	echo "# skipped: an editor's account needs root"
fi
