// The kernel's route lookup, from the World: policy rules in priority order, then the longest prefix with
// the lowest metric in each table they select. Also which tables hold a route no rule reaches.
import {ip as ipaddr} from '../ip-address.js';
import type {Netns, Route, Rule} from '../types.js';

export interface Ip {
	readonly family: 4 | 6;
	readonly address: string;
}

/** The prefix length by which `ip` lies in a route's destination ('default', a prefix, a host address). */
export function covers(dst: string, ip: Ip): number | undefined {
	if (dst === 'default') return 0;
	const [base, bits] = dst.split('/');
	if (!ipaddr.isValid(base)) return undefined;
	const parsed = ipaddr.parse(base);
	if ((parsed.kind() === 'ipv4' ? 4 : 6) !== ip.family) return undefined;
	const prefix = bits === undefined ? (ip.family === 4 ? 32 : 128) : Number(bits);
	return ipaddr.parse(ip.address).match(parsed, prefix) ? prefix : undefined;
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

/** What the policy rules decide for a packet to `ip`: a route, or a rule's own action. */
export interface Decision {
	readonly route?: Route;
	/** A rule that ends the lookup without a route: blackhole, unreachable, prohibit. */
	readonly rule?: Rule;
}

/** Whether a rule selects a packet to `ip` from `source`, arriving on `iif` (none: sent by this namespace). */
export function ruleMatches(rule: Rule, ip: Ip, source: Ip | undefined, iif?: string): boolean {
	// A packet this namespace sends comes from no interface (iif is lo), and carries no mark.
	const iifOk = !rule.iif || rule.iif === (iif ?? 'lo');
	const src = rule.src === 'all' || (source !== undefined && covers(rule.src, source) !== undefined);
	const dst = rule.dst === undefined || covers(rule.dst, ip) !== undefined;
	const all = iifOk && !rule.fwmark && !rule.oif && src && dst;
	return rule.not ? !all : all;
}

/** The rules the kernel walks (without any read, the main table alone). */
export const rulesOf = (ns: Netns, family: 4 | 6): readonly Rule[] | undefined => ns.rules?.[family];

/**
 * The rules in priority order, as the kernel walks them: the first table with a route for `ip` decides,
 * or a rule that blackholes, refuses or prohibits.
 */
export function decideRoute(ns: Netns, ip: Ip, source?: Ip, iif?: string): Decision {
	const rules = rulesOf(ns, ip.family);
	if (!rules) return {route: lookupRoute(ns, ip)};
	for (const rule of rules) {
		if (!ruleMatches(rule, ip, source, iif)) continue;
		if (rule.action && rule.action !== 'goto' && rule.action !== 'nop') return {rule};
		// The local table only holds this namespace's own addresses, which are handled before.
		if (!rule.table || rule.table === 'local') continue;
		const route = lookupRoute(ns, ip, rule.table);
		if (route) return {route};
	}
	return {};
}

/** The tables the rules select for this packet, in order (for the words "the tables its rules select"). */
export function tablesSelected(ns: Netns, ip: Ip, source?: Ip): string[] {
	const rules = rulesOf(ns, ip.family);
	if (!rules) return ['main'];
	return [...new Set(rules.filter((r) => r.table && ruleMatches(r, ip, source)).map((r) => r.table as string))];
}

/** A route for `ip` in a table the rules do not select for this packet: the README's "route in another table". */
export function routeElsewhere(ns: Netns, ip: Ip, source?: Ip): {route: Route; rules: readonly Rule[]} | undefined {
	const selected = new Set(tablesSelected(ns, ip, source));
	const tables = [...new Set(ns.routes.filter((r) => r.family === ip.family && !selected.has(r.table)).map((r) => r.table))];
	for (const table of tables) {
		const route = lookupRoute(ns, ip, table);
		// Rules that do name the table, but not for this packet (another source, another mark).
		if (route) return {route, rules: (rulesOf(ns, ip.family) ?? []).filter((r) => r.table === table)};
	}
	return undefined;
}

/**
 * A route as the diagnosis names it: its type when not unicast, the destination, gateway and device, and
 * its table when not main; the other words (proto, scope, src, metric) the detail shows.
 */
export function shortRoute(route: Route): string {
	const words = [...(route.type !== 'unicast' ? [route.type] : []), route.dst];
	if (route.gateway) words.push('via', route.gateway);
	if (route.dev) words.push('dev', route.dev);
	if (route.nexthops?.length) words.push(`(${route.nexthops.length} next hops)`);
	if (route.table !== 'main') words.push('table', route.table);
	return words.join(' ');
}
