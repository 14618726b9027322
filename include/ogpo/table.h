/*
 * table.h — tables in and out: the one row interface that the CSV, ODS
 * (OpenDocument, the government's standard for editable files) and XLSX
 * readers and writers implement, so that import and export are written
 * once, over rows, whatever the file.
 *
 * A reader hands over rows of UTF-8 text, each named by the row a
 * spreadsheet shows it on (and, for CSV, the physical line it starts
 * on); typed cells come as text a person would type: a date as
 * YYYY-MM-DD, a number as its digits. A writer takes the columns' kinds
 * once and then rows of text, and keeps each kind as a spreadsheet
 * would: text stays text (leading zeros and all, never a formula), dates
 * are dates shown in the user's date style, counts are numbers, rates
 * are percentages.
 *
 * Every call that can fail returns -1 (or a status) and sets *cause to a
 * sentence that names the file, the row and the column. Nothing here
 * prints or exits.
 */
#ifndef OGPO_TABLE_H
#define OGPO_TABLE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ogpo/csv.h"

/* The kinds of file a table is kept in. */
enum table_format {
	TABLE_FORMAT_NONE = 0,
	TABLE_CSV,		/* .csv, .txt, .tsv */
	TABLE_ODS,		/* .ods: OpenDocument spreadsheet */
	TABLE_XLSX		/* .xlsx: Office Open XML workbook */
};

/* What a column holds, so that a spreadsheet keeps it so. */
enum table_kind {
	TABLE_TEXT = 0,		/* as it is: names, phones, codes, e-mail */
	TABLE_DATE,		/* YYYY-MM-DD; empty or anything else: text */
	TABLE_COUNT,		/* a whole number */
	TABLE_RATE,		/* "87.5%": a fraction shown as a percentage */
	TABLE_SIGN		/* empty, wide enough to sign in (簽名) */
};

/* One column of a table being written. */
struct table_column {
	const char	*name;		/* the header cell */
	enum table_kind	 kind;
	unsigned	 width;		/* in cells of text (CJK: two); 0: fit
					   to what the column holds */
};

/*
 * A printed form (the sign-in sheet): A4 portrait, the lines of
 * table_writer_title above the header, the header repeated on every
 * page, rows tall enough to sign in, and the columns sized to the page.
 */
#define TABLE_PRINT	0x1

/* How to write; zeroed means CSV as csv_writer_open's defaults. */
struct table_writer_options {
	enum table_format		 format;	/* 0: CSV */
	const char			*sheet;		/* the sheet's name */
	int				 roc;		/* dates shown 民國 */
	int				 flags;		/* TABLE_PRINT */
	size_t				 keep;		/* the columns naming a
							   row, printed on every
							   page a wide list runs
							   across; 0: the first */
	struct csv_writer_options	 csv;		/* for CSV */
};

struct table_writer;

/*
 * Start writing a table to f (the caller's to close), named name in
 * sentences. ODS and XLSX are built in a temporary file and copied to f
 * whole at table_writer_close.
 */
int	 table_writer_open(struct table_writer **wp, FILE *f, const char *name,
	    const struct table_writer_options *o, char **cause);

/*
 * A line above the header (a form's title, its date and place), before
 * table_writer_head. The first is the title, larger and bold.
 */
int	 table_writer_title(struct table_writer *w, const char *text,
	    char **cause);

/* The header row: the columns and their kinds, once. */
int	 table_writer_head(struct table_writer *w,
	    const struct table_column *cols, size_t n, char **cause);

/*
 * One row of n cells (NULL counts as empty), each read by its column's
 * kind. Returns 0, or -1 with *cause naming the row and the column; a
 * row that cannot be written (a character the encoding lacks) is not
 * written at all.
 */
int	 table_writer_row(struct table_writer *w, const char *const *cells,
	    size_t n, char **cause);

/*
 * What table_writer_row says of a row holding characters the file's
 * encoding has no form for (a CSV in Big5): the row was not written, and
 * table_writer_lacking names it. With the CSV option replace, such rows
 * are written with the replacement and named all the same.
 */
#define TABLE_LACKS	100

/*
 * Every record so far with a character the encoding lacks, a line each:
 * who (the row's 姓名 and 電子郵件, where the table has them, else its
 * first cell), the field and the characters ("王堃 <wang@moi.gov.tw>:
 * 姓名 堃"); NULL if none. *records says how many.
 */
const char *table_writer_lacking(const struct table_writer *w,
	    size_t *records);

/* Finish the file, copy it out and free w; -1 if anything failed. */
int	 table_writer_close(struct table_writer *w, char **cause);

/* Rows written so far after the header. */
size_t	 table_writer_rows(const struct table_writer *w);

/* As table_writer_close, but nothing more is written (after an error). */
void	 table_writer_abort(struct table_writer *w);

/*
 * The format a file name asks for by its extension (.ods, .xlsx, .csv,
 * .txt, .tsv; any case), TABLE_FORMAT_NONE for anything else.
 */
enum table_format table_format_of_name(const char *path);

/* "ods", "xlsx" or "csv" into a format; TABLE_FORMAT_NONE if not one. */
enum table_format table_format_parse(const char *s);
const char	*table_format_name(enum table_format f);

/*
 * The width of s in cells of text, as a spreadsheet lays it out: East
 * Asian wide characters two, others one; a cell of several lines is as
 * wide as its widest. Independent of the locale.
 */
size_t	 table_text_width(const char *s);

/* --- reading -------------------------------------------------------- */

/* How to read; a NULL pointer or a zeroed struct means detect all. */
struct table_options {
	struct csv_options	 csv;		/* CSV: encoding, delimiter ... */
	enum table_format	 format;	/* 0: by the file's first bytes */
	size_t			 field_max;	/* 0: CSV_FIELD_MAX_DEFAULT */
	uint64_t		 unpacked_max;	/* ODS/XLSX: bytes one part of
						   the file may unpack to (0:
						   TABLE_UNPACKED_MAX) */
};

/* The most a part of an .ods or .xlsx file may unpack to. */
#define TABLE_UNPACKED_MAX	((uint64_t)2 << 30)
/* The most rows and columns a sheet may have (as the programs allow). */
#define TABLE_ROWS_MAX		1048576
#define TABLE_COLS_MAX		16384

struct table_reader;

/*
 * Open path as a table: a zip holding an OpenDocument spreadsheet or an
 * Excel workbook by its contents, whatever its name, and CSV otherwise.
 * The first sheet is read. On error *rp is NULL and *cause says why.
 */
int	 table_reader_open(struct table_reader **rp, const char *path,
	    const struct table_options *o, char **cause);

/* As table_reader_open over len bytes at data (kept until the close). */
int	 table_reader_open_mem(struct table_reader **rp, const char *name,
	    const void *data, size_t len, const struct table_options *o,
	    char **cause);

/*
 * The next row: 1 with *row set (valid until the next call); 0 at the
 * end; -1 with *cause naming the file, the row and what to do. Rows
 * with no cell at all are skipped. After an error every later call fails
 * with the same sentence.
 */
int	 table_reader_next(struct table_reader *r, const struct table_row **row,
	    char **cause);

enum table_format table_reader_format(const struct table_reader *r);
/* The CSV reader underneath (its encoding, delimiter ...), or NULL. */
struct csv_reader *table_reader_csv(const struct table_reader *r);
/* What a CSV reader settled at open, as csv_reader_encoding and the rest
 * say; table_reader_csv_info fills it and returns 1 for a CSV, else 0. */
struct table_csv_info {
	const char	*encoding;	/* "utf-8", "big5", "utf-16le" ... */
	int		 delimiter, bom, crlf;
};
int	 table_reader_csv_info(const struct table_reader *r,
	    struct table_csv_info *ci);
/* The sheet read ("" for CSV). */
const char	*table_reader_sheet(const struct table_reader *r);
/* Bytes taken from the input so far, and its size, for a progress bar. */
uint64_t table_reader_bytes_read(const struct table_reader *r);
uint64_t table_reader_bytes_total(const struct table_reader *r);
/*
 * What the reader noticed and let pass, one sentence a line (an
 * agency-defined Big5 character read into the Private Use Area, say),
 * or NULL; the reader keeps it.
 */
const char	*table_reader_warnings(const struct table_reader *r);
void	 table_reader_close(struct table_reader *r);

/*
 * A file's rows, read once (table_parse) and then as often as needed
 * (table_parsed_open: each open a reader from the first row, valid while
 * p is). With apart, they are read in a child process that first gives
 * up everything a parser made to misbehave could turn on the shared
 * database (priv_apart: the group's rights, the database's descriptors
 * and maps), and come back as rows this process checks; data may then
 * go once table_parse returns. Without, data (kept until
 * table_parsed_free) is read again at each open, here. A file that does
 * not open as a table fails table_parse, apart, and table_parsed_open
 * otherwise, with the same sentence.
 */
struct table_parsed;
int	 table_parse(struct table_parsed **pp, const char *name,
	    const void *data, size_t len, const struct table_options *o,
	    int apart, char **cause);
int	 table_parsed_open(struct table_reader **rp,
	    const struct table_parsed *p, char **cause);
void	 table_parsed_free(struct table_parsed *p);

/*
 * How a row is named in sentences, in the reader's language: "row 12"
 * for a sheet, "row 12 (line 14)" for CSV where a line break inside a
 * cell above moved the two apart.
 */
void	 table_row_name(const struct table_row *row, char *buf, size_t n);

/*
 * Reading ahead (ahead.c): a thread of its own takes r's rows in
 * batches (0: a few hundred) while the caller works on the ones before;
 * a few batches at most wait. table_ahead_next returns what
 * table_reader_next would have, in the same order. table_ahead_stop ends
 * the thread and frees the rows; it does not close r.
 */
struct table_ahead;
struct table_ahead *table_ahead_start(struct table_reader *r, size_t rows);
int	 table_ahead_next(struct table_ahead *a, const struct table_row **row,
	    char **cause);
uint64_t table_ahead_bytes_read(const struct table_ahead *a);
void	 table_ahead_stop(struct table_ahead *a);

/*
 * Work on each row that needs nothing but the row, done in the reading
 * thread too, beside the caller: fn fills size bytes for the row (it
 * must touch nothing the caller may be changing meanwhile), and
 * table_ahead_prepared hands them over with the row table_ahead_next
 * returned last (NULL before the first), the caller's to change until
 * its next call.
 */
struct table_ahead_prep {
	void	(*fn)(void *arg, const struct table_row *row, void *out);
	void	 *arg;
	size_t	  size;
};
struct table_ahead *table_ahead_start_prep(struct table_reader *r,
	    size_t rows, const struct table_ahead_prep *prep);
void	*table_ahead_prepared(const struct table_ahead *a);

#endif /* OGPO_TABLE_H */
