/*
 * stall.c — a process stopped inside LMDB's own locks.
 *
 * LMDB serialises two things of its own in lock.mdb, without a timeout:
 * the opening of the environment by the first process to open it (an
 * exclusive lock on the lock file's first byte, which every later open
 * waits for), and the taking of a place in its table of readers (a
 * process-shared mutex every snapshot takes as it begins). A process
 * stopped by force (kill -STOP, which anyone may send to a process of
 * their own, a set-group-id one included) in either held it for as long
 * as it stayed stopped, and every other ogpo, root's and ogpo doctor
 * included, hung there for ever without a word. LMDB cannot be asked who
 * holds either, so ogpo looks: the lock by F_GETLK, the mutex by its
 * owner's thread id, which the robust mutexes of glibc keep in their
 * first word. Before it takes either, it waits for a holder that is
 * stopped as it waits for a stopped writer (writer.c), then gives up
 * with a sentence naming the process and what root runs.
 *
 * The mutex is looked for where LMDB 0.9 lays out its lock file, and only
 * when the file says it is that layout; otherwise nothing is looked at
 * and LMDB waits as it always did.
 */
#define _GNU_SOURCE	/* gettid */
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store-int.h"

#define STALL_MAGIC	0xbeefc0deu	/* LMDB's lock file */
#define STALL_FORMAT	0x10001u	/* 0.9: version 1, pid locks */
#define STALL_MUTEX	8		/* the readers' mutex, after both */
#define STALL_TID_MASK	0x3fffffffu	/* glibc: the owner's thread id */
#define STALL_WAIT_MS	5000		/* as for a stopped writer */

/*
 * Whether thread tid is stopped, and its process and that process's
 * owner (a mutex names the thread that holds it).
 */
static int
stall_stopped(long tid, long *pid, uid_t *uid)
{
	char path[64], line[256];
	FILE *f;

	*pid = tid;
	snprintf(path, sizeof path, "/proc/%ld/status", tid);
	if ((f = fopen(path, "r")) != NULL) {
		while (fgets(line, sizeof line, f) != NULL)
			if (strncmp(line, "Tgid:", 5) == 0) {
				*pid = strtol(line + 5, NULL, 10);
				break;
			}
		fclose(f);
	}
	*uid = (uid_t)store_pid_uid(*pid);
	return store_pid_stopped(tid);
}

/* The sentence for a holder still stopped after the wait. */
static int
stall_fail(long pid, uid_t uid, int opening, char **cause)
{
	struct passwd *pw = getpwuid(uid);
	char who[64];

	if (pw != NULL)
		snprintf(who, sizeof who, "%s", pw->pw_name);
	else
		snprintf(who, sizeof who, "#%lu", (unsigned long)uid);
	if (opening)
		return err_set(cause, OGPO_BUSY, "%s's process %ld was "
		    "stopped while it opened the database, the first to "
		    "open it, and no one else can open it until it goes on "
		    "or ends; only root can end it (as root: kill -9 %ld)",
		    who, pid, pid);
	return err_set(cause, OGPO_BUSY, "%s's process %ld was stopped while "
	    "it took a place in the database's table of readers, and no one "
	    "can read the database until it goes on or ends; only root can "
	    "end it (as root: kill -9 %ld)", who, pid, pid);
}

/*
 * The holder of the exclusive lock of the first open, by F_GETLK on fd
 * (lock.mdb): its process id, or 0 if there is none.
 */
static long
stall_opener(int fd)
{
	struct flock fl;

	memset(&fl, 0, sizeof fl);
	fl.l_type = F_RDLCK;
	fl.l_whence = SEEK_SET;
	fl.l_start = 0;
	fl.l_len = 1;
	if (fcntl(fd, F_GETLK, &fl) != 0 || fl.l_type != F_WRLCK)
		return 0;
	return (long)fl.l_pid;
}

int
store_stall_open(struct store *s, const char *dir, char **cause)
{
	char *path = xasprintf("%s/lock.mdb", dir);
	int64_t until = clock_ms() + STALL_WAIT_MS;
	struct stat st;
	long holder, pid;
	uid_t uid;
	void *map;
	int fd;

	s->stall_map = NULL;
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY |
	    O_NONBLOCK);
	free(path);
	if (fd == -1)
		return 0;	/* LMDB makes it: no one can be in it yet */
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_size < (off_t)sysconf(_SC_PAGESIZE)) {
		close(fd);
		return 0;
	}
	while ((holder = stall_opener(fd)) != 0 &&
	    stall_stopped(holder, &pid, &uid)) {
		if (clock_ms() >= until) {
			close(fd);
			return stall_fail(pid, uid, 1, cause);
		}
		usleep(50 * 1000);
	}
	map = mmap(NULL, (size_t)sysconf(_SC_PAGESIZE), PROT_READ, MAP_SHARED,
	    fd, 0);
	/*
	 * Closed before LMDB opens the file: closing a descriptor of a file
	 * lets go of every lock the process holds on it, LMDB's included.
	 * The map stays.
	 */
	close(fd);
	if (map != MAP_FAILED)
		s->stall_map = map;
	return 0;
}

void
store_stall_close(struct store *s)
{
	if (s->stall_map != NULL)
		munmap((void *)(uintptr_t)s->stall_map,
		    (size_t)sysconf(_SC_PAGESIZE));
	s->stall_map = NULL;
}

int
store_stall_check(struct store *s, char **cause)
{
	const volatile uint32_t *m = s->stall_map;
	int64_t until = 0;
	uint32_t tid;
	long pid;
	uid_t uid;

	if (m == NULL)
		return 0;
	for (;;) {
		/* Read each time: the first open may set the file up. */
		if (m[0] != STALL_MAGIC || m[1] != STALL_FORMAT)
			return 0;
		tid = m[STALL_MUTEX / 4] & STALL_TID_MASK;
		if (tid == 0 || (long)tid == (long)gettid() ||
		    !stall_stopped((long)tid, &pid, &uid))
			return 0;
		if (until == 0)
			until = clock_ms() + STALL_WAIT_MS;
		else if (clock_ms() >= until)
			return stall_fail(pid, uid, 0, cause);
		usleep(50 * 1000);
	}
}
