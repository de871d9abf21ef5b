// nsid-identity.h: every nsid of a namespace named in the host's frame, so that nsdeck never pairs
// devices by ifindex alone (a pod's eth0 has ifindex 2 like the host's ens3).
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/net_namespace.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nsid-identity.h"

static void put_attr(char *message, size_t *length, unsigned short type, int32_t value) {
	struct rtattr *rta = (struct rtattr *)(message + NLMSG_ALIGN(*length));
	rta->rta_type = type;
	rta->rta_len = RTA_LENGTH(sizeof value);
	memcpy(RTA_DATA(rta), &value, sizeof value);
	*length = NLMSG_ALIGN(*length) + RTA_ALIGN(rta->rta_len);
}

/*
 * One RTM_GETNSID: the nsid (in `sock`'s namespace, or in `target`'s when target ≥ 0) of the namespace
 * named by `attr` (NETNSA_FD or NETNSA_NSID) = `value`. -1 when there is none or the kernel says no.
 */
static int32_t ask_nsid(int sock, unsigned short attr, int32_t value, int32_t target) {
	char message[64] __attribute__((aligned(4)));
	memset(message, 0, sizeof message);
	struct nlmsghdr *nh = (struct nlmsghdr *)message;
	size_t length = NLMSG_LENGTH(sizeof(struct rtgenmsg));
	put_attr(message, &length, attr, value);
	if (target >= 0) put_attr(message, &length, NETNSA_TARGET_NSID, target);
	nh->nlmsg_len = (uint32_t)length;
	nh->nlmsg_type = RTM_GETNSID;
	nh->nlmsg_flags = NLM_F_REQUEST;
	((struct rtgenmsg *)NLMSG_DATA(nh))->rtgen_family = AF_UNSPEC;
	if (send(sock, message, length, 0) < 0) return -1;
	char answer[256] __attribute__((aligned(4)));
	ssize_t got;
	do got = recv(sock, answer, sizeof answer, 0);
	while (got < 0 && errno == EINTR);
	const struct nlmsghdr *reply = (const struct nlmsghdr *)answer;
	if (got < 0 || !NLMSG_OK(reply, (int)got) || reply->nlmsg_type != RTM_NEWNSID) return -1;
	int remaining = (int)reply->nlmsg_len - (int)NLMSG_LENGTH(sizeof(struct rtgenmsg));
	for (const struct rtattr *rta = (const struct rtattr *)((const char *)NLMSG_DATA(reply) + NLMSG_ALIGN(sizeof(struct rtgenmsg)));
	     RTA_OK(rta, remaining); rta = RTA_NEXT(rta, remaining)) {
		if (rta->rta_type != NETNSA_NSID || RTA_PAYLOAD(rta) < sizeof(int32_t)) continue;
		int32_t nsid;
		memcpy(&nsid, RTA_DATA(rta), sizeof nsid);
		return nsid < 0 ? -1 : nsid;
	}
	return -1;
}

/* X's own nsid table (a dump; the kernel ends it after its first buffer, enough for a pod's few). */
static size_t own_nsids(int sock, int32_t *nsids, size_t most) {
	struct {
		struct nlmsghdr nh;
		struct rtgenmsg g;
	} req = {.nh = {.nlmsg_len = sizeof req, .nlmsg_type = RTM_GETNSID, .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP}, .g = {AF_UNSPEC}};
	if (send(sock, &req, sizeof req, 0) < 0) return 0;
	static char chunk[32768] __attribute__((aligned(4)));
	size_t count = 0;
	for (;;) {
		ssize_t got = recv(sock, chunk, sizeof chunk, 0);
		if (got < 0 && errno == EINTR) continue;
		if (got <= 0) return count;
		int remaining = (int)got;
		for (const struct nlmsghdr *nh = (const struct nlmsghdr *)chunk; NLMSG_OK(nh, remaining); nh = NLMSG_NEXT(nh, remaining)) {
			if (nh->nlmsg_type == NLMSG_DONE || nh->nlmsg_type == NLMSG_ERROR) return count;
			if (nh->nlmsg_type != RTM_NEWNSID) continue;
			int left = (int)nh->nlmsg_len - (int)NLMSG_LENGTH(sizeof(struct rtgenmsg));
			for (const struct rtattr *rta = (const struct rtattr *)((const char *)NLMSG_DATA(nh) + NLMSG_ALIGN(sizeof(struct rtgenmsg)));
			     RTA_OK(rta, left); rta = RTA_NEXT(rta, left)) {
				if (rta->rta_type == NETNSA_NSID && count < most) memcpy(&nsids[count++], RTA_DATA(rta), sizeof(int32_t));
			}
		}
	}
}

static void append_number(struct buffer *out, const char *key, int32_t value) {
	char text[64];
	int n = snprintf(text, sizeof text, ",\"%s\":%d", key, value);
	append(out, text, (size_t)n);
}

void nsid_identity_json(int sock, int x_fd, int home_sock, int home_fd, struct buffer *out) {
	if (home_fd < 0 || home_sock < 0) return;
	struct stat x, home;
	if (fstat(x_fd, &x) == 0 && fstat(home_fd, &home) == 0 && x.st_dev == home.st_dev && x.st_ino == home.st_ino) return;
	int32_t host = ask_nsid(sock, NETNSA_FD, home_fd, -1);
	if (host >= 0) append_number(out, "host_nsid", host);
	int32_t in_host = ask_nsid(home_sock, NETNSA_FD, x_fd, -1);
	if (in_host >= 0) append_number(out, "nsid_in_host", in_host);
	if (host < 0) return; // Without a way to name the host, X's other nsids cannot be put in its frame.
	int32_t nsids[256];
	size_t count = own_nsids(sock, nsids, sizeof nsids / sizeof nsids[0]);
	append_text(out, ",\"nsids_in_host\":[");
	int first = 1;
	for (size_t i = 0; i < count; i++) {
		if (nsids[i] == host) continue;
		int32_t seen = ask_nsid(sock, NETNSA_NSID, nsids[i], host);
		if (seen < 0) continue;
		char text[64];
		int n = snprintf(text, sizeof text, "%s{\"nsid\":%d,\"host_nsid\":%d}", first ? "" : ",", nsids[i], seen);
		append(out, text, (size_t)n);
		first = 0;
	}
	append_text(out, "]");
}

void nsid_identity_open_home(int *home_fd, int *home_sock) {
	*home_fd = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	*home_sock = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
}
