// nsdeck-netdump --watch (watch-many.h): live events from every listed namespace, whoever holds it.
//
// Why: `ip monitor all-nsid` in the host hears only namespaces the host has an nsid for; a namespace a
// process holds, or a mount, often has none, and changes there went unseen until the user selected it.
// One socket per namespace in one process keeps the cost flat: 1,000 namespaces are 1,000 file
// descriptors and no extra process.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include "watch-many.h"

#define STDIN_KEY UINT64_MAX

/* Groups that change what nsdeck shows (neighbour churn is left out, as ip monitor was told). */
static const unsigned GROUPS[] = {
	RTNLGRP_LINK, RTNLGRP_IPV4_IFADDR, RTNLGRP_IPV6_IFADDR, RTNLGRP_IPV4_ROUTE, RTNLGRP_IPV6_ROUTE,
	RTNLGRP_IPV4_RULE, RTNLGRP_IPV6_RULE, RTNLGRP_NSID, RTNLGRP_IPV4_NETCONF, RTNLGRP_IPV6_NETCONF,
#ifdef RTNLGRP_NEXTHOP
	RTNLGRP_NEXTHOP,
#endif
};

struct watched {
	uint32_t key;
	int fd;
};
static struct watched *watched;
static size_t count, capacity;
static int epfd;
/* Our own namespace, gone back to after each subscription: a process sitting in the last namespace it
 * entered would look, to discovery, like someone living there. */
static int home = -1;

static void say(uint32_t key) {
	char line[16];
	int n = snprintf(line, sizeof line, "%u\n", key);
	if (write(STDOUT_FILENO, line, (size_t)n) < 0) exit(0); // The reader went away.
}

/* A socket subscribed to GROUPS in the namespace at `path`, or -1. */
static int subscribe(const char *path) {
	int ns = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (ns < 0) return -1;
	int entered = setns(ns, CLONE_NEWNET);
	close(ns);
	if (entered < 0) return -1;
	int sock = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, NETLINK_ROUTE);
	if (home >= 0 && setns(home, CLONE_NEWNET) < 0) exit(1);
	if (sock < 0) return -1;
	struct sockaddr_nl local = {.nl_family = AF_NETLINK};
	if (bind(sock, (struct sockaddr *)&local, sizeof local) < 0) {
		close(sock);
		return -1;
	}
	for (size_t i = 0; i < sizeof GROUPS / sizeof GROUPS[0]; i++) {
		// A group this kernel lacks (no IPv6) is skipped: the others still say something changed.
		setsockopt(sock, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, &GROUPS[i], sizeof GROUPS[i]);
	}
	return sock;
}

static void unwatch(uint32_t key) {
	for (size_t i = 0; i < count; i++) {
		if (watched[i].key != key) continue;
		close(watched[i].fd); // Closing removes it from the epoll set.
		watched[i] = watched[--count];
		return;
	}
}

static void watch(uint32_t key, const char *path) {
	unwatch(key);
	int sock = subscribe(path);
	if (sock < 0) {
		say(key);
		return;
	}
	struct epoll_event event = {.events = EPOLLIN, .data.u64 = key};
	if (epoll_ctl(epfd, EPOLL_CTL_ADD, sock, &event) < 0) {
		close(sock);
		say(key);
		return;
	}
	if (count == capacity) {
		capacity = capacity ? capacity * 2 : 64;
		watched = realloc(watched, capacity * sizeof *watched);
		if (!watched) exit(1);
	}
	watched[count++] = (struct watched){key, sock};
}

static int fd_of(uint32_t key) {
	for (size_t i = 0; i < count; i++) if (watched[i].key == key) return watched[i].fd;
	return -1;
}

/* Commands read so far but not yet ended by their NUL. */
static char pending[8192];
static size_t pending_length;

/* Read what stdin has; returns 0 when it ended. */
static int read_commands(void) {
	ssize_t got = read(STDIN_FILENO, pending + pending_length, sizeof pending - pending_length);
	if (got < 0) return errno == EINTR || errno == EAGAIN;
	if (got == 0) return 0;
	pending_length += (size_t)got;
	size_t start = 0;
	for (size_t i = 0; i < pending_length; i++) {
		if (pending[i] != '\0') continue;
		char *command = pending + start;
		char *end;
		unsigned long key = strtoul(command + 1, &end, 10);
		if (command[0] == '+' && *end == '\t') watch((uint32_t)key, end + 1);
		else if (command[0] == '-') unwatch((uint32_t)key);
		start = i + 1;
	}
	memmove(pending, pending + start, pending_length - start);
	pending_length -= start;
	// A command longer than the buffer (no path is): drop it rather than stall.
	if (pending_length == sizeof pending) pending_length = 0;
	return 1;
}

int watch_many(void) {
	// One descriptor per namespace: 1,000 namespaces pass the usual soft limit of 1,024.
	struct rlimit files;
	if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
		files.rlim_cur = files.rlim_max;
		setrlimit(RLIMIT_NOFILE, &files);
	}
	home = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	epfd = epoll_create1(EPOLL_CLOEXEC);
	if (epfd < 0) return 1;
	struct epoll_event input = {.events = EPOLLIN, .data.u64 = STDIN_KEY};
	if (epoll_ctl(epfd, EPOLL_CTL_ADD, STDIN_FILENO, &input) < 0) return 1;
	static char drain[65536];
	struct epoll_event events[256];
	for (;;) {
		int n = epoll_wait(epfd, events, 256, -1);
		if (n < 0) {
			if (errno == EINTR) continue;
			return 1;
		}
		for (int i = 0; i < n; i++) {
			if (events[i].data.u64 == STDIN_KEY) {
				if (!read_commands()) return 0;
				continue;
			}
			uint32_t key = (uint32_t)events[i].data.u64;
			int fd = fd_of(key);
			if (fd < 0) continue; // Unwatched by a command earlier in this wake-up.
			// Empty the socket: what the events say is read afresh by the caller (ENOBUFS, an overrun, too).
			for (;;) {
				ssize_t got = recv(fd, drain, sizeof drain, MSG_DONTWAIT);
				if (got > 0 || (got < 0 && (errno == ENOBUFS || errno == EINTR))) continue;
				break;
			}
			say(key);
		}
	}
}
