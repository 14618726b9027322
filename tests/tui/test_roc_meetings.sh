#!/bin/sh
# test_roc_meetings.sh — with date_style = roc a meeting is named by its
# 民國 date wherever a form or a page names it: the meetings a progress
# report's form offers (F2 on 報告會議) and the one chosen, and the
# meeting a report was made at in a case's timeline (於 115/09/15 會議),
# as the Meetings tab and every other date show; not 2026-09-15. So are
# the dates in what the Compliance tab finds, and the month a new topic
# vote is titled by (115年12月議題票選).
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
    "農業部填報（於 115/09/15 會議）"
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

# What breaks the regulation, in the same style: the sentences' dates
# and months are 民國 as the heading's "as of" is.
keys 5
expect "5: the findings as of a 民國 date" "截至 115/12/07"
# The selected finding is read whole under the list.
down_to 出席率偏低
expect "low attendance over 民國 months" "114/12 至 115/11 間受邀出席"
down_to 陳報逾期
expect "an escalation waiting since a 民國 date" "自 115/10/07 起等待政務委員"
down_to 115-17
expect "a deadline passed on a 民國 date" "115/12/04（3 天前）"
down_to 決議事項逾期
expect "an overdue resolution's meeting and due date" \
    "115/09/15 會議的決議第 1 案"
screen
check "… no Western date in what is read" sh -c \
    "! tail -n 3 '$SCR' | grep -q '20[0-9][0-9]-[01][0-9]'"
# The deadlines (D on the Cases tab) name a resolution as its meeting's
# page does.
keys 4 D
expect "D: a resolution by its meeting's 民國 date" \
    "執行決議事項：115/09/15-1 請各機關提報"
screen
check "… not by 2026-09-15-1" lacks_text "2026-09-15-1"
esc
# A new topic vote is titled by the month as the dates are shown.
keys V
expect "V: the topic vote" "議題票選"
keys o
expect "o: a new vote, titled by its 民國 month" "115年12月議題票選"
screen
check "… not by 2026-12" lacks_text "2026-12 議題票選"
esc
keys y
expect_gone "Esc leaves the form" "115年12月議題票選"
esc
tui_done
