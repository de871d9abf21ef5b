// The SSH guard's revert job from the app's side (use-plans.ts): armed before a guarded change runs, so
// that the revert happens whether or not nsdeck lives to see the countdown end; fired at once when the
// session's route is gone; taken back by k. Every revert is the job's (nudged with SIGUSR1) so that a
// kill of nsdeck in the middle cannot leave it half done; only when the job gives no answer does nsdeck
// run the commands itself.
import type {SessionPath} from '../../model/ssh-session.js';
import {pathHolds, revertCommands, revertedSummary, revertLog, reportText} from '../../plans/guard-revert.js';
import type {Argv, Plan} from '../../plans/plan.js';
import type {LogEntry} from '../../plans/run-plan.js';
import type {RevertJob, RevertResult} from '../../system/revert-job.js';
import type {System} from '../../system/system.js';
import type {Action} from '../../state/reducer.js';

export interface ArmedJob {
	readonly job: RevertJob;
	readonly commands: readonly Argv[];
	readonly path: SessionPath;
}

/** How long nsdeck waits for the job's result before it reverts by itself. */
const ANSWER_MS = 15_000;

/** Starts the job for `plan`; a string says why it could not (then the plan must not run). */
export async function armJob(system: System, plan: Plan, path: SessionPath, seconds: number): Promise<ArmedJob | string> {
	const guard = system.guard;
	if (!guard) return 'no revert job (nsdeck-netdump is missing)';
	try {
		const commands = await revertCommands((argv) => system.run(argv), plan, path);
		return {job: await guard.start(plan.title, commands, seconds), commands, path};
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
}

/** Whether the session still has its way home after the change. */
export const sessionSurvived = (system: System, armed: ArmedJob): Promise<boolean> => pathHolds((argv) => system.run(argv), armed.path);

/** k: the change stays. False when the job had already begun to revert it (or, on a server, cannot be reached). */
export async function disarm(system: System, armed: ArmedJob): Promise<boolean> {
	const taken = (await system.guard?.claim(armed.job)) ?? false;
	if (taken) system.guard?.forget(armed.job);
	return taken;
}

/**
 * Takes the job back after a failed plan (run-plan rolled it back already). False when it could not: the
 * job had begun, or (on a server) the change cut the connection the claim goes over; then the job reverts.
 */
export async function cancelJob(system: System, armed: ArmedJob): Promise<boolean> {
	const taken = (await system.guard?.claim(armed.job)) ?? false;
	if (taken) system.guard?.forget(armed.job);
	return taken;
}

/**
 * A job that could not be taken back is left to revert at its deadline, where it runs (on a server: while
 * nsdeck may be cut off from it). Waits past the deadline for its result — the connection back, if it was
 * lost — and says what it did, in the log and one line; undefined when no result came.
 */
export async function awaitJob(system: System, armed: ArmedJob, title: string, seconds: number, log: (entry: LogEntry) => void): Promise<string | undefined> {
	const result = await system.guard?.result(armed.job, seconds * 1000 + ANSWER_MS);
	if (!result) return undefined;
	system.guard?.forget(armed.job);
	for (const entry of revertLog(title, result)) log(entry);
	return `↺ ${title}: reverted by the guard's job · ${revertedSummary(result)}`;
}

/** Has the job revert now, and waits for what it did; runs the commands itself if the job is gone. */
export async function revertNow(system: System, armed: ArmedJob, title: string, log: (entry: LogEntry) => void): Promise<RevertResult> {
	const guard = system.guard;
	guard?.nudge(armed.job);
	let result = await guard?.result(armed.job, ANSWER_MS);
	if (!result && (await guard?.claim(armed.job))) {
		const commands = [];
		for (const argv of armed.commands) commands.push({argv, status: (await system.run(argv)).exitCode});
		result = {at: Date.now(), commands};
	}
	guard?.forget(armed.job);
	const final = result ?? {at: Date.now(), commands: []};
	for (const entry of revertLog(title, final)) log(entry);
	return final;
}

export const revertedText = (title: string, why: string, result: RevertResult): string =>
	result.commands.length === 0 ? `✗ ${title}: the revert job did not answer; check it by hand` : `↺ ${title}: undone (${why}) · ${revertedSummary(result)}`;

/** At start: what the jobs of earlier runs did while nsdeck was away, in the log and one status line. */
export async function reportEarlierReverts(system: System, dispatch: (action: Action) => void): Promise<void> {
	const reports = (await system.guard?.reports().catch(() => [])) ?? [];
	for (const report of reports) {
		if (report.result) for (const entry of revertLog(report.title, report.result)) dispatch({type: 'logged', entry});
	}
	if (reports.length > 0) dispatch({type: 'message', tone: 'error', text: reports.map(reportText).join(' · ')});
}
