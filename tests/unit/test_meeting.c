/*
 * test_meeting.c — whom a meeting is for (point 7), as of its date:
 * policy meetings the supervisors of second-level agencies, work meetings
 * their POs, issue meetings the POs of the issue's agencies; an officer
 * who left later still counts for an earlier meeting, one who started
 * later does not; external participants; taking someone off; held on its
 * day or after, never before; who came marked on its day or after, only
 * 請假 before.
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

#include "fixture.h"
#include "ogpo/core.h"
#include "ogpo/store.h"
#include "ogpo/util.h"

struct fixture {
	char		 dir[64];
	struct core	*c;
	uint32_t	 ey, moi, mofa, npa;
};

static uint32_t
test_officer(struct core *c, const char *name, uint32_t agency, uint32_t role,
    const char *start, const char *end)
{
	struct officer o;
	char *cause = NULL;

	memset(&o, 0, sizeof o);
	snprintf(o.name, sizeof o.name, "%s", name);
	snprintf(o.email, sizeof o.email, "%s@example.gov.tw", name);
	o.agency = agency;
	o.role = role;
	if (role == ROLE_SUPERVISOR)
		o.supervisor = SUPV_CIO;
	snprintf(o.start_date, sizeof o.start_date, "%s", start);
	snprintf(o.end_date, sizeof o.end_date, "%s", end);
	if (core_save1(c, ENTITY_OFFICER, &o, &cause) != 0)
		fail_msg("%s", cause);
	return o.h.id;
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

/* The proposal for a meeting of kind on date (with issue). */
static size_t
test_propose(struct fixture *f, uint32_t kind, const char *date,
    uint32_t issue, uint32_t *ids, size_t max)
{
	struct store_txn *t;
	struct meeting m;
	size_t n;

	memset(&m, 0, sizeof m);
	m.kind = kind;
	m.issue = issue;
	snprintf(m.date, sizeof m.date, "%s", date);
	assert_int_equal(store_read_begin(core_store(f->c), &t, NULL), 0);
	n = core_propose_invitees(t, &m, ids, max);
	store_read_end(t);
	return n;
}

static int
test_has(const uint32_t *ids, size_t n, uint32_t id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

static void
test_meeting_proposals(void **state)
{
	struct fixture *f = *state;
	uint32_t ids[64], po1, po2, old, newer, sup, alt, npa_po, mofa_po;
	struct issue is;
	char *cause = NULL;
	size_t n;

	po1 = test_officer(f->c, "甲", f->moi, ROLE_PO, "2020-01-01", "");
	old = test_officer(f->c, "乙", f->moi, ROLE_PO, "2020-01-01",
	    "2024-06-30");
	newer = test_officer(f->c, "丙", f->moi, ROLE_PO, "2024-07-01", "");
	sup = test_officer(f->c, "丁", f->moi, ROLE_SUPERVISOR, "2020-01-01",
	    "");
	alt = test_officer(f->c, "戊", f->moi, ROLE_ALTERNATE, "2020-01-01",
	    "");
	npa_po = test_officer(f->c, "己", f->npa, ROLE_PO, "2020-01-01", "");
	mofa_po = test_officer(f->c, "庚", f->mofa, ROLE_PO, "2020-01-01", "");
	po2 = test_officer(f->c, "辛", f->mofa, ROLE_SUPERVISOR, "2020-01-01",
	    "");

	/* A work meeting before the hand-over: the PO who left later. */
	n = test_propose(f, MEETING_WORK, "2024-05-15", 0, ids, 64);
	assert_int_equal(n, 3);
	assert_true(test_has(ids, n, po1));
	assert_true(test_has(ids, n, old));
	assert_true(test_has(ids, n, mofa_po));
	assert_false(test_has(ids, n, newer));	/* not yet designated */
	assert_false(test_has(ids, n, npa_po));	/* third level */
	assert_false(test_has(ids, n, alt));

	/* After it: the successor, not the one who left. */
	n = test_propose(f, MEETING_WORK, "2024-08-15", 0, ids, 64);
	assert_int_equal(n, 3);
	assert_true(test_has(ids, n, newer));
	assert_false(test_has(ids, n, old));

	/* Policy: the supervisors of second-level agencies. */
	n = test_propose(f, MEETING_POLICY, "2024-08-25", 0, ids, 64);
	assert_int_equal(n, 2);
	assert_true(test_has(ids, n, sup));
	assert_true(test_has(ids, n, po2));

	/* Issue: the POs of the lead and collaborating agencies, level 3
	 * included, each once. */
	memset(&is, 0, sizeof is);
	snprintf(is.title, sizeof is.title, "測試議題");
	is.lead = f->npa;
	is.collab[0] = f->mofa;
	is.collab[1] = f->mofa;
	is.ncollab = 1;
	is.status = ISSUE_OPEN;
	assert_int_equal(core_save1(f->c, ENTITY_ISSUE, &is, &cause), 0);
	n = test_propose(f, MEETING_ISSUE, "2024-08-08", is.h.id, ids, 64);
	assert_int_equal(n, 2);
	assert_true(test_has(ids, n, npa_po));
	assert_true(test_has(ids, n, mofa_po));
	/* No issue linked: nobody to propose. */
	assert_int_equal(test_propose(f, MEETING_ISSUE, "2024-08-08", 0, ids,
	    64), 0);
}

struct test_ext {
	uint32_t	 meeting, first, second;
};

static int
test_ext_txn(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct test_ext *e = arg;
	int rc;

	if ((rc = core_invite_external(c, t, e->meeting, "林公民",
	    "開放文化基金會", &e->first, cause)) != 0)
		return rc;
	return core_invite_external(c, t, e->meeting, "陳代表", "", &e->second,
	    cause);
}

static int
test_uninvite_txn(struct core *c, struct store_txn *t, void *arg,
    char **cause)
{
	struct test_ext *e = arg;

	return core_uninvite(c, t, e->meeting, e->first, cause);
}

static void
test_meeting_externals(void **state)
{
	struct fixture *f = *state;
	struct test_ext e;
	struct meeting m;
	struct attendance at;
	struct store_txn *t;
	char *cause = NULL;
	size_t present, invited, problems;

	memset(&m, 0, sizeof m);
	m.kind = MEETING_WORK;
	m.status = MEETING_PLANNED;
	snprintf(m.title, sizeof m.title, "工作會議");
	snprintf(m.date, sizeof m.date, "2024-05-15");
	assert_int_equal(core_save1(f->c, ENTITY_MEETING, &m, &cause), 0);
	memset(&e, 0, sizeof e);
	e.meeting = m.h.id;
	assert_int_equal(core_run(f->c, test_ext_txn, &e, &cause), 0);
	assert_true(e.first & ATTEND_EXTERNAL);
	assert_int_equal(e.second, e.first + 1);

	assert_int_equal(store_read_begin(core_store(f->c), &t, NULL), 0);
	assert_int_equal(store_attendance_get(t, m.h.id, e.first, &at, NULL),
	    0);
	assert_string_equal(at.name, "林公民");
	assert_string_equal(at.organisation, "開放文化基金會");
	assert_int_equal(at.status, ATTEND_INVITED);
	core_meeting_counts(t, m.h.id, &present, &invited);
	assert_int_equal(invited, 2);
	assert_int_equal(present, 0);
	/* External numbers are no officers, and verify knows it. */
	problems = store_verify(t, NULL, NULL);
	store_read_end(t);
	assert_int_equal(problems, 0);

	assert_int_equal(core_run(f->c, test_uninvite_txn, &e, &cause), 0);
	assert_int_equal(store_read_begin(core_store(f->c), &t, NULL), 0);
	assert_int_equal(store_attendance_get(t, m.h.id, e.first, &at, NULL),
	    OGPO_NOTFOUND);
	core_meeting_counts(t, m.h.id, &present, &invited);
	store_read_end(t);
	assert_int_equal(invited, 1);
}

struct test_status {
	uint32_t	 meeting, status;
};

static int
test_status_txn(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct test_status *ts = arg;

	return core_meeting_status(c, t, ts->meeting, ts->status, cause);
}

/*
 * A meeting is held on its day or after: marked held before (by
 * core_meeting_status, as the H key, or saved so), it is refused with a
 * sentence naming it and its day; held today, it is held.
 */
static void
test_meeting_held_day(void **state)
{
	struct fixture *f = *state;
	struct test_status ts;
	struct meeting m;
	char today[11], later[11], *cause = NULL;

	/* Two days on: past midnight meanwhile, still a day to come. */
	date_today(today);
	date_add_days(today, 2, later);
	memset(&m, 0, sizeof m);
	m.kind = MEETING_WORK;
	m.status = MEETING_HELD;
	snprintf(m.title, sizeof m.title, "後天的會議");
	snprintf(m.date, sizeof m.date, "%s", later);
	assert_int_equal(core_save1(f->c, ENTITY_MEETING, &m, &cause),
	    OGPO_INVALID);
	assert_non_null(strstr(cause, "後天的會議"));
	assert_non_null(strstr(cause, later));
	free(cause);
	cause = NULL;

	m.status = MEETING_PLANNED;
	if (core_save1(f->c, ENTITY_MEETING, &m, &cause) != 0)
		fail_msg("%s", cause);
	ts.meeting = m.h.id;
	ts.status = MEETING_HELD;
	assert_int_equal(core_run(f->c, test_status_txn, &ts, &cause),
	    OGPO_INVALID);
	assert_non_null(strstr(cause, "a day still to come"));
	free(cause);
	cause = NULL;

	/* Its day moved to today: held. */
	snprintf(m.date, sizeof m.date, "%s", today);
	if (core_save1(f->c, ENTITY_MEETING, &m, &cause) != 0)
		fail_msg("%s", cause);
	if (core_run(f->c, test_status_txn, &ts, &cause) != 0)
		fail_msg("%s", cause);
	/* Held, it is not moved to a day to come. */
	m.h.version = 0;
	m.status = MEETING_HELD;
	snprintf(m.date, sizeof m.date, "%s", later);
	assert_int_equal(core_save1(f->c, ENTITY_MEETING, &m, &cause),
	    OGPO_INVALID);
	free(cause);
}

struct test_mark {
	uint32_t	 meeting, officer, status;
	const char	*proxy;
};

static int
test_mark_txn(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct test_mark *tm = arg;

	return core_attend(c, t, tm->meeting, tm->officer, tm->status,
	    tm->proxy, NULL, cause);
}

/*
 * Who came is known on the meeting's day or after: present, online, by
 * proxy or absent before it is refused, naming the meeting, its number
 * and its day; excused (said ahead) and invited again are taken; on the
 * day, present is.
 */
static void
test_meeting_attend_day(void **state)
{
	struct fixture *f = *state;
	static const uint32_t early[] = { ATTEND_PRESENT, ATTEND_ONLINE,
	    ATTEND_PROXY, ATTEND_ABSENT };
	struct test_mark tm;
	struct meeting m;
	char today[11], later[11], *cause = NULL;
	size_t i;

	date_today(today);
	date_add_days(today, 2, later);
	memset(&m, 0, sizeof m);
	m.kind = MEETING_WORK;
	m.status = MEETING_PLANNED;
	snprintf(m.title, sizeof m.title, "後天的會議");
	snprintf(m.date, sizeof m.date, "%s", later);
	if (core_save1(f->c, ENTITY_MEETING, &m, &cause) != 0)
		fail_msg("%s", cause);
	tm.meeting = m.h.id;
	tm.officer = test_officer(f->c, "王小明", f->moi, ROLE_PO,
	    "2020-01-01", "");
	tm.proxy = "李代理";
	for (i = 0; i < sizeof early / sizeof early[0]; i++) {
		tm.status = early[i];
		assert_int_equal(core_run(f->c, test_mark_txn, &tm, &cause),
		    OGPO_INVALID);
		assert_non_null(strstr(cause, "後天的會議"));
		assert_non_null(strstr(cause, later));
		assert_non_null(strstr(cause, "a day still to come"));
		free(cause);
		cause = NULL;
	}
	tm.proxy = "";
	tm.status = ATTEND_EXCUSED;
	if (core_run(f->c, test_mark_txn, &tm, &cause) != 0)
		fail_msg("excused ahead: %s", cause);
	tm.status = ATTEND_INVITED;
	if (core_run(f->c, test_mark_txn, &tm, &cause) != 0)
		fail_msg("back to invited: %s", cause);

	/* Its day moved to today: who came is marked. */
	snprintf(m.date, sizeof m.date, "%s", today);
	if (core_save1(f->c, ENTITY_MEETING, &m, &cause) != 0)
		fail_msg("%s", cause);
	tm.status = ATTEND_PRESENT;
	if (core_run(f->c, test_mark_txn, &tm, &cause) != 0)
		fail_msg("present on the day: %s", cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_meeting_proposals,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_meeting_externals,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_meeting_held_day,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_meeting_attend_day,
		    test_setup, test_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
