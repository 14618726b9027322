#!/bin/sh
# test_export.sh — the Meetings pane's Export action: x asks for the month
# (last month offered) and the file (attendance-YYYY-MM.ods here, or a
# name of one's own: .xlsx, or .csv for Excel with its BOM and CRLF),
# writes it and says how many rows went where.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
TOOL=$(pwd)/build/tools/table-tool
mkdir -p "$TMP/here"
cd "$TMP/here" || exit 1
last=$(date -d "$(date +%Y-%m-15) -1 month" +%Y-%m)
rows=$("$OGPO" --db "$DB" export attendance --month "$last" --plain |
    awk 'END { print NR - 1 }')

tui_start export 100 30
keys 3
expect "the meetings are listed" "Meetings, newest first"
keys x
expect "x asks for the month" "Export the attendance of which month"
expect "last month is offered" "$last"
keys Enter
expect "then for the file, an OpenDocument spreadsheet" "attendance-$last.ods"
keys Enter
expect "the result names the rows and the file" \
    "Wrote $rows rows of $last's attendance to attendance-$last.ods"
check "the file is there" test -f "attendance-$last.ods"
check "it is a spreadsheet with a row per invitee and the header" sh -c \
    "'$TOOL' dump 'attendance-$last.ods' | wc -l | grep -qx $((rows + 1))"
keys x
expect "x again" "Export the attendance of which month"
keys Enter
expect "the file asked again" "attendance-$last.ods"
keys C-u
text "出席.pdf"
keys Enter
expect "a name of no spreadsheet is explained" \
    "Name the file .ods, .xlsx or .csv."
keys C-u
text "attendance-$last.csv"
keys Enter
expect "a .csv name writes CSV" \
    "Wrote $rows rows of $last's attendance to attendance-$last.csv"
check "it starts with the UTF-8 BOM (Excel)" \
    sh -c "head -c 3 'attendance-$last.csv' | od -An -tx1 | grep -q 'ef bb bf'"
check "its lines end in CRLF" \
    sh -c "head -1 'attendance-$last.csv' | od -An -c | grep -q '\\\\r'"
keys x
expect "x again" "Export the attendance of which month"
keys C-u
text "2024-13"
keys Enter
expect "a bad month is explained" "Write the month as 2024-05."
esc
tui_done
