/*
 * cmd-export.c — `ogpo export WHAT [options]`: attendance by month (rows,
 * --summary or --matrix), a meeting's sign-in sheet, and the officer,
 * agency, meeting and issue lists, as spreadsheets: .ods (the
 * government's standard), .xlsx or CSV, by the output's name or
 * --format. The work is export.c's; this file reads the command line and
 * picks the output.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ogpo/cmd.h"
#include "ogpo/config.h"
#include "ogpo/export.h"

static const struct {
	const char		*name;
	enum export_what	 what;
} cmd_export_whats[] = {
	{ "attendance", EXPORT_ATTENDANCE }, { "signin", EXPORT_SIGNIN },
	{ "officers", EXPORT_OFFICERS }, { "agencies", EXPORT_AGENCIES },
	{ "meetings", EXPORT_MEETINGS }, { "issues", EXPORT_ISSUES },
	{ "training", EXPORT_TRAINING }, { "rewards", EXPORT_REWARDS },
	{ "cases", EXPORT_CASES }, { "progress", EXPORT_PROGRESS },
	{ "resolutions", EXPORT_RESOLUTIONS }, { "agenda", EXPORT_AGENDA },
	{ "decisions", EXPORT_DECISIONS }, { "deadlines", EXPORT_DEADLINES },
};

/* A month option's value into month; a usage error says how to write it. */
static int
cmd_export_month(const char *option, const char *value, char *month)
{
	if (export_month_parse(value, month) != 0)
		return cmd_error(&cmd_export_entry, CMD_USAGE, "%s '%s': write "
		    "the month as 2024-05", option, value);
	return 0;
}

/*
 * The meeting a sign-in sheet is for: its number, or its date when that
 * day has exactly one meeting.
 */
static int
cmd_export_meeting(struct core *c, const char *arg, uint32_t *id)
{
	struct store_txn *t;
	struct store_cursor *cur;
	struct meeting *m;
	char *cause = NULL;
	size_t n = 0;
	int rc;

	if (str_to_id(arg, id) == 0)
		return CMD_OK;
	if (!date_valid(arg))
		return cmd_error(&cmd_export_entry, CMD_USAGE, "'%s' is not a "
		    "meeting: give its number (see ogpo list meetings --tsv) "
		    "or its date, 2024-05-15", arg);
	if ((rc = store_read_begin(core_store(c), &t, &cause)) != 0)
		goto fail;
	if ((rc = store_cursor_open(t, IX_MEETING_DATE, NULL, &cur,
	    &cause)) != 0) {
		store_read_end(t);
		goto fail;
	}
	m = xmalloc(sizeof *m);
	for (rc = store_cursor_seek_text(cur, arg); rc == 0;
	    rc = store_cursor_move(cur, STORE_NEXT)) {
		if (store_cursor_get(cur, m, NULL) != 0 ||
		    strcmp(m->date, arg) != 0)
			break;
		*id = m->h.id;
		n++;
	}
	free(m);
	store_cursor_close(cur);
	store_read_end(t);
	if (n == 1)
		return CMD_OK;
	if (n == 0)
		return cmd_error(&cmd_export_entry, CMD_FAIL, "no meeting is on "
		    "%s (see ogpo list meetings)", arg);
	return cmd_error(&cmd_export_entry, CMD_USAGE, "%s has more than one "
	    "meeting: give its number (see ogpo list meetings --tsv)", arg);

fail:
	cmd_error(&cmd_export_entry, CMD_FAIL, "%s", cause ? cause : _("cannot "
	    "read the database"));
	free(cause);
	return CMD_FAIL;
}

/*
 * Export to standard output by way of a temporary file, so that no read
 * transaction waits on a pager and a failed export prints nothing.
 */
static int
cmd_export_stdout(struct core *c, const struct export_request *r,
    size_t *rows, char **notice, char **cause)
{
	FILE *f = tmpfile();
	char buf[65536];
	size_t n;
	int rc;

	if (f == NULL)
		return export_run(c, r, stdout, "stdout", rows, notice, cause);
	if ((rc = export_run(c, r, f, "stdout", rows, notice, cause)) == 0) {
		rewind(f);
		while ((n = fread(buf, 1, sizeof buf, f)) > 0)
			if (fwrite(buf, 1, n, stdout) != n)
				break;
		if (ferror(f) || fflush(stdout) != 0 || ferror(stdout))
			rc = err_set(cause, OGPO_IO, "cannot write to "
			    "standard output");
	}
	fclose(f);
	return rc;
}

static int
cmd_export_exec(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "month", required_argument, NULL, 'm' },
		{ "summary", no_argument, NULL, 's' },
		{ "matrix", no_argument, NULL, 'x' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "excel", no_argument, NULL, 'E' },
		{ "plain", no_argument, NULL, 'P' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "format", required_argument, NULL, 'F' },
		{ "replace", no_argument, NULL, 'R' },
		{ "agency", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct export_request r;
	struct core *c;
	const char *out = NULL;
	char from[EXPORT_MONTH_MAX + 1] = "", to[EXPORT_MONTH_MAX + 1] = "";
	char *cause = NULL, *notice = NULL;
	int ch, rc, summary = 0, matrix = 0, excel = 0, plain = 0, per_meeting;
	const char *encoding = NULL;
	size_t i, rows = 0;

	memset(&r, 0, sizeof r);
	r.roc = i18n_date_style() == I18N_DATE_ROC;
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":o:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'o':
			out = optarg;
			break;
		case 'm':
			if (cmd_export_month("--month", optarg, r.month) != 0)
				return CMD_USAGE;
			break;
		case 's':
			summary = 1;
			break;
		case 'x':
			matrix = 1;
			break;
		case 'f':
			if (cmd_export_month("--from", optarg, from) != 0)
				return CMD_USAGE;
			break;
		case 't':
			if (cmd_export_month("--to", optarg, to) != 0)
				return CMD_USAGE;
			break;
		case 'E':
			excel = 1;
			break;
		case 'P':
			plain = 1;
			break;
		case 'e':
			if (strcasecmp(optarg, "utf-8") != 0 &&
			    strcasecmp(optarg, "utf8") != 0 &&
			    strcasecmp(optarg, "big5") != 0)
				return cmd_error(&cmd_export_entry, CMD_USAGE,
				    "--encoding takes utf-8 or big5, not '%s'",
				    optarg);
			encoding = strcasecmp(optarg, "big5") == 0 ? "big5" :
			    "utf-8";
			break;
		case 'F':
			if ((r.format = table_format_parse(optarg)) ==
			    TABLE_FORMAT_NONE)
				return cmd_error(&cmd_export_entry, CMD_USAGE,
				    "--format takes ods, xlsx or csv, not '%s'",
				    optarg);
			break;
		case 'R':
			r.replace = 1;
			break;
		case 'a':
			if (*optarg == '\0')
				return cmd_error(&cmd_export_entry, CMD_USAGE,
				    "--agency needs an agency's code (see ogpo "
				    "list agencies)");
			r.agency = optarg;
			break;
		case 'h':
			cmd_usage(&cmd_export_entry, stdout);
			return CMD_OK;
		case ':':
			return cmd_error(&cmd_export_entry, CMD_USAGE, "%s "
			    "needs a value (see ogpo export --help)",
			    argv[optind - 1]);
		default:
			return cmd_error(&cmd_export_entry, CMD_USAGE, "'%s' is "
			    "not an option of export (see ogpo export --help)",
			    argv[optind - 1]);
		}
	}
	if (optind >= argc) {
		cmd_usage(&cmd_export_entry, stderr);
		return CMD_USAGE;
	}
	for (i = 0; i < sizeof cmd_export_whats / sizeof cmd_export_whats[0];
	    i++)
		if (strcmp(argv[optind], cmd_export_whats[i].name) == 0)
			break;
	if (i == sizeof cmd_export_whats / sizeof cmd_export_whats[0])
		return cmd_error(&cmd_export_entry, CMD_USAGE, "cannot export "
		    "'%s'; choose attendance, signin, officers, agencies, "
		    "meetings, issues, training, rewards, cases, progress, "
		    "resolutions, deadlines, agenda or decisions", argv[optind]);
	r.what = cmd_export_whats[i].what;
	per_meeting = r.what == EXPORT_SIGNIN || r.what == EXPORT_AGENDA ||
	    r.what == EXPORT_DECISIONS;
	if (argc - optind != (per_meeting ? 2 : 1))
		return cmd_error(&cmd_export_entry, CMD_USAGE, per_meeting &&
		    argc - optind == 1 ? _("say which meeting: ogpo export "
		    "signin|agenda|decisions MEETING") : _("too many arguments "
		    "(see ogpo export --help)"));
	if (r.what != EXPORT_ATTENDANCE && (summary || matrix ||
	    r.month[0] || from[0] || to[0]))
		return cmd_error(&cmd_export_entry, CMD_USAGE, "--month, "
		    "--summary, --matrix, --from and --to go with attendance");
	if (r.agency != NULL && r.what != EXPORT_OFFICERS &&
	    r.what != EXPORT_TRAINING && r.what != EXPORT_REWARDS)
		return cmd_error(&cmd_export_entry, CMD_USAGE, "--agency goes "
		    "with officers, training and rewards");
	if (summary && matrix)
		return cmd_error(&cmd_export_entry, CMD_USAGE, "choose "
		    "--summary or --matrix, not both");
	if (excel && plain)
		return cmd_error(&cmd_export_entry, CMD_USAGE, "choose "
		    "--excel or --plain, not both");
	if (matrix) {
		/* --month M alone is the range M to M. */
		if (from[0] == '\0')
			memcpy(from, r.month, sizeof from);
		if (to[0] == '\0')
			memcpy(to, r.month[0] ? r.month : from, sizeof to);
		if (from[0] == '\0' || to[0] == '\0')
			return cmd_error(&cmd_export_entry, CMD_USAGE, "say "
			    "which months: --matrix --from 2024-01 --to "
			    "2024-06");
		if (strcmp(from, to) > 0)
			return cmd_error(&cmd_export_entry, CMD_USAGE, "--from "
			    "%s is after --to %s", from, to);
		r.what = EXPORT_MATRIX;
		memcpy(r.month, from, sizeof r.month);
		memcpy(r.to, to, sizeof r.to);
	} else if (r.what == EXPORT_ATTENDANCE) {
		if (from[0] || to[0])
			return cmd_error(&cmd_export_entry, CMD_USAGE, "--from "
			    "and --to go with --matrix; a single month is "
			    "--month 2024-05");
		if (r.month[0] == '\0')
			return cmd_error(&cmd_export_entry, CMD_USAGE, "say "
			    "which month: --month 2024-05");
		if (summary)
			r.what = EXPORT_SUMMARY;
	}
	if (out != NULL && strcmp(out, "-") == 0)
		out = NULL;	/* -o - is standard output */
	if (out != NULL && *out == '\0')
		return cmd_error(&cmd_export_entry, CMD_USAGE, "-o needs a "
		    "file name");
	if (r.format == TABLE_FORMAT_NONE && out != NULL &&
	    (r.format = table_format_of_name(out)) == TABLE_FORMAT_NONE) {
		size_t len = strlen(out);

		if (len > 4 && strcasecmp(out + len - 4, ".xls") == 0)
			return cmd_error(&cmd_export_entry, CMD_USAGE, "ogpo "
			    "does not write the old .xls; name the file .xlsx "
			    "or .ods");
		return cmd_error(&cmd_export_entry, CMD_USAGE, "cannot tell "
		    "from its name what kind of file '%s' is: name it .ods, "
		    ".xlsx or .csv, or give --format ods|xlsx|csv", out);
	}
	if (r.format == TABLE_FORMAT_NONE)
		r.format = TABLE_CSV;	/* standard output: for scripts */
	if (r.format != TABLE_CSV && (encoding != NULL || excel || plain))
		return cmd_error(&cmd_export_entry, CMD_USAGE, "--encoding, "
		    "--excel and --plain are for CSV; an .%s file holds any "
		    "character and opens in Excel as it is",
		    table_format_name(r.format));
	/* export_encoding in the settings, unless --encoding says. */
	if (encoding == NULL && r.format == TABLE_CSV &&
	    strcmp(config_get("export_encoding"), "big5") == 0)
		encoding = "big5";
	r.encoding = encoding != NULL && strcmp(encoding, "big5") == 0 ?
	    "big5" : NULL;
	if (r.replace && r.encoding == NULL)
		return cmd_error(&cmd_export_entry, CMD_USAGE, "--replace goes "
		    "with --encoding big5: UTF-8 holds every character");
	r.excel = r.format == TABLE_CSV && (excel || (out != NULL && !plain &&
	    export_excel_default(out)));

	if ((c = cmd_open(ctx, 0)) == NULL)
		return CMD_FAIL;
	if (per_meeting &&
	    (rc = cmd_export_meeting(c, argv[optind + 1], &r.meeting)) != 0) {
		core_close(c);
		return rc;
	}
	if (out != NULL)
		rc = export_file(c, &r, out, &rows, &notice, &cause);
	else
		rc = cmd_export_stdout(c, &r, &rows, &notice, &cause);
	if (rc != 0)
		cmd_error(&cmd_export_entry, CMD_FAIL, "%s%s", cause ? cause :
		    _("the export failed"), out != NULL ?
		    _("; no file was written") : "");
	else if (out != NULL) {
		/* The full path: a relative name says little in a mail. */
		char *full = realpath(out, NULL);
		char *safe = cmd_safe(full != NULL ? full : out);

		printf(ngettext("Wrote %zu row to %s.\n",
		    "Wrote %zu rows to %s.\n", rows), rows, safe);
		free(safe);
		free(full);
	}
	if (rc == 0 && notice != NULL) {
		cmd_put_lines(stderr, notice);
		fputc('\n', stderr);
	}
	free(notice);
	free(cause);
	core_close(c);
	return rc != 0 ? CMD_FAIL : CMD_OK;
}

const struct cmd_entry cmd_export_entry = {
	.name = "export",
	.args = "attendance --month YYYY-MM [--summary] [OUTPUT]\n"
	    "       ogpo export attendance --matrix --from YYYY-MM --to YYYY-MM "
	    "[OUTPUT]\n"
	    "       ogpo export signin MEETING [OUTPUT]\n"
	    "       ogpo export agenda|decisions MEETING [OUTPUT]\n"
	    "       ogpo export officers|training|rewards [--agency CODE] "
	    "[OUTPUT]\n"
	    "       ogpo export agencies|meetings|issues|cases|progress|"
	    "resolutions\n"
	    "           |deadlines [OUTPUT]\n"
	    "  OUTPUT: [-o FILE] [--format ods|xlsx|csv] [--excel|--plain]\n"
	    "          [--encoding utf-8|big5 [--replace]]",
	.summary = N_("Write attendance, a sign-in sheet or a list as a "
	    "spreadsheet (.ods, .xlsx or CSV)."),
	.help = N_("attendance     one row per invitee per meeting of the month: "
	    "date, kind,\n"
	    "               title, agency code, agency, name, role, status, "
	    "proxy, note;\n"
	    "               by date, meeting, agency (in the order of ogpo "
	    "list agencies),\n"
	    "               name; external participants after the agencies\n"
	    "  --summary    one row per agency: invited, present (in person, "
	    "online or by\n"
	    "               proxy), excused, absent, rate; then the total "
	    "(合計)\n"
	    "  --matrix     officers down, the meetings of --from to --to "
	    "across, each\n"
	    "               cell the status; empty where not invited\n"
	    "               (--summary and --matrix leave out cancelled "
	    "meetings and\n"
	    "               external participants)\n"
	    "signin MEETING the sign-in sheet (簽到表), to print on A4: the "
	    "meeting's title,\n"
	    "               kind, time, place and chair; agency, name, title, "
	    "簽名; blank\n"
	    "               rows for proxies and walk-ins. MEETING is its "
	    "number or its\n"
	    "               date (if only one meeting is on it)\n"
	    "officers, agencies  under the import's own headers: ogpo import "
	    "reads the\n"
	    "               file back and finds nothing changed\n"
	    "  --agency CODE  officers of that agency only, not of its "
	    "subordinate\n"
	    "               agencies (as ogpo list officers --agency): "
	    "imported back,\n"
	    "               the officers of other agencies, not being in "
	    "the file, are\n"
	    "               left as they are\n"
	    "meetings, issues    every field; agencies by code and name\n"
	    "training, rewards   every record of point 8 and point 9, with "
	    "the officer's\n"
	    "               name, e-mail and agency\n"
	    "  --agency CODE  those of that agency's own officers only, by "
	    "number, as\n"
	    "               the whole export has them\n"
	    "cases, progress, resolutions  the tracking table (列管表): ogpo "
	    "import reads\n"
	    "               each back, and what was changed in it lands\n"
	    "deadlines      what ogpo due lists, every deadline not yet met: "
	    "agency, due\n"
	    "               date, calendar days left (negative: overdue), "
	    "kind (Join\n"
	    "               response, proposer contact, resolution), the case "
	    "or\n"
	    "               resolution; changed through the cases or "
	    "resolutions import\n"
	    "\n"
	    "-o FILE, --output FILE\n"
	    "               write FILE whole or not at all (through FILE.tmp), "
	    "as its name\n"
	    "               says: .ods (OpenDocument), .xlsx (Excel) or .csv; "
	    "without -o,\n"
	    "               or with -o -, CSV to standard output\n"
	    "--format ods|xlsx|csv  the kind of file, whatever its name\n"
	    "\n"
	    ".ods and .xlsx keep what each cell is: phone numbers, codes and "
	    "e-mail as\n"
	    "text (leading zeros kept, never a formula), dates as dates in "
	    "your date\n"
	    "style, counts as numbers, rates as percentages; the header bold, "
	    "frozen and\n"
	    "printed on every page.\n"
	    "\n"
	    "For CSV:\n"
	    "--excel        UTF-8 with a byte order mark and CRLF line ends, "
	    "as Excel\n"
	    "               wants; a .csv file gets --excel unless --plain\n"
	    "--plain        UTF-8 with LF line ends (standard output's "
	    "default)\n"
	    "--encoding big5  Big5 (CP950) for old Excel; records with a "
	    "character Big5\n"
	    "               lacks are all named (who, e-mail, field, "
	    "character) and\n"
	    "               nothing is written\n"
	    "--replace      with --encoding big5: write □ for such "
	    "characters, and say\n"
	    "               whose they were\n"
	    "--encoding utf-8  UTF-8; the default unless export_encoding in "
	    "the\n"
	    "               settings says big5 (see ogpo --print-config)\n"
	    "A CSV cell that starts with = + - @ (not a number) gets a leading ' "
	    "so that\n"
	    "no formula runs; ogpo import takes it off again.\n"),
	.exec = cmd_export_exec,
};
