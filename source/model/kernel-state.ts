// What the kernel holds in one namespace, exactly as `ip -j -d` prints it, kept for a plan's before and
// after reads (plans/transaction.ts): links with their addresses, routes of every table and both
// families, rules, permanent neighbours, nexthop objects, forwarding. Unlike the records the panes use (types.ts), nothing
// is dropped that a restore needs: tos, from, metrics, address flags and lifetimes.
type Json = Record<string, unknown>;

export interface StateAddress {
	readonly family: 4 | 6;
	readonly local: string;
	readonly prefixlen: number;
	/** An IPv4 point-to-point peer (`peer`). */
	readonly peer?: string;
	readonly broadcast?: string;
	readonly scope: string;
	readonly label?: string;
	/** Flags a user can set (noprefixroute, nodad, home, mngtmpaddr, …); not the kernel's running ones. */
	readonly flags: readonly string[];
	/** Seconds; 4294967295 is forever. */
	readonly valid: number;
	readonly preferred: number;
	/** Made by the kernel (SLAAC `dynamic`, an IPv6 link-local): it comes back by itself. */
	readonly kernelMade: boolean;
}

export interface StateLink {
	readonly ifindex: number;
	readonly name: string;
	readonly kind: string;
	readonly up: boolean;
	/** LOWER_UP: follows the carrier, which only the kernel sets. */
	readonly carrier: boolean;
	readonly mtu: number;
	readonly mac: string;
	readonly master?: string;
	readonly addresses: readonly StateAddress[];
}

/** A route or rule as ip printed it, less what changes by itself (flags such as linkdown, expires). */
export type StateRecord = Readonly<Json>;

export interface NamespaceState {
	readonly id: string;
	readonly links: readonly StateLink[];
	/** Every table but `local`, which mirrors the addresses. */
	readonly routes: readonly StateRecord[];
	readonly rules: readonly StateRecord[];
	readonly neighbours: readonly StateRecord[];
	/** Nexthop objects (`ip nexthop`): the kernel flushes one whose device loses its carrier, with its routes. */
	readonly nexthops?: readonly StateRecord[];
	readonly forwarding?: {readonly 4: boolean; readonly 6: boolean};
}

/** The namespaces one read looked at, by id; a namespace missing from it did not exist. */
export type KernelState = ReadonlyMap<string, NamespaceState>;

export const FOREVER = 4294967295;

/** Address keys that are the kernel's running state, not something a user sets. */
const RUNNING_FLAGS = new Set(['tentative', 'dadfailed', 'deprecated', 'optimistic', 'secondary', 'primary', 'dynamic', 'stable-privacy', 'permanent']);
const ADDRESS_FIELDS = new Set(['family', 'local', 'prefixlen', 'address', 'broadcast', 'scope', 'label', 'valid_life_time', 'preferred_life_time', 'anycast', 'multicast']);
/** Route keys that change by themselves: said by the kernel, never given by a user. */
const VOLATILE_ROUTE_KEYS = ['flags', 'expires', 'cache', 'uid', 'rt_offload', 'rt_trap'];

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function readAddress(a: Json): StateAddress {
	const family = a.family === 'inet6' ? 6 : 4;
	const local = text(a.local) ?? '';
	const flags = Object.keys(a).filter((k) => !ADDRESS_FIELDS.has(k) && !RUNNING_FLAGS.has(k) && a[k] === true);
	const scope = text(a.scope) ?? 'global';
	const label = text(a.label);
	return {
		family,
		local,
		prefixlen: Number(a.prefixlen),
		...(text(a.address) !== undefined && a.address !== local ? {peer: text(a.address)} : {}),
		...(text(a.broadcast) ? {broadcast: text(a.broadcast)} : {}),
		scope,
		...(label ? {label} : {}),
		flags: flags.sort(),
		valid: Number(a.valid_life_time ?? FOREVER),
		preferred: Number(a.preferred_life_time ?? FOREVER),
		kernelMade: a.dynamic === true || (family === 6 && scope === 'link' && local.toLowerCase().startsWith('fe80:')),
	};
}

/** Links and their addresses from `ip -j -d addr show` (which prints each link with its addr_info). */
export function readStateLinks(addrJson: string): StateLink[] {
	const rows = JSON.parse(addrJson) as Json[];
	return rows.map((row) => {
		const flags = Array.isArray(row.flags) ? (row.flags as string[]) : [];
		const info = (row.linkinfo ?? {}) as Json;
		return {
			ifindex: Number(row.ifindex),
			name: text(row.ifname) ?? '',
			kind: text(info.info_kind) ?? (row.link_type === 'loopback' ? 'loopback' : 'device'),
			up: flags.includes('UP'),
			carrier: flags.includes('LOWER_UP'),
			mtu: Number(row.mtu),
			mac: text(row.address) ?? '',
			...(text(row.master) ? {master: text(row.master)} : {}),
			addresses: (Array.isArray(row.addr_info) ? (row.addr_info as Json[]) : []).map(readAddress),
		};
	});
}

/** A record without the keys that change by themselves. */
export function stableRecord(record: Json): StateRecord {
	const copy: Json = {...record};
	for (const key of VOLATILE_ROUTE_KEYS) delete copy[key];
	return copy;
}

/** Routes of `ip -j -d route show table all`, less the `local` table. */
export function readStateRoutes(json: string): StateRecord[] {
	return (JSON.parse(json) as Json[]).filter((r) => r.table !== 'local').map((r) => ({...stableRecord(r), family: routeFamily(r)}));
}

/** `table all` prints both families alike; only IPv6 routes carry `pref`, and a default has no colon. */
const routeFamily = (r: Json): 4 | 6 => ('pref' in r || String(r.dst).includes(':') ? 6 : 4);

/** One key for a record: equal keys, the same object to the kernel and to ip. */
export function recordKey(record: StateRecord): string {
	return JSON.stringify(Object.keys(record).sort().map((k) => [k, record[k]]));
}

export const linkByName = (ns: NamespaceState | undefined, name: string): StateLink | undefined => ns?.links.find((l) => l.name === name);

/** An address as ip prints it: local/prefixlen (peer/prefixlen for a point-to-point one). */
export const addressText = (a: StateAddress): string => `${a.local}${a.peer ? ` peer ${a.peer}` : ''}/${a.prefixlen}`;
