// Names for a namespace's nsids, the work of `ip netns list-id`: open every entry of /run/netns and ask
// the kernel which nsid, if any, this namespace gave it (RTM_GETNSID with NETNSA_FD).
//
// Why here: the host's read needs these names for its first frame (a veth's other end is known by nsid
// only), and a second process beside nsdeck-netdump (ip, ~25 ms at 1,000 namespaces) competes for the two
// cores with the app's start. The questions go to the kernel in batches, one send for many.
#include "nsid-names.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/net_namespace.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdint.h>
#include <sys/socket.h>
#include <unistd.h>

#include "netlink-json.h"

/* Requests per send: their answers (~1 KB each as the kernel counts them) must fit the socket's receive buffer. */
#define BATCH 64

struct nsid_name {
	int32_t nsid;
	char *name; /* NULL until an entry of the directory turns out to be this namespace */
};

struct nsid_request {
	struct nlmsghdr nh;
	struct rtgenmsg g;
	char pad[NLMSG_ALIGN(sizeof(struct rtgenmsg)) - sizeof(struct rtgenmsg)];
	struct nlattr fd_attr;
	int32_t fd;
};

/* The NETNSA_NSID of an RTM_NEWNSID message, or NETNSA_NSID_NOT_ASSIGNED. */
static int32_t message_nsid(const struct nlmsghdr *nh) {
	size_t header = NLMSG_LENGTH(NLMSG_ALIGN(sizeof(struct rtgenmsg)));
	if (nh->nlmsg_type != RTM_NEWNSID || nh->nlmsg_len < header) return NETNSA_NSID_NOT_ASSIGNED;
	const char *at = (const char *)nh + header;
	size_t remaining = nh->nlmsg_len - header;
	while (remaining >= sizeof(struct nlattr)) {
		const struct nlattr *attr = (const struct nlattr *)at;
		if (attr->nla_len < sizeof *attr || attr->nla_len > remaining) break;
		if ((attr->nla_type & NLA_TYPE_MASK) == NETNSA_NSID && attr->nla_len >= NLA_HDRLEN + sizeof(int32_t)) {
			int32_t nsid;
			memcpy(&nsid, at + NLA_HDRLEN, sizeof nsid);
			return nsid;
		}
		size_t step = NLA_ALIGN(attr->nla_len);
		if (step >= remaining) break;
		at += step;
		remaining -= step;
	}
	return NETNSA_NSID_NOT_ASSIGNED;
}

static void name_nsid(struct nsid_name *table, size_t count, int32_t nsid, const char *name) {
	for (size_t i = 0; i < count; i++) {
		if (table[i].nsid != nsid) continue;
		if (table[i].name && strcmp(table[i].name, name) <= 0) return;
		free(table[i].name);
		table[i].name = strdup(name);
		return;
	}
}

/* Send the batch, read one answer per request (an RTM_NEWNSID, or an error for an entry that is no namespace). */
static int ask_batch(int sock, struct nsid_request *requests, char (*names)[256], size_t n, struct nsid_name *table, size_t count) {
	if (send(sock, requests, n * sizeof *requests, 0) < 0) return errno;
	static char answers[16384];
	size_t answered = 0;
	while (answered < n) {
		ssize_t got = recv(sock, answers, sizeof answers, 0);
		if (got < 0) {
			if (errno == EINTR) continue;
			return errno;
		}
		int remaining = (int)got;
		for (struct nlmsghdr *nh = (struct nlmsghdr *)answers; NLMSG_OK(nh, remaining); nh = NLMSG_NEXT(nh, remaining)) {
			answered++;
			int32_t nsid = message_nsid(nh);
			if (nsid != NETNSA_NSID_NOT_ASSIGNED && nh->nlmsg_seq < n) name_nsid(table, count, nsid, names[nh->nlmsg_seq]);
		}
	}
	return 0;
}

/* Ask for every entry of `dir`, BATCH at a time. An entry that cannot be opened has no nsid to give. */
static int ask_directory(int sock, const char *dir, struct nsid_name *table, size_t count) {
	DIR *entries = opendir(dir);
	if (!entries) return 0; // No named namespaces: every nsid stays unnamed, as with ip.
	static struct nsid_request requests[BATCH];
	static char names[BATCH][256];
	size_t n = 0;
	int failed = 0;
	for (;;) {
		struct dirent *entry = readdir(entries);
		if (entry && entry->d_name[0] != '.') {
			char path[4096];
			snprintf(path, sizeof path, "%s/%s", dir, entry->d_name);
			int fd = open(path, O_RDONLY | O_CLOEXEC);
			if (fd >= 0) {
				struct nsid_request *r = &requests[n];
				memset(r, 0, sizeof *r);
				r->nh.nlmsg_len = sizeof *r;
				r->nh.nlmsg_type = RTM_GETNSID;
				r->nh.nlmsg_flags = NLM_F_REQUEST;
				r->nh.nlmsg_seq = (uint32_t)n;
				r->g.rtgen_family = AF_UNSPEC;
				r->fd_attr.nla_type = NETNSA_FD;
				r->fd_attr.nla_len = NLA_HDRLEN + sizeof(int32_t);
				r->fd = fd;
				snprintf(names[n], sizeof names[n], "%s", entry->d_name);
				n++;
			}
		}
		if (n == BATCH || (!entry && n > 0)) {
			if (!failed) failed = ask_batch(sock, requests, names, n, table, count);
			for (size_t i = 0; i < n; i++) close(requests[i].fd);
			n = 0;
		}
		if (!entry) break;
	}
	closedir(entries);
	return failed;
}

int nsid_names_json(int sock, const char *dir, const char *messages, size_t length, struct buffer *out) {
	size_t count = 0, capacity = 16;
	struct nsid_name *table = malloc(capacity * sizeof *table);
	int remaining = (int)length;
	for (const struct nlmsghdr *nh = (const struct nlmsghdr *)messages; table && NLMSG_OK(nh, remaining); nh = NLMSG_NEXT(nh, remaining)) {
		int32_t nsid = message_nsid(nh);
		if (nsid == NETNSA_NSID_NOT_ASSIGNED) continue;
		if (count == capacity) table = realloc(table, (capacity *= 2) * sizeof *table);
		if (table) table[count++] = (struct nsid_name){nsid, NULL};
	}
	if (!table) {
		perror("nsdeck-netdump");
		exit(1);
	}
	int failed = count > 0 ? ask_directory(sock, dir, table, count) : 0;
	// The kernel dumps nsids in id order (an IDR walk), which is the order ip prints.
	append(out, "[", 1);
	for (size_t i = 0; i < count; i++) {
		char text[48];
		int n = snprintf(text, sizeof text, "%s{\"nsid\":%d", i ? "," : "", table[i].nsid);
		append(out, text, (size_t)n);
		if (table[i].name) {
			append_text(out, ",\"name\":");
			json_string_n(out, table[i].name, strlen(table[i].name));
		}
		append(out, "}", 1);
		free(table[i].name);
	}
	append(out, "]", 1);
	free(table);
	return failed;
}
