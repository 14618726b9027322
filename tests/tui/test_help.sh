#!/bin/sh
# test_help.sh — the help says what the keys do, at 80x24 and 120x40, in
# English and Chinese: f narrows officers, cases (by stage) and the audit
# trail (not only officers to an agency); i imports .ods, .xlsx or CSV; a help line too long for the screen
# goes on under its text, never at the box's left edge where a word
# would look like a heading.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db

# Lines in the help box whose text starts at the box's left edge right
# under an indented line (a key's): the rest of that line, wrapped to
# where a heading would stand.
flush_words() {
	screen
	awk -F '│' 'NF >= 3 { t = $2
		if (prev ~ /^   +[^ ]/ && t ~ /^ [^ ]/ && t !~ /PgUp/) print t
		prev = t }' "$SCR" >"$TMP/flush"
	[ ! -s "$TMP/flush" ]
}

run() {	# run LANG READY COLS ROWS
	TUI_LANG=$1 TUI_READY=$2
	zh=0
	[ "$1" = zh_TW.UTF-8 ] && zh=1
	L() { if [ $zh = 1 ]; then echo "$2"; else echo "$1"; fi; }
	n=help$3$( [ $zh = 1 ] && echo zh || echo en)
	tui_start "$n" "$3" "$4"
	for tab in 2 4 6; do
		keys $tab
		sleep 0.2
		keys '?'
		expect "$n: tab $tab: f narrows the audit trail too" \
		    "$(L 'narrow the list' '縮小清單')"
		if [ "$tab" = 2 ]; then
			expect "$n: i imports any spreadsheet, not only CSV" \
			    "$(L '(.ods, .xlsx or CSV)' '.ods、.xlsx')"
			expect "$n: f narrows cases by stage" \
			    "$(L 'cases by' '列管案件依')"
		fi
		if flush_words; then
			ok "$n: tab $tab: no wrapped word at the help's left edge"
		else
			not_ok "$n: tab $tab: no wrapped word at the help's left edge ($(tr '\n' ' ' <"$TMP/flush"))"
			dump
		fi
		keys PPage
		for page in 1 2 3 4 5 6; do
			keys NPage
			sleep 0.1
			flush_words || break
		done
		if [ -s "$TMP/flush" ]; then
			not_ok "$n: tab $tab: … on any page ($(tr '\n' ' ' <"$TMP/flush"))"
			dump
		else
			ok "$n: tab $tab: … on any page"
		fi
		esc
		# The next tab's key only once the help is closed: read
		# together with the Escape it would be Meta-key.
		wait_gone "$(L '─ Help ─' '─ 說明 ─')" 10 ||
		    not_ok "$n: tab $tab: Esc closes the help"
	done
	tui_stop
}

run C.UTF-8 '1 Agencies' 80 24
run C.UTF-8 '1 Agencies' 120 40
run zh_TW.UTF-8 '1 機關' 80 24
run zh_TW.UTF-8 '1 機關' 120 40
tui_done
