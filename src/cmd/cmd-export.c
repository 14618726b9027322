/*
 * cmd-export.c — `ogpo export WHAT [options]`: attendance by month (rows,
 * --summary or --matrix), a meeting's sign-in sheet, and the officer,
 * agency, meeting and issue lists, as CSV for spreadsheets. The work is
 * export.c's; this file reads the command line and picks the output.
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
    size_t *rows, char **cause)
{
	FILE *f = tmpfile();
	char buf[65536];
	size_t n;
	int rc;

	if (f == NULL)
		return export_run(c, r, stdout, "stdout", rows, cause);
	if ((rc = export_run(c, r, f, "stdout", rows, cause)) == 0) {
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
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct export_request r;
	struct core *c;
	const char *out = NULL;
	char from[EXPORT_MONTH_MAX + 1] = "", to[EXPORT_MONTH_MAX + 1] = "";
	char *cause = NULL;
	int ch, rc, summary = 0, matrix = 0, excel = 0, plain = 0;
	size_t i, rows = 0;

	memset(&r, 0, sizeof r);
	/* export_encoding in the settings, unless --encoding says. */
	if (strcmp(config_get("export_encoding"), "big5") == 0)
		r.encoding = "big5";
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
			r.encoding = strcasecmp(optarg, "big5") == 0 ? "big5" :
			    NULL;
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
		    "meetings, issues, training or rewards", argv[optind]);
	r.what = cmd_export_whats[i].what;
	if (argc - optind != (r.what == EXPORT_SIGNIN ? 2 : 1))
		return cmd_error(&cmd_export_entry, CMD_USAGE, r.what ==
		    EXPORT_SIGNIN && argc - optind == 1 ? _("say which meeting: "
		    "ogpo export signin MEETING") : _("too many arguments (see "
		    "ogpo export --help)"));
	if (r.what != EXPORT_ATTENDANCE && (summary || matrix ||
	    r.month[0] || from[0] || to[0]))
		return cmd_error(&cmd_export_entry, CMD_USAGE, "--month, "
		    "--summary, --matrix, --from and --to go with attendance");
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
	r.excel = excel || (out != NULL && !plain &&
	    export_excel_default(out));

	if ((c = cmd_open(ctx, 0)) == NULL)
		return CMD_FAIL;
	if (r.what == EXPORT_SIGNIN &&
	    (rc = cmd_export_meeting(c, argv[optind + 1], &r.meeting)) != 0) {
		core_close(c);
		return rc;
	}
	if (out != NULL)
		rc = export_file(c, &r, out, &rows, &cause);
	else
		rc = cmd_export_stdout(c, &r, &rows, &cause);
	if (rc != 0)
		cmd_error(&cmd_export_entry, CMD_FAIL, "%s%s", cause ? cause :
		    _("the export failed"), out != NULL ?
		    _("; no file was written") : "");
	else if (out != NULL) {
		printf(ngettext("Wrote %zu row to ", "Wrote %zu rows to ",
		    rows), rows);
		cmd_put_safe(stdout, out);
		printf(".\n");
	}
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
	    "       ogpo export officers|agencies|meetings|issues|training|"
	    "rewards [OUTPUT]\n"
	    "  OUTPUT: [-o FILE] [--excel|--plain] [--encoding utf-8|big5]",
	.summary = N_("Write attendance, a sign-in sheet or a list as CSV for "
	    "spreadsheets."),
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
	    "signin MEETING the sign-in sheet (簽到表): agency, name, title, "
	    "簽名; MEETING\n"
	    "               is its number or its date (if only one meeting "
	    "is on it)\n"
	    "officers, agencies  under the import's own headers: ogpo import "
	    "reads the\n"
	    "               file back and finds nothing changed\n"
	    "meetings, issues    every field; agencies by code and name\n"
	    "training, rewards   every record of point 8 and point 9, with "
	    "the officer's\n"
	    "               name, e-mail and agency\n"
	    "\n"
	    "-o FILE, --output FILE\n"
	    "               write FILE whole or not at all (through FILE.tmp); "
	    "without\n"
	    "               -o, or with -o -, standard output\n"
	    "--excel        UTF-8 with a byte order mark and CRLF line ends, "
	    "as Excel\n"
	    "               wants; a .csv file gets --excel unless --plain\n"
	    "--plain        UTF-8 with LF line ends (standard output's "
	    "default)\n"
	    "--encoding big5  Big5 (CP950) for old Excel; a character Big5 "
	    "lacks fails\n"
	    "               the export, naming the row and the field\n"
	    "--encoding utf-8  UTF-8; the default unless export_encoding in "
	    "the\n"
	    "               settings says big5 (see ogpo --print-config)\n"
	    "\n"
	    "A cell that starts with = + - @ (not a number) gets a leading ' "
	    "so that\n"
	    "no formula runs; ogpo import takes it off again.\n"),
	.exec = cmd_export_exec,
};
