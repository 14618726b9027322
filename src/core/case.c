/*
 * case.c — tracked cases (列管案件): their numbers, the stage a case is
 * at, what closing one needs, and the deadlines a Join proposal sets.
 * Every call works inside the caller's transaction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core-int.h"

int
core_serial_parse(const char *s, unsigned *year, unsigned *n)
{
	unsigned y = 0, k = 0;
	const char *p = s;
	size_t dy = 0, dn = 0;

	for (; *p >= '0' && *p <= '9' && dy < 3; p++, dy++)
		y = y * 10 + (unsigned)(*p - '0');
	if (dy == 0 || *p++ != '-')
		return -1;
	for (; *p >= '0' && *p <= '9' && dn < 5; p++, dn++)
		k = k * 10 + (unsigned)(*p - '0');
	if (dn == 0 || *p != '\0' || y == 0 || k == 0)
		return -1;
	if (year != NULL)
		*year = y;
	if (n != NULL)
		*n = k;
	return 0;
}

/* The ROC year (民國) of an ISO date. */
static unsigned
case_roc_year(const char *date)
{
	int y = atoi(date);

	return y > 1911 ? (unsigned)(y - 1911) : 1;
}

/* The next free number of ROC year: one past the highest there is. */
static int
case_serial_next(struct store_txn *t, unsigned year, char *out, size_t n,
    char **cause)
{
	struct store_cursor *c;
	struct issue *is;
	unsigned y, k, top = 0;
	int rc;

	if ((rc = store_cursor_open(t, IX_ISSUE, NULL, &c, cause)) != 0)
		return rc;
	is = xmalloc(sizeof *is);
	while (store_cursor_move(c, STORE_NEXT) == 0)
		if (store_cursor_get(c, is, NULL) == 0 &&
		    core_serial_parse(is->serial, &y, &k) == 0 && y == year &&
		    k > top)
			top = k;
	free(is);
	store_cursor_close(c);
	if (top >= 99999)
		return err_set(cause, OGPO_FULL, "year %u has used every case "
		    "number", year);
	snprintf(out, n, "%u-%02u", year % 1000, (top + 1) % 100000);
	return 0;
}

/* The issue status of schema 4, kept in step with the stage. */
static uint32_t
case_status_of(const struct issue *is)
{
	switch (is->stage) {
	case CASE_PROPOSED:
	case CASE_SELECTED:
		return ISSUE_OPEN;
	case CASE_WORKING:
	case CASE_PREMEETING:
		return ISSUE_ASSESSING;
	case CASE_COLLABORATION:
		/* Escalated to the minister (point 6) stays so. */
		return is->status == ISSUE_ESCALATED ? ISSUE_ESCALATED :
		    ISSUE_COLLABORATING;
	case CASE_RESPONSE:
		return ISSUE_RESOLVED;
	default:
		return ISSUE_CLOSED;
	}
}

void
core_case_normalise(struct issue *is)
{
	if (is->source == 0)
		is->source = SOURCE_OTHER;
	/* Given as an issue was (a status, no stage): the stage the
	 * migration to schema 5 gives it. */
	if (is->stage == 0)
		switch (is->status) {
		case ISSUE_ASSESSING:
			is->stage = CASE_WORKING;
			break;
		case ISSUE_COLLABORATING:
		case ISSUE_ESCALATED:
			is->stage = CASE_COLLABORATION;
			break;
		case ISSUE_RESOLVED:
			is->stage = CASE_RESPONSE;
			break;
		case ISSUE_CLOSED:
			is->stage = CASE_CLOSED;
			break;
		default:
			is->stage = CASE_PROPOSED;
		}
	is->status = case_status_of(is);
}

/* Fault n on field name of a case, if there is room. */
static size_t
case_fault(struct core_fault *faults, size_t max, size_t n, const char *name,
    const char *msg)
{
	if (n < max) {
		faults[n].field = schema_field(schema_of(ENTITY_ISSUE), name);
		snprintf(faults[n].msg, sizeof faults[n].msg, "%s", msg);
	}
	return n + 1;
}

size_t
core_case_closing(const struct issue *old, const struct issue *is,
    struct core_fault *faults, size_t max)
{
	size_t n = 0;

	if (is->stage != CASE_CLOSED ||
	    (old != NULL && old->stage == CASE_CLOSED))
		return 0;
	if (is->close_meeting == 0)
		n = case_fault(faults, max, n, "close_meeting",
		    _("closing the case (解除列管) needs the meeting that "
		    "decided it: choose it here"));
	if (is->source == SOURCE_JOIN && is->response[0] == '\0')
		n = case_fault(faults, max, n, "response",
		    _("a case from a Join proposal is closed once the "
		    "agency's public response is recorded: its link or "
		    "reference"));
	return n;
}

int
core_case_prepare(struct store_txn *t, const struct issue *old,
    struct issue *is, char **cause)
{
	char today[OGPO_DATE_MAX + 1];
	const char *what = is->serial[0] ? is->serial : is->title;
	int rc;

	date_today(today);
	if (is->stage == CASE_CLOSED && (old == NULL ||
	    old->stage != CASE_CLOSED)) {
		if (is->close_meeting == 0)
			return err_set(cause, OGPO_INVALID, "closing case %s "
			    "needs the decision: name the meeting that decided "
			    "it (close_meeting=ID, see ogpo list meetings)",
			    what);
		if (is->source == SOURCE_JOIN && is->response[0] == '\0')
			return err_set(cause, OGPO_INVALID, "case %s comes from "
			    "Join proposal %s and cannot be closed before the "
			    "agency's public response is recorded: give its "
			    "link or reference (response=…)", what,
			    is->join_no);
		if (is->source == SOURCE_JOIN && is->responded[0] == '\0')
			memcpy(is->responded, today, sizeof is->responded);
	}
	/* The day the stage last changed, or the status within it (an
	 * escalation to the minister is timed from its own day). */
	if (old != NULL && old->stage == is->stage &&
	    old->status == is->status)
		memcpy(is->status_since, old->status_since,
		    sizeof is->status_since);
	else if (old != NULL || is->status_since[0] == '\0')
		memcpy(is->status_since, today, sizeof is->status_since);
	if (is->serial[0] == '\0') {
		if (old != NULL && old->serial[0] != '\0')
			memcpy(is->serial, old->serial, sizeof is->serial);
		else if ((rc = case_serial_next(t, case_roc_year(today),
		    is->serial, sizeof is->serial, cause)) != 0)
			return rc;
	}
	return 0;
}

void
core_case_due(const struct issue *is, char *due, char *contact_due)
{
	due[0] = contact_due[0] = '\0';
	if (is->source != SOURCE_JOIN || !date_valid(is->passed))
		return;
	if (date_valid(is->extended_to))
		memcpy(due, is->extended_to, OGPO_DATE_MAX + 1);
	else
		date_period_end(is->passed, CASE_JOIN_MONTHS, due);
	date_add_days(is->passed, CASE_CONTACT_DAYS, contact_due);
}

int
core_case_next_due(const struct issue *is, char *due)
{
	char resp[OGPO_DATE_MAX + 1], contact[OGPO_DATE_MAX + 1];
	char today[OGPO_DATE_MAX + 1];

	due[0] = '\0';
	if (is->stage == CASE_CLOSED || is->stage == CASE_WITHDRAWN)
		return 0;
	core_case_due(is, resp, contact);
	if (contact[0] != '\0' && is->contacted[0] == '\0')
		memcpy(due, contact, sizeof contact);
	else if (resp[0] != '\0' && is->responded[0] == '\0')
		memcpy(due, resp, sizeof resp);
	date_today(today);
	return due[0] != '\0' && strcmp(due, today) < 0;
}

/* A case's deadlines, to fn: the response, then the contact. */
static int
case_deadlines(const struct issue *is, core_deadline_fn fn, void *arg)
{
	struct core_deadline d;
	char due[OGPO_DATE_MAX + 1], contact[OGPO_DATE_MAX + 1];
	int rc;

	core_case_due(is, due, contact);
	if (due[0] == '\0' || is->stage == CASE_WITHDRAWN)
		return 0;
	memset(&d, 0, sizeof d);
	d.entity = ENTITY_ISSUE;
	d.id = is->h.id;
	d.agency = is->lead;
	snprintf(d.what, sizeof d.what, "%s %s", is->serial, is->title);
	str_utf8_cut(d.what);
	d.kind = DEADLINE_RESPONSE;
	memcpy(d.due, due, sizeof d.due);
	d.extended = is->extended_to[0] != '\0';
	if (is->responded[0] != '\0')
		memcpy(d.done, is->responded, sizeof d.done);
	else if (is->stage == CASE_CLOSED)
		memcpy(d.done, is->status_since, sizeof d.done);
	if ((rc = fn(arg, &d)) != 0)
		return rc;
	d.kind = DEADLINE_CONTACT;
	d.extended = 0;
	memcpy(d.due, contact, sizeof d.due);
	memset(d.done, 0, sizeof d.done);
	if (is->contacted[0] != '\0')
		memcpy(d.done, is->contacted, sizeof d.done);
	else if (is->stage == CASE_CLOSED)
		memcpy(d.done, is->status_since, sizeof d.done);
	return fn(arg, &d);
}

int
core_deadlines(struct store_txn *t, core_deadline_fn fn, void *arg)
{
	struct store_cursor *c;
	struct issue *is;
	int rc = 0;

	if (store_cursor_open(t, IX_ISSUE, NULL, &c, NULL) != 0)
		return 0;
	is = xmalloc(sizeof *is);
	while (rc == 0 && store_cursor_move(c, STORE_NEXT) == 0)
		if (store_cursor_get(c, is, NULL) == 0)
			rc = case_deadlines(is, fn, arg);
	free(is);
	store_cursor_close(c);
	return rc;
}

long
core_days_between(const char *a, const char *b)
{
	int64_t ta = date_midnight(a), tb = date_midnight(b);

	if (ta < 0 || tb < 0)
		return 0;
	/* Rounded: a day of a daylight-saving change is 23 or 25 hours. */
	return (long)((tb - ta + (tb >= ta ? 43200 : -43200)) / 86400);
}
