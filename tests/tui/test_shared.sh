#!/bin/sh
# test_shared.sh — another process writes while the officers tab is open:
# the screen shows the change within a second, and the position on the
# status line still belongs to the selected row.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
n=$(officer_count)
first=$("$OGPO" --db "$DB" list officers --tsv |
    awk -F '\t' 'NR > 1 { print $5 }' | LC_ALL=C sort | head -1)

tui_start shared 100 30
keys 2
expect_pos "officers at 1/$n" "1/$n"
expect_sel "the first officer by name is selected ($first)" "$first"

# "Aaron Test" sorts before every demo name (ASCII before CJK).
t0=$(now_ms)
check "another process adds an officer" sh -c "'$OGPO' --db '$DB' add \
    officer name='Aaron Test' agency=MOI role=po \
    email=aaron.test@example.gov.tw >/dev/null"
left=$((1500 - ($(now_ms) - t0)))
[ "$left" -lt 100 ] && left=100
if wait_count "$((n + 1))" "$(awk -v m="$left" 'BEGIN { print m / 1000 }')"; then
	ok "the total goes to $((n + 1)) within 1.5 s ($(( $(now_ms) - t0 )) ms)"
else
	not_ok "the total goes to $((n + 1)) within 1.5 s"; dump
fi

# The position must be the selected row's place: Aaron Test is 1st,
# $first is now 2nd.
sel_row
p=$(status_pos)
if { grep -qF "Aaron Test" "$TMP/sel" && [ "$p" = "1/$((n + 1))" ]; } ||
    { grep -qF "$first" "$TMP/sel" && [ "$p" = "2/$((n + 1))" ]; }; then
	ok "after the add the position ($p) is the selected row's place"
else
	not_ok "after the add the position ($p) is the selected row's place"
	echo "#   selected: $(cat "$TMP/sel")"
	dump
fi
keys Up
expect_sel "Up reaches Aaron Test, the first row" "Aaron Test"
expect_pos "on the first row the position is 1/$((n + 1))" "1/$((n + 1))" 1

# A change to a shown row shows too.
id=$("$OGPO" --db "$DB" list officers --tsv |
    awk -F '\t' '$5 == "Aaron Test" { print $1 }')
t0=$(now_ms)
check "another process sets a title" sh -c "'$OGPO' --db '$DB' set officer \
    $id title=測試專員 >/dev/null"
if wait_for "測試專員" 1.5; then
	ok "the new title shows within 1.5 s ($(( $(now_ms) - t0 )) ms)"
else
	not_ok "the new title shows within 1.5 s"; dump
fi
# And a delete.
t0=$(now_ms)
check "another process deletes it" sh -c "'$OGPO' --db '$DB' delete officer \
    $id >/dev/null"
if wait_gone "Aaron Test" 1.5; then
	ok "the deleted row goes within 1.5 s ($(( $(now_ms) - t0 )) ms)"
else
	not_ok "the deleted row goes within 1.5 s"; dump
fi
if wait_count "$n" 1; then ok "the count is back to $n"; else
	not_ok "the count is back to $n"; dump
fi

# --- someone saves the record open in our form ------------------------------
keys Home
expect_sel "the first officer again" "$first"
fid=$("$OGPO" --db "$DB" list officers --tsv |
    awk -F '\t' -v f="$first" '$5 == f { print $1; exit }')
phone=$("$OGPO" --db "$DB" list officers --tsv | awk -F '\t' -v i="$fid" \
    '$1 == i { print $13 }')
keys e
expect "e opens the form on $first" "Edit officer"
check "meanwhile another process sets the title" sh -c "'$OGPO' --db '$DB' \
    set officer $fid title=別人改的 >/dev/null"
keys Tab Tab Tab Tab Tab Tab Tab Tab C-e
text 9
keys C-s
expect "saving over it offers to reload and keep what was typed" \
    "Reload their version and keep what I typed on top"
keys Enter
expect "the form says their version is in, ours kept" "your changes are kept"
expect "their title shows in the form" "別人改的"
expect "our phone is kept" "${phone}9"
keys C-s
expect "then it saves" "Saved $first."
row=$("$OGPO" --db "$DB" list officers --tsv | awk -F '\t' -v i="$fid" \
    '$1 == i { print $2 "|" $11 "|" $13 }')
check "the database holds both changes, version 3 ($row)" \
    [ "$row" = "3|別人改的|${phone}9" ]
tui_done
