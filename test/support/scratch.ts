// Scratch directories for tests, removed when the test that made them finishes: a test run leaves no
// nsdeck-* entry in /tmp (test/support/leftovers.ts checks that at the end of the run).
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, onTestFinished} from 'vitest';

/** A fresh directory named nsdeck-PURPOSE-…, removed with everything in it when the current test ends. */
export function scratchDir(purpose: string): string {
	const dir = mkdtempSync(join(tmpdir(), `nsdeck-${purpose}-`));
	onTestFinished(() => rmSync(dir, {recursive: true, force: true}));
	return dir;
}

/** The same for a whole file (made at load time or in beforeAll): removed after the file's last test. */
export function fileScratchDir(purpose: string): string {
	const dir = mkdtempSync(join(tmpdir(), `nsdeck-${purpose}-`));
	afterAll(() => rmSync(dir, {recursive: true, force: true}));
	return dir;
}
