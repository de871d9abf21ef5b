// Where things are on the way: who holds an address, the links a packet crosses on one segment (veth
// peers, the bridges between), and which of them are down or without carrier.
import {ip as ipaddr} from '../ip-address.js';
import {linkStateLabel} from '../format.js';
import {linkKey, type Topology} from '../topology.js';
import type {Link, Netns, World} from '../types.js';
import {findNs, parseIp} from '../validate.js';
import {covers, type Ip} from './route-lookup.js';

export interface Place {
	readonly ns: Netns;
	readonly link: Link;
}

export interface Holder extends Place {
	readonly prefixlen: number;
}

/** Which namespace and interface hold an address (the first one, if several do). */
export function addressHolder(world: World, address: string, except?: string): Holder | undefined {
	for (const ns of world.namespaces) {
		if (ns.id === except) continue;
		for (const link of ns.links) {
			const a = link.addresses.find((x) => x.local === address);
			if (a) return {ns, link, prefixlen: a.prefixlen};
		}
	}
	return undefined;
}

export const holds = (ns: Netns, address: string): Link | undefined => ns.links.find((l) => l.addresses.some((a) => a.local === address));

export const subnetOf = (address: string, prefixlen: number): string => {
	const ip = parseIp(address);
	if (!ip) return `${address}/${prefixlen}`;
	const net = ip.family === 4 ? ipaddr.IPv4.networkAddressFromCIDR(`${address}/${prefixlen}`) : ipaddr.IPv6.networkAddressFromCIDR(`${address}/${prefixlen}`);
	return `${net.toString()}/${prefixlen}`;
};

export const onSubnet = (link: Link, ip: Ip): boolean =>
	link.addresses.some((a) => a.family === ip.family && a.scope !== 'host' && covers(`${a.local}/${a.prefixlen}`, ip) !== undefined);

/** The link at the other end of a veth, as a place in the world. */
export function peerPlace(world: World, topology: Topology, place: Place): Place | undefined {
	const ref = topology.peers.get(linkKey(place.ns.id, place.link.ifindex));
	const ns = ref && findNs(world, ref.ns);
	const link = ns?.links.find((l) => l.ifindex === ref?.ifindex);
	return ns && link ? {ns, link} : undefined;
}

/** The bridge a link is a port of. */
export function masterPlace(place: Place): Place | undefined {
	const bridge = place.link.master ? place.ns.links.find((l) => l.name === place.link.master) : undefined;
	return bridge && {ns: place.ns, link: bridge};
}

export const samePlace = (a: Place, b: Place): boolean => a.ns.id === b.ns.id && a.link.ifindex === b.link.ifindex;

/**
 * The first address of the subnet of `address`/`prefixlen` that no namespace holds (neither its network
 * address nor, for IPv4, its broadcast): what the "add an address" fix proposes. Looks at the first 1024.
 */
export function freeAddressOn(world: World, address: string, prefixlen: number): string | undefined {
	const ip = parseIp(address);
	if (!ip) return undefined;
	const bits = ip.family === 4 ? 32 : 128;
	if (prefixlen >= bits - 1) return undefined;
	const held = new Set(world.namespaces.flatMap((n) => n.links.flatMap((l) => l.addresses.map((a) => a.local))));
	const network = ipaddr.parse(subnetOf(address, prefixlen).split('/')[0]).toByteArray();
	const hosts = Math.min(1024, 2 ** Math.min(bits - prefixlen, 20) - (ip.family === 4 ? 2 : 1));
	for (let i = 1; i <= hosts; i++) {
		const bytes = [...network];
		let carry = i;
		for (let k = bytes.length - 1; k >= 0 && carry > 0; k--) {
			const sum = bytes[k] + carry;
			bytes[k] = sum % 256;
			carry = Math.floor(sum / 256);
		}
		const candidate = ipaddr.fromByteArray(bytes).toString();
		if (!held.has(candidate)) return candidate;
	}
	return undefined;
}

/** The links a packet crosses from `from` towards `to` on one segment: veth peers and the bridges between. */
export function segment(world: World, topology: Topology, from: Place, to?: Place): Place[] {
	const out: Place[] = [from];
	const add = (p: Place | undefined): void => {
		if (p && !out.some((q) => samePlace(p, q))) out.push(p);
	};
	const fromPeer = peerPlace(world, topology, from);
	add(masterPlace(from));
	add(fromPeer);
	add(fromPeer && masterPlace(fromPeer));
	if (to) {
		const toPeer = peerPlace(world, topology, to);
		add(toPeer && masterPlace(toPeer));
		add(toPeer);
		add(masterPlace(to));
		add(to);
	}
	return out;
}

/** "X in N is down", or "… has no carrier" when its other end is down somewhere we do not list. */
export function linkProblems(world: World, topology: Topology, path: readonly Place[]): string[] {
	const downs = new Set(path.filter((p) => !p.link.adminUp).map((p) => linkKey(p.ns.id, p.link.ifindex)));
	const out: string[] = [];
	for (const p of path) {
		const label = linkStateLabel(p.link);
		const what = p.link.kind === 'bridge' ? `bridge ${p.link.name}` : `interface ${p.link.name}`;
		if (label === 'DOWN') {
			out.push(`${what} in ${p.ns.id} is down (select it and press Space to set it up)`);
		} else if (label === 'NO-CARRIER') {
			const peer = peerPlace(world, topology, p);
			if (peer && downs.has(linkKey(peer.ns.id, peer.link.ifindex))) continue; // said by the peer's own line
			out.push(
				peer && !peer.link.adminUp
					? `${what} in ${p.ns.id} has no carrier: its peer ${peer.link.name} in ${peer.ns.id} is down`
					: `${what} in ${p.ns.id} has no carrier: its other end is down`,
			);
		}
	}
	return out;
}

/** The first link on the segment that is down (what a one-step fix sets up). */
export const firstDown = (path: readonly Place[]): Place | undefined => path.find((p) => !p.link.adminUp);
