#!/bin/sh
# test_sheets_print.sh — ogpo's lists as the person who receives them
# meets them in the real LibreOffice (headless).
#
# - The refused rows written back as CSV (--rejects, `r` on the screen):
#   a cell that starts with = stays text when LibreOffice opens the
#   file, as in every CSV ogpo exports, not a live formula.
#
#   OGPO=./ogpo sh tests/cli/test_sheets_print.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
DB=$TMP/db
HOME=$TMP/home		# LibreOffice's profile
export HOME
mkdir -p "$HOME"

calc_here || exit 1

run() {
	OGPO_NOW=2026-12-01 "$OGPO" --db "$DB" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}
status() {
	if [ "$rc" -eq "$2" ]; then ok "$1"; else
		not_ok "$1 (exit $rc, wanted $2)"
		sed 's/^/#   /' "$TMP/err" | head -10
	fi
}
lo() {
	soffice -env:UserInstallation=file://$HOME/lo-profile --headless \
	    "$@" >/dev/null 2>&1
}

run init --demo
status "a demo database" 0

# --- refused rows written back ----------------------------------------------

printf '%s\t%s\t%s\t%s\n' 姓名 機關代碼 電子郵件 電話 \
    '=HYPERLINK("http://example.com","點我")' MOI not-an-address \
    0912345678 >"$TMP/bad.tsv"
"$(dirname "$0")/../../build/tools/table-tool" write ods "$TMP/bad.ods" \
    tttt <"$TMP/bad.tsv"
run import officers "$TMP/bad.ods" --dry-run --rejects "$TMP/bad.rejected.csv"
status "a row refused, written back" 1
CSVF='Text - txt - csv (StarCalc)'
lo --infilter="$CSVF:44,34,76,1" --convert-to ods --outdir "$TMP/rej" \
    "$TMP/bad.rejected.csv"
unzip -p "$TMP/rej/bad.rejected.ods" content.xml >"$TMP/rej.xml"
contains "LibreOffice opened the refused rows" "$TMP/rej.xml" 'not-an-address'
check "the name starting with = is no formula there" \
    sh -c "! grep -q 'table:formula=' '$TMP/rej.xml'"
contains "but the text it was" "$TMP/rej.xml" '=HYPERLINK('
# Sent back in, the row reads as it did.
run import officers "$TMP/bad.rejected.csv" --dry-run
contains "imported again, the name as it was" "$TMP/out" \
    "rejected row 2, column 電子郵件: E-mail 'not-an-address'"
