/*
 * pane-meetings.c — meetings newest first, with their number, kind, state
 * in words (planned, held, cancelled, or "held?" for one whose day has
 * come and whose attendance is taken but which is not marked held), how
 * many of the invited came, and the title; the detail lists every invitee
 * and their attendance. A meeting is marked held or cancelled here; its
 * sign-in sheet, and its month's attendance and summary, are a key away.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/export.h"
#include "ogpo/resolution.h"
#include "pane.h"

/* The counts of the rows drawn, kept until the database moves on: a key
 * that only moves reads no attendance. */
struct meetings_count {
	uint32_t		 id;
	struct core_tally	 k;
};

static struct {
	struct vlist		 list;
	struct ui_search	 search;
	struct meetings_count	 counts[UI_ROWS_MAX];
	size_t			 ncounts;
	uint64_t		 counted;	/* the commit they are of */
} meetings;

/* The meeting's counts, read once per commit. */
static const struct core_tally *
meetings_tally(struct ui *ui, struct store_txn *t, uint32_t id)
{
	size_t i;

	if (meetings.counted != ui->txnid) {
		meetings.ncounts = 0;
		meetings.counted = ui->txnid;
	}
	for (i = 0; i < meetings.ncounts; i++)
		if (meetings.counts[i].id == id)
			return &meetings.counts[i].k;
	if (meetings.ncounts == UI_ROWS_MAX)
		meetings.ncounts = 0;
	i = meetings.ncounts++;
	meetings.counts[i].id = id;
	core_meeting_tally(t, id, &meetings.counts[i].k);
	return &meetings.counts[i].k;
}

/* The state in words: "held?" for held in fact, not yet marked. */
static const char *
meetings_state(struct ui *ui, const struct meeting *m,
    const struct core_tally *k)
{
	if (core_meeting_unconfirmed(m, k, ui->today))
		return _("held?");
	return _(model_enum_label(&model_meeting_statuses, m->status));
}

static void
meetings_reload(struct ui *ui)
{
	struct store_cursor *c;
	struct store_txn *t;

	if (store_read_begin(ui->store, &t, NULL) != 0)
		return;
	vlist_held(&meetings.list);
	if (store_cursor_open(t, IX_MEETING_DATE, NULL, &c, NULL) == 0) {
		while (store_cursor_move(c, STORE_PREV) == 0)
			vlist_held_add(&meetings.list, store_cursor_id(c));
		store_cursor_close(c);
	}
	store_read_end(t);
}

static void
meetings_draw(struct ui *ui, int y, int x, int h, int w)
{
	static const char *const kinds[] = { "", N_("Policy"), N_("Work"),
		N_("Issue") };
	const struct core_tally *k;
	struct store_txn *t;
	struct meeting m;
	char count[32], day[16], id[16];
	int row, tw = w - 5 - 11 - 8 - 10 - 10;
	enum ui_attr at;

	if (store_read_begin(ui->store, &t, NULL) != 0)
		return;
	ui_put(ui, y, x, w, _("Meetings, newest first"), UI_NORMAL);
	ui_putr(ui, y + 1, x, 4, "#", UI_TITLE);
	ui_put(ui, y + 1, x + 5, 10, _("Date"), UI_TITLE);
	ui_put(ui, y + 1, x + 16, 7, _("Kind"), UI_TITLE);
	ui_put(ui, y + 1, x + 24, 9, _("Status"), UI_TITLE);
	ui_putr(ui, y + 1, x + 34, 8, _("Present"), UI_TITLE);
	ui_put(ui, y + 1, x + 44, tw, _("Title"), UI_TITLE);
	vlist_load(&meetings.list, t, h - 2);
	vlist_place(&meetings.list, y + 2, x, w);
	for (row = 0; row < meetings.list.nrows; row++) {
		if (store_meeting_get(t, meetings.list.rows[row], &m,
		    NULL) != 0)
			continue;
		k = meetings_tally(ui, t, m.h.id);
		snprintf(count, sizeof count, "%zu/%zu", k->present,
		    k->invited);
		snprintf(id, sizeof id, "%u", m.h.id);
		at = row == meetings.list.sel ? UI_SELECT :
		    m.status == MEETING_CANCELLED ? UI_DIM : UI_NORMAL;
		ui_fill(ui, y + 2 + row, x, w, at);
		ui_putr(ui, y + 2 + row, x, 4, id, at);
		ui_put(ui, y + 2 + row, x + 5, 10, date_show(m.date, day,
		    sizeof day), at);
		ui_put(ui, y + 2 + row, x + 16, 7,
		    _(kinds[m.kind <= MEETING_KIND_MAX ? m.kind : 0]), at);
		ui_put(ui, y + 2 + row, x + 24, 9, meetings_state(ui, &m, k),
		    at == UI_NORMAL && core_meeting_unconfirmed(&m, k,
		    ui->today) ? UI_MARK : at);
		ui_putr(ui, y + 2 + row, x + 34, 8, count, at);
		ui_put(ui, y + 2 + row, x + 44, tw, m.title, at);
	}
	if (meetings.list.count == 0)
		ui_put(ui, y + 2, x, w, _("No meetings yet: a adds one."),
		    UI_DIM);
	store_read_end(t);
}

/* The meeting's fields, then each invitee and how they attended. */
static char *meetings_append(char *, const char *, ...) OGPO_PRINTF(2, 3);

/* text, with the line made from fmt appended (text is freed). */
static char *
meetings_append(char *text, const char *fmt, ...)
{
	va_list ap;
	char *line, *out;

	va_start(ap, fmt);
	line = xvasprintf(fmt, ap);
	va_end(ap);
	out = xasprintf("%s%s", text, line);
	free(line);
	free(text);
	return out;
}

/* The meeting's numbered resolutions: owners, due date, status. */
static char *
meetings_detail_resolutions(struct store_txn *t, const struct meeting *m,
    char *text)
{
	struct resolution *r = xmalloc(sizeof *r);
	char owners[OGPO_COLLAB_MAX * (OGPO_NAME_MAX + 3) + 1], day[16];
	uint32_t *ids = NULL;
	size_t n, i;

	n = core_resolutions_of(t, m->h.id, &ids);
	if (n > 0)
		text = meetings_append(text, "\n%s\n", _("Resolutions"));
	for (i = 0; i < n; i++) {
		if (store_resolution_get(t, ids[i], r, NULL) != 0)
			continue;
		core_owners_text(t, r, CORE_OWNERS_NAME, _(", "), owners,
		    sizeof owners);
		if (r->due[0] != '\0')
			text = meetings_append(text, _("  %u. %s (%s; due %s; "
			    "%s)\n"), r->number, r->text, owners,
			    date_show(r->due, day, sizeof day),
			    _(model_enum_label(&model_resolution_statuses,
			    r->status)));
		else
			text = meetings_append(text, _("  %u. %s (%s; %s)\n"),
			    r->number, r->text, owners,
			    _(model_enum_label(&model_resolution_statuses,
			    r->status)));
	}
	free(ids);
	free(r);
	return text;
}

/*
 * What the meeting decided of earlier meetings' resolutions (持續列管,
 * 解除列管): the other half of its record, named as the resolutions page
 * names them, by the date of the meeting that made each.
 */
static char *
meetings_detail_decided(struct store_txn *t, const struct meeting *m,
    char *text)
{
	struct resolution *r = xmalloc(sizeof *r);
	char owners[OGPO_COLLAB_MAX * (OGPO_NAME_MAX + 3) + 1], day[16];
	uint32_t *ids = NULL;
	size_t n, i, k;

	n = core_resolutions_review(t, m->h.id, &ids);
	for (i = 0, k = 0; i < n; i++) {
		struct meeting *rm;

		if (store_resolution_get(t, ids[i], r, NULL) != 0 ||
		    r->decided != m->h.id)
			continue;
		rm = xmalloc(sizeof *rm);
		if (store_meeting_get(t, r->meeting, rm, NULL) != 0)
			rm->date[0] = '\0';
		core_owners_text(t, r, CORE_OWNERS_NAME, _(", "), owners,
		    sizeof owners);
		if (k++ == 0)
			text = meetings_append(text, "\n%s\n",
			    _("Earlier resolutions decided here"));
		text = meetings_append(text, _("  %s-%u %s: %s (%s)\n"),
		    date_show(rm->date, day, sizeof day), r->number,
		    _(model_enum_label(&model_resolution_statuses,
		    r->status)), r->text, owners);
		free(rm);
	}
	free(ids);
	free(r);
	return text;
}

/* The cases whose progress was reported at the meeting. */
static char *
meetings_detail_reports(struct store_txn *t, const struct meeting *m,
    char *text)
{
	struct store_cursor *c;
	struct progress *p = xmalloc(sizeof *p);
	struct issue *is = xmalloc(sizeof *is);
	struct agency a;
	int any = 0;

	if (store_cursor_open(t, IX_PROGRESS, NULL, &c, NULL) == 0) {
		while (store_cursor_move(c, STORE_NEXT) == 0) {
			if (store_cursor_get(c, p, NULL) != 0 ||
			    p->meeting != m->h.id ||
			    store_issue_get(t, p->issue, is, NULL) != 0)
				continue;
			if (store_agency_get(t, p->agency, &a, NULL) != 0)
				a.name[0] = '\0';
			if (!any++)
				text = meetings_append(text, "\n%s\n",
				    _("Cases reported here"));
			text = meetings_append(text, _("  %s %s, %s: %s\n"),
			    is->serial, is->title, a.name, p->text);
		}
		store_cursor_close(c);
	}
	free(is);
	free(p);
	return text;
}

static char *
meetings_detail(struct store_txn *t, const struct meeting *m)
{
	struct store_cursor *c;
	struct attendance at;
	struct officer o;
	struct agency a;
	size_t present, invited;
	char *text = pane_detail(t, ENTITY_MEETING, m);

	/* What the meeting decided and heard before who came: the list
	 * of invitees is the long part. */
	text = meetings_detail_resolutions(t, m, text);
	text = meetings_detail_reports(t, m, text);
	text = meetings_detail_decided(t, m, text);
	core_meeting_counts(t, m->h.id, &present, &invited);
	text = meetings_append(text, _("\nInvitees: present %zu / invited "
	    "%zu\n"), present, invited);
	if (store_cursor_open(t, IX_ATTENDANCE, &m->h.id, &c, NULL) == 0) {
		/* Status, name, agency and role in columns lined up by
		 * display width: names of two, three or four characters. */
		char **cells = NULL, **rows;
		size_t n = 0, cap = 0, i;

		while (store_cursor_move(c, STORE_NEXT) == 0) {
			if (store_cursor_get(c, &at, NULL) != 0)
				continue;
			if (store_officer_get(t, at.officer, &o, NULL) != 0)
				snprintf(o.name, sizeof o.name, "#%u",
				    at.officer);
			if (store_agency_get(t, at.agency, &a, NULL) != 0)
				a.name[0] = '\0';
			if (4 * (n + 1) > cap)
				cells = xgrow(cells, &cap, 4 * (n + 1),
				    sizeof *cells);
			cells[4 * n] = xstrdup(_(model_enum_label(
			    &model_attend_statuses, at.status)));
			cells[4 * n + 1] = xstrdup(o.name);
			cells[4 * n + 2] = xstrdup(a.name);
			cells[4 * n + 3] = xasprintf("%s%s%s",
			    _(model_enum_label(&model_roles, at.role)),
			    at.proxy[0] ? _(", proxy: ") : "", at.proxy);
			n++;
		}
		store_cursor_close(c);
		rows = ui_columns((const char *const *)cells, n, 4, 40);
		for (i = 0; i < n; i++) {
			text = meetings_append(text, "  %s\n", rows[i]);
			free(rows[i]);
		}
		for (i = 0; i < 4 * n; i++)
			free(cells[i]);
		free(cells);
		free(rows);
	}
	return text;
}

static int
meetings_invite_txn(struct core *c, struct store_txn *t, void *arg,
    char **cause)
{
	const uint32_t *ids = arg;
	uint32_t i;
	int rc = 0;

	/* ids[0] is the meeting, ids[1] how many, then the officers. */
	for (i = 0; i < ids[1] && rc == 0; i++)
		rc = core_invite(c, t, ids[0], ids[2 + i], cause);
	return rc;
}

/*
 * A new meeting: propose its invitees by point 7, let the user take some
 * off, and invite the rest.
 */
static void
meetings_invite(struct ui *ui, uint32_t id)
{
	struct store_txn *t;
	struct meeting m;
	struct officer o;
	struct agency a;
	uint32_t *ids = xcalloc(2 + 2048, sizeof *ids);
	char **labels, **cells, *on, *cause = NULL;
	size_t n = 0, i, k;
	int r;

	if (store_read_begin(ui->store, &t, NULL) != 0) {
		free(ids);
		return;
	}
	if (store_meeting_get(t, id, &m, NULL) == 0)
		n = core_propose_invitees(t, &m, ids + 2, 2048);
	/* Agency, name, role, title: columns lined up by display width. */
	cells = xcalloc(4 * (n ? n : 1), sizeof *cells);
	for (i = 0; i < n; i++) {
		if (store_officer_get(t, ids[2 + i], &o, NULL) != 0) {
			o.name[0] = o.title[0] = '\0';
			o.agency = 0;
			o.role = 0;
		}
		if (store_agency_get(t, o.agency, &a, NULL) != 0)
			a.name[0] = '\0';
		cells[4 * i] = xstrdup(a.name);
		cells[4 * i + 1] = xstrdup(o.name);
		cells[4 * i + 2] = xstrdup(o.role ? _(model_enum_label(
		    &model_roles, o.role)) : "");
		cells[4 * i + 3] = xstrdup(o.title);
	}
	store_read_end(t);
	labels = ui_columns((const char *const *)cells, n, 4, 20);
	for (i = 0; i < 4 * n; i++)
		free(cells[i]);
	free(cells);
	on = xcalloc(n ? n : 1, 1);
	memset(on, 1, n);
	r = n == 0 ? 0 : ui_checklist(ui, _("Invite these, as point 7 names "
	    "them for this meeting?"), (const char *const *)labels, n, on);
	for (i = 0, k = 0; i < n; i++)
		if (on[i])
			ids[2 + k++] = ids[2 + i];
	ids[0] = id;
	ids[1] = (uint32_t)k;
	if (r == 1 && k > 0) {
		if (core_run(ui->core, meetings_invite_txn, ids, &cause) != 0)
			ui_message(ui, 1, "%s", cause);
		else {
			ui_message(ui, 0, _("Invited %zu."), k);
			ui_changed(ui);
		}
	}
	if (r == UI_KEY_QUIT)
		ui->quit = 1;
	for (i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	free(on);
	free(ids);
	free(cause);
}

void
ui_meeting_new(struct ui *ui, struct meeting *fresh)
{
	uint32_t id;

	id = (uint32_t)pane_edit(ui, ENTITY_MEETING, 0, fresh,
	    _("New meeting"));
	if (id == 0)
		return;
	meetings_invite(ui, id);
	meetings_reload(ui);
	vlist_select_id(&meetings.list, NULL, id);
	/* Over the tab it was made from: closing it goes back there. */
	ui_attendance(ui, id);
}

static int
meetings_match(struct store_txn *t, uint32_t id, void *arg)
{
	struct meeting m;

	return store_meeting_get(t, id, &m, NULL) == 0 &&
	    (ui_contains(m.title, arg) || ui_contains(m.date, arg) ||
	    ui_contains(m.place, arg));
}

struct meetings_status {
	uint32_t	 id, status;
};

static int
meetings_status_txn(struct core *c, struct store_txn *t, void *arg,
    char **cause)
{
	const struct meetings_status *ms = arg;

	return core_meeting_status(c, t, ms->id, ms->status, cause);
}

/*
 * Mark the meeting held or cancelled (asked first for cancelled). Held
 * before its day is refused by the rules, as everywhere: a slip of H, or
 * a date to put right.
 */
static void
meetings_status(struct ui *ui, const struct meeting *m, uint32_t status)
{
	struct meetings_status ms = { m->h.id, status };
	char *cause = NULL, *q, key[64];
	int r;

	if (m->status == status) {
		ui_message(ui, 0, status == MEETING_HELD ? _("%s is marked "
		    "held already.") : _("%s is marked cancelled already."),
		    m->title);
		return;
	}
	if (status == MEETING_CANCELLED) {
		q = xasprintf(_("Mark %s (%s) cancelled? Its attendance stays "
		    "on record but no longer counts."), m->title, m->date);
		r = ui_confirm(ui, _("Cancelled"), q);
		free(q);
		if (r != 1) {
			if (r == UI_KEY_QUIT)
				ui->quit = 1;
			return;
		}
	}
	if (core_run(ui->core, meetings_status_txn, &ms, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return;
	}
	ui_changed(ui);
	ui_key_label(ui, UI_CTX_MEETINGS, UA_UNDO, key, sizeof key);
	ui_message(ui, 0, status == MEETING_HELD ? _("Marked %s held (%s "
	    "takes it back).") : _("Marked %s cancelled (%s takes it back)."),
	    m->title, key);
}

/*
 * The meeting *arg in full, made again while it is read as others take
 * its roll call or add its resolutions; NULL once it is gone.
 */
static char *
meetings_show(struct ui *ui, void *arg, char *title, size_t n)
{
	struct store_txn *t;
	struct meeting m;
	char *text = NULL;

	if (store_read_begin(ui->store, &t, NULL) != 0)
		return NULL;
	if (store_meeting_get(t, *(uint32_t *)arg, &m, NULL) == 0) {
		text = meetings_detail(t, &m);
		str_copy(title, m.title, n);
	}
	store_read_end(t);
	return text;
}

static int
meetings_action(struct ui *ui, enum ui_action a)
{
	uint32_t id = vlist_selected(&meetings.list);
	struct store_txn *t;
	struct meeting m;
	char month[EXPORT_MONTH_MAX + 1] = "";
	int have = 0;

	if (pane_move(ui, &meetings.list, a) ||
	    ui_search_action(ui, &meetings.search, &meetings.list, a,
	    meetings_match))
		return 1;
	memset(&m, 0, sizeof m);
	if (id != 0 && store_read_begin(ui->store, &t, NULL) == 0) {
		have = store_meeting_get(t, id, &m, NULL) == 0;
		store_read_end(t);
	}
	if (have)
		snprintf(month, sizeof month, "%.7s", m.date);
	switch (a) {
	case UA_SELECT:
		if (have)
			ui_attendance(ui, id);
		return 1;
	case UA_DETAIL:
		if (have)
			ui_live_popup(ui, meetings_show, &id);
		return 1;
	case UA_ADD:
		memset(&m, 0, sizeof m);
		m.kind = MEETING_WORK;
		m.status = MEETING_PLANNED;
		date_today(m.date);
		ui_meeting_new(ui, &m);
		return 1;
	case UA_EDIT:
		if (have)
			pane_edit(ui, ENTITY_MEETING, id, NULL,
			    _("Edit meeting"));
		return 1;
	case UA_DELETE:
		pane_delete(ui, ENTITY_MEETING, id);
		return 1;
	case UA_MARK_HELD:
	case UA_MARK_CANCELLED:
		if (have)
			meetings_status(ui, &m, a == UA_MARK_HELD ?
			    MEETING_HELD : MEETING_CANCELLED);
		return 1;
	case UA_RESOLUTIONS:
		if (have)
			ui_resolutions(ui, id);
		return 1;
	case UA_AGENDA:
		if (have)
			ui_export(ui, EXPORT_AGENDA, id, NULL, NULL);
		return 1;
	case UA_SIGNIN:
		if (have)
			ui_export(ui, EXPORT_SIGNIN, id, NULL, NULL);
		return 1;
	case UA_SUMMARY:
		ui_export(ui, EXPORT_SUMMARY, 0, have ? month : NULL, NULL);
		return 1;
	case UA_EXPORT:
		ui_export(ui, EXPORT_ATTENDANCE, 0, have ? month : NULL, NULL);
		return 1;
	default:
		return 0;
	}
}

static const struct ui_hint meetings_hints[] = {
	{ UA_SELECT, N_("attendance"), 1 },
	{ UA_DETAIL, N_("detail"), 1 },
	{ UA_ADD, N_("add"), 1 },
	{ UA_EDIT, N_("edit"), 1 },
	{ UA_MARK_HELD, N_("held"), 1 },
	{ UA_SIGNIN, N_("sign-in"), 1 },
	{ UA_RESOLUTIONS, N_("resolutions"), 1 },
	{ UA_AGENDA, N_("agenda"), 1 },
	{ UA_EXPORT, N_("month"), 1 },
	{ UA_SUMMARY, N_("summary"), 1 },
	{ UA_DELETE, N_("delete"), 1 },
	{ UA_SEARCH, N_("search"), 1 },
	{ UA_UNDO, N_("undo"), 1 },
	{ UA_MARK_CANCELLED, N_("cancelled"), 1 },
	{ UA_SEARCH_NEXT, N_("next match"), 0 },
	{ UA_SEARCH_PREV, N_("previous match"), 0 },
	{ UA_NONE, NULL, 0 }
};

const struct ui_pane ui_pane_meetings = {
	.title = N_("Meetings"),
	.ctx = UI_CTX_MEETINGS,
	.draw = meetings_draw,
	.action = meetings_action,
	.reload = meetings_reload,
	.list = &meetings.list,
	.hints = meetings_hints,
};
