// The user's own SSH session, and the parts of the network it rides on. sshd sets SSH_CONNECTION to
// "CLIENT_IP CLIENT_PORT SERVER_IP SERVER_PORT" for every session; nsdeck's host is where sshd listens
// (for a shell started over SSH it is), so the session leaves through the interface that holds SERVER_IP
// and the route the host would take to CLIENT_IP. Setting either down, deleting or moving it, removing
// that address or that route can cut the session that is running nsdeck.
import {ip as ipaddr} from './ip-address.js';
import {findNs, parseIp} from './validate.js';
import {HOST_ID, type Netns, type Route, type World} from './types.js';

export interface SshSession {
	readonly client: string;
	readonly server: string;
}

export function parseSshConnection(value: string | undefined): SshSession | undefined {
	const [client, , server] = (value ?? '').trim().split(/\s+/);
	const c = client && parseIp(client.replace(/^::ffff:/, ''));
	const s = server && parseIp(server.replace(/^::ffff:/, ''));
	return c && s ? {client: c.address, server: s.address} : undefined;
}

export interface SessionPath {
	readonly session: SshSession;
	/** Always the host: where sshd runs. */
	readonly ns: string;
	/**
	 * Interfaces the session needs: the one holding the server's address, the one its route leaves by, and
	 * where that is a bridge, its ports toward the client (the port its forwarding database puts the next
	 * hop behind; every port while that is not known).
	 */
	readonly links: ReadonlySet<string>;
	/** The route the host takes to the client (rules and every table), if one covers it. */
	readonly route?: Route;
	/** Namespaces of this machine that hold the route's next hop: they forward the session. */
	readonly hops: ReadonlySet<string>;
}

const prefixOf = (route: Route): number | undefined => {
	if (route.dst === 'default') return 0;
	const [, bits] = route.dst.split('/');
	return bits === undefined ? (route.family === 4 ? 32 : 128) : Number(bits);
};

const covers = (prefix: string, address: string): boolean => {
	try {
		const ip = ipaddr.parse(address);
		if (prefix === 'all' || prefix === 'default') return true;
		const [base, bits] = prefix.split('/');
		const net = ipaddr.parse(base);
		return net.kind() === ip.kind() && ip.match(net, bits === undefined ? (ip.kind() === 'ipv4' ? 32 : 128) : Number(bits));
	} catch {
		return false;
	}
};

/** Table `table`'s most specific route to `address` (what the kernel would use there), or undefined. */
export function routeIn(routes: readonly Route[], address: string, table = 'main'): Route | undefined {
	const family = ipaddr.parse(address).kind() === 'ipv4' ? 4 : 6;
	let best: {route: Route; bits: number} | undefined;
	for (const route of routes) {
		if (route.family !== family || route.table !== table || route.type === 'local' || route.type === 'broadcast' || route.type === 'multicast') continue;
		const bits = prefixOf(route);
		if (bits === undefined || !covers(route.dst, address)) continue;
		if (!best || bits > best.bits || (bits === best.bits && (route.metric ?? 0) < (best.route.metric ?? 0))) best = {route, bits};
	}
	return best?.route;
}

/** Rule actions that end the lookup without a route (goto and nop go on, as if to the next rule). */
const ENDS = new Set(['blackhole', 'unreachable', 'prohibit']);

/** The kernel's default rules, when the namespace's were not read. */
const DEFAULT_TABLES = ['main', 'default'];

/**
 * The route the kernel takes to `address` from `from`: the rules in order (those a locally sent packet
 * matches by source and destination; fwmark, iif and oif rules are passed over), each table's most
 * specific route; a blackhole, unreachable or prohibit rule or route ends the search.
 */
export function routeTo(ns: Pick<Netns, 'routes' | 'rules'>, address: string, from?: string): Route | undefined {
	const family = ipaddr.parse(address).kind() === 'ipv4' ? 4 : 6;
	const rules = ns.rules?.[family];
	const tables = rules
		? [...rules]
				.sort((a, b) => a.priority - b.priority)
				.filter((r) => !r.fwmark && (!r.iif || r.iif === 'lo') && !r.oif)
				.filter((r) => r.not !== ((from === undefined || covers(r.src, from)) && (r.dst === undefined || covers(r.dst, address))))
		: DEFAULT_TABLES.map((table) => ({table, action: undefined}));
	for (const rule of tables) {
		if (rule.action && ENDS.has(rule.action)) return undefined;
		if (!rule.table || rule.table === 'local') continue;
		const route = routeIn(ns.routes, address, rule.table);
		if (route) return route.type === 'unicast' ? route : undefined;
	}
	return undefined;
}

/** The bridge's ports toward `hop`: the one its forwarding database names for hop's MAC, else all. */
function portsToward(ns: Netns, bridge: string, hop: string): string[] {
	const ports = ns.links.filter((l) => l.master === bridge).map((l) => l.name);
	const mac = ns.neighbours?.find((n) => n.dst === hop && n.dev === bridge)?.lladdr;
	const learnt = mac && ns.fdb?.find((f) => f.mac === mac && f.state !== 'permanent' && ports.includes(f.dev))?.dev;
	return learnt ? [learnt] : ports;
}

export function sessionPath(world: World, session: SshSession | undefined): SessionPath | undefined {
	if (!session) return undefined;
	const host = findNs(world, HOST_ID);
	if (!host) return undefined;
	const links = new Set<string>();
	const holder = host.links.find((l) => l.addresses.some((a) => a.local === session.server));
	if (holder) links.add(holder.name);
	const route = routeTo(host, session.client, session.server);
	if (route?.dev) links.add(route.dev);
	const hop = route?.gateway ?? session.client;
	for (const name of [...links]) {
		if (host.links.find((l) => l.name === name)?.kind === 'bridge') for (const port of portsToward(host, name, hop)) links.add(port);
	}
	const hops = new Set(world.namespaces.filter((n) => n.id !== HOST_ID && n.links.some((l) => l.addresses.some((a) => a.local === hop))).map((n) => n.id));
	return links.size > 0 || route ? {session, ns: HOST_ID, links, route, hops} : undefined;
}
