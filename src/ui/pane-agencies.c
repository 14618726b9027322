/*
 * pane-agencies.c — the agency tree: the Executive Yuan, its second-level
 * agencies and their subordinates, with each agency's active POs and
 * supervisors, and a mark where a second-level agency lacks either
 * (point 3 of the regulation). Enter shows the agency's officers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pane.h"

#define TREE_MAX 65536

static struct {
	struct vlist	 list;		/* visible nodes, in tree order */
	struct ui_search search;
	uint8_t		*depth;		/* by position in list.ids */
	uint8_t		*kids;		/* has children, by position */
	uint32_t	*open;		/* expanded agency ids */
	size_t		 nopen, capopen;
	int		 started;
	int		 all_open;	/* opened for a search */
	char		 minister[160];
} tree;

static int
tree_is_open(uint32_t id)
{
	size_t i;

	for (i = 0; i < tree.nopen; i++)
		if (tree.open[i] == id)
			return 1;
	return 0;
}

static void
tree_set_open(uint32_t id, int open)
{
	size_t i;

	for (i = 0; i < tree.nopen; i++)
		if (tree.open[i] == id) {
			if (!open)
				tree.open[i] = tree.open[--tree.nopen];
			return;
		}
	if (!open)
		return;
	tree.open = xgrow(tree.open, &tree.capopen, tree.nopen + 1,
	    sizeof *tree.open);
	tree.open[tree.nopen++] = id;
}

/* Add the children of parent (and theirs, when open) to the list. */
static void
tree_walk(struct store_txn *t, uint32_t parent, int depth)
{
	uint32_t *kids;
	size_t n, i, at, sub;

	if (depth > 8)
		return;
	n = store_group_ids(t, IX_AGENCY_CHILD, parent, &kids);
	for (i = 0; i < n && tree.list.n < TREE_MAX; i++) {
		at = tree.list.n;
		vlist_held_add(&tree.list, kids[i]);
		tree.depth[at] = (uint8_t)depth;
		sub = store_count(t, IX_AGENCY_CHILD, &kids[i]);
		tree.kids[at] = sub > 0;
		if (sub > 0 && tree_is_open(kids[i]))
			tree_walk(t, kids[i], depth + 1);
	}
	free(kids);
}

/* The supervising minister (point 2), from the Executive Yuan's officers. */
static void
tree_minister(struct store_txn *t, const char *today)
{
	struct store_cursor *c;
	struct officer o;
	uint32_t root = 0, ey;

	tree.minister[0] = '\0';
	if (store_cursor_open(t, IX_AGENCY_CHILD, &root, &c, NULL) != 0)
		return;
	ey = store_cursor_move(c, STORE_FIRST) == 0 ? store_cursor_id(c) : 0;
	store_cursor_close(c);
	if (ey == 0 || store_cursor_open(t, IX_OFFICER_AGENCY, &ey, &c,
	    NULL) != 0)
		return;
	while (store_cursor_move(c, STORE_NEXT) == 0)
		if (store_cursor_get(c, &o, NULL) == 0 &&
		    o.role == ROLE_MINISTER && core_officer_active(&o, today)) {
			snprintf(tree.minister, sizeof tree.minister,
			    _("Supervising minister (政務委員): %s"), o.name);
			break;
		}
	store_cursor_close(c);
}

static void
tree_reload(struct ui *ui)
{
	struct store_txn *t;
	struct store_cursor *c;
	uint32_t root = 0;

	if (tree.depth == NULL) {
		tree.depth = xcalloc(TREE_MAX, 1);
		tree.kids = xcalloc(TREE_MAX, 1);
	}
	if (store_read_begin(ui->store, &t, NULL) != 0)
		return;
	if (!tree.started) {
		/* First show: the Executive Yuan open, its agencies in view. */
		tree.started = 1;
		if (store_cursor_open(t, IX_AGENCY_CHILD, &root, &c,
		    NULL) == 0) {
			while (store_cursor_move(c, STORE_NEXT) == 0)
				tree_set_open(store_cursor_id(c), 1);
			store_cursor_close(c);
		}
	}
	vlist_held(&tree.list);
	tree_walk(t, 0, 0);
	tree_minister(t, ui->today);
	store_read_end(t);
}

/* POs and supervisors of one agency in office today (point 3). */
static void
tree_counts(struct store_txn *t, uint32_t id, const char *today,
    unsigned *pos, unsigned *sups)
{
	*pos = (unsigned)store_officers_in_role(t, id, ROLE_PO, today);
	*sups = (unsigned)store_officers_in_role(t, id, ROLE_SUPERVISOR, today);
}

static void
tree_draw(struct ui *ui, int y, int x, int h, int w)
{
	struct store_txn *t;
	struct agency a;
	char name[OGPO_NAME_MAX + 64], num[16];
	const char *mark, *marks[3];
	unsigned pos, sups;
	int row, nw, at_pos, pw, sw, mw, k;
	size_t i;
	enum ui_attr at;

	if (store_read_begin(ui->store, &t, NULL) != 0)
		return;
	ui_put(ui, y, x, w, tree.minister[0] ? tree.minister :
	    _("Agencies"), UI_NORMAL);
	/* The supervisors' count and the mark after it take what their
	 * words take in the reader's language (督導 is 4 cells, Supervisors
	 * 11); the name has the rest: 文化部影視及流行音樂產業局 whole at
	 * 80 columns in Chinese. */
	marks[0] = _("! no PO, no supervisor");
	marks[1] = _("! no PO");
	marks[2] = _("! no supervisor");
	for (k = 0, mw = 0; k < 3; k++)
		if ((int)text_width(marks[k]) > mw)
			mw = (int)text_width(marks[k]);
	sw = (int)text_width(_("Supervisors"));
	sw = sw < 4 ? 4 : sw > 12 ? 12 : sw;
	mw = mw > 24 ? 24 : mw;
	nw = w - 17 - sw - mw;
	ui_put(ui, y + 1, x, nw, _("Agency"), UI_TITLE);
	ui_put(ui, y + 1, x + nw + 1, 8, _("Code"), UI_TITLE);
	/* The counts are right-aligned under it; a wider heading (聯絡人)
	 * reaches left into the code column's spare cells. */
	pw = (int)text_width(_("POs"));
	pw = pw < 4 ? 4 : pw > 6 ? 6 : pw;
	ui_putr(ui, y + 1, x + nw + 14 - pw, pw, _("POs"), UI_TITLE);
	ui_putr(ui, y + 1, x + nw + 15, sw, _("Supervisors"), UI_TITLE);
	vlist_load(&tree.list, t, h - 2);
	vlist_place(&tree.list, y + 2, x, w);
	for (row = 0; row < tree.list.nrows; row++) {
		i = tree.list.top_i + (size_t)row;
		if (store_agency_get(t, tree.list.rows[row], &a, NULL) != 0)
			continue;
		tree_counts(t, a.h.id, ui->today, &pos, &sups);
		snprintf(name, sizeof name, "%*s%s %s", tree.depth[i] * 2, "",
		    !tree.kids[i] ? " " : tree_is_open(a.h.id) ? "-" : "+",
		    a.name);
		at = row == tree.list.sel ? UI_SELECT : UI_NORMAL;
		ui_fill(ui, y + 2 + row, x, w, at);
		ui_put(ui, y + 2 + row, x, nw, name, at);
		ui_put(ui, y + 2 + row, x + nw + 1, 8, a.code, at);
		snprintf(num, sizeof num, "%u", pos);
		ui_putr(ui, y + 2 + row, x + nw + 10, 4, num, at);
		snprintf(num, sizeof num, "%u", sups);
		ui_putr(ui, y + 2 + row, x + nw + 15, sw, num, at);
		mark = a.level != LEVEL_2 ? "" :
		    pos == 0 && sups == 0 ? marks[0] :
		    pos == 0 ? marks[1] : sups == 0 ? marks[2] : "";
		at_pos = x + nw + 17 + sw;
		ui_put(ui, y + 2 + row, at_pos, w - (at_pos - x), mark,
		    row == tree.list.sel ? UI_SELECT : UI_MARK);
	}
	if (tree.list.count == 0)
		ui_put(ui, y + 2, x, w, _("No agencies yet: a adds one; ogpo "
		    "import agencies FILE reads a list from a spreadsheet."),
		    UI_DIM);
	store_read_end(t);
}

static int
tree_match(struct store_txn *t, uint32_t id, void *arg)
{
	struct agency a;

	return store_agency_get(t, id, &a, NULL) == 0 &&
	    (ui_contains(a.name, arg) || ui_contains(a.code, arg));
}

/* Open every branch, so that a search finds agencies in closed ones. */
static void
tree_open_all(struct ui *ui)
{
	struct store_cursor *c;
	struct store_txn *t;
	uint32_t id;

	if (store_read_begin(ui->store, &t, NULL) != 0)
		return;
	if (store_cursor_open(t, IX_AGENCY, NULL, &c, NULL) == 0) {
		while (store_cursor_move(c, STORE_NEXT) == 0) {
			id = store_cursor_id(c);
			if (store_count(t, IX_AGENCY_CHILD, &id) > 0)
				tree_set_open(id, 1);
		}
		store_cursor_close(c);
	}
	store_read_end(t);
	tree.all_open = 1;
	tree_reload(ui);
}

struct tree_term {
	char		 start[11], end[11];
	uint32_t	 role;
	char		 name[OGPO_NAME_MAX + 1];
};

static int
tree_term_cmp(const void *a, const void *b)
{
	const struct tree_term *x = a, *y = b;
	int d = (int)x->role - (int)y->role;

	return d != 0 ? d : strcmp(x->start, y->start);
}

/*
 * The agency *arg, and every PO and supervisor it has had, in order: who
 * held the designation when (業務傳承); made again as others designate
 * while it is read.
 */
static char *
tree_detail_text(struct ui *ui, void *arg, char *tbuf, size_t tn)
{
	struct store_cursor *c;
	struct store_txn *t;
	struct agency a;
	struct officer o;
	struct tree_term *terms = NULL;
	size_t n = 0, cap = 0, i;
	char *text, line[256], title[OGPO_NAME_MAX + 1];
	char day[16], from[48], to[48], kind[96];
	uint32_t role = 0, id = *(uint32_t *)arg;
	size_t w, rw = 0;

	if (store_read_begin(ui->store, &t, NULL) != 0)
		return NULL;
	if (store_agency_get(t, id, &a, NULL) != 0) {
		store_read_end(t);
		return NULL;
	}
	text = pane_detail(t, ENTITY_AGENCY, &a);
	str_copy(title, a.name, sizeof title);
	if (store_cursor_open(t, IX_OFFICER_AGENCY, &id, &c, NULL) == 0) {
		while (store_cursor_move(c, STORE_NEXT) == 0) {
			if (store_cursor_get(c, &o, NULL) != 0 ||
			    (o.role != ROLE_PO && o.role != ROLE_SUPERVISOR &&
			    o.role != ROLE_ALTERNATE))
				continue;
			terms = xgrow(terms, &cap, n + 1, sizeof *terms);
			str_copy(terms[n].start, o.start_date,
			    sizeof terms[n].start);
			str_copy(terms[n].end, o.end_date, sizeof terms[n].end);
			str_copy(terms[n].name, o.name, sizeof terms[n].name);
			terms[n++].role = o.role;
		}
		store_cursor_close(c);
	}
	store_read_end(t);
	if (n > 0)	/* no officers: terms is NULL */
		qsort(terms, n, sizeof *terms, tree_term_cmp);
	/* One table: role, from – to, name, each column padded in cells
	 * (a role and "now" may be Chinese, dates ROC). */
	for (i = 0; i < n; i++)
		if ((w = text_width(_(model_enum_label(&model_roles,
		    terms[i].role)))) > rw)
			rw = w;
	if (n > 0)
		xappendf(&text, "%s\n", _("Designations"));
	for (i = 0; i < n; i++) {
		text_fit(role == terms[i].role ? "" : _(model_enum_label(
		    &model_roles, terms[i].role)), rw, 1, kind, sizeof kind);
		text_fit(terms[i].start[0] ? date_show(terms[i].start, day,
		    sizeof day) : "?", 10, 1, from, sizeof from);
		text_fit(terms[i].end[0] ? date_show(terms[i].end, day,
		    sizeof day) : _("now"), 10, 1, to, sizeof to);
		snprintf(line, sizeof line, "%s  %s %s %s  %s", kind, from,
		    ui_sym(UI_SYM_DASH), to, terms[i].name);
		pane_text_add(&text, "", line);
		role = terms[i].role;
	}
	if (n == 0)
		pane_text_add(&text, _("Officers"), _("nobody designated yet"));
	free(terms);
	str_copy(tbuf, title, tn);
	return text;
}

static void
tree_detail(struct ui *ui, uint32_t id)
{
	if (id != 0)
		ui_live_popup(ui, tree_detail_text, &id);
}

/* Go to the parent of the selected agency. */
static void
tree_to_parent(struct ui *ui, uint32_t id)
{
	struct store_txn *t;
	struct agency a;

	if (store_read_begin(ui->store, &t, NULL) != 0)
		return;
	if (store_agency_get(t, id, &a, NULL) == 0 && a.parent != 0)
		vlist_select_id(&tree.list, t, a.parent);
	store_read_end(t);
}

/* Open every branch above agency id, so that it shows in the tree. */
static void
tree_reveal(struct ui *ui, uint32_t id)
{
	struct store_txn *t;
	struct agency a;
	int depth = 0;

	if (store_read_begin(ui->store, &t, NULL) != 0)
		return;
	/* The depth bound stops a loop in a damaged tree. */
	while (id != 0 && depth++ < 64 &&
	    store_agency_get(t, id, &a, NULL) == 0) {
		if (a.parent != 0)
			tree_set_open(a.parent, 1);
		id = a.parent;
	}
	store_read_end(t);
}

static int
tree_action(struct ui *ui, enum ui_action a)
{
	uint32_t id = vlist_selected(&tree.list);
	size_t i = tree.list.index;
	struct agency fresh, parent;
	struct store_txn *t;

	if ((a == UA_SEARCH || a == UA_SEARCH_NEXT || a == UA_SEARCH_PREV) &&
	    !tree.all_open) {
		/* A search looks at every agency: open the whole tree. */
		tree_open_all(ui);
	}
	if (pane_move(ui, &tree.list, a) ||
	    ui_search_action(ui, &tree.search, &tree.list, a, tree_match))
		return 1;
	switch (a) {
	case UA_EXPAND:
	case UA_COLLAPSE:
	case UA_TOGGLE:
		if (id == 0)
			return 1;
		if (a == UA_COLLAPSE && (!tree.kids[i] || !tree_is_open(id))) {
			tree_to_parent(ui, id);
			return 1;
		}
		tree_set_open(id, a == UA_EXPAND ? 1 : a == UA_COLLAPSE ? 0 :
		    !tree_is_open(id));
		tree.all_open = 0;
		tree_reload(ui);
		return 1;
	case UA_SELECT:
		if (id != 0) {
			ui->agency = id;
			ui_switch_tab(ui, 1);
		}
		return 1;
	case UA_DETAIL:
		tree_detail(ui, id);
		return 1;
	case UA_ADD:
		memset(&fresh, 0, sizeof fresh);
		fresh.parent = id;
		if (id != 0 && store_read_begin(ui->store, &t, NULL) == 0) {
			if (store_agency_get(t, id, &parent, NULL) == 0)
				fresh.level = parent.level + 1;
			store_read_end(t);
		}
		if (fresh.level > LEVEL_MAX)
			fresh.level = LEVEL_MAX;
		if (id != 0)
			tree_set_open(id, 1);
		id = (uint32_t)pane_edit(ui, ENTITY_AGENCY, 0, &fresh,
		    _("New agency"));
		if (id != 0) {
			/* Under the parent chosen in the form, which need
			 * not be the one that was selected. */
			tree_reveal(ui, id);
			tree_reload(ui);
			vlist_select_id(&tree.list, NULL, id);
		}
		return 1;
	case UA_EDIT:
		if (id != 0)
			pane_edit(ui, ENTITY_AGENCY, id, NULL, _("Edit agency"));
		return 1;
	case UA_DELETE:
		pane_delete(ui, ENTITY_AGENCY, id);
		return 1;
	default:
		return 0;
	}
}

static void
tree_fini(void)
{
	free(tree.depth);
	free(tree.kids);
	free(tree.open);
	memset(&tree, 0, sizeof tree);
}

static const struct ui_hint tree_hints[] = {
	{ UA_SELECT, N_("officers"), 1 },
	{ UA_DETAIL, N_("history"), 1 },
	{ UA_TOGGLE, N_("expand/collapse"), 1 },
	{ UA_ADD, N_("add"), 1 },
	{ UA_EDIT, N_("edit"), 1 },
	{ UA_DELETE, N_("delete"), 1 },
	{ UA_SEARCH, N_("search"), 1 },
	{ UA_UNDO, N_("undo"), 1 },
	{ UA_EXPAND, N_("expand"), 0 },
	{ UA_COLLAPSE, N_("collapse"), 0 },
	{ UA_SEARCH_NEXT, N_("next match"), 0 },
	{ UA_SEARCH_PREV, N_("previous match"), 0 },
	{ UA_NONE, NULL, 0 }
};

const struct ui_pane ui_pane_agencies = {
	.title = N_("Agencies"),
	.ctx = UI_CTX_AGENCIES,
	.draw = tree_draw,
	.action = tree_action,
	.reload = tree_reload,
	.list = &tree.list,
	.fini = tree_fini,
	.hints = tree_hints,
};
