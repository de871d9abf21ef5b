// `nsdeck show --dot` and `--mermaid`: the topology map's graph for documents. One cluster per namespace,
// one node per interface, one edge per veth pair, bridge port, bond/vrf/team member and stacked device
// (dotted, to its lower device); bridges, bonds, vrfs and teams have shapes of their own (their kinds say
// which, link-kinds/); a link that is down is dashed, as on the map.
import {namespaceHeading} from './netns-label.js';
import {shown} from './display.js';
import {factsText, linkStateLabel} from './format.js';
import {hubShape} from './link-kinds/index.js';
import {topologyEdges, type Edges} from './topology-edges.js';
import {hostTunnels, type HostTunnel} from './host-tunnels.js';
import {buildTopology, linkKey, type Topology} from './topology.js';
import type {Link, LinkRef, Netns, World} from './types.js';

/** What a node says: name (and kind unless plain), state, the kind's facts (vxlan id and remote), addresses other than link-local IPv6. */
function nodeLines(link: Link): string[] {
	const kind = link.kind === 'device' ? '' : ` (${link.kind})`;
	const addresses = link.addresses.filter((a) => !(a.family === 6 && a.scope === 'link')).map((a) => a.cidr);
	const facts = factsText(link);
	return [`${link.name}${kind}`, linkStateLabel(link), ...(facts ? [facts] : []), ...addresses];
}


interface Graph {
	readonly namespaces: readonly Netns[];
	readonly edges: Edges;
}

const graphOf = (world: World, topology: Topology): Graph => ({namespaces: world.namespaces, edges: topologyEdges(world, topology)});

// DOT: IDs and labels are double-quoted strings, where only " and \ need escaping.
const dotEscape = (text: string): string => shown(text).replaceAll('\\', '\\\\').replaceAll('"', '\\"');
const dotString = (text: string): string => `"${dotEscape(text)}"`;
const dotNode = (ref: LinkRef, host = ''): string => dotString(`${host ? `${host}:` : ''}${ref.ns}/${ref.name}`);
/** Lines of a label, joined with DOT's own \n escape (a line break inside the label). */
const dotLabel = (lines: readonly string[]): string => `"${lines.map(dotEscape).join('\\n')}"`;

const DOT_HEAD = ['graph nsdeck {', '\trankdir=LR;', '\tfontname="monospace";', '\tnode [shape=box, fontname="monospace"];', '\tedge [fontname="monospace"];'];

/** A world's clusters and edges; with `host`, node ids and cluster names carry it (servers of --host). */
function dotBody(world: World, topology: Topology, host = '', cluster = 'cluster', tab = '\t'): string[] {
	const {namespaces, edges} = graphOf(world, topology);
	const out: string[] = [];
	const node = (ref: LinkRef): string => dotNode(ref, host);
	namespaces.forEach((ns, i) => {
		out.push(`${tab}subgraph ${cluster}_${i} {`, `${tab}\tlabel=${dotString(ns.error ? `${namespaceHeading(ns)} (cannot read: ${ns.error})` : namespaceHeading(ns))};`);
		for (const link of ns.links) {
			const shape = hubShape(link.kind)?.dot ?? '';
			out.push(`${tab}\t${node({ns: ns.id, name: link.name, ifindex: link.ifindex})} [label=${dotLabel(nodeLines(link))}${shape}];`);
		}
		out.push(`${tab}}`);
	});
	const look = (what: string, up: boolean): string => (up ? `label="${what}"` : `label="${what} down", style=dashed`);
	for (const {a, b, up} of edges.veths) out.push(`${tab}${node(a)} -- ${node(b)} [${look('veth', up)}];`);
	for (const {bridge, port, up} of edges.ports) out.push(`${tab}${node(bridge)} -- ${node(port)} [${look('port', up)}, penwidth=2];`);
	for (const {group, kind, member, up} of edges.members) out.push(`${tab}${node(group)} -- ${node(member)} [${look(`${kind} member`, up)}, penwidth=2];`);
	for (const {upper, kind, lower, up} of edges.stacked) out.push(`${tab}${node(upper)} -- ${node(lower)} [${look(`${kind} on`, up)}, style=dotted];`);
	return out;
}

export function toDot(world: World, topology: Topology): string {
	return [...DOT_HEAD, ...dotBody(world, topology), '}'].join('\n') + '\n';
}

export interface HostWorld {
	/** The server as --host named it. */
	readonly host: string;
	readonly world: World;
}

/** A tunnel between servers as its edge's label: kind and VNI, and what is wrong with it. */
const tunnelLabel = (t: HostTunnel): string => [t.vni === undefined ? t.kind : `${t.kind} VNI ${t.vni}`, ...t.problems.map((p) => `⚠ ${p}`)].join('\n');

/**
 * Several servers in one graph: a cluster per server around its namespaces' clusters, and one edge per
 * tunnel between servers (host-tunnels.ts), dashed when something keeps it from working.
 */
export function hostsToDot(hosts: readonly HostWorld[]): string {
	const out = [...DOT_HEAD];
	hosts.forEach(({host, world}, k) => {
		out.push(`\tsubgraph cluster_host${k} {`, `\t\tlabel=${dotString(`host ${host}`)};`, ...dotBody(world, buildTopology(world), host, `cluster_host${k}`, '\t\t'), '\t}');
	});
	for (const t of hostTunnels(hosts)) {
		const style = t.problems.length > 0 ? ', style=dashed' : '';
		out.push(`\t${dotNode(t.from, t.from.host)} -- ${dotNode(t.to, t.to.host)} [label=${dotLabel(tunnelLabel(t).split('\n'))}, penwidth=3${style}];`);
	}
	out.push('}');
	return out.join('\n') + '\n';
}

// Mermaid: nodes get plain ids (n0, n1, …) and quoted labels, where " is written #quot;.
const mermaidText = (text: string): string => `"${shown(text).replaceAll('"', '#quot;')}"`;

/** A world's subgraphs and edges, its node ids numbered on from `ids` (shared by all servers). */
function mermaidBody(world: World, topology: Topology, ids: Map<string, string>, host = '', sub = '', tab = '\t'): string[] {
	const {namespaces, edges} = graphOf(world, topology);
	const out: string[] = [];
	const key = (ns: string, ifindex: number): string => `${host}\0${linkKey(ns, ifindex)}`;
	namespaces.forEach((ns, i) => {
		out.push(`${tab}subgraph ${sub}ns${i}[${mermaidText(ns.error ? `${namespaceHeading(ns)} (cannot read)` : namespaceHeading(ns))}]`);
		for (const link of ns.links) {
			const id = `n${ids.size}`;
			ids.set(key(ns.id, link.ifindex), id);
			const label = mermaidText(nodeLines(link).join('<br/>'));
			out.push(`${tab}\t${id}${hubShape(link.kind)?.mermaid(label) ?? `[${label}]`}`);
		}
		out.push(`${tab}end`);
	});
	const id = (ref: LinkRef): string => ids.get(key(ref.ns, ref.ifindex)) ?? '';
	for (const {a, b, up} of edges.veths) out.push(`${tab}${id(a)} ${up ? '---|veth|' : '-.-|veth down|'} ${id(b)}`);
	for (const {bridge, port, up} of edges.ports) out.push(`${tab}${id(bridge)} ${up ? '===|port|' : '-.-|port down|'} ${id(port)}`);
	for (const {group, kind, member, up} of edges.members) out.push(`${tab}${id(group)} ${up ? `===|${kind} member|` : `-.-|${kind} member down|`} ${id(member)}`);
	for (const {upper, kind, lower, up} of edges.stacked) out.push(`${tab}${id(upper)} -.-|${kind} on${up ? '' : ' down'}| ${id(lower)}`);
	return out;
}

export function toMermaid(world: World, topology: Topology): string {
	return ['flowchart LR', ...mermaidBody(world, topology, new Map())].join('\n') + '\n';
}

/** Several servers in one flowchart: a subgraph per server around its namespaces' subgraphs. */
export function hostsToMermaid(hosts: readonly HostWorld[]): string {
	const ids = new Map<string, string>();
	const out = ['flowchart LR'];
	hosts.forEach(({host, world}, k) => {
		out.push(`\tsubgraph host${k}[${mermaidText(`host ${host}`)}]`, ...mermaidBody(world, buildTopology(world), ids, host, `host${k}_`, '\t\t'), '\tend');
	});
	const id = (r: HostTunnel['from']): string => ids.get(`${r.host}\0${linkKey(r.ns, r.ifindex)}`) ?? '';
	for (const t of hostTunnels(hosts)) {
		const label = mermaidText(tunnelLabel(t).replaceAll('\n', '<br/>'));
		out.push(`\t${id(t.from)} ${t.problems.length > 0 ? '-.-' : '==='}|${label}| ${id(t.to)}`);
	}
	return out.join('\n') + '\n';
}
