// The forwarding databases as `bridge -j fdb show` writes them (bridge/fdb.c print_fdb): a bridge's own
// entries, and a vxlan's, which name a remote end. test/kernel/netdump.test.ts holds them to bridge's.
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <string.h>
#include <sys/socket.h>

#include "fdb-json.h"
#include "netlink-attrs.h"
#include "netlink-json.h"

static void json_address(struct buffer *out, const char *key, const struct rtattr *rta) {
	char text[64];
	address_text(RTA_DATA(rta), RTA_PAYLOAD(rta), text, sizeof text);
	json_key(out, key);
	json_string(out, text);
}

static int fdb_remote(const struct rtattr *const *a) {
	return a[NDA_DST] != NULL;
}

static void json_fdb_remote(struct buffer *out, const struct links *links, const struct rtattr *const *a) {
	if (a[NDA_DST]) json_address(out, "dst", a[NDA_DST]);
	if (a[NDA_IFINDEX] && a[NDA_LINK_NETNSID]) {
		json_key(out, "viaIfIndex");
		json_number(out, attr_u32(a[NDA_IFINDEX]));
	}
	if (a[NDA_PORT]) {
		uint16_t port = attr_u16(a[NDA_PORT]);
		json_key(out, "port");
		json_number(out, (port >> 8) | ((port & 0xff) << 8)); // network byte order
	}
	if (a[NDA_VNI]) {
		json_key(out, "vni");
		json_number(out, attr_u32(a[NDA_VNI]));
	}
	if (a[NDA_SRC_VNI]) {
		json_key(out, "src_vni");
		json_number(out, attr_u32(a[NDA_SRC_VNI]));
	}
	// bridge names the device it goes out by `viaIf` (`viaIfIndex` when it is in another namespace).
	if (a[NDA_IFINDEX] && !a[NDA_LINK_NETNSID]) {
		json_key(out, "viaIf");
		json_link_name(out, links, (int)attr_u32(a[NDA_IFINDEX]));
	}
}

/*
 * One entry of a bridge's forwarding database as `bridge -j fdb show` writes it (bridge/fdb.c print_fdb):
 * mac, ifname, vlan, flags, master, state. Only entries the bridge itself holds (those with a master): the
 * addresses it has learnt or was told, not each port's own multicast list; and a vxlan's own (`self`)
 * entries, which name a remote end (dst, port, vni, via).
 */
void json_fdb(struct buffer *out, const struct links *links, const struct nlmsghdr *nh, int *first) {
	if (nh->nlmsg_len < NLMSG_LENGTH(sizeof(struct ndmsg))) return;
	const struct ndmsg *ndm = NLMSG_DATA(nh);
	if (ndm->ndm_family != AF_BRIDGE) return;
	struct attrs attrs;
	find_attrs((const struct rtattr *)((const char *)ndm + NLMSG_ALIGN(sizeof *ndm)), (int)(nh->nlmsg_len - NLMSG_LENGTH(sizeof *ndm)), &attrs);
	const struct rtattr *const *a = attrs.by_type;
	if (!a[NDA_LLADDR] || (!a[NDA_MASTER] && !fdb_remote(a))) return;
	json_next(out, first);
	char text[64];
	hex_text(RTA_DATA(a[NDA_LLADDR]), RTA_PAYLOAD(a[NDA_LLADDR]), text, sizeof text);
	append_text(out, "{\"mac\":");
	json_string(out, text);
	json_key(out, "ifname");
	json_link_name(out, links, ndm->ndm_ifindex);
	if (a[NDA_VLAN]) {
		json_key(out, "vlan");
		json_number(out, attr_u16(a[NDA_VLAN]));
	}
	json_fdb_remote(out, links, a);
	json_key(out, "flags");
	append(out, "[", 1);
	int first_flag = 1;
	static const struct {
		unsigned bit;
		const char *name;
	} FDB_FLAGS[] = {{NTF_SELF, "self"}, {NTF_ROUTER, "router"}, {NTF_EXT_LEARNED, "extern_learn"}, {NTF_OFFLOADED, "offload"}, {NTF_MASTER, "master"}, {NTF_STICKY, "sticky"}};
	for (size_t i = 0; i < sizeof FDB_FLAGS / sizeof FDB_FLAGS[0]; i++) {
		// bridge prints "master" as the key below, not as a flag.
		if (!(ndm->ndm_flags & FDB_FLAGS[i].bit) || FDB_FLAGS[i].bit == NTF_MASTER) continue;
		json_next(out, &first_flag);
		json_string(out, FDB_FLAGS[i].name);
	}
	append(out, "]", 1);
	if (a[NDA_MASTER]) {
		json_key(out, "master");
		json_link_name(out, links, (int)attr_u32(a[NDA_MASTER]));
	}
	json_key(out, "state");
	unsigned state = ndm->ndm_state;
	json_string(out, state & NUD_PERMANENT ? "permanent" : state & NUD_NOARP ? "static" : state & NUD_STALE ? "stale" : "");
	append(out, "}", 1);
}

int dump_has_fdb(const char *messages, size_t length) {
	int remaining = (int)length;
	for (const struct nlmsghdr *nh = (const struct nlmsghdr *)messages; NLMSG_OK(nh, remaining); nh = NLMSG_NEXT(nh, remaining)) {
		if (nh->nlmsg_type != RTM_NEWLINK || nh->nlmsg_len < NLMSG_LENGTH(sizeof(struct ifinfomsg))) continue;
		const struct ifinfomsg *ifi = NLMSG_DATA(nh);
		struct attrs attrs;
		find_attrs(IFLA_RTA(ifi), (int)IFLA_PAYLOAD(nh), &attrs);
		if (!attrs.by_type[IFLA_LINKINFO]) continue;
		struct attrs info;
		find_attrs(RTA_DATA(attrs.by_type[IFLA_LINKINFO]), (int)RTA_PAYLOAD(attrs.by_type[IFLA_LINKINFO]), &info);
		const struct rtattr *kind = info.by_type[IFLA_INFO_KIND];
		if (!kind) continue;
		size_t n = strnlen(RTA_DATA(kind), RTA_PAYLOAD(kind));
		if ((n == 6 && memcmp(RTA_DATA(kind), "bridge", 6) == 0) || (n == 5 && memcmp(RTA_DATA(kind), "vxlan", 5) == 0)) return 1;
	}
	return 0;
}
