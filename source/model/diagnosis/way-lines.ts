// The traced way as lines for the ping panel: one per namespace the echo crosses (the route it takes, the
// interface out, the links crossed to the next namespace), then the reply's way back; the first hop that
// breaks is marked, with its evidence on the line.
import type {Hop, Trace, Way} from './path.js';
import {shortRoute} from './route-lookup.js';

export type WayMark = 'on' | 'broken' | 'arrived' | 'leaves';

export interface WayLine {
	readonly mark: WayMark;
	readonly text: string;
	/** The break's evidence, on the broken hop's line. */
	readonly evidence?: string;
	/** The first line of the reply's way. */
	readonly back?: boolean;
}

function hopText(hop: Hop, last: boolean, way: Way, address: string): string {
	const inLink = hop.inLink ? ` (in ${hop.inLink.name})` : '';
	if (last && way.arrived) return `${hop.ns.id}${inLink} holds ${address}`;
	if (!hop.route) return `${hop.ns.id}${inLink}: no route to ${address}`;
	const across = hop.across.map((p) => (p.ns.id === hop.ns.id ? p.link.name : `${p.ns.id}/${p.link.name}`));
	return `${hop.ns.id}${inLink}: ${shortRoute(hop.route)}${across.length > 0 ? ` → ${across.join(' → ')}` : ''}`;
}

/** The end of the last line of a way that leaves what nsdeck sees. */
export const BEYOND = ' → beyond what nsdeck sees';

function wayLines(way: Way, address: string, back: boolean): WayLine[] {
	return way.hops.map((hop, i) => {
		const last = i === way.hops.length - 1;
		const mark: WayMark = hop.broken ? 'broken' : last && way.arrived ? 'arrived' : last && way.leaves ? 'leaves' : 'on';
		const text = hopText(hop, last, way, address) + (mark === 'leaves' ? BEYOND : '');
		return {mark, text, evidence: hop.broken?.text, back: back && i === 0 ? true : undefined};
	});
}

/**
 * The echo's way to the target, then (when it got there) the reply's way back. A firewall that stopped the
 * echoes marks the first line of its namespace (the kernel's state let them through to it).
 */
export function traceLines(trace: Trace | undefined, firewall?: {readonly ns: string; readonly text: string}): WayLine[] {
	if (!trace) return [];
	const there = wayLines(trace.there, trace.target.address, false);
	const back = trace.back && trace.source ? wayLines(trace.back, trace.source.address, true) : [];
	const lines = [...there, ...back];
	const hops = [...trace.there.hops, ...(trace.back?.hops ?? [])];
	const at = firewall ? hops.findIndex((h) => h.ns.id === firewall.ns) : -1;
	return at < 0 ? lines : lines.map((l, i) => (i === at ? {...l, mark: 'broken', evidence: firewall?.text} : l));
}

export const WAY_MARKS: Readonly<Record<WayMark, string>> = {on: '→', broken: '✗', arrived: '✓', leaves: '…'};
