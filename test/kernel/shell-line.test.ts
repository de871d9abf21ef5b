// x with shell syntax against a real namespace (issue 27 item 5): the pipe is sh's inside the namespace,
// and the line `--log` writes re-runs it exactly.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {BUNDLE, startInTmux} from '../support/tmux.js';
import {requireSandbox, resetWorld, sh} from '../support/sandbox.js';
import {scratchDir} from '../support/scratch.js';
import {runCommand} from '../../source/system/runner.js';

beforeAll(requireSandbox);
beforeEach(resetWorld);

describe('x with a pipe', () => {
	it('runs `ip -o link | grep -c lo` through sh in the namespace: it prints 1, and --log re-runs it', async () => {
		await sh('ip', 'netns', 'add', 'shx1');
		const log = join(scratchDir('shell-line'), 'commands.log');
		const t = await startInTmux([process.execPath, BUNDLE, '--log', log], 80, 24);
		try {
			await t.waitFor('Namespaces (2)');
			await t.keys('j');
			await t.waitFor('Interfaces in shx1');
			await t.keys('x');
			await t.waitFor('Run one command in shx1');
			await t.type('ip -o link | grep -c lo');
			await t.waitFor('runs through sh -c because of its shell syntax: |');
			await t.keys('Enter');
			const screen = await t.waitFor('exit status 0');
			const rows = screen.split('\n').map((row) => row.replace(/[│║]/g, '').trim());
			expect(rows).toContain('1');
			expect(screen).not.toContain('is unknown');
			await t.keys('Escape');
			await t.waitFor('Interfaces in shx1');
			await t.keys('q');
			await new Promise((resolve) => setTimeout(resolve, 300));
		} finally {
			await t.kill();
		}
		const line = readFileSync(log, 'utf8').split('\n').find((l) => l.includes('grep'));
		expect(line).toMatch(/^ip netns exec shx1 sh -c 'ip -o link \| grep -c lo' {2}# /);
		const again = await runCommand(['sh', '-c', line ?? 'false']);
		expect(again).toMatchObject({exitCode: 0, stdout: '1\n'});
	});
});
