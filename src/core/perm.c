/*
 * perm.c — who may write what. Every write of core asks here first, so
 * the full-screen program, the command line and an import meet the same
 * rules: an admin writes everything, an editor writes within the agencies
 * of their scope and everything below them, a viewer only reads.
 *
 * The role is read from the user table inside the writing transaction
 * (an admin's change applies at once to everyone) and kept for the rest of
 * that transaction only: an import asks a million times.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core-int.h"

/* Deeper than any agency tree can be (levels 0 to 4): a loop guard. */
#define PERM_DEPTH_MAX	16

/* Load the person's user record for t, unless it is loaded already. */
static void
perm_load(struct core *c, struct store_txn *t)
{
	uint64_t serial = store_txn_serial(t);

	if (c->perm_serial == serial)
		return;
	c->perm_serial = serial;
	c->perm_last = 0;
	memset(&c->perm, 0, sizeof c->perm);
	str_copy(c->perm.login, c->login, sizeof c->perm.login);
	if (store_user_get(t, c->login, &c->perm, NULL) != 0) {
		memset(&c->perm, 0, sizeof c->perm);
		str_copy(c->perm.login, c->login, sizeof c->perm.login);
		c->perm.role = 0;	/* not a user: reads only */
	}
	if (c->root)
		c->perm.role = UROLE_ADMIN;
}

void
core_perm_grant(struct core *c, struct store_txn *t, const struct user *u)
{
	c->perm_serial = store_txn_serial(t);
	c->perm = *u;
	c->perm_last = 0;
}

void
core_perm_forget(struct core *c)
{
	c->perm_serial = 0;
}

int
core_whoami(struct core *c, struct store_txn *t, struct user *u)
{
	perm_load(c, t);
	*u = c->perm;
	if (u->role == 0)
		u->role = UROLE_VIEWER;
	return c->perm.role != 0;
}

int
core_is_admin(struct core *c, int *admin, char **cause)
{
	struct store_txn *t;
	struct user u;
	int rc;

	if ((rc = store_read_begin(c->store, &t, cause)) != 0)
		return rc;
	core_whoami(c, t, &u);
	store_read_end(t);
	*admin = u.role == UROLE_ADMIN;
	return 0;
}

/* "內政部, 交通部 and 3 more": the scope's agencies by name, for
 * messages (a person knows 內政部; few know its code). */
static void
perm_scope_words(struct core *c, struct store_txn *t, char *buf, size_t n)
{
	struct agency a;
	size_t used = 0;
	uint32_t i;

	buf[0] = '\0';
	for (i = 0; i < c->perm.nscope && i < 3; i++) {
		if (store_agency_get(t, c->perm.scope[i], &a, NULL) != 0)
			snprintf(a.name, sizeof a.name, "#%u",
			    c->perm.scope[i]);
		used += (size_t)snprintf(buf + used, n - used, "%s%s",
		    i == 0 ? "" : i + 1 == c->perm.nscope ? _(" and ") : ", ",
		    a.name);
		if (used >= n)
			return;
	}
	if (c->perm.nscope > 3)
		snprintf(buf + used, n - used, _(" and %u more"),
		    c->perm.nscope - 3);
}

int
core_may_write(struct core *c, struct store_txn *t, char **cause)
{
	perm_load(c, t);
	if (c->perm.role == UROLE_ADMIN || c->perm.role == UROLE_EDITOR)
		return 0;
	if (c->perm.role == 0)
		return err_set(cause, OGPO_DENIED, "you (%s) are not a user of "
		    "this database, so you may only read it; an admin can let "
		    "you edit with: ogpo user add %s --role editor --agency "
		    "CODE", c->login, c->login);
	return err_set(cause, OGPO_DENIED, "you (%s) are a viewer and may "
	    "only read; an admin can let you edit with: ogpo user add %s "
	    "--role editor --agency CODE", c->login, c->login);
}

/* 1 if agency id is one of the scope's or lies below one of them. */
static int
perm_in_scope(struct core *c, struct store_txn *t, uint32_t id)
{
	struct agency a;
	uint32_t at = id, i;
	int depth, yes = 0;

	if (id == 0)
		return 0;
	if (c->perm_last == id)
		return c->perm_last_yes;
	for (depth = 0; at != 0 && depth < PERM_DEPTH_MAX && !yes; depth++) {
		for (i = 0; i < c->perm.nscope && i < OGPO_COLLAB_MAX; i++)
			if (c->perm.scope[i] == at)
				yes = 1;
		if (yes || store_agency_get(t, at, &a, NULL) != 0)
			break;
		at = a.parent;
	}
	c->perm_last = id;
	c->perm_last_yes = yes;
	return yes;
}

/* The agency a record of kind belongs to for the scope, or 0. */
static uint32_t
perm_agency_of(struct store_txn *t, enum entity_kind kind, const void *rec)
{
	union {
		struct meeting	 m;
		struct officer	 o;
		struct issue	 is;
	} *u;
	uint32_t id = 0;

	switch (kind) {
	case ENTITY_OFFICER:
		return ((const struct officer *)rec)->agency;
	case ENTITY_ISSUE:
		return ((const struct issue *)rec)->lead;
	case ENTITY_PROGRESS:
		return ((const struct progress *)rec)->agency;
	case ENTITY_MEETING:
		return ((const struct meeting *)rec)->agency;
	default:
		break;
	}
	u = xmalloc(sizeof *u);
	switch (kind) {
	case ENTITY_ATTENDANCE:
		if (store_meeting_get(t, ((const struct attendance *)rec)->meeting,
		    &u->m, NULL) == 0)
			id = u->m.agency;
		break;
	case ENTITY_TRAINING:
		if (store_officer_get(t, ((const struct training *)rec)->officer,
		    &u->o, NULL) == 0)
			id = u->o.agency;
		break;
	case ENTITY_REWARD:
		if (store_officer_get(t, ((const struct reward *)rec)->officer,
		    &u->o, NULL) == 0)
			id = u->o.agency;
		break;
	default:
		break;
	}
	free(u);
	return id;
}

/* The issue an issue meeting (or its attendance) is about, or 0. */
static uint32_t
perm_issue_of(struct store_txn *t, enum entity_kind kind, const void *rec)
{
	struct meeting *m;
	uint32_t id = 0;

	if (kind == ENTITY_MEETING)
		return ((const struct meeting *)rec)->issue;
	if (kind != ENTITY_ATTENDANCE)
		return 0;
	m = xmalloc(sizeof *m);
	if (store_meeting_get(t, ((const struct attendance *)rec)->meeting, m,
	    NULL) == 0)
		id = m->issue;
	free(m);
	return id;
}

/* 1 if the case's lead agency or one of its co-organisers is in scope. */
static int
perm_case_in_scope(struct core *c, struct store_txn *t, uint32_t id)
{
	struct issue *is = xmalloc(sizeof *is);
	uint32_t i;
	int yes = 0;

	if (store_issue_get(t, id, is, NULL) == 0) {
		yes = perm_in_scope(c, t, is->lead);
		for (i = 0; !yes && i < is->ncollab && i < OGPO_COLLAB_MAX; i++)
			yes = perm_in_scope(c, t, is->collab[i]);
	}
	free(is);
	return yes;
}

/* 1 if case id is closed (解除列管); its number (or title) in serial. */
static int
perm_case_closed(struct store_txn *t, uint32_t id, char *serial)
{
	struct issue *is = xmalloc(sizeof *is);
	int yes = 0;

	if (store_issue_get(t, id, is, NULL) == 0 &&
	    is->stage == CASE_CLOSED) {
		str_copy(serial, is->serial[0] ? is->serial : is->title,
		    OGPO_TEXT_MAX + 1);
		yes = 1;
	}
	free(is);
	return yes;
}

/* 1 if rec (of kind) lies within the editor's scope. */
static int
perm_record_in_scope(struct core *c, struct store_txn *t,
    enum entity_kind kind, const void *rec)
{
	const struct agency *a = rec;
	struct issue *is;
	uint32_t issue, i;
	int yes;

	/* Progress is reported by the lead and by the co-organisers, each
	 * its own: one agency does not rewrite what another reported. */
	if (kind == ENTITY_PROGRESS)
		return perm_in_scope(c, t,
		    ((const struct progress *)rec)->agency) &&
		    perm_case_in_scope(c, t,
		    ((const struct progress *)rec)->issue);

	if (kind == ENTITY_AGENCY) {
		/* An agency of the scope itself, or below one (a new
		 * agency by its parent, a moved one by where it goes). */
		for (i = 0; i < c->perm.nscope && i < OGPO_COLLAB_MAX; i++)
			if (a->h.id != 0 && c->perm.scope[i] == a->h.id)
				return 1;
		return perm_in_scope(c, t, a->parent);
	}
	if (kind == ENTITY_RESOLUTION) {
		/* Every owner's: one agency does not release what another
		 * carries (its progress alone is each owner's to report:
		 * perm_resol_part). */
		const struct resolution *r = rec;

		for (i = 0; i < r->nowner && i < OGPO_COLLAB_MAX; i++)
			if (!perm_in_scope(c, t, r->owner[i]))
				return 0;
		return r->nowner > 0;
	}
	if (perm_in_scope(c, t, perm_agency_of(t, kind, rec)))
		return 1;
	/* Meetings they lead include those about issues they lead. */
	if ((issue = perm_issue_of(t, kind, rec)) == 0)
		return 0;
	is = xmalloc(sizeof *is);
	yes = store_issue_get(t, issue, is, NULL) == 0 &&
	    perm_in_scope(c, t, is->lead);
	free(is);
	return yes;
}

/*
 * 1 if the change from old to rec is an editor's mark on a person their
 * agency sent: the same row (meeting, person, agency and role), of an
 * agency in scope. Who came, excused or by proxy, is said by the agency
 * that sent the person, whoever convened the meeting; whom it invites,
 * and the rows of other agencies, stay the convener's.
 */
static int
perm_attend_own(struct core *c, struct store_txn *t,
    const struct attendance *old, const struct attendance *rec)
{
	if (old->meeting != rec->meeting || old->officer != rec->officer ||
	    old->agency != rec->agency || old->role != rec->role ||
	    (old->officer & ATTEND_EXTERNAL) || old->agency == 0)
		return 0;
	return perm_in_scope(c, t, old->agency);
}

/*
 * 1 if the change is part of a designation's handover (core_handover) on
 * a person of an agency in scope: the one leaving taken off a planned
 * meeting after their last day, the successor of the same agency invited
 * in their place. Who holds an agency's designation is the agency's to
 * say, and its invitations follow; whom else a meeting invites stays the
 * convener's.
 */
static int
perm_handover_own(struct core *c, struct store_txn *t,
    const struct attendance *old, const struct attendance *rec)
{
	const struct attendance *at = old != NULL ? old : rec;

	if (!c->handover || (old == NULL) == (rec == NULL) ||
	    (at->officer & ATTEND_EXTERNAL) || at->agency == 0)
		return 0;
	return perm_in_scope(c, t, at->agency);
}

/*
 * 1 if rec is a resolution one of whose owners (not all: that is the
 * whole record) lies in scope. Each owner reports how it stands (辦理情形)
 * every month, whoever else carries it; the rest of it, what was decided,
 * by whom and by when, stays with those who hold every owner.
 */
static int
perm_resol_part(struct core *c, struct store_txn *t, const void *rec)
{
	const struct resolution *r = rec;
	uint32_t i;

	for (i = 0; i < r->nowner && i < OGPO_COLLAB_MAX; i++)
		if (perm_in_scope(c, t, r->owner[i]))
			return 1;
	return 0;
}

/* The first field but the note in which resolutions old and rec differ,
 * or NULL: a change of the progress (辦理情形) alone. */
static const struct field *
perm_resol_other(const void *old, const void *rec)
{
	const struct schema *s = schema_of(ENTITY_RESOLUTION);
	const struct field *f;
	char a[OGPO_NOTE_MAX + 64], b[OGPO_NOTE_MAX + 64];
	size_t i;

	for (i = 0; i < s->nfields; i++) {
		f = &s->fields[i];
		if ((f->flags & FIELD_HEAD) || strcmp(f->name, "note") == 0)
			continue;
		schema_format(f, old, a, sizeof a);
		schema_format(f, rec, b, sizeof b);
		if (strcmp(a, b) != 0)
			return f;
	}
	return NULL;
}

/* "officer 王小明 of 交通部" or "agency 交通部": what lies outside. */
static void
perm_words(struct store_txn *t, enum entity_kind kind, const void *rec,
    char *buf, size_t n)
{
	char label[OGPO_TEXT_MAX + 1];
	struct agency a;
	uint32_t id;

	core_record_label(t, kind, rec, label, sizeof label);
	if (kind == ENTITY_RESOLUTION) {
		const struct resolution *r = rec;
		char owners[256];
		size_t used = 0;
		uint32_t i;

		owners[0] = '\0';
		for (i = 0; i < r->nowner && i < OGPO_COLLAB_MAX &&
		    used < sizeof owners; i++) {
			if (store_agency_get(t, r->owner[i], &a, NULL) != 0)
				snprintf(a.name, sizeof a.name, "#%u",
				    r->owner[i]);
			used += (size_t)snprintf(owners + used,
			    sizeof owners - used, "%s%s", i ? "、" : "",
			    a.name);
		}
		str_utf8_cut(owners);
		snprintf(buf, n, _("%s %s, carried by %s,"), model_noun(kind),
		    label, owners);
		return;
	}
	id = kind == ENTITY_AGENCY ? ((const struct agency *)rec)->parent :
	    perm_agency_of(t, kind, rec);
	if (kind == ENTITY_ATTENDANCE) {
		/* A row has no number of its own: the person and the
		 * meeting, and who convened it. */
		const struct attendance *at = rec;
		char who[OGPO_TEXT_MAX + 32], mt[OGPO_TEXT_MAX + 32];

		if (at->officer & ATTEND_EXTERNAL)
			snprintf(who, sizeof who, "%s", at->name);
		else {
			char name[OGPO_TEXT_MAX + 1];

			/* Whose person: each agency marks its own. */
			core_ref_text(t, ENTITY_OFFICER, at->officer, name,
			    sizeof name);
			if (at->agency != 0 && store_agency_get(t, at->agency,
			    &a, NULL) == 0)
				snprintf(who, sizeof who, _("%s (%s)"), name,
				    a.name);
			else
				snprintf(who, sizeof who, "%s", name);
		}
		core_ref_text(t, ENTITY_MEETING, at->meeting, mt, sizeof mt);
		if (id != 0 && store_agency_get(t, id, &a, NULL) == 0)
			snprintf(buf, n, _("the attendance of %s at %s, "
			    "convened by %s,"), who, mt, a.name);
		else
			snprintf(buf, n, _("the attendance of %s at %s"), who,
			    mt);
		str_utf8_cut(buf);
		return;
	}
	if (id != 0 && store_agency_get(t, id, &a, NULL) == 0)
		snprintf(buf, n, kind == ENTITY_AGENCY ? _("%s %s under %s") :
		    _("%s %s of %s"), model_noun(kind), label, a.name);
	else
		snprintf(buf, n, "%s %s", model_noun(kind), label);
}

/*
 * A change that moves a record from one place in the tree to another
 * (an agency's parent or level, a meeting's convening agency) needs the
 * new place in the editor's own scope: being allowed to edit the record
 * where it is does not carry it out of the scope's tree. An agency at the
 * top of the scope hangs below something outside it, so only an admin
 * moves it, or makes an agency at the top of the tree.
 */
static int
perm_move(struct core *c, struct store_txn *t, enum entity_kind kind,
    const void *old, const void *rec, const char *scope, char **cause)
{
	const struct agency *oa = old, *na = rec;
	const struct meeting *om = old, *nm = rec;
	struct agency a;
	uint32_t i;
	int top = 0;

	for (i = 0; kind == ENTITY_AGENCY && i < c->perm.nscope &&
	    i < OGPO_COLLAB_MAX; i++)
		if (c->perm.scope[i] == oa->h.id)
			top = 1;
	if (kind == ENTITY_AGENCY && (oa->parent != na->parent ||
	    oa->level != na->level) && !perm_in_scope(c, t, na->parent)) {
		if (top || na->parent == 0 || store_agency_get(t, na->parent,
		    &a, NULL) != 0)
			return err_set(cause, OGPO_DENIED, "only an admin may "
			    "move %s or change its level: it is at the top of "
			    "your scope (%s), and moving it would take it out "
			    "of that tree", oa->name, scope);
		return err_set(cause, OGPO_DENIED, "you (%s) may move %s only "
		    "below agencies within %s; %s is outside that",
		    c->login, oa->name, scope, a.name);
	}
	if (kind == ENTITY_MEETING && om->agency != nm->agency &&
	    nm->agency != 0 && !perm_in_scope(c, t, nm->agency)) {
		if (store_agency_get(t, nm->agency, &a, NULL) != 0)
			snprintf(a.name, sizeof a.name, "#%u", nm->agency);
		return err_set(cause, OGPO_DENIED, "you (%s) may have a meeting "
		    "convened only by agencies within %s; %s is outside "
		    "that", c->login, scope, a.name);
	}
	return 0;
}

const char *
core_may_only(struct core *c, struct store_txn *t, enum entity_kind kind,
    const void *rec)
{
	perm_load(c, t);
	if (kind != ENTITY_RESOLUTION || c->perm.role != UROLE_EDITOR ||
	    perm_record_in_scope(c, t, kind, rec) ||
	    !perm_resol_part(c, t, rec))
		return NULL;
	return "note";
}

int
core_may(struct core *c, struct store_txn *t, enum entity_kind kind,
    const void *old, const void *rec, char **cause)
{
	char scope[256], what[2 * OGPO_TEXT_MAX + 64];
	char serial[OGPO_TEXT_MAX + 1];
	int rc;

	if ((rc = core_may_write(c, t, cause)) != 0)
		return rc;
	if (c->perm.role == UROLE_ADMIN)
		return 0;
	/* 解除列管 is the chair's: the coordinator, an admin, records it. */
	if (kind == ENTITY_ISSUE && rec != NULL &&
	    ((const struct issue *)rec)->stage == CASE_CLOSED &&
	    (old == NULL || ((const struct issue *)old)->stage != CASE_CLOSED))
		return err_set(cause, OGPO_DENIED, "only the coordinator (an "
		    "admin) closes a case (解除列管); you (%s) are an editor: "
		    "report the progress and ask for it to be closed at the "
		    "meeting", c->login);
	if (kind == ENTITY_ISSUE && old != NULL &&
	    ((const struct issue *)old)->stage == CASE_CLOSED)
		return err_set(cause, OGPO_DENIED, "case %s is closed; only the "
		    "coordinator (an admin) changes a closed case",
		    ((const struct issue *)old)->serial);
	if (kind == ENTITY_PROGRESS && old != NULL &&
	    perm_case_closed(t, ((const struct progress *)old)->issue,
	    serial))
		return err_set(cause, OGPO_DENIED, "case %s is closed; only the "
		    "coordinator (an admin) changes its progress reports",
		    serial);
	if (kind == ENTITY_USER)
		return err_set(cause, OGPO_DENIED, "only an admin may change "
		    "users; you (%s) are an editor", c->login);
	/* The vote is the coordinator's: a ballot is secret to the rest. */
	if (kind == ENTITY_VOTE || kind == ENTITY_CANDIDATE ||
	    kind == ENTITY_BALLOT)
		return err_set(cause, OGPO_DENIED, "only an admin (the "
		    "network's coordinator) enters topic votes, their "
		    "candidates and ballots; you (%s) are an editor",
		    c->login);
	if (kind == ENTITY_ATTENDANCE && old != NULL && rec != NULL &&
	    perm_attend_own(c, t, old, rec))
		return 0;
	if (kind == ENTITY_ATTENDANCE && perm_handover_own(c, t, old, rec))
		return 0;
	perm_scope_words(c, t, scope, sizeof scope);
	if (kind == ENTITY_RESOLUTION && old != NULL && rec != NULL &&
	    !perm_record_in_scope(c, t, kind, old) &&
	    perm_resol_part(c, t, old)) {
		const struct field *f = perm_resol_other(old, rec);

		if (f == NULL)
			return 0;
		perm_words(t, kind, old, what, sizeof what);
		return err_set(cause, OGPO_DENIED, "you (%s) may change only "
		    "the progress (辦理情形) of %s as one of its owners; its "
		    "field %s is changed by an editor whose scope holds all "
		    "its owners, or by an admin (the coordinator)", c->login,
		    what, _(f->label));
	}
	if (old != NULL && !perm_record_in_scope(c, t, kind, old)) {
		perm_words(t, kind, old, what, sizeof what);
		return err_set(cause, OGPO_DENIED, "you (%s) may edit only "
		    "within %s and the agencies below them; %s is outside "
		    "that", c->login, scope, what);
	}
	if (rec != NULL && !perm_record_in_scope(c, t, kind, rec)) {
		struct agency a;

		perm_words(t, kind, rec, what, sizeof what);
		/* An invitation to another's meeting: say whose it is to
		 * make, so the person knows whom to ask. */
		if (kind == ENTITY_ATTENDANCE && old == NULL &&
		    store_agency_get(t, perm_agency_of(t, kind, rec), &a,
		    NULL) == 0)
			return err_set(cause, OGPO_DENIED, "you (%s) may edit "
			    "only within %s and the agencies below them; %s "
			    "would be outside that: ask %s, who convenes the "
			    "meeting, or an admin to invite them", c->login,
			    scope, what, a.name);
		return err_set(cause, OGPO_DENIED, "you (%s) may edit only "
		    "within %s and the agencies below them; %s would be "
		    "outside that", c->login, scope, what);
	}
	if (old != NULL && rec != NULL)
		return perm_move(c, t, kind, old, rec, scope, cause);
	return 0;
}
