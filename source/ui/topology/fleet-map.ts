// The map of several servers (`--host h1 --host h2`): each server's map (layout.ts) under a heading with
// its name, one after another, and each tunnel between servers (model/host-tunnels.ts) as a double line in
// a lane of its own on the right, joining the rows of its two ends; dashed when something keeps it from
// working, and said in words below the map. Only the active server's boxes take the map's cursor: Enter
// selects a namespace of the world the app holds.
import {hostTunnelText, type HostTunnel} from '../../model/host-tunnels.js';
import {buildTopology, linkKey, type Topology} from '../../model/topology.js';
import type {World} from '../../model/types.js';
import {textWidth} from '../../model/text-width.js';
import {layoutTopology, type MapBox, type MapOptions, type TopologyMap} from './layout.js';
import {TextCanvas} from './text-canvas.js';

export interface FleetMapHost {
	readonly host: string;
	/** Undefined while it has not been read. */
	readonly world?: World;
}

export interface FleetMapInput {
	readonly hosts: readonly FleetMapHost[];
	readonly active: number;
	readonly tunnels: readonly HostTunnel[];
}

const LANE_GAP = 3;

export function fleetMap({hosts, active, tunnels}: FleetMapInput, activeTopology: Topology, options: MapOptions): TopologyMap {
	const canvas = new TextCanvas();
	const boxes: MapBox[] = [];
	const rowOf = new Map<string, number>();
	let summary = '';
	let y = 0;
	// The boxes shrink to leave the tunnels' lanes in view too.
	const width = options.width === undefined ? undefined : options.width - LANE_GAP * tunnels.length - 1;
	hosts.forEach(({host, world}, k) => {
		canvas.write(y, 0, `━━ ${host}${k === active ? ' (selected)' : ''}${world ? '' : ' reading…'} ━━`);
		if (!world) {
			y += 2;
			return;
		}
		const map = layoutTopology(world, k === active ? activeTopology : buildTopology(world), k === active ? {...options, width} : {width});
		map.lines.forEach((line, i) => canvas.write(y + 1 + i, 0, line));
		if (k === active) {
			boxes.push(...map.boxes.map((b) => ({...b, top: b.top + y + 1})));
			summary = map.summary;
		}
		for (const [key, row] of map.linkRows ?? []) rowOf.set(`${host}\0${key}`, y + 1 + row);
		y += map.lines.length + 2;
	});
	const before = canvas.lines();
	const right = Math.max(0, ...before.map(textWidth));
	const ends = new Map(before.map((line, r) => [r, textWidth(line)]));
	const drawn: HostTunnel[] = [];
	// Verticals first, so that the horizontal runs drawn next pass under them.
	const spans = tunnels.flatMap((t) => {
		const a = rowOf.get(`${t.from.host}\0${linkKey(t.from.ns, t.from.ifindex)}`);
		const b = rowOf.get(`${t.to.host}\0${linkKey(t.to.ns, t.to.ifindex)}`);
		if (a === undefined || b === undefined) return [];
		drawn.push(t);
		return [{top: Math.min(a, b), bottom: Math.max(a, b), ok: t.problems.length === 0, column: right + LANE_GAP * drawn.length}];
	});
	for (const s of spans) for (let r = s.top + 1; r < s.bottom; r++) canvas.put(r, s.column, s.ok ? '║' : '┆');
	for (const s of spans) {
		for (const [r, corner] of [[s.top, '╗'], [s.bottom, '╝']] as const) {
			for (let c = (ends.get(r) ?? 0) + 1; c < s.column; c++) if (canvas.at(r, c) === ' ') canvas.put(r, c, s.ok ? '═' : '╌');
			canvas.put(r, s.column, corner);
		}
	}
	const legend = drawn.map((t) => `${t.problems.length > 0 ? '╌' : '═'} ${hostTunnelText(t)}`);
	legend.forEach((line, i) => canvas.write(y + i, 0, line));
	const lines = canvas.lines();
	const between = `${drawn.length} tunnel${drawn.length === 1 ? '' : 's'} between servers`;
	return {lines, width: Math.max(0, ...lines.map(textWidth)), boxes, summary: `${hosts.length} servers · ${between} · ${hosts[active]?.host ?? ''}: ${summary}`};
}
