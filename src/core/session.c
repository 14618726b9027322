/*
 * session.c — who else has the database open. Each running full-screen
 * ogpo keeps a small file in the database directory's sessions/ folder,
 * named by its process id: login, since when, which pane. Files of
 * processes that are gone (killed, crashed, the machine rebooted) are
 * removed by whoever lists the sessions next, the way LMDB clears the
 * reader slots of dead processes. They live beside the database rather
 * than in it, so that changing panes never waits for a writer.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core-int.h"
#include "ogpo/priv.h"

/* The start time of process pid (clock ticks since boot), 0 if gone. */
static unsigned long long
session_started(pid_t pid)
{
	char path[64], buf[1024], *p;
	unsigned long long start = 0;
	FILE *f;
	int field;

	snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return 0;
	if (fgets(buf, sizeof buf, f) != NULL &&
	    (p = strrchr(buf, ')')) != NULL) {
		/* Fields after the command name; starttime is the 22nd. */
		for (field = 2; p != NULL && field < 22; field++)
			p = strchr(p + 1, ' ');
		if (p != NULL)
			start = strtoull(p + 1, NULL, 10);
	}
	fclose(f);
	return start;
}

/*
 * The sessions folder, opened once (with the group's rights on a shared
 * server) and used through its descriptor from then on: no name below it
 * is followed through a link, and the folder itself must be a directory
 * (with create, made if missing) that is the group's and no one else's.
 * -1 if there is none to use; sessions are then simply not kept.
 */
static int
session_dir(struct core *c, int create)
{
	char *dir;
	struct stat st;
	mode_t mask;
	gid_t group = priv_group();
	int fd;

	if (c->session_fd > 0)
		return c->session_fd;
	dir = xasprintf("%s/sessions", store_dir(c->store));
	priv_enter();
	if (create) {
		mask = umask(0);
		umask(mask & ~(mode_t)0070);	/* the group's, whatever the
						   umask */
		(void)mkdir(dir, 02770);
		umask(mask);
	}
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	priv_leave();
	free(dir);
	if (fd != -1 && group != (gid_t)-1 && (fstat(fd, &st) != 0 ||
	    st.st_gid != group || (st.st_mode & 0007) != 0)) {
		close(fd);
		fd = -1;
	}
	if (fd == -1)
		return -1;
	/* 0 is "not opened" for a zeroed struct core: keep clear of it. */
	if (fd == 0) {
		fd = fcntl(0, F_DUPFD_CLOEXEC, 3);
		close(0);
		if (fd == -1)
			return -1;
	}
	c->session_fd = fd;
	return fd;
}

/* Write this process's session file (through a rename: never half). */
static void
session_write(struct core *c)
{
	char name[32], tmp[40];
	FILE *f;
	int dfd, fd;

	if ((dfd = session_dir(c, 0)) == -1)
		return;
	snprintf(name, sizeof name, "%ld", (long)getpid());
	snprintf(tmp, sizeof tmp, "%ld.new", (long)getpid());
	priv_enter();
	/* A file of that name is a leftover of a process with our number:
	 * ours to replace, but never through a link. */
	(void)unlinkat(dfd, tmp, 0);
	fd = openat(dfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0660);
	/* Others read it whatever this person's umask. */
	if (fd != -1)
		(void)fchmod(fd, 0660);
	if (fd != -1 && (f = fdopen(fd, "w")) != NULL) {
		fprintf(f, "%s\t%lld\t%llu\t%s\n", c->login,
		    (long long)c->session_since, session_started(getpid()),
		    c->session_pane);
		if (fclose(f) == 0)
			(void)renameat(dfd, tmp, dfd, name);
		else
			(void)unlinkat(dfd, tmp, 0);
	} else if (fd != -1) {
		close(fd);
		(void)unlinkat(dfd, tmp, 0);
	}
	priv_leave();
}

void
core_session_begin(struct core *c, const char *pane)
{
	if (session_dir(c, 1) == -1)
		return;
	c->session_since = (int64_t)time(NULL);
	str_copy(c->session_pane, pane, sizeof c->session_pane);
	c->session = 1;
	session_write(c);
}

void
core_session_pane(struct core *c, const char *pane)
{
	if (!c->session || strcmp(c->session_pane, pane) == 0)
		return;
	str_copy(c->session_pane, pane, sizeof c->session_pane);
	session_write(c);
}

void
core_session_end(struct core *c)
{
	char name[32];

	if (c->session_fd > 0) {
		if (c->session) {
			snprintf(name, sizeof name, "%ld", (long)getpid());
			priv_enter();
			(void)unlinkat(c->session_fd, name, 0);
			priv_leave();
		}
		close(c->session_fd);
	}
	c->session_fd = 0;
	c->session = 0;
}

/* Read one session file; 0 if it is a live process's. */
static int
session_read(int dfd, const char *name, pid_t pid, struct core_session *s)
{
	char line[256], *tab[3], *p;
	unsigned long long started = 0;
	struct stat st;
	FILE *f = NULL;
	int i, fd, rc = -1;

	memset(s, 0, sizeof *s);
	s->pid = (long)pid;
	fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd == -1 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (f = fdopen(fd, "r")) == NULL) {
		/* Unreadable is not dead: only a gone process's goes. */
		if (fd == -1 && errno != ENOENT && kill(pid, 0) != 0 &&
		    errno == ESRCH)
			(void)unlinkat(dfd, name, 0);
		if (fd != -1 && f == NULL)
			close(fd);
		return -1;
	}
	if (fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		for (i = 0, p = line; i < 3 && p != NULL; i++)
			if ((p = tab[i] = strchr(p, '\t')) != NULL)
				*p++ = '\0';
		if (i == 3 && tab[2] != NULL) {
			str_copy(s->login, line, sizeof s->login);
			s->since = strtoll(tab[0] + 1, NULL, 10);
			started = strtoull(tab[1] + 1, NULL, 10);
			str_copy(s->pane, tab[2] + 1, sizeof s->pane);
			rc = 0;
		}
	}
	fclose(f);
	/* Gone, or its number taken by another process since: the record
	 * goes. (A record that does not parse is left to its owner.) */
	if (rc == 0 && ((kill(pid, 0) != 0 && errno == ESRCH) ||
	    (started != 0 && session_started(pid) != started))) {
		(void)unlinkat(dfd, name, 0);
		rc = -1;
	}
	return rc;
}

size_t
core_sessions(struct core *c, struct core_session *out, size_t max)
{
	struct core_session s;
	struct dirent *de;
	size_t n = 0;
	long pid;
	char *end;
	DIR *d;
	int dfd, fd;

	if ((dfd = session_dir(c, 0)) == -1)
		return 0;
	priv_enter();
	if ((fd = fcntl(dfd, F_DUPFD_CLOEXEC, 3)) != -1 &&
	    lseek(fd, 0, SEEK_SET) == 0 && (d = fdopendir(fd)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			pid = strtol(de->d_name, &end, 10);
			if (pid <= 0)
				continue;
			/* A file begun by a process that died before it was
			 * whole (killed, or cut short by ulimit -f) goes
			 * with it: else any login could fill the directory
			 * that every full-screen program reads each second. */
			if (strcmp(end, ".new") == 0) {
				if (kill((pid_t)pid, 0) != 0 && errno == ESRCH)
					(void)unlinkat(dfd, de->d_name, 0);
				continue;
			}
			if (*end != '\0')
				continue;
			if (session_read(dfd, de->d_name, (pid_t)pid, &s) != 0)
				continue;
			if (n < max)
				out[n] = s;
			n++;
		}
		closedir(d);
	} else if (fd != -1)
		close(fd);
	priv_leave();
	return n;
}

int
core_writer_text(struct core *c, int min_s, char *buf, size_t n)
{
	struct store_holder h;
	struct passwd *pw;
	struct timespec now;
	long long held;

	buf[0] = '\0';
	if (!store_writer(c->store, &h))
		return 0;
	pw = getpwuid((uid_t)h.uid);
	if (h.since_ms == 0) {
		snprintf(buf, n, _("%s's process %ld holds the database for "
		    "writing and has not said what for"), pw ? pw->pw_name :
		    "?", h.pid);
		return 1;
	}
	clock_gettime(CLOCK_REALTIME, &now);
	held = ((long long)now.tv_sec * 1000 + now.tv_nsec / 1000000 -
	    h.since_ms) / 1000;
	if (held < min_s && !h.stopped)
		return 0;
	snprintf(buf, n, h.stopped ? _("%s's ogpo (process %ld, %s) has held "
	    "the database for writing for %lld s and is stopped: no one can "
	    "save until it goes on") : _("%s's ogpo (process %ld, %s) has "
	    "held the database for writing for %lld s"), pw ? pw->pw_name :
	    "?", h.pid, h.what, held);
	return 1;
}
