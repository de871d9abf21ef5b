// Move an interface, toggle it up/down, delete it.
import {HOST_ID} from '../model/types.js';
import {ipIn, type Plan} from './plan.js';

export interface MoveValues {
	readonly from: string;
	readonly link: string;
	readonly to: string;
}

/**
 * `ip link set DEV netns NS` names the target by /run/netns name; the host has none, so it is named by
 * the PID of a process in it (1 on a real host; nsdeck's own PID in the lab, whose PID 1 is outside).
 */
export function movePlan(v: MoveValues, hostNetnsRef: string): Plan {
	const target = (ns: string): string => (ns === HOST_ID ? hostNetnsRef : ns);
	return {
		title: `Move ${v.link} from ${v.from} to ${v.to}`,
		dangerous: false,
		steps: [{argv: ipIn(v.from, 'link', 'set', v.link, 'netns', target(v.to)), undo: ipIn(v.to, 'link', 'set', v.link, 'netns', target(v.from))}],
		affects: [v.from, v.to],
		select: {ns: v.to, link: v.link},
	};
}

export function togglePlan(ns: string, link: string, up: boolean): Plan {
	const state = up ? 'up' : 'down';
	return {
		title: `Set ${link} ${state} in ${ns}`,
		dangerous: false,
		steps: [{argv: ipIn(ns, 'link', 'set', link, state), undo: ipIn(ns, 'link', 'set', link, up ? 'down' : 'up')}],
		affects: [ns],
		select: {ns, link},
	};
}

export function deleteLinkPlan(ns: string, link: string, kind: string, peer?: string): Plan {
	const consequences = [`its addresses and the routes through it are removed`];
	if (kind === 'veth') consequences.unshift(`the other end${peer ? ` (${peer})` : ''} is deleted too`);
	if (kind === 'bridge') consequences.unshift('its ports are released, not deleted');
	return {
		title: `Delete interface ${link} in ${ns}`,
		dangerous: true,
		consequences,
		steps: [{argv: ipIn(ns, 'link', 'del', link)}],
		affects: peer?.includes('/') ? [ns, peer.split('/')[0]] : [ns],
		select: {ns},
	};
}
