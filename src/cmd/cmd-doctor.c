/*
 * cmd-doctor.c — `ogpo doctor`: is the set-up sound? The database's
 * directory and files (owner, group, mode), the program's set-group-id
 * bit and group, the filesystem, how full the map is, reader slots left
 * by dead processes, the settings files. Each problem comes with the
 * command that fixes it; exit 1 when there is any.
 */
#include <errno.h>
#include <getopt.h>
#include <grp.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
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

/* Owner, group and mode of one file or the directory. */
static void
doctor_mode(struct doctor *d, const char *path, int dir, gid_t group)
{
	char grp[64], *fix;
	struct stat st;
	mode_t want = dir ? 02770 : 0660, mode;

	priv_enter();
	if (stat(path, &st) != 0) {
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
		if (mode & 0007) {
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

static int
cmd_doctor_exec(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct doctor d = { 0 };
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
	shared = strcmp(origin, config_system_path()) == 0;
	doctor_ok("the database is %s (from %s)", dir, origin);
	group = doctor_program(&d, shared);
	doctor_mode(&d, dir, 1, group);
	path = xasprintf("%s/data.mdb", dir);
	doctor_mode(&d, path, 0, group);
	free(path);
	path = xasprintf("%s/lock.mdb", dir);
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
	.args = "",
	.summary = N_("Check the set-up: files, group, modes, space, readers."),
	.help = N_("Looks at the database's directory and files (group and mode: "
	    "2770 and\n0660 with the program's group when it is set-group-id, "
	    "nothing open to\nothers otherwise), the program's set-group-id "
	    "bit, the settings files, the\nfilesystem, how full the map is "
	    "and reader slots left by dead processes.\nEach problem is "
	    "printed with the command that fixes it; exits 1 if there is\n"
	    "any.\n"),
	.exec = cmd_doctor_exec,
};
