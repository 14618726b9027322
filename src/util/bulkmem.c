/*
 * bulkmem.c — room in the heap for one large write, in huge pages.
 *
 * A write transaction keeps every page it changes in a block of its own
 * from malloc until the commit (LMDB's dirty pages): an import of a
 * million officers makes some 120,000 of them, and the first touch of
 * each costs a page fault, a tenth of the import's time. bulkmem_begin
 * takes about what the write will need from the top of the heap, asks
 * the kernel for transparent huge pages there (one fault per 2 MB, where
 * the system grants them on request, as Debian's does), and gives it
 * back to malloc, which then carves the pages out of it; nothing is
 * touched, so what is not used costs nothing. bulkmem_end lets malloc
 * return free memory to the system again, a large stretch at a time. Only a hint: where any step is
 * refused (another allocator, no huge pages), memory is as without it.
 *
 * Even in huge pages the faults were still a tenth of the writer's time
 * (the kernel clears each page it hands out), so a thread of its own
 * takes them, on the other core: it faults the room in
 * (MADV_POPULATE_WRITE, which maps a page as a write would and changes
 * nothing in it, so malloc carving the same pages meanwhile is none the
 * worse) a little ahead of what the writer says it has used
 * (bulkmem_used), never the whole room at once: a write that changes
 * little (an import of a file already in) keeps its memory small.
 */
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "ogpo/util.h"

#define BULKMEM_CHUNK	(16u << 20)	/* malloc's largest from the heap */
#define BULKMEM_MAX	(512u << 20)	/* LMDB spills dirty pages past it */
#define BULKMEM_HUGE	((uintptr_t)2 << 20)
#define BULKMEM_AHEAD	((uintptr_t)16 << 20)	/* faulted in ahead of use */

static int	bulkmem_on;

/* The thread that faults the room in, and how far it is asked to. */
static struct {
	pthread_mutex_t	 lock;
	pthread_cond_t	 more;		/* want moved, or stop */
	pthread_t	 thread;
	int		 threaded;
	int		 stop;
	uintptr_t	 lo, hi;	/* the room, whole huge pages */
	uintptr_t	 want;		/* fault in up to here */
} bulkmem_fault = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.more = PTHREAD_COND_INITIALIZER,
};

#ifdef MADV_POPULATE_WRITE
static void *
bulkmem_fault_main(void *arg)
{
	uintptr_t at, to;

	(void)arg;
	pthread_mutex_lock(&bulkmem_fault.lock);
	for (at = bulkmem_fault.lo; !bulkmem_fault.stop &&
	    at < bulkmem_fault.hi;) {
		if (at >= bulkmem_fault.want) {
			pthread_cond_wait(&bulkmem_fault.more,
			    &bulkmem_fault.lock);
			continue;
		}
		to = bulkmem_fault.want;
		pthread_mutex_unlock(&bulkmem_fault.lock);
		/* A huge page a call; a refusal (an older kernel) ends it,
		 * and the writer takes its own faults as before. */
		for (; at < to; at += BULKMEM_HUGE)
			if (madvise((void *)at, BULKMEM_HUGE,
			    MADV_POPULATE_WRITE) != 0) {
				at = UINTPTR_MAX;
				break;
			}
		pthread_mutex_lock(&bulkmem_fault.lock);
	}
	pthread_mutex_unlock(&bulkmem_fault.lock);
	return NULL;
}
#endif

/* Start the thread that faults [lo, hi) in, once told it is used. */
static void
bulkmem_fault_start(uintptr_t lo, uintptr_t hi)
{
#ifdef MADV_POPULATE_WRITE
	sigset_t all, old;

	bulkmem_fault.lo = lo;
	bulkmem_fault.hi = hi;
	bulkmem_fault.want = lo;
	bulkmem_fault.stop = 0;
	/* Signals stay with the program's own thread. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	bulkmem_fault.threaded = pthread_create(&bulkmem_fault.thread, NULL,
	    bulkmem_fault_main, NULL) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
#else
	(void)lo;
	(void)hi;
#endif
}

void
bulkmem_used(size_t bytes)
{
	uintptr_t want, room;

	/* Nothing yet: a write that changes nothing costs nothing. */
	if (!bulkmem_fault.threaded || bytes == 0)
		return;
	pthread_mutex_lock(&bulkmem_fault.lock);
	room = bulkmem_fault.hi - bulkmem_fault.lo;
	want = bytes < room && room - bytes > BULKMEM_AHEAD ?
	    bulkmem_fault.lo + bytes + BULKMEM_AHEAD : bulkmem_fault.hi;
	if (want > bulkmem_fault.want) {
		bulkmem_fault.want = want;
		pthread_cond_signal(&bulkmem_fault.more);
	}
	pthread_mutex_unlock(&bulkmem_fault.lock);
}

void
bulkmem_begin(size_t bytes)
{
	void *chunk[BULKMEM_MAX / BULKMEM_CHUNK];
	uintptr_t lo = UINTPTR_MAX, hi = 0, at;
	size_t n, i;

	if (bulkmem_on || bytes < 4 * BULKMEM_HUGE)
		return;
	if (bytes > BULKMEM_MAX)
		bytes = BULKMEM_MAX;
	/* Chunks from the heap, and the heap kept when they are freed. */
	if (mallopt(M_MMAP_THRESHOLD, BULKMEM_CHUNK + (1 << 20)) == 0 ||
	    mallopt(M_TRIM_THRESHOLD, 2 * BULKMEM_MAX) == 0)
		return;
	bulkmem_on = 1;
	for (n = 0; n * BULKMEM_CHUNK < bytes; n++) {
		if ((chunk[n] = malloc(BULKMEM_CHUNK)) == NULL)
			break;
		at = (uintptr_t)chunk[n];
		lo = at < lo ? at : lo;
		hi = at + BULKMEM_CHUNK > hi ? at + BULKMEM_CHUNK : hi;
	}
	/* Huge pages only where the chunks lie end to end (the top of
	 * the heap grown for them), whole 2 MB pages inside them. */
	lo = (lo + BULKMEM_HUGE - 1) & ~(BULKMEM_HUGE - 1);
	hi &= ~(BULKMEM_HUGE - 1);
	if (n > 0 && hi > lo && hi - lo <= n * (BULKMEM_CHUNK + 4096)) {
		(void)madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
		bulkmem_fault_start(lo, hi);
	}
	for (i = 0; i < n; i++)
		free(chunk[i]);
}

void
bulkmem_end(void)
{
	if (!bulkmem_on)
		return;
	bulkmem_on = 0;
	if (bulkmem_fault.threaded) {
		pthread_mutex_lock(&bulkmem_fault.lock);
		bulkmem_fault.stop = 1;
		pthread_cond_signal(&bulkmem_fault.more);
		pthread_mutex_unlock(&bulkmem_fault.lock);
		pthread_join(bulkmem_fault.thread, NULL);
		bulkmem_fault.threaded = 0;
	}
	/*
	 * Free memory at the top of the heap is given back again past what
	 * glibc lets it reach on its own (twice its largest threshold for
	 * mmap). Not glibc's first 128 KB: LMDB keeps the pages it used
	 * and frees them one by one when the database is closed, and each
	 * would then give 4 KB back with a system call of its own.
	 */
	(void)mallopt(M_TRIM_THRESHOLD, 2 * 32 * 1024 * 1024);
}
