// Interfaces of the selected namespace: name, type, state, where a veth's other end is, bridge master,
// addresses. Wider terminals also get MAC and MTU.
import {NO_NAMESPACE} from '../../state/selectors.js';
import {nsDisplayName} from '../../model/netns-id.js';
import {Text} from '../text.js';
import {linkStateLabel, relationParts, visibleAddresses} from '../../model/format.js';
import type {Link, LinkRef, Netns} from '../../model/types.js';
import {ColumnHeader, HEADER_MIN_ROWS, ListRows} from '../list-rows.js';
import {fit} from '../list-window.js';
import {fitName, fitRelation} from '../../model/shorten-middle.js';
import {textWidth} from '../../model/text-width.js';
import {PaneFrame, paneColumns, paneRows} from '../pane-frame.js';
import {stateColor, theme} from '../theme.js';
import {paneTitle} from '../filter-title.js';
import {isDefaultQdisc} from '../../model/traffic/qdisc.js';
import {RATES_WIDTH, ratesText, type LinkTraffic} from '../../model/traffic/rates.js';

export interface InterfacesPaneProps {
	readonly ns?: Netns;
	readonly selected: number;
	readonly focused: boolean;
	readonly width: number;
	readonly height: number;
	readonly peerOf: (link: Link) => LinkRef | undefined;
	readonly portsOf: (link: Link) => readonly LinkRef[];
	/** The device a stacked link (macvlan, vlan, …) sits on. */
	readonly lowerOf?: (link: Link) => LinkRef | undefined;
	/** The links as shown (filtered); all of the namespace's links when absent. */
	readonly links?: readonly Link[];
	readonly filter?: string;
	readonly filtering?: boolean;
	/** Counters and rates by ifindex, when read (state/traffic-sync.ts). */
	readonly traffic?: ReadonlyMap<number, LinkTraffic>;
	/**
	 * Rates are being read (a reading of some namespace has come): their column stays, blank until this
	 * namespace's second reading, so that selecting another namespace does not move its addresses a second later.
	 */
	readonly ratesRead?: boolean;
}

/**
 * `→ cni-72b1c0…9f1a/eth0`: a peer too long for the room left before the addresses is cut in the middle,
 * so that two peers in pod namespaces stay apart and the addresses stay in view; never to fewer than this
 * many columns, which say too little: the row's end cuts instead (model/shorten-middle.ts fitRelation).
 */
const RELATION_MIN = 20;

/** Pane columns from which rows show each link's kind and rates; narrower (80x24), rates are in the detail. */
const MEDIUM_COLUMNS = 70;

/** Whether the interfaces pane, `width` wide, shows rates on its rows. */
export const rowsShowRates = (width: number): boolean => paneColumns(width) >= MEDIUM_COLUMNS;

/** Columns as wide as their widest cell, so narrow terminals keep room for peers and addresses. */
const columnWidth = (cells: readonly string[], min: number): number => Math.max(min, ...cells.map(textWidth));

export function InterfacesPane({ns, selected, focused, width, height, peerOf, portsOf, lowerOf, links: shown, filter, filtering = false, traffic, ratesRead = false}: InterfacesPaneProps) {
	const t = theme();
	const columns = paneColumns(width);
	const wide = columns >= 100;
	const medium = rowsShowRates(width);
	const links = shown ?? ns?.links ?? [];
	const title = ns ? paneTitle(`Interfaces in ${nsDisplayName(ns.id)}`, links.length, ns.links.length, filter, filtering, columns) : 'Interfaces';
	const nameWidth = columnWidth(links.map((l) => l.name), 4);
	const stateWidth = columnWidth([...links.map(linkStateLabel), ...(wide ? ['state'] : [])], 4);
	// A fixed width while rates show, so that the columns after them do not move every second. Where the
	// pane is narrow (80x24) the other end and the addresses need the row: rates are in the detail there.
	const ratesWidth = medium && (ratesRead || links.some((l) => ratesText(traffic?.get(l.ifindex)) !== '')) ? RATES_WIDTH : 0;
	// Named columns where MAC and MTU appear (a bare 1500 says little) and the rows can spare the line.
	const header = wide && paneRows(height) >= HEADER_MIN_ROWS && !ns?.error && links.length > 0;
	const headerText = [
		fit('name', nameWidth),
		fit('kind', 8),
		fit('state', stateWidth),
		...(ratesWidth > 0 ? [fit('rx/tx', ratesWidth)] : []),
		fit('mac', 17),
		fit('mtu', 5),
		'other end, bridge · addresses',
	].join(' ');
	return (
		<PaneFrame title={title} focused={focused} width={width} height={height}>
			{ns?.error ? (
				<Text color={t.bad} wrap="wrap">
					cannot read {nsDisplayName(ns.id)}: {ns.error}
				</Text>
			) : (
				<>
				{header && <ColumnHeader text={headerText} columns={columns} />}
				<ListRows
					items={links}
					selected={selected}
					rows={paneRows(height) - (header ? 1 : 0)}
					columns={columns}
					focused={focused}
					rowKey={(l) => `${l.ifindex}`}
					empty={!ns ? NO_NAMESPACE : ns.pending ? 'reading…' : filter ? 'nothing matches the filter' : 'no interfaces'}
					renderRow={(link, rowWidth) => {
						const state = linkStateLabel(link);
						const linkTraffic = traffic?.get(link.ifindex);
						const addresses = visibleAddresses(link).join(' ');
						const before = nameWidth + 1 + (medium ? 9 : 0) + stateWidth + 1 + (ratesWidth > 0 ? ratesWidth + 1 : 0) + (wide ? 24 : 0);
						const room = rowWidth - before - 1 - (addresses ? textWidth(addresses) : 0);
						const relation = fitRelation(relationParts(link, ns?.id ?? '', peerOf(link), portsOf(link), lowerOf?.(link)), room, RELATION_MIN);
						return (
							<>
								<Text bold>{fitName(link.name, nameWidth)} </Text>
								{medium && <Text color={t.muted}>{fit(link.kind, 8)} </Text>}
								<Text color={stateColor(state)}>{fit(state, stateWidth)} </Text>
								{ratesWidth > 0 && <Text color={linkTraffic?.errorsRising ? t.warn : t.muted}>{fit(ratesText(linkTraffic), ratesWidth)} </Text>}
								{wide && <Text color={t.muted}>{fit(link.mac, 17)} {fit(String(link.mtu), 5)} </Text>}
								{link.planned && <Text color={t.warn}>planned </Text>}
								{!isDefaultQdisc(link.qdisc) && <Text color={t.warn}>{link.qdisc} </Text>}
								{relation !== '' && <Text color={t.accent}>{relation} </Text>}
								<Text>{addresses}</Text>
							</>
						);
					}}
				/>
				</>
			)}
		</PaneFrame>
	);
}
