/*
 * officer.c — one officer's record and what is kept about them: the
 * designation (in office, or ended: 卸任), the training of point 8 with
 * the four competencies it covers, and the rewards of point 9. Training
 * and rewards are rows to choose: e edits one, d deletes it, t and w add,
 * and u takes back the last change, as everywhere.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pane.h"

/* A reward's row number carries this bit; a training's does not. */
#define OFFICER_REWARD	0x80000000u

struct officer_view {
	struct ui	*ui;
	uint32_t	 id;
	struct officer	 o;
	char		 agency[OGPO_NAME_MAX + 1];
	struct vlist	 list;
	uint64_t	 seen;
	int		 gone;
	uint32_t	 covered;	/* competencies, COMPETENCE_* */
};

static const struct ui_hint officer_hints[] = {
	{ UA_EDIT, N_("edit"), 1 },
	{ UA_DELETE, N_("delete"), 1 },
	{ UA_ADD_TRAINING, N_("training"), 1 },
	{ UA_ADD_REWARD, N_("reward"), 1 },
	{ UA_UNDO, N_("undo"), 1 },
	{ UA_CLOSE, N_("close"), 1 },
	{ UA_SELECT, N_("edit"), 0 },
	{ UA_NONE, NULL, 0 }
};

static const struct ui_view officer_view = {
	N_("An officer's training and rewards"), UI_CTX_OFFICER, officer_hints,
	0, NULL
};

/* Training first (by date), then rewards (by date). */
static void
officer_reload(struct officer_view *v)
{
	struct store_cursor *c;
	struct store_txn *t;
	struct training tr;
	struct agency a;

	v->seen = v->ui->txnid;
	if (store_read_begin(v->ui->store, &t, NULL) != 0)
		return;
	v->gone = store_officer_get(t, v->id, &v->o, NULL) != 0;
	v->agency[0] = '\0';
	if (!v->gone && store_agency_get(t, v->o.agency, &a, NULL) == 0)
		str_copy(v->agency, a.name, sizeof v->agency);
	vlist_held(&v->list);
	v->covered = 0;
	if (store_cursor_open(t, IX_OFFICER_TRAINING, &v->id, &c, NULL) == 0) {
		while (store_cursor_move(c, STORE_NEXT) == 0)
			if (store_cursor_get(c, &tr, NULL) == 0) {
				v->covered |= tr.competencies;
				vlist_held_add(&v->list, tr.h.id);
			}
		store_cursor_close(c);
	}
	if (store_cursor_open(t, IX_OFFICER_REWARD, &v->id, &c, NULL) == 0) {
		while (store_cursor_move(c, STORE_NEXT) == 0)
			vlist_held_add(&v->list, store_cursor_id(c) |
			    OFFICER_REWARD);
		store_cursor_close(c);
	}
	store_read_end(t);
}

/* The designation in words: in office since, ended on, or to come. */
void
ui_officer_state(const struct officer *o, const char *today, char *buf,
    size_t n)
{
	char from[16], to[16];

	date_show(o->start_date, from, sizeof from);
	date_show(o->end_date, to, sizeof to);
	if (o->end_date[0] != '\0' && strcmp(o->end_date, today) < 0)
		snprintf(buf, n, _("ended (卸任) on %s"), to);
	else if (o->start_date[0] != '\0' && strcmp(o->start_date, today) > 0)
		snprintf(buf, n, _("to take office on %s"), from);
	else if (o->end_date[0] != '\0')
		snprintf(buf, n, _("in office since %s, until %s"),
		    from[0] ? from : "?", to);
	else if (from[0] != '\0')
		snprintf(buf, n, _("in office since %s"), from);
	else
		snprintf(buf, n, _("in office"));
}

static void
officer_draw(struct ui *ui, void *arg)
{
	struct officer_view *v = arg;
	struct store_txn *t;
	struct training tr;
	struct reward rw;
	char line[1024], comp[256], day[16], state[96];
	int y = 2, x = 2, w = ui->cols - 4, h = ui->rows - 3, row, i, k, per;
	uint32_t id;
	enum ui_attr attr;

	if (v->seen != ui->txnid)
		officer_reload(v);
	ui_box(ui, 1, 0, ui->rows - 2, ui->cols, v->o.name);
	if (v->gone) {
		ui_put(ui, y, x, w, _("This officer was deleted."), UI_ERROR);
		return;
	}
	ui_officer_state(&v->o, ui->today, state, sizeof state);
	/* TRANSLATORS: agency, role, title; then the designation's state. */
	snprintf(line, sizeof line, _("%s  %s  %s;  %s"), v->agency,
	    _(model_enum_label(&model_roles, v->o.role)), v->o.title, state);
	ui_put(ui, y, x, w, line, UI_NORMAL);
	snprintf(line, sizeof line, "%s  %s%s%s", v->o.email, v->o.phone,
	    v->o.ext[0] ? "#" : "", v->o.ext);
	ui_put(ui, y + 1, x, w, line, UI_NORMAL);
	for (i = 0, k = 0; i < 4; i++)
		k += (v->covered >> i) & 1;
	snprintf(line, sizeof line, _("Competencies of point 8: %d of 4"), k);
	ui_put(ui, y + 2, x, w, line, UI_NORMAL);
	/* Two to a line, each marked [x] when a course covered it; one to
	 * a line where two would cut one (溝通轉譯 at 80 columns). */
	for (i = 0, per = 2; i < 4; i++)
		if ((int)text_width(_(model_competence_labels[i])) + 4 >
		    w / 2 - 3)
			per = 1;
	for (i = 0; i < 4; i++) {
		snprintf(line, sizeof line, "%s %s", v->covered & (1u << i) ?
		    "[x]" : "[ ]", _(model_competence_labels[i]));
		ui_put(ui, y + 3 + i / per, x + 2 + (i % per) * (w / 2),
		    per == 2 ? w / 2 - 3 : w - 2, line, UI_NORMAL);
	}
	y += 4 / per;
	ui_put(ui, y + 4, x, 10, _("Date"), UI_TITLE);
	ui_put(ui, y + 4, x + 11, 8, _("Record"), UI_TITLE);
	ui_put(ui, y + 4, x + 20, w - 20, _("Course or reason"), UI_TITLE);
	if (store_read_begin(ui->store, &t, NULL) != 0)
		return;
	vlist_load(&v->list, NULL, h - y - 5);
	vlist_place(&v->list, y + 5, x, w);
	for (row = 0; row < v->list.nrows; row++) {
		id = v->list.rows[row];
		attr = row == v->list.sel ? UI_SELECT : UI_NORMAL;
		ui_fill(ui, y + 5 + row, x, w, attr);
		if (id & OFFICER_REWARD) {
			if (store_get(t, ENTITY_REWARD, id & ~OFFICER_REWARD,
			    &rw, NULL) != 0)
				continue;
			ui_put(ui, y + 5 + row, x, 10, date_show(rw.date, day,
			    sizeof day), attr);
			ui_put(ui, y + 5 + row, x + 11, 8, _("Reward"), attr);
			snprintf(line, sizeof line, _("%s: %s"), rw.kind,
			    rw.reason);
		} else {
			if (store_get(t, ENTITY_TRAINING, id, &tr, NULL) != 0)
				continue;
			ui_put(ui, y + 5 + row, x, 10, date_show(tr.date, day,
			    sizeof day), attr);
			ui_put(ui, y + 5 + row, x + 11, 8, _("Training"),
			    attr);
			comp[0] = '\0';
			for (i = 0; i < 4; i++)
				if (tr.competencies & (1u << i))
					snprintf(comp + strlen(comp),
					    sizeof comp - strlen(comp), "%s%s",
					    comp[0] ? _(", ") : "",
					    _(model_competence_labels[i]));
			snprintf(line, sizeof line, _("%s (%s h, %.96s): %s"),
			    tr.course, tr.hours[0] ? tr.hours : "?",
			    tr.provider[0] ? tr.provider : "-", comp);
		}
		str_utf8_cut(line);
		ui_put(ui, y + 5 + row, x + 20, w - 20, line, attr);
	}
	store_read_end(t);
	if (v->list.count == 0) {
		char kt[64], kw[64];

		ui_key_label(ui, UI_CTX_OFFICER, UA_ADD_TRAINING, kt,
		    sizeof kt);
		ui_key_label(ui, UI_CTX_OFFICER, UA_ADD_REWARD, kw, sizeof kw);
		snprintf(line, sizeof line, _("No training or reward recorded "
		    "yet: %s adds a course, %s a reward."), kt, kw);
		ui_put(ui, y + 5, x, w, line, UI_DIM);
	}
}

/* A new training (kind ENTITY_TRAINING) or reward record, on the form. */
static void
officer_add(struct officer_view *v, enum entity_kind kind)
{
	struct training tr;
	struct reward rw;
	int id;

	if (kind == ENTITY_TRAINING) {
		memset(&tr, 0, sizeof tr);
		tr.officer = v->id;
		date_today(tr.date);
		id = pane_edit(v->ui, kind, 0, &tr,
		    _("Training course (point 8)"));
	} else {
		memset(&rw, 0, sizeof rw);
		rw.officer = v->id;
		date_today(rw.date);
		id = pane_edit(v->ui, kind, 0, &rw, _("Reward (point 9)"));
	}
	if (id != 0) {
		officer_reload(v);
		v->list.want = (uint32_t)id | (kind == ENTITY_REWARD ?
		    OFFICER_REWARD : 0);
	}
}

static void
officer_action(void *arg, enum ui_action a)
{
	struct officer_view *v = arg;
	uint32_t id = vlist_selected(&v->list);
	enum entity_kind kind = id & OFFICER_REWARD ? ENTITY_REWARD :
	    ENTITY_TRAINING;

	switch (a) {
	case UA_ADD_TRAINING:
		officer_add(v, ENTITY_TRAINING);
		break;
	case UA_ADD_REWARD:
		officer_add(v, ENTITY_REWARD);
		break;
	case UA_SELECT:
	case UA_EDIT:
		if (id != 0)
			pane_edit(v->ui, kind, id & ~OFFICER_REWARD, NULL,
			    kind == ENTITY_REWARD ? _("Reward (point 9)") :
			    _("Training course (point 8)"));
		break;
	case UA_DELETE:
		if (id != 0)
			pane_delete(v->ui, kind, id & ~OFFICER_REWARD);
		break;
	case UA_UNDO:
		pane_undo(v->ui, 0);
		break;
	default:
		break;
	}
}

void
ui_officer(struct ui *ui, uint32_t officer)
{
	struct officer_view v;
	memset(&v, 0, sizeof v);
	v.ui = ui;
	v.id = officer;
	officer_reload(&v);
	if (v.gone) {
		vlist_free(&v.list);
		return;
	}
	ui->msg[0] = '\0';
	ui_layer_push_view(ui, officer_draw, &v, &officer_view);
	ui_layer_keys(ui, UI_CTX_OFFICER, &v.list, officer_action, &v);
	ui_layer_pop(ui);
	vlist_free(&v.list);
}

int
ui_officer_save_ask(struct ui *ui, const struct officer *o)
{
	struct core_handover h[16];
	struct store_txn *t;
	struct officer old;
	char *text, *prev, day[16];
	size_t n = 0, i;
	int r;

	if (o->h.id == 0 || store_read_begin(ui->store, &t, NULL) != 0)
		return 1;
	if (store_officer_get(t, o->h.id, &old, NULL) == 0 &&
	    core_officer_ends(&old, o))
		n = core_handover_meetings(t, o->h.id, o->end_date, 0, h, 16);
	store_read_end(t);
	if (n == 0)
		return 1;
	text = xasprintf(ngettext("%s's designation ends on %s: they are "
	    "taken off the planned meeting after it:\n", "%s's designation "
	    "ends on %s: they are taken off the %zu planned meetings after "
	    "it:\n", n), o->name, date_show(o->end_date, day, sizeof day), n);
	for (i = 0; i < n && i < 16; i++) {
		prev = text;
		text = xasprintf("%s  %s %s\n", prev, date_show(h[i].date, day,
		    sizeof day), h[i].title);
		free(prev);
	}
	prev = text;
	text = xasprintf(_("%sHeld meetings keep who came.\nSave?"), prev);
	free(prev);
	r = ui_confirm(ui, _("End the designation"), text);
	free(text);
	return r;
}
