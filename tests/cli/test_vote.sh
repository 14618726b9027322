#!/bin/sh
# test_vote.sh — the month's topic vote (議題票選) on the command line
# under a fixed clock: a vote with four candidates; ballots typed and
# imported from a CSV and an .ods sheet; a PO no longer in office on the
# vote's date is refused; of a PO's two ballots in a sheet the later
# counts; the tally shows counts only, never anyone's choices; a tie is refused
# without --pick; closing makes the two picked topics numbered tracked
# cases at the stage selected (選定), led by the candidate's agency, from
# its source; a Join proposal's case linked to a candidate moves from
# proposed to selected and stays a Join case. The month's work meeting's
# agenda ends with the new candidates, chosen or not, with their source.
# An editor and a viewer enter no ballots and close no vote.
#
#   OGPO=./ogpo sh tests/cli/test_vote.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
DB=$TMP/db
OGPO_NOW="2026-12-06 10:00"
export OGPO_NOW
TOOL=$(dirname "$0")/../../build/tools/table-tool

refused() {
	if [ "$rc" -eq 1 ] && grep -qF -- "$2" "$TMP/err"; then ok "$1"; else
		not_ok "$1 (exit $rc; wanted 1 and '$2' in:)"
		sed 's/^/#   /' "$TMP/err" "$TMP/out" | head -10
	fi
}

added() {
	sed -n 's/^Added [a-z ]*#\([0-9]*\).*/\1/p' "$TMP/out"
}

"$OGPO" --db "$DB" init --demo >/dev/null || { not_ok "init --demo"; exit 1; }

run add vote date=2026-11-20 title=測試議題票選
status "a vote is added" 0
V=$(added)
run add candidate vote="$V" title=候選甲 source=機關提案 lead=MOI
A=$(added)
run add candidate vote="$V" title=候選乙 source=機關提案 lead=MODA
B=$(added)
run add candidate vote="$V" title=候選丙 source=Agency lead=MOE
C=$(added)
run add candidate vote="$V" title=候選丁 source=其他 lead=MOL
D=$(added)
check "four candidates ($A $B $C $D)" \
    test -n "$A" -a -n "$B" -a -n "$C" -a -n "$D"

# --- ballots --------------------------------------------------------------
run vote ballot "$V" moi.po2@ogpo.example "$A,$B"
status "a ballot is typed" 0
run vote ballot "$V" moe.po19@ogpo.example "$A"
refused "a PO whose term ended before the vote's date is refused" \
    "(#19) may not vote"
cat >"$TMP/sheet.csv" <<CSV
電子郵件,候選甲,候選乙,候選丙,候選丁
mofa.po5@ogpo.example,v,,v,
mnd.po9@ogpo.example,v,,,
mof.po13@ogpo.example,v,,,v
mnd.po9@ogpo.example,,v,v,
CSV
run vote import "$V" "$TMP/sheet.csv"
status "the sheet is imported" 0
contains "a PO who voted twice: the later ballot counts, and the user is told" \
    "$TMP/out" "row 3: 柯美惠 <mnd.po9@ogpo.example> submitted again later (row 5); only the later ballot counts"
grep -q "3 new" "$TMP/out" && ok "… three new ballots" ||
    not_ok "three new ballots: $(cat "$TMP/out")"
# The same sheet as .ods, one row of it: that PO's ballot is replaced.
if [ -x "$TOOL" ]; then
	printf '電子郵件\t候選甲\t候選乙\t候選丙\t候選丁\nmof.po13@ogpo.example\tv\t\t\tv\n' |
	    "$TOOL" write ods "$TMP/sheet.ods" ttttt
	run vote import "$V" "$TMP/sheet.ods"
	status "an .ods sheet is imported" 0
	grep -q "0 new, 1 replaced" "$TMP/out" &&
	    ok "… replacing that PO's ballot" ||
	    not_ok "replacing: $(cat "$TMP/out")"
else
	echo "# .ods skipped: make build/tools/table-tool"
fi
# A later ballot replaces the PO's own.
run vote ballot "$V" moi.po2@ogpo.example "$A,$C"
grep -q "1 replaced" "$TMP/out" && ok "a PO's later ballot replaces theirs" ||
    not_ok "replaced: $(cat "$TMP/out")"

# --- the tally: counts only -----------------------------------------------
run vote tally "$V"
status "the tally" 0
cat "$TMP/out" >"$TMP/tally"
for who in moi.po2 mofa.po5 mnd.po9 mof.po13 廖書豪; do
	if grep -q "$who" "$TMP/tally" "$TMP/err"; then
		not_ok "the tally names $who"
	else ok "the tally does not name $who"; fi
done
approvals() {
	awk -v t="$1" 'index($0, t) { print $1 }' "$TMP/tally" | head -1
}
same "候選甲 has 3 approvals" "$(approvals 候選甲)" 3
same "候選丙 has 3 approvals" "$(approvals 候選丙)" 3
same "候選乙 has 1" "$(approvals 候選乙)" 1
# Make a tie for the second place: 丙 one fewer, 乙 one more.
run vote ballot "$V" mnd.po9@ogpo.example "$B"
run vote ballot "$V" mofa.po5@ogpo.example "$A,$B,$C"
run vote tally "$V"
cat "$TMP/out" >"$TMP/tally"
same "候選乙 and 候選丙 tie at 2" "$(approvals 候選乙) $(approvals 候選丙)" \
    "2 2"
for f in list "tally $V"; do
	# shellcheck disable=SC2086
	run vote $f
	if grep -q "@ogpo.example" "$TMP/out"; then
		not_ok "vote $f shows a voter"
	else ok "vote $f shows no voter"; fi
done

# --- closing ----------------------------------------------------------------
run vote close "$V"
refused "a tie is refused without --pick" "--pick"
run list issues --tsv
before=$(wc -l <"$TMP/out")
run vote close "$V" --pick "$A,$C"
status "the vote closes with the two picked" 0
same "it names the two cases by number" \
    "$(grep -c '^Chosen: case 115-[0-9]* 候選[甲丙] (#[0-9]*)$' "$TMP/out")" 2
run list issues --tsv
same "two cases more" "$(wc -l <"$TMP/out")" "$((before + 2))"
head -1 "$TMP/out" | tr '\t' '\n' | grep -n . >"$TMP/cols"
col() { sed -n "s/^\([0-9]*\):$1\$/\1/p" "$TMP/cols"; }
for t in 候選甲 候選丙; do
	line=$(awk -F '\t' -v t="$t" -v c="$(col title)" '$c == t' "$TMP/out")
	stage=$(printf '%s\n' "$line" | cut -f "$(col stage)")
	serial=$(printf '%s\n' "$line" | cut -f "$(col serial)")
	source=$(printf '%s\n' "$line" | cut -f "$(col source)")
	same "$t is a case at the stage selected" "$stage" selected
	case "$serial" in
	115-[0-9]*) ok "$t has a case number ($serial)" ;;
	*) not_ok "$t has no case number ('$serial')" ;;
	esac
	same "$t came from the agency" "$source" agency
done
run list issues --tsv
check "候選乙 is no case" sh -c "! grep -q 候選乙 '$TMP/out'"
run vote close "$V" --pick "$A,$B"
refused "a closed vote is not closed again" "closed already"
LANG=zh_TW.UTF-8 LC_ALL=zh_TW.UTF-8 "$OGPO" --db "$DB" vote list >"$TMP/zh"
contains "in Chinese a closed vote reads 已截止" "$TMP/zh" "已截止"
lacks "not a case's 已結案" "$TMP/zh" "已結案"
run vote ballot "$V" moj.po22@ogpo.example "$A"
check "a closed vote refuses ballots" test "$rc" -ne 0
# A Join proposal put to the vote: its case first, the candidate linked.
run add case title=連結之提案 lead=MOI source=join join_no=J-0901 \
    passed=2026-11-01
J=$(sed -n 's/^Added case #\([0-9]*\).*/\1/p' "$TMP/out")
run add vote date=2026-11-25 title=第二次票選
V3=$(added)
run add candidate vote="$V3" title=連結之提案 source=Join lead=MOI issue="$J"
run add candidate vote="$V3" title=另一議題 source=minister lead=MODA
O=$(added)
run vote ballot "$V3" moi.po2@ogpo.example "$((O - 1)),$O"
run vote close "$V3"
status "a vote with a linked case closes" 0
run list issues --tsv
line=$(awk -F '\t' -v j="$J" '$1 == j' "$TMP/out")
same "the linked Join case moved from proposed to selected, still Join" \
    "$(printf '%s\n' "$line" | cut -f "$(col stage),$(col source)")" \
    "$(printf 'selected\tjoin')"
line=$(awk -F '\t' -v t=另一議題 -v c="$(col title)" '$c == t' "$TMP/out")
same "the other keeps its source, the minister's office" \
    "$(printf '%s\n' "$line" | cut -f "$(col source)")" minister
same "no case more for the linked one" "$(grep -c 連結之提案 "$TMP/out")" 1
run verify
status "the database is consistent" 0

# --- the month's work meeting's agenda: its new candidates ----------------
meeting() {
	"$OGPO" --db "$DB" list meetings --tsv |
	    awk -F '\t' -v d="$1" 'NR > 1 && $7 == d { print $1 }' | head -1
}
NOV=$(meeting 2026-11-15)
run export agenda "$NOV" --format csv -o "$TMP/agenda.csv"
status "November's work meeting's agenda is written" 0
contains "it lists the vote's chosen candidate with its agency and source" \
    "$TMP/agenda.csv" "新候選議題,候選 #$A,候選甲,MOI,內政部,2026-11-20,選定,來源：機關提案"
contains "and one left out" "$TMP/agenda.csv" \
    "新候選議題,候選 #$B,候選乙,MODA,數位發展部,2026-11-20,未選定,來源：機關提案"
contains "and the candidates of the month's other votes" "$TMP/agenda.csv" \
    "新候選議題,候選 #$O,另一議題,MODA,數位發展部,2026-11-25,選定,來源：minister"
tail -1 "$TMP/agenda.csv" | grep -q '^新候選議題,' &&
    ok "the new candidates come last, after the cases" ||
    not_ok "the new candidates come last: $(tail -1 "$TMP/agenda.csv")"
grep -q '^列管議題,' "$TMP/agenda.csv" &&
    ok "the cases are still there" || not_ok "the agenda lists no case"
run export agenda "$(meeting 2026-10-15)" --format csv -o "$TMP/oct.csv"
lacks "October's agenda has none of November's candidates" "$TMP/oct.csv" \
    "候選 #$A"
run export agenda "$(meeting 2026-11-25)" --format csv -o "$TMP/pol.csv"
lacks "a policy meeting's agenda has no new candidates" "$TMP/pol.csv" \
    "新候選議題"

# --- permissions: real accounts ------------------------------------------
if [ "$(id -u)" -ne 0 ]; then
	echo "# permissions skipped: making test accounts needs root"
	exit 0
fi
ED=ogpove$$
VW=ogpovv$$
GRP=ogpovg$$
groupadd "$GRP" || { not_ok "groupadd $GRP"; exit 1; }
for u in $ED $VW; do
	useradd -M -N -g "$GRP" -s /bin/sh "$u" || not_ok "useradd $u"
done
vote_cleanup() {
	for u in $ED $VW; do userdel "$u" 2>/dev/null; done
	groupdel "$GRP" 2>/dev/null
	test_cleanup
}
trap 'vote_cleanup' EXIT
chmod 755 "$TMP"
chgrp -R "$GRP" "$DB" && chmod 2770 "$DB" && chmod 660 "$DB"/*.mdb
as() {
	who=$1; shift
	setpriv --reuid="$who" --regid="$GRP" --clear-groups \
	    "$OGPO" --db "$DB" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}
run user add "$ED" --role editor --agency MOI
run user add "$VW" --role viewer
run add vote date=2026-12-01 title=權限票選
V2=$(added)
run add candidate vote="$V2" title=權限甲 source=Join lead=MOI
E=$(added)
as "$ED" vote ballot "$V2" moi.po2@ogpo.example "$E"
check "an editor enters no ballot" test "$rc" -ne 0
as "$VW" vote ballot "$V2" moi.po2@ogpo.example "$E"
refused "a viewer enters no ballot" "are a viewer and may only read"
as "$ED" vote close "$V2"
check "an editor closes no vote" test "$rc" -ne 0
as "$VW" vote close "$V2"
refused "a viewer closes no vote" "are a viewer and may only read"
as "$VW" vote tally "$V2"
status "a viewer reads the tally" 0
run vote tally "$V2"
check "the refused ballots left none" grep -q "0 of" "$TMP/out"
