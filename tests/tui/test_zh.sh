#!/bin/sh
# test_zh.sh — the full-screen program in Traditional Chinese
# (LANG=zh_TW.UTF-8): every tab's heading, table header and status line
# in Chinese and inside 80x24 and 120x40, columns aligned in display
# cells, help and forms translated; a ROC date typed in a form is stored
# as ISO and shown as 民國; s sorts names by stroke count; with
# ambiguous_width = 2 the boxes are drawn in ASCII and nothing overflows.
. tests/lib.sh
. tests/tui/tui-lib.sh

TUI_LANG=zh_TW.UTF-8
TUI_READY='1 機關'
CONFIG=$XDG_CONFIG_HOME/ogpo/config
mkdir -p "$XDG_CONFIG_HOME/ogpo"
: >"$CONFIG"

demo_db
n=$(officer_count)

# fits W WHAT: no line of the screen is wider than W cells, and nothing
# shows a character cut or undecodable (\xNN, U+FFFD).
fits() {
	screen
	_w=$(wc -L <"$SCR")
	if [ "$_w" -le "$1" ] && ! grep -q '\\x[0-9a-f][0-9a-f]\|�' "$SCR"
	then
		ok "$2: fits in $1 cells"
	else
		not_ok "$2: fits in $1 cells (widest line $_w)"; dump
	fi
}

# status_ok WHAT: the status line ends in the position (N/M), whole.
status_ok() {
	screen
	if status_line | grep -qE ' [0-9]+/[0-9]+$'; then
		ok "$1: the status line ends in the position"
	else
		not_ok "$1: the status line ends in the position"; dump
	fi
}

for size in "80 24" "120 40"; do
	set -- $size
	cols=$1
	tui_start "zh$1" "$1" "$2"
	expect "${cols}: the tabs are named in Chinese" "2 人員"
	expect "${cols}: all of them, up to the seventh" "7 使用者"
	expect "${cols}: the agency tree heads in Chinese" "督導政務委員："
	expect "${cols}: its columns in Chinese" "代碼"
	expect "${cols}: its hints in Chinese" "Space 展開/收合"
	fits "$cols" "${cols}: agencies"
	status_ok "${cols}: agencies"
	keys 2
	expect "${cols}: 2 shows the officers in Chinese" "所有機關的人員"
	expect_pos "${cols}: all $n officers" "1/$n"
	expect "${cols}: the officers' columns in Chinese" "電子郵件"
	fits "$cols" "${cols}: officers"
	status_ok "${cols}: officers"
	# The e-mail column starts at one display column on every row.
	screen
	hw=$(sed -n 3p "$SCR" | sed 's/電子郵件.*//' | wc -L)
	widths=$(sed -n '4,$p' "$SCR" | grep '@' | sed 's/[^ ]*@.*//' |
	    while IFS= read -r l; do printf '%s' "$l" | wc -L; done |
	    sort -u)
	check "${cols}: the e-mail column lines up under its heading ($hw; rows: $(echo $widths))" \
	    [ "$widths" = "$hw" ]
	keys 3
	expect "${cols}: 3 shows meetings in Chinese" "會議，由新至舊"
	expect "${cols}: meeting kinds in Chinese" "工作"
	fits "$cols" "${cols}: meetings"
	status_ok "${cols}: meetings"
	keys 4
	expect "${cols}: 4 shows the cases in Chinese" "列管案件：按 p 填報辦理情形"
	fits "$cols" "${cols}: issues"
	status_ok "${cols}: issues"
	keys 5
	expect "${cols}: 5 shows compliance in Chinese" "違反實施要點之處"
	fits "$cols" "${cols}: compliance"
	keys '?'
	expect "${cols}: help in Chinese" "前往「人員」分頁"
	fits "$cols" "${cols}: help"
	esc
	expect_gone "${cols}: Esc closes help" "前往「人員」分頁"
	keys 2
	expect "${cols}: back on the officers" "所有機關的人員"
	keys a
	expect "${cols}: a opens the new officer form" "新增人員"
	expect "${cols}: its labels in Chinese" "到任日期"
	expect "${cols}: its key line in Chinese" "Ctrl-S：儲存"
	fits "$cols" "${cols}: the form"
	esc
	expect_gone "${cols}: Esc leaves the empty form" "新增人員"
	tui_stop
done

# --- a ROC date typed in a form ---------------------------------------------
echo 'date_style = roc' >"$CONFIG"
email=$("$OGPO" --db "$DB" list officers --tsv | awk -F '\t' 'NR == 2 { print $12 }')
tui_start roc 120 40
keys 2
expect "roc: the officers" "所有機關的人員"
keys /
text "$email"
keys Enter
expect "roc: search finds $email" "/$email"
keys e
expect "roc: e opens the form" "編輯人員"
keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
keys End C-u
text 民國113年5月8日
keys C-s
expect "roc: the form saves" "已儲存"
got=$("$OGPO" --db "$DB" list officers --tsv |
    awk -F '\t' -v e="$email" '$12 == e { print $15 }')
check "roc: 民國113年5月8日 is stored as 2024-05-08 ($got)" [ "$got" = 2024-05-08 ]
expect "roc: the detail shows the ROC date" "到任日期：113/05/08"
keys e
expect "roc: the form opens again" "編輯人員"
expect "roc: the form shows the date as 113/05/08" "113/05/08"
keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
keys End C-u
text 113/13/01
keys C-s
expect "roc: 113/13/01 is refused with a ROC example" "或民國年 113/05/08"
esc
keys y
tui_stop
got=$("$OGPO" --db "$DB" list officers --tsv |
    awk -F '\t' -v e="$email" '$12 == e { print $15 }')
check "roc: the refused date left the stored one ($got)" [ "$got" = 2024-05-08 ]

# --- stroke order -----------------------------------------------------------
echo 'name_order = stroke' >"$CONFIG"
first=$("$OGPO" --db "$DB" list officers --strokes --tsv |
    awk -F '\t' 'NR == 2 { print $5 }')
tui_start stroke 100 30
keys 2
expect "stroke: the officers" "所有機關的人員"
expect_sel "stroke: name_order = stroke puts $first first" "$first"
keys s
expect "stroke: s goes on to the agency order" "已依機關排序"
: >"$CONFIG"
tui_stop
tui_start stroke2 100 30
keys 2
expect "stroke2: the officers" "所有機關的人員"
keys s
expect "stroke2: s after the name sorts by strokes" "已依姓名筆畫排序"
keys Home
expect_sel "stroke2: $first comes first" "$first"
tui_stop

# --- ambiguous width 2 --------------------------------------------------------
printf 'ambiguous_width = 2\n' >"$CONFIG"
tui_start amb 80 24
keys 2
expect "amb: the officers" "所有機關的人員"
keys a
expect "amb: the form" "新增人員"
screen
if grep -q '+- 新增人員 -*+$' "$SCR" && grep -q '+-\{60,\}+' "$SCR"; then
	ok "amb: the form's box is drawn in ASCII"
else
	not_ok "amb: the form's box is drawn in ASCII"; dump
fi
if grep -q '[─│┌┐└┘]' "$SCR"; then
	not_ok "amb: no box-drawing character on the screen"; dump
else
	ok "amb: no box-drawing character on the screen"
fi
fits 80 "amb: the form"
esc
tui_stop

tui_done
