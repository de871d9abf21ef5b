// Plans as transactions against the kernel (issue 26): a target renamed between preview and run stops the
// plan; a vxlan hanging on an underlay or a `local` address in another namespace is announced; a rollback
// restores a bridge's MAC and says what it cannot; an undo puts back what the kernel dropped.
import {render} from 'ink-testing-library';
import {afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {App} from '../../source/app.js';
import {resolvePeer} from '../../source/model/topology.js';
import {deleteLinkForm, moveForm} from '../../source/plans/forms/link-forms.js';
import {togglePlan} from '../../source/plans/link-plans.js';
import {ipIn, type Plan} from '../../source/plans/plan.js';
import {runPlan, undoPlan} from '../../source/plans/run-plan.js';
import {kernelAccess} from '../../source/plans/transaction.js';
import {runCommand} from '../../source/system/runner.js';
import {readWorld} from '../../source/system/snapshot.js';
import {createRealSystem} from '../../source/system/system.js';
import {selectRow} from '../support/drive.js';
import {KEYS, press, waitForFrame} from '../support/ink.js';
import {ipJson, requireSandbox, resetWorld, sh} from '../support/sandbox.js';

let unmount: (() => void) | undefined;
beforeAll(requireSandbox);
beforeEach(resetWorld);
afterEach(() => unmount?.());

const kernel = () => {
	const access = kernelAccess(createRealSystem({lab: true}));
	if (!access) throw new Error('the real system reads the kernel');
	return access;
};
const run = (argv: readonly string[]) => runCommand(argv);
const linkJson = async (ns: string, name: string) => (await ipJson<{ifname: string; address: string; flags: string[]; addr_info?: Array<{local: string}>}>('-n', ns, 'addr', 'show', 'dev', name))[0];

/** The app with the preview of deleting a1 in namespace t on screen. */
async function previewDeleteOfA1() {
	const app = render(<App system={createRealSystem({lab: true})} size={{columns: 100, rows: 40}} />);
	unmount = app.unmount;
	await waitForFrame(app, 'Namespaces (2)');
	await selectRow(app, 't');
	await press(app, KEYS.tab);
	await selectRow(app, 'a1');
	await press(app, 'd');
	await waitForFrame(app, 'ip -n t link del dev a1');
	return app;
}

describe('the target can change between preview and run', () => {
	it('stops before deleting a1 when a1 and a2 were renamed outside, and says what changed', async () => {
		await sh('ip', 'netns', 'add', 't');
		await sh('ip', '-n', 't', 'link', 'add', 'a1', 'type', 'bridge');
		await sh('ip', '-n', 't', 'link', 'add', 'a2', 'type', 'bridge');
		await sh('ip', '-n', 't', 'addr', 'add', '10.7.7.2/24', 'dev', 'a2');
		await sh('ip', '-n', 't', 'link', 'set', 'dev', 'a2', 'up');
		const app = await previewDeleteOfA1();
		// Outside, while the preview shows "delete a1".
		await sh('ip', '-n', 't', 'link', 'set', 'dev', 'a1', 'name', 'old1');
		await sh('ip', '-n', 't', 'link', 'set', 'dev', 'a2', 'name', 'a1');
		await press(app, KEYS.enter);
		await press(app, KEYS.enter);
		await waitForFrame(app, /a1 in t changed since the preview/, 8000);
		// The former a2 lives on, up, with its address; the interface the preview showed too, as old1.
		const former = await linkJson('t', 'a1');
		expect(former.flags).toContain('UP');
		expect(former.addr_info?.map((a) => a.local)).toContain('10.7.7.2');
		expect((await linkJson('t', 'old1')).ifname).toBe('old1');
	});

	it('stops when the namespace was deleted and made again under its name, with a link of the same name', async () => {
		const make = async (): Promise<void> => {
			await sh('ip', 'netns', 'add', 't');
			await sh('ip', '-n', 't', 'link', 'add', 'a1', 'type', 'bridge');
		};
		await make();
		const app = await previewDeleteOfA1();
		// Outside, while the preview shows "delete a1": another namespace t, another a1 in it.
		await sh('ip', 'netns', 'del', 't');
		await make();
		await sh('ip', '-n', 't', 'addr', 'add', '10.7.8.2/24', 'dev', 'a1');
		await press(app, KEYS.enter);
		await press(app, KEYS.enter);
		await waitForFrame(app, /step 1 of 1 not run/, 8000);
		expect(app.lastFrame()).toContain('namespace t is gone, or');
		// The new t's a1 is untouched.
		expect((await linkJson('t', 'a1')).addr_info?.map((a) => a.local)).toContain('10.7.8.2');
	});
});

describe('a vxlan in another namespace', () => {
	beforeEach(async () => {
		await sh('ip', 'netns', 'add', 'a');
		await sh('ip', 'netns', 'add', 'b');
		await sh('ip', '-n', 'a', 'link', 'add', 'u1', 'type', 'veth', 'peer', 'name', 'u2');
		await sh('ip', '-n', 'a', 'addr', 'add', '10.5.0.1/24', 'dev', 'u1');
		await sh('ip', '-n', 'a', 'link', 'set', 'dev', 'u1', 'up');
		await sh('ip', '-n', 'a', 'link', 'add', 'vx0', 'type', 'vxlan', 'id', '5', 'dev', 'u1', 'local', '10.5.0.1', 'dstport', '4789');
		await sh('ip', '-n', 'a', 'link', 'set', 'dev', 'vx0', 'netns', 'b');
	});

	const deleting = async (what: string): Promise<Plan> => {
		const world = await readWorld(runCommand);
		const ns = world.namespaces.find((n) => n.id === 'a');
		const link = ns?.links.find((l) => l.name === 'u1');
		if (!ns || !link) throw new Error('no u1');
		const form = deleteLinkForm({world, ns: 'a', link}, resolvePeer(world, ns, link));
		if (typeof form === 'string') throw new Error(form);
		return form.plan({what}, world);
	};

	it('deleting its underlay announces it', async () => {
		const plan = await deleting('interface u1');
		expect((plan.consequences ?? []).join('\n')).toMatch(/b\/vx0 \(vxlan/);
	});

	it('deleting the address it uses as local warns', async () => {
		const plan = await deleting('address 10.5.0.1/24');
		expect((plan.consequences ?? []).join('\n')).toMatch(/vx0.*10\.5\.0\.1|10\.5\.0\.1.*vx0/);
	});

	it('moving its underlay away announces that the kernel deletes it, and then it is gone as said', async () => {
		const world = await readWorld(runCommand);
		const link = world.namespaces.find((n) => n.id === 'a')?.links.find((l) => l.name === 'u1');
		const form = moveForm({world, ns: 'a', link});
		if (typeof form === 'string') throw new Error(form);
		const plan = form.plan({...form.initial, to: 'b', carry: true}, world);
		expect((plan.consequences ?? []).join('\n')).toMatch(/deletes the tunnels sending through it: b\/vx0 \(vxlan\)/);
		const result = await runPlan(plan, {run, log: () => {}, kernel: kernel()});
		expect(result.ok).toBe(true);
		expect(result.alsoChanged ?? []).not.toContainEqual(expect.stringMatching(/vx0/));
		expect((await ipJson('-n', 'b', 'link', 'show')).map((l) => l.ifname)).not.toContain('vx0');
	});

	it('after the underlay goes, the run says the kernel also took vx0 in b', async () => {
		const plan: Plan = {title: 'delete u2', dangerous: true, steps: [{argv: ipIn('a', 'link', 'del', 'dev', 'u2')}], affects: ['a'], effects: [{kind: 'deleteLink', ns: 'a', link: 'u2'}]};
		const result = await runPlan(plan, {run, log: () => {}, kernel: {...kernel(), alsoRead: ['b']}});
		expect(result.ok).toBe(true);
		expect(result.alsoChanged?.join('\n')).toMatch(/removed interface vx0 \(vxlan\) in b/);
	});
});

describe('rollback and undo restore what the kernel had', () => {
	it('a port added to an empty bridge, then a failure: the bridge gets its MAC back, the carrier is said', async () => {
		await sh('ip', 'netns', 'add', 'a');
		await sh('ip', '-n', 'a', 'link', 'add', 'br0', 'type', 'bridge');
		await sh('ip', '-n', 'a', 'link', 'set', 'dev', 'br0', 'up');
		await sh('ip', '-n', 'a', 'link', 'add', 'p1', 'type', 'veth', 'peer', 'name', 'p2');
		await sh('ip', '-n', 'a', 'link', 'set', 'dev', 'p1', 'up');
		await sh('ip', '-n', 'a', 'link', 'set', 'dev', 'p2', 'up');
		const mac = (await linkJson('a', 'br0')).address;
		const plan: Plan = {
			title: 'plug p1, then fail',
			dangerous: false,
			steps: [
				{argv: ipIn('a', 'link', 'set', 'dev', 'p1', 'master', 'br0'), undo: ipIn('a', 'link', 'set', 'dev', 'p1', 'nomaster')},
				{argv: ipIn('a', 'link', 'set', 'dev', 'nosuch', 'up')},
			],
			affects: ['a'],
		};
		const result = await runPlan(plan, {run, log: () => {}, kernel: kernel()});
		expect(result.ok).toBe(false);
		expect((await linkJson('a', 'br0')).address).toBe(mac);
		expect(result.left?.join('\n')).toMatch(/br0 in a: carrier on → off \(only the kernel sets a carrier/);
	});

	it('undo of setting eth0 down brings back its routes in every table and its IPv6 address', async () => {
		await sh('ip', 'netns', 'add', 's');
		await sh('ip', '-n', 's', 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'sw0');
		await sh('ip', '-n', 's', 'link', 'set', 'dev', 'sw0', 'up');
		await sh('ip', '-n', 's', 'link', 'set', 'dev', 'eth0', 'up');
		await sh('ip', '-n', 's', 'addr', 'add', '10.1.1.4/24', 'dev', 'eth0');
		await sh('ip', '-n', 's', 'addr', 'add', 'fd00:1::4/64', 'dev', 'eth0', 'nodad');
		await sh('ip', '-n', 's', 'route', 'add', 'default', 'via', '10.1.1.254');
		await sh('ip', '-n', 's', '-6', 'route', 'add', 'default', 'via', 'fd00:1::fe');
		await sh('ip', '-n', 's', 'route', 'add', '10.9.0.0/16', 'via', '10.1.1.1', 'tos', '0x10', 'table', '100', 'metric', '7');
		const routes = async () => (await ipJson('-n', 's', 'route', 'show', 'table', 'all')).filter((r) => r.table !== 'local').map((r) => JSON.stringify({...r, flags: undefined})).sort();
		const before = await routes();
		const plan = togglePlan('s', 'eth0', false);
		const access = kernel();
		const result = await runPlan(plan, {run, log: () => {}, kernel: access});
		expect(result.ok).toBe(true);
		expect(result.alsoChanged?.join('\n')).toMatch(/removed route default via fd00:1::fe dev eth0/);
		expect(result.alsoChanged?.join('\n')).toMatch(/removed address fd00:1::4\/64 on eth0 in s/);
		const undone = await undoPlan(plan, result.before, {run, log: () => {}, kernel: access});
		expect(undone.left).toEqual([]);
		expect(await routes()).toEqual(before);
		expect((await linkJson('s', 'eth0')).addr_info?.map((a) => a.local)).toContain('fd00:1::4');
	});
});
