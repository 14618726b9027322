/*
 * defer.c — index entries written in key order, for bulk writes.
 *
 * One mdb_put per entry in record order lands each entry of a name or
 * agency index at a random place in its tree: a descent, a page copied
 * on first touch, half-empty pages where they split. An import of a
 * whole file instead asks store_defer(): from then on, in that write
 * transaction, the changes to the indexes that allow duplicates are
 * gathered in memory, and written sorted when the batch is full, when
 * someone reads such an index, and at commit. Entries past the end of
 * an index are appended (MDB_APPEND, MDB_APPENDDUP), which fills pages
 * whole; the rest arrive in order, each next to the one before.
 *
 * Every change is kept, deletions too, in the order it was made; for
 * one entry the last change is the one that counts, so the result is
 * what the puts and deletes one by one would have left. Unique indexes
 * are never deferred: they are read on every save.
 */
#include <stdlib.h>
#include <string.h>

#include "ogpo/util.h"
#include "store-int.h"

/* A batch of at most this many bytes of changes, then it is written: 8 MB
 * is as fast as 64 MB or one batch for the whole file, at a million rows. */
#define DEFER_BATCH	(8u << 20)
#define DEFER_BATCH_MAX	(1u << 30)	/* offsets into a batch are 32-bit */

/* A change's key and value lengths are kept in a byte each. */
_Static_assert(STORE_KEY_MAX < 256, "index keys longer than a byte says");

enum { DEFER_PUT, DEFER_DEL };

/* One index's changes: op, key length, value length, key, value. */
struct defer_ix {
	uint8_t		*buf;
	size_t		 len, cap;
	size_t		 n;
};

struct store_defer {
	struct defer_ix	 ix[IX_MAX + 1];
	size_t		 bytes, batch;
	int		 failed;	/* LMDB's error from a write, or 0 */
};

/*
 * A dry run gathers too, as the run it stands for does, and writes its
 * batches to its private layer (shadow.c) through store_kv_put and
 * store_kv_del. Taken one by one there, each of the some 35 search-index
 * entries of a new officer read and wrote back the whole block it falls
 * in: the dry run of an import cost ten times the import.
 */
void
store_defer(struct store_txn *t, size_t batch)
{
	if (t->defer == NULL)
		t->defer = xcalloc(1, sizeof *t->defer);
	t->defer->batch = batch == 0 ? DEFER_BATCH : batch > DEFER_BATCH_MAX ?
	    DEFER_BATCH_MAX : batch;
}

size_t
store_defer_batch(const struct store_txn *t)
{
	return t->defer != NULL ? t->defer->batch : DEFER_BATCH;
}

int
store_defer_on(const struct store_txn *t, enum store_index ixn)
{
	return t->defer != NULL && (store_ix[ixn].flags & IXF_DUP);
}

void
store_defer_free(struct store_txn *t)
{
	size_t i;

	store_gram_defer_free(t);
	if (t->defer == NULL)
		return;
	for (i = 0; i <= IX_MAX; i++)
		free(t->defer->ix[i].buf);
	free(t->defer);
	t->defer = NULL;
}

int
store_defer_add(struct store_txn *t, enum store_index ixn,
    const struct store_ixent *e, int del, char **cause)
{
	struct defer_ix *d = &t->defer->ix[ixn];
	size_t need = 3 + (size_t)e->kl + e->vl;
	uint8_t *p;

	d->buf = xgrow(d->buf, &d->cap, d->len + need, 1);
	p = d->buf + d->len;
	p[0] = del ? DEFER_DEL : DEFER_PUT;
	p[1] = (uint8_t)e->kl;
	p[2] = (uint8_t)e->vl;
	memcpy(p + 3, e->k, e->kl);
	memcpy(p + 3 + e->kl, e->v, e->vl);
	d->len += need;
	d->n++;
	t->defer->bytes += need;
	if (t->defer->bytes >= t->defer->batch)
		return store_defer_flush(t, 0, cause);
	return 0;
}

/* LMDB's default order: bytes, then the shorter first. */
static int
defer_memn(const uint8_t *a, size_t al, const uint8_t *b, size_t bl)
{
	int c = memcmp(a, b, al < bl ? al : bl);

	return c != 0 ? c : al < bl ? -1 : al > bl;
}

/* The order changes are written in: key, value, then as they came. */
static int
defer_cmp(const uint8_t *buf, uint32_t a, uint32_t b)
{
	const uint8_t *pa = buf + a, *pb = buf + b;
	int c;

	if ((c = defer_memn(pa + 3, pa[1], pb + 3, pb[1])) != 0 ||
	    (c = defer_memn(pa + 3 + pa[1], pa[2], pb + 3 + pb[1],
	    pb[2])) != 0)
		return c;
	return a < b ? -1 : a > b;
}

/*
 * Byte d of a change as it sorts: the key's bytes, an end below every
 * byte (the shorter key first), the value's bytes, another end. 0 is an
 * end, 1 + b a byte b.
 */
static unsigned
defer_byte(const uint8_t *p, size_t d)
{
	size_t kl = p[1];

	if (d < kl)
		return 1u + p[3 + d];
	if (d == kl)
		return 0;
	d -= kl + 1;
	return d < p[2] ? 1u + p[3 + kl + d] : 0;
}

/*
 * The first depth from d at which the changes at a[0..n) are not all
 * alike; past the last byte of a[0] (d > its key and value lengths + 1)
 * if they are all the same entry.
 */
static size_t
defer_common(const uint8_t *buf, const uint32_t *a, size_t n, size_t d)
{
	const uint8_t *p0 = buf + a[0];
	size_t i, dd, end = (size_t)p0[1] + p0[2] + 2;

	for (i = 1; i < n && end > d; i++) {
		for (dd = d; dd < end && defer_byte(buf + a[i], dd) ==
		    defer_byte(p0, dd); dd++)
			;
		end = dd;
	}
	return end;
}

/*
 * Sort the changes at offsets a[0..n), alike in their first d bytes, by
 * defer_cmp: a radix sort a byte at a time (the keys of one index often
 * share long beginnings: an agency, a role, an open end date, which are
 * stepped over at once), stable, so the changes to one entry stay in the
 * order they were made; small groups by insertion.
 */
static void
defer_sort(const uint8_t *buf, uint32_t *a, uint32_t *tmp, size_t n, size_t d)
{
	size_t count[257], i, j, b, lo, hi, at;
	uint32_t x;

	if (n >= 32) {
		d = defer_common(buf, a, n, d);
		if (d > (size_t)buf[a[0] + 1] + buf[a[0] + 2] + 1)
			return;		/* all one entry, as they came */
		memset(count, 0, sizeof count);
		lo = 256;
		hi = 0;
		for (i = 0; i < n; i++) {
			b = defer_byte(buf + a[i], d);
			count[b]++;
			lo = b < lo ? b : lo;
			hi = b > hi ? b : hi;
		}
		for (b = lo, at = 0; b <= hi; b++) {
			size_t c = count[b];

			count[b] = at;
			at += c;
		}
		for (i = 0; i < n; i++)
			tmp[count[defer_byte(buf + a[i], d)]++] = a[i];
		memcpy(a, tmp, n * sizeof *a);
		for (b = lo, at = 0; b <= hi; b++) {
			if (count[b] - at > 1)
				defer_sort(buf, a + at, tmp, count[b] - at,
				    d + 1);
			at = count[b];
		}
		return;
	}
	for (i = 1; i < n; i++) {
		x = a[i];
		for (j = i; j > 0 && defer_cmp(buf, a[j - 1], x) > 0; j--)
			a[j] = a[j - 1];
		a[j] = x;
	}
}

/* Two changes to the same entry (key and value)? */
static int
defer_same(const uint8_t *a, const uint8_t *b)
{
	return a[1] == b[1] && a[2] == b[2] &&
	    memcmp(a + 3, b + 3, (size_t)a[1] + a[2]) == 0;
}

/*
 * Put the n values at vals (each vl bytes, in order) under key k in one
 * call (MDB_MULTIPLE: the key's place is found once, not for each): an
 * agency's or a name's new officers of a batch are many under one key.
 * An entry already there is stepped over, as a put of it alone would be.
 */
static int
defer_put_many(MDB_cursor *mc, MDB_val *k, uint8_t *vals, size_t vl,
    size_t n, unsigned flags)
{
	MDB_val v[2];
	int rc;

	while (n > 0) {
		v[0] = (MDB_val){ vl, vals };
		v[1] = (MDB_val){ n, NULL };
		rc = mdb_cursor_put(mc, k, v, flags | MDB_MULTIPLE);
		if (rc == 0)
			return 0;
		if (rc != MDB_KEYEXIST || !(flags & MDB_NODUPDATA) ||
		    v[1].mv_size >= n)
			return rc;
		/* The one after those put is there already. */
		vals += (v[1].mv_size + 1) * vl;
		n -= v[1].mv_size + 1;
		/* The key is there now: no appending it again. */
		flags = MDB_NODUPDATA;
	}
	return 0;
}

/*
 * Do values from first on (vl bytes each, in order) all sort after those
 * under key k, if any? New officers' ids do, under their agency or name:
 * then they are appended to the key's values, not each looked for in
 * them. Worth the look for a few values at least.
 */
#define DEFER_AFTER_MIN	8

static int
defer_after(MDB_cursor *mc, MDB_val *k, const uint8_t *first, size_t vl)
{
	MDB_val kk = *k, v;
	int rc;

	if ((rc = mdb_cursor_get(mc, &kk, &v, MDB_SET_KEY)) == MDB_NOTFOUND)
		return 1;
	return rc == 0 && mdb_cursor_get(mc, &kk, &v, MDB_LAST_DUP) == 0 &&
	    defer_memn(first, vl, v.mv_data, v.mv_size) > 0;
}

/* Write one index's changes in key order, and forget them. */
static int
defer_write(struct store_txn *t, enum store_index ixn, char **cause)
{
	struct defer_ix *d = &t->defer->ix[ixn];
	uint32_t *ents, *tmp;
	uint8_t last[STORE_KEY_MAX], *vals = NULL;
	const uint8_t *prev = NULL;
	enum store_db db = store_ix[ixn].db;
	size_t i, j, nv, off, lastl = 0, valcap = 0;
	struct store_kc mc;
	MDB_val k, v;
	int rc, past_end = 0, have_last;

	if (d->n == 0)
		return 0;
	ents = xreallocarray(NULL, 2 * d->n, sizeof *ents);
	tmp = ents + d->n;
	for (i = 0, off = 0; i < d->n; i++) {
		ents[i] = (uint32_t)off;
		off += 3 + (size_t)d->buf[off + 1] + d->buf[off + 2];
	}
	defer_sort(d->buf, ents, tmp, d->n, 0);

	/* Keys after the index's last one can be appended. Not to a dry
	 * run's layer, which keeps its own order and puts these changes
	 * aside unread until the index is read (shadow.c): there no key is
	 * taken as past the end, and no cursor is opened to find it. */
	mc.mc = NULL;
	mc.sh = NULL;
	if (t->shadow != NULL)
		rc = MDB_NOTFOUND;
	else if ((rc = store_kc_open(t, db, &mc)) != 0) {
		free(ents);
		return store_error(t, rc, "updating an index", cause);
	} else
		rc = store_kc_get(&mc, &k, &v, MDB_LAST);
	if ((have_last = rc == 0)) {
		if ((lastl = k.mv_size) > sizeof last) {
			rc = MDB_CORRUPTED;	/* no index key is that long */
			goto out;
		}
		memcpy(last, k.mv_data, lastl);
	} else if (rc != MDB_NOTFOUND)
		goto out;
	rc = 0;
	for (i = 0; i < d->n && rc == 0; i = j) {
		const uint8_t *p = d->buf + ents[i];
		unsigned flags = MDB_NODUPDATA;

		j = i + 1;
		/* Of the changes to one entry, the last one counts. */
		if (j < d->n && defer_same(p, d->buf + ents[j]))
			continue;
		k = (MDB_val){ p[1], (void *)(p + 3) };
		v = (MDB_val){ p[2], (void *)(p + 3 + p[1]) };
		if (!past_end && t->shadow == NULL)
			past_end = !have_last ||
			    defer_memn(k.mv_data, k.mv_size, last, lastl) > 0;
		if (p[0] == DEFER_DEL) {
			/* Past the end there is nothing yet to delete. */
			if (!past_end && (rc = store_kv_del(t, db, &k,
			    &v)) == MDB_NOTFOUND)
				rc = 0;
			continue;
		}
		/* Past the end each key is new, and its values come in
		 * order: both appended (a key already put, its values).
		 * Already there is fine; an append out of order is not. */
		if (past_end)
			flags = prev != NULL && prev[1] == p[1] &&
			    memcmp(prev + 3, p + 3, p[1]) == 0 ?
			    MDB_APPENDDUP : MDB_APPEND | MDB_APPENDDUP;
		prev = p;
		/* A dry run's layer keeps its own order: one by one, no
		 * appending there. */
		if (mc.mc == NULL) {
			rc = store_kv_put(t, db, &k, &v, flags);
			if (rc == MDB_KEYEXIST && flags == MDB_NODUPDATA)
				rc = 0;
			continue;
		}
		/* The puts that follow under the same key, each the last
		 * change to its entry, their values gathered in order. */
		nv = 0;
		for (;;) {
			vals = xgrow(vals, &valcap, (nv + 1) * p[2], 1);
			memcpy(vals + nv * p[2], p + 3 + p[1], p[2]);
			nv++;
			while (j + 1 < d->n && defer_same(d->buf + ents[j],
			    d->buf + ents[j + 1]))
				j++;
			if (j >= d->n)
				break;
			p = d->buf + ents[j];
			if (p[0] != DEFER_PUT || p[1] != k.mv_size ||
			    p[2] != v.mv_size || memcmp(p + 3, k.mv_data,
			    p[1]) != 0)
				break;
			j++;
		}
		if (nv == 1) {
			v.mv_data = vals;
			rc = mdb_cursor_put(mc.mc, &k, &v, flags);
			if (rc == MDB_KEYEXIST && flags == MDB_NODUPDATA)
				rc = 0;
		} else {
			if (!past_end && nv >= DEFER_AFTER_MIN &&
			    defer_after(mc.mc, &k, vals, v.mv_size))
				flags = MDB_APPENDDUP;
			rc = defer_put_many(mc.mc, &k, vals, v.mv_size, nv,
			    flags);
		}
	}
out:
	store_kc_close(&mc);
	free(vals);
	free(ents);
	t->defer->bytes -= d->len;
	d->len = d->n = 0;
	if (rc != 0) {
		/* Kept for the commit, should the caller not hear of it. */
		if (t->defer->failed == 0)
			t->defer->failed = rc;
		return store_error(t, rc, "updating an index", cause);
	}
	return 0;
}

int
store_defer_flush(struct store_txn *t, enum store_index ixn, char **cause)
{
	size_t i;
	int rc;

	if (t->defer == NULL)
		return 0;
	if (ixn == IX_OFFICER_GRAM)
		return store_gram_flush(t, cause);
	if (ixn != 0)
		return defer_write(t, ixn, cause);
	/* A batch that failed to be written while an index was being
	 * read (store_ix_read): the transaction must not commit. */
	if (t->defer->failed != 0)
		return store_error(t, t->defer->failed, "updating an index",
		    cause);
	for (i = 1; i <= IX_MAX; i++)
		if ((rc = defer_write(t, (enum store_index)i, cause)) != 0)
			return rc;
	return store_gram_flush(t, cause);
}

MDB_dbi
store_ix_read(struct store_txn *t, enum store_index ixn)
{
	/* A failure is kept (store_defer_flush refuses the commit with
	 * it), and LMDB has marked the transaction failed, so the reader
	 * sees an error next: nothing is lost or half-written. */
	if (t->defer != NULL && t->defer->ix[ixn].n > 0)
		(void)store_defer_flush(t, ixn, NULL);
	return t->s->dbi[store_ix[ixn].db];
}
