/*
 * vote.c — the month's topic vote (議題票選) on the screen, opened with V
 * from the Cases tab: its candidates with their approvals (the tally,
 * most approved first) and the POs who may vote. The coordinator (an
 * admin) opens a vote (o), puts proposed cases to it (a), enters each
 * voter's approval ballot from the collected sheet (b: the voter, then
 * the topics they approve), or the whole sheet, a form's responses as
 * they download (I, read as ogpo vote import reads it: table/ballots.c),
 * and closes it (C): the two most approved become tracked cases at the
 * stage selected. Nobody's choices are shown, not even to the one who
 * typed them: only the counts. The rules are core's (vote.c, perm.c), as
 * on the command line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/ballots.h"
#include "ogpo/vote.h"
#include "pane.h"

struct vote_view {
	struct ui		*ui;
	uint32_t		 vote;		/* 0: none yet */
	struct vote		 v;
	struct vote_tally	 k;
	struct vlist		 list;		/* candidates, by approvals */
	uint32_t		*voters;	/* eligible on the vote's date */
	size_t			 nvoters;
	uint64_t		 seen;
	int			 gone;
};

/*
 * In the order they give way on a narrow status line (a hint that does
 * not fit is left off): this screen's own keys first, v among them, as
 * nothing else says another vote can be seen; a and d last, as on every
 * list. The words are the other screens' "import" and "add": the
 * screen says what is imported and added.
 */
static const struct ui_hint vote_hints[] = {
	{ UA_BALLOT, N_("ballot"), 1 },
	{ UA_IMPORT, N_("import"), 1 },
	{ UA_VOTES, N_("other vote"), 1 },
	{ UA_CLOSE_VOTE, N_("close vote"), 1 },
	{ UA_OPEN_VOTE, N_("new vote"), 1 },
	{ UA_ADD, N_("add"), 1 },
	{ UA_DELETE, N_("delete"), 1 },
	{ UA_CLOSE, N_("close"), 1 },
	{ UA_SELECT, N_("detail"), 0 },
	{ UA_UNDO, N_("undo"), 0 },
	{ UA_NONE, NULL, 0 }
};

static const struct ui_view vote_view_def = {
	N_("The topic vote"), UI_CTX_VOTE, vote_hints, 0, NULL
};

/* The same to one who is no admin: the vote is the coordinator's to
 * enter, so a PO is offered only what they may do, to read it. */
static const struct ui_hint vote_reader_hints[] = {
	{ UA_VOTES, N_("other vote"), 1 },
	{ UA_CLOSE, N_("close"), 1 },
	{ UA_SELECT, N_("detail"), 0 },
	{ UA_NONE, NULL, 0 }
};

static const struct ui_view vote_reader_view = {
	N_("The topic vote"), UI_CTX_VOTE, vote_reader_hints, 0, NULL
};

/*
 * The vote to open: the latest of this month, else the latest still
 * open, else the latest of all (by date). 0 when there is none.
 */
static uint32_t
vote_find(struct store_txn *t, const char *today)
{
	struct store_cursor *c;
	struct vote v;
	char best[16] = "";
	uint32_t id = 0;
	int score, top = -1;

	if (store_cursor_open(t, IX_VOTE, NULL, &c, NULL) != 0)
		return 0;
	while (store_cursor_move(c, STORE_NEXT) == 0) {
		if (store_cursor_get(c, &v, NULL) != 0)
			continue;
		score = 2 * (strncmp(v.date, today, 7) == 0) +
		    (v.status == VOTE_OPEN);
		if (score > top || (score == top && strcmp(v.date,
		    best) >= 0)) {
			top = score;
			id = v.h.id;
			str_copy(best, v.date, sizeof best);
		}
	}
	store_cursor_close(c);
	return id;
}

static void
vote_reload(struct vote_view *vv)
{
	struct store_txn *t;
	size_t i;

	vv->seen = vv->ui->txnid;
	if (store_read_begin(vv->ui->store, &t, NULL) != 0)
		return;
	if (vv->vote == 0)
		vv->vote = vote_find(t, vv->ui->today);
	memset(&vv->k, 0, sizeof vv->k);
	vv->gone = vv->vote != 0 && (store_get(t, ENTITY_VOTE, vv->vote,
	    &vv->v, NULL) != 0 || core_vote_tally(t, vv->vote, &vv->k,
	    NULL) != 0);
	vlist_held(&vv->list);
	for (i = 0; !vv->gone && i < vv->k.n; i++)
		vlist_held_add(&vv->list, vv->k.c[i].candidate);
	free(vv->voters);
	vv->voters = NULL;
	vv->nvoters = vv->vote != 0 && !vv->gone ?
	    core_vote_voters(t, vv->v.date, &vv->voters) : 0;
	store_read_end(t);
}

/* The approvals of candidate id in the tally. */
static uint32_t
vote_approvals(const struct vote_view *vv, uint32_t id)
{
	size_t i;

	for (i = 0; i < vv->k.n; i++)
		if (vv->k.c[i].candidate == id)
			return vv->k.c[i].approvals;
	return 0;
}

/* Whether candidate cd was chosen by its closed vote. */
static int
vote_chosen(const struct vote *v, const struct candidate *cd)
{
	uint32_t i;

	for (i = 0; cd->issue != 0 && i < v->nchosen &&
	    i < OGPO_COLLAB_MAX; i++)
		if (v->chosen[i] == cd->issue)
			return 1;
	return 0;
}

/* The voters, "name（agency）" with 、 between, in up to h lines. */
static void
vote_draw_voters(struct ui *ui, struct vote_view *vv, struct store_txn *t,
    int y, int x, int w, int h)
{
	struct officer *o = xmalloc(sizeof *o);
	struct agency a;
	char line[1024], one[OGPO_NAME_MAX * 2 + 16], more[64];
	size_t i, used = 0;
	int row = 0, cells = 0, cw;

	line[0] = '\0';
	for (i = 0; i < vv->nvoters && row < h; i++) {
		if (store_officer_get(t, vv->voters[i], o, NULL) != 0)
			continue;
		if (store_agency_get(t, o->agency, &a, NULL) != 0)
			a.name[0] = '\0';
		snprintf(one, sizeof one, "%s%s（%s）", used ? "、" : "",
		    o->name, a.name);
		cw = (int)text_width(one);
		/* The last line keeps room to say how many are left. */
		if (cells + cw > w || (row == h - 1 && cells + cw > w - 16)) {
			ui_put(ui, y + row, x, w, line, UI_NORMAL);
			row++;
			used = 0;
			cells = 0;
			line[0] = '\0';
			if (row == h)
				break;
			snprintf(one, sizeof one, "%s（%s）", o->name, a.name);
			cw = (int)text_width(one);
		}
		used += (size_t)snprintf(line + used, sizeof line - used, "%s",
		    one);
		cells += cw;
	}
	if (row < h) {
		if (i < vv->nvoters) {
			snprintf(more, sizeof more, _(" … %zu more"),
			    vv->nvoters - i);
			str_copy(line + used, more, sizeof line - used);
		}
		ui_put(ui, y + row, x, w, line, UI_NORMAL);
	} else if (i < vv->nvoters) {
		snprintf(more, sizeof more, _("… %zu more"), vv->nvoters - i);
		ui_putr(ui, y + h - 1, x + w - 15, 15, more, UI_DIM);
	}
	free(o);
}

static void
vote_draw(struct ui *ui, void *arg)
{
	struct vote_view *vv = arg;
	struct store_txn *t;
	struct candidate *cd;
	struct issue *is;
	struct agency a;
	char line[1024], title[OGPO_TEXT_MAX + 64], day[16], n[16], ka[64];
	int y = 2, x = 2, w = ui->cols - 4, bottom = ui->rows - 3, row, lh,
	    sw = w >= 110 ? 32 : 16, tw = w - 7 - 7 - 17 - sw - 1;
	enum ui_attr attr;
	uint32_t i;

	if (vv->seen != ui->txnid)
		vote_reload(vv);
	if (vv->vote == 0 || vv->gone) {
		ui_box(ui, 1, 0, ui->rows - 2, ui->cols, _("Topic vote"));
		ui_key_label(ui, UI_CTX_VOTE, UA_OPEN_VOTE, ka, sizeof ka);
		snprintf(line, sizeof line, vv->gone ? _("This vote was "
		    "deleted. %s opens a new one.") : _("No topic vote yet: "
		    "%s opens one (the coordinator, an admin)."), ka);
		ui_put(ui, y, x, w, line, vv->gone ? UI_ERROR : UI_DIM);
		return;
	}
	snprintf(title, sizeof title, _("Topic vote #%u: %s"), vv->vote,
	    vv->v.title);
	ui_box(ui, 1, 0, ui->rows - 2, ui->cols, title);
	snprintf(line, sizeof line, _("%s, %s. %zu of %zu eligible POs have "
	    "voted."), date_show(vv->v.date, day, sizeof day),
	    _(model_enum_label(&model_vote_statuses, vv->v.status)),
	    vv->k.ballots, vv->k.eligible);
	ui_put(ui, y, x, w, line, UI_NORMAL);
	if (store_read_begin(ui->store, &t, NULL) != 0)
		return;
	is = xmalloc(sizeof *is);
	if (vv->v.status == VOTE_CLOSED) {
		size_t used = (size_t)snprintf(line, sizeof line, "%s",
		    _("Chosen: "));

		for (i = 0; i < vv->v.nchosen && i < OGPO_COLLAB_MAX &&
		    used < sizeof line; i++)
			if (store_issue_get(t, vv->v.chosen[i], is, NULL) == 0)
				used += (size_t)snprintf(line + used,
				    sizeof line - used, "%s%s %s", i ?
				    _("; ") : "", is->serial, is->title);
		str_utf8_cut(line);
		ui_put(ui, y + 1, x, w, line, UI_NORMAL);
	} else if (vv->k.tie && vv->k.ballots > 0)
		ui_put(ui, y + 1, x, w, _("A tie decides the second place: "
		    "closing asks which two are chosen."), UI_MARK);
	else
		ui_put(ui, y + 1, x, w, _("Approval voting: the two most "
		    "approved become tracked cases."), UI_DIM);
	ui_put(ui, y + 2, x, 6, _("Votes"), UI_TITLE);
	ui_put(ui, y + 2, x + 7, 6, C_("candidate", "No."), UI_TITLE);
	ui_put(ui, y + 2, x + 14, tw, _("Candidate"), UI_TITLE);
	ui_put(ui, y + 2, x + 15 + tw, 16, _("Lead agency"), UI_TITLE);
	ui_put(ui, y + 2, x + 32 + tw, sw, _("Source"), UI_TITLE);
	/* The candidates take what they need, leaving the voters three
	 * lines at least. */
	lh = bottom - (y + 3) - 4;
	if (lh > (int)vv->list.count)
		lh = vv->list.count > 0 ? (int)vv->list.count : 1;
	if (lh < 1)
		lh = 1;
	cd = xmalloc(sizeof *cd);
	vlist_load(&vv->list, NULL, lh);
	vlist_place(&vv->list, y + 3, x, w);
	for (row = 0; row < vv->list.nrows; row++) {
		attr = row == vv->list.sel ? UI_SELECT : UI_NORMAL;
		ui_fill(ui, y + 3 + row, x, w, attr);
		if (store_get(t, ENTITY_CANDIDATE, vv->list.rows[row], cd,
		    NULL) != 0)
			continue;
		snprintf(n, sizeof n, "%u", vote_approvals(vv, cd->h.id));
		ui_putr(ui, y + 3 + row, x, 5, n, attr);
		snprintf(n, sizeof n, "#%u", cd->h.id);
		ui_put(ui, y + 3 + row, x + 7, 6, n, attr);
		snprintf(line, sizeof line, "%s%s", vote_chosen(&vv->v, cd) ?
		    _("(chosen) ") : "", cd->title);
		str_utf8_cut(line);
		ui_put(ui, y + 3 + row, x + 14, tw, line, attr);
		if (store_agency_get(t, cd->lead, &a, NULL) != 0)
			a.name[0] = '\0';
		ui_put(ui, y + 3 + row, x + 15 + tw, 16, a.name, attr);
		ui_put(ui, y + 3 + row, x + 32 + tw, sw, cd->source, attr);
	}
	if (vv->list.count == 0) {
		ui_key_label(ui, UI_CTX_VOTE, UA_ADD, ka, sizeof ka);
		snprintf(line, sizeof line, _("No candidates yet: %s puts a "
		    "proposed case to the vote."), ka);
		ui_put(ui, y + 3, x, w, line, UI_DIM);
	}
	row = y + 3 + lh + 1;
	snprintf(line, sizeof line, _("Eligible voters, the POs in office on "
	    "%s: %zu"), date_show(vv->v.date, day, sizeof day), vv->nvoters);
	ui_put(ui, row, x, w, line, UI_TITLE);
	if (bottom - row > 0)
		vote_draw_voters(ui, vv, t, row + 1, x, w, bottom - row);
	free(cd);
	free(is);
	store_read_end(t);
}

/* May this user enter kind in the vote? If not, say why (1: may). */
static int
vote_may(struct vote_view *vv, enum entity_kind kind, const void *rec)
{
	struct store_txn *t;
	char *cause = NULL;
	int rc;

	if (store_read_begin(vv->ui->store, &t, &cause) != 0) {
		ui_message(vv->ui, 1, "%s", cause ? cause : _("not read"));
		free(cause);
		return 0;
	}
	rc = core_may(vv->ui->core, t, kind, NULL, rec, &cause);
	store_read_end(t);
	if (rc != 0) {
		ui_message(vv->ui, 1, "%s", cause ? cause : _("not allowed"));
		free(cause);
		return 0;
	}
	if (vv->vote != 0 && vv->v.status == VOTE_CLOSED &&
	    kind != ENTITY_VOTE) {
		ui_message(vv->ui, 1, _("Vote #%u is closed; its candidates "
		    "and ballots stay as they were."), vv->vote);
		return 0;
	}
	return 1;
}

/* o: a new vote, dated today, for the coordinator to confirm. */
static void
vote_open(struct vote_view *vv)
{
	struct vote *v = xcalloc(1, sizeof *v);
	int made;

	date_today(v->date);
	/* The month as the reader's dates are shown: 115年12月 with
	 * date_style = roc (民國), 2026-12 otherwise. */
	if (i18n_date_style() == I18N_DATE_ROC)
		snprintf(v->title, sizeof v->title, "%d年%d月議題票選",
		    atoi(v->date) - 1911, atoi(v->date + 5));
	else
		snprintf(v->title, sizeof v->title, "%.7s 議題票選", v->date);
	v->status = VOTE_OPEN;
	if (vote_may(vv, ENTITY_VOTE, v) &&
	    (made = pane_edit(vv->ui, ENTITY_VOTE, 0, v,
	    _("New topic vote"))) != 0) {
		vv->vote = (uint32_t)made;
		vote_reload(vv);
	}
	free(v);
}

struct vote_op {
	uint32_t	 vote, officer;
	uint32_t	 choice[OGPO_COLLAB_MAX];
	size_t		 n;
	int		 replaced;
	struct candidate cd;
};

static int
vote_candidate_txn(struct core *c, struct store_txn *t, void *arg,
    char **cause)
{
	return core_save(c, t, ENTITY_CANDIDATE, &((struct vote_op *)arg)->cd,
	    cause);
}

/* a: put a case at the stage proposed to the vote. */
static void
vote_add(struct vote_view *vv)
{
	struct store_txn *t;
	struct store_cursor *c;
	struct vote_op *op = xcalloc(1, sizeof *op);
	struct issue *is = xmalloc(sizeof *is);
	struct agency a;
	uint32_t *ids = NULL, cid;
	char **cells = NULL, **rows = NULL, *cause = NULL, num[16];
	size_t n = 0, cap = 0, ccap = 0, i, sel = 0;
	int taken;

	op->cd.vote = vv->vote;
	if (vv->vote == 0 || !vote_may(vv, ENTITY_CANDIDATE, &op->cd))
		goto out;
	if (store_read_begin(vv->ui->store, &t, NULL) != 0)
		goto out;
	if (store_cursor_open(t, IX_ISSUE, NULL, &c, NULL) == 0) {
		while (store_cursor_move(c, STORE_NEXT) == 0) {
			if (store_cursor_get(c, is, NULL) != 0 ||
			    is->stage != CASE_PROPOSED)
				continue;
			/* Not twice in one vote. */
			for (i = 0, taken = 0; i < vv->list.count && !taken;
			    i++)
				taken = store_get(t, ENTITY_CANDIDATE,
				    vv->list.ids[i], &op->cd, NULL) == 0 &&
				    op->cd.issue == is->h.id;
			if (taken)
				continue;
			if (store_agency_get(t, is->lead, &a, NULL) != 0)
				a.name[0] = '\0';
			ids = xgrow(ids, &cap, n + 1, sizeof *ids);
			ids[n] = is->h.id;
			cells = xgrow(cells, &ccap, 3 * (n + 1), sizeof *cells);
			cells[3 * n] = xstrdup(is->serial);
			cells[3 * n + 1] = xstrdup(a.name);
			cells[3 * n + 2] = xstrdup(is->title);
			n++;
		}
		store_cursor_close(c);
	}
	store_read_end(t);
	if (n == 0) {
		ui_message(vv->ui, 1, _("No case is at the stage proposed, or "
		    "each is a candidate already: add the case on the Cases "
		    "tab first."));
		goto out;
	}
	rows = ui_columns((const char *const *)cells, n, 3, 40);
	if (ui_pick(vv->ui, _("Put which proposed case to the vote?"),
	    (const char *const *)rows, n, &sel, 0) != 1)
		goto out;
	if (store_read_begin(vv->ui->store, &t, NULL) != 0)
		goto out;
	taken = store_issue_get(t, ids[sel], is, NULL);
	store_read_end(t);
	if (taken != 0)
		goto out;
	memset(&op->cd, 0, sizeof op->cd);
	op->cd.vote = vv->vote;
	op->cd.issue = is->h.id;
	op->cd.lead = is->lead;
	str_copy(op->cd.title, is->title, sizeof op->cd.title);
	/* Where it came from, in the words the records use (data). */
	snprintf(op->cd.source, sizeof op->cd.source, "%s%s%s",
	    is->source >= SOURCE_JOIN && is->source <= SOURCE_MAX ?
	    model_case_sources.zh[is->source] : "", is->join_no[0] ? " " : "",
	    is->join_no);
	str_utf8_cut(op->cd.source);
	if (core_run(vv->ui->core, vote_candidate_txn, op, &cause) != 0) {
		ui_message(vv->ui, 1, "%s", cause ? cause : _("not saved"));
		free(cause);
		goto out;
	}
	cid = op->cd.h.id;
	ui_changed(vv->ui);
	vote_reload(vv);
	vv->list.want = cid;
	snprintf(num, sizeof num, "#%u", cid);
	ui_message(vv->ui, 0, _("Case %s is candidate %s of the vote."),
	    is->serial, num);
out:
	for (i = 0; i < 3 * n; i++)
		free(cells[i]);
	for (i = 0; rows != NULL && i < n; i++)
		free(rows[i]);
	free(rows);
	free(cells);
	free(ids);
	free(is);
	free(op);
}

static int
vote_ballot_txn(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct vote_op *op = arg;

	return core_vote_ballot(c, t, op->vote, op->officer, op->choice,
	    op->n, &op->replaced, cause);
}

/*
 * b: one voter's ballot from the sheet: pick the voter, tick the topics
 * they approve. Their earlier choices are not shown: a ballot entered
 * again replaces the whole of it.
 */
static void
vote_ballot(struct vote_view *vv)
{
	struct store_txn *t;
	struct officer *o = xmalloc(sizeof *o);
	struct candidate *cd = xmalloc(sizeof *cd);
	struct vote_op *op = xcalloc(1, sizeof *op);
	struct ballot b;
	struct agency a;
	char **cells = NULL, **rows = NULL, **labels = NULL, *on = NULL;
	char *cause = NULL, head[OGPO_NAME_MAX * 4 + 128];
	char who[OGPO_NAME_MAX * 3 + 16];
	size_t i, sel = 0, nc = vv->list.count;
	int voted;

	memset(&b, 0, sizeof b);
	b.vote = vv->vote;
	if (vv->vote == 0 || !vote_may(vv, ENTITY_BALLOT, &b))
		goto out;
	if (vv->nvoters == 0 || nc == 0) {
		ui_message(vv->ui, 1, nc == 0 ? _("The vote has no candidates "
		    "yet: add them first.") : _("No PO was in office on the "
		    "vote's date: nobody may vote."));
		goto out;
	}
	if (store_read_begin(vv->ui->store, &t, NULL) != 0)
		goto out;
	cells = xcalloc(3 * vv->nvoters, sizeof *cells);
	for (i = 0; i < vv->nvoters; i++) {
		if (store_officer_get(t, vv->voters[i], o, NULL) != 0)
			memset(o, 0, sizeof *o);
		if (store_agency_get(t, o->agency, &a, NULL) != 0)
			a.name[0] = '\0';
		cells[3 * i] = xstrdup(o->name);
		cells[3 * i + 1] = xstrdup(a.name);
		/* Whether they have voted, never how. */
		cells[3 * i + 2] = xstrdup(core_vote_ballot_of(t, vv->vote,
		    vv->voters[i]) != 0 ? _("has voted") : "");
	}
	labels = xcalloc(nc, sizeof *labels);
	for (i = 0; i < nc; i++)
		labels[i] = store_get(t, ENTITY_CANDIDATE, vv->list.ids[i], cd,
		    NULL) == 0 ? xasprintf("#%u %s", cd->h.id, cd->title) :
		    xstrdup("?");
	store_read_end(t);
	rows = ui_columns((const char *const *)cells, vv->nvoters, 3, 24);
	if (ui_pick(vv->ui, _("Whose ballot? (the POs in office on the "
	    "vote's date)"), (const char *const *)rows, vv->nvoters, &sel,
	    0) != 1)
		goto out;
	op->vote = vv->vote;
	op->officer = vv->voters[sel];
	voted = cells[3 * sel + 2][0] != '\0';
	/* With the agency: two POs may share a name (余美玲 of 教育部 and
	 * of 數位發展部). */
	snprintf(who, sizeof who, _("%s (%s)"), cells[3 * sel],
	    cells[3 * sel + 1]);
	snprintf(head, sizeof head, voted ? _("%s approves (replaces the "
	    "ballot entered before)") : _("%s approves"), who);
	on = xcalloc(nc, 1);
	if (ui_checklist(vv->ui, head, (const char *const *)labels, nc,
	    on) != 1)
		goto out;
	for (i = 0; i < nc && op->n < OGPO_COLLAB_MAX; i++)
		if (on[i])
			op->choice[op->n++] = vv->list.ids[i];
	if (core_run(vv->ui->core, vote_ballot_txn, op, &cause) != 0) {
		ui_message(vv->ui, 1, "%s", cause ? cause : _("not saved"));
		free(cause);
		goto out;
	}
	ui_changed(vv->ui);
	vote_reload(vv);
	ui_message(vv->ui, 0, op->replaced ? _("%s's ballot replaced. %zu of "
	    "%zu eligible POs have voted.") : _("%s's ballot entered. %zu of "
	    "%zu eligible POs have voted."), who, vv->k.ballots,
	    vv->k.eligible);
out:
	for (i = 0; cells != NULL && i < 3 * vv->nvoters; i++)
		free(cells[i]);
	for (i = 0; rows != NULL && i < vv->nvoters; i++)
		free(rows[i]);
	for (i = 0; labels != NULL && i < nc; i++)
		free(labels[i]);
	free(on);
	free(labels);
	free(rows);
	free(cells);
	free(op);
	free(cd);
	free(o);
}

/* Rows not entered, listed before the question (the rest counted). */
#define VOTE_NOTES_SHOWN	4

/* The sheet's ballots, entered or (a dry run) counted. */
struct vote_sheet_op {
	uint32_t		 vote;
	struct ballot_sheet	 bs;
	size_t			 added, replaced;
};

static int
vote_sheet_txn(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct vote_sheet_op *op = arg;

	return ballots_enter(c, t, op->vote, &op->bs, &op->added,
	    &op->replaced, cause);
}

/*
 * I: the collected sheet's ballots (a form's responses or a typed
 * sheet), as ogpo vote import reads them: every row refused is shown and
 * nothing entered; else what would be entered, and the rows that will
 * not be, are asked about first. No one's choices are shown.
 */
static void
vote_import(struct vote_view *vv)
{
	static const char *const answers[] = { N_("Enter them"),
		N_("Cancel") };
	const char *labels[2];
	struct vote_sheet_op *op = xcalloc(1, sizeof *op);
	struct ballot b;
	char path[1024] = "", *cause = NULL, *text;
	const char *notes;
	size_t sel = 0, lines, more, shown;

	memset(&b, 0, sizeof b);
	b.vote = vv->vote;
	if (vv->vote == 0 || !vote_may(vv, ENTITY_BALLOT, &b))
		goto out;
	if (ui_prompt_path(vv->ui, _("Enter the ballots from the file (a "
	    "form's responses, or the sheet typed)"), path, sizeof path) != 1 ||
	    path[0] == '\0')
		goto out;
	op->vote = vv->vote;
	if (ballots_read(vv->ui->core, vv->vote, path, &op->bs, &cause) != 0 ||
	    core_dry(vv->ui->core, vote_sheet_txn, op, &cause) != 0) {
		ui_text_popup(vv->ui, _("No ballot was entered"), cause ?
		    cause : _("not read"));
		goto out;
	}
	/* The rows not entered, as many as leave the answers in view. */
	notes = op->bs.notes ? op->bs.notes : "";
	for (shown = 0, lines = 0; notes[shown] != '\0' &&
	    lines < VOTE_NOTES_SHOWN; lines++) {
		shown += strcspn(notes + shown, "\n");
		shown += notes[shown] == '\n';
	}
	more = op->bs.superseded + op->bs.empty;
	more = more > lines ? more - lines : 0;
	text = xasprintf(_("%s: %zu ballots (%zu new, %zu replacing the "
	    "voter's earlier one).\n%.*s"), path, op->added + op->replaced,
	    op->added, op->replaced, (int)shown, notes);
	if (more > 0)
		xappendf(&text, _("… and %zu more rows not entered (ogpo vote "
		    "import %u FILE --dry-run lists them all)"), more,
		    vv->vote);
	labels[0] = _(answers[0]);
	labels[1] = _(answers[1]);
	if (ui_ask(vv->ui, _("Enter the ballots?"), text, labels, 2,
	    &sel) != 1 || sel != 0) {
		free(text);
		goto out;
	}
	free(text);
	if (core_run(vv->ui->core, vote_sheet_txn, op, &cause) != 0) {
		ui_message(vv->ui, 1, "%s", cause ? cause : _("not saved"));
		goto out;
	}
	ui_changed(vv->ui);
	vote_reload(vv);
	ui_message(vv->ui, 0, _("Entered %zu ballots (%zu new, %zu replaced). "
	    "%zu of %zu eligible POs have voted."), op->added + op->replaced,
	    op->added, op->replaced, vv->k.ballots, vv->k.eligible);
out:
	free(cause);
	ballots_free(&op->bs);
	free(op);
}

static int
vote_close_txn(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct vote_op *op = arg;

	return core_vote_close(c, t, op->vote, op->choice, op->n, cause);
}

/*
 * Each candidate of the tally as it now stands, most approved first, "33
 * approvals  #4 title", as a new array of vv->k.n (free each and it).
 */
static char **
vote_close_labels(struct vote_view *vv)
{
	struct store_txn *t;
	struct candidate *cd = xmalloc(sizeof *cd);
	char **labels = xcalloc(vv->k.n ? vv->k.n : 1, sizeof *labels);
	uint32_t id, n;
	size_t i;
	int rd;

	rd = store_read_begin(vv->ui->store, &t, NULL) == 0;
	for (i = 0; i < vv->k.n; i++) {
		id = vv->k.c[i].candidate;
		n = vv->k.c[i].approvals;
		labels[i] = rd && store_get(t, ENTITY_CANDIDATE, id, cd,
		    NULL) == 0 ? xasprintf(ngettext("%u approval  #%u %s",
		    "%u approvals  #%u %s", n), n, id, cd->title) :
		    xasprintf("#%u", id);
	}
	if (rd)
		store_read_end(t);
	free(cd);
	return labels;
}

/*
 * C: close the vote; where a tie decides, the coordinator picks two. What
 * is written is what was agreed to: ballots entered meanwhile may change
 * the two chosen or the tie, so the tally is read again once the
 * database has moved on and, if not the same, shown and asked again.
 */
static void
vote_close(struct vote_view *vv)
{
	struct vote_op *op = xcalloc(1, sizeof *op);
	struct vote v = vv->v;
	char **labels = NULL, *on = NULL, *cause = NULL, *now, *q;
	char *agreed = NULL, title[256];
	uint64_t seen;
	size_t i, nc = 0;
	int r;

	if (vv->vote == 0 || !vote_may(vv, ENTITY_VOTE, &v))
		goto out;
	op->vote = vv->vote;
	for (;;) {
		seen = store_last_txnid(vv->ui->store);
		vote_reload(vv);
		if (vv->gone) {
			ui_message(vv->ui, 1, _("Vote #%u was deleted meanwhile; "
			    "nothing was saved."), vv->vote);
			goto out;
		}
		if (vv->v.status == VOTE_CLOSED) {
			if (agreed == NULL)
				ui_message(vv->ui, 1, _("Vote #%u is closed "
				    "already (by %s)."), vv->vote,
				    vv->v.h.updated_by);
			else
				ui_message(vv->ui, 1, _("%s closed vote #%u "
				    "meanwhile; nothing was saved."),
				    vv->v.h.updated_by, vv->vote);
			goto out;
		}
		for (i = 0; labels != NULL && i < nc; i++)
			free(labels[i]);
		free(labels);
		nc = vv->k.n;
		labels = vote_close_labels(vv);
		/* A tie: every candidate counts; else the two chosen. */
		now = xstrdup(vv->k.tie ? "tie\n" : "");
		for (i = 0; i < nc && (vv->k.tie || i < VOTE_CHOSEN); i++)
			xappendf(&now, "  %s\n", labels[i]);
		if (agreed != NULL && strcmp(agreed, now) == 0) {
			free(now);
			break;
		}
		op->n = 0;
		if (vv->k.tie) {
			/* Those above the tie are chosen already. */
			free(on);
			on = xcalloc(nc ? nc : 1, 1);
			for (i = 0; i < nc; i++)
				on[i] = vv->k.c[i].approvals >
				    vv->k.c[VOTE_CHOSEN - 1].approvals;
			snprintf(title, sizeof title, "%s", agreed != NULL ?
			    _("Ballots came meanwhile; now a tie: choose the "
			    "two topics") : _("A tie: choose the two topics"));
			r = ui_checklist(vv->ui, title,
			    (const char *const *)labels, nc, on);
			for (i = 0; r == 1 && i < nc; i++)
				if (on[i] && op->n < VOTE_CHOSEN)
					op->choice[op->n++] =
					    vv->k.c[i].candidate;
				else if (on[i])
					op->n = VOTE_CHOSEN + 1;
			if (r == 1 && op->n != VOTE_CHOSEN) {
				ui_message(vv->ui, 1, _("Choose two topics; "
				    "the vote is still open."));
				free(now);
				goto out;
			}
		} else {
			q = xasprintf(_("%sClose vote #%u? The two most "
			    "approved topics become tracked cases at the "
			    "stage selected, and no more ballots are taken:\n"
			    "%s"), agreed != NULL ? _("Ballots came meanwhile; "
			    "the tally changed.\n") : "",
			    vv->vote, now);
			r = ui_confirm(vv->ui, _("Close the vote"), q);
			free(q);
		}
		free(agreed);
		agreed = now;
		if (r != 1) {
			if (r == UI_KEY_QUIT)
				vv->ui->quit = 1;
			goto out;
		}
		if (store_last_txnid(vv->ui->store) == seen)
			break;
	}
	if (core_run(vv->ui->core, vote_close_txn, op, &cause) != 0) {
		ui_message(vv->ui, 1, "%s", cause ? cause : _("not saved"));
		free(cause);
		goto out;
	}
	ui_changed(vv->ui);
	vote_reload(vv);
	ui_message(vv->ui, 0, _("Vote #%u closed: the chosen topics are "
	    "tracked cases at the stage selected."), vv->vote);
out:
	for (i = 0; labels != NULL && i < nc; i++)
		free(labels[i]);
	free(labels);
	free(agreed);
	free(on);
	free(op);
}

/* v: another vote, from all of them (latest first). */
static void
vote_choose(struct vote_view *vv)
{
	struct store_txn *t;
	struct store_cursor *c;
	struct vote v;
	uint32_t *ids = NULL;
	char **cells = NULL, **rows = NULL;
	size_t n = 0, cap = 0, ccap = 0, i, sel = 0;

	if (store_read_begin(vv->ui->store, &t, NULL) != 0)
		return;
	if (store_cursor_open(t, IX_VOTE, NULL, &c, NULL) == 0) {
		while (store_cursor_move(c, STORE_PREV) == 0) {
			if (store_cursor_get(c, &v, NULL) != 0)
				continue;
			ids = xgrow(ids, &cap, n + 1, sizeof *ids);
			ids[n] = v.h.id;
			if (v.h.id == vv->vote)
				sel = n;
			cells = xgrow(cells, &ccap, 3 * (n + 1), sizeof *cells);
			cells[3 * n] = xstrdup(v.date);
			cells[3 * n + 1] = xstrdup(_(model_enum_label(
			    &model_vote_statuses, v.status)));
			cells[3 * n + 2] = xstrdup(v.title);
			n++;
		}
		store_cursor_close(c);
	}
	store_read_end(t);
	if (n == 0)
		ui_message(vv->ui, 1, _("There is no topic vote yet."));
	else {
		rows = ui_columns((const char *const *)cells, n, 3, 30);
		if (ui_pick(vv->ui, _("Which topic vote?"),
		    (const char *const *)rows, n, &sel, 0) == 1) {
			vv->vote = ids[sel];
			vote_reload(vv);
		}
	}
	for (i = 0; i < 3 * n; i++)
		free(cells[i]);
	for (i = 0; rows != NULL && i < n; i++)
		free(rows[i]);
	free(rows);
	free(cells);
	free(ids);
}

static void
vote_action(void *arg, enum ui_action a)
{
	struct vote_view *vv = arg;
	uint32_t id = vlist_selected(&vv->list);
	struct store_txn *t;
	struct candidate *cd;
	char *text = NULL, title[OGPO_TEXT_MAX + 1] = "";

	switch (a) {
	case UA_OPEN_VOTE:
		vote_open(vv);
		break;
	case UA_ADD:
		vote_add(vv);
		break;
	case UA_BALLOT:
		vote_ballot(vv);
		break;
	case UA_IMPORT:
		vote_import(vv);
		break;
	case UA_CLOSE_VOTE:
		vote_close(vv);
		break;
	case UA_VOTES:
		vote_choose(vv);
		break;
	case UA_DELETE:
		if (id != 0)
			pane_delete(vv->ui, ENTITY_CANDIDATE, id);
		break;
	case UA_SELECT:
	case UA_DETAIL:
		if (id == 0 || store_read_begin(vv->ui->store, &t, NULL) != 0)
			break;
		cd = xmalloc(sizeof *cd);
		if (store_get(t, ENTITY_CANDIDATE, id, cd, NULL) == 0) {
			text = pane_detail(t, ENTITY_CANDIDATE, cd);
			str_copy(title, cd->title, sizeof title);
		}
		free(cd);
		store_read_end(t);
		if (text != NULL)
			ui_text_popup(vv->ui, title, text);
		free(text);
		break;
	case UA_UNDO:
		pane_undo(vv->ui, 0);
		break;
	default:
		break;
	}
}

void
ui_vote(struct ui *ui)
{
	struct vote_view vv;

	memset(&vv, 0, sizeof vv);
	vv.ui = ui;
	vote_reload(&vv);
	ui->msg[0] = '\0';
	ui_layer_push_view(ui, vote_draw, &vv, ui->admin ? &vote_view_def :
	    &vote_reader_view);
	ui_layer_keys(ui, UI_CTX_VOTE, &vv.list, vote_action, &vv);
	ui_layer_pop(ui);
	vlist_free(&vv.list);
	free(vv.voters);
}
