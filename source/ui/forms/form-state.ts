// A form's state and how each key changes it: pure, so it is tested without a terminal.
import type {FieldSpec, FieldValue, FormSpec, FormValues} from '../../plans/forms/form-spec.js';

export interface FormState {
	readonly values: FormValues;
	readonly focus: number;
	/** Errors show once a field was typed in, or everywhere after a submit attempt. */
	readonly touched: ReadonlySet<string>;
	readonly submitted: boolean;
}

export const initialFormState = (spec: FormSpec): FormState => ({values: spec.initial, focus: 0, touched: new Set(), submitted: false});

export type FormKey = {kind: 'next'} | {kind: 'prev'} | {kind: 'left'} | {kind: 'right'} | {kind: 'space'} | {kind: 'backspace'} | {kind: 'clear'} | {kind: 'type'; text: string} | {kind: 'set'; id: string; value: FieldValue} | {kind: 'submitAttempt'};

function cycle(field: FieldSpec, value: FieldValue, step: 1 | -1): FieldValue {
	const options = field.options ?? [];
	if (options.length === 0) return value;
	const index = options.indexOf(String(value));
	return options[(index + step + options.length) % options.length];
}

function setValue(state: FormState, field: FieldSpec, value: FieldValue): FormState {
	return {...state, values: {...state.values, [field.id]: value}, touched: new Set([...state.touched, field.id])};
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
			return target ? setValue(state, target, key.value) : state;
		}
	}
	if (!field) return state;
	const value = state.values[field.id];
	if (field.kind === 'toggle') {
		return key.kind === 'space' || key.kind === 'left' || key.kind === 'right' ? setValue(state, field, value !== true) : state;
	}
	if (field.kind === 'choice') {
		if (key.kind === 'left') return setValue(state, field, cycle(field, value, -1));
		if (key.kind === 'right' || key.kind === 'space') return setValue(state, field, cycle(field, value, 1));
		return state;
	}
	const current = typeof value === 'string' ? value : '';
	// Control characters are kept (and shown as ␊ etc.), so validation refuses them visibly instead of a
	// pasted "a\nb" silently becoming "ab".
	if (key.kind === 'type') return setValue(state, field, current + key.text);
	if (key.kind === 'space') return setValue(state, field, current + ' ');
	if (key.kind === 'backspace') return setValue(state, field, current.slice(0, -1));
	if (key.kind === 'clear') return setValue(state, field, '');
	return state;
}
