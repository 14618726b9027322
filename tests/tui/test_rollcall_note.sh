#!/bin/sh
# test_rollcall_note.sh — two desks on one roll call write a note on the
# same person at once, and one of them marks the person meanwhile. The
# note saved second keeps that mark (it does not write back the mark its
# sheet had when its prompt opened) and does not replace the other note
# unsaid: it names who wrote what, and for whom (though the sheet's rows
# moved behind its prompt), beside what was typed, and keeps both, its
# own or theirs, as asked.
. tests/lib.sh
. tests/tui/tui-lib.sh

two_rollcalls
for s in a b; do
	TUI_S=$s
	expect_sel "$s: $who is chosen" "$who"
	keys c
	expect "$s: the note prompt" "Note on $who's attendance"
done
TUI_S=a
text "Late 10 min"
keys Enter
expect "a's note shows" "Late 10 min"
keys Up
expect_sel "a: back on $who" "$who"
keys o
expect "a marks $who online" "Online"
# Someone of 內政部 is invited meanwhile: b's rows
# are read again behind its prompt, and moved.
"$OGPO" --db "$DB" add officer name=丁一 agency=MOI role=member \
    function=it email=ding@moi.gov.tw civil_servant=yes \
    start_date=2026-01-01 >/dev/null
printf 'date,kind,name,agency_code,status\n%s,work,丁一,MOI,invited\n' \
    "$mday" >"$TMP/invite.csv"
"$OGPO" --db "$DB" import attendance "$TMP/invite.csv" >/dev/null
TUI_S=b
expect "b's sheet counts the one invited, behind its prompt" \
    "invited 42" 3
text "Left early"
keys Enter
expect "b is told who changed the note, on whom" \
    "changed the note on $who at" 3
check "what was saved is shown" has_text "saved: Late 10 min"
check "beside what b typed" has_text "You typed: Left early"
keys 1
expect "both are kept, theirs first" \
    "Late 10 min; Left early" 3
check "the database keeps both" \
    test "$(attended "$who" 10)" = "Late 10 min; Left early"
check "and a's mark ($(attended "$who" 8))" test "$(attended "$who" 8)" = 線上

# Again, and b keeps theirs: nothing of b's is written.
TUI_S=a
keys Up	# the mark moved a on to the next one not marked
for s in a b; do
	TUI_S=$s
	expect_sel "$s: on $who" "$who"
	keys c
	expect "$s: the note prompt again" "Note on $who's attendance"
done
TUI_S=a
keys C-u
text "On time after all"
keys Enter
# a's note saved before b's Enter: the other order is the one where a is
# asked (a slow build took b's first).
a_saved() { test "$(attended "$who" 10)" = "On time after all"; }
check "a's note is saved" poll 5 a_saved
TUI_S=b
keys C-u
text "Mine"
keys Enter
expect "b is asked again" "changed the note on $who at" 3
keys 3
expect_gone "b keeps theirs" "You typed:"
check "the database holds a's note alone" \
    test "$(attended "$who" 10)" = "On time after all"
expect "b's sheet shows it" "On time after all" 3
for s in a b; do
	TUI_S=$s
	tui_stop
done
tui_done
