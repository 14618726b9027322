#!/bin/sh
# test_import_meanwhile.sh — an import from the Officers tab writes what
# was agreed to. Another saves an officer the file updates while its
# changes are read: y does not write over that save unsaid, it lists
# what the import would do now and asks again. A save of something the
# file does not touch changes nothing of the question: y imports.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
run() { "$OGPO" --db "$DB" "$@" >"$TMP/out" 2>&1 ||
    { not_ok "ogpo $*"; sed 's/^/#   /' "$TMP/out"; }; }
col() { "$OGPO" --db "$DB" list officers --tsv | awk -F '\t' -v e="$1" \
    -v f="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == f) c = i }
    $12 == e { print $c }'; }

# The first MOI officer, a new title for them in a file.
"$OGPO" --db "$DB" list officers --agency MOI --tsv >"$TMP/moi"
id=$(awk -F '\t' 'NR == 2 { print $1 }' "$TMP/moi")
name=$(awk -F '\t' 'NR == 2 { print $5 }' "$TMP/moi")
email=$(awk -F '\t' 'NR == 2 { print $12 }' "$TMP/moi")
title=$(col "$email" title)
mkdir "$TMP/desk"
cd "$TMP/desk" || exit 1
printf 'name,email,agency_code,title\n%s,%s,MOI,科長\n' \
    "$name" "$email" >titles.csv

tui_start meanwhile 110 32
keys 2
expect "the Officers tab" "Officers of all agencies"
keys : 
text "import officers titles.csv"
keys Enter
expect "the import lists its change" "title $title →"
# Another desk saves the same officer while this is read.
run set officer "$id" "title=專員"
keys y
expect "y is not taken as agreeing to the changed import" \
    "Others saved meanwhile"
check "the change is listed as it would be now" \
    has_text "title 專員 →"
check "the other's save is still there" \
    test "$(col "$email" title)" = 專員
keys y
expect "asked again, y imports" "Imported titles.csv"
check "the title is the file's" \
    test "$(col "$email" title)" = 科長

# A save of something else meanwhile asks nothing more.
printf 'name,email,agency_code,title\n%s,%s,MOI,處長\n' \
    "$name" "$email" >titles.csv
keys :
text "import officers titles.csv"
keys Enter
expect "the second import lists its change" "title 科長 →"
run set agency 1 "note=unrelated"
keys y
expect "an unrelated save meanwhile: y imports at once" "Imported titles.csv"
check "and the title is the file's" test "$(col "$email" title)" = 處長
tui_stop
tui_done
