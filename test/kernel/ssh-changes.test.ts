// A server as a System (source/system/remote-system.ts) against real sshd servers: a plan run on h2
// changes h2 only; the live watch is one `ip monitor` there that ends when nsdeck stops it or is killed.
import {readdirSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {newNamespacePlan} from '../../source/plans/namespace-plans.js';
import {vethPlan} from '../../source/plans/veth-plan.js';
import {runPlan, type LogEntry} from '../../source/plans/run-plan.js';
import {createRemoteSystem, remoteAccess} from '../../source/system/remote-system.js';
import {closeAllMasters} from '../../source/system/ssh-control.js';
import {sshHost} from '../../source/system/ssh-transport.js';
import type {System, WorldChange} from '../../source/system/system.js';
import {requireSandbox, sh} from '../support/sandbox.js';
import {helperSystemOn} from '../support/remote-system.js';
import {startFleet, type TestFleet, type TestServer} from '../support/sshd.js';

let fleet: TestFleet;
let h1: TestServer;
let h2: TestServer;
let remote: System;
beforeAll(async () => {
	requireSandbox();
	fleet = await startFleet(['h1', 'h2']);
	[h1, h2] = fleet.servers as [TestServer, TestServer];
	const host = sshHost('h2', {configFile: fleet.config});
	expect(await host.connect()).toBeUndefined();
	const access = await remoteAccess(host);
	expect(access.canChange).toBe(true);
	remote = createRemoteSystem(host, access, {upload: false});
});
afterAll(async () => {
	closeAllMasters();
	await fleet?.stop();
});

const namesOn = async (server: TestServer): Promise<string[]> => (await sh(...server.inside(['ls', '/run/netns']))).split('\n').filter(Boolean).sort();

describe('a plan on a server', () => {
	it('lands on that server only', async () => {
		const log: LogEntry[] = [];
		// What earlier test files left here is theirs: only what this plan adds would be ours.
		const hereBefore = readdirSync('/run/netns');
		for (const plan of [newNamespacePlan({name: 'made on h2', loUp: true}), newNamespacePlan({name: 'peer', loUp: true}), vethPlan({name1: 'a', ns1: 'made on h2', address1: '10.9.0.1/24', name2: 'b', ns2: 'peer', address2: '10.9.0.2/24', up: true})]) {
			const result = await runPlan(plan, {run: (argv) => remote.run(argv), log: (e) => log.push(e)});
			expect(result.ok, JSON.stringify(log.at(-1))).toBe(true);
		}
		expect(await namesOn(h2)).toEqual(['made on h2', 'peer']);
		expect(await namesOn(h1)).toEqual([]);
		expect(readdirSync('/run/netns').filter((n) => !hereBefore.includes(n))).toEqual([]);
		const world = await remote.readWorld();
		const made = world.namespaces.find((n) => n.id === 'made on h2');
		expect(made?.links.find((l) => l.name === 'a')?.addresses.map((a) => a.cidr)).toEqual(expect.arrayContaining(['10.9.0.1/24']));
	});
});

describe('the live watch on a server', () => {
	const monitors = (server: TestServer): number => server.processes().filter((p) => p.command.startsWith('ip monitor')).length;
	/** What runs on the server besides sshd's processes for the connections themselves. */
	const commands = (server: TestServer): string[] => server.processes().flatMap((p) => (p.command.startsWith('sshd: ') ? [] : [p.command]));

	it('hears a change made there, and ends on the server when stopped', async () => {
		const heard: WorldChange[] = [];
		const stop = remote.watch((change) => heard.push(change));
		await vi.waitFor(() => expect(monitors(h2)).toBe(1), {timeout: 10_000});
		await sh(...h2.inside(['ip', 'link', 'add', 'watched', 'type', 'veth', 'peer', 'name', 'watched-p']));
		await vi.waitFor(() => expect(heard).toContainEqual({type: 'namespaces', ids: ['host']}), {timeout: 10_000});
		stop();
		await vi.waitFor(() => expect(commands(h2)).toEqual([]), {timeout: 10_000});
	});

	it('ends on the server when the local ssh is killed', async () => {
		let pid = 0;
		const host = sshHost('h2', {configFile: fleet.config});
		expect(await host.connect()).toBeUndefined();
		const running = host.stream(['ip', 'monitor', 'link'], {tty: true, timeoutMs: 60_000, onStart: (p) => (pid = p), onLine: () => {}});
		await vi.waitFor(() => expect(monitors(h2)).toBe(1), {timeout: 10_000});
		process.kill(pid, 'SIGKILL');
		await running;
		await vi.waitFor(() => expect(commands(h2)).toEqual([]), {timeout: 10_000});
		// Every connection closed: nothing at all is left there, sshd's sessions included.
		closeAllMasters();
		await vi.waitFor(() => expect(h2.processes()).toEqual([]), {timeout: 10_000});
	});
});

describe('reading one namespace again on a server', () => {
	it('asks the server once when the namespace is there, and says gone when it is not', async () => {
		const host = sshHost('h2', {configFile: fleet.config});
		expect(await host.connect()).toBeUndefined();
		const asked: string[][] = [];
		const counted = {...host, run: (argv: readonly string[], options?: Parameters<typeof host.run>[1]) => (asked.push([...argv]), host.run(argv, options))};
		const system = createRemoteSystem(counted, await remoteAccess(host), {upload: false});
		await sh(...h2.inside(['ip', 'netns', 'add', 'read once']));
		try {
			asked.length = 0;
			const read = await system.readNamespace('read once');
			expect(read?.error).toBeUndefined();
			expect(read?.links.map((l) => l.name)).toEqual(['lo']);
			// One round trip: the read itself, not the list first (a change's read is on the way to the screen).
			expect(asked).toHaveLength(1);
		} finally {
			await sh(...h2.inside(['ip', 'netns', 'del', 'read once']));
		}
		expect(await system.readNamespace('read once')).toBeUndefined();
	});
});

describe('reading a server with the helper', () => {
	/** A System for h2 with the helper, and the sessions it opened there. */
	async function withHelper(fits?: boolean): Promise<{system: System; sessions: string[][]}> {
		const {system, ran} = await helperSystemOn('h2', fleet.config, fits);
		return {system, sessions: ran};
	}

	it('does not ask the server its CPU again when connecting asked it (one round trip before the first frame)', async () => {
		const {system, sessions} = await withHelper(true);
		try {
			expect((await system.readNamespace('host'))?.error).toBeUndefined();
			expect(sessions.filter((argv) => argv[0] === 'uname' || argv[0] === 'ip')).toEqual([]);
		} finally {
			await sh(...h2.inside(['rm', '-rf', '/root/.cache/nsdeck']));
		}
	});

	it('reads the host with it, not with ip (the first frame waits for that read)', async () => {
		const {system, sessions} = await withHelper();
		try {
			const read = await system.readNamespace('host');
			expect(read?.error).toBeUndefined();
			expect(read?.links.some((l) => l.name === 'lo')).toBe(true);
			expect(sessions.filter((argv) => argv[0] === 'ip')).toEqual([]);
		} finally {
			await sh(...h2.inside(['rm', '-rf', '/root/.cache/nsdeck']));
		}
	});

	it('reads many namespaces in one session, not one ip session each', async () => {
		const {system, sessions} = await withHelper();
		const names = Array.from({length: 12}, (_, i) => `many ${i}`);
		for (const name of names) await sh(...h2.inside(['ip', 'netns', 'add', name]));
		try {
			const batches: string[][] = [];
			const read = await system.readNamespaces(names, {onBatch: (batch) => batches.push(batch.map((n) => n.id))});
			expect(read.map((n) => n.id).sort()).toEqual([...names].sort());
			expect(read.every((n) => n.error === undefined && n.links.some((l) => l.name === 'lo'))).toBe(true);
			expect(batches.flat().sort()).toEqual([...names].sort());
			// The list, whether the helper fits, its cache, and the read: fewer sessions than namespaces.
			expect(sessions.length).toBeLessThan(names.length / 2);
		} finally {
			for (const name of names) await sh(...h2.inside(['ip', 'netns', 'del', name]));
			await sh(...h2.inside(['rm', '-rf', '/root/.cache/nsdeck']));
		}
	});

	it('reads the namespaces it is given without listing them again, and leaves out one gone meanwhile', async () => {
		const {system, sessions} = await withHelper(true);
		const names = ['given 1', 'given 2', 'given 3'];
		for (const name of names) await sh(...h2.inside(['ip', 'netns', 'add', name]));
		try {
			// The app lists, then reads the rest: the list it just made is not asked for again.
			const read = await system.readNamespaces(names);
			expect(read.map((n) => n.id).sort()).toEqual([...names].sort());
			expect(read.every((n) => n.error === undefined)).toBe(true);
			expect(sessions.filter((argv) => argv[0] === 'ip')).toEqual([]);
			await sh(...h2.inside(['ip', 'netns', 'del', 'given 2']));
			expect((await system.readNamespaces(names)).map((n) => n.id).sort()).toEqual(['given 1', 'given 3']);
		} finally {
			for (const name of names) await sh(...h2.inside(['ip', 'netns', 'del', name])).catch(() => undefined);
			await sh(...h2.inside(['rm', '-rf', '/root/.cache/nsdeck']));
		}
	});
});
