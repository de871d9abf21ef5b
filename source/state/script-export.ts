// w in the command log: the form asking where, then the script written there and the full path said in
// the status line.
import {scriptForm, type ScriptPlan} from '../plans/forms/script-form.js';
import {logToScript} from '../plans/script.js';
import {writeScriptFile} from '../system/log-file.js';
import type {AppState} from './app-state.js';
import {plannedScriptOf} from './planned-state.js';
import type {Action} from './reducer.js';

export function openScriptForm(getState: () => AppState, dispatch: (action: Action) => void, lab: boolean): void {
	const count = getState().log.length;
	if (count === 0) return dispatch({type: 'message', tone: 'error', text: 'the log is empty: nothing to write'});
	// A dry run's plans are written as one script that builds them all (planned-state.ts); else the log.
	const plans = plannedScriptOf(getState());
	const write = (plan: ScriptPlan): void => {
		const entries = getState().log;
		const header = `written by nsdeck${lab ? ' in the lab' : ''} ${new Date().toISOString()}`;
		const planned = plannedScriptOf(getState(), `planned with nsdeck --dry-run: ${header}`);
		const commands = planned?.commands ?? entries.length;
		try {
			writeScriptFile(plan.path, planned?.script ?? logToScript(entries, header), plan.overwrite);
		} catch (error) {
			// The form stays open: the user may pick another place.
			return dispatch({type: 'message', tone: 'error', text: `cannot write ${plan.path}: ${error instanceof Error ? error.message : String(error)}`});
		}
		dispatch({type: 'openOverlay', overlay: {kind: 'log'}});
		dispatch({type: 'message', tone: 'info', text: `${plan.overwrite ? 'replaced' : 'wrote'} ${plan.path} (${commands} command${commands === 1 ? '' : 's'})`});
	};
	const form = scriptForm(plans?.commands ?? count);
	const spec = plans ? {...form, title: `Write the plan (${plans.commands} command${plans.commands === 1 ? '' : 's'}) as a script`} : form;
	dispatch({type: 'openOverlay', overlay: {kind: 'exec', view: {panel: 'scriptForm', spec, write, cancel: () => dispatch({type: 'openOverlay', overlay: {kind: 'log'}})}}});
}
