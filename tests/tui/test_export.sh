#!/bin/sh
# test_export.sh — the Meetings pane's Export action: x asks for the month
# (the chosen meeting's offered) and the file (attendance-YYYY-MM.csv
# here), writes it for Excel (BOM, CRLF) and says how many rows went where
# (the file's whole path). S writes the chosen meeting's sign-in sheet, s
# the month's summary per agency.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
mkdir -p "$TMP/here"
cd "$TMP/here" || exit 1
last=$(date -d "$(date +%Y-%m-15) -1 month" +%Y-%m)
rows=$("$OGPO" --db "$DB" export attendance --month "$last" --plain |
    awk 'END { print NR - 1 }')

tui_start export 100 30
keys 3
expect "the meetings are listed" "Meetings, newest first"
# The newest meeting is next month's, planned; the one below it is last
# month's: x offers the chosen meeting's month.
keys Down x
expect "x asks for the month" "Export the attendance of which month"
expect "the chosen meeting's month is offered" "$last"
keys Enter
expect "then for the file" "attendance-$last.csv"
keys Enter
expect "the result names the rows and the file, whole" \
    "Wrote $rows rows of $last's attendance to $(pwd -P)/attendance-$last.csv"
check "the file is there" test -f "attendance-$last.csv"
check "it starts with the UTF-8 BOM (Excel)" \
    sh -c "head -c 3 'attendance-$last.csv' | od -An -tx1 | grep -q 'ef bb bf'"
check "its lines end in CRLF" \
    sh -c "head -1 'attendance-$last.csv' | od -An -c | grep -q '\\\\r'"
# S: the sign-in sheet of the chosen meeting.
mid=$("$OGPO" --db "$DB" list meetings --tsv | awk -F '\t' 'NR == 3 { print $1 }')
keys S
expect "S asks where the sign-in sheet goes" "Write the sign-in sheet to the file"
expect "signin-N.csv is offered" "signin-$mid.csv"
keys Enter
expect "the sign-in sheet is written" "Wrote the sign-in sheet"
check "… to signin-$mid.csv" test -f "signin-$mid.csv"
"$OGPO" --db "$DB" export signin "$mid" --excel -o "$TMP/signin.csv" >/dev/null
check "… as ogpo export signin writes it" cmp -s "signin-$mid.csv" \
    "$TMP/signin.csv"
# s: the month's summary per agency.
keys s
expect "s asks for the month to summarise" "Summarise the attendance of which month"
keys Enter
expect "… and the file" "attendance-summary-$last.csv"
keys Enter
expect "the summary is written" "Wrote $last's summary"
check "… with its total row (合計)" grep -q "合計" "attendance-summary-$last.csv"
keys x
expect "x again" "Export the attendance of which month"
keys C-u
text "2024-13"
keys Enter
expect "a bad month is explained" "Write the month as 2024-05."
esc
tui_done
