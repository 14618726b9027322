#!/bin/sh
# test_refs.sh — an editor cannot break others' records by deleting what
# they name. The month's topic vote is the coordinator's (an admin): a
# case put to the vote or chosen by it, an agency leading a candidate and
# an officer with a ballot stay while the vote names them (by ogpo delete
# and by ogpo undo of their creation), so the database still verifies,
# the tally counts what it did and the admin can still close the vote. An
# agency that reported progress on another's case stays with the report.
# A chosen case's title, the editor's, reaches no one's terminal raw.
. "$(dirname "$0")/attack-lib.sh"

# The number in "Added case #19 …" (or officer, agency, topic).
added() { sed -n 's/^Added [^#]*#\([0-9]*\).*/\1/p' "$TMP/out"; }

as "$ADM" add case title=票選測試案 lead=MOI source=other
case=$(added)
as "$ADM" add candidate vote=1 title=票選測試案 source=Join lead=MOI \
    "issue=$case"
cand=$(added)
as "$ED" add agency code=MOITEST name=內政部測試處 parent=MOI level=3
agency=$(added)
as "$ADM" add candidate vote=1 title=測試處提案 source=agency \
    "lead=$agency"
cand2=$(added)
as "$ED" add officer name=票選測試員 agency=MOI role=po \
    email=voter@moi.gov.tw
officer=$(added)
as "$ADM" vote ballot 1 "$officer" "$cand,$cand2"
check "the admin puts a case and an agency of MOI to the vote, and an \
officer of MOI votes ($case $agency $officer $cand $cand2)" test "$rc" -eq 0 -a -n "$case" \
    -a -n "$agency" -a -n "$officer" -a -n "$cand" -a -n "$cand2"
"$BIN" vote tally 1 >"$TMP/tally"

remember
as "$ED" delete case "$case"
check "the editor of MOI may not delete the case the vote names" \
    test "$rc" -ne 0
said "told why, and what to do instead" "set its stage to withdrawn"
as "$ED" delete agency "$agency"
check "nor the agency leading a candidate" test "$rc" -ne 0
said "told why" "topic vote with a candidate it leads"
as "$ED" delete officer "$officer"
check "nor the officer with a ballot" test "$rc" -ne 0
said "told why" "has a ballot in 1 topic vote"
as "$ED" undo
check "nor by taking back the officer's creation" test "$rc" -ne 0
said "for the same reason" "has a ballot in 1 topic vote"
intact "deletions under the vote refused"
"$BIN" vote tally 1 >"$TMP/tally2"
check "the tally is what it was" cmp -s "$TMP/tally" "$TMP/tally2"

as "$ADM" vote close 1 --pick "$cand,$cand2"
check "the admin closes the vote with both topics" test "$rc" -eq 0
said "the case put to the vote is chosen" "票選測試案 (#$case)"
remember
as "$ED" delete case "$case"
check "the chosen case is not deleted either" test "$rc" -ne 0
intact "the chosen case kept"
# Its title is the editor's to change, and everyone's tally shows it:
# a mark that turns the terminal's text around is shown, not obeyed.
rlo=$(printf '\342\200\256')
as "$ED" set case "$case" "title=票選${rlo}測試案"
check "the editor puts a right-to-left override in the chosen case's title" \
    test "$rc" -eq 0
as "$VW" vote tally 1
lacks "a viewer's tally does not carry it to the terminal" "$TMP/out" "$rlo"
said "but shows it as the screens do" "票選<U+202E>測試案"

# --- progress on another's case ------------------------------------------
as "$ED" add agency code=MOICO name=內政部協辦處 parent=MOI level=3
co=$(added)
as "$ADM" add case title=交通協辦案 lead=MOTC source=other collab=MOICO
motc=$(added)
as "$ED" add progress "issue=$motc" agency=MOICO date=2026-11-02 \
    text=協辦處回報
check "an agency of MOI co-organises a case of MOTC and reports on it" \
    test "$rc" -eq 0 -a -n "$co" -a -n "$motc"
as "$ADM" set case "$motc" collab=
check "then the admin takes it off the case" test "$rc" -eq 0
remember
as "$ED" delete agency "$co"
check "the editor of MOI may not delete the agency whose report the \
case of MOTC keeps" test "$rc" -ne 0
said "told why" "1 progress report it made (協辦處回報)"
intact "the agency with a report on another's case kept"
