#!/bin/sh
# test_vote_meanwhile.sh — closing a topic vote (C) writes what was agreed
# to. The question names the two topics closing chooses; a ballot entered
# at another desk while it is open changes them: y does not close unsaid,
# it names the two it would choose now and asks again; so too when a
# ballot breaks the tie the coordinator was choosing in. Another desk
# closing the same vote meanwhile: y is refused, naming who closed it.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-06 10:00"; export OGPO_NOW
TUI_ENV="'OGPO_NOW=$OGPO_NOW'"
demo_db
run() { "$OGPO" --db "$DB" "$@" >"$TMP/out" 2>&1 ||
    { not_ok "ogpo $*"; sed 's/^/#   /' "$TMP/out"; }; }
stage() { "$OGPO" --db "$DB" list cases --tsv | awk -F '\t' -v t="$1" \
    'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $c["title"] == t { print $c["stage"] }'; }
# The demo's vote: #4 then #1 most approved, #2 one behind; a PO's
# ballot for #2 and #3, replacing theirs, puts #2 before #1.
po=$("$OGPO" --db "$DB" list officers --tsv |
    awk -F '\t' '$7 == "po" && $16 == "" { print $12; exit }')

tui_start meanwhile 110 36
keys 4 V
expect "V opens the demo's vote" "Topic vote #1"
keys C
expect "C asks, naming the two it chooses" "Close vote #1?"
check "#4 first" has_text "approvals  #4 農地違章工廠資訊揭露"
check "#1 second" has_text "approvals  #1 推動公共運輸票證資料開放"
run vote ballot 1 "$po" 2,3
keys y
expect "y is not taken as agreeing to another choice" \
    "Ballots came meanwhile"
check "the two it would choose now: #2 for #1" \
    has_text "approvals  #2 校園午餐食材來源公開"
check "the vote is still open" sh -c "'$OGPO' --db '$DB' vote list |
    grep -q Voting"
keys y
expect "asked again, y closes it" "Vote #1 closed"
check "#4 is a case at the stage selected" \
    test "$(stage 農地違章工廠資訊揭露)" = selected
check "#2 too" test "$(stage 校園午餐食材來源公開)" = selected
check "#1 is not" test -z "$(stage 推動公共運輸票證資料開放)"
tui_stop

# A tie the coordinator decides, while a ballot elsewhere breaks it.
run add vote date=2026-12-06 title=12月議題票選
for t in 甲案 乙案 丙案; do
	run add candidate vote=2 "title=$t" source=機關提案 lead=MOI
done
"$OGPO" --db "$DB" list officers --tsv |
    awk -F '\t' '$7 == "po" && $16 == "" { print $12 }' | head -3 >"$TMP/pos"
po1=$(sed -n 1p "$TMP/pos") po2=$(sed -n 2p "$TMP/pos") po3=$(sed -n 3p "$TMP/pos")
run vote ballot 2 "$po1" 5,6
run vote ballot 2 "$po2" 5,7
tui_start tie 110 36
keys 4 V
expect "V opens December's vote" "Topic vote #2"
keys C
expect "C: a tie, the coordinator chooses" "A tie: choose the two topics"
run vote ballot 2 "$po3" 6
keys Down Space Enter
expect "the choice made on the old tally is not written" \
    "Ballots came meanwhile; the tally changed."
check "the two it would choose now" has_text "approvals  #6 乙案"
check "the vote is still open" sh -c "'$OGPO' --db '$DB' vote list |
    grep '12月議題票選' | grep -q Voting"
keys y
expect "asked again, y closes it" "Vote #2 closed"
check "甲案 is a case" test "$(stage 甲案)" = selected
check "乙案 too" test "$(stage 乙案)" = selected
tui_stop

# Another desk closes the vote while the question is open.
run add vote date=2026-12-06 title=12月補充票選
for t in 丁案 戊案 己案; do
	run add candidate vote=3 "title=$t" source=機關提案 lead=MOI
done
run vote ballot 3 "$po" 8,9
tui_start closed 110 36
keys 4 V
expect "V opens the new vote" "Topic vote #3"
keys C
expect "C asks" "Close vote #3?"
run vote close 3
keys y
expect "y is refused, naming who closed it" \
    "closed vote #3 meanwhile; nothing was saved"
tui_stop
tui_done
