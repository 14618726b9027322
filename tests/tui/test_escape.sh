#!/bin/sh
# test_escape.sh — text from the database never reaches the terminal raw.
# Core refuses control characters (ESC, C1) in a record; a bidi override
# (U+202E, "Trojan Source") is accepted as text, so the screen must draw
# it escaped as <U+202E>: in the list, the tree, the detail panel and
# popup, a form, and the search line.
. tests/lib.sh
. tests/tui/tui-lib.sh

BIDI=$(printf '\342\200\256')	# U+202E RIGHT-TO-LEFT OVERRIDE

# raw_free WHAT: the coloured capture holds no raw U+202E.
raw_free() {
	screen -e
	if grep -q "$BIDI" "$SCR"; then
		not_ok "$1: no raw U+202E reaches the terminal"
		grep "$BIDI" "$SCR" | od -c | head -5 | sed 's/^/#   /'
	else
		ok "$1: no raw U+202E reaches the terminal"
	fi
}

demo_db
n=$(officer_count)

# --- core refuses control characters --------------------------------------
"$OGPO" --db "$DB" add officer name="$(printf 'Evil\033]0;pwned\007')" \
    agency=MOI role=po email=evil@example.gov.tw >"$TMP/out" 2>&1
rc=$?
check "add refuses a name with ESC (exit $rc)" [ "$rc" -eq 1 ]
contains "the refusal says why" "$TMP/out" "control character"
"$OGPO" --db "$DB" add officer name="$(printf 'C1\302\233x')" \
    agency=MOI role=po email=evil@example.gov.tw >"$TMP/out" 2>&1
rc=$?
check "add refuses a name with a C1 control, U+009B (exit $rc)" [ "$rc" -eq 1 ]
contains "that refusal says why too" "$TMP/out" "control character"
check "nothing was added" [ "$(officer_count)" -eq "$n" ]

# --- a bidi override is data, drawn escaped --------------------------------
check "add accepts an agency named 機關<U+202E>測試" sh -c "'$OGPO' --db '$DB' \
    add agency code=BIDI name='機關${BIDI}測試' parent=MOI level=3 >/dev/null"
# "A" sorts before every demo name: the first row of the officers list.
check "add accepts an officer named A<U+202E>B" sh -c "'$OGPO' --db '$DB' \
    add officer name='A${BIDI}B' title='X${BIDI}Y' agency=BIDI role=po \
    email=bidi@example.gov.tw >/dev/null"

tui_start escape 100 30
keys Down Right
expect "the tree shows the agency escaped" "機關<U+202E>測試"
raw_free "tree"

keys 2
expect_pos "officers" "1/$((n + 1))"
expect "the list shows the name escaped" "A<U+202E>B"
expect "the list shows the title escaped" "X<U+202E>Y"
raw_free "list"
# Columns still line up: the escape takes the cells it is drawn in.
screen
hw=$(sed -n 3p "$SCR" | sed 's/E-mail.*//' | wc -L)
bw=$(grep -F 'A<U+202E>B' "$SCR" | head -1 | sed 's/[^ ]*@.*//' |
    { IFS= read -r l; printf '%s' "$l" | wc -L; })
check "the e-mail column of that row starts where the title's does ($bw = $hw)" \
    [ "$bw" = "$hw" ]


# From 120 columns a detail panel shows the selected officer.
tx resize-window -t "$TUI_S" -x 120 -y 40
expect "the detail panel shows the name escaped" "Name: A<U+202E>B"
expect "the detail panel shows the agency escaped" \
    "Agency: 機關<U+202E>測試 (BIDI)"
expect "the detail panel shows the title escaped" "Title: X<U+202E>Y"
raw_free "detail panel"

# Back at 100 columns popups and forms cover the list: what they show is
# their own.
tx resize-window -t "$TUI_S" -x 100 -y 30
expect_gone "no detail panel at 100x30" "Name: A<U+202E>B"
keys Enter
expect "Enter shows the detail popup" "Esc: close"
expect "the popup's title shows the name escaped" "─ A<U+202E>B ─"
expect "the popup's text shows it escaped" "Name: A<U+202E>B"
raw_free "detail popup"
esc
expect_gone "Esc closes the popup" "Esc: close"

keys e
expect "e opens the form" "Edit officer"
expect "the form's Name field shows the name escaped" "A<U+202E>B"
raw_free "edit form"
esc
expect_gone "Esc leaves the unchanged form" "Edit officer"

keys End /
text "$BIDI"
expect "the search line shows the typed override escaped" "/<U+202E>"
raw_free "search line"
keys Enter
expect_pos "the search finds the officer" "1/$((n + 1))"
raw_free "search message"
esc
tui_done
