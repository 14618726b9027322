/*
 * priv.c — the group's rights, held only around the shared database.
 *
 * A setgid program starts with the group as its effective gid and keeps
 * it as the saved gid, so it can switch between the two at will. We
 * switch to the user's own gid at once and take the group up only while
 * the store opens or touches the shared database's files. A file named by
 * the user is therefore opened with the user's rights, by construction
 * rather than by remembering to drop them at each call; and a database
 * the user chose never sees the group's rights at all (priv_drop).
 */
#define _GNU_SOURCE	/* setresgid, getresgid */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ogpo/priv.h"
#include "ogpo/util.h"

static int	 priv_is_setid;
static gid_t	 priv_gid = (gid_t)-1;	/* the group we started with */
static int	 priv_depth;
static int	 priv_dropped;

/*
 * Descriptors 0 to 2 the process was started without get /dev/null:
 * otherwise the first file opened (the database, with the group's
 * rights) would become standard error, and a message would land in it.
 */
static int
priv_std_fds(void)
{
	int fd;

	for (fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		if (open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY) != fd)
			return -1;
	}
	return 0;
}

/* Close what the caller left open beyond 0 to 2: none of it is ours. */
static void
priv_close_inherited(void)
{
	struct dirent *de;
	DIR *d;
	char *end;
	long fd;

	if ((d = opendir("/proc/self/fd")) == NULL) {
		for (fd = 3; fd < 1024; fd++)
			(void)close((int)fd);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		fd = strtol(de->d_name, &end, 10);
		if (*end != '\0' || fd <= 2 || fd == dirfd(d))
			continue;
		(void)close((int)fd);
	}
	closedir(d);
}

/*
 * Signals as a new process has them: a caller could have set SIGTERM or
 * SIGXFSZ to be ignored, or blocked signals, to change what ogpo does at
 * its most delicate moments (a write cut short by a file size limit and
 * carried on, a kill that does nothing).
 */
static void
priv_signals(void)
{
	struct sigaction sa;
	sigset_t none;
	int sig;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	for (sig = 1; sig < NSIG; sig++)
		if (sig != SIGKILL && sig != SIGSTOP)
			(void)sigaction(sig, &sa, NULL);
	sigemptyset(&none);
	(void)sigprocmask(SIG_SETMASK, &none, NULL);
}

/*
 * No core dump, no ptrace, no /proc/PID/fd or mem for the user: whatever
 * fs.suid_dumpable says, which the kernel applies again at each change
 * of the effective group (so this follows every one). A process the user
 * could attach to, its group given up, still has the database's file open
 * for writing and its lock table mapped.
 */
static void
priv_undumpable(void)
{
	if (priv_is_setid)
		(void)prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

int
priv_init(void)
{
	priv_is_setid = getegid() != getgid() || geteuid() != getuid();
	if (priv_is_setid) {
		if (priv_std_fds() != 0)
			return -1;
		priv_close_inherited();
		priv_signals();
	}
	if (geteuid() != getuid()) {
		/* ogpo is never installed setuid: give that up for good. */
		if (setresuid(getuid(), getuid(), getuid()) != 0)
			return -1;
	}
	if (getegid() != getgid()) {
		priv_gid = getegid();
		if (setegid(getgid()) != 0)
			return -1;
	}
	priv_undumpable();
	return 0;
}

int
priv_setid(void)
{
	return priv_is_setid;
}

gid_t
priv_group(void)
{
	return priv_dropped ? (gid_t)-1 : priv_gid;
}

void
priv_enter(void)
{
	if (priv_depth++ == 0 && !priv_dropped && priv_gid != (gid_t)-1) {
		(void)setegid(priv_gid);
		priv_undumpable();
	}
}

void
priv_leave(void)
{
	if (priv_depth > 0 && --priv_depth == 0 && !priv_dropped &&
	    priv_gid != (gid_t)-1) {
		(void)setegid(getgid());
		priv_undumpable();
	}
}

int
priv_drop(void)
{
	gid_t g = getgid(), r, e, s;

	if (priv_dropped || priv_gid == (gid_t)-1) {
		priv_dropped = 1;
		return 0;
	}
	if (setresgid(g, g, g) != 0 || getresgid(&r, &e, &s) != 0 ||
	    r != g || e != g || s != g)
		return -1;
	priv_undumpable();
	priv_dropped = 1;
	priv_depth = 0;
	return 0;
}

/*
 * Unmap every shared mapping: in ogpo those are LMDB's (data.mdb, mapped
 * read-only from a descriptor open for writing, so mprotect could make it
 * writable; lock.mdb, writable as it is). The list is read whole before
 * anything is unmapped. -1 if it cannot be read.
 */
static int
priv_unmap_shared(void)
{
	char *text = NULL, *line, *next, perm[8];
	size_t len = 0;
	unsigned long lo, hi;
	FILE *f, *mem;
	int c;

	if ((f = fopen("/proc/self/maps", "re")) == NULL)
		return -1;
	if ((mem = open_memstream(&text, &len)) == NULL) {
		fclose(f);
		return -1;
	}
	while ((c = getc(f)) != EOF)
		putc(c, mem);
	fclose(f);
	if (fclose(mem) != 0)
		return -1;
	for (line = text; line != NULL && *line != '\0'; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perm) == 3 &&
		    strlen(perm) == 4 && perm[3] == 's' && hi > lo &&
		    munmap((void *)lo, hi - lo) != 0) {
			free(text);
			return -1;
		}
	}
	free(text);
	return 0;
}

int
priv_apart(int keep)
{
	struct dirent *de;
	DIR *d;
	char *end;
	long fd;
	int null;

	priv_signals();
	if (priv_drop() != 0 || priv_unmap_shared() != 0)
		return -1;
	if ((null = open("/dev/null", O_RDWR | O_CLOEXEC)) == -1)
		return -1;
	for (fd = 0; fd <= 2; fd++)
		if (fd != keep && dup2(null, (int)fd) != fd)
			return -1;
	if ((d = opendir("/proc/self/fd")) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL) {
		fd = strtol(de->d_name, &end, 10);
		if (*end != '\0' || fd <= 2 || fd == keep || fd == dirfd(d))
			continue;
		(void)close((int)fd);
	}
	closedir(d);
	return 0;
}

/* priv_roots_file, where owner may own it as well as root. */
static enum priv_fault_why
priv_rule(const struct stat *st, uid_t owner, gid_t group)
{
	if (st->st_uid != 0 && st->st_uid != owner)
		return PRIV_FAULT_OWNER;
	if (((st->st_mode & S_IWGRP) && st->st_gid != 0 &&
	    st->st_gid != group) || ((st->st_mode & S_IWOTH) &&
	    !(S_ISDIR(st->st_mode) && (st->st_mode & S_ISVTX))))
		return PRIV_FAULT_WRITABLE;
	return PRIV_FAULT_NONE;
}

enum priv_fault_why
priv_roots_file(const struct stat *st, gid_t group)
{
	return priv_rule(st, 0, group);
}

/* The walk of priv_roots_only, where owner may own each as well. */
static int
priv_walk(const char *real, uid_t owner, gid_t group, struct priv_fault *f)
{
	char *path = xstrdup(real), *p, keep;
	struct stat st;

	memset(f, 0, sizeof *f);
	for (p = path; p != NULL; p = strchr(p + 1, '/')) {
		/* Cut path after "/" itself, else at the next slash. */
		keep = p[p == path];
		p[p == path] = '\0';
		if (lstat(path, &st) != 0) {
			f->why = PRIV_FAULT_STAT;
			f->error = errno;
		} else
			f->why = priv_rule(&st, owner, group);
		if (f->why != PRIV_FAULT_NONE) {
			if (f->why != PRIV_FAULT_STAT) {
				f->uid = st.st_uid;
				f->mode = st.st_mode;
			}
			f->dir = path;
			return -1;
		}
		p[p == path] = keep;
		if (p == path && keep == '\0')
			break;	/* real is "/" */
	}
	free(path);
	return 0;
}

int
priv_roots_only(const char *real, gid_t group, struct priv_fault *f)
{
	return priv_walk(real, 0, group, f);
}

int
priv_mine_only(const char *real, struct priv_fault *f)
{
	struct passwd *pw = getpwuid(getuid());
	struct group *gr = getgrgid(getgid());
	gid_t own = (gid_t)-1;

	/* A group of the person's own name and no other member (Debian's
	 * private group of each account) is theirs alone. */
	if (pw != NULL && gr != NULL &&
	    strcmp(pw->pw_name, gr->gr_name) == 0 && (gr->gr_mem[0] == NULL ||
	    (strcmp(gr->gr_mem[0], pw->pw_name) == 0 &&
	    gr->gr_mem[1] == NULL)))
		own = getgid();
	return priv_walk(real, getuid(), own, f);
}
