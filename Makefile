# ogpo — build, run, test. `make` builds ./ogpo; `make run` first installs
# whatever Debian packages building and running it need, `make test` (and
# make fuzz, make bench) those and the test tools (tools/deps.sh).

PREFIX	?= /usr/local
BINDIR	 = $(PREFIX)/bin
DATADIR	 = $(PREFIX)/share/ogpo
LOCALEDIR = $(PREFIX)/share/locale
MANDIR	 = $(PREFIX)/share/man/man1
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
VERSION	 = 0.1.0

CC	?= cc
PKGS	 = ncursesw lmdb libcbor nettle expat
# The spreadsheet libraries are not linked: src/table/sheetlib.c opens
# them by soname when a .ods or .xlsx is first read or written, so that a
# command that touches none does not load them (and the libcrypto they
# bring) at every start. Their sonames are read from the libraries built
# against; the unit tests and fuzz targets that make zips link libzip.
SHEET_PKGS = xlsxwriter libzip
# Evaluated when used, so that a first `make test` sees packages that the
# dependency step has just installed.
PKG_CFLAGS = $(filter-out -D_XOPEN_SOURCE%,$(shell pkg-config --cflags $(PKGS) $(SHEET_PKGS) 2>/dev/null))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv
SHEET_LIBS = $(shell pkg-config --libs $(SHEET_PKGS) 2>/dev/null)
soname	   = $(shell objdump -p "$$($(CC) -print-file-name=lib$(1).so)" \
	     2>/dev/null | awk '$$1 == "SONAME" { print $$2 }')
%/src/table/sheetlib.o: ALL_CFLAGS += \
	-DSHEETLIB_ZIP_SONAME='"$(call soname,zip)"' \
	-DSHEETLIB_XLSXWRITER_SONAME='"$(call soname,xlsxwriter)"'

WARN	 = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	   -Wmissing-prototypes -Wformat=2 -Werror
CFLAGS	?= -O2 -g
# The program built here reads its translations from build/locale, so
# ./ogpo and the tests need no install; the installed one (build/install)
# from $(LOCALEDIR). Only main.c uses it.
CATALOGS = $(CURDIR)/build/locale
ALL_CFLAGS = -std=c11 -pthread -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE $(WARN) \
	   -Iinclude -Ibuild/gen -DOGPO_VERSION='"$(VERSION)"' \
	   -DOGPO_DATADIR='"$(DATADIR)"' -DOGPO_LOCALEDIR='"$(CATALOGS)"' \
	   $(PKG_CFLAGS) $(CFLAGS)
SAN	 = -fsanitize=address,undefined,float-cast-overflow -fno-omit-frame-pointer \
	   -fno-sanitize-recover=all
# The unit tests that start threads (an import reads its file ahead in a
# thread, a roll call saves its marks in one) run a third time under
# ThreadSanitizer, against the library code they use.
TSAN	 = -fsanitize=thread -fno-omit-frame-pointer
TSAN_TESTS = test_csv test_export test_marks

ifeq ($(V),1)
Q =
else
Q = @
endif

SRC	 = $(sort $(wildcard src/util/*.c src/store/*.c src/core/*.c \
	   src/table/*.c src/cmd/*.c src/ui/*.c))
GEN	 = build/gen/keymap_default.c build/gen/ambiguous.c build/gen/strokes.c
UNICODE	 = /usr/share/unicode
# Translations: po/LANG.po, compiled to build/locale for the program here.
LINGUAS	 = zh_TW
MO	 = $(patsubst %,build/locale/%/LC_MESSAGES/ogpo.mo,$(LINGUAS))
LIBSRC	 = $(SRC) $(GEN)
OBJ	 = $(patsubst %.c,build/obj/%.o,$(LIBSRC))
ASAN_OBJ = $(patsubst %.c,build/asan/%.o,$(LIBSRC))
TSAN_OBJ = $(patsubst %.c,build/tsan/%.o,$(sort $(wildcard src/util/*.c \
	   src/store/*.c src/core/*.c src/table/*.c)) $(GEN))
TESTS	 = $(patsubst tests/unit/%.c,%,$(sort $(wildcard tests/unit/test_*.c)))
# Every unit test links tests/unit/fixture.c: a change to it rebuilds them.

.PHONY: all deps deps-run deps-test deps-bench run test check unit unit-asan tui clean install \
	bench \
	install-shared \
	demo format stress pot po-update

all: ogpo $(MO)

# What building and running ogpo needs; what testing it needs as well.
deps deps-run:
	$(Q)sh tools/deps.sh run

deps-test:
	$(Q)sh tools/deps.sh test

# What make bench also needs: the programs it compares ogpo with.
deps-bench:
	$(Q)sh tools/deps.sh bench

ogpo: build/obj/src/main.o build/libogpo.a | $(MO)
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(PKG_LIBS)

build/asan/ogpo: build/asan/src/main.o build/libogpo-asan.a | $(MO)
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(SAN) -o $@ $^ $(PKG_LIBS)

# The installed program: the same library, its catalogues under PREFIX and
# the system's settings at SYSCONFFILE. The places are kept in a stamp
# that changes only when they do, so a new PREFIX or SYSCONFFILE relinks.
SYSCONFFILE ?= /etc/ogpo.conf
INSTALL_DEFS = -DOGPO_LOCALEDIR='"$(LOCALEDIR)"' -DOGPO_SYSCONF='"$(SYSCONFFILE)"'
build/install/ogpo: src/main.c build/libogpo.a build/install/places
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -UOGPO_LOCALEDIR $(INSTALL_DEFS) -o $@ \
		src/main.c build/libogpo.a $(PKG_LIBS)

build/install/places: FORCE
	$(Q)mkdir -p $(dir $@)
	$(Q)echo '$(INSTALL_DEFS)' | cmp -s - $@ || echo '$(INSTALL_DEFS)' >$@

.PHONY: FORCE
FORCE:

build/locale/%/LC_MESSAGES/ogpo.mo: po/%.po
	@echo "  MSGFMT  $<"
	$(Q)mkdir -p $(dir $@)
	$(Q)msgfmt --check -o $@.tmp $< && mv $@.tmp $@

# po/ogpo.pot from the marked strings of the sources; po-update merges it
# into each translation (then translate what msgfmt --statistics reports).
# The functions that look their format up themselves are keywords too.
XGETTEXT = xgettext --from-code=UTF-8 --language=C -k_ -kN_ -kC_:1c,2 -kNC_:1c,2 \
	   -kngettext:1,2 -kerr_set:3 -kerr_prefix:3 -kcmd_error:3 \
	   -kcsv_writer_fail:3 -kcsv_reader_fail:3 -kimport_change:3 \
	   -kverify_say:2 -kcheck_fault:3 -kcompliance_say:7 \
	   -kimport_reject:4 -kimport_refuse:5 -kimport_refusal:4 -ksheet_fail:2 \
	   -kkeymap_error:4 -kstore_error:3 -kdoctor_ok:1 -kdoctor_bad:3 \
	   --add-comments=TRANSLATORS: --sort-by-file \
	   --package-name=ogpo --package-version=$(VERSION) \
	   --msgid-bugs-address="ogpo maintainers"
POT	?= po/ogpo.pot
pot:
	$(Q)$(XGETTEXT) -o $(POT) src/main.c $(SRC)

po-update: pot
	$(Q)for l in $(LINGUAS); do \
		msgmerge --quiet --update --backup=none po/$$l.po po/ogpo.pot; \
	done

build/libogpo.a: $(OBJ)
	$(Q)rm -f $@ && ar rcs $@ $^

build/libogpo-asan.a: $(ASAN_OBJ)
	$(Q)rm -f $@ && ar rcs $@ $^

build/libogpo-tsan.a: $(TSAN_OBJ)
	$(Q)rm -f $@ && ar rcs $@ $^

build/obj/%.o: %.c
	@echo "  CC      $<"
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

build/asan/%.o: %.c
	@echo "  CC+SAN  $<"
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) $(SAN) -MMD -MP -c -o $@ $<

build/tsan/%.o: %.c
	@echo "  CC+TSAN $<"
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) $(TSAN) -MMD -MP -c -o $@ $<

# The whole program under ThreadSanitizer, for the screen tests of the
# page that saves in a thread of its own (the roll call's marks):
# make build/tsan/ogpo && OGPO=build/tsan/ogpo sh tests/tui/test_rollcall.sh
build/tsan/ogpo: $(patsubst %.c,build/tsan/%.o,src/main.c $(LIBSRC)) | $(MO)
	@echo "  LD+TSAN $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(TSAN) -o $@ $^ $(PKG_LIBS)

build/gen/keymap_default.c: keymaps/default.keymap tools/embed.sh
	$(Q)mkdir -p $(dir $@)
	$(Q)sh tools/embed.sh keymap_default_text < $< > $@.tmp && mv $@.tmp $@

# Tables from Debian's unicode-data (tools/deps.sh installs it).
build/gen/ambiguous.c: tools/unicode.sh
	$(Q)mkdir -p $(dir $@)
	$(Q)sh tools/unicode.sh ambiguous $(UNICODE)/EastAsianWidth.txt \
		> $@.tmp && mv $@.tmp $@

build/gen/strokes.c: tools/unicode.sh
	$(Q)mkdir -p $(dir $@)
	$(Q)sh tools/unicode.sh strokes $(UNICODE)/Unihan_IRGSources.txt.bz2 \
		> $@.tmp && mv $@.tmp $@

build/obj/src/ui/keymap.o build/asan/src/ui/keymap.o \
	build/tsan/src/ui/keymap.o: build/gen/keymap_default.c

# Helpers the program tests call (tests/tools/*.c): build/tools/NAME.
TOOLS	 = $(patsubst tests/tools/%.c,build/tools/%,$(sort $(wildcard tests/tools/*.c)))
# The fuzz targets (see below): tests/fuzz/fuzz_*.c.
FUZZERS	 = $(patsubst tests/fuzz/%.c,%,$(sort $(wildcard tests/fuzz/fuzz_*.c)))

build/tools/%: tests/tools/%.c build/libogpo.a
	@echo "  TOOL    $@"
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(PKG_LIBS)

# Unit tests (cmocka): one program per tests/unit/test_*.c.
build/test/%: tests/unit/%.c tests/unit/fixture.c build/libogpo.a
	@echo "  TEST    $@"
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(PKG_LIBS) $(SHEET_LIBS) \
		$(shell pkg-config --libs cmocka)

build/test-asan/%: tests/unit/%.c tests/unit/fixture.c build/libogpo-asan.a
	@echo "  TEST+SAN $@"
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) $(SAN) -o $@ $^ $(PKG_LIBS) $(SHEET_LIBS) \
		$(shell pkg-config --libs cmocka)

build/test-tsan/%: tests/unit/%.c tests/unit/fixture.c build/libogpo-tsan.a
	@echo "  TEST+TSAN $@"
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) $(TSAN) -o $@ $^ $(PKG_LIBS) $(SHEET_LIBS) \
		$(shell pkg-config --libs cmocka)

# The database is wherever ogpo itself looks (--db in OGPO_FLAGS, $OGPO_DB,
# /etc/ogpo.conf, ~/.local/share/ogpo); demo data goes in when none is there.
run: deps-run
	$(Q)$(MAKE) --no-print-directory ogpo
	$(Q)./ogpo $(OGPO_FLAGS) verify >/dev/null 2>&1 || \
		./ogpo $(OGPO_FLAGS) init --demo
	./ogpo $(OGPO_FLAGS)

test: deps-test
	$(Q)$(MAKE) --no-print-directory check

# Every tier: unit tests, the same under ASan+UBSan, then the program's
# own tests (command line and screen) against both builds, then each
# fuzz target for FUZZ_SECONDS (make test FUZZ_SECONDS=5 for a quick run).
check: ogpo build/asan/ogpo $(MO) $(addprefix build/test/,$(TESTS)) \
		$(addprefix build/test-asan/,$(TESTS)) \
		$(addprefix build/test-tsan/,$(TSAN_TESTS)) $(TOOLS) \
		$(addprefix build/fuzz/,$(FUZZERS))
	$(Q)FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/run.sh $(TESTS)

# Heavier checks than `make test`: kill -9 during imports, and the like.
stress: ogpo $(TOOLS)
	$(Q)for t in tests/crash/*.sh; do OGPO=./ogpo sh $$t || exit 1; done

unit: $(addprefix build/test/,$(TESTS))
	$(Q)for t in $(TESTS); do build/test/$$t || exit 1; done

bench: deps-bench
	$(Q)$(MAKE) --no-print-directory ogpo build/bench/gen build/bench/ptybench \
		build/bench/import-gen build/bench/import-baseline \
		build/bench/import-run build/bench/export-gen \
		build/bench/rollcall-gen build/bench/slowsync.so
	$(Q)sh tests/bench/run.sh
	$(Q)sh tests/bench/rollcall.sh
	$(Q)sh tests/bench/import.sh
	$(Q)sh tests/bench/export.sh
	$(Q)sh tests/bench/sheets.sh

build/bench/gen: tests/bench/gen.c build/libogpo.a
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(PKG_LIBS)

build/bench/ptybench: tests/bench/ptybench.c
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ -lutil

build/bench/import-gen build/bench/import-baseline \
		build/bench/rollcall-gen: build/bench/%: \
		tests/bench/%.c build/libogpo.a
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(PKG_LIBS)

build/bench/slowsync.so: tests/bench/slowsync.c
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) -std=c11 -Wall -Wextra -Werror -O2 -shared -fPIC -o $@ $< -ldl

build/bench/import-run: tests/bench/import-run.c
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^

build/bench/export-gen: tests/bench/export-gen.c build/libogpo.a
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(PKG_LIBS)

# Fuzzing, with clang's libFuzzer under ASan and UBSan. `make fuzz` builds
# build/fuzz/fuzz_* from tests/fuzz/fuzz_*.c and the library without its
# screens and commands; tests/fuzz/run.sh (part of make test, and `make
# fuzz-run` alone) runs each for FUZZ_SECONDS after its seeds
# (tests/fuzz/corpus/NAME, the binary seeds of tests/fuzz/seeds.sh) and
# its past findings (tests/fuzz/crashes/), keeping what it finds in
# build/fuzz/corpus/NAME and any crash in build/fuzz/crashes/.
FUZZ_CC	 = clang
FUZZ_SECONDS ?= 60
FUZZ_SAN = -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer \
	   -fno-sanitize-recover=all
FUZZ_SRC = $(sort $(wildcard src/util/*.c src/store/*.c src/core/*.c \
	   src/table/*.c)) src/ui/keymap.c build/gen/keymap_default.c \
	   build/gen/ambiguous.c build/gen/strokes.c
FUZZ_OBJ = $(patsubst %.c,build/fuzz/obj/%.o,$(FUZZ_SRC))

.PHONY: fuzz fuzz-run

fuzz: deps-test
	$(Q)$(MAKE) --no-print-directory $(addprefix build/fuzz/,$(FUZZERS))

fuzz-run: fuzz
	$(Q)FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh

build/fuzz/libogpo-fuzz.a: $(FUZZ_OBJ)
	$(Q)rm -f $@ && ar rcs $@ $^

# The library and the targets get coverage counters; libFuzzer's main()
# comes in at the link.
build/fuzz/obj/%.o: %.c
	@echo "  CC+FUZZ $<"
	$(Q)mkdir -p $(dir $@)
	$(Q)$(FUZZ_CC) $(ALL_CFLAGS) $(subst fuzzer,fuzzer-no-link,$(FUZZ_SAN)) \
		-MMD -MP -c -o $@ $<

.SECONDARY: $(FUZZERS:%=build/fuzz/obj/tests/fuzz/%.o)

build/fuzz/fuzz_%: build/fuzz/obj/tests/fuzz/fuzz_%.o build/fuzz/libogpo-fuzz.a
	@echo "  LD+FUZZ $@"
	$(Q)$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_SAN) -o $@ $^ $(PKG_LIBS) \
		$(SHEET_LIBS)

install: build/install/ogpo $(MO)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/keymaps \
		$(DESTDIR)$(MANDIR) $(DESTDIR)$(BASHCOMPDIR)
	install -m 755 build/install/ogpo $(DESTDIR)$(BINDIR)/ogpo
	install -m 644 keymaps/*.keymap $(DESTDIR)$(DATADIR)/keymaps/
	install -m 644 doc/ogpo.1 $(DESTDIR)$(MANDIR)/ogpo.1
	install -m 644 completion/ogpo.bash $(DESTDIR)$(BASHCOMPDIR)/ogpo
	for l in $(LINGUAS); do \
		install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
		install -m 644 build/locale/$$l/LC_MESSAGES/ogpo.mo \
		    $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/ogpo.mo || exit 1; \
	done

# A shared server (README, "Shared server"; run as root): the program
# set-group-id to a group of its own, which alone may enter the database
# directory, and the system's settings naming that directory. Staff are
# not in the group: they reach the data only through ogpo.
OGPO_GROUP ?= ogpo
STATEDIR   ?= /var/lib/ogpo

install-shared: install
	getent group $(OGPO_GROUP) >/dev/null || groupadd --system $(OGPO_GROUP)
	getent passwd $(OGPO_GROUP) >/dev/null || useradd --system \
		--gid $(OGPO_GROUP) --no-create-home --home-dir $(STATEDIR) \
		--shell /usr/sbin/nologin $(OGPO_GROUP)
	install -d -o $(OGPO_GROUP) -g $(OGPO_GROUP) -m 2770 $(DESTDIR)$(STATEDIR)
	chgrp $(OGPO_GROUP) $(DESTDIR)$(BINDIR)/ogpo
	chmod 2755 $(DESTDIR)$(BINDIR)/ogpo
	$(Q)if ! grep -qs '^[[:space:]]*db[[:space:]]*=' $(DESTDIR)$(SYSCONFFILE); \
	then mkdir -p $(dir $(DESTDIR)$(SYSCONFFILE)) && \
		echo 'db = $(STATEDIR)' >>$(DESTDIR)$(SYSCONFFILE) && \
		echo "  db = $(STATEDIR) written to $(DESTDIR)$(SYSCONFFILE)"; fi
	$(Q)if [ -n "$(ADMIN)" ] && [ ! -e $(DESTDIR)$(STATEDIR)/data.mdb ]; \
	then $(DESTDIR)$(BINDIR)/ogpo --db $(DESTDIR)$(STATEDIR) init \
		--admin $(ADMIN); fi
	$(Q)# A database of an older ogpo is brought up to date by root alone.
	$(Q)if [ -e $(DESTDIR)$(STATEDIR)/data.mdb ]; then \
		$(DESTDIR)$(BINDIR)/ogpo --db $(DESTDIR)$(STATEDIR) user \
		>/dev/null; fi
	$(Q)echo "Next: root runs ogpo init --admin LOGIN (or make" \
		"install-shared ADMIN=LOGIN did), then that admin adds the" \
		"others with ogpo user add; ogpo doctor checks the set-up."

format:
	clang-format -i $(SRC) src/main.c include/ogpo/*.h tests/unit/*.c

clean:
	rm -rf build ogpo

-include $(shell find build -name '*.d' 2>/dev/null)
