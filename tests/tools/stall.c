/*
 * stall.c — stop, as a process of ogpo's could be stopped (kill -STOP)
 * by the account that runs it, inside one of LMDB's own locks of the
 * database in DIR; for the attack tests. Without -o, holding the mutex
 * every snapshot takes as it begins (the readers' table): someone else
 * must have the database open, or the next to open it sets the lock file
 * up afresh. With -o, holding the exclusive lock of the first process to
 * open it: no one else may have it open. Prints "stopped PID" and stops;
 * once continued, it lets go and ends.
 *
 *   stall [-o] DIR
 */
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	struct flock fl;
	pthread_mutex_t *mx = NULL;
	char path[4096];
	uint32_t *m;
	int fd, opening = argc == 3 && strcmp(argv[1], "-o") == 0;

	if (argc != 2 + opening) {
		fprintf(stderr, "usage: stall [-o] DIR\n");
		return 2;
	}
	snprintf(path, sizeof path, "%s/lock.mdb", argv[1 + opening]);
	if ((fd = open(path, O_RDWR)) == -1) {
		perror(path);
		return 1;
	}
	if (opening) {
		memset(&fl, 0, sizeof fl);
		fl.l_type = F_WRLCK;
		fl.l_whence = SEEK_SET;
		fl.l_len = 1;
		if (fcntl(fd, F_SETLK, &fl) != 0) {
			perror("the first open's lock (is it open?)");
			return 1;
		}
	} else {
		m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		if (m == MAP_FAILED || m[0] != 0xbeefc0deu) {
			fprintf(stderr, "%s: not an LMDB lock file\n", path);
			return 1;
		}
		/* LMDB 0.9: magic, format, then the readers' mutex. */
		mx = (pthread_mutex_t *)(void *)(m + 2);
		if (pthread_mutex_lock(mx) != 0) {
			fprintf(stderr, "%s: cannot take the mutex\n", path);
			return 1;
		}
	}
	printf("stopped %ld\n", (long)getpid());
	fflush(stdout);
	raise(SIGSTOP);
	if (mx != NULL)
		pthread_mutex_unlock(mx);
	return 0;
}
