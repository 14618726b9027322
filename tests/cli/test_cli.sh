#!/bin/sh
# test_cli.sh — the command line as a script or a person uses it: init
# with demo data, list in tables and TSV, verify, backup, where the
# database comes from, exit statuses (0 done, 1 failed, 2 usage) and the
# sentences printed when something is wrong.
#
#   OGPO=./ogpo sh tests/cli/test_cli.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
DB=$TMP/db

# run ARGS...: run ogpo; stdout in $TMP/out, stderr in $TMP/err, status $rc.
run() {
	"$OGPO" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}

# status WHAT N: the last run exited with N.
status() {
	if [ "$rc" -eq "$2" ]; then ok "$1"; else
		not_ok "$1 (exit $rc, wanted $2)"
		sed 's/^/#   /' "$TMP/err" | head -10
	fi
}

# same WHAT GOT WANT: two values are equal.
# The part of verify's summary after "is consistent: ".
counts() {
	sed -n 's/^.* is consistent: //p' "$TMP/out"
}

# --- init ---------------------------------------------------------------

run --db "$DB" init --demo
status "init --demo succeeds" 0
contains "init names the new database" "$TMP/out" "Created the database in $DB"
contains "init prints the demo counts" "$TMP/out" "Demo data: "
agencies=$(sed -n 's/^Demo data: \([0-9]*\) agencies.*/\1/p' "$TMP/out")
officers=$(sed -n 's/.* \([0-9]*\) officers.*/\1/p' "$TMP/out")
meetings=$(sed -n 's/.* \([0-9]*\) meetings.*/\1/p' "$TMP/out")
cases=$(sed -n 's/.* \([0-9]*\) tracked cases.*/\1/p' "$TMP/out")
progress=$(sed -n 's/.* \([0-9]*\) progress reports.*/\1/p' "$TMP/out")
resolutions=$(sed -n 's/.* \([0-9]*\) resolutions.*/\1/p' "$TMP/out")
votes=$(sed -n 's/.* \([0-9]*\) topic votes\{0,1\} with.*/\1/p' "$TMP/out")
ballots=$(sed -n 's/.* \([0-9]*\) ballots.*/\1/p' "$TMP/out")
check "the demo has 33 or more agencies" [ "${agencies:-0}" -ge 33 ]
check "the demo has officers" [ "${officers:-0}" -gt 0 ]
check "the demo has 17 or more meetings" [ "${meetings:-0}" -ge 17 ]
check "the demo has 5 or more tracked cases" [ "${cases:-0}" -ge 5 ]
check "with progress reports" [ "${progress:-0}" -gt 0 ]
check "the demo counts its resolutions" [ "${resolutions:-0}" -gt 0 ]
check "and its topic vote with its ballots" [ "${votes:-0}" -ge 1 -a \
    "${ballots:-0}" -gt 0 ]
lacks "the summary no longer speaks of issues" "$TMP/out" "issues"
same_count=$("$OGPO" --db "$DB" list cases --tsv | tail -n +2 | wc -l)
check "the cases counted are the cases listed" [ "${cases:-0}" -eq \
    "$same_count" ]
LANG=zh_TW.UTF-8 LC_ALL=zh_TW.UTF-8 "$OGPO" --db "$TMP/zhdemo" init --demo \
    >"$TMP/zh" 2>&1
contains "in Chinese the summary counts 列管案件" "$TMP/zh" "列管案件 "
lacks "not 議題" "$TMP/zh" "、議題 "

run --db "$DB" verify
before=$(counts)
run --db "$DB" init --demo
status "init over an existing database fails" 1
contains "and says the directory already holds one" "$TMP/err" \
    "already holds"
run --db "$DB" verify
same "the second init changed nothing" "$(counts)" "$before"

# --- list agencies ------------------------------------------------------

run --db "$DB" list agencies
status "list agencies succeeds" 0
contains "list agencies shows the Executive Yuan" "$TMP/out" "行政院"
contains "list agencies shows the Ministry of the Interior" "$TMP/out" \
    "內政部"
contains "an agency without a PO is marked" "$TMP/out" "! no PO"
contains "an agency without a supervisor is marked" "$TMP/out" \
    "! no supervisor"
contains "the table has a header" "$TMP/out" "CODE"
same "one line per agency, and a header" "$(wc -l <"$TMP/out" | tr -d ' ')" \
    "$((agencies + 1))"
# The tree: 內政部 is indented under 行政院, its bureaus under it.
check "sub-agencies are indented under their parent" \
    grep -q '^MOI  *  內政部' "$TMP/out"
check "the Executive Yuan is not indented" \
    grep -q '^EY  *行政院' "$TMP/out"

run --db "$DB" list agencies --tsv
status "list agencies --tsv succeeds" 0
moi=$(awk -F '\t' '$5 == "MOI" { print $1 }' "$TMP/out")
check "MOI has an id in the TSV" [ -n "$moi" ]

# --- list officers ------------------------------------------------------

run --db "$DB" list officers --agency MOI
status "list officers --agency MOI succeeds" 0
rows=$(awk 'NR > 1' "$TMP/out" | wc -l | tr -d ' ')
check "MOI has officers" [ "$rows" -gt 0 ]
same "every officer listed is MOI's" \
    "$(awk 'NR > 1' "$TMP/out" | grep -vc '內政部')" 0
lacks "no officer of another ministry" "$TMP/out" "外交部"
lacks "not even MOI's own bureaus" "$TMP/out" "內政部警政署"

run --db "$DB" list officers --agency MOI --tsv
same "--agency in TSV: only MOI's id in the agency column" \
    "$(awk -F '\t' 'NR > 1 { print $6 }' "$TMP/out" | sort -u)" "$moi"
same "--agency in TSV: as many rows as the table" \
    "$(awk 'NR > 1' "$TMP/out" | wc -l | tr -d ' ')" "$rows"

run --db "$DB" list officers --tsv
status "list officers --tsv succeeds" 0
head -1 "$TMP/out" | tr '\t' '\n' >"$TMP/cols"
check "the TSV header names the columns: name" grep -qx name "$TMP/cols"
check "the TSV header names the columns: email" grep -qx email "$TMP/cols"
same "the TSV header starts with id" "$(head -1 "$TMP/cols")" id
same "one TSV line per officer, and the header" \
    "$(wc -l <"$TMP/out" | tr -d ' ')" "$((officers + 1))"
same "every TSV line has every column" \
    "$(awk -F '\t' '{ print NF }' "$TMP/out" | sort -u)" \
    "$(wc -l <"$TMP/cols" | tr -d ' ')"

# A note holding a tab, a newline and a backslash stays on one TSV line.
note=$(printf 'a\tb\nc\\d')
run --db "$DB" add officer name=跳脫測試 agency=MOI role=member \
    function=it email=escape@example.gov.tw "note=$note"
status "add an officer with a tab and a newline in the note" 0
run --db "$DB" list officers --tsv
contains "TSV escapes tab, newline and backslash" "$TMP/out" \
    'a\tb\nc\\d'
same "the escaped record is still one line" \
    "$(wc -l <"$TMP/out" | tr -d ' ')" "$((officers + 2))"
same "and has every column" \
    "$(grep -F escape@example.gov.tw "$TMP/out" | awk -F '\t' '{ print NF }')" \
    "$(wc -l <"$TMP/cols" | tr -d ' ')"

# An escape sequence never gets in.
run --db "$DB" add officer "name=$(printf '\033[31m')紅" agency=MOI role=po \
    email=red@example.gov.tw
status "a name holding ESC is refused" 1
contains "and the refusal says why" "$TMP/err" "control character"
run --db "$DB" list officers --tsv
lacks "the refused officer is not stored" "$TMP/out" red@example.gov.tw

# --- the full-screen program without a terminal ---------------------------
# ssh HOST ogpo, without -t: no terminal to read keys from. The screen
# went out as escape sequences and the program ended at the first read,
# exit 0. Now a sentence saying what to do, exit 2, the database as it was.
before=$(cksum <"$DB/data.mdb")
echo | "$OGPO" --db "$DB" >"$TMP/out" 2>"$TMP/err"
rc=$?
status "the full-screen program with no terminal to read from" 2
contains "… says to ask ssh for one" "$TMP/err" "(ssh -t HOST ogpo)"
same "… draws nothing" "$(wc -c <"$TMP/out" | tr -d ' ')" 0
echo | LC_ALL=zh_TW.UTF-8 "$OGPO" --db "$DB" >"$TMP/out" 2>"$TMP/err"
contains "… in the person's language" "$TMP/err" "ssh -t 主機 ogpo"
same "… and leaves the database as it was" "$(cksum <"$DB/data.mdb")" \
    "$before"
# A terminal that cannot place the cursor (TERM=dumb, an editor's shell
# window) got the screen's last line and waited for keys. Now the sentence.
TERM=dumb timeout 30 script -qec "$(shquote "$OGPO") --db $(shquote "$DB")" \
    /dev/null >"$TMP/out" 2>&1 </dev/null
rc=$?
status "TERM=dumb: the full-screen program does not start" 1
contains "… and says what TERM to set" "$TMP/out" \
    "this terminal cannot be drawn on (TERM=dumb)"

# --- list meetings and issues -------------------------------------------

run --db "$DB" list meetings
status "list meetings succeeds" 0
same "one line per meeting, and a header" \
    "$(wc -l <"$TMP/out" | tr -d ' ')" "$((meetings + 1))"
awk 'NR > 1 { print $2 }' "$TMP/out" >"$TMP/dates"
check "meetings are listed newest first" sort -c -r "$TMP/dates"
same "the dates are dates" \
    "$(grep -vc '^[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]$' "$TMP/dates")" 0
same "the newest is the planned one" \
    "$(awk 'NR == 2 { print $4 }' "$TMP/out")" planned
contains "held meetings show who came" "$TMP/out" "held"

# A meeting is held on its day or after: set held before, it would count
# for a month that has not come. Refused with a sentence naming it and
# its day; on the day itself, held.
run --db "$DB" list meetings --tsv
planned=$(awk -F '\t' '$12 == "planned" { print $1; exit }' "$TMP/out")
pdate=$(awk -F '\t' '$12 == "planned" { print $7; exit }' "$TMP/out")
ptitle=$(awk -F '\t' '$12 == "planned" { print $6; exit }' "$TMP/out")
held=$(awk -F '\t' '$12 == "held" { print $1; exit }' "$TMP/out")
hdate=$(awk -F '\t' '$12 == "held" { print $7; exit }' "$TMP/out")
run --db "$DB" set meeting "$planned" status=held
status "a meeting still to come is not set held" 1
contains "… the refusal names the meeting and its day" "$TMP/err" \
    "Meeting #$planned $ptitle is set for $pdate, a day still to come"
run --db "$DB" list meetings --tsv
same "… it is still planned" \
    "$(awk -F '\t' -v i="$planned" '$1 == i { print $12 }' "$TMP/out")" \
    planned
run --db "$DB" add meeting kind=work title=未來的會議 date=2099-01-15 \
    status=held
status "nor added held" 1
contains "… naming its day" "$TMP/err" "is set for 2099-01-15"
run --db "$DB" set meeting "$held" date=2099-01-15
status "a held meeting is not moved to a day still to come" 1
# Nor one whose attendance is marked, even before it is said held: its
# marks would then be ones taken before its day.
run --db "$DB" set meeting "$held" status=planned
status "a held meeting can be planned again" 0
run --db "$DB" set meeting "$held" date=2099-01-15
status "… but, its attendance marked, not moved to a day still to come" 1
contains "… the refusal says why and what to do" "$TMP/err" \
    "has attendance marked for"
contains "… and names the day" "$TMP/err" "cannot move to 2099-01-15"
run --db "$DB" list meetings --tsv
same "… its day is unchanged" \
    "$(awk -F '\t' -v i="$held" '$1 == i { print $7 }' "$TMP/out")" \
    "$hdate"
run --db "$DB" set meeting "$held" status=held
status "… and it is held again" 0
OGPO_NOW="$pdate 08:00" "$OGPO" --db "$DB" set meeting "$planned" \
    status=held >"$TMP/out" 2>"$TMP/err"
rc=$?
status "on its day it is held" 0
run --db "$DB" set meeting "$planned" status=planned
status "… and planned again" 0
# A date alone is the clock at its midnight (tests fix their day so).
OGPO_NOW="$pdate" "$OGPO" --db "$DB" set meeting "$planned" status=held \
    >"$TMP/out" 2>"$TMP/err"
rc=$?
status "OGPO_NOW as a date alone: on that day it is held" 0
run --db "$DB" audit
contains "… at that day's midnight" "$TMP/out" "$pdate 00:00"
# ISO 8601's T between day and time, as date -Is writes it: was ignored.
OGPO_NOW="${pdate}T07:45:00" "$OGPO" --db "$DB" set meeting "$planned" \
    status=planned >"$TMP/out" 2>"$TMP/err"
OGPO_NOW="${pdate}T07:46:00" "$OGPO" --db "$DB" set meeting "$planned" \
    status=held >"$TMP/out" 2>"$TMP/err"
run --db "$DB" audit
contains "OGPO_NOW with a T between day and time is taken" "$TMP/out" \
    "$pdate 07:46"
OGPO_NOW="$pdate 25:99" "$OGPO" --db "$DB" set meeting "$planned" \
    status=planned >"$TMP/out" 2>"$TMP/err"
run --db "$DB" audit
same "an OGPO_NOW that is no time is not taken: the clock's own day" \
    "$(tail -1 "$TMP/out" | awk '{ print $2 }')" "$(date +%Y-%m-%d)"

run --db "$DB" list issues
status "list issues succeeds" 0
same "one line per issue, and a header" \
    "$(wc -l <"$TMP/out" | tr -d ' ')" "$((cases + 1))"
contains "issues show their stage" "$TMP/out" "collaboration"
contains "issues show their lead agency" "$TMP/out" "衛生福利部"

run --db "$DB" list wombats
status "an unknown list target is a usage error" 2
contains "and is named" "$TMP/err" "wombats"

run --db "$DB" list officers --agency NOPE
status "an unknown agency code fails" 1
contains "with a sentence naming the code" "$TMP/err" \
    "no agency has the code 'NOPE'"

run --db "$DB" list
status "list without a target is a usage error" 2

run --db "$DB" list --help
status "list --help succeeds" 0
contains "list --help shows the targets" "$TMP/out" \
    "agencies|officers|meetings|cases"

# --- verify and backup ---------------------------------------------------

run --db "$DB" verify
status "verify succeeds" 0
contains "verify says the database is consistent" "$TMP/out" \
    "$DB is consistent"
contains "verify counts the agencies" "$TMP/out" "$agencies agencies"
contains "verify counts the officers (the demo's and one added)" \
    "$TMP/out" "$((officers + 1)) officers"
orig=$(counts)

run --db "$DB" backup "$TMP/bk"
status "backup succeeds" 0
contains "backup says where" "$TMP/out" "$TMP/bk"
run --db "$TMP/bk" verify
status "the backup verifies" 0
same "the backup holds the same records" "$(counts)" "$orig"

run --db "$DB" backup "$TMP/bk"
status "backup into a directory holding a database fails" 1
contains "and says so" "$TMP/err" "already holds"
run --db "$TMP/bk" verify
same "the refused backup left the copy alone" "$(counts)" "$orig"

# --- where the database is ----------------------------------------------

OGPO_DB=$DB "$OGPO" verify >"$TMP/out" 2>"$TMP/err"
rc=$?
status "OGPO_DB names the database" 0
contains "the one it names" "$TMP/out" "$DB is consistent"

run verify --db "$DB"
status "--db after the subcommand works" 0
same "and opens the same database" "$(counts)" "$orig"

run list officers "--db=$DB" --agency MOI
status "--db=DIR between the arguments works" 0
contains "and lists from it" "$TMP/out" "內政部"

OGPO_DB=$TMP/nowhere "$OGPO" --db "$DB" verify >"$TMP/out" 2>"$TMP/err"
rc=$?
status "--db wins over OGPO_DB" 0

run --db "$TMP/none" verify
status "verify without a database fails" 1
contains "and says to run ogpo init" "$TMP/err" "ogpo init"
check "and creates nothing" [ ! -e "$TMP/none" ]

run --db "$TMP/none" list agencies
status "list without a database fails" 1
contains "and says to run ogpo init" "$TMP/err" "ogpo init"

run --db
status "--db without a value is a usage error" 2

# --- help and version ----------------------------------------------------

run --version
status "--version succeeds" 0
check "--version prints the version" grep -q '^ogpo [0-9][0-9.]*$' "$TMP/out"

run --help
status "--help succeeds" 0
for cmd in init list verify backup; do
	check "--help lists $cmd" grep -q "^  $cmd " "$TMP/out"
done

# ogpo help COMMAND, as git takes it, is ogpo COMMAND --help.
run help import
status "help import succeeds" 0
"$OGPO" import --help >"$TMP/want" 2>&1
check "help import is import --help" cmp -s "$TMP/want" "$TMP/out"
run help
status "help alone succeeds" 0
contains "help alone is --help" "$TMP/out" "ogpo help [COMMAND]"
run help frobnicate
status "help on no command is a usage error" 2
contains "naming it" "$TMP/err" "'frobnicate' is not a command"

run frobnicate
status "an unknown command is a usage error" 2
contains "and is named" "$TMP/err" "frobnicate"

run --db "$DB" verify extra
status "verify with an extra argument is a usage error" 2

run --db "$DB" backup
status "backup without a directory is a usage error" 2

# A new account has no ~/.local/share: init makes the whole path.
(
	unset OGPO_DB XDG_DATA_HOME
	HOME="$TMP/newhome" "$OGPO" init >"$TMP/out" 2>"$TMP/err"
)
check "init creates the default directory and its parents" \
    test -f "$TMP/newhome/.local/share/ogpo/data.mdb"
contains "init says where the database went" "$TMP/out" \
    "$TMP/newhome/.local/share/ogpo"

# Moving an agency takes its sub-agencies' levels along: 國防部 under
# 內政部 becomes level 3, and its 全民防衛動員署 level 4.
mnd=$("$OGPO" --db "$DB" list agencies --tsv | awk -F '\t' '$5 == "MND" { print $1 }')
run --db "$DB" set agency "$mnd" parent=MOI level=3
status "an agency can move under another" 0
level_of() {
	"$OGPO" --db "$DB" list agencies --tsv |
	    awk -F '\t' -v c="$1" '$5 == c { print $8 }'
}
same "the moved agency is level 3" "$(level_of MND)" 3
same "its sub-agency follows to level 4" "$(level_of AODMA)" 4
run --db "$DB" verify
status "the database is consistent after the move" 0

# Dates and times as the forms read them: the ROC calendar, a time
# said in Chinese; a wrong word for a choice is answered with the choices.
run --db "$DB" add meeting kind=work title=口語時間 date=115/12/20 \
    time=下午2點半 status=planned
status "add takes 115/12/20 and 下午2點半" 0
meeting_when() {
	"$OGPO" --db "$DB" list meetings --tsv |
	    awk -F '\t' -v t="$1" '$6 == t { print $7 " " $8 }'
}
same "they are kept as 2026-12-20 14:30" "$(meeting_when 口語時間)" \
    "2026-12-20 14:30"
id=$("$OGPO" --db "$DB" list meetings --tsv | awk -F '\t' '$6 == "口語時間" { print $1 }')
run --db "$DB" set meeting "$id" time=上午9點
status "set takes 上午9點" 0
same "it is kept as 09:00" "$(meeting_when 口語時間)" "2026-12-20 09:00"
run --db "$DB" set meeting "$id" time=25點
status "a time past 23 o'clock is refused" 1
contains "the refusal says how hours run" "$TMP/err" \
    "time: '25點' is not a time of day: hours run 0 to 23"
same "the time stays 09:00" "$(meeting_when 口語時間)" "2026-12-20 09:00"
run --db "$DB" add meeting kind=working title=x date=2026-12-21 \
    status=planned
status "a kind no one has is refused" 1
contains "the refusal lists the kinds" "$TMP/err" \
    "kind: 'working' is not one of the choices: 政策協調聯繫會議 (policy), 工作推動會議 (work), 議題協作會議 (issue)"

# Record numbers past 32 bits are refused, not wrapped round to #1.
before=$("$OGPO" --db "$DB" list meetings --tsv | grep -c .)
run --db "$DB" delete meeting 4294967297
status "a record number past 2^32 is a usage error" 2
after=$("$OGPO" --db "$DB" list meetings --tsv | grep -c .)
same "no meeting was deleted" "$after" "$before"
run --db "$DB" set officer 4294967297 note=x
status "set refuses a record number past 2^32 too" 2
