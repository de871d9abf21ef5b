// `o` in the interfaces pane: from the selected interface to its other end, across namespaces — a veth's
// peer, the device a macvlan, vlan, ipvlan or vxlan sits on — and, pressed again there, back. The topology
// (model/topology.ts) has resolved both; this only follows it. Pure, so it is tested without a terminal.
import {underlayOf as underlayName} from '../model/link-kinds/index.js';
import {nsDisplayName} from '../model/netns-id.js';
import {STACKED_KINDS} from '../model/topology.js';
import type {Link, LinkRef, Netns} from '../model/types.js';
import type {AppState, Jump} from './app-state.js';
import {currentNs, lowerOf, peerOf, selectedLink, visibleLinks, visibleNamespaces} from './selectors.js';

export type OtherEnd =
	| {readonly from: LinkRef; readonly to: LinkRef; readonly what: 'peer' | 'lower' | 'back'}
	/** Nowhere to go: the sentence says why. */
	| {readonly none: string};

const refOf = (ns: Netns, link: Link): LinkRef => ({ns: ns.id, name: link.name, ifindex: link.ifindex});
const sameLink = (a: LinkRef, b: LinkRef): boolean => a.ns === b.ns && a.ifindex === b.ifindex && a.name === b.name;
const where = (ref: LinkRef): string => `${nsDisplayName(ref.ns)}/${ref.name}`;

function stillThere(state: AppState, ref: LinkRef): boolean {
	const ns = state.world?.namespaces.find((n) => n.id === ref.ns);
	return ns?.links.some((l) => l.ifindex === ref.ifindex && l.name === ref.name) ?? false;
}

/** A vxlan names the device it sends through (`dev eth0`) in its own namespace. */
function underlayOf(ns: Netns, link: Link): LinkRef | undefined {
	const name = underlayName(link);
	const lower = name === undefined ? undefined : ns.links.find((l) => l.name === name);
	return lower && refOf(ns, lower);
}

/** Where `o` goes from the selected interface, or undefined when no interface is selected. */
export function otherEnd(state: AppState): OtherEnd | undefined {
	const ns = currentNs(state);
	const link = selectedLink(state);
	if (!ns || !link) return undefined;
	const from = refOf(ns, link);
	const jump = state.jump;
	if (jump && sameLink(jump.to, from) && stillThere(state, jump.from)) return {from, to: jump.from, what: 'back'};
	const peer = peerOf(state, ns, link);
	if (peer) return {from, to: peer, what: 'peer'};
	const lower = lowerOf(state, ns, link) ?? underlayOf(ns, link);
	if (lower) return {from, to: lower, what: 'lower'};
	if (link.kind === 'veth') return {none: `${link.name}: its peer is in a namespace nsdeck cannot see`};
	if (STACKED_KINDS.has(link.kind) || link.kind === 'vxlan') return {none: `${link.name}: the device it sits on is in a namespace nsdeck cannot see`};
	return {none: `${link.name} has no other end: o is for veths and stacked devices`};
}

const SAYS: Record<'peer' | 'lower' | 'back', string> = {peer: 'the peer of', lower: 'the device under', back: 'back from'};
const GOES_BACK = ' · o goes back';

/** The state without the jump's "o goes back" once o no longer goes back (the selection moved on). */
export function dropStaleJumpNote(state: AppState): AppState {
	if (!state.message?.text.endsWith(GOES_BACK)) return state;
	const end = otherEnd(state);
	return end && 'what' in end && end.what === 'back' ? state : {...state, message: undefined};
}

/**
 * The state after going to `to`: its namespace and interface selected, the interfaces pane focused, and
 * any filter that would hide them cleared. Remembers the jump, so that `o` there comes back.
 */
export function jumpTo(state: AppState, end: {readonly from: LinkRef; readonly to: LinkRef; readonly what: 'peer' | 'lower' | 'back'}): AppState {
	const {from, to} = end;
	const jump: Jump = {from, to};
	let next: AppState = {
		...state,
		selectedNs: to.ns,
		selectedLink: {...state.selectedLink, [to.ns]: to.name},
		focus: 'interfaces',
		filtering: undefined,
		jump,
		message: {text: `${where(to)}: ${SAYS[end.what]} ${where(from)}${GOES_BACK}`, tone: 'info'},
	};
	if (!visibleNamespaces(next).some((n) => n.id === to.ns)) next = {...next, filters: {...next.filters, namespaces: ''}};
	if (!visibleLinks(next).some((l) => l.name === to.name)) next = {...next, filters: {...next.filters, interfaces: ''}};
	// The namespaces filter may still narrow the target's interfaces to others that matched it.
	if (!visibleLinks(next).some((l) => l.name === to.name)) next = {...next, filters: {...next.filters, namespaces: ''}};
	return next;
}
