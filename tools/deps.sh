#!/bin/sh
# deps.sh [bench] — install the Debian packages ogpo needs to build and test,
# when any is missing, and generate the zh_TW.UTF-8 locale the Chinese
# screen tests run in when the system lacks it: with apt-get and localedef
# as root, with sudo otherwise; if neither can be done, print the exact
# command and fail. make test fuzzes too, so clang and its fuzzer runtime
# (libclang_rt.fuzzer, in libclang-rt-dev) are among them; lmdb-utils
# gives mdb_stat for the crash tests.
set -u

# openssh-server and -client: the attack tier logs staff in over real SSH.
# unicode-data and bzip2: the tables of ambiguous widths and stroke
# counts are made from Unicode's files at build time (tools/unicode.sh).
# Spreadsheets: libxlsxwriter writes .xlsx, libzip and expat read .xlsx
# and .ods and write .ods. LibreOffice (without its windows, driven from Python), poppler's
# pdftoppm and pdftotext, and a Traditional Chinese font are the other
# end the tests open files with, convert them through and print.
PKGS="build-essential pkg-config libncurses-dev liblmdb-dev lmdb-utils
libcsv-dev libcbor-dev libcmocka-dev nettle-dev tmux gettext locales sqlite3
groff-base man-db unicode-data bzip2 clang libclang-rt-dev procps
openssh-server openssh-client
libxlsxwriter-dev libzip-dev libexpat1-dev libreoffice-calc-nogui
python3-uno poppler-utils fonts-arphic-uming"
# `deps.sh bench` (make bench): also the programs the benchmarks measure
# ogpo against. abook: a curses address book, the peer for moving and
# searching in a long list.
[ "${1:-}" = bench ] && PKGS="$PKGS abook"

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
if ! locale -a 2>/dev/null | grep -qix 'zh_TW\.utf-\{0,1\}8'; then
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
