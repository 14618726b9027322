#!/bin/sh
# test_help_words.sh — the Chinese help (?) says what the keys do where
# they are, in the words the status line uses, at 80x24 and 100x30:
# Esc and q in a text window close it (「關閉視窗」: there is nothing to
# save there, not 「不儲存並關閉」), and / there finds words; v on the
# agency tree is 歷程, as the status line calls it, not a generic phrase;
# and the Meetings tab's H reads as what it does (「H 標記已召開」).
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW
for size in "80 24" "100 30"; do
	set -- $size
	tui_start_zh "help$1" "$1" "$2"
	keys '?'
	expect "$1x$2: ? shows the agency tree's keys" "此處的按鍵：機關"
	expect "$1x$2: v is 歷程, as on the status line" \
	    "│   v                歷程："
	screen
	check "$1x$2: … not the generic phrase" sh -c \
	    "! grep -q '│   v  *顯示該列的所有資料' '$SCR'"
	check "$1x$2: the status line under it is the help's own" \
	    has_text "PgDn 下一頁  / 搜尋  Esc 關閉"
	keys /
	text 說明及文字視窗
	keys Enter
	expect "$1x$2: the text windows' section" "│ 說明及文字視窗"
	expect "$1x$2: Esc closes the window" \
	    "│   q <Esc>          關閉視窗"
	expect "$1x$2: / finds words in it" \
	    "│   /                在視窗中尋找字詞"
	screen
	check "$1x$2: … nothing said of saving there" sh -c \
	    "! grep -q 'q <Esc> *不儲存並關閉' '$SCR'"
	esc
	expect_gone "$1x$2: Esc closes the help" "說明及文字視窗"
	expect "$1x$2: the tree's status line says 歷程 too" "v 歷程"
	tui_stop
done

# The Meetings tab at 100x30: H marks the meeting held, said as a verb.
tui_start_zh meetings 100 30
keys 3
expect "the Meetings tab" "工作推動會議"
expect "the status line: H 標記已召開" "H 標記已召開"
screen
check "… not H 已召開 alone" lacks_text "H 已召開"
tui_done
