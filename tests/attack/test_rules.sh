#!/bin/sh
# test_rules.sh — what an account may do stays within what it may do. An
# editor cannot carry an agency (or a meeting) out of the tree of its
# scope, by ogpo set or by an import; an import that makes agencies judges
# each row against the agency it will really be stored under, and refuses
# a code too long instead of cutting it; a file's name holding terminal
# escapes is stored so that no output replays them, a pipe included; a
# save that changes nothing writes nothing. A progress report is its
# agency's alone, and once the case is closed the coordinator's.
. "$(dirname "$0")/attack-lib.sh"

"$BIN" list agencies --tsv >"$TMP/agencies"
# The id of the agency with code $1.
agency_id() { awk -F '\t' -v c="$1" 'NR > 1 && $5 == c { print $1 }' \
    "$TMP/agencies"; }
MOI=$(agency_id MOI)
MOTC=$(agency_id MOTC)
NPA=$(agency_id NPA)
CIB=$(agency_id CIB)
check "the agencies are found (MOI $MOI, MOTC $MOTC, NPA $NPA, CIB $CIB)" \
    test -n "$MOI" -a -n "$MOTC" -a -n "$NPA" -a -n "$CIB"
audit_n() { "$BIN" audit --tsv --limit 0 | wc -l; }

remember
as "$ED" set agency "$MOI" parent= level=1
check "an editor of MOI cannot make MOI a second top-level agency" \
    test "$rc" -ne 0
said "it is told only an admin may" "only an admin may move"
as "$ED" set agency "$MOI" "parent=$MOTC" level=3
check "nor move MOI below another ministry" test "$rc" -ne 0
said "for the same reason" "only an admin may move"
as "$ED" set agency "$CIB" "parent=$MOTC" level=3
check "nor move an agency of its scope out of it" test "$rc" -ne 0
said "naming where it would go" "under 交通部 would be outside that"
printf 'code,name,parent,level\nMOI,內政部,MOTC,3\n' >"$TMP/moi.csv"
chmod 644 "$TMP/moi.csv"
as "$ED" import agencies "$TMP/moi.csv"
check "nor by importing an agency list" test "$rc" -ne 0
said "for the same reason" "only an admin may move"
intact "an editor moving its scope"
as "$ED" set agency "$CIB" "parent=$MOI" level=3
check "within its scope an editor still moves agencies" test "$rc" -eq 0
as "$ADM" set agency "$CIB" "parent=$NPA" level=4
check "an admin moves what it likes" test "$rc" -eq 0

# A meeting the editor's scope convenes, handed to another ministry.
as "$ED" add meeting kind=work status=planned title=內政部會議 \
    date=2030-01-10 "agency=$MOI"
mid=$(sed -n 's/.*#\([0-9][0-9]*\).*/\1/p' "$TMP/out" | head -1)
check "the editor's meeting is made" test -n "$mid"
as "$ED" set meeting "$mid" "agency=$MOTC"
check "an editor cannot hand its meeting to another ministry" \
    test "$rc" -ne 0
said "saying why" "of 交通部 would be outside that"

# --create-agencies: each row against the agency it will be under.
remember
printf 'name,agency_code,agency,role,email\n新督導,NEWMIN,新設署,政務委員,newmin@x.gov.tw\n' \
    >"$TMP/minister.csv"
chmod 644 "$TMP/minister.csv"
as "$ADM" import officers "$TMP/minister.csv" --create-agencies
check "a supervising minister in a new second-level agency is refused" \
    test "$rc" -ne 0
said "as it would be by hand" "belongs to the Executive Yuan"
as "$ADM" import officers "$TMP/minister.csv" --create-agencies --skip-bad
as "$ADM" list agencies --tsv
lacks "and the agency made for it goes with it" "$TMP/out" "NEWMIN"
intact "a refused row with a new agency"

remember
long=ABCDEFGHIJKLMNOPQRSTU
printf 'name,agency_code,agency,role,email\n甲,%s,長代碼署,po,a@x.gov.tw\n乙,%s,長代碼署,po,b@x.gov.tw\n' \
    "$long" "$long" >"$TMP/long.csv"
chmod 644 "$TMP/long.csv"
as "$ADM" import officers "$TMP/long.csv" --create-agencies --dry-run
said "a code too long is refused with a message" \
    "the agency code '$long' is longer than 16 characters"
lacks "never cut, so the next row is no duplicate" "$TMP/out" "same code"
lacks "" "$TMP/out" "ABCDEFGHIJKLMNOP,"
intact "a code too long"

# A file name holding terminal escapes, stored from an import.
esc=$(printf 'x\033[31m\033]0;pwned\007.csv')
printf 'name,agency_code,role,email\n甲,MOI,po,esc@moi.gov.tw\n' \
    >"$TMP/home/$ADM/$esc"
chmod 644 "$TMP/home/$ADM/$esc"
as "$ADM" - sh -c "$BIN import officers '$TMP/home/$ADM/$esc'"
check "a file with escapes in its name imports" test "$rc" -eq 0
"$BIN" audit --tsv --limit 0 >"$TMP/audit.tsv"
"$BIN" import list >"$TMP/imports"
check "ogpo audit --tsv to a pipe sends no ESC or BEL of it" \
    sh -c "! grep -q \"$(printf '[\033\007]')\" $TMP/audit.tsv"
contains "but shows them as the screen does" "$TMP/audit.tsv" "x^[[31m"
check "ogpo import list to a pipe sends none either" \
    sh -c "! grep -q \"$(printf '[\033\007]')\" $TMP/imports"

# A save that changes nothing writes nothing.
as "$ADM" list officers --agency MOI --tsv
oid=$(awk -F '\t' 'NR == 2 { print $1 }' "$TMP/out")
title=$(awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "title") c = i }
    NR == 2 { print $c }' "$TMP/out")
remember
n=$(audit_n)
as "$ADM" set officer "$oid" "title=$title"
check "a save with nothing changed succeeds" test "$rc" -eq 0
said "saying nothing was written" "nothing was written"
check "it adds nothing to the audit trail" test "$(audit_n)" -eq "$n"
intact "a save with nothing changed"

# --- progress: each agency's report is its own -------------------------
# MOI co-organises a case MOTC leads; 交通部 reports on it.
as "$ADM" add case title=交通部主辦案 lead=MOTC collab=MOI source=other
case=$(sed -n 's/^Added case #\([0-9]*\).*/\1/p' "$TMP/out")
as "$ADM" add progress "issue=$case" agency=MOTC date=2026-11-02 \
    text=交通部辦理情形
rep=$(sed -n 's/^Added progress report #\([0-9]*\).*/\1/p' "$TMP/out")
check "a case of MOTC that MOI co-organises, with MOTC's report \
($case, $rep)" test -n "$case" -a -n "$rep"
remember
as "$ED" set progress "$rep" text=交通部沒有辦理
check "the editor of MOI may not rewrite MOTC's report" test "$rc" -ne 0
said "told whose it is" "of 交通部 is outside that"
as "$ED" set progress "$rep" agency=MOI
check "nor take it over as MOI's" test "$rc" -ne 0
as "$ED" delete progress "$rep"
check "nor delete it" test "$rc" -ne 0
as "$ED" add progress "issue=$case" agency=MOTC date=2026-11-03 \
    text=冒名回報
check "nor report in MOTC's name" test "$rc" -ne 0
intact "another agency's report"
as "$ED" add progress "issue=$case" agency=MOI date=2026-11-03 \
    text=內政部協辦情形
check "but reports its own part" test "$rc" -eq 0
own=$(sed -n 's/^Added progress report #\([0-9]*\).*/\1/p' "$TMP/out")
# Closed (解除列管), the case and its reports are the coordinator's.
as "$ADM" list meetings --tsv
wm=$(awk -F '\t' 'NR > 1 { m = $1 } END { print m }' "$TMP/out")
as "$ADM" close "$case" --meeting "$wm"
check "the admin closes the case" test "$rc" -eq 0
remember
as "$ED" set progress "$own" text=事後改寫
check "then not even MOI's own report changes" test "$rc" -ne 0
said "told why" "only the coordinator (an admin) changes its progress"
as "$ED" delete progress "$own"
check "nor goes" test "$rc" -ne 0
intact "a closed case's reports"
