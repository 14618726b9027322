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

/* Does the index hold entry e? */
static int
verify_has(struct verify *vf, const struct store_ixdesc *ix,
    const struct store_ixent *e)
{
	MDB_val k = { e->kl, (void *)e->k }, v = { e->vl, (void *)e->v };
	MDB_cursor *mc;
	int rc;

	if (!(ix->flags & IXF_DUP)) {
		if (mdb_get(vf->t->txn, vf->t->s->dbi[ix->db], &k, &v) != 0)
			return 0;
		return v.mv_size == e->vl && memcmp(v.mv_data, e->v, e->vl) == 0;
	}
	if (mdb_cursor_open(vf->t->txn, vf->t->s->dbi[ix->db], &mc) != 0)
		return 0;
	rc = mdb_cursor_get(mc, &k, &v, MDB_GET_BOTH);
	mdb_cursor_close(mc);
	return rc == 0;
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

/* Walk one entity's records: decode, references, implied entries. */
static void
verify_records(struct verify *vf, const struct store_entity *e)
{
	struct store_ixent ents[OGPO_COLLAB_MAX + 1];
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
		return;
	}
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

			n = ix->entries(rec, ents, OGPO_COLLAB_MAX + 1);
			for (j = 0; j < n; j++)
				if (!verify_has(vf, ix, &ents[j]))
					verify_say(vf, "%s %s is missing from "
					    "index %s", e->schema->name, who,
					    ix->name);
		}
	}
	mdb_cursor_close(mc);
	free(cause);
	free(rec);
	if (e->seq != NULL) {
		store_seq_peek(vf->t, e->seq, &seq);
		if (seq < maxid)
			verify_say(vf, "sequence %s is at %llu, behind the "
			    "highest id %llu", e->seq, (unsigned long long)seq,
			    (unsigned long long)maxid);
	}
}

/* Walk one index: each entry must be implied by the record it names. */
static void
verify_index(struct verify *vf, enum store_index ixn)
{
	const struct store_ixdesc *ix = &store_ix[ixn];
	const struct store_entity *e = store_entity(ix->entity);
	struct store_ixent ents[OGPO_COLLAB_MAX + 1], got;
	void *rec = xmalloc(e->schema->size);
	uint8_t pk[STORE_KEY_MAX];
	MDB_cursor *mc;
	MDB_val k, v;
	size_t n, j, pkl;
	int op, found;

	if (mdb_cursor_open(vf->t->txn, vf->t->s->dbi[ix->db], &mc) != 0) {
		verify_say(vf, "cannot read index %s", ix->name);
		free(rec);
		return;
	}
	for (op = MDB_FIRST; mdb_cursor_get(mc, &k, &v, op) == 0;
	    op = MDB_NEXT) {
		if (k.mv_size > STORE_KEY_MAX || v.mv_size != 4) {
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
		memcpy(got.v, v.mv_data, 4);
		got.vl = 4;
		n = ix->entries(rec, ents, OGPO_COLLAB_MAX + 1);
		for (j = 0, found = 0; j < n && !found; j++)
			found = ents[j].kl == got.kl &&
			    memcmp(ents[j].k, got.k, got.kl) == 0 &&
			    memcmp(ents[j].v, got.v, 4) == 0;
		if (!found)
			verify_say(vf, "index %s has a stale entry for %s "
			    "#%u: the record no longer says so", ix->name,
			    e->schema->name, store_u32_get(v.mv_data));
	}
	mdb_cursor_close(mc);
	free(rec);
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
	struct verify vf = { t, report, arg, 0 };
	int kind, ix;

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
