// netconf.h: forwarding, as `ip netconf show` asks for it.
#include <errno.h>
#include <linux/netconf.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

#include "netconf.h"

/*
 * IPv4's or IPv6's netconf for all interfaces (`ip netconf show`: forwarding among it): one request, one
 * answer, appended to `out`. Returns 0 or an errno (EAFNOSUPPORT without IPv6).
 */
int get_netconf(int sock, unsigned char family, struct buffer *out) {
	struct {
		struct nlmsghdr nh;
		struct netconfmsg ncm;
		char pad[NLMSG_ALIGN(sizeof(struct netconfmsg)) - sizeof(struct netconfmsg)];
		struct rtattr rta;
		int32_t ifindex;
	} req;
	memset(&req, 0, sizeof req);
	req.nh.nlmsg_len = sizeof req;
	req.nh.nlmsg_type = RTM_GETNETCONF;
	req.nh.nlmsg_flags = NLM_F_REQUEST;
	req.ncm.ncm_family = family;
	req.rta.rta_type = NETCONFA_IFINDEX;
	req.rta.rta_len = RTA_LENGTH(sizeof req.ifindex);
	req.ifindex = NETCONFA_IFINDEX_ALL;
	if (send(sock, &req, sizeof req, 0) < 0) return errno;
	char answer[512];
	for (;;) {
		ssize_t got = recv(sock, answer, sizeof answer, 0);
		if (got < 0) {
			if (errno == EINTR) continue;
			return errno;
		}
		const struct nlmsghdr *nh = (const struct nlmsghdr *)answer;
		if (!NLMSG_OK(nh, (int)got)) return EBADMSG;
		if (nh->nlmsg_type == NLMSG_ERROR) {
			const struct nlmsgerr *err = NLMSG_DATA(nh);
			return err->error ? -err->error : 0;
		}
		append(out, nh, nh->nlmsg_len);
		return 0;
	}
}
