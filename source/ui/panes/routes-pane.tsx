// Routes of the selected namespace, IPv4 and IPv6, as `ip route` prints them.
import {NO_NAMESPACE} from '../../state/selectors.js';
import {Text} from '../text.js';
import {routeKey, routeText} from '../../model/format.js';
import type {Route} from '../../model/types.js';
import {ColumnHeader, HEADER_MIN_ROWS, ListRows} from '../list-rows.js';
import {PaneFrame, paneColumns, paneRows} from '../pane-frame.js';
import {theme} from '../theme.js';
import {paneTitle} from '../filter-title.js';

export interface RoutesPaneProps {
	readonly nsId?: string;
	readonly routes: readonly Route[];
	readonly selected: number;
	readonly focused: boolean;
	readonly width: number;
	readonly height: number;
	readonly total?: number;
	readonly filter?: string;
	readonly filtering?: boolean;
}

/** Where the other panes show their wide columns (MAC, MTU), the routes pane names its columns too. */
const HEADER_MIN_WIDTH = 100;

export function RoutesPane({nsId, routes, selected, focused, width, height, total = routes.length, filter, filtering = false}: RoutesPaneProps) {
	const t = theme();
	const title = paneTitle(nsId === undefined ? 'Routes' : `Routes in ${nsId}`, routes.length, total, filter, filtering, paneColumns(width));
	const columns = paneColumns(width);
	// At 200x50 the pane has rows to spare for naming its columns; at 80x24 it has six, all needed.
	const header = columns >= HEADER_MIN_WIDTH && paneRows(height) >= HEADER_MIN_ROWS && routes.length > 0;
	return (
		<PaneFrame title={title} focused={focused} width={width} height={height}>
			{header && <ColumnHeader text="ip destination [nhid] [via gateway] dev device [table] [proto] [scope] [src] [metric] …, as ip route prints it" columns={columns} />}
			<ListRows
				items={routes}
				selected={selected}
				rows={paneRows(height) - (header ? 1 : 0)}
				columns={columns}
				focused={focused}
				rowKey={routeKey}
				empty={nsId === undefined ? NO_NAMESPACE : filter ? 'nothing matches the filter' : 'no routes: bring an interface up with an address'}
				renderRow={(route) => (
					<>
						<Text color={t.muted}>{route.family === 6 ? 'v6 ' : 'v4 '}</Text>
						<Text>{routeText(route, false)}</Text>
						{route.flags.includes('linkdown') && <Text color={t.warn}> linkdown</Text>}
						{route.planned && <Text color={t.warn}> planned</Text>}
					</>
				)}
			/>
		</PaneFrame>
	);
}
