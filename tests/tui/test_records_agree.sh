#!/bin/sh
# test_records_agree.sh — on screen, under a fixed clock, at 80x24: the
# resolution form refuses a due date before the meeting that makes it,
# naming both dates under the field (115/01/31 typed at the December
# meeting), and saves nothing; a meeting's page (Space on the Meetings
# tab) lists, after the resolutions it made and the cases reported at
# it, the earlier resolutions it decided (持續列管, 解除列管), named as
# the resolutions page names them; the case picker lists cases by 案號, newest first, and finds them by it; the
# topic vote's close refuses a Join candidate with no case linked,
# saying what to do.
. tests/lib.sh
. tests/tui/tui-lib.sh

september_resolution
"$OGPO" --db "$DB" set resolution "$ID" status=closed decided="$W2" \
    >/dev/null 2>&1
for t in 去年補登之案; do
	"$OGPO" --db "$DB" add case title=$t lead=MOI serial=114-30 >/dev/null
done
check "a September resolution (#$ID) released by October's meeting" \
    sh -c "'$OGPO' --db '$DB' list resolutions --tsv | grep -q '^$ID	'"

# scroll_to TEXT: Down on a page until TEXT shows (at most 40 lines).
scroll_to() {
	_i=0
	while [ $_i -lt 40 ] && ! wait_for "$1" 0.2; do
		keys Down
		_i=$((_i + 1))
	done
}

tui_start agree 80 24
keys 3
wait_for "Meetings, newest first" >/dev/null
keys Home
down_to 2026-12-15
keys R
expect "R opens December's resolutions" "2026年12月開放政府聯絡人工作推動會議"
keys a
expect "a opens the form" "New resolution"
text 請各部會提報開放資料盤點
keys Tab F2
expect "F2 on the owners picks from the agency tree" "Choose an agency"
keys Down Enter
keys Tab
text 115/01/31
keys C-s
expect "a due date before the meeting is refused under the field" \
    "the due date 2026-01-31 is before 2026-12-15"
expect "… saying what to do" "check the year"
expect "… and not saved" "Not saved"
keys Escape
expect "Esc asks before throwing it away" "Throw away what you typed"
keys y
expect_gone "y closes the form" "New resolution"
"$OGPO" --db "$DB" list resolutions --tsv >"$TMP/tsv"
lacks "nothing was written" "$TMP/tsv" 請各部會提報開放資料盤點

# The case picker, by 案號: a case of last year typed in late sits with
# its year, not first; typing finds a case by its number.
keys a
expect "a opens the form again" "New resolution"
keys Tab Tab Tab Tab F2
expect "F2 on the case opens the case picker" "115-18 企業碳排放資訊揭露"
screen
lacks "… first, before last year's typed in late" "$SCR" "114-30"
keys End
expect "End: last year's case last" "114-30 去年補登之案"
screen
awk '/115-01 公共場所無障礙/ { c = NR } /114-30 去年補登之案/ { b = NR }
    END { exit !(c && b == c + 1) }' "$SCR" &&
    ok "… after this year's first case" ||
    { not_ok "… after this year's first case"; sed 's/^/#   /' "$SCR"; }
keys Home
text 114-
expect "typing 114- finds last year's case" "114-30 去年補登之案"
screen
lacks "… and no other" "$SCR" "115-01"
keys Enter
expect "Enter puts it in the form" "114-30 去年補登之案"
keys Escape
expect "Esc asks before throwing the form away" "Throw away what you typed"
keys y
expect_gone "y closes it" "New resolution"
esc

# --- the October meeting's page: what it decided of September's -----------
wait_for "Meetings, newest first" >/dev/null
keys Home
down_to 2026-10-15
keys Space
expect "Space opens the October meeting's page" "Title: 2026年10月"
expect "its resolutions name their owners, a comma between" \
    "(國家發展委員會,"
scroll_to "Earlier resolutions decided here"
expect "it lists the earlier resolutions it decided, after those it made" \
    "Earlier resolutions decided here"
scroll_to "2026-09-15-3 Released: 盤點跨機關協作案件"
expect "… the September one released, named as the resolutions page does" \
    "2026-09-15-3 Released: 盤點跨機關協作案件"
esc
down_to 2026-09-15
keys Space
expect "the September meeting's page" "Title: 2026年9月"
scroll_to "3. 盤點跨機關協作案件"
expect "it lists the resolution among its own" "3. 盤點跨機關協作案件"
screen
lacks "… not as one it decided" "$SCR" "2026-09-15-3 Released"
esc
tui_stop

# --- a Join candidate without its case does not become a case -------------
"$OGPO" --db "$DB" add vote date=2026-12-01 title=十二月票選 >"$TMP/v" 2>&1
V=$(sed -n 's/^Added vote #\([0-9]*\).*/\1/p' "$TMP/v")
"$OGPO" --db "$DB" add candidate vote="$V" title=未連結之提案 source=Join \
    lead=MOI >"$TMP/c" 2>&1
"$OGPO" --db "$DB" add candidate vote="$V" title=機關之提案 source=機關提案 \
    lead=MODA >/dev/null 2>&1
J=$(sed -n 's/^Added candidate topic #\([0-9]*\).*/\1/p' "$TMP/c")
tui_start vote 110 36
keys 4 V
expect "V opens the newest vote" "Topic vote #$V"
keys C
expect "C asks" "Close vote #$V?"
keys y
expect "y is refused, naming the candidate" \
    "candidate #$J 未連結之提案 is a Join proposal with no case linked"
"$OGPO" --db "$DB" vote list >"$TMP/votes"
contains "the vote is still open" "$TMP/votes" "Voting"
tui_done
