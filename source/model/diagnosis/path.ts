// The way an echo takes, hop by hop, as the kernel would send it: in each namespace the route lookup, the
// interface out, the links crossed (veth peer, bridge, macvlan's parent), and the namespace it arrives
// in; then the reply's way back. The first hop that breaks carries its evidence (hop-checks.ts). Pure.
import {buildTopology, type Topology} from '../topology.js';
import type {Link, Netns, Route, World} from '../types.js';
import {findNs, parseIp} from '../validate.js';
import {NO_EVIDENCE, type Evidence} from './evidence.js';
import {arrivalBreak, departureBreak, type Break} from './hop-checks.js';
import {addressHolder, holds, peerPlace, segment, type Place} from './places.js';
import {decideRoute, type Ip} from './route-lookup.js';

export interface Hop {
	readonly ns: Netns;
	/** The interface the packet came in on; absent where it starts. */
	readonly inLink?: Link;
	readonly route?: Route;
	readonly out?: Link;
	/** The address it is sent to on the link: the gateway, or the target itself. */
	readonly nextAddress?: string;
	/** Links crossed after `out` (veth peer, bridge, ports) up to the next namespace's interface. */
	readonly across: readonly Place[];
	/** Where this hop breaks, with the evidence. */
	readonly broken?: Break;
}

export interface Way {
	readonly hops: readonly Hop[];
	/** The packet reached a namespace holding the address. */
	readonly arrived: boolean;
	/** It left what nsdeck sees (out of `out` to an address no namespace holds). */
	readonly leaves: boolean;
}

export interface Trace {
	readonly target: Ip;
	/** The source address the kernel sends from. */
	readonly source?: Ip;
	readonly there: Way;
	/** The reply's way, traced only when the echo arrived. */
	readonly back?: Way;
}

const MAX_HOPS = 16;

/** The source address: the route's preferred source, else the out interface's first global address. */
function sourceOf(route: Route | undefined, out: Link | undefined, family: 4 | 6): Ip | undefined {
	const address = route?.prefsrc ?? out?.addresses.find((a) => a.family === family && a.scope === 'global')?.local;
	return address ? {family, address} : undefined;
}

/** A link near `out` that answers ARP for addresses it does not hold (proxy_arp): Calico's 169.254.1.1. */
function proxyPlace(world: World, topology: Topology, from: Place, evidence: Evidence): Place | undefined {
	const peer = peerPlace(world, topology, from);
	return peer && evidence.conf.get(peer.ns.id)?.interfaces.get(peer.link.name)?.proxyArp ? peer : undefined;
}

/** Walks from `start` toward `ip`, as far as the World shows it. */
function walk(world: World, topology: Topology, start: Netns, ip: Ip, given: Ip | undefined, evidence: Evidence, reply = false): {way: Way; source?: Ip} {
	const hops: Hop[] = [];
	let source = given;
	let here: Place | undefined;
	let ns = start;
	for (let step = 0; step < MAX_HOPS; step++) {
		const inLink = here?.link;
		if (holds(ns, ip.address)) {
			hops.push({ns, inLink, across: [], broken: here && source ? arrivalBreak(world, ns, inLink, ip, source, evidence, true) : undefined});
			const settled = settle(hops);
			return {way: {hops: settled, arrived: !settled.some((h) => h.broken), leaves: false}, source};
		}
		const decision = decideRoute(ns, ip, source, inLink?.name);
		const out = decision.route?.dev ? ns.links.find((l) => l.name === decision.route?.dev) : undefined;
		source ??= sourceOf(decision.route, out, ip.family);
		const entering = here && source ? arrivalBreak(world, ns, inLink, ip, source, evidence, false) : undefined;
		const nextAddress = decision.route?.gateway ?? ip.address;
		const holder = out ? addressHolder(world, nextAddress, ns.id) : undefined;
		const from = out && {ns, link: out};
		const landing = holder ?? (from && proxyPlace(world, topology, from, evidence));
		const across = from ? segment(world, topology, from, landing).slice(1) : [];
		const broken = entering ?? departureBreak({world, topology, ns, ip, source, decision, out, nextAddress, landing, across, evidence, step, reply});
		hops.push({ns, inLink, route: decision.route, out, nextAddress: decision.route ? nextAddress : undefined, across, broken});
		if (broken && !broken.weak) return {way: {hops: settle(hops), arrived: false, leaves: false}, source};
		if (!landing || findNs(world, landing.ns.id) === undefined) return {way: {hops: settle(hops), arrived: false, leaves: !broken}, source};
		here = landing;
		ns = landing.ns;
	}
	return {way: {hops: settle(hops), arrived: false, leaves: false}, source};
}

/**
 * A weak break (a neighbour that never answered) is the cause only when nothing later explains it: a router
 * whose rp_filter drops the request drops the ARP before it too.
 */
function settle(hops: readonly Hop[]): Hop[] {
	const strong = hops.some((h) => h.broken && !h.broken.weak);
	const first = hops.findIndex((h) => h.broken?.weak);
	return hops.map((h, i) => (h.broken?.weak && (strong || i !== first) ? {...h, broken: undefined} : h));
}

/** The echo's way from `nsId` to `target`, and, when it arrives, the reply's way back to its source. */
export function tracePing(world: World, nsId: string, target: string, evidence: Evidence = NO_EVIDENCE): Trace | undefined {
	const start = findNs(world, nsId);
	const ip = parseIp(target);
	if (!start || !ip) return undefined;
	const topology = buildTopology(world);
	const {way: there, source} = walk(world, topology, start, ip, undefined, evidence);
	const end = there.hops.at(-1);
	const back = there.arrived && source && end ? walk(world, topology, end.ns, source, ip, evidence, true).way : undefined;
	return {target: ip, source, there, back};
}

/**
 * The reply's way from `nsId` (which holds `from`) back to `to`, in a world that may not hold `to` at all:
 * another server's, whose echo came over a tunnel.
 */
export function replyWay(world: World, nsId: string, to: Ip, from: Ip, evidence: Evidence = NO_EVIDENCE): Way | undefined {
	const start = findNs(world, nsId);
	return start && walk(world, buildTopology(world), start, to, from, evidence, true).way;
}

/** The namespaces the echo and its reply cross, the bridges' among them: where to read sysctls and firewalls. */
export function namespacesOnWay(world: World, nsId: string, target: string, evidence?: Evidence): string[] {
	const trace = tracePing(world, nsId, target, evidence);
	const ids = new Set<string>([nsId]);
	for (const hop of [...(trace?.there.hops ?? []), ...(trace?.back?.hops ?? [])]) {
		ids.add(hop.ns.id);
		for (const p of hop.across) ids.add(p.ns.id);
	}
	return [...ids];
}

/** The first break on the way there or back. */
export const firstBreak = (trace: Trace | undefined): {hop: Hop; back: boolean} | undefined => {
	const there = trace?.there.hops.find((h) => h.broken);
	if (there) return {hop: there, back: false};
	const back = trace?.back?.hops.find((h) => h.broken);
	return back && {hop: back, back: true};
};
