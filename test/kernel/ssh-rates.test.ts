// Live rates on a server reached over SSH: one helper `--serve` there answers each reading (no process
// started per reading, there or here), its counters are the kernel's, the server's host is read by its own
// namespace whatever the helper entered before, and nothing of it is left there once the rates stop.
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {parseLinkCounters} from '../../source/model/traffic/counters.js';
import {createRemoteSystem, remoteAccess} from '../../source/system/remote-system.js';
import {closeAllMasters} from '../../source/system/ssh-control.js';
import {sshHost} from '../../source/system/ssh-transport.js';
import {requireSandbox, sh} from '../support/sandbox.js';
import {helperSystemOn} from '../support/remote-system.js';
import {startFleet, type TestFleet, type TestServer} from '../support/sshd.js';

let fleet: TestFleet;
let h1: TestServer;
const on = (...argv: string[]): Promise<string> => sh(...h1.inside(argv));
/** What runs on the server besides sshd's processes for the connections themselves. */
const commands = (): string[] => h1.processes().flatMap((p) => (p.command.startsWith('sshd: ') ? [] : [p.command]));
/** The helpers serving there (each under the sh that checked its hash). */
const serving = (): string[] => commands().filter((c) => /^\S*\/nsdeck-netdump-\S* --serve /.test(c));

beforeAll(async () => {
	requireSandbox();
	fleet = await startFleet(['h1']);
	[h1] = fleet.servers as [TestServer];
	await on('ip', 'netns', 'add', 'far');
	await on('ip', '-n', 'far', 'link', 'set', 'dev', 'lo', 'up');
	await on('ip', 'link', 'add', 'name', 'up0', 'type', 'veth', 'peer', 'name', 'far0', 'netns', 'far');
}, 60_000);

afterAll(async () => {
	closeAllMasters();
	await fleet?.stop();
});

describe('rates on a server', () => {
	it('come from one helper serving there, the host read as itself after another namespace', {timeout: 60_000}, async () => {
		const {system, ran} = await helperSystemOn('h1', fleet.config);
		try {
			// The app reads the world first: the helper is sent and run there once.
			await system.readWorld();
			ran.length = 0;
			const far = await system.readCounters?.('far');
			const host = await system.readCounters?.('host');
			const kernelFar = parseLinkCounters(await on('ip', '-n', 'far', '-s', '-j', 'link', 'show'));
			const kernelHost = parseLinkCounters(await on('ip', '-s', '-j', 'link', 'show'));
			expect([...(far?.keys() ?? [])].sort()).toEqual([...kernelFar.keys()].sort());
			expect([...(host?.keys() ?? [])].sort()).toEqual([...kernelHost.keys()].sort());
			for (let i = 0; i < 3; i++) expect(await system.readCounters?.(i % 2 ? 'far' : 'host')).toBeDefined();
			// Five readings, no command started for them: one helper answers them all.
			expect(ran).toEqual([]);
			expect(serving()).toHaveLength(1);
		} finally {
			system.stopCounters?.();
		}
		// Nothing of it is left there: neither the helper nor the sh above it.
		await vi.waitFor(() => expect(commands()).toEqual([]), {timeout: 10_000});
		await on('rm', '-rf', '/root/.cache/nsdeck');
	});

	it('are not read where no read with the helper worked (nothing started each second)', async () => {
		const host = sshHost('h1', {configFile: fleet.config});
		expect(await host.connect()).toBeUndefined();
		const system = createRemoteSystem(host, await remoteAccess(host), {upload: false});
		await system.readWorld();
		expect(await system.readCounters?.('host')).toBeUndefined();
		expect(serving()).toEqual([]);
	});
});
