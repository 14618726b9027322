#!/bin/sh
# test_zh_newcomer.sh — a newly named PO's first hour in Traditional
# Chinese at 80x24: a search in an agency's officers that finds no one
# says the list shows part and which key shows all; the pick list of a
# course's competencies (point 8) marks those already on, as picking one
# again turns it off, and the form lists them with 、 as lists are said.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW
demo_db
# Someone at another agency than the first in the tree (行政院).
who=$("$OGPO" --db "$DB" list officers --tsv --agency MODA |
    awk -F '\t' 'NR == 2 { print $5 }')

tui_start_zh newcomer
# --- a search in one agency's officers ----------------------------------
keys Enter
expect "Enter on 行政院 lists its officers" "行政院的人員（F 顯示全部）"
keys /
text "$who"
keys Enter
expect "no one found there says the list shows part, and F shows all" \
    "目前列出的部分沒有符合「$who」的項目；按 F 顯示全部"
keys F
expect "F shows every agency's officers" "所有機關的人員"
keys /
text "$who"
keys Enter
expect_sel "… where the search finds $who" "$who"

# --- a course's competencies ---------------------------------------------
keys t
expect "t opens a course for $who" "培訓課程（第八點）"
keys Tab Tab
text 公共參與入門
keys Tab F2
expect "F2 lists the competencies, none on" "[ ] 主持"
keys Down Enter
expect_gone "Enter turns 主持 on and closes the list" "切換核心能力"
keys F2
expect "the list marks 主持 on" "[x] 主持"
expect "… and 記錄 off" "[ ] 記錄"
keys Down Down Enter
expect "two competencies are listed with 、" "核心能力  主持、記錄"
esc
expect "Esc asks before the typed course is thrown away" "捨棄您在此表單"
keys y
expect_gone "y throws it away" "培訓課程（第八點）"

tui_done
