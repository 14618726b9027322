/*
 * hold.c — keep a database open, as a user's idle ogpo does, until
 * standard input ends; for the tests. LMDB resets its reader table when
 * a process opens the environment alone, so a test of stale reader
 * slots needs someone else to have it open. Prints "open" once open.
 * With -r it also holds a read transaction, as a reader stuck on its
 * output would: a snapshot the database cannot reuse the space of. With
 * -w it holds a write transaction instead, as a long import does: every
 * other writer waits for it (it writes nothing).
 *
 *   hold [-r|-w] DIR <FIFO
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "ogpo/core.h"

/* The write transaction of -w: open until standard input ends. */
static int
hold_write(struct store_txn *t, void *arg, char **cause)
{
	char buf[256];

	(void)t;
	(void)arg;
	(void)cause;
	printf("open\n");
	fflush(stdout);
	while (read(0, buf, sizeof buf) > 0)
		;
	return 0;
}

int
main(int argc, char **argv)
{
	struct store_txn *t = NULL;
	struct core *c;
	char *cause = NULL, buf[256];
	int snapshot = argc == 3 && argv[1][0] == '-' && argv[1][1] == 'r';
	int write = argc == 3 && argv[1][0] == '-' && argv[1][1] == 'w';

	if (argc != 2 + snapshot + write) {
		fprintf(stderr, "usage: hold [-r|-w] DIR\n");
		return 2;
	}
	if (core_open(&c, argv[argc - 1], 0, &cause) != 0) {
		fprintf(stderr, "hold: %s\n", cause);
		free(cause);
		return 1;
	}
	if (snapshot && store_read_begin(core_store(c), &t, &cause) != 0) {
		fprintf(stderr, "hold: %s\n", cause);
		free(cause);
		core_close(c);
		return 1;
	}
	if (write) {
		if (store_write(core_store(c), hold_write, NULL, &cause) != 0) {
			fprintf(stderr, "hold: %s\n", cause);
			free(cause);
		}
		core_close(c);
		return 0;
	}
	printf("open\n");
	fflush(stdout);
	while (read(0, buf, sizeof buf) > 0)
		;
	store_read_end(t);
	core_close(c);
	return 0;
}
