/*
 * fixture.h — what the unit tests share: removing the database directory
 * a test made.
 */
#ifndef OGPO_TEST_FIXTURE_H
#define OGPO_TEST_FIXTURE_H

#include <stddef.h>

/* Remove dir and all it holds. */
void	fixture_rmdir(const char *dir);

#endif
