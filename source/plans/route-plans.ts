// Add and delete a route; toggle forwarding.
import {routeArgv} from '../model/route-identity.js';
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

/** Deletes exactly this route; its undo adds it back with the same words (route-identity.ts). */
export function deleteRoutePlan(ns: string, route: Route): Plan {
	return {
		title: `Delete route ${route.dst}${route.nhid !== undefined ? ` nhid ${route.nhid}` : ''} in ${ns}`,
		dangerous: false,
		destructive: true,
		touches: [{ns, change: 'route', route}],
		steps: [{argv: ipIn(ns, ...routeArgv(route, 'del')), undo: ipIn(ns, ...routeArgv(route, 'add'))}],
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
