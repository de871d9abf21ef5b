// A form's state, and how a key changes its values: pure, so it is tested without a terminal. The rest of
// what a key does (submitting, the review, the choice list) is form-reducer.ts.
import {optionsOf, withFollowers, type FieldSpec, type FieldValue, type FormSpec, type FormValues} from '../../plans/forms/form-spec.js';
import type {ChoiceFilterState} from './choice-filter.js';

/**
 * A choice among more than this many opens a filterable list (choice-list.tsx) on Space; fewer are cycled
 * with ← → and Space. Up to five, ← or → reaches any option in at most two presses, which is fewer than
 * opening the list, typing a letter and Enter; from six on the list is as quick or quicker, and with
 * hundreds of namespaces it is the only way. Typing on any choice opens its list, filtered.
 */
export const LIST_ABOVE = 5;

/** The choice field whose list is open, and the list's filter and highlight: it has the keys until Enter or Esc. */
export interface Choosing extends ChoiceFilterState {
	readonly id: string;
}

export interface FormState {
	readonly values: FormValues;
	readonly focus: number;
	/**
	 * Fields the user changed. Errors show once a field was typed in, or everywhere after a submit attempt;
	 * a field that follows the others (FieldSpec.follows) stops following once it is here.
	 */
	readonly touched: ReadonlySet<string>;
	readonly submitted: boolean;
	/** A destructive plan's first Enter arms it; the second (or y) runs it. Any change of values disarms. */
	readonly armed?: boolean;
	/**
	 * Where the form leaves too little room for the whole plan ("… N more"), the first Enter shows all of
	 * it, on the form's whole height, and only the next Enter runs it: nothing runs that was not on screen.
	 */
	readonly reviewing?: boolean;
	/** The first line of the plan the review shows (↑↓ scroll it, Enter before the end pages on). */
	readonly reviewFrom?: number;
	readonly choosing?: Choosing;
	/** What the user typed to confirm a change on their SSH session's path (see SessionRisk.confirm). */
	readonly typedName?: string;
	/** Enter was pressed before the name was typed: the form says to type it first. */
	readonly nameWanted?: boolean;
	/** Ctrl+Y sent the commands to the terminal. */
	readonly copied?: boolean;
	/** The first field shown where the form is too short for all of them (form-layout.ts keeps the focus in view). */
	readonly fieldTop?: number;
}

export const initialFormState = (spec: FormSpec): FormState => ({
	values: withFollowers(spec.fields, spec.initial, new Set()),
	focus: Math.max(
		spec.fields.findIndex((f) => f.id === spec.focus),
		0,
	),
	touched: new Set(),
	submitted: spec.showErrors === true,
});

/** What a key does to the values and the focus. */
export type FormKey = {kind: 'next'} | {kind: 'prev'} | {kind: 'left'} | {kind: 'right'} | {kind: 'space'} | {kind: 'backspace'} | {kind: 'clear'} | {kind: 'type'; text: string} | {kind: 'set'; id: string; value: FieldValue} | {kind: 'submitAttempt'};

function cycle(field: FieldSpec, values: FormValues, step: 1 | -1): FieldValue {
	const value = values[field.id];
	const options = optionsOf(field, values);
	if (options.length === 0) return value;
	const index = options.indexOf(String(value));
	return options[(index + step + options.length) % options.length];
}

function setValue(spec: FormSpec, state: FormState, field: FieldSpec, value: FieldValue): FormState {
	const touched = new Set([...state.touched, field.id]);
	return {...state, values: withFollowers(spec.fields, {...state.values, [field.id]: value}, touched), touched};
}

/** The values and the focus after a key; form-reducer.ts decides which keys get here. */
export function formReducer(spec: FormSpec, state: FormState, key: FormKey): FormState {
	const count = spec.fields.length;
	const field = spec.fields[state.focus];
	switch (key.kind) {
		// Moving to a field ends typing the guard's name into the form (form-reducer.ts's typesName).
		case 'next':
			return count === 0 ? state : {...state, focus: (state.focus + 1) % count, nameWanted: false};
		case 'prev':
			return count === 0 ? state : {...state, focus: (state.focus - 1 + count) % count, nameWanted: false};
		case 'submitAttempt':
			return {...state, submitted: true};
		case 'set': {
			const target = spec.fields.find((f) => f.id === key.id);
			return target ? setValue(spec, state, target, key.value) : state;
		}
	}
	if (!field) return state;
	const value = state.values[field.id];
	if (field.kind === 'toggle') {
		return key.kind === 'space' || key.kind === 'left' || key.kind === 'right' ? setValue(spec, state, field, value !== true) : state;
	}
	if (field.kind === 'choice') {
		if (key.kind === 'left') return setValue(spec, state, field, cycle(field, state.values, -1));
		if (key.kind === 'right' || key.kind === 'space') return setValue(spec, state, field, cycle(field, state.values, 1));
		return state;
	}
	// A suggestion (FieldSpec.follows) is replaced by what is typed, as a selected default is; Backspace edits it.
	const current = typeof value === 'string' && !(field.follows && !state.touched.has(field.id) && key.kind === 'type') ? value : '';
	// Control characters are kept (and shown as ␊ etc.), so validation refuses them visibly instead of a
	// pasted "a\nb" silently becoming "ab".
	if (key.kind === 'type') return setValue(spec, state, field, current + key.text);
	if (key.kind === 'space') return setValue(spec, state, field, current + ' ');
	if (key.kind === 'backspace') return setValue(spec, state, field, current.slice(0, -1));
	if (key.kind === 'clear') return setValue(spec, state, field, '');
	return state;
}
