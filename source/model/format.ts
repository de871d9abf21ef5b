// How records read as text: shared by the panes, the detail view and `nsdeck show`.
import {formatPeer} from './topology.js';
import type {Link, LinkRef, Route} from './types.js';

export function routeKey(route: Route): string {
	return `${route.family}|${route.table}|${route.dst}|${route.gateway ?? ''}|${route.dev ?? ''}|${route.metric ?? ''}`;
}

/**
 * `default via 10.1.1.4 dev veth_ns1`, the way `ip route` prints it, with the table and metric that tell
 * apart two routes to the same prefix.
 */
export function formatRoute(route: Route): string {
	const parts = [route.dst];
	if (route.gateway) parts.push('via', route.gateway);
	if (route.dev) parts.push('dev', route.dev);
	if (route.table !== 'main') parts.push('table', route.table);
	if (route.metric !== undefined) parts.push('metric', String(route.metric));
	if (route.type !== 'unicast') parts.unshift(route.type);
	return parts.join(' ');
}

/** A short state word: UP, DOWN, or NO-CARRIER for an up link whose other end is down. */
export function linkStateLabel(link: Link): string {
	if (!link.adminUp) return 'DOWN';
	if (link.state === 'LOWERLAYERDOWN' || link.noCarrier) return 'NO-CARRIER';
	if (link.state === 'UNKNOWN') return 'UP'; // lo and some virtual devices report UNKNOWN while working.
	return link.state;
}

export const isLinkUp = (link: Link): boolean => linkStateLabel(link) === 'UP';

/** Addresses worth a glance: global and host scope first; link-local IPv6 only in the detail view. */
export const visibleAddresses = (link: Link): string[] =>
	link.addresses.filter((a) => !(a.family === 6 && a.scope === 'link')).map((a) => a.cidr);

/** `→ host/veth_ns1_br0`, `master br0`, `2 ports`: how this link is wired. */
export function relationText(link: Link, nsId: string, peer: LinkRef | undefined, ports: readonly LinkRef[]): string {
	const parts: string[] = [];
	if (link.kind === 'veth') parts.push(peer ? `→ ${formatPeer(peer, nsId)}` : '→ ?');
	if (link.master) parts.push(`master ${link.master}`);
	if (link.kind === 'bridge') parts.push(`${ports.length} port${ports.length === 1 ? '' : 's'}`);
	return parts.join(' ');
}

