// Every plan's exact argv and undo argv: what the preview shows is what runs and what a script contains.
import {describe, expect, it} from 'vitest';
import {addAddressPlan, deleteAddressPlan} from '../../source/plans/address-plans.js';
import {bridgePlan, connectPlan, detachPlan} from '../../source/plans/bridge-plans.js';
import {deleteLinkPlan, movePlan, NO_LOSSES, togglePlan} from '../../source/plans/link-plans.js';
import {attachNamespacePlan, deleteNamespacePlan, newNamespacePlan} from '../../source/plans/namespace-plans.js';
import type {Plan} from '../../source/plans/plan.js';
import {addRoutePlan, deleteRoutePlan, forwardingPlan} from '../../source/plans/route-plans.js';
import {vethPlan} from '../../source/plans/veth-plan.js';
import {fixtureWorld} from '../support/fixtures.js';

const lines = (plan: Plan): string[] => plan.steps.map((s) => `${s.argv.join(' ')}  ⟲ ${s.undo?.join(' ') ?? '-'}`);

describe('plans: exact argv and undo argv', () => {
	it.each<[string, Plan, string[]]>([
		['new namespace, lo up', newNamespacePlan({name: 'ns1', loUp: true}), ['ip netns add ns1  ⟲ ip netns del ns1', 'ip -n ns1 link set dev lo up  ⟲ ip netns del ns1']],
		['new namespace, lo down', newNamespacePlan({name: 'ns1', loUp: false}), ['ip netns add ns1  ⟲ ip netns del ns1']],
		[
			'veth pair between two namespaces, with addresses, up (the seed tutorial): each end made in place',
			vethPlan({name1: 'veth_ns1', ns1: 'ns1', address1: '10.1.1.1/24', name2: 'veth_ns2', ns2: 'ns2', address2: '10.1.1.2/24', up: true}),
			[
				'ip link add name veth_ns1 netns ns1 type veth peer name veth_ns2 netns ns2  ⟲ ip -n ns1 link del dev veth_ns1',
				'ip -n ns1 addr add 10.1.1.1/24 dev veth_ns1  ⟲ ip -n ns1 link del dev veth_ns1',
				'ip -n ns2 addr add 10.1.1.2/24 dev veth_ns2  ⟲ ip -n ns1 link del dev veth_ns1',
				'ip -n ns1 link set dev veth_ns1 up  ⟲ ip -n ns1 link del dev veth_ns1',
				'ip -n ns2 link set dev veth_ns2 up  ⟲ ip -n ns1 link del dev veth_ns1',
			],
		],
		[
			'veth pair from the host to a namespace, no addresses, not up: the host end takes no netns',
			vethPlan({name1: 'pair-host', ns1: 'host', address1: '', name2: 'pair-test', ns2: 'test', address2: '', up: false}),
			['ip link add name pair-host type veth peer name pair-test netns test  ⟲ ip link del dev pair-host'],
		],
		[
			'veth pair whose host end is plugged into br0 (seed tutorial B)',
			vethPlan({name1: 'veth_ns1_br0', ns1: 'host', address1: '', bridge1: 'br0', name2: 'veth_ns1', ns2: 'ns1', address2: '10.1.1.1/24', up: true}),
			[
				'ip link add name veth_ns1_br0 type veth peer name veth_ns1 netns ns1  ⟲ ip link del dev veth_ns1_br0',
				'ip -n ns1 addr add 10.1.1.1/24 dev veth_ns1  ⟲ ip link del dev veth_ns1_br0',
				'ip link set dev veth_ns1_br0 master br0  ⟲ ip link del dev veth_ns1_br0',
				'ip link set dev veth_ns1_br0 up  ⟲ ip link del dev veth_ns1_br0',
				'ip -n ns1 link set dev veth_ns1 up  ⟲ ip link del dev veth_ns1_br0',
			],
		],
		[
			'veth pair into namespaces without a name: netns takes the path, the rest goes through nsenter',
			vethPlan({name1: 'eth1', ns1: '/proc/4242/ns/net', address1: '', bridge1: 'br9', name2: 'eth1', ns2: '/run/docker/netns/1a2b', address2: '', up: false}),
			[
				'ip link add name eth1 netns /proc/4242/ns/net type veth peer name eth1 netns /run/docker/netns/1a2b  ⟲ nsenter --net=/proc/4242/ns/net ip link del dev eth1',
				'nsenter --net=/proc/4242/ns/net ip link set dev eth1 master br9  ⟲ nsenter --net=/proc/4242/ns/net ip link del dev eth1',
			],
		],
		[
			'bridge in the host with an address',
			bridgePlan({name: 'br0', ns: 'host', address: '10.1.1.4/24', up: true}),
			['ip link add name br0 type bridge  ⟲ ip link del dev br0', 'ip link set dev br0 up  ⟲ ip link del dev br0', 'ip addr add 10.1.1.4/24 dev br0  ⟲ ip link del dev br0'],
		],
		['bridge in a namespace', bridgePlan({name: 'br1', ns: 'ns1', address: '', up: false}), ['ip -n ns1 link add name br1 type bridge  ⟲ ip -n ns1 link del dev br1']],
		['detach from a bridge: undo plugs it back', detachPlan({ns: 'ns1', link: 'p1', bridge: 'br1'}), ['ip -n ns1 link set dev p1 nomaster  ⟲ ip -n ns1 link set dev p1 master br1']],
		['connect to a bridge', connectPlan({ns: 'host', link: 'veth_ns1_br0', bridge: 'br0'}), ['ip link set dev veth_ns1_br0 master br0  ⟲ ip link set dev veth_ns1_br0 nomaster']],
		['move host → ns1', movePlan({from: 'host', link: 'veth0', to: 'ns1'}), ['ip link set dev veth0 netns ns1  ⟲ ip -n ns1 link set dev veth0 netns /proc/1/ns/net']],
		['move ns1 → host: by the path of PID 1\'s namespace, which no name shadows', movePlan({from: 'ns1', link: 'veth0', to: 'host'}), ['ip -n ns1 link set dev veth0 netns /proc/1/ns/net  ⟲ ip link set dev veth0 netns ns1']],
		['set up', togglePlan('ns1', 'veth_ns1', true), ['ip -n ns1 link set dev veth_ns1 up  ⟲ ip -n ns1 link set dev veth_ns1 down']],
		['set down in the host', togglePlan('host', 'br0', false), ['ip link set dev br0 down  ⟲ ip link set dev br0 up']],
		['add IPv4 address', addAddressPlan({ns: 'ns1', link: 'veth_ns1', cidr: '10.1.1.1/24'}), ['ip -n ns1 addr add 10.1.1.1/24 dev veth_ns1  ⟲ ip -n ns1 addr del 10.1.1.1/24 dev veth_ns1']],
		['delete IPv6 address', deleteAddressPlan({ns: 'ns1', link: 'a1', cidr: 'fd00::1/64'}), ['ip -n ns1 addr del fd00::1/64 dev a1  ⟲ ip -n ns1 addr add fd00::1/64 dev a1']],
		[
			'default route via a gateway',
			addRoutePlan({ns: 'ns1', dst: 'default', via: '10.1.1.4', dev: '', family: 4}),
			['ip -n ns1 route add default via 10.1.1.4  ⟲ ip -n ns1 route del default via 10.1.1.4'],
		],
		[
			'IPv6 route via a gateway on a device',
			addRoutePlan({ns: 'ns1', dst: 'fd01::/64', via: 'fd00::2', dev: 'a1', family: 6}),
			['ip -n ns1 -6 route add fd01::/64 via fd00::2 dev a1  ⟲ ip -n ns1 -6 route del fd01::/64 via fd00::2 dev a1'],
		],
		[
			'delete a route: by all that identifies it',
			deleteRoutePlan('host', {family: 4, dst: '10.2.0.0/16', dev: 'br0', table: 'main', type: 'unicast', flags: []}),
			['ip route del 10.2.0.0/16 table main dev br0  ⟲ ip route add 10.2.0.0/16 table main dev br0'],
		],
		[
			'delete one of several routes to a prefix: type, table, metric, protocol, gateway, device, source',
			deleteRoutePlan('ns1', {family: 6, dst: 'fd01::/64', gateway: 'fd00::2', dev: 'a1', table: '100', type: 'unicast', protocol: 'static', metric: 20, prefsrc: 'fd00::1', flags: []}),
			[
				'ip -n ns1 -6 route del fd01::/64 table 100 metric 20 proto static via fd00::2 dev a1 src fd00::1  ⟲ ip -n ns1 -6 route add fd01::/64 table 100 metric 20 proto static via fd00::2 dev a1 src fd00::1',
			],
		],
		[
			'delete a blackhole',
			deleteRoutePlan('ns1', {family: 4, dst: '10.79.0.0/24', table: 'main', type: 'blackhole', protocol: 'static', flags: []}),
			['ip -n ns1 route del blackhole 10.79.0.0/24 table main proto static  ⟲ ip -n ns1 route add blackhole 10.79.0.0/24 table main proto static'],
		],
		['IPv4 forwarding on in the host', forwardingPlan('host', 4, true), ['sysctl -w net.ipv4.ip_forward=1  ⟲ sysctl -w net.ipv4.ip_forward=0']],
		[
			'IPv6 forwarding off in a namespace',
			forwardingPlan('ns1', 6, false),
			['ip netns exec ns1 sysctl -w net.ipv6.conf.all.forwarding=0  ⟲ ip netns exec ns1 sysctl -w net.ipv6.conf.all.forwarding=1'],
		],
		['delete an interface (no undo)', deleteLinkPlan('ns1', 'veth_ns1', 'veth', {...NO_LOSSES, peer: {ns: 'host', name: 'veth_ns1_br0', ifindex: 7}}), ['ip -n ns1 link del dev veth_ns1  ⟲ -']],
	])('%s', (_name, plan, expected) => {
		expect(lines(plan)).toEqual(expected);
	});

	it.each<[string, Plan, string[]]>([
		[
			'an address in a namespace only a process holds: nsenter, exactly as it runs',
			addAddressPlan({ns: '/proc/4242/ns/net', link: 'eth0', cidr: '10.70.0.2/24'}),
			['nsenter --net=/proc/4242/ns/net ip addr add 10.70.0.2/24 dev eth0  ⟲ nsenter --net=/proc/4242/ns/net ip addr del 10.70.0.2/24 dev eth0'],
		],
		[
			'moving an interface into a Docker-mounted namespace: netns takes the path',
			movePlan({from: 'host', link: 'veth9', to: '/run/docker/netns/1a2b3c'}),
			['ip link set dev veth9 netns /run/docker/netns/1a2b3c  ⟲ nsenter --net=/run/docker/netns/1a2b3c ip link set dev veth9 netns /proc/1/ns/net'],
		],
		['naming a process-held namespace', attachNamespacePlan({from: '/proc/4242/ns/net', pid: 4242, name: 'web'}), ['ip netns attach web 4242  ⟲ ip netns del web']],
		['deleting the named namespace called host: by its name, not the host', deleteNamespacePlan({namespaces: []}, '/run/netns/host'), ['ip netns del host  ⟲ -']],
	])('namespaces without a name: %s', (_name, plan, expected) => {
		expect(lines(plan)).toEqual(expected);
	});

	it('deleting a namespace is dangerous and says what goes with it', () => {
		const plan = deleteNamespacePlan(fixtureWorld('bridge'), 'ns1');
		expect(lines(plan)).toEqual(['ip netns del ns1  ⟲ -']);
		expect(plan.dangerous).toBe(true);
		expect(plan.consequences?.join('\n')).toMatch(/veths destroyed, with their other ends: .*veth_ns1 ↔ host\/veth_ns1_br0/);
		// Its veths' other ends vanish from the host too: the whole world is read again.
		expect(plan.affects).toEqual(['host', 'ns1', 'ns2']);
	});

	it('setting a link down warns that the kernel drops its IPv6 addresses', () => {
		expect(togglePlan('ns1', 'a1', false, ['fd00::1/64']).consequences?.[0]).toMatch(/removes its IPv6 addresses.*fd00::1\/64/);
		expect(togglePlan('ns1', 'a1', true, ['fd00::1/64']).consequences).toBeUndefined();
	});

	it('deleting an interface names the other end that goes with it', () => {
		expect(deleteLinkPlan('ns1', 'veth_ns1', 'veth', {...NO_LOSSES, peer: {ns: 'host', name: 'veth_ns1_br0', ifindex: 7}}).consequences?.[0]).toContain('host/veth_ns1_br0');
		expect(deleteLinkPlan('ns1', 'veth_ns1', 'veth', {...NO_LOSSES, peer: {ns: 'host', name: 'veth_ns1_br0', ifindex: 7}}).affects).toEqual(['ns1', 'host']);
	});
});

describe('deleting routes the kernel shows in full', () => {
	it('puts every next hop of a multipath route back, and an IPv6 gateway of an IPv4 route as via inet6', () => {
		const multipath = deleteRoutePlan('ns1', {family: 4, dst: '10.5.0.0/16', table: 'main', type: 'unicast', protocol: 'boot', flags: [], nexthops: [{gateway: '10.0.0.2', dev: 'eth0', weight: 2}, {gateway: '10.0.1.2', dev: 'eth1', weight: 1}]});
		expect(lines(multipath)).toEqual([
			'ip -n ns1 route del 10.5.0.0/16 table main proto boot nexthop via 10.0.0.2 dev eth0 weight 2 nexthop via 10.0.1.2 dev eth1 weight 1  ⟲ ip -n ns1 route add 10.5.0.0/16 table main proto boot nexthop via 10.0.0.2 dev eth0 weight 2 nexthop via 10.0.1.2 dev eth1 weight 1',
		]);
		const via6 = deleteRoutePlan('ns1', {family: 4, dst: '10.6.0.0/16', gateway: 'fd00::2', dev: 'eth0', table: 'main', type: 'unicast', protocol: 'boot', flags: []});
		expect(lines(via6)[0]).toContain('route del 10.6.0.0/16 table main proto boot via inet6 fd00::2 dev eth0');
	});
});
