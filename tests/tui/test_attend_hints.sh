#!/bin/sh
# test_attend_hints.sh — a roll call sheet's status line offers only the
# keys its reader may use: an editor of 內政部 marking their own people at
# a meeting 國家發展委員會 convened is not shown H (mark it held), which
# would be refused, and closing the sheet asks them nothing; the
# convener's side (the owner) is shown H. When the meeting is given to
# 內政部 to convene while the editor's sheet is open, H comes, unasked.
#
# A real Unix account (made here, removed at the end) runs the real
# binary: this needs root, as the test machine is.
. tests/lib.sh
. tests/tui/tui-lib.sh

tui_account ogpah

demo_db
# The newest meeting, on its day, still planned: H would mark it held.
took_place
"$OGPO" --db "$DB" set meeting "$mid" status=planned >/dev/null ||
    not_ok "the meeting planned again"
chgrp -R "$GRP" "$DB" && chmod 2770 "$DB" && chmod 660 "$DB"/*.mdb
"$OGPO" --db "$DB" user add "$ED" --role editor --agency MOI >/dev/null ||
    not_ok "an editor of MOI"

# hints: the status line, less its position.
hints() { screen; tail -n 1 "$SCR"; }
has_held() { hints | grep -q 'H held'; }
lacks_held() { ! has_held; }

# The owner, who may mark it held, is shown H.
tui_start own 220 30
keys 3
expect "the Meetings tab" "$mtitle"
keys Enter
expect "the owner opens the sheet" "┌─ #"
check "the owner is shown H held" has_held
esc
tui_stop

# The editor of 內政部 is not.
TUI_AS="setpriv --reuid=$ED --regid=$GRP --clear-groups"
tui_start ed 220 30
TUI_AS=
keys 3
expect "the editor's Meetings tab" "$mtitle"
keys Enter
expect "the editor opens the sheet" "┌─ #"
check "the sheet's other keys are shown" sh -c "tail -n 1 '$SCR' |
    grep -q 'p present'"
check "the editor is not shown H held, which would be refused" lacks_held
# Given to 內政部 to convene meanwhile, H comes to the open sheet.
"$OGPO" --db "$DB" set meeting "$mid" agency=MOI >/dev/null ||
    not_ok "the meeting convened by MOI"
if poll 5 has_held; then
	ok "convener now, the editor is shown H held, no key pressed"
else
	not_ok "convener now, the editor is shown H held, no key pressed"
	dump
fi
keys H
expect "and H marks it held" "Marked held"
esc
expect_gone "the sheet closes" "┌─ #"
tui_stop
check "the meeting is held" test "$("$OGPO" --db "$DB" list meetings --tsv |
    awk -F '\t' -v i="$mid" '$1 == i { print $12 }')" = held
tui_done
