// Why a ping failed, in plain words, from the World snapshot: a rule or route that drops it, no route
// covering the target, a source address the kernel will not use, an interface on the way down or without
// carrier, a macvlan talking to its own parent, a router namespace that does not forward, a neighbour
// that never answered, no way back, or 100 % loss with everything visible up. The likeliest cause first.
// Pure: tested on fixtures.
import {ip as ipaddr} from './ip-address.js';
import {formatRoute, linkStateLabel, ruleSelector} from './format.js';
import type {PingSummary} from './ping-output.js';
import {pingMissing} from './ping-output.js';
import {stackedOn} from './stacked.js';
import {buildTopology, linkKey, type Topology} from './topology.js';
import type {Link, Netns, Route, Rule, World} from './types.js';
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

/** The route of one table the kernel would pick: longest prefix, then lowest metric. */
export function lookupRoute(ns: Netns, ip: Ip, table = 'main'): Route | undefined {
	let best: {route: Route; prefix: number} | undefined;
	for (const route of ns.routes) {
		if (route.table !== table || route.family !== ip.family) continue;
		const prefix = covers(route.dst, ip);
		if (prefix === undefined) continue;
		if (!best || prefix > best.prefix || (prefix === best.prefix && (route.metric ?? 0) < (best.route.metric ?? 0))) best = {route, prefix};
	}
	return best?.route;
}

/** What the policy rules decide for a packet to `ip` sent from this namespace: a route, or a rule's own action. */
export interface Decision {
	readonly route?: Route;
	/** A rule that ends the lookup without a route: blackhole, unreachable, prohibit. */
	readonly rule?: Rule;
}

const ruleMatches = (rule: Rule, ip: Ip, source: Ip | undefined): boolean => {
	// A packet this namespace sends comes from no interface (iif is lo), and carries no mark.
	if (rule.iif && rule.iif !== 'lo') return rule.not;
	if (rule.fwmark || rule.oif) return rule.not;
	const src = rule.src === 'all' || (source !== undefined && covers(rule.src, source) !== undefined);
	const dst = rule.dst === undefined || covers(rule.dst, ip) !== undefined;
	return rule.not ? !(src && dst) : src && dst;
};

/**
 * The rules in priority order, as the kernel walks them (without rules, the main table): the first table
 * with a route for `ip` decides, or a rule that blackholes, refuses or prohibits.
 */
export function decideRoute(ns: Netns, ip: Ip, source?: Ip): Decision {
	const rules = ns.rules?.[ip.family];
	if (!rules) return {route: lookupRoute(ns, ip)};
	for (const rule of rules) {
		if (!ruleMatches(rule, ip, source)) continue;
		if (rule.action && rule.action !== 'goto' && rule.action !== 'nop') return {rule};
		// The local table only holds this namespace's own addresses, which are handled before.
		if (!rule.table || rule.table === 'local') continue;
		const route = lookupRoute(ns, ip, rule.table);
		if (route) return {route};
	}
	return {};
}

/** IPv4 169.254/16 and IPv6 fe80::/10: gateways that often answer by proxy ARP or NDP (Calico's 169.254.1.1). */
const isLinkLocal = (address: string): boolean => /^169\.254\./.test(address) || /^fe[89ab][0-9a-f]:/i.test(address);

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
	const {route, rule} = decideRoute(ns, ip);
	if (rule) return [`rule ${rule.priority} in ${nsId} ${ROUTE_TYPES[rule.action ?? ''] ?? `ends the lookup (${rule.action ?? '?'})`} for ${ip.address}: ${ruleSelector(rule)}`];
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
	// A duplicate source address comes first: the kernel will not send from it, whatever else is right.
	const sourceAddress = dev?.addresses.find((a) => a.family === ip.family && a.scope === 'global' && (route.prefsrc === undefined || a.local === route.prefsrc));
	if (sourceAddress?.flags?.includes('dadfailed')) {
		reasons.push(`${sourceAddress.cidr} on ${dev?.name} in ${nsId} is a duplicate (dadfailed): another host on the link has it, so the kernel will not use it`);
	}
	if (dev) {
		const from: Place = {ns, link: dev};
		const next = route.gateway ? addressHolder(world, route.gateway, nsId) : holder;
		reasons.push(...problems(world, topology, segment(world, topology, from, next && {ns: next.ns, link: next.link})));
		const parent = stackedParent(world, ns, dev, next);
		if (parent) reasons.push(parent);
		// A link-local gateway with no holder in sight is usually answered by proxy (Calico's 169.254.1.1).
		if (route.gateway && !next && !isLinkLocal(route.gateway)) reasons.push(`the gateway ${route.gateway} is in no namespace nsdeck can see`);
		if (route.gateway && holder) reasons.push(...problems(world, topology, [{ns: holder.ns, link: holder.link}]).filter((r) => !reasons.includes(r)));
		// A router namespace on the way must forward, or the packet stops there.
		if (route.gateway && next && holder && next.ns.id !== holder.ns.id && next.ns.forwarding?.[ip.family] === false) {
			reasons.push(`${next.ns.id} does not forward IPv${ip.family} (${ip.family === 4 ? 'net.ipv4.ip_forward' : 'net.ipv6.conf.all.forwarding'} is 0): it will not route from ${next.link.name} on to ${ip.address} (select it and press f)`);
		}
		const failed = failedNeighbour(ns, route.gateway ?? ip.address, dev.name);
		if (failed) reasons.push(failed);
		// Tentative while the link has no carrier follows from that; on a working link, it is the cause.
		if (reasons.length === 0 && sourceAddress?.flags?.includes('tentative')) {
			reasons.push(`${sourceAddress.cidr} on ${dev.name} in ${nsId} is still tentative: duplicate address detection has not finished, so the kernel does not send from it yet`);
		}
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

/** Kinds stacked on a parent that cannot talk to it directly (macvlan in bridge, vepa or private mode; ipvlan). */
const CUT_FROM_PARENT = new Set(['macvlan', 'macvtap', 'ipvlan']);

/** A macvlan pinging an address on its own parent: the kernel does not pass traffic between them. */
function stackedParent(world: World, ns: Netns, dev: Link, next: Holder | undefined): string | undefined {
	if (!CUT_FROM_PARENT.has(dev.kind) || !next) return undefined;
	// The parent is usually in another namespace (a pod's macvlan on the host's eth0).
	if (!stackedOn(world, next.ns.id, next.link).some((d) => d.ns === ns.id && d.name === dev.name && !d.possibly)) return undefined;
	return `${dev.name} is a ${dev.kind} on ${next.link.name} in ${next.ns.id}, which holds the target: a ${dev.kind} cannot reach its own parent (give the parent's side a macvlan of its own and put the address there)`;
}

/** The neighbour entry for `address` on `dev` when the kernel gave up on it (FAILED, INCOMPLETE). */
function failedNeighbour(ns: Netns, address: string, dev: string): string | undefined {
	const entry = ns.neighbours?.find((n) => n.dst === address && n.dev === dev);
	const state = entry?.state.find((s) => s === 'FAILED' || s === 'INCOMPLETE');
	if (!state) return undefined;
	return `${address} on ${dev} did not answer ${address.includes(':') ? 'neighbour discovery' : 'ARP'} (neighbour entry ${state}): nothing on that link has the address, or it is down`;
}

function genericLoss(outcome: PingOutcome, target: string, where: string): string[] {
	const s = outcome.summary;
	if (!s) return outcome.errorText ? [outcome.errorText.split('\n')[0].replace(/^(?!ping:)/, 'ping: ')] : [];
	if (s.received === 0) return [`100% loss, though every interface nsdeck sees on the way is up; ${where}: a firewall may drop ICMP, or nothing answers ${target}`];
	return [`${s.lossPercent}% loss: some replies did not come back in time; ${where}`];
}
