/*
 * aside.c — a small file of the person's own read in a child that holds
 * nothing of the shared database (see aside.h for the why).
 */
#define _GNU_SOURCE	/* pipe2 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ogpo/aside.h"
#include "ogpo/priv.h"
#include "ogpo/util.h"


/* The child: give everything up, then read and send. Its exit status. */
static int
aside_child(int fd, int (*fn)(FILE *, void *), void *arg)
{
	static char obuf[1 << 16];	/* a table's rows in few writes */
	FILE *f;
	int rc;

	if (priv_apart(fd) != 0 || (f = fdopen(fd, "w")) == NULL)
		return 2;
	setvbuf(f, obuf, _IOFBF, sizeof obuf);
	rc = fn(f, arg);
	if (fclose(f) != 0)
		rc = -1;
	return rc == 0 ? 0 : 1;
}

/* All fd gives, up to max bytes (more is an error: E2BIG, found by
 * reading no more than one byte past it). */
static int
aside_receive(int fd, size_t max, char **out, size_t *len)
{
	size_t cap = 0, room;
	ssize_t n;

	for (;;) {
		*out = xgrow(*out, &cap, *len + (1 << 14) + 1, 1);
		room = cap - *len - 1;
		if (room > max - *len + 1)
			room = max - *len + 1;
		n = read(fd, *out + *len, room);
		if (n == 0)
			return 0;
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		*len += (size_t)n;
		if (*len > max) {
			errno = E2BIG;
			return -1;
		}
	}
}

/* Not set-id: the same reader, here, into memory. */
static int
aside_here(int (*fn)(FILE *, void *), void *arg, size_t max, char **out,
    size_t *len, char **cause)
{
	FILE *f;
	int rc;

	if ((f = open_memstream(out, len)) == NULL)
		return err_set(cause, -1, "%s", strerror(errno));
	rc = fn(f, arg);
	if (fclose(f) != 0 || rc != 0 || *len > max) {
		free(*out);
		*out = NULL;
		if (rc == 0 && *len > max)
			return err_set(cause, ASIDE_TOO_MUCH, "what was read "
			    "comes to more than %zu bytes", max);
		return err_set(cause, ASIDE_SYSTEM, "%s", strerror(ENOMEM));
	}
	return 0;
}

int
aside_run(int (*fn)(FILE *, void *), void *arg, size_t max, char **out,
    size_t *len, char **cause)
{
	int fds[2], status = 0, got, err;
	pid_t pid;

	*out = NULL;
	*len = 0;
	if (!priv_setid())
		return aside_here(fn, arg, max, out, len, cause);
	if (pipe2(fds, O_CLOEXEC) != 0)
		return err_set(cause, ASIDE_SYSTEM, "%s", strerror(errno));
	if ((pid = fork()) == -1) {
		err = errno;
		close(fds[0]);
		close(fds[1]);
		return err_set(cause, ASIDE_SYSTEM, "%s", strerror(err));
	}
	if (pid == 0) {
		close(fds[0]);
		_exit(aside_child(fds[1], fn, arg));
	}
	close(fds[1]);
	got = aside_receive(fds[0], max, out, len);
	err = errno;
	close(fds[0]);
	if (got != 0)
		(void)kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	if (got == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		(*out)[*len] = '\0';
		return 0;
	}
	free(*out);
	*out = NULL;
	if (got != 0 && err == E2BIG)
		return err_set(cause, ASIDE_TOO_MUCH, "the process reading it "
		    "sent more than %zu bytes", max);
	if (got != 0)
		return err_set(cause, ASIDE_SYSTEM, "%s", strerror(err));
	if (WIFSIGNALED(status))
		return err_set(cause, ASIDE_FAILED, "the process reading it "
		    "was ended by signal %d (%s)", WTERMSIG(status),
		    strsignal(WTERMSIG(status)));
	return err_set(cause, ASIDE_FAILED, "the process reading it gave up "
	    "(status %d)", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

void
aside_put_u32(FILE *f, uint32_t v)
{
	(void)fwrite(&v, sizeof v, 1, f);
}

void
aside_put_i64(FILE *f, int64_t v)
{
	(void)fwrite(&v, sizeof v, 1, f);
}

void
aside_put_str(FILE *f, const char *s)
{
	size_t n;

	if (s == NULL) {
		aside_put_u32(f, ASIDE_NONE);
		return;
	}
	n = strlen(s);
	if (n >= ASIDE_NONE) {	/* cannot be told: sent as none */
		aside_put_u32(f, ASIDE_NONE);
		return;
	}
	aside_put_u32(f, (uint32_t)n);
	(void)fwrite(s, 1, n + 1, f);
}

static int
aside_take(struct aside_in *in, void *v, size_t n)
{
	if (in->len - in->pos < n)
		return 0;
	memcpy(v, in->buf + in->pos, n);
	in->pos += n;
	return 1;
}

int
aside_take_u32(struct aside_in *in, uint32_t *v)
{
	return aside_take(in, v, sizeof *v);
}

int
aside_take_i64(struct aside_in *in, int64_t *v)
{
	return aside_take(in, v, sizeof *v);
}

int
aside_take_str(struct aside_in *in, const char **s, size_t max,
    int may_be_none)
{
	uint32_t n;

	if (!aside_take_u32(in, &n))
		return 0;
	if (n == ASIDE_NONE) {
		*s = NULL;
		return may_be_none;
	}
	if (n > max || in->len - in->pos <= n ||
	    in->buf[in->pos + n] != '\0' ||
	    memchr(in->buf + in->pos, '\0', n) != NULL)
		return 0;
	*s = in->buf + in->pos;
	in->pos += (size_t)n + 1;
	return 1;
}

int
aside_done(const struct aside_in *in)
{
	return in->pos == in->len;
}
