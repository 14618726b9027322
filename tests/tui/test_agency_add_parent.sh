#!/bin/sh
# test_agency_add_parent.sh — a new agency whose parent is changed in its
# form (a from 行政院 at the top, then 上級機關 set to a closed branch,
# 國家科學及技術委員會) shows once saved: its branch opens and it is
# selected, instead of the tree staying at the top with the new agency
# hidden under a closed parent. In Chinese at 80x24.
. tests/lib.sh
. tests/tui/tui-lib.sh

tui_start_zh addparent
expect_sel "the tree starts at 行政院" "行政院"
keys a
expect "a: a new agency" "新增機關"
text YLSP
keys Tab
text 國家科學及技術委員會宜蘭科學園區籌備處
keys Tab F2
expect "F2 on 上級機關: the agencies" "選擇機關"
text NSTC
keys Enter
expect "the parent is chosen" "上級機關  國家科學及技術委員會（NSTC）"
keys C-s
expect "saved" "已儲存「國家科學及技術委員會宜蘭科學園區籌備處」"
expect_sel "the new agency is selected" "YLSP"
expect "under its parent, opened" "- 國家科學及技術委員會"
tui_done
