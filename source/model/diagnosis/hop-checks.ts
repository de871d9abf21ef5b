// What breaks one hop, from the kernel's state: on leaving a namespace (a rule or route that drops, no
// route, a down link, a duplicate source, a macvlan's mode, proxy ARP without forwarding) and on arriving
// in the next (forwarding off, rp_filter strict against an asymmetric way back). Each break says its
// evidence and, where one step repairs it, the fix (fix.ts turns it into a plan).
import {formatRoute, ruleSelector} from '../format.js';
import {segmentOf} from '../segment.js';
import type {Topology} from '../topology.js';
import type {Link, Netns, World} from '../types.js';
import {ipv6DisabledOn, rpFilterOf, type Evidence} from './evidence.js';
import type {Fix} from './fix.js';
import {addressHolder, firstDown, freeAddressOn, holds, linkProblems, onSubnet, peerPlace, subnetOf, type Place} from './places.js';
import {decideRoute, routeElsewhere, shortRoute, tablesSelected, type Decision, type Ip} from './route-lookup.js';
import {stackedBreak} from './stacked-checks.js';

export interface Break {
	readonly text: string;
	/** More lines that help (the routes there are, where the address lives). */
	readonly details?: readonly string[];
	readonly fix?: Fix;
	/** Seen, but maybe only a consequence of a later break (a neighbour that never answered). */
	readonly weak?: boolean;
}

const ROUTE_TYPES: Readonly<Record<string, string>> = {
	blackhole: 'drops the packets silently',
	unreachable: 'answers "unreachable"',
	prohibit: 'answers "prohibited"',
	throw: 'sends the lookup on to another table',
};

/** How a user runs ip in that namespace, for commands nsdeck shows but does not run. */
export const ipIn = (ns: Netns): string => (ns.kind === 'host' ? 'ip' : ns.kind === 'named' ? `ip -n ${ns.path.split('/').pop() ?? ns.id}` : `nsenter --net=${ns.path} ip`);

const forwardingKey = (family: 4 | 6): string => (family === 4 ? 'net.ipv4.ip_forward' : 'net.ipv6.conf.all.forwarding');

/** Whether `ns` forwards what arrives on `inLink`: the interface's own switch where it was read, else the namespace's. */
function forwardingOff(ns: Netns, inLink: Link | undefined, family: 4 | 6, evidence: Evidence): string | undefined {
	const conf = inLink ? evidence.conf.get(ns.id)?.interfaces.get(inLink.name) : undefined;
	if (ns.forwarding?.[family] === false) {
		// IPv6 forwards by `all` alone, except what arrives where force_forwarding is on (Linux 6.17+).
		if (family === 6 && conf?.forceForwarding6) return undefined;
		return `${forwardingKey(family)} is 0${family === 6 && conf?.forceForwarding6 === false ? ` and net.ipv6.conf.${inLink?.name}.force_forwarding is 0` : ''}`;
	}
	const own = family === 4 ? conf?.forwarding : undefined;
	return own === false ? `net.ipv4.conf.${inLink?.name}.forwarding is 0` : undefined;
}

/** Arriving in `ns` on `inLink` from `source`: forwarded on (not `final`), or delivered here. */
export function arrivalBreak(world: World, ns: Netns, inLink: Link | undefined, ip: Ip, source: Ip, evidence: Evidence, final: boolean): Break | undefined {
	if (!inLink) return undefined;
	if (!final) {
		const off = forwardingOff(ns, inLink, ip.family, evidence);
		if (off) return {text: `${ns.id} does not forward IPv${ip.family} (${off}): it will not route from ${inLink.name} on to ${ip.address} (select it and press f)`, fix: {kind: 'forwarding', ns: ns.id, family: ip.family}};
	}
	const mode = ip.family === 4 ? rpFilterOf(evidence.conf.get(ns.id), inLink.name) : undefined;
	if (!mode) return undefined;
	const back = decideRoute(ns, source, ip).route;
	if (!back) return {text: `${ns.id} drops it on ${inLink.name}: rp_filter is ${mode} and ${ns.id} has no route back to ${source.address}`};
	if (mode === 1 && back.dev && back.dev !== inLink.name) {
		return {
			text: `${ns.id} drops it on ${inLink.name}: rp_filter is strict (1) and ${ns.id}'s route back to ${source.address} leaves by ${back.dev}, not ${inLink.name} (rp_filter 2, loose, or a way back by ${inLink.name} lets it through)`,
			details: [`the route back: ${shortRoute(back)}`, `sysctl -w net.ipv4.conf.all.rp_filter=2 net.ipv4.conf.${inLink.name}.rp_filter=2 in ${ns.id} would loosen it`],
		};
	}
	return undefined;
}

function routesList(ns: Netns, family: 4 | 6): string {
	const routes = ns.routes.filter((r) => r.table === 'main' && r.family === family);
	return routes.length === 0 ? `${ns.id} has no IPv${family} routes at all` : `${ns.id}'s IPv${family} routes: ${routes.map(formatRoute).join('; ')}`;
}

/** disable_ipv6 on `place`: the kernel took its IPv6 addresses and their routes, and turning it back on brings only fe80::. */
function ipv6Disabled(place: Place, evidence: Evidence, consequence: string): Break | undefined {
	if (!ipv6DisabledOn(evidence.conf.get(place.ns.id), place.link.name)) return undefined;
	const key = `net.ipv6.conf.${place.link.name}.disable_ipv6`;
	const command = `${place.ns.kind === 'host' ? '' : `ip netns exec ${place.ns.path.split('/').pop() ?? place.ns.id} `}sysctl -w ${key}=0`;
	return {
		text: `IPv6 is disabled on ${place.link.name} in ${place.ns.id} (${key} is 1): the kernel removed its IPv6 addresses and routes and drops IPv6 there, ${consequence}`,
		details: [`${command} turns it back on; its addresses must then be added again`],
		fix: {kind: 'command', text: command, why: 'nsdeck does not change this sysctl'},
	};
}

function noRoute(world: World, topology: Topology, ns: Netns, ip: Ip, source: Ip | undefined, step: number, reply: boolean, evidence: Evidence): Break {
	// Without a route the kernel has picked no source yet: the namespace's first global address stands in.
	const local = ns.links.flatMap((l) => l.addresses).find((a) => a.family === ip.family && a.scope === 'global');
	const from = source ?? (local && {family: ip.family, address: local.local});
	const elsewhere = routeElsewhere(ns, ip, from);
	if (elsewhere) {
		const {route, rules} = elsewhere;
		const shown = shortRoute({...route, table: 'main'});
		const why = rules.length > 0 ? `rule ${rules.map((r) => `${r.priority} (${ruleSelector(r)})`).join(', ')} selects it, but not for this packet${from ? ` from ${from.address}` : ''}` : `no rule selects table ${route.table}`;
		const tables = ns.rules?.[ip.family] ? tablesSelected(ns, ip, from) : [];
		const listed = tables.length > 0 ? ` in the tables its rules select (${tables.join(', ')})` : '';
		return {text: `no route in ${ns.id} covers ${ip.address}${listed}, but table ${route.table} has ${shown}: ${why} (${ipIn(ns)} rule add to ${route.dst} lookup ${route.table})`};
	}
	const holder = addressHolder(world, ip.address, ns.id);
	const towardLink = holder && linkToward(world, topology, ns, holder);
	if (ip.family === 6) {
		// The link toward the target first; else any link whose IPv6 is off (the target's address went with it).
		const candidates = [...(towardLink ? [towardLink] : []), ...ns.links.filter((l) => l.kind !== 'loopback' && l.adminUp)];
		for (const link of candidates) {
			const off = ipv6Disabled({ns, link}, evidence, `so ${ns.id} has no route to ${ip.address}`);
			if (off) return off;
		}
	}
	const downOnSubnet = ns.links.find((l) => !l.adminUp && onSubnet(l, ip));
	if (downOnSubnet) {
		return {
			text: `interface ${downOnSubnet.name} in ${ns.id} is down: its subnet has no route while it is down (select it and press Space)`,
			details: [routesList(ns, ip.family)],
			fix: {kind: 'linkUp', ns: ns.id, link: downOnSubnet.name},
		};
	}
	if (reply && step === 0) return {text: `${ns.id} has no route back to ${ip.address}: the replies cannot return (${routesList(ns, ip.family)})`};
	const details = [routesList(ns, ip.family)];
	let fix: Fix | undefined;
	if (!holder) details.unshift(`no namespace nsdeck can see holds ${ip.address}`);
	else if (!ns.links.some((l) => onSubnet(l, ip))) {
		const subnet = subnetOf(ip.address, holder.prefixlen);
		details.unshift(`${ns.id} has no address on ${subnet}, where ${ip.address} lives (${holder.ns.id}/${holder.link.name}): add one, or a route via a gateway`);
		fix = addressFix(world, ns, towardLink, ip.address, holder.prefixlen);
	}
	// The link that leads there says first why it gives no route (down, or only a host address).
	const toward = holder && towardLink && towardHolder(ns, towardLink, holder.ns.id);
	if (toward) details.unshift(toward);
	const text = step === 0 ? `no route in ${ns.id} covers ${ip.address}` : `${ns.id} has no route to ${ip.address}`;
	return {text, details, ...(fix ? {fix} : {})};
}

/** The link of `ns` on the target's L2 segment (a veth to it, a bridge or macvlan parent between), if any. */
function linkToward(world: World, topology: Topology, ns: Netns, holder: Place): Link | undefined {
	const direct = ns.links.find((l) => peerPlace(world, topology, {ns, link: l})?.ns.id === holder.ns.id);
	if (direct) return direct;
	const members = segmentOf(world, [{ns: holder.ns.id, name: holder.link.name}], holder.ns.id);
	return ns.links.find((l) => l.kind !== 'loopback' && members.some((m) => m.ref.ns === ns.id && m.ref.ifindex === l.ifindex));
}

/**
 * An address for `link` on the holder's subnet, where the link leads there and is up: the way a namespace
 * with no address (or one in the wrong subnet) on the target's link reaches it in one step.
 */
function addressFix(world: World, ns: Netns, link: Link | undefined, target: string, prefixlen: number): Fix | undefined {
	if (!link?.adminUp || link.kind === 'loopback') return undefined;
	const address = freeAddressOn(world, target, prefixlen);
	return address ? {kind: 'address', ns: ns.id, link: link.name, cidr: `${address}/${prefixlen}`} : undefined;
}

/** Why the link toward the target's namespace gives no route there. */
function towardHolder(ns: Netns, link: Link, holderNs: string): string | undefined {
	if (!link.adminUp) return `${link.name} in ${ns.id} leads to ${holderNs}, but it is down`;
	const hostOnly = link.addresses.filter((a) => a.scope === 'global' && a.prefixlen === (a.family === 4 ? 32 : 128));
	if (hostOnly.length > 0 && hostOnly.length === link.addresses.filter((a) => a.scope === 'global').length) {
		return `${link.name} in ${ns.id} leads to ${holderNs}, but its address ${hostOnly.map((a) => a.cidr).join(', ')} is a host address: it brings no route to the subnet beyond`;
	}
	return `${link.name} in ${ns.id} leads to ${holderNs}, but no route of ${ns.id} goes by it`;
}

export interface Departure {
	readonly world: World;
	readonly topology: Topology;
	readonly ns: Netns;
	readonly ip: Ip;
	readonly source?: Ip;
	readonly decision: Decision;
	readonly out?: Link;
	readonly nextAddress: string;
	/** The link the packet lands on in the next namespace (the holder's, or one answering by proxy ARP). */
	readonly landing?: Place;
	readonly across: readonly Place[];
	readonly evidence: Evidence;
	readonly step: number;
	/** The reply's way back, which starts in the target's namespace. */
	readonly reply: boolean;
}

const isLinkLocal = (address: string): boolean => /^169\.254\./.test(address) || /^fe[89ab][0-9a-f]:/i.test(address);

/** Leaving `ns` toward `ip`: the first thing that stops it here. */
export function departureBreak(d: Departure): Break | undefined {
	const {ns, ip, decision, out} = d;
	const {route, rule} = decision;
	if (rule) return {text: `rule ${rule.priority} in ${ns.id} ${ROUTE_TYPES[rule.action ?? ''] ?? `ends the lookup (${rule.action ?? '?'})`} for ${ip.address}: ${ruleSelector(rule)}`};
	if (!route) return noRoute(d.world, d.topology, ns, ip, d.source, d.step, d.reply, d.evidence);
	if (ROUTE_TYPES[route.type]) return {text: `the route ${shortRoute(route)} in ${ns.id} ${ROUTE_TYPES[route.type]}`};
	if (!out) return undefined;
	const own = out.addresses.find((a) => a.family === ip.family && a.scope === 'global' && (route.prefsrc === undefined || a.local === route.prefsrc));
	if (own?.flags?.includes('dadfailed')) {
		// A second, free address on the same subnet is one step: the kernel skips the duplicate and sends from it.
		const fix = addressFix(d.world, ns, out, own.local, own.prefixlen);
		return {text: `${own.cidr} on ${out.name} in ${ns.id} is a duplicate (dadfailed): another host on the link has it, so the kernel will not use it`, ...(fix ? {fix} : {})};
	}
	const path = [{ns, link: out}, ...d.across];
	const problems = linkProblems(d.world, d.topology, path);
	if (problems.length > 0) {
		const down = firstDown(path);
		const unknown = !d.landing && route.gateway && !isLinkLocal(route.gateway) ? [`the gateway ${route.gateway} is in no namespace nsdeck can see`] : [];
		return {text: problems[0], details: [...problems.slice(1), ...unknown], fix: down && {kind: 'linkUp', ns: down.ns.id, link: down.link.name}};
	}
	if (ip.family === 6) {
		for (const place of [{ns, link: out}, ...d.across]) {
			const off = ipv6Disabled(place, d.evidence, `so ${d.nextAddress} cannot be reached by ${out.name}`);
			if (off) return off;
		}
	}
	const stacked = stackedBreak(d.world, d.topology, {ns, link: out}, d.landing);
	if (stacked) return stacked;
	if (d.landing && !holds(d.landing.ns, d.nextAddress)) {
		const off = forwardingOff(d.landing.ns, d.landing.link, ip.family, d.evidence);
		if (off) {
			return {
				text: `${d.landing.link.name} in ${d.landing.ns.id} answers ARP for ${d.nextAddress} by proxy (proxy_arp is 1), but only while ${d.landing.ns.id} forwards IPv${ip.family} (${off}): ${out.name}'s ARP for ${d.nextAddress} goes unanswered`,
				fix: {kind: 'forwarding', ns: d.landing.ns.id, family: ip.family},
			};
		}
	}
	if (!d.landing && route.gateway && isLinkLocal(route.gateway)) {
		const peer = d.across.find((p) => p.ns.id !== ns.id);
		const proxy = peer && d.evidence.conf.get(peer.ns.id)?.interfaces.get(peer.link.name)?.proxyArp;
		if (peer && proxy === false) return {text: `nothing answers ARP for ${route.gateway} on ${out.name}: no namespace holds it, and ${peer.link.name} in ${peer.ns.id} does not answer by proxy (proxy_arp is 0)`};
	}
	const failed = d.ns.neighbours?.find((n) => n.dst === d.nextAddress && n.dev === out.name)?.state.find((s) => s === 'FAILED' || s === 'INCOMPLETE');
	if (failed) {
		return {
			text: `${d.nextAddress} on ${out.name} did not answer ${d.nextAddress.includes(':') ? 'neighbour discovery' : 'ARP'} (neighbour entry ${failed}): nothing on that link has the address, or it is down`,
			weak: true,
		};
	}
	if (own?.flags?.includes('tentative')) {
		return {text: `${own.cidr} on ${out.name} in ${ns.id} is still tentative: duplicate address detection has not finished, so the kernel does not send from it yet`, weak: true};
	}
	return undefined;
}
