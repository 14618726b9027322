#!/bin/sh
# test_box_keys.sh — a box over a page says its own keys on the status
# line, not the page's under it (which do nothing while it is open), in
# Chinese at 80x24 and 100x30, the page still drawn beneath: a notice
# (無法刪除: Enter 關閉), a pick list (Enter 選擇), a text prompt (Enter 確定, Esc 取消, F1 說明: ?
# would be typed), a yes-or-no question (y 是, n 否), and each answers F1
# (or ?) with its own keys; so does the command line.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW
for size in "80 24" "100 30"; do
	set -- $size
	S="$1x$2"
	tui_start_zh "box$1" "$1" "$2"

	keys 2
	expect "$S: the Officers tab" "所有機關的人員"
	# A pick list: its keys, the page beneath it.
	keys f
	expect "$S: f: the agencies to narrow by" "選擇機關"
	expect "$S: the pick list's keys" "Enter 選擇  Esc 取消  F1 說明"
	screen
	check "$S: the officers still drawn beneath" has_text "姓名"
	esc
	expect_gone "$S: Esc closes it" "選擇機關"

	# A notice: an officer with attendance history cannot be deleted.
	keys d
	expect "$S: d: the notice" "無法刪除"
	expect "$S: the status line says the notice's key" "Enter 關閉  ? 說明"
	screen
	check "$S: … not the page's" lacks_text "Space 詳細"
	check "$S: the page is still drawn beneath" has_text "所有機關的人員"
	keys '?'
	expect "$S: ? in the notice: its keys" "此處的按鍵：通知"
	esc
	expect_gone "$S: Esc closes the help" "此處的按鍵"
	keys Enter
	expect_gone "$S: Enter closes the notice" "無法刪除"
	expect "$S: the page's keys again" "Space 詳細"

	# A text prompt: ? is typed there, F1 is help.
	keys 3
	expect "$S: the Meetings tab" "工作推動會議"
	keys x
	expect "$S: x asks the month" "匯出哪個月份"
	expect "$S: the prompt's keys" "Enter 確定  Esc 取消  F1 說明"
	screen
	check "$S: … not the page's" lacks_text "a 新增"
	check "$S: the page is still drawn beneath" has_text "開放政府聯絡人工作推動會議"
	keys F1
	expect "$S: F1 in the prompt: its keys" "此處的按鍵：問題（以文字回答）"
	expect "$S: … Enter accepts" "│   <Enter>          確定"
	esc
	expect_gone "$S: Esc closes the help" "此處的按鍵"
	esc
	expect_gone "$S: Esc cancels the prompt" "匯出哪個月份"

	# A question: leaving a form with something typed in it.
	keys 4
	expect "$S: the Cases tab" "列管案件：按 p"
	keys p
	expect "$S: p: a progress report" "辦理情形"
	text abc
	esc
	expect "$S: Esc asks first" "y：是    n 或 Esc：否"
	expect "$S: the question's keys" "y 是  n 否  ? 說明"
	screen
	check "$S: … not the form's" lacks_text "C-s 儲存"
	keys '?'
	expect "$S: ? in the question: y and n" "│   y Y              回答是"
	esc
	expect_gone "$S: Esc closes the help" "此處的按鍵"
	keys y
	expect_gone "$S: y leaves the form" "y：是    n 或 Esc：否"

	# The command line: F1 says its keys.
	keys :
	expect "$S: the command line" "輸入指令"
	keys F1
	expect "$S: F1 on the command line: its keys" "此處的按鍵：命令列"
	expect "$S: … Tab completes" "│   <Tab>            補全"
	esc
	expect_gone "$S: Esc closes the help" "此處的按鍵"
	esc
	expect_gone "$S: Esc leaves the command line" "輸入指令"
	tui_stop
done
tui_done
