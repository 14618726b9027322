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
	int		 invite;	/* --invite proposed: point 7's list */
	size_t		 invited;
};

/* Invite whom point 7 says the new meeting is for, as the screen
 * proposes them, in the meeting's own transaction. */
static int
cmd_add_invite(struct core *c, struct store_txn *t, struct cmd_add *a,
    char **cause)
{
	const struct meeting *m = a->rec;
	size_t max = store_count(t, IX_OFFICER, NULL) + 1, n, i;
	uint32_t *ids = xcalloc(max, sizeof *ids);
	int rc = 0;

	n = core_propose_invitees(t, m, ids, max);
	for (i = 0; i < n && rc == 0; i++)
		rc = core_invite(c, t, m->h.id, ids[i], cause);
	a->invited = rc == 0 ? n : 0;
	free(ids);
	return rc;
}

static int
cmd_add_txn(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct cmd_add *a = arg;
	const struct schema *s = schema_of(a->kind);
	int i, rc;

	memset(a->rec, 0, s->size);
	/* A new meeting is planned unless told otherwise, as its form on
	 * the screen starts it. */
	if (a->kind == ENTITY_MEETING)
		((struct meeting *)a->rec)->status = MEETING_PLANNED;
	for (i = 0; i < a->argc; i++)
		if ((rc = cmd_assign(t, s, a->rec, a->argv[i], cause)) != 0)
			return rc;
	if ((rc = core_save(c, t, a->kind, a->rec, cause)) != 0 ||
	    !a->invite)
		return rc;
	return cmd_add_invite(c, t, a, cause);
}

/* The whole sentence for each kind: a noun glued in reads wrongly. */
static void
cmd_add_done(enum entity_kind kind, const void *rec, const char *label)
{
	unsigned id = ((const struct record_head *)rec)->id;

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
		printf(_("Added case #%u %s, case number %s.\n"), id, label,
		    ((const struct issue *)rec)->serial);
		break;
	case ENTITY_TRAINING:
		printf(_("Added training record #%u %s.\n"), id, label);
		break;
	case ENTITY_PROGRESS:
		printf(_("Added progress report #%u %s.\n"), id, label);
		break;
	case ENTITY_RESOLUTION:
		printf(_("Added resolution #%u %s.\n"), id, label);
		break;
	case ENTITY_VOTE:
		printf(_("Added vote #%u %s.\n"), id, label);
		break;
	case ENTITY_CANDIDATE:
		printf(_("Added candidate topic #%u %s.\n"), id, label);
		break;
	case ENTITY_BALLOT:
		printf(_("Added ballot #%u %s.\n"), id, label);
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
	a.invite = 0;
	a.invited = 0;
	/* --invite proposed, anywhere among the fields. */
	for (int i = 0; i < a.argc; i++) {
		const char *v = NULL;
		int take = 1;

		if (strcmp(a.argv[i], "--invite") == 0) {
			v = i + 1 < a.argc ? a.argv[i + 1] : "";
			take = 2;
		} else if (strncmp(a.argv[i], "--invite=", 9) == 0)
			v = a.argv[i] + 9;
		else
			continue;
		if (strcmp(v, "proposed") != 0)
			return cmd_error(&cmd_add_entry, CMD_USAGE, "--invite "
			    "takes proposed (whom point 7 says the meeting is "
			    "for), not '%s'", v);
		if (a.kind != ENTITY_MEETING)
			return cmd_error(&cmd_add_entry, CMD_USAGE, "--invite "
			    "is for meetings only");
		a.invite = 1;
		memmove(a.argv + i, a.argv + i + take, (size_t)(a.argc - i -
		    take + 1) * sizeof *a.argv);
		a.argc -= take;
		i--;
	}
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
		cmd_add_done(a.kind, a.rec, safe);
		free(safe);
		if (a.kind == ENTITY_CANDIDATE)
			cmd_vote_candidate_note(a.rec);
		if (a.invite)
			printf(ngettext("Invited %zu officer, as point 7 "
			    "proposes.\n", "Invited %zu officers, as point 7 "
			    "proposes.\n", a.invited), a.invited);
	}
	free(cause);
	free(a.rec);
	core_close(c);
	return rc != 0 ? CMD_FAIL : CMD_OK;
}

const struct cmd_entry cmd_add_entry = {
	.name = "add",
	.args = "agency|officer|meeting|case|training|reward|progress|"
	    "resolution FIELD=VALUE ... [--invite proposed]",
	.summary = N_("Add a record, checked as the forms check it."),
	.help = N_("FIELD is a column name of `ogpo list KIND --tsv`. Agencies are\n"
	    "named by code (agency=MOI, parent=EY, collab=MOI,MODA), choices\n"
	    "by name (role=po, kind=work, status=planned), yes/no fields by\n"
	    "yes or no. Example:\n"
	    "  ogpo add officer name=王小明 agency=MOI role=po "
	    "email=wang@example.gov.tw\n"
	    "  ogpo add case title=… lead=MOTC source=join join_no=… "
	    "passed=2026-03-02\n"
	    "  ogpo add progress issue=115-07 agency=MOTC date=2026-04-01 "
	    "text=…\n"
	    "A case (issue is the older name) takes the next number of the "
	    "year;\nits stage is one of proposed, selected, working, "
	    "premeeting,\ncollaboration, response, closed, withdrawn.\n"
	    "A meeting with --invite proposed invites whom point 7 says it "
	    "is for,\nas the meeting screen proposes them: the supervisors "
	    "of the level-2\nagencies (policy), their POs (work), or the "
	    "POs of the issue's agencies\n(issue).\n"),
	.exec = cmd_add_exec,
};
