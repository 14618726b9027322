/*
 * edit.c — typing one line: Chinese input (one wide character at a time
 * from get_wch), Backspace removes one character, the cursor sits where
 * the character is, and a long line scrolls within its field.
 */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ui-int.h"

void
ui_edit_init(struct ui_edit *e, char *buf, size_t size)
{
	e->buf = buf;
	e->size = size;
	e->cur = strlen(buf);
	e->scroll = 0;
	e->full = 0;
}

int
ui_key_printable(int key)
{
	if (key < 0x20 || key == 0x7f || (key >= 0x80 && key < 0xa0))
		return 0;
	return (key & (KEYMAP_FKEY | KEYMAP_META)) == 0;
}

/* Insert the UTF-8 form of code point key at the cursor, if it fits. */
static void
ui_edit_insert(struct ui_edit *e, int key)
{
	char u[8];
	size_t n, len = strlen(e->buf);
	mbstate_t st;

	memset(&st, 0, sizeof st);
	n = wcrtomb(u, (wchar_t)key, &st);
	if (n == (size_t)-1)
		return;
	if (len + n >= e->size) {
		e->full = 1;	/* the caller says so: never dropped unseen */
		return;
	}
	memmove(e->buf + e->cur + n, e->buf + e->cur, len - e->cur + 1);
	memcpy(e->buf + e->cur, u, n);
	e->cur += n;
}

int
ui_edit_key(struct ui_edit *e, int key)
{
	size_t len = strlen(e->buf), p;

	if (ui_key_printable(key)) {
		ui_edit_insert(e, key);
		return 1;
	}
	switch (key) {
	case KEYMAP_FKEY | KEY_BACKSPACE:
	case 0x7f:
	case 0x08:
		if (e->cur == 0)
			return 1;
		p = text_prev(e->buf, e->cur);
		memmove(e->buf + p, e->buf + e->cur, len - e->cur + 1);
		e->cur = p;
		return 1;
	case KEYMAP_FKEY | KEY_DC:
	case 0x04:	/* C-d */
		if (e->cur >= len)
			return 1;
		p = text_next(e->buf, e->cur);
		memmove(e->buf + e->cur, e->buf + p, len - p + 1);
		return 1;
	case KEYMAP_FKEY | KEY_LEFT:
	case 0x02:	/* C-b */
		if (e->cur > 0)
			e->cur = text_prev(e->buf, e->cur);
		return 1;
	case KEYMAP_FKEY | KEY_RIGHT:
	case 0x06:	/* C-f */
		if (e->cur < len)
			e->cur = text_next(e->buf, e->cur);
		return 1;
	case KEYMAP_FKEY | KEY_HOME:
	case 0x01:	/* C-a */
		e->cur = 0;
		return 1;
	case KEYMAP_FKEY | KEY_END:
	case 0x05:	/* C-e */
		e->cur = len;
		return 1;
	case 0x15:	/* C-u: all before the cursor */
		memmove(e->buf, e->buf + e->cur, len - e->cur + 1);
		e->cur = 0;
		return 1;
	case 0x0b:	/* C-k: all after the cursor */
		e->buf[e->cur] = '\0';
		return 1;
	default:
		return 0;
	}
}

void
ui_edit_draw(struct ui *ui, struct ui_edit *e, int y, int x, int w,
    enum ui_attr a)
{
	size_t col, scol;

	if (w <= 1)
		return;
	/* Keep the cursor inside the field, scrolling by characters. */
	if (e->scroll > e->cur)
		e->scroll = e->cur;
	col = text_col_of(e->buf, e->cur);
	scol = text_col_of(e->buf, e->scroll);
	while (col - scol > (size_t)w - 1 && e->scroll < e->cur) {
		e->scroll = text_next(e->buf, e->scroll);
		scol = text_col_of(e->buf, e->scroll);
	}
	ui_put(ui, y, x, w, e->buf + e->scroll, a);
	ui->cur_on = 1;
	ui->cur_y = y;
	ui->cur_x = x + (int)(col - scol);
}

/* 1 if the n bytes at p are one of the characters in set. */
static int
ui_wrap_is(const char *p, size_t n, const char *const *set)
{
	for (; *set != NULL; set++)
		if (strlen(*set) == n && memcmp(p, *set, n) == 0)
			return 1;
	return 0;
}

/*
 * Whether a line may end before the character at off (prev: the one
 * before): at a space, and between Chinese characters, which need none
 * (never before closing punctuation, never after an opening bracket).
 */
static int
ui_wrap_may_break(const char *s, size_t prev, size_t off)
{
	static const char *const closing[] = { "，", "。", "、", "：", "；",
		"！", "？", "）", "」", "』", "》", "〉", "…", NULL };
	static const char *const opening[] = { "（", "「", "『", "《", "〈",
		NULL };
	size_t next = text_next(s, off);

	if (s[off] == ' ')
		return 1;
	if (off == prev || s[prev] == ' ')
		return 0;
	if (text_col_of(s + off, next - off) < 2 &&
	    text_col_of(s + prev, off - prev) < 2)
		return 0;	/* inside a word of narrow letters */
	return !ui_wrap_is(s + off, next - off, closing) &&
	    !ui_wrap_is(s + prev, off - prev, opening);
}

/*
 * Where the continuation of line s (end bytes) starts: a line indented
 * as "  KEYS      what it does" goes on under what it does, another
 * indented line a little in from its first word, and a flush one at the
 * margin.
 */
static int
ui_wrap_hang(const char *s, size_t end, int w)
{
	size_t lead = 0, i;

	while (lead < end && s[lead] == ' ')
		lead++;
	if (lead == 0 || lead == end)
		return 0;
	for (i = lead; i + 1 < end; i++)
		if (s[i] == ' ' && s[i + 1] == ' ') {
			while (i < end && s[i] == ' ')
				i++;
			if (i < end && (int)text_col_of(s, i) <= w / 2)
				return (int)text_col_of(s, i);
			break;
		}
	return (int)lead + 2;
}

static void
ui_wrap_indent_text(const char *s, int w, void (*line)(void *arg,
    const char *p, size_t len, int indent), void *arg)
{
	size_t start = 0, off, brk, next, from, prev;
	int hang, width, indent;

	if (w < 4)
		w = 4;
	while (s[start] != '\0') {
		const char *nl = strchr(s + start, '\n');
		size_t end = nl ? (size_t)(nl - s) : strlen(s);

		if (end == start) {	/* an empty line */
			line(arg, s + start, 0, 0);
			start++;
			continue;
		}
		hang = ui_wrap_hang(s + start, end - start, w);
		if (w - hang < 10)
			hang = 0;
		indent = 0;
		width = w;
		while (start < end) {
			from = start;
			off = prev = start;
			brk = 0;
			while (off < end) {
				next = text_next(s, off);
				/* Measured from the line's start. */
				if (text_col_of(s + from, next - from) >
				    (size_t)width)
					break;
				if (ui_wrap_may_break(s, prev, off))
					brk = off;
				prev = off;
				off = next;
			}
			if (off < end && brk > from &&
			    ui_wrap_may_break(s, prev, off))
				brk = off;
			if (off < end && brk > from)
				off = brk;	/* at the last place it may */
			if (off == from)
				off = text_next(s, off);	/* at least one */
			line(arg, s + from, off - from, indent);
			start = off;
			while (s[start] == ' ')
				start++;
			/* The rest of the line hangs under its text. */
			indent = hang;
			width = w - hang;
		}
		if (nl != NULL)
			start = end + 1;
	}
}

/* A line of a copy handed on as the same line of the original. */
struct ui_wrap_copy {
	const char	*orig, *copy;
	void		(*line)(void *arg, const char *p, size_t len,
			    int indent);
	void		*arg;
};

static void
ui_wrap_back(void *arg, const char *p, size_t len, int indent)
{
	struct ui_wrap_copy *c = arg;

	c->line(c->arg, c->orig + (p - c->copy), len, indent);
}

/*
 * A line at a time, each on a copy of its own: measuring a character
 * walks its string from the start to the end, and a help text of a few
 * thousand lines took seconds to wrap as one string.
 */
void
ui_wrap_indent(const char *s, int w, void (*line)(void *arg, const char *p,
    size_t len, int indent), void *arg)
{
	struct ui_wrap_copy c = { NULL, NULL, line, arg };
	const char *nl;
	char *copy;
	size_t len;

	for (;;) {
		nl = strchr(s, '\n');
		len = nl != NULL ? (size_t)(nl - s) : strlen(s);
		if (len == 0 && nl != NULL)
			line(arg, s, 0, 0);	/* an empty line */
		else if (len > 0) {
			copy = xmalloc(len + 1);
			memcpy(copy, s, len);
			copy[len] = '\0';
			c.orig = s;
			c.copy = copy;
			ui_wrap_indent_text(copy, w, ui_wrap_back, &c);
			free(copy);
		}
		if (nl == NULL)
			break;
		s = nl + 1;
	}
}

struct ui_wrap_rows {
	struct ui	*ui;
	int		 y, x, w, max, n;
	enum ui_attr	 a;
};

static void
ui_wrap_row(void *arg, const char *p, size_t len)
{
	struct ui_wrap_rows *r = arg;
	char line[1024];

	if (r->ui != NULL && r->n < r->max) {
		if (len >= sizeof line)
			len = sizeof line - 1;
		memcpy(line, p, len);
		line[len] = '\0';
		ui_put(r->ui, r->y + r->n, r->x, r->w, line, r->a);
	}
	r->n++;
}

int
ui_wrap_put(struct ui *ui, const char *s, int y, int x, int w, int max,
    enum ui_attr a)
{
	struct ui_wrap_rows r = { ui, y, x, w, max, 0, a };

	ui_wrap(s, w, ui_wrap_row, &r);
	return r.n;
}

void
ui_wrap(const char *s, int w, void (*line)(void *arg, const char *p,
    size_t len), void *arg)
{
	size_t start = 0, off, brk, next, prev;

	if (w < 4)
		w = 4;
	while (s[start] != '\0') {
		const char *nl = strchr(s + start, '\n');
		size_t end = nl ? (size_t)(nl - s) : strlen(s);

		if (end == start) {	/* an empty line */
			line(arg, s + start, 0);
			start++;
			continue;
		}
		off = prev = start;
		brk = 0;
		while (off < end) {
			next = text_next(s, off);
			/* Measured from the line's start, not the text's. */
			if (text_col_of(s + start, next - start) > (size_t)w)
				break;
			if (ui_wrap_may_break(s, prev, off))
				brk = off;
			prev = off;
			off = next;
		}
		if (off < end && brk > start && s[off] == ' ')
			brk = off;	/* the whole line fits */
		else if (off < end && brk > start &&
		    ui_wrap_may_break(s, prev, off))
			brk = off;
		if (off < end && brk > start)
			off = brk;	/* at the last place it may */
		if (off == start)
			off = text_next(s, off);	/* at least one */
		line(arg, s + start, off - start);
		start = off;
		while (s[start] == ' ')
			start++;
		if (start == end && nl != NULL)
			start++;
	}
}
