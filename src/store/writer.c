/*
 * writer.c — who holds the database for writing, and since when.
 *
 * LMDB lets one write transaction run at a time and says nothing of who
 * runs it. Every ogpo process that writes first takes a lock of its own
 * on the file "writer" beside the database (an open file description
 * lock, so it goes with the process if it dies) and writes there who it
 * is: pid, login, since when, what it does. One that has to wait can then
 * say for whom, tell a holder that merely works (an import) from one
 * that was stopped (Ctrl-Z, kill -STOP) and give up on the latter with a
 * sentence, rather than hang; ogpo doctor and the who-else list name it.
 *
 * The same file keeps a ring of the last commits' transaction ids and
 * times, which tells how long a reader has held an old snapshot (LMDB's
 * reader table knows the snapshot, not the time): a reader at snapshot X
 * has held it since before commit X + 1.
 *
 * Signals that stop a process from its terminal (Ctrl-Z and the like)
 * are held off while the lock is held, and delivered once it is let go.
 * What its owner can still do to a holder (stop it and let it go on, a
 * moment in every few seconds; lower its priority, nice 19 or chrt -i,
 * or give it a quota, a low weight or idle in a cgroup of its own, and
 * keep the processor busy) is counted up over the wait: a holder
 * kept from its work for five seconds in all is given up on, however
 * short each time, not waited for as one that works.
 */
#define _GNU_SOURCE	/* SCHED_IDLE */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pwd.h>
#include <sched.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "ogpo/priv.h"
#include "store-int.h"

#define WRITER_MAGIC	0x6f67706fu	/* "ogpo" */
#define WRITER_RING	256
/* How long a stopped holder is waited for, and how long a working one. */
#define WRITER_STOPPED_MS	5000
#define WRITER_WORKING_MS	(10 * 60 * 1000)

struct writer_head {
	uint32_t	 magic;
	int32_t		 pid;
	uint32_t	 uid;
	uint32_t	 pad;
	int64_t		 since_ms;
	char		 what[32];
};

struct writer_commit {
	uint64_t	 txnid;
	int64_t		 ms;
};

#define WRITER_RING_AT	64

static int64_t
writer_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void
store_writer_open(struct store *s, int shared, gid_t group)
{
	char *path = xasprintf("%s/writer", s->dir);
	struct stat st;
	mode_t mask;
	int fd;

	s->wfd = -1;
	s->werrno = 0;
	mask = umask(0);
	umask(mask & ~(mode_t)0060);
	fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY |
	    O_NONBLOCK, 0660);
	umask(mask);
	free(path);
	if (fd == -1) {
		s->werrno = errno;
		return;		/* a read-only place: only LMDB's lock, then */
	}
	/* In the shared directory, only what ogpo itself made. */
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_nlink != 1 ||
	    (shared && (st.st_gid != group || (st.st_mode & 07007) != 0))) {
		close(fd);
		s->werrno = EPERM;
		return;
	}
	s->wfd = fd;
}

void
store_writer_close(struct store *s)
{
	if (s->wfd >= 0)
		close(s->wfd);
	s->wfd = -1;
}

/*
 * The lock on the file's first byte. A POSIX lock is the process's and
 * goes with any close of the file, so the store keeps exactly one
 * descriptor of it (s->wfd) and closes it only at the end.
 */
static int
writer_lock(int fd, short type)
{
	struct flock fl;

	memset(&fl, 0, sizeof fl);
	fl.l_type = type;
	fl.l_whence = SEEK_SET;
	fl.l_start = 0;
	fl.l_len = 1;
	return fcntl(fd, F_SETLK, &fl);
}

unsigned
store_pid_uid(long pid)
{
	char path[64];
	struct stat st;

	snprintf(path, sizeof path, "/proc/%ld", pid);
	return stat(path, &st) == 0 ? (unsigned)st.st_uid : (unsigned)-1;
}

/*
 * Whether process pid is frozen with its cgroup: stopped as surely as by
 * kill -STOP, but /proc says it sleeps (S). A login may freeze its own
 * processes so wherever the system hands it a cgroup of its own (systemd
 * does, for every login: systemd-run --user, then systemctl --user
 * freeze), and neither stopped writer nor stopped reader would then be
 * given up on. Its cgroup (the unified hierarchy's, "0::PATH") says so in
 * cgroup.events, at either place the hierarchy is mounted.
 */
static int
writer_pid_frozen(long pid)
{
	static const char *const roots[] = { "/sys/fs/cgroup",
	    "/sys/fs/cgroup/unified", NULL };
	char path[64], line[4096], *cg = NULL, *events;
	FILE *f;
	size_t i;
	int frozen = 0, found = 0;

	snprintf(path, sizeof path, "/proc/%ld/cgroup", pid);
	if ((f = fopen(path, "r")) == NULL)
		return 0;
	while (cg == NULL && fgets(line, sizeof line, f) != NULL)
		if (strncmp(line, "0::/", 4) == 0) {
			line[strcspn(line, "\n")] = '\0';
			cg = xstrdup(line + 3);
		}
	fclose(f);
	for (i = 0; cg != NULL && roots[i] != NULL && !found; i++) {
		events = xasprintf("%s%s/cgroup.events", roots[i],
		    strcmp(cg, "/") == 0 ? "" : cg);
		if ((f = fopen(events, "r")) != NULL) {
			found = 1;
			while (fgets(line, sizeof line, f) != NULL)
				if (strcmp(line, "frozen 1\n") == 0)
					frozen = 1;
			fclose(f);
		}
		free(events);
	}
	free(cg);
	return frozen;
}

/*
 * From /proc/PID/stat: whether pid is stopped (state T or t), its nice
 * value and whether it runs at idle priority (SCHED_IDLE). 0, or -1 if it
 * is gone.
 */
static int
writer_pid_stat(long pid, int *stopped, int *nice, int *idle)
{
	char path[64], buf[1024], *p;
	FILE *f;
	int field, ok = -1;

	*stopped = *nice = *idle = 0;
	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	if (fgets(buf, sizeof buf, f) != NULL &&
	    (p = strrchr(buf, ')')) != NULL && p[1] == ' ') {
		ok = 0;
		*stopped = p[2] == 'T' || p[2] == 't';
		/* Field 3 is the state; nice is the 19th, policy the 41st. */
		for (field = 3, p += 2; p != NULL && field < 41; field++) {
			if (field == 19)
				*nice = (int)strtol(p, NULL, 10);
			p = strchr(p, ' ');
			if (p != NULL)
				p++;
		}
		if (p != NULL)
			*idle = strtol(p, NULL, 10) == SCHED_IDLE;
	}
	fclose(f);
	return ok;
}

int
store_pid_stopped(long pid)
{
	int stopped, nice, idle;

	(void)writer_pid_stat(pid, &stopped, &nice, &idle);
	return stopped || writer_pid_frozen(pid);
}

/*
 * How long pid has waited for a processor since it started, in ms (the
 * second figure of /proc/PID/schedstat), -1 if unknown.
 */
static int64_t
writer_pid_delay_ms(long pid)
{
	char path[64];
	unsigned long long run, delay;
	FILE *f;
	int n;

	snprintf(path, sizeof path, "/proc/%ld/schedstat", pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	n = fscanf(f, "%llu %llu", &run, &delay);
	fclose(f);
	return n == 2 ? (int64_t)(delay / 1000000) : -1;
}

/*
 * One number from file name in dir into *v: the first, if uid owns the
 * file (uid set it); with key, the one on the line key begins, whoever
 * owns it. 1 if there is one, else 0.
 */
static int
writer_owned_value(const char *dir, const char *name, const char *key,
    unsigned uid, long long *v)
{
	char *path = xasprintf("%s/%s", dir, name), line[128];
	struct stat st;
	size_t klen = key != NULL ? strlen(key) : 0;
	FILE *f;
	int found = 0;

	f = fopen(path, "re");
	free(path);
	if (f == NULL)
		return 0;
	if (fstat(fileno(f), &st) == 0 && (key != NULL || st.st_uid == uid))
		while (!found && fgets(line, sizeof line, f) != NULL) {
			if (key != NULL && (strncmp(line, key, klen) != 0 ||
			    line[klen] != ' '))
				continue;
			/* "max" (no quota) reads as none. */
			found = sscanf(line + (klen ? klen + 1 : 0), "%lld",
			    v) == 1;
		}
	fclose(f);
	return found;
}

/*
 * What the holder's owner set on the cgroups that hold it, in the files
 * of the processor's controller they own (a cgroup of their own, as
 * systemd gives every login, and those they make under it): whether it
 * is put behind others (a weight or shares below the default, or idle),
 * and the time, in ms, a quota of theirs has kept it off the processor
 * (added up over such cgroups). Both hierarchies, each where it is
 * mounted.
 */
static void
writer_pid_cgroups(long pid, unsigned uid, int *behind, int64_t *throttled)
{
	char path[64], line[4096], *cg, *colon, *dir, *cut;
	long long v;
	FILE *f;
	int v2;

	*behind = 0;
	*throttled = 0;
	if (uid == 0 || uid == (unsigned)-1)
		return;		/* root's cgroups are the system's */
	snprintf(path, sizeof path, "/proc/%ld/cgroup", pid);
	if ((f = fopen(path, "re")) == NULL)
		return;
	while (fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		/* "0::PATH", or "N:cpu,cpuacct:PATH" */
		if ((colon = strchr(line, ':')) == NULL ||
		    (cg = strchr(colon + 1, ':')) == NULL)
			continue;
		*cg++ = '\0';
		v2 = colon[1] == '\0';
		if (!v2 && strcmp(colon + 1, "cpu") != 0 &&
		    strncmp(colon + 1, "cpu,", 4) != 0)
			continue;
		dir = v2 ? xasprintf("/sys/fs/cgroup%s",
		    strcmp(cg, "/") == 0 ? "" : cg) :
		    xasprintf("/sys/fs/cgroup/%s%s", colon + 1,
		    strcmp(cg, "/") == 0 ? "" : cg);
		/* From its own cgroup up; the top is the system's. */
		while ((cut = strrchr(dir, '/')) != NULL &&
		    cut > dir + strlen("/sys/fs/cgroup")) {
			if ((writer_owned_value(dir, v2 ? "cpu.weight" :
			    "cpu.shares", NULL, uid, &v) && v < (v2 ? 100 :
			    1024)) || (writer_owned_value(dir, "cpu.idle",
			    NULL, uid, &v) && v != 0))
				*behind = 1;
			if (writer_owned_value(dir, v2 ? "cpu.max" :
			    "cpu.cfs_quota_us", NULL, uid, &v) && v > 0 &&
			    writer_owned_value(dir, "cpu.stat", v2 ?
			    "throttled_usec" : "throttled_time", uid, &v))
				*throttled += v2 ? v / 1000 : v / 1000000;
			*cut = '\0';
		}
		free(dir);
	}
	fclose(f);
}

int
store_writer(struct store *s, struct store_holder *h)
{
	struct writer_head wh;
	struct flock fl;

	memset(h, 0, sizeof *h);
	if (s->wfd < 0)
		return 0;
	memset(&fl, 0, sizeof fl);
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	fl.l_len = 1;
	if (s->wheld || fcntl(s->wfd, F_GETLK, &fl) != 0 ||
	    fl.l_type == F_UNLCK)
		return 0;
	/* The kernel names the holder; what it wrote says the rest, if it
	 * is its own (a record left by an earlier holder is not). */
	h->pid = (long)fl.l_pid;
	h->uid = store_pid_uid(h->pid);
	(void)writer_pid_stat(h->pid, &h->stopped, &h->nice, &h->idle);
	h->stopped = h->stopped || writer_pid_frozen(h->pid);
	snprintf(h->what, sizeof h->what, "?");
	if (pread(s->wfd, &wh, sizeof wh, 0) == (ssize_t)sizeof wh &&
	    wh.magic == WRITER_MAGIC && wh.pid == (int32_t)h->pid) {
		h->since_ms = wh.since_ms;
		memcpy(h->what, wh.what, sizeof h->what);
		h->what[sizeof h->what - 1] = '\0';
	}
	return 1;
}

void
store_set_wait(struct store *s, store_wait_fn fn, void *arg)
{
	s->wait_fn = fn;
	s->wait_arg = arg;
}

void
store_set_activity(struct store *s, const char *what)
{
	str_copy(s->what, what, sizeof s->what);
}

/*
 * Take the writer's lock before LMDB's: at once if it is free; else wait,
 * telling the waiting callback whom for, as long as the holder works,
 * but not for one that stays stopped. 0, or OGPO_BUSY with *cause.
 */
int
store_writer_enter(struct store *s, char **cause)
{
	struct store_holder h;
	struct writer_head wh;
	struct timespec nap = { 0, 20 * 1000000 };
	int64_t start = 0, now, last = 0, delay, delay_was = -1;
	int64_t stopped = 0, lowered = 0;	/* ms kept from its work */
	int64_t throttled_was = -1, kept;
	long last_pid = 0;
	sigset_t block;

	/*
	 * The shared database is never written without this lock. Without
	 * it (the file not opened for a lack of descriptors: ulimit -n, which
	 * anyone may lower), a process stopped as it wrote would hold
	 * LMDB's own lock unseen, Ctrl-Z not even held off, and every other
	 * save would wait on it for ever without a word.
	 */
	if (s->wfd < 0 && s->shared && (s->werrno == EMFILE ||
	    s->werrno == ENFILE))
		return err_set(cause, OGPO_IO, "nothing was saved: %s/writer, "
		    "through which each ogpo tells the others who is saving, "
		    "could not be opened with so few files allowed open at "
		    "once; raise the limit (ulimit -n 1024) and try again",
		    s->dir);
	if (s->wfd < 0 && s->shared)
		return err_set(cause, OGPO_IO, "nothing was saved: %s/writer, "
		    "through which each ogpo tells the others who is saving, "
		    "could not be opened (%s); ask the administrator to run "
		    "ogpo doctor", s->dir, strerror(s->werrno));
	if (s->wfd < 0)
		return 0;
	while (writer_lock(s->wfd, F_WRLCK) != 0) {
		if (errno != EAGAIN && errno != EACCES && errno != EINTR)
			return 0;	/* no locks here: LMDB's alone */
		now = writer_now_ms();
		if (start == 0)
			start = now;
		if (store_writer(s, &h)) {
			if (h.since_ms == 0)	/* it has not said since when */
				h.since_ms = start;
			/* Kept from its work: the time it was seen stopped,
			 * that a quota of its owner's held it off the
			 * processor, and at a priority they lowered the time
			 * it waited for the processor, added up however it
			 * came; never more than the time waited (a quota's
			 * time is counted on every processor, a wait for the
			 * processor once it ends, all of it). */
			writer_pid_cgroups(h.pid, h.uid, &h.behind,
			    &h.throttled_ms);
			if (h.pid != last_pid)
				throttled_was = delay_was = -1;
			kept = 0;
			if (throttled_was >= 0 && h.throttled_ms >
			    throttled_was)
				kept = h.throttled_ms - throttled_was;
			throttled_was = h.throttled_ms;
			if (h.stopped && last != 0 && h.pid == last_pid)
				stopped += now - last;
			else if (h.idle || h.nice > 0 || h.behind) {
				delay = writer_pid_delay_ms(h.pid);
				if (delay_was >= 0 && delay > delay_was)
					kept += delay - delay_was;
				delay_was = delay;
			}
			lowered += kept;
			if (stopped + lowered > now - start)
				lowered = now - start - stopped;
			last = now;
			last_pid = h.pid;
			if (s->wait_fn != NULL && now - start >= 500)
				s->wait_fn(s->wait_arg, &h, now - start);
			if (stopped + lowered >= WRITER_STOPPED_MS ||
			    now - start >= WRITER_WORKING_MS)
				return store_writer_busy(&h, now,
				    stopped + lowered < WRITER_STOPPED_MS ?
				    WRITER_WORKS : stopped >= lowered ?
				    WRITER_KEPT_STOPPED : WRITER_KEPT_LOWERED,
				    stopped, cause);
		}
		nanosleep(&nap, NULL);
	}
	/* Ctrl-Z and the like wait until the lock is let go. */
	sigemptyset(&block);
	sigaddset(&block, SIGTSTP);
	sigaddset(&block, SIGTTIN);
	sigaddset(&block, SIGTTOU);
	sigprocmask(SIG_BLOCK, &block, &s->wmask);
	memset(&wh, 0, sizeof wh);
	wh.magic = WRITER_MAGIC;
	wh.pid = (int32_t)getpid();
	wh.uid = (uint32_t)getuid();
	wh.since_ms = writer_now_ms();
	str_copy(wh.what, s->what[0] ? s->what : "ogpo", sizeof wh.what);
	s->wheld = 1;
	/* Others learn who holds it from the kernel whatever happens here;
	 * a record that cannot be written (a file size limit, a full disk)
	 * only leaves them without the details. */
	(void)!pwrite(s->wfd, &wh, sizeof wh, 0);
	return 0;
}

/* Let the writer's lock go; txnid, if not 0, was just committed. */
void
store_writer_leave(struct store *s, uint64_t txnid)
{
	struct writer_commit wc;
	struct writer_head wh;

	if (!s->wheld)
		return;
	if (txnid != 0) {
		wc.txnid = txnid;
		wc.ms = writer_now_ms();
		(void)!pwrite(s->wfd, &wc, sizeof wc, WRITER_RING_AT +
		    (off_t)(txnid % WRITER_RING) * (off_t)sizeof wc);
	}
	memset(&wh, 0, sizeof wh);
	(void)!pwrite(s->wfd, &wh, sizeof wh, 0);
	(void)writer_lock(s->wfd, F_UNLCK);
	s->wheld = 0;
	sigprocmask(SIG_SETMASK, &s->wmask, NULL);
}

int64_t
store_commit_time(struct store *s, uint64_t txnid, uint64_t *oldest)
{
	struct writer_commit ring[WRITER_RING];
	ssize_t n;
	size_t i;
	int64_t ms = 0;

	*oldest = 0;
	if (s->wfd < 0)
		return 0;
	n = pread(s->wfd, ring, sizeof ring, WRITER_RING_AT);
	if (n <= 0)
		return 0;
	for (i = 0; i < (size_t)n / sizeof *ring; i++) {
		if (ring[i].txnid == 0)
			continue;
		if (ring[i].txnid == txnid)
			ms = ring[i].ms;
		if (*oldest == 0 || ring[i].txnid < *oldest)
			*oldest = ring[i].txnid;
	}
	return ms;
}

/* The login of uid, or its number. */
static void
writer_login(unsigned uid, char *buf, size_t n)
{
	struct passwd *pw = getpwuid((uid_t)uid);

	if (pw != NULL)
		snprintf(buf, n, "%s", pw->pw_name);
	else
		snprintf(buf, n, "#%u", uid);
}

int
store_writer_busy(const struct store_holder *h, int64_t now_ms,
    enum writer_why why, int64_t stopped_ms, char **cause)
{
	char who[64], fix[64];
	long long held = (now_ms - h->since_ms) / 1000;

	writer_login(h->uid, who, sizeof who);
	if (why == WRITER_KEPT_LOWERED && (h->idle || h->nice > 0)) {
		if (h->idle)
			snprintf(fix, sizeof fix, "chrt -o -p 0 %ld", h->pid);
		else
			snprintf(fix, sizeof fix, "renice -n 0 -p %ld", h->pid);
		return err_set(cause, OGPO_BUSY, "nothing was saved: %s's ogpo "
		    "(process %ld, %s) has held the database for %lld s at a "
		    "priority lowered below others' (%s), waiting for the "
		    "processor rather than working, so no one can save until "
		    "it ends; ask %s to run ogpo at normal priority, or the "
		    "system's administrator to restore it (as root: %s)",
		    who, h->pid, h->what, held, h->idle ? "chrt -i" : "nice",
		    who, fix);
	}
	if (why == WRITER_KEPT_LOWERED)
		return err_set(cause, OGPO_BUSY, "nothing was saved: %s's ogpo "
		    "(process %ld, %s) has held the database for %lld s in a "
		    "cgroup of %s's that limits its processor time (a quota, "
		    "a low weight or idle), waiting for the processor rather "
		    "than working, so no one can save until it ends; ask %s "
		    "to run ogpo outside it, or the system's administrator to "
		    "end it (kill -9 %ld, as root)", who, h->pid, h->what,
		    held, who, who, h->pid);
	if (why == WRITER_KEPT_STOPPED && !h->stopped)
		return err_set(cause, OGPO_BUSY, "nothing was saved: %s's ogpo "
		    "(process %ld, %s) has held the database for %lld s and "
		    "was stopped again and again (kill -STOP), for %lld s in "
		    "all while others waited for it, so no one can save while "
		    "it goes on so; ask %s to let it run, or the system's "
		    "administrator to end it (kill -9 %ld, as root)", who,
		    h->pid, h->what, held, (long long)(stopped_ms / 1000),
		    who, h->pid);
	if (why == WRITER_KEPT_STOPPED || h->stopped)
		return err_set(cause, OGPO_BUSY, "nothing was saved: %s's ogpo "
		    "(process %ld, %s) has held the database for %lld s and "
		    "is stopped (suspended with Ctrl-Z or kill -STOP), so "
		    "no one can save until it goes on or ends; ask %s to "
		    "resume it (fg), or the system's administrator to end it "
		    "(kill -9 %ld, as root)", who, h->pid, h->what, held, who,
		    h->pid);
	return err_set(cause, OGPO_BUSY, "nothing was saved: %s's ogpo "
	    "(process %ld, %s) has held the database for %lld s; try again "
	    "when it has finished", who, h->pid, h->what, held);
}

/* One line of LMDB's reader table: "pid thread txnid" (txnid "-" when
 * the slot holds no snapshot). */
struct writer_readers {
	struct store_reader	*out;
	size_t			 max, n;
};

static int
writer_reader_line(const char *line, void *arg)
{
	struct writer_readers *r = arg;
	char txn[32];
	long pid;
	unsigned long tid;

	if (sscanf(line, "%ld %lx %31s", &pid, &tid, txn) != 3 ||
	    txn[0] == '-' || txn[0] < '0' || txn[0] > '9')
		return 0;
	if (r->n < r->max) {
		memset(&r->out[r->n], 0, sizeof r->out[r->n]);
		r->out[r->n].pid = pid;
		r->out[r->n].txnid = strtoull(txn, NULL, 10);
	}
	r->n++;
	return 0;
}

size_t
store_readers(struct store *s, struct store_reader *out, size_t max)
{
	struct writer_readers r = { out, max, 0 };
	uint64_t last = store_last_txnid(s), oldest;
	int64_t now = writer_now_ms(), at;
	size_t i;
	struct stat st;
	char path[64];

	if (s->env == NULL)
		return 0;
	mdb_reader_list(s->env, writer_reader_line, &r);
	for (i = 0; i < r.n && i < max; i++) {
		out[i].behind = last > out[i].txnid ? last - out[i].txnid : 0;
		out[i].uid = (unsigned)-1;
		snprintf(path, sizeof path, "/proc/%ld", out[i].pid);
		if (stat(path, &st) == 0)
			out[i].uid = (unsigned)st.st_uid;
		out[i].held_ms = -1;
		if (out[i].behind == 0)
			continue;	/* up to date: it holds nothing back */
		/* Held since before the commit that followed its snapshot;
		 * if that one has left the ring, since before the oldest. */
		at = store_commit_time(s, out[i].txnid + 1, &oldest);
		if (at == 0 && oldest != 0 && oldest > out[i].txnid + 1) {
			at = store_commit_time(s, oldest, &oldest);
			/* More commits since than the ring holds (not merely
			 * a ring with gaps, of commits made without it). */
			out[i].lost = out[i].behind >= WRITER_RING;
		}
		if (at != 0)
			out[i].held_ms = now - at;
	}
	return r.n;
}

/*
 * Before a write: a snapshot another process has held for a minute or
 * more (one stopped with kill -STOP as it read, or stuck) keeps the
 * database's file from reusing the space changed since, so every save
 * makes the file larger, and it never shrinks again. Left alone, any
 * account could so have everyone else's saves fill the disk the whole
 * server shares. Once the disk is down to its last tenth, saves are
 * refused instead, naming the holder and what ends it; with no such
 * snapshot a full disk is the disk's own (store_write_error). 0, or
 * OGPO_BUSY with *cause.
 */
int
store_snapshot_room(struct store *s, char **cause)
{
	struct store_reader r[64], *old = NULL;
	struct statvfs sv;
	unsigned long long avail, total;
	char who[64];
	size_t n, i;
	int dead;

	if (statvfs(s->dir, &sv) != 0)
		return 0;
	avail = (unsigned long long)sv.f_bavail * sv.f_frsize;
	total = (unsigned long long)sv.f_blocks * sv.f_frsize;
	if (avail >= total / STORE_SNAPSHOT_ROOM)
		return 0;
	/* A holder ended since this process opened (kill -9, as the
	 * refusal advises) leaves its slot in the table: cleared, its
	 * space is reused and it is not named as if it still held. */
	mdb_reader_check(s->env, &dead);
	n = store_readers(s, r, sizeof r / sizeof r[0]);
	for (i = 0; i < n && i < sizeof r / sizeof r[0]; i++) {
		/* A snapshot the ring has lost the start of has seen more
		 * saves than it holds, however fast they came. */
		if (r[i].pid == (long)getpid() || r[i].held_ms < 0 ||
		    (r[i].held_ms < STORE_SNAPSHOT_OLD_MS && !r[i].lost))
			continue;
		if (old == NULL || r[i].behind > old->behind)
			old = &r[i];
	}
	if (old == NULL)
		return 0;
	writer_login(old->uid, who, sizeof who);
	return err_set(cause, OGPO_BUSY, "nothing was saved: %s's process %ld "
	    "has read a snapshot %llu changes old for at least %lld s, so the "
	    "database's file cannot reuse the space changed since and grows "
	    "with every save, and the disk holding %s has only %llu MB "
	    "left; ask %s to end it, or the system's administrator to "
	    "(kill -9 %ld, as root), and save again", who, old->pid,
	    (unsigned long long)old->behind, (long long)(old->held_ms / 1000),
	    s->dir, avail >> 20, who, old->pid);
}

/* The processes of the reader table's lines that hold a snapshot. */
struct writer_pids {
	long	 pid[STORE_MAXREADERS];
	size_t	 n;
};

static int
writer_pid_line(const char *line, void *arg)
{
	struct writer_pids *r = arg;
	char txn[32];
	long pid;
	unsigned long tid;

	if (sscanf(line, "%ld %lx %31s", &pid, &tid, txn) == 3 &&
	    txn[0] >= '0' && txn[0] <= '9' && r->n < STORE_MAXREADERS)
		r->pid[r->n++] = pid;
	return 0;
}

int
store_reader_share(struct store *s, char **cause)
{
	struct writer_pids *r;
	char login[64], some[160];
	size_t i, mine = 0, named = 0, stopped = 0, used = 0;
	unsigned me = (unsigned)getuid();
	int rc = 0;

	if (!s->shared || me == 0 || s->env == NULL)
		return 0;
	r = xcalloc(1, sizeof *r);
	mdb_reader_list(s->env, writer_pid_line, r);
	/* Few readers in all, as almost always: no one is over. */
	if (r->n <= STORE_READERS_PER_LOGIN)
		goto out;
	some[0] = '\0';
	for (i = 0; i < r->n; i++) {
		if (store_pid_uid(r->pid[i]) != me)
			continue;
		mine++;
		if (r->pid[i] == (long)getpid())
			continue;	/* this one, counted, not named */
		if (store_pid_stopped(r->pid[i]))
			stopped++;
		if (++named <= 5)
			used += (size_t)snprintf(some + used, sizeof some - used,
			    "%s%ld", named > 1 ? ", " : "", r->pid[i]);
		if (used >= sizeof some)
			used = sizeof some - 1;
	}
	if (mine <= STORE_READERS_PER_LOGIN)
		goto out;
	writer_login(me, login, sizeof login);
	rc = err_set(cause, OGPO_BUSY, "nothing was read: your processes (%s) "
	    "hold %zu snapshots of the database already (process %s%s; %zu of "
	    "them stopped), and one login may hold only %d at once, so that "
	    "others can still read; let them finish, or resume (kill -CONT "
	    "PID) or end (kill PID) those you stopped, and try again", login,
	    named, some, named > 5 ? " …" : "", stopped,
	    STORE_READERS_PER_LOGIN);
out:
	free(r);
	return rc;
}
