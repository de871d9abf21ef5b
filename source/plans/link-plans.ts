// Move an interface, toggle it up/down, delete it.
import {stackedText, type StackedDevice} from '../model/stacked.js';
import {formatPeer} from '../model/topology.js';
import {HOST_ID, type LinkRef, type World} from '../model/types.js';
import {HOST_NETNS_PATH, ipIn, netnsArg, type Plan} from './plan.js';

export interface MoveValues {
	readonly from: string;
	readonly link: string;
	readonly to: string;
	/**
	 * What the kernel drops on the way, and the plan puts back in the new namespace when asked to: the
	 * link's addresses (not link-local: the kernel makes those) and its up state.
	 */
	readonly carry?: {readonly addresses: readonly string[]; readonly up: boolean};
	/** What it has now, so the preview can say what a move without carrying loses. */
	readonly has?: {readonly addresses: readonly string[]; readonly up: boolean};
	/** Tunnels (vxlan) sending through it, in any namespace: the kernel deletes them when it leaves. */
	readonly tunnels?: readonly StackedDevice[];
}

/**
 * Why a move or a new device into the host cannot be planned, if it cannot: nsdeck runs in a namespace
 * other than PID 1's (`ip netns exec a nsdeck`), so the host on screen is its own, while HOST_NETNS_PATH is
 * PID 1's, which discovery then lists apart by that path. The interface would land there instead.
 */
export function hostPathProblem(world: World): string | undefined {
	const elsewhere = world.namespaces.some((n) => n.id !== HOST_ID && n.path === HOST_NETNS_PATH);
	return elsewhere ? `nsdeck runs outside PID 1's namespace, and ip names the host only by PID 1's (${HOST_NETNS_PATH}): it would land there instead` : undefined;
}

export function movePlan(v: MoveValues): Plan {
	const carry = v.carry ?? {addresses: [], up: false};
	const lost = [
		...(v.has?.addresses.filter((a) => !carry.addresses.includes(a)) ?? []).map((a) => `address ${a}`),
		...(v.has?.up && !carry.up ? ['its up state (it arrives down)'] : []),
	];
	const tunnels = v.tunnels ?? [];
	const consequences = [
		...(lost.length > 0 ? [`the kernel drops on the way: ${lost.join(', ')}`] : []),
		...(tunnels.length > 0 ? [`the kernel deletes the tunnels sending through it: ${stackedText(tunnels, v.from)}`] : []),
	];
	return {
		title: `Move ${v.link} from ${v.from} to ${v.to}`,
		dangerous: false,
		destructive: true,
		touches: [{ns: v.from, link: v.link, change: 'move'}, ...tunnels.map((d) => ({ns: d.ns, link: d.name, change: 'delete' as const}))],
		consequences: consequences.length > 0 ? consequences : undefined,
		steps: [
			{argv: ipIn(v.from, 'link', 'set', 'dev', v.link, 'netns', netnsArg(v.to)), undo: ipIn(v.to, 'link', 'set', 'dev', v.link, 'netns', netnsArg(v.from))},
			...carry.addresses.map((cidr) => ({argv: ipIn(v.to, 'addr', 'add', cidr, 'dev', v.link), undo: ipIn(v.to, 'addr', 'del', cidr, 'dev', v.link)})),
			...(carry.up ? [{argv: ipIn(v.to, 'link', 'set', 'dev', v.link, 'up'), undo: ipIn(v.to, 'link', 'set', 'dev', v.link, 'down')}] : []),
		],
		affects: [...new Set([v.from, v.to, ...tunnels.map((d) => d.ns)])],
		select: {ns: v.to, link: v.link},
		effects: [
			{kind: 'moveLink', ns: v.from, link: v.link, to: v.to},
			...tunnels.map((d) => ({kind: 'deleteLink' as const, ns: d.ns, link: d.name})),
			...carry.addresses.map((cidr) => ({kind: 'addAddress' as const, ns: v.to, link: v.link, cidr})),
			...(carry.up ? [{kind: 'setUp' as const, ns: v.to, link: v.link, up: true}] : []),
		],
	};
}

/**
 * `ipv6Addresses`: the link's global IPv6 addresses, and `routes` the routes through it (in any table, as
 * ip prints them): the kernel drops both when it goes down.
 */
export function togglePlan(ns: string, link: string, up: boolean, ipv6Addresses: readonly string[] = [], routes: readonly string[] = []): Plan {
	const state = up ? 'up' : 'down';
	const lost = !up && ipv6Addresses.length > 0;
	const consequences = [
		...(lost ? [`the kernel removes its IPv6 addresses when it goes down: ${ipv6Addresses.join(', ')}`] : []),
		...(!up && routes.length > 0 ? [`the kernel removes the routes through it: ${routes.join('; ')}`] : []),
	];
	return {
		title: `Set ${link} ${state} in ${ns}`,
		dangerous: false,
		destructive: !up,
		touches: up ? [] : [{ns, link, change: 'down'}],
		consequences: consequences.length > 0 ? consequences : undefined,
		steps: [{argv: ipIn(ns, 'link', 'set', 'dev', link, state), undo: ipIn(ns, 'link', 'set', 'dev', link, up ? 'down' : 'up')}],
		affects: [ns],
		select: {ns, link},
		effects: [{kind: 'setUp', ns, link, up}],
	};
}

/** Everything that leaves with a deleted interface, as the world shows it (forms/link-forms.ts finds it). */
export interface LinkLosses {
	/** A veth's other end, as `ns/name` (or `name` in the same namespace). */
	readonly peer?: LinkRef;
	/** Devices stacked on it, in any namespace: the kernel deletes them too. */
	readonly stacked: readonly StackedDevice[];
	readonly addresses: readonly string[];
	/** Routes that leave by it, as `ip route` prints them. */
	readonly routes: readonly string[];
	/** A bridge's ports: released, not deleted. */
	readonly ports: readonly string[];
	/** What leaves with a veth's other end, which the kernel deletes along with this one. */
	readonly peerLosses?: Omit<LinkLosses, 'peer' | 'peerLosses'>;
}

export const NO_LOSSES: LinkLosses = {stacked: [], addresses: [], routes: [], ports: []};

export function deleteLinkPlan(ns: string, link: string, kind: string, losses: LinkLosses = NO_LOSSES): Plan {
	const {peer, stacked, addresses, routes, ports} = losses;
	const consequences: string[] = [];
	if (kind === 'veth') consequences.push(`the other end${peer ? ` (${formatPeer(peer, ns)})` : ''} is deleted too`);
	if (stacked.length > 0) consequences.push(`devices stacked on it are deleted too: ${stackedText(stacked, ns)}`);
	if (addresses.length > 0) consequences.push(`its addresses go: ${addresses.join(', ')}`);
	if (routes.length > 0) consequences.push(`routes through it go: ${routes.join('; ')}`);
	if (ports.length > 0) consequences.push(`its ports are released, not deleted: ${ports.join(', ')}`);
	const theirs = losses.peerLosses;
	if (theirs && theirs.stacked.length > 0) consequences.push(`devices stacked on the other end are deleted too: ${stackedText(theirs.stacked, ns)}`);
	if (theirs && theirs.addresses.length > 0) consequences.push(`the other end's addresses go: ${theirs.addresses.join(', ')}`);
	if (theirs && theirs.routes.length > 0) consequences.push(`routes through the other end go: ${theirs.routes.join('; ')}`);
	if (theirs && theirs.ports.length > 0) consequences.push(`the other end's ports are released, not deleted: ${theirs.ports.join(', ')}`);
	const stackedGone = [...stacked, ...(theirs?.stacked ?? [])];
	const gone = [...(peer ? [peer] : []), ...stackedGone];
	return {
		title: `Delete interface ${link} in ${ns}`,
		dangerous: true,
		touches: [{ns, link, change: 'delete'}, ...gone.map((d) => ({ns: d.ns, link: d.name, change: 'delete' as const}))],
		consequences,
		steps: [{argv: ipIn(ns, 'link', 'del', 'dev', link)}],
		affects: [...new Set([ns, ...gone.map((d) => d.ns)])],
		select: {ns},
		// The kernel takes the peer along; stacked devices elsewhere are named in `gone`.
		effects: [{kind: 'deleteLink', ns, link}, ...stackedGone.map((d) => ({kind: 'deleteLink' as const, ns: d.ns, link: d.name}))],
	};
}
