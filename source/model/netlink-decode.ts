// Links, addresses and routes from raw rtnetlink dumps, as the same records `ip -j -d addr` and
// `ip -j route show table all` give through parse.ts. Each field follows what ip prints (iproute2's
// print_linkinfo, print_addrinfo, print_route), so both readers agree; a kernel test compares them.
import {nameOf, type IprouteNames} from './iproute-names.js';
import {keepRoute} from './parse.js';
import type {Address, Link, PeerHint, Route} from './types.js';
import {addressText, attributes, hardwareText, ipv4Text, ipv6Text, messages, text, u32At, Wire, type Span} from './netlink-wire.js';

const RTM_NEWLINK = 16;
const RTM_NEWADDR = 20;
const RTM_NEWROUTE = 24;

const AF_INET = 2;
const AF_INET6 = 10;

const IFLA = {address: 1, ifname: 3, mtu: 4, link: 5, master: 10, operstate: 16, linkinfo: 18, linkNetnsid: 37} as const;
const IFLA_INFO_KIND = 1;
const IFA = {address: 1, local: 2} as const;
const RTA = {dst: 1, oif: 4, gateway: 5, priority: 6, prefsrc: 7, table: 15} as const;
const wanted = (types: Record<string, number>): ReadonlySet<number> => new Set(Object.values(types));
const LINK_ATTRS = wanted(IFLA);
/** The link attributes the decoder reads: nsdeck-netdump passes on only these (the rest is ~90 % of a dump). */
export const LINK_ATTRIBUTES_READ: readonly number[] = [...LINK_ATTRS];
const INFO_ATTRS = new Set([IFLA_INFO_KIND]);
const ADDRESS_ATTRS = wanted(IFA);
const ROUTE_ATTRS = wanted(RTA);

const IFF_UP = 0x1;
const IFF_RUNNING = 0x40;
/** ip's order of link flags (print_link_flags); RUNNING is never printed. */
const LINK_FLAGS: ReadonlyArray<readonly [string, number]> = [
	['LOOPBACK', 0x8],
	['BROADCAST', 0x2],
	['POINTOPOINT', 0x10],
	['MULTICAST', 0x1000],
	['NOARP', 0x80],
	['ALLMULTI', 0x200],
	['PROMISC', 0x100],
	['MASTER', 0x400],
	['SLAVE', 0x800],
	['DEBUG', 0x4],
	['DYNAMIC', 0x8000],
	['AUTOMEDIA', 0x4000],
	['PORTSEL', 0x2000],
	['NOTRAILERS', 0x20],
	['UP', IFF_UP],
	['LOWER_UP', 0x10000],
	['DORMANT', 0x20000],
	['ECHO', 0x40000],
];
const OPER_STATES = ['UNKNOWN', 'NOTPRESENT', 'DOWN', 'LOWERLAYERDOWN', 'TESTING', 'DORMANT', 'UP'];
const ARPHRD_LOOPBACK = 772;
/** Tunnels whose link-layer address is an IP address (ip's ll_addr_n2a). */
const IPV4_TUNNELS = new Set([768, 776, 778]);
const IPV6_TUNNELS = new Set([769, 823]);

/** ip's route type names (rtnl_rtntype_n2a), by RTN_* number. */
const ROUTE_TYPES = ['0', 'unicast', 'local', 'broadcast', 'anycast', 'multicast', 'blackhole', 'unreachable', 'prohibit', 'throw', 'nat', 'xresolve'];
/** ip's order of route flags (print_rt_flags). */
const ROUTE_FLAGS: ReadonlyArray<readonly [string, number]> = [
	['dead', 0x1],
	['onlink', 0x4],
	['pervasive', 0x2],
	['offload', 0x8],
	['trap', 0x40],
	['notify', 0x100],
	['linkdown', 0x10],
	['unresolved', 0x20],
	['rt_offload', 0x4000],
	['rt_trap', 0x8000],
	['rt_offload_failed', 0x20000000],
];
const RTM_F_CLONED = 0x200;
const RT_TABLE_LOCAL = 255;
const RTN_MULTICAST = 5;

function flagNames(flags: number, table: ReadonlyArray<readonly [string, number]>): string[] {
	const names: string[] = [];
	for (const [name, bit] of table) if (flags & bit) names.push(name);
	return names;
}

const KNOWN_LINK_FLAGS = LINK_FLAGS.reduce((all, [, bit]) => all | bit, IFF_RUNNING);

/** Up, but without a carrier (the other end of a veth is down): ip prints NO-CARRIER. */
const noCarrier = (flags: number): boolean => (flags & IFF_UP) !== 0 && (flags & IFF_RUNNING) === 0;

function linkFlags(flags: number, masterDown: boolean): string[] {
	const names = noCarrier(flags) ? ['NO-CARRIER'] : [];
	for (const [name, bit] of LINK_FLAGS) if (flags & bit) names.push(name);
	const rest = flags & ~KNOWN_LINK_FLAGS;
	if (rest) names.push(rest.toString(16));
	if (masterDown) names.push('M-DOWN');
	return names;
}

interface RawLink {
	readonly index: number;
	readonly type: number;
	readonly flags: number;
	readonly attrs: Map<number, Span>;
}

function linkLayerAddress(wire: Wire, span: Span, type: number): string {
	if (span.length === 4 && IPV4_TUNNELS.has(type)) return ipv4Text(wire.bytes, span.at);
	if (span.length === 16 && IPV6_TUNNELS.has(type)) return ipv6Text(wire.bytes, span.at);
	return hardwareText(wire.bytes, span.at, span.length);
}

function decodeAddress(wire: Wire, body: Span, scopes: IprouteNames['scopes']): {index: number; address: Address} | undefined {
	const family = wire.u8(body.at);
	if (family !== AF_INET && family !== AF_INET6) return undefined;
	const attrs = attributes(wire, body, 8, ADDRESS_ATTRS);
	const local = attrs.get(IFA.local) ?? attrs.get(IFA.address);
	if (!local) return undefined;
	const shown = addressText(wire, local);
	const prefixlen = wire.u8(body.at + 1);
	return {
		index: wire.u32(body.at + 4),
		address: {family: family === AF_INET ? 4 : 6, local: shown, prefixlen, scope: nameOf(scopes, wire.u8(body.at + 3)), cidr: `${shown}/${prefixlen}`},
	};
}

function decodeLink(wire: Wire, raw: RawLink, byIndex: ReadonlyMap<number, RawLink>, addresses: readonly Address[]): Link {
	const {attrs} = raw;
	const nameAt = (index: number): string => {
		const other = byIndex.get(index)?.attrs.get(IFLA.ifname);
		return other ? text(wire, other) : `if${index}`;
	};
	const number = (type: number): number | undefined => {
		const span = attrs.get(type);
		return span ? u32At(wire, span) : undefined;
	};
	const iflink = number(IFLA.link);
	const netnsidAttr = attrs.get(IFLA.linkNetnsid);
	const netnsid = netnsidAttr ? wire.i32(netnsidAttr.at) : undefined;
	// As ip prints it: the peer's ifindex when it lives elsewhere, its name when it lives here.
	const acrossNamespaces = iflink !== undefined && iflink !== 0 && netnsid !== undefined;
	const here = iflink !== undefined && iflink !== 0 && netnsid === undefined;
	const hint: PeerHint = {ifindex: acrossNamespaces ? iflink : undefined, netnsid, name: here ? nameAt(iflink) : undefined};
	const hasHint = hint.ifindex !== undefined || hint.netnsid !== undefined || hint.name !== undefined;
	// ip marks M-DOWN when the link it is stacked on (here) is down, or unknown.
	const masterDown = here && !((byIndex.get(iflink)?.flags ?? 0) & IFF_UP);
	const flags = linkFlags(raw.flags, masterDown);
	const info = attrs.get(IFLA.linkinfo);
	const kindAttr = info ? attributes(wire, info, 0, INFO_ATTRS).get(IFLA_INFO_KIND) : undefined;
	const operstate = attrs.get(IFLA.operstate);
	const master = number(IFLA.master);
	const mac = attrs.get(IFLA.address);
	const ifname = attrs.get(IFLA.ifname);
	return {
		ifindex: raw.index,
		name: ifname ? text(wire, ifname) : '?',
		kind: kindAttr ? text(wire, kindAttr) : raw.type === ARPHRD_LOOPBACK ? 'loopback' : 'device',
		state: operstate ? (OPER_STATES[wire.u8(operstate.at)] ?? 'UNKNOWN') : 'UNKNOWN',
		flags,
		adminUp: (raw.flags & IFF_UP) !== 0,
		noCarrier: noCarrier(raw.flags),
		mac: mac ? linkLayerAddress(wire, mac, raw.type) : '',
		mtu: number(IFLA.mtu) ?? 0,
		master: master === undefined ? undefined : nameAt(master),
		addresses,
		peerHint: hasHint ? hint : undefined,
	};
}

function decodeRoute(wire: Wire, body: Span, names: IprouteNames, linkName: (index: number) => string): Route | undefined {
	const family = wire.u8(body.at);
	if (family !== AF_INET && family !== AF_INET6) return undefined;
	const flags = wire.u32(body.at + 8);
	if (flags & RTM_F_CLONED) return undefined; // ip shows cached clones only with `route show cache`.
	// Most of a dump is the local table, which nsdeck leaves out (keepRoute): skip it before decoding.
	const headerTable = wire.u8(body.at + 4);
	const type = wire.u8(body.at + 7);
	if (headerTable === RT_TABLE_LOCAL || type === RTN_MULTICAST) return undefined;
	const attrs = attributes(wire, body, 12, ROUTE_ATTRS);
	const dstLen = wire.u8(body.at + 1);
	const hostLen = family === AF_INET ? 32 : 128;
	const dstAttr = attrs.get(RTA.dst);
	let dst = 'default';
	if (dstAttr) dst = dstLen === hostLen ? addressText(wire, dstAttr) : `${addressText(wire, dstAttr)}/${dstLen}`;
	else if (dstLen) dst = `0/${dstLen}`;
	const tableAttr = attrs.get(RTA.table);
	const oif = attrs.get(RTA.oif);
	const gateway = attrs.get(RTA.gateway);
	const priority = attrs.get(RTA.priority);
	const prefsrc = attrs.get(RTA.prefsrc);
	return {
		family: family === AF_INET ? 4 : 6,
		dst,
		gateway: gateway ? addressText(wire, gateway) : undefined,
		dev: oif ? linkName(u32At(wire, oif)) : undefined,
		table: nameOf(names.tables, tableAttr ? u32At(wire, tableAttr) : headerTable),
		type: ROUTE_TYPES[type] ?? String(type),
		protocol: nameOf(names.protocols, wire.u8(body.at + 5)),
		scope: nameOf(names.scopes, wire.u8(body.at + 6)),
		metric: priority ? u32At(wire, priority) : undefined,
		prefsrc: prefsrc ? addressText(wire, prefsrc) : undefined,
		flags: flagNames(flags, ROUTE_FLAGS),
	};
}

/** One namespace's dump (links, addresses, routes, in any order) as the records parse.ts makes from ip. */
export function decodeNamespaceDump(bytes: Uint8Array, names: IprouteNames): {links: Link[]; routes: Route[]} {
	const wire = new Wire(bytes);
	const rawLinks: RawLink[] = [];
	const addressBodies: Span[] = [];
	const routeBodies: Span[] = [];
	for (const {type, body} of messages(wire)) {
		if (type === RTM_NEWLINK) {
			rawLinks.push({index: wire.i32(body.at + 4), type: wire.u16(body.at + 2), flags: wire.u32(body.at + 8), attrs: attributes(wire, body, 16, LINK_ATTRS)});
		} else if (type === RTM_NEWADDR) addressBodies.push(body);
		else if (type === RTM_NEWROUTE) routeBodies.push(body);
	}
	const byIndex = new Map(rawLinks.map((l) => [l.index, l]));
	const addressesOf = new Map<number, Address[]>();
	for (const body of addressBodies) {
		const decoded = decodeAddress(wire, body, names.scopes);
		if (!decoded) continue;
		const list = addressesOf.get(decoded.index);
		if (list) list.push(decoded.address);
		else addressesOf.set(decoded.index, [decoded.address]);
	}
	const links = rawLinks.map((raw) => decodeLink(wire, raw, byIndex, addressesOf.get(raw.index) ?? []));
	const nameByIndex = new Map(links.map((l) => [l.ifindex, l.name]));
	const linkName = (index: number): string => nameByIndex.get(index) ?? `if${index}`;
	const routes: Route[] = [];
	for (const body of routeBodies) {
		const route = decodeRoute(wire, body, names, linkName);
		if (route !== undefined && keepRoute(route)) routes.push(route);
	}
	return {links, routes};
}
