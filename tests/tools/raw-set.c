/*
 * raw-set.c — set text fields of a record straight in the store, past
 * every check of core, as an older ogpo or a damaged database might have
 * left them; for the tests of what listings and screens show. FIELD "*"
 * is every text field of the record but its dates, each given as much of
 * VALUE as fits (cut on a byte: the codec would refuse a cut character,
 * so a cut one is dropped whole).
 *
 *   raw-set DIR agency|officer|meeting|issue|training|reward ID \
 *       FIELD=VALUE ...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/cmd.h"
#include "ogpo/core.h"
#include "ogpo/schema.h"
#include "ogpo/text.h"

struct raw {
	enum entity_kind kind;
	uint32_t	 id;
	int		 argc;
	char		**argv;
	void		*rec;
};

/* Copy as much of v into a field of size bytes as is valid UTF-8. */
static void
raw_copy(char *dst, const char *v, size_t size)
{
	size_t n = strlen(v);

	if (n >= size)
		n = size - 1;
	while (n > 0 && !text_utf8_valid(v, n))
		n--;
	memcpy(dst, v, n);
	dst[n] = '\0';
}

static int
raw_txn(struct store_txn *t, void *arg, char **cause)
{
	struct raw *r = arg;
	const struct schema *s = schema_of(r->kind);
	const struct field *f;
	char *eq;
	size_t i;
	int a, all, rc;

	if ((rc = store_get(t, r->kind, r->id, r->rec, cause)) != 0)
		return rc;
	for (a = 0; a < r->argc; a++) {
		if ((eq = strchr(r->argv[a], '=')) == NULL)
			return err_set(cause, OGPO_INVALID, "not FIELD=VALUE");
		*eq++ = '\0';
		all = strcmp(r->argv[a], "*") == 0;
		for (i = 0; i < s->nfields; i++) {
			f = &s->fields[i];
			if (f->type != FIELD_STR || (f->flags & FIELD_HEAD) ||
			    (all ? f->form == FORM_DATE :
			    strcmp(r->argv[a], f->name) != 0))
				continue;
			raw_copy((char *)r->rec + f->offset, eq, f->size);
		}
	}
	switch (r->kind) {
	case ENTITY_AGENCY:
		return store_agency_put(t, r->rec, cause);
	case ENTITY_OFFICER:
		return store_officer_put(t, r->rec, cause);
	case ENTITY_MEETING:
		return store_meeting_put(t, r->rec, cause);
	case ENTITY_ISSUE:
		return store_issue_put(t, r->rec, cause);
	case ENTITY_TRAINING:
		return store_training_put(t, r->rec, cause);
	case ENTITY_REWARD:
		return store_reward_put(t, r->rec, cause);
	default:
		return err_set(cause, OGPO_INVALID, "not that kind");
	}
}

int
main(int argc, char **argv)
{
	struct raw r;
	struct core *c;
	char *cause = NULL;
	int rc;

	if (argc < 5) {
		fprintf(stderr, "usage: raw-set DIR KIND ID FIELD=VALUE ...\n");
		return 2;
	}
	r.kind = cmd_entity(argv[2]);
	r.id = (uint32_t)strtoul(argv[3], NULL, 10);
	r.argc = argc - 4;
	r.argv = argv + 4;
	r.rec = xcalloc(1, schema_of(r.kind)->size);
	if ((rc = core_open(&c, argv[1], 0, &cause)) == 0) {
		rc = store_write(core_store(c), raw_txn, &r, &cause);
		core_close(c);
	}
	if (rc != 0)
		fprintf(stderr, "raw-set: %s\n", cause);
	free(cause);
	free(r.rec);
	return rc != 0;
}
