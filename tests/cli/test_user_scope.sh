#!/bin/sh
# test_user_scope.sh — ogpo user add says back an editor's scope by the
# agencies' names as well as the codes typed, so a wrong code (MOA for
# MOL) shows at once: in English and in Chinese, on adding and on
# changing; another role is said as before.
#
#   OGPO=./ogpo sh tests/cli/test_user_scope.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
DB=$TMP/db
"$OGPO" --db "$DB" init --demo >/dev/null 2>&1 || { not_ok "init --demo"; exit 1; }

"$OGPO" --db "$DB" user add ogpscope1 --role editor --agency MOL,NSTC \
    >"$TMP/out" 2>&1
contains "an added editor's scope is said by name and code" "$TMP/out" \
    "Added ogpscope1: an editor of 勞動部（MOL）、國家科學及技術委員會（NSTC） and the agencies below them."
LANG=zh_TW.UTF-8 LC_ALL=zh_TW.UTF-8 "$OGPO" --db "$DB" user add ogpscope1 \
    --role editor --agency MOA >"$TMP/out" 2>&1
contains "in Chinese, on changing it" "$TMP/out" \
    "已修改 ogpscope1：農業部（MOA）及其所屬機關的編輯者。"
"$OGPO" --db "$DB" user add ogpscope1 --role viewer >"$TMP/out" 2>&1
contains "another role is said as before" "$TMP/out" \
    "Changed ogpscope1: viewer."
"$OGPO" --db "$DB" user list --tsv >"$TMP/list"
contains "the database holds the viewer" "$TMP/list" "ogpscope1	viewer"
