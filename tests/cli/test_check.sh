#!/bin/sh
# test_check.sh — `ogpo check [--year YYYY] [--training] [--tsv]`: what breaks the
# regulation, as a person reads it (a heading per rule, a line per
# finding, a summary with the count) and as a script reads it (TSV, one
# line per finding); exit 0 when nothing is found, 1 otherwise, 2 on
# usage errors; fixing a gap removes its finding; attendance_threshold in
# $XDG_CONFIG_HOME/ogpo/config, and a warning naming the file and line
# when its value is bad.
#
#   OGPO=./ogpo sh tests/cli/test_check.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
DB=$TMP/db
# The user's own config file is not read: an empty directory stands in.
XDG_CONFIG_HOME=$TMP/cfg
export XDG_CONFIG_HOME
CONFIG=$XDG_CONFIG_HOME/ogpo/config
mkdir -p "$XDG_CONFIG_HOME/ogpo"

# run ARGS...: run ogpo; stdout in $TMP/out, stderr in $TMP/err, status $rc.
run() {
	"$OGPO" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}

# status WHAT N: the last run exited with N.
status() {
	if [ "$rc" -eq "$2" ]; then ok "$1"; else
		not_ok "$1 (exit $rc, wanted $2)"
		sed 's/^/#   /' "$TMP/err" | head -10
	fi
}

# same WHAT GOT WANT: two values are equal.
# section HEADING FILE: the lines under the heading (up to the blank line).
section() {
	awk -v h="$1" '
	    $0 == h { on = 1; next }
	    /^$/ { on = 0 }
	    on' "$2"
}

# in_section WHAT HEADING TEXT: a line "  TEXT: ..." is under HEADING.
in_section() {
	section "$2" "$TMP/out" >"$TMP/section"
	if grep -q "^  $3: " "$TMP/section"; then ok "$1"; else
		not_ok "$1 (no '  $3: ' under '$2' in:)"
		sed 's/^/#   /' "$TMP/out" | head -40
	fi
}

not_in_section() {
	section "$2" "$TMP/out" >"$TMP/section"
	if grep -q "^  $3: " "$TMP/section"; then
		not_ok "$1 ('  $3: ' should not be under '$2' in:)"
		sed 's/^/#   /' "$TMP/out" | head -40
	else ok "$1"; fi
}

# The count in the summary line "N findings for YEAR (as of DATE)." or,
# without --year, "N findings for the 12 months before YYYY-MM (…)."
summary_count() {
	sed -n 's/^\([0-9][0-9]*\) findings\{0,1\} for .* (as of .*)\.$/\1/p' \
	    "$TMP/out"
}

# TSV lines after the header in $TMP/out, or those of one rule.
tsv_count() {
	if [ $# -eq 0 ]; then awk 'NR > 1' "$TMP/out" | wc -l | tr -d ' '
	else awk -F '\t' -v r="$1" 'NR > 1 && $1 == r' "$TMP/out" |
	    wc -l | tr -d ' '; fi
}

# The id of the agency with code CODE.
agency_id() {
	"$OGPO" --db "$DB" list agencies --tsv |
	    awk -F '\t' -v c="$1" '$5 == c { print $1 }'
}

# --- the demo's gaps, for a person ----------------------------------------

# The demo is built around the clock, and its case numbers and findings
# are read here as of one day: the day fixed, they hold whenever this runs.
OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW
today=${OGPO_NOW%% *}
"$OGPO" --db "$DB" init --demo >/dev/null 2>&1 || { not_ok "init --demo"; exit 1; }
year=${today%%-*}

run --db "$DB" check
status "check on the demo exits 1: it has gaps" 1
check "check prints nothing on stderr" test ! -s "$TMP/err"
contains "the No PO heading, in English only" "$TMP/out" "No PO"
lacks "… with no Chinese rule name" "$TMP/out" "未指派聯絡人"
in_section "衛生福利部 is listed without a PO" "No PO" "衛生福利部"
in_section "經濟部 is listed without a supervisor" "No supervisor" "經濟部"
not_in_section "經濟部 has its PO" "No PO" "經濟部"
not_in_section "衛生福利部 has its supervisor" "No supervisor" "衛生福利部"
contains "the No PO line says what is missing" "$TMP/out" \
    "  衛生福利部: has no open government participation officer (PO) in office (point 3)"
in_section "the escalated case is listed by its number" "Escalated too long" "115-02 再生能源設置之地方溝通機制"
section "Escalated too long" "$TMP/out" >"$TMP/section"
contains "the escalated issue names the days it has waited" "$TMP/section" \
    "days, more than 30)"
contains "the PO who is not a civil servant is named" "$TMP/out" \
    "PO not a civil servant"
same "the summary says for which months and as of today" \
    "$(grep -c "findings for the 12 months before ${today%-*} (as of $today)\.\$" "$TMP/out")" 1
n_text=$(summary_count)
check "the summary counts the findings ($n_text)" test -n "$n_text"
same "one line per finding under the headings" \
    "$(grep -c '^  ' "$TMP/out")" "$n_text"
cp "$TMP/out" "$TMP/text"

# --- the same, for a script -----------------------------------------------

run --db "$DB" check --tsv
status "check --tsv on the demo exits 1" 1
same "the TSV header" "$(head -1 "$TMP/out")" \
    "$(printf 'rule\tsubject\tdetail\tagency\tofficer\tissue\tmeeting')"
same "as many TSV lines as the summary counts" "$(tsv_count)" "$n_text"
same "every TSV line has seven fields" \
    "$(awk -F '\t' 'NF != 7' "$TMP/out" | wc -l | tr -d ' ')" 0
same "every rule is one of the rule names" \
    "$(awk -F '\t' 'NR > 1 && $1 !~ /^(no_po|no_supervisor|not_civil_servant|no_work_meeting|no_policy_meeting|low_attendance|escalated_long|not_marked_held|overdue|resolution_overdue)$/' \
    "$TMP/out" | wc -l | tr -d ' ')" 0
same "no summary line in TSV" "$(grep -c 'findings for' "$TMP/out")" 0
mohw=$(agency_id MOHW)
moea=$(agency_id MOEA)
same "no_po 衛生福利部 names its agency (#$mohw)" \
    "$(awk -F '\t' '$1 == "no_po" && $2 == "衛生福利部" { print $4 "/" $5 "/" $6 }' "$TMP/out")" \
    "$mohw/0/0"
same "no_supervisor 經濟部 names its agency (#$moea)" \
    "$(awk -F '\t' '$1 == "no_supervisor" && $2 == "經濟部" { print $4 "/" $5 "/" $6 }' "$TMP/out")" \
    "$moea/0/0"
same "one escalated_long, naming case 2 by its number and its lead agency" \
    "$(awk -F '\t' '$1 == "escalated_long" { print $2 "|" $4 "|" $6 }' "$TMP/out")" \
    "$("$OGPO" --db "$DB" list cases --tsv |
    awk -F '\t' '$1 == 2 { print $9 }') 再生能源設置之地方溝通機制|$("$OGPO" --db "$DB" list issues --tsv |
    awk -F '\t' '$1 == 2 { print $6 }')|2"
ncs=$(awk -F '\t' '$1 == "not_civil_servant" { print $5 }' "$TMP/out")
same "not_civil_servant names an officer who is a PO with civil_servant 0" \
    "$("$OGPO" --db "$DB" list officers --tsv |
    awk -F '\t' -v id="$ncs" '$1 == id { print $7 "," $10 }')" "po,0"
same "the TSV lines follow the rules' order" \
    "$(awk -F '\t' 'NR > 1 { print $1 }' "$TMP/out" | uniq | wc -l | tr -d ' ')" \
    "$(awk -F '\t' 'NR > 1 { print $1 }' "$TMP/out" | sort -u | wc -l | tr -d ' ')"
cp "$TMP/out" "$TMP/tsv"

# --- fixing gaps ------------------------------------------------------------

run --db "$DB" add officer name=測試督導 role=supervisor supervisor=cio \
    agency=MOEA email=supervisor.test@example.gov.tw civil_servant=yes
status "a supervisor is added to 經濟部" 0
run --db "$DB" check --tsv
same "the no_supervisor finding for 經濟部 is gone" \
    "$(awk -F '\t' '$1 == "no_supervisor" && $2 == "經濟部"' "$TMP/out" | wc -l | tr -d ' ')" 0
same "and only it: one finding fewer" "$(tsv_count)" "$((n_text - 1))"
run --db "$DB" check
in_section "衛生福利部 is still listed without a PO" "No PO" "衛生福利部"
not_in_section "經濟部 is not under 未指派督導" "No supervisor" "經濟部"
same "the summary counts one fewer" "$(summary_count)" "$((n_text - 1))"

# A PO who starts tomorrow is not in office today.
tomorrow=$(date -d "$today +1 day" +%Y-%m-%d)
run --db "$DB" add officer name=明日聯絡人 role=po agency=MOHW \
    email=po.tomorrow@example.gov.tw civil_servant=yes start_date="$tomorrow"
status "a PO starting tomorrow is added to 衛生福利部" 0
run --db "$DB" check
in_section "衛生福利部 still has no PO in office today" "No PO" "衛生福利部"
run --db "$DB" add officer name=今日聯絡人 role=po agency=MOHW \
    email=po.today@example.gov.tw civil_servant=yes start_date="$today"
status "a PO starting today is added to 衛生福利部" 0
run --db "$DB" check
not_in_section "now 衛生福利部 has its PO" "No PO" "衛生福利部"
same "two findings fewer than at first" "$(summary_count)" "$((n_text - 2))"

# The escalated issue taken up: its finding goes.
run --db "$DB" set issue 2 status=resolved
status "the escalated issue is resolved" 0
run --db "$DB" check --tsv
same "no escalated_long after it is resolved" "$(tsv_count escalated_long)" 0

# --- attendance_threshold ---------------------------------------------------

# The year of last month: the demo's work meetings, with attendance.
ayear=$(date -d "${today%-*}-15 -1 month" +%Y)
run --db "$DB" check --tsv --year "$ayear"
lows=$(tsv_count low_attendance)
check "the demo has low attendance at 75% ($lows in $ayear)" test "$lows" -gt 0
cp "$TMP/out" "$TMP/default.tsv"
same "low_attendance findings name an agency" \
    "$(awk -F '\t' '$1 == "low_attendance" && $4 == 0' "$TMP/out" | wc -l | tr -d ' ')" 0
contains "the detail says what the threshold is" "$TMP/out" "below 75%)"

printf '# thresholds\nattendance_threshold = 10\n' >"$CONFIG"
run --db "$DB" check --tsv --year "$ayear"
same "attendance_threshold = 10 removes the low-attendance findings" \
    "$(tsv_count low_attendance)" 0
check "and says nothing on stderr" test ! -s "$TMP/err"
same "the other findings stay" "$(tsv_count)" \
    "$(awk -F '\t' 'NR > 1 && $1 != "low_attendance"' "$TMP/default.tsv" | wc -l | tr -d ' ')"

# 100 % (as 100, 100% or 1): every agency below it is low.
for v in 100 100% 1.0; do
	printf 'attendance_threshold = %s\n' "$v" >"$CONFIG"
	run --db "$DB" check --tsv --year "$ayear"
	all=$(tsv_count low_attendance)
	check "attendance_threshold = $v is 100%: more are low ($all > $lows)" \
	    test "$all" -gt "$lows"
	contains "attendance_threshold = $v says below 100%" "$TMP/out" \
	    "below 100%)"
done
# The same threshold written three ways.
for v in 75 75% 0.75; do
	printf 'attendance_threshold=%s\n' "$v" >"$CONFIG"
	run --db "$DB" check --tsv --year "$ayear"
	check "attendance_threshold = $v is the default 75%" \
	    cmp -s "$TMP/out" "$TMP/default.tsv"
done
# A value written with % is a percentage whatever its size: "1%" is 1 %,
# not 100 % (as it once was), and "0.99%" just under one percent.
printf 'attendance_threshold = 1%%\n' >"$CONFIG"
run --db "$DB" check --tsv --year "$ayear"
same "attendance_threshold = 1% is one percent (no low attendance)" \
    "$(tsv_count low_attendance)" 0
printf 'attendance_threshold = 0.99%%\n' >"$CONFIG"
run --db "$DB" check --tsv --year "$ayear"
same "attendance_threshold = 0.99% is under one percent (no low attendance)" \
    "$(tsv_count low_attendance)" 0

for v in abc 0 150 '60 %' ''; do
	printf '# comment\nkeymap = vi\nattendance_threshold = %s\n' "$v" \
	    >"$CONFIG"
	run --db "$DB" check --tsv --year "$ayear"
	contains "a bad value '$v' is named with the file and line" "$TMP/err" \
	    "$CONFIG:3: attendance_threshold '$v' is not a percentage (write 75%); using 75%"
	check "and 75% is used instead of '$v'" \
	    cmp -s "$TMP/out" "$TMP/default.tsv"
	status "and check still exits 1 for the findings" 1
done
rm -f "$CONFIG"

# --- usage ------------------------------------------------------------------

run --db "$DB" check --year 2024x
status "--year 2024x is a usage error" 2
contains "it says why" "$TMP/err" "'2024x' is not a year"
check "and prints nothing on stdout" test ! -s "$TMP/out"
run --db "$DB" check --year 1899
status "--year 1899 is a usage error" 2
run --db "$DB" check --year
status "--year without a value is a usage error" 2
run --db "$DB" check extra
status "an extra argument is a usage error" 2
run --db "$DB" check --bogus
status "an unknown option is a usage error" 2
contains "which shows the usage" "$TMP/err" "check [--year YYYY] [--training] [--tsv]"
run --db "$DB" check --help
status "--help exits 0" 0
contains "--help shows the usage" "$TMP/out" "check [--year YYYY] [--training] [--tsv]"

# --- nothing wrong ------------------------------------------------------------

DB=$TMP/clean
run --db "$DB" init
status "init without demo data" 0
run --db "$DB" check --year 2999
status "an empty database, in a year to come: check exits 0" 0
contains "and says 0 findings" "$TMP/out" "0 findings for 2999 (as of $today)."
same "and nothing else" "$(wc -l <"$TMP/out" | tr -d ' ')" 1
run --db "$DB" check --year 2999 --tsv
status "--tsv exits 0 too" 0
same "and prints the header only" "$(cat "$TMP/out")" \
    "$(printf 'rule\tsubject\tdetail\tagency\tofficer\tissue\tmeeting')"

# The Executive Yuan and one ministry with its PO and supervisor.
run --db "$DB" add agency code=EY name=行政院 level=1
status "EY is added" 0
run --db "$DB" add agency code=MODA name=數位發展部 level=2 parent=EY
status "MODA is added" 0
run --db "$DB" check --year 2999
status "a level-2 agency without anyone: exit 1" 1
in_section "it has no PO" "No PO" "數位發展部"
in_section "nor a supervisor" "No supervisor" "數位發展部"
same "2 findings" "$(summary_count)" 2
run --db "$DB" add officer name=王小明 agency=MODA role=po \
    email=wang@example.gov.tw civil_servant=yes
status "a PO is added to MODA" 0
run --db "$DB" add officer name=李督導 agency=MODA role=supervisor \
    supervisor=deputy_head email=li@example.gov.tw civil_servant=yes
status "a supervisor is added to MODA" 0
run --db "$DB" check --year 2999
status "staffed, in a year to come: check exits 0" 0
contains "0 findings" "$TMP/out" "0 findings for 2999 (as of $today)."
run --db "$DB" set officer "$("$OGPO" --db "$DB" list officers --tsv |
    awk -F '\t' '$5 == "王小明" { print $1 }')" civil_servant=no
status "the PO is made not a civil servant" 0
run --db "$DB" check --year 2999
status "now check exits 1" 1
contains "1 finding, singular" "$TMP/out" "1 finding for 2999"
in_section "naming the PO" "PO not a civil servant" "王小明"

[ "$failures" -eq 0 ]
