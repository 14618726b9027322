/*
 * ops.c — saving and deleting through the one door: check, compare
 * versions, write, audit. Each call works inside the caller's transaction;
 * a refusal leaves it as it was.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core-int.h"
#include "ogpo/codec.h"
#include "ogpo/resolution.h"
#include "ogpo/vote.h"

/* Any record: big enough for each kind the door handles. */
union core_rec {
	struct record_head h;
	struct training	 training;
	struct reward	 reward;
	struct resolution resolution;
	struct vote	 vote;
	struct candidate candidate;
	struct ballot	 ballot;
	struct agency	 agency;
	struct officer	 officer;
	struct meeting	 meeting;
	struct attendance attendance;
	struct issue	 issue;
	struct user	 user;
	struct progress	 progress;
};

int
core_audit(struct core *c, struct store_txn *t, enum entity_kind kind,
    uint32_t action, const void *before, const void *after, char **cause)
{
	const struct schema *s = schema_of(kind);
	const void *rec = after ? after : before;
	struct audit *a = xmalloc(sizeof *a);
	int rc;

	/* Only the head is cleared: the images are written up to their
	 * lengths, and zeroing 32 KB a change is a third of an import. */
	memset(a, 0, offsetof(struct audit, before));
	a->time = time_now();
	str_copy(a->login, c->login, sizeof a->login);
	a->action = action;
	a->entity = kind;
	if (kind == ENTITY_ATTENDANCE) {
		a->id = ((const struct attendance *)rec)->meeting;
		a->id2 = ((const struct attendance *)rec)->officer;
	} else
		a->id = ((const struct record_head *)rec)->id;
	if (before != NULL)
		a->before_len = codec_encode(s, before, a->before,
		    sizeof a->before);
	if (after != NULL && (a->after_len = store_image(t, after, a->after,
	    sizeof a->after)) == 0)
		a->after_len = codec_encode(s, after, a->after,
		    sizeof a->after);
	rc = store_audit_append(t, a, cause);
	free(a);
	return rc;
}

int
core_get_stored(struct store_txn *t, enum entity_kind kind, const void *rec,
    void *old, char **cause)
{
	const struct attendance *at = rec;

	switch (kind) {
	case ENTITY_ATTENDANCE:
		return store_attendance_get(t, at->meeting, at->officer, old,
		    cause);
	case ENTITY_USER:
		return store_user_get(t, ((const struct user *)rec)->login, old,
		    cause);
	default:
		if (((const struct record_head *)rec)->id == 0)
			return OGPO_NOTFOUND;
		return store_get(t, kind, ((const struct record_head *)rec)->id,
		    old, cause);
	}
}

static int
core_put(struct store_txn *t, enum entity_kind kind, void *rec, char **cause)
{
	switch (kind) {
	case ENTITY_AGENCY:
		return store_agency_put(t, rec, cause);
	case ENTITY_OFFICER:
		return store_officer_put(t, rec, cause);
	case ENTITY_MEETING:
		return store_meeting_put(t, rec, cause);
	case ENTITY_ATTENDANCE:
		return store_attendance_put(t, rec, cause);
	case ENTITY_ISSUE:
		return store_issue_put(t, rec, cause);
	case ENTITY_USER:
		return store_user_put(t, rec, cause);
	case ENTITY_TRAINING:
		return store_training_put(t, rec, cause);
	case ENTITY_REWARD:
		return store_reward_put(t, rec, cause);
	case ENTITY_PROGRESS:
		return store_progress_put(t, rec, cause);
	case ENTITY_RESOLUTION:
		return store_resolution_put(t, rec, cause);
	case ENTITY_VOTE:
		return store_vote_put(t, rec, cause);
	case ENTITY_CANDIDATE:
		return store_candidate_put(t, rec, cause);
	case ENTITY_BALLOT:
		return store_ballot_put(t, rec, cause);
	default:
		return err_set(cause, OGPO_INVALID, "internal error: cannot "
		    "save a record of kind %d", (int)kind);
	}
}

void
core_normalise(enum entity_kind kind, void *rec)
{
	const struct schema *s = schema_of(kind);
	size_t i;
	char *p;

	for (i = 0; i < s->nfields; i++) {
		if (s->fields[i].type != FIELD_STR ||
		    (s->fields[i].flags & FIELD_HEAD))
			continue;
		p = (char *)rec + s->fields[i].offset;
		if (strnlen(p, s->fields[i].size) < s->fields[i].size)
			str_trim(p);
		if (s->fields[i].form == FORM_CODE)
			for (; *p; p++)
				if (*p >= 'a' && *p <= 'z')
					*p = (char)(*p - 'a' + 'A');
	}
	if (kind == ENTITY_ISSUE)
		core_case_normalise(rec);
	if (kind == ENTITY_RESOLUTION && ((struct resolution *)rec)->status == 0)
		((struct resolution *)rec)->status = RESOL_OPEN;
	if (kind == ENTITY_VOTE && ((struct vote *)rec)->status == 0)
		((struct vote *)rec)->status = VOTE_OPEN;
	if (kind == ENTITY_AGENCY && ((struct agency *)rec)->parent == 0 &&
	    ((struct agency *)rec)->level == 0)
		((struct agency *)rec)->level = LEVEL_CABINET;
}

/* How many levels of sub-agencies hang below agency id. */
static uint32_t
core_subtree_depth(struct store_txn *t, uint32_t id, int guard)
{
	uint32_t *kids, d, deepest = 0;
	size_t n, i;

	if (guard > LEVEL_MAX * 2)
		return 0;
	n = store_group_ids(t, IX_AGENCY_CHILD, id, &kids);
	for (i = 0; i < n; i++) {
		d = 1 + core_subtree_depth(t, kids[i], guard + 1);
		if (d > deepest)
			deepest = d;
	}
	free(kids);
	return deepest;
}

/*
 * Before an agency changes level: would its lowest sub-agencies still be
 * no lower than level 4 (LEVEL_MAX)? Checked before anything is written,
 * so a refusal leaves the transaction as it was.
 */
static int
core_relevel_check(struct store_txn *t, const struct agency *a, char **cause)
{
	uint32_t depth = core_subtree_depth(t, a->h.id, 0);

	if (depth > 0 && a->level + depth > LEVEL_MAX)
		return err_set(cause, OGPO_INVALID, ngettext("%s would be a "
		    "level %u agency, and its sub-agencies %u level below it "
		    "would fall below level %d; move the sub-agencies first",
		    "%s would be a level %u agency, and its sub-agencies %u "
		    "levels below it would fall below level %d; move the "
		    "sub-agencies first", depth), a->name, a->level, depth,
		    LEVEL_MAX);
	return 0;
}

/* Give the sub-agencies of a the levels that follow from its own. */
static int
core_relevel(struct core *c, struct store_txn *t, const struct agency *a,
    char **cause)
{
	struct agency *kid = xmalloc(sizeof *kid);
	uint32_t *kids;
	size_t n, i;
	int rc = 0;

	n = store_group_ids(t, IX_AGENCY_CHILD, a->h.id, &kids);
	for (i = 0; i < n && rc == 0; i++) {
		if ((rc = store_agency_get(t, kids[i], kid, cause)) != 0)
			break;
		if (a->level >= LEVEL_MAX) {
			rc = err_set(cause, OGPO_INVALID, "%s would be a level "
			    "%u agency, and its sub-agency %s would fall below "
			    "level %d; move the sub-agencies first", a->name,
			    a->level, kid->name, LEVEL_MAX);
			break;
		}
		kid->level = a->level + 1;
		kid->h.version = 0;
		rc = core_save(c, t, ENTITY_AGENCY, kid, cause);
	}
	free(kids);
	free(kid);
	return rc;
}

/* 1 if rec would store exactly what old holds (the head aside). */
static int
core_same(enum entity_kind kind, const void *old, const void *rec)
{
	const struct schema *s = schema_of(kind);
	char a[OGPO_DESC_MAX + 64], b[OGPO_DESC_MAX + 64];
	size_t i;

	for (i = 0; i < s->nfields; i++) {
		if (s->fields[i].flags & FIELD_HEAD)
			continue;
		schema_format(&s->fields[i], old, a, sizeof a);
		schema_format(&s->fields[i], rec, b, sizeof b);
		if (strcmp(a, b) != 0)
			return 0;
	}
	return 1;
}

int
core_save(struct core *c, struct store_txn *t, enum entity_kind kind,
    void *rec, char **cause)
{
	return core_save_flags(c, t, kind, rec, 0, cause);
}

int
core_save_checked(struct core *c, struct store_txn *t, enum entity_kind kind,
    void *rec, char **cause)
{
	return core_save_flags(c, t, kind, rec, CORE_SAVE_CHECKED, cause);
}

int
core_save_flags(struct core *c, struct store_txn *t, enum entity_kind kind,
    void *rec, unsigned flags, char **cause)
{
	const int checked = (flags & CORE_SAVE_CHECKED) != 0;
	const struct schema *s = schema_of(kind);
	struct record_head *h = rec;
	struct core_fault faults[8];
	union core_rec *old;
	char when[32], label[OGPO_TEXT_MAX + 1];
	size_t n;
	int rc, had;

	if (s == NULL || kind == ENTITY_AUDIT)
		return err_set(cause, OGPO_INVALID, "internal error: cannot "
		    "save a record of kind %d", (int)kind);
	/* A viewer hears that first, not what is wrong with the fields. */
	if ((rc = core_may_write(c, t, cause)) != 0)
		return rc;
	/* The vote is an admin's alone, and a ballot secret: an editor hears
	 * that before a check could say what is stored ("candidate #3 is
	 * not one of vote #2's" of a ballot moved to another vote). */
	if ((kind == ENTITY_VOTE || kind == ENTITY_CANDIDATE ||
	    kind == ENTITY_BALLOT) && (rc = core_may(c, t, kind, NULL, NULL,
	    cause)) != 0)
		return rc;
	if (kind == ENTITY_BALLOT)
		c->ballot_serial = 0;	/* core_has_ballot looks again */
	if (!checked)
		core_normalise(kind, rec);
	if (!checked && (n = core_check(t, kind, rec, faults, 8)) > 0) {
		char all[8 * sizeof faults[0].msg];
		size_t i, used = 0;

		/* Every complaint at once: fixing one at a time is tedious. */
		for (i = 0; i < n && i < 8; i++)
			used += (size_t)snprintf(all + used, sizeof all - used,
			    "%s%s", i ? _("; ") : "", faults[i].msg);
		if (n > 8)
			snprintf(all + used, sizeof all - used, _("; and %zu "
			    "more"), n - 8);
		return err_set(cause, OGPO_INVALID, "%s", all);
	}
	old = xmalloc(sizeof *old);
	rc = core_get_stored(t, kind, rec, old, cause);
	if (rc != 0 && rc != OGPO_NOTFOUND)
		goto out;
	had = rc == 0;
	if ((rc = core_may(c, t, kind, had ? old : NULL, rec, cause)) != 0)
		goto out;
	/* The label only for the sentences below: it looks up what the
	 * record names (an attendance's meeting and officer), which was a
	 * sixth of an attendance import's time. */
	if (!had && h->id != 0 && kind != ENTITY_ATTENDANCE &&
	    kind != ENTITY_USER && !(flags & CORE_SAVE_RESTORE)) {
		core_record_label(t, kind, rec, label, sizeof label);
		rc = err_set(cause, OGPO_NOTFOUND, "%s %s (#%u) was deleted by "
		    "someone else; nothing was saved", model_noun(kind), label, h->id);
		goto out;
	}
	if (had && h->version != 0 && old->h.version != h->version) {
		core_record_label(t, kind, rec, label, sizeof label);
		time_show(old->h.updated_at, when, sizeof when);
		rc = err_set(cause, OGPO_CONFLICT, "%s %s was changed by %s at "
		    "%s since you opened it", model_noun(kind), label,
		    old->h.updated_by, when);
		goto out;
	}
	if (had && core_same(kind, old, rec)) {
		/* Nothing to write: no new version for others to trip over,
		 * no empty change in the trail. rec is what is stored. */
		memcpy(rec, old, sizeof(struct record_head));
		rc = 0;
		goto out;
	}
	if (!had && kind == ENTITY_RESOLUTION)
		core_resolution_fill(t, rec);
	if (had && kind == ENTITY_USER && old->user.role == UROLE_ADMIN &&
	    ((struct user *)rec)->role != UROLE_ADMIN &&
	    core_user_last_admin(t, old->user.login)) {
		rc = err_set(cause, OGPO_DENIED, "%s is the last admin; make "
		    "someone else an admin first", old->user.login);
		goto out;
	}
	if (had && kind == ENTITY_AGENCY && old->agency.level !=
	    ((struct agency *)rec)->level &&
	    (rc = core_relevel_check(t, rec, cause)) != 0)
		goto out;
	if (had)
		h->version = old->h.version;
	if (kind == ENTITY_ISSUE && (rc = core_case_prepare(t, had ?
	    &old->issue : NULL, rec, cause)) != 0)
		goto out;
	h->updated_at = time_now();
	str_copy(h->updated_by, c->login, sizeof h->updated_by);
	if ((rc = core_put(t, kind, rec, cause)) != 0)
		goto out;
	if (kind == ENTITY_USER)
		core_perm_forget(c);
	rc = core_audit(c, t, kind, had ? AUDIT_UPDATE : AUDIT_CREATE,
	    had ? old : NULL, rec, cause);
	/* A designation that ends (or ends sooner): the planned meetings
	 * after its last day no longer invite the officer. */
	if (rc == 0 && had && kind == ENTITY_OFFICER &&
	    core_officer_ends(&old->officer, rec))
		rc = core_handover(c, t, h->id,
		    ((struct officer *)rec)->end_date, 0, cause);
	/* An agency that moved takes its sub-agencies' levels along. */
	if (rc == 0 && had && kind == ENTITY_AGENCY &&
	    old->agency.level != ((struct agency *)rec)->level)
		rc = core_relevel(c, t, rec, cause);
out:
	free(old);
	return rc;
}

/* "王小明, 李美玲, 陳志豪 and 9 more" from up to three labels. */
struct core_names {
	char	 buf[1024];
	size_t	 n;
};

static void
core_names_add(struct core_names *nm, const char *label)
{
	size_t used = strlen(nm->buf);

	if (nm->n++ < 3)
		snprintf(nm->buf + used, sizeof nm->buf - used, "%s%s",
		    used ? _(", ") : "", label);
}

static const char *
core_names_end(struct core_names *nm)
{
	size_t used = strlen(nm->buf);

	if (nm->n > 3)
		snprintf(nm->buf + used, sizeof nm->buf - used,
		    _(" and %zu more"), nm->n - 3);
	return nm->buf;
}

/*
 * Add "3 officers (王小明, …)" to a list of what stands in the way; what
 * is the count already in words ("3 officers"), a new string this frees
 * (so a caller writes the phrase with ngettext, where the plural is
 * known). Nothing is added when n is 0.
 */
static void
core_names_part(struct core_names *all, size_t n, char *what,
    const struct core_names *names)
{
	size_t used = strlen(all->buf);

	if (n != 0)
		snprintf(all->buf + used, sizeof all->buf - used,
		    _("%s%s (%s)"), used ? _(", ") : "", what, names->buf);
	free(what);
}

/* Collect the labels of the records in one group of an index. */
static size_t
core_group_names(struct store_txn *t, enum store_index ix, uint32_t group,
    struct core_names *nm)
{
	const struct schema *s = schema_of(store_index_entity(ix));
	struct store_cursor *cur;
	union core_rec *rec;
	char label[OGPO_TEXT_MAX + 1];
	size_t n = store_count(t, ix, &group);

	memset(nm, 0, sizeof *nm);
	if (n == 0 || store_cursor_open(t, ix, &group, &cur, NULL) != 0)
		return n;
	rec = xmalloc(sizeof *rec);
	while (nm->n < 3 && store_cursor_move(cur, STORE_NEXT) == 0) {
		if (store_cursor_get(cur, rec, NULL) == 0)
			schema_label(s, rec, label, sizeof label);
		else
			snprintf(label, sizeof label, "#%u",
			    store_cursor_id(cur));
		core_names_add(nm, label);
	}
	nm->n = n;
	free(rec);
	store_cursor_close(cur);
	core_names_end(nm);
	return n;
}

/* Meetings naming agency or issue id (no index: meetings are few). */
static size_t
core_meeting_refs(struct store_txn *t, enum entity_kind kind, uint32_t id,
    struct core_names *nm)
{
	struct store_cursor *cur;
	struct meeting *m;

	memset(nm, 0, sizeof *nm);
	if (store_cursor_open(t, IX_MEETING, NULL, &cur, NULL) != 0)
		return 0;
	m = xmalloc(sizeof *m);
	while (store_cursor_move(cur, STORE_NEXT) == 0)
		if (store_cursor_get(cur, m, NULL) == 0 &&
		    ((kind == ENTITY_AGENCY && m->agency == id) ||
		    (kind == ENTITY_ISSUE && m->issue == id)))
			core_names_add(nm, m->title);
	free(m);
	store_cursor_close(cur);
	core_names_end(nm);
	return nm->n;
}

/* Users whose editing scope names agency id. */
static size_t
core_scope_refs(struct store_txn *t, uint32_t id, struct core_names *nm)
{
	struct store_cursor *cur;
	struct user u;
	uint32_t i;

	memset(nm, 0, sizeof *nm);
	if (store_cursor_open(t, IX_USER, NULL, &cur, NULL) != 0)
		return 0;
	while (store_cursor_move(cur, STORE_NEXT) == 0)
		if (store_cursor_get(cur, &u, NULL) == 0)
			for (i = 0; i < u.nscope && i < OGPO_COLLAB_MAX; i++)
				if (u.scope[i] == id) {
					core_names_add(nm, u.login);
					break;
				}
	store_cursor_close(cur);
	core_names_end(nm);
	return nm->n;
}

/* Issues whose PO in charge is officer id. */
static size_t
core_issue_po_refs(struct store_txn *t, uint32_t id, struct core_names *nm)
{
	struct store_cursor *cur;
	struct issue *is;

	memset(nm, 0, sizeof *nm);
	if (store_cursor_open(t, IX_ISSUE, NULL, &cur, NULL) != 0)
		return 0;
	is = xmalloc(sizeof *is);
	while (store_cursor_move(cur, STORE_NEXT) == 0)
		if (store_cursor_get(cur, is, NULL) == 0 && is->po == id)
			core_names_add(nm, is->title);
	free(is);
	store_cursor_close(cur);
	core_names_end(nm);
	return nm->n;
}

/* Progress reports agency id made (no index: a case has a few a year). */
static size_t
core_progress_refs(struct store_txn *t, uint32_t id, struct core_names *nm)
{
	struct store_cursor *cur;
	struct progress *p;
	char label[OGPO_TEXT_MAX + 1];

	memset(nm, 0, sizeof *nm);
	if (store_cursor_open(t, IX_PROGRESS, NULL, &cur, NULL) != 0)
		return 0;
	p = xmalloc(sizeof *p);
	while (store_cursor_move(cur, STORE_NEXT) == 0)
		if (store_cursor_get(cur, p, NULL) == 0 && p->agency == id) {
			schema_label(&schema_progress, p, label, sizeof label);
			core_names_add(nm, label);
		}
	free(p);
	store_cursor_close(cur);
	core_names_end(nm);
	return nm->n;
}

/* Progress reports made at meeting id, and cases it closed. */
static size_t
core_case_meeting_refs(struct store_txn *t, uint32_t id)
{
	struct store_cursor *cur;
	union core_rec *rec = xmalloc(sizeof *rec);
	size_t n = 0;

	if (store_cursor_open(t, IX_PROGRESS, NULL, &cur, NULL) == 0) {
		while (store_cursor_move(cur, STORE_NEXT) == 0)
			if (store_cursor_get(cur, rec, NULL) == 0 &&
			    rec->progress.meeting == id)
				n++;
		store_cursor_close(cur);
	}
	if (store_cursor_open(t, IX_ISSUE, NULL, &cur, NULL) == 0) {
		while (store_cursor_move(cur, STORE_NEXT) == 0)
			if (store_cursor_get(cur, rec, NULL) == 0 &&
			    rec->issue.close_meeting == id)
				n++;
		store_cursor_close(cur);
	}
	free(rec);
	return n;
}

static int
core_id_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* 1 if officer id has a ballot in any vote (one scan a transaction). */
static int
core_has_ballot(struct core *c, struct store_txn *t, uint32_t id)
{
	struct store_cursor *cur;
	struct ballot *b;
	size_t cap = 0;

	if (c->ballot_serial != store_txn_serial(t)) {
		c->ballot_serial = store_txn_serial(t);
		free(c->ballot_officers);
		c->ballot_officers = NULL;
		c->nballot_officers = 0;
		if (store_cursor_open(t, IX_BALLOT, NULL, &cur, NULL) == 0) {
			b = xmalloc(sizeof *b);
			while (store_cursor_move(cur, STORE_NEXT) == 0)
				if (store_cursor_get(cur, b, NULL) == 0) {
					c->ballot_officers = xgrow(
					    c->ballot_officers, &cap,
					    c->nballot_officers + 1,
					    sizeof *c->ballot_officers);
					c->ballot_officers[
					    c->nballot_officers++] =
					    b->officer;
				}
			free(b);
			store_cursor_close(cur);
		}
		if (c->nballot_officers > 0)
			qsort(c->ballot_officers, c->nballot_officers,
			    sizeof *c->ballot_officers, core_id_cmp);
	}
	return c->nballot_officers > 0 && bsearch(&id, c->ballot_officers,
	    c->nballot_officers, sizeof id, core_id_cmp) != NULL;
}

/*
 * Topic votes naming record id (of kind): a case as a candidate or a
 * chosen topic, an agency as a candidate's lead, an officer by a ballot.
 * The vote is the coordinator's: no one else's deletion may leave it
 * naming what is gone (votes are few, one a month).
 */
static size_t
core_vote_refs(struct core *c, struct store_txn *t, enum entity_kind kind,
    uint32_t id, struct core_names *nm)
{
	struct store_cursor *cur, *cc;
	struct vote *v;
	struct candidate *cd;
	uint32_t i;
	int yes;

	memset(nm, 0, sizeof *nm);
	if (kind == ENTITY_OFFICER && !core_has_ballot(c, t, id))
		return 0;
	if (store_cursor_open(t, IX_VOTE, NULL, &cur, NULL) != 0)
		return 0;
	v = xmalloc(sizeof *v);
	cd = xmalloc(sizeof *cd);
	while (store_cursor_move(cur, STORE_NEXT) == 0) {
		if (store_cursor_get(cur, v, NULL) != 0)
			continue;
		yes = 0;
		if (kind == ENTITY_OFFICER)
			yes = core_vote_ballot_of(t, v->h.id, id) != 0;
		for (i = 0; kind == ENTITY_ISSUE && !yes && i < v->nchosen &&
		    i < OGPO_COLLAB_MAX; i++)
			yes = v->chosen[i] == id;
		if (!yes && kind != ENTITY_OFFICER &&
		    store_cursor_open(t, IX_VOTE_CANDIDATE, &v->h.id, &cc,
		    NULL) == 0) {
			while (!yes && store_cursor_move(cc, STORE_NEXT) == 0)
				yes = store_cursor_get(cc, cd, NULL) == 0 &&
				    (kind == ENTITY_ISSUE ? cd->issue :
				    cd->lead) == id;
			store_cursor_close(cc);
		}
		if (yes)
			core_names_add(nm, v->title);
	}
	free(cd);
	free(v);
	store_cursor_close(cur);
	core_names_end(nm);
	return nm->n;
}

/* Read record id of kind into rec, for a delete: gone, it is said so. */
static int
core_delete_read(struct store_txn *t, enum entity_kind kind, uint32_t id,
    union core_rec *rec, char **what)
{
	int rc;

	if ((rc = store_get(t, kind, id, rec, what)) == OGPO_NOTFOUND)
		err_set(what, rc, "%s #%u no longer exists", model_noun(kind),
		    id);
	return rc;
}

/*
 * core_delete_check of the record rec, read as record id of kind. rec is
 * scratch afterwards: a candidate's or ballot's check reads its vote into
 * it.
 */
static int
core_delete_judge(struct core *c, struct store_txn *t, enum entity_kind kind,
    uint32_t id, union core_rec *rec, char **what)
{
	const struct schema *s = schema_of(kind);
	struct core_names a, b, d, e, f, g, p;
	char label[OGPO_TEXT_MAX + 1];
	size_t na, nb, nd, ne, nf, ng, np;
	int rc;

	schema_label(s, rec, label, sizeof label);
	rc = 0;
	switch (kind) {
	case ENTITY_AGENCY:
		na = core_group_names(t, IX_AGENCY_CHILD, id, &a);
		nb = core_group_names(t, IX_OFFICER_AGENCY, id, &b);
		nd = core_group_names(t, IX_AGENCY_ISSUE, id, &d);
		ne = core_meeting_refs(t, ENTITY_AGENCY, id, &e);
		nf = core_scope_refs(t, id, &f);
		ng = core_vote_refs(c, t, ENTITY_AGENCY, id, &g);
		np = core_progress_refs(t, id, &p);
		nd += store_count(t, IX_AGENCY_RESOLUTION, &id);
		if (na + nb + nd + ne + nf + ng + np == 0) {
			err_set(what, 0, "Delete agency %s?", label);
			break;
		}
		{
			struct core_names all;

			memset(&all, 0, sizeof all);
			core_names_part(&all, na, xasprintf(ngettext(
			    "%zu sub-agency", "%zu sub-agencies", na), na), &a);
			core_names_part(&all, nb, xasprintf(ngettext(
			    "%zu officer", "%zu officers", nb), nb), &b);
			core_names_part(&all, nd, xasprintf(ngettext(
			    "%zu issue or resolution",
			    "%zu issues or resolutions", nd), nd), &d);
			core_names_part(&all, ne, xasprintf(ngettext(
			    "%zu convened meeting", "%zu convened meetings",
			    ne), ne), &e);
			core_names_part(&all, nf, xasprintf(ngettext(
			    "%zu user who may edit it",
			    "%zu users who may edit it", nf), nf), &f);
			core_names_part(&all, ng, xasprintf(ngettext(
			    "%zu topic vote with a candidate it leads",
			    "%zu topic votes with candidates it leads", ng),
			    ng), &g);
			core_names_part(&all, np, xasprintf(ngettext(
			    "%zu progress report it made",
			    "%zu progress reports it made", np), np), &p);
			rc = err_set(what, OGPO_DENIED, "%s cannot be deleted: "
			    "it still has %s; move or delete those first",
			    label, all.buf);
		}
		break;
	case ENTITY_OFFICER:
		na = store_count(t, IX_ATTENDANCE_OFFICER, &id);
		nb = core_issue_po_refs(t, id, &b);
		nd = store_count(t, IX_OFFICER_TRAINING, &id) +
		    store_count(t, IX_OFFICER_REWARD, &id);
		if (na + nb + nd == 0 &&
		    (ng = core_vote_refs(c, t, ENTITY_OFFICER, id, &g)) > 0) {
			rc = err_set(what, OGPO_DENIED, ngettext("%s cannot be "
			    "deleted: %s has a ballot in %zu topic vote (%s); "
			    "to keep that history, set an end date instead",
			    "%s cannot be deleted: %s has a ballot in %zu "
			    "topic votes (%s); to keep that history, set an "
			    "end date instead", ng), label, label, ng, g.buf);
			break;
		}
		if (na + nb + nd == 0) {
			err_set(what, 0, "Delete officer %s?", label);
			break;
		}
		{
			/* Only what there is: no "in charge of 0 issues". */
			char *part[3] = { NULL, NULL, NULL }, *x, *all;
			size_t k;

			if (na > 0)
				part[0] = xasprintf(ngettext("is on the "
				    "attendance of %zu meeting", "is on the "
				    "attendance of %zu meetings", na), na);
			if (nb > 0) {
				x = xasprintf(ngettext("is in charge of %zu "
				    "issue", "is in charge of %zu issues", nb),
				    nb);
				part[1] = xasprintf(_("%s (%s)"), x, b.buf);
				free(x);
			}
			if (nd > 0)
				part[2] = xasprintf(ngettext("has %zu training "
				    "or reward record", "has %zu training or "
				    "reward records", nd), nd);
			all = xstrdup("");
			for (k = 0; k < 3; k++) {
				if (part[k] == NULL)
					continue;
				x = xasprintf("%s%s%s", all, *all ? _(", ") :
				    "", part[k]);
				free(all);
				free(part[k]);
				all = x;
			}
			rc = err_set(what, OGPO_DENIED, "%s cannot be deleted: "
			    "%s %s; to keep that history, set an end date "
			    "instead", label, label, all);
			free(all);
		}
		break;
	case ENTITY_TRAINING:
	case ENTITY_REWARD:
		if (kind == ENTITY_TRAINING)
			err_set(what, 0, "Delete the training record %s (%s)?",
			    label, rec->training.date);
		else
			err_set(what, 0, "Delete the reward record %s (%s)?",
			    label, rec->reward.date);
		break;
	case ENTITY_PROGRESS:
		err_set(what, 0, "Delete the progress report of %s?",
		    rec->progress.date);
		break;
	case ENTITY_VOTE:
		na = store_count(t, IX_VOTE_CANDIDATE, &id);
		if (na > 0) {
			rc = err_set(what, OGPO_DENIED, ngettext("vote %s "
			    "cannot be deleted: it has %zu candidate; delete "
			    "it first", "vote %s cannot be deleted: it has "
			    "%zu candidates; delete them first", na), label,
			    na);
			break;
		}
		err_set(what, 0, "Delete vote %s?", label);
		break;
	case ENTITY_CANDIDATE:
	case ENTITY_BALLOT: {
		uint32_t vote = kind == ENTITY_BALLOT ? rec->ballot.vote :
		    rec->candidate.vote;

		if ((nb = store_count(t, IX_VOTE_BALLOT, &vote)) > 0 &&
		    kind == ENTITY_CANDIDATE) {
			rc = err_set(what, OGPO_DENIED, ngettext("candidate "
			    "%s cannot be deleted: vote #%u has %zu ballot "
			    "already", "candidate %s cannot be deleted: vote "
			    "#%u has %zu ballots already", nb), label, vote,
			    nb);
			break;
		}
		if (store_get(t, ENTITY_VOTE, vote, &rec->vote, NULL) == 0 &&
		    rec->vote.status != VOTE_OPEN) {
			rc = err_set(what, OGPO_DENIED, "vote #%u is closed; "
			    "its candidates and ballots stay as they were",
			    vote);
			break;
		}
		if (kind == ENTITY_BALLOT)
			err_set(what, 0, "Delete ballot #%u?", id);
		else
			err_set(what, 0, "Delete candidate %s?", label);
		break;
	}
	case ENTITY_RESOLUTION:
		err_set(what, 0, "Delete resolution %u of meeting #%u (%s)?",
		    rec->resolution.number, rec->resolution.meeting, label);
		break;
	case ENTITY_MEETING:
		if ((nb = store_count(t, IX_MEETING_RESOLUTION, &id)) > 0 ||
		    (nb = core_resolution_decided_at(t, id)) > 0) {
			rc = err_set(what, OGPO_DENIED, ngettext("%s cannot be "
			    "deleted: %zu resolution was made or reviewed "
			    "there; delete it first", "%s cannot be deleted: "
			    "%zu resolutions were made or reviewed there; "
			    "delete them first", nb), label, nb);
			break;
		}
		if ((nb = core_case_meeting_refs(t, id)) != 0) {
			rc = err_set(what, OGPO_DENIED, ngettext("%s cannot be "
			    "deleted: %zu progress report or case decision "
			    "names it", "%s cannot be deleted: %zu progress "
			    "reports or case decisions name it", nb), label,
			    nb);
			break;
		}
		na = store_count(t, IX_ATTENDANCE, &id);
		err_set(what, 0, ngettext("Delete meeting %s (%s) and its "
		    "attendance record of %zu person?", "Delete meeting %s "
		    "(%s) and its attendance records of %zu people?", na),
		    label, rec->meeting.date, na);
		break;
	case ENTITY_ISSUE:
		if ((ng = core_vote_refs(c, t, ENTITY_ISSUE, id, &g)) > 0) {
			rc = err_set(what, OGPO_DENIED, ngettext("case %s cannot "
			    "be deleted: %zu topic vote (%s) has it as a "
			    "candidate or chose it; to end it, set its stage to "
			    "withdrawn", "case %s cannot be deleted: %zu topic "
			    "votes (%s) have it as a candidate or chose it; to "
			    "end it, set its stage to withdrawn", ng), label,
			    ng, g.buf);
			break;
		}
		ne = core_meeting_refs(t, ENTITY_ISSUE, id, &e);
		na = store_count(t, IX_ISSUE_PROGRESS, &id);
		if (ne == 0 && na != 0) {
			rc = err_set(what, OGPO_DENIED, ngettext("case %s cannot "
			    "be deleted: it has %zu progress report; to end it, "
			    "set its stage to withdrawn or closed", "case %s "
			    "cannot be deleted: it has %zu progress reports; to "
			    "end it, set its stage to withdrawn or closed", na),
			    label, na);
			break;
		}
		if (ne == 0 && (nb = core_resolution_issue_refs(t, id)) > 0) {
			rc = err_set(what, OGPO_DENIED, ngettext("%s cannot be "
			    "deleted: %zu resolution is about it; unlink it "
			    "first", "%s cannot be deleted: %zu resolutions "
			    "are about it; unlink them first", nb), label, nb);
			break;
		}
		if (ne == 0) {
			err_set(what, 0, "Delete case %s?", label);
			break;
		}
		rc = err_set(what, OGPO_DENIED, ngettext("%s cannot be "
		    "deleted: %zu meeting (%s) belongs to it; delete or unlink "
		    "it first", "%s cannot be deleted: %zu meetings (%s) belong "
		    "to it; delete or unlink them first", ne), label, ne,
		    e.buf);
		break;
	default:
		rc = err_set(what, OGPO_INVALID, "internal error: cannot "
		    "delete a record of kind %d", (int)kind);
	}
	return rc;
}

int
core_delete_check(struct core *c, struct store_txn *t, enum entity_kind kind,
    uint32_t id, char **what)
{
	union core_rec *rec = xmalloc(sizeof *rec);
	int rc;

	if ((rc = core_delete_read(t, kind, id, rec, what)) == 0)
		rc = core_delete_judge(c, t, kind, id, rec, what);
	free(rec);
	return rc;
}

int
core_delete_ask(struct core *c, struct store_txn *t, enum entity_kind kind,
    uint32_t id, uint32_t *version, char **what)
{
	union core_rec *rec = xmalloc(sizeof *rec);
	int rc;

	*version = 0;
	if ((rc = core_delete_read(t, kind, id, rec, what)) == 0) {
		/* The version before the judging, which may reuse rec. */
		*version = rec->h.version;
		/* Whether this login may delete it at all, before what it
		 * holds. */
		if ((rc = core_may(c, t, kind, rec, NULL, what)) == 0)
			rc = core_delete_judge(c, t, kind, id, rec, what);
	}
	free(rec);
	return rc;
}

/* Remove a meeting's attendance, each removal audited. */
static int
core_delete_attendance(struct core *c, struct store_txn *t, uint32_t meeting,
    char **cause)
{
	struct store_cursor *cur;
	struct attendance at;
	int rc;

	for (;;) {
		if ((rc = store_cursor_open(t, IX_ATTENDANCE, &meeting, &cur,
		    cause)) != 0)
			return rc;
		rc = store_cursor_move(cur, STORE_FIRST);
		if (rc == 0)
			rc = store_cursor_get(cur, &at, cause);
		store_cursor_close(cur);
		if (rc == OGPO_NOTFOUND)
			return 0;
		if (rc != 0)
			return rc;
		if ((rc = store_attendance_del(t, meeting, at.officer,
		    cause)) != 0 ||
		    (rc = core_audit(c, t, ENTITY_ATTENDANCE, AUDIT_DELETE,
		    &at, NULL, cause)) != 0)
			return rc;
	}
}

int
core_delete(struct core *c, struct store_txn *t, enum entity_kind kind,
    uint32_t id, uint32_t version, char **cause)
{
	union core_rec *old;
	char when[32], label[OGPO_TEXT_MAX + 1];
	int rc;

	old = xmalloc(sizeof *old);
	if ((rc = store_get(t, kind, id, old, NULL)) == 0 &&
	    (rc = core_may(c, t, kind, old, NULL, cause)) != 0)
		goto out;
	if (kind == ENTITY_BALLOT)
		c->ballot_serial = 0;	/* core_has_ballot looks again */
	if ((rc = core_delete_check(c, t, kind, id, cause)) != 0)
		goto out;
	if (cause != NULL) {	/* the question for the dialog: not an error */
		free(*cause);
		*cause = NULL;
	}
	if ((rc = store_get(t, kind, id, old, cause)) != 0)
		goto out;
	if (version != 0 && old->h.version != version) {
		schema_label(schema_of(kind), old, label, sizeof label);
		time_show(old->h.updated_at, when, sizeof when);
		rc = err_set(cause, OGPO_CONFLICT, "%s was changed by %s at %s "
		    "since you opened it; look again before deleting", label,
		    old->h.updated_by, when);
		goto out;
	}
	if (kind == ENTITY_MEETING &&
	    (rc = core_delete_attendance(c, t, id, cause)) != 0)
		goto out;
	switch (kind) {
	case ENTITY_AGENCY:
		rc = store_agency_del(t, id, cause);
		break;
	case ENTITY_OFFICER:
		rc = store_officer_del(t, id, cause);
		break;
	case ENTITY_MEETING:
		rc = store_meeting_del(t, id, cause);
		break;
	case ENTITY_TRAINING:
		rc = store_training_del(t, id, cause);
		break;
	case ENTITY_PROGRESS:
		rc = store_progress_del(t, id, cause);
		break;
	case ENTITY_REWARD:
		rc = store_reward_del(t, id, cause);
		break;
	case ENTITY_RESOLUTION:
		rc = store_resolution_del(t, id, cause);
		break;
	case ENTITY_VOTE:
	case ENTITY_CANDIDATE:
	case ENTITY_BALLOT:
		rc = store_vote_rec_del(t, kind, id, cause);
		break;
	case ENTITY_ISSUE:
		rc = store_issue_del(t, id, cause);
		break;
	default:	/* core_delete_check refused it already */
		rc = err_set(cause, OGPO_INVALID, "internal error: cannot "
		    "delete a record of kind %d", (int)kind);
		break;
	}
	if (rc == 0)
		rc = core_audit(c, t, kind, AUDIT_DELETE, old, NULL, cause);
out:
	free(old);
	return rc;
}

int
core_officer_ends(const struct officer *old, const struct officer *o)
{
	return o->end_date[0] != '\0' && (old->end_date[0] == '\0' ||
	    strcmp(o->end_date, old->end_date) < 0);
}

int
core_officer_active(const struct officer *o, const char *date)
{
	if (o->start_date[0] != '\0' && strcmp(o->start_date, date) > 0)
		return 0;
	return o->end_date[0] == '\0' || strcmp(o->end_date, date) >= 0;
}

