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
}

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

export function NamespacesPane({namespaces, selected, focused, width, height, total = namespaces.length, filter, filtering = false}: NamespacesPaneProps) {
	const t = theme();
	const title = paneTitle('Namespaces', namespaces.length, total, filter, filtering, paneColumns(width));
	const columns = paneColumns(width);
	// Named columns where the pane is wide enough to say who lives in each namespace (200 columns), and
	// its rows can spare the line; at 80 columns the name and `2/3 up` say what they are.
	const header = columns - 1 >= HEADER_MIN_WIDTH && paneRows(height) >= HEADER_MIN_ROWS && namespaces.length > 0;
	const countsHeader = 'links up';
	const headerText = `${fit('name (who lives there)', columns - 2 - countsHeader.length)} ${countsHeader}`;
	return (
		<PaneFrame title={title} focused={focused} width={width} height={height}>
			{header && <ColumnHeader text={headerText} columns={columns} />}
			<ListRows
				items={namespaces}
				selected={selected}
				rows={paneRows(height) - (header ? 1 : 0)}
				columns={columns}
				focused={focused}
				rowKey={(ns) => ns.id}
				empty={filter ? 'nothing matches the filter' : 'reading…'}
				renderRow={(ns, w) => {
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
						<>
							<Text bold={ns.kind === 'host'}>{fitName(name, labelWidth >= LABEL_MIN ? nameWidth : room)}</Text>
							{labelWidth >= LABEL_MIN && <Text color={t.muted}> {fit(label, labelWidth)}</Text>}
							<Text color={ns.error ? t.bad : t.muted}> {counts}</Text>
						</>
					);
				}}
			/>
		</PaneFrame>
	);
}
