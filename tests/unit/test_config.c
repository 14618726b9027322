/*
 * test_config.c — the settings: the user's file over the system's, bad
 * lines told as FILE:LINE and skipped while the rest loads, keys only the
 * system's file may set, defaults, origins, and the command line on top.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "ogpo/aside.h"
#include "ogpo/config.h"
#include "ogpo/util.h"
#include "fixture.h"

struct files {
	char	dir[64];
	char	sys[96];
	char	user[96];
};

/* Two files with the given text in a fresh directory (NULL: no file). */
static void
config_files(struct files *f, const char *sys, const char *user)
{
	FILE *fp;

	snprintf(f->dir, sizeof f->dir, "/tmp/ogpo-config.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->sys, sizeof f->sys, "%s/ogpo.conf", f->dir);
	snprintf(f->user, sizeof f->user, "%s/config", f->dir);
	if (sys != NULL) {
		assert_non_null(fp = fopen(f->sys, "w"));
		fputs(sys, fp);
		fclose(fp);
	}
	if (user != NULL) {
		assert_non_null(fp = fopen(f->user, "w"));
		fputs(user, fp);
		fclose(fp);
	}
}

/* Teardown: the files go, and so does what was loaded from them. */
static void
config_done(struct files *f)
{
	config_reset();
	fixture_rmdir(f->dir);
}

static void
test_config_defaults(void **state)
{
	struct files f;
	char value[64];

	(void)state;
	unsetenv("NO_COLOR");
	config_files(&f, NULL, NULL);
	assert_int_equal(config_load_files(f.sys, f.user), 0);
	assert_null(config_problems());
	assert_string_equal(config_get("keymap"), "default");
	assert_string_equal(config_get("attendance_threshold"), "75%");
	assert_string_equal(config_get("date_style"), "iso");
	assert_string_equal(config_get("name_order"), "locale");
	assert_string_equal(config_get("ambiguous_width"), "1");
	assert_string_equal(config_get("theme"), "default");
	assert_string_equal(config_get("mouse"), "off");
	assert_string_equal(config_get("export_encoding"), "utf-8");
	assert_string_equal(config_get("unknown_users"), "viewer");
	assert_null(config_get("ui.lang"));	/* the locale's */
	assert_null(config_get("db"));
	assert_string_equal(config_origin("mouse"), "default");
	assert_null(config_get("no_such_key"));
	assert_null(config_origin("no_such_key"));
	/* Callers that have their own default hear "not set". */
	assert_int_equal(config_lookup("keymap", value, sizeof value, NULL,
	    0), 0);
	config_done(&f);
}

static void
test_config_user_wins(void **state)
{
	struct files f;
	char value[64], where[256], want[256];

	(void)state;
	config_files(&f, "# the server\ndate_style = roc\nmouse = on\n"
	    "db = /var/lib/ogpo\n",
	    "mouse=off\n\n   # mine\n  date_style   =   iso  \n"
	    "date_style = roc   # ROC years\n"
	    "keymap = ~/keys#2.keymap\n");
	assert_int_equal(config_load_files(f.sys, f.user), 0);
	assert_string_equal(config_get("mouse"), "off");
	snprintf(want, sizeof want, "%s:1", f.user);
	assert_string_equal(config_origin("mouse"), want);
	/* Within a file too, the later line wins. */
	assert_string_equal(config_get("date_style"), "roc");
	snprintf(want, sizeof want, "%s:5", f.user);
	assert_string_equal(config_origin("date_style"), want);
	assert_string_equal(config_get("db"), "/var/lib/ogpo");
	snprintf(want, sizeof want, "%s:4", f.sys);
	assert_string_equal(config_origin("db"), want);
	assert_int_equal(config_lookup("date_style", value, sizeof value,
	    where, sizeof where), 1);
	assert_string_equal(value, "roc");
	snprintf(want, sizeof want, "%s:5", f.user);
	assert_string_equal(where, want);
	/* A '#' inside a value is kept; one after a blank is a comment. */
	assert_string_equal(config_get("keymap"), "~/keys#2.keymap");
	config_done(&f);
}

static void
test_config_bad_lines(void **state)
{
	struct files f;
	const char *p;
	char want[1024];

	(void)state;
	unsetenv("NO_COLOR");
	config_files(&f, "theme = mono\n",
	    "mouse = on\n"
	    "colour = blue\n"		/* 2: no such key */
	    "just words\n"		/* 3: no = */
	    "theme = pink\n"		/* 4: not a choice */
	    "ambiguous_width = 3\n"	/* 5 */
	    "attendance_threshold = 150\n"	/* 6 */
	    "ui.lang = fr\n"		/* 7: no default */
	    "export_encoding = big5\n");
	assert_int_equal(config_load_files(f.sys, f.user), 6);
	assert_non_null(p = config_problems());
	snprintf(want, sizeof want, "%s:2: 'colour' is not a setting ogpo "
	    "knows (ogpo --print-config lists them); the line is ignored\n"
	    "%s:3: 'just words' is not KEY = VALUE; the line is ignored\n"
	    "%s:4: theme 'pink' is not one of default, light, mono; using mono\n"
	    "%s:5: ambiguous_width '3' is not one of 1, 2; using 1\n"
	    "%s:6: attendance_threshold '150' is not a percentage (write "
	    "75%%); using 75%%\n"
	    "%s:7: ui.lang 'fr' is not one of zh_TW, en; the line is ignored",
	    f.user, f.user, f.user, f.user, f.user, f.user);
	assert_string_equal(p, want);
	/* The rest still loaded; the system's theme stays. */
	assert_string_equal(config_get("mouse"), "on");
	assert_string_equal(config_get("export_encoding"), "big5");
	assert_string_equal(config_get("theme"), "mono");
	assert_null(config_get("ui.lang"));
	config_done(&f);
}

static void
test_config_system_only(void **state)
{
	struct files f;
	char want[1024];

	(void)state;
	config_files(&f, "db = /srv/ogpo\nunknown_users = refuse\n"
	    "db = relative/dir\n",
	    "db = /home/me/db\nunknown_users = viewer\n");
	assert_int_equal(config_load_files(f.sys, f.user), 3);
	/* The user's lines change nothing: on a shared server ogpo runs
	 * set-id, and these choose the database and who may use it. */
	assert_string_equal(config_get("db"), "/srv/ogpo");
	assert_string_equal(config_get("unknown_users"), "refuse");
	snprintf(want, sizeof want, "%s:3: db 'relative/dir' is not an "
	    "absolute directory path; using /srv/ogpo\n"
	    "%s:1: db can only be set in %s, by the administrator; the line "
	    "is ignored\n"
	    "%s:2: unknown_users can only be set in %s, by the "
	    "administrator; the line is ignored", f.sys, f.user,
	    config_system_path(), f.user, config_system_path());
	assert_string_equal(config_problems(), want);
	config_done(&f);
}

static void
test_config_set_and_no_color(void **state)
{
	struct files f;
	char *cause = NULL;

	(void)state;
	config_files(&f, NULL, "keymap = vi\ntheme = default\n");
	setenv("NO_COLOR", "1", 1);
	assert_int_equal(config_load_files(f.sys, f.user), 0);
	assert_string_equal(config_get("theme"), "mono");
	assert_string_equal(config_origin("theme"), "NO_COLOR");
	/* An empty NO_COLOR is no request. */
	setenv("NO_COLOR", "", 1);
	config_load_files(f.sys, f.user);
	assert_string_equal(config_get("theme"), "default");
	unsetenv("NO_COLOR");

	assert_string_equal(config_get("keymap"), "vi");
	assert_int_equal(config_set("keymap", "emacs", "--keymap", &cause), 0);
	assert_string_equal(config_get("keymap"), "emacs");
	assert_string_equal(config_origin("keymap"), "--keymap");
	assert_int_equal(config_set("keymap", "", "--keymap", &cause), -1);
	assert_string_equal(cause, "--keymap: '' is not default, vi, emacs or "
	    "a keymap file's path");
	assert_string_equal(config_get("keymap"), "emacs");
	free(cause);
	cause = NULL;
	assert_int_equal(config_set("colour", "x", "--colour", &cause), -1);
	free(cause);
	cause = NULL;
	/* The value and origin in force, set again: copied before the old
	 * ones go (under ASan this read freed memory). */
	assert_int_equal(config_set("keymap", config_get("keymap"),
	    config_origin("keymap"), &cause), 0);
	assert_string_equal(config_get("keymap"), "emacs");
	assert_string_equal(config_origin("keymap"), "--keymap");
	config_done(&f);
}

/*
 * What the reader of the user's file sent, built here: mouse set to
 * mouse (NULL: not), db to /home/evil/db, problems as given.
 */
static char *
config_sent(const char *mouse, const char *problems, size_t *len)
{
	char *buf = NULL;
	size_t i;
	FILE *f;

	assert_non_null(f = open_memstream(&buf, len));
	aside_put_u32(f, problems != NULL);
	for (i = 0; i < config_nkeys; i++) {
		if (strcmp(config_keys[i].name, "db") == 0) {
			aside_put_str(f, "/home/evil/db");
			aside_put_str(f, "/home/evil/.config/ogpo/config:1");
		} else if (strcmp(config_keys[i].name, "mouse") == 0 &&
		    mouse != NULL) {
			aside_put_str(f, mouse);
			aside_put_str(f, "/home/evil/.config/ogpo/config:2");
		} else {
			aside_put_str(f, NULL);
			aside_put_str(f, NULL);
		}
	}
	aside_put_str(f, problems);
	assert_int_equal(fclose(f), 0);
	return buf;
}

/*
 * The user's file is read by another process: of what it sends, only
 * values their keys accept are taken, and never one of the keys only
 * the system's file sets (where the shared database is).
 */
static void
test_config_receive(void **state)
{
	struct files f;
	char *buf;
	size_t len;

	(void)state;
	config_files(&f, "db = /var/lib/ogpo\n", NULL);
	config_load_files(f.sys, NULL);
	buf = config_sent("on", "x:3: a problem", &len);
	assert_int_equal(config_receive(buf, len), 0);
	assert_string_equal(config_get("mouse"), "on");
	assert_string_equal(config_origin("mouse"),
	    "/home/evil/.config/ogpo/config:2");
	assert_string_equal(config_get("db"), "/var/lib/ogpo");
	assert_string_equal(config_problems(), "x:3: a problem");
	/* Cut short anywhere, it is not taken. */
	for (; len > 0; len--)
		assert_int_equal(config_receive(buf, len - 1), -1);
	free(buf);
	/* A value its key does not accept: nothing is taken. */
	config_load_files(f.sys, NULL);
	buf = config_sent("sometimes", NULL, &len);
	assert_int_equal(config_receive(buf, len), -1);
	assert_string_equal(config_get("mouse"), "off");
	assert_null(config_problems());
	free(buf);
	config_done(&f);
}

static void
test_config_percent(void **state)
{
	double d;

	(void)state;
	assert_int_equal(config_percent("75%", &d), 0);
	assert_true(d > 0.749 && d < 0.751);
	assert_int_equal(config_percent("75", &d), 0);
	assert_true(d > 0.749 && d < 0.751);
	assert_int_equal(config_percent("0.75", &d), 0);
	assert_true(d > 0.749 && d < 0.751);
	/* With "%" it is a percentage whatever its size. */
	assert_int_equal(config_percent("1%", &d), 0);
	assert_true(d > 0.0099 && d < 0.0101);
	assert_int_equal(config_percent("1", &d), 0);
	assert_true(d > 0.999);
	assert_int_equal(config_percent("0", &d), -1);
	assert_int_equal(config_percent("150", &d), -1);
	assert_int_equal(config_percent("60 %", &d), -1);
	assert_int_equal(config_percent("", &d), -1);
	assert_int_equal(config_percent("nan", &d), -1);
}

static void
test_config_unreadable_and_long(void **state)
{
	struct files f;
	char *line, want[512];
	FILE *fp;

	(void)state;
	config_files(&f, NULL, NULL);
	/* A line longer than any buffer is still one line. */
	line = xmalloc(5000);
	memset(line, 'a', 4999);
	line[4999] = '\0';
	memcpy(line, "keymap = /", 10);
	assert_non_null(fp = fopen(f.user, "w"));
	fprintf(fp, "%s\nmouse = on\n", line);
	fclose(fp);
	assert_int_equal(config_load_files(f.sys, f.user), 0);
	assert_string_equal(config_get("keymap"), line + 9);
	assert_string_equal(config_get("mouse"), "on");
	free(line);
	if (geteuid() != 0) {
		chmod(f.user, 0);
		assert_int_equal(config_load_files(f.sys, f.user), 1);
		snprintf(want, sizeof want, "%s: cannot be read; its settings "
		    "are not used", f.user);
		assert_string_equal(config_problems(), want);
	}
	config_done(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_config_defaults),
		cmocka_unit_test(test_config_user_wins),
		cmocka_unit_test(test_config_bad_lines),
		cmocka_unit_test(test_config_system_only),
		cmocka_unit_test(test_config_set_and_no_color),
		cmocka_unit_test(test_config_receive),
		cmocka_unit_test(test_config_percent),
		cmocka_unit_test(test_config_unreadable_and_long),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
