/*
 * fuzz_sheet.c — libFuzzer target for the readers of .ods and .xlsx
 * files: zips and XML from hostile hands must never crash, never take
 * memory without bound (zip bombs, entities, repeated rows and
 * columns) and never take unbounded time. Byte 0 chooses how the rest
 * is read:
 *
 *   bits 0-1  0: the rest is the file itself (a zip);
 *             1: the rest is content.xml, zipped as an .ods;
 *             2: the rest is up to four parts split by "\n--\n" (the
 *                sheet, its shared strings, styles, workbook), zipped
 *                as an .xlsx, with relationships naming the sheet;
 *             3: as 2, the sheet stored deflated
 *   bit 2     a small unpacking limit (64 KiB), so that limit is met
 *   bit 3     a small cell limit (32 bytes)
 *   bits 4-5  the format asked for: detect, ods, xlsx, csv
 *
 * Every row handed over must be well-formed: at least one cell, cells
 * of valid UTF-8 within the limit, rows numbered upward within a
 * sheet's size; an error must stick.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "ogpo/table.h"
#include "ogpo/text.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fuzz_part {
	const char	*name;
	const char	*data;
	size_t		 len;
	int		 deflate;
};

/* The parts zipped in memory; returns the bytes (free them) or NULL. */
static char *
fuzz_zip(const struct fuzz_part *parts, size_t n, size_t *len)
{
	zip_source_t *src, *s;
	zip_error_t ze;
	zip_stat_t st;
	zip_int64_t i;
	zip_t *za;
	char *out = NULL;
	size_t k;

	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL)
		abort();
	zip_source_keep(src);
	if ((za = zip_open_from_source(src, ZIP_TRUNCATE, &ze)) == NULL)
		abort();
	for (k = 0; k < n; k++) {
		if ((s = zip_source_buffer(za, parts[k].data, parts[k].len,
		    0)) == NULL)
			abort();
		if ((i = zip_file_add(za, parts[k].name, s,
		    ZIP_FL_ENC_UTF_8)) < 0)
			abort();
		zip_set_file_compression(za, (zip_uint64_t)i, parts[k].deflate ?
		    ZIP_CM_DEFLATE : ZIP_CM_STORE, 1);
	}
	if (zip_close(za) != 0)
		abort();
	if (zip_source_stat(src, &st) != 0 || zip_source_open(src) != 0)
		abort();
	*len = (size_t)st.size;
	out = malloc(*len + 1);
	if (out == NULL || zip_source_read(src, out, *len) !=
	    (zip_int64_t)*len)
		abort();
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	return out;
}

/* Split the input at "\n--\n" into at most max parts. */
static size_t
fuzz_split(const char *p, size_t len, const char **at, size_t *lens,
    size_t max)
{
	size_t n = 0;
	const char *end = p + len, *q;

	for (q = p; n + 1 < max && end - q >= 4; q++)
		if (memcmp(q, "\n--\n", 4) == 0) {
			at[n] = p;
			lens[n++] = (size_t)(q - p);
			p = q + 4;
			q += 3;
		}
	at[n] = p;
	lens[n++] = (size_t)(end - p);
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char rels[] = "<Relationships xmlns=\"http://schemas."
	    "openxmlformats.org/package/2006/relationships\"><Relationship "
	    "Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
	static const char workbook[] = "<workbook><sheets><sheet name=\"名冊\" "
	    "sheetId=\"1\" r:id=\"rId1\" xmlns:r=\"r\"/></sheets></workbook>";
	static const char mimetype[] =
	    "application/vnd.oasis.opendocument.spreadsheet";
	struct table_options o;
	struct table_reader *r;
	const struct table_row *row;
	struct fuzz_part parts[6];
	const char *at[4];
	size_t lens[4], np, n, len = 0, i;
	char *file = NULL, *cause = NULL;
	uint64_t last = 0;
	int rc, mode;

	if (size < 1)
		return 0;
	mode = data[0] & 3;
	memset(&o, 0, sizeof o);
	if (data[0] & 4)
		o.unpacked_max = 64 * 1024;
	o.field_max = (data[0] & 8) ? 32 : 0;
	o.format = (enum table_format)((data[0] >> 4) & 3);
	data++;
	size--;
	if (mode == 1) {
		parts[0] = (struct fuzz_part){ "mimetype", mimetype,
		    sizeof mimetype - 1, 0 };
		parts[1] = (struct fuzz_part){ "content.xml",
		    (const char *)data, size, 1 };
		file = fuzz_zip(parts, 2, &len);
	} else if (mode >= 2) {
		np = fuzz_split((const char *)data, size, at, lens, 4);
		n = 0;
		parts[n++] = (struct fuzz_part){ "xl/worksheets/sheet1.xml",
		    at[0], lens[0], mode == 3 };
		if (np > 1)
			parts[n++] = (struct fuzz_part){ "xl/sharedStrings.xml",
			    at[1], lens[1], 0 };
		if (np > 2)
			parts[n++] = (struct fuzz_part){ "xl/styles.xml", at[2],
			    lens[2], 0 };
		parts[n++] = np > 3 ? (struct fuzz_part){ "xl/workbook.xml",
		    at[3], lens[3], 0 } : (struct fuzz_part){
		    "xl/workbook.xml", workbook, sizeof workbook - 1, 0 };
		parts[n++] = (struct fuzz_part){ "xl/_rels/workbook.xml.rels",
		    rels, sizeof rels - 1, 0 };
		file = fuzz_zip(parts, n, &len);
	}
	rc = table_reader_open_mem(&r, "f.ods", file ? file : (const char *)
	    data, file ? len : size, &o, &cause);
	if (rc != 0) {
		if (cause == NULL || r != NULL)
			abort();
		free(cause);
		free(file);
		return 0;
	}
	while ((rc = table_reader_next(r, &row, &cause)) == 1) {
		if (row->nfields < 1)
			abort();
		if (table_reader_format(r) != TABLE_CSV) {
			if (row->row <= last || row->row > TABLE_ROWS_MAX ||
			    row->nfields > TABLE_COLS_MAX)
				abort();
			last = row->row;
		}
		for (i = 0; i < row->nfields; i++)
			if (!text_utf8_valid(row->fields[i],
			    strlen(row->fields[i])) || (o.field_max &&
			    strlen(row->fields[i]) > o.field_max &&
			    table_reader_format(r) != TABLE_CSV))
				abort();
	}
	if (rc < 0) {
		if (cause == NULL)
			abort();
		free(cause);
		cause = NULL;
		if (table_reader_next(r, &row, &cause) != -1 || cause == NULL)
			abort();
	}
	free(cause);
	table_reader_close(r);
	free(file);
	return 0;
}
