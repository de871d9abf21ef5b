// The one reader of the kernel's picture: records in `ip -j -d`'s schema, whether ip printed them or
// nsdeck-netdump did (native/netlink-json.c writes the same keys and values, a subset of ip's). The one
// difference: the helper leaves route tables, protocols and scopes as numbers, which are named here from
// the same files ip reads (iproute-names.ts). They accept the raw text so fixtures test them directly.
import {BUILTIN_NAMES, nameOf, type IprouteNames} from './iproute-names.js';
import {readLinkInfo} from './link-kinds/index.js';
import {parseFdbEntry, parseNexthopObjects, parseRoute} from './parse-route.js';
import {fromRecord} from './raw-records.js';
import type {Address, Link, Neighbour, Netns, NsidEntry, NsidFrame, PeerHint, Route, Rule} from './types.js';

type Json = Record<string, unknown>;

const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const asNumber = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const asStrings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * ip -j writes a name's control characters (ESC, BEL: anything a container's root chose) into its JSON
 * strings raw, which JSON.parse refuses; escaped first, the name survives as it is (and is drawn safely).
 * ip's output has no other control characters: one document per line, no pretty-printing.
 */
export const escapeRawControls = (text: string): string =>
	text.replace(/[\u0000-\u0009\u000B-\u001F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function parseArray(text: string): Json[] {
	const trimmed = text.trim();
	if (trimmed === '') return [];
	const value: unknown = JSON.parse(escapeRawControls(trimmed));
	if (!Array.isArray(value)) throw new Error('expected a JSON array from ip -j');
	return value.filter((x): x is Json => typeof x === 'object' && x !== null);
}

const asObject = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);

/** A name ip printed, or a number the helper left for us to name as ip would. */
const named = (v: unknown, names: ReadonlyMap<number, string>): string | undefined => (typeof v === 'number' ? nameOf(names, v) : asString(v));

/** ip's address flags, as JSON booleans (print_ifa_flags), in ip's order. */
const ADDRESS_FLAGS = ['secondary', 'temporary', 'nodad', 'optimistic', 'dadfailed', 'home', 'deprecated', 'tentative', 'mngtmpaddr', 'noprefixroute', 'autojoin', 'stable-privacy', 'dynamic'];

function parseAddress(raw: Json, names: IprouteNames): Address | undefined {
	const family = raw.family === 'inet' ? 4 : raw.family === 'inet6' ? 6 : undefined;
	const local = asString(raw.local);
	const prefixlen = asNumber(raw.prefixlen);
	if (!family || !local || prefixlen === undefined) return undefined;
	const flags = ADDRESS_FLAGS.filter((flag) => raw[flag] === true);
	return {family, local, prefixlen, scope: named(raw.scope, names.scopes) ?? 'global', cidr: `${local}/${prefixlen}`, ...(flags.length > 0 ? {flags} : {})};
}

function peerHint(raw: Json): PeerHint | undefined {
	const ifindex = asNumber(raw.link_index);
	const netnsid = asNumber(raw.link_netnsid);
	const name = asString(raw.link);
	if (ifindex === undefined && netnsid === undefined && name === undefined) return undefined;
	return {ifindex, netnsid, name};
}

/** One link from `ip -j -d addr` (which carries every field of `ip -j -d link` plus addr_info). */
export function parseLink(raw: Json, names: IprouteNames = BUILTIN_NAMES): Link {
	const flags = asStrings(raw.flags);
	const addrInfo = Array.isArray(raw.addr_info) ? (raw.addr_info as Json[]) : [];
	const {kind, facts} = readLinkInfo(raw.linkinfo, raw.link_type);
	const masterKind = asString(asObject(raw.linkinfo)?.info_slave_kind);
	const altnames = asStrings(raw.altnames);
	return fromRecord({
		ifindex: asNumber(raw.ifindex) ?? 0,
		name: asString(raw.ifname) ?? '?',
		kind,
		state: asString(raw.operstate) ?? 'UNKNOWN',
		flags,
		adminUp: flags.includes('UP'),
		noCarrier: flags.includes('NO-CARRIER'),
		mac: asString(raw.address) ?? '',
		mtu: asNumber(raw.mtu) ?? 0,
		...(typeof raw.qdisc === 'string' ? {qdisc: raw.qdisc} : {}),
		...(asNumber(raw.min_mtu) !== undefined ? {minMtu: asNumber(raw.min_mtu)} : {}),
		...(asNumber(raw.max_mtu) !== undefined ? {maxMtu: asNumber(raw.max_mtu)} : {}),
		master: asString(raw.master),
		...(masterKind ? {masterKind} : {}),
		...(facts ? {facts} : {}),
		...(altnames.length > 0 ? {altnames} : {}),
		addresses: addrInfo.map((a) => parseAddress(a, names)).filter((a): a is Address => a !== undefined),
		peerHint: peerHint(raw),
	}, raw);
}

export {parseFdbEntry, parseRoute};

export const parseLinks = (text: string, names: IprouteNames = BUILTIN_NAMES): Link[] => parseArray(text).map((raw) => parseLink(raw, names));

/** nsdeck leaves out the `local` table (it only mirrors addresses) and multicast routes. */
export const keepRoute = (r: Route): boolean => r.table !== 'local' && r.type !== 'multicast';

/** Routes of `ip -j route show table all` (or the helper's), as nsdeck keeps them. */
export function parseRouteRecords(raw: readonly Json[], names: IprouteNames = BUILTIN_NAMES): Route[] {
	return raw.map((r) => parseRoute(r, names)).filter(keepRoute);
}

export const parseRoutes = (text: string, names: IprouteNames = BUILTIN_NAMES): Route[] => parseRouteRecords(parseArray(text), names);

const prefix = (address: string | undefined, length: unknown): string | undefined =>
	address === undefined ? undefined : asNumber(length) === undefined ? address : `${address}/${asNumber(length)}`;

/** One rule of `ip -j -d rule show` (ip/iprule.c print_rule). */
export function parseRule(raw: Json, names: IprouteNames = BUILTIN_NAMES): Rule {
	const mark = asString(raw.fwmark);
	const mask = asString(raw.fwmask);
	const action = asString(raw.action) ?? (raw.goto !== undefined ? 'goto' : 'nop' in raw ? 'nop' : undefined);
	return fromRecord({
		priority: asNumber(raw.priority) ?? 0,
		// ip prints flags like this one as a key with a null value.
		not: 'not' in raw,
		src: prefix(asString(raw.src), raw.srclen) ?? 'all',
		...(asString(raw.dst) ? {dst: prefix(asString(raw.dst), raw.dstlen)} : {}),
		...(asString(raw.iif) ? {iif: asString(raw.iif)} : {}),
		...(asString(raw.oif) ? {oif: asString(raw.oif)} : {}),
		...(mark ? {fwmark: mask ? `${mark}/${mask}` : mark} : {}),
		...(raw.table !== undefined ? {table: named(raw.table, names.tables)} : {}),
		...(action ? {action} : {}),
		...(asNumber(raw.goto) !== undefined ? {goto: asNumber(raw.goto)} : {}),
	}, raw);
}

/** One entry of `ip -j -d neigh show` (ip/ipneigh.c print_neigh). */
export function parseNeighbour(raw: Json): Neighbour | undefined {
	const dst = asString(raw.dst);
	const dev = asString(raw.dev);
	if (!dst || !dev) return undefined;
	return fromRecord<Neighbour>({family: dst.includes(':') ? 6 : 4, dst, dev, ...(asString(raw.lladdr) ? {lladdr: asString(raw.lladdr)} : {}), router: 'router' in raw, state: asStrings(raw.state)}, raw);
}

const defined = <T>(items: ReadonlyArray<T | undefined>): T[] => items.filter((x): x is T => x !== undefined);

export function parseNsids(text: string): NsidEntry[] {
	return parseArray(text).flatMap((raw) => {
		const nsid = asNumber(raw.nsid);
		return nsid === undefined ? [] : [{nsid, name: asString(raw.name)}];
	});
}

/**
 * The JSON documents `ip -j -d -b -` prints for: addr, route show table all, rule show (IPv4's: a batch
 * line cannot say -6), neigh show, nexthop show, netns list-id.
 */
export const BULK_READ = 'addr\nroute show table all\nrule show\nneigh show\nnexthop show\n';
export const BATCH_READ = `${BULK_READ}netns list-id\n`;
/** How many documents come before `netns list-id` in a batch read. */
export const BATCH_DOCUMENTS = 5;

export type BatchRead = Pick<Netns, 'links' | 'routes' | 'nsids' | 'rules' | 'neighbours' | 'fdb' | 'forwarding' | 'nexthops' | 'frame'>;

/**
 * ip prints one JSON document per line in batch mode; an empty result may print `[]` or nothing. After the
 * first four come the nexthop objects and the nsid table, each told by its records (`id`, `nsid`): a read
 * recorded before nsdeck asked for nexthops has the nsid table fifth.
 */
export function parseBatchRead(text: string): BatchRead {
	const docs = text.split('\n').filter((line) => line.trim().startsWith('['));
	if (docs.length < BATCH_DOCUMENTS) throw new Error(`unexpected output from ip -b (${docs.length} documents)`);
	const rest = docs.slice(4).map(parseArray);
	const nsidDoc = rest.find((doc) => doc.some((r) => 'nsid' in r)) ?? rest.find((doc, i) => doc.length === 0 && i > 0);
	const nexthopDoc = rest.find((doc) => doc !== nsidDoc);
	return {
		links: parseLinks(docs[0]),
		routes: parseRoutes(docs[1]),
		rules: {4: parseArray(docs[2]).map((r) => parseRule(r))},
		neighbours: defined(parseArray(docs[3]).map(parseNeighbour)),
		...(nexthopDoc ? {nexthops: parseNexthopObjects(nexthopDoc)} : {}),
		nsids: parseNsids(JSON.stringify(nsidDoc ?? [])),
	};
}

const asFlag = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

/**
 * The helper's document for one namespace: ip's link, route, rule and neighbour records, the bridges' FDB,
 * forwarding, and the nsid table if asked.
 */
export function parseHelperRecords(text: string, names: IprouteNames): BatchRead & {readonly named: boolean} {
	const value = asObject(JSON.parse(text));
	const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter((x): x is Json => asObject(x) !== undefined) : []);
	const rules = asObject(value?.rules);
	const forwarding = asObject(value?.forwarding);
	return {
		links: list(value?.links).map((raw) => parseLink(raw, names)),
		routes: parseRouteRecords(list(value?.routes), names),
		...(rules ? {rules: {4: list(rules.inet).map((r) => parseRule(r, names)), 6: list(rules.inet6).map((r) => parseRule(r, names))}} : {}),
		...(Array.isArray(value?.neighbours) ? {neighbours: defined(list(value?.neighbours).map(parseNeighbour))} : {}),
		...(Array.isArray(value?.fdb) ? {fdb: defined(list(value?.fdb).map(parseFdbEntry))} : {}),
		...(Array.isArray(value?.nexthops) ? {nexthops: parseNexthopObjects(list(value?.nexthops), names)} : {}),
		...(forwarding ? {forwarding: {4: asFlag(forwarding.inet), 6: asFlag(forwarding.inet6)}} : {}),
		nsids: list(value?.nsids).flatMap((raw) => (asNumber(raw.nsid) === undefined ? [] : [{nsid: asNumber(raw.nsid) ?? 0, name: asString(raw.name)}])),
		named: Array.isArray(value?.nsids),
		...frameOf(value),
	};
}

/** The helper's nsids in the host's frame (native/nsid-identity.h), when it gave them. */
function frameOf(value: Json | undefined): {frame?: NsidFrame} {
	const hostNsid = asNumber(value?.host_nsid);
	const inHost = asNumber(value?.nsid_in_host);
	if (hostNsid === undefined && inHost === undefined) return {};
	const toHost = (Array.isArray(value?.nsids_in_host) ? (value.nsids_in_host as unknown[]) : []).flatMap((raw) => {
		const entry = asObject(raw);
		const nsid = asNumber(entry?.nsid);
		const seen = asNumber(entry?.host_nsid);
		return nsid === undefined || seen === undefined ? [] : [{nsid, hostNsid: seen}];
	});
	return {frame: {hostNsid, inHost, toHost}};
}
