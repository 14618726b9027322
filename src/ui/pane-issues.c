/*
 * pane-issues.c — cross-agency issues (point 6): status, lead agency, the
 * three triggers that call for an open process, and the title; narrowed
 * by status, agency or trigger; the detail shows the whole issue, its
 * meetings and the history of its status from the audit trail; m starts
 * a collaboration meeting on it with its invitees proposed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/codec.h"
#include "pane.h"

enum issues_filter {
	FILTER_NONE = 0,
	FILTER_STATUS,
	FILTER_AGENCY,		/* lead or collaborating */
	FILTER_TRIGGER
};

static struct {
	struct vlist	 list;
	struct ui_search search;
	enum issues_filter filter;
	uint32_t	 value;		/* status, agency or trigger bit */
	char		 what[160];	/* the filter, for the title line */
} issues;

/* Does the issue pass the filter? (the agency filter uses the index) */
static int
issues_pass(const struct issue *is)
{
	switch (issues.filter) {
	case FILTER_STATUS:
		return is->status == issues.value;
	case FILTER_TRIGGER:
		return (is->triggers & issues.value) != 0;
	default:
		return 1;
	}
}

static void
issues_reload(struct ui *ui)
{
	struct store_cursor *c;
	struct store_txn *t;
	struct issue *is;

	if (store_read_begin(ui->store, &t, NULL) != 0)
		return;
	vlist_held(&issues.list);
	is = xmalloc(sizeof *is);
	if (store_cursor_open(t, issues.filter == FILTER_AGENCY ?
	    IX_AGENCY_ISSUE : IX_ISSUE, issues.filter == FILTER_AGENCY ?
	    &issues.value : NULL, &c, NULL) == 0) {
		while (store_cursor_move(c, STORE_NEXT) == 0)
			if (issues.filter == FILTER_NONE ||
			    issues.filter == FILTER_AGENCY ||
			    (store_cursor_get(c, is, NULL) == 0 &&
			    issues_pass(is)))
				vlist_held_add(&issues.list,
				    store_cursor_id(c));
		store_cursor_close(c);
	}
	free(is);
	store_read_end(t);
}

/* Choose what to narrow the list to. */
static void
issues_choose_filter(struct ui *ui)
{
	static const char *const triggers[] = {
		N_("trigger: complex stakeholder interests"),
		N_("trigger: divided opinion"),
		N_("trigger: heated public participation"),
	};
	const char *labels[16];
	char buf[ISSUE_STATUS_MAX + 1][64];
	size_t n = 0, sel = 0, i;
	uint32_t ag;
	struct store_txn *t;
	struct agency a;

	labels[n++] = _("all issues");
	for (i = ISSUE_OPEN; i <= ISSUE_STATUS_MAX; i++) {
		snprintf(buf[i], sizeof buf[i], _("status: %s"),
		    _(model_enum_label(&model_issue_statuses, i)));
		labels[n++] = buf[i];
	}
	labels[n++] = _("an agency, leading or collaborating…");
	for (i = 0; i < 3; i++)
		labels[n++] = _(triggers[i]);
	if (ui_pick(ui, _("Show which issues?"), labels, n, &sel, 0) != 1)
		return;
	issues.what[0] = '\0';
	if (sel == 0)
		issues.filter = FILTER_NONE;
	else if (sel <= ISSUE_STATUS_MAX) {
		issues.filter = FILTER_STATUS;
		issues.value = (uint32_t)sel;
		snprintf(issues.what, sizeof issues.what, "%s", labels[sel]);
	} else if (sel == ISSUE_STATUS_MAX + 1) {
		if ((ag = ui_pick_agency(ui, 0, 0)) == 0)
			return;
		issues.filter = FILTER_AGENCY;
		issues.value = ag;
		if (store_read_begin(ui->store, &t, NULL) == 0) {
			if (store_agency_get(t, ag, &a, NULL) == 0)
				snprintf(issues.what, sizeof issues.what,
				    _("agency: %s"), a.name);
			store_read_end(t);
		}
	} else {
		issues.filter = FILTER_TRIGGER;
		issues.value = 1u << (sel - ISSUE_STATUS_MAX - 2);
		snprintf(issues.what, sizeof issues.what, "%s", labels[sel]);
	}
	issues_reload(ui);
}

/* The issue's meetings and the history of its status, for the detail. */
static void
issues_more(struct store_txn *t, const struct issue *is, char **text)
{
	struct store_cursor *c;
	struct meeting m;
	struct audit *a = xmalloc(sizeof *a);
	struct issue *then = xmalloc(2 * sizeof *then), *before = then + 1;
	char line[512], when[32], arrow[8], day[16];
	int any = 0;

	snprintf(arrow, sizeof arrow, " %s ", ui_sym(UI_SYM_ARROW));
	if (store_cursor_open(t, IX_MEETING_DATE, NULL, &c, NULL) == 0) {
		while (store_cursor_move(c, STORE_NEXT) == 0)
			if (store_cursor_get(c, &m, NULL) == 0 &&
			    m.issue == is->h.id) {
				snprintf(line, sizeof line, "%s %s (%s)",
				    date_show(m.date, day, sizeof day), m.title,
				    _(model_enum_label(&model_meeting_statuses,
				    m.status)));
				pane_text_add(text, any++ ? "" :
				    _("Meetings"), line);
			}
		store_cursor_close(c);
	}
	if (!any)
		pane_text_add(text, _("Meetings"), _("none yet: m starts one"));
	/* The audit trail, newest first: each change of status. */
	any = 0;
	if (store_cursor_open(t, IX_AUDIT, NULL, &c, NULL) == 0) {
		while (store_cursor_move(c, STORE_PREV) == 0) {
			if (store_cursor_get(c, a, NULL) != 0 ||
			    a->entity != ENTITY_ISSUE || a->id != is->h.id ||
			    codec_decode(&schema_issue, a->after, a->after_len,
			    then, NULL) != 0)
				continue;
			if (a->action == AUDIT_UPDATE &&
			    (codec_decode(&schema_issue, a->before,
			    a->before_len, before, NULL) != 0 ||
			    before->status == then->status))
				continue;
			time_format(a->time, when, sizeof when);
			snprintf(line, sizeof line, "%s %s: %s%s%s", when,
			    a->login, a->action == AUDIT_CREATE ?
			    _("opened as ") : _(model_enum_label(
			    &model_issue_statuses, before->status)),
			    a->action == AUDIT_CREATE ? "" : arrow,
			    _(model_enum_label(&model_issue_statuses,
			    then->status)));
			pane_text_add(text, any++ ? "" : _("History"), line);
		}
		store_cursor_close(c);
	}
	free(then);
	free(a);
}

/* The triggers as three short marks, in the reader's language: 利 分 熱
 * (S D H in English), a dot for each that is not set. */
static void
issues_triggers(uint32_t t, char *buf, size_t n)
{
	snprintf(buf, n, "%s %s %s",
	    t & TRIGGER_STAKEHOLDERS ? C_("trigger mark", "S") :
	    C_("trigger mark", "."),
	    t & TRIGGER_DIVIDED ? C_("trigger mark", "D") :
	    C_("trigger mark", "."),
	    t & TRIGGER_HEATED ? C_("trigger mark", "H") :
	    C_("trigger mark", "."));
}

static void
issues_draw(struct ui *ui, int y, int x, int h, int w)
{
	struct store_txn *t;
	struct issue is;
	struct agency a;
	char id[16], trig[32];
	int row, tw = w - 5 - 14 - 17 - 9;
	enum ui_attr at;

	if (store_read_begin(ui->store, &t, NULL) != 0)
		return;
	if (ui->want_issue != 0) {
		/* Asked for from elsewhere (a compliance finding). */
		vlist_select_id(&issues.list, t, ui->want_issue);
		ui->want_issue = 0;
	}
	if (issues.filter != FILTER_NONE) {
		char title[256];

		snprintf(title, sizeof title, _("Issues, %s (F shows all)"),
		    issues.what);
		ui_put(ui, y, x, w, title, UI_NORMAL);
	} else
		ui_put(ui, y, x, w, _("Issues (triggers: S complex interests, "
		    "D divided opinion, H heated participation)"), UI_NORMAL);
	ui_put(ui, y + 1, x, 4, "#", UI_TITLE);
	ui_put(ui, y + 1, x + 5, 13, _("Status"), UI_TITLE);
	ui_put(ui, y + 1, x + 19, 16, _("Lead agency"), UI_TITLE);
	ui_put(ui, y + 1, x + 36, 8, _("Triggers"), UI_TITLE);
	ui_put(ui, y + 1, x + 45, tw, _("Title"), UI_TITLE);
	vlist_load(&issues.list, t, h - 2);
	vlist_place(&issues.list, y + 2, x, w);
	for (row = 0; row < issues.list.nrows; row++) {
		if (store_issue_get(t, issues.list.rows[row], &is, NULL) != 0)
			continue;
		if (store_agency_get(t, is.lead, &a, NULL) != 0)
			a.name[0] = '\0';
		snprintf(id, sizeof id, "%u", is.h.id);
		issues_triggers(is.triggers, trig, sizeof trig);
		at = row == issues.list.sel ? UI_SELECT :
		    is.status >= ISSUE_RESOLVED ? UI_DIM : UI_NORMAL;
		ui_fill(ui, y + 2 + row, x, w, at);
		ui_put(ui, y + 2 + row, x, 4, id, at);
		ui_put(ui, y + 2 + row, x + 5, 13,
		    _(model_enum_label(&model_issue_statuses, is.status)),
		    is.status == ISSUE_ESCALATED && at == UI_NORMAL ?
		    UI_MARK : at);
		ui_put(ui, y + 2 + row, x + 19, 16, a.name, at);
		ui_put(ui, y + 2 + row, x + 36, 8, trig, at);
		ui_put(ui, y + 2 + row, x + 45, tw, is.title, at);
	}
	if (issues.list.count == 0)
		ui_put(ui, y + 2, x, w, _("No issues yet: a adds one."),
		    UI_DIM);
	store_read_end(t);
}

static int
issues_match(struct store_txn *t, uint32_t id, void *arg)
{
	struct issue *is = xmalloc(sizeof *is);
	struct agency a;
	int r = 0;

	if (store_issue_get(t, id, is, NULL) == 0)
		r = ui_contains(is->title, arg) ||
		    ui_contains(is->description, arg) ||
		    (store_agency_get(t, is->lead, &a, NULL) == 0 &&
		    ui_contains(a.name, arg));
	free(is);
	return r;
}

static int
issues_action(struct ui *ui, enum ui_action a)
{
	uint32_t id = vlist_selected(&issues.list);
	struct store_txn *t;
	struct issue *is;
	char *text = NULL, title[OGPO_TEXT_MAX + 1] = "";

	if (pane_move(ui, &issues.list, a) ||
	    ui_search_action(ui, &issues.search, &issues.list, a,
	    issues_match))
		return 1;
	switch (a) {
	case UA_SELECT:
	case UA_DETAIL:
		if (id == 0 || store_read_begin(ui->store, &t, NULL) != 0)
			return 1;
		is = xmalloc(sizeof *is);
		if (store_issue_get(t, id, is, NULL) == 0) {
			text = pane_detail(t, ENTITY_ISSUE, is);
			issues_more(t, is, &text);
			str_copy(title, is->title, sizeof title);
		}
		free(is);
		store_read_end(t);
		if (text != NULL)
			ui_text_popup(ui, title, text);
		free(text);
		return 1;
	case UA_ADD:
		is = xcalloc(1, sizeof *is);
		is->status = ISSUE_OPEN;
		is->lead = ui->agency;
		pane_edit(ui, ENTITY_ISSUE, 0, is, _("New issue"));
		free(is);
		return 1;
	case UA_EDIT:
		if (id != 0)
			pane_edit(ui, ENTITY_ISSUE, id, NULL, _("Edit issue"));
		return 1;
	case UA_DELETE:
		pane_delete(ui, ENTITY_ISSUE, id);
		return 1;
	case UA_FILTER_AGENCY:
		issues_choose_filter(ui);
		return 1;
	case UA_SHOW_ALL:
		issues.filter = FILTER_NONE;
		issues_reload(ui);
		return 1;
	case UA_NEW_MEETING:
		if (id == 0 || store_read_begin(ui->store, &t, NULL) != 0)
			return 1;
		is = xmalloc(sizeof *is);
		if (store_issue_get(t, id, is, NULL) == 0) {
			struct meeting m;

			memset(&m, 0, sizeof m);
			m.kind = MEETING_ISSUE;
			m.status = MEETING_PLANNED;
			m.issue = id;
			m.agency = is->lead;
			date_today(m.date);
			{
				/* Cut the issue's title on a character, then
				 * add the kind of meeting. */
				char base[200];

				str_copy(base, is->title, sizeof base);
				str_utf8_cut(base);
				snprintf(m.title, sizeof m.title,
				    "%s議題協作會議", base);
			}
			store_read_end(t);
			free(is);
			ui_meeting_new(ui, &m);
			return 1;
		}
		free(is);
		store_read_end(t);
		return 1;
	default:
		return 0;
	}
}

static const struct ui_hint issues_hints[] = {
	{ UA_SELECT, N_("detail"), 1 },
	{ UA_ADD, N_("add"), 1 },
	{ UA_EDIT, N_("edit"), 1 },
	{ UA_DELETE, N_("delete"), 1 },
	{ UA_NEW_MEETING, N_("meeting"), 1 },
	{ UA_FILTER_AGENCY, N_("filter"), 1 },
	{ UA_SEARCH, N_("search"), 1 },
	{ UA_UNDO, N_("undo"), 1 },
	{ UA_SHOW_ALL, N_("all"), 1 },
	{ UA_DETAIL, N_("detail"), 0 },
	{ UA_SEARCH_NEXT, N_("next match"), 0 },
	{ UA_SEARCH_PREV, N_("previous match"), 0 },
	{ UA_NONE, NULL, 0 }
};

const struct ui_pane ui_pane_issues = {
	.title = N_("Issues"),
	.ctx = UI_CTX_ISSUES,
	.draw = issues_draw,
	.action = issues_action,
	.reload = issues_reload,
	.list = &issues.list,
	.hints = issues_hints,
};
