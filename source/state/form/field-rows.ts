// How a form's fields are drawn and how many rows each takes: its label, its value (or placeholder), and
// its message beside it or, when too long for the rest of the row, wrapped on the rows below.
import {textWidth} from '../../model/text-width.js';
import type {FieldSpec, FormErrors, FormSpec} from '../../plans/forms/form-spec.js';
import type {FormState} from './form-state.js';
import {rowsOf} from './text-rows.js';

export interface FieldWidths {
	/** Inside the border and the padding. */
	readonly innerWidth: number;
	readonly labelWidth: number;
	readonly valueWidth: number;
	/** A choice names where things live (`10.0.0.2 (server/pair-server)`): it gets room to be read whole. */
	readonly choiceWidth: number;
}

export function fieldWidths(spec: FormSpec, width: number): FieldWidths {
	const labelWidth = Math.max(...spec.fields.map((f) => f.label.length), 8) + 2;
	return {
		innerWidth: Math.max(width - 4, 10),
		labelWidth,
		valueWidth: Math.min(28, Math.max(width - labelWidth - 8, 10)),
		choiceWidth: Math.min(56, Math.max(width - labelWidth - 8, 10)),
	};
}

/** The value as the field shows it. */
export function shownOf(field: FieldSpec, state: FormState): string {
	const value = state.values[field.id];
	if (field.kind === 'toggle') return value === true ? '[x] yes' : '[ ] no';
	if (field.kind === 'choice') return `‹ ${String(value)} ›`;
	return String(value);
}

/** How wide the value's cell is: a choice as wide as its option needs, up to choiceWidth. */
export const valueCell = (field: FieldSpec, shown: string, widths: FieldWidths): number =>
	field.kind === 'choice' ? Math.max(widths.valueWidth, Math.min(textWidth(shown), widths.choiceWidth)) : widths.valueWidth;

/** An empty field's fallback (x's last command) shows even while focused: typing replaces it. */
export const placeholderOf = (field: FieldSpec, state: FormState, focused: boolean): string | undefined =>
	field.kind === 'text' && state.values[field.id] === '' ? (field.fallback ?? (focused ? undefined : field.placeholder)) : undefined;

/** A field's message shows once it was typed in, or everywhere after a submit attempt. */
export const errorShown = (errors: FormErrors, state: FormState, id: string): string | undefined => (state.submitted || state.touched.has(id) ? errors[id] : undefined);

/** A message too long for the rest of its field's row goes on the rows below, whole (never cut with …). */
export function errorBelow(field: FieldSpec, error: string, state: FormState, focused: boolean, widths: FieldWidths): boolean {
	const placeholder = placeholderOf(field, state, focused);
	const cell = valueCell(field, shownOf(field, state), widths);
	return 1 + widths.labelWidth + (placeholder ? Math.max(cell, textWidth(placeholder)) : cell) + 3 + textWidth(error) > widths.innerWidth;
}

/** Rows each field takes: its own, and its message's below it. */
export function fieldBlocks(spec: FormSpec, errors: FormErrors, state: FormState, widths: FieldWidths): number[] {
	return spec.fields.map((field, index) => {
		const error = errorShown(errors, state, field.id);
		return 1 + (error && errorBelow(field, error, state, index === state.focus, widths) ? rowsOf(`✗ ${error}`, widths.innerWidth - 2) : 0);
	});
}

export interface FieldWindow {
	readonly top: number;
	/** One past the last field shown. */
	readonly end: number;
	readonly rows: number;
}

/**
 * Which fields show in `budget` rows: all when they fit; else a run of whole fields that holds the focused
 * one, starting from `top` where it can (so the fields do not jump as the focus moves), grown to fill the room.
 */
export function fieldWindow(blocks: readonly number[], focus: number, top: number, budget: number): FieldWindow {
	const total = blocks.reduce((a, b) => a + b, 0);
	if (total <= budget || blocks.length === 0) return {top: 0, end: blocks.length, rows: total};
	let first = Math.min(Math.max(top, 0), focus);
	let rows = blocks.slice(first, focus + 1).reduce((a, b) => a + b, 0);
	while (rows > budget && first < focus) rows -= blocks[first++];
	let end = focus + 1;
	while (end < blocks.length && rows + blocks[end] <= budget) rows += blocks[end++];
	while (first > 0 && rows + blocks[first - 1] <= budget) rows += blocks[--first];
	// The focused field alone is taller than the room (a long message): its message is cut to fit.
	return {top: first, end, rows: Math.min(rows, Math.max(budget, 1))};
}
