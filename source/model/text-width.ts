// Text width in terminal columns: the one measure by which nsdeck fits, cuts, pads and wraps text.
//
// Text is measured as it is drawn: in its shown form (display.ts), where a bidi override takes eight
// columns (⟨U+202E⟩) and an ESC one (␛), never the zero the raw character would; and by string-width,
// the measure ink itself lays out with, so a CJK character or an emoji takes two columns, a combining
// mark none. Every function here returns the shown form, cut only between whole characters.
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import {shown} from './display.js';

/** A character as drawn (one grapheme, with any zero-width ones after it) and the columns it takes. */
export interface Cell {
	readonly text: string;
	readonly width: number;
}

const segmenter = new Intl.Segmenter();
/**
 * One column a character, none of them combining, nothing to show differently: printable ASCII (most
 * names, every number) and what nsdeck draws with (box drawing, arrows, …, ·). Measured without segmenting.
 */
const PLAIN = /^[\u0020-\u007E\u00B7\u2026\u2190-\u2193\u2500-\u257F]*$/;
/** Widths of the characters met so far: names repeat their characters, and the map draws thousands. */
const widths = new Map<string, number>();

function widthOf(grapheme: string): number {
	let width = widths.get(grapheme);
	if (width === undefined) {
		if (widths.size > 10_000) widths.clear();
		width = stringWidth(grapheme);
		widths.set(grapheme, width);
	}
	return width;
}

/** Columns that `text` takes on screen. */
export const textWidth = (text: string): number => (PLAIN.test(text) ? text.length : stringWidth(shown(text)));

/** The shown form of `text` as cells; a zero-width character joins the one before it, so no cell is cut from its mark. */
export function cellsOf(text: string): Cell[] {
	const cells: Array<{text: string; width: number}> = [];
	if (PLAIN.test(text)) {
		for (const c of text) cells.push({text: c, width: 1});
		return cells;
	}
	for (const {segment} of segmenter.segment(shown(text))) {
		const width = widthOf(segment);
		const last = cells.at(-1);
		if (width === 0 && last) last.text += segment;
		else cells.push({text: segment, width});
	}
	return cells;
}

/** The first cells of `text` that fit in `width` columns, and the columns they take. */
function head(cells: readonly Cell[], width: number): {text: string; width: number; count: number} {
	let text = '';
	let used = 0;
	let count = 0;
	for (const cell of cells) {
		if (used + cell.width > width) break;
		text += cell.text;
		used += cell.width;
		count++;
	}
	return {text, width: used, count};
}

/** The last cells of `text` that fit in `width` columns. */
function tail(cells: readonly Cell[], width: number): {text: string; width: number} {
	let text = '';
	let used = 0;
	for (let i = cells.length - 1; i >= 0; i--) {
		if (used + cells[i].width > width) break;
		text = cells[i].text + text;
		used += cells[i].width;
	}
	return {text, width: used};
}

/** `text` padded with blanks to `width` columns (never cut). */
export function padWidth(text: string, width: number): string {
	const s = shown(text);
	return s + ' '.repeat(Math.max(width - textWidth(s), 0));
}

/** `text` in at most `width` columns, with … where it was cut. */
export function truncateWidth(text: string, width: number): string {
	if (width <= 0) return '';
	const s = shown(text);
	if (textWidth(s) <= width) return s;
	return `${head(cellsOf(s), width - 1).text}…`;
}

/** `text` in exactly `width` columns: cut with … where it does not fit, padded with blanks where it does. */
export const fitWidth = (text: string, width: number): string => (width <= 0 ? '' : padWidth(truncateWidth(text, width), width));

/** `text` in at most `width` columns: whole when it fits, else its head, `…` and its tail (the head gets a column more). */
export function shortenMiddleWidth(text: string, width: number): string {
	const s = shown(text);
	if (textWidth(s) <= width) return s;
	if (width <= 1) return width === 1 ? '…' : '';
	const cells = cellsOf(s);
	const tailWidth = Math.floor((width - 2) / 2);
	const front = head(cells, width - 1 - tailWidth);
	// A wide character that did not fit at the head's end leaves its column to the tail.
	const back = tail(cells.slice(front.count), width - 1 - front.width);
	return `${front.text}…${back.text}`;
}

/**
 * Columns `start` to `start + width` of `text`, as the map's viewport shows them: a wide character that
 * an edge cuts in two is a blank in the column it keeps, so everything else stays in its column.
 */
export function sliceColumns(text: string, start: number, width: number): string {
	const from = Math.max(start, 0);
	const to = from + Math.max(width, 0);
	let out = '';
	let column = 0;
	for (const cell of cellsOf(text)) {
		const end = column + cell.width;
		if (end > from && column < to) out += column >= from && end <= to ? cell.text : ' '.repeat(Math.min(end, to) - Math.max(column, from));
		column = end;
		if (column >= to) break;
	}
	return out;
}

/** `text` cut into rows of at most `width` columns, every character kept (one too wide for a row takes one alone). */
export function chunkByWidth(text: string, width: number): string[] {
	const room = Math.max(width, 1);
	const rows: string[] = [];
	let row = '';
	let used = 0;
	for (const cell of cellsOf(text)) {
		if (used > 0 && used + cell.width > room) {
			rows.push(row);
			row = '';
			used = 0;
		}
		row += cell.text;
		used += cell.width;
	}
	if (row !== '' || rows.length === 0) rows.push(row);
	return rows;
}

/** Text broken into lines of at most `width` columns at spaces; a word longer than a line starts one and is split. */
export function wrapByWidth(text: string, width: number): string[] {
	const room = Math.max(width, 1);
	const lines: string[] = [];
	let line = '';
	let used = 0;
	for (const word of shown(text).split(' ')) {
		let rest = word;
		let restWidth = textWidth(rest);
		if (restWidth > room) {
			if (line) lines.push(line);
			const rows = chunkByWidth(rest, room);
			lines.push(...rows.slice(0, -1));
			rest = rows.at(-1) ?? '';
			restWidth = textWidth(rest);
			line = '';
		}
		if (!line) {
			line = rest;
			used = restWidth;
		} else if (used + 1 + restWidth <= room) {
			line += ` ${rest}`;
			used += 1 + restWidth;
		} else {
			lines.push(line);
			line = rest;
			used = restWidth;
		}
	}
	lines.push(line);
	return lines;
}

/** Rows that `text` takes where ink wraps it in `width` columns: ink's own wrapping (wrap-ansi), not a copy of it. */
export function wrappedRows(text: string, width: number): number {
	if (width <= 0) return 1;
	return wrapAnsi(shown(text), Math.max(Math.floor(width), 1), {trim: false, hard: true}).split('\n').length;
}
