// The single executable (npm run dist) on a machine without Node: inside the sandbox every node binary
// there is is covered by /dev/null, then `show --json` and the app in tmux must work from the one file, with
// the helper it carries written to a private cache and checked by its hash.
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, realpathSync, statSync, writeFileSync} from 'node:fs';
import {arch} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCommand} from '../../source/system/runner.js';
import {buildLabScenario, requireSandbox, sh} from '../support/sandbox.js';
import {startInTmux} from '../support/tmux.js';
import {fileScratchDir} from '../support/scratch.js';

const EXECUTABLE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', `nsdeck-linux-${arch()}`);
const cache = fileScratchDir('sea-cache');
const env = {...process.env, XDG_CACHE_HOME: cache};

/** Every node this machine has: on PATH, and the one running these tests. */
function nodeBinaries(): string[] {
	const onPath = (process.env.PATH ?? '').split(':').map((dir) => join(dir, 'node'));
	return [...new Set([...onPath, process.execPath].filter((p) => existsSync(p)).map((p) => realpathSync(p)))];
}

const covered: string[] = [];

beforeAll(async () => {
	requireSandbox();
	if (!existsSync(EXECUTABLE)) throw new Error(`${EXECUTABLE} is missing: run npm run dist`);
	await buildLabScenario('pair');
	// The sandbox has its own mount namespace: these mounts hide node from this test's processes only,
	// and are undone before the next test file starts its own node.
	for (const node of nodeBinaries()) {
		await sh('mount', '--bind', '/dev/null', node);
		covered.push(node);
	}
});

afterAll(async () => {
	for (const node of covered.reverse()) await runCommand(['umount', node]);
});

describe('the single executable', () => {
	it('runs where there is no node', () => {
		expect(covered.length).toBeGreaterThan(0);
		for (const node of covered) expect(spawnSync(node, ['-e', '0']).status, `${node} still runs`).not.toBe(0);
		expect(spawnSync('node', ['-e', '0']).status).not.toBe(0);
	});

	it('show --json: the pair scenario, read with the helper it carries', () => {
		const result = spawnSync(EXECUTABLE, ['show', '--json'], {env, encoding: 'utf8'});
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		// ip's records, nsdeck's findings under `nsdeck` (docs/show-json.schema.json).
		const world = JSON.parse(result.stdout) as {namespaces: Array<{id: string; links: Array<{ifname: string; nsdeck: {peer?: {ns: string; name: string}}}>}>};
		expect(world.namespaces.map((n) => n.id)).toEqual(['host', 'client', 'server']);
		const client = world.namespaces.find((n) => n.id === 'client');
		expect(client?.links.find((l) => l.ifname === 'pair-client')?.nsdeck.peer).toMatchObject({ns: 'server', name: 'pair-server'});
		// The helper was written to the private cache, mode 0700 there and in its directory.
		const bin = join(cache, 'nsdeck', 'bin');
		const helpers = readdirSync(bin);
		expect(helpers).toHaveLength(1);
		expect(statSync(bin).mode & 0o777).toBe(0o700);
		expect(statSync(join(bin, helpers[0])).mode & 0o777).toBe(0o700);
	});

	it('replaces a cached helper that was changed, before it runs', () => {
		const bin = join(cache, 'nsdeck', 'bin');
		const [helper] = readdirSync(bin);
		writeFileSync(join(bin, helper), '#!/bin/sh\necho tampered >&2\nexit 1\n', {mode: 0o700});
		const result = spawnSync(EXECUTABLE, ['show', '--json'], {env, encoding: 'utf8'});
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(spawnSync(join(bin, helper), ['--help'], {encoding: 'utf8'}).stderr).toMatch(/usage: nsdeck-netdump/);
	});

	it('draws the app in a terminal, with the helper (no "reading each namespace with ip")', async () => {
		const term = await startInTmux(['env', `XDG_CACHE_HOME=${cache}`, EXECUTABLE]);
		try {
			const screen = await term.waitFor(/Interfaces in host \([1-9]/);
			expect(screen).toMatch(/^nsdeck \[host\]/);
			expect(screen).toContain('client');
			expect(screen).not.toContain('reading each namespace with ip');
			await term.keys('q');
		} finally {
			await term.kill();
		}
	});
});
