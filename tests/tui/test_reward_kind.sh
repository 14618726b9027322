#!/bin/sh
# test_reward_kind.sh — the reward form's Kind (類別) says which values it
# usually takes, in the screen's language, under the field once it is
# reached, and F2 picks one (the field stays free text); at 80x24 and
# 120x40, in Traditional Chinese and English. The database holds what
# was picked.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
rewards() { "$OGPO" --db "$DB" list rewards --tsv | cut -f 7; }

# reward LANG READY COLS ROWS HINT PICKED FIND SAVED: open the reward
# form of the first officer, reach Kind, see HINT, pick the second value
# with F2 (its list shows FIND) and save (SAVED); the database then holds
# a reward of the kind PICKED.
reward() {
	TUI_LANG=$1 TUI_READY=$2
	tui_start "reward-$3" "$3" "$4"
	keys 2
	keys w
	wait_for '┐' 5 || { not_ok "$1 $3x$4: w opens the form"; dump; }
	keys Tab Tab
	expect "$1 $3x$4: Kind shows its usual values" "$5"
	keys F2
	expect "$1 $3x$4: F2 lists them" "$6"
	keys Down Enter
	expect_gone "$1 $3x$4: the pick list closes" "$7"
	keys C-s
	expect "$1 $3x$4: the reward is saved" "$8"
	tui_stop
	if rewards | grep -qxF "$6"; then
		ok "$1 $3x$4: the database holds the reward's kind $6"
	else
		not_ok "$1 $3x$4: the database holds the reward's kind $6"
		rewards
	fi
}

reward zh_TW.UTF-8 '1 機關' 80 24 "F2：可選 嘉獎、記功、記大功、獎狀、獎金" \
    記功 '尋找：' 已儲存「記功」。
reward C.UTF-8 '1 Agencies' 120 40 \
    "F2: choose from Commendation, Merit, Major merit, Certificate, Bonus" \
    Merit 'Find:' 'Saved Merit.'
reward zh_TW.UTF-8 '1 機關' 120 40 "F2：可選 嘉獎、記功、記大功、獎狀、獎金" \
    記功 '尋找：' 已儲存「記功」。
# At 80 columns the English hint wraps under the field, never cut.
TUI_LANG=C.UTF-8 TUI_READY='1 Agencies'
tui_start reward-en80 80 24
keys 2 w
expect "80x24 English: w opens the reward form" "Reward (point 9)"
keys Tab Tab
expect "80x24 English: the hint's first line" "F2: choose from Commendation, Merit,"
expect "… and the rest under it" "│           Bonus"
screen
lacks "… nothing cut" "$SCR" "…│"
tui_done
