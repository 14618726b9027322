#!/bin/sh
# test_completion.sh — completion/ogpo.bash, sourced in bash as the
# completion package would: commands, options per command, months for
# --month, agency codes from the database (through the same ogpo, with
# the same --db), keymap names, and agency lists after a comma.
#
#   OGPO=./ogpo sh tests/cli/test_completion.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
DB=$TMP/db
"$OGPO" --db "$DB" init --demo >/dev/null 2>&1 || not_ok "init --demo"

# complete WORD...: the words of a command line, the last one being
# completed; COMPREPLY one a line into $TMP/out.
complete_words() {
	bash -c '
	    . completion/ogpo.bash
	    COMP_WORDS=("$@")
	    COMP_CWORD=$(($# - 1))
	    _ogpo
	    printf "%s\n" "${COMPREPLY[@]}"' ogpo "$@" >"$TMP/out" 2>"$TMP/err"
}

# replies WHAT WANT: COMPREPLY, sorted and on one line, is WANT.
replies() {
	got=$(grep -v '^$' "$TMP/out" | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
	if [ "$got" = "$2" ]; then ok "$1"; else
		not_ok "$1 (got '$got', wanted '$2')"
		sed 's/^/#   stderr: /' "$TMP/err" | head -5
	fi
}

complete_words "$OGPO" ex
replies "a command from its start" "export"
complete_words "$OGPO" i
replies "both commands starting with i" "import init"
complete_words "$OGPO" --p
replies "a global option" "--print-config"
complete_words "$OGPO" he
replies "help, as a command" "help"
complete_words "$OGPO" help im
replies "help's command" "import"
complete_words "$OGPO" import --d
replies "import's options" "--delimiter --dry-run"
complete_words "$OGPO" check --
replies "check's options" "--help --training --tsv --year"
complete_words "$OGPO" list ""
replies "what list lists" "agencies cases issues meetings officers progress resolutions rewards training"
complete_words "$OGPO" export ""
replies "what export writes" \
    "agencies agenda attendance cases deadlines decisions issues meetings officers progress resolutions rewards signin training"
complete_words "$OGPO" import ""
replies "what import reads" \
    "agencies attendance cases list officers progress resolutions undo"
complete_words "$OGPO" export attendance --s
replies "export's --summary" "--summary"
complete_words "$OGPO" import officers --encoding ""
replies "import's encodings" "big5 utf-16 utf-8"
complete_words "$OGPO" export officers --encoding ""
replies "export's encodings" "big5 utf-8"

this=$(date +%Y-%m)
complete_words "$OGPO" export attendance --month ""
contains "--month offers this month" "$TMP/out" "$this"
same_n=$(grep -c '^[0-9]\{4\}-[0-9][0-9]$' "$TMP/out")
check "--month offers 24 months ($same_n)" test "$same_n" -eq 24
complete_words "$OGPO" export attendance --matrix --from "${this%-*}-"
check "--from narrows to this year's months" \
    test "$(grep -vc "^${this%-*}-" "$TMP/out")" -eq 0 -a -s "$TMP/out"

# Agency codes come from the database the command line names.
codes=$("$OGPO" --db "$DB" list agencies --tsv | awk -F '\t' '
    NR == 1 { for (i = 1; i <= NF; i++) if ($i == "code") c = i; next }
    $c ~ /^MO/ { print $c }' | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
check "the demo has agency codes starting with MO ($codes)" test -n "$codes"
complete_words "$OGPO" --db "$DB" list officers --agency MO
replies "--agency offers the database's codes" "$codes"
complete_words "$OGPO" list officers --db "$DB" --agency MOI
contains "--db after the command counts too" "$TMP/out" "MOI"
complete_words "$OGPO" --db "$DB" user add wang --agency MOI,EY
replies "after a comma, the next code" "MOI,EY"
complete_words "$OGPO" --db "$TMP/none" list officers --agency M
replies "no database, no codes (and no error)" ""

complete_words "$OGPO" --keymap ""
replies "--keymap names" "default emacs vi"
complete_words "$OGPO" user ""
replies "user's subcommands" "add list remove"
complete_words "$OGPO" user add wang --role ""
replies "the roles" "admin editor viewer"
