// Parsers of `ip -j -d` JSON. They accept the raw text so fixtures captured in the lab test them directly.
import type {Address, Link, NsidEntry, PeerHint, Route} from './types.js';

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

function parseAddress(raw: Json): Address | undefined {
	const family = raw.family === 'inet' ? 4 : raw.family === 'inet6' ? 6 : undefined;
	const local = asString(raw.local);
	const prefixlen = asNumber(raw.prefixlen);
	if (!family || !local || prefixlen === undefined) return undefined;
	return {family, local, prefixlen, scope: asString(raw.scope) ?? 'global', cidr: `${local}/${prefixlen}`};
}

function linkKind(raw: Json): string {
	const info = raw.linkinfo as Json | undefined;
	const kind = asString(info?.info_kind);
	if (kind) return kind;
	if (raw.link_type === 'loopback') return 'loopback';
	return 'device';
}

function peerHint(raw: Json): PeerHint | undefined {
	const ifindex = asNumber(raw.link_index);
	const netnsid = asNumber(raw.link_netnsid);
	const name = asString(raw.link);
	if (ifindex === undefined && netnsid === undefined && name === undefined) return undefined;
	return {ifindex, netnsid, name};
}

/** One link from `ip -j -d addr` (which carries every field of `ip -j -d link` plus addr_info). */
export function parseLink(raw: Json): Link {
	const flags = asStrings(raw.flags);
	const addrInfo = Array.isArray(raw.addr_info) ? (raw.addr_info as Json[]) : [];
	return {
		ifindex: asNumber(raw.ifindex) ?? 0,
		name: asString(raw.ifname) ?? '?',
		kind: linkKind(raw),
		state: asString(raw.operstate) ?? 'UNKNOWN',
		flags,
		adminUp: flags.includes('UP'),
		noCarrier: flags.includes('NO-CARRIER'),
		mac: asString(raw.address) ?? '',
		mtu: asNumber(raw.mtu) ?? 0,
		master: asString(raw.master),
		addresses: addrInfo.map(parseAddress).filter((a): a is Address => a !== undefined),
		peerHint: peerHint(raw),
	};
}

export const parseLinks = (text: string): Link[] => parseArray(text).map(parseLink);

/**
 * Route JSON has no family field. IPv6 routes always carry `pref`; otherwise an address with ':' tells.
 */
function routeFamily(raw: Json): 4 | 6 {
	if (raw.pref !== undefined) return 6;
	const probe = [raw.dst, raw.gateway, raw.prefsrc].map(asString).join(' ');
	return probe.includes(':') ? 6 : 4;
}

function parseRoute(raw: Json): Route {
	return {
		family: routeFamily(raw),
		dst: asString(raw.dst) ?? 'default',
		gateway: asString(raw.gateway),
		dev: asString(raw.dev),
		table: asString(raw.table) ?? 'main',
		type: asString(raw.type) ?? 'unicast',
		protocol: asString(raw.protocol),
		scope: asString(raw.scope),
		metric: asNumber(raw.metric),
		prefsrc: asString(raw.prefsrc),
		flags: asStrings(raw.flags),
	};
}

/** nsdeck leaves out the `local` table (it only mirrors addresses) and multicast routes. */
export const keepRoute = (r: Route): boolean => r.table !== 'local' && r.type !== 'multicast';

/** Routes of `ip -j route show table all`, as nsdeck keeps them. */
export function parseRoutes(text: string): Route[] {
	return parseArray(text).map(parseRoute).filter(keepRoute);
}

export function parseNsids(text: string): NsidEntry[] {
	return parseArray(text).flatMap((raw) => {
		const nsid = asNumber(raw.nsid);
		return nsid === undefined ? [] : [{nsid, name: asString(raw.name)}];
	});
}

/** The three JSON documents `ip -j -d -b -` prints for: addr, route show table all, netns list-id. */
export const BATCH_READ = 'addr\nroute show table all\nnetns list-id\n';

export interface BatchRead {
	readonly links: Link[];
	readonly routes: Route[];
	readonly nsids: NsidEntry[];
}

/** ip prints one JSON document per line in batch mode; an empty result may print `[]` or nothing. */
export function parseBatchRead(text: string): BatchRead {
	const docs = text.split('\n').filter((line) => line.trim().startsWith('['));
	if (docs.length < 2) throw new Error(`unexpected output from ip -b (${docs.length} documents)`);
	return {links: parseLinks(docs[0]), routes: parseRoutes(docs[1]), nsids: parseNsids(docs[2] ?? '[]')};
}
