#!/bin/sh
# test_officer_phone.sh — at 100x30, in Chinese and in English, the
# officers list shows a phone number with its extension whole (the number
# is what the desk calls), not cut with … .
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
row=$("$OGPO" --db "$DB" list officers --tsv | awk -F '\t' \
    'NR > 1 && $14 != "" { print $5 "\t" $13 "#" $14; exit }')
name=${row%%	*}
phone=${row#*	}

for lang in zh_TW.UTF-8 C.UTF-8; do
	TUI_LANG=$lang
	[ "$lang" = C.UTF-8 ] && TUI_READY='1 Agencies' || TUI_READY='1 機關'
	tui_start "phone${lang%%.*}" 100 30
	keys 2 /
	text "$name"
	keys Enter
	expect "$lang: $name's row shows the phone and extension whole ($phone)" \
	    "$phone"
	tui_stop
done
tui_done
