/*
 * test_util.c — dates, record numbers and UTF-8 cuts: the helpers whose
 * mistakes showed as a demo that failed on the last day of a month, ids
 * that wrapped around, and names cut in the middle of a character.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ogpo/util.h"

static void
test_util_add_days(void **state)
{
	char out[11];

	(void)state;
	/* The demo took "the day after" by bumping the last digit. */
	date_add_days("2026-05-31", 1, out);
	assert_string_equal(out, "2026-06-01");
	date_add_days("2025-12-31", 1, out);
	assert_string_equal(out, "2026-01-01");
	date_add_days("2024-02-28", 1, out);
	assert_string_equal(out, "2024-02-29");
	date_add_days("2025-02-28", 1, out);
	assert_string_equal(out, "2025-03-01");
	date_add_days("2026-03-01", -1, out);
	assert_string_equal(out, "2026-02-28");
	assert_true(date_valid(out));
}

static void
test_util_add_months(void **state)
{
	char out[11];

	(void)state;
	date_add_months("2026-03-31", -1, out);
	assert_string_equal(out, "2026-02-28");
	date_add_months("2026-11-27", -12, out);
	assert_string_equal(out, "2025-11-27");
	date_add_months("2026-11-15", 2, out);
	assert_string_equal(out, "2027-01-15");
}

static void
test_util_dates_valid(void **state)
{
	(void)state;
	assert_true(date_valid("2024-02-29"));
	assert_false(date_valid("2023-02-29"));
	assert_false(date_valid("2024-13-01"));
	assert_false(date_valid("2024-1-01"));
	assert_false(date_valid("2024-01-01x"));
}

static void
test_util_ids(void **state)
{
	uint32_t id = 7;

	(void)state;
	assert_int_equal(str_to_id("12", &id), 0);
	assert_int_equal(id, 12);
	assert_int_equal(str_to_id("#4294967295", &id), 0);
	assert_int_equal(id, 4294967295u);
	/* 2^32 + 1 once became id 1 and deleted the wrong meeting. */
	assert_int_equal(str_to_id("4294967297", &id), -1);
	assert_int_equal(str_to_id("-1", &id), -1);
	assert_int_equal(str_to_id("0", &id), -1);
	assert_int_equal(str_to_id("", &id), -1);
	assert_int_equal(str_to_id("12a", &id), -1);
	assert_int_equal(id, 4294967295u);
}

static void
test_util_utf8_cut(void **state)
{
	char s[16];

	(void)state;
	strcpy(s, "王小明");		/* 9 bytes */
	s[7] = '\0';			/* cut inside 明 */
	str_utf8_cut(s);
	assert_string_equal(s, "王小");
	strcpy(s, "王小明");
	str_utf8_cut(s);
	assert_string_equal(s, "王小明");
	strcpy(s, "ab\xe7");
	str_utf8_cut(s);
	assert_string_equal(s, "ab");
}

static void
test_util_lower_is_ascii(void **state)
{
	char out[32];

	(void)state;
	str_lower(out, "Wang@MOI.gov.TW", sizeof out);
	assert_string_equal(out, "wang@moi.gov.tw");
	str_lower(out, "\xc3\x84X", sizeof out);	/* Ä stays as it is */
	assert_string_equal(out, "\xc3\x84x");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_util_add_days),
		cmocka_unit_test(test_util_add_months),
		cmocka_unit_test(test_util_dates_valid),
		cmocka_unit_test(test_util_ids),
		cmocka_unit_test(test_util_utf8_cut),
		cmocka_unit_test(test_util_lower_is_ascii),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
