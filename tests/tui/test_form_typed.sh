#!/bin/sh
# test_form_typed.sh — what a Chinese desk types into a form at 80x24: a
# time as it is said (下午２點半, full-width digits from the input
# method) is saved as 14:30; a time that does not read keeps every
# character typed and says how to write one; a date's reason is shown
# whole under the field, never cut; an e-mail address refused says what
# one looks like; the meeting saved holds the time.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW

demo_db
mtsv() { "$OGPO" --db "$DB" list meetings --tsv; }

tui_start_zh typed
keys 3
expect "3 shows the meetings" "會議，由新至舊"
keys a
expect "a opens the meeting form" "新增會議"
keys Tab
text 十二月工作會議
keys Tab Tab
# A time as it is said, not HH:MM: every character stays in the field.
text 兩點鐘
expect "what is typed into the time field stays whole" "兩點鐘"
keys C-s
expect "a time that does not read is refused with the whole text" \
    "時間「兩點鐘」不是時間"
expect "… and says how to write one" "請寫成 14:30、1430 或 下午2點半"
lacks_text "位元組" && ok "… not a byte count" ||
    { not_ok "… not a byte count"; dump; }
# Typed again as a person says it, with the input method's digits.
keys C-u
text 下午２點半
keys C-s
expect "下午２點半 saves, and the invitees are proposed" "依第七點邀請"
keys Enter
expect "the attendance sheet opens" "十二月工作會議"
row=$(mtsv | awk -F '\t' '$6 == "十二月工作會議" { print $8 }')
check "the meeting holds the time 14:30 ($row)" [ "$row" = "14:30" ]
esc
expect "Esc closes the sheet" "會議，由新至舊"

# An officer: a wrong e-mail says what one looks like; a date's reason,
# longer than the field is wide, is wrapped whole under it.
keys 2
expect "2 shows the officers" "所有機關的人員"
keys a
expect "a opens the officer form" "新增人員"
text 林雅婷
keys Tab Tab Tab Tab Tab Tab Tab
text lin@motc
keys Tab Tab Tab C-u
text 2026/02/30
keys C-s
expect "an e-mail refused says how to write one" \
    "name@agency.gov.tw"
expect "a day the calendar lacks says so, and how to write a date" \
    "到任日期「2026/02/30」不是實際存在的日期；請寫成 2024-05-08"
no_cut() {
	screen
	if grep -E '(不是|請寫|例如)[^│]*…' "$SCR"; then
		not_ok "$1: no reason is cut short with …"; dump
	else
		ok "$1: no reason is cut short with …"
	fi
}
no_cut "e-mail and start date"
# The e-mail put right; an end date longer than the field holds.
keys C-u
text lin@motc.gov.tw
keys Tab Tab Tab C-u
text 2026-01-05
keys Tab
text 明年一月底
keys C-s
expect "a date that does not read quotes all that was typed, and says how" \
    "卸任日期「明年一月底」不是日期：請寫成 2024-05-08、2024/5/8"
expect "… to the end of its reason" "1130508）"
no_cut "end date"
keys Escape
tui_stop
tui_done
