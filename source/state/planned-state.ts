// A dry run as a planner: each confirmed plan is recorded, not run, and the world shown is the world as
// read with the plans' effects applied (model/planned-world.ts), so planned namespaces, links and
// addresses appear, marked planned, and later forms offer them. Reads of the kernel keep arriving; they
// replace the world as read, and the plans are applied to it again.
import {applyPlanned} from '../model/planned-world.js';
import type {World} from '../model/types.js';
import type {Plan} from '../plans/plan.js';
import {plannedScript} from '../plans/script.js';
import type {AppState} from './app-state.js';

/** The world as the kernel last said it, before any planned effect. */
export const readWorldOf = (state: AppState): World | undefined => state.readWorld ?? state.world;

/** What the screen shows: the world as read, with the planned effects in the order they were planned. */
export const shownWorld = (read: World, planned: readonly Plan[] | undefined): World =>
	planned && planned.length > 0 ? applyPlanned(read, planned.flatMap((p) => p.effects ?? [])) : read;

/** The planned plans as one script, or undefined when nothing was planned (the log is written instead). */
export function plannedScriptOf(state: AppState, header?: string): {script: string; commands: number} | undefined {
	const plans = state.planned ?? [];
	if (plans.length === 0) return undefined;
	return {script: plannedScript(plans, header), commands: plans.reduce((n, p) => n + p.steps.length, 0)};
}

/** A namespace a dry run planned that the kernel does not have: nothing can run inside it yet. */
export const onlyPlanned = (state: AppState, id: string): boolean =>
	state.readWorld !== undefined && !state.readWorld.namespaces.some((n) => n.id === id) && (state.world?.namespaces.some((n) => n.id === id) ?? false);
