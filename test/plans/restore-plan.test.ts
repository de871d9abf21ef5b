// The restore is a pure function of two reads: what it runs to bring `now` back to `before`, in the order
// the kernel needs; and the diff names, in words, whatever differs.
import {describe, expect, it} from 'vitest';
import {changeText, diffStates} from '../../source/model/kernel-diff.js';
import {FOREVER, readStateLinks, readStateRoutes, type KernelState, type NamespaceState, type StateLink} from '../../source/model/kernel-state.js';
import {ownedBy, restoreSteps} from '../../source/plans/restore-plan.js';

const v4 = (local: string, prefixlen = 24) => ({family: 4 as const, local, prefixlen, scope: 'global', flags: [], valid: FOREVER, preferred: FOREVER, kernelMade: false});
const link = (name: string, extra: Partial<StateLink> = {}): StateLink => ({ifindex: 2, name, kind: 'veth', up: true, carrier: true, mtu: 1500, mac: '02:00:00:00:00:01', addresses: [], ...extra});
const ns = (extra: Partial<NamespaceState>): NamespaceState => ({id: 's', links: [], routes: [], rules: [], neighbours: [], ...extra});
const state = (...namespaces: NamespaceState[]): KernelState => new Map(namespaces.map((n) => [n.id, n]));
const argvs = (before: KernelState, now: KernelState): string[] => restoreSteps(before, now).map((a) => a.join(' '));

const DEFAULT = {type: 'unicast', dst: 'default', gateway: '10.1.1.254', dev: 'eth0', table: 'main', protocol: 'boot', scope: 'global', family: 4};
const FROM = {type: 'unicast', dst: '2001:db8:1::/64', from: '2001:db8:9::/64', gateway: 'fd00:1::2', dev: 'eth0', table: '100', protocol: 'boot', scope: 'global', metric: 5, pref: 'medium', family: 6};
const TOS = {type: 'unicast', dst: '10.9.0.0/16', tos: '0x10', gateway: '10.1.1.1', dev: 'eth0', table: '100', protocol: 'boot', scope: 'global', metric: 7, metrics: [{mtu: 1400}], family: 4};
const KERNEL = {type: 'unicast', dst: '10.1.1.0/24', dev: 'eth0', table: 'main', protocol: 'kernel', scope: 'link', prefsrc: '10.1.1.4', family: 4};

describe('restoreSteps', () => {
	it('after eth0 went down: up first, then its addresses, then routes without a gateway, then the rest, every table', () => {
		const v6 = {...v4('fd00:1::4', 64), family: 6 as const, flags: ['nodad']};
		const before = state(ns({links: [link('eth0', {addresses: [v4('10.1.1.4'), v6]})], routes: [TOS, DEFAULT, KERNEL, FROM]}));
		const now = state(ns({links: [link('eth0', {up: false, carrier: false, addresses: [v4('10.1.1.4')]})], routes: [KERNEL]}));
		expect(argvs(before, now)).toEqual([
			'ip -n s link set dev eth0 up',
			'ip -n s -6 addr replace fd00:1::4/64 scope global dev eth0 nodad',
			'ip -n s route append unicast 10.9.0.0/16 tos 0x10 table 100 metric 7 proto boot scope global via 10.1.1.1 dev eth0 mtu 1400',
			'ip -n s route append unicast default table main proto boot scope global via 10.1.1.254 dev eth0',
			'ip -n s -6 route append unicast 2001:db8:1::/64 from 2001:db8:9::/64 table 100 metric 5 proto boot scope global via fd00:1::2 dev eth0 pref medium',
		]);
	});

	it('a nexthop object the kernel dropped with its link comes back before the routes through it, which go by nhid', () => {
		// Linux flushes a nexthop object when its device loses its carrier, and every route through it.
		const nh = {id: 7, gateway: '10.1.1.1', dev: 'eth0', scope: 'link', protocol: 'boot'};
		const group = {id: 8, group: [{id: 7}, {id: 9, weight: 2}], protocol: 'boot'};
		const viaNh = {type: 'unicast', dst: '10.8.0.0/24', nhid: 8, gateway: '10.1.1.1', dev: 'eth0', table: 'main', protocol: 'boot', scope: 'global', family: 4};
		const before = state(ns({links: [link('eth0')], routes: [viaNh], nexthops: [nh, {id: 9, gateway: '10.1.1.2', dev: 'eth0', protocol: 'boot'}, group]}));
		const now = state(ns({links: [link('eth0')], nexthops: [{id: 9, gateway: '10.1.1.2', dev: 'eth0', protocol: 'boot'}]}));
		expect(argvs(before, now)).toEqual([
			'ip -n s nexthop replace id 7 via 10.1.1.1 dev eth0 proto boot',
			'ip -n s nexthop replace id 8 group 7/9,2 proto boot',
			'ip -n s route append unicast 10.8.0.0/24 table main proto boot scope global nhid 8',
		]);
		expect(diffStates(before, now).map(changeText)).toContain('removed nexthop object 7 via 10.1.1.1 dev eth0 in s');
		// Made since, they go: the route first (deleting its object would take it, and then its own delete
		// fail), then groups before their members.
		expect(argvs(now, before)).toEqual(['ip -n s route del unicast 10.8.0.0/24 table main proto boot scope global nhid 8', 'ip -n s nexthop del id 8', 'ip -n s nexthop del id 7']);
	});

	it('master before MAC: a bridge gets the MAC it had once its port has left', () => {
		const before = state(ns({links: [link('br0', {kind: 'bridge', mac: '92:6d:08:0c:be:83'}), link('p1')]}));
		const now = state(ns({links: [link('br0', {kind: 'bridge', mac: '5a:0b:36:c3:3b:c4'}), link('p1', {master: 'br0'})]}));
		expect(argvs(before, now)).toEqual(['ip -n s link set dev p1 nomaster', 'ip -n s link set dev br0 address 92:6d:08:0c:be:83']);
	});

	it('deletes what was made since and what was added; leaves the kernel its own routes and addresses', () => {
		const linkLocal = {...v4('fe80::1', 64), family: 6 as const, scope: 'link', kernelMade: true};
		const before = state(ns({links: [link('eth0', {addresses: [v4('10.1.1.4')]})]}));
		const now = state(ns({links: [link('eth0', {addresses: [v4('10.1.1.4'), v4('10.2.2.2'), linkLocal]}), link('new0', {ifindex: 9})], routes: [KERNEL, DEFAULT]}));
		expect(argvs(before, now)).toEqual(['ip -n s link del dev new0', 'ip -n s addr del 10.2.2.2/24 dev eth0', 'ip -n s route del unicast default table main proto boot scope global via 10.1.1.254 dev eth0']);
	});

	it('puts back an address whose flags changed: deleted, then added with them (a running DAD stops)', () => {
		const before = state(ns({links: [link('eth0', {addresses: [{...v4('10.1.1.4'), flags: ['noprefixroute']}]})]}));
		const now = state(ns({links: [link('eth0', {addresses: [v4('10.1.1.4')]})]}));
		expect(argvs(before, now)).toEqual(['ip -n s addr del 10.1.1.4/24 dev eth0', 'ip -n s addr replace 10.1.1.4/24 scope global dev eth0 noprefixroute']);
	});

	it('permanent neighbours, rules and forwarding, in namespaces reached by path too', () => {
		const neigh = {dst: '10.1.1.9', dev: 'eth0', lladdr: '02:00:00:00:00:09', state: ['PERMANENT']};
		const rule = {priority: 100, src: '10.1.1.0', srclen: 24, table: '100', family: 4};
		const before = state(ns({id: '/proc/7/ns/net', neighbours: [neigh], rules: [rule], forwarding: {4: true, 6: false}}));
		const now = state(ns({id: '/proc/7/ns/net', forwarding: {4: false, 6: false}}));
		expect(argvs(before, now)).toEqual([
			'nsenter --net=/proc/7/ns/net ip rule add priority 100 from 10.1.1.0/24 table 100',
			'nsenter --net=/proc/7/ns/net ip neigh replace 10.1.1.9 lladdr 02:00:00:00:00:09 dev eth0 nud permanent',
			'nsenter --net=/proc/7/ns/net sysctl -w net.ipv4.ip_forward=1',
		]);
	});

	it('nothing to do when nothing differs but what changes by itself (flags, lifetimes counting down, ifindex)', () => {
		const finite = {...v4('10.3.3.3'), valid: 100, preferred: 50};
		const before = state(ns({links: [link('eth0', {addresses: [finite]})], routes: [DEFAULT]}));
		const now = state(ns({links: [link('eth0', {ifindex: 12, addresses: [{...finite, valid: 90, preferred: 40}]})], routes: [DEFAULT]}));
		expect(argvs(before, now)).toEqual([]);
	});
});

describe('ownedBy', () => {
	it('takes back all that was taken away, but what was added or changed only on what the plan names', () => {
		const before = state(ns({links: [link('eth0', {addresses: [v4('10.1.1.4')]}), link('other', {mtu: 1500})], routes: [DEFAULT]}));
		const now = state(ns({links: [link('eth0', {up: false, addresses: [v4('10.1.1.4'), v4('10.5.5.5')]}), link('other', {mtu: 9000}), link('theirs', {ifindex: 9})], routes: []}));
		const steps = restoreSteps(before, now, ownedBy(new Set(['ip', '-n', 's', 'link', 'set', 'dev', 'eth0', 'down'])));
		expect(steps.map((a) => a.join(' '))).toEqual(['ip -n s link set dev eth0 up', 'ip -n s route append unicast default table main proto boot scope global via 10.1.1.254 dev eth0']);
	});
});

describe('reading and naming the differences', () => {
	it('reads ip -j -d addr and route output, keeping tos, metrics and flags a user set, not running ones', () => {
		const [eth] = readStateLinks(
			JSON.stringify([{ifindex: 3, ifname: 'eth0', flags: ['UP', 'LOWER_UP'], mtu: 1500, address: '02:00:00:00:00:01', master: 'br0', linkinfo: {info_kind: 'veth'}, addr_info: [{family: 'inet6', local: 'fd00::4', prefixlen: 64, scope: 'global', tentative: true, nodad: true, valid_life_time: FOREVER, preferred_life_time: FOREVER}]}]),
		);
		expect(eth).toMatchObject({name: 'eth0', kind: 'veth', up: true, master: 'br0', addresses: [{family: 6, local: 'fd00::4', flags: ['nodad'], kernelMade: false}]});
		const routes = readStateRoutes(JSON.stringify([{...TOS, family: undefined, flags: ['linkdown']}, {type: 'local', dst: '10.1.1.4', table: 'local'}, {dst: 'default', gateway: 'fd00::fe', pref: 'medium', table: 'main'}]));
		expect(routes.map((r) => [r.dst, r.family, 'flags' in r])).toEqual([['10.9.0.0/16', 4, false], ['default', 6, false]]);
	});

	it('says each change plainly', () => {
		const before = state(ns({links: [link('br0', {kind: 'bridge', mac: '92:6d:08:0c:be:83'})], routes: [TOS]}));
		const after = state(ns({links: [link('br0', {kind: 'bridge', mac: '00:00:00:00:00:00', carrier: false})]}), ns({id: 'b'}));
		expect(diffStates(before, after).map(changeText)).toEqual([
			'br0 in s: MAC 92:6d:08:0c:be:83 → 00:00:00:00:00:00',
			'br0 in s: carrier on → off',
			'removed route 10.9.0.0/16 tos 0x10 via 10.1.1.1 dev eth0 table 100 metric 7 in s',
			'added namespace b',
		]);
	});
});
