#!/bin/sh
# test_roc_meetings.sh — with date_style = roc a meeting is named by its
# 民國 date wherever a form or a page names it: the meetings a progress
# report's form offers (F2 on 報告會議) and the one chosen, and the
# meeting a report was made at in a case's timeline (於 115/09/15 會議),
# as the Meetings tab and every other date show; not 2026-09-15.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW
mkdir -p "$XDG_CONFIG_HOME/ogpo"
echo 'date_style = roc' >"$XDG_CONFIG_HOME/ogpo/config"
tui_start_zh roc
keys 3
expect "the Meetings tab shows 民國 dates" "115/11/15"
keys 4
expect "4: the cases" "列管案件：按 p"
keys /
text 115-12
keys Enter
expect_sel "115-12 is selected" "115-12"
keys Enter
expect "Enter shows the case" "歷程："
expect "the timeline names the meeting by its 民國 date" \
    "農業部 填報（於 115/09/15 會議）"
screen
check "… not by 2026-09-15" lacks_text "於 2026-09-15 會議"
esc
keys p
expect "p: a progress report" "115-12 辦理情形"
keys Tab Tab Tab Tab
keys F2
expect "F2 offers the meetings by their 民國 dates" \
    "115/11/15 2026年11月開放政府聯絡人工作推動會議"
screen
check "… not by 2026-11-15" lacks_text "2026-11-15 2026年11月"
text 2026年11月開放政府
keys Enter
expect "the chosen one too" "報告會議  115/11/15 2026年11月開放政府聯絡人"
esc
keys y
expect_gone "Esc leaves the form" "115-12 辦理情形"
tui_done
