/*
 * cmd-init.c — `ogpo init [--demo]`: create the database, optionally
 * filled with demo data.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ogpo/cmd.h"
#include "ogpo/priv.h"

/* Take back a database init made, so that trying again works. */
static void
cmd_init_remove(const char *dir, int had_dir)
{
	char *path;

	priv_enter();
	path = xasprintf("%s/data.mdb", dir);
	unlink(path);
	free(path);
	path = xasprintf("%s/lock.mdb", dir);
	unlink(path);
	free(path);
	if (!had_dir)
		rmdir(dir);
	priv_leave();
}

static int
cmd_init_exec(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "demo", no_argument, NULL, 'd' },
		{ "admin", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct store_stats st;
	struct core *c;
	struct stat sb;
	const char *origin;
	char *dir, *path, *cause = NULL, *shown, *login, *votes;
	const char *admin = NULL;
	int ch, demo = 0, exists, had_dir;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			demo = 1;
			break;
		case 'a':
			admin = optarg;
			break;
		case 'h':
			cmd_usage(&cmd_init_entry, stdout);
			return CMD_OK;
		default:
			cmd_usage(&cmd_init_entry, stderr);
			return CMD_USAGE;
		}
	}
	if (optind != argc) {
		cmd_usage(&cmd_init_entry, stderr);
		return CMD_USAGE;
	}
	if ((dir = core_default_dir(ctx->db_flag, &origin, &cause)) == NULL) {
		cmd_error(&cmd_init_entry, CMD_FAIL, "%s", cause);
		free(cause);
		return CMD_FAIL;
	}
	path = xasprintf("%s/data.mdb", dir);
	priv_enter();
	exists = stat(path, &sb) == 0;
	had_dir = stat(dir, &sb) == 0;
	priv_leave();
	free(path);
	if (exists) {
		cmd_error(&cmd_init_entry, CMD_FAIL, "%s already holds a "
		    "database; nothing was changed", dir);
		free(dir);
		return CMD_FAIL;
	}
	if (core_init(&c, dir, admin, &cause) != 0) {
		cmd_error(&cmd_init_entry, CMD_FAIL, "%s", cause);
		free(cause);
		free(dir);
		return CMD_FAIL;
	}
	if (demo && core_demo(c, &cause) != 0) {
		cmd_error(&cmd_init_entry, CMD_FAIL, "%s; nothing was left "
		    "behind", cause);
		free(cause);
		core_close(c);
		cmd_init_remove(dir, had_dir);
		free(dir);
		return CMD_FAIL;
	}
	store_stats(core_store(c), &st, NULL);
	shown = cmd_safe(dir);
	login = cmd_safe(admin != NULL ? admin : core_login(c));
	/* core.c names its own choice untranslated (N_): its word. */
	printf(_("Created the database in %s (%s), %s is its admin.\n"),
	    shown, strcmp(origin, "the default") == 0 ? _(origin) : origin,
	    login);
	free(login);
	free(shown);
	if (demo) {
		votes = xasprintf(ngettext("%zu topic vote with %zu ballots",
		    "%zu topic votes with %zu ballots",
		    st.records[ENTITY_VOTE]), st.records[ENTITY_VOTE],
		    st.records[ENTITY_BALLOT]);
		printf(_("Demo data: %zu agencies, %zu officers, %zu meetings, "
		    "%zu attendance records, %zu tracked cases with %zu "
		    "progress reports, %zu resolutions, %s.\n"),
		    st.records[ENTITY_AGENCY], st.records[ENTITY_OFFICER],
		    st.records[ENTITY_MEETING], st.records[ENTITY_ATTENDANCE],
		    st.records[ENTITY_ISSUE], st.records[ENTITY_PROGRESS],
		    st.records[ENTITY_RESOLUTION], votes);
		free(votes);
	}
	core_close(c);
	free(dir);
	return CMD_OK;
}

const struct cmd_entry cmd_init_entry = {
	.name = "init",
	.args = "[--demo] [--admin LOGIN]",
	.summary = N_("Create a new database (with --demo, filled with demo data)."),
	.help = N_("The directory is --db DIR, else $OGPO_DB, else the db line of\n"
	    "/etc/ogpo.conf, else ~/.local/share/ogpo. The user who creates\n"
	    "the database becomes its first admin, or with --admin LOGIN that\n"
	    "login does. The shared database (the db line of /etc/ogpo.conf)\n"
	    "is made by root alone: ogpo init --admin LOGIN. An existing\n"
	    "database is never touched.\n"),
	.exec = cmd_init_exec,
};
