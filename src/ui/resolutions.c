/*
 * resolutions.c — a meeting's resolutions (決議事項): first what earlier
 * meetings of its kind resolved and it reviews (持續列管 or 解除列管, a
 * key each way, recorded as this meeting's decision), then what it
 * resolved itself. a adds one, e edits, d deletes; g writes the agenda
 * and D the record of decisions. Who may change a resolution is core's
 * to say: an editor, those whose owners lie within their scope, and the
 * progress (辦理情形) alone of those one of whose owners does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/export.h"
#include "ogpo/resolution.h"
#include "pane.h"

struct resol_view {
	struct ui	*ui;
	uint32_t	 meeting;
	struct meeting	 m;
	struct vlist	 list;
	size_t		 nreview;	/* the first rows: reviewed here */
	uint64_t	 seen;
	int		 gone;
};

static const struct ui_hint resol_hints[] = {
	{ UA_RELEASE, N_("release/follow"), 1 },
	{ UA_ADD, N_("add"), 1 },
	{ UA_EDIT, N_("edit"), 1 },
	{ UA_DELETE, N_("delete"), 1 },
	{ UA_AGENDA, N_("agenda"), 1 },
	{ UA_DECISIONS, N_("decisions"), 1 },
	{ UA_UNDO, N_("undo"), 1 },
	{ UA_CLOSE, N_("close"), 1 },
	{ UA_SELECT, N_("edit"), 0 },
	{ UA_NONE, NULL, 0 }
};

static const struct ui_view resol_view_def = {
	N_("A meeting's resolutions"), UI_CTX_RESOLUTIONS, resol_hints, 0, NULL
};

static void
resol_reload(struct resol_view *v)
{
	struct store_txn *t;
	uint32_t *ids = NULL;
	size_t n, i;

	v->seen = v->ui->txnid;
	if (store_read_begin(v->ui->store, &t, NULL) != 0)
		return;
	v->gone = store_meeting_get(t, v->meeting, &v->m, NULL) != 0;
	vlist_held(&v->list);
	n = core_resolutions_review(t, v->meeting, &ids);
	for (i = 0; i < n; i++)
		vlist_held_add(&v->list, ids[i]);
	free(ids);
	v->nreview = n;
	n = core_resolutions_of(t, v->meeting, &ids);
	for (i = 0; i < n; i++)
		vlist_held_add(&v->list, ids[i]);
	free(ids);
	store_read_end(t);
}

/* How the list names r: where it was made (an earlier meeting's date,
 * reviewed here) and its number, "2026-10-15-1"; or "here-1". */
static void
resol_ref(struct store_txn *t, const struct resolution *r, int reviewed,
    char *ref, size_t n)
{
	struct meeting *rm = xmalloc(sizeof *rm);
	char day[16];

	if (reviewed && store_meeting_get(t, r->meeting, rm, NULL) == 0)
		snprintf(ref, n, "%s-%u", date_show(rm->date, day, sizeof day),
		    r->number);
	else
		snprintf(ref, n, _("here-%u"), r->number);
	free(rm);
}

/* The selected resolution read whole under the list: its owners and
 * text are cut in their columns at 80. */
#define RESOL_FOOT	3

static void
resol_draw(struct ui *ui, void *arg)
{
	struct resol_view *v = arg;
	struct store_txn *t;
	struct resolution *r;
	char line[1024], day[16], ref[48], owners[512], title[OGPO_TEXT_MAX + 64];
	int y = 2, x = 2, w = ui->cols - 4, h = ui->rows - 3, row, overdue;
	int foot = h - y - 3 - RESOL_FOOT >= 5 ? RESOL_FOOT : 0;
	char *whole = NULL;
	enum ui_attr attr;
	uint32_t id;
	size_t at;

	if (v->seen != ui->txnid)
		resol_reload(v);
	snprintf(title, sizeof title, "%s %s", date_show(v->m.date, day,
	    sizeof day), v->m.title);
	ui_box(ui, 1, 0, ui->rows - 2, ui->cols, title);
	if (v->gone) {
		ui_put(ui, y, x, w, _("This meeting was deleted."), UI_ERROR);
		return;
	}
	snprintf(line, sizeof line, _("Reviewed here: %zu of earlier "
	    "meetings. Resolved here: %zu."), v->nreview,
	    v->list.count - v->nreview);
	ui_put(ui, y, x, w, line, UI_NORMAL);
	ui_put(ui, y + 2, x, 14, _("Resolution"), UI_TITLE);
	ui_put(ui, y + 2, x + 15, 10, _("Status"), UI_TITLE);
	ui_put(ui, y + 2, x + 26, 10, _("Due"), UI_TITLE);
	ui_put(ui, y + 2, x + 37, 18, _("Owners"), UI_TITLE);
	ui_put(ui, y + 2, x + 56, w - 56, _("Text"), UI_TITLE);
	if (store_read_begin(ui->store, &t, NULL) != 0)
		return;
	r = xmalloc(sizeof *r);
	vlist_load(&v->list, NULL, h - y - 3 - foot);
	vlist_place(&v->list, y + 3, x, w);
	for (row = 0; row < v->list.nrows; row++) {
		id = v->list.rows[row];
		at = v->list.top_i + (size_t)row;
		attr = row == v->list.sel ? UI_SELECT : UI_NORMAL;
		ui_fill(ui, y + 3 + row, x, w, attr);
		if (store_resolution_get(t, id, r, NULL) != 0)
			continue;
		resol_ref(t, r, at < v->nreview, ref, sizeof ref);
		overdue = r->status == RESOL_OPEN && r->due[0] != '\0' &&
		    strcmp(r->due, ui->today) < 0;
		ui_put(ui, y + 3 + row, x, 14, ref, attr);
		ui_put(ui, y + 3 + row, x + 15, 10,
		    _(model_enum_label(&model_resolution_statuses, r->status)),
		    attr);
		ui_put(ui, y + 3 + row, x + 26, 10, date_show(r->due, day,
		    sizeof day), overdue && attr == UI_NORMAL ? UI_MARK :
		    attr);
		core_owners_text(t, r, CORE_OWNERS_NAME, "、", owners,
		    sizeof owners);
		ui_put(ui, y + 3 + row, x + 37, 18, owners, attr);
		snprintf(line, sizeof line, "%s%.900s", overdue ?
		    _("(overdue) ") : "", r->text);
		str_utf8_cut(line);
		ui_put(ui, y + 3 + row, x + 56, w - 56, line, attr);
		if (row == v->list.sel && foot)
			whole = r->due[0] != '\0' ? xasprintf(_("%s: %s "
			    "(owners: %s; due %s)"), ref, line, owners,
			    date_show(r->due, day, sizeof day)) :
			    xasprintf(_("%s: %s (owners: %s)"), ref, line,
			    owners);
		/* And how it stands, as its owners reported it: what the
		 * meeting reviews to follow it or release it. */
		if (row == v->list.sel && foot && r->note[0] != '\0') {
			char *was = whole;

			whole = xasprintf(_("%s\nProgress: %s"), was,
			    r->note);
			free(was);
		}
	}
	free(r);
	store_read_end(t);
	if (whole != NULL) {
		ui_wrap_put(ui, whole, h - foot + 1, x, w, foot, UI_DIM);
		free(whole);
	}
	if (v->list.count == 0) {
		char ka[64];

		ui_key_label(ui, UI_CTX_RESOLUTIONS, UA_ADD, ka, sizeof ka);
		snprintf(line, sizeof line, _("No resolutions to review or "
		    "made here yet: %s adds one."), ka);
		ui_put(ui, y + 3, x, w, line, UI_DIM);
	}
}

struct resol_op {
	uint32_t id, version, meeting;
};

/* Follow or release: the other of the two, decided by this meeting. */
static int
resol_toggle_txn(struct core *c, struct store_txn *t, void *arg,
    char **cause)
{
	struct resol_op *op = arg;
	struct resolution r;
	int rc;

	if ((rc = store_resolution_get(t, op->id, &r, cause)) != 0)
		return rc;
	return core_resolution_decide(c, t, op->id, op->version, op->meeting,
	    r.status == RESOL_OPEN ? RESOL_CLOSED : RESOL_OPEN, NULL, cause);
}

static void
resol_toggle(struct resol_view *v, uint32_t id, size_t at)
{
	struct resol_op op = { id, 0, v->meeting };
	struct store_txn *t;
	struct resolution r;
	char *cause = NULL, ref[48] = "";

	if (at >= v->nreview) {
		ui_message(v->ui, 1, _("This resolution was made at this "
		    "meeting; a later meeting of its kind releases it."));
		return;
	}
	if (store_read_begin(v->ui->store, &t, NULL) != 0)
		return;
	if (store_resolution_get(t, id, &r, NULL) == 0) {
		op.version = r.h.version;
		resol_ref(t, &r, 1, ref, sizeof ref);
	}
	store_read_end(t);
	if (core_run(v->ui->core, resol_toggle_txn, &op, &cause) != 0) {
		ui_message(v->ui, 1, "%s", cause ? cause : _("not saved"));
		free(cause);
		return;
	}
	ui_changed(v->ui);
	/* Named as the list names it: every meeting has a resolution 1. */
	ui_message(v->ui, 0, r.status == RESOL_OPEN ? _("Resolution %s "
	    "released (解除列管) by this meeting.") : _("Resolution %s "
	    "followed again (持續列管)."), ref);
}

static void
resol_action(void *arg, enum ui_action a)
{
	struct resol_view *v = arg;
	uint32_t id = vlist_selected(&v->list);
	size_t at = v->list.index;
	struct resolution r;
	int made;

	switch (a) {
	case UA_ADD:
		memset(&r, 0, sizeof r);
		r.meeting = v->meeting;
		r.status = RESOL_OPEN;
		made = pane_edit(v->ui, ENTITY_RESOLUTION, 0, &r,
		    _("New resolution"));
		if (made != 0) {
			resol_reload(v);
			v->list.want = (uint32_t)made;
		}
		break;
	case UA_SELECT:
	case UA_EDIT:
		if (id != 0)
			pane_edit(v->ui, ENTITY_RESOLUTION, id, NULL,
			    _("Resolution"));
		break;
	case UA_DELETE:
		if (id != 0)
			pane_delete(v->ui, ENTITY_RESOLUTION, id);
		break;
	case UA_RELEASE:
		if (id != 0)
			resol_toggle(v, id, at);
		break;
	case UA_AGENDA:
		ui_export(v->ui, EXPORT_AGENDA, v->meeting, NULL, NULL);
		break;
	case UA_DECISIONS:
		ui_export(v->ui, EXPORT_DECISIONS, v->meeting, NULL, NULL);
		break;
	case UA_UNDO:
		pane_undo(v->ui, 0);
		break;
	default:
		break;
	}
}

void
ui_resolutions(struct ui *ui, uint32_t meeting)
{
	struct resol_view v;
	memset(&v, 0, sizeof v);
	v.ui = ui;
	v.meeting = meeting;
	resol_reload(&v);
	if (v.gone) {
		vlist_free(&v.list);
		return;
	}
	ui->msg[0] = '\0';
	ui_layer_push_view(ui, resol_draw, &v, &resol_view_def);
	ui_layer_keys(ui, UI_CTX_RESOLUTIONS, &v.list, resol_action, &v);
	ui_layer_pop(ui);
	vlist_free(&v.list);
}
