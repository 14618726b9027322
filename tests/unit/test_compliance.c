/*
 * test_compliance.c — what breaks the regulation, rule by rule, each on a
 * small database that breaks it and one that does not: point 3 (a
 * level-2 agency without a PO or a supervisor in office today, start and
 * end dates honoured), point 4 (a PO who is not a civil servant), point 7
 * (months and quarters that are over without a held meeting; attendance
 * at the year's held work meetings below the threshold) and point 6 (an
 * issue escalated for more than escalated_days). The options are fixed
 * (today 2024-07-10, year 2024, 75 %, 30 days): nothing depends on the
 * real date.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "ogpo/compliance.h"
#include "fixture.h"
#include "ogpo/core.h"
#include "ogpo/store.h"
#include "ogpo/text.h"
#include "ogpo/util.h"

#define TEST_MAX	64

struct fixture {
	char				 dir[64];
	struct core			*c;
	uint32_t			 ey, moi, mofa, npa;
	uint32_t			 moi_po, moi_sup, mofa_po, mofa_sup;
	struct compliance_options	 o;
	struct compliance_finding	 f[TEST_MAX];
	size_t				 n;	/* findings seen by fn */
	size_t				 ret;	/* compliance_check's count */
};

static uint32_t
test_officer_cs(struct core *c, const char *name, uint32_t agency,
    uint32_t role, const char *start, const char *end, uint32_t civil)
{
	static unsigned serial;
	struct officer o;
	char *cause = NULL;

	memset(&o, 0, sizeof o);
	snprintf(o.name, sizeof o.name, "%s", name);
	snprintf(o.email, sizeof o.email, "officer%u@example.gov.tw",
	    ++serial);
	o.agency = agency;
	o.role = role;
	o.civil_servant = civil;
	if (role == ROLE_SUPERVISOR)
		o.supervisor = SUPV_CIO;
	snprintf(o.start_date, sizeof o.start_date, "%s", start);
	snprintf(o.end_date, sizeof o.end_date, "%s", end);
	if (core_save1(c, ENTITY_OFFICER, &o, &cause) != 0)
		fail_msg("officer %s: %s", name, cause);
	return o.h.id;
}

static uint32_t
test_officer(struct core *c, const char *name, uint32_t agency, uint32_t role,
    const char *start, const char *end)
{
	return test_officer_cs(c, name, agency, role, start, end, 1);
}

static uint32_t
test_meeting(struct core *c, uint32_t kind, uint32_t status, const char *date)
{
	struct meeting m;
	char *cause = NULL;

	memset(&m, 0, sizeof m);
	m.kind = kind;
	m.status = status;
	snprintf(m.title, sizeof m.title, "會議 %s", date);
	snprintf(m.date, sizeof m.date, "%s", date);
	if (core_save1(c, ENTITY_MEETING, &m, &cause) != 0)
		fail_msg("meeting %s: %s", date, cause);
	return m.h.id;
}

static uint32_t
test_issue(struct core *c, const char *title, uint32_t lead, uint32_t status,
    const char *since)
{
	struct issue *is = calloc(1, sizeof *is);
	char *cause = NULL;
	uint32_t id;

	assert_non_null(is);
	snprintf(is->title, sizeof is->title, "%s", title);
	is->lead = lead;
	is->status = status;
	snprintf(is->status_since, sizeof is->status_since, "%s", since);
	if (core_save1(c, ENTITY_ISSUE, is, &cause) != 0)
		fail_msg("issue %s: %s", title, cause);
	/* A new issue keeps the status_since it is given. */
	assert_string_equal(is->status_since, since);
	id = is->h.id;
	free(is);
	return id;
}

/* How a finding names case id: its number (案號) and title. */
static void
test_case_subject(struct core *c, uint32_t id, char *buf, size_t n)
{
	struct issue *is = calloc(1, sizeof *is);
	struct store_txn *t;

	assert_non_null(is);
	assert_int_equal(store_read_begin(core_store(c), &t, NULL), 0);
	assert_int_equal(store_issue_get(t, id, is, NULL), 0);
	store_read_end(t);
	assert_true(is->serial[0] != '\0');
	snprintf(buf, n, "%s %.140s", is->serial, is->title);
	free(is);
}

/* One answer to a meeting (inviting the officer first). */
struct test_att {
	uint32_t	 meeting, officer, status;
	const char	*proxy;
};

static int
test_att_txn(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct test_att *a = arg;
	int rc;

	if ((rc = core_invite(c, t, a->meeting, a->officer, cause)) != 0)
		return rc;
	if (a->status == ATTEND_INVITED)
		return 0;
	return core_attend(c, t, a->meeting, a->officer, a->status, a->proxy,
	    NULL, cause);
}

static void
test_attend(struct core *c, uint32_t meeting, uint32_t officer,
    uint32_t status)
{
	struct test_att a = { meeting, officer, status,
		status == ATTEND_PROXY ? "代理人" : NULL };
	char *cause = NULL;

	if (core_run(c, test_att_txn, &a, &cause) != 0)
		fail_msg("attendance: %s", cause);
}

struct test_ext {
	uint32_t	 meeting, n;
};

static int
test_ext_txn(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct test_ext *e = arg;

	return core_invite_external(c, t, e->meeting, "林公民",
	    "開放文化基金會", &e->n, cause);
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
	f->npa = fixture_agency(f->c, "NPA", f->moi, LEVEL_3);
	memset(&f->o, 0, sizeof f->o);
	snprintf(f->o.today, sizeof f->o.today, "2024-07-10");
	f->o.year = 2024;
	f->o.threshold = 0.75;
	f->o.escalated_days = 30;
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

static void
test_collect(void *arg, const struct compliance_finding *fd)
{
	struct fixture *f = arg;

	if (f->n < TEST_MAX)
		f->f[f->n] = *fd;
	f->n++;
}

/* A meeting missed (compliance_missed), into f->f: subject "DATE none"
 * when not invited, detail the status's name. */
static void
test_miss(void *arg, const struct meeting *m, const struct attendance *at)
{
	struct fixture *f = arg;
	struct compliance_finding *fd;

	if (f->n >= TEST_MAX)
		return;
	fd = &f->f[f->n++];
	memset(fd, 0, sizeof *fd);
	fd->meeting = m->h.id;
	fd->officer = at != NULL ? at->officer : 0;
	snprintf(fd->subject, sizeof fd->subject, "%s%s", m->date,
	    at == NULL ? " none" : "");
	snprintf(fd->detail, sizeof fd->detail, "%s", at == NULL ? "" :
	    model_enum_name(&model_attend_statuses, at->status));
}

/* Run every rule with f->o; the findings into f->f. */
static void
test_check(struct fixture *f)
{
	struct store_txn *t;
	size_t i;

	f->n = 0;
	assert_int_equal(store_read_begin(core_store(f->c), &t, NULL), 0);
	f->ret = compliance_check(t, &f->o, test_collect, f);
	store_read_end(t);
	assert_int_equal(f->ret, f->n);
	assert_true(f->n <= TEST_MAX);
	/* In rule order, every one with a subject and a sentence. */
	for (i = 0; i < f->n; i++) {
		assert_true(f->f[i].rule >= RULE_NO_PO &&
		    f->f[i].rule <= RULE_MAX);
		if (i > 0)
			assert_true(f->f[i - 1].rule <= f->f[i].rule);
		assert_true(f->f[i].subject[0] != '\0');
		assert_true(f->f[i].detail[0] != '\0');
	}
}

static size_t
test_count(const struct fixture *f, enum compliance_rule rule)
{
	size_t i, n = 0;

	for (i = 0; i < f->n; i++)
		n += f->f[i].rule == rule;
	return n;
}

/* The finding of rule about subject, or NULL. */
static const struct compliance_finding *
test_find(const struct fixture *f, enum compliance_rule rule,
    const char *subject)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (f->f[i].rule == rule &&
		    strcmp(f->f[i].subject, subject) == 0)
			return &f->f[i];
	return NULL;
}

/* The finding of rule naming agency, or NULL. */
static const struct compliance_finding *
test_find_agency(const struct fixture *f, enum compliance_rule rule,
    uint32_t agency)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (f->f[i].rule == rule && f->f[i].agency == agency)
			return &f->f[i];
	return NULL;
}

/* Both level-2 agencies staffed: a PO and a supervisor each. */
static void
test_staff(struct fixture *f)
{
	f->moi_po = test_officer(f->c, "內政聯絡人", f->moi, ROLE_PO,
	    "2020-01-01", "");
	f->moi_sup = test_officer(f->c, "內政督導", f->moi, ROLE_SUPERVISOR,
	    "2020-01-01", "");
	f->mofa_po = test_officer(f->c, "外交聯絡人", f->mofa, ROLE_PO,
	    "2020-01-01", "");
	f->mofa_sup = test_officer(f->c, "外交督導", f->mofa,
	    ROLE_SUPERVISOR, "2020-01-01", "");
}

/* Held work meetings in each month of 2024 up to `last`, and policy
 * meetings in each quarter up to `lastq`. */
static void
test_meetings(struct fixture *f, int last, int lastq)
{
	char date[11];
	int i;

	for (i = 1; i <= last; i++) {
		snprintf(date, sizeof date, "2024-%02d-15", i);
		test_meeting(f->c, MEETING_WORK, MEETING_HELD, date);
	}
	for (i = 1; i <= lastq; i++) {
		snprintf(date, sizeof date, "2024-%02d-20", i * 3);
		test_meeting(f->c, MEETING_POLICY, MEETING_HELD, date);
	}
}

/* --- the whole of it ---------------------------------------------------- */

static void
test_compliance_names(void **state)
{
	(void)state;
	assert_string_equal(model_enum_name(&compliance_rules, RULE_NO_PO),
	    "no_po");
	assert_string_equal(model_enum_name(&compliance_rules,
	    RULE_LOW_ATTENDANCE), "low_attendance");
	assert_string_equal(model_enum_name(&compliance_rules,
	    RULE_ESCALATED_LONG), "escalated_long");
	assert_string_equal(compliance_rules.zh[RULE_NO_PO], "未指派聯絡人");
	assert_string_equal(compliance_rules.zh[RULE_NO_SUPERVISOR],
	    "未指派督導");
}

static void
test_compliance_defaults(void **state)
{
	struct compliance_options o;
	char today[11];

	(void)state;
	compliance_defaults(&o);
	date_today(today);
	assert_string_equal(o.today, today);
	assert_int_equal(o.year, atoi(today));
	assert_true(o.threshold > 0.7499 && o.threshold < 0.7501);
	assert_int_equal(o.escalated_days, 30);
}

/* Every rule kept: nothing found, and without fn the same count. */
static void
test_compliance_clean(void **state)
{
	struct fixture *f = *state;
	struct store_txn *t;
	uint32_t m;

	test_staff(f);
	test_meetings(f, 6, 2);
	m = test_meeting(f->c, MEETING_WORK, MEETING_HELD, "2024-06-28");
	test_attend(f->c, m, f->moi_po, ATTEND_PRESENT);
	test_attend(f->c, m, f->mofa_po, ATTEND_ONLINE);
	(void)test_issue(f->c, "已解決議題", f->moi, ISSUE_RESOLVED,
	    "2024-01-02");
	test_check(f);
	assert_int_equal(f->ret, 0);

	/* One gap: fn or no fn, the same count. */
	(void)fixture_agency(f->c, "MODA", f->ey, LEVEL_2);
	test_check(f);
	assert_int_equal(f->ret, 2);
	assert_int_equal(store_read_begin(core_store(f->c), &t, NULL), 0);
	assert_int_equal(compliance_check(t, &f->o, NULL, NULL), 2);
	store_read_end(t);
}

/* --- point 3 ------------------------------------------------------------ */

static void
test_compliance_staffed(void **state)
{
	struct fixture *f = *state;

	test_staff(f);
	test_check(f);
	assert_int_equal(test_count(f, RULE_NO_PO), 0);
	assert_int_equal(test_count(f, RULE_NO_SUPERVISOR), 0);
	assert_int_equal(test_count(f, RULE_NOT_CIVIL_SERVANT), 0);
}

static void
test_compliance_po_ended(void **state)
{
	struct fixture *f = *state;
	const struct compliance_finding *fd;

	test_officer(f->c, "前任", f->moi, ROLE_PO, "2020-01-01", "2024-06-30");
	test_officer(f->c, "內政督導", f->moi, ROLE_SUPERVISOR, "2020-01-01",
	    "");
	/* Ending today: still in office today. */
	test_officer(f->c, "外交聯絡人", f->mofa, ROLE_PO, "2020-01-01",
	    "2024-07-10");
	test_officer(f->c, "外交督導", f->mofa, ROLE_SUPERVISOR,
	    "2020-01-01", "");
	test_check(f);
	assert_int_equal(test_count(f, RULE_NO_PO), 1);
	fd = test_find(f, RULE_NO_PO, "機關MOI");
	assert_non_null(fd);
	assert_int_equal(fd->agency, f->moi);
	assert_int_equal(fd->officer, 0);
	assert_int_equal(fd->issue, 0);
	assert_non_null(strstr(fd->detail, "PO"));
	assert_int_equal(test_count(f, RULE_NO_SUPERVISOR), 0);

	/* As of the PO's last day, MOI was staffed. */
	snprintf(f->o.today, sizeof f->o.today, "2024-06-30");
	test_check(f);
	assert_int_equal(test_count(f, RULE_NO_PO), 0);
	/* And the day after MOFA's PO left, MOFA is not. */
	snprintf(f->o.today, sizeof f->o.today, "2024-07-11");
	test_check(f);
	assert_int_equal(test_count(f, RULE_NO_PO), 2);
	assert_non_null(test_find_agency(f, RULE_NO_PO, f->mofa));
}

static void
test_compliance_po_future(void **state)
{
	struct fixture *f = *state;
	const struct compliance_finding *fd;

	test_officer(f->c, "新任", f->moi, ROLE_PO, "2024-07-11", "");
	test_officer(f->c, "內政督導", f->moi, ROLE_SUPERVISOR, "2020-01-01",
	    "");
	/* Starting today: in office today. */
	test_officer(f->c, "外交聯絡人", f->mofa, ROLE_PO, "2024-07-10", "");
	test_officer(f->c, "外交督導", f->mofa, ROLE_SUPERVISOR,
	    "2020-01-01", "");
	test_check(f);
	assert_int_equal(test_count(f, RULE_NO_PO), 1);
	fd = test_find(f, RULE_NO_PO, "機關MOI");
	assert_non_null(fd);
	assert_int_equal(fd->agency, f->moi);

	/* Once the new PO has started, MOI is staffed. */
	snprintf(f->o.today, sizeof f->o.today, "2024-07-11");
	test_check(f);
	assert_int_equal(test_count(f, RULE_NO_PO), 0);
}

static void
test_compliance_no_supervisor(void **state)
{
	struct fixture *f = *state;
	const struct compliance_finding *fd;

	test_officer(f->c, "內政聯絡人", f->moi, ROLE_PO, "2020-01-01", "");
	test_officer(f->c, "內政督導", f->moi, ROLE_SUPERVISOR, "2020-01-01",
	    "");
	test_officer(f->c, "外交聯絡人", f->mofa, ROLE_PO, "2020-01-01", "");
	/* An alternate is no supervisor, nor one who left. */
	test_officer(f->c, "外交代理人", f->mofa, ROLE_ALTERNATE,
	    "2020-01-01", "");
	test_officer(f->c, "前督導", f->mofa, ROLE_SUPERVISOR, "2020-01-01",
	    "2023-12-31");
	test_check(f);
	assert_int_equal(test_count(f, RULE_NO_PO), 0);
	assert_int_equal(test_count(f, RULE_NO_SUPERVISOR), 1);
	fd = test_find(f, RULE_NO_SUPERVISOR, "機關MOFA");
	assert_non_null(fd);
	assert_int_equal(fd->agency, f->mofa);
	assert_int_equal(fd->officer, 0);
	assert_int_equal(fd->issue, 0);
	assert_non_null(strstr(fd->detail, "supervisor"));
}

/* Only second-level agencies need a PO and a supervisor. */
static void
test_compliance_level2_only(void **state)
{
	struct fixture *f = *state;
	uint32_t ab;

	test_staff(f);
	ab = fixture_agency(f->c, "AB", f->npa, LEVEL_4);
	test_check(f);
	assert_null(test_find_agency(f, RULE_NO_PO, f->npa));
	assert_null(test_find_agency(f, RULE_NO_PO, f->ey));
	assert_null(test_find_agency(f, RULE_NO_PO, ab));
	assert_int_equal(test_count(f, RULE_NO_PO), 0);
	assert_int_equal(test_count(f, RULE_NO_SUPERVISOR), 0);

	/* A second-level agency added without anyone is found, both ways. */
	(void)fixture_agency(f->c, "MODA", f->ey, LEVEL_2);
	test_check(f);
	assert_non_null(test_find(f, RULE_NO_PO, "機關MODA"));
	assert_non_null(test_find(f, RULE_NO_SUPERVISOR, "機關MODA"));
	assert_int_equal(test_count(f, RULE_NO_PO), 1);
	assert_int_equal(test_count(f, RULE_NO_SUPERVISOR), 1);
}

/* --- point 4 ------------------------------------------------------------ */

static void
test_compliance_civil_servant(void **state)
{
	struct fixture *f = *state;
	const struct compliance_finding *fd;
	uint32_t po;

	test_officer(f->c, "內政督導", f->moi, ROLE_SUPERVISOR, "2020-01-01",
	    "");
	test_officer(f->c, "外交聯絡人", f->mofa, ROLE_PO, "2020-01-01", "");
	test_officer(f->c, "外交督導", f->mofa, ROLE_SUPERVISOR,
	    "2020-01-01", "");
	po = test_officer_cs(f->c, "約聘人員", f->moi, ROLE_PO, "2020-01-01",
	    "", 0);
	/* Not POs, or no longer: nothing to say. */
	test_officer_cs(f->c, "約聘代理人", f->moi, ROLE_ALTERNATE,
	    "2020-01-01", "", 0);
	test_officer_cs(f->c, "約聘成員", f->mofa, ROLE_MEMBER, "2020-01-01",
	    "", 0);
	test_officer_cs(f->c, "前約聘聯絡人", f->mofa, ROLE_PO, "2020-01-01",
	    "2024-01-31", 0);
	test_check(f);
	assert_int_equal(test_count(f, RULE_NOT_CIVIL_SERVANT), 1);
	fd = test_find(f, RULE_NOT_CIVIL_SERVANT, "約聘人員");
	assert_non_null(fd);
	assert_int_equal(fd->officer, po);
	assert_int_equal(fd->agency, f->moi);
	assert_int_equal(fd->issue, 0);
	assert_non_null(strstr(fd->detail, "機關MOI"));
	/* The PO is in office all the same: no RULE_NO_PO. */
	assert_int_equal(test_count(f, RULE_NO_PO), 0);
}

/* --- point 7: meetings -------------------------------------------------- */

static void
test_compliance_work_month(void **state)
{
	struct fixture *f = *state;
	const struct compliance_finding *fd;

	test_staff(f);
	test_meetings(f, 5, 2);
	/* June: only a planned and a cancelled one, and an issue meeting;
	 * July (not over on 2024-07-10): none at all. */
	test_meeting(f->c, MEETING_WORK, MEETING_PLANNED, "2024-06-12");
	test_meeting(f->c, MEETING_WORK, MEETING_CANCELLED, "2024-06-19");
	test_meeting(f->c, MEETING_ISSUE, MEETING_HELD, "2024-06-26");
	/* Last year's June is not this year's. */
	test_meeting(f->c, MEETING_WORK, MEETING_HELD, "2023-06-15");
	test_check(f);
	assert_int_equal(test_count(f, RULE_NO_WORK_MEETING), 1);
	fd = test_find(f, RULE_NO_WORK_MEETING, "2024-06");
	assert_non_null(fd);
	assert_int_equal(fd->agency, 0);
	assert_int_equal(fd->officer, 0);
	assert_int_equal(fd->issue, 0);
	assert_int_equal(test_count(f, RULE_NO_POLICY_MEETING), 0);
	assert_int_equal(f->ret, 1);

	/* Once June's is held, nothing; July is still not over. */
	test_meeting(f->c, MEETING_WORK, MEETING_HELD, "2024-06-30");
	test_check(f);
	assert_int_equal(f->ret, 0);

	/* On 1 August July is over. */
	snprintf(f->o.today, sizeof f->o.today, "2024-08-01");
	test_check(f);
	assert_int_equal(test_count(f, RULE_NO_WORK_MEETING), 1);
	assert_non_null(test_find(f, RULE_NO_WORK_MEETING, "2024-07"));
}

/*
 * A roll call on a planned meeting whose day has come: the meeting was
 * held in fact. It counts for its month (no "no work meeting") and its
 * attendance for the rates, and it is named until it is marked held.
 */
static void
test_compliance_not_marked_held(void **state)
{
	struct fixture *f = *state;
	const struct compliance_finding *fd;
	uint32_t june, later;
	char *cause = NULL;

	test_staff(f);
	test_meetings(f, 5, 2);
	june = test_meeting(f->c, MEETING_WORK, MEETING_PLANNED, "2024-06-12");
	test_attend(f->c, june, f->moi_po, ATTEND_PRESENT);
	test_attend(f->c, june, f->mofa_po, ATTEND_INVITED);
	/* Planned for a day to come, invitations only: nothing to say. */
	later = test_meeting(f->c, MEETING_WORK, MEETING_PLANNED,
	    "2024-07-30");
	test_attend(f->c, later, f->moi_po, ATTEND_INVITED);
	test_check(f);
	assert_int_equal(test_count(f, RULE_NO_WORK_MEETING), 0);
	assert_int_equal(test_count(f, RULE_NOT_MARKED_HELD), 1);
	fd = test_find(f, RULE_NOT_MARKED_HELD, "2024-06-12 #");
	if (fd == NULL) {
		char subject[32];

		snprintf(subject, sizeof subject, "2024-06-12 #%u", june);
		fd = test_find(f, RULE_NOT_MARKED_HELD, subject);
	}
	assert_non_null(fd);
	assert_int_equal(fd->meeting, june);
	assert_non_null(strstr(fd->detail, "1 of 2 present"));
	/* Its attendance counts: MOFA came to none of its invitations. */
	assert_non_null(test_find_agency(f, RULE_LOW_ATTENDANCE, f->mofa));
	assert_int_equal(f->ret, 2);

	/* Marked held, it is as any held meeting. */
	{
		struct store_txn *t;
		struct meeting m;

		assert_int_equal(store_read_begin(core_store(f->c), &t, NULL),
		    0);
		assert_int_equal(store_meeting_get(t, june, &m, NULL), 0);
		store_read_end(t);
		m.status = MEETING_HELD;
		if (core_save1(f->c, ENTITY_MEETING, &m, &cause) != 0)
			fail_msg("%s", cause);
	}
	test_check(f);
	assert_int_equal(test_count(f, RULE_NOT_MARKED_HELD), 0);
	assert_int_equal(test_count(f, RULE_NO_WORK_MEETING), 0);
	assert_int_equal(f->ret, 1);
}

static void
test_compliance_policy_quarter(void **state)
{
	struct fixture *f = *state;
	const struct compliance_finding *fd;

	test_staff(f);
	test_meetings(f, 9, 1);
	/* Q2: a planned and a cancelled policy meeting, held work ones. */
	test_meeting(f->c, MEETING_POLICY, MEETING_PLANNED, "2024-06-25");
	test_meeting(f->c, MEETING_POLICY, MEETING_CANCELLED, "2024-05-10");
	test_meeting(f->c, MEETING_POLICY, MEETING_HELD, "2023-06-20");
	test_check(f);
	assert_int_equal(test_count(f, RULE_NO_POLICY_MEETING), 1);
	fd = test_find(f, RULE_NO_POLICY_MEETING, "2024 Q2");
	assert_non_null(fd);
	assert_int_equal(fd->agency, 0);
	assert_int_equal(fd->issue, 0);
	assert_int_equal(test_count(f, RULE_NO_WORK_MEETING), 0);
	assert_int_equal(f->ret, 1);

	/* Held on the quarter's first day: kept. */
	test_meeting(f->c, MEETING_POLICY, MEETING_HELD, "2024-04-01");
	test_check(f);
	assert_int_equal(f->ret, 0);

	/* Q3 is over on 1 October, not on 30 September. */
	snprintf(f->o.today, sizeof f->o.today, "2024-09-30");
	test_check(f);
	assert_int_equal(test_count(f, RULE_NO_POLICY_MEETING), 0);
	snprintf(f->o.today, sizeof f->o.today, "2024-10-01");
	test_check(f);
	assert_int_equal(test_count(f, RULE_NO_POLICY_MEETING), 1);
	assert_non_null(test_find(f, RULE_NO_POLICY_MEETING, "2024 Q3"));
}

/*
 * Without a year (ogpo check's default): the twelve months before today's,
 * so that in January last December and its quarter are judged.
 */
static void
test_compliance_rolling(void **state)
{
	struct fixture *f = *state;
	char date[11];
	int m;

	test_staff(f);
	strcpy(f->o.today, "2025-01-10");
	f->o.rolling = 1;
	/* Work meetings January to November 2024, none in December; policy
	 * meetings in the first three quarters only. */
	for (m = 1; m <= 11; m++) {
		snprintf(date, sizeof date, "2024-%02d-15", m % 13);
		test_meeting(f->c, MEETING_WORK, MEETING_HELD, date);
	}
	test_meeting(f->c, MEETING_POLICY, MEETING_HELD, "2024-02-20");
	test_meeting(f->c, MEETING_POLICY, MEETING_HELD, "2024-05-20");
	test_meeting(f->c, MEETING_POLICY, MEETING_HELD, "2024-08-20");
	/* January 2025 is not over: its missing meeting does not count. */
	test_check(f);
	assert_int_equal(test_count(f, RULE_NO_WORK_MEETING), 1);
	assert_non_null(test_find(f, RULE_NO_WORK_MEETING, "2024-12"));
	assert_int_equal(test_count(f, RULE_NO_POLICY_MEETING), 1);
	assert_non_null(test_find(f, RULE_NO_POLICY_MEETING, "2024 Q4"));
	/* The same in the calendar year 2025: nothing is over yet. */
	f->o.rolling = 0;
	f->o.year = 2025;
	test_check(f);
	assert_int_equal(test_count(f, RULE_NO_WORK_MEETING), 0);
	assert_int_equal(test_count(f, RULE_NO_POLICY_MEETING), 0);
}

/* A year that is over counts every month and quarter; one to come none. */
static void
test_compliance_year(void **state)
{
	struct fixture *f = *state;
	char subject[16];
	int i;

	test_staff(f);
	test_meetings(f, 6, 2);		/* 2024's: not 2023's */
	f->o.year = 2023;
	test_check(f);
	assert_int_equal(test_count(f, RULE_NO_WORK_MEETING), 12);
	assert_int_equal(test_count(f, RULE_NO_POLICY_MEETING), 4);
	assert_int_equal(f->ret, 16);
	for (i = 1; i <= 12; i++) {
		snprintf(subject, sizeof subject, "2023-%02d", i);
		assert_non_null(test_find(f, RULE_NO_WORK_MEETING, subject));
	}
	for (i = 1; i <= 4; i++) {
		snprintf(subject, sizeof subject, "2023 Q%d", i);
		assert_non_null(test_find(f, RULE_NO_POLICY_MEETING, subject));
	}
	/* In order: months, then quarters. */
	assert_string_equal(f->f[0].subject, "2023-01");
	assert_string_equal(f->f[11].subject, "2023-12");
	assert_string_equal(f->f[12].subject, "2023 Q1");
	assert_string_equal(f->f[15].subject, "2023 Q4");

	/* Held ones in 2023 are counted for 2023. */
	test_meeting(f->c, MEETING_WORK, MEETING_HELD, "2023-01-31");
	test_meeting(f->c, MEETING_WORK, MEETING_HELD, "2023-12-01");
	test_meeting(f->c, MEETING_POLICY, MEETING_HELD, "2023-12-31");
	test_check(f);
	assert_int_equal(test_count(f, RULE_NO_WORK_MEETING), 10);
	assert_null(test_find(f, RULE_NO_WORK_MEETING, "2023-01"));
	assert_null(test_find(f, RULE_NO_WORK_MEETING, "2023-12"));
	assert_int_equal(test_count(f, RULE_NO_POLICY_MEETING), 3);
	assert_null(test_find(f, RULE_NO_POLICY_MEETING, "2023 Q4"));

	/* A year to come: nothing is over yet. */
	f->o.year = 2025;
	test_check(f);
	assert_int_equal(f->ret, 0);

	/* The first days of the year: January is not over. */
	f->o.year = 2025;
	snprintf(f->o.today, sizeof f->o.today, "2025-01-31");
	test_check(f);
	assert_int_equal(f->ret, 0);
	snprintf(f->o.today, sizeof f->o.today, "2025-02-01");
	test_check(f);
	assert_int_equal(f->ret, 1);
	assert_non_null(test_find(f, RULE_NO_WORK_MEETING, "2025-01"));
}

/* Attendance at the year's held work meetings, agency by agency. */
static void
test_compliance_attendance(void **state)
{
	struct fixture *f = *state;
	const struct compliance_finding *fd;
	struct test_ext e;
	struct officer o;
	struct store_txn *t;
	uint32_t w[4], npa_po, planned, policy;
	char *cause = NULL;
	int i;

	test_staff(f);
	test_meetings(f, 0, 2);
	w[0] = test_meeting(f->c, MEETING_WORK, MEETING_HELD, "2024-01-15");
	w[1] = test_meeting(f->c, MEETING_WORK, MEETING_HELD, "2024-02-15");
	w[2] = test_meeting(f->c, MEETING_WORK, MEETING_HELD, "2024-03-15");
	w[3] = test_meeting(f->c, MEETING_WORK, MEETING_HELD, "2024-04-15");
	test_meeting(f->c, MEETING_WORK, MEETING_HELD, "2024-05-15");
	test_meeting(f->c, MEETING_WORK, MEETING_HELD, "2024-06-15");

	/* MOI: 2 of 4 (50 %). */
	test_attend(f->c, w[0], f->moi_po, ATTEND_PRESENT);
	test_attend(f->c, w[1], f->moi_po, ATTEND_PRESENT);
	test_attend(f->c, w[2], f->moi_po, ATTEND_ABSENT);
	test_attend(f->c, w[3], f->moi_po, ATTEND_EXCUSED);
	/* MOFA: 3 of 4 (75 %), online and by proxy. */
	test_attend(f->c, w[0], f->mofa_po, ATTEND_ONLINE);
	test_attend(f->c, w[1], f->mofa_po, ATTEND_PROXY);
	test_attend(f->c, w[2], f->mofa_po, ATTEND_PRESENT);
	test_attend(f->c, w[3], f->mofa_po, ATTEND_INVITED);
	/* External participants who never answered are no agency's. */
	for (i = 0; i < 4; i++) {
		memset(&e, 0, sizeof e);
		e.meeting = w[i];
		if (core_run(f->c, test_ext_txn, &e, &cause) != 0)
			fail_msg("external: %s", cause);
		assert_true(e.n & ATTEND_EXTERNAL);
	}
	/* Neither a work meeting still to come (marks made ahead) nor a
	 * policy meeting counts. */
	planned = test_meeting(f->c, MEETING_WORK, MEETING_PLANNED,
	    "2024-07-20");
	test_attend(f->c, planned, f->mofa_po, ATTEND_ABSENT);
	test_attend(f->c, planned, f->moi_po, ATTEND_ABSENT);
	policy = test_meeting(f->c, MEETING_POLICY, MEETING_HELD,
	    "2024-06-21");
	test_attend(f->c, policy, f->mofa_sup, ATTEND_ABSENT);
	test_attend(f->c, policy, f->moi_sup, ATTEND_ABSENT);
	/* NPA's PO missed two, then moved to MOFA: the attendance keeps
	 * the agency of the day. */
	npa_po = test_officer(f->c, "警政聯絡人", f->npa, ROLE_PO,
	    "2020-01-01", "");
	test_attend(f->c, w[0], npa_po, ATTEND_ABSENT);
	test_attend(f->c, w[1], npa_po, ATTEND_ABSENT);
	assert_int_equal(store_read_begin(core_store(f->c), &t, NULL), 0);
	assert_int_equal(store_officer_get(t, npa_po, &o, NULL), 0);
	store_read_end(t);
	o.agency = f->mofa;
	if (core_save1(f->c, ENTITY_OFFICER, &o, &cause) != 0)
		fail_msg("move: %s", cause);

	test_check(f);
	assert_int_equal(test_count(f, RULE_LOW_ATTENDANCE), 2);
	fd = test_find_agency(f, RULE_LOW_ATTENDANCE, f->moi);
	assert_non_null(fd);
	assert_string_equal(fd->subject, "機關MOI");
	assert_int_equal(fd->officer, 0);
	assert_int_equal(fd->issue, 0);
	assert_non_null(strstr(fd->detail, "2 of its 4"));
	assert_non_null(strstr(fd->detail, "50.0%"));
	assert_non_null(strstr(fd->detail, "2024"));
	fd = test_find_agency(f, RULE_LOW_ATTENDANCE, f->npa);
	assert_non_null(fd);
	assert_string_equal(fd->subject, "機關NPA");
	assert_non_null(strstr(fd->detail, "0 of its 2"));
	/* 75 % is not below 75 %. */
	assert_null(test_find_agency(f, RULE_LOW_ATTENDANCE, f->mofa));
	assert_null(test_find_agency(f, RULE_LOW_ATTENDANCE, 0));
	assert_int_equal(f->ret, 2);

	/* What MOI's finding is made of: newest first, the two held work
	 * meetings it was not invited to, then excused, then absent; not
	 * the planned one nor the policy one. MOFA: never marked. */
	f->n = 0;
	assert_int_equal(store_read_begin(core_store(f->c), &t, NULL), 0);
	assert_int_equal(compliance_missed(t, &f->o, f->moi, test_miss, f),
	    4);
	assert_int_equal(f->n, 4);
	assert_string_equal(f->f[0].subject, "2024-06-15 none");
	assert_string_equal(f->f[1].subject, "2024-05-15 none");
	assert_int_equal(f->f[2].meeting, w[3]);
	assert_int_equal(f->f[2].officer, f->moi_po);
	assert_string_equal(f->f[2].detail, "excused");
	assert_int_equal(f->f[3].meeting, w[2]);
	assert_string_equal(f->f[3].detail, "absent");
	f->n = 0;
	assert_int_equal(compliance_missed(t, &f->o, f->mofa, test_miss, f),
	    3);
	assert_string_equal(f->f[0].subject, "2024-06-15 none");
	assert_string_equal(f->f[1].subject, "2024-05-15 none");
	assert_int_equal(f->f[2].meeting, w[3]);
	assert_string_equal(f->f[2].detail, "invited");
	assert_int_equal(compliance_missed(t, &f->o, f->moi, NULL, NULL), 4);
	store_read_end(t);

	/* At 50 % MOI is not below either; above 75 % MOFA is. */
	f->o.threshold = 0.5;
	test_check(f);
	assert_int_equal(test_count(f, RULE_LOW_ATTENDANCE), 1);
	assert_non_null(test_find_agency(f, RULE_LOW_ATTENDANCE, f->npa));
	f->o.threshold = 0.8;
	test_check(f);
	assert_int_equal(test_count(f, RULE_LOW_ATTENDANCE), 3);
	fd = test_find_agency(f, RULE_LOW_ATTENDANCE, f->mofa);
	assert_non_null(fd);
	assert_non_null(strstr(fd->detail, "3 of its 4"));

	/* Another year's meetings are not this year's. */
	f->o.year = 2025;
	test_check(f);
	assert_int_equal(test_count(f, RULE_LOW_ATTENDANCE), 0);
}

/* --- point 6 ------------------------------------------------------------ */

static void
test_compliance_escalated(void **state)
{
	struct fixture *f = *state;
	const struct compliance_finding *fd;
	uint32_t late, edge, done, old;
	char subject[160];

	test_staff(f);
	test_meetings(f, 6, 2);
	late = test_issue(f->c, "再生能源", f->mofa, ISSUE_ESCALATED,
	    "2024-06-09");	/* 31 days before 2024-07-10 */
	edge = test_issue(f->c, "數位身分證", f->moi, ISSUE_ESCALATED,
	    "2024-06-10");	/* 30 days */
	done = test_issue(f->c, "已解決", f->moi, ISSUE_RESOLVED,
	    "2023-01-01");
	old = test_issue(f->c, "協作中", f->moi, ISSUE_COLLABORATING,
	    "2023-01-01");
	test_check(f);
	assert_int_equal(test_count(f, RULE_ESCALATED_LONG), 1);
	assert_int_equal(f->ret, 1);
	test_case_subject(f->c, late, subject, sizeof subject);
	fd = test_find(f, RULE_ESCALATED_LONG, subject);
	assert_non_null(fd);
	assert_int_equal(fd->issue, late);
	assert_int_equal(fd->agency, f->mofa);	/* the lead agency */
	assert_int_equal(fd->officer, 0);
	assert_non_null(strstr(fd->detail, "2024-06-09"));
	assert_non_null(strstr(fd->detail, "31 days"));

	/* One day later the 30-day one is late too; never the others. */
	snprintf(f->o.today, sizeof f->o.today, "2024-07-11");
	test_check(f);
	assert_int_equal(test_count(f, RULE_ESCALATED_LONG), 2);
	test_case_subject(f->c, edge, subject, sizeof subject);
	fd = test_find(f, RULE_ESCALATED_LONG, subject);
	assert_non_null(fd);
	assert_int_equal(fd->issue, edge);
	assert_int_equal(fd->agency, f->moi);
	(void)done;
	(void)old;

	/* escalated_days is the limit. */
	snprintf(f->o.today, sizeof f->o.today, "2024-07-10");
	f->o.escalated_days = 29;
	test_check(f);
	assert_int_equal(test_count(f, RULE_ESCALATED_LONG), 2);
	f->o.escalated_days = 31;
	test_check(f);
	assert_int_equal(test_count(f, RULE_ESCALATED_LONG), 0);

	/* Across a year's end: 2023-12-01 to 2024-01-01 is 31 days. */
	f->o.escalated_days = 30;
	(void)test_issue(f->c, "跨年", f->moi, ISSUE_ESCALATED, "2023-12-01");
	snprintf(f->o.today, sizeof f->o.today, "2024-01-01");
	f->o.year = 2025;	/* no meeting rules */
	test_check(f);
	assert_int_equal(test_count(f, RULE_ESCALATED_LONG), 1);
	assert_non_null(strstr(f->f[f->n - 1].detail, "31 days"));
}

/* A long title is cut in the subject on a character boundary; days are
 * counted in whole days across a daylight-saving change. */
static void
test_compliance_escalated_cut(void **state)
{
	struct fixture *f = *state;
	const struct compliance_finding *fd;
	char title[OGPO_TEXT_MAX + 1], *old;
	uint32_t id;
	size_t len;

	test_staff(f);
	title[0] = '\0';
	while (strlen(title) + 3 <= OGPO_TEXT_MAX)
		strcat(title, "議");
	id = test_issue(f->c, title, f->moi, ISSUE_ESCALATED, "2024-03-01");
	f->o.year = 2025;
	old = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
	setenv("TZ", "Europe/Berlin", 1);	/* summer time from 31 March */
	tzset();
	snprintf(f->o.today, sizeof f->o.today, "2024-04-01");
	test_check(f);
	if (old != NULL) {
		setenv("TZ", old, 1);
		free(old);
	} else
		unsetenv("TZ");
	tzset();
	assert_int_equal(f->ret, 1);
	fd = &f->f[0];
	assert_int_equal(fd->rule, RULE_ESCALATED_LONG);
	assert_int_equal(fd->issue, id);
	assert_non_null(strstr(fd->detail, "(31 days"));
	len = strlen(fd->subject);
	assert_true(len > 10 && len < sizeof fd->subject);
	assert_true(text_utf8_valid(fd->subject, len));
	assert_memory_equal(fd->subject + strlen(fd->subject) - 3, "議", 3);
}

/* Escalating an issue that exists starts its clock today. */
static void
test_compliance_escalate_now(void **state)
{
	struct fixture *f = *state;
	struct issue *is = calloc(1, sizeof *is);
	struct store_txn *t;
	char today[11], *cause = NULL;
	uint32_t id;

	assert_non_null(is);
	id = test_issue(f->c, "升高", f->moi, ISSUE_COLLABORATING,
	    "2020-01-01");
	assert_int_equal(store_read_begin(core_store(f->c), &t, NULL), 0);
	assert_int_equal(store_issue_get(t, id, is, NULL), 0);
	store_read_end(t);
	is->status = ISSUE_ESCALATED;
	assert_int_equal(core_save1(f->c, ENTITY_ISSUE, is, &cause), 0);
	date_today(today);
	assert_string_equal(is->status_since, today);
	compliance_defaults(&f->o);
	f->o.year++;		/* no meeting rules */
	test_check(f);
	assert_int_equal(test_count(f, RULE_ESCALATED_LONG), 0);
	/* Thirty-one days on, it is late. */
	date_add_days(today, 31, f->o.today);
	test_check(f);
	assert_int_equal(test_count(f, RULE_ESCALATED_LONG), 1);
	assert_int_equal(f->f[f->n - 1].issue, id);
	free(is);
}

int
main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, test_setup, \
	test_teardown)
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compliance_names),
		cmocka_unit_test(test_compliance_defaults),
		T(test_compliance_clean),
		T(test_compliance_not_marked_held),
		T(test_compliance_staffed),
		T(test_compliance_po_ended),
		T(test_compliance_po_future),
		T(test_compliance_no_supervisor),
		T(test_compliance_level2_only),
		T(test_compliance_civil_servant),
		T(test_compliance_work_month),
		T(test_compliance_policy_quarter),
		T(test_compliance_rolling),
		T(test_compliance_year),
		T(test_compliance_attendance),
		T(test_compliance_escalated),
		T(test_compliance_escalated_cut),
		T(test_compliance_escalate_now),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
