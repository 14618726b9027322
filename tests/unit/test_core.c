/*
 * test_core.c — the one door for writes: what a person is told when a
 * record breaks a rule (the field's label and the value typed), version
 * conflicts that keep what the person typed, the audit trail of every
 * change, deletes refused while others refer to the record, and the
 * demo database.
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
#include "ogpo/codec.h"
#include "ogpo/core.h"
#include "ogpo/import.h"
#include "ogpo/model.h"
#include "ogpo/schema.h"
#include "ogpo/store.h"
#include "ogpo/util.h"

#define assert_contains(hay, needle) do {				\
	const char *h_ = (hay), *n_ = (needle);				\
	if (h_ == NULL || strstr(h_, n_) == NULL)			\
		fail_msg("'%s' is not in '%s'", n_, h_ ? h_ : "(null)");\
} while (0)

#define GRP(v)	(&(const uint32_t){ (v) })

struct fx {
	char		 dir[64];
	struct core	*c;
	uint32_t	 ey, moi, ndc;	/* the agencies every test has */
};

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
	o->civil_servant = 1;
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

/* Save rec through core_save1; it must work. */
static void
test_save(struct core *c, enum entity_kind kind, void *rec)
{
	char *cause = NULL;

	if (core_save1(c, kind, rec, &cause) != 0)
		fail_msg("saving a %s: %s", schema_of(kind)->name, cause);
	assert_null(cause);
}

/* Setup: a new database with the Executive Yuan and two ministries. */
static int
test_setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct agency a;

	if (f == NULL ||
	    (f->c = fixture_core_open(f->dir, sizeof f->dir)) == NULL) {
		free(f);
		return -1;
	}
	test_mk_agency(&a, "EY", "行政院", 0, LEVEL_CABINET);
	test_save(f->c, ENTITY_AGENCY, &a);
	f->ey = a.h.id;
	test_mk_agency(&a, "MOI", "內政部", f->ey, LEVEL_2);
	test_save(f->c, ENTITY_AGENCY, &a);
	f->moi = a.h.id;
	test_mk_agency(&a, "NDC", "國家發展委員會", f->ey, LEVEL_2);
	test_save(f->c, ENTITY_AGENCY, &a);
	f->ndc = a.h.id;
	*state = f;
	return 0;
}

/* Setup for the demo: an empty new database. */
static int
test_setup_empty(void **state)
{
	struct fx *f = calloc(1, sizeof *f);

	if (f == NULL ||
	    (f->c = fixture_core_open(f->dir, sizeof f->dir)) == NULL) {
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

	fixture_core_close(f->c, f->dir);
	free(f);
	return 0;
}

static struct store_txn *
test_read(struct fx *f)
{
	struct store_txn *t;
	char *cause = NULL;

	if (store_read_begin(core_store(f->c), &t, &cause) != 0)
		fail_msg("store_read_begin: %s", cause);
	return t;
}

static size_t
test_count(struct fx *f, enum store_index ix, const uint32_t *group)
{
	struct store_txn *t = test_read(f);
	size_t n = store_count(t, ix, group);

	store_read_end(t);
	return n;
}

struct test_problems {
	size_t	n;
	char	text[4096];
};

static void
test_problem(void *arg, const char *problem)
{
	struct test_problems *p = arg;
	size_t used = strlen(p->text);

	p->n++;
	snprintf(p->text + used, sizeof p->text - used, "%s\n", problem);
}

static void
test_verify_clean(struct fx *f)
{
	struct test_problems p;
	struct store_txn *t = test_read(f);
	size_t n;

	memset(&p, 0, sizeof p);
	n = store_verify(t, test_problem, &p);
	store_read_end(t);
	if (n != 0)
		fail_msg("store_verify found %zu problems:\n%s", n, p.text);
}

/*
 * Saving rec must be refused with OGPO_INVALID and a cause holding each
 * of the wanted words; the caller's struct is as it was, and nothing
 * (no record, no audit) was written.
 */
static void
test_refused(struct fx *f, enum entity_kind kind, void *rec,
    const char *want1, const char *want2)
{
	const struct schema *s = schema_of(kind);
	void *before = malloc(s->size);
	size_t records, audits;
	char *cause = NULL;
	int rc;

	assert_non_null(before);
	memcpy(before, rec, s->size);
	records = test_count(f, kind == ENTITY_AGENCY ? IX_AGENCY :
	    kind == ENTITY_OFFICER ? IX_OFFICER : kind == ENTITY_MEETING ?
	    IX_MEETING : IX_ISSUE, NULL);
	audits = test_count(f, IX_AUDIT, NULL);
	rc = core_save1(f->c, kind, rec, &cause);
	if (rc != OGPO_INVALID)
		fail_msg("saving gave %d (%s), not OGPO_INVALID", rc,
		    cause ? cause : "no cause");
	assert_contains(cause, want1);
	if (want2 != NULL)
		assert_contains(cause, want2);
	free(cause);
	assert_memory_equal(rec, before, s->size);
	assert_int_equal(test_count(f, kind == ENTITY_AGENCY ? IX_AGENCY :
	    kind == ENTITY_OFFICER ? IX_OFFICER : kind == ENTITY_MEETING ?
	    IX_MEETING : IX_ISSUE, NULL), records);
	assert_int_equal(test_count(f, IX_AUDIT, NULL), audits);
	free(before);
}

/*
 * core_check in its two parts: core_check_text finds the faults on the
 * string fields, without the database; for a record with none,
 * core_check_rest finds what core_check does, in the same order.
 */
static void
test_parts_agree(struct fx *f, enum entity_kind kind, const void *rec)
{
	struct core_fault all[8], rest[8];
	struct store_txn *t = test_read(f);
	size_t n, nrest, ntext, i;

	n = core_check(t, kind, rec, all, 8);
	nrest = core_check_rest(t, kind, rec, rest, 8);
	ntext = core_check_text(kind, rec);
	store_read_end(t);
	/* Each fault is found by one part. */
	assert_true(n <= 8);
	assert_int_equal(ntext + nrest, n);
	if (ntext != 0)
		return;
	for (i = 0; i < n; i++) {
		assert_ptr_equal(rest[i].field, all[i].field);
		assert_string_equal(rest[i].msg, all[i].msg);
	}
}

/* core_check's faults for rec must include one on field name. */
static void
test_fault_on(struct fx *f, enum entity_kind kind, const void *rec,
    const char *name, const char *words)
{
	struct core_fault faults[8];
	struct store_txn *t = test_read(f);
	size_t n, i;

	n = core_check(t, kind, rec, faults, 8);
	store_read_end(t);
	test_parts_agree(f, kind, rec);
	assert_true(n > 0);
	for (i = 0; i < n && i < 8; i++)
		if (faults[i].field != NULL &&
		    strcmp(faults[i].field->name, name) == 0) {
			if (words != NULL)
				assert_contains(faults[i].msg, words);
			return;
		}
	fail_msg("no fault on field %s among %zu (first: %s)", name, n,
	    faults[0].msg);
}

/* Each complaint names the field's label and quotes the value. */
static void
test_core_validation(void **state)
{
	struct fx *f = *state;
	struct officer o;
	struct agency a;
	struct core_fault faults[8];
	struct store_txn *t;

	test_mk_officer(&o, f->moi, "王小明", "wang@moi");
	test_refused(f, ENTITY_OFFICER, &o, "E-mail", "wang@moi");
	test_fault_on(f, ENTITY_OFFICER, &o, "email", "wang@moi");

	test_mk_officer(&o, f->moi, "王小明", "wang@moi.gov.tw");
	strcpy(o.start_date, "2024-02-30");
	test_refused(f, ENTITY_OFFICER, &o, "2024-02-30", "Start date");
	test_fault_on(f, ENTITY_OFFICER, &o, "start_date", NULL);
	strcpy(o.start_date, "2024-02-29");	/* a leap day is fine */
	t = test_read(f);
	assert_int_equal(core_check(t, ENTITY_OFFICER, &o, faults, 8), 0);
	store_read_end(t);

	test_mk_officer(&o, 999, "王小明", "wang@moi.gov.tw");
	test_refused(f, ENTITY_OFFICER, &o, "#999", "Agency");
	test_fault_on(f, ENTITY_OFFICER, &o, "agency", "#999");

	test_mk_officer(&o, f->moi, "", "wang@moi.gov.tw");
	test_refused(f, ENTITY_OFFICER, &o, "Name is required", NULL);
	test_fault_on(f, ENTITY_OFFICER, &o, "name", NULL);

	/* 97 bytes fill the whole member: no room for the NUL. */
	test_mk_officer(&o, f->moi, "", "wang@moi.gov.tw");
	memset(o.name, 'a', sizeof o.name);
	test_refused(f, ENTITY_OFFICER, &o, "Name", "too long");
	/* 96 bytes (32 CJK characters) are fine. */
	test_mk_officer(&o, f->moi, "", "wang@moi.gov.tw");
	for (size_t i = 0; i < 32; i++)
		memcpy(o.name + 3 * i, "王", 3);
	t = test_read(f);
	assert_int_equal(core_check(t, ENTITY_OFFICER, &o, faults, 8), 0);
	store_read_end(t);

	/* An escape sequence in a name would drive others' terminals. */
	test_mk_officer(&o, f->moi, "\x1b[31m王小明", "wang@moi.gov.tw");
	test_refused(f, ENTITY_OFFICER, &o, "Name", "control character");
	test_mk_officer(&o, f->moi, "王\xc2\x9b小明", "wang@moi.gov.tw");
	test_refused(f, ENTITY_OFFICER, &o, "Name", "control character");
	test_mk_officer(&o, f->moi, "王\xff小明", "wang@moi.gov.tw");
	test_refused(f, ENTITY_OFFICER, &o, "Name", "UTF-8");

	/* A supervisor is a deputy head or a CIO. */
	test_mk_officer(&o, f->moi, "李美玲", "li@moi.gov.tw");
	o.role = ROLE_SUPERVISOR;
	test_fault_on(f, ENTITY_OFFICER, &o, "supervisor", NULL);
	test_refused(f, ENTITY_OFFICER, &o, "supervisor", NULL);
	o.supervisor = SUPV_CIO;
	t = test_read(f);
	assert_int_equal(core_check(t, ENTITY_OFFICER, &o, faults, 8), 0);
	store_read_end(t);
	/* ... and only a supervisor has a supervisor kind. */
	o.role = ROLE_PO;
	test_fault_on(f, ENTITY_OFFICER, &o, "supervisor", NULL);
	/* An end before the start. */
	test_mk_officer(&o, f->moi, "李美玲", "li@moi.gov.tw");
	strcpy(o.start_date, "2024-05-01");
	strcpy(o.end_date, "2024-04-30");
	test_fault_on(f, ENTITY_OFFICER, &o, "end_date", "2024-04-30");
	/* Role 9 does not exist. */
	test_mk_officer(&o, f->moi, "李美玲", "li@moi.gov.tw");
	o.role = 9;
	test_fault_on(f, ENTITY_OFFICER, &o, "role", "9");
	/* Faults of both parts at once: a bad e-mail (text) and an agency
	 * that does not exist (the database), each found by its part. */
	test_mk_officer(&o, 999, "李美玲", "li@moi");
	test_fault_on(f, ENTITY_OFFICER, &o, "email", "li@moi");
	test_fault_on(f, ENTITY_OFFICER, &o, "agency", "#999");
	assert_int_equal(core_check_text(ENTITY_OFFICER, &o), 1);
	/* A clean record: no fault in either part. */
	test_mk_officer(&o, f->moi, "李美玲", "li@moi.gov.tw");
	test_parts_agree(f, ENTITY_OFFICER, &o);
	assert_int_equal(core_check_text(ENTITY_OFFICER, &o), 0);

	/* A level 3 agency directly under the Executive Yuan. */
	test_mk_agency(&a, "NPA", "內政部警政署", f->ey, LEVEL_3);
	test_fault_on(f, ENTITY_AGENCY, &a, "level", "行政院");
	test_refused(f, ENTITY_AGENCY, &a, "Level 3", "行政院");
	a.parent = f->moi;
	t = test_read(f);
	assert_int_equal(core_check(t, ENTITY_AGENCY, &a, faults, 8), 0);
	store_read_end(t);
	/* A second agency without a parent that is not level 1. */
	test_mk_agency(&a, "X", "某機關", 0, LEVEL_2);
	test_fault_on(f, ENTITY_AGENCY, &a, "parent", NULL);
	/* A code with a space. */
	test_mk_agency(&a, "M OI", "內政部", f->ey, LEVEL_2);
	test_refused(f, ENTITY_AGENCY, &a, "Code", "M OI");

	/* Codes are stored upper case, outer spaces trimmed. */
	test_mk_agency(&a, "moe", " 教育部 ", f->ey, LEVEL_2);
	test_save(f->c, ENTITY_AGENCY, &a);
	assert_string_equal(a.code, "MOE");
	assert_string_equal(a.name, "教育部");
	{
		struct agency got;
		char *cause = NULL;

		t = test_read(f);
		assert_int_equal(store_agency_by_code(t, "MOE", &got, &cause),
		    0);
		assert_int_equal(got.h.id, a.h.id);
		assert_string_equal(got.code, "MOE");
		/* People type codes in either case. */
		assert_int_equal(store_agency_by_code(t, "moe", &got, &cause),
		    0);
		assert_int_equal(got.h.id, a.h.id);
		store_read_end(t);
	}
	/* "moi" is taken as MOI, which exists: refused, naming the holder. */
	{
		char *cause = NULL;

		test_mk_agency(&a, "moi", "內政部二", f->ey, LEVEL_2);
		assert_int_equal(core_save1(f->c, ENTITY_AGENCY, &a, &cause),
		    OGPO_EXISTS);
		assert_contains(cause, "MOI");
		assert_contains(cause, "內政部");
		assert_string_equal(a.code, "moi");	/* as typed */
		free(cause);
	}
	test_verify_clean(f);
}

/* Read officer id in a transaction of its own. */
static void
test_get_officer(struct fx *f, uint32_t id, struct officer *o)
{
	struct store_txn *t = test_read(f);
	char *cause = NULL;

	if (store_officer_get(t, id, o, &cause) != 0)
		fail_msg("officer #%u: %s", id, cause ? cause : "not found");
	store_read_end(t);
}

/* A stale version is refused, naming who changed it; the typing stays. */
static void
test_core_conflict(void **state)
{
	struct fx *f = *state;
	struct officer o, copy, typed, got;
	char *cause = NULL;
	size_t audits;

	test_mk_officer(&o, f->moi, "王小明", "wang@moi.gov.tw");
	test_save(f->c, ENTITY_OFFICER, &o);
	assert_int_equal(o.h.version, 1);
	assert_string_equal(o.h.updated_by, core_login(f->c));

	copy = o;
	strcpy(copy.title, "科長");
	test_save(f->c, ENTITY_OFFICER, &copy);
	assert_int_equal(copy.h.version, 2);

	strcpy(o.title, "專員");
	strcpy(o.phone, "02-2356-5000");
	typed = o;
	audits = test_count(f, IX_AUDIT, NULL);
	assert_int_equal(core_save1(f->c, ENTITY_OFFICER, &o, &cause),
	    OGPO_CONFLICT);
	assert_contains(cause, "王小明");
	assert_contains(cause, "changed by");
	assert_contains(cause, core_login(f->c));
	free(cause);
	cause = NULL;
	assert_memory_equal(&o, &typed, sizeof o);
	assert_int_equal(o.h.version, 1);
	test_get_officer(f, o.h.id, &got);
	assert_memory_equal(&got, &copy, sizeof got);
	assert_string_equal(got.title, "科長");
	assert_int_equal(test_count(f, IX_AUDIT, NULL), audits);

	/* A delete from the stale version is refused too. */
	assert_int_equal(core_delete1(f->c, ENTITY_OFFICER, o.h.id, 1,
	    &cause), OGPO_CONFLICT);
	assert_contains(cause, "王小明");
	free(cause);
	cause = NULL;
	test_get_officer(f, o.h.id, &got);
	assert_int_equal(got.h.version, 2);

	/* Saving over a record deleted meanwhile is refused. */
	assert_int_equal(core_delete1(f->c, ENTITY_OFFICER, o.h.id, 2,
	    &cause), 0);
	assert_null(cause);
	copy.h.version = 2;
	assert_int_equal(core_save1(f->c, ENTITY_OFFICER, &copy, &cause),
	    OGPO_NOTFOUND);
	assert_contains(cause, "deleted");
	free(cause);
	assert_int_equal(test_count(f, IX_OFFICER, NULL), 0);
	test_verify_clean(f);
}

/* The newest audit record, into a (heap: it is big). */
static void
test_last_audit(struct fx *f, struct audit *a)
{
	struct store_txn *t = test_read(f);
	struct store_cursor *c;
	char *cause = NULL;

	assert_int_equal(store_cursor_open(t, IX_AUDIT, NULL, &c, &cause), 0);
	assert_int_equal(store_cursor_move(c, STORE_LAST), 0);
	if (store_cursor_get(c, a, &cause) != 0)
		fail_msg("audit record: %s", cause);
	store_cursor_close(c);
	store_read_end(t);
}

/* The audit's image (before or after) decodes to want. */
static void
test_image_is(const struct schema *s, const uint8_t *img, size_t len,
    const void *want)
{
	void *rec = malloc(s->size);
	char *cause = NULL;

	assert_non_null(rec);
	assert_true(len > 0);
	if (codec_decode(s, img, len, rec, &cause) != 0)
		fail_msg("image does not decode: %s", cause);
	assert_memory_equal(rec, want, s->size);
	free(rec);
}

/*
 * Check the last audit record is one (action, kind, id) by this user,
 * stamped by the program's clock (OGPO_NOW's, when it is set).
 */
static void
test_audit_is(struct fx *f, struct audit *a, size_t before_count,
    uint32_t action, enum entity_kind kind, uint32_t id, int64_t t0)
{
	assert_int_equal(test_count(f, IX_AUDIT, NULL), before_count + 1);
	test_last_audit(f, a);
	assert_int_equal(a->action, action);
	assert_int_equal(a->entity, kind);
	assert_int_equal(a->id, id);
	assert_string_equal(a->login, core_login(f->c));
	assert_true(a->time >= t0 && a->time <= time_now());
	assert_int_equal(a->before_len == 0, action == AUDIT_CREATE);
	assert_int_equal(a->after_len == 0, action == AUDIT_DELETE);
}

/* Every create, update and delete leaves who, what, before and after. */
static void
test_core_audit(void **state)
{
	struct fx *f = *state;
	struct audit *a = calloc(1, sizeof *a);
	struct officer o, old;
	struct meeting m, mold;
	struct issue *is = calloc(1, sizeof *is), *iold = calloc(1,
	    sizeof *iold);
	struct agency ag, agold;
	struct attendance at;
	int64_t t0 = time_now();
	uint64_t seq;
	size_t n;
	char *cause = NULL;

	assert_non_null(a);
	assert_non_null(is);
	assert_non_null(iold);

	/* Agency: create, update, delete. */
	test_mk_agency(&ag, "NSTC", "國家科學及技術委員會", f->ey,
	    LEVEL_2);
	n = test_count(f, IX_AUDIT, NULL);
	test_save(f->c, ENTITY_AGENCY, &ag);
	test_audit_is(f, a, n, AUDIT_CREATE, ENTITY_AGENCY, ag.h.id, t0);
	test_image_is(&schema_agency, a->after, a->after_len, &ag);
	seq = a->seq;
	agold = ag;
	strcpy(ag.note, "科技");
	n = test_count(f, IX_AUDIT, NULL);
	test_save(f->c, ENTITY_AGENCY, &ag);
	test_audit_is(f, a, n, AUDIT_UPDATE, ENTITY_AGENCY, ag.h.id, t0);
	assert_int_equal(a->seq, seq + 1);
	test_image_is(&schema_agency, a->before, a->before_len, &agold);
	test_image_is(&schema_agency, a->after, a->after_len, &ag);
	n = test_count(f, IX_AUDIT, NULL);
	assert_int_equal(core_delete1(f->c, ENTITY_AGENCY, ag.h.id,
	    ag.h.version, &cause), 0);
	assert_null(cause);
	test_audit_is(f, a, n, AUDIT_DELETE, ENTITY_AGENCY, ag.h.id, t0);
	test_image_is(&schema_agency, a->before, a->before_len, &ag);

	/* Officer. */
	test_mk_officer(&o, f->moi, "王小明", "wang@moi.gov.tw");
	n = test_count(f, IX_AUDIT, NULL);
	test_save(f->c, ENTITY_OFFICER, &o);
	test_audit_is(f, a, n, AUDIT_CREATE, ENTITY_OFFICER, o.h.id, t0);
	test_image_is(&schema_officer, a->after, a->after_len, &o);
	old = o;
	o.agency = f->ndc;
	strcpy(o.email, "wang@ndc.gov.tw");
	n = test_count(f, IX_AUDIT, NULL);
	test_save(f->c, ENTITY_OFFICER, &o);
	test_audit_is(f, a, n, AUDIT_UPDATE, ENTITY_OFFICER, o.h.id, t0);
	test_image_is(&schema_officer, a->before, a->before_len, &old);
	test_image_is(&schema_officer, a->after, a->after_len, &o);

	/* Meeting, and an invitation (attendance: id is the meeting). */
	test_mk_meeting(&m, "2024-05-08", "工作推動會議");
	n = test_count(f, IX_AUDIT, NULL);
	test_save(f->c, ENTITY_MEETING, &m);
	test_audit_is(f, a, n, AUDIT_CREATE, ENTITY_MEETING, m.h.id, t0);
	test_image_is(&schema_meeting, a->after, a->after_len, &m);
	mold = m;
	strcpy(m.place, "行政院第一會議室");
	n = test_count(f, IX_AUDIT, NULL);
	test_save(f->c, ENTITY_MEETING, &m);
	test_audit_is(f, a, n, AUDIT_UPDATE, ENTITY_MEETING, m.h.id, t0);
	test_image_is(&schema_meeting, a->before, a->before_len, &mold);
	test_image_is(&schema_meeting, a->after, a->after_len, &m);

	memset(&at, 0, sizeof at);
	at.meeting = m.h.id;
	at.officer = o.h.id;
	at.status = ATTEND_PRESENT;
	at.agency = o.agency;
	at.role = o.role;
	n = test_count(f, IX_AUDIT, NULL);
	test_save(f->c, ENTITY_ATTENDANCE, &at);
	test_audit_is(f, a, n, AUDIT_CREATE, ENTITY_ATTENDANCE, m.h.id, t0);
	assert_int_equal(a->id2, o.h.id);
	test_image_is(&schema_attendance, a->after, a->after_len, &at);

	/* Issue. */
	memset(is, 0, sizeof *is);
	strcpy(is->title, "開放資料");
	is->lead = f->ndc;
	is->status = ISSUE_OPEN;
	is->ncollab = 1;
	is->collab[0] = f->moi;
	is->po = o.h.id;
	n = test_count(f, IX_AUDIT, NULL);
	test_save(f->c, ENTITY_ISSUE, is);
	test_audit_is(f, a, n, AUDIT_CREATE, ENTITY_ISSUE, is->h.id, t0);
	test_image_is(&schema_issue, a->after, a->after_len, is);
	memcpy(iold, is, sizeof *is);
	is->status = ISSUE_CLOSED;
	is->po = 0;
	n = test_count(f, IX_AUDIT, NULL);
	test_save(f->c, ENTITY_ISSUE, is);
	test_audit_is(f, a, n, AUDIT_UPDATE, ENTITY_ISSUE, is->h.id, t0);
	test_image_is(&schema_issue, a->before, a->before_len, iold);
	test_image_is(&schema_issue, a->after, a->after_len, is);
	n = test_count(f, IX_AUDIT, NULL);
	assert_int_equal(core_delete1(f->c, ENTITY_ISSUE, is->h.id, 0,
	    &cause), 0);
	test_audit_is(f, a, n, AUDIT_DELETE, ENTITY_ISSUE, is->h.id, t0);
	test_image_is(&schema_issue, a->before, a->before_len, is);

	/* Deleting the meeting: its attendance goes first, audited too. */
	n = test_count(f, IX_AUDIT, NULL);
	assert_int_equal(core_delete1(f->c, ENTITY_MEETING, m.h.id, 0,
	    &cause), 0);
	test_audit_is(f, a, n + 1, AUDIT_DELETE, ENTITY_MEETING, m.h.id, t0);
	test_image_is(&schema_meeting, a->before, a->before_len, &m);
	/* The officer can go now; the before image is the last version. */
	n = test_count(f, IX_AUDIT, NULL);
	assert_int_equal(core_delete1(f->c, ENTITY_OFFICER, o.h.id, 0,
	    &cause), 0);
	test_audit_is(f, a, n, AUDIT_DELETE, ENTITY_OFFICER, o.h.id, t0);
	test_image_is(&schema_officer, a->before, a->before_len, &o);
	assert_null(cause);
	test_verify_clean(f);
	free(iold);
	free(is);
	free(a);
}

/* Invite and record attendance inside one core_run. */
struct test_invite {
	uint32_t meeting, officer, status;
	const char *proxy;
};

static int
test_invite_fn(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct test_invite *iv = arg;

	if (iv->status == 0)
		return core_invite(c, t, iv->meeting, iv->officer, cause);
	return core_attend(c, t, iv->meeting, iv->officer, iv->status,
	    iv->proxy, NULL, cause);
}

static void
test_invite(struct fx *f, uint32_t meeting, uint32_t officer,
    uint32_t status, const char *proxy)
{
	struct test_invite iv = { meeting, officer, status, proxy };
	char *cause = NULL;

	if (core_run(f->c, test_invite_fn, &iv, &cause) != 0)
		fail_msg("invite/attend: %s", cause);
}

/* Versions of the records a refusal must not touch. */
static void
test_versions(struct fx *f, const enum entity_kind *kinds,
    const uint32_t *ids, uint32_t *out, size_t n)
{
	struct store_txn *t = test_read(f);
	union {
		struct record_head h;
		struct agency a;
		struct officer o;
		struct meeting m;
		struct issue i;
	} *rec = malloc(sizeof *rec);
	char *cause = NULL;
	size_t i;

	assert_non_null(rec);
	for (i = 0; i < n; i++) {
		assert_int_equal(store_get(t, kinds[i], ids[i], rec, &cause),
		    0);
		out[i] = rec->h.version;
	}
	store_read_end(t);
	free(rec);
}

/* What still refers to a record keeps it; a meeting takes its invitees. */
static void
test_core_refusals(void **state)
{
	struct fx *f = *state;
	struct agency npa, nfa;
	struct officer o1, o2;
	struct meeting m;
	struct issue *is = calloc(1, sizeof *is);
	char *cause = NULL;
	size_t agencies, officers, audits, i;
	uint32_t v1[6], v2[6], ids[6];
	enum entity_kind kinds[6] = { ENTITY_AGENCY, ENTITY_AGENCY,
		ENTITY_AGENCY, ENTITY_OFFICER, ENTITY_OFFICER, ENTITY_MEETING };

	assert_non_null(is);
	test_mk_agency(&npa, "NPA", "內政部警政署", f->moi, LEVEL_3);
	test_save(f->c, ENTITY_AGENCY, &npa);
	test_mk_agency(&nfa, "NFA", "內政部消防署", f->moi, LEVEL_3);
	test_save(f->c, ENTITY_AGENCY, &nfa);
	test_mk_officer(&o1, f->moi, "王小明", "wang@moi.gov.tw");
	test_save(f->c, ENTITY_OFFICER, &o1);
	test_mk_officer(&o2, f->ey, "李美玲", "li@ey.gov.tw");
	o2.role = ROLE_MINISTER;
	test_save(f->c, ENTITY_OFFICER, &o2);
	test_mk_meeting(&m, "2024-05-08", "工作推動會議");
	test_save(f->c, ENTITY_MEETING, &m);
	test_invite(f, m.h.id, o1.h.id, 0, NULL);
	test_invite(f, m.h.id, o2.h.id, ATTEND_PROXY, "陳志豪");

	ids[0] = f->ey;
	ids[1] = f->moi;
	ids[2] = npa.h.id;
	ids[3] = o1.h.id;
	ids[4] = o2.h.id;
	ids[5] = m.h.id;
	test_versions(f, kinds, ids, v1, 6);
	agencies = test_count(f, IX_AGENCY, NULL);
	officers = test_count(f, IX_OFFICER, NULL);
	audits = test_count(f, IX_AUDIT, NULL);

	/* MOI has two sub-agencies and an officer. */
	assert_int_equal(core_delete1(f->c, ENTITY_AGENCY, f->moi, 0, &cause),
	    OGPO_DENIED);
	assert_contains(cause, "內政部");
	assert_contains(cause, "2 sub-agencies");
	assert_contains(cause, "內政部警政署");
	assert_contains(cause, "內政部消防署");
	assert_contains(cause, "1 officer");
	assert_contains(cause, "王小明");
	free(cause);
	cause = NULL;
	/* The Executive Yuan: sub-agencies and the minister. */
	assert_int_equal(core_delete1(f->c, ENTITY_AGENCY, f->ey, 0, &cause),
	    OGPO_DENIED);
	assert_contains(cause, "行政院");
	assert_contains(cause, "2 sub-agencies");
	assert_contains(cause, "李美玲");
	free(cause);
	cause = NULL;
	/* An officer on a meeting's attendance. */
	assert_int_equal(core_delete1(f->c, ENTITY_OFFICER, o1.h.id, 0,
	    &cause), OGPO_DENIED);
	assert_contains(cause, "王小明");
	assert_contains(cause, "attendance of 1 meeting");
	free(cause);
	cause = NULL;
	/* ... or in charge of an issue. */
	strcpy(is->title, "開放資料");
	is->lead = f->ndc;
	is->status = ISSUE_OPEN;
	is->po = o2.h.id;
	test_save(f->c, ENTITY_ISSUE, is);
	audits++;
	assert_int_equal(core_delete1(f->c, ENTITY_OFFICER, o2.h.id, 0,
	    &cause), OGPO_DENIED);
	assert_contains(cause, "開放資料");
	free(cause);
	cause = NULL;
	/* NDC leads the issue. */
	assert_int_equal(core_delete1(f->c, ENTITY_AGENCY, f->ndc, 0, &cause),
	    OGPO_DENIED);
	assert_contains(cause, "1 issue");
	assert_contains(cause, "開放資料");
	free(cause);
	cause = NULL;

	/* Nothing changed. */
	test_versions(f, kinds, ids, v2, 6);
	assert_memory_equal(v1, v2, sizeof v1);
	assert_int_equal(test_count(f, IX_AGENCY, NULL), agencies);
	assert_int_equal(test_count(f, IX_OFFICER, NULL), officers);
	assert_int_equal(test_count(f, IX_AUDIT, NULL), audits);
	assert_int_equal(test_count(f, IX_ATTENDANCE, GRP(m.h.id)), 2);

	/* The meeting goes with both attendance records. */
	assert_int_equal(core_delete1(f->c, ENTITY_MEETING, m.h.id, 0, &cause),
	    0);
	assert_null(cause);
	assert_int_equal(test_count(f, IX_ATTENDANCE, GRP(m.h.id)), 0);
	assert_int_equal(test_count(f, IX_ATTENDANCE, NULL), 0);
	assert_int_equal(test_count(f, IX_ATTENDANCE_OFFICER, GRP(o1.h.id)),
	    0);
	assert_int_equal(test_count(f, IX_AUDIT, NULL), audits + 3);
	/* Now o1 may go; then MOI is held only by its sub-agencies. */
	assert_int_equal(core_delete1(f->c, ENTITY_OFFICER, o1.h.id, 0,
	    &cause), 0);
	assert_int_equal(core_delete1(f->c, ENTITY_AGENCY, f->moi, 0, &cause),
	    OGPO_DENIED);
	assert_contains(cause, "2 sub-agencies");
	/* Only what stands in the way is named. */
	if (strstr(cause, "officer") != NULL || strstr(cause, "issue") != NULL)
		fail_msg("names what is not in the way: %s", cause);
	free(cause);
	cause = NULL;
	for (i = 0; i < 2; i++)
		assert_int_equal(core_delete1(f->c, ENTITY_AGENCY,
		    i ? nfa.h.id : npa.h.id, 0, &cause), 0);
	assert_int_equal(core_delete1(f->c, ENTITY_AGENCY, f->moi, 0, &cause),
	    0);
	assert_null(cause);
	/* What is gone is said to be gone. */
	assert_int_equal(core_delete1(f->c, ENTITY_AGENCY, f->moi, 0, &cause),
	    OGPO_NOTFOUND);
	assert_contains(cause, "no longer exists");
	free(cause);
	test_verify_clean(f);
	free(is);
}

/* What the demo holds, counted by walking the tables. */
struct test_demo {
	size_t	level2, roles[ROLE_MAX + 1];
	size_t	work_held, policy_held, issue_held, planned;
	size_t	held_rows, held_invited, planned_rows, planned_other;
	size_t	held_without_rows;
	size_t	this_month, this_month_held, future_held;
	size_t	agencies, officers, meetings, attendance, issues, audit;
};

static void
test_demo_count(struct fx *f, struct test_demo *d)
{
	struct store_txn *t = test_read(f);
	struct store_cursor *c, *ac;
	struct agency a;
	struct officer o;
	struct meeting m;
	struct attendance at;
	char *cause = NULL, today[11];
	size_t rows;

	memset(d, 0, sizeof *d);
	date_today(today);
	assert_int_equal(store_cursor_open(t, IX_AGENCY, NULL, &c, &cause), 0);
	while (store_cursor_move(c, STORE_NEXT) == 0) {
		assert_int_equal(store_cursor_get(c, &a, &cause), 0);
		d->level2 += a.level == LEVEL_2;
	}
	store_cursor_close(c);
	assert_int_equal(store_cursor_open(t, IX_OFFICER, NULL, &c, &cause),
	    0);
	while (store_cursor_move(c, STORE_NEXT) == 0) {
		assert_int_equal(store_cursor_get(c, &o, &cause), 0);
		assert_in_range(o.role, ROLE_PO, ROLE_MAX);
		d->roles[o.role]++;
	}
	store_cursor_close(c);
	assert_int_equal(store_cursor_open(t, IX_MEETING, NULL, &c, &cause),
	    0);
	while (store_cursor_move(c, STORE_NEXT) == 0) {
		assert_int_equal(store_cursor_get(c, &m, &cause), 0);
		if (m.status == MEETING_HELD) {
			d->work_held += m.kind == MEETING_WORK;
			d->policy_held += m.kind == MEETING_POLICY;
			d->issue_held += m.kind == MEETING_ISSUE;
		}
		d->planned += m.status == MEETING_PLANNED;
		if (m.kind == MEETING_WORK && strncmp(m.date, today, 7) == 0) {
			d->this_month++;
			d->this_month_held += m.status == MEETING_HELD;
		}
		d->future_held += m.status == MEETING_HELD &&
		    strcmp(m.date, today) > 0;
		assert_int_equal(store_cursor_open(t, IX_ATTENDANCE,
		    &m.h.id, &ac, &cause), 0);
		rows = 0;
		while (store_cursor_move(ac, STORE_NEXT) == 0) {
			assert_int_equal(store_cursor_get(ac, &at, &cause), 0);
			assert_int_equal(at.meeting, m.h.id);
			rows++;
			if (m.status == MEETING_HELD) {
				d->held_rows++;
				d->held_invited += at.status == ATTEND_INVITED;
			} else {
				d->planned_rows++;
				d->planned_other += at.status !=
				    ATTEND_INVITED;
			}
		}
		store_cursor_close(ac);
		if (m.status == MEETING_HELD && rows == 0)
			d->held_without_rows++;
	}
	store_cursor_close(c);
	d->agencies = store_count(t, IX_AGENCY, NULL);
	d->officers = store_count(t, IX_OFFICER, NULL);
	d->meetings = store_count(t, IX_MEETING, NULL);
	d->attendance = store_count(t, IX_ATTENDANCE, NULL);
	d->issues = store_count(t, IX_ISSUE, NULL);
	d->audit = store_count(t, IX_AUDIT, NULL);
	store_read_end(t);
	assert_null(cause);
}

/* The demo: a year of the regulation at work, and only once. */
static void
test_core_demo(void **state)
{
	struct fx *f = *state;
	struct test_demo d, again;
	char *cause = NULL, today[11];
	int r, come;

	if (core_demo(f->c, &cause) != 0)
		fail_msg("core_demo: %s", cause);
	assert_null(cause);
	test_verify_clean(f);
	test_demo_count(f, &d);
	assert_true(d.level2 >= 33);
	for (r = ROLE_PO; r <= ROLE_MAX; r++)
		if (d.roles[r] == 0)
			fail_msg("no officer has the role %s",
			    model_enum_name(&model_roles, (uint32_t)r));
	/*
	 * This month has its work meeting, as a real month would: held
	 * once its day (the 15th) has come, planned before; held ones are
	 * none of them still to come. Next month's is planned.
	 */
	date_today(today);
	come = strcmp(today + 8, "15") >= 0;
	assert_int_equal(d.this_month, 1);
	assert_int_equal(d.this_month_held, come);
	assert_int_equal(d.future_held, 0);
	assert_int_equal(d.work_held, 12 + come);
	assert_true(d.policy_held >= 4);
	assert_int_equal(d.planned + d.work_held + d.policy_held +
	    d.issue_held, d.meetings);
	assert_true(d.planned >= (size_t)(2 - come));
	assert_int_equal(d.held_without_rows, 0);
	assert_true(d.held_rows > 0);
	assert_int_equal(d.held_invited, 0);	/* every answer recorded */
	assert_true(d.planned_rows > 0);
	assert_int_equal(d.planned_other, 0);	/* nobody answered yet */
	assert_true(d.issues >= 5);
	/* Every record was written through the door, so audited. */
	assert_true(d.audit >= d.agencies + d.officers + d.meetings +
	    d.attendance + d.issues);

	/* A second run is refused and adds nothing. */
	assert_int_not_equal(core_demo(f->c, &cause), 0);
	assert_contains(cause, "already holds");
	free(cause);
	test_demo_count(f, &again);
	assert_memory_equal(&again, &d, sizeof d);
	test_verify_clean(f);
}

/* A second agency by a name the first has, put past core's door. */
static int
test_twin_put(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	(void)c;
	return store_agency_put(t, arg, cause);
}

static void
test_twin_reject(void *arg, const char *where, const char *column,
    const char *reason)
{
	char *all = arg;

	snprintf(all + strlen(all), 1024 - strlen(all), "%s, %s: %s\n",
	    where, column, reason);
}

/*
 * Agencies are found by name in every import's 機關 column: a second
 * agency of a name is refused, and where a database holds two from
 * before, an import naming them by that name refuses the row, naming
 * both codes, rather than take one of them.
 */
static void
test_core_agency_names(void **state)
{
	struct fx *f = *state;
	struct import_options o;
	struct import_result res;
	struct meeting m;
	struct agency a;
	char path[128], said[1024];
	char *cause = NULL;
	FILE *fp;

	test_mk_agency(&a, "MOI2", "內政部", f->ey, LEVEL_2);
	assert_int_not_equal(core_save1(f->c, ENTITY_AGENCY, &a, &cause), 0);
	assert_contains(cause, "MOI");
	assert_contains(cause, "already has the name 內政部");
	free(cause);
	cause = NULL;
	/* A rename onto another's name, the same. */
	test_mk_agency(&a, "NDC", "內政部", f->ey, LEVEL_2);
	a.h.id = f->ndc;
	assert_int_not_equal(core_save1(f->c, ENTITY_AGENCY, &a, &cause), 0);
	assert_contains(cause, "already has the name 內政部");
	free(cause);
	cause = NULL;

	test_mk_agency(&a, "MOI2", "內政部", f->ey, LEVEL_2);
	if (core_run(f->c, test_twin_put, &a, &cause) != 0)
		fail_msg("the twin: %s", cause);
	snprintf(path, sizeof path, "%s/officers.csv", f->dir);
	assert_non_null(fp = fopen(path, "w"));
	fputs("name,agency,role,email,civil_servant\n"
	    "王小明,內政部,po,wang@x.gov.tw,yes\n"
	    "李美玲,國家發展委員會,po,lee@x.gov.tw,yes\n", fp);
	fclose(fp);
	memset(&o, 0, sizeof o);
	o.kind = ENTITY_OFFICER;
	o.skip_bad = 1;
	o.on_reject = test_twin_reject;
	said[0] = '\0';
	o.arg = said;
	memset(&res, 0, sizeof res);
	assert_int_equal(import_run(f->c, path, &o, &res, &cause), 0);
	assert_int_equal(res.rejected, 1);
	assert_int_equal(res.added, 1);
	assert_contains(said, "row 2");
	assert_contains(said, "2 agencies have this name: MOI (#");
	assert_contains(said, "MOI2 (#");
	free(res.absent);
	free(res.warnings);
	free(res.rejects_error);

	/* A meeting tool's report: the agency written into the name. */
	test_mk_meeting(&m, "2026-11-15", "十一月工作會議");
	test_save(f->c, ENTITY_MEETING, &m);
	assert_non_null(fp = fopen(path, "w"));
	fputs("Name,Email\n王小明 (內政部),\n", fp);
	fclose(fp);
	memset(&o, 0, sizeof o);
	o.kind = ENTITY_ATTENDANCE;
	o.meeting = m.h.id;
	o.status = ATTEND_ONLINE;
	o.dry_run = 1;
	o.on_reject = test_twin_reject;
	said[0] = '\0';
	o.arg = said;
	memset(&res, 0, sizeof res);
	(void)import_run(f->c, path, &o, &res, &cause);
	free(cause);
	assert_int_equal(res.rejected, 1);
	assert_contains(said, "2 agencies have this name: MOI (#");
	assert_contains(said, "as 王小明 (MOI)");
	free(res.absent);
	free(res.warnings);
	free(res.rejects_error);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_core_validation,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_core_conflict,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_core_audit,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_core_refusals,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_core_agency_names,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_core_demo,
		    test_setup_empty, test_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
