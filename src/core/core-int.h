/*
 * core-int.h — what the files of src/core/ share.
 */
#ifndef OGPO_CORE_INT_H
#define OGPO_CORE_INT_H

#include "ogpo/core.h"
#include "ogpo/util.h"

struct core {
	struct store	*store;
	char		 login[OGPO_LOGIN_MAX + 1];
	int		 root;		/* uid 0: always an admin */
	int		 creating;	/* the first admin is being made */
	/* The person's user record as of one transaction (perm.c), and
	 * the last agency judged against its scope. */
	uint64_t	 perm_serial;
	struct user	 perm;
	uint32_t	 perm_last;
	int		 perm_last_yes;
	/* The officers with a ballot, sorted, as of one transaction
	 * (ops.c): an import's undo deletes officers by the million. */
	uint64_t	 ballot_serial;
	uint32_t	*ballot_officers;
	size_t		 nballot_officers;
	/* This process's session file (session.c), and the descriptor of
	 * the sessions folder (0: not opened yet). */
	int		 session;
	int		 session_fd;
	int64_t		 session_since;
	char		 session_pane[32];
	/* A designation is being handed over (core_handover): the
	 * invitations of its agency's officers follow it. */
	int		 handover;
};

/* 1 if no admin but login would remain. */
int	core_user_last_admin(struct store_txn *t, const char *login);

/* The value of key in the system's config file, or 0 if none. */
int	core_sysconf(const char *key, char *value, size_t n);

/* Act as u for the rest of t (the first admin, as the database is made). */
void	core_perm_grant(struct core *c, struct store_txn *t,
	    const struct user *u);

/* Forget the cached role: the user table changed in this transaction. */
void	core_perm_forget(struct core *c);

/* Append the audit record of one change (before or after may be NULL). */
int	core_audit(struct core *c, struct store_txn *t, enum entity_kind kind,
	    uint32_t action, const void *before, const void *after,
	    char **cause);

/* The stored record with rec's key (id, meeting and officer, login). */
int	core_get_stored(struct store_txn *t, enum entity_kind kind,
	    const void *rec, void *old, char **cause);

/*
 * core_save with flags: CHECKED, core_normalise and core_check were just
 * run on rec;
 * RESTORE, rec may carry the id of a record that is gone (an undo puts
 * a deleted record back under its own id).
 */
#define CORE_SAVE_CHECKED	0x1
#define CORE_SAVE_RESTORE	0x2
int	core_save_flags(struct core *c, struct store_txn *t,
	    enum entity_kind kind, void *rec, unsigned flags, char **cause);

#endif
