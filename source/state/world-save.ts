// W: the form asking where, then the world (the namespaces the filter shows, when one is set) written
// there as a world file and the full path said in the status line.
import {captureWorld} from '../model/world-file/capture.js';
import {serializeWorldFile} from '../model/world-file/serialize.js';
import {saveWorldForm} from '../plans/forms/world-file-forms.js';
import type {ScriptPlan} from '../plans/forms/script-form.js';
import {writeWorldFile} from '../system/world-file-io.js';
import type {AppState} from './app-state.js';
import type {Action} from './reducer.js';
import {visibleNamespaces} from './selectors.js';

export function openSaveWorldForm(getState: () => AppState, dispatch: (action: Action) => void): void {
	const state = getState();
	if (!state.world) return dispatch({type: 'message', tone: 'error', text: 'still reading the world'});
	const filtered = (state.filters.namespaces ?? '') !== '';
	const shown = visibleNamespaces(state);
	const write = (plan: ScriptPlan): void => {
		const world = getState().world ?? {namespaces: []};
		const only = filtered ? shown.map((n) => (n.kind === 'host' ? 'host' : n.id)) : undefined;
		const file = captureWorld(world, {only});
		try {
			writeWorldFile(plan.path, serializeWorldFile(file), plan.overwrite);
		} catch (error) {
			return dispatch({type: 'message', tone: 'error', text: `cannot write ${plan.path}: ${error instanceof Error ? error.message : String(error)}`});
		}
		dispatch({type: 'closeOverlay'});
		const count = file.namespaces.length;
		dispatch({type: 'message', tone: 'info', text: `${plan.overwrite ? 'replaced' : 'wrote'} ${plan.path} (${count} namespace${count === 1 ? '' : 's'})`});
	};
	const spec = saveWorldForm(filtered ? shown.length : state.world.namespaces.length);
	dispatch({type: 'openOverlay', overlay: {kind: 'exec', view: {panel: 'scriptForm', spec, write, cancel: () => dispatch({type: 'closeOverlay'})}}});
}
