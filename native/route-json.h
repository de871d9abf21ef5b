// Internal to the helper (route-json.c): a route's further words, and nexthop objects.
#ifndef NSDECK_ROUTE_JSON_H
#define NSDECK_ROUTE_JSON_H
#include <linux/rtnetlink.h>

#include "buffer.h"
#include "netlink-attrs.h"

/* `,"from":…,"tos":…,"nhid":…,"expires":…,"metrics":[{…}]` for what the route has of these. */
void json_route_words(struct buffer *out, const struct rtmsg *rtm, const struct rtattr *const *a);

/* One nexthop object (RTM_NEWNEXTHOP) as `ip -j -d nexthop show` writes it, after a comma unless `*first`. */
void json_nexthop(struct buffer *out, const struct links *links, const struct nlmsghdr *nh, int *first);
#endif
