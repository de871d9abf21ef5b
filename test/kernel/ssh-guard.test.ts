// The lockout guard on a server: the connection nsdeck uses is the path it protects. On h1, eth0 holds
// the address the SSH connection arrived at; setting it down cuts nsdeck off its own server. The revert
// job was started on the server first (from the helper sent there), so the server sets eth0 up again by
// itself, though nsdeck cannot reach it to say so; the connection comes back, and nsdeck shows the revert.
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {requireSandbox, sh} from '../support/sandbox.js';
import {startFleet, type TestFleet, type TestServer} from '../support/sshd.js';
import {BUNDLE, startInTmux, type Tmux} from '../support/tmux.js';

const SECONDS = 3;

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

describe('the guard on a server', () => {
	it('an unconfirmed change that cuts the connection comes back by itself', async () => {
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
		// Nobody keeps it: the job on the server sets eth0 up again, and nsdeck, reconnected, says what it did.
		await vi.waitFor(async () => expect(await eth0Flags()).toContain('UP'), {timeout: 20_000});
		await app.waitFor(/↺ Set eth0 down in host: undone/, 40_000);
		await app.waitFor(/›eth0 +veth +UP/);
		// The job's files are gone from the server once nsdeck has read them.
		await vi.waitFor(async () => expect(await sh(...h1.inside(['sh', '-c', 'ls -A /root/.local/state/nsdeck/guard']))).toBe(''), {timeout: 10_000});
		await app.keys('q');
		await vi.waitFor(() => expect(h1.processes()).toEqual([]), {timeout: 10_000});
	});
});
