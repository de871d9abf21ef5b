// nsdeck-netdump: read the links, addresses and routes of many network namespaces in one process.
//
// Why: reading a namespace with `nsenter --net=PATH ip …` costs two exec()s, and at 1,000 namespaces
// those exec()s alone take over a second. This program enters each namespace with setns(), opens a
// rtnetlink socket there (a socket stays bound to the namespace it was made in) and asks the kernel the
// same three dumps `ip -d addr` and `ip route show table all` ask. netlink-json.c turns the answers into
// the records nsdeck shows.
//
// Input: namespace paths as arguments after `--`, or, if none, on stdin, each ended by a NUL byte.
// Output, per path, in input order: a 12-byte header (u32 index, i32 errno or 0, u32 length, in host
// byte order) and then `length` bytes of JSON: {"links":[…],"routes":[…]} (see netlink-json.h).
// With `--nsid-names DIR`, each namespace's nsid table too, named after the entries of DIR, as
// `ip netns list-id` names it (nsid-names.h): {"links":[…],"routes":[…],"nsids":[…]}. It is asked on a
// second thread while the links are dumped. nsdeck asks it for a single namespace (the host at start):
// for all of them it would cost O(namespaces²). With `--nsids-only` too, the table is all it reads (the
// lists stay empty): the watcher's name for each nsid. With `--first-only` instead, only the first path's
// table is named: the host's, when nsdeck reads the host and every other namespace in one run.
//
// `--serve` answers the app's counters and single reads (serve). `--watch` hears events in many namespaces
// instead of reading them (watch-many.h).
// `--foreground -- CMD…` does something else: the lab's first process (foreground.h). `--decode FILE`
// reads no namespace: FILE holds rtnetlink messages as the kernel sends them (RTM_NEWLINK, RTM_NEWADDR, …,
// each with its nlmsghdr), and their JSON is written to stdout, without a frame header. The decoder's tests
// give it dumps of kinds a test kernel cannot make (test/fixtures/rtnetlink/, scripts/rtnetlink-fixtures.mjs).
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/fib_rules.h>
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/nexthop.h>
#include <linux/netconf.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "buffer.h"
#include "foreground.h"
#include "link-stats.h"
#include "netconf.h"
#include "netlink-json.h"
#include "nsid-identity.h"
#include "nsid-names.h"
#include "revert-job.h"
#include "watch-many.h"

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
	// One buffer per thread: the nsid names are dumped on their own thread.
	static _Thread_local char *chunk;
	static _Thread_local size_t capacity;
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

struct naming {
	const char *dir;
	struct buffer json; /* the nsid list, or empty if it could not be had */
};

/* Thread body: the nsid table of the namespace this thread is in (it starts in the reader's). */
static void *name_nsids(void *arg) {
	struct naming *naming = arg;
	naming->json.length = 0;
	int sock = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (sock < 0) return NULL;
	struct buffer dumped = {0};
	struct rtgenmsg all = {.rtgen_family = AF_UNSPEC};
	if (dump(sock, RTM_GETNSID, &all, sizeof all, 0, &dumped) == 0 && nsid_names_json(sock, naming->dir, dumped.data, dumped.length, &naming->json) != 0) {
		naming->json.length = 0;
	}
	free(dumped.data);
	close(sock);
	return NULL;
}

/* --nsids-only: read nothing but the nsid table. */
static int only_nsids;

/* --first-only: name the nsids of the first path only (the host's, in a read of every namespace). */
static int names_first_only;

/* The host's nsfs file and a socket there (nsid-identity.h), and one namespace's nsids in its frame. */
static int home_fd = -1, home_sock = -1;
static struct buffer identity;

/*
 * What /proc/self/ns/net names here: the namespace the helper started in (home_fd), wherever it has moved
 * since. A server's host is read by that path (remote-read.ts REMOTE_HOST), and `--serve` moves on.
 */
static const char SELF_NET[] = "/proc/self/ns/net";

/* Move into the namespace at `path`, keeping it open in *fd (the caller closes it). Returns 0 or an errno. */
static int enter_keeping(const char *path, int *fd) {
	// O_NONBLOCK: an entry that is a FIFO (anyone who can write /run/netns can make one) would block a
	// plain open() for ever; opened like this, setns refuses it (EINVAL) and the next path is read.
	if (home_fd >= 0 && strcmp(path, SELF_NET) == 0) *fd = fcntl(home_fd, F_DUPFD_CLOEXEC, 0);
	else *fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (*fd < 0) return errno;
	int failed = setns(*fd, CLONE_NEWNET) < 0 ? errno : 0;
	if (failed) close(*fd);
	return failed;
}

/* Move into the namespace at `path`. Returns 0 or an errno. */
static int enter(const char *path) {
	int fd;
	int failed = enter_keeping(path, &fd);
	if (!failed) close(fd);
	return failed;
}

/*
 * Links, addresses and routes of the namespace at `path`, into `out`; with `naming`, its named nsid table
 * too. Returns 0 or an errno.
 */
static int read_namespace(const char *path, struct buffer *out, struct naming *naming) {
	int fd;
	int failed = enter_keeping(path, &fd);
	identity.length = 0;
	if (!failed && only_nsids && naming) close(fd);
	if (failed) return failed;
	out->length = 0;
	if (only_nsids && naming) {
		name_nsids(naming);
		return 0;
	}
	// A new thread shares the namespaces of the thread that makes it, so it asks in `path`'s namespace.
	pthread_t namer;
	int naming_started = naming && pthread_create(&namer, NULL, name_nsids, naming) == 0;
	if (naming && !naming_started) name_nsids(naming);
	int sock = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (sock < 0) {
		failed = errno;
		close(fd);
		if (naming_started) pthread_join(namer, NULL);
		return failed;
	}
	struct ifinfomsg link = {.ifi_family = AF_UNSPEC};
	struct ifaddrmsg addr = {.ifa_family = AF_UNSPEC};
	struct rtmsg route = {.rtm_family = AF_UNSPEC};
	struct fib_rule_hdr rule = {.family = AF_UNSPEC};
	struct ndmsg neighbour = {.ndm_family = AF_UNSPEC};
	struct ndmsg fdb = {.ndm_family = AF_BRIDGE};
	struct nhmsg nexthop = {.nh_family = AF_UNSPEC};

	// A dump that raced a change is marked interrupted: read the whole namespace again.
	for (int attempt = 0; attempt < 3; attempt++) {
		out->length = 0;
		failed = dump(sock, RTM_GETLINK, &link, sizeof link, 1, out);
		if (!failed) failed = dump(sock, RTM_GETADDR, &addr, sizeof addr, 0, out);
		if (!failed) failed = dump(sock, RTM_GETROUTE, &route, sizeof route, 0, out);
		if (!failed) failed = dump(sock, RTM_GETRULE, &rule, sizeof rule, 0, out);
		if (!failed) failed = dump(sock, RTM_GETNEIGH, &neighbour, sizeof neighbour, 0, out);
		// Only a namespace with a bridge or a vxlan has a forwarding database worth the dump.
		if (!failed && dump_has_fdb(out->data, out->length)) failed = dump(sock, RTM_GETNEIGH, &fdb, sizeof fdb, 0, out);
		// Nexthop objects (`ip nexthop`): a kernel older than 5.3 refuses the dump, and has none.
		if (!failed && (failed = dump(sock, RTM_GETNEXTHOP, &nexthop, sizeof nexthop, 0, out)) != EAGAIN) failed = 0;
		// Forwarding from netconf: opening /proc/sys/net after setns costs ~0.25 ms a namespace (the kernel
		// builds that namespace's sysctl view), more than all the dumps here together.
		if (!failed) failed = get_netconf(sock, AF_INET, out);
		// No IPv6 in this kernel or namespace: forwarding says so with null.
		if (!failed && get_netconf(sock, AF_INET6, out) == EAFNOSUPPORT) failed = 0;
		if (failed != EAGAIN) break;
	}
	if (!failed) nsid_identity_json(sock, fd, home_sock, home_fd, &identity);
	close(fd);
	close(sock);
	if (naming_started) pthread_join(namer, NULL);
	if (failed) out->length = 0;
	return failed;
}

static struct buffer raw, json;

/* Read the namespace at `path` and write its frame. */
static void answer(uint32_t index, const char *path, struct naming *naming) {
	int32_t error = read_namespace(path, &raw, naming);
	json.length = 0;
	// An nsid table the kernel would not give is left out: ip netns list-id could not name it either.
	const struct buffer *nsids = naming && naming->json.length > 0 ? &naming->json : NULL;
	if (!error) namespace_json(raw.data, raw.length, !only_nsids, nsids, &json);
	if (!error && identity.length > 0 && json.length > 0) {
		json.length--; // The object's closing brace: the nsids in the host's frame go inside.
		append(&json, identity.data, identity.length);
		append(&json, "}", 1);
	}
	uint32_t header[3] = {index, (uint32_t)error, (uint32_t)json.length};
	write_all(header, sizeof header);
	write_all(json.data, json.length);
}

/* One frame: the counters of the links in the namespace at `path` (link-stats.h). */
static void stats_frame(uint32_t index, const char *path) {
	raw.length = json.length = 0;
	int32_t error = enter(path);
	int sock = error ? -1 : socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (!error && sock < 0) error = errno;
	struct ifinfomsg link = {.ifi_family = AF_UNSPEC};
	// Without IFLA_EXT_MASK the kernel sends every link's statistics.
	if (sock >= 0) error = dump(sock, RTM_GETLINK, &link, sizeof link, 0, &raw);
	if (sock >= 0) close(sock);
	if (!error) link_stats_json(raw.data, raw.length, &json);
	uint32_t header[3] = {index, (uint32_t)error, (uint32_t)json.length};
	write_all(header, sizeof header);
	write_all(json.data, json.length);
}

/*
 * --serve DIR: one process for the app's whole life, answering NUL-ended requests on stdin with a frame
 * each, until stdin closes. `s` and a path: its links' counters, for the live rates, once a second; `r`
 * and a path: the namespace, read as answer() reads one with its nsids named after DIR, for the selected
 * namespace's poll. Starting a process costs a Node process of ~150 MB ~25 ms of CPU; a request, a write.
 */
static int serve(const char *dir) {
	struct naming naming = {.dir = dir};
	nsid_identity_open_home(&home_fd, &home_sock);
	char *request = NULL;
	size_t capacity = 0;
	uint32_t index = 0;
	for (ssize_t n; (n = getdelim(&request, &capacity, '\0', stdin)) > 1 && request[n - 1] == '\0'; index++) {
		if (request[0] == 'r') answer(index, request + 1, &naming);
		else stats_frame(index, request + 1);
	}
	return 0;
}

/* --decode FILE: the JSON of the messages in FILE. */
static int decode_file(const char *path) {
	FILE *file = fopen(path, "rb");
	if (!file) {
		perror(path);
		return 1;
	}
	struct buffer messages = {0}, out = {0};
	char chunk[4096];
	for (size_t n; (n = fread(chunk, 1, sizeof chunk, file)) > 0;) append(&messages, chunk, n);
	fclose(file);
	namespace_json(messages.data, messages.length, 0, NULL, &out);
	append(&out, "\n", 1);
	write_all(out.data, out.length);
	return 0;
}

int main(int argc, char **argv) {
	if (argc == 3 && strcmp(argv[1], "--decode") == 0) return decode_file(argv[2]);
	// Before the parent-death signal below: the revert job must outlive nsdeck (revert-job.c).
	if (argc == 4 && strcmp(argv[1], "--revert-after") == 0) return revert_after(argv[2], argv[3]);
	// Ends with nsdeck, even when nsdeck is killed with SIGKILL (then no one would read what we write).
	pid_t parent = getppid();
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent) return 1;
	if (argc == 3 && strcmp(argv[1], "--serve") == 0) return serve(argv[2]);
	if (argc == 2 && strcmp(argv[1], "--watch") == 0) return watch_many();
	if (argc > 2 && strcmp(argv[1], "--foreground") == 0 && strcmp(argv[2], "--") == 0) return foreground_exec(argv + 3);
	struct naming naming = {0};
	int next = 1;
	if (next + 1 < argc && strcmp(argv[next], "--nsid-names") == 0) {
		naming.dir = argv[next + 1];
		next += 2;
		if (next < argc && strcmp(argv[next], "--nsids-only") == 0) {
			only_nsids = 1;
			next++;
		} else if (next < argc && strcmp(argv[next], "--first-only") == 0) {
			names_first_only = 1;
			next++;
		}
	}
	if (next < argc && strcmp(argv[next], "--") == 0) {
		next++;
	} else if (next < argc) {
		fprintf(stderr, "usage: nsdeck-netdump [--nsid-names DIR [--nsids-only|--first-only]] [-- PATH…] (without PATHs: NUL-ended paths on stdin) | --revert-after SECONDS FILE\n");
		return 2;
	}
	struct naming *names = naming.dir ? &naming : NULL;
	if (!only_nsids) nsid_identity_open_home(&home_fd, &home_sock);
	// `nsdeck show` starts this read while its own modules still load (source/early-start.ts), and reads
	// nothing meanwhile: with room for 1 MiB instead of the pipe's 64 KiB, most of a large world is read by
	// then. Not a pipe, or over this user's limit: the pipe stays as it is.
	fcntl(STDOUT_FILENO, F_SETPIPE_SZ, 1 << 20);
	uint32_t index = 0;
	// Paths as arguments: nothing to wait for. nsdeck passes few this way (the host at start, while its own
	// main thread is busy and could not write a pipe for ~10 ms); thousands come on stdin.
	if (next < argc) {
		for (; next < argc; next++, index++) answer(index, argv[next], index == 0 || !names_first_only ? names : NULL);
		return 0;
	}
	char *path = NULL;
	size_t capacity = 0;
	for (ssize_t n; (n = getdelim(&path, &capacity, '\0', stdin)) > 0; index++) {
		if (path[n - 1] != '\0') break; // A path must end with NUL.
		answer(index, path, index == 0 || !names_first_only ? names : NULL);
	}
	return 0;
}
