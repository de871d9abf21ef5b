// A ping whose echo leaves its server through a tunnel to another listed server (`--host h1 --host h2`):
// which tunnel the last hop's links reach (the out interface, the bridge it crosses and that bridge's
// ports), who holds the target on the far server, and a tunnel that carries nothing (its ends disagree,
// host-tunnels.ts), a link down between the far end and the target, a rule of the far server's firewall
// whose counter rose by the lost echoes (read there around the ping: farNamespaces), or a reply with no way
// back from the target's namespace there (its routes and rules, from the far server's world), as the
// likeliest cause. The far server's sysctls are read with its firewalls but name no cause yet. Pure.
import type {HostLinkRef, HostTunnel, HostWorldRef} from '../host-tunnels.js';
import {buildTopology} from '../topology.js';
import type {Evidence} from './evidence.js';
import {firewallFindings} from './firewall-verdict.js';
import type {Link, World} from '../types.js';
import {replyWay, type Trace} from './path.js';
import {BEYOND, type WayLine} from './way-lines.js';
import {addressHolder, linkProblems, segment, type Place} from './places.js';

export interface Crossing {
	/** This server's end of the tunnel the echo takes. */
	readonly here: HostLinkRef;
	/** The server at the other end. */
	readonly host: string;
	readonly tunnel: HostTunnel;
	/** Where the target is on that server, if any namespace there holds it. */
	readonly holder?: {readonly ns: string; readonly link: string};
	/** One sentence: the way out, and why the tunnel carries nothing when it does not. */
	readonly text: string;
	/** The echo cannot get past the tunnel: the likeliest cause, said first. */
	readonly cause: boolean;
	/** What keeps the echo from the target past the tunnel: its ends' disagreement, or links down there. */
	readonly problems: readonly string[];
}

/** The far server's firewalls, read before and after the ping, and the echoes that got no reply. */
export interface FarFirewalls {
	readonly host: string;
	readonly evidence: Evidence;
	readonly lost: number;
}

/** The tunnel's end on the server at `host`, where the tunnel is paired. */
const farEnd = (tunnel: HostTunnel, host: string): HostLinkRef | undefined => (tunnel.paired ? [tunnel.from, tunnel.to].find((r) => r.host === host) : undefined);

/** The namespaces on the far server whose firewalls the echo crosses: the tunnel's end there, the target's holder. */
export function farNamespaces(crossing: Crossing): string[] {
	const ids = [farEnd(crossing.tunnel, crossing.host)?.ns, crossing.holder?.ns].filter((id): id is string => id !== undefined);
	return [...new Set(ids)];
}

/** This server's end of a tunnel between servers, and the server at the other end. */
function endOn(tunnels: readonly HostTunnel[], host: string, ns: string, link: Link): {here: HostLinkRef; host: string; tunnel: HostTunnel} | undefined {
	const at = (r: HostLinkRef): boolean => r.host === host && r.ns === ns && r.ifindex === link.ifindex;
	for (const tunnel of tunnels) {
		if (at(tunnel.from)) return {here: tunnel.from, host: tunnel.to.host, tunnel};
		// An unpaired tunnel's `to` is only the interface holding its remote, not a tunnel end.
		if (tunnel.paired && at(tunnel.to)) return {here: tunnel.to, host: tunnel.from.host, tunnel};
	}
	return undefined;
}

/** The links the last hop reaches: each place, and a bridge's ports (a vxlan bridged with the namespace's veth). */
function reached(places: readonly Place[]): Array<{ns: string; link: Link}> {
	return places.flatMap((p) => [p.link, ...(p.link.kind === 'bridge' ? p.ns.links.filter((l) => l.master === p.link.name) : [])].map((link) => ({ns: p.ns.id, link})));
}

/** On the far server, the links down between the tunnel's end there and the namespace holding the target. */
function farDown(far: World, tunnel: HostTunnel, host: string, holder: Place): string[] {
	const end = farEnd(tunnel, host);
	const ns = end && far.namespaces.find((n) => n.id === end.ns);
	const link = ns?.links.find((l) => l.ifindex === end?.ifindex);
	if (!ns || !link) return [];
	const topology = buildTopology(far);
	return linkProblems(far, topology, segment(far, topology, {ns, link}, holder));
}

/** On the far server, why the reply from the target's namespace finds no way back to the source, if it does not. */
function farReply(far: World, holder: Place, trace: Trace): string | undefined {
	if (!trace.source) return undefined;
	const broken = replyWay(far, holder.ns.id, trace.source, trace.target)?.hops.find((h) => h.broken && !h.broken.weak)?.broken;
	return broken && `the reply fails: ${broken.text}`;
}

/** On the far server, the rules whose counters prove they dropped the lost echoes (the command to remove one is not offered: it runs there). */
function farDrops(far: World, firewalls: FarFirewalls | undefined, host: string): string[] {
	if (firewalls?.host !== host) return [];
	return firewallFindings(far.namespaces, undefined, firewalls.evidence, firewalls.lost)
		.filter((f) => f.counted)
		.map((f) => f.text);
}

/**
 * The tunnel the echo to `trace.target` leaves `host` through, when its way ends without arriving on a
 * link that is, or is bridged with, an end of a tunnel to another listed server.
 */
export function crossingOf(trace: Trace | undefined, host: string, hosts: readonly HostWorldRef[], tunnels: readonly HostTunnel[], firewalls?: FarFirewalls): Crossing | undefined {
	const last = trace?.there.hops.at(-1);
	if (!trace || trace.there.arrived || !last?.out) return undefined;
	for (const {ns, link} of reached([{ns: last.ns, link: last.out}, ...last.across])) {
		const end = endOn(tunnels, host, ns, link);
		if (!end) continue;
		const far = hosts.find((h) => h.host === end.host)?.world;
		const held = far && addressHolder(far, trace.target.address);
		const holder = held && {ns: held.ns.id, link: held.link.name};
		const what = end.tunnel.vni === undefined ? end.tunnel.kind : `${end.tunnel.kind} VNI ${end.tunnel.vni}`;
		const way = `the echo leaves ${host} through ${end.here.name} (${what}) to ${end.host}`;
		const where = `${way}, where ${holder ? `${holder.ns}/${holder.link} holds ${trace.target.address}` : `no namespace holds ${trace.target.address}`}`;
		// The first that explains it, in the order the echo meets them: the tunnel, links, firewalls, the reply.
		const found = ((): {problems: string[]; text: string} | undefined => {
			if (end.tunnel.problems.length > 0) return {problems: [...end.tunnel.problems], text: `${way}, but the tunnel carries nothing: ${end.tunnel.problems.join('; ')}`};
			if (!far || !held) return undefined;
			const down = farDown(far, end.tunnel, end.host, held);
			if (down.length > 0) return {problems: down, text: `${where}, but on ${end.host}: ${down.join('; ')}`};
			const dropped = farDrops(far, firewalls, end.host);
			if (dropped.length > 0) return {problems: dropped, text: `${where}, but on ${end.host} ${dropped.join('; ')}`};
			const back = farReply(far, held, trace);
			return back ? {problems: [back], text: `${where}, but on ${end.host} ${back}`} : undefined;
		})();
		const text = found?.text ?? `${where}${holder ? `: select ${end.host}'s ${holder.ns} to look there` : ''}`;
		return {here: end.here, host: end.host, tunnel: end.tunnel, holder, text, cause: found !== undefined, problems: found?.problems ?? []};
	}
	return undefined;
}

/** The way's lines with the crossing: the last line goes on over the tunnel, and says where to. */
export function crossingLines(way: readonly WayLine[], crossing: Crossing | undefined): WayLine[] {
	if (!crossing) return [...way];
	const {here, host, holder, cause, problems} = crossing;
	const line: WayLine = {
		mark: cause ? 'broken' : 'leaves',
		text: `${here.ns}: over ${here.name} to ${host}${holder ? `, where ${holder.ns} holds it` : ''}`,
		evidence: cause ? problems.join('; ') : undefined,
	};
	const onward = way.map((l, i) => (i === way.length - 1 && l.mark === 'leaves' ? {...l, mark: 'on' as const, text: l.text.slice(0, -BEYOND.length)} : l));
	return [...onward, line];
}
