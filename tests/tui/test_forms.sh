#!/bin/sh
# test_forms.sh — adding an agency and an officer through the forms, a
# refused field, CJK column alignment, editing, deleting, and a refused
# delete; each checked on the screen and in the database (list --tsv).
# Empty lists say how to fill them.
. tests/lib.sh
. tests/tui/tui-lib.sh

tsv() { "$OGPO" --db "$DB" list "$1" --tsv; }

demo_db
moi=$(tsv agencies | awk -F '\t' '$5 == "MOI" { print $1 }')
nag=$(tsv agencies | awk 'END { print NR - 1 }')
nof=$(officer_count)

tui_start forms 100 30
expect "the tree is shown" "內政部"
screen
trows=$(status_pos | cut -d/ -f2)

# --- a new agency under 內政部 ------------------------------------------
keys Down
expect_pos "Down selects 內政部, the second row" "2/$trows"
keys a
expect "a opens the agency form" "New agency"
expect "the form is for a child of 內政部" "內政部 (MOI)"
expect "its level follows from the parent" "Third-level"
text TEST1
keys Tab
text 測試機關
expect "the typed name shows in the form" "測試機關"
keys C-s
expect "C-s saves the agency" "Saved 測試機關."
expect_gone "the form closes" "New agency"
row=$(tsv agencies | awk -F '\t' -v p="$moi" \
    '$5 == "TEST1" { print $6 "|" $7 "|" $8 }')
check "the database holds TEST1 測試機關, parent MOI ($moi), level 3" \
    [ "$row" = "測試機關|$moi|3" ]
check "one agency more in the database" \
    [ "$(tsv agencies | awk 'END { print NR - 1 }')" -eq $((nag + 1)) ]
expect "the tree shows the new agency" "TEST1"
# The new agency should be the selected row: its place in the tree.
screen
line=$(grep -n '測試機關' "$SCR" | head -1 | cut -d: -f1)
want="$((line - 3))/$(status_pos | cut -d/ -f2)"
expect_pos "the new agency is selected after saving" "$want" 1

# Go to it whatever is selected: search for its code.
# A search opens the whole tree, so it finds agencies in closed
# branches too; the new agency is then the selected row.
keys /
text TEST1
keys Enter
expect_sel "/TEST1 selects the new agency" "測試機關"
keys Enter
expect "Enter on it opens its officers" "Officers of 測試機關"
expect "an agency without officers says so, and how to fill it" \
    "No officers here yet: a adds one, i imports a list from a spreadsheet."

# --- a new officer with a Chinese name ------------------------------------
keys a
expect "a opens the officer form" "New officer"
expect "the agency comes from the narrowed list" "測試機關 (TEST1)"
text 王測試
keys Tab Tab Tab Tab Tab Tab Tab
text bad@email
keys C-s
expect "a bad e-mail gets core's message under it" \
    "E-mail 'bad@email' is not an e-mail address"
expect "the bad field is marked with !" "!E-mail"
expect "the status line says nothing was saved" "Not saved"
check "nothing was saved" [ "$(officer_count)" -eq "$nof" ]
# The cursor is on the E-mail field again: clear it and type a good one.
keys C-e C-u
text wang.test@example.gov.tw
keys C-s
expect "the fixed form saves" "Saved 王測試."
expect_gone "the form closes" "New officer"
expect "the officer shows in the list" "wang.test@example.gov.tw"
expect_pos "the list of 測試機關 has one officer" "1/1"
orow=$(tsv officers | awk -F '\t' '$5 == "王測試" { print $6 "|" $12 }')
tid=$(tsv agencies | awk -F '\t' '$5 == "TEST1" { print $1 }')
check "the database holds 王測試 in TEST1 with the e-mail" \
    [ "$orow" = "$tid|wang.test@example.gov.tw" ]

# --- columns after a CJK name line up -------------------------------------
# Display width (wc -L, UTF-8 locale) of everything left of the e-mail
# column, for the title row and every officer row, with all officers shown.
keys F
expect "F shows all officers" "Officers of all agencies"
expect "王測試 is in the full list" "王測試"
screen
hw=$(sed -n 3p "$SCR" | sed 's/E-mail.*//' | wc -L)
widths=$(sed -n '4,$p' "$SCR" | grep '@' | sed 's/[^ ]*@.*//' |
    while IFS= read -r l; do printf '%s' "$l" | wc -L; done | sort -u)
wang=$(grep '王測試' "$SCR" | sed 's/[^ ]*@.*//' | { IFS= read -r l;
    printf '%s' "$l" | wc -L; })
check "e-mail column starts at one display column ($hw; rows: $(echo $widths))" \
    [ "$widths" = "$hw" ]
check "the 王測試 row's e-mail starts where the title's does ($wang = $hw)" \
    [ "$wang" = "$hw" ]

# --- edit: Title 專員 ------------------------------------------------------
keys /
text wang.test
keys Enter
expect "search finds the new officer" "/wang.test"
keys e
expect "e opens the edit form" "Edit officer"
expect "the form holds the saved e-mail" "wang.test@example.gov.tw"
keys Tab Tab Tab Tab Tab Tab
text 專員
keys C-s
expect "the edit saves" "Saved 王測試."
expect "the list shows the new title" "專員"
orow=$(tsv officers | awk -F '\t' '$5 == "王測試" { print $2 "|" $11 }')
check "the database has title 專員, version 2 (got $orow)" \
    [ "$orow" = "2|專員" ]

# --- delete it ---------------------------------------------------------------
keys d
expect "d asks first" "y: yes"
expect "the question names the officer" "王測試"
keys y
expect "the delete is confirmed" "Deleted."
expect_gone "王測試 is gone from the list" "王測試"
check "王測試 is gone from the database" \
    sh -c "! '$OGPO' --db '$DB' list officers --tsv | grep -q 王測試"
check "the officer count is back to $nof" [ "$(officer_count)" -eq "$nof" ]

# --- 內政部 has sub-agencies: cannot be deleted ----------------------------
keys 1
expect "back to the tree" "Supervising minister"
screen
rows=$(status_pos | cut -d/ -f2)
keys Home
expect_pos "Home goes to the first row" "1/$rows"
keys Down
expect_pos "Down selects 內政部" "2/$rows"
# --- a new officer where there are others: it is the selected row -----------
keys Enter
expect "Enter on 內政部 opens its officers" "Officers of 內政部"
screen
nmoi=$(status_pos | cut -d/ -f2)
keys a
expect "a opens the officer form" "New officer"
text 黃測試
keys Tab Tab Tab Tab Tab Tab Tab
text huang.test@example.gov.tw
keys C-s
expect "the officer is saved" "Saved 黃測試."
expect "it shows in the list of 內政部" "huang.test@example.gov.tw"
# By name 黃 (U+9EC3) sorts after the demo names of 內政部: the last row.
expect_pos "the new officer is the selected row" "$((nmoi + 1))/$((nmoi + 1))" 1
# --- choice fields: a pick list, narrowed by what is typed ---------------------
keys a
expect "a opens another officer form" "New officer"
keys Tab
text 外交
expect "typing on the Agency field opens the agency pick list" \
    "Choose an agency"
expect "the pick list narrows by all that was typed (Find: 外交)" "Find: 外交" 1
screen
if grep -q "交通部" "$SCR"; then
	not_ok "the narrowed list holds only 外交… agencies (交通部 is listed)"
else
	ok "the narrowed list holds only 外交… agencies"
fi
keys Enter
expect_gone "Enter chooses" "Choose an agency"
expect "the Agency field shows the choice" "外交部 (MOFA)"
keys Tab F2
expect "F2 on Role opens its pick list" "Find:"
text Sup
keys Enter
expect_gone "Enter chooses the role" "Find:"
expect "the Role field shows Supervisor" "Supervisor  [F2: choose]"
# Typing M e on Role: Member is the only role holding "Me".
text Me
expect "typing on Role opens its pick list" "Find:"
keys Enter
expect_gone "Enter chooses" "Find:"
expect "typing Me then Enter chooses Member" "Member  [F2: choose]" 1
esc
expect "Esc asks before throwing the form away" "Throw away what you typed"
keys y
expect_gone "y closes the form" "New officer"

keys 1
expect "back to the tree" "Supervising minister"
expect_pos "內政部 is still selected" "2/$rows"

keys d
expect "deleting 內政部 is refused" "cannot be deleted"
expect "the reason names the sub-agencies" "sub-agenc"
keys Enter
expect_gone "Enter closes the message" "cannot be deleted"
check "內政部 is still in the database" \
    [ "$(tsv agencies | awk -F '\t' '$5 == "MOI"' | wc -l)" -eq 1 ]
check "the agency count is unchanged" \
    [ "$(tsv agencies | awk 'END { print NR - 1 }')" -eq $((nag + 1)) ]
check "verify passes" sh -c "'$OGPO' --db '$DB' verify >/dev/null"
tui_stop

# --- a database with nothing in it yet --------------------------------------
# The empty lists say how to fill them: a list of agencies from a file is
# the command line's, a list of officers the Officers tab's i.
DB=$TMP/empty
"$OGPO" --db "$DB" init >/dev/null 2>&1
tui_start empty 100 30
expect "no agencies: how to add one, and a list of them" \
    "No agencies yet: a adds one; ogpo import agencies FILE reads a list"
keys 2
expect "no officers: a or i" \
    "No officers here yet: a adds one, i imports a list from a spreadsheet."
tui_done
