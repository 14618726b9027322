#!/bin/sh
# test_cmdline_cases.sh — the command line knows the Cases tab by the
# name the command line gives it: a PO on day one types what `ogpo list
# cases --agency MOL` taught them, in Chinese at 80x24, and the Cases tab
# opens narrowed to the cases their agency leads or co-organises (F shows
# all again); :cases goes to the tab, :add case opens a new case's form,
# and --agency with a kind it does not narrow names the two it does.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW

tui_start_zh cases

keys :
text "list cases --agency MOL"
keys Enter
expect ":list cases --agency MOL narrows the Cases tab to 勞動部" \
    "列管案件，機關：勞動部（F 顯示全部）"
expect "… its own case" "外送平台從業人員勞動權益保障"
expect "… and the one it co-organises" "淨零轉型之公正轉型公民參與"
expect_gone "… and not the others" "公共場所無障礙設施資訊開放"
expect_pos "… three of them" "1/3"
keys F
expect "F shows them all again" "公共場所無障礙設施資訊開放"

keys 1
expect "back on the Agencies tab" "督導政務委員"
keys :
text cases
keys Enter
expect ":cases goes to the Cases tab" "列管案件：按 p 填報辦理情形"

keys :
text "add case"
keys Enter
expect ":add case opens a new case's form" "新增案件"
esc
keys y
expect_gone "Esc leaves it" "新增案件"

keys :
text "list meetings --agency MOL"
keys Enter
expect "--agency with meetings names what it goes with" \
    "--agency 只用於 :list officers 或 :list cases"

keys :
text "list nothing"
keys Enter
expect ":list of an unknown kind offers cases" "meetings（會議）、cases（"

tui_done
