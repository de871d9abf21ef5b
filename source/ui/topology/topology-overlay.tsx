// `t`: the whole network as a map. Draws the lines that layout.ts makes from the current world (so it follows
// every refresh), shows the part the viewport covers, and handles the map's own keys.
import {Box} from 'ink';
import {Text} from '../text.js';
import {useMemo, useRef} from 'react';
import {linkKey, type Topology} from '../../model/topology.js';
import {isBusy, type NamespaceTraffic} from '../../model/traffic/rates.js';
import type {World} from '../../model/types.js';
import {nsDisplayName} from '../../model/netns-id.js';
import {shown as shownText} from '../../model/display.js';
import {cellsOf, sliceColumns} from '../../model/text-width.js';
import {useStore} from '../hooks/store.js';
import {stateColor, theme} from '../theme.js';
import {BUSY_MARK, layoutTopology, type MapBox} from './layout.js';
import {fleetMap, type FleetMapInput} from './fleet-map.js';
import {initialMapState, mapReducer, validCursor} from './map-state.js';
import {useMapKeys, type MapView} from './use-map-keys.js';
import {clampViewport, type Extent} from './viewport.js';

export interface TopologyOverlayProps {
	readonly world: World;
	readonly topology: Topology;
	/** The namespace selected in the panes: the map starts on it. */
	readonly selectedNs: string;
	readonly width: number;
	readonly height: number;
	readonly isActive: boolean;
	/** Enter: select this namespace in the panes and close the map. */
	readonly onChoose: (id: string) => void;
	/** Interfaces to pick out (what the tutorial's current step is about), by namespace id and name. */
	readonly highlight?: readonly LinkMark[];
	/** Several servers: all of them, and the tunnels between them (fleet-map.ts); `world` is the active one's. */
	readonly fleet?: FleetMapInput;
	/** The selected namespace's rates (state/traffic-sync.ts): its links that carry traffic are marked. */
	readonly traffic?: NamespaceTraffic;
}

export interface LinkMark {
	readonly ns: string;
	readonly name: string;
}

const HEADER_ROWS = 2;

/** A busy veth line's characters and the row's mark, drawn in the colour of traffic. */
const BUSY_CHARS = `━┃┓┛${BUSY_MARK}`;

/** linkKeys of the links that carried traffic in the last reading; one set per reading. */
const busyKeys = (traffic: NamespaceTraffic | undefined): ReadonlySet<string> =>
	new Set([...(traffic?.links ?? [])].flatMap(([ifindex, t]) => (isBusy(t) ? [linkKey(traffic?.nsId ?? '', ifindex)] : [])));

type Style = 'plain' | 'selected' | 'down' | 'busy' | 'UP' | 'DOWN' | 'NO-CARRIER' | 'highlight';

/**
 * Runs of one style along a visible line: the selected box's frame stands out, dashed (down) lines and
 * state words take their colours. The text itself says all of it too, for NO_COLOR.
 */
function styledRuns(line: string, start: number, row: number, box: MapBox | undefined, marks: ReadonlyArray<{readonly box: MapBox; readonly name: string}> = []): Array<[Style, string]> {
	const styles: Style[] = [];
	const inRows = box !== undefined && row >= box.top && row < box.top + box.height;
	// The screen column of each UTF-16 unit of the line: a wide character (CJK, emoji) takes two columns.
	const columnAt: number[] = [];
	let next = start;
	for (const cell of cellsOf(line)) {
		for (let i = 0; i < cell.text.length; i++) columnAt.push(next);
		next += cell.width;
	}
	for (let i = 0; i < line.length; i++) {
		const column = columnAt[i];
		const inBox = inRows && column >= box.left && column < box.left + box.width;
		// The selected box's double border and its title; its rows keep their own colours.
		const framed = inBox && (row === box.top || '╔╗╚╝═║╟╣'.includes(line[i]));
		styles.push(framed ? 'selected' : '╌┆'.includes(line[i]) ? 'down' : BUSY_CHARS.includes(line[i]) ? 'busy' : 'plain');
	}
	for (const match of line.matchAll(/(?<= )(UP|DOWN|NO-CARRIER)(?= )/g)) {
		for (let i = match.index; i < match.index + match[0].length; i++) styles[i] = match[0] as Style;
	}
	// A highlighted interface's name, where it stands as a word inside its namespace's box.
	for (const {box: at, name} of marks) {
		if (row < at.top || row >= at.top + at.height) continue;
		for (let from = line.indexOf(name); from >= 0; from = line.indexOf(name, from + 1)) {
			const end = from + name.length;
			const word = !/[\w.@-]/.test(line[from - 1] ?? ' ') && !/[\w.-]/.test(line[end] ?? ' ');
			const inside = columnAt[from] >= at.left && (columnAt[end] ?? next) <= at.left + at.width;
			if (word && inside) for (let i = from; i < end; i++) styles[i] = 'highlight';
		}
	}
	const runs: Array<[Style, string]> = [];
	styles.forEach((style, i) => {
		const last = runs.at(-1);
		if (last && last[0] === style) last[1] += line[i];
		else runs.push([style, line[i]]);
	});
	return runs;
}

function colorOf(style: Style): string | undefined {
	const t = theme();
	if (style === 'selected') return t.accent;
	if (style === 'down') return t.bad;
	if (style === 'busy') return t.good;
	if (style === 'highlight') return t.lab;
	return style === 'plain' ? undefined : stateColor(style);
}

export function TopologyOverlay({world, topology, selectedNs, width, height, isActive, onChoose, highlight = [], fleet, traffic}: TopologyOverlayProps) {
	const t = theme();
	const [state, dispatch, getState] = useStore(mapReducer, initialMapState(selectedNs));
	const current = validCursor(world, state.cursor);
	const busy = useMemo(() => busyKeys(traffic), [traffic]);
	const map = useMemo(() => {
		const options = {selected: current, width, busy};
		return fleet ? fleetMap(fleet, topology, options) : layoutTopology(world, topology, options);
	}, [world, topology, current, width, busy, fleet]);
	const size: Extent = {rows: Math.max(height - HEADER_ROWS, 1), columns: width};
	const extent: Extent = {rows: map.lines.length, columns: map.width};
	const shown = clampViewport(state.view, extent, size);
	const view = useRef<MapView>({world, map, size, onChoose});
	view.current = {world, map, size, onChoose};
	useMapKeys(() => view.current, getState, dispatch, isActive);

	const selectedBox = map.boxes.find((b) => b.id === current);
	const marks = highlight.flatMap((m) => {
		const box = map.boxes.find((b) => b.id === m.ns);
		return box ? [{box, name: shownText(m.name)}] : [];
	});
	// A map narrower than the screen is centred; one blank line under the header when there is room.
	const padLeft = ' '.repeat(Math.max(Math.floor((size.columns - extent.columns) / 2), 0));
	const padTop = extent.rows < size.rows ? 1 : 0;
	const visible = map.lines.slice(shown.top, shown.top + size.rows);
	const scroll =
		extent.rows > size.rows || extent.columns > size.columns
			? `  rows ${shown.top + 1}–${Math.min(shown.top + size.rows, extent.rows)} of ${extent.rows}` +
				(extent.columns > size.columns ? `, columns ${shown.left + 1}–${Math.min(shown.left + size.columns, extent.columns)} of ${extent.columns}` : '')
			: '';
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text wrap="truncate">
				<Text bold color={t.accent}>
					Topology
				</Text>
				{`  ${map.summary}`}
				<Text color={t.muted}>{scroll}</Text>
				{highlight.length > 0 ? <Text color={t.lab}>{`  step: ${highlight.map((m) => `${m.name} (${nsDisplayName(m.ns)})`).join(', ')}`}</Text> : null}
			</Text>
			<Text color={t.muted} wrap="truncate">
				{/* The map's keys are in the footer, from keymap.ts, like every other key. */}
				{`╌ a link that is down  ━ ${BUSY_MARK} traffic  ═ a bridge  ${fleet ? '║ a tunnel between servers  ' : ''}╔ the selected namespace`}
			</Text>
			{padTop > 0 && <Box height={padTop} />}
			{visible.map((line, i) => {
				const row = shown.top + i;
				const part = sliceColumns(line, shown.left, width);
				return (
					<Text key={row} wrap="truncate">
						{padLeft}
						{part === ''
							? ' '
							: styledRuns(part, shown.left, row, selectedBox, marks).map(([style, text], j) => (
									<Text key={j} color={colorOf(style)} bold={style === 'selected' || style === 'highlight'} underline={style === 'highlight'}>
										{text}
									</Text>
								))}
					</Text>
				);
			})}
		</Box>
	);
}
