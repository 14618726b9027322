/*
 * fuzz_ballots.c — libFuzzer target for a topic vote's ballots as
 * `ogpo vote import --dry-run` reads and enters them: the sheet's header
 * (a form's e-mail and time columns, a topic per column or the topics
 * ticked in one cell), the voters found by e-mail or agency, the split of
 * a cell into the vote's topics, the later of two submissions, against
 * the demo's open vote (#1, four topics) in a database made once. The
 * input is a CSV file; the entering is a dry run, so every input meets
 * the same database.
 *
 * A refusal must say why; a sheet read must hold no more ballots than
 * its file has lines, each naming its row and approving no more topics
 * than the vote has.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/ballots.h"
#include "ogpo/core.h"
#include "ogpo/util.h"

#include "fuzz-demo.h"

int	LLVMFuzzerInitialize(int *argc, char ***argv);
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_VOTE	1	/* the demo's open vote */

struct fuzz_enter {
	struct ballot_sheet	*bs;
	size_t			 added, replaced;
};

/* The demo database, made once for every run. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_demo_init("fuzz_ballots");
	return 0;
}

static int
fuzz_enter_txn(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct fuzz_enter *fe = arg;

	return ballots_enter(c, t, FUZZ_VOTE, fe->bs, &fe->added,
	    &fe->replaced, cause);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ballot_sheet	 bs;
	struct fuzz_enter	 fe;
	char			*cause = NULL;
	size_t			 i, lines = 1;
	FILE			*f;
	int			 rc;

	if ((f = fopen(fuzz_input, "wb")) == NULL ||
	    fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	for (i = 0; i < size; i++)
		lines += data[i] == '\n' || data[i] == '\r';

	memset(&bs, 0, sizeof bs);
	rc = ballots_read(fuzz_core, FUZZ_VOTE, fuzz_input, &bs, &cause);
	if (rc != 0 && (cause == NULL || *cause == '\0'))
		abort();
	if (rc == 0) {
		if (bs.nb > lines)
			abort();
		for (i = 0; i < bs.nb; i++)
			if (bs.b[i].n > OGPO_COLLAB_MAX ||
			    strncmp(bs.b[i].where, "row ", 4) != 0)
				abort();
		memset(&fe, 0, sizeof fe);
		fe.bs = &bs;
		free(cause);
		cause = NULL;
		rc = core_dry(fuzz_core, fuzz_enter_txn, &fe, &cause);
		if (rc != 0 && (cause == NULL || *cause == '\0'))
			abort();
		if (rc == 0 && fe.added + fe.replaced > bs.nb)
			abort();
	}
	ballots_free(&bs);
	free(cause);
	return 0;
}
