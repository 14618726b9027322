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
#include <unistd.h>

#include "core-int.h"
#include "ogpo/config.h"
#include "ogpo/priv.h"

/*
 * Running set-id, a directory the user names is theirs to use only if
 * they could use it without ogpo: else the group's rights would let
 * them open (or create) a database where they have no business.
 */
/* 1 if dir is the database the system's settings name. */
static int
core_system_dir(const char *dir)
{
	const char *sys = config_get("db");
	char a[PATH_MAX], b[PATH_MAX];
	int same;

	priv_enter();
	same = sys != NULL && realpath(dir, a) != NULL &&
	    realpath(sys, b) != NULL && strcmp(a, b) == 0;
	priv_leave();
	return same;
}

static char *
core_user_dir(const char *dir, const char *origin, char **cause)
{
	if (priv_setid() && !priv_user_may_use(dir) &&
	    !core_system_dir(dir)) {
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

char *
core_default_dir(const char *flag, const char **origin, char **cause)
{
	const char *env, *home, *value;
	struct passwd *pw;

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
	if ((env = getenv("XDG_DATA_HOME")) != NULL && env[0] == '/')
		return xasprintf("%s/ogpo", env);
	home = getenv("HOME");
	if ((home == NULL || *home == '\0') &&
	    (pw = getpwuid(getuid())) != NULL)
		home = pw->pw_dir;
	return xasprintf("%s/.local/share/ogpo", home ? home : ".");
}

/* Make the creator the database's first admin. */
static int
core_first_admin(struct core *c, struct store_txn *t, void *arg,
    char **cause)
{
	struct user u;

	(void)arg;
	if (store_user_get(t, c->login, &u, NULL) == 0)
		return 0;
	if (store_count(t, IX_USER, NULL) > 0)
		return 0;
	memset(&u, 0, sizeof u);
	str_copy(u.login, c->login, sizeof u.login);
	u.role = UROLE_ADMIN;
	/* Before the table can say so, the creator is its admin. */
	core_perm_grant(c, t, &u);
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

int
core_open(struct core **cp, const char *dir, int create, char **cause)
{
	struct store_options opt = { 0, 0, create };
	struct core *c;
	int rc;

	*cp = NULL;
	if (strlen(user_login()) > OGPO_LOGIN_MAX)
		return err_set(cause, OGPO_INVALID, "your login name '%s' is "
		    "longer than %d characters, so the audit trail could not "
		    "tell it from another; ask the administrator for a "
		    "shorter one", user_login(), OGPO_LOGIN_MAX);
	c = xcalloc(1, sizeof *c);
	str_copy(c->login, user_login(), sizeof c->login);
	c->root = getuid() == 0;
	if ((rc = store_open(&c->store, dir, &opt, cause)) != 0) {
		free(c);
		return rc;
	}
	if (create && (rc = core_run(c, core_first_admin, NULL, cause)) != 0) {
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

void
core_close(struct core *c)
{
	if (c == NULL)
		return;
	core_session_end(c);
	store_close(c->store);
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

	return store_write(c->store, core_run_txn, &r, cause);
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
