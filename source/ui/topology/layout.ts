// The topology map as lines of text, from the world alone (pure: golden-frame tests need no terminal).
//
// Namespaces are boxes stacked in one column, neighbours first (see namespaceOrder), one interface a row.
// Each veth pair is a line on the right that joins the rows of its two ends, in its own lane so any graph
// can be drawn without lines running into each other; where a line crosses another lane it passes under
// it (the lane's │ is kept), so lines meet only at corners. A device stacked on another (macvlan, vlan)
// is joined to it the same way, dotted and with round corners (┈ ┊ ╮ ╯), unlike a veth pair. Each bridge
// is a hub of double lines on the left, joining the bridge's row to its ports' rows (ports are listed
// right under their bridge); a bond's hub is heavy (┏ ┣ ┗), a vrf's or team's rounded (╭ ├ ╰).
// A link that is down is drawn with dashes (╌ ┆), and its row says DOWN: readable without colour. A link
// that carries traffic (the live rates of the selected namespace) ends its row with ⇅, and its veth line
// is heavy (━ ┃ ┓ ┛).
import {factsText, linkStateLabel} from '../../model/format.js';
import {hasUnderlay} from '../../model/link-kinds/index.js';
import {namespaceHeading} from '../../model/netns-label.js';
import {topologyEdges, namespaceOrder, type Edges} from '../../model/topology-edges.js';
import {formatPeer, linkKey, type Topology} from '../../model/topology.js';
import type {Link, LinkRef, Netns, World} from '../../model/types.js';
import {fit} from '../list-window.js';
import {nsDisplayName} from '../../model/netns-id.js';
import {shortenMiddle} from '../../model/shorten-middle.js';
import {padWidth, textWidth} from '../../model/text-width.js';
import {TextCanvas} from './text-canvas.js';

export interface MapBox {
	readonly id: string;
	readonly top: number;
	readonly height: number;
	readonly left: number;
	readonly width: number;
}

export interface TopologyMap {
	readonly lines: readonly string[];
	/** Widest line: how far the map can be panned to the right. */
	readonly width: number;
	readonly boxes: readonly MapBox[];
	/** `3 namespaces · 2 veth pairs · 1 bridge`. */
	readonly summary: string;
	/** The line each interface is drawn on, by linkKey: where a tunnel to another server starts (fleet-map.ts). */
	readonly linkRows?: ReadonlyMap<string, number>;
}

export interface MapOptions {
	/** Namespace drawn with a double border. */
	readonly selected?: string;
	/** Columns available: boxes shrink (cutting rows with …) to keep the lines in view, down to a minimum. */
	readonly width?: number;
	/** linkKeys of the interfaces that carry traffic now (from the rates read: model/traffic/rates.ts isBusy). */
	readonly busy?: ReadonlySet<string>;
}

/** Ends a row whose interface carries traffic; the legend says it. */
export const BUSY_MARK = '⇅';
/** What the mark adds to a row: a space and the mark. */
const MARK_ROOM = 1 + textWidth(BUSY_MARK);

interface Row {
	readonly text: string;
	/** linkKey of the interface on this row; absent for notes such as "(no interfaces)". */
	readonly key?: string;
	/** It carries traffic: `text` ends with BUSY_MARK, which a row cut short keeps. */
	readonly busy?: boolean;
	/** The part this row plays in a hub (a bridge's, a bond's, a vrf's): its corner, line and tap characters. */
	readonly hub?: {readonly corner: string; readonly line: string; readonly tap: string; readonly up: boolean};
}

/** How each kind of hub is drawn: top, middle and bottom corners, its line, and where it meets the box. */
const HUB_STYLES: Readonly<Record<string, {readonly top: string; readonly middle: string; readonly bottom: string; readonly line: string; readonly tap: string}>> = {
	// A bridge meets its box as the box's border allows (╡ on a single line, ╣ on a double one).
	bridge: {top: '╔', middle: '╠', bottom: '╚', line: '═', tap: ''},
	bond: {top: '┏', middle: '┣', bottom: '┗', line: '━', tap: '┫'},
	team: {top: '┏', middle: '┣', bottom: '┗', line: '━', tap: '┫'},
	vrf: {top: '╭', middle: '├', bottom: '╰', line: '─', tap: '┤'},
};

/** A bridge's ports, or a bond's, vrf's or team's members. */
const hubMembers = (topology: Topology, key: string): readonly LinkRef[] => topology.ports.get(key) ?? topology.members.get(key) ?? [];

interface Columns {
	readonly name: number;
	readonly kind: number;
	readonly state: number;
	readonly addresses: number;
}

const MIN_INNER = 24;
const LANE_GAP = 3;

const SINGLE = {tl: '┌', tr: '┐', bl: '└', br: '┘', h: '─', v: '│', tapRight: '├', tapHub: '╡'};
const DOUBLE = {tl: '╔', tr: '╗', bl: '╚', br: '╝', h: '═', v: '║', tapRight: '╟', tapHub: '╣'};

/** Addresses worth a place on the map: not link-local IPv6, and not lo's 127.0.0.1 / ::1 (always there). */
const mapAddresses = (link: Link): string =>
	link.addresses
		.filter((a) => a.scope !== 'host' && !(a.family === 6 && a.scope === 'link'))
		.map((a) => a.cidr)
		.join(' ');

/** Interfaces in the world's order, except that each bridge's ports follow it, so its hub is one run of rows. */
function orderedLinks(ns: Netns, topology: Topology): Link[] {
	const portOf = new Set<number>();
	for (const link of ns.links) for (const p of hubMembers(topology, linkKey(ns.id, link.ifindex))) portOf.add(p.ifindex);
	const order: Link[] = [];
	for (const link of ns.links) {
		if (portOf.has(link.ifindex)) continue;
		order.push(link);
		for (const p of hubMembers(topology, linkKey(ns.id, link.ifindex))) {
			const port = ns.links.find((l) => l.ifindex === p.ifindex);
			if (port) order.push(port);
		}
	}
	return order;
}

function columnsOf(world: World): Columns {
	const links = world.namespaces.flatMap((n) => n.links);
	const widest = (f: (l: Link) => string): number => Math.max(0, ...links.map((l) => textWidth(f(l))));
	return {name: widest((l) => l.name), kind: widest((l) => l.kind), state: widest(linkStateLabel), addresses: widest(mapAddresses)};
}

function rowsOf(ns: Netns, topology: Topology, columns: Columns, busy: ReadonlySet<string>): Row[] {
	const rows: Row[] = [];
	if (ns.error) rows.push({text: `cannot read: ${ns.error}`});
	const links = orderedLinks(ns, topology);
	for (const [i, link] of links.entries()) {
		const key = linkKey(ns.id, link.ifindex);
		const peer = topology.peers.get(key);
		const lower = topology.lowers.get(key);
		// A vxlan says its id, remote and dev; its underlay elsewhere too (ip names that dev `if3`).
		const underlay = hasUnderlay(link.kind) ? [factsText(link), ...(lower && lower.ns !== ns.id ? [`on ${formatPeer(lower, ns.id)}`] : [])].join(' ') : undefined;
		const relation = link.kind === 'veth' ? `→ ${peer ? formatPeer(peer, ns.id) : '?'}` : (underlay ?? (lower ? `on ${formatPeer(lower, ns.id)}` : ''));
		const cells = [
			padWidth(link.name, columns.name),
			padWidth(link.kind, columns.kind),
			padWidth(linkStateLabel(link), columns.state),
			padWidth(mapAddresses(link), columns.addresses),
			relation,
		];
		const text = cells.join('  ').trimEnd();
		rows.push({text: busy.has(key) ? `${text} ${BUSY_MARK}` : text, key, busy: busy.has(key), hub: hubPart(ns, links, i, topology)});
	}
	if (rows.length === 0) rows.push({text: '(no interfaces)'});
	return rows;
}

/** Where row `i` sits in a hub: the bridge, bond or vrf (top), a member (middle), or the last one (bottom). */
function hubPart(ns: Netns, links: readonly Link[], i: number, topology: Topology): Row['hub'] {
	const link = links[i];
	const own = hubMembers(topology, linkKey(ns.id, link.ifindex));
	const ownStyle = HUB_STYLES[link.kind];
	if (ownStyle && own.length > 0) return {corner: ownStyle.top, line: ownStyle.line, tap: ownStyle.tap, up: linkStateLabel(link) === 'UP'};
	const hub = link.master === undefined ? undefined : links.find((l) => l.name === link.master);
	const style = hub && HUB_STYLES[hub.kind];
	if (!hub || !style) return undefined;
	const members = hubMembers(topology, linkKey(ns.id, hub.ifindex));
	if (!members.some((m) => m.ifindex === link.ifindex)) return undefined;
	const up = linkStateLabel(hub) === 'UP' && linkStateLabel(link) === 'UP';
	return {corner: members.at(-1)?.ifindex === link.ifindex ? style.bottom : style.middle, line: style.line, tap: style.tap, up};
}

interface Span {
	readonly top: number;
	readonly bottom: number;
	readonly up: boolean;
	/** A stacked device to its lower device, drawn dotted, rather than a veth pair. */
	readonly stacked?: boolean;
	/** Either end carries traffic: drawn heavy. */
	readonly busy?: boolean;
}

/** Lanes for the veth lines: shortest first and innermost, each in the first lane where it overlaps nothing. */
function assignLanes(spans: readonly Span[]): Span[][] {
	const lanes: Span[][] = [];
	const sorted = [...spans].sort((x, y) => x.bottom - x.top - (y.bottom - y.top) || x.top - y.top);
	for (const span of sorted) {
		const free = lanes.find((lane) => lane.every((s) => s.bottom < span.top || s.top > span.bottom));
		if (free) free.push(span);
		else lanes.push([span]);
	}
	return lanes;
}

function summaryOf(world: World, edges: Edges): string {
	const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
	const bridges = new Set(edges.ports.map((p) => `${p.bridge.ns}#${p.bridge.ifindex}`)).size;
	const groups = new Set(edges.members.map((m) => `${m.group.ns}#${m.group.ifindex}`)).size;
	return [
		count(world.namespaces.length, 'namespace'),
		count(edges.veths.length, 'veth pair'),
		count(bridges, 'bridge'),
		...(groups > 0 ? [count(groups, 'bond or vrf', 'bonds or vrfs')] : []),
		...(edges.stacked.length > 0 ? [count(edges.stacked.length, 'stacked device')] : []),
	].join(' · ');
}

/**
 * A box's title in `room` characters: the label is cut first (at its end); a name that does not fit alone
 * is cut in the middle, so that cni-<uuid> boxes stay apart.
 */
function boxTitle(heading: string, name: string, room: number): string {
	if (textWidth(heading) <= room) return heading;
	return textWidth(name) + 2 <= room ? fit(heading, room) : shortenMiddle(name, room);
}

export function layoutTopology(world: World, topology: Topology, options: MapOptions = {}): TopologyMap {
	const edges = topologyEdges(world, topology);
	const columns = columnsOf(world);
	const namespaces = namespaceOrder(world, edges);
	const busy = options.busy ?? new Set<string>();
	const boxRows = namespaces.map((ns) => rowsOf(ns, topology, columns, busy));

	// Rows first: where each box and each interface sits does not depend on widths.
	const rowOf = new Map<string, number>();
	const tops: number[] = [];
	let y = 0;
	for (const rows of boxRows) {
		tops.push(y);
		rows.forEach((row, i) => row.key && rowOf.set(row.key, y + 1 + i));
		y += rows.length + 3; // two border lines and a blank line between boxes
	}
	const spans: Span[] = [];
	for (const edge of edges.veths) {
		const [keyA, keyB] = [linkKey(edge.a.ns, edge.a.ifindex), linkKey(edge.b.ns, edge.b.ifindex)];
		const a = rowOf.get(keyA);
		const b = rowOf.get(keyB);
		if (a !== undefined && b !== undefined) spans.push({top: Math.min(a, b), bottom: Math.max(a, b), up: edge.up, busy: edge.up && (busy.has(keyA) || busy.has(keyB))});
	}
	for (const edge of edges.stacked) {
		const a = rowOf.get(linkKey(edge.upper.ns, edge.upper.ifindex));
		const b = rowOf.get(linkKey(edge.lower.ns, edge.lower.ifindex));
		if (a !== undefined && b !== undefined && a !== b) spans.push({top: Math.min(a, b), bottom: Math.max(a, b), up: edge.up, stacked: true});
	}
	const lanes = assignLanes(spans);

	// Then widths: one width for every box, so the lanes line up.
	const margin = boxRows.some((rows) => rows.some((r) => r.hub)) ? 2 : 0;
	// Every link's row has room for the busy mark, so the boxes keep their width as traffic starts and stops.
	const rowWidth = (r: Row): number => textWidth(r.text) + (r.key !== undefined && !r.busy ? MARK_ROOM : 0);
	const natural = Math.max(0, ...boxRows.flat().map(rowWidth), ...namespaces.map((n) => textWidth(n.id) + 4));
	const lanesWidth = LANE_GAP * lanes.length;
	const over = options.width === undefined ? 0 : margin + natural + 4 + lanesWidth - options.width;
	const inner = over > 0 ? Math.max(natural - over, MIN_INNER) : natural;
	const boxWidth = inner + 4;
	const right = margin + boxWidth - 1;

	const canvas = new TextCanvas();
	const boxes: MapBox[] = [];
	namespaces.forEach((ns, n) => {
		const top = tops[n];
		const rows = boxRows[n];
		const line = ns.id === options.selected ? DOUBLE : SINGLE;
		// A dry run's planned namespace, or one with planned changes (state/planned-state.ts).
		const heading = `${namespaceHeading(ns)}${ns.planned ? ' · planned' : ''}`;
		const room = Math.max(boxWidth - 5, 4);
		const title = `${line.h} ${boxTitle(heading, nsDisplayName(ns.id), room)} `;
		canvas.write(top, margin, line.tl + title + line.h.repeat(Math.max(boxWidth - 2 - textWidth(title), 0)) + line.tr);
		rows.forEach((row, i) => {
			const r = top + 1 + i;
			const text = row.busy && textWidth(row.text) > inner ? `${fit(row.text.slice(0, -BUSY_MARK.length - 1), inner - 2)} ${BUSY_MARK}` : fit(row.text, inner);
			canvas.write(r, margin, `${line.v} ${text} ${line.v}`);
			if (row.hub) {
				canvas.write(r, 0, row.hub.corner + (row.hub.up ? row.hub.line : '╌'));
				canvas.put(r, margin, row.hub.tap || line.tapHub);
			}
			if (row.key && spans.some((s) => s.top === r || s.bottom === r)) canvas.put(r, right, line.tapRight);
		});
		const bottom = top + rows.length + 1;
		canvas.write(bottom, margin, line.bl + line.h.repeat(boxWidth - 2) + line.br);
		boxes.push({id: ns.id, top, height: rows.length + 2, left: margin, width: boxWidth});
	});

	// Verticals of every lane first, so that the horizontal runs drawn next can pass under them.
	lanes.forEach((lane, i) => {
		const column = right + LANE_GAP * (i + 1);
		for (const span of lane) for (let r = span.top + 1; r < span.bottom; r++) canvas.put(r, column, span.stacked ? '┊' : span.busy ? '┃' : span.up ? '│' : '┆');
	});
	lanes.forEach((lane, i) => {
		const column = right + LANE_GAP * (i + 1);
		for (const span of lane) {
			const corners = span.stacked ? (['╮', '╯'] as const) : span.busy ? (['┓', '┛'] as const) : (['┐', '┘'] as const);
			for (const [r, corner] of [[span.top, corners[0]], [span.bottom, corners[1]]] as const) {
				for (let c = right + 1; c < column; c++) if (canvas.at(r, c) === ' ') canvas.put(r, c, span.stacked ? '┈' : span.busy ? '━' : span.up ? '─' : '╌');
				canvas.put(r, column, corner);
			}
		}
	});

	const lines = canvas.lines();
	return {lines, width: Math.max(0, ...lines.map(textWidth)), boxes, summary: summaryOf(world, edges), linkRows: rowOf};
}
