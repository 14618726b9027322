#!/bin/sh
# test_import_rejects.sh — rejected rows of an import on the screen, in
# Chinese and English, at 80x24 and 120x40: the dialog's reason names the
# Agencies tab, not a command-line option; after the import the message
# points to the key that saves them (r), not to command-line flags; r
# offers FILE.rejected.csv next to the input, and the file written holds
# the rejected row with a column giving the reason, even when the file
# was changed since; the message gives its full path. The database holds
# the good rows and not the rejected one.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
mkdir "$TMP/desk" "$TMP/in"
# A sheet where ogpo starts: i lists it, and the way to type a path
# (with none there it asks for the path at once).
printf 'name,email\n' >"$TMP/desk/其他名冊.csv"
cd "$TMP/desk" || exit 1

n=0
for lg in zh en; do
	for size in 80x24 120x40; do
		n=$((n + 1))
		if [ $lg = zh ]; then
			TUI_LANG=zh_TW.UTF-8 TUI_READY='1 機關'
			ASK='從哪個檔案匯入人員' TYPE='（輸入檔案路徑）'
			REASON='「機關」分頁列有各機關' SAVES='退回 1 筆（按 r 存退回的列與原因）'
			PROMPT='將退回的列連同各列原因存成檔案' SAVED='已將退回的 1 列存至'
			IMPORTQ='匯入'
		else
			TUI_LANG=C.UTF-8 TUI_READY='1 Agencies'
			ASK='Import officers from which file' TYPE="(type the file's path)"
			REASON='(the Agencies tab lists them)' SAVES='Rejected 1 (r saves them, with the reasons)'
			PROMPT='Save the rejected rows, with the reason for each' SAVED='Saved 1 rejected row to'
			IMPORTQ='Import'
		fi
		w=${size%x*} h=${size#*x}
		s="$lg $size"
		# A file in another directory: the rejects go next to it.
		in=$TMP/in/list$n.csv
		printf 'name,email,agency_code,title\n王大明,rj%sa@ex.gov.tw,MOI,科長\n李小華,rj%sb@ex.gov.tw,NOSUCH,專員\n' \
		    $n $n >"$in"
		tui_start "rej$lg$w" "$w" "$h"
		keys 2 i
		expect "$s: i asks for the file" "$ASK"
		text "$TYPE"
		keys Enter
		wait_for "$TYPE" 1
		text "$in"
		keys Enter
		expect "$s: the dialog gives the reason" "NOSUCH"
		expect "$s: … pointing to the Agencies tab" "$REASON"
		screen
		check "$s: … not to a command-line option" \
		    lacks_text "--create-agencies"
		keys y
		expect "$s: the message points to the key that saves them" \
		    "$SAVES"
		screen
		check "$s: … not to command-line flags" lacks_text "--"
		# The file changes meanwhile (in a folder others write, another
		# may put one of their own at its name): the rows saved are
		# those the import rejected, not the file's as it is now.
		printf 'name,email,agency_code,title\n趙不同,rj%sc@ex.gov.tw,NOSUCH,專員\n' \
		    $n >"$in"
		keys r
		expect "$s: r asks where to save them" "$PROMPT"
		expect "$s: … offering FILE.rejected.csv next to the input" \
		    "list$n.rejected.csv"
		keys Enter
		expect "$s: the message says where they went" "$SAVED"
		# The full path, whole (at 80 columns the status line may cut
		# it: read it off the message's start).
		if [ "$w" -ge 120 ]; then
			expect "$s: … by its full path" \
			    "$TMP/in/list$n.rejected.csv"
		else
			expect "$s: … by its full path" "$SAVED $TMP/in/"
		fi
		tui_stop
		out=$TMP/in/list$n.rejected.csv
		check "$s: the file is next to the input" test -f "$out"
		check "$s: … with a column for the reason" \
		    sh -c "head -1 '$out' | grep -q ',錯誤原因\$'"
		check "$s: … holding the rejected row" \
		    grep -q "^李小華,rj${n}b@ex.gov.tw,NOSUCH," "$out"
		check "$s: … with its reason" grep -q "NOSUCH" "$out"
		check "$s: … and not the good one" sh -c "! grep -q 王大明 '$out'"
		check "$s: … nor a row the file holds since" \
		    sh -c "! grep -q 趙不同 '$out'"
		check "$s: the database holds the good row" sh -c \
		    "'$OGPO' --db '$DB' list officers --tsv | grep -q rj${n}a@"
		check "$s: … and not the rejected one" sh -c \
		    "! '$OGPO' --db '$DB' list officers --tsv | grep -q rj${n}b@"
	done
done
# Without an import that rejected rows, r says what it is for.
TUI_LANG=C.UTF-8 TUI_READY='1 Agencies'
tui_start rejnone 80 24
keys 2 r
expect "r before any import says what it does" "No import here has rejected rows"
tui_done
