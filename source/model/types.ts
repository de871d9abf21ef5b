// Readonly records of what the kernel reported. Everything the UI shows is derived from these.

/** How nsdeck reaches a namespace: the host's own, a named one under /run/netns, or one a process holds. */
export type NetnsKind = 'host' | 'named' | 'pid';

export interface Address {
	readonly family: 4 | 6;
	readonly local: string;
	readonly prefixlen: number;
	readonly scope: string;
	/** local/prefixlen, as `ip addr add` takes it. */
	readonly cidr: string;
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
	readonly addresses: readonly Address[];
	readonly peerHint?: PeerHint;
}

export interface Route {
	readonly family: 4 | 6;
	/** 'default' or a prefix; a host route may lack the /len. */
	readonly dst: string;
	readonly gateway?: string;
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

export interface Netns {
	/** Stable key and display name: 'host', the /run/netns name, or 'pid:1234'. */
	readonly id: string;
	readonly kind: NetnsKind;
	/** What nsenter --net= takes. */
	readonly path: string;
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
