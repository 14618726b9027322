#!/bin/sh
# test_cmdline.sh — the ":" command line, at 80x24 and 120x40, in English
# and in Chinese: Tab completes the command, its words and its options;
# :export writes the file the command line's export would (checked by
# ogpo itself reading it back) and names it by its full path; :list
# officers --agency opens the Officers tab on that agency; :audit filters
# the Audit tab; a command the screen does not run says where to run it,
# an unknown one says so; :q leaves. A key bound to nothing says so and
# names the help key. The help lists the commands.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
# The program runs here: a file named without a directory lands here.
OUT=$TMP/out
mkdir -p "$OUT"
cd "$TMP" || exit 1

run() {	# run LANG READY COLS ROWS
	TUI_LANG=$1 TUI_READY=$2
	zh=0
	[ "$1" = zh_TW.UTF-8 ] && zh=1
	n=cmd$3$( [ $zh = 1 ] && echo zh || echo en)
	tui_start "$n" "$3" "$4"
	L() { if [ $zh = 1 ]; then echo "$2"; else echo "$1"; fi; }

	# Completion: the command, then its word, then its option (each
	# with the space after it: what is typed next is a new word).
	keys :
	text ex
	keys Tab
	expect "$n: Tab completes the command" ":export"
	text at
	keys Tab
	expect "$n: … and the kind" ":export attendance"
	text --mo
	keys Tab
	expect "$n: … and the option" ":export attendance --month"
	text "2026-11 -o out/$n.ods"
	keys Enter
	# The whole path where there is room for it; its directory at least.
	if [ "$3" -ge 120 ]; then
		expect "$n: the export is said with its full path" "$OUT/$n.ods"
	else
		expect "$n: the export is said with its full path" "$OUT/"
	fi
	check "$n: the file is written" test -s "$OUT/$n.ods"
	# A kind other than attendance is offered only the option it takes.
	keys :
	text "export officers --"
	keys Tab
	expect "$n: officers: -- completes to --output" \
	    ":export officers --output"
	screen
	check "$n: … --month not offered" lacks_text "--month"
	esc
	keys :
	text "export officers -o out/$n.csv"
	keys Enter
	expect "$n: :export officers is said with its full path" "$OUT/"
	"$OGPO" --db "$DB" export officers -o "$OUT/$n-cli.csv" >/dev/null 2>&1
	check "$n: … and holds what ogpo export officers writes" \
	    cmp -s "$OUT/$n.csv" "$OUT/$n-cli.csv"

	# Several choices: shown, the common part filled in.
	keys :
	text a
	keys Tab
	expect "$n: several commands that begin so are shown" "audit"
	expect "$n: … add too" "add"
	esc

	keys :
	text "list officers --agency MOI"
	keys Enter
	expect "$n: :list officers --agency opens that agency's officers" \
	    "$(L 'Officers of 內政部' '內政部的人員')"

	keys :
	text "audit --login nobody"
	keys Enter
	expect "$n: :audit filters the Audit tab" "login:nobody"

	keys :
	text frobnicate
	keys Enter
	expect "$n: an unknown command is said" \
	    "$(L 'No command :frobnicate here' '沒有 :frobnicate 這個指令')"
	keys :
	text backup
	keys Enter
	expect "$n: a command for the shell says where to run it" \
	    "$(L 'run ogpo backup in a shell' '請在命令列執行 ogpo backup')"

	keys Z
	expect "$n: a key bound to nothing says so" \
	    "$(L 'Z does nothing here; ? shows the keys' 'Z 在此沒有作用；按 ? 看按鍵')"

	keys '?'
	keys /
	text ":export KIND"
	keys Enter
	expect "$n: the help lists the commands" ":export KIND [MEETING]"
	keys q
	sleep 0.3
	keys :
	text q
	keys Enter
	if wait_exit 5; then ok "$n: :q leaves"; else not_ok "$n: :q leaves"; fi
	tui_stop
}

run C.UTF-8 '1 Agencies' 80 24
run C.UTF-8 '1 Agencies' 120 40
run zh_TW.UTF-8 '1 機關' 80 24
run zh_TW.UTF-8 '1 機關' 120 40
tui_done
