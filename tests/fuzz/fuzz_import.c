/*
 * fuzz_import.c — libFuzzer target for a whole import, as `ogpo import
 * --dry-run` runs it: the CSV reader, the header map, the value parsers
 * (dates in ROC form, roles, yes/no), validation, lookups and the rejects
 * file, against a database of the demo data made once in a temporary
 * directory. Every run is a dry run, so the transaction is rolled back and
 * each input meets the same database. The first three bytes choose:
 *
 *   byte 0  bits 0-2 encoding, bits 3-5 delimiter (as fuzz_csv.c, without
 *           the refused ones), bit 6 agencies (else officers), bit 7 a
 *           rejects file
 *   byte 1  bits 0-5 chunk, bit 6 --skip-bad, bit 7 --create-agencies
 *   byte 2  field_max: below 0x20 that many bytes (0: the default), else
 *           the default, so that text seeds read whole records; bit 7
 *           attendance (bit 6 with it: --meeting 17 --status online, a
 *           meeting tool's report of the demo's January meeting)
 *
 * When a run succeeds with a rejects file, that file must read back (in
 * the input's encoding and delimiter) as the header plus one row per
 * rejected row (a sheet when the input was one).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ogpo/core.h"
#include "ogpo/csv.h"
#include "ogpo/import.h"
#include "ogpo/util.h"

#include "fuzz-demo.h"

int	LLVMFuzzerInitialize(int *argc, char ***argv);
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The demo database, made once for every run. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_demo_init("fuzz_import");
	return 0;
}

static void
fuzz_on_reject(void *arg, const char *where, const char *column,
    const char *reason)
{
	(void)arg;
	if (where == NULL || strncmp(where, "row ", 4) != 0 ||
	    column == NULL || reason == NULL || *reason == '\0')
		abort();
}

static void
fuzz_on_change(void *arg, const char *where, const char *what)
{
	(void)arg;
	if (where == NULL || strncmp(where, "row ", 4) != 0 || what == NULL)
		abort();
}

/* The rejects file holds the header and each rejected row. */
static void
fuzz_check_rejects(const struct import_result *res)
{
	struct table_options	 o;
	struct table_reader	*r;
	const struct table_row	*row;
	char			*cause = NULL;
	size_t			 rows = 0;
	int			 rc;

	/* A CSV in the input's encoding and delimiter, or a sheet. */
	memset(&o, 0, sizeof o);
	if (res->delimiter != 0) {
		o.csv.encoding = res->encoding;
		o.csv.delimiter = res->delimiter;
	}
	if (table_reader_open(&r, fuzz_rejects, &o, &cause) != 0) {
		fprintf(stderr, "fuzz_import: rejects: %s\n", cause);
		abort();
	}
	while ((rc = table_reader_next(r, &row, &cause)) == 1)
		rows++;
	if (rc != 0 || rows != res->rejected + 1) {
		fprintf(stderr, "fuzz_import: rejects file: %zu rows for %zu "
		    "rejected: %s\n", rows, res->rejected,
		    cause ? cause : "");
		abort();
	}
	table_reader_close(r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const encs[] = { NULL, "utf-8", "big5", "utf-16",
		"utf-16le", "utf-16be", NULL, NULL };
	static const int delims[] = { 0, ',', '\t', ';', '|', 0, 0, 0 };
	struct import_options	 o;
	struct import_result	 res;
	char			*cause = NULL;
	FILE			*f;
	int			 rc;

	if (size < 3)
		return 0;
	if ((f = fopen(fuzz_input, "wb")) == NULL ||
	    fwrite(data + 3, 1, size - 3, f) != size - 3 || fclose(f) != 0)
		abort();
	remove(fuzz_rejects);

	memset(&o, 0, sizeof o);
	memset(&res, 0, sizeof res);
	o.kind = data[2] & 0x80 ? ENTITY_ATTENDANCE : data[0] & 0x40 ?
	    ENTITY_AGENCY : ENTITY_OFFICER;
	if (o.kind == ENTITY_ATTENDANCE && (data[2] & 0x40)) {
		o.meeting = 17;
		o.status = ATTEND_ONLINE;
	}
	o.csv.encoding = encs[data[0] & 7];
	o.csv.delimiter = delims[(data[0] >> 3) & 7];
	o.csv.chunk = data[1] & 0x3f;
	o.csv.field_max = data[2] < 0x20 ? data[2] : 0;
	o.dry_run = 1;
	o.skip_bad = (data[1] >> 6) & 1;
	o.create_agencies = data[1] >> 7;
	o.rejects = data[0] & 0x80 ? fuzz_rejects : NULL;
	o.on_reject = fuzz_on_reject;
	o.on_change = fuzz_on_change;

	rc = import_run(fuzz_core, fuzz_input, &o, &res, &cause);
	if (rc != 0 && cause == NULL)
		abort();
	if (rc == 0 && res.written)
		abort();	/* a dry run wrote */
	if (rc == 0 && res.added + res.updated + res.unchanged +
	    res.rejected > res.rows)
		abort();
	if (rc == 0 && o.rejects != NULL && res.rejects_error == NULL)
		fuzz_check_rejects(&res);
	free(res.warnings);
	free(res.absent);
	free(res.rejects_error);
	free(cause);
	return 0;
}
