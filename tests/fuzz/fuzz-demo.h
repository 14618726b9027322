/*
 * fuzz-demo.h — the demo database a fuzz target reads against, made once
 * in a temporary folder of its own before the first input and removed
 * when it exits, with the paths of the files each input is written to
 * there. Included by the targets that run imports (fuzz_import,
 * fuzz_ballots); each defines LLVMFuzzerInitialize as a call of
 * fuzz_demo_init.
 */
#ifndef OGPO_FUZZ_DEMO_H
#define OGPO_FUZZ_DEMO_H

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/core.h"
#include "ogpo/util.h"

static struct core	*fuzz_core;
static char		 fuzz_dir[] = "/tmp/ogpo-fuzz.XXXXXX";
static char		*fuzz_input, *fuzz_rejects;	/* in.csv, rejects.csv */

static int
fuzz_demo_rm(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void
fuzz_demo_cleanup(void)
{
	core_close(fuzz_core);
	nftw(fuzz_dir, fuzz_demo_rm, 16, FTW_DEPTH | FTW_PHYS);
	free(fuzz_input);
	free(fuzz_rejects);
}

/* The demo database in a new temporary folder; exits if it cannot be. */
static void
fuzz_demo_init(const char *name)
{
	char	*db, *cause = NULL;

	if (mkdtemp(fuzz_dir) == NULL) {
		fprintf(stderr, "%s: mkdtemp: %s\n", name, strerror(errno));
		exit(1);
	}
	db = xasprintf("%s/db", fuzz_dir);
	fuzz_input = xasprintf("%s/in.csv", fuzz_dir);
	fuzz_rejects = xasprintf("%s/rejects.csv", fuzz_dir);
	if (core_open(&fuzz_core, db, 1, &cause) != 0 ||
	    core_demo(fuzz_core, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", name, cause);
		exit(1);
	}
	free(db);
	atexit(fuzz_demo_cleanup);
}

#endif
