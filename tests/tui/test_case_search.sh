#!/bin/sh
# test_case_search.sh — / on the Cases tab finds a case by its number
# (115-16: how the meeting, ogpo due and the tracking table name it) and
# by its Join proposal's number, not only by its title, agency or
# description; a number no case has says so.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW

demo_db
join=$("$OGPO" --db "$DB" list cases --tsv | awk -F '\t' \
    '$9 == "115-12" { print $12 }')
tui_start_zh search
keys 4
expect "4: the cases" "列管案件：按 p"
keys /
text 115-16
keys Enter
expect_sel "/115-16 selects case 115-16" "115-16  工作會議"
keys /
text "$join"
keys Enter
expect_sel "/$join selects the case of that Join proposal" "115-12"
keys /
text 115-99
keys Enter
expect "a number no case has: no match" "沒有符合「115-99」的項目"
tui_done
