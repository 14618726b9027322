/*
 * table-int.h — what the files of the table layer share and no one else
 * sees: the readers of zipped spreadsheets (sheet-read.c, with the ODS
 * and XLSX grammars in ods-read.c and xlsx-read.c), and the writers of
 * each format behind table_writer (ods-write.c, xlsx-write.c).
 */
#ifndef OGPO_TABLE_INT_H
#define OGPO_TABLE_INT_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

#include <expat.h>

#include "ogpo/model.h"
#include "ogpo/table.h"
#include "ogpo/util.h"

/* --- rows read apart (apart.c) -------------------------------------- */

/* How the child's table ended, and what its reader had settled. */
struct apart_end {
	int			 rc;	/* 0, or -1: cause after the rows */
	enum table_format	 format;
	int			 csv, delimiter, bom, crlf;
	uint64_t		 total;
	const char		*encoding, *sheet, *warnings, *cause;
};

/* A reader's place in the checked rows. */
struct apart_cursor {
	const char		*buf;
	size_t			 len, pos;
	const struct apart_end	*end;
	char			**fields;
	size_t			 cap;
	uint64_t		 nread;
	struct table_row	 row;
};

int	 apart_next(struct apart_cursor *c, const struct table_row **row,
	    char **cause);
/* A reader of len bytes of checked rows at buf, ended as end says. */
struct table_reader *table_reader_open_apart(const char *buf,
	    size_t len, const struct apart_end *end);

/* --- reading zipped sheets (sheet-read.c) --------------------------- */

/* The most memory expat may take for one part (names, attributes). */
#define SHEET_XML_MEM_MAX	((size_t)64 << 20)
/* The most text one row may hold, all its cells together. */
#define SHEET_ROW_MAX		((size_t)1 << 20)
/* The most text repeated rows and cells merged down may hand over, all
 * of them together. */
#define SHEET_REPEAT_MAX	((uint64_t)64 << 20)

struct sheet;

/*
 * A grammar: ODS or XLSX. open reads what comes before the rows (an
 * XLSX file's workbook, styles and shared strings) and names the part
 * that holds them; the handlers then build rows through sheet_row_* and
 * sheet_cell_* as expat walks that part.
 */
struct sheet_grammar {
	const char	*label;		/* "OpenDocument", in sentences */
	int		(*open)(struct sheet *s, char **part, char **cause);
	void		(*start)(void *s, const XML_Char *name,
			    const XML_Char **atts);
	void		(*end)(void *s, const XML_Char *name);
	void		(*text)(void *s, const XML_Char *t, int len);
	void		(*free)(struct sheet *s);
};

extern const struct sheet_grammar sheet_ods, sheet_xlsx;

/* The zip (by bytes), the format it holds, or an error for a non-sheet. */
int	 sheet_open(struct sheet **sp, const char *path, const void *mem,
	    size_t len, const struct table_options *o, enum table_format *fmt,
	    char **cause);
int	 sheet_next(struct sheet *s, const struct table_row **row,
	    char **cause);
const char *sheet_name(const struct sheet *s);
const char *sheet_file(const struct sheet *s);
uint64_t sheet_bytes_read(const struct sheet *s);
uint64_t sheet_bytes_total(const struct sheet *s);
void	 sheet_close(struct sheet *s);

/* For the grammars. */
void	*sheet_grammar_data(struct sheet *s);
void	 sheet_set_grammar_data(struct sheet *s, void *data);
void	 sheet_set_name(struct sheet *s, const char *name);
/* The first error sticks; the parse stops at once. */
void	 sheet_fail(struct sheet *s, const char *fmt, ...) OGPO_PRINTF(2, 3);
int	 sheet_failed(const struct sheet *s);
/*
 * A whole part parsed with handlers of one's own (XLSX's workbook),
 * which are handed s.
 */
int	 sheet_parse_part(struct sheet *s, const char *part, int required,
	    XML_StartElementHandler start, XML_EndElementHandler end,
	    XML_CharacterDataHandler text, char **cause);
/*
 * 1 if the part's bytes hold needle anywhere (only unpacked, not parsed:
 * a cheap look before a parse for what a part seldom has), 0 if not, -1
 * with *cause if it cannot be read.
 */
int	 sheet_part_holds(struct sheet *s, const char *part,
	    const char *needle, char **cause);
/* 1 if the zip has this part. */
int	 sheet_has_part(struct sheet *s, const char *part);
/* The sheet is read: stop at once, the rest of the part unread. */
void	 sheet_done(struct sheet *s);

/* Rows: begin one at its number (1-based), cells, end it n times. */
void	 sheet_row_begin(struct sheet *s, uint64_t row);
/* Empty cells up to column col (0-based), for grammars that name them. */
void	 sheet_cell_skip_to(struct sheet *s, uint64_t col);
void	 sheet_cell_begin(struct sheet *s);
void	 sheet_cell_text(struct sheet *s, const char *t, size_t len);
/* Replace what the cell holds so far (a typed value over its text). */
void	 sheet_cell_set(struct sheet *s, const char *t);
/* The cell's text so far (for a grammar that judges it at its end). */
const char *sheet_cell_peek(struct sheet *s, size_t *len);
void	 sheet_cell_end(struct sheet *s, uint64_t repeat);
/*
 * The open cell is the top-left one of cells merged over rows rows: the
 * rows below show its value in its column (see sheet_merge_down).
 */
void	 sheet_merge_down(struct sheet *s, uint64_t rows);
void	 sheet_row_end(struct sheet *s, uint64_t repeat);
/* The next row's number when the grammar does not say. */
uint64_t sheet_row_next(const struct sheet *s);

/* The local name of a namespaced name ("uri\x01local"). */
const char *sheet_local(const XML_Char *name);
/* The value of the attribute of that local name, or NULL. */
const char *sheet_attr(const XML_Char **atts, const char *local);
/* A count attribute (repeats): 1 when absent; 0 when not a number. */
uint64_t sheet_count(const char *v);

/* A number written as people write it: 912345678, 0.875, 1.5E-3. */
void	 sheet_number_text(double v, char *buf, size_t n);
/* Days since 1899-12-30 into YYYY-MM-DD (and " HH:MM" for a fraction),
 * as a spreadsheet shows the day. */
int	 sheet_serial_date(double serial, int time, char *buf, size_t n);
/* An ODF date (YYYY-MM-DD...) before 1582-10-15 rewritten in place as
 * LibreOffice shows it (see sheet_shown). */
void	 sheet_date_shown(char *iso);

/* --- writing -------------------------------------------------------- */

/* One format's writer, behind table_writer. */
struct table_writer_ops {
	int	(*open)(struct table_writer *w, char **cause);
	/* The titles (w->titles) and the header (w->cols). */
	int	(*head)(struct table_writer *w, char **cause);
	int	(*row)(struct table_writer *w, const char *const *cells,
		    size_t n, char **cause);
	int	(*close)(struct table_writer *w, char **cause);
	void	(*free)(struct table_writer *w);
};

extern const struct table_writer_ops table_ods_ops, table_xlsx_ops;

struct table_writer {
	const struct table_writer_ops	*ops;
	FILE				*f;
	char				*name;
	struct table_writer_options	 o;
	char				*sheet;
	struct table_column		*cols;		/* copies */
	size_t				 ncols;
	size_t				*widths;	/* widest cell, in cells */
	char				**titles;
	size_t				 ntitles;
	size_t				 rows;		/* after the header */
	char				*tmp;		/* the file being built */
	char				*lacking;	/* table_writer_lacking */
	size_t				 lacklen, lackcap, nlacking;
	int				 name_col, email_col;	/* or -1 */
	struct csv_writer		*csv;
	void				*impl;		/* the format's own */
};

/* A temporary file's name (mkstemp, under $TMPDIR), made and closed. */
char	*table_tmp_path(char **cause);
/* Copy the file at path into w->f and remove it. */
int	 table_tmp_copy(struct table_writer *w, const char *path,
	    char **cause);
/* The widths, in cells, to give each column (kinds and content). */
unsigned table_col_width(const struct table_writer *w, size_t i);
/* How a list is printed on A4: 0 when its columns fit the page upright,
 * as they are; else the number of landscape pages its columns are shrunk
 * to fit side by side, each at no less than two thirds of their size,
 * the columns that name a row (table_print_keep) on every one. */
unsigned table_print_across(const struct table_writer *w);
/* The lines s takes wrapped in a column width cells wide. */
unsigned table_text_lines(const char *s, unsigned width);
/* The leading columns printed on every page a wide list runs across. */
size_t	 table_print_keep(const struct table_writer *w);
/* A date cell: 1 and *y *m *d if s is YYYY-MM-DD. */
/* 1 if the date iso, to replace was, may be a two-digit 民國 year a
 * spreadsheet read as 19xx (99/3/1 as 1999-03-01); IMPORT_TWO_DIGIT says
 * so. */
int	 table_two_digit(const char *iso, const char *was);
extern const char *const table_two_digit_why;
#define IMPORT_TWO_DIGIT table_two_digit_why

/* 1 if row is a total row under a list (合計, then numbers), its label
 * into label (n bytes): no record, passed over. */
int	 table_total_row(const struct table_row *row, char *label, size_t n);
int	 table_date_split(const char *s, int *y, int *m, int *d);
/* A count cell: 1 and *v if s is digits only, or - and digits. */
int	 table_count_value(const char *s, double *v);
/* A rate cell ("87.5%"): 1 and the fraction in *v. */
int	 table_rate_value(const char *s, double *v);

/* --- importing (import.c, for records.c too) ------------------------- */

struct core;
struct store_txn;
struct import_record;

/*
 * What a row changes, named by the file's own column headers ("電話
 * 02-1234-5678 → 0912-345-678; 職稱 科長 → 專員"): col gives the header
 * of a field ("" when the file has none, and the field's label is used),
 * values as a person reads them. Returns how many fields differ.
 */
size_t	 import_diff_text(struct store_txn *t, enum entity_kind kind,
	    const void *old, const void *rec,
	    const char *(*col)(const void *arg, const char *field),
	    const void *arg, char *buf, size_t n);

/*
 * The audit record that closes an import, in t: ir's kind, counts,
 * first_seq and encoding are the caller's; the last change and the file
 * (path) are filled in. *seq is the record's, for `ogpo import undo`.
 */
int	 import_record_append(struct core *c, struct store_txn *t,
	    struct import_record *ir, const char *path, uint64_t *seq,
	    char **cause);

#endif /* OGPO_TABLE_INT_H */
