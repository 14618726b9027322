/*
 * env.c — the LMDB environment: opening it safely on a shared server,
 * transactions that grow the map by themselves, and what LMDB's codes
 * mean to a person.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/types.h>
#include <unistd.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>

#include "ogpo/priv.h"
#include "ogpo/spool.h"
#include "store-int.h"

static const struct {
	const char	*name;
	unsigned	 flags;
} store_dbs[DB_COUNT] = {
	[DB_META]		= { "meta", 0 },
	[DB_AGENCY]		= { "agency", 0 },
	[DB_AGENCY_CODE]	= { "agency_code", 0 },
	[DB_AGENCY_CHILD]	= { "agency_child", MDB_DUPSORT | MDB_DUPFIXED },
	[DB_OFFICER]		= { "officer", 0 },
	[DB_OFFICER_EMAIL]	= { "officer_email", 0 },
	[DB_OFFICER_AGENCY]	= { "officer_agency", MDB_DUPSORT | MDB_DUPFIXED },
	[DB_OFFICER_NAME]	= { "officer_name", MDB_DUPSORT | MDB_DUPFIXED },
	[DB_OFFICER_ROLE]	= { "officer_role", MDB_DUPSORT | MDB_DUPFIXED },
	[DB_MEETING]		= { "meeting", 0 },
	[DB_MEETING_DATE]	= { "meeting_date", MDB_DUPSORT | MDB_DUPFIXED },
	[DB_ATTENDANCE]		= { "attendance", 0 },
	[DB_ATTENDANCE_OFFICER]	= { "attendance_officer",
				    MDB_DUPSORT | MDB_DUPFIXED },
	[DB_ISSUE]		= { "issue", 0 },
	[DB_AGENCY_ISSUE]	= { "agency_issue", MDB_DUPSORT | MDB_DUPFIXED },
	[DB_USER]		= { "user", 0 },
	[DB_AUDIT]		= { "audit", 0 },
	[DB_TRAINING]		= { "training", 0 },
	[DB_OFFICER_TRAINING]	= { "officer_training",
				    MDB_DUPSORT | MDB_DUPFIXED },
	[DB_REWARD]		= { "reward", 0 },
	[DB_OFFICER_REWARD]	= { "officer_reward", MDB_DUPSORT | MDB_DUPFIXED },
	[DB_OFFICER_STROKE]	= { "officer_stroke", MDB_DUPSORT | MDB_DUPFIXED },
	[DB_UNDONE]		= { "undone", 0 },
	[DB_OFFICER_GRAM]	= { "officer_gram", 0 },
	[DB_CASE_SERIAL]	= { "case_serial", 0 },
	[DB_PROGRESS]		= { "progress", 0 },
	[DB_ISSUE_PROGRESS]	= { "issue_progress",
				    MDB_DUPSORT | MDB_DUPFIXED },
	[DB_RESOLUTION]		= { "resolution", 0 },
	[DB_MEETING_RESOLUTION]	= { "meeting_resolution",
				    MDB_DUPSORT | MDB_DUPFIXED },
	[DB_AGENCY_RESOLUTION]	= { "agency_resolution",
				    MDB_DUPSORT | MDB_DUPFIXED },
	[DB_VOTE]		= { "vote", 0 },
	[DB_CANDIDATE]		= { "candidate", 0 },
	[DB_VOTE_CANDIDATE]	= { "vote_candidate", MDB_DUPSORT | MDB_DUPFIXED },
	[DB_BALLOT]		= { "ballot", 0 },
	[DB_VOTE_BALLOT]	= { "vote_ballot", MDB_DUPSORT | MDB_DUPFIXED },
	[DB_SCRATCH]		= { "scratch", 0 },
};

const char *
store_db_name(enum store_db db)
{
	return store_dbs[db].name;
}

unsigned
store_db_flags(enum store_db db)
{
	return store_dbs[db].flags;
}

void
store_u32_put(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

uint32_t
store_u32_get(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

void
store_u64_put(uint8_t *p, uint64_t v)
{
	store_u32_put(p, (uint32_t)(v >> 32));
	store_u32_put(p + 4, (uint32_t)v);
}

uint64_t
store_u64_get(const uint8_t *p)
{
	return (uint64_t)store_u32_get(p) << 32 | store_u32_get(p + 4);
}

int
store_error(struct store_txn *t, int rc, const char *what, char **cause)
{
	/* A miss is not an error to word: look-ups miss all the time. */
	if (rc == MDB_SUCCESS)
		return OGPO_OK;
	if (rc == MDB_NOTFOUND)
		return OGPO_NOTFOUND;
	what = _(what);		/* "opening the database" …, from the catalogue */
	/* A dry run writes only its own layer, a file in the temporary
	 * directory: a disk full there is that one's (LMDB says EIO for a
	 * write cut short). */
	if (t != NULL && t->shadow != NULL && (rc == ENOSPC || rc == EIO))
		return err_set(cause, OGPO_IO, "%s: a dry run keeps what it "
		    "would change in a temporary file in %s, and writing there "
		    "failed, most likely for want of room; free some space in "
		    "%s, or try a smaller file", what, spool_dir(),
		    spool_dir());
	switch (rc) {
	case MDB_KEYEXIST:
		return err_set(cause, OGPO_EXISTS, "%s: the key exists already",
		    what);
	case MDB_MAP_FULL:
		if (t != NULL)
			t->full = 1;
		return err_set(cause, OGPO_FULL,
		    "%s: the database map is full", what);
	case MDB_READERS_FULL:
		return err_set(cause, OGPO_BUSY,
		    "%s: too many programs have the database open at once; "
		    "close some ogpo windows and try again", what);
	case MDB_CORRUPTED:
	case MDB_PAGE_NOTFOUND:
	case MDB_INVALID:
		return err_set(cause, OGPO_CORRUPT,
		    "%s: the database file is damaged (%s); restore the latest "
		    "backup (ogpo backup)", what, mdb_strerror(rc));
	case MDB_VERSION_MISMATCH:
		return err_set(cause, OGPO_CORRUPT,
		    "%s: the database was made by another LMDB version (%s)",
		    what, mdb_strerror(rc));
	case ENOMEM:
		return err_set(cause, OGPO_NOMEM, "%s: out of memory", what);
	case ENOSPC:
		return err_set(cause, OGPO_IO,
		    "%s: the disk is full; nothing was written, free some "
		    "space and try again", what);
	case EACCES:
	case EPERM:
		return err_set(cause, OGPO_IO,
		    "%s: permission denied: a file there is not yours to use "
		    "(see ls -l; a link to another's file is refused); use "
		    "--db with a directory of your own, or ask the "
		    "administrator to run ogpo doctor", what);
	default:
		return err_set(cause, OGPO_IO, "%s: %s", what,
		    mdb_strerror(rc));
	}
}

/* Refuse network filesystems: LMDB's locks and mmap are unsafe there. */
static int
store_check_fs(const char *dir, char **cause)
{
	struct statfs sf;

	if (statfs(dir, &sf) != 0)
		return err_set(cause, OGPO_IO, "%s: %s", dir, strerror(errno));
	switch ((unsigned long)sf.f_type) {
	case 0x6969UL:		/* NFS */
		return err_set(cause, OGPO_IO, "%s is on NFS, where the "
		    "database's locks do not work; put it on a local disk",
		    dir);
	case 0xFF534D42UL:	/* CIFS */
	case 0xFE534D42UL:	/* SMB2 */
	case 0x517BUL:		/* SMB */
		return err_set(cause, OGPO_IO, "%s is on a Windows (SMB/CIFS) "
		    "share, where the database's locks do not work; put it "
		    "on a local disk", dir);
	default:
		return 0;
	}
}

static int
store_mkdir(const char *dir, char **cause)
{
	struct stat st;
	char *path, *p;
	int rc;

	if (stat(dir, &st) == 0) {
		if (!S_ISDIR(st.st_mode))
			return err_set(cause, OGPO_IO,
			    "%s exists and is not a directory", dir);
		return 0;
	}
	if (errno != ENOENT)
		return err_set(cause, OGPO_IO, "%s: %s", dir, strerror(errno));
	/* Missing parents too (~/.local/share on a new account). */
	path = xstrdup(dir);
	for (p = path + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(path, 0755) != 0 && errno != EEXIST) {
			rc = err_set(cause, OGPO_IO, "cannot create %s: %s",
			    path, strerror(errno));
			free(path);
			return rc;
		}
		*p = '/';
	}
	free(path);
	if (mkdir(dir, 0770) != 0 && errno != EEXIST)
		return err_set(cause, OGPO_IO, "cannot create %s: %s", dir,
		    strerror(errno));
	return 0;
}

int
store_seq_peek(struct store_txn *t, const char *name, uint64_t *v)
{
	MDB_val k = { strlen(name), (void *)name }, d;
	int i;

	for (i = 0; i < t->nseq; i++)
		if (strcmp(t->seq[i].name, name) == 0) {
			*v = t->seq[i].v;
			return 0;
		}
	*v = 0;
	if (store_kv_get(t, DB_META, &k, &d) != 0)
		return OGPO_NOTFOUND;
	if (d.mv_size == 8)
		*v = store_u64_get(d.mv_data);
	return 0;
}

int
store_seq_next(struct store_txn *t, const char *name, uint64_t *v,
    char **cause)
{
	MDB_val k = { strlen(name), (void *)name }, d;
	uint8_t b[8];
	int i, rc;

	store_seq_peek(t, name, v);
	(*v)++;
	for (i = 0; i < t->nseq; i++)
		if (strcmp(t->seq[i].name, name) == 0) {
			t->seq[i].v = *v;
			return 0;
		}
	if (t->nseq < STORE_SEQ_CACHE) {
		t->seq[t->nseq].name = name;
		t->seq[t->nseq++].v = *v;
		return 0;
	}
	/* More sequences than the cache holds: straight to meta. */
	store_u64_put(b, *v);
	d.mv_size = sizeof b;
	d.mv_data = b;
	if ((rc = store_kv_put(t, DB_META, &k, &d, 0)) != 0)
		return store_error(t, rc, "advancing an id sequence", cause);
	return 0;
}

int
store_seq_flush(struct store_txn *t, char **cause)
{
	MDB_val k, d;
	uint8_t b[8];
	int i, rc;

	for (i = 0; i < t->nseq; i++) {
		k.mv_size = strlen(t->seq[i].name);
		k.mv_data = (void *)t->seq[i].name;
		store_u64_put(b, t->seq[i].v);
		d.mv_size = sizeof b;
		d.mv_data = b;
		if ((rc = store_kv_put(t, DB_META, &k, &d, 0)) != 0)
			return store_error(t, rc, "saving an id sequence",
			    cause);
	}
	t->nseq = 0;
	return 0;
}

/*
 * 4 → 5: meetings' resolutions and the topic votes. Their tables are new
 * (store_setup has created them empty); their indexes are filled from
 * what they hold, so the step is whole on its own and can run after any
 * other.
 */
static int
store_migrate_resolutions(struct store_txn *t, char **cause)
{
	static const enum store_index ix[] = { IX_MEETING_RESOLUTION,
		IX_AGENCY_RESOLUTION, IX_VOTE_CANDIDATE, IX_VOTE_BALLOT };
	size_t i;
	int rc;

	for (i = 0; i < sizeof ix / sizeof ix[0]; i++)
		if ((rc = store_index_fill(t, ix[i], cause)) != 0)
			return rc;
	return 0;
}

/* Bring an older database up to STORE_SCHEMA_VERSION: the one place. */
static int
store_migrate(struct store_txn *t, uint32_t from, char **cause)
{
	MDB_val k = { 6, "schema" }, d;
	uint8_t b[8];
	int rc;

	if (from > STORE_SCHEMA_VERSION)
		return err_set(cause, OGPO_INVALID, "%s holds schema version "
		    "%u, newer than this ogpo understands (%u); use a newer "
		    "ogpo", t->s->dir, from, STORE_SCHEMA_VERSION);
	if (from == STORE_SCHEMA_VERSION)
		return 0;
	/* 1 → 2: the stroke order of names is a new index, filled from the
	 * officers there are; 2 → 3: so is officer_gram, written in sorted
	 * batches (a million officers give it some 35 million entries).
	 * from == 0: a new database. */
	if (from == 1 && (rc = store_index_fill(t, IX_OFFICER_STROKE,
	    cause)) != 0)
		return rc;
	/* 2 → 3: an undo is a fact kept by the change it took back; the
	 * imports undone so far are found in the trail. */
	if (from >= 1 && from < 3 && (rc = store_undone_fill(t, cause)) != 0)
		return rc;
	/* 3 → 4: the search index over officers' names, e-mails and
	 * titles, built from the officers there are. */
	if (from >= 1 && from < 4) {
		store_defer(t, 0);
		if ((rc = store_index_fill(t, IX_OFFICER_GRAM, cause)) != 0)
			return rc;
	}
	/* 4 → 5: issues become tracked cases, numbered, in place. */
	if (from >= 1 && from < 5 && (rc = store_cases_migrate(t, cause)) != 0)
		return rc;
	/* 5 → 6: meetings' resolutions and topic votes. */
	if (from >= 1 && from < 6 &&
	    (rc = store_migrate_resolutions(t, cause)) != 0)
		return rc;
	store_u64_put(b, STORE_SCHEMA_VERSION);
	d.mv_size = sizeof b;
	d.mv_data = b;
	if ((rc = mdb_put(t->txn, t->s->dbi[DB_META], &k, &d, 0)) != 0)
		return store_error(t, rc, "writing the schema version", cause);
	if (from == 0) {
		MDB_val ck = { 10, "created_at" };

		store_u64_put(b, (uint64_t)time(NULL));
		if ((rc = mdb_put(t->txn, t->s->dbi[DB_META], &ck, &d, 0)) != 0)
			return store_error(t, rc, "writing the creation time",
			    cause);
	}
	return 0;
}

static int store_begin(struct store *s, unsigned flags, MDB_txn **txn,
    char **cause);

/*
 * Open every sub-database and check the schema in a read transaction, so
 * that opening never waits for a writer. 0 with *setup 0 when all is in
 * place, or 1 when setting up (or migrating) needs a write; an error
 * (with *cause) when no snapshot could be had: the reader table full,
 * say. That is no cause to take the writer's lock, which would let
 * anyone who filled the table hold up everyone's saves too.
 */
static int
store_setup_read(struct store *s, int *setup, char **cause)
{
	struct store_txn t;
	uint64_t version = 0;
	unsigned i;
	int rc = 0;

	*setup = 1;
	memset(&t, 0, sizeof t);
	t.s = s;
	if ((rc = store_begin(s, MDB_RDONLY, &t.txn, cause)) != 0)
		return rc;
	for (i = 0; i < DB_COUNT && rc == 0; i++)
		rc = mdb_dbi_open(t.txn, store_dbs[i].name, store_dbs[i].flags,
		    &s->dbi[i]);
	if (rc == 0)
		store_seq_peek(&t, "schema", &version);
	if (rc != 0 || version != STORE_SCHEMA_VERSION) {
		mdb_txn_abort(t.txn);
		return 0;
	}
	/* Committed, the handles outlive the transaction. */
	*setup = mdb_txn_commit(t.txn) != 0;
	return 0;
}

/*
 * Before a migration: grow the map for the indexes it builds, so that a
 * large database is migrated once rather than again each time the map
 * fills. A guess from the officers there are; a wrong one costs time only.
 */
static void
store_setup_room(struct store *s)
{
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_stat st;
	size_t n = 0;

	if (store_begin(s, MDB_RDONLY, &txn, NULL) != 0)
		return;
	if (mdb_dbi_open(txn, store_dbs[DB_OFFICER].name, 0, &dbi) == 0 &&
	    mdb_stat(txn, dbi, &st) == 0)
		n = st.ms_entries;
	mdb_txn_abort(txn);
	if (n > 0)
		(void)store_reserve(s, n * 512, NULL);
}

/*
 * Create what is missing and migrate, in one write transaction: a new
 * database, or one made by an older ogpo that lacks a newer index.
 */
static int
store_setup(struct store_txn *t, void *arg, char **cause)
{
	const struct store_options *opt = arg;
	MDB_dbi meta;
	uint64_t version = 0;
	unsigned i;
	int rc;

	rc = mdb_dbi_open(t->txn, store_dbs[DB_META].name, 0, &meta);
	if (rc == MDB_NOTFOUND && !opt->create)
		return err_set(cause, OGPO_NOTFOUND, "%s holds no ogpo "
		    "database; create one with 'ogpo init'", t->s->dir);
	for (i = 0; i < DB_COUNT; i++) {
		rc = mdb_dbi_open(t->txn, store_dbs[i].name,
		    store_dbs[i].flags | MDB_CREATE, &t->s->dbi[i]);
		if (rc != 0)
			return store_error(t, rc, "opening the database",
			    cause);
	}
	store_seq_peek(t, "schema", &version);
	if (version == 0 && !opt->create)
		return err_set(cause, OGPO_NOTFOUND, "%s holds no ogpo "
		    "database; create one with 'ogpo init'", t->s->dir);
	return store_migrate(t, (uint32_t)version, cause);
}

/* The name of an account or group, for messages ("#1234" if none). */
static void
store_owner_name(uid_t uid, char *buf, size_t n)
{
	struct passwd *pw = getpwuid(uid);

	if (pw != NULL)
		snprintf(buf, n, "%s", pw->pw_name);
	else
		snprintf(buf, n, "#%lu", (unsigned long)uid);
}

/*
 * Every directory above the shared database is root's and can be changed
 * by root alone (the group may write one, as it writes the database's
 * own): else whoever can change one could put another directory (or a
 * link) in the database's place between our checks and LMDB's opens.
 */
static int
store_check_path(const char *real, gid_t group, char **cause)
{
	struct priv_fault f;
	char who[64];
	int rc = 0;

	if (priv_roots_only(real, group, &f) == 0)
		return 0;
	switch (f.why) {
	case PRIV_FAULT_STAT:
		rc = err_set(cause, OGPO_IO, "%s: %s", f.dir,
		    strerror(f.error));
		break;
	case PRIV_FAULT_OWNER:
		store_owner_name(f.uid, who, sizeof who);
		rc = err_set(cause, OGPO_DENIED, "the shared database lies "
		    "below %s, which belongs to %s, who could put something "
		    "else in its place; ogpo uses the group's rights only "
		    "below directories that root alone may change (as root: "
		    "chown root %s)", f.dir, who, f.dir);
		break;
	default:
		rc = err_set(cause, OGPO_DENIED, "the shared database lies "
		    "below %s, which others may change; ogpo uses the "
		    "group's rights only below directories that root alone "
		    "may change (as root: chmod go-w %s)", f.dir, f.dir);
		break;
	}
	free(f.dir);
	return rc;
}

/*
 * One of LMDB's files in the shared directory: absent (LMDB makes it), or
 * a regular file of the group with one link, no rights for others and
 * no set-id bits. Fills *st when it is there (st->st_ino 0 when not).
 */
static int
store_check_file(const char *dir, const char *name, gid_t group,
    struct stat *st, char **cause)
{
	char *path = xasprintf("%s/%s", dir, name);
	const char *what = NULL;
	int rc = 0;

	if (lstat(path, st) != 0) {
		memset(st, 0, sizeof *st);
		if (errno != ENOENT)
			rc = err_set(cause, OGPO_IO, "%s: %s", path,
			    strerror(errno));
		free(path);
		return rc;
	}
	if (S_ISLNK(st->st_mode))
		what = N_("a symbolic link");
	else if (!S_ISREG(st->st_mode))
		what = N_("not a regular file");
	else if (st->st_nlink != 1)
		what = N_("a file with another name (a hard link) elsewhere");
	else if (st->st_gid != group)
		what = N_("not the group's");
	else if ((st->st_mode & 07007) != 0)
		what = N_("open to others, or set-id");
	if (what != NULL)
		rc = err_set(cause, OGPO_DENIED, "%s is %s, which the shared "
		    "database's files never are; ogpo will not open it with "
		    "the group's rights. Someone with the group's rights "
		    "made it: move it aside and restore the database from "
		    "its backup (ogpo doctor explains)", path, _(what));
	free(path);
	return rc;
}

/*
 * The shared database's directory as `make install-shared` made it: the
 * group's, open to no one else, below directories only root may change;
 * and its files (data.mdb, lock.mdb) as store_check_file wants them.
 * Fills real with the directory's path with every link resolved: what
 * LMDB is then given, so a link swapped later changes nothing.
 */
static int
store_check_shared(const char *dir, gid_t group, struct stat files[2],
    char real[PATH_MAX], char **cause)
{
	struct stat st;
	struct group *gr;
	struct passwd *pw;
	char who[64];
	int rc;

	if (realpath(dir, real) == NULL)
		return err_set(cause, OGPO_NOTFOUND, "%s: %s", dir,
		    strerror(errno));
	if ((rc = store_check_path(real, group, cause)) != 0)
		return rc;
	if (lstat(real, &st) != 0 || !S_ISDIR(st.st_mode))
		return err_set(cause, OGPO_IO, "%s is not a directory", real);
	gr = getgrgid(group);
	pw = getpwuid(st.st_uid);
	store_owner_name(st.st_uid, who, sizeof who);
	if (st.st_gid != group || (st.st_mode & 0007) != 0 ||
	    (st.st_mode & 0070) != 0070 || (st.st_uid != 0 &&
	    (pw == NULL || gr == NULL || strcmp(pw->pw_name,
	    gr->gr_name) != 0)))
		return err_set(cause, OGPO_DENIED, "the shared database's "
		    "directory %s is not as the install made it (owned by "
		    "%s, mode %o); ogpo will not use the group's rights "
		    "there (as root: chown %s:%s %s && chmod 2770 %s)", real,
		    who, (unsigned)(st.st_mode & 07777), gr ? gr->gr_name :
		    "ogpo", gr ? gr->gr_name : "ogpo", real, real);
	if ((rc = store_check_file(real, "data.mdb", group, &files[0],
	    cause)) != 0)
		return rc;
	return store_check_file(real, "lock.mdb", group, &files[1], cause);
}

/*
 * After LMDB has opened the shared files: the data file it holds is the
 * one that was checked (or, made just now, a regular file with one link).
 */
static int
store_check_opened(struct store *s, const struct stat *before, gid_t group,
    char **cause)
{
	struct stat st;
	int fd;

	if (mdb_env_get_fd(s->env, &fd) != 0 || fstat(fd, &st) != 0)
		return err_set(cause, OGPO_IO, "%s: cannot look at the open "
		    "database file", s->dir);
	if (!S_ISREG(st.st_mode) || st.st_nlink != 1 || st.st_gid != group ||
	    (before->st_ino != 0 && (st.st_dev != before->st_dev ||
	    st.st_ino != before->st_ino)))
		return err_set(cause, OGPO_DENIED, "%s/data.mdb changed while "
		    "it was being opened; nothing was read or written. Run "
		    "ogpo doctor", s->dir);
	return 0;
}

static int store_open_priv(struct store **, const char *,
    const struct store_options *, char **);

/* The database's files are the group's: its rights are taken up to open
 * them (and only then; see priv.h). */
int
store_open(struct store **sp, const char *dir, const struct store_options *opt,
    char **cause)
{
	int rc;

	priv_enter();
	rc = store_open_priv(sp, dir, opt, cause);
	priv_leave();
	return rc;
}

static int
store_open_priv(struct store **sp, const char *dir,
    const struct store_options *opt, char **cause)
{
	static const struct store_options defaults;
	struct store *s;
	struct stat st, files[2];
	char *path, real[PATH_MAX];
	mode_t mask;
	int rc, dead = 0, found, setup;

	*sp = NULL;
	if (opt == NULL)
		opt = &defaults;
	if (opt->shared) {
		/* The install made the directory; nothing is made here but
		 * LMDB's two files, and only where they are not yet. */
		if ((rc = store_check_shared(dir, opt->group, files, real,
		    cause)) != 0)
			return rc;
		dir = real;
	} else if (opt->create && (rc = store_mkdir(dir, cause)) != 0)
		return rc;
	path = xasprintf("%s/data.mdb", dir);
	found = stat(path, &st) == 0;
	free(path);
	if (!found && !opt->create) {
		if (stat(dir, &st) != 0)
			return err_set(cause, OGPO_NOTFOUND, "%s: %s; create "
			    "a database with 'ogpo init' (with --demo, to "
			    "try ogpo on sample data)", dir, strerror(errno));
		return err_set(cause, OGPO_NOTFOUND, "%s holds no ogpo "
		    "database; create one with 'ogpo init' (with --demo, "
		    "to try ogpo on sample data)", dir);
	}
	if ((rc = store_check_fs(dir, cause)) != 0)
		return rc;

	s = xcalloc(1, sizeof *s);
	s->wfd = -1;
	s->dir = xstrdup(dir);
	if (opt->shared && (rc = store_stall_open(s, dir, cause)) != 0) {
		store_close(s);
		return rc;
	}
	if ((rc = mdb_env_create(&s->env)) != 0)
		goto fail;
	if ((rc = mdb_env_set_maxdbs(s->env, STORE_MAXDBS)) != 0 ||
	    (rc = mdb_env_set_maxreaders(s->env, STORE_MAXREADERS)) != 0)
		goto fail;
	if (!found && (rc = mdb_env_set_mapsize(s->env, opt->map_size ?
	    opt->map_size : STORE_MAP_INITIAL)) != 0)
		goto fail;
	/* Whatever the user's umask, the group may read and write. */
	mask = umask(0);
	umask(mask & ~(mode_t)0060);
	/*
	 * Not MDB_WRITEMAP: with it, LMDB truncates the file to the map size
	 * each process believes in, so a process that opens while another
	 * has grown the map mid-transaction would cut the ground from under
	 * it. Without it, a full disk is a write error (ENOSPC), reported
	 * and rolled back; the price is that a write transaction's pages
	 * are held in memory until it commits.
	 */
	rc = mdb_env_open(s->env, dir, MDB_NOTLS, 0660);
	umask(mask);
	if (rc != 0)
		goto fail;
	if (opt->shared && (rc = store_check_opened(s, &files[0], opt->group,
	    cause)) != 0) {
		store_close(s);
		return rc;
	}
	store_writer_open(s, opt->shared, opt->group);
	s->shared = opt->shared;
	if ((rc = store_stall_check(s, cause)) != 0) {
		store_close(s);
		return rc;
	}
	mdb_reader_check(s->env, &dead);
	s->stale = dead;
	/*
	 * Bringing a database up to date rewrites it under the writer's
	 * lock. On the shared one that is root's, as making it is: else any
	 * login, one with no role included, would hold everyone's saves and
	 * opens for as long as it took, or, stopped there, until root ended
	 * it.
	 */
	if ((rc = store_setup_read(s, &setup, cause)) == 0 && setup &&
	    opt->shared && !opt->create && getuid() != 0)
		rc = err_set(cause, OGPO_DENIED, "%s was made by an older ogpo "
		    "and is to be brought up to date first, which root does "
		    "once (as root: ogpo doctor); nothing was read or written",
		    s->dir);
	else if (rc == 0 && setup) {
		store_setup_room(s);
		rc = store_write(s, store_setup, (void *)opt, cause);
	}
	if (rc != 0) {
		store_close(s);
		return rc;
	}
	*sp = s;
	return 0;
fail:
	rc = store_error(NULL, rc, "opening the database", cause);
	err_prefix(cause, rc, "%s", dir);
	store_close(s);
	return rc;
}

void
store_close(struct store *s)
{
	if (s == NULL)
		return;
	(void)store_sync(s, NULL);
	store_writer_close(s);
	if (s->env != NULL)
		mdb_env_close(s->env);
	store_stall_close(s);
	free(s->dir);
	free(s);
}

const char *
store_dir(const struct store *s)
{
	return s->dir;
}

uint64_t
store_last_txnid(struct store *s)
{
	MDB_envinfo info;

	if (s->env == NULL || mdb_env_info(s->env, &info) != 0)
		return 0;
	return (uint64_t)info.me_last_txnid;
}

void
store_release(struct store *s)
{
	char *path, line[4096 + 128];
	unsigned long lo, hi, ino;
	struct stat st;
	FILE *f;

	/* The map of data.mdb, as the kernel lists this process's maps. */
	path = xasprintf("%s/data.mdb", s->dir);
	if (stat(path, &st) != 0 || (f = fopen("/proc/self/maps", "r")) ==
	    NULL) {
		free(path);
		return;
	}
	free(path);
	/* The map is read-only here (a write transaction's pages are
	 * copies in the heap), so its pages can only be read again. */
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "%lx-%lx %*s %*s %*s %lu", &lo, &hi,
		    &ino) == 3 && ino == (unsigned long)st.st_ino && hi > lo)
			(void)madvise((void *)lo, hi - lo, MADV_DONTNEED);
	fclose(f);
}

size_t
store_map_size(struct store *s)
{
	MDB_envinfo info;

	if (s->env == NULL || mdb_env_info(s->env, &info) != 0)
		return 0;
	return info.me_mapsize;
}

/*
 * Begin an LMDB transaction, following another process's map growth and
 * clearing dead readers when the table is full.
 *
 * Ctrl-Z is held off only once a snapshot is begun (store_hold_signals),
 * not before: a process's blocked signals are there for its owner to
 * read, and held off from before LMDB takes its readers' mutex they would
 * say when to stop it (kill -STOP, which no one can hold off) to hold
 * everyone up. store_stall_check deals with one stopped there anyway.
 */
static int
store_begin(struct store *s, unsigned flags, MDB_txn **txn, char **cause)
{
	int rc, tries, dead;

	if (s->broken)
		return err_set(cause, OGPO_IO, "the database could not be "
		    "mapped into memory again after it failed to grow; "
		    "nothing more can be read or written in this program: "
		    "close it and start it again");
	for (tries = 0; tries < 3; tries++) {
		/* A snapshot begins by taking LMDB's readers' mutex, as
		 * clearing the table of the dead (below) may. */
		if ((flags & MDB_RDONLY) &&
		    (rc = store_stall_check(s, cause)) != 0)
			return rc;
		rc = mdb_txn_begin(s->env, NULL, flags, txn);
		if (rc == MDB_MAP_RESIZED) {
			mdb_env_set_mapsize(s->env, 0);
			continue;
		}
		if (rc == MDB_READERS_FULL) {
			if ((rc = store_stall_check(s, cause)) != 0)
				return rc;
			mdb_reader_check(s->env, &dead);
			s->stale = dead;
			continue;
		}
		break;
	}
	if (rc != 0)
		return store_error(NULL, rc, "starting a transaction", cause);
	if ((flags & MDB_RDONLY) && (rc = store_reader_share(s, cause)) != 0) {
		mdb_txn_abort(*txn);
		*txn = NULL;
		return rc;
	}
	return 0;
}

/* What a transaction kept on the side, let go when it ends. */
static void
store_txn_release(struct store_txn *t)
{
	free(t->old);
	free(t->image);
	free(t->ents);
	store_defer_free(t);
}

static void
store_txn_free(struct store_txn *t)
{
	store_txn_release(t);
	free(t);
}

/*
 * While this process holds a snapshot, Ctrl-Z (and the like) waits: a
 * process stopped holding one keeps the database's file from reusing the
 * space changed since, for as long as it stays stopped. Counted, for
 * snapshots that overlap.
 */
static void
store_hold_signals(struct store *s, int on)
{
	sigset_t block;

	if (on && s->rdepth++ == 0) {
		sigemptyset(&block);
		sigaddset(&block, SIGTSTP);
		sigaddset(&block, SIGTTIN);
		sigaddset(&block, SIGTTOU);
		sigprocmask(SIG_BLOCK, &block, &s->rmask);
	} else if (!on && s->rdepth > 0 && --s->rdepth == 0)
		sigprocmask(SIG_SETMASK, &s->rmask, NULL);
}

int
store_read_begin(struct store *s, struct store_txn **tp, char **cause)
{
	struct store_txn *t = xcalloc(1, sizeof *t);
	int rc;

	t->s = s;
	t->serial = ++s->serial;
	if ((rc = store_begin(s, MDB_RDONLY, &t->txn, cause)) != 0) {
		store_txn_free(t);
		*tp = NULL;
		return rc;
	}
	store_hold_signals(s, 1);
	*tp = t;
	return 0;
}

void
store_read_end(struct store_txn *t)
{
	if (t == NULL)
		return;
	mdb_txn_abort(t->txn);
	store_hold_signals(t->s, 0);
	store_txn_free(t);
}

struct store *
store_txn_store(struct store_txn *t)
{
	return t->s;
}

uint64_t
store_txn_serial(const struct store_txn *t)
{
	return t->serial;
}

uint64_t
store_txn_snapshot(const struct store_txn *t)
{
	return (uint64_t)mdb_txn_id(t->txn);
}

/*
 * Close the environment and open it again at map size bytes, as it was:
 * after LMDB lost its map. 0, or an LMDB status.
 */
static int
store_reopen(struct store *s, size_t size)
{
	int rc, setup;

	(void)store_sync(s, NULL);
	priv_enter();
	mdb_env_close(s->env);
	s->env = NULL;
	if ((rc = mdb_env_create(&s->env)) == 0 &&
	    (rc = mdb_env_set_maxdbs(s->env, STORE_MAXDBS)) == 0 &&
	    (rc = mdb_env_set_maxreaders(s->env, STORE_MAXREADERS)) == 0 &&
	    (rc = mdb_env_set_mapsize(s->env, size)) == 0 &&
	    (rc = mdb_env_open(s->env, s->dir, MDB_NOTLS, 0660)) == 0)
		rc = store_setup_read(s, &setup, NULL) == 0 && !setup ? 0 :
		    MDB_INVALID;
	priv_leave();
	if (rc != 0 && s->env != NULL) {
		mdb_env_close(s->env);
		s->env = NULL;
	}
	return rc;
}

/*
 * Set the map to size bytes, with no transaction of ours open. LMDB lets
 * the old map go before it asks for the new one, and if it cannot have
 * the new one (the machine's address space, or a limit on it such as
 * ulimit -v) it is left with none: the next transaction would run on a
 * map that is gone. So the new size is first mapped here, as a trial, and
 * only if that works is LMDB asked; the old map stays in place otherwise,
 * the database open and usable, and the sentence says why. Should LMDB
 * fail all the same, the environment is opened again at its old size;
 * only if even that fails is the store marked broken (every later
 * transaction refused with a sentence).
 */
static int
store_map_set(struct store *s, size_t size, size_t old, char **cause)
{
	void *trial;
	int fd, rc;

	if (mdb_env_get_fd(s->env, &fd) == 0) {
		trial = mmap(NULL, size, PROT_READ, MAP_SHARED, fd, 0);
		if (trial == MAP_FAILED) {
			rc = errno;
			goto refuse;
		}
		munmap(trial, size);
	}
	if ((rc = mdb_env_set_mapsize(s->env, size)) == 0)
		return 0;
	if (store_reopen(s, old) != 0)
		s->broken = 1;
refuse:
	return err_set(cause, OGPO_FULL, "the database would need a map of "
	    "%zu MB, more than this machine lets ogpo have (%s); nothing "
	    "was written. A smaller import fits; an administrator can "
	    "raise the limit on memory (ulimit -v)", size >> 20,
	    strerror(rc));
}

/* Double the map: called with no transaction of ours open. */
static int
store_grow(struct store *s, char **cause)
{
	MDB_envinfo info;

	mdb_env_info(s->env, &info);
	return store_map_set(s, info.me_mapsize * 2, info.me_mapsize, cause);
}

int
store_reserve(struct store *s, size_t bytes, char **cause)
{
	MDB_envinfo info;
	MDB_stat ms;
	size_t used, want;

	mdb_env_info(s->env, &info);
	mdb_env_stat(s->env, &ms);
	used = (info.me_last_pgno + 1) * (size_t)ms.ms_psize;
	if (info.me_mapsize - used >= bytes)
		return 0;
	for (want = info.me_mapsize; want - used < bytes; want *= 2)
		if (want > SIZE_MAX / 4)
			return err_set(cause, OGPO_FULL, "no map can hold %zu "
			    "more bytes", bytes);
	return store_map_set(s, want, info.me_mapsize, cause);
}

/*
 * A commit the disk refused (LMDB says EIO for a short write): say
 * whether the disk is full, which a person can fix, or failing; or the
 * file refused the write (chmod, chattr +i) after it was opened.
 */
static int
store_write_error(struct store *s, int rc, char **cause)
{
	struct statvfs sv;
	unsigned long long avail;

	if (rc == EPERM || rc == EACCES)
		return err_set(cause, OGPO_IO, "could not write to %s (%s): "
		    "its data.mdb was made read-only or unchangeable since "
		    "ogpo opened it; nothing was written; ask the "
		    "administrator to run ogpo doctor", s->dir, strerror(rc));
	if (statvfs(s->dir, &sv) == 0) {
		avail = (unsigned long long)sv.f_bavail * sv.f_frsize;
		if (rc != EIO || avail < (16ULL << 20))
			return err_set(cause, OGPO_IO, "the disk holding %s is "
			    "full (%llu MB free); nothing was written, free "
			    "some space and try again", s->dir, avail >> 20);
	}
	return err_set(cause, OGPO_IO, "could not write to %s (%s): the disk "
	    "may be failing; nothing was written", s->dir, strerror(rc));
}

int
store_write(struct store *s, store_write_fn fn, void *arg, char **cause)
{
	struct store_txn t;
	uint64_t txnid;
	int rc;

	for (;;) {
		memset(&t, 0, sizeof t);
		t.s = s;
		t.serial = ++s->serial;
		t.write = 1;
		if ((rc = store_snapshot_room(s, cause)) != 0 ||
		    (rc = store_writer_enter(s, cause)) != 0)
			return rc;
		if ((rc = store_begin(s, 0, &t.txn, cause)) != 0) {
			store_writer_leave(s, 0);
			return rc;
		}
		txnid = (uint64_t)mdb_txn_id(t.txn);
		rc = fn(&t, arg, cause);
		if (t.sp_on)	/* one left open is taken back */
			(void)store_savepoint_end(&t, 0, NULL);
		if (rc == 0 && !t.full)
			rc = store_defer_flush(&t, 0, cause);
		if (rc == 0 && !t.full)
			rc = store_seq_flush(&t, cause);
		if (rc == 0 && !t.full)
			rc = store_chain_flush(&t, cause);
		store_kv_cursors_close(&t);
		if (rc == 0 && !t.full) {
			/* LMDB reads the flag at commit; it is this handle's
			 * alone, not other processes'. */
			if (s->lazy)
				mdb_env_set_flags(s->env, MDB_NOMETASYNC, 1);
			rc = mdb_txn_commit(t.txn);
			if (s->lazy) {
				mdb_env_set_flags(s->env, MDB_NOMETASYNC, 0);
				s->unsynced |= rc == 0;
			}
			t.txn = NULL;
			if (rc == MDB_MAP_FULL)
				t.full = 1;
			else if (rc == EIO || rc == ENOSPC || rc == EDQUOT ||
			    rc == EPERM || rc == EACCES)
				rc = store_write_error(s, rc, cause);
			else if (rc != 0)
				rc = store_error(NULL, rc,
				    "saving the change", cause);
			store_writer_leave(s, rc == 0 ? txnid : 0);
		}
		if (t.txn != NULL) {
			mdb_txn_abort(t.txn);
			store_writer_leave(s, 0);
		}
		store_txn_release(&t);
		if (!t.full)
			return rc;
		/* The map filled up: grow it and run the whole thing again. */
		if (cause != NULL) {
			free(*cause);
			*cause = NULL;
		}
		if ((rc = store_grow(s, cause)) != 0)
			return rc;
	}
}

void
store_set_lazy_sync(struct store *s, int on)
{
	s->lazy = on != 0;
}

/*
 * A lazy commit flushes the changed pages but not the page that names
 * the new root (the meta page), which it writes with a plain write: in
 * the system's cache, which a killed process does not take with it;
 * fdatasync here puts it on disk. Until then a machine that stops
 * (power, a kernel crash) may lose the last commit, never more: the meta
 * page on disk still names the previous root, whose pages were flushed
 * before it was written. (Without the pages' flush too the commit would
 * be faster still, but a disk that kept the meta page without all the
 * pages it names would leave the database unreadable.)
 */
int
store_sync(struct store *s, char **cause)
{
	int rc;

	if (!s->unsynced || s->env == NULL)
		return 0;
	if ((rc = mdb_env_sync(s->env, 1)) != 0)
		return err_set(cause, OGPO_IO, "could not put the last change "
		    "on the disk holding %s (%s): it may be lost if the "
		    "machine stops; check the disk and try the change again",
		    s->dir, strerror(rc));
	s->unsynced = 0;
	return 0;
}

int
store_dry(struct store *s, store_write_fn fn, void *arg, char **cause)
{
	struct store_txn t;
	int rc;

	memset(&t, 0, sizeof t);
	t.s = s;
	t.serial = ++s->serial;
	t.write = 1;
	if ((rc = store_shadow_open(&t.shadow, cause)) != 0)
		return rc;
	if ((rc = store_begin(s, MDB_RDONLY, &t.txn, cause)) != 0) {
		store_shadow_close(t.shadow);
		return rc;
	}
	store_hold_signals(s, 1);
	rc = fn(&t, arg, cause);
	if (t.sp_on)
		(void)store_savepoint_end(&t, 0, NULL);
	/* What a commit writes last, the index changes still gathered,
	 * goes to the layer too: where that would fail, so does this. */
	if (rc == 0)
		rc = store_defer_flush(&t, 0, cause);
	mdb_txn_abort(t.txn);
	store_hold_signals(s, 0);
	store_shadow_close(t.shadow);
	store_txn_release(&t);
	return rc;
}

int
store_savepoint(struct store_txn *t, char **cause)
{
	MDB_txn *child;
	int rc, i;

	if (t->sp_on)
		return err_set(cause, OGPO_INVALID, "internal error: a "
		    "savepoint inside a savepoint");
	/* Changes gathered for later are written now: the inner
	 * transaction's own are written as they come. */
	if ((rc = store_defer_flush(t, 0, cause)) != 0)
		return rc;
	/* The outer transaction's cursors wait while the inner one is
	 * open: the inner one keeps its own. */
	store_kv_cursors_close(t);
	if (t->shadow != NULL)
		rc = store_shadow_savepoint(t);
	else if ((rc = mdb_txn_begin(t->s->env, t->txn, 0, &child)) == 0) {
		t->sp_outer = t->txn;
		t->txn = child;
	}
	if (rc != 0)
		return store_error(t, rc, "starting a savepoint", cause);
	for (i = 0; i < t->nseq; i++) {
		t->sp.seq[i].name = t->seq[i].name;
		t->sp.seq[i].v = t->seq[i].v;
	}
	t->sp.nseq = t->nseq;
	memcpy(t->sp.head, t->head, sizeof t->head);
	t->sp.head_known = t->head_known;
	t->sp.head_dirty = t->head_dirty;
	/* Inside, every change is written as it comes, the search
	 * index's too, so that taking the savepoint back takes them all. */
	t->sp.defer = t->defer;
	t->defer = NULL;
	t->sp.gram = t->gram;
	t->gram = NULL;
	t->sp_on = 1;
	return 0;
}

int
store_savepoint_end(struct store_txn *t, int keep, char **cause)
{
	int rc = 0, i;

	if (!t->sp_on)
		return 0;
	t->sp_on = 0;
	t->defer = t->sp.defer;
	t->gram = t->sp.gram;
	t->miss_ix = 0;
	t->image_rec = NULL;
	store_kv_cursors_close(t);
	if (t->shadow != NULL)
		rc = store_shadow_savepoint_end(t->shadow, keep);
	else {
		if (keep)
			rc = mdb_txn_commit(t->txn);
		else
			mdb_txn_abort(t->txn);
		t->txn = t->sp_outer;
		t->sp_outer = NULL;
	}
	if (keep && rc == 0)
		return 0;
	/* Taken back: the sequences and the chain's head are as they were,
	 * and caches keyed by the transaction's serial start afresh (an id
	 * handed out inside may be handed out again). */
	for (i = 0; i < t->sp.nseq; i++) {
		t->seq[i].name = t->sp.seq[i].name;
		t->seq[i].v = t->sp.seq[i].v;
	}
	t->nseq = t->sp.nseq;
	memcpy(t->head, t->sp.head, sizeof t->head);
	t->head_known = t->sp.head_known;
	t->head_dirty = t->sp.head_dirty;
	t->serial = ++t->s->serial;
	if (rc != 0)
		return store_error(t, rc, "keeping a savepoint", cause);
	return 0;
}

/*
 * A copy is kept to be restored from: whoever else could change the
 * directory it is in, or one above, could put a database of their own
 * (one where they are an admin) in its place before it is.
 */
static int
store_backup_place(const char *dir, char **cause)
{
	struct priv_fault f;
	char real[PATH_MAX], *file, *at = xstrdup(dir), *p, who[64];
	int rc;

	/* The part of dir that is there (what is not, ogpo makes, the
	 * person's own), before anything is made in it. */
	while (realpath(at, real) == NULL) {
		if (errno != ENOENT || (p = strrchr(at, '/')) == NULL) {
			if (errno == ENOENT && getcwd(real, sizeof real) !=
			    NULL)
				break;
			rc = err_set(cause, OGPO_IO, "%s: %s", at,
			    strerror(errno));
			free(at);
			return rc;
		}
		p[p == at] = '\0';
	}
	free(at);
	file = xasprintf("%s/data.mdb", real);
	rc = priv_mine_only(file, &f);
	free(file);
	if (rc == 0)
		return 0;
	if (f.why == PRIV_FAULT_STAT)
		rc = err_set(cause, OGPO_IO, "%s: %s", f.dir,
		    strerror(f.error));
	else if (f.why == PRIV_FAULT_OWNER) {
		store_owner_name(f.uid, who, sizeof who);
		rc = err_set(cause, OGPO_DENIED, "%s belongs to %s, who could "
		    "put another database in the copy's place before it is "
		    "restored; back up into a directory of your own (mkdir -m "
		    "700 DIR)", f.dir, who);
	} else
		rc = err_set(cause, OGPO_DENIED, "%s may be changed by others "
		    "(mode %o), who could put another database in the copy's "
		    "place before it is restored; back up into a directory "
		    "only you may change (mkdir -m 700 DIR)", f.dir,
		    (unsigned)(f.mode & 07777));
	free(f.dir);
	return rc;
}

int
store_backup(struct store *s, const char *dir, char **cause)
{
	struct stat st;
	char *path;
	int rc, fd;

	if ((rc = store_backup_place(dir, cause)) != 0 ||
	    (rc = store_mkdir(dir, cause)) != 0)
		return rc;
	path = xasprintf("%s/data.mdb", dir);
	rc = stat(path, &st);
	free(path);
	if (rc == 0)
		return err_set(cause, OGPO_EXISTS, "%s already holds a "
		    "database; back up into a new or empty directory", dir);
	/* The copy is the user's file, made with the user's rights, and
	 * theirs alone whatever the umask and the directory: it holds the
	 * whole audit trail, which others see only in part, and in a shared
	 * database only the group reads the rest. */
	path = xasprintf("%s/data.mdb", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd == -1) {
		rc = err_set(cause, OGPO_IO, "cannot create %s: %s", path,
		    strerror(errno));
		free(path);
		return rc;
	}
	if ((rc = mdb_env_copyfd2(s->env, fd, MDB_CP_COMPACT)) != 0) {
		close(fd);
		unlink(path);
		free(path);
		rc = store_error(NULL, rc, "copying the database", cause);
		return err_prefix(cause, rc, "backup to %s", dir);
	}
	if (close(fd) != 0) {
		rc = err_set(cause, OGPO_IO, "writing %s: %s", path,
		    strerror(errno));
		unlink(path);
		free(path);
		return rc;
	}
	free(path);
	return 0;
}

int
store_stats(struct store *s, struct store_stats *st, char **cause)
{
	static const enum store_index primary[ENTITY_MAX + 1] = {
		[ENTITY_AGENCY] = IX_AGENCY, [ENTITY_OFFICER] = IX_OFFICER,
		[ENTITY_MEETING] = IX_MEETING,
		[ENTITY_ATTENDANCE] = IX_ATTENDANCE, [ENTITY_ISSUE] = IX_ISSUE,
		[ENTITY_USER] = IX_USER, [ENTITY_AUDIT] = IX_AUDIT,
		[ENTITY_TRAINING] = IX_TRAINING, [ENTITY_REWARD] = IX_REWARD,
		[ENTITY_PROGRESS] = IX_PROGRESS,
		[ENTITY_RESOLUTION] = IX_RESOLUTION, [ENTITY_VOTE] = IX_VOTE,
		[ENTITY_CANDIDATE] = IX_CANDIDATE, [ENTITY_BALLOT] = IX_BALLOT,
	};
	struct store_txn *t;
	MDB_envinfo info;
	MDB_stat ms;
	int rc, k, dead;

	memset(st, 0, sizeof *st);
	if ((rc = store_read_begin(s, &t, cause)) != 0)
		return rc;
	for (k = ENTITY_AGENCY; k <= ENTITY_MAX; k++)
		if (primary[k] != 0)
			st->records[k] = store_count(t, primary[k], NULL);
	mdb_env_info(s->env, &info);
	mdb_env_stat(s->env, &ms);
	st->map_size = info.me_mapsize;
	st->map_used = (info.me_last_pgno + 1) * (size_t)ms.ms_psize;
	st->readers = info.me_numreaders;
	dead = 0;
	if (store_stall_check(s, NULL) == 0)
		mdb_reader_check(s->env, &dead);
	st->stale_cleared = s->stale + dead;
	st->max_readers = info.me_maxreaders;
	store_read_end(t);
	return 0;
}
