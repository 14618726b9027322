#!/bin/sh
# test_lang.sh — one language at a time. The day of test_day.sh (a meeting
# planned, its invitees, the roll call with a proxy, the meeting marked
# held, the month's attendance and a sign-in sheet written, a PO handing
# over to the alternate, the audit trail and the compliance findings read)
# walked by keys alone at 80x24 and 120x40, in Traditional Chinese and in
# English, every screen kept; and the CLI's messages for the same kinds of
# work, in both languages. Then every screen and message is read for words
# of the other language that the program chose: on a Chinese screen, an
# ASCII word of two letters or more that is not the data's (names, codes,
# e-mail addresses), a key, a file or an option; ASCII punctuation right
# after a Chinese character; on an English screen, any Chinese character
# that is not the data's.
. tests/lib.sh
. tests/tui/tui-lib.sh

export OGPO_NOW="2026-03-16 14:30:00"
OUT=$TMP/seen
mkdir -p "$OUT" "$TMP/desk"
# The files the day writes land in the test's own directory.
cd "$TMP/desk" || exit 1

# snap LABEL: wait for the screen to settle, then keep it under LABEL.
snap() {
	_prev=
	_end=$(( $(now_ms) + 3000 ))
	while :; do
		sleep 0.15
		screen
		_cur=$(cat "$SCR")
		[ "$_cur" = "$_prev" ] && break
		[ "$(now_ms)" -ge "$_end" ] && break
		_prev=$_cur
	done
	{ echo "=== $TUI_LANG ${SIZE}: $1"; cat "$SCR"; } >>"$OUT/screens.$LG"
}

# The day, by keys: the same keys in either language.
day() {
	LG=$1 SIZE=$2x$3
	rm -rf "$DB"
	demo_db
	moi=$("$OGPO" --db "$DB" list officers --agency MOI --tsv)
	po=$(echo "$moi" | awk -F '\t' '$7 == "po" && $16 == "" { print $5; exit }')
	alt=$(echo "$moi" | awk -F '\t' '$7 == "alternate" && $16 == "" { print $5; exit }')
	tui_start "lang-$LG-$2" "$2" "$3"
	for tab in 1 2 3 4 5 6 7; do
		keys "$tab"
		snap "tab $tab"
	done
	# Plan a meeting; its invitees; the roll call.
	keys 3 a
	snap "a new meeting"
	keys Tab
	text 2026年3月工作推動會議
	keys Tab C-u
	text 2026-03-16
	keys C-s
	snap "point 7's invitees"
	keys Enter
	snap "the sheet"
	keys p
	snap "marked present"
	keys x
	snap "who came in their place"
	text 代理人乙
	keys Enter
	snap "by proxy"
	keys u
	snap "back to invited"
	esc
	snap "closing the sheet"
	keys y
	snap "held"
	keys x
	snap "which month"
	keys Enter
	snap "which file"
	keys Enter
	snap "written"
	keys S
	snap "the sign-in sheet's file"
	keys Enter
	snap "the sign-in sheet written"
	keys Space
	snap "the meeting's detail"
	esc
	# The PO hands over.
	keys 2 /
	text "$po"
	keys Enter
	snap "the PO found"
	keys Space
	snap "the officer's detail"
	esc
	keys E
	snap "the last day"
	keys C-u
	text 2026-03-20
	keys Enter
	snap "who takes over"
	text "$alt"
	keys Enter
	snap "the change before saving"
	keys y
	snap "saved"
	keys e
	snap "the edit form"
	esc
	# What the records say.
	keys 6
	snap "the audit trail"
	keys Enter
	snap "a change"
	esc
	keys 5
	snap "the findings"
	keys Space
	snap "a finding"
	esc
	keys 4
	snap "the issues"
	keys Space
	snap "an issue"
	esc
	tui_stop
	data
}

# The data's own words: every record's text, as the CLI lists it (no
# header), and each month's attendance (the proxies' names), gathered from
# each database the run used.
data() {
	for k in agencies officers meetings cases progress training rewards \
	    resolutions; do
		"$OGPO" --db "$DB" list "$k" --tsv | sed 1d
	done >>"$OUT/data"
	# The topic votes' titles and their candidates' (audit names them).
	for v in $("$OGPO" --db "$DB" vote list | awk 'NR > 1 { print $1 }'); do
		"$OGPO" --db "$DB" vote tally "$v"
	done >>"$OUT/data"
	"$OGPO" --db "$DB" vote list >>"$OUT/data"
	for m in 2025-05 2025-06 2025-07 2025-08 2025-09 2025-10 2025-11 \
	    2025-12 2026-01 2026-02 2026-03 2026-04 2026-05 2026-06 2026-07 \
	    2026-08 2026-09 2026-10 2026-11 2026-12 2027-01 2027-02; do
		"$OGPO" --db "$DB" export attendance --month $m 2>/dev/null |
		    sed 1d
	done >>"$OUT/data"
}

# The CLI's messages for a day's kinds of work, in language $1.
cli() {
	LG=$1
	rm -rf "$DB"
	demo_db
	o() { LANG=$LG LC_ALL=$LG "$OGPO" --db "$DB" "$@" >>"$OUT/cli.$LG" 2>&1; }
	o add officer name=王小明 agency=MOI role=po email=wang@example.gov.tw
	o add issue title=測試議題 lead=MOI
	o add agency code=TST name=測試機關 level=2 parent=EY
	o set officer 5 title=科員
	o set officer 5 title=科員
	o set officer 99999 title=科員
	o add officer name=王小明 agency=MOI role=po email=not-an-address
	o export attendance --month 2026-02 -o "$TMP/a-$LG.csv"
	o export attendance --month 2026-02 -o "$TMP/a-$LG.ods"
	o export attendance --month 2026-13 -o "$TMP/b-$LG.csv"
	o check
	o audit --limit 5
	o list training
	o list issues
	o verify
	printf '姓名,機關,角色,電子郵件\n甲,內政部,聯絡人,a@example.gov.tw\n乙,不存在部,聯絡人,b@example.gov.tw\n' \
	    >"$TMP/in-$LG.csv"
	o import officers "$TMP/in-$LG.csv"
	o import officers "$TMP/in-$LG.csv" --skip-bad
	cat "$TMP/in-$LG.csv" >>"$OUT/data"
	data
}

TUI_LANG=zh_TW.UTF-8 TUI_READY='1 機關'
day zh 80 24
day zh 120 40
TUI_LANG=C.UTF-8 TUI_READY='1 Agencies'
day en 80 24
day en 120 40
cli zh_TW.UTF-8
cli C.UTF-8
mv "$OUT/cli.zh_TW.UTF-8" "$OUT/cli.zh"
mv "$OUT/cli.C.UTF-8" "$OUT/cli.en"

# scan LANG FILE: the other language's words in FILE, one a line, with
# the line they are on; the data's words and the program's own name,
# keys, files and options are not counted.
scan() {
	perl -CSD -Mutf8 -e '
	my ($lang, $datafile, $file) = @ARGV;
	open my $d, "<:utf8", $datafile or die;
	my $data = do { local $/; <$d> };
	my @words = ($data =~ /([A-Za-z]{2,})/g);
	my %ascii = map { $_ => 1 } @words;
	# Keys, file kinds, encodings and the program: the same in either
	# language.
	$ascii{$_} = 1 for qw(ogpo Esc Enter Tab Space Home End PgUp PgDn
	    Shift Ctrl Alt Del Backspace Up Down Left Right YYYY YYY MM DD
	    ods xlsx csv CSV ODS TSV tsv UTF utf Big);
	my $han = qr/[\x{3400}-\x{9fff}\x{f900}-\x{faff}]/;
	my $cjk = qr/[\x{3400}-\x{9fff}\x{f900}-\x{faff}\x{3000}-\x{303f}\x{ff01}-\x{ff5e}]+/;
	my @runs = ($data =~ /($cjk)/g);
	my %cjk = map { $_ => 1 } @runs;
	my $box = qr/[│─┌┐└┘├┤┬┴┼]/;
	# A piece of a data word where the screen cuts it: at the start of a
	# line or at the edge of a window, or before a "…", an edge or the
	# end of the line.
	sub cut {
		my ($t, $w, $b, $list) = @_;
		my $after = substr($$t, pos($$t));
		my $copy = $$t;		# a match on $$t would reset its pos
		my $wide = () = $copy =~ /[\p{Ea=W}\p{Ea=F}]/g;
		my $full = length($$t) + $wide >= 78;	# as wide as the screen
		return 0 unless $b =~ /^$|$box/ || $after =~ /^(?:…|\s*$box)/ ||
		    ($full && $after =~ /^\s*$/);
		return scalar grep { index($_, $w) >= 0 } @$list;
	}
	open my $f, "<:utf8", $file or die;
	my $where = "";
	while (my $l = <$f>) {
		chomp $l;
		if ($l =~ /^=== (.*)/) { $where = $1; next; }
		my $t = $l;
		$t =~ s/($box) /$1/g;	# the margin inside the edge of a window
		if ($lang eq "zh") {
			$t =~ s{ogpo\b.*?(?=[，。；）」：]|$)}{ }g;	# commands
			$t =~ s{「[^」]*」}{ }g;			# quoted data
			$t =~ s{\S*/\S*}{ }g;			# paths
			$t =~ s{--[\w-]+}{ }g;			# options
			$t =~ s{\S+=\S*}{ }g;			# field=value
			$t =~ s{\S+@\S+}{ }g;			# e-mail
			$t =~ s{\S+\.(?:ods|xlsx|csv)\b}{ }g;	# files
			while ($t =~ /(^|.)([A-Za-z]{2,})/g) {
				my ($b, $w) = ($1, $2);
				next if $ascii{$w} || cut(\$t, $w, $b, \@words);
				print "$where: English word \x27$w\x27 in: $l\n";
			}
			while ($l =~ /($han[:;,.!?])/g) {
				next if index($data, $1) >= 0;
				print "$where: ASCII punctuation \x27$1\x27 in: $l\n";
			}
		} else {
			$t =~ s{\x27[^\x27]*\x27}{ }g;		# quoted data
			while ($t =~ /(^|.)($cjk)/g) {
				my ($b, $w) = ($1, $2);
				next if $cjk{$w} || cut(\$t, $w, $b, \@runs);
				print "$where: Chinese \x27$w\x27 in: $l\n";
			}
		}
	}' "$1" "$OUT/data" "$2" | sort -u
}

for lg in zh en; do
	for f in screens cli; do
		scan $lg "$OUT/$f.$lg" >"$TMP/other.$f.$lg"
		n=$(wc -l <"$TMP/other.$f.$lg")
		if [ "$n" -eq 0 ]; then
			ok "$lg $f: no word of the other language outside the data"
		else
			not_ok "$lg $f: $n lines with a word of the other language"
			sed 's/^/#   /' "$TMP/other.$f.$lg" | head -60
		fi
	done
	check "$lg: the screens were kept" test -s "$OUT/screens.$lg"
done
tui_done
