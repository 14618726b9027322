/*
 * priv.h — running set-group-id. On a shared server ogpo is setgid to the
 * group that owns the database, so staff reach the data only through it.
 * The group's rights are for the database alone: every file a person
 * names (an import, an export, a backup, a keymap, their config) is
 * opened with their own rights, so no one reads or writes through ogpo a
 * file they could not touch themselves.
 */
#ifndef OGPO_PRIV_H
#define OGPO_PRIV_H

#include <stdio.h>
#include <sys/types.h>

/*
 * Call first thing in main: note whether this process runs set-id and
 * put the group's rights aside, so that nothing uses them by accident.
 * Returns 0, or -1 (errno set) when the rights cannot be put aside, in
 * which case the program must stop.
 */
int	 priv_init(void);

/* 1 when the program runs set-group-id (or set-user-id). */
int	 priv_setid(void);

/*
 * Take up the group's rights for the database (priv_enter) and put them
 * aside again (priv_leave). Calls nest; outside them the process has
 * only the user's own rights.
 */
void	 priv_enter(void);
void	 priv_leave(void);

/*
 * 1 if the real user, on their own, may read, write and enter dir (or, if
 * dir does not exist, its parent): what --db and $OGPO_DB need when the
 * program runs set-id.
 */
int	 priv_user_may_use(const char *dir);

#endif
