#!/bin/sh
# test_keys_together.sh — keys that arrive together are each read, in
# order. Over a slow SSH link an Escape and the key typed after it come in
# one packet; so does a link that lost the end of an escape sequence.
# Escape and a letter at once is still Meta-letter (test_help.sh); but an
# arrow after the Escape is the arrow, a second Escape a second Escape,
# and a Chinese character after a cut sequence is typed.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
n=$(officer_count)
tui_start together 100 30
keys 2
expect_pos "officers, on the first" "1/$n"

# Escape and Down in one write: Escape clears nothing here, Down moves.
keys Escape Down
expect_pos "Down right behind an Escape moves the selection" "2/$n"
keys Escape Down Down
expect_pos "and so do two" "4/$n"

# Two Escapes at once close two layers: the pick list, then the form.
keys a
expect "a opens the form" "New officer"
keys Tab F2
expect "F2 opens the agency pick list" "Choose an agency"
keys Escape Escape
expect_gone "two Escapes at once close the pick list" "Choose an agency"
expect_gone "and the form under it" "New officer"
expect_pos "the list is where it was" "4/$n"

# A sequence cut after ESC [, then typing: the typing is kept. (Escapes
# apart first, so that this part stands whatever became of the one above.)
esc
esc
keys /
expect "/ opens the search line" "Enter: accept"
tx send-keys -t "$TUI_S" -H 1b 5b
text 內政部
expect "the characters after a cut sequence are typed, every one" "/內政部"
esc
expect_gone "Esc closes the search line" "Enter: accept"
tui_done
