#!/bin/sh
# test_attend_origin.sh — an attendance sheet closes back to where it was
# opened, in Chinese and English, at 80x24 and 120x40: from the Cases tab
# (m starts a meeting on the case; the sheet follows the form) to the
# Cases tab with the same case selected and the list scrolled as it was,
# not to the Meetings tab; from the Meetings tab (Enter) and from a
# Compliance finding (Enter on "not marked held") to the same row, the
# same scroll. The database holds the meeting, on its case, with its mark.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-03-20 09:00"; export OGPO_NOW
day=2026-02-20
demo_db
# Enough cases and meetings that the lists scroll at 120x40 too.
i=1
while [ $i -le 30 ]; do
	"$OGPO" --db "$DB" add case title="捲動測試案$i" lead=MOE \
	    source=agency >/dev/null || not_ok "case $i"
	"$OGPO" --db "$DB" add meeting kind=work status=planned \
	    date="2025-01-$(printf %02d $((i % 28 + 1)))" \
	    title="捲動測試會議$i" >/dev/null || not_ok "meeting $i"
	i=$((i + 1))
done

# top: the list's first row (the screen's fourth line).
top() { screen; sed -n 4p "$SCR"; }

# same WHAT TOP POS: the list shows TOP first and the status line ends
# in POS, as before the sheet was opened.
same() {
	if poll 5 sh -c "[ \"\$(sed -n 4p '$SCR')\" = '$2' ] &&
	    [ \"\$(tail -n 1 '$SCR' | awk '{ print \$NF }')\" = '$3' ]"; then
		ok "$1"
	else
		not_ok "$1 (first row '$(sed -n 4p "$SCR")', not '$2'; position $(status_pos), not $3)"
		dump
	fi
}

# close_sheet WHAT [held]: Esc (the question whether it was held, asked
# when someone is marked, answered no).
close_sheet() {
	esc
	if [ -n "${2:-}" ]; then
		expect "$1: closing asks whether it was held" "$HELD"
		keys n
	fi
	expect_gone "$1: the sheet closes" "┌─ #"
}

n=0
for lg in zh en; do
	for size in 80x24 120x40; do
		n=$((n + 1))
		if [ $lg = zh ]; then
			TUI_LANG=zh_TW.UTF-8 TUI_READY='1 機關'
			CASES='列管案件：按 p' MEETINGS='會議，由新至舊'
			COMP='違反實施要點之處' COUNTS='出席 0／受邀' HELD='已召開？'
			UNHELD='已點名未標記召開'
		else
			TUI_LANG=C.UTF-8 TUI_READY='1 Agencies'
			CASES='Tracked cases: p reports' MEETINGS='Meetings, newest first'
			COMP='What breaks the regulation' COUNTS='present 0 / invited'
			HELD='Held?' UNHELD='Not marked held'
		fi
		w=${size%x*} h=${size#*x}
		tui_start "org$lg$w" "$w" "$h"
		s="$lg $size"

		# Cases: a case low in the list, scrolled to it.
		keys 4
		expect "$s: the Cases tab" "$CASES"
		keys End Up Up Up Up Up Up Up Up Up Up
		wait_pos "38/48"
		t4=$(top)
		sel_row
		case_row=$(cat "$TMP/sel")
		serial=$(echo "$case_row" | awk '{ print $1 }')
		check "$s: the list is scrolled ($serial low in it)" \
		    test "$(echo "$t4" | awk '{ print $1 }')" != 115-01
		# Held in February (judged by the Compliance tab), not marked.
		keys m
		wait_for "[F2" 3
		keys Tab Tab C-u
		text "$day"
		keys C-s
		# The invitees point 7 names, then the sheet.
		wait_for "[x]" 3 && keys Enter
		expect "$s: m from the Cases tab opens the new meeting's sheet" \
		    "$COUNTS"
		keys p
		expect_gone "$s: p marks one present" "$COUNTS"
		close_sheet "$s (Cases)" held
		expect "$s: closing it goes back to the Cases tab" "$CASES"
		screen
		check "$s: … not to the Meetings tab" lacks_text "$MEETINGS"
		same "$s: the same case selected, the list scrolled as it was" \
		    "$t4" "38/48"
		expect_sel "$s: $serial is still selected" "$serial"

		# Meetings: a meeting low in the list.
		keys 3
		expect "$s: the Meetings tab" "$MEETINGS"
		keys End Up Up Up Up Up
		wait_pos "$((n + 49 - 5))/$((n + 49))"
		t4=$(top)
		pos=$(status_pos)
		keys Enter
		expect "$s: Enter opens the meeting's sheet" "┌─ #"
		close_sheet "$s (Meetings)"
		expect "$s: closing it goes back to the Meetings tab" "$MEETINGS"
		same "$s: the same meeting, scrolled as it was" "$t4" "$pos"

		# Compliance: the new meeting is held in fact, not marked.
		keys 5
		expect "$s: the Compliance tab" "$COMP"
		expect "$s: the meeting made from the case is not marked held" \
		    "$UNHELD"
		keys Home
		down_to "$UNHELD" 60
		t4=$(top)
		pos=$(status_pos)
		keys Enter
		expect "$s: Enter on the finding opens the meeting's sheet" \
		    "┌─ #"
		close_sheet "$s (Compliance)" held
		expect "$s: closing it goes back to the Compliance tab" "$COMP"
		same "$s: the same finding, scrolled as it was" "$t4" "$pos"
		tui_stop

		# The database: the meeting is on the case, planned, one present.
		cid=$("$OGPO" --db "$DB" list cases --tsv |
		    awk -F '\t' -v s="$serial" 'NR == 1 { for (i = 1; i <= NF; i++)
		    c[$i] = i; next } $c["serial"] == s { print $1 }')
		mrow=$("$OGPO" --db "$DB" list meetings --tsv |
		    awk -F '\t' -v c="$cid" '$5 == "issue" && $13 == c &&
		    $7 == "'$day'" { print $1 "\t" $12 }' | tail -1)
		check "$s: the database holds the meeting on case $serial ($mrow)" \
		    test -n "$mrow"
		check "$s: … still planned (the question was answered no)" \
		    test "${mrow#*	}" = planned
		title=$("$OGPO" --db "$DB" list cases --tsv |
		    awk -F '\t' -v c="$cid" '$1 == c { print $5 }')
		# m names the meeting after the one the case's stage is at.
		case $("$OGPO" --db "$DB" list cases --tsv |
		    awk -F '\t' -v c="$cid" '$1 == c { print $10 }') in
		premeeting) what=會前會 ;;
		proposed|selected|working) what=工作會議 ;;
		*) what=議題協作會議 ;;
		esac
		np=$("$OGPO" --db "$DB" export attendance --month 2026-02 \
		    --plain | grep -F "$title$what" | grep -cF ',出席,')
		# (Each run makes one more meeting on the same case.)
		check "$s: … one present at each of its $n meetings ($np)" \
		    test "$np" = "$n"
	done
done
tui_done
