/*
 * export.c — records out to spreadsheets. Everything reads through one
 * transaction and writes through the CSV writer with the formula guard
 * on; a month is one range of the date index, never a table scan. The
 * agency tree is read once per export into a table that gives each
 * agency its rank (depth first, children in id order), which is the
 * order rows are sorted in.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "ogpo/codec.h"
#include "ogpo/export.h"
#include "ogpo/i18n.h"
#include "ogpo/resolution.h"
#include "ogpo/spool.h"
#include "ogpo/util.h"

#define EXPORT_LAST	UINT32_MAX	/* rank of what has no agency */
#define EXPORT_BUFSIZE	(256 * 1024)	/* of the file written */

/* What people read for values that have no label of their own. */
#define EXPORT_EXTERNAL	"外部人士"	/* role of an external participant */
#define EXPORT_TOTAL	"合計"
#define EXPORT_YES	"是"
#define EXPORT_NO	"否"
/* Written, with --replace, for a character Big5 cannot hold. */
#define EXPORT_REPLACEMENT	"□"

/* One agency and its place in the tree's order. */
struct export_agency {
	struct agency	 a;
	uint32_t	 rank;
};

/*
 * Texts kept for as long as what points into them, in chunks that never
 * move, so entries can point into them while more are added.
 */
struct export_chunk {
	struct export_chunk	*next;
	size_t			 used, size;
	char			 data[];
};

/* An officer's name and title as rows show them, once looked up. */
struct export_officer {
	uint32_t	 id;		/* 0: a free slot */
	const char	*name, *title;
};

/*
 * Every agency, sorted by id for lookups, and the officers looked up so
 * far (an open-addressing table by id: an officer is in about three of
 * a month's meetings, and decoding their record was a fifth of an
 * export's time).
 */
struct export_tree {
	struct export_agency	*v;
	size_t			 n;
	uint32_t		 next;	/* the next rank to give */
	struct export_officer	*people;
	size_t			 npeople, cappeople;	/* cap: a power of 2 */
	struct export_chunk	*texts;	/* the people's names and titles */
	struct officer		*o;	/* room to read one into */
	uint64_t		 officer_fields;	/* what of it */
	struct store_cursor	*oc;	/* on the officers, by id */
};

/*
 * What a row shows of an attendance record: the numbers, and the proxy
 * and note as texts kept beside the entries (an attendance record is 2.5
 * KB, mostly room for a note few have; a 900-invitee meeting's entries
 * were 2.4 MB, fresh pages, every meeting).
 */
struct export_att {
	uint32_t	 officer, agency, role, status;
	const char	*proxy, *note;
};

/*
 * One invitee of one meeting, with what its rows show: the strings point
 * into the tree or the list's texts.
 */
struct export_invitee {
	struct export_att	 a;
	uint32_t		 rank;	/* of a.agency; externals last */
	const char		*code, *agency;	/* the agency's, or an
						   external's organisation */
	const char		*name, *title;
};

/* What an invitee sorts by (export_key_cmp). */
struct export_key {
	uint64_t			 name8;	/* export_prefix8(name) */
	uint32_t			 rank;
	uint32_t			 shared;	/* rank of more than
							   one agency */
	const struct export_invitee	*e;
};

/*
 * A meeting's invitees as read (in), then sorted (v). The arrays and the
 * texts are kept from one meeting to the next: a month's meetings are
 * thousands of invitees each, and fresh arrays were fresh pages, faulted
 * in every meeting. The sorted entries are copied out whole, so rows are
 * written from memory read in order.
 */
struct export_list {
	struct export_invitee	*in, *v;
	struct export_key	*keys, *tmp;	/* tmp: room to merge keys */
	size_t			*at;	/* per rank's bucket: where it starts */
	size_t			 n, cap, capv, capkeys, captmp, capat;
	struct export_chunk	*texts;	/* the proxies, notes and externals */
	uint64_t		 fields;	/* what is read of a record */
};

static int
export_row(struct table_writer *w, const char *const *fields, size_t n,
    size_t *rows, char **cause)
{
	int rc = table_writer_row(w, fields, n, cause);

	if (rc == TABLE_LACKS)
		return 0;
	if (rc != 0)
		return OGPO_INVALID;
	if (rows != NULL)
		(*rows)++;
	return 0;
}

/* The header: the columns, their kinds, and the sheet's name. */
static int
export_head(struct table_writer *w, const struct table_column *cols,
    size_t n, char **cause)
{
	return table_writer_head(w, cols, n, cause) != 0 ? OGPO_INVALID : 0;
}

#define T(name)	{ name, TABLE_TEXT, 0 }
#define D(name)	{ name, TABLE_DATE, 0 }
#define C(name)	{ name, TABLE_COUNT, 0 }
#define R(name)	{ name, TABLE_RATE, 0 }

static int
export_agency_id_cmp(const void *a, const void *b)
{
	uint32_t x = ((const struct export_agency *)a)->a.h.id;
	uint32_t y = ((const struct export_agency *)b)->a.h.id;

	return (x > y) - (x < y);
}

static int
export_agency_rank_cmp(const void *a, const void *b)
{
	uint32_t x = (*(const struct export_agency *const *)a)->rank;
	uint32_t y = (*(const struct export_agency *const *)b)->rank;

	return (x > y) - (x < y);
}

/*
 * The agency id, or NULL when there is none (0, or since deleted). Asked
 * per invitee: the store numbers agencies upward from 1, so until one is
 * deleted agency id is the id-th, found without a search.
 */
static struct export_agency *
export_tree_find(const struct export_tree *tr, uint32_t id)
{
	struct export_agency key;

	if (id == 0 || tr->n == 0)
		return NULL;
	if (id <= tr->n && tr->v[id - 1].a.h.id == id)
		return &tr->v[id - 1];
	key.a.h.id = id;
	return bsearch(&key, tr->v, tr->n, sizeof *tr->v,
	    export_agency_id_cmp);
}

/* Rank the subtree under parent, depth first, children in id order. */
static void
export_tree_rank(struct store_txn *t, struct export_tree *tr,
    uint32_t parent, int depth)
{
	struct export_agency *e;
	uint32_t *kids = NULL;
	size_t n, i;

	if (depth > LEVEL_MAX * 2)
		return;		/* a loop in damaged data must not recurse */
	n = store_group_ids(t, IX_AGENCY_CHILD, parent, &kids);
	for (i = 0; i < n; i++) {
		if ((e = export_tree_find(tr, kids[i])) == NULL ||
		    e->rank != EXPORT_LAST)
			continue;
		e->rank = tr->next++;
		export_tree_rank(t, tr, kids[i], depth + 1);
	}
	free(kids);
}

/* Read every agency and rank it; what the tree does not reach goes last. */
static int
export_tree_load(struct store_txn *t, struct export_tree *tr, char **cause)
{
	struct store_cursor *c;
	size_t cap = store_count(t, IX_AGENCY, NULL) + 1, i;
	int rc;

	memset(tr, 0, sizeof *tr);
	tr->v = xcalloc(cap, sizeof *tr->v);
	if ((rc = store_cursor_open(t, IX_AGENCY, NULL, &c, cause)) != 0)
		return rc;
	while (tr->n < cap && store_cursor_move(c, STORE_NEXT) == 0) {
		if ((rc = store_cursor_get(c, &tr->v[tr->n].a, cause)) != 0)
			break;
		tr->v[tr->n++].rank = EXPORT_LAST;
	}
	store_cursor_close(c);
	if (rc != 0)
		return rc;
	qsort(tr->v, tr->n, sizeof *tr->v, export_agency_id_cmp);
	export_tree_rank(t, tr, 0, 0);
	for (i = 0; i < tr->n; i++)
		if (tr->v[i].rank == EXPORT_LAST)
			tr->v[i].rank = tr->next++;
	return 0;
}

static void
export_chunks_free(struct export_chunk *k)
{
	struct export_chunk *next;

	for (; k != NULL; k = next) {
		next = k->next;
		free(k);
	}
}

static void
export_tree_free(struct export_tree *tr)
{
	store_cursor_close(tr->oc);
	free(tr->v);
	free(tr->people);
	export_chunks_free(tr->texts);
	free(tr->o);
	memset(tr, 0, sizeof *tr);
}

/* The agencies in rank order, as a new array of pointers into tr. */
static struct export_agency **
export_tree_ordered(const struct export_tree *tr)
{
	struct export_agency **o = xcalloc(tr->n + 1, sizeof *o);
	size_t i;

	for (i = 0; i < tr->n; i++)
		o[i] = &tr->v[i];
	qsort(o, tr->n, sizeof *o, export_agency_rank_cmp);
	return o;
}

/* Code, name and rank of agency id for a row ("#id" when it is gone). */
static uint32_t
export_agency_cells(const struct export_tree *tr, uint32_t id, char *code,
    size_t codesz, char *name, size_t namesz)
{
	struct export_agency *e = export_tree_find(tr, id);

	if (e == NULL) {
		code[0] = '\0';
		if (id == 0)
			name[0] = '\0';
		else
			snprintf(name, namesz, "#%u", id);
		return id == 0 ? EXPORT_LAST : tr->next;
	}
	str_copy(code, e->a.code, codesz);
	str_copy(name, e->a.name, namesz);
	return e->rank;
}

/*
 * Invitees sort by agency order, then agency (organisation), then name,
 * then id. What is sorted is a small key per invitee, which most
 * comparisons decide alone: the rank (one agency of the tree each, but
 * for the shared ranks of externals and agencies gone) and the name's
 * first bytes as one number; invitees come in id order, so the entry's
 * place stands for its id.
 */
static int
export_key_cmp(const void *a, const void *b)
{
	const struct export_key *x = a, *y = b;
	int d;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->shared && x->e->agency != y->e->agency &&
	    (d = strcmp(x->e->agency, y->e->agency)) != 0)
		return d;
	if (x->name8 != y->name8)
		return x->name8 < y->name8 ? -1 : 1;
	if ((d = strcmp(x->e->name, y->e->name)) != 0)
		return d;
	return (x->e > y->e) - (x->e < y->e);
}

/*
 * Sort v (n keys) as export_key_cmp says, tmp having room for n / 2: a
 * merge sort, insertion below a dozen, with the comparison inlined. The
 * sort of a month's invitees by agency and name was qsort's, whose call
 * per comparison and copies through a generic buffer made it a tenth of
 * an export's time.
 */
static void
export_keys_sort(struct export_key *v, struct export_key *tmp, size_t n)
{
	struct export_key x;
	size_t i, j, k, h;

	if (n <= 12) {
		for (i = 1; i < n; i++) {
			x = v[i];
			for (j = i; j > 0 && export_key_cmp(&x, &v[j - 1]) < 0;
			    j--)
				v[j] = v[j - 1];
			v[j] = x;
		}
		return;
	}
	h = n / 2;
	export_keys_sort(v, tmp, h);
	export_keys_sort(v + h, tmp, n - h);
	if (export_key_cmp(&v[h - 1], &v[h]) < 0)
		return;		/* the halves are in order already */
	/* The first half aside; the merge fills v from the front, never
	 * past the second half's next key (k = i + j - h < j). */
	memcpy(tmp, v, h * sizeof *v);
	for (i = 0, j = h, k = 0; i < h && j < n; k++)
		v[k] = export_key_cmp(&v[j], &tmp[i]) < 0 ? v[j++] : tmp[i++];
	while (i < h)
		v[k++] = tmp[i++];
}

/* The bucket of rank: the tree's agencies' own, then the shared ranks of
 * agencies gone (tr->next) and of externals and no agency (EXPORT_LAST). */
static size_t
export_bucket(const struct export_tree *tr, uint32_t rank)
{
	if (rank < tr->next)
		return rank;
	return rank == EXPORT_LAST ? (size_t)tr->next + 1 : tr->next;
}

/* The first 8 bytes of s (NUL-padded) as a number that sorts as s does. */
static uint64_t
export_prefix8(const char *s)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < 8; i++) {
		v <<= 8;
		if (*s != '\0')
			v |= (unsigned char)*s++;
	}
	return v;
}

#define EXPORT_CHUNK	(64 * 1024)

/* A copy of s (len bytes) that lives as long as *head's chunks. */
static const char *
export_keep(struct export_chunk **head, const char *s, size_t len)
{
	struct export_chunk *k = *head;
	char *p;

	if (k == NULL || k->size - k->used < len + 1) {
		size_t size = len + 1 > EXPORT_CHUNK ? len + 1 : EXPORT_CHUNK;

		k = xmalloc(sizeof *k + size);
		k->next = *head;
		k->used = 0;
		k->size = size;
		*head = k;
	}
	p = k->data + k->used;
	memcpy(p, s, len);
	p[len] = '\0';
	k->used += len + 1;
	return p;
}

static const char *
export_keep_str(struct export_chunk **head, const char *s)
{
	return s[0] == '\0' ? "" : export_keep(head, s, strlen(s));
}

/* "#id", kept: what stands for a record that is gone. */
static const char *
export_keep_id(struct export_chunk **head, uint32_t id)
{
	char buf[16];

	return export_keep(head, buf, (size_t)snprintf(buf, sizeof buf,
	    "#%u", id));
}

/*
 * The first size of the officers' table: room for every officer of the
 * database at half load, up to EXPORT_PEOPLE_FIRST of them. A month's
 * meetings invite most officers of a database of a few thousand, and the
 * table grown by doubling from small was written anew each time: half of
 * a month's page faults. Slots no officer takes are never touched.
 */
#define EXPORT_PEOPLE_FIRST	32768

static size_t
export_people_cap(struct store_txn *t)
{
	size_t n = store_count(t, IX_OFFICER, NULL), cap = 1024;

	if (n > EXPORT_PEOPLE_FIRST)
		n = EXPORT_PEOPLE_FIRST;
	while (cap < 2 * n + 2)
		cap *= 2;
	return cap;
}

/*
 * Officer id's name and title ("#id" when the record is gone), looked up
 * once per export and kept in the tree. Ids are the slots (the store
 * numbers officers upward from 1): a meeting's invitees come in id order,
 * so the table is walked forward, not at random (the random walk through
 * a table of 1.5 MB was half of the lookups' time), and the records are
 * read through one cursor, which finds the next mostly on the page it is
 * on.
 */
static const struct export_officer *
export_officer(struct store_txn *t, struct export_tree *tr, uint32_t id)
{
	struct export_officer *p, *old;
	size_t mask, i, j, oldcap;

	if (tr->npeople * 2 >= tr->cappeople) {
		old = tr->people;
		oldcap = tr->cappeople;
		tr->cappeople = oldcap ? oldcap * 2 : export_people_cap(t);
		tr->people = xcalloc(tr->cappeople, sizeof *tr->people);
		mask = tr->cappeople - 1;
		for (i = 0; i < oldcap; i++) {
			if (old[i].id == 0)
				continue;
			for (j = old[i].id & mask;
			    tr->people[j].id != 0; j = (j + 1) & mask)
				;
			tr->people[j] = old[i];
		}
		free(old);
	}
	mask = tr->cappeople - 1;
	for (i = id & mask; tr->people[i].id != 0;
	    i = (i + 1) & mask)
		if (tr->people[i].id == id)
			return &tr->people[i];
	p = &tr->people[i];
	p->id = id;
	if (tr->o == NULL)
		tr->o = xmalloc(sizeof *tr->o);
	if (tr->officer_fields == 0) {
		static const char *const names[] = { "name", "title", NULL };

		tr->officer_fields = codec_mask(&schema_officer, names);
	}
	if (tr->oc == NULL && store_cursor_open(t, IX_OFFICER, NULL, &tr->oc,
	    NULL) != 0)
		tr->oc = NULL;
	if (tr->oc != NULL && store_cursor_seek_id(tr->oc, id) == 0 &&
	    store_cursor_get_some(tr->oc, tr->o, tr->officer_fields,
	    NULL) == 0) {
		p->name = export_keep_str(&tr->texts, tr->o->name);
		p->title = export_keep_str(&tr->texts, tr->o->title);
	} else {
		p->name = export_keep_id(&tr->texts, id);
		p->title = "";
	}
	tr->npeople++;
	return p;
}

/* The invitee's agency from the tree: code, name and rank. */
static void
export_invitee_agency(const struct export_tree *tr, uint32_t id,
    struct export_invitee *e, struct export_chunk **texts)
{
	struct export_agency *g = export_tree_find(tr, id);

	if (g != NULL) {
		e->code = g->a.code;
		e->agency = g->a.name;
		e->rank = g->rank;
		return;
	}
	e->code = "";
	e->agency = id == 0 ? "" : export_keep_id(texts, id);
	e->rank = id == 0 ? EXPORT_LAST : tr->next;
}

/* Let go of what l holds. */
static void
export_list_free(struct export_list *l)
{
	free(l->in);
	free(l->v);
	free(l->keys);
	free(l->tmp);
	free(l->at);
	export_chunks_free(l->texts);
	memset(l, 0, sizeof *l);
}

/* Empty l for the next meeting, keeping its arrays and one chunk. */
static void
export_list_reset(struct export_list *l)
{
	l->n = 0;
	if (l->texts != NULL) {
		export_chunks_free(l->texts->next);
		l->texts->next = NULL;
		l->texts->used = 0;
	}
}

/*
 * The invitees of meeting into l (emptied first), sorted in l->v. The
 * agencies' strings point into tr, which must outlive them.
 */
static int
export_invitees(struct store_txn *t, struct export_tree *tr,
    uint32_t meeting, struct export_list *l, char **cause)
{
	struct store_cursor *c;
	struct export_invitee *e;
	struct export_key *k;
	const struct export_officer *p;
	struct attendance *at;
	size_t i, b, nb;
	int rc;

	export_list_reset(l);
	if (l->fields == 0) {
		static const char *const names[] = { "officer", "agency",
			"role", "status", "proxy", "note", "name",
			"organisation", NULL };

		l->fields = codec_mask(&schema_attendance, names);
	}
	if ((rc = store_cursor_open(t, IX_ATTENDANCE, &meeting, &c,
	    cause)) != 0)
		return rc;
	at = xmalloc(sizeof *at);
	while (store_cursor_move(c, STORE_NEXT) == 0) {
		if ((rc = store_cursor_get_some(c, at, l->fields, cause)) != 0)
			break;
		l->in = xgrow(l->in, &l->cap, l->n + 1, sizeof *l->in);
		e = &l->in[l->n++];
		e->a.officer = at->officer;
		e->a.agency = at->agency;
		e->a.role = at->role;
		e->a.status = at->status;
		e->a.proxy = export_keep_str(&l->texts, at->proxy);
		e->a.note = export_keep_str(&l->texts, at->note);
		e->title = "";
		if (at->officer & ATTEND_EXTERNAL) {
			e->rank = EXPORT_LAST;
			e->code = "";
			e->agency = export_keep_str(&l->texts,
			    at->organisation);
			e->name = export_keep_str(&l->texts, at->name);
		} else {
			export_invitee_agency(tr, at->agency, e, &l->texts);
			p = export_officer(t, tr, at->officer);
			e->name = p->name;
			e->title = p->title;
		}
	}
	store_cursor_close(c);
	free(at);
	if (rc != 0)
		return rc;
	/*
	 * By rank first, counting (the tree's agencies, then those gone,
	 * then externals and no agency), then each agency's few by name:
	 * half the comparisons of sorting them all at once.
	 */
	nb = (size_t)tr->next + 2;
	l->keys = xgrow(l->keys, &l->capkeys, l->n + 1, sizeof *l->keys);
	l->tmp = xgrow(l->tmp, &l->captmp, l->n / 2 + 1, sizeof *l->tmp);
	l->v = xgrow(l->v, &l->capv, l->n + 1, sizeof *l->v);
	l->at = xgrow(l->at, &l->capat, nb + 1, sizeof *l->at);
	memset(l->at, 0, (nb + 1) * sizeof *l->at);
	for (i = 0; i < l->n; i++)
		l->at[export_bucket(tr, l->in[i].rank) + 1]++;
	for (b = 1; b <= nb; b++)
		l->at[b] += l->at[b - 1];
	for (i = 0; i < l->n; i++) {
		e = &l->in[i];
		k = &l->keys[l->at[export_bucket(tr, e->rank)]++];
		k->name8 = export_prefix8(e->name);
		k->rank = e->rank;
		k->shared = e->rank >= tr->next;
		k->e = e;
	}
	/* at[b] is now where bucket b ends. */
	for (b = 0, i = 0; b < nb; i = l->at[b++])
		if (l->at[b] - i > 1)
			export_keys_sort(l->keys + i, l->tmp, l->at[b] - i);
	for (i = 0; i < l->n; i++)
		l->v[i] = *l->keys[i].e;
	return 0;
}

/* Called per meeting of a date range, in date order. */
typedef int (*export_meeting_fn)(struct store_txn *t, const struct meeting *m,
    void *arg, char **cause);

/*
 * Walk the meetings dated from first up to (not including) end, both
 * YYYY-MM-DD, as one range of the date index; end NULL: to the last.
 */
static int
export_meetings_between(struct store_txn *t, const char *first,
    const char *end, export_meeting_fn fn, void *arg, char **cause)
{
	struct store_cursor *c;
	struct meeting *m = xmalloc(sizeof *m);
	int rc, at;

	if ((rc = store_cursor_open(t, IX_MEETING_DATE, NULL, &c,
	    cause)) != 0) {
		free(m);
		return rc;
	}
	at = first != NULL ? store_cursor_seek_text(c, first) :
	    store_cursor_move(c, STORE_FIRST);
	for (; at == 0; at = store_cursor_move(c, STORE_NEXT)) {
		if ((rc = store_cursor_get(c, m, cause)) != 0)
			break;
		if (end != NULL && strcmp(m->date, end) >= 0)
			break;
		if ((rc = fn(t, m, arg, cause)) != 0)
			break;
	}
	store_cursor_close(c);
	free(m);
	return rc;
}

/* The first day of month (YYYY-MM) and of the month after it. */
static void
export_month_bounds(const char *month, char first[OGPO_DATE_MAX + 1],
    char end[OGPO_DATE_MAX + 1])
{
	snprintf(first, OGPO_DATE_MAX + 1, "%.7s-01", month);
	date_add_months(first, 1, end);
}

/* A month as the functions take it; the sentence says how to write one. */
static int
export_month_check(const char *month, char **cause)
{
	char m[EXPORT_MONTH_MAX + 1];

	if (month == NULL || export_month_parse(month, m) != 0)
		return err_set(cause, OGPO_INVALID, "'%s' is not a month: "
		    "write the month as 2024-05", month ? month : "");
	return 0;
}

static const char *
export_label(const struct enum_names *e, uint32_t v)
{
	if (v < e->min || v > e->max)
		return "?";
	return e->zh[v];
}

/* A label where the enum's "none" value shows as an empty cell. */
static const char *
export_label_or_empty(const struct enum_names *e, uint32_t v)
{
	return v == 0 ? "" : export_label(e, v);
}

/* --- attendance ------------------------------------------------------ */

struct export_ctx {
	struct export_tree	*tr;
	struct table_writer	*w;
	size_t			*rows;
	struct export_list	 list;
};

static int
export_attendance_meeting(struct store_txn *t, const struct meeting *m,
    void *arg, char **cause)
{
	struct export_ctx *x = arg;
	const struct export_invitee *v;
	const char *kind = export_label(&model_meeting_kinds, m->kind);
	size_t i;
	int rc;

	if ((rc = export_invitees(t, x->tr, m->h.id, &x->list, cause)) != 0)
		return rc;
	for (i = 0; i < x->list.n && rc == 0; i++) {
		v = &x->list.v[i];
		const char *cells[] = { m->date, kind, m->title, v->code,
			v->agency, v->name, v->a.officer & ATTEND_EXTERNAL ?
			EXPORT_EXTERNAL :
			export_label(&model_roles, v->a.role),
			export_label(&model_attend_statuses, v->a.status),
			v->a.proxy, v->a.note };

		rc = export_row(x->w, cells, 10, x->rows, cause);
	}
	return rc;
}

int
export_attendance(struct store_txn *t, const char *month,
    struct table_writer *w, size_t *rows, char **cause)
{
	static const struct table_column head[] = { D("日期"), T("會議類別"),
		T("會議名稱"), T("機關代碼"), T("機關"), T("姓名"), T("角色"),
		T("出席情形"), T("代理人"), T("備註") };
	struct export_tree tr;
	struct export_ctx x;
	char first[OGPO_DATE_MAX + 1], end[OGPO_DATE_MAX + 1];
	int rc;

	*rows = 0;
	if ((rc = export_month_check(month, cause)) != 0)
		return rc;
	export_month_bounds(month, first, end);
	memset(&x, 0, sizeof x);
	x.tr = &tr;
	x.w = w;
	x.rows = rows;
	if ((rc = export_tree_load(t, &tr, cause)) == 0 &&
	    (rc = export_head(w, head, 10, cause)) == 0)
		rc = export_meetings_between(t, first, end,
		    export_attendance_meeting, &x, cause);
	export_list_free(&x.list);
	export_tree_free(&tr);
	return rc;
}

/* --- summary --------------------------------------------------------- */

struct export_tally {
	uint32_t agency, rank;
	size_t	 invited, present, excused, absent;
};

struct export_tallies {
	const struct export_tree *tr;
	struct export_tally	*v;
	size_t			 n, cap;
};

static struct export_tally *
export_tally_of(struct export_tallies *s, uint32_t agency, uint32_t rank)
{
	struct export_tally *v;
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->v[i].agency == agency)
			return &s->v[i];
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 32;
		v = xcalloc(s->cap, sizeof *v);
		if (s->n > 0)
			memcpy(v, s->v, s->n * sizeof *v);
		free(s->v);
		s->v = v;
	}
	v = &s->v[s->n++];
	memset(v, 0, sizeof *v);
	v->agency = agency;
	v->rank = rank;
	return v;
}

/* Count a status; invited without an answer counts only as invited. */
static void
export_tally_add(struct export_tally *y, uint32_t status)
{
	y->invited++;
	y->present += status == ATTEND_PRESENT || status == ATTEND_ONLINE ||
	    status == ATTEND_PROXY;
	y->excused += status == ATTEND_EXCUSED;
	y->absent += status == ATTEND_ABSENT;
}

static int
export_summary_meeting(struct store_txn *t, const struct meeting *m,
    void *arg, char **cause)
{
	struct export_tallies *s = arg;
	struct store_cursor *c;
	struct attendance *a;
	struct export_agency *e;
	int rc;

	if (m->status == MEETING_CANCELLED)
		return 0;
	if ((rc = store_cursor_open(t, IX_ATTENDANCE, &m->h.id, &c,
	    cause)) != 0)
		return rc;
	a = xmalloc(sizeof *a);
	while (store_cursor_move(c, STORE_NEXT) == 0) {
		if ((rc = store_cursor_get(c, a, cause)) != 0)
			break;
		if (a->officer & ATTEND_EXTERNAL)
			continue;
		e = export_tree_find(s->tr, a->agency);
		export_tally_add(export_tally_of(s, a->agency, e != NULL ?
		    e->rank : s->tr->next), a->status);
	}
	free(a);
	store_cursor_close(c);
	return rc;
}

static int
export_tally_cmp(const void *a, const void *b)
{
	const struct export_tally *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return (x->agency > y->agency) - (x->agency < y->agency);
}

/* One summary row: figures and the rate with one decimal, rounded. */
static int
export_tally_row(struct table_writer *w, const char *code, const char *name,
    const struct export_tally *y, size_t *rows, char **cause)
{
	char n[4][24], rate[32];
	size_t permille;

	snprintf(n[0], sizeof n[0], "%zu", y->invited);
	snprintf(n[1], sizeof n[1], "%zu", y->present);
	snprintf(n[2], sizeof n[2], "%zu", y->excused);
	snprintf(n[3], sizeof n[3], "%zu", y->absent);
	rate[0] = '\0';
	if (y->invited > 0) {
		permille = (y->present * 1000 + y->invited / 2) / y->invited;
		snprintf(rate, sizeof rate, "%zu.%zu%%", permille / 10,
		    permille % 10);
	}
	const char *cells[] = { code, name, n[0], n[1], n[2], n[3], rate };
	return export_row(w, cells, 7, rows, cause);
}

int
export_summary(struct store_txn *t, const char *month, struct table_writer *w,
    size_t *rows, char **cause)
{
	static const struct table_column head[] = { T("機關代碼"), T("機關"),
		C("受邀"), C("出席"), C("請假"), C("缺席"), R("出席率") };
	struct export_tree tr;
	struct export_tallies s;
	struct export_tally total;
	char first[OGPO_DATE_MAX + 1], end[OGPO_DATE_MAX + 1];
	char code[OGPO_CODE_MAX + 1], name[OGPO_NAME_MAX + 1];
	size_t i;
	int rc;

	*rows = 0;
	if ((rc = export_month_check(month, cause)) != 0)
		return rc;
	export_month_bounds(month, first, end);
	memset(&s, 0, sizeof s);
	memset(&total, 0, sizeof total);
	s.tr = &tr;
	if ((rc = export_tree_load(t, &tr, cause)) == 0 &&
	    (rc = export_head(w, head, 7, cause)) == 0)
		rc = export_meetings_between(t, first, end,
		    export_summary_meeting, &s, cause);
	if (rc == 0 && s.n > 0)
		qsort(s.v, s.n, sizeof *s.v, export_tally_cmp);
	for (i = 0; i < s.n && rc == 0; i++) {
		export_agency_cells(&tr, s.v[i].agency, code, sizeof code,
		    name, sizeof name);
		total.invited += s.v[i].invited;
		total.present += s.v[i].present;
		total.excused += s.v[i].excused;
		total.absent += s.v[i].absent;
		rc = export_tally_row(w, code, name, &s.v[i], rows, cause);
	}
	if (rc == 0)
		rc = export_tally_row(w, "", EXPORT_TOTAL, &total, rows, cause);
	free(s.v);
	export_tree_free(&tr);
	return rc;
}

/* --- matrix ---------------------------------------------------------- */

/* One non-empty cell: an officer (for an agency) at a meeting. */
struct export_cell {
	uint32_t rank, agency, officer, status;
	size_t	 col;			/* the meeting's column */
	char	 code[OGPO_CODE_MAX + 1];
	char	 agname[OGPO_NAME_MAX + 1];
	char	 name[OGPO_NAME_MAX + 1];
};

struct export_matrix {
	struct export_tree	*tr;
	struct export_list	 list;
	char			**heads;	/* "YYYY-MM-DD kind" */
	size_t			 nmeetings, capm;
	struct export_cell	*cells;
	size_t			 ncells, capc;
};

static int
export_matrix_meeting(struct store_txn *t, const struct meeting *m,
    void *arg, char **cause)
{
	struct export_matrix *x = arg;
	const struct export_invitee *v;
	struct export_cell *c;
	char **h, day[32];
	size_t i;
	int rc;

	if (m->status == MEETING_CANCELLED)
		return 0;
	if ((rc = export_invitees(t, x->tr, m->h.id, &x->list, cause)) != 0)
		return rc;
	if (x->nmeetings == x->capm) {
		x->capm = x->capm ? x->capm * 2 : 16;
		h = xcalloc(x->capm, sizeof *h);
		if (x->nmeetings > 0)
			memcpy(h, x->heads, x->nmeetings * sizeof *h);
		free(x->heads);
		x->heads = h;
	}
	/* A heading is text: its day in the reader's date style. */
	x->heads[x->nmeetings] = xasprintf("%s %s", date_show(m->date, day,
	    sizeof day), export_label(&model_meeting_kinds, m->kind));
	for (i = 0; i < x->list.n; i++) {
		v = &x->list.v[i];
		if (v->a.officer & ATTEND_EXTERNAL)
			continue;
		if (x->ncells == x->capc) {
			x->capc = x->capc ? x->capc * 2 : 64;
			c = xcalloc(x->capc, sizeof *c);
			if (x->ncells > 0)
				memcpy(c, x->cells, x->ncells * sizeof *c);
			free(x->cells);
			x->cells = c;
		}
		c = &x->cells[x->ncells++];
		c->rank = v->rank;
		c->agency = v->a.agency;
		c->officer = v->a.officer;
		c->status = v->a.status;
		c->col = x->nmeetings;
		str_copy(c->code, v->code, sizeof c->code);
		str_copy(c->agname, v->agency, sizeof c->agname);
		str_copy(c->name, v->name, sizeof c->name);
	}
	x->nmeetings++;
	return 0;
}

static int
export_cell_cmp(const void *a, const void *b)
{
	const struct export_cell *x = a, *y = b;
	int d;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->agency != y->agency)
		return x->agency < y->agency ? -1 : 1;
	if ((d = strcmp(x->name, y->name)) != 0)
		return d;
	if (x->officer != y->officer)
		return x->officer < y->officer ? -1 : 1;
	return (x->col > y->col) - (x->col < y->col);
}

int
export_matrix(struct store_txn *t, const char *from, const char *to,
    struct table_writer *w, size_t *rows, char **cause)
{
	struct export_tree tr;
	struct export_matrix x;
	char first[OGPO_DATE_MAX + 1], end[OGPO_DATE_MAX + 1];
	char last[OGPO_DATE_MAX + 1];
	const char **line = NULL;
	struct table_column *cols = NULL;
	size_t i, j, k;
	int rc;

	*rows = 0;
	if ((rc = export_month_check(from, cause)) != 0 ||
	    (rc = export_month_check(to, cause)) != 0)
		return rc;
	if (strncmp(from, to, EXPORT_MONTH_MAX) > 0)
		return err_set(cause, OGPO_INVALID, "the range %s to %s ends "
		    "before it starts", from, to);
	export_month_bounds(from, first, last);
	export_month_bounds(to, last, end);
	memset(&x, 0, sizeof x);
	x.tr = &tr;
	if ((rc = export_tree_load(t, &tr, cause)) == 0)
		rc = export_meetings_between(t, first, end,
		    export_matrix_meeting, &x, cause);
	if (rc != 0)
		goto done;
	line = xcalloc(x.nmeetings + 3, sizeof *line);
	cols = xcalloc(x.nmeetings + 3, sizeof *cols);
	cols[0].name = "機關代碼";
	cols[1].name = "機關";
	cols[2].name = "姓名";
	for (j = 0; j < x.nmeetings; j++)
		cols[3 + j].name = x.heads[j];
	if ((rc = export_head(w, cols, x.nmeetings + 3, cause)) != 0)
		goto done;
	if (x.ncells > 0)
		qsort(x.cells, x.ncells, sizeof *x.cells, export_cell_cmp);
	for (i = 0; i < x.ncells && rc == 0; i = k) {
		line[0] = x.cells[i].code;
		line[1] = x.cells[i].agname;
		line[2] = x.cells[i].name;
		for (j = 0; j < x.nmeetings; j++)
			line[3 + j] = "";
		for (k = i; k < x.ncells && x.cells[k].officer ==
		    x.cells[i].officer && x.cells[k].agency ==
		    x.cells[i].agency; k++)
			line[3 + x.cells[k].col] = export_label(
			    &model_attend_statuses, x.cells[k].status);
		rc = export_row(w, line, x.nmeetings + 3, rows, cause);
	}
done:
	free(line);
	free(cols);
	for (j = 0; j < x.nmeetings; j++)
		free(x.heads[j]);
	free(x.heads);
	free(x.cells);
	export_list_free(&x.list);
	export_tree_free(&tr);
	return rc;
}

/* --- sign-in sheet --------------------------------------------------- */

/* Rows left blank for proxies and walk-ins: a few, more for a crowd. */
static size_t
export_signin_spare(size_t invitees)
{
	size_t n = 5 + invitees / 10;

	return n > 20 ? 20 : n;
}

/*
 * The meeting's date and time as the sheet heads it: 民國113年5月8日（三）
 * 14:00 where the user's date style is ROC, 2024-05-08（三）14:00
 * otherwise.
 */
static void
export_signin_when(const struct meeting *m, int roc, char *buf, size_t n)
{
	static const char *const days[] = { "日", "一", "二", "三", "四", "五",
		"六" };
	int64_t t = date_midnight(m->date);
	struct tm tm;
	time_t tt = (time_t)t;
	size_t used;
	int y;

	if (!date_valid(m->date)) {
		snprintf(buf, n, "%s", m->date);
		return;
	}
	y = atoi(m->date);
	if (roc && y > 1911)
		used = (size_t)snprintf(buf, n, "民國%d年%d月%d日", y - 1911,
		    atoi(m->date + 5), atoi(m->date + 8));
	else
		used = (size_t)snprintf(buf, n, "%s", m->date);
	if (used < n && t != 0 && localtime_r(&tt, &tm) != NULL &&
	    tm.tm_wday >= 0 && tm.tm_wday < 7)
		used += (size_t)snprintf(buf + used, n - used, "（%s）",
		    days[tm.tm_wday]);
	if (used < n && m->time[0] != '\0')
		snprintf(buf + used, n - used, " %s", m->time);
}

int
export_signin(struct store_txn *t, uint32_t meeting, int roc,
    struct table_writer *w, size_t *rows, char **cause)
{
	static const struct table_column head[] = {
		{ "機關", TABLE_TEXT, 18 }, { "姓名", TABLE_TEXT, 10 },
		{ "職稱", TABLE_TEXT, 12 }, { "簽名", TABLE_SIGN, 18 },
	};
	static const char *const blank[] = { "", "", "", "" };
	struct export_tree tr;
	struct export_list l;
	struct meeting *m = xmalloc(sizeof *m);
	char line[OGPO_TEXT_MAX + 64], when[96];
	size_t i;
	int rc;

	*rows = 0;
	memset(&tr, 0, sizeof tr);
	memset(&l, 0, sizeof l);
	if ((rc = store_meeting_get(t, meeting, m, cause)) != 0) {
		if (rc == OGPO_NOTFOUND)
			err_set(cause, rc, "there is no meeting #%u", meeting);
		goto done;
	}
	if ((rc = export_tree_load(t, &tr, cause)) != 0 ||
	    (rc = export_invitees(t, &tr, meeting, &l, cause)) != 0)
		goto done;
	snprintf(line, sizeof line, "%s　簽到表", m->title);
	table_writer_title(w, line, NULL);
	snprintf(line, sizeof line, "會議類別：%s",
	    export_label(&model_meeting_kinds, m->kind));
	table_writer_title(w, line, NULL);
	export_signin_when(m, roc, when, sizeof when);
	snprintf(line, sizeof line, "時間：%s", when);
	table_writer_title(w, line, NULL);
	snprintf(line, sizeof line, "地點：%s", m->place);
	table_writer_title(w, line, NULL);
	snprintf(line, sizeof line, "主席：%s", m->chair);
	table_writer_title(w, line, NULL);
	if ((rc = export_head(w, head, 4, cause)) != 0)
		goto done;
	for (i = 0; i < l.n && rc == 0; i++) {
		const char *cells[] = { l.v[i].agency, l.v[i].name,
			l.v[i].title, "" };

		rc = export_row(w, cells, 4, rows, cause);
	}
	for (i = 0; i < export_signin_spare(l.n) && rc == 0; i++)
		rc = export_row(w, blank, 4, NULL, cause);
done:
	export_list_free(&l);
	free(m);
	export_tree_free(&tr);
	return rc;
}

/* --- officers and agencies, as the importer reads them --------------- */

/*
 * An officer as the export writes it: the enums, and the texts packed one
 * after another in an arena (a record's few hundred bytes, not the
 * struct's 2.4 KB), so that officers are read and decoded once, sorted,
 * and written from memory.
 */
struct export_packed {
	uint32_t id, agency, role, supervisor, function, civil_servant;
	size_t	 off;		/* name, title, email, phone, ext, start,
				   end, note: each NUL-terminated */
	uint16_t len[8];	/* of each */
};

struct export_arena {
	char	*p;
	size_t	 len, cap;
};

/* What officers sort by: agency order, name (its first bytes as one
 * number first), id; i is the entry's place. */
struct export_okey {
	uint64_t	 name8;
	const char	*name;
	uint32_t	 rank, id;
	size_t		 i;
};

/* Append s to the arena; returns its length. */
static uint16_t
export_arena_put(struct export_arena *a, const char *s)
{
	size_t n = strlen(s) + 1;

	if (a->len + n > a->cap) {
		a->cap = (a->len + n) * 2 + 4096;
		a->p = xreallocarray(a->p, a->cap, 1);
	}
	memcpy(a->p + a->len, s, n);
	a->len += n;
	return (uint16_t)(n - 1);
}

static int
export_okey_cmp(const void *a, const void *b)
{
	const struct export_okey *x = a, *y = b;
	int d;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->name8 != y->name8)
		return x->name8 < y->name8 ? -1 : 1;
	if ((d = strcmp(x->name, y->name)) != 0)
		return d;
	return (x->id > y->id) - (x->id < y->id);
}

static int
export_officer_row(const struct export_tree *tr, const struct export_packed *o,
    const char *text, struct table_writer *w, size_t *rows, char **cause)
{
	char code[OGPO_CODE_MAX + 1], agency[OGPO_NAME_MAX + 1];
	const char *f[8];
	size_t i;

	f[0] = text;
	for (i = 1; i < 8; i++)
		f[i] = f[i - 1] + o->len[i - 1] + 1;
	export_agency_cells(tr, o->agency, code, sizeof code, agency,
	    sizeof agency);
	const char *cells[] = { f[0], code, agency, f[1],
		export_label(&model_roles, o->role),
		export_label_or_empty(&model_supervisor_kinds, o->supervisor),
		export_label_or_empty(&model_functions, o->function), f[2],
		f[3], f[4], o->civil_servant ? EXPORT_YES : EXPORT_NO,
		f[5], f[6], f[7] };
	return export_row(w, cells, 14, rows, cause);
}

/* Pack officer o into v, its texts into a. */
static void
export_pack(const struct officer *o, struct export_packed *v,
    struct export_arena *a)
{
	v->id = o->h.id;
	v->agency = o->agency;
	v->role = o->role;
	v->supervisor = o->supervisor;
	v->function = o->function;
	v->civil_servant = o->civil_servant;
	v->off = a->len;
	v->len[0] = export_arena_put(a, o->name);
	v->len[1] = export_arena_put(a, o->title);
	v->len[2] = export_arena_put(a, o->email);
	v->len[3] = export_arena_put(a, o->phone);
	v->len[4] = export_arena_put(a, o->ext);
	v->len[5] = export_arena_put(a, o->start_date);
	v->len[6] = export_arena_put(a, o->end_date);
	v->len[7] = export_arena_put(a, o->note);
}

/*
 * A pass reads at most so many officers into memory (more only when one
 * agency has more): it walks the officers' records in key order, where a
 * record looked up by id, agency by agency, was a search of the whole
 * tree and a page somewhere else each time (half of the export's time at
 * 1,000,000 officers).
 */
size_t export_officers_at_once = 256 * 1024;

/* What a pass holds, kept from one pass to the next. */
struct export_opass {
	struct export_arena	 a;
	struct export_packed	*v;
	struct export_okey	*keys;
	size_t			 cap, capkeys;
};

/*
 * Officers with pass[id] == p (n of them), read in one walk of the
 * records, packed, sorted by agency order and name, and written.
 */
static int
export_officers_pass(struct store_txn *t, const struct export_tree *tr,
    const uint16_t *pass, uint32_t maxid, uint16_t p, size_t n,
    struct export_opass *x, struct table_writer *w, size_t *rows,
    char **cause)
{
	struct export_agency *g;
	struct store_cursor *c;
	struct officer *o;
	uint64_t all = UINT64_MAX >> (64 - schema_officer.nfields);
	uint32_t id;
	size_t k = 0, i;
	int rc;

	if ((rc = store_cursor_open(t, IX_OFFICER, NULL, &c, cause)) != 0)
		return rc;
	x->v = xgrow(x->v, &x->cap, n + 1, sizeof *x->v);
	x->keys = xgrow(x->keys, &x->capkeys, n + 1, sizeof *x->keys);
	x->a.len = 0;
	o = xcalloc(1, sizeof *o);
	while (k < n && store_cursor_move(c, STORE_NEXT) == 0) {
		id = store_cursor_id(c);
		if (id > maxid || pass[id] != p)
			continue;
		/* Every field, each cleared first: not the whole struct. */
		if ((rc = store_cursor_get_some(c, o, all, cause)) != 0)
			break;
		export_pack(o, &x->v[k], &x->a);
		g = export_tree_find(tr, o->agency);
		x->keys[k].rank = g != NULL ? g->rank : EXPORT_LAST;
		x->keys[k].id = id;
		x->keys[k].i = k;
		k++;
	}
	store_cursor_close(c);
	free(o);
	if (rc == 0) {
		/* The arena has stopped moving: the names are where they
		 * stay. */
		for (i = 0; i < k; i++) {
			x->keys[i].name = x->a.p + x->v[i].off;
			x->keys[i].name8 = export_prefix8(x->keys[i].name);
		}
		qsort(x->keys, k, sizeof *x->keys, export_okey_cmp);
	}
	for (i = 0; i < k && rc == 0; i++)
		rc = export_officer_row(tr, &x->v[x->keys[i].i],
		    x->keys[i].name, w, rows, cause);
	return rc;
}

int
export_officers(struct store_txn *t, struct table_writer *w, size_t *rows,
    char **cause)
{
	static const struct table_column head[] = { T("姓名"), T("機關代碼"),
		T("機關"), T("職稱"), T("角色"), T("督導類別"), T("職能"),
		T("電子郵件"), T("電話"), T("分機"), T("是否為公務人員"),
		D("到任日期"), D("卸任日期"), T("備註") };
	struct export_tree tr;
	struct export_agency **order = NULL;
	struct store_cursor *c;
	struct officer *o;
	struct export_opass x;
	uint16_t *pass = NULL, p = 0;
	uint32_t *ids, maxid = 0;
	size_t i, j, n, inpass = 0, *passes = NULL, cap = 0;
	int rc;

	*rows = 0;
	memset(&x, 0, sizeof x);
	if ((rc = export_tree_load(t, &tr, cause)) != 0 ||
	    (rc = export_head(w, head, 14, cause)) != 0)
		goto done;
	/*
	 * Each officer's pass, agencies in their order, so that a pass
	 * holds whole agencies, one after another, and the passes write
	 * them in turn.
	 */
	if ((rc = store_cursor_open(t, IX_OFFICER, NULL, &c, cause)) != 0)
		goto done;
	if (store_cursor_move(c, STORE_LAST) == 0)
		maxid = store_cursor_id(c);
	store_cursor_close(c);
	pass = xcalloc((size_t)maxid + 1, sizeof *pass);
	order = export_tree_ordered(&tr);
	for (i = 0; i < tr.n; i++) {
		if ((n = store_group_ids(t, IX_OFFICER_AGENCY,
		    order[i]->a.h.id, &ids)) == 0)
			continue;
		if ((p == 0 || inpass + n > export_officers_at_once) &&
		    p < UINT16_MAX - 1) {
			passes = xgrow(passes, &cap, (size_t)p + 2,
			    sizeof *passes);
			passes[p++] = inpass;	/* the pass just filled */
			inpass = 0;
		}
		for (j = 0; j < n; j++)
			if (ids[j] <= maxid && pass[ids[j]] == 0) {
				pass[ids[j]] = p;
				inpass++;
			}
		free(ids);
	}
	if (p > 0)
		passes[p] = inpass;
	for (i = 1; i <= p && rc == 0; i++)
		rc = export_officers_pass(t, &tr, pass, maxid, (uint16_t)i,
		    passes[i], &x, w, rows, cause);
	free(x.a.p);
	free(x.v);
	free(x.keys);
	/* Officers of no agency on record (damaged data) still go out. */
	if (rc != 0 || *rows >= store_count(t, IX_OFFICER, NULL))
		goto done;
	if ((rc = store_cursor_open(t, IX_OFFICER, NULL, &c, cause)) != 0)
		goto done;
	o = xmalloc(sizeof *o);
	while (rc == 0 && store_cursor_move(c, STORE_NEXT) == 0)
		if ((rc = store_cursor_get(c, o, cause)) == 0 &&
		    export_tree_find(&tr, o->agency) == NULL) {
			struct export_arena a = { NULL, 0, 0 };
			struct export_packed q;

			export_pack(o, &q, &a);
			rc = export_officer_row(&tr, &q, a.p, w, rows, cause);
			free(a.p);
		}
	free(o);
	store_cursor_close(c);
done:
	free(passes);
	free(pass);
	free(order);
	export_tree_free(&tr);
	return rc;
}

/*
 * One agency's own officers: few enough to look up one by one through
 * the agency index, and sorted by name in memory.
 */
int
export_officers_of(struct store_txn *t, uint32_t agency,
    struct table_writer *w, size_t *rows, char **cause)
{
	static const struct table_column head[] = { T("姓名"), T("機關代碼"),
		T("機關"), T("職稱"), T("角色"), T("督導類別"), T("職能"),
		T("電子郵件"), T("電話"), T("分機"), T("是否為公務人員"),
		D("到任日期"), D("卸任日期"), T("備註") };
	struct export_tree tr;
	struct export_opass x;
	struct officer *o = NULL;
	uint32_t *ids = NULL;
	size_t i, k = 0, n;
	int rc;

	*rows = 0;
	memset(&x, 0, sizeof x);
	if ((rc = export_tree_load(t, &tr, cause)) != 0 ||
	    (rc = export_head(w, head, 14, cause)) != 0)
		goto done;
	if ((n = store_group_ids(t, IX_OFFICER_AGENCY, agency, &ids)) == 0)
		goto done;
	x.v = xgrow(x.v, &x.cap, n, sizeof *x.v);
	x.keys = xgrow(x.keys, &x.capkeys, n, sizeof *x.keys);
	o = xmalloc(sizeof *o);
	for (i = 0; i < n; i++) {
		if ((rc = store_officer_get(t, ids[i], o, cause)) != 0)
			goto done;
		export_pack(o, &x.v[k], &x.a);
		x.keys[k].rank = 0;
		x.keys[k].id = ids[i];
		x.keys[k].i = k;
		k++;
	}
	for (i = 0; i < k; i++) {
		x.keys[i].name = x.a.p + x.v[i].off;
		x.keys[i].name8 = export_prefix8(x.keys[i].name);
	}
	qsort(x.keys, k, sizeof *x.keys, export_okey_cmp);
	for (i = 0; i < k && rc == 0; i++)
		rc = export_officer_row(&tr, &x.v[x.keys[i].i],
		    x.keys[i].name, w, rows, cause);
done:
	free(o);
	free(ids);
	free(x.a.p);
	free(x.v);
	free(x.keys);
	export_tree_free(&tr);
	return rc;
}

int
export_agencies(struct store_txn *t, struct table_writer *w, size_t *rows,
    char **cause)
{
	static const struct table_column head[] = { T("機關代碼"),
		T("機關名稱"), T("上級機關代碼"), T("層級"), T("備註") };
	struct export_tree tr;
	struct export_agency **order = NULL, *p;
	size_t i;
	int rc;

	*rows = 0;
	if ((rc = export_tree_load(t, &tr, cause)) != 0 ||
	    (rc = export_head(w, head, 5, cause)) != 0)
		goto done;
	order = export_tree_ordered(&tr);
	for (i = 0; i < tr.n && rc == 0; i++) {
		const struct agency *a = &order[i]->a;

		p = export_tree_find(&tr, a->parent);
		const char *cells[] = { a->code, a->name, p ? p->a.code : "",
			export_label(&model_levels, a->level), a->note };
		rc = export_row(w, cells, 5, rows, cause);
	}
done:
	free(order);
	export_tree_free(&tr);
	return rc;
}

/* --- meetings and issues, for people --------------------------------- */

static int
export_meetings_one(struct store_txn *t, const struct meeting *m, void *arg,
    char **cause)
{
	struct export_ctx *x = arg;
	struct issue *is = NULL;
	char id[16], code[OGPO_CODE_MAX + 1], agency[OGPO_NAME_MAX + 1];
	char invited[24], present[24], when[32];
	const char *issue = "";
	size_t np, ni;
	int rc;

	snprintf(id, sizeof id, "%u", m->h.id);
	export_agency_cells(x->tr, m->agency, code, sizeof code, agency,
	    sizeof agency);
	if (m->issue != 0) {
		is = xmalloc(sizeof *is);
		issue = store_issue_get(t, m->issue, is, NULL) == 0 ?
		    is->title : "?";
	}
	core_meeting_counts(t, m->h.id, &np, &ni);
	snprintf(invited, sizeof invited, "%zu", ni);
	snprintf(present, sizeof present, "%zu", np);
	time_format(m->h.updated_at, when, sizeof when);
	const char *cells[] = { id, m->date, m->time,
		export_label(&model_meeting_kinds, m->kind), m->title,
		export_label(&model_meeting_statuses, m->status), m->place,
		m->chair, code, agency, issue, invited, present,
		m->minutes_url, m->video_url, m->audio_url, m->note, when,
		m->h.updated_by };
	rc = export_row(x->w, cells, 19, x->rows, cause);
	free(is);
	return rc;
}

int
export_meetings(struct store_txn *t, struct table_writer *w, size_t *rows,
    char **cause)
{
	static const struct table_column head[] = { C("編號"), D("日期"),
		T("時間"), T("會議類別"), T("會議名稱"), T("狀態"), T("地點"),
		T("主席"), T("召集機關代碼"), T("召集機關"), T("議題"),
		C("受邀人數"), C("出席人數"), T("會議紀錄"), T("錄影"),
		T("錄音"), T("備註"), T("更新時間"), T("更新者") };
	struct export_tree tr;
	struct export_ctx x;
	int rc;

	*rows = 0;
	memset(&x, 0, sizeof x);
	x.tr = &tr;
	x.w = w;
	x.rows = rows;
	if ((rc = export_tree_load(t, &tr, cause)) == 0 &&
	    (rc = export_head(w, head, 19, cause)) == 0)
		rc = export_meetings_between(t, NULL, NULL,
		    export_meetings_one, &x, cause);
	export_tree_free(&tr);
	return rc;
}

/* Point 6's triggers in Chinese, joined with 、. */
static void
export_triggers(uint32_t triggers, char *buf, size_t n)
{
	static const struct {
		uint32_t	 bit;
		const char	*zh;
	} t[] = {
		{ TRIGGER_STAKEHOLDERS, "利害關係複雜" },
		{ TRIGGER_DIVIDED, "意見分歧" },
		{ TRIGGER_HEATED, "民眾參與熱烈" },
	};
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		if ((triggers & t[i].bit) && used < n)
			used += (size_t)snprintf(buf + used, n - used, "%s%s",
			    used ? "、" : "", t[i].zh);
}

static int
export_issue_row(struct store_txn *t, const struct export_tree *tr,
    const struct issue *is, struct table_writer *w, size_t *rows,
    char **cause)
{
	struct export_agency *e;
	struct officer *o = xmalloc(sizeof *o);
	char id[16], code[OGPO_CODE_MAX + 1], lead[OGPO_NAME_MAX + 1];
	char codes[OGPO_COLLAB_MAX * (OGPO_CODE_MAX + 1) + 1];
	char names[OGPO_COLLAB_MAX * (OGPO_NAME_MAX + 3) + 1];
	char triggers[128], when[32];
	const char *po = "";
	size_t i, uc = 0, un = 0;
	int rc;

	snprintf(id, sizeof id, "%u", is->h.id);
	export_agency_cells(tr, is->lead, code, sizeof code, lead,
	    sizeof lead);
	codes[0] = names[0] = '\0';
	for (i = 0; i < is->ncollab && i < OGPO_COLLAB_MAX; i++) {
		e = export_tree_find(tr, is->collab[i]);
		uc += (size_t)snprintf(codes + uc, sizeof codes - uc, "%s%s",
		    i ? "," : "", e ? e->a.code : "?");
		un += (size_t)snprintf(names + un, sizeof names - un, "%s%s",
		    i ? "、" : "", e ? e->a.name : "?");
		if (uc >= sizeof codes || un >= sizeof names)
			break;	/* cannot happen: the buffers hold the most */
	}
	if (is->po != 0 && store_officer_get(t, is->po, o, NULL) == 0)
		po = o->name;
	export_triggers(is->triggers, triggers, sizeof triggers);
	time_format(is->h.updated_at, when, sizeof when);
	const char *cells[] = { id, is->title,
		export_label(&model_issue_statuses, is->status),
		export_label_or_empty(&model_issue_stages, is->policy_stage), code,
		lead, codes, names, po, triggers, is->description,
		is->transparency, is->participation, is->accountability,
		is->inclusiveness, is->links, is->note, when,
		is->h.updated_by };
	rc = export_row(w, cells, 19, rows, cause);
	free(o);
	return rc;
}

int
export_issues(struct store_txn *t, struct table_writer *w, size_t *rows,
    char **cause)
{
	static const struct table_column head[] = { C("編號"), T("議題名稱"),
		T("狀態"), T("階段"), T("主責機關代碼"), T("主責機關"),
		T("協作機關代碼"), T("協作機關"), T("負責聯絡人"), T("觸發條件"),
		T("說明"), T("透明"), T("參與"), T("課責"), T("涵容"), T("連結"),
		T("備註"), T("更新時間"), T("更新者") };
	struct export_tree tr;
	struct store_cursor *c;
	struct issue *is = xmalloc(sizeof *is);
	int rc;

	*rows = 0;
	if ((rc = export_tree_load(t, &tr, cause)) != 0 ||
	    (rc = export_head(w, head, 19, cause)) != 0 ||
	    (rc = store_cursor_open(t, IX_ISSUE, NULL, &c, cause)) != 0)
		goto done;
	while (rc == 0 && store_cursor_move(c, STORE_NEXT) == 0)
		if ((rc = store_cursor_get(c, is, cause)) == 0)
			rc = export_issue_row(t, &tr, is, w, rows, cause);
	store_cursor_close(c);
done:
	free(is);
	export_tree_free(&tr);
	return rc;
}

/* --- training (point 8) and rewards (point 9) ------------------------- */

/* The officer's cells of a training or reward row. */
struct export_person {
	char	 name[OGPO_NAME_MAX + 1];
	char	 email[OGPO_EMAIL_MAX + 1];
	char	 code[OGPO_CODE_MAX + 1];
	char	 agency[OGPO_NAME_MAX + 1];
};

static void
export_person(struct store_txn *t, const struct export_tree *tr,
    uint32_t officer, struct export_person *p)
{
	struct officer *o = xmalloc(sizeof *o);

	memset(p, 0, sizeof *p);
	if (store_officer_get(t, officer, o, NULL) == 0) {
		str_copy(p->name, o->name, sizeof p->name);
		str_copy(p->email, o->email, sizeof p->email);
		export_agency_cells(tr, o->agency, p->code, sizeof p->code,
		    p->agency, sizeof p->agency);
	} else
		snprintf(p->name, sizeof p->name, "#%u", officer);
	free(o);
}

static int
export_id_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/*
 * The training records or rewards (by_officer: the index of either by
 * officer) of agency's own officers, as a new array in *ids (free it;
 * NULL when none) in id order, the whole export's; returns how many. An
 * agency's officers are few: each is looked up through the indexes.
 */
static size_t
export_ids_of(struct store_txn *t, uint32_t agency,
    enum store_index by_officer, uint32_t **ids)
{
	uint32_t *officers, *some;
	size_t n = 0, cap = 0, no, ns, i;

	*ids = NULL;
	no = store_group_ids(t, IX_OFFICER_AGENCY, agency, &officers);
	for (i = 0; i < no; i++) {
		if ((ns = store_group_ids(t, by_officer, officers[i],
		    &some)) > 0) {
			*ids = xgrow(*ids, &cap, n + ns, sizeof **ids);
			memcpy(*ids + n, some, ns * sizeof **ids);
			n += ns;
		}
		free(some);
	}
	free(officers);
	if (n > 1)
		qsort(*ids, n, sizeof **ids, export_id_cmp);
	return n;
}

/*
 * The records of kind (training or rewards) by number, each written by
 * row: every one (agency 0), or those of agency's own officers.
 */
static int
export_each(struct store_txn *t, enum entity_kind kind, uint32_t agency,
    void *rec, int (*row)(struct store_txn *, const struct export_tree *,
    const void *, struct table_writer *, size_t *, char **),
    const struct export_tree *tr, struct table_writer *w, size_t *rows,
    char **cause)
{
	struct store_cursor *c;
	uint32_t *ids;
	size_t n, i;
	int rc = 0;

	if (agency != 0) {
		n = export_ids_of(t, agency, kind == ENTITY_TRAINING ?
		    IX_OFFICER_TRAINING : IX_OFFICER_REWARD, &ids);
		for (i = 0; i < n && rc == 0; i++)
			if ((rc = store_get(t, kind, ids[i], rec, cause)) == 0)
				rc = row(t, tr, rec, w, rows, cause);
		free(ids);
		return rc;
	}
	if ((rc = store_cursor_open(t, kind == ENTITY_TRAINING ? IX_TRAINING :
	    IX_REWARD, NULL, &c, cause)) != 0)
		return rc;
	while (rc == 0 && store_cursor_move(c, STORE_NEXT) == 0)
		if ((rc = store_cursor_get(c, rec, cause)) == 0)
			rc = row(t, tr, rec, w, rows, cause);
	store_cursor_close(c);
	return rc;
}

static int
export_training_row(struct store_txn *t, const struct export_tree *tr,
    const void *rec, struct table_writer *w, size_t *rows, char **cause)
{
	const struct training *tn = rec;
	struct export_person p;
	char id[16], comp[128];
	size_t i, used;

	export_person(t, tr, tn->officer, &p);
	snprintf(id, sizeof id, "%u", tn->h.id);
	for (i = 0, used = 0, comp[0] = '\0'; i < 4; i++)
		if (tn->competencies & (1u << i))
			used += (size_t)snprintf(comp + used, sizeof comp -
			    used, "%s%s", used ? "、" : "",
			    model_competence_zh[i]);
	const char *cells[] = { id, p.name, p.email, p.code, p.agency,
		tn->date, tn->course, comp, tn->hours, tn->provider, tn->note };
	return export_row(w, cells, 11, rows, cause);
}

int
export_training_of(struct store_txn *t, uint32_t agency,
    struct table_writer *w, size_t *rows, char **cause)
{
	static const struct table_column head[] = { C("編號"), T("姓名"),
		T("電子郵件"), T("機關代碼"), T("機關"), D("日期"), T("課程"),
		T("職能"), C("時數"), T("辦理單位"), T("備註") };
	struct export_tree tr;
	struct training *tn = xmalloc(sizeof *tn);
	int rc;

	*rows = 0;
	if ((rc = export_tree_load(t, &tr, cause)) == 0 &&
	    (rc = export_head(w, head, 11, cause)) == 0)
		rc = export_each(t, ENTITY_TRAINING, agency, tn,
		    export_training_row, &tr, w, rows, cause);
	free(tn);
	export_tree_free(&tr);
	return rc;
}

int
export_training(struct store_txn *t, struct table_writer *w, size_t *rows,
    char **cause)
{
	return export_training_of(t, 0, w, rows, cause);
}

static int
export_reward_row(struct store_txn *t, const struct export_tree *tr,
    const void *rec, struct table_writer *w, size_t *rows, char **cause)
{
	const struct reward *rw = rec;
	struct export_person p;
	char id[16];

	export_person(t, tr, rw->officer, &p);
	snprintf(id, sizeof id, "%u", rw->h.id);
	const char *cells[] = { id, p.name, p.email, p.code, p.agency,
		rw->date, rw->kind, rw->reason };
	return export_row(w, cells, 8, rows, cause);
}

int
export_rewards_of(struct store_txn *t, uint32_t agency,
    struct table_writer *w, size_t *rows, char **cause)
{
	static const struct table_column head[] = { C("編號"), T("姓名"),
		T("電子郵件"), T("機關代碼"), T("機關"), D("日期"), T("類別"),
		T("事由") };
	struct export_tree tr;
	struct reward *rw = xmalloc(sizeof *rw);
	int rc;

	*rows = 0;
	if ((rc = export_tree_load(t, &tr, cause)) == 0 &&
	    (rc = export_head(w, head, 8, cause)) == 0)
		rc = export_each(t, ENTITY_REWARD, agency, rw,
		    export_reward_row, &tr, w, rows, cause);
	free(rw);
	export_tree_free(&tr);
	return rc;
}

int
export_rewards(struct store_txn *t, struct table_writer *w, size_t *rows,
    char **cause)
{
	return export_rewards_of(t, 0, w, rows, cause);
}

/* --- resolutions, agendas and decisions ------------------------------ */

/* Owners' codes (comma) and names (、) of a resolution. */
static void
export_owner_cells(const struct export_tree *tr, const struct resolution *r,
    char *codes, size_t cn, char *names, size_t nn)
{
	struct export_agency *e;
	size_t uc = 0, un = 0;
	uint32_t i;

	codes[0] = names[0] = '\0';
	for (i = 0; i < r->nowner && i < OGPO_COLLAB_MAX; i++) {
		e = export_tree_find(tr, r->owner[i]);
		uc += (size_t)snprintf(codes + uc, cn - uc, "%s%s",
		    i ? "," : "", e ? e->a.code : "?");
		un += (size_t)snprintf(names + un, nn - un, "%s%s",
		    i ? "、" : "", e ? e->a.name : "?");
		if (uc >= cn || un >= nn)
			break;
	}
}

int
export_resolutions(struct store_txn *t, struct table_writer *w, size_t *rows,
    char **cause)
{
	static const struct table_column head[] = { C("編號"), C("會議編號"),
		D("會議日期"), T("會議"), C("案次"), T("決議事項"),
		T("主責機關代碼"), T("主責機關"), D("期限"), T("狀態"),
		C("關聯議題編號"), C("決定會議編號"), T("辦理情形") };
	struct export_tree tr;
	struct store_cursor *c;
	struct resolution *r = xmalloc(sizeof *r);
	struct meeting *m = xmalloc(sizeof *m);
	char id[16], mid[16], no[16], issue[16], decided[16];
	char codes[OGPO_COLLAB_MAX * (OGPO_CODE_MAX + 1) + 1];
	char names[OGPO_COLLAB_MAX * (OGPO_NAME_MAX + 3) + 1];
	int rc;

	*rows = 0;
	if ((rc = export_tree_load(t, &tr, cause)) != 0 ||
	    (rc = export_head(w, head, 13, cause)) != 0 ||
	    (rc = store_cursor_open(t, IX_MEETING_DATE, NULL, &c, cause)) != 0)
		goto done;
	/* By meeting date, then each meeting's by number. */
	while (rc == 0 && store_cursor_move(c, STORE_NEXT) == 0) {
		uint32_t *ids = NULL;
		size_t n, i;

		if ((rc = store_cursor_get(c, m, cause)) != 0)
			break;
		n = core_resolutions_of(t, m->h.id, &ids);
		for (i = 0; i < n && rc == 0; i++) {
			if ((rc = store_resolution_get(t, ids[i], r,
			    cause)) != 0)
				break;
			snprintf(id, sizeof id, "%u", r->h.id);
			snprintf(mid, sizeof mid, "%u", r->meeting);
			snprintf(no, sizeof no, "%u", r->number);
			snprintf(issue, sizeof issue, r->issue ? "%u" : "%.0u",
			    r->issue);
			snprintf(decided, sizeof decided, r->decided ? "%u" :
			    "%.0u", r->decided);
			export_owner_cells(&tr, r, codes, sizeof codes, names,
			    sizeof names);
			const char *cells[] = { id, mid, m->date, m->title, no,
				r->text, codes, names, r->due,
				export_label(&model_resolution_statuses,
				r->status), issue, decided, r->note };
			rc = export_row(w, cells, 13, rows, cause);
		}
		free(ids);
	}
	store_cursor_close(c);
done:
	free(m);
	free(r);
	export_tree_free(&tr);
	return rc;
}

/* --- deadlines --------------------------------------------------------- */

/* A deadline not yet met, and where its agency sorts. */
struct export_deadline {
	uint32_t		 rank;
	struct core_deadline	 d;
};

struct export_deadlines {
	struct export_deadline	*v;
	size_t			 n, cap;
};

static int
export_deadline_keep(void *arg, const struct core_deadline *d)
{
	struct export_deadlines *x = arg;

	if (d->done[0] != '\0')
		return 0;
	x->v = xgrow(x->v, &x->cap, x->n + 1, sizeof *x->v);
	x->v[x->n].rank = 0;
	x->v[x->n++].d = *d;
	return 0;
}

/* By agency (in the tree's order), due date, record. */
static int
export_deadline_cmp(const void *pa, const void *pb)
{
	const struct export_deadline *x = pa, *y = pb;
	const struct core_deadline *a = &x->d, *b = &y->d;
	int c;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if ((c = strcmp(a->due, b->due)) != 0)
		return c;
	if (a->entity != b->entity)
		return a->entity < b->entity ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

int
export_deadlines(struct store_txn *t, const char *today,
    struct table_writer *w, size_t *rows, char **cause)
{
	static const struct table_column head[] = { T("機關代碼"), T("機關"),
		D("期限"), C("剩餘天數"), T("情形"), T("類別"), T("對象"),
		C("編號"), T("案號"), T("內容"), T("展延") };
	static const char *const kinds[] = { "", "回應 Join 提案",
		"聯繫提案人", "執行決議事項" };
	struct export_deadlines x;
	struct export_tree tr;
	struct export_agency *e;
	char days[24], state[64], id[16], ref[OGPO_TEXT_MAX + 64];
	const char *text;
	size_t i;
	long left;
	int rc;

	*rows = 0;
	memset(&x, 0, sizeof x);
	if ((rc = export_tree_load(t, &tr, cause)) != 0 ||
	    (rc = export_head(w, head, 11, cause)) != 0 ||
	    (rc = core_deadlines_all(t, export_deadline_keep, &x)) != 0)
		goto done;
	for (i = 0; i < x.n; i++)
		x.v[i].rank = (e = export_tree_find(&tr, x.v[i].d.agency)) ?
		    e->rank : UINT32_MAX;
	if (x.n > 0)
		qsort(x.v, x.n, sizeof *x.v, export_deadline_cmp);
	for (i = 0; i < x.n && rc == 0; i++) {
		const struct core_deadline *d = &x.v[i].d;

		e = export_tree_find(&tr, d->agency);
		left = core_days_between(today, d->due);
		snprintf(days, sizeof days, "%ld", left);
		if (left < 0)
			snprintf(state, sizeof state, "逾期 %ld 天", -left);
		else if (left == 0)
			snprintf(state, sizeof state, "今日到期");
		else
			snprintf(state, sizeof state, "尚餘 %ld 天", left);
		snprintf(id, sizeof id, "%u", d->id);
		/* what is "115-07 its title" or "2026-09-15-3 its text". */
		str_copy(ref, d->what, sizeof ref);
		if ((text = strchr(d->what, ' ')) != NULL) {
			ref[text - d->what] = '\0';
			text++;
		} else
			text = "";
		const char *cells[] = { e ? e->a.code : "", e ? e->a.name : "",
			d->due, days, state, kinds[d->kind <= DEADLINE_KIND_MAX ?
			d->kind : 0], d->entity == ENTITY_RESOLUTION ?
			"決議事項" : "列管案件", id, ref, text,
			d->extended ? "是" : "" };
		rc = export_row(w, cells, 11, rows, cause);
	}
done:
	free(x.v);
	export_tree_free(&tr);
	return rc;
}

/* One row of an agenda or a record of decisions. */
struct export_item {
	uint32_t rank;		/* the agency's place in the tree (policy) */
	uint32_t part;		/* 1 resolutions, 2 issues, … 5 candidates */
	uint32_t order;		/* within the part, as found */
	char	 agency[OGPO_CODE_MAX + 1];
	char	 agency_name[OGPO_COLLAB_MAX * (OGPO_NAME_MAX + 3) + 1];
	char	 ref[64];
	uint32_t kind;		/* ENTITY_RESOLUTION, _ISSUE or _CANDIDATE */
	uint32_t id;
};

struct export_items {
	struct export_item *v;
	size_t		    n, cap;
	int		    by_agency;
};

static struct export_item *
export_item_add(struct export_items *it)
{
	if (it->n == it->cap) {
		it->cap = it->cap ? 2 * it->cap : 32;
		it->v = xreallocarray(it->v, it->cap, sizeof *it->v);
	}
	memset(&it->v[it->n], 0, sizeof it->v[it->n]);
	it->v[it->n].order = (uint32_t)it->n;
	return &it->v[it->n++];
}

static int
export_item_cmp(const void *pa, const void *pb)
{
	/* This meeting's own, the review, the quarter's, the issues, the
	 * month's new candidates. */
	static const uint32_t order[] = { 9, 1, 3, 2, 0, 4 };
	const struct export_item *a = pa, *b = pb;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	if (a->part != b->part)
		return order[a->part] < order[b->part] ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* A resolution's item(s): one, or one per owner when grouped by agency. */
static void
export_item_resolution(struct export_items *it, const struct export_tree *tr,
    const struct resolution *r, const struct meeting *m, uint32_t part)
{
	struct export_item *x;
	uint32_t i, n = it->by_agency && r->nowner > 0 ? r->nowner : 1;
	char name[OGPO_NAME_MAX + 1], day[32];

	/* Its meeting's day in the reader's date style (115/09/15-1), as
	 * ogpo due, the deadlines export and the screen name it. */
	date_show(m->date, day, sizeof day);
	for (i = 0; i < n && i < OGPO_COLLAB_MAX; i++) {
		x = export_item_add(it);
		x->part = part;
		x->kind = ENTITY_RESOLUTION;
		x->id = r->h.id;
		snprintf(x->ref, sizeof x->ref, "%s-%u", day, r->number);
		if (it->by_agency) {
			x->rank = export_agency_cells(tr, r->nowner ?
			    r->owner[i] : 0, x->agency, sizeof x->agency,
			    name, sizeof name);
			str_copy(x->agency_name, name, sizeof x->agency_name);
		} else
			export_owner_cells(tr, r, x->agency, sizeof x->agency,
			    x->agency_name, sizeof x->agency_name);
	}
}

static const char *const export_parts[] = { "", "前次會議決議事項",
	"列管議題", "本季工作推動會議決議事項", "本次會議決議事項",
	"新候選議題" };

/*
 * A candidate's state in its vote, in the agenda's 狀態: chosen (選定)
 * or not once the vote is closed, else the vote's own (投票中).
 */
static const char *
export_candidate_state(const struct vote *v, const struct candidate *cd)
{
	uint32_t i;

	if (v->status != VOTE_CLOSED)
		return export_label(&model_vote_statuses, v->status);
	for (i = 0; i < v->nchosen && i < OGPO_COLLAB_MAX; i++)
		if (cd->issue != 0 && v->chosen[i] == cd->issue)
			return export_label(&model_case_stages, CASE_SELECTED);
	return "未選定";
}

/*
 * A case's latest progress report, as its 辦理情形: "date agency：text",
 * the newest by date (then by the order they were made); "" if none.
 */
static void
export_case_latest(struct store_txn *t, const struct export_tree *tr,
    const struct issue *is, char *buf, size_t n)
{
	struct store_cursor *c;
	struct progress *p = xmalloc(sizeof *p), *best = xmalloc(sizeof *best);
	char code[OGPO_CODE_MAX + 1], name[OGPO_NAME_MAX + 1];
	uint32_t id = is->h.id;
	int found = 0;

	buf[0] = '\0';
	if (store_cursor_open(t, IX_ISSUE_PROGRESS, &id, &c, NULL) == 0) {
		while (store_cursor_move(c, STORE_NEXT) == 0)
			if (store_cursor_get(c, p, NULL) == 0 && (!found ||
			    strcmp(p->date, best->date) >= 0)) {
				memcpy(best, p, sizeof *best);
				found = 1;
			}
		store_cursor_close(c);
	}
	if (found) {
		export_agency_cells(tr, best->agency, code, sizeof code, name,
		    sizeof name);
		snprintf(buf, n, "%s %s：%s", best->date, name, best->text);
		str_utf8_cut(buf);
	}
	free(best);
	free(p);
}

/* Write the items, sorted, in the agenda's columns. */
static int
export_items_write(struct store_txn *t, const struct export_tree *tr,
    struct export_items *it, struct table_writer *w, size_t *rows,
    char **cause)
{
	static const struct table_column head[] = { T("議程"), T("案號"),
		T("內容"), T("主責機關代碼"), T("主責機關"), D("期限"),
		T("狀態"), T("辦理情形") };
	struct resolution *r = xmalloc(sizeof *r);
	struct issue *is = xmalloc(sizeof *is);
	struct candidate *cd = xmalloc(sizeof *cd);
	struct vote *v = xmalloc(sizeof *v);
	char source[OGPO_TEXT_MAX + 16], due[OGPO_DATE_MAX + 1];
	char latest[OGPO_DATE_MAX + OGPO_NAME_MAX + OGPO_NOTE_MAX + 8];
	size_t i;
	int rc;

	if ((rc = export_head(w, head, 8, cause)) != 0)
		goto out;
	qsort(it->v, it->n, sizeof *it->v, export_item_cmp);
	for (i = 0; i < it->n && rc == 0; i++) {
		const struct export_item *x = &it->v[i];
		const char *part = export_parts[x->part];

		if (x->kind == ENTITY_RESOLUTION) {
			if ((rc = store_resolution_get(t, x->id, r,
			    cause)) != 0)
				break;
			const char *cells[] = { part, x->ref, r->text,
				x->agency, x->agency_name, r->due,
				export_label(&model_resolution_statuses,
				r->status), r->note };
			rc = export_row(w, cells, 8, rows, cause);
		} else if (x->kind == ENTITY_CANDIDATE) {
			if ((rc = store_get(t, ENTITY_CANDIDATE, x->id, cd,
			    cause)) != 0 || (rc = store_get(t, ENTITY_VOTE,
			    cd->vote, v, cause)) != 0)
				break;
			snprintf(source, sizeof source, "來源：%s",
			    cd->source);
			str_utf8_cut(source);
			const char *cells[] = { part, x->ref, cd->title,
				x->agency, x->agency_name, v->date,
				export_candidate_state(v, cd), cd->source[0] ?
				source : "" };
			rc = export_row(w, cells, 8, rows, cause);
		} else {
			if ((rc = store_issue_get(t, x->id, is, cause)) != 0)
				break;
			/* Its next deadline, as the Cases tab and ogpo list
			 * cases give it: an overdue contact with the
			 * proposer is not hidden behind the response. */
			(void)core_case_next_due(is, due);
			export_case_latest(t, tr, is, latest, sizeof latest);
			const char *cells[] = { part, x->ref, is->title,
				x->agency, x->agency_name, due,
				export_label(&model_case_stages, is->stage),
				latest[0] ? latest : is->note };
			rc = export_row(w, cells, 8, rows, cause);
		}
	}
out:
	free(v);
	free(cd);
	free(is);
	free(r);
	return rc;
}

/*
 * A work meeting's new candidates: those of the topic votes dated in its
 * month (each vote's in the order they were added).
 */
static int
export_agenda_candidates(struct store_txn *t, const struct export_tree *tr,
    const struct meeting *m, struct export_items *it, char **cause)
{
	struct store_cursor *c, *cc;
	struct vote *v = xmalloc(sizeof *v);
	struct candidate *cd = xmalloc(sizeof *cd);
	struct export_item *x;
	int rc;

	if ((rc = store_cursor_open(t, IX_VOTE, NULL, &c, cause)) != 0)
		goto out;
	while (store_cursor_move(c, STORE_NEXT) == 0) {
		if (store_cursor_get(c, v, NULL) != 0 ||
		    strncmp(v->date, m->date, 7) != 0)
			continue;
		if ((rc = store_cursor_open(t, IX_VOTE_CANDIDATE, &v->h.id,
		    &cc, cause)) != 0)
			break;
		while (store_cursor_move(cc, STORE_NEXT) == 0) {
			if (store_cursor_get(cc, cd, NULL) != 0)
				continue;
			x = export_item_add(it);
			x->part = 5;
			x->kind = ENTITY_CANDIDATE;
			x->id = cd->h.id;
			snprintf(x->ref, sizeof x->ref, "候選 #%u", cd->h.id);
			export_agency_cells(tr, cd->lead, x->agency,
			    sizeof x->agency, x->agency_name,
			    sizeof x->agency_name);
		}
		store_cursor_close(cc);
	}
	store_cursor_close(c);
out:
	free(cd);
	free(v);
	return rc;
}

/* The meeting, or a sentence naming the number that is not one. */
static int
export_agenda_meeting(struct store_txn *t, uint32_t meeting,
    struct meeting *m, char **cause)
{
	int rc = store_meeting_get(t, meeting, m, cause);

	if (rc == OGPO_NOTFOUND)
		return err_set(cause, rc, "there is no meeting #%u (see ogpo "
		    "list meetings)", meeting);
	return rc;
}

/* Resolutions of the work meetings of the quarter that ends with m. */
static int
export_agenda_quarter(struct store_txn *t, const struct export_tree *tr,
    const struct meeting *m, struct export_items *it, char **cause)
{
	struct store_cursor *c;
	struct meeting *wm = xmalloc(sizeof *wm);
	struct resolution *r = xmalloc(sizeof *r);
	char from[16];
	int y = atoi(m->date), mo = atoi(m->date + 5), rc;

	mo = (mo - 1) / 3 * 3 + 1;	/* the quarter's first month */
	snprintf(from, sizeof from, "%04d-%02d-01", y % 10000, mo % 100);
	if ((rc = store_cursor_open(t, IX_MEETING_DATE, NULL, &c, cause)) != 0)
		goto out;
	for (rc = store_cursor_seek_text(c, from); rc == 0;
	    rc = store_cursor_move(c, STORE_NEXT)) {
		uint32_t *ids = NULL;
		size_t n, i;

		if (store_cursor_get(c, wm, NULL) != 0 ||
		    strcmp(wm->date, m->date) > 0)
			break;
		if (wm->kind != MEETING_WORK)
			continue;
		n = core_resolutions_of(t, wm->h.id, &ids);
		for (i = 0; i < n; i++)
			if (store_resolution_get(t, ids[i], r, NULL) == 0)
				export_item_resolution(it, tr, r, wm, 3);
		free(ids);
	}
	rc = 0;
	store_cursor_close(c);
out:
	free(r);
	free(wm);
	return rc;
}

int
export_agenda(struct store_txn *t, uint32_t meeting, struct table_writer *w,
    size_t *rows, char **cause)
{
	struct export_tree tr;
	struct export_items it;
	struct store_cursor *c;
	struct meeting *m = xmalloc(sizeof *m), *rm = xmalloc(sizeof *rm);
	struct resolution *r = xmalloc(sizeof *r);
	struct issue *is = xmalloc(sizeof *is);
	struct export_item *x;
	uint32_t *ids = NULL;
	size_t n, i;
	int rc;

	*rows = 0;
	memset(&it, 0, sizeof it);
	memset(&tr, 0, sizeof tr);
	if ((rc = export_agenda_meeting(t, meeting, m, cause)) != 0 ||
	    (rc = export_tree_load(t, &tr, cause)) != 0)
		goto done;
	it.by_agency = m->kind == MEETING_POLICY;
	n = core_resolutions_review(t, meeting, &ids);
	for (i = 0; i < n; i++)
		if (store_resolution_get(t, ids[i], r, NULL) == 0 &&
		    store_meeting_get(t, r->meeting, rm, NULL) == 0)
			export_item_resolution(&it, &tr, r, rm, 1);
	free(ids);
	if (it.by_agency && (rc = export_agenda_quarter(t, &tr, m, &it,
	    cause)) != 0)
		goto done;
	if ((rc = store_cursor_open(t, IX_ISSUE, NULL, &c, cause)) != 0)
		goto done;
	while (store_cursor_move(c, STORE_NEXT) == 0) {
		if (store_cursor_get(c, is, NULL) != 0 ||
		    is->stage == CASE_CLOSED || is->stage == CASE_WITHDRAWN)
			continue;
		/* A case's own collaboration meeting is about that case. */
		if (m->kind == MEETING_ISSUE && m->issue != 0 &&
		    is->h.id != m->issue)
			continue;
		x = export_item_add(&it);
		x->part = 2;
		x->kind = ENTITY_ISSUE;
		x->id = is->h.id;
		if (is->serial[0] != '\0')
			str_copy(x->ref, is->serial, sizeof x->ref);
		else
			snprintf(x->ref, sizeof x->ref, "#%u", is->h.id);
		x->rank = export_agency_cells(&tr, is->lead, x->agency,
		    sizeof x->agency, x->agency_name, sizeof x->agency_name);
		if (!it.by_agency)
			x->rank = 0;
	}
	store_cursor_close(c);
	if (m->kind == MEETING_WORK && (rc = export_agenda_candidates(t, &tr,
	    m, &it, cause)) != 0)
		goto done;
	rc = export_items_write(t, &tr, &it, w, rows, cause);
done:
	free(it.v);
	free(is);
	free(r);
	free(rm);
	free(m);
	export_tree_free(&tr);
	return rc;
}

int
export_decisions(struct store_txn *t, uint32_t meeting,
    struct table_writer *w, size_t *rows, char **cause)
{
	struct export_tree tr;
	struct export_items it;
	struct meeting *m = xmalloc(sizeof *m), *rm = xmalloc(sizeof *rm);
	struct resolution *r = xmalloc(sizeof *r);
	uint32_t *ids = NULL;
	size_t n, i;
	int rc;

	*rows = 0;
	memset(&it, 0, sizeof it);
	memset(&tr, 0, sizeof tr);
	if ((rc = export_agenda_meeting(t, meeting, m, cause)) != 0 ||
	    (rc = export_tree_load(t, &tr, cause)) != 0)
		goto done;
	it.by_agency = m->kind == MEETING_POLICY;
	n = core_resolutions_of(t, meeting, &ids);
	for (i = 0; i < n; i++)
		if (store_resolution_get(t, ids[i], r, NULL) == 0)
			export_item_resolution(&it, &tr, r, m, 4);
	free(ids);
	n = core_resolutions_review(t, meeting, &ids);
	for (i = 0; i < n; i++)
		if (store_resolution_get(t, ids[i], r, NULL) == 0 &&
		    r->decided == meeting &&
		    store_meeting_get(t, r->meeting, rm, NULL) == 0)
			export_item_resolution(&it, &tr, r, rm, 1);
	free(ids);
	rc = export_items_write(t, &tr, &it, w, rows, cause);
done:
	free(it.v);
	free(r);
	free(rm);
	free(m);
	export_tree_free(&tr);
	return rc;
}

/* --- requests, files and months -------------------------------------- */

int
export_write(struct store_txn *t, const struct export_request *r,
    struct table_writer *w, size_t *rows, char **cause)
{
	*rows = 0;
	switch (r->what) {
	case EXPORT_ATTENDANCE:
		return export_attendance(t, r->month, w, rows, cause);
	case EXPORT_SUMMARY:
		return export_summary(t, r->month, w, rows, cause);
	case EXPORT_MATRIX:
		return export_matrix(t, r->month, r->to[0] ? r->to : r->month,
		    w, rows, cause);
	case EXPORT_SIGNIN:
		return export_signin(t, r->meeting, r->roc, w, rows, cause);
	case EXPORT_OFFICERS:
	case EXPORT_TRAINING:
	case EXPORT_REWARDS: {
		struct agency a;
		int rc;

		if (r->agency == NULL)
			a.h.id = 0;
		else if ((rc = store_agency_by_code(t, r->agency, &a,
		    cause)) != 0)
			return rc == OGPO_NOTFOUND ? err_set(cause, rc, "no "
			    "agency has the code '%s'; see ogpo list "
			    "agencies", r->agency) : rc;
		if (r->what == EXPORT_TRAINING)
			return export_training_of(t, a.h.id, w, rows, cause);
		if (r->what == EXPORT_REWARDS)
			return export_rewards_of(t, a.h.id, w, rows, cause);
		return a.h.id == 0 ? export_officers(t, w, rows, cause) :
		    export_officers_of(t, a.h.id, w, rows, cause);
	}
	case EXPORT_AGENCIES:
		return export_agencies(t, w, rows, cause);
	case EXPORT_MEETINGS:
		return export_meetings(t, w, rows, cause);
	case EXPORT_ISSUES:
		return export_issues(t, w, rows, cause);
	case EXPORT_CASES:
		return export_records(t, ENTITY_ISSUE, w, rows, cause);
	case EXPORT_PROGRESS:
		return export_records(t, ENTITY_PROGRESS, w, rows, cause);
	case EXPORT_RESOLUTIONS:
		return export_resolutions(t, w, rows, cause);
	case EXPORT_AGENDA:
		return export_agenda(t, r->meeting, w, rows, cause);
	case EXPORT_DECISIONS:
		return export_decisions(t, r->meeting, w, rows, cause);
	case EXPORT_DEADLINES: {
		char today[OGPO_DATE_MAX + 1];

		date_today(today);
		return export_deadlines(t, today, w, rows, cause);
	}
	}
	return err_set(cause, OGPO_INVALID, "internal error: export %d",
	    (int)r->what);
}

/* The sheet's name: what the file holds, in the desks' language. */
static const char *
export_sheet_name(enum export_what what)
{
	switch (what) {
	case EXPORT_ATTENDANCE:
		return "出席紀錄";
	case EXPORT_SUMMARY:
		return "出席統計";
	case EXPORT_MATRIX:
		return "出席總表";
	case EXPORT_SIGNIN:
		return "簽到表";
	case EXPORT_OFFICERS:
		return "聯絡人名冊";
	case EXPORT_AGENCIES:
		return "機關";
	case EXPORT_MEETINGS:
		return "會議";
	case EXPORT_TRAINING:
		return "訓練紀錄";
	case EXPORT_REWARDS:
		return "獎勵紀錄";
	case EXPORT_CASES:
		return "列管表";
	case EXPORT_PROGRESS:
		return "辦理情形";
	case EXPORT_RESOLUTIONS:
		return "決議事項";
	case EXPORT_AGENDA:
		return "議程";
	case EXPORT_DECISIONS:
		return "決議紀錄";
	case EXPORT_DEADLINES:
		return "期限";
	default:
		return "議題";
	}
}

void
export_writer_options(const struct export_request *r,
    struct table_writer_options *o)
{
	memset(o, 0, sizeof *o);
	o->format = r->format != TABLE_FORMAT_NONE ? r->format : TABLE_CSV;
	o->sheet = export_sheet_name(r->what);
	o->roc = r->roc;
	o->flags = r->what == EXPORT_SIGNIN ? TABLE_PRINT : 0;
	/* What names a row on each page a wide list is printed across:
	 * a case's number and title; in the matrix, agency and person. */
	o->keep = r->what == EXPORT_CASES || r->what == EXPORT_ISSUES ? 2 :
	    r->what == EXPORT_MATRIX ? 3 : 1;
	o->csv.encoding = r->encoding;
	o->csv.delimiter = ',';
	o->csv.bom = r->excel;
	o->csv.crlf = r->excel;
	o->csv.guard = 1;
	o->csv.replace = r->replace ? EXPORT_REPLACEMENT : NULL;
}

/*
 * After the rows: the records with characters the encoding lacks, all
 * in one sentence, which fails the export (or, with --replace, is the
 * notice of what was replaced).
 */
static int
export_lacking(const struct export_request *r, struct table_writer *w,
    char **notice, char **cause)
{
	const char *list;
	size_t n;

	if ((list = table_writer_lacking(w, &n)) == NULL)
		return 0;
	if (r->replace) {
		if (notice != NULL) {
			free(*notice);
			*notice = xasprintf(ngettext("%zu record has characters "
			    "Big5 cannot hold; they were written as %s:\n%s",
			    "%zu records have characters Big5 cannot hold; "
			    "they were written as %s:\n%s", n), n,
			    EXPORT_REPLACEMENT, list);
		}
		return 0;
	}
	return err_set(cause, OGPO_INVALID, ngettext("%zu record has "
	    "characters Big5 cannot hold, so nothing was written; correct "
	    "it, export UTF-8 (--encoding utf-8) or .ods instead, or give "
	    "--replace to write %s in their place:\n%s", "%zu records have "
	    "characters Big5 cannot hold, so nothing was written; correct "
	    "them, export UTF-8 (--encoding utf-8) or .ods instead, or give "
	    "--replace to write %s in their place:\n%s", n), n,
	    EXPORT_REPLACEMENT, list);
}

/*
 * The rows are written into a private spool while the snapshot is open,
 * and copied to f only once it is let go: a destination that blocks (a
 * FIFO that is not read, a pager, a slow network file) holds up no one
 * else and keeps the database's file from growing (spool.h). A file made
 * afresh on a local disk (spool_out_local) blocks on nothing, and is
 * written straight: a month's export was a fifth slower through the spool.
 */
int
export_run(struct core *c, const struct export_request *r, FILE *f,
    const char *name, size_t *rows, char **notice, char **cause)
{
	struct table_writer_options wo;
	struct table_writer *w;
	struct store_txn *t;
	FILE *spool;
	int rc;

	*rows = 0;
	if (spool_out_local(f))
		spool = f;
	else if ((spool = spool_tmpfile()) == NULL)
		return err_set(cause, OGPO_IO, "cannot keep %s aside while the "
		    "database is read: %s", name, strerror(errno));
	export_writer_options(r, &wo);
	if (table_writer_open(&w, spool, name, &wo, cause) != 0) {
		if (spool != f)
			fclose(spool);
		return OGPO_INVALID;
	}
	if ((rc = store_read_begin(core_store(c), &t, cause)) == 0) {
		rc = export_write(t, r, w, rows, cause);
		store_read_end(t);
	}
	if (rc == 0)
		rc = export_lacking(r, w, notice, cause);
	if (rc == 0)
		rc = table_writer_close(w, cause) != 0 ? OGPO_IO : 0;
	else
		table_writer_abort(w);
	if (spool == f)
		return rc;
	if (rc == 0 && spool_copy(spool, f) != 0)
		rc = err_set(cause, OGPO_IO, "cannot write %s: %s", name,
		    strerror(errno));
	fclose(spool);
	return rc;
}

int
export_file(struct core *c, const struct export_request *r,
    const char *path, size_t *rows, char **notice, char **cause)
{
	char *tmp, *buf;
	FILE *f;
	int rc, closed;

	*rows = 0;
	if ((f = spool_out_open(path, &tmp, cause)) == NULL)
		return OGPO_IO;
	/* Written in big writes, not a page at a time. */
	buf = xmalloc(EXPORT_BUFSIZE);
	setvbuf(f, buf, _IOFBF, EXPORT_BUFSIZE);
	rc = export_run(c, r, f, path, rows, notice, cause);
	closed = spool_out_close(f, tmp, path, rc == 0, rc == 0 ? cause :
	    NULL);
	free(buf);
	return rc != 0 ? rc : closed;
}

int
export_month_parse(const char *s, char month[EXPORT_MONTH_MAX + 1])
{
	int i, m;

	for (i = 0; i < EXPORT_MONTH_MAX; i++)
		if (i == 4 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return -1;
	if (s[EXPORT_MONTH_MAX] != '\0')
		return -1;
	m = (s[5] - '0') * 10 + (s[6] - '0');
	if (m < 1 || m > 12 || strncmp(s, "0000", 4) == 0)
		return -1;
	memcpy(month, s, EXPORT_MONTH_MAX);
	month[EXPORT_MONTH_MAX] = '\0';
	return 0;
}

void
export_last_month(char month[EXPORT_MONTH_MAX + 1])
{
	char today[OGPO_DATE_MAX + 1], then[OGPO_DATE_MAX + 1];

	date_today(today);
	date_add_months(today, -1, then);
	memcpy(month, then, EXPORT_MONTH_MAX);
	month[EXPORT_MONTH_MAX] = '\0';
}

/* The file's name offered: what it holds, in the reader's language (as
 * the sheet inside is named), then the month or meeting. */
void
export_file_name(const struct export_request *r, char *buf, size_t n)
{
	const char *ext = r->format == TABLE_XLSX ? "xlsx" : r->format ==
	    TABLE_CSV ? "csv" : "ods";

	switch (r->what) {
	case EXPORT_ATTENDANCE:
		/* TRANSLATORS: a file name: the month, the extension. */
		snprintf(buf, n, _("attendance-%s.%s"), r->month, ext);
		break;
	case EXPORT_SUMMARY:
		snprintf(buf, n, _("attendance-summary-%s.%s"), r->month, ext);
		break;
	case EXPORT_MATRIX:
		snprintf(buf, n, _("attendance-matrix-%s-to-%s.%s"), r->month,
		    r->to[0] ? r->to : r->month, ext);
		break;
	case EXPORT_SIGNIN:
		/* TRANSLATORS: a file name: the meeting's number. */
		snprintf(buf, n, _("signin-%u.%s"), r->meeting, ext);
		break;
	case EXPORT_OFFICERS:
		if (r->agency != NULL)
			/* TRANSLATORS: a file name: the agency's code, the
			 * extension. */
			snprintf(buf, n, _("officers-%s.%s"), r->agency, ext);
		else
			snprintf(buf, n, _("officers.%s"), ext);
		break;
	case EXPORT_AGENCIES:
		snprintf(buf, n, _("agencies.%s"), ext);
		break;
	case EXPORT_MEETINGS:
		snprintf(buf, n, _("meetings.%s"), ext);
		break;
	case EXPORT_TRAINING:
		if (r->agency != NULL)
			/* TRANSLATORS: a file name: the agency's code, the
			 * extension. */
			snprintf(buf, n, _("training-%s.%s"), r->agency, ext);
		else
			snprintf(buf, n, _("training.%s"), ext);
		break;
	case EXPORT_REWARDS:
		if (r->agency != NULL)
			/* TRANSLATORS: a file name: the agency's code, the
			 * extension. */
			snprintf(buf, n, _("rewards-%s.%s"), r->agency, ext);
		else
			snprintf(buf, n, _("rewards.%s"), ext);
		break;
	case EXPORT_CASES:
		snprintf(buf, n, _("cases.%s"), ext);
		break;
	case EXPORT_PROGRESS:
		snprintf(buf, n, _("progress.%s"), ext);
		break;
	case EXPORT_RESOLUTIONS:
		snprintf(buf, n, _("resolutions.%s"), ext);
		break;
	case EXPORT_AGENDA:
		snprintf(buf, n, _("agenda-%u.%s"), r->meeting, ext);
		break;
	case EXPORT_DECISIONS:
		snprintf(buf, n, _("decisions-%u.%s"), r->meeting, ext);
		break;
	case EXPORT_DEADLINES:
		snprintf(buf, n, _("deadlines.%s"), ext);
		break;
	default:
		snprintf(buf, n, _("issues.%s"), ext);
		break;
	}
}

int
export_excel_default(const char *path)
{
	size_t len = strlen(path);

	return len > 4 && strcasecmp(path + len - 4, ".csv") == 0;
}
