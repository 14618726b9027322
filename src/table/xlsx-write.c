/*
 * xlsx-write.c — Excel workbooks out, through libxlsxwriter in its
 * constant-memory mode (a row is written as it comes, so a million rows
 * take no more memory than one). Cells are typed as in ods-write.c: text
 * cells in a text format (typing into them later keeps leading zeros),
 * dates as dates shown ISO or 民國, counts as numbers, rates as
 * percentages; the header bold and frozen, and repeated on every printed
 * page. The workbook is built in a temporary file (libxlsxwriter writes
 * to a name) and copied out whole.
 */
#include <stdlib.h>
#include <string.h>

#include "sheetlib.h"
#include "table-int.h"

/*
 * 民國 years: e is the year of the era in Taiwan's locale (404), as
 * Excel in Taiwan and LibreOffice both read and write it.
 */
#define XLSX_ROC_DATE	"[$-404]e/mm/dd"
#define XLSX_ISO_DATE	"yyyy-mm-dd"

struct xlsx_out {
	lxw_workbook	*wb;
	lxw_worksheet	*ws;
	lxw_format	*title, *sub, *head, *text, *date, *count, *rate;
	lxw_format	*coltext, *coldate, *colcount, *colrate;	/* no
							   borders */
	lxw_row_t	 row;		/* the next row to write */
	int		 closed;
};

static lxw_format *
xlsx_format(lxw_workbook *wb, int print, const char *num)
{
	lxw_format *f = sheetlib.workbook_add_format(wb);

	if (num != NULL)
		sheetlib.format_set_num_format(f, num);
	sheetlib.format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (print) {
		sheetlib.format_set_border(f, LXW_BORDER_THIN);
		sheetlib.format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	}
	return f;
}

/* Sheet names Excel takes: 31 characters, none of []:*?/\ . */
static char *
xlsx_sheet_name(const char *s)
{
	char *out = xmalloc(strlen(s) + 1), *w = out;
	size_t chars = 0;

	for (; *s != '\0'; s++) {
		if (strchr("[]:*?/\\", *s) != NULL)
			continue;
		if (((unsigned char)*s & 0xc0) != 0x80 && ++chars > 31)
			break;
		*w++ = *s;
	}
	*w = '\0';
	return out;
}

/* 1 if s starts what an .xlsx reader takes for an escape: _xHHHH_. */
static int
xlsx_is_escape(const char *s)
{
	return s[0] == '_' && s[1] == 'x' &&
	    strspn(s + 2, "0123456789abcdefABCDEF") >= 4 && s[6] == '_';
}

/*
 * s as an .xlsx holds text: without U+FFFE and U+FFFF, which XML has no
 * place for (a reader stops at the first, the rows after it lost), and
 * with the '_' of text that reads as an escape (_x001B_) written as one
 * itself (_x005F_), as Excel does: else every reader, ogpo's too, would
 * take it for the character it names. s itself when nothing changes,
 * else a copy in *own (free it).
 */
static const char *
xlsx_text(const char *s, char **own)
{
	const char *p;
	size_t n = 0;
	char *o;

	*own = NULL;
	for (p = s; *p != '\0'; p++)
		if (xlsx_is_escape(p) || (p[0] == '\xef' && p[1] == '\xbf' &&
		    (p[2] == '\xbe' || p[2] == '\xbf')))
			n++;
	if (n == 0)
		return s;
	*own = o = xmalloc(strlen(s) + 6 * n + 1);
	for (p = s; *p != '\0'; p++) {
		if (p[0] == '\xef' && p[1] == '\xbf' && (p[2] == '\xbe' ||
		    p[2] == '\xbf')) {
			p += 2;
			continue;
		}
		if (xlsx_is_escape(p)) {
			memcpy(o, "_x005F_", 7);
			o += 7;
			continue;
		}
		*o++ = *p;
	}
	*o = '\0';
	return *own;
}

static int
xlsx_open(struct table_writer *w, char **cause)
{
	struct xlsx_out *x;
	lxw_workbook_options wo;
	int print = (w->o.flags & TABLE_PRINT) != 0, rc;
	char *name;

	if ((rc = sheetlib_load(cause)) != 0)
		return rc;
	x = xcalloc(1, sizeof *x);
	w->impl = x;
	if ((w->tmp = table_tmp_path(cause)) == NULL)
		return OGPO_IO;
	memset(&wo, 0, sizeof wo);
	wo.constant_memory = 1;
	wo.use_zip64 = 1;
	if ((x->wb = sheetlib.workbook_new_opt(w->tmp, &wo)) == NULL)
		return err_set(cause, OGPO_IO, "%s: cannot start the workbook",
		    w->name);
	name = xlsx_sheet_name(w->sheet);
	x->ws = sheetlib.workbook_add_worksheet(x->wb, *name ? name : NULL);
	free(name);
	if (x->ws == NULL)
		return err_set(cause, OGPO_IO, "%s: cannot start the sheet",
		    w->name);
	x->title = sheetlib.workbook_add_format(x->wb);
	sheetlib.format_set_bold(x->title);
	sheetlib.format_set_font_size(x->title, 16);
	sheetlib.format_set_align(x->title, LXW_ALIGN_CENTER);
	sheetlib.format_set_align(x->title, LXW_ALIGN_VERTICAL_CENTER);
	x->sub = sheetlib.workbook_add_format(x->wb);
	sheetlib.format_set_font_size(x->sub, 11);
	x->head = xlsx_format(x->wb, print, "@");
	sheetlib.format_set_bold(x->head);
	sheetlib.format_set_align(x->head, LXW_ALIGN_CENTER);
	sheetlib.format_set_align(x->head, LXW_ALIGN_VERTICAL_CENTER);
	x->text = xlsx_format(x->wb, print, "@");
	/* Text longer than its column wraps in it, not cut off where the
	 * next column's cell starts (a form's rows keep their height). */
	if (!print)
		sheetlib.format_set_text_wrap(x->text);
	x->date = xlsx_format(x->wb, print, w->o.roc ? XLSX_ROC_DATE :
	    XLSX_ISO_DATE);
	x->count = xlsx_format(x->wb, print, "0");
	x->rate = xlsx_format(x->wb, print, "0.0%");
	/* What a column gives a cell typed into it later: no borders,
	 * which would frame the titles of a printed form too. */
	x->coltext = xlsx_format(x->wb, 0, "@");
	if (!print)
		sheetlib.format_set_text_wrap(x->coltext);
	x->coldate = xlsx_format(x->wb, 0, w->o.roc ? XLSX_ROC_DATE :
	    XLSX_ISO_DATE);
	x->colcount = xlsx_format(x->wb, 0, "0");
	x->colrate = xlsx_format(x->wb, 0, "0.0%");
	return 0;
}

/* libxlsxwriter's refusal, as a sentence. */
static int
xlsx_fail(struct table_writer *w, lxw_error e, char **cause)
{
	return err_set(cause, e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED ?
	    OGPO_INVALID : OGPO_IO, "%s row %zu: %s", w->name,
	    w->rows + w->ntitles + 2, sheetlib.lxw_strerror(e));
}

static int
xlsx_head(struct table_writer *w, char **cause)
{
	struct xlsx_out *x = w->impl;
	lxw_error e = LXW_NO_ERROR;
	const char *s;
	char *own;
	size_t i;

	for (i = 0; i < w->ntitles && e == LXW_NO_ERROR; i++) {
		/* A title may name a record: a meeting's, an agency's. */
		s = xlsx_text(w->titles[i], &own);
		sheetlib.worksheet_set_row(x->ws, x->row, i == 0 ? 28 : 18,
		    NULL);
		if (w->ncols > 1)
			e = sheetlib.worksheet_merge_range(x->ws, x->row, 0,
			    x->row, (lxw_col_t)(w->ncols - 1), s,
			    i == 0 ? x->title : x->sub);
		else
			e = sheetlib.worksheet_write_string(x->ws, x->row, 0,
			    s, i == 0 ? x->title : x->sub);
		free(own);
		x->row++;
	}
	for (i = 0; i < w->ncols && e == LXW_NO_ERROR; i++)
		e = sheetlib.worksheet_write_string(x->ws, x->row, (lxw_col_t)i,
		    w->cols[i].name, x->head);
	if (e != LXW_NO_ERROR)
		return xlsx_fail(w, e, cause);
	x->row++;
	sheetlib.worksheet_freeze_panes(x->ws, x->row, 0);
	sheetlib.worksheet_set_paper(x->ws, 9);		/* A4 */
	sheetlib.worksheet_set_portrait(x->ws);
	sheetlib.worksheet_repeat_rows(x->ws, x->row - 1, x->row - 1);
	sheetlib.worksheet_set_footer(x->ws, "&C第 &P 頁，共 &N 頁");
	if (w->o.flags & TABLE_PRINT) {
		sheetlib.worksheet_set_margins(x->ws, 0.6, 0.6, 0.5, 0.6);
		sheetlib.worksheet_fit_to_pages(x->ws, 1, 0);
		sheetlib.worksheet_center_horizontally(x->ws);
	}
	return 0;
}

/* The lines the row's tallest text takes, wrapped in its column (as
 * wide as it is so far, at least as wide as it will be). */
static unsigned
xlsx_lines(const struct table_writer *w, const char *const *cells, size_t n)
{
	unsigned most = 1, k;
	size_t i;

	for (i = 0; i < n && i < w->ncols; i++) {
		if (cells[i] == NULL || w->cols[i].kind != TABLE_TEXT)
			continue;
		if ((k = table_text_lines(cells[i], table_col_width(w, i))) >
		    most)
			most = k;
	}
	return most;
}

static int
xlsx_row(struct table_writer *w, const char *const *cells, size_t n,
    char **cause)
{
	struct xlsx_out *x = w->impl;
	lxw_error e = LXW_NO_ERROR;
	lxw_datetime dt;
	const char *s;
	char *own;
	lxw_col_t c;
	unsigned lines;
	double v;
	size_t i;

	if (x->row >= LXW_ROW_MAX)
		return err_set(cause, OGPO_INVALID, "%s: more rows than a "
		    "sheet holds (%d); write .ods or .csv", w->name,
		    LXW_ROW_MAX);
	if (w->o.flags & TABLE_PRINT)
		sheetlib.worksheet_set_row(x->ws, x->row, 30, NULL);
	else if ((lines = xlsx_lines(w, cells, n)) > 1)
		/* Tall enough for its wrapped text: a reader that does not
		 * measure it (LibreOffice) shows its first lines alone. */
		sheetlib.worksheet_set_row(x->ws, x->row, 15.0 * lines,
		    NULL);
	for (i = 0; i < w->ncols && e == LXW_NO_ERROR; i++) {
		s = i < n && cells[i] != NULL ? cells[i] : "";
		c = (lxw_col_t)i;
		if (*s == '\0' || w->cols[i].kind == TABLE_SIGN) {
			if (w->o.flags & TABLE_PRINT)
				e = sheetlib.worksheet_write_blank(x->ws,
				    x->row, c, x->text);
			continue;
		}
		switch (w->cols[i].kind) {
		case TABLE_DATE:
			memset(&dt, 0, sizeof dt);
			if (table_date_split(s, &dt.year, &dt.month,
			    &dt.day) && dt.year >= 1900) {
				e = sheetlib.worksheet_write_datetime(x->ws,
				    x->row, c, &dt, x->date);
				continue;
			}
			break;
		case TABLE_COUNT:
			if (table_count_value(s, &v)) {
				e = sheetlib.worksheet_write_number(x->ws,
				    x->row, c, v, x->count);
				continue;
			}
			break;
		case TABLE_RATE:
			if (table_rate_value(s, &v)) {
				e = sheetlib.worksheet_write_number(x->ws,
				    x->row, c, v, x->rate);
				continue;
			}
			break;
		default:
			break;
		}
		s = xlsx_text(s, &own);
		e = sheetlib.worksheet_write_string(x->ws, x->row, c, s,
		    x->text);
		free(own);
	}
	if (e != LXW_NO_ERROR)
		return xlsx_fail(w, e, cause);
	x->row++;
	return 0;
}

static int
xlsx_close(struct table_writer *w, char **cause)
{
	struct xlsx_out *x = w->impl;
	int print = (w->o.flags & TABLE_PRINT) != 0;
	double total = 0, scale = 1;
	unsigned across;
	lxw_format *f;
	lxw_error e;
	size_t i;

	if (w->cols == NULL)
		return err_set(cause, OGPO_INVALID, "internal error: %s has no "
		    "header", w->name);
	for (i = 0; i < w->ncols; i++)
		total += table_col_width(w, i);
	/* A4 portrait holds about 90 characters of 11-point text. */
	if (print && total > 0)
		scale = 88.0 / total;
	/* A list wider than that: across, shrunk to so many pages wide; one
	 * that fits, to the page's width (its characters run wider than
	 * an .ods's, by a few). */
	if (!print) {
		if ((across = table_print_across(w)) > 0)
			sheetlib.worksheet_set_landscape(x->ws);
		if (across > 1 && table_print_keep(w) > 0)
			sheetlib.worksheet_repeat_columns(x->ws, 0,
			    (lxw_col_t)(table_print_keep(w) - 1));
		sheetlib.worksheet_fit_to_pages(x->ws,
		    (uint16_t)(across > 0 ? across : 1), 0);
	}
	for (i = 0; i < w->ncols; i++) {
		switch (w->cols[i].kind) {
		case TABLE_DATE:
			f = x->coldate;
			break;
		case TABLE_COUNT:
			f = x->colcount;
			break;
		case TABLE_RATE:
			f = x->colrate;
			break;
		default:
			f = x->coltext;
			break;
		}
		sheetlib.worksheet_set_column(x->ws, (lxw_col_t)i, (lxw_col_t)i,
		    table_col_width(w, i) * scale + (print ? 0 : 2), f);
	}
	x->closed = 1;
	e = sheetlib.workbook_close(x->wb);
	x->wb = NULL;
	if (e != LXW_NO_ERROR)
		return err_set(cause, OGPO_IO, "%s: cannot write the workbook: "
		    "%s", w->name, sheetlib.lxw_strerror(e));
	return table_tmp_copy(w, w->tmp, cause);
}

static void
xlsx_free(struct table_writer *w)
{
	struct xlsx_out *x = w->impl;

	if (x == NULL)
		return;
	if (x->wb != NULL)
		/* Frees it; the file is removed. */
		sheetlib.workbook_close(x->wb);
	free(x);
	w->impl = NULL;
}

const struct table_writer_ops table_xlsx_ops = {
	.open = xlsx_open,
	.head = xlsx_head,
	.row = xlsx_row,
	.close = xlsx_close,
	.free = xlsx_free,
};
