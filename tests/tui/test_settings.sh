#!/bin/sh
# test_settings.sh — the settings as the full-screen program takes them:
# a bad line is named on the status line (FILE:LINE) and the rest still
# applies; keymap = ~/FILE finds the file in the home directory; theme =
# mono draws the selected row in reverse video, without colours.
. tests/lib.sh
. tests/tui/tui-lib.sh

HOME=$TMP/home
XDG_CONFIG_HOME=$TMP/cfg
OGPO_SYSCONF=$TMP/ogpo.conf
export HOME XDG_CONFIG_HOME OGPO_SYSCONF
CONF=$XDG_CONFIG_HOME/ogpo/config
mkdir -p "$HOME" "$XDG_CONFIG_HOME/ogpo"
: >"$OGPO_SYSCONF"
demo_db
n=$(officer_count)
cp keymaps/vi.keymap "$HOME/my.keymap"

printf '%s\n' '# mine' 'theme = sepia' 'keymap = ~/my.keymap   # vi keys' \
    >"$CONF"
tui_start bad 160 30
expect "a bad line is named on the status line" \
    "$CONF:2: theme 'sepia' is not one of"
keys 2
expect_pos "the keymap of the next line still applies: officers" "1/$n"
keys j
expect_pos "j (from ~/my.keymap) moves down" "2/$n"
# Colours are on: the selected row is drawn on yellow.
if sel_has "" && grep -q '43m' "$SCR.e"; then
	ok "theme = default: the selection is in colour"
else
	not_ok "theme = default: the selection is in colour"; dump
fi
tui_stop

printf 'theme = mono\n' >"$CONF"
tui_start mono 80 24
keys 2
expect_pos "officers" "1/$n"
tx capture-pane -p -e -t "$TUI_S" >"$SCR.e"
if grep -q '\[4[0-7]m\|;4[0-7]m\|\[3[0-7]m\|;3[0-7]m' "$SCR.e"; then
	not_ok "theme = mono: no colour anywhere"
	grep -n '4[0-7]m\|3[0-7]m' "$SCR.e" | head -3 | cat -v
else
	ok "theme = mono: no colour anywhere"
fi
check "theme = mono: the selected row is in reverse video" \
    grep -q '\[7m\|;7m' "$SCR.e"
tui_stop

# The system's file says mono and the user's says default: the user wins.
printf 'theme = mono\n' >"$OGPO_SYSCONF"
printf 'theme = default\n' >"$CONF"
tui_start userwins 80 24
keys 2
expect_pos "officers" "1/$n"
tx capture-pane -p -e -t "$TUI_S" >"$SCR.e"
check "the user's theme = default wins over the system's mono" \
    grep -q '43m' "$SCR.e"
tui_stop
tui_done
