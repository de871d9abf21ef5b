// Readonly records of what the kernel reported. Everything the UI shows is derived from these.
import type {LinkFacts} from './link-kinds/index.js';

/**
 * How nsdeck reaches a namespace: the host's own; named by `ip netns` (/run/netns/NAME); another nsfs bind
 * mount (Docker's /run/docker/netns/ID); or only a process holding it (/proc/PID/ns/net).
 */
export type NetnsKind = 'host' | 'named' | 'mounted' | 'process';

/** What makes a namespace itself, whatever path reaches it: its nsfs device and inode. */
export interface NetnsIdentity {
	readonly dev: number;
	readonly ino: number;
}

/** Who lives in a namespace, from /proc and the files runtimes keep (discover-label.ts). */
export interface NetnsLabel {
	/** Processes whose /proc/PID/ns/net is this namespace. */
	readonly processes: number;
	/** The longest-lived of them: the one that made the namespace, or its heir. */
	readonly main?: {readonly pid: number; readonly command: string};
	/** From the main process's cgroup path (docker-ID.scope, cri-containerd-ID.scope, libpod-ID.scope, …). */
	readonly container?: {readonly runtime: string; readonly id: string; readonly name?: string};
	/** The Kubernetes pod, where the runtime's files on disk name it. */
	readonly pod?: {readonly namespace: string; readonly name: string};
	/** The systemd unit, for a service outside any container (PrivateNetwork=). */
	readonly unit?: string;
	/** Mininet's name for the node, from `mininet:NAME` in its shell's arguments (model/netns-label.ts). */
	readonly mininet?: string;
}

/** Where a namespace is, found before it is read (discover.ts). */
export interface NetnsPlace {
	/** Unique key, and how plans reach it (netns-id.ts): 'host', an `ip netns` name, or a path. */
	readonly id: string;
	readonly kind: NetnsKind;
	/** What nsenter --net= takes. */
	readonly path: string;
	readonly identity?: NetnsIdentity;
	readonly label?: NetnsLabel;
}

export interface Address {
	readonly family: 4 | 6;
	readonly local: string;
	readonly prefixlen: number;
	readonly scope: string;
	/** local/prefixlen, as `ip addr add` takes it. */
	readonly cidr: string;
	/**
	 * ip's address flags that set it apart from a plain working address: tentative (IPv6 duplicate
	 * detection still running), dadfailed (a duplicate: the kernel will not use it), deprecated, and the
	 * rest as ip names them (dynamic, noprefixroute, …).
	 */
	readonly flags?: readonly string[];
	/** Made or changed by a plan of a dry run (planned-world.ts): not in the kernel. */
	readonly planned?: boolean;
}

/** What `ip` says about a link's other end, before we resolve it across namespaces. */
export interface PeerHint {
	/** ifindex of the peer, in the namespace named by `netnsid` (or in this one when netnsid is absent). */
	readonly ifindex?: number;
	/** nsid of the peer's namespace, as seen from this link's namespace (nsids are per viewer). */
	readonly netnsid?: number;
	/** The peer's name when it lives in the same namespace. */
	readonly name?: string;
}

export interface Link {
	readonly ifindex: number;
	readonly name: string;
	/** loopback, the kernel's info_kind (veth, bridge, vlan, …; tap for a tun that is one), or 'device' when none is given. */
	readonly kind: string;
	/** operstate: UP, DOWN, LOWERLAYERDOWN, UNKNOWN, … */
	readonly state: string;
	readonly flags: readonly string[];
	/** Administratively up (the UP flag), which is what `ip link set … up/down` toggles. */
	readonly adminUp: boolean;
	/** NO-CARRIER is set: up, but the other end (or the cable) is down. */
	readonly noCarrier: boolean;
	readonly mac: string;
	readonly mtu: number;
	/** The kind of its root qdisc (IFLA_QDISC: noqueue, fq_codel, tbf, netem, …), where the reader says it. */
	readonly qdisc?: string;
	/** The bounds the driver accepts for `mtu` (ip's min_mtu, max_mtu), where the reader reports them. */
	readonly minMtu?: number;
	readonly maxMtu?: number;
	readonly master?: string;
	/** What the master is (bridge, bond, vrf, team): ip's info_slave_kind. */
	readonly masterKind?: string;
	/** What ip -d says of its kind, one shape per kind (link-kinds/). */
	readonly facts?: LinkFacts;
	/** Other names of the link (`ip link property add … altname …`). */
	readonly altnames?: readonly string[];
	readonly addresses: readonly Address[];
	readonly peerHint?: PeerHint;
	/** Made or changed by a plan of a dry run (planned-world.ts): not in the kernel. */
	readonly planned?: boolean;
}

/** One next hop of a multipath route (ECMP). */
export interface NextHop {
	readonly gateway?: string;
	readonly dev?: string;
	readonly weight: number;
	/** ip's next-hop flags: onlink, linkdown, dead, … */
	readonly flags?: readonly string[];
}

/** A nexthop object (`ip nexthop`): one hop, or a group of other objects, that routes name by `nhid`. */
export interface NexthopObject {
	readonly id: number;
	readonly gateway?: string;
	readonly dev?: string;
	/** A group: the member objects' ids, each with its weight. */
	readonly group?: readonly {readonly id: number; readonly weight: number}[];
	/** blackhole, fdb: what ip prints as a bare word. */
	readonly blackhole?: boolean;
	readonly fdb?: boolean;
	readonly scope?: string;
	readonly protocol?: string;
	readonly flags: readonly string[];
}

export interface Route {
	readonly family: 4 | 6;
	/** 'default' or a prefix; a host route may lack the /len. */
	readonly dst: string;
	/** The gateway, of the route's family or (`via inet6 …` on an IPv4 route) the other one. */
	readonly gateway?: string;
	/** Multipath: every next hop, each with its weight (then gateway and dev are absent). */
	readonly nexthops?: readonly NextHop[];
	readonly dev?: string;
	readonly table: string;
	readonly type: string;
	readonly protocol?: string;
	readonly scope?: string;
	readonly metric?: number;
	readonly prefsrc?: string;
	/** IPv4's type of service, as ip prints it (`0x10`); absent for 0. */
	readonly tos?: string;
	/** IPv6's source prefix (`from 2001:db8:9::/64`): a route for packets from there only. */
	readonly from?: string;
	/** The nexthop object it goes through (`nhid 7`); its gateway and dev are then the object's. */
	readonly nhid?: number;
	/**
	 * Route metrics by ip's JSON names (`mtu: 1400`, `advmss`, `rtt` in ms, `congestion: 'cubic'`, …). ip's
	 * JSON does not say which are locked (`mtu lock 1400`), so nor does this.
	 */
	readonly metrics?: Readonly<Record<string, number | string>>;
	/** IPv6 router preference: medium, high, low. */
	readonly pref?: string;
	/** Seconds left before the kernel removes it (a learnt IPv6 route); not part of what it is. */
	readonly expires?: number;
	readonly flags: readonly string[];
	/** Made or changed by a plan of a dry run (planned-world.ts): not in the kernel. */
	readonly planned?: boolean;
}

/** One policy routing rule (`ip rule`): which packets, then which table or what else. */
export interface Rule {
	readonly priority: number;
	/** `not`: the selector is inverted. */
	readonly not: boolean;
	/** A prefix, or 'all'. */
	readonly src: string;
	readonly dst?: string;
	readonly iif?: string;
	readonly oif?: string;
	/** 0x1, or 0x1/0xff with its mask. */
	readonly fwmark?: string;
	/** The table it looks up, by ip's name. */
	readonly table?: string;
	/** Not a table lookup: blackhole, unreachable, prohibit, goto, nop. */
	readonly action?: string;
	readonly goto?: number;
}

/** A neighbour entry (ARP for IPv4, NDP for IPv6). */
export interface Neighbour {
	readonly family: 4 | 6;
	readonly dst: string;
	readonly dev: string;
	readonly lladdr?: string;
	readonly router: boolean;
	/** ip's states: REACHABLE, STALE, FAILED, PERMANENT, … */
	readonly state: readonly string[];
}

/**
 * What a bridge knows of a MAC address: behind which port; or a vxlan's own entry (`self`): to which
 * remote end (`dst`), with which VNI and port.
 */
export interface FdbEntry {
	readonly mac: string;
	readonly dev: string;
	readonly bridge?: string;
	readonly vlan?: number;
	/** A vxlan's entry: the remote end's address, VNI, UDP port, and the device it goes out by. */
	readonly dst?: string;
	readonly vni?: number;
	readonly port?: number;
	readonly via?: string;
	/** self, router, extern_learn, sticky, … as bridge prints them. */
	readonly flags?: readonly string[];
	/** permanent (the port's own), static (told), stale, or '' (learnt, in use). */
	readonly state: string;
}

export interface NsidEntry {
	readonly nsid: number;
	/** Absent when the namespace has no name under /run/netns (the host, or a container's). */
	readonly name?: string;
}

/** Every namespace found, and what could not be looked at (by reason → count): partial sight, stated. */
export interface NamespaceListing {
	readonly places: readonly NetnsPlace[];
	readonly unseen: Readonly<Record<string, number>>;
}

export interface Netns extends NetnsPlace {
	readonly links: readonly Link[];
	/** Routes of every table except `local` (which only mirrors addresses). */
	readonly routes: readonly Route[];
	readonly nsids: readonly NsidEntry[];
	/**
	 * Policy rules by family; a family is absent when it was not read (ip reads IPv6 rules only with -6,
	 * which its batch mode cannot say: without the helper, IPv4's only).
	 */
	readonly rules?: {readonly 4?: readonly Rule[]; readonly 6?: readonly Rule[]};
	readonly neighbours?: readonly Neighbour[];
	/** The bridges' and vxlans' forwarding databases; absent when not read (the helper reads them, ip cannot). */
	readonly fdb?: readonly FdbEntry[];
	/** Nexthop objects and groups (`ip nexthop`); absent when not read. */
	readonly nexthops?: readonly NexthopObject[];
	/** IPv4 and IPv6 forwarding; absent when not read. */
	readonly forwarding?: {readonly 4?: boolean; readonly 6?: boolean};
	/** Its nsids in the host's frame (native/nsid-identity.h); absent when read with ip, or for the host. */
	readonly frame?: NsidFrame;
	/** Why this namespace could not be read, if it could not. */
	readonly error?: string;
	/** Listed but not read yet (the world loads in the background): only its name is known. */
	readonly pending?: boolean;
	/** Made or changed by a plan of a dry run (planned-world.ts): not in the kernel. */
	readonly planned?: boolean;
}

/**
 * nsids are per viewer: this namespace's nsid k says nothing by itself. The helper asks the kernel which
 * host nsid each one is, so a lower device or a peer is found by (namespace, ifindex), never by ifindex.
 */
export interface NsidFrame {
	/** This namespace's nsid for the host. */
	readonly hostNsid?: number;
	/** The host's nsid for this namespace. */
	readonly inHost?: number;
	/** This namespace's other nsids, as the host's nsids for the same namespaces. */
	readonly toHost: readonly {readonly nsid: number; readonly hostNsid: number}[];
}

export interface World {
	readonly namespaces: readonly Netns[];
}

/** Where a link lives: namespace id and interface name. */
export interface LinkRef {
	readonly ns: string;
	readonly name: string;
	readonly ifindex: number;
}

export const HOST_ID = 'host';
