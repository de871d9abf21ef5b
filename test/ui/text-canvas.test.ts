// The map's canvas: a wide character takes two cells, and drawing over either of them leaves no half.
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {TextCanvas} from '../../source/ui/topology/text-canvas.js';

describe('TextCanvas', () => {
	it('writes a wide character over two columns, so what follows stays in its column', () => {
		const canvas = new TextCanvas();
		canvas.write(0, 0, '│ 网桥0 │');
		canvas.write(1, 0, '│ abcde │');
		const [wide, narrow] = canvas.lines();
		expect(stringWidth(wide)).toBe(stringWidth(narrow));
		expect(canvas.at(0, 2)).toBe('网');
		expect(canvas.at(0, 3)).toBe('');
		expect(canvas.at(0, 8)).toBe('│');
	});

	it('writes names as shown: a control character one column, a bidi override eight', () => {
		const canvas = new TextCanvas();
		canvas.write(0, 0, 'a\u202Eb\u001Bc');
		expect(canvas.lines()).toEqual(['a⟨U+202E⟩b␛c']);
		canvas.put(0, 12, '│');
		expect(canvas.lines()).toEqual(['a⟨U+202E⟩b␛c│']);
	});

	it('a line drawn over half a wide character leaves a blank in its other half', () => {
		const canvas = new TextCanvas();
		canvas.write(0, 0, '网桥网');
		canvas.put(0, 1, '│');
		canvas.put(0, 4, '─');
		expect(canvas.lines()).toEqual([' │桥─']);
		expect(canvas.at(0, 0)).toBe(' ');
		expect(canvas.at(0, 5)).toBe(' ');
	});

	it('a wide character written over others blanks the halves it leaves', () => {
		const canvas = new TextCanvas();
		canvas.write(0, 0, '网桥');
		canvas.write(0, 1, '🐳');
		expect(canvas.lines()).toEqual([' 🐳']);
		expect([0, 1, 2, 3].map((c) => canvas.at(0, c))).toEqual([' ', '🐳', '', ' ']);
	});
});
