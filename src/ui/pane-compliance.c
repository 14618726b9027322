/*
 * pane-compliance.c — what breaks the regulation now, the same findings
 * as `ogpo check`: agencies without a PO or a supervisor, POs who are not
 * civil servants, months and quarters without their meetings, low
 * attendance, escalations left waiting. Enter shows what a finding is
 * about: a low-attendance one, the work meetings the agency missed (in a
 * layer of its own, Esc back to the finding); an officer's, their record;
 * an overdue resolution, the meeting's resolutions; a meeting not marked
 * held, its attendance; a case's, the case; an agency's, its officers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/compliance.h"
#include "pane.h"

static struct {
	struct vlist			 list;	/* finding numbers, from 1 */
	struct compliance_finding	*f;
	size_t				 n, cap;
	struct compliance_options	 o;
} comp;

static void
comp_add(void *arg, const struct compliance_finding *f)
{
	(void)arg;
	comp.f = xgrow(comp.f, &comp.cap, comp.n + 1, sizeof *comp.f);
	comp.f[comp.n++] = *f;
}

static void
comp_reload(struct ui *ui)
{
	struct store_txn *t;
	size_t i;

	char *warning = NULL;

	compliance_defaults(&comp.o);
	comp.o.rolling = 1;	/* as `ogpo check` without --year */
	if (compliance_config(&comp.o, &warning) != 0) {
		ui_message(ui, 1, "%s", warning);
		free(warning);
	}
	comp.n = 0;
	if (store_read_begin(ui->store, &t, NULL) != 0)
		return;
	compliance_check(t, &comp.o, comp_add, NULL);
	store_read_end(t);
	vlist_held(&comp.list);
	for (i = 0; i < comp.n; i++)
		vlist_held_add(&comp.list, (uint32_t)i + 1);
}

/* The selected finding's whole sentence, wrapped under the list when
 * rows cut sentences (at 80 columns). */
#define COMP_FOOT_MAX	3

/* Lines finding f's sentence takes wrapped to w cells (then drawn at y
 * when ui is not NULL). */
static int
comp_foot(struct ui *ui, const struct compliance_finding *f, int y, int x,
    int w)
{
	char *s = xasprintf(_("%s: %s"), f->subject, f->detail);
	int n = ui_wrap_put(ui, s, y, x, w, COMP_FOOT_MAX, UI_DIM);

	free(s);
	return n < COMP_FOOT_MAX ? n : COMP_FOOT_MAX;
}

static void
comp_draw(struct ui *ui, int y, int x, int h, int w)
{
	const struct compliance_finding *f;
	char title[128], day[16];
	int row, sw = w / 4, rw, aw, cw, dw, foot = 0;
	size_t i;
	enum ui_attr at;

	snprintf(title, sizeof title, _("What breaks the regulation, as of "
	    "%s (%zu)"), date_show(comp.o.today, day, sizeof day), comp.n);
	ui_put(ui, y, x, w, title, UI_NORMAL);
	/* Rule and about as wide as their text (about at most a quarter):
	 * what is missing, the sentence, gets the rest. */
	rw = (int)text_width(_("Rule"));
	aw = (int)text_width(_("About"));
	for (i = 0; i < comp.n; i++) {
		cw = (int)text_width(_(model_enum_label(&compliance_rules,
		    comp.f[i].rule)));
		rw = cw > rw ? cw : rw;
		cw = (int)text_width(comp.f[i].subject);
		aw = cw > aw ? cw : aw;
	}
	rw = rw < 22 ? rw : 22;
	sw = aw < sw ? aw : sw;
	dw = w - rw - 2 - sw;
	/* A sentence cut in its row is read whole below the list: room
	 * for the longest one, so the list keeps its height as the
	 * selection moves. */
	for (i = 0; i < comp.n; i++)
		if ((int)text_width(comp.f[i].detail) > dw &&
		    (cw = comp_foot(NULL, &comp.f[i], 0, 0, w)) > foot)
			foot = cw;
	if (foot > 0 && h - 3 - foot < 3)
		foot = 0;	/* a tiny screen keeps its rows */
	ui_put(ui, y + 1, x, rw, _("Rule"), UI_TITLE);
	ui_put(ui, y + 1, x + rw + 1, sw, _("About"), UI_TITLE);
	ui_put(ui, y + 1, x + rw + 2 + sw, w - rw - 2 - sw,
	    _("What is missing"), UI_TITLE);
	vlist_load(&comp.list, NULL, h - 2 - (foot ? foot + 1 : 0));
	vlist_place(&comp.list, y + 2, x, w);
	for (row = 0; row < comp.list.nrows; row++) {
		f = &comp.f[comp.list.rows[row] - 1];
		at = row == comp.list.sel ? UI_SELECT : UI_NORMAL;
		ui_fill(ui, y + 2 + row, x, w, at);
		ui_put(ui, y + 2 + row, x, rw,
		    _(model_enum_label(&compliance_rules, f->rule)),
		    at == UI_SELECT ? at : UI_MARK);
		ui_put(ui, y + 2 + row, x + rw + 1, sw, f->subject, at);
		ui_put(ui, y + 2 + row, x + rw + 2 + sw, w - rw - 2 - sw,
		    f->detail, at);
	}
	if (comp.n == 0)
		ui_put(ui, y + 2, x, w, _("Nothing: every rule is kept."),
		    UI_DIM);
	if (foot > 0 && (i = vlist_selected(&comp.list)) != 0)
		comp_foot(ui, &comp.f[i - 1], y + h - foot, x, w);
}

/*
 * A finding read in its popup, looked for again as others write: the
 * same rule about the same agency, officer, case or meeting (about none,
 * the same month or quarter), its sentence as it is now.
 */
struct comp_seek {
	struct compliance_finding	 want, now;
	int				 found;	/* how like: 0 none, 7 same */
};

static void
comp_seek(void *arg, const struct compliance_finding *f)
{
	struct comp_seek *k = arg;
	const struct compliance_finding *w = &k->want;
	int like;

	if (f->rule != w->rule || f->agency != w->agency ||
	    f->officer != w->officer || f->issue != w->issue ||
	    f->meeting != w->meeting)
		return;
	/* A case's title or a count in the sentence may have changed;
	 * with nothing but the subject, a month is another month. */
	like = 1 + 2 * (strcmp(f->subject, w->subject) == 0) +
	    4 * (strcmp(f->detail, w->detail) == 0);
	if (like == 1 && f->agency == 0 && f->officer == 0 && f->issue == 0 &&
	    f->meeting == 0)
		return;
	if (like > k->found) {
		k->now = *f;
		k->found = like;
	}
}

static char *
comp_detail(struct ui *ui, void *arg, char *title, size_t n)
{
	struct comp_seek *k = arg;
	struct store_txn *t;

	if (store_read_begin(ui->store, &t, NULL) != 0)
		return NULL;
	k->found = 0;
	compliance_check(t, &comp.o, comp_seek, k);
	store_read_end(t);
	str_copy(title, _("Finding"), n);
	if (k->found == 0)
		return xasprintf(_("%s\n\n%s: %s\n\nNo longer found: what "
		    "others saved meanwhile mends it."),
		    _(model_enum_label(&compliance_rules, k->want.rule)),
		    k->want.subject, k->want.detail);
	return xasprintf(_("%s\n\n%s: %s\n"),
	    _(model_enum_label(&compliance_rules, k->now.rule)),
	    k->now.subject, k->now.detail);
}

static int
comp_action(struct ui *ui, enum ui_action a)
{
	uint32_t sel = vlist_selected(&comp.list);
	const struct compliance_finding *f = sel ? &comp.f[sel - 1] : NULL;

	if (pane_move(ui, &comp.list, a))
		return 1;
	if ((a != UA_SELECT && a != UA_DETAIL) || f == NULL)
		return 0;
	if (a == UA_DETAIL) {
		struct comp_seek k;

		memset(&k, 0, sizeof k);
		k.want = *f;
		ui_live_popup(ui, comp_detail, &k);
		return 1;
	}
	/* Show what the finding is about: the meetings an agency missed,
	 * the officer's record, the resolutions or the attendance of the
	 * meeting, the case; an agency's officers; the meetings. */
	if (f->rule == RULE_LOW_ATTENDANCE && f->agency != 0)
		ui_finding(ui, f, &comp.o);
	else if (f->officer != 0)
		ui_officer(ui, f->officer);
	else if (f->rule == RULE_RESOLUTION_OVERDUE && f->meeting != 0)
		ui_resolutions(ui, f->meeting);
	else if (f->meeting != 0)
		ui_attendance(ui, f->meeting);
	else if (f->issue != 0) {
		ui->want_issue = f->issue;
		ui_switch_tab(ui, 3);
	}
	else if (f->agency != 0) {
		ui->agency = f->agency;
		ui_switch_tab(ui, 1);
	} else
		ui_switch_tab(ui, 2);
	return 1;
}

static void
comp_fini(void)
{
	free(comp.f);
	comp.f = NULL;
	comp.n = comp.cap = 0;
}

static const struct ui_hint comp_hints[] = {
	{ UA_SELECT, N_("go to it"), 1 },
	{ UA_DETAIL, N_("read it"), 1 },
	{ UA_UNDO, N_("undo"), 1 },
	{ UA_QUIT, N_("quit"), 1 },
	{ UA_NONE, NULL, 0 }
};

const struct ui_pane ui_pane_compliance = {
	.title = N_("Compliance"),
	.ctx = UI_CTX_COMPLIANCE,
	.draw = comp_draw,
	.action = comp_action,
	.reload = comp_reload,
	.list = &comp.list,
	.fini = comp_fini,
	.hints = comp_hints,
};
