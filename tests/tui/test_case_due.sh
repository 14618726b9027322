#!/bin/sh
# test_case_due.sh — the Cases tab and `ogpo list cases` give each case
# the same next deadline, at 80x24 in Chinese: a Join case's contact with
# the proposer while it is not recorded, then its response; overdue in
# words in both.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW

# serial_dues: "115-NN DATE" for each case, DATE its first date (or -),
# from the lines of $1 that start with a case number.
serial_dues() {
	grep -oE '115-[0-9]+ .*' "$1" | awk '{ d = "-"
		for (i = 2; i <= NF; i++)
			if ($i ~ /^[0-9]+[-\/][0-9]+[-\/][0-9]+/) {
				d = substr($i, 1, 10); break
			}
		print $1, d }'
}

tui_start_zh due
keys 4
expect "4: the cases" "列管案件：按 p"
screen
cp "$SCR" "$TMP/tab"
"$OGPO" --db "$DB" list cases >"$TMP/cli"
serial_dues "$TMP/tab" >"$TMP/tab.due"
serial_dues "$TMP/cli" >"$TMP/cli.due"
if [ -s "$TMP/tab.due" ] && cmp -s "$TMP/tab.due" "$TMP/cli.due"; then
	ok "the tab and ogpo list cases give each case the same deadline"
else
	not_ok "the tab and ogpo list cases give each case the same deadline"
	diff "$TMP/tab.due" "$TMP/cli.due" | sed 's/^/#   /'
fi
# 115-17 passed Join on 2026-11-27: the proposer was to be contacted by
# 2026-12-04, and is not yet; its response is due 2027-01-27.
contains "115-17: the contact with the proposer, overdue, in the tab" \
    "$TMP/tab" "2026-12-04 （逾期）空氣品質感測資料開放"
contains "… and in ogpo list cases" "$TMP/cli" \
    "2026-12-04  (overdue) 空氣品質感測資料開放"

tui_done
