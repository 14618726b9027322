/*
 * user.c — the people who may use the database and what each may do
 * (admin, editor with a scope of agencies, viewer). Only an admin changes
 * them, and at least one admin always remains, so the database can never
 * lock its own managers out.
 */
#include <stdlib.h>
#include <string.h>

#include "core-int.h"

int
core_user_last_admin(struct store_txn *t, const char *login)
{
	struct store_cursor *cur;
	struct user u;
	int others = 0;

	if (store_cursor_open(t, IX_USER, NULL, &cur, NULL) != 0)
		return 0;
	while (!others && store_cursor_move(cur, STORE_NEXT) == 0)
		if (store_cursor_get(cur, &u, NULL) == 0 &&
		    u.role == UROLE_ADMIN && strcmp(u.login, login) != 0)
			others = 1;
	store_cursor_close(cur);
	return !others;
}

int
core_user_remove(struct core *c, struct store_txn *t, const char *login,
    char **cause)
{
	struct user u;
	int rc;

	if ((rc = store_user_get(t, login, &u, cause)) != 0) {
		if (rc == OGPO_NOTFOUND)
			err_set(cause, rc, "%s is not a user of this database; "
			    "see ogpo user list", login);
		return rc;
	}
	if ((rc = core_may(c, t, ENTITY_USER, &u, NULL, cause)) != 0)
		return rc;
	if (u.role == UROLE_ADMIN && core_user_last_admin(t, login))
		return err_set(cause, OGPO_DENIED, "%s is the last admin; make "
		    "someone else an admin first (ogpo user add LOGIN --role "
		    "admin)", login);
	if ((rc = store_user_del(t, login, cause)) != 0)
		return rc;
	core_perm_forget(c);
	return core_audit(c, t, ENTITY_USER, AUDIT_DELETE, &u, NULL, cause);
}
