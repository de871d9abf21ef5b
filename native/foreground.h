#ifndef NSDECK_FOREGROUND_H
#define NSDECK_FOREGROUND_H

/*
 * `--foreground -- CMD…`: become a process group of our own, make it the terminal's foreground, then
 * exec CMD (which keeps both). Returns only if that failed, with the exit status to use.
 */
int foreground_exec(char **command);
#endif
