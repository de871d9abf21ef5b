// What the kernel will change by itself when a plan runs, predicted from the world and the plan's effects,
// for the preview (state/form/form-facts.ts adds the lines to the plan's consequences) and for the run
// (kernel-explained.ts does not call them unexpected). Measured on Linux 6.18 (test/kernel/plan-predicted):
// - a bridge whose MAC was not set by hand takes the lowest MAC of its ports, 00:00:00:00:00:00 with none;
// - lowering a device's MTU lowers the MTU of macvlan, macvtap, ipvlan and vlan devices on it that are
//   above it (raising it again does not raise theirs; a vxlan keeps its own);
// - an IPv6 route with an mtu through the device drops to a lower MTU, and rises with the device when its
//   mtu was the device's (IPv4 routes keep theirs).
import type {PlannedEffect, PredictedChange} from '../model/planned-effect.js';
import {stackedOn} from '../model/stacked.js';
import type {Link, Netns, World} from '../model/types.js';
import {findNs} from '../model/validate.js';
import type {Plan} from './plan.js';

const NO_MAC = '00:00:00:00:00:00';
const FOLLOWS_LOWER_MTU = new Set(['macvlan', 'macvtap', 'ipvlan', 'ipvtap', 'vlan']);

const lowest = (macs: readonly string[]): string => [...macs].map((m) => m.toLowerCase()).sort()[0] ?? NO_MAC;

/**
 * A bridge follows its ports unless its MAC was set by hand: with ports, it follows when its MAC is their
 * lowest now; with none, nothing tells, and the kernel's default (follow) is assumed.
 */
function bridgeMacAfter(ns: Netns, bridge: Link, ports: readonly string[]): PredictedChange | undefined {
	const now = ns.links.filter((l) => l.master === bridge.name).map((l) => l.mac);
	if (now.length > 0 && lowest(now) !== bridge.mac.toLowerCase()) return undefined;
	const to = lowest(ports);
	return to === bridge.mac.toLowerCase() ? undefined : {kind: 'linkField', ns: ns.id, link: bridge.name, field: 'mac', from: bridge.mac, to};
}

/** The bridge's ports' MACs once `link` joins (with `mac`), leaves (undefined) or changes its MAC. */
function portsWith(ns: Netns, bridge: Link, link: string, mac: string | undefined): string[] {
	const others = ns.links.filter((l) => l.master === bridge.name && l.name !== link).map((l) => l.mac);
	return mac === undefined ? others : [...others, mac];
}

function bridgeOf(ns: Netns, link: Link | undefined): Link | undefined {
	const bridge = link?.master ? ns.links.find((l) => l.name === link.master) : undefined;
	return bridge?.kind === 'bridge' ? bridge : undefined;
}

function mtuChanges(world: World, ns: Netns, link: Link, to: number): PredictedChange[] {
	const out: PredictedChange[] = [];
	if (to < link.mtu) {
		for (const d of stackedOn(world, ns.id, link)) {
			const upper = findNs(world, d.ns)?.links.find((l) => l.ifindex === d.ifindex);
			if (upper && FOLLOWS_LOWER_MTU.has(upper.kind) && upper.mtu > to) out.push({kind: 'linkField', ns: d.ns, link: upper.name, field: 'mtu', from: String(upper.mtu), to: String(to)});
		}
	}
	for (const r of ns.routes) {
		const mtu = Number(r.metrics?.mtu);
		if (r.family !== 6 || r.dev !== link.name || !Number.isFinite(mtu) || mtu <= 0) continue;
		if (to < mtu || (to > link.mtu && mtu === link.mtu)) out.push({kind: 'routeMtu', ns: ns.id, dst: r.dst, dev: link.name, from: mtu, to});
	}
	return out;
}

function predictOne(world: World, e: PlannedEffect): PredictedChange[] {
	if (!('ns' in e)) return [];
	const ns = findNs(world, e.ns);
	if (!ns) return [];
	const linkName = 'link' in e ? e.link : undefined;
	const link = linkName ? ns.links.find((l) => l.name === linkName) : undefined;
	if (!link) return [];
	switch (e.kind) {
		case 'setMaster': {
			const joined = e.master ? ns.links.find((l) => l.name === e.master && l.kind === 'bridge') : undefined;
			if (joined) return [bridgeMacAfter(ns, joined, portsWith(ns, joined, link.name, link.mac))].filter((c) => c !== undefined);
			const left = bridgeOf(ns, link);
			return left ? [bridgeMacAfter(ns, left, portsWith(ns, left, link.name, undefined))].filter((c) => c !== undefined) : [];
		}
		case 'deleteLink':
		case 'moveLink': {
			const left = bridgeOf(ns, link);
			return left ? [bridgeMacAfter(ns, left, portsWith(ns, left, link.name, undefined))].filter((c) => c !== undefined) : [];
		}
		case 'setLink': {
			const out = e.mtu !== undefined && e.mtu !== link.mtu ? mtuChanges(world, ns, link, e.mtu) : [];
			const bridge = e.mac !== undefined ? bridgeOf(ns, link) : undefined;
			const mac = bridge && e.mac !== undefined ? bridgeMacAfter(ns, bridge, portsWith(ns, bridge, link.name, e.mac)) : undefined;
			return mac ? [...out, mac] : out;
		}
		default:
			return [];
	}
}

export function predictedText(c: PredictedChange): string {
	if (c.kind === 'routeMtu') return `the kernel sets the mtu of IPv6 route ${c.dst} dev ${c.dev} in ${c.ns} from ${c.from} to ${c.to}, with its link's`;
	if (c.field === 'mac') return `bridge ${c.link} in ${c.ns} takes the MAC ${c.to} (was ${c.from}): a bridge has the lowest MAC of its ports${c.to === NO_MAC ? ', none when it has no port' : ''}`;
	return `${c.link} in ${c.ns} follows its lower device down: its MTU goes from ${c.from} to ${c.to} (and stays there when the lower device's rises again)`;
}

/** The plan with what the kernel will change by itself, in `predicted` and said in its consequences. */
export function withPredicted<P extends Plan>(world: World, plan: P): P {
	const predicted = (plan.effects ?? []).flatMap((e) => predictOne(world, e));
	if (predicted.length === 0) return plan;
	return {...plan, predicted, consequences: [...(plan.consequences ?? []), ...predicted.map(predictedText)]};
}
