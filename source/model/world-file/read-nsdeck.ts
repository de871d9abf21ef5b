// nsdeck's own world file (`nsdeck: 1`, `namespaces:`) → WorldFile, every value checked, every mistake
// named by file, line and field. The format is in README ("Networks as files").
import {IPVLAN_MODES, MACVLAN_MODES} from '../link-kinds/creation.js';
import {isStackedKind, sitsOnAnother} from '../link-kinds/index.js';
import {checkInterfaceName, checkNamespaceName, parseIp} from '../validate.js';
import {parseMac} from '../validate-device.js';
import {Checker, type Fields} from './checker.js';
import {readNexthop} from './nexthops.js';
import {readQdisc} from './qdisc-file.js';
import {normalAddress, normalDestination, normalRulePrefix, RULE_ACTIONS} from './normalize.js';
import {HOST_NAME, MADE_KINDS, type DeclaredLink, type DeclaredNamespace, type DeclaredRoute, type DeclaredRule, type LinkPlace, type MadeKind, type WorldFile} from './types.js';
import type {Path} from './yaml-source.js';

export const FORMAT_VERSION = 1;

const LINK_KEYS = ['kind', 'external', 'up', 'mtu', 'mac', 'master', 'addresses', 'peer', 'lower', 'mode', 'id', 'port', 'remote', 'group', 'local', 'qdisc'];
const ROUTE_KEYS = ['family', 'to', 'via', 'dev', 'table', 'type', 'metric', 'proto', 'src', 'onlink', 'nexthops', 'nhid'];
const RULE_KEYS = ['family', 'priority', 'not', 'from', 'to', 'iif', 'oif', 'fwmark', 'table', 'action'];
const ROUTE_TYPES = ['unicast', 'blackhole', 'unreachable', 'prohibit', 'throw'];
/** Settings only some kinds take: a file that gives one to another kind is told so. */
const KIND_KEYS: Readonly<Record<string, readonly MadeKind[]>> = {
	peer: ['veth'],
	lower: MADE_KINDS.filter(sitsOnAnother),
	mode: ['macvlan', 'macvtap', 'ipvlan'],
	id: ['vlan', 'vxlan'],
	port: ['vxlan'],
	remote: ['vxlan'],
	group: ['vxlan'],
	local: ['vxlan'],
};
/** A table by name or number, as ip takes it. */
const TABLE = /^([a-z][a-z0-9_-]{0,30}|[0-9]{1,10})$/i;

const badName = (text: string): string | undefined => checkInterfaceName(text);
const badIp = (text: string): string | undefined => (parseIp(text) ? undefined : 'not an IP address');

/** `NAME` (in the same namespace) or `NS/NAME`. */
function place(c: Checker, value: unknown, path: Path, ns: string): LinkPlace | undefined {
	const text = c.text(value, path);
	if (text === undefined) return undefined;
	const [first, second, ...rest] = text.split('/');
	if (rest.length > 0) c.fail(path, 'NAME or NAMESPACE/NAME');
	const where = second === undefined ? {ns, name: first} : {ns: first, name: second};
	const problem = (where.ns === HOST_NAME ? undefined : checkNamespaceName(where.ns)) ?? checkInterfaceName(where.name);
	if (problem) c.fail(path, problem);
	return where;
}

function readLink(c: Checker, ns: string, name: string, value: unknown, path: Path): DeclaredLink {
	const f: Fields = c.fields(value ?? {}, path, LINK_KEYS);
	const external = c.flag(f.external, [...path, 'external']) ?? false;
	const kindText = c.text(f.kind, [...path, 'kind'], (k) => ((MADE_KINDS as readonly string[]).includes(k) ? undefined : `nsdeck makes ${MADE_KINDS.join(', ')}; anything else is external: true`));
	const kind = kindText as MadeKind | undefined;
	if (external && kind) c.fail([...path, 'kind'], 'an external link is not made: give it no kind');
	if (!external && !kind) c.fail(path, 'needs a kind (one nsdeck makes) or external: true');
	for (const [key, kinds] of Object.entries(KIND_KEYS)) {
		if (f[key] !== undefined && (!kind || !kinds.includes(kind))) c.fail([...path, key], `only for ${kinds.join(', ')}`);
	}
	if (kind === 'veth' && f.peer === undefined) c.fail(path, 'a veth needs its peer (NAME or NAMESPACE/NAME)');
	if (kind === 'vxlan' && f.id === undefined) c.fail(path, 'a vxlan needs its id (the VNI)');
	if (kind === 'vlan' && f.id === undefined) c.fail(path, 'a vlan needs its id (1 to 4094)');
	if (kind && isStackedKind(kind) && f.lower === undefined) c.fail(path, `a ${kind} needs its lower device`);
	const modes: readonly string[] = kind === 'ipvlan' ? IPVLAN_MODES : MACVLAN_MODES;
	const mac = c.text(f.mac, [...path, 'mac'], (m) => (parseMac(m) ? undefined : 'not a MAC address like 02:00:00:00:00:01'));
	const declared: DeclaredLink = {
		name,
		...(kind ? {kind} : {}),
		external,
		...(c.flag(f.up, [...path, 'up']) !== undefined ? {up: f.up as boolean} : {}),
		...(f.mtu !== undefined ? {mtu: c.whole(f.mtu, [...path, 'mtu'], 68, 65535)} : {}),
		...(mac ? {mac: parseMac(mac)} : {}),
		...(f.master !== undefined ? {master: c.text(f.master, [...path, 'master'], badName)} : {}),
		addresses: c.texts(f.addresses, [...path, 'addresses'], (a) => (a.includes('/') && normalAddress(a) ? undefined : 'not an address/prefix like 10.1.1.1/24 or fd00::1/64')).map((a) => normalAddress(a) ?? a),
		...(f.peer !== undefined ? {peer: place(c, f.peer, [...path, 'peer'], ns)} : {}),
		...(f.lower !== undefined ? {lower: place(c, f.lower, [...path, 'lower'], ns)} : {}),
		...(f.mode !== undefined ? {mode: c.text(f.mode, [...path, 'mode'], (m) => (modes.includes(m) ? undefined : `one of ${modes.join(', ')}`))} : {}),
		...(f.id !== undefined ? {id: c.whole(f.id, [...path, 'id'], 1, kind === 'vlan' ? 4094 : 16777215)} : {}),
		...(f.port !== undefined ? {port: c.whole(f.port, [...path, 'port'], 1, 65535)} : {}),
		...(f.remote !== undefined ? {remote: parseIp(c.text(f.remote, [...path, 'remote'], badIp) ?? '')?.address} : {}),
		...(f.group !== undefined ? {group: parseIp(c.text(f.group, [...path, 'group'], badIp) ?? '')?.address} : {}),
		...(f.local !== undefined ? {local: parseIp(c.text(f.local, [...path, 'local'], badIp) ?? '')?.address} : {}),
		...(f.qdisc !== undefined ? {qdisc: readQdisc(c, f.qdisc, [...path, 'qdisc'])} : {}),
	};
	return declared;
}

function family(c: Checker, f: Fields, path: Path, seen: Array<4 | 6 | undefined>): 4 | 6 {
	const said = f.family === undefined ? undefined : f.family === 4 || f.family === 6 ? f.family : c.fail([...path, 'family'], 'must be 4 or 6');
	const told = [said, ...seen].filter((x): x is 4 | 6 => x !== undefined);
	if (told.some((x) => x !== told[0])) c.fail(path, 'mixes IPv4 and IPv6');
	return told[0] ?? 4;
}

export function readRoute(c: Checker, value: unknown, path: Path): DeclaredRoute {
	const f = c.fields(value, path, ROUTE_KEYS);
	const toText = c.text(f.to, [...path, 'to']) ?? c.fail(path, "needs `to`: 'default', a prefix or an address");
	const to = normalDestination(toText) ?? c.fail([...path, 'to'], "not 'default', a prefix like 10.2.0.0/16, or an address");
	const via = c.text(f.via, [...path, 'via'], badIp);
	const src = c.text(f.src, [...path, 'src'], badIp);
	// An IPv4 route may go through an IPv6 gateway (`via inet6`): the gateway does not tell the family.
	const viaFamily = f.family === undefined && to.family === undefined && via !== undefined ? parseIp(via)?.family : undefined;
	const fam = family(c, f, path, [to.family, src === undefined ? undefined : parseIp(src)?.family, viaFamily]);
	return {
		family: fam,
		to: to.to,
		...(via ? {via: parseIp(via)?.address} : {}),
		...(f.dev !== undefined ? {dev: c.text(f.dev, [...path, 'dev'], badName)} : {}),
		table: c.text(f.table, [...path, 'table'], (t) => (TABLE.test(t) ? undefined : 'a table name or number')) ?? 'main',
		type: c.text(f.type, [...path, 'type'], (t) => (ROUTE_TYPES.includes(t) ? undefined : `one of ${ROUTE_TYPES.join(', ')}`)) ?? 'unicast',
		...(f.metric !== undefined ? {metric: c.whole(f.metric, [...path, 'metric'], 0, 4294967295)} : {}),
		proto: c.text(f.proto, [...path, 'proto'], (p) => (TABLE.test(p) ? undefined : 'a protocol name or number')) ?? 'boot',
		...(src ? {src: parseIp(src)?.address} : {}),
		...(c.flag(f.onlink, [...path, 'onlink']) ? {onlink: true} : {}),
		...(f.nexthops !== undefined ? {nexthops: readHops(c, f, path)} : {}),
		...(f.nhid !== undefined ? {nhid: readNhid(c, f, path)} : {}),
	};
}

/** A route through a nexthop object names it, and says nothing of where it goes beside. */
function readNhid(c: Checker, f: Fields, path: Path): number {
	if (f.via !== undefined || f.dev !== undefined || f.nexthops !== undefined) c.fail([...path, 'nhid'], 'a route with nhid goes where its nexthop object says: no via, dev or nexthops beside it');
	return c.whole(f.nhid, [...path, 'nhid'], 1, 4294967295) ?? 0;
}

/** A multipath route's hops: each `via` and/or `dev`, and its weight (1 unless said). */
function readHops(c: Checker, f: Fields, path: Path): DeclaredRoute['nexthops'] {
	if (f.via !== undefined || f.dev !== undefined) c.fail([...path, 'nexthops'], 'a route with nexthops says via and dev in each hop, not beside them');
	const hops = c.list(f.nexthops, [...path, 'nexthops']).map((h, i) => {
		const at = [...path, 'nexthops', i];
		const hop = c.fields(h, at, ['via', 'dev', 'weight']);
		const via = c.text(hop.via, [...at, 'via'], badIp);
		const dev = c.text(hop.dev, [...at, 'dev'], badName);
		if (!via && !dev) c.fail(at, 'a hop needs via or dev');
		return {...(via ? {via: parseIp(via)?.address} : {}), ...(dev ? {dev} : {}), weight: c.whole(hop.weight, [...at, 'weight'], 1, 256) ?? 1};
	});
	if (hops.length < 2) c.fail([...path, 'nexthops'], 'a multipath route has two hops or more');
	return hops;
}

export function readRule(c: Checker, value: unknown, path: Path): DeclaredRule {
	const f = c.fields(value, path, RULE_KEYS);
	const prefix = (key: string): {family?: 4 | 6; text: string} | undefined => {
		const text = c.text(f[key], [...path, key]);
		return text === undefined ? undefined : (normalRulePrefix(text) ?? c.fail([...path, key], "'all' or a prefix like 10.2.0.0/16"));
	};
	const from = prefix('from');
	const to = prefix('to');
	const action = c.text(f.action, [...path, 'action'], (a) => ((RULE_ACTIONS as readonly string[]).includes(a) ? undefined : `one of ${RULE_ACTIONS.join(', ')}`));
	const table = c.text(f.table, [...path, 'table'], (t) => (TABLE.test(t) ? undefined : 'a table name or number'));
	if (!action === !table) c.fail(path, 'needs a table or an action (blackhole, unreachable, prohibit), not both');
	const fwmark = c.text(f.fwmark, [...path, 'fwmark'], (m) => (/^(0x[0-9a-f]+|[0-9]+)(\/(0x[0-9a-f]+|[0-9]+))?$/i.test(m) ? undefined : 'a mark like 0x1 or 0x1/0xff'));
	return {
		family: family(c, f, path, [from?.family, to?.family]),
		priority: c.whole(f.priority, [...path, 'priority'], 1, 32765) ?? c.fail(path, 'needs a priority (1–32765), so that it is one rule'),
		not: c.flag(f.not, [...path, 'not']) ?? false,
		from: from?.text ?? 'all',
		...(to ? {to: to.text} : {}),
		...(f.iif !== undefined ? {iif: c.text(f.iif, [...path, 'iif'], badName)} : {}),
		...(f.oif !== undefined ? {oif: c.text(f.oif, [...path, 'oif'], badName)} : {}),
		...(fwmark ? {fwmark} : {}),
		...(table ? {table} : {}),
		...(action ? {action} : {}),
	};
}

function readNamespace(c: Checker, name: string, value: unknown, path: Path): DeclaredNamespace {
	if (name !== HOST_NAME) {
		const problem = checkNamespaceName(name);
		if (problem) c.fail(path, problem);
	}
	const f = c.fields(value ?? {}, path, ['links', 'nexthops', 'routes', 'rules', 'forwarding']);
	const fw = f.forwarding === undefined ? undefined : c.fields(f.forwarding, [...path, 'forwarding'], ['ipv4', 'ipv6']);
	const ipv4 = fw && c.flag(fw.ipv4, [...path, 'forwarding', 'ipv4']);
	const ipv6 = fw && c.flag(fw.ipv6, [...path, 'forwarding', 'ipv6']);
	return {
		name,
		links: c.named(f.links, [...path, 'links']).map(([link, v]) => {
			const problem = checkInterfaceName(link);
			if (problem) c.fail([...path, 'links', link], problem);
			return readLink(c, name, link, v, [...path, 'links', link]);
		}),
		...(f.nexthops !== undefined ? {nexthops: c.list(f.nexthops, [...path, 'nexthops']).map((n, i) => readNexthop(c, n, [...path, 'nexthops', i]))} : {}),
		routes: c.list(f.routes, [...path, 'routes']).map((r, i) => readRoute(c, r, [...path, 'routes', i])),
		rules: c.list(f.rules, [...path, 'rules']).map((r, i) => readRule(c, r, [...path, 'rules', i])),
		...(fw ? {forwarding: {...(ipv4 !== undefined ? {4: ipv4} : {}), ...(ipv6 !== undefined ? {6: ipv6} : {})}} : {}),
	};
}

export function readNsdeckFile(c: Checker, value: unknown): WorldFile {
	const top = c.fields(value, [], ['nsdeck', 'namespaces']);
	if (top.nsdeck !== FORMAT_VERSION) c.fail(['nsdeck'], `this nsdeck reads world files of version ${FORMAT_VERSION} (nsdeck: ${FORMAT_VERSION})`);
	return {namespaces: c.named(top.namespaces, ['namespaces']).map(([name, v]) => readNamespace(c, name, v, ['namespaces', name]))};
}
