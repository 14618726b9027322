#!/bin/sh
# test_case_midnight.sh — a page left open across midnight counts as of
# the new day, as the lists behind it do: a Join case's page says its
# response is due today at 23:59 and one day overdue at 00:00, without a
# key pressed or a write by anyone; so does D, what is owed per agency.
# In Chinese at 80x24, the clock set by OGPO_NOW just before midnight.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2027-02-28 12:00"; export OGPO_NOW
demo_db
# Passed on 12/31: due on 2/28, the proposer contacted.
"$OGPO" --db "$DB" add case title=午夜測試案 lead=MOE source=join \
    join_no=202612310001 passed=2026-12-31 contacted=2027-01-04 \
    >"$TMP/out" 2>&1 || not_ok "add the Join case"
NO=$(sed -n 's/.*case number \([0-9-]*\)\.$/\1/p' "$TMP/out")

# The case's page.
OGPO_NOW="2027-02-28 23:59:55"
tui_start_zh page
keys 4 /
text "$NO"
keys Enter
expect_sel "the case is found" "$NO"
keys Space
expect "its page: the response is due today" \
    "2027-02-28  今天到期  回應平臺提案"
expect "past midnight, the page says it is a day overdue" \
    "2027-02-28  逾期 1 天  回應平臺提案" 12
tui_stop

# D: what is owed, per agency.
tui_start_zh owed
keys 4 D
expect "D: the case" "回應平臺提案：$NO 午夜測試案"
expect "D: due today" "2027-02-28  今天到期"
expect "past midnight, D says it is a day overdue" "2027-02-28  逾期 1 天" 12
tui_stop

tui_done
