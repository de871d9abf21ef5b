// What the preview predicts the kernel changes by itself (plans/kernel-predicted.ts), against the real
// kernel: a bridge's MAC when a port joins or leaves, a macvlan's MTU following its lower device down, an
// IPv6 route's mtu following its link down and up; an empty bridge taking its first port's MAC and giving it
// up with its last; a vxlan keeping its MTU; and a bridge still following its ports after an undo. Each prediction must be what the kernel then holds, and
// the run must not call it "the kernel also changed".
import {beforeAll, beforeEach, describe, expect, it} from 'vitest';
import type {World} from '../../source/model/types.js';
import {connectPlan, detachPlan} from '../../source/plans/bridge-plans.js';
import {withPredicted} from '../../source/plans/kernel-predicted.js';
import {linkSettingsPlan} from '../../source/plans/link-settings-plan.js';
import {movePlan} from '../../source/plans/link-plans.js';
import type {Plan} from '../../source/plans/plan.js';
import {runPlan, undoPlan} from '../../source/plans/run-plan.js';
import {kernelAccess} from '../../source/plans/transaction.js';
import {findNetdump} from '../../source/system/netdump-binary.js';
import {runCommand} from '../../source/system/runner.js';
import {readWorld} from '../../source/system/snapshot.js';
import {createRealSystem} from '../../source/system/system.js';
import {requireSandbox, resetWorld, sh} from '../support/sandbox.js';

beforeAll(requireSandbox);

const ip = (...args: string[]): Promise<string> => sh('ip', ...args);

/** n0: br0 with ports p1 (…:50) and p2 (…:30), a spare s0 (…:05); e0 (…:10) to n1, a macvlan mv0 on it in n1, IPv6 routes with an mtu on it. */
beforeEach(async () => {
	await resetWorld();
	for (const ns of ['n0', 'n1']) await ip('netns', 'add', ns);
	await ip('-n', 'n0', 'link', 'add', 'br0', 'type', 'bridge');
	for (const [port, mac] of [
		['p1', '02:00:00:00:00:50'],
		['p2', '02:00:00:00:00:30'],
		['e0', '02:00:00:00:00:10'],
		['s0', '02:00:00:00:00:05'],
	]) {
		await ip('-n', 'n0', 'link', 'add', 'name', port, 'address', mac, 'type', 'veth', 'peer', 'name', `${port}x`, 'netns', 'n1');
		await ip('-n', 'n0', 'link', 'set', port, 'up');
	}
	for (const port of ['p1', 'p2']) await ip('-n', 'n0', 'link', 'set', port, 'master', 'br0');
	await ip('-n', 'n0', 'link', 'set', 'br0', 'up');
	await ip('-n', 'n0', 'link', 'add', 'link', 'e0', 'name', 'mv0', 'netns', 'n1', 'type', 'macvlan', 'mode', 'bridge');
	await ip('-n', 'n0', 'addr', 'add', 'fd00:5::1/64', 'dev', 'e0', 'nodad');
	await ip('-n', 'n0', '-6', 'route', 'add', '2001:db8:1::/64', 'via', 'fd00:5::2', 'dev', 'e0', 'mtu', '1400');
	await ip('-n', 'n0', '-6', 'route', 'add', '2001:db8:2::/64', 'via', 'fd00:5::2', 'dev', 'e0', 'mtu', '1500');
});

/** Previews the plan on the world as read, runs it as the app does, and gives the predictions and what the run said besides. */
async function preview(make: (world: World) => Plan): Promise<{predicted: string[]; also: readonly string[]}> {
	const world = await readWorld(runCommand, findNetdump());
	const plan = withPredicted(world, make(world));
	const kernel = kernelAccess(createRealSystem({lab: true}), () => ['n0', 'n1']);
	const result = await runPlan(plan, {run: (argv) => runCommand(argv), log: () => {}, kernel});
	expect(result.ok, result.error).toBe(true);
	return {predicted: (plan.predicted ?? []).map((p) => (p.kind === 'routeMtu' ? `${p.ns} route ${p.dst} mtu ${p.to}` : `${p.ns}/${p.link} ${p.field} ${p.to}`)), also: result.alsoChanged ?? []};
}

const field = async (ns: string, link: string, key: 'address' | 'mtu'): Promise<string> => String((JSON.parse(await ip('-n', ns, '-j', 'link', 'show', 'dev', link)) as Array<Record<string, unknown>>)[0][key]);
const routeMtu = async (dst: string): Promise<unknown> => ((JSON.parse(await ip('-n', 'n0', '-j', '-6', 'route', 'show', dst)) as Array<{metrics?: Array<{mtu?: number}>}>)[0].metrics ?? []).find((m) => m.mtu)?.mtu;

describe("a bridge's MAC, predicted", () => {
	it('takes a joining port’s lower MAC', async () => {
		// Not e0: a device with a macvlan on it cannot be a bridge port (EBUSY).
		const {predicted, also} = await preview(() => connectPlan({ns: 'n0', link: 's0', bridge: 'br0'}));
		expect(predicted).toEqual(['n0/br0 mac 02:00:00:00:00:05']);
		expect(await field('n0', 'br0', 'address')).toBe('02:00:00:00:00:05');
		expect(also.filter((l) => l.includes('br0'))).toEqual([]);
	});

	it('takes the next lowest when the port whose MAC it has leaves', async () => {
		const {predicted, also} = await preview(() => detachPlan({ns: 'n0', link: 'p2', bridge: 'br0'}));
		expect(predicted).toEqual(['n0/br0 mac 02:00:00:00:00:50']);
		expect(await field('n0', 'br0', 'address')).toBe('02:00:00:00:00:50');
		expect(also.filter((l) => l.includes('br0'))).toEqual([]);
	});
});

describe("a bridge's MAC after an undo", () => {
	it.each([
		['a detach', () => detachPlan({ns: 'n0', link: 'p2', bridge: 'br0'})],
		// The move's inverse brings p2 back but not into br0: the restore does that, and the MAC follows.
		['a move of a port away', () => movePlan({from: 'n0', link: 'p2', to: 'n1'})],
	])('still follows its ports after the undo of %s: nothing sets it by hand', async (_what, make) => {
		// Setting a bridge's MAC by hand makes the kernel stop choosing it from its ports, for good.
		const kernel = kernelAccess(createRealSystem({lab: true}), () => ['n0', 'n1']);
		const plan = make();
		const options = {run: (argv: readonly string[]) => runCommand(argv), log: () => {}, kernel};
		const result = await runPlan(plan, options);
		expect(result.ok, result.error).toBe(true);
		const undone = await undoPlan(plan, result.before, options);
		expect(undone.left).toEqual([]);
		expect(await field('n0', 'br0', 'address')).toBe('02:00:00:00:00:30');
		expect(undone.ran.map((r) => r.argv.join(' ')).filter((a) => a.includes('address'))).toEqual([]);
		// s0 (…:05) joins: the bridge takes its MAC, as it did before the detach and its undo.
		await ip('-n', 'n0', 'link', 'set', 's0', 'master', 'br0');
		expect(await field('n0', 'br0', 'address')).toBe('02:00:00:00:00:05');
	});
});

describe("an empty bridge's MAC, predicted", () => {
	it('takes its first port’s MAC, and 00:00:00:00:00:00 when that port leaves again', async () => {
		await ip('-n', 'n0', 'link', 'add', 'br1', 'type', 'bridge');
		await ip('-n', 'n0', 'link', 'set', 'br1', 'up');
		const first = await preview(() => connectPlan({ns: 'n0', link: 's0', bridge: 'br1'}));
		expect(first.predicted).toEqual(['n0/br1 mac 02:00:00:00:00:05']);
		expect(await field('n0', 'br1', 'address')).toBe('02:00:00:00:00:05');
		expect(first.also.filter((l) => l.includes('br1'))).toEqual([]);
		const last = await preview(() => detachPlan({ns: 'n0', link: 's0', bridge: 'br1'}));
		expect(last.predicted).toEqual(['n0/br1 mac 00:00:00:00:00:00']);
		expect(await field('n0', 'br1', 'address')).toBe('00:00:00:00:00:00');
		expect(last.also.filter((l) => l.includes('br1') && l.includes('MAC'))).toEqual([]);
	});
});

describe('an MTU change, predicted', () => {
	it('down: a vxlan through it keeps its own MTU, and nothing says it changed', async () => {
		await ip('-n', 'n0', 'link', 'add', 'vx0', 'type', 'vxlan', 'id', '5', 'dev', 'e0', 'dstport', '4789', 'remote', '192.0.2.5');
		const before = await field('n0', 'vx0', 'mtu');
		const down = await preview(() => linkSettingsPlan({ns: 'n0', link: 'e0', up: true, mtu: {from: 1500, to: 1300}}));
		expect(down.predicted.filter((p) => p.includes('vx0'))).toEqual([]);
		expect(await field('n0', 'vx0', 'mtu')).toBe(before);
		expect(down.also).toEqual([]);
	});


	it('down: the macvlan on it and the IPv6 routes above it follow; up again: the route whose mtu was the link’s rises', async () => {
		const down = await preview(() => linkSettingsPlan({ns: 'n0', link: 'e0', up: true, mtu: {from: 1500, to: 1300}}));
		expect(down.predicted).toEqual(['n1/mv0 mtu 1300', 'n0 route 2001:db8:1::/64 mtu 1300', 'n0 route 2001:db8:2::/64 mtu 1300']);
		expect(await field('n1', 'mv0', 'mtu')).toBe('1300');
		expect([await routeMtu('2001:db8:1::/64'), await routeMtu('2001:db8:2::/64')]).toEqual([1300, 1300]);
		expect(down.also).toEqual([]);
		const up = await preview(() => linkSettingsPlan({ns: 'n0', link: 'e0', up: true, mtu: {from: 1300, to: 1500}}));
		expect(up.predicted).toEqual(['n0 route 2001:db8:1::/64 mtu 1500', 'n0 route 2001:db8:2::/64 mtu 1500']);
		expect([await routeMtu('2001:db8:1::/64'), await routeMtu('2001:db8:2::/64'), await field('n1', 'mv0', 'mtu')]).toEqual([1500, 1500, '1300']);
		expect(up.also).toEqual([]);
	});
});
