/*
 * test_csv.c — what the CSV layer makes of files as offices send them
 * (UTF-8 with and without a BOM, Big5 with its 0x5C trail bytes, UTF-16
 * from Excel's "Unicode text"; comma, tab, semicolon; CRLF) and of broken
 * ones, and the exact bytes it writes back. Every fixture is built here,
 * Big5 and UTF-16 through iconv(3), so nothing binary is committed.
 */
#include <errno.h>
#include <iconv.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "ogpo/csv.h"
#include "ogpo/table.h"

/* Assert that haystack holds needle, showing both when it does not. */
#define assert_contains(haystack, needle) do {				\
	const char *h_ = (haystack), *n_ = (needle);			\
	if (h_ == NULL || strstr(h_, n_) == NULL)			\
		fail_msg("\"%s\" does not contain \"%s\"",		\
		    h_ ? h_ : "(null)", n_);				\
} while (0)

/* s (len bytes) converted from UTF-8 to the iconv encoding to. */
static char *
test_csv_iconv(const char *to, const char *s, size_t len, size_t *outlen)
{
	iconv_t	 cd = iconv_open(to, "UTF-8");
	char	*out = malloc(4 * len + 4), *in = (char *)s, *o = out;
	size_t	 inleft = len, oleft = 4 * len + 4;

	assert_true(cd != (iconv_t)-1);
	assert_non_null(out);
	assert_true(iconv(cd, &in, &inleft, &o, &oleft) != (size_t)-1);
	assert_int_equal(inleft, 0);
	iconv_close(cd);
	*outlen = (size_t)(o - out);
	return out;
}

/* 1 if the len bytes at h hold the nlen bytes at n. */
static int
test_csv_has(const char *h, size_t len, const char *n, size_t nlen)
{
	size_t	i;

	for (i = 0; i + nlen <= len; i++)
		if (memcmp(h + i, n, nlen) == 0)
			return 1;
	return 0;
}

/* a (alen bytes) followed by b (blen bytes), in a new buffer. */
static char *
test_csv_cat(const char *a, size_t alen, const char *b, size_t blen,
    size_t *len)
{
	char	*s = malloc(alen + blen + 1);

	assert_non_null(s);
	memcpy(s, a, alen);
	memcpy(s + alen, b, blen);
	s[alen + blen] = '\0';
	*len = alen + blen;
	return s;
}

/* The next row from r, or through a when it reads ahead. */
static int
test_csv_next(struct csv_reader *r, struct table_ahead *a,
    const struct table_row **row, char **cause)
{
	if (a != NULL)
		return table_ahead_next(a, row, cause);
	return csv_reader_next(r, row, cause);
}

/*
 * Write what the reader returns as "line:field|field\n"; an error ends
 * it. With ahead, through csv_ahead in batches of that many rows.
 */
static void
test_csv_dump_rows(struct csv_reader *r, struct table_reader *tr,
    size_t ahead, FILE *m)
{
	struct table_ahead	*a = ahead ? table_ahead_start(tr, ahead) : NULL;
	const struct table_row	*row;
	char			*cause = NULL;
	const char		*p;
	size_t			 i;
	int			 rc;

	while ((rc = test_csv_next(r, a, &row, &cause)) == 1) {
		assert_true(row->nfields >= 1);
		fprintf(m, "%zu:", row->line);
		for (i = 0; i < row->nfields; i++) {
			if (i > 0)
				fputc('|', m);
			for (p = row->fields[i]; *p != '\0'; p++) {
				if (*p == '\n')
					fputs("\\n", m);
				else if (*p == '\r')
					fputs("\\r", m);
				else
					fputc(*p, m);
			}
		}
		fputc('\n', m);
	}
	if (rc < 0) {
		assert_non_null(cause);
		fprintf(m, "!%s", cause);
		free(cause);
		/* The error sticks. */
		cause = NULL;
		assert_int_equal(test_csv_next(r, a, &row, &cause), -1);
		assert_non_null(cause);
		free(cause);
	} else {
		assert_null(cause);
		assert_int_equal(test_csv_next(r, a, &row, &cause), 0);
	}
	table_ahead_stop(a);
}

/* test_csv_dump, read directly (ahead 0) or ahead in batches of rows. */
static char *
test_csv_dump_by(const void *data, size_t len, const struct csv_options *opt,
    size_t ahead)
{
	struct csv_reader	*r = NULL;
	struct table_reader	*tr = NULL;
	struct table_options	 to;
	char			*cause = NULL, *out = NULL;
	size_t			 outlen;
	FILE			*m = open_memstream(&out, &outlen);
	int			 rc;

	assert_non_null(m);
	/* Reading ahead is done through the table layer, as imports do. */
	memset(&to, 0, sizeof to);
	if (opt != NULL)
		to.csv = *opt;
	if (ahead) {
		rc = table_reader_open_mem(&tr, "t.csv", data, len, &to,
		    &cause);
		r = tr != NULL ? table_reader_csv(tr) : NULL;
	} else
		rc = csv_reader_open_mem(&r, "t.csv", data, len, opt, &cause);
	if (rc != 0) {
		assert_null(r);
		fprintf(m, "!%s", cause);
		free(cause);
	} else {
		test_csv_dump_rows(r, tr, ahead, m);
		if (tr != NULL)
			table_reader_close(tr);
		else
			csv_reader_close(r);
	}
	fclose(m);
	return out;
}

/*
 * Everything read from len bytes at data, as test_csv_dump_rows writes.
 * Read ahead in a thread, a row, two rows or many at a time, it must
 * come out the same: rows, lines, the end or the error.
 */
static char *
test_csv_dump(const void *data, size_t len, const struct csv_options *opt)
{
	static const size_t batches[] = { 1, 2, 512 };
	char *out = test_csv_dump_by(data, len, opt, 0), *ahead;
	size_t i;

	for (i = 0; i < sizeof batches / sizeof batches[0]; i++) {
		ahead = test_csv_dump_by(data, len, opt, batches[i]);
		if (strcmp(ahead, out) != 0)
			fail_msg("read ahead %zu rows at a time:\n%s\nnot as "
			    "read directly:\n%s", batches[i], ahead, out);
		free(ahead);
	}
	return out;
}

/* Assert that reading s (a C string) with opt gives want. */
static void
test_csv_reads(const char *s, const struct csv_options *opt,
    const char *want)
{
	char	*got = test_csv_dump(s, strlen(s), opt);

	assert_string_equal(got, want);
	free(got);
}

/* Open s (len bytes) for the tests that look at what was detected. */
static struct csv_reader *
test_csv_open(const void *s, size_t len, const struct csv_options *opt)
{
	struct csv_reader	*r = NULL;
	char			*cause = NULL;

	assert_int_equal(csv_reader_open_mem(&r, "t.csv", s, len, opt,
	    &cause), 0);
	assert_null(cause);
	assert_non_null(r);
	return r;
}

/* Plain UTF-8 with LF: rows, lines, and what was detected. */
static void
test_csv_utf8(void **state)
{
	const char		*s = "姓名,電子郵件,電話\n"
				     "王小明,wang@moi.gov.tw,02-2345-6789\n"
				     "李大華,lee@ndc.gov.tw,\n";
	struct csv_reader	*r;

	(void)state;
	test_csv_reads(s, NULL, "1:姓名|電子郵件|電話\n"
	    "2:王小明|wang@moi.gov.tw|02-2345-6789\n"
	    "3:李大華|lee@ndc.gov.tw|\n");
	r = test_csv_open(s, strlen(s), NULL);
	assert_string_equal(csv_reader_encoding(r), "utf-8");
	assert_int_equal(csv_reader_delimiter(r), ',');
	assert_int_equal(csv_reader_bom(r), 0);
	assert_int_equal(csv_reader_crlf(r), 0);
	assert_int_equal(csv_reader_bytes_total(r), strlen(s));
	csv_reader_close(r);
	/* Spaces are kept: the importer decides what to trim. */
	test_csv_reads(" a , b \n", NULL, "1: a | b \n");
}

/* Excel's "CSV UTF-8": a BOM that is no part of the first field, CRLF. */
static void
test_csv_utf8_bom_crlf(void **state)
{
	const char		*s = "\xef\xbb\xbf姓名,職稱\r\n王小明,科長\r\n";
	struct csv_reader	*r;

	(void)state;
	test_csv_reads(s, NULL, "1:姓名|職稱\n2:王小明|科長\n");
	r = test_csv_open(s, strlen(s), NULL);
	assert_string_equal(csv_reader_encoding(r), "utf-8");
	assert_int_equal(csv_reader_bom(r), 1);
	assert_int_equal(csv_reader_crlf(r), 1);
	csv_reader_close(r);
	/* A BOM alone is an empty file. */
	test_csv_reads("\xef\xbb\xbf", NULL, "");
	/* Told it is UTF-8, the BOM still goes. */
	test_csv_reads(s, &(struct csv_options){ .encoding = "utf-8" },
	    "1:姓名|職稱\n2:王小明|科長\n");
}

#define TEST_CSV_BIG5_UTF8						\
	"姓名,機關,備註\r\n"						\
	"許功蓋,\"裏長, 辦公處\",C:\\tmp\r\n"				\
	"\"餐\"\"廳\",許,\"多\r\n行\"\r\n"

#define TEST_CSV_BIG5_ROWS						\
	"1:姓名|機關|備註\n"						\
	"2:許功蓋|裏長, 辦公處|C:\\tmp\n"				\
	"3:餐\"廳|許|多\\r\\n行\n"

/* Big5 from Traditional Chinese Excel, whose trail bytes may be '\'. */
static void
test_csv_big5(void **state)
{
	struct csv_reader	*r;
	char			*b5, *got;
	size_t			 len;

	(void)state;
	b5 = test_csv_iconv("CP950", TEST_CSV_BIG5_UTF8,
	    strlen(TEST_CSV_BIG5_UTF8), &len);
	/* 許 is B3 5C and 功 A5 5C: the fixture holds what it should. */
	assert_true(test_csv_has(b5, len, "\xb3\x5c\xa5\x5c", 4));
	/* ... and one right before a delimiter. */
	assert_true(test_csv_has(b5, len, ",\xb3\x5c,", 4));
	got = test_csv_dump(b5, len, NULL);
	assert_string_equal(got, TEST_CSV_BIG5_ROWS);
	free(got);
	r = test_csv_open(b5, len, NULL);
	assert_string_equal(csv_reader_encoding(r), "big5");
	assert_int_equal(csv_reader_bom(r), 0);
	assert_int_equal(csv_reader_crlf(r), 1);
	csv_reader_close(r);
	/* Given as "big5" it reads the same. */
	got = test_csv_dump(b5, len, &(struct csv_options){
	    .encoding = "big5" });
	assert_string_equal(got, TEST_CSV_BIG5_ROWS);
	free(got);
	free(b5);
}

/* Excel's "Unicode text": UTF-16LE with a BOM, tab-separated, CRLF. */
static void
test_csv_utf16(void **state)
{
	const char		*s = "姓名\t電子郵件\r\n"
				     "王小明\twang@moi.gov.tw\r\n"
				     "\"a\tb\"\t𠀋\r\n";
	const char		*want = "1:姓名|電子郵件\n"
				     "2:王小明|wang@moi.gov.tw\n3:a\tb|𠀋\n";
	struct csv_reader	*r;
	char			*u16, *file, *got;
	size_t			 len, flen;

	(void)state;
	u16 = test_csv_iconv("UTF-16LE", s, strlen(s), &len);
	file = test_csv_cat("\xff\xfe", 2, u16, len, &flen);
	got = test_csv_dump(file, flen, NULL);
	assert_string_equal(got, want);
	free(got);
	r = test_csv_open(file, flen, NULL);
	assert_string_equal(csv_reader_encoding(r), "utf-16le");
	assert_int_equal(csv_reader_delimiter(r), '\t');
	assert_int_equal(csv_reader_bom(r), 1);
	assert_int_equal(csv_reader_crlf(r), 1);
	csv_reader_close(r);
	free(file);
	free(u16);

	u16 = test_csv_iconv("UTF-16BE", s, strlen(s), &len);
	file = test_csv_cat("\xfe\xff", 2, u16, len, &flen);
	r = test_csv_open(file, flen, NULL);
	assert_string_equal(csv_reader_encoding(r), "utf-16be");
	csv_reader_close(r);
	got = test_csv_dump(file, flen, NULL);
	assert_string_equal(got, want);
	free(got);
	free(file);

	/* Without a BOM, "utf-16" means little-endian. */
	free(u16);
	u16 = test_csv_iconv("UTF-16LE", s, strlen(s), &len);
	got = test_csv_dump(u16, len, &(struct csv_options){
	    .encoding = "utf-16" });
	assert_string_equal(got, want);
	free(got);
	free(u16);
}

#define TEST_CSV_QUOTED							\
	"id,name,note\n"						\
	"1,\"Wang, Xiao-ming\",\"He said \"\"hi\"\"\"\n"		\
	"2,Lee,\"line one\nline two\"\n"				\
	"3,Chen,plain\n"						\
	"\"multi\nline first\",x,y\n"					\
	"4,last,\"\"\n"							\
	"5,end,no newline"

#define TEST_CSV_QUOTED_ROWS						\
	"1:id|name|note\n"						\
	"2:1|Wang, Xiao-ming|He said \"hi\"\n"				\
	"3:2|Lee|line one\\nline two\n"					\
	"5:3|Chen|plain\n"						\
	"6:multi\\nline first|x|y\n"					\
	"8:4|last|\n"							\
	"9:5|end|no newline\n"

/* Quoted delimiters, doubled quotes, line breaks; lines after them. */
static void
test_csv_quoting(void **state)
{
	char	 crlf[512], *d;
	const char *s;

	(void)state;
	test_csv_reads(TEST_CSV_QUOTED, NULL, TEST_CSV_QUOTED_ROWS);

	/* The same with CRLF, quoted line breaks included. */
	for (s = TEST_CSV_QUOTED, d = crlf; *s != '\0'; s++) {
		if (*s == '\n')
			*d++ = '\r';
		*d++ = *s;
	}
	*d = '\0';
	test_csv_reads(crlf, NULL, "1:id|name|note\n"
	    "2:1|Wang, Xiao-ming|He said \"hi\"\n"
	    "3:2|Lee|line one\\r\\nline two\n"
	    "5:3|Chen|plain\n"
	    "6:multi\\r\\nline first|x|y\n"
	    "8:4|last|\n"
	    "9:5|end|no newline\n");
	/* A lone CR ends a line as well (old Mac files). */
	test_csv_reads("a,b\r1,2\r3,4", NULL, "1:a|b\n2:1|2\n3:3|4\n");
}

/* Tab and semicolon files are recognised by their header line. */
static void
test_csv_sniff(void **state)
{
	struct csv_reader	*r;
	const char		*s;

	(void)state;
	test_csv_reads("姓名\t機關\t電話\n王\t內政部\t1,2\n", NULL,
	    "1:姓名|機關|電話\n2:王|內政部|1,2\n");
	test_csv_reads("姓名;機關;電話\r\n王;內政部;1,5\r\n", NULL,
	    "1:姓名|機關|電話\n2:王|內政部|1,5\n");
	s = "a;b,c\n1;2,3\n";			/* a tie: comma */
	r = test_csv_open(s, strlen(s), NULL);
	assert_int_equal(csv_reader_delimiter(r), ',');
	csv_reader_close(r);
	s = "\"x;y;z\",b\n";			/* quoted ones do not count */
	r = test_csv_open(s, strlen(s), NULL);
	assert_int_equal(csv_reader_delimiter(r), ',');
	csv_reader_close(r);
	s = "name\n王\n";			/* none at all: comma */
	r = test_csv_open(s, strlen(s), NULL);
	assert_int_equal(csv_reader_delimiter(r), ',');
	csv_reader_close(r);
	s = "\n\r\na;b\n1;2\n";			/* blank lines before it */
	r = test_csv_open(s, strlen(s), NULL);
	assert_int_equal(csv_reader_delimiter(r), ';');
	csv_reader_close(r);
	test_csv_reads(s, NULL, "3:a|b\n4:1|2\n");
	/* Given, the delimiter wins over the sniff. */
	test_csv_reads("a,b;c\n", &(struct csv_options){ .delimiter = ';' },
	    "1:a,b|c\n");
	test_csv_reads("a,b\n", &(struct csv_options){ .delimiter = 'x' },
	    "!t.csv: the delimiter must be a comma, a tab, a semicolon "
	    "or |");
}

/* Empty files, a header alone, blank lines and a last line unended. */
static void
test_csv_empty(void **state)
{
	struct csv_reader	*r;
	const struct table_row	*row;
	char			*cause = NULL;

	(void)state;
	r = test_csv_open("", 0, NULL);
	assert_int_equal(csv_reader_next(r, &row, &cause), 0);
	assert_null(row);
	assert_int_equal(csv_reader_next(r, &row, &cause), 0);
	assert_null(cause);
	assert_string_equal(csv_reader_encoding(r), "utf-8");
	assert_int_equal(csv_reader_delimiter(r), ',');
	csv_reader_close(r);
	test_csv_reads("姓名,機關\n", NULL, "1:姓名|機關\n");
	test_csv_reads("姓名,機關", NULL, "1:姓名|機關\n");
	test_csv_reads("姓名,機關\r\n", NULL, "1:姓名|機關\n");
	test_csv_reads("\n\na,b\n\n \t \n1,2\r\n\r\n", NULL,
	    "3:a|b\n6:1|2\n");
	test_csv_reads("\n\n\n", NULL, "");
}

/* Rows of different lengths come back as they are. */
static void
test_csv_ragged(void **state)
{
	(void)state;
	test_csv_reads("a,b,c\n1\n1,2,3,4\n,,\n,\n", NULL,
	    "1:a|b|c\n2:1\n3:1|2|3|4\n4:||\n5:|\n");
}

/* A field over the cap is refused, naming where it starts. */
static void
test_csv_field_cap(void **state)
{
	struct csv_options	 o = { .field_max = 10 };
	char			*big, *got;
	size_t			 n;

	(void)state;
	test_csv_reads("a,0123456789\nb,\"0123456789\"\n", &o,
	    "1:a|0123456789\n2:b|0123456789\n");
	test_csv_reads("a,0123456789\nb,01234567890\n", &o,
	    "1:a|0123456789\n!t.csv line 2, column 2: a field is longer "
	    "than 10 bytes (an unclosed quote?)");
	test_csv_reads("a,\"0123\n456789a\"\n", &o,
	    "!t.csv line 1, column 2: a field is longer than 10 bytes "
	    "(an unclosed quote?)");

	/* The default cap, 64 KiB, exactly and one byte over. */
	n = CSV_FIELD_MAX_DEFAULT;
	big = malloc(n + 16);
	assert_non_null(big);
	memcpy(big, "x,\"", 3);
	memset(big + 3, 'y', n);
	memcpy(big + 3 + n, "\"\n", 3);
	got = test_csv_dump(big, n + 5, NULL);
	assert_int_equal(strlen(got), 4 + n + 1);
	assert_memory_equal(got, "1:x|yyy", 7);
	free(got);
	memcpy(big + 3 + n, "y\"\n", 4);
	got = test_csv_dump(big, n + 6, NULL);
	assert_string_equal(got, "!t.csv line 1, column 2: a field is "
	    "longer than 64 KiB (an unclosed quote?)");
	free(got);
	free(big);

	/* An unclosed quote swallowing the file: the quote's line. */
	n = 200000;
	big = malloc(n + 64);
	assert_non_null(big);
	strcpy(big, "a,b\n1,\"open\n");
	memset(big + 12, 'z', n);
	memcpy(big + 12 + n, "\n", 2);
	for (size_t i = 12; i < 12 + n; i += 100)
		big[i] = '\n';
	got = test_csv_dump(big, n + 13, NULL);
	assert_string_equal(got, "1:a|b\n!t.csv line 2, column 2: a field "
	    "is longer than 64 KiB (an unclosed quote?)");
	free(got);
	free(big);
}

/* Broken quoting names the line and the column. */
static void
test_csv_bad_quotes(void **state)
{
	(void)state;
	test_csv_reads("a,b\n1,\"open\n2,3\n", NULL,
	    "1:a|b\n!t.csv line 2: a quoted field is never closed "
	    "(a missing \" ?)");
	test_csv_reads("a,b,c\n1,2,x\"y\n", NULL,
	    "1:a|b|c\n!t.csv line 2, column 3: a quote inside a field that "
	    "is not quoted; put the field in double quotes and double the "
	    "quote (\"\")");
	test_csv_reads("a,b\n\"x\ny\",\"b\"c\n", NULL,
	    "1:a|b\n!t.csv line 3, column 2: text after the closing quote "
	    "of a quoted field; put the whole field in double quotes and "
	    "double each quote inside (\"\")");
}

/* NUL bytes: binary, or UTF-16 that came without its BOM. */
static void
test_csv_nul(void **state)
{
	static const char	 s[] = "a,b\n1,2\n3,\0\n";
	static const char	 u16[] = "a\0,\0b\0\n\0";
	char			*got;

	(void)state;
	got = test_csv_dump(s, sizeof s - 1, NULL);
	assert_string_equal(got, "1:a|b\n2:1|2\n!t.csv line 3 holds a NUL "
	    "byte: the file may be UTF-16 without a BOM, or binary");
	free(got);
	got = test_csv_dump(u16, sizeof u16 - 1, NULL);
	assert_string_equal(got, "!t.csv line 1 holds a NUL byte: the file "
	    "may be UTF-16 without a BOM, or binary");
	free(got);
}

/* Bytes that are not Big5 are named with their line and column. */
static void
test_csv_bad_big5(void **state)
{
	const char	*head = "姓名,機關\n許功蓋,";
	char		*b5, *file, *got;
	size_t		 len, flen;

	(void)state;
	b5 = test_csv_iconv("CP950", head, strlen(head), &len);
	file = test_csv_cat(b5, len, "\xb3\xff\n", 3, &flen);
	got = test_csv_dump(file, flen, NULL);
	assert_string_equal(got, "1:姓名|機關\n!t.csv line 2, column 2: "
	    "bytes B3 FF are not Big5 (CP950) text; save the file as UTF-8 "
	    "or give --encoding");
	free(got);
	free(file);
	file = test_csv_cat(b5, len, "x\n\xff", 3, &flen);
	got = test_csv_dump(file, flen, NULL);
	assert_string_equal(got, "1:姓名|機關\n2:許功蓋|x\n!t.csv line 3, "
	    "column 1: byte FF is not Big5 (CP950) text; save the file as "
	    "UTF-8 or give --encoding");
	free(got);
	free(file);
	/* A lead byte with nothing after it at the end of the file; the
	 * encoding was given, so that is not advised again. */
	file = test_csv_cat(b5, len, "\xb3", 1, &flen);
	got = test_csv_dump(file, flen, &(struct csv_options){
	    .encoding = "big5" });
	assert_string_equal(got, "1:姓名|機關\n!t.csv line 2, column 2: "
	    "byte B3 is not Big5 (CP950) text; save the file as UTF-8 and "
	    "import it again");
	free(got);
	free(file);
	free(b5);
	test_csv_reads("a\n", &(struct csv_options){ .encoding = "latin1" },
	    "!t.csv: unknown encoding 'latin1'; use utf-8, big5 or utf-16");
}

/* UTF-8 by its first chunk, Big5 further on: say so, with the place. */
static void
test_csv_late_big5(void **state)
{
	const char		*head = "name,agency\nab,cd\n";
	struct csv_options	 o = { .chunk = 16 };
	char			*b5, *file, *got;
	size_t			 len, flen;

	(void)state;
	b5 = test_csv_iconv("CP950", "x,許功蓋\n", strlen("x,許功蓋\n"),
	    &len);
	file = test_csv_cat(head, strlen(head), b5, len, &flen);
	got = test_csv_dump(file, flen, &o);
	assert_string_equal(got, "1:name|agency\n2:ab|cd\n!t.csv line 3, "
	    "column 2: bytes B3 5C are not UTF-8 text; if the file is Big5, "
	    "give --encoding big5");
	free(got);
	/* And with the whole file in the first chunk it is Big5. */
	got = test_csv_dump(file, flen, NULL);
	assert_string_equal(got, "1:name|agency\n2:ab|cd\n3:x|許功蓋\n");
	free(got);
	free(file);
	free(b5);
}

/*
 * Every chunk size from 4 to 48 bytes: chunk ends fall inside UTF-8, Big5
 * and UTF-16 characters (surrogate pairs too), inside CRLFs and quoted
 * fields, and the rows do not change.
 */
static void
test_csv_chunks(void **state)
{
	const char		*s = "姓名,機關,備註\r\n"
				     "王小明,\"國家發展\r\n委員會\",𠀋𠀋\r\n"
				     "\"a,\"\"b\"\"\",許功蓋,x\r\nend";
	const char		*want = "1:姓名|機關|備註\n"
				     "2:王小明|國家發展\\r\\n委員會|𠀋𠀋\n"
				     "4:a,\"b\"|許功蓋|x\n5:end\n";
	const char		*b5want = "1:姓名|機關|備註\n"
				     "2:王小明|國家發展\\r\\n委員會|x\n"
				     "4:a,\"b\"|許功蓋|x\n5:end\n";
	const char		*b5src = "姓名,機關,備註\r\n"
				     "王小明,\"國家發展\r\n委員會\",x\r\n"
				     "\"a,\"\"b\"\"\",許功蓋,x\r\nend";
	struct csv_options	 o = { 0 }, ob = { .encoding = "big5" };
	char			*u16, *u16bom, *b5, *bom, *got;
	size_t			 len16, lenb5, lenu8;
	size_t			 chunk;

	(void)state;
	u16 = test_csv_iconv("UTF-16LE", s, strlen(s), &len16);
	u16bom = test_csv_cat("\xff\xfe", 2, u16, len16, &len16);
	b5 = test_csv_iconv("CP950", b5src, strlen(b5src), &lenb5);
	bom = test_csv_cat("\xef\xbb\xbf", 3, s, strlen(s), &lenu8);
	for (chunk = 4; chunk <= 48; chunk++) {
		o.chunk = ob.chunk = chunk;
		got = test_csv_dump(s, strlen(s), &o);
		assert_string_equal(got, want);
		free(got);
		got = test_csv_dump(bom, lenu8, &o);
		assert_string_equal(got, want);
		free(got);
		got = test_csv_dump(u16bom, len16, &o);
		assert_string_equal(got, want);
		free(got);
		got = test_csv_dump(b5, lenb5, &ob);
		assert_string_equal(got, b5want);
		free(got);
	}
	free(bom);
	free(b5);
	free(u16bom);
	free(u16);
}

/* A real file bigger than a chunk: rows, lines, progress, the errors. */
/* What test_csv_file's work beside the reader keeps of a row. */
struct test_prep {
	size_t	 line, nfields;
	char	 first[32];
};

static void
test_csv_prep(void *arg, const struct table_row *row, void *out)
{
	struct test_prep *p = out;

	(*(size_t *)arg)++;
	p->line = row->line;
	p->nfields = row->nfields;
	snprintf(p->first, sizeof p->first, "%s", row->nfields > 0 ?
	    row->fields[0] : "");
}

static void
test_csv_file(void **state)
{
	char			 dir[] = "/tmp/test_csv.XXXXXX", path[64];
	struct csv_options	 o = { .chunk = 4096 };
	struct table_options	 to;
	struct csv_reader	*r;
	struct table_reader	*tr;
	struct table_ahead	*a;
	const struct table_row	*row;
	char			*cause = NULL;
	FILE			*f;
	size_t			 i, rows = 0, last = 0;
	struct stat		 st;

	(void)state;
	memset(&to, 0, sizeof to);
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/officers.csv", dir);
	assert_non_null(f = fopen(path, "w"));
	fputs("\xef\xbb\xbf姓名,電子郵件\r\n", f);
	for (i = 1; i <= 5000; i++)
		fprintf(f, "王小明%zu,\"w%zu@moi.gov.tw\"\r\n", i, i);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(stat(path, &st), 0);

	assert_int_equal(csv_reader_open(&r, path, &o, &cause), 0);
	assert_int_equal(csv_reader_bytes_total(r), (uint64_t)st.st_size);
	assert_int_equal(csv_reader_bytes_read(r), 4096);
	while (csv_reader_next(r, &row, &cause) == 1) {
		if (rows++ == 0) {
			assert_string_equal(row->fields[0], "姓名");
			continue;
		}
		assert_int_equal(row->nfields, 2);
		assert_int_equal(row->line, rows);
		last = row->line;
		if (rows == 2)
			assert_true(csv_reader_bytes_read(r) <
			    csv_reader_bytes_total(r));
	}
	assert_null(cause);
	assert_int_equal(rows, 5001);
	assert_int_equal(last, 5001);
	assert_int_equal(csv_reader_bytes_read(r), (uint64_t)st.st_size);
	assert_int_equal(csv_reader_crlf(r), 1);
	csv_reader_close(r);

	/* Read ahead: the same rows, and the bytes read follow. */
	to.csv = o;
	assert_int_equal(table_reader_open(&tr, path, &to, &cause), 0);
	r = table_reader_csv(tr);
	a = table_ahead_start(tr, 64);
	for (rows = 0; table_ahead_next(a, &row, &cause) == 1; rows++) {
		assert_int_equal(row->line, rows + 1);
		if (rows == 100)
			assert_true(table_ahead_bytes_read(a) <
			    csv_reader_bytes_total(r));
	}
	assert_null(cause);
	assert_int_equal(rows, 5001);
	assert_int_equal(table_ahead_bytes_read(a), (uint64_t)st.st_size);
	table_ahead_stop(a);
	table_reader_close(tr);

	/* Work done on each row beside the reader comes out with that row,
	 * across batches; none before the first row. */
	assert_int_equal(table_reader_open(&tr, path, &to, &cause), 0);
	{
		size_t prepped = 0;
		struct table_ahead_prep prep = { test_csv_prep, &prepped,
		    sizeof(struct test_prep) };
		const struct test_prep *p;
		char want[32];

		a = table_ahead_start_prep(tr, 64, &prep);
		assert_null(table_ahead_prepared(a));
		for (rows = 0; table_ahead_next(a, &row, &cause) == 1;
		    rows++) {
			assert_non_null(p = table_ahead_prepared(a));
			assert_int_equal(p->line, row->line);
			assert_int_equal(p->nfields, row->nfields);
			assert_string_equal(p->first, row->fields[0]);
			if (rows > 0) {
				snprintf(want, sizeof want, "王小明%zu", rows);
				assert_string_equal(p->first, want);
			}
		}
		assert_null(cause);
		assert_int_equal(rows, 5001);
		table_ahead_stop(a);
		/* Each row once (the thread is joined: prepped is ours). */
		assert_int_equal(prepped, 5001);
	}
	table_reader_close(tr);

	/* Stopped half way, with the thread waiting for room: it ends,
	 * and what it read is freed. */
	assert_int_equal(table_reader_open(&tr, path, &to, &cause), 0);
	a = table_ahead_start(tr, 8);
	for (i = 0; i < 10; i++)
		assert_int_equal(table_ahead_next(a, &row, &cause), 1);
	table_ahead_stop(a);
	table_reader_close(tr);

	assert_int_equal(csv_reader_open(&r, dir, NULL, &cause), -1);
	assert_null(r);
	assert_contains(cause, "it is a directory");
	free(cause);
	cause = NULL;
	assert_int_equal(unlink(path), 0);
	assert_int_equal(csv_reader_open(&r, path, NULL, &cause), -1);
	assert_null(r);
	assert_contains(cause, "cannot open ");
	assert_contains(cause, "officers.csv: No such file or directory");
	free(cause);
	assert_int_equal(rmdir(dir), 0);
}

/* The formula guard, and taking it back exactly. */
static void
test_csv_formula(void **state)
{
	static const struct {
		const char	*s;
		int		 formula;
	} cells[] = {
		{ "=SUM(A1)", 1 }, { "+886-2-2345-6789", 1 },
		{ "-12abc", 1 }, { "@cmd", 1 }, { "\tx", 1 }, { "\rx", 1 },
		{ "-", 1 }, { "+", 1 }, { "=", 1 }, { "-1.2.3", 1 },
		{ "'=A1", 1 }, { "''-x", 1 },
		{ "-12", 0 }, { "+3.5", 0 }, { "-0.25", 0 }, { "-.5", 0 },
		{ "12", 0 }, { "王小明", 0 }, { "", 0 }, { "'", 0 },
		{ "'abc", 0 }, { "'-12", 0 }, { "a=b", 0 },
	};
	char	 g[64];
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof cells / sizeof cells[0]; i++) {
		if (csv_cell_is_formula(cells[i].s) != cells[i].formula)
			fail_msg("csv_cell_is_formula(\"%s\") is not %d",
			    cells[i].s, cells[i].formula);
		snprintf(g, sizeof g, "%s%s", cells[i].formula ? "'" : "",
		    cells[i].s);
		assert_string_equal(csv_cell_unguard(g), cells[i].s);
	}
	assert_string_equal(csv_cell_unguard("'=SUM(A1)"), "=SUM(A1)");
	assert_string_equal(csv_cell_unguard("''=x"), "'=x");
	g[0] = '\'';
	strcpy(g + 1, "abc");
	assert_ptr_equal(csv_cell_unguard(g), g);
}

/* Write rows with opt into memory; returns the bytes (length in *len). */
static char *
test_csv_write(const struct csv_writer_options *opt,
    const char *const *cells, size_t nrows, size_t ncols, size_t *len)
{
	struct csv_writer	*w;
	char			*out = NULL, *cause = NULL;
	FILE			*m = open_memstream(&out, len);
	size_t			 i;

	assert_non_null(m);
	assert_int_equal(csv_writer_open(&w, m, "out.csv", opt, &cause), 0);
	for (i = 0; i < nrows; i++)
		assert_int_equal(csv_writer_row(w, cells + i * ncols, ncols,
		    &cause), 0);
	assert_int_equal(csv_writer_close(w, &cause), 0);
	assert_null(cause);
	assert_int_equal(fclose(m), 0);
	return out;
}

static const char *const test_csv_table[] = {
	"姓名", "電話", "備註",
	"王小明", "-12", "a,b",
	"=SUM(A1)", "+886-2-2345-6789", "say \"hi\"",
	"@cmd", " lead", "line1\nline2",
};

/* Excel mode: BOM, CRLF, quoting and the guard, byte for byte. */
static void
test_csv_writer_bytes(void **state)
{
	struct csv_writer_options	 o = { .bom = 1, .crlf = 1,
					     .guard = 1 };
	const char			*want = "\xef\xbb\xbf"
	    "姓名,電話,備註\r\n"
	    "王小明,-12,\"a,b\"\r\n"
	    "'=SUM(A1),'+886-2-2345-6789,\"say \"\"hi\"\"\"\r\n"
	    "'@cmd,\" lead\",\"line1\nline2\"\r\n";
	struct csv_reader		*r;
	const struct table_row		*row;
	char				*out, *cause = NULL;
	size_t				 len, i, n = 0;

	(void)state;
	out = test_csv_write(&o, test_csv_table, 4, 3, &len);
	assert_int_equal(len, strlen(want));
	assert_string_equal(out, want);

	/* Read back and unguarded, it is the table again. */
	r = test_csv_open(out, len, NULL);
	assert_int_equal(csv_reader_bom(r), 1);
	assert_int_equal(csv_reader_crlf(r), 1);
	while (csv_reader_next(r, &row, &cause) == 1) {
		assert_int_equal(row->nfields, 3);
		for (i = 0; i < 3; i++)
			assert_string_equal(csv_cell_unguard(row->fields[i]),
			    test_csv_table[n * 3 + i]);
		n++;
	}
	assert_null(cause);
	assert_int_equal(n, 4);
	csv_reader_close(r);
	free(out);

	/* Without guard, LF, tab: formulas pass, tabs in cells are quoted. */
	out = test_csv_write(&(struct csv_writer_options){ .delimiter = '\t' },
	    (const char *const[]){ "=1+1", "a\tb", NULL, "-3" }, 1, 4, &len);
	assert_string_equal(out, "=1+1\t\"a\tb\"\t\t-3\n");
	free(out);
}

/*
 * The cell scan that decides quoting and checks the text in one pass:
 * the delimiter chosen, a quote or CR anywhere, a BOM or spaces at the
 * ends, the guard on a cell that also needs quotes, characters of two,
 * three and four bytes; and text that is not UTF-8 (overlong, a
 * surrogate, cut short, a stray continuation byte) refuses the row, all
 * of it, where a check of the whole cell would.
 */
static void
test_csv_writer_cells(void **state)
{
	static const char *const bad[] = { "\xe0\x80\x80", "\xed\xa0\x80",
		"王\xe7\x8e", "\xe7\x8e", "a\x80\x62", "\xc0\xaf", "\xf4\x90\x80\x80",
		"\xf0\x9f\x98", "é\xff" };
	struct csv_writer *w;
	char *out = NULL, *cause = NULL;
	size_t len, i;
	FILE *m;

	(void)state;
	out = test_csv_write(&(struct csv_writer_options){ .delimiter = ';',
	    .guard = 1 }, (const char *const[]){ "a,b", "x;y", "\xef\xbb\xbf王",
	    "尾 ", "\t頭", "=\"q\"", "-1.5", "é😀王", "c\rd", "" }, 1, 10,
	    &len);
	assert_string_equal(out, "a,b;\"x;y\";\"\xef\xbb\xbf王\";\"尾 \";"
	    "'\t頭;\"'=\"\"q\"\"\";-1.5;é😀王;\"c\rd\";\n");
	free(out);
	out = test_csv_write(&(struct csv_writer_options){ .delimiter = '|' },
	    (const char *const[]){ "a|b", "a,b", " 頭" }, 1, 3, &len);
	assert_string_equal(out, "\"a|b\"|a,b|\" 頭\"\n");
	free(out);

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		m = open_memstream(&out, &len);
		assert_int_equal(csv_writer_open(&w, m, "out.csv", NULL,
		    &cause), 0);
		assert_int_equal(csv_writer_row(w, (const char *const[]){
		    "王", bad[i] }, 2, &cause), -1);
		assert_string_equal(cause, "out.csv row 1, field 2: the text "
		    "is not valid UTF-8");
		free(cause);
		cause = NULL;
		assert_int_equal(csv_writer_row(w, (const char *const[]){
		    "a", "王" }, 2, &cause), 0);
		assert_int_equal(csv_writer_close(w, &cause), 0);
		assert_int_equal(fclose(m), 0);
		assert_string_equal(out, "a,王\n");
		free(out);
	}
}

/* Big5 out: 許 and 裏 survive the trip back through the reader. */
static void
test_csv_writer_big5(void **state)
{
	const char *const	 cells[] = { "姓名", "機關", "許功蓋",
				     "裏長\\辦公處" };
	struct csv_reader	*r;
	const struct table_row	*row;
	char			*out, *want, *cause = NULL;
	size_t			 len, wlen;

	(void)state;
	out = test_csv_write(&(struct csv_writer_options){
	    .encoding = "big5", .bom = 1, .crlf = 1 }, cells, 2, 2, &len);
	want = test_csv_iconv("CP950", "姓名,機關\r\n許功蓋,裏長\\辦公處\r\n",
	    strlen("姓名,機關\r\n許功蓋,裏長\\辦公處\r\n"), &wlen);
	assert_int_equal(len, wlen);
	assert_memory_equal(out, want, len);	/* no BOM in Big5 */
	assert_true(test_csv_has(out, len, "\xb3\x5c", 2));
	r = test_csv_open(out, len, NULL);
	assert_string_equal(csv_reader_encoding(r), "big5");
	assert_int_equal(csv_reader_next(r, &row, &cause), 1);
	assert_int_equal(csv_reader_next(r, &row, &cause), 1);
	assert_int_equal(row->nfields, 2);
	assert_string_equal(row->fields[0], "許功蓋");
	assert_string_equal(row->fields[1], "裏長\\辦公處");
	assert_int_equal(csv_reader_next(r, &row, &cause), 0);
	assert_null(cause);
	csv_reader_close(r);
	free(want);
	free(out);
}

/* A character Big5 lacks: the row is named, refused, and not written. */
static void
test_csv_writer_unmappable(void **state)
{
	struct csv_writer	*w;
	char			*out = NULL, *cause = NULL, *want;
	size_t			 len, wlen;
	FILE			*m = open_memstream(&out, &len);
	const char		*t = "姓名,機關\n李大華,國發會\n";

	(void)state;
	assert_int_equal(csv_writer_open(&w, m, "out.csv",
	    &(struct csv_writer_options){ .encoding = "big5" }, &cause), 0);
	assert_int_equal(csv_writer_row(w, (const char *const[]){ "姓名",
	    "機關" }, 2, &cause), 0);
	assert_int_equal(csv_writer_row(w, (const char *const[]){ "王堃",
	    "內政部" }, 2, &cause), -1);
	assert_string_equal(cause, "out.csv row 2, field 姓名: 堃 has no "
	    "Big5 form");
	free(cause);
	cause = NULL;
	assert_int_equal(csv_writer_row(w, (const char *const[]){ "李大華",
	    "國發會" }, 2, &cause), 0);
	assert_int_equal(csv_writer_row(w, (const char *const[]){ "x",
	    "\xff" }, 2, &cause), -1);
	assert_string_equal(cause, "out.csv row 4, field 機關: the text is "
	    "not valid UTF-8");
	free(cause);
	cause = NULL;
	assert_int_equal(csv_writer_close(w, &cause), 0);
	assert_int_equal(fclose(m), 0);
	want = test_csv_iconv("CP950", t, strlen(t), &wlen);
	assert_int_equal(len, wlen);
	assert_memory_equal(out, want, len);
	free(want);
	free(out);

	/* In the first row, fields go by number. */
	m = open_memstream(&out, &len);
	assert_int_equal(csv_writer_open(&w, m, "out.csv",
	    &(struct csv_writer_options){ .encoding = "big5" }, &cause), 0);
	assert_int_equal(csv_writer_row(w, (const char *const[]){ "a",
	    "b😀" }, 2, &cause), -1);
	assert_string_equal(cause, "out.csv row 1, field 2: 😀 has no Big5 "
	    "form");
	free(cause);
	cause = NULL;
	assert_int_equal(csv_writer_close(w, &cause), 0);
	assert_int_equal(fclose(m), 0);
	assert_int_equal(len, 0);
	free(out);
}

/* UTF-16LE out, as Excel's "Unicode text", read back the same. */
static void
test_csv_writer_utf16(void **state)
{
	const char *const	 cells[] = { "姓名", "備註", "王小明",
				     "𠀋 a,b" };
	struct csv_reader	*r;
	const struct table_row	*row;
	char			*out, *cause = NULL;
	size_t			 len;

	(void)state;
	out = test_csv_write(&(struct csv_writer_options){
	    .encoding = "utf-16le", .delimiter = '\t', .bom = 1, .crlf = 1 },
	    cells, 2, 2, &len);
	assert_memory_equal(out, "\xff\xfe\xd3\x59\x0d\x54\t\0", 8);
	r = test_csv_open(out, len, NULL);
	assert_string_equal(csv_reader_encoding(r), "utf-16le");
	assert_int_equal(csv_reader_delimiter(r), '\t');
	assert_int_equal(csv_reader_crlf(r), 1);
	assert_int_equal(csv_reader_next(r, &row, &cause), 1);
	assert_int_equal(csv_reader_next(r, &row, &cause), 1);
	assert_int_equal(row->line, 2);
	assert_string_equal(row->fields[0], "王小明");
	assert_string_equal(row->fields[1], "𠀋 a,b");
	assert_int_equal(csv_reader_next(r, &row, &cause), 0);
	assert_null(cause);
	csv_reader_close(r);
	free(out);
}

/* Bad options are refused; a full disk is reported at the close. */
static void
test_csv_writer_errors(void **state)
{
	struct csv_writer	*w;
	char			*cause = NULL;
	FILE			*f;
	size_t			 i;

	(void)state;
	w = (struct csv_writer *)1;
	assert_int_equal(csv_writer_open(&w, stdout, "out.csv",
	    &(struct csv_writer_options){ .encoding = "latin1" }, &cause), -1);
	assert_null(w);
	assert_string_equal(cause, "out.csv: cannot write encoding "
	    "'latin1'; use utf-8, big5 or utf-16le");
	free(cause);
	cause = NULL;
	assert_int_equal(csv_writer_open(&w, stdout, "out.csv",
	    &(struct csv_writer_options){ .delimiter = '"' }, &cause), -1);
	assert_contains(cause, "the delimiter must be");
	free(cause);
	cause = NULL;

	f = fopen("/dev/full", "w");
	if (f == NULL)
		skip();
	assert_int_equal(csv_writer_open(&w, f, "full.csv",
	    &(struct csv_writer_options){ .bom = 1 }, &cause), 0);
	for (i = 0; i < 3; i++)
		assert_int_equal(csv_writer_row(w, (const char *const[]){
		    "王小明", "x" }, 2, &cause), 0);
	assert_int_equal(csv_writer_close(w, &cause), -1);
	assert_string_equal(cause, "full.csv: cannot write: No space left "
	    "on device");
	free(cause);
	fclose(f);
}

/*
 * Found by fuzzing: a first cell that is empty (the writer's buffer did
 * not exist yet: NULL + 0), and one that begins with U+FEFF (written bare,
 * it read back as a BOM and lost its first character).
 */
static void
test_csv_writer_fuzzed(void **state)
{
	static const char *const empty[] = { "", "a" };
	static const char *const bom[] = { "\xef\xbb\xbfname", "b" };
	struct csv_writer_options wo;
	struct csv_writer *w;
	struct csv_reader *r;
	const struct table_row *row;
	char *out = NULL, *cause = NULL;
	size_t len = 0;
	FILE *m;

	(void)state;
	memset(&wo, 0, sizeof wo);
	m = open_memstream(&out, &len);
	assert_non_null(m);
	assert_int_equal(csv_writer_open(&w, m, "f.csv", &wo, &cause), 0);
	assert_int_equal(csv_writer_row(w, empty, 2, &cause), 0);
	assert_int_equal(csv_writer_row(w, bom, 2, &cause), 0);
	assert_int_equal(csv_writer_close(w, &cause), 0);
	fclose(m);
	assert_int_equal(csv_reader_open_mem(&r, "f.csv", out, len, NULL,
	    &cause), 0);
	assert_int_equal(csv_reader_next(r, &row, &cause), 1);
	assert_int_equal(row->nfields, 2);
	assert_string_equal(row->fields[0], "");
	assert_string_equal(row->fields[1], "a");
	assert_int_equal(csv_reader_next(r, &row, &cause), 1);
	assert_string_equal(row->fields[0], "\xef\xbb\xbfname");
	assert_string_equal(row->fields[1], "b");
	csv_reader_close(r);
	free(out);
}

/*
 * A cell the row before had is copied from it, not written anew: each
 * form a cell takes (guarded, quoted, empty, plain) repeated, and the
 * trap of a cell that is the guarded form of the one before ('=1+1 after
 * =1+1, which is guarded once more), and a row after one refused.
 */
static void
test_csv_writer_repeats(void **state)
{
	static const char *const rows[][6] = {
		{ "會議", "=1+1", "a,b", " lead", "", "x" },
		{ "會議", "=1+1", "a,b", " lead", "", "x" },
		{ "會議", "'=1+1", "a,b\"", "lead", "y", "x" },
		{ "會議", "'=1+1", "\xff", "lead", "y", "x" },
		{ "會議", "'=1+1", "a,b\"", "lead", "y", "x" },
		{ "會議", "=1+1", "a,b\"", " lead", "", "" },
	};
	static const char want[] =
	    "會議,'=1+1,\"a,b\",\" lead\",,x\n"
	    "會議,'=1+1,\"a,b\",\" lead\",,x\n"
	    "會議,''=1+1,\"a,b\"\"\",lead,y,x\n"
	    "會議,''=1+1,\"a,b\"\"\",lead,y,x\n"
	    "會議,'=1+1,\"a,b\"\"\",\" lead\",,\n";
	struct csv_writer *w;
	char *out = NULL, *cause = NULL;
	size_t len = 0, i;
	FILE *m;

	(void)state;
	m = open_memstream(&out, &len);
	assert_non_null(m);
	assert_int_equal(csv_writer_open(&w, m, "r.csv",
	    &(struct csv_writer_options){ .guard = 1 }, &cause), 0);
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++)
		assert_int_equal(csv_writer_row(w, rows[i], 6, &cause),
		    i == 3 ? -1 : 0);
	assert_string_equal(cause, "r.csv row 4, field a,b: the text is "
	    "not valid UTF-8");
	free(cause);
	cause = NULL;
	assert_int_equal(csv_writer_close(w, &cause), 0);
	assert_int_equal(fclose(m), 0);
	assert_int_equal(len, strlen(want));
	assert_memory_equal(out, want, len);
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_utf8),
		cmocka_unit_test(test_csv_utf8_bom_crlf),
		cmocka_unit_test(test_csv_big5),
		cmocka_unit_test(test_csv_utf16),
		cmocka_unit_test(test_csv_quoting),
		cmocka_unit_test(test_csv_sniff),
		cmocka_unit_test(test_csv_empty),
		cmocka_unit_test(test_csv_ragged),
		cmocka_unit_test(test_csv_field_cap),
		cmocka_unit_test(test_csv_bad_quotes),
		cmocka_unit_test(test_csv_nul),
		cmocka_unit_test(test_csv_bad_big5),
		cmocka_unit_test(test_csv_late_big5),
		cmocka_unit_test(test_csv_chunks),
		cmocka_unit_test(test_csv_file),
		cmocka_unit_test(test_csv_formula),
		cmocka_unit_test(test_csv_writer_bytes),
		cmocka_unit_test(test_csv_writer_cells),
		cmocka_unit_test(test_csv_writer_big5),
		cmocka_unit_test(test_csv_writer_unmappable),
		cmocka_unit_test(test_csv_writer_utf16),
		cmocka_unit_test(test_csv_writer_errors),
		cmocka_unit_test(test_csv_writer_fuzzed),
		cmocka_unit_test(test_csv_writer_repeats),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
