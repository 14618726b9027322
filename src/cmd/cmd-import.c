/*
 * cmd-import.c — `ogpo import officers|agencies FILE [options]`, `ogpo
 * import list` and `ogpo import undo [IMPORT]`.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ogpo/cmd.h"
#include "ogpo/import.h"
#include "ogpo/spool.h"
#include "ogpo/text.h"

struct cmd_import {
	int	 bar;		/* the terminal, written to without waiting;
				   -1: no progress bar */
	int	 bar_shown;
};

/* Write s to the bar's terminal if it takes it now; else drop it. */
static void
cmd_import_put(struct cmd_import *ci, const char *s)
{
	(void)!write(ci->bar, s, strlen(s));
}

/*
 * The bar. While rows are checked the database is held, so it is never
 * waited for: a stopped terminal (Ctrl-S) or a slow link loses frames,
 * not others' time.
 */
static void
cmd_import_progress(void *arg, int stage, uint64_t done, uint64_t total)
{
	struct cmd_import *ci = arg;
	int pct = total ? (int)(done * 100 / total) : 0, i;
	char line[128], *p = line;

	if (ci->bar < 0)
		return;
	p += snprintf(line, sizeof line, "\r%-9s [", stage == IMPORT_COPYING ?
	    _("reading") : _("checking"));
	for (i = 0; i < 40; i++)
		*p++ = i < pct * 40 / 100 ? '#' : '.';
	if (total)
		snprintf(p, sizeof line - (size_t)(p - line), "] %3d%%", pct);
	else
		snprintf(p, sizeof line - (size_t)(p - line), "] %llu MB",
		    (unsigned long long)(done >> 20));
	cmd_import_put(ci, line);
	ci->bar_shown = 1;
}

static void
cmd_import_unbar(struct cmd_import *ci)
{
	if (ci->bar_shown) {
		cmd_import_put(ci, "\r                                        "
		    "                                \r");
		ci->bar_shown = 0;
	}
}

static void
cmd_import_reject(void *arg, const char *where, const char *column,
    const char *reason)
{
	char *msg = *column ? xasprintf(_("%s, column %s: %s"), where, column,
	    reason) : xasprintf(_("%s: %s"), where, reason);

	cmd_import_unbar(arg);
	fputs(_("rejected "), stdout);
	cmd_put_safe(stdout, msg);
	fputc('\n', stdout);
	free(msg);
}

static void
cmd_import_change(void *arg, const char *where, const char *what)
{
	struct cmd_import *ci = arg;
	char *msg;

	cmd_import_unbar(ci);
	msg = xasprintf(_("%s: %s"), where, what);
	cmd_put_safe(stdout, msg);
	fputc('\n', stdout);
	free(msg);
}

static int
cmd_import_file(const struct cmd_ctx *ctx, enum entity_kind kind, int argc,
    char **argv)
{
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "skip-bad", no_argument, NULL, 's' },
		{ "rejects", required_argument, NULL, 'r' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "delimiter", required_argument, NULL, 'd' },
		{ "create-agencies", no_argument, NULL, 'c' },
		{ "meeting", required_argument, NULL, 'm' },
		{ "status", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct import_options o;
	struct import_result res;
	struct cmd_import ci;
	struct core *c;
	char *cause = NULL, *file, *end;
	const char *why;
	unsigned long n;
	int ch, rc;

	memset(&o, 0, sizeof o);
	memset(&ci, 0, sizeof ci);
	o.kind = kind;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'n':
			o.dry_run = 1;
			break;
		case 's':
			o.skip_bad = 1;
			break;
		case 'r':
			o.rejects = optarg;
			break;
		case 'e':
			if (strcmp(optarg, "utf-8") != 0 &&
			    strcmp(optarg, "big5") != 0 &&
			    strcmp(optarg, "utf-16") != 0)
				return cmd_error(&cmd_import_entry, CMD_USAGE,
				    "--encoding takes utf-8, big5 or utf-16, "
				    "not '%s'", optarg);
			o.csv.encoding = optarg;
			break;
		case 'd':
			if (strcmp(optarg, "tab") == 0 ||
			    strcmp(optarg, "\\t") == 0)
				o.csv.delimiter = '\t';
			else if (strlen(optarg) == 1 &&
			    strchr(",;\t", optarg[0]) != NULL)
				o.csv.delimiter = optarg[0];
			else
				return cmd_error(&cmd_import_entry, CMD_USAGE,
				    "--delimiter takes , ; or tab, not '%s'",
				    optarg);
			break;
		case 'c':
			o.create_agencies = 1;
			break;
		case 'm':
			n = strtoul(optarg + (*optarg == '#'), &end, 10);
			if (kind != ENTITY_ATTENDANCE || *end != '\0' || n == 0 ||
			    n > UINT32_MAX)
				return cmd_error(&cmd_import_entry, CMD_USAGE,
				    kind != ENTITY_ATTENDANCE ? "--meeting is "
				    "for ogpo import attendance" : "--meeting "
				    "takes a meeting's number (see ogpo list "
				    "meetings), not '%s'", optarg);
			o.meeting = (uint32_t)n;
			break;
		case 't':
			if (kind != ENTITY_ATTENDANCE)
				return cmd_error(&cmd_import_entry, CMD_USAGE,
				    "--status is for ogpo import attendance");
			if (import_attend_status(optarg, &o.status, &why) != 0)
				return cmd_error(&cmd_import_entry, CMD_USAGE,
				    "--status '%s' %s", optarg, why);
			break;
		case 'h':
			cmd_usage(&cmd_import_entry, stdout);
			return CMD_OK;
		default:
			cmd_usage(&cmd_import_entry, stderr);
			return CMD_USAGE;
		}
	}
	if (optind + 1 != argc) {
		cmd_usage(&cmd_import_entry, stderr);
		return CMD_USAGE;
	}
	if ((c = cmd_open(ctx, 0)) == NULL)
		return CMD_FAIL;
	ci.bar = spool_tty_nowait(STDERR_FILENO);
	o.progress = cmd_import_progress;
	o.on_reject = cmd_import_reject;
	/* Only a dry run lists the changes: a real one is not asked to
	 * word a sentence per row that nobody reads. */
	o.on_change = o.dry_run ? cmd_import_change : NULL;
	o.arg = &ci;
	rc = import_run(c, argv[optind], &o, &res, &cause);
	cmd_import_unbar(&ci);
	if (ci.bar >= 0)
		close(ci.bar);
	if (rc == 0 || (rc == OGPO_INVALID && res.rows > 0)) {
		if (res.unknown[0] != '\0') {
			printf(_("ignored columns: "));
			cmd_put_safe(stdout, res.unknown);
			fputc('\n', stdout);
		}
		file = cmd_safe(argv[optind]);
		if (rc != 0)	/* nothing landed: say what would have */
			printf(_("%s: nothing imported; the good rows would have "
			    "added %zu, updated %zu, left %zu unchanged; "
			    "rejected %zu (%s"), file, res.added,
			    res.updated, res.unchanged, res.rejected,
			    res.encoding);
		else
			printf(_("%s%s: added %zu, updated %zu, unchanged %zu, "
			    "rejected %zu (%s"), o.dry_run ? _("dry run, nothing "
			    "written, ") : "", file, res.added,
			    res.updated, res.unchanged, res.rejected,
			    res.encoding);
		free(file);
		if (res.delimiter == 0) {
			file = cmd_safe(res.sheet);
			printf(_(", sheet %s)\n"), file);
			free(file);
		} else
			printf(_(", %s-separated)\n"), res.delimiter == '\t' ?
			    _("tab") : res.delimiter == ';' ? _("semicolon") :
			    _("comma"));
		if (res.written)
			printf(_("import %llu; ogpo import undo %llu takes it "
			    "back\n"), (unsigned long long)res.seq,
			    (unsigned long long)res.seq);
		if (res.rejects_error != NULL) {
			fputs(_("ogpo import: the rejected rows could not be "
			    "written: "), stderr);
			cmd_put_safe(stderr, res.rejects_error);
			fputc('\n', stderr);
		} else if (o.rejects != NULL && res.rejected > 0) {
			file = cmd_safe(o.rejects);
			printf(_("rejected rows, with the reason, are in %s\n"),
			    file);
			free(file);
		}
	}
	if (res.absent != NULL) {
		/* With the counts, which it qualifies. */
		cmd_put_lines(stdout, res.absent);
		free(res.absent);
	}
	if (res.warnings != NULL) {
		cmd_put_lines(stderr, res.warnings);
		free(res.warnings);
	}
	if (rc != 0)
		cmd_error(&cmd_import_entry, CMD_FAIL, "%s", cause);
	else if (o.dry_run && !o.skip_bad && res.rejected > 0) {
		/* The dry run answers for the import it stands for, so that
		 * `--dry-run && import` stops where the import would. */
		fprintf(stderr, ngettext("ogpo import: %zu row would be "
		    "rejected, so the import would write nothing; correct it, "
		    "or add --skip-bad to load the good rows\n", "ogpo import: "
		    "%zu rows would be rejected, so the import would write "
		    "nothing; correct them, or add --skip-bad to load the good "
		    "rows\n", res.rejected), res.rejected);
		rc = OGPO_INVALID;
	}
	free(cause);
	free(res.rejects_error);
	core_close(c);
	return rc != 0 || res.rejects_error != NULL ? CMD_FAIL : CMD_OK;
}

static int
cmd_import_list_one(void *arg, uint64_t seq, const struct audit *a,
    const struct import_record *ir, int undone)
{
	char when[32], who[4 * 10 + 8];

	(void)arg;
	time_show(a->time, when, sizeof when);
	text_fit(a->login, 10, 1, who, sizeof who);
	printf("%-6llu %s  %s %-9s +%u ~%u =%u !%u  ", (unsigned long long)seq,
	    when, who, model_enum_name(&model_entities, ir->kind),
	    ir->added, ir->updated, ir->unchanged, ir->rejected);
	cmd_put_safe(stdout, ir->file);
	printf("%s\n", undone ? _("  (undone)") : "");
	return 0;
}

/* `ogpo import cases|progress|resolutions FILE [--dry-run]`: all rows,
 * or none. */
static int
cmd_import_records(const struct cmd_ctx *ctx, enum entity_kind kind,
    int argc, char **argv)
{
	struct records_options o;
	struct records_result res;
	struct cmd_import ci;
	struct core *c;
	char *cause = NULL, *file;
	const char *path = NULL;
	int i, rc;

	memset(&o, 0, sizeof o);
	memset(&ci, 0, sizeof ci);
	ci.bar = -1;
	o.kind = kind;
	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--dry-run") == 0 ||
		    strcmp(argv[i], "-n") == 0)
			o.dry_run = 1;
		else if (path == NULL && argv[i][0] != '-')
			path = argv[i];
		else
			return cmd_error(&cmd_import_entry, CMD_USAGE, "'%s': "
			    "ogpo import %s takes a file and --dry-run only",
			    argv[i], argv[0]);
	if (path == NULL)
		return cmd_error(&cmd_import_entry, CMD_USAGE, "name the file "
		    "to import: ogpo import %s FILE", argv[0]);
	if ((c = cmd_open(ctx, 0)) == NULL)
		return CMD_FAIL;
	/* A dry run says row by row what would change. */
	o.on_change = o.dry_run ? cmd_import_change : NULL;
	o.arg = &ci;
	rc = records_import(c, path, &o, &res, &cause);
	file = cmd_safe(path);
	if (rc != 0)
		cmd_error(&cmd_import_entry, CMD_FAIL, "%s", cause);
	else
		printf(_("%s: %zu rows: added %zu, updated %zu, unchanged "
		    "%zu%s.\n"), file, res.rows, res.added, res.updated,
		    res.unchanged, o.dry_run ? _(" (dry run, nothing was "
		    "written)") : "");
	if (rc == 0 && res.written)
		printf(_("import %llu; ogpo import undo %llu takes it back\n"),
		    (unsigned long long)res.seq, (unsigned long long)res.seq);
	free(file);
	free(cause);
	core_close(c);
	return rc != 0 ? CMD_FAIL : CMD_OK;
}

static int
cmd_import_exec(const struct cmd_ctx *ctx, int argc, char **argv)
{
	struct import_record ir;
	struct core *c;
	char *cause = NULL, *end;
	uint64_t seq = 0;
	int rc;

	if (argc < 2 || strcmp(argv[1], "--help") == 0) {
		cmd_usage(&cmd_import_entry, argc < 2 ? stderr : stdout);
		return argc < 2 ? CMD_USAGE : CMD_OK;
	}
	if (strcmp(argv[1], "officers") == 0)
		return cmd_import_file(ctx, ENTITY_OFFICER, argc - 1, argv + 1);
	if (strcmp(argv[1], "agencies") == 0)
		return cmd_import_file(ctx, ENTITY_AGENCY, argc - 1, argv + 1);
	if (strcmp(argv[1], "attendance") == 0)
		return cmd_import_file(ctx, ENTITY_ATTENDANCE, argc - 1,
		    argv + 1);
	if (strcmp(argv[1], "cases") == 0)
		return cmd_import_records(ctx, ENTITY_ISSUE, argc - 1,
		    argv + 1);
	if (strcmp(argv[1], "progress") == 0)
		return cmd_import_records(ctx, ENTITY_PROGRESS, argc - 1,
		    argv + 1);
	if (strcmp(argv[1], "resolutions") == 0)
		return cmd_import_records(ctx, ENTITY_RESOLUTION, argc - 1,
		    argv + 1);
	if (strcmp(argv[1], "list") != 0 && strcmp(argv[1], "undo") != 0)
		return cmd_error(&cmd_import_entry, CMD_USAGE, "'%s': say "
		    "officers, agencies, attendance, cases, progress, "
		    "resolutions, list or undo", argv[1]);
	if (strcmp(argv[1], "undo") == 0 && argc == 3) {
		seq = strtoull(argv[2], &end, 10);
		if (*end != '\0' || seq == 0)
			return cmd_error(&cmd_import_entry, CMD_USAGE, "'%s' "
			    "is not an import number (see ogpo import list)",
			    argv[2]);
	} else if (argc != 2)
		return cmd_error(&cmd_import_entry, CMD_USAGE, "too many "
		    "arguments");
	if ((c = cmd_open(ctx, 0)) == NULL)
		return CMD_FAIL;
	if (strcmp(argv[1], "list") == 0) {
		printf("%s\n", _("IMPORT WHEN              WHO        WHAT      "
		    "+ADDED ~UPDATED =UNCHANGED !REJECTED  FILE"));
		rc = import_list(c, cmd_import_list_one, NULL, &cause);
	} else if ((rc = import_undo(c, seq, &ir, &cause)) == 0)
		printf(_("Undone: %u added records removed, %u updated records "
		    "restored.\n"), ir.added, ir.updated);
	if (rc != 0)
		cmd_error(&cmd_import_entry, CMD_FAIL, "%s", cause);
	free(cause);
	core_close(c);
	return rc != 0 ? CMD_FAIL : CMD_OK;
}

const struct cmd_entry cmd_import_entry = {
	.name = "import",
	.args = "officers|agencies|attendance FILE [--dry-run] [--skip-bad] "
	    "[--rejects FILE]\n"
	    "           [--encoding utf-8|big5|utf-16] [--delimiter ,|;|tab] "
	    "[--create-agencies]\n"
	    "           [--meeting N] [--status STATUS]  (attendance)\n"
	    "       ogpo import cases|progress|resolutions FILE [--dry-run]\n"
	    "       ogpo import list | undo [IMPORT]",
	.summary = N_("Load officers, agencies, attendance, cases, progress "
	    "or resolutions from a spreadsheet (.ods, .xlsx or CSV); list "
	    "or undo imports."),
	.help = N_("The whole file is one transaction: if any row is bad nothing "
	    "is written\n(--skip-bad loads the good rows). Officers match by "
	    "e-mail, agencies by\ncode; identical rows change nothing. "
	    "Headers may be English or Chinese\n(姓名 name, 機關 agency, "
	    "機關代碼 agency_code, 職稱 title, 角色 role, 電子郵件\nemail, "
	    "電話 phone, 分機 ext, 是否為公務人員 civil_servant, 到任日期 "
	    "start_date,\n備註 note); title rows above the header are passed "
	    "over. An .ods or .xlsx\nfile's first sheet is read; a CSV "
	    "file's encoding (UTF-8, UTF-16, Big5) and\ndelimiter are found "
	    "by themselves. Rows are named as a spreadsheet numbers\nthem "
	    "(for CSV with the line alongside). --dry-run shows what would "
	    "change,\nby the file's own column names; --rejects writes the "
	    "rejected rows with a\n錯誤原因 column, to send back (.ods, "
	    ".xlsx or CSV, by its name).\n"
	    "Cases and progress reports come back from the tables ogpo "
	    "export cases\nand ogpo export progress write (headed by the "
	    "field names): a row\nwith an id updates that record, a row "
	    "without one adds a new one; every\nrow lands, or none does, "
	    "and ogpo import undo takes it back.\n"
	    "Resolutions come back from the table ogpo export resolutions "
	    "writes\n(編號, 會議編號, 會議日期, 會議, 案次, 決議事項, "
	    "主責機關代碼, 主責機關,\n期限, 狀態, 關聯議題編號, 決定會議編號, "
	    "辦理情形): a row is the resolution\nof its 編號, else of its "
	    "meeting and 案次; a row naming neither adds a\nnew one to the "
	    "meeting (by 會議編號, or 會議日期 and 會議). 狀態 is 持續列管\n"
	    "or 解除列管; an editor changes only resolutions their agencies "
	    "carry.\n"
	    "Attendance rows name the meeting (會議編號 meeting, or 日期 date "
	    "and\n會議類別 kind, with 會議名稱 title where two share a day), "
	    "the person\n(電子郵件 email, or 姓名 name and 機關代碼 or 機關), "
	    "出席情形 status\n(出席 線上 代理出席 請假 缺席 受邀, or present "
	    "online proxy excused absent\ninvited), 代理人 proxy and 備註 "
	    "note; a sheet from ogpo export attendance\nimports back as it "
	    "is. Someone not yet invited is invited by their row.\n"
	    "A file of one meeting that names none (a meeting tool's "
	    "report, a sign-in\nsheet typed in) takes --meeting N for its "
	    "rows, and --status the status of\nrows that give none (online "
	    "for a report of who joined, absent for a sheet's\nunmarked "
	    "rows); an answer recorded before that says more stays (請假 "
	    "sent\nahead, 出席 in the room). A sign-in sheet's 簽到 or 簽名 "
	    "column takes marks\n(✓ ○ V 到, 請假, 代理：and the name). A "
	    "name cell may carry the agency, its\nexact name or code, after "
	    "the name or before it: 王小明 (內政部),\n王小明（內政部）, "
	    "（內政部）王小明, 【內政部】王小明, 內政部-王小明,\n內政部 王小明, "
	    "王小明_MOI. A Microsoft Teams report, in English or in\n"
	    "Chinese, is read by its Name or 名稱 (全名), Email or 電子郵件, "
	    "and, where\nthe e-mail is empty, Participant ID (UPN) or "
	    "參與者識別碼. A report's next\nsection (3. In-Meeting Activities, "
	    "3. 會議中活動) ends its table.\n"),
	.exec = cmd_import_exec,
};
