// Whether a key does something in the current state: the footer offers only those, and the help marks
// the ones a read-only session cannot use. Mirrors the conditions in use-app-keys.ts, which checks
// bindingActs before it acts, so the two cannot drift apart.
import type {Binding, BindingId} from './keymap.js';
import type {AppState} from '../app-state.js';
import {CHANGE_BINDINGS, LOOK_BINDINGS} from '../change-actions.js';

/** Keys that act on the panes themselves: not while anything covers them. */
const PANES_ONLY: ReadonlySet<BindingId> = new Set<BindingId>(['nextPane', 'prevPane', 'focusNamespaces', 'focusInterfaces', 'focusRoutes']);

export function bindingActs(state: AppState, id: BindingId): boolean {
	if (PANES_ONLY.has(id)) return !state.overlay;
	// Changes and looks act on the panes' selection, which the detail overlay shows.
	if (CHANGE_BINDINGS.has(id) || LOOK_BINDINGS.has(id)) return !state.overlay || state.overlay.kind === 'detail';
	return true;
}

/** A change key, in a session that may not change anything (not root, and not a dry run). */
export const unavailableReadOnly = (readOnly: boolean, id: BindingId): boolean => readOnly && CHANGE_BINDINGS.has(id);

/** Keys that open an overlay (and close it again): the footer does not offer the one already open. */
const OPENS: Partial<Record<BindingId, string>> = {topology: 'topology', log: 'log', help: 'help'};

/** What the footer offers now. */
export const footerActs =
	(state: AppState, readOnly: boolean) =>
	(binding: Binding): boolean =>
		bindingActs(state, binding.id) && !unavailableReadOnly(readOnly, binding.id) && (OPENS[binding.id] === undefined || OPENS[binding.id] !== state.overlay?.kind);
