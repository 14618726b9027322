/*
 * audit-tsv.c — print the audit trail of a database for the tests, one
 * record a line: seq, action, entity, id, login, then the fields of the
 * record after the change (before it, for a deletion) as `ogpo list
 * --tsv` writes them. Only records after seq FROM with a second argument.
 *
 *   audit-tsv DIR [FROM]
 */
#include <stdio.h>
#include <stdlib.h>

#include "ogpo/cmd.h"
#include "ogpo/codec.h"
#include "ogpo/core.h"
#include "ogpo/schema.h"

int
main(int argc, char **argv)
{
	struct store_cursor *cur;
	struct store_txn *t;
	struct audit *a;
	struct core *c;
	const struct schema *s;
	unsigned long long from;
	char *cause = NULL;
	void *rec;
	size_t size = 0;
	int rc = 1, k;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: audit-tsv DIR [FROM]\n");
		return 2;
	}
	from = argc == 3 ? strtoull(argv[2], NULL, 10) : 0;
	a = xmalloc(sizeof *a);
	for (k = 1; k <= ENTITY_MAX; k++)
		if (schema_of((enum entity_kind)k) != NULL &&
		    schema_of((enum entity_kind)k)->size > size)
			size = schema_of((enum entity_kind)k)->size;
	rec = xmalloc(size);
	if (core_open(&c, argv[1], 0, &cause) != 0)
		goto fail;
	if (store_read_begin(core_store(c), &t, &cause) != 0)
		goto close;
	if (store_cursor_open(t, IX_AUDIT, NULL, &cur, &cause) != 0)
		goto end;
	rc = 0;
	while (rc == 0 && store_cursor_move(cur, STORE_NEXT) == 0) {
		if ((rc = store_cursor_get(cur, a, &cause)) != 0)
			break;
		if (a->seq <= from)
			continue;
		printf("%llu\t%s\t%s\t%u\t%s", (unsigned long long)a->seq,
		    model_enum_name(&model_audit_actions, a->action),
		    model_enum_name(&model_entities, a->entity), a->id,
		    a->login);
		s = schema_of((enum entity_kind)a->entity);
		if (s != NULL && s != &schema_audit &&
		    (a->action == AUDIT_CREATE || a->action == AUDIT_UPDATE ||
		    a->action == AUDIT_DELETE)) {
			if (a->action == AUDIT_DELETE)
				rc = codec_decode(s, a->before, a->before_len,
				    rec, &cause);
			else
				rc = codec_decode(s, a->after, a->after_len,
				    rec, &cause);
			if (rc != 0)
				break;
			putchar('\t');
			cmd_tsv_row(stdout, s, rec);
		} else
			putchar('\n');
	}
	store_cursor_close(cur);
end:
	store_read_end(t);
close:
	core_close(c);
fail:
	if (cause != NULL)
		fprintf(stderr, "audit-tsv: %s\n", cause);
	free(cause);
	free(rec);
	free(a);
	return rc != 0;
}
