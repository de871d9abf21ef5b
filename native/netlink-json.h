#ifndef NSDECK_NETLINK_JSON_H
#define NSDECK_NETLINK_JSON_H
#include "buffer.h"

/*
 * One namespace's dump (link, address and route messages, as the kernel sent them) as JSON:
 * {"links":[…],"routes":[…]}, each record as `ip -j -d addr` and `ip -j -d route show table all` write it:
 * the same keys and values, a subset of ip's (the ones nsdeck reads; a kernel test compares them). Table,
 * protocol and scope stay numbers: nsdeck names them from /etc/iproute2, as ip does. Then "rules" by family
 * ({"inet":[…],"inet6":[…]}, each as `ip -j -d rule show`), "neighbours" (`ip -j -d neigh show`) and "fdb"
 * (the bridges' and vxlans' own entries of `bridge -j fdb show`), "nexthops" (`ip -j -d nexthop show`). With `with_forwarding`, IPv4's and IPv6's forwarding
 * from the netconf messages for all interfaces (`ip netconf show`), put in as "forwarding":{"inet":…,
 * "inet6":…}, null where none came. `nsids`, when given, is a JSON list (nsid-names.h) put in as "nsids".
 */
void namespace_json(const char *messages, size_t length, int with_forwarding, const struct buffer *nsids, struct buffer *out);

/* Whether the link messages in a dump include a bridge or vxlan (whose forwarding database is then worth a dump). */
int dump_has_fdb(const char *messages, size_t length);

/* `n` bytes of text as a JSON string; UTF-8 passes through. */
void json_string_n(struct buffer *out, const char *text, size_t n);
#endif
