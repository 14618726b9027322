/*
 * due.c — what is owed and when: the deadlines not yet met that are
 * overdue or fall due within some days, per agency, in words. `ogpo due`
 * prints them; the Cases tab shows the same lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core-int.h"
#include "ogpo/text.h"

void
core_due_init(struct core_due *u, long within, uint32_t agency)
{
	memset(u, 0, sizeof *u);
	date_today(u->today);
	date_add_days(u->today, (int)within, u->until);
	u->within = within;
	u->agency = agency;
}

/* Keep what is not met and due by the end of the window. */
static int
due_keep(void *arg, const struct core_deadline *d)
{
	struct core_due *u = arg;

	if (d->done[0] != '\0' || strcmp(d->due, u->until) > 0 ||
	    (u->agency != 0 && d->agency != u->agency))
		return 0;
	u->d = xgrow(u->d, &u->cap, u->n + 1, sizeof *u->d);
	u->d[u->n++] = *d;
	if (strcmp(d->due, u->today) < 0)
		u->overdue++;
	return 0;
}

/* By agency (its id: the tree's order), then by due date. */
static int
due_cmp(const void *a, const void *b)
{
	const struct core_deadline *x = a, *y = b;
	int c;

	if (x->agency != y->agency)
		return x->agency < y->agency ? -1 : 1;
	if ((c = strcmp(x->due, y->due)) != 0)
		return c;
	return x->id < y->id ? -1 : x->id > y->id;
}

int
core_due_collect(struct store_txn *t, struct core_due *u)
{
	int rc = core_deadlines_all(t, due_keep, u);

	if (rc == 0 && u->n > 0)
		qsort(u->d, u->n, sizeof *u->d, due_cmp);
	return rc;
}

static const char *
due_kind(uint32_t kind)
{
	return kind == DEADLINE_RESPONSE ? _("respond to the Join proposal") :
	    kind == DEADLINE_RESOLUTION ? _("carry out the resolution") :
	    _("contact the proposer");
}

/* How long from today until due, or since it was: "overdue 3 days". */
static void
due_when(const char *today, const char *due, char *when, size_t n)
{
	long days = core_days_between(today, due);

	if (days < 0)
		snprintf(when, n, ngettext("overdue %ld day",
		    "overdue %ld days", -days), -days);
	else if (days == 0)
		snprintf(when, n, "%s", _("due today"));
	else
		snprintf(when, n, ngettext("due in %ld day",
		    "due in %ld days", days), days);
}

void
core_due_lines(struct store_txn *t, const struct core_due *u,
    void (*line)(void *arg, const char *s), void *arg)
{
	struct agency a;
	char day[16], when[64], padded[128], *s;
	size_t i, w = 0;

	/* The column is as wide as its widest entry, in display cells
	 * (逾期 22 天 and 11 天後到期 line up what follows them). */
	for (i = 0; i < u->n; i++) {
		due_when(u->today, u->d[i].due, when, sizeof when);
		if (text_width(when) > w)
			w = text_width(when);
	}
	for (i = 0; i < u->n; i++) {
		const struct core_deadline *d = &u->d[i];

		if (i == 0 || d->agency != u->d[i - 1].agency) {
			if (i > 0)
				line(arg, "");
			if (store_agency_get(t, d->agency, &a, NULL) != 0)
				snprintf(a.name, sizeof a.name, "#%u",
				    d->agency);
			line(arg, a.name);
		}
		due_when(u->today, d->due, when, sizeof when);
		text_fit(when, w, 1, padded, sizeof padded);
		s = xasprintf(_("  %s  %s  %s: %s%s"), date_show(d->due,
		    day, sizeof day), padded, due_kind(d->kind), d->what,
		    d->extended ? _(" (extended)") : "");
		line(arg, s);
		free(s);
	}
}

/* One of a case's deadlines, for core_case_due_lines. */
static void
due_case_line(const char *today, const char *due, const char *done,
    uint32_t kind, int extended, int over,
    void (*line)(void *arg, const char *s), void *arg)
{
	char day[16], met[16], when[64], *s;

	if (due[0] == '\0' || (over && done[0] == '\0'))
		return;
	date_show(due, day, sizeof day);
	if (done[0] != '\0')
		/* TRANSLATORS: a case's deadline met: the day it was due,
		 * what was owed, the day it was done. */
		s = xasprintf(_("%s  %s: done on %s"), day, due_kind(kind),
		    date_show(done, met, sizeof met));
	else {
		due_when(today, due, when, sizeof when);
		/* TRANSLATORS: a case's deadline still owed: the day, how
		 * long until or since, what is owed, " (extended)". */
		s = xasprintf(_("%s  %s  %s%s"), day, when, due_kind(kind),
		    extended ? _(" (extended)") : "");
	}
	line(arg, s);
	free(s);
}

void
core_case_due_lines(const struct issue *is,
    void (*line)(void *arg, const char *s), void *arg)
{
	char resp[OGPO_DATE_MAX + 1], contact[OGPO_DATE_MAX + 1];
	char today[OGPO_DATE_MAX + 1];
	int over = is->stage == CASE_CLOSED || is->stage == CASE_WITHDRAWN;

	core_case_due(is, resp, contact);
	date_today(today);
	due_case_line(today, contact, is->contacted, DEADLINE_CONTACT, 0,
	    over, line, arg);
	due_case_line(today, resp, is->responded, DEADLINE_RESPONSE,
	    date_valid(is->extended_to), over, line, arg);
}

char *
core_due_summary(const struct core_due *u)
{
	char day[16];

	return xasprintf(_("%zu overdue, %zu due within %ld days (as of %s; "
	    "calendar days)."), u->overdue, u->n - u->overdue, u->within,
	    date_show(u->today, day, sizeof day));
}

void
core_due_free(struct core_due *u)
{
	free(u->d);
	u->d = NULL;
	u->n = u->cap = 0;
}
