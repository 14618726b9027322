#!/bin/sh
# test_case_meeting.sh — the coordinator's month on the command line, in
# Chinese: the month's work meeting added as the README and ogpo help
# add show it (kind, date, title, --invite proposed; no status) is added,
# planned, as its form on the screen starts it, with the POs invited; its
# agenda gives each tracked case the next deadline ogpo list cases gives
# it (a Join case's contact with the proposer while it is not recorded,
# overdue, then its response), not the response alone; a
# case is closed at it (解除列管), and the sentence saying so ends as a
# Chinese sentence does, with 。, not with a stray ASCII full stop.
#
#   OGPO=./ogpo sh tests/cli/test_case_meeting.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
DB=$TMP/db

OGPO_NOW="2027-03-01 09:00"; export OGPO_NOW
LANG=zh_TW.UTF-8; LC_ALL=zh_TW.UTF-8; export LANG LC_ALL
"$OGPO" --db "$DB" init --demo >/dev/null || { not_ok "init"; exit 1; }

# --- The month's work meeting, as the README writes it.
run add meeting kind=work date=2027-03-15 title=2027年3月工作會議 \
    agency=NDC --invite proposed
status "a work meeting added without a status" 0
contains "… is added" "$TMP/out" "已新增會議"
contains "… with the POs invited" "$TMP/out" "已依第七點邀請"
lacks "… not refused for its status" "$TMP/err" "狀態為必填"
M=$(sed -n 's/^已新增會議 #\([0-9]*\) .*/\1/p' "$TMP/out")
run list meetings --tsv
same "it is planned" \
    "$(awk -F'\t' -v id="$M" '$1 == id { print $12 }' "$TMP/out")" planned
run add meeting kind=work date=2027-03-16 title=空白狀態 status=
status "a status given empty is still refused" 1

# --- Its agenda: a Join case whose proposer no one has contacted.
run add case title=空氣品質感測資料開放 lead=MOENV source=join \
    join_no=202702200001 passed=2027-02-20
status "a Join case, the proposer not contacted" 0
AQ=$(sed -n 's/.*案號 \([0-9-]*\)。$/\1/p' "$TMP/out")
run list cases
contains "ogpo list cases: the contact, 2/27, overdue" "$TMP/out" \
    "2027-02-27  （逾期）空氣品質感測資料開放"
run export agenda "$M" --plain
contains "the agenda gives the same date" "$TMP/out" \
    "列管議題,$AQ,空氣品質感測資料開放,MOENV,環境部,2027-02-27,提案,"
run set case "$AQ" contacted=2027-02-26
run export agenda "$M" --plain
contains "contacted, the agenda gives the response, 4/20" "$TMP/out" \
    "列管議題,$AQ,空氣品質感測資料開放,MOENV,環境部,2027-04-20,提案,"

# --- A case closed at it, once the day has come and it is held.
OGPO_NOW="2027-03-15 16:00"
run set meeting "$M" status=held
status "the meeting is held on its day" 0
run add case title=校園心理健康資源開放 lead=MOE source=join \
    join_no=202703010001 passed=2027-03-01 contacted=2027-03-02 \
    stage=response responded=2027-03-14 response=https://join.gov.tw/r/1
status "a case answered in public" 0
NO=$(sed -n 's/.*案號 \([0-9-]*\)。$/\1/p' "$TMP/out")
run close "$NO" --meeting "$M"
status "the coordinator closes it at the meeting" 0
same "the sentence ends with 。" "$(cat "$TMP/out")" \
    "已解除列管案件 $NO 校園心理健康資源開放。"
run list cases --tsv
same "the database holds it closed" "$(awk -F'\t' -v n="$NO" \
    'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
     $c["serial"] == n { print $c["stage"] "/" $c["close_meeting"] }' \
    "$TMP/out")" "closed/$M"
