// w in the command log: the form asking where, then the script written there and the full path said in
// the status line.
import {scriptForm, type ScriptPlan} from '../plans/forms/script-form.js';
import {logToScript} from '../plans/script.js';
import {writeScriptFile} from '../system/log-file.js';
import type {AppState} from './app-state.js';
import type {Action} from './reducer.js';

export function openScriptForm(getState: () => AppState, dispatch: (action: Action) => void, lab: boolean): void {
	const count = getState().log.length;
	if (count === 0) return dispatch({type: 'message', tone: 'error', text: 'the log is empty: nothing to write'});
	const write = (plan: ScriptPlan): void => {
		const entries = getState().log;
		try {
			writeScriptFile(plan.path, logToScript(entries, `written by nsdeck${lab ? ' in the lab' : ''} ${new Date().toISOString()}`), plan.overwrite);
		} catch (error) {
			// The form stays open: the user may pick another place.
			return dispatch({type: 'message', tone: 'error', text: `cannot write ${plan.path}: ${error instanceof Error ? error.message : String(error)}`});
		}
		dispatch({type: 'openOverlay', overlay: {kind: 'log'}});
		dispatch({type: 'message', tone: 'info', text: `${plan.overwrite ? 'replaced' : 'wrote'} ${plan.path} (${entries.length} command${entries.length === 1 ? '' : 's'})`});
	};
	dispatch({type: 'openOverlay', overlay: {kind: 'exec', view: {panel: 'scriptForm', spec: scriptForm(count), write, cancel: () => dispatch({type: 'openOverlay', overlay: {kind: 'log'}})}}});
}
