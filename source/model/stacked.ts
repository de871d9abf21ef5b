// Devices stacked on a link (macvlan, macvtap, ipvlan, vlan, vxlan with `dev`): the kernel deletes them
// with it, wherever they are. `ip -j -d` gives a stacked device its lower device as `link_index`, plus
// `link_netnsid` when the lower device is in another namespace: the nsid as the stacked device's own
// namespace numbers the lower one's. Nsids of unnamed namespaces carry no name: an unnamed nsid means the
// host when the host is the only unnamed namespace in the world; otherwise it may be another (a
// container's), and the device is listed as "possibly". Where a namespace's nsids were not read, the
// ifindex decides, and is only sure when one other namespace has a link with it.
import {hasUnderlay, underlayOf} from './link-kinds/index.js';
import {namedId} from './netns-id.js';
import {nsidResolver} from './topology.js';
import {HOST_ID, type Link, type LinkRef, type World} from './types.js';

export interface StackedDevice extends LinkRef {
	readonly kind: string;
	/** The lower device's namespace could not be told for sure (an unnamed nsid). */
	readonly possibly: boolean;
}

export function stackedOn(world: World, lowerNs: string, lower: Link): StackedDevice[] {
	const found: StackedDevice[] = [];
	const otherUnnamed = world.namespaces.some((n) => n.kind !== 'named' && n.id !== HOST_ID);
	const resolve = nsidResolver(world);
	for (const ns of world.namespaces) {
		for (const link of ns.links) {
			if (link.kind === 'veth' || link === lower) continue;
			const hint = link.peerHint;
			if (hasUnderlay(link.kind)) {
				// A vxlan's lower device is its `dev` (info_data.link), not link_index: ip gives one in the same
				// namespace no link_index, and one moved elsewhere its own ifindex with the nsid of the namespace
				// that made it, whose IFLA_VXLAN_LINK ifindex ip then names in the wrong namespace: not told.
				if (ns.id === lowerNs && hint?.netnsid === undefined && underlayOf(link) === lower.name) {
					found.push({ns: ns.id, name: link.name, ifindex: link.ifindex, kind: link.kind, possibly: false});
				}
				continue;
			}
			if (!hint) continue;
			const ref = (possibly: boolean): StackedDevice => ({ns: ns.id, name: link.name, ifindex: link.ifindex, kind: link.kind, possibly});
			if (hint.netnsid === undefined) {
				if (ns.id === lowerNs && (hint.ifindex === lower.ifindex || (hint.ifindex === undefined && hint.name === lower.name))) found.push(ref(false));
				continue;
			}
			if (ns.id === lowerNs || hint.ifindex !== lower.ifindex) continue;
			// Read by the helper: its nsids are told in the host's frame, by namespace, not by ifindex.
			if (ns.frame) {
				if (resolve(ns, hint.netnsid) === lowerNs) found.push(ref(false));
				continue;
			}
			const entry = ns.nsids.find((e) => e.nsid === hint.netnsid);
			if (entry) {
				if (entry.name !== undefined && namedId(entry.name) === lowerNs) found.push(ref(false));
				else if (entry.name === undefined && lowerNs === HOST_ID) found.push(ref(otherUnnamed));
				continue;
			}
			// This namespace's nsids were not read (only the host's are, at scale): the lower device is the
			// link with that ifindex in another namespace, for sure when only one namespace has one.
			const holders = world.namespaces.filter((m) => m.id !== ns.id && m.links.some((l) => l.ifindex === hint.ifindex && l.kind !== 'loopback'));
			if (holders.some((m) => m.id === lowerNs)) found.push(ref(holders.length > 1));
		}
	}
	return found;
}

export function stackedText(devices: readonly StackedDevice[], viewerNs: string): string {
	return devices.map((d) => `${d.ns === viewerNs ? d.name : `${d.ns}/${d.name}`} (${d.kind}${d.possibly ? ', possibly' : ''})`).join(', ');
}
