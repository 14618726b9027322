#!/bin/sh
# test_live_popup.sh — a record read in its popup follows what others
# write meanwhile, as the lists behind it do: a case's timeline gains the
# progress another agency reports and the resolutions a meeting makes
# about it, a meeting's count the marks another
# takes, an officer's record what another saves, an agency's
# designations the PO another designates, a Compliance finding that
# another mends, the Who list the session that comes. Each shows
# within a second or two, where it was scrolled to, with no key pressed.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW
TUI_ENV="'OGPO_NOW=$OGPO_NOW'"
demo_db
run() { "$OGPO" --db "$DB" "$@" >"$TMP/out" 2>&1 ||
    { not_ok "ogpo $*"; sed 's/^/#   /' "$TMP/out"; }; }

tui_start live 110 40

# A case, open in its popup, while another agency reports on it.
keys 4
expect "the Cases tab" "Cases"
keys Space
expect "the first case opens" "Timeline"
title=$("$OGPO" --db "$DB" list cases --tsv |
    awk -F '\t' 'NR == 2 { print $5 }')
num=$("$OGPO" --db "$DB" list cases --tsv | awk -F '\t' 'NR == 2 { print $9 }')
lead=$("$OGPO" --db "$DB" list cases --tsv | awk -F '\t' 'NR == 2 { print $6 }')
code=$("$OGPO" --db "$DB" list agencies --tsv |
    awk -F '\t' -v i="$lead" '$1 == i { print $5 }')
check "the popup is the case's ($title)" has_text "$title"
run add progress "issue=$num" "agency=$code" date=2026-12-07 \
    "text=Ramps listed at every station"
expect "another's progress report shows in the open popup" \
    "Ramps listed at every station" 3
check "and the popup is still open" has_text "arrows, PgUp/PgDn: scroll"
# The month's meeting resolves something about the case.
mday=$("$OGPO" --db "$DB" list meetings --tsv | awk -F '\t' \
    '$5 == "work" && $7 <= "2026-12-07" { print $1 " " $7; exit }')
run add resolution "meeting=${mday% *}" "issue=$num" owner=MOI,MOTC \
    due=2027-01-15 "text=Publish the ramp data"
expect "the meeting's resolution about the case shows under it" \
    "Publish the ramp data" 3
check "with its meeting's day and number, status, due date and owners" \
    sh -c "grep -F 'Publish the ramp data' '$SCR' | grep -qF \
    'Resolutions: ${mday#* }-3 Followed, due 2027-01-15, 內政部, 交通部: '"
esc
expect_gone "Esc closes it" "Ramps listed"

# A meeting's popup while its roll call is taken elsewhere.
keys 3
expect "the Meetings tab" "Meetings"
keys Space
expect "the newest meeting opens" "arrows, PgUp/PgDn: scroll"
mid=$("$OGPO" --db "$DB" list meetings --tsv | awk -F '\t' 'NR == 2 { print $1 }')
run set meeting "$mid" "note=Moved to room 301"
expect "another's change to the meeting shows in its open popup" \
    "Moved to room 301" 3
esc

# An officer's record while another saves a new title.
oid=$("$OGPO" --db "$DB" list officers --tsv | awk -F '\t' 'NR == 2 { print $1 }')
oname=$("$OGPO" --db "$DB" list officers --tsv | awk -F '\t' 'NR == 2 { print $5 }')
keys 2
expect "the Officers tab" "Officers"
keys /
text "$oname"
keys Enter
expect_sel "$oname is found" "$oname"
keys Space
expect "their record opens" "arrows, PgUp/PgDn: scroll"
run set officer "$oid" "title=Chief liaison officer"
expect "another's save shows in the officer's open popup" \
    "Chief liaison officer" 3
esc

# An agency's designations while another designates a new PO there.
keys 1
expect "the Agencies tab" "Agencies"
keys /
text 內政部
keys Enter
expect_sel "內政部 is found" 內政部
keys v
expect "its designations" "Designations"
run add officer name=林新任 agency=MOI role=po email=new.po@moi.gov.tw \
    civil_servant=yes start_date=2026-12-01
expect "the new PO shows among them, while open" 林新任 3
esc

# A Compliance finding read (Space) while another mends it: a PO made
# their agency's civil servant.
civil=$("$OGPO" --db "$DB" check --tsv |
    awk -F '\t' '$1 == "not_civil_servant" { print $2 "\t" $5; exit }')
keys 5
expect "the Compliance tab" "What breaks the regulation"
keys Home
k=0
while [ $k -lt 60 ]; do
	screen
	sel_row
	grep -qF "${civil%	*}" "$TMP/sel" && break
	keys Down
	sleep 0.05
	k=$((k + 1))
done
keys Space
expect "the finding on ${civil%	*} opens" "but not its own civil servant"
run set officer "${civil#*	}" civil_servant=yes
expect "the finding mended meanwhile says so in the open popup" \
    "No longer found" 3
check "and the popup is still open" has_text "arrows, PgUp/PgDn: scroll"
esc
expect_gone "Esc closes it" "No longer found"

# The Who list gains the session that opens the database.
keys W
expect "the Who list" "Who has the database open"
TUI_S=other
tui_start other 100 30
TUI_S=live
# Each session is a line, "(process N)".
two() { [ "$(grep -c '(process [0-9]*' "$SCR")" -eq 2 ]; }
if poll 5 two; then
	ok "the Who list shows the one who came, while open"
else
	not_ok "the Who list shows the one who came, while open"; dump
fi
esc
TUI_S=other
tui_stop
TUI_S=live
tui_stop
tui_done
