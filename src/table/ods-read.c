/*
 * ods-read.c — the OpenDocument spreadsheet grammar (ODF 1.2/1.3,
 * content.xml): the first sheet's rows and cells, repeated rows and
 * columns as LibreOffice writes them (a million empty rows at the end of
 * a sheet cost nothing), merged cells (a cell merged down over the rows
 * below names how many it spans, and they show its value; the covered
 * cells of a merge across are empty), and
 * each cell's value as a person would type it: the text of its
 * paragraphs joined by line breaks, a date as YYYY-MM-DD, a number as
 * shown when what is shown is the number (0912345678 in a cell formatted
 * with leading zeros), else as its value. Notes attached to cells and
 * drawings are not cell text.
 */
#include <stdlib.h>
#include <string.h>

#include "table-int.h"

struct ods {
	struct sheet	*s;
	int		 in_table;	/* inside the first table:table */
	size_t		 depth;		/* elements open inside it */
	size_t		 skip;		/* inside a note or drawing: depth */
	uint64_t	 row;		/* rows so far */
	uint64_t	 row_repeat;
	int		 in_row, in_cell;
	uint64_t	 col_repeat;
	uint64_t	 rows_spanned;	/* a merge's top-left cell: its rows */
	int		 paras;		/* paragraphs in the cell */
	int		 in_p;
	char		 type[16];	/* office:value-type */
	char		 value[64];	/* office:value or date-value ... */
	char		*string;	/* office:string-value */
};

/* A value too long for its buffer is no value: cut, it would be another. */
static void
ods_copy(char *dst, size_t n, const char *v)
{
	if (str_copy(dst, v != NULL ? v : "", n) != 0)
		dst[0] = '\0';
}

/*
 * 1 if v is a date as ODF writes one, 2024-05-08, with 2 if a time
 * follows (2024-05-08T14:30:00). Anything else is left as the cell
 * shows it: cutting it at ten bytes could cut a character in two.
 */
static int
ods_is_date(const char *v)
{
	static const char date[] = "dddd-dd-dd", time[] = "Tdd:dd";
	size_t i;

	for (i = 0; date[i] != '\0'; i++)
		if (date[i] == 'd' ? v[i] < '0' || v[i] > '9' : v[i] != date[i])
			return 0;
	for (v += i, i = 0; time[i] != '\0'; i++)
		if (time[i] == 'd' ? v[i] < '0' || v[i] > '9' : v[i] != time[i])
			return 1;
	return 2;
}

/* 1 if the text shown is the number value itself (leading zeros kept). */
static int
ods_shown_is_value(const char *shown, const char *type, double v)
{
	char *end;
	double x;
	size_t n = strlen(shown);

	if (n == 0 || strspn(shown, "0123456789.-%") != n)
		return 0;
	x = strtod(shown, &end);
	if (strcmp(type, "percentage") == 0 && *end == '%') {
		end++;
		x /= 100;
	}
	return *end == '\0' && x == v;
}

/* The cell's value, typed as a person would write it, over its text. */
static void
ods_cell_value(struct ods *o)
{
	char buf[64];
	const char *shown;
	size_t len;
	double v;
	int is_date;

	if (o->string != NULL) {
		sheet_cell_set(o->s, o->string);
		return;
	}
	if (o->value[0] != '\0' && (strcmp(o->type, "float") == 0 ||
	    strcmp(o->type, "currency") == 0 ||
	    strcmp(o->type, "percentage") == 0)) {
		v = strtod(o->value, NULL);
		shown = sheet_cell_peek(o->s, &len);
		if (ods_shown_is_value(shown, o->type, v))
			return;
		if (strcmp(o->type, "percentage") == 0) {
			sheet_number_text(v * 100, buf, sizeof buf - 1);
			strcat(buf, "%");
		} else
			sheet_number_text(v, buf, sizeof buf);
		sheet_cell_set(o->s, buf);
	} else if (strcmp(o->type, "date") == 0 &&
	    (is_date = ods_is_date(o->value)) != 0) {
		/* 2024-05-08, or 2024-05-08T14:30:00 */
		sheet_date_shown(o->value);
		if (is_date == 2 && strncmp(o->value + 11, "00:00", 5) != 0)
			snprintf(buf, sizeof buf, "%.10s %.5s", o->value,
			    o->value + 11);
		else
			snprintf(buf, sizeof buf, "%.10s", o->value);
		sheet_cell_set(o->s, buf);
	} else if (strcmp(o->type, "time") == 0 && o->value[0] == 'P') {
		/* PT14H30M00S */
		int h = 0, m = 0;

		if (sscanf(o->value, "PT%dH%dM", &h, &m) == 2 && h >= 0 &&
		    m >= 0) {
			snprintf(buf, sizeof buf, "%02d:%02d", h, m);
			sheet_cell_set(o->s, buf);
		}
	} else if (strcmp(o->type, "boolean") == 0)
		sheet_cell_set(o->s, strcmp(o->value, "true") == 0 ? "TRUE" :
		    "FALSE");
}

static void XMLCALL
ods_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct sheet *s = data;
	struct ods *o = sheet_grammar_data(s);
	const char *l = sheet_local(name), *v;
	uint64_t n;

	if (!o->in_table) {
		if (strcmp(l, "table") == 0) {
			o->in_table = 1;
			o->depth = 0;
			sheet_set_name(s, (v = sheet_attr(atts, "name")) ?
			    v : "");
		}
		return;
	}
	o->depth++;
	if (o->skip)
		return;
	if (o->in_cell) {
		if (strcmp(l, "annotation") == 0 || strcmp(l, "frame") == 0 ||
		    strcmp(l, "custom-shape") == 0 || strcmp(l, "g") == 0 ||
		    strcmp(l, "control") == 0) {
			o->skip = o->depth;
		} else if (strcmp(l, "p") == 0 || strcmp(l, "h") == 0) {
			if (o->paras++ > 0)
				sheet_cell_text(s, "\n", 1);
			o->in_p++;
		} else if (o->in_p && strcmp(l, "s") == 0) {
			n = sheet_count(sheet_attr(atts, "c"));
			while (n-- > 0 && !sheet_failed(s))
				sheet_cell_text(s, " ", 1);
		} else if (o->in_p && strcmp(l, "tab") == 0)
			sheet_cell_text(s, "\t", 1);
		else if (o->in_p && strcmp(l, "line-break") == 0)
			sheet_cell_text(s, "\n", 1);
		return;
	}
	if (strcmp(l, "table-row") == 0) {
		o->in_row = 1;
		o->row_repeat = sheet_count(sheet_attr(atts,
		    "number-rows-repeated"));
		sheet_row_begin(s, o->row + 1);
	} else if (o->in_row && (strcmp(l, "table-cell") == 0 ||
	    strcmp(l, "covered-table-cell") == 0)) {
		o->in_cell = 1;
		o->paras = 0;
		o->in_p = 0;
		o->col_repeat = sheet_count(sheet_attr(atts,
		    "number-columns-repeated"));
		o->rows_spanned = strcmp(l, "table-cell") == 0 ?
		    sheet_count(sheet_attr(atts, "number-rows-spanned")) : 1;
		ods_copy(o->type, sizeof o->type, sheet_attr(atts,
		    "value-type"));
		if ((v = sheet_attr(atts, "date-value")) == NULL &&
		    (v = sheet_attr(atts, "time-value")) == NULL &&
		    (v = sheet_attr(atts, "boolean-value")) == NULL)
			v = sheet_attr(atts, "value");
		ods_copy(o->value, sizeof o->value, v);
		free(o->string);
		o->string = NULL;
		if (strcmp(o->type, "string") == 0 &&
		    (v = sheet_attr(atts, "string-value")) != NULL)
			o->string = xstrdup(v);
		sheet_cell_begin(s);
	}
}

static void XMLCALL
ods_end(void *data, const XML_Char *name)
{
	struct sheet *s = data;
	struct ods *o = sheet_grammar_data(s);
	const char *l = sheet_local(name);

	if (!o->in_table)
		return;
	if (o->depth == 0) {		/* the first table ends: done */
		sheet_done(s);
		return;
	}
	if (o->skip) {
		if (o->skip == o->depth)
			o->skip = 0;
		o->depth--;
		return;
	}
	o->depth--;
	if (o->in_cell) {
		if (strcmp(l, "p") == 0 || strcmp(l, "h") == 0) {
			if (o->in_p > 0)
				o->in_p--;
		} else if (strcmp(l, "table-cell") == 0 ||
		    strcmp(l, "covered-table-cell") == 0) {
			ods_cell_value(o);
			if (o->rows_spanned > 1)
				sheet_merge_down(s, o->rows_spanned);
			sheet_cell_end(s, o->col_repeat);
			o->in_cell = 0;
		}
		return;
	}
	if (o->in_row && strcmp(l, "table-row") == 0) {
		sheet_row_end(s, o->row_repeat);
		o->row += o->row_repeat;
		if (o->row > ((uint64_t)1 << 40))
			o->row = (uint64_t)1 << 40;
		o->in_row = 0;
	}
}

static void XMLCALL
ods_text(void *data, const XML_Char *t, int len)
{
	struct sheet *s = data;
	struct ods *o = sheet_grammar_data(s);

	if (o->in_table && o->in_cell && o->in_p && !o->skip && len > 0)
		sheet_cell_text(s, t, (size_t)len);
}

static int
ods_open(struct sheet *s, char **part, char **cause)
{
	struct ods *o = xcalloc(1, sizeof *o);

	(void)cause;
	o->s = s;
	sheet_set_grammar_data(s, o);
	*part = xstrdup("content.xml");
	return 0;
}

static void
ods_free(struct sheet *s)
{
	struct ods *o = sheet_grammar_data(s);

	if (o != NULL)
		free(o->string);
	free(o);
}

const struct sheet_grammar sheet_ods = {
	.label = "OpenDocument",
	.open = ods_open,
	.start = ods_start,
	.end = ods_end,
	.text = ods_text,
	.free = ods_free,
};
