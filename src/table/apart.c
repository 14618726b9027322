/*
 * apart.c — a file's rows read in a process of their own.
 *
 * The readers of spreadsheets are the largest body of code that takes
 * what a person hands over: libzip, expat, libcsv, iconv and our own
 * grammars. A set-group-id ogpo that parsed a file itself would do so
 * with the shared database's descriptors open and its files mapped (the
 * data file writable by mprotect alone), and the full-screen program
 * with the group still its saved group: a parser made to run code of the
 * file's choosing could write the database raw, audit trail and all. So
 * the rows are read in a forked child that first gives up all of that
 * (aside_run, as the settings are read) and sends them back over a pipe
 * as plain records, no more of them than apart_max allows; this process
 * checks every length and every field's UTF-8 before it takes one, and
 * reads what came as a table of its own. The child is read to the end
 * before the caller holds the database, so a child that stalls holds up
 * only the person who gave it the file.
 *
 * A program not set-id has nothing to keep from itself: its rows are read
 * here, as before, and each open is a fresh reader of the bytes.
 *
 * What goes over the pipe, in this machine's byte order:
 *   'R' u64 line, u64 row, u64 bytes read, u32 n, n × (u32 len, bytes, NUL)
 *   'E' i32 rc (0 the end, -1 an error after the rows, else opening failed
 *       with that status), i32 format, i32 csv, i32 delimiter, i32 bom,
 *       i32 crlf, u64 bytes total, then the encoding, the sheet, the
 *       warnings and the cause as (u32 len or ~0 for none, bytes, NUL)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/aside.h"
#include "ogpo/text.h"
#include "table-int.h"


struct table_parsed {
	char			*name;
	/* Read here: the bytes and the options, for each open. */
	const void		*data;
	size_t			 len;
	struct table_options	 o;
	/* Read apart: what the child sent, checked. */
	int			 apart;
	char			*buf;
	size_t			 buflen, rows_end;
	struct apart_end	 end;
};

/* --- the child ---------------------------------------------------------- */

static void
apart_put(FILE *f, const void *p, size_t n)
{
	(void)fwrite(p, 1, n, f);
}

static void
apart_put_i32(FILE *f, int32_t v)
{
	apart_put(f, &v, sizeof v);
}

static void
apart_put_u64(FILE *f, uint64_t v)
{
	apart_put(f, &v, sizeof v);
}

static void
apart_put_end(FILE *f, int rc, struct table_reader *r, const char *cause)
{
	struct table_csv_info ci;
	int csv = r != NULL && table_reader_csv_info(r, &ci);

	if (!csv)
		memset(&ci, 0, sizeof ci);
	putc('E', f);
	apart_put_i32(f, rc);
	apart_put_i32(f, r != NULL ? (int32_t)table_reader_format(r) : 0);
	apart_put_i32(f, csv);
	apart_put_i32(f, ci.delimiter);
	apart_put_i32(f, ci.bom);
	apart_put_i32(f, ci.crlf);
	apart_put_u64(f, r != NULL ? table_reader_bytes_total(r) : 0);
	aside_put_str(f, csv ? ci.encoding : NULL);
	aside_put_str(f, r != NULL ? table_reader_sheet(r) : NULL);
	aside_put_str(f, r != NULL ? table_reader_warnings(r) : NULL);
	aside_put_str(f, cause);
}

/* What the child is to read. */
struct apart_job {
	const char			*name;
	const void			*data;
	size_t				 len;
	const struct table_options	*o;
};

/* Read the whole table and send it to f (aside_run's reader). */
static int
apart_send(FILE *f, void *arg)
{
	const struct apart_job *j = arg;
	struct table_reader *r;
	const struct table_row *row;
	char *cause = NULL;
	size_t i, n;
	int rc;

	if ((rc = table_reader_open_mem(&r, j->name, j->data, j->len, j->o,
	    &cause)) != 0) {
		apart_put_end(f, rc < 0 ? OGPO_INVALID : rc, NULL, cause);
		free(cause);
		return ferror(f) ? -1 : 0;
	}
	while ((rc = table_reader_next(r, &row, &cause)) == 1) {
		putc('R', f);
		apart_put_u64(f, row->line);
		apart_put_u64(f, row->row);
		apart_put_u64(f, table_reader_bytes_read(r));
		aside_put_u32(f, (uint32_t)row->nfields);
		for (i = 0; i < row->nfields; i++) {
			n = strlen(row->fields[i]);
			aside_put_u32(f, (uint32_t)n);
			apart_put(f, row->fields[i], n + 1);
		}
	}
	apart_put_end(f, rc < 0 ? -1 : 0, r, cause);
	free(cause);
	table_reader_close(r);
	return ferror(f) ? -1 : 0;
}

/* --- what came back ------------------------------------------------------- */

/* Take n bytes at *pos of p's buffer into v; 0 if there are not n. */
static int
apart_take(const struct table_parsed *p, size_t *pos, void *v, size_t n)
{
	if (p->buflen - *pos < n)
		return 0;
	memcpy(v, p->buf + *pos, n);
	*pos += n;
	return 1;
}

/*
 * A string at *pos: UTF-8, its NUL where its length says and none
 * before. *s points into the buffer (NULL for none). 0 if it is not so.
 */
static int
apart_take_str(const struct table_parsed *p, size_t *pos, const char **s,
    int may_be_none)
{
	uint32_t n;

	if (!apart_take(p, pos, &n, sizeof n))
		return 0;
	if (n == ASIDE_NONE) {
		*s = NULL;
		return may_be_none;
	}
	if (p->buflen - *pos <= n || p->buf[*pos + n] != '\0' ||
	    memchr(p->buf + *pos, '\0', n) != NULL ||
	    !text_utf8_valid(p->buf + *pos, n))
		return 0;
	*s = p->buf + *pos;
	*pos += (size_t)n + 1;
	return 1;
}

/* A row record at *pos (after its 'R'), checked; 0 if it is not one. */
static int
apart_check_row(const struct table_parsed *p, size_t *pos)
{
	uint64_t num[3];
	uint32_t n, i;
	const char *s;

	if (!apart_take(p, pos, num, sizeof num) ||
	    !apart_take(p, pos, &n, sizeof n) || n == 0 ||
	    n > (p->buflen - *pos) / 5)
		return 0;
	for (i = 0; i < n; i++)
		if (!apart_take_str(p, pos, &s, 0))
			return 0;
	return 1;
}

/* Every record the child sent, checked, and its end read. 0 if sound. */
static int
apart_check(struct table_parsed *p)
{
	struct apart_end *e = &p->end;
	int32_t v[6];
	size_t pos = 0;
	char type;

	while (apart_take(p, &pos, &type, 1)) {
		if (type == 'R') {
			if (!apart_check_row(p, &pos))
				return -1;
			continue;
		}
		if (type != 'E')
			return -1;
		p->rows_end = pos - 1;
		if (!apart_take(p, &pos, v, sizeof v) ||
		    !apart_take(p, &pos, &e->total, sizeof e->total) ||
		    !apart_take_str(p, &pos, &e->encoding, 1) ||
		    !apart_take_str(p, &pos, &e->sheet, 1) ||
		    !apart_take_str(p, &pos, &e->warnings, 1) ||
		    !apart_take_str(p, &pos, &e->cause, 1) || pos != p->buflen)
			return -1;
		e->rc = v[0];
		e->format = v[1] == TABLE_ODS || v[1] == TABLE_XLSX ?
		    (enum table_format)v[1] : TABLE_CSV;
		e->csv = v[2] != 0 && e->encoding != NULL;
		e->delimiter = v[3];
		e->bom = v[4] != 0;
		e->crlf = v[5] != 0;
		if (e->sheet == NULL)
			e->sheet = "";
		return e->rc != 0 && e->cause == NULL ? -1 : 0;
	}
	return -1;
}

/*
 * The most the reader may send for a file of len bytes: its rows come to
 * about what the file holds (a list of people, CSV or unpacked), so four
 * times the file and 256 MiB more is far past any real one, and a reader
 * gone wrong cannot make this process take memory without end.
 */
static size_t
apart_max(size_t len)
{
	size_t floor = (size_t)256 << 20;

	if (len > (SIZE_MAX - floor) / 4)
		return SIZE_MAX - 1;
	return floor + len * 4;
}

/* Have the child read the table (aside_run), take what it sends and
 * check it. */
static int
apart_run(struct table_parsed *p, const void *data, size_t len,
    const struct table_options *o, char **cause)
{
	struct apart_job j = { p->name, data, len, o };
	char *why = NULL;
	int rc;

	rc = aside_run(apart_send, &j, apart_max(len), &p->buf, &p->buflen,
	    &why);
	if (rc == ASIDE_SYSTEM)
		rc = err_set(cause, OGPO_IO, "cannot read %s: %s", p->name, why);
	else if (rc == ASIDE_TOO_MUCH)
		rc = err_set(cause, OGPO_INVALID, "%s could not be read: %s, "
		    "far more than a list of people comes to; nothing was "
		    "imported. Split the file and import each part", p->name,
		    why);
	else if (rc != 0)
		rc = err_set(cause, OGPO_INVALID, "%s could not be read: %s; "
		    "nothing was imported. Save the file again from the "
		    "spreadsheet program, or as CSV, and import that",
		    p->name, why);
	else if (apart_check(p) != 0)
		rc = err_set(cause, OGPO_INVALID, "%s could not be read: the "
		    "process reading it sent what a table is not; nothing was "
		    "imported", p->name);
	else if (p->end.rc > 0)	/* the file did not open as a table */
		rc = err_set(cause, p->end.rc, "%s", p->end.cause);
	free(why);
	return rc;
}

int
table_parse(struct table_parsed **pp, const char *name, const void *data,
    size_t len, const struct table_options *o, int apart, char **cause)
{
	struct table_parsed *p = xcalloc(1, sizeof *p);
	int rc;

	*pp = NULL;
	p->name = xstrdup(name);
	p->apart = apart;
	if (!apart) {
		p->data = data;
		p->len = len;
		if (o != NULL)
			p->o = *o;
		*pp = p;
		return 0;
	}
	if ((rc = apart_run(p, data, len, o, cause)) != 0) {
		table_parsed_free(p);
		return rc;
	}
	*pp = p;
	return 0;
}

int
table_parsed_open(struct table_reader **rp, const struct table_parsed *p,
    char **cause)
{
	if (!p->apart)
		return table_reader_open_mem(rp, p->name, p->data, p->len,
		    &p->o, cause);
	*rp = table_reader_open_apart(p->buf, p->rows_end, &p->end);
	return 0;
}

void
table_parsed_free(struct table_parsed *p)
{
	if (p == NULL)
		return;
	free(p->name);
	free(p->buf);
	free(p);
}

/* --- the rows, read again ----------------------------------------------- */

int
apart_next(struct apart_cursor *c, const struct table_row **row,
    char **cause)
{
	uint64_t num[3];
	uint32_t n, i, k;

	if (c->pos >= c->len) {
		if (c->end->rc == 0)
			return 0;
		err_set(cause, OGPO_INVALID, "%s", c->end->cause);
		return -1;
	}
	/* Checked whole when it came: only taken apart here. */
	c->pos++;	/* 'R' */
	memcpy(num, c->buf + c->pos, sizeof num);
	c->pos += sizeof num;
	memcpy(&n, c->buf + c->pos, sizeof n);
	c->pos += sizeof n;
	c->fields = xgrow(c->fields, &c->cap, n, sizeof *c->fields);
	for (i = 0; i < n; i++) {
		memcpy(&k, c->buf + c->pos, sizeof k);
		c->fields[i] = (char *)c->buf + c->pos + sizeof k;
		c->pos += sizeof k + (size_t)k + 1;
	}
	c->row.line = (size_t)num[0];
	c->row.row = (size_t)num[1];
	c->nread = num[2];
	c->row.nfields = n;
	c->row.fields = c->fields;
	*row = &c->row;
	return 1;
}
