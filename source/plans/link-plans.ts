// Move an interface, toggle it up/down, delete it.
import {HOST_ID} from '../model/types.js';
import {ipIn, type Plan} from './plan.js';

export interface MoveValues {
	readonly from: string;
	readonly link: string;
	readonly to: string;
}

/**
 * How `ip link set DEV netns …` names the host, which has no /run/netns name: by the path of PID 1's
 * namespace. Not by a PID: ip looks a word up as a namespace name first, so a namespace named `1` would
 * take the interface, and a PID other than 1 means nothing once nsdeck has exited (an exported script).
 * The lab runs in its own PID namespace, so there too PID 1 lives in the lab's host.
 */
export const HOST_NETNS_PATH = '/proc/1/ns/net';

export function movePlan(v: MoveValues): Plan {
	const target = (ns: string): string => (ns === HOST_ID ? HOST_NETNS_PATH : ns);
	return {
		title: `Move ${v.link} from ${v.from} to ${v.to}`,
		dangerous: false,
		destructive: true,
		touches: [{ns: v.from, link: v.link, change: 'move'}],
		steps: [{argv: ipIn(v.from, 'link', 'set', 'dev', v.link, 'netns', target(v.to)), undo: ipIn(v.to, 'link', 'set', 'dev', v.link, 'netns', target(v.from))}],
		affects: [v.from, v.to],
		select: {ns: v.to, link: v.link},
	};
}

/** `ipv6Addresses`: the link's global IPv6 addresses, which the kernel drops when it goes down. */
export function togglePlan(ns: string, link: string, up: boolean, ipv6Addresses: readonly string[] = []): Plan {
	const state = up ? 'up' : 'down';
	const lost = !up && ipv6Addresses.length > 0;
	return {
		title: `Set ${link} ${state} in ${ns}`,
		dangerous: false,
		destructive: !up,
		touches: up ? [] : [{ns, link, change: 'down'}],
		consequences: lost ? [`the kernel removes its IPv6 addresses when it goes down: ${ipv6Addresses.join(', ')}`] : undefined,
		steps: [{argv: ipIn(ns, 'link', 'set', 'dev', link, state), undo: ipIn(ns, 'link', 'set', 'dev', link, up ? 'down' : 'up')}],
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
		touches: [{ns, link, change: 'delete'}],
		consequences,
		steps: [{argv: ipIn(ns, 'link', 'del', 'dev', link)}],
		affects: peer?.includes('/') ? [ns, peer.split('/')[0]] : [ns],
		select: {ns},
	};
}
