// The L chooser's lines, pure and counted: exactly as many as its frame holds, whatever the screen and the
// tutorial panel leave it. Drawn from a list of rows, nothing can be shrunk or drawn over another row (the
// header once lost its row to the first tutorial when a summary ran one line long).
import {misfitText, type Misfit} from '../../model/tutorial/fit.js';
import type {Tutorial} from '../../model/tutorial/types.js';
import {commandText} from '../../plans/script.js';
import {wrapByWidth} from '../../model/text-width.js';

export type PickerTone = 'header' | 'warn' | 'item' | 'chosen' | 'plain' | 'muted';

export interface PickerLine {
	readonly text: string;
	readonly tone: PickerTone;
	/** The tutorial open now: drawn bold. */
	readonly open?: boolean;
}

export interface PickerView {
	readonly tutorials: readonly Tutorial[];
	readonly cursor: number;
	readonly current?: string;
	readonly lab: boolean;
	/** Why the lab's world does not fit the chosen tutorial's start, if it does not. */
	readonly misfit?: Misfit;
}

export const PICKER_HEADER = 'Tutorials: ↑↓ choose · Enter follow it · Esc close';

/** The list, or the part of it around the cursor that fits in `room` rows. */
function listWindow(view: PickerView, room: number): PickerLine[] {
	const {tutorials, cursor, current} = view;
	const start = Math.min(Math.max(cursor - Math.floor(room / 2), 0), Math.max(tutorials.length - room, 0));
	return tutorials.slice(start, start + room).map((x, i) => ({
		text: `${start + i === cursor ? '›' : ' '} ${x.title} (${x.steps.length} steps)${x.name === current ? ' · open' : ''}`,
		tone: start + i === cursor ? 'chosen' : 'item',
		open: x.name === current,
	}));
}

/** Every line in `rows` rows of `width` columns: the header, the list, then the chosen one's summary and setup. */
export function pickerLines(view: PickerView, width: number, rows: number): PickerLine[] {
	const chosen = view.tutorials[view.cursor];
	const head: PickerLine[] = [{text: PICKER_HEADER, tone: 'header'}];
	if (!view.lab) head.push({text: `They change the network, so they run in the lab: nsdeck tutorial ${chosen?.name ?? ''}`, tone: 'warn'});
	const top = head.slice(0, rows);
	const list = listWindow(view, Math.max(rows - top.length, 0));
	let room = rows - top.length - list.length;
	if (!chosen || room < 2) return [...top, ...list];
	// Why the lab does not fit it, and what to do, before its summary when both do not fit.
	const why = view.lab && view.misfit ? misfitLines(chosen, view.misfit, width) : [];
	// A blank row between the list and what the chosen one is about.
	const summary = wrapByWidth(chosen.summary, width).slice(0, Math.max(room - 1 - why.length, 0)).map((text): PickerLine => ({text, tone: 'plain'}));
	room -= 1 + summary.length;
	const about: PickerLine[] = [{text: '', tone: 'plain'}, ...summary];
	if (why.length > 0) return [...top, ...list, ...about, ...(room > why.length ? [{text: '', tone: 'plain' as const}] : []), ...why.slice(0, room)];
	const setup = chosen.setup.map(commandText);
	if (setup.length === 0 || room < 2) return [...top, ...list, ...about];
	const shown = setup.length <= room - 1 ? setup : [...setup.slice(0, Math.max(room - 2, 0)), `… and ${setup.length - Math.max(room - 2, 0)} more`];
	const intro: PickerLine = {text: `It starts from its own world; choosing it runs ${setup.length} commands:`, tone: 'muted'};
	return [...top, ...list, ...about, intro, ...shown.map((line): PickerLine => ({text: `  ${line}`, tone: 'muted'}))];
}

/**
 * A tutorial whose start the lab's world does not fit: why, and the two ways to start it whole. Enter
 * shows the plan that resets this lab; a fresh lab is a new nsdeck, which cannot be started from in here.
 */
function misfitLines(chosen: Tutorial, misfit: Misfit, width: number): PickerLine[] {
	const number = chosen.name.split('-')[0];
	const wrapped = (text: string, tone: PickerTone): PickerLine[] => wrapByWidth(text, width).map((line) => ({text: line, tone}));
	return [
		...wrapped(`This lab does not fit its start: ${misfitText(misfit)}.`, 'warn'),
		...wrapped('Enter: reset the lab to its world (the plan shows first, and asks again).', 'muted'),
		...wrapped(`Or a fresh lab: quit (q) and run nsdeck tutorial ${number} (nsdeck cannot open one from in here).`, 'muted'),
	];
}
