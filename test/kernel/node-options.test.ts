// nsdeck runs with its Node options (scripts/node-flags.mjs) as installed, by its #! line, and keeps them
// when it starts itself again inside a sandbox of its own (the lab, tutorials, `nsdeck sandbox`).
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {requireSandbox} from '../support/sandbox.js';

const PROGRAM = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'nsdeck.js');

describe("nsdeck's Node options", () => {
	it('are on its #! line, and reach the copy of itself that a new sandbox starts', () => {
		requireSandbox();
		const hashBang = readFileSync(PROGRAM, 'utf8').split('\n')[0];
		const [, flags = ''] = /^#!\/usr\/bin\/env -S node (.+)$/.exec(hashBang) ?? [];
		expect(flags).toMatch(/^--max-semi-space-size=\d+$/);
		const env = {...process.env};
		delete env.NSDECK_SANDBOX; // a sandbox of its own, nested in this one, whose first process is nsdeck
		const run = spawnSync(PROGRAM, ['sandbox', '--', 'cat', '/proc/1/cmdline'], {env, encoding: 'utf8', timeout: 30_000});
		expect(run.status, run.stderr).toBe(0);
		const [node, ...rest] = run.stdout.split('\0').filter(Boolean);
		expect(node).toMatch(/node$/);
		expect(rest).toEqual([...flags.split(' '), PROGRAM, 'sandbox', '--', 'cat', '/proc/1/cmdline']);
	});
});
