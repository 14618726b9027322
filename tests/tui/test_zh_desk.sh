#!/bin/sh
# test_zh_desk.sh — a month at the desk in Traditional Chinese at 80x24,
# looking for what the program says in words of its own: the header keeps
# who you are when the database's place does not fit; the Users tab's
# heading, the audit filter's question and the invitation checklist's
# keys are whole; a case's timeline writes its colon full-width; the
# files offered for the month's attendance and a sign-in sheet are named
# in Chinese, as the sheets inside them; the compliance finding for an
# escalated case names it by its number (案號); what was saved is quoted;
# an overdue case says so in words; cases narrowed to none and officers
# narrowed to an agency say how to see them all; the deadlines and a
# meeting's invitees line up.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW

demo_db
# POs whose names are two and four characters long.
"$OGPO" --db "$DB" add officer name=林立 agency=MOI role=po \
    email=lin.li@moi.example >/dev/null
"$OGPO" --db "$DB" add officer name=歐陽志明 agency=MOFA role=po \
    email=ouyang@mofa.example >/dev/null
login=$(id -un)
serial=$("$OGPO" --db "$DB" list cases --tsv | awk -F '\t' \
    '$1 == 2 { print $9 }')
mkdir -p "$TMP/desk"
cd "$TMP/desk" || exit 1

tui_start_zh desk
screen
head -1 "$SCR" >"$TMP/header"
if grep -q " $login *\$" "$TMP/header"; then
	ok "the header ends in the login, whole ($login)"
else
	not_ok "the header ends in the login, whole ($login)"; dump
fi

keys 7
expect "7: the Users tab's heading is whole" "檢視者只能檢視"
lacks_text "檢視者只…" && ok "… not cut" || { not_ok "… not cut"; dump; }

keys 6
expect "6: the audit" "稽核軌跡"
keys f
expect "f asks for the filter with its whole syntax" \
    "until:today 文字）"
esc
expect_gone "Esc closes the question" "until:today"

keys 5
expect "5: an escalated case is named by its number" \
    "$serial 再生能源設置"
lacks_text "#2 再生" && ok "… not by its record number" ||
    { not_ok "… not by its record number"; dump; }

keys 4
expect "4: the cases" "列管案件：按 p"
# An overdue case says so in words after its date, as resolutions do:
# a colour is lost on the selected row, in mono and to some eyes.
screen
check "4: an overdue case is marked in words" \
    grep -qE '[0-9]{4}-[0-9]{2}-[0-9]{2} （逾期）' "$SCR"
# D: what is owed; what each deadline is starts at one display column
# whether it is 逾期 22 天 or 8 天後到期.
keys D
expect "D lists the deadlines" "期限：已逾期及"
screen
cols=$(grep -E '(回應平臺提案|執行決議事項|聯繫提案人)：' "$SCR" |
    sed 's/^[^│]*│//; s/\(回應平臺提案\|執行決議事項\|聯繫提案人\)：.*//' |
    while IFS= read -r l; do printf '%s' "$l" | wc -L; done | sort -u)
check "the deadlines' kinds line up ($(echo $cols))" \
    sh -c '[ -n "$1" ] && [ "$(echo "$1" | wc -l)" -eq 1 ]' - "$cols"
esc
keys Enter
expect "Enter shows a case" "歷程："
expect "its timeline says who, with a full-width colon" "$login：開啟為"
lacks_text "$login: " && ok "… and no half-width one" ||
    { not_ok "… and no half-width one"; dump; }
esc
# Narrowed to a stage no case is at: the cases are there, F brings
# them back (not "no cases yet: a adds one").
keys f
expect "f asks which cases" "顯示哪些案件？"
text 撤案
keys Enter
expect "no case at that stage: F shows them all" "篩選後沒有案件：按 F 顯示全部。"
lacks_text "尚無案件" && ok "… not that there are none" ||
    { not_ok "… not that there are none"; dump; }
keys F
expect_gone "F shows them all again" "篩選後沒有案件"
# Progress reported: the message quotes what was saved, so it does not
# run on into the words before it (已儲存已完成…).
keys p
expect "p asks for the progress" "辦理情形"
text 已完成介接測試
keys C-s
expect "the saved progress is quoted" "已儲存「已完成介接測試」。"

# A new meeting of today (who came is marked from its day on): the
# invitation checklist's keys, whole at 80 columns.
keys 3
expect "3: the meetings" "會議，由新至舊"
keys a
expect "a: a new meeting" "新增會議"
keys Tab
text 十二月工作會議
keys Tab C-u
text 2026-12-07
keys C-s
expect "the invitees are proposed" "依第七點邀請"
expect "the checklist says Space moves on, and Esc cancels" \
    "空白鍵：切換並下移   Enter：繼續   Esc：取消"
keys Enter
expect "the attendance sheet opens" "十二月工作會議"
keys p
expect "one marked present" "出席 1／受邀"
# The month's attendance: a Chinese file name is offered.
keys X
expect "X asks for the month" "2026-12"
keys Enter
expect "the file offered is named in Chinese" "出席紀錄-2026-12.ods"
lacks_text "attendance-" && ok "… with no English word" ||
    { not_ok "… with no English word"; dump; }
keys Enter
expect "it is written" "列寫入"
keys S
expect "S offers the sign-in sheet in Chinese" "簽到表-"
lacks_text "signin-" && ok "… with no English word" ||
    { not_ok "… with no English word"; dump; }
esc
esc
# Closing the sheet of a meeting of today asks whether it was held,
# naming it with no spaces around its name.
expect "closing asks: held?" "十二月工作會議已於 2026-12-07 舉行"
keys y
# The meeting's detail: who is invited, in columns, whatever the length
# of a name.
expect "back on the meetings" "會議，由新至舊"
keys Space
expect "Space shows the meeting" "受邀者："
keys PgDn
screen
cols=$(grep '受邀  ' "$SCR" | grep '聯絡人' | sed 's/^[^│]*│//; s/聯絡人.*//' |
    while IFS= read -r l; do printf '%s' "$l" | wc -L; done | sort -u)
check "the invitees' roles line up ($(echo $cols))" \
    sh -c '[ -n "$1" ] && [ "$(echo "$1" | wc -l)" -eq 1 ]' - "$cols"
esc
# Enter on an agency narrows the officers to it; the heading says how to
# see them all again, as the cases' does.
keys 1
expect "1: the agencies" "督導政務委員"
keys Down
keys Enter
expect "Enter on 內政部: its officers, and the way back to all" \
    "內政部的人員（F 顯示全部）"
keys F
expect "F: all of them" "所有機關的人員"
tui_stop
check "the month's attendance is in the file offered" \
    test -s "$TMP/desk/出席紀錄-2026-12.ods"
tui_done
