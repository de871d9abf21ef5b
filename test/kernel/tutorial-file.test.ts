// `nsdeck tutorial ./mine.json`: a mistake in the file is one clear line naming the file and the field (or
// the file's own problem), exit status 2, before any lab starts. Runs the bundle, as a user does.
import {spawnSync} from 'node:child_process';
import {existsSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {BUNDLE} from '../support/tmux.js';
import {requireSandbox} from '../support/sandbox.js';
import {fileScratchDir} from '../support/scratch.js';

const dir = fileScratchDir('tutorial-file');
const step = (check: unknown) => ({goal: 'G', commands: ['ip netns add ns1'], hints: [], check});
const tutorial = (steps: unknown[]) => JSON.stringify({title: 'Mine', summary: 'S', steps});

beforeAll(requireSandbox);

describe('nsdeck tutorial FILE with a mistake', () => {
	it.each([
		['a malformed address', 'bad.json', tutorial([step({namespace: 'ns1'}), step({address: {ns: 'ns1', cidr: '10.1.1.300/24'}})]), /^nsdeck: \.\/bad\.json: steps\[1\]\.check\.address\.cidr: .*10\.1\.1\.300\/24/],
		['a misspelt check', 'typo.json', tutorial([step({adress: {ns: 'ns1', cidr: '10.1.1.1/24'}})]), /^nsdeck: \.\/typo\.json: steps\[0\]\.check\.adress: unknown field/],
		['a step without its goal', 'goal.json', JSON.stringify({title: 'Mine', summary: 'S', steps: [{commands: [], check: {namespace: 'ns1'}}]}), /^nsdeck: \.\/goal\.json: steps\[0\]\.goal: /],
		['text that is not JSON', 'syntax.json', '{"title": "Mine",', /^nsdeck: \.\/syntax\.json: not valid JSON/],
		['no file at all', 'missing.json', undefined, /^nsdeck: \.\/missing\.json: /],
	])('%s: names the file and the field, exit 2', (_what, name, text, expected) => {
		if (text !== undefined) writeFileSync(join(dir, name), text);
		const result = spawnSync(process.execPath, [BUNDLE, 'tutorial', `./${name}`], {cwd: dir, encoding: 'utf8', timeout: 20_000});
		expect(result.status).toBe(2);
		expect(result.stdout).toBe('');
		const lines = result.stderr.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(expected);
	});

	it('a setup that would run a program (ip netns exec): refused before anything runs', () => {
		const marker = join(dir, 'ran');
		const setup = [['ip', 'netns', 'add', 'x'], ['ip', 'netns', 'exec', 'x', 'touch', marker]];
		writeFileSync(join(dir, 'exec.json'), JSON.stringify({title: 'Mine', summary: 'S', setup, steps: [step({namespace: 'x'})]}));
		const result = spawnSync(process.execPath, [BUNDLE, 'tutorial', './exec.json'], {cwd: dir, encoding: 'utf8', timeout: 20_000});
		expect(result.status).toBe(2);
		expect(result.stderr.trim()).toMatch(/^nsdeck: \.\/exec\.json: setup\[1\]: ip netns exec is not allowed/);
		expect(existsSync(marker)).toBe(false);
	});

	it('control characters in the file reach the terminal only as visible text', () => {
		writeFileSync(join(dir, 'escape.json'), '{"title": "\u001b]0;pwned\u0007\u001b[31m", ');
		writeFileSync(join(dir, 'key.json'), JSON.stringify({title: 'Mine', summary: 'S', steps: [], '\u001b[31mx': 1}));
		for (const name of ['escape.json', 'key.json']) {
			const result = spawnSync(process.execPath, [BUNDLE, 'tutorial', `./${name}`], {cwd: dir, encoding: 'utf8', timeout: 20_000});
			expect(result.status).toBe(2);
			expect(result.stderr).toMatch(/^nsdeck: \.\//);
			expect(result.stderr.trim()).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
		}
	});

	it.each([
		['a device that never ends', '/dev/zero'],
		['a FIFO, which would block', 'fifo.json'],
	])('%s: one line, exit 2, at once', (_what, path) => {
		if (path === 'fifo.json') spawnSync('mkfifo', [join(dir, path)]);
		const argument = path.startsWith('/') ? path : `./${path}`;
		const result = spawnSync(process.execPath, [BUNDLE, 'tutorial', argument], {cwd: dir, encoding: 'utf8', timeout: 10_000});
		expect(result.status).toBe(2);
		expect(result.stderr.trim()).toMatch(/^nsdeck: .*: not a regular file|too large/);
	});
});
