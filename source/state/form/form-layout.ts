// Which rows a form shows at its size, pure: the title, a window of fields that always holds the focused
// one, the plan (or the choice list, or why there is nothing to run), and the hint line, adding up to no
// more than the form's height, so that nothing is drawn over anything else at 60x15 or at 200x50.
import type {Plan} from '../../plans/plan.js';
import {errorShown, fieldBlocks, fieldWidths, fieldWindow, type FieldWidths} from './field-rows.js';
import type {FormFacts, Size} from './form-facts.js';
import type {FormState} from './form-state.js';
import {fitPlan, planFloor, planRows, stepsThatFit, type PlanRows} from './plan-fit.js';
import {rowsOf} from './text-rows.js';

export interface FieldRow {
	readonly index: number;
	/** Rows its message takes below it: 0 when it has none or it fits beside the value. */
	readonly errorRows: number;
	/** In the focus column of an unfocused row: more fields above (↑) or below (↓) than are shown. */
	readonly marker?: '↑' | '↓';
}

export interface ReviewPart {
	readonly from: number;
	/** How far Enter before the end pages on: the commands shown, or every line shown where they page as one list. */
	readonly page: number;
	readonly toEnd: boolean;
	readonly header: string;
	readonly headerRows: number;
}

export type Lower =
	| {readonly kind: 'choose'; readonly rows: number}
	| {readonly kind: 'nothing'; readonly text: string; readonly rows: number}
	| {readonly kind: 'fill'; readonly text: string; readonly rows: number}
	| {
			readonly kind: 'plan';
			readonly riskRows: number;
			/** Commands shown, from `review.from` while reviewing, else from the first. */
			readonly steps: number;
			readonly consequences: number;
			/** Commands (or lines) not shown: "… N more". */
			readonly more: number;
			readonly review?: ReviewPart;
			/** Rows the one line the review shows is held to, where even it is taller than the room. */
			readonly cut?: number;
	  };

export interface FormLayout extends FieldWidths {
	/** Rows between the title and the hint line. */
	readonly bodyRows: number;
	readonly fields: readonly FieldRow[];
	readonly fieldTop: number;
	readonly formErrorRows: number;
	readonly lower: Lower;
	/** Whether every command (and line it takes along) is on screen: else Enter shows them all first. */
	readonly planAllShown: boolean;
	/** Whether the review has shown the plan's end. */
	readonly reviewedToEnd: boolean;
	/** How many commands the review shows at once: Enter before the end pages on by this many. */
	readonly reviewPage: number;
}

const sum = (rows: readonly number[]): number => rows.reduce((a, b) => a + b, 0);

/** What the review says above the plan: what Enter does, and which of the `total` lines show. */
export function reviewHeader(plan: Plan, from: number, shown: number, total: number, toEnd: boolean): string {
	const scroll = from > 0 || from + shown < total ? ` · ↑↓ scroll (${from + 1}–${from + shown} of ${total})` : '';
	return `${toEnd ? `Enter runs these ${plan.steps.length} commands` : 'Enter shows the next commands'} · Esc goes back to the form${scroll}`;
}

/** The plan alone on the form's height, from the line scrolled to. */
function reviewOf(plan: Plan, rows: PlanRows, state: FormState, room: number, innerWidth: number): Lower & {kind: 'plan'} {
	let headerRows = 1;
	let result: Lower & {kind: 'plan'} = {kind: 'plan', riskRows: 0, steps: 0, consequences: 0, more: 0};
	// The header says how far the review got, which depends on how much fits under it: twice settles it.
	for (let pass = 0; pass < 2; pass++) {
		const budget = room - headerRows;
		const fromStep = Math.min(state.reviewFrom ?? 0, Math.max(rows.steps.length - 1, 0));
		const rest = rows.steps.slice(fromStep);
		let from: number;
		let steps: number;
		let consequences: number;
		let page: number;
		let total = rows.steps.length;
		let cut: number | undefined;
		if (rest.length > 0 && sum(rows.consequences) + rest[0] + (rest.length > 1 ? 1 : 0) <= budget) {
			// As forms always did: every consequence, and the commands from the one scrolled to.
			from = fromStep;
			steps = stepsThatFit(rest, budget - sum(rows.consequences));
			consequences = rows.consequences.length;
			page = steps;
		} else {
			// Too tight for that: commands and consequences page as one list.
			const items = [...rows.steps, ...rows.consequences];
			from = Math.min(state.reviewFrom ?? 0, Math.max(items.length - 1, 0));
			let shown = 0;
			let used = 0;
			while (from + shown < items.length && (shown === 0 || used + items[from + shown] <= budget)) used += items[from + shown++];
			steps = Math.max(Math.min(from + shown, rows.steps.length) - from, 0);
			consequences = Math.max(from + shown - Math.max(from, rows.steps.length), 0);
			page = shown;
			total = items.length;
			if (used > budget) cut = Math.max(budget, 1);
		}
		// Every consequence shows in the first case, so either way the end is the last line of the list.
		const toEnd = from + page >= total;
		// Where commands and consequences page as one list, the count is of both.
		const header = reviewHeader(plan, from, page, total, toEnd);
		result = {kind: 'plan', riskRows: 0, steps, consequences, more: 0, review: {from, page, toEnd, header, headerRows}, ...(cut ? {cut} : {})};
		const needed = rowsOf(header, innerWidth);
		if (needed === headerRows) break;
		headerRows = needed;
	}
	const review = result.review;
	return review ? {...result, review: {...review, headerRows: rowsOf(review.header, innerWidth)}} : result;
}

export function formLayout(facts: FormFacts, state: FormState, size: Size): FormLayout {
	const {spec, errors, plan, risk, nothing} = facts;
	const widths = fieldWidths(spec, size.width);
	const {innerWidth} = widths;
	// The border (2), the title and the hint line.
	const bodyRows = Math.max(size.height - 4, 1);
	const blocks = fieldBlocks(spec, errors, state, widths);
	const formError = errors._form;
	const formErrorRows = formError && (state.submitted || spec.fields.length === 0) ? rowsOf(`✗ ${formError}`, innerWidth) : 0;
	const riskRows = risk ? rowsOf(`⚠ ${risk.reason}.`, innerWidth) + 2 : 0;
	const base = {...widths, bodyRows, fieldTop: state.fieldTop ?? 0, planAllShown: true, reviewedToEnd: false, reviewPage: 1};

	if (state.reviewing && plan && !state.choosing && nothing === undefined) {
		const rows = planRows(plan, innerWidth);
		// The blank row, the risk, "It will run:" and "Sure?".
		const fixed = 1 + riskRows + 1 + (state.armed ? 1 : 0);
		const lower = {...reviewOf(plan, rows, state, bodyRows - fixed, innerWidth), riskRows};
		return {...base, fields: [], formErrorRows: 0, lower, planAllShown: false, reviewedToEnd: lower.review?.toEnd ?? false, reviewPage: Math.max(lower.review?.page ?? 1, 1)};
	}

	const windowed = (budget: number, top = base.fieldTop) => fieldWindow(blocks, state.focus, top, Math.max(budget, 1));
	const rowsOfFields = (top: number, end: number): FieldRow[] =>
		spec.fields.slice(top, end).map((field, i) => {
			const index = top + i;
			const marker = index === state.focus ? undefined : index === top && top > 0 ? '↑' : index === end - 1 && end < spec.fields.length ? '↓' : undefined;
			return {index, errorRows: blocks[index] - 1, marker};
		});
	const place = (window: {top: number; end: number; rows: number}): FieldRow[] => {
		const rows = rowsOfFields(window.top, window.end);
		// The focused field alone was taller than the room (a long message): its message is cut.
		const over = sum(blocks.slice(window.top, window.end)) - window.rows;
		return over > 0 ? rows.map((r) => (r.index === state.focus ? {...r, errorRows: Math.max(r.errorRows - over, 0)} : r)) : rows;
	};
	const room = bodyRows - 1 - formErrorRows; // the blank row under the fields

	const choosing = state.choosing && spec.fields.find((f) => f.id === state.choosing?.id);
	if (choosing || nothing !== undefined || !plan) {
		const fillText = spec.fields.some((f) => errorShown(errors, state, f.id) !== undefined) ? 'Fix the fields marked ✗ to see the commands.' : 'Fill in the fields to see the commands.';
		const text = nothing !== undefined ? `Nothing to change: ${nothing}.` : fillText;
		// The choice list wants its title, its filter and one option at least.
		const want = choosing ? 3 : rowsOf(text, innerWidth);
		const window = windowed(room - want);
		const lowerRows = Math.max(room - window.rows, choosing ? 0 : want);
		const lower: Lower = choosing ? {kind: 'choose', rows: lowerRows} : {kind: nothing !== undefined ? 'nothing' : 'fill', text, rows: want};
		return {...base, fields: place(window), fieldTop: window.top, formErrorRows, lower};
	}

	const rows = planRows(plan, innerWidth);
	const fixed = riskRows + 1 + (state.armed ? 1 : 0); // the risk, "It will run:" and "Sure?"
	const allFields = sum(blocks);
	let window = windowed(room - fixed - planFloor(rows));
	let shown = fitPlan(rows, room - fixed - window.rows);
	// Room the plan did not need goes to the fields.
	const spare = room - fixed - window.rows - shown.rows;
	if (spare > 0 && window.rows < allFields) {
		window = windowed(window.rows + spare, window.top);
		shown = fitPlan(rows, room - fixed - window.rows);
	}
	const more = rows.steps.length - shown.steps || rows.consequences.length - shown.consequences;
	return {
		...base,
		fields: place(window),
		fieldTop: window.top,
		formErrorRows,
		lower: {kind: 'plan', riskRows, steps: shown.steps, consequences: shown.consequences, more},
		planAllShown: more === 0,
	};
}
