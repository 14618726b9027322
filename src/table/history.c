/*
 * history.c — past imports and taking one back. An import is one change
 * of the audit trail (core_change): its records and the import record
 * that names them share a group. Undoing it is core_undo over that
 * group, like any other change: every record it touched gets its earlier
 * self, in one transaction, refused where anyone changed a record since;
 * that it was undone is a fact the store keeps beside it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/codec.h"
#include "ogpo/import.h"
#include "ogpo/util.h"

int
import_list(struct core *c, int (*fn)(void *arg, uint64_t seq,
    const struct audit *a, const struct import_record *ir, int undone),
    void *arg, char **cause)
{
	struct store_cursor *cur;
	struct store_txn *t;
	struct audit *a = xmalloc(sizeof *a);
	struct import_record ir;
	uint64_t undo;
	int rc, stop = 0;

	if ((rc = store_read_begin(core_store(c), &t, cause)) != 0) {
		free(a);
		return rc;
	}
	if ((rc = store_cursor_open(t, IX_AUDIT, NULL, &cur, cause)) != 0)
		goto out;
	/* Newest first. */
	while (!stop && store_cursor_move(cur, STORE_PREV) == 0) {
		/* An import is a record of the audit trail: each person
		 * sees those the trail shows them (an admin all, anyone
		 * else their own), so "the last one" is their own too. */
		if (store_cursor_get(cur, a, NULL) != 0 ||
		    a->entity != ENTITY_IMPORT || a->action != AUDIT_IMPORT ||
		    !core_audit_visible(c, t, a) ||
		    codec_decode(&schema_import, a->after, a->after_len, &ir,
		    NULL) != 0)
			continue;
		stop = fn(arg, a->seq, a, &ir, store_undone_get(t,
		    core_audit_group(a), &undo) == 0);
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

static int
history_undo_txn(struct core *c, struct store_txn *t, void *arg,
    char **cause)
{
	struct history_pick *p = arg;
	struct import_record undo = p->ir;
	int rc;

	/* The undo's record names the import it took back. An import's
	 * worth of changes: indexes written in sorted batches, as the
	 * import itself wrote them. */
	undo.undoes = p->seq;
	store_defer(t, 0);
	if ((rc = core_undo(c, t, p->seq, &undo, NULL, NULL, cause)) ==
	    OGPO_CONFLICT)
		err_prefix(cause, rc, "the import cannot be undone");
	return rc;
}

int
import_undo(struct core *c, uint64_t seq, struct import_record *ir,
    char **cause)
{
	struct history_pick p;
	int rc;

	memset(&p, 0, sizeof p);
	p.want = seq;
	if ((rc = import_list(c, history_pick, &p, cause)) != 0)
		return rc;
	if (p.seq == 0)
		return seq ? err_set(cause, OGPO_NOTFOUND, "there is no import "
		    "%llu; see ogpo import list", (unsigned long long)seq) :
		    err_set(cause, OGPO_NOTFOUND, "there is no import left to "
		    "undo");
	if (p.undone)
		return err_set(cause, OGPO_INVALID, "import %llu was undone "
		    "already", (unsigned long long)p.seq);
	if ((rc = core_undo_ready(c, p.seq, cause)) != 0) {
		if (rc == OGPO_CONFLICT)
			err_prefix(cause, rc, "the import cannot be undone");
		return rc;
	}
	if ((rc = core_run(c, history_undo_txn, &p, cause)) == 0)
		*ir = p.ir;
	return rc;
}
