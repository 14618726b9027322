/*
 * gen.c — make a database of N officers for the benchmarks: the demo's
 * agencies, then officers with Chinese names spread over them, written
 * through the store in large transactions. Deterministic.
 *
 *	gen DIR N [PEERDIR]
 *
 * With PEERDIR, the same officers (name and e-mail, in id order) also go
 * to PEERDIR/book, an address book for abook (PEERDIR/abookrc its
 * settings), the peer make bench measures ogpo against.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/store.h"
#include "../../src/core/demo_data.h"

struct gen {
	FILE		*peer;		/* abook's address book, or NULL */
	long		 peer_at;	/* where this batch's entries start */
	unsigned long	 n, done;
	uint32_t	 agencies[256];
	size_t		 nagencies;
	uint32_t	 seed, batch_seed;
};

static uint32_t
gen_rand(struct gen *g)
{
	g->seed = g->seed * 1103515245u + 12345u;
	return (g->seed >> 16) & 0x7fff;
}

static int
gen_agencies(struct store_txn *t, void *arg, char **cause)
{
	struct gen *g = arg;
	struct agency a;
	size_t i, j;
	int rc;

	g->nagencies = 0;
	for (i = 0; i < demo_agencies_len && i < 256; i++) {
		memset(&a, 0, sizeof a);
		snprintf(a.code, sizeof a.code, "%s", demo_agencies[i].code);
		snprintf(a.name, sizeof a.name, "%s", demo_agencies[i].name);
		a.level = (uint32_t)demo_agencies[i].level;
		for (j = 0; demo_agencies[i].parent != NULL && j < i; j++)
			if (strcmp(demo_agencies[j].code,
			    demo_agencies[i].parent) == 0)
				a.parent = g->agencies[j];
		if ((rc = store_agency_put(t, &a, cause)) != 0)
			return rc;
		g->agencies[g->nagencies++] = a.h.id;
	}
	return 0;
}

static int
gen_officers(struct store_txn *t, void *arg, char **cause)
{
	struct gen *g = arg;
	struct officer o;
	unsigned long i, end = g->done + 50000;
	int rc;

	g->seed = g->batch_seed;	/* a rerun (the map grew) starts over */
	store_defer(t, 0);		/* as an import writes its indexes */
	if (g->peer != NULL)
		fseek(g->peer, g->peer_at, SEEK_SET);
	if (end > g->n)
		end = g->n;
	for (i = g->done; i < end; i++) {
		memset(&o, 0, sizeof o);
		snprintf(o.name, sizeof o.name, "%s%s",
		    demo_surnames[gen_rand(g) % demo_surnames_len],
		    demo_given[gen_rand(g) % demo_given_len]);
		o.agency = g->agencies[1 + gen_rand(g) % (g->nagencies - 1)];
		o.role = 1 + gen_rand(g) % 4;
		if (o.role == ROLE_SUPERVISOR)
			o.supervisor = SUPV_CIO;
		if (o.role == ROLE_MEMBER)
			o.function = FUNC_IT;
		o.civil_servant = 1;
		snprintf(o.title, sizeof o.title, "%s",
		    demo_titles[gen_rand(g) % (demo_titles_len - 2)]);
		snprintf(o.email, sizeof o.email, "officer%lu@bench.example",
		    i + 1);
		snprintf(o.phone, sizeof o.phone, "02-2%03u-%04u",
		    gen_rand(g) % 1000, gen_rand(g) % 10000);
		snprintf(o.start_date, sizeof o.start_date, "2024-01-01");
		snprintf(o.h.updated_by, sizeof o.h.updated_by, "bench");
		if ((rc = store_officer_put(t, &o, cause)) != 0)
			return rc;
		if (g->peer != NULL)
			fprintf(g->peer, "[%lu]\nname=%s\nemail=%s\n\n", i,
			    o.name, o.email);
	}
	return 0;
}

/* abook's settings: Chinese names shown as they are. */
static FILE *
gen_peer(const char *dir)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof path, "%s/abookrc", dir);
	if ((f = fopen(path, "w")) == NULL)
		return NULL;
	fprintf(f, "set use_ascii_only=false\nset autosave=false\n");
	fclose(f);
	snprintf(path, sizeof path, "%s/book", dir);
	if ((f = fopen(path, "w")) != NULL)
		fprintf(f, "[format]\nprogram=abook\nversion=0.6.1\n\n");
	return f;
}

int
main(int argc, char **argv)
{
	struct store_options opt = { .create = 1 };
	struct store *s;
	struct gen g;
	char *cause = NULL;

	if (argc != 3 && argc != 4) {
		fprintf(stderr, "usage: gen DIR N [PEERDIR]\n");
		return 2;
	}
	memset(&g, 0, sizeof g);
	g.n = strtoul(argv[2], NULL, 10);
	g.seed = 42;
	if (argc == 4 && (g.peer = gen_peer(argv[3])) == NULL) {
		fprintf(stderr, "gen: cannot write to %s\n", argv[3]);
		return 1;
	}
	if (store_open(&s, argv[1], &opt, &cause) != 0 ||
	    store_write(s, gen_agencies, &g, &cause) != 0) {
		fprintf(stderr, "gen: %s\n", cause);
		return 1;
	}
	while (g.done < g.n) {
		g.batch_seed = g.seed;
		if (g.peer != NULL)
			g.peer_at = ftell(g.peer);
		if (store_write(s, gen_officers, &g, &cause) != 0) {
			fprintf(stderr, "gen: %s\n", cause);
			return 1;
		}
		g.done = g.done + 50000 > g.n ? g.n : g.done + 50000;
	}
	store_close(s);
	if (g.peer != NULL && fclose(g.peer) != 0) {
		fprintf(stderr, "gen: writing the address book failed\n");
		return 1;
	}
	return 0;
}
