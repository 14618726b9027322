#!/bin/sh
# test_firstrun.sh — what a new user meets first: make run installs only
# what builds and runs ogpo (tools/deps.sh run), make test and make fuzz
# the test tools too; the README names both commands and every header an
# import reads; ogpo init speaks the user's language throughout.
#
#   OGPO=./ogpo sh tests/cli/test_firstrun.sh
. "$(dirname "$0")/../lib.sh"

sh tools/deps.sh run --list >"$TMP/run"
sh tools/deps.sh test --list >"$TMP/test"
sh tools/deps.sh bench --list >"$TMP/bench"
contains "the run set builds the program" "$TMP/run" "libncurses-dev"
contains "the run set has the spreadsheet libraries" "$TMP/run" "libxlsxwriter-dev"
contains "the run set has msgfmt for the translations" "$TMP/run" "gettext"
for p in clang libclang-rt-dev libcmocka-dev tmux libreoffice-calc-nogui \
    sqlite3 man-db openssh-server poppler-utils python3-uno abook; do
	if grep -qx "$p" "$TMP/run"; then
		not_ok "make run does not install $p"
	else
		ok "make run does not install $p"
	fi
done
for p in clang libclang-rt-dev libcmocka-dev tmux libreoffice-calc-nogui \
    libncurses-dev; do
	if grep -qx "$p" "$TMP/test"; then
		ok "make test installs $p"
	else
		not_ok "make test installs $p"
	fi
done
contains "make bench adds its peers" "$TMP/bench" "abook"
sh tools/deps.sh nonsense >/dev/null 2>"$TMP/err"
check "an unknown set is refused" test $? -eq 2
contains "with the usage" "$TMP/err" "usage: deps.sh [run|test|bench]"

make -n run >"$TMP/make-run" 2>&1
contains "make run installs the run set" "$TMP/make-run" "tools/deps.sh run"
lacks "and not the test set" "$TMP/make-run" "tools/deps.sh test"
make -n test >"$TMP/make-test" 2>&1
contains "make test installs the test set" "$TMP/make-test" "tools/deps.sh test"
make -n fuzz >"$TMP/make-fuzz" 2>&1
contains "make fuzz installs the test set" "$TMP/make-fuzz" "tools/deps.sh test"

contains "the README's first command" README.md "make run "
contains "the README's second command" README.md "make test "
tr '\n' ' ' <README.md >"$TMP/readme"
contains "the README lists 職能 among the import headers" "$TMP/readme" "角色, 職能,"

# ogpo init where the database is by default, in each language.
mkdir -p "$TMP/home"
HOME=$TMP/home XDG_DATA_HOME= LANG=zh_TW.UTF-8 LC_ALL=zh_TW.UTF-8 \
    "$OGPO" init >"$TMP/init-zh" 2>&1
check "ogpo init in Chinese succeeds" test $? -eq 0
lacks "the Chinese message has no English word" "$TMP/init-zh" "the default"
contains "it names the default place in Chinese" "$TMP/init-zh" "預設位置"
rm -rf "$TMP/home"
mkdir -p "$TMP/home"
HOME=$TMP/home XDG_DATA_HOME= LC_ALL=C.UTF-8 "$OGPO" init >"$TMP/init-en" 2>&1
contains "the English message says the default" "$TMP/init-en" "(the default)"
