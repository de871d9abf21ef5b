// The bundle shares one copy of each CommonJS module's exports among its importers
// (scripts/to-esm-patch.mjs), and its source map still points at the right code. Both are checked on a
// small project bundled by the installed esbuild, minified as the app is.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {SourceMap} from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Script} from 'node:vm';
import {build} from 'esbuild';
import {afterAll, describe, expect, it} from 'vitest';
// @ts-expect-error a plain .mjs build helper, without types
import {shiftMappings} from '../scripts/source-map-shift.mjs';
// @ts-expect-error a plain .mjs build helper, without types
import {patchToESM} from '../scripts/to-esm-patch.mjs';

const dir = mkdtempSync(join(tmpdir(), 'nsdeck-to-esm-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const FILES: Record<string, string> = {
	'counter.cjs': 'let reads = 0;\nmodule.exports = {name: "counter", get reads() { return ++reads; }};\n',
	'first.mjs': 'import * as counter from "./counter.cjs";\nexport const first = counter;\n',
	'second.mjs': 'import * as counter from "./counter.cjs";\nimport byDefault, {name} from "./counter.cjs";\nexport const second = {counter, byDefault, name};\n',
	'entry.mjs': [
		'import {first} from "./first.mjs";',
		'import {second} from "./second.mjs";',
		'globalThis.seen = {first, second};',
		'globalThis.where = () => new Error("marker").stack;',
		'',
	].join('\n'),
};

async function bundle(): Promise<{source: string; map: {mappings: string}}> {
	for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
	const out = await build({entryPoints: [join(dir, 'entry.mjs')], bundle: true, write: false, format: 'iife', platform: 'node', minify: true, sourcemap: 'external', outdir: dir});
	const text = (suffix: string): string => out.outputFiles.find((file) => file.path.endsWith(suffix))!.text;
	return {source: text('.js'), map: JSON.parse(text('.js.map'))};
}

interface Seen {
	first: {name: string; reads: number; default: unknown};
	second: {counter: unknown; byDefault: unknown; name: string};
}

describe('__toESM patch', () => {
	it('gives every importer the same live copy of a CommonJS module', async () => {
		const {source, map} = await bundle();
		const patched = patchToESM(source, map);
		const context = {} as {seen: Seen};
		new Script(patched.source).runInNewContext(context);
		const {first, second} = context.seen;
		expect(first.name).toBe('counter');
		expect(second.name).toBe('counter');
		expect(second.counter).toBe(first);
		expect(second.byDefault).toBe(first.default);
		// Getters onto the module, not a snapshot: each read reaches it.
		expect([first.reads, first.reads]).toEqual([1, 2]);
	});

	it('keeps the source map pointing at the code after the inserted statement', async () => {
		const {source, map} = await bundle();
		const patched = patchToESM(source, map);
		expect(patched.source.length).toBeGreaterThan(source.length);
		const at = patched.source.indexOf('"marker"');
		const before = source.indexOf('"marker"');
		const position = (text: string, index: number): [number, number] => [text.slice(0, index).split('\n').length - 1, index - (text.lastIndexOf('\n', index - 1) + 1)];
		// On the line of the inserted statement, after it: the code whose columns moved.
		expect(position(patched.source, at)[0]).toBe(position(patched.source, patched.source.indexOf('onceForEachModule'))[0]);
		expect(at).toBeGreaterThan(patched.source.indexOf('onceForEachModule'));
		const original = new SourceMap({...map, version: 3} as never).findEntry(...position(source, before)) as {generatedColumn: number};
		const shifted = new SourceMap({...patched.map, version: 3} as never).findEntry(...position(patched.source, at));
		expect(shifted).toEqual({...original, generatedColumn: original.generatedColumn + patched.source.length - source.length});
		expect(original).toMatchObject({originalSource: expect.stringContaining('entry.mjs'), originalLine: 3});
	});

	it('throws when esbuild no longer writes the helper it knows', () => {
		expect(() => patchToESM('var x=1;', {mappings: ''})).toThrow(/__toESM found 0 times/);
	});
});

describe('shiftMappings', () => {
	// Line 0: segments at columns 0, 10 and 40; line 1: one at column 5.
	const mappings = 'AAAA,UAAU,8BAAE;KACA';

	it('moves the segments at or after the column, and only on that line', () => {
		const shifted = shiftMappings(mappings, 0, 10, 1000);
		const columns = (text: string): number[] => {
			const entries = new SourceMap({version: 3, sources: ['a.js'], names: [], mappings: text} as never);
			return [0, 1010, 1040].map((column) => entries.findEntry(0, column)).map((entry) => (entry as {generatedColumn: number}).generatedColumn);
		};
		expect(columns(shifted)).toEqual([0, 1010, 1040]);
		expect(shifted.split(';')[1]).toBe('KACA');
		expect(shiftMappings(mappings, 0, 41, 7)).toBe(mappings);
	});
});
