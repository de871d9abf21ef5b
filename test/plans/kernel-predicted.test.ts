// What the preview says the kernel changes by itself (plans/kernel-predicted.ts), on hand-built worlds with
// the numbers measured on Linux 6.18 (test/kernel/plan-predicted.test.ts checks them on the real kernel):
// a bridge's MAC follows its ports, stacked devices follow a lowered MTU, IPv6 route mtus follow their link.
import {describe, expect, it} from 'vitest';
import type {StateChange} from '../../source/model/kernel-diff.js';
import type {Link, Netns, Route, World} from '../../source/model/types.js';
import {connectPlan, detachPlan} from '../../source/plans/bridge-plans.js';
import {unexpectedChanges} from '../../source/plans/kernel-explained.js';
import {withPredicted} from '../../source/plans/kernel-predicted.js';
import {deleteLinkPlan} from '../../source/plans/link-plans.js';
import {linkSettingsPlan} from '../../source/plans/link-settings-plan.js';
import {addRulePlan, deleteRulePlan} from '../../source/plans/rule-plans.js';
import {WorldBuilder} from '../support/hand-world.js';

const withNs = (world: World, id: string, edit: (n: Netns) => Partial<Netns>): World => ({namespaces: world.namespaces.map((n) => (n.id === id ? {...n, ...edit(n)} : n))});
const macs = (n: Netns, byName: Record<string, string>): Partial<Netns> => ({links: n.links.map((l): Link => (byName[l.name] ? {...l, mac: byName[l.name]} : l))});

/** br0 in n0 with ports p1 (…:50) and p2 (…:30), its MAC their lowest; e0 outside it (…:10). */
function bridged(bridgeMac = '02:00:00:00:00:30'): World {
	const w = new WorldBuilder().namespace('n0').namespace('n1').veth('n0/p1', 'n1/q1').veth('n0/p2', 'n1/q2').veth('n0/e0', 'n1/f0').bridge('n0/br0', ['p1', 'p2']).build();
	return withNs(w, 'n0', (n) => macs(n, {p1: '02:00:00:00:00:50', p2: '02:00:00:00:00:30', e0: '02:00:00:00:00:10', br0: bridgeMac}));
}

describe("a bridge's MAC follows its ports", () => {
	it('when a port with a lower MAC joins', () => {
		const plan = withPredicted(bridged(), connectPlan({ns: 'n0', link: 'e0', bridge: 'br0'}));
		expect(plan.consequences).toContain('bridge br0 in n0 takes the MAC 02:00:00:00:00:10 (was 02:00:00:00:00:30): a bridge has the lowest MAC of its ports');
	});

	it('when the port whose MAC it has leaves, is deleted, or changes its MAC', () => {
		expect(withPredicted(bridged(), detachPlan({ns: 'n0', link: 'p2', bridge: 'br0'})).predicted).toEqual([{kind: 'linkField', ns: 'n0', link: 'br0', field: 'mac', from: '02:00:00:00:00:30', to: '02:00:00:00:00:50'}]);
		expect(withPredicted(bridged(), deleteLinkPlan('n0', 'p2', 'veth')).predicted?.[0]).toMatchObject({link: 'br0', to: '02:00:00:00:00:50'});
		expect(withPredicted(bridged(), linkSettingsPlan({ns: 'n0', link: 'p2', up: true, mac: {from: '02:00:00:00:00:30', to: '02:00:00:00:00:40'}})).predicted?.[0]).toMatchObject({link: 'br0', to: '02:00:00:00:00:40'});
	});

	it('to none when its last port leaves', () => {
		const alone = withNs(bridged(), 'n0', (n) => ({links: n.links.map((l) => (l.name === 'p2' ? {...l, master: undefined} : l))}));
		const plan = withPredicted(withNs(alone, 'n0', (n) => macs(n, {br0: '02:00:00:00:00:50'})), detachPlan({ns: 'n0', link: 'p1', bridge: 'br0'}));
		expect(plan.consequences?.at(-1)).toBe('bridge br0 in n0 takes the MAC 00:00:00:00:00:00 (was 02:00:00:00:00:50): a bridge has the lowest MAC of its ports, none when it has no port');
	});

	it('not when its MAC was set by hand (it is not its ports’ lowest), nor when a higher one joins', () => {
		expect(withPredicted(bridged('02:00:00:00:00:77'), connectPlan({ns: 'n0', link: 'e0', bridge: 'br0'})).predicted).toBeUndefined();
		const higher = withNs(bridged(), 'n0', (n) => macs(n, {e0: '02:00:00:00:00:90'}));
		expect(withPredicted(higher, connectPlan({ns: 'n0', link: 'e0', bridge: 'br0'})).predicted).toBeUndefined();
	});

	it('is not "the kernel also changed" after the run, once predicted', () => {
		const plan = withPredicted(bridged(), connectPlan({ns: 'n0', link: 'e0', bridge: 'br0'}));
		const mac: StateChange = {kind: 'linkField', ns: 'n0', link: 'br0', linkKind: 'bridge', field: 'mac', before: '02:00:00:00:00:30', after: '02:00:00:00:00:10'};
		expect(unexpectedChanges(plan, [mac])).toEqual([]);
		expect(unexpectedChanges(connectPlan({ns: 'n0', link: 'e0', bridge: 'br0'}), [mac])).toEqual([mac]);
	});
});

describe('a rule added or deleted', () => {
	const rule = {family: 4 as const, priority: 500, not: false, from: '10.5.0.0/24', table: '200'};
	const added: StateChange = {kind: 'rule', ns: 'n0', record: {priority: 500, src: '10.5.0.0', srclen: 24, table: '200'}, present: true};

	it('is the plan’s own change, not "the kernel also changed"', () => {
		expect(unexpectedChanges(addRulePlan('n0', rule), [added])).toEqual([]);
		expect(unexpectedChanges(deleteRulePlan('n0', rule), [{...added, present: false}])).toEqual([]);
	});

	it('is unexpected where the plan had no such rule', () => {
		expect(unexpectedChanges(addRulePlan('n0', {...rule, priority: 501}), [added])).toEqual([added]);
		expect(unexpectedChanges(addRulePlan('n1', rule), [added])).toEqual([added]);
		expect(unexpectedChanges(addRulePlan('n0', {...rule, table: '300'}), [added])).toEqual([added]);
	});
});

describe('an MTU change', () => {
	const route6 = (dst: string, mtu?: number): Route => ({family: 6, dst, gateway: 'fd00::2', dev: 'e0', table: 'main', type: 'unicast', flags: [], ...(mtu ? {metrics: {mtu}} : {})});
	function stackedOnE0(): World {
		const w = new WorldBuilder().namespace('n0').namespace('n1').veth('n0/e0', 'n1/f0').stacked('n1/mv0', 'macvlan', 'n0/e0').stacked('n0/vx0', 'vxlan', 'n0/e0').build();
		return withNs(w, 'n0', () => ({routes: [route6('2001:db8::/64', 1400), route6('2001:db8:1::/64'), route6('2001:db8:2::/64', 1500), {...route6('10.9.0.0/16', 1400), family: 4, gateway: '10.0.0.2'}]}));
	}

	it('lowered: macvlans on it follow (a vxlan does not), IPv6 routes above it drop to it', () => {
		const plan = withPredicted(stackedOnE0(), linkSettingsPlan({ns: 'n0', link: 'e0', up: true, mtu: {from: 1500, to: 1300}}));
		expect(plan.consequences).toEqual([
			'mv0 in n1 follows its lower device down: its MTU goes from 1500 to 1300 (and stays there when the lower device\'s rises again)',
			'the kernel sets the mtu of IPv6 route 2001:db8::/64 dev e0 in n0 from 1400 to 1300, with its link\'s',
			'the kernel sets the mtu of IPv6 route 2001:db8:2::/64 dev e0 in n0 from 1500 to 1300, with its link\'s',
		]);
	});

	it('raised: an IPv6 route whose mtu was the link’s rises with it; the others and the macvlan stay', () => {
		const plan = withPredicted(stackedOnE0(), linkSettingsPlan({ns: 'n0', link: 'e0', up: true, mtu: {from: 1500, to: 9000}}));
		expect(plan.predicted).toEqual([{kind: 'routeMtu', ns: 'n0', dst: '2001:db8:2::/64', dev: 'e0', from: 1500, to: 9000}]);
	});
});
