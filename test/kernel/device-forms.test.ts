// e and + against the kernel: the forms' plans, built from the world as read, change what they say, the
// world read afterwards shows it, and a step the kernel refuses leaves the interface as it was.
import {beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {stackedOn} from '../../source/model/stacked.js';
import type {Link, World} from '../../source/model/types.js';
import {editLinkForm, stackedDeviceForm} from '../../source/plans/forms/device-forms.js';
import type {FormSpec, FormValues} from '../../source/plans/forms/form-spec.js';
import type {Plan} from '../../source/plans/plan.js';
import {runPlan, type LogEntry, type PlanResult} from '../../source/plans/run-plan.js';
import {findNetdump} from '../../source/system/netdump-binary.js';
import {runCommand} from '../../source/system/runner.js';
import {readWorld} from '../../source/system/snapshot.js';
import {buildLabScenario, requireSandbox, sh} from '../support/sandbox.js';

beforeAll(requireSandbox);
beforeEach(() => buildLabScenario('bridge'));

const read = (): Promise<World> => readWorld(runCommand);

function linkIn(world: World, ns: string, name: string): Link | undefined {
	return world.namespaces.find((n) => n.id === ns)?.links.find((l) => l.name === name);
}

function mustLink(world: World, ns: string, name: string): Link {
	const link = linkIn(world, ns, name);
	if (!link) throw new Error(`no ${name} in ${ns}`);
	return link;
}

/** The plan a form makes from `values` over its initial ones; fails the test if the form refuses them. */
function planOf(spec: FormSpec | string, world: World, values: FormValues): Plan {
	if (typeof spec === 'string') throw new Error(spec);
	const all = {...spec.initial, ...values};
	expect(spec.validate(all, world)).toEqual({});
	return spec.plan(all, world);
}

async function run(plan: Plan): Promise<{result: PlanResult; log: LogEntry[]}> {
	const log: LogEntry[] = [];
	const result = await runPlan(plan, {run: (argv) => runCommand(argv), log: (e) => log.push(e)});
	return {result, log};
}

const edit = async (ns: string, name: string, values: FormValues): Promise<PlanResult> => {
	const world = await read();
	return (await run(planOf(editLinkForm({world, ns, link: mustLink(world, ns, name)}), world, values))).result;
};

describe('e against the kernel', () => {
	it('reads the driver’s MTU bounds, with ip and with the helper', async () => {
		expect(mustLink(await read(), 'ns1', 'veth_ns1')).toMatchObject({minMtu: 68, maxMtu: 65535});
		const netdump = findNetdump();
		if (!netdump) throw new Error('dist/nsdeck-netdump is missing: run npm run build (needs a C compiler)');
		expect(mustLink(await readWorld(runCommand, netdump), 'ns1', 'veth_ns1')).toMatchObject({minMtu: 68, maxMtu: 65535});
	});

	it('changes the MTU', async () => {
		expect((await edit('ns1', 'veth_ns1', {mtu: '1400'})).ok).toBe(true);
		expect(mustLink(await read(), 'ns1', 'veth_ns1').mtu).toBe(1400);
	});

	it('changes the MAC, normalised', async () => {
		expect((await edit('ns1', 'veth_ns1', {mac: '02-AA-00-00-00-01'})).ok).toBe(true);
		expect(mustLink(await read(), 'ns1', 'veth_ns1').mac).toBe('02:aa:00:00:00:01');
	});

	it('renames an up link: it comes back up under the new name, its address kept', async () => {
		expect((await edit('ns1', 'veth_ns1', {name: 'uplink'})).ok).toBe(true);
		const world = await read();
		expect(linkIn(world, 'ns1', 'veth_ns1')).toBeUndefined();
		const renamed = mustLink(world, 'ns1', 'uplink');
		expect(renamed.adminUp).toBe(true);
		expect(renamed.addresses.map((a) => a.cidr)).toContain('10.1.1.1/24');
	});

	it('a name taken between the form and the run: the rename fails and the link is set up again', async () => {
		const world = await read();
		const plan = planOf(editLinkForm({world, ns: 'ns1', link: mustLink(world, 'ns1', 'veth_ns1')}), world, {name: 'late0', mtu: '1400'});
		await sh('ip', '-n', 'ns1', 'link', 'add', 'name', 'late0', 'type', 'bridge');
		const {result, log} = await run(plan);
		expect(result.ok).toBe(false);
		expect(result.error).toMatch(/File exists/);
		expect(log.map((e) => `${e.status}: ${e.argv.join(' ')}`)).toEqual([
			'ok: ip -n ns1 link set dev veth_ns1 down',
			'failed: ip -n ns1 link set dev veth_ns1 name late0',
			'undo ok: ip -n ns1 link set dev veth_ns1 up',
		]);
		expect(mustLink(await read(), 'ns1', 'veth_ns1')).toMatchObject({adminUp: true, mtu: 1500});
	});

	it('an MTU the kernel refuses (a macvlan above its lower device): the rename is undone, the link up again', async () => {
		await sh('ip', '-n', 'ns1', 'link', 'add', 'link', 'veth_ns1', 'name', 'mv0', 'type', 'macvlan', 'mode', 'bridge');
		await sh('ip', '-n', 'ns1', 'link', 'set', 'dev', 'mv0', 'up');
		const before = mustLink(await read(), 'ns1', 'mv0');
		const result = await edit('ns1', 'mv0', {name: 'mvx', mtu: '1600'});
		expect(result.ok).toBe(false);
		expect(result.failedStep).toBe(2);
		expect(result.rolledBack.map((u) => `${u.ok}: ${u.argv.join(' ')}`)).toEqual(['true: ip -n ns1 link set dev mvx name mv0', 'true: ip -n ns1 link set dev mv0 up']);
		const world = await read();
		expect(linkIn(world, 'ns1', 'mvx')).toBeUndefined();
		expect(mustLink(world, 'ns1', 'mv0')).toMatchObject({adminUp: true, mtu: before.mtu, mac: before.mac});
	});
});

describe('+ against the kernel', () => {
	const add = async (values: FormValues): Promise<{world: World; result: PlanResult; plan: Plan}> => {
		const before = await read();
		const plan = planOf(stackedDeviceForm({world: before, ns: 'ns1', link: mustLink(before, 'ns1', 'veth_ns1')}), before, values);
		const {result} = await run(plan);
		return {world: await read(), result, plan};
	};

	it.each<[string, FormValues, string, string, Record<string, unknown>]>([
		['a macvlan in bridge mode, up, beside its lower device', {}, 'ns1', 'macvlan0', {mode: 'bridge'}],
		['a macvtap in private mode, made directly in ns2', {kind: 'macvtap', mode: 'private', into: 'ns2'}, 'ns2', 'macvtap0', {mode: 'private'}],
		['a vxlan to 10.1.1.2 from 10.1.1.1 on port 4789', {kind: 'vxlan', id: '42', remote: '10.1.1.2', local: '10.1.1.1'}, 'ns1', 'vxlan0', {id: 42, remote: '10.1.1.2', local: '10.1.1.1', port: 4789}],
		['a vxlan on a multicast group, into the host', {kind: 'vxlan', name: 'vx7', id: '7', remote: '239.1.1.7', into: 'host'}, 'host', 'vx7', {id: 7, group: '239.1.1.7'}],
	])('%s: the world then shows it, of its kind, on veth_ns1', async (_what, values, ns, name, facts) => {
		const {world, result, plan} = await add(values);
		expect(result.error).toBeUndefined();
		expect(result.ok).toBe(true);
		const made = mustLink(world, ns, name);
		expect(made.kind).toBe(String(values.kind ?? 'macvlan'));
		expect(made.adminUp).toBe(true);
		expect(made.facts).toMatchObject(facts);
		expect(plan.select).toEqual({ns, link: name});
		// Its lower device, as the delete plan of veth_ns1 finds it; not for a vxlan made elsewhere (stacked.ts).
		if (name !== 'vx7') expect(stackedOn(world, 'ns1', mustLink(world, 'ns1', 'veth_ns1')).map((d) => `${d.ns}/${d.name}`)).toContain(`${ns}/${name}`);
	});

	it('a vlan is planned exactly, and this kernel (no 8021q) refuses it with nothing left behind', async () => {
		const before = await read();
		const {result, plan} = await add({kind: 'vlan', id: '10'});
		expect(plan.steps.map((s) => s.argv.join(' '))).toEqual(['ip -n ns1 link add link veth_ns1 name veth_ns1.10 type vlan id 10', 'ip -n ns1 link set dev veth_ns1.10 up']);
		expect(result.ok).toBe(false);
		expect(result.error).toMatch(/Unknown device type/);
		expect(await read()).toEqual(before);
	});
});
