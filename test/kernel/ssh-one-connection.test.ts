// Every command to a server goes through its one master connection. OpenSSH's client falls back to a
// connection of its own when the master's socket is gone (a lost network, a quit under way): such a
// connection bypasses the reconnect logic, and once the server's network goes it waits on TCP for ever
// (seen: `nsdeck lab fleet` kept running after q, on an `ip -b -` that had started as the master closed).
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {closeAllMasters} from '../../source/system/ssh-control.js';
import {sshHost, type SshHost} from '../../source/system/ssh-transport.js';
import {requireSandbox} from '../support/sandbox.js';
import {startFleet, type TestFleet} from '../support/sshd.js';

let fleet: TestFleet;
let host: SshHost;
beforeAll(async () => {
	requireSandbox();
	fleet = await startFleet(['h1']);
	host = sshHost('h1', {configFile: fleet.config});
	expect(await host.connect()).toBeUndefined();
});
afterAll(async () => {
	closeAllMasters();
	await fleet?.stop();
});

describe('one connection per server', () => {
	it('runs commands through the master while it is up', async () => {
		const result = await host.run(['echo', 'through the master']);
		expect(result.exitCode, result.stderr).toBe(0);
		expect(result.stdout).toBe('through the master\n');
	});

	it('fails a command at once when the master is gone, with no connection of its own', async () => {
		host.close();
		await host.ended();
		const result = await host.run(['echo', 'on a connection of its own']);
		expect(result.stdout).toBe('');
		expect(result.exitCode).toBe(255);
		expect(host.problem(result)).toBe('h1: not connected (its connection is gone; nsdeck connects again by itself)');
	});

	it('connects again afterwards, and commands go through the new master', async () => {
		expect(await host.connect()).toBeUndefined();
		const result = await host.run(['echo', 'back']);
		expect(result.exitCode, result.stderr).toBe(0);
		expect(result.stdout).toBe('back\n');
	});
});
