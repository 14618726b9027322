/*
 * meeting.c — who is invited to a meeting and how they attended, and who
 * holds a designation when. Point 7 of the regulation says whom each kind
 * of meeting is for; the proposal follows it, as of the meeting's date,
 * and the person arranging the meeting adds or removes before inviting.
 * A designation ends with its successor named, so an agency's history
 * shows every PO it has had.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core-int.h"

int
core_invite(struct core *c, struct store_txn *t, uint32_t meeting,
    uint32_t officer, char **cause)
{
	struct attendance at;
	struct officer o;
	int rc;

	rc = store_attendance_get(t, meeting, officer, &at, cause);
	if (rc == 0)
		return 0;
	if (rc != OGPO_NOTFOUND)
		return rc;
	if ((rc = store_officer_get(t, officer, &o, cause)) != 0)
		return rc == OGPO_NOTFOUND ? err_set(cause, rc, "officer #%u "
		    "does not exist", officer) : rc;
	memset(&at, 0, sizeof at);
	at.meeting = meeting;
	at.officer = officer;
	at.agency = o.agency;
	at.role = o.role;
	at.status = ATTEND_INVITED;
	return core_save(c, t, ENTITY_ATTENDANCE, &at, cause);
}

int
core_attend(struct core *c, struct store_txn *t, uint32_t meeting,
    uint32_t officer, uint32_t status, const char *proxy, const char *note,
    char **cause)
{
	struct attendance at;
	int rc;

	if ((rc = store_attendance_get(t, meeting, officer, &at, cause)) != 0) {
		if (rc != OGPO_NOTFOUND)
			return rc;
		if ((rc = core_invite(c, t, meeting, officer, cause)) != 0 ||
		    (rc = store_attendance_get(t, meeting, officer, &at,
		    cause)) != 0)
			return rc;
	}
	at.status = status;
	if (str_copy(at.proxy, proxy ? proxy : "", sizeof at.proxy) != 0 ||
	    (note != NULL && str_copy(at.note, note, sizeof at.note) != 0))
		return err_set(cause, OGPO_INVALID, "the proxy's name or the "
		    "note is too long");
	return core_save(c, t, ENTITY_ATTENDANCE, &at, cause);
}


void
core_meeting_tally(struct store_txn *t, uint32_t meeting,
    struct core_tally *k)
{
	struct store_cursor *c;
	struct attendance at;

	memset(k, 0, sizeof *k);
	if (store_cursor_open(t, IX_ATTENDANCE, &meeting, &c, NULL) != 0)
		return;
	while (store_cursor_move(c, STORE_NEXT) == 0)
		if (store_cursor_get(c, &at, NULL) == 0) {
			k->invited++;
			k->present += at.status == ATTEND_PRESENT ||
			    at.status == ATTEND_ONLINE ||
			    at.status == ATTEND_PROXY;
			k->unmarked += at.status == ATTEND_INVITED;
		}
	store_cursor_close(c);
}

void
core_meeting_counts(struct store_txn *t, uint32_t meeting, size_t *present,
    size_t *invited)
{
	struct core_tally k;

	core_meeting_tally(t, meeting, &k);
	*present = k.present;
	*invited = k.invited;
}

int
core_meeting_unconfirmed(const struct meeting *m, const struct core_tally *k,
    const char *today)
{
	return m->status == MEETING_PLANNED && strcmp(m->date, today) <= 0 &&
	    k->invited > k->unmarked;
}

int
core_invite_external(struct core *c, struct store_txn *t, uint32_t meeting,
    const char *name, const char *organisation, uint32_t *officer,
    char **cause)
{
	struct store_cursor *cur;
	struct attendance at;
	uint32_t n = 0, id;

	/* The next free external number of this meeting. */
	if (store_cursor_open(t, IX_ATTENDANCE, &meeting, &cur, cause) != 0)
		return OGPO_IO;
	if (store_cursor_move(cur, STORE_LAST) == 0) {
		id = store_cursor_id(cur);
		if (id & ATTEND_EXTERNAL)
			n = id & ~ATTEND_EXTERNAL;
	}
	store_cursor_close(cur);
	if (n + 1 >= ATTEND_EXTERNAL)
		return err_set(cause, OGPO_FULL, "no room for more external "
		    "participants in this meeting");
	memset(&at, 0, sizeof at);
	at.meeting = meeting;
	at.officer = ATTEND_EXTERNAL | (n + 1);
	at.status = ATTEND_INVITED;
	if (str_copy(at.name, name, sizeof at.name) != 0 ||
	    str_copy(at.organisation, organisation ? organisation : "",
	    sizeof at.organisation) != 0)
		return err_set(cause, OGPO_INVALID, "the name or the "
		    "organisation is too long");
	*officer = at.officer;
	return core_save(c, t, ENTITY_ATTENDANCE, &at, cause);
}

int
core_uninvite(struct core *c, struct store_txn *t, uint32_t meeting,
    uint32_t officer, char **cause)
{
	struct attendance at;
	int rc;

	if ((rc = store_attendance_get(t, meeting, officer, &at, cause)) != 0)
		return rc;
	if ((rc = core_may(c, t, ENTITY_ATTENDANCE, &at, NULL, cause)) != 0)
		return rc;
	if ((rc = store_attendance_del(t, meeting, officer, cause)) != 0)
		return rc;
	return core_audit(c, t, ENTITY_ATTENDANCE, AUDIT_DELETE, &at, NULL,
	    cause);
}

/* 1 if agency is one of the n in list. */
static int
meeting_in(uint32_t agency, const uint32_t *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (list[i] == agency)
			return 1;
	return 0;
}

/* Add to ids the officers of agency in role on date. */
static void
meeting_propose_from(struct store_txn *t, uint32_t agency, uint32_t role,
    const char *date, uint32_t *ids, size_t max, size_t *n)
{
	struct store_cursor *cur;
	struct officer o;

	if (store_cursor_open(t, IX_OFFICER_AGENCY, &agency, &cur, NULL) != 0)
		return;
	while (*n < max && store_cursor_move(cur, STORE_NEXT) == 0)
		if (store_cursor_get(cur, &o, NULL) == 0 && o.role == role &&
		    core_officer_active(&o, date))
			ids[(*n)++] = o.h.id;
	store_cursor_close(cur);
}

size_t
core_propose_invitees(struct store_txn *t, const struct meeting *m,
    uint32_t *ids, size_t max)
{
	struct issue *is;
	struct agency a;
	uint32_t root = 0, *tops, *level2, agencies[OGPO_COLLAB_MAX + 1];
	size_t n = 0, ntop, nl2, i, j, na = 0;

	if (m->kind == MEETING_ISSUE) {
		/* The POs of the issue's lead and collaborating agencies. */
		is = xmalloc(sizeof *is);
		if (m->issue != 0 && store_issue_get(t, m->issue, is,
		    NULL) == 0) {
			agencies[na++] = is->lead;
			for (i = 0; i < is->ncollab && i < OGPO_COLLAB_MAX; i++)
				if (!meeting_in(is->collab[i], agencies, na))
					agencies[na++] = is->collab[i];
		}
		free(is);
		for (i = 0; i < na; i++)
			meeting_propose_from(t, agencies[i], ROLE_PO, m->date,
			    ids, max, &n);
		return n;
	}
	/* Policy: every second-level agency's supervisors; work: its POs. */
	ntop = store_group_ids(t, IX_AGENCY_CHILD, root, &tops);
	for (i = 0; i < ntop; i++) {
		nl2 = store_group_ids(t, IX_AGENCY_CHILD, tops[i], &level2);
		for (j = 0; j < nl2; j++)
			if (store_agency_get(t, level2[j], &a, NULL) == 0 &&
			    a.level == LEVEL_2)
				meeting_propose_from(t, a.h.id,
				    m->kind == MEETING_POLICY ?
				    ROLE_SUPERVISOR : ROLE_PO, m->date, ids,
				    max, &n);
		free(level2);
	}
	free(tops);
	return n;
}

/* Does the planned meeting m come after end (so an ended officer goes)? */
static int
meeting_after(const struct meeting *m, const char *end)
{
	return m->status == MEETING_PLANNED && strcmp(m->date, end) > 0;
}

/*
 * The meetings officer is invited to that are planned after end, as a
 * new array in *ids (free it); returns how many.
 */
static size_t
meeting_planned_after(struct store_txn *t, uint32_t officer, const char *end,
    uint32_t **ids)
{
	struct store_cursor *cur;
	struct attendance at;
	struct meeting *m = xmalloc(sizeof *m);
	size_t n = 0, cap = 0;

	*ids = NULL;
	if (store_cursor_open(t, IX_ATTENDANCE_OFFICER, &officer, &cur,
	    NULL) == 0) {
		while (store_cursor_move(cur, STORE_NEXT) == 0)
			if (store_cursor_get(cur, &at, NULL) == 0 &&
			    store_meeting_get(t, at.meeting, m, NULL) == 0 &&
			    meeting_after(m, end)) {
				*ids = xgrow(*ids, &cap, n + 1, sizeof **ids);
				(*ids)[n++] = at.meeting;
			}
		store_cursor_close(cur);
	}
	free(m);
	return n;
}

size_t
core_handover_meetings(struct store_txn *t, uint32_t officer, const char *end,
    uint32_t successor, struct core_handover *h, size_t max)
{
	struct attendance at;
	struct meeting *m = xmalloc(sizeof *m);
	uint32_t *ids;
	size_t n, i, k = 0;

	n = meeting_planned_after(t, officer, end, &ids);
	for (i = 0; i < n; i++) {
		if (store_meeting_get(t, ids[i], m, NULL) != 0)
			continue;
		if (k < max) {
			h[k].meeting = m->h.id;
			str_copy(h[k].date, m->date, sizeof h[k].date);
			str_copy(h[k].title, m->title, sizeof h[k].title);
			h[k].in = successor != 0 && store_attendance_get(t,
			    m->h.id, successor, &at, NULL) != 0;
		}
		k++;
	}
	free(ids);
	free(m);
	return k;
}

int
core_handover(struct core *c, struct store_txn *t, uint32_t officer,
    const char *end, uint32_t successor, char **cause)
{
	struct attendance at;
	uint32_t *ids;
	size_t n, i;
	int rc = 0;

	/* The ids first: the index changes as they are taken off. */
	n = meeting_planned_after(t, officer, end, &ids);
	/* Whoever may end the designation moves its invitations: an
	 * agency's editor names who holds its designation, whoever
	 * convened the meetings (perm.c). */
	c->handover = 1;
	for (i = 0; i < n && rc == 0; i++) {
		if ((rc = core_uninvite(c, t, ids[i], officer, cause)) != 0)
			break;
		if (successor != 0 && store_attendance_get(t, ids[i],
		    successor, &at, NULL) != 0)
			rc = core_invite(c, t, ids[i], successor, cause);
	}
	c->handover = 0;
	free(ids);
	return rc;
}

int
core_end_designation(struct core *c, struct store_txn *t, uint32_t officer,
    const char *end, uint32_t successor, char **cause)
{
	struct officer o, s;
	int rc;

	if ((rc = store_officer_get(t, officer, &o, cause)) != 0)
		return rc == OGPO_NOTFOUND ? err_set(cause, rc, "officer #%u no "
		    "longer exists", officer) : rc;
	if (!date_valid(end))
		return err_set(cause, OGPO_INVALID, "'%s' is not a date; write "
		    "it as YYYY-MM-DD", end);
	if (successor != 0) {
		if (successor == officer)
			return err_set(cause, OGPO_INVALID, "%s cannot succeed "
			    "themselves", o.name);
		if ((rc = store_officer_get(t, successor, &s, cause)) != 0)
			return rc == OGPO_NOTFOUND ? err_set(cause, rc,
			    "officer #%u no longer exists", successor) : rc;
		if (s.agency != o.agency)
			return err_set(cause, OGPO_INVALID, "%s is an officer "
			    "of another agency; the successor of %s is one of "
			    "its own agency's officers", s.name, o.name);
		/* The successor first: invited in their new role. */
		core_successor(&o, end, &s);
		s.h.version = 0;
		if ((rc = core_save(c, t, ENTITY_OFFICER, &s, cause)) != 0)
			return rc;
	}
	/* Planned meetings after the last day follow: the one out, the
	 * other in. Held ones keep who came. */
	if ((rc = core_handover(c, t, officer, end, successor, cause)) != 0)
		return rc;
	str_copy(o.end_date, end, sizeof o.end_date);
	o.h.version = 0;
	return core_save(c, t, ENTITY_OFFICER, &o, cause);
}

void
core_successor(const struct officer *o, const char *end, struct officer *s)
{
	s->role = o->role;
	s->supervisor = o->supervisor;
	s->function = o->function;
	date_add_days(end, 1, s->start_date);
	s->end_date[0] = '\0';
}

int
core_meeting_status(struct core *c, struct store_txn *t, uint32_t meeting,
    uint32_t status, char **cause)
{
	struct meeting *m = xmalloc(sizeof *m);
	int rc;

	if ((rc = store_meeting_get(t, meeting, m, cause)) == 0) {
		m->status = status;
		m->h.version = 0;
		rc = core_save(c, t, ENTITY_MEETING, m, cause);
	} else if (rc == OGPO_NOTFOUND)
		rc = err_set(cause, rc, "meeting #%u no longer exists",
		    meeting);
	free(m);
	return rc;
}
