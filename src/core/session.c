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

static char *
session_path(struct core *c, pid_t pid)
{
	return xasprintf("%s/sessions/%ld", store_dir(c->store), (long)pid);
}

/* Write this process's session file (through a rename: never half). */
static void
session_write(struct core *c)
{
	char *path, *tmp;
	FILE *f;
	int fd;

	path = session_path(c, getpid());
	tmp = xasprintf("%s.new", path);
	priv_enter();
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0660);
	/* Others read it whatever this person's umask. */
	if (fd != -1)
		(void)fchmod(fd, 0660);
	if (fd != -1 && (f = fdopen(fd, "w")) != NULL) {
		fprintf(f, "%s\t%lld\t%llu\t%s\n", c->login,
		    (long long)c->session_since, session_started(getpid()),
		    c->session_pane);
		if (fclose(f) == 0)
			(void)rename(tmp, path);
		else
			(void)unlink(tmp);
	} else if (fd != -1) {
		close(fd);
		(void)unlink(tmp);
	}
	priv_leave();
	free(tmp);
	free(path);
}

void
core_session_begin(struct core *c, const char *pane)
{
	char *dir = xasprintf("%s/sessions", store_dir(c->store));
	mode_t mask;

	priv_enter();
	mask = umask(0);
	umask(mask & ~(mode_t)0070);	/* the group's, whatever the umask */
	(void)mkdir(dir, 02770);
	umask(mask);
	priv_leave();
	free(dir);
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
	char *path;

	if (!c->session)
		return;
	path = session_path(c, getpid());
	priv_enter();
	(void)unlink(path);
	priv_leave();
	free(path);
	c->session = 0;
}

/* Read one session file; 0 if it is a live process's. */
static int
session_read(struct core *c, pid_t pid, struct core_session *s)
{
	char *path = session_path(c, pid), line[256], *tab[3], *p;
	unsigned long long started = 0;
	FILE *f;
	int i, rc = -1;

	memset(s, 0, sizeof *s);
	s->pid = (long)pid;
	if ((f = fopen(path, "r")) == NULL) {
		/* Unreadable is not dead: only a gone process's goes. */
		if (errno != ENOENT && kill(pid, 0) != 0 && errno == ESRCH)
			(void)unlink(path);
		free(path);
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
		(void)unlink(path);
		rc = -1;
	}
	free(path);
	return rc;
}

size_t
core_sessions(struct core *c, struct core_session *out, size_t max)
{
	char *dir = xasprintf("%s/sessions", store_dir(c->store)), *end;
	struct core_session s;
	struct dirent *de;
	size_t n = 0;
	long pid;
	DIR *d;

	priv_enter();
	if ((d = opendir(dir)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			pid = strtol(de->d_name, &end, 10);
			if (*end != '\0' || pid <= 0)
				continue;
			if (session_read(c, (pid_t)pid, &s) != 0)
				continue;
			if (n < max)
				out[n] = s;
			n++;
		}
		closedir(d);
	}
	priv_leave();
	free(dir);
	return n;
}
