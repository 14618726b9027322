#!/bin/sh
# monkey.sh — random but plausible keys for the full-screen program: what a
# newcomer mashing keys, a wrong keymap, a flaky SSH link or a window being
# resized send it. From a seed, a list of actions is made (the same list
# for the same seed, whatever the machine: the generator is its own
# Park–Miller generator, not awk's rand) and played into ogpo on the demo
# data in a tmux pane; then ogpo must still answer (a resize is drawn), a
# full redraw (C-l) must change nothing on the screen (what curses thinks
# is there is there), it must leave cleanly (q, or SIGHUP as a dropped
# link does), with no sanitizer report, and the database must verify.
#
#	OGPO=build/asan/ogpo sh tests/tools/monkey.sh [-n ACTIONS] [-o DIR] SEED...
#	OGPO=build/asan/ogpo sh tests/tools/monkey.sh -r FILE	play a saved list
#	OGPO=build/asan/ogpo sh tests/tools/monkey.sh -x FILE	shrink it
#
# Each seed prints TAP lines; a failing seed's actions are kept as
# DIR/monkey-SEED.keys (DIR: -o, or the current folder), with the screen
# and ogpo's stderr beside. -x removes actions from a failing list as long
# as it still fails the same way, and keeps the shortest as FILE.min.
#
# An action is a line: K KEY... (tmux key names), L TEXT (typed),
# H BYTE... (hex bytes, as a terminal or a broken link sends them),
# E (Escape alone), Z COLS ROWS (resize), S MS (a pause), X (the link
# drops: SIGHUP, and ogpo is started again, offering the form left open),
# C ARGS... (the command line writes meanwhile, as another person does). The first lines,
# =lang, =keymap, =mouse, =size, =end, =writer, =term, set up the run.
#
# Against the plain build it finds hangs and broken screens; against
# build/asan/ogpo (ASan + UBSan) memory errors too. tests/tui/test_monkey.sh
# runs a few fixed seeds of it in the test suite.
. tests/lib.sh
. tests/tui/tui-lib.sh
# Interrupted, it still ends its tmux server and removes its folder.
trap 'exit 130' INT TERM HUP

MONKEY_N=400
MONKEY_OUT=$(pwd)
mode=run
while getopts n:o:r:x: opt; do
	case $opt in
	n) MONKEY_N=$OPTARG ;;
	o) MONKEY_OUT=$OPTARG ;;
	r) mode=replay; MONKEY_FILE=$OPTARG ;;
	x) mode=shrink; MONKEY_FILE=$OPTARG ;;
	*) echo "usage: monkey.sh [-n ACTIONS] [-o DIR] SEED... | -r FILE | -x FILE" >&2
	   exit 2 ;;
	esac
done
shift $((OPTIND - 1))
case $MONKEY_OUT in /*) ;; *) MONKEY_OUT=$(pwd)/$MONKEY_OUT ;; esac
case ${MONKEY_FILE:-/} in /*) ;; *) MONKEY_FILE=$(pwd)/$MONKEY_FILE ;; esac
TOP=$(pwd)

# monkey_gen SEED N: N actions from SEED, on stdout.
monkey_gen() {
	awk -v seed="$1" -v n="$2" '
	function rnd() { s = (s * 48271) % 2147483647; return s }
	function ri(k) { return rnd() % k }
	function pick(list,   a, m) { m = split(list, a, " "); return a[ri(m) + 1] }
	# A word: ASCII, Chinese, or the odd ones (combining marks, emoji,
	# full-width digits, half-width kana, a zero-width space).
	function word(   r) {
		r = ri(10)
		if (r < 3)
			return pick("MOI MOTC moi po alternate wang 2026-11 " \
			    "115-07 test hello a zz x@y 12 0800 ~ %s %n \\\\")
		if (r < 9)
			return pick("內政部 開放政府 聯絡人 王小明 會議 出席 " \
			    "列管 測試 交通部 數位發展部 民國113年5月8日 " \
			    "下午2點半 ０２－２３４５ ＠ 解除列管 卸任 " \
			    "（逾期） 辦理情形 議題票選 犇")
		return pick("e\xcc\x81 \xf0\x9f\x91\x8d " \
		    "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9 " \
		    "\xef\xbd\xb1\xef\xbe\x9d \xe2\x80\x8b \xe2\x94\x80\xe2\x80\xbb")
	}
	function words(   k, t) {
		t = word()
		for (k = ri(4); k > 0; k--)
			t = t (ri(3) ? " " : "") word()
		return t
	}
	# About LEN characters of text, as a long note or a paste is.
	function long(len,   t) {
		t = ""
		while (length(t) < len)
			t = t word() (ri(5) ? "" : " ")
		return t
	}
	function cmdline() {
		return pick("list:officers:--agency:MOI list:cases:--agency:MOL " \
		    "audit:--since:-7d export:attendance:--month:2026-11:-o:出席.ods " \
		    "export:officers:-o:名冊.xlsx export:cases:-o:列管表.ods " \
		    "add:meeting list:meetings help import:officers: due:--within:14d " \
		    "check who undo foo:--bar export list:officers export:training " \
		    "export:deadlines:-o: set q")
	}
	function tabs() { return pick("1 2 3 4 5 6 7 1 2 3 4 Tab BTab") }
	function emit(line) { print line; left-- }
	BEGIN {
		s = seed % 2147483646 + 1
		for (k = 0; k < 10; k++)
			rnd()
		print "=lang " pick("C.UTF-8 zh_TW.UTF-8")
		print "=keymap " pick("default default vi emacs")
		print "=mouse " pick("on off")
		print "=size " pick("80x24 100x30 120x40 200x60 81x25")
		print "=end " pick("quit quit hup")
		print "=writer " pick("off on")
		# Under xterm-256color tmux sends Home as ESC [ 1 ~, which
		# that description does not list: ogpo reads it itself.
		print "=term " pick("tmux-256color tmux-256color xterm-256color " \
		    "screen vt100")
		left = n
		while (left > 0) {
			r = ri(1000)
			if (r < 200)
				emit("K " pick("Up Down Up Down Left Right PPage NPage Home End j k"))
			else if (r < 270)
				emit("K " tabs())
			else if (r < 330)
				emit("K Enter")
			else if (r < 380)
				emit("E")
			else if (r < 410)
				emit("K Space")
			else if (r < 560)
				emit("K " pick("a e d f F s S n N v i r E t w p m D V H C " \
				    "R X g x o b U c P + - u W ? y Y y n h l G"))
			else if (r < 565)
				emit("K q")
			else if (r < 600) {
				emit("K /")
				emit("L " words())
				emit("K " pick("Enter Enter n N BSpace Escape Down"))
			} else if (r < 640) {
				c = cmdline()
				gsub(":", " ", c)
				emit("K :")
				emit("L " c)
				if (ri(2))
					emit("K Tab")
				if (ri(3))
					emit("L " words())
				emit("K " pick("Enter Enter Tab BSpace C-u C-w Escape"))
			} else if (r < 700)
				emit("L " words())
			else if (r < 710)
				emit("L " long(100 + ri(1400)))
			else if (r < 714)
				emit("P " long(5000))
			else if (r < 770)
				emit("K " pick("C-c C-z C-l C-u C-w C-a C-e C-k C-d C-s " \
				    "C-p C-n C-f C-b C-g C-r C-v C-h C-o C-t C-y C-x " \
				    "C-q C-j C-m C-c C-z C-l"))
			else if (r < 800)
				emit("K " pick("F1 F2 F3 F4 F5 F6 F7 F8 F9 F10 F11 F12 " \
				    "DC IC BSpace BSpace Tab BTab"))
			else if (r < 840) {
				# An X10 mouse report: press or wheel, release.
				b = pick("0 0 0 64 65 1 2")
				x = ri(200); y = ri(60)
				emit(sprintf("H 1b 5b 4d %x %x %x", 32 + b, 33 + x, 33 + y))
				if (b < 64)
					emit(sprintf("H 1b 5b 4d %x %x %x", 35, 33 + x, 33 + y))
			} else if (r < 870) {
				k = ri(10)
				if (k < 2)
					emit("Z 20 5")
				else if (k < 4)
					emit("Z 250 80")
				else if (k < 6)
					emit("Z " pick("80 79 81 100") " " pick("24 23 25 30"))
				else
					emit("Z " (20 + ri(231)) " " (5 + ri(76)))
			} else if (r < 900)
				# A link that cuts an escape sequence, or sends
				# bytes that are no UTF-8 (a wrong charset).
				emit("H " pick("1b:5b 1b:5b:31:3b 1b:4f 1b:5b:4d 1b:5b:3c:30:3b " \
				    "1b:5b:32:30:30:7e c3 e4:b8 ed:a0:80 f4:90:80:80 c0:af " \
				    "ff fe 80 00 1b:1b 9b 1b:5b:39:39:39:39:39:39:39:41 " \
				    "e9:96:8b:e6 1b:5d:30:3b:78:07"))
			else if (r < 920)
				# Escape and the next key at once, as a slow
				# link brings them.
				emit("K Escape " pick("x a q : 1 Enter [ O Down Up " \
				    "Escape NPage Home F2"))
			else if (r < 985)
				emit("S " pick("20 50 100 200 400 800"))
			else if (r < 990)
				emit("X")
			else
				emit("C " pick("add-officer set-officer add-meeting " \
				    "set-case set-meeting undo delete-officer") " " (1 + ri(60)))
		}
	}' | sed 's/^\([A-Z]\) \(.*\)/\1	\2/; s/^\(H	.*\)/\1/' |
	    awk -F '\t' '$1 == "H" { gsub(":", " ", $2) } { print }' OFS='\t'
}

# monkey_cli WHAT N: another person's change through the command line,
# as what the generator asks (an id from 1 to 60; refusals are fine).
monkey_cli() {
	case $1 in
	add-officer)
		set -- add officer "name=猴子$2號" agency=MOI role=member \
		    function=it "email=monkey$2.$$@example.gov.tw" ;;
	set-officer) set -- set officer "$2" "phone=02-2345-67$(($2 % 90 + 10))" ;;
	add-meeting)
		set -- add meeting kind=work date=2026-12-15 status=planned \
		    "title=猴子會議$2" ;;
	set-case) set -- set case "115-0$(($2 % 9 + 1))" \
		"stage=$(echo 'selected working premeeting collaboration' |
		    awk -v i="$2" '{ print $(i % 4 + 1) }')" ;;
	set-meeting) set -- set meeting "$2" "title=改過的會議$2" ;;
	undo) set -- undo ;;
	delete-officer) set -- delete officer "$(($2 + 100))" ;;
	*) return 0 ;;
	esac
	timeout 30 env LANG=C.UTF-8 "$OGPO" --db "$DB" "$@" \
	    >>"$TMP/cli.out" 2>>"$TMP/cli.err" </dev/null
	_rc=$?
	# Refused is fine; killed or hung is not.
	if [ "$_rc" -ge 124 ]; then
		echo "ogpo $* ended with $_rc" >>"$TMP/cli.fail"
	fi
}

# monkey_start: ogpo in a new pane at the run's size; the sessions are
# numbered, as one that was quit is started again.
monkey_start() {
	_nstart=$((_nstart + 1))
	if [ "$m_keymap" = default ]; then
		tui_start "m$_nstart" "$m_cols" "$m_rows" >>"$TMP/tap"
	else
		tui_start "m$_nstart" "$m_cols" "$m_rows" \
		    --keymap "$TOP/keymaps/$m_keymap.keymap" \
		    >>"$TMP/tap"
	fi
	_errs="$_errs $TMP/m$_nstart.err"
	m_pid=$(tui_pid)
	tail -n 1 "$TMP/tap" | grep -q '^not ok' &&
	    m_fail="ogpo did not start (session $_nstart)"
	return 0
}

# monkey_gone: 0 once ogpo has ended, its status in $_rc. A key sent as
# it left (C-c, once the terminal is the shell's again) may end the
# launcher before it writes the status: then $_rc is 0, as it is the
# person's own doing, and a sanitizer report is still in stderr.
monkey_gone() {
	kill -0 "$m_pid" 2>/dev/null && return 1
	poll 2 is_dead
	_rc=$(cat "$TMP/$TUI_S.rc" 2>/dev/null)
	_rc=${_rc:-0}
	return 0
}

# monkey_unread: 0 once ogpo has read every byte sent to its terminal
# (FIONREAD on the pane's tty is 0): keys still queued behind a slow
# moment (the lock another process holds) are not a screen at rest.
monkey_unread() {
	/usr/bin/python3 -c 'import fcntl, os, struct, sys, termios
fd = os.open(sys.argv[1], os.O_RDONLY | os.O_NOCTTY | os.O_NONBLOCK)
n = struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"0000"))[0]
sys.exit(n != 0)' "$(tx display -p -t "$TUI_S" '#{pane_tty}')" 2>/dev/null
}

# monkey_settle: the screen, once every key is read and two captures
# 300 ms apart agree (at most 5 s), into $1.
monkey_settle() {
	_i=0
	poll 10 monkey_unread
	tx capture-pane -p -t "$TUI_S" >"$1"
	while [ $_i -lt 16 ]; do
		sleep 0.3
		tx capture-pane -p -t "$TUI_S" >"$1.2"
		cmp -s "$1" "$1.2" && return 0
		mv "$1.2" "$1"
		_i=$((_i + 1))
	done
	return 1
}

# monkey_play FILE: play one list of actions; the cause of a failure in
# $m_fail (one short phrase, the same for the same defect, so that a
# shrink keeps to it), nothing when all went well.
monkey_play() {
	m_fail=
	_nstart=0
	_errs=
	m_lang=C.UTF-8 m_keymap=default m_mouse=off m_cols=80 m_rows=24 m_end=quit
	m_writer=off _hup=0 m_term=tmux-256color
	while IFS= read -r _l; do
		case $_l in
		=lang\ *) m_lang=${_l#=lang } ;;
		=keymap\ *) m_keymap=${_l#=keymap } ;;
		=mouse\ *) m_mouse=${_l#=mouse } ;;
		=size\ *) _s=${_l#=size }; m_cols=${_s%x*} m_rows=${_s#*x} ;;
		=end\ *) m_end=${_l#=end } ;;
		=writer\ *) m_writer=${_l#=writer } ;;
		=term\ *) m_term=${_l#=term } ;;
		esac
	done <"$1"
	# Each play from the same start: the demo data, no drafts, and an
	# empty folder to export into.
	rm -rf "$DB" "$TMP"/m*.err "$TMP"/m*.rc "$TMP"/cli.* "$TMP/state" \
	    "$TMP/work" "$TMP/garble"
	mkdir "$TMP/work"
	cp -a "$TMP/demo" "$DB"
	mkdir -p "$XDG_CONFIG_HOME/ogpo"
	echo "mouse = $m_mouse" >"$XDG_CONFIG_HOME/ogpo/config"
	TUI_LANG=$m_lang
	TUI_TERM=$m_term
	infocmp "$TUI_TERM" >/dev/null 2>&1 || TUI_TERM=screen-256color
	case $m_lang in zh*) TUI_READY='1 機關' ;; *) TUI_READY='1 Agencies' ;; esac
	# Every session keeps its drafts in one place, so that the next one
	# started (after a q) is offered them.
	TUI_ENV="'XDG_STATE_HOME=$TMP/state'"
	cd "$TMP/work" || exit 1
	monkey_start
	_c=$m_cols _r=$m_rows
	# Another person at work meanwhile: a change every few tenths of a
	# second, whatever the keys do (this part is not the seed's).
	_wpid=
	if [ "$m_writer" = on ]; then
		( _w=0; while [ -d "$TMP/work" ] && [ ! -e "$TMP/writer.stop" ]; do
			_w=$((_w + 1))
			monkey_cli "$(echo add-officer set-officer add-meeting \
			    set-case set-meeting set-officer |
			    awk -v i="$_w" '{ print $(i % NF + 1) }')" \
			    "$((_w % 60 + 1))"
			sleep 0.3
		done ) &
		_wpid=$!
	fi
	[ -n "$m_fail" ] && : >"$TMP/none" && set -- "$TMP/none"
	while IFS= read -r _l; do
		if monkey_gone; then
			# Quit by a key, or the link dropped (X): 0 or 128 + 1.
			if [ "$_rc" != 0 ] && { [ "$_rc" != 129 ] ||
			    [ "$_hup" != 1 ]; }; then
				m_fail="ogpo ended with status $_rc"
				break
			fi
			# A person starts it again.
			_hup=0
			tx kill-session -t "$TUI_S" 2>/dev/null
			m_cols=$_c m_rows=$_r
			[ "$m_cols" -ge 80 ] && [ "$m_rows" -ge 24 ] ||
			    m_cols=80 m_rows=24
			_c=$m_cols _r=$m_rows
			monkey_start
			[ -n "$m_fail" ] && break
		fi
		case $_l in
		"K	"*) set -f; keys ${_l#K	}; set +f ;;
		"L	"*) text "${_l#L	}" ;;
		"P	"*)
			printf %s "${_l#P	}" >"$TMP/paste"
			tx load-buffer -b monkey "$TMP/paste"
			tx paste-buffer -b monkey -t "$TUI_S" ;;
		"H	"*) set -f; tx send-keys -t "$TUI_S" -H ${_l#H	}; set +f ;;
		E) esc ;;
		X) _hup=1
			kill -HUP "$m_pid" 2>/dev/null || continue	# gone
			poll 10 monkey_gone ||
			    { m_fail="SIGHUP did not end ogpo"; break; } ;;
		"Z	"*) set -- ${_l#Z	}; _c=$1 _r=$2
			tx resize-window -t "$TUI_S" -x "$1" -y "$2" ;;
		"S	"*) sleep "$(awk -v m="${_l#S	}" 'BEGIN { print m / 1000 }')" ;;
		"C	"*) set -- ${_l#C	}; monkey_cli "$1" "$2" ;;
		esac
	done <"$1"
	cd "$TOP" || exit 1
	if [ -n "$_wpid" ]; then
		: >"$TMP/writer.stop"
		wait "$_wpid"
		rm -f "$TMP/writer.stop"
	fi
	[ -n "$m_fail" ] || monkey_check
	screen
	cp "$SCR" "$TMP/last.screen"
	# Whatever happened, the pane goes.
	_pid=$(tui_pid)
	is_dead || { [ -n "$_pid" ] && kill -9 "$_pid" 2>/dev/null; }
	tx kill-session -t "$TUI_S" 2>/dev/null
	for _e in $_errs; do
		[ -n "$m_fail" ] && break
		grep -qE '(Address|Leak|Thread|UndefinedBehavior)Sanitizer|runtime error:' \
		    "$_e" 2>/dev/null &&
		    m_fail="sanitizer: $(grep -m1 -oE 'ERROR: [A-Za-z]+Sanitizer: [a-z-]+|runtime error: [a-z ]+' "$_e")"
	done
	if [ -z "$m_fail" ] && grep -qE 'Sanitizer|runtime error:' \
	    "$TMP/cli.err" 2>/dev/null; then
		m_fail="sanitizer in the command line"
	fi
	[ -z "$m_fail" ] && [ -s "$TMP/cli.fail" ] &&
	    m_fail="command line: $(head -1 "$TMP/cli.fail")"
	if [ -z "$m_fail" ] && ! "$OGPO" --db "$DB" verify \
	    >"$TMP/verify" 2>&1; then
		m_fail="ogpo verify: $(head -1 "$TMP/verify")"
	fi
}

# monkey_check: after the actions, ogpo answers, draws what it means to,
# and leaves as it should.
monkey_check() {
	if monkey_gone; then
		[ "$_rc" = 0 ] || m_fail="ogpo ended with status $_rc"
		return
	fi
	# What curses thinks is on the screen is on it: a redraw of the
	# whole screen, as the keys left it, changes nothing.
	if monkey_settle "$TMP/before"; then
		keys C-l
		if monkey_settle "$TMP/after" &&
		    ! cmp -s "$TMP/before" "$TMP/after"; then
			# The status line may answer the key itself.
			if ! cmp -s "$(sed '$d' "$TMP/before" >"$TMP/b1"; echo "$TMP/b1")" \
			    "$(sed '$d' "$TMP/after" >"$TMP/a1"; echo "$TMP/a1")"; then
				m_fail="the screen was not what curses drew"
				cat "$TMP/before" - "$TMP/after" >"$TMP/garble" \
				    <<-EOF
				-- after C-l --
				EOF
				return
			fi
		fi
	fi
	# Still answering: a resize is drawn, in any view.
	tx resize-window -t "$TUI_S" -x 60 -y 20
	if ! poll 15 has_small; then
		m_fail="no redraw after a resize (hung?)"
		return
	fi
	tx resize-window -t "$TUI_S" -x 100 -y 30
	if ! poll 15 has_big; then
		m_fail="no redraw after a resize back (hung?)"
		return
	fi
	# Every key typed arrives, in order: back on the first tab, a search.
	monkey_escape
	keys 1
	sleep 0.3
	keys /
	text "猴子Zq9x測"
	if ! poll 10 has_probe; then
		m_fail="typed text did not show whole"
		return
	fi
	esc
	if [ "$m_end" = hup ]; then
		# The link drops: SIGHUP ends it, 128 + 1.
		kill -HUP "$(tui_pid)"
		if ! wait_exit 10; then
			m_fail="SIGHUP did not end ogpo"
		elif [ "$TUI_STATUS" != 129 ]; then
			m_fail="ogpo ended with status $TUI_STATUS on SIGHUP"
		fi
		return
	fi
	for _t in 1 2 3; do
		monkey_escape
		keys q
		wait_exit 3 && break
	done
	if ! is_dead; then
		m_fail="Escape and q did not end ogpo"
		return
	fi
	TUI_STATUS=$(cat "$TMP/$TUI_S.rc")
	[ "$TUI_STATUS" = 0 ] || m_fail="ogpo ended with status $TUI_STATUS on q"
}
# monkey_escape: Escape out of what is open, one at a time (a picker's
# first Escape clears what was typed to find), yes to throwing away what
# a form holds, as a person leaving would.
monkey_escape() {
	for _e in 1 2 3 4 5 6 7 8; do
		esc
		screen
		grep -qE 'Throw away what you typed|捨棄您在此表單輸入' "$SCR" &&
		    keys y
	done
}
has_probe() { grep -qF '猴子Zq9x測' "$SCR"; }
has_small() { grep -qE 'terminal too small|終端機太小' "$SCR"; }
has_big() { ! has_small && [ -n "$(tr -d ' \n' <"$SCR")" ]; }

# monkey_keep NAME FILE: a failing list and what it left, in $MONKEY_OUT.
monkey_keep() {
	mkdir -p "$MONKEY_OUT"
	cp "$2" "$MONKEY_OUT/$1.keys"
	cp "$TMP/last.screen" "$MONKEY_OUT/$1.screen" 2>/dev/null
	cat $_errs "$TMP/cli.err" >"$MONKEY_OUT/$1.err" 2>/dev/null
	echo "$m_fail" >"$MONKEY_OUT/$1.why"
	[ -f "$TMP/garble" ] && cp "$TMP/garble" "$MONKEY_OUT/$1.garble"
	return 0
}

# monkey_shrink FILE: drop chunks of actions, halving the chunk, while
# the same failure stays; FILE.min is the shortest list that still fails.
monkey_shrink() {
	grep '^=' "$1" >"$TMP/head"
	grep -v '^=' "$1" >"$TMP/body"
	monkey_play "$1"
	want=$m_fail
	if [ -z "$want" ]; then
		echo "# $1 does not fail here"
		return 1
	fi
	echo "# failure: $want ($(wc -l <"$TMP/body") actions)"
	n=$(wc -l <"$TMP/body")
	chunk=$(( (n + 1) / 2 ))
	while [ "$chunk" -ge 1 ]; do
		i=1
		while [ "$i" -le "$(wc -l <"$TMP/body")" ]; do
			sed "$i,$((i + chunk - 1))d" "$TMP/body" >"$TMP/try.body"
			cat "$TMP/head" "$TMP/try.body" >"$TMP/try"
			monkey_play "$TMP/try"
			if [ "$m_fail" = "$want" ]; then
				mv "$TMP/try.body" "$TMP/body"
				cat "$TMP/head" "$TMP/body" >"$1.min"
				echo "# $(wc -l <"$TMP/body") actions still fail"
			else
				i=$((i + chunk))
			fi
		done
		chunk=$((chunk / 2))
	done
	cat "$TMP/head" "$TMP/body" >"$1.min"
	echo "# shortest: $1.min ($(wc -l <"$TMP/body") actions)"
}

"$OGPO" --db "$TMP/demo" init --demo >/dev/null 2>&1 ||
    { not_ok "init --demo"; exit 1; }

case $mode in
replay)
	monkey_play "$MONKEY_FILE"
	if [ -z "$m_fail" ]; then ok "$MONKEY_FILE"; else
		not_ok "$MONKEY_FILE: $m_fail"
		monkey_keep "$(basename "$MONKEY_FILE" .keys).replay" \
		    "$MONKEY_FILE"
	fi ;;
shrink)
	monkey_shrink "$MONKEY_FILE" ;;
run)
	for seed in "$@"; do
		monkey_gen "$seed" "$MONKEY_N" >"$TMP/seed.keys"
		t0=$(now_ms)
		monkey_play "$TMP/seed.keys"
		took=$(( ($(now_ms) - t0) / 1000 ))
		if [ -z "$m_fail" ]; then
			ok "seed $seed: $MONKEY_N actions, $_nstart" \
			    "session(s), $(wc -l <"$TMP/cli.out" 2>/dev/null ||
			    echo 0) change(s) meanwhile, ${took} s"
		else
			not_ok "seed $seed: $m_fail (kept as" \
			    "$MONKEY_OUT/monkey-$seed.keys)"
			monkey_keep "monkey-$seed" "$TMP/seed.keys"
		fi
	done ;;
esac
tx kill-server 2>/dev/null
[ "$failures" -eq 0 ]
