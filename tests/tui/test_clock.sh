#!/bin/sh
# test_clock.sh — a session left open past midnight: the date is read
# afresh and the screens follow at once, with no key pressed. 內政部's
# only PO serves up to 2026-03-05; ogpo starts at 23:59:57 that day (the
# clock OGPO_NOW sets runs on), and when it is 2026-03-06 the agency tree
# counts no PO for 內政部, the officers list marks the PO ended (in words,
# and dim: the terminal's attribute, not a colour, in the dark theme and
# in the light one), and the Compliance tab is as of the new day.
. tests/lib.sh
. tests/tui/tui-lib.sh

export OGPO_NOW="2026-03-05 10:00:00"
demo_db
pos() { "$OGPO" --db "$DB" list officers --agency MOI --tsv |
    awk -F '\t' '$7 == "po" && $16 == "" { print $1 "\t" $5 }'; }
check "內政部 has one PO in office" test "$(pos | wc -l)" -eq 1
po=$(pos | cut -f 2)
id=$(pos | cut -f 1)
"$OGPO" --db "$DB" set officer "$id" end_date=2026-03-05 >/dev/null
unset OGPO_NOW

# The row of the agency (or officer) named $1, from the screen.
row_of() { screen; grep -F -- "$1" "$SCR" | head -1; }

TUI_ENV="'OGPO_NOW=2026-03-05 23:59:57'"
tui_start clock 100 30
expect "the tree: 內政部 with its PO" "內政部"
row_of " 內政部 " >"$TMP/before"
check "before midnight, no mark on 內政部 ($(cat "$TMP/before"))" \
    sh -c "! grep -q 'no PO' '$TMP/before'"
# Midnight passes while ogpo waits for a key.
if poll 8 sh -c "grep -F ' 內政部 ' '$SCR' | grep -q '! no PO'"; then
	ok "after midnight, the tree counts no PO for 內政部, unasked"
else
	not_ok "after midnight, the tree counts no PO for 內政部, unasked"
	dump
fi
keys 2
expect "the officers" "Officers of all agencies"
keys /
text "$po"
keys Enter
if poll 5 sh -c "grep -F '$po' '$SCR' | grep -q 'ended PO'"; then
	ok "the PO who left ($po) is marked in words"
else
	not_ok "the PO who left ($po) is marked in words"
	dump
fi
# Dim by the terminal's attribute (SGR 2), with no colour of its own.
tx capture-pane -p -e -t "$TUI_S" >"$SCR.e"
grep -F "$po" "$SCR.e" | grep -F "ended PO" | head -1 >"$TMP/row.e"
keys 5
expect "Compliance is as of the new day" "as of 2026-03-06"
expect "… and names 內政部 without a PO" "內政部"
tui_stop
# The selected row is the found one: check another ended row, not chosen.
check "an ended officer's row is drawn" test -s "$TMP/row.e"

# Light theme: an ended officer's row is dim text in the terminal's own
# colour, legible on a light background; so in the default theme.
mkdir -p "$TMP/cfg/ogpo"
for theme in light default; do
	printf 'theme = %s\n' "$theme" >"$TMP/cfg/ogpo/config"
	TUI_ENV="'OGPO_NOW=2026-04-01 10:00' $(shquote "XDG_CONFIG_HOME=$TMP/cfg")"
	tui_start "theme-$theme" 100 30
	keys 2
	expect "$theme: the officers" "Officers of all agencies"
	keys /
	text "$po"
	keys Enter Down
	poll 5 sh -c "grep -F '$po' '$SCR' | grep -q 'ended PO'"
	check "$theme: the ended PO, in words" \
	    sh -c "grep -F '$po' '$SCR' | grep -q 'ended PO'"
	tx capture-pane -p -e -t "$TUI_S" >"$SCR.e"
	grep -F "$po" "$SCR.e" | head -1 >"$TMP/ended.e"
	check "$theme: the ended officer's row is dim (SGR 2)" \
	    grep -q "$(printf '\033')\[\([0-9]*;\)*2\(;[0-9]*\)*m" \
	    "$TMP/ended.e"
	check "$theme: … and sets no colour of its own (no 30-37, 90-97)" \
	    sh -c "! grep -q '$(printf '\033')\[\([0-9]*;\)*\(3[0-7]\|9[0-7]\)[;m]' '$TMP/ended.e'"
	tui_stop
done
TUI_ENV=
tui_done
