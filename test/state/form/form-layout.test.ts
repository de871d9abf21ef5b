// formLayout at the sizes people use and smaller: for every form, whatever the focus,
// the rows it shows add up to no more than the form's height, and the focused field is one of them.
import {describe, expect, it} from 'vitest';
import {commandText} from '../../../source/plans/script.js';
import {formFacts, type FormEnv} from '../../../source/state/form/form-facts.js';
import {formLayout, type FormLayout} from '../../../source/state/form/form-layout.js';
import {formStep} from '../../../source/state/form/form-reducer.js';
import {initialFormState, type FormState} from '../../../source/state/form/form-state.js';
import {rowsOf} from '../../../source/state/form/text-rows.js';
import {everyForm, WORLD} from './every-form.js';

/** The form's size in a terminal of these columns and rows: the title bar and the footer take two rows. */
const SIZES = [
	{width: 60, height: 10},
	{width: 60, height: 13},
	{width: 80, height: 22},
	{width: 200, height: 48},
] as const;

/** The rows the layout shows, counted from the plan and the spec rather than taken from the layout's own sums. */
function rowsShown(env: FormEnv, state: FormState, layout: FormLayout): number {
	const {plan} = formFacts(env, state.values);
	const fields = layout.fields.reduce((n, f) => n + 1 + f.errorRows, 0);
	const lower = layout.lower;
	let below = 0;
	if (lower.kind !== 'plan') below = lower.rows;
	else if (plan) {
		const from = lower.review?.from ?? 0;
		const steps = plan.steps.slice(Math.min(from, plan.steps.length)).slice(0, lower.steps);
		const consequences = (plan.consequences ?? []).slice(Math.max(from - plan.steps.length, 0)).slice(0, lower.consequences);
		below =
			lower.riskRows +
			1 +
			(state.armed ? 1 : 0) +
			(lower.review?.headerRows ?? 0) +
			steps.reduce((n, s) => n + Math.min(rowsOf(commandText(s.argv), layout.innerWidth - 2), lower.cut ?? Infinity), 0) +
			(lower.more > 0 ? 1 : 0) +
			consequences.reduce((n, line) => n + Math.min(rowsOf(`! ${line}`, layout.innerWidth), lower.cut ?? Infinity), 0);
	}
	return fields + layout.formErrorRows + 1 + below;
}

function check(env: FormEnv, state: FormState, what: string): void {
	const layout = formLayout(formFacts(env, state.values), state, env.size);
	expect(rowsShown(env, state, layout), `${what}: rows`).toBeLessThanOrEqual(layout.bodyRows);
	if (env.spec.fields.length > 0 && !state.reviewing) expect(layout.fields.map((f) => f.index), `${what}: focus shown`).toContain(state.focus);
	const indexes = layout.fields.map((f) => f.index);
	expect(indexes, `${what}: fields in order, none twice`).toEqual([...new Set(indexes)].sort((a, b) => a - b));
}

describe.each(SIZES)('every form at $width x $height', (size) => {
	it.each(everyForm())('%s: no row beyond the form, the focused field always shown', (_name, spec) => {
		const env: FormEnv = {spec, world: WORLD, dryRun: false, size};
		let state = initialFormState(spec);
		check(env, state, 'opened');
		for (let i = 0; i <= spec.fields.length; i++) {
			state = formStep(env, state, {kind: 'key', id: 'formNext'}).state;
			check(env, state, `after ${i + 1} Tab`);
		}
		for (let i = 0; i <= spec.fields.length; i++) {
			state = formStep(env, state, {kind: 'key', id: 'formUp'}).state;
			check(env, state, `after ${i + 1} ↑`);
		}
		// Every message showing (a submit attempt), then the review or the second word Enter may bring.
		state = formStep(env, {...state, submitted: true}, {kind: 'key', id: 'formSubmit'}).state;
		check(env, state, 'after Enter');
		state = formStep(env, state, {kind: 'key', id: 'formSubmit'}).state;
		check(env, state, 'after Enter twice');
	});
});

describe('the field window', () => {
	it('shows every field when they fit, and marks hidden ones ↑ ↓ when they do not', () => {
		const [, veth] = everyForm().find(([name]) => name === 'v veth') ?? [];
		if (!veth) throw new Error('no veth form');
		const tall = formLayout(formFacts({spec: veth, world: WORLD, dryRun: false, size: {width: 80, height: 40}}, initialFormState(veth).values), initialFormState(veth), {width: 80, height: 40});
		expect(tall.fields).toHaveLength(veth.fields.length);
		expect(tall.fields.some((f) => f.marker)).toBe(false);
		const env: FormEnv = {spec: veth, world: WORLD, dryRun: false, size: {width: 60, height: 13}};
		const small = formLayout(formFacts(env, initialFormState(veth).values), initialFormState(veth), env.size);
		expect(small.fields.length).toBeLessThan(veth.fields.length);
		expect(small.fields.some((f) => f.marker === '↓' || f.marker === '↑')).toBe(true);
		// Some of the plan still shows under the fields.
		expect(small.lower).toMatchObject({kind: 'plan'});
		expect(small.lower.kind === 'plan' && small.lower.steps).toBeGreaterThan(0);
	});
});
