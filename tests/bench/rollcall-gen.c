/*
 * rollcall-gen.c — a database for the roll-call benchmark: the demo's
 * agencies, N officers, and M work meetings in one month (a busy one),
 * each inviting all N; the last of them is the newest, first on the
 * Meetings tab. The person running it is an admin, so the marks can be
 * written. Written through the store; deterministic.
 *
 *	rollcall-gen DIR N M
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/store.h"
#include "../../src/core/demo_data.h"

struct rc_gen {
	unsigned long	 n, m;
	uint32_t	 agencies[256];
	size_t		 nagencies;
	uint32_t	*officers;
};

static int
rc_gen_base(struct store_txn *t, void *arg, char **cause)
{
	struct rc_gen *g = arg;
	struct agency a;
	struct officer o;
	struct user u;
	unsigned long i;
	size_t j, k;
	int rc;

	g->nagencies = 0;
	for (j = 0; j < demo_agencies_len && j < 256; j++) {
		memset(&a, 0, sizeof a);
		snprintf(a.code, sizeof a.code, "%s", demo_agencies[j].code);
		snprintf(a.name, sizeof a.name, "%s", demo_agencies[j].name);
		a.level = (uint32_t)demo_agencies[j].level;
		for (k = 0; demo_agencies[j].parent != NULL && k < j; k++)
			if (strcmp(demo_agencies[k].code,
			    demo_agencies[j].parent) == 0)
				a.parent = g->agencies[k];
		if ((rc = store_agency_put(t, &a, cause)) != 0)
			return rc;
		g->agencies[g->nagencies++] = a.h.id;
	}
	for (i = 0; i < g->n; i++) {
		memset(&o, 0, sizeof o);
		snprintf(o.name, sizeof o.name, "%s%s",
		    demo_surnames[i % demo_surnames_len],
		    demo_given[(i / demo_surnames_len) % demo_given_len]);
		o.agency = g->agencies[1 + i % (g->nagencies - 1)];
		o.role = ROLE_PO;
		o.civil_servant = 1;
		snprintf(o.email, sizeof o.email, "po%lu@bench.example", i + 1);
		snprintf(o.start_date, sizeof o.start_date, "2024-01-01");
		if ((rc = store_officer_put(t, &o, cause)) != 0)
			return rc;
		g->officers[i] = o.h.id;
	}
	memset(&u, 0, sizeof u);
	snprintf(u.login, sizeof u.login, "%s", user_login());
	u.role = UROLE_ADMIN;
	return store_user_put(t, &u, cause);
}

static int
rc_gen_meeting(struct store_txn *t, void *arg, char **cause)
{
	struct rc_gen *g = arg;
	struct meeting m;
	struct attendance at;
	unsigned long i;
	int rc;

	memset(&m, 0, sizeof m);
	m.kind = MEETING_WORK;
	m.status = MEETING_HELD;
	/* A busy day gone by, held (no "held?" question on closing; who
	 * came is marked from a meeting's day on); the last made is the
	 * first on the Meetings tab. */
	snprintf(m.date, sizeof m.date, "2025-03-15");
	snprintf(m.title, sizeof m.title, "工作推動會議 %lu", g->m + 1);
	snprintf(m.time, sizeof m.time, "14:30");
	if ((rc = store_meeting_put(t, &m, cause)) != 0)
		return rc;
	for (i = 0; i < g->n; i++) {
		memset(&at, 0, sizeof at);
		at.meeting = m.h.id;
		at.officer = g->officers[i];
		at.agency = g->agencies[1 + i % (g->nagencies - 1)];
		at.role = ROLE_PO;
		at.status = ATTEND_INVITED;
		if ((rc = store_attendance_put(t, &at, cause)) != 0)
			return rc;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct store_options opt = { .create = 1 };
	struct store *s;
	struct rc_gen g;
	unsigned long m, k;
	char *cause = NULL;

	if (argc != 4) {
		fprintf(stderr, "usage: rollcall-gen DIR N M\n");
		return 2;
	}
	memset(&g, 0, sizeof g);
	g.n = strtoul(argv[2], NULL, 10);
	m = strtoul(argv[3], NULL, 10);
	if (g.n == 0 || m == 0) {
		fprintf(stderr, "rollcall-gen: N and M are at least 1\n");
		return 2;
	}
	g.officers = calloc(g.n, sizeof *g.officers);
	if (g.officers == NULL || store_open(&s, argv[1], &opt, &cause) != 0 ||
	    store_write(s, rc_gen_base, &g, &cause) != 0) {
		fprintf(stderr, "rollcall-gen: %s\n", cause ? cause :
		    "out of memory");
		return 1;
	}
	for (k = 0; k < m; k++) {
		g.m = k;
		if (store_write(s, rc_gen_meeting, &g, &cause) != 0) {
			fprintf(stderr, "rollcall-gen: %s\n", cause);
			return 1;
		}
	}
	store_close(s);
	free(g.officers);
	return 0;
}
