#!/bin/sh
# test_import_complete.sh — the file prompt of i (import officers) and
# the ":" command line's -o complete a file name on Tab: as far as the
# matching names agree, a second Tab lists them, ~/ is the home
# directory, a directory gets its '/'; hidden files stay out unless a
# '.' is typed. At 80x24 and 120x40, in English and in Chinese; the
# completed name is the file imported.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
D=$TMP/home/匯入
mkdir -p "$D/子目錄" "$D/.hidden"
"$OGPO" --db "$DB" export officers -o "$D/名冊2026.csv" >/dev/null ||
    not_ok "an officers file to import"
: >"$D/名冊2027.xlsx"
: >"$D/.名冊舊.csv"
TUI_ENV="HOME=$(shquote "$TMP/home")"
# ogpo started in a folder holding a spreadsheet, so that i lists it
# with the way to type a path (in one holding none it asks at once).
mkdir -p "$TMP/desk"
printf 'name,email\n' >"$TMP/desk/其他名冊.csv"
cd "$TMP/desk" || exit 1

# prompt LANG READY COLS ROWS PICK-TYPED: i, the list's last choice (type
# the path), then Tab.
complete() {
	TUI_LANG=$1 TUI_READY=$2
	tui_start "ic-$3-${1%%.*}" "$3" "$4"
	keys 2 i
	expect "$1 $3x$4: i offers the files" "$5"
	keys End Enter
	expect "$1 $3x$4: the path prompt says Tab completes" "$6"
	text '~/匯'
	keys Tab
	expect "$1 $3x$4: ~/ is the home, the directory gets its /" \
	    "$TMP/home/匯入/"
	text 名
	keys Tab
	expect "$1 $3x$4: Tab goes as far as the names agree" "匯入/名冊202"
	screen
	check "$1 $3x$4: … and lists nothing yet" lacks_text "名冊2027.xlsx"
	keys Tab
	expect "$1 $3x$4: a second Tab lists them" "名冊2026.csv  名冊2027.xlsx"
	screen
	check "$1 $3x$4: … not the hidden one" lacks_text "名冊舊"
	text 6
	keys Tab
	expect "$1 $3x$4: one match: its whole name" "匯入/名冊2026.csv"
	keys Enter
	expect "$1 $3x$4: that file is read for the import" "$7" 15
	tui_stop
}

complete C.UTF-8 '1 Agencies' 80 24 '(type the file' 'Tab: complete' \
    'unchanged, 0 rejected'
complete C.UTF-8 '1 Agencies' 120 40 '(type the file' 'Tab: complete' \
    'unchanged, 0 rejected'
complete zh_TW.UTF-8 '1 機關' 80 24 '（輸入檔案' 'Tab：補全' '筆不變'
complete zh_TW.UTF-8 '1 機關' 120 40 '（輸入檔案' 'Tab：補全' '筆不變'

# The command line's -o: a directory, then hidden ones only after a '.'.
TUI_LANG=C.UTF-8 TUI_READY='1 Agencies'
tui_start ic-cmd 100 30
keys :
text "export officers -o $D/子"
keys Tab
expect ":export -o completes the directory" "匯入/子目錄/"
keys C-u
text "export officers -o $D/."
keys Tab
expect "… a '.' typed: the hidden ones too" ".名冊舊.csv"
keys Escape
tui_done
