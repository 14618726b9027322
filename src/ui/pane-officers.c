/*
 * pane-officers.c — the officers table: name, agency, role, title, e-mail,
 * phone; all agencies or the one chosen in the tree; sorted by any
 * column; a detail panel beside it on wide screens. The whole table is
 * paged through an index, so a million officers show as fast as ten; one
 * agency's officers are few and are sorted in memory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/collate.h"
#include "pane.h"

#define OFFICERS_HELD_MAX 100000	/* sort in memory up to this many */

enum officers_col {
	COL_NAME = 0,
	COL_AGENCY,
	COL_ROLE,
	COL_TITLE,
	COL_EMAIL,
	COL_PHONE,
	COL_COUNT
};

static const char *const officers_titles[COL_COUNT] = {
	N_("Name"), N_("Agency"), N_("Role"), NC_("job", "Title"), N_("E-mail"),
	N_("Phone"),
};

/*
 * Sort orders: one per column, and names by stroke count (筆畫), as
 * Taiwan's registers list people. s steps through them with the stroke
 * order just after the name's; name_order = stroke starts there.
 */
#define SORT_STROKE	COL_COUNT
static const int officers_sorts[] = { COL_NAME, SORT_STROKE, COL_AGENCY,
	COL_ROLE, COL_TITLE, COL_EMAIL, COL_PHONE };
#define OFFICERS_NSORTS	(sizeof officers_sorts / sizeof officers_sorts[0])

/* What a sort order is called in the status line. */
static const char *
officers_sort_title(int sort)
{
	return sort == SORT_STROKE ? _("Name, by strokes (筆畫)") :
	    _(officers_titles[sort]);
}

/* The column whose heading carries the sort mark. */
static int
officers_sort_col(int sort)
{
	return sort == SORT_STROKE ? COL_NAME : sort;
}

static struct {
	struct vlist	 list;
	struct ui_search search;
	int		 sort, desc;
	int		 started;	/* the first build chose the order */
	uint32_t	 agency;	/* what the list was built for */
	int		 name_w;	/* the widest name shown since */
	int		 role_w;	/* and role ("incoming Alternate") */
} officers;

/* Sorting one agency's officers in memory. */
struct officers_row {
	uint32_t	 id;
	char		 key[OGPO_EMAIL_MAX + 1];
};

static int
officers_row_cmp(const void *a, const void *b)
{
	const struct officers_row *x = a, *y = b;
	int d = strcmp(x->key, y->key);

	return d != 0 ? d : (x->id > y->id) - (x->id < y->id);
}

static void
officers_key(struct store_txn *t, const struct officer *o, int col, char *buf,
    size_t n)
{
	struct agency a;

	switch (col) {
	case COL_AGENCY:
		if (store_agency_get(t, o->agency, &a, NULL) == 0)
			snprintf(buf, n, "%s", a.name);
		else
			buf[0] = '\0';
		break;
	case COL_ROLE:
		snprintf(buf, n, "%u", o->role);
		break;
	case COL_TITLE:
		snprintf(buf, n, "%s", o->title);
		break;
	case COL_EMAIL:
		str_lower(buf, o->email, n);
		break;
	case COL_PHONE:
		snprintf(buf, n, "%s", o->phone);
		break;
	case SORT_STROKE:
		/* The key holds no NUL byte, so strcmp orders it. */
		buf[collate_stroke_key(o->name, (uint8_t *)buf, n - 1)] = '\0';
		break;
	default:
		snprintf(buf, n, "%s", o->name);
	}
}

/* Hold the officers of the list's range, sorted by the sort column. */
static int
officers_hold(struct store_txn *t, const uint32_t *group)
{
	struct officers_row *rows;
	struct store_cursor *c;
	struct officer o;
	size_t n = store_count(t, IX_OFFICER_AGENCY, group), i = 0;

	if (n > OFFICERS_HELD_MAX)
		return -1;
	rows = xcalloc(n ? n : 1, sizeof *rows);
	if (store_cursor_open(t, IX_OFFICER_AGENCY, group, &c, NULL) == 0) {
		while (i < n && store_cursor_move(c, STORE_NEXT) == 0)
			if (store_cursor_get(c, &o, NULL) == 0) {
				rows[i].id = o.h.id;
				officers_key(t, &o, officers.sort, rows[i].key,
				    sizeof rows[i].key);
				i++;
			}
		store_cursor_close(c);
	}
	qsort(rows, i, sizeof *rows, officers_row_cmp);
	vlist_held(&officers.list);
	for (n = 0; n < i; n++)
		vlist_held_add(&officers.list,
		    rows[officers.desc ? i - 1 - n : n].id);
	free(rows);
	return 0;
}

/* Build the list for the agency filter and sort order. */
static void
officers_build(struct ui *ui)
{
	static const enum store_index by[COL_COUNT + 1] = {
		[COL_NAME] = IX_OFFICER_NAME, [COL_AGENCY] = IX_OFFICER_AGENCY,
		[COL_EMAIL] = IX_OFFICER_EMAIL, [SORT_STROKE] = IX_OFFICER_STROKE,
	};
	struct store_txn *t;
	uint32_t keep = vlist_selected(&officers.list);

	if (!officers.started) {
		officers.started = 1;
		if (i18n_name_order() == I18N_NAME_STROKE)
			officers.sort = SORT_STROKE;
	}
	officers.agency = ui->agency;
	officers.name_w = 0;
	officers.role_w = 0;
	if (store_read_begin(ui->store, &t, NULL) != 0)
		return;
	if (ui->agency != 0) {
		if (officers_hold(t, &ui->agency) != 0)
			vlist_paged(&officers.list, IX_OFFICER_AGENCY,
			    &ui->agency, officers.desc);
	} else if (by[officers.sort] != 0)
		vlist_paged(&officers.list, by[officers.sort], NULL,
		    officers.desc);
	else if (officers_hold(t, NULL) != 0) {
		ui_message(ui, 1, _("Too many officers to sort by %s; choose "
		    "an agency first (f), or sort by name, agency or e-mail"),
		    officers_sort_title(officers.sort));
		officers.sort = COL_NAME;
		vlist_paged(&officers.list, IX_OFFICER_NAME, NULL,
		    officers.desc);
	}
	if (keep != 0 && officers.list.paged)
		vlist_select_id(&officers.list, t, keep);
	store_read_end(t);
}

static void
officers_reload(struct ui *ui)
{
	struct store_txn *t;

	if (officers.list.paged && officers.agency == ui->agency) {
		/* Pages are read afresh at every draw; only the place of
		 * the top row may have moved. */
		if (store_read_begin(ui->store, &t, NULL) == 0) {
			vlist_recount(&officers.list, t);
			store_read_end(t);
		}
		return;
	}
	officers_build(ui);
}

/*
 * Column widths for w cells: the phone takes room for an extension, then
 * name and e-mail grow with the screen. A name
 * wider than its column (need cells) takes what e-mail, agency and title
 * can spare: a cut name is the one cut that hides who a row is. So does
 * a role said with its time (role_need: "incoming Alternate", 卸任工作
 * 小組), which cut would no longer say which designation it is.
 */
static void
officers_grow(int *cw, int col, int need)
{
	static const int least[COL_COUNT] = { 8, 10, 10, 6, 12, 12 };
	static const int giver[] = { COL_EMAIL, COL_AGENCY, COL_TITLE };
	int i, give;

	for (i = 0; i < 3 && need > cw[col]; i++) {
		give = cw[giver[i]] - least[giver[i]];
		if (give > need - cw[col])
			give = need - cw[col];
		if (give > 0) {
			cw[giver[i]] -= give;
			cw[col] += give;
		}
	}
}

static void
officers_widths(int w, int need, int role_need, int *cw)
{
	static const int base[COL_COUNT] = { 8, 16, 10, 8, 20, 12 };
	int i, used = 0, extra;

	for (i = 0; i < COL_COUNT; i++)
		used += base[i] + 1;
	extra = w - used;
	for (i = 0; i < COL_COUNT; i++)
		cw[i] = base[i];
	/* A phone with its extension (02-2729-9021#510) whole first: the
	 * number is what the desk calls. */
	if (extra > 0) {
		int more = extra < 5 ? extra : 5;

		cw[COL_PHONE] += more;
		extra -= more;
	}
	if (extra > 0) {
		cw[COL_AGENCY] += extra / 3;
		cw[COL_EMAIL] += extra / 3;
		cw[COL_NAME] += extra / 6;
		cw[COL_TITLE] += extra - 2 * (extra / 3) - extra / 6;
	} else
		cw[COL_PHONE] += extra;
	officers_grow(cw, COL_NAME, need);
	officers_grow(cw, COL_ROLE, role_need);
}

/* o's role, and whether the designation ended or is still to come. */
static void
officers_role(const struct officer *o, const char *today, char *buf,
    size_t n)
{
	const char *role = _(model_enum_label(&model_roles, o->role));

	if (o->end_date[0] != '\0' && strcmp(o->end_date, today) < 0)
		snprintf(buf, n, _("ended %s"), role);
	else if (o->start_date[0] != '\0' && strcmp(o->start_date,
	    today) > 0)
		snprintf(buf, n, _("incoming %s"), role);
	else
		snprintf(buf, n, "%s", role);
}

static int
officers_line_cmp(const void *a, const void *b)
{
	/* Newest first: each line starts with its date. */
	return strcmp(*(char *const *)b, *(char *const *)a);
}

/* The officer's attendance, newest meeting first: date, kind, status. */
static void
officers_attendance(struct store_txn *t, const struct officer *o,
    char **text)
{
	struct store_cursor *c;
	struct attendance at;
	struct meeting *m = xmalloc(sizeof *m);
	char **lines = NULL, day[16];
	size_t n = 0, cap = 0, i;

	if (store_cursor_open(t, IX_ATTENDANCE_OFFICER, &o->h.id, &c,
	    NULL) == 0) {
		while (store_cursor_move(c, STORE_NEXT) == 0)
			if (store_cursor_get(c, &at, NULL) == 0 &&
			    store_meeting_get(t, at.meeting, m, NULL) == 0) {
				lines = xgrow(lines, &cap, n + 1,
				    sizeof *lines);
				/* TRANSLATORS: meeting date, kind, status. */
				lines[n++] = xasprintf(_("%s %s: %s"),
				    date_show(m->date, day, sizeof day),
				    _(model_enum_label(&model_meeting_kinds,
				    m->kind)), _(model_enum_label(
				    &model_attend_statuses, at.status)));
			}
		store_cursor_close(c);
	}
	if (n > 0)
		qsort(lines, n, sizeof *lines, officers_line_cmp);
	for (i = 0; i < n; i++) {
		pane_text_add(text, i ? "" : _("Attendance"), lines[i]);
		free(lines[i]);
	}
	free(lines);
	free(m);
}

/*
 * What the officer's detail adds to the fields: training against the four
 * competencies of point 8 (which are covered, which are not), rewards.
 */
static void
officers_more(struct store_txn *t, const struct officer *o, char **text)
{
	struct store_cursor *c;
	struct training tr;
	struct reward rw;
	char line[2048 + 512], comp[256], day[16];
	uint32_t covered = 0;
	int any = 0, i, k;

	if (store_cursor_open(t, IX_OFFICER_TRAINING, &o->h.id, &c,
	    NULL) == 0) {
		while (store_cursor_move(c, STORE_NEXT) == 0) {
			if (store_cursor_get(c, &tr, NULL) != 0)
				continue;
			covered |= tr.competencies;
			model_competencies_words(tr.competencies, comp,
			    sizeof comp);
			snprintf(line, sizeof line, _("%s %s (%s h, %.96s) %s"),
			    date_show(tr.date, day, sizeof day), tr.course,
			    tr.hours[0] ? tr.hours : "?",
			    tr.provider[0] ? tr.provider : "-", comp);
			str_utf8_cut(line);
			pane_text_add(text, any++ ? "" : _("Training"), line);
		}
		store_cursor_close(c);
	}
	/* One line each: the panel beside the list is narrow. */
	for (i = 0, k = 0; i < 4; i++)
		k += (covered >> i) & 1;
	snprintf(line, sizeof line, _("%d of 4 covered"), k);
	pane_text_add(text, _("Competencies (point 8)"), line);
	for (i = 0; i < 4; i++) {
		snprintf(line, sizeof line, "%s %s",
		    covered & (1u << i) ? "[x]" : "[ ]",
		    _(model_competence_labels[i]));
		pane_text_add(text, "", line);
	}
	any = 0;
	if (store_cursor_open(t, IX_OFFICER_REWARD, &o->h.id, &c,
	    NULL) == 0) {
		while (store_cursor_move(c, STORE_NEXT) == 0)
			if (store_cursor_get(c, &rw, NULL) == 0) {
				/* TRANSLATORS: date, kind: reason. */
				snprintf(line, sizeof line, _("%s %s: %s"),
				    date_show(rw.date, day, sizeof day), rw.kind,
				    rw.reason);
				str_utf8_cut(line);
				pane_text_add(text, any++ ? "" :
				    _("Rewards (point 9)"), line);
			}
		store_cursor_close(c);
	}
	officers_attendance(t, o, text);
}

static void
officers_draw(struct ui *ui, int y, int x, int h, int w)
{
	struct store_txn *t;
	struct officer o;
	struct agency a;
	char title[OGPO_NAME_MAX + 96], key[32], role[64], phone[64], *detail;
	char agency[OGPO_NAME_MAX + 16];
	const char *cells[COL_COUNT];
	int cw[COL_COUNT], lw = w, i, c, cx, row;
	enum ui_attr at;

	if (officers.agency != ui->agency)
		officers_build(ui);
	if (w >= UI_WIDE_COLS)
		lw = w - 42;
	if (store_read_begin(ui->store, &t, NULL) != 0)
		return;
	vlist_load(&officers.list, t, h - 2);
	/* The widest name on screen since the list was built: the columns
	 * stay put while it scrolls past shorter names. */
	for (row = 0; row < officers.list.nrows; row++) {
		if (store_officer_get(t, officers.list.rows[row], &o,
		    NULL) != 0)
			continue;
		if ((c = (int)text_width(o.name)) > officers.name_w)
			officers.name_w = c;
		officers_role(&o, ui->today, role, sizeof role);
		if ((c = (int)text_width(role)) > officers.role_w)
			officers.role_w = c;
	}
	officers_widths(lw, officers.name_w, officers.role_w, cw);
	/* The title line says what is shown. */
	if (ui->agency != 0 && store_agency_get(t, ui->agency, &a, NULL) == 0) {
		/* Narrowed by Enter on an agency: the way back to all. */
		if (*ui_key_label(ui, UI_CTX_OFFICERS, UA_SHOW_ALL, key,
		    sizeof key) != '\0')
			snprintf(title, sizeof title, _("Officers of %s (%s "
			    "shows all)"), a.name, key);
		else
			snprintf(title, sizeof title, _("Officers of %s"),
			    a.name);
	} else
		snprintf(title, sizeof title, "%s", _("Officers of all agencies"));
	ui_put(ui, y, x, lw, title, UI_NORMAL);
	for (c = 0, cx = x; c < COL_COUNT; cx += cw[c] + 1, c++) {
		snprintf(role, sizeof role, "%s%s", _(officers_titles[c]),
		    c == officers_sort_col(officers.sort) ? (officers.desc ?
		    " v" : " ^") : "");
		ui_put(ui, y + 1, cx, cw[c], role, UI_TITLE);
	}
	vlist_place(&officers.list, y + 2, x, lw);
	a.h.id = 0;
	for (row = 0; row < officers.list.nrows; row++) {
		if (store_officer_get(t, officers.list.rows[row], &o, NULL) != 0)
			continue;
		if (a.h.id != o.agency &&
		    store_agency_get(t, o.agency, &a, NULL) != 0)
			a.h.id = 0;	/* gone: show its number */
		if (a.h.id == o.agency)
			snprintf(agency, sizeof agency, "%s", a.name);
		else
			snprintf(agency, sizeof agency, "#%u", o.agency);
		/* Ended or to come: said in words, not only dimmed. */
		officers_role(&o, ui->today, role, sizeof role);
		snprintf(phone, sizeof phone, "%s%s%s", o.phone,
		    o.ext[0] ? "#" : "", o.ext);
		/* Too narrow for both: the number whole, without its
		 * extension (Space shows it), rather than the number cut. */
		if ((int)text_width(phone) > cw[COL_PHONE])
			snprintf(phone, sizeof phone, "%s", o.phone);
		cells[COL_NAME] = o.name;
		cells[COL_AGENCY] = agency;
		cells[COL_ROLE] = role;
		cells[COL_TITLE] = o.title;
		cells[COL_EMAIL] = o.email;
		cells[COL_PHONE] = phone;
		/* The selected row shows in its name, not across: a move
		 * then rewrites two names rather than two whole rows, which
		 * over a slow link is most of what a key costs. */
		at = core_officer_active(&o, ui->today) ? UI_NORMAL : UI_DIM;
		ui_fill(ui, y + 2 + row, x, lw, at);
		for (i = 0, cx = x; i < COL_COUNT; cx += cw[i] + 1, i++)
			ui_put(ui, y + 2 + row, cx, i == COL_NAME &&
			    row == officers.list.sel ? 0 : cw[i], cells[i], at);
		if (row == officers.list.sel) {
			/* The name alone, not the cell's blanks. */
			c = (int)text_width(o.name);
			ui_put(ui, y + 2 + row, x, c > 0 && c < cw[COL_NAME] ?
			    c : cw[COL_NAME], o.name, UI_SELECT);
		}
	}
	if (officers.list.count == 0) {
		/* A list of people mostly arrives as a spreadsheet. */
		char add[32], imp[32], *empty;

		ui_key_label(ui, UI_CTX_OFFICERS, UA_ADD, add, sizeof add);
		ui_key_label(ui, UI_CTX_OFFICERS, UA_IMPORT, imp, sizeof imp);
		empty = xasprintf(_("No officers here yet: %s adds one, %s "
		    "imports a list from a spreadsheet."), add, imp);
		ui_put(ui, y + 2, x, lw, empty, UI_DIM);
		free(empty);
	}
	/* Wide screens show the selected officer beside the list. */
	if (lw < w && officers.list.count > 0 &&
	    store_officer_get(t, vlist_selected(&officers.list), &o,
	    NULL) == 0) {
		char *p, *nl;
		int dy = y;

		detail = pane_detail_lines(t, ENTITY_OFFICER, &o);
		officers_more(t, &o, &detail);
		for (p = detail; *p != '\0' && dy < y + h; p = nl + 1) {
			if ((nl = strchr(p, '\n')) == NULL)
				break;
			*nl = '\0';
			ui_put(ui, dy++, x + lw + 2, w - lw - 2, p, UI_NORMAL);
		}
		free(detail);
		mvvline(y, x + lw, ui_line(ui, UI_LINE_V), h);
	}
	store_read_end(t);
}

/*
 * The agencies whose name or code holds the search text, worked out once
 * per text: agencies are few, and a search may look at a million rows.
 */
static struct {
	char		 q[128];
	uint64_t	 txnid;		/* the database as it was then */
	uint32_t	*ids;
	size_t		 n, cap;
} officers_hits;

static int
officers_agency_hit(struct store_txn *t, uint32_t agency, const char *q)
{
	struct store_cursor *c;
	struct agency a;
	size_t i;

	uint64_t now = store_txn_snapshot(t);

	if (strcmp(officers_hits.q, q) != 0 || officers_hits.ids == NULL ||
	    officers_hits.txnid != now) {
		str_copy(officers_hits.q, q, sizeof officers_hits.q);
		officers_hits.txnid = now;
		officers_hits.n = 0;
		if (store_cursor_open(t, IX_AGENCY, NULL, &c, NULL) == 0) {
			while (store_cursor_move(c, STORE_NEXT) == 0) {
				if (store_cursor_get(c, &a, NULL) != 0 ||
				    (!ui_contains(a.name, q) &&
				    !ui_contains(a.code, q)))
					continue;
				officers_hits.ids = xgrow(officers_hits.ids,
				    &officers_hits.cap, officers_hits.n + 1,
				    sizeof *officers_hits.ids);
				officers_hits.ids[officers_hits.n++] = a.h.id;
			}
			store_cursor_close(c);
		}
		if (officers_hits.ids == NULL)	/* none: still "worked out" */
			officers_hits.ids = xcalloc(1, sizeof(uint32_t));
	}
	for (i = 0; i < officers_hits.n; i++)
		if (officers_hits.ids[i] == agency)
			return 1;
	return 0;
}

/*
 * The officers a search text finds: from the search index, those whose
 * name, e-mail or title holds it, and every officer of an agency whose
 * name or code holds it (as officers_match says of one officer).
 */
static int
officers_find(struct store_txn *t, const char *text, struct store_idset *set)
{
	size_t i;
	int rc;

	if ((rc = store_officer_find(t, text, set, NULL)) != 0)
		return rc;
	(void)officers_agency_hit(t, 0, text);	/* works the agencies out */
	for (i = 0; i < officers_hits.n; i++)
		if ((rc = store_group_add(t, IX_OFFICER_AGENCY,
		    officers_hits.ids[i], set)) != 0)
			return rc;
	return 0;
}

static int
officers_match(struct store_txn *t, uint32_t id, void *arg)
{
	const char *q = arg;
	struct officer o;

	if (store_officer_get(t, id, &o, NULL) != 0)
		return 0;
	return ui_contains(o.name, q) || ui_contains(o.email, q) ||
	    ui_contains(o.title, q) || officers_agency_hit(t, o.agency, q);
}

/*
 * Every field of the officer *arg, their designation, training and
 * rewards, made again as others change them while they are read.
 */
static char *
officers_detail(struct ui *ui, void *arg, char *title, size_t n)
{
	struct store_txn *t;
	struct officer o;
	char *text = NULL, state[96];

	if (store_read_begin(ui->store, &t, NULL) != 0)
		return NULL;
	if (store_officer_get(t, *(uint32_t *)arg, &o, NULL) == 0) {
		text = pane_detail(t, ENTITY_OFFICER, &o);
		ui_officer_state(&o, ui->today, state, sizeof state);
		pane_text_add(&text, _("Designation"), state);
		officers_more(t, &o, &text);
		str_copy(title, o.name, n);
	}
	store_read_end(t);
	return text;
}

static void
officers_show(struct ui *ui, uint32_t id)
{
	if (id != 0)
		ui_live_popup(ui, officers_detail, &id);
}

#define OFFICERS_HANDOVER_MAX	64	/* planned meetings named */

struct officers_end {
	uint32_t	 officer, successor;
	char		 end[11];
	/* The planned meetings the officer leaves (for a new successor). */
	uint32_t	 meetings[OFFICERS_HANDOVER_MAX];
	size_t		 nmeetings;
};

static int
officers_end_txn(struct core *c, struct store_txn *t, void *arg,
    char **cause)
{
	struct officers_end *e = arg;

	return core_end_designation(c, t, e->officer, e->end, e->successor,
	    cause);
}

/* A new successor, once saved: on the planned meetings of the one gone. */
static int
officers_invite_txn(struct core *c, struct store_txn *t, void *arg,
    char **cause)
{
	struct officers_end *e = arg;
	size_t i;
	int rc = 0;

	for (i = 0; i < e->nmeetings && rc == 0; i++)
		rc = core_invite(c, t, e->meetings[i], e->successor, cause);
	return rc;
}

/*
 * What ending o's designation on e->end does, as the database is now:
 * the successor's own record as it will change, and every planned
 * meeting after that day, the one out and the successor in. Held
 * meetings keep who came. NULL, with a message naming who changed what,
 * when o or the successor was deleted or left office meanwhile.
 */
static char *
officers_end_text(struct ui *ui, struct officer *o, struct officers_end *e,
    int fresh)
{
	struct core_handover h[OFFICERS_HANDOVER_MAX];
	struct officer s, after;
	struct store_txn *t;
	char *text, *old, day[16], diff[1024];
	size_t n, i;

	memset(&s, 0, sizeof s);
	if (store_read_begin(ui->store, &t, NULL) != 0)
		return NULL;
	/* Another may have ended either designation since the list. */
	if (store_officer_get(t, e->officer, &after, NULL) != 0) {
		store_read_end(t);
		ui_message(ui, 1, _("%s was deleted meanwhile; nothing was "
		    "saved."), o->name);
		return NULL;
	}
	*o = after;
	if (e->successor != 0 && store_officer_get(t, e->successor, &s,
	    NULL) != 0) {
		store_read_end(t);
		ui_message(ui, 1, _("The officer chosen to take over (#%u) was "
		    "deleted meanwhile; nothing was saved."), e->successor);
		return NULL;
	}
	if (o->end_date[0] != '\0' || (e->successor != 0 &&
	    s.end_date[0] != '\0' && !core_officer_active(&s, ui->today))) {
		const struct officer *x = o->end_date[0] != '\0' ? o : &s;

		store_read_end(t);
		ui_message(ui, 1, _("%s ended %s's designation (on %s) "
		    "meanwhile; nothing was saved."), x->h.updated_by, x->name,
		    date_show(x->end_date, day, sizeof day));
		return NULL;
	}
	text = xasprintf(_("%s's designation as %s ends on %s.\n"), o->name,
	    _(model_enum_label(&model_roles, o->role)),
	    date_show(e->end, day, sizeof day));
	if (e->successor != 0 && store_officer_get(t, e->successor, &s,
	    NULL) == 0) {
		after = s;
		core_successor(o, e->end, &after);
		old = text;
		if (core_diff(t, ENTITY_OFFICER, &s, &after, diff,
		    sizeof diff) > 0)
			text = xasprintf(_("%s%s takes over; their own record "
			    "changes: %s.\n"), old, s.name, diff);
		else
			text = xasprintf(_("%s%s takes over, as they are.\n"),
			    old, s.name);
		free(old);
	} else if (fresh) {
		old = text;
		text = xasprintf(_("%sA new officer takes over: the form "
		    "comes next.\n"), old);
		free(old);
	}
	n = core_handover_meetings(t, e->officer, e->end, e->successor, h,
	    OFFICERS_HANDOVER_MAX);
	store_read_end(t);
	old = text;
	text = n == 0 ? xasprintf(_("%sNo planned meeting after that day "
	    "invites %s.\n"), old, o->name) : xasprintf(ngettext("%sThe "
	    "planned meeting after that day changes:\n", "%sThe %zu planned "
	    "meetings after that day change:\n", n), old, n);
	free(old);
	e->nmeetings = 0;
	for (i = 0; i < n && i < OFFICERS_HANDOVER_MAX; i++) {
		old = text;
		if (e->successor != 0)
			text = xasprintf(h[i].in ? _("%s  %s %s: %s out, %s "
			    "in\n") : _("%s  %s %s: %s out (%s is invited "
			    "already)\n"), old, date_show(h[i].date, day,
			    sizeof day), h[i].title, o->name, s.name);
		else if (fresh)
			text = xasprintf(_("%s  %s %s: %s out, the new officer "
			    "in\n"), old, date_show(h[i].date, day,
			    sizeof day), h[i].title, o->name);
		else
			text = xasprintf(_("%s  %s %s: %s out\n"), old,
			    date_show(h[i].date, day, sizeof day), h[i].title,
			    o->name);
		free(old);
		e->meetings[e->nmeetings++] = h[i].meeting;
	}
	old = text;
	text = xasprintf(_("%sHeld meetings keep who came.\nSave?"), old);
	free(old);
	return text;
}

/*
 * Say what ending the designation does, and ask. What is written is what
 * was agreed to: when the database moved on while the question was open,
 * it is worked out again and, if not the same, shown and asked again.
 * Returns ui_confirm's answer (0 when it cannot be done any more).
 */
static int
officers_end_ask(struct ui *ui, struct officer *o, struct officers_end *e,
    int fresh)
{
	char *text, *agreed = NULL, *question;
	uint64_t seen;
	int r;

	for (;;) {
		seen = store_last_txnid(ui->store);
		if ((text = officers_end_text(ui, o, e, fresh)) == NULL) {
			free(agreed);
			return 0;
		}
		if (agreed != NULL && strcmp(agreed, text) == 0) {
			free(text);
			break;
		}
		question = xasprintf("%s%s", agreed != NULL ? _("Others saved "
		    "meanwhile; ending the designation would now do "
		    "this:\n") : "", text);
		free(agreed);
		agreed = text;
		r = ui_confirm(ui, _("End the designation"), question);
		free(question);
		if (r != 1 || store_last_txnid(ui->store) == seen) {
			free(agreed);
			return r;
		}
	}
	free(agreed);
	return 1;
}

/*
 * End the selected officer's designation and name who takes over: one
 * of the agency's officers, a new one (the form), or nobody yet.
 */
static void
officers_end(struct ui *ui, uint32_t id)
{
	struct officers_end e;
	struct officer o, s, fresh;
	struct store_cursor *c;
	struct store_txn *t;
	uint32_t ids[256];
	char *labels[256], *cause = NULL, typed[48], *question;
	const char *why;
	size_t n = 0, sel = 0, i;
	int r;

	if (id == 0 || store_read_begin(ui->store, &t, NULL) != 0)
		return;
	if (store_officer_get(t, id, &o, NULL) != 0) {
		store_read_end(t);
		return;
	}
	if (o.end_date[0] != '\0') {
		store_read_end(t);
		ui_message(ui, 1, _("%s's designation ended on %s already."),
		    o.name, date_show(o.end_date, typed, sizeof typed));
		return;
	}
	labels[n] = xstrdup(_("(nobody yet)"));
	ids[n++] = 0;
	labels[n] = xstrdup(_("(a new officer: fill in the form)"));
	ids[n++] = 0;
	if (store_cursor_open(t, IX_OFFICER_AGENCY, &o.agency, &c,
	    NULL) == 0) {
		/* Name, role and title in columns lined up by display
		 * width, as the other pick lists of people. */
		char **cells = xcalloc(3 * 256, sizeof *cells), **rows;
		size_t k = 0;

		while (n + k < 256 && store_cursor_move(c, STORE_NEXT) == 0)
			if (store_cursor_get(c, &s, NULL) == 0 &&
			    s.h.id != id && core_officer_active(&s, ui->today)) {
				ids[n + k] = s.h.id;
				cells[3 * k] = xstrdup(s.name);
				cells[3 * k + 1] = xstrdup(_(model_enum_label(
				    &model_roles, s.role)));
				cells[3 * k + 2] = xstrdup(s.title);
				k++;
			}
		store_cursor_close(c);
		rows = ui_columns((const char *const *)cells, k, 3, 24);
		for (i = 0; i < k; i++)
			labels[n++] = rows[i];
		for (i = 0; i < 3 * k; i++)
			free(cells[i]);
		free(cells);
		free(rows);
	}
	store_read_end(t);
	memset(&e, 0, sizeof e);
	e.officer = id;
	date_show(ui->today, typed, sizeof typed);
	/* Whose: two officers may share a name, and the list is behind. */
	question = xasprintf(i18n_date_style() == I18N_DATE_ROC ?
	    _("Last day of %s as %s (民國 YYY/MM/DD)") :
	    _("Last day of %s as %s (YYYY-MM-DD)"), o.name,
	    _(model_enum_label(&model_roles, o.role)));
	r = ui_prompt(ui, question, typed, sizeof typed);
	free(question);
	/* Any form of date is taken; what is not one, core refuses. */
	if (r == 1 && date_parse(typed, e.end, &why) != 0)
		str_copy(e.end, typed, sizeof e.end);
	if (r == 1)
		r = ui_pick(ui, _("Who takes over?"),
		    (const char *const *)labels, n, &sel, 0);
	for (i = 0; i < n; i++)
		free(labels[i]);
	if (r != 1) {
		if (r == UI_KEY_QUIT)
			ui->quit = 1;
		return;
	}
	e.successor = ids[sel];
	if (!date_valid(e.end)) {
		ui_message(ui, 1, _("'%s' is not a date; write it as "
		    "YYYY-MM-DD"), typed);
		return;
	}
	/* What it will do, before it is done. */
	if ((r = officers_end_ask(ui, &o, &e, sel == 1)) != 1) {
		if (r == UI_KEY_QUIT)
			ui->quit = 1;
		return;
	}
	if (core_run(ui->core, officers_end_txn, &e, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return;
	}
	ui_changed(ui);
	ui_message(ui, 0, _("%s's designation ends on %s."), o.name,
	    date_show(e.end, typed, sizeof typed));
	if (sel == 1) {
		/* A new officer in the same place, from the next day, then
		 * on the meetings the one leaving was taken off. */
		memset(&fresh, 0, sizeof fresh);
		fresh.agency = o.agency;
		core_successor(&o, e.end, &fresh);
		fresh.civil_servant = 1;
		e.successor = (uint32_t)pane_edit(ui, ENTITY_OFFICER, 0, &fresh,
		    _("The successor"));
		/* The form left unsaved: the end stands, which the person
		 * may take for undone with the rest. */
		if (e.successor == 0 && !ui->quit)
			ui_message(ui, 1, _("%s's designation ends on %s; no "
			    "successor was added: a adds one (u takes the end "
			    "back)."), o.name, date_show(e.end, typed,
			    sizeof typed));
		if (e.successor != 0 && e.nmeetings > 0) {
			if (core_run(ui->core, officers_invite_txn, &e,
			    &cause) != 0) {
				ui_message(ui, 1, "%s", cause);
				free(cause);
			} else {
				ui_changed(ui);
				ui_message(ui, 0, ngettext("%s is invited to "
				    "the %zu planned meeting %s was on.",
				    "%s is invited to the %zu planned meetings "
				    "%s was on.", e.nmeetings), fresh.name,
				    e.nmeetings, o.name);
			}
		}
	}
}

static int
officers_action(struct ui *ui, enum ui_action a)
{
	struct officer fresh;
	uint32_t id = vlist_selected(&officers.list), ag;
	struct store_txn *t;
	struct officer o;
	size_t i;

	officers.search.find = officers_find;
	officers.search.narrowed = ui->agency != 0 ? UI_CTX_OFFICERS :
	    UI_CTX_GLOBAL;
	if (pane_move(ui, &officers.list, a) ||
	    ui_search_action(ui, &officers.search, &officers.list, a,
	    officers_match))
		return 1;
	switch (a) {
	case UA_SELECT:
		if (id != 0)
			ui_officer(ui, id);
		return 1;
	case UA_DETAIL:
		officers_show(ui, id);
		return 1;
	case UA_ADD:
		memset(&fresh, 0, sizeof fresh);
		fresh.agency = ui->agency;
		if (fresh.agency == 0 && id != 0 &&
		    store_read_begin(ui->store, &t, NULL) == 0) {
			if (store_officer_get(t, id, &o, NULL) == 0)
				fresh.agency = o.agency;
			store_read_end(t);
		}
		fresh.role = ROLE_PO;
		fresh.civil_servant = 1;
		date_today(fresh.start_date);
		id = (uint32_t)pane_edit(ui, ENTITY_OFFICER, 0, &fresh,
		    _("New officer"));
		if (id != 0) {
			officers_build(ui);
			if (store_read_begin(ui->store, &t, NULL) == 0) {
				vlist_select_id(&officers.list, t, id);
				store_read_end(t);
			}
		}
		return 1;
	case UA_EDIT:
		if (id != 0)
			pane_edit(ui, ENTITY_OFFICER, id, NULL,
			    _("Edit officer"));
		return 1;
	case UA_DELETE:
		pane_delete(ui, ENTITY_OFFICER, id);
		return 1;
	case UA_SORT_NEXT:
		for (i = 0; i < OFFICERS_NSORTS - 1; i++)
			if (officers_sorts[i] == officers.sort)
				break;
		officers.sort = officers_sorts[(i + 1) % OFFICERS_NSORTS];
		officers_build(ui);
		ui_message(ui, 0, _("Sorted by %s"),
		    officers_sort_title(officers.sort));
		return 1;
	case UA_SORT_REVERSE:
		officers.desc = !officers.desc;
		officers_build(ui);
		return 1;
	case UA_FILTER_AGENCY:
		if ((ag = ui_pick_agency(ui, ui->agency, 0)) != 0)
			ui->agency = ag;
		return 1;
	case UA_SHOW_ALL:
		ui->agency = 0;
		return 1;
	case UA_IMPORT:
		ui_import(ui, ENTITY_OFFICER, 0, NULL);
		return 1;
	case UA_SAVE_REJECTS:
		ui_import_rejects(ui, ENTITY_OFFICER, 0);
		return 1;
	case UA_END_DESIGNATION:
		officers_end(ui, id);
		return 1;
	case UA_ADD_TRAINING:
		if (id != 0) {
			struct training tr;

			memset(&tr, 0, sizeof tr);
			tr.officer = id;
			date_today(tr.date);
			pane_edit(ui, ENTITY_TRAINING, 0, &tr,
			    _("Training course (point 8)"));
		}
		return 1;
	case UA_ADD_REWARD:
		if (id != 0) {
			struct reward rw;

			memset(&rw, 0, sizeof rw);
			rw.officer = id;
			date_today(rw.date);
			pane_edit(ui, ENTITY_REWARD, 0, &rw,
			    _("Reward (point 9)"));
		}
		return 1;
	default:
		return 0;
	}
}

static void
officers_fini(void)
{
	free(officers_hits.ids);
	memset(&officers_hits, 0, sizeof officers_hits);
}

static const struct ui_hint officers_hints[] = {
	/* What an agency comes to do here first: a narrow status line
	 * (80 columns, in Chinese, others logged in) drops the later. */
	{ UA_EDIT, N_("edit"), 1 },
	{ UA_END_DESIGNATION, N_("end"), 1 },
	{ UA_ADD, N_("add"), 1 },
	{ UA_SELECT, N_("training, rewards"), 1 },
	{ UA_DETAIL, N_("detail"), 1 },
	{ UA_SEARCH, N_("search"), 1 },
	{ UA_DELETE, N_("delete"), 1 },
	{ UA_UNDO, N_("undo"), 1 },
	{ UA_ADD_TRAINING, N_("training"), 1 },
	{ UA_ADD_REWARD, N_("reward"), 1 },
	{ UA_IMPORT, N_("import"), 1 },
	{ UA_SORT_NEXT, N_("sort"), 1 },
	{ UA_FILTER_AGENCY, N_("agency"), 1 },
	{ UA_SHOW_ALL, N_("all"), 1 },
	{ UA_SAVE_REJECTS, N_("save rejected rows"), 0 },
	{ UA_SORT_REVERSE, N_("reverse"), 0 },
	{ UA_SEARCH_NEXT, N_("next match"), 0 },
	{ UA_SEARCH_PREV, N_("previous match"), 0 },
	{ UA_NONE, NULL, 0 }
};

const struct ui_pane ui_pane_officers = {
	.title = N_("Officers"),
	.ctx = UI_CTX_OFFICERS,
	.draw = officers_draw,
	.action = officers_action,
	.reload = officers_reload,
	.list = &officers.list,
	.fini = officers_fini,
	.hints = officers_hints,
};
