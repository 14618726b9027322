/*
 * ptybench.c — measure the full-screen program as a user at a terminal
 * would feel it: start it on a pseudo-terminal of a given size, press
 * keys, and time each until the screen stops changing; count the bytes it
 * wrote for each. Prints one line per step.
 *
 *	ptybench [-a] PROGRAM DBDIR COLS ROWS SEARCH [SEARCH...]
 *	ptybench --rollcall N OGPO DBDIR COLS ROWS KEYS
 *		(a roll call: N mark keys, taken in turn from KEYS)
 *
 * PROGRAM is ogpo (run with --db DBDIR), or with -a abook, the peer (run
 * on DBDIR/book with DBDIR/abookrc). The first SEARCH is typed after "/"
 * and Enter, then n; each further one is typed after "/" and left with
 * Esc, timing each key (a character, whole, however many bytes): ogpo
 * searches as you type. abook searches when Enter is pressed, so there
 * the whole text is sent at once and Enter timed.
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

/*
 * Press keys and wait for the screen to settle; name (NULL: say nothing)
 * the time and the bytes. A key that may change nothing on the screen
 * (n with one match) waits 2 s at most for a first byte.
 */
static double
step(int fd, const char *name, const char *keys)
{
	size_t bytes;
	double t0 = now_ms(), t1;
	int quiet = strcmp(keys, "n") == 0 || strcmp(keys, "\033") == 0;

	if (write(fd, keys, strlen(keys)) < 0)
		perror("write");
	t1 = settle(fd, t0, quiet ? 2000 : 60000, &bytes, NULL, 0);
	if (name != NULL) {
		printf("%-24s %9.1f ms %8zu bytes\n", name, t1 - t0, bytes);
		fflush(stdout);
	}
	return t1 - t0;
}

/*
 * Type text a character at a time (a UTF-8 sequence whole), timing each:
 * the first key (every row looked at), the slowest, the last, and all.
 */
static void
type(int fd, const char *prefix, const char *text)
{
	char label[256];
	size_t i, len, n = 0, keys = 0;
	double k0, k1, slow = 0, all = 0, first = 0, last = 0;

	for (i = 0; text[i] != '\0'; i += len, keys++) {
		for (len = 1; (text[i + len] & 0xc0) == 0x80; len++)
			;
		k0 = now_ms();
		if (write(fd, text + i, len) < 0)
			perror("write");
		k1 = settle(fd, k0, 60000, &n, NULL, 0);
		if (i == 0)
			first = k1 - k0;
		last = k1 - k0;
		slow = last > slow ? last : slow;
		all += last;
	}
	snprintf(label, sizeof label, "%sfirst key", prefix);
	printf("%-24s %9.1f ms\n", label, first);
	snprintf(label, sizeof label, "%sslowest key", prefix);
	printf("%-24s %9.1f ms\n", label, slow);
	snprintf(label, sizeof label, "%slast key", prefix);
	printf("%-24s %9.1f ms %8zu bytes\n", label, last, n);
	snprintf(label, sizeof label, "%swhole text", prefix);
	printf("%-24s %9.1f ms (%zu keys)\n", label, all, keys);
	fflush(stdout);
}

/* A line of /proc/PID/status, in kB (VmHWM: the peak resident set). */
static long
status_kb(pid_t pid, const char *what)
{
	char path[64], line[256];
	size_t n = strlen(what);
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (strncmp(line, what, n) == 0)
			kb = strtol(line + n, NULL, 10);
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
	size_t bytes, total;
	double t0, t1;
	int fd, status, abook = 0, i;
	char label[256];
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
	if (argc > 1 && strcmp(argv[1], "-a") == 0) {
		abook = 1;
		argv++;
		argc--;
	}
	if (argc < 6) {
		fprintf(stderr, "usage: ptybench [-a] PROGRAM DBDIR COLS ROWS "
		    "SEARCH [SEARCH...]\n       ptybench --rollcall N OGPO "
		    "DBDIR COLS ROWS KEYS\n");
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
		if (abook) {
			char rc[4096], book[4096];

			snprintf(rc, sizeof rc, "%s/abookrc", argv[2]);
			snprintf(book, sizeof book, "%s/book", argv[2]);
			execl(argv[1], argv[1], "--config", rc, "--datafile",
			    book, (char *)NULL);
		} else
			execl(argv[1], argv[1], "--db", argv[2], (char *)NULL);
		_exit(127);
	}
	/* The first screen: a few bytes first (abook clears the screen,
	 * then reads its whole address book) do not make it. */
	for (total = 0, t1 = t0; total < 1000 && now_ms() - t0 < 120000;
	    total += bytes)
		t1 = settle(fd, t1, 60000, &bytes, NULL, 0);
	printf("%-24s %9.1f ms %8zu bytes\n", "start to first screen",
	    t1 - t0, total);
	if (marks > 0) {
		rollcall(fd, search, marks);
		printf("%-24s %9ld kB\n", "peak resident memory",
		    status_kb(pid, "VmHWM:"));
		kill(pid, SIGTERM);
		waitpid(pid, &status, 0);
		return 0;
	}
	if (!abook)
		step(fd, "officers tab (2)", "2");
	step(fd, "Down", "\033OB");
	step(fd, "Down again", "\033OB");
	step(fd, "PgDn", "\033[6~");
	step(fd, "End", "\033OF");
	step(fd, "Home", "\033OH");
	if (abook) {
		for (i = 5; i < argc; i++) {
			step(fd, NULL, "/");
			if (write(fd, argv[i], strlen(argv[i])) < 0)
				perror("write");
			settle(fd, now_ms(), 2000, &bytes, NULL, 0);
			snprintf(label, sizeof label, "/%s: search", argv[i]);
			step(fd, label, "\r");
		}
	} else {
		step(fd, "search: /", "/");
		type(fd, "search: ", search);
		step(fd, "search: Enter", "\r");
		step(fd, "search: n (next)", "n");
		for (i = 6; i < argc; i++) {
			step(fd, NULL, "/");
			snprintf(label, sizeof label, "/%s: ", argv[i]);
			type(fd, label, argv[i]);
			step(fd, NULL, "\033");
		}
	}
	printf("%-24s %9ld kB\n", "resident memory now", status_kb(pid,
	    "VmRSS:"));
	printf("%-24s %9ld kB\n", "peak resident memory", status_kb(pid,
	    "VmHWM:"));
	fflush(stdout);
	/* Done measuring: quit, and whatever is asked then (abook: save?),
	 * end it. */
	if (write(fd, "q", 1) < 0)
		perror("write");
	settle(fd, now_ms(), 2000, &bytes, NULL, 0);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	return 0;
}
