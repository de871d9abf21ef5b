// The change keys: a form opens (the plan shown before it runs), or a message says why not. Read-only
// sessions may still open forms in a dry run, where nothing runs.
import {useCallback} from 'react';
import type {BindingId} from '../../state/keys/keymap.js';
import type {Plan} from '../../plans/plan.js';
import {logToScript} from '../../plans/script.js';
import type {System} from '../../system/system.js';
import {changeFor, type ChangeOutcome} from '../../state/change-actions.js';
import {plannedScriptOf} from '../../state/planned-state.js';
import {openScriptForm} from '../../state/script-export.js';
import {openSaveWorldForm} from '../../state/world-save.js';
import type {Action} from '../../state/reducer.js';
import type {AppState} from '../../state/app-state.js';

export function useChanges(
	system: System,
	getState: () => AppState,
	dispatch: (action: Action) => void,
	execute: (plan: Plan) => Promise<void>,
	dryRun: boolean,
): {change: (id: BindingId) => void; exportLog: () => void; saveWorld: () => void; copyLog: () => void; copy: (text: string, what: string) => void} {
	const change = useCallback(
		(id: BindingId) => {
			if (!system.access.canChange && !dryRun) {
				dispatch({type: 'message', tone: 'error', text: 'cannot change anything here: run as root, or nsdeck lab; --dry-run plans without changing'});
				return;
			}
			const act = (outcome: ChangeOutcome | undefined): void => {
				if (!outcome) return;
				if ('message' in outcome) dispatch({type: 'message', tone: 'error', text: outcome.message});
				else if ('form' in outcome) dispatch({type: 'openOverlay', overlay: {kind: 'form', spec: outcome.form}});
				else void execute(outcome.plan);
			};
			const outcome = changeFor(id, getState(), system);
			if (outcome instanceof Promise) void outcome.then(act, (error: unknown) => dispatch({type: 'message', tone: 'error', text: String(error)}));
			else act(outcome);
		},
		[system, getState, dispatch, execute, dryRun],
	);

	// w asks where (script-export.ts), then writes and says the full path.
	const exportLog = useCallback(() => openScriptForm(getState, dispatch, system.lab), [getState, dispatch, system]);

	// W asks where (state/world-save.ts), then writes the world file and says the full path.
	const saveWorld = useCallback(() => openSaveWorldForm(getState, dispatch), [getState, dispatch]);

	/** Sends `text` to the clipboard and says in the status how it went: `what` is what it holds. */
	const copy = useCallback(
		(text: string, what: string) => {
			void system.copyToClipboard(text).then((outcome) =>
				dispatch(
					outcome.sent
						? {type: 'message', tone: 'info', text: outcome.via === 'tmux' ? `copied ${what} into tmux's buffer (prefix ] pastes it)` : `sent ${what} to the terminal's clipboard (OSC 52): it may ignore it`}
						: {type: 'message', tone: 'error', text: `✗ not copied: ${outcome.why}`},
				),
			);
		},
		[system, dispatch],
	);

	const copyLog = useCallback(() => {
		const entries = getState().log;
		copy(plannedScriptOf(getState())?.script ?? logToScript(entries), `${entries.length} command${entries.length === 1 ? '' : 's'} as a script`);
	}, [getState, copy]);

	return {change, exportLog, saveWorld, copyLog, copy};
}
