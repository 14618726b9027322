/*
 * chain.c — the audit trail as a hash chain. Each audit record carries
 * the SHA-256 of the record before it, as stored; meta holds the hash of
 * the newest ("audit.head"). A record changed, removed or slipped in
 * breaks a link that `ogpo verify` finds. An admin who notes the head
 * (ogpo audit --head) somewhere else can later prove that nothing was
 * rewritten from the end either.
 */
#include <string.h>

#include <nettle/sha2.h>

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
