/*
 * ptybench.c — measure the full-screen program as a user at a terminal
 * would feel it: start it on a pseudo-terminal of a given size, press
 * keys, and time each until the screen stops changing; count the bytes it
 * wrote for each. Prints one line per step.
 *
 *	ptybench OGPO DBDIR COLS ROWS SEARCH
 *	ptybench --rollcall N OGPO DBDIR COLS ROWS KEYS
 *		(a roll call: N mark keys, taken in turn from KEYS)
 */
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define QUIET_MS 120	/* no output for this long: the screen is done */

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/*
 * Read until the terminal has been quiet for QUIET_MS after at least one
 * byte (or timeout_ms passes). Returns the time of the last byte, and the
 * bytes read in *bytes; the text read is kept in buf for markers.
 */
static double
settle(int fd, double start, double timeout_ms, size_t *bytes, char *buf,
    size_t bufsz)
{
	struct pollfd p = { fd, POLLIN, 0 };
	double last = start;
	char tmp[65536];
	size_t kept = 0;
	ssize_t n;

	*bytes = 0;
	for (;;) {
		int wait = *bytes ? QUIET_MS : (int)timeout_ms;

		if (poll(&p, 1, wait) <= 0)
			break;
		n = read(fd, tmp, sizeof tmp);
		if (n <= 0)
			break;
		last = now_ms();
		*bytes += (size_t)n;
		if (buf != NULL && kept + (size_t)n < bufsz) {
			memcpy(buf + kept, tmp, (size_t)n);
			kept += (size_t)n;
		}
		if (now_ms() - start > timeout_ms)
			break;
	}
	if (buf != NULL)
		buf[kept] = '\0';
	return last;
}

static double
step(int fd, const char *name, const char *keys)
{
	size_t bytes;
	double t0 = now_ms(), t1;

	if (write(fd, keys, strlen(keys)) < 0)
		perror("write");
	t1 = settle(fd, t0, 60000, &bytes, NULL, 0);
	printf("%-24s %9.1f ms %8zu bytes\n", name, t1 - t0, bytes);
	fflush(stdout);
	return t1 - t0;
}

static long
peak_kb(pid_t pid)
{
	char path[64], line[256];
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (strncmp(line, "VmHWM:", 6) == 0)
			kb = strtol(line + 6, NULL, 10);
	fclose(f);
	return kb;
}

static int
dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/*
 * A roll call: the Meetings tab, the first meeting's attendance sheet,
 * then a mark key (keys[i % len]) n times, each timed until the screen
 * is quiet: the first, the median, the slowest, and the bytes of one.
 */
static void
rollcall(int fd, const char *keys, int n)
{
	char one[2] = { 0, 0 };
	double *t = calloc((size_t)n, sizeof *t), k0;
	size_t bytes, total = 0;
	int i;

	if (t == NULL)
		return;
	step(fd, "meetings tab (3)", "3");
	step(fd, "open the sheet (Enter)", "\r");
	for (i = 0; i < n; i++) {
		one[0] = keys[(size_t)i % strlen(keys)];
		k0 = now_ms();
		if (write(fd, one, 1) < 0)
			perror("write");
		t[i] = settle(fd, k0, 60000, &bytes, NULL, 0) - k0;
		total += bytes;
	}
	printf("%-24s %9.2f ms\n", "mark: first key", t[0]);
	qsort(t, (size_t)n, sizeof *t, dbl_cmp);
	printf("%-24s %9.2f ms\n", "mark: median key", t[n / 2]);
	printf("%-24s %9.2f ms\n", "mark: slowest key", t[n - 1]);
	printf("%-24s %9zu bytes (%d keys)\n", "mark: bytes per key",
	    total / (size_t)n, n);
	fflush(stdout);
	free(t);
}

int
main(int argc, char **argv)
{
	struct winsize ws;
	size_t bytes;
	double t0, t1;
	int fd, status;
	pid_t pid;
	const char *search;

	int marks = 0;

	/* --rollcall N: mark N people instead of the officers' steps. */
	if (argc == 8 && strcmp(argv[1], "--rollcall") == 0) {
		marks = atoi(argv[2]);
		argv += 2;
		argc -= 2;
		if (marks < 1) {
			fprintf(stderr, "ptybench: --rollcall takes a count\n");
			return 2;
		}
	}
	if (argc != 6) {
		fprintf(stderr, "usage: ptybench [--rollcall N] OGPO DBDIR COLS "
		    "ROWS SEARCH|KEYS\n");
		return 2;
	}
	search = argv[5];
	memset(&ws, 0, sizeof ws);
	ws.ws_col = (unsigned short)atoi(argv[3]);
	ws.ws_row = (unsigned short)atoi(argv[4]);
	t0 = now_ms();
	pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0) {
		perror("forkpty");
		return 1;
	}
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		setenv("LANG", "C.UTF-8", 1);
		execl(argv[1], argv[1], "--db", argv[2], (char *)NULL);
		_exit(127);
	}
	t1 = settle(fd, t0, 60000, &bytes, NULL, 0);
	printf("%-24s %9.1f ms %8zu bytes\n", "start to first screen",
	    t1 - t0, bytes);
	if (marks > 0) {
		rollcall(fd, search, marks);
		printf("%-24s %9ld kB\n", "peak resident memory",
		    peak_kb(pid));
		kill(pid, SIGTERM);
		waitpid(pid, &status, 0);
		return 0;
	}
	step(fd, "officers tab (2)", "2");
	step(fd, "Down", "\033OB");
	step(fd, "Down again", "\033OB");
	step(fd, "PgDn", "\033[6~");
	step(fd, "End", "\033OF");
	step(fd, "Home", "\033OH");
	step(fd, "search: /", "/");
	{
		/* Each key of the text: the first (every row looked at), the
		 * slowest, the last, and all of them. */
		char one[2] = { 0, 0 };
		size_t i, len = strlen(search);
		double k0, k1, slow = 0, all = 0, first = 0;

		for (i = 0; i + 1 < len; i++) {
			one[0] = search[i];
			k0 = now_ms();
			if (write(fd, one, 1) < 0)
				perror("write");
			k1 = settle(fd, k0, 60000, &bytes, NULL, 0);
			if (i == 0)
				first = k1 - k0;
			slow = k1 - k0 > slow ? k1 - k0 : slow;
			all += k1 - k0;
		}
		printf("%-24s %9.1f ms\n", "search: first key", first);
		printf("%-24s %9.1f ms\n", "search: slowest key", slow);
		one[0] = search[len - 1];
		all += step(fd, "search: last key", one);
		printf("%-24s %9.1f ms (%zu keys)\n", "search: whole text",
		    all, len);
	}
	step(fd, "search: Enter", "\r");
	step(fd, "search: n (next)", "n");
	printf("%-24s %9ld kB\n", "peak resident memory", peak_kb(pid));
	if (write(fd, "q", 1) < 0)
		perror("write");
	settle(fd, now_ms(), 2000, &bytes, NULL, 0);
	kill(pid, SIGTERM);
	waitpid(pid, &status, 0);
	return 0;
}
