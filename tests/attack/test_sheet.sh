#!/bin/sh
# test_sheet.sh — what one account stores does not spoil the sheets
# others export. U+FFFE and U+FFFF are no characters, and XML has none:
# an editor who put one in a note of an officer of its agency made the
# admin's export of every officer an .xlsx that LibreOffice read only up
# to that cell (the rows after it gone, without a word) and that ogpo
# itself refused to import. A record does not take them, by any path; one
# stored before is written without them. Likewise a note reading _x001B_,
# which every .xlsx reader takes for the character it names, is written
# so that it comes back as it was.
. "$(dirname "$0")/attack-lib.sh"

H=$TMP/home/$ED
"$BIN" list officers --agency MOI --tsv >"$TMP/moi"
oid=$(awk -F '\t' 'NR == 2 { print $1 }' "$TMP/moi")
email=$(awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "email")
    c = i } NR == 2 { print $c }' "$TMP/moi")
check "an officer of MOI ($oid, $email)" test -n "$oid" -a -n "$email"

for ch in FFFE FFFF; do
	case $ch in
	FFFE) bad=$(printf 'note \357\277\276 here') ;;
	*) bad=$(printf 'note \357\277\277 here') ;;
	esac
	remember
	as "$ED" set officer "$oid" "note=$bad"
	check "U+$ch: the editor cannot put it in a note" test "$rc" -ne 0
	said "U+$ch: told what and where" "which is no character"
	printf 'name,agency_code,role,email,note\n王小明,MOI,po,%s,%s\n' \
	    "$email" "$bad" >"$H/in.csv"
	chown "$ED" "$H/in.csv"
	as "$ED" import officers in.csv
	check "U+$ch: nor by an import" test "$rc" -ne 0
	said "U+$ch: which names the row" "row 2"
	intact "U+$ch: refused"
done

# Text an .xlsx reader takes for an escape of a character: the editor's
# note came back from the admin's export as an escape character, and the
# whole import of it was refused.
as "$ED" set officer "$oid" "note=_x001B_[2J_x0041_"
check "the editor writes a note that reads as .xlsx escapes" test "$rc" -eq 0

# The admin's export: every row comes back, in ogpo and in LibreOffice.
n=$("$BIN" list officers --tsv | wc -l)
as "$ADM" export officers -o all.xlsx
check "the admin exports every officer as .xlsx" test "$rc" -eq 0
as "$ADM" import officers all.xlsx --dry-run
check "ogpo reads the export back" test "$rc" -eq 0
said "every row unchanged" "unchanged $((n - 1)),"
if command -v soffice >/dev/null; then
	A=$TMP/home/$ADM
	HOME=$TMP timeout 120 soffice --headless \
	    "-env:UserInstallation=file://$TMP/lo" --convert-to csv \
	    --outdir "$TMP/lo-out" "$A/all.xlsx" >/dev/null 2>&1
	check "LibreOffice reads every row ($n)" \
	    test "$(wc -l <"$TMP/lo-out/all.csv")" -eq "$n"
	contains "and the note as the editor wrote it" "$TMP/lo-out/all.csv" \
	    "_x001B_[2J_x0041_"
else
	ok "# SKIP LibreOffice: soffice is missing (sh tools/deps.sh test)"
fi
