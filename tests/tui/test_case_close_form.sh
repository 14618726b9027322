#!/bin/sh
# test_case_close_form.sh — the coordinator closes a case (解除列管) in
# its form, in Chinese at 80x24. Saved without the meeting that decided
# it, the form marks the field that takes it (解除列管之會議), puts the
# cursor there and says what it needs in the form's words, not the
# command line's (close_meeting=ID, ogpo list meetings); F2 there
# chooses the meeting and the case is closed at it. A case from a Join
# proposal also marks its public response (公開回應) until it is given.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW

demo_db
meeting=$("$OGPO" --db "$DB" list meetings --tsv | awk -F '\t' \
    '$6 == "2026年11月開放政府聯絡人工作推動會議" { print $1 }')
tui_start_zh close

# close_case SERIAL: that case's form, its stage set to 解除列管, saved.
close_case() {
	keys 4
	expect "4: the cases" "列管案件：按 p"
	keys /
	text "$1"
	keys Enter
	expect_sel "$1 is selected" "$1"
	keys e
	expect "e opens its form" "編輯案件"
	keys Tab Tab Tab Tab Tab
	keys F2
	expect "F2 on the stage offers them" "尋找："
	text 解除列管
	keys Enter
	expect "the stage is 解除列管" "階段              解除列管"
	keys C-s
}

close_case 115-03
expect "not saved" "未儲存：請檢查標示的欄位"
expect "the field that takes the meeting says what it needs" \
    "解除列管須指定作成決定的會議，請在此選擇"
screen
check "no command-line words in the form" lacks_text "close_meeting"
check "… nor ogpo list meetings" lacks_text "ogpo list meetings"
check "the field is marked" grep -q '!解除列管之會議' "$SCR"
# The cursor is on it: F2 chooses the meeting there.
keys F2
expect "F2 there offers the meetings" "2026-11-15 2026年11月開放政府聯絡人工作推動會議"
text 2026年11月開放政府聯絡人工作推動
keys Enter
expect "the meeting is chosen" "解除列管之會議    2026-11-15"
keys C-s
expect "saved" "已儲存「校園午餐食材來源資訊公開」"
"$OGPO" --db "$DB" list cases --tsv | awk -F '\t' '$9 == "115-03" {
    print $10, $32 }' >"$TMP/closed"
contains "115-03 is closed at the November meeting" "$TMP/closed" \
    "closed $meeting"

# A Join case: its public response too.
close_case 115-16
expect "the meeting's field for the Join case" \
    "解除列管須指定作成決定的會議，請在此選擇"
keys Tab
expect "… and, below it, its public response's" \
    "平臺提案案件須先記錄機關的公開回應（連結或文號）"
esc
keys y
expect_gone "Esc leaves the form" "編輯案件"
"$OGPO" --db "$DB" list cases --tsv | awk -F '\t' '$9 == "115-16" {
    print $10 }' >"$TMP/join"
contains "115-16 is not closed" "$TMP/join" "working"

tui_done
