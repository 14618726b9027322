#!/bin/sh
# test_draft.sh — a form left unsaved when ogpo is closed under it (the
# connection drops: SIGHUP) keeps what was typed, text not yet valid
# included, in a file the person alone may read, and ogpo offers it when
# it next opens the same database: opened as it was left and saved (a
# change someone else made meanwhile is caught as in any form), kept for
# later, or discarded, each by its number (typing narrows nothing).
# Another database is not offered it.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
mkdir -p "$TMP/home"
TUI_ENV="$(shquote "HOME=$TMP/home") XDG_STATE_HOME="
drafts=$TMP/home/.local/state/ogpo/drafts
same() {	# same WHAT GOT WANT
	if [ "$2" = "$3" ]; then ok "$1"; else
		not_ok "$1 (got '$2', wanted '$3')"; fi
}
ndrafts() { find "$drafts" -name '*.draft' 2>/dev/null | wc -l; }
field() {	# field ID COLUMN: officer ID's column, from list --tsv
	"$OGPO" --db "$DB" list officers --tsv |
	    awk -F '\t' -v i="$1" -v c="$2" 'NR == 1 { for (k = 1; k <= NF;
	    k++) if ($k == c) col = k } $1 == i { print $col }'
}
hangup() {
	kill -HUP "$(tui_pid)"
	if wait_exit 5; then ok "$1"; else not_ok "$1"; dump; fi
	tui_stop
}
first=$("$OGPO" --db "$DB" list officers --tsv |
    awk -F '\t' 'NR > 1 { print $5 }' | LC_ALL=C sort | head -1)
fid=$("$OGPO" --db "$DB" list officers --tsv |
    awk -F '\t' -v f="$first" '$5 == f { print $1; exit }')
title=$(field "$fid" title)

# --- an edit, cut off ----------------------------------------------------
tui_start draft 100 30
keys 2
expect_sel "the first officer by name ($first)" "$first"
keys e
expect "e opens the form" "Edit officer"
keys Tab Tab Tab Tab Tab Tab C-e
text "（草稿）"
keys Tab Tab Tab Tab Tab
text "115/13"
expect "a date not yet valid is typed" "115/13"
hangup "the connection drops: ogpo ends"
same "one draft is kept" "$(ndrafts)" 1
same "the draft is the person's alone" \
    "$(stat -c %a "$(find "$drafts" -name '*.draft')")" 600
same "… in a folder of theirs alone" "$(stat -c %a "$drafts")" 700
same "nothing was saved" "$(field "$fid" title)" "$title"
# What was typed is kept once: a text as the field's value, a date (and
# anything the value would not show as typed) as typed too.
dfile=$(find "$drafts" -name '*.draft')
same "… the title typed, once, as the field's value" \
    "$(grep -c "$title（草稿）" "$dfile")" 1
same "… the date as typed" "$(grep -c "^t	.*	115/13\$" "$dfile")" 1
check "meanwhile someone else changes the officer's phone" sh -c \
    "'$OGPO' --db '$DB' set officer $fid phone=02-1111-2222 >/dev/null"

# --- offered on the next start, opened, saved -----------------------------
tui_start draft2 100 30
expect "the next start offers the unsaved form" "An unsaved form"
expect "… naming it" "Edit officer"
keys Enter
expect "the form opens as it was left" "$title（草稿）"
expect "… the date as typed" "115/13"
keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab C-u
keys C-s
expect "the change made meanwhile is caught" \
    "Reload their version and keep what I typed on top"
keys Enter
expect "their version is in, ours on top" "your changes are kept"
keys C-s
expect "then it saves" "Saved $first."
tui_stop
same "the title typed before the drop is stored" "$(field "$fid" title)" \
    "$title（草稿）"
same "… beside the phone saved meanwhile" "$(field "$fid" phone)" \
    "02-1111-2222"
same "the draft is gone" "$(ndrafts)" 0

# --- a new record, cut off; another database; later; discard ------------
tui_start draft3 100 30
keys 2 a
expect "a opens a new officer's form" "New officer"
text "斷線新人 "
expect "a name is typed" "斷線新人"
hangup "the connection drops again"
same "a draft is kept" "$(ndrafts)" 1
dfile=$(find "$drafts" -name '*.draft')
same "… the name as the record would hold it, trimmed" \
    "$(grep -c "^m	name	斷線新人\$" "$dfile")" 1
same "… and as typed, with its space" \
    "$(grep -c "^t	name	斷線新人 \$" "$dfile")" 1
DB0=$DB
DB=$TMP/other
demo_db
tui_start other 100 30
sleep 0.5
screen
lacks_text "An unsaved form" && ok "another database is not offered it" ||
    { not_ok "another database is not offered it"; dump; }
tui_stop
DB=$DB0
# In Chinese, at 80x24.
TUI_LANG=zh_TW.UTF-8 TUI_READY="1 機關"
tui_start draft4 80 24
expect "the new officer is offered, in Chinese" "尚未儲存的表單"
expect "… naming it" "斷線新人"
expect "… and the choices, by their keys" "2 稍後：下次開啟 ogpo 時再問"
expect "… which it says" "按 1 至 3 選擇"
# A question, not a list to search: a letter typed hides no answer.
text "x"
sleep 0.2
expect "a letter typed hides none of the answers" "1 照離開時的樣子開啟"
screen
check "… and nothing is narrowed" lacks_text "沒有相符"
keys 2
expect_gone "2, later: the offer closes" "尚未儲存的表單"
tui_stop
TUI_LANG=C.UTF-8 TUI_READY="1 Agencies"
same "… and the draft stays" "$(ndrafts)" 1
tui_start draft5 100 30
expect "offered again on the next start" "斷線新人"
keys Down Down Enter
expect "discard says so" "Discarded the unsaved form."
tui_stop
same "the draft is gone" "$(ndrafts)" 0
check "no officer was added" sh -c \
    "! '$OGPO' --db '$DB' list officers --tsv | grep -q 斷線新人"
tui_start draft6 100 30
sleep 0.5
screen
lacks_text "An unsaved form" && ok "nothing is offered any more" ||
    { not_ok "nothing is offered any more"; dump; }
tui_done
