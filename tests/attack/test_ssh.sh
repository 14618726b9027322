#!/bin/sh
# test_ssh.sh — the shared install as staff meet it: each over a real SSH
# session (an sshd of the test's own on the loopback, key login, no PAM),
# in a terminal. The client's locale is not accepted by the server, as
# with PuTTY's default, so ogpo starts in the C locale and must still
# draw Chinese. Two accounts edit one officer at once: the second is told
# who saved what; each sees the other in the who-else list; an editor's
# save outside its scope is refused on the screen. The editor's connection
# drops in the middle of a form: what it typed is kept, in its own home,
# and offered when it logs in again.
. "$(dirname "$0")/attack-lib.sh"
. tests/tui/tui-lib.sh

. "$(dirname "$0")/ssh-lib.sh"
for u in $ADM $ED; do
	ssh_login "$u"
done
ssh_serve
ssh -q -F none -i "$TMP/ssh/$ADM" -p $PORT -o BatchMode=yes \
    -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
    "$ADM@127.0.0.1" 'echo "LANG=[$LANG] LC_ALL=[$LC_ALL]"' >"$TMP/out" 2>&1
contains "the session has no locale of the client's" "$TMP/out" \
    "LANG=[] LC_ALL=[]"

TUI_LANG=zh_TW.UTF-8	# the client's: sent, and not accepted
OGPO=$TMP/ssh/via-$ADM
tui_start admin 100 30
expect "over SSH with no locale, Chinese is drawn" "內政部"
screen
check "and nothing as <U+...>" lacks_text "<U+"
OGPO=$TMP/ssh/via-$ED
tui_start editor 100 30
keys W
expect "the editor sees the admin here" "$ADM"
keys Escape

# Both open the first officer of MOI; the admin saves first.
"$BIN" list officers --agency MOI --tsv >"$TMP/moi"
col() { awk -F '\t' -v f="$1" 'NR == 1 { for (i = 1; i <= NF; i++)
    if ($i == f) c = i } NR == 2 { print $c }' "$2"; }
name=$(col name "$TMP/moi")
title=$(col title "$TMP/moi")
for s in admin editor; do
	TUI_S=$s
	keys 2
	keys /
	text "$name"
	keys Enter
	expect_sel "$s finds $name" "$name"
	keys e
	expect "$s opens the form" "Edit officer"
done
TUI_S=admin
keys Tab Tab Tab Tab Tab Tab C-e
text A
keys C-s
expect_gone "the admin saves" "Edit officer"
TUI_S=editor
keys Tab Tab Tab Tab Tab Tab C-e
text E
keys C-s
expect "the editor is told the record changed" "changed by $ADM"
expect "and what the admin saved beside what it typed" "$ADM saved"
keys Escape
expect_gone "the editor goes on editing" "Reload their version"
keys Escape
expect "Esc asks before throwing away what was typed" "Throw away"
keys y
expect_gone "the editor's form is closed" "Edit officer"
tui_stop
TUI_S=admin
tui_stop
"$BIN" list officers --agency MOI --tsv >"$TMP/moi.after"
check "the admin's save is what the database holds (${title}A)" \
    test "$(col title "$TMP/moi.after")" = "${title}A"

# The editor's connection drops with a form open and typed in.
OGPO=$TMP/ssh/via-$ED
tui_start drop 100 30
keys 2
keys /
text "$name"
keys Enter
expect_sel "the editor finds $name again" "$name"
keys e
expect "and opens the form" "Edit officer"
keys Tab Tab Tab Tab Tab Tab C-e
text "斷線"
expect "types in it" "${title}A斷線"
# The SSH client dies: the server sees the connection drop.
kill -9 "$(tui_pid)"
wait_exit 5
tui_stop
drafts=$TMP/home/$ED/.local/state/ogpo/drafts
kept() { ls "$drafts"/*.draft >/dev/null 2>&1; }
if poll 5 kept; then ok "the server's ogpo keeps the form in the editor's home"
else not_ok "the server's ogpo keeps the form in the editor's home"; fi
check "… readable by the editor alone" sh -c \
    "stat -c '%U %a' '$drafts'/*.draft | grep -qx '$ED 600'"
tui_start back 100 30
expect "logging in again offers it" "An unsaved form"
keys Enter
expect "it opens as it was left" "${title}A斷線"
keys C-s
expect "and saves" "Saved $name."
tui_stop
"$BIN" list officers --agency MOI --tsv >"$TMP/moi.after"
check "the title typed before the drop is stored" \
    test "$(col title "$TMP/moi.after")" = "${title}A斷線"
check "the draft is gone" sh -c "! ls '$drafts'/*.draft 2>/dev/null"
tui_done
