/*
 * pane-issues.c — tracked cases (列管案件; once "issues", point 6): number,
 * stage, lead agency, the next deadline (core_case_next_due) and the title;
 * narrowed by stage, agency, what is overdue or trigger; the case's page
 * shows the whole case and its history as a timeline (stage changes and
 * progress reports, by day); p reports progress on the selected case; m
 * starts the meeting its stage is at (working, pre-meeting or
 * collaboration) with its invitees proposed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/codec.h"
#include "pane.h"

enum issues_filter {
	FILTER_NONE = 0,
	FILTER_STAGE,
	FILTER_AGENCY,		/* lead or co-organising */
	FILTER_OVERDUE,
	FILTER_OWED,		/* no progress from its lead this month */
	FILTER_TRIGGER
};

static struct {
	struct vlist	 list;
	struct ui_search search;
	enum issues_filter filter, was;	/* was: at the last reload */
	uint32_t	 value, was_value;	/* stage, agency or trigger bit */
	char		 what[160];	/* the filter, for the title line */
} issues;

/*
 * Does the lead agency of a case still followed (selected to response)
 * owe this month's progress report (辦理情形)? Each month every lead
 * agency reports on its open cases at the work meeting: one of its own
 * reports dated in this calendar month is that month's.
 */
static int
issues_owed(struct store_txn *t, const struct issue *is)
{
	struct store_cursor *c;
	struct progress p;
	char today[OGPO_DATE_MAX + 1];
	int owed = 1;

	if (is->stage < CASE_SELECTED || is->stage > CASE_RESPONSE)
		return 0;
	date_today(today);
	if (store_cursor_open(t, IX_ISSUE_PROGRESS, &is->h.id, &c,
	    NULL) != 0)
		return 0;
	while (owed && store_cursor_move(c, STORE_NEXT) == 0)
		if (store_cursor_get(c, &p, NULL) == 0 &&
		    p.agency == is->lead && strncmp(p.date, today, 7) == 0)
			owed = 0;
	store_cursor_close(c);
	return owed;
}

/* Does the case pass the filter? (the agency filter uses the index) */
static int
issues_pass(struct store_txn *t, const struct issue *is)
{
	char due[OGPO_DATE_MAX + 1];

	switch (issues.filter) {
	case FILTER_STAGE:
		return is->stage == issues.value;
	case FILTER_OVERDUE:
		return core_case_next_due(is, due);
	case FILTER_OWED:
		return (issues.value == 0 || is->lead == issues.value) &&
		    issues_owed(t, is);
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
	/* The same list again (a report saved takes its case off the
	 * owed list): the next case in its place. Narrowed anew: the
	 * first, unless the selected case is in it. */
	if (issues.filter == issues.was && issues.value == issues.was_value)
		vlist_held_again(&issues.list);
	else
		vlist_held(&issues.list);
	issues.was = issues.filter;
	issues.was_value = issues.value;
	is = xmalloc(sizeof *is);
	/* By number (year, then number), an agency's by id. */
	if (store_cursor_open(t, issues.filter == FILTER_AGENCY ?
	    IX_AGENCY_ISSUE : IX_CASE_SERIAL, issues.filter == FILTER_AGENCY ?
	    &issues.value : NULL, &c, NULL) == 0) {
		while (store_cursor_move(c, STORE_NEXT) == 0)
			if (issues.filter == FILTER_NONE ||
			    issues.filter == FILTER_AGENCY ||
			    (store_cursor_get(c, is, NULL) == 0 &&
			    issues_pass(t, is)))
				vlist_held_add(&issues.list,
				    store_cursor_id(c));
		store_cursor_close(c);
	}
	free(is);
	store_read_end(t);
}

/* The agency the picker starts at: the one the list is narrowed to, or
 * the selected case's lead, or the agency chosen elsewhere. */
static uint32_t
issues_agency(struct ui *ui)
{
	struct store_txn *t;
	struct issue *is;
	uint32_t id = vlist_selected(&issues.list), at = ui->agency;

	if (issues.filter == FILTER_AGENCY)
		return issues.value;
	if (id == 0 || store_read_begin(ui->store, &t, NULL) != 0)
		return at;
	is = xmalloc(sizeof *is);
	if (store_issue_get(t, id, is, NULL) == 0 && is->lead != 0)
		at = is->lead;
	free(is);
	store_read_end(t);
	return at;
}

/* Narrow to the cases agency leads or co-organises, as f does. */
static void
issues_narrow_agency(struct ui *ui, uint32_t agency)
{
	struct store_txn *t;
	struct agency a;

	issues.filter = FILTER_AGENCY;
	issues.value = agency;
	issues.what[0] = '\0';
	if (store_read_begin(ui->store, &t, NULL) == 0) {
		if (store_agency_get(t, agency, &a, NULL) == 0)
			snprintf(issues.what, sizeof issues.what,
			    _("agency: %s"), a.name);
		store_read_end(t);
	}
	issues_reload(ui);
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
	const char *labels[20];
	char buf[CASE_STAGE_MAX + 1][64];
	size_t n = 0, sel = 0, i;
	uint32_t ag;
	struct store_txn *t;
	struct agency a;

	labels[n++] = _("all cases");
	for (i = CASE_PROPOSED; i <= CASE_STAGE_MAX; i++) {
		snprintf(buf[i], sizeof buf[i], _("stage: %s"),
		    _(model_enum_label(&model_case_stages, i)));
		labels[n++] = buf[i];
	}
	labels[n++] = _("an agency, leading or co-organising…");
	labels[n++] = _("overdue: a Join deadline has passed");
	labels[n++] = _("progress owed: no report from the lead this month");
	for (i = 0; i < 3; i++)
		labels[n++] = _(triggers[i]);
	if (ui_pick(ui, _("Show which cases?"), labels, n, &sel, 0) != 1)
		return;
	issues.what[0] = '\0';
	if (sel == 0)
		issues.filter = FILTER_NONE;
	else if (sel <= CASE_STAGE_MAX) {
		issues.filter = FILTER_STAGE;
		issues.value = (uint32_t)sel;
		snprintf(issues.what, sizeof issues.what, "%s", labels[sel]);
	} else if (sel == CASE_STAGE_MAX + 1) {
		if ((ag = ui_pick_agency(ui, issues_agency(ui), 0)) == 0)
			return;
		issues_narrow_agency(ui, ag);
		return;
	} else if (sel == CASE_STAGE_MAX + 2) {
		issues.filter = FILTER_OVERDUE;
		snprintf(issues.what, sizeof issues.what, "%s", labels[sel]);
	} else if (sel == CASE_STAGE_MAX + 3) {
		/* Narrowed to an agency (:list cases --agency, a PO's own),
		 * what that agency owes as the lead: its reports. */
		ag = issues.filter == FILTER_AGENCY ? issues.value : 0;
		issues.value = 0;
		snprintf(issues.what, sizeof issues.what, "%s", labels[sel]);
		if (ag != 0 && store_read_begin(ui->store, &t, NULL) == 0) {
			if (store_agency_get(t, ag, &a, NULL) == 0) {
				issues.value = a.h.id;
				snprintf(issues.what, sizeof issues.what,
				    _("%s, led by %s"), labels[sel], a.name);
				str_utf8_cut(issues.what);
			}
			store_read_end(t);
		}
		issues.filter = FILTER_OWED;
	} else {
		issues.filter = FILTER_TRIGGER;
		issues.value = 1u << (sel - CASE_STAGE_MAX - 4);
		snprintf(issues.what, sizeof issues.what, "%s", labels[sel]);
	}
	issues_reload(ui);
}

void
pane_issues_narrow(struct ui *ui, uint32_t agency)
{
	if (agency == 0) {
		issues.filter = FILTER_NONE;
		issues_reload(ui);
	} else
		issues_narrow_agency(ui, agency);
}

/* One line of the timeline: its day (and time) first, to sort by, then
 * the order it was added in (a change of stage before a report). */
struct issues_event {
	char	 when[24];
	size_t	 seq;
	char	*line;
};

static void
issues_event_add(struct issues_event **ev, size_t *n, size_t *cap,
    const char *when, char *line)
{
	*ev = xgrow(*ev, cap, *n + 1, sizeof **ev);
	str_copy((*ev)[*n].when, when, sizeof (*ev)[*n].when);
	(*ev)[*n].seq = *n;
	(*ev)[(*n)++].line = line;
}

static int
issues_event_cmp(const void *a, const void *b)
{
	const struct issues_event *x = a, *y = b;
	int c = strcmp(x->when, y->when);

	if (c != 0)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/*
 * The case's meetings and its timeline, for its page: each change of
 * stage (from the audit trail) and each progress report, oldest first.
 */
/*
 * The resolutions meetings made about case id (決議事項), each with the
 * meeting that made it, its number there, whether it is still followed,
 * its due date and owners: what the meetings asked of the case.
 */
static void
issues_resolutions(struct store_txn *t, uint32_t id, char **text)
{
	struct store_cursor *c;
	struct resolution *r = xmalloc(sizeof *r);
	struct meeting m;
	struct agency ag;
	char line[1024], owners[256], day[16], due[16];
	size_t used;
	uint32_t i;
	int any = 0;

	if (store_cursor_open(t, IX_RESOLUTION, NULL, &c, NULL) != 0) {
		free(r);
		return;
	}
	while (store_cursor_move(c, STORE_NEXT) == 0) {
		if (store_cursor_get(c, r, NULL) != 0 || r->issue != id)
			continue;
		if (store_meeting_get(t, r->meeting, &m, NULL) != 0)
			snprintf(m.date, sizeof m.date, "#%u", r->meeting);
		owners[0] = '\0';
		for (i = used = 0; i < r->nowner && i < OGPO_COLLAB_MAX &&
		    used < sizeof owners; i++) {
			if (store_agency_get(t, r->owner[i], &ag, NULL) != 0)
				snprintf(ag.name, sizeof ag.name, "#%u",
				    r->owner[i]);
			used += (size_t)snprintf(owners + used,
			    sizeof owners - used, "%s%s", i ? _(", ") : "",
			    ag.name);
		}
		str_utf8_cut(owners);
		/* TRANSLATORS: a case's resolution: the meeting's date and
		 * the resolution's number there, followed or released, due
		 * date, owners: what was decided. */
		snprintf(line, sizeof line, _("%s-%u %s, due %s, %s: %s"),
		    date_show(m.date, day, sizeof day), r->number,
		    _(model_enum_label(&model_resolution_statuses,
		    r->status)), r->due[0] ? date_show(r->due, due,
		    sizeof due) : _("(none)"), owners, r->text);
		str_utf8_cut(line);
		pane_text_add(text, any++ ? "" : _("Resolutions"), line);
	}
	store_cursor_close(c);
	free(r);
}

/* The page's text and whether its Deadlines label is written yet. */
struct issues_due {
	char	**text;
	int	  any;
};

static void
issues_due_line(void *arg, const char *line)
{
	struct issues_due *d = arg;

	pane_text_add(d->text, d->any++ ? "" : _("Deadlines"), line);
}

static void
issues_more(struct store_txn *t, const struct issue *is, char **text)
{
	struct store_cursor *c;
	struct meeting m;
	struct progress p;
	struct agency ag;
	struct audit *a = xmalloc(sizeof *a);
	struct issue *then = xmalloc(2 * sizeof *then), *before = then + 1;
	struct issues_event *ev = NULL;
	struct issues_due owed = { text, 0 };
	char line[512], when[32], shown[32], arrow[8], day[16], mday[16];
	size_t n = 0, cap = 0, i;
	uint32_t id = is->h.id;
	int any = 0;

	snprintf(arrow, sizeof arrow, " %s ", ui_sym(UI_SYM_ARROW));
	/* What the case owes and by when, before what has been done: the
	 * dates above it are what the deadlines are counted from. */
	core_case_due_lines(is, issues_due_line, &owed);
	if (store_cursor_open(t, IX_MEETING_DATE, NULL, &c, NULL) == 0) {
		while (store_cursor_move(c, STORE_NEXT) == 0)
			if (store_cursor_get(c, &m, NULL) == 0 &&
			    m.issue == is->h.id) {
				snprintf(line, sizeof line, _("%s %s (%s)"),
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
	/* The audit trail: each change of stage. */
	if (store_cursor_open(t, IX_AUDIT, NULL, &c, NULL) == 0) {
		while (store_cursor_move(c, STORE_PREV) == 0) {
			if (store_cursor_get(c, a, NULL) != 0 ||
			    a->entity != ENTITY_ISSUE || a->id != is->h.id ||
			    codec_decode(&schema_issue, a->after, a->after_len,
			    then, NULL) != 0)
				continue;
			if (then->stage == 0)	/* written before schema 5 */
				continue;
			if (a->action == AUDIT_UPDATE &&
			    (codec_decode(&schema_issue, a->before,
			    a->before_len, before, NULL) != 0 ||
			    before->stage == then->stage))
				continue;
			/* Ordered by the ISO time, shown in date_style. */
			time_format(a->time, when, sizeof when);
			time_show(a->time, shown, sizeof shown);
			/* TRANSLATORS: a case's timeline: when, who: the
			 * stage it left, an arrow, the stage it entered. */
			issues_event_add(&ev, &n, &cap, when, xasprintf(_("%s "
			    "%s: %s%s%s"), shown, a->login, a->action ==
			    AUDIT_CREATE || before->stage == 0 ?
			    _("opened as ") : _(model_enum_label(
			    &model_case_stages, before->stage)),
			    a->action == AUDIT_CREATE || before->stage == 0 ?
			    "" : arrow, _(model_enum_label(&model_case_stages,
			    then->stage))));
		}
		store_cursor_close(c);
	}
	if (store_cursor_open(t, IX_ISSUE_PROGRESS, &id, &c, NULL) == 0) {
		while (store_cursor_move(c, STORE_NEXT) == 0) {
			if (store_cursor_get(c, &p, NULL) != 0)
				continue;
			if (store_agency_get(t, p.agency, &ag, NULL) != 0)
				snprintf(ag.name, sizeof ag.name, "#%u",
				    p.agency);
			mday[0] = '\0';
			if (p.meeting != 0 && store_meeting_get(t, p.meeting,
			    &m, NULL) == 0)
				date_show(m.date, mday, sizeof mday);
			/* A report written on the day it is dated comes
			 * at the time it was written: after the case was
			 * opened that morning, not before. */
			time_format(p.h.updated_at, when, sizeof when);
			if (strncmp(when, p.date, 10) != 0)
				str_copy(when, p.date, sizeof when);
			issues_event_add(&ev, &n, &cap, when, mday[0] ?
			    xasprintf(_("%s %s reports (at the meeting of "
			    "%s): %s"), date_show(p.date, day, sizeof day),
			    ag.name, mday, p.text) : xasprintf(_("%s %s "
			    "reports: %s"), date_show(p.date, day, sizeof day),
			    ag.name, p.text));
		}
		store_cursor_close(c);
	}
	if (n > 0)
		qsort(ev, n, sizeof *ev, issues_event_cmp);
	/* Every event on a line of its own, indented alike: the first
	 * beside the label wrapped back to the margin, under the label. */
	if (n > 0)
		pane_text_add(text, _("Timeline"), _("oldest first"));
	for (i = 0; i < n; i++) {
		pane_text_add(text, "", ev[i].line);
		free(ev[i].line);
	}
	if (n == 0)
		pane_text_add(text, _("Timeline"), _("nothing yet: p reports "
		    "progress"));
	/* After the timeline, which is read first. */
	issues_resolutions(t, is->h.id, text);
	free(ev);
	free(then);
	free(a);
}

static void
issues_draw(struct ui *ui, int y, int x, int h, int w)
{
	struct store_txn *t;
	struct issue is;
	struct agency a;
	char due[OGPO_DATE_MAX + 1], day[16], shown[sizeof is.title + 32];
	int row, late, tw = w - 8 - 14 - 17 - 11;
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

		snprintf(title, sizeof title, _("Cases, %s (F shows all)"),
		    issues.what);
		ui_put(ui, y, x, w, title, UI_NORMAL);
	} else
		ui_put(ui, y, x, w, _("Tracked cases: p reports "
		    "progress, f narrows by stage, agency or overdue"),
		    UI_NORMAL);
	ui_put(ui, y + 1, x, 7, _("No."), UI_TITLE);
	ui_put(ui, y + 1, x + 8, 13, _("Stage"), UI_TITLE);
	ui_put(ui, y + 1, x + 22, 16, _("Lead agency"), UI_TITLE);
	ui_put(ui, y + 1, x + 39, 10, _("Due"), UI_TITLE);
	ui_put(ui, y + 1, x + 50, tw, _("Title"), UI_TITLE);
	vlist_load(&issues.list, t, h - 2);
	vlist_place(&issues.list, y + 2, x, w);
	for (row = 0; row < issues.list.nrows; row++) {
		if (store_issue_get(t, issues.list.rows[row], &is, NULL) != 0)
			continue;
		if (store_agency_get(t, is.lead, &a, NULL) != 0)
			a.name[0] = '\0';
		late = core_case_next_due(&is, due);
		at = row == issues.list.sel ? UI_SELECT :
		    is.stage >= CASE_CLOSED ? UI_DIM : UI_NORMAL;
		ui_fill(ui, y + 2 + row, x, w, at);
		ui_put(ui, y + 2 + row, x, 7, is.serial, at);
		ui_put(ui, y + 2 + row, x + 8, 13,
		    _(model_enum_label(&model_case_stages, is.stage)),
		    is.status == ISSUE_ESCALATED && at == UI_NORMAL ?
		    UI_MARK : at);
		ui_put(ui, y + 2 + row, x + 22, 16, a.name, at);
		ui_put(ui, y + 2 + row, x + 39, 10, due[0] ? date_show(due,
		    day, sizeof day) : "", late && at == UI_NORMAL ? UI_MARK :
		    at);
		/* In words too, as the resolutions say it: a colour is lost
		 * on the selected row, in mono and to some eyes. */
		snprintf(shown, sizeof shown, "%s%s", late ?
		    _("(overdue) ") : "", is.title);
		ui_put(ui, y + 2 + row, x + 50, tw, shown, at);
	}
	/* Narrowed to nothing, the cases are there still: say how back. */
	if (issues.list.count == 0 && issues.filter != FILTER_NONE)
		ui_put(ui, y + 2, x, w, _("No case is in what is shown: F "
		    "shows them all."), UI_DIM);
	else if (issues.list.count == 0)
		ui_put(ui, y + 2, x, w, _("No cases yet: a adds one."),
		    UI_DIM);
	store_read_end(t);
}

static int
issues_match(struct store_txn *t, uint32_t id, void *arg)
{
	struct issue *is = xmalloc(sizeof *is);
	struct agency a;
	int r = 0;

	/* By its number too: 115-07 is how a case is named at the
	 * meeting, in ogpo due and in the tracking table. */
	if (store_issue_get(t, id, is, NULL) == 0)
		r = ui_contains(is->serial, arg) ||
		    ui_contains(is->join_no, arg) ||
		    ui_contains(is->title, arg) ||
		    ui_contains(is->description, arg) ||
		    (store_agency_get(t, is->lead, &a, NULL) == 0 &&
		    ui_contains(a.name, arg));
	free(is);
	return r;
}

/* A line of the deadlines' report, added to the popup's text. */
static void
issues_deadline_line(void *arg, const char *line)
{
	xappendf(arg, "%s\n", line);
}

/*
 * What is owed: every deadline overdue or due within 14 days, per
 * agency, as `ogpo due` says it (and, scoped, what ogpo check mails);
 * with the list narrowed to an agency (a PO's own), that agency's alone,
 * as `ogpo due --agency` says it.
 */
static char *
issues_deadlines_text(struct ui *ui, void *arg, char *title, size_t n)
{
	struct store_txn *t;
	struct core_due u;
	struct agency a;
	char *text = NULL, *cause = NULL;
	uint32_t agency = issues.filter == FILTER_AGENCY ? issues.value : 0;

	(void)arg;
	str_copy(title, _("Deadlines: overdue and due within 14 days"), n);
	if (store_read_begin(ui->store, &t, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return NULL;
	}
	if (agency != 0 && store_agency_get(t, agency, &a, NULL) == 0) {
		snprintf(title, n, _("Deadlines of %s: every one still open"),
		    a.name);
		str_utf8_cut(title);
	} else
		agency = 0;
	/* One agency's are few: all of them, what is due in two months
	 * (a Join response, a resolution) too. */
	core_due_init(&u, agency != 0 ? 3650 : 14, agency);
	/* How many first: the list can be longer than the screen. */
	if (core_due_collect(t, &u) == 0) {
		char day[16], *sum = agency == 0 ? core_due_summary(&u) :
		    xasprintf(_("%zu overdue, %zu to come (as of %s; calendar "
		    "days)."), u.overdue, u.n - u.overdue, date_show(u.today,
		    day, sizeof day));

		issues_deadline_line(&text, sum);
		issues_deadline_line(&text, "");
		free(sum);
		core_due_lines(t, &u, issues_deadline_line, &text);
	}
	store_read_end(t);
	core_due_free(&u);
	return text != NULL ? text : xstrdup("");
}

/* The same, kept up to date as agencies report while it is read. */
static void
issues_deadlines(struct ui *ui)
{
	ui_live_popup(ui, issues_deadlines_text, NULL);
}

/* p on a case none of whose agencies is within the editor's scope. */
static void
issues_not_yours(struct ui *ui, struct store_txn *t, const struct issue *is)
{
	struct agency a;

	if (store_agency_get(t, is->lead, &a, NULL) != 0)
		snprintf(a.name, sizeof a.name, "#%u", is->lead);
	ui_message(ui, 1, _("Progress on %s is reported by its lead agency "
	    "(%s) or a co-organiser; you (%s) may write for none of them."),
	    is->serial, a.name, core_login(ui->core));
}

/*
 * The case *arg with its meetings and timeline, made again as others
 * report progress or move it on while it is read; NULL once it is gone.
 */
static char *
issues_detail(struct ui *ui, void *arg, char *title, size_t n)
{
	struct store_txn *t;
	struct issue *is;
	char *text = NULL;

	if (store_read_begin(ui->store, &t, NULL) != 0)
		return NULL;
	is = xmalloc(sizeof *is);
	if (store_issue_get(t, *(uint32_t *)arg, is, NULL) == 0) {
		text = pane_detail(t, ENTITY_ISSUE, is);
		issues_more(t, is, &text);
		str_copy(title, is->title, n);
	}
	free(is);
	store_read_end(t);
	return text;
}

static int
issues_action(struct ui *ui, enum ui_action a)
{
	uint32_t id = vlist_selected(&issues.list), i;
	struct store_txn *t;
	struct issue *is;
	char title[OGPO_TEXT_MAX + 1] = "";

	issues.search.narrowed = issues.filter != FILTER_NONE ?
	    UI_CTX_ISSUES : UI_CTX_GLOBAL;
	if (pane_move(ui, &issues.list, a) ||
	    ui_search_action(ui, &issues.search, &issues.list, a,
	    issues_match))
		return 1;
	switch (a) {
	case UA_SELECT:
	case UA_DETAIL:
		if (id != 0)
			ui_live_popup(ui, issues_detail, &id);
		return 1;
	case UA_ADD:
		is = xcalloc(1, sizeof *is);
		is->stage = CASE_PROPOSED;
		is->source = SOURCE_OTHER;
		is->lead = ui->agency;
		/* The cursor lands on the new case. */
		ui->want_issue = (uint32_t)pane_edit(ui, ENTITY_ISSUE, 0, is,
		    _("New case"));
		free(is);
		return 1;
	case UA_EDIT:
		if (id != 0)
			pane_edit(ui, ENTITY_ISSUE, id, NULL, _("Edit case"));
		return 1;
	case UA_ADD_PROGRESS:
		if (id == 0 || store_read_begin(ui->store, &t, NULL) != 0)
			return 1;
		is = xmalloc(sizeof *is);
		if (store_issue_get(t, id, is, NULL) == 0) {
			struct progress p;

			memset(&p, 0, sizeof p);
			p.issue = id;
			p.agency = is->lead;
			/* A report is its agency's: the person's own, where
			 * they are a co-organiser's editor. */
			for (i = 0; i < is->ncollab && i < OGPO_COLLAB_MAX &&
			    core_may(ui->core, t, ENTITY_PROGRESS, NULL, &p,
			    NULL) != 0; i++)
				p.agency = is->collab[i];
			if (core_may(ui->core, t, ENTITY_PROGRESS, NULL, &p,
			    NULL) != 0) {
				p.agency = is->lead;
				/* An editor of none of its agencies: said at
				 * once, not after a report is typed. */
				if (is->stage != CASE_CLOSED &&
				    core_may_write(ui->core, t, NULL) == 0 &&
				    core_may(ui->core, t, ENTITY_PROGRESS,
				    NULL, &p, NULL) != 0) {
					issues_not_yours(ui, t, is);
					store_read_end(t);
					free(is);
					return 1;
				}
			}
			date_today(p.date);
			snprintf(title, sizeof title, _("Progress on %s"),
			    is->serial);
			store_read_end(t);
			free(is);
			pane_edit(ui, ENTITY_PROGRESS, 0, &p, title);
			issues_reload(ui);
			return 1;
		}
		free(is);
		store_read_end(t);
		return 1;
	case UA_DELETE:
		pane_delete(ui, ENTITY_ISSUE, id);
		return 1;
	case UA_FILTER_AGENCY:
		issues_choose_filter(ui);
		return 1;
	case UA_VOTE:
		ui_vote(ui);
		return 1;
	case UA_DEADLINES:
		issues_deadlines(ui);
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
				 * add the meeting its stage is at: a case
				 * selected or at its working meeting meets
				 * for that (工作會議), then the pre-meeting
				 * (會前會), then the collaboration meeting. */
				char base[200];
				const char *what = "議題協作會議";

				if (is->stage == CASE_PREMEETING)
					what = "會前會";
				else if (is->stage == CASE_PROPOSED ||
				    is->stage == CASE_SELECTED ||
				    is->stage == CASE_WORKING)
					what = "工作會議";
				str_copy(base, is->title, sizeof base);
				str_utf8_cut(base);
				snprintf(m.title, sizeof m.title, "%s%s", base,
				    what);
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
	{ UA_ADD_PROGRESS, N_("progress"), 1 },
	{ UA_NEW_MEETING, N_("meeting"), 1 },
	{ UA_VOTE, N_("vote"), 1 },
	{ UA_DEADLINES, N_("deadlines"), 1 },
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
	.title = N_("Cases"),
	.ctx = UI_CTX_ISSUES,
	.draw = issues_draw,
	.action = issues_action,
	.reload = issues_reload,
	.list = &issues.list,
	.hints = issues_hints,
};
