/*
 * cmd-verify.c — `ogpo verify`: decode every record, check every index
 * both ways; exit 1 with a list of problems on any inconsistency.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ogpo/cmd.h"

static void
cmd_verify_report(void *arg, const char *problem)
{
	(void)arg;
	cmd_put_safe(stdout, problem);
	fputc('\n', stdout);
}

/*
 * --head SEQ:HASH, as `ogpo audit --head` printed it once: is audit
 * record SEQ still the record it was? With the chain intact, so is every
 * record before it. Returns the problems found (0 or 1).
 */
static size_t
cmd_verify_head(struct store_txn *t, const char *noted)
{
	uint8_t hash[OGPO_HASH_LEN];
	char hex[2 * OGPO_HASH_LEN + 1], *end, *cause = NULL, *shown;
	unsigned long long seq;
	size_t i;

	seq = strtoull(noted, &end, 10);
	if (end == noted || (*end != ':' && *end != ' ')) {
		shown = cmd_safe(noted);
		printf(_("--head '%s': write it as ogpo audit --head printed "
		    "it, SEQ:HASH\n"), shown);
		free(shown);
		return 1;
	}
	if (store_audit_hash(t, seq, hash, &cause) != 0) {
		shown = cmd_safe(cause);
		printf(_("audit record %llu, noted as the head, is gone: %s\n"),
		    seq, shown);
		free(shown);
		free(cause);
		return 1;
	}
	for (i = 0; i < OGPO_HASH_LEN; i++)
		snprintf(hex + 2 * i, 3, "%02x", hash[i]);
	if (strcasecmp(end + 1, hex) != 0) {
		printf(_("audit record %llu is not the one that was noted: the "
		    "trail up to it was rewritten\n"), seq);
		return 1;
	}
	return 0;
}

static int
cmd_verify_exec(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "head", required_argument, NULL, 'H' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *head = NULL;
	struct store_stats st;
	struct store_txn *t;
	struct core *c;
	char *cause = NULL, *dir;
	size_t problems;
	int ch;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'H') {
			head = optarg;
			continue;
		}
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
	if (head != NULL)
		problems += cmd_verify_head(t, head);
	store_read_end(t);
	store_stats(core_store(c), &st, NULL);
	dir = cmd_safe(store_dir(core_store(c)));
	if (problems > 0)
		printf(ngettext("%s: %zu problem found.\n",
		    "%s: %zu problems found.\n", problems), dir, problems);
	else
		printf(ngettext("%s is consistent: %zu agencies, %zu officers, "
		    "%zu meetings, %zu attendance records, %zu issues, %zu user, "
		    "%zu audit records.\n", "%s is consistent: %zu agencies, "
		    "%zu officers, %zu meetings, %zu attendance records, %zu "
		    "issues, %zu users, %zu audit records.\n",
		    st.records[ENTITY_USER]), dir,
		    st.records[ENTITY_AGENCY], st.records[ENTITY_OFFICER],
		    st.records[ENTITY_MEETING], st.records[ENTITY_ATTENDANCE],
		    st.records[ENTITY_ISSUE], st.records[ENTITY_USER],
		    st.records[ENTITY_AUDIT]);
	free(dir);
	core_close(c);
	return problems > 0 ? CMD_FAIL : CMD_OK;
}

const struct cmd_entry cmd_verify_entry = {
	.name = "verify",
	.args = "[--head SEQ:HASH]",
	.summary = N_("Check that every record decodes and every index "
	    "agrees."),
	.help = N_("Prints one line per problem and exits 1 if there is any;\n"
	    "exits 0 after a summary line when the database is consistent.\n"
	    "The audit trail is a hash chain: a record changed or removed "
	    "breaks it.\n--head SEQ:HASH, as `ogpo audit --head` once "
	    "printed it, also proves\nthat nothing up to that record was "
	    "rewritten since.\n"),
	.exec = cmd_verify_exec,
};
