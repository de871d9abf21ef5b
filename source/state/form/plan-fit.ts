// How much of a plan fits the rows a form has left: whole commands (a long one wraps, never cut with …),
// then what the plan takes along, then "… N more" for the rest, which Enter shows whole before it runs.
import type {Plan} from '../../plans/plan.js';
import {commandText} from '../../plans/script.js';
import {rowsOf} from './text-rows.js';

export interface PlanRows {
	/** Rows of each command, indented by two. */
	readonly steps: readonly number[];
	/** Rows of each line the plan takes along (`! …`). */
	readonly consequences: readonly number[];
}

export function planRows(plan: Plan, innerWidth: number): PlanRows {
	return {
		steps: plan.steps.map((step) => rowsOf(commandText(step.argv), innerWidth - 2)),
		consequences: (plan.consequences ?? []).map((line) => rowsOf(`! ${line}`, innerWidth)),
	};
}

const sum = (rows: readonly number[]): number => rows.reduce((a, b) => a + b, 0);

/** As many whole commands as fit with a "… N more" row after them, at least one. */
export function stepsThatFit(steps: readonly number[], rowsFree: number): number {
	let rows = 0;
	for (const [i, step] of steps.entries()) {
		rows += step;
		const moreRow = i < steps.length - 1 ? 1 : 0;
		if (rows + moreRow > rowsFree) return Math.max(i, 1);
	}
	return steps.length;
}

export interface PlanShown {
	readonly steps: number;
	readonly consequences: number;
	/** Rows it takes, the "… N more" row included. */
	readonly rows: number;
}

/**
 * The plan in `budget` rows. Where every consequence and a first command fit, the consequences all show and
 * the commands take the rest (as forms always did); tighter, commands come first, then consequences, each
 * whole, and the "… N more" row has its room kept.
 */
export function fitPlan(rows: PlanRows, budget: number): PlanShown {
	const all = sum(rows.steps) + sum(rows.consequences);
	if (all <= budget) return {steps: rows.steps.length, consequences: rows.consequences.length, rows: all};
	const stepsBudget = budget - sum(rows.consequences);
	if (rows.steps.length > 0 && rows.steps[0] + (rows.steps.length > 1 ? 1 : 0) <= stepsBudget) {
		const steps = stepsThatFit(rows.steps, stepsBudget);
		const used = sum(rows.steps.slice(0, steps)) + (steps < rows.steps.length ? 1 : 0);
		return {steps, consequences: rows.consequences.length, rows: used + sum(rows.consequences)};
	}
	const items = [...rows.steps, ...rows.consequences];
	let shown = 0;
	let used = 0;
	// Everything does not fit: one row stays for "… N more".
	while (shown < items.length && used + items[shown] + 1 <= budget) used += items[shown++];
	const steps = Math.min(shown, rows.steps.length);
	return {steps, consequences: shown - steps, rows: used + (budget >= used + 1 ? 1 : 0)};
}

/** The fewest rows a plan needs on the form: its first command and "… N more", or all of it when less. */
export function planFloor(rows: PlanRows): number {
	const items = [...rows.steps, ...rows.consequences];
	return items.length === 0 ? 0 : Math.min(sum(items), items[0] + (items.length > 1 ? 1 : 0));
}
