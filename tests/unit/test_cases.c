/*
 * test_cases.c — tracked cases: numbers per ROC year, the Join due dates
 * in calendar months (a day the month lacks falls on its last) and days,
 * the deadline walk, and the rules of an extension and of closing.
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
#include "ogpo/store.h"
#include "ogpo/util.h"

struct fixture {
	char		 dir[64];
	struct core	*c;
	uint32_t	 ey, motc;
};

static int
test_setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	f->c = fixture_core_open(f->dir, sizeof f->dir);
	assert_non_null(f->c);
	f->ey = fixture_agency(f->c, "EY", 0, LEVEL_CABINET);
	f->motc = fixture_agency(f->c, "MOTC", f->ey, LEVEL_2);
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
test_serial(void **state)
{
	unsigned y, n;

	(void)state;
	assert_int_equal(core_serial_parse("115-07", &y, &n), 0);
	assert_int_equal(y, 115);
	assert_int_equal(n, 7);
	assert_int_equal(core_serial_parse("99-123", NULL, NULL), 0);
	assert_int_equal(core_serial_parse("115-", NULL, NULL), -1);
	assert_int_equal(core_serial_parse("-07", NULL, NULL), -1);
	assert_int_equal(core_serial_parse("115-07a", NULL, NULL), -1);
	assert_int_equal(core_serial_parse("115-00", NULL, NULL), -1);
	assert_int_equal(core_serial_parse("2026-07", NULL, NULL), -1);
}

static void
test_due(void **state)
{
	struct issue is;
	char due[11], contact[11];

	(void)state;
	memset(&is, 0, sizeof is);
	is.source = SOURCE_JOIN;
	strcpy(is.passed, "2025-12-31");
	core_case_due(&is, due, contact);
	assert_string_equal(due, "2026-02-28");	/* Feb has no 31st */
	assert_string_equal(contact, "2026-01-07");
	strcpy(is.passed, "2024-03-02");
	core_case_due(&is, due, contact);
	assert_string_equal(due, "2024-05-02");
	assert_string_equal(contact, "2024-03-09");
	strcpy(is.extended_on, "2024-04-30");
	strcpy(is.extended_to, "2024-07-02");
	core_case_due(&is, due, contact);
	assert_string_equal(due, "2024-07-02");
	is.source = SOURCE_AGENCY;
	core_case_due(&is, due, contact);
	assert_string_equal(due, "");
	assert_string_equal(contact, "");
	assert_int_equal(core_days_between("2024-02-28", "2024-03-01"), 2);
	assert_int_equal(core_days_between("2024-03-01", "2024-02-28"), -2);
}

struct walk {
	int		 n;
	struct core_deadline d[4];
};

static int
test_walk_one(void *arg, const struct core_deadline *d)
{
	struct walk *w = arg;

	if (w->n < 4)
		w->d[w->n] = *d;
	w->n++;
	return 0;
}

static void
test_walk(struct fixture *f, struct walk *w)
{
	struct store_txn *t;

	memset(w, 0, sizeof *w);
	assert_int_equal(store_read_begin(core_store(f->c), &t, NULL), 0);
	assert_int_equal(core_deadlines(t, test_walk_one, w), 0);
	store_read_end(t);
}

static void
test_deadlines(void **state)
{
	struct fixture *f = *state;
	struct issue *is = calloc(1, sizeof *is), *other = calloc(1,
	    sizeof *other);
	struct walk w;
	char *cause = NULL;
	unsigned y, n1, n2;

	strcpy(is->title, "公車路線資訊開放");
	is->lead = f->motc;
	is->source = SOURCE_JOIN;
	strcpy(is->join_no, "J-1");
	strcpy(is->passed, "2026-01-31");
	assert_int_equal(core_save1(f->c, ENTITY_ISSUE, is, &cause), 0);
	assert_int_equal(is->stage, CASE_PROPOSED);
	assert_int_equal(core_serial_parse(is->serial, &y, &n1), 0);
	strcpy(other->title, "另一案");
	other->lead = f->motc;
	assert_int_equal(core_save1(f->c, ENTITY_ISSUE, other, &cause), 0);
	assert_int_equal(core_serial_parse(other->serial, NULL, &n2), 0);
	assert_int_equal(n2, n1 + 1);	/* the next number of the year */

	test_walk(f, &w);
	assert_int_equal(w.n, 2);	/* the other case owes nothing */
	assert_int_equal(w.d[0].kind, DEADLINE_RESPONSE);
	assert_string_equal(w.d[0].due, "2026-03-31");
	assert_int_equal(w.d[0].agency, f->motc);
	assert_string_equal(w.d[0].done, "");
	assert_int_equal(w.d[1].kind, DEADLINE_CONTACT);
	assert_string_equal(w.d[1].due, "2026-02-07");

	/* An extension of more than two months is refused, naming why. */
	strcpy(is->extended_on, "2026-03-20");
	strcpy(is->extended_to, "2026-06-01");
	assert_int_not_equal(core_save1(f->c, ENTITY_ISSUE, is, &cause), 0);
	assert_non_null(strstr(cause, "at most two months"));
	free(cause);
	cause = NULL;
	strcpy(is->extended_to, "2026-05-31");
	assert_int_equal(core_save1(f->c, ENTITY_ISSUE, is, &cause), 0);
	strcpy(is->contacted, "2026-02-03");
	assert_int_equal(core_save1(f->c, ENTITY_ISSUE, is, &cause), 0);
	test_walk(f, &w);
	assert_string_equal(w.d[0].due, "2026-05-31");
	assert_int_equal(w.d[0].extended, 1);
	assert_string_equal(w.d[1].done, "2026-02-03");

	/* Closing a Join case needs its meeting and its public response. */
	is->stage = CASE_CLOSED;
	assert_int_not_equal(core_save1(f->c, ENTITY_ISSUE, is, &cause), 0);
	assert_non_null(strstr(cause, "close_meeting"));
	free(cause);
	free(is);
	free(other);
}

/* What closing still lacks, as faults on the fields a form marks. */
static void
test_closing(void **state)
{
	struct issue old, is;
	struct core_fault f[4];

	(void)state;
	memset(&old, 0, sizeof old);
	old.stage = CASE_RESPONSE;
	old.source = SOURCE_JOIN;
	is = old;
	/* Not being closed: nothing. */
	assert_int_equal(core_case_closing(&old, &is, f, 4), 0);
	is.stage = CASE_CLOSED;
	assert_int_equal(core_case_closing(&old, &is, f, 4), 2);
	assert_non_null(f[0].field);
	assert_string_equal(f[0].field->name, "close_meeting");
	assert_non_null(strstr(f[0].msg, "meeting that decided it"));
	assert_string_equal(f[1].field->name, "response");
	/* Room for one: the count says both, the first is filled. */
	assert_int_equal(core_case_closing(&old, &is, f, 1), 2);
	assert_int_equal(core_case_closing(NULL, &is, NULL, 0), 2);
	is.close_meeting = 12;
	strcpy(is.response, "https://join.gov.tw/reply/1");
	assert_int_equal(core_case_closing(&old, &is, f, 4), 0);
	/* A case closed already (one migrated without its meeting) is
	 * edited as it is. */
	old.stage = CASE_CLOSED;
	is.close_meeting = 0;
	assert_int_equal(core_case_closing(&old, &is, f, 4), 0);
	/* Another source needs no response. */
	old.stage = CASE_RESPONSE;
	old.source = is.source = SOURCE_OTHER;
	is.response[0] = '\0';
	assert_int_equal(core_case_closing(&old, &is, f, 4), 1);
	assert_string_equal(f[0].field->name, "close_meeting");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_serial),
		cmocka_unit_test(test_due),
		cmocka_unit_test(test_closing),
		cmocka_unit_test_setup_teardown(test_deadlines, test_setup,
		    test_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
