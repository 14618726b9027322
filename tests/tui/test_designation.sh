#!/bin/sh
# test_designation.sh — 業務傳承: E on an officer ends the designation on
# the day given and names who takes over (one of the agency's officers,
# who then holds the role from the next day). Before it is saved, ogpo
# says what changes: the successor's own record, and every planned meeting
# after that day (the one leaving out, the successor in); held meetings
# and their sign-in sheets keep who came. The choices line up in columns. v on an agency shows every PO it
# has had, in order.
. tests/lib.sh
. tests/tui/tui-lib.sh

# The demo's officers took office some years before the clock's day, and
# the days typed here (a designation's end, a meeting moved past another's)
# are set among them: the day fixed (the program's in tmux too), they fall
# where they should whenever this runs.
OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW
demo_db
tsv() { "$OGPO" --db "$DB" list officers --agency MOI --tsv; }
po=$(tsv | awk -F '\t' '$7 == "po" && $16 == "" { print $5; exit }')
alt=$(tsv | awk -F '\t' '$7 == "alternate" && $16 == "" { print $5; exit }')
check "內政部 has a PO ($po) and an alternate ($alt)" \
    test -n "$po" -a -n "$alt"

# The successor is picked by typing a part of the name.
tui_start designation 100 30
keys Down Enter
expect "內政部's officers again" "Officers of 內政部"
keys /
text "$po"
keys Enter
keys E
expect "E asks for the last day, naming whose" "Last day of $po as PO"
keys C-u
text 2026-06-30
keys Enter
expect "who takes over?" "Who takes over?"
# The choices are name, role and title in columns: each title starts at
# one display column, whatever the role's width.
screen
cols=$(tsv | awk -F '\t' -v p="$po" '$5 != p && $16 == "" { print $5 "\t" $11 }' |
    while IFS="$(printf '\t')" read -r name title; do
	grep -F "│" "$SCR" | sed 's/^[^│]*│//' | grep -F "$name" |
	    grep -F "$title" | head -1 | sed "s/$title.*//" | wc -L
    done | sort -u)
check "the successor's choices line up their titles ($(echo $cols))" \
    sh -c '[ -n "$1" ] && [ "$(echo "$1" | wc -l)" -eq 1 ]' - "$cols"
text "$alt"
keys Enter
expect "before saving, what it does" "End the designation"
expect "the successor's own record changes, shown" \
    "takes over; their own record changes: role Alternate"
expect "the planned meeting after that day: the PO out, the successor in" \
    "out, $alt in"
expect "held meetings keep who came" "Held meetings keep who came"
keys y
expect "the end is confirmed" "designation ends on 2026-06-30"
tui_stop

same() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1 ('$2', not '$3')"; fi; }
same "the PO's designation ended on the day given" \
    "$(tsv | awk -F '\t' -v n="$po" '$5 == n { print $16 }')" 2026-06-30
same "the successor is now a PO" \
    "$(tsv | awk -F '\t' -v n="$alt" '$5 == n { print $7 }')" po
same "from the next day" \
    "$(tsv | awk -F '\t' -v n="$alt" '$5 == n { print $15 }')" 2026-07-01

# The sign-in sheets: the planned meeting's lists the successor, not the
# PO who left; a held one before the end still lists the PO.
planned=$("$OGPO" --db "$DB" list meetings --tsv |
    awk -F '\t' '$12 == "planned" { print $1; exit }')
held=$("$OGPO" --db "$DB" list meetings --tsv |
    awk -F '\t' '$12 == "held" && $5 == "work" { print $1; exit }')
"$OGPO" --db "$DB" export signin "$planned" >"$TMP/planned.csv"
"$OGPO" --db "$DB" export signin "$held" >"$TMP/held.csv"
contains "the planned meeting's sign-in sheet lists the successor" \
    "$TMP/planned.csv" "$alt"
lacks "and not the PO who left" "$TMP/planned.csv" "$po"
contains "a held meeting's sheet keeps the PO as it was" "$TMP/held.csv" "$po"

# A planned meeting moved past a designation's end keeps the one who
# left invited: P (point 7) offers to take them off, saying until when
# they were in office.
mofa() { "$OGPO" --db "$DB" list officers --agency MOFA --tsv; }
po2=$(mofa | awk -F '\t' '$7 == "po" && $16 == "" { print $5; exit }')
po2id=$(mofa | awk -F '\t' '$7 == "po" && $16 == "" { print $1; exit }')
"$OGPO" --db "$DB" add meeting kind=work status=planned date=2027-02-01 \
    title=移期會議 >/dev/null
moved=$("$OGPO" --db "$DB" list meetings --tsv |
    awk -F '\t' '$6 == "移期會議" { print $1 }')
tui_start propose 100 30
keys 3 /
text 移期會議
keys Enter Enter
expect "the moved meeting's sheet, empty" "Nobody is invited yet"
keys P
expect "P: point 7's invitees" "As point 7 names them"
keys Enter
expect "invited" "not yet marked (*)"
esc
tui_stop
"$OGPO" --db "$DB" set officer "$po2id" end_date=2027-03-01 >/dev/null
"$OGPO" --db "$DB" set meeting "$moved" date=2027-03-10 >/dev/null
"$OGPO" --db "$DB" export signin "$moved" >"$TMP/moved.csv"
contains "moved past the end, the meeting still invites $po2" \
    "$TMP/moved.csv" "$po2"
tui_start propose2 100 30
keys 3 /
text 移期會議
keys Enter Enter
keys P
expect "P offers to take off the one whose designation ended" \
    "take off $po2"
expect "… saying until when" "in office until 2027-03-01"
keys Enter
expect "taken off" "took off 1"
tui_stop
"$OGPO" --db "$DB" export signin "$moved" >"$TMP/moved.csv"
lacks "the sign-in sheet no longer lists $po2" "$TMP/moved.csv" "$po2"

# The agency's history lists both, in order.
tui_start history 100 30
keys Down v
expect "v shows the agency" "Code: MOI"
expect "with the PO who left" "– 2026-06-30"
expect "and the one in office since" "2026-07-01 – now"
esc
tui_done
