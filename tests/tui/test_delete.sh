#!/bin/sh
# test_delete.sh — d on the screen deletes the record the dialog named, as
# it was when asked: changed by someone else while the question is up, the
# delete is refused, saying who changed it, and the record stays; asked
# again, it goes. A topic vote's candidate goes too, its vote changed more
# often than itself (the version asked about is the candidate's own).
# An officer with a history is not deleted: the refusal names the key
# that ends the designation.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-06 10:00"; export OGPO_NOW
demo_db
mtitle() {
	"$OGPO" --db "$DB" list meetings --tsv |
	    awk -F '\t' -v i="$1" '$1 == i { print $6 }'
}
mid=$("$OGPO" --db "$DB" add meeting kind=work status=planned \
    date=2099-01-15 title=將刪除的會議 | sed -n 's/.*#\([0-9]*\).*/\1/p')
check "a meeting to delete (#$mid)" test -n "$mid"

tui_start delete 100 30
keys 3
expect "the meetings, the one to delete first" "將刪除的會議"
keys Home d
expect "d asks, naming the meeting" "Delete meeting 將刪除的會議 (2099-01-15)"
"$OGPO" --db "$DB" set meeting "$mid" title=改過的會議 >/dev/null
keys y
expect "changed meanwhile: refused, saying who changed it" \
    "改過的會議 was changed by $(id -un) at 2026-12-06 10:00 since you opened it"
check "… the meeting is still there" test "$(mtitle "$mid")" = 改過的會議
keys d
expect "d again asks about it as it is now" "Delete meeting 改過的會議"
keys y
expect "y deletes it" "Deleted."
check "… and it is gone" test -z "$(mtitle "$mid")"
tui_stop

# A vote of this month, changed after its candidate was put to it.
"$OGPO" --db "$DB" add vote date=2026-12-06 title=十二月票選 >/dev/null
vote=$("$OGPO" --db "$DB" vote list | awk '$5 == "十二月票選" { print $1 }')
case_id=$("$OGPO" --db "$DB" list cases |
    awk '$3 == "proposed" { print $1; exit }')
"$OGPO" --db "$DB" add candidate vote="$vote" issue="$case_id" \
    title=待刪的議題 lead=MOI >/dev/null
"$OGPO" --db "$DB" set vote "$vote" title=十二月議題票選 >/dev/null
"$OGPO" --db "$DB" vote tally "$vote" >"$TMP/tally"
contains "the vote has the candidate" "$TMP/tally" "待刪的議題"

tui_start candidate 100 30
keys 4 V
expect "V opens the month's vote" "Topic vote #$vote: 十二月議題票選"
keys d
expect "d asks, naming the candidate" "Delete candidate 待刪的議題?"
keys y
expect "y deletes it" "Deleted."
tui_stop
"$OGPO" --db "$DB" vote tally "$vote" >"$TMP/tally"
lacks "… and the vote no longer has it" "$TMP/tally" "待刪的議題"

# An officer with a history is refused: the refusal says which key ends
# the designation instead (it said only "set an end date").
tui_start_zh officer 80 24
keys 2
expect "the officers" "人員"
keys Home d
expect "d on an officer with a history is refused" "無法刪除"
expect "… naming the key that ends the designation instead" \
    "在「人員」分頁按 E 可結束其指派"
tui_stop
tui_done
