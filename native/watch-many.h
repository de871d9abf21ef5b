#ifndef NSDECK_WATCH_MANY_H
#define NSDECK_WATCH_MANY_H

/*
 * `--watch`: one process hears rtnetlink events in many network namespaces at once. A socket stays bound
 * to the namespace it was made in, so the watcher enters each namespace it is told of, opens a socket there
 * subscribed to link, address, route, rule, nexthop, netconf and nsid events, and waits on all of them.
 *
 * stdin, each command ended by a NUL byte: "+KEY\tPATH" watches the namespace at PATH under KEY (a
 * decimal number the caller chose), "-KEY" stops watching it.
 * stdout: "KEY\n" when something changed in that namespace (once per wake-up, however many events came),
 * and also when PATH could not be watched (the caller's read then finds out why).
 * Ends when stdin ends. Returns the exit status.
 */
int watch_many(void);
#endif
