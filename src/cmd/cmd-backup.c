/*
 * cmd-backup.c — `ogpo backup DIR`: a hot, compacted copy, consistent
 * while others keep writing.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/cmd.h"

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
	if (store_backup(core_store(c), argv[optind], &cause) != 0) {
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
	    "the copy with: ogpo --db DIR verify\n"),
	.exec = cmd_backup_exec,
};
