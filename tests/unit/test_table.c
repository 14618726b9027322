/*
 * test_table.c — the row interface over .ods, .xlsx and CSV: what the
 * writers write reads back as it was (leading zeros, line breaks,
 * spaces, cells that look like formulas, typed dates, counts and
 * rates); what LibreOffice and Excel write (title rows, merged cells,
 * repeated rows and columns, notes, shared strings, number formats)
 * reads as a person sees it; rows are named as a spreadsheet numbers
 * them; and hostile files (a DTD, a zip that lies about its sizes, a
 * part past the limit, a million repeated rows, an old .xls) are
 * refused with a sentence, never followed. Each is read here and again
 * as a set-id ogpo reads it (table_parse: rows sent as records, checked
 * and read back; the child that sends them is aside_run's, tested as
 * root in tests/attack/test_apart.sh), and the two must agree. The
 * spreadsheets are zipped here with libzip, so nothing binary is
 * committed.
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
#include <zip.h>

#include "ogpo/import.h"
#include "ogpo/table.h"
#include "ogpo/util.h"

#define assert_contains(haystack, needle) do {				\
	const char *h_ = (haystack), *n_ = (needle);			\
	if (h_ == NULL || strstr(h_, n_) == NULL)			\
		fail_msg("\"%s\" does not contain \"%s\"",		\
		    h_ ? h_ : "(null)", n_);				\
} while (0)

/*
 * Everything read, as "ROW[:LINE]|cell|cell\n" ("\n" in cells as "\\n"),
 * or "!cause" at an error; apart: read as records (table_parse), then
 * twice from what was sent, with what the reader settled after.
 */
static char *
test_dump_one(const void *data, size_t len, const struct table_options *o,
    int apart)
{
	struct table_parsed *tp = NULL;
	struct table_reader *r;
	struct table_csv_info ci;
	const struct table_row *row;
	char *cause = NULL, *out = NULL;
	size_t outlen, i;
	const char *p;
	FILE *m = open_memstream(&out, &outlen);
	int rc;

	assert_non_null(m);
	if (apart && table_parse(&tp, "t", data, len, o, 1, &cause) != 0) {
		fprintf(m, "!%s", cause);
		free(cause);
		fclose(m);
		return out;
	}
	if (apart) {
		/* Read once to the end, so the second read is from the top. */
		assert_int_equal(table_parsed_open(&r, tp, &cause), 0);
		while (table_reader_next(r, &row, &cause) == 1)
			;
		free(cause);
		cause = NULL;
		table_reader_close(r);
	}
	if (apart ? table_parsed_open(&r, tp, &cause) != 0 :
	    table_reader_open_mem(&r, "t", data, len, o, &cause) != 0) {
		fprintf(m, "!%s", cause);
		free(cause);
		fclose(m);
		return out;
	}
	while ((rc = table_reader_next(r, &row, &cause)) == 1) {
		if (row->line != 0)
			fprintf(m, "%zu:%zu", row->row, row->line);
		else
			fprintf(m, "%zu", row->row);
		for (i = 0; i < row->nfields; i++) {
			fputc('|', m);
			for (p = row->fields[i]; *p; p++)
				if (*p == '\n')
					fputs("\\n", m);
				else
					fputc(*p, m);
		}
		fputc('\n', m);
	}
	if (rc < 0) {
		fprintf(m, "!%s", cause);
		free(cause);
		cause = NULL;
		assert_int_equal(table_reader_next(r, &row, &cause), -1);
		free(cause);
	}
	fprintf(m, "\001%s|%llu|%s", table_reader_sheet(r),
	    (unsigned long long)table_reader_bytes_total(r),
	    table_reader_warnings(r) ? table_reader_warnings(r) : "");
	if (table_reader_csv_info(r, &ci))
		fprintf(m, "|%s|%d|%d|%d", ci.encoding, ci.delimiter, ci.bom,
		    ci.crlf);
	table_reader_close(r);
	table_parsed_free(tp);
	fclose(m);
	return out;
}

/* As test_dump_one, which reads the same read apart as here; without
 * what the reader settled, which the tests below do not look at. */
static char *
test_dump(const void *data, size_t len, const struct table_options *o)
{
	char *here = test_dump_one(data, len, o, 0);
	char *apart = test_dump_one(data, len, o, 1);
	char *tail;

	assert_string_equal(apart, here);
	free(apart);
	if ((tail = strrchr(here, '\001')) != NULL)
		*tail = '\0';
	return here;
}

struct part {
	const char	*name;
	const char	*data;
};

/* The parts zipped (deflated, but the mimetype stored). */
static char *
test_zip(const struct part *parts, size_t n, size_t *len)
{
	zip_source_t *src, *s;
	zip_error_t ze;
	zip_stat_t st;
	zip_int64_t i;
	zip_t *za;
	char *out;
	size_t k;

	zip_error_init(&ze);
	assert_non_null(src = zip_source_buffer_create(NULL, 0, 0, &ze));
	zip_source_keep(src);
	assert_non_null(za = zip_open_from_source(src, ZIP_TRUNCATE, &ze));
	for (k = 0; k < n; k++) {
		assert_non_null(s = zip_source_buffer(za, parts[k].data,
		    strlen(parts[k].data), 0));
		assert_true((i = zip_file_add(za, parts[k].name, s, 0)) >= 0);
		zip_set_file_compression(za, (zip_uint64_t)i, strcmp(
		    parts[k].name, "mimetype") == 0 ? ZIP_CM_STORE :
		    ZIP_CM_DEFLATE, 0);
	}
	assert_int_equal(zip_close(za), 0);
	assert_int_equal(zip_source_stat(src, &st), 0);
	assert_int_equal(zip_source_open(src), 0);
	*len = (size_t)st.size;
	assert_non_null(out = malloc(*len));
	assert_int_equal(zip_source_read(src, out, *len), (zip_int64_t)*len);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	return out;
}

#define ODS_NS	"xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:"	\
	"office:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:"	\
	"xmlns:table:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:"	\
	"xmlns:text:1.0\""
#define ODS_HEAD "<office:document-content " ODS_NS "><office:body>"	\
	"<office:spreadsheet>"
#define ODS_TAIL "</office:spreadsheet></office:body>"			\
	"</office:document-content>"

/* The rows of an .ods whose content.xml is content. */
static char *
test_ods(const char *content, const struct table_options *o)
{
	struct part parts[] = {
		{ "mimetype", "application/vnd.oasis.opendocument."
		    "spreadsheet" },
		{ "content.xml", content },
	};
	size_t len;
	char *zip = test_zip(parts, 2, &len), *out;

	out = test_dump(zip, len, o);
	free(zip);
	return out;
}

/* The rows of an .xlsx of that sheet, strings and styles. */
static char *
test_xlsx(const char *sheet, const char *sst, const char *styles,
    const char *workbook)
{
	struct part parts[6];
	size_t n = 0, len;
	char *zip, *out;

	parts[n++] = (struct part){ "xl/workbook.xml", workbook ? workbook :
	    "<workbook><sheets><sheet name=\"名冊\" sheetId=\"1\" "
	    "r:id=\"rId1\" xmlns:r=\"r\"/></sheets></workbook>" };
	parts[n++] = (struct part){ "xl/_rels/workbook.xml.rels",
	    "<Relationships><Relationship Id=\"rId1\" "
	    "Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" "
	    "Target=\"worksheets/sheet2.xml\"/></Relationships>" };
	parts[n++] = (struct part){ "xl/worksheets/sheet1.xml", sheet };
	parts[n++] = (struct part){ "xl/worksheets/sheet2.xml",
	    "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>"
	    "second sheet</t></is></c></row></sheetData></worksheet>" };
	if (sst != NULL)
		parts[n++] = (struct part){ "xl/sharedStrings.xml", sst };
	if (styles != NULL)
		parts[n++] = (struct part){ "xl/styles.xml", styles };
	zip = test_zip(parts, n, &len);
	out = test_dump(zip, len, NULL);
	free(zip);
	return out;
}

/* Write rows (TAB-separated, first the header) as format; read back. */
static char *
test_round(enum table_format format, int roc, const char *const *lines,
    size_t nlines, const char *kinds)
{
	struct table_writer_options o = { .format = format, .sheet = "名冊",
		.roc = roc };
	struct table_column cols[16];
	struct table_writer *w;
	char *buf = NULL, *cause = NULL, *copy, *cells[16], *p, *out;
	size_t len = 0, i, n;
	FILE *m = open_memstream(&buf, &len);

	assert_non_null(m);
	assert_int_equal(table_writer_open(&w, m, "t", &o, &cause), 0);
	for (i = 0; i < nlines; i++) {
		copy = strdup(lines[i]);
		for (n = 0, p = copy; n < 16; n++) {
			cells[n] = p;
			if ((p = strchr(p, '\t')) == NULL)
				break;
			*p++ = '\0';
		}
		n++;
		if (i == 0) {
			for (size_t k = 0; k < n; k++) {
				cols[k].name = cells[k];
				cols[k].width = 0;
				cols[k].kind = kinds[k] == 'd' ? TABLE_DATE :
				    kinds[k] == 'c' ? TABLE_COUNT : kinds[k] ==
				    'r' ? TABLE_RATE : TABLE_TEXT;
			}
			assert_int_equal(table_writer_head(w, cols, n,
			    &cause), 0);
		} else
			assert_int_equal(table_writer_row(w,
			    (const char *const *)cells, n, &cause), 0);
		free(copy);
	}
	assert_int_equal(table_writer_rows(w), nlines - 1);
	assert_int_equal(table_writer_close(w, &cause), 0);
	assert_null(cause);
	assert_int_equal(fclose(m), 0);
	out = test_dump(buf, len, NULL);
	free(buf);
	return out;
}

static const char *const test_lines[] = {
	"姓名\t電話\t分機\t到任日期\t人數\t出席率\t備註",
	"王小明\t0912345678\t007\t2024-05-08\t12\t87.5%\t第一行\n第二行",
	"許功蓋\t+886-2-2345-6789\t\t1999-12-31\t0\t0.0%\t=SUM(A1)",
	" 堃 喆  犇 \t-5\t@x\t民國113年\t\t\t\t",
	"'quoted\t&<>\"\t\t\t\t\t",
};

/* What ogpo writes as .ods and .xlsx reads back as it was. */
static void
test_table_round_trip(void **state)
{
	static const char want[] =
	    "1|姓名|電話|分機|到任日期|人數|出席率|備註\n"
	    "2|王小明|0912345678|007|2024-05-08|12|87.5%|第一行\\n第二行\n"
	    "3|許功蓋|+886-2-2345-6789||1999-12-31|0|0%|=SUM(A1)\n"
	    "4| 堃 喆  犇 |-5|@x|民國113年\n"
	    "5|'quoted|&<>\"\n";
	static const char want_ods[] =
	    "1|姓名|電話|分機|到任日期|人數|出席率|備註\n"
	    "2|王小明|0912345678|007|2024-05-08|12|87.5%|第一行\\n第二行\n"
	    "3|許功蓋|+886-2-2345-6789||1999-12-31|0|0.0%|=SUM(A1)\n"
	    "4| 堃 喆  犇 |-5|@x|民國113年\n"
	    "5|'quoted|&<>\"\n";
	char *got;
	size_t n = sizeof test_lines / sizeof test_lines[0];

	(void)state;
	got = test_round(TABLE_ODS, 0, test_lines, n, "tttdcrt");
	assert_string_equal(got, want_ods);
	free(got);
	/* The 民國 style is how dates show, not what they are. */
	got = test_round(TABLE_ODS, 1, test_lines, n, "tttdcrt");
	assert_string_equal(got, want_ods);
	free(got);
	got = test_round(TABLE_XLSX, 0, test_lines, n, "tttdcrt");
	assert_string_equal(got, want);
	free(got);
	got = test_round(TABLE_XLSX, 1, test_lines, n, "tttdcrt");
	assert_string_equal(got, want);
	free(got);
}

/*
 * U+FFFE and U+FFFF, which a record stored by an older ogpo may hold, are
 * left out of an .ods or .xlsx: XML has no place for them, and a reader
 * stopped at the first, the rows after it lost. Text that reads as an
 * .xlsx escape (_x001B_) comes back as it was, not as what it names.
 */
static void
test_table_nonchars(void **state)
{
	static const char *const lines[] = {
		"姓名\t備註",
		"王小明\ta\xef\xbf\xbe" "b\xef\xbf\xbf" "c",
		"李大華\t後面的列",
		"陳一\t_x0041_ _x001B_[2J _x005F_ _x12_ __x0041__",
	};
	static const char want[] =
	    "1|姓名|備註\n2|王小明|abc\n3|李大華|後面的列\n"
	    "4|陳一|_x0041_ _x001B_[2J _x005F_ _x12_ __x0041__\n";
	char *got;

	(void)state;
	got = test_round(TABLE_ODS, 0, lines, 4, "tt");
	assert_string_equal(got, want);
	free(got);
	got = test_round(TABLE_XLSX, 0, lines, 4, "tt");
	assert_string_equal(got, want);
	free(got);
}

/* An .ods as LibreOffice writes one, with a title above the header. */
static void
test_table_ods(void **state)
{
	char *got;

	(void)state;
	got = test_ods(ODS_HEAD "<table:table table:name=\"名冊\">"
	    "<table:table-column table:number-columns-repeated=\"3\"/>"
	    /* A title merged across the columns. */
	    "<table:table-row><table:table-cell table:number-columns-"
	    "spanned=\"3\" office:value-type=\"string\"><text:p>113年度名冊"
	    "</text:p></table:table-cell><table:covered-table-cell "
	    "table:number-columns-repeated=\"2\"/></table:table-row>"
	    /* Two empty rows: they are not handed over, but counted. */
	    "<table:table-row table:number-rows-repeated=\"2\">"
	    "<table:table-cell table:number-columns-repeated=\"1024\"/>"
	    "</table:table-row>"
	    "<table:table-row><table:table-cell><text:p>姓名</text:p>"
	    "</table:table-cell><table:table-cell/><table:table-cell>"
	    "<text:p>電話</text:p></table:table-cell></table:table-row>"
	    /* Spans, a note, spaces, a tab, paragraphs and a break. */
	    "<table:table-row><table:table-cell office:value-type=\"string\">"
	    "<text:p>王<text:span>小</text:span>明</text:p><office:annotation>"
	    "<text:p>a note</text:p></office:annotation></table:table-cell>"
	    "<table:table-cell><text:p><text:s/>a<text:s text:c=\"2\"/>b"
	    "<text:tab/>c</text:p><text:p>2<text:line-break/>3</text:p>"
	    "</table:table-cell>"
	    /* A number shown with its leading zero keeps it. */
	    "<table:table-cell office:value-type=\"float\" "
	    "office:value=\"912345678\"><text:p>0912345678</text:p>"
	    "</table:table-cell></table:table-row>"
	    /* Typed values; a number not shown as itself is its value. */
	    "<table:table-row><table:table-cell office:value-type=\"date\" "
	    "office:date-value=\"2024-05-08\"><text:p>113/05/08</text:p>"
	    "</table:table-cell><table:table-cell office:value-type="
	    "\"percentage\" office:value=\"0.875\"><text:p>87.50%</text:p>"
	    "</table:table-cell><table:table-cell office:value-type=\"float\" "
	    "office:value=\"1234.5\"><text:p>1,234.50</text:p>"
	    "</table:table-cell><table:table-cell office:value-type="
	    "\"boolean\" office:boolean-value=\"true\"><text:p>TRUE</text:p>"
	    "</table:table-cell><table:table-cell office:value-type=\"time\" "
	    "office:time-value=\"PT14H30M00S\"/></table:table-row>"
	    /* The same row three times. */
	    "<table:table-row table:number-rows-repeated=\"3\">"
	    "<table:table-cell table:number-columns-repeated=\"2\" "
	    "office:value-type=\"string\" office:string-value=\"x\"/>"
	    "</table:table-row>"
	    /* LibreOffice's million empty rows to the sheet's end. */
	    "<table:table-row table:number-rows-repeated=\"1048569\">"
	    "<table:table-cell table:number-columns-repeated=\"16384\"/>"
	    "</table:table-row></table:table>"
	    "<table:table table:name=\"二\"><table:table-row><table:table-cell>"
	    "<text:p>not read</text:p></table:table-cell></table:table-row>"
	    "</table:table>" ODS_TAIL, NULL);
	assert_string_equal(got, "1|113年度名冊\n"
	    "4|姓名||電話\n"
	    "5|王小明| a  b\tc\\n2\\n3|0912345678\n"
	    "6|2024-05-08|87.50%|1234.5|TRUE|14:30\n"
	    "7|x|x\n8|x|x\n9|x|x\n");
	free(got);
}

/*
 * Typed values that are not what their type says keep the text shown:
 * a "date" whose tenth byte falls inside a character was cut in two
 * (invalid UTF-8 handed to the import), and a number too long for the
 * reader's buffer was read as another number.
 */
static void
test_table_ods_odd_values(void **state)
{
	char *got;

	(void)state;
	got = test_ods(ODS_HEAD "<table:table><table:table-row>"
	    "<table:table-cell office:value-type=\"date\" "
	    "office:date-value=\"2024-05-0年\"><text:p>五月</text:p>"
	    "</table:table-cell>"
	    "<table:table-cell office:value-type=\"date\" "
	    "office:date-value=\"2024-05-08T1時\"><text:p>八日</text:p>"
	    "</table:table-cell>"
	    "<table:table-cell office:value-type=\"float\" office:value=\""
	    "1234567890123456789012345678901234567890123456789012345678901234"
	    "5\"><text:p>很長</text:p></table:table-cell>"
	    "<table:table-cell office:value-type=\"float\">"
	    "<text:p>無值</text:p></table:table-cell>"
	    "</table:table-row></table:table>" ODS_TAIL, NULL);
	assert_string_equal(got, "1|五月|2024-05-08|很長|無值\n");
	free(got);
}

/*
 * An ROC date typed into LibreOffice set to Taiwan: 115/3/1 is the year
 * 115, shown 0115-03-01 in the Julian calendar LibreOffice keeps before
 * 1582-10-15, but stored (in .ods and .xlsx alike) as the Gregorian day,
 * 0115-02-28. Read as shown, it is the date typed (and the import takes
 * 0115 for 民國115年); from the Gregorian reform on, days are as stored.
 */
static void
test_table_roc_typed(void **state)
{
	char *got;

	(void)state;
	got = test_ods(ODS_HEAD "<table:table><table:table-row>"
	    "<table:table-cell office:value-type=\"date\" "
	    "office:date-value=\"0115-02-28\"><text:p>0115-03-01</text:p>"
	    "</table:table-cell>"
	    "<table:table-cell office:value-type=\"date\" "
	    "office:date-value=\"0116-01-14T00:00:00\"><text:p>116/1/15"
	    "</text:p></table:table-cell>"
	    "<table:table-cell office:value-type=\"date\" "
	    "office:date-value=\"1582-10-14\"><text:p>1582-10-04</text:p>"
	    "</table:table-cell>"
	    "<table:table-cell office:value-type=\"date\" "
	    "office:date-value=\"1582-10-15\"><text:p>1582-10-15</text:p>"
	    "</table:table-cell>"
	    "</table:table-row></table:table>" ODS_TAIL, NULL);
	assert_string_equal(got,
	    "1|0115-03-01|0116-01-15|1582-10-04|1582-10-15\n");
	free(got);

	got = test_xlsx("<worksheet><sheetData><row r=\"1\"><c s=\"1\"><v>"
	    "-651898</v></c><c s=\"1\"><v>-651578</v></c><c s=\"1\"><v>"
	    "-115859</v></c><c s=\"1\"><v>-115858</v></c><c s=\"1\"><v>"
	    "-693593</v></c><c s=\"1\"><v>-693594</v></c><c s=\"1\"><v>0"
	    "</v></c></row></sheetData></worksheet>", NULL,
	    "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode="
	    "\"yyyy\\-mm\\-dd\"/></numFmts><cellXfs><xf numFmtId=\"0\"/>"
	    "<xf numFmtId=\"164\"/></cellXfs></styleSheet>", NULL);
	assert_string_equal(got, "1|0115-03-01|0116-01-15|1582-10-04|"
	    "1582-10-15|0001-01-03|-693594|0\n");
	free(got);
}

/*
 * Cells merged down (a sign-in sheet's 機關 typed once over its people):
 * each row the merge covers reads its value in the merge's first column;
 * a row holding nothing else is empty, not handed over; a merge across
 * one row (a title) stays one cell; a merge over an empty cell fills
 * nothing. .ods names the merge at its top-left cell, .xlsx after the
 * rows (here with a namespace prefix, and past the first chunk read).
 */
static void
test_table_merged(void **state)
{
	static const char want[] = "1|113年度名冊\n2|機關|姓名|電話\n"
	    "3|內政部|王小明|1\n4|內政部|李大華|2\n6|財政部||3\n"
	    "7|財政部||4\n8|外交部|陳一|5\n9||林二|6\n";
	char *got, *sheet, *pad;
	const char *tail;
	size_t at;

	(void)state;
#define ODS_S(v)	"<table:table-cell office:value-type=\"string\">"	\
	"<text:p>" v "</text:p></table:table-cell>"
	got = test_ods(ODS_HEAD "<table:table table:name=\"簽到表\">"
	    "<table:table-row><table:table-cell table:number-columns-"
	    "spanned=\"3\" office:value-type=\"string\"><text:p>113年度名冊"
	    "</text:p></table:table-cell><table:covered-table-cell "
	    "table:number-columns-repeated=\"2\"/></table:table-row>"
	    "<table:table-row>" ODS_S("機關") ODS_S("姓名") ODS_S("電話")
	    "</table:table-row>"
	    /* 內政部 down over three rows, the last a spare line; what a
	     * covered cell kept hidden is not what the sheet shows. */
	    "<table:table-row><table:table-cell table:number-rows-spanned="
	    "\"3\" office:value-type=\"string\"><text:p>內政部</text:p>"
	    "</table:table-cell>" ODS_S("王小明") ODS_S("1")
	    "</table:table-row><table:table-row><table:covered-table-cell "
	    "office:value-type=\"string\"><text:p>舊</text:p>"
	    "</table:covered-table-cell>" ODS_S("李大華") ODS_S("2")
	    "</table:table-row><table:table-row><table:covered-table-cell/>"
	    "<table:table-cell table:number-columns-repeated=\"2\"/>"
	    "</table:table-row>"
	    /* 財政部 down two rows and across two columns: its first
	     * column only. */
	    "<table:table-row><table:table-cell table:number-rows-spanned="
	    "\"2\" table:number-columns-spanned=\"2\" office:value-type="
	    "\"string\"><text:p>財政部</text:p></table:table-cell>"
	    "<table:covered-table-cell/>" ODS_S("3") "</table:table-row>"
	    "<table:table-row><table:covered-table-cell table:number-"
	    "columns-repeated=\"2\"/>" ODS_S("4") "</table:table-row>"
	    "<table:table-row>" ODS_S("外交部") ODS_S("陳一") ODS_S("5")
	    "</table:table-row>"
	    /* A merge over an empty cell. */
	    "<table:table-row><table:table-cell table:number-rows-spanned="
	    "\"2\"/>" ODS_S("林二") ODS_S("6") "</table:table-row>"
	    "<table:table-row><table:covered-table-cell/>" ODS_S("")
	    ODS_S("7") "</table:table-row>"
	    "</table:table>" ODS_TAIL, NULL);
#undef ODS_S
	assert_string_equal(got, "1|113年度名冊\n2|機關|姓名|電話\n"
	    "3|內政部|王小明|1\n4|內政部|李大華|2\n6|財政部||3\n"
	    "7|財政部||4\n8|外交部|陳一|5\n9||林二|6\n10|||7\n");
	free(got);

#define X_S(r, v)	"<x:c r=\"" r "\" t=\"inlineStr\"><x:is><x:t>" v	\
	"</x:t></x:is></x:c>"
	sheet = strdup("<x:worksheet xmlns:x=\"http://schemas.openxmlformats."
	    "org/spreadsheetml/2006/main\"><x:sheetData>"
	    "<x:row r=\"1\">" X_S("A1", "113年度名冊") "<x:c r=\"B1\" s=\"1\"/>"
	    "<x:c r=\"C1\" s=\"1\"/></x:row>"
	    "<x:row r=\"2\">" X_S("A2", "機關") X_S("B2", "姓名")
	    X_S("C2", "電話") "</x:row>"
	    "<x:row r=\"3\">" X_S("A3", "內政部") X_S("B3", "王小明")
	    X_S("C3", "1") "</x:row>"
	    "<x:row r=\"4\">" X_S("A4", "舊") X_S("B4", "李大華")
	    X_S("C4", "2") "</x:row>"
	    "<x:row r=\"5\"><x:c r=\"A5\" s=\"1\"/></x:row>"
	    "<x:row r=\"6\">" X_S("A6", "財政部") X_S("C6", "3") "</x:row>"
	    /* the covered cells not written at all */
	    "<x:row r=\"7\">" X_S("C7", "4") "</x:row>"
	    "<x:row r=\"8\">" X_S("A8", "外交部") X_S("B8", "陳一")
	    X_S("C8", "5") "</x:row>"
	    /* the top-left cell of A9:A10 not written */
	    "<x:row r=\"9\">" X_S("B9", "林二") X_S("C9", "6") "</x:row>"
	    "</x:sheetData>");
#undef X_S
	tail = "<x:mergeCells count=\"5\"><x:mergeCell ref=\"A9:A10\"/>"
	    "<x:mergeCell ref=\"A1:C1\"/><x:mergeCell ref=\"A3:A5\"/>"
	    "<x:mergeCell ref=\"A6:B7\"/><x:mergeCell ref=\"A8\"/>"
	    "</x:mergeCells></x:worksheet>";
	/* The list well after the first 64 KiB the look reads at once. */
	at = 65536 + 100;
	assert_non_null(pad = malloc(at + strlen(tail) + 1));
	memcpy(pad, sheet, strlen(sheet));
	memset(pad + strlen(sheet), ' ', at - strlen(sheet));
	strcpy(pad + at, tail);
	got = test_xlsx(pad, NULL, NULL, NULL);
	assert_string_equal(got, want);
	free(got);
	free(pad);
	free(sheet);
}

/*
 * A cell merged down hands its text over on every row it covers, text the
 * file holds once: as with a repeated row, there is a most it may hand
 * over (fifteen cells of 60 KB each merged down a hundred rows would be
 * 90 MB).
 */
static void
test_table_merged_limit(void **state)
{
	const char *cell = "<table:table-cell table:number-rows-spanned="
	    "\"100\" office:value-type=\"string\"><text:p>";
	const char *mid = "<table:table-cell office:value-type=\"string\">"
	    "<text:p>1</text:p></table:table-cell></table:table-row>";
	const char *row = "<table:table-row><table:covered-table-cell "
	    "table:number-columns-repeated=\"15\"/><table:table-cell "
	    "office:value-type=\"string\"><text:p>2</text:p>"
	    "</table:table-cell></table:table-row>";
	const char *tail = "</table:table>" ODS_TAIL;
	struct part parts[2];
	struct table_reader *r;
	const struct table_row *got;
	char *content, *p, *zip, *cause = NULL;
	size_t big = 60000, len, i, rows = 0;
	int rc;

	(void)state;
	len = strlen(ODS_HEAD "<table:table><table:table-row>") + 15 *
	    (strlen(cell) + big + 32) + strlen(mid) + 99 * strlen(row) +
	    strlen(tail) + 1;
	assert_non_null(content = p = malloc(len));
	p = stpcpy(p, ODS_HEAD "<table:table><table:table-row>");
	for (i = 0; i < 15; i++) {
		p = stpcpy(p, cell);
		memset(p, 'x', big);
		p = stpcpy(p + big, "</text:p></table:table-cell>");
	}
	p = stpcpy(p, mid);
	for (i = 0; i < 99; i++)
		p = stpcpy(p, row);
	strcpy(p, tail);
	parts[0] = (struct part){ "mimetype", "application/vnd.oasis."
	    "opendocument.spreadsheet" };
	parts[1] = (struct part){ "content.xml", content };
	zip = test_zip(parts, 2, &len);
	assert_int_equal(table_reader_open_mem(&r, "t", zip, len, NULL,
	    &cause), 0);
	while ((rc = table_reader_next(r, &got, &cause)) == 1)
		rows++;
	assert_int_equal(rc, -1);
	assert_true(rows < 80);
	assert_contains(cause, "t: row ");
	assert_contains(cause, "merged down");
	free(cause);
	table_reader_close(r);
	free(zip);
	free(content);
}

/* An .xlsx as Excel writes one: shared strings, formats, references. */
static void
test_table_xlsx(void **state)
{
	char *got;

	(void)state;
	got = test_xlsx("<worksheet><sheetData>"
	    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
	    "<c r=\"C1\" t=\"s\"><v>1</v></c></row>"
	    "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>2</v></c>"
	    "<c r=\"B3\" s=\"2\"><v>912345678</v></c>"
	    "<c r=\"C3\" s=\"1\"><v>45420</v></c>"
	    "<c r=\"D3\" s=\"3\"><v>0.875</v></c>"
	    "<c r=\"E3\" t=\"b\"><v>1</v></c>"
	    "<c r=\"F3\" t=\"str\"><f>A1</f><v>a_x000D__x000A_b</v></c>"
	    "<c r=\"G3\" t=\"inlineStr\"><is><r><t>王</t></r><r><t>堃</t>"
	    "</r><rPh><t>ㄎㄨㄣ</t></rPh></is></c>"
	    "<c r=\"H3\" s=\"4\"><v>45420.604166666664</v></c>"
	    "<c r=\"I3\"><v>912345678</v></c></row>"
	    "<row><c><v>1.5E-3</v></c></row>"
	    "</sheetData></worksheet>",
	    "<sst><si><t>姓名</t></si><si><r><t>電</t></r><r><t>話</t></r>"
	    "<rPh><t>ㄉㄧㄢˋ</t></rPh></si><si><t xml:space=\"preserve\"> "
	    "許功蓋 </t></si></sst>",
	    "<styleSheet><numFmts><numFmt numFmtId=\"164\" "
	    "formatCode=\"[$-404]e/mm/dd\"/><numFmt numFmtId=\"165\" "
	    "formatCode=\"0000000000\"/></numFmts><cellStyleXfs><xf "
	    "numFmtId=\"14\"/></cellStyleXfs><cellXfs><xf numFmtId=\"0\"/>"
	    "<xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf "
	    "numFmtId=\"10\"/><xf numFmtId=\"22\"/></cellXfs></styleSheet>",
	    NULL);
	assert_string_equal(got, "1|姓名||電話\n"
	    "3| 許功蓋 |0912345678|2024-05-08|87.5%|TRUE|a\r\\nb|王堃|"
	    "2024-05-08 14:30|912345678\n"
	    "4|0.0015\n");
	free(got);

	/* The first visible sheet; dates counted from 1904 where it says. */
	got = test_xlsx("<worksheet><sheetData><row r=\"1\"><c s=\"1\"><v>0"
	    "</v></c></row></sheetData></worksheet>", NULL,
	    "<styleSheet><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>"
	    "</cellXfs></styleSheet>",
	    "<workbook><workbookPr date1904=\"1\"/><sheets><sheet name=\"h\" "
	    "state=\"hidden\" r:id=\"rId1\" xmlns:r=\"r\"/><sheet name=\"v\" "
	    "r:id=\"rId2\" xmlns:r=\"r\"/></sheets></workbook>");
	assert_string_equal(got, "1|second sheet\n");
	free(got);

	/* LibreOffice names its default format: General is no date (its
	 * G and e are not the era's). */
	got = test_xlsx("<worksheet><sheetData><row r=\"1\"><c s=\"0\"><v>209"
	    "</v></c><c s=\"0\"><v>1.5</v></c><c s=\"1\"><v>45267</v></c>"
	    "<c s=\"2\"><v>7</v></c></row></sheetData></worksheet>", NULL,
	    "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode="
	    "\"General\"/><numFmt numFmtId=\"165\" formatCode=\"yyyy\\-mm"
	    "\\-dd\"/><numFmt numFmtId=\"166\" formatCode=\"[$-404]GENERAL;"
	    "[RED]\\-General\"/></numFmts><cellXfs><xf numFmtId=\"164\"/><xf "
	    "numFmtId=\"165\"/><xf numFmtId=\"166\"/></cellXfs></styleSheet>",
	    NULL);
	assert_string_equal(got, "1|209|1.5|2023-12-07|7\n");
	free(got);

	/* Numbers beyond any integer are written as numbers, not converted. */
	got = test_xlsx("<worksheet><sheetData><row r=\"1\"><c><v>4.54278e+76"
	    "</v></c><c><v>-1e300</v></c><c><v>1e15</v></c></row></sheetData>"
	    "</worksheet>", NULL, NULL, NULL);
	assert_string_equal(got, "1|4.54278e+76|-1e+300|1e+15\n");
	free(got);
}

/* CSV rows are named as a spreadsheet numbers them, the line alongside. */
static void
test_table_csv_rows(void **state)
{
	static const char csv[] = "姓名,備註\r\n王小明,\"第一行\r\n第二行\"\r\n"
	    "\r\n李大華,x\r\n";
	char *got, buf[64];
	struct table_row row = { .row = 4, .line = 5 };

	(void)state;
	got = test_dump(csv, sizeof csv - 1, NULL);
	assert_string_equal(got, "1:1|姓名|備註\n2:2|王小明|第一行\r\\n第二行\n"
	    "4:5|李大華|x\n");
	free(got);
	table_row_name(&row, buf, sizeof buf);
	assert_string_equal(buf, "row 4 (line 5)");
	row.line = 4;
	table_row_name(&row, buf, sizeof buf);
	assert_string_equal(buf, "row 4");
	row.line = 0;
	row.row = 12;
	table_row_name(&row, buf, sizeof buf);
	assert_string_equal(buf, "row 12");
}

/* Big5 characters an agency defined: read, and the row named. */
static void
test_table_big5_eudc(void **state)
{
	/* 姓名 / 王 FA40 / 陳 8E40 C6A1 (Big5 bytes) */
	static const char csv[] = "\xa9\x6d\xa6\x57\r\n\xa4\xfd\xfa\x40\r\n"
	    "\xb3\xaf\x8e\x40\xc6\xa1\r\n";
	struct table_reader *r;
	const struct table_row *row;
	char *cause = NULL;

	(void)state;
	assert_int_equal(table_reader_open_mem(&r, "b.csv", csv,
	    sizeof csv - 1, NULL, &cause), 0);
	assert_int_equal(table_reader_next(r, &row, &cause), 1);
	assert_int_equal(table_reader_next(r, &row, &cause), 1);
	assert_string_equal(row->fields[0], "王\xee\x80\x80");	/* U+E000 */
	assert_int_equal(table_reader_next(r, &row, &cause), 1);
	assert_string_equal(row->fields[0], "陳\xee\x8c\x91\xef\x9a\xb1");
	assert_int_equal(table_reader_next(r, &row, &cause), 0);
	assert_contains(table_reader_warnings(r), "b.csv: row 2, column 1: "
	    "Big5 FA 40 is a character an agency defined; it was read as "
	    "U+E000 in the Private Use Area");
	assert_contains(table_reader_warnings(r), "row 3, column 1: Big5 "
	    "8E 40");
	table_reader_close(r);
	assert_null(cause);
}

/* What a hostile or foreign file meets: a sentence, never a crash. */
static void
test_table_hostile(void **state)
{
	struct table_options small = { .unpacked_max = 256 };
	struct part parts[2];
	char *got, *zip, big[1024];
	size_t len, i;

	(void)state;
	/* Entities: no DTD is read. */
	got = test_ods("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a "
	    "\"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>" ODS_HEAD "<table:table>"
	    "<table:table-row><table:table-cell><text:p>&b;</text:p>"
	    "</table:table-cell></table:table-row></table:table>" ODS_TAIL,
	    NULL);
	assert_contains(got, "!t: its part content.xml declares a DTD");
	free(got);

	/* A million repeats of a row of text. */
	got = test_ods(ODS_HEAD "<table:table><table:table-row "
	    "table:number-rows-repeated=\"1000000\"><table:table-cell "
	    "table:number-columns-repeated=\"16000\"><text:p>"
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</text:p></table:table-cell>"
	    "</table:table-row></table:table>" ODS_TAIL, NULL);
	assert_contains(got, "!t: row 1 holds more than 1 MB of text");
	free(got);
	got = test_ods(ODS_HEAD "<table:table><table:table-row "
	    "table:number-rows-repeated=\"1000000\"><table:table-cell "
	    "table:number-columns-repeated=\"100\"><text:p>xxxxxxxxxx</text:p>"
	    "</table:table-cell></table:table-row></table:table>" ODS_TAIL,
	    NULL);
	assert_contains(got, "!t: row 1 is repeated 1000000 times");
	free(got);

	/* A part larger than the limit is not unpacked. */
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	parts[0] = (struct part){ "mimetype", "application/vnd.oasis."
	    "opendocument.spreadsheet" };
	parts[1] = (struct part){ "content.xml", big };
	zip = test_zip(parts, 2, &len);
	got = test_dump(zip, len, &small);
	assert_contains(got, "its part content.xml would unpack to");
	free(got);

	/* A zip that says a part is smaller than it unpacks to: the
	 * sizes in both headers are cut to 10 bytes. */
	for (i = 0; i + 30 < len; i++)
		if (memcmp(zip + i, "PK\x03\x04", 4) == 0 &&
		    memcmp(zip + i + 30, "content.xml", 11) == 0)
			memcpy(zip + i + 22, "\x0a\0\0\0", 4);
		else if (memcmp(zip + i, "PK\x01\x02", 4) == 0 &&
		    memcmp(zip + i + 46, "content.xml", 11) == 0)
			memcpy(zip + i + 24, "\x0a\0\0\0", 4);
	got = test_dump(zip, len, NULL);
	assert_contains(got, "!t");
	assert_contains(got, "content.xml");
	free(got);
	free(zip);

	/* Cells past the sheet, rows out of order. */
	got = test_xlsx("<worksheet><sheetData><row r=\"2\"><c r=\"A2\"><v>1"
	    "</v></c></row><row r=\"1\"><c><v>2</v></c></row></sheetData>"
	    "</worksheet>", NULL, NULL, NULL);
	assert_contains(got, "its rows are out of order");
	free(got);
	got = test_xlsx("<worksheet><sheetData><row r=\"1\"><c r=\"ZZZZ1\">"
	    "<v>1</v></c></row></sheetData></worksheet>", NULL, NULL, NULL);
	assert_contains(got, "a cell of row 1 is out of order (r=\"ZZZZ1\")");
	free(got);
	got = test_xlsx("<worksheet><sheetData><row r=\"1\"><c t=\"s\"><v>7"
	    "</v></c></row></sheetData></worksheet>", "<sst/>", NULL, NULL);
	assert_contains(got, "names shared string 7, which the file does not "
	    "have");
	free(got);

	/* Not well-formed. */
	got = test_ods(ODS_HEAD "<table:table><table:table-row>", NULL);
	assert_contains(got, "is damaged: its part content.xml is not "
	    "well-formed");
	free(got);

	/* Not a spreadsheet, or an old one. */
	got = test_dump("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, NULL);
	assert_contains(got, "is an Excel 97-2003 workbook (.xls)");
	free(got);
	parts[0] = (struct part){ "word/document.xml", "<w/>" };
	zip = test_zip(parts, 1, &len);
	got = test_dump(zip, len, NULL);
	assert_contains(got, "is a Word document, not a spreadsheet");
	free(got);
	free(zip);
	got = test_dump("PK\x03\x04garbage", 11, NULL);
	assert_contains(got, "looks like a spreadsheet but cannot be opened");
	free(got);
}

static void
test_table_formats(void **state)
{
	(void)state;
	assert_int_equal(table_format_of_name("出席.ods"), TABLE_ODS);
	assert_int_equal(table_format_of_name("A.XLSX"), TABLE_XLSX);
	assert_int_equal(table_format_of_name("a.csv"), TABLE_CSV);
	assert_int_equal(table_format_of_name("a.txt"), TABLE_CSV);
	assert_int_equal(table_format_of_name("a.xls"), TABLE_FORMAT_NONE);
	assert_int_equal(table_format_of_name(".ods"), TABLE_FORMAT_NONE);
	assert_int_equal(table_format_parse("ODS"), TABLE_ODS);
	assert_int_equal(table_format_parse("pdf"), TABLE_FORMAT_NONE);
	assert_int_equal(table_text_width("王小明"), 6);
	assert_int_equal(table_text_width("ab\n王小明x"), 7);
	assert_int_equal(table_text_width("０２"), 4);
}

/* What the importer makes of values spreadsheets and input methods give. */
static void
test_table_import_values(void **state)
{
	char buf[64], iso[16];
	const char *why = NULL;

	(void)state;
	import_fold("０２－２３４５－６７８９（分機１２）", buf, sizeof buf);
	assert_string_equal(buf, "02-2345-6789(分機12)");
	import_fold("ｗａｎｇ＠ｍｏｉ．ｇｏｖ．ｔｗ　", buf, sizeof buf);
	assert_string_equal(buf, "wang@moi.gov.tw ");
	assert_int_equal(import_date("１１３/０５/０８", iso, &why), 0);
	assert_string_equal(iso, "2024-05-08");
	assert_int_equal(import_date("民國１１３年５月８日", iso, &why), 0);
	assert_string_equal(iso, "2024-05-08");
	assert_int_equal(import_date("99/12/31", iso, &why), 0);
	assert_string_equal(iso, "2010-12-31");
	/* A US short date is not 民國5年. */
	assert_int_equal(import_date("5/8/13", iso, &why), -1);
	assert_contains(why, "could be a United States date");
	assert_int_equal(import_date("12/31/2024", iso, &why), -1);
	/* A date cell formatted as a number: its day number. */
	assert_int_equal(import_date("45352", iso, &why), -1);
	assert_contains(why, "the number a spreadsheet keeps for a day");
	/* Not so a compact date a General cell keeps as a number: 民國
	 * yyymmdd and yyyymmdd are read; six digits are not a day's. */
	assert_int_equal(import_date("1130301", iso, &why), 0);
	assert_string_equal(iso, "2024-03-01");
	assert_int_equal(import_date("20240301", iso, &why), 0);
	assert_string_equal(iso, "2024-03-01");
	assert_int_equal(import_date("240301", iso, &why), -1);
	assert_contains(why, "is not a date");
	assert_int_equal(import_phone_lost_zero("912345678"), IMPORT_PHONE_ZERO);
	assert_int_equal(import_phone_lost_zero("223456789"), IMPORT_PHONE_ZERO);
	assert_int_equal(import_phone_lost_zero("0912345678"), 0);
	/* 07-123-4567 typed as one number, or no area code. */
	assert_int_equal(import_phone_lost_zero("71234567"), IMPORT_PHONE_SHORT);
	assert_int_equal(import_phone_lost_zero("23456789"), IMPORT_PHONE_SHORT);
	assert_int_equal(import_phone_lost_zero("886223456789"),
	    IMPORT_PHONE_PLUS);
	assert_int_equal(import_phone_lost_zero("886912345678"),
	    IMPORT_PHONE_PLUS);
	assert_int_equal(import_phone_lost_zero("1234567"), 0);
	assert_int_equal(import_phone_lost_zero("123456789012"), 0);
	assert_int_equal(import_phone_lost_zero("02-2345-6789"), 0);
	{
		static const struct {
			const char *in, *phone, *ext;
		} ext[] = {
			{ "02-2345-6789 分機123", "02-2345-6789", "123" },
			{ "02-2345-6789分機:123", "02-2345-6789", "123" },
			{ "02-2345-6789 分機：123", "02-2345-6789", "123" },
			{ "(02)2345-6789 轉 45", "(02)2345-6789", "45" },
			{ "02-2345-6789 ext. 6", "02-2345-6789", "6" },
			{ "02-2345-6789 EXT 6", "02-2345-6789", "6" },
			{ "02-2345-6789 x6", "02-2345-6789", "6" },
			{ "02-2345-6789(分機789)", "02-2345-6789", "789" },
			{ "02-2345-6789, 分機 789", "02-2345-6789", "789" },
			/* Not an extension: kept for the check to judge. */
			{ "02-2345-6789#123", NULL, NULL },
			{ "02-2345-6789 分機", NULL, NULL },
			{ "分機123", NULL, NULL },
			{ "02-2345-6789 分機123 王", NULL, NULL },
			{ "總機 02-2345-6789 分機123", NULL, NULL },
			{ "02-2345-6789 分機12345678901234567", NULL, NULL },
		};
		char phone[64], e[17];
		size_t i;

		for (i = 0; i < sizeof ext / sizeof ext[0]; i++) {
			strcpy(phone, ext[i].in);
			strcpy(e, "-");
			assert_int_equal(import_phone_ext(phone, e, sizeof e),
			    ext[i].phone != NULL);
			assert_string_equal(phone, ext[i].phone ?
			    ext[i].phone : ext[i].in);
			assert_string_equal(e, ext[i].ext ? ext[i].ext : "-");
		}
	}
	assert_int_equal(import_garbled("王??"), 1);
	assert_int_equal(import_garbled("王\xef\xbf\xbd"), 1);
	assert_int_equal(import_garbled("王堃"), 0);
	/* A Big5 save's ? against the stored text, 𡘙 four bytes. */
	assert_int_equal(import_lost("王堃𡘙?", "王???"), 1);
	assert_int_equal(import_lost("王堃", "王\xef\xbf\xbd"), 1);
	assert_int_equal(import_lost("王堃", "王□"), 1);	/* --replace */
	assert_int_equal(import_lost("王□", "王□"), 0);
	assert_int_equal(import_lost("王堃", "王堃"), 0);
	assert_int_equal(import_lost("王堃", "王?x"), 0);
	assert_int_equal(import_lost("王x", "王?"), 0);
	assert_int_equal(import_lost("王堃", "王"), 0);
	/* Text a spreadsheet read as a number, and showed so. */
	assert_int_equal(import_same_number("000123", "123"), 1);
	assert_int_equal(import_same_number("007", "7"), 1);
	assert_int_equal(import_same_number("+886", "886"), 1);
	assert_int_equal(import_same_number("1.50", "1.5"), 1);
	assert_int_equal(import_same_number("-0.10", "-0.1"), 1);
	assert_int_equal(import_same_number("0", "0"), 0);
	assert_int_equal(import_same_number("007", "8"), 0);
	assert_int_equal(import_same_number("007", "-7"), 0);
	assert_int_equal(import_same_number("02-2345", "22345"), 0);
	assert_int_equal(import_same_number("", "0"), 0);
	assert_int_equal(import_same_number("1.", "1"), 0);
	assert_int_equal(import_title_supervisor("副部長"), SUPV_DEPUTY_HEAD);
	assert_int_equal(import_title_supervisor("政務次長"),
	    SUPV_DEPUTY_HEAD);
	assert_int_equal(import_title_supervisor("副主任委員"),
	    SUPV_DEPUTY_HEAD);
	assert_int_equal(import_title_supervisor("副主委"), SUPV_DEPUTY_HEAD);
	assert_int_equal(import_title_supervisor("署副署長"),
	    SUPV_DEPUTY_HEAD);
	assert_int_equal(import_title_supervisor("資訊長"), SUPV_CIO);
	assert_int_equal(import_title_supervisor("副處長"), 0);
	assert_int_equal(import_title_supervisor("科長"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_round_trip),
		cmocka_unit_test(test_table_nonchars),
		cmocka_unit_test(test_table_ods),
		cmocka_unit_test(test_table_ods_odd_values),
		cmocka_unit_test(test_table_xlsx),
		cmocka_unit_test(test_table_merged),
		cmocka_unit_test(test_table_merged_limit),
		cmocka_unit_test(test_table_roc_typed),
		cmocka_unit_test(test_table_csv_rows),
		cmocka_unit_test(test_table_big5_eudc),
		cmocka_unit_test(test_table_hostile),
		cmocka_unit_test(test_table_formats),
		cmocka_unit_test(test_table_import_values),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
