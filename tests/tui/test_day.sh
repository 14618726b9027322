#!/bin/sh
# test_day.sh — a month's work, end to end, on the screen, the clock set
# by OGPO_NOW for each sitting: on 25 February the coordinator plans March's
# and April's PO work meetings (point 7 proposes the invitees); on 2 March
# 內政部 replaces its PO, and both planned meetings follow; on 16 March the
# coordinator takes the roll (finding people as they come), marks the
# meeting held on closing the sheet, writes the month's attendance as a
# spreadsheet and the sign-in sheet of April's meeting. Then ogpo check is
# clean for March, the sheets list the successor and not the PO who left,
# and the audit trail tells the story in words.
. tests/lib.sh
. tests/tui/tui-lib.sh
TOOL=$(pwd)/build/tools/table-tool

export OGPO_NOW="2026-02-01 09:00:00"
demo_db
# The demo plans February's and March's meetings itself: the coordinator
# will plan March's, and February's does not come into the story.
for demo_planned in $("$OGPO" --db "$DB" list meetings --tsv |
    awk -F '\t' '$12 == "planned" { print $1 }'); do
	"$OGPO" --db "$DB" delete meeting "$demo_planned" >/dev/null
done
moi() { "$OGPO" --db "$DB" list officers --agency MOI --tsv; }
po=$(moi | awk -F '\t' '$7 == "po" && $16 == "" { print $5; exit }')
alt=$(moi | awk -F '\t' '$7 == "alternate" && $16 == "" { print $5; exit }')
check "內政部 has a PO ($po) and an alternate ($alt)" test -n "$po" -a -n "$alt"
unset OGPO_NOW
mkdir -p "$TMP/desk"
cd "$TMP/desk" || exit 1

# A new work meeting: TITLE on DATE, its invitees as point 7 names them.
plan() {
	keys a
	expect "a: a new meeting" "New meeting"
	keys Tab
	text "$1"
	keys Tab C-u
	text "$2"
	keys C-s
	expect "$1: point 7's invitees proposed" "Invite these, as point 7 names them"
	keys Enter
	expect "$1: its sheet, all invited" "not yet marked (*)"
	esc
	expect "$1: back on the list" "Meetings, newest first"
}

# --- 25 February: the coordinator plans ------------------------------------
TUI_ENV="'OGPO_NOW=2026-02-25 10:00:00'"
tui_start plan 100 30
keys 3
expect "the Meetings tab" "Meetings, newest first"
plan 2026年3月工作推動會議 2026-03-16
plan 2026年4月工作推動會議 2026-04-15
expect "both planned, in words" "Planned"
tui_stop
mtsv() { "$OGPO" --db "$DB" list meetings --tsv; }
march=$(mtsv | awk -F '\t' '$6 == "2026年3月工作推動會議" { print $1 }')
april=$(mtsv | awk -F '\t' '$6 == "2026年4月工作推動會議" { print $1 }')
check "both meetings are in the database (#$march, #$april)" \
    test -n "$march" -a -n "$april"

# --- 2 March: 內政部 replaces its PO ------------------------------------------
TUI_ENV="'OGPO_NOW=2026-03-02 09:30:00'"
tui_start handover 100 30
keys 2 /
text "$po"
keys Enter E
expect "E: the last day, of whom" "Last day of $po as PO"
keys C-u
text 2026-03-05
keys Enter
expect "who takes over?" "Who takes over?"
text "$alt"
keys Enter
expect "before saving: both planned meetings change" \
    "The 2 planned meetings after that day change"
expect "… the successor in" "$alt in"
keys y
expect "saved" "designation ends on 2026-03-05"
tui_stop

# --- 16 March: the roll call ----------------------------------------------------
TUI_ENV="'OGPO_NOW=2026-03-16 14:30:00'"
tui_start roll 100 30
keys 3 /
text 2026年3月
keys Enter Enter
expect "March's sheet" "#$march 2026年3月工作推動會議"
keys /
text "$po"
keys Enter
expect "the PO who left is not on it" "no match"
keys /
text "$alt"
keys Enter
expect_sel "the successor is, found as they arrive" "$alt"
keys p
expect "marked present" "present 1 /"
keys Home p p o e a
expect "from the top: the successor again, then four more" "present 3 /"
keys x
expect "a proxy, for whom it says" "Who came in place of"
text 代理人乙
keys Enter
expect "present by proxy" "present 4 /"
esc
expect "closing, ogpo offers to mark it held" "Mark it held, so"
keys y
expect "held" "Held"
# The month's attendance as a spreadsheet, March offered.
keys x
expect "x: which month, March offered" "2026-03"
keys Enter
expect "the file offered" "attendance-2026-03.ods"
keys Enter
expect "written, with its whole path" "$(pwd -P)/attendance-2026-03.ods"
# April's sign-in sheet.
keys /
text 2026年4月
keys Enter S
expect "S: April's sign-in sheet" "signin-$april.ods"
keys Enter
expect "written" "Wrote the sign-in sheet"
tui_stop

# --- what the records say -----------------------------------------------------
OGPO_NOW="2026-04-01 08:00:00" "$OGPO" --db "$DB" check --tsv >"$TMP/check"
lacks "ogpo check on 1 April: March had its work meeting" "$TMP/check" \
    "no_work_meeting	2026-03"
lacks "… and none is left unmarked" "$TMP/check" "not_marked_held"
check "the month's spreadsheet is there" test -f attendance-2026-03.ods
"$TOOL" dump attendance-2026-03.ods >"$TMP/month" 2>&1
contains "… the successor, present" "$TMP/month" "$alt"
grep -F "$alt" "$TMP/month" >"$TMP/alt.row"
contains "… as present (出席)" "$TMP/alt.row" "出席"
lacks "… and not the PO who left" "$TMP/month" "$po"
contains "… the proxy named" "$TMP/month" "代理人乙"
check "April's sign-in sheet is there" test -f "signin-$april.ods"
"$TOOL" dump "signin-$april.ods" >"$TMP/april" 2>&1
contains "… listing the successor" "$TMP/april" "$alt"
lacks "… not the PO who left" "$TMP/april" "$po"
st=$(mtsv | awk -F '\t' -v i="$march" '$1 == i { print $12 }')
check "March's meeting is held in the database" test "$st" = held

"$OGPO" --db "$DB" audit --since 2026-02-25 --limit 0 >"$TMP/audit"
contains "the trail: March's meeting planned" "$TMP/audit" \
    "create   meeting 2026年3月工作推動會議"
contains "… the PO's designation ended" "$TMP/audit" \
    "end_date (empty) → 2026-03-05"
contains "… the successor's role" "$TMP/audit" "role Alternate → PO"
contains "… the PO taken off March's meeting" "$TMP/audit" \
    "delete   attendance $po"
contains "… the successor invited to it" "$TMP/audit" "create   attendance $alt"
contains "… marked present" "$TMP/audit" "status Invited → Present"
contains "… the proxy" "$TMP/audit" "proxy (empty) → 代理人乙"
contains "… the meeting held" "$TMP/audit" "status Planned → Held"
grep -c "2026-03-16 14:" "$TMP/audit" >"$TMP/n"
check "… the roll call on its day, at its hour" [ "$(cat "$TMP/n")" -ge 7 ]
"$OGPO" --db "$DB" verify >"$TMP/verify" 2>&1
contains "the database is consistent" "$TMP/verify" "is consistent"
tui_done
