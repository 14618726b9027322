/*
 * vote.c — the monthly topic vote. Approval ballots: each PO in office on
 * the vote's date approves any of its candidates, once; the tally counts
 * approvals per candidate; closing takes the two most approved (the
 * coordinator picks where a tie decides) and makes each an issue.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core-int.h"
#include "ogpo/vote.h"

int
core_vote_eligible(const struct officer *o, const char *date)
{
	return o->role == ROLE_PO && core_officer_active(o, date);
}

/* POs in office on date, agency by agency (the officer_role index). */
static size_t
vote_eligible_count(struct store_txn *t, const char *date)
{
	struct store_cursor *c;
	size_t n = 0;

	if (store_cursor_open(t, IX_AGENCY, NULL, &c, NULL) != 0)
		return 0;
	while (store_cursor_move(c, STORE_NEXT) == 0)
		n += store_officers_in_role(t, store_cursor_id(c), ROLE_PO,
		    date);
	store_cursor_close(c);
	return n;
}

size_t
core_vote_voters(struct store_txn *t, const char *date, uint32_t **ids)
{
	struct store_cursor *c;
	struct officer *o = xmalloc(sizeof *o);
	uint32_t *mine, ag;
	size_t n = 0, cap = 0, k, i;

	*ids = NULL;
	if (store_cursor_open(t, IX_AGENCY, NULL, &c, NULL) != 0) {
		free(o);
		return 0;
	}
	while (store_cursor_move(c, STORE_NEXT) == 0) {
		ag = store_cursor_id(c);
		/* The role index says which agencies have any: most of
		 * the tree's thousand have none, and their officers are
		 * not read. */
		if (store_officers_in_role(t, ag, ROLE_PO, date) == 0)
			continue;
		k = store_group_ids(t, IX_OFFICER_AGENCY, ag, &mine);
		for (i = 0; i < k; i++)
			if (store_officer_get(t, mine[i], o, NULL) == 0 &&
			    core_vote_eligible(o, date)) {
				*ids = xgrow(*ids, &cap, n + 1, sizeof **ids);
				(*ids)[n++] = mine[i];
			}
		free(mine);
	}
	store_cursor_close(c);
	free(o);
	return n;
}

uint32_t
core_vote_ballot_of(struct store_txn *t, uint32_t vote, uint32_t officer)
{
	struct store_cursor *c;
	struct ballot *b = xmalloc(sizeof *b);
	uint32_t id = 0;

	if (store_cursor_open(t, IX_VOTE_BALLOT, &vote, &c, NULL) == 0) {
		while (id == 0 && store_cursor_move(c, STORE_NEXT) == 0)
			if (store_cursor_get(c, b, NULL) == 0 &&
			    b->officer == officer)
				id = b->h.id;
		store_cursor_close(c);
	}
	free(b);
	return id;
}

int
core_vote_ballot(struct core *c, struct store_txn *t, uint32_t vote,
    uint32_t officer, const uint32_t *choice, size_t n, int *replaced,
    char **cause)
{
	struct ballot *b = xcalloc(1, sizeof *b);
	uint32_t old = core_vote_ballot_of(t, vote, officer);
	int rc;

	if (n > OGPO_COLLAB_MAX) {
		free(b);
		return err_set(cause, OGPO_INVALID, "a ballot approves at "
		    "most %d candidates; this one has %zu", OGPO_COLLAB_MAX,
		    n);
	}
	/* The earlier ballot's record is kept, its version moving on. */
	if (old != 0 && (rc = store_get(t, ENTITY_BALLOT, old, b,
	    cause)) != 0)
		goto out;
	b->vote = vote;
	b->officer = officer;
	b->nchoice = (uint32_t)n;
	memset(b->choice, 0, sizeof b->choice);
	if (n > 0)
		memcpy(b->choice, choice, n * sizeof *choice);
	if ((rc = core_save(c, t, ENTITY_BALLOT, b, cause)) == 0 &&
	    replaced != NULL)
		*replaced = old != 0;
out:
	free(b);
	return rc;
}

static int
vote_tally_cmp(const void *pa, const void *pb)
{
	const uint32_t *a = pa, *b = pb;

	/* { candidate, approvals }: more approvals first, then by id. */
	if (a[1] != b[1])
		return a[1] > b[1] ? -1 : 1;
	return a[0] < b[0] ? -1 : a[0] > b[0];
}

int
core_vote_tally(struct store_txn *t, uint32_t vote, struct vote_tally *k,
    char **cause)
{
	struct store_cursor *c;
	struct ballot *b;
	struct vote *v = xmalloc(sizeof *v);
	size_t i;
	uint32_t j;
	int rc;

	memset(k, 0, sizeof *k);
	if ((rc = store_get(t, ENTITY_VOTE, vote, v, cause)) != 0) {
		free(v);
		return rc == OGPO_NOTFOUND ? err_set(cause, rc, "there is no "
		    "vote #%u (see ogpo vote list)", vote) : rc;
	}
	k->eligible = vote_eligible_count(t, v->date);
	free(v);
	if (store_cursor_open(t, IX_VOTE_CANDIDATE, &vote, &c, cause) != 0)
		return OGPO_IO;
	while (k->n < VOTE_CANDIDATES_MAX &&
	    store_cursor_move(c, STORE_NEXT) == 0)
		k->c[k->n++].candidate = store_cursor_id(c);
	store_cursor_close(c);
	if (store_cursor_open(t, IX_VOTE_BALLOT, &vote, &c, cause) != 0)
		return OGPO_IO;
	b = xmalloc(sizeof *b);
	while (store_cursor_move(c, STORE_NEXT) == 0) {
		if (store_cursor_get(c, b, NULL) != 0)
			continue;
		k->ballots++;
		for (j = 0; j < b->nchoice && j < OGPO_COLLAB_MAX; j++)
			for (i = 0; i < k->n; i++)
				if (k->c[i].candidate == b->choice[j])
					k->c[i].approvals++;
	}
	free(b);
	store_cursor_close(c);
	qsort(k->c, k->n, sizeof k->c[0], vote_tally_cmp);
	k->tie = k->n > VOTE_CHOSEN && k->c[VOTE_CHOSEN - 1].approvals ==
	    k->c[VOTE_CHOSEN].approvals;
	return 0;
}

/*
 * Where a candidate came from as a case's source: its source text names
 * one ("agency", "機關提案"), or begins with one's name ("Agency MOI");
 * anything else is "other".
 */
static uint32_t
vote_case_source(const char *text)
{
	char word[OGPO_TEXT_MAX + 1];
	uint32_t v;
	size_t n;

	if (model_enum_parse(&model_case_sources, text, &v) != 0) {
		v = SOURCE_OTHER;
		n = strcspn(text, " \t,;:/(（，");
		if (n > 0 && n < sizeof word) {
			memcpy(word, text, n);
			word[n] = '\0';
			if (model_enum_parse(&model_case_sources, word,
			    &v) != 0)
				v = SOURCE_OTHER;
		}
	}
	return v;
}

int
core_candidate_join_unlinked(const struct candidate *cd)
{
	return cd->issue == 0 && vote_case_source(cd->source) == SOURCE_JOIN;
}

/* Candidate cid becomes a case at the stage selected (or its case is
 * moved there when it was only proposed). */
static int
vote_choose(struct core *c, struct store_txn *t, struct vote *v,
    uint32_t cid, char **cause)
{
	struct candidate *cd = xmalloc(sizeof *cd);
	struct issue *is = xmalloc(sizeof *is);
	int rc;

	if ((rc = store_get(t, ENTITY_CANDIDATE, cid, cd, cause)) != 0)
		goto out;
	if (cd->vote != v->h.id) {
		rc = err_set(cause, OGPO_INVALID, "candidate #%u is not one of "
		    "vote #%u's", cid, v->h.id);
		goto out;
	}
	/* A Join case's deadlines run from the proposal's number and the
	 * day it passed, which a candidate does not carry: made from the
	 * candidate, it would be a case of no source whose contact and
	 * answer no one is reminded of. Its case comes first, linked. */
	if (core_candidate_join_unlinked(cd)) {
		rc = err_set(cause, OGPO_INVALID, "candidate #%u %s is a Join "
		    "proposal with no case linked, and a case made from it "
		    "would track neither deadline (the proposer contacted "
		    "within 7 days, the answer within two months of passing): "
		    "add its case (ogpo add case source=join join_no=... "
		    "passed=...) and link it (ogpo set candidate %u "
		    "issue=ID), then close the vote", cid, cd->title, cid);
		goto out;
	}
	memset(is, 0, sizeof *is);
	if (cd->issue != 0 && (rc = store_issue_get(t, cd->issue, is,
	    cause)) != 0)
		goto out;
	if (cd->issue == 0) {
		str_copy(is->title, cd->title, sizeof is->title);
		is->lead = cd->lead;
		is->source = vote_case_source(cd->source);
		snprintf(is->note, sizeof is->note, "%s（%s）%s", v->title,
		    v->date, cd->source);
		str_utf8_cut(is->note);
	}
	/* Selected by the POs' vote; core_case_normalise keeps the status
	 * in step. A case further along stays where it is. */
	if (is->stage == 0 || is->stage == CASE_PROPOSED)
		is->stage = CASE_SELECTED;
	if ((rc = core_save(c, t, ENTITY_ISSUE, is, cause)) != 0)
		goto out;
	if (cd->issue == 0) {
		cd->issue = is->h.id;
		if ((rc = core_save(c, t, ENTITY_CANDIDATE, cd, cause)) != 0)
			goto out;
	}
	v->chosen[v->nchosen++] = is->h.id;
out:
	free(is);
	free(cd);
	return rc;
}

int
core_vote_close(struct core *c, struct store_txn *t, uint32_t vote,
    const uint32_t *picks, size_t npicks, char **cause)
{
	struct vote_tally *k = xmalloc(sizeof *k);
	struct vote *v = xmalloc(sizeof *v);
	char tied[512];
	size_t i, used;
	int rc;

	if ((rc = core_vote_tally(t, vote, k, cause)) != 0 ||
	    (rc = store_get(t, ENTITY_VOTE, vote, v, cause)) != 0)
		goto out;
	if (v->status == VOTE_CLOSED) {
		rc = err_set(cause, OGPO_INVALID, "vote #%u is closed already",
		    vote);
		goto out;
	}
	if (npicks > VOTE_CHOSEN) {
		rc = err_set(cause, OGPO_INVALID, "a vote chooses %d topics; "
		    "%zu were picked", VOTE_CHOSEN, npicks);
		goto out;
	}
	if (npicks == 0 && k->tie) {
		tied[0] = '\0';
		for (i = 0, used = 0; i < k->n && used < sizeof tied; i++)
			if (k->c[i].approvals ==
			    k->c[VOTE_CHOSEN - 1].approvals)
				used += (size_t)snprintf(tied + used,
				    sizeof tied - used, "%s#%u", used ? _(", ") :
				    "", k->c[i].candidate);
		rc = err_set(cause, OGPO_CONFLICT, "candidates %s tie with %u "
		    "approvals for the second place; choose the topics with "
		    "--pick ID,ID", tied, k->c[VOTE_CHOSEN - 1].approvals);
		goto out;
	}
	v->nchosen = 0;
	if (npicks > 0)
		for (i = 0; i < npicks && rc == 0; i++)
			rc = vote_choose(c, t, v, picks[i], cause);
	else
		for (i = 0; i < k->n && i < VOTE_CHOSEN && rc == 0; i++)
			rc = vote_choose(c, t, v, k->c[i].candidate, cause);
	if (rc != 0)
		goto out;
	v->status = VOTE_CLOSED;
	rc = core_save(c, t, ENTITY_VOTE, v, cause);
out:
	free(v);
	free(k);
	return rc;
}
