#!/bin/sh
# test_timeline_wrap.sh — a case's timeline in Chinese at 80x24: every
# event on a line of its own under 歷程, and a long progress report's
# wrapped lines indented under its own first line, the first event's as
# every other's; the first no longer sat beside the label with its rest
# wrapped back to the box's margin.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW
demo_db
"$OGPO" --db "$DB" add progress issue=115-04 agency=MOL date=2026-08-10 \
    text=已於八月邀集外送平台業者、工會及消費者團體召開座談，彙整三方意見，預計下月提出勞動權益保障草案並於工作會議報告 \
    >/dev/null || not_ok "add progress"
tui_start_zh timeline
keys 4
expect "4: the cases" "列管案件：按 p"
keys Down Down Down
expect_sel "115-04 is selected" "115-04"
keys Enter
expect "Enter shows the case" "外送平台從業人員勞動權益保障 ─"
keys End
expect "歷程 stands on its own line" "│ 歷程：由舊至新"
expect "the report starts a line of its own" "│     2026-08-10 勞動部填報："
screen
# The report's wrapped lines: under its first, never at the margin.
grep -n "填報：已於八月" "$SCR" | cut -d: -f1 >"$TMP/first"
l=$(cat "$TMP/first")
check "the report's next line is indented under it" sh -c \
    'sed -n "$(($2 + 1))p" "$1" | grep -q "^..│       [^ ]"' - "$SCR" "$l"
esc
tui_done
