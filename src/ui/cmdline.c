/*
 * cmdline.c — the ":" command line, as tig, mutt and vim have it: the
 * command line's own commands, with their words and options, where they
 * make sense on the screen (":export attendance --month 2026-11 -o
 * f.ods", ":list officers --agency MOI", ":audit --since -7d", ":q").
 * Tab completes the command, its words and its options. A command runs
 * through what the keys do (the pane's own add and import, ui_export),
 * so it is checked and recorded as they are.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/export.h"
#include "ogpo/text.h"
#include "ui-int.h"

#define CMDLINE_ARGS	16
#define CMDLINE_MAX	512

struct cmdline_cmd;
typedef enum ui_action (*cmdline_fn)(struct ui *ui,
    const struct cmdline_cmd *c, int argc, char **argv);

struct cmdline_cmd {
	const char		*name;
	const char *const	*words;	/* what may follow it, for Tab */
	const char *const	*opts;	/* its options, for Tab */
	cmdline_fn		 run;	/* NULL: the command line's only */
	const char		*usage;	/* for the help */
	const char		*help;
};

static const char *const cmdline_lists[] = { "agencies", "officers",
	"meetings", "cases", "issues", "training", "rewards", "users", NULL };
static const char *const cmdline_list_opts[] = { "--agency", NULL };
static const char *const cmdline_exports[] = { "attendance", "signin",
	"officers", "agencies", "meetings", "issues", "training", "rewards",
	"cases", "progress", "resolutions", "deadlines", "agenda", "decisions",
	NULL };
static const char *const cmdline_export_opts[] = { "--output", "--month",
	"--summary", NULL };
/* What every kind but attendance takes. */
static const char *const cmdline_export_file_opts[] = { "--output", NULL };
static const char *const cmdline_audit_opts[] = { "--since", "--until",
	"--login", "--entity", NULL };
static const char *const cmdline_adds[] = { "agency", "officer", "meeting",
	"case", "issue", "user", NULL };
static const char *const cmdline_imports[] = { "officers", "attendance",
    NULL };

/* Where each pane is in ui->panes (ui.c's order). */
static int
cmdline_tab(const char *name)
{
	static const struct {
		const char	*name;
		int		 tab;
	} tabs[] = {
		{ "agencies", 0 }, { "agency", 0 }, { "officers", 1 },
		{ "officer", 1 }, { "training", 1 }, { "rewards", 1 },
		{ "meetings", 2 }, { "meeting", 2 }, { "cases", 3 },
		{ "case", 3 }, { "issues", 3 }, { "issue", 3 },
		{ "compliance", 4 }, { "check", 4 },
		{ "audit", 5 }, { "users", 6 }, { "user", 6 },
	};
	size_t i;

	for (i = 0; i < sizeof tabs / sizeof tabs[0]; i++)
		if (strcmp(name, tabs[i].name) == 0)
			return tabs[i].tab;
	return -1;
}

/* Go to tab: the action the main loop does (it says no to Users). */
static enum ui_action
cmdline_goto(int tab)
{
	return (enum ui_action)(UA_TAB_AGENCIES + tab);
}

/* The value of option argv[*i] (--opt VALUE or --opt=VALUE), or NULL. */
static const char *
cmdline_value(struct ui *ui, int argc, char **argv, int *i)
{
	char *eq = strchr(argv[*i], '=');

	if (eq != NULL)
		return eq + 1;
	if (*i + 1 >= argc) {
		ui_message(ui, 1, _("%s needs a value"), argv[*i]);
		return NULL;
	}
	return argv[++*i];
}

/* 1 if argv[i] is option name (long, or its short letter), with or
 * without =VALUE. */
static int
cmdline_is(const char *arg, const char *name, char letter)
{
	size_t n = strlen(name);

	if (letter != 0 && arg[0] == '-' && arg[1] == letter && arg[2] == '\0')
		return 1;
	return strncmp(arg, name, n) == 0 && (arg[n] == '\0' || arg[n] == '=');
}

static enum ui_action
cmdline_unknown_option(struct ui *ui, const struct cmdline_cmd *c,
    const char *arg)
{
	ui_message(ui, 1, _("'%s' is not an option of :%s (Tab shows them)"),
	    arg, c->name);
	return UA_NONE;
}

static enum ui_action
cmdline_quit(struct ui *ui, const struct cmdline_cmd *c, int argc,
    char **argv)
{
	(void)ui; (void)c; (void)argc; (void)argv;
	return UA_QUIT;
}

static enum ui_action
cmdline_help(struct ui *ui, const struct cmdline_cmd *c, int argc,
    char **argv)
{
	(void)ui; (void)c; (void)argc; (void)argv;
	return UA_HELP;
}

static enum ui_action
cmdline_who(struct ui *ui, const struct cmdline_cmd *c, int argc,
    char **argv)
{
	(void)ui; (void)c; (void)argc; (void)argv;
	return UA_WHO;
}

static enum ui_action
cmdline_undo(struct ui *ui, const struct cmdline_cmd *c, int argc,
    char **argv)
{
	(void)ui; (void)c; (void)argc; (void)argv;
	return UA_UNDO;
}

/* :agencies, :officers …: the tab of that name. */
static enum ui_action
cmdline_tab_cmd(struct ui *ui, const struct cmdline_cmd *c, int argc,
    char **argv)
{
	(void)ui; (void)argc; (void)argv;
	return cmdline_goto(cmdline_tab(c->name));
}

/* :list KIND [--agency CODE]: the tab that lists them. */
static enum ui_action
cmdline_list(struct ui *ui, const struct cmdline_cmd *c, int argc,
    char **argv)
{
	struct store_txn *t;
	struct agency a;
	const char *kind = NULL, *code = NULL;
	char *cause = NULL;
	int i, tab;

	for (i = 1; i < argc; i++) {
		if (cmdline_is(argv[i], "--agency", 'a')) {
			if ((code = cmdline_value(ui, argc, argv, &i)) == NULL)
				return UA_NONE;
		} else if (argv[i][0] == '-')
			return cmdline_unknown_option(ui, c, argv[i]);
		else if (kind == NULL)
			kind = argv[i];
		else {
			ui_message(ui, 1, _(":list takes one kind of record; "
			    "'%s' is one too many"), argv[i]);
			return UA_NONE;
		}
	}
	if (kind == NULL || (tab = cmdline_tab(kind)) < 0 || tab == 4 ||
	    tab == 5) {
		ui_message(ui, 1, _(":list what? agencies, officers, meetings, "
		    "cases, training, rewards or users"));
		return UA_NONE;
	}
	if (code != NULL) {
		if (tab != 1 && tab != 3) {
			ui_message(ui, 1, _("--agency goes with :list "
			    "officers or :list cases"));
			return UA_NONE;
		}
		if (store_read_begin(ui->store, &t, &cause) != 0) {
			ui_message(ui, 1, "%s", cause);
			free(cause);
			return UA_NONE;
		}
		i = store_agency_by_code(t, code, &a, NULL);
		store_read_end(t);
		if (i != 0) {
			ui_message(ui, 1, _("No agency has the code '%s' (the "
			    "Agencies tab shows them)"), code);
			return UA_NONE;
		}
		/* Cases: those it leads or co-organises, what its PO
		 * reports on at the month's meeting. */
		if (tab == 3)
			pane_issues_narrow(ui, a.h.id);
		else {
			ui->agency = a.h.id;
			ui_changed(ui);
		}
	}
	return cmdline_goto(tab);
}

/* A date for the audit filter as :audit's options take it. */
static int
cmdline_audit_date(struct ui *ui, const char *opt, const char *v, char *buf,
    size_t n)
{
	if (strchr(v, ' ') != NULL || *v == '\0') {
		ui_message(ui, 1, _("%s takes a date: 2026-11-01, today, "
		    "yesterday or -7d"), opt);
		return -1;
	}
	snprintf(buf, n, "%s", v);
	return 0;
}

/* :audit [--since D] [--until D] [--login L] [--entity K]: the Audit tab,
 * filtered as its f key would. */
static enum ui_action
cmdline_audit(struct ui *ui, const struct cmdline_cmd *c, int argc,
    char **argv)
{
	char filter[256] = "", v[64];
	const char *val;
	size_t used = 0;
	int i;

	for (i = 1; i < argc; i++) {
		const char *key;

		if (cmdline_is(argv[i], "--since", 's'))
			key = "since:";
		else if (cmdline_is(argv[i], "--until", 'u'))
			key = "until:";
		else if (cmdline_is(argv[i], "--login", 'l'))
			key = "login:";
		else if (cmdline_is(argv[i], "--entity", 'e'))
			key = "kind:";
		else if (argv[i][0] == '-')
			return cmdline_unknown_option(ui, c, argv[i]);
		else
			key = "";
		if (*key != '\0') {
			const char *opt = argv[i];

			if ((val = cmdline_value(ui, argc, argv, &i)) == NULL ||
			    cmdline_audit_date(ui, opt, val, v, sizeof v) != 0)
				return UA_NONE;
		} else
			snprintf(v, sizeof v, "%s", argv[i]);
		used += (size_t)snprintf(filter + used, used < sizeof filter ?
		    sizeof filter - used : 0, "%s%s%s", used ? " " : "", key,
		    v);
	}
	if (used >= sizeof filter) {
		ui_message(ui, 1, _("That filter is too long"));
		return UA_NONE;
	}
	if (pane_audit_filter(ui, filter) != 0)
		return UA_NONE;
	return cmdline_goto(5);
}

/* :export KIND [MEETING] [-o FILE] [--month YYYY-MM] [--summary]. */
static enum ui_action
cmdline_export(struct ui *ui, const struct cmdline_cmd *c, int argc,
    char **argv)
{
	static const int whats[] = { EXPORT_ATTENDANCE, EXPORT_SIGNIN,
		EXPORT_OFFICERS, EXPORT_AGENCIES, EXPORT_MEETINGS,
		EXPORT_ISSUES, EXPORT_TRAINING, EXPORT_REWARDS, EXPORT_CASES,
		EXPORT_PROGRESS, EXPORT_RESOLUTIONS, EXPORT_DEADLINES,
		EXPORT_AGENDA, EXPORT_DECISIONS };
	const char *file = NULL, *month = NULL, *kind = NULL, *meeting = NULL;
	char m[EXPORT_MONTH_MAX + 1], *end;
	unsigned long id = 0;
	int i, summary = 0, what = 0;
	size_t k;

	for (i = 1; i < argc; i++) {
		if (cmdline_is(argv[i], "--output", 'o')) {
			if ((file = cmdline_value(ui, argc, argv, &i)) == NULL)
				return UA_NONE;
		} else if (cmdline_is(argv[i], "--month", 'm')) {
			if ((month = cmdline_value(ui, argc, argv, &i)) == NULL)
				return UA_NONE;
		} else if (cmdline_is(argv[i], "--summary", 's'))
			summary = 1;
		else if (argv[i][0] == '-')
			return cmdline_unknown_option(ui, c, argv[i]);
		else if (kind == NULL)
			kind = argv[i];
		else if (meeting == NULL)
			meeting = argv[i];
		else {
			ui_message(ui, 1, _("'%s' is one word too many for "
			    ":export"), argv[i]);
			return UA_NONE;
		}
	}
	for (k = 0; kind != NULL && cmdline_exports[k] != NULL; k++)
		if (strcmp(kind, cmdline_exports[k]) == 0)
			what = whats[k];
	if (what == 0) {
		ui_message(ui, 1, _(":export what? attendance, signin, "
		    "officers, agencies, meetings, cases, progress, "
		    "resolutions, deadlines, agenda, decisions, training or "
		    "rewards"));
		return UA_NONE;
	}
	if (what != EXPORT_ATTENDANCE && (month != NULL || summary)) {
		ui_message(ui, 1, _("--month and --summary go with :export "
		    "attendance"));
		return UA_NONE;
	}
	if (month != NULL && export_month_parse(month, m) != 0) {
		ui_message(ui, 1, _("--month takes a month as 2026-11, not "
		    "'%s'"), month);
		return UA_NONE;
	}
	if (what == EXPORT_SIGNIN || what == EXPORT_AGENDA ||
	    what == EXPORT_DECISIONS) {
		if (meeting != NULL)
			id = strtoul(meeting, &end, 10);
		if (meeting == NULL || *end != '\0' || id == 0 ||
		    id > UINT32_MAX) {
			ui_message(ui, 1, _("Say which meeting by its number: "
			    ":export %s 12 (or its key on the Meetings tab)"),
			    kind);
			return UA_NONE;
		}
	} else if (meeting != NULL) {
		ui_message(ui, 1, _("'%s' is one word too many for :export"),
		    meeting);
		return UA_NONE;
	}
	if (file != NULL && *file == '\0') {
		ui_message(ui, 1, _("-o needs a file name"));
		return UA_NONE;
	}
	if (what == EXPORT_ATTENDANCE && summary)
		what = EXPORT_SUMMARY;
	ui_export(ui, what, (uint32_t)id, month != NULL ? m : NULL, file);
	return UA_NONE;
}

/*
 * :import attendance [FILE]: into the meeting whose roll call is open, as
 * its own key does (the roll call reads the marks again after).
 */
static enum ui_action
cmdline_import_attendance(struct ui *ui, int argc, char **argv)
{
	char key[64];

	if (ui->roll == 0) {
		ui_key_label(ui, UI_CTX_ATTEND, UA_IMPORT, key, sizeof key);
		if (key[0] != '\0')
			ui_message(ui, 1, _(":import attendance loads a "
			    "meeting's attendance in its roll call: open it "
			    "(Enter on the meeting), then press %s or type it "
			    "there"), key);
		else
			ui_message(ui, 1, _(":import attendance loads a "
			    "meeting's attendance in its roll call: open it "
			    "(Enter on the meeting), then type it there"));
		return UA_NONE;
	}
	if (argc > 3 || (argc == 3 && argv[2][0] == '-')) {
		/* --meeting, --status: the roll call's meeting, and asked. */
		ui_message(ui, 1, _(":import attendance takes a file's name "
		    "alone; it imports into this meeting, shows what would "
		    "change and asks before it writes"));
		return UA_NONE;
	}
	ui_import(ui, ENTITY_ATTENDANCE, ui->roll, argc == 3 ? argv[2] : NULL);
	return UA_NONE;
}

/* :add KIND and :import officers: what the tab's own key does there. */
static enum ui_action
cmdline_pane_do(struct ui *ui, const struct cmdline_cmd *c, int argc,
    char **argv)
{
	int tab = argc == 2 ? cmdline_tab(argv[1]) : -1;
	enum ui_action a = strcmp(c->name, "add") == 0 ? UA_ADD : UA_IMPORT;

	if (a == UA_ADD && (tab < 0 || tab == 4 || tab == 5 ||
	    strcmp(argv[1], "training") == 0 ||
	    strcmp(argv[1], "rewards") == 0)) {
		ui_message(ui, 1, _(":add what? agency, officer, meeting, "
		    "case or user"));
		return UA_NONE;
	}
	if (a == UA_IMPORT && argc >= 2 &&
	    strcmp(argv[1], "attendance") == 0)
		return cmdline_import_attendance(ui, argc, argv);
	if (a == UA_IMPORT && (argc < 2 ||
	    strcmp(argv[1], "officers") != 0)) {
		/* Agencies, cases, progress, resolutions. */
		ui_message(ui, 1, _("Here only :import officers, and "
		    ":import attendance in a meeting's roll call; the other "
		    "kinds: ogpo import on the command line"));
		return UA_NONE;
	}
	if (a == UA_IMPORT && (argc > 3 || (argc == 3 &&
	    argv[2][0] == '-'))) {
		/* --dry-run, --skip-bad: the screen asks before it writes. */
		ui_message(ui, 1, _(":import officers takes a file's name "
		    "alone; it shows what would change and asks before it "
		    "writes"));
		return UA_NONE;
	}
	if (a == UA_IMPORT && argc == 3) {
		ui_switch_tab(ui, 1);
		ui_redraw(ui);
		ui_import(ui, ENTITY_OFFICER, 0, argv[2]);
		return UA_NONE;
	}
	if (a == UA_IMPORT)
		tab = 1;
	if (tab == 6 && !ui->admin)
		return cmdline_goto(tab);	/* which says why not */
	ui_switch_tab(ui, tab);
	ui_redraw(ui);
	ui->panes[tab]->action(ui, a);
	return UA_NONE;
}

static const struct cmdline_cmd cmdline_cmds[] = {
	{ "quit", NULL, NULL, cmdline_quit, ":q, :quit", N_("leave ogpo") },
	{ "q", NULL, NULL, cmdline_quit, NULL, NULL },
	{ "help", NULL, NULL, cmdline_help, ":help",
	    N_("the keys and these commands") },
	{ "list", cmdline_lists, cmdline_list_opts, cmdline_list,
	    ":list KIND [--agency CODE]",
	    N_("the tab of that kind; officers or cases of one agency") },
	{ "export", cmdline_exports, cmdline_export_opts, cmdline_export,
	    ":export KIND [MEETING] [-o FILE] [--month YYYY-MM] [--summary]",
	    N_("write a spreadsheet file, as ogpo export does") },
	{ "audit", NULL, cmdline_audit_opts, cmdline_audit,
	    ":audit [--since DATE] [--until DATE] [--login NAME] "
	    "[--entity KIND] [WORDS]",
	    N_("the Audit tab, filtered (DATE: 2026-11-01, today, "
	    "yesterday, -7d)") },
	{ "check", NULL, NULL, cmdline_tab_cmd, ":check",
	    N_("the Compliance tab") },
	{ "add", cmdline_adds, NULL, cmdline_pane_do, ":add KIND",
	    N_("a new record in its tab's form") },
	{ "import", cmdline_imports, NULL, cmdline_pane_do,
	    ":import officers|attendance [FILE]",
	    N_("load officers from a spreadsheet file; attendance: in a "
	    "meeting's roll call, into that meeting") },
	{ "undo", NULL, NULL, cmdline_undo, ":undo",
	    N_("take back your last change") },
	{ "who", NULL, NULL, cmdline_who, ":who",
	    N_("who else has the database open") },
	{ "agencies", NULL, NULL, cmdline_tab_cmd, ":agencies, :officers, "
	    ":meetings, :cases, :compliance, :users", N_("go to that tab") },
	{ "officers", NULL, NULL, cmdline_tab_cmd, NULL, NULL },
	{ "meetings", NULL, NULL, cmdline_tab_cmd, NULL, NULL },
	{ "cases", NULL, NULL, cmdline_tab_cmd, NULL, NULL },
	{ "issues", NULL, NULL, cmdline_tab_cmd, NULL, NULL },
	{ "compliance", NULL, NULL, cmdline_tab_cmd, NULL, NULL },
	{ "users", NULL, NULL, cmdline_tab_cmd, NULL, NULL },
	/* The command line's alone: they say where to run them. */
	{ "backup", NULL, NULL, NULL, NULL, NULL },
	{ "delete", NULL, NULL, NULL, NULL, NULL },
	{ "doctor", NULL, NULL, NULL, NULL, NULL },
	{ "init", NULL, NULL, NULL, NULL, NULL },
	{ "set", NULL, NULL, NULL, NULL, NULL },
	{ "user", NULL, NULL, NULL, NULL, NULL },
	{ "verify", NULL, NULL, NULL, NULL, NULL },
};
#define CMDLINE_NCMDS (sizeof cmdline_cmds / sizeof cmdline_cmds[0])

char *
ui_command_help(void)
{
	char *text = xstrdup(""), *old;
	size_t i;

	for (i = 0; i < CMDLINE_NCMDS; i++) {
		if (cmdline_cmds[i].usage == NULL)
			continue;
		old = text;
		text = xasprintf("%s  %s\n      %s\n", old,
		    cmdline_cmds[i].usage, _(cmdline_cmds[i].help));
		free(old);
	}
	return text;
}

/*
 * Split line into words at spaces; "…" and '…' keep spaces in a word.
 * Returns the count (at most max); the words point into line.
 */
static int
cmdline_split(char *line, char **argv, int max)
{
	char *r = line, *w = line, q;
	int argc = 0;

	while (argc < max) {
		while (*r == ' ' || *r == '\t')
			r++;
		if (*r == '\0')
			break;
		argv[argc++] = w;
		while (*r != '\0' && *r != ' ' && *r != '\t') {
			if (*r == '"' || *r == '\'') {
				q = *r++;
				while (*r != '\0' && *r != q)
					*w++ = *r++;
				if (*r == q)
					r++;
			} else
				*w++ = *r++;
		}
		if (*r != '\0')
			r++;
		*w++ = '\0';
		/* w never passes r: a word is never longer than its text. */
	}
	return argc;
}

static const struct cmdline_cmd *
cmdline_find(const char *name)
{
	size_t i;

	for (i = 0; i < CMDLINE_NCMDS; i++)
		if (strcmp(name, cmdline_cmds[i].name) == 0)
			return &cmdline_cmds[i];
	return NULL;
}

/* Run one command line; returns the global action it asks for. */
static enum ui_action
cmdline_run(struct ui *ui, const char *text)
{
	char line[CMDLINE_MAX], *argv[CMDLINE_ARGS + 1];
	char *home[CMDLINE_ARGS] = { NULL };
	const char *h = getenv("HOME");
	const struct cmdline_cmd *c;
	enum ui_action a = UA_NONE;
	int argc, i;

	str_copy(line, text, sizeof line);
	if ((argc = cmdline_split(line, argv, CMDLINE_ARGS)) == 0)
		return UA_NONE;
	argv[argc] = NULL;
	/* ~/ is the home folder, as a shell has it (-o ~/列管.ods). */
	for (i = 1; i < argc && h != NULL && h[0] == '/'; i++)
		if (strncmp(argv[i], "~/", 2) == 0)
			argv[i] = home[i] = xasprintf("%s%s", h, argv[i] + 1);
	if ((c = cmdline_find(argv[0])) == NULL)
		ui_message(ui, 1, _("No command :%s here; :help lists them "
		    "(Tab completes)"), argv[0]);
	else if (c->run == NULL)
		ui_message(ui, 1, _(":%s is for the command line: run ogpo %s "
		    "in a shell"), c->name, c->name);
	else
		a = c->run(ui, c, argc, argv);
	for (i = 0; i < argc; i++)
		free(home[i]);
	return a;
}

/* 1 if line is run over the roll call in front: :import attendance, or
 * nothing at all. */
static int
cmdline_in_roll(const char *text)
{
	char line[CMDLINE_MAX], *argv[CMDLINE_ARGS + 1];
	const struct cmdline_cmd *c;
	int argc;

	str_copy(line, text, sizeof line);
	if ((argc = cmdline_split(line, argv, CMDLINE_ARGS)) == 0)
		return 1;
	if (argc < 2 || (c = cmdline_find(argv[0])) == NULL)
		return 0;
	return strcmp(c->name, "import") == 0 &&
	    strcmp(argv[1], "attendance") == 0;
}

struct cmdline {
	struct ui_edit	 edit;
	char		 buf[CMDLINE_MAX];
	char		 choices[CMDLINE_MAX];	/* what Tab found, shown */
};

/* Rows the choices of a Tab may take above the command line. */
#define CMDLINE_CHOICE_ROWS	4

static void
cmdline_draw(struct ui *ui, void *arg)
{
	struct cmdline *cl = arg;
	int y = ui->rows - 1;

	if (cl->choices[0] != '\0') {
		/* Wrapped above the line, so that the last choices are not
		 * cut at 80 columns (:export has a dozen kinds). */
		int i, n = ui_wrap_put(NULL, cl->choices, 0, 0, ui->cols,
		    CMDLINE_CHOICE_ROWS, UI_DIM);

		if (n > CMDLINE_CHOICE_ROWS)
			n = CMDLINE_CHOICE_ROWS;
		for (i = 1; i <= n; i++)
			ui_fill(ui, y - i, 0, ui->cols, UI_NORMAL);
		ui_wrap_put(ui, cl->choices, y - n, 0, ui->cols, n, UI_DIM);
	} else if (cl->buf[0] == '\0') {
		/* A bare ":" said nothing of what to type or how to end. */
		ui_fill(ui, y - 1, 0, ui->cols, UI_NORMAL);
		ui_put(ui, y - 1, 0, ui->cols, _("A command (:help lists "
		    "them)    Tab: complete    Enter: accept    Esc: cancel"),
		    UI_DIM);
	}
	ui_fill(ui, y, 0, ui->cols, UI_NORMAL);
	ui_put(ui, y, 0, 1, ":", UI_NORMAL);
	ui_edit_draw(ui, &cl->edit, y, 1, ui->cols - 1, UI_NORMAL);
}

/* Tab: complete the word before the cursor from what may stand there. */
static void
cmdline_complete(struct cmdline *cl)
{
	char line[CMDLINE_MAX], *argv[CMDLINE_ARGS + 1], *word;
	const char *found[64], *const *from;
	const struct cmdline_cmd *c = NULL;
	const char *names[CMDLINE_NCMDS + 1];
	size_t start, wlen, i, n = 0;
	int argc;

	/* The words before the one being typed. */
	start = cl->edit.cur;
	while (start > 0 && cl->buf[start - 1] != ' ')
		start--;
	word = cl->buf + start;
	wlen = cl->edit.cur - start;
	str_copy(line, cl->buf, sizeof line);
	line[start] = '\0';
	argc = cmdline_split(line, argv, CMDLINE_ARGS);
	if (argc == 0) {
		for (i = 0; i < CMDLINE_NCMDS; i++)
			names[i] = cmdline_cmds[i].name;
		names[i] = NULL;
		from = names;
	} else if ((c = cmdline_find(argv[0])) == NULL)
		return;
	else if ((argc >= 2 && (strcmp(argv[argc - 1], "-o") == 0 ||
	    strcmp(argv[argc - 1], "--output") == 0)) ||
	    (argc == 2 && strcmp(c->name, "import") == 0)) {
		/* A file name, completed as the prompts for a file do. */
		ui_complete_path(&cl->edit, start, 1, cl->choices,
		    sizeof cl->choices);
		return;
	} else if (wlen > 0 && word[0] == '-')
		from = c->opts == cmdline_export_opts && argc >= 2 &&
		    strcmp(argv[1], "attendance") != 0 ?
		    cmdline_export_file_opts : c->opts;
	else if (argc == 1)
		from = c->words;
	else
		from = NULL;
	for (i = 0; from != NULL && from[i] != NULL && n < 64; i++)
		if (strncmp(from[i], word, wlen) == 0 &&
		    (argc > 0 || strcmp(from[i], "q") != 0))
			found[n++] = from[i];
	/* As far as they all agree; all of it and a space if one. */
	ui_complete_common(&cl->edit, found, n, wlen, " ", 1, cl->choices,
	    sizeof cl->choices);
}

/* The command line's keys, read as they are: the status line says them,
 * not the page's under it; help on F1, where ? types. */
static const struct ui_hint cmdline_hints[] = {
	{ UA_SELECT, N_("run"), 1 },
	{ UA_NEXT_FIELD, N_("complete"), 1 },
	{ UA_CANCEL, N_("cancel"), 1 },
	{ UA_NONE, NULL, 0 }
};
static const char *const cmdline_keys[] = { "Enter", "Tab", "Esc" };

static const struct ui_view cmdline_view = {
	N_("The command line"), UI_CTX_DIALOG, cmdline_hints, 1, cmdline_keys
};

enum ui_action
ui_command(struct ui *ui)
{
	struct cmdline cl;
	enum ui_action a = UA_NONE;
	int key, done = 0;

	if (ui->command[0] != '\0') {
		/* Typed over a roll call, which has closed since. */
		str_copy(cl.buf, ui->command, sizeof cl.buf);
		ui->command[0] = '\0';
		return cmdline_run(ui, cl.buf);
	}
	memset(&cl, 0, sizeof cl);
	ui_edit_init(&cl.edit, cl.buf, sizeof cl.buf);
	ui->msg[0] = '\0';
	ui_layer_push_box(ui, cmdline_draw, &cl, &cmdline_view);
	while (!done) {
		if ((key = ui_getkey(ui)) == UI_KEY_QUIT) {
			ui_layer_pop(ui);
			return UA_QUIT;
		}
		if (!ui_key_printable(key) &&
		    ui_lookup(ui, UI_CTX_DIALOG, key) == UA_HELP)
			ui_help_view(ui, &cmdline_view);
		else if (key == '\r' || key == '\n' || key == (KEYMAP_FKEY |
		    KEY_ENTER))
			done = 1;
		else if (key == 27 || key == 0x07 || key == 0x03 ||
		    ((key == 0x7f || key == (KEYMAP_FKEY | KEY_BACKSPACE) ||
		    key == 0x08) && cl.buf[0] == '\0')) {
			/* Esc, or Backspace on nothing, as in vim. */
			ui_layer_pop(ui);
			return UA_NONE;
		} else if (key == '\t')
			cmdline_complete(&cl);
		else {
			cl.choices[0] = '\0';
			ui_edit_key(&cl.edit, key);
		}
	}
	ui_layer_pop(ui);
	if (ui->roll != 0 && !cmdline_in_roll(cl.buf)) {
		/* A command for the tabs: the roll call closes first (its
		 * marks saved, asked whether the meeting was held), then
		 * the main loop runs it. */
		str_copy(ui->command, cl.buf, sizeof ui->command);
		ui->go = UA_COMMAND;
		return UA_NONE;
	}
	a = cmdline_run(ui, cl.buf);
	return a;
}
