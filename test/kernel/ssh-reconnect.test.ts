// A lost connection: the app on a server whose SSH session is killed while new connections are refused
// says the server is disconnected (with the time of its last read) and keeps drawing; once the server
// takes connections again, nsdeck connects by itself (backoff, ssh-keeper.ts), watches again, and shows
// what changed meanwhile.
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {requireSandbox, sh} from '../support/sandbox.js';
import {startFleet, type TestFleet, type TestServer} from '../support/sshd.js';
import {BUNDLE, startInTmux, type Tmux} from '../support/tmux.js';

let fleet: TestFleet;
let h1: TestServer;
let app: Tmux | undefined;
beforeAll(async () => {
	requireSandbox();
	fleet = await startFleet(['h1']);
	[h1] = fleet.servers as [TestServer];
	await sh(...h1.inside(['ip', 'netns', 'add', 'web']));
});
afterAll(async () => {
	await app?.kill();
	await fleet?.stop();
});

/** nft in the server's network namespace: the server refuses new SSH connections while the table is there. */
const onServer = (...argv: string[]): Promise<string> => sh('nsenter', `--net=/run/netns/${h1.netns}`, ...argv);
const refuseSsh = async (): Promise<void> => {
	await onServer('nft', 'add', 'table', 'inet', 'cut');
	await onServer('nft', 'add', 'chain', 'inet', 'cut', 'in', '{ type filter hook input priority 0; }');
	await onServer('nft', 'add', 'rule', 'inet', 'cut', 'in', 'tcp', 'dport', '22', 'tcp', 'flags', 'syn', 'reject', 'with', 'tcp', 'reset');
};

describe('a lost connection', () => {
	it('shows the server disconnected, reconnects by itself, and reads what changed', async () => {
		app = await startInTmux([process.execPath, BUNDLE, '--host', 'h1', '--ssh-config', fleet.config], 80, 24);
		await app.waitFor('web', 15_000);
		await app.waitFor('on h1 over ssh');
		await vi.waitFor(() => expect(h1.processes().some((p) => p.command.startsWith('ip monitor'))).toBe(true), {timeout: 10_000});
		await refuseSsh();
		// The session ends: the master's connection closes, as when sshd restarts or the server reboots.
		for (const {pid} of h1.processes()) {
			try {
				process.kill(pid, 'SIGKILL');
			} catch {
				// Ended meanwhile: a helper ends with the sh above it (its parent-death signal).
			}
		}
		const lost = await app.waitFor(/h1 disconnected, last read \d\d:\d\d:\d\d/, 15_000);
		// What was read stays as it was (dim): a failed ssh is not an unreadable namespace.
		expect(lost).toMatch(/web/);
		expect(lost).not.toMatch(/unreadable/);
		await sh(...h1.inside(['ip', 'netns', 'add', 'mid']));
		// Still drawing while it is gone: the help opens and closes.
		await app.keys('?');
		await app.waitFor('nsdeck help');
		await app.keys('Escape');
		await onServer('nft', 'delete', 'table', 'inet', 'cut');
		await app.waitFor('on h1 over ssh', 40_000);
		await app.waitFor('mid', 15_000);
		// Watching again: a change made now appears without a key.
		await vi.waitFor(() => expect(h1.processes().some((p) => p.command.startsWith('ip monitor'))).toBe(true), {timeout: 10_000});
		await sh(...h1.inside(['ip', 'netns', 'add', 'post']));
		await app.waitFor('post', 15_000);
		await app.keys('q');
		await vi.waitFor(() => expect(h1.processes()).toEqual([]), {timeout: 10_000});
	});
});
