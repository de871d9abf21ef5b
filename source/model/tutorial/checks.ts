// Whether a tutorial step's check holds: a pure predicate over the world the panes show, the veth peers
// the topology resolves, and the pings the learner ran this session.
import {HOST_ID} from '../types.js';
import type {Link, Netns, World} from '../types.js';
import {namedId} from '../netns-id.js';
import {buildTopology, linkKey, type Topology} from '../topology.js';
import {parseCidr, parseIp} from '../validate.js';
import type {Check, LinkSelector, NsName, PingRecord} from './types.js';

export interface CheckContext {
	readonly world: World;
	readonly topology: Topology;
	/** Oldest first: the last one from a place to a target is what counts. */
	readonly pings: readonly PingRecord[];
	/** Echo requests each namespace (by tutorial name) answered since the tutorial began (icmp-counters.ts). */
	readonly echoes?: ReadonlyMap<NsName, number>;
}

export function checkContext(world: World, pings: readonly PingRecord[] = [], echoes?: ReadonlyMap<NsName, number>): CheckContext {
	return {world, topology: buildTopology(world), pings, ...(echoes ? {echoes} : {})};
}

/** A tutorial's 'host' is the host; any other name is an `ip netns` name. */
const idOf = (ns: NsName): string => (ns === HOST_ID ? HOST_ID : namedId(ns));

const findNs = (world: World, ns: NsName): Netns | undefined => world.namespaces.find((n) => n.id === idOf(ns) && !n.pending);

/** Every interface a selector names: one per namespace at most, in any namespace when it names none. */
function findLinks(world: World, selector: LinkSelector): Array<{ns: Netns; link: Link}> {
	const places = selector.ns === undefined ? world.namespaces : [findNs(world, selector.ns)].flatMap((n) => n ?? []);
	return places.flatMap((ns) => ns.links.filter((l) => l.name === selector.name).map((link) => ({ns, link})));
}

/** Addresses and prefixes compared normalised: `fd00::1/64` is `fd00:0::1/64`. */
function sameCidr(a: string, b: string): boolean {
	const pa = parseCidr(a);
	return pa !== undefined && pa.text === parseCidr(b)?.text;
}

function sameIp(a: string, b: string): boolean {
	const pa = parseIp(a);
	const pb = parseIp(b);
	return Boolean(pa && pb && pa.address === pb.address);
}

/** A route's destination as `ip route` may print it: a host route lacks its /32. */
function sameDestination(routeDst: string, wanted: string): boolean {
	if (wanted === 'default' || routeDst === 'default') return wanted === routeDst;
	const withLength = (text: string): string => (text.includes('/') ? text : text.includes(':') ? `${text}/128` : `${text}/32`);
	return sameCidr(withLength(routeDst), withLength(wanted));
}

export function holds(check: Check, ctx: CheckContext): boolean {
	const {world} = ctx;
	if ('all' in check) return check.all.every((c) => holds(c, ctx));
	if ('any' in check) return check.any.some((c) => holds(c, ctx));
	if ('not' in check) return !holds(check.not, ctx);
	if ('namespace' in check) return findNs(world, check.namespace) !== undefined;
	if ('link' in check) {
		const want = check.link;
		return findLinks(world, want).some(
			({link}) =>
				(want.kind === undefined || link.kind === want.kind) &&
				(want.up === undefined || link.adminUp === want.up) &&
				(want.state === undefined || link.state === want.state) &&
				(want.master === undefined || link.master === want.master) &&
				(want.mtu === undefined || link.mtu === want.mtu),
		);
	}
	if ('address' in check) {
		const ns = findNs(world, check.address.ns);
		const {dev, cidr} = check.address;
		return Boolean(ns?.links.some((l) => (dev === undefined || l.name === dev) && l.addresses.some((a) => sameCidr(a.cidr, cidr))));
	}
	if ('veth' in check) {
		const ends = findLinks(world, check.veth.a).filter(({link}) => link.kind === 'veth');
		return ends.some(({ns, link}) => {
			const peer = ctx.topology.peers.get(linkKey(ns.id, link.ifindex));
			if (!peer || peer.name !== check.veth.b.name) return false;
			return check.veth.b.ns === undefined || peer.ns === idOf(check.veth.b.ns);
		});
	}
	if ('forwarding' in check) {
		const {ns, family = 4, on} = check.forwarding;
		const forwarding = findNs(world, ns)?.forwarding;
		return forwarding?.[family] !== undefined && forwarding[family] === on;
	}
	if ('route' in check) {
		const {ns, to, via, dev} = check.route;
		return Boolean(
			findNs(world, ns)?.routes.some(
				(r) =>
					r.table === 'main' &&
					sameDestination(r.dst, to) &&
					(via === undefined || (r.gateway !== undefined && sameIp(r.gateway, via))) &&
					(dev === undefined || r.dev === dev),
			),
		);
	}
	if ('echoed' in check) return findNs(world, check.echoed.ns) !== undefined && (ctx.echoes?.get(check.echoed.ns) ?? 0) >= (check.echoed.count ?? 1);
	const {from, to, answered = true} = check.ping;
	const these = ctx.pings.filter((p) => p.from === from && sameIp(p.to, to));
	// "See it fail" stays done once seen: the tutorial goes on to fix it and ping again (5, 6).
	if (!answered) return these.some((p) => !p.answered);
	return these.at(-1)?.answered === true;
}
