#!/bin/sh
# test_users_meanwhile.sh — a user is removed while someone else adds one:
# the Users tab read again under the question "Take chen off the users?"
# (the list follows others' commits at once) must not change whom y
# removes. It took the login from the list as it was read again: another
# user, now in chen's row, or freed memory (AddressSanitizer:
# heap-use-after-free).
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
"$OGPO" --db "$DB" user add chen --role editor --agency MOI >/dev/null ||
    not_ok "user add chen"
tui_start users 100 40
keys 7
expect "the Users tab lists chen" "chen "
down_to chen || not_ok "chen selected"
keys d
expect "d asks before removing chen" "Take chen off the users?"
# bob comes before chen: the list read again has him in chen's row.
"$OGPO" --db "$DB" user add bob --role viewer >/dev/null ||
    not_ok "user add bob"
expect "the list behind the question shows bob, added meanwhile" "bob " 10
keys y
expect "y removes chen" "Removed chen."
"$OGPO" --db "$DB" user list >"$TMP/users"
lacks "chen is no longer a user" "$TMP/users" "chen"
contains "bob, added meanwhile, still is" "$TMP/users" "bob"
tui_done
