/*
 * cmd-set.c — `ogpo set KIND ID FIELD=VALUE …`: change fields of one
 * record, through the same checks as the forms.
 */
#include <stdlib.h>
#include <string.h>

#include "ogpo/cmd.h"

struct cmd_set {
	enum entity_kind kind;
	uint32_t	 id;
	int		 argc;
	char		**argv;
	void		*rec;
	uint32_t	 was;	/* the version read */
	const char	*ref;	/* a case's number, resolved in the txn */
};

static int
cmd_set_txn(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct cmd_set *a = arg;
	const struct schema *s = schema_of(a->kind);
	int i, rc;

	if (a->ref != NULL && cmd_case_id(t, a->ref, &a->id) != 0)
		return err_set(cause, OGPO_NOTFOUND, "there is no case "
		    "numbered %s (see ogpo list cases)", a->ref);
	if ((rc = store_get(t, a->kind, a->id, a->rec, cause)) != 0)
		return rc == OGPO_NOTFOUND ? err_set(cause, rc, "there is no "
		    "%s #%u", model_noun(s->kind), a->id) : rc;
	a->was = ((struct record_head *)a->rec)->version;
	for (i = 0; i < a->argc; i++)
		if ((rc = cmd_assign(t, s, a->rec, a->argv[i], cause)) != 0)
			return rc;
	return core_save(c, t, a->kind, a->rec, cause);
}

/* The whole sentence for each kind: a noun glued in reads wrongly. */
static void
cmd_set_done(enum entity_kind kind, unsigned id)
{
	switch (kind) {
	case ENTITY_AGENCY:
		printf(_("Saved agency #%u.\n"), id);
		break;
	case ENTITY_OFFICER:
		printf(_("Saved officer #%u.\n"), id);
		break;
	case ENTITY_MEETING:
		printf(_("Saved meeting #%u.\n"), id);
		break;
	case ENTITY_ISSUE:
		printf(_("Saved case #%u.\n"), id);
		break;
	case ENTITY_PROGRESS:
		printf(_("Saved progress report #%u.\n"), id);
		break;
	case ENTITY_RESOLUTION:
		printf(_("Saved resolution #%u.\n"), id);
		break;
	case ENTITY_VOTE:
		printf(_("Saved vote #%u.\n"), id);
		break;
	case ENTITY_CANDIDATE:
		printf(_("Saved candidate topic #%u.\n"), id);
		break;
	case ENTITY_BALLOT:
		printf(_("Saved ballot #%u.\n"), id);
		break;
	case ENTITY_TRAINING:
		printf(_("Saved training record #%u.\n"), id);
		break;
	default:
		printf(_("Saved reward #%u.\n"), id);
		break;
	}
}

static int
cmd_set_exec(const struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cmd_set a;
	struct core *c;
	char *cause = NULL;
	int rc;

	if (argc >= 2 && strcmp(argv[1], "--help") == 0) {
		cmd_usage(&cmd_set_entry, stdout);
		return CMD_OK;
	}
	if (argc < 4 || (a.kind = cmd_entity(argv[1])) == 0) {
		cmd_usage(&cmd_set_entry, stderr);
		return CMD_USAGE;
	}
	a.ref = NULL;
	if (a.kind == ENTITY_ISSUE && core_serial_parse(argv[2], NULL,
	    NULL) == 0)
		a.ref = argv[2];
	else if (str_to_id(argv[2], &a.id) != 0)
		return cmd_error(&cmd_set_entry, CMD_USAGE, "'%s' is not a "
		    "record number (see the id column of ogpo list %s --tsv)",
		    argv[2], argv[1]);
	a.argc = argc - 3;
	a.argv = argv + 3;
	a.rec = xcalloc(1, schema_of(a.kind)->size);
	if ((c = cmd_open(ctx, 0)) == NULL) {
		free(a.rec);
		return CMD_FAIL;
	}
	rc = core_run(c, cmd_set_txn, &a, &cause);
	if (rc != 0)
		cmd_error(&cmd_set_entry, CMD_FAIL, "%s", cause);
	else if (((struct record_head *)a.rec)->version == a.was)
		printf(_("%s #%u already holds those values; nothing was "
		    "written.\n"), model_noun(a.kind), a.id);
	else
		cmd_set_done(a.kind, a.id);
	if (rc == 0 && a.kind == ENTITY_CANDIDATE)
		cmd_vote_candidate_note(a.rec);
	free(cause);
	free(a.rec);
	core_close(c);
	return rc != 0 ? CMD_FAIL : CMD_OK;
}

const struct cmd_entry cmd_set_entry = {
	.name = "set",
	.args = "agency|officer|meeting|case|training|reward|progress ID "
	    "FIELD=VALUE ...",
	.summary = N_("Change fields of a record, checked as the forms check it."),
	.help = N_("Values are written as for `ogpo add`. Example:\n"
	    "  ogpo set officer 12 end_date=2025-12-31\n"),
	.exec = cmd_set_exec,
};
