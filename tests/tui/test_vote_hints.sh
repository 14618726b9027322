#!/bin/sh
# test_vote_hints.sh — the topic vote's status line (Cases tab 4, then V)
# names at 80x24 the keys a person needs there, in Chinese and in English:
# entering and importing ballots, seeing another vote (v), closing the
# vote, opening a new one, putting a candidate to it, and Esc and ?.
# "v 其他票選" used to be left off in Chinese, the line full before it,
# so nothing said how to see last month's vote.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-06 10:00"; export OGPO_NOW

# hinted WHAT: the status line names WHAT (within 5 s: the vote's page
# is drawn before its status line).
on_line() { tail -n 1 "$SCR" | grep -qF -- "$1"; }
hinted() {
	poll 5 on_line "$1" && return 0
	echo "# status line: $(tail -n 1 "$SCR")" >&2
	return 1
}

tui_start_zh zh
keys 4
expect "the Cases tab" "列管案件"
keys V
expect "V opens the topic vote" "議題票選 #1"
for h in "b 選票" "I 匯入" "v 其他票選" "C 結束票選" "o 新票選" "a 新增" \
    "Esc 關閉" "? 說明"; do
	check "in Chinese at 80 columns the status line names $h" hinted "$h"
done
keys v
expect "v is the key it names: the votes to choose from" "哪一次議題票選"
esc
tui_stop

TUI_LANG=C.UTF-8 TUI_READY='1 Agencies'
tui_start en 80 24
keys 4
expect "the Cases tab" "Tracked cases"
keys V
expect "V opens the topic vote" "Topic vote #1"
for h in "b ballot" "I import" "v other vote" "C close vote" "o new vote" \
    "Esc close" "? help"; do
	check "in English at 80 columns the status line names $h" hinted "$h"
done
tui_stop
tui_done
