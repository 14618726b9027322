/*
 * sheet-read.c — zipped spreadsheets in: the machinery the ODS and XLSX
 * grammars share. libzip opens the file and unpacks one part at a time;
 * expat walks the part a chunk at a time, and the grammar's handlers
 * build rows, which wait in a queue until they are asked for. So memory
 * is bounded by the chunk, the longest row and expat's own limit, never
 * by the size of the file, and a hostile file meets a limit at every
 * step: what a part may unpack to (a zip bomb stops there), what expat
 * may allocate, how long a cell and a row may be, how many rows and
 * columns a sheet may have, and how much repeated rows and cells merged
 * down may hand over.
 * A file with a DTD is refused: no spreadsheet needs one, and entities
 * are how XML is made to explode.
 *
 * A cell merged down over the rows below it (a sign-in sheet's 機關,
 * typed once for all of an agency's people) is what each of those rows
 * shows in its column, so each row is handed over with it: the grammar
 * names the merge at its top-left cell, and the value is kept only until
 * the merge's last row. A merge across one row (a title over the header)
 * stays one cell: its value repeated across would be headers no one
 * wrote. A row that holds nothing but a merge's value is as empty as it
 * looks (a spare line under an agency's people).
 */
#define _GNU_SOURCE	/* memmem */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sheetlib.h"
#include "table-int.h"

#define SHEET_CHUNK	(64 * 1024)	/* bytes unpacked and parsed at once */
#define SHEET_NS_SEP	'\x01'		/* between a name's URI and its local
					   part, as expat reports it */

/* A cell merged down: its value, shown in column col to row last. */
struct sheet_merge {
	uint64_t	 col;
	uint64_t	 first, last;
	char		*text;
	size_t		 len;
};

/* A row's cells: their text, each NUL-terminated, and where each starts. */
struct sheet_cells {
	char		*text;
	size_t		 len, cap;
	size_t		*starts;
	size_t		 n, startcap;
};

/* A row waiting to be handed over, n times. */
struct sheet_qrow {
	char		*text;		/* the cells, NUL-terminated */
	size_t		*starts;
	size_t		 ncells;
	uint64_t	 row;
	uint64_t	 repeat;
};

struct sheet {
	const struct sheet_grammar *g;
	void			*gdata;
	char			*name;		/* the file, in sentences */
	char			*sheetname;
	size_t			 field_max;
	uint64_t		 unpacked_max;
	zip_t			*za;
	char			*error;		/* sticky */

	/* The part being walked. */
	char			*part;
	zip_file_t		*zf;
	XML_Parser		 p;
	uint64_t		 part_size, part_read;
	int			 part_end;	/* all of it parsed */
	int			 done;		/* the grammar has its rows */
	char			*chunk;

	/* The row being built. */
	struct sheet_cells	 cells;
	uint64_t		 row;		/* its number */
	uint64_t		 col;		/* columns so far */
	uint64_t		 empties;	/* empty cells not yet stored */
	size_t			 cell;		/* where the open cell starts */
	int			 in_cell;
	uint64_t		 last;		/* the last row's number */
	uint64_t		 repeated;	/* bytes handed over again */

	/* Cells merged down, by column, while rows below them come. */
	struct sheet_merge	*merges;
	size_t			 nmerges, mergecap;
	size_t			 mergebytes;	/* their values' text */
	struct sheet_cells	 filled;	/* a row with them, built */

	/* Rows built, not yet handed over. */
	struct sheet_qrow	*q;
	size_t			 qhead, qlen, qcap;
	struct sheet_qrow	 cur;
	uint64_t		 cur_left;
	char			**fields;
	size_t			 fieldcap;
	struct table_row	 out;
};

/*
 * expat's memory, counted per thread against SHEET_XML_MEM_MAX (expat's
 * allocator takes no context; one parser runs at a time in a thread).
 */
static _Thread_local size_t sheet_xml_used;

struct sheet_xml_head {
	size_t	n;
	size_t	pad;		/* keep what follows aligned for anything */
};

static void *
sheet_xml_malloc(size_t n)
{
	struct sheet_xml_head *h;

	if (n > SHEET_XML_MEM_MAX - sheet_xml_used)
		return NULL;
	if ((h = malloc(sizeof *h + n)) == NULL)
		return NULL;
	h->n = n;
	sheet_xml_used += n;
	return h + 1;
}

static void
sheet_xml_free(void *p)
{
	struct sheet_xml_head *h;

	if (p == NULL)
		return;
	h = (struct sheet_xml_head *)p - 1;
	sheet_xml_used -= h->n;
	free(h);
}

static void *
sheet_xml_realloc(void *p, size_t n)
{
	struct sheet_xml_head *h, *nh;

	if (p == NULL)
		return sheet_xml_malloc(n);
	h = (struct sheet_xml_head *)p - 1;
	if (n > h->n && n - h->n > SHEET_XML_MEM_MAX - sheet_xml_used)
		return NULL;
	if ((nh = realloc(h, sizeof *nh + n)) == NULL)
		return NULL;
	sheet_xml_used = sheet_xml_used - nh->n + n;
	nh->n = n;
	return nh + 1;
}

static const XML_Memory_Handling_Suite sheet_xml_mem = {
	sheet_xml_malloc, sheet_xml_realloc, sheet_xml_free
};

void
sheet_fail(struct sheet *s, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (s->error != NULL)
		return;
	va_start(ap, fmt);
	msg = xvasprintf(_(fmt), ap);
	va_end(ap);
	s->error = xasprintf("%s: %s", s->name, msg);
	free(msg);
	if (s->p != NULL)
		XML_StopParser(s->p, XML_FALSE);
}

int
sheet_failed(const struct sheet *s)
{
	return s->error != NULL;
}

void
sheet_done(struct sheet *s)
{
	s->done = 1;
	if (s->p != NULL)
		XML_StopParser(s->p, XML_FALSE);
}

void *
sheet_grammar_data(struct sheet *s)
{
	return s->gdata;
}

void
sheet_set_grammar_data(struct sheet *s, void *data)
{
	s->gdata = data;
}

void
sheet_set_name(struct sheet *s, const char *name)
{
	free(s->sheetname);
	s->sheetname = xstrdup(name);
}

const char *
sheet_file(const struct sheet *s)
{
	return s->name;
}

const char *
sheet_name(const struct sheet *s)
{
	return s->sheetname != NULL ? s->sheetname : "";
}

const char *
sheet_local(const XML_Char *name)
{
	const char *p = strrchr(name, SHEET_NS_SEP);

	return p != NULL ? p + 1 : name;
}

const char *
sheet_attr(const XML_Char **atts, const char *local)
{
	size_t i;

	for (i = 0; atts[i] != NULL; i += 2)
		if (strcmp(sheet_local(atts[i]), local) == 0)
			return atts[i + 1];
	return NULL;
}

uint64_t
sheet_count(const char *v)
{
	uint64_t n = 0;

	if (v == NULL)
		return 1;
	if (*v == '\0')
		return 0;
	for (; *v >= '0' && *v <= '9'; v++) {
		if (n > UINT64_MAX / 16)
			return 0;	/* no sheet is that large */
		n = n * 10 + (uint64_t)(*v - '0');
	}
	return *v == '\0' ? n : 0;
}

/* A DTD is how XML is made to explode; no spreadsheet has one. */
static void XMLCALL
sheet_doctype(void *data, const XML_Char *name, const XML_Char *sysid,
    const XML_Char *pubid, int has_internal_subset)
{
	struct sheet *s = data;

	(void)name;
	(void)sysid;
	(void)pubid;
	(void)has_internal_subset;
	sheet_fail(s, "its part %s declares a DTD, which no spreadsheet "
	    "has; it was not read (save it again from the spreadsheet "
	    "program)", s->part ? s->part : "");
}

/* The part's number in the zip, or -1 with *cause when it must be there. */
static zip_int64_t
sheet_locate(struct sheet *s, const char *part, int required, char **cause)
{
	zip_int64_t i = sheetlib.zip_name_locate(s->za, part, 0);

	if (i < 0)
		i = sheetlib.zip_name_locate(s->za, part, ZIP_FL_NOCASE);
	if (i < 0 && required)
		err_set(cause, OGPO_INVALID, "%s: the file has no %s, so it is "
		    "not a whole %s spreadsheet; save it again from the "
		    "spreadsheet program", s->name, part, s->g ? s->g->label :
		    "");
	return i;
}

int
sheet_has_part(struct sheet *s, const char *part)
{
	return sheet_locate(s, part, 0, NULL) >= 0;
}

/* Open a part for reading, checking what it says it unpacks to. */
static zip_file_t *
sheet_part_open(struct sheet *s, zip_int64_t i, const char *part,
    uint64_t *size, char **cause)
{
	zip_stat_t st;
	zip_file_t *zf;

	sheetlib.zip_stat_init(&st);
	if (sheetlib.zip_stat_index(s->za, (zip_uint64_t)i, 0, &st) != 0) {
		err_set(cause, OGPO_INVALID, "%s: cannot read its part %s: %s",
		    s->name, part, sheetlib.zip_strerror(s->za));
		return NULL;
	}
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
	    st.encryption_method != ZIP_EM_NONE) {
		err_set(cause, OGPO_INVALID, "%s is protected by a password; "
		    "save it without one and import it again", s->name);
		return NULL;
	}
	*size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
	if (*size > s->unpacked_max) {
		err_set(cause, OGPO_INVALID, "%s: its part %s would unpack to "
		    "%llu MB, more than ogpo reads (%llu MB); split the sheet",
		    s->name, part, (unsigned long long)(*size >> 20),
		    (unsigned long long)(s->unpacked_max >> 20));
		return NULL;
	}
	if ((zf = sheetlib.zip_fopen_index(s->za, (zip_uint64_t)i, 0)) == NULL)
		err_set(cause, OGPO_INVALID, "%s: cannot unpack its part %s: "
		    "%s", s->name, part, sheetlib.zip_strerror(s->za));
	return zf;
}

/* A new expat parser, namespaces split, no DTD, s's limits. */
static XML_Parser
sheet_parser(struct sheet *s, XML_StartElementHandler start,
    XML_EndElementHandler end, XML_CharacterDataHandler text)
{
	XML_Parser p = XML_ParserCreate_MM(NULL, &sheet_xml_mem,
	    (XML_Char[]){ SHEET_NS_SEP, '\0' });

	if (p == NULL)
		return NULL;
	XML_SetUserData(p, s);
	XML_SetElementHandler(p, start, end);
	XML_SetCharacterDataHandler(p, text);
	XML_SetStartDoctypeDeclHandler(p, sheet_doctype);
	XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
	return p;
}

/* What expat said, as a sentence about the part. */
static int
sheet_xml_error(struct sheet *s, XML_Parser p, const char *part,
    char **cause)
{
	enum XML_Error e = XML_GetErrorCode(p);

	if (s->error != NULL)
		return err_set(cause, OGPO_INVALID, "%s", s->error);
	if (e == XML_ERROR_NO_MEMORY)
		return err_set(cause, OGPO_INVALID, "%s: its part %s holds "
		    "names or attributes too large to read; save it again "
		    "from the spreadsheet program", s->name, part);
	return err_set(cause, OGPO_INVALID, "%s is damaged: its part %s is "
	    "not well-formed at line %lu (%s); save it again from the "
	    "spreadsheet program", s->name, part,
	    (unsigned long)XML_GetCurrentLineNumber(p), XML_ErrorString(e));
}

/*
 * Feed the next chunk of part zf (size bytes as stated) to p. 1 while
 * there is more, 0 at its end, -1 on error. Unpacking stops at the
 * stated size: a part that unpacks to more is damaged or hostile.
 */
static int
sheet_feed(struct sheet *s, XML_Parser p, zip_file_t *zf, const char *part,
    uint64_t size, uint64_t *done, char **cause)
{
	zip_int64_t n;
	int last;

	n = sheetlib.zip_fread(zf, s->chunk, SHEET_CHUNK);
	if (n < 0) {
		err_set(cause, OGPO_INVALID, "%s is damaged: cannot unpack its "
		    "part %s (%s)", s->name, part,
		    sheetlib.zip_file_strerror(zf));
		return -1;
	}
	*done += (uint64_t)n;
	if (*done > size || *done > s->unpacked_max) {
		err_set(cause, OGPO_INVALID, "%s is damaged: its part %s "
		    "unpacks to more than it says", s->name, part);
		return -1;
	}
	last = n == 0;
	if (XML_Parse(p, s->chunk, (int)n, last) == XML_STATUS_ERROR) {
		if (s->error == NULL && s->done)
			return 0;
		sheet_xml_error(s, p, part, cause);
		return -1;
	}
	if (s->error != NULL) {
		err_set(cause, OGPO_INVALID, "%s", s->error);
		return -1;
	}
	return last || s->done ? 0 : 1;
}

int
sheet_parse_part(struct sheet *s, const char *part, int required,
    XML_StartElementHandler start, XML_EndElementHandler end,
    XML_CharacterDataHandler text, char **cause)
{
	zip_int64_t i;
	zip_file_t *zf;
	XML_Parser p;
	uint64_t size, done = 0;
	int rc, saved = s->done;

	if ((i = sheet_locate(s, part, required, cause)) < 0)
		return required ? OGPO_INVALID : 0;
	if ((zf = sheet_part_open(s, i, part, &size, cause)) == NULL)
		return OGPO_INVALID;
	if ((p = sheet_parser(s, start, end, text)) == NULL) {
		sheetlib.zip_fclose(zf);
		return err_set(cause, OGPO_NOMEM, "%s: cannot start reading "
		    "its part %s", s->name, part);
	}
	free(s->part);
	s->part = xstrdup(part);
	s->p = p;
	s->done = 0;
	while ((rc = sheet_feed(s, p, zf, part, size, &done, cause)) == 1)
		;
	s->p = NULL;
	s->done = saved;
	XML_ParserFree(p);
	sheetlib.zip_fclose(zf);
	return rc < 0 ? OGPO_INVALID : 0;
}

int
sheet_part_holds(struct sheet *s, const char *part, const char *needle,
    char **cause)
{
	zip_int64_t i, n;
	zip_file_t *zf;
	uint64_t size, done = 0;
	size_t nl = strlen(needle), keep = 0, total;
	char *buf;
	int found = 0;

	if ((i = sheet_locate(s, part, 1, cause)) < 0)
		return -1;
	if ((zf = sheet_part_open(s, i, part, &size, cause)) == NULL)
		return -1;
	buf = xmalloc(SHEET_CHUNK + nl);
	for (;;) {
		if ((n = sheetlib.zip_fread(zf, buf + keep, SHEET_CHUNK)) < 0) {
			err_set(cause, OGPO_INVALID, "%s is damaged: cannot "
			    "unpack its part %s (%s)", s->name, part,
			    sheetlib.zip_file_strerror(zf));
			found = -1;
			break;
		}
		done += (uint64_t)n;
		if (done > size || done > s->unpacked_max) {
			err_set(cause, OGPO_INVALID, "%s is damaged: its part "
			    "%s unpacks to more than it says", s->name, part);
			found = -1;
			break;
		}
		if (n == 0)
			break;
		total = keep + (size_t)n;
		if (memmem(buf, total, needle, nl) != NULL) {
			found = 1;
			break;
		}
		/* The bytes sought may lie across two chunks. */
		keep = total < nl - 1 ? total : nl - 1;
		memmove(buf, buf + total - keep, keep);
	}
	free(buf);
	sheetlib.zip_fclose(zf);
	return found;
}

/* --- rows ------------------------------------------------------------ */

/* Column col (0-based) as a spreadsheet names it: A, Z, AA … */
static void
sheet_col_name(uint64_t col, char *buf, size_t n)
{
	char tmp[16];
	size_t i = 0, j;

	col++;
	while (col > 0 && i < sizeof tmp) {
		col--;
		tmp[i++] = (char)('A' + col % 26);
		col /= 26;
	}
	for (j = 0; j < i && j + 1 < n; j++)
		buf[j] = tmp[i - 1 - j];
	buf[j] = '\0';
}

void
sheet_row_begin(struct sheet *s, uint64_t row)
{
	s->row = row;
	s->cells.len = 0;
	s->cells.n = 0;
	s->col = 0;
	s->empties = 0;
	s->in_cell = 0;
}

uint64_t
sheet_row_next(const struct sheet *s)
{
	return s->last + 1;
}

/* Append len bytes to the row, within the limits; 0 or -1 (failed). */
static int
sheet_put(struct sheet *s, const char *t, size_t len)
{
	struct sheet_cells *c = &s->cells;

	if (s->error != NULL)
		return -1;
	if (c->len + len + 1 > SHEET_ROW_MAX) {
		sheet_fail(s, "row %llu holds more than 1 MB of text; it "
		    "cannot be a list of people", (unsigned long long)s->row);
		return -1;
	}
	c->text = xgrow(c->text, &c->cap, c->len + len + 1, 1);
	if (len > 0)
		memcpy(c->text + c->len, t, len);
	c->len += len;
	return 0;
}

/* Note a cell starting at start (NUL-terminated at s->cells.len). */
static void
sheet_store(struct sheet *s, size_t start)
{
	struct sheet_cells *c = &s->cells;

	c->starts = xgrow(c->starts, &c->startcap, c->n + 1, sizeof *c->starts);
	c->starts[c->n++] = start;
}

void
sheet_cell_skip_to(struct sheet *s, uint64_t col)
{
	if (col > s->col) {
		s->empties += col - s->col;
		s->col = col;
	}
}

void
sheet_cell_begin(struct sheet *s)
{
	s->in_cell = 1;
	s->cell = s->cells.len;
}

void
sheet_cell_text(struct sheet *s, const char *t, size_t len)
{
	char col[16];

	if (!s->in_cell || s->error != NULL)
		return;
	if (s->cells.len - s->cell + len > s->field_max) {
		sheet_col_name(s->col, col, sizeof col);
		sheet_fail(s, "row %llu, column %s: the cell is longer than "
		    "%zu KiB", (unsigned long long)s->row, col,
		    s->field_max / 1024);
		return;
	}
	sheet_put(s, t, len);
}

void
sheet_cell_set(struct sheet *s, const char *t)
{
	if (!s->in_cell)
		return;
	s->cells.len = s->cell;
	sheet_cell_text(s, t, strlen(t));
}

const char *
sheet_cell_peek(struct sheet *s, size_t *len)
{
	if (!s->in_cell) {
		*len = 0;
		return "";
	}
	*len = s->cells.len - s->cell;
	if (sheet_put(s, "", 0) == 0)
		s->cells.text[s->cells.len] = '\0';
	return s->error ? "" : s->cells.text + s->cell;
}

void
sheet_cell_end(struct sheet *s, uint64_t repeat)
{
	size_t len, start;
	uint64_t i;
	char *cell;

	if (!s->in_cell)
		return;
	s->in_cell = 0;
	len = s->cells.len - s->cell;
	if (s->error != NULL || repeat == 0)
		return;
	if (len == 0) {
		s->empties += repeat;
		s->col += repeat;
		if (s->col > ((uint64_t)1 << 40))
			s->col = s->empties = (uint64_t)1 << 40;
		return;
	}
	if (s->col + repeat > TABLE_COLS_MAX) {
		sheet_fail(s, "row %llu has a cell past column %d, the most a "
		    "sheet has", (unsigned long long)s->row, TABLE_COLS_MAX);
		return;
	}
	if (s->empties == 0 && repeat == 1) {
		/* The common case: the cell stays where it is. */
		if (sheet_put(s, "", 1) != 0)
			return;
		s->cells.text[s->cells.len - 1] = '\0';
		sheet_store(s, s->cell);
		s->col++;
		return;
	}
	/* The cell's text moves behind the empty cells before it. */
	cell = xmalloc(len);
	memcpy(cell, s->cells.text + s->cell, len);
	s->cells.len = s->cell;
	for (i = 0; i < s->empties; i++) {
		start = s->cells.len;
		if (sheet_put(s, "", 1) != 0)
			goto done;
		s->cells.text[start] = '\0';
		sheet_store(s, start);
	}
	s->empties = 0;
	for (i = 0; i < repeat; i++) {
		start = s->cells.len;
		if (sheet_put(s, cell, len) != 0 || sheet_put(s, "", 1) != 0)
			goto done;
		s->cells.text[s->cells.len - 1] = '\0';
		sheet_store(s, start);
	}
	s->col += repeat;
done:
	free(cell);
}

/* --- cells merged down ----------------------------------------------- */

/* Forget the merges that end above row. */
static void
sheet_merge_expire(struct sheet *s, uint64_t row)
{
	size_t i, j;

	for (i = j = 0; i < s->nmerges; i++) {
		if (s->merges[i].last < row) {
			s->mergebytes -= s->merges[i].len;
			free(s->merges[i].text);
			continue;
		}
		s->merges[j++] = s->merges[i];
	}
	s->nmerges = j;
}

void
sheet_merge_down(struct sheet *s, uint64_t rows)
{
	struct sheet_merge *m;
	const char *t;
	size_t len, lo, hi, mid;

	if (!s->in_cell || s->error != NULL || rows < 2 ||
	    s->col >= TABLE_COLS_MAX)
		return;
	t = sheet_cell_peek(s, &len);
	if (s->error != NULL)
		return;
	sheet_merge_expire(s, s->row);
	lo = 0;
	hi = s->nmerges;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (s->merges[mid].col < s->col)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < s->nmerges && s->merges[lo].col == s->col) {
		/* Merges that overlap (only a damaged file has them): the
		 * newer one is what the column shows from here. */
		s->mergebytes -= s->merges[lo].len;
		free(s->merges[lo].text);
		memmove(s->merges + lo, s->merges + lo + 1,
		    (s->nmerges - lo - 1) * sizeof *s->merges);
		s->nmerges--;
	}
	if (len == 0)
		return;
	if (s->mergebytes + len > SHEET_ROW_MAX) {
		sheet_fail(s, "row %llu: the cells merged down over the rows "
		    "below hold more than 1 MB of text together; unmerge them",
		    (unsigned long long)s->row);
		return;
	}
	s->merges = xgrow(s->merges, &s->mergecap, s->nmerges + 1,
	    sizeof *s->merges);
	memmove(s->merges + lo + 1, s->merges + lo,
	    (s->nmerges - lo) * sizeof *s->merges);
	m = &s->merges[lo];
	m->col = s->col;
	m->first = s->row;
	m->last = rows - 1 > UINT64_MAX - s->row ? UINT64_MAX :
	    s->row + rows - 1;
	m->text = xmalloc(len + 1);
	memcpy(m->text, t, len);
	m->text[len] = '\0';
	m->len = len;
	s->nmerges++;
	s->mergebytes += len;
}

/* Append len bytes and a NUL to the row being filled as its next cell. */
static int
sheet_fill_put(struct sheet *s, const char *t, size_t len)
{
	struct sheet_cells *f = &s->filled;

	if (f->len + len + 1 > SHEET_ROW_MAX) {
		sheet_fail(s, "row %llu holds more than 1 MB of text with the "
		    "cells merged down over it; it cannot be a list of people",
		    (unsigned long long)s->row);
		return -1;
	}
	f->text = xgrow(f->text, &f->cap, f->len + len + 1, 1);
	memcpy(f->text + f->len, t, len);
	f->text[f->len + len] = '\0';
	f->starts = xgrow(f->starts, &f->startcap, f->n + 1,
	    sizeof *f->starts);
	f->starts[f->n++] = f->len;
	f->len += len + 1;
	return 0;
}

/*
 * The row with the values of the cells merged down over it, each in its
 * column (over whatever a covered cell kept hidden); 0 if it holds
 * nothing else, so is as empty as it looks; -1 if it failed.
 */
static int
sheet_merge_fill(struct sheet *s)
{
	struct sheet_merge *m;
	const char *t;
	struct sheet_cells tmp;
	size_t i, j, ncells, len;
	uint64_t given = 0;
	int over = 0, other = 0;

	sheet_merge_expire(s, s->row);
	ncells = s->cells.n;
	for (j = 0; j < s->nmerges; j++) {
		if (s->merges[j].first >= s->row)
			continue;	/* its own row: the cell is there */
		over = 1;
		if (s->merges[j].col >= ncells)
			ncells = (size_t)s->merges[j].col + 1;
	}
	if (!over)
		return 1;
	s->filled.len = 0;
	s->filled.n = 0;
	for (i = j = 0; i < ncells; i++) {
		while (j < s->nmerges && s->merges[j].col < i)
			j++;
		m = j < s->nmerges && s->merges[j].col == i &&
		    s->merges[j].first < s->row ? &s->merges[j] : NULL;
		if (m != NULL) {
			t = m->text;
			len = m->len;
			given += len + 1;
		} else if (i < s->cells.n) {
			t = s->cells.text + s->cells.starts[i];
			if ((len = strlen(t)) > 0)
				other = 1;
		} else {
			t = "";
			len = 0;
		}
		if (sheet_fill_put(s, t, len) != 0)
			return -1;
	}
	if (!other)
		return 0;
	/* Text the file holds once, handed over again: counted as a
	 * repeated row's is, or a hostile file could have a megabyte
	 * handed over on each of a million rows of one cell. */
	s->repeated += given;
	if (s->repeated > SHEET_REPEAT_MAX) {
		sheet_fail(s, "row %llu: the cells merged down over the rows "
		    "above it have been read on every row they cover as more "
		    "than 64 MB of text; a list of people holds far less",
		    (unsigned long long)s->row);
		return -1;
	}
	tmp = s->cells;
	s->cells = s->filled;
	s->filled = tmp;
	return 1;
}

void
sheet_row_end(struct sheet *s, uint64_t repeat)
{
	struct sheet_qrow *q;

	if (s->error != NULL)
		return;
	if (s->nmerges > 0 && s->cells.n > 0) {
		switch (sheet_merge_fill(s)) {
		case -1:
			return;
		case 0:
			s->cells.n = 0;
			break;
		}
	}
	if (s->cells.n == 0 || repeat == 0) {
		s->last = s->row + (repeat ? repeat - 1 : 0);
		if (s->last > ((uint64_t)1 << 40))
			s->last = (uint64_t)1 << 40;
		return;
	}
	if (s->row > TABLE_ROWS_MAX || repeat > TABLE_ROWS_MAX ||
	    s->row + repeat - 1 > TABLE_ROWS_MAX) {
		sheet_fail(s, "the sheet has text past row %d, the most a "
		    "sheet has", TABLE_ROWS_MAX);
		return;
	}
	if (repeat > 1) {
		s->repeated += (uint64_t)s->cells.len * (repeat - 1);
		if (s->repeated > SHEET_REPEAT_MAX) {
			sheet_fail(s, "row %llu is repeated %llu times, more "
			    "than a list of people holds",
			    (unsigned long long)s->row,
			    (unsigned long long)repeat);
			return;
		}
	}
	if (s->qhead + s->qlen == s->qcap && s->qhead > 0) {
		memmove(s->q, s->q + s->qhead, s->qlen * sizeof *s->q);
		s->qhead = 0;
	}
	s->q = xgrow(s->q, &s->qcap, s->qhead + s->qlen + 1, sizeof *s->q);
	q = &s->q[s->qhead + s->qlen++];
	q->text = xmalloc(s->cells.len + 1);
	memcpy(q->text, s->cells.text, s->cells.len);
	q->text[s->cells.len] = '\0';
	q->starts = xreallocarray(NULL, s->cells.n, sizeof *q->starts);
	memcpy(q->starts, s->cells.starts, s->cells.n * sizeof *q->starts);
	q->ncells = s->cells.n;
	q->row = s->row;
	q->repeat = repeat;
	s->last = s->row + repeat - 1;
}

/* --- the reader ------------------------------------------------------ */

/* The format inside the zip, by its parts; -1 with *cause if none. */
static int
sheet_detect(struct sheet *s, enum table_format *fmt, char **cause)
{
	static const char ods[] = "application/vnd.oasis.opendocument."
	    "spreadsheet";
	zip_int64_t i;
	zip_file_t *zf;
	uint64_t size;
	char mime[128];
	zip_int64_t n = 0;

	if ((i = sheetlib.zip_name_locate(s->za, "mimetype", 0)) >= 0 &&
	    (zf = sheet_part_open(s, i, "mimetype", &size, cause)) != NULL) {
		n = sheetlib.zip_fread(zf, mime, sizeof mime - 1);
		sheetlib.zip_fclose(zf);
		mime[n > 0 ? n : 0] = '\0';
		if (strncmp(mime, ods, sizeof ods - 1) == 0) {
			*fmt = TABLE_ODS;
			return 0;
		}
		if (strncmp(mime, "application/vnd.oasis.opendocument.",
		    35) == 0)
			return err_set(cause, OGPO_INVALID, "%s is an "
			    "OpenDocument file but not a spreadsheet (%s); "
			    "open it and save the table as .ods", s->name,
			    mime + 35);
	}
	if (sheet_has_part(s, "content.xml")) {
		*fmt = TABLE_ODS;
		return 0;
	}
	if (sheet_has_part(s, "xl/workbook.xml")) {
		*fmt = TABLE_XLSX;
		return 0;
	}
	if (sheet_has_part(s, "word/document.xml"))
		return err_set(cause, OGPO_INVALID, "%s is a Word document, "
		    "not a spreadsheet; save the table as .ods or .xlsx",
		    s->name);
	/* Google Forms downloads its responses as a zip of one CSV. */
	for (i = 0; i < 10000; i++) {
		zip_stat_t st;
		size_t len;

		sheetlib.zip_stat_init(&st);
		if (sheetlib.zip_stat_index(s->za, (zip_uint64_t)i, 0,
		    &st) != 0)
			break;
		if (!(st.valid & ZIP_STAT_NAME) || st.name == NULL ||
		    (len = strlen(st.name)) < 5)
			continue;
		if (strcasecmp(st.name + len - 4, ".csv") == 0 ||
		    strcasecmp(st.name + len - 4, ".ods") == 0 ||
		    strcasecmp(st.name + len - 5, ".xlsx") == 0)
			return err_set(cause, OGPO_INVALID, "%s is a zip "
			    "file holding %s, not a spreadsheet itself (a "
			    "form's responses are downloaded so): unzip it "
			    "and give that file", s->name, st.name);
	}
	return err_set(cause, OGPO_INVALID, "%s is a zip file but not a "
	    "spreadsheet; give an .ods, .xlsx or .csv file", s->name);
}

int
sheet_open(struct sheet **sp, const char *path, const void *mem, size_t len,
    const struct table_options *o, enum table_format *fmt, char **cause)
{
	struct sheet *s;
	zip_source_t *src;
	zip_error_t ze;
	zip_int64_t i;
	int err = 0, rc;
	char *part = NULL;

	*sp = NULL;
	if ((rc = sheetlib_load(cause)) != 0)
		return rc;
	s = xcalloc(1, sizeof *s);
	s->name = xstrdup(path);
	s->field_max = o != NULL && o->field_max ? o->field_max :
	    CSV_FIELD_MAX_DEFAULT;
	s->unpacked_max = o != NULL && o->unpacked_max ? o->unpacked_max :
	    TABLE_UNPACKED_MAX;
	s->chunk = xmalloc(SHEET_CHUNK);
	sheetlib.zip_error_init(&ze);
	if (mem != NULL) {
		if ((src = sheetlib.zip_source_buffer_create(mem, len, 0,
		    &ze)) != NULL && (s->za = sheetlib.zip_open_from_source(src,
		    ZIP_RDONLY, &ze)) == NULL)
			sheetlib.zip_source_free(src);
	} else if ((s->za = sheetlib.zip_open(path, ZIP_RDONLY, &err)) == NULL)
		sheetlib.zip_error_init_with_code(&ze, err);
	if (s->za == NULL) {
		rc = err_set(cause, OGPO_INVALID, "%s looks like a spreadsheet "
		    "but cannot be opened (%s); save it again from the "
		    "spreadsheet program", path,
		    sheetlib.zip_error_strerror(&ze));
		sheetlib.zip_error_fini(&ze);
		sheet_close(s);
		return rc;
	}
	sheetlib.zip_error_fini(&ze);
	if ((rc = sheet_detect(s, fmt, cause)) != 0)
		goto fail;
	s->g = *fmt == TABLE_ODS ? &sheet_ods : &sheet_xlsx;
	if ((rc = s->g->open(s, &part, cause)) != 0)
		goto fail;
	if ((i = sheet_locate(s, part, 1, cause)) < 0) {
		rc = OGPO_INVALID;
		goto fail;
	}
	if ((s->zf = sheet_part_open(s, i, part, &s->part_size,
	    cause)) == NULL) {
		rc = OGPO_INVALID;
		goto fail;
	}
	free(s->part);
	s->part = part;
	part = NULL;
	if ((s->p = sheet_parser(s, s->g->start, s->g->end,
	    s->g->text)) == NULL) {
		rc = err_set(cause, OGPO_NOMEM, "%s: cannot start reading it",
		    path);
		goto fail;
	}
	*sp = s;
	return 0;

fail:
	free(part);
	sheet_close(s);
	return rc;
}

int
sheet_next(struct sheet *s, const struct table_row **row, char **cause)
{
	char *why;
	size_t i;
	int rc;

	*row = NULL;
	for (;;) {
		if (s->error != NULL)
			return err_set(cause, -1, "%s", s->error);
		if (s->cur_left > 0) {
			s->fields = xgrow(s->fields, &s->fieldcap,
			    s->cur.ncells, sizeof *s->fields);
			for (i = 0; i < s->cur.ncells; i++)
				s->fields[i] = s->cur.text + s->cur.starts[i];
			s->out.nfields = s->cur.ncells;
			s->out.fields = s->fields;
			s->out.line = 0;
			s->out.row = (size_t)(s->cur.row + s->cur.repeat -
			    s->cur_left);
			s->cur_left--;
			*row = &s->out;
			return 1;
		}
		free(s->cur.text);
		free(s->cur.starts);
		memset(&s->cur, 0, sizeof s->cur);
		if (s->qlen > 0) {
			s->cur = s->q[s->qhead++];
			s->qlen--;
			s->cur_left = s->cur.repeat;
			continue;
		}
		if (s->part_end)
			return 0;
		why = NULL;
		rc = sheet_feed(s, s->p, s->zf, s->part, s->part_size,
		    &s->part_read, &why);
		if (rc < 0 && s->error == NULL)
			s->error = why != NULL ? why : xstrdup(s->name);
		else
			free(why);
		if (rc <= 0)
			s->part_end = 1;
	}
}

uint64_t
sheet_bytes_read(const struct sheet *s)
{
	return s->part_read;
}

uint64_t
sheet_bytes_total(const struct sheet *s)
{
	return s->part_size;
}

void
sheet_close(struct sheet *s)
{
	if (s == NULL)
		return;
	if (s->g != NULL && s->g->free != NULL)
		s->g->free(s);
	if (s->p != NULL)
		XML_ParserFree(s->p);
	if (s->zf != NULL)
		sheetlib.zip_fclose(s->zf);
	if (s->za != NULL)
		sheetlib.zip_discard(s->za);
	while (s->qlen > 0) {
		free(s->q[s->qhead].text);
		free(s->q[s->qhead].starts);
		s->qhead++;
		s->qlen--;
	}
	while (s->nmerges > 0)
		free(s->merges[--s->nmerges].text);
	free(s->merges);
	free(s->filled.text);
	free(s->filled.starts);
	free(s->q);
	free(s->cur.text);
	free(s->cur.starts);
	free(s->fields);
	free(s->cells.text);
	free(s->cells.starts);
	free(s->chunk);
	free(s->part);
	free(s->sheetname);
	free(s->error);
	free(s->name);
	free(s);
}

/* --- values ---------------------------------------------------------- */

void
sheet_number_text(double v, char *buf, size_t n)
{
	/* The range first: converting a double outside int64_t is undefined. */
	if (v > -1e15 && v < 1e15 && v == (double)(int64_t)v)
		snprintf(buf, n, "%lld", (long long)v);
	else
		snprintf(buf, n, "%.15g", v);
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian), and back. */
static int64_t
sheet_days(int y, int m, int d)
{
	int64_t era, yoe, doy;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static void
sheet_civil(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/*
 * Day z (from 1970-01-01) as a spreadsheet shows it. LibreOffice counts
 * days in the Gregorian calendar but shows those before 1582-10-15 in the
 * Julian one, as history dates them; what it stores (and writes to .ods
 * and .xlsx) is a day or two off the date shown there. Only an ROC date
 * typed into it lands so early (115/3/1, which LibreOffice set to Taiwan
 * takes for the year 115): read as shown, it is the date typed.
 */
static void
sheet_shown(int64_t z, int *y, int *m, int *d)
{
	int64_t c, k, e, mp;

	if (z >= -141427) {		/* 1582-10-15, the first Gregorian day */
		sheet_civil(z, y, m, d);
		return;
	}
	c = z + 2440588 + 32082;	/* the Julian day number, moved on */
	k = (4 * c + 3) / 1461;
	e = c - 1461 * k / 4;
	mp = (5 * e + 2) / 153;
	*d = (int)(e - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp + 3 - 12 * (mp / 10));
	*y = (int)(k - 4800 + mp / 10);
}

void
sheet_date_shown(char *iso)
{
	int y, m, d;

	if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || y < 1 ||
	    y > 1582 || m < 1 || m > 12 || d < 1 || d > 31)
		return;
	sheet_shown(sheet_days(y, m, d), &y, &m, &d);
	if (y >= 1 && y <= 9999) {
		char buf[11];

		snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
		memcpy(iso, buf, 10);
	}
}

int
sheet_serial_date(double serial, int time, char *buf, size_t n)
{
	int64_t days;
	int y, m, d, mins;
	double frac;

	/* From 0001-01-01 (below 0 only LibreOffice writes: no Excel shows
	 * a date before 1900) to 9999-12-31. */
	if (!(serial >= -693593 && serial < 2958466) ||
	    (serial >= 0 && serial < 1))
		return -1;
	days = (int64_t)serial;
	if ((double)days > serial)
		days--;
	frac = serial - (double)days;
	/* 1900-02-29 did not happen, but Excel counts it (serial 60). */
	if (days >= 1 && days < 60)
		days++;
	sheet_shown(days - 25569, &y, &m, &d);
	mins = (int)(frac * 1440 + 0.5);
	if (time && mins > 0 && mins < 1440)
		snprintf(buf, n, "%04d-%02d-%02d %02d:%02d", y, m, d, mins / 60,
		    mins % 60);
	else
		snprintf(buf, n, "%04d-%02d-%02d", y, m, d);
	return 0;
}
