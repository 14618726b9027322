/*
 * test_text.c — what a person would see for hostile, Chinese and broken
 * text: widths, cuts, escapes, cursor movement in an input field, TSV.
 */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ogpo/text.h"

#define TEST_TEXT_CJK	"行政院國家發展委員會"

/* Fit s into cells (padded or not) and compare with the expected text. */
static void
test_text_fit_is(const char *s, size_t cells, int pad, const char *want,
    size_t want_cells)
{
	char	out[256];
	size_t	got;

	memset(out, 'X', sizeof out);
	got = text_fit(s, cells, pad, out, sizeof out);
	assert_string_equal(out, want);
	assert_int_equal(got, want_cells);
	assert_int_equal(text_width(out), want_cells);
}

/* Widths are what the terminal draws: CJK 2, marks 0, escapes as shown. */
static void
test_text_width(void **state)
{
	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("王小明"), 6);
	assert_int_equal(text_width("王小明 (MOI)"), 12);
	assert_int_equal(text_width(TEST_TEXT_CJK), 20);
	/* e + combining acute: one cell, the mark is kept */
	assert_int_equal(text_width("e\xcc\x81"), 1);
	/* escapes count as what is drawn */
	assert_int_equal(text_width("\x1b[31m"), 6);
	assert_int_equal(text_width("\xe2\x80\xae"), 8);
	assert_int_equal(text_width("\xff"), 4);
}

/* Nothing in a record can reach the terminal as a control. */
static void
test_text_escape(void **state)
{
	(void)state;
	test_text_fit_is("\x1b[31m", 20, 0, "^[[31m", 6);
	test_text_fit_is("a\tb\nc\x7f", 20, 0, "a^Ib^Jc^?", 9);
	test_text_fit_is("\xe2\x80\xae", 20, 0, "<U+202E>", 8);
	test_text_fit_is("x\xe2\x80\x8fy\xe2\x81\xa6z", 30, 0,
	    "x<U+200F>y<U+2066>z", 19);
	test_text_fit_is("\xc2\x85", 20, 0, "<U+0085>", 8);	/* C1 NEL */
	test_text_fit_is("\xc2\x9b" "2J", 20, 0, "<U+009B>2J", 10); /* CSI */
	test_text_fit_is("\xff", 20, 0, "\\xff", 4);
	/* a truncated sequence is two invalid bytes, the next char survives */
	test_text_fit_is("\xe7\x8e" "a", 20, 0, "\\xe7\\x8ea", 9);
	/* overlong "/" and an encoded surrogate are not characters */
	test_text_fit_is("\xc0\xaf", 20, 0, "\\xc0\\xaf", 8);
	test_text_fit_is("\xed\xa0\x80", 20, 0, "\\xed\\xa0\\x80", 12);
	test_text_fit_is("e\xcc\x81", 20, 0, "e\xcc\x81", 1);
	test_text_fit_is("王小明", 20, 0, "王小明", 6);
}

/* A cut never splits a CJK character and always shows the ellipsis. */
static void
test_text_cut_cjk(void **state)
{
	(void)state;
	test_text_fit_is(TEST_TEXT_CJK, 7, 0, "行政院…", 7);
	test_text_fit_is(TEST_TEXT_CJK, 7, 1, "行政院…", 7);
	test_text_fit_is(TEST_TEXT_CJK, 8, 0, "行政院…", 7);
	test_text_fit_is(TEST_TEXT_CJK, 8, 1, "行政院… ", 8);
	test_text_fit_is(TEST_TEXT_CJK, 20, 0, TEST_TEXT_CJK, 20);
	test_text_fit_is(TEST_TEXT_CJK, 19, 0,
	    "行政院國家發展委員…", 19);
	test_text_fit_is(TEST_TEXT_CJK, 1, 1, "…", 1);
	test_text_fit_is(TEST_TEXT_CJK, 0, 1, "", 0);
	test_text_fit_is("ab", 5, 1, "ab   ", 5);
	test_text_fit_is("abcdef", 4, 0, "abc…", 4);
	test_text_fit_is("王a", 3, 1, "王a", 3);
	test_text_fit_is("a王b", 3, 1, "a… ", 3);
}

/* An escape is one character for cutting: kept whole or dropped. */
static void
test_text_cut_escape(void **state)
{
	char	s[] = "ab\xe2\x80\xae" "cd";	/* ab<U+202E>cd: 12 cells */
	size_t	cells;

	(void)state;
	test_text_fit_is(s, 12, 0, "ab<U+202E>cd", 12);
	test_text_fit_is(s, 11, 0, "ab<U+202E>…", 11);
	/* every width that would land inside the escape drops all of it */
	for (cells = 3; cells <= 10; cells++)
		test_text_fit_is(s, cells, 0, "ab…", 3);
	test_text_fit_is(s, 10, 1, "ab…       ", 10);
	test_text_fit_is("\x1b[1m", 1, 0, "…", 1);
	test_text_fit_is("\x1b[1m", 2, 0, "…", 1);
	test_text_fit_is("\x1b[1m", 3, 0, "^[…", 3);
}

/* A small out only cuts earlier; it is never overrun, always terminated. */
static void
test_text_fit_small_buffer(void **state)
{
	char	buf[32];
	size_t	sz, got, i;

	(void)state;
	for (sz = 1; sz < sizeof buf; sz++) {
		memset(buf, 'X', sizeof buf);
		got = text_fit(TEST_TEXT_CJK, 20, 1, buf, sz);
		assert_true(strlen(buf) < sz);
		for (i = sz; i < sizeof buf; i++)
			assert_int_equal(buf[i], 'X');
		assert_int_equal(text_width(buf), got);
		assert_true(got <= 20);
	}
	got = text_fit(TEST_TEXT_CJK, 20, 0, buf, 8);
	/* 3 + 3 + NUL bytes; 政 does not fit */
	assert_string_equal(buf, "行…");
	assert_int_equal(got, 3);
	assert_int_equal(text_fit("abc", 3, 0, buf, 0), 0);
}

/* Left, Right and Backspace step over 王 as one character of 2 cells. */
static void
test_text_cursor(void **state)
{
	const char	*s = "a王b";	/* bytes: a 0, 王 1..3, b 4, end 5 */

	(void)state;
	assert_int_equal(text_col_of(s, 0), 0);
	assert_int_equal(text_col_of(s, 1), 1);
	assert_int_equal(text_col_of(s, 4), 3);
	assert_int_equal(text_col_of(s, 5), 4);

	assert_int_equal(text_next(s, 0), 1);
	assert_int_equal(text_next(s, 1), 4);
	assert_int_equal(text_next(s, 4), 5);
	assert_int_equal(text_next(s, 5), 5);

	assert_int_equal(text_prev(s, 5), 4);
	assert_int_equal(text_prev(s, 4), 1);
	assert_int_equal(text_prev(s, 1), 0);
	assert_int_equal(text_prev(s, 0), 0);

	assert_int_equal(text_off_at_col(s, 0), 0);
	assert_int_equal(text_off_at_col(s, 1), 1);
	assert_int_equal(text_off_at_col(s, 2), 4);	/* inside 王 */
	assert_int_equal(text_off_at_col(s, 3), 4);
	assert_int_equal(text_off_at_col(s, 4), 5);
	assert_int_equal(text_off_at_col(s, 9), 5);
}

/* A combining mark moves with its base; a tab is drawn as ^I (2 cells). */
static void
test_text_cursor_odd(void **state)
{
	const char	*s = "e\xcc\x81x\ty";	/* e 0, mark 1..2, x 3, tab 4 */

	(void)state;
	assert_int_equal(text_next(s, 0), 3);
	assert_int_equal(text_prev(s, 3), 0);
	assert_int_equal(text_col_of(s, 3), 1);
	assert_int_equal(text_col_of(s, 5), 4);
	assert_int_equal(text_col_of(s, 6), 5);
	assert_int_equal(text_next(s, 4), 5);
	assert_int_equal(text_prev("\xff" "a", 1), 0);
	assert_int_equal(text_next("\xff" "a", 0), 1);
	assert_int_equal(text_col_of("\xff" "a", 1), 4);
}

/* A TSV field can hold any text without breaking rows or columns. */
static void
test_text_tsv(void **state)
{
	char	buf[64];

	(void)state;
	assert_ptr_equal(text_tsv("a\tb\nc\rd\\e 王", buf, sizeof buf), buf);
	assert_string_equal(buf, "a\\tb\\nc\\rd\\\\e 王");
	assert_ptr_equal(text_tsv("", buf, sizeof buf), buf);
	assert_string_equal(buf, "");
	/* exactly 2 * strlen + 1 is enough */
	assert_ptr_equal(text_tsv("\t\t", buf, 5), buf);
	assert_string_equal(buf, "\\t\\t");
	assert_null(text_tsv("\t\t", buf, 4));
	assert_string_equal(buf, "\\t");
	assert_null(text_tsv("abc", buf, 3));
	assert_string_equal(buf, "ab");
}

/* Import rejects what the display would show as \xNN. */
static void
test_text_utf8_valid(void **state)
{
	(void)state;
	assert_true(text_utf8_valid("", 0));
	assert_true(text_utf8_valid("王小明", strlen("王小明")));
	assert_true(text_utf8_valid("\xf0\x9f\x98\x80", 4));
	assert_false(text_utf8_valid("王小明", strlen("王小明") - 1));
	assert_false(text_utf8_valid("\xff", 1));
	assert_false(text_utf8_valid("\xc0\xaf", 2));
	assert_false(text_utf8_valid("\xed\xa0\x80", 3));
	assert_false(text_utf8_valid("\xf4\x90\x80\x80", 4));
	assert_false(text_utf8_valid("\x80", 1));
	/* The eight-byte and the three-byte short ways. */
	assert_true(text_utf8_valid("abcdefgh王ijklmnop", 19));
	assert_false(text_utf8_valid("abcdefgh\x80ijklmnop", 17));
	assert_false(text_utf8_valid("abcdefg\xe0\x80\x80", 10));
	assert_false(text_utf8_valid("abcdefgh\xed\xbf\xbf", 11));
	assert_true(text_utf8_valid("abcdefgh\xee\x80\x80", 11));
	assert_false(text_utf8_valid("abcdefgh\xe7\x8e", 10));
}

/* The reference: text_decode one character at a time. */
static int
test_text_valid_slowly(const unsigned char *p, size_t len)
{
	uint32_t c;
	size_t off, n;

	for (off = 0; off < len; off += n)
		if ((n = text_decode(p + off, len - off, &c)) == 0)
			return 0;
	return 1;
}

/*
 * text_utf8_valid says what text_decode says, for every sequence of up
 * to three bytes of the interesting values, at every offset after ASCII
 * (so both the word-at-a-time and the byte-at-a-time ways are taken).
 */
static void
test_text_utf8_valid_all(void **state)
{
	static const unsigned char b[] = { 0x00, 0x41, 0x7f, 0x80, 0x8f,
		0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1,
		0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf4, 0xf5, 0xff };
	unsigned char buf[32];
	size_t nb = sizeof b, i, j, k, lead, len;

	(void)state;
	for (lead = 0; lead <= 9; lead++) {
		memset(buf, 'a', lead);
		for (i = 0; i < nb; i++)
			for (j = 0; j <= nb; j++)
				for (k = 0; k <= nb; k++) {
					len = lead;
					buf[len++] = b[i];
					if (j < nb)
						buf[len++] = b[j];
					if (j < nb && k < nb)
						buf[len++] = b[k];
					memcpy(buf + len, "\xe7\x8e\x8b", 3);
					assert_int_equal(text_utf8_valid(
					    (const char *)buf, len),
					    test_text_valid_slowly(buf, len));
					assert_int_equal(text_utf8_valid(
					    (const char *)buf, len + 3),
					    test_text_valid_slowly(buf,
					    len + 3));
				}
	}
}

/*
 * ambiguous_width = 2: East Asian Ambiguous characters count two cells,
 * as a terminal drawing them wide shows them; CJK stays two, ASCII one.
 * The punctuation of ogpo's own words (… → ← – —) is then drawn as two
 * ASCII characters, so curses, which counts it one cell, and the terminal
 * agree; a cut is marked "..".
 */
static void
test_text_ambiguous(void **state)
{
	char out[64];
	size_t w;

	(void)state;
	assert_int_equal(text_ambiguous(), 1);
	assert_int_equal(text_width("\u2500\u25cb\u203b\u201c\u201d\u2026"),
	    6);			/* ─ ○ ※ “ ” … */
	text_set_ambiguous(2);
	assert_int_equal(text_ambiguous(), 2);
	assert_int_equal(text_width("\u2500"), 2);
	assert_int_equal(text_width("\u2500\u25cb\u203b\u201c\u201d\u2026"),
	    12);
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("王小明"), 6);
	assert_true(text_is_ambiguous(0x2500));
	assert_true(text_is_ambiguous(0x00b7));	/* · */
	assert_false(text_is_ambiguous('a'));
	assert_false(text_is_ambiguous(0x738b));	/* 王: wide, not ambiguous */
	/* Cut to 5 cells: "abc" and a two-cell mark. */
	w = text_fit("abcdefgh", 5, 0, out, sizeof out);
	assert_int_equal(w, 5);
	assert_string_equal(out, "abc..");
	/* Padded: "王" (2) + ".." (2) + one space = 5, never 6. */
	w = text_fit("王小明", 5, 1, out, sizeof out);
	assert_int_equal(w, 5);
	assert_string_equal(out, "王.. ");
	assert_int_equal(text_width(out), 5);
	/* The words' own punctuation in ASCII, as wide as counted; other
	 * ambiguous characters (data: a name's ·) stay themselves. */
	w = text_fit("狀態 受邀 \u2192 出席\u2026", 40, 0, out, sizeof out);
	assert_string_equal(out, "狀態 受邀 -> 出席..");
	assert_int_equal(w, 19);
	assert_int_equal(text_width(out), 19);
	w = text_fit("瓦歷斯\u00b7諾幹", 40, 0, out, sizeof out);
	assert_string_equal(out, "瓦歷斯\u00b7諾幹");
	assert_int_equal(w, 12);
	/* A field of one cell has no room for the mark: cut plainly. */
	w = text_fit("abc", 1, 0, out, sizeof out);
	assert_int_equal(w, 1);
	assert_string_equal(out, "a");
	text_set_ambiguous(1);
	assert_int_equal(text_width("\u2500"), 1);
	w = text_fit("abcdefgh", 5, 0, out, sizeof out);
	assert_string_equal(out, "abcd\u2026");
}

/* The tests need a UTF-8 locale for wcwidth(), as the program does. */
/*
 * A file name in Big5 (名冊 is A6 57 A5 55) or cut in a character is
 * stored as valid UTF-8, its bad bytes as the display shows them.
 */
static void
test_text_utf8_clean(void **state)
{
	char	buf[32];

	(void)state;
	assert_int_equal(text_utf8_clean("/tmp/王.csv", buf, sizeof buf), 0);
	assert_string_equal(buf, "/tmp/王.csv");
	assert_int_equal(text_utf8_clean("/tmp/\xa6W\xa5U.csv", buf,
	    sizeof buf), 0);
	assert_string_equal(buf, "/tmp/\\xa6W\\xa5U.csv");
	assert_true(text_utf8_valid(buf, strlen(buf)));
	/* Nothing that drives a terminal is kept: ESC, DEL, a C1 control
	 * and a bidi override are written as the display shows them. */
	assert_int_equal(text_utf8_clean("a\033b\x7f", buf, sizeof buf), 0);
	assert_string_equal(buf, "a^[b^?");
	assert_int_equal(text_utf8_clean("\xc2\x9b\xe2\x80\xae", buf,
	    sizeof buf), 0);
	assert_string_equal(buf, "<U+009B><U+202E>");
	assert_int_equal(text_utf8_clean("a\033", buf, 3), -1);
	assert_string_equal(buf, "a");
	/* A cut falls between characters and between escapes. */
	assert_int_equal(text_utf8_clean("ab王", buf, 5), -1);
	assert_string_equal(buf, "ab");
	assert_int_equal(text_utf8_clean("ab王", buf, 6), 0);
	assert_int_equal(text_utf8_clean("a\xff", buf, 5), -1);
	assert_string_equal(buf, "a");
	assert_int_equal(text_utf8_clean("a\xff", buf, 6), 0);
	assert_string_equal(buf, "a\\xff");
	assert_int_equal(text_utf8_clean("abc", buf, 1), -1);
	assert_string_equal(buf, "");
}

/*
 * text_safe is the whole display form in one walk: for any text, what
 * text_fit writes when given the text's own width, with that width; into
 * a smaller room, whole characters up to where it ends, and the length
 * it needed all the same.
 */
static void
test_text_safe(void **state)
{
	static const char *pieces[] = { "a", "王", "e\xcc\x81", "\xcc\x81",
	    "\x1b[31m", "\t", "\x7f", "\xc2\x9b", "\xe2\x80\xae", "\xff",
	    "\xe7\x8e", " ", "…", "\xe2\x80\x8b", "Ω" };
	char s[256], fit[2048], out[2048], small[12];
	uint32_t seed = 1;
	size_t i, k, len, cells, w;

	(void)state;
	for (i = 0; i < 2000; i++) {
		s[0] = '\0';
		for (k = 0; k < i % 24; k++) {
			seed = seed * 1103515245u + 12345u;
			strcat(s, pieces[(seed >> 8) % (sizeof pieces /
			    sizeof *pieces)]);
		}
		w = text_width(s);
		text_fit(s, w, 0, fit, sizeof fit);
		len = text_safe(s, out, sizeof out, &cells);
		assert_string_equal(out, fit);
		assert_int_equal(len, strlen(fit));
		assert_int_equal(cells, w);
		memset(small, 'X', sizeof small);
		assert_int_equal(text_safe(s, small, sizeof small, &cells),
		    len);
		assert_true(strlen(small) < sizeof small);
		assert_memory_equal(small, fit, strlen(small));
		if (len < sizeof small)
			assert_string_equal(small, fit);
	}
	assert_int_equal(text_safe("abc", out, 0, &cells), 3);
	assert_int_equal(cells, 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_width),
		cmocka_unit_test(test_text_escape),
		cmocka_unit_test(test_text_cut_cjk),
		cmocka_unit_test(test_text_cut_escape),
		cmocka_unit_test(test_text_fit_small_buffer),
		cmocka_unit_test(test_text_cursor),
		cmocka_unit_test(test_text_cursor_odd),
		cmocka_unit_test(test_text_tsv),
		cmocka_unit_test(test_text_utf8_valid),
		cmocka_unit_test(test_text_utf8_valid_all),
		cmocka_unit_test(test_text_ambiguous),
		cmocka_unit_test(test_text_utf8_clean),
		cmocka_unit_test(test_text_safe),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
