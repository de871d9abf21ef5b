// Routes, nexthop objects and FDB entries from iproute2's JSON (`ip -j -d route`, `ip -j -d nexthop`,
// `bridge -j fdb`), or the helper's records in the same keys. Every word ip prints is kept: what tells a
// route from another (route-identity.ts) and what the panes, the detail and `show` print.
import {fromRecord} from './raw-records.js';
import {BUILTIN_NAMES, nameOf, tosName, type IprouteNames} from './iproute-names.js';
import type {FdbEntry, NextHop, NexthopObject, Route} from './types.js';

type Json = Record<string, unknown>;

const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const asNumber = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const asStrings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const asObject = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const asObjects = (v: unknown): Json[] => (Array.isArray(v) ? v.flatMap((x) => (asObject(x) ? [x as Json] : [])) : []);

/** A name ip printed, or a number the helper left for us to name as ip would. */
const named = (v: unknown, names: ReadonlyMap<number, string>): string | undefined => (typeof v === 'number' ? nameOf(names, v) : asString(v));

/**
 * Route JSON has no family field. IPv6 routes always carry `pref`; otherwise an address with ':' tells.
 */
function routeFamily(raw: Json): 4 | 6 {
	if (raw.pref !== undefined || raw.from !== undefined) return 6;
	// Not the gateway: `via inet6` gives an IPv4 route an IPv6 one.
	const probe = [raw.dst, raw.prefsrc].map(asString).join(' ');
	if (probe.includes(':')) return 6;
	if (raw.dst === 'default' || raw.dst === undefined) return asString(raw.gateway)?.includes(':') ? 6 : 4;
	return 4;
}

/** A gateway as ip prints it: `gateway`, or `via` {family, host} when it is of the other family. */
const gatewayOf = (raw: Json): string | undefined => asString(raw.gateway) ?? asString(asObject(raw.via)?.host);

function parseNextHop(raw: Json): NextHop {
	const flags = asStrings(raw.flags);
	return {gateway: gatewayOf(raw), dev: asString(raw.dev), weight: asNumber(raw.weight) ?? 1, ...(flags.length > 0 ? {flags} : {})};
}

/** `metrics: [{mtu: 1400, advmss: 1360, congestion: "cubic"}]` as ip prints RTA_METRICS. */
function parseMetrics(raw: unknown): Record<string, number | string> | undefined {
	const entries = asObjects(raw).flatMap((m) => Object.entries(m)).filter((e): e is [string, number | string] => typeof e[1] === 'number' || typeof e[1] === 'string');
	return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

export function parseRoute(raw: Json, names: IprouteNames = BUILTIN_NAMES): Route {
	const nexthops = asObjects(raw.nexthops).map(parseNextHop);
	const metrics = parseMetrics(raw.metrics);
	const optional = {
		// ip prints a name or 0x10; the helper leaves the number, named here as ip would.
		tos: typeof raw.tos === 'number' ? tosName(names, raw.tos) : asString(raw.tos),
		from: asString(raw.from),
		nhid: asNumber(raw.nhid),
		pref: asString(raw.pref),
		expires: asNumber(raw.expires),
	};
	return fromRecord({
		family: routeFamily(raw),
		dst: asString(raw.dst) ?? 'default',
		gateway: gatewayOf(raw),
		...(nexthops.length > 0 ? {nexthops} : {}),
		dev: asString(raw.dev),
		table: named(raw.table, names.tables) ?? 'main',
		type: asString(raw.type) ?? 'unicast',
		protocol: named(raw.protocol, names.protocols),
		scope: named(raw.scope, names.scopes),
		metric: asNumber(raw.metric),
		prefsrc: asString(raw.prefsrc),
		...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
		...(metrics ? {metrics} : {}),
		flags: asStrings(raw.flags),
	}, raw);
}

/** One object of `ip -j -d nexthop show` (ip/ipnexthop.c print_nexthop). */
export function parseNexthopObject(raw: Json, names: IprouteNames = BUILTIN_NAMES): NexthopObject | undefined {
	const id = asNumber(raw.id);
	if (id === undefined) return undefined;
	const group = asObjects(raw.group).flatMap((m) => (asNumber(m.id) === undefined ? [] : [{id: asNumber(m.id) ?? 0, weight: asNumber(m.weight) ?? 1}]));
	const gateway = gatewayOf(raw);
	const dev = asString(raw.dev);
	const scope = named(raw.scope, names.scopes);
	const protocol = named(raw.protocol, names.protocols);
	return fromRecord({
		id,
		...(gateway ? {gateway} : {}),
		...(dev ? {dev} : {}),
		...(group.length > 0 ? {group} : {}),
		// ip prints these as a key with a null value.
		...('blackhole' in raw ? {blackhole: true} : {}),
		...('fdb' in raw ? {fdb: true} : {}),
		...(scope ? {scope} : {}),
		...(protocol ? {protocol} : {}),
		flags: asStrings(raw.flags),
	}, raw);
}

export const parseNexthopObjects = (raw: readonly Json[], names: IprouteNames = BUILTIN_NAMES): NexthopObject[] =>
	raw.flatMap((r) => parseNexthopObject(r, names) ?? []);

/**
 * One entry of `bridge -j fdb show` (bridge/fdb.c print_fdb): a bridge's (with a master), or a vxlan's own
 * (`self`, with the remote end in `dst`).
 */
export function parseFdbEntry(raw: Json): FdbEntry | undefined {
	const mac = asString(raw.mac);
	const dev = asString(raw.ifname);
	if (!mac || !dev) return undefined;
	const flags = asStrings(raw.flags);
	const optional = {bridge: asString(raw.master), vlan: asNumber(raw.vlan), dst: asString(raw.dst), port: asNumber(raw.port), vni: asNumber(raw.vni), via: asString(raw.viaIf)};
	return fromRecord({mac, dev, ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)), ...(flags.length > 0 ? {flags} : {}), state: asString(raw.state) ?? ''}, raw);
}
