// Keys while a filter is being typed: Enter keeps it, Esc clears it, Backspace erases, arrows still move
// the selection, and any other printable character is text (so `j` types a j instead of moving).
import {findBinding, type BindingId} from './keys/keymap.js';
import type {Action} from './reducer.js';
import type {AppState} from './app-state.js';

export type FilterKeyResult = {readonly action: Action} | {readonly move: BindingId} | undefined;

const MOVES: ReadonlySet<BindingId> = new Set<BindingId>(['up', 'down', 'pageUp', 'pageDown']);

export function filterKey(state: AppState, name: string, input: string): FilterKeyResult {
	const pane = state.filtering ?? state.focus;
	const text = state.filters[pane] ?? '';
	const binding = findBinding(name, ['filter']);
	if (binding?.id === 'filterDone') return {action: {type: 'filterEnd'}};
	if (binding?.id === 'clearFilter') return {action: {type: 'filterClear'}};
	if (binding?.id === 'filterErase') return {action: {type: 'filterText', text: text.slice(0, -1)}};
	if (binding && MOVES.has(binding.id)) return {move: binding.id};
	// Printable text only: ink gives control keys as names like ctrl+x, tab, left.
	if (input.length > 0 && name === input) return {action: {type: 'filterText', text: text + input}};
	if (name === 'space') return {action: {type: 'filterText', text: `${text} `}};
	return undefined;
}
