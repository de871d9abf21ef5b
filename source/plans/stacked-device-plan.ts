// A new device stacked on an interface (its lower device): macvlan, macvtap, ipvlan and vlan take it as
// `link PARENT`, vxlan sends through it as `dev PARENT`. Made directly in the namespace it is meant for
// (`netns NS` in the same `ip link add`: the kernel creates it there, on a lower device in the parent's
// namespace), so nothing passes through the parent's namespace and its name only needs to be free there.
import {HOST_ID} from '../model/types.js';
import {HOST_NETNS_PATH} from './link-plans.js';
import {ipIn, type Plan, type Step} from './plan.js';

export const STACKED_KINDS = ['macvlan', 'macvtap', 'vxlan', 'vlan', 'ipvlan'] as const;
export type StackedKind = (typeof STACKED_KINDS)[number];

export const MACVLAN_MODES = ['bridge', 'private', 'vepa', 'passthru'] as const;
export const IPVLAN_MODES = ['l2', 'l3', 'l3s'] as const;
/** IANA's VXLAN port; Linux's own default (8472) predates it and does not talk to other stacks. */
export const VXLAN_PORT = 4789;

export interface StackedValues {
	readonly kind: StackedKind;
	/** The lower device and its namespace. */
	readonly parentNs: string;
	readonly parent: string;
	readonly name: string;
	/** Where the new device lives: the parent's namespace or another. */
	readonly into: string;
	readonly up: boolean;
	/** macvlan, macvtap: bridge, private, vepa, passthru; ipvlan: l2, l3, l3s. */
	readonly mode?: string;
	/** vlan: its id; vxlan: the VNI. */
	readonly id?: number;
	/** vxlan: UDP port, the other end (unicast) or the multicast group, and the local address to send from. */
	readonly dstport?: number;
	readonly remote?: string;
	readonly group?: string;
	readonly local?: string;
}

function typeArgs(v: StackedValues): string[] {
	switch (v.kind) {
		case 'macvlan':
		case 'macvtap':
		case 'ipvlan':
			return ['mode', v.mode ?? (v.kind === 'ipvlan' ? 'l2' : 'bridge')];
		case 'vlan':
			return ['id', String(v.id)];
		case 'vxlan':
			return [
				'id',
				String(v.id),
				'dev',
				v.parent,
				...(v.remote ? ['remote', v.remote] : []),
				...(v.group ? ['group', v.group] : []),
				...(v.local ? ['local', v.local] : []),
				'dstport',
				String(v.dstport ?? VXLAN_PORT),
			];
	}
}

/** The `ip link add` that makes it, in the parent's namespace (where `link`/`dev` name the parent). */
export function stackedAddArgv(v: StackedValues): string[] {
	const elsewhere = v.into !== v.parentNs;
	// The host has no /run/netns name: ip takes PID 1's namespace by path (see HOST_NETNS_PATH).
	const netns = elsewhere ? ['netns', v.into === HOST_ID ? HOST_NETNS_PATH : v.into] : [];
	const lower = v.kind === 'vxlan' ? [] : ['link', v.parent];
	return ipIn(v.parentNs, 'link', 'add', ...lower, 'name', v.name, ...netns, 'type', v.kind, ...typeArgs(v));
}

export function stackedDevicePlan(v: StackedValues): Plan {
	// Every step is undone by deleting the new device wherever it lives: nothing else was changed.
	const group = `stacked:${v.into}:${v.name}`;
	const undo = ipIn(v.into, 'link', 'del', 'dev', v.name);
	const steps: Step[] = [{argv: stackedAddArgv(v), undo, group}];
	if (v.up) steps.push({argv: ipIn(v.into, 'link', 'set', 'dev', v.name, 'up'), undo, group});
	const elsewhere = v.into !== v.parentNs;
	const consequences = [
		...(v.kind === 'vxlan' && elsewhere ? [`${v.name} lives in ${v.into}; its UDP socket (port ${v.dstport ?? VXLAN_PORT}) stays in ${v.parentNs}, on ${v.parent}`] : []),
		...(v.kind === 'vxlan' && !v.remote && !v.group ? ['no remote or group: it sends only where its forwarding database says (bridge fdb append …)'] : []),
		...(v.mode === 'passthru' ? [`passthru takes ${v.parent} whole: one such device per lower device`] : []),
	];
	return {
		title: `Add ${v.kind} ${v.name} on ${v.parent} in ${v.parentNs}${elsewhere ? `, into ${v.into}` : ''}`,
		dangerous: false,
		steps,
		consequences: consequences.length > 0 ? consequences : undefined,
		affects: [...new Set([v.parentNs, v.into])],
		select: {ns: v.into, link: v.name},
		effects: [
			// A vxlan's `dev` is the device it sends through, not a lower device it is stacked on.
			{kind: 'addLink', ns: v.into, name: v.name, type: v.kind, ...(v.kind === 'vxlan' ? {underlay: {ns: v.parentNs, name: v.parent}} : {lower: {ns: v.parentNs, name: v.parent}})},
			...(v.up ? [{kind: 'setUp' as const, ns: v.into, link: v.name, up: true}] : []),
		],
	};
}
