#!/bin/sh
# test_case_review.sh — a case's collaboration meetings review their own
# case's resolutions, not another case's: a resolution made at case A's
# meeting is on the agenda of A's next meeting as still followed
# (持續列管), not on case B's meeting held between them; B's meeting
# cannot release it (the refusal names both meetings and says why), A's
# next meeting can. A case's own meeting's agenda lists that case alone,
# not every open case; a work meeting's still lists them all.
#
#   OGPO=./ogpo sh tests/cli/test_case_review.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
DB=$TMP/db

# case_no, meeting_id: what the last add said it added.
case_no() { sed -n 's/.*case number \([0-9-]*\)\.$/\1/p' "$TMP/out"; }
added_id() { sed -n 's/^Added [a-z ]* #\([0-9]*\) .*/\1/p' "$TMP/out"; }

OGPO_NOW="2027-04-20 09:00"; export OGPO_NOW
"$OGPO" --db "$DB" init --demo >/dev/null || { not_ok "init"; exit 1; }

run add case title=甲案校園心理健康 lead=MOE stage=collaboration
A=$(case_no)
run add case title=乙案無障礙資訊 lead=MOHW stage=collaboration
B=$(case_no)
check "two cases ($A, $B)" test -n "$A" -a -n "$B"
run add meeting kind=issue date=2027-04-01 title=甲案協作會議 issue="$A" \
    agency=MOE status=held
A1=$(added_id)
run add meeting kind=issue date=2027-04-08 title=乙案協作會議 issue="$B" \
    agency=MOHW status=held
B1=$(added_id)
run add meeting kind=issue date=2027-04-15 title=甲案第二次協作會議 \
    issue="$A" agency=MOE status=held
A2=$(added_id)
run add resolution meeting="$A1" text=教育部公開回應甲案 owner=MOE \
    due=2027-04-30 issue="$A"
status "a resolution at case $A's meeting" 0
R=$(added_id)

run export agenda "$B1" --plain
status "case $B's meeting's agenda" 0
lacks "… does not review case $A's resolution" "$TMP/out" "教育部公開回應甲案"
contains "… lists its own case" "$TMP/out" "列管議題,$B,乙案無障礙資訊"
lacks "… and not case $A" "$TMP/out" "甲案校園心理健康"
same "… its own case alone" "$(grep -c '^列管議題,' "$TMP/out")" 1
run export agenda "$A2" --plain
contains "case $A's next meeting reviews it, still followed" "$TMP/out" \
    "前次會議決議事項,2027-04-01-1,教育部公開回應甲案,MOE,教育部,2027-04-30,持續列管,"
lacks "… and lists not case $B" "$TMP/out" "乙案無障礙資訊"
run list meetings --tsv
W=$(awk -F'\t' '$5 == "work" { print $1; exit }' "$TMP/out")
run export agenda "$W" --plain
contains "a work meeting's agenda still lists case $A" "$TMP/out" \
    "列管議題,$A,甲案校園心理健康"
contains "… and case $B" "$TMP/out" "列管議題,$B,乙案無障礙資訊"

run set resolution "$R" status=closed decided="$B1"
status "case $B's meeting cannot release it" 1
contains "… saying why" "$TMP/err" \
    "meeting #$B1 (2027-04-08) cannot decide on a resolution of meeting #$A1 (2027-04-01): an issue collaboration meeting reviews only its own case's"
run list resolutions --tsv
same "… it is still followed" "$(awk -F'\t' -v r="$R" \
    'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
     $1 == r { print $c["status"] }' "$TMP/out")" open
run set resolution "$R" status=closed decided="$A2"
status "case $A's next meeting releases it" 0
run list resolutions --tsv
same "… released (解除列管) at $A2" "$(awk -F'\t' -v r="$R" \
    'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
     $1 == r { print $c["status"] "/" $c["decided"] }' "$TMP/out")" \
    "closed/$A2"
