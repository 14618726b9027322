/*
 * shadow.c — a write transaction that writes nothing: a dry run.
 *
 * A dry run (an import's --dry-run, the screen's preview of an import)
 * must see everything the real run would, its own earlier rows included,
 * without taking the writer's lock that every other account's saves wait
 * on. So it reads a snapshot of the database (an LMDB read transaction)
 * and writes into a private layer over it: an LMDB environment of this
 * process's own, in a file of its own with the user's rights, which no
 * other process can open and which goes when it is closed: what it
 * holds never reaches the database.
 *
 * Every read of the store goes through the store_kv and store_kc calls
 * (store-int.h), which, in a dry run, merge the two: the layer's entries
 * win over the snapshot's, and an entry the dry run deleted is kept as a
 * tombstone in the layer (its own sub-database, keyed by the
 * sub-database, the key and for sorted duplicates the value). A cursor
 * walks both in step, in LMDB's order, hiding what is deleted or
 * overwritten. Entries are counted as the snapshot's plus what the dry
 * run added less what it removed.
 *
 * The layer keeps only what the dry run may read again, so that neither
 * its memory nor its time grows with an import by what nothing reads.
 * The audit records it appends are let go: the chain goes on from its
 * last link, which the transaction holds (t->head), and no dry run
 * reads back the trail it is writing; a read that would is refused
 * rather than answered wrong. The search index is not kept up at all
 * (gram.c): only the screen's search reads it, through the snapshot's
 * own cursors (find.c); a read through the layer is refused. And the
 * changes to the indexes that allow duplicates (names, agencies, roles:
 * an import gathers them in batches, defer.c) are put aside in a file
 * rather than in the layer, and written to it only when one of those
 * indexes is read: an officer import reads none of them, an agency
 * import may.
 *
 * What it does keep (the records, the unique indexes, marks) it writes
 * to its file every so many changes (shadow_settle), committing the
 * layer's transaction there and beginning another: LMDB holds a write
 * transaction's changed pages in this process's memory until its
 * commit, and the layer's would otherwise grow with the file imported.
 * Savepoints and open cursors put that off until they end.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ogpo/spool.h"
#include "store-int.h"

/* Address space for the layer; its file grows only as pages are used. */
#define SHADOW_MAP	(1ULL << 40)
#define SHADOW_TOMB_MAX	(2 + STORE_KEY_MAX + 16)
/* Index changes put aside are written to their file this many bytes at
 * a time. */
#define SHADOW_LOG_BUF	(256u << 10)
/* The layer's changed pages are written to its file every so many
 * changes (shadow_settle): at most some 64 MB of them, where every change
 * lands on a page of its own, and at a million officers less than a
 * tenth of a second spent writing them all told. */
#define SHADOW_SETTLE	16384

struct store_shadow {
	MDB_env		*env;
	MDB_txn		*txn;
	MDB_txn		*outer;		/* the layer's txn around a savepoint */
	MDB_dbi		 dbi[DB_COUNT];
	MDB_dbi		 tomb;
	unsigned	 flags[DB_COUNT];
	long long	 delta[DB_COUNT];	/* entries added less removed */
	uint8_t		 dropped[DB_COUNT];	/* the snapshot's are all gone */
	/* As they were when a savepoint began. */
	long long	 sp_delta[DB_COUNT];
	uint8_t		 sp_dropped[DB_COUNT];
	/* Sub-databases whose changes the layer let go, whose reads it
	 * refuses: of the audit trail, those from key audit_from on. */
	uint8_t		 gone[DB_COUNT], sp_gone[DB_COUNT];
	uint8_t		 audit_from[8], sp_audit_from[8];
	/*
	 * Changes to the duplicate indexes (logged[db]) put aside, as they
	 * came: each a byte for the sub-database, one for put or delete,
	 * the key's length and the value's, the key and the value. The
	 * first logoff bytes are in logfd, the rest in logbuf.
	 */
	uint8_t		 logged[DB_COUNT];
	unsigned	 cursors[DB_COUNT];	/* open on each, merged */
	int		 logfd;
	off_t		 logoff;
	uint8_t		*logbuf;
	size_t		 loglen;
	int		 replaying;
	unsigned	 open;		/* merged cursors open, all told */
	size_t		 writes;	/* changes since the last settle */
	size_t		 settle;	/* settle every so many */
	int		 failed;	/* the layer was lost: this error */
};

/* Which side of the merge an entry comes from. */
enum { SIDE_MAIN, SIDE_LAYER };

/* Seek modes: the first entry >= / > (k, v), the last <= / <. */
enum shadow_seek { SEEK_GE, SEEK_GT, SEEK_LE, SEEK_LT };

/* A value bound below (NULL data, size 0) or above every value. */
static uint8_t shadow_max_mark;
#define SHADOW_VMIN	((MDB_val){ 0, NULL })
#define SHADOW_VMAX	((MDB_val){ 0, &shadow_max_mark })

static int
shadow_is_max(const MDB_val *v)
{
	return v->mv_data == &shadow_max_mark;
}

/* Byte strings in LMDB's default order: memcmp, then the shorter first. */
static int
shadow_cmp(const MDB_val *a, const MDB_val *b)
{
	size_t n = a->mv_size < b->mv_size ? a->mv_size : b->mv_size;
	int d = n ? memcmp(a->mv_data, b->mv_data, n) : 0;

	if (d != 0)
		return d;
	return (a->mv_size > b->mv_size) - (a->mv_size < b->mv_size);
}

/* Entries of db in order: by key, and for sorted duplicates by value. */
static int
shadow_entry_cmp(int dup, const MDB_val *ak, const MDB_val *av,
    const MDB_val *bk, const MDB_val *bv)
{
	int d = shadow_cmp(ak, bk);

	if (d != 0 || !dup)
		return d;
	if (shadow_is_max(av) || shadow_is_max(bv))
		return shadow_is_max(av) - shadow_is_max(bv);
	if (av->mv_data == NULL || bv->mv_data == NULL)
		return (av->mv_data != NULL) - (bv->mv_data != NULL);
	return shadow_cmp(av, bv);
}

int
store_shadow_open(struct store_shadow **shp, char **cause)
{
	struct store_shadow *sh = xcalloc(1, sizeof *sh);
	char path[64];
	unsigned i;
	int rc, fd;

	*shp = NULL;
	sh->logfd = -1;
	sh->settle = SHADOW_SETTLE;
	for (i = 1; i <= IX_MAX; i++)
		if (store_ix[i].flags & IXF_DUP)
			sh->logged[store_ix[i].db] = 1;
	/* A file without a name, which LMDB opens through this process's
	 * own descriptor: no other process can put a database of its
	 * making in its place, or write to it while it is read. */
	if ((fd = spool_private_fd()) == -1) {
		rc = err_set(cause, OGPO_IO, "a dry run needs room of its "
		    "own: %s", strerror(errno));
		free(sh);
		return rc;
	}
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	if ((rc = mdb_env_create(&sh->env)) == 0 &&
	    (rc = mdb_env_set_maxdbs(sh->env, STORE_MAXDBS)) == 0 &&
	    (rc = mdb_env_set_mapsize(sh->env, SHADOW_MAP)) == 0)
		rc = mdb_env_open(sh->env, path, MDB_NOSUBDIR | MDB_NOLOCK |
		    MDB_NOSYNC | MDB_NOMETASYNC | MDB_NOTLS, 0600);
	close(fd);
	if (rc != 0)
		goto fail;
	if ((rc = mdb_txn_begin(sh->env, NULL, 0, &sh->txn)) != 0)
		goto fail;
	for (i = 0; i < DB_COUNT; i++) {
		sh->flags[i] = store_db_flags(i);
		if ((rc = mdb_dbi_open(sh->txn, store_db_name(i),
		    sh->flags[i] | MDB_CREATE, &sh->dbi[i])) != 0)
			goto fail;
	}
	if ((rc = mdb_dbi_open(sh->txn, "tomb", MDB_CREATE, &sh->tomb)) != 0)
		goto fail;
	*shp = sh;
	return 0;
fail:
	store_shadow_close(sh);
	rc = store_error(NULL, rc, "preparing the dry run", cause);
	return rc;
}

void
store_shadow_close(struct store_shadow *sh)
{
	if (sh == NULL)
		return;
	if (sh->txn != NULL)
		mdb_txn_abort(sh->outer != NULL ? sh->outer : sh->txn);
	if (sh->env != NULL)
		mdb_env_close(sh->env);
	if (sh->logfd != -1)
		close(sh->logfd);
	free(sh->logbuf);
	free(sh);
}

static int	shadow_put(struct store_txn *, enum store_db, MDB_val *,
		    MDB_val *, unsigned);
static int	shadow_del(struct store_txn *, enum store_db, MDB_val *,
		    MDB_val *);

/*
 * 1 if a read of key k of db (NULL: a walk or a count) would miss what
 * the layer let go: refused, never answered wrong. Of the audit trail,
 * the records before the first one let go are still there to read (an
 * undo reads those it takes back), and the count is kept.
 */
static int
shadow_refused(const struct store_shadow *sh, enum store_db db,
    const MDB_val *k)
{
	MDB_val from = { sizeof sh->audit_from, (void *)sh->audit_from };

	if (!sh->gone[db])
		return 0;
	if (db != DB_AUDIT || k == NULL)
		return 1;
	return shadow_cmp(k, &from) >= 0;
}

int
store_shadow_forget(struct store_txn *t, enum store_db db)
{
	t->shadow->gone[db] = 1;
	return 0;
}

/*
 * A change to a duplicate index that can be put aside: outside a
 * savepoint (which must take its own changes back), while no cursor
 * walks the index (which must see it as it changes), of an entry, not
 * asked to fail if there (the callers take a put of an entry already
 * there, or a delete of one that is not, as done).
 */
static int
shadow_loggable(const struct store_shadow *sh, enum store_db db,
    const MDB_val *k, const MDB_val *v, unsigned flags)
{
	return sh->logged[db] && sh->outer == NULL && sh->cursors[db] == 0 &&
	    v != NULL &&
	    k->mv_size <= STORE_KEY_MAX && v->mv_size <= UINT8_MAX &&
	    !(flags & MDB_NOOVERWRITE);
}

static int
shadow_log_write(struct store_shadow *sh)
{
	size_t done = 0;
	ssize_t n;

	if (sh->logfd == -1 && (sh->logfd = spool_private_fd()) == -1)
		return errno;
	while (done < sh->loglen) {
		n = pwrite(sh->logfd, sh->logbuf + done, sh->loglen - done,
		    sh->logoff);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		done += (size_t)n;
		sh->logoff += n;
	}
	sh->loglen = 0;
	return 0;
}

/* Put the change to (k, v) of db aside: a put, or a delete if del. */
static int
shadow_log(struct store_shadow *sh, enum store_db db, int del,
    const MDB_val *k, const MDB_val *v)
{
	size_t need = 4 + k->mv_size + v->mv_size;
	uint8_t *p;
	int rc;

	if (sh->logbuf == NULL)
		sh->logbuf = xmalloc(SHADOW_LOG_BUF);
	if (sh->loglen + need > SHADOW_LOG_BUF &&
	    (rc = shadow_log_write(sh)) != 0)
		return rc;
	p = sh->logbuf + sh->loglen;
	p[0] = (uint8_t)db;
	p[1] = (uint8_t)del;
	p[2] = (uint8_t)k->mv_size;
	p[3] = (uint8_t)v->mv_size;
	memcpy(p + 4, k->mv_data, k->mv_size);
	memcpy(p + 4 + k->mv_size, v->mv_data, v->mv_size);
	sh->loglen += need;
	return 0;
}

/* Apply the changes at buf[0..len) that are whole; how many bytes. */
static size_t
shadow_log_apply(struct store_txn *t, const uint8_t *buf, size_t len,
    int *rc)
{
	size_t at = 0, need;
	MDB_val k, v;

	*rc = 0;
	while (len - at >= 4) {
		need = 4 + (size_t)buf[at + 2] + buf[at + 3];
		if (len - at < need)
			break;
		k = (MDB_val){ buf[at + 2], (void *)(buf + at + 4) };
		v = (MDB_val){ buf[at + 3], (void *)(buf + at + 4 + k.mv_size) };
		if (buf[at + 1])
			*rc = shadow_del(t, (enum store_db)buf[at], &k, &v);
		else
			*rc = shadow_put(t, (enum store_db)buf[at], &k, &v,
			    MDB_NODUPDATA);
		if (*rc == MDB_KEYEXIST || *rc == MDB_NOTFOUND)
			*rc = 0;	/* as the callers take them */
		if (*rc != 0)
			break;
		at += need;
	}
	return at;
}

/*
 * Before db is read (or changed other than by shadow_log; DB_COUNT: any
 * of them), write the changes put aside into the layer, in the order
 * they came: the file's, then the buffer's.
 */
static int
shadow_replay(struct store_txn *t, enum store_db db)
{
	struct store_shadow *sh = t->shadow;
	uint8_t *buf;
	size_t have = 0, used;
	off_t at = 0;
	ssize_t n;
	int rc = 0;

	if ((db != DB_COUNT && !sh->logged[db]) || sh->replaying ||
	    (sh->logoff == 0 && sh->loglen == 0))
		return 0;
	sh->replaying = 1;
	if (sh->logoff > 0) {
		buf = xmalloc(SHADOW_LOG_BUF);
		while (rc == 0 && at < sh->logoff) {
			n = pread(sh->logfd, buf + have, SHADOW_LOG_BUF - have,
			    at);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0) {
				rc = n < 0 ? errno : EIO;
				break;
			}
			at += n;
			have += (size_t)n;
			used = shadow_log_apply(t, buf, have, &rc);
			memmove(buf, buf + used, have - used);
			have -= used;
		}
		free(buf);
		if (rc == 0 && have != 0)
			rc = EIO;	/* a change cut short */
	}
	if (rc == 0 && (used = shadow_log_apply(t, sh->logbuf, sh->loglen,
	    &rc)) != sh->loglen && rc == 0)
		rc = EIO;
	sh->replaying = 0;
	if (rc != 0)
		return rc;
	if (sh->logoff > 0 && ftruncate(sh->logfd, 0) != 0)
		return errno;
	sh->logoff = 0;
	sh->loglen = 0;
	return 0;
}

/* The tombstone's key for (db, k) or, of sorted duplicates, (db, k, v). */
static int
shadow_tomb_key(const struct store_shadow *sh, enum store_db db,
    const MDB_val *k, const MDB_val *v, uint8_t *buf, MDB_val *out)
{
	size_t vl = (sh->flags[db] & MDB_DUPSORT) && v != NULL ? v->mv_size :
	    0;

	if (k->mv_size > STORE_KEY_MAX || vl > 16)
		return -1;
	buf[0] = (uint8_t)db;
	buf[1] = (uint8_t)k->mv_size;
	memcpy(buf + 2, k->mv_data, k->mv_size);
	if (vl > 0)
		memcpy(buf + 2 + k->mv_size, v->mv_data, vl);
	out->mv_size = 2 + k->mv_size + vl;
	out->mv_data = buf;
	return 0;
}

static int
shadow_tombed(const struct store_shadow *sh, enum store_db db,
    const MDB_val *k, const MDB_val *v)
{
	uint8_t buf[SHADOW_TOMB_MAX];
	MDB_val tk, tv;

	if (sh->dropped[db])
		return 1;
	if (shadow_tomb_key(sh, db, k, v, buf, &tk) != 0)
		return 0;
	return mdb_get(sh->txn, sh->tomb, &tk, &tv) == 0;
}

/*
 * The first entry of one side after (k, v), or at it unless strict. v may
 * be a value (sorted duplicates), or SHADOW_VMIN / SHADOW_VMAX: before or
 * after every value of k. 0 with the cursor there, or MDB_NOTFOUND.
 */
static int
shadow_side_ge(MDB_cursor *mc, int dup, const MDB_val *k, const MDB_val *v,
    int strict, MDB_val *ok, MDB_val *ov)
{
	MDB_val kk = *k, vv = *v;
	int rc;

	if (!dup || v->mv_data == NULL || shadow_is_max(v)) {
		rc = mdb_cursor_get(mc, &kk, &vv, MDB_SET_RANGE);
		if (rc == 0 && shadow_cmp(&kk, k) == 0 &&
		    (dup ? shadow_is_max(v) : strict))
			rc = mdb_cursor_get(mc, &kk, &vv, dup ? MDB_NEXT_NODUP :
			    MDB_NEXT);
	} else {
		rc = mdb_cursor_get(mc, &kk, &vv, MDB_GET_BOTH_RANGE);
		if (rc == 0)	/* it leaves the key pointing at ours */
			rc = mdb_cursor_get(mc, &kk, &vv, MDB_GET_CURRENT);
		if (rc == 0 && strict && shadow_cmp(&vv, v) == 0)
			rc = mdb_cursor_get(mc, &kk, &vv, MDB_NEXT);
		else if (rc == MDB_NOTFOUND) {
			/* No value that large at k, or no k at all. */
			kk = *k;
			rc = mdb_cursor_get(mc, &kk, &vv, MDB_SET_RANGE);
			if (rc == 0 && shadow_cmp(&kk, k) == 0)
				rc = mdb_cursor_get(mc, &kk, &vv,
				    MDB_NEXT_NODUP);
		}
	}
	if (rc == 0) {
		*ok = kk;
		*ov = vv;
	}
	return rc;
}

/* One side's entry per the seek mode; 0, MDB_NOTFOUND or an error. */
static int
shadow_side_seek(MDB_cursor *mc, int dup, enum shadow_seek how,
    const MDB_val *k, const MDB_val *v, MDB_val *ok, MDB_val *ov)
{
	MDB_val kk, vv;
	int rc;

	if (how == SEEK_GE || how == SEEK_GT)
		return shadow_side_ge(mc, dup, k, v, how == SEEK_GT, ok, ov);
	/* The last <= (k, v) is the one before the first > (k, v); the
	 * last < before the first >=. */
	rc = shadow_side_ge(mc, dup, k, v, how == SEEK_LE, &kk, &vv);
	if (rc == MDB_NOTFOUND)
		rc = mdb_cursor_get(mc, &kk, &vv, MDB_LAST);
	else if (rc == 0)
		rc = mdb_cursor_get(mc, &kk, &vv, MDB_PREV);
	if (rc == 0) {
		*ok = kk;
		*ov = vv;
	}
	return rc;
}

/* A merged cursor: the snapshot's and the layer's, in step. */
struct shadow_kc {
	struct store_txn	*t;
	enum store_db		 db;
	int			 dup;
	MDB_cursor		*main, *layer;
	MDB_cursor		*probe;		/* the layer's, for look-ups */
	int			 at;		/* positioned */
	MDB_val			 k, v;		/* the entry, in a map */
	uint8_t			 kbuf[STORE_KEY_MAX + 16];
	uint8_t			 vbuf[16];	/* the value, for duplicates */
	MDB_val			 ck, cv;	/* copies to seek from */
};

/* 1 if the snapshot's entry (k, v) is hidden by the dry run. */
static int
shadow_hidden(struct shadow_kc *c, const MDB_val *k, const MDB_val *v)
{
	struct store_shadow *sh = c->t->shadow;
	MDB_val kk = *k, vv = *v;

	if (shadow_tombed(sh, c->db, k, v))
		return 1;
	if (c->dup)
		return mdb_cursor_get(c->probe, &kk, &vv, MDB_GET_BOTH) == 0;
	return mdb_get(sh->txn, sh->dbi[c->db], &kk, &vv) == 0;
}

/*
 * 1 if the snapshot's entry (mk, mv) is the layer's (lk, lv) or past it
 * in the direction fwd says: then the layer's comes first, whether the
 * snapshot's is hidden or not. Never, without one of the layer's (lk
 * NULL).
 */
static int
shadow_past(const struct shadow_kc *c, int fwd, const MDB_val *mk,
    const MDB_val *mv, const MDB_val *lk, const MDB_val *lv)
{
	int d;

	if (lk == NULL)
		return 0;
	d = shadow_entry_cmp(c->dup, mk, mv, lk, lv);
	return fwd ? d >= 0 : d <= 0;
}

/*
 * The snapshot's side, skipping hidden entries in the seek's direction,
 * but not past the layer's own entry there (lk, lv; or NULL): MDB_NOTFOUND
 * then, the layer's being the answer. So a walk through entries the dry
 * run wrote over (the records of every officer an import changes, each
 * hiding the snapshot's) steps over one of them at a time, not over all
 * that are left at every step.
 */
static int
shadow_main_seek(struct shadow_kc *c, enum shadow_seek how, const MDB_val *k,
    const MDB_val *v, const MDB_val *lk, const MDB_val *lv, MDB_val *ok,
    MDB_val *ov)
{
	int fwd = how == SEEK_GE || how == SEEK_GT, rc;

	if (c->t->shadow->dropped[c->db])
		return MDB_NOTFOUND;
	rc = shadow_side_seek(c->main, c->dup, how, k, v, ok, ov);
	while (rc == 0) {
		if (shadow_past(c, fwd, ok, ov, lk, lv))
			return MDB_NOTFOUND;
		if (!shadow_hidden(c, ok, ov))
			break;
		rc = mdb_cursor_get(c->main, ok, ov, fwd ? MDB_NEXT :
		    MDB_PREV);
	}
	return rc;
}

/* Remember where the cursor is, as a copy a later seek can start from. */
static void
shadow_kc_set(struct shadow_kc *c, const MDB_val *k, const MDB_val *v)
{
	size_t kl = k->mv_size < sizeof c->kbuf ? k->mv_size : sizeof c->kbuf;
	size_t vl = v->mv_size < sizeof c->vbuf ? v->mv_size : sizeof c->vbuf;

	c->k = *k;
	c->v = *v;
	memcpy(c->kbuf, k->mv_data, kl);
	c->ck = (MDB_val){ kl, c->kbuf };
	if (c->dup) {
		memcpy(c->vbuf, v->mv_data, vl);
		c->cv = (MDB_val){ vl, c->vbuf };
	} else
		c->cv = SHADOW_VMIN;
	c->at = 1;
}

/* The merged entry per the seek mode; sets the position on success. */
static int
shadow_kc_seek(struct shadow_kc *c, enum shadow_seek how, const MDB_val *k,
    const MDB_val *v)
{
	MDB_val mk, mv, lk, lv;
	int rm, rl, fwd = how == SEEK_GE || how == SEEK_GT, pick, d;

	rl = shadow_side_seek(c->layer, c->dup, how, k, v, &lk, &lv);
	if (rl != 0 && rl != MDB_NOTFOUND)
		return rl;
	rm = shadow_main_seek(c, how, k, v, rl == 0 ? &lk : NULL, &lv, &mk,
	    &mv);
	if (rm != 0 && rm != MDB_NOTFOUND)
		return rm;
	if (rm != 0 && rl != 0)
		return MDB_NOTFOUND;
	if (rm != 0)
		pick = SIDE_LAYER;
	else if (rl != 0)
		pick = SIDE_MAIN;
	else {
		d = shadow_entry_cmp(c->dup, &mk, &mv, &lk, &lv);
		/* Equal entries cannot both be there: the layer hides the
		 * snapshot's own. Forwards the smaller, backwards the
		 * larger. */
		pick = (fwd ? d <= 0 : d >= 0) ? SIDE_MAIN : SIDE_LAYER;
	}
	if (pick == SIDE_MAIN)
		shadow_kc_set(c, &mk, &mv);
	else
		shadow_kc_set(c, &lk, &lv);
	return 0;
}

/* The first (or last) entry of the merged view. */
static int
shadow_kc_end(struct shadow_kc *c, int last)
{
	MDB_cursor_op end = last ? MDB_LAST : MDB_FIRST;
	MDB_cursor_op step = last ? MDB_PREV : MDB_NEXT;
	MDB_val lk, lv, mk, mv;
	int rm, rl, d;

	rl = mdb_cursor_get(c->layer, &lk, &lv, end);
	if (rl != 0 && rl != MDB_NOTFOUND)
		return rl;
	rm = c->t->shadow->dropped[c->db] ? MDB_NOTFOUND :
	    mdb_cursor_get(c->main, &mk, &mv, end);
	/* As shadow_main_seek: not past the layer's own end. */
	while (rm == 0) {
		if (shadow_past(c, !last, &mk, &mv, rl == 0 ? &lk : NULL,
		    &lv)) {
			rm = MDB_NOTFOUND;
			break;
		}
		if (!shadow_hidden(c, &mk, &mv))
			break;
		rm = mdb_cursor_get(c->main, &mk, &mv, step);
	}
	if (rm != 0 && rm != MDB_NOTFOUND)
		return rm;
	if (rm != 0 && rl != 0)
		return MDB_NOTFOUND;
	if (rm != 0)
		d = last ? -1 : 1;	/* only the layer's */
	else if (rl != 0)
		d = last ? 1 : -1;	/* only the snapshot's */
	else
		d = shadow_entry_cmp(c->dup, &mk, &mv, &lk, &lv);
	if (last ? d > 0 : d < 0)
		shadow_kc_set(c, &mk, &mv);
	else
		shadow_kc_set(c, &lk, &lv);
	return 0;
}

int
store_shadow_kc_get(struct shadow_kc *c, MDB_val *k, MDB_val *v,
    MDB_cursor_op op)
{
	MDB_val key, val, here, herev;
	int rc;


	switch (op) {
	case MDB_FIRST:
		rc = shadow_kc_end(c, 0);
		break;
	case MDB_LAST:
		rc = shadow_kc_end(c, 1);
		break;
	case MDB_GET_CURRENT:
		rc = c->at ? 0 : EINVAL;
		break;
	case MDB_NEXT:
	case MDB_PREV:
		if (!c->at)
			return op == MDB_NEXT ? store_shadow_kc_get(c, k, v,
			    MDB_FIRST) : store_shadow_kc_get(c, k, v,
			    MDB_LAST);
		here = c->ck;
		herev = c->cv;
		rc = shadow_kc_seek(c, op == MDB_NEXT ? SEEK_GT : SEEK_LT,
		    &here, &herev);
		break;
	case MDB_NEXT_DUP:
	case MDB_PREV_DUP: {
		struct shadow_kc was;

		if (!c->at)
			return EINVAL;
		was = *c;
		was.ck.mv_data = was.kbuf;
		was.cv.mv_data = c->dup ? was.vbuf : NULL;
		rc = shadow_kc_seek(c, op == MDB_NEXT_DUP ? SEEK_GT : SEEK_LT,
		    &was.ck, &was.cv);
		if (rc == 0 && shadow_cmp(&c->ck, &was.ck) != 0) {
			*c = was;	/* another key: stay where we were */
			c->ck.mv_data = c->kbuf;
			c->cv.mv_data = c->dup ? c->vbuf : NULL;
			rc = MDB_NOTFOUND;
		}
		break;
	}
	case MDB_NEXT_NODUP:
		if (!c->at)
			return store_shadow_kc_get(c, k, v, MDB_FIRST);
		key = c->ck;
		val = SHADOW_VMAX;
		rc = shadow_kc_seek(c, SEEK_GE, &key, &val);
		break;
	case MDB_LAST_DUP:
		if (!c->at)
			return EINVAL;
		key = c->ck;
		val = SHADOW_VMAX;
		rc = shadow_kc_seek(c, SEEK_LE, &key, &val);
		break;
	case MDB_SET:
	case MDB_SET_KEY:
	case MDB_SET_RANGE:
		key = *k;
		val = SHADOW_VMIN;
		rc = shadow_kc_seek(c, SEEK_GE, &key, &val);
		if (rc == 0 && op != MDB_SET_RANGE &&
		    shadow_cmp(&c->k, k) != 0) {
			c->at = 0;
			rc = MDB_NOTFOUND;
		}
		break;
	case MDB_GET_BOTH:
	case MDB_GET_BOTH_RANGE:
		key = *k;
		val = *v;
		rc = shadow_kc_seek(c, SEEK_GE, &key, &val);
		if (rc == 0 && (shadow_cmp(&c->k, k) != 0 ||
		    (op == MDB_GET_BOTH && shadow_cmp(&c->v, v) != 0))) {
			c->at = 0;
			rc = MDB_NOTFOUND;
		}
		break;
	default:
		return EINVAL;
	}
	if (rc == 0) {
		*k = c->k;
		*v = c->v;
	}
	return rc;
}

/*
 * Before a read of db (of key k, or of the whole when NULL): the error
 * that lost the layer, a refusal of what it let go, or what it put aside
 * brought in, so that the read sees every change.
 */
static int
shadow_reading(struct store_txn *t, enum store_db db, const MDB_val *k)
{
	struct store_shadow *sh = t->shadow;

	if (sh->failed)
		return sh->failed;
	if (shadow_refused(sh, db, k))
		return EOPNOTSUPP;
	return shadow_replay(t, db);
}

int
store_shadow_kc_open(struct store_txn *t, enum store_db db,
    struct shadow_kc **cp)
{
	struct store_shadow *sh = t->shadow;
	struct shadow_kc *c;
	int rc;

	if ((rc = shadow_reading(t, db, NULL)) != 0)
		return rc;
	c = xcalloc(1, sizeof *c);
	c->t = t;
	c->db = db;
	c->dup = (sh->flags[db] & MDB_DUPSORT) != 0;
	if ((rc = mdb_cursor_open(t->txn, t->s->dbi[db], &c->main)) != 0) {
		free(c);
		return rc;
	}
	if ((rc = mdb_cursor_open(sh->txn, sh->dbi[db], &c->layer)) != 0 ||
	    (rc = mdb_cursor_open(sh->txn, sh->dbi[db], &c->probe)) != 0) {
		if (c->layer != NULL)
			mdb_cursor_close(c->layer);
		mdb_cursor_close(c->main);
		free(c);
		return rc;
	}
	sh->cursors[db]++;
	sh->open++;
	*cp = c;
	return 0;
}

void
store_shadow_kc_close(struct shadow_kc *c)
{
	if (c == NULL)
		return;
	c->t->shadow->cursors[c->db]--;
	c->t->shadow->open--;
	mdb_cursor_close(c->main);
	mdb_cursor_close(c->layer);
	mdb_cursor_close(c->probe);
	free(c);
}

int
store_shadow_kc_count(struct shadow_kc *c, size_t *n)
{
	struct shadow_kc walk;
	uint8_t kb[sizeof c->kbuf], vb[sizeof c->vbuf];
	MDB_val k, v;
	int rc;

	if (!c->at)
		return EINVAL;
	if (!c->dup) {
		*n = 1;
		return 0;
	}
	/* Walk the key's duplicates with a copy that shares c's cursors:
	 * every seek starts afresh, so c stays where it was. */
	walk = *c;
	*n = 0;
	k = c->ck;
	v = SHADOW_VMIN;
	for (rc = shadow_kc_seek(&walk, SEEK_GE, &k, &v); rc == 0 &&
	    shadow_cmp(&walk.ck, &c->ck) == 0;
	    rc = shadow_kc_seek(&walk, SEEK_GT, &k, &v)) {
		(*n)++;
		memcpy(kb, walk.kbuf, walk.ck.mv_size);
		memcpy(vb, walk.vbuf, walk.cv.mv_size);
		k = (MDB_val){ walk.ck.mv_size, kb };
		v = (MDB_val){ walk.cv.mv_size, vb };
	}
	return rc == 0 || rc == MDB_NOTFOUND ? 0 : rc;
}

int
store_shadow_get(struct store_txn *t, enum store_db db, MDB_val *k,
    MDB_val *v)
{
	struct store_shadow *sh = t->shadow;
	struct shadow_kc *c;
	MDB_val kk = *k;
	int rc;

	if ((rc = shadow_reading(t, db, k)) != 0)
		return rc;
	if (!(sh->flags[db] & MDB_DUPSORT)) {
		if ((rc = mdb_get(sh->txn, sh->dbi[db], &kk, v)) !=
		    MDB_NOTFOUND)
			return rc;
		if (shadow_tombed(sh, db, k, NULL))
			return MDB_NOTFOUND;
		return mdb_get(t->txn, t->s->dbi[db], k, v);
	}
	/* Of duplicates, the first. */
	if ((rc = store_shadow_kc_open(t, db, &c)) != 0)
		return rc;
	rc = store_shadow_kc_get(c, &kk, v, MDB_SET_KEY);
	store_shadow_kc_close(c);
	return rc;
}

/* 1 if the merged view holds (k, v) (non-duplicates: the key k). */
static int
shadow_visible(struct store_txn *t, enum store_db db, const MDB_val *k,
    const MDB_val *v)
{
	struct store_shadow *sh = t->shadow;
	MDB_val kk = *k, vv;
	MDB_cursor *mc;
	int rc;

	if (!(sh->flags[db] & MDB_DUPSORT))
		return store_shadow_get(t, db, &kk, &vv) == 0;
	vv = *v;
	if (mdb_cursor_open(sh->txn, sh->dbi[db], &mc) != 0)
		return 0;
	rc = mdb_cursor_get(mc, &kk, &vv, MDB_GET_BOTH);
	mdb_cursor_close(mc);
	if (rc == 0)
		return 1;
	if (shadow_tombed(sh, db, k, v))
		return 0;
	kk = *k;
	vv = *v;
	if (mdb_cursor_open(t->txn, t->s->dbi[db], &mc) != 0)
		return 0;
	rc = mdb_cursor_get(mc, &kk, &vv, MDB_GET_BOTH);
	mdb_cursor_close(mc);
	return rc == 0;
}

/* 1 if the snapshot itself holds (k, v), tombstone or not. */
static int
shadow_in_main(struct store_txn *t, enum store_db db, const MDB_val *k,
    const MDB_val *v)
{
	MDB_val kk = *k, vv;
	MDB_cursor *mc;
	int rc;

	if (t->shadow->dropped[db])
		return 0;
	if (!(t->shadow->flags[db] & MDB_DUPSORT))
		return mdb_get(t->txn, t->s->dbi[db], &kk, &vv) == 0;
	vv = *v;
	if (mdb_cursor_open(t->txn, t->s->dbi[db], &mc) != 0)
		return 0;
	rc = mdb_cursor_get(mc, &kk, &vv, MDB_GET_BOTH);
	mdb_cursor_close(mc);
	return rc == 0;
}

static int
shadow_put(struct store_txn *t, enum store_db db, MDB_val *k, MDB_val *v,
    unsigned flags)
{
	struct store_shadow *sh = t->shadow;
	uint8_t buf[SHADOW_TOMB_MAX];
	MDB_val tk;
	int had, rc;

	had = shadow_visible(t, db, k, v);
	if (had && (flags & (MDB_NODUPDATA | MDB_NOOVERWRITE)))
		return MDB_KEYEXIST;
	/* Appending is the snapshot's order, not the layer's to check. */
	flags &= ~(unsigned)(MDB_APPEND | MDB_APPENDDUP);
	if ((rc = mdb_put(sh->txn, sh->dbi[db], k, v, flags)) != 0)
		return rc;
	if (shadow_tomb_key(sh, db, k, v, buf, &tk) == 0)
		(void)mdb_del(sh->txn, sh->tomb, &tk, NULL);
	if (!had)
		sh->delta[db]++;
	return 0;
}

/* Delete one entry of the merged view: (k, v), or the key k. */
static int
shadow_del_one(struct store_txn *t, enum store_db db, const MDB_val *k,
    const MDB_val *v)
{
	struct store_shadow *sh = t->shadow;
	uint8_t buf[SHADOW_TOMB_MAX];
	MDB_val kk = *k, vv = v != NULL ? *v : SHADOW_VMIN, tk, none = { 0,
	    "" };
	int dup = (sh->flags[db] & MDB_DUPSORT) != 0, rc;

	rc = mdb_del(sh->txn, sh->dbi[db], &kk, dup ? &vv : NULL);
	if (rc != 0 && rc != MDB_NOTFOUND)
		return rc;
	if (shadow_in_main(t, db, k, v) && shadow_tomb_key(sh, db, k, v, buf,
	    &tk) == 0 && (rc = mdb_put(sh->txn, sh->tomb, &tk, &none,
	    0)) != 0)
		return rc;
	sh->delta[db]--;
	return 0;
}

static int
shadow_del(struct store_txn *t, enum store_db db, MDB_val *k, MDB_val *v)
{
	struct store_shadow *sh = t->shadow;
	struct shadow_kc *c;
	MDB_val kk = *k, vv;
	uint8_t val[16];
	size_t vl;
	int rc;

	if (!(sh->flags[db] & MDB_DUPSORT) || v != NULL) {
		if (!shadow_visible(t, db, k, v))
			return MDB_NOTFOUND;
		return shadow_del_one(t, db, k, v);
	}
	/* Every duplicate of k, one at a time, from a fresh look each. */
	for (;;) {
		if ((rc = store_shadow_kc_open(t, db, &c)) != 0)
			return rc;
		kk = *k;
		rc = store_shadow_kc_get(c, &kk, &vv, MDB_SET_KEY);
		if (rc == 0) {
			vl = vv.mv_size < sizeof val ? vv.mv_size : sizeof val;
			memcpy(val, vv.mv_data, vl);
		}
		store_shadow_kc_close(c);
		if (rc == MDB_NOTFOUND)
			return 0;
		if (rc != 0)
			return rc;
		vv = (MDB_val){ vl, val };
		if ((rc = shadow_del_one(t, db, k, &vv)) != 0)
			return rc;
	}
}

/*
 * After a change: every SHADOW_SETTLE of them, the layer's changed pages
 * are written to its file (committed there, a transaction begun again),
 * so that they are the file's, in the system's cache, not this
 * process's memory. Not inside a savepoint, which must be able to take
 * its changes back, nor while a cursor is open on the layer; a value
 * read from it before is no longer good, as LMDB says of any value read
 * before a change.
 */
static int
shadow_settle(struct store_shadow *sh)
{
	int rc;

	if (++sh->writes < sh->settle || sh->outer != NULL ||
	    sh->open != 0 || sh->replaying)
		return 0;
	sh->writes = 0;
	rc = mdb_txn_commit(sh->txn);
	sh->txn = NULL;
	if (rc == 0)
		rc = mdb_txn_begin(sh->env, NULL, 0, &sh->txn);
	if (rc != 0) {
		/* What the layer held is gone: every use of it fails. */
		sh->failed = rc;
		(void)mdb_txn_begin(sh->env, NULL, 0, &sh->txn);
	}
	return rc;
}

void
store_dry_settle(struct store_txn *t, size_t changes)
{
	if (t->shadow != NULL)
		t->shadow->settle = changes != 0 ? changes : SHADOW_SETTLE;
}

/* An audit record appended: counted, not kept (see above). */
static int
shadow_audit_put(struct store_txn *t, MDB_val *k, MDB_val *v,
    unsigned flags)
{
	struct store_shadow *sh = t->shadow;
	MDB_val from = { sizeof sh->audit_from, sh->audit_from }, kk = *k, vv;

	if (k->mv_size != sizeof sh->audit_from)
		return shadow_put(t, DB_AUDIT, k, v, flags);
	if (mdb_get(sh->txn, sh->dbi[DB_AUDIT], &kk, &vv) == 0 ||
	    (shadow_in_main(t, DB_AUDIT, k, v) &&
	    !shadow_tombed(sh, DB_AUDIT, k, v))) {
		/* Not appended but written over: kept. */
		if (flags & MDB_NOOVERWRITE)
			return MDB_KEYEXIST;
		return shadow_put(t, DB_AUDIT, k, v, flags);
	}
	if (!sh->gone[DB_AUDIT] || shadow_cmp(k, &from) < 0)
		memcpy(sh->audit_from, k->mv_data, sizeof sh->audit_from);
	sh->gone[DB_AUDIT] = 1;
	sh->delta[DB_AUDIT]++;
	return 0;
}

int
store_shadow_put(struct store_txn *t, enum store_db db, MDB_val *k,
    MDB_val *v, unsigned flags)
{
	struct store_shadow *sh = t->shadow;
	int rc;

	if (sh->failed)
		return sh->failed;
	if (db == DB_AUDIT)
		return shadow_audit_put(t, k, v, flags);
	if (shadow_loggable(sh, db, k, v, flags))
		return shadow_log(sh, db, 0, k, v);
	if ((rc = shadow_replay(t, db)) != 0 ||
	    (rc = shadow_put(t, db, k, v, flags)) != 0)
		return rc;
	return shadow_settle(sh);
}

int
store_shadow_del(struct store_txn *t, enum store_db db, MDB_val *k,
    MDB_val *v)
{
	struct store_shadow *sh = t->shadow;
	int rc;

	if (sh->failed)
		return sh->failed;
	if (shadow_refused(sh, db, k))
		return EOPNOTSUPP;
	if (shadow_loggable(sh, db, k, v, 0))
		return shadow_log(sh, db, 1, k, v);
	if ((rc = shadow_replay(t, db)) != 0 ||
	    (rc = shadow_del(t, db, k, v)) != 0)
		return rc;
	return shadow_settle(sh);
}

int
store_shadow_drop(struct store_txn *t, enum store_db db)
{
	struct store_shadow *sh = t->shadow;
	int rc;

	if (sh->failed)
		return sh->failed;
	if ((rc = shadow_replay(t, db)) != 0 ||
	    (rc = mdb_drop(sh->txn, sh->dbi[db], 0)) != 0)
		return rc;
	sh->dropped[db] = 1;
	sh->delta[db] = 0;
	sh->gone[db] = 0;	/* nothing left to miss */
	return 0;
}

int
store_shadow_entries(struct store_txn *t, enum store_db db, size_t *n)
{
	struct store_shadow *sh = t->shadow;
	MDB_stat st;
	long long total;
	int rc;

	if (sh->failed)
		return sh->failed;
	if (db != DB_AUDIT && shadow_refused(sh, db, NULL))
		return EOPNOTSUPP;
	if ((rc = shadow_replay(t, db)) != 0)
		return rc;
	total = sh->delta[db];
	if (!sh->dropped[db]) {
		if ((rc = mdb_stat(t->txn, t->s->dbi[db], &st)) != 0)
			return rc;
		total += (long long)st.ms_entries;
	}
	*n = total > 0 ? (size_t)total : 0;
	return 0;
}

int
store_shadow_savepoint(struct store_txn *t)
{
	struct store_shadow *sh = t->shadow;
	MDB_txn *child;
	int rc;

	if (sh->failed)
		return sh->failed;
	/* What was put aside is the outer transaction's: into the layer
	 * before the savepoint, which would take it back with its own. */
	if ((rc = shadow_replay(t, DB_COUNT)) != 0)
		return rc;
	if ((rc = mdb_txn_begin(sh->env, sh->txn, 0, &child)) != 0)
		return rc;
	sh->outer = sh->txn;
	sh->txn = child;
	memcpy(sh->sp_delta, sh->delta, sizeof sh->delta);
	memcpy(sh->sp_dropped, sh->dropped, sizeof sh->dropped);
	memcpy(sh->sp_gone, sh->gone, sizeof sh->gone);
	memcpy(sh->sp_audit_from, sh->audit_from, sizeof sh->audit_from);
	return 0;
}

int
store_shadow_savepoint_end(struct store_shadow *sh, int keep)
{
	int rc = 0;

	if (keep)
		rc = mdb_txn_commit(sh->txn);
	else
		mdb_txn_abort(sh->txn);
	sh->txn = sh->outer;
	sh->outer = NULL;
	if (!keep || rc != 0) {
		memcpy(sh->delta, sh->sp_delta, sizeof sh->delta);
		memcpy(sh->dropped, sh->sp_dropped, sizeof sh->dropped);
		memcpy(sh->gone, sh->sp_gone, sizeof sh->gone);
		memcpy(sh->audit_from, sh->sp_audit_from,
		    sizeof sh->audit_from);
	}
	return rc;
}
