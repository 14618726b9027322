/*
 * sheets.c — spreadsheets in and out. The Import action of the
 * Officers pane: choose a CSV file, see what a dry run says (counts and
 * the first rejected rows), confirm, and watch the import go with a
 * progress bar. Exports from the Meetings pane and an attendance sheet:
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
#include "pane.h"

#define IMPORT_FILES_MAX	200
#define IMPORT_SHOWN_MAX	8	/* rejected rows shown before asking */

struct ui_import {
	struct ui	*ui;
	char		*report;	/* the rejected rows worth showing */
	size_t		 shown;
};

static int
ui_import_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The CSV files here, to choose from; the last choice lets one type. */
static int
ui_import_choose(struct ui *ui, char *path, size_t n)
{
	char *names[IMPORT_FILES_MAX + 1];
	size_t count = 0, sel = 0, i, len;
	struct dirent *de;
	DIR *d;
	int r;

	if ((d = opendir(".")) != NULL) {
		while (count < IMPORT_FILES_MAX && (de = readdir(d)) != NULL) {
			len = strlen(de->d_name);
			if (len > 4 && (strcasecmp(de->d_name + len - 4,
			    ".csv") == 0 || strcasecmp(de->d_name + len - 4,
			    ".txt") == 0))
				names[count++] = xstrdup(de->d_name);
		}
		closedir(d);
	}
	qsort(names, count, sizeof *names, ui_import_name_cmp);
	names[count] = xstrdup(_("(type the file's path)"));
	r = ui_pick(ui, _("Import officers from which file?"),
	    (const char *const *)names, count + 1, &sel, 0);
	if (r == 1 && sel < count)
		str_copy(path, names[sel], n);
	for (i = 0; i <= count; i++)
		free(names[i]);
	if (r == 1 && sel == count) {
		path[0] = '\0';
		r = ui_prompt(ui, _("Import officers from the file"), path, n);
		if (r == 1 && path[0] == '\0')
			r = 0;
	}
	return r;
}

static void
ui_import_reject(void *arg, size_t line, const char *column,
    const char *reason)
{
	struct ui_import *ui = arg;
	char *old = ui->report;

	if (ui->shown++ >= IMPORT_SHOWN_MAX)
		return;
	ui->report = xasprintf(_("%s  line %zu%s%s: %s\n"), old ? old : "", line,
	    *column ? _(", column ") : "", column, reason);
	free(old);
}

/* A bar on the status line while the import runs (no key is read). */
static void
ui_import_progress(void *arg, uint64_t done, uint64_t total)
{
	struct ui_import *im = arg;
	struct ui *ui = im->ui;
	char bar[128];
	int w = 40, i, fill = total ? (int)(done * (uint64_t)w / total) : w;

	for (i = 0; i < w; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[w] = '\0';
	ui_fill(ui, ui->rows - 1, 0, ui->cols, UI_STATUS);
	mvprintw(ui->rows - 1, 0, _("Importing [%s] %3d%%"), bar,
	    total ? (int)(done * 100 / total) : 100);
	refresh();
}

void
ui_import_officers(struct ui *ui)
{
	struct import_options o;
	struct import_result res;
	struct ui_import im;
	char path[1024] = "", *cause = NULL, *question;
	int rc, r;

	if ((r = ui_import_choose(ui, path, sizeof path)) != 1) {
		if (r == UI_KEY_QUIT)
			ui->quit = 1;
		return;
	}
	memset(&o, 0, sizeof o);
	memset(&im, 0, sizeof im);
	im.ui = ui;
	o.kind = ENTITY_OFFICER;
	o.dry_run = 1;
	o.on_reject = ui_import_reject;
	o.progress = ui_import_progress;
	o.arg = &im;
	rc = import_run(ui->core, path, &o, &res, &cause);
	if (rc != 0) {
		ui_alert(ui, _("Cannot import"), cause);
		free(cause);
		free(im.report);
		return;
	}
	if (res.added + res.updated == 0) {
		question = xasprintf(_("%s: nothing to change (%zu unchanged, "
		    "%zu rejected).\n%s"), path, res.unchanged, res.rejected,
		    im.report ? im.report : "");
		ui_alert(ui, _("Import"), question);
		free(question);
		free(im.report);
		return;
	}
	question = xasprintf(_("%s (%s): add %zu, update %zu, leave %zu "
	    "unchanged, reject %zu.\n%s%s\n%s"), path, res.encoding,
	    res.added, res.updated, res.unchanged, res.rejected,
	    im.report ? im.report : "", im.shown > IMPORT_SHOWN_MAX ?
	    _("  …\n") : "", res.rejected ? _("Import the good rows and "
	    "skip the rejected ones?") : _("Import them?"));
	free(im.report);
	im.report = NULL;
	r = ui_confirm(ui, _("Import officers"), question);
	free(question);
	if (r != 1) {
		if (r == UI_KEY_QUIT)
			ui->quit = 1;
		return;
	}
	o.dry_run = 0;
	o.skip_bad = 1;
	o.on_reject = NULL;
	rc = import_run(ui->core, path, &o, &res, &cause);
	if (rc != 0) {
		ui_alert(ui, _("Import failed; nothing was written"), cause);
		free(cause);
		return;
	}
	if (res.written) {
		char key[64];

		ui_message(ui, 0, _("Imported %s: added %zu, updated %zu, "
		    "rejected %zu (%s takes it back)."), path, res.added,
		    res.updated, res.rejected, ui_key_label(ui,
		    UI_CTX_OFFICERS, UA_UNDO, key, sizeof key));
	}
	else
		ui_message(ui, 0, _("%s: nothing changed (%zu rejected)."),
		    path, res.rejected);
	ui_changed(ui);
}

/*
 * Write a spreadsheet from the Meetings pane or an attendance sheet:
 * a month's attendance or its summary per agency (the month offered is
 * month, else last month), or a meeting's sign-in sheet. The file name
 * is offered too; the message names the file written, whole.
 */
void
ui_export(struct ui *ui, int what, uint32_t meeting, const char *month)
{
	static const char *const asks[] = {
		[EXPORT_ATTENDANCE] = N_("Export the attendance of which month "
		    "(YYYY-MM)?"),
		[EXPORT_SUMMARY] = N_("Summarise the attendance of which month "
		    "(YYYY-MM)?"),
	};
	struct export_request r;
	char typed[32], path[1024], full[4096], *cause = NULL;
	size_t rows = 0;
	int ok;

	memset(&r, 0, sizeof r);
	r.what = (enum export_what)what;
	r.meeting = meeting;
	if (what == EXPORT_ATTENDANCE || what == EXPORT_SUMMARY) {
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
	export_file_name(&r, path, sizeof path);
	if ((ok = ui_prompt(ui, what == EXPORT_SIGNIN ? _("Write the sign-in "
	    "sheet to the file") : _("Write it to the file"), path,
	    sizeof path)) != 1 || path[0] == '\0') {
		if (ok == UI_KEY_QUIT)
			ui->quit = 1;
		return;
	}
	if (access(path, F_OK) == 0 && (ok = ui_confirm(ui, _("Replace?"),
	    _("That file exists already. Write over it?"))) != 1) {
		if (ok == UI_KEY_QUIT)
			ui->quit = 1;
		return;
	}
	r.excel = export_excel_default(path);
	if (strcmp(config_get("export_encoding"), "big5") == 0)
		r.encoding = "big5";
	if (export_file(ui->core, &r, path, &rows, &cause) != 0) {
		ui_alert(ui, _("Export failed; no file was written"), cause);
		free(cause);
		return;
	}
	if (realpath(path, full) == NULL)
		str_copy(full, path, sizeof full);
	if (what == EXPORT_SIGNIN)
		ui_message(ui, 0, _("Wrote the sign-in sheet, %zu rows, to "
		    "%s."), rows, full);
	else if (what == EXPORT_SUMMARY)
		ui_message(ui, 0, _("Wrote %s's summary, %zu rows, to %s."),
		    r.month, rows, full);
	else
		ui_message(ui, 0, _("Wrote %zu rows of %s's attendance to "
		    "%s."), rows, r.month, full);
}
