/*
 * keymap.c — bindings of keys to actions per context, read from keymap
 * files ("bind CONTEXT KEY ACTION", "unbind CONTEXT KEY"). The default
 * keymap is such a file too (keymaps/default.keymap), compiled in by
 * tools/embed.sh and parsed by this same parser, so the help screen,
 * the user's files and the defaults can never disagree.
 *
 * The caller owns the tables of context and action names; a binding is
 * three indexes in a growable array, searched linearly (a few hundred
 * bindings at most, one search per key press). Only <curses.h> KEY_xxx
 * constants are used; no curses function is called.
 */
#include <curses.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/aside.h"
#include "ogpo/i18n.h"
#include "ogpo/keymap.h"

#if defined(__GNUC__)
#define KEYMAP_PRINTF(f, a)	__attribute__((format(printf, f, a)))
#else
#define KEYMAP_PRINTF(f, a)
#endif

#define KEYMAP_MAXTOK	8	/* fields looked at on one line */
#define KEYMAP_QUOTE	40	/* bytes of a bad field quoted back */
#define KEYMAP_FMAX	24	/* <F1> to <F24> (shifted F-keys) */

struct keymap_binding {
	int	context;
	int	key;
	int	action;
};

struct keymap {
	const char *const	*contexts;
	size_t			 ncontexts;
	const char *const	*actions;
	size_t			 nactions;
	struct keymap_binding	*b;
	size_t			 n;
	size_t			 cap;
	int			*parent;	/* per context; -1: none */
};

/* One whitespace-separated field of a line; the text is not copied. */
struct keymap_tok {
	const char	*s;
	size_t		 len;
};

/*
 * Names of keys in <>; the first name of a key is the one shown, the
 * others are accepted so that people can write what they are used to.
 */
static const struct keymap_keyname {
	const char	*name;
	int		 key;
} keymap_keynames[] = {
	{ "Up",		KEYMAP_FKEY | KEY_UP },
	{ "Down",	KEYMAP_FKEY | KEY_DOWN },
	{ "Left",	KEYMAP_FKEY | KEY_LEFT },
	{ "Right",	KEYMAP_FKEY | KEY_RIGHT },
	{ "PgUp",	KEYMAP_FKEY | KEY_PPAGE },
	{ "PgDn",	KEYMAP_FKEY | KEY_NPAGE },
	{ "Home",	KEYMAP_FKEY | KEY_HOME },
	{ "End",	KEYMAP_FKEY | KEY_END },
	{ "Enter",	'\r' },
	{ "Esc",	0x1b },
	{ "Tab",	'\t' },
	{ "S-Tab",	KEYMAP_FKEY | KEY_BTAB },
	{ "Backspace",	KEYMAP_FKEY | KEY_BACKSPACE },
	{ "Del",	KEYMAP_FKEY | KEY_DC },
	{ "Ins",	KEYMAP_FKEY | KEY_IC },
	{ "Space",	' ' },
	{ "lt",		'<' },
	/* aliases */
	{ "PageUp",	KEYMAP_FKEY | KEY_PPAGE },
	{ "PageDown",	KEYMAP_FKEY | KEY_NPAGE },
	{ "Return",	'\r' },
	{ "CR",		'\r' },
	{ "Escape",	0x1b },
	{ "BTab",	KEYMAP_FKEY | KEY_BTAB },
	{ "BS",		KEYMAP_FKEY | KEY_BACKSPACE },
	{ "Delete",	KEYMAP_FKEY | KEY_DC },
	{ "Insert",	KEYMAP_FKEY | KEY_IC },
};

/* Compare ASCII names without regard to case or to the locale. */
static int
keymap_name_eq(const char *a, size_t alen, const char *b)
{
	size_t	i;
	int	ca, cb;

	if (strlen(b) != alen)
		return 0;
	for (i = 0; i < alen; i++) {
		ca = (unsigned char)a[i];
		cb = (unsigned char)b[i];
		if (ca >= 'A' && ca <= 'Z')
			ca += 'a' - 'A';
		if (cb >= 'A' && cb <= 'Z')
			cb += 'a' - 'A';
		if (ca != cb)
			return 0;
	}
	return 1;
}

/*
 * Decode the single UTF-8 character that must make up all len bytes of
 * s; strict, so that a key can only be a real character. Returns the
 * code point, or -1.
 */
static int
keymap_utf8_one(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 c;
	size_t			 need, i;

	if (len == 0)
		return -1;
	if (p[0] < 0x80)
		return len == 1 ? p[0] : -1;
	if (p[0] < 0xc2)
		return -1;
	if (p[0] < 0xe0) {
		need = 2;
		c = p[0] & 0x1f;
	} else if (p[0] < 0xf0) {
		need = 3;
		c = p[0] & 0x0f;
	} else if (p[0] < 0xf5) {
		need = 4;
		c = p[0] & 0x07;
	} else
		return -1;
	if (len != need)
		return -1;
	for (i = 1; i < need; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return -1;
		c = (c << 6) | (p[i] & 0x3f);
	}
	if ((need == 3 && c < 0x800) || (need == 4 && c < 0x10000) ||
	    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return -1;
	return (int)c;
}

/* Whether c is a character that stands for itself in a keymap file. */
static int
keymap_char_plain(int c)
{
	return c > 0x20 && c != 0x7f && !(c >= 0x80 && c <= 0x9f) &&
	    c <= 0x10ffff && !(c >= 0xd800 && c <= 0xdfff);
}

/*
 * Parse what is inside <> (len bytes at s, not NUL-terminated). Meta
 * may prefix anything but Meta, so <M-<>, <M-Down> and <M-C-s> work.
 */
static int
keymap_key_inner(const char *s, size_t len, int *key)
{
	unsigned long	v;
	size_t		i;
	int		c, k;

	if (len > 2 && (s[0] == 'M' || s[0] == 'm') && s[1] == '-') {
		c = keymap_utf8_one(s + 2, len - 2);
		if (keymap_char_plain(c)) {
			*key = KEYMAP_META | c;
			return 0;
		}
		if (keymap_key_inner(s + 2, len - 2, &k) != 0 ||
		    (k & KEYMAP_META))
			return -1;
		*key = KEYMAP_META | k;
		return 0;
	}
	if (len == 3 && (s[0] == 'C' || s[0] == 'c') && s[1] == '-') {
		c = (unsigned char)s[2];
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if ((c >= 'a' && c <= 'z') || strchr("@[\\]^_", c) != NULL) {
			*key = c & 0x1f;
			return 0;
		}
		return -1;
	}
	if (len > 2 && len <= 8 && (s[0] == 'U' || s[0] == 'u') &&
	    s[1] == '+') {
		v = 0;
		for (i = 2; i < len; i++) {
			c = (unsigned char)s[i];
			if (c >= '0' && c <= '9')
				v = v * 16 + (unsigned long)(c - '0');
			else if (c >= 'a' && c <= 'f')
				v = v * 16 + (unsigned long)(c - 'a' + 10);
			else if (c >= 'A' && c <= 'F')
				v = v * 16 + (unsigned long)(c - 'A' + 10);
			else
				return -1;
		}
		if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
			return -1;
		*key = (int)v;
		return 0;
	}
	if (len >= 2 && len <= 3 && (s[0] == 'F' || s[0] == 'f') &&
	    s[1] >= '1' && s[1] <= '9') {
		v = (unsigned long)(s[1] - '0');
		if (len == 3) {
			if (s[2] < '0' || s[2] > '9')
				return -1;
			v = v * 10 + (unsigned long)(s[2] - '0');
		}
		if (v > KEYMAP_FMAX)
			return -1;
		*key = KEYMAP_FKEY | KEY_F((int)v);
		return 0;
	}
	for (i = 0; i < sizeof keymap_keynames / sizeof keymap_keynames[0];
	    i++) {
		if (keymap_name_eq(s, len, keymap_keynames[i].name)) {
			*key = keymap_keynames[i].key;
			return 0;
		}
	}
	return -1;
}

/* Parse a key field of len bytes, which need not be NUL-terminated. */
static int
keymap_key_parse_len(const char *s, size_t len, int *key)
{
	int	c;

	if (len > 2 && s[0] == '<') {
		if (s[len - 1] != '>')
			return -1;
		return keymap_key_inner(s + 1, len - 2, key);
	}
	c = keymap_utf8_one(s, len);
	if (!keymap_char_plain(c))
		return -1;
	*key = c;
	return 0;
}

/* The public form works on C strings; the parser on fields of a line. */
int
keymap_key_parse(const char *name, int *key)
{
	return keymap_key_parse_len(name, strlen(name), key);
}

/*
 * Write the name of a key without Meta and without the <>, into out
 * (at least 16 bytes). Returns 1 if the name needs <> around it.
 */
static int
keymap_key_plain(int key, char *out, size_t n)
{
	size_t	i;
	int	fk;

	if (key < 0) {
		snprintf(out, n, "key %d", key);
		return 1;
	}
	for (i = 0; i < sizeof keymap_keynames / sizeof keymap_keynames[0];
	    i++) {
		if (keymap_keynames[i].key == key && key != '<') {
			snprintf(out, n, "%s", keymap_keynames[i].name);
			return 1;
		}
	}
	if (key & KEYMAP_FKEY) {
		fk = key & ~KEYMAP_FKEY;
		if (fk >= KEY_F(1) && fk <= KEY_F(KEYMAP_FMAX))
			snprintf(out, n, "F%d", fk - KEY_F0);
		else
			snprintf(out, n, "key 0x%x", (unsigned int)fk);
		return 1;
	}
	if (key >= 0 && key < 0x20) {
		snprintf(out, n, "C-%c", key == 0 || key > 26 ?
		    key | 0x40 : key | 0x60);
		return 1;
	}
	if (keymap_char_plain(key)) {
		char	u[5];
		size_t	len;

		if (key < 0x80) {
			u[0] = (char)key;
			len = 1;
		} else if (key < 0x800) {
			u[0] = (char)(0xc0 | (key >> 6));
			u[1] = (char)(0x80 | (key & 0x3f));
			len = 2;
		} else if (key < 0x10000) {
			u[0] = (char)(0xe0 | (key >> 12));
			u[1] = (char)(0x80 | ((key >> 6) & 0x3f));
			u[2] = (char)(0x80 | (key & 0x3f));
			len = 3;
		} else {
			u[0] = (char)(0xf0 | (key >> 18));
			u[1] = (char)(0x80 | ((key >> 12) & 0x3f));
			u[2] = (char)(0x80 | ((key >> 6) & 0x3f));
			u[3] = (char)(0x80 | (key & 0x3f));
			len = 4;
		}
		u[len] = '\0';
		snprintf(out, n, "%s", u);
		return 0;
	}
	if (key >= 0 && key <= 0x10ffff)
		snprintf(out, n, "U+%04X", (unsigned int)key);
	else
		snprintf(out, n, "key 0x%x", (unsigned int)key);
	return 1;
}

/* Names are built from keymap_key_plain() so that parse reads them back. */
size_t
keymap_key_name(int key, char *buf, size_t n)
{
	char	plain[24];
	int	r;

	if (key >= 0 && (key & KEYMAP_META)) {
		keymap_key_plain(key & ~KEYMAP_META, plain, sizeof plain);
		r = snprintf(buf, n, "<M-%s>", plain);
	} else if (keymap_key_plain(key, plain, sizeof plain))
		r = snprintf(buf, n, "<%s>", plain);
	else
		r = snprintf(buf, n, "%s", plain);
	return r < 0 ? 0 : (size_t)r;
}

/* The caller's tables are borrowed, not copied: they are static data. */
struct keymap *
keymap_new(const char *const *contexts, size_t ncontexts,
    const char *const *actions, size_t nactions)
{
	struct keymap	*km;

	size_t	 i;

	km = calloc(1, sizeof *km);
	if (km == NULL)
		return NULL;
	km->parent = calloc(ncontexts ? ncontexts : 1, sizeof *km->parent);
	if (km->parent == NULL) {
		free(km);
		return NULL;
	}
	for (i = 0; i < ncontexts; i++)
		km->parent[i] = -1;
	km->contexts = contexts;
	km->ncontexts = ncontexts;
	km->actions = actions;
	km->nactions = nactions;
	return km;
}

/* Only the bindings are ours to free; the name tables are the caller's. */
void
keymap_free(struct keymap *km)
{
	if (km == NULL)
		return;
	free(km->b);
	free(km->parent);
	free(km);
}

/* Index of the binding of key in context, or -1: the one exact search. */
static long
keymap_find(const struct keymap *km, int context, int key)
{
	size_t	i;

	for (i = 0; i < km->n; i++) {
		if (km->b[i].context == context && km->b[i].key == key)
			return (long)i;
	}
	return -1;
}

/*
 * Bind key to action, replacing an earlier binding in place so that the
 * help screen keeps its order. Returns 0, or -1 if memory ran out.
 */
static int
keymap_bind(struct keymap *km, int context, int key, int action)
{
	struct keymap_binding	*nb;
	size_t			 ncap;
	long			 i;

	i = keymap_find(km, context, key);
	if (i >= 0) {
		km->b[i].action = action;
		return 0;
	}
	if (km->n == km->cap) {
		ncap = km->cap ? km->cap * 2 : 64;
		nb = realloc(km->b, ncap * sizeof *nb);
		if (nb == NULL)
			return -1;
		km->b = nb;
		km->cap = ncap;
	}
	km->b[km->n].context = context;
	km->b[km->n].key = key;
	km->b[km->n].action = action;
	km->n++;
	return 0;
}

/* What was read aside is taken as a line of a file would be: checked. */
int
keymap_add(struct keymap *km, int context, int key, int action)
{
	char	name[32];
	int	back;

	if (context < 0 || (size_t)context >= km->ncontexts || action < 0 ||
	    (size_t)action >= km->nactions)
		return -1;
	if (keymap_key_name(key, name, sizeof name) >= sizeof name ||
	    keymap_key_parse(name, &back) != 0 || back != key)
		return -1;
	return keymap_bind(km, context, key, action);
}

/* Context, key and action of each binding, in order, as u32s. */
void
keymap_send(const struct keymap *km, FILE *f)
{
	size_t	i;

	aside_put_u32(f, (uint32_t)km->n);
	for (i = 0; i < km->n; i++) {
		aside_put_u32(f, (uint32_t)km->b[i].context);
		aside_put_u32(f, (uint32_t)km->b[i].key);
		aside_put_u32(f, (uint32_t)km->b[i].action);
	}
}

int
keymap_receive(struct keymap *km, struct aside_in *in)
{
	uint32_t	n, i, b[3];

	if (!aside_take_u32(in, &n) || n > (in->len - in->pos) / sizeof b)
		return -1;
	for (i = 0; i < n; i++)
		if (!aside_take_u32(in, &b[0]) || !aside_take_u32(in, &b[1]) ||
		    !aside_take_u32(in, &b[2]) || b[0] > INT32_MAX ||
		    b[1] > INT32_MAX || b[2] > INT32_MAX ||
		    keymap_add(km, (int)b[0], (int)b[1], (int)b[2]) != 0)
			return -1;
	return 0;
}

/* Remove a binding so that a later file can take back a default. */
static void
keymap_unbind(struct keymap *km, int context, int key)
{
	long	i;

	i = keymap_find(km, context, key);
	if (i < 0)
		return;
	memmove(km->b + i, km->b + i + 1,
	    (km->n - (size_t)i - 1) * sizeof *km->b);
	km->n--;
}

/*
 * Append "origin:line: reason" to *errors. A message lost to a lack of
 * memory is dropped: the line is still counted as bad.
 */
KEYMAP_PRINTF(4, 5)
static void
keymap_error(char **errors, const char *origin, size_t line,
    const char *fmt, ...)
{
	va_list	ap;
	char	reason[256], *p;
	size_t	old;
	int	len;

	if (errors == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(reason, sizeof reason, _(fmt), ap);
	va_end(ap);
	old = *errors ? strlen(*errors) : 0;
	if (line > 0)
		len = snprintf(NULL, 0, "%s:%zu: %s", origin, line, reason);
	else
		len = snprintf(NULL, 0, "%s", reason);
	if (len < 0)
		return;
	p = realloc(*errors, old + 1 + (size_t)len + 1);
	if (p == NULL)
		return;
	if (old > 0)
		p[old++] = '\n';
	if (line > 0)
		snprintf(p + old, (size_t)len + 1, "%s:%zu: %s", origin, line,
		    reason);
	else
		snprintf(p + old, (size_t)len + 1, "%s", reason);
	*errors = p;
}

/* Index of the name t in a table of n names, or -1. */
static int
keymap_name_index(const char *const *names, size_t n,
    const struct keymap_tok *t)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (strlen(names[i]) == t->len &&
		    memcmp(names[i], t->s, t->len) == 0)
			return (int)i;
	}
	return -1;
}

/* How much of a bad field to quote back: enough to recognise it. */
static int
keymap_qlen(const struct keymap_tok *t)
{
	return (int)(t->len < KEYMAP_QUOTE ? t->len : KEYMAP_QUOTE);
}

/*
 * Split one line into fields at spaces and tabs. Returns the number of
 * fields found, at most KEYMAP_MAXTOK.
 */
static size_t
keymap_split(const char *s, size_t len, struct keymap_tok *tok)
{
	size_t	i = 0, start, n = 0;

	while (n < KEYMAP_MAXTOK) {
		while (i < len && (s[i] == ' ' || s[i] == '\t' ||
		    s[i] == '\v' || s[i] == '\f'))
			i++;
		if (i == len)
			break;
		start = i;
		while (i < len && s[i] != ' ' && s[i] != '\t' &&
		    s[i] != '\v' && s[i] != '\f')
			i++;
		tok[n].s = s + start;
		tok[n].len = i - start;
		n++;
	}
	return n;
}

/*
 * Apply one line (without its newline). Returns 0, or -1 after
 * reporting why the line is bad; a bad line changes nothing.
 */
static int
keymap_line(struct keymap *km, const char *origin, size_t lineno,
    const char *s, size_t len, char **errors)
{
	struct keymap_tok	 tok[KEYMAP_MAXTOK];
	size_t			 n, want;
	int			 bind, ctx, key, act = -1;

	if (memchr(s, '\0', len) != NULL) {
		keymap_error(errors, origin, lineno, "line holds a NUL byte");
		return -1;
	}
	n = keymap_split(s, len, tok);
	if (n == 0 || tok[0].s[0] == '#')
		return 0;
	if (tok[0].len == 4 && memcmp(tok[0].s, "bind", 4) == 0)
		bind = 1;
	else if (tok[0].len == 6 && memcmp(tok[0].s, "unbind", 6) == 0)
		bind = 0;
	else {
		keymap_error(errors, origin, lineno,
		    "unknown command '%.*s' (expected bind or unbind)",
		    keymap_qlen(&tok[0]), tok[0].s);
		return -1;
	}
	want = bind ? 4 : 3;
	if (n < want) {
		keymap_error(errors, origin, lineno, bind ?
		    N_("missing field: expected 'bind CONTEXT KEY ACTION'") :
		    N_("missing field: expected 'unbind CONTEXT KEY'"));
		return -1;
	}
	if (n > want && tok[want].s[0] != '#') {
		keymap_error(errors, origin, lineno,
		    "unexpected '%.*s' after the %s (comments start with #)",
		    keymap_qlen(&tok[want]), tok[want].s,
		    bind ? _("action") : _("key"));
		return -1;
	}
	ctx = keymap_name_index(km->contexts, km->ncontexts, &tok[1]);
	if (ctx < 0) {
		keymap_error(errors, origin, lineno,
		    "unknown context '%.*s'",
		    keymap_qlen(&tok[1]), tok[1].s);
		return -1;
	}
	if (keymap_key_parse_len(tok[2].s, tok[2].len, &key) != 0) {
		keymap_error(errors, origin, lineno, "unknown key '%.*s'",
		    keymap_qlen(&tok[2]), tok[2].s);
		return -1;
	}
	if (bind) {
		act = keymap_name_index(km->actions, km->nactions, &tok[3]);
		if (act < 0) {
			keymap_error(errors, origin, lineno,
			    "unknown action '%.*s'",
			    keymap_qlen(&tok[3]), tok[3].s);
			return -1;
		}
		if (keymap_bind(km, ctx, key, act) != 0) {
			keymap_error(errors, origin, lineno, "out of memory");
			return -1;
		}
	} else
		keymap_unbind(km, ctx, key);
	return 0;
}

/*
 * Walk the len bytes of text line by line; files written on Windows
 * (CRLF, a UTF-8 byte order mark) load as well.
 */
static int
keymap_load_buf(struct keymap *km, const char *origin, const char *text,
    size_t len, char **errors)
{
	const char	*line, *nl, *end = text + len;
	size_t		 lineno = 0, llen;
	int		 bad = 0;

	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		text += 3;
	for (line = text; line < end; line = nl + 1) {
		lineno++;
		nl = memchr(line, '\n', (size_t)(end - line));
		if (nl == NULL)
			nl = end;
		llen = (size_t)(nl - line);
		if (llen > 0 && line[llen - 1] == '\r')
			llen--;
		if (keymap_line(km, origin, lineno, line, llen, errors) != 0)
			bad++;
	}
	return bad;
}

/* A string is a file without a name on disk: origin names it in errors. */
int
keymap_load_string(struct keymap *km, const char *origin, const char *text,
    char **errors)
{
	return keymap_load_buf(km, origin, text, strlen(text), errors);
}

/* Read the whole file first, so a read error loads none of it. */
int
keymap_load_file(struct keymap *km, const char *path, char **errors)
{
	FILE	*f;
	char	*buf = NULL, *nb;
	size_t	 len = 0, cap = 0, got;
	int	 rc, saved;

	f = fopen(path, "r");
	if (f == NULL)
		goto fail;
	for (;;) {
		if (cap - len < 4096) {
			nb = realloc(buf, cap + 8192);
			if (nb == NULL) {
				errno = ENOMEM;
				goto fail;
			}
			buf = nb;
			cap += 8192;
		}
		got = fread(buf + len, 1, cap - len, f);
		len += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		if (errno == 0)
			errno = EIO;
		goto fail;
	}
	fclose(f);
	rc = keymap_load_buf(km, path, buf, len, errors);
	free(buf);
	return rc;

fail:
	saved = errno;
	if (f != NULL)
		fclose(f);
	free(buf);
	keymap_error(errors, path, 0, "cannot read keymap %s: %s", path,
	    strerror(saved));
	return -1;
}

/*
 * The key a terminal sends for Enter or Backspace varies (\r or \n or
 * KEY_ENTER; DEL, ^H or KEY_BACKSPACE): map each to the bound form.
 * Returns the other key to try, or -1.
 */
static int
keymap_alias(int key)
{
	switch (key) {
	case '\n':
	case KEYMAP_FKEY | KEY_ENTER:
		return '\r';
	case 0x7f:
	case 0x08:
		return KEYMAP_FKEY | KEY_BACKSPACE;
	default:
		return -1;
	}
}

/* A view's context falls back to a shared one (meetings to list). */
void
keymap_set_parent(struct keymap *km, int context, int parent)
{
	if (context > 0 && (size_t)context < km->ncontexts && parent > 0 &&
	    (size_t)parent < km->ncontexts && parent != context)
		km->parent[context] = parent;
}

/* The binding of key in exactly context, through an alias if need be. */
static long
keymap_find_alias(const struct keymap *km, int context, int key)
{
	long	b = keymap_find(km, context, key);
	int	alias;

	if (b < 0 && (alias = keymap_alias(key)) >= 0)
		b = keymap_find(km, context, alias);
	return b;
}

/*
 * The context's own binding wins over its parent's, and those over
 * global, even through an alias.
 */
int
keymap_lookup(const struct keymap *km, int context, int key)
{
	size_t	depth;
	long	b;
	int	c;

	if (context < 0 || (size_t)context >= km->ncontexts)
		return -1;
	for (c = context, depth = 0; c > 0 && depth < km->ncontexts;
	    c = km->parent[c], depth++)
		if ((b = keymap_find_alias(km, c, key)) >= 0)
			return km->b[b].action;
	if ((b = keymap_find_alias(km, 0, key)) >= 0)
		return km->b[b].action;
	return -1;
}

/* Whether key types a character where text is typed. */
static int
keymap_key_types(int key)
{
	return key >= 0x20 && key != 0x7f &&
	    (key & (KEYMAP_FKEY | KEYMAP_META)) == 0;
}

/* A key counts only where nothing nearer shadows it; with nonchar, only
 * a key that types no character. */
static int
keymap_key_find(const struct keymap *km, int context, int action,
    int nonchar)
{
	size_t	i, depth;
	int	c;

	if (context < 0 || (size_t)context >= km->ncontexts)
		return -1;
	for (c = context, depth = 0; depth <= km->ncontexts; depth++) {
		for (i = 0; i < km->n; i++)
			if (km->b[i].context == c &&
			    km->b[i].action == action &&
			    !(nonchar && keymap_key_types(km->b[i].key)) &&
			    keymap_lookup(km, context, km->b[i].key) == action)
				return km->b[i].key;
		if (c == 0)
			break;
		c = km->parent[c] > 0 ? km->parent[c] : 0;
	}
	return -1;
}

int
keymap_key_of(const struct keymap *km, int context, int action)
{
	return keymap_key_find(km, context, action, 0);
}

int
keymap_key_of_nonchar(const struct keymap *km, int context, int action)
{
	return keymap_key_find(km, context, action, 1);
}

/* The help screen walks the bindings; it needs to know how many. */
size_t
keymap_count(const struct keymap *km)
{
	return km->n;
}

/* Copy out, so callers never hold a pointer into the growable array. */
int
keymap_get(const struct keymap *km, size_t i, int *context, int *key,
    int *action)
{
	if (i >= km->n)
		return -1;
	*context = km->b[i].context;
	*key = km->b[i].key;
	*action = km->b[i].action;
	return 0;
}
