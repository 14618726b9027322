#!/bin/sh
# test_form_same.sh — someone else saves the record open in a form with
# just what was typed in it (the same fix made at two desks, or the same
# unsaved form opened by one person logged in twice): saving says so,
# who and when, and closes the form, with nothing to choose and nothing
# written twice. Something else saved meanwhile still asks, as before.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
tui_start same 100 30
keys 2
expect "the officers" "Officers of all agencies"
sel_row
first=$(awk '{ print $1 }' "$TMP/sel")
fid=$("$OGPO" --db "$DB" list officers --tsv | awk -F '\t' -v f="$first" \
    '$5 == f { print $1; exit }')
field() { "$OGPO" --db "$DB" list officers --tsv | awk -F '\t' -v i="$fid" \
    -v c="$1" '$1 == i { print $c }'; }
v0=$(field 2)

check "the first is $first (#$fid)" test -n "$fid"
keys e
expect "e opens the form on $first" "Edit officer"
"$OGPO" --db "$DB" set officer "$fid" title=主任秘書 >/dev/null ||
    not_ok "another process sets the title"
keys Tab Tab Tab Tab Tab Tab C-u
text 主任秘書
keys C-s
expect "saving the same says who saved it so" \
    "$first: root saved it as you typed it, at"
check "nothing is asked" lacks_text "Reload their version"
expect_gone "and the form closes" "Edit officer"
same "the database wrote it once" "$(field 2)" "$((v0 + 1))"
check "and holds the title" test "$(field 11)" = 主任秘書

# Another value meanwhile: asked, as before.
keys e
expect "the form again" "Edit officer"
"$OGPO" --db "$DB" set officer "$fid" title=參議 >/dev/null ||
    not_ok "another process sets the title again"
keys Tab Tab Tab Tab Tab Tab C-u
text 專門委員
keys C-s
expect "saving something else over it asks" "Reload their version"
keys 3
esc
expect "Esc asks before throwing away what was typed" "Throw away"
keys y
expect_gone "the form is closed" "Edit officer"
check "their title stays" test "$(field 11)" = 參議
tui_stop
tui_done
