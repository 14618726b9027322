#!/bin/sh
# test_export.sh — the Meetings pane's Export action: x asks for the month
# (the chosen meeting's offered) and the file (attendance-YYYY-MM.ods
# here, or a name of one's own: .xlsx, or .csv for Excel with its BOM and
# CRLF), writes it and says how many rows went where (the file's whole
# path). S writes the chosen meeting's sign-in sheet, s the month's
# summary per agency.
. tests/lib.sh
. tests/tui/tui-lib.sh

# Last month's meeting is the demo's, built around the clock: the day
# fixed (the program's in tmux too), it is the same whenever this runs.
OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW
demo_db
TOOL=$(pwd)/build/tools/table-tool
mkdir -p "$TMP/here"
cd "$TMP/here" || exit 1
last=$(date -d "$(echo "$OGPO_NOW" | cut -c1-7)-15 -1 month" +%Y-%m)
rows=$("$OGPO" --db "$DB" export attendance --month "$last" --plain |
    awk 'END { print NR - 1 }')
# Last month's work meeting, found by its title.
ltitle="${last%-*}年${last#*-}月開放政府聯絡人工作推動會議"
ltitle=$(printf '%s' "$ltitle" | sed 's/年0/年/')

tui_start export 100 30
keys 3
expect "the meetings are listed" "Meetings, newest first"
# The newest meetings are next month's and this month's; / finds last
# month's: x offers the chosen meeting's month.
keys /
text "$ltitle"
keys Enter x
expect "x asks for the month" "Export the attendance of which month"
expect "the chosen meeting's month is offered" "$last"
keys Enter
expect "then for the file, an OpenDocument spreadsheet" "attendance-$last.ods"
keys Enter
expect "the result names the rows and the file, whole" \
    "Wrote $rows rows of $last's attendance to $(pwd -P)/attendance-$last.ods"
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
    "Wrote $rows rows of $last's attendance to $(pwd -P)/attendance-$last.csv"
check "it starts with the UTF-8 BOM (Excel)" \
    sh -c "head -c 3 'attendance-$last.csv' | od -An -tx1 | grep -q 'ef bb bf'"
check "its lines end in CRLF" \
    sh -c "head -1 'attendance-$last.csv' | od -An -c | grep -q '\\\\r'"
# S: the sign-in sheet of the chosen meeting.
mid=$("$OGPO" --db "$DB" list meetings --tsv |
    awk -F '\t' -v t="$ltitle" '$6 == t { print $1 }')
keys S
expect "S asks where the sign-in sheet goes" "Write the sign-in sheet to the file"
expect "signin-N.ods is offered" "signin-$mid.ods"
keys Enter
expect "the sign-in sheet is written" "Wrote the sign-in sheet"
check "… to signin-$mid.ods" test -f "signin-$mid.ods"
"$OGPO" --db "$DB" export signin "$mid" -o "$TMP/signin.ods" >/dev/null
"$TOOL" dump "signin-$mid.ods" >"$TMP/a" 2>&1
"$TOOL" dump "$TMP/signin.ods" >"$TMP/b" 2>&1
check "… as ogpo export signin writes it" cmp -s "$TMP/a" "$TMP/b"
# s: the month's summary per agency.
keys s
expect "s asks for the month to summarise" "Summarise the attendance of which month"
keys Enter
expect "… and the file" "attendance-summary-$last.ods"
keys Enter
expect "the summary is written" "Wrote $last's summary"
check "… with its total row (合計)" sh -c \
    "'$TOOL' dump 'attendance-summary-$last.ods' | grep -q 合計"
keys x
expect "x again" "Export the attendance of which month"
keys C-u
text "2024-13"
keys Enter
expect "a bad month is explained" "Write the month as 2024-05."
esc
tui_stop

# At 80x24 in Chinese, from a folder deep enough that the sentence runs
# past the status line: it takes the rows above, whole (the file's full
# path is what a person needs), and gives them back at the next key.
deep="$TMP/here/每月出席紀錄-給各機關開放政府聯絡人的資料夾/第二層資料夾"
mkdir -p "$deep"
cd "$deep" || exit 1
TUI_LANG=zh_TW.UTF-8 TUI_READY="1 機關"
tui_start export-zh 80 24
keys 3 /
text "$ltitle"
keys Enter x
expect "x asks for the month, in Chinese" "匯出哪個月份的出席紀錄"
keys Enter
expect "… and the file" "出席紀錄-$last.ods"
keys Enter
wait_for "列寫入" >/dev/null
# The sentence, its lines joined (spaces aside, as a line may break at
# one): nothing of it is cut.
joined() { screen; tail -n 3 "$SCR" | tr -d ' \n'; }
want=$(printf '%s' "已將 $last 的出席紀錄 $rows 列寫入 $(pwd -P)/出席紀錄-$last.ods。" |
    tr -d ' ')
same_joined() { joined | grep -qF -- "$want"; }
if poll 5 same_joined; then ok "the whole path is on the screen, wrapped"
else not_ok "the whole path is on the screen, wrapped"; dump; fi
check "the file is there" test -f "出席紀錄-$last.ods"
keys j
expect "the next key gives the rows back" "在此沒有作用"
expect_gone "… and the sentence goes" "列寫入"
tui_done
