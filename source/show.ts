// `nsdeck show`: the snapshot printed once, as text for people or JSON for scripts.
import {shown} from './model/display.js';
import {fdbText, formatRoute, linkStateLabel, nexthopText, relationText, visibleAddresses} from './model/format.js';
import {nsDisplayName} from './model/netns-id.js';
import {labelText} from './model/netns-label.js';
import {padWidth} from './model/text-width.js';
import {execIn} from './plans/plan.js';
import {commandText} from './plans/script.js';
import {buildTopology, linkKey, type Topology} from './model/topology.js';
import type {World} from './model/types.js';
import {isDefaultQdisc, type Qdisc} from './model/traffic/qdisc.js';
import {mapLimited} from './system/snapshot.js';
import type {System} from './system/system.js';

/** Qdiscs by namespace id, as `tc -j qdisc show` printed them there. */
export type QdiscsByNamespace = ReadonlyMap<string, readonly Qdisc[]>;

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

export function worldToJson(world: World, topology: Topology = buildTopology(world), qdiscs: QdiscsByNamespace = new Map()): unknown {
	return {
		namespaces: world.namespaces.map((ns) => ({
			id: ns.id,
			name: nsDisplayName(ns.id),
			kind: ns.kind,
			path: ns.path,
			// Device and inode: the same namespace whatever path reached it.
			identity: ns.identity ?? null,
			// How a command gets in, as plans write it (`ip netns exec NAME`, `nsenter --net=PATH`, or nothing for
			// the host), as shell text: quoted as the log and exported scripts quote, so a name runs nothing.
			reach: commandText(execIn(ns.id)),
			label: ns.label ? {...ns.label, text: labelText(ns.label)} : null,
			// null where this reader could not tell (ip without the helper: IPv6 rules, the FDB, forwarding).
			forwarding: ns.forwarding ?? null,
			rules: ns.rules ? {inet: ns.rules[4] ?? null, inet6: ns.rules[6] ?? null} : null,
			neighbours: ns.neighbours ?? null,
			fdb: ns.fdb ?? null,
			nexthops: ns.nexthops ?? null,
			...(ns.error ? {error: ns.error} : {}),
			links: ns.links.map((link) => {
				const key = linkKey(ns.id, link.ifindex);
				const peer = topology.peers.get(key);
				const ports = topology.ports.get(key);
				const lower = topology.lowers.get(key);
				return {
					...link,
					state: linkStateLabel(link),
					operstate: link.state,
					...(link.kind === 'veth' ? {peer: peer ? {ns: peer.ns, name: peer.name, ifindex: peer.ifindex} : null} : {}),
					...(link.kind === 'bridge' ? {ports: (ports ?? []).map((p) => p.name)} : {}),
					...(lower ? {lower: {ns: lower.ns, name: lower.name, ifindex: lower.ifindex}} : {}),
					// As tc -j prints them, where the root qdisc is not the default; null where it is (its kind is `qdisc`).
					qdiscs: qdiscs.get(ns.id)?.filter((q) => q.dev === link.name).map((q) => q.raw) ?? null,
				};
			}),
			routes: ns.routes,
			nsids: ns.nsids,
		})),
	};
}

export function worldToText(world: World, topology: Topology = buildTopology(world)): string {
	const lines: string[] = [];
	for (const ns of world.namespaces) {
		const label = labelText(ns.label);
		const where = ns.kind === 'host' ? ' (host)' : ns.kind === 'named' ? '' : `  ${ns.path}`;
		const forwards = (['4', '6'] as const).filter((f) => ns.forwarding?.[f === '4' ? 4 : 6]).map((f) => `IPv${f}`);
		lines.push(`${nsDisplayName(ns.id)}${where}${label ? `  ${label}` : ''}${forwards.length > 0 ? `  forwarding ${forwards.join(' ')}` : ''}${ns.error ? `  cannot read: ${ns.error}` : ''}`);
		for (const link of ns.links) {
			const key = linkKey(ns.id, link.ifindex);
			const relation = relationText(link, ns.id, topology.peers.get(key), topology.ports.get(key) ?? [], topology.lowers.get(key));
			const cells = [padWidth(link.name, 15), link.kind.padEnd(8), linkStateLabel(link).padEnd(10), relation, visibleAddresses(link).join(' ')];
			lines.push(`  ${cells.join(' ').trimEnd()}`);
		}
		for (const route of ns.routes) lines.push(`  route ${formatRoute(route)}`);
		for (const nh of ns.nexthops ?? []) lines.push(`  nexthop ${nexthopText(nh)}`);
		for (const e of (ns.fdb ?? []).filter((entry) => entry.dst !== undefined)) lines.push(`  fdb ${fdbText(e)}`);
	}
	// Read by people, often on a terminal: every line made safe to draw (model/display.ts).
	return lines.map(shown).join('\n') + '\n';
}

