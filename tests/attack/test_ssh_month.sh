#!/bin/sh
# test_ssh_month.sh — a month of the network's work over real SSH
# sessions, each person as their own account at once: the coordinator
# (an admin), the POs of 內政部 and 交通部 (editors of their own agency),
# and a supervisor who reads (a viewer). 內政部's PO works in Chinese at
# 80x24. The coordinator convenes the month's meeting and has the
# officers open while 內政部 replaces its PO (E: the designation ends,
# the alternate takes over, and the planned meetings the coordinator
# convened invite the successor) and 交通部 fixes its PO's e-mail; the
# coordinator sees both without starting again; 交通部's PO is not
# 內政部's to change, and it is told so in Chinese. At the roll call the
# coordinator marks 交通部's PO present while 交通部 types the name of the
# proxy who came: 交通部 is told and chooses. 交通部's connection drops
# in the middle of a form (its sshd killed): logged in twice at once,
# each login is offered what it typed; saved by one, the other is told. The supervisor's edit is refused in words
# that say what to ask for. At the month's end the coordinator exports
# the attendance and the tracking table.
. "$(dirname "$0")/attack-lib.sh"
. tests/tui/tui-lib.sh

ED2=atkt$$
useradd -m -d "$TMP/home/$ED2" -U -s /bin/sh "$ED2" ||
    { not_ok "account $ED2"; exit 1; }
as "$ADM" user add "$ED2" --role editor --agency MOTC
check "$ED2 is an editor of 交通部 (MOTC)" test "$rc" -eq 0

# Each over SSH, in the language it works in there.
. "$(dirname "$0")/ssh-lib.sh"
ssh_login "$ADM"
ssh_login "$ED" zh_TW.UTF-8
ssh_login "$ED2"
ssh_login "$VW"
ssh_serve

today=$(date +%F)
as "$ADM" add meeting kind=work "date=$today" time=14:00 status=planned \
    title=本月聯絡人工作推動會議 --invite proposed
check "the coordinator convenes this month's meeting" test "$rc" -eq 0
# off CODE ROLE: the id and name of CODE's officer in ROLE, in office.
off() { "$BIN" list officers --agency "$1" --tsv | awk -F '\t' -v r="$2" \
    '$7 == r && $16 == "" { print $1 "\t" $5; exit }'; }
moi=$(off MOI po) alt=$(off MOI alternate) motc=$(off MOTC po)
moi_name=${moi#*	} alt_name=${alt#*	} motc_name=${motc#*	}
check "內政部's PO ($moi_name) and alternate ($alt_name), 交通部's PO" \
    test -n "$moi_name" -a -n "$alt_name" -a -n "$motc_name"
# invited NAME: the planned meetings after today whose sheet names NAME.
invited() {
	"$BIN" list meetings --tsv | awk -F '\t' -v d="$today" \
	    '$12 == "planned" && $7 > d { print $1 }' | while read -r m; do
		"$BIN" export signin "$m" --format csv -o "$TMP/signin.csv" \
		    >/dev/null 2>&1
		grep -qF -- "$1" "$TMP/signin.csv" && printf '%s ' "$m"
	done
}
later=$(invited "$moi_name")
check "$moi_name is invited to the coordinator's later meetings ($later)" \
    test -n "$later"

# The coordinator has the officers of 內政部 open.
OGPO=$TMP/ssh/via-$ADM
tui_start coord 100 30
keys 2
keys f
text MOI
keys Enter
expect "the coordinator: 內政部's officers" "Officers of 內政部"
row_is() { grep -F -- "$1" "$SCR" | grep -qF -- "$2"; }
expect_row() {
	if poll "${4:-5}" row_is "$2" "$3"; then ok "$1"; else
		not_ok "$1 ($2 not '$3':)"; dump
	fi
}
expect_row "… $alt_name is the alternate" "$alt_name" Alternate

# 內政部, in Chinese at 80x24, and 交通部 at once.
TUI_LANG=zh_TW.UTF-8
TUI_READY='1 機關'
OGPO=$TMP/ssh/via-$ED
tui_start moi 80 24
TUI_LANG=C.UTF-8
TUI_READY='1 Agencies'
OGPO=$TMP/ssh/via-$ED2
tui_start motc 100 30
TUI_S=moi
keys 2
keys /
text "$moi_name"
keys Enter
expect_sel "內政部 finds its PO" "$moi_name"
keys E
expect "E asks for the last day" "擔任聯絡人的最後一日"
keys Enter
expect "and who takes over" "由誰接任"
text "$alt_name"
keys Enter
expect "it says what changes first" "預定會議將調整"
check "… the successor invited" has_text "受邀"
TUI_S=motc
keys 2
keys /
text "$motc_name"
keys Enter
expect_sel "交通部 finds its PO" "$motc_name"
keys e
expect "and opens the form" "Edit officer"
keys Tab Tab Tab Tab Tab Tab Tab C-u
text tseng@motc.gov.tw
TUI_S=moi
keys y
TUI_S=motc
keys C-s
expect "交通部 saves the e-mail" "Saved $motc_name."
TUI_S=moi
expect_gone "內政部's change is made" "預定會議將調整" 5
check "and not refused" lacks_text "只能編輯"
# 交通部's PO is not 內政部's to change: said at once, in Chinese.
keys F
keys /
text "$motc_name"
keys Enter
expect_sel "內政部 finds 交通部's PO" "$motc_name"
keys e
expect "內政部's form on 交通部's PO opens read only" "唯讀："
check "saying whose it may change" has_text "只能編輯內政部"
esc
expect_gone "and closes" "唯讀："
TUI_S=coord
expect_row "the coordinator sees $alt_name take over tomorrow, unasked" \
    "$alt_name" "incoming" 5
keys F
keys /
text "$motc_name"
keys Enter
expect_row "and 交通部's new e-mail" "$motc_name" tseng@motc.gov.tw
"$BIN" list officers --agency MOI --tsv >"$TMP/moi"
check "the database holds $moi_name's last day" \
    grep -q "	$moi_name	.*	$today	" "$TMP/moi"
same "the coordinator's later meetings no longer invite $moi_name" \
    "$(invited "$moi_name")" ""
same "they invite $alt_name in the PO's place" "$(invited "$alt_name")" \
    "$later"

# The roll call: the coordinator marks 交通部's PO present at the door
# while 交通部 types the name of the proxy who came.
sheet() {
	keys 3
	keys /
	text 本月聯絡人工作推動會議
	keys Enter
	expect_sel "$1: finds this month's meeting" 本月聯絡人工作推動會議
	keys Enter
	expect "$1: its roll call" "$2"
	keys /
	text "$motc_name"
	keys Enter
	expect_sel "$1: finds $motc_name" "$motc_name"
}
TUI_S=motc
sheet 交通部 "not yet marked (*)"
keys x
expect "交通部 is asked who came" "Who came in place of $motc_name?"
TUI_S=coord
sheet coordinator "not yet marked (*)"
keys p
expect_row "the coordinator marks $motc_name present" "$motc_name" Present
TUI_S=motc
text 呂代理
keys Enter
expect "交通部 is told who marked $motc_name meanwhile" \
    "$ADM changed the mark of $motc_name at" 5
check "… what they saved, beside what was typed" has_text \
    "You typed: Proxy (呂代理)"
keys 1
expect_row "交通部 keeps its proxy" "$motc_name" 呂代理
TUI_S=coord
expect_row "the coordinator sees it, unasked" "$motc_name" 呂代理 5
"$BIN" export attendance --month "${today%-??}" --format csv --plain \
    -o "$TMP/att.csv" >/dev/null 2>&1
check "the database holds the proxy" sh -c "grep -F 本月聯絡人工作推動會議 \
    '$TMP/att.csv' | grep -F '$motc_name' | grep -qF 呂代理"

# 交通部's connection drops with a form typed in: its sshd is killed.
TUI_S=motc
esc
expect_gone "交通部 leaves the sheet" "Who came in place"
keys 2
keys /
text "$motc_name"
keys Enter
keys e
expect "交通部 opens the form again" "Edit officer"
keys Tab Tab Tab Tab Tab Tab C-e
text 兼科長
expect "and types in it" "兼科長"
for p in $(pgrep -u "$ED2" -x sshd); do kill -9 "$p"; done
wait_exit 5
tui_stop
drafts=$TMP/home/$ED2/.local/state/ogpo/drafts
kept() { ls "$drafts"/*.draft >/dev/null 2>&1; }
if poll 5 kept; then ok "ogpo keeps the form in 交通部's own home"
else not_ok "ogpo keeps the form in 交通部's own home"; fi
# Logged in twice at once, each is offered it; the first saves it.
tui_start motc2 100 30
expect "logging in again offers the form" "An unsaved form"
tui_start motc 100 30
expect "so does the second login" "An unsaved form"
keys Enter
expect "it opens as it was left" "兼科長"
keys C-s
expect "and saves" "Saved $motc_name."
"$BIN" list officers --agency MOTC --tsv >"$TMP/motc"
check "the database holds the title typed before the drop" \
    grep -q "	$motc_name	.*兼科長	" "$TMP/motc"
TUI_S=motc2
keys Enter
expect "the other login opens it too" "兼科長"
keys C-s
expect "and is told it is saved as typed, by whom" \
    "$ED2 saved it as you typed it"
check "with nothing to choose" lacks_text "Reload their version"
tui_stop
TUI_S=motc
tui_stop

# The supervisor reads, and is told what to ask for.
OGPO=$TMP/ssh/via-$VW
tui_start view 80 24
keys 2
keys e
expect "the viewer's form is read only" "Read only"
check "and says why, and who can change it" has_text \
    "are a viewer and may only read"
esc
tui_stop

# The month's end: the coordinator exports attendance and the table.
TUI_S=coord
esc
expect "the coordinator closes the sheet, asked to mark it held" "Held?"
keys y
expect_gone "and marks it held" "Held?"
keys :
text "export attendance --month ${today%-??} -o 出席.ods"
keys Enter
expect "the coordinator exports the month's attendance" "attendance to" 10
keys :
text "export cases -o 列管表.ods"
keys Enter
expect "and the tracking table" "列管表.ods" 10
tui_stop
TUI_S=moi
tui_stop
for f in 出席.ods 列管表.ods; do
	check "$f is the coordinator's, in its home" sh -c \
	    "stat -c %U '$TMP/home/$ADM/$f' | grep -qx '$ADM'"
done
"$BIN" doctor >"$TMP/out" 2>&1
said "no one is left holding the database" "no one holds the database for writing"
tui_done
