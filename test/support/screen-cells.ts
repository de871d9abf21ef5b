// Reading a captured screen by display columns, as a terminal lays it out: a wide character takes two.
import stringWidth from 'string-width';
import {expect} from 'vitest';

/** A line as screen cells: each column's character, '' where the wide one before it goes on. */
export function cellsOf(line: string): string[] {
	const cells: string[] = [];
	for (const {segment} of new Intl.Segmenter().segment(line)) {
		const width = stringWidth(segment);
		if (width > 0) cells.push(segment, ...Array<string>(width - 1).fill(''));
	}
	return cells;
}

/** Rows between the title bar and the footer are the panes': as wide as the screen, border to border. */
export function expectPanesFull(frame: string, size: {readonly columns: number; readonly rows: number}): void {
	const lines = frame.replace(/\n+$/, '').split('\n');
	expect(lines).toHaveLength(size.rows);
	for (const line of lines) expect(stringWidth(line), frame).toBeLessThanOrEqual(size.columns);
	expect(lines.slice(1, -1).map((line) => stringWidth(line)), frame).toEqual(Array(size.rows - 2).fill(size.columns));
	for (const line of lines.slice(1, -1)) expect('│║┐╗┘╝').toContain(cellsOf(line).at(-1));
}

export interface ScreenBox {
	readonly top: number;
	readonly bottom: number;
	readonly left: number;
	readonly right: number;
}

/** The namespaces' boxes on the map: a corner followed by its line and a blank (`┌─ name`), to where it closes. */
export function boxesOf(lines: readonly string[]): ScreenBox[] {
	const grid = lines.map(cellsOf);
	const boxes: ScreenBox[] = [];
	grid.forEach((cells, top) => {
		cells.forEach((cell, left) => {
			if (!((cell === '┌' && cells[left + 1] === '─') || (cell === '╔' && cells[left + 1] === '═')) || cells[left + 2] !== ' ') return;
			const right = cells.findIndex((c, i) => i > left && (c === '┐' || c === '╗'));
			const bottom = grid.findIndex((row, i) => i > top && (row[left] === '└' || row[left] === '╚'));
			boxes.push({top, bottom, left, right});
		});
	});
	return boxes;
}

/** The map's boxes line up: corners in one column, each row's edges in the corners' columns. */
export function expectBoxesAligned(frame: string): void {
	const lines = frame.split('\n');
	const boxes = boxesOf(lines);
	expect(boxes.length, frame).toBeGreaterThanOrEqual(2);
	expect(new Set(boxes.map((b) => b.left)).size, frame).toBe(1);
	expect(new Set(boxes.map((b) => b.right)).size, frame).toBe(1);
	for (const box of boxes) {
		// A box cut by the screen's bottom has no bottom row in view.
		const bottom = box.bottom < 0 ? lines.length - 1 : box.bottom;
		if (box.bottom >= 0) expect('┘╝', frame).toContain(cellsOf(lines[box.bottom])[box.right]);
		for (let row = box.top + 1; row < bottom; row++) {
			const cells = cellsOf(lines[row]);
			expect('│║╡╣', lines[row]).toContain(cells[box.left]);
			expect('│║├╟', lines[row]).toContain(cells[box.right]);
		}
	}
}
