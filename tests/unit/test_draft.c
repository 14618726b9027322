/*
 * test_draft.c — a form's unsaved values kept in a file of the person's
 * own: what is written reads back as it was (tabs, line breaks, Chinese,
 * lists), only the drafts of the database asked for are listed, oldest
 * first, and a file that is no draft (garbage, a line longer than any
 * draft writes, an unknown kind, a time past any date, a link) is passed
 * over; values too long for their field are cut at a character, lists at
 * their room.
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
#include "ogpo/draft.h"
#include "ogpo/schema.h"
#include "ogpo/util.h"

static char home[64], db[96], other[96], dir[128];

static int
setup(void **state)
{
	(void)state;
	snprintf(home, sizeof home, "/tmp/ogpo-draft.XXXXXX");
	if (mkdtemp(home) == NULL)
		return -1;
	snprintf(db, sizeof db, "%s/db", home);
	snprintf(other, sizeof other, "%s/other", home);
	mkdir(db, 0700);
	mkdir(other, 0700);
	setenv("HOME", home, 1);
	setenv("XDG_STATE_HOME", "", 1);	/* unset: HOME's */
	snprintf(dir, sizeof dir, "%s/.local/state/ogpo/drafts", home);
	return 0;
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", home);
	return system(cmd) == 0 ? 0 : -1;
}

static struct draft *
officer_draft(const char *dbdir, const char *name, const char *note)
{
	struct draft *d = xcalloc(1, sizeof *d);
	struct officer o;

	d->db = xstrdup(dbdir);
	d->kind = ENTITY_OFFICER;
	d->title = xstrdup("Edit officer 王小明");
	d->id = 12;
	d->version = 3;
	memset(&o, 0, sizeof o);
	snprintf(o.name, sizeof o.name, "%s", "王小明");
	o.agency = 7;
	draft_put_record(d, 'o', &o);
	snprintf(o.name, sizeof o.name, "%s", name);
	snprintf(o.note, sizeof o.note, "%s", note);
	draft_put_record(d, 'm', &o);
	draft_add(d, 't', "end_date", "民國115年");
	return d;
}

static void
test_round_trip(void **state)
{
	struct draft *d = officer_draft(db, "王大明", "第一行\n\t縮排\\反斜線"),
	    **list;
	struct officer o;
	struct stat st;
	char *cause = NULL;
	size_t n;

	(void)state;
	assert_int_equal(draft_write(d, &cause), 0);
	assert_non_null(d->path);
	assert_int_equal(stat(d->path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	n = draft_list(db, &list);
	assert_int_equal(n, 1);
	assert_int_equal(list[0]->kind, ENTITY_OFFICER);
	assert_int_equal(list[0]->id, 12);
	assert_int_equal(list[0]->version, 3);
	assert_string_equal(list[0]->title, "Edit officer 王小明");
	assert_string_equal(draft_get(list[0], 't', "end_date"), "民國115年");
	memset(&o, 0, sizeof o);
	draft_get_record(list[0], 'o', &o);
	assert_string_equal(o.name, "王小明");
	assert_int_equal(o.agency, 7);
	draft_get_record(list[0], 'm', &o);
	assert_string_equal(o.name, "王大明");
	assert_string_equal(o.note, "第一行\n\t縮排\\反斜線");
	/* Another database's drafts are not this one's. */
	draft_free_list(list, n);
	assert_int_equal(draft_list(other, &list), 0);
	draft_free_list(list, 0);
	draft_remove(d);
	assert_int_equal(draft_list(db, &list), 0);
	draft_free_list(list, 0);
	draft_free(d);
}

static void
put(const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	fclose(f);
}

static void
test_not_drafts(void **state)
{
	struct draft *d = officer_draft(db, "王大明", ""), **list;
	char *cause = NULL, *big, *text, link[256];
	size_t n;

	(void)state;
	assert_int_equal(draft_write(d, &cause), 0);
	/* Each would be listed, were it read as a draft of db. */
	put("garbage.draft", "\x01\x02 not a draft at all");
	text = xasprintf("ogpo draft 1\ndb\t%s\nkind\tspaceship\n"
	    "title\tx\n", db);
	put("kind.draft", text);
	free(text);
	put("nodb.draft", "ogpo draft 1\nkind\tofficer\ntitle\tx\n");
	text = xasprintf("ogpo draft 1\ndb\t%s\nkind\tofficer\n"
	    "id\t99999999999\ntitle\tx\n", db);
	put("number.draft", text);
	free(text);
	/* Past any year localtime can give: offering it took ogpo down. */
	text = xasprintf("ogpo draft 1\ndb\t%s\nkind\tofficer\n"
	    "when\t99999999999999999999\ntitle\tx\n", db);
	put("when.draft", text);
	free(text);
	text = xasprintf("ogpo draft 1\ndb\t%s\no\tname\tx\n"
	    "kind\tofficer\ntitle\tx\n", db);
	put("value-before-kind.draft", text);
	free(text);
	text = xasprintf("ogpo draft 2\ndb\t%s\nkind\tofficer\n"
	    "title\tx\n", db);
	put("version.draft", text);
	free(text);
	big = xmalloc(200 * 1024);
	memset(big, 'x', 200 * 1024 - 1);
	big[200 * 1024 - 1] = '\0';
	text = xasprintf("ogpo draft 1\ndb\t%s\nkind\tofficer\ntitle\t%s\n",
	    db, big);
	put("long.draft", text);
	free(text);
	free(big);
	put("other.txt", "ogpo draft 1\n");
	snprintf(link, sizeof link, "%s/link.draft", dir);
	assert_int_equal(symlink(d->path, link), 0);
	n = draft_list(db, &list);
	assert_int_equal(n, 1);
	assert_string_equal(list[0]->path, d->path);
	draft_free_list(list, n);
	draft_remove(d);
	draft_free(d);
}

/* One draft as the reader of the files sends it: in file name, of db,
 * with one value of field name. */
static char *
draft_sent(const char *name, const char *file, size_t *len)
{
	char *buf = NULL, *path = xasprintf("%s/%s", dir, file);
	FILE *f;

	assert_non_null(f = open_memstream(&buf, len));
	aside_put_u32(f, 1);
	aside_put_str(f, file[0] == '/' ? file : path);
	aside_put_str(f, db);
	aside_put_u32(f, ENTITY_OFFICER);
	aside_put_str(f, "Edit officer");
	aside_put_i64(f, 1715140800);
	aside_put_u32(f, 7);
	aside_put_u32(f, 3);
	aside_put_u32(f, 1);
	aside_put_u32(f, 'm');
	aside_put_str(f, name);
	aside_put_str(f, "王小明");
	assert_int_equal(fclose(f), 0);
	free(path);
	return buf;
}

/*
 * The drafts are read by another process: what it sends is taken only
 * as draft_read would take a file, and only from the drafts directory
 * (the file a discarded draft's name has removed).
 */
static void
test_receive(void **state)
{
	struct draft **list;
	char *buf;
	size_t len, n;

	(void)state;
	buf = draft_sent("name", "1-1-0.draft", &len);
	n = draft_receive(buf, len, db, &list);
	assert_int_equal(n, 1);
	assert_string_equal(draft_get(list[0], 'm', "name"), "王小明");
	assert_int_equal(list[0]->version, 3);
	draft_free_list(list, n);
	assert_int_equal(draft_receive(buf, len, other, &list), 0);
	assert_null(list);
	assert_int_equal(draft_receive(buf, len - 1, db, &list), 0);
	free(buf);
	buf = draft_sent("spaceship", "1-1-0.draft", &len);
	assert_int_equal(draft_receive(buf, len, db, &list), 0);
	free(buf);
	buf = draft_sent("name", "/etc/passwd", &len);
	assert_int_equal(draft_receive(buf, len, db, &list), 0);
	free(buf);
	buf = draft_sent("name", "../../../../x.draft", &len);
	assert_int_equal(draft_receive(buf, len, db, &list), 0);
	free(buf);
}

static void
test_cut(void **state)
{
	struct draft *d = xcalloc(1, sizeof *d);
	struct officer o;
	struct issue is;
	char *long_name = xmalloc(4000), *list;
	size_t i, used = 0;

	(void)state;
	d->kind = ENTITY_OFFICER;
	for (i = 0; i + 3 < 4000; i += 3)
		memcpy(long_name + i, "陳", 3);
	long_name[i] = '\0';
	draft_add(d, 'm', "name", long_name);
	draft_add(d, 'm', "agency", "12x");	/* not a number: left */
	draft_add(d, 'm', "role", "4294967296");	/* past 32 bits */
	memset(&o, 0, sizeof o);
	o.agency = 5;
	o.role = 2;
	draft_get_record(d, 'm', &o);
	assert_true(strlen(o.name) < sizeof o.name);
	assert_int_equal(strlen(o.name) % 3, 0);	/* whole characters */
	assert_int_equal(o.agency, 5);
	assert_int_equal(o.role, 2);
	draft_free(d);
	free(long_name);

	/* A list past its room is cut there. */
	d = xcalloc(1, sizeof *d);
	d->kind = ENTITY_ISSUE;
	list = xmalloc(4096);
	for (i = 1; i <= 200; i++)
		used += (size_t)snprintf(list + used, 4096 - used, "%s%zu",
		    i > 1 ? "," : "", i);
	draft_add(d, 'm', "collab", list);
	memset(&is, 0, sizeof is);
	draft_get_record(d, 'm', &is);
	assert_int_equal(is.ncollab, OGPO_COLLAB_MAX);
	assert_int_equal(is.collab[OGPO_COLLAB_MAX - 1], OGPO_COLLAB_MAX);
	/* … and one that stops making sense, where it does. */
	draft_free(d);
	d = xcalloc(1, sizeof *d);
	d->kind = ENTITY_ISSUE;
	draft_add(d, 'm', "collab", "3,4,x,5");
	draft_get_record(d, 'm', &is);
	assert_int_equal(is.ncollab, 2);
	assert_int_equal(is.collab[1], 4);
	free(list);
	draft_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_not_drafts, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_receive, setup,
		    teardown),
		cmocka_unit_test(test_cut),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
