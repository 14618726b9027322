#!/bin/sh
# test_case_meeting_title.sh — m on the Cases tab, in Chinese at 80x24,
# names the new meeting after the one the case's stage is at: a case at
# its working meeting gets 「…工作會議」, one at the pre-meeting
# 「…會前會」, one at the collaboration meeting 「…議題協作會議」, not
# every one a collaboration meeting; each is of the issue kind, on the
# case, as the database then holds.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2027-02-15 09:00"; export OGPO_NOW

demo_db
# A case of each stage, from the demo.
pick() {
	"$OGPO" --db "$DB" list cases --tsv | awk -F'\t' -v s="$1" \
	    'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	     $c["stage"] == s { print $c["serial"]; exit }'
}
W=$(pick working); P=$(pick premeeting); C=$(pick collaboration)
check "the demo has a case at each of the three meetings ($W $P $C)" \
    test -n "$W" -a -n "$P" -a -n "$C"

tui_start_zh title
keys 4
expect "4: the cases" "列管案件：按 p"
for pair in "$W:工作會議" "$P:會前會" "$C:議題協作會議"; do
	no=${pair%%:*}; what=${pair#*:}
	title=$(case_field "$no" title)
	keys /
	text "$no"
	keys Enter
	expect_sel "$no is found" "$no"
	keys m
	expect "$no: m opens a new meeting" "新增會議"
	expect "$no: of the issue kind" "議題協作會議  [F2"
	expect "$no: named after its stage, $what" "名稱      $title$what"
	keys C-s
	expect "$no: its invitees are proposed" "依第七點邀請"
	keys Enter
	expect "$no: the roll call opens" "p 出席"
	esc
	expect "$no: back on the cases" "列管案件：按 p"
	id=$(case_field "$no" id)
	got=$("$OGPO" --db "$DB" list meetings --tsv | awk -F'\t' -v i="$id" \
	    '$5 == "issue" && $13 == i && $7 == "2027-02-15" { print $6 }')
	check "$no: the database holds 「$title$what」 ($got)" \
	    test "$got" = "$title$what"
done
tui_stop

tui_done
