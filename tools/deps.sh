#!/bin/sh
# deps.sh [fuzz] — install the Debian packages ogpo needs to build and
# test (and, with fuzz, to fuzz), when any is missing: with apt-get as
# root, with sudo otherwise; if neither can be done, print the exact
# command and fail.
set -u

PKGS="build-essential pkg-config libncurses-dev liblmdb-dev lmdb-utils
libcsv-dev libcbor-dev libcmocka-dev nettle-dev tmux gettext locales sqlite3
groff-base man-db"
# `make fuzz` also needs clang and its fuzzer runtime (deps.sh fuzz).
[ "${1:-}" = fuzz ] && PKGS="$PKGS clang libclang-rt-dev"

missing=
for p in $PKGS; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
	case "$status" in
	*" installed") ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0

echo "ogpo needs these Debian packages:$missing" >&2
cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y$missing"
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
