// Namespaces: the host first, then named ones, each with how many interfaces it has and how many are up.
import {Text} from '../text.js';
import {isLinkUp} from '../../model/format.js';
import {nsDisplayName} from '../../model/netns-id.js';
import {labelText} from '../../model/netns-label.js';
import type {Netns} from '../../model/types.js';
import {ColumnHeader, HEADER_MIN_ROWS, ListRows} from '../list-rows.js';
import {fit} from '../list-window.js';
import {fitName} from '../../model/shorten-middle.js';
import {textWidth} from '../../model/text-width.js';
import {PaneFrame, paneColumns, paneRows} from '../pane-frame.js';
import {theme} from '../theme.js';
import {paneTitle} from '../filter-title.js';
import type {NamespaceGroup} from '../../state/fleet.js';

export interface NamespacesPaneProps {
	readonly namespaces: readonly Netns[];
	readonly selected: number;
	readonly focused: boolean;
	readonly width: number;
	readonly height: number;
	/** How many namespaces there are before the filter; the filter text, and whether it is being typed. */
	readonly total?: number;
	readonly filter?: string;
	readonly filtering?: boolean;
	/**
	 * Several servers: every server's namespaces under a heading with its name; `namespaces` and `selected`
	 * are then the active server's (state/fleet.ts).
	 */
	readonly groups?: readonly NamespaceGroup[];
}

/** A row of the pane: a server's heading, or a namespace (of that server, with several). */
type Row = {readonly heading: NamespaceGroup} | {readonly ns: Netns; readonly group?: NamespaceGroup};

/** The rows and where the cursor is: with groups, each server's heading, then its namespaces unless folded. */
function rowsOf(namespaces: readonly Netns[], selected: number, groups: readonly NamespaceGroup[] | undefined): {rows: Row[]; at: number} {
	if (!groups) return {rows: namespaces.map((ns) => ({ns})), at: selected};
	const rows: Row[] = [];
	let at = 0;
	for (const group of groups) {
		rows.push({heading: group});
		if (group.cursor) at = rows.length - 1;
		else if (group.active) at = rows.length + Math.max(selected, 0);
		if (!group.folded) for (const ns of group.namespaces) rows.push({ns, group});
	}
	return {rows, at};
}

const clock = (ms: number): string => new Date(ms).toTimeString().slice(0, 8);

/**
 * `▾ h2 · 3` (open; folded: `▸ h2 · 3 folded`), or `▾ h2 disconnected, read 12:01:05` (`▾ h2 ✕ 12:01:05`
 * where that is too wide).
 */
function headingText({host, namespaces, stale, lastRead, folded}: NamespaceGroup, width: number): string {
	const mark = folded ? '▸' : '▾';
	if (!stale) return folded ? fitted(`${mark} ${host} · ${namespaces.length} folded`, `${mark} ${host} · ${namespaces.length}`, width) : `${mark} ${host} · ${namespaces.length}`;
	const when = lastRead === undefined ? '' : clock(lastRead);
	return fitted(`${mark} ${host} disconnected${when && `, read ${when}`}`, `${mark} ${host} ✕ ${when}`.trimEnd(), width);
}

/** The full text where it fits in `width`, else the short one. */
const fitted = (full: string, short: string, width: number): string => (textWidth(full) <= width ? full : short);

/** Fewer columns than this cannot say who lives there ("sleep …"): the label is left out. */
const LABEL_MIN = 10;
/** Narrower than this, a row has no room for who lives there, and needs no header. */
const HEADER_MIN_WIDTH = 30;

/**
 * `2/3 up`, with `fwd` first when the namespace forwards (IPv4 or IPv6): it routes between its links. A dry
 * run's planned namespace, or one with planned changes (state/planned-state.ts), says `planned` first, or
 * only that where `room` leaves too little beside a name of `nameLength`.
 */
export function namespaceCounts(ns: Netns, room = Infinity, nameLength = 0): string {
	if (ns.error) return 'unreadable';
	if (ns.pending) return '…';
	const forwards = ns.forwarding?.[4] === true || ns.forwarding?.[6] === true;
	const counts = `${forwards ? 'fwd ' : ''}${ns.links.filter(isLinkUp).length}/${ns.links.length} up`;
	if (!ns.planned) return counts;
	return room - counts.length - 9 >= Math.min(nameLength, 8) ? `planned ${counts}` : 'planned';
}

export function NamespacesPane({namespaces, selected, focused, width, height, total = namespaces.length, filter, filtering = false, groups}: NamespacesPaneProps) {
	const t = theme();
	const shownCount = groups ? groups.reduce((n, g) => n + g.namespaces.length, 0) : namespaces.length;
	const title = paneTitle('Namespaces', shownCount, groups ? Math.max(total, shownCount) : total, filter, filtering, paneColumns(width));
	const {rows, at} = rowsOf(namespaces, selected, groups);
	const columns = paneColumns(width);
	// Named columns where the pane is wide enough to say who lives in each namespace (200 columns), and
	// its rows can spare the line; at 80 columns the name and `2/3 up` say what they are.
	const header = columns - 1 >= HEADER_MIN_WIDTH && paneRows(height) >= HEADER_MIN_ROWS && namespaces.length > 0;
	const countsHeader = 'links up';
	const headerText = `${fit('name (who lives there)', columns - 2 - countsHeader.length)} ${countsHeader}`;
	return (
		<PaneFrame title={title} focused={focused} width={width} height={height}>
			{header && <ColumnHeader text={headerText} columns={columns} />}
			<ListRows<Row>
				items={rows}
				selected={at}
				rows={paneRows(height) - (header ? 1 : 0)}
				columns={columns}
				focused={focused}
				rowKey={(row) => ('heading' in row ? `\0${row.heading.host}` : `${row.group?.host ?? ''}\0${row.ns.id}`)}
				empty={filter ? 'nothing matches the filter' : 'reading…'}
				renderRow={(row, w) => {
					if ('heading' in row) {
						return (
							<Text bold color={row.heading.stale ? t.bad : t.accent}>
								{fit(headingText(row.heading, w), w)}
							</Text>
						);
					}
					const {ns, group} = row;
					const dim = group?.stale === true;
					const name = nsDisplayName(ns.id);
					const counts = namespaceCounts(ns, w, textWidth(name));
					const label = labelText(ns.label);
					// The name first (cut in the middle when it must be: cni-<uuid> names differ at their ends); who
					// lives there in the room left, if there is enough to say something (at 80 columns there is
					// not: Enter, the map and a wider terminal show it; the interfaces pane's title has the full name).
					const room = Math.max(w - counts.length - 1, 4);
					const nameWidth = Math.min(textWidth(name), room);
					const labelWidth = label ? room - nameWidth - 1 : 0;
					return (
						<Text dimColor={dim}>
							<Text bold={ns.kind === 'host'}>{fitName(name, labelWidth >= LABEL_MIN ? nameWidth : room)}</Text>
							{labelWidth >= LABEL_MIN && <Text color={t.muted}> {fit(label, labelWidth)}</Text>}
							<Text color={ns.error ? t.bad : t.muted}> {counts}</Text>
						</Text>
					);
				}}
			/>
		</PaneFrame>
	);
}
