/*
 * csv-read.c — CSV in. The input is read a chunk at a time, converted to
 * UTF-8 (iconv for Big5 and UTF-16) and fed to libcsv, in strict mode,
 * one physical line at a time, so that the callbacks and every error know
 * the line. Memory is bounded by the chunk size and the longest record,
 * never by the size of the file.
 *
 * Line numbers count LF, CRLF and a lone CR as one line end each, inside
 * quoted fields too, as an editor would. A record's line is where its
 * first field starts: the line on which libcsv hands over that field,
 * less the line breaks inside it. Its row, as a spreadsheet numbers it,
 * is its line less every line break inside the cells of the records
 * before it.
 */
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>

#include "ogpo/csv.h"
#include "ogpo/text.h"
#include "ogpo/util.h"

#define CSV_READER_CARRY	8	/* room for a character cut short */
#define CSV_READER_SLACK	8	/* libcsv holds a quote, grows early */
#define CSV_READER_BLOCK	4096	/* libcsv's field buffer step */

enum csv_reader_enc {
	CSV_READER_UTF8,
	CSV_READER_BIG5,
	CSV_READER_UTF16LE,
	CSV_READER_UTF16BE
};

static const struct {
	const char	*name;		/* what csv_reader_encoding says */
	const char	*label;		/* in sentences */
	const char	*iconv;		/* NULL: no conversion */
	const char	*advice;	/* after "bytes .. are not X text" */
} csv_reader_encs[] = {
	[CSV_READER_UTF8] = { "utf-8", "UTF-8", NULL,
	    N_("; if the file is Big5, give --encoding big5") },
	[CSV_READER_BIG5] = { "big5", "Big5 (CP950)", "CP950",
	    N_("; save the file as UTF-8 or give --encoding") },
	[CSV_READER_UTF16LE] = { "utf-16le", "UTF-16LE", "UTF-16LE",
	    N_("; save the file as UTF-8 or give --encoding") },
	[CSV_READER_UTF16BE] = { "utf-16be", "UTF-16BE", "UTF-16BE",
	    N_("; save the file as UTF-8 or give --encoding") },
};

/*
 * libcsv's allocation hook takes no context, so the limit for the parser
 * about to run is set here just before each csv_parse and csv_fini.
 */
static _Thread_local size_t csv_reader_cap;

struct csv_reader {
	char			*name;
	int			 fd;		/* -1: reading from memory */
	const unsigned char	*mem;
	size_t			 memlen;
	uint64_t		 nread;		/* bytes taken from the input */
	uint64_t		 total;
	int			 eof;		/* the input is exhausted */

	enum csv_reader_enc	 enc;
	iconv_t			 cd;		/* (iconv_t)-1 for UTF-8 */
	int			 forced;	/* the caller named the encoding */
	int			 bom;
	int			 crlf;
	size_t			 eudc;		/* agency-defined characters */
	size_t			 eudc_rows;	/* rows warned of */
	int			 delim;
	size_t			 chunk;
	size_t			 field_max;

	unsigned char		*raw;		/* read, not yet converted */
	size_t			 rawlen;
	size_t			 rawcap;
	char			*text;		/* UTF-8, not yet parsed */
	size_t			 textpos;
	size_t			 textlen;
	size_t			 textcap;
	char			*bad;		/* bytes that did not convert */

	struct csv_parser	 parser;
	int			 parser_ok;
	int			 finished;	/* csv_fini has run */
	size_t			 line;		/* physical line being parsed */
	size_t			 inner;		/* line breaks inside the cells
						   of the records handed over */
	size_t			 rec_breaks;	/* and in this record's */
	int			 after_cr;	/* the text so far ends in CR */
	int			 in_quote;
	size_t			 quote_line;	/* where that quote opened */

	char			*buf;		/* the record's fields */
	size_t			 buflen;
	size_t			 bufcap;
	size_t			*offs;		/* where each field starts */
	size_t			 offcap;
	char			**fields;
	size_t			 fieldcap;
	size_t			 nf;
	int			 row_done;
	size_t			 long_line;	/* an overlong field, or 0 */
	size_t			 long_col;
	struct table_row		 row;
	char			*error;		/* sticky after a failure */
	char			*warnings;	/* what was let pass, by line */
};

static int	csv_reader_fail(struct csv_reader *, char **, const char *,
		    ...) OGPO_PRINTF(3, 4);

/*
 * Record the reader's first failure as "name" followed by the formatted
 * text and copy it into *cause. Returns -1.
 */
static int
csv_reader_fail(struct csv_reader *r, char **cause, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	va_start(ap, fmt);
	msg = xvasprintf(_(fmt), ap);
	va_end(ap);
	free(r->error);
	r->error = xasprintf("%s%s", r->name, msg);
	free(msg);
	return err_set(cause, -1, "%s", r->error);
}

/* libcsv's allocator: refuses to grow a field past csv_reader_cap. */
static void *
csv_reader_realloc(void *p, size_t n)
{
	if (n > csv_reader_cap)
		return NULL;
	return realloc(p, n);
}

/* Spaces are data: no trimming of unquoted fields (the importer trims). */
static int
csv_reader_is_space(unsigned char c)
{
	(void)c;
	return 0;
}

/*
 * The length of the UTF-8 character at s (n bytes there): its length if
 * well-formed (the rules of text_utf8_valid), 0 if not, -1 if it is cut
 * short by the end of the buffer.
 */
static int
csv_reader_utf8_len(const unsigned char *s, size_t n)
{
	unsigned char	lo = 0x80, hi = 0xbf;
	size_t		len, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] < 0xc2)
		return 0;
	if (s[0] < 0xe0)
		len = 2;
	else if (s[0] < 0xf0) {
		len = 3;
		if (s[0] == 0xe0)
			lo = 0xa0;
		else if (s[0] == 0xed)
			hi = 0x9f;
	} else if (s[0] < 0xf5) {
		len = 4;
		if (s[0] == 0xf0)
			lo = 0x90;
		else if (s[0] == 0xf4)
			hi = 0x8f;
	} else
		return 0;
	for (i = 1; i < len; i++) {
		if (i >= n)
			return -1;
		if (s[i] < lo || s[i] > hi)
			return 0;
		lo = 0x80;
		hi = 0xbf;
	}
	return (int)len;
}

/*
 * Big5's user-defined areas, where agencies put the characters of names
 * Big5 lacks: FA40-FEFE, 8E40-A0FE and 8140-8DFE (C6A1-C8FE iconv maps
 * itself), 157 characters a lead byte, in the Private Use Area from
 * U+E000 as Windows' code page 950 places them. Writes the UTF-8 (3
 * bytes) and returns 0, or -1 if b is not such a character.
 */
static int
csv_reader_eudc(const unsigned char *b, char *out)
{
	static const struct {
		unsigned char	 lo, hi;
		uint32_t	 base;
	} areas[] = {
		{ 0xfa, 0xfe, 0xe000 }, { 0x8e, 0xa0, 0xe311 },
		{ 0x81, 0x8d, 0xeeb8 },
	};
	uint32_t cp;
	size_t i;
	int trail;

	if (b[1] >= 0x40 && b[1] <= 0x7e)
		trail = b[1] - 0x40;
	else if (b[1] >= 0xa1 && b[1] <= 0xfe)
		trail = b[1] - 0x62;
	else
		return -1;
	for (i = 0; i < sizeof areas / sizeof areas[0]; i++)
		if (b[0] >= areas[i].lo && b[0] <= areas[i].hi) {
			cp = areas[i].base + (uint32_t)(b[0] - areas[i].lo) *
			    157 + (uint32_t)trail;
			out[0] = (char)(0xe0 | (cp >> 12));
			out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
			out[2] = (char)(0x80 | (cp & 0x3f));
			return 0;
		}
	return -1;
}

/* The Big5 bytes of PUA character cp, as csv_reader_eudc reads them. */
static void
csv_reader_eudc_bytes(uint32_t cp, char *buf, size_t n)
{
	static const struct {
		unsigned char	 lo, hi;
		uint32_t	 base;
	} areas[] = {
		{ 0xfa, 0xfe, 0xe000 }, { 0x8e, 0xa0, 0xe311 },
		{ 0x81, 0x8d, 0xeeb8 }, { 0xc6, 0xc8, 0xf6b1 },
	};
	uint32_t k, t;
	size_t i;

	for (i = 0; i < sizeof areas / sizeof areas[0]; i++) {
		if (cp < areas[i].base)
			continue;
		k = cp - areas[i].base;
		if (k >= (uint32_t)(areas[i].hi - areas[i].lo + 1) * 157)
			continue;
		if (areas[i].lo == 0xc6)
			k += 63;	/* C6 starts at its A1 */
		t = k % 157;
		snprintf(buf, n, "%02X %02X", areas[i].lo + k / 157,
		    t < 63 ? 0x40 + t : 0x62 + t);
		return;
	}
	snprintf(buf, n, "?");
}

/* Note the bytes at s (avail of them) that do not convert, for later. */
static void
csv_reader_set_bad(struct csv_reader *r, const unsigned char *s,
    size_t avail)
{
	char	hex[8];
	size_t	n;

	n = avail < 2 ? avail : 2;
	if (r->enc == CSV_READER_BIG5 && (s[0] < 0x81 || s[0] == 0xff))
		n = 1;
	if (n == 1)
		snprintf(hex, sizeof hex, "%02X", s[0]);
	else
		snprintf(hex, sizeof hex, "%02X %02X", s[0], s[1]);
	free(r->bad);
	r->bad = xasprintf(n == 1 ? _("byte %s is not %s text%s") :
	    _("bytes %s are not %s text%s"), hex,
	    csv_reader_encs[r->enc].label, r->forced &&
	    r->enc != CSV_READER_UTF8 ?
	    _("; save the file as UTF-8 and import it again") :
	    _(csv_reader_encs[r->enc].advice));
}

/* Append up to one chunk of input to raw; sets eof at the end. */
static int
csv_reader_read(struct csv_reader *r, char **cause)
{
	size_t	want, got = 0;
	ssize_t	n;

	want = r->rawcap - r->rawlen;
	if (want > r->chunk)
		want = r->chunk;
	if (r->fd == -1) {
		got = r->memlen - r->nread;
		if (got > want)
			got = want;
		if (got > 0)
			memcpy(r->raw + r->rawlen, r->mem + r->nread, got);
		if (r->nread + got == r->memlen)
			r->eof = 1;
	} else {
		while (got < want) {
			n = read(r->fd, r->raw + r->rawlen + got, want - got);
			if (n == -1 && errno == EINTR)
				continue;
			if (n == -1)
				return csv_reader_fail(r, cause,
				    ": cannot read: %s", strerror(errno));
			if (n == 0) {
				r->eof = 1;
				break;
			}
			got += (size_t)n;
		}
	}
	r->rawlen += got;
	r->nread += got;
	return 0;
}

/*
 * Convert raw into text as far as it holds whole characters. A character
 * cut by the end of the chunk stays in raw for the next one; at the first
 * bytes that do not convert, what came before is kept, r->bad describes
 * them and nothing more is read.
 */
static int
csv_reader_convert(struct csv_reader *r, char **cause)
{
	size_t	 done, inleft, outleft;
	char	*in, *out;
	int	 k;

	if (r->enc == CSV_READER_UTF8) {
		done = 0;
		while (done < r->rawlen) {
			if (r->raw[done] < 0x80) {
				done++;
				continue;
			}
			k = csv_reader_utf8_len(r->raw + done,
			    r->rawlen - done);
			if (k > 0)
				done += (size_t)k;
			else {
				if (k == 0 || r->eof)
					csv_reader_set_bad(r, r->raw + done,
					    r->rawlen - done);
				break;
			}
		}
		memcpy(r->text + r->textlen, r->raw, done);
		r->textlen += done;
	} else {
		in = (char *)r->raw;
		inleft = r->rawlen;
		out = r->text + r->textlen;
		outleft = r->textcap - r->textlen;
		while (iconv(r->cd, &in, &inleft, &out, &outleft) ==
		    (size_t)-1) {
			/* A character an agency defined: its place in the
			 * Private Use Area, as Windows reads it. */
			if (errno == EILSEQ && r->enc == CSV_READER_BIG5 &&
			    inleft >= 2 && outleft >= 3 &&
			    csv_reader_eudc((unsigned char *)in, out) == 0) {
				in += 2;
				inleft -= 2;
				out += 3;
				outleft -= 3;
				continue;
			}
			if (errno == EILSEQ || (errno == EINVAL && r->eof))
				csv_reader_set_bad(r, (unsigned char *)in,
				    inleft);
			else if (errno != EINVAL)
				return csv_reader_fail(r, cause,
				    ": cannot convert from %s: %s",
				    csv_reader_encs[r->enc].label,
				    strerror(errno));
			break;
		}
		done = (size_t)((unsigned char *)in - r->raw);
		r->textlen = (size_t)(out - r->text);
	}
	if (r->bad != NULL) {
		r->rawlen = 0;
		r->eof = 1;
	} else {
		memmove(r->raw, r->raw + done, r->rawlen - done);
		r->rawlen -= done;
	}
	return 0;
}

/*
 * Refill text once all of it has been parsed: 1 when there is more, 0 at
 * the end of the input, -1 on error (bad bytes are reported here, after
 * the text before them has been parsed, so that line and column are
 * known).
 */
static int
csv_reader_fill(struct csv_reader *r, char **cause)
{
	r->textpos = r->textlen = 0;
	for (;;) {
		if (r->bad != NULL)
			return csv_reader_fail(r, cause,
			    " line %zu, column %zu: %s",
			    r->line + (r->after_cr ? 1 : 0), r->nf + 1,
			    r->bad);
		if (r->eof && r->rawlen == 0)
			return 0;
		if (!r->eof && csv_reader_read(r, cause) != 0)
			return -1;
		if (csv_reader_convert(r, cause) != 0)
			return -1;
		if (r->textlen > 0)
			return 1;
	}
}

/* Line breaks inside s (len bytes), counted as the reader counts lines. */
static size_t
csv_reader_breaks(const char *s, size_t len)
{
	size_t	i, n = 0;

	for (i = 0; i < len; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == len ||
		    s[i + 1] != '\n')))
			n++;
	return n;
}

/* libcsv's field callback: copy the field into the record. */
static void
csv_reader_on_field(void *s, size_t len, void *data)
{
	struct csv_reader	*r = data;
	size_t			 nl;

	if (r->long_line != 0)
		return;
	nl = len > 0 ? csv_reader_breaks(s, len) : 0;
	r->rec_breaks += nl;
	if (len > r->field_max) {
		r->long_line = r->line - nl;
		r->long_col = r->nf + 1;
		return;
	}
	r->buf = xgrow(r->buf, &r->bufcap, r->buflen + len + 1, 1);
	if (len > 0)
		memcpy(r->buf + r->buflen, s, len);
	r->buf[r->buflen + len] = '\0';
	r->offs = xgrow(r->offs, &r->offcap, r->nf + 1,
	    sizeof *r->offs);
	r->offs[r->nf++] = r->buflen;
	r->buflen += len + 1;
	if (r->nf == 1)
		r->row.line = r->line - nl;
}

#define CSV_READER_WARN_ROWS	20	/* rows named in the warnings */

/* Add a line to the warnings. */
static void
csv_reader_warn(struct csv_reader *r, const char *line)
{
	char *w = xasprintf("%s%s\n", r->warnings ? r->warnings : "", line);

	free(r->warnings);
	r->warnings = w;
}

/*
 * A Big5 record holding characters an agency defined (in the Private
 * Use Area now): a warning naming the row, the column and the bytes.
 */
static void
csv_reader_warn_eudc(struct csv_reader *r)
{
	const unsigned char *p;
	char where[64], bytes[16], *line;
	uint32_t cp;
	size_t i, k, n;

	for (i = 0; i < r->nf; i++) {
		p = (const unsigned char *)r->buf + r->offs[i];
		for (; *p != '\0'; p += k) {
			if ((k = text_decode(p, strlen((const char *)p),
			    &cp)) == 0)
				k = 1;
			if (cp < 0xe000 || cp > 0xf8ff)
				continue;
			r->eudc++;
			if (r->eudc_rows++ == CSV_READER_WARN_ROWS) {
				csv_reader_warn(r, _("(and more rows with "
				    "characters an agency defined)"));
				continue;
			}
			if (r->eudc_rows > CSV_READER_WARN_ROWS)
				continue;
			n = r->row.line - r->inner;	/* the record's row */
			if (n != r->row.line)
				snprintf(where, sizeof where, _("row %zu (line "
				    "%zu)"), n, r->row.line);
			else
				snprintf(where, sizeof where, _("row %zu"), n);
			csv_reader_eudc_bytes(cp, bytes, sizeof bytes);
			line = xasprintf(_("%s: %s, column %zu: Big5 %s is a "
			    "character an agency defined; it was read as "
			    "U+%04X in the Private Use Area and shows only "
			    "where that agency's font is installed"), r->name,
			    where, i + 1, bytes, (unsigned int)cp);
			csv_reader_warn(r, line);
			free(line);
			return;		/* one line a row */
		}
	}
}

/* libcsv's record callback: the record is whole unless it is blank. */
static void
csv_reader_on_row(int c, void *data)
{
	struct csv_reader	*r = data;
	size_t			 i;

	(void)c;
	if (r->long_line != 0)
		return;
	if (r->enc == CSV_READER_BIG5)
		csv_reader_warn_eudc(r);
	r->row.row = r->row.line - r->inner;
	r->inner += r->rec_breaks;
	r->rec_breaks = 0;
	if (r->nf == 1 && r->buf[strspn(r->buf, " \t")] == '\0') {
		r->nf = r->buflen = 0;
		return;
	}
	r->fields = xgrow(r->fields, &r->fieldcap, r->nf,
	    sizeof *r->fields);
	for (i = 0; i < r->nf; i++)
		r->fields[i] = r->buf + r->offs[i];
	r->row.nfields = r->nf;
	r->row.fields = r->fields;
	r->row_done = 1;
}

/* The limit on a field, as words: "64 KiB" or "100 bytes". */
static void
csv_reader_size(size_t n, char *buf, size_t len)
{
	if (n % 1024 == 0)
		snprintf(buf, len, _("%zu KiB"), n / 1024);
	else
		snprintf(buf, len, _("%zu bytes"), n);
}

/* Report a field over the limit, starting at line, as field col. */
static int
csv_reader_too_long(struct csv_reader *r, size_t line, size_t col,
    char **cause)
{
	char	size[32];

	csv_reader_size(r->field_max, size, sizeof size);
	return csv_reader_fail(r, cause, " line %zu, column %zu: a field is "
	    "longer than %s (an unclosed quote?)", line, col, size);
}

/* Turn libcsv's complaint about s[at] into a sentence. */
static int
csv_reader_parse_error(struct csv_reader *r, const char *s, size_t at,
    char **cause)
{
	int	err = csv_error(&r->parser);

	if (err == CSV_EPARSE && s[at] == '"')
		return csv_reader_fail(r, cause, " line %zu, column %zu: a "
		    "quote inside a field that is not quoted; put the field "
		    "in double quotes and double the quote (\"\")", r->line,
		    r->nf + 1);
	if (err == CSV_EPARSE)
		return csv_reader_fail(r, cause, " line %zu, column %zu: "
		    "text after the closing quote of a quoted field; put the "
		    "whole field in double quotes and double each quote "
		    "inside (\"\")", r->line, r->nf + 1);
	if ((err == CSV_ENOMEM || err == CSV_ETOOBIG) &&
	    csv_get_buffer_size(&r->parser) >= r->field_max)
		return csv_reader_too_long(r, r->in_quote ? r->quote_line :
		    r->line, r->nf + 1, cause);
	return csv_reader_fail(r, cause, " line %zu: %s", r->line,
	    csv_strerror(err));
}

/* Follow the quotes in s (len bytes) to know where an open one began. */
static void
csv_reader_quotes(struct csv_reader *r, const char *s, size_t len)
{
	const char	*q, *end = s + len;

	while ((q = memchr(s, '"', (size_t)(end - s))) != NULL) {
		if (!r->in_quote)
			r->quote_line = r->line;
		r->in_quote = !r->in_quote;
		s = q + 1;
	}
}

/*
 * Parse the next physical line of text, up to and including its CR or
 * LF, or what there is of it: at most one record ends per call, and
 * r->line is right while the callbacks run.
 */
static int
csv_reader_feed(struct csv_reader *r, char **cause)
{
	const char	*s = r->text + r->textpos;
	size_t		 n = r->textlen - r->textpos, len, done;

	if (r->after_cr) {
		r->after_cr = 0;
		if (s[0] != '\n')
			r->line++;
	}
	for (len = 0; len < n; len++) {
		if (s[len] == '\0')
			return csv_reader_fail(r, cause, " line %zu holds a "
			    "NUL byte: the file may be UTF-16 without a BOM, "
			    "or binary", r->line);
		if (s[len] == '\n' || s[len] == '\r') {
			len++;
			break;
		}
	}
	csv_reader_cap = r->field_max + CSV_READER_SLACK;
	done = csv_parse(&r->parser, s, len, csv_reader_on_field,
	    csv_reader_on_row, r);
	csv_reader_quotes(r, s, done);
	if (r->long_line != 0)
		return csv_reader_too_long(r, r->long_line, r->long_col,
		    cause);
	if (done != len)
		return csv_reader_parse_error(r, s, done, cause);
	r->textpos += len;
	if (s[len - 1] == '\n')
		r->line++;
	else if (s[len - 1] == '\r')
		r->after_cr = 1;
	return 0;
}

/* At the end of the input: hand libcsv's last record over, if any. */
static int
csv_reader_finish(struct csv_reader *r, char **cause)
{
	r->finished = 1;
	csv_reader_cap = r->field_max + CSV_READER_SLACK;
	if (csv_fini(&r->parser, csv_reader_on_field, csv_reader_on_row,
	    r) != 0) {
		if (csv_error(&r->parser) == CSV_EPARSE)
			return csv_reader_fail(r, cause, " line %zu: a quoted "
			    "field is never closed (a missing \" ?)",
			    r->quote_line);
		return csv_reader_fail(r, cause, " line %zu: %s", r->line,
		    csv_strerror(csv_error(&r->parser)));
	}
	if (r->long_line != 0)
		return csv_reader_too_long(r, r->long_line, r->long_col,
		    cause);
	return 0;
}

/* The next record, 0 at the end, or -1 (sticky) with the place and cause. */
int
csv_reader_next(struct csv_reader *r, const struct table_row **row,
    char **cause)
{
	int	rc;

	*row = NULL;
	if (r->error != NULL)
		return err_set(cause, -1, "%s", r->error);
	r->nf = r->buflen = 0;
	r->row_done = 0;
	for (;;) {
		if (r->textpos == r->textlen) {
			if (r->finished)
				return 0;
			if ((rc = csv_reader_fill(r, cause)) < 0)
				return -1;
			if (rc == 0) {
				if (csv_reader_finish(r, cause) != 0)
					return -1;
				break;
			}
		}
		if (csv_reader_feed(r, cause) != 0)
			return -1;
		if (r->row_done)
			break;
	}
	if (!r->row_done)
		return 0;
	*row = &r->row;
	return 1;
}

/* Take the encoding from forced, or else from a BOM or the bytes. */
static int
csv_reader_detect(struct csv_reader *r, const char *forced, char **cause)
{
	const unsigned char	*s = r->raw;
	size_t			 n = r->rawlen, skip = 0, i;
	int			 k;

	r->forced = forced != NULL;
	if (forced != NULL && (strcasecmp(forced, "utf-8") == 0 ||
	    strcasecmp(forced, "utf8") == 0))
		r->enc = CSV_READER_UTF8;
	else if (forced != NULL && (strcasecmp(forced, "big5") == 0 ||
	    strcasecmp(forced, "cp950") == 0))
		r->enc = CSV_READER_BIG5;
	else if (forced != NULL && (strcasecmp(forced, "utf-16") == 0 ||
	    strcasecmp(forced, "utf16") == 0))
		r->enc = n >= 2 && s[0] == 0xfe && s[1] == 0xff ?
		    CSV_READER_UTF16BE : CSV_READER_UTF16LE;
	else if (forced != NULL && strcasecmp(forced, "utf-16le") == 0)
		r->enc = CSV_READER_UTF16LE;
	else if (forced != NULL && strcasecmp(forced, "utf-16be") == 0)
		r->enc = CSV_READER_UTF16BE;
	else if (forced != NULL)
		return csv_reader_fail(r, cause, ": unknown encoding '%s'; "
		    "use utf-8, big5 or utf-16", forced);
	else if (n >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf)
		r->enc = CSV_READER_UTF8;
	else if (n >= 2 && s[0] == 0xff && s[1] == 0xfe)
		r->enc = CSV_READER_UTF16LE;
	else if (n >= 2 && s[0] == 0xfe && s[1] == 0xff)
		r->enc = CSV_READER_UTF16BE;
	else {
		/* A character cut by the end of the chunk is fine. */
		r->enc = CSV_READER_UTF8;
		for (i = 0; i < n; i += (size_t)k)
			if ((k = csv_reader_utf8_len(s + i, n - i)) <= 0) {
				if (k == 0)
					r->enc = CSV_READER_BIG5;
				break;
			}
	}

	if (r->enc == CSV_READER_UTF8 && n >= 3 && s[0] == 0xef &&
	    s[1] == 0xbb && s[2] == 0xbf)
		skip = 3;
	else if (r->enc == CSV_READER_UTF16LE && n >= 2 && s[0] == 0xff &&
	    s[1] == 0xfe)
		skip = 2;
	else if (r->enc == CSV_READER_UTF16BE && n >= 2 && s[0] == 0xfe &&
	    s[1] == 0xff)
		skip = 2;
	r->bom = skip > 0;
	memmove(r->raw, r->raw + skip, n - skip);
	r->rawlen -= skip;

	if (r->enc == CSV_READER_UTF8)
		return 0;
	r->cd = iconv_open("UTF-8", csv_reader_encs[r->enc].iconv);
	if (r->cd == (iconv_t)-1 && r->enc == CSV_READER_BIG5)
		r->cd = iconv_open("UTF-8", "BIG5");
	if (r->cd == (iconv_t)-1)
		return csv_reader_fail(r, cause, ": this system cannot "
		    "convert %s text (iconv: %s)",
		    csv_reader_encs[r->enc].label, strerror(errno));
	return 0;
}

/*
 * Pick the delimiter from the header line (the first that is not blank,
 * past lines of one cell: the title a sign-in sheet has, the "Meeting
 * Summary" a Teams attendance report starts with): the most frequent of
 * ',' tab ';' outside quotes, comma on a tie or when there is none.
 * Also notes whether that line ends in CRLF.
 */
static int
csv_reader_sniff(struct csv_reader *r)
{
	const char	*s = r->text;
	size_t		 i, comma = 0, tab = 0, semi = 0;
	int		 quoted = 0, started = 0;

	for (i = 0; i < r->textlen; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (s[i] == '\n' && started) {
			r->crlf = i > 0 && s[i - 1] == '\r';
			if (comma + tab + semi > 0)
				break;
			started = 0;	/* one cell: a title, not the header */
		} else if (s[i] == ',')
			comma++;
		else if (s[i] == '\t')
			tab++;
		else if (s[i] == ';')
			semi++;
		if (s[i] != ' ' && s[i] != '\r' && s[i] != '\n')
			started = 1;
	}
	if (tab > comma && tab > semi)
		return '\t';
	if (semi > comma && semi > tab)
		return ';';
	return ',';
}

/* Read the first chunk, settle encoding and delimiter, ready libcsv. */
static int
csv_reader_start(struct csv_reader *r, const struct csv_options *opt,
    char **cause)
{
	const char	*forced = opt != NULL ? opt->encoding : NULL;
	int		 delim = opt != NULL ? opt->delimiter : 0;

	r->chunk = opt != NULL && opt->chunk != 0 ? opt->chunk :
	    CSV_CHUNK_DEFAULT;
	if (r->chunk < 4)
		r->chunk = 4;
	r->field_max = opt != NULL && opt->field_max != 0 ? opt->field_max :
	    CSV_FIELD_MAX_DEFAULT;
	r->rawcap = r->chunk + CSV_READER_CARRY;
	r->raw = xmalloc(r->rawcap);
	/* No input byte becomes more than 3 bytes of UTF-8. */
	r->textcap = 3 * r->rawcap;
	r->text = xmalloc(r->textcap);
	r->line = 1;

	if (delim != 0 && delim != ',' && delim != '\t' && delim != ';' &&
	    delim != '|')
		return csv_reader_fail(r, cause, ": the delimiter must be a "
		    "comma, a tab, a semicolon or |");
	if (csv_reader_read(r, cause) != 0 ||
	    csv_reader_detect(r, forced, cause) != 0 ||
	    csv_reader_convert(r, cause) != 0)
		return -1;
	r->delim = csv_reader_sniff(r);
	if (delim != 0)
		r->delim = delim;

	if (csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return csv_reader_fail(r, cause, ": cannot start the CSV "
		    "parser");
	r->parser_ok = 1;
	csv_set_delim(&r->parser, (unsigned char)r->delim);
	csv_set_space_func(&r->parser, csv_reader_is_space);
	csv_set_realloc_func(&r->parser, csv_reader_realloc);
	csv_set_free_func(&r->parser, free);
	csv_set_blk_size(&r->parser, CSV_READER_BLOCK);
	return 0;
}

/* A reader with nothing read yet, named name in sentences. */
static struct csv_reader *
csv_reader_new(const char *name)
{
	struct csv_reader	*r = xcalloc(1, sizeof *r);

	r->name = xstrdup(name != NULL ? name : "input");
	r->fd = -1;
	r->cd = (iconv_t)-1;
	return r;
}

/* A reader on the file path; on error *rp is NULL. */
int
csv_reader_open(struct csv_reader **rp, const char *path,
    const struct csv_options *opt, char **cause)
{
	struct csv_reader	*r;
	struct stat		 st;
	int			 fd;

	*rp = NULL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return err_set(cause, -1, "cannot open %s: %s", path,
		    strerror(errno));
	if (fstat(fd, &st) == -1) {
		err_set(cause, -1, "cannot read %s: %s", path,
		    strerror(errno));
		close(fd);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		return err_set(cause, -1, "cannot read %s: it is a directory",
		    path);
	}
	r = csv_reader_new(path);
	r->fd = fd;
	r->total = S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0;
	if (csv_reader_start(r, opt, cause) != 0) {
		csv_reader_close(r);
		return -1;
	}
	*rp = r;
	return 0;
}

/* A reader on len bytes at data, kept by the caller until the close. */
int
csv_reader_open_mem(struct csv_reader **rp, const char *name,
    const void *data, size_t len, const struct csv_options *opt,
    char **cause)
{
	struct csv_reader	*r;

	*rp = NULL;
	r = csv_reader_new(name);
	r->mem = data;
	r->memlen = len;
	r->total = len;
	if (csv_reader_start(r, opt, cause) != 0) {
		csv_reader_close(r);
		return -1;
	}
	*rp = r;
	return 0;
}

/* The input's encoding, as detected or given. */
const char *
csv_reader_encoding(const struct csv_reader *r)
{
	return csv_reader_encs[r->enc].name;
}

/* The delimiter, as sniffed or given. */
int
csv_reader_delimiter(const struct csv_reader *r)
{
	return r->delim;
}

/* 1 if the input began with a byte order mark. */
int
csv_reader_bom(const struct csv_reader *r)
{
	return r->bom;
}

/* 1 if the first line ends in CRLF. */
int
csv_reader_crlf(const struct csv_reader *r)
{
	return r->crlf;
}

/* Bytes taken from the input so far, for a progress bar. */
uint64_t
csv_reader_bytes_read(const struct csv_reader *r)
{
	return r->nread;
}

/* The input's size in bytes, 0 if it cannot be known (a pipe). */
uint64_t
csv_reader_bytes_total(const struct csv_reader *r)
{
	return r->total;
}

/* What the reader let pass, a sentence a line, or NULL. */
const char *
csv_reader_warnings(const struct csv_reader *r)
{
	return r->warnings;
}

/* Close the input and free the reader and its last row. */
void
csv_reader_close(struct csv_reader *r)
{
	if (r == NULL)
		return;
	if (r->parser_ok)
		csv_free(&r->parser);
	if (r->cd != (iconv_t)-1)
		iconv_close(r->cd);
	if (r->fd != -1)
		close(r->fd);
	free(r->fields);
	free(r->offs);
	free(r->buf);
	free(r->bad);
	free(r->text);
	free(r->raw);
	free(r->error);
	free(r->warnings);
	free(r->name);
	free(r);
}
