#ifndef NSDECK_REVERT_JOB_H
#define NSDECK_REVERT_JOB_H

/*
 * `--revert-after SECONDS FILE`: the SSH guard's revert, outside nsdeck (see revert-job.c). Returns the
 * exit status for the process that nsdeck started; the job itself lives on, detached.
 */
int revert_after(const char *seconds, const char *file);
#endif
