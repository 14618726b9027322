#!/bin/sh
# test_vote_forms.sh — the month's topic vote's ballots as the online forms
# deliver them: Google Forms' responses (時間戳記, 電子郵件地址, one cell
# listing the topics ticked, joined by ", ", a topic's own title holding a
# comma) as CSV and, through the real LibreOffice, as .xlsx; Microsoft
# Forms' (ID, 開始時間, 完成時間, 電子郵件, 名稱, answers joined by ";");
# a sheet typed by hand, a row per agency and V/✓/1 under each topic. A
# voter who submitted twice: the later counts, by the form's time, and the
# user is told. What cannot be read is refused all at once, each by row
# and column with what to do, and nothing is entered; a topic typed with
# a space or in full width is the topic; a ballot approving nothing is
# not entered, and said. --dry-run writes nothing. The tally and the
# dry run show no one's choices. Google's zip of the CSV is named as such.
#
#   OGPO=./ogpo sh tests/cli/test_vote_forms.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
DB=$TMP/db
OGPO_NOW="2026-12-06 10:00"
export OGPO_NOW
CALC=$(dirname "$0")/../tools/lo-calc.py

"$OGPO" --db "$DB" init --demo >/dev/null || { not_ok "init --demo"; exit 1; }
run add vote date=2026-11-20 title=十一月議題票選
V=$(sed -n 's/^Added vote #\([0-9]*\).*/\1/p' "$TMP/out")
for t in "推動開放資料, 含交通資料" 臺灣淨零路徑 候選乙 候選丙; do
	run add candidate vote="$V" "title=$t" source=機關提案 lead=MOI
done
check "a vote with four topics, one holding a comma" test -n "$V"

# approvals TITLE: the count the tally gives TITLE.
approvals() {
	run vote tally "$V"
	awk -v t="$1" 'index($0, " " t " (") { print $1 }' "$TMP/out" |
	    head -1
}
tally() {
	printf '%s %s %s %s' "$(approvals "推動開放資料, 含交通資料")" \
	    "$(approvals 臺灣淨零路徑)" "$(approvals 候選乙)" \
	    "$(approvals 候選丙)"
}

# --- Google Forms, CSV as its responses sheet downloads ------------------
printf '%s\r\n' '時間戳記,電子郵件地址,請勾選本月支持的議題（可複選）,其他意見' \
    '2026/11/18 上午 9:12:03,moi.po2@ogpo.example,"推動開放資料, 含交通資料, 候選乙",' \
    '2026/11/18 上午 10:01:44,mofa.po5@ogpo.example,"台灣淨零路徑, 推動開放資料, 含交通資料",無' \
    '2026/11/19 下午 2:15:30,moi.po2@ogpo.example,"候選 乙, 候選丙",改投' \
    >"$TMP/google.csv"
run vote import "$V" "$TMP/google.csv" --dry-run
status "Google Forms' responses: the dry run reads them" 0
contains "… says the voter who submitted twice has only the later counted" \
    "$TMP/out" "row 2: 廖書豪 <moi.po2@ogpo.example> submitted again later (row 4); only the later ballot counts"
contains "… and what would be entered" "$TMP/out" \
    "Would enter 2 ballots (2 new, 0 replaced)"
lacks "… naming no one's topics" "$TMP/out" "候選"
same "… and writes nothing" "$(tally)" "0 0 0 0"
run vote import "$V" "$TMP/google.csv"
status "Google Forms' responses are entered" 0
# 甲 (with its comma) once, 臺灣 (typed 台灣) once, 乙 (typed 候選 乙) and
# 丙 once: the first ballot of moi.po2 does not count.
same "the tally: the comma'd title whole, 台/臺 and a space alike, the later ballot" \
    "$(tally)" "1 1 1 1"

# --- the same form through LibreOffice, as .xlsx, sorted by e-mail -------
if calc_here; then
	cat >"$TMP/gf.csv" <<'CSV'
時間戳記,電子郵件地址,請勾選本月支持的議題（可複選）
2026-11-19 14:15:30,moi.po2@ogpo.example,"臺灣淨零路徑, 候選乙"
2026-11-18 09:12:03,moi.po2@ogpo.example,"推動開放資料, 含交通資料"
2026-11-18 10:01:44,mnd.po9@ogpo.example,"候選丙"
CSV
	cat >"$TMP/ms.csv" <<'CSV'
ID,開始時間,完成時間,電子郵件,名稱,請選擇本月議題
1,2026-11-18 09:00:00,2026-11-18 09:01:00,mof.po13@ogpo.example,吳冠廷,"推動開放資料, 含交通資料;候選乙;"
2,2026-11-18 10:00:00,2026-11-18 10:02:00,moe.po18@ogpo.example,余美玲,候選乙;
CSV
	cat >"$TMP/typed.csv" <<'CSV'
十一月議題票選（各機關填列）,,,,
機關,候選乙,候選丙,臺灣淨零路徑,推動開放資料，含交通資料
外交部,V,,✓,
財政部,,1,,
MOE,,,,
CSV
	{
		printf 'open\t%s\t44,34,76,1\n' "$TMP/gf.csv"
		printf 'save\t%s\n' "$TMP/gf.xlsx"
		printf 'close\nopen\t%s\t44,34,76,1\n' "$TMP/ms.csv"
		printf 'save\t%s\n' "$TMP/ms.xlsx"
		printf 'close\nopen\t%s\t44,34,76,1\n' "$TMP/typed.csv"
		printf 'save\t%s\n' "$TMP/typed.ods"
		printf 'close\n'
	} >"$TMP/steps"
	calc "$TMP/steps" "LibreOffice saves the forms' responses"
	run vote import "$V" "$TMP/gf.xlsx"
	status "Google Forms' .xlsx is entered" 0
	contains "… the later by the form's time counts, though above" \
	    "$TMP/out" "row 3: 廖書豪 <moi.po2@ogpo.example> submitted again later (row 2)"
	contains "… moi.po2's ballot replaced, mnd.po9's new" "$TMP/out" \
	    "Entered 2 ballots (1 new, 1 replaced)"
	same "… the tally" "$(tally)" "1 2 1 1"
	run vote import "$V" "$TMP/ms.xlsx"
	status "Microsoft Forms' .xlsx is entered" 0
	same "… its answers joined by ';' counted" "$(tally)" "2 2 3 1"
	run vote import "$V" "$TMP/typed.ods"
	status "a typed sheet of agencies, under a title row, is entered" 0
	contains "… the agency marking nothing is not entered, and said" \
	    "$TMP/out" "approves no topic: not entered as a ballot"
	# 外交部 (mofa.po5) now 乙 and 臺灣; 財政部 (mof.po13) now 丙; 教育部
	# (moe.po18) keeps its 乙.
	same "… V, ✓ and 1 are marks" "$(tally)" "0 2 3 2"
fi

# --- Google's download is a zip of the CSV: said so ------------------------
/usr/bin/python3 -c 'import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.write(sys.argv[2], "十一月議題票選.csv")' "$TMP/responses.zip" \
    "$TMP/google.csv"
run vote import "$V" "$TMP/responses.zip"
if [ "$rc" -eq 1 ] && grep -qF "responses.zip is a zip file holding 十一月議題票選.csv, not a spreadsheet itself (a form's responses are downloaded so): unzip it and give that file" "$TMP/err"; then
	ok "the responses' zip: the CSV in it named, and what to do"
else not_ok "the responses' zip: $(cat "$TMP/err")"; fi

# --- an address as a mail program copies it --------------------------------
printf '%s\n' '電子郵件,候選丙' '"廖書豪 <MOI.PO2@ogpo.example>",V' \
    'mailto:mofa.po5@ogpo.example,V' >"$TMP/mail.csv"
printf 'mnd.po9@ogpo.example\302\240,V\302\240\n' >>"$TMP/mail.csv"
run vote import "$V" "$TMP/mail.csv" --dry-run
status "'Name <address>', mailto: and a no-break space after it name the voter" 0
contains "… the three ballots would replace theirs" "$TMP/out" \
    "Would enter 3 ballots (0 new, 3 replaced)"

# --- a form that asks for the e-mail as a question of its own ------------
printf '%s\n' '時間戳記,請填寫您的電子郵件,本月議題' \
    '2026/11/18 上午 9:12:03,moi.po2@ogpo.example,候選乙' >"$TMP/q.csv"
run vote import "$V" "$TMP/q.csv" --dry-run
status "a question asking for the e-mail names the voter" 0
contains "… whose ballot would be replaced" "$TMP/out" \
    "Would enter 1 ballots (0 new, 1 replaced)"

# --- a title above the header, speaking of e-mail itself -------------------
printf '%s\n' '十一月議題票選（請以公務電子郵件填答）,,' \
    '時間戳記,電子郵件地址,本月議題' \
    '2026/11/18 上午 9:12:03,moi.po2@ogpo.example,候選乙' >"$TMP/titled.csv"
run vote import "$V" "$TMP/titled.csv" --dry-run
status "a title row that speaks of e-mail is not taken for the header" 0

# --- what cannot be read is refused, all of it at once -------------------
run vote tally "$V"
cp "$TMP/out" "$TMP/before"
cat >"$TMP/bad.csv" <<'CSV'
時間戳記,電子郵件地址,請勾選本月支持的議題（可複選）
2026/11/18 上午 9:12:03,nobody@example.com,候選乙
2026/11/18 上午 9:13:03,moi.sup4@ogpo.example,候選乙
2026/11/18 上午 9:14:03,mnd.po10@ogpo.example,"候選乙, 淨零路徑"
2026/11/18 上午 9:16:03,anonymous,候選丙
2026/11/18 上午 9:17:03,mofa.po5@ogpo.example,候選丙
CSV
run vote import "$V" "$TMP/bad.csv"
refused() {
	if [ "$rc" -eq 1 ] && grep -qF -- "$2" "$TMP/err"; then ok "$1"; else
		not_ok "$1 (exit $rc; wanted 1 and '$2' in:)"
		sed 's/^/#   /' "$TMP/err" "$TMP/out" | head -10
	fi
}
refused "an e-mail of no officer: its row and column, what to do" \
    "bad.csv: row 2, column 電子郵件地址: no officer has the e-mail 'nobody@example.com' (see ogpo list officers): correct it, or delete the row"
refused "a supervisor, who is no PO" \
    "row 3, column 電子郵件地址: 翁靜怡 <moi.sup4@ogpo.example> may not vote"
refused "a topic typed otherwise, the topic it may be named" \
    "row 4, column 請勾選本月支持的議題（可複選）: '淨零路徑' is none of vote #$V's topics"
check "… with the topic it may be" \
    grep -qE "Is it #[0-9]+ 臺灣淨零路徑\?" "$TMP/err"
refused "an anonymous response" "row 5, column 電子郵件地址: the form recorded no e-mail (anonymous)"
refused "… four rows refused, nothing entered" \
    "4 of the sheet's rows were refused, and no ballot was entered"
run vote tally "$V"
check "… and the tally is as it was" cmp -s "$TMP/out" "$TMP/before"

# --- an address the registry does not know, beside a PO's name ------------
printf '%s\n' 'ID,開始時間,完成時間,電子郵件,名稱,請選擇本月議題' \
    '1,2026-11-18 09:00,2026-11-18 09:01,liao.home@gmail.com,廖書豪,候選乙;' \
    >"$TMP/gmail.csv"
run vote import "$V" "$TMP/gmail.csv"
refused "an unknown address beside a PO's name: the registered one offered" \
    "row 2, column 電子郵件: no officer has the e-mail 'liao.home@gmail.com'; the row names 廖書豪, a PO registered as <moi.po2@ogpo.example>: if it is their ballot, write that address in the cell"

# --- an X is no mark; an agency of two POs names no voter ----------------
printf '機關,候選乙,候選丙\n國防部,V,\n內政部,X,\n' >"$TMP/x.csv"
run vote import "$V" "$TMP/x.csv"
refused "an X, which may mean either, is refused" \
    "row 3, column 候選乙: 'X' is no mark"
refused "an agency with two POs in office: add the e-mail" \
    "row 2, column 機關: 國防部 has 2 POs in office on 2026-11-20"

# --- a cell of more pieces than a ballot holds: the rest is not left out --
{
	echo '電子郵件,本月議題'
	printf 'moi.po2@ogpo.example,"'
	i=0; while [ $i -lt 140 ]; do printf '候選乙, '; i=$((i + 1)); done
	echo '開放國會"'
} >"$TMP/long.csv"
run vote import "$V" "$TMP/long.csv"
refused "a topic at the end of a long cell is read, and refused" "開放國會' is none"

# --- a sheet that names none of the topics ---------------------------------
printf '電子郵件,請選擇\nmoi.po2@ogpo.example,開放國會\n' >"$TMP/none.csv"
run vote import "$V" "$TMP/none.csv"
refused "a sheet with none of the vote's topics is refused, listing them" \
    "no column holds vote #$V's topics"

# --- secret: the tally names no one ---------------------------------------
run vote tally "$V"
lacks "the tally names no voter" "$TMP/out" "@ogpo.example"
lacks "… nor any voter's name" "$TMP/out" "廖書豪"

test_cleanup
