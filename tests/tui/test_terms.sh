#!/bin/sh
# test_terms.sh — lines and corners as every terminal in UTF-8 draws them.
# Staff connect with what their desks have (PuTTY says xterm, Windows'
# ssh xterm-256color, a server's screen or tmux their own): a box is drawn
# with Unicode's ┌─┐│└┘, never with the VT100 set ESC ( 0 switches to,
# which some terminals in UTF-8 do not honour and show as lqqk and x.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
for term in xterm-256color xterm vt100 screen-256color tmux-256color; do
	if ! infocmp "$term" >/dev/null 2>&1; then
		echo "ok - # SKIP no terminfo entry for $term here"
		continue
	fi
	TUI_TERM=$term
	tui_start "box-$term" 80 24
	keys 4 f
	expect "TERM=$term: a dialog opens" "Show which cases?"
	expect "… framed with Unicode's corners and lines" "┌─ Show which cases? ─"
	expect "… and sides" "│ all cases"
	screen
	lacks_text "lqq" && lacks_text "qqk" &&
	    ok "… with no VT100 line letters" ||
	    { not_ok "… with no VT100 line letters"; dump; }
	tui_stop
done

# A terminal this server has no description of (kitty, WezTerm and
# Alacritty name their own types; Debian keeps those in ncurses-term):
# ncurses turned the login away with a line of its own. ogpo draws as
# xterm-256color, which such terminals speak, and says so, in the
# person's language.
TUI_TERM=xterm-made-up
tui_start_zh unknown-term 80 24
expect "an unknown TERM: drawn all the same, and said so" \
    "TERM=xterm-made-up，改以 xterm-256color 顯示"
expect "… with what to ask for" "請洽系統管理者安裝 ncurses-term"
keys 4 f
expect "… and the program works" "顯示哪些案件"
tui_stop
tui_done
