/*
 * cmd-list.c — `ogpo list agencies|officers|meetings|issues|training|rewards
 * [--agency CODE] [--officer ID] [--tsv]`: a table for people, or every
 * field as TSV for scripts. Both stream through the indexes, so a million
 * rows cost no memory.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/cmd.h"
#include "ogpo/resolution.h"
#include "ogpo/text.h"

struct list {
	struct store_txn	*t;
	int			 tsv;
	int			 strokes;	/* --strokes: officers by 筆畫 */
	uint32_t		 agency;	/* --agency, 0 for all */
	uint32_t		 officer;	/* --officer, 0 for all */
	const char		*caseref;	/* --case: a number or id */
	uint32_t		 meeting;	/* --meeting, 0 for all */
	int			 open;		/* --open: still followed */
	char			 today[11];
	char			*cause;
};

/* The agency's name for a table cell ("?" if it is gone). */
static const char *
list_agency_name(struct list *l, uint32_t id, struct agency *a)
{
	if (id == 0)
		return "";
	if (store_agency_get(l->t, id, a, NULL) != 0)
		snprintf(a->name, sizeof a->name, "#%u?", id);
	return a->name;
}

/*
 * A choice for a table cell: its name (collaboration, held) where the
 * messages are English, as scripts, `ogpo set` and --tsv know it; its
 * label, translated, in any other language (協作會議, 已召開), as the
 * officers' roles and the resolutions' states are shown.
 */
static const char *
list_word(const struct enum_names *e, uint32_t v)
{
	const char *label = model_enum_label(e, v);

	return i18n_translated(label) ? _(label) : model_enum_name(e, v);
}

/* The widest of e's words as list_word gives them, at least min. */
static size_t
list_word_width(const struct enum_names *e, size_t min)
{
	size_t w;
	uint32_t v;

	for (v = e->min; v <= e->max; v++)
		if ((w = text_width(list_word(e, v))) > min)
			min = w;
	return min;
}

/* POs and supervisors of one agency in office today (point 3). */
static void
list_agency_counts(struct list *l, uint32_t id, size_t *pos, size_t *sups)
{
	*pos = store_officers_in_role(l->t, id, ROLE_PO, l->today);
	*sups = store_officers_in_role(l->t, id, ROLE_SUPERVISOR, l->today);
}

static const struct cmd_column list_agency_cols[] = {
	{ N_("CODE"), 8 }, { N_("NAME"), 36 }, { N_("LEVEL"), 5 },
	{ N_("POS"), 3 },
	{ N_("SUPERVISORS"), 11 }, { "", 0 },
};

/* Print agency id and its subtree, depth first. */
static int
list_agency_tree(struct list *l, uint32_t id, int depth)
{
	struct agency a;
	char name[OGPO_NAME_MAX + 64], level[8], pos[16], sups[16];
	const char *mark;
	uint32_t *kids = NULL;
	size_t n = 0, i, np, ns;
	int rc;

	if (id != 0) {
		if ((rc = store_agency_get(l->t, id, &a, &l->cause)) != 0)
			return rc;
		if (l->tsv)
			cmd_tsv_row(stdout, &schema_agency, &a);
		else {
			list_agency_counts(l, id, &np, &ns);
			snprintf(name, sizeof name, "%*s%s", depth * 2, "",
			    a.name);
			snprintf(level, sizeof level, "%u", a.level);
			snprintf(pos, sizeof pos, "%zu", np);
			snprintf(sups, sizeof sups, "%zu", ns);
			mark = a.level != LEVEL_2 ? "" :
			    np == 0 && ns == 0 ? _("! no PO, no supervisor") :
			    np == 0 ? _("! no PO") : ns == 0 ?
			    _("! no supervisor") : "";
			const char *cells[] = { a.code, name, level, pos, sups,
				mark };
			cmd_table_row(stdout, list_agency_cols, 6, cells);
		}
	}
	if (depth > LEVEL_MAX * 2)
		return 0;	/* a loop in damaged data must not recurse */
	n = store_group_ids(l->t, IX_AGENCY_CHILD, id, &kids);
	for (i = 0, rc = 0; i < n && rc == 0; i++)
		rc = list_agency_tree(l, kids[i], depth + 1);
	free(kids);
	return rc;
}

static int
list_agencies(struct list *l)
{
	if (l->tsv)
		cmd_tsv_header(stdout, &schema_agency);
	else
		cmd_table_header(stdout, list_agency_cols, 6);
	return list_agency_tree(l, l->agency, l->agency ? 0 : -1);
}

static const struct cmd_column list_officer_cols[] = {
	{ NC_("person", "NAME"), 10 }, { N_("AGENCY"), 22 }, { N_("ROLE"), 10 },
	{ NC_("job", "TITLE"), 12 },
	{ N_("E-MAIL"), 28 }, { N_("PHONE"), 0 },
};

static int
list_officers(struct list *l)
{
	struct store_cursor *c;
	struct officer o;
	struct agency a;
	char role[64], phone[OGPO_PHONE_MAX + OGPO_EXT_MAX + 8];
	int rc;

	if (l->tsv)
		cmd_tsv_header(stdout, &schema_officer);
	else
		cmd_table_header(stdout, list_officer_cols, 6);
	/* By stroke order, the one index holds every agency's officers. */
	if ((rc = l->strokes ? store_cursor_open(l->t, IX_OFFICER_STROKE,
	    NULL, &c, &l->cause) : store_cursor_open(l->t, IX_OFFICER_AGENCY,
	    l->agency ? &l->agency : NULL, &c, &l->cause)) != 0)
		return rc;
	while (store_cursor_move(c, STORE_NEXT) == 0) {
		if ((rc = store_cursor_get(c, &o, &l->cause)) != 0)
			break;
		if (l->strokes && l->agency != 0 && o.agency != l->agency)
			continue;
		if (l->tsv) {
			cmd_tsv_row(stdout, &schema_officer, &o);
			continue;
		}
		snprintf(role, sizeof role, "%s%s",
		    _(model_enum_label(&model_roles, o.role)),
		    core_officer_active(&o, l->today) ? "" : _(" (ended)"));
		snprintf(phone, sizeof phone, "%s%s%s", o.phone,
		    o.ext[0] ? " #" : "", o.ext);
		const char *cells[] = { o.name, list_agency_name(l, o.agency,
			&a), role, o.title, o.email, phone };
		cmd_table_row(stdout, list_officer_cols, 6, cells);
	}
	store_cursor_close(c);
	return rc;
}

static const struct cmd_column list_meeting_cols[] = {
	{ N_("ID"), 4 }, { N_("DATE"), 10 }, { N_("KIND"), 6 },
	{ N_("STATUS"), 9 }, { N_("PRESENT"), 7 }, { N_("TITLE"), 0 },
};

static int
list_meetings(struct list *l)
{
	struct cmd_column cols[6];
	struct store_cursor *c;
	struct meeting m;
	char count[32];
	size_t present, invited;
	int rc;

	/* The kinds in Chinese are wider than the names: whole, aligned. */
	memcpy(cols, list_meeting_cols, sizeof cols);
	cols[2].width = list_word_width(&model_meeting_kinds, cols[2].width);
	cols[3].width = list_word_width(&model_meeting_statuses,
	    cols[3].width);
	if (l->tsv)
		cmd_tsv_header(stdout, &schema_meeting);
	else
		cmd_table_header(stdout, cols, 6);
	if ((rc = store_cursor_open(l->t, IX_MEETING_DATE, NULL, &c,
	    &l->cause)) != 0)
		return rc;
	/* Newest first. */
	while (store_cursor_move(c, STORE_PREV) == 0) {
		if ((rc = store_cursor_get(c, &m, &l->cause)) != 0)
			break;
		if (l->agency != 0 && m.agency != l->agency)
			continue;
		if (l->tsv) {
			cmd_tsv_row(stdout, &schema_meeting, &m);
			continue;
		}
		core_meeting_counts(l->t, m.h.id, &present, &invited);
		snprintf(count, sizeof count, "%zu/%zu", present, invited);
		char day[16], id[16];

		snprintf(id, sizeof id, "%u", m.h.id);
		const char *cells[] = { id, date_show(m.date, day, sizeof day),
			list_word(&model_meeting_kinds, m.kind),
			list_word(&model_meeting_statuses, m.status),
			count, m.title };
		cmd_table_row(stdout, cols, 6, cells);
	}
	store_cursor_close(c);
	return rc;
}

static const struct cmd_column list_issue_cols[] = {
	{ N_("ID"), 4 }, { N_("NUMBER"), 7 }, { N_("STAGE"), 13 },
	{ N_("LEAD"), 16 }, { N_("DUE"), 10 }, { N_("TITLE"), 0 },
};

static int
list_issues(struct list *l)
{
	struct store_cursor *c;
	struct issue is;
	struct agency a;
	char id[16], due[OGPO_DATE_MAX + 1], day[16];
	char shown[sizeof is.title + 32];
	int rc, late;

	if (l->tsv)
		cmd_tsv_header(stdout, &schema_issue);
	else
		cmd_table_header(stdout, list_issue_cols, 6);
	if ((rc = store_cursor_open(l->t, l->agency ? IX_AGENCY_ISSUE :
	    IX_ISSUE, l->agency ? &l->agency : NULL, &c, &l->cause)) != 0)
		return rc;
	while (store_cursor_move(c, STORE_NEXT) == 0) {
		if ((rc = store_cursor_get(c, &is, &l->cause)) != 0)
			break;
		if (l->tsv) {
			cmd_tsv_row(stdout, &schema_issue, &is);
			continue;
		}
		snprintf(id, sizeof id, "%u", is.h.id);
		/* The next deadline, as the Cases tab shows it: the contact
		 * with the proposer falls due first, and once it is past
		 * unrecorded it is what the case owes (overdue in words,
		 * as there). */
		late = core_case_next_due(&is, due);
		snprintf(shown, sizeof shown, "%s%s", late ?
		    _("(overdue) ") : "", is.title);
		const char *cells[] = { id, is.serial,
			list_word(&model_case_stages, is.stage),
			list_agency_name(l, is.lead, &a),
			due[0] ? date_show(due, day, sizeof day) : "",
			shown };
		cmd_table_row(stdout, list_issue_cols, 6, cells);
	}
	store_cursor_close(c);
	return rc;
}

static const struct cmd_column list_training_cols[] = {
	{ N_("ID"), 4 }, { N_("DATE"), 10 }, { NC_("person", "NAME"), 10 },
	{ N_("AGENCY"), 16 }, { N_("HOURS"), 5 }, { N_("COMPETENCIES"), 28 },
	{ N_("COURSE"), 0 },
};
static const struct cmd_column list_reward_cols[] = {
	{ N_("ID"), 4 }, { N_("DATE"), 10 }, { NC_("person", "NAME"), 10 },
	{ N_("AGENCY"), 16 }, { N_("KIND"), 10 }, { N_("REASON"), 0 },
};

/* Training (kind ENTITY_TRAINING) or rewards, of one officer or agency. */
static int
list_records(struct list *l, enum entity_kind kind)
{
	const struct schema *s = schema_of(kind);
	struct store_cursor *c;
	struct officer o;
	struct agency a;
	union {
		struct training	t;
		struct reward	r;
	} rec;
	char id[16], day[16], comp[128];
	uint32_t officer;
	int rc;

	if (l->tsv)
		cmd_tsv_header(stdout, s);
	else if (kind == ENTITY_TRAINING)
		cmd_table_header(stdout, list_training_cols, 7);
	else
		cmd_table_header(stdout, list_reward_cols, 6);
	/* One officer's through their index; else all, by number. */
	if ((rc = store_cursor_open(l->t, l->officer ? (kind ==
	    ENTITY_TRAINING ? IX_OFFICER_TRAINING : IX_OFFICER_REWARD) :
	    store_entity_index(kind), l->officer ? &l->officer : NULL, &c,
	    &l->cause)) != 0)
		return rc;
	while (store_cursor_move(c, STORE_NEXT) == 0) {
		if ((rc = store_cursor_get(c, &rec, &l->cause)) != 0)
			break;
		officer = kind == ENTITY_TRAINING ? rec.t.officer :
		    rec.r.officer;
		if (store_officer_get(l->t, officer, &o, NULL) != 0) {
			memset(&o, 0, sizeof o);
			snprintf(o.name, sizeof o.name, "#%u?", officer);
		}
		if (l->agency != 0 && o.agency != l->agency)
			continue;
		if (l->tsv) {
			cmd_tsv_row(stdout, s, &rec);
			continue;
		}
		snprintf(id, sizeof id, "%u", rec.t.h.id);
		if (kind == ENTITY_TRAINING) {
			model_competencies_words(rec.t.competencies, comp,
			    sizeof comp);
			const char *cells[] = { id, date_show(rec.t.date, day,
				sizeof day), o.name, list_agency_name(l,
				o.agency, &a), rec.t.hours, comp,
				rec.t.course };
			cmd_table_row(stdout, list_training_cols, 7, cells);
		} else {
			const char *cells[] = { id, date_show(rec.r.date, day,
				sizeof day), o.name, list_agency_name(l,
				o.agency, &a), rec.r.kind, rec.r.reason };
			cmd_table_row(stdout, list_reward_cols, 6, cells);
		}
	}
	store_cursor_close(c);
	return rc;
}

static const struct cmd_column list_progress_cols[] = {
	{ N_("ID"), 4 }, { N_("CASE"), 7 }, { N_("DATE"), 10 },
	{ N_("AGENCY"), 16 }, { N_("MEETING"), 10 }, { N_("PROGRESS"), 0 },
};

/* Progress reports: one case's (--case), else all, by number. */
static int
list_progress(struct list *l)
{
	struct store_cursor *c;
	struct progress p;
	struct issue *is;
	struct meeting *m;
	struct agency a;
	char id[16], day[16], mday[16];
	uint32_t kase = 0;
	int rc;

	if (l->caseref != NULL && cmd_case_id(l->t, l->caseref, &kase) != 0)
		return err_set(&l->cause, OGPO_NOTFOUND, "there is no case "
		    "'%s' (see ogpo list cases)", l->caseref);
	if (l->tsv)
		cmd_tsv_header(stdout, &schema_progress);
	else
		cmd_table_header(stdout, list_progress_cols, 6);
	if ((rc = store_cursor_open(l->t, kase ? IX_ISSUE_PROGRESS :
	    IX_PROGRESS, kase ? &kase : NULL, &c, &l->cause)) != 0)
		return rc;
	is = xmalloc(sizeof *is);
	m = xmalloc(sizeof *m);
	while (store_cursor_move(c, STORE_NEXT) == 0) {
		if ((rc = store_cursor_get(c, &p, &l->cause)) != 0)
			break;
		if (l->agency != 0 && p.agency != l->agency)
			continue;
		if (l->tsv) {
			cmd_tsv_row(stdout, &schema_progress, &p);
			continue;
		}
		if (store_issue_get(l->t, p.issue, is, NULL) != 0)
			snprintf(is->serial, sizeof is->serial, "#%u", p.issue);
		mday[0] = '\0';
		if (p.meeting != 0 && store_meeting_get(l->t, p.meeting, m,
		    NULL) == 0)
			date_show(m->date, mday, sizeof mday);
		snprintf(id, sizeof id, "%u", p.h.id);
		const char *cells[] = { id, is->serial, date_show(p.date, day,
			sizeof day), list_agency_name(l, p.agency, &a), mday,
			p.text };
		cmd_table_row(stdout, list_progress_cols, 6, cells);
	}
	free(m);
	free(is);
	store_cursor_close(c);
	return rc;
}

static int
list_training(struct list *l)
{
	return list_records(l, ENTITY_TRAINING);
}

static int
list_rewards(struct list *l)
{
	return list_records(l, ENTITY_REWARD);
}

static const struct cmd_column list_resolution_cols[] = {
	{ N_("ID"), 4 }, { N_("MEETING"), 10 }, { N_("NO"), 3 },
	{ N_("STATUS"), 8 }, { N_("DUE"), 10 }, { N_("OWNERS"), 14 },
	{ N_("RESOLUTION"), 0 },
};

/* One resolution's line, unless the filters leave it out. */
static void
list_resolution_row(struct list *l, const struct resolution *r)
{
	struct meeting *m;
	char id[16], no[16], day[16], due[16], owners[512];
	const char *status;
	uint32_t k;

	if (l->open && r->status != RESOL_OPEN)
		return;
	if (l->agency != 0) {
		for (k = 0; k < r->nowner && k < OGPO_COLLAB_MAX; k++)
			if (r->owner[k] == l->agency)
				break;
		if (k == r->nowner || k == OGPO_COLLAB_MAX)
			return;
	}
	if (l->tsv) {
		cmd_tsv_row(stdout, &schema_resolution, r);
		return;
	}
	m = xmalloc(sizeof *m);
	if (store_meeting_get(l->t, r->meeting, m, NULL) != 0)
		snprintf(m->date, sizeof m->date, "#%u", r->meeting);
	snprintf(id, sizeof id, "%u", r->h.id);
	snprintf(no, sizeof no, "%u", r->number);
	core_owners_text(l->t, r, CORE_OWNERS_CODE, ",", owners, sizeof owners);
	status = _(model_enum_label(&model_resolution_statuses, r->status));
	const char *cells[] = { id, date_show(m->date, day, sizeof day), no,
		status, r->due[0] ? date_show(r->due, due, sizeof due) : "",
		owners, r->text };
	cmd_table_row(stdout, list_resolution_cols, 7, cells);
	free(m);
}

/*
 * Resolutions by number (of one meeting: by number there), of one owner
 * agency or still followed when asked.
 */
static int
list_resolutions(struct list *l)
{
	struct resolution *r = xmalloc(sizeof *r);
	struct store_cursor *c;
	uint32_t *ids = NULL;
	size_t n, i;
	int rc = 0;

	if (l->tsv)
		cmd_tsv_header(stdout, &schema_resolution);
	else
		cmd_table_header(stdout, list_resolution_cols, 7);
	if (l->meeting != 0) {
		n = core_resolutions_of(l->t, l->meeting, &ids);
		for (i = 0; i < n && rc == 0; i++)
			if ((rc = store_resolution_get(l->t, ids[i], r,
			    &l->cause)) == 0)
				list_resolution_row(l, r);
		free(ids);
	} else if ((rc = store_cursor_open(l->t, IX_RESOLUTION, NULL, &c,
	    &l->cause)) == 0) {
		while (rc == 0 && store_cursor_move(c, STORE_NEXT) == 0)
			if ((rc = store_cursor_get(c, r, &l->cause)) == 0)
				list_resolution_row(l, r);
		store_cursor_close(c);
	}
	free(r);
	return rc;
}

static int
cmd_list_exec(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "agency", required_argument, NULL, 'a' },
		{ "officer", required_argument, NULL, 'o' },
		{ "case", required_argument, NULL, 'c' },
		{ "meeting", required_argument, NULL, 'm' },
		{ "open", no_argument, NULL, 'O' },
		{ "tsv", no_argument, NULL, 't' },
		{ "strokes", no_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static const struct {
		const char *name;
		int (*fn)(struct list *);
	} what[] = {
		{ "agencies", list_agencies }, { "officers", list_officers },
		{ "meetings", list_meetings }, { "cases", list_issues },
		{ "issues", list_issues }, { "progress", list_progress },
		{ "training", list_training }, { "rewards", list_rewards },
		{ "resolutions", list_resolutions },
	};
	struct list l;
	struct agency a = { .h.id = 0 };
	struct core *c;
	const char *code = NULL;
	size_t i;
	int ch, rc;

	memset(&l, 0, sizeof l);
	l.strokes = i18n_name_order() == I18N_NAME_STROKE;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "a:o:c:th", opts, NULL)) != -1) {
		switch (ch) {
		case 'a':
			code = optarg;
			break;
		case 'o':
			if (str_to_id(optarg, &l.officer) != 0)
				return cmd_error(&cmd_list_entry, CMD_USAGE,
				    "--officer '%s' is not an officer's number "
				    "(see the id column of ogpo list officers "
				    "--tsv)", optarg);
			break;
		case 'c':
			l.caseref = optarg;
			break;
		case 'm':
			if (str_to_id(optarg, &l.meeting) != 0)
				return cmd_error(&cmd_list_entry, CMD_USAGE,
				    "--meeting '%s' is not a meeting's number "
				    "(see the ID column of ogpo list meetings)",
				    optarg);
			break;
		case 'O':
			l.open = 1;
			break;
		case 't':
			l.tsv = 1;
			break;
		case 's':
			l.strokes = 1;
			break;
		case 'h':
			cmd_usage(&cmd_list_entry, stdout);
			return CMD_OK;
		default:
			cmd_usage(&cmd_list_entry, stderr);
			return CMD_USAGE;
		}
	}
	if (optind + 1 != argc) {
		cmd_usage(&cmd_list_entry, stderr);
		return CMD_USAGE;
	}
	for (i = 0; i < sizeof what / sizeof what[0]; i++)
		if (strcmp(argv[optind], what[i].name) == 0)
			break;
	if (i == sizeof what / sizeof what[0])
		return cmd_error(&cmd_list_entry, CMD_USAGE, "cannot list "
		    "'%s'; choose agencies, officers, meetings, cases, "
		    "progress, training, rewards or resolutions",
		    argv[optind]);
	if ((c = cmd_open(ctx, 0)) == NULL)
		return CMD_FAIL;
	date_today(l.today);
	if ((rc = store_read_begin(core_store(c), &l.t, &l.cause)) == 0) {
		if (code != NULL) {
			rc = store_agency_by_code(l.t, code, &a, &l.cause);
			if (rc == OGPO_NOTFOUND)
				err_set(&l.cause, rc, "no agency has the code "
				    "'%s'; see ogpo list agencies", code);
			l.agency = a.h.id;
		}
		if (rc == 0)
			rc = what[i].fn(&l);
		store_read_end(l.t);
	}
	if (rc != 0)
		cmd_error(&cmd_list_entry, CMD_FAIL, "%s", l.cause ? l.cause :
		    _("failed"));
	free(l.cause);
	core_close(c);
	return rc != 0 ? CMD_FAIL : CMD_OK;
}

const struct cmd_entry cmd_list_entry = {
	.name = "list",
	.args = "agencies|officers|meetings|cases|progress|training|rewards|"
	    "resolutions [--agency CODE] [--officer ID] [--case NUMBER] "
	    "[--meeting ID] [--open] [--tsv] [--strokes]",
	.summary = N_("Print agencies, officers, meetings, cases, progress, "
	    "training, rewards or resolutions."),
	.help = N_("--agency CODE  only that agency (for agencies: its subtree;\n"
	    "               for meetings: those it convenes; for cases:\n"
	    "               those it leads or co-organises; for progress:\n"
	    "               its reports; for training and rewards: its\n"
	    "               officers')\n"
	    "--officer ID   training or rewards of one officer\n"
	    "--case NUMBER  progress of one case (115-07, or its id)\n"
	    "--meeting ID   the resolutions that meeting made, by number\n"
	    "--open         resolutions still followed (持續列管) only; with\n"
	    "               --agency, those that agency carries\n"
	    "--tsv          a header line and every field of each record,\n"
	    "               tab-separated; tab, newline, CR and backslash\n"
	    "               written as \\t \\n \\r \\\\\n"
	    "--strokes      officers in the stroke order of their names (筆畫),\n"
	    "               as name_order = stroke in the config does\n"),
	.exec = cmd_list_exec,
};
