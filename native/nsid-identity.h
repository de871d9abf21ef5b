#ifndef NSDECK_NSID_IDENTITY_H
#define NSDECK_NSID_IDENTITY_H
#include "buffer.h"

/*
 * Who each nsid of a namespace X is, in the one frame every namespace shares: the host's (the helper's
 * own namespace, `home`). nsids are per viewer, so X's nsid 3 says nothing by itself; asked of the kernel
 * (RTM_GETNSID with NETNSA_TARGET_NSID), it becomes the host's nsid for the same namespace, and every
 * namespace says its own host nsid. nsdeck then resolves a lower device or a peer by (namespace, ifindex).
 *
 * Call after entering X. `sock` is a rtnetlink socket in X, `x_fd` X's nsfs file, `home_sock` a rtnetlink
 * socket in the host and `home_fd` the host's nsfs file. Appends to `out`:
 *   ,"host_nsid":h         X's nsid for the host (absent when X has none, or X is the host)
 *   ,"nsid_in_host":m      the host's nsid for X (absent when it has none)
 *   ,"nsids_in_host":[{"nsid":k,"host_nsid":m},…]  X's other nsids, as the host knows them
 */
void nsid_identity_json(int sock, int x_fd, int home_sock, int home_fd, struct buffer *out);

/* The host's nsfs file and a rtnetlink socket there, opened before any setns; -1 if not. */
void nsid_identity_open_home(int *home_fd, int *home_sock);
#endif
