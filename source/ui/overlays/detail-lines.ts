// The detail of a namespace, an interface or a route, as label/value lines (pure: tested without ink).
import {formatRoute, linkStateLabel} from '../../model/format.js';
import {formatPeer} from '../../model/topology.js';
import type {Link, LinkRef, Netns, Route} from '../../model/types.js';

export type DetailLine = readonly [label: string, value: string];

export function namespaceDetail(ns: Netns): DetailLine[] {
	const lines: DetailLine[] = [
		['namespace', ns.id],
		['kind', ns.kind === 'host' ? "the host's own" : ns.kind === 'named' ? 'named (ip netns)' : 'held by a process'],
		['path', ns.path],
		['interfaces', `${ns.links.length} (${ns.links.map((l) => l.name).join(', ') || 'none'})`],
		['routes', String(ns.routes.length)],
	];
	for (const e of ns.nsids) lines.push([`nsid ${e.nsid}`, e.name ?? '(unnamed: host or a process)']);
	if (ns.error) lines.push(['error', ns.error]);
	return lines;
}

export function linkDetail(ns: Netns, link: Link, peer: LinkRef | undefined, ports: readonly LinkRef[]): DetailLine[] {
	const lines: DetailLine[] = [
		['interface', `${link.name} (ifindex ${link.ifindex}) in ${ns.id}`],
		['type', link.kind],
		['state', `${linkStateLabel(link)} (operstate ${link.state}, ${link.adminUp ? 'admin up' : 'admin down'})`],
		['flags', link.flags.join(',') || '—'],
		['MAC', link.mac || '—'],
		['MTU', String(link.mtu)],
	];
	if (link.kind === 'veth') lines.push(['other end', peer ? formatPeer(peer, '') + ` (ifindex ${peer.ifindex})` : 'unknown']);
	if (link.master) lines.push(['master', link.master]);
	if (link.kind === 'bridge') lines.push(['ports', ports.map((p) => p.name).join(', ') || 'none']);
	if (link.addresses.length === 0) lines.push(['addresses', 'none']);
	for (const a of link.addresses) lines.push([`IPv${a.family} address`, `${a.cidr} scope ${a.scope}`]);
	return lines;
}

export function routeDetail(ns: Netns, route: Route): DetailLine[] {
	const lines: DetailLine[] = [
		['route', formatRoute(route)],
		['namespace', ns.id],
		['family', `IPv${route.family}`],
		['table', route.table],
		['type', route.type],
	];
	if (route.gateway) lines.push(['via', route.gateway]);
	if (route.dev) lines.push(['device', route.dev]);
	if (route.protocol) lines.push(['protocol', route.protocol]);
	if (route.scope) lines.push(['scope', route.scope]);
	if (route.metric !== undefined) lines.push(['metric', String(route.metric)]);
	if (route.prefsrc) lines.push(['source', route.prefsrc]);
	if (route.flags.length > 0) lines.push(['flags', route.flags.join(', ')]);
	return lines;
}
