// Create and delete a namespace.
import {isLinkUp} from '../model/format.js';
import {stackedOn, stackedText} from '../model/stacked.js';
import {formatPeer, peerResolver} from '../model/topology.js';
import type {World} from '../model/types.js';
import {findNs} from '../model/validate.js';
import {namedId, netnsName, nsDisplayName} from '../model/netns-id.js';
import {ipIn, type Plan} from './plan.js';

export interface NewNamespaceValues {
	readonly name: string;
	readonly loUp: boolean;
}

export function newNamespacePlan({name, loUp}: NewNamespaceValues): Plan {
	return {
		title: `Create namespace ${name}`,
		dangerous: false,
		steps: [
			{argv: ['ip', 'netns', 'add', name], undo: ['ip', 'netns', 'del', name], group: name},
			...(loUp ? [{argv: ipIn(name, 'link', 'set', 'dev', 'lo', 'up'), undo: ['ip', 'netns', 'del', name], group: name}] : []),
		],
		affects: [name],
		select: {ns: name},
		// By id: a namespace called `host` is not the host (netns-id.ts).
		effects: [{kind: 'addNamespace', ns: namedId(name)}, ...(loUp ? [{kind: 'setUp' as const, ns: namedId(name), link: 'lo', up: true}] : [])],
	};
}

/** What deleting a namespace takes with it, from what we can see of it. */
export function deleteNamespaceConsequences(world: World, name: string): string[] {
	const ns = findNs(world, name);
	const links = ns?.links ?? [];
	const resolve = peerResolver(world);
	const veths = links
		.filter((l) => l.kind === 'veth')
		.map((l) => {
			const peer = ns && resolve(ns, l);
			return peer && peer.ns !== name ? `${l.name} ↔ ${formatPeer(peer, name)}` : l.name;
		});
	const stacked = links.flatMap((l) => stackedOn(world, name, l).filter((d) => d.ns !== name));
	const others = links.filter((l) => l.kind !== 'veth' && l.kind !== 'loopback').map((l) => l.name);
	const lines = [`all addresses and routes in ${name} are lost`];
	if (veths.length > 0) lines.push(`veths destroyed, with their other ends: ${veths.join(', ')}`);
	if (stacked.length > 0) lines.push(`devices elsewhere stacked on its links are deleted too: ${stackedText(stacked, name)}`);
	if (others.length > 0) lines.push(`destroyed, or back to the host if physical: ${others.join(', ')}`);
	if (links.some((l) => l.kind !== 'loopback' && isLinkUp(l))) lines.push('traffic through it stops now');
	lines.push('a process still inside keeps the namespace alive until it exits');
	return lines;
}

/** `id` is a named namespace's (see netns-id.ts: /run/netns/host for one called `host`). */
export function deleteNamespacePlan(world: World, id: string): Plan {
	const peers = (findNs(world, id)?.links ?? []).filter((l) => l.kind === 'veth');
	const name = netnsName(id) ?? id;
	return {
		title: `Delete namespace ${name}`,
		dangerous: true,
		consequences: deleteNamespaceConsequences(world, id),
		steps: [{argv: ['ip', 'netns', 'del', name]}],
		// The other ends of its veths vanish too, wherever they are: read the whole world again.
		affects: peers.length > 0 ? world.namespaces.map((n) => n.id) : [id],
		effects: [{kind: 'deleteNamespace', ns: id}],
	};
}

export interface AttachValues {
	/** The namespace without a name: a process-held or mounted one. */
	readonly from: string;
	readonly pid: number;
	readonly name: string;
}

/**
 * Give a namespace a name with `ip netns attach NAME PID`: /run/netns/NAME becomes a bind mount of the
 * process's namespace, so it is `ip -n NAME` from now on and outlives the process. Undone by `ip netns del
 * NAME`, which removes the name only: the namespace stays while its processes live.
 */
export function attachNamespacePlan({from, pid, name}: AttachValues): Plan {
	return {
		title: `Name ${nsDisplayName(from)} as ${name}`,
		dangerous: false,
		steps: [{argv: ['ip', 'netns', 'attach', name, String(pid)], undo: ['ip', 'netns', 'del', name]}],
		affects: [from, name],
		select: {ns: name},
		effects: [{kind: 'nameNamespace', ns: from, name}],
	};
}
