#!/bin/sh
# test_import_rejects_shown.sh — an officers' list whose rejected rows
# come after many good ones, imported on the screen at 80x24, in English
# and in Chinese: the dialog that asks whether to skip the rejected rows
# shows each of them with its reason (the first changes fill what room is
# left, in the file's order), says how many rows it does not show, and
# asks. When the text is taller than the screen (eight reasons), what is
# cut is said and the question stays.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
mkdir "$TMP/desk"
cd "$TMP/desk" || exit 1
{
	echo '姓名,機關,電子郵件,電話'
	for i in 1 2 3 4 5 6 7 8 9 10; do
		echo "林$i,內政部,t$i@x.gov.tw,02-2345-678$((i % 10))"
	done
	echo '林甲,內政部,ta@x.gov.tw,71234567'
	echo '林乙,內政部,tb@x.gov.tw,912345678'
} >many.csv

tui_start rejects 80 24
keys 2
expect "2 shows the officers" "Officers of all agencies"
keys : && text "import officers many.csv" && keys Enter
expect "the counts" "add 10, update 0, leave 0 unchanged,"
expect "the rejected count" "reject 2."
expect "row 12's reason, after ten good rows" \
    "row 12, column 電話: '71234567' looks like"
expect "row 13's" "row 13, column 電話: '912345678' looks like"
expect "the first changes, as many as leave room" "row 3: added 林2"
expect "how many rows are not shown" "… and 8 more rows, not shown"
expect "the question" "Import the good rows and skip the rejected ones?"
keys n
expect_gone "n closes it" "Import the good rows"
tui_stop

tui_start_zh rejects-zh
keys 2
keys : && text "import officers many.csv" && keys Enter
expect "zh: row 12's reason" "第 12 列，欄位 電話：「71234567」：看來是"
expect "zh: row 13's" "第 13 列，欄位 電話：「912345678」：看來是"
expect "zh: how many rows are not shown" "…另有 8 列未顯示"
expect "zh: the question stays" "匯入正確的列並略過退回的列？"
keys y
expect_gone "y imports" "匯入正確的列並略過退回的列？"
tui_stop
check "the good rows are stored" sh -c \
    "'$OGPO' --db '$DB' list officers --tsv | grep -q t10@x.gov.tw"
check "the rejected are not" sh -c \
    "! '$OGPO' --db '$DB' list officers --tsv | grep -q ta@x.gov.tw"

# Eight rows refused, each reason three lines at 80 columns.
{
	echo '姓名,機關,電子郵件,電話'
	for i in 1 2 3 4 5 6 7 8; do
		echo "周$i,內政部,z$i@x.gov.tw,7123456$i"
	done
} >eight.csv
tui_start_zh rejects8
keys 2
keys : && text "import officers eight.csv" && keys Enter
expect "eight refused: the first reason" "第 2 列，欄位 電話：「71234561」：看來是"
expect "what is cut is said" "…（超出畫面，未全部顯示）"
expect "the last line stays: r saves them" "按 r 可將退回的列"
keys Escape
tui_stop
tui_done
