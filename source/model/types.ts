// Readonly records of what the kernel reported. Everything the UI shows is derived from these.

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
}

/** What ip -d says of a link's kind (linkinfo.info_data): the facts nsdeck shows. */
export interface LinkFacts {
	/** macvlan, macvtap: bridge, vepa, private, passthru, source; ipvlan: l2, l3, l3s; bond: its mode. */
	readonly mode?: string;
	/** vlan id, vxlan VNI. */
	readonly id?: number;
	/** vlan: 802.1Q or 802.1ad. */
	readonly protocol?: string;
	/** vxlan: the remote endpoint, or the multicast group. */
	readonly remote?: string;
	readonly group?: string;
	readonly local?: string;
	readonly port?: number;
	/** vxlan: the underlay device it sends through. */
	readonly underlay?: string;
	/** vrf: its routing table. */
	readonly table?: number;
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
	/** veth, bridge, loopback, or the kernel's info_kind (vlan, macvlan, …); 'device' when none is given. */
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
	readonly master?: string;
	/** What the master is (bridge, bond, vrf, team): ip's info_slave_kind. */
	readonly masterKind?: string;
	readonly facts?: LinkFacts;
	/** Other names of the link (`ip link property add … altname …`). */
	readonly altnames?: readonly string[];
	readonly addresses: readonly Address[];
	readonly peerHint?: PeerHint;
}

/** One next hop of a multipath route (ECMP). */
export interface NextHop {
	readonly gateway?: string;
	readonly dev?: string;
	readonly weight: number;
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
	readonly flags: readonly string[];
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
	/** Why this namespace could not be read, if it could not. */
	readonly error?: string;
	/** Listed but not read yet (the world loads in the background): only its name is known. */
	readonly pending?: boolean;
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
