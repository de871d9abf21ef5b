// Moving the selection in the focused list: pure, so it is tested without a terminal.
import {routeKey} from '../model/format.js';
import type {Action} from './reducer.js';
import type {AppState} from './app-state.js';
import {selectedLinkIndex, selectedNsIndex, selectedRouteIndex, visibleLinks, visibleNamespaces, visibleRoutes} from './selectors.js';

export type Move = 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end';

export function moveIndex(index: number, count: number, move: Move, page: number): number {
	const last = Math.max(count - 1, 0);
	const target = {
		up: index - 1,
		down: index + 1,
		pageUp: index - page,
		pageDown: index + page,
		home: 0,
		end: last,
	}[move];
	return Math.min(Math.max(target, 0), last);
}

/** The action that moves the focused pane's selection, or undefined when its list is empty. */
export function moveSelection(state: AppState, move: Move, page: number): Action | undefined {
	if (state.focus === 'namespaces') {
		const list = visibleNamespaces(state);
		const next = list[moveIndex(selectedNsIndex(state), list.length, move, page)];
		return next && {type: 'selectNs', id: next.id};
	}
	if (state.focus === 'interfaces') {
		const list = visibleLinks(state);
		const next = list[moveIndex(selectedLinkIndex(state), list.length, move, page)];
		return next && {type: 'selectLink', name: next.name};
	}
	const list = visibleRoutes(state);
	const next = list[moveIndex(selectedRouteIndex(state), list.length, move, page)];
	return next && {type: 'selectRoute', key: routeKey(next)};
}
