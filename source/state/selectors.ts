// Derived views of the state that panes and overlays share.
import {routeKey} from '../model/format.js';
import {linkKey} from '../model/topology.js';
import type {Link, LinkRef, Netns, Route} from '../model/types.js';
import type {AppState} from './reducer.js';

export const namespacesOf = (state: AppState): readonly Netns[] => state.world?.namespaces ?? [];

export const currentNs = (state: AppState): Netns | undefined =>
	namespacesOf(state).find((n) => n.id === state.selectedNs);

export const linksOf = (ns: Netns | undefined): readonly Link[] => ns?.links ?? [];

/** Routes sorted as people scan them: main table first, IPv4 before IPv6, default first. */
export function routesOf(ns: Netns | undefined): readonly Route[] {
	const rank = (r: Route): number => (r.table === 'main' ? 0 : 2) + (r.family === 6 ? 1 : 0);
	return [...(ns?.routes ?? [])].sort((a, b) => rank(a) - rank(b) || Number(b.dst === 'default') - Number(a.dst === 'default'));
}

function indexOrFirst<T>(items: readonly T[], matches: (item: T) => boolean): number {
	const index = items.findIndex(matches);
	return index < 0 ? 0 : index;
}

export function selectedLinkIndex(state: AppState): number {
	const name = state.selectedLink[state.selectedNs];
	return indexOrFirst(linksOf(currentNs(state)), (l) => l.name === name);
}

export const selectedLink = (state: AppState): Link | undefined => linksOf(currentNs(state))[selectedLinkIndex(state)];

export function selectedRouteIndex(state: AppState): number {
	const key = state.selectedRoute[state.selectedNs];
	return indexOrFirst(routesOf(currentNs(state)), (r) => routeKey(r) === key);
}

export const selectedRoute = (state: AppState): Route | undefined => routesOf(currentNs(state))[selectedRouteIndex(state)];

export const selectedNsIndex = (state: AppState): number =>
	indexOrFirst(namespacesOf(state), (n) => n.id === state.selectedNs);

export const peerOf = (state: AppState, ns: Netns, link: Link): LinkRef | undefined =>
	state.topology.peers.get(linkKey(ns.id, link.ifindex));

export const portsOf = (state: AppState, ns: Netns, link: Link): readonly LinkRef[] =>
	state.topology.ports.get(linkKey(ns.id, link.ifindex)) ?? [];
