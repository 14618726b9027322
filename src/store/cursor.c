/*
 * cursor.c — walking an index a page at a time. A cursor yields the
 * records of one entity in the index's order, optionally narrowed to one
 * group (the officers of an agency, the invitees of a meeting), and can
 * hand out its position to come back to in a later transaction.
 */
#include <stdlib.h>
#include <string.h>

#include "ogpo/codec.h"
#include "store-int.h"

struct store_cursor {
	struct store_txn		*t;
	const struct store_ixdesc	*ix;
	struct store_kc			 kc;
	int				 grouped;
	uint8_t				 g[4];
	int				 at;	/* positioned on (k, v) */
	MDB_val				 k, v;
};

int
store_cursor_open(struct store_txn *t, enum store_index ix,
    const uint32_t *group, struct store_cursor **cp, char **cause)
{
	struct store_cursor *c;
	int rc;

	*cp = NULL;
	if (ix < IX_AGENCY || ix > IX_MAX)
		return err_set(cause, OGPO_INVALID, "internal error: index %d",
		    (int)ix);
	if (group != NULL && !(store_ix[ix].flags & (IXF_DUP | IXF_PREFIX)))
		return err_set(cause, OGPO_INVALID, "internal error: index %s "
		    "has no groups", store_ix[ix].name);
	c = xcalloc(1, sizeof *c);
	c->t = t;
	c->ix = &store_ix[ix];
	if (group != NULL) {
		c->grouped = 1;
		store_u32_put(c->g, *group);
	}
	(void)store_ix_read(t, ix);
	rc = store_kc_open(t, store_ix[ix].db, &c->kc);
	if (rc != 0) {
		free(c);
		return store_error(t, rc, "opening a cursor", cause);
	}
	*cp = c;
	return 0;
}

void
store_cursor_close(struct store_cursor *c)
{
	if (c == NULL)
		return;
	store_kc_close(&c->kc);
	free(c);
}

static int
store_cursor_dup(const struct store_cursor *c)
{
	return (c->ix->flags & IXF_DUP) != 0;
}

/* 1 if (k, v) belongs to the cursor's group (always, when ungrouped). */
static int
store_cursor_in(const struct store_cursor *c, const MDB_val *k)
{
	if (!c->grouped)
		return 1;
	if (store_cursor_dup(c))
		return k->mv_size == 4 && memcmp(k->mv_data, c->g, 4) == 0;
	return k->mv_size >= 4 && memcmp(k->mv_data, c->g, 4) == 0;
}

/*
 * Run one LMDB cursor op; on success within the group, remember it. Some
 * ops (MDB_GET_BOTH_RANGE, MDB_SET) leave the key pointing at the
 * caller's buffer, so the entry is read again from the map: what the
 * cursor keeps must live as long as the transaction.
 */
static int
store_cursor_op(struct store_cursor *c, MDB_val *k, MDB_val *v,
    MDB_cursor_op op)
{
	/* LMDB's own steps hand out the map's entry already. */
	int stepped = c->kc.sh == NULL && (op == MDB_NEXT || op == MDB_PREV);

	if (store_kc_get(&c->kc, k, v, op) != 0 ||
	    (!stepped && store_kc_get(&c->kc, k, v, MDB_GET_CURRENT) != 0) ||
	    !store_cursor_in(c, k))
		return OGPO_NOTFOUND;
	c->k = *k;
	c->v = *v;
	c->at = 1;
	return 0;
}

static int
store_cursor_first(struct store_cursor *c)
{
	MDB_val k = { 4, c->g }, v = { 0, NULL };

	if (!c->grouped)
		return store_cursor_op(c, &k, &v, MDB_FIRST);
	if (store_cursor_dup(c))
		return store_cursor_op(c, &k, &v, MDB_SET_KEY);
	return store_cursor_op(c, &k, &v, MDB_SET_RANGE);
}

static int
store_cursor_last(struct store_cursor *c)
{
	uint8_t next[4];
	uint32_t g;
	MDB_val k = { 4, c->g }, v = { 0, NULL };

	if (!c->grouped)
		return store_cursor_op(c, &k, &v, MDB_LAST);
	if (store_cursor_dup(c)) {
		if (store_kc_get(&c->kc, &k, &v, MDB_SET_KEY) != 0)
			return OGPO_NOTFOUND;
		return store_cursor_op(c, &k, &v, MDB_LAST_DUP);
	}
	/* A prefix group ends just before the next group's first key. */
	g = store_u32_get(c->g);
	if (g == UINT32_MAX)
		return store_cursor_op(c, &k, &v, MDB_LAST);
	store_u32_put(next, g + 1);
	k = (MDB_val){ 4, next };
	if (store_kc_get(&c->kc, &k, &v, MDB_SET_RANGE) == 0)
		return store_cursor_op(c, &k, &v, MDB_PREV);
	return store_cursor_op(c, &k, &v, MDB_LAST);
}

int
store_cursor_move(struct store_cursor *c, enum store_move how)
{
	struct store_pos here;
	MDB_val k, v;
	int rc;

	if (how == STORE_FIRST || (how == STORE_NEXT && !c->at))
		return store_cursor_first(c);
	if (how == STORE_LAST || (how == STORE_PREV && !c->at))
		return store_cursor_last(c);
	store_cursor_pos(c, &here);
	if (how == STORE_NEXT)
		rc = store_cursor_op(c, &k, &v, c->grouped &&
		    store_cursor_dup(c) ? MDB_NEXT_DUP : MDB_NEXT);
	else
		rc = store_cursor_op(c, &k, &v, c->grouped &&
		    store_cursor_dup(c) ? MDB_PREV_DUP : MDB_PREV);
	if (rc != 0)
		store_cursor_seek(c, &here);	/* stay where we were */
	return rc;
}

int
store_cursor_seek(struct store_cursor *c, const struct store_pos *pos)
{
	MDB_val k = { pos->klen, (void *)pos->b };
	MDB_val v = { pos->vlen, (void *)(pos->b + pos->klen) };
	MDB_val want = k;

	if (pos->klen == 0)
		return store_cursor_first(c);
	if (!store_cursor_dup(c))
		return store_cursor_op(c, &k, &v, MDB_SET_RANGE);
	if (store_cursor_op(c, &k, &v, MDB_GET_BOTH_RANGE) == 0)
		return 0;
	k = want;
	if (store_kc_get(&c->kc, &k, &v, MDB_SET_RANGE) != 0)
		return OGPO_NOTFOUND;
	if (k.mv_size == want.mv_size &&
	    memcmp(k.mv_data, want.mv_data, k.mv_size) == 0)
		return store_cursor_op(c, &k, &v, MDB_NEXT_NODUP);
	return store_cursor_op(c, &k, &v, MDB_GET_CURRENT);
}

int
store_cursor_seek_id(struct store_cursor *c, uint32_t id)
{
	uint8_t key[4];
	MDB_val k = { 4, key }, v = { 0, NULL };

	if (!(c->ix->flags & IXF_PRIMARY) || c->grouped ||
	    !store_keyed_by_id(store_entity(c->ix->entity)))
		return OGPO_NOTFOUND;
	store_u32_put(key, id);
	return store_cursor_op(c, &k, &v, MDB_SET_KEY);
}

int
store_cursor_seek_text(struct store_cursor *c, const char *text)
{
	MDB_val k = { strlen(text), (void *)text }, v = { 0, NULL };

	if (k.mv_size == 0)
		return store_cursor_first(c);
	if (k.mv_size > STORE_KEY_MAX)
		k.mv_size = STORE_KEY_MAX;
	return store_cursor_op(c, &k, &v, MDB_SET_RANGE);
}

/*
 * store_cursor_find forwards through an index of ids kept as sorted
 * duplicates of fixed size (an agency's officers, a name's): a page of
 * ids at a time. Returns the steps to the entry found (the cursor on
 * it), or 0 with the cursor anywhere.
 */
static size_t
store_cursor_find_dups(struct store_cursor *c, const struct store_idset *set)
{
	MDB_val k = c->k, v = c->v, page;
	size_t steps = 0, i, n, lo, hi, count;
	const uint8_t *ids;
	uint8_t want[4];
	int rc, first = 0;

	memcpy(want, c->v.mv_data, 4);
	for (;;) {
		/* The rest of this key's ids after want (first: from its
		 * first id on), a page at a time. */
		if (mdb_cursor_count(c->kc.mc, &count) != 0)
			return 0;
		rc = count > 1 ? mdb_cursor_get(c->kc.mc, &k, &page,
		    MDB_GET_MULTIPLE) : 0;
		if (count <= 1)
			page = v;	/* one id: no page of them */
		while (rc == 0) {
			ids = page.mv_data;
			n = page.mv_size / 4;
			lo = 0;
			if (!first) {
				/* After want: the pages are in id order. */
				for (lo = 0, hi = n; lo < hi; ) {
					i = (lo + hi) / 2;
					if (memcmp(ids + 4 * i, want, 4) <= 0)
						lo = i + 1;
					else
						hi = i;
				}
			}
			for (i = lo; i < n; i++) {
				steps++;
				if (store_idset_has(set, store_u32_get(ids +
				    4 * i))) {
					v = (MDB_val){ 4, (void *)(ids + 4 * i) };
					if (mdb_cursor_get(c->kc.mc, &k, &v,
					    MDB_GET_BOTH) != 0 ||
					    mdb_cursor_get(c->kc.mc, &k, &v,
					    MDB_GET_CURRENT) != 0)
						return 0;
					c->k = k;
					c->v = v;
					return steps;
				}
			}
			if (count <= 1)
				break;
			rc = mdb_cursor_get(c->kc.mc, &k, &page,
			    MDB_NEXT_MULTIPLE);
		}
		if (c->grouped || mdb_cursor_get(c->kc.mc, &k, &v,
		    MDB_NEXT_NODUP) != 0)
			return 0;
		first = 1;
	}
}

size_t
store_cursor_find(struct store_cursor *c, enum store_move how,
    const struct store_idset *set)
{
	MDB_cursor_op op;
	uint8_t pk[STORE_KEY_MAX];
	MDB_val k, v;
	size_t steps = 0;
	struct store_pos here;

	if (!c->at || (how != STORE_NEXT && how != STORE_PREV))
		return 0;
	/* Pages of ids straight from LMDB (not through a dry run's merged
	 * view, which has no pages). */
	if (how == STORE_NEXT && store_cursor_dup(c) && c->v.mv_size == 4 &&
	    c->kc.mc != NULL &&
	    c->ix->target == store_ix[IX_OFFICER_NAME].target) {
		store_cursor_pos(c, &here);
		if ((steps = store_cursor_find_dups(c, set)) > 0)
			return steps;
		store_cursor_seek(c, &here);	/* back where it was */
		return 0;
	}
	if (how == STORE_NEXT)
		op = c->grouped && store_cursor_dup(c) ? MDB_NEXT_DUP : MDB_NEXT;
	else
		op = c->grouped && store_cursor_dup(c) ? MDB_PREV_DUP : MDB_PREV;
	while (store_kc_get(&c->kc, &k, &v, op) == 0 &&
	    store_cursor_in(c, &k)) {
		steps++;
		if (c->ix->target(&k, &v, pk) == 4 &&
		    store_idset_has(set, store_u32_get(pk))) {
			c->k = k;
			c->v = v;
			return steps;
		}
	}
	/* Back to where it was: the entry is still there. */
	k = c->k;
	v = c->v;
	if (store_cursor_dup(c))
		(void)store_kc_get(&c->kc, &k, &v, MDB_GET_BOTH);
	else
		(void)store_kc_get(&c->kc, &k, &v, MDB_SET);
	return 0;
}

void
store_cursor_pos(struct store_cursor *c, struct store_pos *pos)
{
	size_t kl = c->at ? c->k.mv_size : 0, vl = c->at ? c->v.mv_size : 0;

	if (!store_cursor_dup(c))
		vl = 0;		/* the key alone places a unique entry */
	if (kl > STORE_POS_MAX)
		kl = STORE_POS_MAX;
	if (vl > STORE_POS_MAX - kl)
		vl = STORE_POS_MAX - kl;
	pos->klen = (uint16_t)kl;
	pos->vlen = (uint16_t)vl;
	if (kl > 0)
		memcpy(pos->b, c->k.mv_data, kl);
	if (vl > 0)
		memcpy(pos->b + kl, c->v.mv_data, vl);
}

/* Byte strings in LMDB's default order: memcmp, then the shorter first. */
static int
store_bytes_cmp(const uint8_t *a, size_t al, const uint8_t *b, size_t bl)
{
	int d = memcmp(a, b, al < bl ? al : bl);

	if (d != 0)
		return d;
	return (al > bl) - (al < bl);
}

int
store_pos_cmp(const struct store_pos *a, const struct store_pos *b)
{
	int d = store_bytes_cmp(a->b, a->klen, b->b, b->klen);

	if (d != 0)
		return d;
	return store_bytes_cmp(a->b + a->klen, a->vlen, b->b + b->klen,
	    b->vlen);
}

uint32_t
store_cursor_id(struct store_cursor *c)
{
	uint8_t pk[STORE_KEY_MAX];
	size_t n;

	if (!c->at)
		return 0;
	n = c->ix->target(&c->k, &c->v, pk);
	if (c->ix->entity == ENTITY_ATTENDANCE && n == 8)
		return store_u32_get(pk + 4);
	if (c->ix->entity == ENTITY_AUDIT && n == 8)
		return (uint32_t)store_u64_get(pk);
	return n == 4 ? store_u32_get(pk) : 0;
}

int
store_cursor_get(struct store_cursor *c, void *rec, char **cause)
{
	return store_cursor_get_some(c, rec, UINT64_MAX, cause);
}

int
store_cursor_get_some(struct store_cursor *c, void *rec, uint64_t fields,
    char **cause)
{
	const struct store_entity *e = store_entity(c->ix->entity);
	uint8_t pk[STORE_KEY_MAX];
	size_t n;

	if (!c->at)
		return OGPO_NOTFOUND;
	if (c->ix->flags & IXF_PRIMARY)
		return fields == UINT64_MAX ? codec_decode(e->schema,
		    c->v.mv_data, c->v.mv_size, rec, cause) :
		    codec_decode_some(e->schema, c->v.mv_data, c->v.mv_size,
		    rec, fields, cause);
	n = c->ix->target(&c->k, &c->v, pk);
	return store_rec_get_some(c->t, e, pk, n, rec, fields, cause);
}

size_t
store_group_ids(struct store_txn *t, enum store_index ix, uint32_t group,
    uint32_t **ids)
{
	struct store_cursor *c;
	size_t n = store_count(t, ix, &group), i = 0;

	*ids = NULL;
	if (n == 0 || store_cursor_open(t, ix, &group, &c, NULL) != 0)
		return 0;
	*ids = xcalloc(n, sizeof **ids);
	while (i < n && store_cursor_move(c, STORE_NEXT) == 0)
		(*ids)[i++] = store_cursor_id(c);
	store_cursor_close(c);
	if (i == 0) {
		free(*ids);
		*ids = NULL;
	}
	return i;
}

size_t
store_count(struct store_txn *t, enum store_index ix, const uint32_t *group)
{
	struct store_cursor *c;
	size_t n = 0;
	size_t count = 0;

	if (group == NULL) {
		(void)store_ix_read(t, ix);
		if (store_kv_entries(t, store_ix[ix].db, &n) != 0)
			return 0;
		return n;
	}
	if (store_cursor_open(t, ix, group, &c, NULL) != 0)
		return 0;
	if (store_cursor_first(c) == 0) {
		if (store_cursor_dup(c)) {
			if (store_kc_count(&c->kc, &n) == 0)
				count = n;
		} else {
			do
				count++;
			while (store_cursor_move(c, STORE_NEXT) == 0);
		}
	}
	store_cursor_close(c);
	return count;
}

size_t
store_officers_in_role(struct store_txn *t, uint32_t agency, uint32_t role,
    const char *date)
{
	uint8_t k[4 + 1 + 2 * OGPO_DATE_MAX];
	struct store_kc mc;
	MDB_val key = { 5 + OGPO_DATE_MAX, k }, v;
	size_t total = 0, n;
	int op = MDB_SET_RANGE;

	store_u32_put(k, agency);
	k[4] = (uint8_t)role;
	memcpy(k + 5, date, OGPO_DATE_MAX);
	(void)store_ix_read(t, IX_OFFICER_ROLE);
	if (store_kc_open(t, store_ix[IX_OFFICER_ROLE].db, &mc) != 0)
		return 0;
	/* Every key from (agency, role, date) on, while agency and role
	 * stay the same, has not ended by date; of those, the ones that
	 * started by then are in force (core_officer_active's rule). */
	while (store_kc_get(&mc, &key, &v, op) == 0 &&
	    key.mv_size == sizeof k && memcmp(key.mv_data, k, 5) == 0) {
		if (memcmp((uint8_t *)key.mv_data + 5 + OGPO_DATE_MAX, date,
		    OGPO_DATE_MAX) <= 0 && store_kc_count(&mc, &n) == 0)
			total += n;
		op = MDB_NEXT_NODUP;
	}
	store_kc_close(&mc);
	return total;
}
