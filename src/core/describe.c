/*
 * describe.c — records and changes in words people read: a reference by
 * the name of what it names, an enum by its label, and an audit record as
 * "who did what to which record, and what changed". The screens, the
 * command line and an import's dry run all say it the same way.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core-int.h"
#include "ogpo/text.h"
#include "ogpo/codec.h"

/*
 * Record id as a person reads it; with as_was, an officer by name alone:
 * an audit record shows a change as it was made, and the title the
 * officer holds today may not be the one they held then.
 */
static void
describe_ref(struct store_txn *t, enum entity_kind kind, uint32_t id,
    char *buf, size_t n, int as_was)
{
	union {
		struct agency	a;
		struct officer	o;
		struct issue	i;
		struct meeting	m;
		struct vote	v;
		struct candidate c;
		struct resolution res;
	} *r;
	char day[16];

	buf[0] = '\0';
	if (id == 0)
		return;
	r = xmalloc(sizeof *r);
	if (kind == ENTITY_AGENCY && store_agency_get(t, id, &r->a, NULL) == 0)
		/* TRANSLATORS: a name and its code or state in brackets,
		   "內政部 (MOI)": Chinese takes the full-width ones. */
		snprintf(buf, n, _("%s (%s)"), r->a.name, r->a.code);
	else if (kind == ENTITY_OFFICER &&
	    store_officer_get(t, id, &r->o, NULL) == 0)
		snprintf(buf, n, as_was ? "%s" : "%s %s", r->o.name,
		    r->o.title);
	else if (kind == ENTITY_ISSUE && store_issue_get(t, id, &r->i,
	    NULL) == 0)
		snprintf(buf, n, "%s %s", r->i.serial[0] ? r->i.serial : "#",
		    r->i.title);
	else if (kind == ENTITY_MEETING && store_meeting_get(t, id, &r->m,
	    NULL) == 0)
		snprintf(buf, n, "%s %s", date_show(r->m.date, day,
		    sizeof day), r->m.title);
	else if (kind == ENTITY_VOTE && store_get(t, kind, id, &r->v,
	    NULL) == 0)
		snprintf(buf, n, "%s", r->v.title);
	else if (kind == ENTITY_CANDIDATE && store_get(t, kind, id, &r->c,
	    NULL) == 0)
		snprintf(buf, n, "%s", r->c.title);
	else if (kind == ENTITY_RESOLUTION && store_get(t, kind, id,
	    &r->res, NULL) == 0)
		snprintf(buf, n, "%u. %s", r->res.number, r->res.text);
	else
		snprintf(buf, n, _("#%u (gone)"), id);
	free(r);
}

void
core_ref_text(struct store_txn *t, enum entity_kind kind, uint32_t id,
    char *buf, size_t n)
{
	describe_ref(t, kind, id, buf, n, 0);
}

void
core_owners_text(struct store_txn *t, const struct resolution *r,
    enum core_owners_as as, const char *sep, char *buf, size_t n)
{
	struct agency a;
	size_t used = 0;
	uint32_t i;

	buf[0] = '\0';
	for (i = 0; i < r->nowner && i < OGPO_COLLAB_MAX && used < n; i++) {
		if (store_agency_get(t, r->owner[i], &a, NULL) != 0) {
			snprintf(a.name, sizeof a.name, "#%u", r->owner[i]);
			snprintf(a.code, sizeof a.code, "#%u", r->owner[i]);
		}
		used += (size_t)snprintf(buf + used, n - used, "%s%s",
		    i ? sep : "", as == CORE_OWNERS_CODE ? a.code : a.name);
	}
	str_utf8_cut(buf);
}

void
core_record_label(struct store_txn *t, enum entity_kind kind,
    const void *rec, char *buf, size_t n)
{
	char who[OGPO_TEXT_MAX + 32], mt[OGPO_TEXT_MAX + 32];
	const struct attendance *at = rec;

	if (kind != ENTITY_ATTENDANCE) {
		schema_label(schema_of(kind), rec, buf, n);
		return;
	}
	if (at->officer & ATTEND_EXTERNAL)
		snprintf(who, sizeof who, "%s", at->name);
	else
		describe_ref(t, ENTITY_OFFICER, at->officer, who, sizeof who,
		    1);
	describe_ref(t, ENTITY_MEETING, at->meeting, mt, sizeof mt, 0);
	/* TRANSLATORS: an attendance record: the person, then the meeting. */
	snprintf(buf, n, _("%s at %s"), who, mt);
	str_utf8_cut(buf);
}

static void
describe_field(struct store_txn *t, const struct field *f, const void *rec,
    char *buf, size_t n, int as_was)
{
	char one[OGPO_TEXT_MAX + 32];
	uint32_t id, count, k, list[OGPO_COLLAB_MAX];
	size_t used;

	buf[0] = '\0';
	if (f->type == FIELD_U32 && f->ref != 0) {
		memcpy(&id, (const char *)rec + f->offset, sizeof id);
		describe_ref(t, f->ref, id, buf, n, as_was);
	} else if (f->type == FIELD_U32 && f->enums == NULL &&
	    strcmp(f->name, "agency") == 0) {
		/* An attendance's agency, kept as it was on the day (no
		 * reference the store holds to): named all the same, where
		 * the audit said 機關 4. */
		memcpy(&id, (const char *)rec + f->offset, sizeof id);
		describe_ref(t, ENTITY_AGENCY, id, buf, n, as_was);
	} else if (f->type == FIELD_U32LIST) {
		memcpy(&count, (const char *)rec + f->count, sizeof count);
		count = count > OGPO_COLLAB_MAX ? OGPO_COLLAB_MAX : count;
		memcpy(list, (const char *)rec + f->offset,
		    count * sizeof *list);
		for (k = 0, used = 0; k < count && used < n; k++) {
			describe_ref(t, f->ref, list[k], one, sizeof one,
			    as_was);
			/* A list (of agencies, of cases) as lists are said
			 * elsewhere: 、 in Chinese; ； parts a change's
			 * fields. */
			used += (size_t)snprintf(buf + used, n - used, "%s%s",
			    k ? _(", ") : "", one);
		}
	} else if (f->form == FORM_COMPETENCIES) {
		memcpy(&id, (const char *)rec + f->offset, sizeof id);
		for (k = 0, used = 0; k < 4 && used < n; k++)
			if (id & (1u << k))
				used += (size_t)snprintf(buf + used, n - used,
				    "%s%s", used ? _(", ") : "",
				    _(model_competence_labels[k]));
	} else if (f->form == FORM_TRIGGERS) {
		memcpy(&id, (const char *)rec + f->offset, sizeof id);
		model_triggers_words(id, buf, n);
	} else if (f->enums != NULL) {
		memcpy(&id, (const char *)rec + f->offset, sizeof id);
		snprintf(buf, n, "%s", id == 0 && f->enums->min != 0 ? "" :
		    _(model_enum_label(f->enums, id)));
		if (strcmp(buf, "-") == 0)
			buf[0] = '\0';
	} else if (f->form == FORM_BOOL) {
		memcpy(&id, (const char *)rec + f->offset, sizeof id);
		snprintf(buf, n, "%s", id ? _("yes") : _("no"));
	} else if (f->form == FORM_DATE)
		date_show((const char *)rec + f->offset, buf, n);
	else
		schema_format(f, rec, buf, n);
}

/*
 * The word for a field in a change: its column name, as `ogpo set` and the
 * TSV call it, where the messages are English; its label, translated, in
 * any other language (a Chinese reader meets 卸任日期, never end_date).
 */
static const char *
describe_field_word(const struct field *f)
{
	return i18n_translated(f->label) ? _(f->label) : f->name;
}

void
core_field_text(struct store_txn *t, const struct field *f, const void *rec,
    char *buf, size_t n)
{
	describe_field(t, f, rec, buf, n, 0);
}

static size_t
describe_diff(struct store_txn *t, enum entity_kind kind, const void *old,
    const void *rec, char *buf, size_t n, int as_was)
{
	const struct schema *s = schema_of(kind);
	char a[OGPO_DESC_MAX + 64], b[OGPO_DESC_MAX + 64];
	size_t i, used = 0, count = 0;

	buf[0] = '\0';
	for (i = 0; i < s->nfields; i++) {
		if (s->fields[i].flags & FIELD_HEAD)
			continue;
		/* Compared as stored first: a re-import of a million rows
		 * looks up no references for the fields that agree. */
		a[0] = b[0] = '\0';
		if (old != NULL)
			schema_format(&s->fields[i], old, a, sizeof a);
		if (rec != NULL)
			schema_format(&s->fields[i], rec, b, sizeof b);
		if (strcmp(a, b) == 0)
			continue;
		if (old != NULL)
			describe_field(t, &s->fields[i], old, a, sizeof a,
			    as_was);
		if (rec != NULL)
			describe_field(t, &s->fields[i], rec, b, sizeof b,
			    as_was);
		if (strcmp(a, b) == 0)	/* "none" and "" read the same */
			continue;
		count++;
		if (used >= n)
			continue;
		if (old == NULL || rec == NULL)	/* a whole record */
			used += (size_t)snprintf(buf + used, n - used,
			    "%s%s %s", used ? _("; ") : "",
			    describe_field_word(&s->fields[i]), old ? a : b);
		else
			used += (size_t)snprintf(buf + used, n - used,
			    "%s%s %s → %s", used ? _("; ") : "",
			    describe_field_word(&s->fields[i]),
			    a[0] ? a : _("(empty)"),
			    b[0] ? b : _("(empty)"));
	}
	return count;
}

size_t
core_diff(struct store_txn *t, enum entity_kind kind, const void *old,
    const void *rec, char *buf, size_t n)
{
	return describe_diff(t, kind, old, rec, buf, n, 0);
}

/* The images of an audit record, decoded; NULL where there is none. */
struct describe_images {
	void	*before, *after;
};

static int
describe_decode(const struct audit *a, struct describe_images *im)
{
	const struct schema *s = schema_of(a->entity);

	im->before = im->after = NULL;
	if (s == NULL || a->entity == ENTITY_IMPORT)
		return -1;
	if (a->before_len > 0) {
		im->before = xcalloc(1, s->size);
		if (codec_decode(s, a->before, a->before_len, im->before,
		    NULL) != 0)
			goto fail;
	}
	if (a->after_len > 0) {
		im->after = xcalloc(1, s->size);
		if (codec_decode(s, a->after, a->after_len, im->after,
		    NULL) != 0)
			goto fail;
	}
	return 0;
fail:
	free(im->before);
	free(im->after);
	im->before = im->after = NULL;
	return -1;
}

void
core_audit_describe(struct store_txn *t, const struct audit *a,
    struct core_audit_text *d)
{
	struct describe_images im;
	struct import_record ir;

	memset(d, 0, sizeof *d);
	if (a->entity == ENTITY_IMPORT) {
		if (codec_decode(&schema_import, a->after, a->after_len, &ir,
		    NULL) != 0) {
			snprintf(d->what, sizeof d->what, _("an import"));
			return;
		}
		if (a->action == AUDIT_UNDO)
			snprintf(d->what, sizeof d->what, _("undo of import "
			    "%llu"), (unsigned long long)ir.undoes);
		else {
			/* Stored clean since; an older record's name is
			 * made so here. */
			char file[sizeof ir.file * 2];

			text_utf8_clean(ir.file, file, sizeof file);
			snprintf(d->what, sizeof d->what, _("import of %s"),
			    file);
		}
		snprintf(d->changes, sizeof d->changes, _("%s: added %u, "
		    "updated %u, unchanged %u, rejected %u"),
		    model_noun(ir.kind), ir.added,
		    ir.updated, ir.unchanged, ir.rejected);
		return;
	}
	if (a->entity == ENTITY_AUDIT) {
		/* An undo: which change it took back, and what that was. */
		struct audit *b = xmalloc(sizeof *b);
		struct core_audit_text e;
		char when[32];
		uint64_t seq;

		snprintf(d->what, sizeof d->what, _("change %llu"),
		    (unsigned long long)a->undoes);
		for (seq = a->undoes; seq > 0 && seq < a->seq; seq++) {
			if (store_audit_get(t, seq, b, NULL) != 0 ||
			    (b->group != 0 && b->group != a->undoes))
				break;
			if (b->entity == ENTITY_AUDIT ||
			    b->entity == ENTITY_IMPORT)
				continue;
			core_audit_describe(t, b, &e);
			time_show(b->time, when, sizeof when);
			snprintf(d->changes, sizeof d->changes, _("taken back: "
			    "%s's change of %s, %s %s: %s"), b->login, when,
			    model_noun(b->entity), e.what, e.changes);
			str_utf8_cut(d->changes);
			break;
		}
		free(b);
		return;
	}
	if (describe_decode(a, &im) != 0) {
		snprintf(d->what, sizeof d->what, "%s #%u",
		    model_noun(a->entity), a->id);
		snprintf(d->changes, sizeof d->changes, _("(the record's "
		    "images do not decode)"));
		return;
	}
	core_record_label(t, a->entity, im.after ? im.after : im.before,
	    d->what, sizeof d->what);
	describe_diff(t, a->entity, im.before, im.after, d->changes,
	    sizeof d->changes, 1);
	free(im.before);
	free(im.after);
}

int
core_audit_visible(struct core *c, struct store_txn *t, const struct audit *a)
{
	struct describe_images im;
	struct user u;
	int yes = 0;

	core_whoami(c, t, &u);
	if (u.role == UROLE_ADMIN || strcmp(a->login, c->login) == 0)
		return 1;
	if (u.role != UROLE_EDITOR || a->entity == ENTITY_USER ||
	    a->entity == ENTITY_IMPORT || describe_decode(a, &im) != 0)
		return 0;
	/* Theirs if the record was, or became, in their scope. */
	if (im.before != NULL)
		yes = core_may(c, t, a->entity, im.before, NULL, NULL) == 0;
	if (!yes && im.after != NULL)
		yes = core_may(c, t, a->entity, NULL, im.after, NULL) == 0;
	free(im.before);
	free(im.after);
	return yes;
}

int
core_audit_match(struct core *c, struct store_txn *t,
    const struct core_audit_filter *f, const struct audit *a)
{
	if (f->login[0] != '\0' && strcmp(a->login, f->login) != 0)
		return 0;
	if (f->entity != 0 && a->entity != f->entity)
		return 0;
	if (f->since != 0 && a->time < f->since)
		return 0;
	if (f->until != 0 && a->time >= f->until)
		return 0;
	return core_audit_visible(c, t, a);
}

uint64_t
core_audit_at(struct store_txn *t, int64_t when)
{
	struct audit *a = xmalloc(sizeof *a);
	uint64_t lo = 1, hi = store_audit_next(t), mid;

	/* Times grow with seq (a clock set back makes this approximate,
	 * never wrong by more than that step). */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (store_audit_get(t, mid, a, NULL) == 0 && a->time < when)
			lo = mid + 1;
		else
			hi = mid;
	}
	free(a);
	return lo;
}
