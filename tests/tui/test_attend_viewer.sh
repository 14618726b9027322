#!/bin/sh
# test_attend_viewer.sh — a supervisor who reads (a viewer) presses a
# mark on a roll call: told at once that a viewer only reads and who can
# let them edit, not the day from which a mark could be made (on a
# meeting still to come), and the database keeps what it had.
#
# A real Unix account (made here, removed at the end) runs the real
# binary: this needs root, as the test machine is.
. tests/lib.sh
. tests/tui/tui-lib.sh

tui_account ogpav

demo_db
chgrp -R "$GRP" "$DB" && chmod 2770 "$DB" && chmod 660 "$DB"/*.mdb
"$OGPO" --db "$DB" user add "$ED" --role viewer >/dev/null ||
    not_ok "a viewer"
"$OGPO" --db "$DB" export attendance --matrix --from 2025-01 --to 2027-12 \
    --format csv -o "$TMP/before.csv" >/dev/null 2>&1

TUI_AS="setpriv --reuid=$ED --regid=$GRP --clear-groups"
tui_start viewer 80 24
TUI_AS=
keys 3
expect "the viewer's Meetings tab" "Meetings, newest first"
keys Home Enter
expect "the newest meeting's roll call, still to come" "Planned"
keys p
expect "p is refused in a box" "Not saved"
check "saying a viewer only reads" has_text "are a viewer and may only read"
check "not when marks may be made" lacks_text "a day still to come"
keys Enter
expect_gone "the box closes" "Not saved"
esc
keys Down Down Down Down
keys Enter
expect "a held meeting's roll call" "Held"
keys x
expect "x is refused at once, asking no proxy's name" "Not saved"
check "… as a viewer's" has_text "are a viewer and may only read"
check "no name was asked" lacks_text "Who came in place"
keys Enter
tui_stop
"$OGPO" --db "$DB" export attendance --matrix --from 2025-01 --to 2027-12 \
    --format csv -o "$TMP/after.csv" >/dev/null 2>&1
check "the database keeps what it had" cmp -s "$TMP/before.csv" \
    "$TMP/after.csv"
tui_done
