#!/bin/sh
# test_handover_scope.sh — an agency's editor ends the designation of one
# of its own officers who is invited to the month's meetings the
# coordinator convenes: the designation ends, and the planned meetings
# after the last day no longer invite the officer (held ones keep who
# came), as when the coordinator ends it. Another agency's officer stays
# out of the editor's reach, the invitations with it.
#
# A real Unix account (made here, removed at the end) runs the real
# binary: this needs root, as the test machine is.
#
#   OGPO=./ogpo sh tests/cli/test_handover_scope.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
if [ "$(id -u)" -ne 0 ]; then
	echo "# skipped: making a test account needs root"
	exit 0
fi
ED=ogpho$$
GRP=ogphg$$
groupadd "$GRP" || { not_ok "groupadd $GRP"; exit 1; }
useradd -M -N -g "$GRP" -s /bin/sh "$ED" || not_ok "useradd $ED"
trap 'userdel "$ED" 2>/dev/null; groupdel "$GRP" 2>/dev/null;
    test_cleanup' EXIT
chmod 755 "$TMP"
DB=$TMP/db
XDG_CONFIG_HOME=$TMP/cfg
export XDG_CONFIG_HOME
"$OGPO" --db "$DB" init --demo >/dev/null 2>&1 || { not_ok "init --demo"; exit 1; }
"$OGPO" --db "$DB" user add "$ED" --role editor --agency MOI >/dev/null ||
    not_ok "user add $ED"
chgrp -R "$GRP" "$DB" && chmod 2770 "$DB" && chmod 660 "$DB"/*.mdb

as_ed() {
	setpriv --reuid="$ED" --regid="$GRP" --clear-groups \
	    "$OGPO" --db "$DB" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}
# po CODE: the id and the name of the agency's PO.
po() { "$OGPO" --db "$DB" list officers --agency "$1" --tsv | awk -F '\t' \
    '$7 == "po" && $16 == "" { print $1 "\t" $5; exit }'; }
# invited NAME: the planned meetings (by id) whose attendance names NAME.
invited() {
	"$OGPO" --db "$DB" list meetings --tsv | awk -F '\t' \
	    '$12 == "planned" { print $1 }' | while read -r m; do
		"$OGPO" --db "$DB" export signin "$m" --format csv \
		    -o "$TMP/signin.csv" >/dev/null 2>&1
		grep -qF -- "$1" "$TMP/signin.csv" && printf '%s ' "$m"
	done
}

today=$(date +%F)
moi=$(po MOI)
motc=$(po MOTC)
moi_id=${moi%%	*} moi_name=${moi#*	}
motc_id=${motc%%	*} motc_name=${motc#*	}
before=$(invited "$moi_name")
check "MOI's PO $moi_name is invited to planned meetings ($before)" \
    test -n "$before"
check "the coordinator convenes them, not MOI" sh -c "! \"$OGPO\" --db \
    \"$DB\" list meetings --agency MOI --tsv | grep -q planned"

as_ed set officer "$moi_id" "end_date=$today"
if [ "$rc" -eq 0 ]; then ok "MOI's editor ends its own PO's designation"
else not_ok "MOI's editor ends its own PO's designation (exit $rc:)"
	sed 's/^/#   /' "$TMP/err" | head -5
fi
"$OGPO" --db "$DB" list officers --agency MOI --tsv >"$TMP/moi"
check "the database holds the last day" \
    grep -q "^$moi_id	.*	$today	" "$TMP/moi"
same "and no planned meeting invites $moi_name any more" \
    "$(invited "$moi_name")" ""
"$OGPO" --db "$DB" audit --login "$ED" --entity attendance --tsv \
    >"$TMP/audit" 2>&1
same "the audit trail holds each as the editor's change" \
    "$(awk 'END { print NR - 1 }' "$TMP/audit")" "$(echo $before | wc -w)"

before=$(invited "$motc_name")
as_ed set officer "$motc_id" "end_date=$today"
if [ "$rc" -eq 1 ] && grep -qF "may edit only within 內政部" "$TMP/err"
then ok "MOTC's PO is not MOI's editor's to end"
else not_ok "MOTC's PO is not MOI's editor's to end (exit $rc:)"
	sed 's/^/#   /' "$TMP/err" | head -5
fi
same "and MOTC's PO stays invited" "$(invited "$motc_name")" "$before"
[ "$failures" -eq 0 ]
