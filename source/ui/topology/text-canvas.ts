// A grid of screen cells that grows as it is drawn on; the topology map is drawn here and read back as
// lines of text (trailing blanks cut, so golden files stay clean). A wide character (CJK, emoji) takes
// two cells, as on screen: its own and an empty one after it, so every column stays where it is drawn.
import {cellsOf} from '../../model/text-width.js';

/** The cell after a wide character: drawn by it, empty in the text. */
const CONTINUED = '';

export class TextCanvas {
	private readonly rows: string[][] = [];

	/** Puts a one-column character (a line, a corner) in a cell. */
	put(row: number, column: number, char: string): void {
		this.place(row, column, char, 1);
	}

	/** The character at a cell, a blank where nothing was drawn, '' on the second column of a wide one. */
	at(row: number, column: number): string {
		return this.rows[row]?.[column] ?? ' ';
	}

	/** Writes `text` from `column` on, as shown (model/display.ts), each character in the columns it takes. */
	write(row: number, column: number, text: string): void {
		let at = column;
		for (const cell of cellsOf(text)) {
			if (cell.width === 0) continue;
			this.place(row, at, cell.text, cell.width);
			at += cell.width;
		}
	}

	lines(): string[] {
		return this.rows.map((line) => line.join('').trimEnd());
	}

	private place(row: number, column: number, text: string, width: number): void {
		if (row < 0 || column < 0) return;
		while (this.rows.length <= row) this.rows.push([]);
		const line = this.rows[row];
		while (line.length < column + width) line.push(' ');
		for (let c = column; c < column + width; c++) this.blank(line, c);
		line[column] = text;
		for (let c = column + 1; c < column + width; c++) line[c] = CONTINUED;
	}

	/** Makes one cell blank; a wide character it was part of leaves blanks in its other column. */
	private blank(line: string[], column: number): void {
		let start = column;
		while (start > 0 && line[start] === CONTINUED) start--;
		let end = column + 1;
		while (line[end] === CONTINUED) end++;
		for (let c = start; c < end; c++) line[c] = ' ';
	}
}
