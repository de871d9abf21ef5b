// The detail of a namespace, an interface or a route, as label/value lines (pure: tested without ink).
import {factsText, fdbText, formatRoute, linkStateLabel, lowerText, nexthopText, ruleText} from '../../model/format.js';
import {metricWords} from '../../model/route-identity.js';
import {formatPeer} from '../../model/topology.js';
import {nsDisplayName} from '../../model/netns-id.js';
import type {Link, LinkRef, Netns, NetnsKind, NetnsLabel, Route} from '../../model/types.js';
import {ipIn} from '../../plans/plan.js';

/** A label and its value; 'warn' draws the value in the warning colour (errors that rise). */
export type DetailLine = readonly [label: string, value: string, tone?: 'warn'];

const KIND_TEXT: Readonly<Record<NetnsKind, string>> = {
	host: "the host's own",
	named: 'named (ip netns)',
	mounted: 'bind-mounted (not by ip netns)',
	process: 'held only by its processes',
};

/** How a plan's commands get into it: `ip -n ns1 …`, `nsenter --net=/proc/42/ns/net ip …`. */
const reachText = (id: string): string => ipIn(id, '…').join(' ');

function labelLines(label: NetnsLabel | undefined): DetailLine[] {
	if (!label) return [['processes', 'none']];
	const lines: DetailLine[] = [['processes', String(label.processes)]];
	if (label.main) lines.push(['main process', `${label.main.command} (PID ${label.main.pid})`]);
	if (label.container) lines.push(['container', `${label.container.runtime} ${label.container.name ? `${label.container.name} ` : ''}${label.container.id}`]);
	if (label.pod) lines.push(['pod', `${label.pod.namespace}/${label.pod.name}`]);
	if (label.unit) lines.push(['systemd unit', label.unit]);
	if (label.mininet) lines.push(['Mininet node', label.mininet]);
	return lines;
}

/** `IPv4 on, IPv6 off`; what was not read says so. */
export function forwardingText(forwarding: Netns['forwarding']): string {
	if (!forwarding) return 'not read (the f key reads it)';
	const one = (family: 4 | 6): string => `IPv${family} ${forwarding[family] === undefined ? '?' : forwarding[family] ? 'on' : 'off'}`;
	return `${one(4)}, ${one(6)}`;
}

function ruleLines(ns: Netns): DetailLine[] {
	const lines: DetailLine[] = [];
	for (const family of [4, 6] as const) {
		const rules = ns.rules?.[family];
		if (!rules) {
			lines.push([`IPv${family} rules`, 'not read (ip reads IPv6 rules only without its batch mode)']);
			continue;
		}
		rules.forEach((rule, i) => lines.push([i === 0 ? `IPv${family} rules` : '', ruleText(rule)]));
	}
	return lines;
}

function neighbourLines(ns: Netns): DetailLine[] {
	if (!ns.neighbours) return [['neighbours', 'not read']];
	if (ns.neighbours.length === 0) return [['neighbours', 'none (ARP/NDP)']];
	return ns.neighbours.map((n, i) => [i === 0 ? 'neighbours' : '', `${n.dst} dev ${n.dev}${n.lladdr ? ` lladdr ${n.lladdr}` : ''}${n.router ? ' router' : ''} ${n.state.join(',')}`]);
}

function fdbLines(ns: Netns): DetailLine[] {
	if (!ns.fdb) return ns.links.some((l) => l.kind === 'bridge') ? [['bridge FDB', 'not read (needs the helper)']] : [];
	// A vxlan's own entries (with a remote end) are in that vxlan's detail.
	const learnt = ns.fdb.filter((e) => e.state !== 'permanent' && e.dst === undefined);
	if (learnt.length === 0) return ns.links.some((l) => l.kind === 'bridge') ? [['bridge FDB', 'no MAC learnt or added']] : [];
	return learnt.map((e, i) => [i === 0 ? 'bridge FDB' : '', `${e.mac} on ${e.dev}${e.bridge ? ` (${e.bridge})` : ''}${e.vlan !== undefined ? ` vlan ${e.vlan}` : ''} ${e.state || 'learnt'}`]);
}

/** Nexthop objects and groups (`ip nexthop`), which routes name by `nhid`. */
function nexthopLines(ns: Netns): DetailLine[] {
	if (!ns.nexthops) return [['nexthop objects', 'not read']];
	if (ns.nexthops.length === 0) return [['nexthop objects', 'none (ip nexthop)']];
	return ns.nexthops.map((nh, i) => [i === 0 ? 'nexthop objects' : '', nexthopText(nh)]);
}

/** A vxlan's own forwarding entries: to which remote ends it sends, by MAC. */
function vxlanFdbLines(ns: Netns, link: Link): DetailLine[] {
	if (link.kind !== 'vxlan') return [];
	if (!ns.fdb) return [['FDB', 'not read (needs the helper)']];
	const own = ns.fdb.filter((e) => e.dev === link.name && e.dst !== undefined);
	if (own.length === 0) return [['FDB', 'no remote ends (bridge fdb append … dst ADDRESS self)']];
	return own.map((e, i) => [i === 0 ? 'FDB' : '', fdbText(e)]);
}

/** A dry run's planned object or change says so first: it is not in the kernel (state/planned-state.ts). */
const PLANNED: DetailLine = ['planned', 'not made yet: planned in this dry run (l, w: script)'];
const plannedFirst = (planned: boolean | undefined, lines: DetailLine[]): DetailLine[] => (planned ? [PLANNED, ...lines] : lines);

export function namespaceDetail(ns: Netns): DetailLine[] {
	const lines: DetailLine[] = [
		['namespace', nsDisplayName(ns.id)],
		['kind', KIND_TEXT[ns.kind]],
		['path', ns.path],
		// Every process nsdeck does not see elsewhere lives in the host: no count to give there.
		...(ns.kind === 'host' ? [] : labelLines(ns.label)),
		...(ns.identity ? [['identity', `nsfs device ${ns.identity.dev}, inode ${ns.identity.ino}`] as const] : []),
		['plans reach it with', reachText(ns.id)],
		['forwarding', forwardingText(ns.forwarding)],
		['interfaces', `${ns.links.length} (${ns.links.map((l) => l.name).join(', ') || 'none'})`],
		['routes', String(ns.routes.length)],
		...ruleLines(ns),
		...neighbourLines(ns),
		...fdbLines(ns),
		...nexthopLines(ns),
	];
	for (const e of ns.nsids) lines.push([`nsid ${e.nsid}`, e.name ?? '(unnamed: host or a process)']);
	if (ns.error) lines.push(['error', ns.error]);
	return plannedFirst(ns.planned, lines);
}

export function linkDetail(ns: Netns, link: Link, peer: LinkRef | undefined, ports: readonly LinkRef[], lowerRef?: LinkRef): DetailLine[] {
	const lines: DetailLine[] = [
		['interface', `${link.name} (ifindex ${link.ifindex}) in ${nsDisplayName(ns.id)}`],
		['type', [link.kind, factsText(link)].filter(Boolean).join(' ')],
		...(link.altnames ? [['other names', link.altnames.join(', ')] as const] : []),
		['state', `${linkStateLabel(link)} (operstate ${link.state}, ${link.adminUp ? 'admin up' : 'admin down'})`],
		['flags', link.flags.join(',') || '—'],
		['MAC', link.mac || '—'],
		['MTU', String(link.mtu)],
	];
	if (link.kind === 'veth') lines.push(['other end', peer ? formatPeer(peer, '') + ` (ifindex ${peer.ifindex})` : 'unknown']);
	const lower = lowerText(link, ns.id, lowerRef);
	if (lower) lines.push(['stacked', lower]);
	if (link.master) lines.push(['master', link.masterKind ? `${link.master} (${link.masterKind})` : link.master]);
	if (link.kind === 'bridge') lines.push(['ports', ports.map((p) => p.name).join(', ') || 'none']);
	lines.push(...vxlanFdbLines(ns, link));
	if (link.addresses.length === 0) lines.push(['addresses', 'none']);
	for (const a of link.addresses) lines.push([`IPv${a.family} address`, [a.cidr, 'scope', a.scope, ...(a.flags ?? []), ...(a.planned ? ['(planned)'] : [])].join(' ')]);
	return plannedFirst(link.planned, lines);
}

export function routeDetail(ns: Netns, route: Route): DetailLine[] {
	const lines: DetailLine[] = [
		['route', formatRoute(route)],
		['namespace', nsDisplayName(ns.id)],
		['family', `IPv${route.family}`],
		['table', route.table],
		['type', route.type],
	];
	if (route.from) lines.push(['from', `${route.from} (only packets from there)`]);
	if (route.tos) lines.push(['tos', route.tos]);
	if (route.nhid !== undefined) {
		const object = ns.nexthops?.find((nh) => nh.id === route.nhid);
		lines.push(['nexthop object', object ? nexthopText(object) : `id ${route.nhid}`]);
	}
	if (route.gateway) lines.push(['via', route.gateway]);
	for (const [i, hop] of (route.nexthops ?? []).entries()) {
		lines.push([`next hop ${i + 1}`, [...(hop.gateway ? ['via', hop.gateway] : []), ...(hop.dev ? ['dev', hop.dev] : []), 'weight', String(hop.weight)].join(' ')]);
	}
	if (route.dev) lines.push(['device', route.dev]);
	if (route.protocol) lines.push(['protocol', route.protocol]);
	if (route.scope) lines.push(['scope', route.scope]);
	if (route.metric !== undefined) lines.push(['metric', String(route.metric)]);
	if (route.prefsrc) lines.push(['source', route.prefsrc]);
	if (route.flags.length > 0) lines.push(['flags', route.flags.join(', ')]);
	if (route.metrics) lines.push(['metrics', metricWords(route).join(' ')]);
	if (route.pref) lines.push(['preference', route.pref]);
	if (route.expires !== undefined) lines.push(['expires', `in ${route.expires} s`]);
	return plannedFirst(route.planned, lines);
}
