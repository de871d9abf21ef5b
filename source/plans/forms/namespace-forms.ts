// n: new namespace; d on a namespace: delete it; f: forwarding.
import {checkNewNamespace} from '../../model/validate.js';
import {attachNamespacePlan, deleteNamespacePlan, newNamespacePlan} from '../../plans/namespace-plans.js';
import {nsDisplayName} from '../../model/netns-id.js';
import type {Plan} from '../../plans/plan.js';
import {forwardingPlan} from '../../plans/route-plans.js';
import {errorsOf, flag, NOTHING_TO_CHANGE, text, type FormContext, type FormSpec} from './form-spec.js';

export function newNamespaceForm(): FormSpec {
	return {
		title: 'New namespace',
		fields: [
			{id: 'name', label: 'Name', kind: 'text', placeholder: 'e.g. ns1'},
			{id: 'loUp', label: 'Bring lo up', kind: 'toggle'},
		],
		initial: {name: '', loUp: true},
		validate: (v, world) => errorsOf({name: checkNewNamespace(world, text(v, 'name'))}),
		plan: (v) => newNamespacePlan({name: text(v, 'name'), loUp: flag(v, 'loUp')}),
	};
}

/** N on a namespace without a name: `ip netns attach NAME PID`, with its longest-lived process's PID. */
export function attachForm(ctx: FormContext, pid: number): FormSpec {
	return {
		title: `Name ${nsDisplayName(ctx.ns)} (ip netns attach)`,
		fields: [{id: 'name', label: 'Name', kind: 'text', placeholder: 'e.g. web'}],
		initial: {name: ''},
		validate: (v, world) => errorsOf({name: checkNewNamespace(world, text(v, 'name'))}),
		plan: (v) => attachNamespacePlan({from: ctx.ns, pid, name: text(v, 'name')}),
	};
}

export function deleteNamespaceForm(ctx: FormContext): FormSpec {
	return {
		title: `Delete namespace ${nsDisplayName(ctx.ns)}`,
		fields: [],
		initial: {},
		validate: (_v, world) => errorsOf({_form: world.namespaces.some((n) => n.id === ctx.ns) ? undefined : `${ctx.ns} is gone already`}),
		plan: (_v, world) => deleteNamespacePlan(world, ctx.ns),
	};
}

export interface Forwarding {
	readonly 4: boolean;
	readonly 6: boolean;
}

/** Two toggles starting from what the namespace has now; the plan changes only what was flipped. */
export function forwardingForm(ctx: FormContext, current: Forwarding): FormSpec {
	return {
		title: `Forwarding in ${ctx.ns}`,
		fields: [
			{id: 'v4', label: 'IPv4 forwarding', kind: 'toggle'},
			{id: 'v6', label: 'IPv6 forwarding', kind: 'toggle'},
		],
		initial: {v4: current[4], v6: current[6]},
		validate: (v) =>
			errorsOf({
				[NOTHING_TO_CHANGE]:
					flag(v, 'v4') === current[4] && flag(v, 'v6') === current[6]
						? `IPv4 forwarding is ${current[4] ? 'on' : 'off'} and IPv6 forwarding ${current[6] ? 'on' : 'off'} already: Space flips a toggle`
						: undefined,
			}),
		plan: (v): Plan => {
			const plans = ([4, 6] as const).filter((f) => flag(v, `v${f}`) !== current[f]).map((f) => forwardingPlan(ctx.ns, f, flag(v, `v${f}`)));
			return {...plans[0], title: plans.map((p) => p.title).join('; '), steps: plans.flatMap((p) => p.steps), destructive: plans.some((p) => p.destructive), effects: plans.flatMap((p) => p.effects ?? [])};
		},
	};
}
