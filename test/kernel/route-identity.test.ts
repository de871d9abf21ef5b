// Routes are told apart by every word ip prints (issues 26 and 28): two routes to one prefix that differ
// only in tos or in their source prefix are each deleted and restored exactly; a route through a nexthop
// object is shown with its nhid, deleted and put back by it; a vxlan's own FDB is read. Each case runs with
// both readers: the helper and `ip -j`.
import {beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {formatRoute} from '../../source/model/format.js';
import {routeKey} from '../../source/model/route-identity.js';
import type {Netns, Route} from '../../source/model/types.js';
import {deleteRouteForm} from '../../source/plans/forms/route-forms.js';
import {runPlan, undoSequence} from '../../source/plans/run-plan.js';
import {findNetdump} from '../../source/system/netdump-binary.js';
import {runCommand} from '../../source/system/runner.js';
import {readWorld} from '../../source/system/snapshot.js';
import {requireSandbox, resetWorld, sh} from '../support/sandbox.js';

const NS = 'rt1';
const ip = (...args: string[]): Promise<string> => sh('ip', '-n', NS, ...args);

beforeAll(requireSandbox);
beforeEach(async () => {
	await resetWorld();
	await sh('ip', 'netns', 'add', NS);
	await ip('link', 'add', 'd0', 'type', 'veth', 'peer', 'name', 'd1');
	await ip('link', 'set', 'd0', 'up');
	await ip('link', 'set', 'd1', 'up');
	await ip('addr', 'add', '10.0.6.2/24', 'dev', 'd0');
	await ip('addr', 'add', '2001:db8:1::2/64', 'dev', 'd0', 'nodad');
});

const readers = [
	['the helper', findNetdump()],
	['ip', undefined],
] as const;

async function namespace(netdump: string | undefined): Promise<Netns> {
	const ns = (await readWorld(runCommand, netdump)).namespaces.find((n) => n.id === NS);
	if (!ns) throw new Error(`${NS} was not read`);
	return ns;
}

/**
 * Every route as ip prints it with details, sorted: what must come back after delete and undo. Not the
 * local table, where a link-local address lands whenever its duplicate detection ends.
 */
async function kernelRoutes(): Promise<string[]> {
	const lines = [...(await ip('-d', 'route', 'show', 'table', 'all')).split('\n'), ...(await ip('-6', '-d', 'route', 'show', 'table', 'all')).split('\n')];
	// Seconds left tick on: that a route expires is compared, not when.
	return lines.filter((line) => line.trim() !== '' && !line.includes('table local')).map((line) => line.replace(/expires \d+sec/, 'expires')).sort();
}

/** Deletes `route` as the `d` key does, checks only it went, undoes, and checks the kernel is as before. */
async function deleteAndUndo(netdump: string | undefined, route: Route): Promise<void> {
	const world = await readWorld(runCommand, netdump);
	const before = await namespace(netdump);
	const kernelBefore = await kernelRoutes();
	const form = deleteRouteForm({world, ns: NS}, route);
	if (typeof form === 'string') throw new Error(form);
	const plan = form.plan({}, world);
	const result = await runPlan(plan, {run: (argv) => runCommand(argv), log: () => {}});
	expect(result.error).toBeUndefined();
	const after = await namespace(netdump);
	expect(after.routes.map(routeKey).sort()).toEqual(before.routes.filter((r) => routeKey(r) !== routeKey(route)).map(routeKey).sort());
	for (const undo of undoSequence(plan.steps)) expect((await runCommand(undo)).exitCode, undo.join(' ')).toBe(0);
	expect(await kernelRoutes()).toEqual(kernelBefore);
}

describe.each(readers)('routes read by %s', (_reader, netdump) => {
	it('tells a tos 0x10 route from the tos-0 one to the same prefix, and deletes and restores each exactly', async () => {
		await ip('route', 'add', '10.80.0.0/24', 'dev', 'd0', 'proto', 'boot');
		await ip('route', 'add', '10.80.0.0/24', 'tos', '0x10', 'dev', 'd0', 'proto', 'boot');
		const pair = (await namespace(netdump)).routes.filter((r) => r.dst === '10.80.0.0/24');
		expect(pair.map(formatRoute).sort()).toEqual(['10.80.0.0/24 dev d0 scope link', '10.80.0.0/24 tos 0x10 dev d0 scope link']);
		expect(new Set(pair.map(routeKey)).size).toBe(2);
		for (const route of pair) await deleteAndUndo(netdump, route);
	});

	it('tells an IPv6 route `from 2001:db8:9::/64` from the one for every source', async () => {
		await ip('-6', 'route', 'add', '2001:db8:80::/64', 'dev', 'd0', 'proto', 'boot');
		await ip('-6', 'route', 'add', '2001:db8:80::/64', 'from', '2001:db8:9::/64', 'dev', 'd0', 'proto', 'boot');
		const pair = (await namespace(netdump)).routes.filter((r) => r.dst === '2001:db8:80::/64');
		expect(pair.map(formatRoute).sort()).toEqual(['2001:db8:80::/64 dev d0 metric 1024 pref medium', '2001:db8:80::/64 from 2001:db8:9::/64 dev d0 metric 1024 pref medium']);
		expect(new Set(pair.map(routeKey)).size).toBe(2);
		for (const route of pair) await deleteAndUndo(netdump, route);
	});

	it('shows a route through nexthop object 7 with `nhid 7`, reads the objects and groups, deletes and restores it by its nhid', async () => {
		await ip('nexthop', 'add', 'id', '7', 'via', '10.0.6.1', 'dev', 'd0');
		await ip('nexthop', 'add', 'id', '8', 'via', '10.0.6.3', 'dev', 'd0');
		await ip('nexthop', 'add', 'id', '9', 'group', '7,2/8');
		await ip('route', 'add', '10.204.0.0/16', 'nhid', '7', 'proto', 'static');
		await ip('route', 'add', '10.205.0.0/16', 'nhid', '9');
		const ns = await namespace(netdump);
		expect(ns.nexthops).toEqual([
			expect.objectContaining({id: 7, gateway: '10.0.6.1', dev: 'd0'}),
			expect.objectContaining({id: 8, gateway: '10.0.6.3', dev: 'd0'}),
			expect.objectContaining({id: 9, group: [{id: 7, weight: 2}, {id: 8, weight: 1}]}),
		]);
		const single = ns.routes.find((r) => r.dst === '10.204.0.0/16');
		const group = ns.routes.find((r) => r.dst === '10.205.0.0/16');
		expect(single && formatRoute(single)).toBe('10.204.0.0/16 nhid 7 via 10.0.6.1 dev d0 proto static');
		expect(group && formatRoute(group)).toBe('10.205.0.0/16 nhid 9 nexthop via 10.0.6.1 dev d0 weight 2 nexthop via 10.0.6.3 dev d0 weight 1');
		if (!single || !group) throw new Error('nhid routes not read');
		await deleteAndUndo(netdump, single);
		await deleteAndUndo(netdump, group);
		expect(await ip('route', 'show', '10.204.0.0/16')).toContain('nhid 7');
	});

	it('deletes and restores a route with onlink, mtu, advmss and a source address', async () => {
		await ip('route', 'add', '10.206.0.0/16', 'via', '10.9.6.1', 'dev', 'd0', 'onlink', 'mtu', '1400', 'advmss', '1360', 'src', '10.0.6.2', 'proto', 'static');
		const route = (await namespace(netdump)).routes.find((r) => r.dst === '10.206.0.0/16');
		expect(route && formatRoute(route)).toBe('10.206.0.0/16 via 10.9.6.1 dev d0 proto static src 10.0.6.2 onlink mtu 1400 advmss 1360');
		if (route) await deleteAndUndo(netdump, route);
	});

	it('deletes and restores routes of every type, table and metric, in both families', async () => {
		await ip('route', 'add', 'blackhole', '10.66.0.0/16', 'proto', 'static');
		await ip('route', 'add', 'unreachable', '10.67.0.0/16', 'table', '100', 'metric', '5');
		await ip('route', 'add', 'prohibit', '10.68.0.0/16');
		await ip('route', 'add', 'throw', '10.69.0.0/16', 'table', '100');
		await ip('-6', 'route', 'add', 'blackhole', '2001:db8:66::/48');
		await ip('-6', 'route', 'add', '2001:db8:67::/48', 'via', '2001:db8:1::5', 'table', '100', 'metric', '7', 'pref', 'high');
		await ip('-6', 'route', 'add', '2001:db8:68::/48', 'via', '2001:db8:1::5', 'expires', '300');
		const made = ['10.66.0.0/16', '10.67.0.0/16', '10.68.0.0/16', '10.69.0.0/16', '2001:db8:66::/48', '2001:db8:67::/48', '2001:db8:68::/48'];
		const routes = (await namespace(netdump)).routes.filter((r) => made.includes(r.dst));
		expect(routes.map((r) => r.dst).sort()).toEqual(made);
		for (const route of routes) await deleteAndUndo(netdump, route);
		// Put back with the seconds it had left, not for ever.
		expect(await ip('-6', 'route', 'show', '2001:db8:68::/48')).toMatch(/expires \d+sec/);
	});
});

describe.each(readers.slice(0, 1))('a vxlan read by %s', (_reader, netdump) => {
	it('has its own FDB entries: self, dst, vni and port', async () => {
		await ip('link', 'add', 'vx0', 'type', 'vxlan', 'id', '42', 'dstport', '4789', 'local', '10.0.6.2', 'dev', 'd0');
		await sh('bridge', '-n', NS, 'fdb', 'append', '00:00:00:00:00:00', 'dev', 'vx0', 'dst', '10.60.0.1', 'self');
		await sh('bridge', '-n', NS, 'fdb', 'append', '00:00:00:00:00:00', 'dev', 'vx0', 'dst', '10.60.0.2', 'self', 'vni', '43', 'port', '4790');
		const fdb = (await namespace(netdump)).fdb?.filter((e) => e.dev === 'vx0');
		expect(fdb).toEqual([
			{mac: '00:00:00:00:00:00', dev: 'vx0', dst: '10.60.0.1', flags: ['self'], state: 'permanent'},
			{mac: '00:00:00:00:00:00', dev: 'vx0', dst: '10.60.0.2', port: 4790, vni: 43, flags: ['self'], state: 'permanent'},
		]);
	});
});
