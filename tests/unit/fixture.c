/*
 * fixture.c — what the unit tests share.
 */
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "fixture.h"
#include "ogpo/core.h"

static int
fixture_rm_one(const char *path, const struct stat *sb, int flag,
    struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void
fixture_rmdir(const char *dir)
{
	nftw(dir, fixture_rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

struct core *
fixture_core_open(char *dir, size_t n)
{
	return fixture_core_open_in(dir, n, "/tmp");
}

struct core *
fixture_core_open_in(char *dir, size_t n, const char *base)
{
	struct core *c;
	char *cause = NULL;

	if (snprintf(dir, n, "%s/ogpo-unit.XXXXXX", base) >= (int)n ||
	    mkdtemp(dir) == NULL) {
		/* No such place here: the usual one. */
		if (snprintf(dir, n, "/tmp/ogpo-unit.XXXXXX") >= (int)n ||
		    mkdtemp(dir) == NULL)
			return NULL;
	}
	if (core_open(&c, dir, 1, &cause) != 0) {
		fprintf(stderr, "fixture: %s\n", cause);
		free(cause);
		fixture_rmdir(dir);
		return NULL;
	}
	return c;
}

void
fixture_core_close(struct core *c, const char *dir)
{
	core_close(c);
	fixture_rmdir(dir);
}

uint32_t
fixture_agency(struct core *c, const char *code, uint32_t parent,
    uint32_t level)
{
	struct agency a;
	char *cause = NULL;

	memset(&a, 0, sizeof a);
	snprintf(a.code, sizeof a.code, "%s", code);
	snprintf(a.name, sizeof a.name, "機關%s", code);
	a.parent = parent;
	a.level = level;
	if (core_save1(c, ENTITY_AGENCY, &a, &cause) != 0)
		fail_msg("agency %s: %s", code, cause);
	return a.h.id;
}
