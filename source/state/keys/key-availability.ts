// Whether a key does something in the current state: the footer offers only those, the help marks the
// ones a read-only session cannot use, and the input layer (ui/hooks/use-key-input.ts) acts only on
// those. Read from the binding's own row (keymap.ts: `when`, `changes`, `opens`) and from the overlay
// registry (state/overlays.ts), so the three cannot drift apart.
import type {Binding} from './keymap.js';
import type {AppState} from '../app-state.js';
import {overlaySpec} from '../overlays.js';

export function bindingActs(state: AppState, binding: Pick<Binding, 'when'>): boolean {
	if (binding.when === 'panes') return !state.overlay;
	// Changes and looks act on the panes' selection, which some overlays (the detail) show.
	if (binding.when === 'selection') return !state.overlay || overlaySpec(state.overlay).showsSelection;
	return true;
}

/** A change key, in a session that may not change anything (not root, and not a dry run). */
export const unavailableReadOnly = (readOnly: boolean, binding: Pick<Binding, 'changes'>): boolean => readOnly && binding.changes === true;

/** What the footer offers now: not the key of the overlay already open (it would only close it), nor s once the pcap is kept. */
export const footerActs =
	(state: AppState, readOnly: boolean, pcapKept = false) =>
	(binding: Binding): boolean =>
		bindingActs(state, binding) &&
		!unavailableReadOnly(readOnly, binding) &&
		(binding.opens === undefined || binding.opens !== state.overlay?.kind) &&
		!(pcapKept && binding.id === 'keepCapture');
