#!/bin/sh
# test_form_full.sh — a name too long for its field, in Chinese at 80x24:
# the character that did not fit is said beside the field (最多 96 位元組
# …：該字未被接受), and once the person makes room (Backspace, or Ctrl-U
# and a shorter name) the saying goes, instead of staying beside a name
# that fits until the form is saved; the shorter name is then saved.
. tests/lib.sh
. tests/tui/tui-lib.sh

tui_start_zh full
keys a
expect "a: a new agency's form" "新增機關"
text ZZFULL
keys Tab
# 33 characters of 3 bytes: one more than the 96 bytes the name holds.
text 國家科學及技術委員會新竹科學園區管理局智慧科技產業推動暨跨域創新服務中心
expect "the character that did not fit is said" "該字未被接受"
keys BSpace
expect_gone "Backspace makes room: the saying goes" "該字未被接受"
text 心心
expect "another that does not fit is said again" "該字未被接受"
keys C-u
expect_gone "Ctrl-U empties the field: the saying goes" "該字未被接受"
text 國家科學及技術委員會新竹科學園區管理局宜蘭園區籌備處
screen
check "the shorter name is not marked" lacks_text "!名稱"
keys C-s
expect "saved" "已儲存「國家科學及技術委員會新竹科學園區管理局宜蘭園區籌備處」"
"$OGPO" --db "$DB" list agencies --tsv >"$TMP/agencies"
contains "the database holds it" "$TMP/agencies" \
    "國家科學及技術委員會新竹科學園區管理局宜蘭園區籌備處"
tui_done
