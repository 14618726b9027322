/*
 * test_keymap.c — the shipped keymap files load cleanly and mean what
 * their users expect; bad lines are reported as file:line: reason while
 * the rest loads; every key name reads back as itself. Run from the
 * repository root (the tests open the files in keymaps/).
 */
#include <curses.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "ogpo/keymap.h"

/* The program's tables, as the UI declares them (same order). */
enum {
	TEST_GLOBAL, TEST_LIST, TEST_TREE, TEST_FORM, TEST_DIALOG, TEST_HELP,
	TEST_ATTEND, TEST_AGENCIES, TEST_OFFICERS, TEST_MEETINGS, TEST_ISSUES,
	TEST_COMPLIANCE, TEST_AUDIT, TEST_USERS, TEST_OFFICER, TEST_RESOLUTIONS,
	TEST_VOTE, TEST_FINDING,
	TEST_NCONTEXTS
};
static const char *const test_contexts[] = {
	"global", "list", "tree", "form", "dialog", "help", "attend",
	"agencies", "officers", "meetings", "issues", "compliance", "audit",
	"users", "officer", "resolutions", "vote", "finding",
};

enum {
	A_HELP, A_QUIT, A_TAB_AGENCIES, A_TAB_OFFICERS, A_TAB_MEETINGS,
	A_TAB_ISSUES, A_NEXT_TAB, A_PREV_TAB, A_REDRAW,
	A_UP, A_DOWN, A_PAGE_UP, A_PAGE_DOWN, A_HOME, A_END, A_SELECT,
	A_ADD, A_EDIT, A_DELETE, A_SEARCH, A_SEARCH_NEXT, A_SEARCH_PREV,
	A_SEARCH_CLEAR, A_SORT_NEXT, A_SORT_REVERSE, A_EXPAND, A_COLLAPSE,
	A_TOGGLE, A_FILTER_AGENCY, A_SHOW_ALL, A_DETAIL,
	A_NEXT_FIELD, A_PREV_FIELD, A_SAVE, A_CANCEL, A_PICK,
	A_YES, A_NO, A_IMPORT, A_EXPORT, A_PRESENT, A_ONLINE, A_PROXY,
	A_EXCUSED, A_ABSENT, A_UNMARK, A_INVITE, A_INVITE_EXTERNAL,
	A_UNINVITE, A_PROPOSE, A_TAB_COMPLIANCE, A_NEW_MEETING,
	A_END_DESIGNATION, A_ADD_TRAINING, A_ADD_REWARD, A_TAB_AUDIT,
	A_TAB_USERS, A_WHO, A_UNDO, A_CLOSE, A_NOTE, A_HELD, A_CANCELLED,
	A_SIGNIN, A_SUMMARY, A_ADD_PROGRESS, A_RESOLUTIONS, A_RELEASE,
	A_AGENDA, A_DECISIONS, A_VOTE, A_OPEN_VOTE, A_BALLOT, A_CLOSE_VOTE,
	A_VOTES, A_DEADLINES, A_COMMAND, A_SAVE_REJECTS,
	A_NACTIONS
};
static const char *const test_actions[] = {
	"help", "quit", "tab_agencies", "tab_officers", "tab_meetings",
	"tab_issues", "next_tab", "prev_tab", "redraw",
	"up", "down", "page_up", "page_down", "home", "end", "select",
	"add", "edit", "delete", "search", "search_next", "search_prev",
	"search_clear", "sort_next", "sort_reverse", "expand", "collapse",
	"toggle", "filter_agency", "show_all", "detail",
	"next_field", "prev_field", "save", "cancel", "pick",
	"yes", "no", "import", "export", "present", "online", "proxy",
	"excused", "absent", "unmark", "invite", "invite_external",
	"uninvite", "propose", "tab_compliance", "new_meeting",
	"end_designation", "add_training", "add_reward", "tab_audit",
	"tab_users", "who", "undo", "close", "note", "held", "cancelled",
	"signin", "summary", "add_progress", "resolutions", "release",
	"agenda", "decisions", "vote", "open_vote", "ballot", "close_vote",
	"votes", "deadlines", "command", "save_rejects",
};

#define F(k)	(KEYMAP_FKEY | (k))
#define M(k)	(KEYMAP_META | (k))
#define C(c)	((c) & 0x1f)

/* A keymap over the program's tables, checked for allocation failure. */
static struct keymap *
test_keymap_new(void)
{
	struct keymap	*km;

	assert_int_equal(sizeof test_contexts / sizeof test_contexts[0],
	    TEST_NCONTEXTS);
	assert_int_equal(sizeof test_actions / sizeof test_actions[0],
	    A_NACTIONS);
	km = keymap_new(test_contexts, TEST_NCONTEXTS, test_actions,
	    A_NACTIONS);
	assert_non_null(km);
	return km;
}

/* Load a shipped file, which must not have a single bad line. */
static void
test_keymap_load_clean(struct keymap *km, const char *path)
{
	char	*errors = NULL;
	int	 bad;

	bad = keymap_load_file(km, path, &errors);
	if (errors != NULL)
		fprintf(stderr, "%s\n", errors);
	assert_null(errors);
	assert_int_equal(bad, 0);
}

/* The default keymap gives a newcomer arrows, Enter, Esc, letters. */
static void
test_keymap_default_file(void **state)
{
	struct keymap	*km = test_keymap_new();
	int		 seen[A_NACTIONS] = { 0 }, ctx, key, act;
	size_t		 i;

	(void)state;
	test_keymap_load_clean(km, "keymaps/default.keymap");
	assert_true(keymap_count(km) > 50);

	/* a newcomer's keys */
	assert_int_equal(keymap_lookup(km, TEST_LIST, F(KEY_DOWN)), A_DOWN);
	assert_int_equal(keymap_lookup(km, TEST_LIST, F(KEY_NPAGE)),
	    A_PAGE_DOWN);
	assert_int_equal(keymap_lookup(km, TEST_LIST, '\r'), A_SELECT);
	assert_int_equal(keymap_lookup(km, TEST_LIST, ' '), A_DETAIL);
	assert_int_equal(keymap_lookup(km, TEST_LIST, '/'), A_SEARCH);
	assert_int_equal(keymap_lookup(km, TEST_LIST, 's'), A_SORT_NEXT);
	assert_int_equal(keymap_lookup(km, TEST_LIST, 'S'), A_SORT_REVERSE);
	assert_int_equal(keymap_lookup(km, TEST_LIST, 'f'),
	    A_FILTER_AGENCY);
	assert_int_equal(keymap_lookup(km, TEST_LIST, 'F'), A_SHOW_ALL);
	assert_int_equal(keymap_lookup(km, TEST_TREE, ' '), A_TOGGLE);
	assert_int_equal(keymap_lookup(km, TEST_TREE, F(KEY_RIGHT)),
	    A_EXPAND);
	assert_int_equal(keymap_lookup(km, TEST_FORM, '\t'), A_NEXT_FIELD);
	assert_int_equal(keymap_lookup(km, TEST_FORM, F(KEY_BTAB)),
	    A_PREV_FIELD);
	assert_int_equal(keymap_lookup(km, TEST_FORM, C('s')), A_SAVE);
	assert_int_equal(keymap_lookup(km, TEST_FORM, F(KEY_F(2))), A_PICK);
	assert_int_equal(keymap_lookup(km, TEST_DIALOG, 'y'), A_YES);
	assert_int_equal(keymap_lookup(km, TEST_DIALOG, 27), A_NO);

	/* the context's own binding beats global; the rest falls back */
	assert_int_equal(keymap_lookup(km, TEST_GLOBAL, '\t'), A_NEXT_TAB);
	assert_int_equal(keymap_lookup(km, TEST_LIST, '\t'), A_NEXT_TAB);
	assert_int_equal(keymap_lookup(km, TEST_LIST, '?'), A_HELP);
	assert_int_equal(keymap_lookup(km, TEST_LIST, 'q'), A_QUIT);
	assert_int_equal(keymap_lookup(km, TEST_DIALOG, 'q'), A_NO);
	assert_int_equal(keymap_lookup(km, TEST_HELP, 'q'), A_CANCEL);
	assert_int_equal(keymap_lookup(km, TEST_LIST, 'Z'), -1);

	/* every action can be reached with the default keys */
	for (i = 0; keymap_get(km, i, &ctx, &key, &act) == 0; i++)
		seen[act] = 1;
	assert_int_equal(i, keymap_count(km));
	for (i = 0; i < A_NACTIONS; i++) {
		if (!seen[i])
			fprintf(stderr, "unbound: %s\n", test_actions[i]);
		assert_true(seen[i]);
	}
	keymap_free(km);
}

/* vi keys on top of the default, which keeps working. */
static void
test_keymap_vi_file(void **state)
{
	struct keymap	*km = test_keymap_new();

	(void)state;
	test_keymap_load_clean(km, "keymaps/default.keymap");
	test_keymap_load_clean(km, "keymaps/vi.keymap");
	assert_int_equal(keymap_lookup(km, TEST_LIST, 'j'), A_DOWN);
	assert_int_equal(keymap_lookup(km, TEST_LIST, 'k'), A_UP);
	assert_int_equal(keymap_lookup(km, TEST_LIST, 'g'), A_HOME);
	assert_int_equal(keymap_lookup(km, TEST_LIST, 'G'), A_END);
	assert_int_equal(keymap_lookup(km, TEST_LIST, C('f')), A_PAGE_DOWN);
	assert_int_equal(keymap_lookup(km, TEST_LIST, C('b')), A_PAGE_UP);
	assert_int_equal(keymap_lookup(km, TEST_LIST, 'n'), A_SEARCH_NEXT);
	assert_int_equal(keymap_lookup(km, TEST_LIST, 'N'), A_SEARCH_PREV);
	assert_int_equal(keymap_lookup(km, TEST_TREE, 'h'), A_COLLAPSE);
	assert_int_equal(keymap_lookup(km, TEST_TREE, 'l'), A_EXPAND);
	/* loaded on top: the defaults are still there */
	assert_int_equal(keymap_lookup(km, TEST_LIST, F(KEY_DOWN)), A_DOWN);
	assert_int_equal(keymap_lookup(km, TEST_FORM, C('s')), A_SAVE);
	keymap_free(km);
}

/* Emacs keys on top of the default, including Meta keys. */
static void
test_keymap_emacs_file(void **state)
{
	struct keymap	*km = test_keymap_new();

	(void)state;
	test_keymap_load_clean(km, "keymaps/default.keymap");
	test_keymap_load_clean(km, "keymaps/emacs.keymap");
	assert_int_equal(keymap_lookup(km, TEST_LIST, C('n')), A_DOWN);
	assert_int_equal(keymap_lookup(km, TEST_LIST, C('p')), A_UP);
	assert_int_equal(keymap_lookup(km, TEST_LIST, C('v')), A_PAGE_DOWN);
	assert_int_equal(keymap_lookup(km, TEST_LIST, M('v')), A_PAGE_UP);
	assert_int_equal(keymap_lookup(km, TEST_LIST, M('<')), A_HOME);
	assert_int_equal(keymap_lookup(km, TEST_LIST, M('>')), A_END);
	assert_int_equal(keymap_lookup(km, TEST_LIST, C('s')), A_SEARCH);
	assert_int_equal(keymap_lookup(km, TEST_LIST, C('g')),
	    A_SEARCH_CLEAR);
	assert_int_equal(keymap_lookup(km, TEST_FORM, C('g')), A_CANCEL);
	assert_int_equal(keymap_lookup(km, TEST_DIALOG, C('g')), A_NO);
	/* emacs takes C-p from pick in forms; C-s still saves there */
	assert_int_equal(keymap_lookup(km, TEST_FORM, C('p')), A_PREV_FIELD);
	assert_int_equal(keymap_lookup(km, TEST_FORM, F(KEY_F(2))), A_PICK);
	assert_int_equal(keymap_lookup(km, TEST_FORM, C('s')), A_SAVE);
	keymap_free(km);
}

/* An unreadable file is one error naming it and the reason. */
static void
test_keymap_missing_file(void **state)
{
	struct keymap	*km = test_keymap_new();
	char		*errors = NULL;

	(void)state;
	assert_int_equal(keymap_load_file(km, "keymaps/nonexistent.keymap",
	    &errors), -1);
	assert_string_equal(errors, "cannot read keymap "
	    "keymaps/nonexistent.keymap: No such file or directory");
	assert_int_equal(keymap_count(km), 0);
	free(errors);
	keymap_free(km);
}

/* A context without the key falls back to global, never the reverse. */
static void
test_keymap_fallback(void **state)
{
	struct keymap	*km = test_keymap_new();

	(void)state;
	assert_int_equal(keymap_load_string(km, "t",
	    "bind global x quit\n"
	    "bind global y help\n"
	    "bind list   y down\n", NULL), 0);
	assert_int_equal(keymap_lookup(km, TEST_LIST, 'x'), A_QUIT);
	assert_int_equal(keymap_lookup(km, TEST_TREE, 'x'), A_QUIT);
	assert_int_equal(keymap_lookup(km, TEST_LIST, 'y'), A_DOWN);
	assert_int_equal(keymap_lookup(km, TEST_TREE, 'y'), A_HELP);
	assert_int_equal(keymap_lookup(km, TEST_GLOBAL, 'y'), A_HELP);
	assert_int_equal(keymap_lookup(km, TEST_LIST, 'z'), -1);
	assert_int_equal(keymap_lookup(km, -1, 'x'), -1);
	assert_int_equal(keymap_lookup(km, TEST_NCONTEXTS, 'x'), -1);

	/* hints name a key that really works there */
	assert_int_equal(keymap_key_of(km, TEST_TREE, A_HELP), 'y');
	assert_int_equal(keymap_key_of(km, TEST_LIST, A_HELP), -1);
	assert_int_equal(keymap_key_of(km, TEST_LIST, A_DOWN), 'y');
	assert_int_equal(keymap_key_of(km, TEST_LIST, A_SAVE), -1);
	keymap_free(km);
}

/* Terminals differ in what Enter and Backspace send; all of it works. */
static void
test_keymap_aliases(void **state)
{
	struct keymap	*km = test_keymap_new();

	(void)state;
	assert_int_equal(keymap_load_string(km, "t",
	    "bind list <Enter> select\n"
	    "bind list <Backspace> up\n", NULL), 0);
	assert_int_equal(keymap_lookup(km, TEST_LIST, '\r'), A_SELECT);
	assert_int_equal(keymap_lookup(km, TEST_LIST, '\n'), A_SELECT);
	assert_int_equal(keymap_lookup(km, TEST_LIST, F(KEY_ENTER)),
	    A_SELECT);
	assert_int_equal(keymap_lookup(km, TEST_LIST, F(KEY_BACKSPACE)),
	    A_UP);
	assert_int_equal(keymap_lookup(km, TEST_LIST, 127), A_UP);
	assert_int_equal(keymap_lookup(km, TEST_LIST, 8), A_UP);
	/* an exact binding beats the alias */
	assert_int_equal(keymap_load_string(km, "t",
	    "bind list <C-h> help\n", NULL), 0);
	assert_int_equal(keymap_lookup(km, TEST_LIST, 8), A_HELP);
	assert_int_equal(keymap_lookup(km, TEST_LIST, 127), A_UP);
	keymap_free(km);
}

/* A later file overrides or removes an earlier binding. */
static void
test_keymap_replace(void **state)
{
	struct keymap	*km = test_keymap_new();
	int		 ctx, key, act;

	(void)state;
	assert_int_equal(keymap_load_string(km, "a",
	    "bind list j down\nbind list k up\n", NULL), 0);
	assert_int_equal(keymap_load_string(km, "b",
	    "bind list j page_down\n", NULL), 0);
	assert_int_equal(keymap_count(km), 2);
	assert_int_equal(keymap_lookup(km, TEST_LIST, 'j'), A_PAGE_DOWN);
	/* replaced in place: the help screen keeps its order */
	assert_int_equal(keymap_get(km, 0, &ctx, &key, &act), 0);
	assert_int_equal(ctx, TEST_LIST);
	assert_int_equal(key, 'j');
	assert_int_equal(act, A_PAGE_DOWN);
	assert_int_equal(keymap_get(km, 2, &ctx, &key, &act), -1);

	assert_int_equal(keymap_load_string(km, "c",
	    "unbind list j\nunbind list x\n", NULL), 0);
	assert_int_equal(keymap_count(km), 1);
	assert_int_equal(keymap_lookup(km, TEST_LIST, 'j'), -1);
	assert_int_equal(keymap_lookup(km, TEST_LIST, 'k'), A_UP);
	keymap_free(km);
}

/*
 * Bindings read by another process come back through keymap_add, which
 * takes only what a file could have said: a context and an action of
 * the tables, a key that reads back from its name.
 */
static void
test_keymap_add(void **state)
{
	struct keymap	*km = test_keymap_new();

	(void)state;
	assert_int_equal(keymap_add(km, TEST_LIST, 'j', A_DOWN), 0);
	assert_int_equal(keymap_add(km, TEST_LIST, F(KEY_F(5)), A_REDRAW), 0);
	assert_int_equal(keymap_add(km, 0, M(C('s')), A_SAVE), 0);
	assert_int_equal(keymap_add(km, TEST_LIST, 'j', A_UP), 0);
	assert_int_equal(keymap_count(km), 3);
	assert_int_equal(keymap_lookup(km, TEST_LIST, 'j'), A_UP);

	assert_int_equal(keymap_add(km, -1, 'x', A_UP), -1);
	assert_int_equal(keymap_add(km, TEST_NCONTEXTS, 'x', A_UP), -1);
	assert_int_equal(keymap_add(km, TEST_LIST, 'x', -1), -1);
	assert_int_equal(keymap_add(km, TEST_LIST, 'x', A_NACTIONS), -1);
	assert_int_equal(keymap_add(km, TEST_LIST, -5, A_UP), -1);
	assert_int_equal(keymap_add(km, TEST_LIST, 0xd800, A_UP), -1);
	assert_int_equal(keymap_add(km, TEST_LIST, 0x110000, A_UP), -1);
	assert_int_equal(keymap_add(km, TEST_LIST, F(0x7fff), A_UP), -1);
	assert_int_equal(keymap_add(km, TEST_LIST, 0x10000000 | 'x', A_UP), -1);
	assert_int_equal(keymap_count(km), 3);
	keymap_free(km);
}

/* Each bad line is reported as file:line: reason; the rest loads. */
static void
test_keymap_bad_lines(void **state)
{
	struct keymap	*km = test_keymap_new();
	char		*errors = NULL;

	(void)state;
	assert_int_equal(keymap_load_string(km, "vi.keymap",
	    "# a comment\n"				/* 1 */
	    "bind lst j down\n"				/* 2 */
	    "bind list j dwn\n"				/* 3 */
	    "bind list <Dwn> down\n"			/* 4 */
	    "bind list k\n"				/* 5 */
	    "bind list k up extra\n"			/* 6 */
	    "bnd list k up\n"				/* 7 */
	    "bind list k up   # a fine comment\n"	/* 8 */
	    "\n"					/* 9 */
	    "  bind\tlist <pgdn> page_down\r\n"		/* 10 */
	    "bind list jj down\n"			/* 11 */
	    "unbind list\n"				/* 12 */
	    "bind list 王 home", &errors), 8);		/* 13 */
	assert_non_null(errors);
	assert_string_equal(errors,
	    "vi.keymap:2: unknown context 'lst'\n"
	    "vi.keymap:3: unknown action 'dwn'\n"
	    "vi.keymap:4: unknown key '<Dwn>'\n"
	    "vi.keymap:5: missing field: expected 'bind CONTEXT KEY ACTION'\n"
	    "vi.keymap:6: unexpected 'extra' after the action "
	    "(comments start with #)\n"
	    "vi.keymap:7: unknown command 'bnd' (expected bind or unbind)\n"
	    "vi.keymap:11: unknown key 'jj'\n"
	    "vi.keymap:12: missing field: expected 'unbind CONTEXT KEY'");
	/* the good lines loaded, the bad ones left nothing behind */
	assert_int_equal(keymap_count(km), 3);
	assert_int_equal(keymap_lookup(km, TEST_LIST, 'k'), A_UP);
	assert_int_equal(keymap_lookup(km, TEST_LIST, F(KEY_NPAGE)),
	    A_PAGE_DOWN);
	assert_int_equal(keymap_lookup(km, TEST_LIST, 0x738b), A_HOME);
	assert_int_equal(keymap_lookup(km, TEST_LIST, 'j'), -1);

	/* errors of a second file are appended */
	assert_int_equal(keymap_load_string(km, "my.keymap",
	    "\xef\xbb\xbf" "bind list j down\nbind form q save\n"
	    "bind dialog <C-s> nope", &errors), 1);
	assert_non_null(strstr(errors, "unbind CONTEXT KEY'\n"
	    "my.keymap:3: unknown action 'nope'"));
	assert_int_equal(keymap_lookup(km, TEST_LIST, 'j'), A_DOWN);
	free(errors);
	keymap_free(km);
}

/* A NUL byte in a file must not let "j\0junk" pass as the key j. */
static void
test_keymap_nul_byte(void **state)
{
	static const char	 data[] =
	    "bind list j down\nbind list k\0x up\n";
	struct keymap		*km = test_keymap_new();
	char			 path[] = "/tmp/test_keymap.XXXXXX";
	char			 want[128];
	char			*errors = NULL;
	FILE			*f;
	int			 fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, sizeof data - 1, f),
	    sizeof data - 1);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(keymap_load_file(km, path, &errors), 1);
	snprintf(want, sizeof want, "%s:2: line holds a NUL byte", path);
	assert_string_equal(errors, want);
	assert_int_equal(keymap_count(km), 1);
	unlink(path);
	free(errors);
	keymap_free(km);
}

/* Parse name, expect key, and expect the name to come back unchanged. */
static void
test_keymap_round_trip(const char *name, int want)
{
	char	buf[32];
	int	key = -1, again = -1;
	size_t	len;

	assert_int_equal(keymap_key_parse(name, &key), 0);
	assert_int_equal(key, want);
	len = keymap_key_name(key, buf, sizeof buf);
	assert_string_equal(buf, name);
	assert_int_equal(len, strlen(name));
	assert_int_equal(keymap_key_parse(buf, &again), 0);
	assert_int_equal(again, key);
}

/* Another spelling of a key: parses to want, is named canonically. */
static void
test_keymap_alias_name(const char *name, int want, const char *canon)
{
	char	buf[32];
	int	key = -1;

	assert_int_equal(keymap_key_parse(name, &key), 0);
	assert_int_equal(key, want);
	keymap_key_name(key, buf, sizeof buf);
	assert_string_equal(buf, canon);
}

/* Every key the help screen names can be written back in a file. */
static void
test_keymap_key_names(void **state)
{
	static const char *const bad[] = {
		"", " ", "jj", "<Dwn>", "<Down", "<>", "<F0>", "<F25>",
		"<C-1>", "<C-ab>", "<M->", "<M-M-x>", "<U+D800>",
		"<U+110000>", "<U+>", "\x1b", "\x7f", "\xff", "\xc2\x85",
		"\xe7\x8e",
	};
	char	buf[32], name[16];
	int	key, i;
	size_t	j;

	(void)state;
	test_keymap_round_trip("<Up>", F(KEY_UP));
	test_keymap_round_trip("<Down>", F(KEY_DOWN));
	test_keymap_round_trip("<Left>", F(KEY_LEFT));
	test_keymap_round_trip("<Right>", F(KEY_RIGHT));
	test_keymap_round_trip("<PgUp>", F(KEY_PPAGE));
	test_keymap_round_trip("<PgDn>", F(KEY_NPAGE));
	test_keymap_round_trip("<Home>", F(KEY_HOME));
	test_keymap_round_trip("<End>", F(KEY_END));
	test_keymap_round_trip("<Enter>", 13);
	test_keymap_round_trip("<Esc>", 27);
	test_keymap_round_trip("<Tab>", 9);
	test_keymap_round_trip("<S-Tab>", F(KEY_BTAB));
	test_keymap_round_trip("<Backspace>", F(KEY_BACKSPACE));
	test_keymap_round_trip("<Del>", F(KEY_DC));
	test_keymap_round_trip("<Ins>", F(KEY_IC));
	test_keymap_round_trip("<Space>", ' ');
	for (i = 1; i <= 24; i++) {
		snprintf(name, sizeof name, "<F%d>", i);
		test_keymap_round_trip(name, F(KEY_F(i)));
	}
	for (i = 'a'; i <= 'z'; i++) {
		if (i == 'i' || i == 'm')	/* Tab and Enter */
			continue;
		snprintf(name, sizeof name, "<C-%c>", i);
		test_keymap_round_trip(name, i & 0x1f);
	}
	test_keymap_round_trip("<C-@>", 0);
	test_keymap_round_trip("<C-\\>", 0x1c);
	test_keymap_round_trip("<C-_>", 0x1f);
	test_keymap_round_trip("<C-s>", 0x13);
	test_keymap_round_trip("<M-x>", M('x'));
	test_keymap_round_trip("<M-X>", M('X'));
	test_keymap_round_trip("<M-v>", M('v'));
	test_keymap_round_trip("<M-<>", M('<'));
	test_keymap_round_trip("<M->>", M('>'));
	test_keymap_round_trip("<M-Space>", M(' '));
	test_keymap_round_trip("<M-Down>", M(F(KEY_DOWN)));
	test_keymap_round_trip("<M-C-s>", M(0x13));
	test_keymap_round_trip("<M-Enter>", M(13));
	test_keymap_round_trip("<M-王>", M(0x738b));
	test_keymap_round_trip("<U+007F>", 0x7f);
	test_keymap_round_trip("<U+0085>", 0x85);
	test_keymap_round_trip("j", 'j');
	test_keymap_round_trip("G", 'G');
	test_keymap_round_trip("?", '?');
	test_keymap_round_trip("#", '#');
	test_keymap_round_trip("<", '<');
	test_keymap_round_trip(">", '>');
	test_keymap_round_trip("王", 0x738b);
	test_keymap_round_trip("\xf0\x9f\x98\x80", 0x1f600);

	test_keymap_alias_name("<lt>", '<', "<");
	test_keymap_alias_name("<LT>", '<', "<");
	test_keymap_alias_name("<down>", F(KEY_DOWN), "<Down>");
	test_keymap_alias_name("<PAGEDOWN>", F(KEY_NPAGE), "<PgDn>");
	test_keymap_alias_name("<PageUp>", F(KEY_PPAGE), "<PgUp>");
	test_keymap_alias_name("<Return>", 13, "<Enter>");
	test_keymap_alias_name("<C-m>", 13, "<Enter>");
	test_keymap_alias_name("<C-i>", 9, "<Tab>");
	test_keymap_alias_name("<C-[>", 27, "<Esc>");
	test_keymap_alias_name("<c-S>", 0x13, "<C-s>");
	test_keymap_alias_name("<m-down>", M(F(KEY_DOWN)), "<M-Down>");
	test_keymap_alias_name("<f5>", F(KEY_F(5)), "<F5>");
	test_keymap_alias_name("<U+738B>", 0x738b, "王");
	test_keymap_alias_name("<Escape>", 27, "<Esc>");
	test_keymap_alias_name("<Delete>", F(KEY_DC), "<Del>");

	for (j = 0; j < sizeof bad / sizeof bad[0]; j++) {
		key = 12345;
		if (keymap_key_parse(bad[j], &key) == 0)
			fprintf(stderr, "accepted: '%s'\n", bad[j]);
		assert_int_equal(keymap_key_parse(bad[j], &key), -1);
		assert_int_equal(key, 12345);
	}

	/* a short buffer is cut and terminated; the full length returned */
	assert_int_equal(keymap_key_name(F(KEY_BACKSPACE), buf, 4), 11);
	assert_string_equal(buf, "<Ba");
	assert_int_equal(keymap_key_name(F(0x19a), buf, sizeof buf), 11);
	assert_string_equal(buf, "<key 0x19a>");
}

/* Run from the repository root, where keymaps/ is. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keymap_default_file),
		cmocka_unit_test(test_keymap_vi_file),
		cmocka_unit_test(test_keymap_emacs_file),
		cmocka_unit_test(test_keymap_missing_file),
		cmocka_unit_test(test_keymap_fallback),
		cmocka_unit_test(test_keymap_aliases),
		cmocka_unit_test(test_keymap_replace),
		cmocka_unit_test(test_keymap_add),
		cmocka_unit_test(test_keymap_bad_lines),
		cmocka_unit_test(test_keymap_nul_byte),
		cmocka_unit_test(test_keymap_key_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
