// Making one declared link of a world file, with the plan builder its kind has: a veth pair with each end
// in its namespace, a bridge, a device stacked on a lower one (macvlan, macvtap, vxlan), and the kinds
// no form makes (tun, tap, dummy, a vxlan with no underlay), which are made here.
import {VXLAN_PORT} from '../model/link-kinds/creation.js';
import {words} from '../model/link-kinds/kind.js';
import type {DeclaredLink, LinkPlace} from '../model/world-file/types.js';
import {bridgePlan} from './bridge-plans.js';
import {ipIn, type Plan} from './plan.js';
import {stackedDevicePlan} from './stacked-device-plan.js';
import {vethPlan} from './veth-plan.js';

/** A link made by one `ip … add` whose undo deletes it. */
function simplePlan(ns: string, link: DeclaredLink, add: string[], del: string[]): Plan {
	return {
		title: `Add ${link.kind ?? 'link'} ${link.name} in ${ns}`,
		dangerous: false,
		steps: [{argv: ipIn(ns, ...add), undo: ipIn(ns, ...del)}],
		affects: [ns],
		select: {ns, link: link.name},
		effects: [{kind: 'addLink', ns, name: link.name, type: link.kind ?? 'device'}],
	};
}

/** The plan that makes `link` in `ns`; for a veth, both ends (the caller asks once per pair). */
export function makeLinkPlan(ns: string, link: DeclaredLink, lower?: LinkPlace): Plan {
	switch (link.kind) {
		case 'veth': {
			const peer = link.peer ?? {ns, name: link.name};
			return vethPlan({name1: link.name, ns1: ns, address1: '', name2: peer.name, ns2: peer.ns, address2: '', up: false});
		}
		case 'bridge':
			return bridgePlan({name: link.name, ns, address: '', up: false});
		case 'tun':
		case 'tap':
			return simplePlan(ns, link, ['tuntap', 'add', 'dev', link.name, 'mode', link.kind], ['tuntap', 'del', 'dev', link.name, 'mode', link.kind]);
		case 'dummy':
			return simplePlan(ns, link, ['link', 'add', 'name', link.name, 'type', 'dummy'], ['link', 'del', 'dev', link.name]);
		case 'vxlan':
			if (!lower) {
				const args = ['id', String(link.id), ...words('remote', link.remote), ...words('group', link.group), ...words('local', link.local), 'dstport', String(link.port ?? VXLAN_PORT)];
				return simplePlan(ns, link, ['link', 'add', 'name', link.name, 'type', 'vxlan', ...args], ['link', 'del', 'dev', link.name]);
			}
			return stackedDevicePlan({kind: 'vxlan', parentNs: lower.ns, parent: lower.name, name: link.name, into: ns, up: false, id: link.id, dstport: link.port, remote: link.remote, group: link.group, local: link.local});
		case 'macvlan':
		case 'macvtap':
		case 'ipvlan':
		case 'vlan':
			if (!lower) throw new Error(`${link.name}: a ${link.kind} needs its lower device`);
			return stackedDevicePlan({kind: link.kind, parentNs: lower.ns, parent: lower.name, name: link.name, into: ns, up: false, mode: link.mode, id: link.id});
		default:
			throw new Error(`${link.name}: nsdeck does not make ${link.kind ?? 'external'} links`);
	}
}
