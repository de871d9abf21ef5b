#ifndef NSDECK_LINK_STATS_H
#define NSDECK_LINK_STATS_H
#include "buffer.h"

/*
 * The link messages of a dump made with statistics as JSON: [{"ifindex":…,"ifname":…,"stats64":{"rx":{…},
 * "tx":{…}}},…], the keys and counters `ip -s -j link` prints (a kernel test compares them).
 */
void link_stats_json(const char *messages, size_t length, struct buffer *out);
#endif
