#!/bin/sh
# test_import.sh — the Import action of the Officers tab: i lists the CSV
# files of the current directory, the dry run's dialog shows the counts and
# the first changes and rejected rows, y imports (the status line says so, the count
# grows, the database holds the officers), n writes nothing; the officers
# of an agency the file lists who are not in it are said to stay.
# :import officers FILE does the same for the file named.
. tests/lib.sh
. tests/tui/tui-lib.sh

tsv() { "$OGPO" --db "$DB" list "$1" --tsv; }
# has_email EMAIL: the database holds an officer with EMAIL.
has_email() { tsv officers | awk -F '\t' -v e="$1" '$12 == e { f = 1 }
    END { exit !f }'; }

demo_db
nof=$(officer_count)

# ogpo lists the CSV files of its current directory: start it in one
# holding two (and a file that is not CSV).
mkdir "$TMP/desk"
cd "$TMP/desk" || exit 1
printf 'name,email,agency_code,title\n王大明,tui1@ex.gov.tw,MOI,科長\n李小華,tui2@ex.gov.tw,NOSUCH,專員\n陳美玲,tui3@ex.gov.tw,MOFA,專員\n' \
    >new-officers.csv
printf '姓名,電子郵件,機關代碼,職稱\n張志明,other1@ex.gov.tw,MOI,科長\n' \
    >other.csv
printf 'not a list\n' >notes.md

tsv officers >"$TMP/before.officers"
tsv agencies >"$TMP/before.agencies"

tui_start import 100 30
keys 2
expect "2 shows all officers" "Officers of all agencies"
expect_pos "the officer count is $nof" "1/$nof"

# --- n: nothing is written ------------------------------------------------
keys i
expect "i asks for the file" "Import officers from which file?"
expect "the pick list shows new-officers.csv" "new-officers.csv"
expect "the pick list shows other.csv" "other.csv"
expect "and lets one type a path" "(type the file's path)"
screen
if has_text notes.md; then
	not_ok "a file that is not CSV is not listed"; dump
else
	ok "a file that is not CSV is not listed"
fi
text other
expect_gone "typing filters the list" "new-officers.csv"
keys Enter
expect "the dialog shows the counts: add 1, update 0" "add 1, update 0, leave 0"
expect "the dialog shows the counts: reject 0" "reject 0."
expect "the dialog names the file and its encoding" "other.csv (utf-8)"
expect "the dialog shows the change, as a dry run lists it" \
    "row 2: added 張志明 <other1@ex.gov.tw>"
expect "the dialog says MOI's officers not in the file stay" \
    "MOI 內政部: 3 officers in office are not in the file and"
expect "and how to end a designation on the screen" \
    "To end a designation, E on the"
expect "it asks" "Import them?"
keys n
expect_gone "n closes the dialog" "Import them?"
expect_pos "n: the count stays $nof" "1/$nof"
tsv officers >"$TMP/after.officers"
tsv agencies >"$TMP/after.agencies"
check "n: the officers are unchanged" cmp -s "$TMP/before.officers" \
    "$TMP/after.officers"
check "n: the agencies are unchanged" cmp -s "$TMP/before.agencies" \
    "$TMP/after.agencies"
check "n: no import recorded" sh -c \
    "! '$OGPO' --db '$DB' import list | grep -q other.csv"

# --- y: the good rows are imported --------------------------------------
keys i
expect "i again" "Import officers from which file?"
text new-off
keys Enter
expect "the dialog shows the counts: add 2, update 0" "add 2, update 0, leave 0"
expect "the dialog shows the counts: reject 1" "reject 1."
expect "the dialog shows the rejected row: row 3" \
    "row 3, column agency_code: 'NOSUCH': no agency has this"
expect "it asks about the good rows" \
    "Import the good rows and skip the rejected ones?"
keys y
expect "the status line says Imported, the key that saves the rejected row first" \
    "Rejected 1 (r saves them, with the reasons); imported new-officers.csv: added 2, updated 0"
screen
# A sentence too long for the status line takes the rows above it too.
if tail -n 2 "$SCR" | grep -q "imported new-officers.csv"; then
	ok "it is the status line that says so"
else
	not_ok "it is the status line that says so"; dump
fi
if wait_count $((nof + 2)); then
	ok "the officer count grows to $((nof + 2))"
else
	not_ok "the officer count grows to $((nof + 2)) (is $(status_pos))"
	dump
fi
check "the database holds 王大明 <tui1@ex.gov.tw>" has_email tui1@ex.gov.tw
check "the database holds 陳美玲 <tui3@ex.gov.tw>" has_email tui3@ex.gov.tw
check "the rejected row is not in the database" sh -c \
    "! '$OGPO' --db '$DB' list officers --tsv | grep -q tui2@ex.gov.tw"
check "the database has $((nof + 2)) officers" [ "$(officer_count)" = $((nof + 2)) ]
check "the import is recorded (import list)" sh -c \
    "'$OGPO' --db '$DB' import list | grep -q '+2 ~0 =0 !1  new-officers.csv'"
check "verify passes" sh -c "'$OGPO' --db '$DB' verify >/dev/null"
keys /
text 王大明
keys Enter
expect_sel "the new officer is on the list" "王大明"
esc

# --- the same file again: nothing to change -----------------------------
keys i
expect "i once more" "Import officers from which file?"
text new-off
keys Enter
expect "the same file again: nothing to change" \
    "nothing to change (2 unchanged, 1"
keys Enter
expect_gone "Enter closes it" "nothing to change"
check "the database still has $((nof + 2)) officers" \
    [ "$(officer_count)" = $((nof + 2)) ]

# --- a typed path, outside the directory --------------------------------
printf 'name,email,agency_code,title\n林志偉,typed1@ex.gov.tw,MOFA,科員\n' \
    >"$TMP/elsewhere.csv"
keys i
expect "i for a typed path" "Import officers from which file?"
text "type the"
expect_gone "typing filters the list to the last choice" "other.csv"
keys Enter
expect "the last choice asks for the path" "Import officers from the file"
text "$TMP/elsewhere.csv"
keys Enter
expect "the typed file's dialog" "elsewhere.csv (utf-8): add 1"
keys y
expect "the typed file is imported" "Imported $TMP/elsewhere.csv: added 1"
if wait_count $((nof + 3)); then
	ok "the officer count grows to $((nof + 3))"
else
	not_ok "the officer count grows to $((nof + 3)) (is $(status_pos))"
	dump
fi
check "the database holds 林志偉 <typed1@ex.gov.tw>" has_email typed1@ex.gov.tw

# --- :import officers FILE ------------------------------------------------
printf 'name,email,agency_code,title\n林志偉,typed1@ex.gov.tw,MOFA,專員\n' \
    >"$TMP/promoted.csv"
keys :
text "import officers $TMP/promoted.csv --dry-run"
keys Enter
expect "an option after the file: the screen asks anyway, it says" \
    "takes a file's name alone; it shows what would change and asks"
keys :
text "import officers $TMP/promoted.csv"
keys Enter
expect ":import officers FILE: the file's dialog" "promoted.csv (utf-8): add 0, update 1"
expect "the field that changes, old and new" \
    "row 2: updated 林志偉 <typed1@ex.gov.tw>: title 科員 →"
keys y
expect "and y imports it" "Imported $TMP/promoted.csv: added 0, updated 1"
check "the database holds the new title" sh -c \
    "'$OGPO' --db '$DB' list officers --tsv | grep typed1@ex.gov.tw | grep -q 專員"

tui_stop
tui_done
