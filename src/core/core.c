/*
 * core.c — opening the database for the person at the keyboard, and
 * running a change as one transaction.
 */
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core-int.h"
#include "ogpo/config.h"
#include "ogpo/priv.h"

/*
 * 1 if dir is the shared database the system's settings name (the db
 * line of /etc/ogpo.conf), and then *sys (if not NULL) is that line's
 * path. Judged with the user's own rights: the same directory by its
 * device and inode, so a link to it counts, and whatever the link says
 * later, it is the system's own path that is opened.
 */
static int
core_system_dir(const char *dir, const char **sys)
{
	const char *path = config_get("db");
	struct stat a, b;

	if (path == NULL || *path == '\0')
		return 0;
	if (sys != NULL)
		*sys = path;
	if (strcmp(dir, path) == 0)
		return 1;
	return stat(dir, &a) == 0 && stat(path, &b) == 0 &&
	    S_ISDIR(a.st_mode) && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/*
 * Before a database directory is touched: the shared database is opened
 * by the system's path with the group's rights; any other directory (a
 * --db, $OGPO_DB or the one under the home) is the person's own, and the
 * group's rights are given up for good here, so that nothing ogpo does
 * there, LMDB's own opens included, can reach what only the group may.
 * Returns 1 (shared; *canon, if not NULL, is the system's path as a new
 * string), 0 (the person's own; *canon a copy of dir), or -1 with *cause.
 */
static int
core_claim(const char *dir, char **canon, char **cause)
{
	const char *sys;

	if (core_system_dir(dir, &sys)) {
		if (canon != NULL)
			*canon = xstrdup(sys);
		return 1;
	}
	if (priv_drop() != 0)
		return err_set(cause, OGPO_DENIED, "cannot give up the group's "
		    "rights (%s); nothing was opened", strerror(errno)), -1;
	if (canon != NULL)
		*canon = xstrdup(dir);
	return 0;
}

/*
 * Running set-id, a directory the user names is theirs to use only if
 * they could use it without ogpo. This is a courtesy, so that the refusal
 * names the setting at fault: the boundary itself is core_claim, which
 * opens any directory but the shared one with the user's rights alone.
 */
static char *
core_user_dir(const char *dir, const char *origin, char **cause)
{
	if (priv_setid() && access(dir, R_OK | W_OK | X_OK) != 0 &&
	    errno != ENOENT && !core_system_dir(dir, NULL)) {
		err_set(cause, OGPO_DENIED, "%s names %s, which you cannot "
		    "read and write yourself; ogpo only opens such a "
		    "directory when it is the db line of %s", origin, dir,
		    config_system_path());
		return NULL;
	}
	return xstrdup(dir);
}

int
core_sysconf(const char *key, char *value, size_t n)
{
	/* config.c read the system's file, and refuses keys like this one
	 * from a user's: what it has came from the system. */
	return config_lookup(key, value, n, NULL, 0);
}

/* Where the database is, before anything decides whose rights open it. */
static char *
core_find_dir(const char *flag, const char **origin, char **cause)
{
	const char *env, *value;

	if (flag != NULL && *flag != '\0') {
		*origin = "--db";
		return core_user_dir(flag, *origin, cause);
	}
	if ((env = getenv("OGPO_DB")) != NULL && *env != '\0') {
		*origin = "$OGPO_DB";
		return core_user_dir(env, *origin, cause);
	}
	if ((value = config_get("db")) != NULL) {
		*origin = config_origin("db");
		return xstrdup(value);
	}
	*origin = N_("the default");
	return user_dir("XDG_DATA_HOME", ".local/share", "ogpo");
}

char *
core_default_dir(const char *flag, const char **origin, char **cause)
{
	char *dir, *canon;

	if ((dir = core_find_dir(flag, origin, cause)) == NULL)
		return NULL;
	if (core_claim(dir, &canon, cause) < 0)
		canon = NULL;
	free(dir);
	return canon;
}

int
core_dir_shared(const char *dir)
{
	return core_system_dir(dir, NULL);
}

/* Make the creator, or the login named, the database's first admin. */
static int
core_first_admin(struct core *c, struct store_txn *t, void *arg,
    char **cause)
{
	const char *login = arg != NULL ? arg : c->login;
	struct user u, me;

	if (store_user_get(t, login, &u, NULL) == 0)
		return 0;
	if (store_count(t, IX_USER, NULL) > 0)
		return 0;
	memset(&u, 0, sizeof u);
	str_copy(u.login, login, sizeof u.login);
	u.role = UROLE_ADMIN;
	/* Before the table can say so, the creator acts as its admin. */
	me = u;
	str_copy(me.login, c->login, sizeof me.login);
	core_perm_grant(c, t, &me);
	return core_save(c, t, ENTITY_USER, &u, cause);
}

/*
 * With "unknown_users = refuse" in the system's config, a login the
 * user table does not name may not even read.
 */
static int
core_open_check(struct core *c, char **cause)
{
	struct store_txn *t;
	struct user u;
	char value[32];
	int rc, known;

	if (c->root || !core_sysconf("unknown_users", value, sizeof value) ||
	    strcmp(value, "refuse") != 0)
		return 0;
	if ((rc = store_read_begin(c->store, &t, cause)) != 0)
		return rc;
	known = core_whoami(c, t, &u);
	store_read_end(t);
	if (!known)
		return err_set(cause, OGPO_DENIED, "you (%s) are not a user of "
		    "this database, and %s lets only its users in; ask an "
		    "admin to run: ogpo user add %s --role viewer", c->login,
		    config_system_path(), c->login);
	return 0;
}

/*
 * Open (or with create, make) the database in dir; admin names the first
 * admin of a new one (NULL: whoever makes it). The shared database is
 * made only by root: between `make install-shared` and root's `ogpo init
 * --admin LOGIN`, no login can make itself its admin.
 */
static int
core_open_as(struct core **cp, const char *dir, int create,
    const char *admin, char **cause)
{
	struct store_options opt = { 0, 0, create, 0, (gid_t)-1 };
	struct passwd *pw;
	struct core *c;
	char *canon;
	int rc, shared;

	*cp = NULL;
	if (strlen(user_login()) > OGPO_LOGIN_MAX)
		return err_set(cause, OGPO_INVALID, "your login name '%s' is "
		    "longer than %d characters, so the audit trail could not "
		    "tell it from another; ask the administrator for a "
		    "shorter one", user_login(), OGPO_LOGIN_MAX);
	if (admin != NULL && (strlen(admin) > OGPO_LOGIN_MAX ||
	    (pw = getpwnam(admin)) == NULL))
		return err_set(cause, OGPO_INVALID, "there is no account '%s' "
		    "on this system to be the first admin", admin);
	if ((shared = core_claim(dir, &canon, cause)) < 0)
		return OGPO_DENIED;
	/* The group's rights are in play only for a set-id program. */
	if (shared && priv_group() != (gid_t)-1) {
		opt.shared = 1;
		opt.group = priv_group();
		if (create && getuid() != 0) {
			rc = err_set(cause, OGPO_DENIED, "%s is the shared "
			    "database, which only root makes, naming its first "
			    "admin; ask root to run: ogpo init --admin %s",
			    canon, user_login());
			free(canon);
			return rc;
		}
	}
	c = xcalloc(1, sizeof *c);
	str_copy(c->login, user_login(), sizeof c->login);
	c->root = getuid() == 0;
	rc = store_open(&c->store, canon, &opt, cause);
	free(canon);
	if (rc != 0) {
		free(c);
		return rc;
	}
	c->creating = create;
	rc = create ? core_run(c, core_first_admin, (void *)admin, cause) : 0;
	c->creating = 0;
	if (rc != 0) {
		core_close(c);
		return rc;
	}
	if (!create && (rc = core_open_check(c, cause)) != 0) {
		core_close(c);
		return rc;
	}
	*cp = c;
	return 0;
}

int
core_open(struct core **cp, const char *dir, int create, char **cause)
{
	return core_open_as(cp, dir, create, NULL, cause);
}

int
core_init(struct core **cp, const char *dir, const char *admin, char **cause)
{
	return core_open_as(cp, dir, 1, admin, cause);
}

void
core_close(struct core *c)
{
	if (c == NULL)
		return;
	core_session_end(c);
	store_close(c->store);
	free(c->ballot_officers);
	free(c);
}

struct store *
core_store(struct core *c)
{
	return c->store;
}

const char *
core_login(const struct core *c)
{
	return c->login;
}

struct core_run_arg {
	struct core	*c;
	core_fn		 fn;
	void		*arg;
};

static int
core_run_txn(struct store_txn *t, void *arg, char **cause)
{
	struct core_run_arg *r = arg;

	return r->fn(r->c, t, r->arg, cause);
}

int
core_run(struct core *c, core_fn fn, void *arg, char **cause)
{
	struct core_run_arg r = { c, fn, arg };
	struct store_txn *t;
	int rc;

	/* A viewer, or a login the user table does not name, is turned
	 * away in a snapshot before the writer's lock is taken: else
	 * anyone could hold everyone's saves up for as long as a refusal
	 * takes to find (an undo walking a large import), or stop there.
	 * Checked again inside, against what is then current. */
	if (!c->creating) {
		if ((rc = store_read_begin(c->store, &t, cause)) != 0)
			return rc;
		rc = core_may_write(c, t, cause);
		store_read_end(t);
		if (rc != 0)
			return rc;
	}
	return store_write(c->store, core_run_txn, &r, cause);
}

int
core_dry(struct core *c, core_fn fn, void *arg, char **cause)
{
	struct core_run_arg r = { c, fn, arg };

	return store_dry(c->store, core_run_txn, &r, cause);
}

int
core_run_looked(struct core *c, core_fn fn, void *arg, char **cause)
{
	int admin, rc;

	/* An admin's change is refused by no scope: not looked at twice. */
	if ((rc = core_is_admin(c, &admin, cause)) != 0 ||
	    (!admin && (rc = core_dry(c, fn, arg, cause)) != 0))
		return rc;
	return core_run(c, fn, arg, cause);
}

struct core_one {
	enum entity_kind kind;
	void		*rec;
	void		*copy;	/* rec as given: the map may fill and rerun */
	uint32_t	 id, version;
};

static int
core_save_one(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct core_one *o = arg;

	memcpy(o->rec, o->copy, schema_of(o->kind)->size);
	return core_save(c, t, o->kind, o->rec, cause);
}

int
core_save1(struct core *c, enum entity_kind kind, void *rec, char **cause)
{
	struct core_one o = { kind, rec, NULL, 0, 0 };
	size_t size = schema_of(kind)->size;
	int rc;

	o.copy = xmalloc(size);
	memcpy(o.copy, rec, size);
	rc = core_run(c, core_save_one, &o, cause);
	if (rc != 0)
		memcpy(rec, o.copy, size);	/* what the user typed stays */
	free(o.copy);
	return rc;
}

static int
core_delete_one(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct core_one *o = arg;

	return core_delete(c, t, o->kind, o->id, o->version, cause);
}

int
core_delete1(struct core *c, enum entity_kind kind, uint32_t id,
    uint32_t version, char **cause)
{
	struct core_one o = { kind, NULL, NULL, id, version };

	return core_run(c, core_delete_one, &o, cause);
}
