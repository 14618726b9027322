/*
 * attend.c — taking a meeting's attendance: every invitee on one screen,
 * one key per answer (出席 present, 線上 online, 代理出席 proxy, 請假
 * excused, 缺席 absent), and the cursor moves on to the next person not
 * yet marked, so a 35-person meeting takes 35 keystrokes; / finds a
 * person as they arrive in any order. A mark marks the row (*) until it
 * is made; the counts stay in view. Invitees can be added (officers, or
 * people who are not officers) and taken off; P invites whom point 7
 * names and offers to take off those whose designation has ended. The
 * sign-in sheet, the month's summary and its attendance are a key away,
 * and closing a sheet taken on the day offers to mark the meeting held.
 * A meeting tool's report of who joined, or a typed sign-in sheet, is
 * imported into the meeting from here (I, or :import attendance FILE):
 * the marks it makes show at once.
 *
 * The rows are read once and kept: a mark changes one row and its
 * counts, draws what is on screen, whatever the size of the meeting or of
 * the month around it, and goes to a thread that saves it (core_marks):
 * the next key never waits for the disk's flush or for another process's
 * write. Until that thread is done, the sheet leaves the database alone;
 * any other key waits for it first. A mark that could not be saved is
 * said, and the sheet is read again: it shows what is stored. Only that,
 * and another program's write, make the sheet read everything again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ogpo/export.h"
#include "pane.h"

#define ATTEND_NOTE_SHOWN	256	/* bytes of a note kept for the screen */
#define ATTEND_SAY_MS		1000	/* marks unsaved this long: say so */

struct attend_row {
	uint32_t	 officer;
	uint32_t	 agency;	/* the order: agency, then name */
	uint32_t	 role, status;
	char		 name[OGPO_NAME_MAX + 1];
	char		 where[OGPO_TEXT_MAX + 1];	/* agency or org. */
	char		 proxy[OGPO_NAME_MAX + 1];
	char		 note[ATTEND_NOTE_SHOWN];
};

struct attend {
	struct ui		*ui;
	uint32_t		 meeting;
	struct meeting		 m;
	struct attend_row	*rows;		/* in the list's order */
	size_t			 n;
	uint32_t		*byid;		/* row numbers by officer */
	struct vlist		 list;
	struct ui_search	 search;
	size_t			 present, invited, unmarked;
	uint64_t		 seen;	/* the commit the rows were read at */
	int			 gone;	/* the meeting was deleted */
	int			 done;	/* everyone marked: no row chosen */
	/* The thread saving the marks (NULL: each is saved at once);
	 * whether the loop waits for a key (then the thread's news end the
	 * wait) or the sheet is closing (news in a box). */
	struct core_marks	*marks;
	int			 waiting, closing;
	uint32_t		 next;	/* chosen by the last mark, 0: none */
	int64_t			 busy_since;	/* ms; 0: all saved */
	int			 saying;	/* "saving" is on the status line */
	/* The keys on the status line: H only to one who may mark the
	 * meeting held, as asked again at each read. */
	struct ui_hint		 hints[24];
	struct ui_view		 view;
	int			 may_hold;
	int			 may_write;	/* not a viewer */
};

/* The sheet the search's match function looks in (one is open). */
static struct attend *attend_open;

static const struct ui_hint attend_hints[] = {
	{ UA_PRESENT, N_("present"), 1 },
	{ UA_ONLINE, N_("online"), 1 },
	{ UA_PROXY, N_("proxy"), 1 },
	{ UA_EXCUSED, N_("excused"), 1 },
	{ UA_ABSENT, N_("absent"), 1 },
	/* Before find: a meeting's report (Teams, Meet, Webex) read in
	 * marks the roll at once, and is found on the line at 80 columns. */
	{ UA_IMPORT, N_("import"), 1 },
	{ UA_SEARCH, N_("find"), 1 },
	{ UA_UNMARK, N_("back to invited"), 1 },
	{ UA_NOTE, N_("note"), 1 },
	{ UA_MARK_HELD, N_("held"), 1 },
	{ UA_CLOSE, N_("close"), 1 },
	{ UA_INVITE, N_("invite"), 1 },
	{ UA_INVITE_EXTERNAL, N_("external"), 1 },
	{ UA_PROPOSE, N_("point 7"), 1 },
	{ UA_UNINVITE, N_("remove"), 1 },
	{ UA_SIGNIN, N_("sign-in"), 1 },
	{ UA_RESOLUTIONS, N_("resolutions"), 1 },
	{ UA_SUMMARY, N_("summary"), 1 },
	{ UA_EXPORT, N_("month"), 1 },
	{ UA_UNDO, N_("undo"), 1 },
	{ UA_SAVE_REJECTS, N_("save rejected rows"), 0 },
	{ UA_SEARCH_NEXT, N_("next match"), 0 },
	{ UA_SEARCH_PREV, N_("previous match"), 0 },
	{ UA_NONE, NULL, 0 }
};

_Static_assert(sizeof ((struct attend *)0)->hints == sizeof attend_hints,
    "a sheet's own copy of its keys");

static const struct ui_view attend_view = {
	N_("Taking attendance"), UI_CTX_ATTEND, attend_hints, 0, NULL
};

/* One attendance change, run through core in a transaction. */
struct attend_op {
	uint32_t	 meeting, officer, status;
	enum ui_action	 what;
	char		 proxy[OGPO_NAME_MAX + 1];
	char		 note[OGPO_NOTE_MAX + 1];
	char		 name[OGPO_NAME_MAX + 1];
	char		 org[OGPO_TEXT_MAX + 1];
	uint32_t	*ids, *out;
	size_t		 nids, nout, done;
	/* A note: the one it was typed over, and (OGPO_CONFLICT) the one
	 * another saved meanwhile, by whom and when. */
	char		 base[OGPO_NOTE_MAX + 1];
	char		 theirs[OGPO_NOTE_MAX + 1];
	char		 by[OGPO_LOGIN_MAX + 1];
	int64_t		 at;
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

static int
attend_byid_cmp(const void *a, const void *b)
{
	const struct attend_row *r = attend_open->rows;
	uint32_t x = r[*(const uint32_t *)a].officer;
	uint32_t y = r[*(const uint32_t *)b].officer;

	return (x > y) - (x < y);
}

/* The row of officer, or NULL. */
static struct attend_row *
attend_row(struct attend *v, uint32_t officer)
{
	size_t lo = 0, hi = v->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v->rows[v->byid[mid]].officer == officer)
			return &v->rows[v->byid[mid]];
		if (v->rows[v->byid[mid]].officer < officer)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Present counts in person, online or by proxy. */
static int
attend_present(uint32_t status)
{
	return status == ATTEND_PRESENT || status == ATTEND_ONLINE ||
	    status == ATTEND_PROXY;
}

/* The counts from the rows. */
static void
attend_count(struct attend *v)
{
	size_t i;

	v->present = v->unmarked = 0;
	v->invited = v->n;
	for (i = 0; i < v->n; i++) {
		v->present += attend_present(v->rows[i].status);
		v->unmarked += v->rows[i].status == ATTEND_INVITED;
	}
}

/* 1 while the thread saves marks: the database is its own. */
static int
attend_busy(struct attend *v)
{
	return v->marks != NULL && core_marks_busy(v->marks) > 0;
}

/* An agency's name, through a small cache (a meeting has few). */
static const char *
attend_agency(struct store_txn *t, uint32_t id, struct agency *cache,
    size_t *n, size_t max)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (cache[i].h.id == id)
			return cache[i].name;
	if (*n == max)
		*n = 0;
	if (store_agency_get(t, id, &cache[*n], NULL) != 0) {
		cache[*n].h.id = id;
		cache[*n].name[0] = '\0';
	}
	return cache[(*n)++].name;
}

static int	attend_may_hold(struct attend *);
static int	attend_may_write(struct attend *, char **);

/* Read the meeting and its invitees afresh, in agency order then name. */
static void
attend_reload(struct attend *v)
{
	struct store_cursor *c;
	struct store_txn *t;
	struct attendance at;
	struct officer o;
	struct agency *cache = xcalloc(64, sizeof *cache);
	uint32_t keep = vlist_selected(&v->list);
	size_t n, i = 0, ncache = 0;

	v->seen = v->ui->txnid;
	if (store_read_begin(v->ui->store, &t, NULL) != 0) {
		free(cache);
		return;
	}
	v->gone = store_meeting_get(t, v->meeting, &v->m, NULL) != 0;
	n = store_count(t, IX_ATTENDANCE, &v->meeting);
	free(v->rows);
	v->rows = xcalloc(n ? n : 1, sizeof *v->rows);
	if (store_cursor_open(t, IX_ATTENDANCE, &v->meeting, &c, NULL) == 0) {
		while (i < n && store_cursor_move(c, STORE_NEXT) == 0) {
			struct attend_row *r = &v->rows[i];

			if (store_cursor_get(c, &at, NULL) != 0)
				continue;
			r->officer = at.officer;
			r->role = at.role;
			r->status = at.status;
			str_copy(r->proxy, at.proxy, sizeof r->proxy);
			str_copy(r->note, at.note, sizeof r->note);
			str_utf8_cut(r->note);
			if (at.officer & ATTEND_EXTERNAL) {
				r->agency = UINT32_MAX;	/* after the agencies */
				str_copy(r->name, at.name, sizeof r->name);
				str_copy(r->where, at.organisation,
				    sizeof r->where);
			} else {
				r->agency = at.agency;
				if (store_officer_get(t, at.officer, &o,
				    NULL) == 0)
					str_copy(r->name, o.name,
					    sizeof r->name);
				else
					snprintf(r->name, sizeof r->name, "#%u",
					    at.officer);
				str_copy(r->where, attend_agency(t, at.agency,
				    cache, &ncache, 64), sizeof r->where);
			}
			i++;
		}
		store_cursor_close(c);
	}
	store_read_end(t);
	free(cache);
	v->n = i;
	qsort(v->rows, v->n, sizeof *v->rows, attend_row_cmp);
	free(v->byid);
	v->byid = xcalloc(v->n ? v->n : 1, sizeof *v->byid);
	for (i = 0; i < v->n; i++)
		v->byid[i] = (uint32_t)i;
	qsort(v->byid, v->n, sizeof *v->byid, attend_byid_cmp);
	vlist_held(&v->list);
	for (i = 0; i < v->n; i++)
		vlist_held_add(&v->list, v->rows[i].officer);
	v->list.want = keep;
	attend_count(v);
	if (v->marks != NULL)
		core_marks_seen(v->marks, v->seen);
	/* The convener, or a group given to another, may change meanwhile. */
	v->may_hold = !v->gone && attend_may_hold(v);
	v->may_write = attend_may_write(v, NULL);
	for (i = 0; v->hints[i].action != UA_NONE; i++)
		if (v->hints[i].action == UA_MARK_HELD)
			v->hints[i].shown = v->may_hold;
}

/* The status in the reader's language, and the row's mark (*). */
static const char *
attend_status_text(uint32_t status)
{
	return _(model_enum_label(&model_attend_statuses, status));
}

/* The widest label of e in the language shown, in cells. */
static int
attend_label_width(const struct enum_names *e)
{
	uint32_t v;
	int n, most = 0;

	for (v = e->min; v <= e->max; v++)
		if ((n = (int)text_width(_(model_enum_label(e, v)))) > most)
			most = n;
	return most;
}

/*
 * The columns of a sheet w cells wide: the status (*sw) and the role
 * (*rw) as wide as their words, the name 10 cells; the agency (*cw) takes
 * as much of the rest as its longest name on the sheet needs (國軍退除役
 * 官兵輔導委員會 whole at 80 columns), up to two thirds, and at least the
 * half that the proxy and note leave it.
 */
static void
attend_widths(const struct attend *v, int w, int *sw, int *cw, int *rw)
{
	int rest, most = 0, n;
	size_t i;

	*sw = attend_label_width(&model_attend_statuses);
	*rw = attend_label_width(&model_roles);
	if ((n = (int)text_width(_("External"))) > *rw)
		*rw = n;
	if ((n = (int)text_width(_("Status"))) > *sw)
		*sw = n;
	if ((n = (int)text_width(_("Role"))) > *rw)
		*rw = n;
	for (i = 0; i < v->n; i++)
		if ((n = (int)text_width(v->rows[i].where)) > most)
			most = n;
	rest = w - 2 - (*sw + 1) - 11 - (*rw + 1) - 1;
	*cw = most < rest * 2 / 3 ? most : rest * 2 / 3;
	if (*cw < rest / 2)
		*cw = rest / 2;
}

static void
attend_draw(struct ui *ui, void *arg)
{
	struct attend *v = arg;
	const struct attend_row *r;
	char line[512], day[16];
	int y = 2, x = 2, w = ui->cols - 4, h = ui->rows - 3, row;
	int sw, cw, rw, nx;
	enum ui_attr attr;

	/* Someone else wrote meanwhile (read once the marks are saved:
	 * till then the database is the thread's). */
	if (v->seen != ui->txnid && !attend_busy(v)) {
		int could = v->may_hold;

		attend_reload(v);
		if (v->may_hold != could)
			ui_draw_status(ui);
	}
	snprintf(line, sizeof line, "#%u %s", v->meeting, v->m.title);
	ui_box(ui, 1, 0, ui->rows - 2, ui->cols, line);
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
	if (v->unmarked > 0)
		snprintf(line, sizeof line, _("present %zu / invited %zu;  "
		    "not yet marked (*) %zu"), v->present, v->invited,
		    v->unmarked);
	else
		snprintf(line, sizeof line, _("present %zu / invited %zu;  "
		    "everyone is marked"), v->present, v->invited);
	ui_put(ui, y + 1, x, w, line, UI_TITLE);
	attend_widths(v, w, &sw, &cw, &rw);
	nx = x + 3 + sw + cw;		/* the name's column */
	ui_put(ui, y + 2, x + 2, sw, _("Status"), UI_TITLE);
	ui_put(ui, y + 2, x + 3 + sw, cw, _("Agency"), UI_TITLE);
	ui_put(ui, y + 2, nx + 1, 10, _("Name"), UI_TITLE);
	ui_put(ui, y + 2, nx + 12, rw, _("Role"), UI_TITLE);
	ui_put(ui, y + 2, nx + 13 + rw, x + w - nx - 13 - rw,
	    _("Proxy, note"), UI_TITLE);
	vlist_load(&v->list, NULL, h - y - 3);
	vlist_place(&v->list, y + 3, x, w);
	for (row = 0; row < v->list.nrows; row++) {
		if ((r = attend_row(v, v->list.rows[row])) == NULL)
			continue;
		/* The selection's colour is one mark; the * is another, and
		 * the words say the status on any terminal. */
		attr = row == v->list.sel && !v->done ? UI_SELECT : UI_NORMAL;
		ui_fill(ui, y + 3 + row, x, w, attr);
		ui_put(ui, y + 3 + row, x, 2, r->status == ATTEND_INVITED ?
		    "*" : " ", attr);
		ui_put(ui, y + 3 + row, x + 2, sw,
		    attend_status_text(r->status), attr);
		ui_put(ui, y + 3 + row, x + 3 + sw, cw, r->where, attr);
		ui_put(ui, y + 3 + row, nx + 1, 10, r->name, attr);
		ui_put(ui, y + 3 + row, nx + 12, rw,
		    r->officer & ATTEND_EXTERNAL ? _("External") :
		    _(model_enum_label(&model_roles, r->role)), attr);
		snprintf(line, sizeof line, "%s%s%s", r->proxy,
		    r->proxy[0] && r->note[0] ? _("; ") : "", r->note);
		ui_put(ui, y + 3 + row, nx + 13 + rw, x + w - nx - 13 - rw,
		    line, attr);
	}
	if (v->list.count == 0)
		ui_put(ui, y + 3, x, w, _("Nobody is invited yet: P invites "
		    "whom the regulation names, + an officer, E anyone else."),
		    UI_DIM);
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
	case UA_MARK_HELD:
		return core_meeting_status(c, t, op->meeting, MEETING_HELD,
		    cause);
	case UA_INVITE:
	case UA_PROPOSE:
		for (i = 0; i < op->nout && rc == 0; i++)
			rc = core_uninvite(c, t, op->meeting, op->out[i],
			    cause);
		for (i = 0; i < op->nids && rc == 0; i++) {
			if (store_attendance_get(t, op->meeting, op->ids[i],
			    &at, NULL) == 0)
				continue;
			if ((rc = core_invite(c, t, op->meeting, op->ids[i],
			    cause)) == 0)
				op->done++;
		}
		return rc;
	case UA_NOTE:
		/*
		 * The note alone: the mark stays whatever it is now (another
		 * may have marked the person while this was typed), and a
		 * note another saved since the prompt opened is not written
		 * over unasked.
		 */
		if ((rc = store_attendance_get(t, op->meeting, op->officer,
		    &at, cause)) != 0)
			return rc;
		if (strcmp(at.note, op->base) != 0 &&
		    strcmp(at.note, op->note) != 0) {
			str_copy(op->theirs, at.note, sizeof op->theirs);
			str_copy(op->by, at.h.updated_by, sizeof op->by);
			op->at = at.h.updated_at;
			return err_set(cause, OGPO_CONFLICT, "%s changed the "
			    "note meanwhile", at.h.updated_by);
		}
		return core_attend(c, t, op->meeting, op->officer, at.status,
		    at.proxy, op->note, cause);
	default:
		/* A mark keeps the note; only c writes one. */
		return core_attend(c, t, op->meeting, op->officer, op->status,
		    op->proxy, NULL, cause);
	}
}

/* Choose row i (in the list's order). */
static void
attend_choose(struct attend *v, size_t i)
{
	v->list.want = 0;	/* not the row a rebuild would keep */
	v->list.index = i;
	vlist_load(&v->list, NULL, v->list.height);
}

/* Row r's mark as status (and proxy), the counts with it. */
static void
attend_set(struct attend *v, struct attend_row *r, uint32_t status,
    const char *proxy)
{
	v->present -= attend_present(r->status);
	v->unmarked -= r->status == ATTEND_INVITED;
	r->status = status;
	str_copy(r->proxy, proxy, sizeof r->proxy);
	v->present += attend_present(r->status);
	v->unmarked += r->status == ATTEND_INVITED;
}

/*
 * Run op; say what went wrong (a refusal in a box, read whole; the rest
 * on the status line). 0 on success. When
 * the write was the only one since the rows were read, *mine says so:
 * the caller changes its row rather than read them all again.
 */
static int
attend_run(struct attend *v, struct attend_op *op, int *mine)
{
	char *cause = NULL;
	uint64_t before = store_last_txnid(v->ui->store);
	int rc;

	op->meeting = v->meeting;
	*mine = 0;
	rc = core_run(v->ui->core, attend_txn, op, &cause);
	if (rc == OGPO_CONFLICT && op->what == UA_NOTE) {
		free(cause);	/* the caller asks what to keep */
		return rc;
	}
	if (rc != 0) {
		/* A refusal is read whole (its reason is long), the rest
		 * on the status line. */
		if (rc == OGPO_DENIED && cause != NULL)
			ui_alert(v->ui, _("Not saved"), cause);
		else
			ui_message(v->ui, 1, "%s", cause ? cause :
			    _("not saved"));
		free(cause);
		return rc;
	}
	ui_changed(v->ui);
	/* Ours the only write since the rows were read, or none at all (a
	 * mark that was already so writes nothing): the rows still hold. */
	if (before == v->seen && (v->ui->txnid == before + 1 ||
	    v->ui->txnid == before)) {
		*mine = 1;
		v->seen = v->ui->txnid;
		if (v->marks != NULL)
			core_marks_seen(v->marks, v->seen);
	} else
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
	struct agency a;
	uint32_t agency, ids[512], id = 0;
	char *cells[3 * 512], **labels, day[16], title[OGPO_TEXT_MAX + 64];
	size_t n = 0, sel = 0, i;

	if ((agency = ui_pick_agency(v->ui, 0, 0)) == 0)
		return 0;
	if (store_read_begin(v->ui->store, &t, NULL) != 0)
		return 0;
	if (store_agency_get(t, agency, &a, NULL) != 0)
		a.name[0] = '\0';
	if (store_cursor_open(t, IX_OFFICER_AGENCY, &agency, &c, NULL) == 0) {
		while (n < 512 && store_cursor_move(c, STORE_NEXT) == 0)
			if (store_cursor_get(c, &o, NULL) == 0 &&
			    core_officer_active(&o, v->m.date)) {
				ids[n] = o.h.id;
				cells[3 * n] = xstrdup(o.name);
				cells[3 * n + 1] = xstrdup(_(model_enum_label(
				    &model_roles, o.role)));
				cells[3 * n + 2] = xstrdup(o.title);
				n++;
			}
		store_cursor_close(c);
	}
	store_read_end(t);
	/* Name, role and title in columns, whatever their widths. */
	labels = ui_columns((const char *const *)cells, n, 3, 24);
	for (i = 0; i < 3 * n; i++)
		free(cells[i]);
	/* The agency chosen a moment ago, said: the list is its people. */
	snprintf(title, sizeof title, _("Invite whom of %s?"), a.name);
	if (n == 0)
		ui_message(v->ui, 1, _("That agency has no officers in office "
		    "on %s."), date_show(v->m.date, day, sizeof day));
	else if (ui_pick(v->ui, title, (const char *const *)labels, n, &sel,
	    0) == 1)
		id = ids[sel];
	for (i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	return id;
}

/*
 * After a mark, on to the next person not yet marked: below, else from
 * the top; when there is none, no row is chosen (a key then marks no one
 * by mistake) until the person moves.
 */
static void
attend_next_from(struct attend *v, size_t at)
{
	size_t i;

	for (i = at + 1; i < v->n; i++)
		if (v->rows[i].status == ATTEND_INVITED) {
			attend_choose(v, i);
			return;
		}
	for (i = 0; i < at && i < v->n; i++)
		if (v->rows[i].status == ATTEND_INVITED) {
			attend_choose(v, i);
			return;
		}
	v->done = 1;
}

static void
attend_next(struct attend *v)
{
	attend_next_from(v, v->list.index);
}

/* The rows read again after another's write: the one the last mark
 * chose may have been marked meanwhile; then on past it. */
static void
attend_moved_on(struct attend *v)
{
	struct attend_row *r;

	if (v->next != 0 && !v->done && (r = attend_row(v, v->next)) != NULL &&
	    r->status != ATTEND_INVITED)
		attend_next_from(v, (size_t)(r - v->rows));
}

/* Choose officer's row again, as the sheet was when they were marked. */
static void
attend_choose_officer(struct attend *v, uint32_t officer)
{
	struct attend_row *r;

	if ((r = attend_row(v, officer)) == NULL)
		return;
	v->done = 0;
	v->next = 0;
	attend_choose(v, (size_t)(r - v->rows));
}

/*
 * What the thread said, once it has saved every mark put: the rows hold
 * if its commits were the only ones; else they are read again. Marks it
 * could not save are said (a refusal in a box, read whole; in a box too
 * when the sheet is closing, which another page would cover) and the
 * person of the first is chosen again.
 */
static void
attend_news(struct attend *v)
{
	struct core_marks_news news, *n = &news;
	struct ui *ui = v->ui;

	if (v->marks == NULL || !core_marks_news(v->marks, n))
		return;
	v->busy_since = 0;
	if (v->saying) {
		ui->msg[0] = '\0';
		v->saying = 0;
	}
	ui_changed(ui);	/* the pages beneath count the marks again */
	if (n->rc != 0) {
		attend_reload(v);
		attend_choose_officer(v, n->first_lost);
		if (v->closing || n->rc == OGPO_DENIED)
			ui_alert(ui, _("Not saved"), n->cause ? n->cause :
			    _("not saved"));
		if (!v->closing && n->rc != OGPO_DENIED)
			ui_message(ui, 1, ngettext("%zu mark was not saved: "
			    "%s", "%zu marks were not saved: %s", n->lost),
			    n->lost, n->cause ? n->cause : _("not saved"));
		else if (!v->closing && n->lost > 1)	/* the box: the first */
			ui_message(ui, 1, ngettext("%zu mark was not saved; "
			    "the sheet shows what is stored.", "%zu marks "
			    "were not saved; the sheet shows what is stored.",
			    n->lost), n->lost);
	} else if (n->others || ui->txnid != n->txnid) {
		attend_reload(v);
		attend_moved_on(v);
	} else {
		v->seen = ui->txnid;
		core_marks_seen(v->marks, v->seen);
	}
	free(n->cause);
}

/*
 * Before the sheet uses the database again (any key but a mark or a
 * move): wait for the thread to save every mark, then take its news.
 */
static void
attend_drain(struct attend *v)
{
	if (v->marks == NULL)
		return;
	if (core_marks_busy(v->marks) > 0) {
		ui_message(v->ui, 0, _("Saving the marks…"));
		ui_redraw(v->ui);
		core_marks_wait(v->marks);
		v->ui->msg[0] = '\0';
	}
	attend_news(v);
}

/*
 * ui->bg: busy while the thread has marks to save; news ends the wait
 * for a key only in the sheet's own loop (not in a dialog over it). A
 * save that takes long (another's import holds the database) is said.
 */
static int
attend_bg(void *arg)
{
	struct attend *v = arg;
	size_t n;

	if ((n = core_marks_busy(v->marks)) > 0) {
		if (!v->saying && v->busy_since != 0 &&
		    clock_ms() - v->busy_since >= ATTEND_SAY_MS) {
			ui_message(v->ui, 0, ngettext("Saving %zu mark…",
			    "Saving %zu marks…", n), n);
			v->saying = 1;
			ui_redraw(v->ui);
		}
		return UI_BG_BUSY;
	}
	return v->waiting && core_marks_news(v->marks, NULL) ? UI_BG_NEWS : 0;
}

/* The row chosen, or NULL (with a word) when there is none. */
static struct attend_row *
attend_chosen(struct attend *v)
{
	char key[64];

	if (v->done && v->may_hold) {
		ui_message(v->ui, 0, _("Everyone is marked: move to a person "
		    "to change their mark, or %s to mark the meeting held."),
		    ui_key_label(v->ui, UI_CTX_ATTEND, UA_MARK_HELD, key,
		    sizeof key));
		return NULL;
	}
	if (v->done) {
		ui_message(v->ui, 0, _("Everyone is marked: move to a person "
		    "to change their mark."));
		return NULL;
	}
	return attend_row(v, vlist_selected(&v->list));
}

/* The keys that mark someone (and those alone go to the thread). */
static int
attend_is_mark(enum ui_action a)
{
	return a == UA_PRESENT || a == UA_ONLINE || a == UA_PROXY ||
	    a == UA_EXCUSED || a == UA_ABSENT || a == UA_UNMARK;
}

/* 1 and *at filled with officer's row as it is stored, else 0. */
static int
attend_stored(struct attend *v, uint32_t officer, struct attendance *at)
{
	struct store_txn *t;
	int rc;

	if (store_read_begin(v->ui->store, &t, NULL) != 0)
		return 0;
	rc = store_attendance_get(t, v->meeting, officer, at, NULL);
	store_read_end(t);
	return rc == 0;
}

/* "Present", or "By proxy (王小明)": a mark in words. */
static void
attend_mark_words(uint32_t status, const char *proxy, char *buf, size_t n)
{
	if (status == ATTEND_PROXY && proxy[0] != '\0')
		snprintf(buf, n, _("%s (%s)"), attend_status_text(status),
		    proxy);
	else
		snprintf(buf, n, "%s", attend_status_text(status));
}

/*
 * Another marked the person while the proxy's name was typed (was: the
 * row as the prompt opened): say who and what, beside what was typed,
 * and ask which stays. 1 to save op's mark (also when nothing changed,
 * or the other saved the same), 0 when theirs stays, UI_KEY_QUIT.
 */
static int
attend_marked_meanwhile(struct attend *v, const struct attend_op *op,
    const struct attendance *was, const char *name)
{
	const char *labels[] = {
		_("Save what I typed in place of theirs"),
		_("Keep theirs and drop what I typed"),
	};
	struct attendance now;
	char when[32], theirs[OGPO_NAME_MAX + 64], mine[OGPO_NAME_MAX + 64];
	char *title, *text;
	size_t sel = 0;
	int r;

	if (!attend_stored(v, op->officer, &now) ||
	    now.h.version == was->h.version ||
	    (now.status == was->status && strcmp(now.proxy,
	    was->proxy) == 0) ||
	    (now.status == op->status && strcmp(now.proxy, op->proxy) == 0))
		return 1;
	time_show(now.h.updated_at, when, sizeof when);
	title = xasprintf(_("%s changed the mark of %s at %s"),
	    now.h.updated_by, name, when);
	attend_mark_words(now.status, now.proxy, theirs, sizeof theirs);
	attend_mark_words(op->status, op->proxy, mine, sizeof mine);
	text = xasprintf(_("%s saved: %s\nYou typed: %s"), now.h.updated_by,
	    theirs, mine);
	r = ui_ask(v->ui, title, text, labels, 2, &sel);
	free(title);
	free(text);
	if (r != 1)
		return r == UI_KEY_QUIT ? UI_KEY_QUIT : 0;
	return sel == 0;
}

/* 1, said in a box read whole, if the reader may write nothing. */
static int
attend_refused(struct attend *v)
{
	char *cause = NULL;

	if (v->may_write)
		return 0;
	attend_drain(v);	/* the database is the sheet's again */
	if (attend_may_write(v, &cause)) {
		v->may_write = 1;
		return 0;
	}
	ui_alert(v->ui, _("Not saved"), cause ? cause : "");
	free(cause);
	return 1;
}

/* Mark the chosen person and go on to the next one. */
static void
attend_mark(struct attend *v, enum ui_action a)
{
	static const uint32_t status[] = {
		[UA_PRESENT] = ATTEND_PRESENT, [UA_ONLINE] = ATTEND_ONLINE,
		[UA_PROXY] = ATTEND_PROXY, [UA_EXCUSED] = ATTEND_EXCUSED,
		[UA_ABSENT] = ATTEND_ABSENT, [UA_UNMARK] = ATTEND_INVITED,
	};
	struct attend_row *r;
	struct attend_op op;
	char *title, why[512];
	uint32_t officer;
	int ok, mine;

	if ((r = attend_chosen(v)) == NULL)
		return;
	memset(&op, 0, sizeof op);
	op.what = a;
	op.officer = r->officer;
	op.status = status[a];
	op.note[0] = '\0';
	/* One who may write nothing (a viewer) is told that first, not
	 * the day from which a mark could be made. */
	if (attend_refused(v))
		return;
	/* Before the meeting's day only 請假: said at once, on the row,
	 * rather than drawn and then taken back when the save is refused
	 * (the rule is core's; the thread's save keeps to it too). */
	if (core_attend_early(&v->m, op.status, why, sizeof why)) {
		ui_message(v->ui, 1, "%s", why);
		return;
	}
	if (a == UA_PROXY) {
		struct attendance was;
		int had;

		/* The mark stored as the name is asked for: this sheet's
		 * own marks saved first, so that one of them is not taken
		 * for another's. */
		attend_drain(v);
		if ((r = attend_row(v, op.officer)) == NULL)
			return;
		had = attend_stored(v, op.officer, &was);
		str_copy(op.proxy, r->proxy, sizeof op.proxy);
		title = xasprintf(_("Who came in place of %s?"),
		    r->name);
		ok = ui_prompt(v->ui, title, op.proxy, sizeof op.proxy);
		free(title);
		if (ok != 1 || op.proxy[0] == '\0') {
			if (ok == UI_KEY_QUIT)
				v->ui->quit = 1;
			return;
		}
		/* The rows may have been read again while the name was
		 * typed (the last mark's save landed, or another's write):
		 * r went with them. */
		if ((r = attend_row(v, op.officer)) == NULL)
			return;
		if (had && (ok = attend_marked_meanwhile(v, &op, &was,
		    r->name)) != 1) {
			if (ok == UI_KEY_QUIT)
				v->ui->quit = 1;
			attend_reload(v);	/* theirs, as it is stored */
			return;
		}
		if ((r = attend_row(v, op.officer)) == NULL)
			return;
	}
	/*
	 * The mark is drawn, then saved by the thread: a commit waits for
	 * the disk (a flush of milliseconds, more when the disk is busy)
	 * and for any other process's write, and the person at the sheet
	 * need not. Refused, the sheet is read again and shows what is
	 * stored (attend_news).
	 */
	officer = r->officer;
	attend_set(v, r, op.status, op.proxy);
	if (a != UA_UNMARK)
		attend_next(v);
	v->next = a == UA_UNMARK || v->done ? 0 : vlist_selected(&v->list);
	ui_redraw(v->ui);
	if (v->marks != NULL) {
		if (v->busy_since == 0)
			v->busy_since = clock_ms();
		core_marks_put(v->marks, op.officer, op.status, op.proxy);
		return;
	}
	if (attend_run(v, &op, &mine) != 0) {
		attend_reload(v);
		attend_choose_officer(v, officer);
	} else
		attend_moved_on(v);
}

/*
 * Another saved a note on the same person while this one was typed: say
 * whose and what, beside what was typed, and ask what to keep. Returns 1
 * to save op->note (both, or ours) over theirs, 0 when theirs stays,
 * UI_KEY_QUIT to leave.
 */
static int
attend_note_conflict(struct attend *v, struct attend_op *op,
    const char *name)
{
	const char *labels[] = {
		_("Keep both: theirs, then what I typed"),
		_("Save what I typed in place of theirs"),
		_("Keep theirs and drop what I typed"),
	};
	char when[32], *text, *title, both[2 * OGPO_NOTE_MAX + 8];
	size_t sel = 0;
	int r;

	time_show(op->at, when, sizeof when);
	title = xasprintf(_("%s changed the note on %s at %s"), op->by, name,
	    when);
	text = xasprintf(_("%s saved: %s\nYou typed: %s"), op->by,
	    op->theirs[0] ? op->theirs : _("(empty)"),
	    op->note[0] ? op->note : _("(empty)"));
	r = ui_ask(v->ui, title, text, labels, 3, &sel);
	free(title);
	free(text);
	if (r == UI_KEY_QUIT)
		v->ui->quit = 1;
	if (r != 1 || sel == 2)
		return r == UI_KEY_QUIT ? UI_KEY_QUIT : 0;
	if (sel == 0 && op->theirs[0] != '\0') {
		snprintf(both, sizeof both, _("%s; %s"), op->theirs, op->note);
		if (str_copy(op->note, both, sizeof op->note) != 0) {
			ui_message(v->ui, 1, _("Both notes together are longer "
			    "than a note may be: %s's stays; write one that "
			    "holds both."), op->by);
			return 0;
		}
	}
	/* Theirs is now what ours is typed over. */
	str_copy(op->base, op->theirs, sizeof op->base);
	return 1;
}

/* A note on the chosen person's attendance, kept with their mark. */
static void
attend_note(struct attend *v)
{
	struct attend_row *r;
	struct attend_op op;
	struct attendance at;
	struct store_txn *t;
	char *title, name[OGPO_NAME_MAX + 1];
	int ok, mine, rc;

	if ((r = attend_chosen(v)) == NULL)
		return;
	memset(&op, 0, sizeof op);
	op.what = UA_NOTE;
	op.officer = r->officer;
	op.status = r->status;
	str_copy(op.proxy, r->proxy, sizeof op.proxy);
	/* The whole note, not the screen's part of it. */
	if (store_read_begin(v->ui->store, &t, NULL) == 0) {
		if (store_attendance_get(t, v->meeting, r->officer, &at,
		    NULL) == 0)
			str_copy(op.note, at.note, sizeof op.note);
		store_read_end(t);
	}
	str_copy(op.base, op.note, sizeof op.base);
	/* The rows are read again as others mark while this is typed: r
	 * does not outlive the prompt. */
	str_copy(name, r->name, sizeof name);
	title = xasprintf(_("Note on %s's attendance"), name);
	ok = ui_prompt(v->ui, title, op.note, sizeof op.note);
	free(title);
	if (ok != 1) {
		if (ok == UI_KEY_QUIT)
			v->ui->quit = 1;
		return;
	}
	while ((rc = attend_run(v, &op, &mine)) == OGPO_CONFLICT)
		if (attend_note_conflict(v, &op, name) != 1) {
			attend_reload(v);	/* theirs, as it is stored */
			return;
		}
	if (rc == 0 && mine && (r = attend_row(v, op.officer)) != NULL) {
		str_copy(r->note, op.note, sizeof r->note);
		str_utf8_cut(r->note);
	}
}

/*
 * P: invite whom point 7 names for the meeting and, on a planned one,
 * take off those invited whose designation has ended by its date and who
 * were not marked; the list of both is shown first.
 */
static void
attend_propose(struct attend *v)
{
	struct attend_op op;
	struct store_txn *t;
	struct officer o;
	struct agency a;
	uint32_t *ids = xcalloc(2048, sizeof *ids), *out;
	char **labels, *on, day[16];
	size_t n, nout = 0, i, k, m;
	int r, mine;

	if (store_read_begin(v->ui->store, &t, NULL) != 0) {
		free(ids);
		return;
	}
	n = core_propose_invitees(t, &v->m, ids, 2048);
	for (i = k = 0; i < n; i++)
		if (attend_row(v, ids[i]) == NULL)
			ids[k++] = ids[i];
	n = k;
	out = xcalloc(v->n ? v->n : 1, sizeof *out);
	for (i = 0; v->m.status == MEETING_PLANNED && i < v->n; i++)
		if (!(v->rows[i].officer & ATTEND_EXTERNAL) &&
		    v->rows[i].status == ATTEND_INVITED &&
		    store_officer_get(t, v->rows[i].officer, &o, NULL) == 0 &&
		    !core_officer_active(&o, v->m.date))
			out[nout++] = o.h.id;
	labels = xcalloc(n + nout ? n + nout : 1, sizeof *labels);
	for (i = 0; i < n + nout; i++) {
		if (store_officer_get(t, i < n ? ids[i] : out[i - n], &o,
		    NULL) != 0)
			memset(&o, 0, sizeof o);
		if (store_agency_get(t, o.agency, &a, NULL) != 0)
			a.name[0] = '\0';
		if (i < n)
			labels[i] = xasprintf(_("+ invite %s  %s  %s"), o.name,
			    _(model_enum_label(&model_roles, o.role)), a.name);
		else
			labels[i] = xasprintf(_("- take off %s  %s: in office "
			    "until %s"), o.name, a.name, date_show(o.end_date,
			    day, sizeof day));
	}
	store_read_end(t);
	if (n + nout == 0) {
		ui_message(v->ui, 0, _("Everyone point 7 names is invited "
		    "already."));
		r = 0;
	} else {
		on = xcalloc(n + nout, 1);
		memset(on, 1, n + nout);
		r = ui_checklist(v->ui, _("As point 7 names them for this "
		    "meeting's date:"), (const char *const *)labels, n + nout,
		    on);
		for (i = k = m = 0; i < n + nout; i++)
			if (on[i] && i < n)
				ids[k++] = ids[i];
			else if (on[i])
				out[m++] = out[i - n];
		free(on);
		memset(&op, 0, sizeof op);
		op.what = UA_PROPOSE;
		op.ids = ids;
		op.nids = k;
		op.out = out;
		op.nout = m;
		if (r == 1 && k + m > 0 && attend_run(v, &op, &mine) == 0) {
			attend_reload(v);
			ui_message(v->ui, 0, _("Invited %zu, took off %zu."),
			    op.done, m);
		}
	}
	if (r == UI_KEY_QUIT)
		v->ui->quit = 1;
	for (i = 0; i < n + nout; i++)
		free(labels[i]);
	free(labels);
	free(out);
	free(ids);
}

/* Mark the meeting held (if it is not). */
static void
attend_held(struct attend *v)
{
	struct attend_op op;
	int mine;

	if (v->m.status == MEETING_HELD) {
		ui_message(v->ui, 0, _("This meeting is marked held already."));
		return;
	}
	memset(&op, 0, sizeof op);
	op.what = UA_MARK_HELD;
	if (attend_run(v, &op, &mine) == 0) {
		if (mine)
			v->m.status = MEETING_HELD;
		ui_message(v->ui, 0, _("Marked held: it counts for %.7s."),
		    v->m.date);
	}
}

/* After an import (which may have written nothing): the marks as stored,
 * the chosen row kept, or the first still unmarked if it was marked. */
static void
attend_imported(struct attend *v)
{
	attend_reload(v);
	v->done = 0;
	v->next = 0;
}

/*
 * ":" over the roll call: :import attendance runs here, into this
 * meeting; any other command is for the tabs, and closes the roll call
 * first (ui_command). Returns 1 when the roll call is to close.
 */
static int
attend_command(struct attend *v)
{
	struct ui *ui = v->ui;
	enum ui_action a;

	a = ui_command(ui);
	if (ui->quit || a == UA_QUIT) {
		ui->quit = 1;
		return 1;
	}
	if (ui->go != UA_NONE)
		return 1;
	attend_imported(v);
	return 0;
}

static void
attend_action(struct attend *v, enum ui_action a)
{
	struct attend_op op;
	struct attend_row *r;
	char month[EXPORT_MONTH_MAX + 1];
	int ok, mine;

	memset(&op, 0, sizeof op);
	op.what = a;
	snprintf(month, sizeof month, "%.7s", v->m.date);
	switch (a) {
	case UA_PRESENT:
	case UA_ONLINE:
	case UA_PROXY:
	case UA_EXCUSED:
	case UA_ABSENT:
	case UA_UNMARK:
		attend_mark(v, a);
		break;
	case UA_NOTE:
		attend_note(v);
		break;
	case UA_MARK_HELD:
		attend_held(v);
		break;
	case UA_RESOLUTIONS:
		ui_resolutions(v->ui, v->meeting);
		break;
	case UA_SIGNIN:
		ui_export(v->ui, EXPORT_SIGNIN, v->meeting, NULL, NULL);
		break;
	case UA_SUMMARY:
		ui_export(v->ui, EXPORT_SUMMARY, 0, month, NULL);
		break;
	case UA_EXPORT:
		ui_export(v->ui, EXPORT_ATTENDANCE, 0, month, NULL);
		break;
	case UA_UNDO:
		if (pane_undo(v->ui, 0))
			attend_reload(v);
		break;
	case UA_IMPORT:
		ui_import(v->ui, ENTITY_ATTENDANCE, v->meeting, NULL);
		attend_imported(v);
		break;
	case UA_SAVE_REJECTS:
		ui_import_rejects(v->ui, ENTITY_ATTENDANCE, v->meeting);
		break;
	case UA_INVITE:
		if ((op.officer = attend_pick_officer(v)) == 0)
			break;
		op.ids = &op.officer;
		op.nids = 1;
		if (attend_run(v, &op, &mine) == 0) {
			attend_reload(v);
			v->list.want = op.officer;
			v->done = 0;
		}
		break;
	case UA_PROPOSE:
		attend_propose(v);
		break;
	case UA_INVITE_EXTERNAL:
		ok = ui_prompt(v->ui, _("Name of the participant (not an "
		    "officer)"), op.name, sizeof op.name);
		if (ok == 1 && op.name[0] != '\0')
			ok = ui_prompt(v->ui, _("Their organisation"), op.org,
			    sizeof op.org);
		if (ok == 1 && op.name[0] != '\0' &&
		    attend_run(v, &op, &mine) == 0) {
			attend_reload(v);
			v->list.want = op.officer;
			v->done = 0;
		}
		if (ok == UI_KEY_QUIT)
			v->ui->quit = 1;
		break;
	case UA_UNINVITE:
		if ((r = attend_chosen(v)) == NULL)
			break;
		op.officer = r->officer;
		{
			char *q = xasprintf(_("Take %s off the meeting, with "
			    "their attendance?"), r->name);

			ok = ui_confirm(v->ui, _("Remove"), q);
			free(q);
		}
		if (ok == 1 && attend_run(v, &op, &mine) == 0)
			attend_reload(v);
		else if (ok == UI_KEY_QUIT)
			v->ui->quit = 1;
		break;
	default:
		break;
	}
}

static int
attend_match(struct store_txn *t, uint32_t id, void *arg)
{
	const struct attend_row *r = attend_row(attend_open, id);

	(void)t;
	return r != NULL && (ui_contains(r->name, arg) ||
	    ui_contains(r->where, arg) || ui_contains(r->proxy, arg));
}

/*
 * 1 if this person may mark the meeting held: an editor who marked the
 * people of their own agency at another's meeting is not asked a
 * question whose yes would be refused.
 */
static int
attend_may_hold(struct attend *v)
{
	struct store_txn *t;
	struct meeting *m;
	int yes = 0;

	if (store_read_begin(v->ui->store, &t, NULL) != 0)
		return 0;
	m = xmalloc(sizeof *m);
	*m = v->m;
	m->status = MEETING_HELD;
	yes = core_may(v->ui->core, t, ENTITY_MEETING, &v->m, m, NULL) == 0;
	free(m);
	store_read_end(t);
	return yes;
}

/* 1 if the reader may write at all (not a viewer); else why in *cause. */
static int
attend_may_write(struct attend *v, char **cause)
{
	struct store_txn *t;
	int yes;

	if (store_read_begin(v->ui->store, &t, NULL) != 0)
		return 1;	/* the save will say what is wrong */
	yes = core_may_write(v->ui->core, t, cause) == 0;
	store_read_end(t);
	return yes;
}

/*
 * Closing a sheet taken on or after the meeting's day, with marks made:
 * offer to mark it held, so the month counts it.
 */
static void
attend_close(struct attend *v)
{
	char question[512], day[16];

	if (v->gone || v->m.status != MEETING_PLANNED ||
	    strcmp(v->m.date, v->ui->today) > 0 || v->invited == v->unmarked ||
	    !v->may_hold)
		return;
	snprintf(question, sizeof question, _("%s took place on %s and its "
	    "attendance is taken (%zu present of %zu). Mark it held, so "
	    "that it counts for the month?"), v->m.title, date_show(v->m.date,
	    day, sizeof day), v->present, v->invited);
	switch (ui_confirm(v->ui, _("Held?"), question)) {
	case 1:
		attend_held(v);
		break;
	case UI_KEY_QUIT:
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
	struct attend *outer = attend_open;
	uint32_t outer_roll;
	enum ui_action a;
	int key;

	memset(&v, 0, sizeof v);
	v.ui = ui;
	v.meeting = meeting;
	memcpy(v.hints, attend_hints, sizeof attend_hints);
	v.view = attend_view;
	v.view.hints = v.hints;
	attend_open = &v;
	outer_roll = ui->roll;
	ui->roll = meeting;
	attend_reload(&v);
	/* Start at the first person not yet marked. */
	for (key = 0; (size_t)key < v.n; key++)
		if (v.rows[key].status == ATTEND_INVITED) {
			v.list.index = (size_t)key;
			break;
		}
	ui->msg[0] = '\0';
	ui_layer_push_view(ui, attend_draw, &v, &v.view);
	/* Without a thread (none could be started), each mark is saved as
	 * it is made. */
	if ((v.marks = core_marks_start(ui->core, meeting, v.seen)) != NULL)
		ui_background(ui, attend_bg, &v);
	while (!ui->quit && ui->go == UA_NONE) {
		attend_news(&v);
		v.waiting = 1;
		key = ui_getkey(ui);
		v.waiting = 0;
		if (key == UI_KEY_QUIT)
			break;
		if (key == UI_KEY_NONE)
			continue;	/* news from the thread */
		a = ui_lookup(ui, UI_CTX_ATTEND, key);
		if (a == UA_COMMAND) {
			attend_drain(&v);
			if (!attend_command(&v))
				continue;
			if (ui->quit)
				break;
			a = UA_CLOSE;
		}
		if (a == UA_CLOSE || a == UA_CANCEL || a == UA_QUIT ||
		    ui_layer_leave(ui, a)) {
			v.closing = 1;
			attend_drain(&v);
			attend_close(&v);
			break;
		}
		if (a == UA_NONE) {
			ui_unbound(ui, UI_CTX_ATTEND, key);
			continue;
		}
		if (a == UA_HELP) {
			ui_help(ui);
			continue;
		}
		if (a == UA_REDRAW) {
			clearok(curscr, TRUE);
			continue;
		}
		ui->msg[0] = '\0';
		if (a == UA_UP || a == UA_DOWN || a == UA_PAGE_UP ||
		    a == UA_PAGE_DOWN || a == UA_HOME || a == UA_END) {
			/* Moving chooses a row again, the one in view. */
			if (!v.done)
				vlist_move(&v.list, NULL, a);
			v.done = 0;
			v.next = 0;
			continue;
		}
		if (!attend_is_mark(a))
			attend_drain(&v);
		if (ui_search_action(ui, &v.search, &v.list, a, attend_match)) {
			v.done = 0;
			v.next = 0;
			continue;
		}
		attend_action(&v, a);
	}
	/* Quitting (a hang-up too) waits for the marks; one not saved is
	 * said in a box, if a person is there to read it. */
	v.closing = 1;
	attend_drain(&v);
	core_marks_stop(v.marks);
	ui_background(ui, NULL, NULL);
	ui_layer_pop(ui);
	vlist_free(&v.list);
	free(v.rows);
	free(v.byid);
	attend_open = outer;
	ui->roll = outer_roll;
}
