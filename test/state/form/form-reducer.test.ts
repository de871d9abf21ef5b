// The form's reducer without a terminal: keys as the form's key table names them, text typed, and what
// the form hands on (a plan, a cancel, a copy, quit).
import {describe, expect, it} from 'vitest';
import type {Plan} from '../../../source/plans/plan.js';
import {confirmForm, type FormSpec} from '../../../source/plans/forms/form-spec.js';
import {pingForm} from '../../../source/plans/forms/exec-forms.js';
import {bridgeForm, vethForm} from '../../../source/plans/forms/link-forms.js';
import {deleteNamespaceForm, newNamespaceForm} from '../../../source/plans/forms/namespace-forms.js';
import type {FormEnv} from '../../../source/state/form/form-facts.js';
import {formStep, type FormEvent, type FormStep} from '../../../source/state/form/form-reducer.js';
import {initialFormState, type FormState} from '../../../source/state/form/form-state.js';
import type {BindingId} from '../../../source/state/keys/keymap.js';
import {fixtureWorld} from '../../support/fixtures.js';
import {WorldBuilder} from '../../support/hand-world.js';

const world = fixtureWorld('bridge');
const envOf = <P extends Plan>(spec: FormSpec<P>, size = {width: 100, height: 28}, options: Partial<FormEnv<P>> = {}): FormEnv<P> => ({spec, world, dryRun: false, size, ...options});

const key = (id: BindingId): FormEvent => ({kind: 'key', id});
const type = (text: string): FormEvent => ({kind: 'type', text});

/** Every event in turn; the last step's effect, and the state. */
function run<P extends Plan>(env: FormEnv<P>, events: readonly FormEvent[], from: FormState = initialFormState(env.spec)): FormStep<P> {
	let step: FormStep<P> = {state: from};
	for (const event of events) step = formStep(env, step.state, event);
	return step;
}

const focused = (env: FormEnv, state: FormState): string | undefined => env.spec.fields[state.focus]?.id;

describe('form reducer', () => {
	it('types into the focused text field and submits a valid plan on Enter', () => {
		const env = envOf(newNamespaceForm());
		const step = run(env, [type('ns3'), key('formSubmit')]);
		expect(step.state.values.name).toBe('ns3');
		expect(step.effect?.kind).toBe('submit');
		expect(step.effect?.kind === 'submit' && step.effect.plan.steps.map((s) => s.argv.join(' '))).toEqual(['ip netns add ns3', 'ip -n ns3 link set dev lo up']);
	});

	it('refuses bad values: Enter marks the form submitted and hands nothing on', () => {
		const env = envOf(newNamespaceForm());
		const step = run(env, [type('ns1'), key('formSubmit')]);
		expect(step.effect).toBeUndefined();
		expect(step.state.submitted).toBe(true);
	});

	it('Tab and ↓ go to the next field, Shift+Tab and ↑ back, round the ends', () => {
		const env = envOf(pingForm(world, 'ns1'));
		expect(focused(env, run(env, [key('formNext')]).state)).toBe('other');
		expect(focused(env, run(env, [key('formDown'), key('formDown')]).state)).toBe('count');
		expect(focused(env, run(env, [key('formPrevious')]).state)).toBe('interval');
	});

	it('a destructive plan asks twice: Enter arms it, a change of values disarms it, Enter or y runs it', () => {
		const env = envOf(confirmForm({title: 'Delete x', steps: [{argv: ['ip', 'netns', 'del', 'x']}], dangerous: true, affects: []}));
		let step = run(env, [key('formSubmit')]);
		expect(step.state.armed).toBe(true);
		expect(step.effect).toBeUndefined();
		expect(run(env, [key('formConfirm')], step.state).effect?.kind).toBe('submit');
		step = run(env, [key('formSubmit')], step.state);
		expect(step.effect?.kind).toBe('submit');
	});

	it('y that confirms nothing is typed', () => {
		const env = envOf(newNamespaceForm());
		const step = run(env, [key('formConfirm'), key('formConfirm')]);
		expect(step.state.values.name).toBe('yy');
		expect(step.effect).toBeUndefined();
	});

	it('Esc cancels; Ctrl+C quits; Ctrl+Y copies the commands', () => {
		const env = envOf(newNamespaceForm());
		expect(run(env, [key('close')]).effect).toEqual({kind: 'cancel'});
		expect(run(env, [key('quit')]).effect).toEqual({kind: 'quit'});
		const copy = run(env, [type('ns3'), key('formCopy')]);
		expect(copy.effect).toEqual({kind: 'copy', text: 'ip netns add ns3\nip -n ns3 link set dev lo up\n'});
		expect(copy.state.copied).toBe(true);
	});

	it('text typed on a choice with a free-text sibling goes there, with the cursor (the ping target)', () => {
		const env = envOf(pingForm(world, 'ns1'));
		expect(focused(env, initialFormState(env.spec))).toBe('target');
		const step = run(env, ['1', '0', '.', '0', '.', '2', '.', '2'].map((c) => type(c)).concat([key('formSubmit')]));
		expect(step.state.values.other).toBe('10.0.2.2');
		expect(focused(env, step.state)).toBe('other');
		expect(step.effect?.kind === 'submit' && step.effect.plan.steps[0].argv.at(-1)).toBe('10.0.2.2');
	});

	it('text typed on a choice replaces what its sibling held before (the last ping’s other address)', () => {
		const env = envOf(pingForm(world, 'ns1', {ns: 'ns1', target: '192.0.2.9', family: 4, count: 4, interval: 1}));
		expect(run(env, [type('10.0.2.2')]).state.values.other).toBe('10.0.2.2');
	});

	it('text typed on a short choice without a sibling opens its list, narrowed; Enter takes the match', () => {
		const env = envOf(bridgeForm({world, ns: 'host'}));
		let step = run(env, [key('formNext'), type('ns2')]);
		expect(step.state.choosing).toMatchObject({id: 'ns', filter: 'ns2', highlighted: 'ns2'});
		step = run(env, [key('formSubmit')], step.state);
		expect(step.state.choosing).toBeUndefined();
		expect(step.state.values.ns).toBe('ns2');
		expect(step.effect).toBeUndefined();
	});

	it('in the list: ↓ moves, Backspace widens the filter, Esc keeps the value', () => {
		const built = new WorldBuilder().namespace('host');
		for (let i = 1; i <= 12; i++) built.namespace(`ns${i}`);
		const many = built.build();
		const env: FormEnv = {...envOf(bridgeForm({world: many, ns: 'host'})), world: many};
		let step = run(env, [key('formNext'), key('formSpace')]);
		expect(step.state.choosing).toMatchObject({filter: '', highlighted: 'host'});
		step = run(env, [type('ns1'), key('formDown'), key('formErase')], step.state);
		expect(step.state.choosing).toMatchObject({filter: 'ns', highlighted: 'ns10'});
		step = run(env, [key('close')], step.state);
		expect(step.state.choosing).toBeUndefined();
		expect(step.state.values.ns).toBe('host');
	});

	it('a filter typed on a choice, then Tab, takes its first match and goes on (over SSH: "ns2\\t…")', () => {
		const env = envOf(bridgeForm({world, ns: 'host'}));
		const step = run(env, [key('formNext'), type('ns2'), key('formNext')]);
		expect(step.state.values.ns).toBe('ns2');
		expect(step.state.choosing).toBeUndefined();
		expect(focused(env, step.state)).toBe('address');
	});

	it('a plan too long for the form is reviewed first: Enter shows it whole, pages on, then runs; Esc goes back', () => {
		const env = envOf(vethForm({world, ns: 'host'}), {width: 80, height: 18});
		let step = run(env, [type('10.9.9.1/24'), key('formSubmit')]);
		expect(step.state.reviewing).toBe(true);
		expect(step.effect).toBeUndefined();
		expect(run(env, [key('close')], step.state).state.reviewing).toBe(false);
		for (let i = 0; i < 10 && !step.effect; i++) step = run(env, [key('formSubmit')], step.state);
		expect(step.effect?.kind).toBe('submit');
	});

	it('keeps the field window on the focused field at any size', () => {
		const env = envOf(vethForm({world, ns: 'host'}), {width: 60, height: 13});
		let state = initialFormState(env.spec);
		for (let i = 0; i < env.spec.fields.length * 2; i++) {
			state = formStep(env, state, key('formNext')).state;
			expect(state.fieldTop ?? 0).toBeLessThanOrEqual(state.focus);
		}
	});

	it('a paste goes into a text field whole, line breaks included; on a choice with a sibling, into the sibling', () => {
		const name = run(envOf(newNamespaceForm()), [{kind: 'paste', text: 'a\rb'}]);
		expect(name.state.values.name).toBe('a\rb');
		expect(name.effect).toBeUndefined();
		const env = envOf(pingForm(world, 'ns1'));
		expect(run(env, [{kind: 'paste', text: '10.0.2.2'}]).state.values.other).toBe('10.0.2.2');
	});

	it('a change on the SSH session’s path wants the name typed first, on a row that takes no text; then one Enter runs it', () => {
		const plan: Plan = {title: 'Set br0 down', steps: [{argv: ['ip', 'link', 'set', 'dev', 'br0', 'down']}], dangerous: false, destructive: true, affects: []};
		const env = envOf(confirmForm(plan), undefined, {sessionRisk: () => ({reason: 'your SSH session runs over br0', confirm: 'br0', undoable: true})});
		let step = run(env, [key('formSubmit')]);
		expect(step.state.nameWanted).toBe(true);
		expect(step.effect).toBeUndefined();
		step = run(env, [type('b'), type('rx'), key('formErase'), key('formSubmit')], step.state);
		expect(step.state.typedName).toBe('br');
		expect(step.effect).toBeUndefined();
		step = run(env, [type('0'), key('formSubmit')], step.state);
		expect(step.effect?.kind).toBe('submit');
	});

	it('a form of text fields only takes the guard’s name after Enter asked for it, until the focus moves', () => {
		const plan: Plan = {title: 'Change br0', steps: [{argv: ['ip', 'link', 'set', 'dev', 'br0', 'mtu', '1400']}], dangerous: false, affects: []};
		const spec: FormSpec = {title: 'Change br0', fields: [{id: 'mtu', label: 'MTU', kind: 'text'}, {id: 'mac', label: 'MAC', kind: 'text'}], initial: {mtu: '1400'}, validate: () => ({}), plan: () => plan};
		const env = envOf(spec, undefined, {sessionRisk: () => ({reason: 'your SSH session runs over br0', confirm: 'br0', undoable: true})});
		let step = run(env, [type('0'), key('formErase'), key('formSubmit')]);
		expect(step.state.nameWanted).toBe(true);
		step = run(env, [type('br'), type('x'), key('formErase'), type('0')], step.state);
		expect(step.state.typedName).toBe('br0');
		expect(step.state.values.mtu).toBe('1400');
		expect(run(env, [key('formSubmit')], step.state).effect?.kind).toBe('submit');
		const moved = run(env, [key('formNext'), type('1')], step.state);
		expect(moved.state.values.mac).toBe('1');
		expect(moved.state.typedName).toBe('br0');
	});

	it('at 60x12 a delete whose consequences do not fit is reviewed page by page, then asks again, then runs', () => {
		const ns1 = {world, ns: 'ns1'};
		const env = envOf(deleteNamespaceForm(ns1), {width: 60, height: 10});
		let step = run(env, [key('formSubmit')]);
		expect(step.state.reviewing).toBe(true);
		const seen: number[] = [];
		for (let i = 0; i < 10 && !step.state.armed; i++) {
			seen.push(step.state.reviewFrom ?? 0);
			step = run(env, [key('formSubmit')], step.state);
		}
		expect(seen.length).toBeGreaterThan(1);
		expect(step.state.armed).toBe(true);
		expect(step.effect).toBeUndefined();
		expect(run(env, [key('formConfirm')], step.state).effect?.kind).toBe('submit');
	});
});

