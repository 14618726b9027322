/*
 * cmd-verify.c — `ogpo verify`: decode every record, check every index
 * both ways; exit 1 with a list of problems on any inconsistency.
 */
#include <getopt.h>
#include <stdlib.h>

#include "ogpo/cmd.h"

static void
cmd_verify_report(void *arg, const char *problem)
{
	(void)arg;
	cmd_put_safe(stdout, problem);
	fputc('\n', stdout);
}

static int
cmd_verify_exec(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct store_stats st;
	struct store_txn *t;
	struct core *c;
	char *cause = NULL;
	size_t problems;
	int ch;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'h') {
			cmd_usage(&cmd_verify_entry, stdout);
			return CMD_OK;
		}
		cmd_usage(&cmd_verify_entry, stderr);
		return CMD_USAGE;
	}
	if (optind != argc) {
		cmd_usage(&cmd_verify_entry, stderr);
		return CMD_USAGE;
	}
	if ((c = cmd_open(ctx, 0)) == NULL)
		return CMD_FAIL;
	if (store_read_begin(core_store(c), &t, &cause) != 0) {
		cmd_error(&cmd_verify_entry, CMD_FAIL, "%s", cause);
		free(cause);
		core_close(c);
		return CMD_FAIL;
	}
	problems = store_verify(t, cmd_verify_report, NULL);
	store_read_end(t);
	store_stats(core_store(c), &st, NULL);
	if (problems > 0)
		printf("%s: %zu problem%s found.\n", store_dir(core_store(c)),
		    problems, problems == 1 ? "" : "s");
	else
		printf("%s is consistent: %zu agencies, %zu officers, %zu "
		    "meetings, %zu attendance records, %zu issues, %zu users, "
		    "%zu audit records.\n", store_dir(core_store(c)),
		    st.records[ENTITY_AGENCY], st.records[ENTITY_OFFICER],
		    st.records[ENTITY_MEETING], st.records[ENTITY_ATTENDANCE],
		    st.records[ENTITY_ISSUE], st.records[ENTITY_USER],
		    st.records[ENTITY_AUDIT]);
	core_close(c);
	return problems > 0 ? CMD_FAIL : CMD_OK;
}

const struct cmd_entry cmd_verify_entry = {
	.name = "verify",
	.args = "",
	.summary = "Check that every record decodes and every index agrees.",
	.help = "Prints one line per problem and exits 1 if there is any;\n"
	    "exits 0 after a summary line when the database is consistent.\n",
	.exec = cmd_verify_exec,
};
