/*
 * priv.h — running set-group-id. On a shared server ogpo is setgid to the
 * group that owns the database, so staff reach the data only through it.
 * The group's rights are for the installed shared database alone: every
 * file a person names (an import, an export, a backup, a keymap, their
 * config) is opened with their own rights, and a database directory a
 * person chooses (--db, $OGPO_DB, one under their home) is opened with
 * their rights only, the group's given up for good before it is touched.
 */
#ifndef OGPO_PRIV_H
#define OGPO_PRIV_H

#include <stdio.h>
#include <sys/types.h>

/*
 * Call first thing in main: note whether this process runs set-id and
 * put the group's rights aside, so that nothing uses them by accident.
 * A set-id process also gets /dev/null on any of descriptors 0, 1 and 2
 * that it was started without (else the database could be opened there
 * and a message written into it), and closes every other descriptor it
 * was handed. Returns 0, or -1 (errno set) when the rights cannot be put
 * aside, in which case the program must stop.
 */
int	 priv_init(void);

/* 1 when the program runs set-group-id (or set-user-id). */
int	 priv_setid(void);

/* The group whose rights a set-id ogpo holds, or -1 when it holds none. */
gid_t	 priv_group(void);

/*
 * Take up the group's rights for the shared database (priv_enter) and put
 * them aside again (priv_leave). Calls nest; outside them the process has
 * only the user's own rights. After priv_drop both do nothing.
 */
void	 priv_enter(void);
void	 priv_leave(void);

/*
 * Give the group's rights up for good: real, effective and saved group id
 * all become the user's own. Returns 0, or -1 if the kernel refused, in
 * which case the program must stop before it opens anything.
 */
int	 priv_drop(void);

/*
 * In a child forked to read what a person gave (a spreadsheet to
 * import), before it reads a byte: keep nothing a parser gone wrong could
 * turn on the shared database. The group's rights go for good, as do
 * every descriptor but keep (the database's files among them; 0 to 2
 * become /dev/null) and every shared mapping (LMDB's map of the data
 * file, writable once re-protected, and its lock table); signals are as
 * a new process has them. Returns 0, or -1 if any of it failed, in which
 * case the child must read nothing and exit.
 */
int	 priv_apart(int keep);

/* Why priv_roots_only found a directory wanting. */
enum priv_fault_why {
	PRIV_FAULT_NONE = 0,
	PRIV_FAULT_STAT,	/* it could not be looked at: errno */
	PRIV_FAULT_OWNER,	/* it is not root's: uid */
	PRIV_FAULT_WRITABLE	/* others than root may change it: mode */
};

/* The first directory priv_roots_only found wanting, and why. */
struct priv_fault {
	char			*dir;	/* allocated; NULL when none */
	enum priv_fault_why	 why;
	int			 error;	/* PRIV_FAULT_STAT */
	uid_t			 uid;	/* its owner and mode, else */
	mode_t			 mode;
};

struct stat;

/*
 * Whether root alone may change st, a file or directory: it is root's,
 * written by no group but root's and group (pass (gid_t)-1 for none),
 * and by others only if it is a sticky directory, as /tmp is.
 */
enum priv_fault_why priv_roots_file(const struct stat *st, gid_t group);

/*
 * Whether root alone may change every directory above real (an absolute
 * path with no links, as realpath gives), "/" first, each by the rule
 * of priv_roots_file. Whoever else can change one of them could put
 * something of their own in the place of real.
 * Returns 0, or -1 with *f naming the first directory at fault and why
 * (free f->dir); each caller says it in its own words.
 */
int	 priv_roots_only(const char *real, gid_t group, struct priv_fault *f);

/*
 * As priv_roots_only, for what a person keeps for themselves (a copy of
 * the database): each directory above real may be theirs as well as
 * root's, and written by their own private group.
 */
int	 priv_mine_only(const char *real, struct priv_fault *f);

#endif
