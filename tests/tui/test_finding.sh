#!/bin/sh
# test_finding.sh — a Compliance finding opened, in Chinese and English,
# at 80x24 and 120x40: Enter on a low-attendance finding lists the work
# meetings the agency missed (date, kind, title, who, and excused,
# absent, not marked or not invited), as the database holds them, in a
# view with its own keys and its own section of the help; Enter on one
# takes its attendance and Esc comes back; Esc goes back to the same
# finding. Enter on an officer's finding shows the officer's record, on
# an overdue resolution the meeting's resolutions, and Esc comes back.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-03-20 09:00"; export OGPO_NOW
demo_db
# The first low-attendance finding: its agency, from `ogpo check`.
low=$("$OGPO" --db "$DB" check --tsv |
    awk -F '\t' '$1 == "low_attendance" { print $2; exit }')
check "the demo has an agency with low attendance ($low)" test -n "$low"
# What the database holds: its invitees to the window's work meetings
# (2025-03 to 2026-02) who did not come, newest first.
: >"$TMP/missed"
for m in 2026-02 2026-01 2025-12 2025-11 2025-10 2025-09 2025-08 2025-07 \
    2025-06 2025-05 2025-04 2025-03; do
	"$OGPO" --db "$DB" export attendance --month $m --plain |
	    awk -F, -v a="$low" '$2 == "工作推動會議" && $5 == a &&
	    $8 != "出席" && $8 != "線上" && $8 != "代理出席" {
	    print $1 "," $6 "," $8 }' | sort -r >>"$TMP/missed"
done
nmiss=$(wc -l <"$TMP/missed")
# A work meeting held in the window to which no one was invited: for the
# agency it is a meeting missed, not invited.
"$OGPO" --db "$DB" add meeting kind=work status=held date=2025-06-30 \
    title=未邀請機關之工作會議 >/dev/null || not_ok "a meeting no one was invited to"
nexc=$(grep -c ',請假$' "$TMP/missed")
nabs=$(grep -c ',缺席$' "$TMP/missed")
check "$low missed work meetings ($nmiss: $nexc excused, $nabs absent)" \
    test "$nmiss" -gt 0
first=$(head -1 "$TMP/missed")
fday=${first%%,*} rest=${first#*,}
fname=${rest%%,*} fst=${rest#*,}
# A civil-servant finding's officer, and a resolution's meeting.
civil=$("$OGPO" --db "$DB" check --tsv |
    awk -F '\t' '$1 == "not_civil_servant" { print $2; exit }')

# goto LABEL [SUBJECT]: select the first finding of that rule (and subject).
goto() {
	keys Home
	_k=0
	while [ $_k -lt 60 ]; do
		screen
		sel_row
		grep -qF -- "$1" "$TMP/sel" &&
		    { [ -z "${2:-}" ] || grep -qF -- "$2" "$TMP/sel"; } &&
		    return 0
		keys Down
		sleep 0.05
		_k=$((_k + 1))
	done
	return 1
}

for lg in zh en; do
	for size in 80x24 120x40; do
		if [ $lg = zh ]; then
			TUI_LANG=zh_TW.UTF-8 TUI_READY='1 機關'
			COMP='違反實施要點之處' LOW='出席率偏低' CIVIL='聯絡人非公務人員'
			RESOL='決議事項逾期' EXC=請假 ABS=缺席 WORK=工作
			COUNTS="未出席（新的在前）：請假 $nexc，缺席 $nabs，未點名 0，未受邀 1。"
			NOTINV=未受邀
			HINTS='Enter 出席紀錄  Esc 關閉  u 復原  ? 說明'
			HELP='此處的按鍵：出席率偏低所計的會議' SHEET='出席 '
			OFFICER='第八點核心能力' REVIEW='本次審查前次會議決議'
			SEP='：'
		else
			TUI_LANG=C.UTF-8 TUI_READY='1 Agencies'
			COMP='What breaks the regulation' LOW='Low attendance'
			CIVIL='PO not a civil servant' RESOL='Resolution overdue'
			EXC=Excused ABS=Absent WORK=Work
			COUNTS="Missed, newest first: excused $nexc, absent $nabs, not marked 0, not invited 1."
			NOTINV='Not invited'
			HINTS='Enter attendance  Esc close  u undo  ? help'
			HELP='Keys here: The meetings a low-attendance finding counts'
			SHEET='present ' OFFICER='Competencies of point 8'
			REVIEW='Reviewed here' SEP=': '
		fi
		case $fst in 請假) ST=$EXC ;; *) ST=$ABS ;; esac
		w=${size%x*} h=${size#*x}
		tui_start "fnd$lg$w" "$w" "$h"
		s="$lg $size"
		keys 5
		expect "$s: the Compliance tab" "$COMP"
		if goto "$LOW" "$low"; then ok "$s: the finding on $low"; else
			not_ok "$s: the finding on $low"; dump; fi
		screen; pos=$(status_pos)
		keys Enter
		expect "$s: Enter opens it: the rule and the agency" \
		    "$LOW$SEP$low"
		expect "$s: what was missed, counted" "$COUNTS"
		expect "$s: the view's own keys" "$HINTS"
		screen
		check "$s: the newest missed meeting first ($fday $fname $ST)" \
		    sh -c "grep -m1 '^│ 20[0-9-]* *$WORK ' '$SCR' |
		    grep -q '$fday *$WORK *$ST *$fname'"
		# Every missed row that fits on the screen, as the database
		# holds it.
		rows=$(grep -c "^│ 20[0-9-]* *$WORK " "$SCR")
		want=$nmiss
		[ "$want" -gt $((h - 10)) ] && want=$((h - 10))
		check "$s: a row for each missed invitation ($rows of $nmiss)" \
		    test "$rows" -ge "$want"
		bad=0
		head -n "$rows" "$TMP/missed" | while IFS=, read -r d n st; do
			case $st in 請假) st=$EXC ;; 缺席) st=$ABS ;; esac
			grep -q "$d *$WORK *$st *$n" "$SCR" || echo "$d $n $st"
		done >"$TMP/notshown"
		check "$s: … each with its date, status and name" \
		    test ! -s "$TMP/notshown"
		expect "$s: the meeting no one of it was invited to" \
		    "2025-06-30 $WORK"
		screen
		check "$s: … is not invited" sh -c "grep -q \
		    '2025-06-30 *$WORK *$NOTINV *未邀請機關之工作會議' '$SCR'"
		keys '?'
		expect "$s: the help starts with this view's keys" "$HELP"
		esc
		expect_gone "$s: the help closes" "$HELP"
		keys Enter
		expect "$s: Enter takes the meeting's attendance" "$SHEET"
		expect "$s: … of the meeting missed" "$fname"
		esc
		expect "$s: Esc comes back to the finding" "$COUNTS"
		esc
		expect "$s: Esc goes back to the Compliance tab" "$COMP"
		expect_pos "$s: … on the same finding" "$pos"
		expect_sel "$s: … $low" "$low"

		# An officer's finding: their record.
		if [ -n "$civil" ] && goto "$CIVIL" "$civil"; then
			screen; pos=$(status_pos)
			keys Enter
			expect "$s: Enter on $civil's finding shows their record" \
			    "$OFFICER"
			esc
			expect "$s: Esc comes back" "$COMP"
			expect_pos "$s: … to the same finding" "$pos"
		fi
		# An overdue resolution: the meeting's resolutions.
		if goto "$RESOL"; then
			screen; pos=$(status_pos)
			keys Enter
			expect "$s: Enter on an overdue resolution shows the meeting's resolutions" \
			    "$REVIEW"
			esc
			expect "$s: Esc comes back" "$COMP"
			expect_pos "$s: … to the same finding" "$pos"
		fi
		tui_stop
	done
done
tui_done
