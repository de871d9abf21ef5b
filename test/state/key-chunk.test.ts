// A read of several keys splits into the keys it holds; a key ink parsed as one stays whole.
import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {keysOfText, splitChunk} from '../../source/state/keys/key-chunk.js';
import {keyList, notUsedText} from '../../source/ui/hooks/type-ahead.js';

const plain = keysOfText('x')[0].key;
const names = (text: string): string[] => keysOfText(text).map((k) => k.name);

describe('splitChunk', () => {
	it.each([
		['jj', ['j', 'j']],
		['nns1\r', ['n', 'n', 's', '1', 'return']],
		['\rb', ['return', 'b']],
		['a\tB \u007F', ['a', 'tab', 'B', 'space', 'backspace']],
		['', []],
	])('%j → %j', (text, expected) => {
		expect(names(text)).toEqual(expected);
	});

	it('keeps a key ink named whole (an arrow, Ctrl+C, an escape sequence)', () => {
		const up: Key = {...plain, upArrow: true};
		expect(splitChunk('', up)).toHaveLength(1);
		expect(splitChunk('c', {...plain, ctrl: true})[0].name).toBe('ctrl+c');
		expect(splitChunk('\u001B[200~x', plain)).toHaveLength(1);
	});

	// ink names ESC and the key after it in one read (typed quickly, over SSH, or while the app was busy)
	// one Alt+key; nsdeck binds no Alt key, so the Esc was lost: an overlay stayed open and took the key.
	it('reads Esc and a key in one read as Esc, then the key', () => {
		expect(splitChunk('q', {...plain, meta: true}, true).map((k) => k.name)).toEqual(['escape', 'q']);
		expect(splitChunk('', {...plain, meta: true, return: true}, true).map((k) => k.name)).toEqual(['escape', 'return']);
		const [, key] = splitChunk('j', {...plain, meta: true}, true);
		expect(key?.key.meta).toBe(false);
	});

	it('keeps Alt+key whole where a form reads (Alt+B must not close it)', () => {
		expect(splitChunk('b', {...plain, meta: true}, false)).toHaveLength(1);
	});

	it('keeps an Alt+arrow whole (one escape sequence, not two keys)', () => {
		expect(splitChunk('', {...plain, meta: true, upArrow: true}, true).map((k) => k.name)).toEqual(['up']);
	});

	it('an upper-case letter is a shifted key', () => {
		expect(keysOfText('B')[0].key.shift).toBe(true);
	});
});

describe('what the status says', () => {
	it('names the first keys as people read them, and how many more', () => {
		expect(keyList(keysOfText('d\r\r'))).toBe('d Enter Enter');
		expect(keyList(keysOfText('abcdefghij'))).toBe('a b c d e f g h … +2');
		expect(notUsedText(keysOfText('\r'), 'd opened a form')).toBe('typed ahead, not used: Enter (d opened a form)');
	});
});
