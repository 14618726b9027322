#!/bin/sh
# test_doc.sh — the manual page and the completion cannot drift from the
# program: doc/ogpo.1 formats without a warning and renders with man;
# every command of main.c's table, every long option of each command's
# getopt table, every option its --help names, every setting and every
# environment variable the code reads is in the page; every long option
# is offered by completion/ogpo.bash; make install puts the page and the
# completion where man and bash look.
#
#   OGPO=./ogpo sh tests/cli/test_doc.sh
. "$(dirname "$0")/../lib.sh"

PAGE=doc/ogpo.1
COMPLETION=completion/ogpo.bash
# The page as text to search: roff's \- is a plain hyphen.
sed 's/\\-/-/g' "$PAGE" >"$TMP/page"

groff -ww -man -Tutf8 "$PAGE" >/dev/null 2>"$TMP/warn"
check "groff -ww formats the page without a warning" test ! -s "$TMP/warn"
sed 's/^/#   /' "$TMP/warn" | head -10
MANPAGER=cat MANWIDTH=80 man -l "$PAGE" >"$TMP/man" 2>"$TMP/man.err"
contains "man -l renders the page" "$TMP/man" "EXIT STATUS"
contains "with the commands" "$TMP/man" "ogpo import officers|agencies FILE"
lacks "man says nothing wrong" "$TMP/man.err" "warning"
# No font letter left in the text: a request written as .B words with
# the \fR and \fB they needed left out once printed "training --agency
# CODR,Brewards --agency CODE".
stray=$(grep -E '[,.;:][BIR][a-z]' "$TMP/man" | head -1)
check "no stray font letter in the rendered page (,Bword)" test -z "$stray"
[ -z "$stray" ] || echo "#   $stray"

# The commands of main.c's table, by the names they answer to.
cmds=$(sed -n 's/^[[:space:]]*&cmd_\([a-z_]*\)_entry,$/\1/p' src/main.c)
check "main.c's table has commands" test -n "$cmds"
for c in $cmds; do
	file=src/cmd/cmd-$c.c
	name=$(sed -n 's/^[[:space:]]*\.name = "\([^"]*\)",$/\1/p' "$file")
	if grep -q "^\.SS \"ogpo $name" "$TMP/page"; then
		ok "the page has a section on ogpo $name"
	else
		not_ok "the page has a section on ogpo $name"
	fi
	"$OGPO" "$name" --help >"$TMP/help" 2>&1
	check "ogpo $name --help exits 0" test $? -eq 0
	# Every long option of its getopt table.
	for o in $(grep -o '{ "[a-z0-9-]*", *[a-z]*_argument' "$file" |
	    sed 's/{ "\([^"]*\)".*/\1/'); do
		[ "$o" = help ] && continue
		if grep -q -- "--$o\\b" "$TMP/page"; then
			ok "the page names ogpo $name --$o"
		else
			not_ok "the page names ogpo $name --$o"
		fi
		if grep -q -- "--$o\\b" "$COMPLETION"; then
			ok "the completion offers ogpo $name --$o"
		else
			not_ok "the completion offers ogpo $name --$o"
		fi
		contains "ogpo $name --help names --$o" "$TMP/help" "--$o"
	done
	# Every option its --help names.
	for o in $(grep -o -- '--[a-z][a-z0-9-]*' "$TMP/help" | sort -u); do
		if grep -q -- "$o\\b" "$TMP/page"; then
			ok "the page names $o of ogpo $name --help"
		else
			not_ok "the page names $o of ogpo $name --help"
		fi
	done
	# And the completion knows the command.
	if grep -q "\\b$name\\b" "$COMPLETION"; then
		ok "the completion knows ogpo $name"
	else
		not_ok "the completion knows ogpo $name"
	fi
done

# The global options of ogpo --help.
"$OGPO" --help >"$TMP/help"
for o in $(grep -o -- '--[a-z][a-z0-9-]*' "$TMP/help" | sort -u); do
	if grep -q -- "^\\.[A-Z]*.*$o\\b" "$TMP/page"; then
		ok "the page names the global option $o"
	else
		not_ok "the page names the global option $o"
	fi
done

# Every setting, as --print-config lists them.
for k in $(OGPO_SYSCONF=/dev/null XDG_CONFIG_HOME=$TMP/none \
    "$OGPO" --print-config | sed -n 's/^#* *\([a-z_.]*\) =.*/\1/p'); do
	if grep -q "^\\.B $k = " "$TMP/page"; then
		ok "the page describes the setting $k"
	else
		not_ok "the page describes the setting $k"
	fi
done

# Every environment variable the code reads.
for v in $(grep -oh 'getenv("[A-Z_]*")' src/*.c src/*/*.c |
    sed 's/getenv("\(.*\)")/\1/' | sort -u); do
	if sed -n '/^\.SH ENVIRONMENT/,/^\.SH FILES/p' "$TMP/page" |
	    grep -q "^\\.BR* $v\\b"; then
		ok "the page's ENVIRONMENT has $v"
	else
		not_ok "the page's ENVIRONMENT has $v"
	fi
done

# The exit statuses of cmd.h.
for s in $(sed -n 's/^#define CMD_[A-Z]*[[:space:]]*\([0-9]\).*/\1/p' \
    include/ogpo/cmd.h); do
	if sed -n '/^\.SH EXIT STATUS/,/^\.SH /p' "$TMP/page" |
	    grep -q "^\\.B $s\$"; then
		ok "the page's EXIT STATUS has $s"
	else
		not_ok "the page's EXIT STATUS has $s"
	fi
done

# make install, under DESTDIR, with another PREFIX.
make --no-print-directory -s install DESTDIR="$TMP/dest" PREFIX=/usr \
    >"$TMP/install" 2>&1
check "make install DESTDIR=… PREFIX=/usr works" test $? -eq 0
check "it installs the page in share/man/man1" \
    cmp -s "$PAGE" "$TMP/dest/usr/share/man/man1/ogpo.1"
check "it installs the completion where bash-completion looks" \
    cmp -s "$COMPLETION" "$TMP/dest/usr/share/bash-completion/completions/ogpo"
check "and the program" test -x "$TMP/dest/usr/bin/ogpo"
