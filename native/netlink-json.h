#ifndef NSDECK_NETLINK_JSON_H
#define NSDECK_NETLINK_JSON_H
#include "buffer.h"

/*
 * One namespace's dump (link, address and route messages, as the kernel sent them) as JSON:
 * {"links":[…],"routes":[…]}, the records source/model/types.ts describes, as `ip -j -d addr` and
 * `ip -j route show table all` would give them. Table, protocol and scope stay numbers: nsdeck names them
 * from /etc/iproute2, as ip does.
 */
void namespace_json(const char *messages, size_t length, struct buffer *out);
#endif
