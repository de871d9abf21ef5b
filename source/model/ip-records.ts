// Records in iproute2's own keys for `show --json`: the record a link, route, rule, neighbour or FDB
// entry was read from (raw-records.ts), with the numbers the helper leaves for nsdeck to name (route
// tables, protocols, scopes) named as ip names them; for an object nsdeck made itself (a dry run's, a
// test's), the same keys built from what it knows.
import {nameOf, type IprouteNames} from './iproute-names.js';
import {recordOf} from './raw-records.js';
import type {Link, Route} from './types.js';

export type Json = Record<string, unknown>;

const defined = (record: Json): Json => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));

/** An address's scope as ip prints it: a name, where the helper left a number. */
const namedScope = (entry: unknown, names: IprouteNames): unknown => {
	if (typeof entry !== 'object' || entry === null) return entry;
	const scope = (entry as Json).scope;
	return typeof scope === 'number' ? {...(entry as Json), scope: nameOf(names.scopes, scope)} : entry;
};

/** A link as `ip -j -d addr show` prints it. */
export function linkRecord(link: Link, names: IprouteNames): Json {
	const raw = recordOf(link);
	if (raw) return Array.isArray(raw.addr_info) ? {...raw, addr_info: raw.addr_info.map((a) => namedScope(a, names))} : raw;
	return defined({
		ifindex: link.ifindex,
		ifname: link.name,
		flags: [...link.flags],
		mtu: link.mtu,
		master: link.master,
		operstate: link.state,
		address: link.mac || undefined,
		...(link.peerHint?.ifindex !== undefined ? {link_index: link.peerHint.ifindex} : {}),
		...(link.peerHint?.netnsid !== undefined ? {link_netnsid: link.peerHint.netnsid} : {}),
		linkinfo: link.kind === 'device' || link.kind === 'loopback' ? undefined : {info_kind: link.kind},
		addr_info: link.addresses.map((a) => ({family: a.family === 6 ? 'inet6' : 'inet', local: a.local, prefixlen: a.prefixlen, scope: a.scope})),
	});
}

/** A route as `ip -j route show table all` prints it. */
export function routeRecord(route: Route): Json {
	const raw = recordOf(route);
	if (raw) {
		// The helper leaves these as numbers; the parsed route has them named from the same files ip reads.
		const named: Json = {};
		if (typeof raw.table === 'number') named.table = route.table;
		if (typeof raw.protocol === 'number') named.protocol = route.protocol;
		if (typeof raw.scope === 'number') named.scope = route.scope;
		return {...raw, ...named};
	}
	return defined({
		type: route.type === 'unicast' ? undefined : route.type,
		dst: route.dst,
		gateway: route.gateway,
		dev: route.dev,
		table: route.table,
		protocol: route.protocol,
		scope: route.scope,
		prefsrc: route.prefsrc,
		metric: route.metric,
		flags: [...route.flags],
		...(route.nexthops ? {nexthops: route.nexthops.map((h) => defined({gateway: h.gateway, dev: h.dev, weight: h.weight}))} : {}),
	});
}

/** Rules, neighbours or FDB entries as ip and bridge print them; null where they were not read. */
export function records(items: readonly object[] | undefined): Json[] | null {
	return items ? items.map((item) => withNames(recordOf(item), item as Json) ?? (item as Json)) : null;
}

/** A rule's table the helper left as a number, named as the parsed rule names it (as ip would). */
function withNames(raw: Json | undefined, parsed: Json): Json | undefined {
	if (!raw) return undefined;
	const named: Json = {};
	for (const key of ['table', 'protocol', 'scope']) if (typeof raw[key] === 'number' && typeof parsed[key] === 'string') named[key] = parsed[key];
	return {...raw, ...named};
}
