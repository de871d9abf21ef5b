// The world as a graph: each veth pair once, each bridge port once, and an order of namespaces that keeps
// wired ones near each other. The topology map and the DOT/Mermaid export draw the same edges from here.
import {isLinkUp} from './format.js';
import {linkKey, type Topology} from './topology.js';
import {HOST_ID, type Link, type LinkRef, type Netns, type World} from './types.js';

export interface VethEdge {
	readonly a: LinkRef;
	readonly b: LinkRef;
	/** Both ends are up: traffic can flow. */
	readonly up: boolean;
}

export interface PortEdge {
	readonly bridge: LinkRef;
	readonly port: LinkRef;
	/** The bridge and the port are both up. */
	readonly up: boolean;
}

/** A member of a bond, vrf or team. */
export interface MemberEdge {
	readonly group: LinkRef;
	readonly kind: string;
	readonly member: LinkRef;
	readonly up: boolean;
}

/** A device stacked on another (macvlan, vlan, …): drawn apart from veth pairs. */
export interface StackedEdge {
	readonly upper: LinkRef;
	readonly kind: string;
	readonly lower: LinkRef;
	readonly up: boolean;
}

export interface Edges {
	readonly veths: readonly VethEdge[];
	readonly ports: readonly PortEdge[];
	readonly members: readonly MemberEdge[];
	readonly stacked: readonly StackedEdge[];
}

const refOf = (ns: Netns, link: Link): LinkRef => ({ns: ns.id, name: link.name, ifindex: link.ifindex});

export function findLink(world: World, ref: LinkRef): Link | undefined {
	return world.namespaces.find((n) => n.id === ref.ns)?.links.find((l) => l.ifindex === ref.ifindex);
}

const linkUp = (world: World, ref: LinkRef): boolean => {
	const link = findLink(world, ref);
	return link !== undefined && isLinkUp(link);
};

/** Every veth pair once (from the end met first, in world order), every bridge port, group member and stacked device. */
export function topologyEdges(world: World, topology: Topology): Edges {
	const veths: VethEdge[] = [];
	const seen = new Set<string>();
	const ports: PortEdge[] = [];
	const members: MemberEdge[] = [];
	const stacked: StackedEdge[] = [];
	for (const ns of world.namespaces) {
		for (const link of ns.links) {
			const key = linkKey(ns.id, link.ifindex);
			const peer = topology.peers.get(key);
			if (peer && !seen.has(key)) {
				const a = refOf(ns, link);
				seen.add(key);
				seen.add(linkKey(peer.ns, peer.ifindex));
				veths.push({a, b: peer, up: linkUp(world, a) && linkUp(world, peer)});
			}
			for (const port of topology.ports.get(key) ?? []) {
				ports.push({bridge: refOf(ns, link), port, up: isLinkUp(link) && linkUp(world, port)});
			}
			for (const member of topology.members.get(key) ?? []) {
				members.push({group: refOf(ns, link), kind: link.kind, member, up: isLinkUp(link) && linkUp(world, member)});
			}
			const lower = topology.lowers.get(key);
			if (lower) stacked.push({upper: refOf(ns, link), kind: link.kind, lower, up: isLinkUp(link) && linkUp(world, lower)});
		}
	}
	return {veths, ports, members, stacked};
}

/**
 * Namespaces in breadth-first order over veth pairs, from the host: neighbours end up close, so the lines
 * between them stay short. Namespaces not wired to the host follow, each group in the world's order.
 */
export function namespaceOrder(world: World, edges: Edges): Netns[] {
	const neighbours = new Map<string, string[]>();
	const connect = (from: string, to: string): void => {
		if (from !== to) neighbours.set(from, [...(neighbours.get(from) ?? []), to]);
	};
	for (const {a, b} of [...edges.veths, ...edges.stacked.map((s) => ({a: s.upper, b: s.lower}))]) {
		connect(a.ns, b.ns);
		connect(b.ns, a.ns);
	}
	const rank = new Map(world.namespaces.map((n, i) => [n.id, n.id === HOST_ID ? -1 : i]));
	const starts = [...world.namespaces].sort((x, y) => (rank.get(x.id) ?? 0) - (rank.get(y.id) ?? 0));
	const order: string[] = [];
	for (const start of starts) {
		if (order.includes(start.id)) continue;
		const queue = [start.id];
		order.push(start.id);
		while (queue.length > 0) {
			const id = queue.shift() ?? '';
			const next = [...new Set(neighbours.get(id) ?? [])].sort((x, y) => (rank.get(x) ?? 0) - (rank.get(y) ?? 0));
			for (const n of next) {
				if (order.includes(n)) continue;
				order.push(n);
				queue.push(n);
			}
		}
	}
	return order.map((id) => world.namespaces.find((n) => n.id === id)).filter((n): n is Netns => n !== undefined);
}
