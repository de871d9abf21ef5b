// Run then undo gives back the world as it was, over seeded random worlds: veths, a bridge with ports,
// macvlan, macvtap and vxlan on an underlay in other namespaces, routes in several tables with tos, from,
// metrics and MTUs, IPv6 addresses, rules and permanent neighbours. Compared as `ip -d -j` prints
// link, addr, route, rule and neigh (permanent) in every namespace, less only what ALLOWED lists.
import {beforeAll, describe, expect, it} from 'vitest';
import type {Route} from '../../source/model/types.js';
import {deleteAddressPlan} from '../../source/plans/address-plans.js';
import {detachPlan} from '../../source/plans/bridge-plans.js';
import {linkSettingsPlan} from '../../source/plans/link-settings-plan.js';
import {movePlan, togglePlan} from '../../source/plans/link-plans.js';
import type {Plan} from '../../source/plans/plan.js';
import {addRoutePlan, deleteRoutePlan, forwardingPlan} from '../../source/plans/route-plans.js';
import {runPlan, undoPlan} from '../../source/plans/run-plan.js';
import {kernelAccess} from '../../source/plans/transaction.js';
import {vethPlan} from '../../source/plans/veth-plan.js';
import {runCommand} from '../../source/system/runner.js';
import {readWorld} from '../../source/system/snapshot.js';
import {createRealSystem} from '../../source/system/system.js';
import {ipJson, requireSandbox, resetWorld, sh} from '../support/sandbox.js';

/**
 * What may differ after run and undo, each because only the kernel sets it anew: bridge and port timers
 * (they tick), whether an IPv6 address is still in duplicate detection (off in these worlds, see
 * buildWorld), a route's flags (linkdown follows the carrier), and the order ip lists addresses and routes
 * in (it lists them as they were added). And the ifindex a link gets anew when it moves out of a namespace
 * and back, with the link_index of its peer that names it: only for the plan that moves one.
 */
const ALLOWED = {keySuffix: '_timer', addressKeys: ['tentative'], routeKeys: ['flags'], order: true, reindexed: {plans: ['move a veth end away'], keys: ['ifindex', 'link_index']}} as const;

const NAMESPACES = ['n0', 'n1', 'n2'];

/** A small seeded generator (mulberry32): the same worlds every run. */
function random(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function strip(value: unknown, also: readonly string[]): unknown {
	if (Array.isArray(value)) return value.map((v) => strip(v, also));
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) {
			if (k.endsWith(ALLOWED.keySuffix) || [...ALLOWED.addressKeys, ...ALLOWED.routeKeys, ...also].includes(k)) continue;
			out[k] = strip(v, also);
		}
		return out;
	}
	return value;
}

/** Every namespace as ip -d -j prints it, less what ALLOWED lists (`what`: the plan that ran). */
async function dump(what: string): Promise<Record<string, unknown>> {
	const also: readonly string[] = (ALLOWED.reindexed.plans as readonly string[]).includes(what) ? ALLOWED.reindexed.keys : [];
	const sorted = (rows: unknown[]): string[] => rows.map((r) => JSON.stringify(strip(r, also))).sort();
	const out: Record<string, unknown> = {};
	for (const ns of NAMESPACES) {
		const n = ['-n', ns, '-d'];
		const addrs = (await ipJson<{addr_info?: unknown[]}>(...n, 'addr', 'show')).map((l) => ({...l, addr_info: sorted(l.addr_info ?? [])}));
		out[ns] = {
			link: sorted(await ipJson(...n, 'link', 'show')),
			addr: sorted(addrs),
			route: sorted(await ipJson(...n, 'route', 'show', 'table', 'all')),
			rule: sorted([...(await ipJson(...n, 'rule', 'show')), ...(await ipJson(...n, '-6', 'rule', 'show'))]),
			neigh: sorted(await ipJson(...n, 'neigh', 'show', 'nud', 'permanent')),
			forwarding: await sh('ip', 'netns', 'exec', ns, 'cat', '/proc/sys/net/ipv4/ip_forward', '/proc/sys/net/ipv6/conf/all/forwarding'),
		};
	}
	return out;
}

/** Builds the world; says which routes nsdeck's route records name exactly (no tos, no from: issue 26's route identity is another change). */
/**
 * The dump once the kernel has settled: a link's operstate, and the link-local address and routes that
 * come with its carrier, follow a moment after `ip` returns (linkwatch runs later). Waits until two dumps
 * agree: a condition, not a time.
 */
async function settled(what: string): Promise<Record<string, unknown>> {
	let last = await dump(what);
	for (let i = 0; i < 40; i++) {
		await new Promise((resolve) => setTimeout(resolve, 100));
		const next = await dump(what);
		if (JSON.stringify(next) === JSON.stringify(last)) return next;
		last = next;
	}
	return last;
}

async function buildWorld(seed: number): Promise<string[]> {
	const plain: string[] = [];
	const pick = random(seed);
	const any = <T,>(items: readonly T[]): T => items[Math.floor(pick() * items.length)];
	const s = String(seed);
	await resetWorld();
	for (const ns of NAMESPACES) {
		await sh('ip', 'netns', 'add', ns);
		// No duplicate detection: when it ends (a second after an IPv6 address appears) is timing, not state,
		// and so is the local-table route the kernel adds then.
		for (const conf of ['all', 'default']) await sh('ip', 'netns', 'exec', ns, 'sysctl', '-qw', `net.ipv6.conf.${conf}.accept_dad=0`);
	}
	const ip = (ns: string, ...args: string[]) => sh('ip', '-n', ns, ...args);
	await sh('ip', 'link', 'add', 'name', 'e0', 'netns', 'n0', 'type', 'veth', 'peer', 'name', 'e1', 'netns', 'n2');
	await ip('n0', 'addr', 'add', `10.${s}.0.1/24`, 'dev', 'e0');
	await ip('n0', 'addr', 'add', `fd00:${s}::1/64`, 'dev', 'e0', 'nodad');
	await ip('n2', 'addr', 'add', `10.${s}.0.2/24`, 'dev', 'e1');
	await ip('n0', 'link', 'add', 'br0', 'type', 'bridge');
	for (const port of ['1', '2']) {
		await sh('ip', 'link', 'add', 'name', `p${port}`, 'netns', 'n0', 'type', 'veth', 'peer', 'name', `q${port}`, 'netns', 'n1');
		await ip('n0', 'link', 'set', 'dev', `p${port}`, 'master', 'br0');
		await ip('n0', 'link', 'set', 'dev', `p${port}`, 'up');
		await ip('n1', 'link', 'set', 'dev', `q${port}`, 'up');
	}
	await ip('n0', 'addr', 'add', `10.${s}.1.1/24`, 'dev', 'br0');
	for (const [ns, link] of [['n0', 'e0'], ['n2', 'e1'], ['n0', 'br0']]) await ip(ns, 'link', 'set', 'dev', link, 'up');
	await ip('n0', 'link', 'add', 'link', 'e0', 'name', 'mv0', 'type', 'macvlan', 'mode', 'bridge');
	await ip('n0', 'link', 'set', 'dev', 'mv0', 'netns', 'n1');
	await ip('n0', 'link', 'add', 'link', 'e0', 'name', 'mt0', 'type', 'macvtap');
	await ip('n0', 'link', 'set', 'dev', 'mt0', 'netns', 'n2');
	await ip('n0', 'link', 'add', 'vx0', 'type', 'vxlan', 'id', s, 'dev', 'e0', 'local', `10.${s}.0.1`, 'dstport', '4789');
	await ip('n0', 'link', 'set', 'dev', 'vx0', 'netns', 'n1');
	for (let r = 0; r < 4; r++) {
		const table = any(['main', '100', '200']);
		const extra = [...(pick() < 0.5 ? ['metric', String(5 + r)] : []), ...(pick() < 0.5 ? ['mtu', '1400'] : [])];
		const tos = pick() < 0.5 ? ['tos', any(['0x10', '0x08'])] : [];
		const from = pick() < 0.5 ? ['from', '2001:db8:9::/64'] : [];
		await ip('n0', 'route', 'add', `10.${100 + r}.0.0/16`, ...tos, 'via', `10.${s}.0.2`, 'dev', 'e0', 'table', table, ...extra);
		await ip('n0', '-6', 'route', 'add', `2001:db8:${r}::/64`, ...from, 'via', `fd00:${s}::2`, 'dev', 'e0', 'table', table, ...extra);
		if (tos.length === 0) plain.push(`10.${100 + r}.0.0/16`);
		if (from.length === 0) plain.push(`2001:db8:${r}::/64`);
	}
	await ip('n0', 'route', 'add', 'default', 'via', `10.${s}.1.2`, 'dev', 'br0', 'table', any(['main', '100']));
	await ip('n0', 'rule', 'add', 'from', `10.${s}.0.0/24`, 'table', '100', 'priority', String(100 + seed));
	await ip('n0', 'neigh', 'add', `10.${s}.0.9`, 'lladdr', '02:00:00:00:00:09', 'dev', 'e0', 'nud', 'permanent');
	return [...plain, 'default'];
}

/** The plan builders, each on a target the seed picks from the world as nsdeck reads it. */
async function plans(seed: number, plain: readonly string[]): Promise<Array<[string, Plan]>> {
	const pick = random(seed * 7);
	const any = <T,>(items: readonly T[]): T => items[Math.floor(pick() * items.length)];
	const world = await readWorld(runCommand);
	const n0 = world.namespaces.find((n) => n.id === 'n0');
	if (!n0) throw new Error('no n0');
	const routes = n0.routes.filter((r: Route) => r.protocol !== 'kernel' && plain.includes(r.dst));
	const addresses = n0.links.flatMap((l) => l.addresses.filter((a) => a.scope === 'global').map((a) => ({link: l.name, cidr: a.cidr})));
	const address = any(addresses);
	const s = String(seed);
	return [
		['set down', togglePlan('n0', any(['e0', 'br0', 'p1']), false)],
		['delete an address', deleteAddressPlan({ns: 'n0', link: address.link, cidr: address.cidr})],
		['delete a route', deleteRoutePlan('n0', any(routes))],
		['detach a port', detachPlan({ns: 'n0', link: any(['p1', 'p2']), bridge: 'br0'})],
		['move a veth end away', movePlan({from: 'n2', link: 'e1', to: 'n1'})],
		['change an MTU', linkSettingsPlan({ns: 'n0', link: 'e0', up: true, mtu: {from: 1500, to: 1400}})],
		['turn forwarding on', forwardingPlan('n1', 4, true)],
		['add a route', addRoutePlan({ns: 'n0', dst: `10.${s}.9.0/24`, via: `10.${s}.0.2`, dev: '', family: 4})],
		['add a veth pair', vethPlan({name1: 'x1', ns1: 'n0', address1: '10.250.0.1/24', name2: 'x2', ns2: 'n1', address2: '', up: true, bridge1: 'br0'})],
	];
}

beforeAll(requireSandbox);

describe.each([11, 12, 13])('world %i: run then undo gives the world back', (seed) => {
	it('for every plan builder', async () => {
		const plain = await buildWorld(seed);
		const kernel = kernelAccess(createRealSystem({lab: true}), () => NAMESPACES);
		if (!kernel) throw new Error('the real system reads the kernel');
		for (const [what, plan] of await plans(seed, plain)) {
			const before = await settled(what);
			const result = await runPlan(plan, {run: (argv) => runCommand(argv), log: () => {}, kernel});
			expect(result.ok, `${what}: ${result.error}`).toBe(true);
			const undone = await undoPlan(plan, result.before, {run: (argv) => runCommand(argv), log: () => {}, kernel});
			expect(undone.left, `${what}: ${undone.ran.filter((r) => !r.ok).map((r) => `${r.argv.join(' ')}: ${r.error}`).join('; ')}`).toEqual([]);
			expect(await settled(what), what).toEqual(before);
		}
	}, 180_000);
});
