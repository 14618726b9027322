#!/bin/sh
# test_month.sh — a month's meeting as the network holds it, each person
# at their own terminal as their own account, all at once, on the
# set-group-id install. The coordinator convenes the work meeting and
# invites point 7's list; the editors of 內政部 and 交通部 take the roll
# call of their own POs on the same sheet at the same moment, each seeing
# the other's mark, neither able to mark another agency's person; both
# report progress on a case they co-organise while a viewer reads it in
# its popup, which shows each report as it lands.
. "$(dirname "$0")/attack-lib.sh"
. tests/tui/tui-lib.sh

ED2=atkt$$
useradd -m -d "$TMP/home/$ED2" -U -s /bin/sh "$ED2" ||
    { not_ok "account $ED2"; exit 1; }
as "$ADM" user add "$ED2" --role editor --agency MOTC
check "$ED2 is an editor of MOTC" test "$rc" -eq 0

# What each terminal runs: the installed ogpo as that account, in its
# home, whatever arguments the screen tests' launcher adds (--db: the
# shared database is the one /etc/ogpo.conf names).
for u in $ADM $ED $ED2 $VW; do
	cat >"$TMP/run-$u" <<EOF
#!/bin/sh
exec setpriv --reuid=$u --regid=$u --init-groups env -i \\
    HOME=$TMP/home/$u USER=$u LOGNAME=$u PATH=$PREFIX/bin:/usr/bin:/bin \\
    LANG="\$LANG" LC_ALL="\$LC_ALL" TERM="\$TERM" NO_COLOR= $BIN
EOF
	chmod 755 "$TMP/run-$u"
done

today=$(date +%F)
as "$ADM" add meeting kind=work "date=$today" time=14:00 status=planned \
    title=本月工作推動會議 --invite proposed
check "the coordinator convenes today's work meeting" test "$rc" -eq 0
mid=$("$BIN" list meetings --tsv | awk -F '\t' -v d="$today" \
    '$7 == d && $6 == "本月工作推動會議" { print $1 }')
po() { "$BIN" list officers --agency "$1" --tsv | awk -F '\t' \
    '$7 == "po" && $5 != "" { print $5; exit }'; }
moi=$(po MOI)
motc=$(po MOTC)
check "MOI's PO ($moi) and MOTC's ($motc)" test -n "$moi" -a -n "$motc"

# sheet NAME LOGIN: NAME's terminal, as LOGIN, on the meeting's sheet.
sheet() {
	OGPO=$TMP/run-$2
	tui_start "$1" 110 50
	keys 3
	expect "$1: the Meetings tab" "Meetings, newest first"
	keys /
	text 本月工作推動會議
	keys Enter
	expect_sel "$1: finds today's meeting" 本月工作推動會議
	keys Enter
	expect "$1: its roll call" "not yet marked (*)"
}
# mark NAME PERSON KEY: NAME finds PERSON on the sheet and marks KEY.
mark() {
	TUI_S=$1
	keys /
	text "$2"
	keys Enter
	expect_sel "$1: $2 is found" "$2"
	keys "$3"
}

sheet moi "$ED"
sheet motc "$ED2"
# row_is PERSON STATUS: PERSON's row on the sheet says STATUS.
row_is() { grep -F -- "$1" "$SCR" | grep -qF -- "$2"; }
expect_row() {
	if poll "${4:-5}" row_is "$2" "$3"; then ok "$1"; else
		not_ok "$1 ($2 not '$3':)"; dump
	fi
}
mark moi "$moi" p
mark motc "$motc" e
expect_row "the MOTC editor's excuse shows at once" "$motc" Excused 3
TUI_S=moi
expect_row "the MOI editor's mark shows on its own sheet" "$moi" Present 3
expect_row "and MOTC's excuse shows there too, unasked" "$motc" Excused 5
expect "MOI's sheet counts one present" "present 1 /" 5
TUI_S=motc
expect_row "MOTC's sheet shows MOI's mark, unasked" "$moi" Present 5
expect "and counts it" "present 1 /" 5

# Another agency's person is not the MOI editor's to mark.
mark moi "$motc" p
expect "MOI marking MOTC's PO is refused, naming the person" \
    "attendance of $motc" 3
check "and saying why" has_text "may edit only within"
check "and whose person it is: 交通部 marks its own" has_text "(交通部)"
keys Enter
"$BIN" export attendance --month "${today%-??}" --format csv --plain \
    -o "$TMP/att.csv" >/dev/null 2>&1
st() { awk -F, -v n="$1" -v t=本月工作推動會議 'index($3, t) && $6 == n {
    print $8; exit }' "$TMP/att.csv"; }
check "the database holds MOI's PO present ($(st "$moi"))" \
    test "$(st "$moi")" = 出席
check "and MOTC's PO excused, as MOTC said ($(st "$motc"))" \
    test "$(st "$motc")" = 請假

# The coordinator and the MOI editor write a note on MOI's PO at once;
# the coordinator marks the PO online meanwhile. The editor's note,
# saved second, neither undoes that mark nor writes over the note
# unasked: it names who wrote what, beside what was typed.
sheet admin "$ADM"
mark admin "$moi" c
expect "the coordinator's note prompt" "Note on $moi's attendance"
mark moi "$moi" c
expect "the MOI editor's note prompt" "Note on $moi's attendance"
TUI_S=admin
text 遲到十分鐘
keys Enter
expect_row "the coordinator's note shows" "$moi" 遲到十分鐘
keys o
expect_row "the coordinator marks the PO online" "$moi" Online
TUI_S=moi
text 下午提早離席
keys Enter
expect "the editor is told who changed the note" \
    "$ADM changed the note on $moi" 3
check "what they saved is shown" has_text "$ADM saved: 遲到十分鐘"
check "beside what the editor typed" has_text "You typed: 下午提早離席"
keys 1
expect_row "both are kept, theirs first" "$moi" "遲到十分鐘; 下午提早離席"
check "and the coordinator's mark stays on the editor's sheet" \
    row_is "$moi" Online
TUI_S=admin
expect_row "the coordinator's sheet shows both" "$moi" \
    "遲到十分鐘; 下午提早離席" 5
"$BIN" export attendance --month "${today%-??}" --format csv --plain \
    -o "$TMP/att.csv" >/dev/null 2>&1
note() { awk -F, -v n="$1" -v t=本月工作推動會議 'index($3, t) && $6 == n {
    print $10; exit }' "$TMP/att.csv"; }
check "the database keeps the coordinator's mark ($(st "$moi"))" \
    test "$(st "$moi")" = 線上
check "and both notes ($(note "$moi"))" \
    test "$(note "$moi")" = "遲到十分鐘; 下午提早離席"

# Closing the sheet offers to mark the meeting held to its convener
# alone: an editor's yes would be refused.
for s in admin moi motc; do
	TUI_S=$s
	esc
	if [ $s = admin ]; then
		expect "the coordinator is offered to mark it held" "Held?"
		keys n
	fi
	expect_gone "$s: the sheet closes" "not yet marked (*)"
	tui_stop
done

# A case both co-organise, read by the viewer while both report on it.
case_no=$("$BIN" list cases --tsv | awk -F '\t' -v a="$("$BIN" list \
    agencies --tsv | awk -F '\t' '$5 == "MOI" { print $1 }')" \
    -v b="$("$BIN" list agencies --tsv | awk -F '\t' \
    '$5 == "MOTC" { print $1 }')" 'NR > 1 && $10 != "closed" {
	n = split($7, c, ","); x = y = 0
	for (i = 1; i <= n; i++) { x += c[i] == a; y += c[i] == b }
	if (x && y) { print $9; exit } }')
check "a case MOI and MOTC co-organise ($case_no)" test -n "$case_no"
OGPO=$TMP/run-$VW
tui_start viewer 110 40
keys 4
expect "the viewer's Cases tab" "Cases"
keys /
text "$case_no"
keys Enter
expect_sel "the viewer finds $case_no" "$case_no"
keys Space
expect "and reads it" "Timeline"
as "$ED" add progress "issue=$case_no" agency=MOI "date=$today" \
    text=內政部已提供無障礙停車位資料集
check "the MOI editor reports" test "$rc" -eq 0
as "$ED2" add progress "issue=$case_no" agency=MOTC "date=$today" \
    text=交通部完成車站無障礙設施盤點
check "the MOTC editor reports" test "$rc" -eq 0
expect "the viewer's open case shows MOI's report" 內政部已提供無障礙停車位資料集 3
expect "and MOTC's" 交通部完成車站無障礙設施盤點 3
tui_stop
"$BIN" doctor >"$TMP/out" 2>&1
said "no one is left holding the database" "no one holds the database for writing"
tui_done
