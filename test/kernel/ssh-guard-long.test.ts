// The lockout guard on a server, cut off longer than a command waits (10 s): setting h1's eth0 down (the
// address the SSH connection arrived at) with a countdown of 14 s, the change's own command gives up
// first, so the job can no longer be taken back; the server reverts by itself at the deadline, and
// nsdeck, reaching it again, says what the job did. (The short cut is ssh-guard.test.ts.)
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {requireSandbox, sh} from '../support/sandbox.js';
import {startFleet, type TestFleet, type TestServer} from '../support/sshd.js';
import {BUNDLE, startInTmux, type Tmux} from '../support/tmux.js';

const SECONDS = 14;

let fleet: TestFleet;
let h1: TestServer;
let app: Tmux | undefined;
beforeAll(async () => {
	requireSandbox();
	fleet = await startFleet(['h1']);
	[h1] = fleet.servers as [TestServer];
});
afterAll(async () => {
	await app?.kill();
	await fleet?.stop();
});

const eth0Flags = async (): Promise<string[]> => (JSON.parse(await sh('ip', '-n', h1.netns, '-j', 'link', 'show', 'dev', 'eth0')) as Array<{flags: string[]}>)[0]?.flags ?? [];

describe('the guard on a server, cut off long', () => {
	it('reverts on the server, and nsdeck then says so', async () => {
		app = await startInTmux(['env', `NSDECK_GUARD_SECONDS=${SECONDS}`, process.execPath, BUNDLE, '--host', 'h1', '--ssh-config', fleet.config], 100, 30);
		await app.waitFor(/Interfaces in host \(\d/, 15_000);
		await app.keys('Tab', 'g');
		for (let i = 0; i < 5 && !/›eth0\s/.test(await app.screen()); i++) await app.keys('j');
		await app.waitFor(/›eth0\s/);
		await app.keys('Space');
		// Guarded: the server's address for this connection is on eth0.
		await app.waitFor('Type eth0 to go ahead');
		await app.keys('Enter');
		await app.waitFor('type eth0 first');
		await app.type('eth0');
		await app.keys('Enter');
		await vi.waitFor(async () => expect(await eth0Flags()).not.toContain('UP'), {timeout: 10_000});
		await vi.waitFor(async () => expect(await eth0Flags()).toContain('UP'), {timeout: 30_000});
		await app.waitFor(/↺ Set eth0 down in host: reverted by the guard's job/, 60_000);
		await vi.waitFor(async () => expect(await sh(...h1.inside(['sh', '-c', 'ls -A /root/.local/state/nsdeck/guard']))).toBe(''), {timeout: 10_000});
		await app.keys('q');
		await vi.waitFor(() => expect(h1.processes()).toEqual([]), {timeout: 10_000});
	}, 90_000);
});
