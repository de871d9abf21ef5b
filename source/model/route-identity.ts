// What a route is, for telling it from every other: the routes pane's row key, and the exact words of
// `ip route del` and `ip route add` that take it away and put it back. Pure; plans and undo use it.
//
// The kernel deletes the first route that matches what it is told: `ip route del 10.80.0.0/24 dev d0`
// takes the tos-0 route when the `tos 0x10` one was meant, the main table's when table 100's was, the
// route of another metric, type, protocol or source prefix. Told all of these, it can only take this one;
// the same words add it back. A route through a nexthop object is matched by its `nhid`, never by the
// gateway and device ip shows for it (the kernel answers "No such process" to those).
import type {NextHop, Route} from './types.js';

/** `via GW`, or `via inet6 GW` for an IPv4 route through an IPv6 gateway (ip would read it as IPv4). */
export const viaWords = (family: 4 | 6, gateway: string): string[] => (family === 4 && gateway.includes(':') ? ['via', 'inet6', gateway] : ['via', gateway]);

/**
 * ip's JSON names of route metrics → the word `ip route add` takes, and the unit its value is printed in
 * (rtt, rttvar and rto_min in milliseconds). Metrics not listed are shown, never passed.
 */
const METRIC_WORDS: Readonly<Record<string, {readonly word: string; readonly unit?: string}>> = {
	mtu: {word: 'mtu'},
	advmss: {word: 'advmss'},
	window: {word: 'window'},
	rtt: {word: 'rtt', unit: 'ms'},
	rttvar: {word: 'rttvar', unit: 'ms'},
	rto_min: {word: 'rto_min', unit: 'ms'},
	ssthresh: {word: 'ssthresh'},
	cwnd: {word: 'cwnd'},
	reordering: {word: 'reordering'},
	hoplimit: {word: 'hoplimit'},
	initcwnd: {word: 'initcwnd'},
	initrwnd: {word: 'initrwnd'},
	quickack: {word: 'quickack'},
	fastopen_no_cookie: {word: 'fastopen_no_cookie'},
	congestion: {word: 'congctl'},
};

/** A route's metrics as ip prints and takes them: `mtu 1400 rtt 10ms congctl cubic`. */
export function metricWords(route: Route, onlyKnown = false): string[] {
	return Object.entries(route.metrics ?? {}).flatMap(([name, value]) => {
		const known = METRIC_WORDS[name];
		if (!known) return onlyKnown ? [] : [name, String(value)];
		return [known.word, `${value}${known.unit ?? ''}`];
	});
}

/** Route flags that are part of what a route is (the rest — linkdown, dead, offload — are its state). */
const IDENTITY_FLAGS = ['onlink'];

const identityFlags = (flags: readonly string[] | undefined): string[] => (flags ?? []).filter((f) => IDENTITY_FLAGS.includes(f));

function hopWords(family: 4 | 6, hop: NextHop): string[] {
	return ['nexthop', ...(hop.gateway ? viaWords(family, hop.gateway) : []), ...(hop.dev ? ['dev', hop.dev] : []), ...identityFlags(hop.flags), 'weight', String(hop.weight)];
}

/** Where packets go: `nhid 7`, or the gateway, device and next hops (which a nexthop object's route only shows). */
function pathWords(route: Route): string[] {
	if (route.nhid !== undefined) return ['nhid', String(route.nhid)];
	return [
		...(route.gateway ? viaWords(route.family, route.gateway) : []),
		...(route.dev ? ['dev', route.dev] : []),
		...identityFlags(route.flags),
		...(route.nexthops ?? []).flatMap((hop) => hopWords(route.family, hop)),
	];
}

/**
 * Every word that tells this route from the others, in the order `ip route add|del` takes them, after
 * `route VERB`: `[type] DST [from SRC] [tos TOS] table T [metric M] [proto P] [scope S] PATH [src A]
 * [pref P] [METRICS]`.
 */
export function routeIdentityWords(route: Route): string[] {
	return [
		...(route.type !== 'unicast' ? [route.type] : []),
		route.dst,
		...(route.from ? ['from', route.from] : []),
		...(route.tos ? ['tos', route.tos] : []),
		'table',
		route.table,
		...(route.metric !== undefined ? ['metric', String(route.metric)] : []),
		...(route.protocol ? ['proto', route.protocol] : []),
		...(route.scope ? ['scope', route.scope] : []),
		...pathWords(route),
		...(route.prefsrc ? ['src', route.prefsrc] : []),
		...(route.pref ? ['pref', route.pref] : []),
		...metricWords(route, true),
	];
}

/**
 * `ip` arguments that add or delete exactly this route: `[-6] route VERB WORDS…`. An add puts back the
 * seconds it had left (`expires 299`, an IPv6 route learnt from a router), which no delete needs.
 */
export const routeArgv = (route: Route, verb: 'add' | 'del'): string[] => [
	...(route.family === 6 ? ['-6'] : []),
	'route',
	verb,
	...routeIdentityWords(route),
	...(verb === 'add' && route.family === 6 && route.expires !== undefined ? ['expires', String(route.expires)] : []),
];

const keys = new WeakMap<Route, string>();

/**
 * The routes pane's row key, and how a selection, the planned world and the SSH guard find a route again:
 * its family and every word that tells it apart — nothing that changes while it stays the same route
 * (expires, linkdown). Two routes the kernel holds apart never share it. Made once per record (records
 * are never changed): panes look the selection up among a thousand routes on every frame.
 */
export function routeKey(route: Route): string {
	let key = keys.get(route);
	if (key === undefined) {
		key = `${route.family}|${routeIdentityWords(route).join(' ')}`;
		keys.set(route, key);
	}
	return key;
}
