/*
 * attend.c — taking a meeting's attendance: every invitee on one screen,
 * one key per answer (出席 present, 線上 online, 代理出席 proxy, 請假
 * excused, 缺席 absent), and the cursor moves on to the next person, so a
 * 35-person meeting takes 35 keystrokes. The running count stays in view.
 * Invitees can be added (officers, or people who are not officers) and
 * taken off; P invites whom point 7 names for the meeting.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pane.h"

struct attend_row {
	uint32_t	 officer;
	uint32_t	 agency;
	char		 name[OGPO_NAME_MAX + 1];
};

struct attend {
	struct ui	*ui;
	uint32_t	 meeting;
	struct meeting	 m;
	struct vlist	 list;
	size_t		 present, invited;
	uint64_t	 seen;		/* the commit the rows were read at */
	int		 gone;		/* the meeting was deleted */
};

/* One attendance change, run through core in a transaction. */
struct attend_op {
	uint32_t	 meeting, officer, status;
	enum ui_action	 what;
	char		 proxy[OGPO_NAME_MAX + 1];
	char		 name[OGPO_NAME_MAX + 1];
	char		 org[OGPO_TEXT_MAX + 1];
	uint32_t	*ids;
	size_t		 nids, done;
};

static int
attend_row_cmp(const void *a, const void *b)
{
	const struct attend_row *x = a, *y = b;
	int d;

	if (x->agency != y->agency)
		return x->agency < y->agency ? -1 : 1;
	if ((d = strcmp(x->name, y->name)) != 0)
		return d;
	return (x->officer > y->officer) - (x->officer < y->officer);
}

/* Read the invitees afresh, in agency order then by name. */
static void
attend_reload(struct attend *v)
{
	struct store_cursor *c;
	struct store_txn *t;
	struct attendance at;
	struct officer o;
	struct attend_row *rows;
	size_t n, i = 0;

	v->seen = v->ui->txnid;
	if (store_read_begin(v->ui->store, &t, NULL) != 0)
		return;
	v->gone = store_meeting_get(t, v->meeting, &v->m, NULL) != 0;
	core_meeting_counts(t, v->meeting, &v->present, &v->invited);
	n = store_count(t, IX_ATTENDANCE, &v->meeting);
	rows = xcalloc(n ? n : 1, sizeof *rows);
	if (store_cursor_open(t, IX_ATTENDANCE, &v->meeting, &c, NULL) == 0) {
		while (i < n && store_cursor_move(c, STORE_NEXT) == 0) {
			if (store_cursor_get(c, &at, NULL) != 0)
				continue;
			rows[i].officer = at.officer;
			rows[i].agency = at.agency ? at.agency : UINT32_MAX;
			if (at.officer & ATTEND_EXTERNAL)
				str_copy(rows[i].name, at.name,
				    sizeof rows[i].name);
			else if (store_officer_get(t, at.officer, &o,
			    NULL) == 0)
				str_copy(rows[i].name, o.name,
				    sizeof rows[i].name);
			i++;
		}
		store_cursor_close(c);
	}
	store_read_end(t);
	qsort(rows, i, sizeof *rows, attend_row_cmp);
	vlist_held(&v->list);
	for (n = 0; n < i; n++)
		vlist_held_add(&v->list, rows[n].officer);
	free(rows);
}

static void
attend_draw(struct ui *ui, void *arg)
{
	struct attend *v = arg;
	struct store_txn *t;
	struct attendance at;
	struct officer o;
	struct agency a;
	char line[512], day[16], who[OGPO_NAME_MAX + 1], where[OGPO_TEXT_MAX + 1];
	const char *other;
	int y = 2, x = 2, w = ui->cols - 4, h = ui->rows - 3, row, cw;
	enum ui_attr attr;

	if (v->seen != ui->txnid)
		attend_reload(v);	/* someone else wrote meanwhile */
	ui_box(ui, 1, 0, ui->rows - 2, ui->cols, v->m.title);
	if (v->gone) {
		ui_put(ui, y, x, w, _("This meeting was deleted."), UI_ERROR);
		return;
	}
	snprintf(line, sizeof line, "%s %s  %s  %s  %s", date_show(v->m.date,
	    day, sizeof day), v->m.time,
	    _(model_enum_label(&model_meeting_kinds, v->m.kind)),
	    _(model_enum_label(&model_meeting_statuses, v->m.status)),
	    v->m.place);
	ui_put(ui, y, x, w, line, UI_NORMAL);
	snprintf(line, sizeof line, _("present %zu / invited %zu"), v->present,
	    v->invited);
	ui_put(ui, y + 1, x, 28, line, UI_TITLE);
	ui_put(ui, y + 1, x + 28, w - 28, _("p present  o online  x proxy  "
	    "e excused  a absent  u unmark  + invite  E external  d remove"),
	    UI_DIM);
	cw = (w - 15 - 10 - 12) / 2;
	ui_put(ui, y + 2, x, 14, _("Status"), UI_TITLE);
	ui_put(ui, y + 2, x + 15, cw, _("Agency"), UI_TITLE);
	ui_put(ui, y + 2, x + 16 + cw, 10, _("Name"), UI_TITLE);
	ui_put(ui, y + 2, x + 27 + cw, 10, _("Role"), UI_TITLE);
	ui_put(ui, y + 2, x + 38 + cw, w - 38 - cw, _("Proxy, note"),
	    UI_TITLE);
	if (store_read_begin(ui->store, &t, NULL) != 0)
		return;
	vlist_load(&v->list, t, h - y - 3);
	for (row = 0; row < v->list.nrows; row++) {
		if (store_attendance_get(t, v->meeting, v->list.rows[row], &at,
		    NULL) != 0)
			continue;
		if (at.officer & ATTEND_EXTERNAL) {
			str_copy(who, at.name, sizeof who);
			str_copy(where, at.organisation, sizeof where);
		} else {
			if (store_officer_get(t, at.officer, &o, NULL) == 0)
				str_copy(who, o.name, sizeof who);
			else
				snprintf(who, sizeof who, "#%u", at.officer);
			if (store_agency_get(t, at.agency, &a, NULL) == 0)
				str_copy(where, a.name, sizeof where);
			else
				where[0] = '\0';
		}
		attr = row == v->list.sel ? UI_SELECT : at.status ==
		    ATTEND_INVITED ? UI_DIM : UI_NORMAL;
		ui_fill(ui, y + 3 + row, x, w, attr);
		other = model_enum_other(&model_attend_statuses, at.status);
		snprintf(line, sizeof line, "%s%s%s",
		    model_attend_statuses.zh[at.status], other ? " " : "",
		    other ? other : "");
		ui_put(ui, y + 3 + row, x, 14, line, attr);
		ui_put(ui, y + 3 + row, x + 15, cw, where, attr);
		ui_put(ui, y + 3 + row, x + 16 + cw, 10, who, attr);
		ui_put(ui, y + 3 + row, x + 27 + cw, 10,
		    at.officer & ATTEND_EXTERNAL ? _("External") :
		    _(model_enum_label(&model_roles, at.role)), attr);
		snprintf(line, sizeof line, "%s%s%.300s", at.proxy,
		    at.proxy[0] && at.note[0] ? "; " : "", at.note);
		str_utf8_cut(line);
		ui_put(ui, y + 3 + row, x + 38 + cw, w - 38 - cw, line, attr);
	}
	if (v->list.count == 0)
		ui_put(ui, y + 3, x, w, _("Nobody is invited yet: P invites "
		    "whom the regulation names, + an officer, E anyone else."),
		    UI_DIM);
	store_read_end(t);
}

static int
attend_txn(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct attend_op *op = arg;
	struct attendance at;
	size_t i;
	int rc = 0;

	op->done = 0;
	switch (op->what) {
	case UA_INVITE_EXTERNAL:
		return core_invite_external(c, t, op->meeting, op->name,
		    op->org, &op->officer, cause);
	case UA_UNINVITE:
		return core_uninvite(c, t, op->meeting, op->officer, cause);
	case UA_INVITE:
	case UA_PROPOSE:
		for (i = 0; i < op->nids && rc == 0; i++) {
			if (store_attendance_get(t, op->meeting, op->ids[i],
			    &at, NULL) == 0)
				continue;
			if ((rc = core_invite(c, t, op->meeting, op->ids[i],
			    cause)) == 0)
				op->done++;
		}
		return rc;
	default:
		return core_attend(c, t, op->meeting, op->officer, op->status,
		    op->proxy, NULL, cause);
	}
}

/* Run op; say what went wrong on the status line. 0 on success. */
static int
attend_run(struct attend *v, struct attend_op *op)
{
	char *cause = NULL;
	int rc;

	op->meeting = v->meeting;
	if ((rc = core_run(v->ui->core, attend_txn, op, &cause)) != 0) {
		ui_message(v->ui, 1, "%s", cause ? cause : _("not saved"));
		free(cause);
		return rc;
	}
	ui_changed(v->ui);
	attend_reload(v);
	return 0;
}

/* Choose an officer of an agency, in office on the meeting's date. */
static uint32_t
attend_pick_officer(struct attend *v)
{
	struct store_cursor *c;
	struct store_txn *t;
	struct officer o;
	uint32_t agency, ids[512], id = 0;
	char *labels[512];
	size_t n = 0, sel = 0, i;

	if ((agency = ui_pick_agency(v->ui, 0, 0)) == 0)
		return 0;
	if (store_read_begin(v->ui->store, &t, NULL) != 0)
		return 0;
	if (store_cursor_open(t, IX_OFFICER_AGENCY, &agency, &c, NULL) == 0) {
		while (n < 512 && store_cursor_move(c, STORE_NEXT) == 0)
			if (store_cursor_get(c, &o, NULL) == 0 &&
			    core_officer_active(&o, v->m.date)) {
				ids[n] = o.h.id;
				labels[n++] = xasprintf("%s  %s  %s", o.name,
				    _(model_enum_label(&model_roles, o.role)),
				    o.title);
			}
		store_cursor_close(c);
	}
	store_read_end(t);
	if (n == 0)
		ui_message(v->ui, 1, _("That agency has no officers in office "
		    "on %s."), v->m.date);
	else if (ui_pick(v->ui, _("Invite whom?"), (const char *const *)labels,
	    n, &sel, 0) == 1)
		id = ids[sel];
	for (i = 0; i < n; i++)
		free(labels[i]);
	return id;
}

/* Mark the selected person and go on to the next one. */
static void
attend_mark(struct attend *v, enum ui_action a)
{
	static const uint32_t status[] = {
		[UA_PRESENT] = ATTEND_PRESENT, [UA_ONLINE] = ATTEND_ONLINE,
		[UA_PROXY] = ATTEND_PROXY, [UA_EXCUSED] = ATTEND_EXCUSED,
		[UA_ABSENT] = ATTEND_ABSENT, [UA_UNMARK] = ATTEND_INVITED,
	};
	struct attend_op op;
	struct store_txn *t;
	struct attendance at;
	int r;

	memset(&op, 0, sizeof op);
	op.what = a;
	op.officer = vlist_selected(&v->list);
	op.status = status[a];
	if (op.officer == 0)
		return;
	if (a == UA_PROXY) {
		if (store_read_begin(v->ui->store, &t, NULL) == 0) {
			if (store_attendance_get(t, v->meeting, op.officer,
			    &at, NULL) == 0)
				str_copy(op.proxy, at.proxy, sizeof op.proxy);
			store_read_end(t);
		}
		r = ui_prompt(v->ui, _("Who came in their place (代理出席)?"),
		    op.proxy, sizeof op.proxy);
		if (r != 1 || op.proxy[0] == '\0') {
			if (r == UI_KEY_QUIT)
				v->ui->quit = 1;
			return;
		}
	}
	if (attend_run(v, &op) == 0 && store_read_begin(v->ui->store, &t,
	    NULL) == 0) {
		vlist_move(&v->list, t, UA_DOWN);
		store_read_end(t);
	}
}

static void
attend_action(struct attend *v, enum ui_action a)
{
	struct attend_op op;
	struct store_txn *t;
	uint32_t ids[1024];
	int r;

	memset(&op, 0, sizeof op);
	op.what = a;
	switch (a) {
	case UA_PRESENT:
	case UA_ONLINE:
	case UA_PROXY:
	case UA_EXCUSED:
	case UA_ABSENT:
	case UA_UNMARK:
		attend_mark(v, a);
		break;
	case UA_INVITE:
		if ((ids[0] = attend_pick_officer(v)) == 0)
			break;
		op.ids = ids;
		op.nids = 1;
		if (attend_run(v, &op) == 0)
			vlist_select_id(&v->list, NULL, ids[0]);
		break;
	case UA_PROPOSE:
		if (store_read_begin(v->ui->store, &t, NULL) != 0)
			break;
		op.nids = core_propose_invitees(t, &v->m, ids, 1024);
		store_read_end(t);
		op.ids = ids;
		if (attend_run(v, &op) == 0)
			ui_message(v->ui, 0, _("Invited %zu more, as point 7 "
			    "names them."), op.done);
		break;
	case UA_INVITE_EXTERNAL:
		r = ui_prompt(v->ui, _("Name of the participant (not an "
		    "officer)"), op.name, sizeof op.name);
		if (r == 1 && op.name[0] != '\0')
			r = ui_prompt(v->ui, _("Their organisation"), op.org,
			    sizeof op.org);
		if (r == 1 && op.name[0] != '\0' && attend_run(v, &op) == 0)
			vlist_select_id(&v->list, NULL, op.officer);
		if (r == UI_KEY_QUIT)
			v->ui->quit = 1;
		break;
	case UA_UNINVITE:
		if ((op.officer = vlist_selected(&v->list)) == 0)
			break;
		r = ui_confirm(v->ui, _("Remove"), _("Take this person off the "
		    "meeting, with their attendance?"));
		if (r == 1)
			attend_run(v, &op);
		else if (r == UI_KEY_QUIT)
			v->ui->quit = 1;
		break;
	default:
		break;
	}
}

void
ui_attendance(struct ui *ui, uint32_t meeting)
{
	struct attend v;
	struct store_txn *t;
	enum ui_action a;
	int key;

	memset(&v, 0, sizeof v);
	v.ui = ui;
	v.meeting = meeting;
	attend_reload(&v);
	ui_layer_push(ui, attend_draw, &v);
	while (!ui->quit && (key = ui_getkey(ui)) != UI_KEY_QUIT) {
		a = ui_lookup(ui, UI_CTX_ATTEND, key);
		if (a == UA_CANCEL || a == UA_QUIT)
			break;
		if (a == UA_NONE || a == UA_HELP || a == UA_REDRAW) {
			enum ui_action m = ui_lookup(ui, UI_CTX_LIST, key);

			if (a == UA_HELP)
				ui_help(ui);
			else if (m != UA_NONE && store_read_begin(ui->store,
			    &t, NULL) == 0) {
				vlist_move(&v.list, t, m);
				store_read_end(t);
			}
			continue;
		}
		ui->msg[0] = '\0';
		attend_action(&v, a);
	}
	ui_layer_pop(ui);
	vlist_free(&v.list);
}
