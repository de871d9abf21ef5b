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

type NsidResolver = ReturnType<typeof nsidResolver>;
import {HOST_ID, type Link, type LinkRef, type Netns, type World} from './types.js';

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
			const ref = (possibly: boolean): StackedDevice => ({ns: ns.id, name: link.name, ifindex: link.ifindex, kind: link.kind, possibly});
			const hint = link.peerHint;
			if (hasUnderlay(link.kind)) {
				// A vxlan's lower device is its `dev` (info_data.link), not link_index. In its own namespace ip
				// names it; moved elsewhere, the underlay stays in the namespace that made it (link_netnsid),
				// which ip cannot name from here and prints as `ifN`: ifindex N over there.
				const underlay = underlayOf(link);
				if (hint?.netnsid === undefined) {
					if (ns.id === lowerNs && underlay === lower.name) found.push(ref(false));
					continue;
				}
				const index = /^if(\d+)$/.exec(underlay ?? '')?.[1];
				if (index !== undefined && ns.id !== lowerNs && Number(index) === lower.ifindex) {
					const home = elsewhere(world, ns, hint.netnsid, lowerNs, Number(index), otherUnnamed, resolve);
					if (home !== undefined) found.push(ref(home));
				}
				continue;
			}
			if (!hint) continue;
			if (hint.netnsid === undefined) {
				if (ns.id === lowerNs && (hint.ifindex === lower.ifindex || (hint.ifindex === undefined && hint.name === lower.name))) found.push(ref(false));
				continue;
			}
			if (ns.id === lowerNs || hint.ifindex !== lower.ifindex) continue;
			const home = elsewhere(world, ns, hint.netnsid, lowerNs, hint.ifindex, otherUnnamed, resolve);
			if (home !== undefined) found.push(ref(home));
		}
	}
	return found;
}

/**
 * Whether nsid `netnsid`, as namespace `ns` numbers it, is `lowerNs`, where a link with `ifindex` is:
 * false when sure, true when possibly (an unnamed nsid, or the ifindex in more than one namespace),
 * undefined when not.
 */
function elsewhere(world: World, ns: Netns, netnsid: number, lowerNs: string, ifindex: number | undefined, otherUnnamed: boolean, resolve: NsidResolver): boolean | undefined {
	// Read by the helper: its nsids are told in the host's frame, by namespace, not by ifindex.
	if (ns.frame) return resolve(ns, netnsid) === lowerNs ? false : undefined;
	const entry = ns.nsids.find((e) => e.nsid === netnsid);
	if (entry) {
		if (entry.name !== undefined && namedId(entry.name) === lowerNs) return false;
		if (entry.name === undefined && lowerNs === HOST_ID) return otherUnnamed;
		return undefined;
	}
	// This namespace's nsids were not read (only the host's are, at scale): the lower device is the
	// link with that ifindex in another namespace, for sure when only one namespace has one.
	const holders = world.namespaces.filter((m) => m.id !== ns.id && m.links.some((l) => l.ifindex === ifindex && l.kind !== 'loopback'));
	return holders.some((m) => m.id === lowerNs) ? holders.length > 1 : undefined;
}

export function stackedText(devices: readonly StackedDevice[], viewerNs: string): string {
	return devices.map((d) => `${d.ns === viewerNs ? d.name : `${d.ns}/${d.name}`} (${d.kind}${d.possibly ? ', possibly' : ''})`).join(', ');
}

/**
 * Namespaces holding a device whose lower device (or underlay) is in another namespace: deleting or
 * changing that one can take it along, so a plan's reads of the kernel cover them too.
 */
export function namespacesLeaningElsewhere(world: World): string[] {
	return world.namespaces.filter((ns) => ns.links.some((l) => l.kind !== 'veth' && l.peerHint?.netnsid !== undefined)).map((ns) => ns.id);
}

/**
 * Tunnels (vxlan) that send from `address` of namespace `ns`, wherever they now are: deleting the address
 * leaves them unable to send, and the kernel says nothing.
 */
export function sendingFrom(world: World, ns: string, address: string): StackedDevice[] {
	const otherUnnamed = world.namespaces.some((n) => n.kind !== 'named' && n.id !== HOST_ID);
	const resolve = nsidResolver(world);
	return world.namespaces.flatMap((holder) =>
		holder.links.flatMap((link): StackedDevice[] => {
			const facts = link.facts;
			if (facts?.kind !== 'vxlan' || facts.local !== address) return [];
			const netnsid = link.peerHint?.netnsid;
			const index = /^if(\d+)$/.exec(facts.underlay ?? '')?.[1];
			const possibly = netnsid === undefined ? (holder.id === ns ? false : undefined) : elsewhere(world, holder, netnsid, ns, index === undefined ? undefined : Number(index), otherUnnamed, resolve);
			return possibly === undefined ? [] : [{ns: holder.id, name: link.name, ifindex: link.ifindex, kind: link.kind, possibly}];
		}),
	);
}
