#!/bin/sh
# test_roles.sh — who may write what, by every path of the command line:
# an editor writes within the agencies of their scope and below them
# (records, imports, deletions), and is told which scope is missing when
# refused, and keeps their agency's list by export --agency and import,
# which touches nothing outside it; a viewer, and a login the user table
# does not name, only read; only an admin changes users, and the last
# admin cannot go. Refused writes leave the database as it was. The audit
# trail shows each person what they may see.
#
# Real Unix accounts (made here, removed at the end) run the real binary,
# so the login is the one the system gives, never a variable: this needs
# root, as the test machine is.
#
#   OGPO=./ogpo sh tests/cli/test_roles.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
if [ "$(id -u)" -ne 0 ]; then
	echo "# skipped: making test accounts needs root"
	exit 0
fi

ED=ogpoe$$
VW=ogpov$$
UN=ogpou$$
GRP=ogpog$$
groupadd "$GRP" || { not_ok "groupadd $GRP"; exit 1; }
for u in $ED $VW $UN; do
	useradd -M -N -g "$GRP" -s /bin/sh "$u" || not_ok "useradd $u"
done
roles_cleanup() {
	for u in $ED $VW $UN; do userdel "$u" 2>/dev/null; done
	groupdel "$GRP" 2>/dev/null
	test_cleanup
}
trap 'roles_cleanup' EXIT

chmod 755 "$TMP"
DB=$TMP/db
XDG_CONFIG_HOME=$TMP/cfg
export XDG_CONFIG_HOME

# as LOGIN ARGS...: ogpo as that account; stdout in $TMP/out, stderr in
# $TMP/err, status in $rc.
as() {
	who=$1; shift
	if [ "$who" = root ]; then
		"$OGPO" --db "$DB" "$@" >"$TMP/out" 2>"$TMP/err"
	else
		setpriv --reuid="$who" --regid="$GRP" --clear-groups \
		    "$OGPO" --db "$DB" "$@" >"$TMP/out" 2>"$TMP/err"
	fi
	rc=$?
}

# refused WHAT TEXT: the last command failed and said TEXT.
refused() {
	if [ "$rc" -eq 1 ] && grep -qF -- "$2" "$TMP/err"; then ok "$1"; else
		not_ok "$1 (exit $rc; wanted 1 and '$2' in:)"
		sed 's/^/#   /' "$TMP/err" "$TMP/out" | head -10
	fi
}

succeeded() {
	if [ "$rc" -eq 0 ]; then ok "$1"; else
		not_ok "$1 (exit $rc)"; sed 's/^/#   /' "$TMP/err" | head -10
	fi
}

# snapshot: everything a refused write must leave as it was.
snapshot() {
	for k in agencies officers meetings issues; do
		"$OGPO" --db "$DB" list $k --tsv
	done
	"$OGPO" --db "$DB" user list --tsv
}

"$OGPO" --db "$DB" init --demo >/dev/null || { not_ok "init"; exit 1; }
chgrp -R "$GRP" "$DB" && chmod 2770 "$DB" && chmod 660 "$DB"/*.mdb

as root user add "$ED" --role editor --agency MOI
succeeded "an admin adds an editor for MOI"
as root user add "$VW" --role viewer
succeeded "an admin adds a viewer"
as root user list
contains "the user list shows the editor's scope" "$TMP/out" "MOI"

# Officer numbers: one of MOI (in scope), one of MOTC (not).
MOI_OFF=$("$OGPO" --db "$DB" list officers --agency MOI --tsv | sed -n 2p | cut -f1)
MOTC_OFF=$("$OGPO" --db "$DB" list officers --agency MOTC --tsv | sed -n 2p | cut -f1)
NPA=$("$OGPO" --db "$DB" list agencies --tsv | awk -F'\t' '$5 == "NPA" { print $1 }')

# --- the editor ---
as "$ED" user
contains "the editor is told their role and scope" "$TMP/out" "an editor of MOI"
as "$ED" set officer "$MOI_OFF" note=由編輯者修改
succeeded "the editor changes an officer of MOI"
as "$ED" set agency "$NPA" note=警政署備註
succeeded "the editor changes an agency below MOI"

snapshot >"$TMP/before"
as "$ED" set officer "$MOTC_OFF" note=越權
refused "the editor may not change an officer of MOTC" \
    "may edit only within 內政部 and the agencies below them"
contains "the refusal names the officer's agency" "$TMP/err" "of 交通部"
as "$ED" set officer "$MOI_OFF" agency=MOTC
refused "the editor may not move an officer out of the scope" "would be outside"
as "$ED" add officer name=越權者 agency=MOTC role=po email=x@motc.gov.tw
refused "the editor may not add an officer to MOTC" "would be outside"
as "$ED" add agency code=TST name=測試部 parent=EY level=2
refused "the editor may not add an agency beside MOI" "would be outside"
as "$ED" delete officer "$MOTC_OFF"
refused "the editor may not delete an officer of MOTC" "is outside that"
as "$ED" user add "$VW" --role admin
refused "the editor may not change users" "only an admin may change users"
printf 'name,agency_code,role,email\n範圍內,MOI,po,in@moi.gov.tw\n範圍外,MOTC,po,out@motc.gov.tw\n' >"$TMP/mixed.csv"
chmod 644 "$TMP/mixed.csv"
as "$ED" import officers "$TMP/mixed.csv"
refused "the editor's import with a row outside the scope lands nothing" \
    "nothing was imported"
contains "the rejected row is named by line, with the scope" "$TMP/out" \
    "row 3: you ($ED) may edit only within 內政部"
snapshot >"$TMP/after"
check "refused writes left the database as it was" cmp -s "$TMP/before" "$TMP/after"

as "$ED" import officers "$TMP/mixed.csv" --skip-bad
succeeded "with --skip-bad the editor's row inside the scope lands"
"$OGPO" --db "$DB" list officers --tsv >"$TMP/officers"
contains "the officer of MOI was imported" "$TMP/officers" "in@moi.gov.tw"
lacks "the officer of MOTC was not" "$TMP/officers" "out@motc.gov.tw"

# The editor keeps MOI's list in a spreadsheet: exported with --agency,
# edited, imported back. Only MOI's officers are in it, so nothing in it
# is outside the scope, and the others' officers are left alone.
mkdir "$TMP/ed" && chown "$ED" "$TMP/ed"
moi=$("$OGPO" --db "$DB" list officers --agency MOI --tsv | awk 'END { print NR - 1 }')
as "$ED" export officers --agency MOI -o "$TMP/ed/moi.csv"
succeeded "the editor exports their own agency's officers"
contains "… all of MOI's" "$TMP/out" "Wrote $moi rows"
"$OGPO" --db "$DB" list officers --tsv >"$TMP/before"
as "$ED" import officers "$TMP/ed/moi.csv"
succeeded "the editor imports the file back"
contains "… and nothing changes" "$TMP/out" \
    "added 0, updated 0, unchanged $moi, rejected 0"
"$OGPO" --db "$DB" list officers --tsv >"$TMP/after"
check "… not even the officers outside the scope" \
    cmp -s "$TMP/before" "$TMP/after"
tr -d '\r' <"$TMP/ed/moi.csv" | sed '1s/^\xef\xbb\xbf//' |
    awk -F, -v OFS=, 'NR == 2 { $14 = "改過" } { print }' >"$TMP/moi-ed.csv"
chmod 644 "$TMP/moi-ed.csv"
as "$ED" import officers "$TMP/moi-ed.csv"
succeeded "the editor imports the file with one note edited"
contains "… and that is the one change" "$TMP/out" \
    "added 0, updated 1, unchanged $((moi - 1)), rejected 0"
"$OGPO" --db "$DB" list officers --tsv >"$TMP/after"
changed=$(diff "$TMP/before" "$TMP/after" | grep -c '^>')
check "… one officer's record differs" [ "$changed" -eq 1 ]

# --- the viewer and a stranger ---
snapshot >"$TMP/before"
as "$VW" set officer "$MOI_OFF" note=檢視者
refused "a viewer may not write" "are a viewer and may only read"
contains "the viewer is told how to get more" "$TMP/err" "--role editor"
as "$VW" import officers "$TMP/mixed.csv"
refused "a viewer's import is refused at once" "are a viewer"
as "$UN" add agency code=ZZZ name=陌生部 parent=EY level=2
refused "a login that is not a user may not write" "not a user of this database"
as "$UN" list officers --agency MOI
succeeded "a login that is not a user may read"
snapshot >"$TMP/after"
check "their refused writes changed nothing" cmp -s "$TMP/before" "$TMP/after"

# --- users ---
ROOT_LOGIN=$(id -un)
as root user remove "$ROOT_LOGIN"
refused "the last admin cannot be removed" "is the last admin"
as root user add "$ROOT_LOGIN" --role viewer
refused "the last admin cannot be made a viewer" "is the last admin"
as root user add "$VW" --role editor
refused "an editor needs a scope" "an editor needs the agencies"
as root user add "$VW" --role editor --agency NOPE
refused "a scope names agencies that exist" "NOPE"

# --- the audit trail, as each sees it ---
as "$ED" audit --limit 0
contains "the editor sees their own changes" "$TMP/out" "由編輯者修改"
contains "the editor sees their import" "$TMP/out" "import of"
as root set officer "$MOTC_OFF" note=管理者改的
as "$ED" audit --limit 0
lacks "the editor does not see changes outside the scope" "$TMP/out" "管理者改的"
as "$VW" audit --limit 0
lacks "a viewer sees no one else's changes" "$TMP/out" "由編輯者修改"
as root audit --login "$ED" --tsv
contains "an admin sees the editor's changes by login" "$TMP/out" "$ED	update	officer"
lacks "--login shows only that login" "$TMP/out" "root	"

"$OGPO" --db "$DB" verify >"$TMP/out" 2>&1
check "the database verifies afterwards" grep -q "is consistent" "$TMP/out"
