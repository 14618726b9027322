#!/bin/sh
# test_search.sh — "/" on the officers list: the selection goes to the
# match as you type, the status line shows "/TEXT", n and N go on (and
# wrap), a text that matches nothing says "no match", Esc forgets it.
# Any part of a name, e-mail, title or agency is found (the search
# index), in either case of letters, and what another program changed
# (a large import among the stored officers too).
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
expect "help opens after n" "move down one row" 15
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

# --- any part of a name, e-mail, title or agency (the search index) --------
# The first officer in the list's order (name, then id) whose name,
# title, e-mail or agency's name or code holds TEXT (A-Z as a-z), as
# "RANK NAME", from what the command line lists; nothing if none does.
"$OGPO" --db "$DB" list agencies --tsv >"$TMP/agencies"
first_match() {
	"$OGPO" --db "$DB" list officers --tsv | LC_ALL=C sort -t "$(printf '\t')" \
	    -k5,5 -k1,1n | LC_ALL=C awk -F '\t' -v q="$1" -v ag="$TMP/agencies" '
	BEGIN { while ((getline l < ag) > 0) { split(l, f, "\t");
		an[f[1]] = f[6]; ac[f[1]] = f[5] } q = tolower(q) }
	$1 == "id" { next }
	{ r++ }
	index(tolower($5), q) || index(tolower($11), q) ||
	    index(tolower($12), q) || index(tolower(an[$6]), q) ||
	    index(tolower(ac[$6]), q) { print r, $5; exit }'
}
# search_for WHAT TEXT: from the first row, /TEXT and Enter select the
# first officer that holds it, at its place in the list.
search_for() {
	want=$(first_match "$2")
	keys Home
	keys /
	text "$2"
	keys Enter
	if [ -z "$want" ]; then
		expect "$1: /$2 finds nobody, as the list holds no such text" \
		    "no match for \"$2\""
		return
	fi
	expect_pos "$1: /$2 selects row ${want%% *} of $n" "${want%% *}/$n"
	expect_sel "$1: /$2 selects ${want#* }" "${want#* }"
}
# Texts chosen from the demo's officers, whatever their order.
"$OGPO" --db "$DB" list officers --tsv | sed 1d >"$TMP/officers"
three=$(LC_ALL=C awk -F '\t' 'length($5) == 9 { print $5 }' "$TMP/officers" |
    LC_ALL=C sort | sed -n 40p)
mid=$(printf %s "$three" | cut -c4-9)		# its last two characters
one=$(printf %s "$three" | cut -c4-6)		# its middle one
mail=$(awk -F '\t' 'NR == 77 { print $12 }' "$TMP/officers")
mailmid=$(printf %s "$mail" | cut -c3-9)	# inside the address
title=$(LC_ALL=C awk -F '\t' 'length($11) == 12 { print $11; exit }' "$TMP/officers")
titlemid=$(printf %s "$title" | cut -c4-9)	# its second and third
check "the demo gives texts to look for ($mid, $one, $mailmid, $titlemid)" \
    [ -n "$mid" ] && [ -n "$one" ] && [ -n "$mailmid" ] && [ -n "$titlemid" ]
search_for "the middle of a Chinese name" "$mid"
search_for "one Chinese character" "$one"
search_for "the middle of an e-mail" "$mailmid"
search_for "the same in capitals" "$(printf %s "$mailmid" | tr a-z A-Z)"
search_for "the middle of a title" "$titlemid"
search_for "the middle of an agency's name" "政署"
search_for "an agency's code, in small letters" "ndc"
search_for "two letters" "wg"
search_for "two capitals" "WG"
search_for "one letter" "k"
search_for "one capital" "Q"
search_for "a text nobody holds" "qqx"

# --- an officer another program renamed is found by the new name -----------
keys Home
victim=$(awk -F '\t' 'NR == 20 { print $1 }' "$TMP/officers")
"$OGPO" --db "$DB" set officer "$victim" name=歐陽改名 \
    email=renamed.Person@ogpo.example >/dev/null
search_for "a name another program gave" "陽改"
search_for "an e-mail another program gave" "d.PERSON@"
"$OGPO" --db "$DB" delete officer "$victim" >/dev/null
n=$((n - 1))
expect "the list counts the deleted officer gone" "/$n" 10
search_for "a deleted officer's name" "陽改"

# --- a large import another program made: its officers are found ----------
# Names from the demo's own characters, so their grams fall among the
# stored ones' (the import gathers them in a thread of its own).
awk -v mid="$mid" -v one="$one" 'BEGIN {
	split("陳 林 黃 張 李 王 吳 劉", sur, " ")
	print "name,email,agency_code,title"
	for (i = 1; i <= 3000; i++)
		printf "%s%s%s,bulk.%04d@ogpo.example,MOI,專員\n",
		    sur[1 + i % 8], i % 2 ? one : "", i % 7 ? "" : mid, i
}' >"$TMP/bulk.csv"
"$OGPO" --db "$DB" import officers "$TMP/bulk.csv" >"$TMP/bulk.out" 2>&1
contains "the import of 3000 officers went through" "$TMP/bulk.out" "added 3000"
n=$((n + 3000))
keys Home
expect "the list counts the imported officers" "/$n" 10
search_for "an imported officer's e-mail" "bulk.2345@"
search_for "a name the demo and the import share" "$mid"
search_for "one Chinese character, after the import" "$one"
search_for "a stored officer's whole name, after the import" "$three"
keys Home

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
