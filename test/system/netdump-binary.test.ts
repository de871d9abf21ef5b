// Where the helper comes from (source/system/netdump-binary.ts), and what the npm package holds.
import {execFileSync} from 'node:child_process';
import {chmodSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {carriedNetdump, findNetdump, platformPackage} from '../../source/system/netdump-binary.js';
import {scratchDir} from '../support/scratch.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** An installed nsdeck as npm lays it out, with or without the platform package. */
function install(withPlatformPackage: boolean): {bundle: string; helper: string} {
	const prefix = scratchDir('install');
	const bundle = join(prefix, 'node_modules', 'nsdeck', 'dist', 'nsdeck-app.js');
	mkdirSync(dirname(bundle), {recursive: true});
	writeFileSync(bundle, '');
	const pkg = join(prefix, 'node_modules', ...platformPackage().split('/'));
	const helper = join(pkg, 'bin', 'nsdeck-netdump');
	if (withPlatformPackage) {
		mkdirSync(dirname(helper), {recursive: true});
		writeFileSync(join(pkg, 'package.json'), JSON.stringify({name: platformPackage(), version: '0.1.0'}));
		writeFileSync(helper, '#!/bin/sh\n', {mode: 0o755});
	}
	return {bundle, helper};
}

describe('finding nsdeck-netdump', () => {
	it('takes the platform package npm installed beside nsdeck', () => {
		const {bundle, helper} = install(true);
		expect(findNetdump(bundle)).toBe(helper);
	});

	it('finds none when the platform package is missing (npm skipped it) or its helper is not executable', () => {
		expect(findNetdump(install(false).bundle)).toBeUndefined();
		const {bundle, helper} = install(true);
		chmodSync(helper, 0o644);
		expect(findNetdump(bundle)).toBeUndefined();
	});

	it('writes the carried helper once, and again when the file was changed', () => {
		const cache = scratchDir('bin');
		const bytes = new TextEncoder().encode('#!/bin/sh\necho carried\n');
		const path = carriedNetdump(bytes, cache);
		expect(path && readFileSync(path, 'utf8')).toBe('#!/bin/sh\necho carried\n');
		writeFileSync(path!, '#!/bin/sh\necho changed\n');
		expect(carriedNetdump(bytes, cache)).toBe(path);
		expect(readFileSync(path!, 'utf8')).toBe('#!/bin/sh\necho carried\n');
	});
});

describe('the npm package', () => {
	it('holds the bundle, its entry, the README, the LICENSE and package.json: no helper binary, no cache, no source map', () => {
		const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: root, encoding: 'utf8'})) as Array<{files: Array<{path: string}>}>;
		expect(packed.files.map((f) => f.path).sort()).toEqual(['LICENSE', 'README.md', 'dist/nsdeck-app.js', 'dist/nsdeck.js', 'package.json']);
		// npm itself takes seconds on a busy machine: no speed is asserted here.
	}, 60_000);

	it('has no runtime dependencies to install: they are in the bundle', () => {
		const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {dependencies?: object; engines: {node: string}};
		expect(manifest.dependencies ?? {}).toEqual({});
		expect(manifest.engines.node).toBe('>=22');
	});
});
