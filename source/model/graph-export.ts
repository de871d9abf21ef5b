// `nsdeck show --dot` and `--mermaid`: the topology map's graph for documents. One cluster per namespace,
// one node per interface, one edge per veth pair, bridge port, bond/vrf/team member and stacked device
// (dotted, to its lower device); bridges, bonds, vrfs and teams have shapes of their own (their kinds say
// which, link-kinds/); a link that is down is dashed, as on the map.
import {namespaceHeading} from './netns-label.js';
import {shown} from './display.js';
import {factsText, linkStateLabel} from './format.js';
import {hubShape} from './link-kinds/index.js';
import {topologyEdges, type Edges} from './topology-edges.js';
import {linkKey, type Topology} from './topology.js';
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
const dotNode = (ref: LinkRef): string => dotString(`${ref.ns}/${ref.name}`);
/** Lines of a label, joined with DOT's own \n escape (a line break inside the label). */
const dotLabel = (lines: readonly string[]): string => `"${lines.map(dotEscape).join('\\n')}"`;

export function toDot(world: World, topology: Topology): string {
	const {namespaces, edges} = graphOf(world, topology);
	const out = ['graph nsdeck {', '\trankdir=LR;', '\tfontname="monospace";', '\tnode [shape=box, fontname="monospace"];', '\tedge [fontname="monospace"];'];
	namespaces.forEach((ns, i) => {
		out.push(`\tsubgraph cluster_${i} {`, `\t\tlabel=${dotString(ns.error ? `${namespaceHeading(ns)} (cannot read: ${ns.error})` : namespaceHeading(ns))};`);
		for (const link of ns.links) {
			const shape = hubShape(link.kind)?.dot ?? '';
			out.push(`\t\t${dotNode({ns: ns.id, name: link.name, ifindex: link.ifindex})} [label=${dotLabel(nodeLines(link))}${shape}];`);
		}
		out.push('\t}');
	});
	const look = (what: string, up: boolean): string => (up ? `label="${what}"` : `label="${what} down", style=dashed`);
	for (const {a, b, up} of edges.veths) out.push(`\t${dotNode(a)} -- ${dotNode(b)} [${look('veth', up)}];`);
	for (const {bridge, port, up} of edges.ports) out.push(`\t${dotNode(bridge)} -- ${dotNode(port)} [${look('port', up)}, penwidth=2];`);
	for (const {group, kind, member, up} of edges.members) out.push(`\t${dotNode(group)} -- ${dotNode(member)} [${look(`${kind} member`, up)}, penwidth=2];`);
	for (const {upper, kind, lower, up} of edges.stacked) out.push(`\t${dotNode(upper)} -- ${dotNode(lower)} [${look(`${kind} on`, up)}, style=dotted];`);
	out.push('}');
	return out.join('\n') + '\n';
}

// Mermaid: nodes get plain ids (n0, n1, …) and quoted labels, where " is written #quot;.
const mermaidText = (text: string): string => `"${shown(text).replaceAll('"', '#quot;')}"`;

export function toMermaid(world: World, topology: Topology): string {
	const {namespaces, edges} = graphOf(world, topology);
	const ids = new Map<string, string>();
	const out = ['flowchart LR'];
	namespaces.forEach((ns, i) => {
		out.push(`\tsubgraph ns${i}[${mermaidText(ns.error ? `${namespaceHeading(ns)} (cannot read)` : namespaceHeading(ns))}]`);
		for (const link of ns.links) {
			const id = `n${ids.size}`;
			ids.set(linkKey(ns.id, link.ifindex), id);
			const label = mermaidText(nodeLines(link).join('<br/>'));
			out.push(`\t\t${id}${hubShape(link.kind)?.mermaid(label) ?? `[${label}]`}`);
		}
		out.push('\tend');
	});
	const id = (ref: LinkRef): string => ids.get(linkKey(ref.ns, ref.ifindex)) ?? '';
	for (const {a, b, up} of edges.veths) out.push(`\t${id(a)} ${up ? '---|veth|' : '-.-|veth down|'} ${id(b)}`);
	for (const {bridge, port, up} of edges.ports) out.push(`\t${id(bridge)} ${up ? '===|port|' : '-.-|port down|'} ${id(port)}`);
	for (const {group, kind, member, up} of edges.members) out.push(`\t${id(group)} ${up ? `===|${kind} member|` : `-.-|${kind} member down|`} ${id(member)}`);
	for (const {upper, kind, lower, up} of edges.stacked) out.push(`\t${id(upper)} -.-|${kind} on${up ? '' : ' down'}| ${id(lower)}`);
	return out.join('\n') + '\n';
}
