#!/bin/sh
# test_zh_po.sh — an agency's new PO (an editor of 國軍退除役官兵輔導委員會),
# in Traditional Chinese at 80x24 and 100x30, doing the job from what
# the screen says:
# - the help window's status line says the help window's keys (PgDn, /,
#   Esc), not the page's beneath it, which do nothing there; a page's
#   key pressed there says to close the window first;
# - a case's window (Space on the Cases tab) likewise: m, which it says
#   starts a meeting, is said to wait until the window is closed;
# - D, with the cases narrowed to the agency, lists that agency's
#   deadlines alone, under its name, every one still open (a resolution
#   due in 40 days too), not only the next 14 days';
# - a roll call's status line offers I 匯入 at 80 columns (a Teams report
#   read in), and a list to tick (P, point 7's invitees) its own keys;
# - inviting one's own officer to another agency's meeting is refused
#   naming whom to ask: the agency that convenes it;
# - an export into a folder the PO may not write names the folder whole
#   and says to write to their home folder, where ~/ then writes it;
# - I on a roll call with no spreadsheet where ogpo started asks for the
#   path at once (a list holding only "type the path" took ~/ typed for a
#   filter and showed nothing), and ~/ there is the home folder;
# - a form's status line names keys as its last line does: Ctrl-S,
#   Shift-Tab;
# - a designation ended (E) whose successor's form is left unsaved says
#   the end stands, no successor was added, a adds one and u takes the
#   end back;
# - the topic vote offers a PO only what a PO may do (the coordinator
#   enters ballots and candidates).
#
# A real Unix account (made here, removed at the end) runs the real
# binary: this needs root, as the test machine is.
. tests/lib.sh
. tests/tui/tui-lib.sh

tui_account ogpzp

demo_db
tui_editor VAC
due=$(date -d '+10 days' +%Y-%m-%d)
"$OGPO" --db "$DB" add case title=榮民就養資訊公開與查詢便利化 lead=VAC \
    source=agency >/dev/null || not_ok "a case VAC leads"
m=$("$OGPO" --db "$DB" list meetings --tsv | awk -F '\t' \
    '$12 == "held" { print $1; exit }')
"$OGPO" --db "$DB" add resolution meeting="$m" \
    text=請盤點榮民服務開放資料 owner=VAC due="$due" >/dev/null ||
    not_ok "a resolution VAC owes"
"$OGPO" --db "$DB" add resolution meeting="$m" \
    text=請提報就養資訊查詢專區時程 owner=VAC \
    due="$(date -d '+40 days' +%Y-%m-%d)" >/dev/null ||
    not_ok "one VAC owes in 40 days"
# A PO of theirs named since the meetings were planned: point 7 would
# invite them.
"$OGPO" --db "$DB" add officer name=歐陽志明 agency=VAC role=po \
    email=ouyang@vac.gov.tw >/dev/null || not_ok "a new PO of VAC"
# The editor's home, and the folder ogpo is started in, theirs to read
# but not to write.
H=$TMP/home
mkdir -p "$H" "$TMP/desk"
chown "$ED" "$H"
printf '%s\n' '名稱	電子郵件	角色' '歐陽志明（國軍退除役官兵輔導委員會）		出席者' \
    >"$H/teams.csv"
chmod 755 "$TMP/desk"
cd "$TMP/desk" || exit 1
TUI_ENV="'HOME=$H'"

po() {	# po NAME COLS ROWS: the editor's ogpo, in Chinese
	TUI_AS="setpriv --reuid=$ED --regid=$GRP --clear-groups"
	tui_start_zh "$1" "$2" "$3"
	TUI_AS=
}

for size in "80 24" "100 30"; do
	set -- $size
	n=po$1
	po "$n" "$1" "$2"
	# --- the help ----------------------------------------------------
	keys '?'
	expect "$n: ? opens the help" "此處的按鍵"
	screen
	st=$(status_line | sed 's/ *$//')
	check "$n: the help's status line says its own keys ($st)" \
	    [ "$st" = "PgDn 下一頁  / 搜尋  Esc 關閉" ]
	keys a
	expect "$n: a page's key there says to close the help first" \
	    "a 是此視窗下方頁面的按鍵：請先按 Esc 關閉視窗，再按 a"
	esc
	expect_gone "$n: Esc closes the help" "此處的按鍵"
	# --- the agency's cases and what it owes -------------------------
	keys 4
	expect "$n: the Cases tab" "榮民就養資訊公開"
	keys f
	expect "$n: f asks which cases" "某機關（主責或協辦）"
	text 某機關
	keys Enter
	expect "$n: … which agency" "選擇機關"
	text 退除役
	keys Enter
	expect "$n: narrowed to the agency" "列管案件，機關：國軍退除役官兵輔導委員會"
	keys Space
	expect "$n: Space shows the case" "按 m 召開"
	screen
	check "$n: the case's window says its keys, ? too" sh -c \
	    "tail -n 1 '$SCR' | grep -q 'PgDn 下一頁  / 搜尋  Esc 關閉  ? 說明'"
	keys m
	expect "$n: m there is said to wait for the window to close" \
	    "m 是此視窗下方頁面的按鍵：請先按 Esc 關閉視窗，再按 m"
	esc
	expect_gone "$n: Esc closes it" "按 m 召開"
	keys D
	expect "$n: D names the agency whose deadlines it lists" \
	    "國軍退除役官兵輔導委員會的期限"
	expect "$n: … the resolution it owes" "請盤點榮民服務"
	expect "$n: … and one due after 14 days: every one still open" \
	    "請提報就養資訊查詢"
	check "$n: … and no other agency's" lacks_text "農業部"
	esc
	# --- a form names its keys as its last line does -----------------
	keys p
	expect "$n: p reports progress" "辦理情形"
	screen
	check "$n: the form's status line says Ctrl-S and Shift-Tab" sh -c \
	    "tail -n 1 '$SCR' | grep -q 'Shift-Tab 上一欄.*Ctrl-S 儲存'"
	esc
	expect_gone "$n: Esc leaves the form" "Ctrl-S：儲存"
	# --- an export where the PO may not write ------------------------
	keys :
	text "export cases -o 列管$1.ods"
	keys Enter
	expect "$n: the refusal names the folder whole" \
	    "無法寫入 列管$1.ods（資料夾 $TMP/desk）"
	expect "$n: … and where to write instead" "$H/列管$1.ods"
	keys Enter
	keys :
	text "export cases -o ~/列管$1.ods"
	keys Enter
	expect "$n: ~/ writes it in the home folder" "已寫入"
	check "$n: … the file is there" test -s "$H/列管$1.ods"
	# --- the next meeting's roll call --------------------------------
	keys 3
	expect "$n: the Meetings tab" "會議，由新至舊"
	keys Down Enter
	expect "$n: the roll call opens" "出席 0／受邀"
	screen
	check "$n: its status line offers I 匯入" sh -c \
	    "tail -n 1 '$SCR' | grep -q 'I 匯入'"
	check "$n: … and still the marks and the way out" sh -c \
	    "tail -n 1 '$SCR' | grep -q 'p 出席  o 線上.*Esc 關閉'"
	keys i
	expect "$n: i invites: which agency" "選擇機關"
	text 退除役
	keys Enter
	expect "$n: … which of its people" "邀請國軍退除役官兵輔導委員會的哪一位"
	keys Enter
	expect "$n: another agency's meeting: refused, saying whom to ask" \
	    "請洽召集該會議的"
	expect "$n: … the convener or an admin" "管理者代為邀請"
	keys Enter
	# A Teams report in the home folder, none where ogpo started: I
	# asks the path at once, and ~/ is the home folder.
	keys I
	expect "$n: I asks for the file's path at once" \
	    "從檔案匯入本會議的出席情形"
	text "~/teams.csv"
	keys Enter
	expect "$n: … then how the people listed came" "應如何登記"
	keys 1
	expect "$n: ~/ read from the home folder" "$H/teams.csv"
	keys Enter
	esc
	tui_stop
done

# --- a designation ended, the successor's form left unsaved -------------
po end 80 24
keys :
text "list officers --agency VAC"
keys Enter
expect "the agency's officers" "國軍退除役官兵輔導委員會的人員"
keys Home
sel_row
who=$(awk '{ print $1 }' "$TMP/sel")
keys E
expect "E asks the last day" "擔任"
keys Enter
expect "… then who takes over" "由誰接任？"
keys Down Enter
expect "a new officer: it says what it does first" "要儲存嗎？"
keys y
expect "the successor's form" "接任者"
esc
expect "left unsaved, the end is said to stand, and what to do" \
    "沒有新增接任者：按 a 新增"
# The topic vote is the coordinator's to enter: a PO is offered reading.
keys 4
expect "the Cases tab" "列管案件"
keys V
expect "V opens the topic vote" "議題票選 #"
screen
st=$(status_line | sed 's/ *$//')
check "the PO's vote offers what a PO may do ($st)" \
    [ "$st" = "v 其他票選  Esc 關閉  ? 說明" ]
esc
tui_stop
end=$("$OGPO" --db "$DB" list officers --tsv --agency VAC | awk -F '\t' \
    -v n="$who" '$5 == n { print $16 }' | head -1)
check "the database holds the end, as said ($who: '$end')" test -n "$end"

# --- a list to tick, over a roll call (the coordinator's) ----------------
tui_start_zh admin 80 24
keys 3
expect "the Meetings tab" "會議，由新至舊"
keys Enter
expect "the roll call opens" "出席 0／受邀"
keys P
expect "P lists point 7's invitees to tick" "空白鍵：切換並下移"
screen
st=$(status_line | sed 's/ *$//')
check "the list's status line says its own keys ($st)" \
    [ "$st" = "Space 勾選  Enter 繼續  Esc 取消  ? 說明" ]
esc
esc
keys 4
expect "the Cases tab" "列管案件"
keys V
expect "V opens the topic vote" "議題票選 #"
screen
check "the coordinator's vote offers entering ballots" sh -c \
    "tail -n 1 '$SCR' | grep -q 'b 選票'"
esc
tui_stop
tui_done
