// What a form's values mean for the world: its messages, the plan they make, whether that plan touches the
// user's SSH session, and whether it asks for nothing new. The reducer and the view read the same facts.
import type {World} from '../../model/types.js';
import {withPredicted} from '../../plans/kernel-predicted.js';
import type {Plan} from '../../plans/plan.js';
import type {SessionRisk} from '../../plans/session-guard.js';
import {hasErrors, NOTHING_TO_CHANGE, type FormErrors, type FormSpec, type FormValues} from '../../plans/forms/form-spec.js';

export interface Size {
	readonly width: number;
	readonly height: number;
}

/** Where a form runs: its spec, the world it plans against, and the room it has. */
export interface FormEnv<P extends Plan = Plan> {
	readonly spec: FormSpec<P>;
	readonly world: World;
	readonly dryRun: boolean;
	/** Whether the plan touches the path of the user's SSH session: then its interface's name is typed first. */
	readonly sessionRisk?: (plan: Plan) => SessionRisk | undefined;
	readonly size: Size;
}

export interface FormFacts<P extends Plan = Plan> {
	readonly spec: FormSpec<P>;
	readonly errors: FormErrors;
	/** Only when the values validate. */
	readonly plan?: P;
	readonly risk?: SessionRisk;
	/** Why the values ask for nothing new, said as "Nothing to change: …"; nothing runs then. */
	readonly nothing?: string;
}

// Validating and planning again for every key and every frame is wasted work: the same values give the same facts.
const cache = new WeakMap<FormEnv, WeakMap<FormValues, FormFacts>>();

export function formFacts<P extends Plan>(env: FormEnv<P>, values: FormValues): FormFacts<P> {
	const known = cache.get(env as FormEnv) ?? new WeakMap<FormValues, FormFacts>();
	cache.set(env as FormEnv, known);
	const hit = known.get(values);
	if (hit) return hit as FormFacts<P>;
	const {spec, world, dryRun, sessionRisk} = env;
	const errors = spec.validate(values, world);
	// What the kernel will change by itself (a bridge's MAC, stacked MTUs, IPv6 route mtus) is said with the plan.
	const plan = hasErrors(errors) ? undefined : withPredicted(world, spec.plan(values, world));
	const risk = plan && !dryRun ? sessionRisk?.(plan) : undefined;
	const nothing = errors[NOTHING_TO_CHANGE] ?? (plan && plan.steps.length === 0 && !spec.withoutCommands ? 'these values are what the system has now' : undefined);
	const facts: FormFacts<P> = {spec, errors, plan, risk, nothing};
	known.set(values, facts);
	return facts;
}
