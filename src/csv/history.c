/*
 * history.c — past imports and taking one back. An import's audit record
 * names the range of audit records its changes wrote; undoing walks that
 * range backwards, giving every record it touched its earlier self, in
 * one transaction, and refuses where anyone changed a record since.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ogpo/codec.h"
#include "ogpo/import.h"
#include "ogpo/util.h"

#define HISTORY_UNDONE_MAX 1024

int
import_list(struct core *c, int (*fn)(void *arg, uint64_t seq,
    const struct audit *a, const struct import_record *ir, int undone),
    void *arg, char **cause)
{
	struct store_cursor *cur;
	struct store_txn *t;
	struct audit *a = xmalloc(sizeof *a);
	struct import_record ir;
	uint64_t undone[HISTORY_UNDONE_MAX];
	size_t nundone = 0, i;
	int rc, stop = 0, was;

	if ((rc = store_read_begin(core_store(c), &t, cause)) != 0) {
		free(a);
		return rc;
	}
	if ((rc = store_cursor_open(t, IX_AUDIT, NULL, &cur, cause)) != 0)
		goto out;
	/* Newest first: an undo comes before the import it undoes. */
	while (!stop && store_cursor_move(cur, STORE_PREV) == 0) {
		if (store_cursor_get(cur, a, NULL) != 0 ||
		    a->entity != ENTITY_IMPORT ||
		    codec_decode(&schema_import, a->after, a->after_len, &ir,
		    NULL) != 0)
			continue;
		if (a->action == AUDIT_UNDO) {
			if (nundone < HISTORY_UNDONE_MAX)
				undone[nundone++] = ir.undoes;
			continue;
		}
		for (i = 0, was = 0; i < nundone; i++)
			was |= undone[i] == a->seq;
		stop = fn(arg, a->seq, a, &ir, was);
	}
	store_cursor_close(cur);
out:
	store_read_end(t);
	free(a);
	return rc;
}

struct history_pick {
	uint64_t	 want, seq;
	struct import_record ir;
	int		 undone;
};

static int
history_pick(void *arg, uint64_t seq, const struct audit *a,
    const struct import_record *ir, int undone)
{
	struct history_pick *p = arg;

	(void)a;
	if (p->want != 0 ? seq != p->want : undone)
		return 0;
	p->seq = seq;
	p->ir = *ir;
	p->undone = undone;
	return 1;
}

struct history_undo {
	struct history_pick	 pick;
	char			 conflicts[1024];
	size_t			 nconflicts;
};

/* The record an audit record's after-image describes, if still so. */
static int
history_check(struct store_txn *t, const struct audit *a, void *now,
    void *then, int *same)
{
	const struct schema *s = schema_of(a->entity);
	int rc;

	struct record_head hnow, hthen;

	*same = 0;
	if (codec_decode(s, a->after, a->after_len, then, NULL) != 0)
		return OGPO_CORRUPT;
	rc = store_get(t, a->entity, ((struct record_head *)then)->id, now,
	    NULL);
	if (rc != 0)
		return rc;
	/* Changed and changed back is as good as untouched: compare the
	 * fields, not the version. Both were decoded into zeroed structs. */
	hnow = *(struct record_head *)now;
	hthen = *(struct record_head *)then;
	memset(now, 0, sizeof hnow);
	memset(then, 0, sizeof hthen);
	*same = memcmp(now, then, s->size) == 0;
	*(struct record_head *)now = hnow;
	*(struct record_head *)then = hthen;
	return 0;
}

static int
history_undo_txn(struct core *c, struct store_txn *t, void *arg,
    char **cause)
{
	struct history_undo *u = arg;
	struct import_record *ir = &u->pick.ir;
	union {
		struct agency	a;
		struct officer	o;
	} *now = xmalloc(2 * sizeof *now), *then = now + 1;
	struct audit *a = xmalloc(sizeof *a);
	char label[OGPO_NAME_MAX + 16], key[40];
	uint64_t seq, i;
	uint32_t seen;
	size_t used = 0;
	int rc = 0, same, pass;

	u->nconflicts = 0;
	u->conflicts[0] = '\0';
	/* An import's worth of changes: indexes written in sorted batches,
	 * as the import itself wrote them. */
	store_defer(t, 0);
	if ((rc = store_marks_clear(t, cause)) != 0) {
		free(a);
		free(now);
		return rc;
	}
	/*
	 * First look, then act: nothing changes unless all of it can. Then
	 * the updates, oldest first, each record given the values it had
	 * before the import (an agency put back takes its sub-agencies'
	 * levels along); then the records the import made, newest first, so
	 * an officer goes before the agency made for it.
	 */
	for (pass = 0; pass < 3 && rc == 0 && ir->first_seq > 0 &&
	    ir->first_seq <= ir->last_seq; pass++) {
		for (i = 0; i <= ir->last_seq - ir->first_seq && rc == 0;
		    i++) {
			seq = pass == 1 ? ir->first_seq + i : ir->last_seq - i;
			if ((rc = store_audit_get(t, seq, a, cause)) != 0)
				break;
			if (a->entity != ENTITY_OFFICER &&
			    a->entity != ENTITY_AGENCY)
				continue;
			rc = history_check(t, a, now, then, &same);
			if (rc != 0 && rc != OGPO_NOTFOUND)
				break;
			rc = 0;
			/* Each record counts once per pass: in the first,
			 * by its last change; in the second, its first. */
			snprintf(key, sizeof key, "undo%d:%u:%u", pass,
			    a->entity, ((struct record_head *)then)->id);
			if ((rc = store_mark(t, key, 1, &seen, cause)) != 0)
				break;
			if (pass == 0) {
				if (same || seen)
					continue;
				schema_label(schema_of(a->entity), then, label,
				    sizeof label);
				if (used < sizeof u->conflicts)
					used += (size_t)snprintf(u->conflicts +
					    used, sizeof u->conflicts - used,
					    "%s%s", used ? ", " : "", label);
				u->nconflicts++;
			} else if (pass == 1 && a->action == AUDIT_UPDATE &&
			    !seen && rc == 0) {
				if (codec_decode(schema_of(a->entity),
				    a->before, a->before_len, then,
				    cause) != 0) {
					rc = OGPO_CORRUPT;
					break;
				}
				((struct record_head *)then)->version =
				    ((struct record_head *)now)->version;
				rc = core_save(c, t, a->entity, then, cause);
			} else if (pass == 2 && a->action == AUDIT_CREATE &&
			    !seen)
				rc = core_delete(c, t, a->entity,
				    ((struct record_head *)then)->id, 0,
				    cause);
		}
		if (pass == 0 && u->nconflicts > 0)
			rc = err_set(cause, OGPO_CONFLICT, ngettext("the "
			    "import cannot be undone: %zu record was changed "
			    "since (%s); undo those changes first or edit by "
			    "hand", "the import cannot be undone: %zu records "
			    "were changed since (%s); undo those changes first "
			    "or edit by hand", u->nconflicts), u->nconflicts,
			    u->conflicts);
	}
	if (rc == 0)
		rc = store_marks_clear(t, cause);
	if (rc == 0) {
		/* The undo's own record. */
		struct import_record undo = *ir;

		memset(a, 0, sizeof *a);
		undo.undoes = u->pick.seq;
		a->time = (int64_t)time(NULL);
		str_copy(a->login, core_login(c), sizeof a->login);
		a->action = AUDIT_UNDO;
		a->entity = ENTITY_IMPORT;
		a->after_len = codec_encode(&schema_import, &undo, a->after,
		    sizeof a->after);
		rc = store_audit_append(t, a, cause);
	}
	free(a);
	free(now);
	return rc;
}

int
import_undo(struct core *c, uint64_t seq, struct import_record *ir,
    char **cause)
{
	struct history_undo u;
	int rc;

	memset(&u, 0, sizeof u);
	u.pick.want = seq;
	if ((rc = import_list(c, history_pick, &u.pick, cause)) != 0)
		return rc;
	if (u.pick.seq == 0)
		return seq ? err_set(cause, OGPO_NOTFOUND, "there is no import "
		    "%llu; see ogpo import list", (unsigned long long)seq) :
		    err_set(cause, OGPO_NOTFOUND, "there is no import left to "
		    "undo");
	if (u.pick.undone)
		return err_set(cause, OGPO_INVALID, "import %llu was undone "
		    "already", (unsigned long long)u.pick.seq);
	if ((rc = core_run(c, history_undo_txn, &u, cause)) == 0)
		*ir = u.pick.ir;
	return rc;
}
