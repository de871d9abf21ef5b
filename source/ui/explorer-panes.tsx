// The explorer: namespaces on the left, the selected namespace's interfaces and routes on the right.
import {Box} from 'ink';
import {useContext} from 'react';
import type {AppState} from '../state/app-state.js';
import type {NamespaceGroup} from '../state/fleet.js';
import {StaleRows} from './stale-rows.js';
import {currentNs, linksFilterText, lowerOf, namespacesOf, peerOf, portsOf, routesOf, selectedLinkIndex, selectedNsIndex, selectedRouteIndex, visibleLinks, visibleNamespaces, visibleRoutes} from '../state/selectors.js';
import type {Layout} from './layout.js';
import {InterfacesPane} from './panes/interfaces-pane.js';
import {NamespacesPane} from './panes/namespaces-pane.js';
import {RoutesPane} from './panes/routes-pane.js';

export interface ExplorerPanesProps {
	readonly state: AppState;
	readonly layout: Layout;
	/** Several servers: each one's namespaces under its heading (state/fleet.ts). */
	readonly groups?: readonly NamespaceGroup[];
}

export function ExplorerPanes({state, layout, groups}: ExplorerPanesProps) {
	const ns = currentNs(state);
	const stale = useContext(StaleRows);
	return (
		<Box flexDirection="row" height={layout.bodyHeight}>
			{/* Each server's group says itself whether it is stale. */}
			<StaleRows.Provider value={groups ? false : stale}>
			<NamespacesPane
				groups={groups}
				namespaces={visibleNamespaces(state)}
				total={namespacesOf(state).length}
				filter={state.filters.namespaces}
				filtering={state.filtering === 'namespaces'}
				selected={selectedNsIndex(state)}
				focused={state.focus === 'namespaces'}
				width={layout.nsWidth}
				height={layout.bodyHeight}
			/>
			</StaleRows.Provider>
			<Box flexDirection="column" width={layout.rightWidth}>
				<InterfacesPane
					ns={ns}
					links={visibleLinks(state)}
					filter={linksFilterText(state)}
					filtering={state.filtering === 'interfaces'}
					selected={selectedLinkIndex(state)}
					focused={state.focus === 'interfaces'}
					width={layout.rightWidth}
					height={layout.linksHeight}
					peerOf={(link) => (ns ? peerOf(state, ns, link) : undefined)}
					portsOf={(link) => (ns ? portsOf(state, ns, link) : [])}
					lowerOf={(link) => (ns ? lowerOf(state, ns, link) : undefined)}
					traffic={ns && state.traffic?.nsId === ns.id ? state.traffic.links : undefined}
					// A namespace a dry run only planned has no counters to read: no column waits for them.
					ratesRead={state.traffic !== undefined && !ns?.planned}
				/>
				<RoutesPane
					nsId={ns?.id}
					routes={visibleRoutes(state)}
					total={routesOf(ns).length}
					filter={state.filters.routes}
					filtering={state.filtering === 'routes'}
					selected={selectedRouteIndex(state)}
					focused={state.focus === 'routes'}
					width={layout.rightWidth}
					height={layout.routesHeight}
				/>
			</Box>
		</Box>
	);
}
