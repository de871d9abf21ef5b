// The guard covers the whole path of the SSH session (issue 26), judged on the world read from the
// kernel and on the world each plan would leave. The server's address 10.1.1.4 is on bridge br0, whose
// port hp0 leads to namespace lan (the gateway 10.1.1.254, which forwards) and hp1 to namespace spare;
// the client 10.2.2.5 is reached by the default route, and `side` is another way out of the host.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {sessionPath} from '../../source/model/ssh-session.js';
import type {World} from '../../source/model/types.js';
import {detachPlan} from '../../source/plans/bridge-plans.js';
import {deleteLinkPlan, movePlan, togglePlan} from '../../source/plans/link-plans.js';
import {deleteNamespacePlan} from '../../source/plans/namespace-plans.js';
import {addRoutePlan, deleteRoutePlan, forwardingPlan} from '../../source/plans/route-plans.js';
import {addRulePlan, deleteRulePlan} from '../../source/plans/rule-plans.js';
import {sessionRisk} from '../../source/plans/session-guard.js';
import {createRealSystem} from '../../source/system/system.js';
import {requireSandbox, resetWorld, sh} from '../support/sandbox.js';

const SESSION = {client: '10.2.2.5', server: '10.1.1.4'};
let world: World;

async function port(name: string, ns: string, address: string): Promise<void> {
	await sh('ip', 'netns', 'add', ns);
	await sh('ip', 'link', 'add', 'name', name, 'type', 'veth', 'peer', 'name', 'p0');
	await sh('ip', 'link', 'set', 'dev', 'p0', 'netns', ns);
	await sh('ip', '-n', ns, 'addr', 'add', address, 'dev', 'p0');
	await sh('ip', '-n', ns, 'link', 'set', 'dev', 'p0', 'up');
	await sh('ip', 'link', 'set', 'dev', name, 'master', 'br0', 'up');
}

beforeAll(async () => {
	requireSandbox();
	await resetWorld();
	await sh('ip', 'link', 'add', 'name', 'br0', 'type', 'bridge');
	await sh('ip', 'link', 'set', 'dev', 'br0', 'up');
	await sh('ip', 'addr', 'add', '10.1.1.4/24', 'dev', 'br0');
	await port('hp0', 'lan', '10.1.1.254/24');
	await port('hp1', 'spare', '10.1.1.9/24');
	await sh('ip', 'netns', 'exec', 'lan', 'sysctl', '-qw', 'net.ipv4.ip_forward=1');
	await sh('ip', 'link', 'add', 'name', 'side', 'type', 'veth', 'peer', 'name', 'side1');
	await sh('ip', 'link', 'set', 'dev', 'side', 'up');
	await sh('ip', 'addr', 'add', '10.3.3.1/24', 'dev', 'side');
	await sh('ip', 'route', 'add', 'default', 'via', '10.1.1.254', 'dev', 'br0');
	// The bridge learns which port the gateway is behind: the guard reads its forwarding database.
	await sh('ping', '-c', '1', '-W', '2', '10.1.1.254');
	world = await createRealSystem({lab: true}).readWorld();
});
afterAll(resetWorld);

const path = () => sessionPath(world, SESSION);
const risky = (plan: Parameters<typeof sessionRisk>[0]) => sessionRisk(plan, path(), world);

describe('the guard covers the whole path', () => {
	it('finds the path: br0, its port toward the gateway, the default route, and lan that forwards', () => {
		const found = path();
		expect([...(found?.links ?? [])].sort()).toEqual(['br0', 'hp0']);
		expect(found?.route).toMatchObject({dst: 'default', gateway: '10.1.1.254', dev: 'br0'});
		expect([...(found?.hops ?? [])]).toEqual(['lan']);
	});

	it('Space, d and detach on the bridge port toward the client warn; on another port they do not', () => {
		expect(risky(togglePlan('host', 'hp0', false))?.confirm).toBe('hp0');
		expect(risky(deleteLinkPlan('host', 'hp0', 'veth'))?.reason).toMatch(/runs over hp0/);
		expect(risky(detachPlan({ns: 'host', link: 'hp0', bridge: 'br0'}))?.confirm).toBe('br0');
		expect(risky(togglePlan('host', 'hp1', false))).toBeUndefined();
	});

	it('a more specific route to the client through another interface is caught before it runs', () => {
		const steal = risky(addRoutePlan({ns: 'host', dst: '10.2.2.0/25', via: '10.3.3.2', dev: 'side', family: 4}));
		expect(steal?.reason).toContain('the host would reach your SSH client 10.2.2.5 by 10.2.2.0/25 via 10.3.3.2 dev side instead of default via 10.1.1.254 dev br0');
		expect(steal?.undoable).toBe(true);
		expect(risky(addRoutePlan({ns: 'host', dst: '10.2.9.0/24', via: '10.3.3.2', dev: 'side', family: 4}))).toBeUndefined();
	});

	it('deleting the route the session takes, in whatever table the rules send it to, is caught', async () => {
		const route = path()?.route;
		expect(route && risky(deleteRoutePlan('host', route))?.reason).toMatch(/reaches your SSH client/);
		await sh('ip', 'route', 'add', '10.2.2.0/24', 'via', '10.1.1.254', 'dev', 'br0', 'table', '100');
		await sh('ip', 'rule', 'add', 'from', '10.1.1.4', 'lookup', '100', 'priority', '100');
		try {
			const ruled = await createRealSystem({lab: true}).readWorld();
			const viaRule = sessionPath(ruled, SESSION);
			expect(viaRule?.route).toMatchObject({dst: '10.2.2.0/24', table: '100'});
			expect(viaRule?.route && sessionRisk(deleteRoutePlan('host', viaRule.route), viaRule, ruled)?.confirm).toBe('br0');
		} finally {
			await sh('ip', 'rule', 'del', 'from', '10.1.1.4', 'lookup', '100', 'priority', '100');
			await sh('ip', 'route', 'del', '10.2.2.0/24', 'table', '100');
		}
	});

	it('a rule that sends the session elsewhere, or ends its lookup, is caught before it runs; deleting the rule it takes too', async () => {
		const rule = {family: 4 as const, priority: 50, not: false, from: 'all', to: '10.2.2.0/24'};
		expect(risky(addRulePlan('host', {...rule, action: 'prohibit'}))?.reason).toContain('the host would have no route to your SSH client 10.2.2.5 (it takes default via 10.1.1.254 dev br0 now)');
		await sh('ip', 'route', 'add', '10.2.0.0/16', 'via', '10.3.3.2', 'dev', 'side', 'table', '300');
		try {
			const tabled = await createRealSystem({lab: true}).readWorld();
			const elsewhere = sessionRisk(addRulePlan('host', {...rule, table: '300'}), sessionPath(tabled, SESSION), tabled);
			expect(elsewhere?.reason).toContain('by 10.2.0.0/16 via 10.3.3.2 dev side table 300 instead of default via 10.1.1.254 dev br0');
		} finally {
			await sh('ip', 'route', 'del', '10.2.0.0/16', 'table', '300');
		}
		expect(risky(addRulePlan('host', {...rule, to: '10.9.0.0/16', action: 'prohibit'}))).toBeUndefined();
		// The session taken through a rule to table 100: deleting that rule leaves it the main table's way.
		await sh('ip', 'route', 'add', '10.2.2.0/24', 'via', '10.3.3.2', 'dev', 'side', 'table', '100');
		await sh('ip', 'rule', 'add', 'from', '10.1.1.4', 'lookup', '100', 'priority', '100');
		try {
			const ruled = await createRealSystem({lab: true}).readWorld();
			const taken = {family: 4 as const, priority: 100, not: false, from: '10.1.1.4', table: '100'};
			expect(sessionRisk(deleteRulePlan('host', taken), sessionPath(ruled, SESSION), ruled)?.reason).toContain('instead of 10.2.2.0/24 via 10.3.3.2 dev side');
		} finally {
			await sh('ip', 'rule', 'del', 'from', '10.1.1.4', 'lookup', '100', 'priority', '100');
			await sh('ip', 'route', 'del', '10.2.2.0/24', 'table', '100');
		}
	});

	it('forwarding off in the namespace that routes the session, deleting it, or taking its link down or away is caught', () => {
		expect(risky(forwardingPlan('lan', 4, false))?.reason).toMatch(/namespace lan routes your SSH session/);
		expect(risky(deleteNamespacePlan(world, 'lan'))?.reason).toMatch(/lan/);
		expect(risky(deleteNamespacePlan(world, 'spare'))).toBeUndefined();
		expect(risky(togglePlan('lan', 'p0', false))?.reason).toMatch(/namespace lan routes your SSH session/);
		expect(risky(movePlan({from: 'lan', link: 'p0', to: 'host'}))?.confirm).toBe('lan');
		expect(risky(togglePlan('spare', 'p0', false))).toBeUndefined();
	});
});
