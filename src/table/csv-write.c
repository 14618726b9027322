/*
 * csv-write.c — CSV out, for Excel: RFC 4180 quoting, a BOM and CRLF when
 * asked, UTF-8, UTF-16 or Big5 (CP950, through iconv, never
 * transliterated), and the formula guard that keeps a cell such as
 * =HYPERLINK(...) from running when the file is opened. Each record is
 * built and converted whole before any of it is written, so a record
 * that cannot be written leaves nothing behind.
 */
#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ogpo/csv.h"
#include "ogpo/text.h"
#include "ogpo/util.h"

enum csv_writer_enc {
	CSV_WRITER_UTF8,
	CSV_WRITER_BIG5,
	CSV_WRITER_UTF16LE,
	CSV_WRITER_UTF16BE
};

static const struct {
	const char	*name;		/* accepted in the options */
	const char	*alias;
	const char	*iconv;		/* NULL: written as it is */
	const char	*label;		/* in "X has no Big5 form" */
	const char	*bom;
} csv_writer_encs[] = {
	[CSV_WRITER_UTF8] = { "utf-8", "utf8", NULL, "UTF-8",
	    "\xef\xbb\xbf" },
	[CSV_WRITER_BIG5] = { "big5", "cp950", "CP950", "Big5", "" },
	[CSV_WRITER_UTF16LE] = { "utf-16le", "utf-16", "UTF-16LE",
	    "UTF-16", "\xff\xfe" },
	[CSV_WRITER_UTF16BE] = { "utf-16be", "utf16be", "UTF-16BE",
	    "UTF-16", "\xfe\xff" },
};

struct csv_writer {
	FILE			*f;
	char			*name;
	enum csv_writer_enc	 enc;
	iconv_t			 cd;		/* (iconv_t)-1 for UTF-8 */
	int			 delim;
	int			 crlf;
	int			 guard;
	unsigned char		 special[128];	/* 1: the delimiter, ", CR,
						   LF: the cell is quoted */
	unsigned char		 lead[128];	/* 1: a cell starting with it
						   may be guarded */
	size_t			 rows;		/* records asked for so far */
	char			**header;	/* row 1, to name fields */
	size_t			 nheader;

	char			*rec;		/* the record in UTF-8 */
	size_t			 reclen;
	size_t			 reccap;
	size_t			*start;		/* field i's offset in rec */
	size_t			 startcap;
	size_t			 recn;		/* its fields, once all in */
	/* The record before, whole (lastn fields; 0: none), whose cells
	 * the next one repeats are copied, not scanned again. */
	char			*last;
	size_t			 lastcap;
	size_t			*laststart;
	size_t			 laststartcap, lastn;
	char			*out;		/* the record converted */
	size_t			 outcap;
	const char		*replace;
	struct csv_lack		*lacks;		/* the last row's */
	size_t			 nlacks, lackcap;
};

static int	csv_writer_fail(struct csv_writer *, char **, const char *,
		    ...) OGPO_PRINTF(3, 4);

/* Set *cause to "name" followed by the formatted text. Returns -1. */
static int
csv_writer_fail(struct csv_writer *w, char **cause, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	va_start(ap, fmt);
	msg = xvasprintf(_(fmt), ap);
	va_end(ap);
	err_set(cause, -1, "%s%s", w->name, msg);
	free(msg);
	return -1;
}

/* The buffer p of *cap bytes, grown to hold need (> *cap). */
static void *
csv_writer_regrow(void *p, size_t *cap, size_t need)
{
	void	*n;
	size_t	 ncap;

	ncap = *cap ? *cap : 256;
	while (ncap < need)
		ncap *= 2;
	n = xmalloc(ncap);
	if (*cap > 0)
		memcpy(n, p, *cap);
	free(p);
	*cap = ncap;
	return n;
}

/* The buffer p of *cap bytes, grown to hold need: asked per cell. */
static inline void *
csv_writer_grow(void *p, size_t *cap, size_t need)
{
	return need <= *cap ? p : csv_writer_regrow(p, cap, need);
}

/* Append len bytes at s to the record being built. */
static void
csv_writer_put(struct csv_writer *w, const char *s, size_t len)
{
	if (len == 0)
		return;		/* the record may not exist yet: NULL + 0 */
	w->rec = csv_writer_grow(w->rec, &w->reccap, w->reclen + len);
	memcpy(w->rec + w->reclen, s, len);
	w->reclen += len;
}

/* 1 if s is strictly a number: a sign, digits, at most one '.'. */
static int
csv_cell_is_number(const char *s)
{
	size_t	digits = 0;

	if (*s == '+' || *s == '-')
		s++;
	for (; *s >= '0' && *s <= '9'; s++)
		digits++;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
			digits++;
	return digits > 0 && *s == '\0';
}

/* 1 if the guard would put a ' in front of s (see csv.h). */
int
csv_cell_is_formula(const char *s)
{
	/* 's in front of a formula: one more, so unguard stays exact. */
	s += strspn(s, "'");
	if (*s == '\0' || strchr("=+-@\t\r", *s) == NULL)
		return 0;
	return !csv_cell_is_number(s);
}

/* s past the ' the guard would have added, else s itself. */
const char *
csv_cell_unguard(const char *s)
{
	if (s[0] == '\'' && csv_cell_is_formula(s + 1))
		return s + 1;
	return s;
}

/*
 * Scan cell s once: its length into *len, and whether it holds the
 * delimiter, a quote, CR or LF (*special). Returns 0, or -1 where the
 * text is not valid UTF-8 (text_decode's rules; the three-byte
 * characters of Chinese text are checked in line).
 */
static int
csv_writer_scan(const struct csv_writer *w, const char *s, size_t *len,
    int *special)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n;
	uint32_t c;
	int sp = 0;

	for (;;) {
		if (p[i] < 0x80) {
			if (p[i] == '\0')
				break;
			sp |= w->special[p[i]];
			i++;
			continue;
		}
		/* A NUL fails every check of a continuation byte, so
		 * nothing is read past the end. */
		if ((p[i] & 0xf0) == 0xe0) {
			/* Not overlong (E0 80..9F), not a surrogate (ED
			 * A0..BF). */
			if ((p[i + 1] & 0xc0) != 0x80 ||
			    (p[i + 2] & 0xc0) != 0x80 ||
			    (p[i] == 0xe0 && p[i + 1] < 0xa0) ||
			    (p[i] == 0xed && p[i + 1] >= 0xa0))
				return -1;
			i += 3;
			continue;
		}
		if ((n = text_decode(p + i, 4, &c)) == 0)
			return -1;
		i += n;
	}
	*len = i;
	*special = sp;
	return 0;
}

/* 1 if the cell s (len bytes) must be quoted to come back as it is. */
static int
csv_writer_needs_quote(const char *s, size_t len, int special, int guarded)
{
	if (len == 0)
		return 0;
	if (special)
		return 1;
	/* A cell that begins with U+FEFF would read back as a BOM. */
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		return 1;
	/* Readers that trim would lose these spaces. */
	if (!guarded && (s[0] == ' ' || s[0] == '\t'))
		return 1;
	return s[len - 1] == ' ' || s[len - 1] == '\t';
}

/*
 * Append cell s to the record: guarded, quoted as RFC 4180 asks. The
 * record grows once for the most the cell can take (every byte a quote,
 * doubled). Returns -1 where s is not valid UTF-8, and appends nothing.
 */
static int
csv_writer_cell(struct csv_writer *w, const char *s)
{
	size_t len, i;
	int special, guarded, quote;
	char *o;

	if (csv_writer_scan(w, s, &len, &special) != 0)
		return -1;
	/* Only these start what the guard looks at: a table, not strchr,
	 * for it is asked of every cell. */
	guarded = (unsigned char)s[0] < 128 && w->lead[(unsigned char)s[0]] &&
	    csv_cell_is_formula(s);
	quote = csv_writer_needs_quote(s, len, special, guarded);
	w->rec = csv_writer_grow(w->rec, &w->reccap, w->reclen + 2 * len + 4);
	o = w->rec + w->reclen;
	if (quote)
		*o++ = '"';
	if (guarded)
		*o++ = '\'';
	if (quote && special) {
		for (i = 0; i < len; i++)
			if ((*o++ = s[i]) == '"')
				*o++ = '"';
	} else {
		memcpy(o, s, len);
		o += len;
	}
	if (quote)
		*o++ = '"';
	w->reclen = (size_t)(o - w->rec);
	return 0;
}

/*
 * Append s as the record before wrote its field i, if it was s, as it is
 * (neither quoted nor guarded: the first byte of either is " or '); a
 * cell's form depends on its text alone. Returns 1 if it did. Rows sorted
 * by meeting and agency repeat most of their bytes, and comparing costs
 * less than checking each character again.
 */
static int
csv_writer_repeat(struct csv_writer *w, size_t i, const char *s)
{
	const char *c;
	size_t len;

	if (i >= w->lastn)
		return 0;
	c = w->last + w->laststart[i];
	/* Each field but the last ends in the delimiter. */
	len = w->laststart[i + 1] - w->laststart[i] -
	    (i + 1 < w->lastn ? 1 : 0);
	if (len > 0 && (c[0] == '"' || c[0] == '\''))
		return 0;
	/* strncmp stops at the end of s: c holds no NUL. */
	if (strncmp(s, c, len) != 0 || s[len] != '\0')
		return 0;
	csv_writer_put(w, c, len);
	return 1;
}

/* The record just written becomes the one before; rec is emptied. */
static void
csv_writer_next(struct csv_writer *w)
{
	char *p = w->last;
	size_t *q = w->laststart, cap = w->lastcap;

	w->last = w->rec;
	w->lastcap = w->reccap;
	w->rec = p;
	w->reccap = cap;
	cap = w->laststartcap;
	w->laststart = w->start;
	w->laststartcap = w->startcap;
	w->start = q;
	w->startcap = cap;
	w->lastn = w->recn;
	w->recn = 0;
	w->reclen = 0;
}

/* How field i is named in sentences: its header, else its number. */
static const char *
csv_writer_field(const struct csv_writer *w, size_t i, char *buf,
    size_t len)
{
	if (w->rows > 1 && i < w->nheader && w->header[i][0] != '\0')
		return w->header[i];
	snprintf(buf, len, "%zu", i + 1);
	return buf;
}

/* Note the character at in (of the record) as one the encoding lacks. */
static void
csv_writer_lack(struct csv_writer *w, size_t n, const char *in)
{
	size_t off = (size_t)(in - w->rec), i, clen = 1;
	struct csv_lack *l;

	for (i = 0; i + 1 < n && w->start[i + 1] <= off; i++)
		;
	while (off + clen < w->reclen && clen < 4 &&
	    ((unsigned char)w->rec[off + clen] & 0xc0) == 0x80)
		clen++;
	w->lacks = xgrow(w->lacks, &w->lackcap, w->nlacks + 1,
	    sizeof *w->lacks);
	l = &w->lacks[w->nlacks++];
	l->field = i;
	memcpy(l->ch, in, clen);
	l->ch[clen] = '\0';
}

/*
 * Convert the record into w->out (setting *outlen). Every character the
 * encoding lacks is noted, and written as the replacement when there is
 * one; without one the record is refused, naming the first of them and
 * its field. Returns 0 or -1.
 */
static int
csv_writer_convert(struct csv_writer *w, size_t n, size_t *outlen,
    char **cause)
{
	char	*in = w->rec, *out, *rin;
	size_t	 inleft = w->reclen, outleft, rleft, clen;
	char	 num[32];

	/* No UTF-8 character takes more than twice its bytes in these;
	 * a replacement may take a few more each. */
	w->out = csv_writer_grow(w->out, &w->outcap, 2 * w->reclen + 8 +
	    (w->replace ? 4 * w->reclen : 0));
	out = w->out;
	outleft = w->outcap;
	w->nlacks = 0;
	iconv(w->cd, NULL, NULL, NULL, NULL);
	while (iconv(w->cd, &in, &inleft, &out, &outleft) == (size_t)-1) {
		if (errno != EILSEQ)
			return csv_writer_fail(w, cause, " row %zu: cannot "
			    "convert to %s: %s", w->rows,
			    csv_writer_encs[w->enc].label, strerror(errno));
		csv_writer_lack(w, n, in);
		clen = strlen(w->lacks[w->nlacks - 1].ch);
		in += clen;
		inleft -= clen;
		if (w->replace != NULL) {
			rin = (char *)w->replace;
			rleft = strlen(w->replace);
			if (iconv(w->cd, &rin, &rleft, &out, &outleft) ==
			    (size_t)-1)
				return csv_writer_fail(w, cause, ": the "
				    "replacement %s has no %s form either",
				    w->replace, csv_writer_encs[w->enc].label);
		}
	}
	if (iconv(w->cd, NULL, NULL, &out, &outleft) == (size_t)-1)
		return csv_writer_fail(w, cause, " row %zu: cannot convert to "
		    "%s: %s", w->rows, csv_writer_encs[w->enc].label,
		    strerror(errno));
	if (w->nlacks == 1 && w->replace == NULL)
		return csv_writer_fail(w, cause, " row %zu, field %s: %s has no "
		    "%s form", w->rows, csv_writer_field(w, w->lacks[0].field,
		    num, sizeof num), w->lacks[0].ch,
		    csv_writer_encs[w->enc].label);
	if (w->nlacks > 1 && w->replace == NULL)
		return csv_writer_fail(w, cause, " row %zu, field %s: %s has no "
		    "%s form, nor %zu more characters of the row",
		    w->rows, csv_writer_field(w, w->lacks[0].field, num,
		    sizeof num), w->lacks[0].ch,
		    csv_writer_encs[w->enc].label, w->nlacks - 1);
	*outlen = (size_t)(out - w->out);
	return 0;
}

size_t
csv_writer_lacks(const struct csv_writer *w, const struct csv_lack **v)
{
	*v = w->lacks;
	return w->nlacks;
}

const char *
csv_writer_header(const struct csv_writer *w, size_t i)
{
	return i < w->nheader ? w->header[i] : "";
}

/* Write one record whole, or nothing of it and say why. */
int
csv_writer_row(struct csv_writer *w, const char *const *fields, size_t n,
    char **cause)
{
	const char	*s, *data;
	size_t		 i, len = 0;
	char		 num[32], delim = (char)w->delim;

	w->rows++;
	csv_writer_next(w);
	w->nlacks = 0;
	w->start = csv_writer_grow(w->start, &w->startcap,
	    (n + 1) * sizeof *w->start);
	for (i = 0; i < n; i++) {
		s = fields[i] != NULL ? fields[i] : "";
		if (i > 0)
			csv_writer_put(w, &delim, 1);
		w->start[i] = w->reclen;
		if (!csv_writer_repeat(w, i, s) && csv_writer_cell(w, s) != 0)
			return csv_writer_fail(w, cause, " row %zu, field %s: "
			    "the text is not valid UTF-8", w->rows,
			    csv_writer_field(w, i, num, sizeof num));
	}
	w->start[n] = w->reclen;
	w->recn = n;
	csv_writer_put(w, w->crlf ? "\r\n" : "\n", w->crlf ? 2 : 1);

	if (w->enc == CSV_WRITER_UTF8) {
		data = w->rec;
		len = w->reclen;
	} else {
		if (csv_writer_convert(w, n, &len, cause) != 0)
			return -1;
		data = w->out;
	}
	if (fwrite(data, 1, len, w->f) != len)
		return csv_writer_fail(w, cause, ": cannot write: %s",
		    strerror(errno));

	if (w->rows == 1) {
		w->header = xcalloc(n, sizeof *w->header);
		for (i = 0; i < n; i++)
			w->header[i] = xstrdup(fields[i] != NULL ?
			    fields[i] : "");
		w->nheader = n;
	}
	return 0;
}

/* A writer on f; on error *wp is NULL and nothing was written. */
int
csv_writer_open(struct csv_writer **wp, FILE *f, const char *name,
    const struct csv_writer_options *opt, char **cause)
{
	struct csv_writer	*w;
	const char		*enc = opt != NULL ? opt->encoding : NULL;
	const char		*bom, *lead;
	size_t			 i;

	*wp = NULL;
	w = xcalloc(1, sizeof *w);
	w->f = f;
	w->name = xstrdup(name != NULL ? name : "output");
	w->cd = (iconv_t)-1;
	w->delim = opt != NULL && opt->delimiter != 0 ? opt->delimiter : ',';
	w->crlf = opt != NULL && opt->crlf;
	w->guard = opt != NULL && opt->guard;
	w->replace = opt != NULL ? opt->replace : NULL;

	w->enc = CSV_WRITER_UTF8;
	if (enc != NULL) {
		for (i = 0; i < sizeof csv_writer_encs /
		    sizeof csv_writer_encs[0]; i++)
			if (strcasecmp(enc, csv_writer_encs[i].name) == 0 ||
			    strcasecmp(enc, csv_writer_encs[i].alias) == 0)
				break;
		if (i == sizeof csv_writer_encs / sizeof csv_writer_encs[0]) {
			csv_writer_fail(w, cause, ": cannot write encoding "
			    "'%s'; use utf-8, big5 or utf-16le", enc);
			goto fail;
		}
		w->enc = (enum csv_writer_enc)i;
	}
	if (w->delim != ',' && w->delim != '\t' && w->delim != ';' &&
	    w->delim != '|') {
		csv_writer_fail(w, cause, ": the delimiter must be a comma, "
		    "a tab, a semicolon or |");
		goto fail;
	}
	w->special[w->delim] = w->special['"'] = 1;
	w->special['\r'] = w->special['\n'] = 1;
	if (w->guard)
		for (lead = "'=+-@\t\r"; *lead != '\0'; lead++)
			w->lead[(unsigned char)*lead] = 1;
	if (csv_writer_encs[w->enc].iconv != NULL) {
		w->cd = iconv_open(csv_writer_encs[w->enc].iconv, "UTF-8");
		if (w->cd == (iconv_t)-1 && w->enc == CSV_WRITER_BIG5)
			w->cd = iconv_open("BIG5", "UTF-8");
		if (w->cd == (iconv_t)-1) {
			csv_writer_fail(w, cause, ": this system cannot write "
			    "%s (iconv: %s)", csv_writer_encs[w->enc].label,
			    strerror(errno));
			goto fail;
		}
	}
	bom = csv_writer_encs[w->enc].bom;
	if (opt != NULL && opt->bom && *bom != '\0' &&
	    fwrite(bom, 1, strlen(bom), f) != strlen(bom)) {
		csv_writer_fail(w, cause, ": cannot write: %s",
		    strerror(errno));
		goto fail;
	}
	*wp = w;
	return 0;

fail:
	w->f = NULL;
	csv_writer_close(w, NULL);
	return -1;
}

/* Flush, free, and report any write that failed since the open. */
int
csv_writer_close(struct csv_writer *w, char **cause)
{
	size_t	i;
	int	rc = 0;

	if (w == NULL)
		return 0;
	if (w->f != NULL) {
		errno = 0;
		if (fflush(w->f) != 0 || ferror(w->f))
			rc = csv_writer_fail(w, cause, ": cannot write: %s",
			    errno != 0 ? strerror(errno) : _("a write failed"));
	}
	if (w->cd != (iconv_t)-1)
		iconv_close(w->cd);
	for (i = 0; i < w->nheader; i++)
		free(w->header[i]);
	free(w->header);
	free(w->start);
	free(w->laststart);
	free(w->out);
	free(w->lacks);
	free(w->rec);
	free(w->last);
	free(w->name);
	free(w);
	return rc;
}
