// Runs a plan from a form or a key: logs each command, appends to --log, reads the affected namespaces
// again, keeps the selection on what the user acted on, and reports the outcome. A plan on the path of
// the user's own SSH session (session-guard.ts) is then undone by itself after a countdown unless kept
// with k, the way `netplan try` protects a remote admin: if the change cut the session, no k can come.
// That revert is a job outside nsdeck (guard-job.ts), armed before the change runs, so it happens even
// when nsdeck is killed or loses its terminal; without the helper nsdeck undoes the plan itself.
import {useCallback, useEffect, useRef} from 'react';
import type {Plan} from '../../plans/plan.js';
import type {KernelState} from '../../model/kernel-state.js';
import {runPlan, undoPlan, type LogEntry, type PlanResult} from '../../plans/run-plan.js';
import {kernelAccess} from '../../plans/transaction.js';
import {logLine, onHost} from '../../plans/script.js';
import type {SessionRisk} from '../../plans/session-guard.js';
import {appendToLogFile} from '../../system/log-file.js';
import type {System} from '../../system/system.js';
import type {Action} from '../../state/reducer.js';
import type {SessionPath} from '../../model/ssh-session.js';
import {armJob, awaitJob, cancelJob, disarm, reportEarlierReverts, revertedText, revertNow, sessionSurvived, type ArmedJob} from './guard-job.js';

export interface PlanOptions {
	readonly dryRun: boolean;
	readonly logFile?: string;
	/** Whether a plan touches the path of the user's SSH session, judged on the current world. */
	readonly sessionRisk?: (plan: Plan) => SessionRisk | undefined;
	/** The SSH session's path in the current world: what the revert job restores and checks. */
	readonly sessionPath?: () => SessionPath | undefined;
	/** How long a change on the session's path waits for k before it is undone. */
	readonly keepSeconds?: number;
	/** Namespaces to read with a plan's own: where devices hang on other namespaces' (a vxlan's underlay). */
	readonly alsoRead?: () => readonly string[];
}

export interface PlanControls {
	readonly execute: (plan: Plan) => Promise<void>;
	/** k: keep the change that is counting down. */
	readonly keep: () => void;
	/** Undo it now instead of waiting. */
	readonly undoNow: () => void;
}

/** What the status says after a failed step: only what is true of the undo. */
export function rollbackSummary(result: PlanResult): string {
	if (result.left && result.left.length > 0) return `rollback incomplete: still different: ${result.left.join('; ')}`;
	const left = result.rolledBack.filter((u) => !u.ok);
	if (left.length > 0) return `rollback incomplete: ${left.length} undo step${left.length === 1 ? '' : 's'} failed (${left.map((u) => u.argv.join(' ')).join('; ')})`;
	return result.rolledBack.length > 0 ? 'rolled back' : 'nothing had changed';
}

export const KEEP_SECONDS = 30;

interface Pending {
	readonly plan: Plan;
	/** What the kernel held before it ran: the undo restores it. */
	readonly before?: KernelState;
	readonly timer: ReturnType<typeof setTimeout>;
	/** The revert job holding the before-state, when the helper could start one. */
	readonly armed?: ArmedJob;
}

export function usePlans(
	system: System,
	dispatch: (action: Action) => void,
	refreshNamespaces: (ids: readonly string[]) => Promise<void>,
	{dryRun, logFile, sessionRisk, sessionPath, keepSeconds = KEEP_SECONDS, alsoRead}: PlanOptions,
): PlanControls {
	const pending = useRef<Pending | undefined>(undefined);
	// Quitting is not keeping: the job, if any, reverts at its deadline.
	useEffect(() => () => clearTimeout(pending.current?.timer), []);
	useEffect(() => void reportEarlierReverts(system, dispatch), [system, dispatch]);

	const run = useCallback(
		async (plan: Plan): Promise<{result?: PlanResult; logProblem?: string}> => {
			let logProblem: string | undefined;
			// On a server, every entry names it: the log, --log and exported scripts say `ssh DEST -- '…'`.
			const log = (ran: LogEntry): void => {
				const entry = system.host ? {...ran, argv: onHost(system.host, ran.argv)} : ran;
				dispatch({type: 'logged', entry});
				if (logFile) logProblem = appendToLogFile(logFile, logLine(entry)) ?? logProblem;
			};
			try {
				return {result: await runPlan(plan, {run: (argv) => system.run(argv), log, dryRun, kernel: dryRun ? undefined : kernelAccess(system, alsoRead)}), logProblem};
			} catch (error) {
				// A command that could not even start (not a kernel error): say so, never hang on "running".
				dispatch({type: 'closeOverlay'});
				dispatch({type: 'message', tone: 'error', text: `✗ ${plan.title}: ${error instanceof Error ? error.message : String(error)}`});
				return {logProblem};
			}
		},
		[system, dispatch, dryRun, logFile, alsoRead],
	);

	const undo = useCallback(
		async (why: string) => {
			const current = pending.current;
			if (!current) return;
			clearTimeout(current.timer);
			pending.current = undefined;
			if (current.armed) {
				dispatch({type: 'openOverlay', overlay: {kind: 'running', title: `Revert ${current.plan.title}`}});
				const done = await revertNow(system, current.armed, current.plan.title, (entry) => dispatch({type: 'logged', entry}));
				await refreshNamespaces(current.plan.affects);
				dispatch({type: 'closeOverlay'});
				dispatch({type: 'message', tone: 'error', text: revertedText(current.plan.title, why, done)});
				return;
			}
			// No revert job (no helper): nsdeck undoes it itself, the inverse and then the before-state.
			const title = current.plan.title;
			dispatch({type: 'openOverlay', overlay: {kind: 'running', title: `Undo ${title}`}});
			const log = (entry: LogEntry): void => {
				dispatch({type: 'logged', entry});
				if (logFile) appendToLogFile(logFile, logLine(entry));
			};
			let text: string;
			try {
				const undone = await undoPlan(current.plan, current.before, {run: (argv) => system.run(argv), log, kernel: kernelAccess(system, alsoRead)});
				const failed = undone.ran.filter((r) => !r.ok);
				text = undone.ok
					? `↺ ${title}: undone (${why})`
					: undone.left.length > 0
						? `✗ ${title}: not all undone; still different: ${undone.left.join('; ')}`
						: `✗ ${title}: could not be undone (${failed.map((r) => r.error).join('; ') || 'see the log'})`;
			} catch (error) {
				text = `✗ ${title}: could not be undone (${error instanceof Error ? error.message : String(error)})`;
			}
			await refreshNamespaces(current.plan.affects);
			dispatch({type: 'closeOverlay'});
			dispatch({type: 'message', tone: 'error', text});
		},
		[system, dispatch, refreshNamespaces, logFile, alsoRead],
	);

	const execute = useCallback(
		async (plan: Plan) => {
			dispatch({type: 'openOverlay', overlay: {kind: 'running', title: plan.title}});
			// Judged before it runs, on the world the user saw.
			const risk = sessionRisk?.(plan);
			const path = risk?.undoable && !dryRun && system.guard ? sessionPath?.() : undefined;
			const armed = path ? await armJob(system, plan, path, keepSeconds) : undefined;
			if (typeof armed === 'string') {
				// A guarded change without its revert is what the guard exists to prevent.
				dispatch({type: 'closeOverlay'});
				dispatch({type: 'message', tone: 'error', text: `✗ ${plan.title}: not run; ${armed}`});
				return;
			}
			const {result, logProblem} = await run(plan);
			if (armed && !result?.ok && !(await cancelJob(system, armed))) {
				// Not taken back: the change may have cut the connection; the job reverts, and says so later.
				void awaitJob(system, armed, plan.title, keepSeconds, (entry) => dispatch({type: 'logged', entry})).then(async (said) => {
					if (!said) return;
					await refreshNamespaces(plan.affects);
					dispatch({type: 'message', tone: 'error', text: said});
				});
			}
			if (!result) return;
			const logNote = logProblem ? ` — cannot write ${logFile}: ${logProblem}` : '';
			if (!dryRun) await refreshNamespaces(plan.affects);
			if (!result.ok) {
				dispatch({type: 'openOverlay', overlay: {kind: 'result', result}});
				const what = result.stopped ? `stopped, ${result.error}` : 'failed';
				dispatch({type: 'message', tone: 'error', text: `✗ ${plan.title} ${what}; ${rollbackSummary(result)}${logNote}`});
				return;
			}
			// A dry run plans: what the plan makes is shown, marked planned, and later forms can use it.
			if (dryRun) dispatch({type: 'planned', plan});
			if (plan.select) dispatch({type: 'select', ...plan.select});
			const count = `${plan.steps.length} command${plan.steps.length === 1 ? '' : 's'}`;
			// A plan that says nothing of what it makes (raw commands, a tutorial's setup) is recorded, not shown.
			const unseen = dryRun && (plan.effects ?? []).length === 0 ? '; not shown in the panes' : '';
			// What the kernel took away besides opens as lines (below); what it only changed (a bridge's MAC) is said here.
			const more = result.alsoChanged ?? [];
			const also = more.length === 0 ? '' : result.alsoTookAway ? `; the kernel also changed ${more.length} thing${more.length === 1 ? '' : 's'} more` : `; the kernel also changed: ${more.join('; ')}`;
			const text = dryRun ? `planned, not run: ${plan.title} (${count}${unseen})` : `✓ ${plan.title} (${count})${also}`;
			dispatch({type: 'message', tone: logProblem ? 'error' : 'info', text: text + logNote});
			if (risk?.undoable && !dryRun) {
				const timer = setTimeout(() => void undo(`not kept within ${keepSeconds} s`), keepSeconds * 1000);
				pending.current = {plan, before: result.before, timer, armed};
				if (armed && !(await sessionSurvived(system, armed))) {
					const {client, server} = armed.path.session;
					await undo(`no route to ${client} from ${server} was left`);
					return;
				}
				dispatch({type: 'openOverlay', overlay: {kind: 'keep', title: plan.title, deadline: Date.now() + keepSeconds * 1000}});
			} else if (!dryRun && result.alsoTookAway) {
				// Said plainly, as lines, until Esc: what the kernel did beyond the plan is what surprises people.
				dispatch({type: 'openOverlay', overlay: {kind: 'result', result}});
			} else {
				dispatch({type: 'closeOverlay'});
			}
		},
		[dispatch, sessionRisk, sessionPath, system, run, logFile, dryRun, refreshNamespaces, undo, keepSeconds],
	);

	const keep = useCallback(async () => {
		const current = pending.current;
		if (!current) return;
		const taken = current.armed ? await disarm(system, current.armed) : true;
		// On a server the claim is a round trip: the countdown may have ended meanwhile.
		if (pending.current !== current) return;
		if (!taken) {
			// The job had begun: what it does is reported as any revert.
			void undo('the revert had already begun');
			return;
		}
		clearTimeout(current.timer);
		pending.current = undefined;
		dispatch({type: 'closeOverlay'});
		dispatch({type: 'message', tone: 'info', text: `✓ kept: ${current.plan.title}`});
	}, [dispatch, system, undo]);

	const undoNow = useCallback(() => void undo('on request'), [undo]);

	return {execute, keep: () => void keep(), undoNow};
}
