// Runs a plan from a form or a key: logs each command, appends to --log, reads the affected namespaces
// again, keeps the selection on what the user acted on, and reports the outcome.
import {useCallback} from 'react';
import type {Plan} from '../plans/plan.js';
import {runPlan, type LogEntry, type PlanResult} from '../plans/run-plan.js';
import {logLine} from '../plans/script.js';
import {appendToLogFile} from '../system/log-file.js';
import type {System} from '../system/system.js';
import type {Action} from './reducer.js';

export interface PlanOptions {
	readonly dryRun: boolean;
	readonly logFile?: string;
}

/** What the status says after a failed step: only what is true of the undo. */
export function rollbackSummary(result: PlanResult): string {
	const left = result.rolledBack.filter((u) => !u.ok);
	if (left.length > 0) return `rollback incomplete: ${left.length} undo step${left.length === 1 ? '' : 's'} failed (${left.map((u) => u.argv.join(' ')).join('; ')})`;
	return result.rolledBack.length > 0 ? 'rolled back' : 'nothing had changed';
}

export function usePlans(
	system: System,
	dispatch: (action: Action) => void,
	refreshNamespaces: (ids: readonly string[]) => Promise<void>,
	{dryRun, logFile}: PlanOptions,
): (plan: Plan) => Promise<void> {
	return useCallback(
		async (plan: Plan) => {
			dispatch({type: 'openOverlay', overlay: {kind: 'running', title: plan.title}});
			let logProblem: string | undefined;
			const log = (entry: LogEntry): void => {
				dispatch({type: 'logged', entry});
				if (logFile) logProblem = appendToLogFile(logFile, logLine(entry)) ?? logProblem;
			};
			const logNote = (): string => (logProblem ? ` — cannot write ${logFile}: ${logProblem}` : '');
			let result;
			try {
				result = await runPlan(plan, {run: (argv) => system.run(argv), log, dryRun});
			} catch (error) {
				// A command that could not even start (not a kernel error): say so, never hang on "running".
				dispatch({type: 'closeOverlay'});
				dispatch({type: 'message', tone: 'error', text: `✗ ${plan.title}: ${error instanceof Error ? error.message : String(error)}`});
				return;
			}
			if (!dryRun) await refreshNamespaces(plan.affects);
			if (result.ok) {
				dispatch({type: 'closeOverlay'});
				if (plan.select && !dryRun) dispatch({type: 'select', ...plan.select});
				const count = `${plan.steps.length} command${plan.steps.length === 1 ? '' : 's'}`;
				const text = dryRun ? `dry run: ${plan.title} — ${count} logged, not run (l)` : `✓ ${plan.title} (${count})`;
				dispatch({type: 'message', tone: logProblem ? 'error' : 'info', text: text + logNote()});
			} else {
				dispatch({type: 'openOverlay', overlay: {kind: 'result', result}});
				dispatch({type: 'message', tone: 'error', text: `✗ ${plan.title} failed; ${rollbackSummary(result)}${logNote()}`});
			}
		},
		[system, dispatch, refreshNamespaces, dryRun, logFile],
	);
}
