// Each step's interfaces are pinned to what the preview showed, until the plan itself remakes the name.
import {describe, expect, it} from 'vitest';
import type {Link, Netns, World} from '../../source/model/types.js';
import {ipIn, type Plan} from '../../source/plans/plan.js';
import {pinPlan, pinProblem, stepTargets} from '../../source/plans/pins.js';
import {unexpectedChanges} from '../../source/plans/kernel-explained.js';
import {togglePlan} from '../../source/plans/link-plans.js';

const link = (name: string, ifindex: number): Link => ({ifindex, name, kind: 'veth', state: 'UP', flags: [], adminUp: true, noCarrier: false, mac: '', mtu: 1500, addresses: []});
const netns = (id: string, links: Link[]): Netns => ({id, kind: id === 'host' ? 'host' : 'named', path: `/run/netns/${id}`, identity: {dev: 4, ino: 99}, links, routes: [], nsids: []});
const world: World = {namespaces: [netns('t', [link('a1', 2), link('br0', 5)]), netns('host', [link('eth0', 7)])]};

describe('pins', () => {
	it('names the interfaces after dev, master and a lower link, in the step namespace', () => {
		expect(stepTargets({argv: ipIn('t', 'link', 'set', 'dev', 'a1', 'master', 'br0')})).toEqual([{ns: 't', name: 'a1'}, {ns: 't', name: 'br0'}]);
		expect(stepTargets({argv: ipIn('host', 'link', 'add', 'link', 'eth0', 'name', 'mv0', 'type', 'macvlan')})).toEqual([{ns: 'host', name: 'eth0'}]);
		expect(stepTargets({argv: ['nsenter', '--net=/proc/9/ns/net', 'ip', '-6', 'addr', 'add', 'fd00::1/64', 'dev', 'e1']})).toEqual([{ns: '/proc/9/ns/net', name: 'e1'}]);
		expect(stepTargets({argv: ['ip', 'netns', 'exec', 't', 'sysctl', '-w', 'net.ipv4.ip_forward=1']})).toEqual([]);
	});

	it('pins by the preview world, and not after the plan itself deletes and makes the name again', () => {
		const plan: Plan = {
			title: 'remake a1',
			dangerous: true,
			affects: ['t'],
			steps: [{argv: ipIn('t', 'link', 'del', 'dev', 'a1')}, {argv: ipIn('t', 'link', 'add', 'name', 'a1', 'type', 'bridge')}, {argv: ipIn('t', 'link', 'set', 'dev', 'a1', 'master', 'br0')}],
		};
		expect(pinPlan(plan, world).steps.map((s) => s.pins)).toEqual([[{ns: 't', name: 'a1', ifindex: 2, identity: {dev: 4, ino: 99}}], undefined, [{ns: 't', name: 'br0', ifindex: 5, identity: {dev: 4, ino: 99}}]]);
	});

	it('says what changed: the name is another interface now, and what became of the one shown', () => {
		const pin = {ns: 't', name: 'a1', ifindex: 2};
		expect(pinProblem(pin, [{ifindex: 2, name: 'a1'}])).toBeUndefined();
		expect(pinProblem(pin, [{ifindex: 2, name: 'old1'}, {ifindex: 3, name: 'a1'}])).toBe(
			'a1 in t changed since the preview: a1 is now another interface (ifindex 3); the one the preview showed (ifindex 2) is now called old1',
		);
		expect(pinProblem(pin, [])).toBe('a1 in t changed since the preview: no interface is called a1 now; the one the preview showed (ifindex 2) is gone');
		expect(pinProblem(pin, undefined)).toMatch(/namespace t is gone/);
	});
});

describe('what the plan said it would change', () => {
	it('a link set down: its up state is said; the routes and IPv6 addresses the kernel drops are not', () => {
		const plan = togglePlan('s', 'eth0', false);
		const route = {dst: 'default', gateway: '10.1.1.254', dev: 'eth0', table: 'main', protocol: 'boot'};
		const v6 = {family: 6 as const, local: 'fd00::4', prefixlen: 64, scope: 'global', flags: [], valid: 1, preferred: 1, kernelMade: false};
		const left = unexpectedChanges(plan, [
			{kind: 'linkField', ns: 's', link: 'eth0', linkKind: 'veth', field: 'up', before: 'on', after: 'off'},
			{kind: 'route', ns: 's', record: route, present: false},
			{kind: 'address', ns: 's', link: 'eth0', address: v6, present: false},
			{kind: 'address', ns: 's', link: 'eth0', address: {...v6, local: 'fe80::1', scope: 'link', kernelMade: true}, present: false},
		]);
		expect(left.map((c) => c.kind)).toEqual(['route', 'address']);
	});
});
