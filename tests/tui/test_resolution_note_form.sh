#!/bin/sh
# test_resolution_note_form.sh — an editor of one of a resolution's two
# owners opens it on its meeting's page: the form opens, not read only,
# on its progress (辦理情形), saying at once that this field alone is
# theirs and who changes the rest; typing in another field (its due date)
# is refused with that field named, and Ctrl-S saves the progress and
# nothing else. In Chinese too, at 80x24. An editor of neither owner
# still finds it read only.
#
# A real Unix account (made here, removed at the end) runs the real
# binary: this needs root, as the test machine is.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-06 10:00"
export OGPO_NOW
TUI_ENV="OGPO_NOW='2026-12-06 10:00'"
tui_account ogpon

demo_db
chgrp -R "$GRP" "$DB" && chmod 2770 "$DB" && chmod 660 "$DB"/*.mdb
"$OGPO" --db "$DB" user add "$ED" --role editor --agency MOI >/dev/null ||
    not_ok "an editor of MOI"
mid=$(meeting_on 2026-11-15)
"$OGPO" --db "$DB" add resolution meeting="$mid" \
    text=請內政部與數位部共同盤點資料 owner=MOI,MODA due=2027-01-15 \
    >"$TMP/add" 2>&1
ID=$(sed -n 's/^Added resolution #\([0-9]*\) .*/\1/p' "$TMP/add")
check "a resolution MOI and MODA carry (#$ID)" test -n "$ID"
# resol: its due/owners/text/note as stored.
resol() {
	"$OGPO" --db "$DB" list resolutions --tsv | awk -F '\t' -v i="$ID" \
	    '$1 == i { print $9 "/" $8 "/" $7 "/" $13 }'
}
WAS=$(resol)

# open NAME READY: the editor's form on it, from the meeting's page.
open_form() {
	TUI_AS="setpriv --reuid=$ED --regid=$GRP --clear-groups"
	tui_start "$1" 80 24
	TUI_AS=
	keys 3
	wait_for "$2" >/dev/null
	keys Home
	down_to 2026-11-15
	keys R
	expect "$1: R opens the meeting's resolutions" 請內政部與數位部共
	keys End
	expect_sel "$1: the new one is chosen" 請內政部與數位部共
	keys e
}

TUI_LANG=C.UTF-8 TUI_READY='1 Agencies'
open_form note "Meetings, newest first"
expect "the form opens with the progress alone theirs" \
    "Only Progress is yours to change: you are an editor of one of"
screen
check "… saying who changes the rest" has_text "by an admin."
check "it is not read only" lacks_text "Read only"
check "and can be saved" has_text "Ctrl-S: save"
# The progress is the field chosen: typing goes there.
text 內政部已完成盤點
# Shift-Tab thrice: Case, Status, then Due.
keys BTab BTab BTab
text 2027
expect "typing in the due date is refused, the field named" \
    "Only Progress is yours to change here; Due is changed by an editor"
screen
check "the due date is as it was" has_text "2027-01-15"
keys C-s
expect_gone "Ctrl-S saves" "Only Progress is yours"
tui_stop
same "the progress is written, the rest as it was" "$(resol)" \
    "${WAS}內政部已完成盤點"

# In Chinese, at 80x24, the banner wrapped and whole.
TUI_LANG=zh_TW.UTF-8 TUI_READY='1 機關'
open_form notezh "會議"
expect "in Chinese: 辦理情形 alone" "您只能修改「辦理情形」"
screen
check "… its end shown" has_text "管理者修改。"
esc
tui_stop

# An editor of neither owner: read only, as before.
"$OGPO" --db "$DB" user add "$ED" --role editor --agency MOTC >/dev/null ||
    not_ok "the editor, now of MOTC"
TUI_LANG=C.UTF-8 TUI_READY='1 Agencies'
open_form other "Meetings, newest first"
expect "an editor of MOTC finds it read only" "Read only: you ($ED)"
text X
keys C-s
expect "typing is refused" "read only"
esc
tui_stop
same "and nothing more was written" "$(resol)" "${WAS}內政部已完成盤點"
tui_done
