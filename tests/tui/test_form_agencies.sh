#!/bin/sh
# test_form_agencies.sh — a form's list of agencies (a case's
# co-organisers, a resolution's owners) names them with 、 between, as
# the resolutions' list, the sheets and ogpo check write them, not with
# an English comma (交通部, 經濟部); in Chinese at 80x24.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW
tui_start_zh agencies
keys 4
expect "4: the cases" "列管案件：按 p"
keys Down Down Down
expect_sel "115-04 is selected" "115-04"
keys e
expect "e: its form" "編輯案件"
expect "its co-organisers with 、 between" \
    "協辦機關          交通部、經濟部、公平交易委員會"
screen
check "no English comma between them" lacks_text "交通部, 經濟部"
esc
keys 3
expect "3: the meetings" "會議，由新至舊"
keys Home
keys R
expect "R: the resolutions" "本次審查前次會議決議"
down_to "農業部、行政院主"
keys e
expect "e: a resolution's form" "主責機關  農業部、行政院主計總處"
esc
tui_done
