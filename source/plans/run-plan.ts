// Runs a plan's steps in order. If one fails, or a step's pinned interface is no longer the one the
// preview showed, the finished steps are undone in reverse and, with the kernel's reads (transaction.ts),
// the state read before is restored; the result says which step failed, the kernel's message, what was
// rolled back, what is left, and what the kernel changed beyond what the plan said.
import type {KernelState} from '../model/kernel-state.js';
import type {CommandResult} from '../system/runner.js';
import {shown} from '../model/display.js';
import {isRawName, NOT_UTF8} from '../model/raw-names.js';
import {hintFor} from './hints.js';
import type {Argv, Plan, Step} from './plan.js';
import {alsoChangedText, pinsBroken, readScope, restoreTo, type KernelAccess, type UndoneStep} from './transaction.js';

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
	readonly rolledBack: readonly UndoneStep[];
	/** The failed step did not run: its target changed since the preview (the error says how). */
	readonly stopped?: boolean;
	/** After a rollback: what still differs from the state read before, in words. */
	readonly left?: readonly string[];
	/** After a run: what the kernel changed beyond what the plan said, in words. */
	readonly alsoChanged?: readonly string[];
	/** Some of that took something away (a route, an address, a link): worth stopping the user for. */
	readonly alsoTookAway?: boolean;
	/** The state read before it ran, which an undo restores. */
	readonly before?: KernelState;
}

export interface RunPlanOptions {
	readonly run: (argv: Argv) => Promise<CommandResult>;
	readonly log: (entry: LogEntry) => void;
	readonly dryRun?: boolean;
	readonly now?: () => Date;
	/** Reads of the kernel: pins checked, the before-state restored, the kernel's own changes named. */
	readonly kernel?: KernelAccess;
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

export async function runPlan(plan: Plan, {run, log, dryRun = false, now = () => new Date(), kernel}: RunPlanOptions): Promise<PlanResult> {
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
	const runUndo = async (argv: Argv): Promise<UndoneStep> => {
		const {result, started} = await timed(argv);
		entry(argv, result.exitCode === 0 ? 'undo ok' : 'undo failed', result, started);
		return {argv, ok: result.exitCode === 0, error: result.exitCode === 0 ? undefined : messageOf(result)};
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
	const scope = kernel ? readScope(plan, kernel) : [];
	const before = kernel ? await kernel.read(scope) : undefined;
	/** Undoes the finished steps, then restores what the kernel had before (routes, addresses, MACs, …). */
	const rollBack = async (index: number): Promise<{rolledBack: UndoneStep[]; left?: string[]}> => {
		const rolledBack: UndoneStep[] = [];
		for (const undo of undoSequence(plan.steps.slice(0, index))) rolledBack.push(await runUndo(undo));
		if (!kernel || !before) return {rolledBack};
		const restored = await restoreTo(plan, before, kernel, runUndo);
		return {rolledBack: [...rolledBack, ...restored.ran], left: restored.left};
	};
	for (const [index, step] of plan.steps.entries()) {
		const changed = kernel ? await pinsBroken(step, kernel) : undefined;
		if (changed) {
			entry(step.argv, 'not run');
			return {ok: false, dryRun: false, plan, failedStep: index, error: `stopped before this step: ${changed}`, stopped: true, ...(await rollBack(index)), before};
		}
		const {result, started} = await timed(step.argv);
		if (result.exitCode === 0) {
			entry(step.argv, 'ok', result, started);
			continue;
		}
		entry(step.argv, 'failed', result, started);
		const error = messageOf(result);
		return {ok: false, dryRun: false, plan, failedStep: index, error, hint: hintFor(error), ...(await rollBack(index)), before};
	}
	// A plan of raw commands (a tutorial's setup) says nothing of what it makes: all it did would be "also".
	const predicts = (plan.effects ?? []).length > 0 || (plan.touches ?? []).length > 0;
	const also = kernel && before && predicts ? alsoChangedText(plan, before, await kernel.read(scope)) : undefined;
	const said = also && also.lines.length > 0 ? {alsoChanged: also.lines, alsoTookAway: also.tookAway} : {};
	return {ok: true, dryRun: false, plan, rolledBack: [], ...said, before};
}

/**
 * Undoes a plan that ran: its own inverse first (it makes again what it deleted, knowing the kinds), then,
 * with the state read before it ran, whatever else differs. Says what could not be brought back.
 */
export async function undoPlan(plan: Plan, before: KernelState | undefined, {run, log, now = () => new Date(), kernel}: RunPlanOptions): Promise<{ok: boolean; ran: UndoneStep[]; left: string[]}> {
	const title = `Undo ${plan.title}`;
	const runUndo = async (argv: Argv): Promise<UndoneStep> => {
		const at = now();
		const result = await run(argv);
		const ok = result.exitCode === 0;
		const error = ok ? undefined : messageOf(result);
		log({argv, status: ok ? 'undo ok' : 'undo failed', exitCode: result.exitCode, signal: result.signal, error, plan: title, at, durationMs: Math.max(now().getTime() - at.getTime(), 0)});
		return {argv, ok, error};
	};
	const ran: UndoneStep[] = [];
	for (const argv of undoSequence(plan.steps)) ran.push(await runUndo(argv));
	if (!kernel || !before) return {ok: ran.every((r) => r.ok), ran, left: []};
	const restored = await restoreTo(plan, before, kernel, runUndo);
	// With the reads, what counts is what the kernel holds after: an inverse step that failed because
	// the kernel had already dropped what it would delete is no failure.
	return {ok: restored.left.length === 0, ran: [...ran, ...restored.ran], left: restored.left};
}
