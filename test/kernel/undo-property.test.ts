// Run then undo gives back the world as it was, for every plan builder in source/plans that this kernel can
// carry out, over seeded random worlds (test/support/undo-world.ts says what they hold and how they are
// compared). A plan that declares itself dangerous (undo cannot make again what it deletes) is held to
// saying so: its undo names what it could not bring back.
// Not here, each for its reason: the kinds this kernel cannot make (vlan, ipvlan, bond, vrf, dummy,
// wireguard, netem), tested as plans with exact argv; tutorialSetupPlan and tutorialResetPlan, raw
// commands with no undo (a tutorial's reset is its inverse); destroyPlan, diffWorld and the nexthop
// replace plans, made of the builders below (combinePlans, deleteNexthopPlan, addExactRoutePlan, …).
import {spawn, type ChildProcess} from 'node:child_process';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import type {Route} from '../../source/model/types.js';
import {parseQdiscs} from '../../source/model/traffic/qdisc.js';
import {addAddressPlan, deleteAddressPlan} from '../../source/plans/address-plans.js';
import {bridgePlan, connectPlan, detachPlan} from '../../source/plans/bridge-plans.js';
import {combinePlans} from '../../source/plans/combine-plans.js';
import {linkSettingsPlan} from '../../source/plans/link-settings-plan.js';
import {deleteLinkPlan, movePlan, togglePlan} from '../../source/plans/link-plans.js';
import {makeLinkPlan} from '../../source/plans/made-link-plans.js';
import {attachNamespacePlan, deleteNamespacePlan, newNamespacePlan} from '../../source/plans/namespace-plans.js';
import type {Plan} from '../../source/plans/plan.js';
import {addRoutePlan, deleteRoutePlan, forwardingPlan} from '../../source/plans/route-plans.js';
import {addRulePlan, deleteRulePlan} from '../../source/plans/rule-plans.js';
import {runPlan, undoPlan} from '../../source/plans/run-plan.js';
import {shapePlan, unshapePlan} from '../../source/plans/shaping-plans.js';
import {stackedDevicePlan} from '../../source/plans/stacked-device-plan.js';
import {kernelAccess} from '../../source/plans/transaction.js';
import {vethPlan} from '../../source/plans/veth-plan.js';
import {addExactRoutePlan, deleteNexthopPlan} from '../../source/plans/world-diff-tables.js';
import {runCommand} from '../../source/system/runner.js';
import {readWorld} from '../../source/system/snapshot.js';
import {createRealSystem} from '../../source/system/system.js';
import {buildWorld, NAMESPACES, random, settled} from '../support/undo-world.js';
import {requireSandbox, resetWorld, sh} from '../support/sandbox.js';

const children: ChildProcess[] = [];

/** A namespace held only by a process (what `ip netns attach` names): its PID. */
async function processHeld(): Promise<number> {
	const child = spawn('unshare', ['--net', '--', 'sleep', '1000'], {stdio: 'ignore'});
	children.push(child);
	const pid = child.pid;
	if (pid === undefined) throw new Error('unshare did not start');
	await vi.waitFor(async () => expect(await sh('readlink', `/proc/${pid}/exe`)).toMatch(/sleep\s*$/), {timeout: 3000});
	return pid;
}

const heldBy = (pid: number) => ({from: `/proc/${pid}/ns/net`, pid, name: 'n4'});

const qdiscsOf = async (ns: string, link: string) => parseQdiscs(await sh('tc', '-n', ns, '-j', 'qdisc', 'show', 'dev', link));

/** The plan builders, each on a target the seed picks from the world as nsdeck reads it. */
async function plans(seed: number): Promise<Array<[string, Plan]>> {
	const pick = random(seed * 7);
	const any = <T,>(items: readonly T[]): T => items[Math.floor(pick() * items.length)];
	const world = await readWorld(runCommand);
	const n0 = world.namespaces.find((n) => n.id === 'n0');
	if (!n0) throw new Error('no n0');
	// Every route of n0 that nsdeck or the test added, tos and `from` included.
	const routes = n0.routes.filter((r: Route) => r.protocol !== 'kernel');
	const paired = (differs: (r: Route) => boolean): Route => {
		const found = routes.find((r) => r.table === '200' && /^(?:10\.99\.0\.0\/24|2001:db8:99::\/64)$/.test(r.dst) && differs(r));
		if (!found) throw new Error('the world has no such route');
		return found;
	};
	const addresses = n0.links.flatMap((l) => l.addresses.filter((a) => a.scope === 'global').map((a) => ({link: l.name, cidr: a.cidr})));
	const address = any(addresses);
	const s = String(seed);
	const tbf = {rate: any(['2mbit', '500kbit']), burst: '32kbit', latency: '400ms'};
	const exact = {family: 4 as const, to: `10.${s}.6.0/24`, via: `10.${s}.0.2`, dev: 'e0', table: any(['main', '200']), type: 'unicast', proto: 'boot', metric: 9};
	return [
		['set down', togglePlan('n0', any(['e0', 'br0', 'p1']), false)],
		['delete an address', deleteAddressPlan({ns: 'n0', link: address.link, cidr: address.cidr})],
		['delete a route', deleteRoutePlan('n0', any(routes))],
		['delete the tos 0x10 route of a pair', deleteRoutePlan('n0', paired((r) => r.tos !== undefined))],
		['delete the tos-0 route of a pair', deleteRoutePlan('n0', paired((r) => r.family === 4 && r.tos === undefined))],
		['delete the `from` route of a pair', deleteRoutePlan('n0', paired((r) => r.from !== undefined))],
		['delete the route of a pair with no `from`', deleteRoutePlan('n0', paired((r) => r.family === 6 && r.from === undefined))],
		['detach a port', detachPlan({ns: 'n0', link: any(['p1', 'p2']), bridge: 'br0'})],
		['move a veth end away', movePlan({from: 'n2', link: 'e1', to: 'n1'})],
		['change an MTU', linkSettingsPlan({ns: 'n0', link: 'e0', up: true, mtu: {from: 1500, to: 1400}})],
		['turn forwarding on', forwardingPlan('n1', 4, true)],
		['add a route', addRoutePlan({ns: 'n0', dst: `10.${s}.9.0/24`, via: `10.${s}.0.2`, dev: '', family: 4})],
		['add a veth pair', vethPlan({name1: 'x1', ns1: 'n0', address1: '10.250.0.1/24', name2: 'x2', ns2: 'n1', address2: '', up: true, bridge1: 'br0'})],
		['add an address', addAddressPlan({ns: 'n0', link: any(['e0', 'br0', 'p1']), cidr: any([`10.${s}.7.1/24`, `fd00:${s}:7::1/64`])})],
		['set up', togglePlan('n1', any(['mv0', 'vx0']), true)],
		['add a bridge', bridgePlan({name: 'br9', ns: 'n1', address: `10.${s}.9.1/24`, up: true})],
		['connect a port', connectPlan({ns: 'n0', link: 'p3', bridge: any(['br0', 'br1'])})],
		['rename', linkSettingsPlan({ns: 'n0', link: any(['p1', 'e0']), up: true, name: 'renamed0'})],
		['change a MAC', linkSettingsPlan({ns: 'n0', link: 'p2', up: true, mac: {from: n0.links.find((l) => l.name === 'p2')?.mac ?? '', to: '02:00:00:00:aa:01'}})],
		['add a namespace', newNamespacePlan({name: 'n3', loUp: true})],
		['name a namespace', attachNamespacePlan(heldBy(await processHeld()))],
		['add a macvlan elsewhere', stackedDevicePlan({kind: 'macvlan', parentNs: 'n0', parent: 'e0', name: 'mv9', into: 'n2', up: true, mode: any(['bridge', 'private', 'vepa'])})],
		['add a macvtap', stackedDevicePlan({kind: 'macvtap', parentNs: 'n0', parent: 'p3', name: 'mt9', into: 'n0', up: false, mode: 'bridge'})],
		['add a vxlan elsewhere', stackedDevicePlan({kind: 'vxlan', parentNs: 'n0', parent: 'e0', name: 'vx9', into: 'n1', up: true, id: 900 + seed, dstport: 4790, local: `10.${s}.0.1`})],
		['make a tun or tap', makeLinkPlan('n1', {name: 'tt9', kind: any(['tun', 'tap'] as const), external: false, addresses: []})],
		['make a vxlan with no underlay', makeLinkPlan('n2', {name: 'vx8', kind: 'vxlan', external: false, addresses: [], id: 800 + seed, remote: '192.0.2.8'})],
		['make a macvlan from a file', makeLinkPlan('n1', {name: 'mv8', kind: 'macvlan', external: false, addresses: [], mode: 'bridge'}, {ns: 'n0', name: 'p3'})],
		['make a bridge from a file', makeLinkPlan('n2', {name: 'br8', kind: 'bridge', external: false, addresses: []})],
		['add a rule', addRulePlan('n0', {family: 4, priority: 500 + seed, not: false, from: `10.${s}.5.0/24`, table: '200'})],
		['delete a rule', deleteRulePlan('n0', {family: 4, priority: 100 + seed, not: false, from: `10.${s}.0.0/24`, table: '100'})],
		['turn IPv6 forwarding on', forwardingPlan('n0', 6, true)],
		['add an exact route', addExactRoutePlan('n0', exact)],
		['replace a route', combinePlans('Replace route', [deleteRoutePlan('n0', any(routes)), addExactRoutePlan('n0', {...exact, to: `10.${s}.4.0/24`})])],
		['delete a nexthop object', deleteNexthopPlan('n0', {id: 7, via: `10.${s}.0.2`, dev: 'e0'})],
		['limit a rate', shapePlan({ns: 'n0', link: 'p1', tbf, current: await qdiscsOf('n0', 'p1')})],
		['change a rate limit', shapePlan({ns: 'n0', link: 'p2', tbf, current: await qdiscsOf('n0', 'p2')})],
		['remove a rate limit', unshapePlan('n0', 'p2', await qdiscsOf('n0', 'p2'))],
	];
}

beforeAll(requireSandbox);
afterAll(async () => {
	for (const child of children) child.kill('SIGKILL');
	await resetWorld();
});

const options = (kernel: NonNullable<ReturnType<typeof kernelAccess>>) => ({run: (argv: readonly string[]) => runCommand(argv), log: () => {}, kernel});

describe.each([11, 12, 13])('world %i: run then undo gives the world back', (seed) => {
	it('for every plan builder', async () => {
		await buildWorld(seed);
		const kernel = kernelAccess(createRealSystem({lab: true}), () => NAMESPACES);
		if (!kernel) throw new Error('the real system reads the kernel');
		for (const [what, plan] of await plans(seed)) {
			const before = await settled(what);
			const result = await runPlan(plan, options(kernel));
			expect(result.ok, `${what}: ${result.error}`).toBe(true);
			const undone = await undoPlan(plan, result.before, options(kernel));
			expect(undone.left, `${what}: ${undone.ran.filter((r) => !r.ok).map((r) => `${r.argv.join(' ')}: ${r.error}`).join('; ')}`).toEqual([]);
			expect(await settled(what), what).toEqual(before);
		}
	}, 600_000);

	it('a dangerous plan\'s undo names what it cannot make again', async () => {
		await buildWorld(seed);
		const kernel = kernelAccess(createRealSystem({lab: true}), () => NAMESPACES);
		if (!kernel) throw new Error('the real system reads the kernel');
		const world = await readWorld(runCommand);
		const dangerous: Array<[string, Plan, string]> = [
			['delete a veth', deleteLinkPlan('n0', 'p3', 'veth'), 'q3'],
			['delete a namespace', deleteNamespacePlan(world, 'n2'), 'namespace n2'],
		];
		for (const [what, plan, gone] of dangerous) {
			expect(plan.dangerous, what).toBe(true);
			const result = await runPlan(plan, options(kernel));
			expect(result.ok, `${what}: ${result.error}`).toBe(true);
			const undone = await undoPlan(plan, result.before, options(kernel));
			expect(undone.ok, what).toBe(false);
			expect(undone.left.some((line) => line.includes(gone) && line.includes('cannot make it again')), `${what}: ${undone.left.join('; ')}`).toBe(true);
		}
	}, 120_000);
});
