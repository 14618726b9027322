#!/bin/sh
# test_pickers.sh — pick lists at 80x24, in Chinese and English: the PO
# picker tells two officers of one name apart by their agency; point 7's
# invitee checklist has a role column, its columns lined up by display
# width (CJK takes two cells).
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
"$OGPO" --db "$DB" add officer name=余美華 agency=MOI role=po \
    civil_servant=yes email=yu1@moi.gov.tw title=科長 >/dev/null &&
"$OGPO" --db "$DB" add officer name=余美華 agency=MOTC role=alternate \
    civil_servant=yes email=yu2@motc.gov.tw title=專員 >/dev/null &&
"$OGPO" --db "$DB" add case title=同名測試 lead=MOI collab=MOTC >/dev/null ||
    not_ok "two officers of one name and a case of their agencies"

# The PO picker of case 同名測試, with 余 typed to find them.
po_picker() {
	keys 4 /
	text 同名測試
	keys Enter
	expect_sel "$1: the case is found" "同名測試"
	keys e
	keys Tab Tab Tab F2
	text 余
}

for lg in zh en; do
	if [ $lg = zh ]; then
		TUI_LANG=zh_TW.UTF-8 TUI_READY='1 機關' MOI=內政部 MOTC=交通部
		PO=聯絡人 ALT=代理人
	else
		TUI_LANG=C.UTF-8 TUI_READY='1 Agencies' MOI=內政部 MOTC=交通部
		PO=PO ALT=Alternate
	fi
	tui_start "pick$lg" 80 24
	po_picker $lg
	expect "$lg: the PO picker lists 余美華 of $MOI" "余美華  $MOI"
	expect "$lg: and 余美華 of $MOTC" "余美華  $MOTC"
	expect "$lg: with their roles" "$ALT"
	keys Escape
	sleep 0.2
	keys Escape
	tui_stop

	# A new work meeting: point 7's invitees, in columns.
	tui_start "inv$lg" 80 24
	keys 3 a
	keys Tab
	text 工作會議測試
	keys Tab C-u
	text 2027-01-20
	keys C-s
	if [ $lg = zh ]; then
		expect "$lg: point 7's invitees proposed" "依第七點邀請"
	else
		expect "$lg: point 7's invitees proposed" "Invite these, as point 7"
	fi
	screen
	check "$lg: the checklist has a role column" \
	    grep -q "\[x\] .*  $PO  " "$SCR"
	# Display width of what is left of the role: one for every row.
	widths=$(grep '\[x\]' "$SCR" | sed "s/  $PO  .*//" |
	    while IFS= read -r l; do printf '%s' "$l" | wc -L; done | sort -u)
	check "$lg: the role column starts at one display column ($(echo $widths))" \
	    [ "$(echo "$widths" | wc -l)" -eq 1 ]
	names=$(grep '\[x\]' "$SCR" | sed 's/\(\[x\] [^ ]*  *\).*/\1/' |
	    while IFS= read -r l; do printf '%s' "$l" | wc -L; done | sort -u)
	check "$lg: the names start at one display column ($(echo $names))" \
	    [ "$(echo "$names" | wc -l)" -eq 1 ]
	keys Escape
	tui_stop
done
tui_done
