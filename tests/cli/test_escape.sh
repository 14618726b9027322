#!/bin/sh
# test_escape.sh — nothing a record, a file name or an argument holds
# drives the terminal of whoever runs the command line. Records are given
# escape sequences (CSI, OSC with BEL), a C1 control (U+009B) and bidi
# overrides (U+202E, U+2066) in every text field, straight in the store
# (tests/tools/raw-set: core refuses control characters, but an older
# ogpo or a damaged database may hold them); file names and arguments
# also get bytes that are not UTF-8. Every listing, the compliance check,
# the import list, an import's report and the error messages are run on
# a terminal (script(1)) and must show all of it escaped (^[, <U+009B>,
# <U+202E>, \xff) and send none of it raw.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../lib.sh"

unset OGPO_DB
RAW_SET=${RAW_SET:-$HERE/../../build/tools/raw-set}
DB=$TMP/db
export LC_ALL=C.UTF-8

ESC=$(printf '\033')
# Every kind of trouble, shortest first so that short fields get some.
EVIL=$(printf '\033[31m\302\233\342\200\256\342\201\246\007\033]0;pwned\007!')
BAD=$(printf '\377\376')		# not UTF-8

# on_tty NAME ARGS...: run ogpo ARGS with stdout and stderr on a
# terminal; what the terminal got is in $TMP/NAME.
on_tty() {
	_n=$1
	shift
	_cmd=$(shquote "$OGPO")
	for _a in "$@"; do
		_cmd="$_cmd $(shquote "$_a")"
	done
	script -qec "$_cmd" /dev/null >"$TMP/$_n" 2>&1 </dev/null
}

# raw_free WHAT NAME: $TMP/NAME holds no ESC, BEL, C1 control, bidi
# control (U+200E/F, U+202A-E, U+2066-9, U+061C) or byte that is not
# UTF-8.
RAW='\x1b|\x07|\xc2[\x80-\x9f]|\xe2\x80[\x8e\x8f\xaa-\xae]'
RAW="$RAW"'|\xe2\x81[\xa6-\xa9]|\xd8\x9c'
raw_free() {
	if LC_ALL=C grep -naP "$RAW" "$TMP/$2" >"$TMP/raw"; then
		not_ok "$1: nothing raw reaches the terminal"
		head -3 "$TMP/raw" | od -c | head -6 | sed 's/^/#   /'
	elif ! iconv -f UTF-8 -t UTF-8 "$TMP/$2" >/dev/null 2>&1; then
		not_ok "$1: only UTF-8 reaches the terminal"
	else
		ok "$1: nothing raw reaches the terminal"
	fi
}

# shown WHAT NAME TEXT...: each TEXT is in $TMP/NAME (the data was shown,
# escaped), and nothing raw is.
shown() {
	_w=$1 _n=$2
	shift 2
	for _t in "$@"; do
		contains "$_w: shows $_t" "$TMP/$_n" "$_t"
	done
	raw_free "$_w" "$_n"
}

[ -x "$RAW_SET" ] || { not_ok "no $RAW_SET"; exit 1; }
command -v script >/dev/null || { not_ok "no script(1)"; exit 1; }
"$OGPO" --db "$DB" init --demo >/dev/null 2>&1 || { not_ok "init"; exit 1; }

# The records the compliance check names: an agency without a PO, a PO
# who is not a civil servant, an issue escalated too long.
"$OGPO" --db "$DB" check --tsv >"$TMP/check.tsv"
col() { awk -F '\t' -v r="$1" -v c="$2" '$1 == r { print $c; exit }' \
    "$TMP/check.tsv"; }
agency=$(col no_po 4)
officer=$(col not_civil_servant 5)
its_agency=$(col not_civil_servant 4)
issue=$(col escalated_long 6)
meeting=1
check "the demo has findings to name ($agency $officer $issue)" \
    [ -n "$agency" ] && [ -n "$officer" ] && [ -n "$issue" ] &&
    [ -n "$its_agency" ]
# The issue's lead shows by name in listings, as does the officer's agency.
check "the issue is led by the agency" sh -c "'$OGPO' --db '$DB' \
    set issue '$issue' lead='$agency' >/dev/null"
n=0
for r in "agency $agency" "agency $its_agency" "officer $officer" \
    "meeting $meeting" "issue $issue"; do
	n=$((n + 1))	# agency codes are unique
	# shellcheck disable=SC2086
	check "$r gets escapes in every text field" \
	    "$RAW_SET" "$DB" $r "*=$n$EVIL"
done
check "the database is still consistent" \
    sh -c "'$OGPO' --db '$DB' verify >/dev/null"

# --- listings --------------------------------------------------------------
for l in agencies officers meetings issues; do
	on_tty "$l" --db "$DB" list $l
	shown "list $l" "$l" "^[[31m" "<U+009B>" "<U+202E>" "<U+2066>" "^G"
	on_tty "$l.tsv" --db "$DB" list $l --tsv
	shown "list $l --tsv" "$l.tsv" "^[[31m" "<U+009B>" "<U+202E>" \
	    "^[]0;pwned^G!"
done
on_tty check --db "$DB" check
shown "check" check "^[[31m" "<U+009B>" "<U+202E>"
check "check names the agency, the officer and the issue" \
    [ "$(grep -ac '\^\[\[31m' "$TMP/check")" -ge 3 ]
on_tty check.tsv --db "$DB" check --tsv
shown "check --tsv" check.tsv "^[[31m" "<U+009B>" "<U+202E>"

# To a pipe, --tsv gives the bytes as they are, for scripts.
"$OGPO" --db "$DB" list agencies --tsv >"$TMP/pipe.tsv"
contains "list --tsv to a pipe keeps the bytes" "$TMP/pipe.tsv" "$EVIL"

# --- imports ----------------------------------------------------------------
name=$(printf 'x\033[31m\342\200\256%s.csv' "$BAD")
printf 'name,email,agency_code,%s\nA%sB,evil1@ex.gov.tw,MOI,x\n' \
    "$(printf '\342\200\256col\033[1m')" "$(printf '\342\200\256')" \
    >"$TMP/$name"
on_tty dry --db "$DB" import officers --dry-run "$TMP/$name"
shown "an import's dry run" dry "^[[31m" "<U+202E>" "\\xff\\xfe" \
    "<U+202E>col^[[1m"
on_tty import --db "$DB" import officers "$TMP/$name"
shown "an import's report" import "^[[31m<U+202E>\\xff\\xfe.csv: added 1"
on_tty imports --db "$DB" import list
shown "import list" imports "^[[31m<U+202E>\\xff\\xfe.csv"
# A name that is not UTF-8 (a Big5 one, say) once made the import's record
# unreadable: it was missing from the list, and undo took an older one.
"$OGPO" --db "$DB" import undo >"$TMP/undo" 2>&1
contains "undo takes back that import" "$TMP/undo" \
    "Undone: 1 added records removed"
printf 'name,email,agency_code\n%s,evil2@ex.gov.tw,MOI\n' "$EVIL" \
    >"$TMP/rejects.csv"
on_tty rejected --db "$DB" import officers "$TMP/rejects.csv"
shown "a rejected row" rejected "rejected row 2"

# --- the audit trail and the users --------------------------------------------
# A deletion keeps the record as it was in the trail, ESC and all. The
# demo's first meeting made resolutions: they go first.
for r in $("$OGPO" --db "$DB" list resolutions --meeting "$meeting" --tsv |
    awk -F '\t' 'NR > 1 { print $1 }'); do
	"$OGPO" --db "$DB" delete resolution "$r" >/dev/null
done
check "the meeting is deleted" sh -c "'$OGPO' --db '$DB' \
    delete meeting '$meeting' >/dev/null"
on_tty audit --db "$DB" audit --limit 0
shown "audit" audit "^[[31m" "<U+009B>" "<U+202E>"
on_tty audit.tsv --db "$DB" audit --tsv --limit 0
# (TSV writes the backslash of \xff as \\.)
shown "audit --tsv" audit.tsv "^[[31m" "<U+009B>" "<U+202E>" \
    "<U+202E>\\\\xff\\\\xfe.csv"
check "an editor of the agency is added" sh -c "'$OGPO' --db '$DB' \
    user add editor1 --role editor --agency '$agency' >/dev/null"
on_tty users --db "$DB" user list
shown "user list" users "^[[31m"
on_tty users.tsv --db "$DB" user list --tsv
shown "user list --tsv" users.tsv "^[[31m" "<U+009B>"
on_tty head --db "$DB" verify --head "$EVIL$BAD"
shown "verify --head" head "^[[31m" "\\xff\\xfe"

# --- errors and other messages ------------------------------------------------
on_tty e1 --db "$DB" add officer name=x agency=MOI "role=$EVIL$BAD"
shown "a refused value" e1 "^[[31m" "<U+009B>" "\\xff\\xfe"
on_tty e2 --db "$DB" list "$EVIL$BAD"
shown "an unknown listing" e2 "^[[31m" "\\xff\\xfe"
on_tty e3 "$EVIL$BAD"
shown "an unknown command" e3 "^[[31m" "\\xff\\xfe"
on_tty e4 --db "$DB" set officer "$EVIL$BAD" note=x
shown "a bad record number" e4 "^[[31m" "\\xff\\xfe"
on_tty e5 --db "$DB" list agencies --agency "$EVIL$BAD"
shown "an unknown agency code" e5 "^[[31m" "\\xff\\xfe"
on_tty e6 --db "$DB" "--$EVIL$BAD"
raw_free "an unknown option" e6
dir=$TMP/$(printf 'db\033[31m%s' "$BAD")
on_tty e7 --db "$dir" list agencies
shown "a database that is not there" e7 "^[[31m\\xff\\xfe"
on_tty init --db "$dir" init
shown "init" init "^[[31m\\xff\\xfe"
on_tty verify --db "$dir" verify
shown "verify" verify "^[[31m\\xff\\xfe"
on_tty backup --db "$dir" backup "$dir.copy"
shown "backup" backup "^[[31m\\xff\\xfe"
on_tty export --db "$DB" export officers -o "$TMP/$name"
shown "export" export "^[[31m<U+202E>\\xff\\xfe.csv"
on_tty add --db "$DB" add agency code=EVIL "name=$(printf 'A\342\200\256B')" \
    parent=MOI level=3
shown "add" add "A<U+202E>B"
