/*
 * finding.c — a low-attendance finding of the Compliance tab, opened: the
 * PO work meetings of the window the rule judges that the agency did not
 * come to, newest first, each with its date, kind, title, the invitee and
 * how they answered (excused, absent, never marked) or that no one of the
 * agency was invited. Enter takes the meeting's attendance (a mark made
 * there shows here on return); Esc goes back to the finding.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/compliance.h"
#include "pane.h"

#define FINDING_NOT_INVITED	0	/* a row's status: none of it invited */

struct finding_row {
	uint32_t	 meeting, kind, status;
	char		 date[OGPO_DATE_MAX + 1];
	char		 title[OGPO_TEXT_MAX + 1];
	char		 name[OGPO_NAME_MAX + 1];
};

struct finding_view {
	struct ui			*ui;
	struct compliance_finding	 f;
	struct compliance_options	 o;
	struct finding_row		*rows;
	size_t				 n, cap;
	size_t				 count[ATTEND_MAX + 1];	/* by status */
	struct vlist			 list;	/* row numbers, from 1 */
	struct store_txn		*t;	/* while reading */
	uint64_t			 seen;
};

static const struct ui_hint finding_hints[] = {
	{ UA_SELECT, N_("attendance"), 1 },
	{ UA_CLOSE, N_("close"), 1 },
	{ UA_UNDO, N_("undo"), 1 },
	{ UA_NONE, NULL, 0 }
};

static const struct ui_view finding_view = {
	N_("The meetings a low-attendance finding counts"), UI_CTX_FINDING,
	finding_hints, 0, NULL
};

static void
finding_add(void *arg, const struct meeting *m, const struct attendance *at)
{
	struct finding_view *v = arg;
	struct finding_row *r;
	struct officer o;

	v->rows = xgrow(v->rows, &v->cap, v->n + 1, sizeof *v->rows);
	r = &v->rows[v->n++];
	memset(r, 0, sizeof *r);
	r->meeting = m->h.id;
	r->kind = m->kind;
	str_copy(r->date, m->date, sizeof r->date);
	str_copy(r->title, m->title, sizeof r->title);
	r->status = at != NULL ? at->status : FINDING_NOT_INVITED;
	if (at != NULL && store_officer_get(v->t, at->officer, &o, NULL) == 0)
		str_copy(r->name, o.name, sizeof r->name);
	else if (at != NULL)
		snprintf(r->name, sizeof r->name, "#%u", at->officer);
	if (r->status <= ATTEND_MAX)
		v->count[r->status]++;
}

/* Read the missed meetings (again: the database moved on). */
static void
finding_reload(struct finding_view *v)
{
	size_t i;

	v->seen = v->ui->txnid;
	v->n = 0;
	memset(v->count, 0, sizeof v->count);
	vlist_held(&v->list);
	if (store_read_begin(v->ui->store, &v->t, NULL) != 0)
		return;
	compliance_missed(v->t, &v->o, v->f.agency, finding_add, v);
	store_read_end(v->t);
	v->t = NULL;
	for (i = 0; i < v->n; i++)
		vlist_held_add(&v->list, (uint32_t)i + 1);
}

/* A row's answer in words: excused, absent, not marked, not invited. */
static const char *
finding_status(uint32_t status)
{
	switch (status) {
	case FINDING_NOT_INVITED:
		return _("Not invited");
	case ATTEND_INVITED:
		return _("Not marked");
	default:
		return _(model_enum_label(&model_attend_statuses, status));
	}
}

static void
finding_draw(struct ui *ui, void *arg)
{
	static const char *const kinds[] = { "", N_("Policy"), N_("Work"),
		N_("Issue") };
	struct finding_view *v = arg;
	const struct finding_row *r;
	char title[256], line[512], day[16];
	int y = 2, x = 2, w = ui->cols - 4, h = ui->rows - 3, row, tw, n;
	enum ui_attr attr;

	if (v->seen != ui->txnid)
		finding_reload(v);
	snprintf(title, sizeof title, _("%s: %s"),
	    _(model_enum_label(&compliance_rules, v->f.rule)), v->f.subject);
	ui_box(ui, 1, 0, ui->rows - 2, ui->cols, title);
	/* The finding's sentence, on two lines at most. */
	n = ui_wrap_put(ui, v->f.detail, y, x, w, 2, UI_NORMAL);
	y += (n < 2 ? n : 2) + 1;
	snprintf(line, sizeof line, _("Missed, newest first: excused %zu, "
	    "absent %zu, not marked %zu, not invited %zu."),
	    v->count[ATTEND_EXCUSED], v->count[ATTEND_ABSENT],
	    v->count[ATTEND_INVITED], v->count[FINDING_NOT_INVITED]);
	ui_put(ui, y, x, w, line, UI_NORMAL);
	tw = w - 11 - 7 - 12 - 11;
	ui_put(ui, y + 1, x, 10, _("Date"), UI_TITLE);
	ui_put(ui, y + 1, x + 11, 6, _("Kind"), UI_TITLE);
	ui_put(ui, y + 1, x + 18, 11, _("Status"), UI_TITLE);
	ui_put(ui, y + 1, x + 30, 10, _("Name"), UI_TITLE);
	ui_put(ui, y + 1, x + 41, tw, _("Title"), UI_TITLE);
	vlist_load(&v->list, NULL, h - y - 2);
	vlist_place(&v->list, y + 2, x, w);
	for (row = 0; row < v->list.nrows; row++) {
		r = &v->rows[v->list.rows[row] - 1];
		attr = row == v->list.sel ? UI_SELECT : UI_NORMAL;
		ui_fill(ui, y + 2 + row, x, w, attr);
		ui_put(ui, y + 2 + row, x, 10, date_show(r->date, day,
		    sizeof day), attr);
		ui_put(ui, y + 2 + row, x + 11, 6,
		    _(kinds[r->kind <= MEETING_KIND_MAX ? r->kind : 0]), attr);
		ui_put(ui, y + 2 + row, x + 18, 11, finding_status(r->status),
		    attr == UI_NORMAL && r->status == ATTEND_ABSENT ?
		    UI_MARK : attr);
		ui_put(ui, y + 2 + row, x + 30, 10, r->name, attr);
		ui_put(ui, y + 2 + row, x + 41, tw, r->title, attr);
	}
	if (v->list.count == 0)
		ui_put(ui, y + 2, x, w, _("No work meeting missed in this "
		    "window any more."), UI_DIM);
}

static void
finding_action(void *arg, enum ui_action a)
{
	struct finding_view *v = arg;
	uint32_t sel = vlist_selected(&v->list);

	if (a == UA_SELECT && sel != 0)
		ui_attendance(v->ui, v->rows[sel - 1].meeting);
	else if (a == UA_UNDO)
		pane_undo(v->ui, 0);
}

void
ui_finding(struct ui *ui, const struct compliance_finding *f,
    const struct compliance_options *o)
{
	struct finding_view v;

	memset(&v, 0, sizeof v);
	v.ui = ui;
	v.f = *f;
	v.o = *o;
	finding_reload(&v);
	ui->msg[0] = '\0';
	ui_layer_push_view(ui, finding_draw, &v, &finding_view);
	ui_layer_keys(ui, UI_CTX_FINDING, &v.list, finding_action, &v);
	ui_layer_pop(ui);
	vlist_free(&v.list);
	free(v.rows);
}
