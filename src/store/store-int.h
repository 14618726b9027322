/*
 * store-int.h — what the files of src/store/ share and nobody else sees:
 * the environment, the sub-database table and the index descriptions.
 */
#ifndef OGPO_STORE_INT_H
#define OGPO_STORE_INT_H

#include <lmdb.h>
#include <signal.h>

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
	DB_OFFICER_GRAM,
	DB_CASE_SERIAL,		/* a case's number → the case (schema 5) */
	DB_PROGRESS,
	DB_ISSUE_PROGRESS,
	DB_RESOLUTION,
	DB_MEETING_RESOLUTION,
	DB_AGENCY_RESOLUTION,
	DB_VOTE,
	DB_CANDIDATE,
	DB_VOTE_CANDIDATE,
	DB_BALLOT,
	DB_VOTE_BALLOT,
	DB_SCRATCH,		/* marks that live within one transaction */
	DB_COUNT
};

/* Room for future sub-databases without a change of environment. */
#define STORE_MAXDBS	64
#define STORE_KEY_MAX	(OGPO_EMAIL_MAX + 8)
#define STORE_MAXREADERS 510
/*
 * The most snapshots the processes of one login may hold at once on the
 * shared database: a share of the reader table, so that no one, stopping
 * processes of their own while they read (kill -STOP, which no program
 * can refuse), takes every slot and leaves the others, root included,
 * unable to read or save (writer.c, store_reader_share).
 */
#define STORE_READERS_PER_LOGIN 32

struct store {
	MDB_env		*env;
	MDB_dbi		 dbi[DB_COUNT];
	char		*dir;
	uint64_t	 serial;	/* transactions begun by this process */
	int		 stale;		/* dead readers cleared at open */
	/* The writer's file (writer.c): -1 if there is none to use. */
	int		 wfd;
	int		 werrno;	/* why it did not open, 0 if it did */
	int		 wheld;
	sigset_t	 wmask;		/* the signal mask before it was taken */
	int		 rdepth;	/* snapshots held (store_read_begin) */
	sigset_t	 rmask;		/* the signal mask before the first */
	char		 what[32];	/* what this process writes for */
	store_wait_fn	 wait_fn;
	void		*wait_arg;
	int		 broken;	/* the map could not be had again */
	/* Commits are put on disk by store_sync, not at commit (the
	 * screen's, so a change shows before its flush); unsynced: one of
	 * them is not on disk yet. */
	int		 lazy, unsynced;
	int		 shared;	/* the set-group-id install's database */
	/* lock.mdb's first page, read-only (stall.c), or NULL. */
	const volatile uint32_t *stall_map;
};

#define STORE_SEQ_CACHE	8

struct store_shadow;

struct store_txn {
	struct store	*s;
	MDB_txn		*txn;	/* in a dry run, the read snapshot's */
	/* A dry run's private layer (shadow.c), or NULL: then every write
	 * goes there and every read sees it over the snapshot. */
	struct store_shadow *shadow;
	/* A savepoint's outer transaction (NULL: none), and what the
	 * transaction's own state was when it began (env.c). */
	MDB_txn		*sp_outer;
	int		 sp_on;
	struct store_txn_keep {
		struct {
			const char	*name;
			uint64_t	 v;
		}		 seq[STORE_SEQ_CACHE];
		int		 nseq;
		uint8_t		 head[OGPO_HASH_LEN];
		int		 head_known, head_dirty;
		struct store_defer *defer;
		struct store_gram_defer *gram;
	}		 sp;
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
	struct store_gram_defer *gram;	/* officer_gram's, likewise */
	/* Room for the index entries of a record before and after a
	 * write (STORE_ENT_MAX each), made at the first write. */
	struct store_ixent *ents;
	/* The bytes of the record written last, for store_image. */
	const void	*image_rec;
	uint8_t		*image;
	size_t		 image_len;
	/* A write's own cursors, one per sub-database without duplicates,
	 * kept for its puts, gets and deletes (store_kv_cursor). */
	MDB_cursor	*kc[DB_COUNT];
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

/* Issues become tracked cases (the migration to schema 5). */
int	store_cases_migrate(struct store_txn *t, char **cause);

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
/*
 * Index new officer o (just written, its id given) in officer_gram. In a
 * deferred transaction a thread of its own gathers its entries; they
 * are in order with every other change to the index all the same.
 */
int	store_gram_add(struct store_txn *t, const struct officer *o,
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
/* 1 if e's records are keyed by their id alone (agency, officer …). */
int	store_keyed_by_id(const struct store_entity *e);

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
/* As store_rec_get, only the fields in the mask (codec_decode_some). */
int	store_rec_get_some(struct store_txn *t, const struct store_entity *e,
	    const uint8_t *pk, size_t pkl, void *rec, uint64_t fields,
	    char **cause);


/*
 * The writer's lock (writer.c): opened beside the database once it is
 * open (shared: checked as the group's), taken before LMDB's and let go
 * after (txnid: the transaction just committed, 0 if none was).
 */
void	store_writer_open(struct store *s, int shared, gid_t group);
void	store_writer_close(struct store *s);
int	store_writer_enter(struct store *s, char **cause);
void	store_writer_leave(struct store *s, uint64_t txnid);
/* Why a holder was given up on: waited for as long as one that works,
 * or kept from its work (stopped_ms of the wait stopped, or waiting for
 * the processor at a priority its owner lowered) for five seconds. */
enum writer_why {
	WRITER_WORKS,
	WRITER_KEPT_STOPPED,
	WRITER_KEPT_LOWERED
};
int	store_writer_busy(const struct store_holder *h, int64_t now_ms,
	    enum writer_why why, int64_t stopped_ms, char **cause);
/* When transaction txnid was committed (ms since the epoch), 0 if not in
 * the ring; *oldest is the oldest txnid the ring holds. */
int64_t	store_commit_time(struct store *s, uint64_t txnid, uint64_t *oldest);
/*
 * Before a write: OGPO_BUSY with *cause when the database's disk is down
 * to its last STORE_SNAPSHOT_ROOM-th and another process has held a
 * snapshot for STORE_SNAPSHOT_OLD_MS or more (the file grows for it).
 */
#define STORE_SNAPSHOT_ROOM	10
#define STORE_SNAPSHOT_OLD_MS	(60 * 1000)
int	store_snapshot_room(struct store *s, char **cause);
/* After a snapshot was begun on the shared database: 0, or OGPO_BUSY
 * with *cause when this login's processes hold more than their share of
 * the reader table (STORE_READERS_PER_LOGIN), this one's included. */
int	store_reader_share(struct store *s, char **cause);

/*
 * A process stopped inside LMDB's own locks (stall.c), on the shared
 * database. store_stall_open, before LMDB opens dir: waits for a stopped
 * first opener, then OGPO_BUSY with *cause naming it; and maps lock.mdb
 * to look in. store_stall_check, before anything that may take LMDB's
 * readers' mutex (a snapshot begun, the table cleared of the dead): the
 * same for a process stopped holding it. 0 when no one is stopped there.
 */
int	store_stall_open(struct store *s, const char *dir, char **cause);
/* Process (or thread) pid: its owner, (unsigned)-1 if it is gone; 1 if it
 * is stopped (state T or t in /proc, or frozen with its cgroup).
 * writer.c. */
unsigned store_pid_uid(long pid);
int	store_pid_stopped(long pid);
int	store_stall_check(struct store *s, char **cause);
void	store_stall_close(struct store *s);

/* The name and the LMDB flags of sub-database db (env.c's table). */
const char *store_db_name(enum store_db db);
unsigned store_db_flags(enum store_db db);

/*
 * The dry run's private layer (shadow.c): a file of its own with the
 * user's rights, which nothing else can open, gone when closed; what it
 * holds never reaches the database.
 */
int	store_shadow_open(struct store_shadow **shp, char **cause);
void	store_shadow_close(struct store_shadow *sh);
int	store_shadow_get(struct store_txn *t, enum store_db db, MDB_val *k,
	    MDB_val *v);
int	store_shadow_put(struct store_txn *t, enum store_db db, MDB_val *k,
	    MDB_val *v, unsigned flags);
int	store_shadow_del(struct store_txn *t, enum store_db db, MDB_val *k,
	    MDB_val *v);
int	store_shadow_drop(struct store_txn *t, enum store_db db);
/* The dry run keeps no changes to db, nor reads it again (shadow.c). */
int	store_shadow_forget(struct store_txn *t, enum store_db db);
int	store_shadow_entries(struct store_txn *t, enum store_db db,
	    size_t *n);
int	store_shadow_savepoint(struct store_txn *t);
int	store_shadow_savepoint_end(struct store_shadow *sh, int keep);
struct shadow_kc;
int	store_shadow_kc_open(struct store_txn *t, enum store_db db,
	    struct shadow_kc **cp);
int	store_shadow_kc_get(struct shadow_kc *c, MDB_val *k, MDB_val *v,
	    MDB_cursor_op op);
int	store_shadow_kc_count(struct shadow_kc *c, size_t *n);
void	store_shadow_kc_close(struct shadow_kc *c);

/*
 * Keys and values of sub-database db through transaction t: LMDB's own
 * calls, or in a dry run the merged view of the snapshot and its layer.
 * Same contracts as mdb_get, mdb_put, mdb_del, mdb_drop(0) and mdb_stat's
 * ms_entries; LMDB status codes.
 */
/*
 * The write's own cursor on sub-database db, opened at its first use;
 * NULL for a read, a dry run, or a sub-database with duplicates (their
 * writes in bulk have defer.c's cursors). mdb_get, mdb_put and mdb_del
 * each start a cursor afresh and go down from the root; a kept one
 * starts from the page it was left on, which the next record, audit
 * record or e-mail of an import, made in key order, is mostly on. Its
 * own puts and deletes are all a sub-database's but defer.c's, and
 * LMDB keeps it right over those. Closed before the transaction, or a
 * savepoint, ends (store_kv_cursors_close).
 */
static inline MDB_cursor *
store_kv_cursor(struct store_txn *t, enum store_db db)
{
	if (!t->write || t->shadow != NULL ||
	    (store_db_flags(db) & MDB_DUPSORT))
		return NULL;
	if (t->kc[db] == NULL &&
	    mdb_cursor_open(t->txn, t->s->dbi[db], &t->kc[db]) != 0)
		t->kc[db] = NULL;
	return t->kc[db];
}

static inline void
store_kv_cursors_close(struct store_txn *t)
{
	size_t i;

	for (i = 0; i < DB_COUNT; i++)
		if (t->kc[i] != NULL) {
			mdb_cursor_close(t->kc[i]);
			t->kc[i] = NULL;
		}
}

static inline int
store_kv_get(struct store_txn *t, enum store_db db, MDB_val *k, MDB_val *v)
{
	MDB_cursor *mc;

	if (t->shadow != NULL)
		return store_shadow_get(t, db, k, v);
	if ((mc = store_kv_cursor(t, db)) != NULL)
		return mdb_cursor_get(mc, k, v, MDB_SET);
	return mdb_get(t->txn, t->s->dbi[db], k, v);
}

static inline int
store_kv_put(struct store_txn *t, enum store_db db, MDB_val *k, MDB_val *v,
    unsigned flags)
{
	MDB_cursor *mc;

	if (t->shadow != NULL)
		return store_shadow_put(t, db, k, v, flags);
	if ((mc = store_kv_cursor(t, db)) != NULL)
		return mdb_cursor_put(mc, k, v, flags);
	return mdb_put(t->txn, t->s->dbi[db], k, v, flags);
}

static inline int
store_kv_del(struct store_txn *t, enum store_db db, MDB_val *k, MDB_val *v)
{
	MDB_cursor *mc;
	MDB_val d;
	int rc;

	if (t->shadow != NULL)
		return store_shadow_del(t, db, k, v);
	/* Without duplicates, mdb_del looks at the key alone. */
	if ((mc = store_kv_cursor(t, db)) != NULL)
		return (rc = mdb_cursor_get(mc, k, &d, MDB_SET)) != 0 ? rc :
		    mdb_cursor_del(mc, 0);
	return mdb_del(t->txn, t->s->dbi[db], k, v);
}

static inline int
store_kv_drop(struct store_txn *t, enum store_db db)
{
	if (t->shadow != NULL)
		return store_shadow_drop(t, db);
	if (t->kc[db] != NULL) {
		mdb_cursor_close(t->kc[db]);
		t->kc[db] = NULL;
	}
	return mdb_drop(t->txn, t->s->dbi[db], 0);
}

static inline int
store_kv_entries(struct store_txn *t, enum store_db db, size_t *n)
{
	MDB_stat st;
	int rc;

	if (t->shadow != NULL)
		return store_shadow_entries(t, db, n);
	if ((rc = mdb_stat(t->txn, t->s->dbi[db], &st)) == 0)
		*n = st.ms_entries;
	return rc;
}

/* A cursor on sub-database db: LMDB's, or a dry run's merged one. */
struct store_kc {
	MDB_cursor	 *mc;
	struct shadow_kc *sh;
};

static inline int
store_kc_open(struct store_txn *t, enum store_db db, struct store_kc *c)
{
	c->mc = NULL;
	c->sh = NULL;
	if (t->shadow != NULL)
		return store_shadow_kc_open(t, db, &c->sh);
	return mdb_cursor_open(t->txn, t->s->dbi[db], &c->mc);
}

static inline int
store_kc_get(struct store_kc *c, MDB_val *k, MDB_val *v, MDB_cursor_op op)
{
	if (c->sh != NULL)
		return store_shadow_kc_get(c->sh, k, v, op);
	return mdb_cursor_get(c->mc, k, v, op);
}

static inline int
store_kc_count(struct store_kc *c, size_t *n)
{
	if (c->sh != NULL)
		return store_shadow_kc_count(c->sh, n);
	return mdb_cursor_count(c->mc, n);
}

static inline void
store_kc_close(struct store_kc *c)
{
	if (c->sh != NULL)
		store_shadow_kc_close(c->sh);
	else if (c->mc != NULL)
		mdb_cursor_close(c->mc);
	c->mc = NULL;
	c->sh = NULL;
}

#endif
