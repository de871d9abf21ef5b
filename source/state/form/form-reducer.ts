// Everything a key does to a form, pure: the values and the focus (form-state.ts), the choice list, the
// second word a destructive plan asks for, the review of a plan too long for its form, the name typed for
// a change on the SSH session's path, and what the form hands on (a plan to run, a cancel, a copy).
import {asksTwice, type Plan} from '../../plans/plan.js';
import {commandText} from '../../plans/script.js';
import {hasErrors, optionsOf, type FieldSpec} from '../../plans/forms/form-spec.js';
import type {BindingId} from '../keys/keymap.js';
import {choiceFilterReducer, highlightIndex, matching, type ChoiceFilterKey} from './choice-filter.js';
import {formFacts, type FormEnv} from './form-facts.js';
import {formLayout} from './form-layout.js';
import {formReducer, LIST_ABOVE, type FormKey, type FormState} from './form-state.js';

/** A key as the form's key table (keymap.ts, scope `form`) names it, or text typed. */
export type FormEvent =
	| {readonly kind: 'key'; readonly id: BindingId}
	| {readonly kind: 'type'; readonly text: string}
	| {readonly kind: 'paste'; readonly text: string};

export type FormEffect<P extends Plan = Plan> = {readonly kind: 'submit'; readonly plan: P} | {readonly kind: 'cancel'} | {readonly kind: 'quit'} | {readonly kind: 'copy'; readonly text: string};

export interface FormStep<P extends Plan = Plan> {
	readonly state: FormState;
	readonly effect?: FormEffect<P>;
}

/** A key that changes the values disarms a plan that asked again and leaves the review: what runs is what was seen. */
function edit(env: FormEnv, state: FormState, key: FormKey): FormState {
	return {...formReducer(env.spec, state, key), armed: false, reviewing: false, reviewFrom: 0};
}

function openList(field: FieldSpec, state: FormState, filter: string): FormState {
	const options = optionsOf(field, state.values);
	const list = choiceFilterReducer(options, {filter: '', highlighted: String(state.values[field.id])}, {kind: 'type', text: filter}, field.describe);
	return {...state, choosing: {id: field.id, ...list}};
}

/** Text on a choice: its free-text sibling takes it, with the cursor; else its list opens, narrowed by it. */
function typedOnChoice(env: FormEnv, state: FormState, field: FieldSpec, text: string): FormState {
	const sibling = env.spec.fields.findIndex((f) => f.id === field.typedInto);
	if (sibling >= 0) return edit(env, {...state, focus: sibling}, {kind: 'set', id: field.typedInto ?? '', value: text});
	return openList(field, state, text);
}

/**
 * Whether keys typed now spell the interface's name for the session guard: where no text field takes
 * them, or once Enter asked for the name (a form of text fields only, as e's, has nowhere else to type
 * it) until the focus moves to a field again.
 */
const typesName = (env: FormEnv, state: FormState, field: FieldSpec | undefined): boolean =>
	formFacts(env, state.values).risk !== undefined && (field?.kind !== 'text' || state.nameWanted === true);

function typed(env: FormEnv, state: FormState, text: string): FormState {
	if (state.choosing) return listKey(env, state, {kind: 'type', text});
	const field = env.spec.fields[state.focus];
	// Typing the interface's name for the session guard: keys a text field does not take.
	if (typesName(env, state, field)) return {...state, typedName: (state.typedName ?? '') + text};
	if (field?.kind === 'choice') return typedOnChoice(env, state, field, text);
	return edit(env, state, {kind: 'type', text});
}

/** A key for the open choice list, as the list's filter takes it. */
function listKey(env: FormEnv, state: FormState, key: ChoiceFilterKey): FormState {
	const choosing = state.choosing;
	const field = env.spec.fields.find((f) => f.id === choosing?.id);
	if (!choosing || !field) return {...state, choosing: undefined};
	return {...state, choosing: {id: field.id, ...choiceFilterReducer(optionsOf(field, state.values), choosing, key, field.describe)}};
}

const LIST_MOVES: Partial<Record<BindingId, number>> = {formUp: -1, formDown: 1, formPageUp: -10, formPageDown: 10, formHome: -Infinity, formEnd: Infinity};

/** While the list is open it has the keys: type to narrow, ↑↓ move, Enter takes, Esc keeps the value. */
function inList(env: FormEnv, state: FormState, id: BindingId): FormState {
	const field = env.spec.fields.find((f) => f.id === state.choosing?.id);
	if (!state.choosing || !field) return {...state, choosing: undefined};
	if (id === 'close') return {...state, choosing: undefined};
	// Enter takes the highlighted match; Tab takes it and goes on to the next field ("ns42⇥10.1.1.4/24"
	// typed fast, or arriving in one read over SSH, fills both fields).
	const tab = id === 'formNext';
	if (id === 'formSubmit' || tab) {
		const shown = matching(optionsOf(field, state.values), state.choosing.filter, field.describe);
		const chosen = shown[highlightIndex(shown, state.choosing)];
		if (chosen === undefined) return state;
		const taken = {...edit(env, state, {kind: 'set', id: field.id, value: chosen}), choosing: undefined};
		return tab ? edit(env, taken, {kind: 'next'}) : taken;
	}
	if (id === 'formErase') return listKey(env, state, {kind: 'erase'});
	const by = LIST_MOVES[id];
	if (by !== undefined) return listKey(env, state, {kind: 'move', by});
	if (id === 'formSpace') return listKey(env, state, {kind: 'type', text: ' '});
	if (id === 'formConfirm') return listKey(env, state, {kind: 'type', text: 'y'});
	return state;
}

function submit<P extends Plan>(env: FormEnv<P>, state: FormState): FormStep<P> {
	const now = formReducer(env.spec, state, {kind: 'submitAttempt'});
	const facts = formFacts(env, now.values);
	const plan = facts.plan;
	if (hasErrors(facts.errors) || !plan) return {state: now};
	// An empty plan is nothing to run: the form says so instead.
	if (plan.steps.length === 0 && !env.spec.withoutCommands) return {state: now};
	if (facts.risk && (now.typedName ?? '') !== facts.risk.confirm) return {state: {...now, nameWanted: true}};
	const layout = formLayout(facts, now, env.size);
	if (!now.reviewing && !layout.planAllShown) return {state: {...now, reviewing: true, reviewFrom: 0}};
	const from = layout.lower.kind === 'plan' ? (layout.lower.review?.from ?? 0) : 0;
	if (now.reviewing && !layout.reviewedToEnd) return {state: {...now, reviewFrom: from + layout.reviewPage}};
	// A dry run changes nothing, so it needs no second word; the typed name is a second word already.
	if (asksTwice(plan) && !env.dryRun && !facts.risk && !now.armed) return {state: {...now, armed: true}};
	return {state: now, effect: {kind: 'submit', plan}};
}

const REVIEW_SCROLL: Partial<Record<BindingId, number>> = {formUp: -1, formDown: 1, formPageUp: -5, formPageDown: 5};
const FIELD_KEYS: Partial<Record<BindingId, FormKey>> = {
	formNext: {kind: 'next'},
	formDown: {kind: 'next'},
	formPrevious: {kind: 'prev'},
	formUp: {kind: 'prev'},
	formChoosePrevious: {kind: 'left'},
	formChooseNext: {kind: 'right'},
	formSpace: {kind: 'space'},
	formErase: {kind: 'backspace'},
	formClear: {kind: 'clear'},
};

function key<P extends Plan>(env: FormEnv<P>, state: FormState, id: BindingId): FormStep<P> {
	// Everywhere, a form included: Ctrl+C quits.
	if (id === 'quit') return {state, effect: {kind: 'quit'}};
	if (state.choosing) return {state: inList(env, state, id)};
	if (id === 'close') return state.reviewing ? {state: {...state, reviewing: false, reviewFrom: 0}} : {state, effect: {kind: 'cancel'}};
	if (id === 'formSubmit' || (id === 'formConfirm' && state.armed)) return submit(env, state);
	if (state.reviewing && id !== 'formCopy') {
		// Only the plan is on screen: keys that would change a field it hides do nothing.
		const by = REVIEW_SCROLL[id];
		return {state: by === undefined ? state : {...state, reviewFrom: Math.max((state.reviewFrom ?? 0) + by, 0)}};
	}
	const facts = formFacts(env, state.values);
	if (id === 'formCopy') {
		// The copy itself, and what the status says of it, is the system's (system/clipboard.ts).
		const copied = {...state, copied: facts.plan !== undefined};
		return facts.plan ? {state: copied, effect: {kind: 'copy', text: facts.plan.steps.map((s) => commandText(s.argv)).join('\n') + '\n'}} : {state: copied};
	}
	if (id === 'formConfirm') return {state: typed(env, state, 'y')};
	const field = env.spec.fields[state.focus];
	if (id === 'formErase' && typesName(env, state, field)) return {state: {...state, typedName: (state.typedName ?? '').slice(0, -1)}};
	if (field?.kind === 'choice' && id === 'formSpace' && optionsOf(field, state.values).length > LIST_ABOVE) return {state: openList(field, state, '')};
	const fieldKey = FIELD_KEYS[id];
	return {state: fieldKey ? edit(env, state, fieldKey) : state};
}

function paste(env: FormEnv, state: FormState, text: string): FormState {
	if (state.reviewing || state.choosing) return state;
	const field = env.spec.fields[state.focus];
	if (typesName(env, state, field)) return {...state, typedName: (state.typedName ?? '') + text};
	// A paste is text for the focused field, whole: its line breaks stay in it (shown, and refused).
	if (field?.kind === 'text') return edit(env, state, {kind: 'type', text});
	return field?.kind === 'choice' && field.typedInto ? typedOnChoice(env, state, field, text) : state;
}

/** The form after one key, kept in step with what its layout shows (the fields' window, the review's line). */
export function formStep<P extends Plan>(env: FormEnv<P>, state: FormState, event: FormEvent): FormStep<P> {
	const step: FormStep<P> =
		event.kind === 'key' ? key(env, state, event.id) : {state: event.kind === 'type' ? typed(env, state, event.text) : paste(env, state, event.text)};
	const layout = formLayout(formFacts(env, step.state.values), step.state, env.size);
	const from = layout.lower.kind === 'plan' ? layout.lower.review?.from : undefined;
	return {...step, state: {...step.state, fieldTop: layout.fieldTop, ...(step.state.reviewing ? {reviewFrom: from ?? 0} : {})}};
}
