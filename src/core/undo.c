/*
 * undo.c — taking a change back. A change is what one transaction wrote
 * (a form saved, a designation ended with the meetings that follow it, an
 * import): its audit records share a group, the seq of the first. To take
 * it back, every record it touched is given the value it had before it,
 * as a new change of its own that the trail records like any other. It is
 * refused, and nothing is written, when a record moved on since (someone
 * changed it after), and a change is taken back once: the store keeps
 * that fact beside the change, so any number of undos stay known.
 *
 * Memory stays small whatever the change's size (an import of a million
 * rows): the records are walked three times, and which occurrence of a
 * record is its first and its last is kept as marks in the transaction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core-int.h"
#include "ogpo/codec.h"

#define UNDO_NAMES	3	/* records named in a refusal */
#define UNDO_SCAN	100000	/* audit records read to find a deleter */
#define UNDO_REC_MAX	65536	/* room for any record (an issue's ~20 KB) */

uint64_t
core_audit_group(const struct audit *a)
{
	struct import_record ir;

	if (a->group != 0)
		return a->group;
	/* Written before groups were kept: an import's changes are the
	 * range its record names, anything else stands alone. */
	if (a->entity == ENTITY_IMPORT && a->action == AUDIT_IMPORT &&
	    codec_decode(&schema_import, a->after, a->after_len, &ir,
	    NULL) == 0 && ir.first_seq > 0 && ir.first_seq <= ir.last_seq &&
	    ir.last_seq < a->seq)
		return ir.first_seq;
	return a->seq;
}

/* The record's images, decoded (NULL where there is none). */
static int
undo_images(const struct audit *a, void **before, void **after)
{
	const struct schema *s = schema_of(a->entity);

	*before = *after = NULL;
	if (s == NULL)
		return -1;
	if (a->before_len > 0) {
		*before = xcalloc(1, s->size);
		if (codec_decode(s, a->before, a->before_len, *before,
		    NULL) != 0)
			goto fail;
	}
	if (a->after_len > 0) {
		*after = xcalloc(1, s->size);
		if (codec_decode(s, a->after, a->after_len, *after,
		    NULL) != 0)
			goto fail;
	}
	if (*before == NULL && *after == NULL)
		goto fail;
	return 0;
fail:
	free(*before);
	free(*after);
	*before = *after = NULL;
	return -1;
}

/* Does the audit record change a record (not an import's or an undo's)? */
static int
undo_is_data(const struct audit *a)
{
	return a->entity != ENTITY_IMPORT && a->entity != ENTITY_AUDIT &&
	    a->action != AUDIT_UNDO && schema_of(a->entity) != NULL;
}

/* The mark key of the record a changes: phase, kind and its key. */
static void
undo_key(const struct audit *a, const void *img, char phase, char *key,
    size_t n)
{
	if (a->entity == ENTITY_USER)
		snprintf(key, n, "undo%c:%u:%s", phase, a->entity,
		    ((const struct user *)img)->login);
	else
		snprintf(key, n, "undo%c:%u:%u:%u", phase, a->entity, a->id,
		    a->id2);
}

/* 1 if two records (either may be NULL: none) hold the same fields. */
static int
undo_same(enum entity_kind kind, const void *x, const void *y)
{
	const struct schema *s = schema_of(kind);
	struct record_head hx, hy;
	int same;

	if (x == NULL || y == NULL)
		return x == y;
	/* Changed and changed back is as good as untouched: the fields
	 * count, not the version. Both were decoded into zeroed memory. */
	hx = *(const struct record_head *)x;
	hy = *(const struct record_head *)y;
	memset((void *)x, 0, sizeof hx);
	memset((void *)y, 0, sizeof hy);
	same = memcmp(x, y, s->size) == 0;
	*(struct record_head *)x = hx;
	*(struct record_head *)y = hy;
	return same;
}

/* The record in words: "officer 王小明", "王小明 at 2026-01-15 工作會議". */
static void
undo_label(struct store_txn *t, enum entity_kind kind, const void *rec,
    char *buf, size_t n)
{
	char label[OGPO_TEXT_MAX + 1];

	core_record_label(t, kind, rec, label, sizeof label);
	if (kind == ENTITY_ATTENDANCE)
		snprintf(buf, n, "%s", label);
	else
		snprintf(buf, n, "%s %s", model_noun(kind), label);
}

/*
 * Who deleted the record a (the last change of it in the group) since:
 * the first later audit record that deletes it, looked for a while.
 */
static void
undo_deleter(struct store_txn *t, const struct audit *a, uint64_t from,
    char *who, size_t wn, char *when, size_t tn)
{
	struct audit *b = xmalloc(sizeof *b);
	uint64_t seq, end = store_audit_next(t);

	who[0] = when[0] = '\0';
	for (seq = from; seq < end && seq < from + UNDO_SCAN; seq++)
		if (store_audit_get(t, seq, b, NULL) == 0 &&
		    b->action == AUDIT_DELETE && b->entity == a->entity &&
		    b->id == a->id && b->id2 == a->id2) {
			str_copy(who, b->login, wn);
			time_show(b->time, when, tn);
			break;
		}
	free(b);
}

int
core_change_get(struct store_txn *t, uint64_t seq, struct core_change *ch,
    char **cause)
{
	struct audit *a = xmalloc(sizeof *a);
	struct core_audit_text d;
	uint64_t end = store_audit_next(t), s;
	int rc, described = 0;

	memset(ch, 0, sizeof *ch);
	if ((rc = store_audit_get(t, seq, a, cause)) != 0) {
		free(a);
		return rc == OGPO_NOTFOUND ? err_set(cause, rc, "there is no "
		    "change %llu in the audit trail (see ogpo audit)",
		    (unsigned long long)seq) : rc;
	}
	ch->group = core_audit_group(a);
	ch->last = seq;
	if (a->group != 0)
		for (s = seq + 1; s < end; s++) {
			if (store_audit_get(t, s, a, NULL) != 0 ||
			    a->group != ch->group)
				break;
			ch->last = s;
		}
	for (s = ch->group; s <= ch->last; s++) {
		if ((rc = store_audit_get(t, s, a, cause)) != 0)
			break;
		if (s == ch->group) {
			ch->time = a->time;
			str_copy(ch->login, a->login, sizeof ch->login);
		}
		if (a->action == AUDIT_UNDO)
			ch->undo = 1;
		if (a->entity == ENTITY_IMPORT || a->entity == ENTITY_AUDIT ||
		    (undo_is_data(a) && !described)) {
			/* An import or an undo names itself; else the first
			 * record changed says what it was about. */
			core_audit_describe(t, a, &d);
			if (a->entity == ENTITY_IMPORT ||
			    a->entity == ENTITY_AUDIT)
				snprintf(ch->what, sizeof ch->what, "%s",
				    d.what);
			else if (d.changes[0] != '\0')
				snprintf(ch->what, sizeof ch->what,
				    _("%s %s: %s"), model_noun(a->entity),
				    d.what, d.changes);
			else
				snprintf(ch->what, sizeof ch->what, "%s %s",
				    model_noun(a->entity), d.what);
			described = a->entity == ENTITY_IMPORT ||
			    a->entity == ENTITY_AUDIT ? 2 : 1;
		}
		if (undo_is_data(a))
			ch->records++;
	}
	free(a);
	if (rc != 0)
		return rc;
	str_utf8_cut(ch->what);
	if (ch->records > 1 && described == 1) {
		size_t used = strlen(ch->what);

		snprintf(ch->what + used, sizeof ch->what - used, ngettext(
		    " (and %zu more record)", " (and %zu more records)",
		    ch->records - 1), ch->records - 1);
	}
	store_undone_get(t, ch->group, &ch->undone);
	return 0;
}

int
core_change_last(struct store_txn *t, const char *login,
    struct core_change *ch, char **cause)
{
	struct audit *a = xmalloc(sizeof *a);
	uint64_t seq = store_audit_next(t), found = 0, undo;
	int rc;

	while (seq > 1) {
		seq--;
		if ((rc = store_audit_get(t, seq, a, cause)) != 0) {
			free(a);
			return rc;
		}
		/* Before groups were kept, what a change was is unsure:
		 * those are taken back by their number (ogpo undo SEQ). */
		if (a->group == 0)
			break;
		/* Coming from the end, the first record met of a group is
		 * its last: an undo's own record, for an undo. */
		if (strcmp(a->login, login) == 0 && a->action != AUDIT_UNDO &&
		    store_undone_get(t, a->group, &undo) != 0) {
			found = seq;
			break;
		}
		seq = a->group;
	}
	free(a);
	if (found == 0)
		return err_set(cause, OGPO_NOTFOUND, "you (%s) have no change "
		    "left to take back; ogpo audit lists older ones, and ogpo "
		    "undo NUMBER takes one back", login);
	return core_change_get(t, found, ch, cause);
}

struct undo {
	struct core		*c;
	struct store_txn	*t;
	struct core_change	 ch;
	struct audit		*a;
	void			*cur;
	char			 names[1024];
	size_t			 nconflicts;
};

/* Note a record that moved on since the change. */
static void
undo_conflict(struct undo *u, const void *img, const void *now,
    uint64_t seq)
{
	char label[OGPO_TEXT_MAX + 64], who[OGPO_LOGIN_MAX + 1], when[32];
	size_t used = strlen(u->names);

	if (u->nconflicts++ >= UNDO_NAMES)
		return;
	undo_label(u->t, u->a->entity, img, label, sizeof label);
	if (now != NULL) {
		str_copy(who, ((const struct record_head *)now)->updated_by,
		    sizeof who);
		time_show(((const struct record_head *)now)->updated_at,
		    when, sizeof when);
	} else
		undo_deleter(u->t, u->a, seq + 1, who, sizeof who, when,
		    sizeof when);
	if (used > 0)
		used += (size_t)snprintf(u->names + used, sizeof u->names -
		    used, "; ");
	if (used >= sizeof u->names)
		return;
	if (now != NULL)
		snprintf(u->names + used, sizeof u->names - used, _("%s was "
		    "changed by %s at %s after it"), label, who, when);
	else if (who[0] != '\0')
		snprintf(u->names + used, sizeof u->names - used, _("%s was "
		    "deleted by %s at %s after it"), label, who, when);
	else
		snprintf(u->names + used, sizeof u->names - used, _("%s was "
		    "deleted after it"), label);
}

/*
 * Walk the change's data records, forward (or backward, back), calling
 * fn at each record's first (phase 'F') or last (phase 'L') change in
 * the group, with that audit record's images. Phase 0 notes which those
 * are, as marks.
 */
typedef int (*undo_fn)(struct undo *u, uint64_t seq, void *before,
    void *after, char **cause);

static int
undo_walk(struct undo *u, char phase, int back, undo_fn fn, char **cause)
{
	char key[160];
	void *before, *after;
	uint64_t i, n = u->ch.last - u->ch.group + 1, seq;
	uint32_t prev, off;
	int rc = 0;

	for (i = 0; i < n && rc == 0; i++) {
		seq = back ? u->ch.last - i : u->ch.group + i;
		off = (uint32_t)(seq - u->ch.group + 1);
		if ((rc = store_audit_get(u->t, seq, u->a, cause)) != 0)
			break;
		if (!undo_is_data(u->a))
			continue;
		if (undo_images(u->a, &before, &after) != 0) {
			rc = err_set(cause, OGPO_CORRUPT, "audit record %llu "
			    "does not decode; the change cannot be taken "
			    "back", (unsigned long long)seq);
			break;
		}
		if (phase == 0) {
			undo_key(u->a, after ? after : before, 'F', key,
			    sizeof key);
			if (store_mark_peek(u->t, key) == 0)
				rc = store_mark(u->t, key, off, &prev, cause);
			undo_key(u->a, after ? after : before, 'L', key,
			    sizeof key);
			if (rc == 0)
				rc = store_mark(u->t, key, off, &prev, cause);
		} else {
			undo_key(u->a, after ? after : before, phase, key,
			    sizeof key);
			if (store_mark_peek(u->t, key) == off)
				rc = fn(u, seq, before, after, cause);
		}
		free(before);
		free(after);
	}
	return rc;
}

/* At its last change: the record is now as the change left it. */
static int
undo_check_one(struct undo *u, uint64_t seq, void *before, void *after,
    char **cause)
{
	const void *img = after ? after : before;
	int rc;

	rc = core_get_stored(u->t, u->a->entity, img, u->cur, NULL);
	if (rc != 0 && rc != OGPO_NOTFOUND)
		return err_set(cause, rc, "cannot read %s #%u",
		    model_noun(u->a->entity), u->a->id);
	if (!undo_same(u->a->entity, rc == 0 ? u->cur : NULL, after))
		undo_conflict(u, img, rc == 0 ? u->cur : NULL, seq);
	return 0;
}

/*
 * At its first change: the person may put the record back as it was
 * then (the role and scope every write asks for).
 */
static int
undo_may_one(struct undo *u, uint64_t seq, void *before, void *after,
    char **cause)
{
	const void *img = before ? before : after;
	int rc;

	(void)seq;
	rc = core_get_stored(u->t, u->a->entity, img, u->cur, NULL);
	if (rc != 0 && rc != OGPO_NOTFOUND)
		return err_set(cause, rc, "cannot read %s #%u",
		    model_noun(u->a->entity), u->a->id);
	return core_may(u->c, u->t, u->a->entity, rc == 0 ? u->cur : NULL,
	    before, cause);
}

/*
 * Putting records back, at each one's first change in the group, in
 * three passes so that every write meets a database that makes sense:
 * the records the change deleted come back first, newest first (a
 * meeting before its attendance); then those it changed get their values
 * back, oldest first (an agency before the sub-agencies its move
 * relevelled); then the records it made go, newest first (an officer
 * before the agency made for it).
 */
enum undo_pass {
	UNDO_RESTORE = 1,
	UNDO_UPDATE,
	UNDO_DELETE
};

static int
undo_apply(struct undo *u, enum undo_pass pass, void *before, void *after,
    char **cause)
{
	const struct attendance *at;
	const void *img = before ? before : after;
	char label[OGPO_TEXT_MAX + 64];
	int rc, had;

	rc = core_get_stored(u->t, u->a->entity, img, u->cur, NULL);
	if (rc != 0 && rc != OGPO_NOTFOUND)
		return err_set(cause, rc, "cannot read %s #%u",
		    model_noun(u->a->entity), u->a->id);
	had = rc == 0;
	if (before == NULL) {
		/* The change made it: it goes. */
		if (pass != UNDO_DELETE || !had)
			return 0;
		switch (u->a->entity) {
		case ENTITY_ATTENDANCE:
			at = u->cur;
			return core_uninvite(u->c, u->t, at->meeting,
			    at->officer, cause);
		case ENTITY_USER:
			return core_user_remove(u->c, u->t,
			    ((struct user *)u->cur)->login, cause);
		case ENTITY_MEETING:
			/* Not with invitees the change did not bring. */
			if (store_count(u->t, IX_ATTENDANCE, &u->a->id) > 0) {
				undo_label(u->t, ENTITY_MEETING, u->cur, label,
				    sizeof label);
				return err_set(cause, OGPO_DENIED, "%s has "
				    "invitees added after the change; take "
				    "them off first", label);
			}
			/* FALLTHROUGH */
		default:
			return core_delete(u->c, u->t, u->a->entity, u->a->id,
			    0, cause);
		}
	}
	if (pass != (had ? UNDO_UPDATE : UNDO_RESTORE))
		return 0;
	/* It had a value before: back to it, over whatever is there. */
	((struct record_head *)before)->version = had ?
	    ((struct record_head *)u->cur)->version : 0;
	return core_save_flags(u->c, u->t, u->a->entity, before,
	    had ? 0 : CORE_SAVE_RESTORE, cause);
}

static int
undo_restore_one(struct undo *u, uint64_t seq, void *before, void *after,
    char **cause)
{
	(void)seq;
	return undo_apply(u, UNDO_RESTORE, before, after, cause);
}

static int
undo_update_one(struct undo *u, uint64_t seq, void *before, void *after,
    char **cause)
{
	(void)seq;
	return undo_apply(u, UNDO_UPDATE, before, after, cause);
}

static int
undo_delete_one(struct undo *u, uint64_t seq, void *before, void *after,
    char **cause)
{
	(void)seq;
	return undo_apply(u, UNDO_DELETE, before, after, cause);
}

/* Find the change and look at it: is it there to take back? */
static int
undo_start(struct undo *u, uint64_t seq, char **cause)
{
	char when[32];
	int rc;

	if ((rc = core_may_write(u->c, u->t, cause)) != 0)
		return rc;
	if ((rc = core_change_get(u->t, seq, &u->ch, cause)) != 0)
		return rc;
	if (u->ch.undo)
		return err_set(cause, OGPO_INVALID, "change %llu is itself an "
		    "undo; it cannot be taken back",
		    (unsigned long long)u->ch.group);
	if (u->ch.undone != 0) {
		struct audit *a = xmalloc(sizeof *a);

		when[0] = '\0';
		if (store_audit_get(u->t, u->ch.undone, a, NULL) == 0)
			time_show(a->time, when, sizeof when);
		rc = err_set(cause, OGPO_INVALID, "change %llu was taken back "
		    "already, by %s at %s", (unsigned long long)u->ch.group,
		    a->login, when);
		free(a);
		return rc;
	}
	return 0;
}

/* The checks, in t: every record as the change left it. */
static int
undo_checks(struct undo *u, char **cause)
{
	int rc;

	if ((rc = store_marks_clear(u->t, cause)) != 0 ||
	    (rc = undo_walk(u, 0, 0, NULL, cause)) != 0 ||
	    (rc = undo_walk(u, 'L', 0, undo_check_one, cause)) != 0)
		return rc;
	if (u->nconflicts > UNDO_NAMES) {
		size_t used = strlen(u->names);

		snprintf(u->names + used, sizeof u->names - used,
		    ngettext("; and %zu more record", "; and %zu more records",
		    u->nconflicts - UNDO_NAMES), u->nconflicts - UNDO_NAMES);
	}
	if (u->nconflicts > 0)
		return err_set(cause, OGPO_CONFLICT, "%s; take the later "
		    "changes back first, or edit by hand", u->names);
	return undo_walk(u, 'F', 0, undo_may_one, cause);
}

static void
undo_init(struct undo *u, struct core *c, struct store_txn *t)
{
	memset(u, 0, sizeof *u);
	u->c = c;
	u->t = t;
	u->a = xmalloc(sizeof *u->a);
	u->cur = xmalloc(UNDO_REC_MAX);
}

static void
undo_fini(struct undo *u)
{
	store_marks_clear(u->t, NULL);
	free(u->a);
	free(u->cur);
}

struct undo_check {
	uint64_t		 seq;
	struct core_change	 ch;
};

#define UNDO_LOOKED	(-1)	/* the check passed: write nothing */

static int
undo_check_txn(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct undo_check *k = arg;
	struct undo u;
	int rc;

	undo_init(&u, c, t);
	if ((rc = undo_start(&u, k->seq, cause)) == 0)
		rc = undo_checks(&u, cause);
	k->ch = u.ch;
	undo_fini(&u);
	/* The marks were written in the transaction: never committed. */
	return rc == 0 ? UNDO_LOOKED : rc;
}

int
core_undo_check(struct core *c, uint64_t seq, struct core_change *ch,
    char **cause)
{
	struct undo_check k;
	int rc;

	memset(&k, 0, sizeof k);
	k.seq = seq;
	rc = core_dry(c, undo_check_txn, &k, cause);
	if (ch != NULL)
		*ch = k.ch;
	return rc == UNDO_LOOKED ? 0 : rc;
}

int
core_undo_ready(struct core *c, uint64_t seq, char **cause)
{
	int admin, rc;

	if ((rc = core_is_admin(c, &admin, cause)) != 0)
		return rc;
	return admin ? 0 : core_undo_check(c, seq, NULL, cause);
}

int
core_undo(struct core *c, struct store_txn *t, uint64_t seq,
    const struct import_record *ir, struct core_change *ch, uint64_t *undo,
    char **cause)
{
	struct undo u;
	struct audit *a;
	int rc;

	undo_init(&u, c, t);
	if ((rc = undo_start(&u, seq, cause)) == 0 &&
	    (rc = undo_checks(&u, cause)) == 0 &&
	    (rc = undo_walk(&u, 'F', 1, undo_restore_one, cause)) == 0 &&
	    (rc = undo_walk(&u, 'F', 0, undo_update_one, cause)) == 0)
		rc = undo_walk(&u, 'F', 1, undo_delete_one, cause);
	if (ch != NULL)
		*ch = u.ch;
	undo_fini(&u);
	if (rc != 0)
		return rc;
	/* The undo's own record, last of its group, and the fact. */
	a = xcalloc(1, sizeof *a);
	a->time = time_now();
	str_copy(a->login, core_login(c), sizeof a->login);
	a->action = AUDIT_UNDO;
	a->undoes = u.ch.group;
	if (ir != NULL) {
		a->entity = ENTITY_IMPORT;
		a->after_len = codec_encode(&schema_import, ir, a->after,
		    sizeof a->after);
	} else
		a->entity = ENTITY_AUDIT;
	if ((rc = store_audit_append(t, a, cause)) == 0)
		rc = store_undone_put(t, u.ch.group, a->seq, cause);
	if (rc == 0 && undo != NULL)
		*undo = a->seq;
	free(a);
	return rc;
}
