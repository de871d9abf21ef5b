// The dry run's planner: one pass over a world as read, changing a copy of it as the kernel would (see
// planned-world.ts). Pure.
import {compareNamespaces} from './compare-names.js';
import {NETNS_DIR, isPathId, namedId} from './netns-id.js';
import type {LinkAt, NewRoute} from './planned-effect.js';
import {buildTopology, linkKey} from './topology.js';
import type {Address, Link, Netns, Route, World} from './types.js';
import {keyIfindex, keyNs, settledNamespace, withFlag} from './planned-links.js';
import {connectedRoute, parseAddress, plannedRoute, withRoutes} from './planned-routes.js';

function newNamespace(id: string): Netns {
	const lo: Link = {ifindex: 1, name: 'lo', kind: 'loopback', state: 'DOWN', flags: ['LOOPBACK'], adminUp: false, noCarrier: false, mac: '00:00:00:00:00:00', mtu: 65536, addresses: []};
	const name = id === namedId('host') ? 'host' : id;
	return {id, kind: 'named', path: isPathId(id) ? id : `${NETNS_DIR}/${name}`, links: [lo], routes: [], nsids: [], forwarding: {4: false, 6: false}, planned: true};
}

/** One pass over the effects; the world it was made from is never changed. */
export class Planner {
	private readonly spaces: Map<string, Netns>;
	/** The ids of the world as read, in its order. */
	private readonly order: readonly string[];
	/** Veth ends by link key, both ways: made from the world's topology, kept up to date as links move. */
	private readonly peers = new Map<string, string>();
	/** Link keys whose pairing changed: their peer hints are written again at the end. */
	private readonly repaired = new Set<string>();
	/** nsids handed out in this pass: viewer → target → nsid. */
	private readonly givenNsids = new Map<string, Map<string, number>>();
	private nextIfindex: number;

	constructor(world: World) {
		this.spaces = new Map(world.namespaces.map((n) => [n.id, n]));
		this.order = world.namespaces.map((n) => n.id);
		for (const [key, peer] of buildTopology(world).peers) this.peers.set(key, linkKey(peer.ns, peer.ifindex));
		this.nextIfindex = Math.max(1, ...world.namespaces.flatMap((n) => n.links.map((l) => l.ifindex))) + 1;
	}

	has(ns: string): boolean {
		return this.spaces.has(ns);
	}

	addNamespace(id: string): void {
		if (!this.spaces.has(id)) this.spaces.set(id, newNamespace(id));
	}

	world(): World {
		this.repairPeers();
		this.settleStates();
		// The namespaces read keep their order (discovery's); planned ones go where the display order puts them.
		const namespaces = this.order.filter((id) => this.spaces.has(id)).map((id) => this.spaces.get(id) as Netns);
		const read = new Set(this.order);
		const added = [...this.spaces.values()].filter((n) => !read.has(n.id)).sort(compareNamespaces);
		for (const ns of added) {
			const at = namespaces.findIndex((n) => compareNamespaces(ns, n) < 0);
			namespaces.splice(at < 0 ? namespaces.length : at, 0, ns);
		}
		return {namespaces};
	}

	link(ns: string, name: string): Link | undefined {
		return this.spaces.get(ns)?.links.find((l) => l.name === name);
	}

	private linkByKey(key: string): Link | undefined {
		const ifindex = keyIfindex(key);
		return this.spaces.get(keyNs(key))?.links.find((l) => l.ifindex === ifindex);
	}

	changeNs(id: string, change: (ns: Netns) => Netns): void {
		const ns = this.spaces.get(id);
		if (ns) this.spaces.set(id, {...change(ns), planned: true});
	}

	changeLink(ns: string, name: string, change: (link: Link) => Link): void {
		if (!this.link(ns, name)) return;
		this.changeNs(ns, (n) => ({...n, links: n.links.map((l) => (l.name === name ? {...change(l), planned: true} : l))}));
	}

	newLink(name: string, kind: string): Link {
		const ifindex = this.nextIfindex++;
		return {ifindex, name, kind, state: 'DOWN', flags: [], adminUp: false, noCarrier: false, mac: '', mtu: 1500, addresses: [], planned: true};
	}

	/** A device stacked on `lower` points at it as ip would say: by ifindex, with the nsid of another namespace. */
	addStacked(ns: string, link: Link, lower: LinkAt | undefined): void {
		const under = lower && this.link(lower.ns, lower.name);
		if (lower && !under) return;
		const peerHint = !lower || !under ? undefined : lower.ns === ns ? {ifindex: under.ifindex, name: under.name} : {ifindex: under.ifindex, netnsid: this.nsidFor(ns, lower.ns)};
		// It takes its lower device's MTU.
		this.addLink(ns, peerHint && under ? {...link, peerHint, mtu: under.mtu} : link);
	}

	addLink(ns: string, link: Link): void {
		if (this.link(ns, link.name)) return;
		this.changeNs(ns, (n) => ({...n, links: [...n.links, link]}));
	}

	pair(a: string, b: string): void {
		this.peers.set(a, b);
		this.peers.set(b, a);
		this.repaired.add(a).add(b);
	}

	/** A key changed (a move, a namespace named): its pairing follows. */
	private rekey(from: string, to: string): void {
		const peer = this.peers.get(from);
		if (peer === undefined) return;
		this.peers.delete(from);
		this.repaired.delete(from);
		this.pair(to, peer === from ? to : peer);
	}

	/** Takes a link out of its namespace with what goes with it there: its routes, its ports' master. */
	private removeLink(ns: string, name: string): Link | undefined {
		const link = this.link(ns, name);
		if (!link) return undefined;
		this.changeNs(ns, (n) => ({
			...n,
			links: n.links.filter((l) => l !== link).map((l) => (l.master === name ? {...l, master: undefined, masterKind: undefined, planned: true} : l)),
			routes: n.routes.filter((r) => r.dev !== name),
		}));
		return link;
	}

	deleteLink(ns: string, name: string): void {
		const link = this.removeLink(ns, name);
		if (!link) return;
		const key = linkKey(ns, link.ifindex);
		const peerKey = this.peers.get(key);
		this.peers.delete(key);
		if (peerKey === undefined) return;
		this.peers.delete(peerKey);
		// Deleting one end of a veth deletes the other, wherever it is.
		const peer = this.linkByKey(peerKey);
		if (peer) this.removeLink(keyNs(peerKey), peer.name);
	}

	deleteNamespace(id: string): void {
		const ns = this.spaces.get(id);
		if (!ns) return;
		for (const link of ns.links) if (link.kind === 'veth') this.deleteLink(id, link.name);
		this.spaces.delete(id);
	}

	nameNamespace(id: string, name: string): void {
		const ns = this.spaces.get(id);
		const named = namedId(name);
		if (!ns || this.spaces.has(named)) return;
		this.spaces.delete(id);
		this.spaces.set(named, {...ns, id: named, kind: 'named', path: `${NETNS_DIR}/${name}`, planned: true});
		for (const link of ns.links) this.rekey(linkKey(id, link.ifindex), linkKey(named, link.ifindex));
	}

	moveLink(from: string, name: string, to: string): void {
		const target = this.spaces.get(to);
		if (!target || this.link(to, name)) return;
		const link = this.removeLink(from, name);
		if (!link) return;
		// The kernel keeps the ifindex where it is free in the new namespace.
		const ifindex = target.links.some((l) => l.ifindex === link.ifindex) ? this.nextIfindex++ : link.ifindex;
		const flags = withFlag(withFlag(link.flags, 'UP', false), 'LOWER_UP', false);
		this.addLink(to, {...link, ifindex, flags, adminUp: false, state: 'DOWN', addresses: [], master: undefined, masterKind: undefined, planned: true});
		this.rekey(linkKey(from, link.ifindex), linkKey(to, ifindex));
	}

	renameLink(ns: string, name: string, to: string): void {
		if (!this.link(ns, name) || this.link(ns, to)) return;
		this.changeNs(ns, (n) => ({
			...n,
			links: n.links.map((l) => (l.name === name ? {...l, name: to, planned: true} : l.master === name ? {...l, master: to} : l)),
			routes: n.routes.map((r) => (r.dev === name ? {...r, dev: to} : r)),
		}));
		const link = this.link(ns, to);
		if (link && this.peers.has(linkKey(ns, link.ifindex))) this.rekey(linkKey(ns, link.ifindex), linkKey(ns, link.ifindex));
	}

	setUp(ns: string, name: string, up: boolean): void {
		const link = this.link(ns, name);
		if (!link) return;
		const loopback = up && link.kind === 'loopback' ? ['127.0.0.1/8', '::1/128'].map(parseAddress).filter((a): a is Address => a !== undefined) : [];
		// Down, the kernel removes a link's IPv6 addresses, lo's ::1 too (keep_addr_on_down is off by default).
		const kept = up ? link.addresses : link.addresses.filter((a) => a.family === 4);
		const addresses = [...kept, ...loopback.filter((a) => !link.addresses.some((b) => b.cidr === a.cidr))];
		this.changeLink(ns, name, (l) => ({...l, adminUp: up, flags: withFlag(l.flags, 'UP', up), addresses}));
		const changed = this.link(ns, name);
		if (!changed) return;
		// Down: the kernel drops every route through it. Up: the routes of its subnets come back.
		this.changeNs(ns, (n) => ({
			...n,
			routes: up ? withRoutes(n.routes, changed.addresses.map((a) => connectedRoute(changed, a))) : n.routes.filter((r) => r.dev !== name),
		}));
	}

	addAddress(ns: string, name: string, cidr: string): void {
		const address = parseAddress(cidr);
		const link = this.link(ns, name);
		if (!address || !link || link.addresses.some((a) => a.cidr === address.cidr)) return;
		const withAddress = {...link, addresses: [...link.addresses, address]};
		this.changeLink(ns, name, () => withAddress);
		if (link.adminUp) this.changeNs(ns, (n) => ({...n, routes: withRoutes(n.routes, [connectedRoute(withAddress, address)])}));
	}

	deleteAddress(ns: string, name: string, cidr: string): void {
		const address = parseAddress(cidr);
		const link = this.link(ns, name);
		const gone = link?.addresses.find((a) => a.cidr === address?.cidr);
		if (!link || !gone) return;
		const route = connectedRoute(link, gone);
		const left = link.addresses.filter((a) => a !== gone);
		// The kernel drops the address's subnet route and routes that use it as their source; when the link
		// keeps no IPv4 address, every IPv4 route through it (a gateway there is out of reach).
		const lastV4 = gone.family === 4 && !left.some((a) => a.family === 4);
		const drops = (r: Route): boolean =>
			r.dev === name && ((route !== undefined && r.protocol === 'kernel' && r.dst === route.dst) || r.prefsrc === gone.local || (lastV4 && r.family === 4));
		this.changeLink(ns, name, (l) => ({...l, addresses: left}));
		this.changeNs(ns, (n) => ({...n, routes: n.routes.filter((r) => !drops(r))}));
	}

	addRoute(ns: string, r: NewRoute): void {
		const space = this.spaces.get(ns);
		if (space) this.changeNs(ns, (n) => ({...n, routes: withRoutes(n.routes, [plannedRoute(space, r)])}));
	}

	/** The nsid by which `viewer` knows `target`: the one its table names, else one handed out now. */
	private nsidFor(viewer: string, target: string): number {
		const ns = this.spaces.get(viewer);
		const listed = ns?.nsids.find((e) => e.name !== undefined && namedId(e.name) === target);
		if (listed) return listed.nsid;
		let given = this.givenNsids.get(viewer);
		if (!given) this.givenNsids.set(viewer, (given = new Map()));
		const known = given.get(target);
		if (known !== undefined) return known;
		const nsid = Math.max(-1, ...(ns?.nsids.map((e) => e.nsid) ?? []), ...given.values()) + 1;
		given.set(target, nsid);
		const name = target === 'host' || isPathId(target) ? undefined : target;
		if (ns) this.spaces.set(viewer, {...ns, nsids: [...ns.nsids, {nsid, ...(name !== undefined ? {name} : {})}]});
		return nsid;
	}

	/** Each changed pair's ends point at each other again, as `ip -d link` would say. */
	private repairPeers(): void {
		for (const key of this.repaired) {
			const peerKey = this.peers.get(key);
			const link = this.linkByKey(key);
			const peer = peerKey === undefined ? undefined : this.linkByKey(peerKey);
			if (!link || !peer || peerKey === undefined) continue;
			const [ns, peerNs] = [keyNs(key), keyNs(peerKey)];
			const peerHint = ns === peerNs ? {ifindex: peer.ifindex, name: peer.name} : {ifindex: peer.ifindex, netnsid: this.nsidFor(ns, peerNs)};
			this.changeLink(ns, link.name, (l) => ({...l, peerHint}));
		}
	}

	private peerOf(key: string): Link | undefined {
		const peerKey = this.peers.get(key);
		return peerKey === undefined ? undefined : this.linkByKey(peerKey);
	}

	/** The operstate the kernel would report for planned links (planned-links.ts). */
	private settleStates(): void {
		for (const [id, ns] of this.spaces) {
			if (ns.planned) this.spaces.set(id, settledNamespace(id, ns, (key) => this.peerOf(key)));
		}
	}
}
