/*
 * csv.h — spreadsheets in and out. The reader turns the bytes Excel
 * writes (UTF-8 with or without a BOM, UTF-16 "Unicode text", Big5/CP950;
 * comma, tab or semicolon; CRLF or LF) into rows of UTF-8 fields; the
 * writer turns rows back into bytes Excel opens cleanly, with formulas
 * neutralised on request. Nothing here knows what the rows mean: the
 * importer judges their length and contents.
 *
 * Every call that can fail returns -1 and sets *cause (when cause is not
 * NULL) to a malloc'd sentence that names the file, the line or row and
 * the column, and says what to do. Nothing here prints or exits.
 */
#ifndef OGPO_CSV_H
#define OGPO_CSV_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define CSV_FIELD_MAX_DEFAULT	(64 * 1024)	/* bytes of UTF-8 per field */
#define CSV_CHUNK_DEFAULT	(256 * 1024)	/* bytes read at a time */

struct csv_reader;
struct csv_writer;

/* How to read; a NULL options pointer or a zeroed struct means detect all. */
struct csv_options {
	const char	*encoding;	/* NULL: detect; else "utf-8", "big5"
					   (read as CP950), "utf-16" (BOM
					   decides, LE without one),
					   "utf-16le", "utf-16be" */
	int		 delimiter;	/* 0: sniff from the header line; else
					   ',' '\t' ';' or '|' */
	size_t		 field_max;	/* 0: CSV_FIELD_MAX_DEFAULT */
	size_t		 chunk;		/* for tests: bytes per read (at least
					   4); 0: CSV_CHUNK_DEFAULT */
};

/*
 * One row, as every reader of tables returns it (CSV here, ODS and XLSX
 * through table.h).
 */
struct table_row {
	size_t	  nfields;	/* at least 1; rows may differ in length */
	char	**fields;	/* UTF-8, NUL-terminated, owned by the reader,
				   valid until the next call on it */
	size_t	  line;		/* CSV: the physical line (1-based) where it
				   starts; 0 for a sheet */
	size_t	  row;		/* the row a spreadsheet shows it on: for
				   CSV the record's number, blank lines
				   counted, line breaks in cells not */
};

/*
 * Open path and read its first chunk to settle the encoding and the
 * delimiter. On error *rp is NULL and *cause says why.
 */
int	 csv_reader_open(struct csv_reader **rp, const char *path,
	    const struct csv_options *opt, char **cause);

/*
 * As csv_reader_open, over len bytes at data, which must stay valid and
 * unchanged until csv_reader_close. name is used in sentences.
 */
int	 csv_reader_open_mem(struct csv_reader **rp, const char *name,
	    const void *data, size_t len, const struct csv_options *opt,
	    char **cause);

/*
 * The next record: 1 with *row set; 0 at the end of the input; -1 with
 * *cause naming the file, line and column (field number) and what to do.
 * Blank lines (nothing but spaces or tabs) are skipped. After an error
 * every later call fails with the same sentence.
 */
int	 csv_reader_next(struct csv_reader *r, const struct table_row **row,
	    char **cause);

/* "utf-8", "big5", "utf-16le" or "utf-16be" (what the input was). */
const char *csv_reader_encoding(const struct csv_reader *r);
int	 csv_reader_delimiter(const struct csv_reader *r);
/* 1 if the input began with a byte order mark (not part of any field). */
int	 csv_reader_bom(const struct csv_reader *r);
/* 1 if the first line ends in CRLF. */
int	 csv_reader_crlf(const struct csv_reader *r);
/* Bytes taken from the input so far, and its size (0 if unknown). */
uint64_t csv_reader_bytes_read(const struct csv_reader *r);
uint64_t csv_reader_bytes_total(const struct csv_reader *r);
/*
 * What the reader noticed and let pass, one sentence a line (a Big5
 * character an agency defined, read into the Private Use Area), or NULL.
 */
const char *csv_reader_warnings(const struct csv_reader *r);
/* Close the file and free everything, the last row included; NULL is ok. */
void	 csv_reader_close(struct csv_reader *r);

/* How to write; a NULL options pointer means UTF-8, comma, LF, no BOM. */
struct csv_writer_options {
	const char	*encoding;	/* NULL or "utf-8", "big5" (CP950),
					   "utf-16le" ("utf-16"), "utf-16be" */
	int		 delimiter;	/* 0: ','; else ',' '\t' ';' or '|' */
	int		 bom;		/* write a BOM (UTF-8 and UTF-16) */
	int		 crlf;		/* CRLF line ends (else LF) */
	int		 guard;		/* neutralise formulas (csv_cell_*) */
	const char	*replace;	/* written in place of a character
					   the encoding lacks (□); NULL:
					   refuse the row */
};

/* A character of a row that the writer's encoding has no form for. */
struct csv_lack {
	size_t	 field;			/* 0-based */
	char	 ch[5];			/* the character, UTF-8 */
};

/*
 * Start writing to f, which stays the caller's to fclose (and check);
 * name is used in sentences. The BOM, if asked for, is written here.
 */
int	 csv_writer_open(struct csv_writer **wp, FILE *f, const char *name,
	    const struct csv_writer_options *opt, char **cause);

/*
 * Write one record of n fields (NULL counts as empty). Returns 0, or -1
 * with *cause naming the row (1-based count of calls, the header being
 * row 1), the field (by the header's name from the second row on) and
 * what is wrong, e.g. "out.csv row 12, field 姓名: 堃 has no Big5 form";
 * such a row is not written at all, and csv_writer_lacks lists every
 * character of it the encoding lacks. A field that is not UTF-8 is
 * refused the same way.
 */
int	 csv_writer_row(struct csv_writer *w, const char *const *fields,
	    size_t n, char **cause);

/*
 * The characters of the last row that the encoding lacks: refused (the
 * row was not written) or, with the replace option, replaced. Valid
 * until the next row.
 */
size_t	 csv_writer_lacks(const struct csv_writer *w,
	    const struct csv_lack **v);
/* The name of field i (0-based) of the header, "" if there is none. */
const char *csv_writer_header(const struct csv_writer *w, size_t i);

/* Flush and free w; -1 if any write failed (disk full). NULL is ok. */
int	 csv_writer_close(struct csv_writer *w, char **cause);

/*
 * The formula guard. A cell starting with '=', '+', '-', '@', tab or CR
 * is written with a leading ' unless it is strictly a number (-12, +3.5,
 * -.25: a sign, digits, at most one '.'). So that csv_cell_unguard undoes
 * exactly what the guard did, such a cell behind one or more 's ("'=A1")
 * gets one more ' as well. Returns 1 if the guard would prefix s.
 */
int	 csv_cell_is_formula(const char *s);

/* s without the ' the guard added (only if one was added), else s. */
const char *csv_cell_unguard(const char *s);

#endif /* OGPO_CSV_H */
