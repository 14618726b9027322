#!/bin/sh
# test_zh_month.sh — a coordinator's first month in Traditional Chinese at
# 80x24, where the words were cut or crooked:
# - the roll call's status and role columns are as wide as their words,
#   so the agency column holds 行政院公共工程委員會 and, once one of its
#   officers is invited, 國軍退除役官兵輔導委員會 whole, names lined up.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW
demo_db
mtitle=$("$OGPO" --db "$DB" list meetings --tsv |
    awk -F '\t' '$7 == "2026-12-15" { print $6 }')
vac=$("$OGPO" --db "$DB" list officers --tsv --agency VAC |
    awk -F '\t' 'NR == 2 { print $5 }')

# name_col NAME: the display column NAME starts at on the screen.
name_col() {
	grep -F -- "$1" "$SCR" | head -n 1 | sed "s/$1.*//" | wc -L
}

tui_start_zh month
# --- the roll call ------------------------------------------------------
keys 3
expect "3: the meetings" "會議，由新至舊"
keys /
text "$mtitle"
keys Enter
expect_sel "the month's work meeting is found" "$mtitle"
keys Enter
expect "Enter opens its roll call" "代理人、備註"
keys End
expect "the agency column holds 行政院公共工程委員會 whole" \
    "行政院公共工程委員會 "
keys +
expect "+ asks for the agency" "選擇機關"
text 退除役
keys Enter
expect "… then whom" "邀請誰？"
text "$vac"
keys Enter
expect "$vac of 國軍退除役官兵輔導委員會 is invited, the agency whole" \
    "國軍退除役官兵輔導委員會 $vac"
screen
a=$(name_col "$vac")
b=$(name_col "姓名")
check "its name starts under the heading 姓名 ($a, $b)" [ "$a" = "$b" ]
esc
tui_stop

tui_done
