/*
 * test_util.c — dates, record numbers and UTF-8 cuts: the helpers whose
 * mistakes showed as a demo that failed on the last day of a month, ids
 * that wrapped around, and names cut in the middle of a character.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "ogpo/collate.h"
#include "ogpo/i18n.h"
#include "ogpo/util.h"

/* Text added to the end: from nothing, then onto what is there. */
static void
test_util_appendf(void **state)
{
	char *s = NULL;

	(void)state;
	xappendf(&s, "%s", "");
	assert_string_equal(s, "");
	xappendf(&s, "%s (#%u)", "王小明", 12u);
	xappendf(&s, "、%s", "李大華");
	assert_string_equal(s, "王小明 (#12)、李大華");
	free(s);
}

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

/* A Join proposal's two months, counted from the day after it passed. */
static void
test_util_period_end(void **state)
{
	char out[11];

	(void)state;
	date_period_end("2026-08-15", 2, out);
	assert_string_equal(out, "2026-10-15");
	date_period_end("2027-01-31", 2, out);
	assert_string_equal(out, "2027-03-31");
	date_period_end("2026-12-30", 2, out);
	assert_string_equal(out, "2027-02-28");
	/* From a month's last day: whole months, to a month's last day. */
	date_period_end("2026-11-30", 2, out);
	assert_string_equal(out, "2027-01-31");
	date_period_end("2027-02-28", 2, out);
	assert_string_equal(out, "2027-04-30");
	date_period_end("2027-12-31", 2, out);
	assert_string_equal(out, "2028-02-29");
	date_period_end("2028-02-29", 2, out);
	assert_string_equal(out, "2028-04-30");
}

/*
 * The same against every month's end and the days before it, in years
 * leap and not, those of a century included, typed as ROC dates as an
 * office writes them: passed, then the response's due day.
 */
static void
test_util_period_end_table(void **state)
{
	static const struct {
		const char	*passed, *due;
	} t[] = {
		{ "114/12/28", "2026-02-28" },	/* day 29 lacking: Feb's end */
		{ "114/12/29", "2026-02-28" },
		{ "114/12/30", "2026-02-28" },
		{ "114/12/31", "2026-02-28" },
		{ "116/12/28", "2028-02-28" },	/* 2028 leap: 2/29 is there */
		{ "116/12/29", "2028-02-29" },	/* day 30 lacking */
		{ "116/12/31", "2028-02-29" },
		{ "117/02/28", "2028-04-28" },	/* not Feb's last in 2028 */
		{ "117/02/29", "2028-04-30" },
		{ "115/02/28", "2026-04-30" },	/* Feb's last in 2026 */
		{ "115/04/30", "2026-06-30" },	/* 30 days, on to 30 */
		{ "115/05/31", "2026-07-31" },
		{ "115/07/31", "2026-09-30" },	/* 31 days, on to 30 */
		{ "115/06/30", "2026-08-31" },	/* 30 days, on to 31 */
		{ "115/06/29", "2026-08-29" },
		{ "115/11/30", "2027-01-31" },	/* across the year */
		{ "188/12/30", "2100-02-28" },	/* 2100 is not leap */
		{ "488/12/31", "2400-02-29" },	/* 2400 is */
	};
	char iso[11], out[11];
	const char *why;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		assert_int_equal(date_parse(t[i].passed, iso, &why), 0);
		date_period_end(iso, 2, out);
		if (strcmp(out, t[i].due) != 0)
			fail_msg("passed %s (%s): due %s, not %s", t[i].passed,
			    iso, out, t[i].due);
	}
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

/*
 * Dates as people in Taiwan type them: ISO, slashed, the ROC forms with
 * and without 民國 and 年月日; all stored as ISO. Impossible dates and
 * stray text are refused with a reason.
 */
static void
test_util_date_parse(void **state)
{
	const char *why = NULL;
	char iso[11];

	(void)state;
	assert_int_equal(date_parse("113/05/08", iso, &why), 0);
	assert_string_equal(iso, "2024-05-08");
	assert_int_equal(date_parse("民國113年5月8日", iso, &why), 0);
	assert_string_equal(iso, "2024-05-08");
	assert_int_equal(date_parse("113年5月8日", iso, &why), 0);
	assert_string_equal(iso, "2024-05-08");
	assert_int_equal(date_parse("2024-05-08", iso, &why), 0);
	assert_string_equal(iso, "2024-05-08");
	assert_int_equal(date_parse("2024/5/8", iso, &why), 0);
	assert_string_equal(iso, "2024-05-08");
	assert_int_equal(date_parse("", iso, &why), 0);
	assert_string_equal(iso, "");
	assert_int_equal(date_parse("113/02/30", iso, &why), -1);
	assert_non_null(why);
	why = NULL;
	assert_int_equal(date_parse("next week", iso, &why), -1);
	assert_non_null(why);
	/* Compact, as typed into a sheet (and kept by a General cell as
	 * the number 20240508 or 1130508): yyyymmdd, and ROC yyymmdd. */
	assert_int_equal(date_parse("20240508", iso, &why), 0);
	assert_string_equal(iso, "2024-05-08");
	assert_int_equal(date_parse("1130508", iso, &why), 0);
	assert_string_equal(iso, "2024-05-08");
	assert_int_equal(date_parse(" 1150301 ", iso, &why), 0);
	assert_string_equal(iso, "2026-03-01");
	assert_int_equal(date_parse("民國1130508", iso, &why), 0);
	assert_string_equal(iso, "2024-05-08");
	/* Not a calendar day, a phone number, or six digits that could be
	 * 2024 or 民國99: refused, naming the forms that read. */
	assert_int_equal(date_parse("1131332", iso, &why), -1);
	assert_string_equal(why, "is not a real calendar date");
	assert_string_equal(iso, "");
	assert_int_equal(date_parse("22345678", iso, &why), -1);
	assert_string_equal(iso, "");
	assert_int_equal(date_parse("0912345678", iso, &why), -1);
	assert_int_equal(date_parse("240508", iso, &why), -1);
	assert_string_equal(why, "is not a date: write 2024-05-08, 2024/5/8, "
	    "20240508 or the ROC form 113/05/08 (民國113年5月8日, 1130508)");
	assert_int_equal(date_parse("18991231", iso, &why), -1);
	assert_string_equal(iso, "");
	/* A real date, but of no year kept: said so, not "not real". */
	assert_int_equal(date_parse("1797/03/01", iso, &why), -1);
	assert_string_equal(why, "is outside the years 1900 to 2999 that ogpo "
	    "keeps; write it as 2024-05-08 or the ROC form 113/05/08");
	assert_string_equal(iso, "");
}

/*
 * A time as people type it into a form: HH:MM, four digits, am/pm,
 * 上午/下午/中午 with 點, 時, 分 and 半, full-width digits and colon; all
 * stored as HH:MM. What does not read is refused with a reason.
 */
static void
test_util_time_parse(void **state)
{
	static const struct { const char *in, *out; } good[] = {
		{ "14:30", "14:30" }, { "9:05", "09:05" }, { "1430", "14:30" },
		{ "930", "09:30" }, { "14", "14:00" }, { "2:30 pm", "14:30" },
		{ "12 am", "00:00" }, { "12pm", "12:00" },
		{ "下午2點", "14:00" }, { "下午2點半", "14:30" },
		{ "下午２點半", "14:30" }, { "上午9時15分", "09:15" },
		{ "中午12點", "12:00" }, { "中午1點", "13:00" },
		{ "晚上7:30", "19:30" }, { "下午14:00", "14:00" },
		{ "１４：３０", "14:30" }, { " 14:30 ", "14:30" }, { "", "" },
	};
	static const char *const bad[] = { "兩點", "25:00", "14:60",
		"上午13點", "14:30:00", "noon", "2 點 pm", "12345" };
	const char *why;
	char hhmm[8];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		why = NULL;
		assert_int_equal(time_parse(good[i].in, hhmm, &why), 0);
		assert_string_equal(hhmm, good[i].out);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		why = NULL;
		assert_int_equal(time_parse(bad[i], hhmm, &why), -1);
		assert_non_null(why);
	}
}

/* date_style = roc shows 民國 years; ISO stays ISO; non-dates unchanged. */
static void
test_util_date_show(void **state)
{
	char out[16];

	(void)state;
	i18n_set_date_style(I18N_DATE_ISO);
	assert_string_equal(date_show("2024-05-08", out, sizeof out),
	    "2024-05-08");
	i18n_set_date_style(I18N_DATE_ROC);
	assert_string_equal(date_show("2024-05-08", out, sizeof out),
	    "113/05/08");
	assert_string_equal(date_show("1912-01-01", out, sizeof out),
	    "1/01/01");
	assert_string_equal(date_show("1911-12-31", out, sizeof out),
	    "1911-12-31");
	assert_string_equal(date_show("", out, sizeof out), "");
	assert_string_equal(date_show("soon", out, sizeof out), "soon");
	i18n_set_date_style(I18N_DATE_ISO);
}

/* A change's time follows date_style as dates do: 115/12/07 09:30. */
static void
test_util_time_show(void **state)
{
	struct tm tm = { .tm_year = 126, .tm_mon = 11, .tm_mday = 7,
		.tm_hour = 9, .tm_min = 30, .tm_isdst = -1 };
	int64_t t = (int64_t)mktime(&tm);
	char out[32];

	(void)state;
	i18n_set_date_style(I18N_DATE_ISO);
	time_show(t, out, sizeof out);
	assert_string_equal(out, "2026-12-07 09:30");
	i18n_set_date_style(I18N_DATE_ROC);
	time_show(t, out, sizeof out);
	assert_string_equal(out, "115/12/07 09:30");
	time_format(t, out, sizeof out);	/* files keep ISO */
	assert_string_equal(out, "2026-12-07 09:30");
	i18n_set_date_style(I18N_DATE_ISO);
}

/* Stroke counts as Taiwan counts them (艹 4, 阝 3, 辶 4). */
static void
test_util_strokes(void **state)
{
	(void)state;
	assert_int_equal(collate_strokes(0x4e01), 2);	/* 丁 */
	assert_int_equal(collate_strokes(0x738b), 4);	/* 王 */
	assert_int_equal(collate_strokes(0x6c5f), 6);	/* 江 */
	assert_int_equal(collate_strokes(0x6797), 8);	/* 林 */
	assert_int_equal(collate_strokes(0x9673), 11);	/* 陳 */
	assert_int_equal(collate_strokes(0x9ec3), 12);	/* 黃 */
	assert_int_equal(collate_strokes(0x8521), 15);	/* 蔡 */
	assert_int_equal(collate_strokes(0x9023), 11);	/* 連 */
	assert_int_equal(collate_strokes(0x912d), 15);	/* 鄭 */
	assert_int_equal(collate_strokes(0x8303), 9);	/* 范 (Unihan: 8 9) */
	assert_int_equal(collate_strokes('a'), 0);
}

static int
test_util_key_cmp(const void *a, const void *b)
{
	uint8_t ka[256], kb[256];
	size_t la = collate_stroke_key(*(const char *const *)a, ka, sizeof ka);
	size_t lb = collate_stroke_key(*(const char *const *)b, kb, sizeof kb);
	int d = memcmp(ka, kb, la < lb ? la : lb);

	return d != 0 ? d : (la > lb) - (la < lb);
}

/*
 * A list of names in stroke order: first character's count, the same
 * character together, then the second character; Latin names last.
 */
static void
test_util_stroke_order(void **state)
{
	const char *names[] = { "Alice Wang", "蔡英文", "陳丁", "黃大", "王五",
		"陳一", "林三", "丁四", "江六", "陳水扁", "王" };
	const char *want[] = { "丁四", "王", "王五", "江六", "林三", "陳一",
		"陳丁", "陳水扁", "黃大", "蔡英文", "Alice Wang" };
	uint8_t key[8];
	size_t i;

	(void)state;
	qsort(names, sizeof names / sizeof names[0], sizeof names[0],
	    test_util_key_cmp);
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		assert_string_equal(names[i], want[i]);
	/* A short buffer cuts on a character, never inside one. */
	assert_int_equal(collate_stroke_key("王小明", key, sizeof key), 8);
	assert_int_equal(collate_stroke_key("王小明", key, 7), 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_util_appendf),
		cmocka_unit_test(test_util_add_days),
		cmocka_unit_test(test_util_add_months),
		cmocka_unit_test(test_util_period_end),
		cmocka_unit_test(test_util_period_end_table),
		cmocka_unit_test(test_util_dates_valid),
		cmocka_unit_test(test_util_ids),
		cmocka_unit_test(test_util_utf8_cut),
		cmocka_unit_test(test_util_lower_is_ascii),
		cmocka_unit_test(test_util_date_parse),
		cmocka_unit_test(test_util_time_parse),
		cmocka_unit_test(test_util_date_show),
		cmocka_unit_test(test_util_time_show),
		cmocka_unit_test(test_util_strokes),
		cmocka_unit_test(test_util_stroke_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
