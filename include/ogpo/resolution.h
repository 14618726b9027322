/*
 * resolution.h — meetings' numbered resolutions (決議事項): each is carried
 * to the next meetings of the same kind, which review it as 持續列管 or
 * release it (解除列管), and its due date is a deadline of its owner
 * agencies. Read calls take the caller's transaction; decide writes
 * through the one door (core_save).
 */
#ifndef OGPO_RESOLUTION_H
#define OGPO_RESOLUTION_H

#include <stddef.h>
#include <stdint.h>

#include "ogpo/core.h"

/* A new resolution's number (the meeting's next) and status (open). */
void	 core_resolution_fill(struct store_txn *t, struct resolution *r);

/* How many resolutions meeting decided the status of (reviewed there). */
size_t	 core_resolution_decided_at(struct store_txn *t, uint32_t meeting);

/* How many resolutions are about issue. */
size_t	 core_resolution_issue_refs(struct store_txn *t, uint32_t issue);

/*
 * 1 if meeting b comes after meeting a (date, then id): the order in
 * which a kind's meetings review what the earlier ones resolved.
 */
int	 core_meeting_after(const struct meeting *b, const struct meeting *a);

/*
 * 1 if meeting b reviews what meeting a resolved: it comes after a and
 * is of its kind, and for an issue collaboration meeting on the same
 * case (one case's meetings do not review another's).
 */
int	 core_meeting_reviews(const struct meeting *b,
	    const struct meeting *a);

/*
 * The resolutions meeting reviews, its first agenda item: those still
 * followed (持續列管) that earlier meetings of its kind made, and those
 * whose status this meeting decided; in the order they were made
 * (meeting date, meeting, number). *ids is a new array (free it; NULL
 * when there are none); returns how many.
 */
size_t	 core_resolutions_review(struct store_txn *t, uint32_t meeting,
	    uint32_t **ids);

/* The meeting's own resolutions, by number; as core_resolutions_review. */
size_t	 core_resolutions_of(struct store_txn *t, uint32_t meeting,
	    uint32_t **ids);

/*
 * Meeting sets resolution id's status (RESOL_OPEN: still followed,
 * RESOL_CLOSED: released) and, when note is not NULL, how it stands.
 * Refused unless meeting is a later meeting of the same kind than the
 * one that made it. version: the version the person saw (0: any).
 */
int	 core_resolution_decide(struct core *c, struct store_txn *t,
	    uint32_t id, uint32_t version, uint32_t meeting, uint32_t status,
	    const char *note, char **cause);

/*
 * A deadline of an agency: what is due (a resolution today; a case's
 * Join reply may join it), the agency that owes it and the day.
 */
struct resolution_deadline {
	enum entity_kind kind;		/* ENTITY_RESOLUTION */
	uint32_t	 id;		/* the record */
	uint32_t	 agency;	/* who owes it */
	uint32_t	 meeting;	/* where it was resolved */
	uint32_t	 number;	/* its number there */
	char		 due[OGPO_DATE_MAX + 1];
	char		 what[OGPO_NOTE_MAX + 1];	/* its text */
};

/*
 * Call fn once per owner agency of each resolution still followed that
 * has a due date, in no promised order. Returns how many calls.
 */
size_t	 core_resolution_deadlines(struct store_txn *t,
	    void (*fn)(void *arg, const struct resolution_deadline *d), void *arg);

#endif
