#!/bin/sh
# test_audit.sh — the Audit tab, the Users tab and who else is here.
# A change made by another process appears at the top of the Audit tab
# in words (before → after); f narrows it and F shows all again; Enter
# shows one change field by field (a note's lines indented as its own).
# The Users tab lists the admin, will
# not remove the last one, and edits a user without touching its login. Two programs on one database each see "+1
# here" and the Who list names the other and its tab; when one is killed,
# the other's count goes back and its session record is cleaned away.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
ME=$(id -un)
OFF=$("$OGPO" --db "$DB" list officers --agency MOI --tsv | sed -n 2p | cut -f1)

tui_start one 100 30
keys 6
expect "6 shows the audit trail" "Audit trail, newest first"
check "another process changes a title" sh -c "'$OGPO' --db '$DB' set officer \
    $OFF title=審計測試專員 >/dev/null"
# Another process's commit is seen within a poll (250 ms); a loaded
# machine running the sanitizer build may take much longer to reload.
expect "the change shows at the top, in words" "→ 審計測試專員" 15
expect_sel "at the top, the list follows the newest change" "審計測試專員" 15
keys Enter
expect "Enter shows the change field by field" "Changes: title"
expect "the detail names who" "Who: $ME"
esc
# A note's lines are the note's: one cannot pass for a line of the panel.
check "another process writes a note whose second line reads like one" \
    sh -c "'$OGPO' --db '$DB' set officer $OFF \"note=\$(printf \
    'x\\nWho: someone-else')\" >/dev/null"
expect "the note's change shows at the top" "Who: someone-else" 15
keys Enter
expect "Enter shows it" "Changes: note"
screen
if grep -qF '│ Who: someone-else' "$SCR" ||
    ! grep -qF '│     Who: someone-else' "$SCR"; then
	not_ok "its second line is indented as the note's, not a Who line"
	dump
else
	ok "its second line is indented as the note's, not a Who line"
fi
esc
keys f
expect "f asks what to show" "Show only"
text "login:nobody-at-all"
keys Enter
expect "a filter on a login no one has shows nothing" "Nothing matches."
keys F
expect "F shows everything again" "審計測試專員"
keys f
keys C-u
text "kind:import"
keys Enter
expect "kind:import leaves other kinds out" "Nothing matches."
keys F
keys f
keys C-u
text "since:someday"
keys Enter
expect "a bad date in the filter is said" "since:someday is not a day"
keys a
expect "the trail cannot be added to" "written by ogpo alone"

keys 7
expect "7 shows the users" "Who may use the database"
expect "the database's maker is its admin" "$ME"
keys d
expect "removing a user asks first" "Take $ME off the users?"
keys y
expect "the last admin cannot be removed" "is the last admin"
# Editing a user keeps the login (the record's key): the form names it
# in its title and offers only the role and the scope.
"$OGPO" --db "$DB" user add aa-lin --role viewer >/dev/null 2>&1
expect "a user added elsewhere appears" "aa-lin" 5
keys Home e
expect "e edits the selected user, named in the title" "Edit user aa-lin"
expect "the form offers the role" "Role   Viewer"
screen
if grep -q "│  Login" "$SCR"; then
	not_ok "the login is not a field of the edit form"; dump
else
	ok "the login is not a field of the edit form"
fi
esc
expect_gone "Esc closes the form" "Edit user aa-lin"

# A second program on the same database.
TUI_FIRST=$TUI_S
tui_start two 100 30
keys 6
expect "the second program counts the first" "+1 here" 4
TUI_S=$TUI_FIRST
expect "the first counts the second within a few seconds" "+1 here" 4
keys W
expect "W lists who has the database open" "Who has the database open"
expect "the Who list says which tab the other is in" "in Audit"
expect "and marks this program" ", you"
esc
"$OGPO" --db "$DB" who >"$TMP/who" 2>&1
contains "ogpo who names the tab" "$TMP/who" "Audit"
check "ogpo who lists both programs" test "$(grep -c "^$ME " "$TMP/who")" -eq 2
TUI_S=two
pid=$(tui_pid)
kill -9 "$pid"
wait_exit 5
TUI_S=$TUI_FIRST
expect_gone "after the second is killed, the count goes back" "+1 here" 5
check "its session record was cleaned away" test ! -e "$DB/sessions/$pid"
"$OGPO" --db "$DB" who >"$TMP/who" 2>&1
check "ogpo who lists one program now" test "$(grep -c "^$ME " "$TMP/who")" -eq 1
tui_stop
check "the first's record goes as it quits" \
    sh -c "! ls '$DB/sessions' | grep -q '^[0-9]*\$'"
tx kill-session -t two 2>/dev/null
tui_done
