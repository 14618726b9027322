#!/bin/sh
# test_escape.sh — text from the database never reaches the terminal raw.
# Core refuses control characters (ESC, C1) in a record; a bidi override
# (U+202E, "Trojan Source") is accepted as text, so the screen must draw
# it escaped as <U+202E>: in the list, the tree, the detail panel and
# popup, a form, and the search line. Then records that hold ESC
# sequences and a C1 control as well (put straight in the store by
# tests/tools/raw-set, as an older ogpo or a damaged database might have
# them) are shown escaped on every tab — Agencies, Officers, Meetings,
# Issues, Compliance, Audit, Users — and in the detail panel (with
# training and rewards), popups, the attendance view, an agency's
# history, a change in the audit trail and every edit form.
. tests/lib.sh
. tests/tui/tui-lib.sh

BIDI=$(printf '\342\200\256')	# U+202E RIGHT-TO-LEFT OVERRIDE
C1=$(printf '\302\233')		# U+009B, the C1 form of ESC [
RAW_SET=${RAW_SET:-build/tools/raw-set}

# raw_free WHAT: the coloured capture holds no raw U+202E or C1 control.
raw_free() {
	screen -e
	if grep -q "$BIDI" "$SCR"; then
		not_ok "$1: no raw U+202E reaches the terminal"
		grep "$BIDI" "$SCR" | od -c | head -5 | sed 's/^/#   /'
	elif grep -q "$C1" "$SCR"; then
		not_ok "$1: no raw U+009B reaches the terminal"
		grep "$C1" "$SCR" | od -c | head -5 | sed 's/^/#   /'
	else
		ok "$1: no raw U+202E or C1 control reaches the terminal"
	fi
}

demo_db
n=$(officer_count)
n_officers=$n

# --- core refuses control characters --------------------------------------
"$OGPO" --db "$DB" add officer name="$(printf 'Evil\033]0;pwned\007')" \
    agency=MOI role=po email=evil@example.gov.tw >"$TMP/out" 2>&1
rc=$?
check "add refuses a name with ESC (exit $rc)" [ "$rc" -eq 1 ]
contains "the refusal says why" "$TMP/out" "control character"
"$OGPO" --db "$DB" add officer name="$(printf 'C1\302\233x')" \
    agency=MOI role=po email=evil@example.gov.tw >"$TMP/out" 2>&1
rc=$?
check "add refuses a name with a C1 control, U+009B (exit $rc)" [ "$rc" -eq 1 ]
contains "that refusal says why too" "$TMP/out" "control character"
check "nothing was added" [ "$(officer_count)" -eq "$n" ]

# --- a bidi override is data, drawn escaped --------------------------------
check "add accepts an agency named 機關<U+202E>測試" sh -c "'$OGPO' --db '$DB' \
    add agency code=BIDI name='機關${BIDI}測試' parent=MOI level=3 >/dev/null"
# "A" sorts before every demo name: the first row of the officers list.
check "add accepts an officer named A<U+202E>B" sh -c "'$OGPO' --db '$DB' \
    add officer name='A${BIDI}B' title='X${BIDI}Y' agency=BIDI role=po \
    email=bidi@example.gov.tw >/dev/null"

tui_start escape 100 30
keys Down Right
expect "the tree shows the agency escaped" "機關<U+202E>測試"
raw_free "tree"

keys 2
expect_pos "officers" "1/$((n + 1))"
expect "the list shows the name escaped" "A<U+202E>B"
expect "the list shows the title escaped" "X<U+202E>Y"
raw_free "list"
# Columns still line up: the escape takes the cells it is drawn in.
screen
hw=$(sed -n 3p "$SCR" | sed 's/E-mail.*//' | wc -L)
bw=$(grep -F 'A<U+202E>B' "$SCR" | head -1 | sed 's/[^ ]*@.*//' |
    { IFS= read -r l; printf '%s' "$l" | wc -L; })
check "the e-mail column of that row starts where the title's does ($bw = $hw)" \
    [ "$bw" = "$hw" ]


# From 120 columns a detail panel shows the selected officer.
tx resize-window -t "$TUI_S" -x 120 -y 40
expect "the detail panel shows the name escaped" "Name: A<U+202E>B"
expect "the detail panel shows the agency escaped" \
    "Agency: 機關<U+202E>測試 (BIDI)"
expect "the detail panel shows the title escaped" "Title: X<U+202E>Y"
raw_free "detail panel"

# Back at 100 columns popups and forms cover the list: what they show is
# their own.
tx resize-window -t "$TUI_S" -x 100 -y 30
expect_gone "no detail panel at 100x30" "Name: A<U+202E>B"
keys Space
expect "Space shows the detail popup" "Esc: close"
expect "the popup's title shows the name escaped" "─ A<U+202E>B ─"
expect "the popup's text shows it escaped" "Name: A<U+202E>B"
raw_free "detail popup"
esc
expect_gone "Esc closes the popup" "Esc: close"

keys e
expect "e opens the form" "Edit officer"
expect "the form's Name field shows the name escaped" "A<U+202E>B"
raw_free "edit form"
esc
expect_gone "Esc leaves the unchanged form" "Edit officer"

keys End /
text "$BIDI"
expect "the search line shows the typed override escaped" "/<U+202E>"
raw_free "search line"
keys Enter
expect_pos "the search finds the officer" "1/$((n + 1))"
raw_free "search message"
esc
tui_stop

# --- control characters already in the database ----------------------------
# ESC [31m would turn the rest red, U+009B is ESC [ in one byte: drawn as
# ^[[31m<U+009B><U+202E>, or the terminal would have eaten them.
EVIL=$(printf 'Z\033[31m\302\233\342\200\256z')
SHOWN='Z^[[31m<U+009B><U+202E>z'
"$OGPO" --db "$DB" check --tsv >"$TMP/check.tsv"
col() { awk -F '\t' -v r="$1" -v c="$2" '$1 == r { print $c; exit }' \
    "$TMP/check.tsv"; }
no_po=$(col no_po 4)
late=$(col escalated_long 6)
newest=$("$OGPO" --db "$DB" list meetings --tsv | awk 'NR == 2 { print $1 }')
moi=$("$OGPO" --db "$DB" list agencies --tsv | awk '$5 == "MOI" { print $1 }')
evil=$((n_officers + 1))	# A<U+202E>B
course=$("$OGPO" --db "$DB" add training officer=$evil date=2025-01-02 \
    course=課 competencies=communication | sed -n 's/.*#\([0-9]*\).*/\1/p')
reward=$("$OGPO" --db "$DB" add reward officer=$evil date=2025-01-02 \
    kind=嘉獎 | sed -n 's/.*#\([0-9]*\).*/\1/p')
# The officer stays first in the list: A, then the rest.
n=0
for r in "agency $moi" "agency $no_po" "officer $evil" "meeting $newest" \
    "issue $late" "training $course" "reward $reward"; do
	n=$((n + 1))
	case $r in officer*) v=A$EVIL ;; *) v=$n$EVIL ;; esac
	# shellcheck disable=SC2086
	check "$r gets ESC, C1 and U+202E in every text field" \
	    "$RAW_SET" "$DB" $r "*=$v"
done

# An editor of the agency: its code in the trail and on the Users tab.
check "an editor of the agency is added" sh -c "'$OGPO' --db '$DB' \
    user add editor1 --role editor --agency '$moi' >/dev/null"

tui_start evil 120 40
expect "the tree shows the agency escaped" "1$SHOWN"
expect "and the one without a PO" "2$SHOWN"
raw_free "tree (control characters)"
keys Down e
expect "the agency form shows the name escaped" "Name    1$SHOWN"
expect "and the note" "Note    1$SHOWN"
raw_free "agency form"
esc
expect_gone "Esc leaves the agency form" "Edit agency"
keys v
expect "the agency's history shows it escaped" "Code: 1$SHOWN"
expect "and its note" "Note: 1$SHOWN"
raw_free "agency history"
esc

keys 2
expect "the officers list shows the name escaped" "AZ^[[31m<U+009B>…"
expect "the detail panel shows the name escaped" "Name: A$SHOWN"
expect "the detail panel shows the e-mail escaped" "E-mail: A$SHOWN"
expect "the detail panel shows the note escaped" "Note: A$SHOWN"
expect "the detail panel shows the course escaped" "Training: 2025-01-02 6Z^[[31m"
expect "and the reward" "Rewards (point 9): 2025-01-02 7Z^[[31m"
raw_free "officers and detail panel (control characters)"
keys e
expect "the officer form shows the e-mail escaped" "A$SHOWN"
raw_free "officer form"
esc
expect_gone "Esc leaves the officer form" "Edit officer"

keys 3
expect "the meetings list shows the title escaped" "4$SHOWN"
raw_free "meetings"
keys Home Enter
expect "the attendance view shows the meeting escaped" "4$SHOWN ─"
raw_free "attendance view"
esc
expect_gone "Esc leaves the attendance view" "present 0 / invited"
keys e
expect "the meeting form shows the place escaped" "Place             4$SHOWN"
raw_free "meeting form"
esc
expect_gone "Esc leaves the meeting form" "Edit meeting"

keys 4
expect "the issues list shows the title escaped" "5$SHOWN"
expect "and a lead agency" "1Z^[[31m…"
raw_free "issues"
# Cases go by number, and its number is now "5" and escapes: the last.
keys End
keys Space
expect "the issue's detail shows the description escaped" \
    "Description: 5$SHOWN"
raw_free "issue detail"
esc
keys e
expect "the issue form shows the stakeholders escaped" \
    "Stakeholders          5$SHOWN"
raw_free "issue form"
esc
expect_gone "Esc leaves the issue form" "Edit case"

keys 5
expect "the compliance tab names the agency escaped" "2$SHOWN"
expect "and the case, by its number" "5$SHOWN 5Z"
raw_free "compliance"

keys 6
expect "the audit tab shows the editor's scope escaped" "scope 1Z^[[31m"
raw_free "audit tab"
keys Home Enter
expect "the change in full shows it escaped" "scope 1$SHOWN (1$SHOWN)"
raw_free "audit detail"
esc
keys 7
expect "the users tab shows the scope escaped" "1$SHOWN (1$SHOWN)"
raw_free "users tab"
tui_done
