/*
 * export-gen.c — the database for the attendance-export benchmark: the
 * demo's agencies, 30,000 officers, and ten years of meetings (2015-01 to
 * 2024-12, 8 to 12 a month) whose invitees add up to ROWS attendance rows,
 * written through the store (store_meeting_put, store_attendance_put) in
 * large transactions, the map reserved before each. No audit: bench data.
 *
 *	export-gen [-c CSVDIR] DIR ROWS [FIRST_YEAR LAST_YEAR]
 *
 * ROWS is spread over the whole ten years (ROWS / 120 a month); with
 * FIRST_YEAR and LAST_YEAR only those years are written, each month
 * exactly as in the full database (every month has its own seed, and the
 * officers are the same), so a month exported from a one-year database
 * gives the same rows as from the ten-year one.
 *
 * With -c, CSVDIR gets the same data for sqlite3: agencies.csv (id, code,
 * name, rank: the export's agency order), officers.csv (id, name, title,
 * agency), meetings.csv (id, date, kind, status, title), attendance.csv
 * (meeting, officer, agency, role, status, proxy, note), and the Chinese
 * labels the export prints in kinds.csv, roles.csv and statuses.csv
 * (id, label). No header rows. Meeting ids are the ones the store gave.
 *
 * With -i FILE the attendance rows are not stored but written to FILE as
 * a sheet for `ogpo import attendance` (會議編號, 電子郵件, 出席情形,
 * 代理人, 備註: the meeting by its id, the officer by e-mail), so the
 * database gets them through the import, with its checks and audit; the
 * export is then the same as from rows written directly (an invitee's
 * agency and role are the officer's, as they are here).
 *
 * Prints one line: months, meetings and attendance rows written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ogpo/store.h"
#include "../../src/core/demo_data.h"

#define EG_FIRST_YEAR	2015
#define EG_YEARS	10
#define EG_MONTHS	(EG_YEARS * 12)
#define EG_OFFICERS	30000
#define EG_TXN_ROWS	1000000UL	/* attendance rows per transaction */
#define EG_ROW_BYTES	400		/* reserved map bytes per row */

struct eg_officer {
	uint32_t	 agency, role;
};

struct eg {
	unsigned long	 rows;		/* over the whole ten years */
	int		 first, last;	/* months written, 0 .. EG_MONTHS-1 */
	int		 month;		/* next month to write */
	int		 txn_months;
	uint32_t	 agencies[256];
	uint32_t	 parent[256];	/* index of the parent, or -1 */
	size_t		 nagencies;
	struct eg_officer officers[EG_OFFICERS + 1];	/* by id */
	uint64_t	 seed;
	unsigned long	 meetings_done, rows_done;
	FILE		*meetings_csv, *attendance_csv;
	FILE		*import_csv;	/* -i: the rows go here instead */
	unsigned long	 nm, na;	/* counts of this transaction */
};

static uint64_t
eg_rand(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint32_t
eg_below(uint64_t *s, uint32_t n)
{
	return (uint32_t)(eg_rand(s) % n);
}

static FILE *
eg_open(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((f = fopen(path, "w")) == NULL) {
		perror(path);
		exit(1);
	}
	return f;
}

static int
eg_agencies(struct store_txn *t, void *arg, char **cause)
{
	struct eg *g = arg;
	struct agency a;
	size_t i, j;
	int rc;

	g->nagencies = 0;
	for (i = 0; i < demo_agencies_len && i < 256; i++) {
		memset(&a, 0, sizeof a);
		snprintf(a.code, sizeof a.code, "%s", demo_agencies[i].code);
		snprintf(a.name, sizeof a.name, "%s", demo_agencies[i].name);
		a.level = (uint32_t)demo_agencies[i].level;
		g->parent[i] = UINT32_MAX;
		for (j = 0; demo_agencies[i].parent != NULL && j < i; j++)
			if (strcmp(demo_agencies[j].code,
			    demo_agencies[i].parent) == 0) {
				a.parent = g->agencies[j];
				g->parent[i] = (uint32_t)j;
			}
		if ((rc = store_agency_put(t, &a, cause)) != 0)
			return rc;
		g->agencies[g->nagencies++] = a.h.id;
	}
	return 0;
}

/* The export's agency order: depth first, children in id order. */
static void
eg_rank(const struct eg *g, uint32_t parent, uint32_t *rank, uint32_t *next)
{
	size_t i;

	for (i = 0; i < g->nagencies; i++)
		if (g->parent[i] == parent) {
			rank[i] = (*next)++;
			eg_rank(g, (uint32_t)i, rank, next);
		}
}

static int
eg_officers(struct store_txn *t, void *arg, char **cause)
{
	struct eg *g = arg;
	struct officer o;
	uint64_t s = 42;
	unsigned long i;
	int rc;

	for (i = 0; i < EG_OFFICERS; i++) {
		memset(&o, 0, sizeof o);
		snprintf(o.name, sizeof o.name, "%s%s",
		    demo_surnames[eg_below(&s, (uint32_t)demo_surnames_len)],
		    demo_given[eg_below(&s, (uint32_t)demo_given_len)]);
		o.agency = g->agencies[1 + eg_below(&s,
		    (uint32_t)g->nagencies - 1)];
		o.role = 1 + eg_below(&s, 4);
		if (o.role == ROLE_SUPERVISOR)
			o.supervisor = SUPV_CIO;
		if (o.role == ROLE_MEMBER)
			o.function = FUNC_IT;
		o.civil_servant = 1;
		snprintf(o.title, sizeof o.title, "%s",
		    demo_titles[eg_below(&s, (uint32_t)demo_titles_len - 2)]);
		snprintf(o.email, sizeof o.email, "officer%lu@bench.example",
		    i + 1);
		snprintf(o.phone, sizeof o.phone, "02-2%03u-%04u",
		    eg_below(&s, 1000), eg_below(&s, 10000));
		snprintf(o.start_date, sizeof o.start_date, "2015-01-01");
		snprintf(o.h.updated_by, sizeof o.h.updated_by, "bench");
		if ((rc = store_officer_put(t, &o, cause)) != 0)
			return rc;
		if (o.h.id > EG_OFFICERS)
			return err_set(cause, OGPO_INVALID, "officer id %u",
			    o.h.id);
		g->officers[o.h.id].agency = o.agency;
		g->officers[o.h.id].role = o.role;
	}
	return 0;
}

/* Attendance rows of month mi (0 .. EG_MONTHS-1) in the full layout. */
static unsigned long
eg_month_rows(const struct eg *g, int mi)
{
	return g->rows / EG_MONTHS +
	    ((unsigned long)mi < g->rows % EG_MONTHS ? 1 : 0);
}

static const uint32_t eg_status_pick[20] = {
	ATTEND_PRESENT, ATTEND_PRESENT, ATTEND_PRESENT, ATTEND_PRESENT,
	ATTEND_PRESENT, ATTEND_PRESENT, ATTEND_PRESENT, ATTEND_PRESENT,
	ATTEND_PRESENT, ATTEND_PRESENT, ATTEND_PRESENT, ATTEND_PRESENT,
	ATTEND_ONLINE, ATTEND_ONLINE, ATTEND_ONLINE, ATTEND_PROXY,
	ATTEND_PROXY, ATTEND_EXCUSED, ATTEND_EXCUSED, ATTEND_ABSENT
};

/* One month: its meetings, then each meeting's invitees in key order. */
static int
eg_month(struct store_txn *t, struct eg *g, int mi, char **cause)
{
	static struct meeting m;
	static struct attendance a;
	uint64_t s = 0x6f67706fULL * 1000003ULL + (uint64_t)mi;
	unsigned long quota = eg_month_rows(g, mi), size, left;
	uint32_t weight[12], wsum = 0, need, o;
	unsigned year = (EG_FIRST_YEAR + (unsigned)mi / 12) % 10000;
	unsigned mon = 1 + (unsigned)mi % 12;
	int n, i, rc;

	n = 8 + (int)eg_below(&s, 5);
	for (i = 0; i < n; i++)
		wsum += weight[i] = 2 + eg_below(&s, 3);
	left = quota;
	for (i = 0; i < n; i++) {
		size = i == n - 1 ? left : quota * weight[i] / wsum;
		if (size > EG_OFFICERS)
			return err_set(cause, OGPO_INVALID, "%lu invitees "
			    "for one meeting: more than the %d officers",
			    size, EG_OFFICERS);
		left -= size;
		memset(&m, 0, sizeof m);
		m.kind = i == 0 ? MEETING_WORK : i == 1 && mon % 3 == 0 ?
		    MEETING_POLICY : MEETING_ISSUE;
		m.status = MEETING_HELD;
		m.agency = g->agencies[0];
		snprintf(m.date, sizeof m.date, "%04u-%02u-%02u", year, mon,
		    1 + eg_below(&s, 28));
		snprintf(m.time, sizeof m.time, "%02u:00",
		    9 + eg_below(&s, 8));
		snprintf(m.title, sizeof m.title, "%u年%u月%s第%d場", year,
		    mon, model_meeting_kinds.zh[m.kind], i + 1);
		snprintf(m.place, sizeof m.place, "%s",
		    demo_places[eg_below(&s, (uint32_t)demo_places_len)]);
		snprintf(m.h.updated_by, sizeof m.h.updated_by, "bench");
		if ((rc = store_meeting_put(t, &m, cause)) != 0)
			return rc;
		g->nm++;
		if (g->meetings_csv != NULL)
			fprintf(g->meetings_csv, "%u,%s,%u,%u,%s\n", m.h.id,
			    m.date, m.kind, m.status, m.title);
		/* size of the officers, in id order (selection sampling). */
		need = (uint32_t)size;
		for (o = 1; o <= EG_OFFICERS && need > 0; o++) {
			if (eg_below(&s, EG_OFFICERS - o + 1) >= need)
				continue;
			need--;
			memset(&a, 0, sizeof a);
			a.meeting = m.h.id;
			a.officer = o;
			a.agency = g->officers[o].agency;
			a.role = g->officers[o].role;
			a.status = eg_status_pick[eg_below(&s, 20)];
			if (a.status == ATTEND_PROXY)
				snprintf(a.proxy, sizeof a.proxy, "%s%s",
				    demo_surnames[eg_below(&s,
				    (uint32_t)demo_surnames_len)],
				    demo_given[eg_below(&s,
				    (uint32_t)demo_given_len)]);
			if (eg_below(&s, 50) == 0)
				snprintf(a.note, sizeof a.note, "會後補簽");
			snprintf(a.h.updated_by, sizeof a.h.updated_by,
			    "bench");
			if (g->import_csv != NULL)
				fprintf(g->import_csv, "%u,officer%u@bench."
				    "example,%s,%s,%s\n", a.meeting, a.officer,
				    model_attend_statuses.zh[a.status],
				    a.proxy, a.note);
			else if ((rc = store_attendance_put(t, &a,
			    cause)) != 0)
				return rc;
			g->na++;
			if (g->attendance_csv != NULL)
				fprintf(g->attendance_csv,
				    "%u,%u,%u,%u,%u,%s,%s\n", a.meeting,
				    a.officer, a.agency, a.role, a.status,
				    a.proxy, a.note);
		}
	}
	return 0;
}

/* Rewind a CSV file to where this transaction started. */
static void
eg_rewind(FILE *f, long off)
{
	if (f == NULL)
		return;
	fflush(f);
	if (ftruncate(fileno(f), off) != 0 || fseek(f, off, SEEK_SET) != 0) {
		perror("export-gen: rewinding a CSV file");
		exit(1);
	}
}

struct eg_batch {
	struct eg	*g;
	long		 moff, aoff, ioff;
};

static int
eg_batch(struct store_txn *t, void *arg, char **cause)
{
	struct eg_batch *b = arg;
	struct eg *g = b->g;
	int mi, rc;

	/* A rerun (the map grew after all) starts the CSV files over too. */
	eg_rewind(g->meetings_csv, b->moff);
	eg_rewind(g->attendance_csv, b->aoff);
	eg_rewind(g->import_csv, b->ioff);
	g->nm = g->na = 0;
	for (mi = g->month; mi < g->month + g->txn_months && mi <= g->last;
	    mi++)
		if ((rc = eg_month(t, g, mi, cause)) != 0)
			return rc;
	return 0;
}

static void
eg_labels(const char *dir, const char *name, const struct enum_names *e)
{
	FILE *f = eg_open(dir, name);
	uint32_t v;

	for (v = e->min; v <= e->max; v++)
		fprintf(f, "%u,%s\n", v, e->zh[v]);
	fclose(f);
}

static void
eg_fail(const char *cause)
{
	fprintf(stderr, "export-gen: %s\n", cause ? cause : "failed");
	exit(1);
}

int
main(int argc, char **argv)
{
	struct store_options opt = { .create = 1 };
	struct store *s;
	struct eg *g = calloc(1, sizeof *g);
	struct eg_batch b;
	const char *csvdir = NULL, *importfile = NULL;
	char *cause = NULL;
	uint32_t rank[256], next = 0, oid;
	unsigned long chunk;
	size_t i;
	int ch, fy = EG_FIRST_YEAR, ly = EG_FIRST_YEAR + EG_YEARS - 1;
	FILE *f;

	while ((ch = getopt(argc, argv, "c:i:")) != -1) {
		if (ch == 'c')
			csvdir = optarg;
		else if (ch == 'i')
			importfile = optarg;
		else
			goto usage;
	}
	argc -= optind;
	argv += optind;
	if (argc != 2 && argc != 4)
		goto usage;
	if (argc == 4) {
		fy = atoi(argv[2]);
		ly = atoi(argv[3]);
	}
	if (fy < EG_FIRST_YEAR || ly >= EG_FIRST_YEAR + EG_YEARS || fy > ly)
		goto usage;
	if (g == NULL)
		eg_fail("out of memory");
	g->rows = strtoul(argv[1], NULL, 10);
	g->first = (fy - EG_FIRST_YEAR) * 12;
	g->last = (ly - EG_FIRST_YEAR) * 12 + 11;
	chunk = g->rows / EG_MONTHS;
	g->txn_months = chunk == 0 || chunk >= EG_TXN_ROWS ? 1 :
	    (int)(EG_TXN_ROWS / chunk);

	if (store_open(&s, argv[0], &opt, &cause) != 0 ||
	    store_reserve(s, 64UL << 20, &cause) != 0 ||
	    store_write(s, eg_agencies, g, &cause) != 0 ||
	    store_write(s, eg_officers, g, &cause) != 0)
		eg_fail(cause);

	if (csvdir != NULL) {
		eg_rank(g, UINT32_MAX, rank, &next);
		f = eg_open(csvdir, "agencies.csv");
		for (i = 0; i < g->nagencies; i++)
			fprintf(f, "%u,%s,%s,%u\n", g->agencies[i],
			    demo_agencies[i].code, demo_agencies[i].name,
			    rank[i]);
		fclose(f);
		/* Officers as stored, read back in one transaction. */
		struct store_txn *t;
		struct officer o;

		f = eg_open(csvdir, "officers.csv");
		if (store_read_begin(s, &t, &cause) != 0)
			eg_fail(cause);
		for (oid = 1; oid <= EG_OFFICERS; oid++) {
			if (store_officer_get(t, oid, &o, &cause) != 0)
				eg_fail(cause);
			fprintf(f, "%u,%s,%s,%u\n", o.h.id, o.name, o.title,
			    o.agency);
		}
		store_read_end(t);
		fclose(f);
		eg_labels(csvdir, "kinds.csv", &model_meeting_kinds);
		eg_labels(csvdir, "roles.csv", &model_roles);
		eg_labels(csvdir, "statuses.csv", &model_attend_statuses);
		g->meetings_csv = eg_open(csvdir, "meetings.csv");
		g->attendance_csv = eg_open(csvdir, "attendance.csv");
	}

	if (importfile != NULL) {
		if ((g->import_csv = fopen(importfile, "w")) == NULL) {
			perror(importfile);
			exit(1);
		}
		fprintf(g->import_csv, "會議編號,電子郵件,出席情形,代理人,"
		    "備註\n");
	}

	b.g = g;
	for (g->month = g->first; g->month <= g->last;
	    g->month += g->txn_months) {
		b.moff = g->meetings_csv ? ftell(g->meetings_csv) : 0;
		b.aoff = g->attendance_csv ? ftell(g->attendance_csv) : 0;
		b.ioff = g->import_csv ? ftell(g->import_csv) : 0;
		if (store_reserve(s, (size_t)(chunk + 1) * g->txn_months *
		    EG_ROW_BYTES + (16UL << 20), &cause) != 0 ||
		    store_write(s, eg_batch, &b, &cause) != 0)
			eg_fail(cause);
		g->meetings_done += g->nm;
		g->rows_done += g->na;
	}
	store_close(s);
	if ((g->meetings_csv != NULL && fclose(g->meetings_csv) != 0) ||
	    (g->attendance_csv != NULL && fclose(g->attendance_csv) != 0) ||
	    (g->import_csv != NULL && fclose(g->import_csv) != 0))
		eg_fail("cannot write the CSV files");
	printf("%d months, %lu meetings, %lu attendance rows\n",
	    g->last - g->first + 1, g->meetings_done, g->rows_done);
	free(g);
	return 0;
usage:
	fprintf(stderr, "usage: export-gen [-c CSVDIR] [-i FILE] DIR ROWS "
	    "[FIRST_YEAR LAST_YEAR]\n"
	    "  (years %d to %d; ROWS is over all ten)\n", EG_FIRST_YEAR,
	    EG_FIRST_YEAR + EG_YEARS - 1);
	return 2;
}
