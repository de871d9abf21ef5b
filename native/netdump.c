// nsdeck-netdump: read the links, addresses and routes of many network namespaces in one process.
//
// Why: reading a namespace with `nsenter --net=PATH ip …` costs two exec()s, and at 1,000 namespaces
// those exec()s alone take over a second. This program enters each namespace with setns(), opens a
// rtnetlink socket there (a socket stays bound to the namespace it was made in) and asks the kernel the
// same three dumps `ip -d addr` and `ip route show table all` ask. netlink-json.c turns the answers into
// the records nsdeck shows.
//
// Input: namespace paths on stdin, each ended by a NUL byte.
// Output, per path, in input order: a 12-byte header (u32 index, i32 errno or 0, u32 length, in host
// byte order) and then `length` bytes of JSON: {"links":[…],"routes":[…]} (see netlink-json.h).
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "buffer.h"
#include "netlink-json.h"

static void write_all(const void *bytes, size_t n) {
	const char *p = bytes;
	while (n > 0) {
		ssize_t written = write(STDOUT_FILENO, p, n);
		if (written < 0) {
			if (errno == EINTR) continue;
			exit(1); // The reader went away.
		}
		p += written;
		n -= (size_t)written;
	}
}

/* One dump request; `header` is the family-specific struct after nlmsghdr. Returns 0 or an errno. */
static int dump(int sock, uint16_t type, const void *header, size_t header_size, int with_ext_mask, struct buffer *out) {
	struct {
		struct nlmsghdr nh;
		char body[64];
	} req;
	memset(&req, 0, sizeof req);
	req.nh.nlmsg_type = type;
	req.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	req.nh.nlmsg_seq = type;
	memcpy(req.body, header, header_size);
	size_t length = NLMSG_LENGTH(header_size);
	if (with_ext_mask) {
		// Like `ip link` without -s: leave out the statistics, most of every link message.
		struct rtattr *rta = (struct rtattr *)((char *)&req + NLMSG_ALIGN(length));
		rta->rta_type = IFLA_EXT_MASK;
		rta->rta_len = RTA_LENGTH(sizeof(uint32_t));
		uint32_t mask = RTEXT_FILTER_SKIP_STATS;
		memcpy(RTA_DATA(rta), &mask, sizeof mask);
		length = NLMSG_ALIGN(length) + RTA_ALIGN(rta->rta_len);
	}
	req.nh.nlmsg_len = (uint32_t)length;
	if (send(sock, &req, length, 0) < 0) return errno;

	// A dump message may be larger than any fixed buffer (a link with many VFs): peek at its size first.
	static char *chunk;
	static size_t capacity;
	for (;;) {
		ssize_t size = recv(sock, NULL, 0, MSG_PEEK | MSG_TRUNC);
		if (size < 0) {
			if (errno == EINTR) continue;
			return errno;
		}
		if ((size_t)size > capacity) {
			capacity = (size_t)size;
			chunk = realloc(chunk, capacity);
			if (!chunk) {
				perror("nsdeck-netdump");
				exit(1);
			}
		}
		ssize_t got = recv(sock, chunk, capacity, 0);
		if (got < 0) {
			if (errno == EINTR) continue;
			return errno;
		}
		int remaining = (int)got;
		for (struct nlmsghdr *nh = (struct nlmsghdr *)chunk; NLMSG_OK(nh, remaining); nh = NLMSG_NEXT(nh, remaining)) {
			if (nh->nlmsg_type == NLMSG_DONE) return (nh->nlmsg_flags & NLM_F_DUMP_INTR) ? EAGAIN : 0;
			if (nh->nlmsg_type == NLMSG_ERROR) {
				const struct nlmsgerr *err = NLMSG_DATA(nh);
				return err->error ? -err->error : 0;
			}
			append(out, nh, nh->nlmsg_len);
		}
	}
}

/* Links, addresses and routes of the namespace at `path`, into `out`. Returns 0 or an errno. */
static int read_namespace(const char *path, struct buffer *out) {
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) return errno;
	int failed = setns(fd, CLONE_NEWNET) < 0 ? errno : 0;
	close(fd);
	if (failed) return failed;
	int sock = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (sock < 0) return errno;
	struct ifinfomsg link = {.ifi_family = AF_UNSPEC};
	struct ifaddrmsg addr = {.ifa_family = AF_UNSPEC};
	struct rtmsg route = {.rtm_family = AF_UNSPEC};
	// A dump that raced a change is marked interrupted: read the whole namespace again.
	for (int attempt = 0; attempt < 3; attempt++) {
		out->length = 0;
		failed = dump(sock, RTM_GETLINK, &link, sizeof link, 1, out);
		if (!failed) failed = dump(sock, RTM_GETADDR, &addr, sizeof addr, 0, out);
		if (!failed) failed = dump(sock, RTM_GETROUTE, &route, sizeof route, 0, out);
		if (failed != EAGAIN) break;
	}
	close(sock);
	if (failed) out->length = 0;
	return failed;
}

int main(void) {
	struct buffer raw = {0}, json = {0};
	char *path = NULL;
	size_t capacity = 0;
	uint32_t index = 0;
	for (ssize_t n; (n = getdelim(&path, &capacity, '\0', stdin)) > 0; index++) {
		if (path[n - 1] != '\0') break; // A path must end with NUL.
		int32_t error = read_namespace(path, &raw);
		json.length = 0;
		if (!error) namespace_json(raw.data, raw.length, &json);
		uint32_t header[3] = {index, (uint32_t)error, (uint32_t)json.length};
		write_all(header, sizeof header);
		write_all(json.data, json.length);
	}
	return 0;
}
