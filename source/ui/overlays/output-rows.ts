// Lines of output as screen rows: wrapped to the panel's width (the default), or one row per line cut to
// a window that ← → move sideways. Pure, so the panels' scrolling is tested without a terminal. Rows are
// cut by columns (model/text-width.ts): never inside a character, and a wide one takes its two columns.
import {chunkByWidth, sliceColumns, textWidth} from '../../model/text-width.js';
import type {OutputLine} from '../../state/ping-runs.js';

export interface OutputRow {
	readonly text: string;
	readonly from: OutputLine['from'];
	/** Index of the line it shows (part of). */
	readonly line: number;
}

/**
 * The rows `lines` take in a panel `width` columns wide. Wrapped: every character is seen, a long line
 * takes several rows. Not wrapped: one row per line, from `column` on.
 */
export function outputRows(lines: readonly OutputLine[], width: number, wrap: boolean, column = 0): OutputRow[] {
	const w = Math.max(width, 1);
	const rows: OutputRow[] = [];
	for (const [index, line] of lines.entries()) {
		if (!wrap) {
			rows.push({text: sliceColumns(line.text, column, w), from: line.from, line: index});
			continue;
		}
		for (const text of chunkByWidth(line.text, w)) rows.push({text, from: line.from, line: index});
	}
	return rows;
}

/** The longest line, in columns: how far sideways scrolling can go. */
export const longestLine = (lines: readonly OutputLine[]): number => lines.reduce((most, l) => Math.max(most, textWidth(l.text)), 0);

/** The first column shown after ← or →: half a panel at a time, never past the longest line's end. */
export function scrollSideways(column: number, toward: 'left' | 'right', width: number, longest: number): number {
	const step = Math.max(Math.floor(width / 2), 1);
	const next = toward === 'left' ? column - step : column + step;
	return Math.min(Math.max(next, 0), Math.max(longest - width, 0));
}

/** What the panel's last line says about the view: wrapped, or which columns are shown. */
export function sidewaysText(wrap: boolean, column: number, width: number, longest: number): string {
	if (wrap) return longest > width ? 'w unwrap' : '';
	if (longest <= width) return 'w wrap';
	return `cols ${column + 1}–${Math.min(column + width, longest)} of ${longest} ←→ · w wrap`;
}

/** Parts of a hint line joined with ` · `, the first ones first: a part that does not fit is left out whole, never cut. */
export function fitParts(parts: readonly string[], width: number): string {
	let line = '';
	for (const part of parts) {
		if (!part) continue;
		const next = line ? `${line} · ${part}` : part;
		if (textWidth(next) <= width) line = next;
	}
	return line;
}
