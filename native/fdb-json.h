// Internal to the helper (fdb-json.c): the bridges' and vxlans' forwarding databases.
#ifndef NSDECK_FDB_JSON_H
#define NSDECK_FDB_JSON_H
#include <linux/netlink.h>

#include "buffer.h"
#include "netlink-attrs.h"

/*
 * One FDB entry (RTM_NEWNEIGH of AF_BRIDGE) as `bridge -j fdb show` writes it, after a comma unless
 * `*first`; nothing for an entry that is neither a bridge's (with a master) nor a vxlan's (with a dst).
 */
void json_fdb(struct buffer *out, const struct links *links, const struct nlmsghdr *nh, int *first);
#endif
