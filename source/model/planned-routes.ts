// Addresses and routes as a dry run imitates the kernel: the route an address brings on an up link, and
// a route added by hand as `ip route add` would store it. Pure.
import {ip as ipaddr} from './ip-address.js';
import {routeKey} from './format.js';
import type {NewRoute} from './planned-effect.js';
import type {Address, Link, Netns, Route} from './types.js';

export function parseAddress(cidr: string): Address | undefined {
	try {
		const [ip, prefixlen] = ipaddr.parseCIDR(cidr);
		const family = ip.kind() === 'ipv4' ? 4 : 6;
		const local = ip.toString();
		const loopback = ip.range() === 'loopback';
		return {family, local, prefixlen, scope: loopback ? 'host' : 'global', cidr: `${local}/${prefixlen}`, planned: true};
	} catch {
		return undefined;
	}
}

/** The route the kernel adds for an address on an up link: its subnet, on that link. */
export function connectedRoute(link: Link, a: Address): Route | undefined {
	if (a.scope === 'host' || a.scope === 'link' || a.prefixlen === (a.family === 4 ? 32 : 128)) return undefined;
	const network = (a.family === 4 ? ipaddr.IPv4.networkAddressFromCIDR(a.cidr) : ipaddr.IPv6.networkAddressFromCIDR(a.cidr)).toString();
	return {
		family: a.family,
		dst: `${network}/${a.prefixlen}`,
		dev: link.name,
		table: 'main',
		type: 'unicast',
		protocol: 'kernel',
		scope: 'link',
		...(a.family === 4 ? {prefsrc: a.local} : {metric: 256}),
		flags: [],
		planned: true,
	};
}

function inSubnet(ip: string, a: Address): boolean {
	try {
		const parsed = ipaddr.parse(ip);
		return parsed.kind() === ipaddr.parse(a.local).kind() && parsed.match(ipaddr.parse(a.local), a.prefixlen);
	} catch {
		return false;
	}
}

/** `routes` with those of `added` it does not hold yet. */
export function withRoutes(routes: readonly Route[], added: ReadonlyArray<Route | undefined>): Route[] {
	const keys = new Set(routes.map(routeKey));
	return [...routes, ...added.filter((r): r is Route => r !== undefined && !keys.has(routeKey(r)))];
}

/** A route added by hand, as the kernel stores it in `space`. */
export function plannedRoute(space: Netns, r: NewRoute): Route {
	// Without a device, the kernel takes the one whose subnet holds the gateway.
	const dev = r.dev || (r.via ? space.links.find((l) => l.addresses.some((a) => inSubnet(r.via ?? '', a)))?.name : undefined);
	return {
		family: r.family,
		dst: r.dst,
		...(r.via ? {gateway: r.via} : {}),
		...(dev ? {dev} : {}),
		table: 'main',
		type: 'unicast',
		protocol: 'boot',
		...(r.via ? {} : {scope: 'link'}),
		flags: [],
		planned: true,
	};
}
