// How the command log overlay lays out and scrolls: each entry is its fixed columns (time, duration,
// outcome) and then its command and error, wrapped under the command, so that nothing is cut at 80
// columns. Newest at the bottom; the scroll counts entries back from where the newest fill the view.
// Shared by the overlay (what it draws) and the keys (where scrolling stops).
import {shown} from '../model/display.js';
import {clockTime, durationText, outcomeText} from '../plans/log-text.js';
import type {LogEntry} from '../plans/run-plan.js';
import {commandText} from '../plans/script.js';

const MARK: Record<LogEntry['status'], string> = {ok: '✓', failed: '✗', 'not run': '○', 'undo ok': '↺', 'undo failed': '✗', running: '…', stopped: '■'};

/** `09:41:02  12 ms ✓ exit 0 `: the fixed columns before the command. */
export function entryPrefix(e: LogEntry): string {
	const took = e.durationMs === undefined ? '' : durationText(e.durationMs);
	return `${clockTime(e.at)} ${took.padStart(6)} ${MARK[e.status]} ${outcomeText(e).padEnd(7)} `;
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
	const indent = Array.from(prefix).length;
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
		used += Array.from(text).length;
	};
	// Word by word: a row breaks at a blank, and a word longer than a whole row is cut into rows.
	for (const piece of flow) {
		for (const token of piece.text.split(/(?<= )/)) {
			let word = Array.from(token);
			const visible = Array.from(token.trimEnd()).length;
			if (used > 0 && used + visible > room) newRow();
			// No blank at the start of a continued row.
			if (used === 0 && rows.length > 0 && token.trim() === '') continue;
			while (word.length > room - used) {
				const fit = room - used;
				// Only its trailing blank overflows: drop that, the word fits.
				if (visible <= fit) {
					word = word.slice(0, fit);
					break;
				}
				put(word.slice(0, fit).join(''), piece.error);
				word = word.slice(fit);
				newRow();
			}
			if (word.length > 0) put(word.join(''), piece.error);
		}
	}
	rows.push({prefix: rows.length === 0 ? prefix : ' '.repeat(indent), pieces});
	return rows;
}

/** Rows the overlay has for entries in `height` rows (its border and title take the rest). */
export const logRows = (height: number): number => Math.max(height - 4, 1);

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
