#!/bin/sh
# test_case_page.sh — a case's page as a PO reads it, at 80x24: it says
# the case's state once, by its stage as the Cases tab does (an
# escalation to the minister in words where the tab has a colour); its
# co-organisers are listed with 、 in Chinese, ", " in English.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW

tui_start_zh page
keys 4
expect "4: the cases" "列管案件：按 p"
# 115-07: at the collaboration meeting, three co-organisers.
keys /
text 115-07
keys Enter
expect_sel "115-07 is found" "115-07"
keys Space
expect "Space: its page" "名稱：淨零轉型之公正轉型公民參與"
expect "the page says the stage" "階段：協作會議"
screen
check "… and no older status beside it" lacks_text "狀態："
expect "co-organisers are listed with 、" \
    "協作機關：國家發展委員會（NDC）、經濟部（MOEA）、勞動部（MOL）"
esc
# 115-02: escalated to the minister, which the tab marks in colour.
keys /
text 115-02
keys Enter
expect_sel "115-02 is found" "115-02"
keys Space
expect "an escalated case's stage says so in words" \
    "階段：協作會議（已陳報政務委員）"
esc
tui_stop

# In English: the same list with commas.
TUI_LANG=C.UTF-8 TUI_READY='1 Agencies'
tui_start pageen 80 24
keys 4 /
text 115-07
keys Enter
expect_sel "English: 115-07 is found" "115-07"
keys Space
expect "English: co-organisers with commas" \
    "Collaborating agencies: 國家發展委員會 (NDC), 經濟部 (MOEA), 勞動部"
screen
check "English: no status beside the stage" lacks_text "Status:"
esc
tui_stop

tui_done
