/*
 * test_undo.c — taking a change back: an edit, a new record, a deletion
 * (the record comes back under its own id), a change of many records at
 * once; refused when a record moved on since, when it was taken back
 * already, or when it is itself an undo; your last change is the newest
 * that stands. Import undo is the same mechanism: a record an import made
 * and then changed goes, and an import undone stays undone after any
 * number of later undos.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"
#include "ogpo/core.h"
#include "ogpo/import.h"
#include "ogpo/store.h"
#include "ogpo/util.h"

#define assert_contains(hay, needle) do {				\
	const char *h_ = (hay), *n_ = (needle);				\
	if (h_ == NULL || strstr(h_, n_) == NULL)			\
		fail_msg("'%s' is not in '%s'", n_, h_ ? h_ : "(null)");\
} while (0)

struct fx {
	char		 dir[64];
	struct core	*c;
	uint32_t	 ey, moi;
};

static void
test_save(struct core *c, enum entity_kind kind, void *rec)
{
	char *cause = NULL;

	if (core_save1(c, kind, rec, &cause) != 0)
		fail_msg("saving a %s: %s", schema_of(kind)->name, cause);
}

/* A new database under base with the Executive Yuan and a ministry. */
static int
test_setup_at(void **state, const char *base)
{
	struct fx *f = calloc(1, sizeof *f);
	struct agency a;

	if (f == NULL || (f->c = fixture_core_open_in(f->dir, sizeof f->dir,
	    base)) == NULL) {
		free(f);
		return -1;
	}
	memset(&a, 0, sizeof a);
	strcpy(a.code, "EY");
	strcpy(a.name, "行政院");
	a.level = LEVEL_CABINET;
	test_save(f->c, ENTITY_AGENCY, &a);
	f->ey = a.h.id;
	memset(&a, 0, sizeof a);
	strcpy(a.code, "MOI");
	strcpy(a.name, "內政部");
	a.parent = f->ey;
	a.level = LEVEL_2;
	test_save(f->c, ENTITY_AGENCY, &a);
	f->moi = a.h.id;
	*state = f;
	return 0;
}

static int
test_setup(void **state)
{
	return test_setup_at(state, "/tmp");
}

/* In memory: the many-undos test commits thousands of times. */
static int
test_setup_shm(void **state)
{
	return test_setup_at(state, "/dev/shm");
}

static int
test_teardown(void **state)
{
	struct fx *f = *state;

	fixture_core_close(f->c, f->dir);
	free(f);
	return 0;
}

static struct store_txn *
test_read(struct fx *f)
{
	struct store_txn *t;

	if (store_read_begin(core_store(f->c), &t, NULL) != 0)
		fail_msg("store_read_begin");
	return t;
}

/* The newest audit record's seq: the change just made ends there. */
static uint64_t
test_last_seq(struct fx *f)
{
	struct store_txn *t = test_read(f);
	uint64_t seq = store_audit_next(t) - 1;

	store_read_end(t);
	return seq;
}

struct test_undo {
	uint64_t	 seq;
	uint64_t	 undo;
};

static int
test_undo_txn(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct test_undo *u = arg;

	return core_undo(c, t, u->seq, NULL, NULL, &u->undo, cause);
}

/* Take back the change holding seq: rc as core_undo says, cause kept. */
static int
test_undo(struct fx *f, uint64_t seq, char **cause)
{
	struct test_undo u = { seq, 0 };

	return core_run(f->c, test_undo_txn, &u, cause);
}

static void
test_officer(struct fx *f, struct officer *o, const char *name,
    const char *email)
{
	memset(o, 0, sizeof *o);
	o->agency = f->moi;
	o->role = ROLE_MEMBER;
	o->civil_servant = 1;
	strcpy(o->name, name);
	strcpy(o->email, email);
	strcpy(o->title, "科長");
	test_save(f->c, ENTITY_OFFICER, o);
}

static int
test_get(struct fx *f, uint32_t id, struct officer *o)
{
	struct store_txn *t = test_read(f);
	int rc = store_officer_get(t, id, o, NULL);

	store_read_end(t);
	return rc;
}

/* An edit, a new record and a deletion, each taken back. */
static void
test_undo_records(void **state)
{
	struct fx *f = *state;
	struct officer o, g;
	struct training tr;
	char *cause = NULL;
	uint64_t made, edit, del;
	uint32_t id;

	test_officer(f, &o, "王小明", "wang@ex.gov.tw");
	made = test_last_seq(f);
	id = o.h.id;
	strcpy(o.title, "專員");
	test_save(f->c, ENTITY_OFFICER, &o);
	edit = test_last_seq(f);

	assert_int_equal(test_undo(f, edit, &cause), 0);
	assert_int_equal(test_get(f, id, &g), 0);
	assert_string_equal(g.title, "科長");

	/* Taken back once only. */
	assert_int_equal(test_undo(f, edit, &cause), OGPO_INVALID);
	assert_contains(cause, "was taken back already");
	free(cause);
	cause = NULL;
	/* An undo is not itself taken back. */
	assert_int_equal(test_undo(f, test_last_seq(f), &cause),
	    OGPO_INVALID);
	assert_contains(cause, "is itself an undo");
	free(cause);
	cause = NULL;

	/* A training record, deleted, comes back with its own id. */
	memset(&tr, 0, sizeof tr);
	tr.officer = id;
	strcpy(tr.date, "2026-01-05");
	strcpy(tr.course, "開放資料");
	tr.competencies = COMPETENCE_COMMUNICATION;
	test_save(f->c, ENTITY_TRAINING, &tr);
	assert_int_equal(core_delete1(f->c, ENTITY_TRAINING, tr.h.id, 0,
	    &cause), 0);
	del = test_last_seq(f);
	assert_int_equal(test_undo(f, del, &cause), 0);
	{
		struct store_txn *t = test_read(f);
		struct training back;

		assert_int_equal(store_get(t, ENTITY_TRAINING, tr.h.id, &back,
		    NULL), 0);
		assert_string_equal(back.course, "開放資料");
		store_read_end(t);
	}
	/* The officer now has a training record: its making cannot be
	 * taken back, and nothing is written by trying. */
	assert_int_not_equal(test_undo(f, made, &cause), 0);
	assert_contains(cause, "training or reward record");
	free(cause);
	cause = NULL;
	assert_int_equal(test_get(f, id, &g), 0);
}

/* A record changed after the change: refused, naming who and when. */
static void
test_undo_moved_on(void **state)
{
	struct fx *f = *state;
	struct officer o, g;
	struct core_change ch;
	char *cause = NULL;
	uint64_t edit, n;

	test_officer(f, &o, "李美玲", "li@ex.gov.tw");
	strcpy(o.title, "專員");
	test_save(f->c, ENTITY_OFFICER, &o);
	edit = test_last_seq(f);
	strcpy(o.phone, "02-1234");
	test_save(f->c, ENTITY_OFFICER, &o);

	n = test_last_seq(f) + 1;
	assert_int_equal(core_undo_check(f->c, edit, &ch, &cause),
	    OGPO_CONFLICT);
	assert_contains(cause, "officer 李美玲 was changed by ");
	assert_contains(cause, core_login(f->c));
	assert_contains(cause, "after it");
	free(cause);
	cause = NULL;
	assert_contains(ch.what, "title 科長 → 專員");
	assert_int_equal(test_undo(f, edit, &cause), OGPO_CONFLICT);
	free(cause);
	cause = NULL;
	assert_int_equal(test_last_seq(f), n - 1);	/* nothing written */
	assert_int_equal(test_get(f, o.h.id, &g), 0);
	assert_string_equal(g.title, "專員");

	/* Changed back by hand, it is as the change left it again. */
	g.phone[0] = '\0';
	test_save(f->c, ENTITY_OFFICER, &g);
	assert_int_equal(test_undo(f, edit, &cause), 0);
	assert_int_equal(test_get(f, o.h.id, &g), 0);
	assert_string_equal(g.title, "科長");
}

struct test_many {
	uint32_t	 ids[3];
	uint32_t	 meeting;
};

/* One transaction: a meeting, two invitees, a changed title. */
static int
test_many_txn(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct test_many *m = arg;
	struct meeting mt;
	struct officer o;
	int rc;

	memset(&mt, 0, sizeof mt);
	mt.kind = MEETING_WORK;
	mt.status = MEETING_PLANNED;
	strcpy(mt.date, "2026-02-10");
	strcpy(mt.title, "二月工作推動會議");
	if ((rc = core_save(c, t, ENTITY_MEETING, &mt, cause)) != 0)
		return rc;
	m->meeting = mt.h.id;
	if ((rc = core_invite(c, t, mt.h.id, m->ids[0], cause)) != 0 ||
	    (rc = core_invite(c, t, mt.h.id, m->ids[1], cause)) != 0 ||
	    (rc = store_officer_get(t, m->ids[2], &o, cause)) != 0)
		return rc;
	strcpy(o.title, "簡任視察");
	return core_save(c, t, ENTITY_OFFICER, &o, cause);
}

/* A change of many records is one change, taken back whole. */
static void
test_undo_group(void **state)
{
	struct fx *f = *state;
	struct test_many m;
	struct officer o;
	struct store_txn *t;
	struct core_change ch;
	char *cause = NULL;
	int i;

	for (i = 0; i < 3; i++) {
		char email[32];

		snprintf(email, sizeof email, "p%d@ex.gov.tw", i);
		test_officer(f, &o, "某人", email);
		m.ids[i] = o.h.id;
	}
	assert_int_equal(core_run(f->c, test_many_txn, &m, &cause), 0);

	/* It is your last change: four records. */
	t = test_read(f);
	assert_int_equal(core_change_last(t, core_login(f->c), &ch, &cause),
	    0);
	store_read_end(t);
	assert_int_equal(ch.records, 4);
	assert_contains(ch.what, "二月工作推動會議");
	assert_contains(ch.what, "and 3 more records");
	assert_int_equal(test_undo(f, ch.last, &cause), 0);
	t = test_read(f);
	assert_false(store_exists(t, ENTITY_MEETING, m.meeting));
	assert_int_equal(store_count(t, IX_ATTENDANCE_OFFICER, &m.ids[0]), 0);
	assert_int_equal(store_officer_get(t, m.ids[2], &o, NULL), 0);
	assert_string_equal(o.title, "科長");
	/* Your last change now: the officer made before, not the undo. */
	assert_int_equal(core_change_last(t, core_login(f->c), &ch, &cause),
	    0);
	assert_int_equal(ch.undone, 0);
	assert_false(ch.undo);
	assert_contains(ch.what, "某人");
	store_read_end(t);
}

/* Write an officer list of one row into dir/name. */
static void
test_csv(struct fx *f, const char *name, const char *rows, char *path,
    size_t n)
{
	FILE *fp;

	snprintf(path, n, "%s/%s", f->dir, name);
	if ((fp = fopen(path, "w")) == NULL)
		fail_msg("cannot write %s", path);
	fprintf(fp, "name,email,agency_code,title\n%s", rows);
	fclose(fp);
}

static uint64_t
test_import(struct fx *f, const char *path)
{
	struct import_options o;
	struct import_result res;
	char *cause = NULL;

	memset(&o, 0, sizeof o);
	o.kind = ENTITY_OFFICER;
	if (import_run(f->c, path, &o, &res, &cause) != 0)
		fail_msg("import %s: %s", path, cause);
	free(res.absent);	/* who stays though not in the file */
	return res.seq;
}

struct test_listed {
	uint64_t	 seq;
	int		 undone, seen;
};

static int
test_listed(void *arg, uint64_t seq, const struct audit *a,
    const struct import_record *ir, int undone)
{
	struct test_listed *l = arg;

	(void)a;
	(void)ir;
	if (seq != l->seq)
		return 0;
	l->undone = undone;
	l->seen = 1;
	return 1;
}

/*
 * An import undone stays undone however many undos follow (once, past
 * 1,024 of them, it looked live again and could be "undone" over later
 * hand edits).
 */
static void
test_undo_import_many(void **state)
{
	struct fx *f = *state;
	struct import_record ir;
	struct test_listed l;
	struct officer o;
	struct store_txn *t;
	char path[128], *cause = NULL;
	uint64_t first, seq;
	int i;

	test_csv(f, "a.csv", "甲,a@ex.gov.tw,MOI,科長\n", path, sizeof path);
	first = test_import(f, path);
	assert_int_equal(import_undo(f->c, first, &ir, &cause), 0);
	/* A hand-made officer with a.csv's address, edited later. */
	test_officer(f, &o, "甲", "a@ex.gov.tw");
	test_csv(f, "b.csv", "乙,b@ex.gov.tw,MOI,科長\n", path, sizeof path);
	for (i = 0; i < 1100; i++) {
		seq = test_import(f, path);
		if (import_undo(f->c, seq, &ir, &cause) != 0)
			fail_msg("undo %d: %s", i, cause);
	}
	strcpy(o.title, "技正");
	test_save(f->c, ENTITY_OFFICER, &o);

	memset(&l, 0, sizeof l);
	l.seq = first;
	assert_int_equal(import_list(f->c, test_listed, &l, &cause), 0);
	assert_true(l.seen);
	assert_true(l.undone);
	assert_int_equal(import_undo(f->c, first, &ir, &cause), OGPO_INVALID);
	assert_contains(cause, "was undone already");
	free(cause);
	cause = NULL;
	assert_int_equal(import_undo(f->c, 0, &ir, &cause), OGPO_NOTFOUND);
	free(cause);
	t = test_read(f);
	assert_int_equal(store_officer_get(t, o.h.id, &o, NULL), 0);
	assert_string_equal(o.title, "技正");
	store_read_end(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_undo_records,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_undo_moved_on,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_undo_group,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_undo_import_many,
		    test_setup_shm, test_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
