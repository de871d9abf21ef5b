// Where the other end of each veth lives, and which ports each bridge has, across namespaces.
//
// A veth with `link_netnsid` k has its peer at ifindex `link_index` in the namespace that k names in the
// *viewing* namespace's `netns list-id`. Nsids of unnamed namespaces (the host, containers) carry no name,
// so we also accept the unique link elsewhere that points back at us. No `link_netnsid` means the peer is
// in the same namespace.
import type {Link, LinkRef, Netns, World} from './types.js';

export interface Topology {
	/** Key `ns#ifindex` of a veth → its other end. Absent when the peer is unknown (e.g. unreadable namespace). */
	readonly peers: ReadonlyMap<string, LinkRef>;
	/** Key `ns#ifindex` of a bridge → its ports (in the bridge's namespace). */
	readonly ports: ReadonlyMap<string, readonly LinkRef[]>;
}

export const linkKey = (ns: string, ifindex: number): string => `${ns}#${ifindex}`;

const refOf = (ns: Netns, link: Link): LinkRef => ({ns: ns.id, name: link.name, ifindex: link.ifindex});

function samePeer(world: World, ns: Netns, link: Link): LinkRef | undefined {
	const hint = link.peerHint;
	if (!hint) return undefined;
	const byIndex = hint.ifindex !== undefined ? ns.links.find((l) => l.ifindex === hint.ifindex) : undefined;
	const byName = hint.name !== undefined ? ns.links.find((l) => l.name === hint.name) : undefined;
	const peer = byIndex ?? byName;
	return peer ? refOf(ns, peer) : undefined;
}

/** Links in `other` that could be the peer of `link` in `ns`: right ifindex, pointing back at our ifindex. */
function backReferences(world: World, ns: Netns, link: Link): LinkRef[] {
	const found: LinkRef[] = [];
	for (const other of world.namespaces) {
		if (other.id === ns.id) continue;
		for (const candidate of other.links) {
			const back = candidate.peerHint;
			if (candidate.kind !== 'veth' || candidate.ifindex !== link.peerHint?.ifindex) continue;
			if (back?.ifindex !== link.ifindex || back.netnsid === undefined) continue;
			// If the candidate's side names the namespace it points to, it must be us.
			const named = other.nsids.find((e) => e.nsid === back.netnsid)?.name;
			if (named !== undefined && named !== ns.id) continue;
			found.push(refOf(other, candidate));
		}
	}
	return found;
}

function crossPeer(world: World, ns: Netns, link: Link): LinkRef | undefined {
	const hint = link.peerHint;
	if (hint?.netnsid === undefined || hint.ifindex === undefined) return undefined;
	const name = ns.nsids.find((e) => e.nsid === hint.netnsid)?.name;
	if (name !== undefined) {
		const target = world.namespaces.find((n) => n.kind === 'named' && n.id === name);
		const peer = target?.links.find((l) => l.ifindex === hint.ifindex);
		// Confirm by the back-reference, so a stale read of one side never pairs the wrong links.
		const confirmed = peer?.peerHint?.ifindex === undefined || peer.peerHint.ifindex === link.ifindex;
		return target && peer && confirmed ? refOf(target, peer) : undefined;
	}
	const candidates = backReferences(world, ns, link);
	return candidates.length === 1 ? candidates[0] : undefined;
}

export function resolvePeer(world: World, ns: Netns, link: Link): LinkRef | undefined {
	if (link.kind !== 'veth') return undefined;
	return link.peerHint?.netnsid === undefined ? samePeer(world, ns, link) : crossPeer(world, ns, link);
}

export function buildTopology(world: World): Topology {
	const peers = new Map<string, LinkRef>();
	const ports = new Map<string, LinkRef[]>();
	for (const ns of world.namespaces) {
		for (const link of ns.links) {
			const peer = resolvePeer(world, ns, link);
			if (peer) peers.set(linkKey(ns.id, link.ifindex), peer);
			if (link.master === undefined) continue;
			const bridge = ns.links.find((l) => l.name === link.master);
			if (!bridge) continue;
			const key = linkKey(ns.id, bridge.ifindex);
			ports.set(key, [...(ports.get(key) ?? []), refOf(ns, link)]);
		}
	}
	return {peers, ports};
}

/** `ns2/veth_ns2`, or `veth_ns2` when the peer is in the same namespace as the viewer. */
export function formatPeer(peer: LinkRef, viewerNs: string): string {
	return peer.ns === viewerNs ? peer.name : `${peer.ns}/${peer.name}`;
}
