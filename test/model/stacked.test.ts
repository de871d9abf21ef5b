// Devices stacked on a link, in iproute2's terms (link, link_index, link_netnsid): kinds this kernel
// cannot make (vlan, ipvlan) included, from hand-made worlds.
import {describe, expect, it} from 'vitest';
import {stackedOn} from '../../source/model/stacked.js';
import type {World} from '../../source/model/types.js';
import {WorldBuilder} from '../support/hand-world.js';

const link = (world: World, ns: string, name: string) => {
	const found = world.namespaces.find((n) => n.id === ns)?.links.find((l) => l.name === name);
	if (!found) throw new Error(`no ${ns}/${name}`);
	return found;
};

describe('stackedOn', () => {
	it('finds a vlan and an ipvlan on eth0 in the same namespace, and an ipvlan in a pod on the host’s eth0', () => {
		const world = new WorldBuilder()
			.namespace('host')
			.namespace('pod1')
			.veth('host/eth0', 'host/eth0peer')
			.stacked('host/eth0.10', 'vlan', 'host/eth0')
			.stacked('host/ipv0', 'ipvlan', 'host/eth0')
			.stacked('pod1/eth1', 'ipvlan', 'host/eth0')
			.stacked('host/vlan2', 'vlan', 'host/eth0peer')
			.build();
		const found = stackedOn(world, 'host', link(world, 'host', 'eth0')).map((d) => `${d.ns}/${d.name} ${d.kind}${d.possibly ? ' ?' : ''}`);
		expect(found).toEqual(['host/eth0.10 vlan', 'host/ipv0 ipvlan', 'pod1/eth1 ipvlan']);
	});

	it('says "possibly" when an unnamed nsid could mean a namespace other than the host', () => {
		const base = new WorldBuilder().namespace('host').namespace('pod1').veth('host/eth0', 'host/x').stacked('pod1/mv0', 'macvlan', 'host/eth0').build();
		const world: World = {namespaces: [...base.namespaces, {id: '/proc/4242/ns/net', kind: 'process', path: '/proc/4242/ns/net', links: [], routes: [], nsids: []}]};
		expect(stackedOn(world, 'host', link(world, 'host', 'eth0')).map((d) => d.possibly)).toEqual([true]);
	});

	it('finds a vxlan by its underlay (`dev`, info_data.link): ip gives a vxlan in the same namespace no link_index', () => {
		const base = new WorldBuilder().namespace('host').namespace('ns1').veth('ns1/eth0', 'ns1/eth9').build();
		const ns1 = base.namespaces[1];
		const vxlan = {...link(base, 'ns1', 'eth0'), ifindex: 9, name: 'vxlan0', kind: 'vxlan', facts: {kind: 'vxlan' as const, id: 42, underlay: 'eth0'}, peerHint: undefined};
		// Moved into the host: its link_index is its own ifindex and its underlay is named in the wrong
		// namespace (IFLA_VXLAN_LINK is an ifindex of the namespace that made it): no lower device can be told.
		const moved = {...vxlan, ifindex: 2, name: 'vx7', facts: {kind: 'vxlan' as const, id: 7, underlay: 'eth0'}, peerHint: {ifindex: 2, netnsid: 0}};
		const world: World = {namespaces: [{...base.namespaces[0], links: [...base.namespaces[0].links, moved]}, {...ns1, links: [...ns1.links, vxlan]}]};
		expect(stackedOn(world, 'ns1', link(world, 'ns1', 'eth0')).map((d) => `${d.ns}/${d.name} ${d.kind}`)).toEqual(['ns1/vxlan0 vxlan']);
		expect(stackedOn(world, 'ns1', link(world, 'ns1', 'eth9'))).toEqual([]);
	});
});
