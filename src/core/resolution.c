/*
 * resolution.c — a meeting's resolutions between meetings: which ones the
 * next meeting of the kind reviews, its decision on each, and their due
 * dates as deadlines. Resolutions are few (tens a month), so the lists
 * walk them all; a meeting's own come from the meeting_resolution index.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core-int.h"
#include "ogpo/resolution.h"

void
core_resolution_fill(struct store_txn *t, struct resolution *r)
{
	struct store_cursor *c;
	struct resolution *o;
	uint32_t top = 0;

	if (r->status == 0)
		r->status = RESOL_OPEN;
	if (r->number != 0 || r->meeting == 0)
		return;
	o = xmalloc(sizeof *o);
	if (store_cursor_open(t, IX_MEETING_RESOLUTION, &r->meeting, &c,
	    NULL) == 0) {
		while (store_cursor_move(c, STORE_NEXT) == 0)
			if (store_cursor_get(c, o, NULL) == 0 &&
			    o->number > top)
				top = o->number;
		store_cursor_close(c);
	}
	free(o);
	r->number = top + 1;
}

/* Count the resolutions for which want says yes. */
static size_t
resolution_count(struct store_txn *t, uint32_t v,
    int (*want)(const struct resolution *r, uint32_t v))
{
	struct store_cursor *c;
	struct resolution *r;
	size_t n = 0;

	if (store_cursor_open(t, IX_RESOLUTION, NULL, &c, NULL) != 0)
		return 0;
	r = xmalloc(sizeof *r);
	while (store_cursor_move(c, STORE_NEXT) == 0)
		if (store_cursor_get(c, r, NULL) == 0 && want(r, v))
			n++;
	free(r);
	store_cursor_close(c);
	return n;
}

static int
resolution_decided_by(const struct resolution *r, uint32_t meeting)
{
	return r->decided == meeting;
}

static int
resolution_about(const struct resolution *r, uint32_t issue)
{
	return r->issue == issue;
}

size_t
core_resolution_decided_at(struct store_txn *t, uint32_t meeting)
{
	return resolution_count(t, meeting, resolution_decided_by);
}

size_t
core_resolution_issue_refs(struct store_txn *t, uint32_t issue)
{
	return resolution_count(t, issue, resolution_about);
}

int
core_meeting_after(const struct meeting *b, const struct meeting *a)
{
	int d = strcmp(b->date, a->date);

	return d > 0 || (d == 0 && b->h.id > a->h.id);
}

int
core_meeting_reviews(const struct meeting *b, const struct meeting *a)
{
	if (b->kind != a->kind || !core_meeting_after(b, a))
		return 0;
	return b->kind != MEETING_ISSUE || b->issue == a->issue;
}

/* A resolution with where it sorts: its meeting's date, id, its number. */
struct resolution_key {
	char	 date[OGPO_DATE_MAX + 1];
	uint32_t meeting, number, id;
};

static int
resolution_key_cmp(const void *pa, const void *pb)
{
	const struct resolution_key *a = pa, *b = pb;
	int d = strcmp(a->date, b->date);

	if (d != 0)
		return d;
	if (a->meeting != b->meeting)
		return a->meeting < b->meeting ? -1 : 1;
	if (a->number != b->number)
		return a->number < b->number ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

size_t
core_resolutions_review(struct store_txn *t, uint32_t meeting,
    uint32_t **ids)
{
	struct store_cursor *c;
	struct resolution *r = xmalloc(sizeof *r);
	struct meeting *m = xmalloc(sizeof *m), *rm = xmalloc(sizeof *rm);
	struct resolution_key *keys = NULL;
	size_t n = 0, cap = 0, i;

	*ids = NULL;
	if (store_meeting_get(t, meeting, m, NULL) != 0 ||
	    store_cursor_open(t, IX_RESOLUTION, NULL, &c, NULL) != 0)
		goto out;
	while (store_cursor_move(c, STORE_NEXT) == 0) {
		if (store_cursor_get(c, r, NULL) != 0 || r->meeting == meeting)
			continue;
		if (r->decided != meeting && r->status != RESOL_OPEN)
			continue;
		if (store_meeting_get(t, r->meeting, rm, NULL) != 0 ||
		    !core_meeting_reviews(m, rm))
			continue;
		/* Released by an earlier meeting: not this one's business;
		 * still open but reviewed by a later one: still shown. */
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			keys = xreallocarray(keys, cap, sizeof *keys);
		}
		str_copy(keys[n].date, rm->date, sizeof keys[n].date);
		keys[n].meeting = r->meeting;
		keys[n].number = r->number;
		keys[n].id = r->h.id;
		n++;
	}
	store_cursor_close(c);
	if (n > 0) {
		qsort(keys, n, sizeof *keys, resolution_key_cmp);
		*ids = xmalloc(n * sizeof **ids);
		for (i = 0; i < n; i++)
			(*ids)[i] = keys[i].id;
	}
out:
	free(keys);
	free(rm);
	free(m);
	free(r);
	return n;
}

size_t
core_resolutions_of(struct store_txn *t, uint32_t meeting, uint32_t **ids)
{
	struct store_cursor *c;
	struct resolution *r = xmalloc(sizeof *r);
	struct resolution_key *keys = NULL;
	size_t n = 0, cap = 0, i;

	*ids = NULL;
	if (store_cursor_open(t, IX_MEETING_RESOLUTION, &meeting, &c,
	    NULL) == 0) {
		while (store_cursor_move(c, STORE_NEXT) == 0) {
			if (store_cursor_get(c, r, NULL) != 0)
				continue;
			if (n == cap) {
				cap = cap ? 2 * cap : 16;
				keys = xreallocarray(keys, cap, sizeof *keys);
			}
			memset(&keys[n], 0, sizeof keys[n]);
			keys[n].number = r->number;
			keys[n].id = r->h.id;
			n++;
		}
		store_cursor_close(c);
	}
	if (n > 0) {
		qsort(keys, n, sizeof *keys, resolution_key_cmp);
		*ids = xmalloc(n * sizeof **ids);
		for (i = 0; i < n; i++)
			(*ids)[i] = keys[i].id;
	}
	free(keys);
	free(r);
	return n;
}

int
core_resolution_decide(struct core *c, struct store_txn *t, uint32_t id,
    uint32_t version, uint32_t meeting, uint32_t status, const char *note,
    char **cause)
{
	struct resolution *r = xmalloc(sizeof *r);
	int rc;

	if ((rc = store_resolution_get(t, id, r, cause)) != 0) {
		if (rc == OGPO_NOTFOUND)
			rc = err_set(cause, rc, "resolution #%u no longer "
			    "exists", id);
		goto out;
	}
	if (version != 0 && r->h.version != version) {
		rc = err_set(cause, OGPO_CONFLICT, "resolution %u of meeting "
		    "#%u was changed by %s since you opened it; look again",
		    r->number, r->meeting, r->h.updated_by);
		goto out;
	}
	if (status < RESOL_OPEN || status > RESOL_STATUS_MAX) {
		rc = err_set(cause, OGPO_INVALID, "internal error: resolution "
		    "status %u", status);
		goto out;
	}
	r->status = status;
	r->decided = meeting;
	if (note != NULL && str_copy(r->note, note, sizeof r->note) != 0) {
		rc = err_set(cause, OGPO_INVALID, "the progress note is longer "
		    "than %d bytes", OGPO_NOTE_MAX);
		goto out;
	}
	rc = core_save(c, t, ENTITY_RESOLUTION, r, cause);
out:
	free(r);
	return rc;
}

size_t
core_resolution_deadlines(struct store_txn *t,
    void (*fn)(void *arg, const struct resolution_deadline *d), void *arg)
{
	struct store_cursor *c;
	struct resolution *r;
	struct resolution_deadline *d;
	size_t n = 0;
	uint32_t i;

	if (store_cursor_open(t, IX_RESOLUTION, NULL, &c, NULL) != 0)
		return 0;
	r = xmalloc(sizeof *r);
	d = xmalloc(sizeof *d);
	while (store_cursor_move(c, STORE_NEXT) == 0) {
		if (store_cursor_get(c, r, NULL) != 0 ||
		    r->status != RESOL_OPEN || r->due[0] == '\0')
			continue;
		for (i = 0; i < r->nowner && i < OGPO_COLLAB_MAX; i++) {
			memset(d, 0, sizeof *d);
			d->kind = ENTITY_RESOLUTION;
			d->id = r->h.id;
			d->agency = r->owner[i];
			d->meeting = r->meeting;
			d->number = r->number;
			str_copy(d->due, r->due, sizeof d->due);
			str_copy(d->what, r->text, sizeof d->what);
			fn(arg, d);
			n++;
		}
	}
	free(d);
	free(r);
	store_cursor_close(c);
	return n;
}

/* core_resolution_deadlines to a core_deadline_fn, with its meeting. */
struct resolution_walk {
	struct store_txn	*t;
	core_deadline_fn	 fn;
	void			*arg;
	int			 rc;
};

static void
resolution_deadline_one(void *arg, const struct resolution_deadline *r)
{
	struct resolution_walk *w = arg;
	struct core_deadline d;
	struct meeting *m;
	char day[16];
	size_t n;

	if (w->rc != 0)
		return;
	memset(&d, 0, sizeof d);
	d.entity = ENTITY_RESOLUTION;
	d.id = r->id;
	d.kind = DEADLINE_RESOLUTION;
	d.agency = r->agency;
	str_copy(d.due, r->due, sizeof d.due);
	m = xmalloc(sizeof *m);
	if (store_meeting_get(w->t, r->meeting, m, NULL) != 0)
		snprintf(m->date, sizeof m->date, "#%u", r->meeting);
	/* Named as the meeting's page names it: 115/09/15-1 in 民國. */
	n = (size_t)snprintf(d.what, sizeof d.what, "%s-%u ",
	    date_show(m->date, day, sizeof day), r->number);
	if (n < sizeof d.what)	/* the text, cut on a character */
		(void)str_copy(d.what + n, r->what, sizeof d.what - n);
	str_utf8_cut(d.what);
	free(m);
	w->rc = w->fn(w->arg, &d);
}

int
core_deadlines_all(struct store_txn *t, core_deadline_fn fn, void *arg)
{
	struct resolution_walk w = { t, fn, arg, 0 };
	int rc;

	if ((rc = core_deadlines(t, fn, arg)) != 0)
		return rc;
	core_resolution_deadlines(t, resolution_deadline_one, &w);
	return w.rc;
}
