// The ping diagnosis on a server reached over SSH reads what the World does not hold there, as it does
// here: the sysctls and the firewall of the namespaces on the way (system/diagnosis-read.ts through the
// server's connection), so a rule on the server that drops the echoes is named, and the detail view shows
// a server's namespace's firewall. Traffic only between namespaces the test makes on its own server.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {explainPing} from '../../source/model/diagnosis/diagnose.js';
import {parsePingSummary} from '../../source/model/ping-output.js';
import {pingArgv} from '../../source/plans/exec-commands.js';
import {createRemoteSystem, remoteAccess} from '../../source/system/remote-system.js';
import {closeAllMasters} from '../../source/system/ssh-control.js';
import {sshHost} from '../../source/system/ssh-transport.js';
import type {System} from '../../source/system/system.js';
import {requireSandbox, sh} from '../support/sandbox.js';
import {startFleet, type TestFleet, type TestServer} from '../support/sshd.js';

let fleet: TestFleet;
let h1: TestServer;
let remote: System;
const on = (...argv: string[]): Promise<string> => sh(...h1.inside(argv));

beforeAll(async () => {
	requireSandbox();
	fleet = await startFleet(['h1']);
	[h1] = fleet.servers as [TestServer];
	const host = sshHost('h1', {configFile: fleet.config});
	expect(await host.connect()).toBeUndefined();
	remote = createRemoteSystem(host, await remoteAccess(host), {upload: false});
	for (const ns of ['client', 'server']) {
		await on('ip', 'netns', 'add', ns);
		await on('ip', '-n', ns, 'link', 'set', 'dev', 'lo', 'up');
	}
	await on('ip', '-n', 'client', 'link', 'add', 'name', 'c0', 'type', 'veth', 'peer', 'name', 's0', 'netns', 'server');
	await on('ip', '-n', 'client', 'addr', 'add', '10.77.0.1/24', 'dev', 'c0');
	await on('ip', '-n', 'server', 'addr', 'add', '10.77.0.2/24', 'dev', 's0');
	await on('ip', '-n', 'client', 'link', 'set', 'dev', 'c0', 'up');
	await on('ip', '-n', 'server', 'link', 'set', 'dev', 's0', 'up');
	const inServer = (...argv: string[]): Promise<string> => on('nsenter', '--net=/run/netns/server', ...argv);
	await inServer('nft', 'add', 'table', 'inet', 'guard');
	await inServer('nft', 'add', 'chain', 'inet', 'guard', 'input', '{ type filter hook input priority 0 ; }');
	await inServer('nft', 'add', 'rule', 'inet', 'guard', 'input', 'icmp', 'type', 'echo-request', 'counter', 'drop');
}, 60_000);

afterAll(async () => {
	closeAllMasters();
	await fleet?.stop();
});

describe('the ping diagnosis on a server', () => {
	it('names the rule of the server that dropped the echoes', {timeout: 60_000}, async () => {
		expect(remote.readEvidence).toBeDefined();
		const before = await remote.readWorld();
		const earlier = await remote.readEvidence?.(before, 'client', '10.77.0.2');
		const result = await remote.run(pingArgv({ns: 'client', target: '10.77.0.2', family: 4, count: 3, interval: 0.2}), {timeoutMs: 20_000});
		expect(result.exitCode).not.toBe(0);
		const world = await remote.readWorld();
		const evidence = await remote.readEvidence?.(world, 'client', '10.77.0.2', earlier);
		const {reasons} = explainPing(world, 'client', '10.77.0.2', {summary: parsePingSummary(result.stdout), errorText: undefined, icmpErrors: [], stopped: false}, evidence);
		expect(reasons[0]).toBe('the firewall of server dropped the 3 echoes: table inet guard, chain input (hook input), rule "icmp type echo-request counter drop" (its counter rose by 3)');
	});

	it("shows a server's namespace's firewall and sysctls in its detail", async () => {
		const server = (await remote.readWorld()).namespaces.find((n) => n.id === 'server');
		expect(server).toBeDefined();
		const facts = server ? await remote.readNamespaceFacts?.(server) : undefined;
		expect(facts?.firewall?.unread).toEqual([]);
		expect(facts?.firewall?.tables.map((t) => `${t.family} ${t.name}`)).toContain('inet guard');
		expect([...(facts?.conf?.interfaces.keys() ?? [])].sort()).toEqual(['all', 'lo', 's0']);
	});
});
