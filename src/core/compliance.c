/*
 * compliance.c — the regulation's rules against the database. Point 3:
 * every second-level agency has a PO and a supervisor in office. Point 4:
 * POs are the agency's own civil servants. Point 7: a PO work meeting is
 * held every month and a policy coordination meeting every quarter, and
 * the agencies come to them. Point 6: an issue escalated to the minister
 * does not wait there. Read-only; one pass per rule.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ogpo/compliance.h"
#include "ogpo/config.h"
#include "ogpo/core.h"
#include "ogpo/resolution.h"
#include "ogpo/util.h"

static const char *const rule_names[] = { NULL, "no_po", "no_supervisor",
	"not_civil_servant", "not_marked_held", "no_work_meeting",
	"no_policy_meeting", "low_attendance", "escalated_long",
	"no_training", "overdue", "resolution_overdue" };
static const char *const rule_labels[] = { NULL, N_("No PO"),
	N_("No supervisor"), N_("PO not a civil servant"),
	N_("Not marked held"), N_("No work meeting"), N_("No policy meeting"),
	N_("Low attendance"), N_("Escalated too long"),
	N_("PO without training"), N_("Overdue"), N_("Resolution overdue") };
static const char *const rule_zh[] = { NULL, "未指派聯絡人", "未指派督導",
	"聯絡人非公務人員", "已點名未標記召開", "未召開工作推動會議",
	"未召開政策協調聯繫會議", "出席率偏低", "陳報逾期", "聯絡人未受訓",
	"逾期未辦", "決議事項逾期" };
const struct enum_names compliance_rules = { rule_names, rule_labels,
	rule_zh, RULE_NO_PO, RULE_MAX };

struct check {
	struct store_txn			*t;
	const struct compliance_options		*o;
	void					(*fn)(void *,
						    const struct compliance_finding *);
	void					*arg;
	size_t					 n;
	uint32_t				 meeting;	/* of the
							   next finding */
};

static void compliance_say(struct check *ck, enum compliance_rule rule,
    uint32_t agency, uint32_t officer, uint32_t issue, const char *subject,
    const char *fmt, ...) OGPO_PRINTF(7, 8);

static void
compliance_say(struct check *ck, enum compliance_rule rule, uint32_t agency,
    uint32_t officer, uint32_t issue, const char *subject, const char *fmt,
    ...)
{
	struct compliance_finding f;
	va_list ap;

	memset(&f, 0, sizeof f);
	f.rule = rule;
	f.agency = agency;
	f.officer = officer;
	f.issue = issue;
	f.meeting = ck->meeting;
	str_copy(f.subject, subject, sizeof f.subject);
	str_utf8_cut(f.subject);
	va_start(ap, fmt);
	vsnprintf(f.detail, sizeof f.detail, _(fmt), ap);
	va_end(ap);
	str_utf8_cut(f.detail);
	ck->n++;
	if (ck->fn != NULL)
		ck->fn(ck->arg, &f);
}

void
compliance_defaults(struct compliance_options *o)
{
	memset(o, 0, sizeof *o);
	date_today(o->today);
	o->year = atoi(o->today);
	o->threshold = 0.75;
	o->escalated_days = 30;
}

int
compliance_config(struct compliance_options *o, char **warning)
{
	char value[64], where[600];
	double d;

	/* The settings table has checked the value; a bad line was told
	 * with the other settings' problems and is not seen here. */
	if (!config_lookup("attendance_threshold", value, sizeof value, where,
	    sizeof where))
		return 0;
	if (config_percent(value, &d) != 0)
		return err_set(warning, -1, "%s: attendance_threshold '%s' is "
		    "not a percentage (write 75%%); using %.0f%%", where,
		    value, o->threshold * 100.0);
	o->threshold = d;
	return 0;
}

/* Point 3 or 4 (rule), agency by agency in tree order. */
static void
compliance_agencies(struct check *ck, enum compliance_rule rule,
    uint32_t parent, int depth)
{
	struct store_cursor *c;
	struct officer o;
	struct agency a;
	uint32_t *kids;
	size_t n, i;

	if (depth > LEVEL_MAX * 2)
		return;
	n = store_group_ids(ck->t, IX_AGENCY_CHILD, parent, &kids);
	for (i = 0; i < n; i++) {
		if (store_agency_get(ck->t, kids[i], &a, NULL) != 0)
			continue;
		if (a.level == LEVEL_2 && rule == RULE_NO_PO &&
		    store_officers_in_role(ck->t, a.h.id, ROLE_PO,
		    ck->o->today) == 0)
			compliance_say(ck, RULE_NO_PO, a.h.id, 0, 0, a.name,
			    "has no open government participation officer "
			    "(PO) in office (point 3)");
		if (a.level == LEVEL_2 && rule == RULE_NO_SUPERVISOR &&
		    store_officers_in_role(ck->t, a.h.id, ROLE_SUPERVISOR,
		    ck->o->today) == 0)
			compliance_say(ck, RULE_NO_SUPERVISOR, a.h.id, 0, 0,
			    a.name, "has no supervisor (deputy head or CIO) "
			    "in office (point 3)");
		/* Point 4: POs are the agency's own civil servants; point
		 * 8: they are trained. */
		if ((rule == RULE_NOT_CIVIL_SERVANT ||
		    rule == RULE_NO_TRAINING) && store_cursor_open(ck->t,
		    IX_OFFICER_AGENCY, &a.h.id, &c, NULL) == 0) {
			while (store_cursor_move(c, STORE_NEXT) == 0) {
				if (store_cursor_get(c, &o, NULL) != 0 ||
				    o.role != ROLE_PO ||
				    !core_officer_active(&o, ck->o->today))
					continue;
				if (rule == RULE_NOT_CIVIL_SERVANT &&
				    !o.civil_servant)
					compliance_say(ck,
					    RULE_NOT_CIVIL_SERVANT, a.h.id,
					    o.h.id, 0, o.name, "is a PO of %s "
					    "but not its own civil servant "
					    "(point 4)", a.name);
				if (rule == RULE_NO_TRAINING &&
				    store_count(ck->t, IX_OFFICER_TRAINING,
				    &o.h.id) == 0)
					compliance_say(ck, RULE_NO_TRAINING,
					    a.h.id, o.h.id, 0, o.name, "is a PO "
					    "of %s with no training in any of "
					    "the four competencies (point 8)",
					    a.name);
			}
			store_cursor_close(c);
		}
		compliance_agencies(ck, rule, a.h.id, depth + 1);
	}
	free(kids);
}

/* Attendance at work meetings, by the agency copied into attendance. */
struct tally {
	uint32_t	 agency;
	size_t		 invited, present;
};

static struct tally *
compliance_tally(struct tally **t, size_t *n, size_t *cap, uint32_t agency)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if ((*t)[i].agency == agency)
			return &(*t)[i];
	*t = xgrow(*t, cap, *n + 1, sizeof **t);
	memset(&(*t)[*n], 0, sizeof **t);
	(*t)[*n].agency = agency;
	return &(*t)[(*n)++];
}

/*
 * The window of months the meeting rules judge: a calendar year (its
 * months that are over are judged; its attendance counts all of it), or
 * the twelve months before today's (so that in January, December is
 * judged too).
 */
struct window {
	int	 fy, fm;	/* its first month */
	int	 judged;	/* how many of its months are over */
	char	 from[11], to[11];
	char	 span[40];	/* "from 2025-03 to 2026-02", "in 2026" */
};

static void
compliance_window(const struct compliance_options *o, struct window *w)
{
	int ty = atoi(o->today), tm = atoi(o->today + 5);
	char a[16], b[16];

	if (o->rolling) {
		/* Month index k = 0..11 from (fy, fm); all twelve are over. */
		w->fy = (ty * 12 + tm - 1 - 12) / 12;
		w->fm = (ty * 12 + tm - 1 - 12) % 12 + 1;
		w->judged = 12;
		snprintf(w->from, sizeof w->from, "%04u-%02u-01",
		    (unsigned)w->fy % 10000, (unsigned)w->fm % 100);
		date_add_days(o->today, -(atoi(o->today + 8)), w->to);
		/* The months as the reader's date_style has them: 2025-03
		 * or 114/03, a day's date less its day. */
		date_show(w->from, a, sizeof a);
		date_show(w->to, b, sizeof b);
		a[strlen(a) > 3 ? strlen(a) - 3 : 0] = '\0';
		b[strlen(b) > 3 ? strlen(b) - 3 : 0] = '\0';
		snprintf(w->span, sizeof w->span, _("from %s to %s"), a, b);
	} else {
		w->fy = o->year;
		w->fm = 1;
		w->judged = o->year < ty ? 12 : o->year == ty ? tm - 1 : 0;
		snprintf(w->from, sizeof w->from, "%04u-01-01",
		    (unsigned)w->fy % 10000);
		snprintf(w->to, sizeof w->to, "%04u-12-31",
		    (unsigned)w->fy % 10000);
		snprintf(w->span, sizeof w->span, _("in %d"), w->fy);
	}
}

/*
 * Does m count as held? Marked so, or held in fact: still planned, but
 * its day has come and its attendance is taken (*unconfirmed is then 1
 * and k its tally, so that it is named and gets marked).
 */
static int
compliance_held(struct store_txn *t, const struct compliance_options *o,
    const struct meeting *m, struct core_tally *k, int *unconfirmed)
{
	*unconfirmed = 0;
	if (m->status == MEETING_PLANNED && strcmp(m->date, o->today) <= 0) {
		core_meeting_tally(t, m->h.id, k);
		*unconfirmed = core_meeting_unconfirmed(m, k, o->today);
		return *unconfirmed;
	}
	return m->status == MEETING_HELD;
}

/* Attendance that counts as coming: in person, online or by proxy. */
static int
compliance_came(uint32_t status)
{
	return status == ATTEND_PRESENT || status == ATTEND_ONLINE ||
	    status == ATTEND_PROXY;
}

/* Point 7 over the window: meetings held, and who came to the work ones. */
static void
compliance_meetings(struct check *ck)
{
	struct store_cursor *c, *ac;
	struct meeting m;
	struct attendance at;
	struct core_tally tally1;
	struct agency a;
	struct tally *tally = NULL, *tl;
	struct window win;
	size_t ntally = 0, cap = 0, i;
	char subject[32];
	int work[12] = { 0 }, policy[12] = { 0 }, k, judged, fy, fm, unconf;
	int y, mo;
	double rate;

	compliance_window(ck->o, &win);
	fy = win.fy;
	fm = win.fm;
	judged = win.judged;
	if (store_cursor_open(ck->t, IX_MEETING_DATE, NULL, &c, NULL) != 0)
		return;
	/* The window's meetings are one range of the date index. */
	if (store_cursor_seek_text(c, win.from) == 0)
		do {
			if (store_cursor_get(c, &m, NULL) != 0)
				continue;
			if (strcmp(m.date, win.to) > 0)
				break;
			if (!compliance_held(ck->t, ck->o, &m, &tally1,
			    &unconf))
				continue;
			if (unconf) {
				snprintf(subject, sizeof subject, "%s #%u",
				    m.date, m.h.id);
				ck->meeting = m.h.id;
				compliance_say(ck, RULE_NOT_MARKED_HELD,
				    m.agency, 0, 0, subject, "%s: attendance "
				    "taken (%zu of %zu present) but not marked "
				    "held; it counts as held here (mark it: ogpo "
				    "set meeting %u status=held)", m.title,
				    tally1.present, tally1.invited, m.h.id);
				ck->meeting = 0;
			}
			k = (atoi(m.date) - fy) * 12 + atoi(m.date + 5) - fm;
			if (k < 0 || k >= 12)
				continue;
			if (m.kind == MEETING_POLICY)
				policy[k] = 1;
			if (m.kind != MEETING_WORK)
				continue;
			work[k] = 1;
			if (store_cursor_open(ck->t, IX_ATTENDANCE, &m.h.id,
			    &ac, NULL) != 0)
				continue;
			while (store_cursor_move(ac, STORE_NEXT) == 0) {
				if (store_cursor_get(ac, &at, NULL) != 0 ||
				    (at.officer & ATTEND_EXTERNAL))
					continue;
				tl = compliance_tally(&tally, &ntally, &cap,
				    at.agency);
				tl->invited++;
				tl->present += compliance_came(at.status);
			}
			store_cursor_close(ac);
		} while (store_cursor_move(c, STORE_NEXT) == 0);
	store_cursor_close(c);

	/* Only months and quarters that are over count as missed. */
	for (k = 0; k < judged; k++) {
		y = fy + (fm - 1 + k) / 12;
		mo = (fm - 1 + k) % 12 + 1;
		if (!work[k]) {
			snprintf(subject, sizeof subject, "%04u-%02u",
			    (unsigned)y % 10000, (unsigned)mo % 100);
			compliance_say(ck, RULE_NO_WORK_MEETING, 0, 0, 0,
			    subject, "no PO work meeting (工作推動會議) was "
			    "held that month (point 7)");
		}
	}
	for (k = 2; k < judged; k++) {
		y = fy + (fm - 1 + k) / 12;
		mo = (fm - 1 + k) % 12 + 1;
		/* A calendar quarter whose three months are all judged. */
		if (mo % 3 != 0)
			continue;
		if (!policy[k] && !policy[k - 1] && !policy[k - 2]) {
			snprintf(subject, sizeof subject, "%04u Q%u",
			    (unsigned)y % 10000, (unsigned)mo / 3);
			compliance_say(ck, RULE_NO_POLICY_MEETING, 0, 0, 0,
			    subject, "no policy coordination meeting "
			    "(政策協調聯繫會議) was held that quarter (point 7)");
		}
	}
	for (i = 0; i < ntally; i++) {
		rate = tally[i].invited ? (double)tally[i].present /
		    (double)tally[i].invited : 1.0;
		if (rate >= ck->o->threshold)
			continue;
		if (store_agency_get(ck->t, tally[i].agency, &a, NULL) != 0)
			snprintf(a.name, sizeof a.name, "#%u",
			    tally[i].agency);
		compliance_say(ck, RULE_LOW_ATTENDANCE, tally[i].agency, 0, 0,
		    a.name, "attended %zu of its %zu invitations to PO work "
		    "meetings %s (%.1f%%, below %.0f%%)",
		    tally[i].present, tally[i].invited, win.span,
		    rate * 100.0, ck->o->threshold * 100.0);
	}
	free(tally);
}

size_t
compliance_missed(struct store_txn *t, const struct compliance_options *o,
    uint32_t agency, void (*fn)(void *arg, const struct meeting *m,
    const struct attendance *at), void *arg)
{
	struct store_cursor *c, *ac;
	struct meeting m;
	struct attendance at;
	struct core_tally k;
	struct window win;
	uint32_t *ids = NULL;
	size_t n = 0, cap = 0, calls = 0, i;
	int unconf, invited, came;

	compliance_window(o, &win);
	if (store_cursor_open(t, IX_MEETING_DATE, NULL, &c, NULL) != 0)
		return 0;
	if (store_cursor_seek_text(c, win.from) == 0)
		do {
			if (store_cursor_get(c, &m, NULL) != 0)
				continue;
			if (strcmp(m.date, win.to) > 0)
				break;
			if (m.kind == MEETING_WORK &&
			    compliance_held(t, o, &m, &k, &unconf)) {
				ids = xgrow(ids, &cap, n + 1, sizeof *ids);
				ids[n++] = m.h.id;
			}
		} while (store_cursor_move(c, STORE_NEXT) == 0);
	store_cursor_close(c);
	/* Newest first, each meeting's invitees from the agency. */
	for (i = n; i-- > 0;) {
		if (store_meeting_get(t, ids[i], &m, NULL) != 0 ||
		    store_cursor_open(t, IX_ATTENDANCE, &ids[i], &ac,
		    NULL) != 0)
			continue;
		invited = 0;
		while (store_cursor_move(ac, STORE_NEXT) == 0) {
			if (store_cursor_get(ac, &at, NULL) != 0 ||
			    (at.officer & ATTEND_EXTERNAL) ||
			    at.agency != agency)
				continue;
			invited = 1;
			came = compliance_came(at.status);
			if (!came && fn != NULL)
				fn(arg, &m, &at);
			calls += !came;
		}
		store_cursor_close(ac);
		if (!invited && fn != NULL)
			fn(arg, &m, NULL);
		calls += !invited;
	}
	free(ids);
	return calls;
}

/* Days from date a to date b (YYYY-MM-DD). */
static long
compliance_days(const char *a, const char *b)
{
	struct tm ta, tb;

	memset(&ta, 0, sizeof ta);
	memset(&tb, 0, sizeof tb);
	ta.tm_year = atoi(a) - 1900;
	ta.tm_mon = atoi(a + 5) - 1;
	ta.tm_mday = atoi(a + 8);
	ta.tm_hour = 12;
	tb.tm_year = atoi(b) - 1900;
	tb.tm_mon = atoi(b + 5) - 1;
	tb.tm_mday = atoi(b + 8);
	tb.tm_hour = 12;
	return (long)((mktime(&tb) - mktime(&ta)) / 86400);
}

/* Point 6: an escalation the minister has not taken up. */
static void
compliance_issues(struct check *ck)
{
	struct store_cursor *c;
	struct issue *is = xmalloc(sizeof *is);
	char subject[160], since[16];
	long days;

	if (store_cursor_open(ck->t, IX_ISSUE, NULL, &c, NULL) != 0) {
		free(is);
		return;
	}
	while (store_cursor_move(c, STORE_NEXT) == 0) {
		if (store_cursor_get(c, is, NULL) != 0 ||
		    is->status != ISSUE_ESCALATED || !date_valid(is->status_since))
			continue;
		days = compliance_days(is->status_since, ck->o->today);
		if (days <= ck->o->escalated_days)
			continue;
		/* The case by its number (案號), as the meetings know it. */
		if (is->serial[0] != '\0')
			snprintf(subject, sizeof subject, "%s %.140s",
			    is->serial, is->title);
		else
			snprintf(subject, sizeof subject, "#%u %.140s",
			    is->h.id, is->title);
		compliance_say(ck, RULE_ESCALATED_LONG, is->lead, 0, is->h.id,
		    subject, "has waited for the minister's cross-ministerial "
		    "meeting since %s (%ld days, more than %d)",
		    date_show(is->status_since, since, sizeof since), days,
		    ck->o->escalated_days);
	}
	store_cursor_close(c);
	free(is);
}

/* A deadline passed and not met: what, since when, and by how much. */
static int
compliance_overdue_one(void *arg, const struct core_deadline *d)
{
	struct check *ck = arg;
	char agency[OGPO_NAME_MAX + 1], due[16];
	struct agency a;
	char *ago;
	long days;

	if (d->done[0] != '\0' || strcmp(d->due, ck->o->today) >= 0)
		return 0;
	if (store_agency_get(ck->t, d->agency, &a, NULL) == 0)
		str_copy(agency, a.name, sizeof agency);
	else
		snprintf(agency, sizeof agency, "#%u", d->agency);
	days = core_days_between(d->due, ck->o->today);
	ago = xasprintf(ngettext("%ld day ago", "%ld days ago", days), days);
	/* In the reader's date_style, as the dates around it. */
	date_show(d->due, due, sizeof due);
	if (d->kind == DEADLINE_RESPONSE && d->extended)
		compliance_say(ck, RULE_OVERDUE, d->agency, 0, d->id, d->what,
		    "%s has not answered the Join proposal: the extended "
		    "response was due on %s (%s)", agency, due, ago);
	else if (d->kind == DEADLINE_RESPONSE)
		compliance_say(ck, RULE_OVERDUE, d->agency, 0, d->id, d->what,
		    "%s has not answered the Join proposal: the response was "
		    "due on %s, two calendar months after it passed (%s)",
		    agency, due, ago);
	else
		compliance_say(ck, RULE_OVERDUE, d->agency, 0, d->id, d->what,
		    "%s has not recorded contacting the proposer, due on %s, "
		    "7 calendar days after the proposal passed (%s)", agency,
		    due, ago);
	free(ago);
	return 0;
}

/* One owner's overdue resolution (core_resolution_deadlines). */
static void
compliance_deadline(void *arg, const struct resolution_deadline *d)
{
	struct check *ck = arg;
	struct meeting *m;
	struct agency a;
	char subject[160], text[100], held[16], due[16];
	long days;

	if (strcmp(d->due, ck->o->today) >= 0)
		return;
	days = compliance_days(d->due, ck->o->today);
	if (store_agency_get(ck->t, d->agency, &a, NULL) != 0)
		snprintf(a.name, sizeof a.name, "#%u", d->agency);
	m = xmalloc(sizeof *m);
	if (store_meeting_get(ck->t, d->meeting, m, NULL) != 0)
		snprintf(m->date, sizeof m->date, "#%u", d->meeting);
	snprintf(subject, sizeof subject, "%s", a.name);
	memcpy(text, d->what, sizeof text - 1);
	text[sizeof text - 1] = '\0';
	str_utf8_cut(text);
	ck->meeting = d->meeting;
	compliance_say(ck, RULE_RESOLUTION_OVERDUE, d->agency, 0, 0, subject,
	    "resolution %u of the meeting of %s (#%u), \"%s\", was due "
	    "%s (%ld days ago) and is still followed", d->number,
	    date_show(m->date, held, sizeof held), d->id, text,
	    date_show(d->due, due, sizeof due), days);
	ck->meeting = 0;
	free(m);
}

size_t
compliance_check(struct store_txn *t, const struct compliance_options *o,
    void (*fn)(void *arg, const struct compliance_finding *f), void *arg)
{
	struct check ck = { t, o, fn, arg, 0, 0 };

	compliance_agencies(&ck, RULE_NO_PO, 0, 0);
	compliance_agencies(&ck, RULE_NO_SUPERVISOR, 0, 0);
	compliance_agencies(&ck, RULE_NOT_CIVIL_SERVANT, 0, 0);
	compliance_meetings(&ck);
	compliance_issues(&ck);
	(void)core_deadlines(t, compliance_overdue_one, &ck);
	if (o->training)
		compliance_agencies(&ck, RULE_NO_TRAINING, 0, 0);
	core_resolution_deadlines(t, compliance_deadline, &ck);
	return ck.n;
}
