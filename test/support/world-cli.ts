// The nsdeck bundle's world-file commands, run as a user runs them, for the kernel tests; files go in
// one temporary directory each test file removes.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {expect} from 'vitest';
import {BUNDLE} from './tmux.js';

export type Ran = {status: number | null; stdout: string; stderr: string};

export function nsdeck(...args: string[]): Ran {
	return spawnSync(process.execPath, [BUNDLE, ...args], {encoding: 'utf8'});
}

export function save(...flags: string[]): string {
	const result = nsdeck('save', '-', ...flags);
	expect(result.stderr).toBe('');
	expect(result.status).toBe(0);
	return result.stdout;
}

/** A directory for a test file's world files, and its removal (for afterAll). */
export function worldFileDir(prefix: string): {file: (name: string, text: string) => string; remove: () => void} {
	const dir = mkdtempSync(join(tmpdir(), `nsdeck-${prefix}-`));
	return {
		file(name, text) {
			const path = join(dir, name);
			writeFileSync(path, text);
			return path;
		},
		remove: () => rmSync(dir, {recursive: true, force: true}),
	};
}
