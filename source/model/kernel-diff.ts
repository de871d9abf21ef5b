// What differs between two reads of the kernel (kernel-state.ts): every link, address, route, rule,
// permanent neighbour, nexthop object and forwarding switch that one has and the other has not, or has otherwise. Links are
// matched by name in their namespace (a link made again has a new ifindex, which is not a change); the
// lifetimes of an address that is not forever count down by themselves and are not compared.
import {FOREVER, addressText, recordKey, type KernelState, type NamespaceState, type StateAddress, type StateLink, type StateRecord} from './kernel-state.js';

export type LinkField = 'up' | 'carrier' | 'mtu' | 'mac' | 'master';
export type RecordKind = 'route' | 'rule' | 'neighbour' | 'nexthop';

export type StateChange =
	| {readonly kind: 'namespace'; readonly ns: string; readonly present: boolean}
	| {readonly kind: 'link'; readonly ns: string; readonly link: StateLink; readonly present: boolean}
	| {readonly kind: 'linkField'; readonly ns: string; readonly link: string; readonly linkKind: string; readonly field: LinkField; readonly before: string; readonly after: string}
	| {readonly kind: 'address'; readonly ns: string; readonly link: string; readonly address: StateAddress; readonly present: boolean}
	| {readonly kind: RecordKind; readonly ns: string; readonly record: StateRecord; readonly present: boolean}
	| {readonly kind: 'forwarding'; readonly ns: string; readonly family: 4 | 6; readonly before: boolean; readonly after: boolean};

const LINK_FIELDS: readonly LinkField[] = ['master', 'mtu', 'mac', 'up', 'carrier'];

const fieldText = (link: StateLink, field: LinkField): string => {
	if (field === 'up' || field === 'carrier') return link[field] ? 'on' : 'off';
	return String(link[field] ?? 'none');
};

/** Equal as far as a user can set it: the same address with the same flags, forever or not. */
export const addressKey = (a: StateAddress): string =>
	JSON.stringify([a.family, a.local, a.prefixlen, a.peer, a.broadcast, a.scope, a.label, a.flags, a.valid === FOREVER, a.preferred === FOREVER]);

function diffRecords(ns: string, kind: RecordKind, before: readonly StateRecord[], after: readonly StateRecord[]): StateChange[] {
	const had = new Set(before.map(recordKey));
	const has = new Set(after.map(recordKey));
	return [
		...before.filter((r) => !has.has(recordKey(r))).map((record) => ({kind, ns, record, present: false}) as const),
		...after.filter((r) => !had.has(recordKey(r))).map((record) => ({kind, ns, record, present: true}) as const),
	];
}

function diffLink(ns: string, before: StateLink, after: StateLink): StateChange[] {
	const changes: StateChange[] = LINK_FIELDS.filter((f) => fieldText(before, f) !== fieldText(after, f)).map((field) => ({
		kind: 'linkField',
		ns,
		link: after.name,
		linkKind: after.kind,
		field,
		before: fieldText(before, field),
		after: fieldText(after, field),
	}));
	const had = new Set(before.addresses.map(addressKey));
	const has = new Set(after.addresses.map(addressKey));
	for (const address of before.addresses) if (!has.has(addressKey(address))) changes.push({kind: 'address', ns, link: after.name, address, present: false});
	for (const address of after.addresses) if (!had.has(addressKey(address))) changes.push({kind: 'address', ns, link: after.name, address, present: true});
	return changes;
}

function diffNamespace(before: NamespaceState, after: NamespaceState): StateChange[] {
	const ns = before.id;
	const changes: StateChange[] = [];
	for (const link of before.links) {
		const now = after.links.find((l) => l.name === link.name && l.kind === link.kind);
		changes.push(...(now ? diffLink(ns, link, now) : [{kind: 'link', ns, link, present: false} as const]));
	}
	for (const link of after.links) {
		if (!before.links.some((l) => l.name === link.name && l.kind === link.kind)) changes.push({kind: 'link', ns, link, present: true});
	}
	changes.push(...diffRecords(ns, 'route', before.routes, after.routes));
	changes.push(...diffRecords(ns, 'rule', before.rules, after.rules));
	changes.push(...diffRecords(ns, 'neighbour', before.neighbours, after.neighbours));
	changes.push(...diffRecords(ns, 'nexthop', before.nexthops ?? [], after.nexthops ?? []));
	for (const family of [4, 6] as const) {
		const was = before.forwarding?.[family];
		const is = after.forwarding?.[family];
		if (was !== undefined && is !== undefined && was !== is) changes.push({kind: 'forwarding', ns, family, before: was, after: is});
	}
	return changes;
}

/** Everything that differs, namespace by namespace, in the order of `before` (then namespaces new in `after`). */
export function diffStates(before: KernelState, after: KernelState): StateChange[] {
	const changes: StateChange[] = [];
	for (const [id, was] of before) {
		const is = after.get(id);
		changes.push(...(is ? diffNamespace(was, is) : [{kind: 'namespace', ns: id, present: false} as const]));
	}
	for (const id of after.keys()) if (!before.has(id)) changes.push({kind: 'namespace', ns: id, present: true});
	return changes;
}

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** A route as `ip route` prints it, with its table: what users recognise. */
export function routeText(r: StateRecord): string {
	const words: string[] = [];
	if (r.type && r.type !== 'unicast') words.push(str(r.type));
	words.push(str(r.dst));
	if (r.tos) words.push('tos', str(r.tos));
	if (r.from) words.push('from', str(r.from));
	if (r.gateway) words.push('via', str(r.gateway));
	if (Array.isArray(r.nexthops)) for (const h of r.nexthops as Array<Record<string, unknown>>) words.push('nexthop', ...(h.gateway ? ['via', str(h.gateway)] : []), 'dev', str(h.dev));
	if (r.dev) words.push('dev', str(r.dev));
	if (r.table && r.table !== 'main') words.push('table', str(r.table));
	if (r.metric !== undefined) words.push('metric', str(r.metric));
	return words.join(' ');
}

const ruleText = (r: StateRecord): string => `${str(r.priority)}: from ${str(r.src ?? 'all')}${r.dst ? ` to ${str(r.dst)}` : ''} ${r.table ? `lookup ${str(r.table)}` : str(r.action)}`;
const neighbourText = (r: StateRecord): string => `${str(r.dst)} lladdr ${str(r.lladdr)} dev ${str(r.dev)}`;

function nexthopText(r: StateRecord): string {
	const words = [str(r.id)];
	if (Array.isArray(r.group)) words.push('group', (r.group as Array<Record<string, unknown>>).map((m) => str(m.id)).join('/'));
	if (r.gateway) words.push('via', str(r.gateway));
	if (r.dev) words.push('dev', str(r.dev));
	if (r.blackhole) words.push('blackhole');
	return words.join(' ');
}

/** One change in words, e.g. "removed route 10.9.0.0/16 via 10.1.1.1 dev eth0 in ns1". */
export function changeText(c: StateChange): string {
	const where = ` in ${c.ns}`;
	const verb = 'present' in c ? (c.present ? 'added' : 'removed') : 'changed';
	switch (c.kind) {
		case 'namespace':
			return `${verb} namespace ${c.ns}`;
		case 'link':
			return `${verb} interface ${c.link.name} (${c.link.kind})${where}`;
		case 'linkField':
			return `${c.link}${where}: ${c.field === 'mac' ? 'MAC' : c.field === 'mtu' ? 'MTU' : c.field} ${c.before} → ${c.after}`;
		case 'address':
			return `${verb} address ${addressText(c.address)} on ${c.link}${where}`;
		case 'route':
			return `${verb} route ${routeText(c.record)}${where}`;
		case 'rule':
			return `${verb} rule ${ruleText(c.record)}${where}`;
		case 'neighbour':
			return `${verb} permanent neighbour ${neighbourText(c.record)}${where}`;
		case 'nexthop':
			return `${verb} nexthop object ${nexthopText(c.record)}${where}`;
		case 'forwarding':
			return `IPv${c.family} forwarding${where}: ${c.before ? 'on' : 'off'} → ${c.after ? 'on' : 'off'}`;
	}
}
