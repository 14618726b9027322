/*
 * cmd-add.c — `ogpo add agency|officer|meeting|issue FIELD=VALUE …`: add
 * one record from a script, through the same checks as the forms.
 */
#include <stdlib.h>
#include <string.h>

#include "ogpo/cmd.h"

struct cmd_add {
	enum entity_kind kind;
	int		 argc;
	char		**argv;
	void		*rec;
};

static int
cmd_add_txn(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct cmd_add *a = arg;
	const struct schema *s = schema_of(a->kind);
	int i, rc;

	memset(a->rec, 0, s->size);
	for (i = 0; i < a->argc; i++)
		if ((rc = cmd_assign(t, s, a->rec, a->argv[i], cause)) != 0)
			return rc;
	return core_save(c, t, a->kind, a->rec, cause);
}

/* The whole sentence for each kind: a noun glued in reads wrongly. */
static void
cmd_add_done(enum entity_kind kind, unsigned id, const char *label)
{
	switch (kind) {
	case ENTITY_AGENCY:
		printf(_("Added agency #%u %s.\n"), id, label);
		break;
	case ENTITY_OFFICER:
		printf(_("Added officer #%u %s.\n"), id, label);
		break;
	case ENTITY_MEETING:
		printf(_("Added meeting #%u %s.\n"), id, label);
		break;
	case ENTITY_ISSUE:
		printf(_("Added issue #%u %s.\n"), id, label);
		break;
	case ENTITY_TRAINING:
		printf(_("Added training record #%u %s.\n"), id, label);
		break;
	default:
		printf(_("Added reward #%u %s.\n"), id, label);
		break;
	}
}

static int
cmd_add_exec(const struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cmd_add a;
	struct core *c;
	char *cause = NULL, *safe, label[OGPO_TEXT_MAX + 1];
	int rc;

	if (argc >= 2 && strcmp(argv[1], "--help") == 0) {
		cmd_usage(&cmd_add_entry, stdout);
		return CMD_OK;
	}
	if (argc < 2 || (a.kind = cmd_entity(argv[1])) == 0) {
		cmd_usage(&cmd_add_entry, stderr);
		return CMD_USAGE;
	}
	a.argc = argc - 2;
	a.argv = argv + 2;
	a.rec = xcalloc(1, schema_of(a.kind)->size);
	if ((c = cmd_open(ctx, 0)) == NULL) {
		free(a.rec);
		return CMD_FAIL;
	}
	rc = core_run(c, cmd_add_txn, &a, &cause);
	if (rc != 0)
		cmd_error(&cmd_add_entry, CMD_FAIL, "%s", cause);
	else {
		schema_label(schema_of(a.kind), a.rec, label, sizeof label);
		safe = cmd_safe(label);
		cmd_add_done(a.kind, ((struct record_head *)a.rec)->id, safe);
		free(safe);
	}
	free(cause);
	free(a.rec);
	core_close(c);
	return rc != 0 ? CMD_FAIL : CMD_OK;
}

const struct cmd_entry cmd_add_entry = {
	.name = "add",
	.args = "agency|officer|meeting|issue FIELD=VALUE ...",
	.summary = N_("Add a record, checked as the forms check it."),
	.help = N_("FIELD is a column name of `ogpo list KIND --tsv`. Agencies are\n"
	    "named by code (agency=MOI, parent=EY, collab=MOI,MODA), choices\n"
	    "by name (role=po, kind=work, status=planned), yes/no fields by\n"
	    "yes or no. Example:\n"
	    "  ogpo add officer name=王小明 agency=MOI role=po "
	    "email=wang@example.gov.tw\n"),
	.exec = cmd_add_exec,
};
