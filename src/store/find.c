/*
 * find.c — searching officers through the officer_gram index (gram.c):
 * which officers' name, e-mail or title holds a text, as a set of ids,
 * read from the entries of the text's grams only; and the sets a search
 * combines that with (an agency's officers) and walks a list by.
 */
#include <stdlib.h>
#include <string.h>

#include "store-int.h"

void
store_idset_add(struct store_idset *s, uint32_t id)
{
	size_t w = id / 64, had = s->nw;

	if (w >= s->nw) {
		s->w = xgrow(s->w, &s->nw, w + 1, sizeof *s->w);
		memset(s->w + had, 0, (s->nw - had) * sizeof *s->w);
	}
	s->w[w] |= (uint64_t)1 << (id % 64);
}

int
store_idset_has(const struct store_idset *s, uint32_t id)
{
	return id / 64 < s->nw && (s->w[id / 64] >> (id % 64) & 1);
}

void
store_idset_clear(struct store_idset *s)
{
	if (s->nw > 0)
		memset(s->w, 0, s->nw * sizeof *s->w);
}

void
store_idset_free(struct store_idset *s)
{
	free(s->w);
	s->w = NULL;
	s->nw = 0;
}

size_t
store_idset_count(const struct store_idset *s)
{
	size_t i, n = 0;

	for (i = 0; i < s->nw; i++)
		n += (size_t)__builtin_popcountll(s->w[i]);
	return n;
}

/* Every id in the blocks whose keys begin with prefix[0..pl), into set. */
static int
find_prefix(MDB_cursor *mc, const uint8_t *prefix, size_t pl,
    struct store_idset *set)
{
	struct store_gram_ent b[STORE_GRAM_BLOCK_ENTS];
	MDB_val k = { pl, (void *)prefix }, v;
	size_t n, i;
	int rc;

	for (rc = mdb_cursor_get(mc, &k, &v, MDB_SET_RANGE); rc == 0 &&
	    k.mv_size >= pl && memcmp(k.mv_data, prefix, pl) == 0;
	    rc = mdb_cursor_get(mc, &k, &v, MDB_NEXT)) {
		if (store_gram_decode(&k, &v, b, &n) != 0)
			return OGPO_CORRUPT;
		for (i = 0; i < n; i++)
			store_idset_add(set, b[i].id);
	}
	return rc == 0 || rc == MDB_NOTFOUND ? 0 : rc;
}

/*
 * One gram of the text, at its distance off from the text's start, read
 * a block at a time: where the text would start, for each of its places.
 */
struct find_stream {
	MDB_cursor		*mc;
	uint8_t			 g[STORE_GRAM_KEY_MAX];
	size_t			 gl;
	unsigned		 off;
	struct store_gram_ent	*b;	/* the block */
	size_t			 n, i;
	int			 rc;	/* OGPO_NOTFOUND: past the gram's end */
};

/* The block at (k, v) from an LMDB step that returned rc, if the gram's. */
static int
find_load(struct find_stream *s, int rc, const MDB_val *k, const MDB_val *v)
{
	s->i = s->n = 0;
	if (rc == MDB_NOTFOUND || (rc == 0 && (k->mv_size != s->gl + 6 ||
	    memcmp(k->mv_data, s->g, s->gl) != 0 ||
	    ((uint8_t *)k->mv_data)[s->gl] != 0)))
		return s->rc = OGPO_NOTFOUND;
	if (rc != 0)
		return s->rc = rc;
	if (store_gram_decode(k, v, s->b, &s->n) != 0)
		return s->rc = OGPO_CORRUPT;
	return s->rc = 0;
}

/* Where the text would start for entry e, or UINT64_MAX if it cannot. */
static uint64_t
find_start(const struct find_stream *s, const struct store_gram_ent *e)
{
	return e->pos < s->off ? UINT64_MAX :
	    (uint64_t)e->id << 8 | (e->pos - s->off);
}

static uint64_t
find_ord(const struct store_gram_ent *e)
{
	return (uint64_t)e->id << 8 | e->pos;
}

/* 1 if key k is a block of the stream's gram. */
static int
find_mine(const struct find_stream *s, const MDB_val *k)
{
	return k->mv_size == s->gl + 6 && memcmp(k->mv_data, s->g, s->gl) == 0 &&
	    ((const uint8_t *)k->mv_data)[s->gl] == 0;
}

/*
 * The first start at or after want, the stream moved there; UINT64_MAX
 * when there is none (or s->rc says what went wrong). A start is at most
 * 128 and a distance at most 125, so an entry's place never passes 255.
 * Ahead of its block, the stream seeks the block that holds the entry
 * rather than reading those before it.
 */
static uint64_t
find_advance(struct find_stream *s, uint64_t want)
{
	uint8_t key[STORE_GRAM_KEY_MAX + 6];
	uint64_t e = want + s->off, at;
	size_t lo, hi, mid, step;
	MDB_val k, v;
	int rc;

	while (s->rc == 0) {
		if (s->n > 0 && find_ord(&s->b[s->n - 1]) >= e) {
			/* Near where it was, most often: gallop, then halve. */
			for (lo = s->i, step = 1; lo + step < s->n &&
			    find_ord(&s->b[lo + step]) < e; step *= 2)
				lo += step;
			if (find_ord(&s->b[lo]) < e)
				lo++;
			for (hi = lo + step < s->n ? lo + step : s->n - 1;
			    lo < hi; ) {
				mid = (lo + hi) / 2;
				if (find_ord(&s->b[mid]) < e)
					lo = mid + 1;
				else
					hi = mid;
			}
			for (s->i = lo; s->i < s->n; s->i++)
				if ((at = find_start(s, &s->b[s->i])) !=
				    UINT64_MAX)
					return at;
			/* Only places before the distance: the next. */
			rc = mdb_cursor_get(s->mc, &k, &v, MDB_NEXT);
			find_load(s, rc == 0 && !find_mine(s, &k) ?
			    MDB_NOTFOUND : rc, &k, &v);
			continue;
		}
		/* The last block that starts at or before e. */
		memcpy(key, s->g, s->gl);
		key[s->gl] = 0;
		store_u32_put(key + s->gl + 1, (uint32_t)(e >> 8));
		key[s->gl + 5] = (uint8_t)e;
		k = (MDB_val){ s->gl + 6, key };
		rc = mdb_cursor_get(s->mc, &k, &v, MDB_SET_RANGE);
		if (rc != 0 || k.mv_size != s->gl + 6 ||
		    memcmp(k.mv_data, key, s->gl + 6) != 0) {
			rc = mdb_cursor_get(s->mc, &k, &v, rc == MDB_NOTFOUND ?
			    MDB_LAST : MDB_PREV);
			if (rc == MDB_NOTFOUND || (rc == 0 &&
			    !find_mine(s, &k))) {
				/* e is before the gram's first block. */
				k = (MDB_val){ s->gl + 1, key };
				rc = mdb_cursor_get(s->mc, &k, &v,
				    MDB_SET_RANGE);
				if (rc == 0 && !find_mine(s, &k))
					rc = MDB_NOTFOUND;
			}
		}
		if (find_load(s, rc, &k, &v) == 0 &&
		    find_ord(&s->b[s->n - 1]) < e) {
			/* It ends before e: the next one starts after. */
			rc = mdb_cursor_get(s->mc, &k, &v, MDB_NEXT);
			find_load(s, rc == 0 && !find_mine(s, &k) ?
			    MDB_NOTFOUND : rc, &k, &v);
		}
	}
	return UINT64_MAX;
}

/*
 * The officers where the grams of streams s[0..n) all sit at their
 * distances: a leapfrog join, each stream jumping to where the one
 * before it is, until all n agree on a start.
 */
static int
find_join(struct find_stream *s, size_t n, struct store_idset *set)
{
	uint64_t want = 0, at;
	size_t j, agree = 0;

	for (j = 0; ; j = j + 1 == n ? 0 : j + 1) {
		struct find_stream *x = &s[j];

		/* Most often the entry in hand, or the next, will do. */
		if (x->i < x->n && x->b[x->i].pos >= x->off &&
		    (at = find_ord(&x->b[x->i]) - x->off) >= want) {
			if (at > want && x->i > 0)
				at = find_advance(x, want);
		} else if (x->i + 1 < x->n && x->b[x->i + 1].pos >= x->off &&
		    (at = find_ord(&x->b[x->i + 1]) - x->off) >= want &&
		    find_ord(&x->b[x->i]) < want + x->off)
			x->i++;
		else
			at = find_advance(x, want);
		if (at == UINT64_MAX)
			break;
		if (at != want) {
			want = at;
			agree = 1;
		} else if (++agree == n) {
			/* Found at want: on to the next officer. */
			store_idset_add(set, (uint32_t)(want >> 8));
			want = ((want >> 8) + 1) << 8;
			agree = 0;
		}
	}
	for (j = 0; j < n; j++)
		if (s[j].rc != 0 && s[j].rc != OGPO_NOTFOUND)
			return s[j].rc;
	return 0;
}

int
store_officer_find(struct store_txn *t, const char *text,
    struct store_idset *set, char **cause)
{
	static const uint8_t fields[] = { STORE_GRAM_NAME, STORE_GRAM_EMAIL,
	    STORE_GRAM_TITLE };
	enum { MAXS = STORE_GRAM_TEXT_MAX / STORE_GRAM_UNITS + 1 };
	uint8_t fold[STORE_GRAM_TEXT_MAX], key[STORE_GRAM_TEXT_MAX + 1];
	uint16_t at[STORE_GRAM_TEXT_MAX + 1];
	struct find_stream *st = NULL;
	size_t n, f, c, ns = 0, j;
	MDB_cursor *mc = NULL;
	int rc;

	if ((rc = store_gram_flush(t, cause)) != 0)
		return rc;
	n = store_gram_split(text, fold, at, STORE_GRAM_TEXT_MAX);
	if (n == 0 || text[at[n]] != '\0')
		return 0;	/* empty, or longer than any field */
	if (n <= STORE_GRAM_UNITS) {
		/* Every gram that begins with the text. */
		if ((rc = mdb_cursor_open(t->txn, t->s->dbi[DB_OFFICER_GRAM],
		    &mc)) != 0)
			return store_error(t, rc, "reading the search index",
			    cause);
		for (f = 0; f < sizeof fields && rc == 0; f++) {
			key[0] = fields[f];
			memcpy(key + 1, fold, at[n]);
			rc = find_prefix(mc, key, 1 + at[n], set);
		}
		mdb_cursor_close(mc);
		goto out;
	}
	/* Longer: the grams at 0, 3, 6 … and the last one cover the text,
	 * so where each is at its distance, the text is. */
	st = xcalloc(MAXS, sizeof *st);
	for (c = 0; ; c += STORE_GRAM_UNITS) {
		if (c + STORE_GRAM_UNITS > n)
			c = n - STORE_GRAM_UNITS;
		st[ns].off = (unsigned)c;
		st[ns].gl = store_gram_key(0, fold, at, n, c, STORE_GRAM_UNITS,
		    st[ns].g);
		st[ns].b = xreallocarray(NULL, STORE_GRAM_BLOCK_ENTS,
		    sizeof *st[ns].b);
		if ((rc = mdb_cursor_open(t->txn, t->s->dbi[DB_OFFICER_GRAM],
		    &st[ns++].mc)) != 0)
			goto out;
		if (c + STORE_GRAM_UNITS == n)
			break;
	}
	for (f = 0; f < sizeof fields && rc == 0; f++) {
		for (j = 0; j < ns; j++) {
			st[j].g[0] = fields[f];
			st[j].n = st[j].i = 0;
			st[j].rc = 0;
		}
		rc = find_join(st, ns, set);
	}
out:
	for (j = 0; j < ns; j++) {
		if (st[j].mc != NULL)
			mdb_cursor_close(st[j].mc);
		free(st[j].b);
	}
	free(st);
	if (rc == OGPO_CORRUPT)
		return err_set(cause, OGPO_CORRUPT, "the search index is "
		    "damaged; run ogpo verify");
	return rc != 0 ? store_error(t, rc, "reading the search index",
	    cause) : 0;
}

int
store_group_add(struct store_txn *t, enum store_index ix, uint32_t group,
    struct store_idset *set)
{
	uint8_t g[4];
	MDB_cursor *mc;
	MDB_val k = { 4, g }, v;
	size_t i;
	int rc;

	if (!(store_ix[ix].flags & IXF_DUP))
		return OGPO_INVALID;
	store_u32_put(g, group);
	if ((rc = mdb_cursor_open(t->txn, store_ix_read(t, ix), &mc)) != 0)
		return store_error(t, rc, "reading an index", NULL);
	/* A page of ids at a time. */
	rc = mdb_cursor_get(mc, &k, &v, MDB_SET_KEY);
	if (rc == 0 && (rc = mdb_cursor_get(mc, &k, &v, MDB_GET_MULTIPLE)) == 0)
		do
			for (i = 0; i + 4 <= v.mv_size; i += 4)
				store_idset_add(set, store_u32_get(
				    (uint8_t *)v.mv_data + i));
		while ((rc = mdb_cursor_get(mc, &k, &v, MDB_NEXT_MULTIPLE)) == 0);
	mdb_cursor_close(mc);
	return rc == 0 || rc == MDB_NOTFOUND ? 0 : store_error(t, rc,
	    "reading an index", NULL);
}
