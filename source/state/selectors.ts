// Derived views of the state that panes and overlays share.
import {routeKey} from '../model/format.js';
import {linkKey} from '../model/topology.js';
import type {Link, LinkRef, Netns, Route} from '../model/types.js';
import {filterLinks, filterNamespaces, filterRoutes, linksMatchingNamespaceFilter} from './filter.js';
import type {AppState} from './app-state.js';

export const namespacesOf = (state: AppState): readonly Netns[] => state.world?.namespaces ?? [];

/** What the right panes say with no namespace selected (the cursor on a server's heading, or none read yet). */
export const NO_NAMESPACE = 'no namespace selected';

/** Why a key that acts on the selected namespace does nothing now. */
export const noNamespaceText = (state: AppState): string => (state.onServerHeading ? "on a server's heading: ↓ selects a namespace" : 'still reading the world');

/** The selected namespace; none while the cursor is on a server's heading. */
export const currentNs = (state: AppState): Netns | undefined =>
	state.onServerHeading ? undefined : namespacesOf(state).find((n) => n.id === state.selectedNs);

export const linksOf = (ns: Netns | undefined): readonly Link[] => ns?.links ?? [];

const sortedRoutes = new WeakMap<Netns, readonly Route[]>();

/** Routes sorted as people scan them: main table first, IPv4 before IPv6, default first (sorted once per read). */
export function routesOf(ns: Netns | undefined): readonly Route[] {
	if (!ns) return [];
	const cached = sortedRoutes.get(ns);
	if (cached) return cached;
	const rank = (r: Route): number => (r.table === 'main' ? 0 : 2) + (r.family === 6 ? 1 : 0);
	const sorted = [...ns.routes].sort((a, b) => rank(a) - rank(b) || Number(b.dst === 'default') - Number(a.dst === 'default'));
	sortedRoutes.set(ns, sorted);
	return sorted;
}

/** The lists as shown: each filtered by what was typed after `/` in its pane. */
export const visibleNamespaces = (state: AppState): readonly Netns[] => filterNamespaces(namespacesOf(state), state.filters.namespaces);
/** The selected namespace's interfaces: those the namespaces filter found it by (`/10.0.0.2`), then the pane's own filter. */
export const visibleLinks = (state: AppState): readonly Link[] =>
	filterLinks(linksMatchingNamespaceFilter(currentNs(state), state.filters.namespaces), state.filters.interfaces);

/** What narrowed the interfaces pane, for its title: the namespaces filter when it found them, and its own. */
export function linksFilterText(state: AppState): string | undefined {
	const ns = currentNs(state);
	const narrowed = ns !== undefined && linksMatchingNamespaceFilter(ns, state.filters.namespaces) !== ns.links;
	const parts = [narrowed ? state.filters.namespaces : undefined, state.filters.interfaces].filter((p): p is string => p !== undefined && p.trim() !== '');
	return parts.length > 0 ? parts.join(' ') : state.filters.interfaces;
}
export const visibleRoutes = (state: AppState): readonly Route[] => filterRoutes(routesOf(currentNs(state)), state.filters.routes);

function indexOrFirst<T>(items: readonly T[], matches: (item: T) => boolean): number {
	const index = items.findIndex(matches);
	return index < 0 ? 0 : index;
}

export function selectedLinkIndex(state: AppState): number {
	const name = state.selectedLink[state.selectedNs];
	return indexOrFirst(visibleLinks(state), (l) => l.name === name);
}

export const selectedLink = (state: AppState): Link | undefined => visibleLinks(state)[selectedLinkIndex(state)];

export function selectedRouteIndex(state: AppState): number {
	const key = state.selectedRoute[state.selectedNs];
	if (key === undefined) return 0;
	return indexOrFirst(visibleRoutes(state), (r) => routeKey(r) === key);
}

export const selectedRoute = (state: AppState): Route | undefined => visibleRoutes(state)[selectedRouteIndex(state)];

export const selectedNsIndex = (state: AppState): number =>
	indexOrFirst(visibleNamespaces(state), (n) => n.id === state.selectedNs);

export const peerOf = (state: AppState, ns: Netns, link: Link): LinkRef | undefined =>
	state.topology.peers.get(linkKey(ns.id, link.ifindex));

export const lowerOf = (state: AppState, ns: Netns, link: Link): LinkRef | undefined =>
	state.topology.lowers.get(linkKey(ns.id, link.ifindex));

export const portsOf = (state: AppState, ns: Netns, link: Link): readonly LinkRef[] =>
	state.topology.ports.get(linkKey(ns.id, link.ifindex)) ?? [];
