/*
 * chain.c — the audit trail as a hash chain. Each audit record carries
 * the SHA-256 of the record before it, as stored; meta holds the hash of
 * the newest ("audit.head"). A record changed, removed or slipped in
 * breaks a link that `ogpo verify` finds. An admin who notes the head
 * (ogpo audit --head) somewhere else can later prove that nothing was
 * rewritten from the end either.
 */
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "ogpo/codec.h"
#include "store-int.h"

static const MDB_val chain_key = { 10, "audit.head" };

void
store_hash(const void *p, size_t n, uint8_t out[OGPO_HASH_LEN])
{
	struct sha256_ctx ctx;

	sha256_init(&ctx);
	sha256_update(&ctx, n, p);
	sha256_digest(&ctx, OGPO_HASH_LEN, out);
}

int
store_chain_stored(struct store_txn *t, uint8_t head[OGPO_HASH_LEN])
{
	MDB_val v;
	int rc;

	rc = store_kv_get(t, DB_META, (MDB_val *)&chain_key, &v);
	if (rc == 0 && v.mv_size == OGPO_HASH_LEN) {
		memcpy(head, v.mv_data, OGPO_HASH_LEN);
		return 1;
	}
	return rc == 0 || rc == MDB_NOTFOUND ? 0 : rc;
}

int
store_chain_load(struct store_txn *t, char **cause)
{
	struct store_kc mc;
	MDB_val k, v;
	int rc;

	if (t->head_known)
		return 0;
	if ((rc = store_chain_stored(t, t->head)) == 1) {
		t->head_known = 1;
		return 0;
	}
	if (rc != 0)
		return store_error(t, rc, "reading the audit chain", cause);
	/* No head yet: an empty trail starts from zeros, one written
	 * before the chain began from its newest record. */
	memset(t->head, 0, sizeof t->head);
	if ((rc = store_kc_open(t, DB_AUDIT, &mc)) != 0)
		return store_error(t, rc, "reading the audit trail", cause);
	rc = store_kc_get(&mc, &k, &v, MDB_LAST);
	if (rc == 0)
		store_hash(v.mv_data, v.mv_size, t->head);
	store_kc_close(&mc);
	if (rc != 0 && rc != MDB_NOTFOUND)
		return store_error(t, rc, "reading the audit trail", cause);
	t->head_known = 1;
	return 0;
}

int
store_chain_flush(struct store_txn *t, char **cause)
{
	MDB_val v = { OGPO_HASH_LEN, t->head };
	int rc;

	if (!t->head_dirty)
		return 0;
	if ((rc = store_kv_put(t, DB_META, (MDB_val *)&chain_key, &v, 0)) != 0)
		return store_error(t, rc, "saving the audit chain", cause);
	t->head_dirty = 0;
	return 0;
}

int
store_audit_head(struct store_txn *t, uint8_t head[OGPO_HASH_LEN],
    uint64_t *seq, char **cause)
{
	int rc;

	if ((rc = store_chain_load(t, cause)) != 0)
		return rc;
	memcpy(head, t->head, OGPO_HASH_LEN);
	*seq = store_audit_next(t) - 1;
	return 0;
}

int
store_audit_hash(struct store_txn *t, uint64_t seq,
    uint8_t hash[OGPO_HASH_LEN], char **cause)
{
	uint8_t pk[8];
	MDB_val k = { sizeof pk, pk }, v;
	int rc;

	store_u64_put(pk, seq);
	if ((rc = store_kv_get(t, DB_AUDIT, &k, &v)) != 0)
		return rc == MDB_NOTFOUND ? err_set(cause, OGPO_NOTFOUND,
		    "there is no audit record %llu", (unsigned long long)seq) :
		    store_error(t, rc, "reading the audit trail", cause);
	store_hash(v.mv_data, v.mv_size, hash);
	return 0;
}

int
store_undone_get(struct store_txn *t, uint64_t group, uint64_t *undo)
{
	uint8_t pk[8];
	MDB_val k = { sizeof pk, pk }, v;

	*undo = 0;
	store_u64_put(pk, group);
	if (store_kv_get(t, DB_UNDONE, &k, &v) != 0 ||
	    v.mv_size != 8)
		return OGPO_NOTFOUND;
	*undo = store_u64_get(v.mv_data);
	return 0;
}

int
store_undone_put(struct store_txn *t, uint64_t group, uint64_t undo,
    char **cause)
{
	uint8_t pk[8], pv[8];
	MDB_val k = { sizeof pk, pk }, v = { sizeof pv, pv };
	int rc;

	store_u64_put(pk, group);
	store_u64_put(pv, undo);
	rc = store_kv_put(t, DB_UNDONE, &k, &v, MDB_NOOVERWRITE);
	if (rc == MDB_KEYEXIST)
		return err_set(cause, OGPO_CONFLICT, "change %llu was taken "
		    "back already", (unsigned long long)group);
	if (rc != 0)
		return store_error(t, rc, "noting an undo", cause);
	return 0;
}

/*
 * Schema 3: the imports undone before undos were noted as facts. Their
 * records carry no group: an import's group is then its first change
 * (or the import record itself, when it changed nothing).
 */
int
store_undone_fill(struct store_txn *t, char **cause)
{
	struct audit *a = xmalloc(sizeof *a);
	struct import_record ir;
	MDB_cursor *mc;
	MDB_val k, v;
	uint64_t group;
	int rc = 0, op;

	if ((rc = mdb_cursor_open(t->txn, t->s->dbi[DB_AUDIT], &mc)) != 0) {
		free(a);
		return store_error(t, rc, "reading the audit trail", cause);
	}
	for (op = MDB_FIRST; mdb_cursor_get(mc, &k, &v, op) == 0;
	    op = MDB_NEXT) {
		if (codec_decode(&schema_audit, v.mv_data, v.mv_size, a,
		    NULL) != 0 || a->action != AUDIT_UNDO ||
		    a->entity != ENTITY_IMPORT || codec_decode(&schema_import,
		    a->after, a->after_len, &ir, NULL) != 0)
			continue;
		group = ir.undoes;
		if (ir.first_seq > 0 && ir.first_seq <= ir.last_seq &&
		    ir.last_seq < ir.undoes)
			group = ir.first_seq;
		/* Undone twice (it could be, then) is still undone once. */
		if ((rc = store_undone_put(t, group, a->seq, cause)) != 0 &&
		    rc != OGPO_CONFLICT)
			break;
		rc = 0;
	}
	mdb_cursor_close(mc);
	free(a);
	return rc;
}
