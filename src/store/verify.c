/*
 * verify.c — prove the database consistent: every record decodes, every
 * index holds exactly what the records imply, every reference resolves,
 * and the id sequences run ahead of the ids. Read-only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/codec.h"
#include "store-int.h"

struct verify {
	struct store_txn	*t;
	store_report_fn		 report;
	void			*arg;
	size_t			 problems;
	/* officer_gram: how many entries the records imply, and the sum
	 * of their hashes, to hold against what the index holds. */
	size_t			 grams;
	uint64_t		 gsum;
};

static void verify_say(struct verify *vf, const char *fmt, ...)
    OGPO_PRINTF(2, 3);

static void
verify_say(struct verify *vf, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(_(fmt), ap);
	va_end(ap);
	if (vf->report != NULL)
		vf->report(vf->arg, msg);
	free(msg);
	vf->problems++;
}

/* A record's key for messages: "#12", "(#3, #45)", "login". */
static void
verify_key_name(const struct store_entity *e, const MDB_val *k, char *buf,
    size_t n)
{
	const uint8_t *p = k->mv_data;

	if (e->kind == ENTITY_ATTENDANCE && k->mv_size == 8)
		snprintf(buf, n, "(meeting #%u, officer #%u)",
		    store_u32_get(p), store_u32_get(p + 4));
	else if (e->kind == ENTITY_AUDIT && k->mv_size == 8)
		snprintf(buf, n, "#%llu",
		    (unsigned long long)store_u64_get(p));
	else if (e->kind == ENTITY_USER)
		snprintf(buf, n, "'%.*s'", (int)(k->mv_size > 64 ? 64 :
		    k->mv_size), (const char *)p);
	else if (k->mv_size == 4)
		snprintf(buf, n, "#%u", store_u32_get(p));
	else
		snprintf(buf, n, _("with a %zu-byte key"), k->mv_size);
}

/* Does the index hold entry e? mc: a cursor on it (for IXF_DUP). */
static int
verify_has(struct verify *vf, const struct store_ixdesc *ix, MDB_cursor *mc,
    const struct store_ixent *e)
{
	MDB_val k = { e->kl, (void *)e->k }, v = { e->vl, (void *)e->v };

	if (!(ix->flags & IXF_DUP)) {
		if (mdb_get(vf->t->txn, vf->t->s->dbi[ix->db], &k, &v) != 0)
			return 0;
		return v.mv_size == e->vl && memcmp(v.mv_data, e->v, e->vl) == 0;
	}
	return mc != NULL && mdb_cursor_get(mc, &k, &v, MDB_GET_BOTH) == 0;
}

/* Check the references (agency, officer …) a record makes. */
static void
verify_refs(struct verify *vf, const struct store_entity *e, const void *rec,
    const char *who)
{
	const struct schema *s = e->schema;
	uint8_t scratch_pk[4];
	MDB_val k, v;
	uint32_t ids[OGPO_COLLAB_MAX], n, i, count;
	size_t f;

	for (f = 0; f < s->nfields; f++) {
		const struct field *fd = &s->fields[f];
		const struct store_entity *to = store_entity(fd->ref);

		if (fd->ref == 0 || to == NULL)
			continue;
		if (fd->type == FIELD_U32) {
			memcpy(&ids[0], (const char *)rec + fd->offset, 4);
			n = 1;
		} else {
			memcpy(&count, (const char *)rec + fd->count, 4);
			n = count > OGPO_COLLAB_MAX ? OGPO_COLLAB_MAX : count;
			memcpy(ids, (const char *)rec + fd->offset, n * 4);
		}
		for (i = 0; i < n; i++) {
			if (ids[i] == 0 || (e->kind == ENTITY_ATTENDANCE &&
			    fd->ref == ENTITY_OFFICER &&
			    (ids[i] & ATTEND_EXTERNAL)))
				continue;
			store_u32_put(scratch_pk, ids[i]);
			k = (MDB_val){ 4, scratch_pk };
			if (mdb_get(vf->t->txn,
			    vf->t->s->dbi[store_ix[to->primary].db], &k,
			    &v) != 0)
				verify_say(vf, "%s %s: %s refers to %s #%u, "
				    "which does not exist", s->name, who,
				    fd->name, to->schema->name, ids[i]);
		}
	}
}

/* Count the officer_gram entries a record implies, and add up their hashes. */
static void
verify_grams_add(struct verify *vf, const struct store_ixent *ents, size_t n)
{
	struct store_gram_ent e;
	size_t i;

	for (i = 0; i < n; i++) {
		e.id = store_u32_get(ents[i].v);
		e.pos = ents[i].v[4];
		vf->gsum += store_gram_hash(ents[i].k, ents[i].kl, &e);
	}
	vf->grams += n;
}

/* Walk one entity's records: decode, references, implied entries. */
static void
verify_records(struct verify *vf, const struct store_entity *e)
{
	struct store_ixent *ents = xreallocarray(NULL, STORE_ENT_MAX,
	    sizeof *ents);
	MDB_cursor *ixc[IX_MAX + 1];
	void *rec = xmalloc(e->schema->size);
	uint8_t pk[STORE_KEY_MAX];
	char who[96], *cause = NULL;
	uint64_t seq = 0, maxid = 0;
	MDB_cursor *mc;
	MDB_val k, v;
	size_t i, j, n;
	int op;

	if (mdb_cursor_open(vf->t->txn,
	    vf->t->s->dbi[store_ix[e->primary].db], &mc) != 0) {
		verify_say(vf, "cannot read the %s table", e->schema->name);
		free(rec);
		free(ents);
		return;
	}
	/* One cursor on each index, for all the records. */
	for (i = 0; e->secondary[i] != 0; i++)
		if (mdb_cursor_open(vf->t->txn,
		    vf->t->s->dbi[store_ix[e->secondary[i]].db], &ixc[i]) != 0)
			ixc[i] = NULL;
	for (op = MDB_FIRST; mdb_cursor_get(mc, &k, &v, op) == 0;
	    op = MDB_NEXT) {
		verify_key_name(e, &k, who, sizeof who);
		if (codec_decode(e->schema, v.mv_data, v.mv_size, rec,
		    &cause) != 0) {
			verify_say(vf, "%s %s does not decode: %s",
			    e->schema->name, who, cause);
			continue;
		}
		n = e->key(rec, pk);
		if (n != k.mv_size || memcmp(pk, k.mv_data, n) != 0)
			verify_say(vf, "%s %s is stored under another key than "
			    "its own fields give", e->schema->name, who);
		if (e->kind == ENTITY_AUDIT)
			maxid = ((struct audit *)rec)->seq;
		else if (e->seq != NULL &&
		    ((struct record_head *)rec)->id > maxid)
			maxid = ((struct record_head *)rec)->id;
		verify_refs(vf, e, rec, who);
		for (i = 0; e->secondary[i] != 0; i++) {
			const struct store_ixdesc *ix =
			    &store_ix[e->secondary[i]];

			n = ix->entries(rec, ents, STORE_ENT_MAX);
			if (ix->flags & IXF_GRAM) {
				verify_grams_add(vf, ents, n);
				continue;
			}
			for (j = 0; j < n; j++)
				if (!verify_has(vf, ix, ixc[i], &ents[j])) {
					verify_say(vf, "%s %s is missing from "
					    "index %s", e->schema->name, who,
					    ix->name);
					break;	/* once per record */
				}
		}
	}
	for (i = 0; e->secondary[i] != 0; i++)
		if (ixc[i] != NULL)
			mdb_cursor_close(ixc[i]);
	mdb_cursor_close(mc);
	free(cause);
	free(rec);
	free(ents);
	if (e->seq != NULL) {
		store_seq_peek(vf->t, e->seq, &seq);
		if (seq < maxid)
			verify_say(vf, "sequence %s is at %llu, behind the "
			    "highest id %llu", e->seq, (unsigned long long)seq,
			    (unsigned long long)maxid);
	}
}

/*
 * officer_gram, entry by entry, once its sums say something is wrong:
 * every entry an officer implies is there, every entry there is implied
 * by its officer. Slow (a record read per entry), and only for damage.
 */
static void
verify_grams_slow(struct verify *vf, const struct store_ixdesc *ix)
{
	const struct store_entity *e = store_entity(ix->entity);
	struct store_ixent *ents = xreallocarray(NULL, STORE_ENT_MAX,
	    sizeof *ents);
	struct store_gram_ent *b = xreallocarray(NULL, STORE_GRAM_BLOCK_ENTS,
	    sizeof *b);
	struct officer *o = xmalloc(sizeof *o);
	struct store_gram_ent first;
	MDB_cursor *mc, *ic;
	MDB_val k, v;
	uint8_t pk[4];
	char who[16];
	size_t n, m, i, j, gl;
	int op, found;

	if (mdb_cursor_open(vf->t->txn, vf->t->s->dbi[ix->db], &ic) != 0)
		goto out;
	if (mdb_cursor_open(vf->t->txn, vf->t->s->dbi[DB_OFFICER], &mc) == 0) {
		for (op = MDB_FIRST; mdb_cursor_get(mc, &k, &v, op) == 0;
		    op = MDB_NEXT) {
			if (codec_decode(e->schema, v.mv_data, v.mv_size, o,
			    NULL) != 0)
				continue;	/* said so already */
			n = ix->entries(o, ents, STORE_ENT_MAX);
			for (j = 0; j < n; j++)
				if (!store_gram_has(ic, &ents[j])) {
					snprintf(who, sizeof who, "#%u",
					    o->h.id);
					verify_say(vf, "%s %s is missing from "
					    "index %s", e->schema->name, who,
					    ix->name);
					break;
				}
		}
		mdb_cursor_close(mc);
	}
	for (op = MDB_FIRST; mdb_cursor_get(ic, &k, &v, op) == 0;
	    op = MDB_NEXT) {
		if (store_gram_decode(&k, &v, b, &n) != 0)
			continue;	/* said so already */
		store_gram_bkey_parse(&k, &gl, &first);
		for (i = 0; i < n; i++) {
			store_u32_put(pk, b[i].id);
			m = store_rec_get(vf->t, e, pk, 4, o, NULL) == 0 ?
			    ix->entries(o, ents, STORE_ENT_MAX) : 0;
			for (j = 0, found = 0; j < m && !found; j++)
				found = ents[j].kl == gl && memcmp(ents[j].k,
				    k.mv_data, gl) == 0 && ents[j].v[4] ==
				    b[i].pos && store_u32_get(ents[j].v) ==
				    b[i].id;
			if (!found)
				verify_say(vf, "index %s has a stale entry for "
				    "%s #%u: the record no longer says so",
				    ix->name, e->schema->name, b[i].id);
		}
	}
	mdb_cursor_close(ic);
out:
	free(o);
	free(b);
	free(ents);
}

/*
 * officer_gram: each block decodes and follows the one before, and the
 * entries add up to what the records imply (verify_records), in number
 * and in the sum of their hashes.
 */
static void
verify_grams(struct verify *vf, enum store_index ixn)
{
	const struct store_ixdesc *ix = &store_ix[ixn];
	struct store_gram_ent *b = xreallocarray(NULL, STORE_GRAM_BLOCK_ENTS,
	    sizeof *b), last, first;
	uint8_t lastg[STORE_GRAM_KEY_MAX];
	size_t n, i, gl, lastgl = 0, count = 0;
	uint64_t sum = 0;
	MDB_cursor *mc;
	MDB_val k, v;
	int op, bad = 0;

	memset(&last, 0, sizeof last);
	if (mdb_cursor_open(vf->t->txn, vf->t->s->dbi[ix->db], &mc) != 0) {
		verify_say(vf, "cannot read index %s", ix->name);
		free(b);
		return;
	}
	for (op = MDB_FIRST; mdb_cursor_get(mc, &k, &v, op) == 0;
	    op = MDB_NEXT) {
		if (store_gram_decode(&k, &v, b, &n) != 0 || n == 0) {
			verify_say(vf, "index %s holds a malformed entry",
			    ix->name);
			bad = 1;
			continue;
		}
		store_gram_bkey_parse(&k, &gl, &first);
		if (gl == lastgl && memcmp(k.mv_data, lastg, gl) == 0 &&
		    ((uint64_t)b[0].id << 8 | b[0].pos) <= ((uint64_t)last.id <<
		    8 | last.pos)) {
			verify_say(vf, "index %s holds a malformed entry",
			    ix->name);
			bad = 1;
		}
		for (i = 0; i < n; i++)
			sum += store_gram_hash(k.mv_data, gl, &b[i]);
		count += n;
		memcpy(lastg, k.mv_data, gl);
		lastgl = gl;
		last = b[n - 1];
	}
	mdb_cursor_close(mc);
	free(b);
	if (bad || count != vf->grams || sum != vf->gsum)
		verify_grams_slow(vf, ix);
}

/* Walk one index: each entry must be implied by the record it names. */
static void
verify_index(struct verify *vf, enum store_index ixn)
{
	const struct store_ixdesc *ix = &store_ix[ixn];
	const struct store_entity *e = store_entity(ix->entity);
	struct store_ixent *ents, got;
	size_t vlen = 4;		/* an id: officer_gram is verify_grams' */
	uint8_t pk[STORE_KEY_MAX];
	MDB_cursor *mc;
	MDB_val k, v;
	size_t n, j, pkl;
	int op, found;
	void *rec;

	if (ix->flags & IXF_GRAM) {
		verify_grams(vf, ixn);
		return;
	}
	if (mdb_cursor_open(vf->t->txn, vf->t->s->dbi[ix->db], &mc) != 0) {
		verify_say(vf, "cannot read index %s", ix->name);
		return;
	}
	ents = xreallocarray(NULL, STORE_ENT_MAX, sizeof *ents);
	rec = xmalloc(e->schema->size);
	for (op = MDB_FIRST; mdb_cursor_get(mc, &k, &v, op) == 0;
	    op = MDB_NEXT) {
		if (k.mv_size > STORE_KEY_MAX || v.mv_size != vlen) {
			verify_say(vf, "index %s holds a malformed entry",
			    ix->name);
			continue;
		}
		pkl = ix->target(&k, &v, pk);
		if (store_rec_get(vf->t, e, pk, pkl, rec, NULL) != 0) {
			verify_say(vf, "index %s names %s #%u, which does not "
			    "exist", ix->name, e->schema->name,
			    store_u32_get(v.mv_data));
			continue;
		}
		memcpy(got.k, k.mv_data, k.mv_size);
		got.kl = (uint16_t)k.mv_size;
		memcpy(got.v, v.mv_data, vlen);
		got.vl = (uint16_t)vlen;
		n = ix->entries(rec, ents, STORE_ENT_MAX);
		for (j = 0, found = 0; j < n && !found; j++)
			found = ents[j].kl == got.kl &&
			    memcmp(ents[j].k, got.k, got.kl) == 0 &&
			    memcmp(ents[j].v, got.v, vlen) == 0;
		if (!found)
			verify_say(vf, "index %s has a stale entry for %s "
			    "#%u: the record no longer says so", ix->name,
			    e->schema->name, store_u32_get(v.mv_data));
	}
	mdb_cursor_close(mc);
	free(rec);
	free(ents);
}

/*
 * Walk the audit trail and check every link of its hash chain, and the
 * head in meta against the newest record. Records from before the chain
 * began carry no link; once one does, every later one must.
 */
static void
verify_chain(struct verify *vf)
{
	struct store_txn *t = vf->t;
	struct audit *a = xmalloc(sizeof *a);
	static const uint8_t none[OGPO_HASH_LEN];
	uint8_t prev[OGPO_HASH_LEN], head[OGPO_HASH_LEN];
	uint64_t seq, last = 0;
	MDB_cursor *mc;
	MDB_val k, v;
	int rc, started = 0, have = 0;

	if (mdb_cursor_open(t->txn, t->s->dbi[DB_AUDIT], &mc) != 0) {
		free(a);
		return;
	}
	for (rc = mdb_cursor_get(mc, &k, &v, MDB_FIRST); rc == 0;
	    rc = mdb_cursor_get(mc, &k, &v, MDB_NEXT)) {
		seq = k.mv_size == 8 ? store_u64_get(k.mv_data) : 0;
		if (codec_decode(&schema_audit, v.mv_data, v.mv_size, a,
		    NULL) != 0)
			a->prev_len = 0;	/* verify_records said so */
		if (a->prev_len == OGPO_HASH_LEN) {
			if (have && memcmp(a->prev, prev, sizeof prev) != 0)
				verify_say(vf, "audit record #%llu does not "
				    "follow from #%llu: #%llu was changed, or "
				    "records between them were removed",
				    (unsigned long long)seq,
				    (unsigned long long)last,
				    (unsigned long long)last);
			else if (!have && memcmp(a->prev, none,
			    sizeof prev) != 0)
				verify_say(vf, "audit record #%llu links to "
				    "records before it that are no longer "
				    "there", (unsigned long long)seq);
			started = 1;
		} else if (started)
			verify_say(vf, "audit record #%llu carries no link to "
			    "#%llu: it was written or changed outside ogpo",
			    (unsigned long long)seq,
			    (unsigned long long)last);
		store_hash(v.mv_data, v.mv_size, prev);
		have = 1;
		last = seq;
	}
	mdb_cursor_close(mc);
	free(a);
	if (store_chain_stored(t, head) == 1) {
		if (!have)
			verify_say(vf, "the audit trail is empty, but its "
			    "chain says records were written: they were "
			    "removed");
		else if (memcmp(head, prev, sizeof head) != 0)
			verify_say(vf, "the newest audit record, #%llu, is not "
			    "the one the chain ends with: it was changed, or "
			    "newer records were removed",
			    (unsigned long long)last);
	} else if (started)
		verify_say(vf, "the audit chain's head is missing from the "
		    "database's meta table");
}

/*
 * Each change noted as taken back names a change of the trail, and an
 * undo record that says it took that change back.
 */
static void
verify_undone(struct verify *vf)
{
	struct store_txn *t = vf->t;
	struct audit *a = xmalloc(sizeof *a);
	uint64_t group, undo, end = store_audit_next(t);
	MDB_cursor *mc;
	MDB_val k, v;
	int rc;

	if (mdb_cursor_open(t->txn, t->s->dbi[DB_UNDONE], &mc) != 0) {
		free(a);
		return;
	}
	for (rc = mdb_cursor_get(mc, &k, &v, MDB_FIRST); rc == 0;
	    rc = mdb_cursor_get(mc, &k, &v, MDB_NEXT)) {
		if (k.mv_size != 8 || v.mv_size != 8) {
			verify_say(vf, "the undone table holds an entry of %zu "
			    "and %zu bytes, not 8 and 8", k.mv_size,
			    v.mv_size);
			continue;
		}
		group = store_u64_get(k.mv_data);
		undo = store_u64_get(v.mv_data);
		if (group == 0 || group >= end)
			verify_say(vf, "change %llu is noted as taken back, "
			    "but the audit trail has no such record",
			    (unsigned long long)group);
		if (store_audit_get(t, undo, a, NULL) != 0 ||
		    a->action != AUDIT_UNDO || undo <= group)
			verify_say(vf, "change %llu is noted as taken back by "
			    "audit record %llu, which is no undo after it",
			    (unsigned long long)group,
			    (unsigned long long)undo);
	}
	mdb_cursor_close(mc);
	free(a);
}

size_t
store_verify(struct store_txn *t, store_report_fn report, void *arg)
{
	struct verify vf;
	int kind, ix;

	memset(&vf, 0, sizeof vf);
	vf.t = t;
	vf.report = report;
	vf.arg = arg;
	for (kind = ENTITY_AGENCY; kind <= ENTITY_MAX; kind++)
		if (store_entity(kind) != NULL)
			verify_records(&vf, store_entity(kind));
	for (ix = IX_AGENCY; ix <= IX_MAX; ix++)
		if (!(store_ix[ix].flags & IXF_PRIMARY))
			verify_index(&vf, ix);
	verify_chain(&vf);
	verify_undone(&vf);
	return vf.problems;
}
