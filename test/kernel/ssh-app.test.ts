// `nsdeck --host DEST`: the app on a server, in a real terminal at 80x24, against a real sshd. It shows
// the server's namespaces, says which server in the title, makes a namespace there (and only there), and
// leaves nothing on the server when it quits.
import {mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {runCommand} from '../../source/system/runner.js';
import {requireSandbox, sh} from '../support/sandbox.js';
import {startFleet, type TestFleet, type TestServer} from '../support/sshd.js';
import {BUNDLE, startInTmux, type Tmux} from '../support/tmux.js';

let fleet: TestFleet;
let h1: TestServer;
let h2: TestServer;
let app: Tmux | undefined;
beforeAll(async () => {
	requireSandbox();
	fleet = await startFleet(['h1', 'h2']);
	[h1, h2] = fleet.servers as [TestServer, TestServer];
	await sh(...h2.inside(['ip', 'netns', 'add', 'web']));
});
afterAll(async () => {
	await app?.kill();
	await fleet?.stop();
});

const namesOn = async (server: TestServer): Promise<string[]> => (await sh(...server.inside(['ls', '/run/netns']))).split('\n').filter(Boolean).sort();

describe('the app on a server', () => {
	it('shows it, changes it alone, and leaves nothing there on quit', async () => {
		const logDir = mkdtempSync(join(tmpdir(), 'nsdeck-ssh-log-'));
		const logFile = join(logDir, 'log.sh');
		app = await startInTmux([process.execPath, BUNDLE, '--host', 'h2', '--ssh-config', fleet.config, '--log', logFile], 80, 24);
		await app.waitFor('web', 15_000);
		await app.waitFor('on h2 over ssh');
		await app.keys('n');
		await app.waitFor('New namespace');
		await app.type('made-in-app');
		await app.keys('Enter');
		await vi.waitFor(async () => expect(await namesOn(h2), await app!.screen()).toEqual(['made-in-app', 'web']), {timeout: 10_000});
		expect(await namesOn(h1)).toEqual([]);
		await app.waitFor('made-in-app');
		await app.keys('q');
		await vi.waitFor(() => expect(h2.processes()).toEqual([]), {timeout: 10_000});
		// The log names the server: each line runs on h2 exactly what ran there.
		expect(readFileSync(logFile, 'utf8')).toMatch(/^ssh h2 -- 'ip netns add made-in-app' {2}# /m);
		rmSync(logDir, {recursive: true});
	});

	it('leaves nothing on the server when killed with SIGKILL', async () => {
		await app?.kill();
		const before = new Set(readdirSync(tmpdir()).filter((n) => n.startsWith('nsdeck-ssh-')));
		app = await startInTmux([process.execPath, BUNDLE, '--host', 'h2', '--ssh-config', fleet.config], 80, 24);
		await app.waitFor('on h2 over ssh', 15_000);
		await vi.waitFor(() => expect(h2.processes().some((p) => p.command.startsWith('ip monitor'))).toBe(true), {timeout: 10_000});
		// `env` exec()s node: the pane's process is nsdeck.
		const pid = Number((await app.tmux('display-message', '-p', '-t', 'e2e', '#{pane_pid}')).trim());
		process.kill(pid, 'SIGKILL');
		await vi.waitFor(() => expect(h2.processes()).toEqual([]), {timeout: 10_000});
		// Killed, nsdeck could not remove its control directory: the test does.
		for (const dir of readdirSync(tmpdir()).filter((n) => n.startsWith('nsdeck-ssh-') && !before.has(n))) rmSync(join(tmpdir(), dir), {recursive: true, force: true});
	});

	it('stops with one line when no server can be reached, and before any when a DEST is no destination', async () => {
		const start = (...hosts: string[]) =>
			runCommand([process.execPath, BUNDLE, ...hosts.map((h) => `--host=${h}`), '--ssh-config', fleet.config], {timeoutMs: 30_000});
		const one = await start('h1-badkey');
		expect([one.exitCode, one.stderr]).toEqual([1, 'nsdeck: h1-badkey: the server refused our key (Permission denied); check `ssh h1-badkey`\n']);
		const both = await start('h1-badkey', 'h1-newkey');
		expect(both.exitCode).toBe(1);
		expect(both.stderr.trim().split('\n')).toEqual([
			'nsdeck: no server could be reached: h1-badkey: the server refused our key (Permission denied); check `ssh h1-badkey`; h1-newkey: unknown or changed host key; connect once with `ssh h1-newkey` and check the key',
		]);
		const hostile = await start('h1', '-oProxyCommand=touch /tmp/nsdeck-pwned');
		expect(hostile.exitCode).toBe(2);
		expect(hostile.stderr).toMatch(/^nsdeck: .*-oProxyCommand/);
		expect(readdirSync(tmpdir())).not.toContain('nsdeck-pwned');
		expect(h1.processes()).toEqual([]);
	});
});
