// Links, addresses and routes from raw rtnetlink dumps, as JSON records that match what nsdeck's parser
// makes of `ip -j -d addr` and `ip -j route show table all` (source/model/parse.ts). Each field follows
// what ip prints (iproute2's print_linkinfo, print_addrinfo, print_route); a kernel test compares both
// readers record by record (test/kernel/netdump.test.ts).
//
// Why in C: nsdeck reads the host while its first frame waits, and a busy host has thousands of links.
// Decoding them in JavaScript, before the JIT has warmed up, took ~60 ms of the main thread; JSON.parse
// of the same records takes ~8 ms, and the formatting here runs on the other core.
#include "netlink-json.h"

#include <arpa/inet.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <stdint.h>

#define ATTR_TYPE(rta) ((rta)->rta_type & NLA_TYPE_MASK)

/* Every attribute nsdeck reads has a type below this. */
#define ATTR_SLOTS 64

/* A message's attributes by type; the first of a repeated type. */
struct attrs {
	const struct rtattr *by_type[ATTR_SLOTS];
};

static void find_attrs(const struct rtattr *rta, int remaining, struct attrs *found) {
	memset(found, 0, sizeof *found);
	for (; RTA_OK(rta, remaining); rta = RTA_NEXT(rta, remaining)) {
		unsigned type = ATTR_TYPE(rta);
		if (type < ATTR_SLOTS && !found->by_type[type]) found->by_type[type] = rta;
	}
}

/* A 32-bit attribute; 0 if it is too short to hold one (never from a sane kernel). */
static uint32_t attr_u32(const struct rtattr *rta) {
	uint32_t value = 0;
	if (RTA_PAYLOAD(rta) >= sizeof value) memcpy(&value, RTA_DATA(rta), sizeof value);
	return value;
}

/* ---- JSON output ---- */

void json_string_n(struct buffer *out, const char *text, size_t n) {
	append(out, "\"", 1);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == '"' || c == '\\') {
			char escaped[2] = {'\\', (char)c};
			append(out, escaped, 2);
		} else if (c < 0x20) {
			char escaped[7];
			snprintf(escaped, sizeof escaped, "\\u%04x", c);
			append(out, escaped, 6);
		} else {
			append(out, &c, 1); // UTF-8 passes through; nsdeck decodes it as ip's JSON would be.
		}
	}
	append(out, "\"", 1);
}

static void json_string(struct buffer *out, const char *text) {
	json_string_n(out, text, strlen(text));
}

/* A NUL-terminated string attribute (it may lack the NUL). */
static void json_attr_string(struct buffer *out, const struct rtattr *rta) {
	const char *text = RTA_DATA(rta);
	size_t max = RTA_PAYLOAD(rta);
	json_string_n(out, text, strnlen(text, max));
}

/* The separator before an item of a list or object: none before its first. */
static void json_next(struct buffer *out, int *first) {
	if (!*first) append(out, ",", 1);
	*first = 0;
}

static void json_key(struct buffer *out, const char *key) {
	append(out, ",\"", 2);
	append_text(out, key);
	append(out, "\":", 2);
}

static void json_number(struct buffer *out, long long value) {
	char text[24];
	int n = snprintf(text, sizeof text, "%lld", value);
	append(out, text, (size_t)n);
}

/* aa:bb:cc…, as ip writes link-layer addresses. */
static void hex_text(const unsigned char *bytes, size_t length, char *text, size_t size) {
	size_t at = 0;
	text[0] = '\0';
	for (size_t i = 0; i < length && at + 4 < size; i++) at += (size_t)snprintf(text + at, size - at, i ? ":%02x" : "%02x", bytes[i]);
}

/* IPv4 and IPv6 as inet_ntop (and so ip) writes them; other lengths as hex bytes (never seen in practice). */
static void address_text(const unsigned char *bytes, size_t length, char *text, size_t size) {
	if ((length == 4 && inet_ntop(AF_INET, bytes, text, (socklen_t)size)) || (length == 16 && inet_ntop(AF_INET6, bytes, text, (socklen_t)size))) return;
	hex_text(bytes, length, text, size);
}

/* ---- links ---- */

struct link {
	int index;
	unsigned type, flags;
	struct attrs attrs;
};

/* An address message, and where it came in the dump (a link's addresses keep the dump's order). */
struct address {
	const struct nlmsghdr *nh;
	size_t position;
};

/*
 * The namespace's links in dump order, plus lookups sorted by ifindex: a busy host has thousands of
 * links, addresses and routes, and scanning for each of them was quadratic.
 */
struct links {
	struct link *items;
	size_t count, capacity;
	const struct link **by_index;
	struct address *addresses;
	size_t address_count, address_capacity;
};

static int compare_links(const void *a, const void *b) {
	int x = (*(const struct link *const *)a)->index, y = (*(const struct link *const *)b)->index;
	return (x > y) - (x < y);
}

static int address_index(const struct address *a) {
	return (int)((const struct ifaddrmsg *)NLMSG_DATA(a->nh))->ifa_index;
}

static int compare_addresses(const void *a, const void *b) {
	const struct address *x = a, *y = b;
	int i = address_index(x), j = address_index(y);
	if (i != j) return (i > j) - (i < j);
	return (x->position > y->position) - (x->position < y->position);
}

static const struct link *link_by_index(const struct links *links, int index) {
	size_t low = 0, high = links->count;
	while (low < high) {
		size_t middle = (low + high) / 2;
		int at = links->by_index[middle]->index;
		if (at == index) return links->by_index[middle];
		if (at < index) low = middle + 1;
		else high = middle;
	}
	return NULL;
}

static void *grow(void *items, size_t *capacity, size_t size) {
	*capacity = *capacity ? *capacity * 2 : 64;
	items = realloc(items, *capacity * size);
	if (!items) {
		perror("nsdeck-netdump");
		exit(1);
	}
	return items;
}

/* The name ip prints for ifindex `index`: the link's name, or if<index> when it is not in this namespace. */
static void json_link_name(struct buffer *out, const struct links *links, int index) {
	const struct link *link = link_by_index(links, index);
	if (link && link->attrs.by_type[IFLA_IFNAME]) {
		json_attr_string(out, link->attrs.by_type[IFLA_IFNAME]);
		return;
	}
	char text[24];
	snprintf(text, sizeof text, "if%d", index);
	json_string(out, text);
}

/* ip's order of link flags (print_link_flags); RUNNING is never printed. */
static const struct {
	const char *name;
	unsigned bit;
} LINK_FLAGS[] = {
	{"LOOPBACK", IFF_LOOPBACK}, {"BROADCAST", IFF_BROADCAST}, {"POINTOPOINT", IFF_POINTOPOINT}, {"MULTICAST", IFF_MULTICAST},
	{"NOARP", IFF_NOARP}, {"ALLMULTI", IFF_ALLMULTI}, {"PROMISC", IFF_PROMISC}, {"MASTER", IFF_MASTER},
	{"SLAVE", IFF_SLAVE}, {"DEBUG", IFF_DEBUG}, {"DYNAMIC", IFF_DYNAMIC}, {"AUTOMEDIA", IFF_AUTOMEDIA},
	{"PORTSEL", IFF_PORTSEL}, {"NOTRAILERS", IFF_NOTRAILERS}, {"UP", IFF_UP}, {"LOWER_UP", 0x10000},
	{"DORMANT", 0x20000}, {"ECHO", 0x40000},
};
static const char *OPER_STATES[] = {"UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP"};

static int no_carrier(unsigned flags) {
	return (flags & IFF_UP) && !(flags & IFF_RUNNING);
}

static void json_link_flags(struct buffer *out, unsigned flags, int master_down) {
	unsigned known = IFF_RUNNING;
	int first = 1;
	append(out, "[", 1);
	if (no_carrier(flags)) {
		json_next(out, &first);
		json_string(out, "NO-CARRIER");
	}
	for (size_t i = 0; i < sizeof LINK_FLAGS / sizeof LINK_FLAGS[0]; i++) {
		known |= LINK_FLAGS[i].bit;
		if (!(flags & LINK_FLAGS[i].bit)) continue;
		json_next(out, &first);
		json_string(out, LINK_FLAGS[i].name);
	}
	if (flags & ~known) {
		char rest[16];
		snprintf(rest, sizeof rest, "%x", flags & ~known);
		json_next(out, &first);
		json_string(out, rest);
	}
	if (master_down) {
		json_next(out, &first);
		json_string(out, "M-DOWN");
	}
	append(out, "]", 1);
}

/* Link-layer address; tunnels whose address is an IP address print it as one (ip's ll_addr_n2a). */
static void json_mac(struct buffer *out, const struct rtattr *rta, unsigned type) {
	const unsigned char *bytes = RTA_DATA(rta);
	size_t length = RTA_PAYLOAD(rta);
	char text[3 * 32]; // The longest link-layer addresses (InfiniBand) have 20 bytes.
	int ipv4_tunnel = type == ARPHRD_TUNNEL || type == ARPHRD_IPGRE || type == ARPHRD_SIT;
	int ipv6_tunnel = type == ARPHRD_TUNNEL6 || type == 823; // ARPHRD_IP6GRE, missing from glibc's net/if_arp.h
	if ((length == 4 && ipv4_tunnel) || (length == 16 && ipv6_tunnel)) address_text(bytes, length, text, sizeof text);
	else hex_text(bytes, length, text, sizeof text);
	json_string(out, text);
}

/* The addresses of link `index`, in dump order: {"family","local","prefixlen","scope","cidr"}. */
static void json_addresses(struct buffer *out, const struct links *links, int index) {
	// The first address of this link in the sorted list, then every one after it with the same index.
	size_t low = 0, high = links->address_count;
	while (low < high) {
		size_t middle = (low + high) / 2;
		if (address_index(&links->addresses[middle]) < index) low = middle + 1;
		else high = middle;
	}
	int first = 1;
	append(out, "[", 1);
	for (size_t i = low; i < links->address_count && address_index(&links->addresses[i]) == index; i++) {
		const struct nlmsghdr *nh = links->addresses[i].nh;
		const struct ifaddrmsg *ifa = NLMSG_DATA(nh);
		if (ifa->ifa_family != AF_INET && ifa->ifa_family != AF_INET6) continue;
		struct attrs attrs;
		find_attrs(IFA_RTA(ifa), (int)IFA_PAYLOAD(nh), &attrs);
		const struct rtattr *local = attrs.by_type[IFA_LOCAL] ? attrs.by_type[IFA_LOCAL] : attrs.by_type[IFA_ADDRESS];
		if (!local) continue;
		char text[64];
		address_text(RTA_DATA(local), RTA_PAYLOAD(local), text, sizeof text);
		json_next(out, &first);
		append_text(out, ifa->ifa_family == AF_INET ? "{\"family\":4" : "{\"family\":6");
		json_key(out, "local");
		json_string(out, text);
		json_key(out, "prefixlen");
		json_number(out, ifa->ifa_prefixlen);
		json_key(out, "scope");
		json_number(out, ifa->ifa_scope);
		char cidr[80];
		snprintf(cidr, sizeof cidr, "%s/%u", text, ifa->ifa_prefixlen);
		json_key(out, "cidr");
		json_string(out, cidr);
		append(out, "}", 1);
	}
	append(out, "]", 1);
}

static void json_link(struct buffer *out, const struct links *links, const struct link *link) {
	const struct rtattr *const *a = link->attrs.by_type;
	int has_iflink = a[IFLA_LINK] != NULL;
	int iflink = has_iflink ? (int)attr_u32(a[IFLA_LINK]) : 0;
	int has_netnsid = a[IFLA_LINK_NETNSID] != NULL;
	int netnsid = has_netnsid ? (int)attr_u32(a[IFLA_LINK_NETNSID]) : 0;
	// As ip prints it: the peer's ifindex when it lives elsewhere, its name when it lives here.
	int across = has_iflink && iflink != 0 && has_netnsid;
	int here = has_iflink && iflink != 0 && !has_netnsid;
	// ip marks M-DOWN when the link it is stacked on (here) is down, or unknown.
	const struct link *lower = here ? link_by_index(links, iflink) : NULL;
	int master_down = here && !(lower && (lower->flags & IFF_UP));

	append(out, "{\"ifindex\":", 11);
	json_number(out, link->index);
	json_key(out, "name");
	if (a[IFLA_IFNAME]) json_attr_string(out, a[IFLA_IFNAME]);
	else json_string(out, "?");
	json_key(out, "kind");
	struct attrs info = {0};
	if (a[IFLA_LINKINFO]) find_attrs(RTA_DATA(a[IFLA_LINKINFO]), (int)RTA_PAYLOAD(a[IFLA_LINKINFO]), &info);
	if (info.by_type[IFLA_INFO_KIND]) json_attr_string(out, info.by_type[IFLA_INFO_KIND]);
	else json_string(out, link->type == ARPHRD_LOOPBACK ? "loopback" : "device");
	json_key(out, "state");
	unsigned operstate = a[IFLA_OPERSTATE] && RTA_PAYLOAD(a[IFLA_OPERSTATE]) >= 1 ? *(const unsigned char *)RTA_DATA(a[IFLA_OPERSTATE]) : 0;
	json_string(out, operstate < sizeof OPER_STATES / sizeof OPER_STATES[0] ? OPER_STATES[operstate] : "UNKNOWN");
	json_key(out, "flags");
	json_link_flags(out, link->flags, master_down);
	json_key(out, "adminUp");
	append_text(out, link->flags & IFF_UP ? "true" : "false");
	json_key(out, "noCarrier");
	append_text(out, no_carrier(link->flags) ? "true" : "false");
	json_key(out, "mac");
	if (a[IFLA_ADDRESS]) json_mac(out, a[IFLA_ADDRESS], link->type);
	else json_string(out, "");
	json_key(out, "mtu");
	json_number(out, a[IFLA_MTU] ? attr_u32(a[IFLA_MTU]) : 0);
	if (a[IFLA_MASTER]) {
		json_key(out, "master");
		json_link_name(out, links, (int)attr_u32(a[IFLA_MASTER]));
	}
	json_key(out, "addresses");
	json_addresses(out, links, link->index);
	if (across || has_netnsid || here) {
		json_key(out, "peerHint");
		append(out, "{", 1);
		int first = 1;
		if (across) {
			json_next(out, &first);
			append_text(out, "\"ifindex\":");
			json_number(out, iflink);
		}
		if (has_netnsid) {
			json_next(out, &first);
			append_text(out, "\"netnsid\":");
			json_number(out, netnsid);
		}
		if (here) {
			json_next(out, &first);
			append_text(out, "\"name\":");
			json_link_name(out, links, iflink);
		}
		append(out, "}", 1);
	}
	append(out, "}", 1);
}

/* ---- routes ---- */

/* ip's route type names (rtnl_rtntype_n2a), by RTN_* number. */
static const char *ROUTE_TYPES[] = {"0", "unicast", "local", "broadcast", "anycast", "multicast", "blackhole", "unreachable", "prohibit", "throw", "nat", "xresolve"};
/* ip's order of route flags (print_rt_flags). */
static const struct {
	const char *name;
	unsigned bit;
} ROUTE_FLAGS[] = {
	{"dead", RTNH_F_DEAD}, {"onlink", RTNH_F_ONLINK}, {"pervasive", RTNH_F_PERVASIVE}, {"offload", 0x8},
	{"trap", 0x40}, {"notify", RTM_F_NOTIFY}, {"linkdown", 0x10}, {"unresolved", 0x20},
	{"rt_offload", 0x4000}, {"rt_trap", 0x8000}, {"rt_offload_failed", 0x20000000},
};

static void json_address_attr(struct buffer *out, const char *key, const struct rtattr *rta) {
	char text[64];
	address_text(RTA_DATA(rta), RTA_PAYLOAD(rta), text, sizeof text);
	json_key(out, key);
	json_string(out, text);
}

/* One route, or nothing for what nsdeck never shows: cached clones, the local table, multicast. */
static void json_route(struct buffer *out, const struct links *links, const struct nlmsghdr *nh, int *first) {
	if (nh->nlmsg_len < NLMSG_LENGTH(sizeof(struct rtmsg))) return;
	const struct rtmsg *rtm = NLMSG_DATA(nh);
	if (rtm->rtm_family != AF_INET && rtm->rtm_family != AF_INET6) return;
	if (rtm->rtm_flags & RTM_F_CLONED) return; // ip shows cached clones only with `route show cache`.
	if (rtm->rtm_table == RT_TABLE_LOCAL || rtm->rtm_type == RTN_MULTICAST) return;
	struct attrs attrs;
	find_attrs(RTM_RTA(rtm), (int)RTM_PAYLOAD(nh), &attrs);
	const struct rtattr *const *a = attrs.by_type;

	json_next(out, first);
	append_text(out, rtm->rtm_family == AF_INET ? "{\"family\":4" : "{\"family\":6");
	json_key(out, "dst");
	unsigned host_length = rtm->rtm_family == AF_INET ? 32 : 128;
	char dst[80];
	if (a[RTA_DST]) {
		char text[64];
		address_text(RTA_DATA(a[RTA_DST]), RTA_PAYLOAD(a[RTA_DST]), text, sizeof text);
		if (rtm->rtm_dst_len == host_length) snprintf(dst, sizeof dst, "%s", text);
		else snprintf(dst, sizeof dst, "%s/%u", text, rtm->rtm_dst_len);
	} else if (rtm->rtm_dst_len) {
		snprintf(dst, sizeof dst, "0/%u", rtm->rtm_dst_len);
	} else {
		snprintf(dst, sizeof dst, "default");
	}
	json_string(out, dst);
	if (a[RTA_GATEWAY]) json_address_attr(out, "gateway", a[RTA_GATEWAY]);
	if (a[RTA_OIF]) {
		json_key(out, "dev");
		json_link_name(out, links, (int)attr_u32(a[RTA_OIF]));
	}
	json_key(out, "table");
	json_number(out, a[RTA_TABLE] ? attr_u32(a[RTA_TABLE]) : rtm->rtm_table);
	json_key(out, "type");
	if (rtm->rtm_type < sizeof ROUTE_TYPES / sizeof ROUTE_TYPES[0]) {
		json_string(out, ROUTE_TYPES[rtm->rtm_type]);
	} else {
		char text[8];
		snprintf(text, sizeof text, "%u", rtm->rtm_type);
		json_string(out, text);
	}
	json_key(out, "protocol");
	json_number(out, rtm->rtm_protocol);
	json_key(out, "scope");
	json_number(out, rtm->rtm_scope);
	if (a[RTA_PRIORITY]) {
		json_key(out, "metric");
		json_number(out, attr_u32(a[RTA_PRIORITY]));
	}
	if (a[RTA_PREFSRC]) json_address_attr(out, "prefsrc", a[RTA_PREFSRC]);
	json_key(out, "flags");
	append(out, "[", 1);
	int first_flag = 1;
	for (size_t i = 0; i < sizeof ROUTE_FLAGS / sizeof ROUTE_FLAGS[0]; i++) {
		if (!(rtm->rtm_flags & ROUTE_FLAGS[i].bit)) continue;
		json_next(out, &first_flag);
		json_string(out, ROUTE_FLAGS[i].name);
	}
	append(out, "]}", 2);
}

void namespace_json(const char *messages, size_t length, const struct buffer *nsids, struct buffer *out) {
	struct links links = {0};
	int remaining = (int)length;
	size_t position = 0;
	for (const struct nlmsghdr *nh = (const struct nlmsghdr *)messages; NLMSG_OK(nh, remaining); nh = NLMSG_NEXT(nh, remaining), position++) {
		if (nh->nlmsg_type == RTM_NEWADDR && nh->nlmsg_len >= NLMSG_LENGTH(sizeof(struct ifaddrmsg))) {
			if (links.address_count == links.address_capacity) links.addresses = grow(links.addresses, &links.address_capacity, sizeof *links.addresses);
			links.addresses[links.address_count++] = (struct address){nh, position};
		}
		if (nh->nlmsg_type != RTM_NEWLINK || nh->nlmsg_len < NLMSG_LENGTH(sizeof(struct ifinfomsg))) continue;
		if (links.count == links.capacity) links.items = grow(links.items, &links.capacity, sizeof *links.items);
		const struct ifinfomsg *ifi = NLMSG_DATA(nh);
		struct link *link = &links.items[links.count++];
		link->index = ifi->ifi_index;
		link->type = ifi->ifi_type;
		link->flags = ifi->ifi_flags;
		find_attrs(IFLA_RTA(ifi), (int)IFLA_PAYLOAD(nh), &link->attrs);
	}
	links.by_index = malloc((links.count ? links.count : 1) * sizeof *links.by_index);
	if (!links.by_index) {
		perror("nsdeck-netdump");
		exit(1);
	}
	for (size_t i = 0; i < links.count; i++) links.by_index[i] = &links.items[i];
	qsort(links.by_index, links.count, sizeof *links.by_index, compare_links);
	qsort(links.addresses, links.address_count, sizeof *links.addresses, compare_addresses);

	append_text(out, "{\"links\":[");
	for (size_t i = 0; i < links.count; i++) {
		if (i) append(out, ",", 1);
		json_link(out, &links, &links.items[i]);
	}
	append_text(out, "],\"routes\":[");
	int first = 1;
	remaining = (int)length;
	for (const struct nlmsghdr *nh = (const struct nlmsghdr *)messages; NLMSG_OK(nh, remaining); nh = NLMSG_NEXT(nh, remaining)) {
		if (nh->nlmsg_type == RTM_NEWROUTE) json_route(out, &links, nh, &first);
	}
	append_text(out, "]");
	if (nsids) {
		append_text(out, ",\"nsids\":");
		append(out, nsids->data, nsids->length);
	}
	append_text(out, "}");
	free(links.items);
	free(links.by_index);
	free(links.addresses);
}
