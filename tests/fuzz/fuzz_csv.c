/*
 * fuzz_csv.c — libFuzzer target for the CSV reader and writer. The first
 * three bytes choose the options, the rest is the file:
 *
 *   byte 0  bits 0-2 encoding (detect, utf-8, big5, utf-16, utf-16le,
 *           utf-16be, detect, "latin1" which must be refused)
 *           bits 3-5 delimiter (sniff, ',', tab, ';', '|', sniff, sniff,
 *           'x' which must be refused)
 *           bits 6-7 second writer: UTF-8 guarded, UTF-16LE, UTF-16BE, Big5
 *   byte 1  bits 0-5 chunk (0: the default; 1-3 are raised to 4)
 *           bit 6 CRLF, bit 7 BOM on write
 *   byte 2  field_max (0: the default; 1-191 bytes; then in 256-byte steps)
 *
 * Every row the reader hands over must be well-formed (at least one
 * field, valid UTF-8, within field_max, lines not going back), an error
 * must be sticky, and what was read must come back the same after being
 * written: always as UTF-8 without the guard, and again through the
 * writer byte 0 picks (the guarded cells unguarded on the way back).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/csv.h"
#include "ogpo/text.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The rows read so far, copied out of the reader. */
struct fuzz_rows {
	char	***rows;
	size_t	 *nfields;
	size_t	  n, cap;
};

static void
fuzz_rows_add(struct fuzz_rows *rs, const struct table_row *row)
{
	size_t	i;

	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? 2 * rs->cap : 16;
		rs->rows = realloc(rs->rows, rs->cap * sizeof *rs->rows);
		rs->nfields = realloc(rs->nfields,
		    rs->cap * sizeof *rs->nfields);
		if (rs->rows == NULL || rs->nfields == NULL)
			abort();
	}
	rs->rows[rs->n] = calloc(row->nfields, sizeof(char *));
	if (rs->rows[rs->n] == NULL)
		abort();
	for (i = 0; i < row->nfields; i++)
		if ((rs->rows[rs->n][i] = strdup(row->fields[i])) == NULL)
			abort();
	rs->nfields[rs->n++] = row->nfields;
}

static void
fuzz_rows_free(struct fuzz_rows *rs)
{
	size_t	i, j;

	for (i = 0; i < rs->n; i++) {
		for (j = 0; j < rs->nfields[i]; j++)
			free(rs->rows[i][j]);
		free(rs->rows[i]);
	}
	free(rs->rows);
	free(rs->nfields);
}

/* Stop with the difference shown, so a crash file says what broke. */
static void
fuzz_fail(const char *what, size_t row, size_t field, const char *want,
    const char *got)
{
	fprintf(stderr, "fuzz_csv: %s: row %zu field %zu: wanted \"%s\", "
	    "got \"%s\"\n", what, row + 1, field + 1, want ? want : "(none)",
	    got ? got : "(none)");
	abort();
}

/* Check one row the reader handed over. */
static void
fuzz_check_row(const struct table_row *row, size_t field_max, size_t *line,
    size_t size)
{
	size_t	i, len;

	if (row->nfields == 0 || row->fields == NULL)
		fuzz_fail("a row without fields", 0, 0, NULL, NULL);
	/* A line break takes a byte at least. */
	if (row->line < *line || row->line == 0 || row->line > size + 1)
		fuzz_fail("the line went back or past the end", 0, 0, NULL,
		    row->fields[0]);
	*line = row->line;
	for (i = 0; i < row->nfields; i++) {
		len = strlen(row->fields[i]);
		if (len > field_max)
			fuzz_fail("a field over field_max", 0, i, NULL,
			    row->fields[i]);
		if (!text_utf8_valid(row->fields[i], len))
			fuzz_fail("a field not UTF-8", 0, i, NULL,
			    row->fields[i]);
	}
}

/*
 * Write rs with wo, read it back as encoding with delimiter delim, and
 * compare; cells a Big5 writer refuses (no Big5 form) are left out.
 */
static void
fuzz_round_trip(const struct fuzz_rows *rs,
    const struct csv_writer_options *wo, const char *encoding, size_t chunk)
{
	struct csv_writer	*w;
	struct csv_reader	*r;
	struct csv_options	 ro;
	const struct table_row	*row;
	char			*buf = NULL, *cause = NULL;
	size_t			 len = 0, i, j;
	unsigned char		*written;
	FILE			*f;
	const char		*got;
	int			 big5 = strcmp(wo->encoding, "big5") == 0, rc;

	if ((f = open_memstream(&buf, &len)) == NULL)
		abort();
	if (csv_writer_open(&w, f, "fuzz.csv", wo, &cause) != 0)
		fuzz_fail("the writer does not open", 0, 0, NULL, cause);
	if ((written = calloc(rs->n + 1, 1)) == NULL)
		abort();
	for (i = 0; i < rs->n; i++) {
		if (csv_writer_row(w, (const char *const *)rs->rows[i],
		    rs->nfields[i], &cause) == 0) {
			written[i] = 1;
			continue;
		}
		if (!big5 || cause == NULL || strstr(cause, "has no") == NULL)
			fuzz_fail("the writer refused a row", i, 0, NULL,
			    cause);
		free(cause);
		cause = NULL;
	}
	if (csv_writer_close(w, &cause) != 0)
		fuzz_fail("the writer does not close", 0, 0, NULL, cause);
	if (fclose(f) != 0)
		abort();

	memset(&ro, 0, sizeof ro);
	ro.encoding = encoding;
	ro.delimiter = wo->delimiter;
	ro.chunk = chunk;
	ro.field_max = 3 * len + 16;	/* UTF-16 and Big5 grow */
	if (csv_reader_open_mem(&r, "fuzz.csv", buf, len, &ro, &cause) != 0)
		fuzz_fail("the written file does not open", 0, 0, NULL, cause);
	for (i = 0; i < rs->n; i++) {
		if (!written[i])
			continue;
		rc = csv_reader_next(r, &row, &cause);
		if (rc != 1)
			fuzz_fail("a written row does not come back", i, 0,
			    rs->rows[i][0], cause);
		if (row->nfields != rs->nfields[i])
			fuzz_fail("a written row has other fields", i,
			    row->nfields, rs->rows[i][0], row->fields[0]);
		for (j = 0; j < row->nfields; j++) {
			got = row->fields[j];
			if (wo->guard)
				got = csv_cell_unguard(got);
			if (strcmp(got, rs->rows[i][j]) != 0)
				fuzz_fail("a cell came back changed", i, j,
				    rs->rows[i][j], got);
		}
	}
	if ((rc = csv_reader_next(r, &row, &cause)) != 0)
		fuzz_fail("more rows came back than were written", rs->n, 0,
		    NULL, rc == 1 ? row->fields[0] : cause);
	csv_reader_close(r);
	free(written);
	free(buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const encs[] = { NULL, "utf-8", "big5", "utf-16",
		"utf-16le", "utf-16be", NULL, "latin1" };
	static const int delims[] = { 0, ',', '\t', ';', '|', 0, 0, 'x' };
	static const struct {
		const char	*write, *read;
		int		 guard;
	} second[] = {
		{ "utf-8", "utf-8", 1 }, { "utf-16le", "utf-16le", 0 },
		{ "utf-16be", "utf-16be", 0 }, { "big5", "big5", 0 },
	};
	struct csv_options	 o;
	struct csv_writer_options wo;
	struct csv_reader	*r;
	const struct table_row	*row;
	struct fuzz_rows	 rs = { NULL, NULL, 0, 0 };
	char			*cause = NULL, *again = NULL;
	size_t			 field_max, line = 1;
	int			 rc, delim, mode;

	if (size < 3)
		return 0;
	memset(&o, 0, sizeof o);
	o.encoding = encs[data[0] & 7];
	o.delimiter = delims[(data[0] >> 3) & 7];
	mode = data[0] >> 6;
	o.chunk = data[1] & 0x3f;
	o.field_max = data[2] < 192 ? data[2] : (size_t)(data[2] - 191) * 256;
	field_max = o.field_max ? o.field_max : CSV_FIELD_MAX_DEFAULT;

	if (csv_reader_open_mem(&r, "fuzz.csv", data + 3, size - 3, &o,
	    &cause) != 0) {
		if (r != NULL || cause == NULL)
			abort();
		free(cause);
		return 0;
	}
	if ((data[0] & 7) == 7 || ((data[0] >> 3) & 7) == 7)
		abort();	/* a bad encoding or delimiter was taken */
	while ((rc = csv_reader_next(r, &row, &cause)) == 1) {
		fuzz_check_row(row, field_max, &line, size);
		fuzz_rows_add(&rs, row);
	}
	if (rc < 0) {
		/* The error sticks, word for word. */
		if (cause == NULL || row != NULL)
			abort();
		if (csv_reader_next(r, &row, &again) != -1 ||
		    again == NULL || strcmp(cause, again) != 0)
			fuzz_fail("the error did not stick", 0, 0, cause,
			    again);
	} else if (csv_reader_next(r, &row, &again) != 0)
		fuzz_fail("a row after the end", 0, 0, NULL, again);
	free(cause);
	free(again);
	if (csv_reader_bytes_read(r) > csv_reader_bytes_total(r))
		abort();
	delim = csv_reader_delimiter(r);
	csv_reader_close(r);

	memset(&wo, 0, sizeof wo);
	wo.encoding = "utf-8";
	wo.delimiter = delim;
	wo.crlf = (data[1] >> 6) & 1;
	wo.bom = data[1] >> 7;
	fuzz_round_trip(&rs, &wo, "utf-8", o.chunk);
	wo.encoding = second[mode].write;
	wo.guard = second[mode].guard;
	fuzz_round_trip(&rs, &wo, second[mode].read, o.chunk);

	fuzz_rows_free(&rs);
	return 0;
}
