// The user's own SSH session, and the parts of the network it rides on. sshd sets SSH_CONNECTION to
// "CLIENT_IP CLIENT_PORT SERVER_IP SERVER_PORT" for every session; nsdeck's host is where sshd listens
// (for a shell started over SSH it is), so the session leaves through the interface that holds SERVER_IP
// and the route the host would take to CLIENT_IP. Setting either down, deleting or moving it, removing
// that address or that route can cut the session that is running nsdeck.
import {ip as ipaddr} from './ip-address.js';
import {findNs, parseIp} from './validate.js';
import {HOST_ID, type Route, type World} from './types.js';

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
	/** Interfaces the session needs: the one holding the server's address, the one its route leaves by. */
	readonly links: ReadonlySet<string>;
	/** The route the host takes to the client, if one covers it. */
	readonly route?: Route;
}

const prefixOf = (route: Route): number | undefined => {
	if (route.dst === 'default') return 0;
	const [, bits] = route.dst.split('/');
	return bits === undefined ? (route.family === 4 ? 32 : 128) : Number(bits);
};

/** The main table's most specific unicast route to `address` (what the kernel would use, rules aside). */
export function routeTo(routes: readonly Route[], address: string): Route | undefined {
	const ip = ipaddr.parse(address);
	const family = ip.kind() === 'ipv4' ? 4 : 6;
	let best: {route: Route; bits: number} | undefined;
	for (const route of routes) {
		if (route.family !== family || route.table !== 'main' || route.type !== 'unicast') continue;
		const bits = prefixOf(route);
		if (bits === undefined) continue;
		const base = route.dst === 'default' ? address : route.dst.split('/')[0];
		if (bits > 0 && !ip.match(ipaddr.parse(base), bits)) continue;
		if (!best || bits > best.bits || (bits === best.bits && (route.metric ?? 0) < (best.route.metric ?? 0))) best = {route, bits};
	}
	return best?.route;
}

export function sessionPath(world: World, session: SshSession | undefined): SessionPath | undefined {
	if (!session) return undefined;
	const host = findNs(world, HOST_ID);
	if (!host) return undefined;
	const links = new Set<string>();
	const holder = host.links.find((l) => l.addresses.some((a) => a.local === session.server));
	if (holder) links.add(holder.name);
	const route = routeTo(host.routes, session.client);
	if (route?.dev) links.add(route.dev);
	return links.size > 0 || route ? {session, ns: HOST_ID, links, route} : undefined;
}
