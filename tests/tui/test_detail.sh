#!/bin/sh
# test_detail.sh — the detail popups (Enter on a row) say what a person
# can read: references to other records are shown by name, as the forms
# and the lists show them, not as the ids stored inside.
. tests/lib.sh
. tests/tui/tui-lib.sh

tsv() { "$OGPO" --db "$DB" list "$1" --tsv; }
# The popup line "LABEL: value" (its value, frame cut off).
popup_value() {
	grep -F "│ $1: " "$SCR" | head -1 | sed "s/.*│ $1: //; s/ *│.*//"
}
# check_value WHAT LABEL TEXT: the popup's LABEL line holds TEXT.
check_value() {
	v=$(popup_value "$2")
	case $v in
	*"$3"*) ok "$1" ;;
	*) not_ok "$1 ($2: '$v', no '$3')" ;;
	esac
}

# The demo is built around the clock, and the popups' resolutions, due
# dates and case numbers are compared whole as of one day: the day fixed,
# they hold whenever this runs.
OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW
demo_db
tsv agencies >"$TMP/agencies"
tsv officers >"$TMP/officers"
agency_name() { awk -F '\t' -v i="$1" '$1 == i { print $6 }' "$TMP/agencies"; }
officer_name() { awk -F '\t' -v i="$1" '$1 == i { print $5 }' "$TMP/officers"; }

# An issue with collaborating agencies and a PO in charge.
tsv issues | awk -F '\t' 'NR > 1 && $7 != "" && $8 != "" { print; exit }' \
    >"$TMP/issue"
ititle=$(cut -f 5 "$TMP/issue")
lead=$(agency_name "$(cut -f 6 "$TMP/issue")")
collab1=$(agency_name "$(cut -f 7 "$TMP/issue" | cut -d, -f1)")
po=$(officer_name "$(cut -f 8 "$TMP/issue")")
check "the demo has an issue with collaborators and a PO ($ititle)" \
    [ -n "$ititle" ] && [ -n "$collab1" ] && [ -n "$po" ]
# A meeting about an issue.
tsv meetings | awk -F '\t' 'NR > 1 && $13 != "" { print; exit }' >"$TMP/meeting"
mtitle=$(cut -f 6 "$TMP/meeting")
mis=$(tsv issues | awk -F '\t' -v i="$(cut -f 13 "$TMP/meeting")" \
    '$1 == i { print $5 }')
check "the demo has a meeting about an issue ($mtitle: $mis)" \
    [ -n "$mtitle" ] && [ -n "$mis" ]

tui_start detail 100 40

# --- an officer -------------------------------------------------------------
keys 2 Space
expect "Space on an officer shows the detail (Enter: training and rewards)" "Esc: close"
screen
check_value "officer: the agency by name" "Agency" "("
esc
expect_gone "Esc closes it" "Esc: close"

# --- an issue ------------------------------------------------------------------
keys 4 /
text "$ititle"
keys Enter
expect "search finds the issue" "/$ititle"
keys Enter
expect "Enter on the issue shows the detail" "Esc: close"
screen
check_value "issue: the lead agency by name" "Lead agency" "$lead"
check_value "issue: the collaborating agencies by name" \
    "Collaborating agencies" "$collab1"
check_value "issue: the PO in charge by name" "PO in charge" "$po"
esc
expect_gone "Esc closes it" "Esc: close"

# --- a meeting -----------------------------------------------------------------
keys 3 /
text "$mtitle"
keys Enter
expect "search finds the meeting" "/$mtitle"
keys Space
expect "Space on the meeting shows the detail (Enter takes attendance)" \
    "Esc: close"
screen
check_value "meeting: the case by its title" "Case" "$mis"
check_value "meeting: the convening agency by name" "Convening agency" "("
esc
expect_gone "Esc closes it" "Esc: close"

# --- a work meeting's page: what it resolved and the cases reported at it ----
# (the demo's November meeting resolved two and heard 115-12 and 115-16)
keys /
text "2026年11月開放政府聯絡人工作推動會議"
keys Enter Space
expect "the November meeting's page opens" "Esc: close"
expect "it lists its resolutions, each numbered" "│   1. 請主責機關於公共政策網路參與平臺公開回應"
expect "with its owner, due date and status" "(大陸委員會; due 2027-01-15;"
expect "and the cases reported there, by number, with who reported what" \
    "115-16 公共運輸票證整合, 交通部: 已與提案人電話聯繫。"
expect "before the long list of invitees" "Invitees: present"
esc
tui_stop

# The same page in Chinese at 80 columns: a sentence without spaces wraps
# between characters, never leaving a number alone on its line.
TUI_LANG=zh_TW.UTF-8 TUI_READY='1 機關'
tui_start detailzh 80 24
keys 3 /
text "2026年11月開放政府聯絡人工作推動會議"
keys Enter Space
expect "中文：本次會議報告的列管案件" "本次會議報告的列管案件"
expect "中文：決議事項 wraps between characters" \
    "│   1. 請主責機關於公共政策網路參與平臺公開回應並附辦理時程（大陸委員會；"
expect "中文：the rest hangs under the text" \
    "│     期限 2027-01-15；持續列管）"
lacks_text "│     ；" && ok "中文：a mark that closes a phrase never starts a line" ||
    not_ok "中文：a line starts with ；"
tui_done
