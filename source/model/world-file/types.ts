// A world as a file declares it (`nsdeck save`, `apply`, `diff`, `destroy`): namespaces, their links with
// each kind's settings, addresses, routes, rules and forwarding. One shape for nsdeck's own files and for
// netnsplan's, which netnsplan.ts turns into this.
import type {DeclaredQdisc} from './qdisc-file.js';

/** `name` in the same namespace, or another namespace's link. */
export interface LinkPlace {
	readonly ns: string;
	readonly name: string;
}

/** The kinds a file may ask nsdeck to make; anything else is `external` (referenced, never made). */
export const MADE_KINDS = ['veth', 'bridge', 'macvlan', 'macvtap', 'ipvlan', 'vlan', 'vxlan', 'tun', 'tap', 'dummy'] as const;
export type MadeKind = (typeof MADE_KINDS)[number];

export interface DeclaredLink {
	readonly name: string;
	/** A kind nsdeck makes; absent for an external link. */
	readonly kind?: MadeKind;
	/** A physical device, the loopback, or anything nsdeck did not make: never created nor deleted. */
	readonly external: boolean;
	/** Absent: left as it is. */
	readonly up?: boolean;
	readonly mtu?: number;
	readonly mac?: string;
	/** The bridge it is a port of; absent on a made link means none. */
	readonly master?: string;
	/** Every address it holds, as `ip addr add` takes them (kernel-made link-local ones apart). */
	readonly addresses: readonly string[];
	/** veth: the other end. */
	readonly peer?: LinkPlace;
	/** macvlan, macvtap, ipvlan, vlan: the lower device; vxlan: the device it sends through. */
	readonly lower?: LinkPlace;
	/** macvlan, macvtap (bridge, private, vepa, passthru); ipvlan (l2, l3, l3s). */
	readonly mode?: string;
	/** vlan: the VLAN id. vxlan: the VNI, UDP port, the other end or group, and the address it sends from. */
	readonly id?: number;
	readonly port?: number;
	readonly remote?: string;
	readonly group?: string;
	readonly local?: string;
	/** netnsplan's ethernets: an existing device, moved here from the host when it is there. */
	readonly moveFromHost?: boolean;
	/** Its shaping (the root qdisc nsdeck sets: qdisc-file.ts); absent: the default, or left as it is. */
	readonly qdisc?: DeclaredQdisc;
}

export interface DeclaredRoute {
	readonly family: 4 | 6;
	/** 'default' or a prefix (a host route without its /32 or /128, as the kernel prints it). */
	readonly to: string;
	readonly via?: string;
	readonly dev?: string;
	readonly table: string;
	/** unicast unless said. */
	readonly type: string;
	readonly metric?: number;
	/** boot (what `ip route add` sets) unless said. */
	readonly proto: string;
	readonly src?: string;
	readonly onlink?: boolean;
	/** A multipath route's next hops (then `via` and `dev` are absent). */
	readonly nexthops?: readonly DeclaredHop[];
	/** The nexthop object it goes through (then `via`, `dev` and `nexthops` are absent). */
	readonly nhid?: number;
}

/** A nexthop object (`ip nexthop`): one hop, a blackhole, or a group of others by id. */
export interface DeclaredNexthop {
	readonly id: number;
	readonly via?: string;
	readonly dev?: string;
	readonly onlink?: boolean;
	readonly blackhole?: boolean;
	readonly group?: readonly {readonly id: number; readonly weight: number}[];
}

export interface DeclaredHop {
	readonly via?: string;
	readonly dev?: string;
	readonly weight: number;
}

export interface DeclaredRule {
	readonly family: 4 | 6;
	readonly priority: number;
	readonly not: boolean;
	/** A prefix, or 'all'. */
	readonly from: string;
	readonly to?: string;
	readonly iif?: string;
	readonly oif?: string;
	readonly fwmark?: string;
	readonly table?: string;
	/** blackhole, unreachable, prohibit (instead of a table). */
	readonly action?: string;
}

export interface DeclaredNamespace {
	/** 'host' or an `ip netns` name. */
	readonly name: string;
	readonly links: readonly DeclaredLink[];
	readonly routes: readonly DeclaredRoute[];
	readonly rules: readonly DeclaredRule[];
	/** Absent: none declared (netnsplan has none). */
	readonly nexthops?: readonly DeclaredNexthop[];
	readonly forwarding?: {readonly 4?: boolean; readonly 6?: boolean};
}

export interface WorldFile {
	readonly namespaces: readonly DeclaredNamespace[];
}

/** A mistake in a file, with where it is: the CLI prints `FILE:LINE: FIELD: message`. */
export class WorldFileError extends Error {
	constructor(
		readonly file: string,
		readonly line: number | undefined,
		readonly field: string,
		readonly reason: string,
	) {
		super(`${file}${line === undefined ? '' : `:${line}`}: ${field ? `${field}: ` : ''}${reason}`);
	}
}

/** The host in files: a namespace named `host` cannot be written (netns-id.ts gives it a path instead). */
export const HOST_NAME = 'host';

export const placeText = (place: LinkPlace, viewer: string): string => (place.ns === viewer ? place.name : `${place.ns}/${place.name}`);
