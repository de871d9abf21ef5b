// Each link kind's linkinfo.info_data, as `ip -j -d` prints it: the same keys and value forms as the kind's
// print_opt in iproute2 (ip/iplink_*.c, ip/link_*.c), a subset of them (the facts nsdeck reads, in
// source/model/link-kinds/). One decoder per kind or family of kinds, and one row of KINDS names it:
// adding a kind is a function and a row here, and a file there. Kinds ip prints no data for (veth, dummy,
// ifb, wireguard, team) have no row. Checked against ip on the kinds this kernel makes
// (test/kernel/netdump.test.ts) and on recorded dumps of those it cannot (test/system/netdump-decode.test.ts).
#include <arpa/inet.h>
#include <linux/if_link.h>
#include <linux/if_tunnel.h>

#include "netlink-attrs.h"

/* Where one link's info_data is being written: opened at its first key, closed at the end. */
struct data {
	struct buffer *out;
	const struct links *links;
	const struct rtattr *const *a;
	int open;
};

static void key(struct data *d, const char *name) {
	if (d->open) {
		json_key(d->out, name);
		return;
	}
	json_key(d->out, "info_data");
	append(d->out, "{", 1);
	json_first_key(d->out, name);
	d->open = 1;
}

static void put_string(struct data *d, const char *name, const char *value) {
	key(d, name);
	json_string(d->out, value);
}

static void put_number(struct data *d, const char *name, long long value) {
	key(d, name);
	json_number(d->out, value);
}

static void put_bool(struct data *d, const char *name, int value) {
	key(d, name);
	append_text(d->out, value ? "true" : "false");
}

static void put_link(struct data *d, const char *name, uint32_t index) {
	key(d, name);
	json_link_name(d->out, d->links, (int)index);
}

static int is_zero(const unsigned char *bytes, size_t length) {
	for (size_t i = 0; i < length; i++)
		if (bytes[i]) return 0;
	return 1;
}

static int is_multicast(const struct rtattr *rta) {
	const unsigned char *bytes = RTA_DATA(rta);
	return RTA_PAYLOAD(rta) == 4 ? (bytes[0] & 0xf0) == 0xe0 : bytes[0] == 0xff;
}

static void put_address(struct data *d, const char *name, const struct rtattr *rta) {
	char text[64];
	address_text(RTA_DATA(rta), RTA_PAYLOAD(rta), text, sizeof text);
	put_string(d, name, text);
}

/* A v4 attribute, else its v6 twin, when set: under `name`, or `name6` for the v6 one (vxlan, geneve). */
static const struct rtattr *either(const struct rtattr *const *a, int v4, int v6, int *six) {
	const struct rtattr *rta = a[v4] ? a[v4] : a[v6];
	*six = !a[v4];
	return rta && !is_zero(RTA_DATA(rta), RTA_PAYLOAD(rta)) ? rta : NULL;
}

/* ip/iplink_macvlan.c */
static void macvlan(struct data *d) {
	const struct rtattr *mode = d->a[IFLA_MACVLAN_MODE];
	if (!mode || RTA_PAYLOAD(mode) < 4) return;
	switch (attr_u32(mode)) {
	case MACVLAN_MODE_PRIVATE: put_string(d, "mode", "private"); break;
	case MACVLAN_MODE_VEPA: put_string(d, "mode", "vepa"); break;
	case MACVLAN_MODE_BRIDGE: put_string(d, "mode", "bridge"); break;
	case MACVLAN_MODE_PASSTHRU: put_string(d, "mode", "passthru"); break;
	case MACVLAN_MODE_SOURCE: put_string(d, "mode", "source"); break;
	default: put_string(d, "mode", "unknown");
	}
}

/* ip/iplink_ipvlan.c: the mode only when it is exactly 16 bits; then one of private, vepa, bridge. */
static void ipvlan(struct data *d) {
	const struct rtattr *mode = d->a[IFLA_IPVLAN_MODE], *flags = d->a[IFLA_IPVLAN_FLAGS];
	if (mode && RTA_PAYLOAD(mode) == 2) {
		uint16_t m = attr_u16(mode);
		put_string(d, "mode", m == IPVLAN_MODE_L2 ? "l2" : m == IPVLAN_MODE_L3 ? "l3" : m == IPVLAN_MODE_L3S ? "l3s" : "unknown");
	}
	if (flags && RTA_PAYLOAD(flags) == 2) {
		uint16_t f = attr_u16(flags);
		put_bool(d, f & IPVLAN_F_PRIVATE ? "private" : f & IPVLAN_F_VEPA ? "vepa" : "bridge", 1);
	}
}

/* ip/iplink_vlan.c: nothing without a whole id; the protocol by ll_proto_n2a's names. */
static void vlan(struct data *d) {
	const struct rtattr *protocol = d->a[IFLA_VLAN_PROTOCOL], *id = d->a[IFLA_VLAN_ID];
	if ((protocol && RTA_PAYLOAD(protocol) < 2) || !id || RTA_PAYLOAD(id) < 2) return;
	uint16_t p = protocol ? ntohs(attr_u16(protocol)) : 0;
	char other[8];
	snprintf(other, sizeof other, "0x%04x", p);
	put_string(d, "protocol", !protocol ? "802.1q" : p == 0x8100 ? "802.1Q" : p == 0x88a8 ? "802.1ad" : other);
	put_number(d, "id", attr_u16(id));
}

/* ip/iplink_vxlan.c: a unicast other end is `remote`, a multicast one `group`; IPv6 ones end in 6. */
static void vxlan(struct data *d) {
	const struct rtattr *const *a = d->a;
	int six;
	if (a[IFLA_VXLAN_ID] && RTA_PAYLOAD(a[IFLA_VXLAN_ID]) >= 4) put_number(d, "id", attr_u32(a[IFLA_VXLAN_ID]));
	const struct rtattr *group = either(a, IFLA_VXLAN_GROUP, IFLA_VXLAN_GROUP6, &six);
	if (group) put_address(d, is_multicast(group) ? (six ? "group6" : "group") : (six ? "remote6" : "remote"), group);
	const struct rtattr *local = either(a, IFLA_VXLAN_LOCAL, IFLA_VXLAN_LOCAL6, &six);
	if (local) put_address(d, six ? "local6" : "local", local);
	if (a[IFLA_VXLAN_LINK] && attr_u32(a[IFLA_VXLAN_LINK])) put_link(d, "link", attr_u32(a[IFLA_VXLAN_LINK]));
	if (a[IFLA_VXLAN_PORT]) put_number(d, "port", ntohs(attr_u16(a[IFLA_VXLAN_PORT])));
}

/* ip/iptuntap.c */
static void tun(struct data *d) {
	if (!d->a[IFLA_TUN_TYPE]) return;
	uint8_t type = attr_u8(d->a[IFLA_TUN_TYPE]);
	char other[16];
	snprintf(other, sizeof other, "UNKNOWN:%u", type);
	put_string(d, "type", type == 1 ? "tun" : type == 2 ? "tap" : other);
}

/* ip/iplink_bond.c: the mode by its name (mode_tbl), and the link monitor's interval. */
static void bond(struct data *d) {
	static const char *MODES[] = {"balance-rr", "active-backup", "balance-xor", "broadcast", "802.3ad", "balance-tlb", "balance-alb"};
	if (d->a[IFLA_BOND_MODE]) {
		uint8_t mode = attr_u8(d->a[IFLA_BOND_MODE]);
		put_string(d, "mode", mode < sizeof MODES / sizeof MODES[0] ? MODES[mode] : "UNKNOWN");
	}
	if (d->a[IFLA_BOND_MIIMON]) put_number(d, "miimon", attr_u32(d->a[IFLA_BOND_MIIMON]));
}

/* ip/iplink_vrf.c */
static void vrf(struct data *d) {
	if (d->a[IFLA_VRF_TABLE]) put_number(d, "table", attr_u32(d->a[IFLA_VRF_TABLE]));
}

/* ip/iplink_bridge.c: whether it runs STP and filters by VLAN. */
static void bridge(struct data *d) {
	if (d->a[IFLA_BR_STP_STATE]) put_number(d, "stp_state", attr_u32(d->a[IFLA_BR_STP_STATE]));
	if (d->a[IFLA_BR_VLAN_FILTERING]) put_number(d, "vlan_filtering", attr_u8(d->a[IFLA_BR_VLAN_FILTERING]));
}

/* ip/link_gre.c and link_gre6.c (tnl_print_endpoint): an endpoint not set is "any"; ttl always in JSON. */
static void gre(struct data *d) {
	const struct rtattr *const *a = d->a;
	static const char *ENDS[] = {"remote", "local"};
	const int types[] = {IFLA_GRE_REMOTE, IFLA_GRE_LOCAL};
	for (int i = 0; i < 2; i++) {
		const struct rtattr *end = a[types[i]];
		if (end && (RTA_PAYLOAD(end) == 4 || RTA_PAYLOAD(end) == 16) && !is_zero(RTA_DATA(end), RTA_PAYLOAD(end))) put_address(d, ENDS[i], end);
		else put_string(d, ENDS[i], "any");
	}
	if (a[IFLA_GRE_LINK] && attr_u32(a[IFLA_GRE_LINK])) put_link(d, "link", attr_u32(a[IFLA_GRE_LINK]));
	put_number(d, "ttl", a[IFLA_GRE_TTL] ? attr_u8(a[IFLA_GRE_TTL]) : 0);
}

/* ip/iplink_geneve.c: an IPv6 remote is `remote6`, and only a unicast one. */
static void geneve(struct data *d) {
	const struct rtattr *const *a = d->a;
	if (a[IFLA_GENEVE_ID] && RTA_PAYLOAD(a[IFLA_GENEVE_ID]) >= 4) put_number(d, "id", attr_u32(a[IFLA_GENEVE_ID]));
	if (a[IFLA_GENEVE_REMOTE]) {
		if (attr_u32(a[IFLA_GENEVE_REMOTE])) put_address(d, "remote", a[IFLA_GENEVE_REMOTE]);
	} else if (a[IFLA_GENEVE_REMOTE6] && RTA_PAYLOAD(a[IFLA_GENEVE_REMOTE6]) == 16) {
		const struct rtattr *remote = a[IFLA_GENEVE_REMOTE6];
		if (!is_zero(RTA_DATA(remote), 16) && !is_multicast(remote)) put_address(d, "remote6", remote);
	}
	int inherit = a[IFLA_GENEVE_TTL_INHERIT] && attr_u8(a[IFLA_GENEVE_TTL_INHERIT]);
	if (!inherit && a[IFLA_GENEVE_TTL]) put_number(d, "ttl", attr_u8(a[IFLA_GENEVE_TTL]));
	if (a[IFLA_GENEVE_PORT]) put_number(d, "port", ntohs(attr_u16(a[IFLA_GENEVE_PORT])));
}

static const struct {
	const char *kind;
	void (*decode)(struct data *);
} KINDS[] = {
	{"macvlan", macvlan}, {"macvtap", macvlan}, {"ipvlan", ipvlan}, {"ipvtap", ipvlan}, {"vlan", vlan}, {"vxlan", vxlan},
	{"tun", tun}, {"bond", bond}, {"vrf", vrf}, {"bridge", bridge}, {"gre", gre}, {"gretap", gre}, {"erspan", gre},
	{"ip6gre", gre}, {"ip6gretap", gre}, {"ip6erspan", gre}, {"geneve", geneve},
};

void json_info_data(struct buffer *out, const struct links *links, const char *kind, const struct rtattr *data) {
	for (size_t i = 0; i < sizeof KINDS / sizeof KINDS[0]; i++) {
		if (strcmp(kind, KINDS[i].kind)) continue;
		struct attrs attrs;
		find_attrs(RTA_DATA(data), (int)RTA_PAYLOAD(data), &attrs);
		struct data d = {out, links, attrs.by_type, 0};
		KINDS[i].decode(&d);
		if (d.open) append(out, "}", 1);
		return;
	}
}
