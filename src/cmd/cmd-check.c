/*
 * cmd-check.c — `ogpo check [--year YYYY] [--tsv]`: what breaks the
 * regulation now, one line each; exit 0 when nothing does and 1 otherwise,
 * so a cron job can mail it.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/cmd.h"
#include "ogpo/compliance.h"

struct cmd_check {
	int			 tsv;
	enum compliance_rule	 last;
};

static void
cmd_check_one(void *arg, const struct compliance_finding *f)
{
	struct cmd_check *cc = arg;
	char *line;

	if (cc->tsv) {
		printf("%s\t", model_enum_name(&compliance_rules, f->rule));
		cmd_tsv_cell(stdout, f->subject);
		putchar('\t');
		cmd_tsv_cell(stdout, f->detail);
		printf("\t%u\t%u\t%u\t%u\n", f->agency, f->officer, f->issue,
		    f->meeting);
		return;
	}
	if (f->rule != cc->last) {
		/* The rule in the reader's language. */
		printf("%s%s\n", cc->last ? "\n" : "",
		    _(model_enum_label(&compliance_rules, f->rule)));
		cc->last = f->rule;
	}
	/* TRANSLATORS: a finding under its rule: subject and detail. */
	line = xasprintf(_("  %s: %s"), f->subject, f->detail);
	cmd_put_safe(stdout, line);
	fputc('\n', stdout);
	free(line);
}

static int
cmd_check_exec(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "tsv", no_argument, NULL, 't' },
		{ "training", no_argument, NULL, 'T' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct compliance_options o;
	struct cmd_check cc;
	struct store_txn *t;
	struct core *c;
	char *cause = NULL, *end;
	size_t n;
	int ch;

	memset(&cc, 0, sizeof cc);
	compliance_defaults(&o);
	o.rolling = 1;		/* unless --year names a calendar year */
	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'y':
			o.rolling = 0;
			o.year = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || o.year < 1900 || o.year > 2999)
				return cmd_error(&cmd_check_entry, CMD_USAGE,
				    "'%s' is not a year; write it as 2024",
				    optarg);
			break;
		case 't':
			cc.tsv = 1;
			break;
		case 'T':
			o.training = 1;
			break;
		case 'h':
			cmd_usage(&cmd_check_entry, stdout);
			return CMD_OK;
		default:
			cmd_usage(&cmd_check_entry, stderr);
			return CMD_USAGE;
		}
	}
	if (optind != argc) {
		cmd_usage(&cmd_check_entry, stderr);
		return CMD_USAGE;
	}
	if (compliance_config(&o, &cause) != 0) {
		fprintf(stderr, _("ogpo check: "));
		cmd_put_safe(stderr, cause);
		fputc('\n', stderr);
		free(cause);
		cause = NULL;
	}
	if ((c = cmd_open(ctx, 0)) == NULL)
		return CMD_FAIL;
	if (store_read_begin(core_store(c), &t, &cause) != 0) {
		cmd_error(&cmd_check_entry, CMD_FAIL, "%s", cause);
		free(cause);
		core_close(c);
		return CMD_FAIL;
	}
	if (cc.tsv)
		printf("rule\tsubject\tdetail\tagency\tofficer\tissue\t"
		    "meeting\n");
	n = compliance_check(t, &o, cmd_check_one, &cc);
	store_read_end(t);
	core_close(c);
	if (!cc.tsv) {
		char span[40], day[16], month[16];

		/* This month as the date_style has it: 2026-12, 115/12. */
		date_show(o.today, month, sizeof month);
		month[strlen(month) > 3 ? strlen(month) - 3 : 0] = '\0';
		if (o.rolling)
			snprintf(span, sizeof span, _("the 12 months before %s"),
			    month);
		else
			snprintf(span, sizeof span, "%d", o.year);
		printf(ngettext("%s%zu finding for %s (as of %s).\n",
		    "%s%zu findings for %s (as of %s).\n", n), n ? "\n" : "",
		    n, span, date_show(o.today, day, sizeof day));
	}
	return n > 0 ? CMD_FAIL : CMD_OK;
}

const struct cmd_entry cmd_check_entry = {
	.name = "check",
	.args = "[--year YYYY] [--training] [--tsv]",
	.summary = N_("List what breaks the regulation now; exit 1 if anything "
	    "does."),
	/* xgettext:no-c-format */
	.help = N_("Point 3: a second-level agency without a PO or a supervisor "
	    "in office.\nPoint 4: a PO who is not the agency's own civil "
	    "servant. Point 7: a month\nwithout a held PO work meeting, a "
	    "quarter without a held policy\ncoordination meeting, an agency "
	    "whose attendance at work meetings is\nbelow attendance_threshold "
	    "(75% unless the settings say\notherwise: ogpo --print-config) — "
	    "over the twelve months before this one,\nor with --year, the "
	    "months of that year that are over. Point 6: an issue\n"
	    "escalated to the minister for more than 30 days. With --training,"
	    "\nalso every PO with no training record (point 8).\n"
	    "A meeting still planned whose day has come and whose attendance "
	    "is taken\ncounts as held, and is listed (not_marked_held) until "
	    "it is marked held.\n"),
	.exec = cmd_check_exec,
};
