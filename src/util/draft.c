/*
 * draft.c — a form's unsaved values, kept in a file of the person's own
 * (see draft.h for the why and the format).
 *
 * The files are written and read with the person's rights: the set-group-id
 * program holds the group only around the database (priv.c), and reads
 * them aside (aside.h), in a process that keeps nothing of the database,
 * taking back only drafts whose every value it has checked. Whatever a
 * file says is only ever put back into a form, which checks it all again
 * on saving; a file that does not read as a draft is passed over.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ogpo/aside.h"
#include "ogpo/draft.h"
#include "ogpo/schema.h"
#include "ogpo/util.h"

#define DRAFT_MAGIC	"ogpo draft 1"
#define DRAFT_LINE_MAX	(64 * 1024)	/* longer than any field */
#define DRAFT_MAX	64		/* drafts offered, at most */
#define DRAFT_WHEN_MAX	253402300799LL	/* 9999-12-31 23:59:59 UTC */

static char *
draft_dir(void)
{
	return user_dir("XDG_STATE_HOME", ".local/state", "ogpo/drafts");
}

/* dir and its missing parents, made for the owner alone. */
static int
draft_mkdir(const char *dir)
{
	char *path = xstrdup(dir), *p;

	for (p = path + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST) {
			free(path);
			return -1;
		}
		*p = '/';
	}
	free(path);
	return mkdir(dir, 0700) != 0 && errno != EEXIST ? -1 : 0;
}

void
draft_add(struct draft *d, char what, const char *name, const char *value)
{
	struct draft_value *v;

	d->v = xgrow(d->v, &d->cap, d->n + 1, sizeof *d->v);
	v = &d->v[d->n++];
	v->what = what;
	v->name = xstrdup(name);
	v->value = xstrdup(value);
}

const char *
draft_get(const struct draft *d, char what, const char *name)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->v[i].what == what && strcmp(d->v[i].name, name) == 0)
			return d->v[i].value;
	return NULL;
}

void
draft_put_record(struct draft *d, char what, const void *rec)
{
	const struct schema *s = schema_of(d->kind);
	const struct field *f;
	const char *p;
	char buf[2048];
	uint32_t u, count, i;
	size_t used;

	for (i = 0; i < s->nfields; i++) {
		f = &s->fields[i];
		p = (const char *)rec + f->offset;
		if (f->flags & FIELD_HEAD)	/* id and version: d's own */
			continue;
		switch (f->type) {
		case FIELD_STR:
			draft_add(d, what, f->name, p);
			continue;
		case FIELD_U32:
			memcpy(&u, p, sizeof u);
			snprintf(buf, sizeof buf, "%" PRIu32, u);
			break;
		case FIELD_U32LIST:
			memcpy(&count, (const char *)rec + f->count,
			    sizeof count);
			buf[0] = '\0';
			for (u = 0, used = 0; u < count && u < f->size / 4 &&
			    used + 12 < sizeof buf; u++)
				used += (size_t)snprintf(buf + used,
				    sizeof buf - used, "%s%" PRIu32,
				    u ? "," : "", ((const uint32_t *)
				    (const void *)p)[u]);
			break;
		default:		/* the head's stamps, bytes */
			continue;
		}
		draft_add(d, what, f->name, buf);
	}
}

void
draft_get_record(const struct draft *d, char what, void *rec)
{
	const struct schema *s = schema_of(d->kind);
	const struct field *f;
	const char *v, *q;
	char *p, *end;
	unsigned long long x;
	uint32_t u, count;
	size_t i;

	for (i = 0; i < s->nfields; i++) {
		f = &s->fields[i];
		p = (char *)rec + f->offset;
		if ((f->flags & FIELD_HEAD) ||
		    (v = draft_get(d, what, f->name)) == NULL)
			continue;
		switch (f->type) {
		case FIELD_STR:
			snprintf(p, f->size, "%s", v);
			str_utf8_cut(p);
			break;
		case FIELD_U32:
			errno = 0;
			x = strtoull(v, &end, 10);
			if (*v != '\0' && *end == '\0' && errno == 0 &&
			    x <= UINT32_MAX) {
				u = (uint32_t)x;
				memcpy(p, &u, sizeof u);
			}
			break;
		case FIELD_U32LIST:
			for (q = v, count = 0; *q != '\0' &&
			    count < f->size / 4; count++) {
				errno = 0;
				x = strtoull(q, &end, 10);
				if (end == q || errno != 0 || x > UINT32_MAX ||
				    (*end != ',' && *end != '\0'))
					break;
				u = (uint32_t)x;
				memcpy(p + count * sizeof u, &u, sizeof u);
				q = *end == ',' ? end + 1 : end;
			}
			memcpy((char *)rec + f->count, &count, sizeof count);
			break;
		default:
			break;
		}
	}
}

/* s on a line of f, with \ tab newline and return escaped. */
static void
draft_put_escaped(FILE *f, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '\\': fputs("\\\\", f); break;
		case '\t': fputs("\\t", f); break;
		case '\n': fputs("\\n", f); break;
		case '\r': fputs("\\r", f); break;
		default: fputc(*s, f); break;
		}
	}
}

/* s unescaped in place. */
static void
draft_unescape(char *s)
{
	char *o = s;

	for (; *s != '\0'; s++) {
		if (*s != '\\' || s[1] == '\0') {
			*o++ = *s;
			continue;
		}
		s++;
		*o++ = *s == 't' ? '\t' : *s == 'n' ? '\n' : *s == 'r' ?
		    '\r' : *s;
	}
	*o = '\0';
}

int
draft_write(struct draft *d, char **cause)
{
	char *dir = draft_dir(), *path = NULL, real[PATH_MAX];
	FILE *f = NULL;
	size_t i;
	int fd = -1, k;

	/* The database as draft_list will look for it. */
	if (realpath(d->db, real) != NULL) {
		free(d->db);
		d->db = xstrdup(real);
	}

	if (draft_mkdir(dir) != 0) {
		err_set(cause, OGPO_IO, "cannot create %s: %s", dir,
		    strerror(errno));
		free(dir);
		return -1;
	}
	/* A name of its own: two sessions may keep one each. */
	for (k = 0; k < 100 && fd < 0; k++) {
		free(path);
		path = xasprintf("%s/%" PRId64 "-%ld-%d.draft", dir,
		    (int64_t)time(NULL), (long)getpid(), k);
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	free(dir);
	if (fd < 0 || (f = fdopen(fd, "w")) == NULL) {
		err_set(cause, OGPO_IO, "cannot write %s: %s", path,
		    strerror(errno));
		if (fd >= 0)
			close(fd);
		free(path);
		return -1;
	}
	d->when = (int64_t)time(NULL);
	fprintf(f, "%s\ndb\t", DRAFT_MAGIC);
	draft_put_escaped(f, d->db);
	fprintf(f, "\nkind\t%s\nid\t%" PRIu32 "\nversion\t%" PRIu32
	    "\nwhen\t%" PRId64 "\ntitle\t", schema_of(d->kind)->name, d->id,
	    d->version, d->when);
	draft_put_escaped(f, d->title);
	fputc('\n', f);
	for (i = 0; i < d->n; i++) {
		fprintf(f, "%c\t%s\t", d->v[i].what, d->v[i].name);
		draft_put_escaped(f, d->v[i].value);
		fputc('\n', f);
	}
	if (fflush(f) != 0 || fsync(fileno(f)) != 0 || ferror(f)) {
		err_set(cause, OGPO_IO, "cannot write %s: %s", path,
		    strerror(errno));
		fclose(f);
		unlink(path);
		free(path);
		return -1;
	}
	fclose(f);
	free(d->path);
	d->path = path;
	return 0;
}

static int
draft_kind(const char *name, enum entity_kind *kind)
{
	int k;

	for (k = ENTITY_AGENCY; k <= ENTITY_MAX; k++)
		if (strcmp(schema_of((enum entity_kind)k)->name, name) == 0) {
			*kind = (enum entity_kind)k;
			return 0;
		}
	return -1;
}

static int
draft_u32(const char *s, uint32_t *v)
{
	char *end;
	unsigned long long x;

	errno = 0;
	x = strtoull(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0 || x > UINT32_MAX)
		return -1;
	*v = (uint32_t)x;
	return 0;
}

/*
 * When a draft was written: seconds from 1970 up to the end of year
 * 9999, which the offer of it can show as a date (localtime fails past
 * its years, and a draft then offered would take ogpo down).
 */
static int
draft_when(const char *s, int64_t *v)
{
	char *end;
	long long x;

	errno = 0;
	x = strtoll(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0 || x < 0 ||
	    x > DRAFT_WHEN_MAX)
		return -1;
	*v = (int64_t)x;
	return 0;
}

struct draft *
draft_read(const char *path)
{
	struct draft *d = xcalloc(1, sizeof *d);
	const struct schema *s = NULL;
	char *line = xmalloc(DRAFT_LINE_MAX), *tab, *val;
	FILE *f;
	int fd, ok = 1, first = 1;

	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0 ||
	    (f = fdopen(fd, "r")) == NULL) {
		if (fd >= 0)
			close(fd);
		free(line);
		free(d);
		return NULL;
	}
	while (ok && fgets(line, DRAFT_LINE_MAX, f) != NULL) {
		if ((tab = strchr(line, '\n')) == NULL) {
			ok = 0;		/* longer than any draft writes */
			break;
		}
		*tab = '\0';
		if (first) {
			ok = strcmp(line, DRAFT_MAGIC) == 0;
			first = 0;
			continue;
		}
		if ((tab = strchr(line, '\t')) == NULL) {
			ok = 0;
			break;
		}
		*tab = '\0';
		val = tab + 1;
		if (strlen(line) == 1 && strchr("omt", line[0]) != NULL) {
			if (s == NULL || (tab = strchr(val, '\t')) == NULL) {
				ok = 0;
				break;
			}
			*tab = '\0';
			draft_unescape(tab + 1);
			if (schema_field(s, val) != NULL)
				draft_add(d, line[0], val, tab + 1);
			continue;
		}
		draft_unescape(val);
		if (strcmp(line, "db") == 0 && d->db == NULL)
			d->db = xstrdup(val);
		else if (strcmp(line, "title") == 0 && d->title == NULL)
			d->title = xstrdup(val);
		else if (strcmp(line, "kind") == 0 && s == NULL)
			ok = draft_kind(val, &d->kind) == 0 &&
			    (s = schema_of(d->kind)) != NULL;
		else if (strcmp(line, "id") == 0)
			ok = draft_u32(val, &d->id) == 0;
		else if (strcmp(line, "version") == 0)
			ok = draft_u32(val, &d->version) == 0;
		else if (strcmp(line, "when") == 0)
			ok = draft_when(val, &d->when) == 0;
	}
	fclose(f);
	free(line);
	if (!ok || first || s == NULL || d->db == NULL || d->title == NULL) {
		draft_free(d);
		return NULL;
	}
	d->path = xstrdup(path);
	return d;
}

static int
draft_older(const void *a, const void *b)
{
	const struct draft *x = *(struct draft *const *)a;
	const struct draft *y = *(struct draft *const *)b;

	if (x->when != y->when)
		return x->when < y->when ? -1 : 1;
	return strcmp(x->path, y->path);
}

/* The drafts for db, each read whole here. */
static size_t
draft_list_here(const char *db, struct draft ***out)
{
	char *dir = draft_dir(), *path, real[PATH_MAX];
	struct draft **list = NULL, *d;
	struct dirent *de;
	size_t n = 0, cap = 0, len;
	DIR *dp;

	*out = NULL;
	if (realpath(db, real) == NULL)
		snprintf(real, sizeof real, "%s", db);
	if ((dp = opendir(dir)) == NULL) {
		free(dir);
		return 0;
	}
	while ((de = readdir(dp)) != NULL && n < DRAFT_MAX) {
		len = strlen(de->d_name);
		if (len < 7 || strcmp(de->d_name + len - 6, ".draft") != 0)
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		d = draft_read(path);
		free(path);
		if (d == NULL)
			continue;
		if (strcmp(d->db, real) != 0) {
			draft_free(d);
			continue;
		}
		list = xgrow(list, &cap, n + 1, sizeof *list);
		list[n++] = d;
	}
	closedir(dp);
	free(dir);
	if (n > 1)
		qsort(list, n, sizeof *list, draft_older);
	*out = list;
	return n;
}

#define DRAFT_ASIDE_MAX	(64 << 20)	/* what a child may send */

/* Aside: the drafts for db (arg) read, and sent whole. */
static int
draft_send(FILE *f, void *arg)
{
	struct draft **list;
	size_t n, i, j;

	n = draft_list_here(arg, &list);
	aside_put_u32(f, (uint32_t)n);
	for (i = 0; i < n; i++) {
		aside_put_str(f, list[i]->path);
		aside_put_str(f, list[i]->db);
		aside_put_u32(f, (uint32_t)list[i]->kind);
		aside_put_str(f, list[i]->title);
		aside_put_i64(f, list[i]->when);
		aside_put_u32(f, list[i]->id);
		aside_put_u32(f, list[i]->version);
		aside_put_u32(f, (uint32_t)list[i]->n);
		for (j = 0; j < list[i]->n; j++) {
			aside_put_u32(f, (uint32_t)(unsigned char)
			    list[i]->v[j].what);
			aside_put_str(f, list[i]->v[j].name);
			aside_put_str(f, list[i]->v[j].value);
		}
	}
	draft_free_list(list, n);
	return ferror(f) ? -1 : 0;
}

/*
 * One draft as draft_send sent it, checked as draft_read checks a file:
 * a file of the drafts directory, for this database, of a kind there is,
 * each value a field of that kind. NULL if it is not so.
 */
static struct draft *
draft_take(struct aside_in *in, const char *dir, const char *real)
{
	struct draft *d = xcalloc(1, sizeof *d);
	const struct schema *s;
	const char *path, *db, *title, *name, *value, *base;
	uint32_t kind, n, i, what;
	size_t dlen = strlen(dir), blen;

	if (!aside_take_str(in, &path, PATH_MAX, 0) ||
	    !aside_take_str(in, &db, PATH_MAX, 0) ||
	    !aside_take_u32(in, &kind) ||
	    !aside_take_str(in, &title, DRAFT_LINE_MAX, 0) ||
	    !aside_take_i64(in, &d->when) || !aside_take_u32(in, &d->id) ||
	    !aside_take_u32(in, &d->version) || !aside_take_u32(in, &n))
		goto bad;
	if (strncmp(path, dir, dlen) != 0 || path[dlen] != '/')
		goto bad;
	base = path + dlen + 1;
	if (strchr(base, '/') != NULL || (blen = strlen(base)) < 7 ||
	    strcmp(base + blen - 6, ".draft") != 0 || strcmp(db, real) != 0 ||
	    d->when < 0 || d->when > DRAFT_WHEN_MAX ||
	    kind < ENTITY_AGENCY || kind > ENTITY_MAX ||
	    (s = schema_of((enum entity_kind)kind)) == NULL ||
	    n > (in->len - in->pos) / 12)
		goto bad;
	d->kind = (enum entity_kind)kind;
	for (i = 0; i < n; i++) {
		if (!aside_take_u32(in, &what) || what > 0x7f ||
		    strchr("omt", (int)what) == NULL || what == 0 ||
		    !aside_take_str(in, &name, DRAFT_LINE_MAX, 0) ||
		    !aside_take_str(in, &value, DRAFT_LINE_MAX, 0) ||
		    schema_field(s, name) == NULL)
			goto bad;
		draft_add(d, (char)what, name, value);
	}
	d->path = xstrdup(path);
	d->db = xstrdup(db);
	d->title = xstrdup(title);
	return d;

bad:
	draft_free(d);
	return NULL;
}

/* Taken whole or not at all: one draft that does not check, and none. */
size_t
draft_receive(const char *buf, size_t len, const char *db,
    struct draft ***out)
{
	struct draft **list = NULL, *d;
	struct aside_in in;
	char *dir, real[PATH_MAX];
	size_t n = 0, cap = 0;
	uint32_t count, i;

	*out = NULL;
	if (realpath(db, real) == NULL)
		snprintf(real, sizeof real, "%s", db);
	dir = draft_dir();
	in.buf = buf;
	in.len = len;
	in.pos = 0;
	if (!aside_take_u32(&in, &count) || count > DRAFT_MAX)
		goto done;
	for (i = 0; i < count; i++) {
		if ((d = draft_take(&in, dir, real)) == NULL)
			goto done;
		list = xgrow(list, &cap, n + 1, sizeof *list);
		list[n++] = d;
	}
	if (aside_done(&in)) {
		*out = list;
		list = NULL;
	}
done:
	if (list != NULL || *out == NULL) {
		draft_free_list(list, n);
		n = 0;
	}
	free(dir);
	return n;
}

/* Read aside: a child that fails offers none. */
size_t
draft_list(const char *db, struct draft ***out)
{
	char *buf;
	size_t len, n;

	*out = NULL;
	if (aside_run(draft_send, (void *)(uintptr_t)db, DRAFT_ASIDE_MAX,
	    &buf, &len, NULL) != 0)
		return 0;
	n = draft_receive(buf, len, db, out);
	free(buf);
	return n;
}

void
draft_remove(const struct draft *d)
{
	if (d->path != NULL)
		(void)unlink(d->path);
}

void
draft_free(struct draft *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++) {
		free(d->v[i].name);
		free(d->v[i].value);
	}
	free(d->v);
	free(d->path);
	free(d->db);
	free(d->title);
	free(d);
}

void
draft_free_list(struct draft **list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		draft_free(list[i]);
	free(list);
}
