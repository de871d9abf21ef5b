// The veth form's plans against the kernel: each end made where it goes (nothing passes through the host),
// an end plugged into a bridge, names that exist elsewhere, namespaces known only by a path, rollback, and
// detaching a port from its bridge.
import {spawn} from 'node:child_process';
import {readlinkSync} from 'node:fs';
import {afterEach, beforeAll, beforeEach, describe, expect, it, vi} from 'vitest';
import {HOST_ID} from '../../source/model/types.js';
import {detachPlan} from '../../source/plans/bridge-plans.js';
import {vethForm} from '../../source/plans/forms/link-forms.js';
import type {Plan} from '../../source/plans/plan.js';
import {runPlan, type LogEntry} from '../../source/plans/run-plan.js';
import {vethPlan} from '../../source/plans/veth-plan.js';
import {runCommand} from '../../source/system/runner.js';
import {readWorld} from '../../source/system/snapshot.js';
import {ipJson, requireSandbox, resetWorld, sh} from '../support/sandbox.js';

beforeAll(requireSandbox);
beforeEach(async () => {
	await resetWorld();
	await sh('ip', 'netns', 'add', 'ns1');
	await sh('ip', 'netns', 'add', 'ns2');
});

async function run(plan: Plan): Promise<LogEntry[]> {
	const log: LogEntry[] = [];
	const result = await runPlan(plan, {run: (argv) => runCommand(argv), log: (e) => log.push(e)});
	expect(result.ok, result.ok ? '' : `${result.error}`).toBe(true);
	return log;
}

interface IpLink {
	ifname: string;
	operstate: string;
	master?: string;
	link_netnsid?: number;
	addr_info?: Array<{local: string; prefixlen: number}>;
}
const links = (ns: string): Promise<IpLink[]> => ipJson<IpLink>(...(ns === HOST_ID ? [] : ['-n', ns]), 'addr', 'show');
const names = async (ns: string): Promise<string[]> => (await links(ns)).map((l) => l.ifname).sort();
const cidrs = (l: IpLink | undefined): string[] => (l?.addr_info ?? []).map((a) => `${a.local}/${a.prefixlen}`);

/** The host's monitor would see every link that passed through it: `ip monitor link` for the plan's run. */
async function hostLinkEvents(during: () => Promise<unknown>): Promise<string> {
	const monitor = spawn('ip', ['monitor', 'link'], {stdio: ['ignore', 'pipe', 'ignore']});
	let out = '';
	monitor.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
	const ended = new Promise((resolve) => monitor.on('close', resolve));
	await new Promise((resolve) => setTimeout(resolve, 200));
	await during();
	await new Promise((resolve) => setTimeout(resolve, 200));
	monitor.kill('SIGTERM');
	await ended;
	return out;
}

describe('veth pairs made in place', () => {
	it('both ends into two named namespaces, in place: nothing appears in the host, both named eth0, addresses, up, ping', async () => {
		const plan = vethPlan({name1: 'eth0', ns1: 'ns1', address1: '10.5.0.1/24', name2: 'eth0', ns2: 'ns2', address2: '10.5.0.2/24', up: true});
		const events = await hostLinkEvents(() => run(plan));
		expect(events).not.toContain('eth0');
		expect(await names(HOST_ID)).not.toContain('eth0');
		const [a, b] = [(await links('ns1')).find((l) => l.ifname === 'eth0'), (await links('ns2')).find((l) => l.ifname === 'eth0')];
		expect(cidrs(a)).toContain('10.5.0.1/24');
		expect(cidrs(b)).toContain('10.5.0.2/24');
		// The kernel's link watch reports carrier a moment after `up`.
		await vi.waitFor(async () => expect([(await links('ns1')).find((l) => l.ifname === 'eth0')?.operstate, (await links('ns2')).find((l) => l.ifname === 'eth0')?.operstate]).toEqual(['UP', 'UP']), {timeout: 3000});
		expect(await sh('ip', 'netns', 'exec', 'ns1', 'ping', '-c', '1', '-W', '2', '10.5.0.2')).toMatch(/1 received/);
	});

	it('one end in the host plugged into a host bridge, the other in ns1 (tutorial B), from the form the selection fills', async () => {
		await sh('ip', 'link', 'add', 'name', 'br0', 'type', 'bridge');
		await sh('ip', 'link', 'set', 'dev', 'br0', 'up');
		const world = await readWorld(runCommand);
		const br0 = world.namespaces.find((n) => n.id === HOST_ID)?.links.find((l) => l.name === 'br0');
		const spec = vethForm({world, ns: HOST_ID, link: br0});
		const {initialFormState} = await import('../../source/state/form/form-state.js');
		const values = {...initialFormState(spec).values, address2: '10.6.0.1/24'};
		expect(spec.validate(values, world)).toEqual({});
		await run(spec.plan(values, world));
		const port = (await links(HOST_ID)).find((l) => l.ifname === 'veth_ns1_br0');
		expect(port?.master).toBe('br0');
		await vi.waitFor(async () => expect((await links(HOST_ID)).find((l) => l.ifname === 'veth_ns1_br0')?.operstate).toBe('UP'), {timeout: 3000});
		expect(cidrs((await links('ns1')).find((l) => l.ifname === 'veth_ns1'))).toContain('10.6.0.1/24');
	});

	it('an end named like an existing host link goes into a namespace: the form allows it and the kernel makes it', async () => {
		await sh('ip', 'link', 'add', 'name', 'taken0', 'type', 'veth', 'peer', 'name', 'taken1');
		const world = await readWorld(runCommand);
		const spec = vethForm({world, ns: 'ns1'});
		const values = {ns1: 'ns1', name1: 'taken0', address1: '', bridge1: '(none)', ns2: 'ns2', name2: 'taken1', address2: '', bridge2: '(none)', up: true};
		expect(spec.validate(values, world)).toEqual({});
		await run(spec.plan(values, world));
		expect(await names('ns1')).toContain('taken0');
		expect(await names('ns2')).toContain('taken1');
		// The host's own pair is untouched.
		expect(await names(HOST_ID)).toEqual(expect.arrayContaining(['taken0', 'taken1']));
	});

	it('an end into a namespace known only by /proc/PID/ns/net: netns takes the path', async () => {
		const holder = spawn('unshare', ['--net', '--', 'sleep', '30'], {stdio: 'ignore'});
		const ended = new Promise((resolve) => holder.on('close', resolve));
		try {
			// unshare execs sleep in the new namespace: its PID is the holder's.
			const path = `/proc/${holder.pid}/ns/net`;
			await vi.waitFor(() => expect(readlinkSync(`/proc/${holder.pid}/exe`)).toMatch(/sleep$/), {timeout: 3000});
			await run(vethPlan({name1: 'byPath0', ns1: path, address1: '10.7.0.1/24', name2: 'byPath1', ns2: HOST_ID, address2: '', up: true}));
			const inside = await sh('nsenter', `--net=${path}`, 'ip', '-br', 'addr', 'show', 'dev', 'byPath0');
			expect(inside).toMatch(/byPath0@\S+\s+\S+\s+10\.7\.0\.1\/24/);
			expect(await names(HOST_ID)).toContain('byPath1');
			expect(await names(HOST_ID)).not.toContain('byPath0');
		} finally {
			holder.kill('SIGKILL');
			await ended;
		}
	});

	it('a failing later step removes the pair from both namespaces', async () => {
		const log: LogEntry[] = [];
		// ns2 has no bridge br9: the kernel refuses the master, the pair goes.
		const plan = vethPlan({name1: 'rbA', ns1: 'ns1', address1: '10.8.0.1/24', name2: 'rbB', ns2: 'ns2', address2: '10.8.0.2/24', bridge2: 'br9', up: true});
		const result = await runPlan(plan, {run: (argv) => runCommand(argv), log: (e) => log.push(e)});
		expect(result.ok).toBe(false);
		expect(log.map((e) => e.status)).toEqual(['ok', 'ok', 'ok', 'failed', 'undo ok']);
		expect(await names('ns1')).toEqual(['lo']);
		expect(await names('ns2')).toEqual(['lo']);
	});
});

describe('detach from a bridge', () => {
	afterEach(async () => {
		await sh('ip', 'link', 'del', 'dev', 'br0').catch(() => '');
	});

	it('nomaster takes the port out; its undo plugs it back', async () => {
		await sh('ip', 'link', 'add', 'name', 'br0', 'type', 'bridge');
		await sh('ip', 'link', 'add', 'name', 'port0', 'type', 'veth', 'peer', 'name', 'port1');
		await sh('ip', 'link', 'set', 'dev', 'port0', 'master', 'br0');
		const plan = detachPlan({ns: HOST_ID, link: 'port0', bridge: 'br0'});
		await run(plan);
		expect((await links(HOST_ID)).find((l) => l.ifname === 'port0')?.master).toBeUndefined();
		await runCommand([...(plan.steps[0].undo ?? [])]);
		expect((await links(HOST_ID)).find((l) => l.ifname === 'port0')?.master).toBe('br0');
	});
});
