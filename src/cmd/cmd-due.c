/*
 * cmd-due.c — `ogpo due [--within 14d] [--agency CODE] [--tsv]`: the
 * deadlines that are overdue or come within the next days, per agency:
 * Join cases' and resolutions' (core_due_*, which the Cases tab shows
 * too).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/cmd.h"

/* One line of the report, escaped for the terminal. */
static void
cmd_due_line(void *arg, const char *s)
{
	cmd_put_safe(arg, s);
	putc('\n', arg);
}

static void
cmd_due_tsv(struct store_txn *t, const struct core_due *u)
{
	struct agency a;
	size_t i;

	printf("agency\tagency_name\tdue\tdays\tkind\tentity\tid\t"
	    "extended\twhat\n");
	for (i = 0; i < u->n; i++) {
		const struct core_deadline *d = &u->d[i];

		if (store_agency_get(t, d->agency, &a, NULL) != 0) {
			memset(&a, 0, sizeof a);
			snprintf(a.name, sizeof a.name, "#%u", d->agency);
		}
		printf("%s\t", a.code);
		cmd_tsv_cell(stdout, a.name);
		printf("\t%s\t%ld\t%s\t%s\t%u\t%d\t", d->due,
		    core_days_between(u->today, d->due),
		    d->kind == DEADLINE_RESPONSE ? "response" :
		    d->kind == DEADLINE_RESOLUTION ? "resolution" : "contact",
		    model_enum_name(&model_entities, d->entity), d->id,
		    d->extended);
		cmd_tsv_cell(stdout, d->what);
		putchar('\n');
	}
}

static int
cmd_due_exec(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "within", required_argument, NULL, 'w' },
		{ "agency", required_argument, NULL, 'a' },
		{ "tsv", no_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct core_due u;
	struct store_txn *t;
	struct agency a;
	struct core *c;
	const char *code = NULL;
	char *cause = NULL, *end;
	long within = 14;
	int ch, tsv = 0, rc;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'w':
			within = strtol(optarg, &end, 10);
			if (end == optarg || (*end != '\0' && strcmp(end, "d")
			    != 0) || within < 0 || within > 3660)
				return cmd_error(&cmd_due_entry, CMD_USAGE,
				    "--within '%s' is not a number of days; "
				    "write it as 14d or 14", optarg);
			break;
		case 'a':
			code = optarg;
			break;
		case 't':
			tsv = 1;
			break;
		case 'h':
			cmd_usage(&cmd_due_entry, stdout);
			return CMD_OK;
		default:
			cmd_usage(&cmd_due_entry, stderr);
			return CMD_USAGE;
		}
	}
	if (optind != argc) {
		cmd_usage(&cmd_due_entry, stderr);
		return CMD_USAGE;
	}
	if ((c = cmd_open(ctx, 0)) == NULL)
		return CMD_FAIL;
	core_due_init(&u, within, 0);
	if ((rc = store_read_begin(core_store(c), &t, &cause)) == 0) {
		if (code != NULL) {
			if ((rc = store_agency_by_code(t, code, &a,
			    &cause)) == OGPO_NOTFOUND)
				err_set(&cause, rc, "no agency has the code "
				    "'%s'; see ogpo list agencies", code);
			u.agency = a.h.id;
		}
		if (rc == 0)
			rc = core_due_collect(t, &u);
		if (rc == 0 && tsv)
			cmd_due_tsv(t, &u);
		else if (rc == 0) {
			char *sum = core_due_summary(&u);

			core_due_lines(t, &u, cmd_due_line, stdout);
			if (u.n > 0)
				putchar('\n');
			cmd_due_line(stdout, sum);
			free(sum);
		}
		store_read_end(t);
	}
	core_close(c);
	core_due_free(&u);
	if (rc != 0) {
		cmd_error(&cmd_due_entry, CMD_FAIL, "%s", cause);
		free(cause);
		return CMD_FAIL;
	}
	return CMD_OK;
}

const struct cmd_entry cmd_due_entry = {
	.name = "due",
	.args = "[--within DAYS] [--agency CODE] [--tsv]",
	.summary = N_("List the deadlines overdue or due soon, per agency."),
	.help = N_("A case from a Join proposal is answered within two calendar "
	    "months of\nthe day the proposal passed, counted from the next day "
	    "as the\nAdministrative Procedure Act (art. 48) counts them: the "
	    "same day two\nmonths on (a day that month lacks: its last day), "
	    "or, passed on a\nmonth's last day, the last day two months on "
	    "(11/30: 1/31). Or by the\nnew date of its one extension (noticed "
	    "in public, of at most two\nmore months, counted so from the due "
	    "date); the proposer\nis contacted within 7 calendar days. A "
	    "resolution still followed (持續列管)\nis due on its date, for "
	    "each agency that carries it. Days are\ncalendar days, holidays "
	    "included, as the rule says.\n"
	    "--within DAYS  also what falls due in the next DAYS days "
	    "(14d unless\n               given; 0: only what is overdue or "
	    "due today)\n"
	    "--agency CODE  only what that agency owes\n"
	    "--tsv          one line each: agency, due date, days left "
	    "(negative:\n               overdue), kind, record and what\n"),
	.exec = cmd_due_exec,
};
