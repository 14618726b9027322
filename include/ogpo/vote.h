/*
 * vote.h — a month's topic vote (議題票選): candidates, the POs who may
 * vote (those designated and in office on the vote's date), approval
 * ballots, the tally, and closing it, which makes the two most approved
 * topics issues. Ballots are an admin's to enter and read; the tally is
 * everyone's.
 */
#ifndef OGPO_VOTE_H
#define OGPO_VOTE_H

#include <stddef.h>
#include <stdint.h>

#include "ogpo/core.h"

#define VOTE_CHOSEN	2	/* topics a vote chooses */
#define VOTE_CANDIDATES_MAX OGPO_COLLAB_MAX

struct vote_tally {
	size_t	 eligible;	/* POs in office on the vote's date */
	size_t	 ballots;
	size_t	 n;		/* candidates */
	struct {
		uint32_t candidate;
		uint32_t approvals;
	}	 c[VOTE_CANDIDATES_MAX];	/* most approved first, then
						   by number */
	/* A tie across the cut: the last place chosen and the first left
	 * out have as many approvals (then the coordinator chooses). */
	int	 tie;
};

/*
 * 1 if candidate cd says it is a Join proposal (its source) but names no
 * case: a case made from it at the close would track no Join deadline,
 * so the close refuses it, and those who add one are told.
 */
int	 core_candidate_join_unlinked(const struct candidate *cd);

/* 1 if officer o may vote in a vote dated date: a PO in office then. */
int	 core_vote_eligible(const struct officer *o, const char *date);

/*
 * The POs who may vote in a vote dated date, agency by agency, as a new
 * array in *ids (free it; NULL when none). Returns how many.
 */
size_t	 core_vote_voters(struct store_txn *t, const char *date,
	    uint32_t **ids);

/* The id of officer's ballot in vote, 0 if they have not voted. */
uint32_t core_vote_ballot_of(struct store_txn *t, uint32_t vote,
	    uint32_t officer);

/*
 * Enter officer's approval ballot in vote (the n candidates of choice),
 * replacing theirs if they voted already (*replaced says so when not
 * NULL). Only an admin enters ballots; the voter must be a PO in office
 * on the vote's date, the vote open, each choice one of its candidates.
 */
int	 core_vote_ballot(struct core *c, struct store_txn *t, uint32_t vote,
	    uint32_t officer, const uint32_t *choice, size_t n, int *replaced,
	    char **cause);

/* Count vote's ballots. OGPO_NOTFOUND when there is no such vote. */
int	 core_vote_tally(struct store_txn *t, uint32_t vote,
	    struct vote_tally *k, char **cause);

/*
 * Close vote: the two most approved candidates, or those picked (picks,
 * npicks ≤ 2: the coordinator's choice when there is a tie), become
 * tracked cases led by their agency at the stage selected (選定), or their
 * linked issue is set so; the vote keeps them as chosen. Refused when a
 * tie decides and nothing was picked, naming the tied candidates.
 */
int	 core_vote_close(struct core *c, struct store_txn *t, uint32_t vote,
	    const uint32_t *picks, size_t npicks, char **cause);

#endif
