/*
 * test_training.c — point 8 and 9 records: a training course with its
 * competencies and hours, a reward; the officer_training index follows
 * adds and deletes; what validation refuses, naming the field; parsing
 * competencies in English and in Chinese (、 and ， separate, whole
 * characters only); an officer with training or rewards cannot be
 * deleted; the training itself can, audited; ogpo check --training;
 * ending a designation with a successor (業務傳承).
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "ogpo/codec.h"
#include "ogpo/compliance.h"
#include "fixture.h"
#include "ogpo/core.h"
#include "ogpo/schema.h"
#include "ogpo/store.h"
#include "ogpo/util.h"

struct fixture {
	char		 dir[64];
	struct core	*c;
	uint32_t	 ey, moi, mofa;
	uint32_t	 po, alt, sup, member, mofa_po;
};

static uint32_t
test_officer(struct core *c, const char *name, uint32_t agency, uint32_t role,
    uint32_t function, const char *start, const char *end)
{
	struct officer o;
	char *cause = NULL;

	memset(&o, 0, sizeof o);
	snprintf(o.name, sizeof o.name, "%s", name);
	snprintf(o.email, sizeof o.email, "%s@example.gov.tw", name);
	o.agency = agency;
	o.role = role;
	o.function = function;
	o.civil_servant = 1;
	if (role == ROLE_SUPERVISOR)
		o.supervisor = SUPV_CIO;
	snprintf(o.start_date, sizeof o.start_date, "%s", start);
	snprintf(o.end_date, sizeof o.end_date, "%s", end);
	if (core_save1(c, ENTITY_OFFICER, &o, &cause) != 0)
		fail_msg("%s", cause);
	return o.h.id;
}

static void
test_fill_training(struct training *tr, uint32_t officer, uint32_t comp,
    const char *hours)
{
	memset(tr, 0, sizeof *tr);
	tr->officer = officer;
	tr->competencies = comp;
	snprintf(tr->date, sizeof tr->date, "2026-03-05");
	snprintf(tr->course, sizeof tr->course, "開放政府協作工作坊");
	snprintf(tr->hours, sizeof tr->hours, "%s", hours);
	snprintf(tr->provider, sizeof tr->provider, "國家發展委員會");
	snprintf(tr->note, sizeof tr->note, "第二梯次");
}

static uint32_t
test_training(struct core *c, uint32_t officer, uint32_t comp)
{
	struct training tr;
	char *cause = NULL;

	test_fill_training(&tr, officer, comp, "3");
	if (core_save1(c, ENTITY_TRAINING, &tr, &cause) != 0)
		fail_msg("%s", cause);
	return tr.h.id;
}

static uint32_t
test_reward(struct core *c, uint32_t officer)
{
	struct reward rw;
	char *cause = NULL;

	memset(&rw, 0, sizeof rw);
	rw.officer = officer;
	snprintf(rw.date, sizeof rw.date, "2026-04-01");
	snprintf(rw.kind, sizeof rw.kind, "嘉獎");
	snprintf(rw.reason, sizeof rw.reason, "推動議題協作有功");
	if (core_save1(c, ENTITY_REWARD, &rw, &cause) != 0)
		fail_msg("%s", cause);
	return rw.h.id;
}

static int
test_setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	f->c = fixture_core_open(f->dir, sizeof f->dir);
	assert_non_null(f->c);
	f->ey = fixture_agency(f->c, "EY", 0, LEVEL_CABINET);
	f->moi = fixture_agency(f->c, "MOI", f->ey, LEVEL_2);
	f->mofa = fixture_agency(f->c, "MOFA", f->ey, LEVEL_2);
	f->po = test_officer(f->c, "甲", f->moi, ROLE_PO, 0, "2020-01-01", "");
	f->alt = test_officer(f->c, "乙", f->moi, ROLE_ALTERNATE, 0,
	    "2021-01-01", "");
	f->sup = test_officer(f->c, "丙", f->moi, ROLE_SUPERVISOR, 0,
	    "2020-01-01", "");
	f->member = test_officer(f->c, "丁", f->moi, ROLE_MEMBER, FUNC_IT,
	    "2020-01-01", "");
	f->mofa_po = test_officer(f->c, "戊", f->mofa, ROLE_PO, 0,
	    "2020-01-01", "");
	*state = f;
	return 0;
}

static int
test_teardown(void **state)
{
	struct fixture *f = *state;

	fixture_core_close(f->c, f->dir);
	free(f);
	return 0;
}

/* How many entries ix holds for group (NULL: in all). */
static size_t
test_count(struct fixture *f, enum store_index ix, uint32_t group)
{
	struct store_txn *t;
	size_t n;

	assert_int_equal(store_read_begin(core_store(f->c), &t, NULL), 0);
	n = store_count(t, ix, group ? &group : NULL);
	store_read_end(t);
	return n;
}

/* store_get of kind id into rec; returns its status. */
static int
test_get(struct fixture *f, enum entity_kind kind, uint32_t id, void *rec)
{
	struct store_txn *t;
	int rc;

	assert_int_equal(store_read_begin(core_store(f->c), &t, NULL), 0);
	rc = store_get(t, kind, id, rec, NULL);
	store_read_end(t);
	return rc;
}

static uint64_t
test_audit_next(struct fixture *f)
{
	struct store_txn *t;
	uint64_t n;

	assert_int_equal(store_read_begin(core_store(f->c), &t, NULL), 0);
	n = store_audit_next(t);
	store_read_end(t);
	return n;
}

/* The audit record seq, into a (a heap copy: it is large). */
static void
test_audit_get(struct fixture *f, uint64_t seq, struct audit *a)
{
	struct store_txn *t;

	assert_int_equal(store_read_begin(core_store(f->c), &t, NULL), 0);
	assert_int_equal(store_audit_get(t, seq, a, NULL), 0);
	store_read_end(t);
}

static size_t
test_verify(struct fixture *f)
{
	struct store_txn *t;
	size_t n;

	assert_int_equal(store_read_begin(core_store(f->c), &t, NULL), 0);
	n = store_verify(t, NULL, NULL);
	store_read_end(t);
	return n;
}

/* cause holds every one of the words (NULL-terminated). */
static void
test_cause_has(const char *cause, ...)
{
	va_list ap;
	const char *w;

	assert_non_null(cause);
	va_start(ap, cause);
	while ((w = va_arg(ap, const char *)) != NULL)
		if (strstr(cause, w) == NULL) {
			va_end(ap);
			fail_msg("'%s' does not name '%s'", cause, w);
		}
	va_end(ap);
}

/* ------------------------------------------------------------------------- */

static void
test_training_roundtrip(void **state)
{
	struct fixture *f = *state;
	struct training tr, back;
	char *cause = NULL, buf[128];

	test_fill_training(&tr, f->po, COMPETENCE_COMMUNICATION |
	    COMPETENCE_RECORDING, "1.5");
	assert_int_equal(core_save1(f->c, ENTITY_TRAINING, &tr, &cause), 0);
	assert_int_not_equal(tr.h.id, 0);
	assert_int_equal(tr.h.version, 1);

	memset(&back, 0xa5, sizeof back);
	assert_int_equal(test_get(f, ENTITY_TRAINING, tr.h.id, &back), 0);
	assert_int_equal(back.h.id, tr.h.id);
	assert_int_equal(back.h.version, 1);
	assert_string_equal(back.h.updated_by, core_login(f->c));
	assert_int_equal(back.officer, f->po);
	assert_int_equal(back.competencies,
	    COMPETENCE_COMMUNICATION | COMPETENCE_RECORDING);
	assert_string_equal(back.date, "2026-03-05");
	assert_string_equal(back.course, "開放政府協作工作坊");
	assert_string_equal(back.hours, "1.5");
	assert_string_equal(back.provider, "國家發展委員會");
	assert_string_equal(back.note, "第二梯次");
	model_competencies_format(back.competencies, buf, sizeof buf);
	assert_string_equal(buf, "communication,recording");

	/* An update keeps the id, bumps the version. */
	back.competencies |= COMPETENCE_CIVIC_TECH;
	assert_int_equal(core_save1(f->c, ENTITY_TRAINING, &back, &cause), 0);
	memset(&tr, 0, sizeof tr);
	assert_int_equal(test_get(f, ENTITY_TRAINING, back.h.id, &tr), 0);
	assert_int_equal(tr.h.version, 2);
	assert_int_equal(tr.competencies, COMPETENCE_COMMUNICATION |
	    COMPETENCE_RECORDING | COMPETENCE_CIVIC_TECH);
	assert_int_equal(test_count(f, IX_TRAINING, 0), 1);
	assert_int_equal(test_count(f, IX_OFFICER_TRAINING, f->po), 1);

	/* A reward too. */
	{
		struct reward rw;
		uint32_t id = test_reward(f->c, f->alt);

		assert_int_equal(test_get(f, ENTITY_REWARD, id, &rw), 0);
		assert_int_equal(rw.officer, f->alt);
		assert_string_equal(rw.kind, "嘉獎");
		assert_string_equal(rw.date, "2026-04-01");
		assert_string_equal(rw.reason, "推動議題協作有功");
	}
	assert_int_equal(test_verify(f), 0);
	free(cause);
}

static void
test_training_index(void **state)
{
	struct fixture *f = *state;
	uint32_t a, b, c, r;
	char *cause = NULL;

	assert_int_equal(test_count(f, IX_OFFICER_TRAINING, f->po), 0);
	a = test_training(f->c, f->po, COMPETENCE_COMMUNICATION);
	assert_int_equal(test_count(f, IX_OFFICER_TRAINING, f->po), 1);
	b = test_training(f->c, f->po, COMPETENCE_FACILITATION);
	c = test_training(f->c, f->alt, COMPETENCE_RECORDING);
	assert_int_equal(test_count(f, IX_OFFICER_TRAINING, f->po), 2);
	assert_int_equal(test_count(f, IX_OFFICER_TRAINING, f->alt), 1);
	assert_int_equal(test_count(f, IX_OFFICER_TRAINING, f->sup), 0);
	assert_int_equal(test_count(f, IX_TRAINING, 0), 3);

	/* Moving a training to another officer moves its index entry. */
	{
		struct training tr;

		assert_int_equal(test_get(f, ENTITY_TRAINING, b, &tr), 0);
		tr.officer = f->sup;
		assert_int_equal(core_save1(f->c, ENTITY_TRAINING, &tr,
		    &cause), 0);
		assert_int_equal(test_count(f, IX_OFFICER_TRAINING, f->po), 1);
		assert_int_equal(test_count(f, IX_OFFICER_TRAINING, f->sup),
		    1);
	}

	assert_int_equal(core_delete1(f->c, ENTITY_TRAINING, a, 0, &cause), 0);
	assert_int_equal(test_count(f, IX_OFFICER_TRAINING, f->po), 0);
	assert_int_equal(core_delete1(f->c, ENTITY_TRAINING, c, 0, &cause), 0);
	assert_int_equal(test_count(f, IX_OFFICER_TRAINING, f->alt), 0);
	assert_int_equal(test_count(f, IX_TRAINING, 0), 1);

	/* The reward index too. */
	r = test_reward(f->c, f->member);
	assert_int_equal(test_count(f, IX_OFFICER_REWARD, f->member), 1);
	assert_int_equal(core_delete1(f->c, ENTITY_REWARD, r, 0, &cause), 0);
	assert_int_equal(test_count(f, IX_OFFICER_REWARD, f->member), 0);
	assert_int_equal(test_count(f, IX_REWARD, 0), 0);
	assert_int_equal(test_verify(f), 0);
	free(cause);
}

/* Saving tr is refused as OGPO_INVALID, the cause naming every word. */
#define REFUSED(f, kind, rec, ...) do {					\
	char *cause_ = NULL;						\
	assert_int_equal(core_save1((f)->c, kind, rec, &cause_),	\
	    OGPO_INVALID);						\
	test_cause_has(cause_, __VA_ARGS__, (const char *)NULL);	\
	free(cause_);							\
} while (0)

static void
test_training_validation(void **state)
{
	struct fixture *f = *state;
	struct training tr;
	char *cause = NULL;

	test_fill_training(&tr, f->po, COMPETENCE_RECORDING, "1.5");
	assert_int_equal(core_save1(f->c, ENTITY_TRAINING, &tr, &cause), 0);
	test_fill_training(&tr, f->po, COMPETENCE_RECORDING, "12");
	assert_int_equal(core_save1(f->c, ENTITY_TRAINING, &tr, &cause), 0);
	/* Hours may be left out. */
	test_fill_training(&tr, f->po, COMPETENCE_RECORDING, "");
	assert_int_equal(core_save1(f->c, ENTITY_TRAINING, &tr, &cause), 0);
	assert_int_equal(test_count(f, IX_TRAINING, 0), 3);

	test_fill_training(&tr, f->po, COMPETENCE_RECORDING, "1.5.2");
	REFUSED(f, ENTITY_TRAINING, &tr, "Hours", "'1.5.2'", "not a number");
	test_fill_training(&tr, f->po, COMPETENCE_RECORDING, "abc");
	REFUSED(f, ENTITY_TRAINING, &tr, "Hours", "'abc'", "not a number");
	test_fill_training(&tr, f->po, COMPETENCE_RECORDING, "-1");
	REFUSED(f, ENTITY_TRAINING, &tr, "Hours", "'-1'");

	/* Competencies are required, and only the four bits. */
	test_fill_training(&tr, f->po, 0, "3");
	REFUSED(f, ENTITY_TRAINING, &tr, "Competencies", "required");
	test_fill_training(&tr, f->po, 0x10, "3");
	REFUSED(f, ENTITY_TRAINING, &tr, "Competencies", "unknown", "0x10");
	test_fill_training(&tr, f->po, COMPETENCE_ALL | 0x80, "3");
	REFUSED(f, ENTITY_TRAINING, &tr, "Competencies", "unknown");

	/* The rest of what a course needs. */
	test_fill_training(&tr, f->po, COMPETENCE_RECORDING, "3");
	tr.course[0] = '\0';
	REFUSED(f, ENTITY_TRAINING, &tr, "Course", "required");
	test_fill_training(&tr, f->po, COMPETENCE_RECORDING, "3");
	tr.date[0] = '\0';
	REFUSED(f, ENTITY_TRAINING, &tr, "Date", "required");
	test_fill_training(&tr, f->po, COMPETENCE_RECORDING, "3");
	snprintf(tr.date, sizeof tr.date, "2026-02-30");
	REFUSED(f, ENTITY_TRAINING, &tr, "Date", "'2026-02-30'", "not a date");
	test_fill_training(&tr, f->po, COMPETENCE_RECORDING, "3");
	tr.officer = 0;
	REFUSED(f, ENTITY_TRAINING, &tr, "Officer", "required");
	test_fill_training(&tr, f->po, COMPETENCE_RECORDING, "3");
	tr.officer = 9999;
	REFUSED(f, ENTITY_TRAINING, &tr, "Officer", "#9999", "does not exist");

	/* Nothing refused was stored. */
	assert_int_equal(test_count(f, IX_TRAINING, 0), 3);
	assert_int_equal(test_count(f, IX_OFFICER_TRAINING, f->po), 3);
	free(cause);
}

static void
test_reward_validation(void **state)
{
	struct fixture *f = *state;
	struct reward rw;
	char *cause = NULL;

	memset(&rw, 0, sizeof rw);
	rw.officer = f->po;
	snprintf(rw.date, sizeof rw.date, "2026-04-01");
	REFUSED(f, ENTITY_REWARD, &rw, "Kind", "required");
	snprintf(rw.kind, sizeof rw.kind, "   ");	/* spaces only */
	REFUSED(f, ENTITY_REWARD, &rw, "Kind", "required");
	snprintf(rw.kind, sizeof rw.kind, "記功");
	rw.date[0] = '\0';
	REFUSED(f, ENTITY_REWARD, &rw, "Date", "required");
	snprintf(rw.date, sizeof rw.date, "2026/04/01");
	REFUSED(f, ENTITY_REWARD, &rw, "Date", "not a date");
	rw.officer = 0;
	snprintf(rw.date, sizeof rw.date, "2026-04-01");
	REFUSED(f, ENTITY_REWARD, &rw, "Officer", "required");
	assert_int_equal(test_count(f, IX_REWARD, 0), 0);

	/* A reason may be left out. */
	rw.officer = f->po;
	assert_int_equal(core_save1(f->c, ENTITY_REWARD, &rw, &cause), 0);
	assert_int_equal(test_count(f, IX_OFFICER_REWARD, f->po), 1);
	free(cause);
}

static void
test_competencies_parse(void **state)
{
	uint32_t c;
	char buf[128];

	(void)state;
	c = 0xdead;
	assert_int_equal(model_competencies_parse("communication,recording",
	    &c), 0);
	assert_int_equal(c, COMPETENCE_COMMUNICATION | COMPETENCE_RECORDING);
	assert_int_equal(model_competencies_parse("Facilitation,CIVIC_TECH",
	    &c), 0);
	assert_int_equal(c, COMPETENCE_FACILITATION | COMPETENCE_CIVIC_TECH);

	/* Chinese labels, 、 and the full-width comma separate. */
	assert_int_equal(model_competencies_parse("主持、記錄", &c), 0);
	assert_int_equal(c, COMPETENCE_FACILITATION | COMPETENCE_RECORDING);
	assert_int_equal(model_competencies_parse("溝通轉譯，公民科技", &c),
	    0);
	assert_int_equal(c, COMPETENCE_COMMUNICATION | COMPETENCE_CIVIC_TECH);
	assert_int_equal(model_competencies_parse("記錄,communication、公民科技",
	    &c), 0);
	assert_int_equal(c, COMPETENCE_RECORDING | COMPETENCE_COMMUNICATION |
	    COMPETENCE_CIVIC_TECH);

	/*
	 * The bug fixed: 主 持 is E4 B8 BB E6 8C 81, and 0x81 is the last
	 * byte of 、 (E3 80 81); 記 錄 ends in 8C 84, 0x8C the last of ，
	 * (EF BC 8C). Splitting on those bytes cut the words apart.
	 */
	assert_int_equal(model_competencies_parse("主持", &c), 0);
	assert_int_equal(c, COMPETENCE_FACILITATION);
	assert_int_equal(model_competencies_parse("記錄", &c), 0);
	assert_int_equal(c, COMPETENCE_RECORDING);
	assert_int_equal(model_competencies_parse("溝通轉譯", &c), 0);
	assert_int_equal(c, COMPETENCE_COMMUNICATION);
	assert_int_equal(model_competencies_parse("公民科技", &c), 0);
	assert_int_equal(c, COMPETENCE_CIVIC_TECH);

	assert_int_equal(model_competencies_parse("bogus", &c), -1);
	assert_int_equal(model_competencies_parse("communication,bogus", &c),
	    -1);
	assert_int_equal(model_competencies_parse("主", &c), -1);
	assert_int_equal(model_competencies_parse("主持人", &c), -1);

	/* What format writes, parse reads. */
	for (uint32_t v = 1; v <= COMPETENCE_ALL; v++) {
		model_competencies_format(v, buf, sizeof buf);
		assert_int_equal(model_competencies_parse(buf, &c), 0);
		assert_int_equal(c, v);
	}
	model_competencies_format(COMPETENCE_ALL, buf, sizeof buf);
	assert_string_equal(buf,
	    "communication,facilitation,recording,civic_tech");
}

struct test_snapshot {
	struct officer	 o;
	size_t		 trainings, rewards;
	uint64_t	 audit;
};

static void
test_snap(struct fixture *f, uint32_t officer, struct test_snapshot *s)
{
	assert_int_equal(test_get(f, ENTITY_OFFICER, officer, &s->o), 0);
	s->trainings = test_count(f, IX_OFFICER_TRAINING, officer);
	s->rewards = test_count(f, IX_OFFICER_REWARD, officer);
	s->audit = test_audit_next(f);
}

static void
test_delete_refused(void **state)
{
	struct fixture *f = *state;
	struct test_snapshot before, after;
	char *cause = NULL;
	size_t nofficers;

	test_training(f->c, f->po, COMPETENCE_COMMUNICATION);
	test_reward(f->c, f->alt);
	nofficers = test_count(f, IX_OFFICER, 0);

	/* With a training. */
	test_snap(f, f->po, &before);
	assert_int_equal(core_delete1(f->c, ENTITY_OFFICER, f->po, 0, &cause),
	    OGPO_DENIED);
	test_cause_has(cause, "甲", "1 training or reward record", "end date",
	    (const char *)NULL);
	test_snap(f, f->po, &after);
	assert_int_equal(after.o.h.version, before.o.h.version);
	assert_int_equal(after.trainings, 1);
	assert_true(after.audit == before.audit);

	/* With a reward only. */
	test_snap(f, f->alt, &before);
	assert_int_equal(core_delete1(f->c, ENTITY_OFFICER, f->alt, 0,
	    &cause), OGPO_DENIED);
	test_cause_has(cause, "乙", "1 training or reward record",
	    (const char *)NULL);
	test_snap(f, f->alt, &after);
	assert_int_equal(after.rewards, 1);
	assert_true(after.audit == before.audit);
	assert_int_equal(test_count(f, IX_OFFICER, 0), nofficers);

	/* core_delete_check says the same, for the dialog. */
	{
		struct store_txn *t;

		assert_int_equal(store_read_begin(core_store(f->c), &t, NULL),
		    0);
		assert_int_equal(core_delete_check(f->c, t, ENTITY_OFFICER,
		    f->po, &cause), OGPO_DENIED);
		assert_int_equal(core_delete_check(f->c, t, ENTITY_OFFICER,
		    f->sup, &cause), 0);
		store_read_end(t);
	}

	/* One without either may go. */
	assert_int_equal(core_delete1(f->c, ENTITY_OFFICER, f->sup, 0, &cause),
	    0);
	assert_int_equal(test_count(f, IX_OFFICER, 0), nofficers - 1);
	assert_int_equal(test_verify(f), 0);
	free(cause);
}

static void
test_delete_training(void **state)
{
	struct fixture *f = *state;
	struct training tr, old;
	struct audit *a = malloc(sizeof *a);
	char *cause = NULL;
	uint64_t seq;
	uint32_t id, keep;

	assert_non_null(a);
	keep = test_training(f->c, f->po, COMPETENCE_RECORDING);
	id = test_training(f->c, f->po, COMPETENCE_FACILITATION);
	assert_int_equal(test_get(f, ENTITY_TRAINING, id, &tr), 0);

	/* The creation was audited. */
	seq = test_audit_next(f) - 1;
	test_audit_get(f, seq, a);
	assert_int_equal(a->action, AUDIT_CREATE);
	assert_int_equal(a->entity, ENTITY_TRAINING);
	assert_int_equal(a->id, id);

	/* A stale version is refused. */
	assert_int_equal(core_delete1(f->c, ENTITY_TRAINING, id,
	    tr.h.version + 1, &cause), OGPO_CONFLICT);
	assert_int_equal(test_get(f, ENTITY_TRAINING, id, &old), 0);

	seq = test_audit_next(f);
	assert_int_equal(core_delete1(f->c, ENTITY_TRAINING, id, tr.h.version,
	    &cause), 0);
	assert_int_equal(test_get(f, ENTITY_TRAINING, id, &old),
	    OGPO_NOTFOUND);
	assert_int_equal(test_get(f, ENTITY_TRAINING, keep, &old), 0);
	assert_int_equal(test_count(f, IX_OFFICER_TRAINING, f->po), 1);

	/* One audit record: the delete, with the training before it. */
	assert_true(test_audit_next(f) == seq + 1);
	test_audit_get(f, seq, a);
	assert_int_equal(a->action, AUDIT_DELETE);
	assert_int_equal(a->entity, ENTITY_TRAINING);
	assert_int_equal(a->id, id);
	assert_string_equal(a->login, core_login(f->c));
	assert_true(a->before_len > 0);
	assert_int_equal(a->after_len, 0);
	memset(&old, 0, sizeof old);
	assert_int_equal(codec_decode(schema_of(ENTITY_TRAINING), a->before,
	    a->before_len, &old, &cause), 0);
	assert_int_equal(old.officer, f->po);
	assert_int_equal(old.competencies, COMPETENCE_FACILITATION);
	assert_string_equal(old.course, tr.course);

	/* Deleting it again: it is gone. */
	assert_int_equal(core_delete1(f->c, ENTITY_TRAINING, id, 0, &cause),
	    OGPO_NOTFOUND);

	/* With the last one gone, the officer may be deleted. */
	assert_int_equal(core_delete1(f->c, ENTITY_OFFICER, f->po, 0, &cause),
	    OGPO_DENIED);
	assert_int_equal(core_delete1(f->c, ENTITY_TRAINING, keep, 0, &cause),
	    0);
	assert_int_equal(core_delete1(f->c, ENTITY_OFFICER, f->po, 0, &cause),
	    0);
	assert_int_equal(test_verify(f), 0);
	free(a);
	free(cause);
}

/* Behind core's back: a training whose officer does not exist. */
static int
test_orphan_txn(struct store_txn *t, void *arg, char **cause)
{
	struct training tr;

	test_fill_training(&tr, 9999, COMPETENCE_RECORDING, "2");
	(void)arg;
	return store_training_put(t, &tr, cause);
}

struct test_problems {
	size_t	 n, named;
};

static void
test_problem(void *arg, const char *problem)
{
	struct test_problems *p = arg;

	p->n++;
	if (strstr(problem, "training") != NULL &&
	    strstr(problem, "9999") != NULL)
		p->named++;
}

/* store_verify looks at trainings too: its 0 above means something. */
static void
test_training_verify(void **state)
{
	struct fixture *f = *state;
	struct test_problems p = { 0, 0 };
	struct store_txn *t;
	char *cause = NULL;

	test_training(f->c, f->po, COMPETENCE_COMMUNICATION);
	test_reward(f->c, f->po);
	assert_int_equal(test_verify(f), 0);
	if (store_write(core_store(f->c), test_orphan_txn, NULL, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(store_read_begin(core_store(f->c), &t, NULL), 0);
	assert_true(store_verify(t, test_problem, &p) >= 1);
	store_read_end(t);
	assert_true(p.named >= 1);
	free(cause);
}

/* ------------------------------------------------------------------------- */

struct test_findings {
	uint32_t	 officers[32];
	size_t		 n;		/* RULE_NO_TRAINING findings */
	size_t		 all;
};

static void
test_finding(void *arg, const struct compliance_finding *fd)
{
	struct test_findings *r = arg;

	r->all++;
	if (fd->rule == RULE_NO_TRAINING && r->n < 32)
		r->officers[r->n++] = fd->officer;
}

static int
test_listed(const struct test_findings *r, uint32_t officer)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (r->officers[i] == officer)
			return 1;
	return 0;
}

static void
test_compliance(struct fixture *f, int training, struct test_findings *r)
{
	struct compliance_options o;
	struct store_txn *t;
	size_t n;

	compliance_defaults(&o);
	o.year = 2026;
	snprintf(o.today, sizeof o.today, "2026-06-15");
	o.training = training;
	memset(r, 0, sizeof *r);
	assert_int_equal(store_read_begin(core_store(f->c), &t, NULL), 0);
	n = compliance_check(t, &o, test_finding, r);
	store_read_end(t);
	assert_int_equal(n, r->all);
}

static void
test_training_compliance(void **state)
{
	struct fixture *f = *state;
	struct test_findings r;
	uint32_t left, later;

	/* A PO who left, and one who starts later: not in office. */
	left = test_officer(f->c, "己", f->moi, ROLE_PO, 0, "2019-01-01",
	    "2025-12-31");
	later = test_officer(f->c, "庚", f->mofa, ROLE_PO, 0, "2026-09-01", "");
	test_training(f->c, f->mofa_po, COMPETENCE_CIVIC_TECH);

	test_compliance(f, 1, &r);
	assert_int_equal(r.n, 1);
	assert_true(test_listed(&r, f->po));		/* no training */
	assert_false(test_listed(&r, f->mofa_po));	/* trained */
	assert_false(test_listed(&r, f->alt));		/* not a PO */
	assert_false(test_listed(&r, left));
	assert_false(test_listed(&r, later));

	/* Without --training, no such finding at all. */
	test_compliance(f, 0, &r);
	assert_int_equal(r.n, 0);

	/* A reward is no training. */
	test_reward(f->c, f->po);
	test_compliance(f, 1, &r);
	assert_true(test_listed(&r, f->po));

	/* Trained: no longer listed. */
	test_training(f->c, f->po, COMPETENCE_RECORDING);
	test_compliance(f, 1, &r);
	assert_int_equal(r.n, 0);
}

/* ------------------------------------------------------------------------- */

struct test_end {
	uint32_t	 officer, successor;
	const char	*end;
};

static int
test_end_txn(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct test_end *e = arg;

	return core_end_designation(c, t, e->officer, e->end, e->successor,
	    cause);
}

static int
test_end(struct fixture *f, uint32_t officer, const char *end,
    uint32_t successor, char **cause)
{
	struct test_end e = { officer, successor, end };

	return core_run(f->c, test_end_txn, &e, cause);
}

/* The audit record seq is an update of officer id, its after image into o. */
static void
test_audit_officer(struct fixture *f, uint64_t seq, uint32_t id,
    struct officer *o)
{
	struct audit *a = malloc(sizeof *a);
	char *cause = NULL;

	assert_non_null(a);
	test_audit_get(f, seq, a);
	assert_int_equal(a->action, AUDIT_UPDATE);
	assert_int_equal(a->entity, ENTITY_OFFICER);
	assert_int_equal(a->id, id);
	assert_true(a->before_len > 0);
	assert_true(a->after_len > 0);
	memset(o, 0, sizeof *o);
	if (codec_decode(schema_of(ENTITY_OFFICER), a->after, a->after_len, o,
	    &cause) != 0)
		fail_msg("%s", cause);
	free(a);
}

static void
test_end_designation(void **state)
{
	struct fixture *f = *state;
	struct officer o, s, au;
	char *cause = NULL;
	uint64_t seq;

	seq = test_audit_next(f);
	if (test_end(f, f->po, "2024-02-28", f->alt, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(test_get(f, ENTITY_OFFICER, f->po, &o), 0);
	assert_string_equal(o.end_date, "2024-02-28");
	assert_int_equal(o.role, ROLE_PO);
	assert_string_equal(o.start_date, "2020-01-01");
	assert_int_equal(o.h.version, 2);
	assert_int_equal(test_get(f, ENTITY_OFFICER, f->alt, &s), 0);
	assert_int_equal(s.role, ROLE_PO);
	assert_string_equal(s.start_date, "2024-02-29");	/* leap year */
	assert_string_equal(s.end_date, "");
	assert_int_equal(s.agency, f->moi);
	assert_int_equal(s.h.version, 2);

	/* Both audited, in that transaction: the successor first. */
	assert_true(test_audit_next(f) == seq + 2);
	test_audit_officer(f, seq, f->alt, &au);
	assert_int_equal(au.role, ROLE_PO);
	assert_string_equal(au.start_date, "2024-02-29");
	test_audit_officer(f, seq + 1, f->po, &au);
	assert_string_equal(au.end_date, "2024-02-28");

	/* A supervisor's successor takes the kind, a member's the function. */
	if (test_end(f, f->sup, "2025-12-31", f->member, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(test_get(f, ENTITY_OFFICER, f->member, &s), 0);
	assert_int_equal(s.role, ROLE_SUPERVISOR);
	assert_int_equal(s.supervisor, SUPV_CIO);
	assert_int_equal(s.function, FUNC_NONE);
	assert_string_equal(s.start_date, "2026-01-01");

	/* No successor: only the end date. */
	seq = test_audit_next(f);
	if (test_end(f, f->mofa_po, "2026-05-31", 0, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(test_get(f, ENTITY_OFFICER, f->mofa_po, &o), 0);
	assert_string_equal(o.end_date, "2026-05-31");
	assert_true(test_audit_next(f) == seq + 1);
	test_audit_officer(f, seq, f->mofa_po, &au);
	assert_int_equal(test_verify(f), 0);
	free(cause);
}

struct test_inv {
	uint32_t	 meeting, officer;
};

static int
test_invite_txn(struct core *c, struct store_txn *t, void *arg,
    char **cause)
{
	struct test_inv *iv = arg;

	return core_invite(c, t, iv->meeting, iv->officer, cause);
}

static void
test_invite(struct fixture *f, uint32_t meeting, uint32_t officer)
{
	struct test_inv iv = { meeting, officer };
	char *cause = NULL;

	if (core_run(f->c, test_invite_txn, &iv, &cause) != 0)
		fail_msg("invite: %s", cause);
}

/* A work meeting on date with status, the n of who invited. */
static uint32_t
test_meeting_with(struct fixture *f, const char *date, uint32_t status,
    const uint32_t *who, size_t n)
{
	struct meeting m;
	char *cause = NULL;
	size_t i;

	memset(&m, 0, sizeof m);
	m.kind = MEETING_WORK;
	m.status = status;
	snprintf(m.date, sizeof m.date, "%s", date);
	snprintf(m.title, sizeof m.title, "工作推動會議 %s", date);
	if (core_save1(f->c, ENTITY_MEETING, &m, &cause) != 0)
		fail_msg("%s", cause);
	for (i = 0; i < n; i++)
		test_invite(f, m.h.id, who[i]);
	return m.h.id;
}

/* Is officer on meeting's list of invitees? */
static int
test_invited(struct fixture *f, uint32_t meeting, uint32_t officer)
{
	struct store_txn *t;
	struct attendance at;
	int rc;

	assert_int_equal(store_read_begin(core_store(f->c), &t, NULL), 0);
	rc = store_attendance_get(t, meeting, officer, &at, NULL);
	store_read_end(t);
	return rc == 0;
}

/*
 * Ending a designation reaches the planned meetings after its last day
 * (the one out, the successor in); held ones, and planned ones before
 * the end, keep their invitees. A preview says the same beforehand.
 */
static void
test_end_designation_meetings(void **state)
{
	struct fixture *f = *state;
	struct core_handover h[8];
	struct store_txn *t;
	struct officer o;
	uint32_t who[] = { f->po, f->mofa_po }, held, before, after, after2;
	char *cause = NULL;
	size_t n;

	held = test_meeting_with(f, "2024-01-15", MEETING_HELD, who, 2);
	before = test_meeting_with(f, "2024-02-15", MEETING_PLANNED, who, 2);
	after = test_meeting_with(f, "2024-03-15", MEETING_PLANNED, who, 2);
	after2 = test_meeting_with(f, "2024-04-15", MEETING_PLANNED, who, 1);
	test_invite(f, after2, f->alt);

	assert_int_equal(store_read_begin(core_store(f->c), &t, NULL), 0);
	n = core_handover_meetings(t, f->po, "2024-02-28", f->alt, h, 8);
	store_read_end(t);
	assert_int_equal(n, 2);
	assert_int_equal(h[0].meeting, after);
	assert_true(h[0].in);
	assert_int_equal(h[1].meeting, after2);
	assert_false(h[1].in);		/* invited already */

	if (test_end(f, f->po, "2024-02-28", f->alt, &cause) != 0)
		fail_msg("%s", cause);
	assert_true(test_invited(f, held, f->po));
	assert_false(test_invited(f, held, f->alt));
	assert_true(test_invited(f, before, f->po));
	assert_false(test_invited(f, after, f->po));
	assert_true(test_invited(f, after, f->alt));
	assert_true(test_invited(f, after, f->mofa_po));
	assert_false(test_invited(f, after2, f->po));
	assert_true(test_invited(f, after2, f->alt));
	{
		struct attendance at;

		/* Invited in the role they now hold. */
		assert_int_equal(store_read_begin(core_store(f->c), &t, NULL),
		    0);
		assert_int_equal(store_attendance_get(t, after, f->alt, &at,
		    NULL), 0);
		store_read_end(t);
		assert_int_equal(at.role, ROLE_PO);
	}

	/* An end date set by hand: the planned meetings follow too. */
	assert_int_equal(test_get(f, ENTITY_OFFICER, f->mofa_po, &o), 0);
	snprintf(o.end_date, sizeof o.end_date, "2024-03-01");
	if (core_save1(f->c, ENTITY_OFFICER, &o, &cause) != 0)
		fail_msg("%s", cause);
	assert_true(test_invited(f, before, f->mofa_po));
	assert_false(test_invited(f, after, f->mofa_po));
	assert_true(test_invited(f, held, f->mofa_po));
	assert_int_equal(test_verify(f), 0);
}

static void
test_end_designation_refused(void **state)
{
	struct fixture *f = *state;
	struct test_snapshot po, alt, po2, alt2;
	static const char *const bad[] = { "2024-13-01", "2024-02-30",
		"tomorrow", "", "2024-6-30", "2024-06-30x" };
	char *cause = NULL;
	size_t i;

	test_snap(f, f->po, &po);
	test_snap(f, f->alt, &alt);

	/* The successor is not the officer. */
	assert_int_equal(test_end(f, f->po, "2026-06-30", f->po, &cause),
	    OGPO_INVALID);
	test_cause_has(cause, "甲", "themselves", (const char *)NULL);

	/* The end is a date. */
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (test_end(f, f->po, bad[i], f->alt, &cause) != OGPO_INVALID)
			fail_msg("end date '%s' was taken", bad[i]);
		if (bad[i][0] != '\0')
			test_cause_has(cause, bad[i], "not a date",
			    (const char *)NULL);
	}
	/* … not before the designation started. */
	assert_int_equal(test_end(f, f->po, "2019-12-31", f->alt, &cause),
	    OGPO_INVALID);
	test_cause_has(cause, "2019-12-31", "before the start date",
	    (const char *)NULL);
	/* … and the successor exists. */
	assert_int_equal(test_end(f, f->po, "2026-06-30", 9999, &cause),
	    OGPO_NOTFOUND);
	test_cause_has(cause, "#9999", (const char *)NULL);
	/* … as does the officer. */
	assert_int_equal(test_end(f, 9999, "2026-06-30", f->alt, &cause),
	    OGPO_NOTFOUND);

	/* Nothing of it was written. */
	test_snap(f, f->po, &po2);
	test_snap(f, f->alt, &alt2);
	assert_int_equal(po2.o.h.version, po.o.h.version);
	assert_string_equal(po2.o.end_date, "");
	assert_int_equal(alt2.o.h.version, alt.o.h.version);
	assert_int_equal(alt2.o.role, ROLE_ALTERNATE);
	assert_string_equal(alt2.o.start_date, "2021-01-01");
	assert_true(po2.audit == po.audit);
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_training_roundtrip,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_training_index,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_training_validation,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_reward_validation,
		    test_setup, test_teardown),
		cmocka_unit_test(test_competencies_parse),
		cmocka_unit_test_setup_teardown(test_delete_refused,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_delete_training,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_training_verify,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_training_compliance,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_end_designation,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_end_designation_meetings,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_end_designation_refused,
		    test_setup, test_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
