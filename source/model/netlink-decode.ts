// Links, addresses and routes from raw rtnetlink dumps, as the same records `ip -j -d addr` and
// `ip -j route show table all` give through parse.ts. Each field follows what ip prints (iproute2's
// print_linkinfo, print_addrinfo, print_route), so both readers agree; a kernel test compares them.
import {nameOf, type IprouteNames} from './iproute-names.js';
import {keepRoute} from './parse.js';
import type {Address, Link, PeerHint, Route} from './types.js';
import {addressText, attributeBytes, attributes, hardwareText, i32, ipv4Text, ipv6Text, messages, text, u32, u8, u16} from './netlink-wire.js';

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
	return table.filter(([, bit]) => flags & bit).map(([name]) => name);
}

function linkFlags(flags: number, masterDown: boolean): string[] {
	const names = flags & IFF_UP && !(flags & IFF_RUNNING) ? ['NO-CARRIER'] : [];
	names.push(...flagNames(flags, LINK_FLAGS));
	const known = LINK_FLAGS.reduce((all, [, bit]) => all | bit, IFF_RUNNING);
	const rest = flags & ~known;
	if (rest) names.push(rest.toString(16));
	if (masterDown) names.push('M-DOWN');
	return names;
}

interface RawLink {
	readonly index: number;
	readonly type: number;
	readonly flags: number;
	readonly attrs: Map<number, DataView>;
}

function linkLayerAddress(v: DataView, type: number): string {
	const bytes = attributeBytes(v);
	if (bytes.length === 4 && IPV4_TUNNELS.has(type)) return ipv4Text(bytes);
	if (bytes.length === 16 && IPV6_TUNNELS.has(type)) return ipv6Text(bytes);
	return hardwareText(bytes);
}

function decodeAddress(body: DataView, scopes: IprouteNames['scopes']): {index: number; address: Address} | undefined {
	const family = u8(body, 0);
	if (family !== AF_INET && family !== AF_INET6) return undefined;
	const attrs = attributes(body, 8, ADDRESS_ATTRS);
	const local = attrs.get(IFA.local) ?? attrs.get(IFA.address);
	if (!local) return undefined;
	const shown = addressText(local);
	const prefixlen = u8(body, 1);
	return {
		index: u32(body, 4),
		address: {family: family === AF_INET ? 4 : 6, local: shown, prefixlen, scope: nameOf(scopes, u8(body, 3)), cidr: `${shown}/${prefixlen}`},
	};
}

function decodeLink(raw: RawLink, byIndex: ReadonlyMap<number, RawLink>, addresses: readonly Address[]): Link {
	const {attrs} = raw;
	const nameAt = (index: number): string => {
		const other = byIndex.get(index)?.attrs.get(IFLA.ifname);
		return other ? text(other) : `if${index}`;
	};
	const number = (type: number): number | undefined => {
		const v = attrs.get(type);
		return v ? u32(v, 0) : undefined;
	};
	const iflink = number(IFLA.link);
	const netnsidAttr = attrs.get(IFLA.linkNetnsid);
	const netnsid = netnsidAttr ? i32(netnsidAttr, 0) : undefined;
	// As ip prints it: the peer's ifindex when it lives elsewhere, its name when it lives here.
	const acrossNamespaces = iflink !== undefined && iflink !== 0 && netnsid !== undefined;
	const here = iflink !== undefined && iflink !== 0 && netnsid === undefined;
	const hint: PeerHint = {ifindex: acrossNamespaces ? iflink : undefined, netnsid, name: here ? nameAt(iflink) : undefined};
	const hasHint = hint.ifindex !== undefined || hint.netnsid !== undefined || hint.name !== undefined;
	// ip marks M-DOWN when the link it is stacked on (here) is down, or unknown.
	const masterDown = here && !((byIndex.get(iflink)?.flags ?? 0) & IFF_UP);
	const flags = linkFlags(raw.flags, masterDown);
	const info = attrs.get(IFLA.linkinfo);
	const kindAttr = info ? attributes(info, 0, INFO_ATTRS).get(IFLA_INFO_KIND) : undefined;
	const operstate = attrs.get(IFLA.operstate);
	const master = number(IFLA.master);
	const mac = attrs.get(IFLA.address);
	const ifname = attrs.get(IFLA.ifname);
	return {
		ifindex: raw.index,
		name: ifname ? text(ifname) : '?',
		kind: kindAttr ? text(kindAttr) : raw.type === ARPHRD_LOOPBACK ? 'loopback' : 'device',
		state: operstate ? (OPER_STATES[u8(operstate, 0)] ?? 'UNKNOWN') : 'UNKNOWN',
		flags,
		adminUp: flags.includes('UP'),
		noCarrier: flags.includes('NO-CARRIER'),
		mac: mac ? linkLayerAddress(mac, raw.type) : '',
		mtu: number(IFLA.mtu) ?? 0,
		master: master === undefined ? undefined : nameAt(master),
		addresses,
		peerHint: hasHint ? hint : undefined,
	};
}

function decodeRoute(body: DataView, names: IprouteNames, linkName: (index: number) => string): Route | undefined {
	const family = u8(body, 0);
	if (family !== AF_INET && family !== AF_INET6) return undefined;
	const flags = u32(body, 8);
	if (flags & RTM_F_CLONED) return undefined; // ip shows cached clones only with `route show cache`.
	// Most of a dump is the local table, which nsdeck leaves out (keepRoute): skip it before decoding.
	if (u8(body, 4) === RT_TABLE_LOCAL || u8(body, 7) === RTN_MULTICAST) return undefined;
	const attrs = attributes(body, 12, ROUTE_ATTRS);
	const dstLen = u8(body, 1);
	const hostLen = family === AF_INET ? 32 : 128;
	const dstAttr = attrs.get(RTA.dst);
	let dst = 'default';
	if (dstAttr) dst = dstLen === hostLen ? addressText(dstAttr) : `${addressText(dstAttr)}/${dstLen}`;
	else if (dstLen) dst = `0/${dstLen}`;
	const tableAttr = attrs.get(RTA.table);
	const oif = attrs.get(RTA.oif);
	const gateway = attrs.get(RTA.gateway);
	const priority = attrs.get(RTA.priority);
	const prefsrc = attrs.get(RTA.prefsrc);
	const type = u8(body, 7);
	return {
		family: family === AF_INET ? 4 : 6,
		dst,
		gateway: gateway ? addressText(gateway) : undefined,
		dev: oif ? linkName(u32(oif, 0)) : undefined,
		table: nameOf(names.tables, tableAttr ? u32(tableAttr, 0) : u8(body, 4)),
		type: ROUTE_TYPES[type] ?? String(type),
		protocol: nameOf(names.protocols, u8(body, 5)),
		scope: nameOf(names.scopes, u8(body, 6)),
		metric: priority ? u32(priority, 0) : undefined,
		prefsrc: prefsrc ? addressText(prefsrc) : undefined,
		flags: flagNames(flags, ROUTE_FLAGS),
	};
}

/** One namespace's dump (links, addresses, routes, in any order) as the records parse.ts makes from ip. */
export function decodeNamespaceDump(bytes: Uint8Array, names: IprouteNames): {links: Link[]; routes: Route[]} {
	const rawLinks: RawLink[] = [];
	const addressBodies: DataView[] = [];
	const routeBodies: DataView[] = [];
	for (const message of messages(bytes)) {
		if (message.type === RTM_NEWLINK) {
			const {body} = message;
			rawLinks.push({index: i32(body, 4), type: u16(body, 2), flags: u32(body, 8), attrs: attributes(body, 16, LINK_ATTRS)});
		} else if (message.type === RTM_NEWADDR) addressBodies.push(message.body);
		else if (message.type === RTM_NEWROUTE) routeBodies.push(message.body);
	}
	const byIndex = new Map(rawLinks.map((l) => [l.index, l]));
	const addressesOf = new Map<number, Address[]>();
	for (const body of addressBodies) {
		const decoded = decodeAddress(body, names.scopes);
		if (!decoded) continue;
		const list = addressesOf.get(decoded.index) ?? [];
		list.push(decoded.address);
		addressesOf.set(decoded.index, list);
	}
	const links = rawLinks.map((raw) => decodeLink(raw, byIndex, addressesOf.get(raw.index) ?? []));
	const nameByIndex = new Map(links.map((l) => [l.ifindex, l.name]));
	const linkName = (index: number): string => nameByIndex.get(index) ?? `if${index}`;
	const routes = routeBodies.map((body) => decodeRoute(body, names, linkName)).filter((r): r is Route => r !== undefined && keepRoute(r));
	return {links, routes};
}
