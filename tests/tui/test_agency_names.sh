#!/bin/sh
# test_agency_names.sh — long Chinese agency names in the agency tree at
# 80x24: the supervisors' count and the missing-officer mark take the
# cells their Chinese words need (督導, ! 無聯絡人、無督導), not the
# English ones' (Supervisors, ! no PO, no supervisor), so the name has
# the rest: 文化部影視及流行音樂產業局 shows whole, a longer one is cut on
# a character and marked …, the codes start at one column and the widest
# mark ends at the screen's edge, whole. In English the columns stay.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
# A PO-less, supervisor-less level-2 agency: the widest mark.
"$OGPO" --db "$DB" add agency code=ZZLONG name=行政院原子能委員會放射性物料管理局 \
    parent=EY level=2 >/dev/null || not_ok "add agency ZZLONG"

# code_col TEXT: the display column at which the code TEXT starts.
code_col() {
	grep -E " $1( |\$)" "$SCR" | head -1 | sed "s/ $1\\( .*\\)\\?\$//" |
	    wc -L
}

TUI_LANG=zh_TW.UTF-8 TUI_READY='1 機關'
tui_start names 80 24
keys /
text BAMID
keys Enter
expect_sel "the search finds BAMID" "BAMID"
expect "文化部影視及流行音樂產業局 shows whole" "文化部影視及流行音樂產業局 "
screen
check "the codes start at one column ($(code_col BAMID), $(code_col MOC))" \
    test "$(code_col BAMID)" = "$(code_col MOC)"
keys /
text HSP
keys Enter
expect_sel "the search finds HSP" "HSP"
expect "a longer name is cut on a character and marked" \
    "國家科學及技術委員會新竹科學園區管…"
keys /
text ZZLONG
keys Enter
expect_sel "the search finds ZZLONG" "ZZLONG"
expect "the widest mark is whole" "! 無聯絡人、無督導"
screen
check "… at the screen's edge" sh -c \
    'grep -F "ZZLONG" "$1" | grep -q "! 無聯絡人、無督導\$"' - "$SCR"
check "… and so is the name" has_text "行政院原子能委員會放射性物料管理局"
tui_stop

TUI_LANG=C.UTF-8 TUI_READY='1 Agencies'
tui_start namesen 80 24
expect "English: the headings" "Supervisors"
keys /
text ZZLONG
keys Enter
expect_sel "the search finds ZZLONG" "ZZLONG"
expect "English: the widest mark is whole" "! no PO, no supervisor"
screen
check "English: the codes where they were" test "$(code_col ZZLONG)" = 30
tui_done
