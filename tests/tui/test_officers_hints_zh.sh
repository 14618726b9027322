#!/bin/sh
# test_officers_hints_zh.sh — an agency's PO at 80x24 in Chinese, with
# others at work on the same database (the status line says how many),
# opens the officers: the status line names the keys it came for, e to
# edit (編輯) and E to end a designation (卸任), among those it has room
# for; ? and u keep their place.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
tui_start_zh other1
tui_start_zh other2
tui_start_zh po
keys 2
expect "the officers" "所有機關的人員"
expect "the status line says two others are here" "此處另有 2 人"
line=$(status_line)
for k in "e 編輯" "E 卸任" "a 新增" "u 復原" "? 說明"; do
	check "it names $k ($line)" has_text "$k"
done
for s in po other1 other2; do
	TUI_S=$s
	tui_stop
done
tui_done
