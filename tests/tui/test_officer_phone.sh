#!/bin/sh
# test_officer_phone.sh — at 100x30, in Chinese and in English, the
# officers list shows a phone number with its extension whole (the number
# is what the desk calls), not cut with … ; at 80x24, where both do not
# fit, the number whole without the extension.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
row=$("$OGPO" --db "$DB" list officers --tsv | awk -F '\t' \
    'NR > 1 && $14 != "" { print $5 "\t" $13 "#" $14; exit }')
name=${row%%	*}
phone=${row#*	}
number=${phone%#*}

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
	tui_start "phone80${lang%%.*}" 80 24
	keys 2 /
	text "$name"
	keys Enter
	expect "$lang 80x24: $name's phone number is whole ($number)" \
	    "$number"
	screen
	lacks_text "${number%?}…" && ok "$lang 80x24: … not cut" ||
	    { not_ok "$lang 80x24: … not cut"; dump; }
	tui_stop
done
tui_done
