// The veth form's defaults, worked out from the world and the selection so that the seed tutorials take
// few keys: which two namespaces, which bridge, the ends' names (veth_ns1 style) and the second address.
import {ip as ipaddr} from '../../model/ip-address.js';
import {nsDisplayName} from '../../model/netns-id.js';
import {segmentOf, type SegmentSeed} from '../../model/segment.js';
import {HOST_ID, type Link, type World} from '../../model/types.js';
import {checkInterfaceName, findNs, parseCidr} from '../../model/validate.js';

/** What the user just made and now wants to join: a namespace other than the host with nothing but lo. */
const isFresh = (world: World, id: string): boolean => id !== HOST_ID && (findNs(world, id)?.links ?? []).every((l) => l.kind === 'loopback');

/**
 * The two namespaces a new pair joins: the selected one and a partner (a fresh namespace first, else any
 * other but the host, else the host), in the order the namespaces pane lists them, so that after
 * `n ns1`, `n ns2` the pair goes ns1 ⇄ ns2 whichever of them is selected.
 */
export function pairNamespaces(world: World, selected: string): readonly [string, string] {
	const ids = world.namespaces.map((n) => n.id);
	const others = ids.filter((id) => id !== selected);
	const partner = others.find((id) => isFresh(world, id)) ?? others.find((id) => id !== HOST_ID) ?? (selected === HOST_ID ? undefined : HOST_ID) ?? selected;
	return ids.indexOf(partner) < ids.indexOf(selected) ? [partner, selected] : [selected, partner];
}

/** The bridge the selected interface is, or is plugged into: where a new end in its namespace most likely goes. */
export function bridgeOfSelection(world: World, ns: string, link: Link | undefined): string {
	if (!link) return '';
	if (link.kind === 'bridge') return link.name;
	const master = link.master ? findNs(world, ns)?.links.find((l) => l.name === link.master) : undefined;
	return master?.kind === 'bridge' ? master.name : '';
}

/** A namespace's name as a piece of an interface name: letters, digits, _ . - only. */
const piece = (ns: string): string => nsDisplayName(ns).replaceAll(/[^A-Za-z0-9_.-]/g, '');

/**
 * veth_ns1 for an end in ns1; the host end of a pair to ns1 is veth_ns1_br0 on br0, veth_ns1_host
 * otherwise (as the seed tutorials name them); both ends in one namespace: veth_ns1_a, veth_ns1_b (in
 * the host: veth0, veth1). A name taken where the end goes gets a number (veth_ns1_2); one that does not
 * fit 15 bytes is cut.
 */
export function suggestEndName(world: World, end: {ns: string; bridge: string}, other: {ns: string}, which: 'a' | 'b', avoid = ''): string {
	const taken = new Set([...(findNs(world, end.ns)?.links ?? []).map((l) => l.name), avoid]);
	// Both ends in the host: veth0 and veth1, as ip itself would name them.
	if (end.ns === HOST_ID && other.ns === HOST_ID) {
		for (let n = 0; n < 1000; n++) if (!taken.has(`veth${n}`)) return `veth${n}`;
	}
	const base =
		end.ns === other.ns
			? `veth_${piece(end.ns)}_${which}`
			: end.ns === HOST_ID
				? `veth_${piece(other.ns)}_${end.bridge || 'host'}`
				: `veth_${piece(end.ns)}`;
	for (let n = 0; n < 100; n++) {
		const suffix = n === 0 ? '' : `_${n + 1}`;
		const name = base.slice(0, 15 - suffix.length) + suffix;
		if (!taken.has(name) && checkInterfaceName(name) === undefined) return name;
	}
	return '';
}

/** The address after `cidr` in its subnet (the one before, at the subnet's end): the other end's likely address. */
export function nextAddress(cidr: string): string {
	const parsed = parseCidr(cidr);
	if (!parsed) return '';
	const bytes = ipaddr.parse(parsed.address).toByteArray();
	const bits = bytes.length * 8;
	if (parsed.prefix >= bits - 1) return '';
	const step = (delta: 1 | -1): number[] => {
		const out = [...bytes];
		for (let i = out.length - 1; i >= 0; i--) {
			out[i] += delta;
			if (out[i] >= 0 && out[i] <= 255) break;
			out[i] = delta === 1 ? 0 : 255;
		}
		return out;
	};
	const hostPart = (b: number[]): boolean => {
		const network = ipaddr.parse(parsed.address);
		const candidate = ipaddr.fromByteArray(b);
		// Inside the subnet, and neither its network nor (IPv4) its broadcast address.
		if (!candidate.match(network, parsed.prefix)) return false;
		if (candidate.kind() !== 'ipv4') return true;
		const all = ipaddr.IPv4.broadcastAddressFromCIDR(`${parsed.address}/${parsed.prefix}`).toString();
		const net = ipaddr.IPv4.networkAddressFromCIDR(`${parsed.address}/${parsed.prefix}`).toString();
		return candidate.toString() !== all && candidate.toString() !== net;
	};
	const next = [step(1), step(-1)].find(hostPart);
	return next ? `${ipaddr.fromByteArray(next).toString()}/${parsed.prefix}` : '';
}

/** IPv4 addresses with their prefix, global ones only: what a new address must not collide with. */
const globalV4 = (links: readonly Link[]) => links.flatMap((l) => l.addresses.filter((a) => a.family === 4 && a.scope === 'global'));

/** Host addresses of a subnet in order (network and broadcast left out), at most `limit` of them. */
export function* hostsOf(address: string, prefix: number, limit = 1024): Generator<string> {
	if (prefix > 30) return;
	const first = ipaddr.IPv4.networkAddressFromCIDR(`${address}/${prefix}`).toByteArray();
	const start = ((first[0] << 24) >>> 0) + (first[1] << 16) + (first[2] << 8) + first[3];
	const size = 2 ** (32 - prefix);
	for (let i = 1; i < Math.min(size - 1, limit + 1); i++) {
		const n = start + i;
		yield [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
	}
}

/**
 * `count` addresses nobody holds, as CIDRs, for links that join the segment of `seeds` (a bridge a new end
 * goes on, the link an address is added to): in the subnet already used there, else in the first
 * 10.1.N.0/24 that no address in the world touches. A hint is only worth giving if it would work.
 */
export function freeAddresses(world: World, ns: string, seeds: readonly SegmentSeed[], count: number): string[] {
	const everywhere = world.namespaces.flatMap((n) => globalV4(n.links));
	const held = new Set(everywhere.map((a) => a.local));
	const onSegment = seeds.length === 0 ? [] : globalV4(segmentOf(world, seeds, ns).flatMap((m) => findNs(world, m.ref.ns)?.links.filter((l) => l.ifindex === m.ref.ifindex) ?? []));
	const take = (address: string, prefix: number): string[] => [...hostsOf(address, prefix)].filter((h) => !held.has(h)).slice(0, count).map((h) => `${h}/${prefix}`);
	const used = onSegment[0];
	if (used) return take(used.local, used.prefixlen);
	for (let n = 1; n < 256; n++) {
		const base = ipaddr.parse(`10.1.${n}.1`);
		const touched = everywhere.some((a) => base.match(ipaddr.parse(a.local), a.prefixlen) || ipaddr.parse(a.local).match(base, 24));
		if (!touched) return take(`10.1.${n}.0`, 24);
	}
	return [];
}
