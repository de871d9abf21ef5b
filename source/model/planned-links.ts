// Links as a dry run imitates the kernel: link keys, flags, and the operstate planned links would report.
// Pure.
import {linkKey} from './topology.js';
import type {Link, Netns} from './types.js';

/** The namespace id in a link key (`ns#ifindex`); ids may hold '#', ifindexes never. */
export const keyNs = (key: string): string => key.slice(0, key.lastIndexOf('#'));
export const keyIfindex = (key: string): number => Number(key.slice(key.lastIndexOf('#') + 1));

export const withFlag = (flags: readonly string[], flag: string, on: boolean): string[] => [...flags.filter((f) => f !== flag), ...(on ? [flag] : [])];

/**
 * A planned namespace with the operstate the kernel would report for its planned links: a veth is up only
 * when both ends are, a bridge only with a port up. `peerOf` gives a link's veth peer by link key.
 */
export function settledNamespace(id: string, ns: Netns, peerOf: (key: string) => Link | undefined): Netns {
	const links = ns.links.map((link) => {
		const peer = peerOf(linkKey(id, link.ifindex));
		if (!link.planned && !peer?.planned) return link;
		let carrier = true;
		if (link.kind === 'veth') carrier = peer?.adminUp === true;
		if (link.kind === 'bridge') carrier = ns.links.some((l) => l.master === link.name && l.adminUp && !l.noCarrier);
		const state = !link.adminUp ? 'DOWN' : link.kind === 'loopback' ? 'UNKNOWN' : carrier ? 'UP' : link.kind === 'veth' ? 'LOWERLAYERDOWN' : 'DOWN';
		return {...link, state, noCarrier: link.adminUp && !carrier, flags: withFlag(link.flags, 'NO-CARRIER', link.adminUp && !carrier)};
	});
	// Routes through a link without carrier stay, flagged linkdown, as `ip route` shows them.
	const down = new Set(links.filter((l) => l.noCarrier).map((l) => l.name));
	const routes = ns.routes.map((r) => {
		const flagged = r.dev !== undefined && down.has(r.dev);
		return flagged === r.flags.includes('linkdown') ? r : {...r, flags: withFlag(r.flags, 'linkdown', flagged)};
	});
	return {...ns, links, routes};
}
