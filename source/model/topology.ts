// Where the other end of each veth lives, and which ports each bridge has, across namespaces.
//
// A veth with `link_netnsid` k has its peer at ifindex `link_index` in the namespace that k names in the
// *viewing* namespace's `netns list-id`. Nsids of unnamed namespaces (the host, containers) carry no name,
// so we also accept the unique link elsewhere that points back at us. No `link_netnsid` means the peer is
// in the same namespace. When the helper read the world, every nsid is named in the host's frame
// (types.ts NsidFrame): a peer or a lower device is then found by (namespace, ifindex), never by ifindex.
import {namedId, nsDisplayName} from './netns-id.js';
import {hasUnderlay, isGroupKind, isStackedKind, underlayOf} from './link-kinds/index.js';
import type {Link, LinkRef, Netns, World} from './types.js';

export interface Topology {
	/** Key `ns#ifindex` of a veth → its other end. Absent when the peer is unknown (e.g. unreadable namespace). */
	readonly peers: ReadonlyMap<string, LinkRef>;
	/** Key `ns#ifindex` of a bridge → its ports (in the bridge's namespace); members of a bond or vrf are not. */
	readonly ports: ReadonlyMap<string, readonly LinkRef[]>;
	/** Key `ns#ifindex` of a stacked device (macvlan, vlan, …) → the device it is stacked on, in any namespace. */
	readonly lowers: ReadonlyMap<string, LinkRef>;
	/** Key `ns#ifindex` of a bond, vrf or team → its members (in its namespace): hubs of their own kind. */
	readonly members: ReadonlyMap<string, readonly LinkRef[]>;
}

/** Kinds stacked on a lower device, named by their `link`: not veth, whose `link` is its peer (link-kinds/). */
export {STACKED_KINDS} from './link-kinds/index.js';

export const linkKey = (ns: string, ifindex: number): string => `${ns}#${ifindex}`;

const refOf = (ns: Netns, link: Link): LinkRef => ({ns: ns.id, name: link.name, ifindex: link.ifindex});

/**
 * Lookups that resolving peers needs, built once per world: namespaces by id, and veths by ifindex. Without
 * them, resolving every veth scans every namespace: O(n²) at 1,000 namespaces, on every world change.
 */
interface Index {
	readonly byId: ReadonlyMap<string, Netns>;
	/** ifindex → veths with that ifindex that carry a netnsid, in every namespace. */
	readonly crossVeths: ReadonlyMap<number, ReadonlyArray<{readonly ns: Netns; readonly link: Link}>>;
	/** The id of the namespace a namespace's nsid stands for, if it can be told (nsidTarget). */
	readonly nsidName: (ns: Netns, nsid: number) => string | undefined;
	/**
	 * A namespace's link of that ifindex (the first, as links.find would), by a map made the first time that
	 * namespace is asked: each of 1,000 pods' veths looked for its peer among the host's 1,000 links.
	 */
	readonly linkAt: (ns: Netns, ifindex: number) => Link | undefined;
}

/**
 * The namespace that `ns`'s nsid stands for, if it can be told: through the host's frame (the helper's
 * `frame`: every namespace's host nsid), else the nsid table's name (named namespaces only).
 */
export function nsidResolver(world: World): (ns: Netns, nsid: number) => string | undefined {
	const byInHost = new Map<number, string>();
	let hostId: string | undefined;
	for (const n of world.namespaces) {
		if (n.kind === 'host') hostId = n.id;
		if (n.frame?.inHost !== undefined) byInHost.set(n.frame.inHost, n.id);
	}
	const named = nsidNames();
	return (ns, nsid) => {
		if (ns.kind === 'host') return byInHost.get(nsid) ?? named(ns, nsid);
		const frame = ns.frame;
		if (frame?.hostNsid === nsid) return hostId;
		const seen = frame?.toHost.find((e) => e.nsid === nsid)?.hostNsid;
		return (seen === undefined ? undefined : byInHost.get(seen)) ?? named(ns, nsid);
	};
}

/** Whether `ns`'s nsids can be told apart without guessing (the helper read it, or it is the host). */
const framed = (world: World, ns: Netns): boolean => ns.frame !== undefined || (ns.kind === 'host' && world.namespaces.some((n) => n.frame?.inHost !== undefined));

/**
 * Nsid → name per namespace, made the first time it is asked: the host of a busy server has 1,000 nsids
 * and 1,000 veths, and a scan of its nsids for each veth was a million comparisons.
 */
function nsidNames(): (ns: Netns, nsid: number) => string | undefined {
	const made = new Map<Netns, Map<number, string | undefined>>();
	return (ns, nsid) => {
		let names = made.get(ns);
		if (!names) {
			names = new Map(ns.nsids.map((e) => [e.nsid, e.name === undefined ? undefined : namedId(e.name)]));
			made.set(ns, names);
		}
		return names.get(nsid);
	};
}

function buildIndex(world: World): Index {
	const byId = new Map<string, Netns>();
	const crossVeths = new Map<number, Array<{ns: Netns; link: Link}>>();
	for (const ns of world.namespaces) {
		byId.set(ns.id, ns);
		for (const link of ns.links) {
			if (link.kind !== 'veth' || link.peerHint?.netnsid === undefined) continue;
			const list = crossVeths.get(link.ifindex);
			if (list) list.push({ns, link});
			else crossVeths.set(link.ifindex, [{ns, link}]);
		}
	}
	const byIfindex = new Map<Netns, Map<number, Link>>();
	const linkAt = (ns: Netns, ifindex: number): Link | undefined => {
		let links = byIfindex.get(ns);
		if (!links) {
			links = new Map();
			for (const link of ns.links) if (!links.has(link.ifindex)) links.set(link.ifindex, link);
			byIfindex.set(ns, links);
		}
		return links.get(ifindex);
	};
	return {byId, crossVeths, nsidName: nsidResolver(world), linkAt};
}

function samePeer(ns: Netns, link: Link): LinkRef | undefined {
	const hint = link.peerHint;
	if (!hint) return undefined;
	const byIndex = hint.ifindex !== undefined ? ns.links.find((l) => l.ifindex === hint.ifindex) : undefined;
	const byName = hint.name !== undefined ? ns.links.find((l) => l.name === hint.name) : undefined;
	const peer = byIndex ?? byName;
	return peer ? refOf(ns, peer) : undefined;
}

/** Links in other namespaces that could be the peer of `link` in `ns`: right ifindex, pointing back at our ifindex. */
function backReferences(index: Index, ns: Netns, link: Link): LinkRef[] {
	const found: LinkRef[] = [];
	const wanted = link.peerHint?.ifindex;
	if (wanted === undefined) return found;
	for (const {ns: other, link: candidate} of index.crossVeths.get(wanted) ?? []) {
		if (other.id === ns.id) continue;
		const back = candidate.peerHint;
		if (back?.ifindex !== link.ifindex || back.netnsid === undefined) continue;
		// If the candidate's side names the namespace it points to, it must be us.
		const named = index.nsidName(other, back.netnsid);
		if (named !== undefined && named !== ns.id) continue;
		found.push(refOf(other, candidate));
	}
	return found;
}

function crossPeer(index: Index, ns: Netns, link: Link): LinkRef | undefined {
	const hint = link.peerHint;
	if (hint?.netnsid === undefined || hint.ifindex === undefined) return undefined;
	const name = index.nsidName(ns, hint.netnsid);
	if (name !== undefined) {
		const target = index.byId.get(name);
		const peer = target && index.linkAt(target, hint.ifindex);
		// Confirm by the back-reference, so a stale read of one side never pairs the wrong links.
		const confirmed = peer?.peerHint?.ifindex === undefined || peer.peerHint.ifindex === link.ifindex;
		return target && peer && confirmed ? refOf(target, peer) : undefined;
	}
	const candidates = backReferences(index, ns, link);
	return candidates.length === 1 ? candidates[0] : undefined;
}

/** A resolver of veth peers for one world; build it once and ask it about many links. */
export function peerResolver(world: World): (ns: Netns, link: Link) => LinkRef | undefined {
	const index = buildIndex(world);
	return (ns, link) => {
		if (link.kind !== 'veth') return undefined;
		return link.peerHint?.netnsid === undefined ? samePeer(ns, link) : crossPeer(index, ns, link);
	};
}

export function resolvePeer(world: World, ns: Netns, link: Link): LinkRef | undefined {
	return peerResolver(world)(ns, link);
}

/**
 * The device a stacked link sits on: in its own namespace by name; across namespaces (`link_netnsid`) in
 * the namespace that nsid names, or else the one other namespace with a device of that ifindex (a pod's
 * macvlan on the host's eth0: the pod's nsid for the host has no name).
 */
function lowerOf(world: World, index: Index, ns: Netns, link: Link): LinkRef | undefined {
	const hint = link.peerHint;
	if (!isStackedKind(link.kind) || !hint) return undefined;
	if (hint.netnsid === undefined) {
		const lower = ns.links.find((l) => (hint.ifindex !== undefined ? l.ifindex === hint.ifindex : l.name === hint.name));
		return lower && refOf(ns, lower);
	}
	if (hint.ifindex === undefined) return undefined;
	const name = index.nsidName(ns, hint.netnsid);
	// Told apart by the host's frame and still not found: a namespace nsdeck has not read. No guessing.
	if (name === undefined && framed(world, ns)) return undefined;
	// An nsid the table lists without a name stands for a namespace without one: the host, a container's.
	const unnamed = ns.nsids.some((e) => e.nsid === hint.netnsid && e.name === undefined);
	const holders =
		name !== undefined
			? [index.byId.get(name)].filter((n): n is Netns => n !== undefined)
			: world.namespaces.filter((m) => m.id !== ns.id && !(unnamed && m.kind === 'named'));
	const found = holders.flatMap((m) => m.links.filter((l) => l.ifindex === hint.ifindex && l.kind !== 'loopback').map((l) => refOf(m, l)));
	return found.length === 1 ? found[0] : undefined;
}

/**
 * The device a vxlan (or any kind with an underlay) sends through: its `dev`, an ifindex in the namespace
 * that made it. Moved elsewhere, ip gives that namespace as `link_netnsid` and names the ifindex in the
 * vxlan's own namespace: `if3` when none there has it, or the name of whichever does (the same ifindex).
 */
function underlayRefOf(index: Index, ns: Netns, link: Link): LinkRef | undefined {
	const name = hasUnderlay(link.kind) ? underlayOf(link) : undefined;
	if (name === undefined) return undefined;
	const netnsid = link.peerHint?.netnsid;
	if (netnsid === undefined) {
		const lower = ns.links.find((l) => l.name === name);
		return lower && refOf(ns, lower);
	}
	const ifindex = /^if(\d+)$/.test(name) ? Number(name.slice(2)) : ns.links.find((l) => l.name === name)?.ifindex;
	const target = index.byId.get(index.nsidName(ns, netnsid) ?? '');
	const lower = ifindex === undefined ? undefined : target?.links.find((l) => l.ifindex === ifindex);
	return target && lower && refOf(target, lower);
}

export function buildTopology(world: World): Topology {
	const peers = new Map<string, LinkRef>();
	const ports = new Map<string, LinkRef[]>();
	const lowers = new Map<string, LinkRef>();
	const members = new Map<string, LinkRef[]>();
	const index = buildIndex(world);
	const resolve = peerResolver(world);
	for (const ns of world.namespaces) {
		const byName = new Map(ns.links.map((l) => [l.name, l]));
		for (const link of ns.links) {
			const peer = resolve(ns, link);
			if (peer) peers.set(linkKey(ns.id, link.ifindex), peer);
			const lower = lowerOf(world, index, ns, link) ?? underlayRefOf(index, ns, link);
			if (lower) lowers.set(linkKey(ns.id, link.ifindex), lower);
			if (link.master === undefined) continue;
			const master = byName.get(link.master);
			// Bond, vrf and team members are not bridge ports: they are listed apart.
			const into = master?.kind === 'bridge' ? ports : master && isGroupKind(master.kind) ? members : undefined;
			if (!master || !into) continue;
			const key = linkKey(ns.id, master.ifindex);
			const list = into.get(key);
			if (list) list.push(refOf(ns, link));
			else into.set(key, [refOf(ns, link)]);
		}
	}
	return {peers, ports, lowers, members};
}

/**
 * The namespaces behind one of the host's nsids: the other ends of host links that point there (a veth's
 * peer, a macvlan's lower device). The nsid of a namespace without a name names nothing else.
 */
export function namespacesOfHostNsid(world: World, topology: Topology, nsid: number): string[] {
	const host = world.namespaces.find((n) => n.kind === 'host');
	const found = new Set<string>(world.namespaces.filter((n) => n.frame?.inHost === nsid).map((n) => n.id));
	for (const link of host?.links ?? []) {
		if (link.peerHint?.netnsid !== nsid) continue;
		const peer = topology.peers.get(linkKey(host?.id ?? '', link.ifindex));
		if (peer) found.add(peer.ns);
	}
	return [...found];
}

/** `ns2/veth_ns2`, or `veth_ns2` when the peer is in the same namespace as the viewer. */
export function formatPeer(peer: LinkRef, viewerNs: string): string {
	return peer.ns === viewerNs ? peer.name : `${nsDisplayName(peer.ns)}/${peer.name}`;
}

/**
 * Namespaces outside `read` that hold the other end of a veth in `read` without pairing back: their view
 * is stale (a veth end moved, and the kernel tells no one where its peer is). Also the namespace a veth's
 * nsid names when its peer is not found there.
 */
export function unpairedPeers(world: World, topology: Topology, read: ReadonlySet<string>): string[] {
	const stale = new Set<string>();
	const resolve = nsidResolver(world);
	for (const ns of world.namespaces) {
		if (!read.has(ns.id)) continue;
		for (const link of ns.links) {
			if (link.kind !== 'veth' || link.peerHint?.netnsid === undefined) continue;
			const peer = topology.peers.get(linkKey(ns.id, link.ifindex));
			const back = peer && topology.peers.get(linkKey(peer.ns, peer.ifindex));
			const other = peer ? (back?.ns === ns.id && back.ifindex === link.ifindex ? undefined : peer.ns) : resolve(ns, link.peerHint.netnsid);
			if (other !== undefined && !read.has(other)) stale.add(other);
		}
	}
	return [...stale];
}
