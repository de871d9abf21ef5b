// Names for a namespace's nsids, the work of `ip netns list-id`: open every entry of /run/netns and ask
// the kernel which nsid, if any, this namespace gave it (RTM_GETNSID with NETNSA_FD).
//
// The table is what the kernel's nsid dump lists, and every nsid those answers name. Both are needed: the
// dump alone also lists namespaces that have no entry (a container's), but kernels seen here (6.18) end
// it after its first message buffer, ~134 nsids, for `ip netns list-id` too; with 1,000 namespaces the
// rest would go unnamed, and their changes unseen by the watcher, which knows namespaces by nsid.
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "netlink-json.h"

/* Requests per send: their answers (~1 KB each as the kernel counts them) must fit the socket's receive buffer. */
#define BATCH 64

struct nsid_name {
	int32_t nsid;
	char *name; /* NULL until an entry of the directory turns out to be this namespace */
};

struct nsid_table {
	struct nsid_name *entries;
	size_t count, capacity;
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

static struct nsid_name *add_nsid(struct nsid_table *table, int32_t nsid) {
	if (table->count == table->capacity) {
		table->capacity = table->capacity ? table->capacity * 2 : 64;
		table->entries = realloc(table->entries, table->capacity * sizeof *table->entries);
		if (!table->entries) {
			perror("nsdeck-netdump");
			exit(1);
		}
	}
	struct nsid_name *entry = &table->entries[table->count++];
	*entry = (struct nsid_name){nsid, NULL};
	return entry;
}

/* `name` is the namespace with this nsid: the table gets it (the first name by strcmp, if several are). */
static void name_nsid(struct nsid_table *table, int32_t nsid, const char *name) {
	struct nsid_name *entry = NULL;
	for (size_t i = 0; i < table->count && !entry; i++) {
		if (table->entries[i].nsid == nsid) entry = &table->entries[i];
	}
	if (!entry) entry = add_nsid(table, nsid); // Beyond where the kernel ended its dump.
	if (entry->name && strcmp(entry->name, name) <= 0) return;
	free(entry->name);
	entry->name = strdup(name);
}

static int by_nsid(const void *a, const void *b) {
	int32_t x = ((const struct nsid_name *)a)->nsid, y = ((const struct nsid_name *)b)->nsid;
	return (x > y) - (x < y);
}

/* Send the batch, read one answer per request (an RTM_NEWNSID, or an error for an entry that is no namespace). */
static int ask_batch(int sock, struct nsid_request *requests, char (*names)[256], size_t n, struct nsid_table *table) {
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
			if (nsid != NETNSA_NSID_NOT_ASSIGNED && nh->nlmsg_seq < n) name_nsid(table, nsid, names[nh->nlmsg_seq]);
		}
	}
	return 0;
}

/* Ask for every entry of `dir`, BATCH at a time. An entry that cannot be opened has no nsid to give. */
static int ask_directory(int sock, const char *dir, struct nsid_table *table) {
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
			int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY); // a FIFO must not block (netdump.c)
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
			if (!failed) failed = ask_batch(sock, requests, names, n, table);
			for (size_t i = 0; i < n; i++) close(requests[i].fd);
			n = 0;
		}
		if (!entry) break;
	}
	closedir(entries);
	return failed;
}

int nsid_names_json(int sock, const char *dir, const char *messages, size_t length, struct buffer *out) {
	struct nsid_table table = {0};
	int remaining = (int)length;
	for (const struct nlmsghdr *nh = (const struct nlmsghdr *)messages; NLMSG_OK(nh, remaining); nh = NLMSG_NEXT(nh, remaining)) {
		int32_t nsid = message_nsid(nh);
		if (nsid != NETNSA_NSID_NOT_ASSIGNED) add_nsid(&table, nsid);
	}
	// An empty dump means no nsid at all: the kernel ends it after a full buffer, never before the first.
	int failed = table.count > 0 ? ask_directory(sock, dir, &table) : 0;
	// By nsid, the order of the kernel's dump (an IDR walk) and of ip's list.
	qsort(table.entries, table.count, sizeof *table.entries, by_nsid);
	append(out, "[", 1);
	for (size_t i = 0; i < table.count; i++) {
		const struct nsid_name *entry = &table.entries[i];
		char text[48];
		int n = snprintf(text, sizeof text, "%s{\"nsid\":%d", i ? "," : "", entry->nsid);
		append(out, text, (size_t)n);
		if (entry->name) {
			append_text(out, ",\"name\":");
			json_string_n(out, entry->name, strlen(entry->name));
		}
		append(out, "}", 1);
		free(entry->name);
	}
	append(out, "]", 1);
	free(table.entries);
	return failed;
}
