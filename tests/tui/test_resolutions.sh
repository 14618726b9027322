#!/bin/sh
# test_resolutions.sh — a meeting's resolutions on screen, under a fixed
# clock, at 80x24: one resolved at the September work meeting shows on
# the October meeting's page (R on the Meetings tab) as still followed and
# overdue; r there releases it (解除列管), recorded as October's decision;
# the November page no longer carries it. a adds a resolution with its
# owner picked from the agency tree; g writes the agenda, which the file
# then holds. The same page in Chinese shows 持續列管 and 解除列管; r
# there names the resolution as the list does (2026-09-15-3), not as
# "決議第 3 案", which every meeting has.
. tests/lib.sh
. tests/tui/tui-lib.sh

september_resolution
check "a resolution of the September meeting (#$ID)" test -n "$ID"

# open_meeting DATE: the Meetings tab, that meeting's page.
open_meeting() {
	keys 3
	wait_for "Meetings, newest first" >/dev/null
	keys Home
	down_to "$1"
	keys R
}

tui_start resol 80 24
open_meeting 2026-10-15
expect "R opens the October meeting's resolutions" \
    "2026-10-15 2026年10月開放政府聯絡人工作推動會議"
expect "the owners by name, 、 between" "教育部、客家委員會"
expect "it reviews the September resolution, still followed" \
    "2026-09-15-3   Followed   2026-10-01"
expect "… marked overdue" "(overdue) 盤點跨機"
down_to 2026-09-15-3 20
expect_sel "the cursor is on it" "2026-09-15-3"
keys r
# Named as the list names it: every meeting has a resolution 3.
expect "r releases it, named as listed" \
    "Resolution 2026-09-15-3 released (解除列管) by this meeting."
expect "… the row says so" "2026-09-15-3   Released"
"$OGPO" --db "$DB" list resolutions --tsv >"$TMP/tsv"
same_row=$(awk -F '\t' -v i="$ID" '$1 == i { print $10 "/" $12 }' "$TMP/tsv")
if [ "$same_row" = "closed/$W2" ]; then
	ok "the database holds it released by the October meeting"
else
	not_ok "the database holds it released by the October meeting (got $same_row)"
fi
keys r
expect "r again follows it again" \
    "Resolution 2026-09-15-3 followed again (持續列管)."
keys r
expect "… and releases it once more" "2026-09-15-3   Released"

# --- a new resolution, and the agenda -----------------------------------
keys a
expect "a opens the form" "New resolution"
text 請各部會提報下月議題
keys Tab F2
expect "F2 on the owners picks from the agency tree" "Choose an agency"
keys Down Enter
expect "MOI is chosen" "Owner agencies  內政部"
keys C-s
expect "C-s saves it" "Saved 請各部會提報下月議題."
expect "it is on the page, made here" "here-3         Followed"
keys g
expect "g asks where to write the agenda" "Write the agenda to the file"
keys C-u
text "$TMP/agenda.csv"
keys Enter
expect "the agenda is written" "Wrote the agenda"
contains "the agenda holds the released resolution" "$TMP/agenda.csv" \
    "2026-09-15-3,盤點跨機關協作案件,MOI,內政部,2026-10-01,解除列管"
esc
expect_gone "Esc closes the page" "Reviewed here:"

# --- the next meeting ----------------------------------------------------
open_meeting 2026-11-15
expect "the November meeting's page" "2026年11月開放政府聯絡人工作推動會議"
expect "it reviews October's new resolution" "2026-10-15-3   Followed"
screen
lacks "but no longer the released one" "$SCR" "盤點跨機關協作案件"
esc
tui_stop

# --- in Chinese ----------------------------------------------------------
tui_start_zh resolzh
keys 3
wait_for "會議" >/dev/null
keys Home
down_to 2026-10-15
keys R
expect "the page in Chinese: released" "2026-09-15-3   解除列管"
expect "… and followed" "持續列管"
screen
lacks "no English status" "$SCR" "Followed"
down_to 2026-09-15-3
keys r
expect "r in Chinese names the resolution as listed" \
    "決議 2026-09-15-3 改為持續列管。"
keys r
expect "… and again" "決議 2026-09-15-3 經本次會議解除列管。"
esc
tui_done
