// Tunnels across servers (`--host h1 --host h2`): a vxlan, geneve or gre/gretap on one server whose
// `remote` is an address another listed server holds joins the two servers. Pure: the map, DOT and
// mermaid draw what this finds. One edge per tunnel pair (the end that points back is found and the pair
// drawn once); a VNI or UDP port that differs between the two ends, or an end with none pointing back, is
// flagged, since such a tunnel carries nothing.
import {ip} from './ip-address.js';
import type {Link, World} from './types.js';

export interface HostWorldRef {
	/** The server as --host named it. */
	readonly host: string;
	readonly world: World;
}

/** An interface on a server. */
export interface HostLinkRef {
	readonly host: string;
	readonly ns: string;
	readonly name: string;
	readonly ifindex: number;
}

export interface HostTunnel {
	/** The tunnel device. */
	readonly from: HostLinkRef;
	/** The tunnel device on the other server that points back; else the interface holding `remote` there. */
	readonly to: HostLinkRef;
	/** Whether `to` is the tunnel's other end (else only the address it sends to). */
	readonly paired: boolean;
	readonly kind: string;
	readonly remote: string;
	/** The VNI (vxlan, geneve). */
	readonly vni?: number;
	/** What keeps the tunnel from carrying anything: `VNI 42 here, 43 on h2`, `no way back from h2`. */
	readonly problems: readonly string[];
}

interface TunnelFacts {
	readonly remote: string;
	readonly vni?: number;
	readonly port?: number;
}

/** A tunnel's remote (unicast), VNI and port, from its kind's facts; undefined for any other link. */
function tunnelOf(link: Link): TunnelFacts | undefined {
	const facts = link.facts as {readonly remote?: unknown; readonly id?: unknown; readonly port?: unknown} | undefined;
	if (!facts || typeof facts.remote !== 'string' || facts.remote === 'any') return undefined;
	return {remote: facts.remote, vni: typeof facts.id === 'number' ? facts.id : undefined, port: typeof facts.port === 'number' ? facts.port : undefined};
}

/** One spelling per address (`2001:DB8::1` and `2001:db8:0::1` are one address). */
function normal(address: string): string {
	try {
		return ip.parse(address).toString();
	} catch {
		return address;
	}
}

/** Every address a server holds, to the interface holding it. */
function addressesOf({host, world}: HostWorldRef): Map<string, HostLinkRef> {
	const held = new Map<string, HostLinkRef>();
	for (const ns of world.namespaces) {
		for (const link of ns.links) {
			for (const a of link.addresses) if (!held.has(normal(a.local))) held.set(normal(a.local), {host, ns: ns.id, name: link.name, ifindex: link.ifindex});
		}
	}
	return held;
}

interface End {
	readonly ref: HostLinkRef;
	readonly kind: string;
	readonly facts: TunnelFacts;
}

function tunnelsOf({host, world}: HostWorldRef): End[] {
	return world.namespaces.flatMap((ns) =>
		ns.links.flatMap((link) => {
			const facts = tunnelOf(link);
			return facts ? [{ref: {host, ns: ns.id, name: link.name, ifindex: link.ifindex}, kind: link.kind, facts}] : [];
		}),
	);
}

/** The tunnels between the listed servers, each pair once (from the server listed first). */
export function hostTunnels(hosts: readonly HostWorldRef[]): HostTunnel[] {
	const held = hosts.map(addressesOf);
	const ends = hosts.map(tunnelsOf);
	/** The server (other than k) holding the address `end` sends to. */
	const targetOf = (end: End, k: number): number => (held[k].has(normal(end.facts.remote)) ? -1 : held.findIndex((addresses, i) => i !== k && addresses.has(normal(end.facts.remote))));
	/** The other end: a tunnel of the same kind on server j sending to an address of server k; one with the same VNI first. */
	const pairOf = (end: End, k: number, j: number): End | undefined => {
		const back = ends[j].filter((e) => e.kind === end.kind && targetOf(e, j) === k);
		return back.find((e) => e.facts.vni === end.facts.vni) ?? back[0];
	};
	const found: HostTunnel[] = [];
	hosts.forEach((here, k) => {
		for (const end of ends[k]) {
			// An address this server holds itself is a tunnel inside it: the map draws it already.
			const j = targetOf(end, k);
			if (j < 0) continue;
			const other = pairOf(end, k, j);
			// Drawn already, from the other end's server, listed first.
			if (other && j < k && pairOf(other, j, k) === end) continue;
			const problems: string[] = [];
			if (!other) problems.push(`no ${end.kind} on ${hosts[j].host} points back to ${here.host}`);
			else {
				if (other.facts.vni !== end.facts.vni) problems.push(`VNI ${end.facts.vni ?? 'none'} on ${here.host}, ${other.facts.vni ?? 'none'} on ${hosts[j].host}`);
				if (end.facts.port !== undefined && other.facts.port !== undefined && other.facts.port !== end.facts.port) {
					problems.push(`port ${end.facts.port} on ${here.host}, ${other.facts.port} on ${hosts[j].host}`);
				}
			}
			const to = other?.ref ?? (held[j].get(normal(end.facts.remote)) as HostLinkRef);
			found.push({from: end.ref, to, paired: other !== undefined, kind: end.kind, remote: end.facts.remote, vni: end.facts.vni, problems});
		}
	});
	return found;
}

/** `vxlan h1 host/vx0 ══ VNI 42 ══ h2 host/vx0`, and what is wrong with it: one line of text per tunnel. */
export function hostTunnelText(t: HostTunnel): string {
	const end = (r: HostLinkRef): string => `${r.host} ${r.ns}/${r.name}`;
	const middle = t.vni === undefined ? t.kind : `${t.kind} VNI ${t.vni}`;
	const to = t.paired ? end(t.to) : `${t.remote} (${end(t.to)})`;
	return `${end(t.from)} ══ ${middle} ══ ${to}${t.problems.length > 0 ? `  ⚠ ${t.problems.join('; ')}` : ''}`;
}
