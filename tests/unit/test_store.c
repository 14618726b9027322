/*
 * test_store.c — the LMDB store in a temporary directory: records go in
 * and come back the same; every index holds exactly what the records
 * imply after puts, replacements and deletes; unique keys are refused
 * without leaving anything behind; cursors stop at the ends and find
 * their place again in a later transaction; a tiny map grows by itself;
 * verify notices damage done behind the store's back; backups reopen.
 *
 * This is the one test that includes <lmdb.h>: to damage a database the
 * way only a bug or a disk could.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>
#include <lmdb.h>

#include "ogpo/model.h"
#include "ogpo/schema.h"
#include "fixture.h"
#include "ogpo/codec.h"
#include "ogpo/store.h"
#include "ogpo/text.h"
#include "ogpo/util.h"

#define assert_contains(hay, needle) do {				\
	const char *h_ = (hay), *n_ = (needle);				\
	if (h_ == NULL || strstr(h_, n_) == NULL)			\
		fail_msg("'%s' is not in '%s'", n_, h_ ? h_ : "(null)");\
} while (0)

/* Each test's directory and open store. */
struct fx {
	char		 dir[64];
	struct store	*s;
};

static int
test_setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	char *cause = NULL;

	if (f == NULL)
		return -1;
	strcpy(f->dir, "/tmp/ogpo-test-store.XXXXXX");
	if (mkdtemp(f->dir) == NULL) {
		free(f);
		return -1;
	}
	if (store_open(&f->s, f->dir, &(struct store_options){ .create = 1 },
	    &cause) != 0) {
		fprintf(stderr, "store_open: %s\n", cause);
		free(cause);
		fixture_rmdir(f->dir);
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int
test_teardown(void **state)
{
	struct fx *f = *state;

	store_close(f->s);
	fixture_rmdir(f->dir);
	free(f);
	return 0;
}

/* Problems store_verify reports, kept for messages and searching. */
struct test_problems {
	size_t	n;
	char	text[8192];
};

static void
test_problem(void *arg, const char *problem)
{
	struct test_problems *p = arg;
	size_t used = strlen(p->text);

	p->n++;
	snprintf(p->text + used, sizeof p->text - used, "%s\n", problem);
}

/* Run store_verify in a read transaction; returns how many problems. */
static size_t
test_verify(struct store *s, struct test_problems *p)
{
	struct store_txn *t;
	char *cause = NULL;
	size_t n;

	memset(p, 0, sizeof *p);
	assert_int_equal(store_read_begin(s, &t, &cause), 0);
	n = store_verify(t, test_problem, p);
	store_read_end(t);
	assert_int_equal(n, p->n);
	return n;
}

static void
test_verify_clean(struct store *s)
{
	struct test_problems p;

	if (test_verify(s, &p) != 0)
		fail_msg("store_verify found %zu problems:\n%s", p.n, p.text);
}

static struct store_txn *
test_read(struct store *s)
{
	struct store_txn *t;
	char *cause = NULL;

	if (store_read_begin(s, &t, &cause) != 0)
		fail_msg("store_read_begin: %s", cause);
	return t;
}

/* One put or delete of any entity, as a store_write callback. */
struct test_op {
	enum entity_kind kind;
	void		*rec;		/* put: the record */
	uint32_t	 id, id2;	/* del: id, or meeting and officer */
	const char	*login;		/* del of a user */
};

static int
test_put_fn(struct store_txn *t, void *arg, char **cause)
{
	struct test_op *op = arg;

	switch (op->kind) {
	case ENTITY_AGENCY:
		return store_agency_put(t, op->rec, cause);
	case ENTITY_OFFICER:
		return store_officer_put(t, op->rec, cause);
	case ENTITY_MEETING:
		return store_meeting_put(t, op->rec, cause);
	case ENTITY_ATTENDANCE:
		return store_attendance_put(t, op->rec, cause);
	case ENTITY_ISSUE:
		return store_issue_put(t, op->rec, cause);
	case ENTITY_USER:
		return store_user_put(t, op->rec, cause);
	default:
		return store_audit_append(t, op->rec, cause);
	}
}

static int
test_del_fn(struct store_txn *t, void *arg, char **cause)
{
	struct test_op *op = arg;

	switch (op->kind) {
	case ENTITY_AGENCY:
		return store_agency_del(t, op->id, cause);
	case ENTITY_OFFICER:
		return store_officer_del(t, op->id, cause);
	case ENTITY_MEETING:
		return store_meeting_del(t, op->id, cause);
	case ENTITY_ATTENDANCE:
		return store_attendance_del(t, op->id, op->id2, cause);
	case ENTITY_ISSUE:
		return store_issue_del(t, op->id, cause);
	default:
		return store_user_del(t, op->login, cause);
	}
}

/* Put rec in a transaction of its own; it must work. */
static void
test_put(struct store *s, enum entity_kind kind, void *rec)
{
	struct test_op op = { kind, rec, 0, 0, NULL };
	char *cause = NULL;

	if (store_write(s, test_put_fn, &op, &cause) != 0)
		fail_msg("put of a %s failed: %s", schema_of(kind)->name,
		    cause);
	assert_null(cause);
}

static void
test_del(struct store *s, enum entity_kind kind, uint32_t id, uint32_t id2)
{
	struct test_op op = { kind, NULL, id, id2, NULL };
	char *cause = NULL;

	if (store_write(s, test_del_fn, &op, &cause) != 0)
		fail_msg("delete of %s #%u failed: %s", schema_of(kind)->name,
		    id, cause);
}

static void
test_mk_agency(struct agency *a, const char *code, const char *name,
    uint32_t parent, uint32_t level)
{
	memset(a, 0, sizeof *a);
	strcpy(a->code, code);
	strcpy(a->name, name);
	a->parent = parent;
	a->level = level;
}

static void
test_mk_officer(struct officer *o, uint32_t agency, const char *name,
    const char *email)
{
	memset(o, 0, sizeof *o);
	o->agency = agency;
	o->role = ROLE_PO;
	strcpy(o->name, name);
	strcpy(o->email, email);
}

static void
test_mk_meeting(struct meeting *m, const char *date, const char *title)
{
	memset(m, 0, sizeof *m);
	m->kind = MEETING_WORK;
	m->status = MEETING_HELD;
	strcpy(m->date, date);
	strcpy(m->title, title);
}

static void
test_mk_attendance(struct attendance *a, uint32_t meeting, uint32_t officer,
    uint32_t status)
{
	memset(a, 0, sizeof *a);
	a->meeting = meeting;
	a->officer = officer;
	a->status = status;
}

static void
test_mk_issue(struct issue *is, const char *title, uint32_t lead, uint32_t n,
    const uint32_t *collab)
{
	memset(is, 0, sizeof *is);
	strcpy(is->title, title);
	is->lead = lead;
	is->status = ISSUE_OPEN;
	is->ncollab = n;
	if (n > 0)
		memcpy(is->collab, collab, n * sizeof *collab);
}

/*
 * What a cursor on ix stands on, as one number: the record's id, or for
 * attendance meeting * 1000 + officer. The record it yields must agree.
 */
static uint32_t
test_at(struct store_cursor *c, enum store_index ix)
{
	union {
		struct record_head h;
		struct agency a;
		struct officer o;
		struct meeting m;
		struct attendance at;
		struct issue i;
		struct user u;
	} rec;
	char *cause = NULL;
	uint32_t id = store_cursor_id(c);

	if (store_index_entity(ix) == ENTITY_AUDIT)
		return id;
	if (store_cursor_get(c, &rec, &cause) != 0)
		fail_msg("store_cursor_get on %s: %s", store_index_name(ix),
		    cause);
	if (store_index_entity(ix) == ENTITY_ATTENDANCE) {
		assert_int_equal(id, rec.at.officer);
		return rec.at.meeting * 1000 + rec.at.officer;
	}
	assert_int_equal(id, rec.h.id);
	return id;
}

/*
 * Walk ix (one group of it, when group is not NULL) forwards and
 * backwards: exactly want[0..n) must appear, in that order, and
 * store_count must agree.
 */
static void
test_walk(struct store *s, enum store_index ix, const uint32_t *group,
    const uint32_t *want, size_t n)
{
	struct store_txn *t = test_read(s);
	struct store_cursor *c;
	char *cause = NULL;
	uint32_t got[64];
	size_t i, k = 0;
	char msg[512];
	int len;

	assert_int_equal(store_cursor_open(t, ix, group, &c, &cause), 0);
	while (k < 64 && store_cursor_move(c, STORE_NEXT) == 0)
		got[k++] = test_at(c, ix);
	if (group != NULL)
		len = snprintf(msg, sizeof msg, "%s group %u:",
		    store_index_name(ix), *group);
	else
		len = snprintf(msg, sizeof msg, "%s:", store_index_name(ix));
	for (i = 0; i < k && len > 0 && (size_t)len < sizeof msg; i++)
		len += snprintf(msg + len, sizeof msg - (size_t)len, " %u",
		    got[i]);
	if (k != n)
		fail_msg("%s (wanted %zu entries)", msg, n);
	for (i = 0; i < n; i++)
		if (got[i] != want[i])
			fail_msg("%s (entry %zu should be %u)", msg, i,
			    want[i]);
	store_cursor_close(c);

	/* Backwards from an unpositioned cursor: the same, reversed. */
	assert_int_equal(store_cursor_open(t, ix, group, &c, &cause), 0);
	for (i = n; i > 0; i--) {
		assert_int_equal(store_cursor_move(c, STORE_PREV), 0);
		assert_int_equal(test_at(c, ix), want[i - 1]);
	}
	assert_int_equal(store_cursor_move(c, STORE_PREV), OGPO_NOTFOUND);
	store_cursor_close(c);
	assert_int_equal(store_count(t, ix, group), n);
	store_read_end(t);
}

#define WALK(s, ix, group, ...) do {					\
	const uint32_t w_[] = { __VA_ARGS__ };				\
	test_walk((s), (ix), (group), w_ + 1,				\
	    sizeof w_ / sizeof w_[0] - 1);				\
} while (0)
/* WALK(s, ix, group, 0, ids...): the leading 0 allows an empty list. */
#define GRP(v)	(&(const uint32_t){ (v) })

/* put assigns 1, 2, 3 …; a replace bumps the version; del removes. */
static void
test_store_crud_agency(void **state)
{
	struct fx *f = *state;
	struct agency a[3], got;
	struct store_txn *t;
	char *cause = NULL;

	test_mk_agency(&a[0], "EY", "行政院", 0, LEVEL_CABINET);
	test_mk_agency(&a[1], "MOI", "內政部", 1, LEVEL_2);
	test_mk_agency(&a[2], "NDC", "國家發展委員會", 1, LEVEL_2);
	strcpy(a[2].note, "備註\n第二行");
	a[2].h.updated_at = -42;
	strcpy(a[2].h.updated_by, "wang");
	for (int i = 0; i < 3; i++) {
		test_put(f->s, ENTITY_AGENCY, &a[i]);
		assert_int_equal(a[i].h.id, (uint32_t)i + 1);
		assert_int_equal(a[i].h.version, 1);
	}
	t = test_read(f->s);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(store_agency_get(t, (uint32_t)i + 1, &got,
		    &cause), 0);
		assert_memory_equal(&got, &a[i], sizeof got);
	}
	assert_int_equal(store_agency_by_code(t, "MOI", &got, &cause), 0);
	assert_int_equal(got.h.id, 2);
	assert_int_equal(store_agency_get(t, 4, &got, &cause), OGPO_NOTFOUND);
	assert_null(cause);
	store_read_end(t);

	/* Replace: same id, version 2, the new name stored. */
	strcpy(a[1].name, "內政部（新）");
	a[1].h.version = 77;	/* ignored: the store counts */
	test_put(f->s, ENTITY_AGENCY, &a[1]);
	assert_int_equal(a[1].h.id, 2);
	assert_int_equal(a[1].h.version, 2);
	test_put(f->s, ENTITY_AGENCY, &a[1]);
	assert_int_equal(a[1].h.version, 3);
	t = test_read(f->s);
	assert_int_equal(store_agency_get(t, 2, &got, &cause), 0);
	assert_memory_equal(&got, &a[1], sizeof got);
	assert_int_equal(store_count(t, IX_AGENCY, NULL), 3);
	store_read_end(t);

	test_del(f->s, ENTITY_AGENCY, 3, 0);
	t = test_read(f->s);
	assert_int_equal(store_agency_get(t, 3, &got, &cause), OGPO_NOTFOUND);
	assert_int_equal(store_agency_by_code(t, "NDC", &got, &cause),
	    OGPO_NOTFOUND);
	assert_int_equal(store_count(t, IX_AGENCY, NULL), 2);
	assert_int_equal(store_count(t, IX_AGENCY_CODE, NULL), 2);
	store_read_end(t);
	/* Deleting what is gone says so. */
	{
		struct test_op op = { ENTITY_AGENCY, NULL, 3, 0, NULL };

		assert_int_equal(store_write(f->s, test_del_fn, &op, &cause),
		    OGPO_NOTFOUND);
		free(cause);
		cause = NULL;
	}
	/* A new agency takes id 4, not the freed 3. */
	test_mk_agency(&a[2], "NSTC", "國家科學及技術委員會", 1,
	    LEVEL_2);
	test_put(f->s, ENTITY_AGENCY, &a[2]);
	assert_int_equal(a[2].h.id, 4);
	test_verify_clean(f->s);
}

/* The same round for officers, meetings, issues, attendance and users. */
static void
test_store_crud_others(void **state)
{
	struct fx *f = *state;
	struct agency ag;
	struct officer o[2], og;
	struct meeting m, mg;
	struct issue *is = calloc(1, sizeof *is), *ig = calloc(1, sizeof *ig);
	struct attendance at, atg;
	struct user u, ug;
	struct store_txn *t;
	char *cause = NULL;
	const uint32_t collab[] = { 1 };

	assert_non_null(is);
	assert_non_null(ig);
	test_mk_agency(&ag, "EY", "行政院", 0, LEVEL_CABINET);
	test_put(f->s, ENTITY_AGENCY, &ag);

	test_mk_officer(&o[0], 1, "王小明", "wang@ey.gov.tw");
	strcpy(o[0].start_date, "2024-01-01");
	test_mk_officer(&o[1], 1, "李美玲", "li@ey.gov.tw");
	o[1].role = ROLE_SUPERVISOR;
	o[1].supervisor = SUPV_CIO;
	test_put(f->s, ENTITY_OFFICER, &o[0]);
	test_put(f->s, ENTITY_OFFICER, &o[1]);
	assert_int_equal(o[0].h.id, 1);
	assert_int_equal(o[1].h.id, 2);
	assert_int_equal(o[1].h.version, 1);
	strcpy(o[1].title, "資訊長");
	test_put(f->s, ENTITY_OFFICER, &o[1]);
	assert_int_equal(o[1].h.version, 2);

	test_mk_meeting(&m, "2024-05-08", "工作推動會議");
	test_put(f->s, ENTITY_MEETING, &m);
	assert_int_equal(m.h.id, 1);
	assert_int_equal(m.h.version, 1);
	strcpy(m.place, "第一會議室");
	test_put(f->s, ENTITY_MEETING, &m);
	assert_int_equal(m.h.version, 2);

	test_mk_issue(is, "議題一", 1, 0, collab);
	test_put(f->s, ENTITY_ISSUE, is);
	assert_int_equal(is->h.id, 1);
	is->po = 1;
	test_put(f->s, ENTITY_ISSUE, is);
	assert_int_equal(is->h.version, 2);

	test_mk_attendance(&at, 1, 2, ATTEND_INVITED);
	test_put(f->s, ENTITY_ATTENDANCE, &at);
	assert_int_equal(at.h.version, 1);
	at.status = ATTEND_PROXY;
	strcpy(at.proxy, "陳志豪");
	test_put(f->s, ENTITY_ATTENDANCE, &at);
	assert_int_equal(at.h.version, 2);

	memset(&u, 0, sizeof u);
	strcpy(u.login, "wang");
	u.role = UROLE_EDITOR;
	u.nscope = 1;
	u.scope[0] = 1;
	test_put(f->s, ENTITY_USER, &u);
	assert_int_equal(u.h.version, 1);
	u.role = UROLE_ADMIN;
	test_put(f->s, ENTITY_USER, &u);
	assert_int_equal(u.h.version, 2);

	t = test_read(f->s);
	assert_int_equal(store_officer_get(t, 1, &og, &cause), 0);
	assert_memory_equal(&og, &o[0], sizeof og);
	assert_int_equal(store_officer_get(t, 2, &og, &cause), 0);
	assert_memory_equal(&og, &o[1], sizeof og);
	assert_int_equal(store_meeting_get(t, 1, &mg, &cause), 0);
	assert_memory_equal(&mg, &m, sizeof mg);
	assert_int_equal(store_issue_get(t, 1, ig, &cause), 0);
	assert_memory_equal(ig, is, sizeof *ig);
	assert_int_equal(store_attendance_get(t, 1, 2, &atg, &cause), 0);
	assert_memory_equal(&atg, &at, sizeof atg);
	assert_int_equal(store_attendance_get(t, 2, 1, &atg, &cause),
	    OGPO_NOTFOUND);
	assert_int_equal(store_user_get(t, "wang", &ug, &cause), 0);
	assert_memory_equal(&ug, &u, sizeof ug);
	assert_int_equal(store_user_get(t, "li", &ug, &cause), OGPO_NOTFOUND);
	/* The generic get reads the same bytes. */
	assert_int_equal(store_get(t, ENTITY_OFFICER, 2, &og, &cause), 0);
	assert_memory_equal(&og, &o[1], sizeof og);
	assert_null(cause);
	store_read_end(t);
	test_verify_clean(f->s);

	/* Delete each, leaves first. */
	test_del(f->s, ENTITY_ATTENDANCE, 1, 2);
	{
		struct test_op op = { ENTITY_USER, NULL, 0, 0, "wang" };

		assert_int_equal(store_write(f->s, test_del_fn, &op, &cause),
		    0);
	}
	test_del(f->s, ENTITY_ISSUE, 1, 0);
	test_del(f->s, ENTITY_MEETING, 1, 0);
	test_del(f->s, ENTITY_OFFICER, 2, 0);
	t = test_read(f->s);
	assert_int_equal(store_attendance_get(t, 1, 2, &atg, &cause),
	    OGPO_NOTFOUND);
	assert_int_equal(store_user_get(t, "wang", &ug, &cause),
	    OGPO_NOTFOUND);
	assert_int_equal(store_issue_get(t, 1, ig, &cause), OGPO_NOTFOUND);
	assert_int_equal(store_meeting_get(t, 1, &mg, &cause), OGPO_NOTFOUND);
	assert_int_equal(store_officer_get(t, 2, &og, &cause), OGPO_NOTFOUND);
	assert_int_equal(store_officer_get(t, 1, &og, &cause), 0);
	assert_int_equal(store_count(t, IX_OFFICER, NULL), 1);
	assert_int_equal(store_count(t, IX_USER, NULL), 0);
	assert_int_equal(store_count(t, IX_ATTENDANCE_OFFICER, NULL), 0);
	assert_null(cause);
	store_read_end(t);
	test_verify_clean(f->s);
	free(ig);
	free(is);
}

/* Every index after puts, replacements and deletes. */
static void
test_store_indexes(void **state)
{
	struct fx *f = *state;
	struct agency a[5];
	struct officer o[5], got;
	struct meeting m[3];
	struct issue *is = calloc(2, sizeof *is);
	struct attendance at;
	struct store_txn *t;
	char *cause = NULL;

	assert_non_null(is);
	/* 1 EY and 5 X are roots; 2 MOI, 3 NDC under EY; 4 NPA under MOI. */
	test_mk_agency(&a[0], "EY", "行政院", 0, LEVEL_CABINET);
	test_mk_agency(&a[1], "MOI", "內政部", 1, LEVEL_2);
	test_mk_agency(&a[2], "NDC", "國家發展委員會", 1, LEVEL_2);
	test_mk_agency(&a[3], "NPA", "內政部警政署", 2, LEVEL_3);
	test_mk_agency(&a[4], "X", "另一棵樹", 0, LEVEL_CABINET);
	for (int i = 0; i < 5; i++)
		test_put(f->s, ENTITY_AGENCY, &a[i]);
	WALK(f->s, IX_AGENCY_CHILD, GRP(0), 0, 1, 5);
	WALK(f->s, IX_AGENCY_CHILD, GRP(1), 0, 2, 3);
	WALK(f->s, IX_AGENCY_CHILD, GRP(2), 0, 4);
	WALK(f->s, IX_AGENCY_CHILD, GRP(3), 0);
	WALK(f->s, IX_AGENCY_CHILD, NULL, 0, 1, 5, 2, 3, 4);
	WALK(f->s, IX_AGENCY_CODE, NULL, 0, 1, 2, 3, 4, 5);
	WALK(f->s, IX_AGENCY, NULL, 0, 1, 2, 3, 4, 5);

	/* Officers by name in UTF-8 byte order (A < 李 < 王 < 陳), then id. */
	test_mk_officer(&o[0], 2, "王小明", "Wang@X.gov.tw");
	test_mk_officer(&o[1], 3, "李美玲", "li@x.gov.tw");
	test_mk_officer(&o[2], 2, "陳志豪", "chen@x.gov.tw");
	test_mk_officer(&o[3], 3, "Alice", "alice@x.gov.tw");
	test_mk_officer(&o[4], 4, "王小明", "wang2@x.gov.tw");
	for (int i = 0; i < 5; i++) {
		test_put(f->s, ENTITY_OFFICER, &o[i]);
		assert_int_equal(o[i].h.id, (uint32_t)i + 1);
	}
	WALK(f->s, IX_OFFICER_AGENCY, NULL, 0, 1, 3, 2, 4, 5);
	WALK(f->s, IX_OFFICER_AGENCY, GRP(2), 0, 1, 3);
	WALK(f->s, IX_OFFICER_AGENCY, GRP(3), 0, 2, 4);
	WALK(f->s, IX_OFFICER_AGENCY, GRP(4), 0, 5);
	WALK(f->s, IX_OFFICER_AGENCY, GRP(1), 0);
	WALK(f->s, IX_OFFICER_AGENCY, GRP(999), 0);
	/* alice, chen, li, wang2, wang ('2' sorts before '@') */
	WALK(f->s, IX_OFFICER_EMAIL, NULL, 0, 4, 3, 2, 5, 1);
	WALK(f->s, IX_OFFICER_NAME, NULL, 0, 4, 2, 1, 5, 3);
	WALK(f->s, IX_OFFICER, NULL, 0, 1, 2, 3, 4, 5);
	t = test_read(f->s);
	assert_int_equal(store_officer_by_email(t, "WANG@X.GOV.TW", &got,
	    &cause), 0);
	assert_int_equal(got.h.id, 1);
	assert_string_equal(got.email, "Wang@X.gov.tw");	/* as typed */
	assert_int_equal(store_officer_by_email(t, "wang@x.gov.tw", &got,
	    &cause), 0);
	assert_int_equal(got.h.id, 1);
	assert_int_equal(store_officer_by_email(t, "nobody@x.gov.tw", &got,
	    &cause), OGPO_NOTFOUND);
	assert_int_equal(store_officer_by_email(t, "", &got, &cause),
	    OGPO_NOTFOUND);
	store_read_end(t);
	test_verify_clean(f->s);

	/* 王小明 (#1) moves to NDC, changes e-mail and name. */
	o[0].agency = 3;
	strcpy(o[0].email, "wang.new@x.gov.tw");
	strcpy(o[0].name, "Zed");
	test_put(f->s, ENTITY_OFFICER, &o[0]);
	WALK(f->s, IX_OFFICER_AGENCY, GRP(2), 0, 3);
	WALK(f->s, IX_OFFICER_AGENCY, GRP(3), 0, 1, 2, 4);
	WALK(f->s, IX_OFFICER_EMAIL, NULL, 0, 4, 3, 2, 1, 5);
	WALK(f->s, IX_OFFICER_NAME, NULL, 0, 4, 1, 2, 5, 3);
	t = test_read(f->s);
	assert_int_equal(store_officer_by_email(t, "wang@x.gov.tw", &got,
	    &cause), OGPO_NOTFOUND);
	assert_int_equal(store_officer_by_email(t, "WANG.NEW@x.gov.tw", &got,
	    &cause), 0);
	assert_int_equal(got.h.id, 1);
	store_read_end(t);
	/* A case-only change of e-mail keeps the one index entry. */
	strcpy(o[0].email, "WANG.NEW@X.GOV.TW");
	test_put(f->s, ENTITY_OFFICER, &o[0]);
	WALK(f->s, IX_OFFICER_EMAIL, NULL, 0, 4, 3, 2, 1, 5);
	test_verify_clean(f->s);

	/* The agency tree: NPA moves from MOI to NDC. */
	a[3].parent = 3;
	test_put(f->s, ENTITY_AGENCY, &a[3]);
	WALK(f->s, IX_AGENCY_CHILD, GRP(2), 0);
	WALK(f->s, IX_AGENCY_CHILD, GRP(3), 0, 4);
	/* A code change moves the code entry. */
	strcpy(a[4].code, "AAA");
	test_put(f->s, ENTITY_AGENCY, &a[4]);
	WALK(f->s, IX_AGENCY_CODE, NULL, 0, 5, 1, 2, 3, 4);
	test_verify_clean(f->s);

	/* Meetings by date, then id. */
	test_mk_meeting(&m[0], "2024-03-01", "三月");
	test_mk_meeting(&m[1], "2024-01-15", "一月");
	test_mk_meeting(&m[2], "2024-03-01", "三月之二");
	for (int i = 0; i < 3; i++)
		test_put(f->s, ENTITY_MEETING, &m[i]);
	WALK(f->s, IX_MEETING_DATE, NULL, 0, 2, 1, 3);
	strcpy(m[1].date, "2024-12-01");
	test_put(f->s, ENTITY_MEETING, &m[1]);
	WALK(f->s, IX_MEETING_DATE, NULL, 0, 1, 3, 2);

	/* Attendance by meeting, and by officer. */
	test_mk_attendance(&at, 3, 1, ATTEND_PRESENT);
	test_put(f->s, ENTITY_ATTENDANCE, &at);
	test_mk_attendance(&at, 3, 3, ATTEND_INVITED);
	test_put(f->s, ENTITY_ATTENDANCE, &at);
	test_mk_attendance(&at, 2, 1, ATTEND_ABSENT);
	test_put(f->s, ENTITY_ATTENDANCE, &at);
	test_mk_attendance(&at, 1, 3, ATTEND_ONLINE);
	test_put(f->s, ENTITY_ATTENDANCE, &at);
	WALK(f->s, IX_ATTENDANCE, NULL, 0, 1003, 2001, 3001, 3003);
	WALK(f->s, IX_ATTENDANCE, GRP(3), 0, 3001, 3003);
	WALK(f->s, IX_ATTENDANCE, GRP(2), 0, 2001);
	WALK(f->s, IX_ATTENDANCE, GRP(4), 0);
	WALK(f->s, IX_ATTENDANCE_OFFICER, GRP(1), 0, 2001, 3001);
	WALK(f->s, IX_ATTENDANCE_OFFICER, GRP(3), 0, 1003, 3003);
	WALK(f->s, IX_ATTENDANCE_OFFICER, GRP(2), 0);
	WALK(f->s, IX_ATTENDANCE_OFFICER, NULL, 0, 2001, 3001, 1003, 3003);
	/* Replacing an attendance record changes no index. */
	at.status = ATTEND_EXCUSED;
	test_put(f->s, ENTITY_ATTENDANCE, &at);
	WALK(f->s, IX_ATTENDANCE, GRP(1), 0, 1003);
	test_del(f->s, ENTITY_ATTENDANCE, 3, 3);
	test_del(f->s, ENTITY_ATTENDANCE, 1, 3);
	WALK(f->s, IX_ATTENDANCE, GRP(3), 0, 3001);
	WALK(f->s, IX_ATTENDANCE, GRP(1), 0);
	WALK(f->s, IX_ATTENDANCE_OFFICER, GRP(3), 0);
	WALK(f->s, IX_ATTENDANCE_OFFICER, GRP(1), 0, 2001, 3001);
	/* Meeting 1 has no attendance left and may go. */
	test_del(f->s, ENTITY_MEETING, 1, 0);
	WALK(f->s, IX_MEETING_DATE, NULL, 0, 3, 2);
	test_verify_clean(f->s);

	/* Issues: lead and collaborators, a repeated one counted once. */
	test_mk_issue(&is[0], "議題一", 2, 3, (const uint32_t[]){ 3, 4, 3 });
	test_mk_issue(&is[1], "議題二", 3, 0, NULL);
	test_put(f->s, ENTITY_ISSUE, &is[0]);
	test_put(f->s, ENTITY_ISSUE, &is[1]);
	WALK(f->s, IX_AGENCY_ISSUE, GRP(2), 0, 1);
	WALK(f->s, IX_AGENCY_ISSUE, GRP(3), 0, 1, 2);
	WALK(f->s, IX_AGENCY_ISSUE, GRP(4), 0, 1);
	WALK(f->s, IX_AGENCY_ISSUE, GRP(5), 0);
	WALK(f->s, IX_AGENCY_ISSUE, NULL, 0, 1, 1, 2, 1);
	/* New collaborators: 5 and the lead itself (still counted once). */
	is[0].ncollab = 2;
	is[0].collab[0] = 5;
	is[0].collab[1] = 2;
	test_put(f->s, ENTITY_ISSUE, &is[0]);
	WALK(f->s, IX_AGENCY_ISSUE, GRP(2), 0, 1);
	WALK(f->s, IX_AGENCY_ISSUE, GRP(3), 0, 2);
	WALK(f->s, IX_AGENCY_ISSUE, GRP(4), 0);
	WALK(f->s, IX_AGENCY_ISSUE, GRP(5), 0, 1);
	test_verify_clean(f->s);

	/* Deleting officer 2 takes it out of every index. */
	test_del(f->s, ENTITY_OFFICER, 2, 0);
	WALK(f->s, IX_OFFICER_AGENCY, GRP(3), 0, 1, 4);
	WALK(f->s, IX_OFFICER_EMAIL, NULL, 0, 4, 3, 1, 5);
	WALK(f->s, IX_OFFICER_NAME, NULL, 0, 4, 1, 5, 3);
	WALK(f->s, IX_OFFICER, NULL, 0, 1, 3, 4, 5);
	test_del(f->s, ENTITY_ISSUE, 1, 0);
	WALK(f->s, IX_AGENCY_ISSUE, NULL, 0, 2);
	test_verify_clean(f->s);
	free(is);
}

/* A second holder of a unique key is refused and leaves nothing behind. */
struct test_unique {
	struct officer	a, b, c;
	struct agency	ey, moi, moi2;
	int		rc_officer, rc_agency, rc_update;
	char		*cause_officer, *cause_agency, *cause_update;
	struct officer	after_a;
	size_t		n_officer, n_email, n_name, n_agency, n_code;
};

static int
test_unique_fn(struct store_txn *t, void *arg, char **cause)
{
	struct test_unique *u = arg;
	struct officer upd;
	int rc;

	test_mk_agency(&u->ey, "EY", "行政院", 0, LEVEL_CABINET);
	test_mk_agency(&u->moi, "MOI", "內政部", 1, LEVEL_2);
	test_mk_agency(&u->moi2, "MOI", "內政部二", 1, LEVEL_2);
	test_mk_officer(&u->a, 1, "王小明", "wang@x.gov.tw");
	test_mk_officer(&u->b, 2, "李美玲", "WANG@X.GOV.TW");
	if ((rc = store_agency_put(t, &u->ey, cause)) != 0 ||
	    (rc = store_agency_put(t, &u->moi, cause)) != 0 ||
	    (rc = store_officer_put(t, &u->a, cause)) != 0)
		return rc;
	u->rc_officer = store_officer_put(t, &u->b, &u->cause_officer);
	u->rc_agency = store_agency_put(t, &u->moi2, &u->cause_agency);
	/* A replace that would take another's e-mail. */
	test_mk_officer(&u->c, 1, "陳志豪", "chen@x.gov.tw");
	if ((rc = store_officer_put(t, &u->c, cause)) != 0)
		return rc;
	upd = u->c;
	strcpy(upd.email, "Wang@x.gov.tw");
	strcpy(upd.name, "陳志豪二");
	u->rc_update = store_officer_put(t, &upd, &u->cause_update);
	if ((rc = store_officer_get(t, u->a.h.id, &u->after_a, cause)) != 0)
		return rc;
	u->n_officer = store_count(t, IX_OFFICER, NULL);
	u->n_email = store_count(t, IX_OFFICER_EMAIL, NULL);
	u->n_name = store_count(t, IX_OFFICER_NAME, NULL);
	u->n_agency = store_count(t, IX_OFFICER_AGENCY, NULL);
	u->n_code = store_count(t, IX_AGENCY_CODE, NULL);
	return 0;
}

static void
test_store_unique(void **state)
{
	struct fx *f = *state;
	struct test_unique *u = calloc(1, sizeof *u);
	struct officer got;
	struct agency ag;
	struct store_txn *t;
	char *cause = NULL;

	assert_non_null(u);
	assert_int_equal(store_write(f->s, test_unique_fn, u, &cause), 0);
	assert_int_equal(u->rc_officer, OGPO_EXISTS);
	assert_contains(u->cause_officer, "王小明");
	assert_contains(u->cause_officer, "wang@x.gov.tw");
	assert_int_equal(u->rc_agency, OGPO_EXISTS);
	assert_contains(u->cause_agency, "MOI");
	assert_contains(u->cause_agency, "內政部");
	assert_int_equal(u->rc_update, OGPO_EXISTS);
	assert_contains(u->cause_update, "王小明");
	/* Inside the transaction, after the refusals: */
	assert_memory_equal(&u->after_a, &u->a, sizeof u->a);
	assert_int_equal(u->n_officer, 2);
	assert_int_equal(u->n_email, 2);
	assert_int_equal(u->n_name, 2);
	assert_int_equal(u->n_agency, 2);
	assert_int_equal(u->n_code, 2);

	/* And once committed. */
	t = test_read(f->s);
	assert_int_equal(store_officer_by_email(t, "wang@x.gov.tw", &got,
	    &cause), 0);
	assert_memory_equal(&got, &u->a, sizeof got);
	assert_int_equal(store_officer_get(t, u->c.h.id, &got, &cause), 0);
	assert_memory_equal(&got, &u->c, sizeof got);
	assert_int_equal(store_officer_by_email(t, "chen@x.gov.tw", &got,
	    &cause), 0);
	assert_int_equal(store_agency_by_code(t, "MOI", &ag, &cause), 0);
	assert_string_equal(ag.name, "內政部");
	assert_int_equal(store_count(t, IX_AGENCY, NULL), 2);
	assert_null(cause);
	store_read_end(t);
	test_verify_clean(f->s);
	free(u->cause_officer);
	free(u->cause_agency);
	free(u->cause_update);
	free(u);
}

struct test_seq {
	struct agency	ey;
	struct officer	a, b, c;
	int		rc;
};

static int
test_seq_fn(struct store_txn *t, void *arg, char **cause)
{
	struct test_seq *q = arg;
	char *refusal = NULL;
	int rc;

	test_mk_agency(&q->ey, "EY", "行政院", 0, LEVEL_CABINET);
	test_mk_officer(&q->a, 1, "王小明", "wang@x.gov.tw");
	test_mk_officer(&q->b, 1, "李美玲", "wang@x.gov.tw");
	test_mk_officer(&q->c, 1, "陳志豪", "chen@x.gov.tw");
	if ((rc = store_agency_put(t, &q->ey, cause)) != 0 ||
	    (rc = store_officer_put(t, &q->a, cause)) != 0)
		return rc;
	q->rc = store_officer_put(t, &q->b, &refusal);
	free(refusal);
	return store_officer_put(t, &q->c, cause);
}

/*
 * BUG (src/store/record.c, record_put): a put refused for a unique key
 * has already taken the next id from the sequence (store_seq_next runs
 * before record_check_unique), although record_put promises that "a
 * refusal leaves the transaction as it was". The next record then gets
 * id 3, not 2. This test fails until the id is taken after the checks.
 */
static void
test_store_refused_put_keeps_ids(void **state)
{
	struct fx *f = *state;
	struct test_seq q;
	char *cause = NULL;

	memset(&q, 0, sizeof q);
	assert_int_equal(store_write(f->s, test_seq_fn, &q, &cause), 0);
	assert_int_equal(q.rc, OGPO_EXISTS);
	assert_int_equal(q.a.h.id, 1);
	assert_int_equal(q.c.h.id, 2);
}

/* Ends, pos and seek, seek_text. */
static void
test_store_cursors(void **state)
{
	struct fx *f = *state;
	static const char *const names[] = { "Alice", "王大明", "李美玲",
		"王小明", "陳志豪", "Bob", "Bob" };
	struct agency a;
	struct officer o;
	struct meeting m;
	struct store_txn *t;
	struct store_cursor *c;
	struct store_pos pos, pos2;
	char *cause = NULL, email[64];
	uint32_t id;
	size_t i;

	test_mk_agency(&a, "EY", "行政院", 0, LEVEL_CABINET);
	test_put(f->s, ENTITY_AGENCY, &a);
	test_mk_agency(&a, "MOI", "內政部", 1, LEVEL_2);
	test_put(f->s, ENTITY_AGENCY, &a);
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(email, sizeof email, "o%zu@x.gov.tw", i + 1);
		test_mk_officer(&o, i % 2 ? 2 : 1, names[i], email);
		test_put(f->s, ENTITY_OFFICER, &o);
	}
	/*
	 * By name, in UTF-8 byte order: Alice 1, Bob 6, Bob 7, 李美玲 3,
	 * 王大明 2, 王小明 4, 陳志豪 5.
	 */
	WALK(f->s, IX_OFFICER_NAME, NULL, 0, 1, 6, 7, 3, 2, 4, 5);

	t = test_read(f->s);
	assert_int_equal(store_cursor_open(t, IX_OFFICER_NAME, NULL, &c,
	    &cause), 0);
	assert_int_equal(store_cursor_id(c), 0);	/* unpositioned */
	assert_int_equal(store_cursor_move(c, STORE_FIRST), 0);
	assert_int_equal(store_cursor_id(c), 1);
	assert_int_equal(store_cursor_move(c, STORE_PREV), OGPO_NOTFOUND);
	assert_int_equal(store_cursor_id(c), 1);
	assert_int_equal(store_cursor_move(c, STORE_PREV), OGPO_NOTFOUND);
	assert_int_equal(store_cursor_id(c), 1);
	assert_int_equal(store_cursor_move(c, STORE_NEXT), 0);
	assert_int_equal(store_cursor_id(c), 6);
	assert_int_equal(store_cursor_move(c, STORE_LAST), 0);
	assert_int_equal(store_cursor_id(c), 5);
	assert_int_equal(store_cursor_move(c, STORE_NEXT), OGPO_NOTFOUND);
	assert_int_equal(store_cursor_id(c), 5);
	assert_int_equal(store_cursor_move(c, STORE_NEXT), OGPO_NOTFOUND);
	assert_int_equal(store_cursor_id(c), 5);
	assert_int_equal(store_cursor_move(c, STORE_PREV), 0);
	assert_int_equal(store_cursor_id(c), 4);
	store_cursor_close(c);

	/* In a group: the ends are the group's. Agency 2 holds 2, 4, 6. */
	assert_int_equal(store_cursor_open(t, IX_OFFICER_AGENCY, GRP(2), &c,
	    &cause), 0);
	assert_int_equal(store_cursor_move(c, STORE_LAST), 0);
	assert_int_equal(store_cursor_id(c), 6);
	assert_int_equal(store_cursor_move(c, STORE_NEXT), OGPO_NOTFOUND);
	assert_int_equal(store_cursor_id(c), 6);
	assert_int_equal(store_cursor_move(c, STORE_PREV), 0);
	assert_int_equal(store_cursor_id(c), 4);
	assert_int_equal(store_cursor_move(c, STORE_FIRST), 0);
	assert_int_equal(store_cursor_id(c), 2);
	assert_int_equal(store_cursor_move(c, STORE_PREV), OGPO_NOTFOUND);
	assert_int_equal(store_cursor_id(c), 2);
	assert_int_equal(store_cursor_move(c, STORE_NEXT), 0);
	assert_int_equal(store_cursor_id(c), 4);
	store_cursor_close(c);
	/* Agency 1, the first group: PREV past its start. */
	assert_int_equal(store_cursor_open(t, IX_OFFICER_AGENCY, GRP(1), &c,
	    &cause), 0);
	assert_int_equal(store_cursor_move(c, STORE_FIRST), 0);
	assert_int_equal(store_cursor_id(c), 1);
	assert_int_equal(store_cursor_move(c, STORE_PREV), OGPO_NOTFOUND);
	assert_int_equal(store_cursor_id(c), 1);
	assert_int_equal(store_cursor_move(c, STORE_LAST), 0);
	assert_int_equal(store_cursor_id(c), 7);
	store_cursor_close(c);
	/* An empty group has no ends at all. */
	assert_int_equal(store_cursor_open(t, IX_OFFICER_AGENCY, GRP(9), &c,
	    &cause), 0);
	assert_int_equal(store_cursor_move(c, STORE_FIRST), OGPO_NOTFOUND);
	assert_int_equal(store_cursor_move(c, STORE_LAST), OGPO_NOTFOUND);
	assert_int_equal(store_cursor_move(c, STORE_NEXT), OGPO_NOTFOUND);
	assert_int_equal(store_cursor_id(c), 0);
	store_cursor_close(c);
	/* An index without groups refuses one. */
	assert_int_equal(store_cursor_open(t, IX_OFFICER_EMAIL, GRP(1), &c,
	    &cause), OGPO_INVALID);
	assert_null(c);
	free(cause);
	cause = NULL;

	/* seek_text: the first name at or after the text. */
	assert_int_equal(store_cursor_open(t, IX_OFFICER_NAME, NULL, &c,
	    &cause), 0);
	assert_int_equal(store_cursor_seek_text(c, "王"), 0);
	assert_int_equal(store_cursor_id(c), 2);	/* 王大明 */
	assert_int_equal(store_cursor_move(c, STORE_NEXT), 0);
	assert_int_equal(store_cursor_id(c), 4);	/* 王小明 */
	assert_int_equal(store_cursor_seek_text(c, "王小"), 0);
	assert_int_equal(store_cursor_id(c), 4);
	assert_int_equal(store_cursor_seek_text(c, "Bo"), 0);
	assert_int_equal(store_cursor_id(c), 6);
	assert_int_equal(store_cursor_seek_text(c, "C"), 0);
	assert_int_equal(store_cursor_id(c), 3);	/* 李美玲 */
	/* Past every name: U+FF5A (fullwidth z) sorts after them all. */
	assert_int_equal(store_cursor_seek_text(c, "\xef\xbd\x9a"),
	    OGPO_NOTFOUND);
	assert_int_equal(store_cursor_id(c), 3);
	assert_int_equal(store_cursor_seek_text(c, ""), 0);
	assert_int_equal(store_cursor_id(c), 1);
	store_cursor_close(c);
	assert_int_equal(store_cursor_open(t, IX_OFFICER_EMAIL, NULL, &c,
	    &cause), 0);
	assert_int_equal(store_cursor_seek_text(c, "o4"), 0);
	assert_int_equal(store_cursor_id(c), 4);
	store_cursor_close(c);

	/* seek_id: the record of that id, whichever way the ids come;
	 * an id not there, or an index not keyed by id, is not found. */
	assert_int_equal(store_cursor_open(t, IX_OFFICER, NULL, &c,
	    &cause), 0);
	for (id = 1; id <= 7; id++) {
		assert_int_equal(store_cursor_seek_id(c, id), 0);
		assert_int_equal(store_cursor_get_some(c, &o,
		    codec_mask(&schema_officer, (const char *const[]){
		    "name", NULL }), &cause), 0);
		assert_string_equal(o.name, names[id - 1]);
	}
	assert_int_equal(store_cursor_seek_id(c, 8), OGPO_NOTFOUND);
	assert_int_equal(store_cursor_seek_id(c, 0), OGPO_NOTFOUND);
	assert_int_equal(store_cursor_seek_id(c, 3), 0);
	assert_int_equal(store_cursor_id(c), 3);
	assert_int_equal(store_cursor_move(c, STORE_NEXT), 0);
	assert_int_equal(store_cursor_id(c), 4);
	store_cursor_close(c);
	assert_int_equal(store_cursor_open(t, IX_OFFICER_NAME, NULL, &c,
	    &cause), 0);
	assert_int_equal(store_cursor_seek_id(c, 3), OGPO_NOTFOUND);
	store_cursor_close(c);

	/* pos: 李美玲 (#3) on the name index, #3 on the id index. */
	assert_int_equal(store_cursor_open(t, IX_OFFICER_NAME, NULL, &c,
	    &cause), 0);
	assert_int_equal(store_cursor_seek_text(c, "李"), 0);
	assert_int_equal(store_cursor_id(c), 3);
	store_cursor_pos(c, &pos);
	store_cursor_close(c);
	store_read_end(t);

	t = test_read(f->s);
	assert_int_equal(store_cursor_open(t, IX_OFFICER_NAME, NULL, &c,
	    &cause), 0);
	assert_int_equal(store_cursor_seek(c, &pos), 0);
	assert_int_equal(store_cursor_id(c), 3);
	store_cursor_pos(c, &pos2);
	assert_int_equal(store_pos_cmp(&pos, &pos2), 0);
	assert_int_equal(store_cursor_move(c, STORE_NEXT), 0);
	store_cursor_pos(c, &pos2);
	assert_true(store_pos_cmp(&pos, &pos2) < 0);
	assert_true(store_pos_cmp(&pos2, &pos) > 0);
	store_cursor_close(c);
	store_read_end(t);

	/* 李美玲 leaves: the position now finds the next name, 王大明. */
	test_del(f->s, ENTITY_OFFICER, 3, 0);
	t = test_read(f->s);
	assert_int_equal(store_cursor_open(t, IX_OFFICER_NAME, NULL, &c,
	    &cause), 0);
	assert_int_equal(store_cursor_seek(c, &pos), 0);
	assert_int_equal(store_cursor_id(c), 2);
	store_cursor_close(c);
	store_read_end(t);

	/*
	 * Duplicate names, Bob #6, #7, #8. #7 leaves: its position finds
	 * Bob #8. #8 leaves: Bob #6 is still there but before it, so the
	 * next name, 王大明 (#2). #6 leaves too: no Bob at all, 王大明.
	 */
	test_mk_officer(&o, 1, "Bob", "o8@x.gov.tw");
	test_put(f->s, ENTITY_OFFICER, &o);
	assert_int_equal(o.h.id, 8);
	t = test_read(f->s);
	assert_int_equal(store_cursor_open(t, IX_OFFICER_NAME, NULL, &c,
	    &cause), 0);
	assert_int_equal(store_cursor_seek_text(c, "Bob"), 0);
	assert_int_equal(store_cursor_id(c), 6);
	assert_int_equal(store_cursor_move(c, STORE_NEXT), 0);
	assert_int_equal(store_cursor_id(c), 7);
	store_cursor_pos(c, &pos);
	assert_int_equal(store_cursor_move(c, STORE_NEXT), 0);
	assert_int_equal(store_cursor_id(c), 8);
	store_cursor_pos(c, &pos2);
	store_cursor_close(c);
	store_read_end(t);
	test_del(f->s, ENTITY_OFFICER, 7, 0);
	t = test_read(f->s);
	assert_int_equal(store_cursor_open(t, IX_OFFICER_NAME, NULL, &c,
	    &cause), 0);
	assert_int_equal(store_cursor_seek(c, &pos), 0);
	assert_int_equal(store_cursor_id(c), 8);
	store_cursor_close(c);
	store_read_end(t);
	test_del(f->s, ENTITY_OFFICER, 8, 0);
	t = test_read(f->s);
	assert_int_equal(store_cursor_open(t, IX_OFFICER_NAME, NULL, &c,
	    &cause), 0);
	assert_int_equal(store_cursor_seek(c, &pos2), 0);
	assert_int_equal(store_cursor_id(c), 2);
	store_cursor_close(c);
	store_read_end(t);
	test_del(f->s, ENTITY_OFFICER, 6, 0);
	t = test_read(f->s);
	assert_int_equal(store_cursor_open(t, IX_OFFICER_NAME, NULL, &c,
	    &cause), 0);
	assert_int_equal(store_cursor_seek(c, &pos), 0);
	assert_int_equal(store_cursor_id(c), 2);
	store_cursor_close(c);

	/* The id index: on #5 (the last); #5 leaves → nothing after it. */
	assert_int_equal(store_cursor_open(t, IX_OFFICER, NULL, &c, &cause),
	    0);
	assert_int_equal(store_cursor_move(c, STORE_LAST), 0);
	assert_int_equal(store_cursor_id(c), 5);
	store_cursor_pos(c, &pos);
	assert_int_equal(store_cursor_move(c, STORE_PREV), 0);
	id = store_cursor_id(c);
	assert_int_equal(id, 4);
	store_cursor_pos(c, &pos2);
	store_cursor_close(c);
	store_read_end(t);
	test_del(f->s, ENTITY_OFFICER, 4, 0);
	test_del(f->s, ENTITY_OFFICER, 5, 0);
	t = test_read(f->s);
	assert_int_equal(store_cursor_open(t, IX_OFFICER, NULL, &c, &cause),
	    0);
	assert_int_equal(store_cursor_seek(c, &pos), OGPO_NOTFOUND);
	store_cursor_close(c);
	assert_int_equal(store_cursor_open(t, IX_OFFICER, NULL, &c, &cause),
	    0);
	assert_int_equal(store_cursor_seek(c, &pos2), OGPO_NOTFOUND);
	store_cursor_close(c);
	/* An empty position is the start. */
	memset(&pos, 0, sizeof pos);
	assert_int_equal(store_cursor_open(t, IX_OFFICER, NULL, &c, &cause),
	    0);
	assert_int_equal(store_cursor_seek(c, &pos), 0);
	assert_int_equal(store_cursor_id(c), 1);
	store_cursor_close(c);
	store_read_end(t);

	/* Meetings: seek_text takes a date. */
	test_mk_meeting(&m, "2024-01-15", "一月");
	test_put(f->s, ENTITY_MEETING, &m);
	test_mk_meeting(&m, "2024-03-15", "三月");
	test_put(f->s, ENTITY_MEETING, &m);
	t = test_read(f->s);
	assert_int_equal(store_cursor_open(t, IX_MEETING_DATE, NULL, &c,
	    &cause), 0);
	assert_int_equal(store_cursor_seek_text(c, "2024-02"), 0);
	assert_int_equal(store_cursor_id(c), 2);
	assert_int_equal(store_cursor_seek_text(c, "2024-01-15"), 0);
	assert_int_equal(store_cursor_id(c), 1);
	assert_int_equal(store_cursor_seek_text(c, "2025"), OGPO_NOTFOUND);
	store_cursor_close(c);
	store_read_end(t);
	assert_null(cause);
	test_verify_clean(f->s);
}

/* A position survives in the prefix-grouped attendance table too. */
static void
test_store_cursor_attendance(void **state)
{
	struct fx *f = *state;
	struct agency a;
	struct officer o;
	struct meeting m;
	struct attendance at;
	struct store_txn *t;
	struct store_cursor *c;
	struct store_pos pos;
	char *cause = NULL, email[32];
	uint32_t i;

	test_mk_agency(&a, "EY", "行政院", 0, LEVEL_CABINET);
	test_put(f->s, ENTITY_AGENCY, &a);
	for (i = 1; i <= 4; i++) {
		snprintf(email, sizeof email, "o%u@x.gov.tw", i);
		test_mk_officer(&o, 1, "某", email);
		test_put(f->s, ENTITY_OFFICER, &o);
	}
	for (i = 1; i <= 3; i++) {
		test_mk_meeting(&m, "2024-01-01", "會");
		test_put(f->s, ENTITY_MEETING, &m);
	}
	/* Meeting 2: officers 1, 2, 4; meetings 1 and 3: officer 3. */
	test_mk_attendance(&at, 2, 4, ATTEND_PRESENT);
	test_put(f->s, ENTITY_ATTENDANCE, &at);
	test_mk_attendance(&at, 2, 1, ATTEND_PRESENT);
	test_put(f->s, ENTITY_ATTENDANCE, &at);
	test_mk_attendance(&at, 2, 2, ATTEND_PRESENT);
	test_put(f->s, ENTITY_ATTENDANCE, &at);
	test_mk_attendance(&at, 1, 3, ATTEND_PRESENT);
	test_put(f->s, ENTITY_ATTENDANCE, &at);
	test_mk_attendance(&at, 3, 3, ATTEND_PRESENT);
	test_put(f->s, ENTITY_ATTENDANCE, &at);

	t = test_read(f->s);
	assert_int_equal(store_cursor_open(t, IX_ATTENDANCE, GRP(2), &c,
	    &cause), 0);
	assert_int_equal(store_cursor_move(c, STORE_LAST), 0);
	assert_int_equal(store_cursor_id(c), 4);
	assert_int_equal(store_cursor_move(c, STORE_NEXT), OGPO_NOTFOUND);
	assert_int_equal(store_cursor_id(c), 4);
	assert_int_equal(store_cursor_move(c, STORE_NEXT), OGPO_NOTFOUND);
	assert_int_equal(store_cursor_id(c), 4);
	assert_int_equal(store_cursor_move(c, STORE_PREV), 0);
	assert_int_equal(store_cursor_id(c), 2);
	assert_int_equal(store_cursor_move(c, STORE_LAST), 0);
	assert_int_equal(store_cursor_move(c, STORE_FIRST), 0);
	assert_int_equal(store_cursor_id(c), 1);
	assert_int_equal(store_cursor_move(c, STORE_PREV), OGPO_NOTFOUND);
	assert_int_equal(store_cursor_id(c), 1);
	assert_int_equal(store_cursor_move(c, STORE_NEXT), 0);
	assert_int_equal(store_cursor_id(c), 2);
	store_cursor_pos(c, &pos);
	store_cursor_close(c);
	assert_int_equal(store_count(t, IX_ATTENDANCE, GRP(2)), 3);
	assert_int_equal(store_count(t, IX_ATTENDANCE, GRP(3)), 1);
	store_read_end(t);

	test_del(f->s, ENTITY_ATTENDANCE, 2, 2);
	t = test_read(f->s);
	assert_int_equal(store_cursor_open(t, IX_ATTENDANCE, GRP(2), &c,
	    &cause), 0);
	assert_int_equal(store_cursor_seek(c, &pos), 0);
	assert_int_equal(store_cursor_id(c), 4);
	store_cursor_close(c);
	store_read_end(t);
	assert_null(cause);
	test_verify_clean(f->s);
}

/* The audit trail: appended in order, seq assigned, walked by seq. */
static void
test_store_audit(void **state)
{
	struct fx *f = *state;
	struct audit *a = calloc(1, sizeof *a), *got = calloc(1, sizeof *got);
	struct store_txn *t;
	struct store_cursor *c;
	char *cause = NULL;
	uint64_t i;

	assert_non_null(a);
	assert_non_null(got);
	for (i = 1; i <= 3; i++) {
		memset(a, 0, sizeof *a);
		a->action = AUDIT_CREATE;
		a->entity = ENTITY_AGENCY;
		a->id = (uint32_t)(10 * i);
		a->time = -(int64_t)i;
		strcpy(a->login, "wang");
		a->after_len = 2;
		memcpy(a->after, "\xa0\xa0", 2);
		test_put(f->s, ENTITY_AUDIT, a);
		assert_int_equal(a->seq, i);
	}
	WALK(f->s, IX_AUDIT, NULL, 0, 1, 2, 3);
	t = test_read(f->s);
	assert_int_equal(store_cursor_open(t, IX_AUDIT, NULL, &c, &cause), 0);
	assert_int_equal(store_cursor_move(c, STORE_LAST), 0);
	assert_int_equal(store_cursor_get(c, got, &cause), 0);
	assert_memory_equal(got, a, sizeof *a);
	store_cursor_close(c);
	store_read_end(t);
	test_verify_clean(f->s);
	free(got);
	free(a);
}

/* Batches of officers for the growth test; rerunnable from scratch. */
struct test_batch {
	uint32_t first, n;
};

static int
test_batch_fn(struct store_txn *t, void *arg, char **cause)
{
	struct test_batch *b = arg;
	struct officer o;
	uint32_t i;
	int rc;

	for (i = b->first; i < b->first + b->n; i++) {
		memset(&o, 0, sizeof o);
		o.agency = 1 + i % 3;
		o.role = ROLE_MEMBER;
		o.function = FUNC_IT;
		snprintf(o.name, sizeof o.name, "聯絡人%06u", i);
		snprintf(o.email, sizeof o.email, "officer%u@agency.gov.tw", i);
		snprintf(o.title, sizeof o.title, "科員");
		if ((rc = store_officer_put(t, &o, cause)) != 0)
			return rc;
	}
	return 0;
}

/* A 1 MiB map takes 100,000 officers, growing as it needs. */
static void
test_store_growth(void **state)
{
	struct fx *f = *state;
	struct store *s;
	struct agency a;
	struct test_batch b;
	struct store_txn *t;
	struct store_stats st;
	struct officer o;
	char dir[96], *cause = NULL;
	size_t size;

	/* Not the fixture's store: a fresh one, inside its directory. */
	snprintf(dir, sizeof dir, "%s/small", f->dir);
	assert_int_equal(store_open(&s, dir, &(struct store_options){
	    .create = 1, .map_size = 1 << 20 }, &cause), 0);
	assert_int_equal(store_map_size(s), 1 << 20);
	test_mk_agency(&a, "EY", "行政院", 0, LEVEL_CABINET);
	test_put(s, ENTITY_AGENCY, &a);
	test_mk_agency(&a, "MOI", "內政部", 1, LEVEL_2);
	test_put(s, ENTITY_AGENCY, &a);
	test_mk_agency(&a, "NDC", "國家發展委員會", 1, LEVEL_2);
	test_put(s, ENTITY_AGENCY, &a);
	for (b.first = 0; b.first < 100000; b.first += 10000) {
		b.n = 10000;
		if (store_write(s, test_batch_fn, &b, &cause) != 0)
			fail_msg("batch at %u: %s", b.first, cause);
		assert_null(cause);
	}
	size = store_map_size(s);
	assert_true(size > (1 << 20));
	t = test_read(s);
	assert_int_equal(store_count(t, IX_OFFICER, NULL), 100000);
	assert_int_equal(store_count(t, IX_OFFICER_EMAIL, NULL), 100000);
	assert_int_equal(store_count(t, IX_OFFICER_NAME, NULL), 100000);
	assert_int_equal(store_count(t, IX_OFFICER_AGENCY, GRP(1)), 33334);
	assert_int_equal(store_count(t, IX_OFFICER_AGENCY, GRP(2)), 33333);
	assert_int_equal(store_count(t, IX_OFFICER_AGENCY, GRP(3)), 33333);
	/* Ids ran 1 … 100000 with no gaps from the reruns. */
	assert_int_equal(store_officer_get(t, 100000, &o, &cause), 0);
	assert_string_equal(o.name, "聯絡人099999");
	assert_int_equal(store_officer_by_email(t,
	    "OFFICER54321@agency.gov.tw", &o, &cause), 0);
	assert_int_equal(o.h.id, 54322);
	store_read_end(t);
	test_verify_clean(s);
	store_close(s);

	/* Reopened, it keeps its size and its records. */
	assert_int_equal(store_open(&s, dir, &(struct store_options){ 0 },
	    &cause), 0);
	assert_true(store_map_size(s) >= size);
	assert_int_equal(store_stats(s, &st, &cause), 0);
	assert_int_equal(st.records[ENTITY_OFFICER], 100000);
	assert_int_equal(st.records[ENTITY_AGENCY], 3);
	store_close(s);
	assert_null(cause);
}

/* The same changes, with index writes deferred (store_defer) or not. */
struct test_defer {
	size_t	 batch;		/* 0: not deferred */
};

static int
test_defer_fn(struct store_txn *t, void *arg, char **cause)
{
	static const char *names[] = { "王小明", "陳美玲", "林志豪", "張",
	    "李大同", "黃", "吳淑芬" };
	struct test_defer *d = arg;
	struct officer o;
	uint32_t i;
	int rc;

	if (d->batch != 0)
		store_defer(t, d->batch);
	for (i = 0; i < 2000; i++) {
		if (i == 1000) {
			/* Reads in the middle see every change so far. */
			assert_int_equal(store_count(t, IX_OFFICER_NAME, NULL),
			    1000);
			assert_int_equal(store_count(t, IX_OFFICER_AGENCY,
			    GRP(1)), 334);
		}
		test_mk_officer(&o, 1 + i % 3, names[i % 7], "");
		snprintf(o.email, sizeof o.email, "o%u@ex.gov.tw", i);
		snprintf(o.start_date, sizeof o.start_date, "2024-%02u-01",
		    1 + i % 12);
		if ((rc = store_officer_put(t, &o, cause)) != 0)
			return rc;
	}
	/* Records made in this transaction change, go, and come back. */
	for (i = 1; i <= 2000; i += 7) {
		if ((rc = store_officer_get(t, i, &o, cause)) != 0)
			return rc;
		snprintf(o.name, sizeof o.name, "改名%u", i % 5);
		o.agency = 1 + (o.agency % 3);
		o.role = ROLE_ALTERNATE;
		if ((rc = store_officer_put(t, &o, cause)) != 0)
			return rc;
	}
	for (i = 3; i <= 2000; i += 11)
		if ((rc = store_officer_del(t, i, cause)) != 0)
			return rc;
	for (i = 2; i <= 2000; i += 13) {
		char name[sizeof o.name];

		if (store_officer_get(t, i, &o, NULL) != 0)
			continue;	/* deleted above */
		memcpy(name, o.name, sizeof name);
		strcpy(o.name, "暫時");
		if ((rc = store_officer_put(t, &o, cause)) != 0)
			return rc;
		memcpy(o.name, name, sizeof name);
		if ((rc = store_officer_put(t, &o, cause)) != 0)
			return rc;
	}
	assert_int_equal(store_count(t, IX_OFFICER_STROKE, NULL),
	    store_count(t, IX_OFFICER, NULL));
	return 0;
}

/* Every id of index ix in index order, into ids (n at most). */
static size_t
test_index_ids(struct store *s, enum store_index ix, uint32_t *ids, size_t n)
{
	struct store_txn *t = test_read(s);
	struct store_cursor *c;
	char *cause = NULL;
	size_t k = 0;

	assert_int_equal(store_cursor_open(t, ix, NULL, &c, &cause), 0);
	while (k < n && store_cursor_move(c, STORE_NEXT) == 0)
		ids[k++] = store_cursor_id(c);
	store_cursor_close(c);
	store_read_end(t);
	return k;
}

/*
 * Index changes deferred and written sorted, in batches small enough to
 * be written many times over, leave every index as the changes written
 * one by one do: puts, moves, deletes and a change taken back, of
 * records made in the same transaction, with reads in between.
 */
static void
test_store_defer(void **state)
{
	static const enum store_index ixs[] = { IX_OFFICER_AGENCY,
	    IX_OFFICER_NAME, IX_OFFICER_ROLE, IX_OFFICER_STROKE,
	    IX_OFFICER_EMAIL, IX_OFFICER };
	struct fx *f = *state;
	struct test_defer plain = { 0 }, batched = { 512 }, whole = { 0 };
	struct store *s[3];
	struct agency a;
	uint32_t *want = calloc(4000, sizeof *want);
	uint32_t *got = calloc(4000, sizeof *got);
	char dir[96], *cause = NULL;
	size_t i, j, n, m;

	whole.batch = 1 << 24;
	s[0] = f->s;
	for (i = 1; i < 3; i++) {
		snprintf(dir, sizeof dir, "%s/d%zu", f->dir, i);
		assert_int_equal(store_open(&s[i], dir, &(struct store_options){
		    .create = 1 }, &cause), 0);
	}
	for (i = 0; i < 3; i++) {
		test_mk_agency(&a, "EY", "行政院", 0, LEVEL_CABINET);
		test_put(s[i], ENTITY_AGENCY, &a);
		test_mk_agency(&a, "MOI", "內政部", 1, LEVEL_2);
		test_put(s[i], ENTITY_AGENCY, &a);
		test_mk_agency(&a, "NDC", "國家發展委員會", 1, LEVEL_2);
		test_put(s[i], ENTITY_AGENCY, &a);
		if (store_write(s[i], test_defer_fn, i == 0 ? &plain :
		    i == 1 ? &batched : &whole, &cause) != 0)
			fail_msg("store %zu: %s", i, cause);
		test_verify_clean(s[i]);
	}
	for (j = 0; j < sizeof ixs / sizeof ixs[0]; j++) {
		n = test_index_ids(s[0], ixs[j], want, 4000);
		assert_true(n > 1500);
		for (i = 1; i < 3; i++) {
			m = test_index_ids(s[i], ixs[j], got, 4000);
			assert_int_equal(m, n);
			if (memcmp(got, want, n * sizeof *got) != 0)
				fail_msg("%s differs when deferred (batch %s)",
				    store_index_name(ixs[j]), i == 1 ? "512" :
				    "16M");
		}
	}
	for (i = 1; i < 3; i++)
		store_close(s[i]);
	free(want);
	free(got);
}

/* The search index (officer_gram): what it finds is what a plain look
 * at every officer finds. */

static uint32_t test_seed;

static uint32_t
test_rand(void)
{
	test_seed = test_seed * 1103515245u + 12345u;
	return (test_seed >> 16) & 0x7fff;
}

/* Words that share their pieces, so that grams repeat within a field and
 * across officers ("abcab": a text's grams found apart, not together). */
static void
test_word(char *buf, size_t n, int cjk)
{
	static const char *const han[] = { "陳", "林", "明", "志", "科", "長",
	    "專", "員", "王", "小", "資", "訊" };
	static const char ascii[] = "abcABCxy.-1";
	size_t len = 1 + test_rand() % 9, i;

	buf[0] = '\0';
	for (i = 0; i < len; i++) {
		if (cjk && test_rand() % 4 != 0) {
			if (strlen(buf) + 4 < n)
				strcat(buf, han[test_rand() % 12]);
		} else if (strlen(buf) + 2 < n)
			strncat(buf, &ascii[test_rand() % (sizeof ascii - 1)],
			    1);
	}
}

/* A new officer (id 0); num makes its e-mail unique. */
static void
test_mk_random(struct officer *o, uint32_t num)
{
	char local[32], domain[32];
	uint32_t id = num;

	test_mk_officer(o, 1 + test_rand() % 2, "", "");
	test_word(o->name, sizeof o->name, 1);
	test_word(o->title, sizeof o->title, test_rand() % 2);
	if (test_rand() % 8 == 0)
		o->title[0] = '\0';
	test_word(local, sizeof local, 0);
	test_word(domain, sizeof domain, 0);
	snprintf(o->email, sizeof o->email, "%s%u@%s", local, id, domain);
}

/* The plain look: A-Z as a-z, then strstr on each field. */
static int
test_holds(const char *field, const char *text)
{
	char a[256], b[256];

	str_lower(a, field, sizeof a);
	str_lower(b, text, sizeof b);
	return strstr(a, b) != NULL;
}

struct test_find {
	size_t	 batch;		/* store_defer's, or 0: not deferred */
	uint32_t seed;
};

/*
 * Officers made, changed (name, e-mail, title, agency), taken back and
 * deleted, with a look at the index half way (which writes what is
 * gathered); the same for every batch.
 */
static int
test_find_fn(struct store_txn *t, void *arg, char **cause)
{
	struct test_find *d = arg;
	struct store_idset set = { NULL, 0 };
	struct officer o;
	uint32_t i;
	int rc;

	test_seed = d->seed;
	if (d->batch != 0)
		store_defer(t, d->batch);
	for (i = 1; i <= 1500; i++) {
		test_mk_random(&o, i);
		if ((rc = store_officer_put(t, &o, cause)) != 0)
			return rc;
		/* Changed at once: its grams may not be gathered yet (a
		 * new officer's are gathered in a thread of their own). */
		if (i % 50 == 0) {
			test_word(o.name, sizeof o.name, 1);
			if ((rc = store_officer_put(t, &o, cause)) != 0)
				return rc;
		}
		if (i == 700) {
			assert_int_equal(store_officer_find(t, "@", &set, cause),
			    0);
			assert_int_equal(store_idset_count(&set), 700);
		}
	}
	store_idset_free(&set);
	for (i = 1; i <= 1500; i += 3) {
		if ((rc = store_officer_get(t, i, &o, cause)) != 0)
			return rc;
		switch (i % 4) {
		case 0:
			test_word(o.name, sizeof o.name, 1);
			break;
		case 1:
			snprintf(o.email, sizeof o.email, "moved%u@x.y", i);
			break;
		case 2:
			test_word(o.title, sizeof o.title, 1);
			break;
		default:
			o.agency = 3 - o.agency;
		}
		if ((rc = store_officer_put(t, &o, cause)) != 0)
			return rc;
	}
	for (i = 5; i <= 1500; i += 7)
		if ((rc = store_officer_del(t, i, cause)) != 0)
			return rc;
	return 0;
}

/* Compare the index's answers with the plain look, for many texts. */
static void
test_find_check(struct store *s)
{
	struct store_txn *t = test_read(s);
	struct store_idset set = { NULL, 0 };
	struct store_cursor *c;
	struct officer *all = calloc(1600, sizeof *all);
	char text[64], *cause = NULL;
	const char *f;
	size_t n = 0, q, i, want, off, len;

	assert_int_equal(store_cursor_open(t, IX_OFFICER, NULL, &c, NULL), 0);
	while (n < 1600 && store_cursor_move(c, STORE_NEXT) == 0)
		assert_int_equal(store_cursor_get(c, &all[n++], NULL), 0);
	store_cursor_close(c);
	assert_true(n > 1000);
	test_seed = 7;
	for (q = 0; q < 600; q++) {
		if (q % 3 == 0) {
			test_word(text, 12, q % 2);	/* anything */
		} else {
			/* A piece of a field, in either case. */
			i = test_rand() % n;
			f = q % 3 == 1 ? all[i].name : test_rand() % 2 ?
			    all[i].email : all[i].title;
			if (f[0] == '\0')
				continue;
			off = test_rand() % strlen(f);
			while (off > 0 && (f[off] & 0xc0) == 0x80)
				off--;
			len = 1 + test_rand() % 10;
			snprintf(text, sizeof text, "%.*s", (int)len, f + off);
			while (strlen(text) > 0 && !text_utf8_valid(text,
			    strlen(text)))
				text[strlen(text) - 1] = '\0';
			if (text[0] >= 'a' && text[0] <= 'z')
				text[0] = (char)(text[0] - 'a' + 'A');
		}
		if (text[0] == '\0')
			continue;
		store_idset_clear(&set);
		if (store_officer_find(t, text, &set, &cause) != 0)
			fail_msg("find '%s': %s", text, cause);
		for (i = 0, want = 0; i < n; i++) {
			int in = test_holds(all[i].name, text) ||
			    test_holds(all[i].email, text) ||
			    test_holds(all[i].title, text);

			want += in;
			if (in != store_idset_has(&set, all[i].h.id))
				fail_msg("'%s': officer #%u (%s, %s, %s) %s",
				    text, all[i].h.id, all[i].name,
				    all[i].email, all[i].title, in ?
				    "holds it, and was not found" :
				    "does not hold it, and was found");
		}
		assert_int_equal(store_idset_count(&set), want);
	}
	store_idset_free(&set);
	store_read_end(t);
	free(all);
}

/*
 * store_cursor_find stops where stepping the cursor and looking at each
 * id would, counting the same steps, in each kind of index and group.
 */
static void
test_cursor_find_check(struct store *s)
{
	static const enum store_index ixs[] = { IX_OFFICER_NAME,
	    IX_OFFICER_AGENCY, IX_OFFICER_EMAIL, IX_OFFICER_STROKE, IX_OFFICER };
	struct store_txn *t = test_read(s);
	struct store_idset set = { NULL, 0 };
	struct store_cursor *a, *b;
	const uint32_t one = 1;
	size_t x, q, start, i, steps, want;
	uint32_t id;

	test_seed = 99;
	for (x = 0; x < 2 * sizeof ixs / sizeof ixs[0]; x++) {
		enum store_index ix = ixs[x % 5];
		const uint32_t *group = x >= 5 && ix == IX_OFFICER_AGENCY ?
		    &one : NULL;

		for (q = 0; q < 20; q++) {
			/* Sets from one id in 2,000 to one in 3. */
			store_idset_clear(&set);
			for (i = 1; i <= 1600; i++)
				if (test_rand() % (q < 10 ? 2000 : 3) == 0)
					store_idset_add(&set, (uint32_t)i);
			start = test_rand() % 200;
			assert_int_equal(store_cursor_open(t, ix, group, &a,
			    NULL), 0);
			assert_int_equal(store_cursor_open(t, ix, group, &b,
			    NULL), 0);
			for (i = 0; i <= start; i++) {
				store_cursor_move(a, STORE_NEXT);
				store_cursor_move(b, STORE_NEXT);
			}
			for (want = 0, id = 0; store_cursor_move(a,
			    STORE_NEXT) == 0; )
				if (want++, store_idset_has(&set,
				    (id = store_cursor_id(a))))
					break;
			if (id == 0 || !store_idset_has(&set, id))
				want = 0;
			steps = store_cursor_find(b, STORE_NEXT, &set);
			if (steps != want || (want > 0 &&
			    store_cursor_id(b) != id))
				fail_msg("%s%s: %zu steps to #%u, found %zu to "
				    "#%u", store_index_name(ix), group ?
				    " (a group)" : "", want, id, steps,
				    store_cursor_id(b));
			store_cursor_close(a);
			store_cursor_close(b);
		}
	}
	store_idset_free(&set);
	store_read_end(t);
}

/*
 * The index is right after puts, changes to each searched field, moves
 * and deletes, written one by one or gathered and written in batches of
 * any size, and verify agrees.
 */
static void
test_store_find(void **state)
{
	struct fx *f = *state;
	struct test_find ways[4] = { { 0, 42 }, { 512, 42 }, { 40000, 42 },
	    { 1 << 24, 42 } };
	struct store *s[4];
	struct agency a;
	char dir[96], *cause = NULL;
	size_t i;

	s[0] = f->s;
	for (i = 1; i < 4; i++) {
		snprintf(dir, sizeof dir, "%s/d%zu", f->dir, i);
		assert_int_equal(store_open(&s[i], dir, &(struct store_options){
		    .create = 1 }, &cause), 0);
	}
	for (i = 0; i < 4; i++) {
		test_mk_agency(&a, "EY", "行政院", 0, LEVEL_CABINET);
		test_put(s[i], ENTITY_AGENCY, &a);
		test_mk_agency(&a, "MOI", "內政部", 1, LEVEL_2);
		test_put(s[i], ENTITY_AGENCY, &a);
		if (store_write(s[i], test_find_fn, &ways[i], &cause) != 0)
			fail_msg("store %zu: %s", i, cause);
		test_verify_clean(s[i]);
		test_find_check(s[i]);
	}
	test_cursor_find_check(s[0]);
	for (i = 1; i < 4; i++)
		store_close(s[i]);
}

/* An officer's search entries follow a change made on its own. */
static void
test_store_find_upkeep(void **state)
{
	struct fx *f = *state;
	struct store_idset set = { NULL, 0 };
	struct store_txn *t;
	struct agency a;
	struct officer o;
	char *cause = NULL;

	test_mk_agency(&a, "EY", "行政院", 0, LEVEL_CABINET);
	test_put(f->s, ENTITY_AGENCY, &a);
	test_mk_officer(&o, 1, "歐陽娜娜", "Nana.OuYang@ey.gov.tw");
	strcpy(o.title, "專門委員");
	test_put(f->s, ENTITY_OFFICER, &o);
#define FOUND(text) (store_idset_clear(&set), t = test_read(f->s),	\
	assert_int_equal(store_officer_find(t, text, &set, &cause), 0),	\
	store_read_end(t), store_idset_count(&set))
	assert_int_equal(FOUND("陽娜"), 1);
	assert_int_equal(FOUND("娜"), 1);
	assert_int_equal(FOUND("ouyang@EY"), 1);
	assert_int_equal(FOUND("n"), 1);
	assert_int_equal(FOUND("門委"), 1);
	assert_int_equal(FOUND("娜娜娜"), 0);
	strcpy(o.name, "林書豪");
	strcpy(o.email, "jeremy@ey.gov.tw");
	o.title[0] = '\0';
	test_put(f->s, ENTITY_OFFICER, &o);
	assert_int_equal(FOUND("陽娜"), 0);
	assert_int_equal(FOUND("ouyang"), 0);
	assert_int_equal(FOUND("門委"), 0);
	assert_int_equal(FOUND("書"), 1);
	assert_int_equal(FOUND("REM"), 1);
	test_verify_clean(f->s);
	test_del(f->s, ENTITY_OFFICER, o.h.id, 0);
	assert_int_equal(FOUND("書"), 0);
	assert_int_equal(FOUND("@"), 0);
#undef FOUND
	test_verify_clean(f->s);
	store_idset_free(&set);
}

/* Damage done with LMDB directly, behind the store's back. */
static void
test_lmdb_damage(const char *dir, const char *db, const void *key,
    size_t klen, const void *val, size_t vlen)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_val k = { klen, (void *)key }, v = { vlen, (void *)val };

	assert_int_equal(mdb_env_create(&env), 0);
	assert_int_equal(mdb_env_set_maxdbs(env, 64), 0);
	assert_int_equal(mdb_env_open(env, dir, 0, 0660), 0);
	assert_int_equal(mdb_txn_begin(env, NULL, 0, &txn), 0);
	assert_int_equal(mdb_dbi_open(txn, db, 0, &dbi), 0);
	if (val == NULL)
		assert_int_equal(mdb_del(txn, dbi, &k, NULL), 0);
	else
		assert_int_equal(mdb_put(txn, dbi, &k, &v, 0), 0);
	assert_int_equal(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
}

/*
 * A database of schema 2, from before the search index: opening it
 * builds the index from the officers there are.
 */
static void
test_store_find_migrate(void **state)
{
	struct fx *f = *state;
	struct store_idset set = { NULL, 0 };
	struct store_txn *t;
	struct agency a;
	struct officer o;
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_val k = { 6, "schema" }, v;
	uint8_t two[8] = { 0, 0, 0, 0, 0, 0, 0, 2 };
	char *cause = NULL;
	uint32_t i;

	test_mk_agency(&a, "EY", "行政院", 0, LEVEL_CABINET);
	test_put(f->s, ENTITY_AGENCY, &a);
	for (i = 0; i < 300; i++) {
		test_mk_officer(&o, 1, i % 2 ? "王小明" : "陳美玲", "");
		snprintf(o.email, sizeof o.email, "o%u@ey.gov.tw", i);
		test_put(f->s, ENTITY_OFFICER, &o);
	}
	store_close(f->s);
	f->s = NULL;
	/* What an ogpo of schema 2 left: no officer_gram. */
	assert_int_equal(mdb_env_create(&env), 0);
	assert_int_equal(mdb_env_set_maxdbs(env, 64), 0);
	assert_int_equal(mdb_env_open(env, f->dir, 0, 0660), 0);
	assert_int_equal(mdb_txn_begin(env, NULL, 0, &txn), 0);
	assert_int_equal(mdb_dbi_open(txn, "officer_gram", 0, &dbi), 0);
	assert_int_equal(mdb_drop(txn, dbi, 1), 0);
	assert_int_equal(mdb_dbi_open(txn, "meta", 0, &dbi), 0);
	v = (MDB_val){ 8, two };
	assert_int_equal(mdb_put(txn, dbi, &k, &v, 0), 0);
	assert_int_equal(mdb_txn_commit(txn), 0);
	mdb_env_close(env);

	assert_int_equal(store_open(&f->s, f->dir, NULL, &cause), 0);
	t = test_read(f->s);
	assert_int_equal(store_officer_find(t, "美玲", &set, &cause), 0);
	assert_int_equal(store_idset_count(&set), 150);
	store_idset_clear(&set);
	assert_int_equal(store_officer_find(t, "O29@EY", &set, &cause), 0);
	assert_int_equal(store_idset_count(&set), 1);
	store_read_end(t);
	store_idset_free(&set);
	test_verify_clean(f->s);
}

/* verify names an officer whose search entries are missing, and an
 * entry no officer implies. */
static void
test_store_verify_grams(void **state)
{
	struct fx *f = *state;
	struct test_problems p;
	struct agency a;
	struct officer o;
	char *cause = NULL;
	/* 王小明 at place 0 of officer #1's name; 趙 for officer #2. */
	const char lost[] = "\001王小明\000\000\000\000\001\000";
	const char stale[] = "\001趙\000\000\000\000\002\000";

	test_mk_agency(&a, "EY", "行政院", 0, LEVEL_CABINET);
	test_put(f->s, ENTITY_AGENCY, &a);
	test_mk_officer(&o, 1, "王小明", "wang@x.gov.tw");
	test_put(f->s, ENTITY_OFFICER, &o);
	test_mk_officer(&o, 1, "李美玲", "li@x.gov.tw");
	test_put(f->s, ENTITY_OFFICER, &o);
	test_verify_clean(f->s);
	store_close(f->s);
	f->s = NULL;

	test_lmdb_damage(f->dir, "officer_gram", lost, sizeof lost - 1, NULL,
	    0);
	assert_int_equal(store_open(&f->s, f->dir, NULL, &cause), 0);
	assert_int_equal(test_verify(f->s, &p), 1);
	assert_contains(p.text, "officer #1 is missing from index "
	    "officer_gram");
	store_close(f->s);

	test_lmdb_damage(f->dir, "officer_gram", stale, sizeof stale - 1,
	    "\000\000", 2);
	assert_int_equal(store_open(&f->s, f->dir, NULL, &cause), 0);
	assert_int_equal(test_verify(f->s, &p), 2);
	assert_contains(p.text, "officer_gram has a stale entry for officer "
	    "#2");
	store_close(f->s);

	/* Bytes that are no block. */
	test_lmdb_damage(f->dir, "officer_gram", stale, sizeof stale - 1,
	    "\377", 1);
	assert_int_equal(store_open(&f->s, f->dir, NULL, &cause), 0);
	assert_true(test_verify(f->s, &p) >= 2);
	assert_contains(p.text, "officer_gram holds a malformed entry");
	assert_null(cause);
}

static void
test_store_verify_damage(void **state)
{
	struct fx *f = *state;
	struct test_problems p;
	struct agency a;
	struct officer o;
	char *cause = NULL;
	const uint8_t id99[4] = { 0, 0, 0, 99 }, id2[4] = { 0, 0, 0, 2 };
	const uint8_t seq0[8] = { 0 };

	test_mk_agency(&a, "EY", "行政院", 0, LEVEL_CABINET);
	test_put(f->s, ENTITY_AGENCY, &a);
	test_mk_officer(&o, 1, "王小明", "wang@x.gov.tw");
	test_put(f->s, ENTITY_OFFICER, &o);
	test_mk_officer(&o, 1, "李美玲", "li@x.gov.tw");
	test_put(f->s, ENTITY_OFFICER, &o);
	test_verify_clean(f->s);
	store_close(f->s);
	f->s = NULL;

	/* A lost index entry. */
	test_lmdb_damage(f->dir, "officer_email", "wang@x.gov.tw", 13, NULL,
	    0);
	assert_int_equal(store_open(&f->s, f->dir, NULL, &cause), 0);
	assert_int_equal(test_verify(f->s, &p), 1);
	assert_contains(p.text, "officer_email");
	assert_contains(p.text, "#1");
	store_close(f->s);

	/* A record that is not CBOR. */
	test_lmdb_damage(f->dir, "officer", id99, 4, "\xff\x00garbage", 9);
	assert_int_equal(store_open(&f->s, f->dir, NULL, &cause), 0);
	assert_int_equal(test_verify(f->s, &p), 2);
	assert_contains(p.text, "does not decode");
	assert_contains(p.text, "officer #99");
	store_close(f->s);

	/* An index entry no record implies. */
	test_lmdb_damage(f->dir, "officer_name", "趙", 3, id2, 4);
	/* An id sequence behind the ids. */
	test_lmdb_damage(f->dir, "meta", "seq.officer", 11, seq0, 8);
	assert_int_equal(store_open(&f->s, f->dir, NULL, &cause), 0);
	assert_int_equal(test_verify(f->s, &p), 4);
	assert_contains(p.text, "officer_name has a stale entry");
	assert_contains(p.text, "seq.officer");
	assert_null(cause);
}

/* A backup reopens with the same records; it never overwrites. */
static void
test_store_backup(void **state)
{
	struct fx *f = *state;
	struct agency a;
	struct officer o;
	struct store *copy;
	struct store_stats st1, st2;
	char dir[96], *cause = NULL;

	test_mk_agency(&a, "EY", "行政院", 0, LEVEL_CABINET);
	test_put(f->s, ENTITY_AGENCY, &a);
	test_mk_officer(&o, 1, "王小明", "wang@x.gov.tw");
	test_put(f->s, ENTITY_OFFICER, &o);
	test_mk_officer(&o, 1, "李美玲", "li@x.gov.tw");
	test_put(f->s, ENTITY_OFFICER, &o);
	test_del(f->s, ENTITY_OFFICER, 1, 0);

	snprintf(dir, sizeof dir, "%s/backup", f->dir);
	assert_int_equal(store_backup(f->s, dir, &cause), 0);
	assert_null(cause);
	assert_int_equal(store_open(&copy, dir, NULL, &cause), 0);
	assert_int_equal(store_stats(f->s, &st1, &cause), 0);
	assert_int_equal(store_stats(copy, &st2, &cause), 0);
	assert_memory_equal(st1.records, st2.records, sizeof st1.records);
	assert_int_equal(st2.records[ENTITY_OFFICER], 1);
	test_verify_clean(copy);
	/* The copy is a database of its own: ids go on from the original. */
	test_mk_officer(&o, 1, "陳志豪", "chen@x.gov.tw");
	test_put(copy, ENTITY_OFFICER, &o);
	assert_int_equal(o.h.id, 3);
	store_close(copy);

	assert_int_equal(store_backup(f->s, dir, &cause), OGPO_EXISTS);
	assert_contains(cause, dir);
	assert_contains(cause, "already holds");
	free(cause);
	cause = NULL;
	/* The refused backup left the copy alone. */
	assert_int_equal(store_open(&copy, dir, NULL, &cause), 0);
	assert_int_equal(store_stats(copy, &st2, &cause), 0);
	assert_int_equal(st2.records[ENTITY_OFFICER], 2);
	store_close(copy);
}

/*
 * A dry run (store_dry) sees exactly what the same changes made for real
 * leave: a log of what every read returns after each change, written once
 * in a real write transaction and once in a dry run over a copy of the
 * same database, must come out the same. The changes are pseudo-random
 * puts, moves and deletes of agencies and officers (clashing unique keys
 * among them), marks, and savepoints kept or taken back; the reads walk
 * every index both ways, each group, unique look-ups, seeks by text and
 * by position, and the counts. Half the seeds gather index changes as an
 * import does (store_defer), in batches small enough to be written many
 * times over, between reads and around savepoints; and half have the
 * dry run's layer written to its file (store_dry_settle) every few
 * changes.
 */
struct test_dry {
	char		*log;
	size_t		 len, cap;
	uint32_t	 seed;
	size_t		 defer;		/* store_defer's batch; 0: not */
	size_t		 settle;	/* store_dry_settle's; 0: not */
};

static void
test_dry_say(struct test_dry *d, const char *fmt, ...)
{
	va_list ap;
	char buf[512];
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (d->len + (size_t)n + 1 > d->cap) {
		d->cap = (d->len + (size_t)n + 1) * 2;
		d->log = realloc(d->log, d->cap);
		assert_non_null(d->log);
	}
	memcpy(d->log + d->len, buf, (size_t)n + 1);
	d->len += (size_t)n;
}

static uint32_t
test_dry_rand(struct test_dry *d, uint32_t n)
{
	d->seed = d->seed * 1103515245u + 12345u;
	return (d->seed >> 8) % n;
}

/* Every read this test knows, as text. */
static void
test_dry_look(struct store_txn *t, struct test_dry *d)
{
	static const char *prefixes[] = { "", "王", "陳", "林", "李", "改",
	    "zz" };
	struct store_cursor *c;
	struct store_pos pos, mid;
	struct officer o;
	struct agency a;
	uint32_t ix, g, k, *ids;
	size_t n, i, steps;
	char key[32];

	for (ix = IX_AGENCY; ix <= IX_MAX; ix++) {
		/* A dry run keeps no search index: test_store_dry_gone. */
		if (ix == IX_OFFICER_GRAM)
			continue;
		test_dry_say(d, "\n%s %zu:", store_index_name(ix),
		    store_count(t, ix, NULL));
		assert_int_equal(store_cursor_open(t, ix, NULL, &c, NULL), 0);
		memset(&mid, 0, sizeof mid);
		for (steps = 0; store_cursor_move(c, STORE_NEXT) == 0; steps++) {
			store_cursor_pos(c, &pos);
			if (steps == 3)
				mid = pos;
			test_dry_say(d, " %u/%u", store_cursor_id(c),
			    pos.klen + pos.vlen);
		}
		test_dry_say(d, " |");
		while (store_cursor_move(c, STORE_PREV) == 0 && steps-- > 0)
			;
		store_cursor_close(c);
		assert_int_equal(store_cursor_open(t, ix, NULL, &c, NULL), 0);
		while (store_cursor_move(c, STORE_PREV) == 0)
			test_dry_say(d, " %u", store_cursor_id(c));
		if (mid.klen > 0 && store_cursor_seek(c, &mid) == 0)
			test_dry_say(d, " seek %u", store_cursor_id(c));
		if (ix == IX_OFFICER_NAME || ix == IX_OFFICER_EMAIL ||
		    ix == IX_AGENCY_CODE)
			for (i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
				test_dry_say(d, " [%s]%d:%u", prefixes[i],
				    store_cursor_seek_text(c, prefixes[i]),
				    store_cursor_id(c));
		store_cursor_close(c);
	}
	/* Groups: the children of each agency, its officers. */
	for (g = 0; g < 40; g++) {
		test_dry_say(d, "\ng%u c%zu o%zu r%zu:", g,
		    store_count(t, IX_AGENCY_CHILD, &g),
		    store_count(t, IX_OFFICER_AGENCY, &g),
		    store_officers_in_role(t, g, ROLE_PO, "2024-06-01"));
		n = store_group_ids(t, IX_OFFICER_AGENCY, g, &ids);
		for (i = 0; i < n; i++)
			test_dry_say(d, " %u", ids[i]);
		free(ids);
		assert_int_equal(store_cursor_open(t, IX_AGENCY_CHILD, &g, &c,
		    NULL), 0);
		while (store_cursor_move(c, STORE_PREV) == 0)
			test_dry_say(d, " <%u", store_cursor_id(c));
		store_cursor_close(c);
	}
	for (k = 0; k < 60; k++) {
		snprintf(key, sizeof key, "e%u@x.gov.tw", k);
		if (store_officer_by_email(t, key, &o, NULL) == 0)
			test_dry_say(d, " %s=%u/%u", key, o.h.id, o.h.version);
		snprintf(key, sizeof key, "C%u", k);
		if (store_agency_by_code(t, key, &a, NULL) == 0)
			test_dry_say(d, " %s=%u", key, a.h.id);
		snprintf(key, sizeof key, "m%u", k % 9);
		test_dry_say(d, " %u", store_mark_peek(t, key));
	}
}

static int
test_dry_fn(struct store_txn *t, void *arg, char **cause)
{
	static const char *names[] = { "王小明", "陳美玲", "林志豪", "李",
	    "改名", "王小華", "張三" };
	struct test_dry *d = arg;
	struct officer o;
	struct agency a;
	uint32_t id, prev, step;
	int rc, sp = 0;
	char key[32], *why;

	(void)cause;
	if (d->defer != 0)
		store_defer(t, d->defer);
	if (d->settle != 0)
		store_dry_settle(t, d->settle);
	for (step = 0; step < 300; step++) {
		why = NULL;
		switch (test_dry_rand(d, 11)) {
		case 0:
		case 1:	/* a new officer; now and then a taken e-mail */
			test_mk_officer(&o, test_dry_rand(d, 12),
			    names[test_dry_rand(d, 7)], "");
			snprintf(o.email, sizeof o.email, "e%u@x.gov.tw",
			    test_dry_rand(d, 60));
			snprintf(o.start_date, sizeof o.start_date,
			    "2024-%02u-01", 1 + test_dry_rand(d, 12));
			rc = store_officer_put(t, &o, &why);
			test_dry_say(d, "\nput officer %d %u", rc, o.h.id);
			break;
		case 2:
		case 3:	/* an officer changes */
			id = 1 + test_dry_rand(d, 80);
			if ((rc = store_officer_get(t, id, &o, NULL)) == 0) {
				if (test_dry_rand(d, 2))
					snprintf(o.name, sizeof o.name, "%s",
					    names[test_dry_rand(d, 7)]);
				if (test_dry_rand(d, 2))
					o.agency = test_dry_rand(d, 12);
				if (test_dry_rand(d, 3) == 0)
					snprintf(o.email, sizeof o.email,
					    "e%u@x.gov.tw",
					    test_dry_rand(d, 60));
				o.role = test_dry_rand(d, 2) ? ROLE_PO :
				    ROLE_ALTERNATE;
				if (test_dry_rand(d, 3) == 0)
					snprintf(o.end_date, sizeof o.end_date,
					    "2024-0%u-15",
					    1 + test_dry_rand(d, 9));
				rc = store_officer_put(t, &o, &why);
			}
			test_dry_say(d, "\nset officer %u %d", id, rc);
			break;
		case 4:	/* an officer goes */
			id = 1 + test_dry_rand(d, 80);
			rc = store_officer_del(t, id, NULL);
			test_dry_say(d, "\ndel officer %u %d", id, rc);
			break;
		case 5:	/* a new agency, or a moved one */
			if (test_dry_rand(d, 2)) {
				snprintf(key, sizeof key, "C%u",
				    test_dry_rand(d, 60));
				test_mk_agency(&a, key, names[test_dry_rand(d,
				    7)], test_dry_rand(d, 12), LEVEL_2);
				rc = store_agency_put(t, &a, &why);
				test_dry_say(d, "\nput agency %d %u", rc,
				    a.h.id);
			} else {
				id = 1 + test_dry_rand(d, 30);
				if ((rc = store_agency_get(t, id, &a,
				    NULL)) == 0) {
					a.parent = test_dry_rand(d, 12);
					snprintf(a.code, sizeof a.code, "C%u",
					    test_dry_rand(d, 60));
					rc = store_agency_put(t, &a, &why);
				}
				test_dry_say(d, "\nmove agency %u %d", id, rc);
			}
			break;
		case 6:	/* an agency goes */
			id = 1 + test_dry_rand(d, 30);
			rc = store_agency_del(t, id, NULL);
			test_dry_say(d, "\ndel agency %u %d", id, rc);
			break;
		case 7:
			snprintf(key, sizeof key, "m%u", test_dry_rand(d, 9));
			rc = store_mark(t, key, step + 1, &prev, NULL);
			test_dry_say(d, "\nmark %s %d %u", key, rc, prev);
			break;
		case 8:
			if (test_dry_rand(d, 4) == 0) {
				rc = store_marks_clear(t, NULL);
				test_dry_say(d, "\nclear %d", rc);
			}
			break;
		case 9:
			if (!sp) {
				rc = store_savepoint(t, NULL);
				sp = rc == 0;
				test_dry_say(d, "\nsavepoint %d", rc);
			}
			break;
		default:
			if (sp) {
				id = test_dry_rand(d, 2);
				rc = store_savepoint_end(t, (int)id, NULL);
				sp = 0;
				test_dry_say(d, "\nend %u %d", id, rc);
			}
			break;
		}
		free(why);
		if (step % 15 == 14)
			test_dry_look(t, d);
	}
	if (sp)
		assert_int_equal(store_savepoint_end(t, 1, NULL), 0);
	test_dry_look(t, d);
	return 0;
}

/* What every read of s returns now, as text (free it). */
static char *
test_dry_seen(struct store *s)
{
	struct test_dry look = { 0 };
	struct store_txn *t = test_read(s);

	test_dry_look(t, &look);
	store_read_end(t);
	return look.log;
}

static void
test_store_dry(void **state)
{
	struct fx *f = *state;
	struct test_dry real, dry;
	struct test_problems problems;
	struct store *copy;
	const char *stale;
	struct agency a;
	struct officer o;
	char dir[96], *cause = NULL, *before, *after;
	uint32_t i, seed;
	size_t k;

	test_mk_agency(&a, "C0", "行政院", 0, LEVEL_CABINET);
	test_put(f->s, ENTITY_AGENCY, &a);
	for (i = 1; i < 10; i++) {
		snprintf(dir, sizeof dir, "C%u", i);
		test_mk_agency(&a, dir, "部", 1 + i / 4, LEVEL_2);
		test_put(f->s, ENTITY_AGENCY, &a);
	}
	for (i = 0; i < 40; i++) {
		test_mk_officer(&o, 1 + i % 9, i % 3 ? "陳美玲" : "王小明",
		    "");
		snprintf(o.email, sizeof o.email, "e%u@x.gov.tw", i);
		snprintf(o.start_date, sizeof o.start_date, "2024-0%u-01",
		    1 + i % 9);
		test_put(f->s, ENTITY_OFFICER, &o);
	}
	for (seed = 1; seed <= 12; seed++) {
		snprintf(dir, sizeof dir, "%s/copy%u", f->dir, seed);
		assert_int_equal(store_backup(f->s, dir, &cause), 0);
		assert_int_equal(store_open(&copy, dir, NULL, &cause), 0);
		memset(&real, 0, sizeof real);
		memset(&dry, 0, sizeof dry);
		real.seed = dry.seed = seed * 7919;
		real.defer = dry.defer = seed > 6 ? 64 * (seed - 6) : 0;
		/* Odd seeds write the dry run's layer to its file every few
		 * changes, between reads, around savepoints. */
		real.settle = dry.settle = seed % 2 ? 2 + seed % 4 : 0;
		/* The copy first, looked at before and after: the dry run
		 * left it as it was. */
		before = test_dry_seen(copy);
		assert_int_equal(store_dry(copy, test_dry_fn, &dry, &cause),
		    0);
		after = test_dry_seen(copy);
		assert_string_equal(before, after);
		free(before);
		free(after);
		store_close(copy);
		/* The original for real, the same changes. */
		snprintf(dir, sizeof dir, "%s/real%u", f->dir, seed);
		assert_int_equal(store_backup(f->s, dir, &cause), 0);
		assert_int_equal(store_open(&copy, dir, NULL, &cause), 0);
		assert_int_equal(store_write(copy, test_dry_fn, &real, &cause),
		    0);
		/* What savepoints took back left nothing in any index (the
		 * records refer where they like: the store does not care). */
		test_verify(copy, &problems);
		if ((stale = strstr(problems.text, "index ")) != NULL)
			fail_msg("seed %u: %.300s", seed, stale);
		store_close(copy);
		if (strcmp(real.log, dry.log) != 0) {
			for (k = 0; real.log[k] == dry.log[k]; k++)
				;
			while (k > 0 && real.log[k - 1] != '\n')
				k--;
			{
				size_t j = k, e;

				for (e = k; real.log[e] == dry.log[e]; e++)
					;
				j = e > 60 ? e - 60 : 0;
				fail_msg("seed %u: the dry run saw otherwise "
				    "from here:\nreal: %.300s\ndry:  %.300s\n"
				    "(at: ...%.120s\n vs ...%.120s)", seed,
				    real.log + k, dry.log + k, real.log + j,
				    dry.log + j);
			}
		}
		free(real.log);
		free(dry.log);
	}
}

/*
 * What a dry run does not keep (shadow.c) it refuses to read, and never
 * answers wrong: the audit records it appends (those from before stay
 * readable, and the count and the chain's head go on as a real run's
 * do), and the search index once an officer changed. The indexes whose
 * changes it puts aside read as the real run's: test_store_dry.
 */
struct test_gone {
	uint64_t	 first;		/* the first record appended */
	size_t		 count;		/* audit records, after */
	uint8_t		 head[OGPO_HASH_LEN];
	uint64_t	 seq;
	int		 before_rc, mine_rc, walk_rc, gram_rc, gram_count;
};

static int
test_gone_fn(struct store_txn *t, void *arg, char **cause)
{
	struct test_gone *g = arg;
	struct audit *a = xcalloc(1, sizeof *a);
	struct store_cursor *c;
	struct officer o;
	int i, rc = 0;

	for (i = 0; i < 3 && rc == 0; i++) {
		memset(a, 0, sizeof *a);
		a->action = AUDIT_CREATE;
		a->entity = ENTITY_OFFICER;
		a->id = (uint32_t)i + 1;
		snprintf(a->login, sizeof a->login, "tester");
		rc = store_audit_append(t, a, cause);
		if (i == 0)
			g->first = a->seq;
	}
	if (rc == 0)
		rc = store_audit_head(t, g->head, &g->seq, cause);
	g->count = store_count(t, IX_AUDIT, NULL);
	g->before_rc = store_audit_get(t, g->first - 1, a, NULL);
	g->mine_rc = store_audit_get(t, g->first + 1, a, NULL);
	if ((g->walk_rc = store_cursor_open(t, IX_AUDIT, NULL, &c,
	    NULL)) == 0)
		store_cursor_close(c);
	test_mk_officer(&o, 1, "王小明", "wang@x.gov.tw");
	if (rc == 0)
		rc = store_officer_put(t, &o, cause);
	if ((g->gram_rc = store_cursor_open(t, IX_OFFICER_GRAM, NULL, &c,
	    NULL)) == 0)
		store_cursor_close(c);
	g->gram_count = (int)store_count(t, IX_OFFICER_GRAM, NULL);
	free(a);
	return rc;
}

static void
test_store_dry_gone(void **state)
{
	struct fx *f = *state;
	struct test_gone real, dry;
	struct audit *a = xcalloc(1, sizeof *a);
	struct store *copy;
	struct agency ag;
	char dir[96], *cause = NULL;
	int i;

	test_mk_agency(&ag, "C0", "行政院", 0, LEVEL_CABINET);
	test_put(f->s, ENTITY_AGENCY, &ag);
	for (i = 0; i < 2; i++) {
		memset(a, 0, sizeof *a);
		a->action = AUDIT_CREATE;
		a->entity = ENTITY_AGENCY;
		a->id = 1;
		test_put(f->s, ENTITY_AUDIT, a);
	}
	free(a);
	snprintf(dir, sizeof dir, "%s/real", f->dir);
	assert_int_equal(store_backup(f->s, dir, &cause), 0);
	assert_int_equal(store_open(&copy, dir, NULL, &cause), 0);
	memset(&real, 0, sizeof real);
	assert_int_equal(store_write(copy, test_gone_fn, &real, &cause), 0);
	store_close(copy);
	memset(&dry, 0, sizeof dry);
	assert_int_equal(store_dry(f->s, test_gone_fn, &dry, &cause), 0);
	assert_null(cause);

	/* The real run reads everything. */
	assert_int_equal(real.before_rc, 0);
	assert_int_equal(real.mine_rc, 0);
	assert_int_equal(real.walk_rc, 0);
	assert_int_equal(real.gram_rc, 0);
	assert_true(real.gram_count > 0);
	/* The dry run goes on as the real one: the same seqs, count and
	 * head, and the records from before are read. */
	assert_int_equal(dry.first, real.first);
	assert_int_equal(dry.seq, real.seq);
	assert_int_equal(dry.count, real.count);
	assert_memory_equal(dry.head, real.head, OGPO_HASH_LEN);
	assert_int_equal(dry.before_rc, 0);
	/* What it let go is refused, not missed. */
	assert_int_not_equal(dry.mine_rc, 0);
	assert_int_not_equal(dry.mine_rc, OGPO_NOTFOUND);
	assert_int_not_equal(dry.walk_rc, 0);
	assert_int_not_equal(dry.gram_rc, 0);
	assert_int_equal(dry.gram_count, 0);
}

/*
 * Index changes a dry run put aside, more than its buffer holds (so
 * partly in its file), are all there when the index is read, the moves
 * of the second pass over the first's included.
 */
static int
test_aside_fn(struct store_txn *t, void *arg, char **cause)
{
	char **log = arg, buf[64];
	struct officer o;
	uint32_t i, g, *ids;
	size_t n, k, len = 0, cap = 0;
	int rc;

	store_defer(t, 4096);	/* written out, so put aside, often */
	for (i = 0; i < 9000; i++) {
		test_mk_officer(&o, 1 + i % 7, i % 3 ? "陳美玲" : "王小明",
		    "");
		snprintf(o.email, sizeof o.email, "aside%u@x.gov.tw", i);
		snprintf(o.start_date, sizeof o.start_date, "2024-0%u-01",
		    1 + i % 9);
		if ((rc = store_officer_put(t, &o, cause)) != 0)
			return rc;
	}
	for (i = 1; i <= 9000; i += 3) {
		if ((rc = store_officer_get(t, i, &o, cause)) != 0)
			return rc;
		o.agency = 1 + (o.agency + 2) % 7;
		if ((rc = store_officer_put(t, &o, cause)) != 0)
			return rc;
	}
	*log = NULL;
	for (g = 0; g <= 8; g++) {
		n = store_group_ids(t, IX_OFFICER_AGENCY, g, &ids);
		for (k = 0; k < n; k++) {
			snprintf(buf, sizeof buf, "%u:%u ", g, ids[k]);
			*log = xgrow(*log, &cap, len + strlen(buf) + 1, 1);
			memcpy(*log + len, buf, strlen(buf) + 1);
			len += strlen(buf);
		}
		free(ids);
	}
	snprintf(buf, sizeof buf, "names %zu roles %zu",
	    store_count(t, IX_OFFICER_NAME, NULL),
	    store_count(t, IX_OFFICER_ROLE, NULL));
	*log = xgrow(*log, &cap, len + strlen(buf) + 1, 1);
	memcpy(*log + len, buf, strlen(buf) + 1);
	return 0;
}

static void
test_store_dry_aside(void **state)
{
	struct fx *f = *state;
	struct store *copy;
	struct agency a;
	char dir[96], *cause = NULL, *real = NULL, *dry = NULL;
	uint32_t i;

	test_mk_agency(&a, "C0", "行政院", 0, LEVEL_CABINET);
	test_put(f->s, ENTITY_AGENCY, &a);
	for (i = 1; i < 8; i++) {
		snprintf(dir, sizeof dir, "C%u", i);
		test_mk_agency(&a, dir, "部", 1, LEVEL_2);
		test_put(f->s, ENTITY_AGENCY, &a);
	}
	snprintf(dir, sizeof dir, "%s/real", f->dir);
	assert_int_equal(store_backup(f->s, dir, &cause), 0);
	assert_int_equal(store_open(&copy, dir, NULL, &cause), 0);
	assert_int_equal(store_write(copy, test_aside_fn, &real, &cause), 0);
	store_close(copy);
	assert_int_equal(store_dry(f->s, test_aside_fn, &dry, &cause), 0);
	assert_non_null(strstr(real, "names 9000 roles 9000"));
	assert_string_equal(dry, real);
	free(real);
	free(dry);
}

/*
 * A map that cannot grow (more than the machine can map) leaves the
 * database open and usable: LMDB lets its old map go before it asks for
 * the new one, and the next transaction must not run on nothing.
 */
static void
test_store_map_refused(void **state)
{
	struct fx *f = *state;
	struct agency a;
	char *cause = NULL;

	assert_int_equal(store_reserve(f->s, (size_t)1 << 50, &cause),
	    OGPO_FULL);
	assert_contains(cause, "more than this machine lets ogpo have");
	free(cause);
	cause = NULL;
	test_mk_agency(&a, "EY", "行政院", 0, LEVEL_CABINET);
	test_put(f->s, ENTITY_AGENCY, &a);
	assert_int_equal(a.h.id, 1);
	test_verify_clean(f->s);
	/* Growing to what the machine can map still works. */
	assert_int_equal(store_reserve(f->s, (size_t)256 << 20, &cause), 0);
	assert_true(store_map_size(f->s) >= (size_t)256 << 20);
	test_put(f->s, ENTITY_AGENCY, &a);
	test_verify_clean(f->s);
}

/* Without create, a directory with no database is an error naming init. */
static void
test_store_open_missing(void **state)
{
	struct fx *f = *state;
	struct store *s = (struct store *)1;
	char dir[96], *cause = NULL;
	struct stat sb;

	snprintf(dir, sizeof dir, "%s/empty", f->dir);
	assert_int_equal(mkdir(dir, 0700), 0);
	assert_int_equal(store_open(&s, dir, &(struct store_options){ 0 },
	    &cause), OGPO_NOTFOUND);
	assert_null(s);
	assert_contains(cause, "ogpo init");
	assert_contains(cause, dir);
	free(cause);
	cause = NULL;
	/* Nothing was created there. */
	snprintf(dir, sizeof dir, "%s/empty/data.mdb", f->dir);
	assert_int_equal(stat(dir, &sb), -1);

	/* A directory that does not exist either. */
	snprintf(dir, sizeof dir, "%s/none", f->dir);
	s = (struct store *)1;
	assert_int_equal(store_open(&s, dir, NULL, &cause), OGPO_NOTFOUND);
	assert_null(s);
	assert_contains(cause, "ogpo init");
	free(cause);
	assert_int_equal(stat(dir, &sb), -1);
}

/*
 * A lazy commit (the screen's) is in the database as store_write returns:
 * another process's handle reads it before store_sync, which then flushes
 * it once; the next write is lazy too, and a handle that is not lazy is
 * left as it was.
 */
static void
test_store_lazy_sync(void **state)
{
	struct fx *f = *state;
	struct agency a, b, got;
	struct store *other = NULL;
	struct store_txn *t;
	char *cause = NULL;

	store_set_lazy_sync(f->s, 1);
	assert_int_equal(store_sync(f->s, &cause), 0);	/* nothing yet */
	test_mk_agency(&a, "EY", "行政院", 0, LEVEL_CABINET);
	test_put(f->s, ENTITY_AGENCY, &a);
	assert_int_equal(store_open(&other, f->dir,
	    &(struct store_options){ 0 }, &cause), 0);
	t = test_read(other);
	assert_int_equal(store_agency_get(t, a.h.id, &got, &cause), 0);
	assert_string_equal(got.name, "行政院");
	store_read_end(t);
	assert_int_equal(store_sync(f->s, &cause), 0);
	assert_int_equal(store_sync(f->s, &cause), 0);
	test_mk_agency(&b, "MOI", "內政部", a.h.id, LEVEL_2);
	test_put(f->s, ENTITY_AGENCY, &b);
	/* The other handle writes as before, flushed at its commit. */
	test_mk_agency(&b, "NDC", "國家發展委員會", a.h.id, LEVEL_2);
	test_put(other, ENTITY_AGENCY, &b);
	assert_int_equal(store_sync(other, &cause), 0);
	store_close(other);
	store_set_lazy_sync(f->s, 0);
	assert_int_equal(store_sync(f->s, &cause), 0);
	assert_null(cause);
	t = test_read(f->s);
	assert_int_equal(store_count(t, IX_AGENCY, NULL), 3);
	store_read_end(t);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, test_setup, test_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_store_crud_agency),
		T(test_store_lazy_sync),
		T(test_store_dry),
		T(test_store_dry_gone),
		T(test_store_dry_aside),
		T(test_store_map_refused),
		T(test_store_crud_others),
		T(test_store_indexes),
		T(test_store_unique),
		T(test_store_refused_put_keeps_ids),
		T(test_store_cursors),
		T(test_store_cursor_attendance),
		T(test_store_audit),
		T(test_store_growth),
		T(test_store_defer),
		T(test_store_find),
		T(test_store_find_upkeep),
		T(test_store_find_migrate),
		T(test_store_verify_grams),
		T(test_store_verify_damage),
		T(test_store_backup),
		T(test_store_open_missing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
