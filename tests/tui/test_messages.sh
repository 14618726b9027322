#!/bin/sh
# test_messages.sh — a status-line message lasts until the next thing
# happens: a tab switch clears it, and a later success replaces an
# earlier refusal (80x24 in English, 120x40 in Chinese).
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db

run_case() {
	TUI_LANG=$1 TUI_READY=$2
	zh=0
	[ "$1" = zh_TW.UTF-8 ] && zh=1
	n=msg$3$( [ $zh = 1 ] && echo zh || echo en)
	L() { if [ $zh = 1 ]; then echo "$2"; else echo "$1"; fi; }
	tui_start "$n" "$3" "$4"

	keys 1
	keys '%'
	expect "$n: an unknown key is said" "$(L 'does nothing here' '在此沒有作用')"
	keys 2
	expect "$n: 2 shows the officers" "$(L 'Officers of all' '所有機關的人員')"
	expect_gone "$n: the tab switch clears the message" \
	    "$(L 'does nothing here' '在此沒有作用')"
	keys '%'
	expect "$n: the unknown key is said again" \
	    "$(L 'does nothing here' '在此沒有作用')"
	keys :
	text "export officers -o $TMP/$n.csv"
	keys Enter
	expect "$n: the export is said" "$(L 'Wrote' '已寫入')"
	expect_gone "$n: and the refusal before it is gone" \
	    "$(L 'does nothing here' '在此沒有作用')"
	tui_stop
}

run_case C.UTF-8 '1 Agencies' 80 24
run_case zh_TW.UTF-8 '1 機關' 120 40
tui_done
