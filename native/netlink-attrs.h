// What netlink-json.c and link-kinds.c share: a message's attributes by type, and the JSON writers that
// both use (defined in netlink-json.c). Internal to the helper; netlink-json.h is its interface.
#ifndef NSDECK_NETLINK_ATTRS_H
#define NSDECK_NETLINK_ATTRS_H
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdint.h>
#include <string.h>

#include "buffer.h"

#define ATTR_TYPE(rta) ((rta)->rta_type & NLA_TYPE_MASK)

/* Every attribute nsdeck reads has a type below this. */
#define ATTR_SLOTS 64

/* A message's attributes by type; the first of a repeated type. */
struct attrs {
	const struct rtattr *by_type[ATTR_SLOTS];
};

static inline void find_attrs(const struct rtattr *rta, int remaining, struct attrs *found) {
	memset(found, 0, sizeof *found);
	for (; RTA_OK(rta, remaining); rta = RTA_NEXT(rta, remaining)) {
		unsigned type = ATTR_TYPE(rta);
		if (type < ATTR_SLOTS && !found->by_type[type]) found->by_type[type] = rta;
	}
}

/* A 32-, 16- or 8-bit attribute; 0 if it is too short to hold one (never from a sane kernel). */
static inline uint32_t attr_u32(const struct rtattr *rta) {
	uint32_t value = 0;
	if (RTA_PAYLOAD(rta) >= sizeof value) memcpy(&value, RTA_DATA(rta), sizeof value);
	return value;
}

static inline uint16_t attr_u16(const struct rtattr *rta) {
	uint16_t value = 0;
	if (RTA_PAYLOAD(rta) >= sizeof value) memcpy(&value, RTA_DATA(rta), sizeof value);
	return value;
}

static inline uint8_t attr_u8(const struct rtattr *rta) {
	return RTA_PAYLOAD(rta) >= 1 ? *(const uint8_t *)RTA_DATA(rta) : 0;
}

/* The namespace's links (netlink-json.c): what a kind's data names by ifindex is looked up there. */
struct links;

void json_string(struct buffer *out, const char *text);
void json_attr_string(struct buffer *out, const struct rtattr *rta);
/* `,"key":` (a member after the first) and `"key":` (the first). */
void json_key(struct buffer *out, const char *key);
void json_first_key(struct buffer *out, const char *key);
void json_number(struct buffer *out, long long value);
/* The separator before an item of a list or object: none before its first. */
void json_next(struct buffer *out, int *first);
/* aa:bb:cc…, as ip writes link-layer addresses. */
void hex_text(const unsigned char *bytes, size_t length, char *text, size_t size);
/* IPv4 and IPv6 as inet_ntop (and so ip) writes them; other lengths as hex bytes. */
void address_text(const unsigned char *bytes, size_t length, char *text, size_t size);
/* The name ip prints for ifindex `index`: the link's name, or if<index> when it is not in this namespace. */
void json_link_name(struct buffer *out, const struct links *links, int index);

/* `,"flags":[…]` of a route, next hop or nexthop object, in ip's order (print_rt_flags). */
void json_route_flags(struct buffer *out, unsigned flags);

/* `,"info_data":{…}` for a link of `kind` (link-kinds.c); nothing for a kind whose data ip does not print. */
void json_info_data(struct buffer *out, const struct links *links, const char *kind, const struct rtattr *data);
#endif
