/*
 * cmd-backup.c — `ogpo backup DIR`: a hot, compacted copy, consistent
 * while others keep writing.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/cmd.h"

/*
 * A copy holds every record and the whole audit trail, which only an
 * admin may read in full (core_audit_visible): an editor sees the trail
 * of its scope, a viewer its own. So only an admin makes one; the copy
 * is a file of the person's, past any role.
 */
static int
cmd_backup_may(struct core *c, char **cause)
{
	struct store_txn *t;
	struct user u;
	int rc;

	if ((rc = store_read_begin(core_store(c), &t, cause)) != 0)
		return rc;
	core_whoami(c, t, &u);
	store_read_end(t);
	if (u.role == UROLE_ADMIN)
		return 0;
	return err_set(cause, OGPO_DENIED, "only an admin may back up the "
	    "database: a copy holds all of its audit trail, of which you (%s) "
	    "may see only part; ask an admin for a copy", core_login(c));
}

static int
cmd_backup_exec(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct core *c;
	char *cause = NULL, *dir, *to;
	int ch;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'h') {
			cmd_usage(&cmd_backup_entry, stdout);
			return CMD_OK;
		}
		cmd_usage(&cmd_backup_entry, stderr);
		return CMD_USAGE;
	}
	if (optind + 1 != argc) {
		cmd_usage(&cmd_backup_entry, stderr);
		return CMD_USAGE;
	}
	if ((c = cmd_open(ctx, 0)) == NULL)
		return CMD_FAIL;
	if (cmd_backup_may(c, &cause) != 0 ||
	    store_backup(core_store(c), argv[optind], &cause) != 0) {
		cmd_error(&cmd_backup_entry, CMD_FAIL, "%s", cause);
		free(cause);
		core_close(c);
		return CMD_FAIL;
	}
	dir = cmd_safe(store_dir(core_store(c)));
	to = cmd_safe(argv[optind]);
	printf(_("Backed up %s to %s.\n"), dir, to);
	free(to);
	free(dir);
	core_close(c);
	return CMD_OK;
}

const struct cmd_entry cmd_backup_entry = {
	.name = "backup",
	.args = "DIR",
	.summary = N_("Copy the database into DIR, compacted, while others work."),
	.help = N_("DIR is created if missing and must not hold a database. Check\n"
	    "the copy with: ogpo --db DIR verify\n"
	    "Only an admin makes a copy: it holds the whole audit trail.\n"),
	.exec = cmd_backup_exec,
};
