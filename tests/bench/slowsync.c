/*
 * slowsync.c — a disk slower than the keys, for the roll call's bench
 * (rollcall.sh): preloaded (LD_PRELOAD), every fsync and fdatasync of the
 * program waits $OGPO_BENCH_FLUSH_MS (150) before it is done, as a flush
 * does on a disk busy with others' writes.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <time.h>

int	fsync(int fd);
int	fdatasync(int fd);

static void
slowsync_wait(void)
{
	const char *e = getenv("OGPO_BENCH_FLUSH_MS");
	long ms = e != NULL ? atol(e) : 150;
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

int
fsync(int fd)
{
	int (*real)(int) = (int (*)(int))dlsym(RTLD_NEXT, "fsync");

	slowsync_wait();
	return real(fd);
}

int
fdatasync(int fd)
{
	int (*real)(int) = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");

	slowsync_wait();
	return real(fd);
}
