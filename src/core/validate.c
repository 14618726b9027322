/*
 * validate.c — the rules a record must keep before it is stored: limits and
 * forms from the field table, then the regulation's structure (agency
 * levels, who may be a supervisor, dates in order). Each complaint names
 * the field and the value, in words a person can act on.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core-int.h"
#include "ogpo/resolution.h"
#include "ogpo/vote.h"
#include "ogpo/text.h"

/* What core_check looks at: everything, or its two parts. */
enum check_part {
	CHECK_ALL,
	CHECK_TEXT,		/* the string fields, no database */
	CHECK_REST		/* all but the string fields */
};

struct check {
	struct store_txn	*t;
	const struct schema	*s;
	const void		*rec;
	struct core_fault	*faults;
	size_t			 max, n;
	enum check_part		 part;
};

static void check_fault(struct check *ck, const char *name, const char *fmt,
    ...) OGPO_PRINTF(3, 4);

/* Record a complaint about field name (NULL: the whole record). */
static void
check_fault(struct check *ck, const char *name, const char *fmt, ...)
{
	va_list ap;

	if (ck->n < ck->max) {
		struct core_fault *f = &ck->faults[ck->n];

		f->field = name ? schema_field(ck->s, name) : NULL;
		va_start(ap, fmt);
		vsnprintf(f->msg, sizeof f->msg, _(fmt), ap);
		va_end(ap);
	}
	ck->n++;
}

static int
check_email(const char *s)
{
	const char *at = strchr(s, '@'), *dot;
	const char *p;

	if (at == NULL || at == s || strchr(at + 1, '@') != NULL)
		return 0;
	dot = strrchr(at, '.');
	if (dot == NULL || dot == at + 1 || dot[1] == '\0')
		return 0;
	for (p = s; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == ',' || *p == ';' ||
		    *p == '<' || *p == '>' || *p == '"')
			return 0;
	return 1;
}

static int
check_charset(const char *s, const char *extra, int (*cls)(int))
{
	for (; *s; s++)
		if (!cls((unsigned char)*s) && strchr(extra, *s) == NULL)
			return 0;
	return 1;
}

static int
check_time(const char *s)
{
	return strlen(s) == 5 && isdigit((unsigned char)s[0]) &&
	    isdigit((unsigned char)s[1]) && s[2] == ':' &&
	    isdigit((unsigned char)s[3]) && isdigit((unsigned char)s[4]) &&
	    (s[0] - '0') * 10 + (s[1] - '0') < 24 &&
	    (s[3] - '0') * 10 + (s[4] - '0') < 60;
}

/* Control characters have no place in a record; tab and newline only in
 * free text. Returns the byte offset of the first bad one, or -1. */
static long
check_controls(const char *s, int multiline)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p; p++) {
		if (*p == 0x7f || (*p < 0x20 && !(multiline &&
		    (*p == '\n' || *p == '\t'))))
			return (long)(p - (const unsigned char *)s);
		/* C1 controls are U+0080–U+009F, encoded C2 80–C2 9F. */
		if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			return (long)(p - (const unsigned char *)s);
	}
	return -1;
}

/*
 * U+FFFE and U+FFFF are no characters, and XML has no place for them: in
 * an .xlsx export a spreadsheet program stops reading the sheet at the
 * first, so one person's record would cut short everyone's export of it.
 * Returns the byte offset of the first, or -1.
 */
static long
check_nonchars(const char *s)
{
	const char *p;

	for (p = s; (p = strstr(p, "\xef\xbf")) != NULL; p += 2)
		if (p[2] == '\xbe' || p[2] == '\xbf')
			return (long)(p - s);
	return -1;
}

/* The form of one string field. */
static void
check_string(struct check *ck, const struct field *f, const char *v)
{
	size_t len = strnlen(v, f->size);
	int multiline = strcmp(f->name, "note") == 0 ||
	    strcmp(f->name, "description") == 0 || f->size > OGPO_TEXT_MAX + 1;
	long bad;

	if (len >= f->size) {
		check_fault(ck, f->name, "%s is too long: at most %zu bytes "
		    "(about %zu Chinese characters)", _(f->label), f->size - 1,
		    (f->size - 1) / 3);
		return;
	}
	if (!text_utf8_valid(v, len)) {
		check_fault(ck, f->name, "%s is not valid UTF-8 text", _(f->label));
		return;
	}
	if ((bad = check_controls(v, multiline)) >= 0) {
		check_fault(ck, f->name, "%s holds a control character at "
		    "byte %ld; remove it", _(f->label), bad + 1);
		return;
	}
	if ((bad = check_nonchars(v)) >= 0) {
		check_fault(ck, f->name, "%s holds U+%04lX at byte %ld, which "
		    "is no character: an .xlsx file holding it is cut short "
		    "there when opened; remove it", _(f->label),
		    (unsigned long)(0xfffe + ((unsigned char)v[bad + 2] & 1)),
		    bad + 1);
		return;
	}
	if (*v == '\0')
		return;
	switch (f->form) {
	case FORM_DATE:
		if (!date_valid(v) && i18n_date_style() == I18N_DATE_ROC)
			check_fault(ck, f->name, "%s '%s' is not a date; write "
			    "it as 113/05/08, 民國113年5月8日 or 2024-05-08",
			    _(f->label), v);
		else if (!date_valid(v))
			check_fault(ck, f->name, "%s '%s' is not a date; write "
			    "it as YYYY-MM-DD, e.g. 2024-05-08", _(f->label), v);
		break;
	case FORM_TIME:
		if (!check_time(v))
			check_fault(ck, f->name, "%s '%s' is not a time; write "
			    "it as HH:MM, e.g. 14:30", _(f->label), v);
		break;
	case FORM_EMAIL:
		if (!check_email(v))
			check_fault(ck, f->name, "%s '%s' is not an e-mail "
			    "address; write it whole, as name@agency.gov.tw",
			    _(f->label), v);
		break;
	case FORM_CODE:
		if (!check_charset(v, "-_", isalnum))
			check_fault(ck, f->name, "%s '%s' may hold only "
			    "letters, digits, '-' and '_'", _(f->label), v);
		break;
	case FORM_PHONE:
		if (!check_charset(v, " +-()#,", isdigit))
			check_fault(ck, f->name, "%s '%s' may hold only "
			    "digits, spaces and + - ( ) #", _(f->label), v);
		break;
	case FORM_URL:
		if (strncmp(v, "http://", 7) != 0 &&
		    strncmp(v, "https://", 8) != 0)
			check_fault(ck, f->name, "%s '%s' is not a web address; "
			    "it should start with https://", _(f->label), v);
		break;
	case FORM_NUMBER:
		if (!check_charset(v, ".", isdigit) || strchr(v, '.') !=
		    strrchr(v, '.') || *v == '.')
			check_fault(ck, f->name, "%s '%s' is not a number, e.g. "
			    "3 or 1.5", _(f->label), v);
		break;
	case FORM_LOGIN:
		if (!check_charset(v, "-_.@$", isalnum))
			check_fault(ck, f->name, "%s '%s' is not a login name",
			    _(f->label), v);
		break;
	case FORM_SERIAL:
		if (core_serial_parse(v, NULL, NULL) != 0)
			check_fault(ck, f->name, "%s '%s' is not a case number; "
			    "write it as the ROC year, '-' and a number, e.g. "
			    "115-07", _(f->label), v);
		break;
	default:
		break;
	}
}

/* Does a record of kind with this id exist? */
static int
check_exists(struct check *ck, enum entity_kind kind, uint32_t id)
{
	return store_exists(ck->t, kind, id);
}

/* Limits, forms, enums and references: everything the field table says. */
static void
check_fields(struct check *ck)
{
	const struct schema *s = ck->s;
	const struct field *f;
	uint32_t u, n, i, list[OGPO_COLLAB_MAX];
	size_t k;

	for (k = 0; k < s->nfields; k++) {
		f = &s->fields[k];
		if (f->flags & FIELD_HEAD)
			continue;
		const char *p = (const char *)ck->rec + f->offset;

		if ((ck->part == CHECK_TEXT && f->type != FIELD_STR) ||
		    (ck->part == CHECK_REST && f->type == FIELD_STR))
			continue;
		switch (f->type) {
		case FIELD_STR:
			if ((f->flags & FIELD_REQUIRED) && *p == '\0') {
				check_fault(ck, f->name, "%s is required",
				    _(f->label));
				break;
			}
			check_string(ck, f, p);
			break;
		case FIELD_U32:
			memcpy(&u, p, sizeof u);
			if ((f->flags & FIELD_REQUIRED) && u == 0) {
				check_fault(ck, f->name, "%s is required",
				    _(f->label));
				break;
			}
			if (f->enums != NULL && (u != 0 || f->enums->min == 0)
			    && (u < f->enums->min || u > f->enums->max))
				check_fault(ck, f->name, "%s: %u is not one of "
				    "the choices", _(f->label), u);
			else if (f->form == FORM_BOOL && u > 1)
				check_fault(ck, f->name, "%s must be yes or no",
				    _(f->label));
			else if (f->form == FORM_COMPETENCIES &&
			    (u & ~(uint32_t)COMPETENCE_ALL))
				check_fault(ck, f->name, "%s: unknown "
				    "competencies %#x", _(f->label), u);
			else if (f->form == FORM_TRIGGERS &&
			    (u & ~(uint32_t)TRIGGER_ALL))
				check_fault(ck, f->name, "%s: unknown trigger "
				    "flags %#x", _(f->label), u);
			else if (f->ref != 0 && u != 0 &&
			    !(ck->s->kind == ENTITY_ATTENDANCE &&
			    (u & ATTEND_EXTERNAL)) &&
			    !check_exists(ck, f->ref, u))
				check_fault(ck, f->name, "%s: %s #%u does not "
				    "exist", _(f->label),
				    model_noun(f->ref), u);
			break;
		case FIELD_U32LIST:
			memcpy(&n, (const char *)ck->rec + f->count, sizeof n);
			if (n > f->size / sizeof u) {
				check_fault(ck, f->name, "%s: at most %zu",
				    _(f->label), f->size / sizeof u);
				break;
			}
			memcpy(list, p, n * sizeof u);
			for (i = 0; i < n; i++)
				if (list[i] == 0 || (f->ref != 0 &&
				    !check_exists(ck, f->ref, list[i])))
					check_fault(ck, f->name, "%s: %s #%u "
					    "does not exist", _(f->label),
					    model_noun(f->ref), list[i]);
			break;
		default:
			break;
		}
	}
}

/*
 * An agency's name is how people and their sheets find it (the 機關
 * column of every import, the pickers): a second agency of the same
 * name makes each of those guess. The official names of the Executive
 * Yuan's agencies are unique, a subordinate's carrying its parent's
 * (內政部警政署, not 警政署), so a name another agency has is refused,
 * naming that agency.
 */
static void
check_agency_name(struct check *ck, const struct agency *a)
{
	struct store_cursor *c;
	struct agency *o;

	if (a->name[0] == '\0' || store_cursor_open(ck->t, IX_AGENCY, NULL,
	    &c, NULL) != 0)
		return;
	o = xmalloc(sizeof *o);
	while (store_cursor_move(c, STORE_NEXT) == 0)
		if (store_cursor_id(c) != a->h.id &&
		    store_cursor_get(c, o, NULL) == 0 &&
		    strcmp(o->name, a->name) == 0) {
			check_fault(ck, "name", "agency %s (#%u) already has "
			    "the name %s, and sheets and pickers find an "
			    "agency by its name: give this one its full "
			    "official name (a subordinate's starts with its "
			    "parent's, as 內政部警政署)", o->code, o->h.id,
			    a->name);
			break;
		}
	free(o);
	store_cursor_close(c);
}

/* Point 3: the tree has levels, the Executive Yuan on top. */
static void
check_agency(struct check *ck)
{
	const struct agency *a = ck->rec;
	struct agency parent, up;
	uint32_t id, hops;

	check_agency_name(ck, a);
	if (a->parent == 0) {
		if (a->level != LEVEL_CABINET && a->level != 0)
			check_fault(ck, "parent", "only the Executive Yuan "
			    "(level 1) stands without a parent; choose the "
			    "parent agency");
		return;
	}
	if (store_agency_get(ck->t, a->parent, &parent, NULL) != 0)
		return;		/* check_fields said so */
	if (a->level != 0 && a->level != parent.level + 1)
		check_fault(ck, "level", "Level %u does not fit under %s, a "
		    "level %u agency: it should be %u", a->level, parent.name,
		    parent.level, parent.level + 1);
	if (parent.level >= LEVEL_MAX)
		check_fault(ck, "parent", "%s is a level %u agency and can "
		    "have no sub-agencies", parent.name, parent.level);
	/* Moving an agency under its own descendant would make a loop. */
	for (id = a->parent, hops = 0; id != 0 && hops < 16; hops++) {
		if (a->h.id != 0 && id == a->h.id) {
			check_fault(ck, "parent", "%s cannot be placed under "
			    "itself or one of its own sub-agencies", a->name);
			break;
		}
		if (store_agency_get(ck->t, id, &up, NULL) != 0)
			break;
		id = up.parent;
	}
}

static void
check_officer(struct check *ck)
{
	const struct officer *o = ck->rec;
	struct agency a;

	if (o->role == ROLE_SUPERVISOR && o->supervisor == SUPV_NONE)
		check_fault(ck, "supervisor", "a supervisor is the deputy head "
		    "(副首長) or the CIO (資訊長): choose which");
	if (o->role != ROLE_SUPERVISOR && o->supervisor != SUPV_NONE)
		check_fault(ck, "supervisor", "Supervisor kind applies only to "
		    "the supervisor role");
	if (o->role != ROLE_MEMBER && o->function != FUNC_NONE)
		check_fault(ck, "function", "Function applies only to "
		    "working-group members");
	if (o->start_date[0] && o->end_date[0] && date_valid(o->start_date) &&
	    date_valid(o->end_date) && strcmp(o->end_date, o->start_date) < 0)
		check_fault(ck, "end_date", "End date %s is before the start "
		    "date %s", o->end_date, o->start_date);
	if (o->role == ROLE_MINISTER && o->agency != 0 &&
	    store_agency_get(ck->t, o->agency, &a, NULL) == 0 &&
	    a.level != LEVEL_CABINET)
		check_fault(ck, "role", "the supervising minister (政務委員) "
		    "belongs to the Executive Yuan, not %s", a.name);
}

/*
 * How many of a meeting's invitees are marked as having come or not
 * (an excused absence is said ahead, and is no sign it took place).
 */
static size_t
attend_marked(struct store_txn *t, uint32_t meeting)
{
	struct store_cursor *c;
	struct attendance *a;
	size_t n = 0;

	if (meeting == 0 ||
	    store_cursor_open(t, IX_ATTENDANCE, &meeting, &c, NULL) != 0)
		return 0;
	a = xmalloc(sizeof *a);
	while (store_cursor_move(c, STORE_NEXT) == 0)
		if (store_cursor_get(c, a, NULL) == 0 &&
		    a->status != ATTEND_INVITED && a->status != ATTEND_EXCUSED)
			n++;
	free(a);
	store_cursor_close(c);
	return n;
}

/*
 * A meeting is held on its day or after: marked held before, it would
 * count for a month that has not come (a slip, or a date to put right).
 * For the same reason one whose attendance is marked, held or not yet
 * said so, does not move to a day still to come: its marks would then
 * be ones core_attend_early refuses.
 * Today is the one every other rule judges by (date_today: the server's,
 * never the caller's), and a meeting held today is held.
 */
static void
check_meeting(struct check *ck)
{
	const struct meeting *m = ck->rec;
	char today[OGPO_DATE_MAX + 1], name[OGPO_TEXT_MAX + 16];
	size_t n;

	if (m->issue != 0 && m->kind != MEETING_ISSUE)
		check_fault(ck, "issue", "only an issue collaboration meeting "
		    "is linked to an issue");
	date_today(today);
	if (!date_valid(m->date) || strcmp(m->date, today) <= 0)
		return;
	/* Its number too once it has one: titles repeat month by month. */
	if (m->h.id != 0)
		snprintf(name, sizeof name, "#%u %s", m->h.id, m->title);
	else
		str_copy(name, m->title, sizeof name);
	if (m->status == MEETING_HELD)
		check_fault(ck, "status", "Meeting %s is set for %s, a day "
		    "still to come: it can be marked held from that day on (if "
		    "it took place already, correct its date)", name, m->date);
	else if ((n = attend_marked(ck->t, m->h.id)) != 0)
		check_fault(ck, "date", "Meeting %s has attendance marked for %zu "
		    "people, so it has taken place: its date cannot move to %s, "
		    "a day still to come. Keep the day it was held, or take "
		    "the marks back to invited first", name, n, m->date);
}

/*
 * Who came, and who did not, is known on the meeting's day or after: a
 * mark before it would count for a month that has not come, as a
 * meeting held before its day would. An excused absence (請假) is said
 * ahead, and a mark taken back (invited again) is no mark: both stay
 * open before the day. Today is the server's, as for check_meeting.
 */
int
core_attend_early(const struct meeting *m, uint32_t status, char *buf,
    size_t len)
{
	char today[OGPO_DATE_MAX + 1];

	if (status == ATTEND_INVITED || status == ATTEND_EXCUSED ||
	    !date_valid(m->date))
		return 0;
	date_today(today);
	if (strcmp(m->date, today) <= 0)
		return 0;
	snprintf(buf, len, _("Meeting #%u %s is set for %s, a day still to "
	    "come: attendance can be marked from that day on; before it, only "
	    "an excused absence (請假). If it took place already, correct its "
	    "date."), m->h.id, m->title, m->date);
	return 1;
}

static void
check_attendance(struct check *ck)
{
	const struct attendance *a = ck->rec;
	struct meeting *m;
	char why[sizeof ck->faults->msg];

	m = xmalloc(sizeof *m);
	if (store_meeting_get(ck->t, a->meeting, m, NULL) == 0 &&
	    core_attend_early(m, a->status, why, sizeof why))
		check_fault(ck, "status", "%s", why);
	free(m);

	if (a->status == ATTEND_PROXY && a->proxy[0] == '\0')
		check_fault(ck, "proxy", "name the person who came in their "
		    "place (代理出席)");
	if ((a->officer & ATTEND_EXTERNAL) && a->name[0] == '\0')
		check_fault(ck, "name", "an external participant needs a name");
	if (a->status != ATTEND_PROXY && a->proxy[0] != '\0')
		check_fault(ck, "proxy", "'%s' is named as the proxy, but only "
		    "attendance by proxy (代理出席) has one: mark it so, or "
		    "leave the proxy empty", a->proxy);
}

static void
check_issue(struct check *ck)
{
	const struct issue *is = ck->rec;
	uint32_t i;

	char limit[OGPO_DATE_MAX + 1], due[OGPO_DATE_MAX + 1];

	for (i = 0; i < is->ncollab && i < OGPO_COLLAB_MAX; i++)
		if (is->collab[i] == is->lead) {
			check_fault(ck, "collab", "the lead agency is not "
			    "also a collaborating agency");
			break;
		}
	if (is->source == SOURCE_JOIN) {
		if (is->join_no[0] == '\0')
			check_fault(ck, "join_no", "a case from a Join proposal "
			    "needs the proposal's number (join_no)");
		if (is->passed[0] == '\0')
			check_fault(ck, "passed", "a case from a Join proposal "
			    "needs the day the proposal passed (passed=YYYY-MM-DD)"
			    ": its response is due two months after");
	} else if (is->join_no[0] || is->extended_on[0] || is->extended_to[0])
		check_fault(ck, "source", "a proposal number and an extension "
		    "belong to a case from a Join proposal: set source=join "
		    "or leave them empty");
	/* What the proposal asks of the agency comes after it passed: a
	 * year typed wrong (115 for 116) must not contact, extend or answer
	 * a proposal before there was one. */
	if (is->source == SOURCE_JOIN && date_valid(is->passed)) {
		if (date_valid(is->contacted) &&
		    strcmp(is->contacted, is->passed) < 0)
			check_fault(ck, "contacted", "the proposer was contacted "
			    "on %s, before the proposal passed (%s)",
			    is->contacted, is->passed);
		if (date_valid(is->extended_on) &&
		    strcmp(is->extended_on, is->passed) < 0)
			check_fault(ck, "extended_on", "the extension was "
			    "noticed on %s, before the proposal passed (%s)",
			    is->extended_on, is->passed);
		if (date_valid(is->responded) &&
		    strcmp(is->responded, is->passed) < 0)
			check_fault(ck, "responded", "the response was given on "
			    "%s, before the proposal passed (%s)", is->responded,
			    is->passed);
	}
	if ((is->extended_on[0] == '\0') != (is->extended_to[0] == '\0'))
		check_fault(ck, "extended_to", "an extension needs both the day "
		    "of its public notice (extended_on) and the new due date "
		    "(extended_to)");
	else if (is->extended_to[0] && date_valid(is->extended_to) &&
	    date_valid(is->passed)) {
		date_period_end(is->passed, CASE_JOIN_MONTHS, due);
		date_period_end(due, CASE_EXTEND_MONTHS, limit);
		if (strcmp(is->extended_to, due) <= 0)
			check_fault(ck, "extended_to", "the extension's new due "
			    "date %s is not after the response's due date %s",
			    is->extended_to, due);
		else if (strcmp(is->extended_to, limit) > 0)
			check_fault(ck, "extended_to", "an extension is of at "
			    "most two months: the new due date may be %s at the "
			    "latest, not %s", limit, is->extended_to);
		if (date_valid(is->extended_on) &&
		    strcmp(is->extended_on, due) > 0)
			check_fault(ck, "extended_on", "the extension was "
			    "noticed on %s, after the response was due (%s): "
			    "it is noticed before the due date", is->extended_on,
			    due);
	}
	if (is->close_meeting != 0 && is->stage != CASE_CLOSED)
		check_fault(ck, "close_meeting", "a meeting that decided to "
		    "close is recorded only on a closed case");
}

static void
check_progress(struct check *ck)
{
	const struct progress *p = ck->rec;
	struct issue *is;

	if (p->issue == 0 || !store_exists(ck->t, ENTITY_ISSUE, p->issue))
		return;		/* check_fields said so */
	is = xmalloc(sizeof *is);
	if (store_issue_get(ck->t, p->issue, is, NULL) == 0 &&
	    (is->stage == CASE_CLOSED || is->stage == CASE_WITHDRAWN) &&
	    p->h.id == 0)
		check_fault(ck, "issue", "case %s is %s: it takes no more "
		    "progress reports", is->serial[0] ? is->serial : is->title,
		    _(model_enum_label(&model_case_stages, is->stage)));
	free(is);
}

/*
 * A resolution: an owner at least, its number once in its meeting, and
 * its status decided by a later meeting of the same kind.
 */
static void
check_resolution(struct check *ck)
{
	const struct resolution *r = ck->rec;
	struct resolution *o;
	struct meeting *m, *d;
	struct store_cursor *c;

	if (r->nowner == 0)
		check_fault(ck, "owner", "name the agency or agencies that "
		    "carry the resolution out (by code: owner=MOI,MODA)");
	if (r->meeting == 0)
		return;
	o = xmalloc(sizeof *o);
	if (r->number != 0 && store_cursor_open(ck->t, IX_MEETING_RESOLUTION,
	    &r->meeting, &c, NULL) == 0) {
		while (store_cursor_move(c, STORE_NEXT) == 0)
			if (store_cursor_get(c, o, NULL) == 0 &&
			    o->h.id != r->h.id && o->number == r->number) {
				check_fault(ck, "number", "meeting #%u already "
				    "has a resolution %u (#%u); give another "
				    "number or leave it empty for the next",
				    r->meeting, r->number, o->h.id);
				break;
			}
		store_cursor_close(c);
	}
	free(o);
	m = xmalloc(sizeof *m);
	d = xmalloc(sizeof *d);
	/* A due date before the meeting that set it is overdue the moment it
	 * is saved: a slip, most often of the 民國 year (115/01/31 typed at
	 * a December meeting of 115 for 116/01/31). Refused, naming both. */
	if (r->due[0] != '\0' && date_valid(r->due) &&
	    store_meeting_get(ck->t, r->meeting, m, NULL) == 0 &&
	    date_valid(m->date) && strcmp(r->due, m->date) < 0) {
		char due[16], held[16];

		check_fault(ck, "due", "the due date %s is before %s, the date "
		    "of meeting #%u that made the resolution: a resolution "
		    "falls due on or after its meeting; check the year, "
		    "correct the due date or leave it empty",
		    date_show(r->due, due, sizeof due),
		    date_show(m->date, held, sizeof held), m->h.id);
	}
	if (r->decided != 0 &&
	    store_meeting_get(ck->t, r->meeting, m, NULL) == 0 &&
	    store_meeting_get(ck->t, r->decided, d, NULL) == 0 &&
	    r->decided != r->meeting && !core_meeting_reviews(d, m)) {
		if (d->kind == MEETING_ISSUE && m->kind == MEETING_ISSUE &&
		    core_meeting_after(d, m))
			check_fault(ck, "decided", "meeting #%u (%s) cannot "
			    "decide on a resolution of meeting #%u (%s): an "
			    "issue collaboration meeting reviews only its own "
			    "case's", d->h.id, d->date, m->h.id, m->date);
		else
			check_fault(ck, "decided", "meeting #%u (%s) cannot "
			    "decide on a resolution of meeting #%u (%s): only a "
			    "later meeting of the same kind reviews it",
			    d->h.id, d->date, m->h.id, m->date);
	}
	free(d);
	free(m);
}

/* The vote of a candidate or ballot: it exists and still takes them. */
static int
check_vote_open(struct check *ck, uint32_t vote, struct vote *v)
{
	if (vote == 0 || store_get(ck->t, ENTITY_VOTE, vote, v, NULL) != 0)
		return 0;
	if (v->status != VOTE_OPEN) {
		check_fault(ck, "vote", "vote #%u (%s) is closed; its "
		    "candidates and ballots stay as they were", vote, v->date);
		return 0;
	}
	return 1;
}

/*
 * A ballot: its voter a PO in office on the vote's date, one ballot
 * each, approving candidates of that vote, each once.
 */
static void
check_ballot(struct check *ck)
{
	const struct ballot *b = ck->rec;
	struct vote *v = xmalloc(sizeof *v);
	struct officer *o = xmalloc(sizeof *o);
	struct candidate *cd = xmalloc(sizeof *cd);
	struct ballot *other = xmalloc(sizeof *other);
	struct store_cursor *c;
	uint32_t i, j;

	if (!check_vote_open(ck, b->vote, v))
		goto out;
	if (b->officer != 0 && store_officer_get(ck->t, b->officer, o,
	    NULL) == 0 && !core_vote_eligible(o, v->date))
		check_fault(ck, "officer", "%s (#%u) may not vote in vote #%u: "
		    "only the POs in office on %s vote", o->name, o->h.id,
		    b->vote, v->date);
	for (i = 0; i < b->nchoice && i < OGPO_COLLAB_MAX; i++) {
		for (j = 0; j < i; j++)
			if (b->choice[j] == b->choice[i])
				check_fault(ck, "choice", "candidate #%u is "
				    "approved twice", b->choice[i]);
		if (store_get(ck->t, ENTITY_CANDIDATE, b->choice[i], cd,
		    NULL) == 0 && cd->vote != b->vote)
			check_fault(ck, "choice", "candidate #%u (%s) is not "
			    "one of vote #%u's", b->choice[i], cd->title,
			    b->vote);
	}
	if (store_cursor_open(ck->t, IX_VOTE_BALLOT, &b->vote, &c, NULL) != 0)
		goto out;
	while (store_cursor_move(c, STORE_NEXT) == 0)
		if (store_cursor_get(c, other, NULL) == 0 &&
		    other->h.id != b->h.id && other->officer == b->officer) {
			check_fault(ck, "officer", "officer #%u has a ballot "
			    "in vote #%u already (#%u); change that one",
			    b->officer, b->vote, other->h.id);
			break;
		}
	store_cursor_close(c);
out:
	free(other);
	free(cd);
	free(o);
	free(v);
}

/*
 * A user: an editor may edit the agencies named, and those below them;
 * one with none could edit nothing (ogpo user add refuses it too).
 */
static void
check_user(struct check *ck)
{
	const struct user *u = ck->rec;

	if (u->role == UROLE_EDITOR && u->nscope == 0)
		check_fault(ck, "scope", "name the agencies an editor may "
		    "edit, or choose another role");
}

static size_t
core_check_part(struct store_txn *t, enum entity_kind kind, const void *rec,
    struct core_fault *faults, size_t max, enum check_part part)
{
	struct check ck = { t, schema_of(kind), rec, faults, max, 0, part };

	if (ck.s == NULL)
		return 0;
	check_fields(&ck);
	if (part == CHECK_TEXT)
		return ck.n;
	switch (kind) {
	case ENTITY_AGENCY:
		check_agency(&ck);
		break;
	case ENTITY_OFFICER:
		check_officer(&ck);
		break;
	case ENTITY_MEETING:
		check_meeting(&ck);
		break;
	case ENTITY_ATTENDANCE:
		check_attendance(&ck);
		break;
	case ENTITY_ISSUE:
		check_issue(&ck);
		break;
	case ENTITY_PROGRESS:
		check_progress(&ck);
		break;
	case ENTITY_RESOLUTION:
		check_resolution(&ck);
		break;
	case ENTITY_CANDIDATE: {
		struct vote *v = xmalloc(sizeof *v);

		check_vote_open(&ck, ((const struct candidate *)rec)->vote, v);
		free(v);
		break;
	}
	case ENTITY_BALLOT:
		check_ballot(&ck);
		break;
	case ENTITY_USER:
		check_user(&ck);
		break;
	default:
		break;
	}
	return ck.n;
}

size_t
core_check(struct store_txn *t, enum entity_kind kind, const void *rec,
    struct core_fault *faults, size_t max)
{
	return core_check_part(t, kind, rec, faults, max, CHECK_ALL);
}

size_t
core_check_text(enum entity_kind kind, const void *rec)
{
	return core_check_part(NULL, kind, rec, NULL, 0, CHECK_TEXT);
}

size_t
core_check_rest(struct store_txn *t, enum entity_kind kind, const void *rec,
    struct core_fault *faults, size_t max)
{
	return core_check_part(t, kind, rec, faults, max, CHECK_REST);
}
