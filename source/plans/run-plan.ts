// Runs a plan's steps in order. If one fails, the finished steps are undone in reverse, so the world is
// left as it was; the result says which step failed, the kernel's message and what was rolled back.
import type {CommandResult} from '../system/runner.js';
import {shown} from '../model/display.js';
import {isRawName, NOT_UTF8} from '../model/raw-names.js';
import {hintFor} from './hints.js';
import type {Argv, Plan, Step} from './plan.js';

/** `running` and `stopped`: a ping or an x command, logged when it starts and again when it ends. */
export type LogStatus = 'ok' | 'failed' | 'not run' | 'undo ok' | 'undo failed' | 'running' | 'stopped';

export interface LogEntry {
	readonly argv: Argv;
	readonly status: LogStatus;
	readonly exitCode?: number;
	/** The signal that ended it (SIGINT for a stopped ping, SIGKILL, …). */
	readonly signal?: string;
	readonly error?: string;
	readonly plan: string;
	/** When it started. */
	readonly at: Date;
	/** How long it ran; unset while running and for what did not run. */
	readonly durationMs?: number;
	/** Entries that change while shown (a running ping) carry an id: the next entry with it replaces it. */
	readonly id?: string;
	/** It only looked (ping): kept in the log and --log, but never as a command in a script to re-run. */
	readonly looks?: boolean;
}

export interface PlanResult {
	readonly ok: boolean;
	readonly dryRun: boolean;
	readonly plan: Plan;
	/** Index of the step that failed. */
	readonly failedStep?: number;
	readonly error?: string;
	readonly hint?: string;
	/** Undo commands that ran, and whether each worked. */
	readonly rolledBack: ReadonlyArray<{readonly argv: Argv; readonly ok: boolean; readonly error?: string}>;
}

export interface RunPlanOptions {
	readonly run: (argv: Argv) => Promise<CommandResult>;
	readonly log: (entry: LogEntry) => void;
	readonly dryRun?: boolean;
	readonly now?: () => Date;
}

const messageOf = (r: CommandResult): string => r.stderr.trim() || r.failure || `exit status ${r.exitCode}`;

/** The undo commands for the finished steps, newest first; of each group only its newest step's undo. */
export function undoSequence(finished: readonly Step[]): Argv[] {
	const seenGroups = new Set<string>();
	const undos: Argv[] = [];
	for (const step of [...finished].reverse()) {
		if (step.group !== undefined) {
			if (seenGroups.has(step.group)) continue;
			seenGroups.add(step.group);
		}
		if (step.undo) undos.push(step.undo);
	}
	return undos;
}

export async function runPlan(plan: Plan, {run, log, dryRun = false, now = () => new Date()}: RunPlanOptions): Promise<PlanResult> {
	const entry = (argv: Argv, status: LogStatus, r?: CommandResult, started?: Date): void => {
		const at = started ?? now();
		const durationMs = started ? Math.max(now().getTime() - started.getTime(), 0) : undefined;
		log({argv, status, exitCode: r?.exitCode, signal: r?.signal, error: r && r.exitCode !== 0 ? messageOf(r) : undefined, plan: plan.title, at, durationMs});
	};
	/** Runs one command, noting when it started so its entry carries the start time and duration. */
	const timed = async (argv: Argv): Promise<{result: CommandResult; started: Date}> => {
		const started = now();
		return {result: await run(argv), started};
	};

	if (dryRun) {
		for (const step of plan.steps) entry(step.argv, 'not run');
		return {ok: true, dryRun: true, plan, rolledBack: []};
	}
	// A name that is no UTF-8 cannot be given to ip as text: it would name another device (raw-names.ts).
	const rawStep = plan.steps.findIndex((step) => step.argv.some(isRawName));
	if (rawStep >= 0) {
		const name = plan.steps[rawStep].argv.find(isRawName) ?? '';
		return {ok: false, dryRun: false, plan, failedStep: rawStep, error: `${shown(name)}: ${NOT_UTF8}`, rolledBack: []};
	}
	for (const [index, step] of plan.steps.entries()) {
		const {result, started} = await timed(step.argv);
		if (result.exitCode === 0) {
			entry(step.argv, 'ok', result, started);
			continue;
		}
		entry(step.argv, 'failed', result, started);
		const rolledBack = [];
		for (const undo of undoSequence(plan.steps.slice(0, index))) {
			const {result: undone, started: undoStarted} = await timed(undo);
			entry(undo, undone.exitCode === 0 ? 'undo ok' : 'undo failed', undone, undoStarted);
			rolledBack.push({argv: undo, ok: undone.exitCode === 0, error: undone.exitCode === 0 ? undefined : messageOf(undone)});
		}
		const error = messageOf(result);
		return {ok: false, dryRun: false, plan, failedStep: index, error, hint: hintFor(error), rolledBack};
	}
	return {ok: true, dryRun: false, plan, rolledBack: []};
}
