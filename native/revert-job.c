// The SSH lockout guard's revert job: `nsdeck-netdump --revert-after SECONDS FILE`.
//
// Why outside nsdeck: a change that cuts the admin's SSH session also takes nsdeck's terminal, and with it
// nsdeck (SIGHUP), or the admin kills it. The revert must not depend on nsdeck being alive, so it is a
// process of its own session and process group (setsid, then a second fork so it can never own a
// terminal), with SIGHUP and SIGINT ignored and stdio on /dev/null. It needs nothing but iproute2 on the
// machine, so a fleet server can run it too.
//
// FILE holds the commands that restore the before-state: each argument ends with a NUL, each command
// with one more NUL (an empty argument). Never a shell string. The job reads FILE at once (a bad FILE is
// refused before anything detaches, exit 2), then sleeps SECONDS. Whoever unlinks FILE first owns it:
// nsdeck unlinks it to keep the change (k) or to revert it itself; the job unlinks it when the time is
// up (or at once on SIGUSR1: nsdeck saw the session's path gone, or the user asked), and only then runs
// the commands, in order, each to its end (killed after 10 s), never stopping at
// a failure (restore as much as it can). It then writes FILE.result (JSON, written aside and renamed):
// {"pid":N,"at":EPOCH_SECONDS,"commands":[{"argv":[...],"status":N},...]}, status being the exit status,
// 128+signal, or 127 when the program could not start. The first process prints the job's PID and exits 0.
#define _GNU_SOURCE
#include "revert-job.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "buffer.h"
#include "netlink-json.h"

#define MAX_SECONDS 86400
#define MAX_FILE (1 << 20)
#define COMMAND_LIMIT_MS 10000

static int usage(const char *why) {
	fprintf(stderr, "nsdeck-netdump --revert-after: %s\nusage: nsdeck-netdump --revert-after SECONDS FILE (1..%d s; FILE absolute, NUL-separated argv)\n", why, MAX_SECONDS);
	return 2;
}

/* The commands of FILE as argv arrays (NULL-ended), NULL-ended; NULL when FILE is malformed. */
static char ***read_commands(const char *path) {
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) return NULL;
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 || st.st_size > MAX_FILE) {
		close(fd);
		return NULL;
	}
	size_t size = (size_t)st.st_size;
	char *text = malloc(size);
	size_t got = 0;
	for (ssize_t n; got < size && (n = read(fd, text + got, size - got)) > 0;) got += (size_t)n;
	close(fd);
	// Every argument ends with a NUL and the last command with an empty argument.
	if (got != size || size < 2 || text[size - 1] != '\0' || text[size - 2] != '\0') return NULL;
	size_t count = 0, args = 0;
	for (size_t i = 0; i < size; i++) if (text[i] == '\0') {
		if (i == 0 || text[i - 1] == '\0') count++;
		else args++;
	}
	char ***commands = calloc(count + 1, sizeof *commands);
	char **argv = calloc(args + count, sizeof *argv);
	size_t c = 0, a = 0, start = 0;
	commands[0] = argv;
	for (size_t i = 0; i < size; i++) {
		if (text[i] != '\0') continue;
		if (i == start) {
			// An empty command (two commands' ends in a row) means nothing to run: refuse the file.
			if (commands[c] == argv + a) return NULL;
			argv[a++] = NULL;
			if (++c < count) commands[c] = argv + a;
		} else {
			argv[a++] = text + start;
		}
		start = i + 1;
	}
	return commands;
}

static int64_t now_ms(void) {
	struct timespec t;
	clock_gettime(CLOCK_BOOTTIME, &t); // Counts a suspend: the deadline is in the world's time.
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void nap_ms(int64_t ms) {
	struct timespec t = {ms / 1000, (ms % 1000) * 1000000};
	while (nanosleep(&t, &t) != 0 && errno == EINTR) {
	}
}

/* Runs one command to its end: its exit status, 128+signal, or 127. */
static int run_command(char **argv) {
	pid_t pid = fork();
	if (pid < 0) return 127;
	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	int status = 0;
	for (int64_t waited = 0;; waited += 10) {
		pid_t done = waitpid(pid, &status, WNOHANG);
		if (done == pid) break;
		if (done < 0 && errno != EINTR) return 127;
		if (waited == COMMAND_LIMIT_MS) kill(pid, SIGKILL);
		nap_ms(10);
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void write_result(const char *path, char ***commands, const int *statuses) {
	struct buffer out = {0};
	char number[64];
	snprintf(number, sizeof number, "{\"pid\":%d,\"at\":%lld,\"commands\":[", (int)getpid(), (long long)time(NULL));
	append_text(&out, number);
	for (size_t c = 0; commands[c]; c++) {
		append_text(&out, c ? ",{\"argv\":[" : "{\"argv\":[");
		for (size_t a = 0; commands[c][a]; a++) {
			if (a) append(&out, ",", 1);
			json_string_n(&out, commands[c][a], strlen(commands[c][a]));
		}
		snprintf(number, sizeof number, "],\"status\":%d}", statuses[c]);
		append_text(&out, number);
	}
	append_text(&out, "]}\n");
	char *final = NULL, *aside = NULL;
	if (asprintf(&final, "%s.result", path) < 0 || asprintf(&aside, "%s.result.%d", path, (int)getpid()) < 0) return;
	int fd = open(aside, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) return;
	for (size_t done = 0; done < out.length;) {
		ssize_t n = write(fd, out.data + done, out.length - done);
		if (n <= 0) break;
		done += (size_t)n;
	}
	fsync(fd);
	close(fd);
	rename(aside, final);
}

static volatile sig_atomic_t now_please = 0;
static void revert_now(int signo) {
	(void)signo;
	now_please = 1;
}

static void job(const char *path, char ***commands, int64_t deadline) {
	// Poll, so that a cancelled job ends soon; SIGUSR1 cuts the sleep short (nanosleep returns EINTR).
	for (int64_t left; !now_please && (left = deadline - now_ms()) > 0;) {
		if (access(path, F_OK) != 0 && errno == ENOENT) return;
		int64_t ms = left < 200 ? left : 200;
		struct timespec t = {ms / 1000, (ms % 1000) * 1000000};
		nanosleep(&t, NULL);
	}
	if (unlink(path) != 0) return; // nsdeck took it first: kept, or reverted by nsdeck itself.
	size_t count = 0;
	while (commands[count]) count++;
	int *statuses = calloc(count + 1, sizeof *statuses);
	for (size_t c = 0; c < count; c++) statuses[c] = run_command(commands[c]);
	write_result(path, commands, statuses);
}

int revert_after(const char *seconds, const char *file) {
	char *end = NULL;
	errno = 0;
	long value = strtol(seconds, &end, 10);
	if (errno || !end || *end || end == seconds || value < 1 || value > MAX_SECONDS) return usage("SECONDS must be a whole number from 1");
	if (file[0] != '/') return usage("FILE must be an absolute path");
	char ***commands = read_commands(file);
	if (!commands) return usage("FILE is missing, not a regular file, or not NUL-separated commands");
	int64_t deadline = now_ms() + value * 1000;
	int report[2];
	if (pipe2(report, O_CLOEXEC) != 0) return 1;
	pid_t first = fork();
	if (first < 0) return 1;
	if (first > 0) {
		close(report[1]);
		int pid = 0;
		ssize_t n = read(report[0], &pid, sizeof pid);
		waitpid(first, NULL, 0);
		if (n != (ssize_t)sizeof pid || pid <= 0) return 1;
		printf("%d\n", pid);
		return 0;
	}
	close(report[0]);
	// A session and process group of our own: no terminal's hangup, no group's signal reaches us.
	if (setsid() < 0) _exit(1);
	pid_t second = fork();
	if (second < 0) _exit(1);
	if (second > 0) _exit(0);
	signal(SIGHUP, SIG_IGN);
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGCHLD, SIG_DFL);
	struct sigaction now = {0};
	now.sa_handler = revert_now;
	sigaction(SIGUSR1, &now, NULL);
	if (chdir("/") != 0) _exit(1);
	int null = open("/dev/null", O_RDWR);
	if (null >= 0) {
		dup2(null, STDIN_FILENO);
		dup2(null, STDOUT_FILENO);
		dup2(null, STDERR_FILENO);
		if (null > STDERR_FILENO) close(null);
	}
	int pid = (int)getpid();
	if (write(report[1], &pid, sizeof pid) != (ssize_t)sizeof pid) _exit(1);
	close(report[1]);
	job(file, commands, deadline);
	_exit(0);
}
