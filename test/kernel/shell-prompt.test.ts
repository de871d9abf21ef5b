// The prompt of the shell from `s`, with real shells: a hostile namespace name reaches the prompt as
// plain text (no escape the terminal obeys, nothing bash expands), and the user's own rc file is still read.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {shellStart} from '../../source/system/shell-prompt.js';
import {requireSandbox} from '../support/sandbox.js';

const HOSTILE = 'x$(touch PWNED)`touch PWNED2`\\u\u001B]0;t\u0007';

/** An interactive shell reading `exit` from a pipe: it prints its prompt (to stderr) once, then leaves. */
function promptOf(shell: string, name: string, home: string): {prompt: string; cwdFiles: () => boolean} {
	requireSandbox();
	const start = shellStart(shell, name, name, true);
	try {
		const result = spawnSync(shell, [...start.args, '-i'], {input: 'exit\n', cwd: home, encoding: 'utf8', env: {PATH: process.env.PATH, HOME: home, TERM: 'dumb', ...start.env}});
		return {prompt: result.stderr, cwdFiles: () => spawnSync('ls', [home], {encoding: 'utf8'}).stdout.includes('PWNED')};
	} finally {
		start.cleanup();
	}
}

describe('the shell prompt names the namespace, safely', () => {
	it("bash: after the user's .bashrc, the name as plain text; nothing in it runs", () => {
		const home = mkdtempSync(join(tmpdir(), 'nsdeck-home-'));
		try {
			writeFileSync(join(home, '.bashrc'), "PS1='mine> '\n");
			const {prompt, cwdFiles} = promptOf('/bin/bash', HOSTILE, home);
			expect(prompt).toContain('[netns x?(touch PWNED)?touch PWNED2??u␛]0;t␇] mine> ');
			expect(prompt).not.toMatch(/\u001B|\u0007/);
			expect(cwdFiles()).toBe(false);
		} finally {
			rmSync(home, {recursive: true, force: true});
		}
	});

	it('dash: PS1 from the environment, as plain text', () => {
		const home = mkdtempSync(join(tmpdir(), 'nsdeck-home-'));
		try {
			const {prompt, cwdFiles} = promptOf('/bin/dash', HOSTILE, home);
			expect(prompt).toContain('[netns x?(touch PWNED)?touch PWNED2??u␛]0;t␇] # ');
			expect(cwdFiles()).toBe(false);
		} finally {
			rmSync(home, {recursive: true, force: true});
		}
	});
});
