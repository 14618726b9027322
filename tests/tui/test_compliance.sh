#!/bin/sh
# test_compliance.sh — tab 5, what breaks the regulation: the same
# findings as `ogpo check`, counted in the title and on the status line,
# each row with the rule's label in the reader's language, its subject and what is
# missing; Space reads a finding whole; Enter goes to the agency's
# officers (or to the issues); a gap fixed by another process goes from
# the list within a second or two.
. tests/lib.sh
. tests/tui/tui-lib.sh

# No one's own config file: an empty directory stands in (exported before
# the tmux server starts, so the program sees it too).
XDG_CONFIG_HOME=$TMP/cfg
export XDG_CONFIG_HOME
mkdir -p "$XDG_CONFIG_HOME/ogpo"

# The demo is built around the clock, and its findings and case numbers
# are read here as of one day: the day fixed (the program's in tmux too),
# they hold whenever this runs.
OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW
today=${OGPO_NOW%% *}
demo_db

# Findings of `ogpo check --tsv` (lines after the header).
check_count() {
	"$OGPO" --db "$DB" check --tsv 2>/dev/null | awk 'END { print NR - 1 }'
}

n=$(check_count)
check "ogpo check finds gaps in the demo ($n)" test "$n" -gt 2

tui_start comp 120 35
keys 5
expect "5 opens the compliance tab" "What breaks the regulation"
expect "the title counts what ogpo check finds, as of today" \
    "What breaks the regulation, as of $today ($n)"
expect_pos "the status line counts them too" "1/$n"
expect "the header names the columns" "What is missing"
expect "the rows show the rule in English" "No PO"
screen; check "… and not in Chinese" lacks_text "未指派聯絡人"
expect "and the agency it is about" "衛生福利部"
expect "an agency without a supervisor" "No supervisor"
expect "the escalated case, by its number" "115-02 再生能源設置之地方溝通"
expect_sel "the first row is selected: 衛生福利部 without a PO" "衛生福利部"
sel_row
check "the selected row carries the rule's label" grep -qF "No PO" \
    "$TMP/sel"
# The rows: one per finding, between the column header and the status line.
screen
rows=$(grep -cE '^(No PO|No supervisor|PO not a civil servant|No work meeting|No policy meeting|Low attendance|Escalated too long|Not marked held|PO without training|Overdue|Resolution overdue) ' "$SCR")
if [ "$rows" -eq "$n" ]; then ok "one row per finding ($n)"; else
	not_ok "one row per finding ($rows rows, $n findings)"; dump
fi

# Space: the finding's whole sentence, which the row cuts at 120 columns.
keys Space
expect "Space opens the finding" "Finding"
expect "with the rule in English only" "No PO"
expect "and its full sentence" \
    "衛生福利部: has no open government participation officer (PO) in office (point 3)"
esc
expect_gone "Esc closes it" "─ Finding ─"
expect_pos "back on the first row" "1/$n"

# The escalated issue, read whole; Enter goes to the issues. It is the
# row ogpo check lists it on (deadlines and resolutions come after it).
at=$("$OGPO" --db "$DB" check --tsv 2>/dev/null |
    awk -F '\t' 'NR > 1 && $1 == "escalated_long" { print NR - 2; exit }')
keys Home
i=0
while [ "$i" -lt "${at:-0}" ]; do keys Down; i=$((i + 1)); done
expect_sel "Down reaches the escalated case" "115-02 再生能源設置之地方溝通"
keys Space
expect "Space reads the escalation" "Escalated too long"
expect "with how long it has waited" "days, more than 30)"
esc
expect_gone "Esc closes it" "Finding"
keys Enter
expect "Enter on a case goes to the Cases tab" "Tracked cases: p reports"
expect "which lists the escalated issue" "再生能源設置之地方溝通機制"

# Enter on 衛生福利部: its officers.
keys 5
expect "5 goes back to the compliance tab" "What breaks the regulation"
keys Home
expect_sel "Home: 衛生福利部 again" "衛生福利部"
keys Enter
expect "Enter goes to the officers of 衛生福利部" "Officers of 衛生福利部"
officers=$("$OGPO" --db "$DB" list officers --tsv | awk -F '\t' -v a="$(
    "$OGPO" --db "$DB" list agencies --tsv |
    awk -F '\t' '$5 == "MOHW" { print $1 }')" '$6 == a' | wc -l | tr -d ' ')
expect_pos "narrowed to its $officers officers" "1/$officers"
expect_gone "the compliance list is gone" "What breaks the regulation"

# Another process gives 衛生福利部 a PO; back on tab 5 it is one fewer.
check "another process adds a PO to 衛生福利部" sh -c "'$OGPO' --db '$DB' \
    add officer name=新任聯絡人 agency=MOHW role=po civil_servant=yes \
    email=po.new@example.gov.tw >/dev/null"
n2=$(check_count)
check "ogpo check now finds one fewer ($n2)" test "$n2" -eq $((n - 1))
t0=$(now_ms)
keys 5
if wait_for "What breaks the regulation, as of $today ($((n - 1)))" 2; then
	ok "tab 5 shows $((n - 1)) findings within 2 s ($(( $(now_ms) - t0 )) ms)"
else
	not_ok "tab 5 shows $((n - 1)) findings within 2 s"; dump
fi
expect_pos "the status line too" "1/$((n - 1))"
expect_gone "衛生福利部 is no longer listed" "衛生福利部" 2

# While the tab is open: a supervisor for 經濟部 goes from the list by itself.
t0=$(now_ms)
check "another process adds a supervisor to 經濟部" sh -c "'$OGPO' --db '$DB' \
    add officer name=新任督導 agency=MOEA role=supervisor supervisor=cio \
    civil_servant=yes email=sup.new@example.gov.tw >/dev/null"
if wait_count "$((n - 2))" 2; then
	ok "the open tab shows $((n - 2)) within 2 s ($(( $(now_ms) - t0 )) ms)"
else
	not_ok "the open tab shows $((n - 2)) within 2 s"; dump
fi
expect "the title follows" "as of $today ($((n - 2)))"
expect_gone "經濟部 is no longer listed" "經濟部" 2
tui_stop

# The tab shows what `ogpo check` shows, attendance_threshold of the
# config file included (it once always used 75%).
printf 'attendance_threshold = 10\n' >"$XDG_CONFIG_HOME/ogpo/config"
m=$(check_count)
check "with attendance_threshold = 10 ogpo check finds fewer ($m < $((n - 2)))" \
    test "$m" -lt $((n - 2))
tui_start config 120 35
keys 5
expect "the compliance tab again" "What breaks the regulation"
if wait_count "$m" 2; then
	ok "the tab honours attendance_threshold as ogpo check does ($m)"
else
	not_ok "the tab honours attendance_threshold as ogpo check does (shows $(status_pos), check finds $m)"
fi
tui_done
