/*
 * catch.c — run a program and stop it (SIGSTOP) while it reads a
 * snapshot, as anyone may do to a process of their own; for the attack
 * tests. ogpo holds Ctrl-Z off while it holds a snapshot, so SIGTSTP in
 * its blocked mask (SigBlk in /proc/PID/status, which the owner reads
 * even of a set-group-id process) says when it does. Prints the stopped
 * process's id and leaves it stopped; status 1 when it was not caught in
 * TRIES runs (20), its last run's status being 0 or not.
 *
 *   catch [-n TRIES] PROGRAM [ARGS...]
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* 1 if process pid has SIGTSTP blocked, 0 if not, -1 if it is gone. */
static int
catch_blocked(pid_t pid)
{
	char path[64], buf[4096], *p;
	unsigned long long mask;
	ssize_t n;
	int fd;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	if ((fd = open(path, O_RDONLY)) == -1)
		return -1;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	if ((p = strstr(buf, "\nSigBlk:")) == NULL)
		return -1;
	mask = strtoull(p + 8, NULL, 16);
	return (mask >> (SIGTSTP - 1)) & 1;
}

int
main(int argc, char **argv)
{
	struct timespec nap = { 0, 50 * 1000 };
	int tries = 20, i, status, null;
	pid_t pid;

	if (argc > 2 && strcmp(argv[1], "-n") == 0) {
		tries = atoi(argv[2]);
		argv += 2;
		argc -= 2;
	}
	if (argc < 2) {
		fprintf(stderr, "usage: catch [-n TRIES] PROGRAM [ARGS...]\n");
		return 2;
	}
	for (i = 0; i < tries; i++) {
		if ((pid = fork()) == -1)
			return 2;
		if (pid == 0) {
			/* A session of its own: else, once this exits, its
			 * group could be orphaned with a stopped member, and
			 * the kernel would end it (SIGHUP). */
			(void)setsid();
			null = open("/dev/null", O_RDWR);
			dup2(null, 0);
			dup2(null, 1);
			dup2(null, 2);
			execvp(argv[1], argv + 1);
			_exit(127);
		}
		for (;;) {
			if (waitpid(pid, &status, WNOHANG) == pid)
				break;
			if (catch_blocked(pid) != 1) {
				nanosleep(&nap, NULL);
				continue;
			}
			kill(pid, SIGSTOP);
			if (waitpid(pid, &status, WUNTRACED) == pid &&
			    WIFSTOPPED(status) && catch_blocked(pid) == 1) {
				printf("%ld\n", (long)pid);
				return 0;
			}
			kill(pid, SIGCONT);
		}
	}
	return 1;
}
