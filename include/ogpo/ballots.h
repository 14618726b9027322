/*
 * ballots.h — a topic vote's ballots from the sheet the coordinator
 * collected (ballots.c): Google Forms' or Microsoft Forms' responses as
 * they download, or a sheet typed by hand, read whole and checked before
 * anything is written; then entered, all of them or none. The command
 * line's `ogpo vote import` and the vote's screen share it.
 */
#ifndef OGPO_BALLOTS_H
#define OGPO_BALLOTS_H

#include <stddef.h>
#include <stdint.h>

#include "ogpo/core.h"

/* One voter's ballot as read (or typed), before the write. */
struct ballot_row {
	char		 voter[OGPO_EMAIL_MAX + 1];	/* id or e-mail */
	char		 where[64];			/* "row 3" */
	char		 name[OGPO_NAME_MAX + 1];	/* a sheet's voter */
	char		 stamp[24];	/* when the form took it, sortable */
	uint32_t	 officer;	/* 0: by voter, at the write */
	int		 skip;		/* superseded, or approving none */
	uint32_t	 n;
	uint32_t	 choice[OGPO_COLLAB_MAX];
};

struct ballot_sheet {
	struct ballot_row	*b;
	size_t			 nb;
	size_t			 superseded, empty;	/* rows not entered */
	char			*notes;	/* what those rows came to, a line
					   each; no one's choices */
};

/*
 * Read the ballots of vote from the file at path into bs (free it with
 * ballots_free, also on error). Every row that cannot be read is
 * refused in *cause, a line each naming its row and column and what to
 * do, and OGPO_INVALID returned. Of a voter's two rows the later counts
 * (by the form's time where it gives one); it and a row approving no
 * topic are kept with skip set, and said in bs->notes.
 */
int	 ballots_read(struct core *c, uint32_t vote, const char *path,
	    struct ballot_sheet *bs, char **cause);

/*
 * Enter bs's ballots (those not skipped) in vote inside t, each
 * replacing the voter's earlier one; *added and *replaced count them.
 * The first refused ends it, its row named in *cause.
 */
int	 ballots_enter(struct core *c, struct store_txn *t, uint32_t vote,
	    const struct ballot_sheet *bs, size_t *added, size_t *replaced,
	    char **cause);

void	 ballots_free(struct ballot_sheet *bs);

#endif
