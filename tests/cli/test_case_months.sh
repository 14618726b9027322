#!/bin/sh
# test_case_months.sh — a Join proposal's two months across month ends,
# as the Administrative Procedure Act (art. 48) counts a period: from the
# day after the proposal passed. Passed mid-month, the response is due on
# the same day two months on (a day the month lacks: its last day);
# passed on a month's last day, the period is whole months and ends on a
# month's last day (11/30 → 1/31, 2/28 → 4/30, not 1/30 and 4/28). The
# one extension of at most two more months is counted the same way from
# the response's due date. ogpo list cases, ogpo due, the deadlines
# export and ogpo check all give the same date. A contact, an extension's
# notice or a response dated before the proposal passed (a ROC year typed
# one short) is refused, naming the field and both days; nothing is
# written.
#
#   OGPO=./ogpo sh tests/cli/test_case_months.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
DB=$TMP/db

# due NUMBER: the case's next deadline as ogpo list cases shows it.
due() {
	"$OGPO" --db "$DB" list cases | awk -v n="$1" '$2 == n { print $5 }'
}
# join TITLE PASSED: a Join case led by MOE, the proposer contacted;
# NO is its number.
join() {
	run add case "title=$1" lead=MOE source=join "join_no=J-$2" \
	    "passed=$2" "contacted=$2"
	NO=$(sed -n 's/.*case number \([0-9-]*\)\.$/\1/p' "$TMP/out")
}

OGPO_NOW="2027-03-01 09:00"; export OGPO_NOW
"$OGPO" --db "$DB" init --demo >/dev/null || { not_ok "init"; exit 1; }

join 月中 2026-08-15; MID=$NO
same "passed on the 15th: due on the 15th two months on" \
    "$(due "$MID")" 2026-10-15
join 一月底 2027-01-31; JAN=$NO
same "passed on 1/31: due on 3/31" "$(due "$JAN")" 2027-03-31
join 年底前 2026-12-30; DEC=$NO
same "passed on 12/30: February lacks the 30th, its last day" \
    "$(due "$DEC")" 2027-02-28
join 十一月底 2026-11-30; NOV=$NO
same "passed on 11/30: whole months, due on 1/31 (not 1/30)" \
    "$(due "$NOV")" 2027-01-31
join 二月底 2027-02-28; FEB=$NO
same "passed on 2/28: due on 4/30 (not 4/28)" "$(due "$FEB")" 2027-04-30

# The same date in ogpo due, the deadlines export and ogpo check.
run due --within 90d --tsv
contains "ogpo due gives 4/30" "$TMP/out" "2027-04-30"
lacks "not 4/28" "$TMP/out" "2027-04-28"
run export deadlines
contains "the deadlines export gives 4/30" "$TMP/out" "2027-04-30,60"
OGPO_NOW="2027-01-31 09:00"
run check --tsv
lacks "on 1/31 the case passed on 11/30 is not yet overdue" "$TMP/out" \
    "$NOV"
OGPO_NOW="2027-02-01 09:00"
run check
status "on 2/1 it is" 1
contains "check names its due date" "$TMP/out" \
    "the response was due on 2027-01-31, two calendar months after it passed"
OGPO_NOW="2027-03-01 09:00"

# The one extension: at most two more months, from the due date.
run set case "$FEB" extended_on=2027-04-20 extended_to=2027-07-01
status "an extension past two more months is refused" 1
contains "naming the latest date: 4/30 and two months, 6/30" "$TMP/err" \
    "the new due date may be 2027-06-30 at the latest"
run set case "$FEB" extended_on=2027-04-20 extended_to=2027-06-30
status "an extension to 6/30 is recorded" 0
same "and is the case's due date" "$(due "$FEB")" 2027-06-30
run set case "$NOV" extended_on=2027-01-20 extended_to=2027-03-31
status "from 1/31, two more months run to 3/31" 0
run set case "$DEC" extended_on=2027-02-20 extended_to=2027-04-30
status "from 2/28, two more months run to 4/30 (not 4/28)" 0
run set case "$MID" extended_on=2026-10-01 extended_to=2026-12-16
status "from 10/15, not past 12/15" 1
contains "naming 12/15" "$TMP/err" "may be 2026-12-15 at the latest"

# Days of the proposal's own before it passed: 115 typed for 116.
join 年份 2027-02-10; YR=$NO
before=$("$OGPO" --db "$DB" list cases --tsv)
run set case "$YR" contacted=115/02/12
status "a contact a year before it passed is refused" 1
contains "naming both days" "$TMP/err" \
    "the proposer was contacted on 2026-02-12, before the proposal passed (2027-02-10)"
run set case "$YR" extended_on=115/03/01 extended_to=116/06/10
status "an extension noticed before it passed is refused" 1
contains "naming the notice" "$TMP/err" \
    "the extension was noticed on 2026-03-01, before the proposal passed"
run set case "$YR" responded=115/03/20
status "a response before it passed is refused" 1
contains "naming the response" "$TMP/err" \
    "the response was given on 2026-03-20, before the proposal passed"
same "nothing of it was written" "$("$OGPO" --db "$DB" list cases --tsv)" \
    "$before"
run set case "$YR" contacted=116/02/12 responded=116/03/20
status "the same days in the right year are taken" 0

# A database ogpo verifies after all of it.
run verify
status "the database verifies" 0
