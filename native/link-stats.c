// The counters of a namespace's links, as `ip -s -j link` prints them: the live rates' one read per second.
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <stddef.h>

#include "link-stats.h"
#include "netlink-attrs.h"

/* One direction's counters: JSON key and offset in rtnl_link_stats64, in ip's order. */
struct counter {
	const char *key;
	size_t offset;
};

#define AT(field) offsetof(struct rtnl_link_stats64, field)
static const struct counter RX[] = {
	{"bytes", AT(rx_bytes)}, {"packets", AT(rx_packets)}, {"errors", AT(rx_errors)},
	{"dropped", AT(rx_dropped)}, {"over_errors", AT(rx_over_errors)}, {"multicast", AT(multicast)},
};
static const struct counter TX[] = {
	{"bytes", AT(tx_bytes)}, {"packets", AT(tx_packets)}, {"errors", AT(tx_errors)},
	{"dropped", AT(tx_dropped)}, {"carrier_errors", AT(tx_carrier_errors)}, {"collisions", AT(collisions)},
};
#undef AT

static void json_counters(struct buffer *out, const char *key, const struct rtnl_link_stats64 *stats, const struct counter *counters, size_t n, int first) {
	if (first) json_first_key(out, key);
	else json_key(out, key);
	append_text(out, "{");
	for (size_t i = 0; i < n; i++) {
		uint64_t value;
		memcpy(&value, (const char *)stats + counters[i].offset, sizeof value);
		if (i == 0) json_first_key(out, counters[i].key);
		else json_key(out, counters[i].key);
		// JSON numbers past 2^53 lose precision in JavaScript; ip prints them as integers all the same.
		char text[24];
		snprintf(text, sizeof text, "%llu", (unsigned long long)value);
		append_text(out, text);
	}
	append_text(out, "}");
}

void link_stats_json(const char *messages, size_t length, struct buffer *out) {
	append_text(out, "[");
	int first = 1;
	int remaining = (int)length;
	for (const struct nlmsghdr *nh = (const struct nlmsghdr *)messages; NLMSG_OK(nh, remaining); nh = NLMSG_NEXT(nh, remaining)) {
		if (nh->nlmsg_type != RTM_NEWLINK) continue;
		const struct ifinfomsg *ifi = NLMSG_DATA(nh);
		struct attrs a;
		find_attrs(IFLA_RTA(ifi), (int)IFLA_PAYLOAD(nh), &a);
		if (!first) append_text(out, ",");
		first = 0;
		append_text(out, "{");
		json_first_key(out, "ifindex");
		json_number(out, ifi->ifi_index);
		json_key(out, "ifname");
		if (a.by_type[IFLA_IFNAME]) json_attr_string(out, a.by_type[IFLA_IFNAME]);
		else append_text(out, "\"\"");
		const struct rtattr *stats = a.by_type[IFLA_STATS64];
		if (stats && RTA_PAYLOAD(stats) >= offsetof(struct rtnl_link_stats64, rx_compressed)) {
			// Older kernels send a shorter struct: copy what came, zero the rest.
			struct rtnl_link_stats64 s;
			memset(&s, 0, sizeof s);
			size_t n = RTA_PAYLOAD(stats) < sizeof s ? RTA_PAYLOAD(stats) : sizeof s;
			memcpy(&s, RTA_DATA(stats), n);
			json_key(out, "stats64");
			append_text(out, "{");
			json_counters(out, "rx", &s, RX, sizeof RX / sizeof RX[0], 1);
			json_counters(out, "tx", &s, TX, sizeof TX / sizeof TX[0], 0);
			append_text(out, "}");
		}
		append_text(out, "}");
	}
	append_text(out, "]");
}
