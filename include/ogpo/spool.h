/*
 * spool.h — files kept aside, so that nothing waits on the world while the
 * database is held. An input (a file to import) is copied into a private
 * temporary file before any transaction begins, and read from there; an
 * output (a listing, an export) is written into one while the snapshot is
 * open, and copied to where it goes once the snapshot is let go. A FIFO
 * that never delivers, a pager that stops reading, a stopped terminal or a
 * slow network file then holds up only the process that asked for it.
 *
 * The temporary files never have a name (O_TMPFILE in $TMPDIR or /tmp,
 * or in memory), so no other process can open or change them.
 */
#ifndef OGPO_SPOOL_H
#define OGPO_SPOOL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The largest input taken: about 40 million officer rows. */
#define SPOOL_IN_MAX	(4ULL << 30)

/* An input, copied and mapped: its bytes are data[0 .. len). */
struct spool {
	int		 fd;
	const void	*data;
	size_t		 len;
};

/*
 * Copy the file at path (opened with the caller's rights; "-" is standard
 * input) into a private temporary file and map it. progress(arg, done,
 * total) is called as it is read (total 0 when unknown: a pipe). Returns
 * 0, or an ogpo status with *cause naming the file and what to do; sp is
 * then empty. Release with spool_free.
 */
int	 spool_in(struct spool *sp, const char *path,
	    void (*progress)(void *arg, uint64_t done, uint64_t total),
	    void *arg, char **cause);
void	 spool_free(struct spool *sp);

/*
 * A descriptor of a file with no name that no other process can reach
 * (O_TMPFILE in $TMPDIR or /tmp, else memfd_create), or -1 with errno.
 */
int	 spool_private_fd(void);

/*
 * A private temporary file to write into (w+), or NULL with errno set.
 * spool_copy writes all of it, from its start, to f; 0, or -1 with errno.
 */
FILE	*spool_tmpfile(void);
int	 spool_copy(FILE *spool, FILE *f);

/*
 * Standard output kept aside: from spool_stdout_begin on, whatever the
 * program prints to stdout goes into a private file; spool_stdout_end
 * (call it once the database is closed, or at exit) sends it to the real
 * standard output. Returns 0, or -1 with errno (nothing is kept aside
 * then). end returns -1 if the output could not be written (a closed
 * pipe), 0 otherwise.
 */
int	 spool_stdout_begin(void);
int	 spool_stdout_end(void);
/* 1 if the real standard output (kept aside or not) is a terminal. */
int	 spool_stdout_isatty(void);

/*
 * A file the person named, written whole or not at all: spool_out_open
 * makes path.tmp afresh (*tmp its name, a new string) and returns it open
 * for writing; spool_out_close(f, tmp, path, ok, cause) closes it and,
 * when ok, renames it to path, else removes it, freeing tmp. What is at
 * path.tmp already, a name the person never chose, is removed and never
 * written through: in a folder others may write, one of them could have
 * put there a link to a file of the writer's, or a FIFO. Both return
 * NULL or an ogpo status with *cause naming the file.
 */
FILE	*spool_out_open(const char *path, char **tmp, char **cause);
int	 spool_out_close(FILE *f, char *tmp, const char *path, int ok,
	    char **cause);

/*
 * 1 if f is a regular file on a disk file system of this machine (ext2-4,
 * XFS, Btrfs, F2FS, tmpfs), where a write waits on nothing but the disk:
 * path.tmp there may be written while the database is held, and the copy
 * kept aside spared. Anything else (NFS, FUSE, whatever may be made to
 * stall) is 0, and is written only once the database is let go.
 */
int	 spool_out_local(FILE *f);

/*
 * A descriptor for writing to the terminal fd is on (a new open of it)
 * that never waits: a write that would block is dropped. -1 if fd is not
 * a terminal. For progress shown while the database is held.
 */
int	 spool_tty_nowait(int fd);

/* Where temporary files go: $TMPDIR, but /tmp for a set-id program. */
const char *spool_dir(void);

#endif
