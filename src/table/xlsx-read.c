/*
 * xlsx-read.c — the Excel workbook grammar (Office Open XML, .xlsx):
 * the first visible sheet named in xl/workbook.xml, found through its
 * relationships; the shared strings and the cell formats read first;
 * then the sheet's rows, each cell's value as a person would type it:
 * text as it is (Excel's _x000D_ escapes undone), a number formatted as
 * a date as YYYY-MM-DD, a percentage as 87.5%, a number formatted with
 * leading zeros (0000000000) with them, any other number as its value.
 * The sheet's merged cells are listed after its rows, so a first pass
 * over the sheet takes that list alone (the rows are not kept), when its
 * bytes name a merge at all: a cell merged down is then known at its
 * top-left cell, as the rows come.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "table-int.h"

/* The most text the shared strings may hold, all of them. */
#define XLSX_STRINGS_MAX	((size_t)512 << 20)
/* The most cells merged down a sheet may have (12 bytes each). */
#define XLSX_MERGES_MAX		((size_t)1 << 20)

enum xlsx_fmt {
	XLSX_NUMBER = 0,
	XLSX_DATE,
	XLSX_DATETIME,
	XLSX_TIME,
	XLSX_PERCENT,
	XLSX_ZEROS			/* 0000000000: leading zeros */
};

struct xlsx_numfmt {
	uint32_t	id;
	unsigned char	fmt;
	unsigned char	zeros;
};

/* Cells merged down: the top-left cell, the last row. */
struct xlsx_merge {
	uint32_t	row, col, last;
};

struct xlsx {
	struct sheet	*s;
	/* workbook */
	int		 date1904;
	char		*rid;		/* the first visible sheet's r:id */
	char		*target;	/* its part */
	int		 in_sheets;
	/* styles */
	struct xlsx_numfmt *numfmts;
	size_t		 nnumfmts, numfmtcap;
	unsigned char	*xf;		/* enum xlsx_fmt by cell format */
	unsigned char	*xfzeros;
	size_t		 nxf, xfcap;
	int		 in_xfs;
	/* shared strings */
	char		*sst;
	size_t		 sstlen, sstcap;
	size_t		*sstoff;
	size_t		 nsst, sstoffcap;
	int		 in_si, in_t, in_rph;
	/* the sheet */
	int		 in_data, in_row, in_c, in_v, in_is;
	char		 t[16];		/* the cell's type */
	uint32_t	 style;
	char		 v[128];	/* <v>: a number or an index */
	size_t		 vlen;
	int		 v_long;
	uint64_t	 row, col;
	/* its cells merged down, by their top-left cell */
	struct xlsx_merge *merges;
	size_t		 nmerges, mergecap, nextmerge;
};

/* Builtin number formats that are dates or times (ECMA-376 18.8.30). */
static enum xlsx_fmt
xlsx_builtin(uint32_t id)
{
	if ((id >= 14 && id <= 17) || id == 27 || id == 30 || id == 36 ||
	    (id >= 50 && id <= 58))
		return XLSX_DATE;
	if (id == 22)
		return XLSX_DATETIME;
	if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47))
		return XLSX_TIME;
	if (id == 9 || id == 10)
		return XLSX_PERCENT;
	return XLSX_NUMBER;
}

/* What a format code shows: quoted text, [colours] and \x aside. */
static enum xlsx_fmt
xlsx_code(const char *code, unsigned char *zeros)
{
	int date = 0, time = 0, pct = 0, other = 0;
	size_t n0 = 0;
	const char *p;

	*zeros = 0;
	for (p = code; *p != '\0' && *p != ';'; p++) {
		switch (*p) {
		case '"':
			while (p[1] != '\0' && p[1] != '"')
				p++;
			if (p[1] != '\0')
				p++;
			break;
		case '\\':
		case '_':
		case '*':
			if (p[1] != '\0')
				p++;
			break;
		case '[':
			while (p[1] != '\0' && p[1] != ']')
				p++;
			if (p[1] != '\0')
				p++;
			break;
		case 'g': case 'G':
			/* General, as LibreOffice names its default, shows a
			 * number as it is; g alone is the era. */
			if (strncasecmp(p, "general", 7) == 0) {
				p += 6;
				break;
			}
			date = 1;
			break;
		case 'y': case 'Y': case 'd': case 'D': case 'e': case 'E':
			date = 1;
			break;
		case 'h': case 'H': case 's': case 'S':
			time = 1;
			break;
		case '%':
			pct = 1;
			break;
		case '0':
			n0++;
			break;
		case '@':
			other = 1;
			break;
		default:
			if (*p != 'm' && *p != 'M' && *p != ':' && *p != '/' &&
			    *p != '-' && *p != ' ' && *p != '.')
				other = 1;
		}
	}
	if (date && time)
		return XLSX_DATETIME;
	if (date)
		return XLSX_DATE;
	if (time)
		return XLSX_TIME;
	if (pct)
		return XLSX_PERCENT;
	if (!other && n0 > 1 && n0 < 32 && strspn(code, "0") == strlen(code)) {
		*zeros = (unsigned char)n0;
		return XLSX_ZEROS;
	}
	return XLSX_NUMBER;
}

/* --- workbook and relationships -------------------------------------- */

static void XMLCALL
xlsx_wb_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct xlsx *x = sheet_grammar_data(data);
	const char *l = sheet_local(name), *v, *state;

	if (strcmp(l, "workbookPr") == 0 && (v = sheet_attr(atts,
	    "date1904")) != NULL)
		x->date1904 = strcmp(v, "1") == 0 || strcmp(v, "true") == 0;
	else if (strcmp(l, "sheet") == 0 && x->rid == NULL &&
	    (v = sheet_attr(atts, "id")) != NULL) {
		state = sheet_attr(atts, "state");
		if (state != NULL && strcmp(state, "visible") != 0)
			return;		/* hidden sheets are not the list */
		x->rid = xstrdup(v);
		sheet_set_name(x->s, (v = sheet_attr(atts, "name")) ? v : "");
	}
}

static void XMLCALL
xlsx_rel_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct xlsx *x = sheet_grammar_data(data);
	const char *id, *target;

	if (strcmp(sheet_local(name), "Relationship") != 0 ||
	    x->target != NULL || x->rid == NULL ||
	    (id = sheet_attr(atts, "Id")) == NULL ||
	    strcmp(id, x->rid) != 0 ||
	    (target = sheet_attr(atts, "Target")) == NULL)
		return;
	if (target[0] == '/')
		x->target = xstrdup(target + 1);
	else
		x->target = xasprintf("xl/%s", target);
}

static void XMLCALL
xlsx_nop_end(void *data, const XML_Char *name)
{
	(void)data;
	(void)name;
}

static void XMLCALL
xlsx_nop_text(void *data, const XML_Char *t, int len)
{
	(void)data;
	(void)t;
	(void)len;
}

/* --- styles ---------------------------------------------------------- */

static void XMLCALL
xlsx_st_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct xlsx *x = sheet_grammar_data(data);
	const char *l = sheet_local(name), *v, *code;
	struct xlsx_numfmt *f;
	uint32_t id;
	size_t i;

	if (strcmp(l, "numFmt") == 0 && (v = sheet_attr(atts,
	    "numFmtId")) != NULL && (code = sheet_attr(atts,
	    "formatCode")) != NULL) {
		if (x->nnumfmts >= 4096)
			return;
		x->numfmts = xgrow(x->numfmts, &x->numfmtcap, x->nnumfmts + 1,
		    sizeof *x->numfmts);
		f = &x->numfmts[x->nnumfmts++];
		f->id = (uint32_t)strtoul(v, NULL, 10);
		f->fmt = (unsigned char)xlsx_code(code, &f->zeros);
	} else if (strcmp(l, "cellXfs") == 0)
		x->in_xfs = 1;
	else if (x->in_xfs && strcmp(l, "xf") == 0) {
		if (x->nxf >= 65536)
			return;
		v = sheet_attr(atts, "numFmtId");
		id = v != NULL ? (uint32_t)strtoul(v, NULL, 10) : 0;
		x->xf = xgrow(x->xf, &x->xfcap, x->nxf + 1, 1);
		x->xfzeros = xreallocarray(x->xfzeros, x->xfcap, 1);
		x->xf[x->nxf] = (unsigned char)xlsx_builtin(id);
		x->xfzeros[x->nxf] = 0;
		for (i = 0; i < x->nnumfmts; i++)
			if (x->numfmts[i].id == id) {
				x->xf[x->nxf] = x->numfmts[i].fmt;
				x->xfzeros[x->nxf] = x->numfmts[i].zeros;
			}
		x->nxf++;
	}
}

static void XMLCALL
xlsx_st_end(void *data, const XML_Char *name)
{
	struct xlsx *x = sheet_grammar_data(data);

	if (strcmp(sheet_local(name), "cellXfs") == 0)
		x->in_xfs = 0;
}

/* --- shared strings -------------------------------------------------- */

static void
xlsx_sst_put(struct xlsx *x, const char *t, size_t len)
{
	if (sheet_failed(x->s))
		return;
	if (x->sstlen + len + 1 > XLSX_STRINGS_MAX) {
		sheet_fail(x->s, "its shared strings hold more than %zu MB of "
		    "text; split the sheet", XLSX_STRINGS_MAX >> 20);
		return;
	}
	x->sst = xgrow(x->sst, &x->sstcap, x->sstlen + len + 1, 1);
	memcpy(x->sst + x->sstlen, t, len);
	x->sstlen += len;
}

static void XMLCALL
xlsx_sst_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct xlsx *x = sheet_grammar_data(data);
	const char *l = sheet_local(name);

	(void)atts;
	if (strcmp(l, "si") == 0) {
		x->in_si = 1;
		x->sstoff = xgrow(x->sstoff, &x->sstoffcap, x->nsst + 1,
		    sizeof *x->sstoff);
		x->sstoff[x->nsst++] = x->sstlen;
	} else if (x->in_si && strcmp(l, "rPh") == 0)
		x->in_rph = 1;
	else if (x->in_si && strcmp(l, "t") == 0)
		x->in_t = 1;
}

static void XMLCALL
xlsx_sst_end(void *data, const XML_Char *name)
{
	struct xlsx *x = sheet_grammar_data(data);
	const char *l = sheet_local(name);

	if (strcmp(l, "si") == 0 && x->in_si) {
		xlsx_sst_put(x, "", 1);
		if (!sheet_failed(x->s))
			x->sst[x->sstlen - 1] = '\0';
		x->in_si = 0;
	} else if (strcmp(l, "rPh") == 0)
		x->in_rph = 0;
	else if (strcmp(l, "t") == 0)
		x->in_t = 0;
}

static void XMLCALL
xlsx_sst_text(void *data, const XML_Char *t, int len)
{
	struct xlsx *x = sheet_grammar_data(data);

	if (x->in_si && x->in_t && !x->in_rph && len > 0)
		xlsx_sst_put(x, t, (size_t)len);
}

/*
 * Excel writes characters XML cannot hold as _xHHHH_ (and a '_' that
 * would look like one as _x005F_): undo it in place.
 */
static void
xlsx_unescape(char *s)
{
	char *r = s, *w = s, hex[5];
	unsigned long c;

	while (*r != '\0') {
		if (r[0] == '_' && r[1] == 'x' && strspn(r + 2,
		    "0123456789abcdefABCDEF") >= 4 && r[6] == '_') {
			memcpy(hex, r + 2, 4);
			hex[4] = '\0';
			c = strtoul(hex, NULL, 16);
			if (c < 0x80) {
				*w++ = (char)c;
				r += 7;
				continue;
			}
		}
		*w++ = *r++;
	}
	*w = '\0';
}

/* --- the sheet ------------------------------------------------------- */

/* "BC12" → column 54 (0-based); -1 if it is no reference. */
static int64_t
xlsx_ref_col(const char *r)
{
	int64_t col = 0;
	size_t n = 0;

	for (; (*r >= 'A' && *r <= 'Z') || (*r >= 'a' && *r <= 'z'); r++) {
		if (++n > 3)
			return -1;
		col = col * 26 + ((*r | 0x20) - 'a' + 1);
	}
	if (n == 0)
		return -1;
	return col - 1;
}

/* "BC12" → row 12 (1-based), column 54 (0-based); -1 if no reference. */
static int
xlsx_ref(const char *r, uint64_t *row, uint64_t *col)
{
	int64_t c;
	uint64_t n;

	if ((c = xlsx_ref_col(r)) < 0)
		return -1;
	while ((*r >= 'A' && *r <= 'Z') || (*r >= 'a' && *r <= 'z'))
		r++;
	if (*r < '1' || *r > '9' || strlen(r) > 7)
		return -1;
	n = sheet_count(r);
	if (n == 0 || n > TABLE_ROWS_MAX)
		return -1;
	*row = n;
	*col = (uint64_t)c;
	return 0;
}

/*
 * The first pass: the sheet's merged cells (<mergeCell ref="A2:A5"/>),
 * those that span rows; the rest of the sheet is passed over.
 */
static void XMLCALL
xlsx_mc_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct sheet *s = data;
	struct xlsx *x = sheet_grammar_data(s);
	struct xlsx_merge *m;
	const char *v, *colon;
	char first[16];
	uint64_t r1, c1, r2, c2;

	if (strcmp(sheet_local(name), "mergeCell") != 0 ||
	    (v = sheet_attr(atts, "ref")) == NULL ||
	    (colon = strchr(v, ':')) == NULL ||
	    (size_t)(colon - v) >= sizeof first)
		return;
	memcpy(first, v, (size_t)(colon - v));
	first[colon - v] = '\0';
	if (xlsx_ref(first, &r1, &c1) != 0 ||
	    xlsx_ref(colon + 1, &r2, &c2) != 0 || r2 <= r1 || c2 < c1 ||
	    c1 >= TABLE_COLS_MAX)
		return;			/* across one row, or no range */
	if (x->nmerges >= XLSX_MERGES_MAX) {
		sheet_fail(s, "its sheet has more than %zu cells merged down "
		    "over rows; unmerge them and fill in every row",
		    XLSX_MERGES_MAX);
		return;
	}
	x->merges = xgrow(x->merges, &x->mergecap, x->nmerges + 1,
	    sizeof *x->merges);
	m = &x->merges[x->nmerges++];
	m->row = (uint32_t)r1;
	m->col = (uint32_t)c1;
	m->last = (uint32_t)r2;
}

static int
xlsx_merge_cmp(const void *a, const void *b)
{
	const struct xlsx_merge *ma = a, *mb = b;

	if (ma->row != mb->row)
		return ma->row < mb->row ? -1 : 1;
	if (ma->col != mb->col)
		return ma->col < mb->col ? -1 : 1;
	return 0;
}

/* The cell just read is a merge's top-left one: the rows below show it. */
static void
xlsx_merge_at(struct sheet *s, struct xlsx *x)
{
	const struct xlsx_merge *m;

	while (x->nextmerge < x->nmerges) {
		m = &x->merges[x->nextmerge];
		if (m->row > x->row || (m->row == x->row && m->col > x->col))
			return;
		x->nextmerge++;		/* this cell's, or one not written */
		if (m->row == x->row && m->col == x->col) {
			sheet_merge_down(s, (uint64_t)m->last - m->row + 1);
			return;
		}
	}
}

static void XMLCALL
xlsx_sh_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct sheet *s = data;
	struct xlsx *x = sheet_grammar_data(s);
	const char *l = sheet_local(name), *v;
	uint64_t r;
	int64_t col;

	if (!x->in_data) {
		if (strcmp(l, "sheetData") == 0)
			x->in_data = 1;
		return;
	}
	if (strcmp(l, "row") == 0) {
		r = sheet_row_next(s);
		if ((v = sheet_attr(atts, "r")) != NULL) {
			r = sheet_count(v);
			if (r < sheet_row_next(s) || r > TABLE_ROWS_MAX) {
				sheet_fail(s, "its rows are out of order or "
				    "past row %d (r=\"%.20s\"); save it again "
				    "from the spreadsheet program",
				    TABLE_ROWS_MAX, v);
				return;
			}
		}
		x->in_row = 1;
		x->row = r;
		x->col = 0;
		sheet_row_begin(s, r);
	} else if (x->in_row && strcmp(l, "c") == 0) {
		if ((v = sheet_attr(atts, "r")) != NULL) {
			if ((col = xlsx_ref_col(v)) < 0 ||
			    col >= TABLE_COLS_MAX || (uint64_t)col < x->col) {
				sheet_fail(s, "a cell of row %llu is out of "
				    "order (r=\"%.20s\"); save it again from "
				    "the spreadsheet program",
				    (unsigned long long)x->row, v);
				return;
			}
			x->col = (uint64_t)col;
		}
		sheet_cell_skip_to(s, x->col);
		str_copy(x->t, (v = sheet_attr(atts, "t")) ? v : "n",
		    sizeof x->t);
		x->style = (v = sheet_attr(atts, "s")) ?
		    (uint32_t)strtoul(v, NULL, 10) : 0;
		x->vlen = 0;
		x->v_long = 0;
		x->v[0] = '\0';
		x->in_c = 1;
		sheet_cell_begin(s);
	} else if (x->in_c && strcmp(l, "v") == 0)
		x->in_v = 1;
	else if (x->in_c && strcmp(l, "is") == 0)
		x->in_is = 1;
	else if (x->in_is && strcmp(l, "rPh") == 0)
		x->in_rph = 1;
	else if (x->in_is && strcmp(l, "t") == 0)
		x->in_t = 1;
}

/* The cell just closed: its value as a person would write it. */
static void
xlsx_cell_value(struct sheet *s, struct xlsx *x)
{
	char buf[64];
	const char *t = x->t, *shown;
	enum xlsx_fmt f;
	double d;
	size_t i, len;
	char *end, *copy;

	if (x->v_long) {
		sheet_cell_set(s, "");
		return;
	}
	if (strcmp(t, "s") == 0) {
		i = (size_t)strtoul(x->v, &end, 10);
		if (x->v[0] == '\0' || *end != '\0' || i >= x->nsst) {
			sheet_fail(s, "row %llu: a cell names shared string "
			    "%.20s, which the file does not have",
			    (unsigned long long)x->row, x->v);
			return;
		}
		sheet_cell_set(s, x->sst + x->sstoff[i]);
	} else if (strcmp(t, "inlineStr") == 0)
		;			/* the text is in the cell already */
	else if (strcmp(t, "str") == 0 || strcmp(t, "e") == 0)
		sheet_cell_set(s, x->v);
	else if (strcmp(t, "d") == 0) {
		/* 2024-05-08T00:00:00 is a date */
		if (strlen(x->v) >= 16 && strncmp(x->v + 10, "T00:00", 6) == 0)
			x->v[10] = '\0';
		sheet_cell_set(s, x->v);
	}
	else if (strcmp(t, "b") == 0)
		sheet_cell_set(s, strcmp(x->v, "1") == 0 ? "TRUE" : "FALSE");
	else if (x->v[0] != '\0') {
		d = strtod(x->v, &end);
		if (*end != '\0') {
			sheet_cell_set(s, x->v);
			return;
		}
		f = x->style < x->nxf ? (enum xlsx_fmt)x->xf[x->style] :
		    XLSX_NUMBER;
		if (x->date1904 && (f == XLSX_DATE || f == XLSX_DATETIME))
			d += 1462;
		if ((f == XLSX_DATE || f == XLSX_DATETIME) &&
		    sheet_serial_date(d, f == XLSX_DATETIME, buf,
		    sizeof buf) == 0) {
			sheet_cell_set(s, buf);
			return;
		}
		if (f == XLSX_TIME && d >= 0 && d < 1) {
			int mins = (int)(d * 1440 + 0.5);

			snprintf(buf, sizeof buf, "%02d:%02d", mins / 60 % 24,
			    mins % 60);
		} else if (f == XLSX_PERCENT) {
			sheet_number_text(d * 100, buf, sizeof buf - 1);
			strcat(buf, "%");
		} else if (f == XLSX_ZEROS && d >= 0 && d < 1e15 &&
		    d == (double)(int64_t)d)
			snprintf(buf, sizeof buf, "%0*lld",
			    (int)x->xfzeros[x->style], (long long)d);
		else
			sheet_number_text(d, buf, sizeof buf);
		sheet_cell_set(s, buf);
	}
	if (strcmp(t, "s") == 0 || strcmp(t, "inlineStr") == 0 ||
	    strcmp(t, "str") == 0) {
		shown = sheet_cell_peek(s, &len);
		if (memchr(shown, '_', len) != NULL) {
			copy = xstrdup(shown);
			xlsx_unescape(copy);
			sheet_cell_set(s, copy);
			free(copy);
		}
	}
}

static void XMLCALL
xlsx_sh_end(void *data, const XML_Char *name)
{
	struct sheet *s = data;
	struct xlsx *x = sheet_grammar_data(s);
	const char *l = sheet_local(name);

	if (!x->in_data)
		return;
	if (strcmp(l, "sheetData") == 0) {
		sheet_done(s);
		return;
	}
	if (x->in_c) {
		if (strcmp(l, "v") == 0)
			x->in_v = 0;
		else if (strcmp(l, "rPh") == 0)
			x->in_rph = 0;
		else if (strcmp(l, "t") == 0)
			x->in_t = 0;
		else if (strcmp(l, "is") == 0)
			x->in_is = 0;
		else if (strcmp(l, "c") == 0) {
			xlsx_cell_value(s, x);
			xlsx_merge_at(s, x);
			sheet_cell_end(s, 1);
			x->in_c = x->in_v = x->in_is = x->in_t = 0;
			x->col++;
		}
		return;
	}
	if (x->in_row && strcmp(l, "row") == 0) {
		sheet_row_end(s, 1);
		x->in_row = 0;
	}
}

static void XMLCALL
xlsx_sh_text(void *data, const XML_Char *t, int len)
{
	struct sheet *s = data;
	struct xlsx *x = sheet_grammar_data(s);

	if (!x->in_c || len <= 0)
		return;
	if (x->in_v) {
		if (x->vlen + (size_t)len >= sizeof x->v) {
			x->v_long = 1;
			return;
		}
		memcpy(x->v + x->vlen, t, (size_t)len);
		x->vlen += (size_t)len;
		x->v[x->vlen] = '\0';
	} else if (x->in_is && x->in_t && !x->in_rph)
		sheet_cell_text(s, t, (size_t)len);
}

static int
xlsx_open(struct sheet *s, char **part, char **cause)
{
	struct xlsx *x = xcalloc(1, sizeof *x);
	int rc;

	x->s = s;
	sheet_set_grammar_data(s, x);
	if ((rc = sheet_parse_part(s, "xl/workbook.xml", 1, xlsx_wb_start,
	    xlsx_nop_end, xlsx_nop_text, cause)) != 0)
		return rc;
	if (x->rid == NULL)
		return err_set(cause, OGPO_INVALID, "%s: the workbook has no "
		    "visible sheet to read", sheet_file(s));
	if ((rc = sheet_parse_part(s, "xl/_rels/workbook.xml.rels", 0,
	    xlsx_rel_start, xlsx_nop_end, xlsx_nop_text, cause)) != 0 ||
	    (rc = sheet_parse_part(s, "xl/styles.xml", 0, xlsx_st_start,
	    xlsx_st_end, xlsx_nop_text, cause)) != 0 ||
	    (rc = sheet_parse_part(s, "xl/sharedStrings.xml", 0,
	    xlsx_sst_start, xlsx_sst_end, xlsx_sst_text, cause)) != 0)
		return rc;
	x->in_t = x->in_si = x->in_rph = 0;
	*part = xstrdup(x->target != NULL ? x->target :
	    "xl/worksheets/sheet1.xml");
	/* Most sheets merge nothing: their bytes say so at a fraction of
	 * what parsing them costs. An element's name is never escaped. */
	if ((rc = sheet_part_holds(s, *part, "mergeCell", cause)) < 0)
		return OGPO_INVALID;
	if (rc == 1 && (rc = sheet_parse_part(s, *part, 1, xlsx_mc_start,
	    NULL, NULL, cause)) != 0)
		return rc;
	if (x->nmerges > 1)
		qsort(x->merges, x->nmerges, sizeof *x->merges,
		    xlsx_merge_cmp);
	return 0;
}

static void
xlsx_free(struct sheet *s)
{
	struct xlsx *x = sheet_grammar_data(s);

	if (x == NULL)
		return;
	free(x->rid);
	free(x->target);
	free(x->numfmts);
	free(x->xf);
	free(x->xfzeros);
	free(x->sst);
	free(x->sstoff);
	free(x->merges);
	free(x);
}

const struct sheet_grammar sheet_xlsx = {
	.label = "Excel",
	.open = xlsx_open,
	.start = xlsx_sh_start,
	.end = xlsx_sh_end,
	.text = xlsx_sh_text,
	.free = xlsx_free,
};
