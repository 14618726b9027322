#!/bin/sh
# test_zwj.sh — an emoji joined by a zero-width joiner (U+200D), typed
# into a form: the terminal may draw the pair as one picture two cells
# wide where ogpo counted four, and then the rest of the line, the
# form's right border with it, stood two cells left of where ogpo put it
# (a redraw, C-l, moved it). The joiner is drawn as <U+200D>, so every
# terminal takes the line as ogpo measures it.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
tui_start zwj 80 24
keys a
expect "a opens the new agency form" "New agency"
text "👨‍👩abc"
expect "the joiner is drawn named" "👨<U+200D>👩abc"
sleep 0.5
screen
cp "$SCR" "$TMP/before"
keys C-l
sleep 0.5
screen
if cmp -s "$TMP/before" "$SCR"; then
	ok "a redraw of the whole screen changes nothing"
else
	not_ok "a redraw of the whole screen changes nothing:"
	diff "$TMP/before" "$SCR" | sed 's/^/#   /'
fi
tui_done
