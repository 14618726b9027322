/*
 * gram.c — the officer_gram index, which makes a search of any part of
 * an officer's name, e-mail or title cost what its answer costs, not
 * what the table holds.
 *
 * Every character of those fields starts an entry: the field (a byte),
 * then the characters from there, three at most (fewer at the field's
 * end), with A-Z lower-cased as a search compares them; it names the
 * officer's id and the character's place in the field. A text of up to
 * three characters is then found in the grams that begin with it (a
 * Chinese surname, "wa"), and a longer one by the grams at its places,
 * which must sit at the same distances in the same field of the same
 * officer: exact, with no record read (find.c).
 *
 * A million officers give some 35 million entries: as many LMDB items
 * would cost seconds to write on each import. So a gram's entries are
 * kept in blocks, in (id, place) order, each under the gram, a 0 byte
 * and its first entry, holding the entries from there up to the next
 * block's first, each as the distance in ids from the one before (a
 * varint) and the place. An import gathers its entries gram by gram and
 * appends them to each gram's last block; any other change reads, edits
 * and writes back one block.
 */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/text.h"
#include "store-int.h"

#define GRAM_BLOCK_MAX	1024	/* bytes of a block's value, at most */
#define GRAM_BLOCK_ENTS	STORE_GRAM_BLOCK_ENTS

size_t
store_gram_split(const char *s, uint8_t *fold, uint16_t *at, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0, off = 0, len, i, left = strlen(s);
	uint32_t cp;

	while (off < left && n < max) {
		len = text_decode(p + off, left - off, &cp);
		if (len == 0)
			len = 1;	/* a stray byte is a character here */
		at[n++] = (uint16_t)off;
		for (i = 0; i < len; i++)
			fold[off + i] = p[off + i] >= 'A' && p[off + i] <= 'Z' ?
			    (uint8_t)(p[off + i] - 'A' + 'a') : p[off + i];
		off += len;
	}
	at[n] = (uint16_t)off;
	return n;
}

size_t
store_gram_key(uint8_t field, const uint8_t *fold, const uint16_t *at,
    size_t n, size_t p, size_t units, uint8_t *key)
{
	size_t end = p + units < n ? p + units : n, len = at[end] - at[p];

	key[0] = field;
	memcpy(key + 1, fold + at[p], len);
	return 1 + len;
}

/* The entries of one field; out has room for them (STORE_ENT_MAX). */
static size_t
gram_field(uint8_t field, const char *s, uint32_t id, struct store_ixent *out)
{
	uint8_t fold[STORE_GRAM_TEXT_MAX];
	uint16_t at[STORE_GRAM_TEXT_MAX + 1];
	size_t n, p;

	n = store_gram_split(s, fold, at, STORE_GRAM_TEXT_MAX);
	for (p = 0; p < n; p++) {
		out[p].kl = (uint16_t)store_gram_key(field, fold, at, n, p,
		    STORE_GRAM_UNITS, out[p].k);
		store_u32_put(out[p].v, id);
		out[p].v[4] = (uint8_t)p;
		out[p].vl = STORE_GRAM_VLEN;
	}
	return n;
}

size_t
store_gram_entries(const void *rec, struct store_ixent *out, size_t max)
{
	const struct officer *o = rec;
	size_t n = 0;

	(void)max;	/* STORE_ENT_MAX holds the three fields at their longest */
	n += gram_field(STORE_GRAM_NAME, o->name, o->h.id, out + n);
	n += gram_field(STORE_GRAM_EMAIL, o->email, o->h.id, out + n);
	n += gram_field(STORE_GRAM_TITLE, o->title, o->h.id, out + n);
	return n;
}

/* Blocks. */

static uint64_t
gram_ord(const struct store_gram_ent *e)
{
	return (uint64_t)e->id << 8 | e->pos;
}

/* A block's key: the gram, a 0 byte, the first entry's id and place. */
static size_t
gram_bkey(const uint8_t *g, size_t gl, const struct store_gram_ent *first,
    uint8_t *out)
{
	memcpy(out, g, gl);
	out[gl] = 0;
	store_u32_put(out + gl + 1, first->id);
	out[gl + 5] = first->pos;
	return gl + 6;
}

int
store_gram_bkey_parse(const MDB_val *k, size_t *gl,
    struct store_gram_ent *first)
{
	const uint8_t *p = k->mv_data;

	if (k->mv_size < 7 || k->mv_size > STORE_GRAM_KEY_MAX + 6 ||
	    p[k->mv_size - 6] != 0)
		return -1;
	*gl = k->mv_size - 6;
	first->id = store_u32_get(p + *gl + 1);
	first->pos = p[*gl + 5];
	return 0;
}

/* A varint at *p (before end) into *x; 0, or -1 if it runs over. */
static int
gram_varint(const uint8_t **p, const uint8_t *end, uint64_t *x)
{
	int shift;

	for (*x = 0, shift = 0; *p < end && shift < 42; shift += 7) {
		*x |= (uint64_t)(**p & 0x7f) << shift;
		if (!(*(*p)++ & 0x80))
			return 0;
	}
	return -1;
}

int
store_gram_decode(const MDB_val *k, const MDB_val *v,
    struct store_gram_ent *out, size_t *n)
{
	const uint8_t *p = v->mv_data, *end = p + v->mv_size;
	struct store_gram_ent first;
	uint64_t id, x, extra;
	size_t gl, m = 0;
	uint8_t pos;

	if (store_gram_bkey_parse(k, &gl, &first) != 0 || v->mv_size == 0 ||
	    v->mv_size > GRAM_BLOCK_MAX)
		return -1;
	id = first.id;
	while (p < end) {
		extra = 0;
		if (gram_varint(&p, end, &x) != 0 || p >= end)
			return -1;
		pos = *p++;
		if ((x & 1) && gram_varint(&p, end, &extra) != 0)
			return -1;
		for (extra++; extra > 0; extra--) {
			if ((id += x >> 1) > UINT32_MAX || m == GRAM_BLOCK_ENTS)
				return -1;
			out[m].id = (uint32_t)id;
			out[m].pos = pos;
			/* In order, and none before the key says. */
			if ((m > 0 && gram_ord(&out[m]) <=
			    gram_ord(&out[m - 1])) || (m == 0 &&
			    gram_ord(&out[0]) < gram_ord(&first)))
				return -1;
			m++;
		}
	}
	*n = m;
	return 0;
}

static size_t
gram_put_varint(uint8_t *out, uint64_t x)
{
	size_t len = 0;

	while (x >= 0x80) {
		out[len++] = (uint8_t)(x | 0x80);
		x >>= 7;
	}
	out[len++] = (uint8_t)x;
	return len;
}

/*
 * Encode from e[0] on, as many of e[0..n) as a block holds: each entry
 * the distance from the one before (times 2, plus 1 for a run) and its
 * place; a run is followed by how many more come at the same distance
 * and place (consecutive ids at one place: a gram that starts every
 * e-mail of an agency). The first is at distance 0 from itself, as the
 * block's key names it. Returns the bytes; *used, the entries.
 */
static size_t
gram_encode(const struct store_gram_ent *e, size_t n, uint8_t *out,
    size_t *used)
{
	size_t i, k, len = 0, max = n < GRAM_BLOCK_ENTS ? n : GRAM_BLOCK_ENTS;
	uint32_t d, base = e[0].id;

	/* An item is at most 5 + 1 + 2 bytes. */
	for (i = 0; i < max && len + 8 <= GRAM_BLOCK_MAX; i = k) {
		d = e[i].id - base;
		for (k = i + 1; k < max && d > 0 && e[k].pos == e[i].pos &&
		    e[k].id - e[k - 1].id == d; k++)
			;
		len += gram_put_varint(out + len, (uint64_t)d << 1 |
		    (k - i > 1));
		out[len++] = e[i].pos;
		if (k - i > 1)
			len += gram_put_varint(out + len, k - i - 1);
		base = e[k - 1].id;
	}
	*used = i;
	return len;
}

/*
 * Write e[0..n) of gram g as blocks, each as full as it goes; the first
 * under key old if that is its key (replaced), else old is deleted first.
 */
static int
gram_write(struct store_txn *t, const uint8_t *g, size_t gl,
    const MDB_val *old, const struct store_gram_ent *e, size_t n,
    char **cause)
{
	uint8_t key[STORE_GRAM_KEY_MAX + 6], val[GRAM_BLOCK_MAX];
	MDB_val k, v;
	size_t i, used, len;
	int rc;

	if (old != NULL) {
		k.mv_size = old->mv_size;
		memcpy(key, old->mv_data, old->mv_size);
		k.mv_data = key;
		if (n == 0 || k.mv_size != gl + 6 || gram_ord(&e[0]) !=
		    ((uint64_t)store_u32_get(key + gl + 1) << 8 | key[gl + 5])) {
			rc = store_kv_del(t, DB_OFFICER_GRAM, &k, NULL);
			if (rc != 0 && rc != MDB_NOTFOUND)
				return store_error(t, rc, "updating the search "
				    "index", cause);
		}
	}
	for (i = 0; i < n; i += used) {
		len = gram_encode(e + i, n - i, val, &used);
		k = (MDB_val){ gram_bkey(g, gl, &e[i], key), key };
		v = (MDB_val){ len, val };
		if ((rc = store_kv_put(t, DB_OFFICER_GRAM, &k, &v, 0)) != 0)
			return store_error(t, rc, "updating the search index",
			    cause);
	}
	return 0;
}

/*
 * Put mc on the block of gram g where entry e belongs: the last whose
 * first entry is not after e, else the gram's first. Returns 0 with k, v
 * the block, OGPO_NOTFOUND if the gram has none.
 */
static int
gram_seek(struct store_kc *mc, const uint8_t *g, size_t gl,
    const struct store_gram_ent *e, MDB_val *k, MDB_val *v)
{
	uint8_t key[STORE_GRAM_KEY_MAX + 6];
	int rc;

	*k = (MDB_val){ gram_bkey(g, gl, e, key), key };
	rc = store_kc_get(mc, k, v, MDB_SET_RANGE);
	if (rc == 0 && k->mv_size == gl + 6 && memcmp(k->mv_data, key,
	    gl + 6) == 0)
		return 0;	/* a block starts at e */
	rc = store_kc_get(mc, k, v, rc == 0 ? MDB_PREV : MDB_LAST);
	if (rc == 0 && k->mv_size == gl + 6 && memcmp(k->mv_data, g, gl) == 0 &&
	    ((uint8_t *)k->mv_data)[gl] == 0)
		return 0;
	/* Before the gram's first block, if it has one. */
	*k = (MDB_val){ gl + 1, key };
	key[gl] = 0;
	rc = store_kc_get(mc, k, v, MDB_SET_RANGE);
	if (rc == 0 && k->mv_size == gl + 6 && memcmp(k->mv_data, key,
	    gl + 1) == 0)
		return 0;
	return OGPO_NOTFOUND;
}

/* Put or take away one entry (key g, value id and place), now. */
static int
gram_apply(struct store_txn *t, const uint8_t *g, size_t gl,
    const struct store_gram_ent *e, int del, char **cause)
{
	struct store_gram_ent ents[GRAM_BLOCK_ENTS + 1];
	uint8_t okey[STORE_GRAM_KEY_MAX + 6];
	struct store_kc mc;
	MDB_val k, v, old;
	size_t n = 0, i;
	int rc;

	if ((rc = store_kc_open(t, DB_OFFICER_GRAM, &mc)) != 0)
		return store_error(t, rc, "updating the search index", cause);
	rc = gram_seek(&mc, g, gl, e, &k, &v);
	if (rc == 0 && store_gram_decode(&k, &v, ents, &n) != 0)
		rc = OGPO_CORRUPT;
	if (rc == 0) {
		memcpy(okey, k.mv_data, k.mv_size);
		old = (MDB_val){ k.mv_size, okey };
	}
	store_kc_close(&mc);
	if (rc == OGPO_CORRUPT)
		return err_set(cause, OGPO_CORRUPT, "the search index is "
		    "damaged; run ogpo verify");
	if (rc == OGPO_NOTFOUND)
		return del ? 0 : gram_write(t, g, gl, NULL, e, 1, cause);
	for (i = 0; i < n && gram_ord(&ents[i]) < gram_ord(e); i++)
		;
	if (i < n && gram_ord(&ents[i]) == gram_ord(e)) {
		if (!del)
			return 0;
		memmove(ents + i, ents + i + 1, (n - i - 1) * sizeof *ents);
		return gram_write(t, g, gl, &old, ents, n - 1, cause);
	}
	if (del)
		return 0;
	memmove(ents + i + 1, ents + i, (n - i) * sizeof *ents);
	ents[i] = *e;
	return gram_write(t, g, gl, &old, ents, n + 1, cause);
}

/* One gathered change: the entry, whether it takes the entry away, and
 * when it came (of changes to one entry, the last counts). */
struct gram_op {
	uint64_t	 ord;
	uint32_t	 seq;
	uint8_t		 del;
};

static int
gram_op_cmp(const void *a, const void *b)
{
	const struct gram_op *x = a, *y = b;

	if (x->ord != y->ord)
		return x->ord < y->ord ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/*
 * Apply changes op[0..m) (sorted by entry, one per entry) to gram g, a
 * block at a time: each block the changes fall in is read, changed and
 * written once. out: room for a block and all the changes.
 */
static int
gram_merge(struct store_txn *t, const uint8_t *g, size_t gl,
    const struct gram_op *op, size_t m, struct store_gram_ent *out,
    char **cause)
{
	struct store_gram_ent b[GRAM_BLOCK_ENTS], e;
	uint8_t okey[STORE_GRAM_KEY_MAX + 6];
	struct store_kc mc;
	MDB_val k, v, old;
	uint64_t bound;
	size_t i = 0, j, n, bi, o;
	int rc;

	while (i < m) {
		e.id = (uint32_t)(op[i].ord >> 8);
		e.pos = (uint8_t)op[i].ord;
		if ((rc = store_kc_open(t, DB_OFFICER_GRAM, &mc)) != 0)
			return store_error(t, rc, "updating the search index",
			    cause);
		n = 0;
		bound = UINT64_MAX;
		rc = gram_seek(&mc, g, gl, &e, &k, &v);
		if (rc == 0) {
			if (store_gram_decode(&k, &v, b, &n) != 0)
				rc = OGPO_CORRUPT;
			memcpy(okey, k.mv_data, k.mv_size);
			old = (MDB_val){ k.mv_size, okey };
			/* Up to the next block's first entry. */
			if (rc == 0 && store_kc_get(&mc, &k, &v,
			    MDB_NEXT) == 0 && k.mv_size == gl + 6 &&
			    memcmp(k.mv_data, g, gl) == 0 &&
			    ((uint8_t *)k.mv_data)[gl] == 0)
				bound = (uint64_t)store_u32_get((uint8_t *)
				    k.mv_data + gl + 1) << 8 |
				    ((uint8_t *)k.mv_data)[gl + 5];
		}
		store_kc_close(&mc);
		if (rc == OGPO_CORRUPT)
			return err_set(cause, OGPO_CORRUPT, "the search index "
			    "is damaged; run ogpo verify");
		for (j = i; j < m && op[j].ord < bound; j++)
			;
		/* Merge the block's entries with changes i..j. */
		for (bi = 0, o = 0; bi < n || i < j; ) {
			if (i < j && (bi == n || op[i].ord <= gram_ord(&b[bi]))) {
				if (bi < n && op[i].ord == gram_ord(&b[bi]))
					bi++;	/* replaced or taken away */
				if (!op[i].del) {
					out[o].id = (uint32_t)(op[i].ord >> 8);
					out[o++].pos = (uint8_t)op[i].ord;
				}
				i++;
			} else
				out[o++] = b[bi++];
		}
		if ((rc = gram_write(t, g, gl, n > 0 ? &old : NULL, out, o,
		    cause)) != 0)
			return rc;
	}
	return 0;
}

/*
 * Gathered changes (an import), each gram found through a hash table.
 * While a gram's changes are new entries, each after the one before
 * (what an import of new officers makes), they are kept as the gram's
 * own stream of bytes, a few a change: each the distance in ids from the
 * one before (a varint) and the place, in chunks of GRAM_CHUNK bytes
 * from one arena. Every write of the gathered changes reads, re-encodes
 * and writes again each gram's last block, so the fewer writes a file
 * takes the better: at some 2.3 bytes a change where a change of the
 * array below takes 21, a batch holds nine times as many, and an import
 * of a million officers is written in 10 goes (with the other indexes'),
 * not 47: an eighth of the writer's time. The worker that gathers pays
 * some of it back, writing each change to a place of its own gram's.
 *
 * Any other change (a deletion, an entry not after its gram's last) goes
 * to one array of every such change in the order it came, naming its
 * gram; a gram's stream, if it has one, is moved there first, so its
 * changes stay in order. Appending there touches memory in order, where
 * a list per gram would reach a place of its own (out of the cache) for
 * each of the dozens of changes a record makes. At a flush those
 * changes are grouped by gram, keeping their order (a counting sort),
 * and the grams written in key order, each with one look at its last
 * block when its changes are new entries after the last one, else
 * change by change.
 */
#define GRAM_CHUNK	256	/* bytes of a stream's chunk: next, then data */

struct gram_rec {
	uint32_t		 pend;	/* the gram's index in pend */
	uint32_t		 id;
	uint8_t			 pos, del;
};

struct gram_pend {
	uint8_t			 g[STORE_GRAM_KEY_MAX];
	uint8_t			 gl;
	uint8_t			 appends;	/* puts only, each after the last:
						   in the stream, not in recs */
	uint8_t			 tlen;		/* bytes in the stream's last
						   chunk */
	uint32_t		 hash;
	uint32_t		 n;		/* changes */
	uint32_t		 first;		/* at a flush: its first in byg */
	uint32_t		 head, tail;	/* the stream's first and last
						   chunks, + 1; 0: none */
	struct store_gram_ent	 last;
};

struct gram_worker;

struct store_gram_defer {
	struct gram_pend	*pend;
	size_t			 npend, cap;
	uint32_t		*table;		/* pend index + 1, 0: free */
	size_t			 tsize;		/* a power of 2 */
	struct gram_rec		*recs;		/* the changes, as they came */
	size_t			 nrecs, rcap;
	uint8_t			*chunks;	/* the grams' streams */
	size_t			 nchunks, ccap;	/* in chunks */
	struct store_gram_ent	*byg;		/* at a flush: grouped by gram */
	uint8_t			*bygdel;
	size_t			 bcap;
	struct store_gram_ent	*ents;		/* a gram's, at a flush */
	size_t			 ecap;
	struct gram_op		*ops;		/* likewise */
	size_t			 ocap;
	size_t			 batch;		/* bytes, then flush */
	struct gram_worker	*w;		/* gathers beside the writer */
	int			 nothread;	/* none could be started */
};

static int	gram_worker_start(struct store_gram_defer *d);
static int	gram_worker_put(struct store_gram_defer *d,
		    const struct officer *o);
static void	gram_worker_drain(struct store_gram_defer *d);
static void	gram_worker_stop(struct store_gram_defer *d);

static uint32_t
gram_hash(const uint8_t *g, size_t gl)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < gl; i++)
		h = (h ^ g[i]) * 16777619u;
	return h;
}

static void
gram_rehash(struct store_gram_defer *d, size_t tsize)
{
	size_t i, j;

	free(d->table);
	d->tsize = tsize;
	d->table = xcalloc(tsize, sizeof *d->table);
	for (i = 0; i < d->npend; i++) {
		j = gram_hash(d->pend[i].g, d->pend[i].gl) & (tsize - 1);
		while (d->table[j] != 0)
			j = (j + 1) & (tsize - 1);
		d->table[j] = (uint32_t)i + 1;
	}
}

void
store_gram_defer_free(struct store_txn *t)
{
	struct store_gram_defer *d = t->gram;

	if (d == NULL)
		return;
	gram_worker_stop(d);
	free(d->pend);
	free(d->table);
	free(d->recs);
	free(d->chunks);
	free(d->byg);
	free(d->bygdel);
	free(d->ents);
	free(d->ops);
	free(d);
	t->gram = NULL;
}

static void
gram_forget(struct store_gram_defer *d)
{
	d->npend = 0;
	d->nrecs = 0;
	d->nchunks = 0;
	if (d->table != NULL)
		memset(d->table, 0, d->tsize * sizeof *d->table);
}

static int
gram_pend_cmp(const void *a, const void *b)
{
	const struct gram_pend *x = a, *y = b;
	int c = memcmp(x->g, y->g, x->gl < y->gl ? x->gl : y->gl);

	return c != 0 ? c : (x->gl > y->gl) - (x->gl < y->gl);
}

/* Add byte b to p's stream. */
static void
gram_stream_byte(struct store_gram_defer *d, struct gram_pend *p, uint8_t b)
{
	uint8_t *c;
	size_t at;

	if (p->tail == 0 || p->tlen == GRAM_CHUNK - 4) {
		d->chunks = xgrow(d->chunks, &d->ccap, d->nchunks + 1,
		    GRAM_CHUNK);
		at = d->nchunks++;
		store_u32_put(d->chunks + at * GRAM_CHUNK, 0);
		if (p->tail != 0)
			store_u32_put(d->chunks + (p->tail - 1) * GRAM_CHUNK,
			    (uint32_t)at + 1);
		else
			p->head = (uint32_t)at + 1;
		p->tail = (uint32_t)at + 1;
		p->tlen = 0;
	}
	c = d->chunks + (p->tail - 1) * GRAM_CHUNK;
	c[4 + p->tlen++] = b;
}

/* Add entry e, after the gram's last (p->last, if it has changes). */
static void
gram_stream_put(struct store_gram_defer *d, struct gram_pend *p,
    const struct store_gram_ent *e)
{
	uint32_t x = e->id - (p->n != 0 ? p->last.id : 0);
	uint8_t *c;
	size_t len;

	if (p->tail != 0 && p->tlen + 6 <= GRAM_CHUNK - 4) {
		/* Room for the longest: no chunk to look for. */
		c = d->chunks + (p->tail - 1) * GRAM_CHUNK + 4 + p->tlen;
		len = gram_put_varint(c, x);
		c[len] = e->pos;
		p->tlen += (uint8_t)(len + 1);
		return;
	}
	for (; x >= 0x80; x >>= 7)
		gram_stream_byte(d, p, (uint8_t)(x | 0x80));
	gram_stream_byte(d, p, (uint8_t)x);
	gram_stream_byte(d, p, e->pos);
}

/* The p->n entries of p's stream, into out. */
static void
gram_stream_get(const struct store_gram_defer *d, const struct gram_pend *p,
    struct store_gram_ent *out)
{
	const uint8_t *c = NULL;
	uint32_t id = 0, x, next = p->head;
	size_t i, at = GRAM_CHUNK - 4;
	int shift, byte;

	for (i = 0; i < p->n; i++) {
		for (x = 0, shift = 0, byte = 0x80; byte & 0x80; shift += 7) {
			if (at == GRAM_CHUNK - 4) {
				c = d->chunks + (next - 1) * GRAM_CHUNK;
				next = store_u32_get(c);
				c += 4;
				at = 0;
			}
			byte = c[at++];
			x |= (uint32_t)(byte & 0x7f) << shift;
		}
		out[i].id = id += x;
		if (at == GRAM_CHUNK - 4) {
			c = d->chunks + (next - 1) * GRAM_CHUNK;
			next = store_u32_get(c);
			c += 4;
			at = 0;
		}
		out[i].pos = c[at++];
	}
}

/* Put a change in recs. */
static void
gram_rec_put(struct store_gram_defer *d, const struct gram_pend *p,
    const struct store_gram_ent *e, int del)
{
	struct gram_rec *r;

	d->recs = xgrow(d->recs, &d->rcap, d->nrecs + 1, sizeof *d->recs);
	r = &d->recs[d->nrecs++];
	r->pend = (uint32_t)(p - d->pend);
	r->id = e->id;
	r->pos = e->pos;
	r->del = (uint8_t)del;
}

/* p's changes from its stream to recs, where its next ones go too. */
static void
gram_unstream(struct store_gram_defer *d, struct gram_pend *p)
{
	size_t i;

	p->appends = 0;
	if (p->n == 0)
		return;
	d->ents = xgrow(d->ents, &d->ecap, p->n, sizeof *d->ents);
	gram_stream_get(d, p, d->ents);
	for (i = 0; i < p->n; i++)
		gram_rec_put(d, p, &d->ents[i], 0);
	p->head = p->tail = 0;
}

/* Write one gram's gathered changes. */
static int
gram_flush_one(struct store_txn *t, struct store_gram_defer *d,
    struct gram_pend *p, char **cause)
{
	struct store_gram_ent *ents, *mine;
	const uint8_t *mdel;
	uint8_t okey[STORE_GRAM_KEY_MAX + 6], end[STORE_GRAM_KEY_MAX + 1];
	struct store_kc mc;
	MDB_val k, v, old;
	size_t n = 0, i, k2;
	int rc, have = 0;

	d->ents = xgrow(d->ents, &d->ecap, GRAM_BLOCK_ENTS + p->n,
	    sizeof *d->ents);
	ents = d->ents;
	if (p->appends) {
		/* The gram's last block: just before (gram, 1). */
		if ((rc = store_kc_open(t, DB_OFFICER_GRAM, &mc)) != 0) {
			return store_error(t, rc, "updating the search index",
			    cause);
		}
		memcpy(end, p->g, p->gl);
		end[p->gl] = 1;
		k = (MDB_val){ p->gl + 1u, end };
		rc = store_kc_get(&mc, &k, &v, MDB_SET_RANGE);
		rc = store_kc_get(&mc, &k, &v, rc == 0 ? MDB_PREV : MDB_LAST);
		if (rc == 0 && k.mv_size == p->gl + 6u &&
		    memcmp(k.mv_data, p->g, p->gl) == 0 &&
		    ((uint8_t *)k.mv_data)[p->gl] == 0) {
			if (store_gram_decode(&k, &v, ents, &n) != 0)
				rc = OGPO_CORRUPT;
			memcpy(okey, k.mv_data, k.mv_size);
			old = (MDB_val){ k.mv_size, okey };
			have = 1;
		}
		store_kc_close(&mc);
		if (rc == OGPO_CORRUPT)
			return err_set(cause, OGPO_CORRUPT, "the search index "
			    "is damaged; run ogpo verify");
		/* The stream's entries after the block's. */
		mine = ents + n;
		mdel = NULL;
		gram_stream_get(d, p, mine);
		if (have && gram_ord(&mine[0]) <= gram_ord(&ents[n - 1]))
			p->appends = 0;		/* not after the last one */
	} else {
		mine = d->byg + p->first;
		mdel = d->bygdel + p->first;
	}
	rc = 0;
	if (!p->appends) {
		/* In entry order, the last change to each entry only. */
		d->ops = xgrow(d->ops, &d->ocap, p->n, sizeof *d->ops);
		for (n = 0; n < p->n; n++) {
			d->ops[n].ord = gram_ord(&mine[n]);
			d->ops[n].seq = (uint32_t)n;
			d->ops[n].del = mdel != NULL ? mdel[n] : 0;
		}
		qsort(d->ops, n, sizeof *d->ops, gram_op_cmp);
		for (i = 0, k2 = 0; i < n; i++)
			if (i + 1 == n || d->ops[i + 1].ord != d->ops[i].ord)
				d->ops[k2++] = d->ops[i];
		return gram_merge(t, p->g, p->gl, d->ops, k2, ents, cause);
	}
	/* Appends: the last block refilled, then new blocks. */
	n += p->n;
	return gram_write(t, p->g, p->gl, have ? &old : NULL, ents, n, cause);
}

int
store_gram_flush(struct store_txn *t, char **cause)
{
	struct store_gram_defer *d = t->gram;
	const struct gram_rec *r;
	size_t i, n;
	uint32_t at;
	int rc = 0;

	if (d == NULL)
		return 0;
	gram_worker_drain(d);
	if (d->npend == 0)
		return 0;
	/* Each gram's changes together, in the order they came. */
	if (d->bcap < d->nrecs) {
		free(d->byg);
		free(d->bygdel);
		d->bcap = d->nrecs;
		d->byg = xreallocarray(NULL, d->bcap, sizeof *d->byg);
		d->bygdel = xmalloc(d->bcap);
	}
	for (i = 0, n = 0; i < d->npend; i++) {
		d->pend[i].first = (uint32_t)n;
		if (!d->pend[i].appends)
			n += d->pend[i].n;
	}
	for (i = 0; i < d->nrecs; i++) {
		r = &d->recs[i];
		at = d->pend[r->pend].first++;
		d->byg[at].id = r->id;
		d->byg[at].pos = r->pos;
		d->bygdel[at] = r->del;
	}
	for (i = 0; i < d->npend; i++)
		if (!d->pend[i].appends)
			d->pend[i].first -= d->pend[i].n;
	qsort(d->pend, d->npend, sizeof *d->pend, gram_pend_cmp);
	for (i = 0; i < d->npend && rc == 0; i++)
		rc = gram_flush_one(t, d, &d->pend[i], cause);
	gram_forget(d);
	return rc;
}

/* Gather a change to entry (g, e), for a flush later; 1 once the batch
 * is full (the caller flushes it), else 0. */
static int
gram_gather(struct store_gram_defer *d, const uint8_t *g, size_t gl,
    const struct store_gram_ent *e, int del)
{
	struct gram_pend *p;
	uint32_t h = gram_hash(g, gl);
	size_t j;

	if (d->npend * 2 >= d->tsize)
		gram_rehash(d, d->tsize ? d->tsize * 2 : 4096);
	j = h & (d->tsize - 1);
	for (; d->table[j] != 0; j = (j + 1) & (d->tsize - 1)) {
		p = &d->pend[d->table[j] - 1];
		if (p->hash == h && p->gl == gl && memcmp(p->g, g, gl) == 0)
			break;
	}
	if (d->table[j] == 0) {
		d->pend = xgrow(d->pend, &d->cap, d->npend + 1,
		    sizeof *d->pend);
		p = &d->pend[d->npend++];
		memcpy(p->g, g, gl);
		p->gl = (uint8_t)gl;
		p->appends = 1;
		p->hash = h;
		p->n = 0;
		p->head = p->tail = 0;
		d->table[j] = (uint32_t)d->npend;
	} else
		p = &d->pend[d->table[j] - 1];
	if (p->appends && (del || (p->n != 0 &&
	    gram_ord(e) <= gram_ord(&p->last))))
		gram_unstream(d, p);
	if (p->appends)
		gram_stream_put(d, p, e);
	else
		gram_rec_put(d, p, e, del);
	p->last = *e;
	p->n++;
	/* What the flush will hold besides: the changes grouped. */
	return d->nrecs * (sizeof *d->recs + sizeof *d->byg + 1) +
	    d->npend * sizeof *p + d->nchunks * GRAM_CHUNK >= d->batch;
}

/*
 * The worker: new officers' grams gathered in a thread of their own, so
 * that splitting the fields and finding each gram's place among the
 * changes (a tenth of an import) is done beside the writer, not by it.
 * The writer hands over an officer's id, name, e-mail and title, a batch
 * of them at a time, at most GRAM_QUEUE batches ahead; anything else
 * that touches the gathered changes (a flush, a change to an officer
 * already stored, the end) first waits until the worker has gathered
 * every officer handed over and is idle, so the changes are gathered in
 * the order they were made, as without it. The worker never writes to
 * the database: when its batch is full it says so, and the writer
 * flushes it.
 */
#define GRAM_QROWS	256	/* officers in a batch handed over */
#define GRAM_QUEUE	4	/* batches waiting, at most */

struct gram_qbatch {
	struct gram_qbatch	*next;
	size_t			 n;
	uint32_t		 id[GRAM_QROWS];
	char			 text[GRAM_QROWS][OGPO_NAME_MAX +
				     OGPO_EMAIL_MAX + OGPO_TITLE_MAX + 3];
};

struct gram_worker {
	pthread_t		 thread;
	pthread_mutex_t		 lock;
	pthread_cond_t		 work;		/* a batch is waiting */
	pthread_cond_t		 idle;		/* one was gathered */
	struct gram_qbatch	*head, *tail;	/* waiting */
	struct gram_qbatch	*spare;		/* gathered, to reuse */
	struct gram_qbatch	*cur;		/* the writer's, filling */
	size_t			 queued;
	int			 busy, stop, full;
	struct store_ixent	*ents;		/* the worker's */
};

/* Gather the grams of the officers in b. 1 if the batch is full. */
static int
gram_worker_gather(struct store_gram_defer *d, struct gram_worker *w,
    const struct gram_qbatch *b)
{
	struct officer o;
	struct store_gram_ent e;
	const char *p;
	size_t r, i, n;
	int full = 0;

	for (r = 0; r < b->n; r++) {
		o.h.id = b->id[r];
		p = b->text[r];
		str_copy(o.name, p, sizeof o.name);
		p += strlen(p) + 1;
		str_copy(o.email, p, sizeof o.email);
		p += strlen(p) + 1;
		str_copy(o.title, p, sizeof o.title);
		n = store_gram_entries(&o, w->ents, STORE_ENT_MAX);
		for (i = 0; i < n; i++) {
			e.id = store_u32_get(w->ents[i].v);
			e.pos = w->ents[i].v[4];
			full |= gram_gather(d, w->ents[i].k, w->ents[i].kl,
			    &e, 0);
		}
	}
	return full;
}

static void *
gram_worker_main(void *arg)
{
	struct store_gram_defer *d = arg;
	struct gram_worker *w = d->w;
	struct gram_qbatch *b;
	int full;

	pthread_mutex_lock(&w->lock);
	for (;;) {
		while (w->head == NULL && !w->stop)
			pthread_cond_wait(&w->work, &w->lock);
		if (w->head == NULL)
			break;
		b = w->head;
		if ((w->head = b->next) == NULL)
			w->tail = NULL;
		w->queued--;
		w->busy = 1;
		pthread_mutex_unlock(&w->lock);
		full = gram_worker_gather(d, w, b);
		pthread_mutex_lock(&w->lock);
		b->next = w->spare;
		w->spare = b;
		w->busy = 0;
		w->full |= full;
		pthread_cond_broadcast(&w->idle);
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

/* 0 if the worker runs (now or already), else -1: gather in line. */
static int
gram_worker_start(struct store_gram_defer *d)
{
	struct gram_worker *w;
	sigset_t all, old;
	int ok;

	if (d->w != NULL)
		return 0;
	if (d->nothread)
		return -1;
	d->nothread = 1;	/* until it is seen to start */
	w = xcalloc(1, sizeof *w);
	if (pthread_mutex_init(&w->lock, NULL) != 0 ||
	    pthread_cond_init(&w->work, NULL) != 0 ||
	    pthread_cond_init(&w->idle, NULL) != 0) {
		free(w);
		return -1;
	}
	w->ents = xreallocarray(NULL, STORE_ENT_MAX, sizeof *w->ents);
	d->w = w;
	/* Signals stay with the program's own thread. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	ok = pthread_create(&w->thread, NULL, gram_worker_main, d) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (!ok) {
		d->w = NULL;
		pthread_cond_destroy(&w->idle);
		pthread_cond_destroy(&w->work);
		pthread_mutex_destroy(&w->lock);
		free(w->ents);
		free(w);
		return -1;
	}
	d->nothread = 0;
	return 0;
}

/* Hand the writer's batch to the worker, waiting for room. */
static void
gram_worker_push(struct gram_worker *w)
{
	struct gram_qbatch *b = w->cur;

	w->cur = NULL;
	pthread_mutex_lock(&w->lock);
	while (w->queued >= GRAM_QUEUE)
		pthread_cond_wait(&w->idle, &w->lock);
	b->next = NULL;
	if (w->tail != NULL)
		w->tail->next = b;
	else
		w->head = b;
	w->tail = b;
	w->queued++;
	pthread_cond_signal(&w->work);
	pthread_mutex_unlock(&w->lock);
}

/* Copy the string s (at most n bytes with its NUL) to p; past its NUL. */
static char *
gram_copy(char *p, const char *s, size_t n)
{
	size_t len = strnlen(s, n - 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p + len + 1;
}

/* Hand officer o over; 1 if the worker's batch is full (flush it). */
static int
gram_worker_put(struct store_gram_defer *d, const struct officer *o)
{
	struct gram_worker *w = d->w;
	struct gram_qbatch *b;
	char *p;
	int full = 0;

	if ((b = w->cur) == NULL) {
		/* A batch's start is when the worker's word is read. */
		pthread_mutex_lock(&w->lock);
		if ((b = w->spare) != NULL)
			w->spare = b->next;
		full = w->full;
		pthread_mutex_unlock(&w->lock);
		if (b == NULL)
			b = xmalloc(sizeof *b);
		b->n = 0;
		w->cur = b;
	}
	p = b->text[b->n];
	b->id[b->n] = o->h.id;
	p = gram_copy(p, o->name, sizeof o->name);
	p = gram_copy(p, o->email, sizeof o->email);
	gram_copy(p, o->title, sizeof o->title);
	if (++b->n == GRAM_QROWS)
		gram_worker_push(w);
	return full;
}

/* Wait until the worker has gathered all it was handed and is idle. */
static void
gram_worker_drain(struct store_gram_defer *d)
{
	struct gram_worker *w = d->w;

	if (w == NULL)
		return;
	if (w->cur != NULL && w->cur->n > 0)
		gram_worker_push(w);
	pthread_mutex_lock(&w->lock);
	while (w->head != NULL || w->busy)
		pthread_cond_wait(&w->idle, &w->lock);
	w->full = 0;	/* the caller flushes, or gathers and sees */
	pthread_mutex_unlock(&w->lock);
}

static void
gram_worker_stop(struct store_gram_defer *d)
{
	struct gram_worker *w = d->w;
	struct gram_qbatch *b;

	if (w == NULL)
		return;
	pthread_mutex_lock(&w->lock);
	w->stop = 1;
	pthread_cond_signal(&w->work);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	pthread_cond_destroy(&w->idle);
	pthread_cond_destroy(&w->work);
	pthread_mutex_destroy(&w->lock);
	while ((b = w->head) != NULL) {
		w->head = b->next;
		free(b);
	}
	while ((b = w->spare) != NULL) {
		w->spare = b->next;
		free(b);
	}
	free(w->cur);
	free(w->ents);
	free(w);
	d->w = NULL;
}

/* A deferred transaction's gathering, begun if it has not been. */
static struct store_gram_defer *
gram_defer(struct store_txn *t)
{
	if (t->defer != NULL && t->gram == NULL) {
		t->gram = xcalloc(1, sizeof *t->gram);
		/* About as many changes as a list per gram held in one
		 * batch: 21 bytes each now, with their grouping. */
		t->gram->batch = 2 * store_defer_batch(t);
	}
	return t->gram;
}

int
store_gram_update(struct store_txn *t, const struct store_ixent *old,
    size_t nold, const struct store_ixent *new, size_t nnew, char **cause)
{
	struct store_gram_defer *d;
	const struct store_ixent *x;
	struct store_gram_ent e;
	size_t i;
	int rc, del;

	if (t->shadow != NULL)	/* see store_gram_add */
		return store_shadow_forget(t, DB_OFFICER_GRAM);
	d = gram_defer(t);
	/* What the worker holds comes first. */
	if (d != NULL)
		gram_worker_drain(d);
	/* Deletions first, as record_ix_update does. */
	for (i = 0; i < nold + nnew; i++) {
		del = i < nold;
		x = del ? &old[i] : &new[i - nold];
		/* A new record (an import's): nothing to compare. */
		if (nold != 0 && (del ? store_ixent_in(x, new, nnew) :
		    store_ixent_in(x, old, nold)))
			continue;
		e.id = store_u32_get(x->v);
		e.pos = x->v[4];
		if (d == NULL)
			rc = gram_apply(t, x->k, x->kl, &e, del, cause);
		else
			rc = gram_gather(d, x->k, x->kl, &e, del) ?
			    store_gram_flush(t, cause) : 0;
		if (rc != 0)
			return rc;
	}
	return 0;
}

int
store_gram_add(struct store_txn *t, const struct officer *o, char **cause)
{
	struct store_gram_defer *d;
	struct store_ixent *new;
	size_t n;
	int rc;

	/* A dry run does without the search index: only the screen's
	 * search reads it, in the snapshot (find.c), and the changes would
	 * cost the dry run time and memory for nothing (shadow.c). */
	if (t->shadow != NULL)
		return store_shadow_forget(t, DB_OFFICER_GRAM);
	d = gram_defer(t);
	if (d == NULL || gram_worker_start(d) != 0) {
		new = xreallocarray(NULL, STORE_ENT_MAX, sizeof *new);
		n = store_gram_entries(o, new, STORE_ENT_MAX);
		rc = store_gram_update(t, NULL, 0, new, n, cause);
		free(new);
		return rc;
	}
	/* The worker said its batch is full: written before more come. */
	if (gram_worker_put(d, o))
		return store_gram_flush(t, cause);
	return 0;
}

int
store_gram_has(MDB_cursor *mc, const struct store_ixent *x)
{
	struct store_gram_ent ents[GRAM_BLOCK_ENTS], e;
	struct store_kc kc = { mc, NULL };
	MDB_val k, v;
	size_t n, i;

	e.id = store_u32_get(x->v);
	e.pos = x->v[4];
	if (gram_seek(&kc, x->k, x->kl, &e, &k, &v) != 0 ||
	    store_gram_decode(&k, &v, ents, &n) != 0)
		return 0;
	for (i = 0; i < n; i++)
		if (gram_ord(&ents[i]) == gram_ord(&e))
			return 1;
	return 0;
}

uint64_t
store_gram_hash(const uint8_t *g, size_t gl, const struct store_gram_ent *e)
{
	uint64_t h = 14695981039346656037u;
	size_t i;

	for (i = 0; i < gl; i++)
		h = (h ^ g[i]) * 1099511628211u;
	h = (h ^ e->id) * 1099511628211u;
	h = (h ^ e->pos) * 1099511628211u;
	/* Mixed, so that a sum of them says which were added. */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdu;
	h ^= h >> 33;
	return h;
}
