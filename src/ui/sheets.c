/*
 * sheets.c — spreadsheets in and out. The Import action of the
 * Officers pane, and of a meeting's roll call (a meeting tool's report of
 * who joined, a typed sign-in sheet): choose a spreadsheet (.ods, .xlsx
 * or CSV), see what a dry run says (counts and the first rejected rows),
 * confirm, and watch the import go with a progress bar. Exports from the Meetings pane and an attendance sheet:
 * a month's attendance, its summary per agency, a meeting's sign-in
 * sheet, through export.c (which chooses the file's format).
 */
#include <dirent.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/config.h"
#include "ogpo/export.h"
#include "ogpo/import.h"
#include "ogpo/spool.h"
#include "ogpo/text.h"
#include "pane.h"

#define IMPORT_FILES_MAX	200
#define IMPORT_SHOWN_MAX	8	/* changes and rejected rows shown
					   before asking */

/*
 * What an import on the screen loads: officers (the Officers tab), or the
 * attendance of the meeting whose roll call is open, which is what
 * --meeting gives on the command line; status, what --status gives (0:
 * every row says). ctx: where its keys are, to name them.
 */
struct ui_import_to {
	enum entity_kind kind;
	uint32_t	 meeting;
	uint32_t	 status;
	enum ui_ctx	 ctx;
};

/*
 * The last import that rejected rows: what it loaded and its file, for
 * ui_import_rejects, and the file as it was read then (fd -1: none), so
 * that the rows saved are those the import rejected.
 */
static struct {
	struct ui_import_to to;
	char		 path[1024];
	size_t		 rejected;
	struct spool	 copy;
} ui_import_last = { .copy = { .fd = -1 } };

struct ui_import {
	struct ui	*ui;
	char		*report;	/* what is shown of the rows (see
					   ui_import_rows), then the rest */
	/* The first rejected rows and the first changes, each in the
	 * file's order, with their places in it. */
	char		*line[2][IMPORT_SHOWN_MAX];
	size_t		 seq[2][IMPORT_SHOWN_MAX], nline[2], seen;
	int		 tty;		/* the terminal, never waited for;
					   -1 when there is none */
	int		 drawn;		/* the bar went past curses */
};

/* Ask before a file is written over, naming it: a name offered and taken
 * with Enter may be last month's sheet, or someone's own. */
static int
sheets_replace(struct ui *ui, const char *path)
{
	char *q;
	int ok;

	q = xasprintf(_("%s exists already. Write over it?"), path);
	ok = ui_confirm(ui, _("Replace?"), q);
	free(q);
	return ok;
}

static int
ui_import_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The spreadsheets here, to choose from; the last choice lets one type. */
static int
ui_import_choose(struct ui *ui, const struct ui_import_to *to, char *path,
    size_t n)
{
	char *names[IMPORT_FILES_MAX + 1];
	size_t count = 0, sel = 0, i;
	struct dirent *de;
	DIR *d;
	int r;

	if ((d = opendir(".")) != NULL) {
		while (count < IMPORT_FILES_MAX && (de = readdir(d)) != NULL) {
			if (table_format_of_name(de->d_name) !=
			    TABLE_FORMAT_NONE)
				names[count++] = xstrdup(de->d_name);
		}
		closedir(d);
	}
	qsort(names, count, sizeof *names, ui_import_name_cmp);
	names[count] = xstrdup(_("(type the file's path)"));
	/* None here (ogpo started in a folder of others'): the path is
	 * asked for at once, not in a list that holds only the way to it,
	 * where a path typed (~/報表.csv) only narrowed the list to none. */
	r = count == 0 ? 1 : ui_pick(ui, to->kind == ENTITY_ATTENDANCE ?
	    _("Import the meeting's attendance from which file?") :
	    _("Import officers from which file?"),
	    (const char *const *)names, count + 1, &sel, 0);
	if (r == 1 && sel < count)
		str_copy(path, names[sel], n);
	for (i = 0; i <= count; i++)
		free(names[i]);
	if (r == 1 && sel == count) {
		path[0] = '\0';
		r = ui_prompt_path(ui, to->kind == ENTITY_ATTENDANCE ?
		    _("Import the meeting's attendance from the file") :
		    _("Import officers from the file"), path, n);
		if (r == 1 && path[0] == '\0')
			r = 0;
	}
	return r;
}

/* One row's line, of the rejected (1) or the changed (0). */
static void
ui_import_keep(struct ui_import *ui, int rejected, char *line)
{
	size_t *n = &ui->nline[rejected];

	if (*n < IMPORT_SHOWN_MAX) {
		ui->line[rejected][*n] = line;
		ui->seq[rejected][(*n)++] = ui->seen;
	} else
		free(line);
	ui->seen++;
}

static void
ui_import_reject(void *arg, const char *where, const char *column,
    const char *reason)
{
	struct ui_import *ui = arg;

	ui_import_keep(ui, 1, xasprintf(_("  %s%s%s: %s\n"), where,
	    *column ? _(", column ") : "", column, reason));
}

/* A change the import would make, shown as the command line's dry run. */
static void
ui_import_change(void *arg, const char *where, const char *what)
{
	struct ui_import *ui = arg;

	ui_import_keep(ui, 0, xasprintf(_("  %s: %s\n"), where, what));
}

/*
 * The rows' lines into the report, in the file's order: every rejected
 * row kept (a question to skip them is asked with why), the changes in
 * what room they leave (a reason takes three lines or so, a change one;
 * IMPORT_SHOWN_MAX lines in all), then how many are not shown.
 */
static void
ui_import_rows(struct ui_import *ui)
{
	size_t r = 0, c = 0, changes = ui->nline[0], shown;

	if (changes + 3 * ui->nline[1] > IMPORT_SHOWN_MAX)
		changes = 3 * ui->nline[1] < IMPORT_SHOWN_MAX ?
		    IMPORT_SHOWN_MAX - 3 * ui->nline[1] : 0;
	shown = changes + ui->nline[1];
	while (r < ui->nline[1] || c < changes)
		if (c < changes && (r == ui->nline[1] ||
		    ui->seq[0][c] < ui->seq[1][r]))
			xappendf(&ui->report, "%s", ui->line[0][c++]);
		else
			xappendf(&ui->report, "%s", ui->line[1][r++]);
	if (ui->seen > shown)
		xappendf(&ui->report, ngettext("  … and %zu more row, not "
		    "shown\n", "  … and %zu more rows, not shown\n",
		    ui->seen - shown), ui->seen - shown);
	for (r = 0; r < 2; r++)
		for (c = 0; c < ui->nline[r]; c++)
			free(ui->line[r][c]);
	ui->nline[0] = ui->nline[1] = 0;
}

/*
 * A bar on the status line while the import runs (no key is read). While
 * the file is copied aside nothing is held and curses draws it; while its
 * rows are checked the database is held and others' saves wait, so the
 * line goes straight to the terminal through a descriptor that never
 * waits (a stalled link drops frames), and curses is told to draw the
 * line afresh afterwards (ui_import_done).
 */
static void
ui_import_progress(void *arg, int stage, uint64_t done, uint64_t total)
{
	struct ui_import *im = arg;
	struct ui *ui = im->ui;
	char bar[64], line[512], fit[1024], out[1200];
	int w = 40, i, fill = total ? (int)(done * (uint64_t)w / total) : 0;

	for (i = 0; i < w; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[w] = '\0';
	if (total)
		snprintf(line, sizeof line, _("Importing [%s] %3d%%"), bar,
		    (int)(done * 100 / total));
	else
		snprintf(line, sizeof line, _("Reading [%s] %llu MB"), bar,
		    (unsigned long long)(done >> 20));
	if (stage == IMPORT_COPYING) {
		ui_fill(ui, ui->rows - 1, 0, ui->cols, UI_STATUS);
		ui_put(ui, ui->rows - 1, 0, ui->cols, line, UI_STATUS);
		refresh();
		return;
	}
	if (im->tty < 0)
		return;
	text_fit(line, (size_t)ui->cols, 1, fit, sizeof fit);
	/* Save the cursor, to the last line, reverse video, back. */
	i = snprintf(out, sizeof out, "\0337\033[%d;1H\033[7m%s\033[m\0338",
	    ui->rows, fit);
	if (i > 0 && (size_t)i < sizeof out)
		(void)!write(im->tty, out, (size_t)i);
	im->drawn = 1;
}

/* After an import: the bar written past curses is drawn over. */
static void
ui_import_done(struct ui_import *im)
{
	if (im->tty >= 0)
		close(im->tty);
	im->tty = -1;
	if (im->drawn)
		wredrawln(stdscr, im->ui->rows - 1, 1);
	im->drawn = 0;
}

/*
 * The dry run of path as the question to ask before it is written, or
 * NULL after saying why there is nothing to ask (it cannot be read,
 * nothing would change). *listed is what the question lists.
 */
static char *
ui_import_preview(struct ui *ui, const struct ui_import_to *to,
    const char *path, struct import_options *o, struct ui_import *im,
    char **listed)
{
	struct import_result res;
	char *cause = NULL, *question, key[64];
	int rc;

	*listed = NULL;
	memset(im, 0, sizeof *im);
	im->ui = ui;
	im->tty = spool_tty_nowait(STDOUT_FILENO);
	o->dry_run = 1;
	o->skip_bad = 0;
	o->on_reject = ui_import_reject;
	o->on_change = ui_import_change;
	o->progress = ui_import_progress;
	o->arg = im;
	rc = import_run(ui->core, path, o, &res, &cause);
	ui_import_done(im);
	free(res.rejects_error);	/* none asked for */
	ui_import_rows(im);
	/* Shown with the rejected rows: warnings, and who stays though not
	 * in the file. */
	if (res.warnings != NULL)
		xappendf(&im->report, "%s", res.warnings);
	if (res.absent != NULL)
		xappendf(&im->report, "%s", res.absent);
	free(res.warnings);
	free(res.absent);
	res.warnings = res.absent = NULL;
	if (rc != 0) {
		ui_alert(ui, _("Cannot import"), cause);
		free(cause);
		free(im->report);
		return NULL;
	}
	/* The copy read first is the one read from then on. */
	if (o->keep != NULL) {
		o->input = o->keep;
		o->keep = NULL;
	}
	ui_import_last.to = *to;
	ui_import_last.rejected = res.rejected;
	str_copy(ui_import_last.path, path, sizeof ui_import_last.path);
	ui_key_label(ui, to->ctx, UA_SAVE_REJECTS, key, sizeof key);
	if (res.added + res.updated == 0) {
		question = xasprintf(_("%s: nothing to change (%zu unchanged, "
		    "%zu rejected).\n%s"), path, res.unchanged, res.rejected,
		    im->report ? im->report : "");
		if (res.rejected > 0 && key[0] != '\0') {
			char *old = question;

			question = xasprintf(_("%s\n%s saves the rejected rows, "
			    "with the reason for each, to a file."), old, key);
			free(old);
		}
		ui_alert(ui, _("Import"), question);
		free(question);
		free(im->report);
		return NULL;
	}
	*listed = xasprintf(_("%s (%s): add %zu, update %zu, leave %zu "
	    "unchanged, reject %zu.\n%s\n"), path, res.encoding,
	    res.added, res.updated, res.unchanged, res.rejected,
	    im->report ? im->report : "");
	free(im->report);
	im->report = NULL;
	return xstrdup(res.rejected ? _("Import the good rows and skip the "
	    "rejected ones?") : _("Import them?"));
}

/*
 * Attendance from a file that may not say how people came (a meeting
 * tool's report of who joined says nothing: they were there online): what
 * rows that say nothing record, as --status does. Returns as ui_ask.
 */
static int
ui_import_status(struct ui *ui, struct ui_import_to *to)
{
	static const uint32_t status[] = {
		ATTEND_ONLINE, ATTEND_PRESENT, ATTEND_ABSENT, 0
	};
	const char *labels[] = {
		_("Online: a meeting tool's report of who joined (Teams, "
		    "Google Meet, Webex)"),
		_("Present: a sign-in sheet of those who came"),
		_("Absent: a sign-in sheet whose unmarked rows did not come "
		    "(an answer already recorded stays)"),
		_("Every row says: refuse a row that does not"),
	};
	size_t sel = 0;
	int r;

	r = ui_ask(ui, _("Import attendance"), _("How did the people the "
	    "file lists come, where a row does not say?"), labels,
	    sizeof labels / sizeof labels[0], &sel);
	if (r == 1)
		to->status = status[sel];
	return r;
}

/*
 * The import, once shown: shown keeps the file as its changes were worked
 * out, and that is what is written once they are confirmed, not the file
 * as it may be by the time the key is pressed (in a folder others write,
 * another may have put a file of their own at its name meanwhile).
 * Returns whether shown holds the file.
 */
static int
ui_import_shown(struct ui *ui, struct ui_import_to *to, const char *file,
    struct spool *shown)
{
	struct import_options o;
	struct import_result res;
	struct ui_import im;
	char path[1024] = "", *cause = NULL, *question, *ask, *listed;
	char *agreed = NULL, key[64], ukey[64];
	uint64_t seen;
	int rc, r;

	if (file != NULL)
		str_copy(path, file, sizeof path);
	else if ((r = ui_import_choose(ui, to, path, sizeof path)) != 1) {
		if (r == UI_KEY_QUIT)
			ui->quit = 1;
		return 0;
	}
	if (to->kind == ENTITY_ATTENDANCE &&
	    (r = ui_import_status(ui, to)) != 1) {
		if (r == UI_KEY_QUIT)
			ui->quit = 1;
		return 0;
	}
	memset(&o, 0, sizeof o);
	o.kind = to->kind;
	o.meeting = to->meeting;
	o.status = to->status;
	o.screen = 1;
	o.keep = shown;
	/*
	 * What is written is what was agreed to: another who saves one of
	 * these officers while the list is read changes what the import
	 * would do, so the file is looked at again once the database has
	 * moved on, and asked about again if its changes are not the same.
	 */
	for (;;) {
		seen = store_last_txnid(ui->store);
		if ((ask = ui_import_preview(ui, to, path, &o, &im,
		    &listed)) == NULL) {
			free(agreed);
			return o.input != NULL;
		}
		if (agreed != NULL && strcmp(agreed, listed) == 0) {
			free(ask);
			free(listed);
			break;
		}
		question = xasprintf("%s%s%s", agreed != NULL ? _("Others "
		    "saved meanwhile; the import would now do this:\n") : "",
		    listed, ask);
		free(ask);
		free(agreed);
		agreed = listed;
		r = ui_confirm(ui, to->kind == ENTITY_ATTENDANCE ?
		    _("Import attendance") : _("Import officers"), question);
		free(question);
		if (r != 1) {
			if (r == UI_KEY_QUIT)
				ui->quit = 1;
			free(agreed);
			return 1;
		}
		if (store_last_txnid(ui->store) == seen)
			break;
	}
	free(agreed);
	ui_key_label(ui, to->ctx, UA_SAVE_REJECTS, key, sizeof key);
	o.dry_run = 0;
	o.skip_bad = 1;
	o.on_reject = NULL;
	o.on_change = NULL;
	im.tty = spool_tty_nowait(STDOUT_FILENO);
	rc = import_run(ui->core, path, &o, &res, &cause);
	ui_import_done(&im);
	free(res.rejects_error);
	free(res.warnings);
	free(res.absent);
	if (rc != 0) {
		ui_alert(ui, _("Import failed; nothing was written"), cause);
		free(cause);
		return 1;
	}
	ui_import_last.rejected = res.rejected;
	ui_key_label(ui, to->ctx, UA_UNDO, ukey, sizeof ukey);
	if (res.written && res.rejected > 0 && key[0] != '\0')
		/* The key first: a long path is what the line cuts. */
		ui_message(ui, 0, _("Rejected %zu (%s saves them, with the "
		    "reasons); imported %s: added %zu, updated %zu (%s takes "
		    "it back)."), res.rejected, key, path, res.added,
		    res.updated, ukey);
	else if (res.written)
		ui_message(ui, 0, _("Imported %s: added %zu, updated %zu, "
		    "rejected %zu (%s takes it back)."), path, res.added,
		    res.updated, res.rejected, ukey);
	else if (res.rejected > 0 && key[0] != '\0')
		ui_message(ui, 0, _("Rejected %zu (%s saves them, with the "
		    "reasons); nothing changed in %s."), res.rejected, key,
		    path);
	else
		ui_message(ui, 0, _("%s: nothing changed (%zu rejected)."),
		    path, res.rejected);
	ui_changed(ui);
	return 1;
}

void
ui_import(struct ui *ui, enum entity_kind kind, uint32_t meeting,
    const char *file)
{
	struct ui_import_to to;
	struct spool shown;

	memset(&to, 0, sizeof to);
	to.kind = kind;
	to.meeting = meeting;
	to.ctx = kind == ENTITY_ATTENDANCE ? UI_CTX_ATTEND : UI_CTX_OFFICERS;
	memset(&shown, 0, sizeof shown);
	shown.fd = -1;
	if (ui_import_shown(ui, &to, file, &shown)) {
		spool_free(&ui_import_last.copy);
		ui_import_last.copy = shown;
	} else
		spool_free(&shown);
}

/*
 * The name offered for the rejected rows of path: next to it, its name
 * with ".rejected" before the extension ("dir/list.csv" gives
 * "dir/list.rejected.csv").
 */
static void
ui_import_rejects_name(const char *path, char *buf, size_t n)
{
	const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');

	char *name;

	if (dot == NULL || (slash != NULL && dot < slash) || dot == path ||
	    (slash != NULL && dot == slash + 1))
		name = xasprintf("%s.rejected.csv", path);
	else
		name = xasprintf("%.*s.rejected%s", (int)(dot - path), path,
		    dot);
	str_copy(buf, name, n);
	free(name);
}

void
ui_import_rejects(struct ui *ui, enum entity_kind kind, uint32_t meeting)
{
	struct import_options o;
	struct import_result res;
	char file[1024], full[4096], *cause = NULL;
	int ok, rc;

	/* Here: officers' from the Officers tab, a meeting's in its roll
	 * call. */
	if (ui_import_last.rejected == 0 || ui_import_last.path[0] == '\0' ||
	    ui_import_last.to.kind != kind ||
	    ui_import_last.to.meeting != meeting) {
		ui_message(ui, 1, _("No import here has rejected rows to save: "
		    "this key saves them after an import that does."));
		return;
	}
	ui_import_rejects_name(ui_import_last.path, file, sizeof file);
	for (;;) {
		if ((ok = ui_prompt(ui, _("Save the rejected rows, with "
		    "the reason for each, to the file"),
		    file, sizeof file)) != 1 || file[0] == '\0') {
			if (ok == UI_KEY_QUIT)
				ui->quit = 1;
			return;
		}
		if (table_format_of_name(file) != TABLE_FORMAT_NONE)
			break;
		ui_message(ui, 1, _("Name the file .ods, .xlsx or .csv."));
	}
	if (access(file, F_OK) == 0 && (ok = sheets_replace(ui, file)) != 1) {
		if (ok == UI_KEY_QUIT)
			ui->quit = 1;
		return;
	}
	/* The import's own rejects file (as --rejects writes it), from a
	 * dry run of the same file: nothing is written to the database. */
	memset(&o, 0, sizeof o);
	o.kind = ui_import_last.to.kind;
	o.meeting = ui_import_last.to.meeting;
	o.status = ui_import_last.to.status;
	o.screen = 1;
	o.dry_run = 1;
	o.rejects = file;
	if (ui_import_last.copy.fd != -1)
		o.input = &ui_import_last.copy;
	rc = import_run(ui->core, ui_import_last.path, &o, &res, &cause);
	free(res.warnings);
	free(res.absent);
	if (rc != 0 || res.rejects_error != NULL) {
		ui_alert(ui, _("The rejected rows were not saved"),
		    rc != 0 ? cause : res.rejects_error);
		free(cause);
		free(res.rejects_error);
		return;
	}
	if (realpath(file, full) == NULL)
		str_copy(full, file, sizeof full);
	ui_message(ui, 0, ngettext("Saved %zu rejected row to %s.",
	    "Saved %zu rejected rows to %s.", res.rejected), res.rejected,
	    full);
}

/*
 * The Officers tab's narrowing, for an export of officers (or of their
 * training or rewards): the agency's code, name and how many officers it
 * has, when the tab shows one agency's; 0 when it shows all (or the
 * agency is gone, as its heading then says).
 */
static int
ui_export_agency(struct ui *ui, char *code, char *name, size_t *n)
{
	struct store_txn *t;
	struct agency a;
	int one;

	if (ui->agency == 0 || store_read_begin(ui->store, &t, NULL) != 0)
		return 0;
	if ((one = store_agency_get(t, ui->agency, &a, NULL) == 0)) {
		str_copy(code, a.code, OGPO_CODE_MAX + 1);
		str_copy(name, a.name, OGPO_NAME_MAX + 1);
		*n = store_count(t, IX_OFFICER_AGENCY, &ui->agency);
	}
	store_read_end(t);
	return one;
}

/*
 * Write a spreadsheet from the Meetings pane or an attendance sheet:
 * a month's attendance or its summary per agency (the month offered is
 * month, else last month), or a meeting's sign-in sheet; or a list, the
 * officers of the one agency the Officers tab shows when it is narrowed
 * (and those officers' training or rewards, reached through that tab).
 * The file name is offered too (.ods); the name the user gives picks the
 * format (.ods, .xlsx or .csv), and the message names the file written,
 * whole.
 */
void
ui_export(struct ui *ui, int what, uint32_t meeting, const char *month,
    const char *file)
{
	static const char *const asks[] = {
		[EXPORT_ATTENDANCE] = N_("Export the attendance of which month "
		    "(YYYY-MM)?"),
		[EXPORT_SUMMARY] = N_("Summarise the attendance of which month "
		    "(YYYY-MM)?"),
	};
	struct export_request r;
	char typed[32], path[1024], full[4096], *cause = NULL;
	char code[OGPO_CODE_MAX + 1], name[OGPO_NAME_MAX + 1], ask[512];
	size_t rows = 0, n = 0;
	int ok, one = 0;

	memset(&r, 0, sizeof r);
	r.what = (enum export_what)what;
	r.meeting = meeting;
	r.format = TABLE_ODS;
	r.roc = i18n_date_style() == I18N_DATE_ROC;
	if ((what == EXPORT_ATTENDANCE || what == EXPORT_SUMMARY) &&
	    file != NULL && month != NULL &&
	    export_month_parse(month, r.month) == 0)
		;	/* said on the command line: no question */
	else if (what == EXPORT_ATTENDANCE || what == EXPORT_SUMMARY) {
		if (month != NULL && export_month_parse(month, r.month) == 0)
			str_copy(typed, r.month, sizeof typed);
		else
			export_last_month(typed);
		for (;;) {
			if ((ok = ui_prompt(ui, _(asks[r.what]), typed,
			    sizeof typed)) != 1) {
				if (ok == UI_KEY_QUIT)
					ui->quit = 1;
				return;
			}
			if (export_month_parse(str_trim(typed), r.month) == 0)
				break;
			ui_message(ui, 1, _("Write the month as 2024-05."));
		}
	}
	/* What the Officers tab shows is what goes out, and the training
	 * and rewards of those officers. */
	if ((what == EXPORT_OFFICERS || what == EXPORT_TRAINING ||
	    what == EXPORT_REWARDS) &&
	    (one = ui_export_agency(ui, code, name, &n)) != 0)
		r.agency = code;
	if (one && what == EXPORT_TRAINING)
		snprintf(ask, sizeof ask, _("Write the training records of "
		    "the officers of %s to the file (.ods, .xlsx or .csv)"),
		    name);
	else if (one && what == EXPORT_REWARDS)
		snprintf(ask, sizeof ask, _("Write the rewards of the "
		    "officers of %s to the file (.ods, .xlsx or .csv)"), name);
	else if (one)
		snprintf(ask, sizeof ask, ngettext("Write the %zu officer of "
		    "%s to the file (.ods, .xlsx or .csv)", "Write the %zu "
		    "officers of %s to the file (.ods, .xlsx or .csv)", n), n,
		    name);
	export_file_name(&r, path, sizeof path);
	if (file != NULL) {
		str_copy(path, file, sizeof path);
		if ((r.format = table_format_of_name(path)) ==
		    TABLE_FORMAT_NONE) {
			ui_message(ui, 1, _("Name the file .ods, .xlsx or "
			    ".csv."));
			return;
		}
	}
	while (file == NULL) {
		if ((ok = ui_prompt_path(ui, what == EXPORT_SIGNIN ?
		    _("Write the sign-in sheet to the file (.ods, .xlsx or "
		    ".csv)") :
		    what == EXPORT_AGENDA ? _("Write the agenda to the file "
		    "(.ods, .xlsx or .csv)") : what == EXPORT_DECISIONS ?
		    _("Write the record of decisions to the file (.ods, .xlsx "
		    "or .csv)") : one ? ask :
		    _("Write it to the file (.ods, .xlsx or .csv)"), path,
		    sizeof path)) != 1 || path[0] == '\0') {
			if (ok == UI_KEY_QUIT)
				ui->quit = 1;
			return;
		}
		if ((r.format = table_format_of_name(path)) !=
		    TABLE_FORMAT_NONE)
			break;
		ui_message(ui, 1, _("Name the file .ods, .xlsx or .csv."));
	}
	if (access(path, F_OK) == 0 && (ok = sheets_replace(ui, path)) != 1) {
		if (ok == UI_KEY_QUIT)
			ui->quit = 1;
		return;
	}
	r.excel = r.format == TABLE_CSV;
	if (r.format == TABLE_CSV &&
	    strcmp(config_get("export_encoding"), "big5") == 0)
		r.encoding = "big5";
	if (export_file(ui->core, &r, path, &rows, NULL, &cause) != 0) {
		ui_alert(ui, _("Export failed; no file was written"), cause);
		free(cause);
		return;
	}
	if (realpath(path, full) == NULL)
		str_copy(full, path, sizeof full);
	if (what == EXPORT_SIGNIN)
		ui_message(ui, 0, _("Wrote the sign-in sheet, %zu rows, to "
		    "%s."), rows, full);
	else if (what == EXPORT_AGENDA)
		ui_message(ui, 0, _("Wrote the agenda, %zu rows, to %s."),
		    rows, full);
	else if (what == EXPORT_DECISIONS)
		ui_message(ui, 0, _("Wrote the record of decisions, %zu rows, "
		    "to %s."), rows, full);
	else if (what == EXPORT_SUMMARY)
		ui_message(ui, 0, _("Wrote %s's summary, %zu rows, to %s."),
		    r.month, rows, full);
	else if (what == EXPORT_ATTENDANCE)
		ui_message(ui, 0, _("Wrote %zu rows of %s's attendance to "
		    "%s."), rows, r.month, full);
	else if (one && what == EXPORT_TRAINING)
		ui_message(ui, 0, ngettext("Wrote %zu training record of the "
		    "officers of %s to %s.", "Wrote %zu training records of "
		    "the officers of %s to %s.", rows), rows, name, full);
	else if (one && what == EXPORT_REWARDS)
		ui_message(ui, 0, ngettext("Wrote %zu reward of the officers "
		    "of %s to %s.", "Wrote %zu rewards of the officers of %s "
		    "to %s.", rows), rows, name, full);
	else if (one)
		ui_message(ui, 0, ngettext("Wrote the %zu officer of %s to "
		    "%s.", "Wrote the %zu officers of %s to %s.", rows), rows,
		    name, full);
	else
		ui_message(ui, 0, _("Wrote %zu rows to %s."), rows, full);
}
