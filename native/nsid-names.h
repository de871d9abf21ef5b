#ifndef NSDECK_NSID_NAMES_H
#define NSDECK_NSID_NAMES_H
#include "buffer.h"

/*
 * The nsid table of the namespace `sock` was opened in, named as `ip -j netns list-id` names it:
 * [{"nsid":0,"name":"ns1"},{"nsid":1}…], by nsid. `messages` is the kernel's RTM_GETNSID dump; the
 * table is its nsids and those of the entries of `dir` (/run/netns), each named after the entry that is
 * that namespace, the first by strcmp if several are. Returns 0, or an errno if the kernel refused to answer.
 */
int nsid_names_json(int sock, const char *dir, const char *messages, size_t length, struct buffer *out);
#endif
