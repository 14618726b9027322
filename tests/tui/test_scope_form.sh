#!/bin/sh
# test_scope_form.sh — an editor opening the form on a record outside
# their scope: it opens read only with the reason at once (not a refusal
# on saving), naming the agencies by name (內政部, not MOI) and wrapped at
# 80 columns, in English and in Chinese; typing and Ctrl-S change
# nothing, and the database keeps what it had. A record inside the scope
# still opens for editing; d on one outside is refused for the scope
# first. A progress report on a case the editor's
# agency co-organises starts as that agency's; p on one none of its
# agencies lead or co-organise says so at once. For a login with no role,
# a new record's form opens read only too, saying why, its status line
# offering no save.
#
# A real Unix account (made here, removed at the end) runs the real
# binary: this needs root, as the test machine is.
. tests/lib.sh
. tests/tui/tui-lib.sh

tui_account ogpos

demo_db
chgrp -R "$GRP" "$DB" && chmod 2770 "$DB" && chmod 660 "$DB"/*.mdb
"$OGPO" --db "$DB" user add "$ED" --role editor --agency MOI >/dev/null ||
    not_ok "an editor of MOI"
motc=$("$OGPO" --db "$DB" list officers --agency MOTC --tsv |
    awk -F '\t' 'NR == 2 { print $5 }')
moi=$("$OGPO" --db "$DB" list officers --agency MOI --tsv |
    awk -F '\t' 'NR == 2 { print $5 }')
"$OGPO" --db "$DB" list officers --tsv >"$TMP/before"

# open LANG READY TITLE: the form on officer $motc, as the editor, 80x24.
open_motc() {
	TUI_LANG=$1 TUI_READY=$2
	TUI_AS="setpriv --reuid=$ED --regid=$GRP --clear-groups"
	tui_start "scope$3" 80 24
	TUI_AS=
	keys 2
	keys /
	text "$motc"
	keys Enter
	expect_sel "the editor finds $motc of MOTC" "$motc"
	keys e
}

open_motc C.UTF-8 '1 Agencies' en
expect "the form opens" "Edit officer"
expect "read only at once, before any save" "Read only: you ($ED) may edit"
screen
check "the scope is named by its name" has_text "within 內政部"
check "not by its code" lacks_text "within MOI"
check "the record's agency is named" has_text "of 交通部"
# Wrapped, not cut: the sentence's last words are on the screen.
check "the reason is wrapped, its end shown" has_text "outside that"
check "the keys say the form is read only" has_text "Esc: close"
# No field offers F2's choices it would refuse.
f2=
for i in 1 2 3 4 5 6 7 8; do
	keys Tab
	screen
	has_text "F2: choose" && f2="$f2 $i"
done
check "no field offers F2 (offered after Tab:$f2)" [ -z "$f2" ]
keys Tab Tab C-e
text 9
keys C-s
expect "typing and Ctrl-S are refused" "read only"
screen
check "the banner is still the reason" has_text "Read only: you"
esc
expect_gone "Esc closes it without asking" "Edit officer"
# d on it: the scope is the reason, not what the officer is attended at.
keys d
expect "d on it is refused at once" "Cannot delete"
screen
check "… for the scope" has_text "may edit"
check "… not for what it holds" lacks_text "attendance"
keys Enter
tui_stop
"$OGPO" --db "$DB" list officers --tsv >"$TMP/after"
check "the database keeps what it had" cmp -s "$TMP/before" "$TMP/after"

open_motc zh_TW.UTF-8 '1 機關' zh
expect "the form opens in Chinese" "編輯人員"
expect "read only at once, in Chinese" "唯讀："
screen
check "the scope is named 內政部 in Chinese too" has_text "內政部"
check "no code MOI" lacks_text "MOI"
check "the reason's end is shown" has_text "交通部"
tui_stop

# Inside the scope, the form is for editing as before.
TUI_LANG=C.UTF-8 TUI_READY="1 Agencies"
TUI_AS="setpriv --reuid=$ED --regid=$GRP --clear-groups"
tui_start scopein 80 24
TUI_AS=
keys 2 /
text "$moi"
keys Enter
expect_sel "the editor finds $moi of MOI" "$moi"
keys e
expect "the form opens" "Edit officer"
screen
check "an officer of the scope is not read only" lacks_text "Read only"
check "and can be saved" has_text "Ctrl-S: save"
esc
tui_stop

# A progress report is its agency's: on a case MOTC leads and MOI
# co-organises, the editor's form starts as MOI's report, and saves.
"$OGPO" --db "$DB" add case title=交通協辦表單案 lead=MOTC collab=MOI \
    source=other >/dev/null || not_ok "a case of MOTC that MOI co-organises"
TUI_AS="setpriv --reuid=$ED --regid=$GRP --clear-groups"
tui_start scopepr 80 24
TUI_AS=
keys 4 /
text 交通協辦表單案
keys Enter
expect_sel "the editor finds the case" "交通協辦表單案"
keys p
expect "p opens a progress report" "Progress on"
expect "for MOI, the editor's own agency, not the lead's" "內政部"
screen
check "not 交通部" lacks_text "交通部"
text 表單回報
keys C-s
expect_gone "and it saves" "Progress on"
tui_stop
check "the report is MOI's" sh -c "'$OGPO' --db '$DB' list progress --tsv |
    awk -F '\t' '\$5 == \"表單回報\" { print \$8 }' | grep -qx \
    \"\$('$OGPO' --db '$DB' list agencies --tsv | awk -F '\t' \
    '\$5 == \"MOI\" { print \$1 }')\""

# On a case MOTC leads alone, p says at once whose reports they are,
# before anything is typed, and opens no form.
"$OGPO" --db "$DB" add case title=交通獨辦表單案 lead=MOTC \
    source=other >/dev/null || not_ok "a case of MOTC alone"
alone=$("$OGPO" --db "$DB" list cases --tsv | awk -F '\t' \
    '$5 == "交通獨辦表單案" { print $9 }')
TUI_AS="setpriv --reuid=$ED --regid=$GRP --clear-groups"
tui_start scopealone 80 24
TUI_AS=
keys 4 /
text 交通獨辦表單案
keys Enter
expect_sel "the editor finds the case MOTC leads alone" "交通獨辦表單案"
keys p
expect "p says at once that its reports are its agencies'" \
    "Progress on $alone is reported by its lead agency (交通部) or a"
expect "… none of which is the editor's" "you ($ED) may write for none of them."
screen
check "no form opens" lacks_text "Ctrl-S: save"
tui_stop

# A login with no role may add nothing: a new record's form says so as
# it opens, before anything is typed.
"$OGPO" --db "$DB" user remove "$ED" >/dev/null || not_ok "the editor removed"
"$OGPO" --db "$DB" list agencies --tsv >"$TMP/before"
TUI_AS="setpriv --reuid=$ED --regid=$GRP --clear-groups"
tui_start noroleadd 80 24
TUI_AS=
keys a
expect "a opens the new agency's form" "New agency"
expect "read only at once, with the reason" \
    "Read only: you ($ED) are not a user of this database"
check "the keys say the form is read only" has_text "Esc: close"
nosave() { ! status_line | grep -qF "$1"; }
check "its status line offers the way out ($(status_line))" \
    has_text "Esc close"
check "and no save" nosave save
check "nor a choice" nosave choose
text X
keys C-s
expect "Ctrl-S is refused" "read only"
esc
expect_gone "Esc closes it" "New agency"
tui_stop
"$OGPO" --db "$DB" list agencies --tsv >"$TMP/after"
check "the agencies are as they were" cmp -s "$TMP/before" "$TMP/after"
tui_done
