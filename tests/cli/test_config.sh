#!/bin/sh
# test_config.sh — the settings from the command line's side: the system's
# file ($OGPO_SYSCONF stands in for /etc/ogpo.conf: ogpo here is not
# set-id) and then the user's, later wins; a bad line is told on stderr as
# FILE:LINE and skipped while the rest loads; db and unknown_users only
# from the system's file; --print-config shows every key, its value and
# where it came from; export_encoding is ogpo export's default.
#
#   OGPO=./ogpo sh tests/cli/test_config.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB NO_COLOR
XDG_CONFIG_HOME=$TMP/cfg
OGPO_SYSCONF=$TMP/ogpo.conf
export XDG_CONFIG_HOME OGPO_SYSCONF
USER_CONF=$XDG_CONFIG_HOME/ogpo/config
mkdir -p "$XDG_CONFIG_HOME/ogpo"

run() {
	"$OGPO" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}

# setting KEY: "VALUE|ORIGIN" of KEY in the --print-config output.
setting() {
	awk -v k="$1" '
	    $1 == k && $2 == "=" {
		v = $0; sub(/^[^=]*= /, "", v); sub(/ *#.*$/, "", v)
		o = $0; sub(/^.*# /, "", o)
		print v "|" o }' "$TMP/out"
}

# --- nothing set: the defaults ---------------------------------------------
run --print-config
same "--print-config exits 0" "$rc" 0
check "and says nothing on stderr" test ! -s "$TMP/err"
same "keymap defaults to default" "$(setting keymap)" "default|default"
same "attendance_threshold defaults to 75%" \
    "$(setting attendance_threshold)" "75%|default"
same "mouse is off by default" "$(setting mouse)" "off|default"
same "export_encoding defaults to utf-8" "$(setting export_encoding)" \
    "utf-8|default"
same "unknown_users defaults to viewer" "$(setting unknown_users)" \
    "viewer|default"
contains "ui.lang unset follows the locale" "$TMP/out" "# ui.lang ="
same "db: the per-user default" "$(setting db)" \
    "${XDG_DATA_HOME:-$HOME/.local/share}/ogpo|default"
# In Chinese the comment is in Chinese: ogpo's own default is 預設; the
# setting's value, a word of the file's syntax, stays.
LANG=zh_TW.UTF-8 LC_ALL=zh_TW.UTF-8 "$OGPO" --print-config >"$TMP/zh" 2>&1
contains "in Chinese a default reads 預設" "$TMP/zh" \
    "keymap = default                 # 預設"
contains "… and one unset 預設（未設定）" "$TMP/zh" "# 預設（未設定）"
lacks "… never # default" "$TMP/zh" "  # default"
for k in keymap attendance_threshold ui.lang date_style name_order \
    ambiguous_width theme mouse export_encoding db unknown_users; do
	if grep -q "^#* *$k = *" "$TMP/out" || grep -q "^# $k =" "$TMP/out"
	then ok "--print-config lists $k"
	else not_ok "--print-config lists $k"; fi
done

# --- both files: the user's wins; bad lines are told and skipped -----------
cat >"$OGPO_SYSCONF" <<EOF
# the server's settings
db = $TMP/shared
unknown_users = refuse
date_style = roc
theme = mono
mouse = on
EOF
cat >"$USER_CONF" <<EOF
mouse = off
theme = purple
colour = blue
no equals sign here
db = $TMP/mine
unknown_users = viewer
name_order = stroke
EOF
run --print-config
same "--print-config still exits 0 with bad lines" "$rc" 0
same "the user's mouse = off wins over the system's" "$(setting mouse)" \
    "off|$USER_CONF:1"
same "the system's date_style stays where the user says nothing" \
    "$(setting date_style)" "roc|$OGPO_SYSCONF:4"
same "a bad theme leaves the system's mono" "$(setting theme)" \
    "mono|$OGPO_SYSCONF:5"
same "name_order after the bad lines still loads" "$(setting name_order)" \
    "stroke|$USER_CONF:7"
same "db comes from the system's file only" "$(setting db)" \
    "$TMP/shared|$OGPO_SYSCONF:2"
same "unknown_users comes from the system's file only" \
    "$(setting unknown_users)" "refuse|$OGPO_SYSCONF:3"
contains "a bad value is told with file and line" "$TMP/err" \
    "$USER_CONF:2: theme 'purple' is not one of default, light, mono; using mono"
contains "an unknown key is told" "$TMP/err" \
    "$USER_CONF:3: 'colour' is not a setting ogpo knows"
contains "a line without = is told" "$TMP/err" \
    "$USER_CONF:4: 'no equals sign here' is not KEY = VALUE; the line is ignored"
contains "db in the user's file is refused" "$TMP/err" \
    "$USER_CONF:5: db can only be set in $OGPO_SYSCONF, by the administrator"
contains "unknown_users in the user's file is refused" "$TMP/err" \
    "$USER_CONF:6: unknown_users can only be set in $OGPO_SYSCONF"
same "five problems, one line each" "$(wc -l <"$TMP/err" | tr -d ' ')" 5

# The database of the system's file is the one commands open (not the
# user's), and --db and $OGPO_DB come before it.
run init
same "init makes the system file's database" "$rc" 0
check "in the system file's directory" test -f "$TMP/shared/data.mdb"
check "not in the one the user's file names" test ! -e "$TMP/mine"
contains "the user's db line is told for every command" "$TMP/err" \
    "$USER_CONF:5: db can only be set in"
run --db "$TMP/other" --print-config
same "--db shows as the db's origin" "$(setting db)" "$TMP/other|--db"
OGPO_DB=$TMP/env run --print-config
same "\$OGPO_DB shows as the db's origin" "$(setting db)" "$TMP/env|\$OGPO_DB"

# The command line and the environment, on top of the files.
run --keymap vi --print-config
same "--keymap shows as the keymap's origin" "$(setting keymap)" "vi|--keymap"
NO_COLOR=1 run --print-config
same "NO_COLOR forces theme = mono" "$(setting theme)" "mono|NO_COLOR"
run --keymap '' list agencies
same "an empty --keymap is a usage error" "$rc" 2
contains "and says what a keymap is" "$TMP/err" \
    "--keymap: '' is not default, vi, emacs or a keymap file's path"

# --- export_encoding: ogpo export's default ---------------------------------
rm -f "$USER_CONF"
printf 'db = %s\n' "$TMP/shared" >"$OGPO_SYSCONF"
"$OGPO" add agency code=ZZ name=測試機關 level=1 >/dev/null 2>&1 ||
    not_ok "add an agency"
run export agencies --plain
check "export without the setting is UTF-8" grep -q '測試機關' "$TMP/out"
printf 'export_encoding = big5\n' >"$USER_CONF"
run export agencies --plain
big5=$(printf '測試機關' | iconv -f UTF-8 -t BIG5)
check "export_encoding = big5 makes the export Big5" \
    grep -q "$big5" "$TMP/out"
lacks "so the UTF-8 bytes are gone" "$TMP/out" '測試機關'
run export agencies --plain --encoding utf-8
check "--encoding utf-8 overrides export_encoding" \
    grep -q '測試機關' "$TMP/out"
