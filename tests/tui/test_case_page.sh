#!/bin/sh
# test_case_page.sh — a case's page as a PO reads it, at 80x24: it says
# the case's state once, by its stage as the Cases tab does (an
# escalation to the minister in words where the tab has a colour); its
# co-organisers are listed with 、 in Chinese, ", " in English; its
# timeline puts a report made the day the case was opened after the
# opening.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW

demo_db
# 115-07 was opened this morning (the demo's clock): its lead reports on
# it the same day.
"$OGPO" --db "$DB" add progress issue=115-07 agency=MOENV date=2026-12-07 \
    text=今日邀集座談 >/dev/null || not_ok "add progress 115-07"
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
    "協辦機關：國家發展委員會（NDC）、經濟部（MOEA）、勞動部（MOL）"
keys End
expect "its timeline: the report" "環境部填報：今日邀集座談"
screen
opened=$(grep -n '開啟為協作會議' "$SCR" | cut -d: -f1)
reported=$(grep -n '環境部填報：今日邀集座談' "$SCR" | cut -d: -f1)
check "… after the case was opened that morning, oldest first" \
    [ "${opened:-99}" -lt "${reported:-0}" ]
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
