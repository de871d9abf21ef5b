// Macvlan and macvtap (and ipvlan) on the way: a stacked device cannot reach its own parent, and siblings
// on one parent reach each other only when both are in mode bridge (private never; vepa only through a
// switch that sends the frame back; passthru allows one device per parent).
import {linkKey, type Topology} from '../topology.js';
import type {LinkRef, World} from '../types.js';
import {stackedOn} from '../stacked.js';
import type {Break} from './hop-checks.js';
import type {Place} from './places.js';

const CUT_FROM_PARENT = new Set(['macvlan', 'macvtap', 'ipvlan']);

const modeOf = (p: Place): string | undefined => (p.link.facts && 'mode' in p.link.facts ? String(p.link.facts.mode) : undefined);
const sameRef = (a: LinkRef | undefined, b: LinkRef | undefined): boolean => a !== undefined && b !== undefined && a.ns === b.ns && a.ifindex === b.ifindex;

function sibling(topology: Topology, from: Place, to: Place): Break | undefined {
	const lower = topology.lowers.get(linkKey(from.ns.id, from.link.ifindex));
	if (!CUT_FROM_PARENT.has(to.link.kind) || !sameRef(lower, topology.lowers.get(linkKey(to.ns.id, to.link.ifindex))) || !lower) return undefined;
	const [a, b] = [modeOf(from), modeOf(to)];
	if (a === 'bridge' && b === 'bridge') return undefined;
	const where = `${from.link.name} in ${from.ns.id} is a ${from.link.kind} in mode ${a ?? '?'} on ${lower.name} in ${lower.ns}`;
	const sib = `${to.link.name} in ${to.ns.id}${b !== a ? ` (mode ${b ?? '?'})` : ''}`;
	if (a === 'private' || b === 'private') return {text: `${where}: it cannot reach its sibling ${sib} (mode private never passes frames between devices on one parent; both in mode bridge do)`};
	if (a === 'vepa' || b === 'vepa') return {text: `${where}: its sibling ${sib} is reached only if the switch beyond ${lower.name} sends the frame back (hairpin); both in mode bridge talk directly`};
	return {text: `${where}: its sibling ${sib} is not reached directly (only both in mode bridge are)`};
}

/** The break when `from` (stacked) sends to its own parent or a sibling that its mode cuts it from. */
export function stackedBreak(world: World, topology: Topology, from: Place, landing: Place | undefined): Break | undefined {
	if (!CUT_FROM_PARENT.has(from.link.kind) || !landing) return undefined;
	// The parent is usually in another namespace (a pod's macvlan on the host's eth0).
	if (stackedOn(world, landing.ns.id, landing.link).some((d) => d.ns === from.ns.id && d.name === from.link.name && !d.possibly)) {
		const kind = from.link.kind;
		return {text: `${from.link.name} is a ${kind} on ${landing.link.name} in ${landing.ns.id}, which holds the target: a ${kind} cannot reach its own parent (give the parent's side a ${kind} of its own and put the address there)`};
	}
	return sibling(topology, from, landing);
}
