#!/bin/sh
# test_resolution_progress.sh — the coordinator at the meeting reviews a
# resolution an agency carries: its page, at 80x24, reads the selected
# one whole under the list with its progress (辦理情形) as the agency
# reported it, and the agency's next report shows there while the page
# is open. In Chinese too.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-06 10:00"
export OGPO_NOW
TUI_ENV="OGPO_NOW='2026-12-06 10:00'"
demo_db
mid=$("$OGPO" --db "$DB" list meetings --tsv | awk -F '\t' \
    'NR > 1 && $7 == "2026-11-15" { print $1; exit }')
"$OGPO" --db "$DB" add resolution meeting="$mid" \
    text=請交通部提出票證整合時程 owner=MOTC due=2027-01-15 \
    note=已完成票證系統介接盤點 >"$TMP/add" 2>&1
ID=$(sed -n 's/^Added resolution #\([0-9]*\) .*/\1/p' "$TMP/add")
check "a resolution MOTC carries, with its progress (#$ID)" test -n "$ID"

# page NAME HEADER: the November meeting's resolutions, the new one chosen.
page() {
	keys 3
	wait_for "$2" >/dev/null
	keys Home
	down_to 2026-11-15
	keys R
	expect "$1: R opens the meeting's resolutions" 請交通部提出票證整
	keys End
	expect_sel "$1: the new one is chosen" 請交通部提出票證整
}
tui_start resol 80 24
page resol "Meetings, newest first"
expect "its progress is read under the list" "Progress: 已完成票證系統介接盤點"
"$OGPO" --db "$DB" set resolution "$ID" note=已於12月提出時程草案 \
    >/dev/null 2>&1 || not_ok "MOTC reports again"
expect "the next report shows while the page is open" \
    "Progress: 已於12月提出時程草案" 5
tui_stop

tui_start_zh zh
page zh "會議"
expect "in Chinese: 辦理情形" "辦理情形：已於12月提出時程草案"
tui_stop
tui_done
