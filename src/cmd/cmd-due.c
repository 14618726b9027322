/*
 * cmd-due.c — `ogpo due [--within 14d] [--agency CODE] [--tsv]`: the
 * deadlines that are overdue or come within the next days, per agency:
 * Join cases' and resolutions' (core_deadlines_all).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/cmd.h"

struct cmd_due {
	struct store_txn	*t;
	char			 today[OGPO_DATE_MAX + 1];
	char			 until[OGPO_DATE_MAX + 1];
	uint32_t		 agency;	/* --agency, 0 for all */
	struct core_deadline	*d;
	size_t			 n, cap;
};

/* Keep what is not met and due by the end of the window. */
static int
cmd_due_keep(void *arg, const struct core_deadline *d)
{
	struct cmd_due *u = arg;

	if (d->done[0] != '\0' || strcmp(d->due, u->until) > 0 ||
	    (u->agency != 0 && d->agency != u->agency))
		return 0;
	u->d = xgrow(u->d, &u->cap, u->n + 1, sizeof *u->d);
	u->d[u->n++] = *d;
	return 0;
}

/* By agency (its id: the tree's order), then by due date. */
static int
cmd_due_cmp(const void *a, const void *b)
{
	const struct core_deadline *x = a, *y = b;
	int c;

	if (x->agency != y->agency)
		return x->agency < y->agency ? -1 : 1;
	if ((c = strcmp(x->due, y->due)) != 0)
		return c;
	return x->id < y->id ? -1 : x->id > y->id;
}

static const char *
cmd_due_kind(uint32_t kind)
{
	return kind == DEADLINE_RESPONSE ? _("respond to the Join proposal") :
	    kind == DEADLINE_RESOLUTION ? _("carry out the resolution") :
	    _("contact the proposer");
}

static void
cmd_due_print(struct cmd_due *u, int tsv)
{
	struct agency a;
	char day[16], when[64];
	uint32_t last = 0;
	size_t i;
	long days;

	if (tsv)
		printf("agency\tagency_name\tdue\tdays\tkind\tentity\tid\t"
		    "extended\twhat\n");
	for (i = 0; i < u->n; i++) {
		const struct core_deadline *d = &u->d[i];

		if (store_agency_get(u->t, d->agency, &a, NULL) != 0) {
			memset(&a, 0, sizeof a);
			snprintf(a.name, sizeof a.name, "#%u", d->agency);
		}
		days = core_days_between(u->today, d->due);
		if (tsv) {
			printf("%s\t", a.code);
			cmd_tsv_cell(stdout, a.name);
			printf("\t%s\t%ld\t%s\t%s\t%u\t%d\t", d->due, days,
			    d->kind == DEADLINE_RESPONSE ? "response" :
			    d->kind == DEADLINE_RESOLUTION ? "resolution" :
			    "contact", model_enum_name(&model_entities,
			    d->entity), d->id, d->extended);
			cmd_tsv_cell(stdout, d->what);
			putchar('\n');
			continue;
		}
		if (i == 0 || d->agency != last) {
			printf("%s", i ? "\n" : "");
			cmd_put_safe(stdout, a.name);
			putchar('\n');
			last = d->agency;
		}
		if (days < 0)
			snprintf(when, sizeof when, ngettext("overdue %ld day",
			    "overdue %ld days", -days), -days);
		else if (days == 0)
			snprintf(when, sizeof when, "%s", _("due today"));
		else
			snprintf(when, sizeof when, ngettext("due in %ld day",
			    "due in %ld days", days), days);
		{
			char *line = xasprintf(_("  %s  %-16s %s: %s%s"),
			    date_show(d->due, day, sizeof day), when,
			    cmd_due_kind(d->kind), d->what, d->extended ?
			    _(" (extended)") : "");

			cmd_put_safe(stdout, line);
			putchar('\n');
			free(line);
		}
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
	struct cmd_due u;
	struct agency a;
	struct core *c;
	const char *code = NULL;
	char *cause = NULL, *end, day[16];
	long within = 14;
	size_t overdue = 0, i;
	int ch, tsv = 0, rc;

	memset(&u, 0, sizeof u);
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
	date_today(u.today);
	date_add_days(u.today, (int)within, u.until);
	if ((rc = store_read_begin(core_store(c), &u.t, &cause)) == 0) {
		if (code != NULL) {
			if ((rc = store_agency_by_code(u.t, code, &a,
			    &cause)) == OGPO_NOTFOUND)
				err_set(&cause, rc, "no agency has the code "
				    "'%s'; see ogpo list agencies", code);
			u.agency = a.h.id;
		}
		if (rc == 0)
			rc = core_deadlines_all(u.t, cmd_due_keep, &u);
		if (rc == 0) {
			if (u.n > 0)
				qsort(u.d, u.n, sizeof *u.d, cmd_due_cmp);
			cmd_due_print(&u, tsv);
		}
		store_read_end(u.t);
	}
	core_close(c);
	if (rc != 0) {
		cmd_error(&cmd_due_entry, CMD_FAIL, "%s", cause);
		free(cause);
		free(u.d);
		return CMD_FAIL;
	}
	for (i = 0; i < u.n; i++)
		if (strcmp(u.d[i].due, u.today) < 0)
			overdue++;
	if (!tsv)
		printf(_("%s%zu overdue, %zu due within %ld days (as of %s; "
		    "calendar days).\n"), u.n ? "\n" : "", overdue,
		    u.n - overdue, within, date_show(u.today, day, sizeof day));
	free(u.d);
	return CMD_OK;
}

const struct cmd_entry cmd_due_entry = {
	.name = "due",
	.args = "[--within DAYS] [--agency CODE] [--tsv]",
	.summary = N_("List the deadlines overdue or due soon, per agency."),
	.help = N_("A case from a Join proposal is answered within two calendar "
	    "months of\nthe day the proposal passed (a day that month lacks "
	    "falls on its last\nday), or by the new date of its one extension "
	    "(noticed in public, of\nat most two more months); the proposer "
	    "is contacted within 7 calendar\ndays. A resolution still "
	    "followed (持續列管) is due on its date, for each\nagency that "
	    "carries it. Days are calendar days, "
	    "holidays included, as the rule says.\n"
	    "--within DAYS  also what falls due in the next DAYS days "
	    "(14d unless\n               given; 0: only what is overdue or "
	    "due today)\n"
	    "--agency CODE  only what that agency owes\n"
	    "--tsv          one line each: agency, due date, days left "
	    "(negative:\n               overdue), kind, record and what\n"),
	.exec = cmd_due_exec,
};
