#!/bin/sh
# test_help_close.sh — the help of a page over the tabs (the topic vote,
# a meeting's resolutions) says in Chinese what closing it does in words
# that fit every page (所做的標記與異動 … 已儲存), not the roll call's
# alone (點名結果), which is not on those pages; a form's help says its
# commands are for once it is closed (: is typed there); at 80x24.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW
tui_start_zh helpclose
keys 4
expect "4: the cases" "列管案件：按 p"
keys V
expect "V: the topic vote" "議題票選 #1"
keys '?'
expect "the help says what closing does" \
    "關閉此頁；所做的標記與異動在按鍵當下即已儲存"
screen
check "… not in the roll call's words" lacks_text "點名結果"
esc
esc
keys 3
expect "3: the meetings" "會議，由新至舊"
keys R
expect "R: the resolutions" "本次審查前次會議決議"
keys '?'
expect "the resolutions' help says the same" \
    "關閉此頁；所做的標記與異動在按鍵當下即已儲存"
esc
esc
# In a form, : is typed: its help says the commands are for once it is
# closed, not that : opens them there.
keys a
expect "a: a new meeting's form" "新增會議"
keys F1
expect "F1: the form's help" "此處的按鍵：表單"
expect "the commands are for once the form is closed" \
    "指令（請先關閉此視窗，再於清單或頁面上按 :"
screen
check "… not that : opens them here" lacks_text "指令（按 :，"
esc
esc
keys y
tui_done
