/*
 * cmd-doctor.c — `ogpo doctor`: is the set-up sound? The database's
 * directory and files (owner, group, mode), the program's set-group-id
 * bit and group, the filesystem, how full the map is, reader slots left
 * by dead processes, the settings files. Each problem comes with the
 * command that fixes it; exit 1 when there is any.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <grp.h>
#include <pwd.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "ogpo/cmd.h"
#include "ogpo/config.h"
#include "ogpo/priv.h"

struct doctor {
	size_t	 problems;
};

/* One line: a mark, the sentence, and for a problem how to fix it. */
static void
doctor_say(const char *mark, const char *fix, const char *fmt, va_list ap)
{
	char *msg = xvasprintf(_(fmt), ap);

	fputs(mark, stdout);
	cmd_put_safe(stdout, msg);
	fputc('\n', stdout);
	if (fix != NULL) {
		fputs(_("         fix: "), stdout);
		cmd_put_safe(stdout, fix);
		fputc('\n', stdout);
	}
	free(msg);
}

static void doctor_ok(const char *fmt, ...) OGPO_PRINTF(1, 2);
static void doctor_bad(struct doctor *d, const char *fix, const char *fmt,
    ...) OGPO_PRINTF(3, 4);

static void
doctor_ok(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	doctor_say(_("ok       "), NULL, fmt, ap);
	va_end(ap);
}

/* A problem, and the command that fixes it (NULL: none to give). */
static void
doctor_bad(struct doctor *d, const char *fix, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	doctor_say(_("PROBLEM  "), fix, fmt, ap);
	va_end(ap);
	d->problems++;
}

static const char *
doctor_group(gid_t gid, char *buf, size_t n)
{
	struct group *gr = getgrgid(gid);

	if (gr != NULL)
		snprintf(buf, n, "%s", gr->gr_name);
	else
		snprintf(buf, n, "%lu", (unsigned long)gid);
	return buf;
}

/* The program itself: set-group-id to a group that exists? */
static gid_t
doctor_program(struct doctor *d, int shared)
{
	char exe[PATH_MAX], grp[64], *fix;
	struct stat st;
	ssize_t n;

	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0 || stat((exe[n] = '\0', exe), &st) != 0) {
		doctor_bad(d, NULL, "cannot find the program's own file: %s",
		    strerror(errno));
		return (gid_t)-1;
	}
	if (st.st_mode & S_ISGID) {
		doctor_ok("%s is set-group-id %s: staff reach the data only "
		    "through it", exe, doctor_group(st.st_gid, grp,
		    sizeof grp));
		return st.st_gid;
	}
	if (shared) {
		fix = xasprintf("chgrp ogpo %s && chmod 2755 %s (or make "
		    "install-shared)", exe, exe);
		doctor_bad(d, fix, "%s is not set-group-id, yet %s names a "
		    "shared database: staff would need the directory's group "
		    "themselves, and could then change its files without ogpo",
		    exe, config_system_path());
		free(fix);
	} else
		doctor_ok("%s runs with your own rights (a database of your "
		    "own; see SHARED SERVER in ogpo(1) for many users)", exe);
	return (gid_t)-1;
}

/*
 * A file marked unchangeable or append-only (chattr +i, +a) opens, but
 * every save fails: no mode shows it.
 */
static void
doctor_attrs(struct doctor *d, const char *path)
{
	char *fix;
	int fd, flags = 0;

	priv_enter();
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	priv_leave();
	if (fd < 0)
		return;
	if (ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0 &&
	    (flags & (FS_IMMUTABLE_FL | FS_APPEND_FL)) != 0) {
		fix = xasprintf(_("as root: chattr -i -a %s"), path);
		doctor_bad(d, fix, "%s is marked %s (lsattr shows it): ogpo "
		    "opens it, but no change can be saved", path,
		    (flags & FS_IMMUTABLE_FL) ? _("unchangeable") :
		    _("append-only"));
		free(fix);
	}
	close(fd);
}

/* Owner, group and mode of one file or the directory. */
static void
doctor_mode(struct doctor *d, const char *path, int dir, gid_t group)
{
	char grp[64], *fix;
	struct stat st;
	mode_t want = dir ? 02770 : 0660, mode;

	priv_enter();
	if ((dir ? stat(path, &st) : lstat(path, &st)) != 0) {
		priv_leave();
		if (!dir && errno == ENOENT)
			return;		/* lock.mdb comes with the first open */
		fix = dir ? xstrdup("ogpo init") : NULL;
		doctor_bad(d, fix, "%s: %s", path, strerror(errno));
		free(fix);
		return;
	}
	priv_leave();
	mode = st.st_mode & 07777;
	if (!dir && (!S_ISREG(st.st_mode) || st.st_nlink != 1)) {
		fix = xasprintf(_("move %s aside and restore the database from "
		    "its backup"), path);
		doctor_bad(d, fix, "%s is %s; the database's files are regular "
		    "files with one name, and ogpo will not open this one",
		    path, S_ISLNK(st.st_mode) ? _("a symbolic link") :
		    !S_ISREG(st.st_mode) ? _("not a regular file") :
		    _("a file with another name (a hard link) elsewhere"));
		free(fix);
		return;
	}
	if (!dir)
		doctor_attrs(d, path);
	if (group != (gid_t)-1 && st.st_gid != group) {
		fix = xasprintf("chgrp %s %s", doctor_group(group, grp,
		    sizeof grp), path);
		doctor_bad(d, fix, "%s belongs to group %s, not to the "
		    "program's group", path, doctor_group(st.st_gid, grp,
		    sizeof grp));
		free(fix);
	}
	if (group == (gid_t)-1) {
		/* Single user: the owner's alone is fine, others must not. */
		if ((mode & 0600) != 0600) {
			fix = xasprintf("chmod u+rw %s", path);
			doctor_bad(d, fix, "%s is not yours to read and write "
			    "(mode %04o): ogpo cannot save changes", path,
			    (unsigned)mode);
			free(fix);
		} else if (mode & 0007) {
			fix = xasprintf("chmod o-rwx %s", path);
			doctor_bad(d, fix, "%s is open to every account on the "
			    "machine (mode %04o)", path, (unsigned)mode);
			free(fix);
		} else
			doctor_ok("%s: mode %04o", path, (unsigned)mode);
		return;
	}
	if ((mode & 0777 & ~want) != 0 || (mode & want & 0777) != (want &
	    0777) || (dir && !(mode & S_ISGID))) {
		fix = xasprintf("chmod %04o %s", (unsigned)want, path);
		doctor_bad(d, fix, "%s has mode %04o; the group needs to read "
		    "and write it%s, and no one else may", path,
		    (unsigned)mode, dir ? _(" (and new files to take its "
		    "group)") : "");
		free(fix);
	} else
		doctor_ok("%s: group %s, mode %04o", path, doctor_group(
		    st.st_gid, grp, sizeof grp), (unsigned)mode);
}

static void
doctor_fs(struct doctor *d, const char *dir, const struct store_stats *st)
{
	struct statvfs vf;
	unsigned long long avail;

	priv_enter();
	if (statvfs(dir, &vf) != 0) {
		priv_leave();
		return;
	}
	priv_leave();
	avail = (unsigned long long)vf.f_bavail * vf.f_frsize;
	doctor_ok("the map is %zu MB, %zu MB of it in use (%.0f%%); it grows "
	    "by itself", st->map_size >> 20, st->map_used >> 20,
	    st->map_size ? 100.0 * (double)st->map_used /
	    (double)st->map_size : 0.0);
	if (avail < (unsigned long long)st->map_used / 4 + (64ULL << 20))
		doctor_bad(d, _("free space on that filesystem (df -h)"), "only "
		    "%llu MB are free beside the database: an import may not "
		    "fit", avail >> 20);
	else
		doctor_ok("%llu MB free beside the database", avail >> 20);
}

/*
 * Nobody but the program may hold the group: a member reads and changes
 * the database's files directly, past every role and the audit trail.
 */
static void
doctor_members(struct doctor *d, gid_t group)
{
	struct group *gr = getgrgid(group);
	struct passwd *pw;
	char *fix, grp[64];
	size_t n = 0, i;

	if (gr == NULL)
		return;
	snprintf(grp, sizeof grp, "%s", gr->gr_name);
	for (i = 0; gr->gr_mem != NULL && gr->gr_mem[i] != NULL; i++) {
		fix = xasprintf("gpasswd -d %s %s", gr->gr_mem[i], grp);
		doctor_bad(d, fix, "%s is a member of group %s: that account "
		    "reads and changes the database's files directly, past "
		    "its role and the audit trail", gr->gr_mem[i], grp);
		free(fix);
		n++;
	}
	setpwent();
	while ((pw = getpwent()) != NULL) {
		/* The group's own account (make install-shared made it,
		 * with no shell) is the one that may. */
		if (pw->pw_gid != group || strcmp(pw->pw_name, grp) == 0)
			continue;
		fix = xasprintf("usermod -g %s %s", pw->pw_name, pw->pw_name);
		doctor_bad(d, fix, "%s has group %s as its own: that account "
		    "reads and changes the database's files directly, past "
		    "its role and the audit trail", pw->pw_name, grp);
		free(fix);
		n++;
	}
	endpwent();
	if (n == 0)
		doctor_ok("no account is in group %s: staff reach the data only "
		    "through ogpo", grp);
}

static void
doctor_login(unsigned uid, char *buf, size_t n)
{
	struct passwd *pw = uid != (unsigned)-1 ? getpwuid((uid_t)uid) : NULL;

	if (pw != NULL)
		snprintf(buf, n, "%s", pw->pw_name);
	else if (uid == (unsigned)-1)
		snprintf(buf, n, "?");
	else
		snprintf(buf, n, "#%u", uid);
}

/* A writer that holds the database long, and readers of old snapshots. */
static void
doctor_holders(struct doctor *d, struct store *s, long age)
{
	struct store_reader r[64];
	struct store_holder h;
	struct timespec now;
	char who[64], *fix;
	long long held;
	size_t n, i, old = 0;

	clock_gettime(CLOCK_REALTIME, &now);
	if (store_writer(s, &h)) {
		doctor_login(h.uid, who, sizeof who);
		/* One that has not said since when: as if for ever. */
		held = h.since_ms == 0 ? 1LL << 40 : ((long long)now.tv_sec *
		    1000 + now.tv_nsec / 1000000 - h.since_ms) / 1000;
		fix = xasprintf(_("ask %s to let it finish or resume it (fg); "
		    "if it is stuck, root ends it: kill -9 %ld"), who, h.pid);
		if (h.since_ms == 0)
			doctor_bad(d, fix, "%s's process %ld holds the database "
			    "for writing and has not said what for (not an "
			    "ogpo that works as it should): others' saves wait "
			    "for it", who, h.pid);
		else if (h.stopped || held >= 5)
			doctor_bad(d, fix, h.stopped ? "%s's ogpo (process %ld, "
			    "%s) has held the database for writing for %lld s "
			    "and is stopped: no one can save until it goes on "
			    "or ends" : "%s's ogpo (process %ld, %s) has held "
			    "the database for writing for %lld s: others' "
			    "saves wait for it", who, h.pid, h.what, held);
		else
			doctor_ok("%s's ogpo (process %ld, %s) is writing",
			    who, h.pid, h.what);
		free(fix);
	} else
		doctor_ok("no one holds the database for writing");
	n = store_readers(s, r, sizeof r / sizeof r[0]);
	for (i = 0; i < n && i < sizeof r / sizeof r[0]; i++) {
		/* One begun before the oldest commit the ring remembers has
		 * seen more changes than it holds, however fast they came. */
		if (r[i].held_ms < 0 || (r[i].held_ms < age * 1000 &&
		    !r[i].lost))
			continue;
		doctor_login(r[i].uid, who, sizeof who);
		fix = xasprintf(_("if process %ld is stuck, root ends it: "
		    "kill -9 %ld"), r[i].pid, r[i].pid);
		doctor_bad(d, fix, "process %ld (%s) has read a snapshot %llu "
		    "changes old for at least %lld s: the database's file "
		    "cannot reuse the space changed since, and grows",
		    r[i].pid, who, (unsigned long long)r[i].behind,
		    (long long)(r[i].held_ms / 1000));
		free(fix);
		old++;
	}
	if (old == 0)
		doctor_ok("no one has held an old snapshot for %ld s or more",
		    age);
}

static int
cmd_doctor_exec(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "age", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct doctor d = { 0 };
	long age = 60;
	char *end;
	struct store_stats st;
	struct core *c;
	const char *problems;
	const char *origin;
	char *dir, *cause = NULL, *path;
	gid_t group;
	int ch, shared;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'h') {
			cmd_usage(&cmd_doctor_entry, stdout);
			return CMD_OK;
		}
		if (ch == 'a') {
			age = strtol(optarg, &end, 10);
			if (*optarg != '\0' && *end == '\0' && age >= 0)
				continue;
			return cmd_error(&cmd_doctor_entry, CMD_USAGE,
			    "--age takes a number of seconds, not '%s'",
			    optarg);
		}
		cmd_usage(&cmd_doctor_entry, stderr);
		return CMD_USAGE;
	}
	if (optind != argc) {
		cmd_usage(&cmd_doctor_entry, stderr);
		return CMD_USAGE;
	}
	if ((problems = config_problems()) != NULL && *problems != '\0')
		doctor_bad(&d, _("edit the line, or remove it"), "settings: %s",
		    problems);
	else
		doctor_ok("the settings files read without a problem");
	if ((dir = core_default_dir(ctx->db_flag, &origin, &cause)) == NULL) {
		doctor_bad(&d, NULL, "%s", cause);
		free(cause);
		return CMD_FAIL;
	}
	shared = core_dir_shared(dir);
	doctor_ok("the database is %s (from %s)", dir, origin);
	group = doctor_program(&d, shared);
	if (shared && group != (gid_t)-1)
		doctor_members(&d, group);
	doctor_mode(&d, dir, 1, group);
	path = xasprintf("%s/data.mdb", dir);
	doctor_mode(&d, path, 0, group);
	free(path);
	path = xasprintf("%s/lock.mdb", dir);
	doctor_mode(&d, path, 0, group);
	free(path);
	path = xasprintf("%s/writer", dir);
	doctor_mode(&d, path, 0, group);
	free(path);
	if (core_open(&c, dir, 0, &cause) != 0) {
		doctor_bad(&d, NULL, "the database does not open: %s", cause);
		free(cause);
	} else {
		doctor_ok("the database opens; its filesystem is a local "
		    "one");
		if (store_stats(core_store(c), &st, &cause) == 0) {
			doctor_fs(&d, dir, &st);
			if (st.stale_cleared > 0)
				doctor_ok(ngettext("%d reader slot left by a "
				    "process that died was cleared", "%d reader "
				    "slots left by processes that died were "
				    "cleared", (unsigned long)st.stale_cleared),
				    st.stale_cleared);
			else
				doctor_ok("%u of %u reader slots in use, none "
				    "left by dead processes", st.readers,
				    st.max_readers);
			doctor_holders(&d, core_store(c), age);
		} else {
			doctor_bad(&d, NULL, "%s", cause);
			free(cause);
		}
		core_close(c);
	}
	free(dir);
	if (d.problems > 0)
		printf(ngettext("%zu problem.\n", "%zu problems.\n",
		    d.problems), d.problems);
	else
		printf(_("No problems.\n"));
	return d.problems > 0 ? CMD_FAIL : CMD_OK;
}

const struct cmd_entry cmd_doctor_entry = {
	.name = "doctor",
	.args = "[--age SECONDS]",
	.summary = N_("Check the set-up: files, group, modes, space, readers."),
	.help = N_("Looks at the database's directory and files (group and "
	    "mode: 2770 and\n0660 with the program's group when it is "
	    "set-group-id, nothing open to\nothers otherwise), the program's "
	    "set-group-id bit and who is in its group,\nthe settings files, "
	    "the filesystem, how full the map is, reader slots left\nby dead "
	    "processes, a writer that holds the database long or is stopped,\n"
	    "and readers that have held an old snapshot for --age SECONDS (60)"
	    "\nor more. Each problem is printed with the command that fixes "
	    "it; exits 1\nif there is any.\n"),
	.exec = cmd_doctor_exec,
};
