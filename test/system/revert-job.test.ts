// The guard's revert job (native/revert-job.c, system/revert-job.ts) with harmless commands: it runs them
// after its time, or at once when nudged, and writes what it did; taken back first, it runs nothing; a
// later start reports what ran while nsdeck was away. Nothing here needs a namespace.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {encodeCommands, guardJobs, guardStatePath} from '../../source/system/revert-job.js';
import {runCommand} from '../../source/system/runner.js';
import {FIXTURES} from '../support/fixtures.js';

const work = mkdtempSync(join(tmpdir(), 'nsdeck-revert-'));
const helper = join(work, 'nsdeck-netdump');
const env = {XDG_STATE_HOME: join(work, 'state')};

beforeAll(() => {
	const native = join(FIXTURES, '..', '..', 'native');
	const sources = readdirSync(native).filter((f) => f.endsWith('.c')).map((f) => join(native, f));
	const built = spawnSync(process.env.CC ?? 'cc', ['-O1', '-Wall', '-Wextra', '-Werror', '-pthread', '-o', helper, ...sources], {encoding: 'utf8'});
	if (built.status !== 0) throw new Error(`could not compile native/: ${built.error?.message ?? built.stderr}`);
}, 60_000);
afterAll(() => rmSync(work, {recursive: true, force: true}));

describe('the revert job', () => {
	it('keeps its files in $XDG_STATE_HOME/nsdeck/guard, else ~/.local/state/nsdeck/guard', () => {
		expect(guardStatePath({XDG_STATE_HOME: '/s'})).toBe('/s/nsdeck/guard');
		expect(guardStatePath({XDG_STATE_HOME: 'relative'})).toMatch(/\/\.local\/state\/nsdeck\/guard$/);
	});

	it('hands over argv, never a shell line: NUL after each word, one more after each command; refuses what cannot be said', () => {
		expect(encodeCommands([['ip', 'link', 'set', 'dev', 'a b;c', 'up'], ['true']]).toString('utf8')).toBe('ip\0link\0set\0dev\0a b;c\0up\0\0true\0\0');
		expect(() => encodeCommands([['ip', '']])).toThrow(/cannot hand/);
		expect(() => encodeCommands([[]])).toThrow(/cannot hand/);
	});

	it('refuses a bad time or file before it detaches (exit 2)', () => {
		for (const args of [['0', '/x'], ['3601x', '/x'], ['5', 'relative'], ['5', join(work, 'missing')]]) {
			expect(spawnSync(helper, ['--revert-after', ...args]).status).toBe(2);
		}
	});

	it('nudged, it runs every command, failures too, and a later start reports it once', async () => {
		const jobs = guardJobs(helper, runCommand, env);
		const marker = join(work, 'ran');
		const job = await jobs!.start('Set eth0 down in host', [['touch', marker], ['false'], ['touch', `${marker}2`]], 600);
		jobs!.nudge(job);
		const result = await jobs!.result(job, 10_000);
		expect(result?.commands.map((c) => [c.argv[0], c.status])).toEqual([['touch', 0], ['false', 1], ['touch', 0]]);
		expect(existsSync(`${marker}2`)).toBe(true);
		expect(await jobs!.claim(job)).toBe(false);
		const reports = await guardJobs(helper, runCommand, env)!.reports();
		expect(reports).toMatchObject([{title: 'Set eth0 down in host', result: {commands: [{status: 0}, {status: 1}, {status: 0}]}}]);
		expect(await guardJobs(helper, runCommand, env)!.reports()).toEqual([]);
	});

	it('taken back first (k), it runs nothing and leaves nothing to report', async () => {
		const jobs = guardJobs(helper, runCommand, env)!;
		const marker = join(work, 'kept');
		const job = await jobs.start('Change eth0', [['touch', marker]], 1);
		expect(await jobs.claim(job)).toBe(true);
		jobs.forget(job);
		expect(await jobs.result(job, 2500)).toBeUndefined();
		expect(existsSync(marker)).toBe(false);
		expect(await jobs.reports()).toEqual([]);
	});
});
