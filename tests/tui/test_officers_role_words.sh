#!/bin/sh
# test_officers_role_words.sh — the officers list says a designation
# still to come or ended in words with its role (incoming Alternate,
# ended Supervisor; 候任工作小組, 卸任督導), whole: at 80x24 the role's
# column takes what e-mail can spare rather than cut the role off, in
# English and in Chinese.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-08 10:00"
export OGPO_NOW
TUI_ENV="OGPO_NOW='2026-12-08 10:00'"
demo_db
"$OGPO" --db "$DB" add officer name=丁候任 agency=MOI role=alternate \
    email=ding@moi.gov.tw civil_servant=yes start_date=2026-12-09 \
    >/dev/null 2>&1 || not_ok "an alternate who starts tomorrow"
"$OGPO" --db "$DB" add officer name=王候任 agency=MOI role=member \
    function=it email=wang@moi.gov.tw civil_servant=yes \
    start_date=2026-12-20 >/dev/null 2>&1 || not_ok "a member to come"
sup=$("$OGPO" --db "$DB" list officers --agency MOI --tsv | awk -F '\t' \
    '$7 == "supervisor" { print $1 "\t" $5; exit }')
"$OGPO" --db "$DB" set officer "${sup%%	*}" end_date=2026-12-01 \
    >/dev/null 2>&1 || not_ok "MOI's supervisor ended"
sup=${sup#*	}

row_is() { grep -F -- "$1" "$SCR" | grep -qF -- "$2"; }
expect_row() {
	if poll "${4:-5}" row_is "$2" "$3"; then ok "$1"; else
		not_ok "$1 ($2 not '$3':)"; dump
	fi
}
# moi NAME: NAME's officers of 內政部 (f, then MOI picked).
moi() {
	keys 2
	keys f
	text MOI
	keys Enter
	expect "$1: 內政部's officers" "$2"
}
tui_start en 80 24
moi en "Officers of 內政部"
expect_row "the alternate to come is said so, whole" 丁候任 \
    "incoming Alternate"
expect_row "so is the member" 王候任 "incoming Member"
expect_row "and the supervisor who left" "$sup" "ended Supervisor"
check "the e-mail still shows" has_text "ding@moi"
tui_stop

tui_start_zh zh
moi zh "內政部的人員"
expect_row "in Chinese: 候任代理人" 丁候任 候任代理人
expect_row "候任工作小組, whole" 王候任 候任工作小組
expect_row "卸任督導" "$sup" 卸任督導
tui_stop
tui_done
