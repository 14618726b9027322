#!/bin/sh
# test_zh_newcomer.sh — a newly named PO's first hour in Traditional
# Chinese at 80x24, where a newcomer was left without a word:
# - the help says the command line's key on one line, not 補 and 全
#   wrapped apart;
# - a search and the command line (:) say how they end; a search that
#   finds no one in an agency's officers says the list shows part, and
#   which key shows all;
# - a course's competencies (point 8) are marked [x] in their pick list,
#   as picking one again turns it off, and listed with 、;
# - an officer's page lists the four competencies whole, one to a line
#   where two would cut one, and a reward's kind and reason with a
#   full-width colon;
# - a case's form, taller than the screen, says how many fields lie
#   below and above the ones shown;
# - the meeting and resolution forms call their case 列管案件, not 議題;
# - a saved report's own full stop is not said twice; the topic vote
#   numbers its candidates 編號, not 案號;
# - a roll call's status line says how to leave it, and parts a proxy
#   from a note with ；;
# - a month's attendance written again names the file it would replace;
#   taken for a list of officers, its header is read out with 、;
# - the compliance tab counts its findings in words (共 N 項);
# - the audit names an attendance 出席紀錄, its person and meeting side
#   by side (not "NAME 出席 MEETING" of one who was away), its agency by
#   name, not by number;
# - an editor without the agencies they may edit is refused, as ogpo
#   user add refuses one;
# - Ctrl-C says which key leaves ogpo.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW
demo_db
# Someone at another agency than the first in the tree (行政院).
who=$("$OGPO" --db "$DB" list officers --tsv --agency MODA |
    awk -F '\t' 'NR == 2 { print $5 }')
# Files are written where ogpo was started.
mkdir -p "$TMP/desk"
cd "$TMP/desk" || exit 1

tui_start_zh newcomer
# --- the help ------------------------------------------------------------
keys '?'
expect "? shows the keys" "此處的按鍵"
keys NPage
expect "the command line's key is said on one line at 80 columns" \
    "輸入指令（:export、:list、:audit、:q …；Tab 補全）"
esc
expect_gone "Esc closes the help" "此處的按鍵"
# --- a search in one agency's officers ----------------------------------
keys Enter
expect "Enter on 行政院 lists its officers" "行政院的人員（F 顯示全部）"
keys /
expect "/ says how a search ends" "Enter：確定    Esc：取消"
text "$who"
keys Enter
expect "no one found there says the list shows part, and F shows all" \
    "目前列出的部分沒有符合「$who」的項目；按 F 顯示全部"
keys F
expect "F shows every agency's officers" "所有機關的人員"
keys /
text "$who"
keys Enter
expect_sel "… where the search finds $who" "$who"

# --- an officer's page -------------------------------------------------------
# The demo's first officer has a course and a reward.
po1=$("$OGPO" --db "$DB" list officers --tsv | awk -F '\t' '$1 == 2 { print $5 }')
kind=$("$OGPO" --db "$DB" list rewards --tsv | awk -F '\t' '$5 == 2 { print $7; exit }')
keys /
text "$po1"
keys Enter
expect_sel "the search finds $po1" "$po1"
keys Enter
expect "Enter opens $po1's page" "第八點核心能力"
expect "the first competency is whole" "溝通轉譯（利害關係人溝通、開放資料、轉譯）"
expect "a reward's kind and reason part with a full-width colon" "$kind："
esc
expect_gone "Esc closes the page" "第八點核心能力"
keys /
text "$who"
keys Enter
expect_sel "back on $who" "$who"

# --- a course's competencies ---------------------------------------------
keys t
expect "t opens a course for $who" "培訓課程（第八點）"
keys Tab Tab
text 公共參與入門
keys Tab F2
expect "F2 lists the competencies, none on" "[ ] 主持"
keys Down Enter
expect_gone "Enter turns 主持 on and closes the list" "切換核心能力"
keys F2
expect "the list marks 主持 on" "[x] 主持"
expect "… and 記錄 off" "[ ] 記錄"
keys Down Down Enter
expect "two competencies are listed with 、" "核心能力  主持、記錄"
esc
expect "Esc asks before the typed course is thrown away" "捨棄您在此表單"
keys y
expect_gone "y throws it away" "培訓課程（第八點）"


# --- a form taller than the screen -----------------------------------------
keys 4
expect "4: the cases" "列管案件：按 p"
keys a
expect "a opens a new case" "新增案件"
expect "the frame says fields lie below, and Tab goes on" "欄，按 Tab 往下"
screen
lacks_text "上方還有" && ok "… and none above" || { not_ok "… and none above"; dump; }
keys End
keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
expect "past the screen's foot the frame says fields lie above" "上方還有"
esc
expect_gone "Esc closes the untouched form" "新增案件"

# --- the case a meeting or a resolution concerns ---------------------------
keys 3
expect "3: the meetings" "會議，由新至舊"
keys a
expect "a opens a new meeting" "新增會議"
expect "its case is called 列管案件" "│  列管案件 "
screen
lacks_text "│  議題 " && ok "… not 議題" || { not_ok "… not 議題"; dump; }
esc
expect_gone "Esc closes the untouched form" "新增會議"
keys R
expect "R: the meeting's resolutions" "決議事項"
keys a
expect "a opens a new resolution" "新增決議事項"
expect "its case is called 列管案件" "│  列管案件 "
esc
expect_gone "Esc closes the untouched form" "新增決議事項"
esc

# --- the topic vote ----------------------------------------------------------
keys 4
expect "4: the cases" "列管案件：按 p"
keys p
expect "p reports progress on the first case" "辦理情形"
text "已完成資料盤點。"
keys C-s
expect "saved, the report is quoted with one full stop" \
    "已儲存「已完成資料盤點」。"
keys V
expect "V: the topic vote" "議題票選"
expect "its candidates are numbered 編號" "票數   編號   候選議題"
esc
expect_gone "Esc closes it" "候選議題"
keys 3
expect "3: the meetings" "會議，由新至舊"

# --- a roll call ------------------------------------------------------------
# The quarter's policy meeting, held, with someone who sent a proxy.
down_to "政策協調聯繫會議"
keys Enter
expect "Enter takes the roll call" "狀態     機關"
screen
check "its status line says how to leave it" \
    sh -c 'tail -n 1 "$1" | grep -q "Esc 關閉"' - "$SCR"
down_to "代理出席"
keys c
text 遲到
keys Enter
expect "a proxy and a note part with a full-width semicolon" "；遲到"
esc
expect_gone "Esc leaves it" "狀態     機關"
keys Home

# --- the month's attendance, twice ----------------------------------------
keys x
expect "x asks for the month" "匯出哪個月份的出席紀錄"
keys Enter
expect "… then for the file" "寫入檔案"
keys Enter
expect "the month is written" "的出席紀錄"
keys x
expect "x again asks for the month" "匯出哪個月份的出席紀錄"
keys Enter
expect "… then for the file" "寫入檔案"
keys Enter
expect "the same name asks before writing over it, naming it" \
    "」已存在，要覆寫嗎？"
expect "… by its name" "「出席紀錄-"
keys n
expect_gone "n keeps it" "已存在"
keys 2
expect "2: the officers" "所有機關的人員"
keys i
expect "i asks which file, offering the month's" "出席紀錄-"
keys Enter
expect "the sheet is not a list of officers" "無法匯入"
screen
sed -n 's/^[^│]*│ *//; s/ *│[^│]*$//; p' "$SCR" | tr -d '\n' >"$TMP/refusal"
check "… and its header is read out with 、" \
    grep -qF '標題列為：日期、會議類別、' "$TMP/refusal"
keys Enter
expect_gone "Enter closes it" "無法匯入"
keys 3
expect "3: the meetings" "會議，由新至舊"

# --- the compliance tab and the audit --------------------------------------
n=$("$OGPO" --db "$DB" check --tsv | awk 'END { print NR - 1 }')
keys 5
expect "5: the findings are counted in words ($n)" \
    "違反實施要點之處：截至 2026-12-07 共 $n 項"
keys :
expect ": says what to type and how it ends" \
    "輸入指令（:help 列出全部）    Tab：補全    Enter：確定    Esc：取消"
text "audit --entity attendance"
keys Enter
expect "the audit narrowed to attendance" "稽核軌跡，"
# The first record made (新增) says every field.
down_to "新增"
keys Enter
expect "Enter shows an attendance record as 出席紀錄" "│ 出席紀錄："
screen
check "… its person and meeting side by side" \
    grep -qE '出席紀錄：[^ ]+（[0-9]{4}-[0-9]{2}-[0-9]{2} ' "$SCR"
# The change, its lines joined (it wraps in the box).
sed -n 's/^[^│]*│ *//; s/ *│[^│]*$//; p' "$SCR" | tr -d '\n' >"$TMP/change"
check "… its agency by name" grep -qE '；機關 [^；0-9]+（[A-Z0-9]+）；' \
    "$TMP/change"
esc

# --- an editor of nothing ----------------------------------------------------
keys 7
expect "7: the users" "誰可以使用資料庫"
keys a
expect "a opens a new user, an editor" "新增使用者"
text newpo
keys C-s
expect "an editor without agencies is refused, saying what to do" \
    "請指定編輯者可編輯的機關，或改選其他角色"
esc
keys y
expect_gone "the form is thrown away" "新增使用者"
screen
lacks_text "newpo" && ok "… and no such user was saved" ||
    { not_ok "… and no such user was saved"; dump; }

# --- leaving -------------------------------------------------------------
keys C-c
expect "Ctrl-C says q leaves ogpo" "<C-c> 不會離開 ogpo；要離開請按 q"
keys q
if wait_exit 5; then ok "q leaves"; else not_ok "q leaves"; dump; fi

tui_done
