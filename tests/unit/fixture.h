/*
 * fixture.h — what the unit tests share: a database in a directory of its
 * own, and removing that directory afterwards.
 */
#ifndef OGPO_TEST_FIXTURE_H
#define OGPO_TEST_FIXTURE_H

#include <stddef.h>
#include <stdint.h>

struct core;

/*
 * A new database in a fresh directory under /tmp (its name into dir, n
 * bytes, at least 32), opened for the tests; NULL when it cannot be.
 */
struct core *fixture_core_open(char *dir, size_t n);

/*
 * The same under base (/dev/shm: memory, for a test of thousands of
 * commits that would wait on the disk), or /tmp if base will not do.
 */
struct core *fixture_core_open_in(char *dir, size_t n, const char *base);

/* Close c and remove its directory. */
void	fixture_core_close(struct core *c, const char *dir);

/*
 * A new agency CODE named 機關CODE under parent at level, saved in c
 * (the test fails if it cannot be); its id.
 */
uint32_t fixture_agency(struct core *c, const char *code, uint32_t parent,
	    uint32_t level);

/* Remove dir and all it holds. */
void	fixture_rmdir(const char *dir);

#endif
