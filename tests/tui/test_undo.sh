#!/bin/sh
# test_undo.sh — u takes back your last change, after saying what it was;
# on the Audit tab, u takes back the change chosen, as a new change of
# its own, and refuses (saying who changed the record since, and when)
# when a record has moved on; once the later change is taken back, the
# earlier one can be. The help finds undo by 復原 in Chinese and by undo in
# English.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
me=$(id -un)
tsv() { "$OGPO" --db "$DB" list officers --tsv; }
line=$(tsv | awk -F '\t' 'NR == 2')
id=$(printf '%s\n' "$line" | cut -f 1)
name=$(printf '%s\n' "$line" | cut -f 5)
check "an officer to change ($name, #$id)" test -n "$id"
field() { tsv | awk -F '\t' -v i="$id" -v c="$1" \
    'NR == 1 { for (k = 1; k <= NF; k++) n[$k] = k } $1 == i { print $n[c] }'; }
title=$(field title)
phone=$(field phone)
"$OGPO" --db "$DB" set officer "$id" title=測試職稱 >/dev/null
"$OGPO" --db "$DB" set officer "$id" phone=02-9999-0000 >/dev/null

tui_start undo 120 30
keys 6
expect "the audit trail" "Audit trail, newest first"
expect "its keys: u takes the chosen change back" "u take it back"
# Newest first: the phone, then the title. The title's change cannot be
# taken back while the phone's stands.
keys Down u
expect "the earlier change is refused" "This change cannot be taken back"
expect "… saying who changed the record since" \
    "officer $name was changed by $me at"
keys Enter
keys Up u
expect "the newest change: what it was, asked first" "Take back your change of"
expect "… the phone" "phone"
keys y
expect "taken back" "Taken back:"
expect "the trail shows the undo, newest" "Took back"
# The undo wrote two records (the phone put back, the undo's own): the
# title's change is the fourth row now.
keys Down Down Down u
expect "now the title's change may be taken back" "title $title → 測試職稱"
keys y
expect "taken back too" "Taken back:"
tui_stop
same() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1 ('$2', not '$3')"; fi; }
same "the title is as it was" "$(field title)" "$title"
same "the phone is as it was" "$(field phone)" "$phone"

# u: your last change, from any tab; here an edit made on the form.
tui_start last 100 30
keys 2 /
text "$name"
keys Enter e
expect "the form" "Edit officer"
keys Tab Tab Tab Tab Tab Tab C-u
text 另一職稱
keys C-s
expect "saved" "Saved $name"
keys u
expect "u says what it takes back" "title $title → 另一職稱"
keys y
expect "taken back" "Taken back:"
tui_stop
same "the title is as it was again" "$(field title)" "$title"
"$OGPO" --db "$DB" verify >"$TMP/verify" 2>&1
contains "the database is consistent" "$TMP/verify" "is consistent"

# The help finds undo: by 復原 in Chinese, by undo in English.
TUI_LANG=zh_TW.UTF-8 TUI_READY="1 機關"
tui_start zh 100 30
keys '?'
expect "zh: the help" "此處的按鍵"
keys /
text 復原
keys Enter
expect "zh: /復原 finds undo" "復原：復原您的上一次異動"
tui_stop
TUI_LANG=C.UTF-8 TUI_READY="1 Agencies"
tui_start en 100 30
keys '?'
expect "en: the help" "Keys here"
keys /
text undo
keys Enter
expect "en: /undo finds it" "take back your last change"
tui_done
