/*
 * cmd-who.c — `ogpo who`: who has the database open in the full-screen
 * program now, since when and in which tab.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/cmd.h"

#define WHO_MAX	1024

static int
cmd_who_exec(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static const struct cmd_column cols[] = {
		{ N_("LOGIN"), 16 }, { N_("SINCE"), 16 }, { N_("TAB"), 12 },
		{ N_("PROCESS"), 0 },
	};
	struct core_session *s;
	struct core *c;
	char since[32], pid[24], writer[512];
	const char *cells[4];
	size_t n, i;
	int ch;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'h') {
			cmd_usage(&cmd_who_entry, stdout);
			return CMD_OK;
		}
		cmd_usage(&cmd_who_entry, stderr);
		return CMD_USAGE;
	}
	if (optind != argc) {
		cmd_usage(&cmd_who_entry, stderr);
		return CMD_USAGE;
	}
	if ((c = cmd_open(ctx, 0)) == NULL)
		return CMD_FAIL;
	s = xcalloc(WHO_MAX, sizeof *s);
	n = core_sessions(c, s, WHO_MAX);
	if (n == 0)
		printf(_("No one has the database open in the full-screen "
		    "program.\n"));
	else
		cmd_table_header(stdout, cols, 4);
	for (i = 0; i < n && i < WHO_MAX; i++) {
		time_show(s[i].since, since, sizeof since);
		snprintf(pid, sizeof pid, "%ld", s[i].pid);
		cells[0] = s[i].login;
		cells[1] = since;
		cells[2] = _(s[i].pane);
		cells[3] = pid;
		cmd_table_row(stdout, cols, 4, cells);
	}
	if (core_writer_text(c, 3, writer, sizeof writer)) {
		cmd_put_safe(stdout, writer);
		fputc('\n', stdout);
	}
	free(s);
	core_close(c);
	return CMD_OK;
}

const struct cmd_entry cmd_who_entry = {
	.name = "who",
	.args = "",
	.summary = N_("Show who has the database open in the full-screen program."),
	.help = N_("One line each: login, since when, which tab, the process. "
	    "Records of\nprograms that died are cleared as they are found. A "
	    "process that has held\nthe database for writing for 3 seconds or "
	    "more (or is stopped holding it)\nis named after them.\n"),
	.exec = cmd_who_exec,
};
