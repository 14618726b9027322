/*
 * spool.c — inputs copied aside before the database is held, outputs kept
 * aside until it is let go (see spool.h).
 */
#define _GNU_SOURCE	/* O_TMPFILE */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <linux/magic.h>

#include "ogpo/i18n.h"
#include "ogpo/priv.h"
#include "ogpo/spool.h"
#include "ogpo/util.h"

#define SPOOL_CHUNK	(1 << 20)

static int	spool_saved_stdout = -1;

/*
 * Where temporary files go: $TMPDIR if it names a directory, else /tmp;
 * always /tmp for a set-id program (the loader takes TMPDIR away from one
 * anyway).
 */
const char *
spool_dir(void)
{
	const char *d = getenv("TMPDIR");
	struct stat st;

	if (!priv_setid() && d != NULL && d[0] == '/' && stat(d, &st) == 0 &&
	    S_ISDIR(st.st_mode))
		return d;
	return "/tmp";
}

/*
 * A file no one else can reach, read-write; -1 with errno. It never has
 * a name (O_TMPFILE), so no other process can open it, swap it or change
 * it; where the temporary directory cannot make such a file, or is full,
 * it lives in memory (memfd_create) instead.
 */
int
spool_private_fd(void)
{
	int fd;

	fd = open(spool_dir(), O_TMPFILE | O_RDWR | O_EXCL | O_CLOEXEC, 0600);
	if (fd != -1)
		return fd;
	return memfd_create("ogpo", MFD_CLOEXEC);
}

FILE *
spool_tmpfile(void)
{
	FILE *f;
	int fd = spool_private_fd();

	if (fd == -1)
		return NULL;
	if ((f = fdopen(fd, "w+")) == NULL)
		close(fd);
	return f;
}

int
spool_copy(FILE *spool, FILE *f)
{
	char buf[65536];
	size_t n;

	if (fflush(spool) != 0 || fseeko(spool, 0, SEEK_SET) != 0)
		return -1;
	while ((n = fread(buf, 1, sizeof buf, spool)) > 0)
		if (fwrite(buf, 1, n, f) != n)
			return -1;
	return ferror(spool) ? -1 : 0;
}

/* Write all of buf to fd; -1 with errno. */
static int
spool_write_all(int fd, const char *buf, size_t n)
{
	ssize_t w;

	while (n > 0) {
		if ((w = write(fd, buf, n)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += w;
		n -= (size_t)w;
	}
	return 0;
}

int
spool_in(struct spool *sp, const char *path,
    void (*progress)(void *arg, uint64_t done, uint64_t total), void *arg,
    char **cause)
{
	struct stat st;
	uint64_t total = 0, done = 0;
	char *buf = NULL;
	ssize_t n;
	int in, rc;
	void *map;

	memset(sp, 0, sizeof *sp);
	sp->fd = -1;
	if (strcmp(path, "-") == 0)
		in = dup(STDIN_FILENO);
	else
		in = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (in == -1)
		return err_set(cause, OGPO_IO, "cannot open %s: %s", path,
		    strerror(errno));
	if (fstat(in, &st) != 0) {
		rc = err_set(cause, OGPO_IO, "cannot read %s: %s", path,
		    strerror(errno));
		close(in);
		return rc;
	}
	if (S_ISDIR(st.st_mode)) {
		close(in);
		return err_set(cause, OGPO_INVALID, "cannot read %s: it is a "
		    "directory", path);
	}
	if (S_ISREG(st.st_mode))
		total = (uint64_t)st.st_size;
	if (total > SPOOL_IN_MAX) {
		close(in);
		return err_set(cause, OGPO_INVALID, "%s is larger than %llu GB, "
		    "more than ogpo imports at once; split it into smaller "
		    "files", path, (unsigned long long)(SPOOL_IN_MAX >> 30));
	}
	if ((sp->fd = spool_private_fd()) == -1) {
		rc = err_set(cause, OGPO_IO, "cannot copy %s aside in %s "
		    "before importing it: %s", path, spool_dir(),
		    strerror(errno));
		close(in);
		return rc;
	}
	buf = xmalloc(SPOOL_CHUNK);
	for (;;) {
		if ((n = read(in, buf, SPOOL_CHUNK)) < 0) {
			if (errno == EINTR)
				continue;
			rc = err_set(cause, OGPO_IO, "reading %s: %s", path,
			    strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		if (done + (uint64_t)n > SPOOL_IN_MAX) {
			rc = err_set(cause, OGPO_INVALID, "%s is larger than "
			    "%llu GB, more than ogpo imports at once; split it "
			    "into smaller files", path,
			    (unsigned long long)(SPOOL_IN_MAX >> 30));
			goto fail;
		}
		if (spool_write_all(sp->fd, buf, (size_t)n) != 0) {
			rc = err_set(cause, OGPO_IO, "cannot copy %s aside in "
			    "%s before importing it: %s", path, spool_dir(),
			    strerror(errno));
			goto fail;
		}
		done += (uint64_t)n;
		if (progress != NULL)
			progress(arg, done, total > done ? total : 0);
	}
	free(buf);
	buf = NULL;
	close(in);
	in = -1;
	sp->len = (size_t)done;
	if (sp->len > 0) {
		map = mmap(NULL, sp->len, PROT_READ, MAP_PRIVATE, sp->fd, 0);
		if (map == MAP_FAILED) {
			rc = err_set(cause, OGPO_NOMEM, "cannot map the copy of "
			    "%s: %s", path, strerror(errno));
			goto fail;
		}
		sp->data = map;
	} else
		sp->data = "";
	return 0;
fail:
	free(buf);
	if (in != -1)
		close(in);
	spool_free(sp);
	return rc;
}

void
spool_free(struct spool *sp)
{
	if (sp->data != NULL && sp->len > 0)
		munmap((void *)sp->data, sp->len);
	if (sp->fd != -1)
		close(sp->fd);
	memset(sp, 0, sizeof *sp);
	sp->fd = -1;
}

int
spool_stdout_begin(void)
{
	int fd, saved;

	if (spool_saved_stdout != -1)
		return 0;
	if ((fd = spool_private_fd()) == -1)
		return -1;
	fflush(stdout);
	if ((saved = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3)) == -1 ||
	    dup2(fd, STDOUT_FILENO) == -1) {
		if (saved != -1)
			close(saved);
		close(fd);
		return -1;
	}
	close(fd);
	spool_saved_stdout = saved;
	return 0;
}

int
spool_stdout_isatty(void)
{
	return isatty(spool_saved_stdout != -1 ? spool_saved_stdout :
	    STDOUT_FILENO);
}

int
spool_stdout_end(void)
{
	char *buf;
	ssize_t n;
	int spool, rc = 0;

	if (spool_saved_stdout == -1)
		return 0;
	fflush(stdout);
	/* stdout back where it was; the spool on a descriptor of its own. */
	if ((spool = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3)) == -1 ||
	    dup2(spool_saved_stdout, STDOUT_FILENO) == -1) {
		if (spool != -1)
			close(spool);
		return -1;
	}
	close(spool_saved_stdout);
	spool_saved_stdout = -1;
	buf = xmalloc(SPOOL_CHUNK);
	if (lseek(spool, 0, SEEK_SET) != 0)
		rc = -1;
	while (rc == 0 && (n = read(spool, buf, SPOOL_CHUNK)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			rc = -1;
			break;
		}
		if (spool_write_all(STDOUT_FILENO, buf, (size_t)n) != 0)
			rc = -1;
	}
	free(buf);
	close(spool);
	return rc;
}

int
spool_tty_nowait(int fd)
{
	char path[64];

	if (!isatty(fd))
		return -1;
	/* A new open: O_NONBLOCK on it leaves the shell's own alone. */
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	return open(path, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
}

/*
 * A folder that takes no file of the writer's (another's, the program's
 * own, read-only): the file as it was named, the folder as a whole path
 * (a name typed alone is written where ogpo was started, which the person
 * may not know), and where to write instead.
 */
static void
spool_out_refused(const char *path, int e, char **cause)
{
	const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 :
	    path, *home = getenv("HOME");
	char *dir = slash == NULL ? xstrdup(".") : slash == path ?
	    xstrdup("/") : xasprintf("%.*s", (int)(slash - path), path);
	char *abs = realpath(dir, NULL);

	err_set(cause, OGPO_IO, "cannot write %s in the folder %s: %s; "
	    "write it to a folder of your own, such as your home folder "
	    "(%s/%s)", base, abs != NULL ? abs : dir, strerror(e),
	    home != NULL && *home == '/' ? home : "~", base);
	free(abs);
	free(dir);
}

FILE *
spool_out_open(const char *path, char **tmp, char **cause)
{
	FILE *f;
	int fd;

	*tmp = xasprintf("%s.tmp", path);
	(void)unlink(*tmp);
	/* The writer's alone until it is whole (spool_out_mode). */
	fd = open(*tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_NOCTTY |
	    O_CLOEXEC, 0600);
	if (fd != -1 && (f = fdopen(fd, "w")) != NULL)
		return f;
	if (fd == -1 && errno == EEXIST)
		/* Another's, in a folder where only the owner removes. */
		err_set(cause, OGPO_IO, "cannot write %s: a file of that name "
		    "is there and is not yours to remove; remove it, or write "
		    "to another folder", *tmp);
	else if (fd == -1 && (errno == EACCES || errno == EPERM ||
	    errno == EROFS))
		spool_out_refused(path, errno, cause);
	else
		err_set(cause, OGPO_IO, "cannot write %s: %s", *tmp,
		    strerror(errno));
	if (fd != -1) {
		close(fd);
		(void)unlink(*tmp);
	}
	free(*tmp);
	*tmp = NULL;
	return NULL;
}

/*
 * The rights path.tmp takes before it becomes path: those of the file it
 * replaces, when that is a file of the writer's own (whoever kept an
 * export from others with chmod 600 keeps it so when it is written
 * again, as a shell's > would), else the umask's less any for others.
 * Until then it is the writer's alone, so that no one else opens it half
 * written and reads on once it is whole. Not a file of another's: one
 * put there first (0666, in a folder they share) would have the export
 * open to them. Never open to others by default: an export lists people
 * (names, telephones, e-mail addresses), and on a shared server others
 * are every account there, those the database refuses included; the
 * group stays as the umask has it, for a department's shared folder.
 */
static mode_t
spool_out_mode(const char *path)
{
	struct stat st;
	mode_t mask;

	if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_uid == getuid())
		return st.st_mode & 0777;
	mask = umask(0);
	umask(mask);
	return 0660 & ~mask;
}

int
spool_out_close(FILE *f, char *tmp, const char *path, int ok, char **cause)
{
	int rc = 0;

	/* Where rights cannot be set (a FAT stick, a Windows share) the
	 * file has the ones the place gives it. */
	if (ok)
		(void)fchmod(fileno(f), spool_out_mode(path));
	if (fclose(f) != 0 && ok)
		rc = err_set(cause, OGPO_IO, "cannot write %s: %s", tmp,
		    strerror(errno));
	if (ok && rc == 0 && rename(tmp, path) != 0)
		rc = err_set(cause, OGPO_IO, "cannot rename %s to %s: %s", tmp,
		    path, strerror(errno));
	if (!ok || rc != 0)
		(void)unlink(tmp);
	free(tmp);
	return rc;
}

int
spool_out_local(FILE *f)
{
	struct statfs fs;
	struct stat st;
	int fd = fileno(f);

	if (fd == -1 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    fstatfs(fd, &fs) != 0)
		return 0;
	switch ((unsigned long)fs.f_type) {
	case EXT4_SUPER_MAGIC:	/* ext2 and ext3 too */
	case XFS_SUPER_MAGIC:
	case BTRFS_SUPER_MAGIC:
	case F2FS_SUPER_MAGIC:
	case TMPFS_MAGIC:
		return 1;
	default:
		return 0;
	}
}
