/*
 * pane-issues.c — cross-agency issues (point 6): status, lead agency, the
 * three triggers that call for an open process, and the title; the detail
 * shows the whole issue.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pane.h"

static struct {
	struct vlist	 list;
	struct ui_search search;
} issues;

static void
issues_reload(struct ui *ui)
{
	struct store_cursor *c;
	struct store_txn *t;

	if (store_read_begin(ui->store, &t, NULL) != 0)
		return;
	vlist_held(&issues.list);
	if (store_cursor_open(t, IX_ISSUE, NULL, &c, NULL) == 0) {
		while (store_cursor_move(c, STORE_NEXT) == 0)
			vlist_held_add(&issues.list, store_cursor_id(c));
		store_cursor_close(c);
	}
	store_read_end(t);
}

/* The triggers as three short marks: 利 分 熱 (or dots). */
static void
issues_triggers(uint32_t t, char *buf, size_t n)
{
	snprintf(buf, n, "%s %s %s",
	    t & TRIGGER_STAKEHOLDERS ? "利" : "．",
	    t & TRIGGER_DIVIDED ? "分" : "．",
	    t & TRIGGER_HEATED ? "熱" : "．");
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
	ui_put(ui, y, x, w, _("Issues (triggers: 利 complex interests, "
	    "分 divided opinion, 熱 heated participation)"), UI_NORMAL);
	ui_put(ui, y + 1, x, 4, "#", UI_TITLE);
	ui_put(ui, y + 1, x + 5, 13, _("Status"), UI_TITLE);
	ui_put(ui, y + 1, x + 19, 16, _("Lead agency"), UI_TITLE);
	ui_put(ui, y + 1, x + 36, 8, _("Triggers"), UI_TITLE);
	ui_put(ui, y + 1, x + 45, tw, _("Title"), UI_TITLE);
	vlist_load(&issues.list, t, h - 2);
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
	default:
		return 0;
	}
}

const struct ui_pane ui_pane_issues = {
	.title = N_("Issues"),
	.ctx = UI_CTX_LIST,
	.draw = issues_draw,
	.action = issues_action,
	.reload = issues_reload,
	.list = &issues.list,
	.hints = N_("Enter detail  a add  e edit  d delete  / search  "
	    "? help  q quit"),
};
