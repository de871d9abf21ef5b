// How the command log overlay lays out and scrolls: each entry is its fixed columns (time, duration,
// outcome) and then its command and error, wrapped under the command, so that nothing is cut at 80
// columns. Newest at the bottom; the scroll counts entries back from where the newest fill the view.
// Shared by the overlay (what it draws) and the keys (where scrolling stops).
import {shown} from '../model/display.js';
import {cellsOf, textWidth, type Cell} from '../model/text-width.js';
import {clockTime, durationText, outcomeText} from '../plans/log-text.js';
import type {LogEntry} from '../plans/run-plan.js';
import {commandText} from '../plans/script.js';

const MARK: Record<LogEntry['status'], string> = {ok: '✓', failed: '✗', 'not run': '○', 'undo ok': '↺', 'undo failed': '✗', running: '…', stopped: '■'};

/** `09:41:02  12 ms ✓ exit 0 `: the fixed columns before the command. */
export function entryPrefix(e: LogEntry): string {
	const took = e.durationMs === undefined ? '' : durationText(e.durationMs);
	return `${clockTime(e.at)} ${took.padStart(6)} ${MARK[e.status]} ${outcomeText(e).padEnd(7)} `;
}

const widthOf = (cells: readonly Cell[]): number => cells.reduce((sum, c) => sum + c.width, 0);
const textOf = (cells: readonly Cell[]): string => cells.map((c) => c.text).join('');
/** How many of `cells` fit in `width` columns. */
function headCount(cells: readonly Cell[], width: number): number {
	let used = 0;
	let count = 0;
	while (count < cells.length && used + cells[count].width <= width) used += cells[count++].width;
	return count;
}

/** A piece of a row: the command, or the error (drawn in red). */
export interface LogPiece {
	readonly text: string;
	readonly error: boolean;
}

export interface LogRow {
	/** The fixed columns on an entry's first row; blanks of the same width under it. */
	readonly prefix: string;
	readonly pieces: readonly LogPiece[];
}

/** An entry as rows `width` columns wide: the command and then ` — error` flow under the command. */
export function entryRows(e: LogEntry, width: number): LogRow[] {
	const prefix = entryPrefix(e);
	const indent = textWidth(prefix);
	// Very narrow: no room beside the prefix, so the text gets at least a few columns.
	const room = Math.max(width - indent, 8);
	// Made safe before it is measured: a bidi override shows as ⟨U+202E⟩, eight columns, not zero.
	const flow: LogPiece[] = [{text: shown(commandText(e.argv)), error: false}];
	if (e.error) flow.push({text: shown(` — ${e.error.split('\n')[0]}`), error: true});
	const rows: LogRow[] = [];
	let pieces: LogPiece[] = [];
	let used = 0;
	const newRow = (): void => {
		rows.push({prefix: rows.length === 0 ? prefix : ' '.repeat(indent), pieces});
		pieces = [];
		used = 0;
	};
	const put = (text: string, error: boolean): void => {
		const last = pieces.at(-1);
		// One piece per colour in a row: fewer nodes to draw.
		if (last?.error === error) pieces[pieces.length - 1] = {text: last.text + text, error};
		else pieces.push({text, error});
		used += textWidth(text);
	};
	// Word by word: a row breaks at a blank, and a word longer than a whole row is cut into rows.
	for (const piece of flow) {
		for (const token of piece.text.split(/(?<= )/)) {
			// By columns (model/text-width.ts): a CJK name takes two a character.
			let word = cellsOf(token);
			const visible = textWidth(token.trimEnd());
			if (used > 0 && used + visible > room) newRow();
			// No blank at the start of a continued row.
			if (used === 0 && rows.length > 0 && token.trim() === '') continue;
			while (widthOf(word) > room - used) {
				const fit = headCount(word, room - used);
				// Only its trailing blank overflows: drop that, the word fits.
				if (visible <= room - used) {
					word = word.slice(0, fit);
					break;
				}
				put(textOf(word.slice(0, fit)), piece.error);
				word = word.slice(fit);
				newRow();
			}
			if (word.length > 0) put(textOf(word), piece.error);
		}
	}
	rows.push({prefix: rows.length === 0 ? prefix : ' '.repeat(indent), pieces});
	return rows;
}

/**
 * Rows the overlay has for entries in `height` rows: its border takes two and its title one. One fewer hid
 * the oldest entry that fitted and left the last row blank.
 */
export const logRows = (height: number): number => Math.max(height - 3, 1);

/** Columns inside the overlay's border and padding. */
export const logWidth = (columns: number): number => Math.max(columns - 4, 1);

/**
 * How far back (in entries) the log can scroll: the index of the first entry shown when the newest
 * fill the view. Scrolled that far back, the view starts at the first command.
 */
export function logMostBack(entries: readonly LogEntry[], columns: number, height: number): number {
	const rows = logRows(height);
	const width = logWidth(columns);
	let used = 0;
	for (let i = entries.length - 1; i >= 0; i--) {
		used += entryRows(entries[i], width).length;
		if (used > rows) return i + 1;
	}
	return 0;
}
