/*
 * test_marks.c — a roll call's marks saved by a thread (core_marks): many
 * put at once are all saved, each with its audit record, in fewer
 * commits than marks; a commit that fails loses its marks and those put
 * after it until the caller has looked, and says whom it lost first; the
 * caller's own commit in between counts as another's. Run under
 * ThreadSanitizer too (make check: TSAN_TESTS).
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sched.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"
#include "ogpo/core.h"
#include "ogpo/store.h"
#include "ogpo/util.h"

#define NOFFICERS	60

struct fixture {
	char		 dir[64];
	struct core	*c;
	uint32_t	 ey, meeting, officers[NOFFICERS];
};

static int
test_setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct officer o;
	struct meeting m;
	char *cause = NULL;
	uint32_t moi;
	int i;

	f->c = fixture_core_open(f->dir, sizeof f->dir);
	assert_non_null(f->c);
	f->ey = fixture_agency(f->c, "EY", 0, LEVEL_CABINET);
	moi = fixture_agency(f->c, "MOI", f->ey, LEVEL_2);
	for (i = 0; i < NOFFICERS; i++) {
		memset(&o, 0, sizeof o);
		snprintf(o.name, sizeof o.name, "聯絡人%d", i);
		snprintf(o.email, sizeof o.email, "po%d@moi.gov.tw", i);
		o.agency = moi;
		o.role = ROLE_PO;
		snprintf(o.start_date, sizeof o.start_date, "2020-01-01");
		if (core_save1(f->c, ENTITY_OFFICER, &o, &cause) != 0)
			fail_msg("%s", cause);
		f->officers[i] = o.h.id;
	}
	memset(&m, 0, sizeof m);
	m.kind = MEETING_WORK;
	m.status = MEETING_PLANNED;
	snprintf(m.title, sizeof m.title, "工作會議");
	snprintf(m.date, sizeof m.date, "2024-05-15");
	assert_int_equal(core_save1(f->c, ENTITY_MEETING, &m, &cause), 0);
	f->meeting = m.h.id;
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
test_marks_tally(struct fixture *f, struct core_tally *k, size_t *audit)
{
	struct store_txn *t;

	assert_int_equal(store_read_begin(core_store(f->c), &t, NULL), 0);
	core_meeting_tally(t, f->meeting, k);
	*audit = store_count(t, IX_AUDIT, NULL);
	store_read_end(t);
}

/* Wait for the thread, then its news (there must be some). */
static void
test_marks_settle(struct core_marks *m, struct core_marks_news *n)
{
	core_marks_wait(m);
	assert_int_equal(core_marks_busy(m), 0);
	assert_int_equal(core_marks_news(m, n), 1);
}

static void
test_marks_all_saved(void **state)
{
	struct fixture *f = *state;
	struct core_marks *m;
	struct core_marks_news n;
	struct core_tally k;
	size_t audit0, audit, saved = 0, commits;
	uint64_t seen = store_last_txnid(core_store(f->c));
	int i;

	test_marks_tally(f, &k, &audit0);
	assert_non_null(m = core_marks_start(f->c, f->meeting, seen));
	/* Every one present, then the first ten online instead: the later
	 * mark of a person is the one that stays. */
	for (i = 0; i < NOFFICERS; i++)
		core_marks_put(m, f->officers[i], ATTEND_PRESENT, NULL);
	for (i = 0; i < 10; i++)
		core_marks_put(m, f->officers[i], ATTEND_ONLINE, NULL);
	/* The caller looks while the thread works, as the screen does. */
	while (saved < NOFFICERS + 10) {
		if (!core_marks_news(m, &n)) {
			sched_yield();
			continue;
		}
		assert_int_equal(n.rc, 0);
		assert_int_equal(n.lost, 0);
		assert_int_equal(n.others, 0);
		saved += n.saved;
	}
	assert_int_equal(saved, NOFFICERS + 10);
	assert_int_equal(core_marks_busy(m), 0);
	commits = (size_t)(n.txnid - seen);
	/* Marks that came while a commit was in flight went in the next. */
	assert_true(commits >= 1 && commits < NOFFICERS);
	core_marks_stop(m);
	test_marks_tally(f, &k, &audit);
	assert_int_equal(k.invited, NOFFICERS);
	assert_int_equal(k.present, NOFFICERS);
	assert_int_equal(k.unmarked, 0);
	/* Each mark its audit record, as a mark saved alone has; the
	 * first of each person invites them too. */
	assert_int_equal(audit - audit0, 2 * NOFFICERS + 10);
}

static void
test_marks_failure(void **state)
{
	struct fixture *f = *state;
	struct core_marks *m;
	struct core_marks_news n;
	struct core_tally k;
	size_t audit0, audit;
	uint64_t seen = store_last_txnid(core_store(f->c));

	test_marks_tally(f, &k, &audit0);
	assert_non_null(m = core_marks_start(f->c, f->meeting, seen));
	/* No such officer: the commit fails and says why. */
	core_marks_put(m, 999999, ATTEND_PRESENT, NULL);
	core_marks_wait(m);
	/* Put before the caller has looked: lost with it, not saved. */
	core_marks_put(m, f->officers[0], ATTEND_PRESENT, NULL);
	test_marks_settle(m, &n);
	assert_int_not_equal(n.rc, 0);
	assert_non_null(n.cause);
	assert_non_null(strstr(n.cause, "999999"));
	assert_int_equal(n.lost, 2);
	assert_int_equal(n.saved, 0);
	assert_int_equal(n.first_lost, 999999);
	free(n.cause);
	/* Looked at: the next is saved again. */
	core_marks_put(m, f->officers[1], ATTEND_EXCUSED, NULL);
	test_marks_settle(m, &n);
	assert_int_equal(n.rc, 0);
	assert_int_equal(n.saved, 1);
	core_marks_stop(m);
	test_marks_tally(f, &k, &audit);
	assert_int_equal(k.invited, 1);	/* officers[1] alone */
	assert_int_equal(k.present, 0);
	assert_int_equal(audit - audit0, 2);
}

static void
test_marks_others(void **state)
{
	struct fixture *f = *state;
	struct core_marks *m;
	struct core_marks_news n;
	uint64_t seen = store_last_txnid(core_store(f->c));

	assert_non_null(m = core_marks_start(f->c, f->meeting, seen));
	core_marks_put(m, f->officers[0], ATTEND_PRESENT, NULL);
	test_marks_settle(m, &n);
	assert_int_equal(n.others, 0);
	/* A write the thread did not make, while it is idle. */
	fixture_agency(f->c, "MOFA", f->ey, LEVEL_2);
	core_marks_put(m, f->officers[1], ATTEND_PRESENT, NULL);
	test_marks_settle(m, &n);
	assert_int_equal(n.others, 1);
	/* Told that the rows were read again: ours alone once more. */
	core_marks_seen(m, n.txnid);
	core_marks_put(m, f->officers[2], ATTEND_PRESENT, NULL);
	test_marks_settle(m, &n);
	assert_int_equal(n.others, 0);
	core_marks_stop(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_marks_all_saved,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_marks_failure,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_marks_others,
		    test_setup, test_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
