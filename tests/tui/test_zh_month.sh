#!/bin/sh
# test_zh_month.sh — a coordinator's first month in Traditional Chinese at
# 80x24, where the words were cut or crooked:
# - the roll call's status and role columns are as wide as their words,
#   so the agency column holds 行政院公共工程委員會 and, once one of its
#   officers is invited, 國軍退除役官兵輔導委員會 whole, names lined up;
#   the list to invite from names its agency, and lines up each one's
#   title whatever the width of the role before it (代理人, 工作小組);
# - an officer list that leaves out officers in office names their agency
#   國軍退除役官兵輔導委員會（VAC）and each of them 姓名（#N）, with
#   full-width brackets, as the rest of the Chinese screens do; a
#   supervisor's row without a kind names the column to fill (督導類別);
# - a meeting's resolutions, whose owners and text their columns cut, are
#   read whole under the list for the one selected;
# - a month without a held work meeting is said to lack it that month
#   (該月), not this month (本月), which is another;
# - Tab after :export lists every kind the month may be written as,
#   wrapped above the command line, not cut at 80 columns;
# - a pick list and a form say their own keys on the status line, not the
#   page's under them (which would only type), help on F1, as ? types.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW
demo_db
mtitle=$("$OGPO" --db "$DB" list meetings --tsv |
    awk -F '\t' '$7 == "2026-12-15" { print $6 }')
vac=$("$OGPO" --db "$DB" list officers --tsv --agency VAC |
    awk -F '\t' 'NR == 2 { print $5 }')
vacid=$("$OGPO" --db "$DB" list officers --tsv --agency VAC |
    awk -F '\t' 'NR == 2 { print $1 }')
# An officer list of one new PO of VAC, as an agency sends it; files are
# read where ogpo was started.
mkdir -p "$TMP/desk"
printf '%s\r\n' '姓名,機關,職稱,角色,電子郵件,是否為公務人員' \
    '林志明,國軍退除役官兵輔導委員會,專門委員,聯絡人,lin.cm@vac.gov.tw,是' \
    '陳怡君,國軍退除役官兵輔導委員會,科長,督導,chen.yj@vac.gov.tw,是' \
    >"$TMP/desk/聯絡人名冊.csv"
cd "$TMP/desk" || exit 1

# name_col NAME: the display column NAME starts at on the screen.
name_col() {
	grep -F -- "$1" "$SCR" | head -n 1 | sed "s/$1.*//" | wc -L
}

tui_start_zh month
# --- the roll call ------------------------------------------------------
keys 3
expect "3: the meetings" "會議，由新至舊"
keys /
text "$mtitle"
keys Enter
expect_sel "the month's work meeting is found" "$mtitle"
keys Enter
expect "Enter opens its roll call" "代理人、備註"
keys End
expect "the agency column holds 行政院公共工程委員會 whole" \
    "行政院公共工程委員會 "
keys +
expect "+ asks for the agency" "選擇機關"
screen
st=$(status_line | sed 's/ *$//')
check "the status line says the pick list's keys ($st)" \
    [ "$st" = "Enter 選擇  Esc 取消  F1 說明" ]
text 退除役
keys Enter
expect "… then whom of it" "邀請國軍退除役官兵輔導委員會的哪一位？"
# Each officer's title starts in one column.
screen
cols=$("$OGPO" --db "$DB" list officers --tsv --agency VAC |
    awk -F '\t' 'NR > 1 { print $11 }' | while IFS= read -r ti; do
	grep -F -- "$ti" "$SCR" | grep '│' | head -n 1 | sed "s/$ti.*//" |
	    wc -L
    done | sort -u)
check "titles line up in the list to invite from ($(echo $cols))" \
    [ "$(echo "$cols" | wc -l)" = 1 ]
text "$vac"
keys Enter
expect "$vac of 國軍退除役官兵輔導委員會 is invited, the agency whole" \
    "國軍退除役官兵輔導委員會 $vac"
screen
a=$(name_col "$vac")
b=$(name_col "姓名")
check "its name starts under the heading 姓名 ($a, $b)" [ "$a" = "$b" ]
esc
expect_gone "Esc closes the roll call" "代理人、備註"
# --- the resolutions it reviews -------------------------------------------
keys R
expect "R: the meeting's resolutions" "本次審查前次會議決議"
expect "the first is read whole under the list" "2026-09-15-1：（逾期）"
keys Down Down Down
expect "Down: the fourth, its two owners whole" \
    "機關：國家發展委員會、國立故宮博物院；到期日：2026-11-15）"
keys a
expect "a: a new resolution" "新增決議事項"
screen
st=$(status_line | sed 's/ *$//')
check "the status line says the form's keys ($st)" \
    [ "$st" = "Tab 下一欄  Shift-Tab 上一欄  F2 選擇  Ctrl-S 儲存  Esc 取消  F1 說明" ]
keys '?'
expect "? types in the field" "│  決議事項  ?"
esc
expect "Esc asks before the typed ? is thrown away" "捨棄您在此表單"
keys y
expect_gone "y throws it away" "新增決議事項"
esc
expect_gone "Esc closes them" "本次審查前次會議決議"
# --- an officer list ----------------------------------------------------------
keys 2
expect "2: the officers" "所有機關的人員"
keys i
expect "i asks for the file" "從哪個檔案匯入人員？"
text 聯絡人名冊
keys Enter
expect "the list says what it adds" "新增林志明"
expect "… and names the column a supervisor's row lacks" \
    "第 3 列：督導須填「督導類別」：副首長或資訊長，請擇一"
expect "… and names the agency it leaves officers of as 名稱（代碼）" \
    "國軍退除役官兵輔導委員會（VAC）：有"
expect "… and each officer left as 姓名（#N）" "$vac（#$vacid）"
keys n
expect_gone "n writes nothing" "新增林志明"
# --- compliance ---------------------------------------------------------------
# November's work meeting, cancelled elsewhere meanwhile.
nov=$("$OGPO" --db "$DB" list meetings --tsv |
    awk -F '\t' '$7 == "2026-11-15" { print $1 }')
"$OGPO" --db "$DB" set meeting "$nov" status=cancelled >/dev/null ||
    not_ok "set meeting $nov status=cancelled"
keys 5
expect "5: November lacks a held work meeting, that month" \
    "2026-11              該月未召開工作推動會議（第七點）"
screen
lacks_text "本月未召開" && ok "… not 本月, which is December" ||
    { not_ok "… not 本月, which is December"; dump; }
# --- the month's files ----------------------------------------------------------
keys :
text "export "
keys Tab
expect "Tab lists what :export writes, the first" "attendance  signin"
expect "… to the last, not cut at 80 columns" "agenda  decisions"
esc
expect_gone "Esc closes the command line" "agenda  decisions"
tui_stop

tui_done
