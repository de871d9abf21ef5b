// A grid of single-width characters that grows as it is drawn on; the topology map is drawn here and read
// back as lines of text (trailing blanks cut, so golden files stay clean).

export class TextCanvas {
	private readonly rows: string[][] = [];

	put(row: number, column: number, char: string): void {
		if (row < 0 || column < 0) return;
		while (this.rows.length <= row) this.rows.push([]);
		const line = this.rows[row];
		while (line.length < column) line.push(' ');
		line[column] = char;
	}

	/** The character at a cell, or a blank where nothing was drawn. */
	at(row: number, column: number): string {
		return this.rows[row]?.[column] ?? ' ';
	}

	/** Writes `text` from `column` on; each UTF-16 unit is one cell (names and box characters are all BMP). */
	write(row: number, column: number, text: string): void {
		for (let i = 0; i < text.length; i++) this.put(row, column + i, text[i]);
	}

	lines(): string[] {
		return this.rows.map((line) => line.join('').trimEnd());
	}
}
