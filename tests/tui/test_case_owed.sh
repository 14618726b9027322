#!/bin/sh
# test_case_owed.sh — which cases still owe this month's progress report
# (辦理情形), the work a PO does before each monthly work meeting: f on
# the Cases tab offers them (待填報), in Chinese at 80x24, as the cases
# still followed (selected to response) whose lead agency has no report
# of its own dated this month. A report by its lead (p) takes a case off
# the list (the next takes its place, selected, as one works down it);
# one by a co-organiser does not; a proposed or closed case is
# never on it. The help says f offers them. Narrowed to an agency first
# (a PO's own, by :list cases --agency), f 待填報 keeps to the cases that
# agency leads and owes.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW

demo_db
# 115-07 (led by 環境部) reported on this month by 勞動部, a co-organiser.
"$OGPO" --db "$DB" add progress issue=115-07 agency=MOL date=2026-12-02 \
    text=勞動部協辦意見已送環境部 >/dev/null || not_ok "add progress 115-07"
# 115-13 (led by 勞動部) reported on last month only, by its lead.
"$OGPO" --db "$DB" add progress issue=115-13 agency=MOL date=2026-11-30 \
    text=試算工具完成測試 >/dev/null || not_ok "add progress 115-13"
tui_start_zh owed
keys 4
expect "4: the cases" "列管案件：按 p"
keys f
expect "f asks which cases" "顯示哪些案件？"
text 待填報
expect "… and offers those owing this month's report" \
    "待填報：主責機關本月尚未填報辦理情形"
keys Enter
expect "the list is narrowed, and says to what" \
    "列管案件，待填報：主責機關本月尚未填報辦理情形（F 顯示全部）"
expect "115-04, led by 勞動部, owes it" "115-04  工作會議      勞動部"
expect "115-13 owes it: last month's report was last month's" "115-13"
expect "115-07 owes it: a co-organiser's report is not its lead's" \
    "115-07"
screen
check "a proposed case is not on it" lacks_text "115-06"
check "nor a closed one" lacks_text "115-05"
check "nor another proposed one" lacks_text "115-18"
expect_pos "eleven cases still followed owe it" "1/11"

down_to 115-04
keys p
expect "p: progress on 115-04" "115-04 辦理情形"
text 已召開座談，彙整三方意見
keys C-s
expect "saved" "已儲存「已召開座談，彙整三方意見」"
expect_gone "115-04 is off the list" "115-04"
# Working down the list: the next case that owes it is selected where
# 115-04 was, not the first.
expect_sel "… the case after it takes its place, selected" "115-07"
expect_pos "ten left, at the fourth" "4/10"
keys Up
expect_sel "Up: the one before it" "115-03"
keys F
expect "F shows them all" "115-18"
keys '?'
expect "the help says what f offers" "待填報辦理情形"
esc

# A PO's own: narrowed to 勞動部 first (:list cases --agency MOL), f 待填報
# keeps to what 勞動部 leads and owes; 115-07, which it co-organises, is
# 環境部's to report.
keys :
text "list cases --agency MOL"
keys Enter
expect "narrowed to 勞動部" "列管案件，機關：勞動部（F 顯示全部）"
keys f
expect "f asks which cases" "顯示哪些案件？"
text 待填報
keys Enter
expect "what 勞動部 leads and owes, said so" \
    "列管案件，待填報：主責機關本月尚未填報辦理情形，勞動部主責（F 顯示全部）"
expect "115-13 is on it" "115-13"
screen
check "115-04, reported on now, is not" lacks_text "115-04"
check "nor 115-07, which 環境部 leads" lacks_text "115-07"
check "nor another agency's" lacks_text "115-01"
expect_pos "one case" "1/1"
tui_done
