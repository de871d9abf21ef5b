// `--log FILE` is checked before anything runs: a bad path is one clear line and exit status 2.
import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {BUNDLE} from '../support/tmux.js';
import {requireSandbox} from '../support/sandbox.js';

describe('nsdeck --log', () => {
	it.each([
		['in a directory that does not exist', '/nonexistent-nsdeck-dir/commands.log', /ENOENT/],
		['that is a directory', '/tmp', /EISDIR/],
	])('refuses a log %s, before any change can start', (_what, path, reason) => {
		requireSandbox();
		const result = spawnSync(process.execPath, [BUNDLE, '--log', path, 'lab', '--show'], {encoding: 'utf8'});
		expect(result.status).toBe(2);
		expect(result.stdout).toBe('');
		const lines = result.stderr.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(new RegExp(`^nsdeck: cannot write the log ${path}: `));
		expect(lines[0]).toMatch(reason);
	});
});
