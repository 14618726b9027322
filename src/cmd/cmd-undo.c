/*
 * cmd-undo.c — `ogpo undo [CHANGE] [--dry-run]`: take back your last
 * change, or the change holding audit record CHANGE (ogpo audit numbers
 * them), as a new change of its own. Refused, with the reason, when a
 * record moved on since.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/cmd.h"

struct cmd_undo {
	uint64_t		 seq;
	struct core_change	 ch;
	uint64_t		 undo;
};

static int
cmd_undo_txn(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct cmd_undo *u = arg;

	return core_undo(c, t, u->seq, NULL, &u->ch, &u->undo, cause);
}

/* "Took back change 1234 (chen, 2026-01-05 14:02): officer 王小明: …" */
static void
cmd_undo_say(int done, const struct core_change *ch)
{
	char when[32], *line;

	time_show(ch->time, when, sizeof when);
	if (done)
		line = xasprintf(_("Took back change %llu (%s, %s): %s"),
		    (unsigned long long)ch->group, ch->login, when, ch->what);
	else
		line = xasprintf(_("Change %llu (%s, %s) can be taken back: "
		    "%s"), (unsigned long long)ch->group, ch->login, when,
		    ch->what);
	cmd_put_safe(stdout, line);
	fputc('\n', stdout);
	free(line);
}

static int
cmd_undo_exec(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct cmd_undo u;
	struct store_txn *t;
	struct core *c;
	char *cause = NULL, *end;
	int ch, dry = 0, rc;

	memset(&u, 0, sizeof u);
	optind = 1;
	while ((ch = getopt_long(argc, argv, "nh", opts, NULL)) != -1) {
		switch (ch) {
		case 'n':
			dry = 1;
			break;
		case 'h':
			cmd_usage(&cmd_undo_entry, stdout);
			return CMD_OK;
		default:
			cmd_usage(&cmd_undo_entry, stderr);
			return CMD_USAGE;
		}
	}
	if (argc - optind > 1) {
		cmd_usage(&cmd_undo_entry, stderr);
		return CMD_USAGE;
	}
	if (optind < argc) {
		u.seq = strtoull(argv[optind], &end, 10);
		if (*argv[optind] < '0' || *argv[optind] > '9' || *end != '\0' ||
		    u.seq == 0)
			return cmd_error(&cmd_undo_entry, CMD_USAGE, "'%s' is not "
			    "a change number (see the SEQ column of ogpo audit)",
			    argv[optind]);
	}
	if ((c = cmd_open(ctx, 0)) == NULL)
		return CMD_FAIL;
	if (u.seq == 0) {
		if ((rc = store_read_begin(core_store(c), &t, &cause)) == 0) {
			rc = core_change_last(t, core_login(c), &u.ch, &cause);
			store_read_end(t);
		}
		if (rc != 0)
			goto fail;
		u.seq = u.ch.last;
	}
	if (dry) {
		if ((rc = core_undo_check(c, u.seq, &u.ch, &cause)) != 0)
			goto fail;
		cmd_undo_say(0, &u.ch);
	} else {
		if ((rc = core_undo_ready(c, u.seq, &cause)) != 0 ||
		    (rc = core_run(c, cmd_undo_txn, &u, &cause)) != 0)
			goto fail;
		cmd_undo_say(1, &u.ch);
	}
	core_close(c);
	return CMD_OK;

fail:
	cmd_error(&cmd_undo_entry, CMD_FAIL, "%s", cause ? cause :
	    _("failed"));
	free(cause);
	core_close(c);
	return CMD_FAIL;
}

const struct cmd_entry cmd_undo_entry = {
	.name = "undo",
	.args = "[CHANGE] [--dry-run]",
	.summary = N_("Take back your last change, or the change CHANGE."),
	.help = N_("A change is what one save wrote: a form, an end of "
	    "designation with the\nmeetings that follow it, an import. It is "
	    "taken back as a new change,\nrecorded in the audit trail: every "
	    "record gets the value it had before\n(a record it made is "
	    "deleted, one it deleted comes back). Refused, with\nthe reason, "
	    "when a record was changed since, or the change was taken\nback "
	    "already.\n\n"
	    "CHANGE     the number of any of its records in ogpo audit (SEQ); "
	    "without it,\n           your own last change that stands\n"
	    "--dry-run  say whether it can be taken back, and change nothing\n"),
	.exec = cmd_undo_exec,
};
