// Many plans as one (a world file's apply, diff or destroy): their steps in order, so that a failed step
// rolls back every step before it, across the plans. Each plan's undo groups stay its own.
import type {Plan} from './plan.js';

export function combinePlans(title: string, plans: readonly Plan[]): Plan {
	const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];
	const consequences = plans.flatMap((p) => p.consequences ?? []);
	return {
		title,
		// A group names the steps one undo covers: two plans may use the same name for different things.
		steps: plans.flatMap((p, i) => p.steps.map((s) => (s.group === undefined ? s : {...s, group: `${i}:${s.group}`}))),
		dangerous: plans.some((p) => p.dangerous),
		destructive: plans.some((p) => p.destructive === true),
		touches: plans.flatMap((p) => p.touches ?? []),
		consequences: consequences.length > 0 ? unique(consequences) : undefined,
		affects: unique(plans.flatMap((p) => p.affects)),
		effects: plans.flatMap((p) => p.effects ?? []),
	};
}
