// `nsdeck save`, `diff`, `apply` and `destroy`: a world as a file, and the plan that makes the kernel
// match it, shown, asked about, run and rolled back as a form's plan is (plans/run-plan.ts).
import {createInterface} from 'node:readline/promises';
import {shown} from './model/display.js';
import {captureWorld} from './model/world-file/capture.js';
import {serializeWorldFile} from './model/world-file/serialize.js';
import {WorldFileError, type MadeKind, type WorldFile} from './model/world-file/types.js';
import type {World} from './model/types.js';
import type {QdiscsByNamespace} from './model/traffic/qdisc.js';
import type {Plan} from './plans/plan.js';
import {runPlan, type LogEntry} from './plans/run-plan.js';
import {commandText, logLine} from './plans/script.js';
import {destroyPlan} from './plans/world-destroy.js';
import {diffWorld, kindsToMake} from './plans/world-diff.js';
import {appendToLogFile} from './system/log-file.js';
import type {CommandResult} from './system/runner.js';
import {readWorldFile, writeWorldFile} from './system/world-file-io.js';

export interface WorldCommandOptions {
	readonly readWorld: () => Promise<World>;
	readonly run: (argv: readonly string[]) => Promise<CommandResult>;
	readonly out: (text: string) => void;
	readonly err: (text: string) => void;
	readonly yes?: boolean;
	readonly prune?: boolean;
	readonly dryRun?: boolean;
	readonly log?: string;
	/** Only these namespaces (save). */
	readonly only?: readonly string[];
	/** Save every made link's MAC address (save). */
	readonly macs?: boolean;
	/** Which of these kinds this kernel cannot make, with why (system/link-kind-probe.ts); absent: not asked. */
	readonly canMake?: (kinds: readonly MadeKind[]) => Promise<ReadonlyMap<string, string>>;
	/** The qdiscs where a link's root qdisc is not the default (show.ts's readShownQdiscs); absent: shaping is not compared. */
	readonly readQdiscs?: (world: World) => Promise<QdiscsByNamespace>;
}

/** diff's exit codes, as `terraform plan -detailed-exitcode`'s: 0 the world matches, 2 changes are needed, 1 an error. */
export const EXIT = {same: 0, error: 1, changes: 2, badFile: 2} as const;

function loadFile(path: string, o: WorldCommandOptions): WorldFile | number {
	try {
		return readWorldFile(path);
	} catch (error) {
		o.err(`nsdeck: ${shown(error instanceof Error ? error.message : String(error))}\n`);
		return error instanceof WorldFileError ? EXIT.badFile : EXIT.error;
	}
}

export function planText(plan: Plan): string {
	const lines = [`${plan.title}: ${plan.steps.length} command${plan.steps.length === 1 ? '' : 's'}`];
	for (const c of plan.consequences ?? []) lines.push(`  ! ${c}`);
	for (const step of plan.steps) lines.push(`  ${shown(commandText(step.argv))}`);
	return lines.join('\n') + '\n';
}

export async function saveCommand(path: string, o: WorldCommandOptions): Promise<number> {
	const world = await o.readWorld();
	const text = serializeWorldFile(captureWorld(world, {only: o.only, macs: o.macs, qdiscs: await o.readQdiscs?.(world)}));
	if (path === '-') o.out(text);
	else writeWorldFile(path, text);
	return 0;
}

/** The plan for a file, or the exit code when there is none to run. */
async function planFor(path: string, o: WorldCommandOptions, destroy: boolean): Promise<Plan | number> {
	const file = loadFile(path, o);
	if (typeof file === 'number') return file;
	const world = await o.readWorld();
	const qdiscs = await o.readQdiscs?.(world);
	if (destroy) return destroyPlan(file, world, qdiscs) ?? EXIT.same;
	const cannotMake = o.canMake ? await o.canMake(kindsToMake(file, world)) : undefined;
	const diff = diffWorld(file, world, {prune: o.prune, title: `Make the world match ${path}`, cannotMake, qdiscs});
	for (const problem of diff.problems) o.err(`nsdeck: ${shown(path)}: ${shown(problem)}\n`);
	if (diff.problems.length > 0) return EXIT.error;
	return diff.plan ?? EXIT.same;
}

export async function diffCommand(path: string, o: WorldCommandOptions): Promise<number> {
	const plan = await planFor(path, o, false);
	if (typeof plan === 'number') {
		if (plan === EXIT.same) o.out('The world matches the file: nothing to change.\n');
		return plan;
	}
	o.out(planText(plan));
	return EXIT.changes;
}

async function confirm(question: string): Promise<boolean> {
	const rl = createInterface({input: process.stdin, output: process.stderr});
	try {
		return /^y(es)?$/i.test((await rl.question(question)).trim());
	} finally {
		rl.close();
	}
}

/** apply and destroy: show the plan, ask (unless --yes), run it with rollback; 0 when it ran or there was nothing to do. */
export async function runFileCommand(path: string, o: WorldCommandOptions, destroy: boolean): Promise<number> {
	const plan = await planFor(path, o, destroy);
	if (typeof plan === 'number') {
		if (plan === EXIT.same) o.out(destroy ? 'Nothing the file declares is here: nothing to remove.\n' : 'The world matches the file: nothing to change.\n');
		return plan === EXIT.same ? 0 : plan;
	}
	o.out(planText(plan));
	if (!o.yes && !o.dryRun) {
		if (!process.stdin.isTTY) {
			o.err('nsdeck: not asking without a terminal: give --yes to run it\n');
			return EXIT.error;
		}
		if (!(await confirm(`Run ${plan.steps.length} commands${plan.dangerous ? ' (some cannot be undone)' : ''}? [y/N] `))) {
			o.err('nsdeck: nothing changed\n');
			return EXIT.error;
		}
	}
	let logProblem: string | undefined;
	const log = (entry: LogEntry): void => {
		if (o.log) logProblem = appendToLogFile(o.log, logLine(entry)) ?? logProblem;
	};
	const result = await runPlan(plan, {run: o.run, log, dryRun: o.dryRun});
	if (logProblem) o.err(`nsdeck: the log ${shown(o.log ?? '')} could not be written: ${shown(logProblem)}\n`);
	if (result.ok) {
		o.out(result.dryRun ? 'Dry run: nothing ran.\n' : 'Done.\n');
		return 0;
	}
	const failed = plan.steps[result.failedStep ?? 0];
	o.err(`nsdeck: failed: ${shown(commandText(failed.argv))}: ${shown(result.error ?? '')}\n`);
	if (result.hint) o.err(`nsdeck: ${shown(result.hint)}\n`);
	const undone = result.rolledBack.every((r) => r.ok);
	o.err(`nsdeck: ${result.rolledBack.length === 0 ? 'nothing had changed' : undone ? `rolled back: ${result.rolledBack.length} commands undone` : 'rollback failed in part: see the log'}\n`);
	return EXIT.error;
}
