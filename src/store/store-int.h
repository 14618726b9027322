/*
 * store-int.h — what the files of src/store/ share and nobody else sees:
 * the environment, the sub-database table and the index descriptions.
 */
#ifndef OGPO_STORE_INT_H
#define OGPO_STORE_INT_H

#include <lmdb.h>

#include "ogpo/schema.h"
#include "ogpo/store.h"

enum store_db {
	DB_META = 0,
	DB_AGENCY,
	DB_AGENCY_CODE,
	DB_AGENCY_CHILD,
	DB_OFFICER,
	DB_OFFICER_EMAIL,
	DB_OFFICER_AGENCY,
	DB_OFFICER_NAME,
	DB_OFFICER_ROLE,
	DB_MEETING,
	DB_MEETING_DATE,
	DB_ATTENDANCE,
	DB_ATTENDANCE_OFFICER,
	DB_ISSUE,
	DB_AGENCY_ISSUE,
	DB_USER,
	DB_AUDIT,
	DB_TRAINING,
	DB_OFFICER_TRAINING,
	DB_REWARD,
	DB_OFFICER_REWARD,
	DB_OFFICER_STROKE,
	DB_UNDONE,		/* change group → the undo that took it back */
	DB_SCRATCH,		/* marks that live within one transaction */
	DB_COUNT
};

/* Room for future sub-databases without a change of environment. */
#define STORE_MAXDBS	64
#define STORE_KEY_MAX	(OGPO_EMAIL_MAX + 8)
#define STORE_MAXREADERS 510

struct store {
	MDB_env		*env;
	MDB_dbi		 dbi[DB_COUNT];
	char		*dir;
	uint64_t	 serial;	/* transactions begun by this process */
	int		 stale;		/* dead readers cleared at open */
};

#define STORE_SEQ_CACHE	8

struct store_txn {
	struct store	*s;
	MDB_txn		*txn;
	uint64_t	 serial;	/* see store_txn_serial */
	int		 write;
	int		 full;	/* MDB_MAP_FULL seen: grow and run again */
	void		*old;	/* scratch for the stored image of a record */
	/* Id sequences taken in this transaction, written once at commit
	 * rather than on every record (an import takes two per row). */
	struct {
		const char	*name;
		uint64_t	 v;
	}		 seq[STORE_SEQ_CACHE];
	int		 nseq;
	/* The audit chain's head: the hash of the newest audit record,
	 * read at the first append and written to meta at commit. */
	uint8_t		 head[OGPO_HASH_LEN];
	int		 head_known, head_dirty;
	/* The seq of the first audit record this transaction appended:
	 * the group of every record it appends. */
	uint64_t	 group;
	/* The last unique key looked up and not found, while no index has
	 * changed since: saving that record next need not look again. */
	enum store_index miss_ix;	/* 0: none */
	size_t		 miss_kl;
	uint8_t		 miss_key[STORE_KEY_MAX];
	struct store_defer *defer;	/* see store_defer; NULL: off */
	/* The bytes of the record written last, for store_image. */
	const void	*image_rec;
	uint8_t		*image;
	size_t		 image_len;
};

/* Write the sequences the transaction took; before commit. */
int	store_seq_flush(struct store_txn *t, char **cause);

/* Write the audit chain's new head, if the transaction moved it. */
int	store_chain_flush(struct store_txn *t, char **cause);

/*
 * The chain's head as meta holds it: 1 and head filled, 0 if there is
 * none, or an LMDB error.
 */
int	store_chain_stored(struct store_txn *t, uint8_t head[OGPO_HASH_LEN]);

/* The hash the next audit record must carry; fills t->head. */
int	store_chain_load(struct store_txn *t, char **cause);

/* Note the imports undone before schema 3 (a migration). */
int	store_undone_fill(struct store_txn *t, char **cause);

/* SHA-256 of n bytes. */
void	store_hash(const void *p, size_t n, uint8_t out[OGPO_HASH_LEN]);

/* One entry a record contributes to an index. */
struct store_ixent {
	uint8_t	 k[STORE_KEY_MAX];
	uint8_t	 v[8];
	uint16_t kl, vl;
};

#define IXF_PRIMARY	0x1	/* the record table itself */
#define IXF_UNIQUE	0x2	/* key → primary key, one holder */
#define IXF_DUP		0x4	/* key → sorted duplicate values */
#define IXF_PREFIX	0x8	/* primary, grouped by its first 4 bytes */

struct store_ixdesc {
	const char	*name;
	enum store_db	 db;
	enum entity_kind entity;
	unsigned	 flags;
	/* The entries rec contributes, into out[max]; returns how many. */
	size_t		(*entries)(const void *rec, struct store_ixent *out,
			    size_t max);
	/* The primary key of the record entry (k, v) points at. */
	size_t		(*target)(const MDB_val *k, const MDB_val *v,
			    uint8_t *pk);
};

extern const struct store_ixdesc store_ix[IX_MAX + 1];

/*
 * Deferred index changes (defer.c). store_defer_on says whether changes
 * to index ix are being gathered; store_defer_add gathers one (a put, or
 * a delete if del); store_defer_flush writes those of ix, or of every
 * index if ix is 0; store_defer_free forgets them. store_ix_read is the
 * handle of index ix for reading, its gathered changes written first.
 */
int	store_defer_on(const struct store_txn *t, enum store_index ix);
int	store_defer_add(struct store_txn *t, enum store_index ix,
	    const struct store_ixent *e, int del, char **cause);
int	store_defer_flush(struct store_txn *t, enum store_index ix,
	    char **cause);
void	store_defer_free(struct store_txn *t);
MDB_dbi	store_ix_read(struct store_txn *t, enum store_index ix);

/* Fill index ix from the records there are (migrations). */
int	store_index_fill(struct store_txn *t, enum store_index ix,
	    char **cause);

/* Which sub-database holds an entity's records, and its indexes. */
struct store_entity {
	enum entity_kind	 kind;
	const struct schema	*schema;
	enum store_index	 primary;
	const char		*seq;	/* meta key of the id sequence */
	size_t			(*key)(const void *rec, uint8_t *pk);
	const enum store_index	*secondary;	/* ends with 0 */
};

const struct store_entity *store_entity(enum entity_kind kind);

/*
 * Map an LMDB status to ours, with a sentence that names what was being
 * done (what) and what to do about it. Records MDB_MAP_FULL in t.
 */
int	store_error(struct store_txn *t, int rc, const char *what,
	    char **cause);

void	store_u32_put(uint8_t *p, uint32_t v);
uint32_t store_u32_get(const uint8_t *p);
void	store_u64_put(uint8_t *p, uint64_t v);
uint64_t store_u64_get(const uint8_t *p);

/* Next value of a meta sequence (starting at 1). */
int	store_seq_next(struct store_txn *t, const char *name, uint64_t *v,
	    char **cause);
int	store_seq_peek(struct store_txn *t, const char *name, uint64_t *v);

/* Fetch and decode the record with primary key pk into rec. */
int	store_rec_get(struct store_txn *t, const struct store_entity *e,
	    const uint8_t *pk, size_t pkl, void *rec, char **cause);


#endif
