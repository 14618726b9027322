#!/bin/sh
# test_saved_long.sh — saving a long text in Chinese at 80x24 (a progress
# report, a resolution) says so on one status line, the text cut on a
# character and marked …, instead of quoting it whole over two lines
# that cover the list's last row and the lower edge of the page it was
# saved on (the resolutions' box). The text itself is stored whole.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW
long=已於十一月二十日邀集外送平台業者、工會及消費者團體召開座談，彙整三方意見，預計下月提出勞動權益保障草案並於工作會議報告

tui_start_zh saved
keys 4
expect "4: the cases" "列管案件：按 p"
keys Down Down Down
expect_sel "115-04 is selected" "115-04"
keys p
expect "p: progress on 115-04" "115-04 辦理情形"
text "$long"
keys C-s
expect "saved, said on the status line" "已儲存「已於十一月二十日"
screen
check "in one line, the text cut and marked" sh -c \
    'tail -n 1 "$1" | grep -q "…」。"' - "$SCR"
check "the list's last row is not covered" has_text "115-18"
"$OGPO" --db "$DB" list progress --case 115-04 --tsv >"$TMP/progress"
contains "the report is stored whole" "$TMP/progress" "$long"

# A resolution on the December meeting's page: the box keeps its edge.
keys 3
expect "3: the meetings" "會議，由新至舊"
keys Home
expect_sel "the newest meeting" "2027-01-15"
keys R
expect "R: its resolutions" "本次審查前次會議決議"
keys a
expect "a: a new resolution" "新增決議事項"
text "請勞動部會同交通部於下次工作會議報告外送平台從業人員權益保障草案及利害關係人意見處理情形"
keys Tab F2
expect "F2: the agencies" "選擇機關"
text 勞動部
keys Enter
keys C-s
expect "saved" "已儲存「請勞動部會同交通部"
screen
check "the page's lower edge is whole" sh -c \
    'tail -n 2 "$1" | head -1 | grep -q "^└─*┘\$"' - "$SCR"
check "the message is one line, cut and marked" sh -c \
    'tail -n 1 "$1" | grep -q "…」。"' - "$SCR"
tui_done
