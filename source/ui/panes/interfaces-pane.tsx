// Interfaces of the selected namespace: name, type, state, where a veth's other end is, bridge master,
// addresses. Wider terminals also get MAC and MTU.
import {nsDisplayName} from '../../model/netns-id.js';
import {Text} from '../text.js';
import {linkStateLabel, relationText, visibleAddresses} from '../../model/format.js';
import type {Link, LinkRef, Netns} from '../../model/types.js';
import {ListRows} from '../list-rows.js';
import {fit} from '../list-window.js';
import {PaneFrame, paneColumns, paneRows} from '../pane-frame.js';
import {stateColor, theme} from '../theme.js';
import {paneTitle} from '../filter-title.js';

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
}

/** Columns as wide as their widest cell, so narrow terminals keep room for peers and addresses. */
const columnWidth = (cells: readonly string[], min: number): number => Math.max(min, ...cells.map((c) => c.length));

export function InterfacesPane({ns, selected, focused, width, height, peerOf, portsOf, lowerOf, links: shown, filter, filtering = false}: InterfacesPaneProps) {
	const t = theme();
	const columns = paneColumns(width);
	const wide = columns >= 100;
	const medium = columns >= 70;
	const links = shown ?? ns?.links ?? [];
	const title = ns ? paneTitle(`Interfaces in ${nsDisplayName(ns.id)}`, links.length, ns.links.length, filter, filtering, columns) : 'Interfaces';
	const nameWidth = columnWidth(links.map((l) => l.name), 4);
	const stateWidth = columnWidth(links.map(linkStateLabel), 4);
	return (
		<PaneFrame title={title} focused={focused} width={width} height={height}>
			{ns?.error ? (
				<Text color={t.bad} wrap="wrap">
					cannot read {nsDisplayName(ns.id)}: {ns.error}
				</Text>
			) : (
				<ListRows
					items={links}
					selected={selected}
					rows={paneRows(height)}
					columns={columns}
					focused={focused}
					rowKey={(l) => `${l.ifindex}`}
					empty={ns?.pending ? 'reading…' : filter ? 'nothing matches the filter' : 'no interfaces'}
					renderRow={(link) => {
						const state = linkStateLabel(link);
						const relation = relationText(link, ns?.id ?? '', peerOf(link), portsOf(link), lowerOf?.(link));
						const addresses = visibleAddresses(link).join(' ');
						return (
							<>
								<Text bold>{fit(link.name, nameWidth)} </Text>
								{medium && <Text color={t.muted}>{fit(link.kind, 8)} </Text>}
								<Text color={stateColor(state)}>{fit(state, stateWidth)} </Text>
								{wide && <Text color={t.muted}>{fit(link.mac, 17)} {fit(String(link.mtu), 5)} </Text>}
								{link.planned && <Text color={t.warn}>planned </Text>}
								{relation !== '' && <Text color={t.accent}>{relation} </Text>}
								<Text>{addresses}</Text>
							</>
						);
					}}
				/>
			)}
		</PaneFrame>
	);
}
