// `nsdeck show`: the snapshot printed once, as text for people or JSON for scripts.
import {shown} from './model/display.js';
import {factsText, fdbText, formatRoute, linkStateLabel, relationText, visibleAddresses} from './model/format.js';
import {nsDisplayName} from './model/netns-id.js';
import {labelText} from './model/netns-label.js';
import {padWidth} from './model/text-width.js';
import {execIn} from './plans/plan.js';
import {commandText} from './plans/script.js';
import {buildTopology, linkKey, type Topology} from './model/topology.js';
import type {Netns, World} from './model/types.js';
import {isDefaultQdisc, type QdiscsByNamespace} from './model/traffic/qdisc.js';
import {mapLimited} from './system/snapshot.js';
import type {System} from './system/system.js';
import {namespaceDetail} from './ui/overlays/detail-lines.js';
import {BUILTIN_NAMES, type IprouteNames} from './model/iproute-names.js';
import {hasUnderlay, isStackedKind} from './model/link-kinds/index.js';
import {linkRecord, records, routeRecord, type Json} from './model/ip-records.js';

/**
 * `show --json`: each namespace's links, addresses and routes as the records `ip -j -d addr` and `ip -j
 * route show table all` print (read as they came: model/raw-records.ts), rules, neighbours and the FDB as
 * `ip -j rule`, `ip -j neigh` and `bridge -j fdb` print them; nsdeck's own findings beside them under
 * `nsdeck`, one per link and route and one per namespace. The shape is docs/show-json.schema.json.
 */

/**
 * tc's qdiscs of each namespace where a link's root qdisc is not the kernel's default (one tc each, two at
 * once): at 1,000 namespaces of default qdiscs, show --json starts no tc at all.
 */
export async function readShownQdiscs(system: System, world: World): Promise<QdiscsByNamespace> {
	const shaped = world.namespaces.filter((ns) => ns.links.some((l) => !isDefaultQdisc(l.qdisc)));
	const read = system.readQdiscs;
	if (!read) return new Map();
	const lists = await mapLimited(shaped, 2, async (ns) => [ns.id, (await read(ns.id)) ?? []] as const);
	return new Map(lists);
}

export function worldToJson(world: World, topology: Topology = buildTopology(world), names: IprouteNames = BUILTIN_NAMES, qdiscs: QdiscsByNamespace = new Map()): unknown {
	return {
		namespaces: world.namespaces.map((ns) => ({
			id: ns.id,
			kind: ns.kind,
			path: ns.path,
			links: ns.links.map((link) => {
				const key = linkKey(ns.id, link.ifindex);
				const peer = topology.peers.get(key);
				const ports = topology.ports.get(key);
				const lower = topology.lowers.get(key);
				const ref = (r: {ns: string; name: string; ifindex: number}): Json => ({ns: r.ns, name: r.name, ifindex: r.ifindex});
				return {
					...linkRecord(link, names),
					nsdeck: {
						state: linkStateLabel(link),
						relation: relationText(link, ns.id, peer, ports ?? [], lower),
						...(link.kind === 'veth' ? {peer: peer ? ref(peer) : null} : {}),
						...(link.kind === 'bridge' ? {ports: (ports ?? []).map((p) => p.name)} : {}),
						...(isStackedKind(link.kind) || hasUnderlay(link.kind) || lower ? {lower: lower ? ref(lower) : null} : {}),
						...(link.facts ? {facts: factsText(link)} : {}),
						// As tc -j prints them, where the root qdisc is not the default; null where it is (its kind is `qdisc`).
						qdiscs: qdiscs.get(ns.id)?.filter((q) => q.dev === link.name).map((q) => q.raw) ?? null,
					},
				};
			}),
			routes: ns.routes.map((route) => ({...routeRecord(route), nsdeck: {text: formatRoute(route), family: route.family === 6 ? 'inet6' : 'inet'}})),
			nsdeck: {
				name: nsDisplayName(ns.id),
				// Device and inode: the same namespace whatever path reached it.
				identity: ns.identity ?? null,
				// How a command gets in, as plans write it, as shell text: quoted as the log and exported scripts
				// quote, so a name runs nothing.
				reach: commandText(execIn(ns.id)),
				label: ns.label ? {...ns.label, text: labelText(ns.label)} : null,
				// null where this reader could not tell (ip without the helper: IPv6 rules, the FDB, forwarding).
				forwarding: ns.forwarding ? {inet: ns.forwarding[4] ?? null, inet6: ns.forwarding[6] ?? null} : null,
				rules: ns.rules ? {inet: records(ns.rules[4]), inet6: records(ns.rules[6])} : null,
				neighbours: records(ns.neighbours),
				fdb: records(ns.fdb),
				// Nexthop objects, as `ip -j nexthop` prints them.
				nexthops: records(ns.nexthops),
				nsids: ns.nsids,
				...(ns.frame ? {frame: ns.frame} : {}),
				...(ns.error ? {error: ns.error} : {}),
			},
		})),
	};
}

/** What the detail view knows beyond links and routes: forwarding, rules, neighbours, the FDB. */
const PICTURE = new Set(['forwarding', 'IPv4 rules', 'IPv6 rules', 'neighbours', 'bridge FDB', 'nexthop objects']);

function wholePicture(ns: Netns): string[] {
	const lines: string[] = [];
	let section = '';
	for (const [label, value] of namespaceDetail(ns)) {
		if (label) section = label;
		if (!PICTURE.has(section)) continue;
		lines.push(label ? `  ${label}: ${value}` : `  ${' '.repeat(section.length + 1)} ${value}`);
	}
	return lines;
}

export function worldToText(world: World, topology: Topology = buildTopology(world)): string {
	const lines: string[] = [];
	for (const ns of world.namespaces) {
		const label = labelText(ns.label);
		const where = ns.kind === 'host' ? ' (host)' : ns.kind === 'named' ? '' : `  ${ns.path}`;
		lines.push(`${nsDisplayName(ns.id)}${where}${label ? `  ${label}` : ''}${ns.error ? `  cannot read: ${ns.error}` : ''}`);
		for (const link of ns.links) {
			const key = linkKey(ns.id, link.ifindex);
			const relation = relationText(link, ns.id, topology.peers.get(key), topology.ports.get(key) ?? [], topology.lowers.get(key));
			// What ip -d says of its kind (a vxlan's VNI and remote, a macvlan's mode), after the addresses.
			const cells = [padWidth(link.name, 15), link.kind.padEnd(8), linkStateLabel(link).padEnd(10), relation, visibleAddresses(link).join(' '), factsText(link)];
			lines.push(`  ${cells.filter((c, i) => i < 3 || c !== '').join(' ').trimEnd()}`);
		}
		for (const route of ns.routes) lines.push(`  route ${formatRoute(route)}`);
		lines.push(...wholePicture(ns));
		// A vxlan's own FDB (dst, vni, port), which the bridge FDB above does not hold.
		for (const e of (ns.fdb ?? []).filter((entry) => entry.dst !== undefined)) lines.push(`  fdb ${fdbText(e)}`);
	}
	// Read by people, often on a terminal: every line made safe to draw (model/display.ts).
	return lines.map(shown).join('\n') + '\n';
}


/**
 * JSON text in which no string can steer a terminal or reorder text: C0 controls are escaped by
 * JSON.stringify, and C1 controls, bidi overrides and isolates, and line separators are escaped here.
 */
export function jsonText(value: unknown): string {
	// Compact, as `ip -j` prints (jq or `ip -p`-style tools pretty-print): at 1,000 namespaces the indented
	// text was twice the bytes and the time.
	return JSON.stringify(value).replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
