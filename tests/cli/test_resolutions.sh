#!/bin/sh
# test_resolutions.sh — a meeting's resolutions (決議事項) on the command
# line under a fixed clock: one resolved at a work meeting is numbered
# after the demo's, is on the next work meeting's agenda as still
# followed (持續列管), is overdue in ogpo check (exit 1) for each owner,
# cannot be released by a meeting of another kind or an earlier one, is
# released (解除列管) by the next one, which then lists it in its record
# of decisions, and leaves the agendas after it and ogpo check. A policy
# meeting's agenda is grouped by agency. The export of every resolution
# is read back from .ods, .xlsx and CSV. An editor changes only the
# resolutions all of whose owners lie in their scope, and of one carried
# with other agencies its progress (辦理情形) alone; an editor of none of
# its owners nothing of it; a viewer none. A meeting with resolutions is
# not deleted.
#
#   OGPO=./ogpo sh tests/cli/test_resolutions.sh
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

"$OGPO" --db "$DB" init --demo >/dev/null || { not_ok "init --demo"; exit 1; }
# The meetings by date: three work meetings in a row and a policy one.
meeting() {
	"$OGPO" --db "$DB" list meetings --tsv |
	    awk -F '\t' -v d="$1" 'NR > 1 && $7 == d { print $1 }' | head -1
}
"$OGPO" --db "$DB" list meetings --tsv | head -1 >"$TMP/mhead"
W1=$(meeting 2026-09-15)
W2=$(meeting 2026-10-15)
W3=$(meeting 2026-11-15)
P=$(meeting 2026-11-25)
check "the demo has the meetings ($W1 $W2 $W3 $P)" \
    test -n "$W1" -a -n "$W2" -a -n "$W3" -a -n "$P"

run add resolution meeting="$W1" text=盤點跨機關協作案件並回報 \
    owner=MOI,MODA due=2026-10-01
status "a resolution is added to the September meeting" 0
ID=$(sed -n 's/^Added resolution #\([0-9]*\) .*/\1/p' "$TMP/out")
check "its number is printed ($ID)" test -n "$ID"
run list resolutions --meeting "$W1" --tsv
same "it is numbered after the meeting's two others" \
    "$(awk -F '\t' -v i="$ID" '$1 == i { print $6 "/" $10 }' "$TMP/out")" \
    "3/open"
run list resolutions --meeting "$W1"
same "the list names its owners by code, a comma between" \
    "$(awk '/盤點跨機關協作案件並回報/ { print $6 }' "$TMP/out")" "MOI,MODA"
run add resolution meeting="$W1" number=3 text=重複 owner=MOI
refused "a number the meeting has already is refused" \
    "meeting #$W1 already has a resolution 3"
run add resolution meeting="$W1" text=無主責機關
refused "a resolution with no owner is refused" \
    "name the agency or agencies that carry the resolution out"

# --- carried to the next meeting -----------------------------------------
run export agenda "$W2"
status "the October meeting's agenda is written" 0
contains "it reviews the resolution, still followed" "$TMP/out" \
    "前次會議決議事項,2026-09-15-3,盤點跨機關協作案件並回報,\"MOI,MODA\",內政部、數位發展部,2026-10-01,持續列管,"
contains "and lists each open case by number, with its due date, stage and latest progress" \
    "$TMP/out" "列管議題,115-12,農產品產銷履歷資料開放,MOA,農業部,2027-01-06,協作會議,2026-11-15 農業部：協作會議訂於下月召開"
lacks "a closed case is not on it" "$TMP/out" ",115-05,"
run check
status "ogpo check finds it overdue (exit 1)" 1
contains "under its rule" "$TMP/out" "Resolution overdue"
contains "for 內政部" "$TMP/out" \
    "  內政部: resolution 3 of the meeting of 2026-09-15 (#$ID), \"盤點跨機關協作案件並回報\", was due 2026-10-01 (66 days ago)"
contains "and for 數位發展部" "$TMP/out" "  數位發展部: resolution 3 of the meeting of 2026-09-15 (#$ID)"

run set resolution "$ID" status=closed decided="$P"
refused "a policy meeting does not release a work meeting's resolution" \
    "only a later meeting of the same kind reviews it"
run set resolution "$ID" status=closed decided="$(meeting 2026-08-15)"
refused "nor does an earlier work meeting" \
    "only a later meeting of the same kind reviews it"
run set resolution "$ID" status=closed decided="$W2" note=已完成盤點
status "the October meeting releases it" 0
run export decisions "$W2"
contains "its record of decisions shows the release" "$TMP/out" \
    "前次會議決議事項,2026-09-15-3,盤點跨機關協作案件並回報,\"MOI,MODA\",內政部、數位發展部,2026-10-01,解除列管,已完成盤點"
contains "… after what it resolved itself" "$TMP/out" \
    "本次會議決議事項,2026-10-15-1,"
head -2 "$TMP/out" | tail -1 >"$TMP/first"
contains "… which come first" "$TMP/first" "本次會議決議事項"
run export agenda "$W3"
lacks "the November agenda no longer carries it" "$TMP/out" \
    "盤點跨機關協作案件並回報"
run check --tsv
lacks "ogpo check no longer names it" "$TMP/out" "(#$ID)"
run list resolutions --open --agency MODA
lacks "nor does the list of MODA's open ones" "$TMP/out" "盤點跨機關協作案件"

# --- a policy meeting's agenda, by agency --------------------------------
run add resolution meeting="$(meeting 2026-08-25)" text=政策會議決議甲 \
    owner=MOI,NDC due=2027-03-01
status "a resolution of the third quarter's policy meeting" 0
run export agenda "$P"
awk -F, '{ print $4 }' "$TMP/out" | sed 1d | uniq >"$TMP/groups"
same "the policy agenda's rows come agency by agency" \
    "$(sort "$TMP/groups" | uniq -d)" ""
same "a resolution of two owners has a row for each" \
    "$(grep -c 政策會議決議甲 "$TMP/out")" 2

# --- the export, read back -----------------------------------------------
for f in ods xlsx csv; do
	run export resolutions -o "$TMP/r.$f"
	status "every resolution is exported to .$f" 0
	if [ -x "$TOOL" ]; then
		"$TOOL" dump "$TMP/r.$f" >"$TMP/dump.$f"
		contains "the .$f reads back with its header" "$TMP/dump.$f" \
		    "決議事項	主責機關代碼	主責機關	期限	狀態"
		contains "… and the released resolution" "$TMP/dump.$f" \
		    "盤點跨機關協作案件並回報	MOI,MODA	內政部、數位發展部	2026-10-01	解除列管"
	fi
done
n=$("$OGPO" --db "$DB" list resolutions --tsv | awk 'END { print NR - 1 }')
same "one row a resolution" "$(sed 1d "$TMP/r.csv" | awk 'END { print NR }')" "$n"

# --- what a meeting with resolutions keeps -------------------------------
run delete meeting "$W1"
refused "a meeting with resolutions is not deleted" \
    "resolutions were made or reviewed there; delete them first"
run delete resolution "$ID"
status "a resolution is deleted" 0
run verify
status "the database is consistent" 0

# --- permissions: real accounts ------------------------------------------
if [ "$(id -u)" -ne 0 ]; then
	echo "# permissions skipped: making test accounts needs root"
	exit 0
fi
ED=ogpore$$
VW=ogporv$$
OT=ogporo$$
GRP=ogporg$$
groupadd "$GRP" || { not_ok "groupadd $GRP"; exit 1; }
for u in $ED $VW $OT; do
	useradd -M -N -g "$GRP" -s /bin/sh "$u" || not_ok "useradd $u"
done
resol_cleanup() {
	for u in $ED $VW $OT; do userdel "$u" 2>/dev/null; done
	groupdel "$GRP" 2>/dev/null
	test_cleanup
}
trap 'resol_cleanup' EXIT
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
run user add "$OT" --role editor --agency MOTC
run add resolution meeting="$W3" text=內政部自辦 owner=MOI
MINE=$(sed -n 's/^Added resolution #\([0-9]*\) .*/\1/p' "$TMP/out")
run add resolution meeting="$W3" text=兩機關共辦 owner=MOI,MODA
BOTH=$(sed -n 's/^Added resolution #\([0-9]*\) .*/\1/p' "$TMP/out")
run list resolutions --tsv
BOTHOWN=$(awk -F '\t' -v i="$BOTH" '$1 == i { print $8 }' "$TMP/out")
as "$ED" set resolution "$MINE" note=編輯者回報
status "an editor of MOI changes a resolution MOI alone carries" 0
# Of one MODA carries too, each owner reports how it stands; what was
# decided and by when stays with those who hold both.
as "$ED" set resolution "$BOTH" note=內政部回報進度
status "of one MODA carries too, it reports the progress (辦理情形)" 0
as "$ED" set resolution "$BOTH" due=2027-06-30
refused "but does not move its due date" \
    "may change only the progress (辦理情形) of resolution"
contains "… saying which field, and who changes it" "$TMP/err" \
    "carried by 內政部、數位發展部, as one of its owners; its field Due is changed by an editor whose scope holds all its owners, or by an admin (the coordinator)"
as "$ED" set resolution "$BOTH" note=再回報 text=改寫決議
refused "nor its text, even beside a new note" "its field Resolution is changed by"
as "$ED" set resolution "$BOTH" owner=MOI
refused "nor takes the other owner off" "its field Owner agencies is changed by"
as "$OT" set resolution "$BOTH" note=交通部回報
refused "an editor of neither owner reports nothing on it" \
    "carried by 內政部、數位發展部, is outside that"
as "$ED" delete resolution "$BOTH"
refused "nor does one owner's editor delete it" "is outside that"
as "$ED" add resolution meeting="$W3" text=編輯者新增 owner=MOTC
refused "nor adds one for another agency" "would be outside that"
as "$VW" set resolution "$MINE" note=檢視者
refused "a viewer changes none" "are a viewer and may only read"
as "$VW" list resolutions
status "… and reads them" 0
run list resolutions --tsv
same "the refused writes left them as they were, the progress reported" \
    "$(awk -F '\t' -v i="$BOTH" '$1 == i { print $9 "/" $7 "/" $8 "/" $13 }' "$TMP/out")" \
    "/兩機關共辦/$BOTHOWN/內政部回報進度"
