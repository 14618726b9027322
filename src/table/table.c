/*
 * table.c — the row interface: a reader opens a file as what its bytes
 * say it is (a zip holding a spreadsheet, an old binary workbook to
 * refuse, or CSV), and a writer hands rows to the format the caller
 * chose, keeping what every format needs: the titles, the columns and
 * their kinds, and how wide each column's text is.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ogpo/spool.h"
#include "ogpo/text.h"
#include "table-int.h"

struct table_reader {
	enum table_format	 format;
	struct csv_reader	*csv;
	struct sheet		*sheet;
	struct apart_cursor	*apart;	/* rows read apart (apart.c) */
};

/* --- formats and names ----------------------------------------------- */

static const struct {
	const char		*ext;
	enum table_format	 format;
} table_exts[] = {
	{ ".ods", TABLE_ODS }, { ".xlsx", TABLE_XLSX }, { ".csv", TABLE_CSV },
	{ ".txt", TABLE_CSV }, { ".tsv", TABLE_CSV },
};

enum table_format
table_format_of_name(const char *path)
{
	size_t len = strlen(path), n, i;

	for (i = 0; i < sizeof table_exts / sizeof table_exts[0]; i++) {
		n = strlen(table_exts[i].ext);
		if (len > n && strcasecmp(path + len - n,
		    table_exts[i].ext) == 0)
			return table_exts[i].format;
	}
	return TABLE_FORMAT_NONE;
}

enum table_format
table_format_parse(const char *s)
{
	if (strcasecmp(s, "ods") == 0)
		return TABLE_ODS;
	if (strcasecmp(s, "xlsx") == 0)
		return TABLE_XLSX;
	if (strcasecmp(s, "csv") == 0)
		return TABLE_CSV;
	return TABLE_FORMAT_NONE;
}

const char *
table_format_name(enum table_format f)
{
	switch (f) {
	case TABLE_ODS:
		return "ods";
	case TABLE_XLSX:
		return "xlsx";
	case TABLE_CSV:
		return "csv";
	default:
		return "";
	}
}

/* East Asian wide and fullwidth characters (UAX #11, W and F). */
static int
table_wide(uint32_t c)
{
	return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) ||
	    (c >= 0x3041 && c <= 0x33ff) || (c >= 0x3400 && c <= 0x4dbf) ||
	    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) ||
	    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xe000 && c <= 0xf8ff) ||
	    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) ||
	    (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ||
	    (c >= 0x20000 && c <= 0x3fffd);
}

/* The widest line of s, in cells; with lines, also how many lines s
 * takes wrapped width cells wide. */
static size_t
text_measure(const char *s, unsigned width, unsigned *lines)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), off = 0, k, w = 0, widest = 0;
	uint32_t c;

	if (lines != NULL)
		*lines = 0;
	for (;;) {
		if (off >= n || p[off] == '\n') {
			if (w > widest)
				widest = w;
			if (lines != NULL)
				*lines += w > width ?
				    (unsigned)((w + width - 1) / width) : 1;
			if (off >= n)
				return widest;
			off++;
			w = 0;
		} else if ((k = text_decode(p + off, n - off, &c)) == 0) {
			off++;
			w++;
		} else {
			off += k;
			if (c >= 0x20)
				w += table_wide(c) ? 2 : 1;
		}
	}
}

size_t
table_text_width(const char *s)
{
	return text_measure(s, 0, NULL);
}

unsigned
table_text_lines(const char *s, unsigned width)
{
	unsigned lines;

	text_measure(s, width > 0 ? width : 1, &lines);
	return lines;
}

/* --- reading --------------------------------------------------------- */

/* What the first bytes say: 1 a zip, 2 an old binary workbook, 0 text. */
static int
table_magic(const unsigned char *b, size_t n)
{
	if (n >= 4 && b[0] == 'P' && b[1] == 'K' && (b[2] == 3 || b[2] == 5) &&
	    (b[3] == 4 || b[3] == 6))
		return 1;
	if (n >= 4 && b[0] == 0xd0 && b[1] == 0xcf && b[2] == 0x11 &&
	    b[3] == 0xe0)
		return 2;
	return 0;
}

/* Open as what the bytes say, the first of which are head (n of them). */
static int
table_reader_start(struct table_reader **rp, const char *path,
    const void *mem, size_t len, const unsigned char *head, size_t n,
    const struct table_options *o, char **cause)
{
	struct table_reader *r = xcalloc(1, sizeof *r);
	struct csv_options co;
	enum table_format want = o != NULL ? o->format : TABLE_FORMAT_NONE;
	int magic = table_magic(head, n), rc;

	*rp = NULL;
	if (magic == 2) {
		free(r);
		return err_set(cause, OGPO_INVALID, "%s is an Excel 97-2003 "
		    "workbook (.xls), which ogpo does not read; save it as "
		    ".ods or .xlsx (or .csv) and import that", path);
	}
	if (magic == 1 && want != TABLE_CSV) {
		rc = sheet_open(&r->sheet, path, mem, len, o, &r->format,
		    cause);
		if (rc != 0) {
			free(r);
			return rc;
		}
		*rp = r;
		return 0;
	}
	if (want == TABLE_ODS || want == TABLE_XLSX) {
		free(r);
		return err_set(cause, OGPO_INVALID, "%s is not an %s file: it "
		    "is not a zip; give its real format, or none", path,
		    want == TABLE_ODS ? ".ods" : ".xlsx");
	}
	memset(&co, 0, sizeof co);
	if (o != NULL)
		co = o->csv;
	if (o != NULL && o->field_max != 0 && co.field_max == 0)
		co.field_max = o->field_max;
	r->format = TABLE_CSV;
	rc = mem != NULL ? csv_reader_open_mem(&r->csv, path, mem, len, &co,
	    cause) : csv_reader_open(&r->csv, path, &co, cause);
	if (rc != 0) {
		free(r);
		return OGPO_INVALID;
	}
	*rp = r;
	return 0;
}

int
table_reader_open(struct table_reader **rp, const char *path,
    const struct table_options *o, char **cause)
{
	unsigned char head[8];
	ssize_t n = 0;
	int fd;

	*rp = NULL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) != -1) {
		struct stat st;

		/* Only a file can be looked at twice; a pipe is CSV. */
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
			n = read(fd, head, sizeof head);
		close(fd);
	}
	return table_reader_start(rp, path, NULL, 0, head, n > 0 ?
	    (size_t)n : 0, o, cause);
}

int
table_reader_open_mem(struct table_reader **rp, const char *name,
    const void *data, size_t len, const struct table_options *o,
    char **cause)
{
	static const char empty[1];

	return table_reader_start(rp, name, data != NULL ? data : empty, len,
	    data, data != NULL ? len : 0, o, cause);
}

struct table_reader *
table_reader_open_apart(const char *buf, size_t len,
    const struct apart_end *end)
{
	struct table_reader *r = xcalloc(1, sizeof *r);

	r->format = end->format;
	r->apart = xcalloc(1, sizeof *r->apart);
	r->apart->buf = buf;
	r->apart->len = len;
	r->apart->end = end;
	return r;
}

int
table_reader_next(struct table_reader *r, const struct table_row **row,
    char **cause)
{
	if (r->apart != NULL)
		return apart_next(r->apart, row, cause);
	if (r->csv != NULL)
		return csv_reader_next(r->csv, row, cause);
	return sheet_next(r->sheet, row, cause);
}

enum table_format
table_reader_format(const struct table_reader *r)
{
	return r->format;
}

struct csv_reader *
table_reader_csv(const struct table_reader *r)
{
	return r->csv;
}

int
table_reader_csv_info(const struct table_reader *r, struct table_csv_info *ci)
{
	if (r->apart != NULL && r->apart->end->csv) {
		ci->encoding = r->apart->end->encoding;
		ci->delimiter = r->apart->end->delimiter;
		ci->bom = r->apart->end->bom;
		ci->crlf = r->apart->end->crlf;
		return 1;
	}
	if (r->csv == NULL)
		return 0;
	ci->encoding = csv_reader_encoding(r->csv);
	ci->delimiter = csv_reader_delimiter(r->csv);
	ci->bom = csv_reader_bom(r->csv);
	ci->crlf = csv_reader_crlf(r->csv);
	return 1;
}

const char *
table_reader_sheet(const struct table_reader *r)
{
	if (r->apart != NULL)
		return r->apart->end->sheet;
	return r->sheet != NULL ? sheet_name(r->sheet) : "";
}

uint64_t
table_reader_bytes_read(const struct table_reader *r)
{
	if (r->apart != NULL)
		return r->apart->nread;
	return r->csv != NULL ? csv_reader_bytes_read(r->csv) :
	    sheet_bytes_read(r->sheet);
}

uint64_t
table_reader_bytes_total(const struct table_reader *r)
{
	if (r->apart != NULL)
		return r->apart->end->total;
	return r->csv != NULL ? csv_reader_bytes_total(r->csv) :
	    sheet_bytes_total(r->sheet);
}

const char *
table_reader_warnings(const struct table_reader *r)
{
	if (r->apart != NULL)
		return r->apart->end->warnings;
	return r->csv != NULL ? csv_reader_warnings(r->csv) : NULL;
}

void
table_reader_close(struct table_reader *r)
{
	if (r == NULL)
		return;
	if (r->apart != NULL) {
		free(r->apart->fields);
		free(r->apart);
	}
	csv_reader_close(r->csv);
	sheet_close(r->sheet);
	free(r);
}

void
table_row_name(const struct table_row *row, char *buf, size_t n)
{
	if (row->line != 0 && row->line != row->row)
		snprintf(buf, n, _("row %zu (line %zu)"), row->row, row->line);
	else
		snprintf(buf, n, _("row %zu"), row->row);
}

/* --- values ---------------------------------------------------------- */

/* Why such a date is refused, and what to do. */
const char *const table_two_digit_why = N_("is a day of 1930 to "
	"1999: a spreadsheet reads a two-digit year as 19xx, so 民國99年 typed as 99/3/1 "
	"became 1999; type the ROC year with three digits (099/3/1) or "
	"the year in full (2010/3/1), and import again (a day truly of "
	"those years is set by hand)");

/*
 * 1 if iso, to be stored where was is, is a day a spreadsheet may have
 * made of an ROC date typed with a two-digit year: LibreOffice and Excel
 * read 99/3/1 as 1999-03-01 (years 30 to 99 as 19xx), where 民國99年 is
 * 2010. The network began in 2018; a day of 1930 to 1999 is refused
 * rather than stored eleven years early.
 */
int
table_two_digit(const char *iso, const char *was)
{
	return iso[0] == '1' && iso[1] == '9' && iso[2] >= '3' &&
	    strlen(iso) == 10 && strcmp(iso, was) != 0;
}


/*
 * The label of a total row a person put under a list (合計 in the first
 * cell, a count or a sum under a column), into label (n bytes): 1 if row
 * is one, its other cells numbers or empty. Such a row is no record, and
 * is passed over as the title rows above the header are, the dry run
 * saying so; anything else in it makes it a row like any other.
 */
int
table_total_row(const struct table_row *row, char *label, size_t n)
{
	static const char *const words[] = { "合計", "總計", "小計", "共計",
	    "總和", "總數", "total", "subtotal", "grand total", "sum" };
	const char *first = NULL, *v;
	size_t i, k, len;

	for (i = 0; i < row->nfields; i++) {
		v = row->fields[i];
		v += strspn(v, " ");
		if (*v == '\0')
			continue;
		if (first == NULL) {
			first = v;
			continue;
		}
		len = strlen(v);
		if (strspn(v, "0123456789.,-% ") != len)
			return 0;
	}
	if (first == NULL || strlen(first) >= n)
		return 0;
	for (k = 0; k < sizeof words / sizeof words[0]; k++) {
		len = strlen(words[k]);
		if (strncasecmp(first, words[k], len) == 0 &&
		    (first[len] == '\0' || first[len] == ':' ||
		    strncmp(first + len, "：", strlen("：")) == 0 ||
		    (unsigned char)first[len] >= 0x80)) {
			str_copy(label, first, n);
			return 1;
		}
	}
	return 0;
}


int
table_date_split(const char *s, int *y, int *m, int *d)
{
	if (!date_valid(s))
		return 0;
	*y = atoi(s);
	*m = atoi(s + 5);
	*d = atoi(s + 8);
	return 1;
}

int
table_count_value(const char *s, double *v)
{
	const char *d = s[0] == '-' ? s + 1 : s;	/* days overdue */
	size_t n = strlen(d);

	if (n == 0 || n > 15 || strspn(d, "0123456789") != n ||
	    (n > 1 && d[0] == '0') || (d != s && strcmp(d, "0") == 0))
		return 0;
	*v = strtod(s, NULL);
	return 1;
}

int
table_rate_value(const char *s, double *v)
{
	char *end;
	double x;

	if (*s < '0' || *s > '9')
		return 0;
	x = strtod(s, &end);
	if (strcmp(end, "%") != 0)
		return 0;
	*v = x / 100;
	return 1;
}

/* --- writing --------------------------------------------------------- */

char *
table_tmp_path(char **cause)
{
	const char *dir = spool_dir();
	char *path;
	int fd;

	path = xasprintf("%s/ogpo-table.XXXXXX", dir);
	if ((fd = mkstemp(path)) == -1) {
		err_set(cause, OGPO_IO, "cannot make a temporary file in %s: "
		    "%s", dir, strerror(errno));
		free(path);
		return NULL;
	}
	close(fd);
	return path;
}

int
table_tmp_copy(struct table_writer *w, const char *path, char **cause)
{
	char buf[65536];
	FILE *in;
	size_t n;
	int rc = 0;

	if ((in = fopen(path, "rb")) == NULL)
		return err_set(cause, OGPO_IO, "%s: cannot read back the file "
		    "being written: %s", w->name, strerror(errno));
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, w->f) != n) {
			rc = err_set(cause, OGPO_IO, "%s: cannot write: %s",
			    w->name, strerror(errno));
			break;
		}
	if (rc == 0 && ferror(in))
		rc = err_set(cause, OGPO_IO, "%s: cannot read back the file "
		    "being written", w->name);
	fclose(in);
	return rc;
}

unsigned
table_col_width(const struct table_writer *w, size_t i)
{
	const struct table_column *c = &w->cols[i];
	size_t cells = w->widths[i];

	if (c->width != 0)
		return c->width;
	switch (c->kind) {
	case TABLE_DATE:
		cells = cells > 10 ? cells : 10;
		break;
	case TABLE_SIGN:
		cells = cells > 24 ? cells : 24;
		break;
	default:
		break;
	}
	if (cells < 4)
		cells = 4;
	if (cells > 60)
		cells = 60;	/* long notes wrap rather than run on */
	return (unsigned)cells;
}

/*
 * A4 holds about 88 cells of 10-point text upright between its margins,
 * 130 across; a column takes its width and two cells more. A list wider
 * than the upright page is turned across and shrunk to its width, down
 * to two thirds of the size (the tracking table's thirty-odd columns over
 * a few pages, not a dozen narrow ones each a column or two).
 */
#define TABLE_PORTRAIT_CELLS	88
#define TABLE_LANDSCAPE_CELLS	130
#define TABLE_SHRINK_LEAST	(2.0 / 3.0)

/* The columns that name a row, if they leave most of a page to the rest. */
size_t
table_print_keep(const struct table_writer *w)
{
	size_t i, keep = w->o.keep > 0 ? w->o.keep : 1;
	double kept = 0;

	if (keep >= w->ncols)
		return 0;
	for (i = 0; i < keep; i++)
		kept += table_col_width(w, i) + 2;
	return kept <= TABLE_LANDSCAPE_CELLS / TABLE_SHRINK_LEAST / 2 ? keep :
	    0;
}

unsigned
table_print_across(const struct table_writer *w)
{
	double total = 0, kept = 0, page;
	size_t i, keep = table_print_keep(w);
	unsigned n;

	if (w->o.flags & TABLE_PRINT)
		return 0;	/* a form lays out its own page */
	for (i = 0; i < w->ncols; i++) {
		total += table_col_width(w, i) + 2;
		if (i < keep)
			kept += table_col_width(w, i) + 2;
	}
	if (total <= TABLE_PORTRAIT_CELLS)
		return 0;
	/* Each page after the first repeats the columns kept. */
	page = TABLE_LANDSCAPE_CELLS / TABLE_SHRINK_LEAST;
	for (n = 1; total > page; n++)
		total -= page - kept;
	return n;
}

/* CSV: the titles and the header are rows like any other. */
static int
table_csv_open(struct table_writer *w, char **cause)
{
	return csv_writer_open(&w->csv, w->f, w->name, &w->o.csv, cause) != 0 ?
	    OGPO_INVALID : 0;
}

static int
table_csv_head(struct table_writer *w, char **cause)
{
	const char **names;
	size_t i;
	int rc = 0;

	for (i = 0; i < w->ntitles && rc == 0; i++)
		rc = csv_writer_row(w->csv, (const char *const *)&w->titles[i],
		    1, cause);
	names = xcalloc(w->ncols + 1, sizeof *names);
	for (i = 0; i < w->ncols; i++)
		names[i] = w->cols[i].name;
	if (rc == 0)
		rc = csv_writer_row(w->csv, names, w->ncols, cause);
	free(names);
	return rc != 0 ? OGPO_INVALID : 0;
}

static int
table_csv_row(struct table_writer *w, const char *const *cells, size_t n,
    char **cause)
{
	return csv_writer_row(w->csv, cells, n, cause) != 0 ? OGPO_INVALID : 0;
}

static int
table_csv_close(struct table_writer *w, char **cause)
{
	int rc = csv_writer_close(w->csv, cause);

	w->csv = NULL;
	return rc != 0 ? OGPO_IO : 0;
}

static void
table_csv_free(struct table_writer *w)
{
	csv_writer_close(w->csv, NULL);
	w->csv = NULL;
}

static const struct table_writer_ops table_csv_ops = {
	.open = table_csv_open,
	.head = table_csv_head,
	.row = table_csv_row,
	.close = table_csv_close,
	.free = table_csv_free,
};

static void
table_writer_free(struct table_writer *w)
{
	size_t i;

	if (w == NULL)
		return;
	if (w->ops != NULL && w->ops->free != NULL)
		w->ops->free(w);
	if (w->tmp != NULL) {
		unlink(w->tmp);
		free(w->tmp);
	}
	for (i = 0; i < w->ntitles; i++)
		free(w->titles[i]);
	free(w->titles);
	for (i = 0; i < w->ncols; i++)
		free((char *)w->cols[i].name);
	free(w->cols);
	free(w->widths);
	free(w->lacking);
	free(w->sheet);
	free(w->name);
	free(w);
}

int
table_writer_open(struct table_writer **wp, FILE *f, const char *name,
    const struct table_writer_options *o, char **cause)
{
	struct table_writer *w = xcalloc(1, sizeof *w);
	int rc;

	*wp = NULL;
	w->f = f;
	w->name = xstrdup(name != NULL ? name : "output");
	if (o != NULL)
		w->o = *o;
	w->sheet = xstrdup(o != NULL && o->sheet != NULL && *o->sheet ?
	    o->sheet : "Sheet1");
	w->o.sheet = w->sheet;
	switch (w->o.format) {
	case TABLE_ODS:
		w->ops = &table_ods_ops;
		break;
	case TABLE_XLSX:
		w->ops = &table_xlsx_ops;
		break;
	default:
		w->o.format = TABLE_CSV;
		w->ops = &table_csv_ops;
		break;
	}
	if ((rc = w->ops->open(w, cause)) != 0) {
		table_writer_free(w);
		return rc;
	}
	*wp = w;
	return 0;
}

int
table_writer_title(struct table_writer *w, const char *text, char **cause)
{
	if (w->cols != NULL)
		return err_set(cause, OGPO_INVALID, "internal error: a title "
		    "after the header of %s", w->name);
	w->titles = xreallocarray(w->titles, w->ntitles + 1,
	    sizeof *w->titles);
	w->titles[w->ntitles++] = xstrdup(text != NULL ? text : "");
	return 0;
}

int
table_writer_head(struct table_writer *w, const struct table_column *cols,
    size_t n, char **cause)
{
	size_t i;

	if (w->cols != NULL || n == 0)
		return err_set(cause, OGPO_INVALID, "internal error: a second "
		    "or empty header for %s", w->name);
	w->cols = xcalloc(n, sizeof *w->cols);
	w->widths = xcalloc(n, sizeof *w->widths);
	w->ncols = n;
	w->name_col = w->email_col = -1;
	for (i = 0; i < n; i++) {
		if (strcmp(cols[i].name, "姓名") == 0 && w->name_col < 0)
			w->name_col = (int)i;
		else if (strcmp(cols[i].name, "電子郵件") == 0)
			w->email_col = (int)i;
		w->cols[i] = cols[i];
		w->cols[i].name = xstrdup(cols[i].name);
		w->widths[i] = table_text_width(cols[i].name);
	}
	return w->ops->head(w, cause);
}

/* Append to the list of records with characters the encoding lacks. */
static void
table_lacking_add(struct table_writer *w, const char *const *cells, size_t n,
    const struct csv_lack *v, size_t nv)
{
	const char *who, *email;
	char *line, *more;
	size_t i, len;

	who = w->name_col >= 0 && (size_t)w->name_col < n ?
	    cells[w->name_col] : n > 0 ? cells[0] : "";
	email = w->email_col >= 0 && (size_t)w->email_col < n ?
	    cells[w->email_col] : NULL;
	line = email != NULL && *email ? xasprintf("%s <%s>", who ? who : "",
	    email) : xstrdup(who ? who : "");
	for (i = 0; i < nv; i++) {
		/* "姓名 堃喆; 備註 犇": characters grouped by field */
		if (i > 0 && v[i - 1].field == v[i].field)
			more = xasprintf("%s%s", line, v[i].ch);
		else
			more = xasprintf("%s%s%s %s", line, i == 0 ? ": " :
			    "; ", csv_writer_header(w->csv, v[i].field),
			    v[i].ch);
		free(line);
		line = more;
	}
	len = strlen(line);
	w->lacking = xgrow(w->lacking, &w->lackcap, w->lacklen + len + 2, 1);
	memcpy(w->lacking + w->lacklen, line, len);
	w->lacklen += len;
	w->lacking[w->lacklen++] = '\n';
	w->lacking[w->lacklen] = '\0';
	w->nlacking++;
	free(line);
}

int
table_writer_row(struct table_writer *w, const char *const *cells, size_t n,
    char **cause)
{
	const struct csv_lack *v;
	size_t i, k, nv;
	int rc;

	if (w->cols == NULL)
		return err_set(cause, OGPO_INVALID, "internal error: a row "
		    "before the header of %s", w->name);
	if (n > w->ncols)
		n = w->ncols;
	if (w->o.format != TABLE_CSV)
		for (i = 0; i < n; i++)
			if (cells[i] != NULL && cells[i][0] != '\0' &&
			    (k = table_text_width(cells[i])) > w->widths[i])
				w->widths[i] = k;
	rc = w->ops->row(w, cells, n, cause);
	if (w->csv != NULL && (nv = csv_writer_lacks(w->csv, &v)) > 0) {
		table_lacking_add(w, cells, n, v, nv);
		if (rc != 0)
			return TABLE_LACKS;
	}
	if (rc != 0)
		return rc;
	w->rows++;
	return 0;
}

const char *
table_writer_lacking(const struct table_writer *w, size_t *records)
{
	*records = w->nlacking;
	return w->lacking;
}

size_t
table_writer_rows(const struct table_writer *w)
{
	return w->rows;
}

int
table_writer_close(struct table_writer *w, char **cause)
{
	int rc = 0;

	if (w == NULL)
		return 0;
	rc = w->ops->close(w, cause);
	table_writer_free(w);
	return rc;
}

void
table_writer_abort(struct table_writer *w)
{
	table_writer_free(w);
}
