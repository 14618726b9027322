#!/bin/sh
# test_designation_meanwhile.sh — a hand-over (E on an officer) writes
# what was agreed to. Another desk plans a meeting the PO is invited to
# while the question is open: y does not hand over unsaid, it says what
# the hand-over would do now, that meeting too, and asks again. Another
# desk ends the same designation while it is open: y is refused, naming
# who ended it and when, and the database keeps their end.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW
demo_db
run() { "$OGPO" --db "$DB" "$@" >"$TMP/out" 2>&1 ||
    { not_ok "ogpo $*"; sed 's/^/#   /' "$TMP/out"; }; }
tsv() { "$OGPO" --db "$DB" list officers --agency "$1" --tsv; }
po=$(tsv MOI | awk -F '\t' '$7 == "po" && $16 == "" { print $5; exit }')
alt=$(tsv MOI | awk -F '\t' '$7 == "alternate" && $16 == "" { print $5; exit }')
check "內政部 has a PO ($po) and an alternate ($alt)" \
    test -n "$po" -a -n "$alt"

# end NAME: E on NAME of the list shown, ending on 2026-06-30.
end() {
	keys /
	text "$1"
	keys Enter
	keys E
	expect "E asks for $1's last day" "Last day of $1 as"
	keys C-u
	text 2026-06-30
	keys Enter
	expect "who takes over?" "Who takes over?"
}

tui_start meanwhile 100 36
keys Down Enter
expect "內政部's officers" "Officers of 內政部"
end "$po"
text "$alt"
keys Enter
expect "what the hand-over does" "takes over; their own record changes"
screen
check "the new meeting is not among its meetings yet" lacks_text 增開工作會議
# Another desk plans a work meeting meanwhile, its POs invited.
run add meeting kind=work status=planned date=2027-03-15 \
    title=增開工作會議 --invite proposed
keys y
expect "y is not taken as agreeing to the changed hand-over" \
    "Others saved meanwhile"
check "the new meeting is handed over too" sh -c "grep -F 增開工作會議 \
    '$SCR' | grep -qF '$po out, $alt in'"
check "nothing was saved yet" test "$(tsv MOI |
    awk -F '\t' -v n="$po" '$5 == n { print $16 }')" = ""
keys y
expect "asked again, y hands over" "designation ends on 2026-06-30"
check "the PO's designation ended" test "$(tsv MOI |
    awk -F '\t' -v n="$po" '$5 == n { print $16 }')" = 2026-06-30
check "the successor is the PO" test "$(tsv MOI |
    awk -F '\t' -v n="$alt" '$5 == n { print $7 }')" = po
added=$("$OGPO" --db "$DB" list meetings --tsv |
    awk -F '\t' '$6 == "增開工作會議" { print $1 }')
"$OGPO" --db "$DB" export signin "$added" >"$TMP/added.csv"
contains "the new meeting's sign-in sheet lists the successor" \
    "$TMP/added.csv" "$alt"
lacks "and not the PO who left" "$TMP/added.csv" "$po"
tui_stop

# Another desk ends the same designation while the question is open.
po2=$(tsv MOFA | awk -F '\t' '$7 == "po" && $16 == "" { print $5; exit }')
po2id=$(tsv MOFA | awk -F '\t' -v n="$po2" '$5 == n { print $1 }')
tui_start ended 100 36
keys 2
expect "the Officers tab" "Officers of all agencies"
end "$po2"
keys Enter
expect "the question, with nobody yet" "End the designation"
run set officer "$po2id" end_date=2026-05-31
keys y
expect "y is refused, naming who ended it and when" \
    "ended $po2's designation (on 2026-05-31) meanwhile; nothing was saved"
check "the other's end stays" test "$(tsv MOFA |
    awk -F '\t' -v n="$po2" '$5 == n { print $16 }')" = 2026-05-31
tui_stop
tui_done
