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
 */
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "ogpo/util.h"

#define BULKMEM_CHUNK	(16u << 20)	/* malloc's largest from the heap */
#define BULKMEM_MAX	(512u << 20)	/* LMDB spills dirty pages past it */
#define BULKMEM_HUGE	((uintptr_t)2 << 20)

static int	bulkmem_on;

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
	if (n > 0 && hi > lo && hi - lo <= n * (BULKMEM_CHUNK + 4096))
		(void)madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
	for (i = 0; i < n; i++)
		free(chunk[i]);
}

void
bulkmem_end(void)
{
	if (!bulkmem_on)
		return;
	bulkmem_on = 0;
	/*
	 * Free memory at the top of the heap is given back again past what
	 * glibc lets it reach on its own (twice its largest threshold for
	 * mmap). Not glibc's first 128 KB: LMDB keeps the pages it used
	 * and frees them one by one when the database is closed, and each
	 * would then give 4 KB back with a system call of its own.
	 */
	(void)mallopt(M_TRIM_THRESHOLD, 2 * 32 * 1024 * 1024);
}
