// The bundle's string-width fast path (scripts/string-width-patch.mjs) counts each character of its set as
// one column: string-width itself must agree, character by character and for all of them in one string.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
// @ts-expect-error a plain .mjs build helper, without types
import {NARROW, patchStringWidth} from '../scripts/string-width-patch.mjs';

function narrowCharacters(): string[] {
	const chars: string[] = [];
	for (const [, from, to] of (NARROW as string).matchAll(/\\u([0-9A-F]{4})(?:-\\u([0-9A-F]{4}))?/g)) {
		for (let code = Number.parseInt(from, 16); code <= Number.parseInt(to ?? from, 16); code++) chars.push(String.fromCodePoint(code));
	}
	return chars;
}

describe('string-width fast path', () => {
	it('covers only characters string-width measures as one column', () => {
		const chars = narrowCharacters();
		expect(chars.length).toBeGreaterThan(500);
		expect(chars.filter((c) => stringWidth(c) !== 1).map((c) => c.codePointAt(0)?.toString(16))).toEqual([]);
		expect(stringWidth(chars.join(''))).toBe(chars.length);
	});

	it('applies to the installed string-width', () => {
		const file = createRequire(import.meta.url).resolve('string-width');
		expect(patchStringWidth(readFileSync(file, 'utf8'))).toContain('??= /^\\p{RGI_Emoji}$/v');
	});
});
