import {describe, expect, it} from 'vitest';
import {fitParts, longestLine, outputRows, scrollSideways, sidewaysText} from '../../source/ui/overlays/output-rows.js';

const out = (text: string) => ({text, from: 'stdout' as const});

describe('output as rows', () => {
	it('wraps a long line into rows of the width, keeps empty lines, and knows which line each row shows', () => {
		expect(outputRows([out('abcdefg'), out(''), out('hi')], 3, true)).toEqual([
			{text: 'abc', from: 'stdout', line: 0},
			{text: 'def', from: 'stdout', line: 0},
			{text: 'g', from: 'stdout', line: 0},
			{text: '', from: 'stdout', line: 1},
			{text: 'hi', from: 'stdout', line: 2},
		]);
	});

	it('unwrapped: one row per line, from the column scrolled to', () => {
		expect(outputRows([out('abcdefg'), out('hi')], 3, false, 2).map((r) => r.text)).toEqual(['cde', '']);
	});

	it('never splits a character, and shows control characters visibly (one column each)', () => {
		// By columns: the emoji takes two, so `é🙂x` fills a row of four.
		expect(outputRows([out('é🙂x\u001B]52;c;x')], 4, true).map((r) => r.text)).toEqual(['é🙂x', '␛]52', ';c;x']);
	});

	it('wide characters: rows by columns, never wider than the panel; sideways a cut one leaves a blank', () => {
		const rows = outputRows([out('网桥网桥网 x\u202Ey')], 5, true).map((r) => r.text);
		expect(rows).toEqual(['网桥', '网桥', '网 x⟨', 'U+202', 'E⟩y']);
		expect(outputRows([out('网桥网桥')], 4, false, 1).map((r) => r.text)).toEqual([' 桥 ']);
		expect(longestLine([out('网桥'), out('a\u202E')])).toBe(9);
	});

	it('scrolls sideways half a panel at a time, within the longest line', () => {
		const longest = longestLine([out('a'.repeat(100))]);
		expect(longest).toBe(100);
		expect(scrollSideways(0, 'right', 40, longest)).toBe(20);
		expect(scrollSideways(50, 'right', 40, longest)).toBe(60);
		expect(scrollSideways(60, 'right', 40, longest)).toBe(60);
		expect(scrollSideways(10, 'left', 40, longest)).toBe(0);
		expect(sidewaysText(false, 20, 40, longest)).toBe('cols 21–60 of 100 ←→ · w wrap');
		expect(sidewaysText(true, 0, 40, longest)).toBe('w unwrap');
		expect(sidewaysText(true, 0, 200, longest)).toBe('');
	});
});

describe('a hint line that fits', () => {
	it('leaves out whole parts that do not fit, never cuts one, keeps the order', () => {
		expect(fitParts(['Esc close', 'lines 1–5 of 5', '', 'cols 1–76 of 244 ←→ · w wrap', '↑↓ PgUp PgDn Home End'], 60)).toBe('Esc close · lines 1–5 of 5 · cols 1–76 of 244 ←→ · w wrap');
		expect(fitParts(['Esc close', 'a very long part that cannot fit', 'short'], 20)).toBe('Esc close · short');
	});
});
