/*
 * priv.c — the group's rights, held only around the database.
 *
 * A setgid program starts with the group as its effective gid and keeps
 * it as the saved gid, so it can switch between the two at will. We
 * switch to the user's own gid at once and take the group up only while
 * the store opens or touches its files. A file named by the user is
 * therefore opened with the user's rights, by construction rather than
 * by remembering to drop them at each call.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ogpo/priv.h"
#include "ogpo/util.h"

static int	 priv_is_setid;
static gid_t	 priv_group;	/* the effective gid we started with */
static int	 priv_depth;

int
priv_init(void)
{
	priv_group = getegid();
	priv_is_setid = getegid() != getgid() || geteuid() != getuid();
	if (geteuid() != getuid()) {
		/* ogpo is never installed setuid: give that up for good. */
		if (setuid(getuid()) != 0)
			return -1;
	}
	if (priv_group != getgid() && setegid(getgid()) != 0)
		return -1;
	return 0;
}

int
priv_setid(void)
{
	return priv_is_setid;
}

void
priv_enter(void)
{
	if (priv_depth++ == 0 && priv_group != getgid())
		(void)setegid(priv_group);
}

void
priv_leave(void)
{
	if (priv_depth > 0 && --priv_depth == 0 && priv_group != getgid())
		(void)setegid(getgid());
}

int
priv_user_may_use(const char *dir)
{
	char *parent, *slash;
	int ok;

	if (access(dir, R_OK | W_OK | X_OK) == 0)
		return 1;
	if (errno != ENOENT)
		return 0;
	parent = xstrdup(dir);
	slash = strrchr(parent, '/');
	if (slash == NULL)
		ok = access(".", W_OK | X_OK) == 0;
	else {
		if (slash == parent)
			slash[1] = '\0';
		else
			*slash = '\0';
		ok = access(parent, W_OK | X_OK) == 0;
	}
	free(parent);
	return ok;
}
