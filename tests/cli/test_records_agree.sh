#!/bin/sh
# test_records_agree.sh — records that would contradict themselves, or
# leave later work to guess, are refused on every path with a sentence
# naming the field and what to do: a second agency of a name another has
# (ogpo add and set; an import then never has to pick one of them), a
# resolution due before the meeting that made it (ogpo add, set and
# import resolutions), a Join candidate of the topic vote with no case
# linked (told when added, refused when the vote would choose it: its
# deadlines would go untracked). Where two agencies share a name from
# before the rule, an officers, attendance or agencies import naming it
# refuses the row with both codes.
#
#   OGPO=./ogpo sh tests/cli/test_records_agree.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
DB=$TMP/db
OGPO_NOW="2026-12-06 10:00"
export OGPO_NOW

refused() {
	if [ "$rc" -eq 1 ] && grep -qF -- "$2" "$TMP/err"; then ok "$1"; else
		not_ok "$1 (exit $rc; wanted 1 and '$2' in:)"
		sed 's/^/#   /' "$TMP/err" "$TMP/out" | head -10
	fi
}

# rejected WHAT TEXT: an import refused a row, saying TEXT of it.
rejected() {
	if [ "$rc" -eq 1 ] && grep -qF -- "$2" "$TMP/out"; then ok "$1"; else
		not_ok "$1 (exit $rc; wanted 1 and '$2' in:)"
		sed 's/^/#   /' "$TMP/out" "$TMP/err" | head -10
	fi
}

added() { sed -n 's/^Added [^#]*#\([0-9]*\).*/\1/p' "$TMP/out"; }

"$OGPO" --db "$DB" init --demo >/dev/null || { not_ok "init --demo"; exit 1; }

# --- one name, one agency -------------------------------------------------
run add agency code=NAA2 name=國家發展委員會檔案管理局 parent=NDC level=3
refused "a second agency of a name is refused, naming the one that has it" \
    "agency NAA (#"
contains "… and saying what to give instead" "$TMP/err" "full official name"
run list agencies
lacks "nothing was added" "$TMP/out" NAA2
run add agency code=NAA2 name=國家發展委員會檔案管理局二 parent=NDC level=3
status "another name is taken" 0
A=$(added)
run set agency "$A" name=國家發展委員會檔案管理局
refused "a rename onto another's name is refused too" "agency NAA (#"
run set agency "$A" name=國家發展委員會檔案管理局二 note=改名前
status "saving it again under its own name is not" 0

# Two agencies of one name kept from before the rule (written past core
# by tests/tools/raw-set, as an older ogpo let them be): an import that
# names the agency by that name refuses the row, naming both codes, and
# takes neither; by code it goes on.
RAW_SET=${RAW_SET:-$(dirname "$0")/../../build/tools/raw-set}
if [ -x "$RAW_SET" ]; then
	"$RAW_SET" "$DB" agency "$A" name=國家發展委員會檔案管理局 ||
	    not_ok "raw-set the twin's name"
	printf 'name,agency,role,email,civil_servant\n%s\n%s\n' \
	    '甲,國家發展委員會檔案管理局,po,a@naa.gov.tw,yes' \
	    '乙,國家發展委員會,po,b@ndc.gov.tw,yes' >"$TMP/o.csv"
	run import officers "$TMP/o.csv" --dry-run
	rejected "an officers row naming a shared name is refused" \
	    "row 2, column agency: '國家發展委員會檔案管理局': 2 agencies have this name: NAA (#"
	contains "… naming both codes" "$TMP/out" "NAA2 (#$A)"
	contains "… and the column to write the code in" "$TMP/out" \
	    "write the code of the one you mean in the 機關代碼 column"
	run import officers "$TMP/o.csv" --skip-bad
	status "with --skip-bad the other row lands" 0
	run list officers --tsv
	lacks "the row is not put under either agency" "$TMP/out" a@naa.gov.tw
	printf 'name,agency_code,agency,role,email,civil_servant\n%s\n' \
	    '甲,NAA2,國家發展委員會檔案管理局,po,a@naa.gov.tw,yes' >"$TMP/o2.csv"
	run import officers "$TMP/o2.csv"
	status "by code the row lands" 0
	run list officers --agency NAA2
	contains "… under the agency its code names" "$TMP/out" a@naa.gov.tw
	W=$("$OGPO" --db "$DB" list meetings --tsv |
	    awk -F '\t' 'NR > 1 && $7 == "2026-11-15" { print $1 }')
	printf '會議編號,姓名,機關,出席情形\n%s,甲,國家發展委員會檔案管理局,出席\n' \
	    "$W" >"$TMP/a.csv"
	run import attendance "$TMP/a.csv" --dry-run
	rejected "an attendance row naming a shared name is refused" \
	    "2 agencies have this name: NAA (#"
	printf 'Name,Email\n甲 (國家發展委員會檔案管理局),\n' >"$TMP/meet.csv"
	run import attendance "$TMP/meet.csv" --meeting "$W" --status online \
	    --dry-run
	rejected "… a meeting tool's name with it too, asking for the code" \
	    "write the code of the one you mean into the name, as 王小明 (MOI)"
	printf 'code,name,parent\nNAAX,國家發展委員會檔案管理局分支,%s\n' \
	    國家發展委員會檔案管理局 >"$TMP/g.csv"
	run import agencies "$TMP/g.csv" --dry-run
	rejected "an agencies row naming a shared parent is refused" \
	    "write the parent's code instead of its name"
	"$RAW_SET" "$DB" agency "$A" name=國家發展委員會檔案管理局二
else
	not_ok "no $RAW_SET (make build/tools/raw-set)"
fi

# --- a resolution is due on or after its meeting --------------------------
meeting() {
	"$OGPO" --db "$DB" list meetings --tsv |
	    awk -F '\t' -v d="$1" 'NR > 1 && $7 == d { print $1 }' | head -1
}
M=$(meeting 2026-12-15)
check "the demo has December's work meeting ($M)" test -n "$M"
run add resolution meeting="$M" text=盤點開放資料 owner=MOI due=115/01/31
refused "a due date before its meeting is refused, naming both dates" \
    "the due date 2026-01-31 is before 2026-12-15, the date of meeting #$M"
contains "… and saying what to do" "$TMP/err" "check the year"
run list resolutions --tsv
lacks "nothing was added" "$TMP/out" 盤點開放資料
run add resolution meeting="$M" text=盤點開放資料 owner=MOI due=2026-12-15
status "due on the meeting's own day is taken" 0
R=$(added)
run set resolution "$R" due=2026-12-14
refused "ogpo set refuses it the same" "the due date 2026-12-14 is before"
run export resolutions -o "$TMP/r.csv" --plain
awk -F, -v r="$R" 'BEGIN { OFS = "," } NR == 1 ||
    $1 == r { if ($1 == r) $9 = "2026-01-31"; print }' "$TMP/r.csv" \
    >"$TMP/edit.csv"
run import resolutions "$TMP/edit.csv" --dry-run
refused "the resolutions import refuses it, naming row, column and dates" \
    "row 2, column 期限: the due date 2026-01-31 is before 2026-12-15"
run list resolutions --tsv
grep -F 盤點開放資料 "$TMP/out" >"$TMP/line"
contains "the resolution keeps its due date" "$TMP/line" 2026-12-15
# As the reader shows dates: 民國 with date_style = roc.
mkdir -p "$XDG_CONFIG_HOME/ogpo"
echo "date_style = roc" >"$XDG_CONFIG_HOME/ogpo/config"
run set resolution "$R" due=115/01/31
refused "in 民國 dates when the reader reads them so" \
    "the due date 115/01/31 is before 115/12/15"
rm "$XDG_CONFIG_HOME/ogpo/config"

# --- a Join candidate comes with its case -----------------------------------
run add vote date=2026-12-01 title=十二月票選
V=$(added)
run add candidate vote="$V" title=未連結之提案 source=Join lead=MOI
status "a Join candidate with no case is added" 0
J=$(added)
contains "… and the person is told its deadlines go untracked" "$TMP/err" \
    "Candidate topic #$J is a Join proposal with no case linked"
contains "… and how to link it" "$TMP/err" "ogpo set candidate $J issue=ID"
run add candidate vote="$V" title=機關之提案 source=機關提案 lead=MODA
O=$(added)
check "an agency's candidate hears nothing of it" test ! -s "$TMP/err"
run vote close "$V" --pick "$J,$O"
refused "the vote does not close choosing it, naming it and what to do" \
    "candidate #$J 未連結之提案 is a Join proposal with no case linked"
run list cases --tsv
lacks "no case was made of either" "$TMP/out" 未連結之提案
run add case title=未連結之提案 lead=MOI source=join join_no=J-1201 \
    passed=2026-11-20
C=$(added)
run set candidate "$J" issue="$C"
status "linked to its case" 0
check "… and then nothing to be told" test ! -s "$TMP/err"
run vote close "$V" --pick "$J,$O"
status "the vote closes" 0
run list cases --tsv
line=$(awk -F '\t' -v c="$C" '$1 == c' "$TMP/out")
case $line in
*join*J-1201*) ok "the chosen Join case keeps its number, so its deadlines" ;;
*) not_ok "the chosen Join case keeps its number: $line" ;;
esac
run verify
status "the database is consistent" 0

exit "$failures"
