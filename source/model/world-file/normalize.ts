// One spelling for each value, whether a file, netnsplan or the kernel said it, so that comparing a
// declared world with the kernel's is comparing strings: `10.0.0.1/32` is the kernel's `10.0.0.1`,
// `::/0` its `default`, an IPv4 route without a metric has metric 0 and an IPv6 one 1024.
import {parseCidr, parseDestination, parseIp} from '../validate.js';
import type {Route, Rule} from '../types.js';
import type {DeclaredRoute, DeclaredRule} from './types.js';

/** `10.1.1.1/24` as ip prints it; a bare address (netnsplan writes them) is a host address. */
export function normalAddress(text: string): string | undefined {
	if (text.includes('/')) return parseCidr(text)?.text;
	const ip = parseIp(text);
	return ip && `${ip.address}/${ip.family === 4 ? 32 : 128}`;
}

/** A route's destination as the kernel prints it, with its family where the text tells it. */
export function normalDestination(text: string): {family?: 4 | 6; to: string} | undefined {
	if (text === '0.0.0.0/0') return {family: 4, to: 'default'};
	if (text === '::/0') return {family: 6, to: 'default'};
	const dst = parseDestination(text);
	if (!dst) return undefined;
	const host = dst.family === 4 ? '/32' : '/128';
	return {family: dst.family, to: dst.text.endsWith(host) ? dst.text.slice(0, -host.length) : dst.text};
}

/** The metric the kernel gives a route added without one. */
export const defaultMetric = (family: 4 | 6): number => (family === 6 ? 1024 : 0);

/** Protocols of routes the kernel or a daemon makes on its own: not saved, never pruned. */
const MADE_BY_OTHERS = new Set(['kernel', 'ra', 'redirect', 'dhcp', 'zebra', 'bird', 'babel', 'bgp', 'ospf', 'isis', 'rip', 'static']);

/** A kernel route as a file declares it, or undefined for one the kernel or a routing daemon made. */
function declaredHops(r: Route): DeclaredRoute | undefined {
	const proto = r.protocol ?? 'boot';
	if (MADE_BY_OTHERS.has(proto)) return undefined;
	return {
		family: r.family,
		to: r.dst,
		...(r.gateway ? {via: r.gateway} : {}),
		...(r.dev ? {dev: r.dev} : {}),
		table: r.table,
		type: r.type,
		...(r.metric !== undefined && r.metric !== defaultMetric(r.family) ? {metric: r.metric} : {}),
		proto,
		...(r.prefsrc ? {src: r.prefsrc} : {}),
		...(r.flags.includes('onlink') ? {onlink: true} : {}),
		...(r.nexthops ? {nexthops: r.nexthops.map((h) => ({...(h.gateway ? {via: h.gateway} : {}), ...(h.dev ? {dev: h.dev} : {}), weight: h.weight}))} : {}),
	};
}

/** A kernel route as a file declares it; one through a nexthop object is its `nhid` (ip prints the object's hops beside it). */
export function declaredRoute(r: Route): DeclaredRoute | undefined {
	const d = declaredHops(r);
	if (!d || r.nhid === undefined) return d;
	// Its hops and type (a blackhole object's route prints as one) are the object's.
	const {via: _via, dev: _dev, nexthops: _nexthops, ...rest} = d;
	return {...rest, type: 'unicast', nhid: r.nhid};
}

export const routeKey = (r: DeclaredRoute): string =>
	JSON.stringify([r.family, r.to, r.table, r.type, r.metric ?? defaultMetric(r.family), r.proto, r.via ?? '', r.dev ?? '', r.src ?? '', r.onlink === true, (r.nexthops ?? []).map((h) => [h.via ?? '', h.dev ?? '', h.weight]), r.nhid ?? 0]);

/** Whether the kernel's route is the declared one: a route declared without `dev` takes the one the kernel chose. */
export function routeMatches(declared: DeclaredRoute, kernel: DeclaredRoute): boolean {
	const chosen = declared.dev === undefined && declared.nexthops === undefined && declared.nhid === undefined && kernel.dev !== undefined ? {...declared, dev: kernel.dev} : declared;
	return routeKey(chosen) === routeKey(kernel);
}

/** What the kernel holds one route for (`ip route add` of a second says "File exists"): destination, table, metric. */
export const routeSlot = (r: DeclaredRoute): string => JSON.stringify([r.family, r.to, r.table, r.metric ?? defaultMetric(r.family)]);

/** The rules every namespace starts with: never saved, never pruned. */
export function isDefaultRule(family: 4 | 6, r: Rule): boolean {
	if (r.not || r.src !== 'all' || r.dst || r.iif || r.oif || r.fwmark || r.action) return false;
	return (r.priority === 0 && r.table === 'local') || (r.priority === 32766 && r.table === 'main') || (family === 4 && r.priority === 32767 && r.table === 'default');
}

export const RULE_ACTIONS = ['blackhole', 'unreachable', 'prohibit'] as const;

/** A kernel rule as a file declares it; undefined for a default one or one nsdeck cannot write (goto, nop). */
export function declaredRule(family: 4 | 6, r: Rule): DeclaredRule | undefined {
	if (isDefaultRule(family, r)) return undefined;
	if (r.action && !(RULE_ACTIONS as readonly string[]).includes(r.action)) return undefined;
	return {
		family,
		priority: r.priority,
		not: r.not,
		from: r.src,
		...(r.dst ? {to: r.dst} : {}),
		...(r.iif ? {iif: r.iif} : {}),
		...(r.oif ? {oif: r.oif} : {}),
		...(r.fwmark ? {fwmark: r.fwmark} : {}),
		...(r.table && !r.action ? {table: r.table} : {}),
		...(r.action ? {action: r.action} : {}),
	};
}

export const ruleKey = (r: DeclaredRule): string =>
	JSON.stringify([r.family, r.priority, r.not, r.from, r.to ?? '', r.iif ?? '', r.oif ?? '', r.fwmark ?? '', r.table ?? '', r.action ?? '']);

/** A rule's `from`/`to`: 'all' or a prefix, a host one without its /32 or /128 (as ip prints them). */
export function normalRulePrefix(text: string): {family?: 4 | 6; text: string} | undefined {
	if (text === 'all') return {text};
	const dst = normalDestination(text);
	return dst && dst.to !== 'default' ? {family: dst.family, text: dst.to} : undefined;
}
