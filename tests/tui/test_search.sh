#!/bin/sh
# test_search.sh — "/" on the officers list: the selection goes to the
# match as you type, the status line shows "/TEXT", n and N go on (and
# wrap), a text that matches nothing says "no match", Esc forgets it.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
n=$(officer_count)
# Officer names in the list's order (by name, byte order).
"$OGPO" --db "$DB" list officers --tsv | awk -F '\t' 'NR > 1 { print $5 }' |
    LC_ALL=C sort >"$TMP/names"
# A name held by one officer only, from the middle (off the first page),
# and a name two officers share.
one=$(uniq -u "$TMP/names" | awk '{ a[NR] = $0 } END { print a[int(NR / 2)] }')
two=$(uniq -d "$TMP/names" | head -1)
rank() { grep -n -x -F -- "$1" "$TMP/names" | head -1 | cut -d: -f1; }
r1=$(rank "$one")
r2=$(rank "$two")
check "the demo has a unique name ($one, row $r1) and a shared one ($two)" \
    [ -n "$one" ] && [ -n "$two" ] && [ "$r1" -gt 30 ]

tui_start search 100 30
keys 2
expect_pos "the officers list starts at 1/$n" "1/$n"

# --- a unique name, off the first page ------------------------------------
keys /
text "$one"
expect "the status line shows /$one while typing" "/$one"
expect_sel "the selection goes to $one as it is typed" "$one"
expect "the list scrolled to show $one" "$one"
keys Enter
expect "after Enter the status line keeps /$one" "/$one"
expect_pos "Enter leaves the selection on $one" "$r1/$n"
expect_sel "$one's row is the selected one" "$one"
# n with one match: it wraps round to the same row, which matches. ("?"
# after n shows when n has been read.)
keys n '?'
expect "help opens after n" "move down one row"
esc
expect_gone "help closes" "move down one row"
expect_pos "n with one match stays on its row" "$r1/$n"
screen
if status_line | grep -qF "no match"; then
	not_ok "n with one match does not say no match (status: $(status_line))"
else
	ok "n with one match does not say no match"
fi

# --- a shared name: n and N go between its two officers --------------------
keys Home
expect_pos "Home goes back to the first row" "1/$n"
keys /
text "$two"
keys Enter
expect_pos "/$two selects the first of the two" "$r2/$n"
keys n
expect_pos "n goes to the second $two" "$((r2 + 1))/$n"
keys n
expect_pos "n again wraps round to the first" "$r2/$n"
keys N
expect_pos "N goes back (wrapping) to the second" "$((r2 + 1))/$n"
keys N
expect_pos "N again goes to the first" "$r2/$n"

# --- no match ----------------------------------------------------------------
keys /
text zzqxjv
expect "typing a text that matches nothing says no match" "no match"
expect_sel "the selection stays where the search began" "$two"
keys Enter
expect "after Enter the status line says so" 'no match for "zzqxjv"'
esc
expect_gone "Esc clears the message" "no match"
expect "the key hints come back" "/ search"
keys n
expect "after Esc there is no search to repeat" "no search yet"

# --- Esc while typing goes back to where the search began ------------------
keys Home
expect_pos "Home" "1/$n"
keys /
text "$one"
expect_sel "typing moves to $one" "$one"
esc
expect_pos "Esc while typing goes back to the first row" "1/$n"
expect_gone "and the search line is gone" "/$one"

# --- an agency's name finds its officers -------------------------------------
keys Home
keys /
text 警政署
keys Enter
expect_sel "/警政署 selects an officer of 內政部警政署" "內政部警政署"

# --- typing on narrows, taking keys back widens again ----------------------
# A longer text looks only among the rows the shorter one matched; a
# shorter one must look at every row again.
keys Home
keys /
text "${one}zz"
expect "a text longer than any name matches nothing" "no match"
keys BSpace BSpace
expect_sel "taking the keys back finds $one again" "$one"
keys Enter
expect_pos "and Enter stays on it" "$r1/$n"

# --- a row another program adds is found -------------------------------------
keys Home
keys /
text 晚到者
keys Enter
expect "nobody is called 晚到者 yet" 'no match for "晚到者"'
"$OGPO" --db "$DB" add officer name=晚到者 agency=MOI role=po \
    email=late@example.gov.tw >/dev/null
expect_pos "the list counts the new officer" "1/$((n + 1))" 10
keys n
expect_sel "n finds the officer added since the search" "晚到者"
"$OGPO" --db "$DB" delete officer "$("$OGPO" --db "$DB" list officers --tsv |
    awk -F '\t' '$5 == "晚到者" { print $1 }')" >/dev/null
expect "the list counts one fewer again" "/$n" 10

# --- the tree: a search finds agencies inside closed branches --------------
# 國防部全民防衛動員署 sits under 國防部, which starts closed.
keys 1
expect "the tree is shown" "行政院"
expect_gone "國防部's branch is closed" "全民防衛動員署"
keys /
text 動員
keys Enter
expect_sel "/動員 selects an agency of a closed branch" "國防部全民防衛動員署"
tui_done
