/*
 * cmd-close.c — `ogpo close NUMBER --meeting ID [--response REF]`: the
 * chair's decision to close a tracked case (解除列管), recorded with the
 * meeting that took it and the agency's public response.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/cmd.h"

struct cmd_close {
	const char	*ref;
	uint32_t	 meeting;
	const char	*response, *responded;
	struct issue	*is;
};

static int
cmd_close_txn(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct cmd_close *a = arg;
	const char *why = "";
	uint32_t id;
	int rc;

	if (cmd_case_id(t, a->ref, &id) != 0 ||
	    (rc = store_issue_get(t, id, a->is, cause)) == OGPO_NOTFOUND)
		return err_set(cause, OGPO_NOTFOUND, "there is no case '%s' "
		    "(see ogpo list cases)", a->ref);
	if (rc != 0)
		return rc;
	if (a->is->stage == CASE_CLOSED)
		return err_set(cause, OGPO_INVALID, "case %s is closed already",
		    a->is->serial);
	a->is->stage = CASE_CLOSED;
	a->is->close_meeting = a->meeting;
	if (a->response != NULL && str_copy(a->is->response, a->response,
	    sizeof a->is->response) != 0)
		return err_set(cause, OGPO_INVALID, "--response is too long: "
		    "at most %zu bytes", sizeof a->is->response - 1);
	if (a->responded != NULL && date_parse(a->responded,
	    a->is->responded, &why) != 0)
		return err_set(cause, OGPO_INVALID, "--responded '%s' %s",
		    a->responded, why);
	return core_save(c, t, ENTITY_ISSUE, a->is, cause);
}

static int
cmd_close_exec(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "meeting", required_argument, NULL, 'm' },
		{ "response", required_argument, NULL, 'r' },
		{ "responded", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct cmd_close a;
	struct core *c;
	char *cause = NULL, *safe;
	int ch, rc;

	memset(&a, 0, sizeof a);
	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'm':
			if (str_to_id(optarg, &a.meeting) != 0)
				return cmd_error(&cmd_close_entry, CMD_USAGE,
				    "--meeting '%s' is not a meeting's number "
				    "(see the ID column of ogpo list meetings)",
				    optarg);
			break;
		case 'r':
			a.response = optarg;
			break;
		case 'd':
			a.responded = optarg;
			break;
		case 'h':
			cmd_usage(&cmd_close_entry, stdout);
			return CMD_OK;
		default:
			cmd_usage(&cmd_close_entry, stderr);
			return CMD_USAGE;
		}
	}
	if (optind + 1 != argc) {
		cmd_usage(&cmd_close_entry, stderr);
		return CMD_USAGE;
	}
	a.ref = argv[optind];
	if ((c = cmd_open(ctx, 0)) == NULL)
		return CMD_FAIL;
	a.is = xmalloc(sizeof *a.is);
	rc = core_run(c, cmd_close_txn, &a, &cause);
	if (rc != 0)
		cmd_error(&cmd_close_entry, CMD_FAIL, "%s", cause);
	else {
		/* One sentence, for the translation's own full stop. */
		safe = cmd_safe(a.is->title);
		printf(_("Closed case %s %s.\n"), a.is->serial, safe);
		free(safe);
	}
	free(a.is);
	free(cause);
	core_close(c);
	return rc != 0 ? CMD_FAIL : CMD_OK;
}

const struct cmd_entry cmd_close_entry = {
	.name = "close",
	.args = "NUMBER --meeting ID [--response LINK] [--responded DATE]",
	.summary = N_("Close a tracked case (解除列管) by a meeting's decision."),
	.help = N_("NUMBER is the case's number (115-07) or id. --meeting names "
	    "the meeting\nwhose chair decided to close it. A case from a Join "
	    "proposal is closed\nonly once the agency's public response is "
	    "recorded: give its link or\nreference with --response (and the "
	    "day it was public with --responded,\nelse today). Only the "
	    "coordinator (an admin) closes a case.\n"),
	.exec = cmd_close_exec,
};
