/*
 * main.c — ogpo's entry: global options, then one subcommand from the
 * table below, or the full-screen program when there is none.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/cmd.h"
#include "ogpo/config.h"
#include "ogpo/i18n.h"
#include "ogpo/priv.h"
#include "ogpo/spool.h"
#include "ogpo/ui.h"

static const struct cmd_entry *const main_cmds[] = {
	&cmd_init_entry,
	&cmd_list_entry,
	&cmd_verify_entry,
	&cmd_backup_entry,
	&cmd_add_entry,
	&cmd_set_entry,
	&cmd_delete_entry,
	&cmd_import_entry,
	&cmd_check_entry,
	&cmd_due_entry,
	&cmd_close_entry,
	&cmd_export_entry,
	&cmd_user_entry,
	&cmd_audit_entry,
	&cmd_undo_entry,
	&cmd_vote_entry,
	&cmd_doctor_entry,
	&cmd_who_entry,
};
#define MAIN_NCMDS (sizeof main_cmds / sizeof main_cmds[0])

static void
main_usage(FILE *f)
{
	size_t i;

	fprintf(f, _("usage: ogpo [--db DIR] [--keymap NAME|PATH]\n"
	    "       ogpo [--db DIR] COMMAND [ARGS]\n"
	    "       ogpo --print-config | --version | --help\n"
	    "       ogpo help [COMMAND]\n\n"
	    "With no command, ogpo opens the full-screen program.\n\n"
	    "Commands:\n"));
	for (i = 0; i < MAIN_NCMDS; i++)
		fprintf(f, "  %-8s %s\n", main_cmds[i]->name,
		    _(main_cmds[i]->summary));
	fprintf(f, _("\nOptions:\n"
	    "  --db DIR          the database directory (else $OGPO_DB, the db\n"
	    "                    line of /etc/ogpo.conf, ~/.local/share/ogpo)\n"
	    "  --keymap NAME     default, vi, emacs, or a keymap file's path\n"
	    "  --print-config    every setting, its value and where it came from\n"
	    "  --version         print the version\n"
	    "  --help            this text; ogpo help COMMAND (or ogpo "
	    "COMMAND --help)\n"
	    "                    for one command\n"));
}

/* Tell the settings' problems on stderr, escaped: the lines are data. */
static void
main_config_problems(void)
{
	const char *p = config_problems(), *nl;
	char *line;

	for (; p != NULL && *p != '\0'; p = nl ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		line = nl ? xasprintf("%.*s", (int)(nl - p), p) : xstrdup(p);
		fputs("ogpo: ", stderr);
		cmd_put_safe(stderr, line);
		fputc('\n', stderr);
		free(line);
	}
}

/*
 * Print every setting in the settings' own syntax, so the output can
 * start a config file: its help, "key = value" and where that came from.
 */
static int
main_print_config(const struct cmd_ctx *ctx)
{
	const struct config_key *k;
	const char *value, *origin;
	char *line, *full, *dir, *cause = NULL, *user = config_path();
	size_t i;

	printf(_("# ogpo's settings in force and where each came from.\n"
	    "# Read from %s, then %s (later wins).\n"), config_system_path(),
	    user);
	free(user);
	for (i = 0; i < config_nkeys; i++) {
		k = &config_keys[i];
		value = config_get(k->name);
		origin = config_origin(k->name);
		dir = NULL;
		if (strcmp(k->name, "db") == 0) {
			/* The directory ogpo would open, as it would find it. */
			dir = core_default_dir(ctx->db_flag, &origin, &cause);
			value = dir;
			if (dir == NULL) {
				origin = cause;
				value = "";
			} else if (strcmp(origin, "the default") == 0)
				origin = "default";
		}
		printf("\n# %s\n", _(k->help));
		if (k->choices != NULL || (k->flags & CONFIG_SYSTEM))
			printf("# %s%s%s\n", k->choices ? k->choices : "",
			    k->choices && (k->flags & CONFIG_SYSTEM) ? "; " :
			    "", k->flags & CONFIG_SYSTEM ? _("only the system's "
			    "file sets it") : "");
		line = value != NULL ? xasprintf("%s = %s", k->name, value) :
		    xasprintf("# %s =", k->name);
		/* Where it came from, in the reader's words when it is
		 * ogpo's own default (a file, an option or a variable is
		 * named as it is written). */
		if (strcmp(origin, "default") == 0)
			origin = C_("origin", "default");
		full = xasprintf("%-32s # %s%s", line, origin, value == NULL ?
		    _(" (unset)") : "");
		cmd_put_safe(stdout, full);
		putchar('\n');
		free(full);
		free(line);
		free(dir);
		free(cause);
		cause = NULL;
	}
	return CMD_OK;
}

/*
 * Take a global option (--db DIR, --db=DIR …) out of argv wherever it
 * stands before "--", so `ogpo list officers --db x` works too.
 */
static int
main_take(int *argc, char **argv, const char *name, const char **value)
{
	size_t len = strlen(name);
	int i, j, n;

	for (i = 1; i < *argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strncmp(argv[i], name, len) != 0)
			continue;
		if (argv[i][len] == '=') {
			*value = argv[i] + len + 1;
			n = 1;
		} else if (argv[i][len] == '\0') {
			if (i + 1 >= *argc) {
				fprintf(stderr, _("ogpo: %s needs a value\n"),
				    name);
				return -1;
			}
			*value = argv[i + 1];
			n = 2;
		} else
			continue;
		for (j = i; j + n <= *argc; j++)
			argv[j] = argv[j + n];
		*argc -= n;
		i--;
	}
	return 0;
}

/*
 * Run a command with its standard output kept aside until it is done
 * (spool.h): a listing or an export read while the database is held is
 * copied out only after, so a pager that stops reading, a full pipe or a
 * stopped terminal never holds a snapshot open (the file would grow for
 * as long as it is held) or, worse, the writer's lock.
 */
static int
main_exec(struct cmd_ctx *ctx, const struct cmd_entry *e, int argc,
    char **argv)
{
	int rc, kept;

	ctx->command = e->name;
	kept = spool_stdout_begin() == 0;
	if (!kept) {
		perror("ogpo: cannot keep the output aside until the database "
		    "is let go (in $TMPDIR or /tmp)");
		return CMD_FAIL;
	}
	rc = e->exec(ctx, argc, argv);
	if (spool_stdout_end() != 0 && rc == CMD_OK)
		rc = CMD_FAIL;	/* the output was not all written */
	return rc;
}

int
main(int argc, char **argv)
{
	struct cmd_ctx ctx = { NULL, NULL, "ogpo", NULL };
	char *cause = NULL, *shown;
	size_t i;

	if (priv_init() != 0) {
		perror("ogpo: cannot set aside the group's rights");
		return CMD_FAIL;
	}
	if (priv_setid()) {
		/* As ncurses itself would for a set-id program: the terminal
		 * description comes from the system, not from the user. */
		unsetenv("TERMINFO");
		unsetenv("TERMINFO_DIRS");
		unsetenv("TERMCAP");
		/* Today is the server's: the clock stamps shared records
		 * (the day a case's stage changed) and judges deadlines, and
		 * a time zone of the caller's would move it by up to a day,
		 * as $OGPO_NOW would (util.c refuses that too). */
		unsetenv("TZ");
	}
	/* The catalogue's directory is compiled in, never taken from the
	 * environment: a set-id program must not read messages (format
	 * strings among them) from a directory the user chose. */
	config_set_system_path(OGPO_SYSCONF);
	i18n_init(OGPO_LOCALEDIR);
	if (main_take(&argc, argv, "--db", &ctx.db_flag) != 0 ||
	    main_take(&argc, argv, "--keymap", &ctx.keymap) != 0)
		return CMD_USAGE;
	/* The settings, read with the user's own rights. */
	config_load();
	if (ctx.keymap != NULL && config_set("keymap", ctx.keymap, "--keymap",
	    &cause) != 0) {
		fprintf(stderr, "ogpo: ");
		cmd_put_safe(stderr, cause);
		fputc('\n', stderr);
		free(cause);
		return CMD_USAGE;
	}
	if (argc < 2)
		return ui_main(&ctx);
	if (strcmp(argv[1], "--version") == 0) {
		printf(_("ogpo %s\n"), OGPO_VERSION);
		return CMD_OK;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		main_usage(stdout);
		return CMD_OK;
	}
	main_config_problems();
	if (strcmp(argv[1], "--print-config") == 0) {
		if (argc > 2) {
			main_usage(stderr);
			return CMD_USAGE;
		}
		return main_print_config(&ctx);
	}
	/* ogpo help [COMMAND], as git and others take it: the same text
	 * as ogpo --help and ogpo COMMAND --help. */
	if (strcmp(argv[1], "help") == 0) {
		char *help[] = { NULL, "--help", NULL };

		if (argc > 3) {
			main_usage(stderr);
			return CMD_USAGE;
		}
		if (argc == 2) {
			main_usage(stdout);
			return CMD_OK;
		}
		for (i = 0; i < MAIN_NCMDS; i++)
			if (strcmp(argv[2], main_cmds[i]->name) == 0) {
				help[0] = argv[2];
				return main_exec(&ctx, main_cmds[i], 2, help);
			}
		argv++;		/* 'X' is not a command */
	}
	for (i = 0; i < MAIN_NCMDS; i++)
		if (strcmp(argv[1], main_cmds[i]->name) == 0)
			return main_exec(&ctx, main_cmds[i], argc - 1,
			    argv + 1);
	shown = cmd_safe(argv[1]);
	fprintf(stderr, _("ogpo: '%s' is not a command.\n\n"), shown);
	free(shown);
	main_usage(stderr);
	return CMD_USAGE;
}
