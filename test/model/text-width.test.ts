// The one measure of text on screen: columns as ink draws them, of the text as nsdeck shows it.
import {describe, expect, it} from 'vitest';
import {cellsOf, chunkByWidth, fitWidth, padWidth, shortenMiddleWidth, sliceColumns, textWidth, truncateWidth, wrapByWidth, wrappedRows} from '../../source/model/text-width.js';

const FAMILY = '👨‍👩‍👧'; // three emoji joined by ZWJ: one character, two columns
const E_ACUTE = 'e\u0301'; // e and a combining acute: one column

describe('textWidth', () => {
	it.each([
		['', 0],
		['eth0', 4],
		['网桥0', 5],
		['🐳', 2],
		[FAMILY, 2],
		[`caf${E_ACUTE}`, 4],
		['a\u200Bb', 2],
		// Measured as shown: a control character is its one-column picture, a bidi override eight columns.
		['a\u001Bb', 3],
		['a\u202Eb', 10],
		// A tab is drawn as ␉, never expanded by the terminal.
		['a\tb', 3],
		['→ │ ─ …', 7],
	])('%j takes %i columns', (text, width) => {
		expect(textWidth(text)).toBe(width);
	});
});

describe('cellsOf', () => {
	it('cuts between whole characters, a zero-width one kept with the one before', () => {
		expect(cellsOf(`x${FAMILY}网${E_ACUTE}`)).toEqual([
			{text: 'x', width: 1},
			{text: FAMILY, width: 2},
			{text: '网', width: 2},
			{text: E_ACUTE, width: 1},
		]);
		expect(cellsOf('a\u202E').map((c) => c.text).join('')).toBe('a⟨U+202E⟩');
	});
});

describe('fitWidth', () => {
	it.each([
		['abc', 5, 'abc  '],
		['abcdef', 4, 'abc…'],
		['网桥0', 5, '网桥0'],
		['网桥0', 6, '网桥0 '],
		// The … goes where a wide character would not fit; a blank fills the column it leaves.
		['网桥网桥', 4, '网… '],
		['网桥网桥', 5, '网桥…'],
		['🐳🐳🐳', 4, '🐳… '],
		['a\u202Eb', 6, 'a⟨U+2…'],
		['a\u001Bb', 4, 'a␛b '],
		['abc', 1, '…'],
		['abc', 0, ''],
	])('%j in %i columns is %j', (text, width, fitted) => {
		const out = fitWidth(text, width);
		expect(out).toBe(fitted);
		expect(textWidth(out)).toBe(width);
	});

	it('truncateWidth cuts without padding, padWidth pads without cutting', () => {
		expect(truncateWidth('网桥网桥', 4)).toBe('网…');
		expect(truncateWidth('网桥', 4)).toBe('网桥');
		expect(padWidth('网', 4)).toBe('网  ');
		expect(padWidth('网桥网', 4)).toBe('网桥网');
	});
});

describe('shortenMiddleWidth', () => {
	it('keeps head and tail by columns, never wider than asked', () => {
		expect(shortenMiddleWidth('production-eu-west', 10)).toBe('produ…west');
		expect(shortenMiddleWidth('网桥网桥网桥网桥', 9)).toBe('网桥…网桥');
		// Eight columns: a wide character fits the tail's three only once, and the row is a column short.
		expect(shortenMiddleWidth('网桥网桥网桥网桥', 8)).toBe('网桥…桥');
		for (const name of ['网桥网桥网桥网桥', `${FAMILY}${FAMILY}${FAMILY}${FAMILY}x`, 'a\u202Eb\u202Ec\u202Ed', `caf${E_ACUTE}-caf${E_ACUTE}-caf${E_ACUTE}`]) {
			for (const width of [1, 2, 3, 5, 8, 9, 11]) expect(textWidth(shortenMiddleWidth(name, width))).toBeLessThanOrEqual(width);
		}
	});
});

describe('sliceColumns', () => {
	it('keeps every column in place: a wide character cut by an edge leaves a blank', () => {
		expect(sliceColumns('ab网桥cd', 0, 4)).toBe('ab网');
		expect(sliceColumns('ab网桥cd', 3, 4)).toBe(' 桥c');
		expect(sliceColumns('ab网桥cd', 1, 2)).toBe('b ');
		expect(sliceColumns('ab网桥cd', 6, 10)).toBe('cd');
		expect(sliceColumns('ab', 5, 3)).toBe('');
		expect(sliceColumns(`${FAMILY}x`, 1, 2)).toBe(' x');
		expect(sliceColumns('a\u202Eb', 1, 3)).toBe('⟨U+');
	});
});

describe('wrapping', () => {
	it('wrapByWidth breaks at spaces by columns; a long word is split between whole characters', () => {
		expect(wrapByWidth('one two three', 7)).toEqual(['one two', 'three']);
		expect(wrapByWidth('网桥 网桥 网桥', 9)).toEqual(['网桥 网桥', '网桥']);
		expect(wrapByWidth('x 网桥网桥网', 5)).toEqual(['x', '网桥', '网桥', '网']);
		expect(wrapByWidth('abcdefgh ij', 3)).toEqual(['abc', 'def', 'gh', 'ij']);
		for (const line of wrapByWidth(`${FAMILY.repeat(5)} a\u202Eb 🐳🐳🐳 caf${E_ACUTE}`, 5)) expect(textWidth(line)).toBeLessThanOrEqual(5);
	});

	it('chunkByWidth keeps every character, a wide one never split', () => {
		expect(chunkByWidth('ab网桥c', 3)).toEqual(['ab', '网', '桥c']);
		expect(chunkByWidth('', 3)).toEqual(['']);
		expect(chunkByWidth('网', 1)).toEqual(['网']);
	});

	it.each([
		['', 10, 1],
		['two words that wrap', 10, 2],
		['网桥网桥网桥', 10, 2],
		['网桥网桥网', 10, 1],
		['a\u202Eb', 5, 2],
		['a' + 'b'.repeat(25), 10, 3],
	])('wrappedRows(%j, %i) is %i, as ink wraps it', (text, width, rows) => {
		expect(wrappedRows(text, width)).toBe(rows);
	});
});

describe('the characters measured without segmenting', () => {
	it('take what string-width says they take, as ink draws them', async () => {
		const {default: stringWidth} = await import('string-width');
		const drawn = '─│┌┐└┘├┤┬┴┼═║╔╗╚╝╟╢╡╣╠╌┆┊┈╭╮╯╰━┏┗┣┫←↑→↓…· azAZ09~';
		for (const char of drawn) expect(textWidth(char), char).toBe(stringWidth(char));
		expect(textWidth(drawn)).toBe(stringWidth(drawn));
	});
});
