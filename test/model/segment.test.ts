// Which links share an L2 segment, and an address already held on one (issue 27: adding 10.1.1.1/24 to
// ns2 gave no warning although ns1 held it on the same bridge).
import {describe, expect, it} from 'vitest';
import {duplicateOnSegment, segmentOf} from '../../source/model/segment.js';
import type {Address, World} from '../../source/model/types.js';
import {fixtureWorld} from '../support/fixtures.js';
import {WorldBuilder} from '../support/hand-world.js';

/** The world with `cidr` on `end` (ns/name) as well. */
function withAddress(world: World, end: string, cidr: string): World {
	const [ns, name] = end.split('/');
	const [local, prefix] = cidr.split('/');
	const added: Address = {family: 4, local, prefixlen: Number(prefix), scope: 'global', cidr};
	return {
		namespaces: world.namespaces.map((n) =>
			n.id === ns ? {...n, links: n.links.map((l) => (l.name === name ? {...l, addresses: [...l.addresses, added]} : l))} : n,
		),
	};
}

const names = (world: World, ns: string, name: string): string[] =>
	segmentOf(world, [{ns, name}], ns)
		.map((m) => `${m.ref.ns}/${m.ref.name}`)
		.sort();

describe('the segment of a link', () => {
	it('crosses a veth to the bridge its other end is on, and the bridge to every port and their other ends', () => {
		const world = fixtureWorld('bridge');
		const segment = names(world, 'ns2', 'veth_ns2');
		expect(segment).toContain('host/br0');
		expect(segment).toContain('ns1/veth_ns1');
		expect(segment).toContain('ns2/veth_ns2');
		expect(segment).not.toContain('ns1/lo');
	});

	it('joins macvlans to their parent and to each other, but a vlan is a segment of its own', () => {
		const world = new WorldBuilder()
			.namespace('host')
			.namespace('a')
			.namespace('b')
			.veth('host/eth0', 'host/peer0')
			.stacked('a/mv0', 'macvlan', 'host/eth0')
			.stacked('b/mv0', 'macvlan', 'host/eth0')
			.stacked('host/eth0.7', 'vlan', 'host/eth0')
			.build();
		expect(names(world, 'a', 'mv0')).toEqual(['a/mv0', 'b/mv0', 'host/eth0', 'host/peer0']);
	});
});

describe('an address already held on the segment', () => {
	it('is named with where it is and the bridge they share', () => {
		const world = fixtureWorld('bridge');
		expect(duplicateOnSegment(world, 'ns2', '10.1.1.1/24', [{ns: 'ns2', name: 'veth_ns2'}])).toBe('10.1.1.1 is already on ns1/veth_ns1, on the same bridge br0');
		expect(duplicateOnSegment(world, 'ns2', '10.1.1.9/24', [{ns: 'ns2', name: 'veth_ns2'}])).toBeUndefined();
	});

	it('on the other end of a veth pair, and on a macvlan parent', () => {
		const pair = new WorldBuilder().namespace('host').namespace('ns1').namespace('ns2').veth('ns1/a', 'ns2/b', {addresses: ['10.0.0.1/24']}).build();
		expect(duplicateOnSegment(pair, 'ns2', '10.0.0.1/24', [{ns: 'ns2', name: 'b'}])).toBe('10.0.0.1 is already on ns1/a, the other end of the veth pair');
		const stacked = withAddress(
			new WorldBuilder().namespace('host').namespace('a').namespace('b').veth('host/eth0', 'host/peer0').stacked('a/mv0', 'macvlan', 'host/eth0').stacked('b/mv0', 'macvlan', 'host/eth0').build(),
			'a/mv0',
			'192.168.5.5/24',
		);
		expect(duplicateOnSegment(stacked, 'b', '192.168.5.5/24', [{ns: 'b', name: 'mv0'}])).toBe('192.168.5.5 is already on a/mv0, on the same parent eth0');
	});

	it('is not looked for off the segment', () => {
		const world = new WorldBuilder().namespace('host').namespace('ns1').namespace('ns2').namespace('ns3').veth('ns1/a', 'ns3/c', {addresses: ['10.0.0.1/24']}).veth('ns2/b', 'ns3/d').build();
		expect(duplicateOnSegment(world, 'ns2', '10.0.0.1/24', [{ns: 'ns2', name: 'b'}])).toBeUndefined();
	});
});
