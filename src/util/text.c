/*
 * text.c — the safe display form of arbitrary bytes, its width in
 * terminal cells, cutting it to a field, cursor arithmetic for input
 * fields, and TSV escaping. Everything the terminal shows passes through
 * here, so nothing a record holds can move the cursor, change colours or
 * reorder the line. UTF-8 is decoded here (strictly, one invalid byte at
 * a time) rather than by mbrtowc(), so the display form does not depend
 * on the locale; only the widths of printable characters come from
 * wcwidth().
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "ogpo/text.h"

/* The ellipsis that marks a cut: U+2026, 3 bytes, 1 cell; ".." when
 * ambiguous_width is 2 (text_amb_ascii). */
#define TEXT_ELLIPSIS		"\xe2\x80\xa6"

/* East Asian Ambiguous ranges (build/gen/ambiguous.c, from Unicode). */
extern const uint32_t text_ambiguous_ranges[][2];
extern const size_t text_ambiguous_count;

/* Cells an ambiguous character takes: 1, or 2 as CJK terminals draw it. */
static int text_amb = 1;

/* One character of the display form and the source bytes it came from. */
struct text_unit {
	char	buf[16];	/* display form, NUL-terminated */
	size_t	len;		/* bytes in buf */
	size_t	width;		/* terminal cells */
	size_t	adv;		/* bytes of the source consumed */
};

/* Strict (text.h), so that nothing can smuggle a control character past
 * the checks. */
size_t
text_decode(const unsigned char *p, size_t n, uint32_t *cp)
{
	uint32_t	c;
	size_t		len, i;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] < 0xc2)
		return 0;
	if (p[0] < 0xe0) {
		len = 2;
		c = p[0] & 0x1f;
	} else if (p[0] < 0xf0) {
		len = 3;
		c = p[0] & 0x0f;
	} else if (p[0] < 0xf5) {
		len = 4;
		c = p[0] & 0x07;
	} else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (p[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

/*
 * Whether c reorders the text around it (Trojan Source): such controls
 * are zero-width and "printable" to wcwidth(), so they are named here.
 */
static int
text_is_bidi(uint32_t c)
{
	return c == 0x061c || c == 0x200e || c == 0x200f ||
	    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

void
text_set_ambiguous(int cells)
{
	text_amb = cells == 2 ? 2 : 1;
}

int
text_ambiguous(void)
{
	return text_amb;
}

/* A binary search of the ranges, which are sorted and do not overlap. */
int
text_is_ambiguous(uint32_t c)
{
	size_t lo = 0, hi = text_ambiguous_count, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (c < text_ambiguous_ranges[mid][0])
			hi = mid;
		else if (c > text_ambiguous_ranges[mid][1])
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

/*
 * The punctuation ogpo's own words use that is East Asian Ambiguous, as
 * two ASCII characters for a terminal that draws it two cells wide. Drawn
 * as itself there, curses (which takes it for one cell, as wcwidth does)
 * and the terminal would disagree about every column after it, and a
 * part of the line redrawn later would land one cell off.
 */
static const char *
text_amb_ascii(uint32_t c)
{
	switch (c) {
	case 0x2013:	/* – */
	case 0x2014:	/* — */
		return "--";
	case 0x2026:	/* … */
		return "..";
	case 0x2190:	/* ← */
		return "<-";
	case 0x2192:	/* → */
		return "->";
	default:
		return NULL;
	}
}

/*
 * Turn the first character of the n (> 0) bytes at s into its display
 * form; this is the single place that decides what reaches the screen.
 */
static void
text_unit_next(const char *s, size_t n, struct text_unit *u)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 c = 0;
	size_t			 len;
	int			 w = -1;

	len = text_decode(p, n, &c);
	if (len == 0) {
		u->adv = 1;
		u->len = (size_t)snprintf(u->buf, sizeof u->buf, "\\x%02x",
		    p[0]);
		u->width = u->len;
		return;
	}
	u->adv = len;
	if (c < 0x20 || c == 0x7f) {
		u->buf[0] = '^';
		u->buf[1] = c == 0x7f ? '?' : (char)(c + 0x40);
		u->buf[2] = '\0';
		u->len = u->width = 2;
		return;
	}
	/* The zero-width joiner (U+200D) makes one picture of the emoji
	 * on either side on some terminals (tmux) and not on others: how
	 * many cells they take is not known, so it is named as well. */
	if ((c >= 0x80 && c <= 0x9f) || c == 0x200d)
		w = -1;
	else if (!text_is_bidi(c))
		w = wcwidth((wchar_t)c);
	if (w == 1 && text_amb == 2 && text_is_ambiguous(c)) {
		const char *a = text_amb_ascii(c);

		if (a != NULL) {
			memcpy(u->buf, a, 3);
			u->len = u->width = 2;
			return;
		}
		w = 2;
	}
	if (w < 0) {
		u->len = (size_t)snprintf(u->buf, sizeof u->buf, "<U+%04X>",
		    (unsigned int)c);
		u->width = u->len;
		return;
	}
	memcpy(u->buf, s, len);
	u->buf[len] = '\0';
	u->len = len;
	u->width = (size_t)w;
}

/* Walk the display form rather than the bytes, so escapes count as drawn. */
size_t
text_width(const char *s)
{
	struct text_unit	u;
	size_t			n = strlen(s), off, w = 0;

	for (off = 0; off < n; off += u.adv) {
		text_unit_next(s + off, n - off, &u);
		w += u.width;
	}
	return w;
}

/*
 * Two passes: the first decides whether s fits whole (in cells and in
 * bytes); if not, the second keeps room for the ellipsis and for the
 * padding, so the result never overflows and always says it was cut.
 */
size_t
text_fit(const char *s, size_t cells, int pad, char *out, size_t outsz)
{
	struct text_unit	u;
	size_t			n = strlen(s), off, w = 0, b = 0;
	size_t			limit, used = 0, len = 0, need, ell;
	size_t			ew = (size_t)text_amb;
	const char		*mark = ew == 2 ? ".." : TEXT_ELLIPSIS;
	size_t			 mlen = strlen(mark);

	if (outsz == 0)
		return 0;
	for (off = 0; off < n; off += u.adv) {
		text_unit_next(s + off, n - off, &u);
		w += u.width;
		b += u.len;
	}
	if (w <= cells && b + (pad ? cells - w : 0) < outsz)
		ell = 0;
	else if (cells >= ew && mlen + (pad ? cells - ew : 0) < outsz)
		ell = mlen;
	else
		ell = 0;	/* cut, but no room even for the mark */
	limit = ell ? cells - ew : cells;

	for (off = 0; off < n; off += u.adv) {
		text_unit_next(s + off, n - off, &u);
		if (used + u.width > limit)
			break;
		need = len + u.len + ell +
		    (pad ? limit - used - u.width : 0);
		if (need >= outsz)
			break;
		memcpy(out + len, u.buf, u.len);
		len += u.len;
		used += u.width;
	}
	if (ell) {
		memcpy(out + len, mark, mlen);
		len += mlen;
		used += ew;
	}
	while (pad && used < cells && len + 1 < outsz) {
		out[len++] = ' ';
		used++;
	}
	out[len] = '\0';
	return used;
}

size_t
text_safe(const char *s, char *out, size_t outsz, size_t *cells)
{
	struct text_unit	u;
	size_t			n = strlen(s), off, len = 0, put = 0;

	*cells = 0;
	for (off = 0; off < n; off += u.adv) {
		text_unit_next(s + off, n - off, &u);
		if (len + u.len < outsz) {
			memcpy(out + len, u.buf, u.len);
			put = len + u.len;
		}
		len += u.len;
		*cells += u.width;
	}
	if (outsz > 0)
		out[put] = '\0';
	return len;
}

/* The column is the width of the whole characters before off. */
size_t
text_col_of(const char *s, size_t off)
{
	struct text_unit	u;
	size_t			n = strlen(s), pos, col = 0;

	for (pos = 0; pos < n; pos += u.adv) {
		text_unit_next(s + pos, n - pos, &u);
		if (pos + u.adv > off)
			break;
		col += u.width;
	}
	return col;
}

/*
 * Going forward from the start is the only reliable way back, since an
 * invalid byte may look like the tail of a sequence; input fields are
 * short, so the cost does not matter.
 */
size_t
text_prev(const char *s, size_t off)
{
	struct text_unit	u;
	size_t			n = strlen(s), pos, cand = 0;
	int			seen = 0;

	for (pos = 0; pos < n && pos < off; pos += u.adv) {
		text_unit_next(s + pos, n - pos, &u);
		if (u.width > 0 || !seen)
			cand = pos;
		seen = 1;
	}
	return cand;
}

/* Step over the character holding off, then over its combining marks. */
size_t
text_next(const char *s, size_t off)
{
	struct text_unit	u;
	size_t			n = strlen(s), pos;

	for (pos = 0; pos < n; pos += u.adv) {
		text_unit_next(s + pos, n - pos, &u);
		if (pos + u.adv > off)
			break;
	}
	if (pos >= n)
		return n;
	pos += u.adv;
	while (pos < n) {
		text_unit_next(s + pos, n - pos, &u);
		if (u.width > 0)
			break;
		pos += u.adv;
	}
	return pos;
}

/* Never start a scrolled field on a combining mark, which has no cell. */
size_t
text_off_at_col(const char *s, size_t col)
{
	struct text_unit	u;
	size_t			n = strlen(s), pos, cur = 0;

	for (pos = 0; pos < n; pos += u.adv) {
		text_unit_next(s + pos, n - pos, &u);
		if (cur >= col && u.width > 0)
			return pos;
		cur += u.width;
	}
	return n;
}

/* Escape so a field cannot split a row or a column of the TSV output. */
char *
text_tsv(const char *s, char *out, size_t outsz)
{
	size_t		len = 0;
	char		esc;

	if (outsz == 0)
		return NULL;
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '\t':
			esc = 't';
			break;
		case '\n':
			esc = 'n';
			break;
		case '\r':
			esc = 'r';
			break;
		case '\\':
			esc = '\\';
			break;
		default:
			esc = '\0';
			break;
		}
		if (len + (esc ? 2 : 1) >= outsz) {
			out[len] = '\0';
			return NULL;
		}
		if (esc) {
			out[len++] = '\\';
			out[len++] = esc;
		} else
			out[len++] = *s;
	}
	out[len] = '\0';
	return out;
}

/*
 * The decoder the display uses, so valid text never shows as \xNN. Every
 * record read and every cell written is checked, so the common cases
 * take a short way: ASCII eight bytes at a time, and the three-byte
 * characters of Chinese text in line; the rest goes through text_decode.
 */
int
text_utf8_valid(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint64_t		 w;
	uint32_t		 c;
	size_t			 off = 0, n;

	while (off < len) {
		if (len - off >= 8) {
			memcpy(&w, p + off, 8);
			if ((w & 0x8080808080808080ULL) == 0) {
				off += 8;
				continue;
			}
		}
		if (p[off] < 0x80) {
			off++;
			continue;
		}
		if ((p[off] & 0xf0) == 0xe0 && len - off >= 3 &&
		    (p[off + 1] & 0xc0) == 0x80 &&
		    (p[off + 2] & 0xc0) == 0x80) {
			c = (uint32_t)(p[off] & 0x0f) << 12 |
			    (uint32_t)(p[off + 1] & 0x3f) << 6 |
			    (uint32_t)(p[off + 2] & 0x3f);
			if (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))
				return 0;
			off += 3;
			continue;
		}
		if ((n = text_decode(p + off, len - off, &c)) == 0)
			return 0;
		off += n;
	}
	return 1;
}

/* Bad bytes take the form the display gives them, so both read alike. */
int
text_utf8_clean(const char *s, char *out, size_t outsz)
{
	const unsigned char	*p = (const unsigned char *)s;
	const char		*src;
	size_t			 n = strlen(s), off, len, used = 0, step;
	uint32_t		 c;
	char			 hex[16];

	for (off = 0; off < n; off += len) {
		if ((len = text_decode(p + off, n - off, &c)) == 0) {
			len = 1;
			step = (size_t)snprintf(hex, sizeof hex, "\\x%02x",
			    p[off]);
			src = hex;
		} else if (c < 0x20 || c == 0x7f) {
			/* Nothing that drives a terminal: ^[ for ESC, as the
			 * display shows it. */
			hex[0] = '^';
			hex[1] = c == 0x7f ? '?' : (char)(c + 0x40);
			step = 2;
			src = hex;
		} else if ((c >= 0x80 && c <= 0x9f) || text_is_bidi(c)) {
			step = (size_t)snprintf(hex, sizeof hex, "<U+%04X>",
			    (unsigned int)c);
			src = hex;
		} else {
			step = len;
			src = s + off;
		}
		if (used + step >= outsz) {
			out[used] = '\0';
			return -1;
		}
		memcpy(out + used, src, step);
		used += step;
	}
	out[used] = '\0';
	return 0;
}
