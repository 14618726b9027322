#!/bin/sh
# test_vote_import.sh — the collected ballots entered on the vote's screen
# (I), in Chinese at 80x24, as the coordinator meets them: a Google Forms
# response sheet with a refused row shows every refusal, by row and column,
# and enters nothing; the corrected sheet says what it would enter and who
# submitted twice (the later counts), asks (a long list of such rows cut
# so that the answers stay in view), and enters it; the tally on
# the screen and on the command line agree, naming no one's choices; the
# vote then closes with the two most approved.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-06 10:00"; export OGPO_NOW
demo_db
run() { "$OGPO" --db "$DB" "$@"; }
V=$(run add vote date=2026-12-01 title=十二月議題票選 |
    sed -n 's/^Added vote #\([0-9]*\).*/\1/p')
for t in "推動開放資料, 含交通資料" 臺灣淨零路徑 數位身分證; do
	run add candidate vote="$V" "title=$t" source=機關提案 lead=MOI \
	    >/dev/null
done
check "a December vote with three topics" test -n "$V"

printf '%s\r\n' '時間戳記,電子郵件地址,請勾選本月支持的議題（可複選）' \
    '2026/12/2 上午 9:12:03,moi.po2@ogpo.example,"推動開放資料, 含交通資料, 數位身分證"' \
    '2026/12/2 上午 10:01:44,mofa.po5@ogpo.example,"台灣淨零路徑, 推動開放資料, 含交通資料"' \
    '2026/12/3 下午 2:15:30,moi.po2@ogpo.example,"推動開放資料, 含交通資料"' \
    '2026/12/3 下午 3:00:00,nobody@example.com,數位身分證' >"$TMP/form.csv"

tui_start_zh vote 80 24
keys 4
expect "the Cases tab" "列管案件"
keys V
expect "V opens this month's vote" "議題票選 #$V：十二月議題票選"
screen
check "its hints offer the import" has_text "I 匯入"
keys I
expect "I asks for the file" "從檔案登錄選票"
text "$TMP/form.csv"
keys Enter
expect "a refused row: nothing entered" "未登錄任何選票"
expect "… the row and column named" "form.csv：第 5 列，電子郵件地址 欄"
expect "… and what to do" "若不是聯"
esc
expect_gone "Esc closes it" "未登錄任何選票"
check "nothing was entered" sh -c "'$OGPO' --db '$DB' vote list |
    grep -q '^$V .* 0/64 '"

# A sheet where each of six POs submitted three times: the rows not
# entered are listed as far as they leave the answers in view.
{
	echo '時間戳記,電子郵件地址,請勾選本月支持的議題（可複選）'
	for e in moi.po2 mofa.po5 mnd.po9 mnd.po10 mof.po13 moe.po18; do
		for h in 1 2 3; do
			echo "2026/12/2 上午 $h:00:00,$e@ogpo.example,數位身分證"
		done
	done
} >"$TMP/thrice.csv"
keys I
expect "I for the sheet of many submissions" "從檔案登錄選票"
text "$TMP/thrice.csv"
keys Enter
expect "it asks first" "登錄這些選票？"
expect "… the rows past those shown counted" "……另有 8 列不登錄"
expect "… with the answers in view" "2 取消"
keys 2
expect_gone "2 cancels" "登錄這些選票？"
check "nothing was entered" sh -c "'$OGPO' --db '$DB' vote list |
    grep -q '^$V .* 0/64 '"

sed -i '$d' "$TMP/form.csv"
keys I
expect "I again" "從檔案登錄選票"
text "$TMP/form.csv"
keys Enter
expect "it asks first" "登錄這些選票？"
expect "… saying what it would enter" "2 張選票（新增 2 張"
expect "… and who submitted twice: the later counts" "之後又填答一次（第 4"
screen
check "… naming no one's topics" lacks_text "臺灣淨零路徑）"
keys 1
expect "the ballots are entered" "已登錄 2 張選票（新增 2 張，取代 0 張）"
screen
check "the screen's tally: 2 for the comma'd topic, whole" \
    grep -qE '^│ +2 +#[0-9]+ +推動開放資料, 含交通資料 ' "$SCR"
check "… 數位身分證 none (moi.po2's earlier ballot does not count)" \
    grep -qE '^│ +0 +#[0-9]+ +數位身分證' "$SCR"
check "… 臺灣淨零路徑 1 (typed 台灣)" \
    grep -qE '^│ +1 +#[0-9]+ +臺灣淨零路徑' "$SCR"
run vote tally "$V" >"$TMP/tally"
contains "the command line's tally agrees" "$TMP/tally" "2 of 64 eligible POs voted"
lacks "… and names no voter" "$TMP/tally" "@ogpo.example"

keys C
expect "C asks to close" "結束議題票選 #$V？"
keys y
expect "the vote is closed" "議題票選 #$V 已結束"
tui_stop
run vote tally "$V" >"$TMP/tally"
contains "the comma'd topic is a case, whole" "$TMP/tally" \
    "推動開放資料, 含交通資料 (#"
tui_done
