// Links, addresses and routes from raw rtnetlink dumps, as the JSON records `ip -j -d addr` and
// `ip -j -d route show table all` print: the same keys and values (a subset of ip's), so that nsdeck has
// one parser for both readers (source/model/parse.ts). Each field follows iproute2's printing code
// (print_linkinfo, print_addrinfo, print_route, and the kinds' print_opt in ip/iplink_*.c); a kernel test
// compares the helper's records with ip's, key by key (test/kernel/netdump.test.ts).
//
// Why in C: nsdeck reads the host while its first frame waits, and a busy host has thousands of links.
// Decoding them in JavaScript, before the JIT has warmed up, took ~60 ms of the main thread; JSON.parse
// of the same records takes ~8 ms, and the formatting here runs on the other core.
#include "netlink-json.h"
#include "fdb-json.h"
#include "route-json.h"
#include "netlink-attrs.h"

#include <arpa/inet.h>
#include <linux/fib_rules.h>
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/netconf.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <stdint.h>

/* ---- JSON output ---- */

/* The length of the well-formed UTF-8 sequence at text[i] (1-4), or 0 when the byte there starts none. */
static size_t utf8_length(const unsigned char *text, size_t i, size_t n) {
	unsigned char c = text[i];
	size_t len = c < 0x80 ? 1 : (c >= 0xc2 && c <= 0xdf) ? 2 : (c >= 0xe0 && c <= 0xef) ? 3 : (c >= 0xf0 && c <= 0xf4) ? 4 : 0;
	if (len == 0 || i + len > n) return 0;
	for (size_t k = 1; k < len; k++)
		if ((text[i + k] & 0xc0) != 0x80) return 0;
	/* Overlong forms, UTF-16 surrogates and code points past U+10FFFF are no UTF-8 either. */
	if (c == 0xe0 && text[i + 1] < 0xa0) return 0;
	if (c == 0xed && text[i + 1] > 0x9f) return 0;
	if (c == 0xf0 && text[i + 1] < 0x90) return 0;
	if (c == 0xf4 && text[i + 1] > 0x8f) return 0;
	return len;
}

/*
 * A name is bytes, not always UTF-8 (x\xff is a valid interface name). JSON holds text, and a decoder
 * would turn every stray byte into U+FFFD, so x\xff and x\xef\xbf\xbd would read alike and a change to
 * one would aim at the other. A byte that starts no UTF-8 sequence is written as the lone surrogate
 * \udcXX (as Python's surrogateescape does): nsdeck tells it apart, shows it as \xXX, and changes nothing
 * named with it.
 */
void json_string_n(struct buffer *out, const char *text, size_t n) {
	const unsigned char *bytes = (const unsigned char *)text;
	append(out, "\"", 1);
	for (size_t i = 0; i < n;) {
		unsigned char c = bytes[i];
		size_t len = utf8_length(bytes, i, n);
		if (c == '"' || c == '\\') {
			char escaped[2] = {'\\', (char)c};
			append(out, escaped, 2);
		} else if (c < 0x20 || len == 0) {
			char escaped[7];
			snprintf(escaped, sizeof escaped, "\\u%04x", len == 0 ? 0xdc00 + c : c);
			append(out, escaped, 6);
			len = 1;
		} else {
			append(out, text + i, len);
		}
		i += len;
	}
	append(out, "\"", 1);
}

void json_string(struct buffer *out, const char *text) {
	json_string_n(out, text, strlen(text));
}

/* A NUL-terminated string attribute (it may lack the NUL). */
void json_attr_string(struct buffer *out, const struct rtattr *rta) {
	const char *text = RTA_DATA(rta);
	size_t max = RTA_PAYLOAD(rta);
	json_string_n(out, text, strnlen(text, max));
}

/* The separator before an item of a list or object: none before its first. */
void json_next(struct buffer *out, int *first) {
	if (!*first) append(out, ",", 1);
	*first = 0;
}

void json_key(struct buffer *out, const char *key) {
	append(out, ",\"", 2);
	append_text(out, key);
	append(out, "\":", 2);
}

void json_number(struct buffer *out, long long value) {
	char text[24];
	int n = snprintf(text, sizeof text, "%lld", value);
	append(out, text, (size_t)n);
}

/* aa:bb:cc…, as ip writes link-layer addresses. */
void hex_text(const unsigned char *bytes, size_t length, char *text, size_t size) {
	size_t at = 0;
	text[0] = '\0';
	for (size_t i = 0; i < length && at + 4 < size; i++) at += (size_t)snprintf(text + at, size - at, i ? ":%02x" : "%02x", bytes[i]);
}

/* IPv4 and IPv6 as inet_ntop (and so ip) writes them; other lengths as hex bytes (never seen in practice). */
void address_text(const unsigned char *bytes, size_t length, char *text, size_t size) {
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
void json_link_name(struct buffer *out, const struct links *links, int index) {
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

/* `"key":` as an object's first member (json_key writes the comma before the others). */
void json_first_key(struct buffer *out, const char *key) {
	append(out, "\"", 1);
	append_text(out, key);
	append(out, "\":", 2);
}

static void json_true(struct buffer *out, const char *key) {
	json_key(out, key);
	append_text(out, "true");
}

/* ip's names of address flags (print_ifa_flags), as JSON booleans; "dynamic" is PERMANENT's absence. */
static const struct {
	const char *name;
	unsigned bit;
} ADDRESS_FLAGS[] = {
	{"secondary", 0x01}, {"nodad", 0x02}, {"optimistic", 0x04}, {"dadfailed", 0x08}, {"home", 0x10}, {"deprecated", 0x20},
	{"tentative", 0x40}, {"permanent", 0x80}, {"mngtmpaddr", 0x100}, {"noprefixroute", 0x200}, {"autojoin", 0x400}, {"stable-privacy", 0x800},
};

/* The addresses of link `index`, in dump order, as ip -j -d addr writes addr_info (without lifetimes). */
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
		append_text(out, ifa->ifa_family == AF_INET ? "{\"family\":\"inet\"" : "{\"family\":\"inet6\"");
		json_key(out, "local");
		json_string(out, text);
		json_key(out, "prefixlen");
		json_number(out, ifa->ifa_prefixlen);
		// A number: nsdeck names it from /etc/iproute2 as ip does (source/model/parse.ts).
		json_key(out, "scope");
		json_number(out, ifa->ifa_scope);
		unsigned flags = attrs.by_type[IFA_FLAGS] ? attr_u32(attrs.by_type[IFA_FLAGS]) : ifa->ifa_flags;
		for (size_t f = 0; f < sizeof ADDRESS_FLAGS / sizeof ADDRESS_FLAGS[0]; f++) {
			unsigned bit = ADDRESS_FLAGS[f].bit;
			if (bit == 0x80) {
				if (!(flags & bit)) json_true(out, "dynamic");
			} else if (flags & bit) {
				json_true(out, bit == 0x01 && ifa->ifa_family == AF_INET6 ? "temporary" : ADDRESS_FLAGS[f].name);
			}
		}
		if (attrs.by_type[IFA_LABEL]) {
			json_key(out, "label");
			json_attr_string(out, attrs.by_type[IFA_LABEL]);
		}
		append(out, "}", 1);
	}
	append(out, "]", 1);
}

/* ip's names of link types (lib/ll_types.c), for those a network namespace holds in practice. */
static const struct {
	unsigned type;
	const char *name;
} LINK_TYPES[] = {
	{ARPHRD_ETHER, "ether"}, {ARPHRD_LOOPBACK, "loopback"}, {ARPHRD_NONE, "none"}, {ARPHRD_TUNNEL, "ipip"},
	{ARPHRD_TUNNEL6, "tunnel6"}, {ARPHRD_SIT, "sit"}, {ARPHRD_IPGRE, "gre"}, {823, "gre6"}, {ARPHRD_INFINIBAND, "infiniband"},
	{ARPHRD_PPP, "ppp"}, {ARPHRD_IEEE80211, "ieee802.11"}, {ARPHRD_IEEE80211_RADIOTAP, "ieee802.11/radiotap"}, {ARPHRD_CAN, "can"},
	{ARPHRD_VOID, "void"}, {ARPHRD_IPDDP, "ipddp"}, {824, "netlink"}, {519, "rawip"}, // ARPHRD_NETLINK, ARPHRD_RAWIP: missing from glibc's net/if_arp.h
};

static void json_link_type(struct buffer *out, unsigned type) {
	json_key(out, "link_type");
	for (size_t i = 0; i < sizeof LINK_TYPES / sizeof LINK_TYPES[0]; i++) {
		if (LINK_TYPES[i].type == type) {
			json_string(out, LINK_TYPES[i].name);
			return;
		}
	}
	char text[16];
	snprintf(text, sizeof text, "[%u]", type);
	json_string(out, text);
}

/* linkinfo: the kind, its facts, and the kind of master the link is a port of. */
static void json_linkinfo(struct buffer *out, const struct links *links, const struct rtattr *linkinfo) {
	struct attrs info;
	find_attrs(RTA_DATA(linkinfo), (int)RTA_PAYLOAD(linkinfo), &info);
	const struct rtattr *kind = info.by_type[IFLA_INFO_KIND];
	const struct rtattr *slave = info.by_type[IFLA_INFO_SLAVE_KIND];
	if (!kind && !slave) return;
	json_key(out, "linkinfo");
	append(out, "{", 1);
	int first = 1;
	if (kind) {
		json_first_key(out, "info_kind");
		json_attr_string(out, kind);
		first = 0;
		char name[32];
		snprintf(name, sizeof name, "%.*s", (int)strnlen(RTA_DATA(kind), RTA_PAYLOAD(kind)), (const char *)RTA_DATA(kind));
		if (info.by_type[IFLA_INFO_DATA]) json_info_data(out, links, name, info.by_type[IFLA_INFO_DATA]);
	}
	if (slave) {
		if (first) json_first_key(out, "info_slave_kind");
		else json_key(out, "info_slave_kind");
		json_attr_string(out, slave);
	}
	append(out, "}", 1);
}

/* Alternative names (`ip link property add … altname …`), from IFLA_PROP_LIST. */
static void json_altnames(struct buffer *out, const struct rtattr *list) {
	int first = 1;
	int remaining = (int)RTA_PAYLOAD(list);
	for (const struct rtattr *rta = RTA_DATA(list); RTA_OK(rta, remaining); rta = RTA_NEXT(rta, remaining)) {
		if (ATTR_TYPE(rta) != IFLA_ALT_IFNAME) continue;
		if (first) {
			json_key(out, "altnames");
			append(out, "[", 1);
		} else {
			append(out, ",", 1);
		}
		first = 0;
		json_attr_string(out, rta);
	}
	if (!first) append(out, "]", 1);
}

/*
 * One link as `ip -j -d addr` writes it, with the keys nsdeck reads (a subset of ip's): ifindex, the other
 * end or lower device (`link` by name here; `link_index` and `link_netnsid` in another namespace), ifname,
 * flags, mtu, master, operstate, link_type, address, linkinfo, altnames and addr_info (ip's print_linkinfo).
 */
static void json_link(struct buffer *out, const struct links *links, const struct link *link) {
	const struct rtattr *const *a = link->attrs.by_type;
	int has_iflink = a[IFLA_LINK] != NULL;
	int iflink = has_iflink ? (int)attr_u32(a[IFLA_LINK]) : 0;
	int has_netnsid = a[IFLA_LINK_NETNSID] != NULL;
	// ip marks M-DOWN when the link it is stacked on (here) is down, or unknown.
	int here = has_iflink && iflink != 0 && !has_netnsid;
	const struct link *lower = here ? link_by_index(links, iflink) : NULL;
	int master_down = here && !(lower && (lower->flags & IFF_UP));

	append(out, "{\"ifindex\":", 11);
	json_number(out, link->index);
	if (has_iflink) {
		if (iflink == 0) {
			json_key(out, "link");
			append_text(out, "null");
		} else if (has_netnsid) {
			json_key(out, "link_index");
			json_number(out, iflink);
		} else {
			json_key(out, "link");
			json_link_name(out, links, iflink);
		}
	}
	json_key(out, "ifname");
	if (a[IFLA_IFNAME]) json_attr_string(out, a[IFLA_IFNAME]);
	else json_string(out, "?");
	json_key(out, "flags");
	json_link_flags(out, link->flags, master_down);
	json_key(out, "mtu");
	json_number(out, a[IFLA_MTU] ? attr_u32(a[IFLA_MTU]) : 0);
	/* The root qdisc's kind (noqueue, fq_codel, tbf, …): a row shows it when it is not the default. */
	if (a[IFLA_QDISC]) {
		json_key(out, "qdisc");
		json_attr_string(out, a[IFLA_QDISC]);
	}
	/* The bounds the driver sets for `ip link set … mtu`: the MTU form says them instead of guessing. */
	if (a[IFLA_MIN_MTU]) {
		json_key(out, "min_mtu");
		json_number(out, attr_u32(a[IFLA_MIN_MTU]));
	}
	if (a[IFLA_MAX_MTU]) {
		json_key(out, "max_mtu");
		json_number(out, attr_u32(a[IFLA_MAX_MTU]));
	}
	if (a[IFLA_MASTER]) {
		json_key(out, "master");
		json_link_name(out, links, (int)attr_u32(a[IFLA_MASTER]));
	}
	json_key(out, "operstate");
	unsigned operstate = a[IFLA_OPERSTATE] ? attr_u8(a[IFLA_OPERSTATE]) : 0;
	json_string(out, operstate < sizeof OPER_STATES / sizeof OPER_STATES[0] ? OPER_STATES[operstate] : "UNKNOWN");
	json_link_type(out, link->type);
	if (a[IFLA_ADDRESS]) {
		json_key(out, "address");
		json_mac(out, a[IFLA_ADDRESS], link->type);
	}
	if (has_netnsid) {
		json_key(out, "link_netnsid");
		json_number(out, (int)attr_u32(a[IFLA_LINK_NETNSID]));
	}
	if (a[IFLA_LINKINFO]) json_linkinfo(out, links, a[IFLA_LINKINFO]);
	if (a[IFLA_PROP_LIST]) json_altnames(out, a[IFLA_PROP_LIST]);
	json_key(out, "addr_info");
	json_addresses(out, links, link->index);
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

void json_route_flags(struct buffer *out, unsigned flags) {
	json_key(out, "flags");
	append(out, "[", 1);
	int first = 1;
	for (size_t i = 0; i < sizeof ROUTE_FLAGS / sizeof ROUTE_FLAGS[0]; i++) {
		if (!(flags & ROUTE_FLAGS[i].bit)) continue;
		json_next(out, &first);
		json_string(out, ROUTE_FLAGS[i].name);
	}
	append(out, "]", 1);
}

/* A gateway of the other family (`via inet6 …` for an IPv4 route): {"family":"inet6","host":"…"}. */
static void json_via(struct buffer *out, const struct rtattr *rta) {
	if (RTA_PAYLOAD(rta) < sizeof(unsigned short)) return;
	unsigned short family;
	memcpy(&family, RTA_DATA(rta), sizeof family);
	const unsigned char *bytes = (const unsigned char *)RTA_DATA(rta) + sizeof family;
	char text[64];
	address_text(bytes, RTA_PAYLOAD(rta) - sizeof family, text, sizeof text);
	json_key(out, "via");
	append_text(out, family == AF_INET6 ? "{\"family\":\"inet6\"" : family == AF_INET ? "{\"family\":\"inet\"" : "{\"family\":\"unknown\"");
	json_key(out, "host");
	json_string(out, text);
	append(out, "}", 1);
}

/* The next hops of a multipath route (RTA_MULTIPATH), as ip prints "nexthops". */
static void json_nexthops(struct buffer *out, const struct links *links, const struct rtattr *multipath) {
	json_key(out, "nexthops");
	append(out, "[", 1);
	const struct rtnexthop *nh = RTA_DATA(multipath);
	int remaining = (int)RTA_PAYLOAD(multipath);
	int first = 1;
	while (remaining >= (int)sizeof *nh && nh->rtnh_len >= sizeof *nh && nh->rtnh_len <= remaining) {
		json_next(out, &first);
		append(out, "{", 1);
		struct attrs attrs;
		find_attrs(RTNH_DATA(nh), nh->rtnh_len - (int)RTNH_LENGTH(0), &attrs);
		json_first_key(out, "dev");
		json_link_name(out, links, nh->rtnh_ifindex);
		if (attrs.by_type[RTA_GATEWAY]) json_address_attr(out, "gateway", attrs.by_type[RTA_GATEWAY]);
		if (attrs.by_type[RTA_VIA]) json_via(out, attrs.by_type[RTA_VIA]);
		json_key(out, "weight");
		json_number(out, nh->rtnh_hops + 1);
		json_route_flags(out, nh->rtnh_flags);
		append(out, "}", 1);
		remaining -= (int)RTNH_ALIGN(nh->rtnh_len);
		nh = RTNH_NEXT(nh);
	}
	append(out, "]", 1);
}

/*
 * One route as `ip -j -d route show table all` writes it, with the keys nsdeck reads; nothing for what
 * nsdeck never shows (cached clones, the local table, multicast). Table, protocol and scope are numbers,
 * which nsdeck names from /etc/iproute2 as ip does.
 */
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
	append_text(out, "{\"type\":");
	if (rtm->rtm_type < sizeof ROUTE_TYPES / sizeof ROUTE_TYPES[0]) {
		json_string(out, ROUTE_TYPES[rtm->rtm_type]);
	} else {
		char text[8];
		snprintf(text, sizeof text, "%u", rtm->rtm_type);
		json_string(out, text);
	}
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
	json_route_words(out, rtm, a);
	if (a[RTA_GATEWAY]) json_address_attr(out, "gateway", a[RTA_GATEWAY]);
	if (a[RTA_VIA]) json_via(out, a[RTA_VIA]);
	if (a[RTA_OIF]) {
		json_key(out, "dev");
		json_link_name(out, links, (int)attr_u32(a[RTA_OIF]));
	}
	json_key(out, "table");
	json_number(out, a[RTA_TABLE] ? attr_u32(a[RTA_TABLE]) : rtm->rtm_table);
	json_key(out, "protocol");
	json_number(out, rtm->rtm_protocol);
	json_key(out, "scope");
	json_number(out, rtm->rtm_scope);
	if (a[RTA_PRIORITY]) {
		json_key(out, "metric");
		json_number(out, attr_u32(a[RTA_PRIORITY]));
	}
	if (a[RTA_PREFSRC]) json_address_attr(out, "prefsrc", a[RTA_PREFSRC]);
	json_route_flags(out, rtm->rtm_flags);
	if (a[RTA_PREF]) {
		uint8_t pref = attr_u8(a[RTA_PREF]);
		json_key(out, "pref");
		json_string(out, pref == 0 ? "medium" : pref == 1 ? "high" : pref == 3 ? "low" : "unknown");
	}
	if (a[RTA_MULTIPATH]) json_nexthops(out, links, a[RTA_MULTIPATH]);
	append(out, "}", 1);
}

/* ---- rules ---- */

/*
 * A rule's source or destination as ip prints it: the address, and its length unless a host's; "0" with a
 * length when only the length is set; else `none` (src: "all"), or nothing when `none` is NULL.
 */
static void json_rule_prefix(struct buffer *out, const char *key, const char *length_key, const struct rtattr *address, unsigned length, unsigned host_length, const char *none) {
	char text[64];
	if (address) address_text(RTA_DATA(address), RTA_PAYLOAD(address), text, sizeof text);
	else if (length) snprintf(text, sizeof text, "0");
	else if (none) snprintf(text, sizeof text, "%s", none);
	else return;
	json_key(out, key);
	json_string(out, text);
	if ((address && length != host_length) || (!address && length)) {
		json_key(out, length_key);
		json_number(out, length);
	}
}

/*
 * One rule as `ip -j -d rule show` writes it (ip/iprule.c print_rule), with the keys nsdeck reads: priority,
 * not, src/srclen, dst/dstlen, fwmark/fwmask, iif, oif, table (a number, named by nsdeck), goto,
 * unresolved, nop, action, protocol (a number too).
 */
static void json_rule(struct buffer *out, const struct nlmsghdr *nh, int *first) {
	if (nh->nlmsg_len < NLMSG_LENGTH(sizeof(struct fib_rule_hdr))) return;
	const struct fib_rule_hdr *frh = NLMSG_DATA(nh);
	struct attrs attrs;
	find_attrs((const struct rtattr *)((const char *)frh + NLMSG_ALIGN(sizeof *frh)), (int)(nh->nlmsg_len - NLMSG_LENGTH(sizeof *frh)), &attrs);
	const struct rtattr *const *a = attrs.by_type;
	unsigned host_length = frh->family == AF_INET6 ? 128 : 32;
	json_next(out, first);
	append_text(out, "{\"priority\":");
	json_number(out, a[FRA_PRIORITY] ? attr_u32(a[FRA_PRIORITY]) : 0);
	if (frh->flags & FIB_RULE_INVERT) {
		json_key(out, "not");
		append_text(out, "null");
	}
	json_rule_prefix(out, "src", "srclen", a[FRA_SRC], frh->src_len, host_length, "all");
	json_rule_prefix(out, "dst", "dstlen", a[FRA_DST], frh->dst_len, host_length, NULL);
	char text[64];
	if (a[FRA_FWMARK] || a[FRA_FWMASK]) {
		uint32_t mark = a[FRA_FWMARK] ? attr_u32(a[FRA_FWMARK]) : 0;
		uint32_t mask = a[FRA_FWMASK] ? attr_u32(a[FRA_FWMASK]) : 0xFFFFFFFF;
		snprintf(text, sizeof text, "0x%x", mark);
		json_key(out, "fwmark");
		json_string(out, text);
		if (mask != 0xFFFFFFFF) {
			snprintf(text, sizeof text, "0x%x", mask);
			json_key(out, "fwmask");
			json_string(out, text);
		}
	}
	if (a[FRA_IIFNAME]) {
		json_key(out, "iif");
		json_attr_string(out, a[FRA_IIFNAME]);
	}
	if (a[FRA_OIFNAME]) {
		json_key(out, "oif");
		json_attr_string(out, a[FRA_OIFNAME]);
	}
	uint32_t table = a[FRA_TABLE] ? attr_u32(a[FRA_TABLE]) : frh->table;
	if (table) {
		json_key(out, "table");
		json_number(out, table);
	}
	if (frh->action == FR_ACT_GOTO) {
		json_key(out, "goto");
		if (a[FRA_GOTO]) json_number(out, attr_u32(a[FRA_GOTO]));
		else json_string(out, "none");
		if (frh->flags & FIB_RULE_UNRESOLVED) {
			json_key(out, "unresolved");
			append_text(out, "null");
		}
	} else if (frh->action == FR_ACT_NOP) {
		json_key(out, "nop");
		append_text(out, "null");
	} else if (frh->action != FR_ACT_TO_TBL) {
		json_key(out, "action");
		if (frh->action < sizeof ROUTE_TYPES / sizeof ROUTE_TYPES[0]) json_string(out, ROUTE_TYPES[frh->action]);
		else json_number(out, frh->action);
	}
	if (a[FRA_PROTOCOL]) {
		json_key(out, "protocol");
		json_number(out, attr_u8(a[FRA_PROTOCOL]));
	}
	append(out, "}", 1);
}

/* ---- neighbours and the bridge's forwarding database ---- */

/* ip's names of neighbour states, in its order (print_neigh_state). */
static const char *NUD_NAMES[] = {"INCOMPLETE", "REACHABLE", "STALE", "DELAY", "PROBE", "FAILED", "NOARP", "PERMANENT"};

/*
 * One neighbour as `ip -j -d neigh show` writes it (ip/ipneigh.c print_neigh): dst, dev, lladdr, router,
 * state; only those `ip neigh show` lists (not NOARP, not NONE).
 */
static void json_neighbour(struct buffer *out, const struct links *links, const struct nlmsghdr *nh, int *first) {
	if (nh->nlmsg_len < NLMSG_LENGTH(sizeof(struct ndmsg))) return;
	const struct ndmsg *ndm = NLMSG_DATA(nh);
	if (ndm->ndm_family != AF_INET && ndm->ndm_family != AF_INET6) return;
	if (!(ndm->ndm_state & (0xFF & ~NUD_NOARP)) && !(ndm->ndm_flags & (NTF_PROXY | NTF_EXT_LEARNED))) return;
	struct attrs attrs;
	find_attrs((const struct rtattr *)((const char *)ndm + NLMSG_ALIGN(sizeof *ndm)), (int)(nh->nlmsg_len - NLMSG_LENGTH(sizeof *ndm)), &attrs);
	const struct rtattr *const *a = attrs.by_type;
	if (!a[NDA_DST]) return;
	json_next(out, first);
	char text[64];
	address_text(RTA_DATA(a[NDA_DST]), RTA_PAYLOAD(a[NDA_DST]), text, sizeof text);
	append_text(out, "{\"dst\":");
	json_string(out, text);
	json_key(out, "dev");
	json_link_name(out, links, ndm->ndm_ifindex);
	if (a[NDA_LLADDR]) {
		hex_text(RTA_DATA(a[NDA_LLADDR]), RTA_PAYLOAD(a[NDA_LLADDR]), text, sizeof text);
		json_key(out, "lladdr");
		json_string(out, text);
	}
	if (ndm->ndm_flags & NTF_ROUTER) {
		json_key(out, "router");
		append_text(out, "null");
	}
	json_key(out, "state");
	append(out, "[", 1);
	int first_state = 1;
	for (unsigned i = 0; i < sizeof NUD_NAMES / sizeof NUD_NAMES[0]; i++) {
		if (!(ndm->ndm_state & (1u << i))) continue;
		json_next(out, &first_state);
		json_string(out, NUD_NAMES[i]);
	}
	if (first_state) json_string(out, "NONE");
	append(out, "]", 1);
	append(out, "}", 1);
}

/* Forwarding of one family from its netconf messages (the one for all interfaces): 1, 0, or -1 when none came. */
static int netconf_forwarding(const char *messages, size_t length, unsigned char family) {
	int remaining = (int)length;
	for (const struct nlmsghdr *nh = (const struct nlmsghdr *)messages; NLMSG_OK(nh, remaining); nh = NLMSG_NEXT(nh, remaining)) {
		if (nh->nlmsg_type != RTM_NEWNETCONF || nh->nlmsg_len < NLMSG_LENGTH(sizeof(struct netconfmsg))) continue;
		const struct netconfmsg *ncm = NLMSG_DATA(nh);
		if (ncm->ncm_family != family) continue;
		struct attrs attrs;
		find_attrs((const struct rtattr *)((const char *)ncm + NLMSG_ALIGN(sizeof *ncm)), (int)(nh->nlmsg_len - NLMSG_LENGTH(sizeof *ncm)), &attrs);
		if (!attrs.by_type[NETCONFA_IFINDEX] || (int32_t)attr_u32(attrs.by_type[NETCONFA_IFINDEX]) != NETCONFA_IFINDEX_ALL) continue;
		if (attrs.by_type[NETCONFA_FORWARDING]) return attr_u32(attrs.by_type[NETCONFA_FORWARDING]) != 0;
	}
	return -1;
}

void namespace_json(const char *messages, size_t length, int with_forwarding, const struct buffer *nsids, struct buffer *out) {
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
	// Rules per family: ip's JSON has no family key, and `ip rule` shows one family at a time.
	static const struct {
		unsigned char family;
		const char *key;
	} RULE_FAMILIES[] = {{AF_INET, "inet"}, {AF_INET6, "inet6"}};
	append_text(out, ",\"rules\":{");
	for (size_t f = 0; f < 2; f++) {
		if (f) append(out, ",", 1);
		append(out, "\"", 1);
		append_text(out, RULE_FAMILIES[f].key);
		append_text(out, "\":[");
		first = 1;
		remaining = (int)length;
		for (const struct nlmsghdr *nh = (const struct nlmsghdr *)messages; NLMSG_OK(nh, remaining); nh = NLMSG_NEXT(nh, remaining)) {
			if (nh->nlmsg_type != RTM_NEWRULE || nh->nlmsg_len < NLMSG_LENGTH(sizeof(struct fib_rule_hdr))) continue;
			if (((const struct fib_rule_hdr *)NLMSG_DATA(nh))->family == RULE_FAMILIES[f].family) json_rule(out, nh, &first);
		}
		append(out, "]", 1);
	}
	append_text(out, "},\"neighbours\":[");
	first = 1;
	remaining = (int)length;
	for (const struct nlmsghdr *nh = (const struct nlmsghdr *)messages; NLMSG_OK(nh, remaining); nh = NLMSG_NEXT(nh, remaining)) {
		if (nh->nlmsg_type == RTM_NEWNEIGH) json_neighbour(out, &links, nh, &first);
	}
	append_text(out, "],\"fdb\":[");
	first = 1;
	remaining = (int)length;
	for (const struct nlmsghdr *nh = (const struct nlmsghdr *)messages; NLMSG_OK(nh, remaining); nh = NLMSG_NEXT(nh, remaining)) {
		if (nh->nlmsg_type == RTM_NEWNEIGH) json_fdb(out, &links, nh, &first);
	}
	append_text(out, "],\"nexthops\":[");
	first = 1;
	remaining = (int)length;
	for (const struct nlmsghdr *nh = (const struct nlmsghdr *)messages; NLMSG_OK(nh, remaining); nh = NLMSG_NEXT(nh, remaining)) {
		if (nh->nlmsg_type == RTM_NEWNEXTHOP) json_nexthop(out, &links, nh, &first);
	}
	append_text(out, "]");
	if (with_forwarding) {
		int forwarding[2] = {netconf_forwarding(messages, length, AF_INET), netconf_forwarding(messages, length, AF_INET6)};
		append_text(out, ",\"forwarding\":{\"inet\":");
		append_text(out, forwarding[0] < 0 ? "null" : forwarding[0] ? "true" : "false");
		append_text(out, ",\"inet6\":");
		append_text(out, forwarding[1] < 0 ? "null" : forwarding[1] ? "true" : "false");
		append(out, "}", 1);
	}
	if (nsids) {
		append_text(out, ",\"nsids\":");
		append(out, nsids->data, nsids->length);
	}
	append_text(out, "}");
	free(links.items);
	free(links.by_index);
	free(links.addresses);
}
