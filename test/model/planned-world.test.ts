// The world as a dry run's plans would leave it: each kind of change, applied from the effects the plan
// builders declare (never from their argv), checked the way the panes read it (topology, state words).
import {describe, expect, it} from 'vitest';
import {linkStateLabel, routeKey} from '../../source/model/format.js';
import {applyPlanned} from '../../source/model/planned-world.js';
import {buildTopology, linkKey} from '../../source/model/topology.js';
import {HOST_ID, type Link, type Netns, type World} from '../../source/model/types.js';
import {addAddressPlan, deleteAddressPlan} from '../../source/plans/address-plans.js';
import {bridgePlan, connectPlan, detachPlan} from '../../source/plans/bridge-plans.js';
import {deleteLinkPlan, movePlan, NO_LOSSES, togglePlan} from '../../source/plans/link-plans.js';
import {attachNamespacePlan, deleteNamespacePlan, newNamespacePlan} from '../../source/plans/namespace-plans.js';
import type {Plan} from '../../source/plans/plan.js';
import {addRoutePlan, deleteRoutePlan, forwardingPlan} from '../../source/plans/route-plans.js';
import {linkSettingsPlan} from '../../source/plans/link-settings-plan.js';
import {stackedDevicePlan} from '../../source/plans/stacked-device-plan.js';
import {vethEffects} from '../../source/plans/veth-effects.js';
import {vethPlan} from '../../source/plans/veth-plan.js';
import {WorldBuilder} from '../support/hand-world.js';

const planned = (world: World, ...plans: Plan[]): World => applyPlanned(world, plans.flatMap((p) => p.effects ?? []));

const ns = (world: World, id: string): Netns => {
	const found = world.namespaces.find((n) => n.id === id);
	if (!found) throw new Error(`no ${id} in ${world.namespaces.map((n) => n.id).join(', ')}`);
	return found;
};
const link = (world: World, id: string, name: string): Link => {
	const found = ns(world, id).links.find((l) => l.name === name);
	if (!found) throw new Error(`no ${name} in ${id}`);
	return found;
};
const peer = (world: World, id: string, name: string): string | undefined => {
	const p = buildTopology(world).peers.get(linkKey(id, link(world, id, name).ifindex));
	return p && `${p.ns}/${p.name}`;
};
const cidrs = (l: Link): string[] => l.addresses.map((a) => a.cidr);
const routes = (world: World, id: string): string[] => ns(world, id).routes.map((r) => `${r.dst}${r.gateway ? ` via ${r.gateway}` : ''}${r.dev ? ` dev ${r.dev}` : ''}`);

const hostOnly = (): World => new WorldBuilder().namespace(HOST_ID).build();
const tutorialA = [
	newNamespacePlan({name: 'ns1', loUp: true}),
	newNamespacePlan({name: 'ns2', loUp: true}),
	vethPlan({name1: 'veth_ns1', ns1: 'ns1', address1: '10.1.1.1/24', name2: 'veth_ns2', ns2: 'ns2', address2: '10.1.1.2/24', up: true}),
];

describe('applyPlanned', () => {
	it('leaves the world as it is when nothing is planned', () => {
		const world = hostOnly();
		expect(applyPlanned(world, [])).toBe(world);
	});

	it('never changes the world it was given', () => {
		const world = new WorldBuilder().namespace(HOST_ID).namespace('ns2').veth('host/a', 'ns2/b', {addresses: ['10.0.0.1/24']}).build();
		const before = JSON.stringify(world);
		planned(world, ...tutorialA, movePlan({from: HOST_ID, link: 'a', to: 'ns1'}), deleteNamespacePlan(world, 'ns2'));
		expect(JSON.stringify(world)).toBe(before);
	});

	it('a new namespace: named, marked planned, in order, lo up with its loopback addresses, forwarding off', () => {
		const world = planned(new WorldBuilder().namespace(HOST_ID).namespace('ns3').build(), newNamespacePlan({name: 'ns10', loUp: true}), newNamespacePlan({name: 'ns2', loUp: false}));
		expect(world.namespaces.map((n) => n.id)).toEqual([HOST_ID, 'ns2', 'ns3', 'ns10']);
		const ns10 = ns(world, 'ns10');
		expect(ns10).toMatchObject({kind: 'named', path: '/run/netns/ns10', planned: true, forwarding: {4: false, 6: false}});
		expect(ns(world, 'ns3').planned).toBeUndefined();
		expect(linkStateLabel(link(world, 'ns10', 'lo'))).toBe('UP');
		expect(cidrs(link(world, 'ns10', 'lo'))).toEqual(['127.0.0.1/8', '::1/128']);
		expect(linkStateLabel(link(world, 'ns2', 'lo'))).toBe('DOWN');
	});

	it('the namespaces read keep their order; planned ones are placed by name among them', () => {
		const read = new WorldBuilder().namespace(HOST_ID).namespace('b').namespace('a').namespace('d').build();
		const world = planned(read, newNamespacePlan({name: 'c', loUp: true}), togglePlan('a', 'lo', false));
		expect(world.namespaces.map((n) => n.id)).toEqual([HOST_ID, 'b', 'a', 'c', 'd']);
	});

	it('a namespace called host is known by its path, apart from the host', () => {
		const world = planned(hostOnly(), newNamespacePlan({name: 'host', loUp: true}));
		expect(world.namespaces.map((n) => n.id)).toEqual([HOST_ID, '/run/netns/host']);
	});

	it('tutorial A: both ends where they go, addresses, up, peers resolved across namespaces, subnet routes', () => {
		const world = planned(hostOnly(), ...tutorialA);
		const [a, b] = [link(world, 'ns1', 'veth_ns1'), link(world, 'ns2', 'veth_ns2')];
		expect([a.planned, b.planned, a.kind]).toEqual([true, true, 'veth']);
		expect([linkStateLabel(a), linkStateLabel(b)]).toEqual(['UP', 'UP']);
		expect(cidrs(a)).toEqual(['10.1.1.1/24']);
		expect(a.addresses[0].planned).toBe(true);
		expect(peer(world, 'ns1', 'veth_ns1')).toBe('ns2/veth_ns2');
		expect(peer(world, 'ns2', 'veth_ns2')).toBe('ns1/veth_ns1');
		expect(routes(world, 'ns1')).toEqual(['10.1.1.0/24 dev veth_ns1']);
		expect(ns(world, 'ns1').routes[0]).toMatchObject({protocol: 'kernel', scope: 'link', prefsrc: '10.1.1.1', planned: true});
		// Nothing passed through the host.
		expect(ns(world, HOST_ID).links.map((l) => l.name)).toEqual(['lo']);
	});

	it('a veth between the host and a namespace, and one with both ends in one namespace', () => {
		const world = planned(
			hostOnly(),
			newNamespacePlan({name: 'test', loUp: true}),
			vethPlan({name1: 'pair-test', ns1: 'test', address1: '', name2: 'pair-host', ns2: HOST_ID, address2: '', up: true}),
			vethPlan({name1: 'x1', ns1: 'test', address1: '', name2: 'x2', ns2: 'test', address2: '', up: false}),
		);
		expect(peer(world, HOST_ID, 'pair-host')).toBe('test/pair-test');
		expect(peer(world, 'test', 'pair-test')).toBe('host/pair-host');
		expect(peer(world, 'test', 'x1')).toBe('test/x2');
		expect(linkStateLabel(link(world, 'test', 'x1'))).toBe('DOWN');
	});

	it('a veth with each end plugged into a bridge of its namespace (the effects any veth plan can declare)', () => {
		const world = planned(hostOnly(), newNamespacePlan({name: 'ns1', loUp: true}), bridgePlan({name: 'br0', ns: HOST_ID, address: '', up: true}), bridgePlan({name: 'br1', ns: 'ns1', address: '', up: true}));
		const after = applyPlanned(world, vethEffects([{ns: 'ns1', name: 'a', bridge: 'br1'}, {ns: HOST_ID, name: 'b', address: '10.0.0.2/24', bridge: 'br0'}], true));
		expect(link(after, 'ns1', 'a')).toMatchObject({master: 'br1', masterKind: 'bridge'});
		expect(link(after, HOST_ID, 'b')).toMatchObject({master: 'br0', masterKind: 'bridge'});
		expect(cidrs(link(after, HOST_ID, 'b'))).toEqual(['10.0.0.2/24']);
		expect(peer(after, 'ns1', 'a')).toBe('host/b');
		expect([linkStateLabel(link(after, 'ns1', 'br1')), linkStateLabel(link(after, HOST_ID, 'br0'))]).toEqual(['UP', 'UP']);
	});

	it('one end up and the other down: NO-CARRIER, as the kernel says', () => {
		const world = planned(hostOnly(), ...tutorialA.slice(0, 2), vethPlan({name1: 'a', ns1: 'ns1', address1: '', name2: 'b', ns2: 'ns2', address2: '', up: false}), togglePlan('ns1', 'a', true));
		expect(linkStateLabel(link(world, 'ns1', 'a'))).toBe('NO-CARRIER');
		expect(linkStateLabel(link(world, 'ns2', 'b'))).toBe('DOWN');
	});

	it('a bridge with an address, and ports connected to it: master, ports, carrier', () => {
		const world = planned(
			hostOnly(),
			bridgePlan({name: 'br0', ns: HOST_ID, address: '10.1.1.4/24', up: true}),
			newNamespacePlan({name: 'ns1', loUp: true}),
			vethPlan({name1: 'veth_ns1', ns1: 'ns1', address1: '10.1.1.1/24', name2: 'veth_ns1_br0', ns2: HOST_ID, address2: '', up: true}),
			connectPlan({ns: HOST_ID, link: 'veth_ns1_br0', bridge: 'br0'}),
		);
		const br0 = link(world, HOST_ID, 'br0');
		expect([br0.kind, br0.planned, linkStateLabel(br0), cidrs(br0)]).toEqual(['bridge', true, 'UP', ['10.1.1.4/24']]);
		expect(link(world, HOST_ID, 'veth_ns1_br0')).toMatchObject({master: 'br0', masterKind: 'bridge'});
		expect(buildTopology(world).ports.get(linkKey(HOST_ID, br0.ifindex))?.map((p) => p.name)).toEqual(['veth_ns1_br0']);
		expect(routes(world, HOST_ID)).toEqual(['10.1.1.0/24 dev br0']);
	});

	it('tutorial B as the veth form makes it: each host end plugged into br0 as it is made; a port detached', () => {
		const world = planned(
			hostOnly(),
			bridgePlan({name: 'br0', ns: HOST_ID, address: '10.1.1.4/24', up: true}),
			newNamespacePlan({name: 'ns1', loUp: true}),
			newNamespacePlan({name: 'ns2', loUp: true}),
			vethPlan({name1: 'veth_ns1_br0', ns1: HOST_ID, address1: '', bridge1: 'br0', name2: 'veth_ns1', ns2: 'ns1', address2: '10.1.1.1/24', up: true}),
			vethPlan({name1: 'veth_ns2_br0', ns1: HOST_ID, address1: '', bridge1: 'br0', name2: 'veth_ns2', ns2: 'ns2', address2: '10.1.1.2/24', up: true}),
		);
		const br0 = link(world, HOST_ID, 'br0');
		expect(buildTopology(world).ports.get(linkKey(HOST_ID, br0.ifindex))?.map((p) => p.name)).toEqual(['veth_ns1_br0', 'veth_ns2_br0']);
		expect(peer(world, 'ns2', 'veth_ns2')).toBe('host/veth_ns2_br0');
		const detached = planned(world, detachPlan({ns: HOST_ID, link: 'veth_ns1_br0', bridge: 'br0'}));
		expect(link(detached, HOST_ID, 'veth_ns1_br0').master).toBeUndefined();
		expect(buildTopology(detached).ports.get(linkKey(HOST_ID, br0.ifindex))?.map((p) => p.name)).toEqual(['veth_ns2_br0']);
	});

	it('a bridge without a port up has no carrier', () => {
		const world = planned(hostOnly(), bridgePlan({name: 'br0', ns: HOST_ID, address: '', up: true}));
		expect(linkStateLabel(link(world, HOST_ID, 'br0'))).toBe('NO-CARRIER');
	});

	it('moving a link: it arrives down without addresses, its routes stay behind, its peer follows it', () => {
		const world = new WorldBuilder().namespace(HOST_ID).namespace('ns1').namespace('ns2').veth('host/a', 'ns2/b', {addresses: ['10.0.0.1/24']}).build();
		const withRoute: World = {namespaces: world.namespaces.map((n) => (n.id === HOST_ID ? {...n, routes: [{family: 4, dst: '10.0.0.0/24', dev: 'a', table: 'main', type: 'unicast', flags: []}]} : n))};
		const after = planned(withRoute, newNamespacePlan({name: 'ns3', loUp: true}), movePlan({from: HOST_ID, link: 'a', to: 'ns1'}));
		expect(ns(after, HOST_ID).links.map((l) => l.name)).toEqual(['lo']);
		expect(ns(after, HOST_ID).routes).toEqual([]);
		const moved = link(after, 'ns1', 'a');
		expect([moved.planned, cidrs(moved), linkStateLabel(moved)]).toEqual([true, [], 'DOWN']);
		// ns1's lo has ifindex 1 and a had 2 in the host: free in ns1, so kept.
		expect(peer(after, 'ns1', 'a')).toBe('ns2/b');
		expect(peer(after, 'ns2', 'b')).toBe('ns1/a');
		expect(linkStateLabel(link(after, 'ns2', 'b'))).toBe('NO-CARRIER');
	});

	it('moving a link into a namespace where its ifindex is taken gives it another; carried addresses and up state come back', () => {
		const world = new WorldBuilder().namespace(HOST_ID).namespace('ns1').veth('ns1/x', 'ns1/y').veth('host/a', 'ns1/b', {addresses: ['10.0.0.1/24']}).build();
		const has = {addresses: ['10.0.0.1/24'], up: true};
		const after = planned(world, movePlan({from: HOST_ID, link: 'a', to: 'ns1', has, carry: has}));
		const moved = link(after, 'ns1', 'a');
		expect(ns(after, 'ns1').links.filter((l) => l.ifindex === moved.ifindex)).toHaveLength(1);
		expect([cidrs(moved), linkStateLabel(moved)]).toEqual([['10.0.0.1/24'], 'UP']);
		expect(peer(after, 'ns1', 'a')).toBe('ns1/b');
		expect(peer(after, 'ns1', 'x')).toBe('ns1/y');
		expect(routes(after, 'ns1')).toEqual(['10.0.0.0/24 dev a']);
	});

	it('deleting one end of a veth deletes the other; deleting a bridge releases its ports', () => {
		const world = planned(
			hostOnly(),
			...tutorialA,
			bridgePlan({name: 'br0', ns: HOST_ID, address: '', up: true}),
			vethPlan({name1: 'p', ns1: 'ns1', address1: '', name2: 'p_br', ns2: HOST_ID, address2: '', up: true}),
			connectPlan({ns: HOST_ID, link: 'p_br', bridge: 'br0'}),
		);
		const after = planned(world, deleteLinkPlan('ns2', 'veth_ns2', 'veth'), deleteLinkPlan(HOST_ID, 'br0', 'bridge', NO_LOSSES));
		expect(ns(after, 'ns1').links.map((l) => l.name)).toEqual(['lo', 'p']);
		expect(ns(after, 'ns1').routes).toEqual([]);
		expect(ns(after, 'ns2').links.map((l) => l.name)).toEqual(['lo']);
		expect(link(after, HOST_ID, 'p_br').master).toBeUndefined();
	});

	it('deleting a kernel veth takes its peer from the world as read', () => {
		const world = new WorldBuilder().namespace(HOST_ID).namespace('ns2').veth('host/a', 'ns2/b').build();
		const after = planned(world, deleteLinkPlan(HOST_ID, 'a', 'veth'));
		expect(ns(after, 'ns2').links.map((l) => l.name)).toEqual(['lo']);
		expect(ns(after, 'ns2').planned).toBe(true);
	});

	it('deleting a namespace takes the other ends of its veths', () => {
		const world = new WorldBuilder().namespace(HOST_ID).namespace('ns2').veth('host/a', 'ns2/b').build();
		const after = planned(world, deleteNamespacePlan(world, 'ns2'));
		expect(after.namespaces.map((n) => n.id)).toEqual([HOST_ID]);
		expect(ns(after, HOST_ID).links.map((l) => l.name)).toEqual(['lo']);
	});

	it('an address: a subnet route only while the link is up; deleted, both go', () => {
		const world = new WorldBuilder().namespace(HOST_ID).namespace('ns1').veth('ns1/a', 'ns1/b', {up: [false, false]}).build();
		const down = planned(world, addAddressPlan({ns: 'ns1', link: 'a', cidr: 'fd00::1/64'}));
		expect(cidrs(link(down, 'ns1', 'a'))).toEqual(['fd00::1/64']);
		expect(routes(down, 'ns1')).toEqual([]);
		const up = planned(world, addAddressPlan({ns: 'ns1', link: 'a', cidr: 'fd00::1/64'}), togglePlan('ns1', 'a', true), addAddressPlan({ns: 'ns1', link: 'a', cidr: '10.2.0.1/16'}));
		expect(routes(up, 'ns1')).toEqual(['fd00::/64 dev a', '10.2.0.0/16 dev a']);
		const gone = planned(up, deleteAddressPlan({ns: 'ns1', link: 'a', cidr: '10.2.0.1/16'}));
		expect(cidrs(link(gone, 'ns1', 'a'))).toEqual(['fd00::1/64']);
		expect(routes(gone, 'ns1')).toEqual(['fd00::/64 dev a']);
	});

	it('the last IPv4 address of a link goes: every IPv4 route through it goes too', () => {
		const world = planned(hostOnly(), ...tutorialA, addRoutePlan({ns: 'ns1', dst: '10.9.0.0/16', via: '10.1.1.2', dev: '', family: 4}), addAddressPlan({ns: 'ns1', link: 'veth_ns1', cidr: '10.3.0.1/24'}));
		const one = planned(world, deleteAddressPlan({ns: 'ns1', link: 'veth_ns1', cidr: '10.3.0.1/24'}));
		expect(routes(one, 'ns1')).toEqual(['10.1.1.0/24 dev veth_ns1', '10.9.0.0/16 via 10.1.1.2 dev veth_ns1']);
		const last = planned(one, deleteAddressPlan({ns: 'ns1', link: 'veth_ns1', cidr: '10.1.1.1/24'}));
		expect(routes(last, 'ns1')).toEqual([]);
	});

	it('down: every route through the link goes', () => {
		const world = planned(hostOnly(), ...tutorialA, addRoutePlan({ns: 'ns1', dst: 'default', via: '10.1.1.2', dev: '', family: 4}));
		expect(routes(world, 'ns1')).toEqual(['10.1.1.0/24 dev veth_ns1', 'default via 10.1.1.2 dev veth_ns1']);
		const after = planned(world, togglePlan('ns1', 'veth_ns1', false));
		expect(routes(after, 'ns1')).toEqual([]);
		expect(linkStateLabel(link(after, 'ns2', 'veth_ns2'))).toBe('NO-CARRIER');
		// The other end keeps its routes, flagged linkdown; up again, the flag goes.
		expect(ns(after, 'ns2').routes.map((r) => r.flags)).toEqual([['linkdown']]);
		expect(ns(planned(after, togglePlan('ns1', 'veth_ns1', true)), 'ns2').routes.map((r) => r.flags)).toEqual([[]]);
	});

	it('down: the kernel removes the IPv6 addresses and keeps the IPv4 ones, on lo too', () => {
		const world = planned(hostOnly(), ...tutorialA, addAddressPlan({ns: 'ns1', link: 'veth_ns1', cidr: 'fd00::1/64'}));
		const after = planned(world, togglePlan('ns1', 'veth_ns1', false), togglePlan('ns1', 'lo', false));
		expect(cidrs(link(after, 'ns1', 'veth_ns1'))).toEqual(['10.1.1.1/24']);
		expect(cidrs(link(after, 'ns1', 'lo'))).toEqual(['127.0.0.1/8']);
	});

	it('routes: added with the device the gateway is on, deleted exactly', () => {
		const world = planned(hostOnly(), ...tutorialA, addRoutePlan({ns: 'ns1', dst: '10.9.0.0/16', via: '10.1.1.2', dev: '', family: 4}), addRoutePlan({ns: 'ns2', dst: '10.8.0.0/16', via: '', dev: 'veth_ns2', family: 4}));
		const added = ns(world, 'ns1').routes.find((r) => r.dst === '10.9.0.0/16');
		expect(added).toMatchObject({gateway: '10.1.1.2', dev: 'veth_ns1', table: 'main', planned: true});
		expect(routes(world, 'ns2')).toContain('10.8.0.0/16 dev veth_ns2');
		const after = planned(world, deleteRoutePlan('ns1', added!));
		expect(ns(after, 'ns1').routes.map(routeKey)).not.toContain(routeKey(added!));
		expect(routes(after, 'ns1')).toEqual(['10.1.1.0/24 dev veth_ns1']);
	});

	it('forwarding, in a planned namespace and in one that exists', () => {
		const world = planned(hostOnly(), newNamespacePlan({name: 'r', loUp: true}), forwardingPlan('r', 4, true), forwardingPlan(HOST_ID, 6, true));
		expect(ns(world, 'r').forwarding).toEqual({4: true, 6: false});
		expect(ns(world, HOST_ID)).toMatchObject({planned: true, forwarding: {6: true}});
	});

	it('naming a namespace held by a process (ip netns attach): the same namespace, named, then a veth into it by its new name', () => {
		const held: World = {namespaces: [...hostOnly().namespaces, {id: '/proc/42/ns/net', kind: 'process', path: '/proc/42/ns/net', links: [], routes: [], nsids: []}]};
		const after = planned(held, attachNamespacePlan({from: '/proc/42/ns/net', pid: 42, name: 'web'}));
		expect(after.namespaces.map((n) => n.id)).toEqual([HOST_ID, 'web']);
		expect(ns(after, 'web')).toMatchObject({kind: 'named', path: '/run/netns/web', planned: true});
		const paired = planned(after, vethPlan({name1: 'w0', ns1: 'web', address1: '', name2: 'h0', ns2: HOST_ID, address2: '', up: true}));
		expect(peer(paired, HOST_ID, 'h0')).toBe('web/w0');
	});

	it('e: a rename follows the link everywhere: its routes, its ports, its peer; MTU and MAC change, and below 1280 IPv6 goes', () => {
		const world = planned(
			hostOnly(),
			...tutorialA,
			bridgePlan({name: 'br0', ns: 'ns1', address: '', up: true}),
			vethPlan({name1: 'p', ns1: 'ns1', address1: '', name2: 'q', ns2: 'ns1', address2: '', up: false}),
			connectPlan({ns: 'ns1', link: 'p', bridge: 'br0'}),
			addAddressPlan({ns: 'ns1', link: 'veth_ns1', cidr: 'fd00::1/64'}),
		);
		const renamed = planned(world, linkSettingsPlan({ns: 'ns1', link: 'br0', up: false, name: 'br1'}), linkSettingsPlan({ns: 'ns1', link: 'veth_ns1', up: false, name: 'uplink', mtu: {from: 1500, to: 1200}, mac: {from: '', to: '02:00:00:00:00:01'}}));
		expect(link(renamed, 'ns1', 'p').master).toBe('br1');
		expect(link(renamed, 'ns1', 'uplink')).toMatchObject({mtu: 1200, mac: '02:00:00:00:00:01', planned: true});
		expect(cidrs(link(renamed, 'ns1', 'uplink'))).toEqual(['10.1.1.1/24']);
		expect(routes(renamed, 'ns1')).toEqual(['10.1.1.0/24 dev uplink']);
		expect(peer(renamed, 'ns2', 'veth_ns2')).toBe('ns1/uplink');
	});

	it('+: a stacked device points at its lower device, in its namespace or another, with its MTU; a vxlan leaves room for its headers', () => {
		const world = planned(hostOnly(), ...tutorialA, newNamespacePlan({name: 'ns3', loUp: true}), linkSettingsPlan({ns: 'ns2', link: 'veth_ns2', up: true, mtu: {from: 1500, to: 9000}}));
		const after = planned(
			world,
			stackedDevicePlan({kind: 'macvlan', parentNs: 'ns2', parent: 'veth_ns2', name: 'mv0', into: 'ns3', up: true}),
			stackedDevicePlan({kind: 'vlan', parentNs: 'ns1', parent: 'veth_ns1', name: 'vl10', into: 'ns1', up: false, id: 10}),
			stackedDevicePlan({kind: 'vxlan', parentNs: 'ns2', parent: 'veth_ns2', name: 'vx0', into: 'ns2', up: true, id: 42, remote: '10.1.1.1'}),
		);
		const lowers = buildTopology(after).lowers;
		const lowerOf = (id: string, name: string): string | undefined => {
			const l = lowers.get(linkKey(id, link(after, id, name).ifindex));
			return l && `${l.ns}/${l.name}`;
		};
		expect(lowerOf('ns3', 'mv0')).toBe('ns2/veth_ns2');
		expect(lowerOf('ns1', 'vl10')).toBe('ns1/veth_ns1');
		expect([link(after, 'ns3', 'mv0').mtu, link(after, 'ns2', 'vx0').mtu]).toEqual([9000, 8950]);
		expect([linkStateLabel(link(after, 'ns3', 'mv0')), linkStateLabel(link(after, 'ns1', 'vl10'))]).toEqual(['UP', 'DOWN']);
	});

	it('effects on what is not there change nothing (a stale plan)', () => {
		const world = hostOnly();
		const after = planned(world, addAddressPlan({ns: 'nowhere', link: 'x', cidr: '10.0.0.1/24'}), togglePlan(HOST_ID, 'nope', true), movePlan({from: HOST_ID, link: 'lo', to: 'nowhere'}));
		expect(after.namespaces).toEqual(world.namespaces);
	});
});

describe('every plan that changes the world says how, as effects', () => {
	const world = new WorldBuilder().namespace(HOST_ID).namespace('ns1').veth('host/a', 'ns1/b').build();
	const route = {family: 4 as const, dst: '10.0.0.0/24', dev: 'a', table: 'main', type: 'unicast', flags: []};
	it.each<[string, Plan]>([
		['new namespace', newNamespacePlan({name: 'x', loUp: false})],
		['delete namespace', deleteNamespacePlan(world, 'ns1')],
		['attach', attachNamespacePlan({from: '/proc/1/ns/net', pid: 1, name: 'x'})],
		['veth', vethPlan({name1: 'a', ns1: HOST_ID, address1: '', name2: 'b', ns2: 'ns1', address2: '', up: false})],
		['bridge', bridgePlan({name: 'br0', ns: HOST_ID, address: '', up: false})],
		['connect', connectPlan({ns: HOST_ID, link: 'a', bridge: 'br0'})],
		['detach', detachPlan({ns: HOST_ID, link: 'a', bridge: 'br0'})],
		['move', movePlan({from: HOST_ID, link: 'a', to: 'ns1'})],
		['up/down', togglePlan(HOST_ID, 'a', false)],
		['delete interface', deleteLinkPlan(HOST_ID, 'a', 'veth')],
		['add address', addAddressPlan({ns: HOST_ID, link: 'a', cidr: '10.0.0.1/24'})],
		['delete address', deleteAddressPlan({ns: HOST_ID, link: 'a', cidr: '10.0.0.1/24'})],
		['add route', addRoutePlan({ns: HOST_ID, dst: 'default', via: '10.0.0.2', dev: '', family: 4})],
		['delete route', deleteRoutePlan(HOST_ID, route)],
		['forwarding', forwardingPlan(HOST_ID, 4, true)],
		['rename, MTU, MAC', linkSettingsPlan({ns: HOST_ID, link: 'a', up: true, name: 'b', mtu: {from: 1500, to: 1400}})],
		['stacked device', stackedDevicePlan({kind: 'macvlan', parentNs: HOST_ID, parent: 'a', name: 'mv0', into: 'ns1', up: false})],
	])('%s', (_name, plan) => {
		expect(plan.effects?.length).toBeGreaterThan(0);
	});
});
