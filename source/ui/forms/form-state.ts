// A form's state and how each key changes it: pure, so it is tested without a terminal.
import {optionsOf, withFollowers, type FieldSpec, type FieldValue, type FormSpec, type FormValues} from '../../plans/forms/form-spec.js';

export interface FormState {
	readonly values: FormValues;
	readonly focus: number;
	/**
	 * Fields the user changed. Errors show once a field was typed in, or everywhere after a submit attempt;
	 * a field that follows the others (FieldSpec.follows) stops following once it is here.
	 */
	readonly touched: ReadonlySet<string>;
	readonly submitted: boolean;
}

export const initialFormState = (spec: FormSpec): FormState => ({
	values: withFollowers(spec.fields, spec.initial, new Set()),
	focus: Math.max(
		spec.fields.findIndex((f) => f.id === spec.focus),
		0,
	),
	touched: new Set(),
	submitted: false,
});

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


export function formReducer(spec: FormSpec, state: FormState, key: FormKey): FormState {
	const count = spec.fields.length;
	const field = spec.fields[state.focus];
	switch (key.kind) {
		case 'next':
			return count === 0 ? state : {...state, focus: (state.focus + 1) % count};
		case 'prev':
			return count === 0 ? state : {...state, focus: (state.focus - 1 + count) % count};
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
