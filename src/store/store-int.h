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
	DB_OFFICER_GRAM,
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
	/* The last unique key looked up and not found, while no index has
	 * changed since: saving that record next need not look again. */
	enum store_index miss_ix;	/* 0: none */
	size_t		 miss_kl;
	uint8_t		 miss_key[STORE_KEY_MAX];
	struct store_defer *defer;	/* see store_defer; NULL: off */
	struct store_gram_defer *gram;	/* officer_gram's, likewise */
	/* Room for the index entries of a record before and after a
	 * write (STORE_ENT_MAX each), made at the first write. */
	struct store_ixent *ents;
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
#define IXF_GRAM	0x10	/* officer_gram: entries kept in blocks */

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

/*
 * The most entries one record gives an index: officer_gram's, one per
 * character of a name, e-mail and title at their longest.
 */
#define STORE_ENT_MAX	(OGPO_NAME_MAX + OGPO_EMAIL_MAX + OGPO_TITLE_MAX)
_Static_assert(STORE_ENT_MAX >= OGPO_COLLAB_MAX + 1, "room for an issue's "
    "agencies");

/*
 * officer_gram (gram.c): the fields, the characters a gram holds, and
 * the bytes of a value (the officer's id, then the place in the field).
 */
enum { STORE_GRAM_NAME = 1, STORE_GRAM_EMAIL, STORE_GRAM_TITLE };
#define STORE_GRAM_UNITS	3
#define STORE_GRAM_VLEN		5
#define STORE_GRAM_TEXT_MAX	OGPO_EMAIL_MAX	/* the longest field */
#define STORE_GRAM_KEY_MAX	(1 + 4 * STORE_GRAM_UNITS)
_Static_assert(STORE_GRAM_TEXT_MAX >= OGPO_NAME_MAX &&
    STORE_GRAM_TEXT_MAX >= OGPO_TITLE_MAX && STORE_GRAM_TEXT_MAX <= 256,
    "a place in a field fits a byte");

/*
 * Split the C string s into characters (a byte that starts no UTF-8
 * sequence counts as one), at most max: the bytes with A-Z lower-cased
 * into fold, the offset of each character into at[0..n] (at[n] the end).
 * Returns n.
 */
size_t	store_gram_split(const char *s, uint8_t *fold, uint16_t *at,
	    size_t max);
/* The key of the gram of up to units characters at place p. */
size_t	store_gram_key(uint8_t field, const uint8_t *fold, const uint16_t *at,
	    size_t n, size_t p, size_t units, uint8_t *key);
size_t	store_gram_entries(const void *rec, struct store_ixent *out,
	    size_t max);

/* One entry of officer_gram as a block holds it. */
struct store_gram_ent {
	uint32_t	 id;
	uint8_t		 pos;
};
/*
 * A block: its key's gram length and first entry; its entries into out
 * (room for a block's most) and their number into *n. -1 if the block is
 * malformed.
 */
int	store_gram_bkey_parse(const MDB_val *k, size_t *gl,
	    struct store_gram_ent *first);
int	store_gram_decode(const MDB_val *k, const MDB_val *v,
	    struct store_gram_ent *out, size_t *n);
#define STORE_GRAM_BLOCK_ENTS	4096	/* entries in a block, at most */
/*
 * Bring officer_gram from entries old to new (one record's, before and
 * after), now or, in a deferred transaction, at store_gram_flush.
 */
int	store_gram_update(struct store_txn *t, const struct store_ixent *old,
	    size_t nold, const struct store_ixent *new, size_t nnew,
	    char **cause);
int	store_gram_flush(struct store_txn *t, char **cause);
void	store_gram_defer_free(struct store_txn *t);
/* 1 if officer_gram (mc a cursor on it) holds entry x. */
int	store_gram_has(MDB_cursor *mc, const struct store_ixent *x);
/* A hash of one entry: verify adds them up both ways. */
uint64_t store_gram_hash(const uint8_t *g, size_t gl,
	    const struct store_gram_ent *e);
/* 1 if e is one of set[0..n). */
int	store_ixent_in(const struct store_ixent *e,
	    const struct store_ixent *set, size_t n);
/* The batch size of a deferred transaction, in bytes. */
size_t	store_defer_batch(const struct store_txn *t);

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
