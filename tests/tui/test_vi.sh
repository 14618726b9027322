#!/bin/sh
# test_vi.sh — --keymap vi: j and k move, G goes to the end, g to the
# start, in the officers list and the agency tree; the help shows the vi
# keys; without the keymap j does nothing.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
n=$(officer_count)
last=$("$OGPO" --db "$DB" list officers --tsv |
    awk -F '\t' 'NR > 1 { print $5 }' | LC_ALL=C sort | tail -1)

tui_start vi 100 30 --keymap vi
keys 2
expect_pos "officers start at 1/$n" "1/$n"
keys j
expect_pos "j moves down" "2/$n"
keys j
expect_pos "j again" "3/$n"
keys k
expect_pos "k moves up" "2/$n"
keys k
expect_pos "k again, back to the first" "1/$n"
keys G
expect_pos "G goes to the end" "$n/$n"
expect_sel "the last officer by name is selected ($last)" "$last"
keys g
expect_pos "g goes to the start" "1/$n"
keys C-f
expect_pos "C-f pages down one screen (26 rows)" "27/$n"
keys C-b
expect_pos "C-b pages back up" "1/$n"

keys 1
expect "the tree" "Supervising minister"
screen
t=$(status_pos | cut -d/ -f2)
keys j
expect_pos "j moves down the tree" "2/$t"
expect_sel "onto 內政部" "內政部"
keys G
expect_pos "G goes to the end of the tree" "$t/$t"
keys g
expect_pos "g goes to the top of the tree" "1/$t"

keys '?'
expect "the help popup opens" "move down one row"
screen
if grep 'move down one row' "$SCR" | grep -q '[< ]j '; then
	ok "the help lists j for down"
else
	not_ok "the help lists j for down"; grep 'move down' "$SCR"
fi
esc
expect_gone "Esc closes help" "move down one row"
tui_stop

# The default keymap has no j: the position stays.
tui_start plain 100 30
keys 2
expect_pos "default keymap: officers at 1/$n" "1/$n"
keys j '?'
# Help opening shows j was read before.
expect "default keymap: help opens" "move down one row"
esc
expect_gone "help closes" "move down one row"
expect_pos "default keymap: j did nothing" "1/$n"
tui_done
