/*
 * hold.c — keep a database open, as a user's idle ogpo does, until
 * standard input ends; for the tests. LMDB resets its reader table when
 * a process opens the environment alone, so a test of stale reader
 * slots needs someone else to have it open. Prints "open" once open.
 *
 *   hold DIR <FIFO
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "ogpo/core.h"

int
main(int argc, char **argv)
{
	struct core *c;
	char *cause = NULL, buf[256];

	if (argc != 2) {
		fprintf(stderr, "usage: hold DIR\n");
		return 2;
	}
	if (core_open(&c, argv[1], 0, &cause) != 0) {
		fprintf(stderr, "hold: %s\n", cause);
		free(cause);
		return 1;
	}
	printf("open\n");
	fflush(stdout);
	while (read(0, buf, sizeof buf) > 0)
		;
	core_close(c);
	return 0;
}
