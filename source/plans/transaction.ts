// A plan as a transaction against the kernel (run-plan.ts runs it): the namespaces it touches are read
// before it runs and after; each step's pinned interfaces (pins.ts) are checked right before the step;
// what the kernel changed beyond what the plan said is named; and a rollback or an undo restores the
// state read before (restore-plan.ts), after the plan's own inverse has made again what it deleted.
import {changeText, diffStates, type StateChange} from '../model/kernel-diff.js';
import type {KernelState} from '../model/kernel-state.js';
import type {NetnsIdentity} from '../model/types.js';
import type {System} from '../system/system.js';
import {unexpectedChanges} from './kernel-explained.js';
import type {Argv, Plan, Step} from './plan.js';
import {pinProblem} from './pins.js';
import {ownedBy, restoreSteps, whyLeft} from './restore-plan.js';

/** What a transaction needs of the system (system.ts gives it). */
export interface KernelAccess {
	/** The namespaces' state; one that is gone is absent. */
	readonly read: (ids: readonly string[]) => Promise<KernelState>;
	/** A namespace's links right now; undefined when it is gone or no longer the namespace `identity` names. */
	readonly linksNow: (ns: string, identity?: NetnsIdentity) => Promise<ReadonlyArray<{readonly ifindex: number; readonly name: string}> | undefined>;
	/** Namespaces to read besides the plan's own: where a device may hang on one it touches (a vxlan elsewhere). */
	readonly alsoRead?: readonly string[];
}

/** The kernel's reads, where the system offers them (the UI tests' fake does not). */
export function kernelAccess(system: System, alsoRead?: () => readonly string[]): KernelAccess | undefined {
	const {readKernel, linksNow} = system;
	if (!readKernel || !linksNow) return undefined;
	return {read: (ids) => readKernel.call(system, ids), linksNow: (id, identity) => linksNow.call(system, id, identity), alsoRead: alsoRead?.()};
}

export interface UndoneStep {
	readonly argv: Argv;
	readonly ok: boolean;
	readonly error?: string;
}

/** Runs one undo or restore command, logs it, and says how it went. */
export type RunUndo = (argv: Argv) => Promise<UndoneStep>;

/** The namespaces a plan's reads cover. */
export function readScope(plan: Plan, kernel: KernelAccess): string[] {
	const pinned = plan.steps.flatMap((s) => s.pins ?? []).map((p) => p.ns);
	return [...new Set([...plan.affects, ...pinned, ...(kernel.alsoRead ?? [])])];
}

/** Why the step must not run (a pinned interface is not the one the preview showed), or undefined. */
export async function pinsBroken(step: Step, kernel: KernelAccess): Promise<string | undefined> {
	for (const pin of step.pins ?? []) {
		const problem = pinProblem(pin, await kernel.linksNow(pin.ns, pin.identity));
		if (problem) return problem;
	}
	return undefined;
}

/** Differences that need no words: addresses the kernel makes itself come back with their link. */
const worthSaying = (c: StateChange): boolean => !(c.kind === 'address' && c.address.kernelMade);

/** What differs from `before`, each with why it could not be restored where that is known. */
export function leftText(changes: readonly StateChange[]): string[] {
	return changes.filter(worthSaying).map((c) => {
		const why = whyLeft(c);
		return why ? `${changeText(c)} (${why})` : changeText(c);
	});
}

/**
 * Brings the plan's namespaces back to `before` (as far as it owns the changes, restore-plan.ts): reads them, runs what differs back (restore-plan.ts), twice at
 * most (a link set up makes the kernel add routes and addresses of its own, seen only by the next read),
 * and says what is still different.
 */
export async function restoreTo(plan: Plan, before: KernelState, kernel: KernelAccess, runUndo: RunUndo): Promise<{ran: UndoneStep[]; left: string[]}> {
	const ids = readScope(plan, kernel);
	const ours = ownedBy(new Set(plan.steps.flatMap((s) => [...s.argv, ...(s.undo ?? [])])));
	const ran: UndoneStep[] = [];
	let now = await kernel.read(ids);
	for (let round = 0; round < 2; round++) {
		const steps = restoreSteps(before, now, ours);
		if (steps.length === 0) break;
		for (const argv of steps) ran.push(await runUndo(argv));
		now = await kernel.read(ids);
	}
	return {ran, left: leftText(diffStates(before, now).filter(ours))};
}

/**
 * After a run: what the kernel changed that the plan did not say it would, in words, and whether any of it
 * took something away (a route, an address, a link, a neighbour) rather than changed it (a bridge's MAC).
 */
export function alsoChangedText(plan: Plan, before: KernelState, after: KernelState): {lines: string[]; tookAway: boolean} {
	const changes = unexpectedChanges(plan, diffStates(before, after));
	return {lines: changes.map(changeText), tookAway: changes.some((c) => 'present' in c && !c.present)};
}
