/*
 * form.c — adding and editing a record. The fields come from the record's
 * field table; a choice (role, agency, status …) is picked from a list;
 * saving asks core to judge the record and marks each bad field with
 * core's own sentence beside it. Nothing the user typed is lost: not on a
 * refusal, not when someone else saved first (reload or overwrite), not
 * on a resize.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/draft.h"

#include "ui-int.h"

enum form_kind {
	FORM_TEXT = 1,
	FORM_CHOICE,	/* an enum */
	FORM_YESNO,
	FORM_FLAGS,	/* trigger bits */
	FORM_AGENCY,
	FORM_AGENCIES,	/* a list of agencies */
	FORM_ISSUE,
	FORM_OFFICER,
	FORM_MEETING
};

struct form_field {
	const struct field *f;
	enum form_kind	 kind;
	char		*text;		/* FORM_TEXT: the line being typed */
	size_t		 cap;		/* its size: a date has room for
					   民國113年5月8日 */
	struct ui_edit	 edit;
	uint32_t	 value;
	uint32_t	 list[OGPO_COLLAB_MAX];
	uint32_t	 nlist;
	const char *const *suggest;	/* FORM_TEXT: usual values, or NULL */
	char		 shown[256];	/* how a choice is shown */
	char		 err[256];
	size_t		 full_len;	/* err says a character was not
					   taken, text this long then */
};

struct form {
	struct ui		*ui;
	const char		*title;
	enum entity_kind	 kind;
	const struct schema	*s;
	void			*rec;	/* the caller's record */
	void			*orig;	/* as it was opened */
	struct form_field	 fields[32];
	int			 n, cur, top;
	int			 readonly;	/* outside the editor's scope */
	const char		*only;	/* the one field they may change,
					   or NULL: all or none */
	char			 banner[1024];
};

/* The form's keys, for the help F1 opens in it. */
static const struct ui_hint form_hints[] = {
	{ UA_NEXT_FIELD, N_("next field"), 1 },
	{ UA_PREV_FIELD, N_("previous field"), 1 },
	{ UA_PICK, N_("choose"), 1 },
	{ UA_SAVE, N_("save"), 1 },
	{ UA_CANCEL, N_("cancel"), 1 },
	{ UA_REDRAW, N_("redraw"), 0 },
	{ UA_NONE, NULL, 0 }
};

static const struct ui_view form_view = {
	N_("Forms"), UI_CTX_FORM, form_hints, 1, NULL
};

/* A form read only: moving and leaving are all it takes. */
static const struct ui_hint form_ro_hints[] = {
	{ UA_NEXT_FIELD, N_("next field"), 1 },
	{ UA_PREV_FIELD, N_("previous field"), 1 },
	{ UA_CANCEL, N_("close"), 1 },
	{ UA_REDRAW, N_("redraw"), 0 },
	{ UA_NONE, NULL, 0 }
};

static const struct ui_view form_ro_view = {
	N_("Forms"), UI_CTX_FORM, form_ro_hints, 1, NULL
};

static enum form_kind
form_kind_of(const struct field *f)
{
	if (f->type == FIELD_U32LIST)
		return FORM_AGENCIES;
	if (f->type == FIELD_STR)
		return FORM_TEXT;
	if (f->form == FORM_BOOL)
		return FORM_YESNO;
	if (f->form == FORM_TRIGGERS || f->form == FORM_COMPETENCIES)
		return FORM_FLAGS;
	if (f->enums != NULL)
		return FORM_CHOICE;
	switch (f->ref) {
	case ENTITY_AGENCY:
		return FORM_AGENCY;
	case ENTITY_ISSUE:
		return FORM_ISSUE;
	case ENTITY_OFFICER:
		return FORM_OFFICER;
	case ENTITY_MEETING:
		return FORM_MEETING;
	default:
		return FORM_TEXT;
	}
}

/* Work out how a choice field shows its value. */
static void
form_show(struct form *fm, struct form_field *ff)
{
	struct store_txn *t = NULL;
	union {
		struct agency a;
		struct issue i;
		struct officer o;
		struct meeting m;
	} *r;
	size_t used = 0;
	uint32_t i;
	char day[16];

	ff->shown[0] = '\0';
	switch (ff->kind) {
	case FORM_CHOICE:
		if (ff->value != 0 || ff->f->enums->min == 0)
			snprintf(ff->shown, sizeof ff->shown, "%s",
			    _(model_enum_label(ff->f->enums, ff->value)));
		return;
	case FORM_YESNO:
		snprintf(ff->shown, sizeof ff->shown, "%s", ff->value ?
		    _("yes") : _("no"));
		return;
	case FORM_FLAGS:
		/* A list, said as lists are (、 in Chinese). */
		if (ff->f->form == FORM_COMPETENCIES) {
			for (i = 0; i < 4; i++)
				if (ff->value & (1u << i))
					used += (size_t)snprintf(ff->shown +
					    used, sizeof ff->shown - used,
					    "%s%s", used ? _(", ") : "",
					    _(model_competence_labels[i]));
			return;
		}
		model_triggers_words(ff->value, ff->shown, sizeof ff->shown);
		return;
	default:
		break;
	}
	if (store_read_begin(fm->ui->store, &t, NULL) != 0)
		return;
	r = xmalloc(sizeof *r);
	if (ff->kind == FORM_AGENCIES) {
		/* Names with 、 between, as the lists and sheets write them. */
		for (i = 0; i < ff->nlist && used + 1 < sizeof ff->shown; i++)
			if (store_agency_get(t, ff->list[i], &r->a, NULL) == 0)
				used += (size_t)snprintf(ff->shown + used,
				    sizeof ff->shown - used, "%s%s",
				    used ? "、" : "", r->a.name);
	} else if (ff->value != 0) {
		if (ff->kind == FORM_AGENCY &&
		    store_agency_get(t, ff->value, &r->a, NULL) == 0)
			snprintf(ff->shown, sizeof ff->shown, _("%s (%s)"),
			    r->a.name, r->a.code);
		else if (ff->kind == FORM_ISSUE &&
		    store_issue_get(t, ff->value, &r->i, NULL) == 0)
			snprintf(ff->shown, sizeof ff->shown, "%s %.200s",
			    r->i.serial, r->i.title);
		else if (ff->kind == FORM_MEETING &&
		    store_meeting_get(t, ff->value, &r->m, NULL) == 0)
			snprintf(ff->shown, sizeof ff->shown, "%s %.200s",
			    date_show(r->m.date, day, sizeof day), r->m.title);
		else if (ff->kind == FORM_OFFICER &&
		    store_officer_get(t, ff->value, &r->o, NULL) == 0)
			snprintf(ff->shown, sizeof ff->shown, "%s %s",
			    r->o.name, r->o.title);
		else
			snprintf(ff->shown, sizeof ff->shown, "#%u ?",
			    ff->value);
	}
	free(r);
	store_read_end(t);
}

/*
 * What a date field holds for rec: the ISO date of the typed text when it
 * reads as a date in any form (113/05/08, 民國113年5月8日, 2024-05-08),
 * else the text itself, for validation to refuse with its reason.
 */
static void
form_date_value(const struct form_field *ff, char *out, size_t n)
{
	const char *why;
	char iso[16];

	if (date_parse(ff->text, iso, &why) == 0)
		str_copy(out, iso, n);
	else
		str_copy(out, ff->text, n);
}

/*
 * What a time field holds for rec: HH:MM when the typed text reads as a
 * time (14:30, 1430, 下午2點半), else the text itself, for validation to
 * refuse.
 */
static void
form_time_value(const struct form_field *ff, char *out, size_t n)
{
	const char *why;
	char hhmm[8];

	if (time_parse(ff->text, hhmm, &why) == 0)
		str_copy(out, hhmm, n);
	else
		str_copy(out, ff->text, n);
}

/*
 * The reason a date or time field's text is refused, quoting all that
 * was typed (the record holds only what fits), into buf; 0 when it reads
 * well or the field is of another kind.
 */
static int
form_typed_fault(const struct form_field *ff, char *buf, size_t n)
{
	const char *why = "";
	char out[16];

	if (ff->kind != FORM_TEXT)
		return 0;
	if (ff->f->form == FORM_DATE) {
		if (date_parse(ff->text, out, &why) == 0)
			return 0;
		/* A day the calendar lacks (2月30日) reads as a date:
		 * "write it as YYYY-MM-DD" would not help. */
		if (strcmp(why, _("is not a real calendar date")) == 0)
			snprintf(buf, n, _("%s '%s' is not a real calendar "
			    "date; write it as 2024-05-08 or, in the ROC "
			    "calendar, 113/05/08 (民國113年5月8日)"),
			    _(ff->f->label), ff->text);
		else if (strlen(ff->text) >= ff->f->size)
			snprintf(buf, n, _("%s '%s' %s"), _(ff->f->label),
			    ff->text, why);
		else
			return 0;	/* core's reason, with the example */
		return 1;
	}
	if (ff->f->form == FORM_TIME && time_parse(ff->text, out, &why) != 0) {
		snprintf(buf, n, _("%s '%s' %s"), _(ff->f->label), ff->text,
		    why);
		return 1;
	}
	return 0;
}

/* Fields take their values from rec. */
static void
form_load(struct form *fm, const void *rec)
{
	struct form_field *ff;
	const char *p;
	int i;

	for (i = 0; i < fm->n; i++) {
		ff = &fm->fields[i];
		p = (const char *)rec + ff->f->offset;
		if (ff->kind == FORM_TEXT) {
			memcpy(ff->text, p, ff->f->size);
			/* Shown as the reader writes dates (date_style). */
			if (ff->f->form == FORM_DATE)
				date_show(p, ff->text, ff->cap);
			ui_edit_init(&ff->edit, ff->text, ff->cap);
		} else if (ff->kind == FORM_AGENCIES) {
			memcpy(&ff->nlist, (const char *)rec + ff->f->count,
			    sizeof ff->nlist);
			if (ff->nlist > OGPO_COLLAB_MAX)
				ff->nlist = OGPO_COLLAB_MAX;
			memcpy(ff->list, p, ff->nlist * sizeof(uint32_t));
		} else
			memcpy(&ff->value, p, sizeof ff->value);
		form_show(fm, ff);
	}
}

/* Field i's value written into rec. */
static void
form_store_field(const struct form_field *ff, void *rec)
{
	char *p = (char *)rec + ff->f->offset;

	if (ff->kind == FORM_TEXT && ff->f->form == FORM_DATE)
		form_date_value(ff, p, ff->f->size);
	else if (ff->kind == FORM_TEXT && ff->f->form == FORM_TIME)
		form_time_value(ff, p, ff->f->size);
	else if (ff->kind == FORM_TEXT)
		memcpy(p, ff->text, ff->f->size);
	else if (ff->kind == FORM_AGENCIES) {
		memcpy(p, ff->list, ff->nlist * sizeof(uint32_t));
		memcpy((char *)rec + ff->f->count, &ff->nlist,
		    sizeof ff->nlist);
	} else
		memcpy(p, &ff->value, sizeof ff->value);
}

/* 1 if schema field f holds the same in records a and b. */
static int
form_field_eq(const struct field *f, const void *a, const void *b)
{
	uint32_t na, nb;

	if (f->type == FIELD_STR)
		return strcmp((const char *)a + f->offset,
		    (const char *)b + f->offset) == 0;
	if (f->type == FIELD_U32LIST) {
		memcpy(&na, (const char *)a + f->count, sizeof na);
		memcpy(&nb, (const char *)b + f->count, sizeof nb);
		return na == nb && na <= OGPO_COLLAB_MAX &&
		    memcmp((const char *)a + f->offset,
		    (const char *)b + f->offset, na * sizeof(uint32_t)) == 0;
	}
	return memcmp((const char *)a + f->offset, (const char *)b + f->offset,
	    f->size) == 0;
}

/* 1 if field ff holds something else than in rec. */
static int
form_differs(const struct form_field *ff, const void *rec)
{
	const char *p = (const char *)rec + ff->f->offset;
	char date[OGPO_TEXT_MAX + 1];

	if (ff->kind == FORM_TEXT && ff->f->form == FORM_DATE) {
		form_date_value(ff, date, sizeof date);
		return strcmp(date, p) != 0;
	}
	if (ff->kind == FORM_TEXT && ff->f->form == FORM_TIME) {
		form_time_value(ff, date, sizeof date);
		return strcmp(date, p) != 0;
	}
	if (ff->kind == FORM_TEXT)
		return strcmp(ff->text, p) != 0;
	if (ff->kind == FORM_AGENCIES) {
		uint32_t n;

		memcpy(&n, (const char *)rec + ff->f->count, sizeof n);
		return n != ff->nlist || memcmp(p, ff->list,
		    n * sizeof(uint32_t)) != 0;
	}
	return memcmp(p, &ff->value, sizeof ff->value) != 0;
}

static int
form_changed(const struct form *fm)
{
	int i;

	for (i = 0; i < fm->n; i++)
		if (form_differs(&fm->fields[i], fm->orig))
			return 1;
	return 0;
}

/* The hint under a text field with usual values: what F2 offers. */
static void
form_hint(const struct form_field *ff, char *buf, size_t n)
{
	size_t used = 0, i;

	buf[0] = '\0';
	for (i = 0; ff->suggest[i] != NULL && used + 1 < n; i++)
		used += (size_t)snprintf(buf + used, n - used, "%s%s",
		    i ? _(", ") : "", _(ff->suggest[i]));
}

/* 1 if field i is shown but not for the person to change: a form with
 * one field theirs (a resolution's progress to one of its owners). */
static int
form_locked(const struct form *fm, int i)
{
	return fm->only != NULL && strcmp(fm->fields[i].f->name,
	    fm->only) != 0;
}

/* How many lines field i takes below its own: its message, and the
 * current field's hint, each wrapped to w cells. */
static int
form_extra_lines(const struct form *fm, int i, int w)
{
	const struct form_field *ff = &fm->fields[i];
	char hint[512], line[600];

	if (ff->err[0] != '\0')
		return ui_wrap_put(NULL, ff->err, 0, 0, w, 0, UI_ERROR);
	if (i != fm->cur || ff->suggest == NULL || fm->readonly ||
	    form_locked(fm, i))
		return 0;
	form_hint(ff, hint, sizeof hint);
	snprintf(line, sizeof line, _("F2: choose from %s"), hint);
	return ui_wrap_put(NULL, line, 0, 0, w, 0, UI_DIM);
}

/* On the frame's line y, ending at column right, between spaces. */
static void
form_more(struct ui *ui, int y, int right, const char *what)
{
	char line[160];
	int tw;

	snprintf(line, sizeof line, " %s ", what);
	tw = (int)text_width(line);
	ui_put(ui, y, right - tw, tw, line, UI_DIM);
}

static void
form_draw(struct ui *ui, void *arg)
{
	struct form *fm = arg;
	struct form_field *ff;
	int w = ui->cols - 4, h = ui->rows - 4, y0, x0, lw = 0, i, y, rows;
	int need;
	char more[128];

	if (w > 110)
		w = 110;
	y0 = (ui->rows - h) / 2;
	x0 = (ui->cols - w) / 2;
	ui_box(ui, y0, x0, h, w, fm->title);
	for (i = 0; i < fm->n; i++)
		if ((int)text_width(_(fm->fields[i].f->label)) > lw)
			lw = (int)text_width(_(fm->fields[i].f->label));
	if (lw > 20)
		lw = 20;
	y = y0 + 1;
	if (fm->banner[0] != '\0') {
		/* Wrapped to the form's width, never cut, on the upper
		 * half at most. */
		int max = y0 + h / 2 - y + 1,
		    n = ui_wrap_put(ui, fm->banner, y, x0 + 2, w - 4, max,
		    UI_ERROR);

		if (max > 0)
			y += n < max ? n : max;
	}
	rows = y0 + h - 2 - y;
	/* Scroll so the current field (and its message) is in view. */
	if (fm->cur < fm->top)
		fm->top = fm->cur;
	for (;;) {
		for (i = fm->top, need = 0; i <= fm->cur; i++)
			need += 1 + form_extra_lines(fm, i, w - lw - 7);
		if (need <= rows || fm->top >= fm->cur)
			break;
		fm->top++;
	}
	for (i = fm->top; i < fm->n && y < y0 + h - 2; i++) {
		ff = &fm->fields[i];
		ui_put(ui, y, x0 + 2, 2, ff->err[0] ? "!" : "",
		    UI_ERROR);
		ui_put(ui, y, x0 + 3, lw, _(ff->f->label), ff->err[0] ?
		    UI_ERROR : (i == fm->cur ? UI_TITLE : UI_NORMAL));
		if (form_locked(fm, i))
			ui_put(ui, y, x0 + lw + 5, w - lw - 7, ff->kind ==
			    FORM_TEXT ? ff->text : ff->shown, i == fm->cur ?
			    UI_SELECT : UI_DIM);
		else if (ff->kind == FORM_TEXT) {
			if (i == fm->cur)
				ui_edit_draw(ui, &ff->edit, y, x0 + lw + 5,
				    w - lw - 7, UI_FIELD);
			else
				ui_put(ui, y, x0 + lw + 5, w - lw - 7,
				    ff->text, UI_FIELD);
		} else {
			char shown[300];

			/* F2 offered only where it chooses. */
			snprintf(shown, sizeof shown, "%s%s", ff->shown,
			    i == fm->cur && !fm->readonly ?
			    _("  [F2: choose]") : "");
			ui_put(ui, y, x0 + lw + 5, w - lw - 7, shown,
			    i == fm->cur ? UI_SELECT : UI_FIELD);
		}
		y++;
		if (ff->err[0] != '\0' && y < y0 + h - 2) {
			/* The message wrapped under the field, never cut
			 * while the form has room for it. */
			int max = y0 + h - 3 - y + 1, n;

			n = ui_wrap_put(ui, ff->err, y, x0 + lw + 5,
			    w - lw - 7, max, UI_ERROR);
			y += n < max ? n : max;
		} else if (form_extra_lines(fm, i, w - lw - 7) > 0) {
			/* The hint's lines, wrapped under the field. */
			char hint[512], line[600];
			int max = y0 + h - 3 - y + 1, n;

			form_hint(ff, hint, sizeof hint);
			snprintf(line, sizeof line, _("F2: choose from %s"),
			    hint);
			n = ui_wrap_put(ui, line, y, x0 + lw + 5, w - lw - 7,
			    max, UI_DIM);
			if (max > 0)
				y += n < max ? n : max;
		}
	}
	/* A form taller than the screen (a case at 24 rows) scrolls as
	 * Tab moves: the frame says fields lie beyond it, or a newcomer
	 * takes the last one shown for the last. */
	if (fm->top > 0) {
		snprintf(more, sizeof more, ngettext("%d field above",
		    "%d fields above", fm->top), fm->top);
		form_more(ui, y0, x0 + w - 2, more);
	}
	if (i < fm->n) {
		snprintf(more, sizeof more, ngettext("%d more field below: "
		    "Tab goes on", "%d more fields below: Tab goes on",
		    fm->n - i), fm->n - i);
		form_more(ui, y0 + h - 1, x0 + w - 2, more);
	}
	ui_put(ui, y0 + h - 2, x0 + 2, w - 4, fm->readonly ?
	    _("Read only   Tab/Shift-Tab: move   Esc: close") :
	    _("Tab/Shift-Tab: move   F2: choose   Ctrl-S: save   Esc: cancel"),
	    UI_DIM);
}

/* The form field editing the schema field called name, or NULL. */
static struct form_field *
form_field_named(struct form *fm, const char *name)
{
	int i;

	for (i = 0; i < fm->n; i++)
		if (strcmp(fm->fields[i].f->name, name) == 0)
			return &fm->fields[i];
	return NULL;
}

/* Add the officers of one agency to a pick list: name, agency, role,
 * title, so two people of one name are told apart by their agency. */
static void
form_officers_of(struct store_txn *t, uint32_t agency, uint32_t *ids,
    char **cells, size_t *n)
{
	struct store_cursor *c;
	struct officer o;
	struct agency a;
	char today[11];

	date_today(today);
	if (store_agency_get(t, agency, &a, NULL) != 0)
		a.name[0] = '\0';
	if (store_cursor_open(t, IX_OFFICER_AGENCY, &agency, &c, NULL) != 0)
		return;
	while (*n < 500 && store_cursor_move(c, STORE_NEXT) == 0) {
		if (store_cursor_get(c, &o, NULL) != 0 ||
		    !core_officer_active(&o, today))
			continue;
		ids[*n] = o.h.id;
		cells[*n * 4] = xstrdup(o.name);
		cells[*n * 4 + 1] = xstrdup(a.name);
		cells[*n * 4 + 2] = xstrdup(_(model_enum_label(&model_roles,
		    o.role)));
		cells[*n * 4 + 3] = xstrdup(o.title);
		(*n)++;
	}
	store_cursor_close(c);
}

/* A case in the case picker, with its 案號 parsed to sort by. */
struct form_case {
	uint32_t	 id;
	unsigned	 year, n;	/* 0, 0: a number not of the form */
	char		*label;
};

/* Newest 案號 first (115-07 before 115-06 before 114-30), then by id. */
static int
form_case_cmp(const void *pa, const void *pb)
{
	const struct form_case *a = pa, *b = pb;

	if (a->year != b->year)
		return a->year > b->year ? -1 : 1;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return a->id > b->id ? -1 : a->id < b->id;
}

/*
 * Pick an issue (for a meeting) or an officer (the PO in charge of an
 * issue, from its lead and collaborating agencies).
 */
static int
form_pick_record(struct form *fm, struct form_field *ff, int key)
{
	struct form_field *lead, *collab;
	struct store_cursor *c;
	struct store_txn *t;
	struct issue *is;
	uint32_t *ids;
	char **labels;
	size_t n = 1, i, sel = 0;
	int r;

	if (store_read_begin(fm->ui->store, &t, NULL) != 0)
		return 0;
	ids = xcalloc(2048, sizeof *ids);
	labels = xcalloc(2048, sizeof *labels);
	labels[0] = xstrdup(_("(none)"));
	if (ff->kind == FORM_ISSUE &&
	    store_cursor_open(t, IX_ISSUE, NULL, &c, NULL) == 0) {
		struct form_case *fc = xcalloc(2048, sizeof *fc);
		size_t k = 0;

		is = xmalloc(sizeof *is);
		while (k < 2047 && store_cursor_move(c, STORE_PREV) == 0)
			if (store_cursor_get(c, is, NULL) == 0) {
				fc[k].id = is->h.id;
				if (core_serial_parse(is->serial, &fc[k].year,
				    &fc[k].n) != 0)
					fc[k].year = fc[k].n = 0;
				fc[k++].label = xasprintf("%s %s", is->serial,
				    is->title);
			}
		free(is);
		store_cursor_close(c);
		/* By 案號, as people look a case up (the newest year
		 * first, as the meetings come), not by when it was typed
		 * in: a case of last year added late sits with its year. */
		qsort(fc, k, sizeof *fc, form_case_cmp);
		for (i = 0; i < k; i++) {
			ids[n] = fc[i].id;
			labels[n++] = fc[i].label;
		}
		free(fc);
	} else if (ff->kind == FORM_MEETING &&
	    store_cursor_open(t, IX_MEETING_DATE, NULL, &c, NULL) == 0) {
		struct meeting *m = xmalloc(sizeof *m);
		char day[16];

		/* Newest first: the meeting just held is the one meant. Its
		 * date as the reader's dates are shown (115/12/15). */
		while (n < 2048 && store_cursor_move(c, STORE_PREV) == 0)
			if (store_cursor_get(c, m, NULL) == 0) {
				ids[n] = m->h.id;
				labels[n++] = xasprintf("%s %s", date_show(
				    m->date, day, sizeof day), m->title);
			}
		free(m);
		store_cursor_close(c);
	} else if (ff->kind == FORM_OFFICER) {
		char **cells = xcalloc(4 * 501, sizeof *cells), **rows;
		size_t k = 0;

		if ((lead = form_field_named(fm, "lead")) != NULL &&
		    lead->value != 0)
			form_officers_of(t, lead->value, ids + 1, cells, &k);
		if ((collab = form_field_named(fm, "collab")) != NULL)
			for (i = 0; i < collab->nlist; i++)
				form_officers_of(t, collab->list[i], ids + 1,
				    cells, &k);
		rows = ui_columns((const char *const *)cells, k, 4, 24);
		for (i = 0; i < k; i++)
			labels[n++] = rows[i];
		for (i = 0; i < 4 * k; i++)
			free(cells[i]);
		free(cells);
		free(rows);
	}
	store_read_end(t);
	for (i = 0; i < n; i++)
		if (ids[i] == ff->value)
			sel = i;
	r = ui_pick(fm->ui, _(ff->f->label), (const char *const *)labels, n,
	    &sel, key);
	if (r == 1)
		ff->value = ids[sel];
	for (i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	free(ids);
	return r;
}

/* An agency's level follows from its parent's. */
static void
form_parent_level(struct form *fm, uint32_t parent)
{
	struct form_field *level = form_field_named(fm, "level");
	struct store_txn *t;
	struct agency a;

	if (level == NULL || store_read_begin(fm->ui->store, &t, NULL) != 0)
		return;
	if (store_agency_get(t, parent, &a, NULL) == 0 && a.level < LEVEL_MAX) {
		level->value = a.level + 1;
		form_show(fm, level);
	}
	store_read_end(t);
}

/*
 * Choose a value for a choice field, the list narrowed by the key that
 * opened it (0: none). Returns UI_KEY_QUIT to leave.
 */
static int
form_pick(struct form *fm, struct form_field *ff, int key)
{
	const struct enum_names *e = ff->f->enums;
	const char *labels[16];
	char marked[4][128];
	size_t n = 0, sel = 0, i;
	uint32_t v, id;
	int r;

	switch (ff->kind) {
	case FORM_TEXT:
		/* A usual value, in the reader's language, replaces the
		 * text (which stays free to edit). */
		for (n = 0; ff->suggest[n] != NULL && n < 16; n++) {
			labels[n] = _(ff->suggest[n]);
			if (strcmp(labels[n], ff->text) == 0)
				sel = n;
		}
		r = ui_pick(fm->ui, _(ff->f->label), labels, n, &sel, key);
		if (r == 1) {
			str_copy(ff->text, labels[sel], ff->cap);
			ui_edit_init(&ff->edit, ff->text, ff->cap);
		}
		return r;
	case FORM_CHOICE:
		for (v = e->min; v <= e->max && n < 16; v++) {
			labels[n] = _(e->labels[v]);
			if (v == ff->value)
				sel = n;
			n++;
		}
		r = ui_pick(fm->ui, _(ff->f->label), labels, n, &sel, key);
		if (r == 1)
			ff->value = e->min + (uint32_t)sel;
		break;
	case FORM_YESNO:
		labels[0] = _("no");
		labels[1] = _("yes");
		sel = ff->value ? 1 : 0;
		r = ui_pick(fm->ui, _(ff->f->label), labels, 2, &sel, key);
		if (r == 1)
			ff->value = (uint32_t)sel;
		break;
	case FORM_FLAGS:
		/* Each marked [x] when on, as the officer's page marks
		 * them: picking one turns it off, and without the marks
		 * nothing said which were on. */
		if (ff->f->form == FORM_COMPETENCIES) {
			for (n = 0; n < 4; n++)
				labels[n] = _(model_competence_labels[n]);
		} else {
			labels[0] = _("complex stakeholder interests");
			labels[1] = _("divided opinion");
			labels[2] = _("heated public participation");
			n = 3;
		}
		for (i = 0; i < n; i++) {
			snprintf(marked[i], sizeof marked[i], "%s %s",
			    ff->value & (1u << i) ? "[x]" : "[ ]", labels[i]);
			labels[i] = marked[i];
		}
		r = ui_pick(fm->ui, ff->f->form == FORM_COMPETENCIES ?
		    _("Toggle a competency (point 8)") : _("Toggle a trigger"),
		    labels, n, &sel, key);
		if (r == 1)
			ff->value ^= 1u << sel;
		break;
	case FORM_AGENCY:
		id = ui_pick_agency(fm->ui, ff->value, key);
		r = id != 0;
		if (id != 0)
			ff->value = id;
		if (id != 0 && strcmp(ff->f->name, "parent") == 0)
			form_parent_level(fm, id);
		break;
	case FORM_AGENCIES:
		/* Picking one that is listed takes it off the list. */
		id = ui_pick_agency(fm->ui, 0, key);
		r = id != 0;
		for (i = 0; id != 0 && i < ff->nlist; i++)
			if (ff->list[i] == id) {
				memmove(&ff->list[i], &ff->list[i + 1],
				    (ff->nlist - i - 1) * sizeof(uint32_t));
				ff->nlist--;
				id = 0;
			}
		if (id != 0 && ff->nlist < OGPO_COLLAB_MAX)
			ff->list[ff->nlist++] = id;
		break;
	default:
		r = form_pick_record(fm, ff, key);
		break;
	}
	form_show(fm, ff);
	return r;
}

/* The record the fields describe, on top of what was opened. */
static void
form_collect(struct form *fm, void *rec)
{
	int i;

	memcpy(rec, fm->orig, fm->s->size);
	for (i = 0; i < fm->n; i++)
		form_store_field(&fm->fields[i], rec);
	core_normalise(fm->kind, rec);
}

/* Ask core about rec; mark the fields it complains of. Returns faults. */
static size_t
form_check(struct form *fm, void *rec)
{
	struct core_fault faults[16];
	struct store_txn *t;
	size_t n, i;
	int k, first = -1;

	for (k = 0; k < fm->n; k++) {
		fm->fields[k].err[0] = '\0';
		fm->fields[k].full_len = 0;
	}
	fm->banner[0] = '\0';
	if (store_read_begin(fm->ui->store, &t, NULL) != 0)
		return 0;
	n = core_check(t, fm->kind, rec, faults, 16);
	store_read_end(t);
	/* Closing a case: the fields that say what the close still needs
	 * (the deciding meeting …), not the command line's words for it. */
	if (fm->kind == ENTITY_ISSUE && n < 16)
		n += core_case_closing(((struct record_head *)fm->orig)->id ?
		    fm->orig : NULL, rec, faults + n, 16 - n);
	for (i = 0; i < n && i < 16; i++) {
		for (k = 0; k < fm->n; k++)
			if (fm->fields[k].f == faults[i].field)
				break;
		if (k < fm->n) {
			/* A date or time says what of it was typed. */
			if (fm->fields[k].err[0] == '\0' &&
			    !form_typed_fault(&fm->fields[k],
			    fm->fields[k].err, sizeof fm->fields[k].err))
				snprintf(fm->fields[k].err,
				    sizeof fm->fields[k].err, "%s",
				    faults[i].msg);
			if (first < 0 || k < first)
				first = k;
		} else if (fm->banner[0] == '\0')
			snprintf(fm->banner, sizeof fm->banner, "%s",
			    faults[i].msg);
	}
	if (first >= 0)
		fm->cur = first;
	return n;
}

/* The message beside a field both people changed: theirs, and that
 * the typed value stays. */
static void
form_kept_mine(struct form *fm, struct form_field *ff, const void *theirs)
{
	char a[OGPO_DESC_MAX + 64];
	struct store_txn *t;

	a[0] = '\0';
	if (store_read_begin(fm->ui->store, &t, NULL) == 0) {
		core_field_text(t, ff->f, theirs, a, sizeof a);
		store_read_end(t);
	}
	snprintf(ff->err, sizeof ff->err, _("%s saved %s; yours is kept"),
	    ((const struct record_head *)theirs)->updated_by,
	    a[0] ? a : _("(empty)"));
}

/*
 * What the other person saved beside what was typed, field by field, for
 * the conflict dialog: each field one of them changed, both values.
 */
static char *
form_conflict_text(struct form *fm, struct store_txn *t, const void *mine,
    const void *theirs)
{
	const char *who = ((const struct record_head *)theirs)->updated_by;
	char a[OGPO_DESC_MAX + 64], b[OGPO_DESC_MAX + 64], *out, *line;
	struct form_field *ff;
	size_t len, used = 0, cap = 1024;
	int i, ours, others;

	out = xmalloc(cap);
	out[0] = '\0';
	for (i = 0; i < fm->n; i++) {
		ff = &fm->fields[i];
		ours = form_differs(ff, fm->orig);
		others = !form_field_eq(ff->f, fm->orig, theirs);
		if (!others || form_field_eq(ff->f, mine, theirs))
			continue;
		core_field_text(t, ff->f, theirs, a, sizeof a);
		core_field_text(t, ff->f, mine, b, sizeof b);
		line = ours ? xasprintf(_("%s: %s saved %s; you typed %s\n"),
		    _(ff->f->label), who, a[0] ? a : _("(empty)"),
		    b[0] ? b : _("(empty)")) : xasprintf(_("%s: %s saved %s "
		    "(you left it as it was)\n"), _(ff->f->label), who,
		    a[0] ? a : _("(empty)"));
		len = strlen(line);
		if (used + len + 1 > cap)
			out = xgrow(out, &cap, used + len + 1, 1);
		memcpy(out + used, line, len + 1);
		used += len;
		free(line);
	}
	if (used == 0) {
		free(out);
		return NULL;
	}
	return out;
}

/*
 * Someone saved the record after it was opened, as rec has it in every
 * field of the form (the same fix made twice, the same draft opened in
 * two sessions): 1, said, with fm->rec theirs; there is nothing to
 * write or choose. Else 0.
 */
static int
form_saved_same(struct form *fm, const void *rec)
{
	void *theirs = xmalloc(fm->s->size);
	struct store_txn *t;
	char when[32], label[OGPO_TEXT_MAX + 1];
	int i, same = 0;

	if (store_read_begin(fm->ui->store, &t, NULL) == 0) {
		same = store_get(t, fm->kind,
		    ((const struct record_head *)rec)->id, theirs,
		    NULL) == 0;
		store_read_end(t);
	}
	for (i = 0; same && i < fm->n; i++)
		same = form_field_eq(fm->fields[i].f, rec, theirs);
	if (same) {
		memcpy(fm->rec, theirs, fm->s->size);
		schema_label(fm->s, theirs, label, sizeof label);
		time_show(((struct record_head *)theirs)->updated_at, when,
		    sizeof when);
		ui_message(fm->ui, 0, _("%s: %s saved it as you typed it, at "
		    "%s; nothing more was written."), label,
		    ((struct record_head *)theirs)->updated_by, when);
		ui_changed(fm->ui);
	}
	free(theirs);
	return same;
}

/*
 * Someone saved the record after it was opened. Reload takes their
 * version but keeps every field the user changed; overwrite saves the
 * user's version over theirs. Returns 1 to save again, 0 to go on
 * editing, UI_KEY_QUIT to leave.
 */
static int
form_conflict(struct form *fm, void *rec, const char *cause)
{
	const char *labels[] = {
		_("Reload their version and keep what I typed on top"),
		_("Overwrite: save my version over theirs"),
		_("Go on editing"),
	};
	void *theirs = xmalloc(fm->s->size);
	struct store_txn *t;
	struct form_field *ff;
	char *text;
	size_t sel = 0;
	int r, i, got = 0;

	if (store_read_begin(fm->ui->store, &t, NULL) == 0) {
		got = store_get(t, fm->kind,
		    ((struct record_head *)rec)->id, theirs, NULL) == 0;
		text = got ? form_conflict_text(fm, t, rec, theirs) : NULL;
		store_read_end(t);
	} else
		text = NULL;
	if (!got) {
		free(theirs);
		ui_alert(fm->ui, _("Not saved"), cause);
		return 0;
	}
	r = ui_ask(fm->ui, cause, text, labels, 3, &sel);
	free(text);
	if (r != 1 || sel == 2) {
		free(theirs);
		return r == UI_KEY_QUIT ? UI_KEY_QUIT : 0;
	}
	if (sel == 1) {
		/* Overwrite: ours, on top of their version number. */
		((struct record_head *)fm->orig)->version =
		    ((struct record_head *)theirs)->version;
		free(theirs);
		return 1;
	}
	for (i = 0; i < fm->n; i++) {
		ff = &fm->fields[i];
		if (form_differs(ff, fm->orig)) {
			/* The user's: keep it, and say so if they changed
			 * the same field to something else. */
			if (form_differs(ff, theirs) &&
			    !form_field_eq(ff->f, fm->orig, theirs))
				form_kept_mine(fm, ff, theirs);
			continue;
		}
		if (ff->kind == FORM_TEXT) {
			memcpy(ff->text, (char *)theirs + ff->f->offset,
			    ff->f->size);
			if (ff->f->form == FORM_DATE)
				date_show((char *)theirs + ff->f->offset,
				    ff->text, ff->cap);
			ui_edit_init(&ff->edit, ff->text, ff->cap);
		} else if (ff->kind == FORM_AGENCIES) {
			memcpy(&ff->nlist, (char *)theirs + ff->f->count,
			    sizeof ff->nlist);
			memcpy(ff->list, (char *)theirs + ff->f->offset,
			    ff->nlist * sizeof(uint32_t));
		} else
			memcpy(&ff->value, (char *)theirs + ff->f->offset,
			    sizeof ff->value);
		form_show(fm, ff);
	}
	memcpy(fm->orig, theirs, fm->s->size);
	snprintf(fm->banner, sizeof fm->banner, _("Reloaded %s's version; "
	    "your changes are kept. Ctrl-S saves."),
	    ((struct record_head *)theirs)->updated_by);
	free(theirs);
	return 0;
}

/* A character that did not fit in the field: said beside it, not lost
 * unseen. */
static void
form_full(struct form_field *ff)
{
	if (!ff->edit.full)
		return;
	ff->edit.full = 0;
	snprintf(ff->err, sizeof ff->err, _("holds at most %zu bytes (about "
	    "%zu Chinese characters): that character was not taken"),
	    ff->edit.size - 1, (ff->edit.size - 1) / 3);
	ff->full_len = strlen(ff->text);
}

/* A key was typed in a text field: a character that did not fit is said;
 * once something is taken out (Backspace, Ctrl-U) there is room again and
 * the saying goes, not left beside a text that fits. */
static void
form_typed(struct form_field *ff)
{
	if (ff->edit.full)
		form_full(ff);
	else if (ff->full_len != 0 && strlen(ff->text) < ff->full_len) {
		ff->err[0] = '\0';
		ff->full_len = 0;
	}
}

/*
 * Cut label (n bytes) so that fmt ("Saved %s.") says it on one status
 * line beside the position: the record is in front of the person, and a
 * long text quoted whole (a progress report, a resolution) wraps over the
 * page's lower edge and what is on it.
 */
static void
form_label_fit(struct ui *ui, char *label, size_t n, const char *fmt)
{
	char cut[OGPO_TEXT_MAX + 1];
	int room = ui->cols - 14 - ((int)text_width(fmt) - 2);
	size_t len = strlen(label);

	/* A report's sentence ends in its own stop, and the message ends
	 * in one: 已儲存「……上架。」。 said it twice. */
	if (len > 3 && strcmp(label + len - 3, "。") == 0)
		label[len - 3] = '\0';
	else if (len > 1 && label[len - 1] == '.')
		label[len - 1] = '\0';

	if (room < 8)
		room = 8;
	if ((int)text_width(label) <= room)
		return;
	text_fit(label, (size_t)room, 0, cut, sizeof cut);
	snprintf(label, n, "%s", cut);
}

/* Try to save; 1 when saved, 0 to go on editing, UI_KEY_QUIT to leave. */
static int
form_save(struct form *fm)
{
	void *rec = xmalloc(fm->s->size);
	char *cause = NULL, label[OGPO_TEXT_MAX + 1];
	int rc, r = 0, ask;

	for (;;) {
		form_collect(fm, rec);
		if (form_check(fm, rec) > 0) {
			ui_message(fm->ui, 1, _("Not saved: the marked fields "
			    "need a look."));
			break;
		}
		if (fm->kind == ENTITY_OFFICER &&
		    (ask = ui_officer_save_ask(fm->ui, rec)) != 1) {
			r = ask == UI_KEY_QUIT ? UI_KEY_QUIT : 0;
			break;
		}
		rc = core_save1(fm->ui->core, fm->kind, rec, &cause);
		if (rc == 0) {
			memcpy(fm->rec, rec, fm->s->size);
			schema_label(fm->s, rec, label, sizeof label);
			if (((struct record_head *)rec)->version != 0 &&
			    ((struct record_head *)rec)->version ==
			    ((struct record_head *)fm->orig)->version) {
				form_label_fit(fm->ui, label, sizeof label,
				    _("%s: nothing was changed, so nothing was "
				    "written."));
				ui_message(fm->ui, 0, _("%s: nothing was changed, "
				    "so nothing was written."), label);
			} else {
				form_label_fit(fm->ui, label, sizeof label,
				    _("Saved %s."));
				ui_message(fm->ui, 0, _("Saved %s."), label);
			}
			ui_changed(fm->ui);
			r = 1;
			break;
		}
		if (rc == OGPO_CONFLICT && form_saved_same(fm, rec)) {
			r = 1;
			break;
		}
		if (rc == OGPO_CONFLICT) {
			r = form_conflict(fm, rec, cause);
			if (r == 1) {
				r = 0;
				free(cause);
				cause = NULL;
				continue;
			}
			break;
		}
		if (rc == OGPO_NOTFOUND && ((struct record_head *)rec)->id) {
			r = ui_confirm(fm->ui, _("Deleted meanwhile"), cause);
			if (r == 1) {
				/* Save what was typed as a new record. */
				((struct record_head *)fm->orig)->id = 0;
				((struct record_head *)fm->orig)->version = 0;
				free(cause);
				cause = NULL;
				r = 0;
				continue;
			}
			break;
		}
		snprintf(fm->banner, sizeof fm->banner, "%s", cause);
		ui_message(fm->ui, 1, _("Not saved."));
		break;
	}
	free(cause);
	free(rec);
	return r;
}

/* Say why ff, shown, takes no keys: whose it is to change. */
static void
form_refuse_locked(struct form *fm, const struct form_field *ff)
{
	const struct form_field *only = form_field_named(fm, fm->only);

	ui_message(fm->ui, 1, _("Only %s is yours to change here; %s is "
	    "changed by an editor whose scope holds all the owners, or by "
	    "an admin."), only != NULL ? _(only->f->label) : fm->only,
	    _(ff->f->label));
}

static int
form_loop(struct form *fm)
{
	struct form_field *ff;
	enum ui_action a;
	int key, r;

	for (;;) {
		if ((key = ui_getkey(fm->ui)) == UI_KEY_QUIT)
			return UI_KEY_QUIT;
		ff = &fm->fields[fm->cur];
		if (fm->readonly) {
			a = ui_lookup(fm->ui, UI_CTX_FORM, key);
			if (a == UA_NEXT_FIELD)
				fm->cur = (fm->cur + 1) % fm->n;
			else if (a == UA_PREV_FIELD)
				fm->cur = (fm->cur + fm->n - 1) % fm->n;
			else if (a == UA_CANCEL)
				return 0;
			else if (a == UA_REDRAW)
				clearok(curscr, TRUE);
			else if (a == UA_HELP)
				ui_help_view(fm->ui, &form_ro_view);
			else if (a == UA_SAVE || ui_key_printable(key) ||
			    a == UA_PICK)
				ui_message(fm->ui, 1, _("This form is read "
				    "only: nothing here can be changed by you."));
			continue;
		}
		a = ui_lookup(fm->ui, UI_CTX_FORM, key);
		if (form_locked(fm, fm->cur) && a != UA_NEXT_FIELD &&
		    a != UA_PREV_FIELD && a != UA_SAVE && a != UA_CANCEL &&
		    a != UA_REDRAW && a != UA_HELP) {
			form_refuse_locked(fm, ff);
			continue;
		}
		/* Characters go to a text field before any binding. */
		if (ff->kind == FORM_TEXT && ui_key_printable(key)) {
			ui_edit_key(&ff->edit, key);
			form_typed(ff);
			continue;
		}
		switch (a) {
		case UA_NEXT_FIELD:
			fm->cur = (fm->cur + 1) % fm->n;
			continue;
		case UA_PREV_FIELD:
			fm->cur = (fm->cur + fm->n - 1) % fm->n;
			continue;
		case UA_SAVE:
			if ((r = form_save(fm)) != 0)
				return r;
			continue;
		case UA_CANCEL:
			if (!form_changed(fm))
				return 0;
			r = ui_confirm(fm->ui, _("Cancel"), _("Throw away what "
			    "you typed in this form?"));
			if (r != 0)
				return r == 1 ? 0 : r;
			continue;
		case UA_PICK:
			if ((ff->kind != FORM_TEXT || ff->suggest != NULL) &&
			    form_pick(fm, ff, 0) == UI_KEY_QUIT)
				return UI_KEY_QUIT;
			continue;
		case UA_REDRAW:
			clearok(curscr, TRUE);
			continue;
		case UA_HELP:	/* F1; in a text field ? is typed */
			ui_help_view(fm->ui, &form_view);
			continue;
		default:
			break;
		}
		if (ff->kind == FORM_TEXT) {
			ui_edit_key(&ff->edit, key);
			form_typed(ff);
		} else if (ui_key_printable(key) &&
		    form_pick(fm, ff, key) == UI_KEY_QUIT)
			return UI_KEY_QUIT;
	}
}

/*
 * A record the person may not change (outside an editor's scope, a closed
 * case, anything for a viewer), or a new one when they may write nothing,
 * opens read only, saying why at once rather than on saving.
 */
static void
form_scope(struct form *fm, const void *rec)
{
	struct store_txn *t;
	char *cause = NULL;

	if (store_read_begin(fm->ui->store, &t, NULL) != 0)
		return;
	/* A new record: whether its agency is in scope is known once it
	 * is chosen, but a viewer may add nothing at all. */
	if (((const struct record_head *)rec)->id == 0 ?
	    core_may_write(fm->ui->core, t, &cause) != 0 :
	    core_may(fm->ui->core, t, fm->kind, rec, NULL, &cause) != 0) {
		const struct form_field *ff;

		fm->only = core_may_only(fm->ui->core, t, fm->kind, rec);
		if (fm->only != NULL &&
		    (ff = form_field_named(fm, fm->only)) != NULL) {
			/* Their one field first, the rest shown for it. */
			fm->cur = (int)(ff - fm->fields);
			snprintf(fm->banner, sizeof fm->banner, _("Only %s "
			    "is yours to change: you are an editor of one of "
			    "the agencies that carry this; the other fields "
			    "are changed by an editor whose scope holds all "
			    "its owners, or by an admin."), _(ff->f->label));
		} else {
			fm->only = NULL;
			fm->readonly = 1;
			snprintf(fm->banner, sizeof fm->banner,
			    _("Read only: %s"), cause != NULL ? cause : "");
		}
	}
	free(cause);
	store_read_end(t);
}

/* A form over rec, drawn on top, not yet taking keys. */
static struct form *
form_open(struct ui *ui, enum entity_kind kind, void *rec, const char *title)
{
	struct form *fm = xcalloc(1, sizeof *fm);
	const struct field *f;
	size_t i;

	fm->ui = ui;
	fm->title = title;
	fm->kind = kind;
	fm->s = schema_of(kind);
	fm->rec = rec;
	fm->orig = xmalloc(fm->s->size);
	memcpy(fm->orig, rec, fm->s->size);
	for (i = 0; i < fm->s->nfields && fm->n < 32; i++) {
		f = &fm->s->fields[i];
		if (f->flags & (FIELD_HEAD | FIELD_SYSTEM))
			continue;
		/* A record being edited keeps its text key (a user's login;
		 * the caller's title names it): another key is another
		 * record, to add. */
		if ((f->flags & FIELD_KEY) && f->type == FIELD_STR &&
		    ((const char *)rec)[f->offset] != '\0')
			continue;
		/* A number no one types here: the meeting a resolution
		 * belongs to and the one that decided it are its page's
		 * (the record keeps them), its number the next one's. */
		if (kind == ENTITY_RESOLUTION && f->type == FIELD_U32 &&
		    f->enums == NULL && f->form == FORM_PLAIN &&
		    f->ref != ENTITY_AGENCY &&
		    f->ref != ENTITY_ISSUE && f->ref != ENTITY_OFFICER)
			continue;
		fm->fields[fm->n].f = f;
		fm->fields[fm->n].kind = form_kind_of(f);
		if (fm->fields[fm->n].kind == FORM_TEXT) {
			/* Room for 民國113年5月8日 and 下午2點30分. */
			fm->fields[fm->n].cap = (f->form == FORM_DATE ||
			    f->form == FORM_TIME) && f->size < 40 ? 40 :
			    f->size;
			fm->fields[fm->n].text = xcalloc(1,
			    fm->fields[fm->n].cap);
			fm->fields[fm->n].suggest = model_suggestions(kind,
			    f->name);
		}
		fm->n++;
	}
	form_load(fm, rec);
	form_scope(fm, rec);
	/* Its keys on the status line: the page's under it would type. */
	ui_layer_push_view(ui, form_draw, fm, fm->readonly ? &form_ro_view :
	    &form_view);
	return fm;
}

/*
 * The form is left without a save or a cancel (the connection dropped,
 * the terminal closed, a kill): what was typed goes to a draft of the
 * person's own, offered when ogpo next opens this database.
 */
static void
form_keep(struct form *fm)
{
	struct draft *d;
	struct record_head *h = fm->orig;
	const struct form_field *ff;
	const char *held;
	void *rec;
	char *cause = NULL;
	int i;

	if (fm->readonly || !form_changed(fm))
		return;
	d = xcalloc(1, sizeof *d);
	d->db = xstrdup(fm->ui->dbdir);
	d->kind = fm->kind;
	d->title = xstrdup(fm->title);
	d->id = h->id;
	d->version = h->version;
	draft_put_record(d, 'o', fm->orig);
	rec = xmalloc(fm->s->size);
	form_collect(fm, rec);
	draft_put_record(d, 'm', rec);
	free(rec);
	/* A text as typed only where the field's value would not show it
	 * again as it was: a date (shown in the reader's date style, which
	 * may change meanwhile), text the record holds otherwise (trimmed,
	 * a time written out). Else the value is the text, kept once. */
	for (i = 0; i < fm->n; i++) {
		ff = &fm->fields[i];
		if (ff->kind == FORM_TEXT && (ff->f->form == FORM_DATE ||
		    (held = draft_get(d, 'm', ff->f->name)) == NULL ||
		    strcmp(held, ff->text) != 0))
			draft_add(d, 't', ff->f->name, ff->text);
	}
	if (draft_write(d, &cause) != 0) {
		/* No one may be there to read it; stderr is the log. */
		fprintf(stderr, "ogpo: %s\n", cause);
		free(cause);
	}
	draft_free(d);
}

/* Take keys until the form is saved (1), cancelled (0) or left
 * (UI_KEY_QUIT: its values kept as a draft); then close it. */
static int
form_run(struct form *fm)
{
	int r = form_loop(fm);
	int i;

	if (r == UI_KEY_QUIT)
		form_keep(fm);
	ui_layer_pop(fm->ui);
	for (i = 0; i < fm->n; i++)
		free(fm->fields[i].text);
	free(fm->orig);
	free(fm);
	return r;
}

int
ui_form_edit(struct ui *ui, enum entity_kind kind, void *rec,
    const char *title)
{
	return form_run(form_open(ui, kind, rec, title));
}

int
ui_form_restore(struct ui *ui, const struct draft *d)
{
	const struct schema *s = schema_of(d->kind);
	struct record_head *h;
	struct form_field *ff;
	struct store_txn *t;
	void *orig = xcalloc(1, s->size), *mine = xmalloc(s->size);
	struct form *fm;
	const char *v;
	int gone = 0, i, r;

	/* The record as it was opened: as stored now, with the values and
	 * the version it had then, so that a change made since by someone
	 * else is caught on saving. */
	if ((gone = d->id != 0) && store_read_begin(ui->store, &t,
	    NULL) == 0) {
		gone = store_get(t, d->kind, d->id, orig, NULL) != 0;
		store_read_end(t);
	}
	if (gone)
		memset(orig, 0, s->size);
	draft_get_record(d, 'o', orig);
	h = orig;
	h->version = gone ? 0 : d->version;
	if (gone)
		h->id = 0;
	memcpy(mine, orig, s->size);
	draft_get_record(d, 'm', mine);
	fm = form_open(ui, d->kind, orig, d->title);
	form_load(fm, mine);	/* each choice, and text kept as the value */
	for (i = 0; i < fm->n; i++) {
		ff = &fm->fields[i];
		if (ff->kind == FORM_TEXT &&
		    (v = draft_get(d, 't', ff->f->name)) != NULL) {
			snprintf(ff->text, ff->cap, "%s", v);
			str_utf8_cut(ff->text);
			ui_edit_init(&ff->edit, ff->text, ff->cap);
		}
	}
	if (gone)
		snprintf(fm->banner, sizeof fm->banner, "%s", _("The record "
		    "was deleted after ogpo closed: saving adds it anew."));
	r = form_run(fm);
	free(orig);
	free(mine);
	return r;
}
