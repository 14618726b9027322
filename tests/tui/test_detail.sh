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
check_value "meeting: the issue by its title" "Issue" "$mis"
check_value "meeting: the convening agency by name" "Convening agency" "("
esc
expect_gone "Esc closes it" "Esc: close"
tui_done
