#!/bin/sh
# test_i18n.sh — the Traditional Chinese interface from the command line:
# the catalogue is complete and in Traditional characters; the locale
# picks the language and ui.lang overrides it; a bad setting is named with
# its file and line; date_style = roc shows 民國 dates; name_order =
# stroke and --strokes list officers in stroke order (筆畫); a database of
# schema 1 gains the stroke index when it is opened.
#
#   OGPO=./ogpo sh tests/cli/test_i18n.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
DB=$TMP/db
CONFIG=$XDG_CONFIG_HOME/ogpo/config
mkdir -p "$XDG_CONFIG_HOME/ogpo"
: >"$CONFIG"

run() {
	"$OGPO" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}

# --- the catalogue ----------------------------------------------------------
# Every string the sources mark is in po/zh_TW.po, translated, not fuzzy.
if msgfmt --check --statistics -o /dev/null po/zh_TW.po \
    >"$TMP/stats" 2>&1; then
	ok "msgfmt --check accepts po/zh_TW.po"
else
	not_ok "msgfmt --check accepts po/zh_TW.po"; sed 's/^/#   /' "$TMP/stats"
fi
if grep -q 'untranslated\|fuzzy' "$TMP/stats"; then
	not_ok "no untranslated or fuzzy message ($(cat "$TMP/stats"))"
else
	ok "no untranslated or fuzzy message ($(cat "$TMP/stats"))"
fi
# The catalogue matches the sources as they are now (make pot).
make -s pot POT="$TMP/fresh.pot" >/dev/null 2>&1
if [ -s "$TMP/fresh.pot" ] && msgcmp po/zh_TW.po "$TMP/fresh.pot" >"$TMP/cmp" 2>&1; then
	ok "every message marked in the sources has a translation"
else
	not_ok "every message marked in the sources has a translation"
	sed 's/^/#   /' "$TMP/cmp" | head -20
fi
# Simplified characters have no place in zh_TW (们 这 说 时 间 数 据 库 档
# 联 络 会 议 机 关 员 编 辑 删 导 应 设 请 录 项 选 择).
if sed -n '/^msgstr/,/^$/p' po/zh_TW.po |
    grep -n '[们这说时间数据库档联络会议机关员编辑删导应设请录项选择]' \
    >"$TMP/simp"; then
	not_ok "translations use Traditional characters only"
	sed 's/^/#   /' "$TMP/simp" | head
else
	ok "translations use Traditional characters only"
fi

# --- the language -----------------------------------------------------------
LC_ALL=C.UTF-8 run --help
contains "C locale: --help in English" "$TMP/out" "usage: ogpo"
LC_ALL=zh_TW.UTF-8 run --help
contains "zh_TW.UTF-8: --help in Chinese" "$TMP/out" "用法：ogpo"
contains "zh_TW.UTF-8: commands summed up in Chinese" "$TMP/out" \
    "列出機關、人員、會議、列管案件、辦理情形、培訓、獎勵或決議事項。"
LC_ALL=zh_TW.UTF-8 run list --help
contains "zh_TW.UTF-8: a command's help in Chinese" "$TMP/out" \
    "人員依姓名筆畫順序排列"
# A server that has not built the zh_TW locale (a fresh Debian has only
# C.UTF-8): asked for in LANG, the interface is Chinese all the same, and
# a language ogpo has no catalogue for is English. LOCPATH, honoured by
# a program run as oneself, stands for a system without locales.
mkdir -p "$TMP/nolocales"
(unset LC_ALL; LOCPATH=$TMP/nolocales LANG=zh_TW.UTF-8 run --help)
contains "zh_TW asked for in LANG but not installed: --help in Chinese" \
    "$TMP/out" "用法：ogpo"
LOCPATH=$TMP/nolocales LC_ALL=zh_TW.UTF-8 run --help
contains "… and in LC_ALL" "$TMP/out" "用法：ogpo"
LOCPATH=$TMP/nolocales LC_ALL=zh_TW.UTF-8 run set meeting 99 title=x
contains "… and the refusals too" "$TMP/err" "沒有會議 #99"
LOCPATH=$TMP/nolocales LC_ALL=zh_TW.UTF-8 LANGUAGE=en run --help
contains "… unless LANGUAGE says otherwise" "$TMP/out" "usage: ogpo"
LOCPATH=$TMP/nolocales LC_ALL=fr_FR.UTF-8 run --help
contains "… and a language without a catalogue is English" "$TMP/out" \
    "usage: ogpo"
echo 'ui.lang = en' >"$CONFIG"
LOCPATH=$TMP/nolocales LC_ALL=zh_TW.UTF-8 run --help
contains "… as is any with ui.lang = en" "$TMP/out" "usage: ogpo"
LC_ALL=zh_TW.UTF-8 run --help
contains "ui.lang = en overrides a Chinese locale" "$TMP/out" "usage: ogpo"
LANGUAGE=zh_TW LC_ALL=zh_TW.UTF-8 run --help
contains "ui.lang = en overrides LANGUAGE too" "$TMP/out" "usage: ogpo"
echo 'ui.lang = zh_TW' >"$CONFIG"
LC_ALL=C.UTF-8 run --help
contains "ui.lang = zh_TW overrides the C locale" "$TMP/out" "用法：ogpo"
printf '# mine\nui.lang = klingon\n' >"$CONFIG"
LC_ALL=C.UTF-8 run --print-config
contains "a bad ui.lang is named with its file and line" "$TMP/err" \
    "$CONFIG:2: ui.lang 'klingon' is not one of zh_TW, en; the line is ignored"
contains "and the program goes on in the locale's language" "$TMP/out" \
    "# ogpo's settings in force"
LC_ALL=zh_TW.UTF-8 run --print-config
contains "in Chinese, the complaint is Chinese" "$TMP/err" \
    "$CONFIG:2：ui.lang「klingon」不是「zh_TW, en」其中之一；已忽略此行"
printf 'ui.lang = en\ndate_style = taiwan\n' >"$CONFIG"
LC_ALL=zh_TW.UTF-8 run --print-config
contains "with ui.lang = en, the settings' complaints are English too" \
    "$TMP/err" "$CONFIG:2: date_style 'taiwan' is not one of iso, roc; using iso"

# Errors from the lower layers (the cause sentences) are translated too.
: >"$CONFIG"
LC_ALL=zh_TW.UTF-8 run --db "$TMP/none" list agencies
contains "zh_TW.UTF-8: the store's error in Chinese" "$TMP/err" \
    "請以「ogpo init」建立資料庫"
# A newcomer's first start: the way to try ogpo on sample data, and the
# program named as each line names it, with a full-width colon.
contains "… with the way to try it on sample data" "$TMP/err" \
    "加上 --demo 則填入示範資料"
contains "… after ogpo：" "$TMP/err" "ogpo：$TMP/none："
lacks "… never ogpo: with a half-width colon" "$TMP/err" "ogpo: "
HOME=$TMP/home LC_ALL=zh_TW.UTF-8 run list agencies
contains "where the database is by default, the line after says so" \
    "$TMP/err" "（資料庫目錄 $TMP/home/.local/share/ogpo，來源：預設位置）"
LC_ALL=zh_TW.UTF-8 run --db "$DB" init
LC_ALL=zh_TW.UTF-8 run --help
wide=$(while IFS= read -r l; do printf '%s' "$l" | LC_ALL=C.UTF-8 wc -L
    done <"$TMP/out" | sort -n | tail -1)
check "zh_TW.UTF-8: ogpo --help fits 80 columns (widest $wide)" \
    [ "$wide" -le 80 ]
LC_ALL=zh_TW.UTF-8 run help vote
contains "zh_TW.UTF-8: who may vote is said in the regulation's word" \
    "$TMP/out" "在任的聯絡人可以投票"
lacks "… not the English PO" "$TMP/out" " PO "
LC_ALL=zh_TW.UTF-8 run --db "$DB" user list
contains "zh_TW.UTF-8: ogpo user list says the role in Chinese" "$TMP/out" \
    "管理者"
lacks "… not in English" "$TMP/out" "admin"
run --db "$DB" add agency code=EY name=行政院 level=1
run --db "$DB" add agency code=MOI name=內政部 level=2 parent=EY
LC_ALL=zh_TW.UTF-8 run --db "$DB" add officer name=王小明 agency=MOI \
    role=po email=bad
contains "zh_TW.UTF-8: validation speaks Chinese" "$TMP/err" \
    "電子郵件「bad」不是電子郵件地址"
LC_ALL=zh_TW.UTF-8 run --db "$DB" add officer name=王小明 agency=MOI \
    role=po email=bad phone=abc
contains "… two complaints part with a full-width semicolon" "$TMP/err" \
    "name@agency.gov.tw；電話「abc」"
LC_ALL=zh_TW.UTF-8 run --db "$DB" add officer name=王小明 agency=MOI \
    role=聯絡人 email=wang@ex.gov.tw
check "zh_TW.UTF-8: the role given in Chinese is accepted" [ "$rc" -eq 0 ]
LC_ALL=zh_TW.UTF-8 run --db "$DB" add officer name=李大同 agency=MOI \
    role=alternate email=lee@ex.gov.tw
check "zh_TW.UTF-8: the role given in English is accepted" [ "$rc" -eq 0 ]
LC_ALL=zh_TW.UTF-8 run --db "$DB" list officers
contains "zh_TW.UTF-8: the officers' table heads in Chinese" "$TMP/out" \
    "姓名"
contains "zh_TW.UTF-8: roles shown in Chinese" "$TMP/out" "代理人"
# An officer with history is kept, and the refusal names only what there
# is; once that is gone the deletion says what it deleted, in Chinese.
run --db "$DB" add training officer=2 date=2026-11-02 course=轉譯 hours=3 \
    competencies=communication
check "a training record for 李大同" [ "$rc" -eq 0 ]
LC_ALL=zh_TW.UTF-8 run --db "$DB" delete officer 2
contains "zh_TW.UTF-8: the refusal names the training record" "$TMP/err" \
    "李大同無法刪除：李大同有 1 筆培訓或獎勵紀錄；為保留這些歷史紀錄"
lacks "… and no count of nothing" "$TMP/err" " 0 "
LC_ALL=zh_TW.UTF-8 run --db "$DB" delete training 1
contains "zh_TW.UTF-8: what was deleted, in words" "$TMP/out" "已刪除培訓紀錄 #1。"
# A dry run's change of two fields, joined as a Chinese sentence joins them.
printf '姓名,機關代碼,電子郵件,職稱,電話\n王小明,MOI,wang@ex.gov.tw,科長,02-2345-6789\n' \
    >"$TMP/two.csv"
LC_ALL=zh_TW.UTF-8 run --db "$DB" import officers "$TMP/two.csv" --dry-run
contains "zh_TW.UTF-8: the dry run joins the changed fields with ；" \
    "$TMP/out" "職稱 （空白） → 科長；電話 （空白） → 02-2345-6789"
# The import in the audit trail names what it imported in words.
run --db "$DB" import officers "$TMP/two.csv"
LC_ALL=zh_TW.UTF-8 run --db "$DB" audit
contains "zh_TW.UTF-8: the trail's import says 人員, not officer" "$TMP/out" \
    "人員：新增 0、更新 1"
run --db "$DB" list officers --tsv
contains "TSV keeps its column names" "$TMP/out" "id	version"
contains "TSV keeps the machine names of roles" "$TMP/out" "alternate"
LC_ALL=zh_TW.UTF-8 run --db "$DB" list officers --tsv
contains "TSV is the same in Chinese" "$TMP/out" "alternate"

# --- dates ------------------------------------------------------------------
run --db "$DB" add meeting kind=work title=工作推動會議 date=2024-05-08 \
    agency=EY status=held
echo 'date_style = roc' >"$CONFIG"
run --db "$DB" list meetings
contains "date_style = roc shows the 民國 date" "$TMP/out" "113/05/08"
lacks "and not the ISO one" "$TMP/out" "2024-05-08"
run --db "$DB" list meetings --tsv
contains "TSV keeps ISO dates" "$TMP/out" "2024-05-08"
: >"$CONFIG"
run --db "$DB" list meetings
contains "date_style unset shows ISO" "$TMP/out" "2024-05-08"
# The meetings' and the cases' tables speak as the officers' table does:
# kinds, states and stages in Chinese, whole; the TSV keeps the names.
run --db "$DB" add case title=停車資訊開放 lead=MOI source=other \
    stage=collaboration
LC_ALL=zh_TW.UTF-8 run --db "$DB" list meetings
contains "zh_TW.UTF-8: a meeting's kind in Chinese, whole" "$TMP/out" \
    "2024-05-08  工作推動會議      已召開     0/0"
lacks "… and no English state" "$TMP/out" "held"
LC_ALL=zh_TW.UTF-8 run --db "$DB" list cases
contains "zh_TW.UTF-8: a case's stage in Chinese" "$TMP/out" "協作會議"
lacks "… and not its name" "$TMP/out" "collaboration"
run --db "$DB" list cases
contains "in English the stage keeps its name" "$TMP/out" "collaboration"
LC_ALL=zh_TW.UTF-8 run --db "$DB" list cases --tsv
contains "the cases' TSV is the same in Chinese" "$TMP/out" \
    "	collaboration	"
LC_ALL=zh_TW.UTF-8 run --db "$DB" list meetings --tsv
contains "so is the meetings'" "$TMP/out" "	held	"
# A meeting still to come is not held: the refusal in Chinese names it.
LC_ALL=zh_TW.UTF-8 run --db "$DB" add meeting kind=work title=未來的會議 \
    date=2099-01-15 agency=EY status=held
contains "zh_TW.UTF-8: held before its day is refused in Chinese" \
    "$TMP/err" "會議「未來的會議」訂於 2099-01-15，該日尚未到來"

# --- stroke order -----------------------------------------------------------
i=0
for n in 蔡英 陳丁 黃二 林三 丁四 Alice 王五 江六 陳一; do
	i=$((i + 1))
	run --db "$DB" add officer name="$n" agency=MOI role=member \
	    email="s$i@ex.gov.tw"
done
run --db "$DB" delete officer 1
run --db "$DB" delete officer 2
want="丁四 王五 江六 林三 陳一 陳丁 黃二 蔡英 Alice"
run --db "$DB" list officers --strokes --tsv
got=$(sed 1d "$TMP/out" | cut -f5 | tr '\n' ' ' | sed 's/ $//')
check "--strokes: 丁 (2) < 王 (4) < 江 (6) < 林 (8) < 陳 (11) < 黃 (12) < 蔡 (15), 陳一 < 陳丁, Latin last ($got)" \
    [ "$got" = "$want" ]
echo 'name_order = stroke' >"$CONFIG"
run --db "$DB" list officers --tsv
got=$(sed 1d "$TMP/out" | cut -f5 | tr '\n' ' ' | sed 's/ $//')
check "name_order = stroke lists in stroke order ($got)" [ "$got" = "$want" ]
: >"$CONFIG"
run --db "$DB" list officers --tsv
got=$(sed 1d "$TMP/out" | cut -f5 | tr '\n' ' ' | sed 's/ $//')
check "without it, officers come by agency and id ($got)" \
    [ "$got" = "蔡英 陳丁 黃二 林三 丁四 Alice 王五 江六 陳一" ]
# A rename moves the officer in the stroke index.
run --db "$DB" set officer 5 name=乙五
run --db "$DB" list officers --strokes --tsv
got=$(sed 1d "$TMP/out" | cut -f5 | head -1)
check "a renamed officer moves in the stroke order (乙 1 stroke first: $got)" \
    [ "$got" = "乙五" ]
run --db "$DB" verify
check "verify agrees with the stroke index" [ "$rc" -eq 0 ]

# A database made before the index (schema 1): a copy without it (nor
# the undone table of schema 3 and the search index of schema 4), its
# schema set back to 1 (lmdb-utils).
# Opening it builds the indexes, and verify then finds nothing wrong.
old=$TMP/old
mkdir -p "$old"
for sub in $(mdb_dump -l "$DB"); do
	case $sub in officer_stroke|undone|officer_gram) continue ;; esac
	if [ "$sub" = meta ]; then
		# "schema" (736368656d61) = 6 → 1, as the older program wrote it.
		mdb_dump -s meta "$DB" | awk 'p { sub(/0000000000000006$/,
		    "0000000000000001"); p = 0 } /^ 736368656d61$/ { p = 1 }
		    { print }'
	else
		mdb_dump -s "$sub" "$DB"
	fi | mdb_load -s "$sub" "$old" 2>/dev/null || not_ok "copying $sub"
done
mdb_dump -s meta "$old" | grep -A1 '^ 736368656d61$' | tail -1 >"$TMP/v"
check "the copy says schema 1 ($(cat "$TMP/v"))" \
    [ "$(cat "$TMP/v")" = " 0000000000000001" ]
run --db "$old" list officers --strokes --tsv
got=$(sed 1d "$TMP/out" | cut -f5 | tr '\n' ' ' | sed 's/ $//')
check "a schema 1 database gets its stroke index when opened ($got)" \
    [ "$got" = "乙五 丁四 王五 江六 林三 陳一 陳丁 蔡英 Alice" ]
run --db "$old" verify
check "and is consistent then" [ "$rc" -eq 0 ]
mdb_dump -s meta "$old" | grep -A1 '^ 736368656d61$' | tail -1 >"$TMP/v"
check "and says schema 6 ($(cat "$TMP/v"))" \
    [ "$(cat "$TMP/v")" = " 0000000000000006" ]

# --- numbers in files, whatever the person's locale -------------------------
# A login whose terminal sends LC_NUMERIC of a country writing 2,5 for
# 2.5: the files ogpo writes and reads keep their own point.
loc=$TMP/locales
mkdir -p "$loc"
if localedef -i de_DE -f UTF-8 "$loc/de_DE.UTF-8" >/dev/null 2>&1; then
	num() { LOCPATH=$loc LANG=C.UTF-8 LC_NUMERIC=de_DE.UTF-8 "$@"; }
	num "$OGPO" --db "$DB" export officers -o "$TMP/num.ods" \
	    >"$TMP/out" 2>"$TMP/err"
	unzip -p "$TMP/num.ods" content.xml >"$TMP/num.xml" 2>/dev/null
	check "a comma-decimal LC_NUMERIC: .ods column widths keep a point" \
	    grep -q 'style:column-width="[0-9]*\.[0-9]*cm"' "$TMP/num.xml"
	lacks "a comma-decimal LC_NUMERIC: no width with a comma" \
	    "$TMP/num.xml" ',00cm'
	# A date and time as a serial number, 2024-05-08 12:00.
	"$OGPO" --db "$DB" export officers -o "$TMP/num.xlsx" >/dev/null 2>&1
	num "$OGPO" --db "$DB" import officers "$TMP/num.xlsx" --dry-run \
	    >"$TMP/out" 2>"$TMP/err"
	check "a comma-decimal LC_NUMERIC: its own .xlsx reads back unchanged" \
	    grep -q 'added 0, updated 0, unchanged [1-9]' "$TMP/out"
else
	ok "# SKIP no de_DE locale definitions to build one from"
fi

test_cleanup
