// The words of a route beyond its destination and path (tos, from, nhid, metrics, expires) and nexthop
// objects (`ip -j -d nexthop show`), in the keys and values iproute2 prints (ip/iproute.c print_route and
// print_rta_metrics, ip/ipnexthop.c print_nexthop). test/kernel/netdump.test.ts holds them to ip's.
#include <linux/nexthop.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

#include "netlink-attrs.h"
#include "route-json.h"

static void json_address(struct buffer *out, const char *key, const struct rtattr *rta) {
	char text[64];
	address_text(RTA_DATA(rta), RTA_PAYLOAD(rta), text, sizeof text);
	json_key(out, key);
	json_string(out, text);
}

/* ip's JSON names of route metrics, by RTAX_* number (mx_names); NULL for those nsdeck leaves out. */
static const char *METRIC_NAMES[] = {
	[RTAX_MTU] = "mtu", [RTAX_WINDOW] = "window", [RTAX_RTT] = "rtt", [RTAX_RTTVAR] = "rttvar",
	[RTAX_SSTHRESH] = "ssthresh", [RTAX_CWND] = "cwnd", [RTAX_ADVMSS] = "advmss", [RTAX_REORDERING] = "reordering",
	[RTAX_HOPLIMIT] = "hoplimit", [RTAX_INITCWND] = "initcwnd", [RTAX_RTO_MIN] = "rto_min", [RTAX_INITRWND] = "initrwnd",
	[RTAX_QUICKACK] = "quickack", [RTAX_CC_ALGO] = "congestion", [RTAX_FASTOPEN_NO_COOKIE] = "fastopen_no_cookie",
};

/* "metrics":[{"mtu":1400,…}]: the kernel keeps rtt in 1/8 ms and rttvar in 1/4 ms; ip prints ms. */
static void json_metrics(struct buffer *out, const struct rtattr *metrics) {
	json_key(out, "metrics");
	append_text(out, "[{");
	int first = 1;
	int remaining = (int)RTA_PAYLOAD(metrics);
	for (const struct rtattr *rta = RTA_DATA(metrics); RTA_OK(rta, remaining); rta = RTA_NEXT(rta, remaining)) {
		unsigned type = ATTR_TYPE(rta);
		if (type >= sizeof METRIC_NAMES / sizeof METRIC_NAMES[0] || !METRIC_NAMES[type]) continue;
		if (first) json_first_key(out, METRIC_NAMES[type]);
		else json_key(out, METRIC_NAMES[type]);
		first = 0;
		if (type == RTAX_CC_ALGO) {
			json_attr_string(out, rta);
			continue;
		}
		uint32_t value = attr_u32(rta);
		json_number(out, type == RTAX_RTT ? value / 8 : type == RTAX_RTTVAR ? value / 4 : value);
	}
	append_text(out, "}]");
}

/* `rtm_src_len` bits of RTA_SRC as ip prints "from": the prefix, or the address alone for a host. */
static void json_from(struct buffer *out, const struct rtmsg *rtm, const struct rtattr *src) {
	unsigned host_length = rtm->rtm_family == AF_INET ? 32 : 128;
	char text[64], prefix[80];
	if (src) address_text(RTA_DATA(src), RTA_PAYLOAD(src), text, sizeof text);
	else snprintf(text, sizeof text, "0");
	if (src && rtm->rtm_src_len == host_length) snprintf(prefix, sizeof prefix, "%s", text);
	else snprintf(prefix, sizeof prefix, "%s/%u", text, rtm->rtm_src_len);
	json_key(out, "from");
	json_string(out, prefix);
}

void json_route_words(struct buffer *out, const struct rtmsg *rtm, const struct rtattr *const *a) {
	if (a[RTA_SRC] || rtm->rtm_src_len) json_from(out, rtm, a[RTA_SRC]);
	if (rtm->rtm_tos) {
		// A number: nsdeck names it from /etc/iproute2/rt_dsfield, or writes it as 0x10, as ip does.
		json_key(out, "tos");
		json_number(out, rtm->rtm_tos);
	}
	if (a[RTA_NH_ID]) {
		json_key(out, "nhid");
		json_number(out, attr_u32(a[RTA_NH_ID]));
	}
	if (a[RTA_CACHEINFO] && RTA_PAYLOAD(a[RTA_CACHEINFO]) >= sizeof(struct rta_cacheinfo)) {
		struct rta_cacheinfo info;
		memcpy(&info, RTA_DATA(a[RTA_CACHEINFO]), sizeof info);
		long hz = sysconf(_SC_CLK_TCK);
		if (info.rta_expires) {
			json_key(out, "expires");
			json_number(out, (int32_t)info.rta_expires / (hz > 0 ? hz : 100));
		}
	}
	if (a[RTA_METRICS]) json_metrics(out, a[RTA_METRICS]);
}

void json_nexthop(struct buffer *out, const struct links *links, const struct nlmsghdr *nh, int *first) {
	if (nh->nlmsg_len < NLMSG_LENGTH(sizeof(struct nhmsg))) return;
	const struct nhmsg *nhm = NLMSG_DATA(nh);
	struct attrs attrs;
	find_attrs((const struct rtattr *)((const char *)nhm + NLMSG_ALIGN(sizeof *nhm)), (int)(nh->nlmsg_len - NLMSG_LENGTH(sizeof *nhm)), &attrs);
	const struct rtattr *const *a = attrs.by_type;
	if (!a[NHA_ID]) return;
	if (!*first) append(out, ",", 1);
	*first = 0;
	append(out, "{", 1);
	json_first_key(out, "id");
	json_number(out, attr_u32(a[NHA_ID]));
	if (a[NHA_GROUP]) {
		json_key(out, "group");
		append(out, "[", 1);
		const struct nexthop_grp *member = RTA_DATA(a[NHA_GROUP]);
		size_t count = RTA_PAYLOAD(a[NHA_GROUP]) / sizeof *member;
		for (size_t i = 0; i < count; i++) {
			append_text(out, i ? ",{" : "{");
			json_first_key(out, "id");
			json_number(out, member[i].id);
			// The kernel keeps weight - 1; ip prints a weight only where it is not 1.
			if (member[i].weight) {
				json_key(out, "weight");
				json_number(out, member[i].weight + 1);
			}
			append(out, "}", 1);
		}
		append(out, "]", 1);
	}
	if (a[NHA_GROUP_TYPE] && attr_u16(a[NHA_GROUP_TYPE]) == NEXTHOP_GRP_TYPE_RES) {
		json_key(out, "type");
		json_string(out, "resilient");
	}
	if (a[NHA_GATEWAY]) json_address(out, "gateway", a[NHA_GATEWAY]);
	if (a[NHA_OIF]) {
		json_key(out, "dev");
		json_link_name(out, links, (int)attr_u32(a[NHA_OIF]));
	}
	// A number: nsdeck names it from /etc/iproute2 as ip does (source/model/parse-route.ts).
	json_key(out, "scope");
	json_number(out, nhm->nh_scope);
	if (a[NHA_BLACKHOLE]) append_text(out, ",\"blackhole\":null");
	json_key(out, "protocol");
	json_number(out, nhm->nh_protocol);
	json_route_flags(out, nhm->nh_flags);
	if (a[NHA_FDB]) append_text(out, ",\"fdb\":null");
	append(out, "}", 1);
}
