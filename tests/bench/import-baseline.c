/*
 * import-baseline.c — the floor the officer import is measured against:
 * the same CSV parsed with libcsv (no encoding detection, no validation,
 * no audit, no duplicate marks) and the same records and index entries
 * put into LMDB in one write transaction, through the LMDB API directly,
 * with ogpo's sub-database layout:
 *
 *	officer		 id (u32 BE) → record (CBOR map, as ogpo writes)
 *	officer_email	 lower-cased e-mail → id		unique
 *	officer_agency	 agency id → ids			dupsort
 *	officer_name	 name → ids				dupsort
 *	officer_role	 agency, role, end, start → ids		dupsort
 *	officer_stroke	 the name's stroke-order key → ids	dupsort
 *
 * Agency codes resolve through the demo table (ids 1.. in its order, as
 * `ogpo import agencies` of the same list assigns them). With -p it only
 * parses: libcsv over the file, the floor under any import of it. A
 * benchmark program, not part of ogpo.
 *
 *	import-baseline [-p] DBDIR FILE.csv
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <csv.h>
#include <lmdb.h>

#include "ogpo/collate.h"
#include "../../src/core/demo_data.h"

enum { F_NAME, F_AGENCY, F_TITLE, F_ROLE, F_EMAIL, F_PHONE, F_START, F_NOTE,
	F_MAX };

enum { DB_OFFICER, DB_EMAIL, DB_AGENCY, DB_NAME, DB_ROLE, DB_STROKE,
	DB_MAX };

static const struct {
	const char	*name;
	unsigned	 flags;
} base_dbs[DB_MAX] = {
	[DB_OFFICER] = { "officer", 0 },
	[DB_EMAIL] = { "officer_email", 0 },
	[DB_AGENCY] = { "officer_agency", MDB_DUPSORT | MDB_DUPFIXED },
	[DB_NAME] = { "officer_name", MDB_DUPSORT | MDB_DUPFIXED },
	[DB_ROLE] = { "officer_role", MDB_DUPSORT | MDB_DUPFIXED },
	[DB_STROKE] = { "officer_stroke", MDB_DUPSORT | MDB_DUPFIXED },
};

struct base {
	MDB_txn		*txn;
	MDB_dbi		 dbi[DB_MAX];
	char		 field[F_MAX][4096];
	size_t		 flen[F_MAX];
	size_t		 col;
	unsigned long	 row, added;
	uint32_t	 id;
	int64_t		 now;
	int		 rc;
	int		 parse_only;
};

static void
base_die(const char *what, int rc)
{
	fprintf(stderr, "import-baseline: %s: %s\n", what, mdb_strerror(rc));
	exit(1);
}

static void
u32_put(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

/* CBOR heads, the way ogpo's codec writes its maps. */
static uint8_t *
cbor_head(uint8_t *p, unsigned major, uint64_t v)
{
	major <<= 5;
	if (v < 24)
		*p++ = (uint8_t)(major | v);
	else if (v < 0x100) {
		*p++ = (uint8_t)(major | 24);
		*p++ = (uint8_t)v;
	} else if (v < 0x10000) {
		*p++ = (uint8_t)(major | 25);
		*p++ = (uint8_t)(v >> 8);
		*p++ = (uint8_t)v;
	} else {
		*p++ = (uint8_t)(major | 26);
		u32_put(p, (uint32_t)v);
		p += 4;
	}
	return p;
}

static uint8_t *
cbor_uint(uint8_t *p, unsigned key, uint64_t v)
{
	p = cbor_head(p, 0, key);
	return cbor_head(p, 0, v);
}

static uint8_t *
cbor_text(uint8_t *p, unsigned key, const char *s, size_t n)
{
	p = cbor_head(p, 0, key);
	p = cbor_head(p, 3, n);
	memcpy(p, s, n);
	return p + n;
}

static int
base_code_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static const char **base_codes;		/* sorted, for bsearch */

static uint32_t
base_agency(const char *code)
{
	const char **found = bsearch(&code, base_codes, demo_agencies_len,
	    sizeof *base_codes, base_code_cmp);
	size_t i;

	if (found == NULL)
		return 0;
	for (i = 0; i < demo_agencies_len; i++)
		if (demo_agencies[i].code == *found)
			return (uint32_t)i + 1;
	return 0;
}

static void
base_put(struct base *b, int db, const void *k, size_t kl, const void *v,
    size_t vl, unsigned flags)
{
	MDB_val key = { kl, (void *)k }, val = { vl, (void *)v };
	int rc = mdb_put(b->txn, b->dbi[db], &key, &val, flags);

	if (rc == MDB_KEYEXIST && db == DB_EMAIL) {
		fprintf(stderr, "import-baseline: row %lu: e-mail %.*s twice\n",
		    b->row, (int)kl, (const char *)k);
		exit(1);
	}
	if (rc != 0)
		base_die(base_dbs[db].name, rc);
}

static void
base_field(void *s, size_t len, void *arg)
{
	struct base *b = arg;

	if (b->col < F_MAX) {
		if (len >= sizeof b->field[0])
			len = sizeof b->field[0] - 1;
		memcpy(b->field[b->col], s ? s : "", len);
		b->field[b->col][len] = '\0';
		b->flen[b->col] = len;
	}
	b->col++;
}

static void
base_row(int c, void *arg)
{
	struct base *b = arg;
	uint8_t rec[8192], *p = rec, key[4 + 1 + 20], idb[4], agb[4];
	uint8_t stroke[128 + 8];	/* ogpo's STORE_KEY_MAX */
	char email[256];
	uint32_t agency, role;
	size_t i, n;

	(void)c;
	n = b->col;
	b->col = 0;
	if (b->row++ == 0 || n < F_MAX)
		return;		/* the header */
	if (b->parse_only) {
		b->added++;
		return;
	}
	agency = base_agency(b->field[F_AGENCY]);
	role = strcmp(b->field[F_ROLE], "代理人") == 0 ? 2 :
	    strcmp(b->field[F_ROLE], "工作小組") == 0 ? 4 : 1;
	u32_put(idb, ++b->id);
	u32_put(agb, agency);

	/* The record: a CBOR map of the head and the non-empty fields,
	 * keyed by the field numbers of ogpo's officer schema. */
	p = cbor_head(p, 5, b->flen[F_NOTE] > 0 ? 13 : 12);
	p = cbor_uint(p, 1, b->id);
	p = cbor_uint(p, 2, 1);
	p = cbor_uint(p, 3, (uint64_t)b->now);
	p = cbor_text(p, 4, "root", 4);
	p = cbor_text(p, 10, b->field[F_NAME], b->flen[F_NAME]);
	p = cbor_uint(p, 11, agency);
	p = cbor_uint(p, 12, role);
	p = cbor_uint(p, 15, 1);
	p = cbor_text(p, 16, b->field[F_TITLE], b->flen[F_TITLE]);
	p = cbor_text(p, 17, b->field[F_EMAIL], b->flen[F_EMAIL]);
	p = cbor_text(p, 18, b->field[F_PHONE], b->flen[F_PHONE]);
	p = cbor_text(p, 20, b->field[F_START], b->flen[F_START]);
	if (b->flen[F_NOTE] > 0)
		p = cbor_text(p, 22, b->field[F_NOTE], b->flen[F_NOTE]);
	base_put(b, DB_OFFICER, idb, 4, rec, (size_t)(p - rec), 0);

	for (i = 0; i < b->flen[F_EMAIL] && i + 1 < sizeof email; i++)
		email[i] = (char)tolower((unsigned char)b->field[F_EMAIL][i]);
	base_put(b, DB_EMAIL, email, i, idb, 4, MDB_NOOVERWRITE);
	base_put(b, DB_AGENCY, agb, 4, idb, 4, MDB_NODUPDATA);
	base_put(b, DB_NAME, b->field[F_NAME], b->flen[F_NAME], idb, 4,
	    MDB_NODUPDATA);
	memcpy(key, agb, 4);
	key[4] = (uint8_t)role;
	memcpy(key + 5, "9999-12-31", 10);
	memcpy(key + 15, b->field[F_START], 10);
	base_put(b, DB_ROLE, key, 25, idb, 4, MDB_NODUPDATA);
	n = collate_stroke_key(b->field[F_NAME], stroke, sizeof stroke);
	base_put(b, DB_STROKE, stroke, n, idb, 4, MDB_NODUPDATA);
	b->added++;
}

int
main(int argc, char **argv)
{
	static char buf[1 << 16];
	static struct base b;
	struct csv_parser parser;
	struct stat st;
	MDB_env *env;
	FILE *f;
	size_t n, i;
	int rc;

	if (argc == 4 && strcmp(argv[1], "-p") == 0) {
		b.parse_only = 1;
		argc--;
		argv++;
	}
	if (argc != 3) {
		fprintf(stderr, "usage: import-baseline [-p] DBDIR FILE.csv\n");
		return 2;
	}
	if ((f = fopen(argv[2], "rb")) == NULL || fstat(fileno(f), &st) != 0) {
		perror(argv[2]);
		return 1;
	}
	if (mkdir(argv[1], 0700) != 0 && errno != EEXIST) {
		perror(argv[1]);
		return 1;
	}
	base_codes = malloc(demo_agencies_len * sizeof *base_codes);
	for (i = 0; i < demo_agencies_len; i++)
		base_codes[i] = demo_agencies[i].code;
	qsort(base_codes, demo_agencies_len, sizeof *base_codes,
	    base_code_cmp);
	b.now = (int64_t)time(NULL);

	/* The map sized up front as ogpo's import sizes it. */
	env = NULL;
	if (!b.parse_only && ((rc = mdb_env_create(&env)) != 0 ||
	    (rc = mdb_env_set_maxdbs(env, 32)) != 0 ||
	    (rc = mdb_env_set_mapsize(env, (size_t)st.st_size * 16 +
	    (64UL << 20))) != 0 ||
	    (rc = mdb_env_open(env, argv[1], MDB_NOTLS, 0660)) != 0 ||
	    (rc = mdb_txn_begin(env, NULL, 0, &b.txn)) != 0))
		base_die(argv[1], rc);
	for (i = 0; env != NULL && i < DB_MAX; i++)
		if ((rc = mdb_dbi_open(b.txn, base_dbs[i].name,
		    base_dbs[i].flags | MDB_CREATE, &b.dbi[i])) != 0)
			base_die(base_dbs[i].name, rc);

	if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI |
	    CSV_APPEND_NULL) != 0)
		return 1;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		if (csv_parse(&parser, buf, n, base_field, base_row, &b) != n) {
			fprintf(stderr, "import-baseline: %s: %s\n", argv[2],
			    csv_strerror(csv_error(&parser)));
			return 1;
		}
	csv_fini(&parser, base_field, base_row, &b);
	csv_free(&parser);
	fclose(f);
	if (env != NULL) {
		if ((rc = mdb_txn_commit(b.txn)) != 0)
			base_die("commit", rc);
		mdb_env_close(env);
	}
	printf("%s: added %lu\n", argv[2], b.added);
	return 0;
}
