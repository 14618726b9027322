#!/bin/sh
# deps.sh [run|test|bench] [--list] — install the Debian packages ogpo
# needs, when any is missing: with apt-get as root, with sudo otherwise;
# if neither can be done, print the exact command and fail. --list prints
# the set's packages, one a line, and installs nothing.
#
#   run    what building and running ogpo needs (make run; the default)
#   test   that and the test tools (make test, make fuzz): cmocka, tmux,
#          clang and its fuzzer runtime, LibreOffice, and the zh_TW.UTF-8
#          locale the Chinese screen tests run in
#   bench  that and the programs the benchmarks measure ogpo against
set -u

set_=${1:-run}
list=
[ "${2:-}" = --list ] && list=1

# To build and run: the compiler, the libraries, gettext's msgfmt for the
# translations, and unicode-data and bzip2, from whose files the tables of
# ambiguous widths and stroke counts are made at build time
# (tools/unicode.sh). Spreadsheets: libxlsxwriter writes .xlsx, libzip and
# expat read .xlsx and .ods and write .ods.
RUN="build-essential pkg-config libncurses-dev liblmdb-dev libcsv-dev
libcbor-dev nettle-dev gettext unicode-data bzip2
libxlsxwriter-dev libzip-dev libexpat1-dev"
# To test: cmocka for the unit tests, tmux drives the screen tests,
# lmdb-utils gives mdb_stat for the crash tests, clang and libclang-rt-dev
# (libclang_rt.fuzzer) fuzz, groff and man-db check the manual page,
# sqlite3 is the peer of the import benchmarks' checks, openssh-server and
# -client log staff in over real SSH in the attack tier. LibreOffice
# (without its windows, driven from Python), poppler's pdftoppm and
# pdftotext, and a Traditional Chinese font are the other end the tests
# open files with, convert them through and print.
TEST="libcmocka-dev tmux locales lmdb-utils sqlite3 groff-base man-db clang
libclang-rt-dev procps openssh-server openssh-client libreoffice-calc-nogui
python3-uno poppler-utils fonts-arphic-uming"
# abook: a curses address book, the peer for moving and searching in a
# long list.
BENCH="abook"

locale=
case "$set_" in
run) PKGS=$RUN ;;
test) PKGS="$RUN $TEST"; locale=1 ;;
bench) PKGS="$RUN $TEST $BENCH"; locale=1 ;;
*)
	echo "usage: deps.sh [run|test|bench] [--list]" >&2
	exit 2
	;;
esac
if [ -n "$list" ]; then
	for p in $PKGS; do echo "$p"; done
	exit 0
fi

missing=
for p in $PKGS; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
	case "$status" in
	*" installed") ;;
	*) missing="$missing $p" ;;
	esac
done
cmd=
[ -n "$missing" ] && cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y$missing"
# locale -a spells it zh_TW.utf8.
if [ -n "$locale" ] &&
    ! locale -a 2>/dev/null | grep -qix 'zh_TW\.utf-\{0,1\}8'; then
	gen="localedef -i zh_TW -f UTF-8 zh_TW.UTF-8"
	cmd="${cmd:+$cmd && }$gen"
	missing="$missing (and the zh_TW.UTF-8 locale)"
fi
[ -z "$cmd" ] && exit 0

echo "ogpo needs:$missing" >&2
if [ "$(id -u)" = 0 ]; then
	sh -c "$cmd" || exit 1
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo sh -c "$cmd" || exit 1
elif command -v sudo >/dev/null 2>&1 && [ -t 0 ]; then
	sudo sh -c "$cmd" || exit 1
else
	echo "Install them with:" >&2
	echo "  sudo sh -c '$cmd'" >&2
	exit 1
fi
