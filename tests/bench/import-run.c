/*
 * import-run.c — run one command and say what it cost, for the import
 * benchmark: wall time, user and system CPU, VmHWM (the kernel's peak
 * resident set, ru_maxrss) and the peak of RssAnon, sampled from
 * /proc/PID/status every 5 ms while it runs.
 *
 * The two memory figures differ on purpose. VmHWM counts every resident
 * page, the LMDB map's file pages included (pages read or written back
 * through the map). RssAnon counts only private memory: the malloc heap,
 * which holds LMDB's dirty-page copies of a write transaction (LMDB
 * without MDB_WRITEMAP copies each page it changes into malloc'd memory
 * until commit, and spills only past 2^17 pages, 512 MiB), plus stacks.
 * Sampling can miss a peak shorter than 5 ms; VmHWM is exact.
 *
 *	import-run OUT COMMAND [ARG ...]
 *
 * OUT gets one line: wall_s user_s sys_s vmhwm_kb rssanon_peak_kb status.
 * The command's standard streams are the runner's.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long
status_kb(pid_t pid, const char *field)
{
	char path[64], line[256];
	size_t n = strlen(field);
	long v = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (strncmp(line, field, n) == 0 && line[n] == ':') {
			v = strtol(line + n + 1, NULL, 10);
			break;
		}
	fclose(f);
	return v;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	struct timespec tick = { 0, 5 * 1000 * 1000 };
	struct rusage ru;
	double t0, t1;
	long anon, peak = 0;
	pid_t pid, w;
	int st;
	FILE *out;

	if (argc < 3) {
		fprintf(stderr, "usage: import-run OUT COMMAND [ARG ...]\n");
		return 2;
	}
	if ((out = fopen(argv[1], "w")) == NULL) {
		perror(argv[1]);
		return 1;
	}
	t0 = now();
	if ((pid = fork()) < 0) {
		perror("fork");
		return 1;
	}
	if (pid == 0) {
		fclose(out);
		execvp(argv[2], argv + 2);
		fprintf(stderr, "import-run: %s: %s\n", argv[2],
		    strerror(errno));
		_exit(127);
	}
	for (;;) {
		if ((anon = status_kb(pid, "RssAnon")) > peak)
			peak = anon;
		w = wait4(pid, &st, WNOHANG, &ru);
		if (w == pid)
			break;
		if (w < 0 && errno != EINTR) {
			perror("wait4");
			return 1;
		}
		nanosleep(&tick, NULL);
	}
	t1 = now();
	fprintf(out, "%.3f %.3f %.3f %ld %ld %d\n", t1 - t0,
	    (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6,
	    (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6,
	    ru.ru_maxrss, peak, WIFEXITED(st) ? WEXITSTATUS(st) : 128 +
	    WTERMSIG(st));
	fclose(out);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}
