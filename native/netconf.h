#ifndef NSDECK_NETCONF_H
#define NSDECK_NETCONF_H
#include "buffer.h"

/*
 * IPv4's or IPv6's netconf for all interfaces (`ip netconf show`: forwarding among it): one request, one
 * answer, appended to `out`. Returns 0 or an errno (EAFNOSUPPORT without IPv6).
 */
int get_netconf(int sock, unsigned char family, struct buffer *out);
#endif
