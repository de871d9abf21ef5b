// Which links share an L2 segment, and whether an address is already held on one: two namespaces with
// the same address on one bridge answer ARP for each other, and pings go to whichever answers first.
// Nothing refuses it (a lab may want it), so forms warn and name where (issue 27).
//
// A segment is what frames reach without a router: a veth's other end, a bridge and its ports, a
// macvlan, macvtap or ipvlan and its parent (and the parent's other children). A vlan or vxlan is a
// segment of its own, so it is not followed.
import {ip as ipaddr} from './ip-address.js';
import {nsDisplayName} from './netns-id.js';
import {buildTopology, linkKey, type Topology} from './topology.js';
import {HOST_ID, type Link, type LinkRef, type Netns, type World} from './types.js';

/** Kinds that share their parent's wire: what one sends, the parent's segment carries. */
const SHARES_PARENT = new Set(['macvlan', 'macvtap', 'ipvlan']);

/** A link on the segment, and the first hub its path crossed: why it is on the same segment. */
export interface SegmentMember {
	readonly ref: LinkRef;
	/** `the same bridge br0`, `the same parent eth0`; undefined when only veths lead there. */
	readonly hub?: string;
	/** Reached through one veth from a seed: the other end of that pair. */
	readonly peerOfSeed: boolean;
}

/** Where a new address's link joins existing links at L2: the link itself (a), or a bridge a new end goes on. */
export interface SegmentSeed {
	readonly ns: string;
	readonly name: string;
}

const topologies = new WeakMap<World, Topology>();
/** One topology per world: forms ask on every key, and the world only changes when it is read again. */
function topologyOf(world: World): Topology {
	let topology = topologies.get(world);
	if (!topology) {
		topology = buildTopology(world);
		topologies.set(world, topology);
	}
	return topology;
}

/** `br0` in the host or where the address goes, `ns3/br0` elsewhere: as short as still says which. */
const hubName = (ref: LinkRef, viewer: string): string => (ref.ns === viewer || ref.ns === HOST_ID ? ref.name : `${nsDisplayName(ref.ns)}/${ref.name}`);

/** Every link on the L2 segment of the seeds, the seeds included, each with why it is on it. */
export function segmentOf(world: World, seeds: readonly SegmentSeed[], viewer: string): SegmentMember[] {
	const topology = topologyOf(world);
	const byNs = new Map<string, Netns>(world.namespaces.map((n) => [n.id, n]));
	const linkOf = (ref: {ns: string; ifindex?: number; name: string}): Link | undefined =>
		byNs.get(ref.ns)?.links.find((l) => (ref.ifindex === undefined ? l.name === ref.name : l.ifindex === ref.ifindex));
	// Children stacked on each device: the reverse of topology.lowers.
	const children = new Map<string, LinkRef[]>();
	for (const [key, lower] of topology.lowers) {
		const [ns, index] = [key.slice(0, key.lastIndexOf('#')), Number(key.slice(key.lastIndexOf('#') + 1))];
		const child = linkOf({ns, ifindex: index, name: ''});
		if (!child || !SHARES_PARENT.has(child.kind)) continue;
		const list = children.get(linkKey(lower.ns, lower.ifindex)) ?? [];
		list.push({ns, name: child.name, ifindex: child.ifindex});
		children.set(linkKey(lower.ns, lower.ifindex), list);
	}
	const seen = new Map<string, SegmentMember>();
	const queue: SegmentMember[] = [];
	const visit = (ref: LinkRef, hub: string | undefined, peerOfSeed: boolean): void => {
		const key = linkKey(ref.ns, ref.ifindex);
		if (seen.has(key)) return;
		const link = linkOf(ref);
		const entering = link?.kind === 'bridge' ? `the same bridge ${hubName(ref, viewer)}` : undefined;
		const member = {ref, hub: hub ?? entering, peerOfSeed};
		seen.set(key, member);
		queue.push(member);
	};
	for (const seed of seeds) {
		const link = linkOf(seed);
		if (link) visit({ns: seed.ns, name: link.name, ifindex: link.ifindex}, undefined, false);
	}
	const seedCount = queue.length;
	for (let i = 0; i < queue.length; i++) {
		const {ref, hub} = queue[i];
		const link = linkOf(ref);
		if (!link) continue;
		const key = linkKey(ref.ns, ref.ifindex);
		const peer = topology.peers.get(key);
		if (peer) visit(peer, hub, i < seedCount);
		const master = link.master ? byNs.get(ref.ns)?.links.find((l) => l.name === link.master) : undefined;
		if (master?.kind === 'bridge') visit({ns: ref.ns, name: master.name, ifindex: master.ifindex}, hub, false);
		for (const port of topology.ports.get(key) ?? []) visit(port, hub, false);
		const lower = SHARES_PARENT.has(link.kind) ? topology.lowers.get(key) : undefined;
		if (lower) visit(lower, hub ?? `the same parent ${hubName(lower, viewer)}`, false);
		for (const child of children.get(key) ?? []) visit(child, hub ?? `the same parent ${hubName(ref, viewer)}`, false);
	}
	return [...seen.values()];
}

/**
 * Where `address` (10.1.1.1 or 10.1.1.1/24) is already held on the seeds' segment, in other namespaces
 * (one namespace's own addresses are checked apart, by validate.ts): `10.1.1.1 is already on
 * ns1/veth_ns1, on the same bridge br0`. Undefined when nowhere.
 */
export function duplicateOnSegment(world: World, ns: string, address: string, seeds: readonly SegmentSeed[]): string | undefined {
	const wanted = address.split('/')[0];
	if (!ipaddr.isValid(wanted)) return undefined;
	const normal = ipaddr.parse(wanted).toString();
	const holders = segmentOf(world, seeds, ns).filter((member) => {
		if (member.ref.ns === ns) return false;
		const link = world.namespaces.find((n) => n.id === member.ref.ns)?.links.find((l) => l.ifindex === member.ref.ifindex);
		return link?.addresses.some((a) => a.local === normal) ?? false;
	});
	if (holders.length === 0) return undefined;
	const where = holders.map((h) => `${nsDisplayName(h.ref.ns)}/${h.ref.name}`).join(', ');
	const first = holders[0];
	const why = first.hub ? `on ${first.hub}` : first.peerOfSeed ? 'the other end of the veth pair' : 'on the same L2 segment';
	return `${normal} is already on ${where}, ${why}`;
}
