// The lab's first process: a process group of its own, in the terminal's foreground, before nsdeck runs.
//
// Why: the lab runs nsdeck in a PID namespace of its own, while the terminal's session began outside it.
// The process group that owns the terminal is then invisible inside (its id reads as 0). A shell started
// from nsdeck (the `s` key) takes the terminal for its own jobs and, when it exits, cannot give it back to
// a group it cannot name: nsdeck was left in the background, and its next terminal call failed (EIO)
// and ended it. A group made inside the namespace can be named there, and the shell gives the terminal
// back to it. Node has no setpgid or tcsetpgrp, so this small step is ours.
#include "foreground.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int foreground_exec(char **command) {
	if (!command[0]) {
		fprintf(stderr, "usage: nsdeck-netdump --foreground -- COMMAND [ARGS…]\n");
		return 2;
	}
	if (setpgid(0, 0) != 0) perror("nsdeck-netdump: setpgid");
	if (isatty(STDIN_FILENO)) {
		// Not yet the foreground: the terminal would stop us (SIGTTOU) for asking to become it.
		signal(SIGTTOU, SIG_IGN);
		if (tcsetpgrp(STDIN_FILENO, getpgrp()) != 0) perror("nsdeck-netdump: tcsetpgrp");
		signal(SIGTTOU, SIG_DFL);
	}
	execvp(command[0], command);
	fprintf(stderr, "nsdeck-netdump: cannot run %s: %s\n", command[0], strerror(errno));
	return 127;
}
