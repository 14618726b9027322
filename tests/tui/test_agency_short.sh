#!/bin/sh
# test_agency_short.sh — the agency picker finds the Executive Yuan's
# agencies by the short names people use (國發會, 數位部, 衛福部, 環保署)
# and by their beginnings (國發), as well as by name and code; in Chinese
# and in English, at 80x24; the choice lands in the form.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db

# find LANG-TAG TYPED AGENCY: the new officer form's agency picker, TYPED
# typed, shows AGENCY.
find() {
	keys Escape
	sleep 0.2
	keys F2
	text "$2"
	expect "$1: $2 finds $3" "$3$L"
}

for lg in zh en; do
	if [ $lg = zh ]; then
		TUI_LANG=zh_TW.UTF-8 TUI_READY='1 機關' L='（' R='）'
	else
		TUI_LANG=C.UTF-8 TUI_READY='1 Agencies' L=' (' R=')'
	fi
	tui_start "short$lg" 80 24
	keys 2 a Tab F2
	text 國發
	expect "$lg: 國發 finds 國家發展委員會" "國家發展委員會${L}NDC$R"
	find $lg 國發會 國家發展委員會
	find $lg 數位部 數位發展部
	find $lg 衛福部 衛生福利部
	find $lg 環保署 環境部
	find $lg MODA 數位發展部
	keys Enter
	expect "$lg: the choice lands in the form" "數位發展部${L}MODA$R"
	keys Escape
	tui_stop
done
tui_done
