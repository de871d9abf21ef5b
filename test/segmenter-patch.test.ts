// The bundle's Segmenters are made on first use, and ansi-tokenize walks strings of one-unit graphemes
// without one (scripts/segmenter-patch.mjs): both must segment exactly as Intl.Segmenter does.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import chalk from 'chalk';
import {describe, expect, it} from 'vitest';
// @ts-expect-error a plain .mjs build helper, without types
import {lazySegmenter, ONE_UNIT_GRAPHEMES, patchAnsiTokenize, patchLazySegmenter, unitSegments} from '../scripts/segmenter-patch.mjs';
// @ts-expect-error a plain .mjs build helper, without types
import {NARROW} from '../scripts/string-width-patch.mjs';

interface Segment {
	segment: string;
	index: number;
}

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const segmentsOf = (iterable: Iterable<Segment>): Array<[string, number]> => [...iterable].map(({segment, index}) => [segment, index]);

function narrowCharacters(): string[] {
	const chars: string[] = [];
	for (const [, from, to] of (NARROW as string).matchAll(/\\u([0-9A-F]{4})(?:-\\u([0-9A-F]{4}))?/g)) {
		for (let code = Number.parseInt(from, 16); code <= Number.parseInt(to ?? from, 16); code++) chars.push(String.fromCodePoint(code));
	}
	return chars;
}

chalk.level = 3;
const ASCII = Array.from({length: 0x7f}, (_, code) => String.fromCharCode(code)).filter((c) => c !== '\r');

describe('segmenter patch', () => {
	it('walks units only where every unit is a grapheme of its own', () => {
		const samples = [
			ASCII.join(''),
			narrowCharacters().join(''),
			// Each narrow character between ASCII, control and escape neighbours, which must not join it.
			narrowCharacters().map((c, i) => `${ASCII[i % ASCII.length]}${c}\u001B[3${i % 8}m${c}\n`).join(''),
			`${chalk.cyan('╔══')}${chalk.bold.inverse('›host')} ${chalk.gray('1/1 up')} → ns1/veth0 …│`,
		];
		for (const text of samples) {
			expect((ONE_UNIT_GRAPHEMES as RegExp).test(text)).toBe(true);
			expect(segmentsOf((unitSegments as (t: string) => Iterable<Segment>)(text))).toEqual(segmentsOf(graphemes.segment(text)));
		}
	});

	it('leaves to the Segmenter what joins into larger graphemes', () => {
		for (const text of ['a\r\nb', 'e\u0301', '👍🏽', '🇩🇪', '↔\uFE0F', 'a\u200Db', '日本', '\uD83D']) expect((ONE_UNIT_GRAPHEMES as RegExp).test(text)).toBe(false);
	});

	it('makes a lazy Segmenter that segments as Intl.Segmenter does', () => {
		const text = `plain ${chalk.red('red')} e\u0301 👍🏽 a\r\nb 日本`;
		const make = lazySegmenter as (...options: unknown[]) => {segment: (t: string) => Iterable<Segment>};
		expect(segmentsOf(make(undefined, {granularity: 'grapheme'}).segment(text))).toEqual(segmentsOf(graphemes.segment(text)));
		expect(segmentsOf(make().segment(text))).toEqual(segmentsOf(new Intl.Segmenter().segment(text)));
	});

	it('applies to the installed modules', () => {
		const require = createRequire(import.meta.url);
		const tokenize = join(dirname(require.resolve('@alcalzone/ansi-tokenize/package.json')), 'build', 'tokenize.js');
		expect(patchAnsiTokenize(readFileSync(tokenize, 'utf8'))).toContain('unitSegments(str) : segmenter.segment(str)');
		const sliceAnsi = join(dirname(require.resolve('slice-ansi')), 'tokenize-ansi.js');
		expect(patchLazySegmenter(readFileSync(sliceAnsi, 'utf8'))).not.toContain('new Intl.Segmenter(undefined');
	});
});
