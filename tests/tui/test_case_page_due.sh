#!/bin/sh
# test_case_page_due.sh — a Join case's page says what the case owes and
# by when, in Chinese at 80x24, as ogpo due counts it: the contact with
# the proposer (7 days) and the response (two months from the day after
# it passed: 1/31 → 3/31), each with how long is left; once the contact
# is recorded, the day it was made; once the one extension is noticed,
# its new date, marked extended (the page keeps up while it is open).
# With the clock moved past that date, the page says how long overdue.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2027-02-03 09:00"; export OGPO_NOW

demo_db
"$OGPO" --db "$DB" add case title=校園心理健康資源開放 lead=MOE \
    collab=MOHW source=join join_no=202701310001 passed=2027-01-31 \
    >"$TMP/out" 2>&1 || not_ok "add the Join case"
NO=$(sed -n 's/.*case number \([0-9-]*\)\.$/\1/p' "$TMP/out")

tui_start_zh page
keys 4
expect "4: the cases" "列管案件：按 p"
keys /
text "$NO"
keys Enter
expect_sel "the case is found" "$NO"
keys Space
expect "its page" "名稱：校園心理健康資源開放"
expect "the contact is due 7 days after it passed, 4 days left" \
    "期限：2027-02-07  4 天後到期  聯繫提案人"
expect "the response two months on, 3/31, 56 days left" \
    "2027-03-31  56 天後到期  回應平臺提案"

# Another desk records the contact and the extension meanwhile.
"$OGPO" --db "$DB" set case "$NO" contacted=2027-02-05 \
    extended_on=2027-03-20 extended_to=2027-05-31 >/dev/null 2>&1 ||
    not_ok "set the contact and the extension"
expect "the contact says when it was made" \
    "2027-02-07  聯繫提案人：已於 2027-02-05 完成"
expect "the response is due on the extension's date, marked so" \
    "2027-05-31  117 天後到期  回應平臺提案（已延長）"
esc
tui_stop

# Two days past the extended date, the page says it is overdue.
OGPO_NOW="2027-06-02 09:00"
tui_start_zh late
keys 4 /
text "$NO"
keys Enter
expect_sel "the case again" "$NO"
keys Space
expect "overdue by two days" "2027-05-31  逾期 2 天  回應平臺提案（已延長）"
tui_stop

# What the database holds.
"$OGPO" --db "$DB" list cases --tsv >"$TMP/tsv"
check "the database holds the contact and the extension" awk -F'\t' \
    -v n="$NO" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	$c["serial"] == n { f = $c["contacted"] == "2027-02-05" &&
	    $c["extended_to"] == "2027-05-31" }
	END { exit !f }' "$TMP/tsv"

tui_done
