// Why a ping failed, in plain words, from the World snapshot: no route covers the target, an interface on
// the way is down or has no carrier, the namespace has no address on the target's subnet, the target's
// namespace has no way back, or 100 % loss with everything visible up. Pure: tested on fixtures.
import ipaddr from 'ipaddr.js';
import {formatRoute, linkStateLabel} from './format.js';
import type {PingSummary} from './ping-output.js';
import {pingMissing} from './ping-output.js';
import {buildTopology, linkKey, type Topology} from './topology.js';
import type {Link, Netns, Route, World} from './types.js';
import {findNs, parseIp} from './validate.js';

export interface PingOutcome {
	readonly summary?: PingSummary;
	/** What ping said on stderr, or why it could not run. */
	readonly errorText?: string;
	/** Texts of ICMP error lines ("Destination Host Unreachable"). */
	readonly icmpErrors: readonly string[];
	/** The user stopped it (Esc): lost packets in flight are no failure. */
	readonly stopped: boolean;
}

/** Whether there is something to explain: no reply at all, lost packets, or ping could not run. */
export function pingFailed(o: PingOutcome): boolean {
	if (!o.summary) return !o.stopped || Boolean(o.errorText);
	if (o.stopped) return o.summary.transmitted > 0 && o.summary.received === 0;
	return o.summary.received < o.summary.transmitted;
}

interface Ip {
	readonly family: 4 | 6;
	readonly address: string;
}

/** Whether `ip` lies in a route's destination: 'default', a prefix, or a host address without /len. */
function covers(dst: string, ip: Ip): number | undefined {
	if (dst === 'default') return 0;
	const [base, bits] = dst.split('/');
	const parsed = parseIp(base);
	if (!parsed || parsed.family !== ip.family) return undefined;
	const prefix = bits === undefined ? (ip.family === 4 ? 32 : 128) : Number(bits);
	return ipaddr.parse(ip.address).match(ipaddr.parse(parsed.address), prefix) ? prefix : undefined;
}

/** The main-table route the kernel would pick: longest prefix, then lowest metric. */
export function lookupRoute(ns: Netns, ip: Ip): Route | undefined {
	let best: {route: Route; prefix: number} | undefined;
	for (const route of ns.routes) {
		if (route.table !== 'main' || route.family !== ip.family) continue;
		const prefix = covers(route.dst, ip);
		if (prefix === undefined) continue;
		if (!best || prefix > best.prefix || (prefix === best.prefix && (route.metric ?? 0) < (best.route.metric ?? 0))) best = {route, prefix};
	}
	return best?.route;
}

interface Holder {
	readonly ns: Netns;
	readonly link: Link;
	readonly prefixlen: number;
}

/** Which namespace and interface hold an address (the first one, if several do). */
export function addressHolder(world: World, address: string, except?: string): Holder | undefined {
	for (const ns of world.namespaces) {
		if (ns.id === except) continue;
		for (const link of ns.links) {
			const a = link.addresses.find((x) => x.local === address);
			if (a) return {ns, link, prefixlen: a.prefixlen};
		}
	}
	return undefined;
}

const subnetOf = (address: string, prefixlen: number): string => {
	const ip = parseIp(address);
	if (!ip) return `${address}/${prefixlen}`;
	const net = ip.family === 4 ? ipaddr.IPv4.networkAddressFromCIDR(`${address}/${prefixlen}`) : ipaddr.IPv6.networkAddressFromCIDR(`${address}/${prefixlen}`);
	return `${net.toString()}/${prefixlen}`;
};

const onSubnet = (link: Link, ip: Ip): boolean =>
	link.addresses.some((a) => a.family === ip.family && a.scope !== 'host' && covers(`${a.local}/${a.prefixlen}`, ip) !== undefined);

interface Place {
	readonly ns: Netns;
	readonly link: Link;
}

/** The link at the other end of a veth, and the bridge a link is a port of, as places in the world. */
function peerPlace(world: World, topology: Topology, place: Place): Place | undefined {
	const ref = topology.peers.get(linkKey(place.ns.id, place.link.ifindex));
	const ns = ref && findNs(world, ref.ns);
	const link = ns?.links.find((l) => l.ifindex === ref?.ifindex);
	return ns && link ? {ns, link} : undefined;
}

function masterPlace(place: Place): Place | undefined {
	const bridge = place.link.master ? place.ns.links.find((l) => l.name === place.link.master) : undefined;
	return bridge && {ns: place.ns, link: bridge};
}

/** The links a packet crosses from `from` towards `to` on one segment: veth peers and the bridges between. */
function segment(world: World, topology: Topology, from: Place, to?: Place): Place[] {
	const out: Place[] = [from];
	const add = (p: Place | undefined): void => {
		if (p && !out.some((q) => q.ns.id === p.ns.id && q.link.ifindex === p.link.ifindex)) out.push(p);
	};
	const fromPeer = peerPlace(world, topology, from);
	add(masterPlace(from));
	add(fromPeer);
	add(fromPeer && masterPlace(fromPeer));
	if (to) {
		const toPeer = peerPlace(world, topology, to);
		add(toPeer && masterPlace(toPeer));
		add(toPeer);
		add(masterPlace(to));
		add(to);
	}
	return out;
}

/** "X in N is down", or "… has no carrier" when its other end is down somewhere we do not list. */
function problems(world: World, topology: Topology, path: readonly Place[]): string[] {
	const downs = new Set(path.filter((p) => !p.link.adminUp).map((p) => linkKey(p.ns.id, p.link.ifindex)));
	const out: string[] = [];
	for (const p of path) {
		const label = linkStateLabel(p.link);
		const what = p.link.kind === 'bridge' ? `bridge ${p.link.name}` : `interface ${p.link.name}`;
		if (label === 'DOWN') {
			out.push(`${what} in ${p.ns.id} is down (select it and press Space to set it up)`);
		} else if (label === 'NO-CARRIER') {
			const peer = peerPlace(world, topology, p);
			if (peer && downs.has(linkKey(peer.ns.id, peer.link.ifindex))) continue; // said by the peer's own line
			out.push(
				peer && !peer.link.adminUp
					? `${what} in ${p.ns.id} has no carrier: its peer ${peer.link.name} in ${peer.ns.id} is down`
					: `${what} in ${p.ns.id} has no carrier: its other end is down`,
			);
		}
	}
	return out;
}

function routesList(ns: Netns, family: 4 | 6): string {
	const routes = ns.routes.filter((r) => r.table === 'main' && r.family === family);
	return routes.length === 0 ? `${ns.id} has no IPv${family} routes at all` : `${ns.id}'s IPv${family} routes: ${routes.map(formatRoute).join('; ')}`;
}

const ROUTE_TYPES: Readonly<Record<string, string>> = {
	blackhole: 'drops the packets silently',
	unreachable: 'answers "unreachable"',
	prohibit: 'answers "prohibited"',
	throw: 'sends the lookup on to another table',
};

/** Plain sentences, the likeliest cause first; empty when there is nothing to explain. */
export function diagnosePing(world: World, nsId: string, target: string, outcome: PingOutcome): string[] {
	if (outcome.errorText && pingMissing(outcome.errorText)) return ['ping is not installed: install the iputils-ping package (apt-get install iputils-ping)'];
	if (!pingFailed(outcome)) return [];
	const ns = findNs(world, nsId);
	if (!ns) return [`namespace ${nsId} no longer exists`];
	const ip = parseIp(target);
	if (!ip) return [`${target} is not an IP address`];
	const topology = buildTopology(world);
	const reasons: string[] = [];
	const holder = addressHolder(world, ip.address, nsId);
	const own = ns.links.find((l) => l.addresses.some((a) => a.local === ip.address));
	if (own) {
		const lo = ns.links.find((l) => l.kind === 'loopback');
		if (lo && !lo.adminUp) reasons.push(`lo in ${nsId} is down: a namespace reaches its own addresses (${ip.address} on ${own.name}) through lo`);
		return reasons.length > 0 ? reasons : genericLoss(outcome, target, `${ip.address} is ${nsId}'s own address`);
	}
	const route = lookupRoute(ns, ip);
	if (!route) {
		const downOnSubnet = ns.links.find((l) => !l.adminUp && onSubnet(l, ip));
		if (downOnSubnet) reasons.push(`interface ${downOnSubnet.name} in ${nsId} is down: its subnet has no route while it is down (select it and press Space)`);
		else reasons.push(`no route in ${nsId} covers ${ip.address}`);
		if (holder) {
			const subnet = subnetOf(ip.address, holder.prefixlen);
			if (!ns.links.some((l) => onSubnet(l, ip))) reasons.push(`${nsId} has no address on ${subnet}, where ${ip.address} lives (${holder.ns.id}/${holder.link.name}): add one, or a route via a gateway`);
		} else {
			reasons.push(`no namespace nsdeck can see holds ${ip.address}`);
		}
		reasons.push(routesList(ns, ip.family));
		return reasons;
	}
	if (ROUTE_TYPES[route.type]) return [`the route ${formatRoute(route)} in ${nsId} ${ROUTE_TYPES[route.type]}`];
	const dev = route.dev ? ns.links.find((l) => l.name === route.dev) : undefined;
	if (dev) {
		const from: Place = {ns, link: dev};
		const next = route.gateway ? addressHolder(world, route.gateway, nsId) : holder;
		reasons.push(...problems(world, topology, segment(world, topology, from, next && {ns: next.ns, link: next.link})));
		if (route.gateway && !next) reasons.push(`the gateway ${route.gateway} is in no namespace nsdeck can see`);
		if (route.gateway && holder) reasons.push(...problems(world, topology, [{ns: holder.ns, link: holder.link}]).filter((r) => !reasons.includes(r)));
	}
	if (reasons.length === 0 && holder) {
		const source = route.prefsrc ?? dev?.addresses.find((a) => a.family === ip.family && a.scope === 'global')?.local;
		const sourceIp = source ? parseIp(source) : undefined;
		if (sourceIp && !lookupRoute(holder.ns, sourceIp)) {
			reasons.push(`${holder.ns.id} has no route back to ${source}: the replies cannot return (${routesList(holder.ns, ip.family)})`);
		}
	}
	if (reasons.length === 0 && outcome.icmpErrors.some((e) => /Host Unreachable|Address unreachable/i.test(e))) {
		reasons.push(`nothing on ${route.dev ?? 'the link'} answered for ${ip.address} (Destination Host Unreachable: no neighbour has that address)`);
	}
	if (reasons.length === 0) reasons.push(...genericLoss(outcome, target, holder ? `${ip.address} is on ${holder.ns.id}/${holder.link.name}` : `no namespace nsdeck can see holds ${ip.address}`));
	return reasons;
}

function genericLoss(outcome: PingOutcome, target: string, where: string): string[] {
	const s = outcome.summary;
	if (!s) return outcome.errorText ? [outcome.errorText.split('\n')[0].replace(/^(?!ping:)/, 'ping: ')] : [];
	if (s.received === 0) return [`100% loss, though every interface nsdeck sees on the way is up; ${where}: a firewall may drop ICMP, or nothing answers ${target}`];
	return [`${s.lossPercent}% loss: some replies did not come back in time; ${where}`];
}
