// Add and delete a route; toggle forwarding.
import type {Route} from '../model/types.js';
import {execIn, ipIn, type Plan} from './plan.js';

export interface RouteValues {
	readonly ns: string;
	readonly dst: string;
	readonly via: string;
	readonly dev: string;
	/** IPv6 routes say -6, so that `default` means ::/0. */
	readonly family: 4 | 6;
}

function routeArgs(v: RouteValues): string[] {
	return [...(v.family === 6 ? ['-6'] : []), 'route', '%', v.dst, ...(v.via ? ['via', v.via] : []), ...(v.dev ? ['dev', v.dev] : [])];
}

const withVerb = (args: string[], verb: 'add' | 'del'): string[] => args.map((a) => (a === '%' ? verb : a));

export function addRoutePlan(v: RouteValues): Plan {
	const args = routeArgs(v);
	return {
		title: `Add route ${v.dst} in ${v.ns}`,
		dangerous: false,
		steps: [{argv: ipIn(v.ns, ...withVerb(args, 'add')), undo: ipIn(v.ns, ...withVerb(args, 'del'))}],
		affects: [v.ns],
		select: {ns: v.ns},
		effects: [{kind: 'addRoute', ns: v.ns, route: {family: v.family, dst: v.dst, ...(v.via ? {via: v.via} : {}), ...(v.dev ? {dev: v.dev} : {})}}],
	};
}

/**
 * Everything that tells a route from the others to the same prefix. The kernel deletes the first route
 * that matches what it is told: `ip route del 10.77.0.0/24 dev X` may take the main table's route when the
 * table-100 one was meant, or the route of another metric, type or protocol. Told all of these, it can
 * only take this one; the same words add it back.
 */
/** `via GW`, or `via inet6 GW` for an IPv4 route through an IPv6 gateway (ip would read it as IPv4). */
const viaWords = (family: 4 | 6, gateway: string): string[] => (family === 4 && gateway.includes(':') ? ['via', 'inet6', gateway] : ['via', gateway]);

export function exactRouteArgs(route: Route): string[] {
	return [
		...(route.family === 6 ? ['-6'] : []),
		'route',
		'%',
		...(route.type !== 'unicast' ? [route.type] : []),
		route.dst,
		'table',
		route.table,
		...(route.metric !== undefined ? ['metric', String(route.metric)] : []),
		...(route.protocol ? ['proto', route.protocol] : []),
		...(route.gateway ? viaWords(route.family, route.gateway) : []),
		...(route.dev ? ['dev', route.dev] : []),
		...(route.prefsrc ? ['src', route.prefsrc] : []),
		// Every next hop of a multipath route, so that undo puts back all of them.
		...(route.nexthops ?? []).flatMap((hop) => [
			'nexthop',
			...(hop.gateway ? viaWords(route.family, hop.gateway) : []),
			...(hop.dev ? ['dev', hop.dev] : []),
			'weight',
			String(hop.weight),
		]),
	];
}

export function deleteRoutePlan(ns: string, route: Route): Plan {
	const args = exactRouteArgs(route);
	return {
		title: `Delete route ${route.dst} in ${ns}`,
		dangerous: false,
		destructive: true,
		touches: [{ns, change: 'route', route}],
		steps: [{argv: ipIn(ns, ...withVerb(args, 'del')), undo: ipIn(ns, ...withVerb(args, 'add'))}],
		affects: [ns],
		select: {ns},
		effects: [{kind: 'deleteRoute', ns, route}],
	};
}

export const FORWARDING_KEYS = {4: 'net.ipv4.ip_forward', 6: 'net.ipv6.conf.all.forwarding'} as const;

export function forwardingPlan(ns: string, family: 4 | 6, enable: boolean): Plan {
	const key = FORWARDING_KEYS[family];
	return {
		title: `${enable ? 'Enable' : 'Disable'} IPv${family} forwarding in ${ns}`,
		dangerous: false,
		destructive: !enable,
		steps: [{argv: execIn(ns, 'sysctl', '-w', `${key}=${enable ? 1 : 0}`), undo: execIn(ns, 'sysctl', '-w', `${key}=${enable ? 0 : 1}`)}],
		affects: [ns],
		select: {ns},
		effects: [{kind: 'setForwarding', ns, family, enable}],
	};
}
