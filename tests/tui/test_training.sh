#!/bin/sh
# test_training.sh — points 8 and 9 on the Officers tab at 130 columns: t
# records a training course (a refused Hours first, then a competency
# toggled in its pick list), w a reward (a refused one first); the
# right-hand panel and the Space detail then show them, and the database
# holds both: ogpo check --training no longer names the PO, and deleting
# the officer is refused for their training and reward records. Enter
# lists the officer's records to edit, delete and take back; the command
# line lists, sets, deletes and exports them too.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
"$OGPO" --db "$DB" list officers --tsv >"$TMP/officers"
"$OGPO" --db "$DB" check --training --tsv >"$TMP/check0"
# A PO the demo left untrained, with a name no other officer has (the
# search goes to the first match).
awk -F '\t' 'NR == FNR { if (FNR > 1) n[$5]++; next }
    $1 == "no_training" && n[$2] == 1 { print $5 "\t" $2; exit }' \
    "$TMP/officers" "$TMP/check0" >"$TMP/pick"
id=$(cut -f 1 "$TMP/pick")
name=$(cut -f 2 "$TMP/pick")
check "the demo has an untrained PO with a name of their own ($name, #$id)" \
    test -n "$id" -a -n "$name"
untrained() {
	"$OGPO" --db "$DB" check --training --tsv |
	    awk -F '\t' -v i="$id" '$1 == "no_training" && $5 == i' | grep -q .
}
check "ogpo check --training names $name before" untrained

course=資料開放實務
tui_start training 130 40
keys 2
expect "the Officers tab" "Officers of all agencies"
keys /
text "$name"
keys Enter
expect_sel "the search selects $name" "$name"
expect "the right-hand panel shows the officer" "│ Name: $name"
expect "… and the competencies of point 8" "Competencies (point 8): 0 of 4 covered"
screen
lacks "no training is listed yet" "$SCR" "Training: "

# --- a training course --------------------------------------------------
keys t
expect "t opens the training form" "Training course (point 8)"
expect "for the selected officer" "Officer       $name"
keys Tab Tab
text "$course"
keys Tab
keys Space
expect "Space on Competencies opens the pick list" \
    "Toggle a competency (point 8)"
keys Down Down Enter
expect_gone "Enter toggles and closes it" "Toggle a competency"
expect "the form shows recording chosen" "Competencies  recording  "
keys Tab
text 1.5.2
keys C-s
expect "1.5.2 hours are refused, naming the field" \
    "Hours '1.5.2' is not a number"
expect "the form stays open" "Training course (point 8)"
keys C-u
text 1.5
keys Tab
text 國家發展委員會
keys C-s
expect "C-s saves the course" "Saved $course."
expect_gone "the form closes" "Training course (point 8)"
expect "the panel lists the training" "│ Training: "
expect "… with its course and hours" "$course (1.5"
# The panel beside the list once cut the competencies after the first of
# the four; each has a line of its own.
expect "the panel shows recording covered" "[x] recording"
keys Space
expect "Space shows the detail" "Esc: close"
expect "the detail shows recording covered" "[x] recording"
expect "… and civic tech not" "[ ] online tools"
esc
expect_gone "Esc closes it" "Esc: close"

# --- a reward ------------------------------------------------------------
keys w
expect "w opens the reward form" "Reward (point 9)"
keys C-s
expect "a reward without a kind is refused" "Kind is required"
keys C-u
text 嘉獎
keys Tab
text 推動資料開放有功
keys C-s
expect "C-s saves the reward" "Saved 嘉獎."
expect_gone "the form closes" "Reward (point 9)"
expect "the panel lists the reward" "│ Rewards (point 9): "
expect "… its kind and reason" "嘉獎: 推"

# --- the officer's records, listed to edit, delete, take back -------------
keys Enter
expect "Enter lists the officer's training and rewards" \
    "Competencies of point 8: 1 of 4"
expect "… the course, as a row" "$course (1.5 h"
expect "… and the reward" "嘉獎: 推動資料開放有功"
expect "its own keys on the status line" "edit  d delete  t training  w reward"
keys End e
expect "e edits the chosen record (the reward)" "Reward (point 9)"
keys Tab Tab C-u
text 記功
keys C-s
expect "the reward's new kind is listed" "記功: 推動資料開放有功"
keys Home d
expect "d asks before deleting the training" \
    "Delete the training record $course"
keys y
expect_gone "the course is gone" "$course (1.5 h"
expect "… and its competency with it" "Competencies of point 8: 0 of 4"
keys u
expect "u says what it takes back" "Take back your change of"
expect "… the deletion of the course" "$course"
keys y
expect "the course is back" "$course (1.5 h"
esc
expect "Esc goes back to the list" "Officers of all agencies"
tui_stop

# --- the command line: list, set, delete, export ---------------------------
quiet() { "$@" >/dev/null 2>&1; }
"$OGPO" --db "$DB" list training --officer "$id" >"$TMP/tr"
contains "list training --officer: the course" "$TMP/tr" "$course"
contains "… its competency" "$TMP/tr" "recording"
tid=$("$OGPO" --db "$DB" list training --officer "$id" --tsv |
    awk -F '\t' 'NR == 2 { print $1 }')
rid=$("$OGPO" --db "$DB" list rewards --officer "$id" --tsv |
    awk -F '\t' 'NR == 2 { print $1 }')
"$OGPO" --db "$DB" list rewards --officer "$id" >"$TMP/rw"
contains "list rewards --officer: the reward, as edited" "$TMP/rw" "記功"
check "set training: the hours" quiet "$OGPO" --db "$DB" set training "$tid" hours=2
"$OGPO" --db "$DB" list training --tsv | awk -F '\t' -v i="$tid" \
    'NR == 1 { for (k = 1; k <= NF; k++) c[$k] = k } $1 == i { print $c["hours"] }' \
    >"$TMP/hours"
contains "… stored" "$TMP/hours" "2"
"$OGPO" --db "$DB" export training -o "$TMP/training.csv" >/dev/null
contains "export training: the course" "$TMP/training.csv" "$course"
contains "… the competency in Chinese, as the desks write it" \
    "$TMP/training.csv" "記錄"
contains "… the officer's name" "$TMP/training.csv" "$name"
check "delete reward" quiet "$OGPO" --db "$DB" delete reward "$rid"
"$OGPO" --db "$DB" export rewards >"$TMP/rewards.csv"
lacks "export rewards: the deleted one is gone" "$TMP/rewards.csv" \
    "推動資料開放有功"
check "ogpo undo takes the deletion back" quiet "$OGPO" --db "$DB" undo
"$OGPO" --db "$DB" export rewards >"$TMP/rewards.csv"
contains "… the reward is back" "$TMP/rewards.csv" "推動資料開放有功"

# --- what the database holds ---------------------------------------------
if untrained; then
	not_ok "ogpo check --training no longer names $name"
else
	ok "ogpo check --training no longer names $name"
fi
if "$OGPO" --db "$DB" delete officer "$id" >"$TMP/del1" 2>&1; then
	not_ok "deleting $name is refused"
else
	ok "deleting $name is refused"
fi
contains "… for the training and the reward" "$TMP/del1" \
    "has 2 training or reward records"
"$OGPO" --db "$DB" verify >"$TMP/verify" 2>&1
contains "ogpo verify finds the database consistent" "$TMP/verify" \
    "is consistent"
tui_done
