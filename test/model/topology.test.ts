import {describe, expect, it} from 'vitest';
import {buildTopology, formatPeer, linkKey} from '../../source/model/topology.js';
import {relationText} from '../../source/model/format.js';
import type {Link, World} from '../../source/model/types.js';
import {fixtureWorld} from '../support/fixtures.js';
import {WorldBuilder} from '../support/hand-world.js';

function peerName(world: World, ns: string, name: string): string | undefined {
	const topology = buildTopology(world);
	const link = world.namespaces.find((n) => n.id === ns)?.links.find((l) => l.name === name);
	const peer = link && topology.peers.get(linkKey(ns, link.ifindex));
	return peer && formatPeer(peer, ns);
}

describe('veth peers across namespaces (bridge world)', () => {
	const world = fixtureWorld('bridge');
	it.each([
		['ns1', 'veth_ns1', 'host/veth_ns1_br0'],
		['ns2', 'veth_ns2', 'host/veth_ns2_br0'],
		['host', 'veth_ns1_br0', 'ns1/veth_ns1'],
		['host', 'veth_ns2_br0', 'ns2/veth_ns2'],
		['ns1', 'loop_a', 'loop_b'],
		['ns1', 'loop_b', 'loop_a'],
	])('%s/%s → %s', (ns, name, expected) => {
		expect(peerName(world, ns, name)).toBe(expected);
	});

	it('lists the ports of each bridge', () => {
		const topology = buildTopology(world);
		const br0 = world.namespaces[0].links.find((l) => l.name === 'br0');
		const ports = topology.ports.get(linkKey('host', br0?.ifindex ?? -1))?.map((p) => p.name);
		expect(ports?.sort()).toEqual(['veth_ns1_br0', 'veth_ns2_br0']);
	});

	it('gives no peer for non-veth links', () => {
		expect(peerName(world, 'host', 'br0')).toBeUndefined();
		expect(peerName(world, 'ns1', 'lo')).toBeUndefined();
	});

	it('gives no peer when the other namespace could not be read', () => {
		const partial: World = {namespaces: world.namespaces.filter((n) => n.id !== 'ns2')};
		expect(peerName(partial, 'host', 'veth_ns2_br0')).toBeUndefined();
		expect(peerName(partial, 'host', 'veth_ns1_br0')).toBe('ns1/veth_ns1');
	});
});

describe('a namespace joined to the host (hostpair world)', () => {
	const world = fixtureWorld('hostpair');
	it('resolves the unnamed host nsid by the back-reference', () => {
		expect(peerName(world, 'test', 'pair-test')).toBe('host/pair-host');
		expect(peerName(world, 'host', 'pair-host')).toBe('test/pair-test');
	});
});

describe('lower devices', () => {
	it('finds the device a stacked link sits on, in its own namespace and across one (by the unnamed nsid)', () => {
		const world = new WorldBuilder()
			.namespace('host')
			.namespace('pod')
			.veth('host/eth0', 'host/peer0')
			.stacked('pod/mv0', 'macvlan', 'host/eth0')
			.stacked('host/eth0.10', 'vlan', 'host/eth0')
			.build();
		const topology = buildTopology(world);
		const link = (ns: string, name: string) => world.namespaces.find((n) => n.id === ns)?.links.find((l) => l.name === name) as Link;
		expect(topology.lowers.get(linkKey('pod', link('pod', 'mv0').ifindex))).toMatchObject({ns: 'host', name: 'eth0'});
		expect(topology.lowers.get(linkKey('host', link('host', 'eth0.10').ifindex))).toMatchObject({ns: 'host', name: 'eth0'});
		expect(relationText(link('pod', 'mv0'), 'pod', undefined, [], topology.lowers.get(linkKey('pod', link('pod', 'mv0').ifindex)))).toBe('on host/eth0');
		// veths are peers, not lower devices.
		expect(topology.lowers.has(linkKey('host', link('host', 'eth0').ifindex))).toBe(false);
	});
});
