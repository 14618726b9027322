#!/bin/sh
# test_change_times.sh — with date_style = roc the times of changes are
# 民國 as the dates are, at 80x24 and 120x40 in Chinese: a case's last
# change and its timeline, the audit trail (narrow: without the year) and
# a change's own page.
. tests/lib.sh
. tests/tui/tui-lib.sh

OGPO_NOW="2026-12-07 09:00"; export OGPO_NOW

mkdir -p "$XDG_CONFIG_HOME/ogpo"
echo 'date_style = roc' >"$XDG_CONFIG_HOME/ogpo/config"
for size in 80x24 120x40; do
	w=${size%x*} h=${size#*x}
	tui_start_zh "roc$w" "$w" "$h"
	keys 4 /
	text 115-07
	keys Enter
	expect_sel "roc $size: 115-07 is found" "115-07"
	keys Space
	expect "roc $size: the stage's day is 民國" "階段起始日：115/05/07"
	expect "roc $size: the last change is 民國 too" \
	    "最後修改：root，115/12/07 09:00"
	expect "roc $size: … and the timeline" \
	    "115/12/07 09:00 root：開啟為協作會議"
	esc
	keys 6
	expect "roc $size: the audit trail" "稽核軌跡"
	if [ "$w" -ge 100 ]; then
		expect "roc $size: its times are 民國" "115/12/07 09:00  root"
	else
		expect "roc $size: narrow, its times without the year" \
		    "12/07 09:00 root"
	fi
	keys Enter
	expect "roc $size: a change's own time is 民國" "時間：115/12/07 09:00"
	esc
	tui_stop
done
tui_done
