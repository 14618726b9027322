#!/bin/sh
# test_import_resolutions.sh — the tracking table (列管表) taken to a
# meeting and brought back: ogpo export resolutions, edited as a
# coordinator would (one released, a due date, an owner and a text
# changed, a row matched by its meeting and number alone, a new one for a
# meeting named by its date), ogpo import resolutions --dry-run says what
# would change and writes nothing, the import writes it, ogpo import undo
# takes it back. A table with a bad status word, an unknown meeting and
# an unknown agency is refused whole, naming file, row, column and value.
# The same table saved by LibreOffice as .xlsx imports (skipped without
# soffice). The deadlines export lists what ogpo due does, resolutions
# included; a Join extension comes back through the cases table and
# moves its deadline. An editor of MOI changes only resolutions MOI
# carries, and of one MODA carries too only its progress (辦理情形); an
# editor of neither owner nothing of it; a viewer none.
#
#   OGPO=./ogpo sh tests/cli/test_import_resolutions.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
DB=$TMP/db
OGPO_NOW="2026-12-06 10:00"
export OGPO_NOW
LOCALC=$(dirname "$0")/../tools/lo-calc.py

refused() {
	if [ "$rc" -eq 1 ] && grep -qF -- "$2" "$TMP/err"; then ok "$1"; else
		not_ok "$1 (exit $rc; wanted 1 and '$2' in:)"
		sed 's/^/#   /' "$TMP/err" "$TMP/out" | head -10
	fi
}

# resol ID: the resolution's meeting/number/due/status/owner/text/note.
resol() {
	"$OGPO" --db "$DB" list resolutions --tsv | awk -F '\t' -v i="$1" \
	    '$1 == i { print $5 "/" $6 "/" $9 "/" $10 "/" $8 "/" $7 "/" $13 }'
}
agency() {
	"$OGPO" --db "$DB" list agencies --tsv |
	    awk -F '\t' -v c="$1" 'NR == 1 { for (i = 1; i <= NF; i++)
	    if ($i == "code") k = i; next } $k == c { print $1 }'
}

"$OGPO" --db "$DB" init --demo >/dev/null || { not_ok "init --demo"; exit 1; }
"$OGPO" --db "$DB" list resolutions --tsv >"$TMP/before"

run export resolutions -o "$TMP/r.csv" --plain
status "the resolutions are exported" 0
# The three open ones of the demo, by id: the first is released, the
# second loses its id (matched by meeting and number) and gets a new due
# date, the third a new owner and text.
awk -F, 'NR > 1 && $10 == "持續列管" { print $1 }' "$TMP/r.csv" | head -3 \
    >"$TMP/ids"
A=$(sed -n 1p "$TMP/ids")
B=$(sed -n 2p "$TMP/ids")
C=$(sed -n 3p "$TMP/ids")
check "the demo has three open resolutions ($A $B $C)" \
    test -n "$A" -a -n "$B" -a -n "$C"
AWAS=$(resol "$A")
BWAS=$(resol "$B")
CWAS=$(resol "$C")
awk -F, -v a="$A" -v b="$B" -v c="$C" 'BEGIN { OFS = "," }
    NR == 1 || $1 == a || $1 == b || $1 == c' "$TMP/r.csv" |
    sed -e "s/^$A,\(.*\),持續列管,\([^,]*\),\([^,]*\),\$/$A,\1,解除列管,\2,\3,會中確認完成/" \
	-e "s/^$B,\(.*\),2026-[0-9-]*,持續列管,/,\1,2027-01-31,持續列管,/" \
	-e "s/^$C,\([^,]*,[^,]*,[^,]*,[^,]*\),[^,]*,[^,]*,[^,]*,/$C,\1,改由數位部辦理,MODA,數位發展部,/" \
    >"$TMP/edit.csv"
printf ',,2026-11-15,,,請各機關回報開放資料品質,"MOI,MODA",,2027-02-01,,,,\n' \
    >>"$TMP/edit.csv"
head -1 "$TMP/edit.csv" >"$TMP/head"
contains "the edited table keeps the export's header" "$TMP/head" \
    "編號,會議編號,會議日期,會議,案次,決議事項,主責機關代碼,主責機關,期限,狀態,關聯議題編號,決定會議編號,辦理情形"

# --- the dry run ----------------------------------------------------------
run import resolutions "$TMP/edit.csv" --dry-run
status "a dry run of the edited table" 0
contains "it counts what would change" "$TMP/out" \
    "4 rows: added 1, updated 3, unchanged 0 (dry run"
contains "the released one, by the file's column" "$TMP/out" \
    "狀態 Followed → Released; 辦理情形 (empty) → 會中確認完成"
contains "the due date of the one matched by meeting and number" \
    "$TMP/out" "期限 $(echo "$BWAS" | cut -d/ -f3) → 2027-01-31"
contains "the new owner and text" "$TMP/out" "決議事項 "
contains "… owners by name" "$TMP/out" "主責機關代碼 "
contains "and the one added to the November meeting" "$TMP/out" \
    "row 5: added resolution"
"$OGPO" --db "$DB" list resolutions --tsv >"$TMP/now"
check "the dry run wrote nothing" cmp -s "$TMP/before" "$TMP/now"

# --- the import -----------------------------------------------------------
run import resolutions "$TMP/edit.csv"
status "the edited table is imported" 0
contains "it names the import to undo" "$TMP/out" "ogpo import undo"
SEQ=$(sed -n 's/^import \([0-9]*\);.*/\1/p' "$TMP/out")
AM=$(echo "$AWAS" | cut -d/ -f1-3)
same "the first is released, with its note" "$(resol "$A")" \
    "$AM/closed/$(echo "$AWAS" | cut -d/ -f5-6)/會中確認完成"
same "the second has its new due date" "$(resol "$B" | cut -d/ -f3)" \
    "2027-01-31"
same "the third its new owner and text" "$(resol "$C" | cut -d/ -f5-6)" \
    "$(agency MODA)/改由數位部辦理"
NEW=$("$OGPO" --db "$DB" list resolutions --tsv |
    awk -F '\t' '$7 == "請各機關回報開放資料品質" { print $1 }')
W3=$("$OGPO" --db "$DB" list meetings --tsv |
    awk -F '\t' '$7 == "2026-11-15" { print $1 }' | head -1)
same "the new one is the November meeting's, numbered next, open" \
    "$(resol "$NEW" | cut -d/ -f1,4)" "$W3/open"
run audit --tsv
awk -F '\t' -v a="$A" '$4 == "update" && $5 == "resolution" && $6 == a' \
    "$TMP/out" >"$TMP/trail"
contains "the audit trail has the release, as an edit by hand" "$TMP/trail" \
    "status Followed → Released; note (empty) → 會中確認完成"
awk -F '\t' '$4 == "import"' "$TMP/out" >"$TMP/trail"
contains "and the import that made it" "$TMP/trail" \
    "resolution: added 1, updated 3, unchanged 0, rejected 0"
run import list
contains "the import is listed as one of resolutions" "$TMP/out" \
    "resolution +1 ~3 =0"
run export resolutions -o "$TMP/again.xlsx"
run import resolutions "$TMP/again.xlsx"
contains "exported and imported again, it changes nothing" "$TMP/out" \
    "added 0, updated 0, unchanged"
run import undo "$SEQ"
status "ogpo import undo takes it back" 0
contains "… the added one removed, the three restored" "$TMP/out" \
    "1 added records removed, 3 updated records restored"
"$OGPO" --db "$DB" list resolutions --tsv | cut -f1,5- >"$TMP/now"
cut -f1,5- "$TMP/before" >"$TMP/was"
check "every resolution is as it was" cmp -s "$TMP/was" "$TMP/now"

# --- refused: all or nothing ---------------------------------------------
sed -e "s/^$A,\(.*\),解除列管,/$A,\1,已完成,/" \
    -e "s/^,\([0-9][0-9]*\),/,999,/" \
    -e 's/"MOI,MODA"/"MOI,NOPE"/' "$TMP/edit.csv" >"$TMP/bad.csv"
run import resolutions "$TMP/bad.csv"
status "a table with bad rows is refused" 1
contains "a bad status word, by file, row, column and value" "$TMP/err" \
    "bad.csv: row 2, column 狀態: '已完成' is not one of the choices: 持續列管 (open), 解除列管 (closed)"
contains "an unknown meeting" "$TMP/err" \
    "bad.csv: row 3, column 會議編號: there is no meeting #999"
contains "an unknown agency" "$TMP/err" \
    "bad.csv: row 5, column 主責機關代碼: no agency has the code 'NOPE'"
"$OGPO" --db "$DB" list resolutions --tsv | cut -f1,5- >"$TMP/now"
check "nothing of it was written" cmp -s "$TMP/was" "$TMP/now"
run import resolutions "$TMP/bad.csv" --dry-run
status "its dry run fails the same way" 1
printf ',,2026-02-30,,,日期錯誤,MOI,,,,,,\n' | cat "$TMP/head" - \
    >"$TMP/day.csv"
run import resolutions "$TMP/day.csv"
refused "a meeting date there was no meeting on" "column 會議日期:"
printf '編號,會議編號,色彩\n' >"$TMP/hd.csv"
run import resolutions "$TMP/hd.csv"
refused "a column the export does not write" \
    "the header names no field of a resolution: '色彩'"

# --- the same table through LibreOffice ----------------------------------
if command -v soffice >/dev/null && [ -x /usr/bin/python3 ] &&
    /usr/bin/python3 -c 'import uno' 2>/dev/null; then
	HOME=$TMP/home	# LibreOffice's profile
	export HOME
	mkdir -p "$HOME"
	# The row is found by a note no other row has.
	run set resolution "$A" note=待會議確認
	status "a note to find the row by" 0
	run export resolutions -o "$TMP/r.xlsx"
	status "the resolutions are exported as .xlsx" 0
	{
		printf 'open\t%s\n' "$TMP/r.xlsx"
		printf 'type\t狀態\t待會議確認\t解除列管\n'
		printf 'save\t%s\n' "$TMP/lo/edited.xlsx" "$TMP/lo/edited.ods"
	} >"$TMP/steps"
	if /usr/bin/python3 "$LOCALC" <"$TMP/steps" >"$TMP/lo.out" 2>&1; then
		run import resolutions "$TMP/lo/edited.xlsx" --dry-run
		contains "LibreOffice's .xlsx: the one change" "$TMP/out" \
		    "added 0, updated 1, unchanged"
		run import resolutions "$TMP/lo/edited.xlsx"
		status "LibreOffice's .xlsx is imported" 0
		same "the resolution is released" \
		    "$(resol "$A" | cut -d/ -f4)" "closed"
		run import resolutions "$TMP/lo/edited.ods"
		contains "LibreOffice's .ods changes nothing more" "$TMP/out" \
		    "added 0, updated 0"
		run import undo
		status "and is undone" 0
	else
		not_ok "LibreOffice edited the sheet"
		sed 's/^/#   /' "$TMP/lo.out" | head -10
	fi
else
	ok "# SKIP LibreOffice: soffice or python3-uno is missing (sh tools/deps.sh test)"
fi

# --- deadlines: the view out, its changes back through the imports -------
for f in csv xlsx; do
	run export deadlines -o "$TMP/due.$f"
	status "the deadlines are exported as .$f" 0
done
run export deadlines
head -1 "$TMP/out" >"$TMP/dhead"
contains "under the deadlines' header" "$TMP/dhead" \
    "機關代碼,機關,期限,剩餘天數,情形,類別,對象,編號,案號,內容,展延"
contains "an owner's overdue resolution, by its meeting and number" \
    "$TMP/out" "MOA,農業部,2026-11-15,-21,逾期 21 天,執行決議事項,決議事項,"
contains "a Join case's response, due soon" "$TMP/out" \
    "MOTC,交通部,2026-12-17,11,尚餘 11 天,回應 Join 提案,列管案件,16,115-16,公共運輸票證整合,"
"$OGPO" --db "$DB" due --within 3660 --tsv >"$TMP/due.tsv"
same "one row for each deadline ogpo due lists" \
    "$(sed 1d "$TMP/out" | grep -c .)" "$(sed 1d "$TMP/due.tsv" | grep -c .)"
contains "ogpo due lists the resolutions too" "$TMP/due.tsv" \
    "MOA	農業部	2026-11-15	-21	resolution	resolution	"
# The extension of 115-16 noticed, through the cases table.
run export cases
head -1 "$TMP/out" >"$TMP/chead"
contains "the cases table has the extension's notice and new date" \
    "$TMP/chead" ",extended_on,extended_to,"
printf 'id,extended_on,extended_to\n16,2026-12-10,2027-02-17\n' \
    >"$TMP/ext.csv"
run import cases "$TMP/ext.csv" --dry-run
contains "the dry run names the extension" "$TMP/out" \
    "extended_on (empty) → 2026-12-10; extended_to (empty) → 2027-02-17"
printf 'id,extended_on,extended_to\n16,2026-12-10,2027-13-17\n' \
    >"$TMP/bad-ext.csv"
run import cases "$TMP/bad-ext.csv"
refused "an extension to no real day is refused, by column and value" \
    "bad-ext.csv: row 2, column extended_to: '2027-13-17' is not a real calendar date"
printf 'id,extended_on,extended_to\n16,2026-12-10,2027-06-17\n' \
    >"$TMP/long-ext.csv"
run import cases "$TMP/long-ext.csv"
refused "an extension of more than two months is refused" \
    "long-ext.csv: row 2, column extended_to: an extension is of at most two months"
run import cases "$TMP/ext.csv"
status "the extension is imported" 0
run export deadlines
contains "the deadline moves to the extension's date, marked" "$TMP/out" \
    "MOTC,交通部,2027-02-17,73,尚餘 73 天,回應 Join 提案,列管案件,16,115-16,公共運輸票證整合,是"
run export cases
contains "and the cases table carries it out again" "$TMP/out" \
    ",2026-12-10,2027-02-17,"
run import undo
status "the cases import is undone too" 0
run export deadlines
contains "… and the deadline is back" "$TMP/out" \
    "MOTC,交通部,2026-12-17,11,尚餘 11 天,"

# --- permissions: real accounts ------------------------------------------
if [ "$(id -u)" -ne 0 ]; then
	echo "# permissions skipped: making test accounts needs root"
	exit 0
fi
ED=ogpoir$$
VW=ogpoiv$$
OT=ogpoio$$
GRP=ogpoig$$
groupadd "$GRP" || { not_ok "groupadd $GRP"; exit 1; }
for u in $ED $VW $OT; do
	useradd -M -N -g "$GRP" -s /bin/sh "$u" || not_ok "useradd $u"
done
trap 'userdel "$ED" 2>/dev/null; userdel "$VW" 2>/dev/null;
    userdel "$OT" 2>/dev/null; groupdel "$GRP" 2>/dev/null;
    test_cleanup' EXIT
chmod 755 "$TMP"
chmod 644 "$TMP"/*.csv
chgrp -R "$GRP" "$DB" && chmod 2770 "$DB" && chmod 660 "$DB"/*.mdb
as() {
	who=$1; shift
	setpriv --reuid="$who" --regid="$GRP" --clear-groups \
	    "$OGPO" --db "$DB" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}
run user add "$ED" --role editor --agency MOI
run user add "$VW" --role viewer
run add resolution meeting="$W3" text=內政部自辦 owner=MOI
MINE=$(sed -n 's/^Added resolution #\([0-9]*\) .*/\1/p' "$TMP/out")
run export resolutions -o "$TMP/p.csv" --plain
awk -F, -v m="$MINE" 'NR == 1 || $1 == m' "$TMP/p.csv" |
    sed 's/,持續列管,/,持續列管,,,內政部回報/' | cut -d, -f1-13 \
    >"$TMP/mine.csv"
as "$ED" import resolutions "$TMP/mine.csv"
status "an editor of MOI imports a change to what MOI carries" 0
same "… which is written" "$(resol "$MINE" | cut -d/ -f7)" "內政部回報"
awk -F, -v a="$A" 'NR == 1 || $1 == a' "$TMP/p.csv" |
    sed 's/,\([^,]*\),$/,\1,編輯者改寫/' >"$TMP/theirs.csv"
sed 's/內政部回報/內政部再回報/' "$TMP/mine.csv" | cat - "$TMP/theirs.csv" |
    awk 'NR == 1 || !/^編號/' \
    >"$TMP/both.csv"
chmod 644 "$TMP"/*.csv
ANOTE=$(resol "$A" | cut -d/ -f7)
as "$ED" import resolutions "$TMP/both.csv"
refused "but not one another agency carries: out of scope" \
    "is outside that"
contains "… named by its row" "$TMP/err" "both.csv: row 3: "
same "and nothing of it was written" "$(resol "$A" | cut -d/ -f7)" \
    "$ANOTE"
same "… not even the row in scope" "$(resol "$MINE" | cut -d/ -f7)" \
    "內政部回報"
as "$VW" import resolutions "$TMP/mine.csv"
refused "a viewer imports nothing" "are a viewer and may only read"

# --- one of two owners: its progress (辦理情形) alone -----------------------
run user add "$OT" --role editor --agency MOTC
run add resolution meeting="$W3" text=兩機關共辦 owner=MOI,MODA \
    due=2027-03-01
BOTH=$(sed -n 's/^Added resolution #\([0-9]*\) .*/\1/p' "$TMP/out")
BOTHWAS=$(resol "$BOTH")
run export resolutions -o "$TMP/p.csv" --plain
awk -F, -v m="$BOTH" 'NR == 1 || $1 == m' "$TMP/p.csv" >"$TMP/bothrow.csv"
sed '2s/,$/,內政部本月回報/' "$TMP/bothrow.csv" >"$TMP/note.csv"
sed 's/,2027-03-01,/,2027-06-30,/' "$TMP/note.csv" >"$TMP/due.csv"
chmod 644 "$TMP"/*.csv
as "$ED" import resolutions "$TMP/due.csv"
refused "an editor of MOI does not move the due date of one MODA carries too" \
    "may change only the progress (辦理情形) of resolution"
contains "… saying which field and who changes it, by row" "$TMP/err" \
    "due.csv: row 2: "
contains "… and who changes it" "$TMP/err" \
    "carried by 內政部、數位發展部, as one of its owners; its field Due is changed by an editor whose scope holds all its owners, or by an admin (the coordinator)"
same "… and nothing was written" "$(resol "$BOTH")" "$BOTHWAS"
as "$OT" import resolutions "$TMP/note.csv"
refused "an editor of neither owner reports no progress on it" \
    "carried by 內政部、數位發展部, is outside that"
same "… and nothing was written" "$(resol "$BOTH")" "$BOTHWAS"
as "$ED" import resolutions "$TMP/note.csv"
status "an editor of MOI imports its progress (辦理情形) alone" 0
same "… which is written, the rest as it was" "$(resol "$BOTH")" \
    "${BOTHWAS}內政部本月回報"
