// The filter's part of the state: which pane is being typed into, and each pane's filter text.
import type {AppState, Pane} from './app-state.js';
import {selectedLink, visibleNamespaces} from './selectors.js';

export function startFilter(state: AppState): AppState {
	return {...state, filtering: state.focus};
}

/**
 * Keep the interface shown as selected in the selected namespace selected for good: the namespaces filter
 * may have put it there (`/10.0.0.2` selects the interface holding it), and it stays when the filter goes.
 */
function pinShownLink(state: AppState): AppState {
	const link = selectedLink(state);
	return !link || state.selectedLink[state.selectedNs] === link.name ? state : {...state, selectedLink: {...state.selectedLink, [state.selectedNs]: link.name}};
}

/** New text for the pane being filtered; the namespace selection follows onto the list as shown. */
export function setFilterText(state: AppState, text: string): AppState {
	const pane: Pane = state.filtering ?? state.focus;
	const next = {...state, filters: {...state.filters, [pane]: text}};
	if (pane !== 'namespaces') return next;
	const shown = visibleNamespaces(next);
	return pinShownLink(shown.length === 0 || shown.some((n) => n.id === next.selectedNs) ? next : {...next, selectedNs: shown[0].id});
}

/** Enter: stop typing, keep the list filtered. */
export function endFilter(state: AppState): AppState {
	return {...state, filtering: undefined};
}

/** Esc: stop typing and show the whole list again, the selection where it was. */
export function clearFilter(state: AppState): AppState {
	const pane: Pane = state.filtering ?? state.focus;
	return {...pinShownLink(state), filtering: undefined, filters: {...state.filters, [pane]: ''}};
}
