/* runone.c - run one command and report its wall time and peak RSS.
 *
 * usage: runone [-C DIR] [-l LOG] -- COMMAND [ARG...]
 * Prints "SECONDS MAXRSS_KB STATUS CPU_SECONDS" on stdout, where MAXRSS is
 * the largest resident set of the command or any process it waited for
 * (wait4 rusage), STATUS the exit code (128+N for a signal, 127 if exec
 * failed) and CPU the user+system time of the whole tree (steadier than
 * wall time on a loaded machine).
 * The command's stdout and stderr go to LOG (appended), else /dev/null.
 * /usr/bin/time would do, but its 10 ms clock is too coarse for md2txt.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	const char *dir = NULL, *log = "/dev/null";
	int i = 1;
	for (; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		} else if (strcmp(argv[i], "-C") == 0 && i + 1 < argc) {
			dir = argv[++i];
		} else if (strcmp(argv[i], "-l") == 0 && i + 1 < argc) {
			log = argv[++i];
		} else {
			break;
		}
	}
	if (i >= argc) {
		fprintf(stderr, "usage: runone [-C DIR] [-l LOG] -- COMMAND [ARG...]\n");
		return 2;
	}
	fflush(stdout);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t pid = fork();
	if (pid < 0) {
		perror("runone: fork");
		return 2;
	}
	if (pid == 0) {
		int fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0644);
		int nul = open("/dev/null", O_RDONLY);
		if (fd < 0 || nul < 0 || dup2(nul, 0) < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
			_exit(127);
		if (dir != NULL && chdir(dir) != 0)
			_exit(127);
		execvp(argv[i], argv + i);
		_exit(127);
	}
	int status = 0;
	struct rusage ru;
	memset(&ru, 0, sizeof ru);
	while (wait4(pid, &status, 0, &ru) < 0) {
		perror("runone: wait4");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	int code = WIFEXITED(status)     ? WEXITSTATUS(status)
	           : WIFSIGNALED(status) ? 128 + WTERMSIG(status)
	                                 : 255;
	double cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	             (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	printf("%.6f %ld %d %.6f\n", secs, ru.ru_maxrss, code, cpu);
	return 0;
}
