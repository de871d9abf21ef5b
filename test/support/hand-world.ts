// Small Worlds built by hand, for shapes the lab fixtures do not have (a chain of five, a lone namespace).
// Links carry what `ip -j` would report, peer hints included, so buildTopology resolves them as it does
// for real output: nsids per viewer, no name for the host's nsid, no nsid for a peer in the same namespace.
import {HOST_ID, type Address, type Link, type Netns, type NsidEntry, type World} from '../../source/model/types.js';

type Mutable<T> = {-readonly [K in keyof T]: T[K]};
type NsDraft = Omit<Mutable<Netns>, 'links' | 'nsids'> & {links: Array<Mutable<Link>>; nsids: NsidEntry[]};

export interface VethOptions {
	/** Admin state of each end; an up end whose peer is down reports NO-CARRIER, as the kernel does. */
	readonly up?: readonly [boolean, boolean];
	readonly addresses?: readonly [string?, string?];
}

const address = (cidr: string): Address => {
	const [local, prefix] = cidr.split('/');
	return {family: local.includes(':') ? 6 : 4, local, prefixlen: Number(prefix), scope: 'global', cidr};
};

function setState(link: Mutable<Link>, adminUp: boolean, carrier: boolean): void {
	link.adminUp = adminUp;
	link.noCarrier = adminUp && !carrier;
	link.state = !adminUp ? 'DOWN' : carrier ? 'UP' : 'LOWERLAYERDOWN';
	link.flags = adminUp ? (carrier ? ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'] : ['NO-CARRIER', 'BROADCAST', 'MULTICAST', 'UP']) : ['BROADCAST', 'MULTICAST'];
}

export class WorldBuilder {
	private readonly nsids = new Map<string, number>();
	private readonly namespaces: NsDraft[] = [];

	/** A namespace with its lo (up unless told otherwise), like a fresh `ip netns add` plus `link set lo up`. */
	namespace(id: string, options: {loUp?: boolean; error?: string; noLinks?: boolean} = {}): this {
		const host = id === HOST_ID;
		const ns: NsDraft = {id, kind: host ? 'host' : 'named', path: host ? '/proc/self/ns/net' : `/run/netns/${id}`, links: [], routes: [], nsids: []};
		if (options.error) ns.error = options.error;
		this.namespaces.push(ns);
		if (!options.noLinks) {
			const lo = this.add(id, 'lo', 'loopback');
			setState(lo, options.loUp ?? true, true);
			if (lo.adminUp) lo.state = 'UNKNOWN';
		}
		return this;
	}

	/** `ip link add A type veth peer name B`, each end in its namespace; ends given as `ns/name`. */
	veth(endA: string, endB: string, options: VethOptions = {}): this {
		const [nsA, nameA] = endA.split('/');
		const [nsB, nameB] = endB.split('/');
		const a = this.add(nsA, nameA, 'veth');
		const b = this.add(nsB, nameB, 'veth');
		const [upA, upB] = options.up ?? [true, true];
		setState(a, upA, upB);
		setState(b, upB, upA);
		if (options.addresses?.[0]) a.addresses = [address(options.addresses[0])];
		if (options.addresses?.[1]) b.addresses = [address(options.addresses[1])];
		a.peerHint = nsA === nsB ? {ifindex: b.ifindex, name: b.name} : {ifindex: b.ifindex, netnsid: this.nsid(nsA, nsB)};
		b.peerHint = nsA === nsB ? {ifindex: a.ifindex, name: a.name} : {ifindex: a.ifindex, netnsid: this.nsid(nsB, nsA)};
		return this;
	}

	/** A bridge in `ns`, up, with the named interfaces of that namespace as its ports. */
	bridge(end: string, ports: readonly string[], cidr?: string): this {
		const [ns, name] = end.split('/');
		const bridge = this.add(ns, name, 'bridge');
		setState(bridge, true, true);
		if (cidr) bridge.addresses = [address(cidr)];
		for (const port of ports) {
			const link = this.find(ns).links.find((l) => l.name === port);
			if (!link) throw new Error(`no ${port} in ${ns}`);
			link.master = name;
		}
		return this;
	}

	/**
	 * A device of `kind` (vlan, macvlan, …) stacked on `lower`, given as `ns/name`: in the same namespace ip
	 * names its lower device; from another, it gives the ifindex and its own nsid for the lower's namespace.
	 */
	stacked(end: string, kind: string, lower: string): this {
		const [ns, name] = end.split('/');
		const [lowerNs, lowerName] = lower.split('/');
		const lowerLink = this.find(lowerNs).links.find((l) => l.name === lowerName);
		if (!lowerLink) throw new Error(`no ${lower}`);
		const link = this.add(ns, name, kind);
		link.peerHint = ns === lowerNs ? {ifindex: lowerLink.ifindex, name: lowerName} : {ifindex: lowerLink.ifindex, netnsid: this.nsid(ns, lowerNs)};
		return this;
	}

	build(): World {
		return {namespaces: this.namespaces};
	}

	private find(id: string): NsDraft {
		const ns = this.namespaces.find((n) => n.id === id);
		if (!ns) throw new Error(`no namespace ${id}: add it first`);
		return ns;
	}

	private add(nsId: string, name: string, kind: string): Mutable<Link> {
		const ns = this.find(nsId);
		const link: Mutable<Link> = {ifindex: ns.links.length + 1, name, kind, state: 'DOWN', flags: [], adminUp: false, noCarrier: false, mac: '02:00:00:00:00:00', mtu: 1500, addresses: []};
		ns.links.push(link);
		return link;
	}

	/** The nsid that `viewer` has for `other` (allocated on first use, 0, 1, …, as the kernel does). */
	private nsid(viewer: string, other: string): number {
		const known = this.nsids.get(`${viewer}>${other}`);
		if (known !== undefined) return known;
		const entries = this.find(viewer).nsids;
		const nsid = entries.length;
		// The host has no name under /run/netns, so its nsid carries none.
		entries.push({nsid, name: other === HOST_ID ? undefined : other});
		this.nsids.set(`${viewer}>${other}`, nsid);
		return nsid;
	}
}
