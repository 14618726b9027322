#!/bin/sh
# test_cases.sh — tracked cases (列管案件) from the command line: a
# schema-4 database's issues become cases in place (same ids, numbers per
# ROC year, stage from status, nothing lost); a case walked through every
# stage with progress reports and a close decision; a Join case refused
# closing without its public response; a Join deadline extended, then
# overdue in `ogpo due` and `ogpo check` under a fixed clock; an editor
# reports progress only on cases of their scope and never closes one.
#
#   OGPO=./ogpo sh tests/cli/test_cases.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
DB=$TMP/db

run() {
	"$OGPO" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}
# field ID NAME: a case's field from list cases --tsv.
field() {
	"$OGPO" --db "$DB" list cases --tsv | awk -F'\t' -v id="$1" -v f="$2" \
	    'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
	     $1 == id { print $col[f] }'
}

# added: the id and number of the case the last run added.
added() {
	ID=$(sed -n 's/^Added case #\([0-9]*\) .*/\1/p' "$TMP/out")
	NO=$(sed -n 's/.*case number \([0-9-]*\)\.$/\1/p' "$TMP/out")
}

# --- Migration: a database written by ogpo with schema 4 (three issues:
# escalated in 2025, closed and assessing in 2026).
mkdir -p "$TMP/v4"
gzip -dc "$(dirname "$0")/../data/schema4-issues.mdb.gz" >"$TMP/v4/data.mdb"
OLD=$TMP/v4
DB=$OLD
run --db "$OLD" list cases
status "a schema-4 database opens and lists its cases" 0
same "issue 1 keeps its id and takes the number of its year" \
    "$(field 1 serial)" "114-01"
same "issue 2 is numbered first of 2026 (115)" "$(field 2 serial)" "115-01"
same "issue 3 next" "$(field 3 serial)" "115-02"
same "escalated becomes the collaboration meeting stage" \
    "$(field 1 stage)" "collaboration"
same "and stays escalated" "$(field 1 status)" "escalated"
same "closed stays closed" "$(field 2 stage)" "closed"
same "assessing becomes the working meeting" "$(field 3 stage)" "working"
same "the policy stage is kept" "$(field 3 policy_stage)" "drafting"
same "the description is kept" "$(field 1 description)" "說明文字"
same "the stakeholders are kept" "$(field 1 stakeholders)" "公民團體 / 理由"
same "the triggers are kept" "$(field 1 triggers)" "stakeholders,heated"
same "the collaborating agency is kept" "$(field 1 collab)" "3"
same "the day the status was set is kept" "$(field 1 status_since)" \
    "2025-05-10"
same "its source is other" "$(field 1 source)" "other"
run --db "$OLD" verify
status "the migrated database verifies" 0
run --db "$OLD" audit --tsv
contains "the audit trail is kept" "$TMP/out" "公路資訊開放"
run --db "$OLD" add case title=新案 lead=MOI
contains "a new case takes the next number of this year" "$TMP/out" \
    "case number 1"

# --- A case through every stage, under a fixed clock.
DB=$TMP/db
OGPO_NOW="2026-03-01 09:00"; export OGPO_NOW
"$OGPO" --db "$DB" init --demo >/dev/null || { not_ok "init"; exit 1; }
run --db "$DB" add case title=公車路線資訊開放 lead=MOTC collab=MOI \
    source=join join_no=JOIN-2026-0042 passed=2026-03-02
status "a Join case is added" 0
added; C=$ID; CN=$NO
contains "it is told its number" "$TMP/out" "case number 115-"
same "it starts as proposed" "$(field $C stage)" "proposed"
run --db "$DB" add case title=無號 lead=MOTC source=join
status "a Join case without its number and day is refused" 1
contains "the refusal names the proposal number" "$TMP/err" "join_no"
contains "and the day it passed" "$TMP/err" "passed=YYYY-MM-DD"
run --db "$DB" list meetings --tsv
WM=$(awk -F'\t' 'NR > 1 && $0 ~ /\twork\t/ { print $1; exit }' "$TMP/out")
for st in selected working premeeting collaboration response; do
	run --db "$DB" set case $CN stage=$st
	status "the case moves to $st" 0
	same "and holds $st" "$(field $C stage)" "$st"
	run --db "$DB" add progress issue=$CN agency=MOTC \
	    date=2026-03-15 "text=$st 階段辦理情形" meeting=$WM
	status "a progress report at $st" 0
done
run --db "$DB" list progress --case $CN
contains "the case's progress lists its reports" "$TMP/out" \
    "collaboration 階段辦理情形"
same "five reports" "$(grep -c "$CN" "$TMP/out")" 5
run --db "$DB" close $CN --meeting "$WM"
status "closing a Join case with no public response is refused" 1
contains "in a sentence that says what to record" "$TMP/err" \
    "cannot be closed before the agency's public response is recorded"
same "the case is still open" "$(field $C stage)" "response"
run --db "$DB" close $CN --response https://join.gov.tw/policies/42
status "closing without the deciding meeting is refused" 1
contains "the meeting is asked for" "$TMP/err" "close_meeting"
run --db "$DB" close $CN --meeting "$WM" \
    --response https://join.gov.tw/policies/42 --responded 2026-04-20
status "closed with the meeting and the response" 0
same "closed" "$(field $C stage)" "closed"
same "the deciding meeting" "$(field $C close_meeting)" "$WM"
same "the response" "$(field $C response)" "https://join.gov.tw/policies/42"
run --db "$DB" add progress issue=$CN agency=MOTC date=2026-05-01 text=x
status "a closed case takes no more progress" 1
LANG=zh_TW.UTF-8 LC_ALL=zh_TW.UTF-8 "$OGPO" --db "$DB" add progress \
    issue=$CN agency=MOTC date=2026-05-01 text=x >"$TMP/out" 2>"$TMP/err"
contains "in Chinese the closed stage reads 解除列管" "$TMP/err" "解除列管"
lacks "not the generic 已結案" "$TMP/err" "已結案"
run --db "$DB" set case $C note=補記
status "an admin may still change a closed case" 0

# --- Join deadlines: two calendar months, one extension, 7 days contact.
run --db "$DB" add case title=路邊停車 lead=MOTC source=join \
    join_no=JOIN-2026-0050 passed=2026-03-31
added; D=$ID; DN=$NO
check "another Join case ($DN)" test -n "$DN"
OGPO_NOW="2026-04-05 09:00"
run --db "$DB" due
contains "the contact is due 7 days after" "$TMP/out" "2026-04-07"
contains "per agency" "$TMP/out" "交通部"
OGPO_NOW="2026-05-20 09:00"
run --db "$DB" due --tsv
contains "the response is due two months after (May 31)" "$TMP/out" \
    "2026-05-31"
contains "the contact is overdue" "$TMP/out" "2026-04-07	-43	contact"
run --db "$DB" set case $DN contacted=2026-04-02
run --db "$DB" set case $DN extended_on=2026-05-25 extended_to=2026-08-01
status "an extension beyond two more months is refused" 1
contains "naming the latest date" "$TMP/err" "2026-07-31"
run --db "$DB" set case $DN extended_on=2026-05-25 extended_to=2026-07-31
status "an extension of two months is recorded" 0
OGPO_NOW="2026-07-20 09:00"
run --db "$DB" due --within 14d
contains "the extended date is due soon" "$TMP/out" "2026-07-31"
contains "marked as extended" "$TMP/out" "(extended)"
run --db "$DB" check --tsv
lacks "not overdue yet in check" "$TMP/out" "$DN"
OGPO_NOW="2026-08-03 09:00"
run --db "$DB" check
status "check exits 1" 1
contains "check reports the overdue response" "$TMP/out" \
    "$DN 路邊停車: 交通部 has not answered the Join proposal: the extended response was due on 2026-07-31 (3 days ago)"
run --db "$DB" check --tsv
contains "as a TSV line of its own rule" "$TMP/out" "overdue	$DN"
run --db "$DB" set case $DN responded=2026-08-02
run --db "$DB" check --tsv
lacks "answered, it is overdue no more" "$TMP/out" "$DN"
unset OGPO_NOW

# --- The tracking table out and back in: cells that begin with = + - @
# (a CSV guards them with a ') come back as they were.
run --db "$DB" add case 'title=+1 票選 堃𡘙' lead=MOI 'stakeholders=-團體' \
    'note=@備註' 'description=第一行
=1+1'
status "a case whose cells look like formulas" 0
added
run --db "$DB" add progress issue="$NO" agency=MOI date=2026-03-02 \
    'text=-進度, "引號"'
status "a progress report that begins with -" 0
for fmt in ods xlsx csv; do
	run --db "$DB" export cases -o "$TMP/cases.$fmt"
	status "the cases are exported as .$fmt" 0
	run --db "$DB" import cases "$TMP/cases.$fmt"
	status "and imported back from .$fmt" 0
	contains "changing nothing (.$fmt)" "$TMP/out" "added 0, updated 0"
done
run --db "$DB" export progress -o "$TMP/progress.csv" --plain
np=$("$OGPO" --db "$DB" list progress --tsv | awk 'END { print NR - 1 }')
run --db "$DB" import progress "$TMP/progress.csv"
contains "progress exported and imported back changes nothing" \
    "$TMP/out" "added 0, updated 0, unchanged $np"
run --db "$DB" export progress -o "$TMP/progress.csv"
run --db "$DB" import progress "$TMP/progress.csv"
contains "and so does the CSV for Excel" "$TMP/out" \
    "added 0, updated 0, unchanged $np"
same "the guarded cells are as they were" "$(field "$ID" title)|$(field \
    "$ID" stakeholders)|$(field "$ID" note)" "+1 票選 堃𡘙|-團體|@備註"
# Saved as Big5 by a program that has no Big5 form for 堃 or 𡘙: they
# became ?, and the row is refused rather than written so.
before=$("$OGPO" --db "$DB" list cases --tsv)
run --db "$DB" export cases -o "$TMP/c.csv" --plain
sed 's/堃/?/; s/𡘙/?/' "$TMP/c.csv" | iconv -f UTF-8 -t CP950 \
    >"$TMP/big5.csv"
run --db "$DB" import cases "$TMP/big5.csv"
status "a Big5 save that lost characters is refused" 1
contains "naming the row, the column and the loss" "$TMP/err" \
    "column title: '+1 票選 ??' holds ? or � where a character was"
same "nothing of it was written" "$(field "$ID" title)" "+1 票選 堃𡘙"
run --db "$DB" export cases --encoding big5 --replace -o "$TMP/b5r.csv"
status "the table as Big5, □ for what Big5 lacks" 0
run --db "$DB" import cases "$TMP/b5r.csv"
status "and back: refused" 1
contains "naming the □" "$TMP/err" "column title: '+1 票選 □□' holds ?"
sed 's/-進度/-進?/' "$TMP/progress.csv" >"$TMP/p.csv"
run --db "$DB" import progress "$TMP/p.csv" --dry-run
contains "a progress report that lost a character is refused" "$TMP/err" \
    "column text: '-進?, \"引號\"' holds ? or �"

# Case 115-07 moves on to the pre-meeting; a new case comes in; a row
# names an agency there is not.
awk -F, 'NR == 1 || /115-07/' "$TMP/c.csv" |
    sed 's/,collaboration,/,premeeting,/' >"$TMP/edit.csv"
printf ',新議題,MOI,,,,proposed,agency\n' >>"$TMP/edit.csv"
run --db "$DB" import cases "$TMP/edit.csv" --dry-run
status "a dry run of the edited table" 0
contains "says what it would do" "$TMP/out" "added 1, updated 1"
contains "and that nothing was written" "$TMP/out" "dry run"
same "the dry run wrote nothing" "$("$OGPO" --db "$DB" list cases --tsv)" \
    "$before"
cp "$TMP/edit.csv" "$TMP/bad.csv"
printf ',壞列,NOPE,,,,proposed,agency\n' >>"$TMP/bad.csv"
run --db "$DB" import cases "$TMP/bad.csv"
status "a table with a bad row is refused" 1
contains "naming the row and the column" "$TMP/err" \
    "bad.csv: row 4, column lead: no agency has the code 'NOPE'"
same "nothing of it was written" "$("$OGPO" --db "$DB" list cases --tsv)" \
    "$before"
run --db "$DB" import cases "$TMP/edit.csv"
status "the good table is imported" 0
same "115-07 is at the pre-meeting" "$(field 7 stage)" "premeeting"
run --db "$DB" list cases
contains "the new case took the next number" "$TMP/out" "新議題"

# --- Permissions: real accounts (root only).
if [ "$(id -u)" -ne 0 ]; then
	echo "# skipped: permissions need root to make accounts"
	exit 0
fi
ED=ogpoc$$
GRP=ogpocg$$
groupadd "$GRP" && useradd -M -N -g "$GRP" -s /bin/sh "$ED" ||
    { not_ok "useradd"; exit 1; }
trap 'userdel "$ED" 2>/dev/null; groupdel "$GRP" 2>/dev/null; test_cleanup' EXIT
chmod 755 "$TMP"
chgrp -R "$GRP" "$DB" && chmod 2770 "$DB" && chmod 660 "$DB"/*.mdb
"$OGPO" --db "$DB" user add "$ED" --role editor --agency MOI >/dev/null
as() {
	setpriv --reuid="$ED" --regid="$GRP" --clear-groups \
	    "$OGPO" --db "$DB" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}
run --db "$DB" add case title=協辦案 lead=MOTC collab=MOI
added; E=$NO
run --db "$DB" add case title=他部會案 lead=MOEA
added; F=$NO
as add progress issue=$E agency=MOI date=2026-08-05 text=內政部協辦情形
status "an editor of a co-organiser reports progress" 0
as add progress issue=$F agency=MOI date=2026-08-05 text=越權
status "but not on a case outside their scope" 1
contains "told why" "$TMP/err" "may edit only within"
as set case 115-06 stage=working
status "the editor moves their own agency's case on" 0
as close 115-06 --meeting "$WM"
status "an editor cannot close a case" 1
contains "closing is the coordinator's" "$TMP/err" \
    "only the coordinator (an admin) closes a case"
same "the case stays open" "$(field 6 stage)" "working"
